#include "liptako/offsets.h"

#include <algorithm>

namespace liptako {

void CodePointMap::build(std::string_view text) {
  std::sort(bytes_.begin(), bytes_.end());
  bytes_.erase(std::unique(bytes_.begin(), bytes_.end()), bytes_.end());
  points_.resize(bytes_.size());
  size_t count = 0, pos = 0;
  for (size_t k = 0; k < bytes_.size(); ++k) {
    size_t target = std::min<size_t>(bytes_[k], text.size());
    for (; pos < target; ++pos)
      if ((static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80) ++count;
    points_[k] = count;
  }
}

size_t CodePointMap::operator()(uint32_t byte_offset) const {
  auto it = std::lower_bound(bytes_.begin(), bytes_.end(), byte_offset);
  return points_[static_cast<size_t>(it - bytes_.begin())];
}

}  // namespace liptako
