// Shared helpers for the libFuzzer targets (cpp/fuzz/fuzz_*.cpp).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "liptako/segmenter.h"
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

// A span lies inside the text and, when valid UTF-8 sits at its ends, does
// not cut a code point: both ends are on non-continuation bytes.
inline void check_span(std::string_view text, uint32_t start, uint32_t end, const char* what) {
  check(start <= end, what, "start > end");
  check(end <= text.size(), what, "end past the text");
  auto on_boundary = [&](uint32_t p) {
    return p == 0 || p == text.size() ||
           (static_cast<unsigned char>(text[p]) & 0xC0) != 0x80;
  };
  check(on_boundary(start) && on_boundary(end), what, "span cuts a UTF-8 sequence");
}

}  // namespace liptako_fuzz
