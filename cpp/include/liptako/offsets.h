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

// Code-point offsets of any byte offsets into one text, each in constant time
// and without a branch that depends on the text: one pass marks the bytes that
// continue a UTF-8 sequence, 64 to a 64-bit word, and counts the code points
// before every 64-byte block; a lookup adds the unmarked bytes of its block
// before the offset (a masked popcount). The text must outlive the map.
class CodePointMap {
 public:
  CodePointMap() = default;
  explicit CodePointMap(std::string_view text);

  // The code-point offset of `byte_offset`; offsets past the text's end count
  // as its end.
  size_t operator()(uint32_t byte_offset) const {
    const size_t at = byte_offset < size_ ? byte_offset : size_;
    const size_t block = at / kBlock, in_block = at % kBlock;
    const uint64_t before = continuation_[block] & ((uint64_t{1} << in_block) - 1);
    return before_block_[block] + in_block - popcount64(before);
  }

 private:
  static constexpr size_t kBlock = 64;
  // Bits set in x, without a popcount instruction (not in baseline x86-64).
  static size_t popcount64(uint64_t x) {
    x = x - ((x >> 1) & 0x5555555555555555ULL);
    x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
    x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
    return static_cast<size_t>((x * 0x0101010101010101ULL) >> 56);
  }
  size_t size_ = 0;
  // Per block of 64 bytes (and one for the offset at the text's end): the code
  // points before it, and bit k set when its byte k continues a sequence.
  std::vector<uint32_t> before_block_ = std::vector<uint32_t>(1, 0);
  std::vector<uint64_t> continuation_ = std::vector<uint64_t>(1, 0);
};

}  // namespace liptako
