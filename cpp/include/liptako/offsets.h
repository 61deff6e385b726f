// The one place that converts UTF-8 byte offsets to code-point offsets (Python
// str indices).
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

// Code-point offsets of byte offsets taken in non-decreasing order (the
// starts of matches in text order): one pass over the text, 16 bytes a step,
// and a masked count in the block of each offset. An offset before the
// previous one counts again from the text's start (correct, only slower).
// The text must outlive the cursor.
class CodePointCursor {
 public:
  explicit CodePointCursor(std::string_view text) : text_(text) {}

  // The code-point offset of `byte_offset`; offsets past the text's end count
  // as its end.
  size_t operator()(size_t byte_offset);

 private:
  std::string_view text_;
  size_t block_ = 0;   // where the block holding the last offset starts
  size_t before_ = 0;  // code points before block_
};

// Code-point offsets of any byte offsets into one text, each in constant time:
// the code points before every 64-byte block are counted once, in one pass;
// a lookup adds those of at most 63 bytes. The text must outlive the map.
class CodePointMap {
 public:
  CodePointMap() = default;
  explicit CodePointMap(std::string_view text);

  // The code-point offset of `byte_offset`; offsets past the text's end count
  // as its end.
  size_t operator()(uint32_t byte_offset) const;

 private:
  static constexpr size_t kBlock = 64;
  std::string_view text_;
  std::vector<uint32_t> before_block_;  // code points before each block
};

}  // namespace liptako
