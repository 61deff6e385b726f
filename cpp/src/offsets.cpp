#include "liptako/offsets.h"

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace liptako {

namespace {

// The set bits of a 16-bit mask (no popcount instruction in baseline x86-64).
inline unsigned popcount16(unsigned m) {
  m = m - ((m >> 1) & 0x5555u);
  m = (m & 0x3333u) + ((m >> 2) & 0x3333u);
  m = (m + (m >> 4)) & 0x0F0Fu;
  return (m + (m >> 8)) & 0x1Fu;
}

#if defined(__SSE2__)
// Bit k set: p[k] continues a UTF-8 sequence (10xxxxxx), for k < 16.
inline unsigned continuation_marks16(const char* p) {
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(
      _mm_and_si128(x, _mm_set1_epi8(static_cast<char>(0xC0))),
      _mm_set1_epi8(static_cast<char>(0x80)))));
}
#endif

}  // namespace

size_t count_sequence_starts(std::string_view text, size_t from, size_t to) {
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  const char* p = text.data();
  size_t count = 0;
#if defined(__SSE2__)
  for (; from + 16 <= to; from += 16) count += 16 - popcount16(continuation_marks16(p + from));
#endif
  for (; from + 8 <= to; from += 8) {
    uint64_t w;
    std::memcpy(&w, p + from, 8);
    // A continuation byte is 10xxxxxx: bit 7 set, bit 6 clear. The marks are
    // summed by a multiply.
    const uint64_t continuation = (w & ~(w << 1) & kHighBits) >> 7;
    count += 8 - static_cast<size_t>((continuation * kOnes) >> 56);
  }
  for (; from < to; ++from) count += (static_cast<unsigned char>(p[from]) & 0xC0) != 0x80;
  return count;
}

CodePointMap::CodePointMap(std::string_view text) : size_(text.size()) {
  const size_t blocks = text.size() / kBlock + 1;  // the last one partial (maybe empty)
  before_block_.assign(blocks, 0);
  continuation_.assign(blocks, 0);
  const char* p = text.data();
  size_t count = 0;
  for (size_t b = 0; b < blocks; ++b) {
    before_block_[b] = static_cast<uint32_t>(count);
    const size_t from = b * kBlock;
    uint64_t marks = 0;
    size_t k = 0;
#if defined(__SSE2__)
    for (; from + k + 16 <= text.size() && k < kBlock; k += 16)
      marks |= static_cast<uint64_t>(continuation_marks16(p + from + k)) << k;
#endif
    for (; from + k < text.size() && k < kBlock; ++k)
      marks |= static_cast<uint64_t>((static_cast<unsigned char>(p[from + k]) & 0xC0) == 0x80) << k;
    continuation_[b] = marks;
    count += k - popcount64(marks);
  }
}

}  // namespace liptako
