// UTF-8 decoding, character classes and folding: the only place that knows
// about Unicode. Everything else works on byte offsets into the original text.
//
// Invalid UTF-8: every byte that does not start a valid sequence decodes as
// one code point kInvalid (U+FFFD) of length 1. Such a byte is never a word
// character, so it can never be inside a match; offsets stay exact.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace liptako::text {

constexpr char32_t kInvalid = 0xFFFD;

struct Decoded {
  char32_t cp;
  uint32_t len;  // bytes consumed, >= 1
};

// Decodes the code point starting at byte `i` of `s` (i < s.size()).
Decoded decode(std::string_view s, size_t i);

// The code point of the two UTF-8 bytes at b[i] (a lead byte C2..DF and a
// continuation byte), or 0 when b[i, n) does not start with such a pair:
// decode()'s answer for them, inline for a caller that scans bytes.
inline char32_t two_byte_code_point(const unsigned char* b, size_t i, size_t n) {
  if (i + 1 >= n || b[i] < 0xC2 || b[i] > 0xDF || (b[i + 1] & 0xC0) != 0x80) return 0;
  return static_cast<char32_t>(((b[i] & 0x1Fu) << 6) | (b[i + 1] & 0x3Fu));
}

// Appends the UTF-8 encoding of `cp` to `out`.
void append_utf8(char32_t cp, std::string& out);

// Letters, combining marks and digits (Unicode general categories L*, M*, N*).
bool is_word_char(char32_t cp);
bool is_letter(char32_t cp);
bool is_digit(char32_t cp);
bool is_upper(char32_t cp);  // Lu or Lt
bool is_lower(char32_t cp);  // Ll
bool is_space(char32_t cp);  // Z* and ASCII/Unicode line breaks and tabs
bool is_apostrophe(char32_t cp);  // ' and ’ ‘ ʼ
bool is_hyphen(char32_t cp);      // - and U+2010, U+2011 (not en/em dashes)

// The answers of is_word_char, is_letter, is_upper and is_lower for a code
// point of two UTF-8 bytes (U+0080..U+07FF), as bits, from one table lookup.
enum : uint8_t { kWordCharBit = 1, kLetterBit = 2, kUpperBit = 8, kLowerBit = 16 };
uint8_t two_byte_classes(char32_t cp);

// Appends the folded form of `s` to `out`: Unicode case folding, compatibility
// decomposition with combining marks stripped (Goïta -> goita, Ελλάδα ->
// ελλαδα), apostrophe variants -> ', hyphen variants -> -. Invalid bytes fold
// to U+FFFD.
void fold(std::string_view s, std::string& out);
std::string fold(std::string_view s);

// A lowercase ASCII slug for ids: folded, non-alphanumerics collapsed to '-'.
// Non-Latin letters are kept as folded UTF-8. The first form appends to `out`.
void slugify(std::string_view s, std::string& out);
std::string slugify(std::string_view s);
// For an ASCII `s` (is_ascii): writes slugify(s) to `out`, which has room for
// s.size() bytes (a slug is never longer), and returns its length.
size_t slugify_ascii_to(std::string_view s, char* out);

// c with ASCII 'A'..'Z' lowered (text::fold's answer for an ASCII byte).
inline char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
}

// Every byte of s is ASCII (< 0x80); 8 bytes a step.
inline bool is_ascii(std::string_view s) {
  uint64_t any = 0;
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    any |= w;
  }
  for (; i < s.size(); ++i) any |= static_cast<unsigned char>(s[i]);
  return (any & 0x8080808080808080ULL) == 0;
}

// The high bit of each of w's 8 bytes that is ASCII lo..hi (lo <= hi < 0x80), the
// other bits clear.
inline uint64_t ascii_range_bits8(uint64_t w, char lo, char hi) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  const uint64_t low7 = w & ~kHighBits;              // no byte sum below carries over
  const uint64_t ge_lo = low7 + (0x80 - lo) * kOnes;  // high bit: byte >= lo
  const uint64_t gt_hi = low7 + (0x7F - hi) * kOnes;  // high bit: byte > hi
  return ge_lo & ~gt_hi & ~w & kHighBits;
}

// The 8 bytes at p with ASCII 'A'..'Z' lowered (text::fold's answer for ASCII);
// bytes >= 0x80 are left as they are. Inline: folding's hot path.
inline uint64_t ascii_lower8(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return w | (ascii_range_bits8(w, 'A', 'Z') >> 2);  // + 0x20
}

// How many of the 8 bytes at p, from the first, are ASCII 'a'..'z' (0..8): on
// lowered text (ascii_lower8, ascii_lower_padded), the length of a run of ASCII
// letters, 8 bytes a step.
inline size_t lower_letter_run8(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  const uint64_t other = ascii_range_bits8(w, 'a', 'z') ^ 0x8080808080808080ULL;  // not a..z
  static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "the first byte is the lowest");
  return other == 0 ? 8 : static_cast<size_t>(__builtin_ctzll(other)) / 8;
}

// a == b for a literal b (a string_view of it). Always inlined: std::operator== may
// stay an out-of-line call in large functions with many word tests; here a word of
// another length is rejected without a call.
template <size_t N>
__attribute__((always_inline)) inline bool eq(std::string_view a, const char (&b)[N]) {
  return a.size() == N - 1 && std::memcmp(a.data(), b, N - 1) == 0;
}

// Bytes that ascii_lower_padded() appends after the lowered text: a reader of
// 8-byte words may load up to 8 bytes past the text's end.
constexpr size_t kLowerPadding = 8;

// Writes `text` with ASCII 'A'..'Z' lowered (every other byte kept: same length,
// same offsets) to out[0, text.size()); out must not overlap text.
void ascii_lower_to(std::string_view text, char* out);

// `text` with ASCII 'A'..'Z' lowered (ascii_lower_to), followed by kLowerPadding
// NUL bytes (the returned string's size is text.size() + kLowerPadding).
std::string ascii_lower_padded(std::string_view text);

// Number of code points in s[0, n) (each invalid byte counts as one).
size_t count_code_points(std::string_view s);

}  // namespace liptako::text
