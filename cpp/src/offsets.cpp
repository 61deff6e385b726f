#include "liptako/offsets.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace liptako {

namespace {

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
