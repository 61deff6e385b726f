// Shared helpers for the libFuzzer targets (cpp/fuzz/fuzz_*.cpp).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "liptako/segmenter.h"
#include "liptako/text.h"
#include "liptako/types.h"

#ifndef LIPTAKO_DATA_DIR
#error "LIPTAKO_DATA_DIR must be defined (the bundled resources, python/liptako/data)"
#endif

namespace liptako_fuzz {

// Aborts (so libFuzzer records a crash) with a message.
[[noreturn]] inline void fail(const char* what, const std::string& detail = "") {
  std::fprintf(stderr, "fuzz invariant violated: %s %s\n", what, detail.c_str());
  std::abort();
}

inline void check(bool ok, const char* what, const std::string& detail = "") {
  if (!ok) fail(what, detail);
}

// Sentences cover [0, n) in order, non-empty, non-overlapping.
inline void check_sentences(const std::vector<liptako::Sentence>& s, size_t n) {
  uint32_t prev = 0;
  for (const auto& x : s) {
    check(x.start < x.end, "empty or inverted sentence");
    check(x.start >= prev, "sentences overlap or are out of order");
    check(x.end <= n, "sentence past the end of the text");
    prev = x.end;
  }
}

// Code-point boundaries of a text, as liptako decodes it: every byte that
// does not start a valid UTF-8 sequence is a code point of its own.
class Boundaries {
 public:
  explicit Boundaries(std::string_view text) : at_(text.size() + 1, false) {
    for (size_t i = 0; i < text.size(); i += liptako::text::decode(text, i).len) at_[i] = true;
    at_[text.size()] = true;
  }
  bool operator()(uint32_t p) const { return p < at_.size() && at_[p]; }
  size_t size() const { return at_.size() - 1; }

 private:
  std::vector<bool> at_;
};

// A span lies inside the text and starts and ends on code-point boundaries.
inline void check_span(const Boundaries& b, uint32_t start, uint32_t end, const char* what) {
  check(start <= end, what, "start > end: " + std::to_string(start) + " > " + std::to_string(end));
  check(end <= b.size(), what, "end past the text");
  check(b(start) && b(end), what,
        "span cuts a UTF-8 sequence: [" + std::to_string(start) + ", " + std::to_string(end) + ")");
}

}  // namespace liptako_fuzz
