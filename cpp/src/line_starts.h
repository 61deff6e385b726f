// Internal: rules whose matches start at line starts, and a filter that tells from a
// line's first two bytes that such a rule cannot match there. Not part of the public API.
#pragma once

#include <re2/re2.h>

#include <array>
#include <bitset>
#include <cstddef>
#include <string>
#include <string_view>

namespace liptako::internal {

// True when every match of `pattern` starts at a line start (position 0 or just
// after a '\n'): the pattern opens with "(?m)^", the ^ carries no quantifier and
// the rest has no top-level '|' (which would leave alternatives unanchored).
// Conservative: anything this simple scan does not understand (\Q...\E, nested
// or POSIX classes) answers false, and the rule is searched unanchored.
bool starts_at_line_starts(const std::string& pattern);

// Which positions can start a match of a line-anchored pattern, judged from the
// position's first two bytes. Built from the pattern's syntax after "(?m)^": the
// first two characters its matches can begin with, per ASCII first character (the
// ASCII members of each character class asked of RE2, one byte at a time, with the
// rule's options). Exact in one direction only: may_start_at() is false only where
// the pattern has no match starting at that position; where the pattern's syntax
// is beyond the scan (flag groups, \Q, POSIX classes...) the filter assumes any
// characters, and a pattern that can match the empty string passes every position.
class LineStartFilter {
 public:
  // The filter of `pattern` compiled with `options`; it passes every position unless
  // starts_at_line_starts(pattern) and the encoding is UTF-8. `pattern` must compile
  // with `options`.
  LineStartFilter(const std::string& pattern, const RE2::Options& options);

  // False only when no match of the pattern, searched with RE2 in `text`, starts at
  // `p` (p <= text.size()).
  bool may_start_at(std::string_view text, size_t p) const {
    if (!active_) return true;
    if (p >= text.size()) return false;  // a match holds at least one character
    const auto b0 = static_cast<unsigned char>(text[p]);
    if (b0 >= 0x80) return true;  // a non-ASCII first character: not judged
    if (p + 1 == text.size()) return single_[b0];
    return after_[b0][static_cast<unsigned char>(text[p + 1])];
  }

  // Whether may_start_at() can answer false somewhere.
  bool active() const { return active_; }

 private:
  bool active_ = false;  // false: the pattern can match the empty string, or no filter
  std::bitset<128> single_;  // ASCII characters that can be a whole match
  // Per ASCII first character: the bytes that can follow it at a match's start (all
  // of them when the character can be a whole match).
  std::array<std::bitset<256>, 128> after_{};
};

}  // namespace liptako::internal
