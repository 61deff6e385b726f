#include "liptako/text.h"

#include <array>
#include <utf8proc.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace liptako::text {

namespace {

utf8proc_category_t category(char32_t cp) {
  return utf8proc_category(static_cast<utf8proc_int32_t>(cp));
}

// The classes of code points above ASCII, by Unicode category (and for
// spaces, U+0085 too).
bool letter_category(utf8proc_category_t c) {
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}
bool digit_category(utf8proc_category_t c) {
  return c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO;
}
bool word_category(utf8proc_category_t c) {  // letters, marks, numbers
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO;
}
bool upper_category(utf8proc_category_t c) {
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}
bool lower_category(utf8proc_category_t c) { return c == UTF8PROC_CATEGORY_LL; }
bool space_code_point(char32_t cp) {
  const auto c = category(cp);
  return (c >= UTF8PROC_CATEGORY_ZS && c <= UTF8PROC_CATEGORY_ZP) || cp == 0x85;
}

// All the classes of a code point above ASCII, as bits (text.h's among them).
enum : uint8_t {
  kWord = kWordCharBit, kLetter = kLetterBit, kDigit = 4, kUpper = kUpperBit, kLower = kLowerBit,
  kSpace = 32
};
uint8_t classes_of(char32_t cp) {
  const auto c = category(cp);
  return static_cast<uint8_t>((word_category(c) ? kWord : 0) | (letter_category(c) ? kLetter : 0) |
                              (digit_category(c) ? kDigit : 0) | (upper_category(c) ? kUpper : 0) |
                              (lower_category(c) ? kLower : 0) |
                              (space_code_point(cp) ? kSpace : 0));
}

// Appends the fold (text::fold) of one code point above ASCII.
void fold_code_point(char32_t cp, std::string& out) {
  if (is_apostrophe(cp)) {
    out.push_back('\'');
    return;
  }
  if (is_hyphen(cp)) {
    out.push_back('-');
    return;
  }
  constexpr int kOptions = UTF8PROC_CASEFOLD | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE |
                           UTF8PROC_STRIPMARK | UTF8PROC_IGNORE;
  utf8proc_int32_t buf[8];
  int boundclass = UTF8PROC_BOUNDCLASS_START;
  const utf8proc_ssize_t n =
      utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cp), buf, 8,
                              static_cast<utf8proc_option_t>(kOptions), &boundclass);
  if (n < 0 || n > 8) {
    append_utf8(cp, out);
    return;
  }
  for (utf8proc_ssize_t k = 0; k < n; ++k) append_utf8(static_cast<char32_t>(buf[k]), out);
}

// The code points of two UTF-8 bytes, U+0080..U+07FF (Latin-1, Latin Extended,
// Greek, Cyrillic, Hebrew, Arabic: the accented names of news text), with
// their classes and folds worked out once, so that the tokenizer and fold()
// need no utf8proc call for them. The same answers as classes_of() and
// fold_code_point() give (a test compares them for every one).
class TwoByteCodePoints {
 public:
  static constexpr char32_t kFirst = 0x80, kEnd = 0x800;
  static constexpr uint8_t kNoFold = 0xFF;  // a fold longer than kFoldBytes

  static const TwoByteCodePoints& get() {
    static const TwoByteCodePoints table;
    return table;
  }
  uint8_t classes(char32_t cp) const { return entries_[cp - kFirst].classes; }
  // Appends the fold of cp; false (nothing appended) when it is not kept here.
  bool append_fold(char32_t cp, std::string& out) const {
    const Entry& e = entries_[cp - kFirst];
    if (e.fold_size == kNoFold) return false;
    out.append(e.fold, e.fold_size);
    return true;
  }

 private:
  static constexpr size_t kFoldBytes = 6;
  struct Entry {
    uint8_t classes = 0;
    uint8_t fold_size = kNoFold;
    char fold[kFoldBytes] = {};
  };
  TwoByteCodePoints() {
    std::string folded;
    for (char32_t cp = kFirst; cp < kEnd; ++cp) {
      Entry& e = entries_[cp - kFirst];
      e.classes = classes_of(cp);
      folded.clear();
      fold_code_point(cp, folded);
      if (folded.size() <= kFoldBytes) {
        e.fold_size = static_cast<uint8_t>(folded.size());
        std::memcpy(e.fold, folded.data(), folded.size());
      }
    }
  }
  Entry entries_[kEnd - kFirst];
};

// Whether cp > 0x7F has `cls` (one of the bits above): from the table for two
// UTF-8 bytes, else from the category (`of_category`, `is_space` for kSpace).
template <class OfCategory>
bool non_ascii_has(char32_t cp, uint8_t cls, OfCategory of_category) {
  if (cp < TwoByteCodePoints::kEnd) return TwoByteCodePoints::get().classes(cp) & cls;
  return of_category(category(cp));
}

}  // namespace

Decoded decode(std::string_view s, size_t i) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i);
  unsigned char c = p[0];
  if (c < 0x80) return {c, 1};
  if (const char32_t cp = two_byte_code_point(p, 0, s.size() - i)) return {cp, 2};
  utf8proc_int32_t cp = 0;
  utf8proc_ssize_t n = utf8proc_iterate(p, static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  if (n <= 0) return {kInvalid, 1};
  return {static_cast<char32_t>(cp), static_cast<uint32_t>(n)};
}

void append_utf8(char32_t cp, std::string& out) {
  utf8proc_uint8_t buf[4];
  utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
  out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

bool is_letter(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  return non_ascii_has(cp, kLetter, letter_category);
}

bool is_digit(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return non_ascii_has(cp, kDigit, digit_category);
}

bool is_word_char(char32_t cp) {
  if (cp < 0x80) return is_letter(cp) || is_digit(cp);
  return non_ascii_has(cp, kWord, word_category);  // kInvalid (U+FFFD) is a symbol
}

bool is_upper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return non_ascii_has(cp, kUpper, upper_category);
}

bool is_lower(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return non_ascii_has(cp, kLower, lower_category);
}

bool is_space(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r');
  if (cp < TwoByteCodePoints::kEnd) return TwoByteCodePoints::get().classes(cp) & kSpace;
  return space_code_point(cp);
}

uint8_t two_byte_classes(char32_t cp) { return TwoByteCodePoints::get().classes(cp); }

bool is_apostrophe(char32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC;
}

bool is_hyphen(char32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

void fold(std::string_view s, std::string& out) {
  const TwoByteCodePoints& two_byte = TwoByteCodePoints::get();
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {  // ASCII fast path
      out.push_back(ascii_lower(static_cast<char>(c)));
      ++i;
      continue;
    }
    const Decoded d = decode(s, i);
    i += d.len;
    if (d.cp < TwoByteCodePoints::kEnd && two_byte.append_fold(d.cp, out)) continue;
    fold_code_point(d.cp, out);
  }
}

std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  fold(s, out);
  return out;
}

size_t slugify_ascii_to(std::string_view s, char* out) {
  // Folding lowers ASCII; its word characters are then [a-z0-9]: by byte, the
  // lowered word character or 0.
  static const std::array<char, 128> kWordChar = [] {
    std::array<char, 128> t{};
    for (int c = 0; c < 128; ++c) {
      const char l = ascii_lower(static_cast<char>(c));
      if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9')) t[static_cast<size_t>(c)] = l;
    }
    return t;
  }();
  size_t n = 0;
  bool pending_dash = false;  // non-word characters since the last word character
  for (char c : s) {
    const char l = kWordChar[static_cast<unsigned char>(c) & 0x7f];
    if (l == 0) {
      pending_dash = true;
      continue;
    }
    if (pending_dash && n > 0) out[n++] = '-';  // one for those before it
    pending_dash = false;
    out[n++] = l;
  }
  return n;
}

void slugify(std::string_view s, std::string& out) {
  const size_t start = out.size();
  if (is_ascii(s)) {
    out.resize(start + s.size());
    out.resize(start + slugify_ascii_to(s, out.data() + start));
    return;
  }
  bool pending_dash = false;  // non-word characters since the last word character
  auto before_word_char = [&] {  // one dash for the non-word characters before it
    if (pending_dash && out.size() > start) out.push_back('-');
    pending_dash = false;
  };
  const std::string folded = fold(s);
  size_t i = 0;
  while (i < folded.size()) {
    Decoded d = decode(folded, i);
    const std::string_view piece = std::string_view(folded).substr(i, d.len);
    i += d.len;
    if (is_word_char(d.cp)) {
      before_word_char();
      out.append(piece);
    } else {
      pending_dash = true;
    }
  }
}

std::string slugify(std::string_view s) {
  std::string out;
  slugify(s, out);
  return out;
}

void ascii_lower_to(std::string_view text, char* out) {
  const size_t n = text.size();
  const char* in = text.data();
  size_t k = 0;
#if defined(__SSE2__)
  // 16 bytes a step: 'A'..'Z' are the bytes x with x - 'A' < 26 (unsigned), i.e.
  // x - 'A' - 128 < 26 - 128 (signed); they get 0x20 added (OR-ed).
  const __m128i shift = _mm_set1_epi8(static_cast<char>(-'A' - 128));
  const __m128i bound = _mm_set1_epi8(static_cast<char>(26 - 128));
  const __m128i case_bit = _mm_set1_epi8(0x20);
  for (; k + 16 <= n; k += 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + k));
    const __m128i upper = _mm_cmplt_epi8(_mm_add_epi8(x, shift), bound);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + k),
                     _mm_or_si128(x, _mm_and_si128(upper, case_bit)));
  }
#endif
  for (; k + 8 <= n; k += 8) {
    const uint64_t w = ascii_lower8(in + k);
    std::memcpy(out + k, &w, 8);
  }
  for (; k < n; ++k) out[k] = ascii_lower(in[k]);
}

std::string ascii_lower_padded(std::string_view text) {
  std::string out(text.size() + kLowerPadding, '\0');
  ascii_lower_to(text, out.data());
  return out;
}

size_t count_code_points(std::string_view s) {
  size_t n = 0, i = 0;
  while (i < s.size()) {
    i += decode(s, i).len;
    ++n;
  }
  return n;
}

}  // namespace liptako::text
