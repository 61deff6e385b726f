// Internal: an index of the words of up to 8 bytes of a StringIndex, keyed by
// their bytes packed into one integer. Not part of the public API.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "liptako/string_index.h"
#include "liptako/text.h"

namespace liptako::internal {

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
              "ShortWordIndex keys: a word's first byte is the key's lowest");

// The words of 1 to 8 bytes of a StringIndex, each keyed by its bytes read as one
// integer, zero-padded; key 0 marks an empty slot. Words holding a NUL byte are
// left out (their padded keys could equal another word's; no token holds one), so
// a key never names two words. A lookup is one multiply and integer compares, no
// string. Immutable after build().
class ShortWordIndex {
 public:
  static constexpr size_t kMaxBytes = 8;
  static constexpr uint32_t kNotFound = StringIndex::kNotFound;

  void build(const StringIndex& words) {
    auto indexed = [](std::string_view w) {
      return !w.empty() && w.size() <= kMaxBytes && w.find('\0') == std::string_view::npos;
    };
    size_t count = 0;
    for (uint32_t id = 0; id < words.size(); ++id) count += indexed(words.get(id));
    size_t capacity = 16;
    shift_ = 60;
    while (capacity < 2 * count) capacity *= 2, --shift_;
    slots_.assign(capacity, Slot{});
    for (uint32_t id = 0; id < words.size(); ++id) {
      const std::string_view w = words.get(id);
      if (!indexed(w)) continue;
      uint64_t key = 0;
      std::memcpy(&key, w.data(), w.size());
      size_t i = home(key);
      while (slots_[i].key != 0) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = {key, id};
    }
  }

  // The id of the word whose key is `key` (not 0), or kNotFound.
  uint32_t find(uint64_t key) const {
    for (size_t i = home(key);; i = (i + 1) & (slots_.size() - 1)) {
      if (slots_[i].key == key) return slots_[i].id;
      if (slots_[i].key == 0) return kNotFound;
    }
  }

  // The key of the folded ASCII token p[0, n), 1 <= n <= 8; reads p[0, 8) when
  // `may_read_8` (the bytes after the token are masked off).
  static uint64_t key_of_ascii(const char* p, size_t n, bool may_read_8) {
    if (may_read_8) return text::ascii_lower8(p) & mask(n);
    uint64_t key = 0;
    for (size_t m = 0; m < n; ++m)
      key |= static_cast<uint64_t>(static_cast<unsigned char>(text::ascii_lower(p[m]))) << (8 * m);
    return key;
  }
  // key_of_ascii(p, n, true) for an ASCII token whose bytes other than
  // uppercase letters all have bit 5 (0x20) set: lowering is then setting that
  // bit. Such are the bytes of every word, number, possessive and hyphen token
  // (letters, digits, ' . , -), not every punctuation byte ('[', '@').
  static uint64_t key_of_ascii_word(const char* p, size_t n) {
    return key_of_padded(p, n) | (0x2020202020202020ULL & mask(n));
  }
  // The key of the word p[0, n), 1 <= n <= 8, as it is; reads p[0, 8).
  static uint64_t key_of_padded(const char* p, size_t n) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    return w & mask(n);
  }

  size_t memory_bytes() const { return slots_.capacity() * sizeof(Slot); }

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t id = 0;
  };
  static uint64_t mask(size_t n) { return ~uint64_t{0} >> (64 - 8 * n); }  // 1 <= n <= 8
  size_t home(uint64_t key) const {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ULL) >> shift_);
  }

  std::vector<Slot> slots_ = std::vector<Slot>(2);
  int shift_ = 63;  // 64 - log2(slots_.size())
};

}  // namespace liptako::internal
