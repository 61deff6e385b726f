// The one place that converts UTF-8 byte offsets to code-point offsets (Python
// str indices). Collect every offset of a result first, then convert them all
// in one pass over the text.
//
// A code-point offset counts the bytes before it that do not continue a UTF-8
// sequence: Python's indexing for valid UTF-8 and for text Python encoded with
// "surrogatepass" (lone surrogates).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace liptako {

// The bytes of text[from, to) that do not continue a UTF-8 sequence (the code
// points between two offsets, as above), counted 8 at a time.
// Requires from <= to <= text.size().
size_t count_sequence_starts(std::string_view text, size_t from, size_t to);

class CodePointMap {
 public:
  void add(uint32_t byte_offset) { bytes_.push_back(byte_offset); }

  // Converts every added offset; offsets past the text's end count as its end.
  void build(std::string_view text);

  // The code-point offset of an added byte offset.
  size_t operator()(uint32_t byte_offset) const;

 private:
  std::vector<uint32_t> bytes_;
  std::vector<size_t> points_;
};

}  // namespace liptako
