// Internal: the tokens of tokenize_words() one at a time, and the ASCII byte
// classes of the tokenizer. Not part of the public API.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "liptako/segmenter.h"

namespace liptako::internal {

// ASCII fast path: character classes of bytes < 0x80 from a table (the same
// answers as text::is_* give for those code points); decode, the utf8proc
// lookups and the out-of-line calls are paid only for non-ASCII.
// kPunctC: any other ASCII byte but NUL (a one-byte token).
enum : uint8_t {
  kWordC = 1, kLetterC = 2, kUpperC = 4, kLowerC = 8, kDigitC = 16, kSpaceC = 32, kPunctC = 64
};

// Indexed by byte: NUL and bytes >= 0x80 (parts of multi-byte sequences) have no class.
constexpr std::array<uint8_t, 256> make_ascii_class() {
  std::array<uint8_t, 256> t{};
  for (int c = 1; c < 128; ++c) {
    uint8_t f = kPunctC;
    if (c >= 'A' && c <= 'Z') f = kWordC | kLetterC | kUpperC;
    if (c >= 'a' && c <= 'z') f = kWordC | kLetterC | kLowerC;
    if (c >= '0' && c <= '9') f = kWordC | kDigitC;
    if (c == ' ' || (c >= '\t' && c <= '\r')) f = kSpaceC;
    t[static_cast<size_t>(c)] = f;
  }
  return t;
}
inline constexpr std::array<uint8_t, 256> kAscii = make_ascii_class();

// The tokens of tokenize_words(text), one at a time, without the vector: for a
// caller that looks at each token once and keeps few (Gazetteer::find). Inline:
// the caller's loop is the tokenizer's. `text` must outlive the stream.
//
// Plain ASCII tokens are built here, in one pass over their bytes. Plain: a run
// of ASCII letters and digits followed by whitespace, the end, or an ASCII
// punctuation byte that cannot extend it (not an apostrophe, not '.' or ','
// before a letter or digit); and any other ASCII byte but NUL, a one-byte
// punctuation token. At any other token the general tokenizer
// (tokenize_words_reference) takes over up to the next ASCII whitespace (no
// token spans it). The tests compare the two.
class WordTokenStream {
 public:
  explicit WordTokenStream(std::string_view text) : s_(text) {}

  // Sets t to the next token and returns true; returns false after the last.
  // Always inlined: the caller's loop is the tokenizer's.
  __attribute__((always_inline)) bool next(Token& t) {
    if (taken_ < stretch_.size()) {
      t = stretch_[taken_++];
      return true;
    }
    const auto* b = reinterpret_cast<const unsigned char*>(s_.data());
    const size_t n = s_.size();
    size_t i = pos_;
    while (i < n) {
      const uint8_t c = kAscii[b[i]];
      if (c & kSpaceC) {
        space_ = true;
        newline_ |= b[i] == '\n' || b[i] == '\r';
        ++i;
        continue;
      }
      t = Token{};
      t.start = static_cast<uint32_t>(i);
      t.space_before = space_;
      t.newline_before = newline_;
      t.ascii = true;
      bool plain = true;
      if (c & kWordC) {
        size_t e = i;
        uint8_t any = 0;
        for (uint8_t x; e < n && ((x = kAscii[b[e]]) & kWordC); ++e) any |= x;
        if (e < n && !(kAscii[b[e]] & kSpaceC)) {
          const unsigned char next = b[e];
          plain = (kAscii[next] & kPunctC) && next != '\'' &&
                  !((next == '.' || next == ',') && e + 1 < n &&
                    !(kAscii[b[e + 1]] & (kPunctC | kSpaceC)));
        }
        const bool upper = any & kUpperC, lower = any & kLowerC;
        t.end = static_cast<uint32_t>(e);
        t.kind = upper || lower ? TokenKind::kWord : TokenKind::kNumber;
        t.capitalized = c & kUpperC;
        t.all_upper = upper && !lower;
      } else if (c & kPunctC) {
        t.end = static_cast<uint32_t>(i + 1);
        t.kind = b[i] == '-' ? TokenKind::kHyphen : TokenKind::kPunct;
      } else {
        plain = false;
      }
      if (plain) {
        pos_ = t.end;
        space_ = newline_ = false;
        return true;
      }
      if (general(i, t)) return true;
      i = pos_;
    }
    pos_ = n;
    return false;
  }

 private:
  // Runs the general tokenizer from s_[i] (not plain) up to the next ASCII
  // whitespace or the end, which becomes pos_; sets t to its first token and
  // returns true, or returns false when it gives none.
  bool general(size_t i, Token& t);

  std::string_view s_;
  size_t pos_ = 0;                       // where the scan resumes
  bool space_ = true, newline_ = false;  // whitespace / a line break since the last token
  std::vector<Token> stretch_;           // the general tokenizer's tokens of one stretch
  size_t taken_ = 0;                     // how many of them next() has returned
};

}  // namespace liptako::internal
