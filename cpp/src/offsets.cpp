#include "liptako/offsets.h"

#include <algorithm>
#include <cstring>

namespace liptako {

size_t count_sequence_starts(std::string_view text, size_t from, size_t to) {
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  const char* p = text.data();
  size_t count = 0;
  for (; from + 8 <= to; from += 8) {
    uint64_t w;
    std::memcpy(&w, p + from, 8);
    // A continuation byte is 10xxxxxx: bit 7 set, bit 6 clear.
    const uint64_t continuation = w & ~(w << 1) & kHighBits;
    count += 8 - static_cast<size_t>(__builtin_popcountll(continuation));
  }
  for (; from < to; ++from) count += (static_cast<unsigned char>(p[from]) & 0xC0) != 0x80;
  return count;
}

void CodePointMap::build(std::string_view text) {
  std::sort(bytes_.begin(), bytes_.end());
  bytes_.erase(std::unique(bytes_.begin(), bytes_.end()), bytes_.end());
  points_.resize(bytes_.size());
  size_t count = 0, pos = 0;
  for (size_t k = 0; k < bytes_.size(); ++k) {
    const size_t target = std::min<size_t>(bytes_[k], text.size());
    count += count_sequence_starts(text, pos, target);
    pos = target;
    points_[k] = count;
  }
}

size_t CodePointMap::operator()(uint32_t byte_offset) const {
  auto it = std::lower_bound(bytes_.begin(), bytes_.end(), byte_offset);
  return points_[static_cast<size_t>(it - bytes_.begin())];
}

}  // namespace liptako
