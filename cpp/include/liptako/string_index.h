// StringIndex: interns strings to dense ids 0..size()-1; lookups take a
// string_view and allocate nothing. Open addressing, linear probing, load
// factor <= 0.5. Immutable use is thread-safe.
#pragma once

#include <cstdint>
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
    size_t h = hash(s), mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      uint32_t slot = slots_[i];
      if (slot == 0) {
        uint32_t id = static_cast<uint32_t>(offsets_.size() - 1);
        arena_.append(s);
        offsets_.push_back(static_cast<uint32_t>(arena_.size()));
        slots_[i] = id + 1;
        ++count_;
        return id;
      }
      if (get(slot - 1) == s) return slot - 1;
    }
  }

  uint32_t find(std::string_view s) const {
    if (count_ == 0) return kNotFound;
    size_t h = hash(s), mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      uint32_t slot = slots_[i];
      if (slot == 0) return kNotFound;
      if (get(slot - 1) == s) return slot - 1;
    }
  }

  bool contains(std::string_view s) const { return find(s) != kNotFound; }

  std::string_view get(uint32_t id) const {
    return std::string_view(arena_).substr(offsets_[id], offsets_[id + 1] - offsets_[id]);
  }

  size_t size() const { return count_; }
  size_t memory_bytes() const {
    return arena_.capacity() + offsets_.capacity() * 4 + slots_.capacity() * 4;
  }

 private:
  static size_t hash(std::string_view s) { return std::hash<std::string_view>{}(s); }

  void grow() {
    std::vector<uint32_t> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : old.size() * 2, 0);
    size_t mask = slots_.size() - 1;
    for (uint32_t slot : old) {
      if (slot == 0) continue;
      size_t i = hash(get(slot - 1)) & mask;
      while (slots_[i] != 0) i = (i + 1) & mask;
      slots_[i] = slot;
    }
  }

  std::string arena_;
  std::vector<uint32_t> offsets_{0};
  std::vector<uint32_t> slots_;
  size_t count_ = 0;
};

}  // namespace liptako
