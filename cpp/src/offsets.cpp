#include "liptako/offsets.h"

#include <algorithm>
#include <cstring>

namespace liptako {

size_t count_sequence_starts(std::string_view text, size_t from, size_t to) {
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  const char* p = text.data();
  size_t count = 0;
  for (; from + 8 <= to; from += 8) {
    uint64_t w;
    std::memcpy(&w, p + from, 8);
    // A continuation byte is 10xxxxxx: bit 7 set, bit 6 clear. The marks are
    // summed by a multiply (no popcount instruction in baseline x86-64).
    const uint64_t continuation = (w & ~(w << 1) & kHighBits) >> 7;
    count += 8 - static_cast<size_t>((continuation * kOnes) >> 56);
  }
  for (; from < to; ++from) count += (static_cast<unsigned char>(p[from]) & 0xC0) != 0x80;
  return count;
}

CodePointMap::CodePointMap(std::string_view text) : text_(text) {
  before_block_.resize(text.size() / kBlock + 1);
  size_t count = 0;
  for (size_t b = 0; b < before_block_.size(); ++b) {
    before_block_[b] = static_cast<uint32_t>(count);
    const size_t from = b * kBlock;
    if (from < text.size())
      count += count_sequence_starts(text, from, std::min(from + kBlock, text.size()));
  }
}

size_t CodePointMap::operator()(uint32_t byte_offset) const {
  const size_t at = std::min<size_t>(byte_offset, text_.size());
  const size_t block = at / kBlock;
  return before_block_[block] + count_sequence_starts(text_, block * kBlock, at);
}

}  // namespace liptako
