#include "liptako/segmenter.h"

#include <algorithm>
#include <array>
#include <string>

#include "liptako/text.h"

namespace liptako {
namespace {

using text::decode;

// Words after which a period does not end a sentence. Compared folded.
constexpr std::array<std::string_view, 52> kAbbreviations = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cpl", "maj", "adm",
    "cmdr", "gov", "sen", "rep", "pres", "rev", "fr", "st", "jr", "sr", "no", "nos", "vs",
    "etc", "inc", "ltd", "co", "corp", "dept", "univ", "est", "approx", "fig", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "pp", "op"};

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

  std::vector<Token> run() {
    std::vector<Token> out;
    out.reserve(s_.size() / 5 + 1);
    bool space = true, newline = false;
    size_t i = 0;
    while (i < s_.size()) {
      auto d = decode(s_, i);
      if (text::is_space(d.cp) || d.cp == text::kInvalid || d.cp == 0) {
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
      if (text::is_word_char(d.cp)) {
        i = scan_word(i, t, out);
        if (t.end == 0) continue;  // scan_word emitted the tokens itself
      } else {
        i += d.len;
        t.end = static_cast<uint32_t>(i);
        t.kind = text::is_hyphen(d.cp) ? TokenKind::kHyphen : TokenKind::kPunct;
      }
      out.push_back(t);
    }
    return out;
  }

 private:
  // Scans a word starting at i. Fills t (or, for a possessive split, pushes
  // both tokens and leaves t.end == 0). Returns the next position.
  size_t scan_word(size_t i, Token& t, std::vector<Token>& out) {
    size_t start = i;
    bool has_letter = false, has_lower = false, has_upper = false, first = true;
    size_t j = i;
    while (j < s_.size()) {
      auto d = decode(s_, j);
      if (text::is_word_char(d.cp)) {
        if (text::is_letter(d.cp)) {
          has_letter = true;
          if (text::is_lower(d.cp)) has_lower = true;
          if (text::is_upper(d.cp)) {
            has_upper = true;
            if (first) t.capitalized = true;
          }
        }
        first = false;
        j += d.len;
        continue;
      }
      size_t k = j + d.len;
      if (k >= s_.size()) break;
      auto next = decode(s_, k);
      auto prev_cp = prev_code_point(j);
      if (text::is_apostrophe(d.cp) && text::is_letter(prev_cp) && text::is_letter(next.cp)) {
        j = k;  // d'Ivoire, Mali's (split below)
        continue;
      }
      if ((d.cp == '.' || d.cp == ',') && text::is_digit(prev_cp) && text::is_digit(next.cp) &&
          !has_letter) {
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
    // Possessive split: ...'s / ...’s at the end of a word.
    size_t poss = possessive_start(start, j);
    if (poss != 0) {
      t.end = static_cast<uint32_t>(poss);
      out.push_back(t);
      Token p;
      p.start = static_cast<uint32_t>(poss);
      p.end = static_cast<uint32_t>(j);
      p.kind = TokenKind::kPossessive;
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

  char32_t prev_code_point(size_t j) const {
    if (j == 0) return 0;
    size_t k = j - 1;
    while (k > 0 && (static_cast<unsigned char>(s_[k]) & 0xC0) == 0x80 && j - k < 4) --k;
    return decode(s_, k).cp;
  }

  static bool is_ascii_letter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
  static bool is_ascii_alnum(char c) { return is_ascii_letter(c) || (c >= '0' && c <= '9'); }

  std::string_view s_;
};

}  // namespace

TokenizedText tokenize(std::string_view s) {
  TokenizedText out;
  out.tokens = Tokenizer(s).run();
  const auto& toks = out.tokens;
  out.sentence_of_token.resize(toks.size());
  std::string folded;
  size_t sent_first = 0;
  auto close_sentence = [&](size_t last_inclusive) {
    out.first_token_of_sentence.push_back(static_cast<uint32_t>(sent_first));
    out.sentences.push_back({toks[sent_first].start, toks[last_inclusive].end});
    for (size_t k = sent_first; k <= last_inclusive; ++k)
      out.sentence_of_token[k] = static_cast<uint32_t>(out.sentences.size() - 1);
    sent_first = last_inclusive + 1;
  };
  for (size_t i = 0; i < toks.size(); ++i) {
    if (i > sent_first && toks[i].newline_before) close_sentence(i - 1);
    const Token& t = toks[i];
    if (t.kind != TokenKind::kPunct) continue;
    char32_t cp = decode(s, t.start).cp;
    if (cp != '.' && cp != '!' && cp != '?' && cp != 0x2026) continue;
    // Absorb further terminators and closing quotes/brackets.
    size_t last = i;
    while (last + 1 < toks.size() && !toks[last + 1].space_before &&
           toks[last + 1].kind == TokenKind::kPunct) {
      char32_t c = decode(s, toks[last + 1].start).cp;
      if (!(is_closing(c) || c == '.' || c == '!' || c == '?')) break;
      ++last;
    }
    if (last + 1 >= toks.size()) break;
    const Token& next = toks[last + 1];
    if (!next.space_before) continue;
    char32_t next_cp = decode(s, next.start).cp;
    bool starts_sentence = next.capitalized || next.kind == TokenKind::kNumber ||
                           is_opening_quote(next_cp) || next.newline_before;
    if (!starts_sentence) continue;
    if (cp == '.' && i > 0 && toks[i - 1].end == t.start && toks[i - 1].kind == TokenKind::kWord) {
      std::string_view prev = s.substr(toks[i - 1].start, toks[i - 1].end - toks[i - 1].start);
      folded.clear();
      text::fold(prev, folded);
      if (is_abbreviation(folded)) continue;
      if (text::count_code_points(prev) == 1 && toks[i - 1].capitalized) continue;  // initial
    }
    close_sentence(last);
    i = last;
  }
  if (sent_first < toks.size()) close_sentence(toks.size() - 1);
  out.first_token_of_sentence.push_back(static_cast<uint32_t>(toks.size()));
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
  arena_.reserve(text.size());
  offsets_.reserve(tokens.size() + 1);
  offsets_.push_back(0);
  for (const Token& t : tokens) {
    text::fold(text.substr(t.start, t.end - t.start), arena_);
    offsets_.push_back(static_cast<uint32_t>(arena_.size()));
  }
}

}  // namespace liptako
