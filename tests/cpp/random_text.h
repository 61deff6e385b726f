// Test helper: reproducible random texts made of given pieces, for tests that
// compare a fast path with its reference on many mixed inputs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace liptako::test_util {

class RandomText {
 public:
  RandomText(std::vector<std::string> pieces, uint64_t seed)
      : pieces_(std::move(pieces)), state_(seed) {}

  // 1 to max_pieces pieces, each drawn at random, concatenated.
  std::string next(size_t max_pieces) {
    std::string s;
    const size_t parts = 1 + below(max_pieces);
    for (size_t k = 0; k < parts; ++k) s += pieces_[below(pieces_.size())];
    return s;
  }

 private:
  // A number in [0, n): a 64-bit linear congruential step, its high bits.
  size_t below(size_t n) {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<size_t>((state_ >> 33) % n);
  }

  std::vector<std::string> pieces_;
  uint64_t state_;
};

}  // namespace liptako::test_util
