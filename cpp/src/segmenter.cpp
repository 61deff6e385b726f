#include "liptako/segmenter.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>

#include "liptako/text.h"
#include "word_tokens.h"

namespace liptako {
namespace {

using internal::kAscii;
using internal::kDigitC;
using internal::kLetterC;
using internal::kLowerC;
using internal::kPunctC;
using internal::kSpaceC;
using internal::kUpperC;
using internal::kWordC;

inline text::Decoded decode(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return {c, 1};
  return text::decode(s, i);
}
inline bool is_word_char(char32_t cp) {
  return cp < 0x80 ? (kAscii[cp] & kWordC) != 0 : text::is_word_char(cp);
}
inline bool is_letter(char32_t cp) {
  return cp < 0x80 ? (kAscii[cp] & kLetterC) != 0 : text::is_letter(cp);
}
inline bool is_digit(char32_t cp) {
  return cp < 0x80 ? (kAscii[cp] & kDigitC) != 0 : text::is_digit(cp);
}
inline bool is_space(char32_t cp) {
  return cp < 0x80 ? (kAscii[cp] & kSpaceC) != 0 : text::is_space(cp);
}

// text::is_apostrophe / is_hyphen, without the call for ASCII.
inline bool is_apostrophe(char32_t cp) {
  return cp < 0x80 ? cp == '\'' : text::is_apostrophe(cp);
}
inline bool is_hyphen(char32_t cp) { return cp < 0x80 ? cp == '-' : text::is_hyphen(cp); }

// Words after which a period does not end a sentence. Compared folded.
constexpr std::array<std::string_view, 52> kAbbreviations = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cpl", "maj", "adm",
    "cmdr", "gov", "sen", "rep", "pres", "rev", "fr", "st", "jr", "sr", "no", "nos", "vs",
    "etc", "inc", "ltd", "co", "corp", "dept", "univ", "est", "approx", "fig", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "pp", "op"};

// The length of the longest abbreviation ("approx": 6).
constexpr size_t longest_abbreviation() {
  size_t longest = 0;
  for (std::string_view a : kAbbreviations) longest = a.size() > longest ? a.size() : longest;
  return longest;
}
constexpr size_t kLongestAbbreviation = longest_abbreviation();

bool is_abbreviation(std::string_view folded) {
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), folded) != kAbbreviations.end();
}

bool is_closing(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D || cp == 0x2019 ||
         cp == 0xBB;
}

bool is_opening_quote(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == '(' || cp == '[' || cp == 0x201C || cp == 0x2018 ||
         cp == 0xAB;
}

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view s) : s_(s) {}

  // Appends the tokens of s_[i, end) to `out`, given whether whitespace and a
  // line break precede i. `end` is s_.size() or a whitespace byte (no token
  // crosses it). Returns whether a line break follows the last token.
  bool run(size_t i, size_t end, bool space, bool newline, std::vector<Token>& out) {
    while (i < end) {
      auto d = decode(s_, i);
      if (is_space(d.cp) || d.cp == text::kInvalid || d.cp == 0) {
        // Spaces, NULs and invalid bytes separate tokens and belong to none.
        space = true;
        if (d.cp == '\n' || d.cp == '\r' || d.cp == 0x2028 || d.cp == 0x2029 || d.cp == 0x85)
          newline = true;
        i += d.len;
        continue;
      }
      Token t;
      t.start = static_cast<uint32_t>(i);
      t.space_before = space;
      t.newline_before = newline;
      space = newline = false;
      if (is_word_char(d.cp)) {
        i = scan_word(i, t, out);
        if (t.end == 0) continue;  // scan_word emitted the tokens itself
      } else {
        i += d.len;
        t.end = static_cast<uint32_t>(i);
        t.kind = is_hyphen(d.cp) ? TokenKind::kHyphen : TokenKind::kPunct;
        t.ascii = d.len == 1;
      }
      out.push_back(t);
    }
    return newline;
  }

 private:
  // Scans a word starting at i. Fills t (or, for a possessive split, pushes
  // both tokens and leaves t.end == 0). Returns the next position.
  size_t scan_word(size_t i, Token& t, std::vector<Token>& out) {
    size_t start = i;
    bool ascii = true;
    bool has_letter = false, has_lower = false, has_upper = false, first = true;
    size_t j = i;
    const size_t n = s_.size();
    char32_t prev_cp = 0;  // the code point before j (all of them were decoded here)
    while (j < n) {
      unsigned char c = static_cast<unsigned char>(s_[j]);
      text::Decoded d;
      if (c < 0x80) {
        uint8_t f = kAscii[c];
        if (f & kWordC) {
          // A run of ASCII word characters in one tight loop: their classes are
          // OR-ed, the branches taken once per run.
          if (first && (f & kUpperC)) t.capitalized = true;
          uint8_t run = 0;
          size_t k = j;
          do {
            run |= f;
            ++k;
          } while (k < n && ((f = kAscii[static_cast<unsigned char>(s_[k])]) & kWordC));
          if (run & kLetterC) has_letter = true;
          if (run & kLowerC) has_lower = true;
          if (run & kUpperC) has_upper = true;
          first = false;
          prev_cp = static_cast<unsigned char>(s_[k - 1]);
          j = k;
          continue;
        }
        d = {c, 1};
      } else {
        d = text::decode(s_, j);
        if (text::is_word_char(d.cp)) {
          ascii = false;
          if (text::is_letter(d.cp)) {
            has_letter = true;
            if (text::is_lower(d.cp)) has_lower = true;
            if (text::is_upper(d.cp)) {
              has_upper = true;
              if (first) t.capitalized = true;
            }
          }
          first = false;
          prev_cp = d.cp;
          j += d.len;
          continue;
        }
      }
      bool apos = is_apostrophe(d.cp);
      if (!apos && d.cp != '.' && d.cp != ',') break;
      size_t k = j + d.len;
      if (k >= n) break;
      auto next = decode(s_, k);
      if (apos && is_letter(prev_cp) && is_letter(next.cp)) {
        if (d.len > 1) ascii = false;  // ’
        prev_cp = d.cp;
        j = k;  // d'Ivoire, Mali's (split below)
        continue;
      }
      if (!apos && is_digit(prev_cp) && is_digit(next.cp) && !has_letter) {
        prev_cp = d.cp;
        j = k;  // 1,100 and 6.2
        continue;
      }
      break;
    }
    // Dotted single-letter abbreviation: U.S. / U.K. / a.m.
    if (j - start == 1 && has_letter && j + 2 < s_.size() + 1) {
      size_t k = j, letters = 1;
      while (k + 1 < s_.size() && s_[k] == '.' && is_ascii_letter(s_[k + 1]) &&
             (k + 2 >= s_.size() || !is_ascii_alnum(s_[k + 2]))) {
        k += 2;
        ++letters;
      }
      if (letters >= 2) {
        if (k < s_.size() && s_[k] == '.') ++k;
        j = k;
        for (size_t m = start; m < j; ++m) {
          if (s_[m] >= 'a' && s_[m] <= 'z') has_lower = true;
          if (s_[m] >= 'A' && s_[m] <= 'Z') has_upper = true;
        }
      }
    }
    t.kind = has_letter ? TokenKind::kWord : TokenKind::kNumber;
    t.all_upper = has_letter && has_upper && !has_lower;
    t.ascii = ascii;
    // Possessive split: ...'s / ...’s at the end of a word.
    size_t poss = possessive_start(start, j);
    if (poss != 0) {
      t.end = static_cast<uint32_t>(poss);
      if (!ascii) t.ascii = text::is_ascii(s_.substr(start, poss - start));  // ’ may be its only one
      out.push_back(t);
      Token p;
      p.start = static_cast<uint32_t>(poss);
      p.end = static_cast<uint32_t>(j);
      p.kind = TokenKind::kPossessive;
      p.ascii = s_[poss] == '\'';
      out.push_back(p);
      t.end = 0;
      return j;
    }
    t.end = static_cast<uint32_t>(j);
    return j;
  }

  // Start of a trailing 's / ’s in [start, end), or 0.
  size_t possessive_start(size_t start, size_t end) const {
    if (end - start < 3) return 0;
    char last = s_[end - 1];
    if (last != 's' && last != 'S') return 0;
    size_t apos = end - 2;
    if (s_[apos] == '\'' && apos > start) return apos;
    // ’ is E2 80 99 in UTF-8.
    if (end - start >= 5 && static_cast<unsigned char>(s_[end - 4]) == 0xE2 &&
        static_cast<unsigned char>(s_[end - 3]) == 0x80 &&
        (static_cast<unsigned char>(s_[end - 2]) == 0x99 ||
         static_cast<unsigned char>(s_[end - 2]) == 0x98) &&
        end - 4 > start)
      return end - 4;
    return 0;
  }

  static bool is_ascii_letter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
  static bool is_ascii_alnum(char c) { return is_ascii_letter(c) || (c >= '0' && c <= '9'); }

  std::string_view s_;
};


}  // namespace

std::vector<Token> tokenize_words_reference(std::string_view s) {
  std::vector<Token> out;
  out.reserve(s.size() / 5 + 1);
  Tokenizer(s).run(0, s.size(), true, false, out);
  return out;
}

bool internal::general_tokens(std::string_view text, size_t i, size_t end, bool space,
                              bool newline, std::vector<Token>& out) {
  return Tokenizer(text).run(i, end, space, newline, out);
}

std::vector<Token> tokenize_words(std::string_view s) {
  std::vector<Token> out;
  out.reserve(s.size() / 5 + 1);
  std::vector<Token> stretch;
  internal::for_each_word_token(s, stretch, [&out](const Token& t) { out.push_back(t); });
  return out;
}

TokenizedText tokenize(std::string_view s) {
  TokenizedText out;
  out.tokens = tokenize_words(s);
  // Read through locals: out's other vectors grow below (calls that could, for the
  // compiler, change out.tokens).
  const Token* const toks = out.tokens.data();
  const size_t n = out.tokens.size();
  out.sentence_of_token.reserve(n);
  out.sentences.reserve(n / 16 + 1);
  out.first_token_of_sentence.reserve(n / 16 + 2);
  std::string folded;
  size_t sent_first = 0;
  auto close_sentence = [&](size_t last_inclusive) {
    out.first_token_of_sentence.push_back(static_cast<uint32_t>(sent_first));
    out.sentences.push_back({toks[sent_first].start, toks[last_inclusive].end});
    out.sentence_of_token.insert(out.sentence_of_token.end(), last_inclusive + 1 - sent_first,
                                 static_cast<uint32_t>(out.sentences.size() - 1));
    sent_first = last_inclusive + 1;
  };
  for (size_t i = 0; i < n; ++i) {
    // Only a token after a line break or a punctuation token has work below.
    while (i < n && !toks[i].newline_before && toks[i].kind != TokenKind::kPunct) ++i;
    if (i == n) break;
    const Token& t = toks[i];
    if (t.newline_before && i > sent_first) close_sentence(i - 1);
    if (t.kind != TokenKind::kPunct) continue;
    char32_t cp = decode(s, t.start).cp;
    if (cp != '.' && cp != '!' && cp != '?' && cp != 0x2026) continue;
    // Absorb further terminators and closing quotes/brackets.
    size_t last = i;
    while (last + 1 < n && !toks[last + 1].space_before &&
           toks[last + 1].kind == TokenKind::kPunct) {
      char32_t c = decode(s, toks[last + 1].start).cp;
      if (!(is_closing(c) || c == '.' || c == '!' || c == '?')) break;
      ++last;
    }
    if (last + 1 >= n) break;
    const Token& next = toks[last + 1];
    if (!next.space_before) continue;
    char32_t next_cp = decode(s, next.start).cp;
    bool starts_sentence = next.capitalized || next.kind == TokenKind::kNumber ||
                           is_opening_quote(next_cp) || next.newline_before;
    if (!starts_sentence) continue;
    if (cp == '.' && i > 0 && toks[i - 1].end == t.start && toks[i - 1].kind == TokenKind::kWord) {
      const Token& w = toks[i - 1];
      const std::string_view prev = s.substr(w.start, w.end - w.start);
      if (text::is_ascii(prev)) {
        // An ASCII word's fold is its lowering (same length, a code point a
        // byte); one longer than every abbreviation is none of them, nor an initial.
        if (prev.size() <= kLongestAbbreviation) {
          char lowered[kLongestAbbreviation];
          for (size_t k = 0; k < prev.size(); ++k) lowered[k] = text::ascii_lower(prev[k]);
          if (is_abbreviation(std::string_view(lowered, prev.size()))) continue;
          if (prev.size() == 1 && w.capitalized) continue;  // initial
        }
      } else {
        folded.clear();
        text::fold(prev, folded);
        if (is_abbreviation(folded)) continue;
        if (text::count_code_points(prev) == 1 && w.capitalized) continue;  // initial
      }
    }
    close_sentence(last);
    i = last;
  }
  if (sent_first < n) close_sentence(n - 1);
  out.first_token_of_sentence.push_back(static_cast<uint32_t>(n));
  return out;
}

int sentence_at(const std::vector<Sentence>& sentences, uint32_t pos) {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), pos,
                             [](uint32_t p, const Sentence& s) { return p < s.start; });
  if (it == sentences.begin()) return 0;
  return static_cast<int>(it - sentences.begin() - 1);
}

}  // namespace liptako

namespace liptako {

FoldedTokens::FoldedTokens(std::string_view text, const std::vector<Token>& tokens) {
  // The arena: the text with ASCII capitals lowered, kLowerPadding NULs, the folds
  // of the non-ASCII tokens (text::fold) one after another, kLowerPadding NULs. An
  // ASCII token's fold is its span of the lowered text (text::fold lowers ASCII
  // and keeps its length). The folds are gathered first, so that the arena is
  // allocated once, at its size.
  // Through locals, kept in registers across the calls of text::fold.
  const Token* const toks = tokens.data();
  const size_t n = tokens.size();
  text_size_ = text.size();
  starts_.resize(n);
  lengths_.resize(n);
  uint32_t* const starts = starts_.data();
  uint32_t* const lengths = lengths_.data();
  const size_t folds_start = text.size() + text::kLowerPadding;
  std::string folds;
  for (size_t i = 0; i < n; ++i) {
    const Token& t = toks[i];
    if (t.ascii) {
      starts[i] = t.start;
      lengths[i] = t.end - t.start;
      continue;
    }
    const size_t at = folds.size();
    text::fold(text.substr(t.start, t.end - t.start), folds);
    starts[i] = static_cast<uint32_t>(folds_start + at);
    lengths[i] = static_cast<uint32_t>(folds.size() - at);
  }
  arena_.assign(folds_start + folds.size() + text::kLowerPadding, '\0');
  text::ascii_lower_to(text, arena_.data());
  if (!folds.empty()) std::memcpy(arena_.data() + folds_start, folds.data(), folds.size());
}

}  // namespace liptako
