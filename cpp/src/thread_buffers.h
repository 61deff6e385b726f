// Internal: a stage's working buffers, one set per thread, kept from one
// document to the next so that their capacity is reused (most documents then
// allocate none of them). After a text above kKeptBytes they are released: one
// huge document does not pin its memory for the rest of the thread's life.
// Not part of the public API.
#pragma once

#include <cstddef>
#include <memory>

namespace liptako::internal {

// Scoped use of the calling thread's `Buffers` (one set per thread and type;
// default-constructed on first use). The caller clears each buffer before it
// reads it. Not reentrant for one type.
template <class Buffers>
class ThreadBuffers {
 public:
  static constexpr size_t kKeptBytes = size_t{1} << 20;

  // For a text of `text_bytes`.
  explicit ThreadBuffers(size_t text_bytes) : release_(text_bytes > kKeptBytes) {}
  ~ThreadBuffers() {
    if (release_) slot().reset();
  }
  ThreadBuffers(const ThreadBuffers&) = delete;
  ThreadBuffers& operator=(const ThreadBuffers&) = delete;

  Buffers& get() const {
    std::unique_ptr<Buffers>& b = slot();
    if (!b) b = std::make_unique<Buffers>();
    return *b;
  }

 private:
  static std::unique_ptr<Buffers>& slot() {
    thread_local std::unique_ptr<Buffers> b;
    return b;
  }
  bool release_;
};

}  // namespace liptako::internal
