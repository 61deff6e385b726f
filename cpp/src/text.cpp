#include "liptako/text.h"

#include <utf8proc.h>

namespace liptako::text {

Decoded decode(std::string_view s, size_t i) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i);
  unsigned char c = p[0];
  if (c < 0x80) return {c, 1};
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

static utf8proc_category_t category(char32_t cp) {
  return utf8proc_category(static_cast<utf8proc_int32_t>(cp));
}

bool is_letter(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  auto c = category(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

bool is_digit(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  auto c = category(cp);
  return c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO;
}

bool is_word_char(char32_t cp) {
  if (cp < 0x80) return is_letter(cp) || is_digit(cp);
  if (cp == kInvalid) return false;
  auto c = category(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO;
}

bool is_upper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  auto c = category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool is_lower(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return category(cp) == UTF8PROC_CATEGORY_LL;
}

bool is_space(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r');
  if (cp == 0x85) return true;
  auto c = category(cp);
  return c >= UTF8PROC_CATEGORY_ZS && c <= UTF8PROC_CATEGORY_ZP;
}

bool is_apostrophe(char32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC;
}

bool is_hyphen(char32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

void fold(std::string_view s, std::string& out) {
  constexpr int kOptions = UTF8PROC_CASEFOLD | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE |
                           UTF8PROC_STRIPMARK | UTF8PROC_IGNORE;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {  // ASCII fast path
      out.push_back(ascii_lower(static_cast<char>(c)));
      ++i;
      continue;
    }
    Decoded d = decode(s, i);
    i += d.len;
    if (is_apostrophe(d.cp)) {
      out.push_back('\'');
      continue;
    }
    if (is_hyphen(d.cp)) {
      out.push_back('-');
      continue;
    }
    utf8proc_int32_t buf[8];
    int boundclass = UTF8PROC_BOUNDCLASS_START;
    utf8proc_ssize_t n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(d.cp), buf, 8,
                                                 static_cast<utf8proc_option_t>(kOptions),
                                                 &boundclass);
    if (n < 0 || n > 8) {
      append_utf8(d.cp, out);
      continue;
    }
    for (utf8proc_ssize_t k = 0; k < n; ++k) append_utf8(static_cast<char32_t>(buf[k]), out);
  }
}

std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  fold(s, out);
  return out;
}

void slugify(std::string_view s, std::string& out) {
  const size_t start = out.size();
  bool pending_dash = false;  // non-word characters since the last word character
  auto before_word_char = [&] {  // one dash for the non-word characters before it
    if (pending_dash && out.size() > start) out.push_back('-');
    pending_dash = false;
  };
  if (is_ascii(s)) {  // folding lowers ASCII; its word characters are then [a-z0-9]
    out.reserve(out.size() + s.size());
    for (char c : s) {
      const char l = ascii_lower(c);
      if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9')) {
        before_word_char();
        out.push_back(l);
      } else {
        pending_dash = true;
      }
    }
    return;
  }
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

std::string ascii_lower_padded(std::string_view text) {
  const size_t n = text.size();
  std::string out(n + kLowerPadding, '\0');
  size_t k = 0;
  for (; k + 8 <= n; k += 8) {
    const uint64_t w = ascii_lower8(text.data() + k);
    std::memcpy(&out[k], &w, 8);
  }
  for (; k < n; ++k) out[k] = ascii_lower(text[k]);
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
