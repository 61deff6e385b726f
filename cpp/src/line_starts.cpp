#include "line_starts.h"

#include <cctype>
#include <map>
#include <optional>

namespace liptako::internal {

bool starts_at_line_starts(const std::string& p) {
  if (p.compare(0, 5, "(?m)^") != 0) return false;
  size_t i = 5;
  if (i < p.size() && (p[i] == '*' || p[i] == '+' || p[i] == '?' || p[i] == '{')) return false;
  int depth = 0;
  for (; i < p.size(); ++i) {
    const char c = p[i];
    if (c == '\\') {
      if (i + 1 < p.size() && p[i + 1] == 'Q') return false;
      ++i;  // the escaped character ("\p{Lu}": its braces hold no '(' or '|')
    } else if (c == '[') {  // a character class: '(' and '|' in it are literal
      ++i;
      if (i < p.size() && p[i] == '^') ++i;
      if (i < p.size() && p[i] == ']') ++i;  // a leading ']' is literal
      for (; i < p.size() && p[i] != ']'; ++i) {
        if (p[i] == '[') return false;
        if (p[i] == '\\') ++i;
      }
      if (i >= p.size()) return false;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (depth == 0) return false;
      --depth;
    } else if (c == '|' && depth == 0) {
      return false;
    }
  }
  return depth == 0;
}

namespace {

// What the matches of a piece of pattern can begin with: their first two characters
// when the first is ASCII, of the others only that there may be some. A character is
// known by its first byte: an ASCII character exactly, any non-ASCII one by all of
// 0x80-0xFF. Each field may hold more than the piece's matches, never less.
struct Starts {
  bool empty = false;        // the piece can match the empty string
  std::bitset<256> first;    // the first bytes of its non-empty matches
  std::bitset<128> single;   // the ASCII characters that are a whole match alone
  // Per ASCII first character of a match of two characters or more: the first bytes
  // of its second character.
  std::array<std::bitset<256>, 128> second{};
};

const std::bitset<256> kNonAscii = std::bitset<256>().set() << 128;

Starts epsilon() {
  Starts s;
  s.empty = true;
  return s;
}

// Any string: what is assumed of a piece the scan does not understand.
Starts anything() {
  Starts s;
  s.empty = true;
  s.first.set();
  s.single.set();
  for (auto& b : s.second) b.set();
  return s;
}

// One character: one of the ASCII characters `ascii`, or a non-ASCII one when `non_ascii`.
Starts one_of(const std::bitset<128>& ascii, bool non_ascii) {
  Starts s;
  s.single = ascii;
  for (size_t c = 0; c < 128; ++c) s.first[c] = ascii[c];
  if (non_ascii) s.first |= kNonAscii;
  return s;
}

// The matches of `a` or of `b`, into `a`.
void add(Starts& a, const Starts& b) {
  a.empty |= b.empty;
  a.first |= b.first;
  a.single |= b.single;
  for (size_t c = 0; c < 128; ++c) a.second[c] |= b.second[c];
}

// A match of `a` followed by a match of `b`.
Starts then(const Starts& a, const Starts& b) {
  Starts s;
  s.empty = a.empty && b.empty;
  s.first = a.empty ? a.first | b.first : a.first;
  if (b.empty) s.single |= a.single;
  if (a.empty) s.single |= b.single;
  for (size_t c = 0; c < 128; ++c) {
    s.second[c] = a.second[c];
    if (a.single[c]) s.second[c] |= b.first;
    if (a.empty) s.second[c] |= b.second[c];
  }
  return s;
}

// `e` repeated `min` to `max` times (max -1: no bound). Two repetitions or more all
// begin alike: their first two characters come from the first two non-empty ones.
Starts repeat(const Starts& e, int min, int max) {
  Starts s;
  if (min == 0) add(s, epsilon());
  if (min <= 1 && max != 0) add(s, e);
  if (max == -1 || max >= 2) add(s, then(e, e));
  return s;
}

// Reads a pattern's syntax (RE2's) and tells what its matches begin with. Each
// function answers nullopt for syntax it does not handle.
class Scan {
 public:
  Scan(const std::string& pattern, size_t at, const RE2::Options& options)
      : p_(pattern), i_(at), options_(options) {}

  // What the matches of the pattern from `at` on begin with. The pattern must have
  // no '|' outside parentheses after `at`.
  Starts rest() {
    Starts s = epsilon();
    while (i_ < p_.size()) {
      // No match so far is empty or one ASCII character: what follows cannot change
      // the first two characters of the matches that begin with an ASCII one.
      if (!s.empty && s.single.none()) return s;
      std::optional<Starts> next = item();
      if (!next) return then(s, anything());
      s = then(s, *next);
    }
    return s;
  }

 private:
  // Alternatives up to a ')' or the end, which it leaves unread.
  std::optional<Starts> alternation() {
    std::optional<Starts> s = sequence();
    while (s && i_ < p_.size() && p_[i_] == '|') {
      ++i_;
      std::optional<Starts> other = sequence();
      if (!other) return std::nullopt;
      add(*s, *other);
    }
    return s;
  }

  std::optional<Starts> sequence() {
    Starts s = epsilon();
    while (i_ < p_.size() && p_[i_] != '|' && p_[i_] != ')') {
      std::optional<Starts> next = item();
      if (!next) return std::nullopt;
      s = then(s, *next);
    }
    return s;
  }

  // An atom and its repetition operator, if any.
  std::optional<Starts> item() {
    std::optional<Starts> a = atom();
    if (!a || i_ >= p_.size()) return a;
    int min = 0, max = -1;
    const char c = p_[i_];
    if (c == '*') {
      ++i_;
    } else if (c == '+') {
      min = 1, ++i_;
    } else if (c == '?') {
      max = 1, ++i_;
    } else if (c == '{') {
      if (!counts(&min, &max)) return std::nullopt;
    } else {
      return a;
    }
    if (i_ < p_.size() && p_[i_] == '?') ++i_;  // non-greedy: the same strings
    if (i_ < p_.size() && (p_[i_] == '*' || p_[i_] == '+' || p_[i_] == '?' || p_[i_] == '{'))
      return std::nullopt;
    return repeat(*a, min, max);
  }

  // "{n}", "{n,}" or "{n,m}" (RE2 reads other braces as literal text).
  bool counts(int* min, int* max) {
    size_t j = i_ + 1;
    auto number = [&](int* n) {
      const size_t from = j;
      *n = 0;
      while (j < p_.size() && j - from < 5 && std::isdigit(static_cast<unsigned char>(p_[j])))
        *n = *n * 10 + (p_[j++] - '0');
      return j > from && j - from < 5;
    };
    if (!number(min)) return false;
    *max = *min;
    if (j < p_.size() && p_[j] == ',') {
      ++j;
      *max = -1;
      if (j < p_.size() && p_[j] != '}' && !number(max)) return false;
    }
    if (j >= p_.size() || p_[j] != '}') return false;
    i_ = j + 1;
    return true;
  }

  std::optional<Starts> atom() {
    const auto c = static_cast<unsigned char>(p_[i_]);
    const size_t from = i_;
    switch (c) {
      case '(': {
        ++i_;
        if (p_.compare(i_, 2, "?:") == 0) {
          i_ += 2;
        } else if (p_.compare(i_, 3, "?P<") == 0) {
          const size_t close = p_.find('>', i_);
          if (close == std::string::npos) return std::nullopt;
          i_ = close + 1;
        } else if (i_ < p_.size() && p_[i_] == '?') {
          return std::nullopt;  // flags
        }
        std::optional<Starts> s = alternation();
        if (!s || i_ >= p_.size() || p_[i_] != ')') return std::nullopt;
        ++i_;
        return s;
      }
      case '[': {
        size_t j = i_ + 1;
        if (j < p_.size() && p_[j] == '^') ++j;
        if (j < p_.size() && p_[j] == ']') ++j;  // a leading ']' is literal
        for (; j < p_.size() && p_[j] != ']'; ++j) {
          if (p_[j] == '[') return std::nullopt;
          if (p_[j] == '\\') ++j;
        }
        if (j >= p_.size()) return std::nullopt;
        i_ = j + 1;
        return probe(from);
      }
      case '.':
        ++i_;
        return probe(from);
      case '^':
      case '$':  // an assertion: at most the empty string
        ++i_;
        return epsilon();
      case '\\':
        return escape();
      case '*': case '+': case '?': case '{': case '}': case ']': case '|': case ')':
        return std::nullopt;
      default:
        break;
    }
    if (c < 0x80) {
      ++i_;
      if (!std::isalpha(c) || options_.case_sensitive()) {
        std::bitset<128> ascii;
        ascii[c] = true;
        return one_of(ascii, false);
      }
      return probe(from);
    }
    const size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    if (n == 0 || i_ + n > p_.size()) return std::nullopt;
    i_ += n;
    // Under case folding a non-ASCII character may equal an ASCII one (U+212A, 'k').
    if (options_.case_sensitive()) return one_of({}, true);
    return probe(from);
  }

  // A backslash and what it escapes.
  std::optional<Starts> escape() {
    const size_t from = i_;
    if (i_ + 1 >= p_.size()) return std::nullopt;
    const auto e = static_cast<unsigned char>(p_[i_ + 1]);
    i_ += 2;
    switch (e) {
      case 'b': case 'B': case 'A': case 'z':  // an assertion
        return epsilon();
      case 'd': case 'D': case 's': case 'S': case 'w': case 'W':
      case 'n': case 't': case 'r': case 'f': case 'v': case 'a':
        return probe(from);
      case 'p': case 'P': case 'x': {
        if (i_ < p_.size() && p_[i_] == '{') {
          const size_t close = p_.find('}', i_);
          if (close == std::string::npos) return std::nullopt;
          i_ = close + 1;
        } else {
          // \pL: one letter; \x41: two hex digits.
          const size_t n = e == 'x' ? 2 : 1;
          for (size_t k = 0; k < n; ++k, ++i_)
            if (i_ >= p_.size() || !std::isalnum(static_cast<unsigned char>(p_[i_])))
              return std::nullopt;
        }
        return probe(from);
      }
      default:
        break;
    }
    if (e >= 0x80 || std::isalnum(e)) return std::nullopt;
    std::bitset<128> ascii;  // escaped punctuation: itself, which has no case
    ascii[e] = true;
    return one_of(ascii, false);
  }

  // One character of the class written from `from` to the scan's position: its
  // ASCII members, each asked of RE2; any non-ASCII character is assumed.
  std::optional<Starts> probe(size_t from) {
    const std::string text = p_.substr(from, i_ - from);
    auto known = probed_.find(text);
    if (known == probed_.end()) {
      if (probed_.size() >= kMaxProbes) return std::nullopt;
      RE2 re("(?:" + text + ")", options_);
      if (!re.ok()) return std::nullopt;
      std::bitset<128> ascii;
      for (int c = 0; c < 128; ++c) {
        const char ch = static_cast<char>(c);
        ascii[static_cast<size_t>(c)] = RE2::FullMatch(re2::StringPiece(&ch, 1), re);
      }
      known = probed_.emplace(text, ascii).first;
    }
    return one_of(known->second, true);
  }

  // Distinct classes asked of RE2 (128 matches each) before the scan gives up.
  static constexpr size_t kMaxProbes = 64;

  const std::string& p_;
  size_t i_;
  const RE2::Options& options_;
  std::map<std::string, std::bitset<128>> probed_;
};

}  // namespace

LineStartFilter::LineStartFilter(const std::string& pattern, const RE2::Options& options) {
  if (!starts_at_line_starts(pattern) || options.encoding() != RE2::Options::EncodingUTF8) return;
  const Starts s = Scan(pattern, 5, options).rest();  // after "(?m)^"
  active_ = !s.empty;
  single_ = s.single;
  for (size_t c = 0; c < 128; ++c) {
    after_[c] = s.second[c];
    if (s.single[c]) after_[c].set();
  }
}

}  // namespace liptako::internal
