// StringIndex: interns strings to dense ids 0..size()-1; lookups take a
// string_view and allocate nothing. Open addressing, linear probing, load
// factor <= 0.5. Immutable use is thread-safe.
#pragma once

#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace liptako {

class StringIndex {
 public:
  static constexpr uint32_t kNotFound = 0xFFFFFFFFu;

  // Returns the id of `s`, adding it if new.
  uint32_t intern(std::string_view s) {
    if ((count_ + 1) * 2 > slots_.size()) grow();
    const size_t h = hash(s), mask = slots_.size() - 1;
    const uint64_t tag = tag_of(h);
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const uint64_t slot = slots_[i];
      if (slot == 0) {
        uint32_t id = static_cast<uint32_t>(offsets_.size() - 1);
        arena_.append(s);
        offsets_.push_back(static_cast<uint32_t>(arena_.size()));
        slots_[i] = tag | (id + 1);
        ++count_;
        return id;
      }
      if ((slot & kTagMask) == tag && equal(get(id_of(slot)), s)) return id_of(slot);
    }
  }

  uint32_t find(std::string_view s) const { return find(s, hash(s)); }

  // find() for a caller that has hashed `s` already: `h` must be hash(s).
  uint32_t find(std::string_view s, size_t h) const {
    if (count_ == 0) return kNotFound;
    const size_t mask = slots_.size() - 1;
    const uint64_t tag = tag_of(h);
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const uint64_t slot = slots_[i];
      if (slot == 0) return kNotFound;
      // The stored hash bits reject almost every other key without a string compare.
      if ((slot & kTagMask) == tag && equal(get(id_of(slot)), s)) return id_of(slot);
    }
  }

  bool contains(std::string_view s) const { return find(s) != kNotFound; }

  std::string_view get(uint32_t id) const {
    return std::string_view(arena_).substr(offsets_[id], offsets_[id + 1] - offsets_[id]);
  }

  size_t size() const { return count_; }
  size_t memory_bytes() const {
    return arena_.capacity() + offsets_.capacity() * 4 + slots_.capacity() * 8;
  }

  // The hash every StringIndex uses: a multiply-mix over 8-byte words (short
  // tails read as two overlapping loads, or three bytes); inline, no call into
  // libstdc++'s _Hash_bytes. Public so that a key looked up in several indexes
  // (a folded token: vocabulary, lexicons) is hashed once.
  static size_t hash(std::string_view s) {
    const char* p = s.data();
    size_t n = s.size();
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ (n * 0xff51afd7ed558ccdULL);
    while (n > 8) {
      h = (h ^ load64(p)) * 0xbf58476d1ce4e5b9ULL;
      h ^= h >> 29;
      p += 8;
      n -= 8;
    }
    uint64_t w;
    if (n >= 4) {
      w = (static_cast<uint64_t>(load32(p)) << 32) | load32(p + n - 4);
    } else if (n > 0) {
      w = (static_cast<uint64_t>(static_cast<unsigned char>(p[0])) << 16) |
          (static_cast<uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8) |
          static_cast<unsigned char>(p[n - 1]);
    } else {
      w = 0;
    }
    h = (h ^ w) * 0x94d049bb133111ebULL;
    h ^= h >> 31;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 32;
    return static_cast<size_t>(h);
  }
  // a == b, inline for the short keys (words) of the indexes: no memcmp call up
  // to 8 bytes.
  static bool equal(std::string_view a, std::string_view b) {
    const size_t n = a.size();
    if (n != b.size()) return false;
    if (n >= 4 && n <= 8) {
      if (n == 8) return load64(a.data()) == load64(b.data());
      return load32(a.data()) == load32(b.data()) &&
             load32(a.data() + n - 4) == load32(b.data() + n - 4);
    }
    if (n < 4) {
      for (size_t i = 0; i < n; ++i)
        if (a[i] != b[i]) return false;
      return true;
    }
    return std::memcmp(a.data(), b.data(), n) == 0;
  }

 private:
  static uint64_t load64(const char* p) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
  }
  static uint32_t load32(const char* p) {
    uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
  }

  void grow() {
    std::vector<uint64_t> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : old.size() * 2, 0);
    const size_t mask = slots_.size() - 1;
    for (uint64_t slot : old) {
      if (slot == 0) continue;
      size_t i = hash(get(id_of(slot))) & mask;
      while (slots_[i] != 0) i = (i + 1) & mask;
      slots_[i] = slot;
    }
  }

  // A slot is 0 (empty) or: the key's high hash bits (the tag) | (id + 1).
  static constexpr uint64_t kTagMask = 0xFFFFFFFF00000000ULL;
  static uint64_t tag_of(size_t h) { return static_cast<uint64_t>(h) & kTagMask; }
  static uint32_t id_of(uint64_t slot) { return static_cast<uint32_t>(slot) - 1; }

  std::string arena_;
  std::vector<uint32_t> offsets_{0};
  std::vector<uint64_t> slots_;
  size_t count_ = 0;
};

}  // namespace liptako
