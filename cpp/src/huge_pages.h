// Internal: an allocator for the large lookup tables of a gazetteer, whose
// entries are read in random order. Not part of the public API.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <new>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace liptako::internal {

// Allocates as std::allocator does, except that on Linux a block of kMinBytes
// or more is aligned to 2 MB and marked for transparent huge pages (madvise
// MADV_HUGEPAGE). A lookup into a table of tens of MB then needs one
// TLB entry per 2 MB instead of one per 4 KB: at a million phrases most
// lookups of the edge table and the word indexes would otherwise also miss
// the TLB. Where the kernel gives no huge pages the advice is ignored and
// the block is ordinary memory.
template <class T>
struct HugePageAllocator {
  using value_type = T;
  static constexpr size_t kHugePage = size_t{2} << 20;
  static constexpr size_t kMinBytes = kHugePage;

  HugePageAllocator() = default;
  template <class U>
  HugePageAllocator(const HugePageAllocator<U>&) noexcept {}  // NOLINT: rebinding

  T* allocate(size_t n) {
    if (n > static_cast<size_t>(-1) / sizeof(T)) throw std::bad_array_new_length();
    const size_t bytes = n * sizeof(T);
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    if (bytes >= kMinBytes) {
      const size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
      void* p = std::aligned_alloc(kHugePage, rounded);
      if (p == nullptr) throw std::bad_alloc();
      madvise(p, rounded, MADV_HUGEPAGE);  // advice only: failure leaves ordinary pages
      return static_cast<T*>(p);
    }
#endif
    return static_cast<T*>(::operator new(bytes));
  }

  void deallocate(T* p, size_t n) noexcept {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    if (n * sizeof(T) >= kMinBytes) {
      std::free(p);
      return;
    }
#endif
    (void)n;
    ::operator delete(p);
  }

  template <class U>
  bool operator==(const HugePageAllocator<U>&) const noexcept { return true; }
  template <class U>
  bool operator!=(const HugePageAllocator<U>&) const noexcept { return false; }
};

// A vector of such a table.
template <class T>
using LargeTable = std::vector<T, HugePageAllocator<T>>;

}  // namespace liptako::internal
