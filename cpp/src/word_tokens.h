// Internal: the tokens of tokenize_words() handed to a callback one at a time,
// and the ASCII byte classes of the tokenizer. Not part of the public API.
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
// kNewlineC: '\n' and '\r' (spaces too).
enum : uint8_t {
  kWordC = 1, kLetterC = 2, kUpperC = 4, kLowerC = 8, kDigitC = 16, kSpaceC = 32, kPunctC = 64,
  kNewlineC = 128
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
    if (c == '\n' || c == '\r') f = kSpaceC | kNewlineC;
    t[static_cast<size_t>(c)] = f;
  }
  return t;
}
inline constexpr std::array<uint8_t, 256> kAscii = make_ascii_class();

// Appends the general tokenizer's tokens (tokenize_words_reference) of
// text[i, end) to `out`, end being text.size() or an ASCII whitespace byte (no
// token spans one), given whether whitespace and a line break precede text[i].
// Returns whether a line break follows the last token.
bool general_tokens(std::string_view text, size_t i, size_t end, bool space, bool newline,
                    std::vector<Token>& out);

// Calls sink(const Token&) for every token of tokenize_words(text), in order:
// the tokens without a vector of them, for a caller that keeps few
// (Gazetteer::find). A template, so that the sink's code joins the tokenizer's
// loop. `stretch` is a buffer.
//
// Plain ASCII tokens are built here, in one pass over their bytes. Plain: a run
// of ASCII letters and digits followed by whitespace, the end, or an ASCII
// punctuation byte that cannot extend it (not an apostrophe, not '.' or ','
// before a letter or digit); and any other ASCII byte but NUL, a one-byte
// punctuation token. At any other token the general tokenizer takes over up to
// the next ASCII whitespace. The tests compare the two.
template <class Sink>
void for_each_word_token(std::string_view text, std::vector<Token>& stretch, Sink&& sink) {
  const auto* b = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  bool space = true, newline = false;  // since the last token
  // b[guard - 1] is no letter or digit (or guard is 0): a run of them that
  // starts before guard ends there at the latest, and is scanned without
  // checking for the text's end.
  size_t guard = n;
  while (guard > 0 && (kAscii[b[guard - 1]] & kWordC)) --guard;
  size_t i = 0;
  while (i < n) {
    const uint8_t c = kAscii[b[i]];
    if (c & kSpaceC) {
      space = true;
      newline |= (c & kNewlineC) != 0;
      ++i;
      continue;
    }
    Token t;
    t.start = static_cast<uint32_t>(i);
    t.space_before = space;
    t.newline_before = newline;
    t.ascii = true;
    bool plain = true;
    if (c & kWordC) {
      size_t e = i;
      uint8_t any = 0;
      if (i < guard) {
        for (uint8_t x; (x = kAscii[b[e]]) & kWordC; ++e) any |= x;
      } else {
        for (uint8_t x; e < n && ((x = kAscii[b[e]]) & kWordC); ++e) any |= x;
      }
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
      sink(static_cast<const Token&>(t));
      i = t.end;
      space = newline = false;
      continue;
    }
    size_t end = i + 1;
    while (end < n && !(kAscii[b[end]] & kSpaceC)) ++end;
    stretch.clear();
    newline = general_tokens(text, i, end, space, newline, stretch);
    for (const Token& g : stretch) sink(g);
    i = end;
  }
}

}  // namespace liptako::internal
