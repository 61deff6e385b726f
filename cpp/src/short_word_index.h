// Internal: indexes of the short words of a StringIndex, keyed by their bytes
// packed into integers. Not part of the public API.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "liptako/string_index.h"
#include "huge_pages.h"
#include "liptako/text.h"

namespace liptako::internal {

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
              "packed word keys: a word's first byte is the key's lowest");

// The slot of a packed key (or of a mixed value) in a table of 2^(64 - shift)
// slots: the top bits of its multiplicative hash. Every table of packed keys
// (PackedWordIndex, WordKeyFilter, the date tagger's short words) places its
// keys so.
inline size_t key_slot(uint64_t key, int shift) {
  return static_cast<size_t>((key * 0x9E3779B97F4A7C15ULL) >> shift);
}

// A filter of words of 1 to 8 bytes by their ShortWordIndex keys: one bit per
// key at key_slot(), `bits_per_key` bits per key added, at most 128 KB.
// may_contain() is false only for a key never added. Read before a word index
// for words that are mostly absent from it (the gazetteer's phrase starts, the
// event stage's words): the filter answers most of them from cache in a few
// instructions, without the index's bucket compare.
class WordKeyFilter {
 public:
  void build(const std::vector<uint64_t>& keys, size_t bits_per_key) {
    int bits = 6;
    while ((size_t{1} << bits) < keys.size() * bits_per_key && bits < kMaxBits) ++bits;
    shift_ = 64 - bits;
    words_.assign((size_t{1} << bits) / 64, 0);
    for (uint64_t k : keys) {
      const size_t b = bit(k);
      words_[b >> 6] |= uint64_t{1} << (b & 63);
    }
  }
  bool may_contain(uint64_t key) const {
    const size_t b = bit(key);
    return (words_[b >> 6] >> (b & 63)) & 1;
  }
  size_t memory_bytes() const { return words_.capacity() * 8; }

 private:
  static constexpr int kMaxBits = 20;  // 128 KB
  size_t bit(uint64_t key) const { return key_slot(key, shift_); }
  std::vector<uint64_t> words_ = std::vector<uint64_t>(1, 0);
  int shift_ = 58;
};

// The key of a word of 9 to 16 bytes: its bytes, zero-padded, as two integers.
struct Key16 {
  uint64_t lo = 0, hi = 0;
  bool operator==(const Key16& o) const { return lo == o.lo && hi == o.hi; }
};

// What a PackedWordIndex lookup finds.
struct PackedWordEntry {
  uint32_t id;     // StringIndex::kNotFound when the key is not in the index
  uint32_t extra;  // 0 when the key is not in the index
};

// The words of a StringIndex whose length fits a Key (uint64_t: 1 to 8 bytes;
// Key16: 9 to 16), each keyed by its bytes read as integers, zero-padded, and
// stored with its id and an `extra` number of the caller's (0 if none given).
// Words holding a NUL byte are left out (their padded keys could equal another
// word's; no token holds one), so a key never names two words, and the all-zero
// key marks an empty slot. A lookup is one multiply and integer compares, no
// string: the slots are grouped in buckets of a cache line or less, filled in
// order, and a lookup compares every key of a bucket without a branch; it reads
// a second bucket only when the first is full. Immutable after build().
template <class Key>
class PackedWordIndex {
 public:
  static constexpr size_t kMaxBytes = sizeof(Key);
  static constexpr size_t kMinBytes = sizeof(Key) - 7;
  static constexpr uint32_t kNotFound = StringIndex::kNotFound;

  using Entry = PackedWordEntry;

  // extras: null, or one number per word id.
  void build(const StringIndex& words, const uint32_t* extras = nullptr) {
    auto indexed = [](std::string_view w) {
      return w.size() >= kMinBytes && w.size() <= kMaxBytes &&
             w.find('\0') == std::string_view::npos;
    };
    size_t count = 0;
    for (uint32_t id = 0; id < words.size(); ++id) count += indexed(words.get(id));
    size_t buckets = 2;
    shift_ = 63;
    while (buckets * kSlots < 2 * count) buckets *= 2, --shift_;
    buckets_.assign(buckets, Bucket{});
    for (uint32_t id = 0; id < words.size(); ++id) {
      const std::string_view w = words.get(id);
      if (!indexed(w)) continue;
      Key key{};
      std::memcpy(&key, w.data(), w.size());
      for (size_t b = home(key);; b = (b + 1) & (buckets - 1)) {
        Bucket& k = buckets_[b];
        size_t s = 0;
        while (s < kSlots && !(k.keys[s] == Key{})) ++s;
        if (s == kSlots) continue;
        k.keys[s] = key;
        k.ids[s] = id;
        k.extras[s] = extras == nullptr ? 0 : extras[id];
        break;
      }
    }
  }

  // The id and extra of the word whose key is `key` (not all zero). For keys
  // that are mostly absent (GCC compiles the slot selection into a branch per
  // slot, all predictably not taken then).
  Entry find(const Key& key) const {
    for (size_t b = home(key);; b = (b + 1) & (buckets_.size() - 1)) {
      const Bucket& k = buckets_[b];
      Entry e{kNotFound, 0};
      for (size_t s = 0; s < kSlots; ++s) {
        const bool hit = k.keys[s] == key;
        e.id = hit ? k.ids[s] : e.id;
        e.extra = hit ? k.extras[s] : e.extra;
      }
      if (e.id != kNotFound || k.keys[kSlots - 1] == Key{}) return e;
    }
  }

  // find(), for keys that are mostly present, in any slot: the compares make a
  // mask of hits (one bit per slot, at most one set) and one branch asks whether
  // any hit, where find()'s branch per slot mispredicts. More instructions than
  // find(), fewer cycles on such keys.
  Entry find_present(const Key& key) const {
    for (size_t b = home(key);; b = (b + 1) & (buckets_.size() - 1)) {
      const Bucket& k = buckets_[b];
      unsigned hits = 0;
      for (size_t s = 0; s < kSlots; ++s) hits |= static_cast<unsigned>(k.keys[s] == key) << s;
      if (hits != 0) {
        const auto s = static_cast<size_t>(__builtin_ctz(hits));
        return {k.ids[s], k.extras[s]};
      }
      if (k.keys[kSlots - 1] == Key{}) return {kNotFound, 0};
    }
  }

  size_t memory_bytes() const { return buckets_.capacity() * sizeof(Bucket); }

 private:
  static constexpr size_t kSlots = sizeof(Key) == 8 ? 4 : 2;
  struct alignas(sizeof(Key) == 8 ? 64 : 16) Bucket {
    Key keys[kSlots] = {};
    uint32_t ids[kSlots] = {};
    uint32_t extras[kSlots] = {};
  };
  static uint64_t folded(uint64_t key) { return key; }
  static uint64_t folded(const Key16& key) { return key.lo ^ (key.hi * 0xC2B2AE3D27D4EB4FULL); }
  size_t home(const Key& key) const { return key_slot(folded(key), shift_); }

  LargeTable<Bucket> buckets_ = LargeTable<Bucket>(2);
  int shift_ = 63;  // 64 - log2(buckets_.size())
};

// Words of 1 to 8 bytes, and the packed keys of text.
class ShortWordIndex : public PackedWordIndex<uint64_t> {
 public:
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
 private:
  static uint64_t mask(size_t n) { return ~uint64_t{0} >> (64 - 8 * n); }  // 1 <= n <= 8
};

// Words of 9 to 16 bytes.
using MediumWordIndex = PackedWordIndex<Key16>;

// The words of 1 to 16 bytes of a StringIndex: a ShortWordIndex and a
// MediumWordIndex built together. find_padded() looks a word up as it is; a
// caller that computes its own keys (lowering them) uses the two indexes.
class PackedWords {
 public:
  static constexpr size_t kMaxBytes = MediumWordIndex::kMaxBytes;

  // extras: null, or one number per word id.
  void build(const StringIndex& words, const uint32_t* extras = nullptr) {
    short_.build(words, extras);
    medium_.build(words, extras);
  }

  // The entry of the word p[0, n), 1 <= n <= kMaxBytes; reads p[0, 8), and
  // p[8, 16) when n > 8.
  PackedWordEntry find_padded(const char* p, size_t n) const {
    if (n <= ShortWordIndex::kMaxBytes) return short_.find(ShortWordIndex::key_of_padded(p, n));
    return medium_.find(Key16{ShortWordIndex::key_of_padded(p, 8),
                              ShortWordIndex::key_of_padded(p + 8, n - 8)});
  }

  // find_padded() by find_present(): for words that are mostly in the index.
  PackedWordEntry find_padded_present(const char* p, size_t n) const {
    if (n <= ShortWordIndex::kMaxBytes)
      return short_.find_present(ShortWordIndex::key_of_padded(p, n));
    return medium_.find_present(Key16{ShortWordIndex::key_of_padded(p, 8),
                                      ShortWordIndex::key_of_padded(p + 8, n - 8)});
  }

  const ShortWordIndex& short_words() const { return short_; }
  const MediumWordIndex& medium_words() const { return medium_; }
  size_t memory_bytes() const { return short_.memory_bytes() + medium_.memory_bytes(); }

 private:
  ShortWordIndex short_;    // 1 to 8 bytes
  MediumWordIndex medium_;  // 9 to 16
};

}  // namespace liptako::internal
