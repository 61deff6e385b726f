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
static_assert(kLongestAbbreviation <= 8, "an abbreviation's key: its bytes in a uint64_t");

// The key of a word of at most 8 bytes, none NUL: its bytes, the first the
// lowest, zero-padded (distinct words, distinct keys).
constexpr uint64_t word_key(std::string_view w) {
  uint64_t key = 0;
  for (size_t k = 0; k < w.size(); ++k)
    key |= static_cast<uint64_t>(static_cast<unsigned char>(w[k])) << (8 * k);
  return key;
}

// The keys of kAbbreviations, sorted (for a binary search).
constexpr std::array<uint64_t, kAbbreviations.size()> sorted_abbreviation_keys() {
  std::array<uint64_t, kAbbreviations.size()> keys{};
  for (size_t i = 0; i < keys.size(); ++i) {
    uint64_t key = word_key(kAbbreviations[i]);
    size_t j = i;
    for (; j > 0 && keys[j - 1] > key; --j) keys[j] = keys[j - 1];
    keys[j] = key;
  }
  return keys;
}
constexpr std::array<uint64_t, kAbbreviations.size()> kAbbreviationKeys =
    sorted_abbreviation_keys();

// Whether `folded` is one of kAbbreviations.
bool is_abbreviation(std::string_view folded) {
  if (folded.empty() || folded.size() > kLongestAbbreviation) return false;
  return std::binary_search(kAbbreviationKeys.begin(), kAbbreviationKeys.end(),
                            word_key(folded));
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

// Whether a punctuation token starting with byte `c` may end a sentence: '.',
// '!', '?', or a byte above ASCII ('…' is one of those tokens).
inline bool may_end_sentence(char c) {
  return c == '.' || c == '!' || c == '?' || static_cast<unsigned char>(c) >= 0x80;
}

TokenizedText tokenize(std::string_view s) {
  TokenizedText out;
  tokenize(s, out);
  return out;
}

void tokenize(std::string_view s, TokenizedText& out) {
  out.tokens.clear();
  out.sentences.clear();
  out.sentence_of_token.clear();
  out.first_token_of_sentence.clear();
  // The tokens, and, in order, the ones the sentence split looks at: those after a
  // line break and the punctuation tokens that may end a sentence (may_end_sentence;
  // every other token is passed over by it).
  std::vector<uint32_t> stops;
  {
    std::vector<Token>& tokens = out.tokens;
    tokens.reserve(s.size() / 5 + 1);
    stops.reserve(s.size() / 64 + 16);  // news text: a stop in about 20 tokens
    std::vector<Token> stretch;
    internal::for_each_word_token(s, stretch, [&tokens, &stops, s](const Token& t) {
      if (t.newline_before || (t.kind == TokenKind::kPunct && may_end_sentence(s[t.start])))
        stops.push_back(static_cast<uint32_t>(tokens.size()));
      tokens.push_back(t);
    });
  }
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
  size_t from = 0;  // the stops before it lie in a sentence closed below
  for (const uint32_t i : stops) {
    if (i < from) continue;
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
    from = last + 1;
  }
  if (sent_first < n) close_sentence(n - 1);
  out.first_token_of_sentence.push_back(static_cast<uint32_t>(n));
}

int sentence_at(const std::vector<Sentence>& sentences, uint32_t pos) {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), pos,
                             [](uint32_t p, const Sentence& s) { return p < s.start; });
  if (it == sentences.begin()) return 0;
  return static_cast<int>(it - sentences.begin() - 1);
}

}  // namespace liptako

namespace liptako {
namespace {

// The position of the first byte above ASCII in s[from, s.size()), or s.size().
size_t next_non_ascii(std::string_view s, size_t from) {
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  size_t i = from;
#if defined(__SSE2__)
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i));
    const uint32_t high = static_cast<uint32_t>(_mm_movemask_epi8(x));
    if (high) return i + static_cast<size_t>(__builtin_ctz(high));
  }
#endif
  for (; i < s.size(); ++i)
    if (b[i] >= 0x80) return i;
  return s.size();
}

}  // namespace

FoldedTokens::FoldedTokens(std::string_view text, const std::vector<Token>& tokens) {
  assign(text, tokens);
}

void FoldedTokens::assign(std::string_view text, const std::vector<Token>& tokens) {
  // The arena: the text with ASCII capitals lowered, kLowerPadding NULs, the folds
  // of the non-ASCII tokens (text::fold) one after another, kLowerPadding NULs. An
  // ASCII token's fold is its span of the lowered text (text::fold lowers ASCII
  // and keeps its length). The folds are gathered first, so that the arena is
  // allocated once, at its size.
  // Through locals, kept in registers across the calls of text::fold.
  const Token* const toks = tokens.data();
  const size_t n = tokens.size();
  text_size_ = text.size();
  folds_.resize(n);
  Fold* const spans = folds_.data();
  // Every token's span of the lowered text, in a loop without a branch; then the
  // non-ASCII tokens' spans are replaced.
  for (size_t i = 0; i < n; ++i) {
    spans[i].start = toks[i].start;
    spans[i].length = toks[i].end - toks[i].start;
  }
  // The non-ASCII tokens are those that hold a byte above ASCII (Token::ascii):
  // found, in order, from the text's such bytes (a few per document), not by
  // visiting every token.
  const size_t folds_start = text.size() + text::kLowerPadding;
  std::string folds;
  const Token* t = toks;
  const Token* const end = toks + n;
  for (size_t p = next_non_ascii(text, 0); p < text.size(); p = next_non_ascii(text, p)) {
    // The first token that ends after p: it holds p, or p is in no token.
    t = std::upper_bound(t, end, p, [](size_t pos, const Token& x) { return pos < x.end; });
    if (t == end) break;
    if (t->start > p) {
      p = t->start;
      continue;
    }
    if (!t->ascii) {
      const size_t at = folds.size();
      text::fold(text.substr(t->start, t->end - t->start), folds);
      spans[t - toks] = {static_cast<uint32_t>(folds_start + at),
                         static_cast<uint32_t>(folds.size() - at)};
    }
    p = t->end;
    ++t;
  }
  arena_.assign(folds_start + folds.size() + text::kLowerPadding, '\0');
  text::ascii_lower_to(text, arena_.data());
  if (!folds.empty()) std::memcpy(arena_.data() + folds_start, folds.data(), folds.size());
}

}  // namespace liptako
