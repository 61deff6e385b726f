// Internal: the tokens of tokenize_words() handed to a callback one at a time,
// and the ASCII byte classes of the tokenizer. Not part of the public API.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "liptako/segmenter.h"
#include "liptako/text.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// The end of the run of ASCII letters and digits starting at b[i] (b[i] is
// one) in b[0, n). `limit`: b[limit - 1] is no letter or digit (or limit is 0),
// so a run at or past e < limit ends before it, found without checking for n.
// `upper` / `lower` are nonzero when the run holds an uppercase / lowercase
// letter (the token's flags are set from them directly, without a byte of
// class bits in between); without kCaseFlags, `upper` is 0 and `lower` nonzero
// when the run holds a letter of either case. With SSE2, 16 bytes a step while 16 can be read
// before b[n]: three range compares and a bit scan instead of a table lookup
// and a branch per byte.
#if defined(__SSE2__)
// Per byte of x: 0xFF where lo <= x < lo + len (unsigned), else 0.
inline __m128i bytes_in_range(__m128i x, char lo, int len) {
  // unsigned (x - lo) < len  <=>  signed (x - lo - 128) < len - 128
  return _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8(static_cast<char>(-lo - 128))),
                        _mm_set1_epi8(static_cast<char>(len - 128)));
}

// The classes of x's 16 bytes, 0xFF per byte: uppercase and lowercase ASCII
// letters (without kCaseFlags, `up` is 0 and `low` holds the letters of both
// cases, found by one range compare of x | 0x20), and ASCII letters and digits.
struct ByteClasses16 {
  __m128i up, low, word;
};
template <bool kCaseFlags>
inline ByteClasses16 byte_classes16(__m128i x) {
  ByteClasses16 c;
  c.up = kCaseFlags ? bytes_in_range(x, 'A', 26) : _mm_setzero_si128();
  c.low = kCaseFlags ? bytes_in_range(x, 'a', 26)
                     : bytes_in_range(_mm_or_si128(x, _mm_set1_epi8(0x20)), 'a', 26);
  c.word = _mm_or_si128(_mm_or_si128(c.up, c.low), bytes_in_range(x, '0', 10));
  return c;
}
#endif

template <bool kCaseFlags = true>
inline size_t ascii_word_run(const unsigned char* b, size_t i, size_t limit, size_t n,
                             uint32_t& upper, uint32_t& lower) {
  size_t e = i;
  upper = 0, lower = 0;
#if defined(__SSE2__)
  while (e + 16 <= n) {
    const ByteClasses16 c =
        byte_classes16<kCaseFlags>(_mm_loadu_si128(reinterpret_cast<const __m128i*>(b + e)));
    const uint32_t other = ~static_cast<uint32_t>(_mm_movemask_epi8(c.word)) & 0xFFFFu;
    const uint32_t run = other ? (1u << __builtin_ctz(other)) - 1 : 0xFFFFu;
    if (kCaseFlags) upper |= static_cast<uint32_t>(_mm_movemask_epi8(c.up)) & run;
    lower |= static_cast<uint32_t>(_mm_movemask_epi8(c.low)) & run;
    if (other) return e + static_cast<size_t>(__builtin_ctz(other));
    e += 16;
  }
#endif
  uint8_t any = 0;
  if (e < limit) {
    for (uint8_t x; (x = kAscii[b[e]]) & kWordC; ++e) any |= x;
  } else {
    for (uint8_t x; e < n && ((x = kAscii[b[e]]) & kWordC); ++e) any |= x;
  }
  if (kCaseFlags) {
    upper |= any & kUpperC;
    lower |= any & kLowerC;
  } else {
    lower |= any & kLetterC;
  }
  return e;
}

// Whether a run of letters and digits b[start, e) ends at e as a plain word
// (one word token, however it began): at the text's end, at whitespace, or
// at an ASCII punctuation byte that cannot extend it (not an apostrophe, not
// '.' or ',' before a letter, digit or byte above ASCII).
inline bool ends_plain_word(const unsigned char* b, size_t e, size_t n) {
  if (e == n || (kAscii[b[e]] & kSpaceC)) return true;
  const unsigned char next = b[e];
  return (kAscii[next] & kPunctC) && next != '\'' &&
         !((next == '.' || next == ',') && e + 1 < n && !(kAscii[b[e + 1]] & (kPunctC | kSpaceC)));
}

// A word with two-byte letters ("Traoré", "Élysée", "Ελλάδα": accented Latin,
// Greek, Cyrillic) that the general tokenizer makes one word token of: ASCII
// letters and digits and two-byte word characters (text::two_byte_classes),
// followed by what ends a plain ASCII word. Fills t (its start and the flags
// before it set) and returns true; false when b[t.start, n) starts no such
// word.
inline bool two_byte_word(const unsigned char* b, size_t limit, size_t n, Token& t) {
  size_t e = t.start;
  uint8_t any = 0, wide = 0;  // classes of the ASCII runs (kAscii) and two-byte characters
  bool first = true, capitalized = false;
  for (;;) {
    if (e < n && (kAscii[b[e]] & kWordC)) {
      if (first) capitalized = kAscii[b[e]] & kUpperC;
      uint32_t upper, lower;
      e = ascii_word_run(b, e, limit, n, upper, lower);
      any |= static_cast<uint8_t>((upper ? kUpperC : 0) | (lower ? kLowerC : 0));
    } else if (const char32_t cp = text::two_byte_code_point(b, e, n)) {
      const uint8_t classes = text::two_byte_classes(cp);
      if (!(classes & text::kWordCharBit)) break;
      if (first) capitalized = classes & text::kUpperBit;
      wide |= classes;
      e += 2;
    } else {
      break;
    }
    first = false;
  }
  if (wide == 0 || !ends_plain_word(b, e, n)) return false;  // the general tokenizer's
  // An ASCII letter is upper or lower case; a two-byte one may be neither.
  const bool upper = (any & kUpperC) || (wide & text::kUpperBit);
  const bool lower = (any & kLowerC) || (wide & text::kLowerBit);
  const bool letter = upper || lower || (wide & text::kLetterBit);
  t.end = static_cast<uint32_t>(e);
  t.kind = letter ? TokenKind::kWord : TokenKind::kNumber;
  t.capitalized = capitalized;
  t.all_upper = letter && upper && !lower;
  t.ascii = false;
  return true;
}

// Appends the general tokenizer's tokens (tokenize_words_reference) of
// text[i, end) to `out`, end being text.size() or an ASCII whitespace byte (no
// token spans one), given whether whitespace and a line break precede text[i].
// Returns whether a line break follows the last token.
bool general_tokens(std::string_view text, size_t i, size_t end, bool space, bool newline,
                    std::vector<Token>& out);

// Where other_tokens() stopped, and whether whitespace and a line break
// precede what comes next.
struct OtherTokens {
  size_t end;
  bool space, newline;
};

// The tokens from t.start on that are not plain (see for_each_word_token; t's
// start and the flags before it are set; `word`: text[t.start] is an ASCII
// letter or digit, and t.end the end of their run): a word with two-byte
// letters (two_byte_word), else the general tokenizer's up to the next ASCII
// whitespace. Appends them to `out`. Out of line: rare in news text.
__attribute__((noinline)) inline OtherTokens other_tokens(std::string_view text, size_t limit,
                                                          bool word, Token& t,
                                                          std::vector<Token>& out) {
  const auto* b = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  const unsigned char lead = b[word ? t.end : t.start];
  if (lead >= 0xC2 && lead <= 0xDF && two_byte_word(b, limit, n, t)) {
    out.push_back(t);
    return {t.end, false, false};
  }
  size_t end = t.start + 1;
  while (end < n && !(kAscii[b[end]] & kSpaceC)) ++end;
  const bool newline = general_tokens(text, t.start, end, t.space_before, t.newline_before, out);
  return {end, true, newline};  // end: whitespace or the text's end
}

// Whether b[i] (n bytes) is an ASCII space followed by a word of 1 to 15
// ASCII letters and digits and another space: most tokens of prose. Then
// fills t's start, end, kind and capitalized (and all_upper with kAllFlags) from
// one 16-byte load, without the byte classes. (Such a word is a plain token.)
template <bool kAllFlags>
__attribute__((always_inline)) inline bool spaced_ascii_word(const unsigned char* b, size_t i,
                                                             size_t n, Token& t) {
#if defined(__SSE2__)
  if (b[i] != ' ' || i + 17 > n) return false;
  const ByteClasses16 c =
      byte_classes16<kAllFlags>(_mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i + 1)));
  const uint32_t word = static_cast<uint32_t>(_mm_movemask_epi8(c.word));
  const uint32_t len = static_cast<uint32_t>(__builtin_ctz(~word));  // at most 16
  if (len - 1 >= 15 || b[i + 1 + len] != ' ') return false;
  const uint32_t run = (1u << len) - 1;
  const uint32_t upper = static_cast<uint32_t>(_mm_movemask_epi8(c.up)) & run;
  const uint32_t lower = static_cast<uint32_t>(_mm_movemask_epi8(c.low)) & run;
  t.start = static_cast<uint32_t>(i + 1);
  t.end = static_cast<uint32_t>(i + 1 + len);
  t.kind = (upper | lower) != 0 ? TokenKind::kWord : TokenKind::kNumber;
  t.capitalized = kAscii[b[i + 1]] & kUpperC;
  if (kAllFlags) t.all_upper = upper != 0 && lower == 0;
  return true;
#else
  (void)b, (void)i, (void)n, (void)t;
  return false;
#endif
}

// Calls sink(const Token&) for every token of tokenize_words(text), in order:
// the tokens without a vector of them, for a caller that keeps few
// (Gazetteer::find). A template, always inlined, so that the sink's code joins
// the tokenizer's loop (a larger sink made GCC call it out of line, with the
// sink's state in memory). `stretch` is a buffer.
//
// Plain ASCII tokens are built here, in one pass over their bytes. Plain: a run
// of ASCII letters and digits followed by whitespace, the end, or an ASCII
// punctuation byte that cannot extend it (not an apostrophe, not '.' or ','
// before a letter or digit); and any other ASCII byte but NUL, a one-byte
// punctuation token. Most words of prose come with the space before them
// (spaced_ascii_word), the others from their classes byte by byte. Other
// tokens are other_tokens()': a word with two-byte letters, else the general
// tokenizer's up to the next ASCII whitespace. The tests compare the two.
//
// Without kAllFlags, for a caller that reads neither (Gazetteer::find), no
// token's newline_before and no plain token's all_upper is set: the loop does
// not track line breaks, and finds a run's letters by one range compare.
template <bool kAllFlags = true, class Sink>
__attribute__((always_inline)) inline void for_each_word_token(std::string_view text,
                                                      std::vector<Token>& stretch, Sink&& sink) {
  const auto* b = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  bool space = true, newline = false;  // since the last token
  // b[guard - 1] is no letter or digit (or guard is 0): a run of them that
  // starts before guard ends there at the latest, and is scanned without
  // checking for the text's end.
  size_t guard = n;
  while (guard > 0 && (kAscii[b[guard - 1]] & kWordC)) --guard;
  size_t i = 0;
  // One token, its fields set afresh for each (not zeroed first): ascii is
  // always true here; every path sets start, end, kind, capitalized,
  // space_before and, with kAllFlags, newline_before and all_upper.
  Token t;
  t.ascii = true;
  while (i < n) {
    // One call of the sink for the plain tokens of both paths (GCC inlines it at
    // each call: a second one cost the gazetteer 6% of its speed).
    if (spaced_ascii_word<kAllFlags>(b, i, n, t)) {
      t.space_before = true;
      if (kAllFlags) t.newline_before = newline;
    } else {
      const uint8_t c = kAscii[b[i]];
      if (c & kSpaceC) {
        space = true;
        if (kAllFlags) newline |= (c & kNewlineC) != 0;
        ++i;
        continue;
      }
      t.start = static_cast<uint32_t>(i);
      t.space_before = space;
      if (kAllFlags) t.newline_before = newline;
      bool plain = true;
      if (c & kWordC) {
        uint32_t upper, lower;
        const size_t e = ascii_word_run<kAllFlags>(b, i, guard, n, upper, lower);
        plain = ends_plain_word(b, e, n);
        t.end = static_cast<uint32_t>(e);
        t.kind = (upper | lower) != 0 ? TokenKind::kWord : TokenKind::kNumber;
        t.capitalized = c & kUpperC;
        if (kAllFlags) t.all_upper = upper != 0 && lower == 0;
      } else if (c & kPunctC) {
        t.end = static_cast<uint32_t>(i + 1);
        t.kind = b[i] == '-' ? TokenKind::kHyphen : TokenKind::kPunct;
        t.capitalized = false;
        if (kAllFlags) t.all_upper = false;
      } else {
        plain = false;
      }
      if (!plain) {
        stretch.clear();
        const OtherTokens other = other_tokens(text, guard, (c & kWordC) != 0, t, stretch);
        t.ascii = true;  // other_tokens() may have cleared it
        for (const Token& g : stretch) sink(g);
        i = other.end;
        space = other.space;
        newline = other.newline;
        continue;
      }
    }
    sink(static_cast<const Token&>(t));
    i = t.end;
    space = newline = false;
  }
}

// For the stages whose tokenizers take tokenize_words()' tokens where they cut the text
// alike (the timex and event tokenizers: runs of ASCII letters and digits are words, with
// kSplitLettersDigits letters and digits apart, every other ASCII byte but whitespace is
// a token). The first q in [from, end) where they may cut it otherwise: lower[q] is a
// byte above ASCII or NUL, or '.', ',' or an apostrophe followed by a byte from '0' up
// to 0x7F (every ASCII letter and digit: the segmenter may join across them), or, with
// kSplitLettersDigits, a digit followed by a letter or a letter by a digit; end + 1 if
// there is none. `lower`: the text (n bytes, end <= n) with ASCII letters lower-cased,
// followed by at least 8 readable bytes. Before q the text is ASCII without NUL, and the
// segmenter's words are such runs, each of its other tokens one ASCII byte.
// Out of line: called once per stretch between differences, from loops kept tight.
template <bool kSplitLettersDigits>
__attribute__((noinline)) size_t next_cut_difference(const char* lower, size_t from, size_t end, size_t n) {
  size_t q = from;
#if defined(__SSE2__)
  // 16 bytes a step while lower[q, q + 17) can be read.
  for (; q < end && q + 17 <= n + 8; q += 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(lower + q));
    const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(lower + q + 1));
    // '.' and ',' are 0x2E and 0x2C; bytes above ASCII are negative as signed
    const __m128i joiner =
        _mm_or_si128(_mm_cmpeq_epi8(_mm_or_si128(x, _mm_set1_epi8(2)), _mm_set1_epi8('.')),
                     _mm_cmpeq_epi8(x, _mm_set1_epi8('\'')));
    __m128i flagged = _mm_or_si128(
        _mm_and_si128(joiner, _mm_cmpgt_epi8(next, _mm_set1_epi8('0' - 1))),
        _mm_cmpeq_epi8(x, _mm_setzero_si128()));
    if (kSplitLettersDigits) {
      const __m128i digit = bytes_in_range(x, '0', 10);
      const __m128i letter = bytes_in_range(x, 'a', 26);
      const __m128i next_digit = bytes_in_range(next, '0', 10);
      const __m128i next_letter = bytes_in_range(next, 'a', 26);
      flagged = _mm_or_si128(flagged, _mm_or_si128(_mm_and_si128(digit, next_letter),
                                                   _mm_and_si128(letter, next_digit)));
    }
    // movemask(x): the bytes above ASCII
    const uint32_t m =
        static_cast<uint32_t>(_mm_movemask_epi8(x) | _mm_movemask_epi8(flagged));
    if (m) {
      q += static_cast<size_t>(__builtin_ctz(m));
      return q < end ? q : end + 1;
    }
  }
#endif
  auto digit = [](unsigned char c) { return c >= '0' && c <= '9'; };
  auto letter = [](unsigned char c) { return c >= 'a' && c <= 'z'; };
  for (; q < end; ++q) {
    const unsigned char c = static_cast<unsigned char>(lower[q]);
    const unsigned char next = static_cast<unsigned char>(lower[q + 1]);
    if (c >= 0x80 || c == 0 || ((c == '.' || c == ',' || c == '\'') && next >= '0' && next < 0x80))
      return q;
    if (kSplitLettersDigits && ((digit(c) && letter(next)) || (letter(c) && digit(next))))
      return q;
  }
  return end + 1;
}

// The driver of such a tokenizer, over text[begin, end): seg..seg_end are
// tokenize_words(text)'s tokens that lie in it, in order. take(const Token&) gets each
// one that ends before next_cut_difference<kSplitLettersDigits>() (there it is the
// tokenizer's own token); scan(from, to) gets the rest, text[from, to) in order: `from`
// is where the last token taken ended or the last scan stopped (or begin), `to` the end
// or an ASCII whitespace byte, where both tokenizers start afresh. `lower`: as for
// next_cut_difference().
template <bool kSplitLettersDigits, class Take, class Scan>
inline void take_or_scan(std::string_view text, const char* lower, size_t begin, size_t end,
                         const Token* seg, const Token* seg_end, Take&& take, Scan&& scan) {
  const auto* b = reinterpret_cast<const unsigned char*>(text.data());
  size_t pos = begin;
  size_t differ = next_cut_difference<kSplitLettersDigits>(lower, pos, end, text.size());
  while (seg != seg_end) {
    if (seg->end < differ) {
      take(*seg);
      pos = seg->end;
      ++seg;
      continue;
    }
    size_t to = seg->start;
    while (to < end && !(kAscii[b[to]] & kSpaceC)) ++to;
    scan(pos, to);
    pos = to;
    differ = next_cut_difference<kSplitLettersDigits>(lower, pos, end, text.size());
    while (seg != seg_end && seg->start < pos) ++seg;  // inside what scan() took
  }
  scan(pos, end);
}

}  // namespace liptako::internal
