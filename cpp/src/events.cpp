// Dated events: triggers from a configurable taxonomy, participants from the
// sentence's entities (plus collective references and ORG anaphors), a date
// from the sentence's timexes, a modality, and per-document merging.
//
// Work per sentence is bounded by the sentence's tokens, its entities and the
// taxonomy; merging compares a new mention with at most `merge_lookback`
// earlier events of its type. Nothing is quadratic in the document.
#include "liptako/events.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cstring>
#include <deque>
#include <initializer_list>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "liptako/errors.h"
#include "liptako/string_index.h"

namespace liptako {
namespace {

using json = nlohmann::json;

// ---------------------------------------------------------------- string tables

// String-keyed map looked up by string_view without allocating: a StringIndex
// (the engine's one string hash table) gives each key a dense id into `vals_`.
template <typename V>
class SvMap {
 public:
  SvMap() = default;
  SvMap(std::initializer_list<std::pair<const char*, V>> init) {
    for (const auto& kv : init) (*this)[kv.first] = kv.second;
  }
  V& operator[](std::string_view k) {
    const uint32_t id = keys_.intern(k);
    if (id == vals_.size()) vals_.emplace_back();
    return vals_[id];
  }
  const V* find(std::string_view k) const {
    const uint32_t id = keys_.find(k);
    return id == StringIndex::kNotFound ? nullptr : &vals_[id];
  }
  bool count(std::string_view k) const { return find(k) != nullptr; }
  bool empty() const { return vals_.empty(); }
  void clear() {
    keys_ = StringIndex();
    vals_.clear();
  }
  std::vector<V>& values() { return vals_; }

 private:
  StringIndex keys_;
  std::vector<V> vals_;
};

class SvSet {
 public:
  SvSet() = default;
  SvSet(std::initializer_list<const char*> init) {
    for (const char* w : init) insert(w);
  }
  void insert(std::string_view k) { map_[k] = 1; }
  bool count(std::string_view k) const { return map_.count(k); }
  bool empty() const { return map_.empty(); }
  void clear() { map_.clear(); }

 private:
  SvMap<char> map_;
};

// ---------------------------------------------------------------- tokens

struct Tok {
  uint32_t start = 0;
  uint32_t end = 0;
  bool word = false;
  bool upper = false;  // first character is an ASCII capital
  char punct = 0;      // for punctuation: , ; : . ' " - d(ash) ( ) o(ther)
  std::string_view low;  // ASCII-lowercased word: a view into the document's lower-cased copy
};

// Decodes one UTF-8 code point at s[i]; returns its length (1 for invalid bytes, cp = -1).
int decode_utf8(std::string_view s, size_t i, int32_t& cp) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  int len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    cp = -1;
    return 1;
  }
  int32_t v = c & (0xFF >> (len + 1));
  for (int k = 1; k < len; ++k) {
    unsigned char d = static_cast<unsigned char>(s[i + k]);
    if ((d & 0xC0) != 0x80) {
      cp = -1;
      return 1;
    }
    v = (v << 6) | (d & 0x3F);
  }
  cp = v;
  return len;
}

bool is_space_cp(int32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000 || cp == 0xFEFF;
}

bool is_word_cp(int32_t cp) {
  if (cp < 0) return false;
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows
  if (cp >= 0x2E00 && cp <= 0x2E7F) return false;
  if (cp >= 0x3000 && cp <= 0x303F) return false;
  if (cp >= 0xFE30 && cp <= 0xFE4F) return false;
  if (cp >= 0xFF00 && cp <= 0xFF0F) return false;
  if (cp >= 0x1F000) return false;  // emoji and pictographs
  return true;
}

char punct_class(int32_t cp) {
  switch (cp) {
    case ',': return ',';
    case ';': return ';';
    case ':': return ':';
    case '.': case '!': case '?': return '.';
    case '\'': case 0x2018: case 0x2019: return '\'';
    case '"': case 0x201C: case 0x201D: case 0xAB: case 0xBB: return '"';
    case '-': case 0x2010: case 0x2011: return '-';
    case 0x2013: case 0x2014: case 0x2015: return 'd';
    case '(': case '[': return '(';
    case ')': case ']': return ')';
    default: return 'o';
  }
}

// ASCII byte classes for the tokenizer's fast path (same answers as is_space_cp /
// is_word_cp for code points below 0x80).
enum : unsigned char { kAsciiOther = 0, kAsciiSpace = 1, kAsciiWord = 2 };
struct AsciiClasses {
  unsigned char of[128] = {};
  AsciiClasses() {
    for (int c = 0; c < 128; ++c)
      of[c] = is_space_cp(c) ? kAsciiSpace : is_word_cp(c) ? kAsciiWord : kAsciiOther;
  }
};
const AsciiClasses kAscii;

// Tokens of text[begin, end) into *out (cleared first); words' `low` are views into
// `lower`, the text with ASCII letters lower-cased (same length, same offsets).
void tokenize(std::string_view text, std::string_view lower, uint32_t begin, uint32_t end,
              std::vector<Tok>* out) {
  std::vector<Tok>& toks = *out;
  toks.clear();
  // The class of the code point at i and its length.
  auto classify = [&](size_t i, int32_t& cp, int& len) -> unsigned char {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      cp = b;
      len = 1;
      return kAscii.of[b];
    }
    len = decode_utf8(text, i, cp);
    return is_space_cp(cp) ? kAsciiSpace : is_word_cp(cp) ? kAsciiWord : kAsciiOther;
  };
  size_t i = begin;
  while (i < end) {
    int32_t cp;
    int len;
    const unsigned char cls = classify(i, cp, len);
    if (cls == kAsciiSpace) {
      i += len;
      continue;
    }
    if (cls == kAsciiWord && i + len <= end) {
      Tok t;
      t.word = true;
      t.start = static_cast<uint32_t>(i);
      t.upper = cp >= 'A' && cp <= 'Z';
      size_t j = i + len;
      while (j < end) {
        int32_t c2;
        int l2;
        if (classify(j, c2, l2) != kAsciiWord || j + l2 > end) break;
        j += l2;
      }
      t.end = static_cast<uint32_t>(j);
      t.low = lower.substr(i, j - i);
      toks.push_back(t);
      i = j;
      continue;
    }
    Tok t;
    t.start = static_cast<uint32_t>(i);
    t.end = static_cast<uint32_t>(std::min<size_t>(i + len, end));
    t.punct = punct_class(cp);
    // A hyphen standing between spaces is a dash.
    if (t.punct == '-' && i > begin && i + 1 < end && text[i - 1] == ' ' && text[i + 1] == ' ')
      t.punct = 'd';
    toks.push_back(t);
    i += len;
  }
}

// ---------------------------------------------------------------- config

enum class Kind { Verb, Noun, Phrase, Pattern };

struct Marker {
  std::vector<std::string> words;  // a trailing '*' = prefix match
  int max_distance = -1;           // in words from the trigger; -1 = the modality window
};

struct TriggerDef {
  int type = 0;
  std::string cameo;
  Kind kind = Kind::Verb;
  bool inflect = false;                          // phrase: first word inflected as a verb
  std::vector<std::vector<std::string>> words;   // phrase: the words after the first
  int gap = 0;                                   // words allowed between phrase words
  SvSet requires_words;
  std::vector<std::string> requires_labels;
  bool has_requires = false;
  SvSet excludes;
  int window_before = 6;
  int window_after = 8;
  std::shared_ptr<RE2> re;
};

struct TypeDef {
  std::string name;
  std::string cameo;
  bool symmetric = false;
};

struct FormRef {
  int trigger;
  bool participle;  // past form ("signed", "withdrawn", an irregular listed form)
  bool ing;
};

bool word_match(const std::string& pat, std::string_view w) {
  if (!pat.empty() && pat.back() == '*')
    return w.size() >= pat.size() - 1 && w.compare(0, pat.size() - 1, pat, 0, pat.size() - 1) == 0;
  return pat == w;
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Whether a short verb doubles its final consonant ("ban" -> "banned").
bool doubles_final(const std::string& w) {
  size_t n = w.size();
  if (n < 3 || n > 4) return false;
  char a = w[n - 3], b = w[n - 2], c = w[n - 1];
  if (is_vowel(a) || !is_vowel(b) || is_vowel(c) || c == 'w' || c == 'x' || c == 'y') return false;
  int groups = 0;
  for (size_t i = 0; i < n; ++i)
    if (is_vowel(w[i]) && (i == 0 || !is_vowel(w[i - 1]))) ++groups;
  return groups == 1;
}

std::string plural(const std::string& w) {
  size_t n = w.size();
  if (n == 0) return w;
  auto ends = [&](const char* s) {
    size_t k = std::strlen(s);
    return n >= k && w.compare(n - k, k, s) == 0;
  };
  if (ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh")) return w + "es";
  if (n >= 2 && w[n - 1] == 'y' && !is_vowel(w[n - 2])) return w.substr(0, n - 1) + "ies";
  return w + "s";
}

struct VerbForms {
  std::string base, third, past, ing;
};

VerbForms verb_forms(const std::string& w) {
  VerbForms f;
  f.base = w;
  f.third = plural(w);
  size_t n = w.size();
  bool cy = n >= 2 && w[n - 1] == 'y' && !is_vowel(w[n - 2]);
  if (n >= 1 && w[n - 1] == 'e') {
    f.past = w + "d";
    if (n >= 2 && w[n - 2] == 'i')
      f.ing = w.substr(0, n - 2) + "ying";
    else if (n >= 2 && (w[n - 2] == 'e' || w[n - 2] == 'y' || w[n - 2] == 'o'))
      f.ing = w + "ing";
    else
      f.ing = w.substr(0, n - 1) + "ing";
  } else if (cy) {
    f.past = w.substr(0, n - 1) + "ied";
    f.ing = w + "ing";
  } else if (doubles_final(w)) {
    f.past = w + w.back() + "ed";
    f.ing = w + w.back() + "ing";
  } else {
    f.past = w + "ed";
    f.ing = w + "ing";
  }
  return f;
}

std::vector<std::string> split_words(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ' ' || c == '\t') {
      if (!cur.empty()) out.push_back(cur), cur.clear();
    } else {
      cur.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

// Splits a phrase word such as "re-elect" into the tokens the tokenizer makes ("re", "elect").
std::vector<std::string> word_tokens(const std::string& w) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : w) {
    bool wc = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (static_cast<unsigned char>(c) >= 0x80);
    if (wc) {
      cur.push_back(c);
    } else if (!cur.empty()) {
      out.push_back(cur), cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

const SvSet& determiners() {
  static const SvSet s = {
      "the", "a", "an", "any", "its", "their", "his", "her", "our", "this", "that", "these",
      "those", "such", "no", "every", "each", "s", "recent", "latest", "last", "first", "new"};
  return s;
}

const SvSet& be_forms() {
  static const SvSet s = {"is", "are", "was", "were", "be", "been",
                                                    "being", "got", "get", "gets"};
  return s;
}

// Words that end the noun phrase of a nominal trigger ("the coup in Niger *led* to").
const SvSet& np_stops() {
  static const SvSet s = {
      "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can",
      "could", "may", "might", "shall", "should", "must", "do", "does", "did", "that", "which",
      "who", "whom", "led", "leads", "marks", "marked", "said", "says", "and", "but", "while",
      "after", "before", "following", "since", "because", "as", "when"};
  return s;
}

const SvSet& prepositions() {
  static const SvSet s = {
      "since", "after", "before", "following", "during", "despite", "amid", "to", "with", "of",
      "from", "for", "by", "in", "on", "at", "against", "over", "about", "under", "through",
      "without", "within", "than", "like", "into", "toward", "towards", "upon", "among"};
  return s;
}

// Whether a nominal trigger sits in a prepositional phrase ("since the coups", "due to recent
// coups", "coupled with the withdrawal"): up to three words back, stopping at punctuation.
bool in_prepositional_phrase(const std::vector<Tok>& t, int tb, int lo) {
  int words = 0;
  for (int k = tb - 1; k >= lo && words < 3; --k) {
    if (!t[k].word) return false;
    ++words;
    if (prepositions().count(t[k].low)) return true;
  }
  return false;
}

bool definite_before(const std::vector<Tok>& t, int tb, int lo, int max_words = 3) {
  static const SvSet defs = {"the", "this", "that", "these", "those",
                                                       "its", "their"};
  int words = 0;
  for (int k = tb - 1; k >= lo && words < max_words; --k) {
    if (!t[k].word) return false;
    ++words;
    if (defs.count(t[k].low)) return true;
    if (prepositions().count(t[k].low)) return false;
  }
  return false;
}

const SvSet& dct_deictics() {
  static const SvSet s = {"today", "tonight", "now", "this morning",
                                                    "this afternoon", "this evening"};
  return s;
}

int number_word(std::string_view w) {
  static const SvMap<int> m = {
      {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6}, {"seven", 7},
      {"eight", 8}, {"nine", 9}, {"ten", 10}, {"both", 2}, {"2", 2}, {"3", 3}, {"4", 4},
      {"5", 5}, {"6", 6}, {"7", 7}, {"8", 8}, {"9", 9}, {"10", 10}};
  const int* v = m.find(w);
  return v ? *v : 0;
}

// JSON access with ConfigError on failure.
struct Reader {
  const std::string& where;

  [[noreturn]] void fail(const std::string& path, const std::string& reason) const {
    throw ConfigError(where, path, reason);
  }
  const json& member(const json& obj, const char* key, const std::string& path) const {
    auto it = obj.find(key);
    if (it == obj.end()) fail(path + "/" + key, "missing required field");
    return *it;
  }
  std::string str(const json& v, const std::string& path) const {
    if (!v.is_string()) fail(path, "expected a string");
    return v.get<std::string>();
  }
  int integer(const json& v, const std::string& path, int lo, int hi) const {
    if (!v.is_number_integer()) fail(path, "expected an integer");
    long long x = v.get<long long>();
    if (x < lo || x > hi)
      fail(path, "expected an integer in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
    return static_cast<int>(x);
  }
  bool boolean(const json& v, const std::string& path) const {
    if (!v.is_boolean()) fail(path, "expected true or false");
    return v.get<bool>();
  }
  const json& array(const json& v, const std::string& path) const {
    if (!v.is_array()) fail(path, "expected an array");
    return v;
  }
  const json& object(const json& v, const std::string& path) const {
    if (!v.is_object()) fail(path, "expected an object");
    return v;
  }
};

bool valid_cameo(const std::string& c) {
  if (c.size() != 2 || c[0] < '0' || c[0] > '2' || c[1] < '0' || c[1] > '9') return false;
  int v = (c[0] - '0') * 10 + (c[1] - '0');
  return v >= 1 && v <= 20;
}

// ---------------------------------------------------------------- modality markers

bool marker_at(const std::vector<Tok>& t, const Marker& m, int end_tok, int lo) {
  // Does the marker's word sequence end at word token end_tok (skipping punctuation)?
  int k = end_tok;
  for (int i = static_cast<int>(m.words.size()) - 1; i >= 0; --i) {
    while (k >= lo && !t[k].word && t[k].punct == '\'') --k;  // "n't"
    if (k < lo || !t[k].word || !word_match(m.words[i], t[k].low)) return false;
    --k;
  }
  return true;
}

bool marker_starts_at(const std::vector<Tok>& t, const Marker& m, int start_tok) {
  int k = start_tok;
  for (size_t i = 0; i < m.words.size(); ++i) {
    while (k < static_cast<int>(t.size()) && !t[k].word && t[k].punct == '\'') ++k;
    if (k >= static_cast<int>(t.size()) || !t[k].word || !word_match(m.words[i], t[k].low)) return false;
    ++k;
  }
  return true;
}

// Markers indexed by their last word, so that finding the markers that end at a
// token costs one lookup instead of a pass over the whole list.
class MarkerList {
 public:
  MarkerList() = default;
  explicit MarkerList(std::vector<Marker> markers) : markers_(std::move(markers)) {
    for (uint32_t i = 0; i < markers_.size(); ++i) {
      const std::string& last = markers_[i].words.back();
      if (!last.empty() && last.back() == '*') wildcard_.push_back(i);
      else by_last_[last].push_back(i);
    }
  }
  const std::vector<Marker>& all() const { return markers_; }
  // Calls f(marker) for each marker whose word sequence ends at word token `end_tok`.
  template <typename F>
  void each_ending_at(const std::vector<Tok>& t, int end_tok, int lo, F&& f) const {
    if (const std::vector<uint32_t>* exact = by_last_.find(t[static_cast<size_t>(end_tok)].low))
      for (uint32_t i : *exact)
        if (marker_at(t, markers_[i], end_tok, lo)) f(markers_[i]);
    for (uint32_t i : wildcard_)
      if (marker_at(t, markers_[i], end_tok, lo)) f(markers_[i]);
  }

 private:
  std::vector<Marker> markers_;
  SvMap<std::vector<uint32_t>> by_last_;
  std::vector<uint32_t> wildcard_;
};

// ---------------------------------------------------------------- per-document state

struct GroupMemory {
  int sentence = 0;
  std::vector<const Entity*> members;
  std::string label;  // common label or "*"
  bool subject = false;  // not governed by a preposition
};

struct Mention {
  uint32_t start = 0, end = 0;
  int tb = 0, te = 0;  // token range [tb, te)
  std::vector<const Entity*> members;
  std::string label;
  bool pseudo = false;
  int group = -1;
};

struct Candidate {
  int trigger = 0;
  int tb = 0, te = 0;  // token range
  uint32_t start = 0, end = 0;
  bool participle = false;
  bool ing = false;
};

}  // namespace

struct EventExtractor::Impl {
  std::vector<TypeDef> types;
  std::vector<TriggerDef> triggers;
  SvMap<std::vector<FormRef>> lexicon;
  std::vector<int> pattern_triggers;
  // All pattern triggers in one DFA: which of them occur in a document at all.
  std::unique_ptr<RE2::Set> pattern_set;

  MarkerList hypothetical, negated;
  std::vector<Marker> not_negation;
  int modality_window = 6;

  SvMap<std::string> collective_heads;  // head -> label ("*" any)
  SvSet org_anaphors, anaphor_modifiers;

  int min_participants = 1;
  int merge_lookback = 64;
  int window_counted = 6, window_uncounted = 2, anaphor_window = 2;

  void load(const json& tax, const std::string& where);
  std::vector<Event> run(std::string_view text, const std::vector<Sentence>& sentences,
                         const std::vector<Entity>& entities, const std::vector<Timex>& timexes) const;
};

namespace {

std::vector<Marker> read_markers(const Reader& r, const json& arr, const std::string& path) {
  std::vector<Marker> out;
  r.array(arr, path);
  for (size_t i = 0; i < arr.size(); ++i) {
    std::string p = path + "/" + std::to_string(i);
    Marker m;
    if (arr[i].is_string()) {
      m.words = split_words(arr[i].get<std::string>());
    } else if (arr[i].is_object()) {
      m.words = split_words(r.str(r.member(arr[i], "marker", p), p + "/marker"));
      if (arr[i].contains("max_distance"))
        m.max_distance = r.integer(arr[i]["max_distance"], p + "/max_distance", 0, 50);
    } else {
      r.fail(p, "expected a string or an object with \"marker\"");
    }
    // "n't" tokenizes as "n", "'", "t": keep only the word pieces.
    std::vector<std::string> pieces;
    for (auto& w : m.words) {
      bool star = !w.empty() && w.back() == '*';
      // "n't" tokenizes as "didn", "'", "t": the "t" piece stands for it.
      auto toks = w == "n't" ? std::vector<std::string>{"t"} : word_tokens(star ? w.substr(0, w.size() - 1) : w);
      if (toks.empty()) r.fail(p, "empty marker");
      if (star) toks.back().push_back('*');
      for (auto& t : toks) pieces.push_back(t);
    }
    if (pieces.empty()) r.fail(p, "empty marker");
    m.words = std::move(pieces);
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace

void EventExtractor::Impl::load(const json& tax, const std::string& where) {
  Reader r{where};
  r.object(tax, "");

  int default_wb = 6, default_wa = 8;
  if (tax.contains("settings")) {
    const json& s = r.object(tax["settings"], "/settings");
    auto opt_int = [&](const char* key, int& dst, int lo, int hi) {
      if (s.contains(key)) dst = r.integer(s[key], std::string("/settings/") + key, lo, hi);
    };
    opt_int("min_participants", min_participants, 0, 100);
    opt_int("merge_lookback", merge_lookback, 0, 10000);
    opt_int("collective_window_counted", window_counted, 0, 100);
    opt_int("collective_window_uncounted", window_uncounted, 0, 100);
    opt_int("anaphor_window", anaphor_window, 0, 100);
    opt_int("window_before", default_wb, 0, 100);
    opt_int("window_after", default_wa, 0, 100);
  }

  // Collective references and ORG anaphors.
  collective_heads = {{"countries", "COUNTRY"}, {"nations", "COUNTRY"}, {"states", "COUNTRY"},
                      {"juntas", "COUNTRY"},    {"parties", "*"},       {"sides", "*"}};
  org_anaphors = {"force", "alliance", "bloc", "organization", "organisation", "coalition"};
  anaphor_modifiers = {"joint", "new", "regional", "military"};
  if (tax.contains("references")) {
    const json& refs = r.object(tax["references"], "/references");
    if (refs.contains("collective")) {
      const json& c = r.object(refs["collective"], "/references/collective");
      collective_heads.clear();
      for (auto it = c.begin(); it != c.end(); ++it) {
        if (!it.key().empty() && it.key()[0] == '_') continue;
        std::string p = "/references/collective/" + it.key();
        const json& arr = r.array(it.value(), p);
        for (size_t i = 0; i < arr.size(); ++i) {
          auto w = split_words(r.str(arr[i], p + "/" + std::to_string(i)));
          if (w.size() != 1) r.fail(p + "/" + std::to_string(i), "expected one word");
          collective_heads[w[0]] = it.key();
        }
      }
    }
    auto word_set = [&](const char* key, SvSet& dst) {
      if (!refs.contains(key)) return;
      std::string p = std::string("/references/") + key;
      const json& arr = r.array(refs[key], p);
      dst.clear();
      for (size_t i = 0; i < arr.size(); ++i) {
        auto w = split_words(r.str(arr[i], p + "/" + std::to_string(i)));
        if (w.size() != 1) r.fail(p + "/" + std::to_string(i), "expected one word");
        dst.insert(w[0]);
      }
    };
    word_set("org_anaphors", org_anaphors);
    word_set("anaphor_modifiers", anaphor_modifiers);
  }

  if (tax.contains("modality")) {
    const json& m = r.object(tax["modality"], "/modality");
    if (m.contains("window")) modality_window = r.integer(m["window"], "/modality/window", 0, 50);
    if (m.contains("hypothetical"))
      hypothetical = MarkerList(read_markers(r, m["hypothetical"], "/modality/hypothetical"));
    if (m.contains("negated"))
      negated = MarkerList(read_markers(r, m["negated"], "/modality/negated"));
    if (m.contains("not_negation"))
      not_negation = read_markers(r, m["not_negation"], "/modality/not_negation");
  }

  // Named word lists.
  std::unordered_map<std::string, std::vector<std::string>> lists;
  if (tax.contains("lists")) {
    const json& l = r.object(tax["lists"], "/lists");
    for (auto it = l.begin(); it != l.end(); ++it) {
      if (!it.key().empty() && it.key()[0] == '_') continue;
      std::string p = "/lists/" + it.key();
      const json& arr = r.array(it.value(), p);
      auto& dst = lists[it.key()];
      for (size_t i = 0; i < arr.size(); ++i) dst.push_back(r.str(arr[i], p + "/" + std::to_string(i)));
    }
  }

  const json& tarr = r.array(r.member(tax, "types", ""), "/types");
  if (tarr.empty()) r.fail("/types", "no event types");
  std::unordered_set<std::string> seen_types;
  for (size_t ti = 0; ti < tarr.size(); ++ti) {
    std::string tp = "/types/" + std::to_string(ti);
    const json& t = r.object(tarr[ti], tp);
    TypeDef td;
    td.name = r.str(r.member(t, "type", tp), tp + "/type");
    if (td.name.empty()) r.fail(tp + "/type", "empty type name");
    if (!seen_types.insert(td.name).second) r.fail(tp + "/type", "duplicate type " + td.name);
    td.cameo = r.str(r.member(t, "cameo", tp), tp + "/cameo");
    if (!valid_cameo(td.cameo)) r.fail(tp + "/cameo", "expected a CAMEO root code \"01\"..\"20\"");
    if (t.contains("symmetric")) td.symmetric = r.boolean(t["symmetric"], tp + "/symmetric");
    int type_index = static_cast<int>(types.size());
    types.push_back(td);

    const json& trs = r.array(r.member(t, "triggers", tp), tp + "/triggers");
    for (size_t k = 0; k < trs.size(); ++k) {
      std::string p = tp + "/triggers/" + std::to_string(k);
      const json& tr = r.object(trs[k], p);
      TriggerDef d;
      d.type = type_index;
      d.cameo = td.cameo;
      d.window_before = default_wb;
      d.window_after = default_wa;
      if (tr.contains("cameo")) {
        d.cameo = r.str(tr["cameo"], p + "/cameo");
        if (!valid_cameo(d.cameo)) r.fail(p + "/cameo", "expected a CAMEO root code \"01\"..\"20\"");
      }
      if (tr.contains("window_before"))
        d.window_before = r.integer(tr["window_before"], p + "/window_before", 0, 100);
      if (tr.contains("window_after"))
        d.window_after = r.integer(tr["window_after"], p + "/window_after", 0, 100);
      if (tr.contains("gap")) d.gap = r.integer(tr["gap"], p + "/gap", 0, 10);
      if (tr.contains("inflect")) d.inflect = r.boolean(tr["inflect"], p + "/inflect");

      auto read_words = [&](const char* key, bool allow_labels) {
        SvSet out;
        if (!tr.contains(key)) return out;
        std::string kp = p + "/" + key;
        const json& arr = r.array(tr[key], kp);
        for (size_t i = 0; i < arr.size(); ++i) {
          std::string ip = kp + "/" + std::to_string(i);
          std::string w = r.str(arr[i], ip);
          if (w.empty()) r.fail(ip, "empty word");
          if (w[0] == '@') {
            if (!allow_labels) r.fail(ip, "entity labels are only allowed in requires");
            d.requires_labels.push_back(w.substr(1));
            continue;
          }
          std::vector<std::string> src;
          if (w[0] == '$') {
            auto it = lists.find(w.substr(1));
            if (it == lists.end()) r.fail(ip, "unknown list " + w);
            src = it->second;
          } else {
            src.push_back(w);
          }
          for (auto& s : src) {
            auto ws = split_words(s);
            if (ws.size() != 1) r.fail(ip, "expected a single word: \"" + s + "\"");
            for (auto& piece : word_tokens(ws[0])) {
              out.insert(piece);
              out.insert(plural(piece));
            }
          }
        }
        return out;
      };
      d.requires_words = read_words("requires", true);
      d.has_requires = tr.contains("requires");
      if (d.has_requires && d.requires_words.empty() && d.requires_labels.empty())
        r.fail(p + "/requires", "empty requirement list");
      d.excludes = read_words("excludes", false);

      std::vector<std::string> extra_forms;
      if (tr.contains("forms")) {
        const json& arr = r.array(tr["forms"], p + "/forms");
        for (size_t i = 0; i < arr.size(); ++i) {
          auto ws = split_words(r.str(arr[i], p + "/forms/" + std::to_string(i)));
          if (ws.size() != 1) r.fail(p + "/forms/" + std::to_string(i), "expected a single word");
          extra_forms.push_back(ws[0]);
        }
      }

      int n_kinds = tr.contains("verb") + tr.contains("noun") + tr.contains("phrase") + tr.contains("pattern");
      if (n_kinds != 1)
        r.fail(p, "a trigger needs exactly one of \"verb\", \"noun\", \"phrase\", \"pattern\"");
      int trig_index = static_cast<int>(triggers.size());
      // Registers a first-word form; multi-token words ("re-elect") become phrases.
      auto add_first = [&](const std::string& first, bool participle, bool ing) {
        lexicon[first].push_back(FormRef{trig_index, participle, ing});
      };

      if (tr.contains("pattern")) {
        d.kind = Kind::Pattern;
        std::string pat = r.str(tr["pattern"], p + "/pattern");
        RE2::Options opts;
        opts.set_log_errors(false);
        opts.set_case_sensitive(true);  // patterns opt in with (?i)
        auto re = std::make_shared<RE2>(pat, opts);
        if (!re->ok()) r.fail(p + "/pattern", "bad RE2 pattern: " + re->error());
        if (re->NumberOfCapturingGroups() > 1)
          r.fail(p + "/pattern", "at most one capturing group (the trigger span)");
        d.re = re;
        pattern_triggers.push_back(trig_index);
      } else {
        bool verb = tr.contains("verb");
        bool noun = tr.contains("noun");
        std::string lemma_text = r.str(verb ? tr["verb"] : noun ? tr["noun"] : tr["phrase"],
                                       p + (verb ? "/verb" : noun ? "/noun" : "/phrase"));
        auto ws = split_words(lemma_text);
        if (ws.empty()) r.fail(p, "empty trigger");
        // Token-level words of the phrase: hyphenated words split like the tokenizer does.
        std::vector<std::string> toks;
        for (auto& w : ws)
          for (auto& piece : word_tokens(w)) toks.push_back(piece);
        if (toks.empty()) r.fail(p, "empty trigger");
        if ((verb || noun) && ws.size() != 1)
          r.fail(p, "\"verb\"/\"noun\" take one word; use \"phrase\" for several");
        d.kind = verb ? Kind::Verb : noun ? Kind::Noun : Kind::Phrase;
        bool inflect_last = false;
        std::vector<std::pair<std::string, std::pair<bool, bool>>> firsts;  // form, (participle, ing)
        if (toks.size() == 1) {
          std::string w = toks[0];
          if (verb || (d.kind == Kind::Phrase && d.inflect)) {
            VerbForms f = verb_forms(w);
            firsts = {{f.base, {false, false}}, {f.third, {false, false}},
                      {f.past, {true, false}}, {f.ing, {false, true}}};
          } else {
            firsts = {{w, {false, false}}, {plural(w), {false, false}}};
          }
          for (auto& e : extra_forms) firsts.push_back({e, {true, false}});
        } else {
          // Multi-token: inflect the first token (verb phrases) or the last (nouns: "sit-in").
          if (verb || (d.kind == Kind::Phrase && d.inflect)) {
            VerbForms f = verb_forms(toks[0]);
            firsts = {{f.base, {false, false}}, {f.third, {false, false}},
                      {f.past, {true, false}}, {f.ing, {false, true}}};
            for (auto& e : extra_forms) firsts.push_back({e, {true, false}});
            if (verb) {
              // "re-elect": the last token carries the inflection.
              firsts = {{toks[0], {false, false}}};
              inflect_last = true;
            }
          } else {
            firsts = {{toks[0], {false, false}}};
            inflect_last = noun;
          }
          for (size_t i = 1; i < toks.size(); ++i) {
            std::vector<std::string> alts = {toks[i]};
            if (i + 1 == toks.size() && inflect_last) {
              if (verb) {
                VerbForms f = verb_forms(toks[i]);
                alts = {f.base, f.third, f.past, f.ing};
              } else {
                alts = {toks[i], plural(toks[i])};
              }
            }
            d.words.push_back(alts);
          }
          if (verb || noun) d.gap = 0;
        }
        for (auto& f : firsts) add_first(f.first, f.second.first, f.second.second);
      }
      triggers.push_back(std::move(d));
    }
  }
  if (!pattern_triggers.empty()) {
    RE2::Options opts;
    opts.set_log_errors(false);
    pattern_set = std::make_unique<RE2::Set>(opts, RE2::UNANCHORED);
    for (int pi : pattern_triggers) {
      std::string error;
      if (pattern_set->Add(triggers[static_cast<size_t>(pi)].re->pattern(), &error) < 0)
        throw ConfigError(where, "/types", "pattern triggers: " + error);
    }
    if (!pattern_set->Compile()) throw ConfigError(where, "/types", "pattern triggers: too large");
  }
  // Dedupe lexicon entries (a noun's plural may equal a listed form).
  for (auto& v : lexicon.values()) {
    std::sort(v.begin(), v.end(), [](const FormRef& a, const FormRef& b) {
      return a.trigger != b.trigger ? a.trigger < b.trigger : a.participle > b.participle;
    });
    v.erase(std::unique(v.begin(), v.end(),
                        [](const FormRef& a, const FormRef& b) { return a.trigger == b.trigger; }),
            v.end());
  }
}

// ---------------------------------------------------------------- extraction

namespace {

struct SentenceCtx {
  std::string_view text;
  const std::vector<Tok>* toks;
  std::vector<int> word_ord;  // per token: number of word tokens before it
  std::vector<int> clause;    // per token: clause index
  std::vector<bool> clause_relative;

  int words_between(int a, int b) const {  // words in tokens [a, b)
    if (b <= a) return 0;
    return word_ord[b] - word_ord[a];
  }
};

int token_at(const std::vector<Tok>& toks, uint32_t byte) {
  // First token whose end is beyond `byte`.
  auto it = std::lower_bound(toks.begin(), toks.end(), byte,
                             [](const Tok& t, uint32_t b) { return t.end <= b; });
  return static_cast<int>(it - toks.begin());
}

int token_end_at(const std::vector<Tok>& toks, uint32_t byte) {
  // One past the last token starting before `byte`.
  auto it = std::lower_bound(toks.begin(), toks.end(), byte,
                             [](const Tok& t, uint32_t b) { return t.start < b; });
  return static_cast<int>(it - toks.begin());
}

bool is_ing_word(std::string_view w) {
  static const SvSet not_verbs = {"during", "according", "regarding",
                                                           "notwithstanding", "thing", "king",
                                                           "bring", "morning", "evening", "spring"};
  return w.size() > 4 && w.compare(w.size() - 3, 3, "ing") == 0 && !not_verbs.count(w);
}

void compute_clauses(SentenceCtx& c) {
  const auto& t = *c.toks;
  c.clause.assign(t.size(), 0);
  c.clause_relative.assign(1, false);
  static const SvSet rel = {"which", "who", "whom", "whose"};
  static const SvSet conj = {"while", "whereas", "but", "although",
                                                       "though", "where", "yet"};
  static const SvSet adv = {"further", "also", "thereby", "thus",
                                                      "so", "again", "effectively"};
  int cur = 0;
  for (size_t k = 0; k < t.size(); ++k) {
    bool boundary = false, relative = false;
    if (k > 0 && !t[k - 1].word) {
      char p = t[k - 1].punct;
      if (p == ';' || p == ':' || p == 'd') {
        boundary = true;
        relative = p == 'd';  // an appositive after a dash
      } else if (p == ',' && t[k].word) {
        if (rel.count(t[k].low)) boundary = relative = true;
        else if (conj.count(t[k].low)) boundary = true;
        else if (is_ing_word(t[k].low)) boundary = true;
        else if (adv.count(t[k].low) && k + 1 < t.size() && t[k + 1].word && is_ing_word(t[k + 1].low))
          boundary = true;
      }
    }
    if (boundary && k > 0) {
      ++cur;
      c.clause_relative.push_back(relative);
    }
    c.clause[k] = cur;
  }
}

// The preposition governing a mention: the nearest word before it, skipping determiners.
std::string_view governing_word(const std::vector<Tok>& t, int tb, int lo) {
  int k = tb - 1;
  static const SvSet skip = {"the", "a", "an", "its", "their", "his",
                                                       "her", "northern", "southern", "eastern",
                                                       "western", "central", "northeast",
                                                       "northwest", "southeast", "southwest",
                                                       "neighbouring", "neighboring"};
  while (k >= lo && t[k].word && skip.count(t[k].low)) --k;
  if (k < lo || !t[k].word) return "";
  return t[k].low;
}

std::string group_label(const std::vector<const Entity*>& ms) {
  if (ms.empty()) return "*";
  std::string l = ms[0]->label;
  for (auto* e : ms)
    if (e->label != l) return "*";
  return l;
}

}  // namespace

std::vector<Event> EventExtractor::Impl::run(std::string_view text,
                                             const std::vector<Sentence>& sentences,
                                             const std::vector<Entity>& entities,
                                             const std::vector<Timex>& timexes) const {
  std::vector<Event> events;
  std::vector<std::vector<size_t>> by_type(types.size());  // type index -> event indices
  // Per event: sentence and clause of its latest mention. Several triggers of one clause
  // ("signed a trade deal") are one mention.
  std::vector<std::pair<int, int>> last_mention;
  std::deque<GroupMemory> memory;                                // recent coordinated groups
  const Entity* last_org = nullptr;
  int last_org_sentence = -1000;

  // The text lower-cased once (ASCII letters; same length): tokens' `low` views into it.
  std::string lower(text);
  for (char& ch : lower)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  // Per-sentence buffers, reused.
  std::vector<Tok> toks;
  toks.reserve(256);
  SentenceCtx ctx;
  ctx.text = text;
  ctx.toks = &toks;
  std::vector<Mention> pseudo;
  std::vector<Candidate> cands, accepted;

  // Pattern triggers that occur somewhere in the text (all of them should the set's
  // DFA run out of memory); only those are searched sentence by sentence.
  std::vector<int> active_patterns;
  if (pattern_set) {
    std::vector<int> hits;
    RE2::Set::ErrorInfo error{};
    if (pattern_set->Match(re2::StringPiece(text.data(), text.size()), &hits, &error)) {
      std::sort(hits.begin(), hits.end());
      for (int h : hits) active_patterns.push_back(pattern_triggers[static_cast<size_t>(h)]);
    } else if (error.kind == RE2::Set::kOutOfMemory) {
      active_patterns = pattern_triggers;
    }
  }

  size_t ei = 0, ti = 0;
  for (size_t si = 0; si < sentences.size(); ++si) {
    const Sentence& sent = sentences[si];
    uint32_t sb = std::min<uint32_t>(sent.start, static_cast<uint32_t>(text.size()));
    uint32_t se = std::min<uint32_t>(sent.end, static_cast<uint32_t>(text.size()));
    if (se <= sb) continue;
    int sidx = static_cast<int>(si);

    // Entities and timexes of this sentence (both sorted by start).
    while (ei < entities.size() && entities[ei].start < sb) ++ei;
    size_t e_begin = ei;
    while (ei < entities.size() && entities[ei].start < se) ++ei;
    size_t e_end = ei;
    while (ti < timexes.size() && timexes[ti].start < sb) ++ti;
    size_t t_begin = ti;
    while (ti < timexes.size() && timexes[ti].start < se) ++ti;
    size_t t_end = ti;

    tokenize(text, lower, sb, se, &toks);
    if (toks.empty()) continue;

    // ---- mentions: entities of the sentence
    std::vector<Mention> mentions;
    for (size_t k = e_begin; k < e_end; ++k) {
      const Entity& e = entities[k];
      if (e.end > se || e.end <= e.start || e.id.empty()) continue;
      Mention m;
      m.start = e.start;
      m.end = e.end;
      m.tb = token_at(toks, e.start);
      m.te = std::max(m.tb + 1, token_end_at(toks, e.end));
      if (m.tb >= static_cast<int>(toks.size())) continue;
      m.members = {&e};
      m.label = e.label;
      mentions.push_back(std::move(m));
    }

    // Coordination groups: mentions separated only by commas, "and", "or", "as well as".
    auto assign_groups = [&](std::vector<Mention>& ms) {
      static const SvSet glue = {"and", "or", "the", "as", "well", "also", "nor", "both", "&"};
      int g = 0;
      for (size_t k = 0; k < ms.size(); ++k) {
        if (k == 0) {
          ms[k].group = g;
          continue;
        }
        bool coord = ms[k].tb >= ms[k - 1].te;
        bool sep = false;
        for (int q = ms[k - 1].te; coord && q < ms[k].tb; ++q) {
          const Tok& tk = toks[q];
          if (tk.word) {
            if (!glue.count(tk.low)) coord = false;
            if (tk.low == "and" || tk.low == "or" || tk.low == "nor") sep = true;
          } else if (tk.punct == ',') {
            sep = true;
          } else if (tk.punct != 'o' || text.substr(tk.start, tk.end - tk.start) != "&") {
            coord = false;
          } else {
            sep = true;
          }
        }
        if (!(coord && sep)) ++g;
        ms[k].group = g;
      }
    };
    assign_groups(mentions);

    // ---- pseudo mentions: collective references, pronouns, ORG anaphors
    auto overlaps_real = [&](int tb, int te) {
      for (auto& m : mentions)
        if (!(m.te <= tb || m.tb >= te)) return true;
      return false;
    };
    // Like overlaps_real, but a demonym may modify a collective head ("these West
    // African countries").
    auto overlaps_real_name = [&](int tb, int te) {
      for (auto& m : mentions) {
        if (m.te <= tb || m.tb >= te) continue;
        bool demonym = !m.members.empty();
        for (const Entity* e : m.members) demonym = demonym && e->mention == "demonym";
        if (!demonym) return true;
      }
      return false;
    };
    auto mention_starts_at = [&](int tok) {
      for (auto& m : mentions)
        if (m.tb == tok) return true;
      return false;
    };
    pseudo.clear();
    static const SvSet coll_dets = {"the", "these", "those", "all", "both"};
    static const SvSet mod_stop = {
        "of", "in", "and", "or", "with", "for", "to", "on", "by", "at", "from", "that", "which",
        "who", "is", "are", "was", "were", "has", "have", "had", "a", "an", "the"};
    for (int k = 0; k < static_cast<int>(toks.size()); ++k) {
      const Tok& tk = toks[k];
      // Every reference starts with one of: they them the these those this that all both.
      if (!tk.word || tk.low.size() < 3 || tk.low.size() > 5 ||
          (tk.low[0] != 't' && tk.low[0] != 'a' && tk.low[0] != 'b'))
        continue;
      // "they" / "them" right after a group.
      if (tk.low == "they" || tk.low == "them") {
        Mention m;
        m.tb = k;
        m.te = k + 1;
        m.start = tk.start;
        m.end = tk.end;
        // Most recent group within the uncounted window (this sentence's groups first).
        std::vector<const Entity*> best;
        for (int q = static_cast<int>(mentions.size()) - 1; q >= 0 && best.empty(); --q) {
          if (mentions[q].te > k) continue;
          int g = mentions[q].group;
          std::vector<const Entity*> grp;
          for (auto& mm : mentions)
            if (mm.group == g) grp.insert(grp.end(), mm.members.begin(), mm.members.end());
          if (grp.size() >= 2) best = grp;
          break;
        }
        // Otherwise a recent group, preferring one that was a subject ("The three countries
        // have ... . They ...").
        for (int pass = 0; pass < 2 && best.empty(); ++pass)
          for (auto it = memory.rbegin(); it != memory.rend(); ++it) {
            if (sidx - it->sentence > std::min(window_uncounted, 1)) break;
            if (pass == 0 && !it->subject) continue;
            best = it->members;
            break;
          }
        if (!best.empty()) {
          m.members = best;
          m.label = group_label(best);
          m.pseudo = true;
          pseudo.push_back(std::move(m));
        }
        continue;
      }
      bool coll_det = coll_dets.count(tk.low) > 0;
      bool ana_det = tk.low == "this" || tk.low == "that" || tk.low == "the";
      if (!coll_det && !ana_det) continue;
      if (overlaps_real(k, k + 1)) continue;
      // Collective: det [number] [up to 3 modifiers] head
      int q = k + 1;
      int count = 0;
      if (q < static_cast<int>(toks.size()) && toks[q].word && number_word(toks[q].low)) {
        count = number_word(toks[q].low);
        ++q;
      }
      if (tk.low == "both") count = 2;
      bool matched = false;
      if (coll_det) {
        for (int mods = 0; mods <= 3 && q + mods < static_cast<int>(toks.size()); ++mods) {
          const Tok& h = toks[q + mods];
          if (!h.word) break;
          const std::string* head_label = collective_heads.find(h.low);
          if (head_label) {
            int end_tok = q + mods + 1;
            // "the nations of Mali, Niger ..." names them itself.
            if (end_tok < static_cast<int>(toks.size()) && toks[end_tok].word &&
                toks[end_tok].low == "of")
              break;
            if (overlaps_real_name(k, end_tok)) break;
            const std::string& want = *head_label;
            int window = count ? window_counted : window_uncounted;
            std::vector<const Entity*> best;
            // Groups of this sentence ending before the phrase, newest first.
            for (int g = mentions.empty() ? -1 : mentions.back().group; g >= 0 && best.empty(); --g) {
              std::vector<const Entity*> grp;
              bool before = true;
              for (auto& mm : mentions)
                if (mm.group == g) {
                  if (mm.te > k) before = false;
                  grp.insert(grp.end(), mm.members.begin(), mm.members.end());
                }
              if (!before || grp.size() < 2) continue;
              std::string gl = group_label(grp);
              if ((want == "*" || gl == want) && (count == 0 || static_cast<int>(grp.size()) == count)) best = grp;
            }
            for (auto it2 = memory.rbegin(); best.empty() && it2 != memory.rend(); ++it2) {
              if (sidx - it2->sentence > window) break;
              if ((want == "*" || it2->label == want) &&
                  (count == 0 || static_cast<int>(it2->members.size()) == count))
                best = it2->members;
            }
            if (!best.empty()) {
              Mention m;
              m.tb = k;
              m.te = end_tok;
              m.start = tk.start;
              m.end = toks[end_tok - 1].end;
              m.members = best;
              m.label = group_label(best);
              m.pseudo = true;
              pseudo.push_back(std::move(m));
              matched = true;
              k = end_tok - 1;
            }
            break;
          }
          if (mod_stop.count(h.low) || overlaps_real_name(q + mods, q + mods + 1)) break;
        }
      }
      if (matched || !ana_det || count) continue;
      // ORG anaphor: this/that/the [modifiers] head
      int h = k + 1;
      while (h < static_cast<int>(toks.size()) && h - k <= 2 && toks[h].word && anaphor_modifiers.count(toks[h].low)) ++h;
      if (h >= static_cast<int>(toks.size()) || !toks[h].word || !org_anaphors.count(toks[h].low)) continue;
      if (overlaps_real(k, h + 1)) continue;
      if (h + 1 < static_cast<int>(toks.size()) &&
          ((toks[h + 1].word && toks[h + 1].low == "of") || mention_starts_at(h + 1)))
        continue;
      const Entity* ante = nullptr;
      for (auto& mm : mentions)
        if (mm.te <= k && mm.members.size() == 1 && mm.members[0]->label == "ORG") ante = mm.members[0];
      if (!ante && last_org && sidx - last_org_sentence <= anaphor_window) ante = last_org;
      if (!ante) continue;
      Mention m;
      m.tb = k;
      m.te = h + 1;
      m.start = tk.start;
      m.end = toks[h].end;
      m.members = {ante};
      m.label = "ORG";
      m.pseudo = true;
      pseudo.push_back(std::move(m));
      k = h;
    }
    if (!pseudo.empty()) {
      // A demonym inside a collective reference only modifies it ("these West African
      // countries" means the countries, not West Africa).
      mentions.erase(std::remove_if(mentions.begin(), mentions.end(),
                                    [&](const Mention& r) {
                                      for (const auto& p : pseudo)
                                        if (p.tb <= r.tb && r.te <= p.te) return true;
                                      return false;
                                    }),
                     mentions.end());
      for (auto& m : pseudo) mentions.push_back(std::move(m));
      std::sort(mentions.begin(), mentions.end(),
                [](const Mention& a, const Mention& b) { return a.start < b.start; });
      assign_groups(mentions);
    }

    // ---- trigger candidates
    cands.clear();
    auto check_context = [&](const TriggerDef& d, int tb, int te) {
      int lo = tb, hi = te;
      int wb = 0;
      while (lo > 0 && wb < std::max(d.window_before, 0)) {
        --lo;
        if (toks[lo].word) ++wb;
      }
      int wa = 0;
      while (hi < static_cast<int>(toks.size()) && wa < d.window_after) {
        if (toks[hi].word) ++wa;
        ++hi;
      }
      auto in_window = [&](auto&& pred) {
        for (int q = lo; q < hi; ++q) {
          if (q >= tb && q < te) continue;
          if (toks[q].word && pred(toks[q].low)) return true;
        }
        return false;
      };
      if (!d.excludes.empty() && in_window([&](std::string_view w) { return d.excludes.count(w) > 0; }))
        return false;
      if (!d.has_requires) return true;
      if (in_window([&](std::string_view w) { return d.requires_words.count(w) > 0; })) return true;
      for (auto& lab : d.requires_labels)
        for (auto& m : mentions)
          if (m.label == lab && m.te > lo && m.tb < hi && !(m.tb >= tb && m.te <= te)) return true;
      return false;
    };
    for (int k = 0; k < static_cast<int>(toks.size()); ++k) {
      if (!toks[k].word) continue;
      const std::vector<FormRef>* forms = lexicon.find(toks[k].low);
      if (!forms) continue;
      for (const FormRef& fr : *forms) {
        const TriggerDef& d = triggers[fr.trigger];
        int end = k + 1;
        bool ok = true;
        for (auto& alts : d.words) {
          int q = end;
          int skipped = 0;
          bool found = false;
          while (q < static_cast<int>(toks.size())) {
            if (toks[q].word) {
              if (std::find(alts.begin(), alts.end(), toks[q].low) != alts.end()) {
                found = true;
                break;
              }
              if (++skipped > d.gap) break;
            } else if (toks[q].punct != '-' && toks[q].punct != '\'') {
              break;
            }
            ++q;
          }
          if (!found) {
            ok = false;
            break;
          }
          end = q + 1;
        }
        if (!ok || !check_context(d, k, end)) continue;
        Candidate c;
        c.trigger = fr.trigger;
        c.tb = k;
        c.te = end;
        c.start = toks[k].start;
        c.end = toks[end - 1].end;
        c.participle = fr.participle;
        c.ing = fr.ing;
        cands.push_back(c);
      }
    }
    std::string_view stext = text.substr(sb, se - sb);
    for (int pi : active_patterns) {
      const TriggerDef& d = triggers[pi];
      re2::StringPiece input(stext.data(), stext.size());
      re2::StringPiece groups[2];
      int ng = 1 + d.re->NumberOfCapturingGroups();
      size_t pos = 0;
      while (pos <= input.size() &&
             d.re->Match(input, pos, input.size(), RE2::UNANCHORED, groups, ng)) {
        re2::StringPiece g = (ng == 2 && groups[1].data()) ? groups[1] : groups[0];
        size_t ms = g.data() - stext.data();
        size_t me = ms + g.size();
        size_t next = (groups[0].data() - stext.data()) + groups[0].size();
        pos = next > pos ? next : pos + 1;
        if (me <= ms) continue;
        int tb = token_at(toks, sb + static_cast<uint32_t>(ms));
        int te = token_end_at(toks, sb + static_cast<uint32_t>(me));
        if (tb >= te || tb >= static_cast<int>(toks.size())) continue;
        if (!check_context(d, tb, te)) continue;
        Candidate c;
        c.trigger = pi;
        c.tb = tb;
        c.te = te;
        c.start = sb + static_cast<uint32_t>(ms);
        c.end = sb + static_cast<uint32_t>(me);
        cands.push_back(c);
      }
    }
    // Leftmost-longest, non-overlapping.
    std::sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
      if (a.start != b.start) return a.start < b.start;
      if (a.end != b.end) return a.end > b.end;
      return a.trigger < b.trigger;
    });
    accepted.clear();
    for (auto& c : cands) {
      bool clash = false;
      for (auto& a : accepted)
        if (!(c.end <= a.start || c.start >= a.end)) clash = true;
      if (!clash) accepted.push_back(c);
    }

    // Word counts and clauses serve the triggers only: most sentences have none.
    if (!accepted.empty()) {
      ctx.word_ord.assign(toks.size() + 1, 0);
      for (size_t k = 0; k < toks.size(); ++k)
        ctx.word_ord[k + 1] = ctx.word_ord[k] + (toks[k].word ? 1 : 0);
      compute_clauses(ctx);
    }

    // ---- one event mention per trigger
    for (const Candidate& c : accepted) {
      const TriggerDef& d = triggers[c.trigger];
      const TypeDef& td = types[d.type];
      int tc = ctx.clause[c.tb];
      int clause_lo = c.tb;
      while (clause_lo > 0 && ctx.clause[clause_lo - 1] == tc) --clause_lo;

      bool verb_form = d.kind == Kind::Verb || (d.kind == Kind::Phrase && d.inflect);
      std::string_view prev = c.tb > 0 && toks[c.tb - 1].word ? toks[c.tb - 1].low : std::string_view();
      bool nominal = !verb_form;
      if (verb_form) {
        if (determiners().count(prev)) nominal = true;
        if (c.ing && c.te < static_cast<int>(toks.size()) && toks[c.te].word && toks[c.te].low == "of")
          nominal = true;
      }
      bool passive = false;
      if (verb_form && !nominal && c.participle) {
        int words = 0;
        for (int q = c.tb - 1; q >= clause_lo && words < 3; --q) {
          if (!toks[q].word) break;
          ++words;
          if (be_forms().count(toks[q].low)) {
            passive = true;
            break;
          }
        }
        // Reduced relative: "The agreement, signed on Saturday", "This force, supported by
        // France and launched in 2017".
        if (!passive && c.tb > clause_lo) {
          const Tok& pv = toks[c.tb - 1];
          if (!pv.word && pv.punct == ',') passive = true;
          if (pv.word && pv.low == "and") {
            int q = c.tb - 2;
            while (q >= clause_lo && (toks[q].word || toks[q].punct == '-')) --q;
            if (q >= clause_lo && toks[q].punct == ',' && q + 1 < c.tb - 1 && toks[q + 1].word) {
              std::string_view w = toks[q + 1].low;
              passive = w.size() > 3 && w.compare(w.size() - 2, 2, "ed") == 0;
            }
          }
        }
      }

      // A nominal subject of a passive ("no sanctions were imposed on Cuba") takes the
      // participants after the participle.
      int np_from = c.te;
      if (nominal && c.te + 1 < static_cast<int>(toks.size()) && toks[c.te].word &&
          be_forms().count(toks[c.te].low) && toks[c.te + 1].word) {
        std::string_view w = toks[c.te + 1].low;
        if (w.size() > 3 && (w.compare(w.size() - 2, 2, "ed") == 0 || w.compare(w.size() - 2, 2, "en") == 0))
          np_from = c.te + 2;
      }

      std::vector<EventParticipant> parts;
      bool has_actor = false;
      auto add = [&](const Mention& m, const std::string& role) {
        for (const Entity* e : m.members) {
          std::string r = (e->label == "LOCATION") ? "location" : role;
          bool dup = false;
          for (auto& p : parts)
            if (p.id == e->id && p.role == r) dup = true;
          if (dup) continue;
          EventParticipant p;
          p.id = e->id;
          p.name = e->name;
          p.label = e->label;
          p.role = r;
          p.start = m.start;
          p.end = m.end;
          if (!m.pseudo) {
            p.start = e->start;
            p.end = e->end;
          }
          if (r == "actor") has_actor = true;
          parts.push_back(std::move(p));
        }
      };
      auto is_place = [](const Mention& m) { return m.label == "COUNTRY" || m.label == "LOCATION"; };
      // "Mali's junta leader, Assimi Goita" / "Niger's President Mohamed Bazoum": the possessor
      // of a person's title takes part with the person.
      auto add_with_possessor = [&](const Mention& m, const std::string& role) {
        add(m, role);
        if (m.label != "PERSON" || m.pseudo) return;
        for (const Mention& o : mentions) {
          if (o.te > m.tb || o.label == "PERSON" || o.label == "LOCATION") continue;
          int q = o.te;
          if (q + 1 >= m.tb || toks[q].word || toks[q].punct != '\'' || !toks[q + 1].word ||
              toks[q + 1].low != "s")
            continue;
          int words = 0;
          bool ok = true;
          for (int r = q + 2; r < m.tb && ok; ++r) {
            if (toks[r].word) ok = ++words <= 4 && !prepositions().count(toks[r].low) &&
                                   !np_stops().count(toks[r].low);
            else ok = toks[r].punct == ',';
          }
          if (ok && words >= 1) add(o, role);
        }
      };

      for (const Mention& m : mentions) {
        if (ctx.clause[m.tb] != tc) continue;
        std::string_view gov = governing_word(toks, m.tb, clause_lo);
        if (m.te <= c.tb) {
          if (nominal) {
            // Possessor or modifier right before the noun: "Mali's departure", "Niger's recent coup".
            bool close = ctx.words_between(m.te, c.tb) <= 3;
            for (int q = m.te; close && q < c.tb; ++q) {
              if (!toks[q].word && toks[q].punct != '\'' && toks[q].punct != '-') close = false;
              if (toks[q].word && (np_stops().count(toks[q].low) || prepositions().count(toks[q].low)))
                close = false;
            }
            if (close) add_with_possessor(m, (gov == "in" || gov == "at") && is_place(m) ? "location" : "actor");
          } else if (passive) {
            add(m, gov == "by" ? "actor" : (gov == "in" || gov == "at") && is_place(m) ? "location" : "target");
          } else {
            std::string role = "actor";
            if ((gov == "in" || gov == "at") && is_place(m)) role = "location";
            else if (gov == "on" || gov == "against") role = "target";
            else if (gov == "with" || gov == "to" || gov == "from" || gov == "between" || gov == "for" ||
                     gov == "among")
              role = td.symmetric ? "actor" : "other";
            add_with_possessor(m, role);
          }
        } else if (m.tb >= c.te) {
          if (nominal) {
            if (ctx.words_between(np_from, m.tb) > 6) continue;
            bool stop = false;
            for (int q = np_from; q < m.tb && !stop; ++q) {
              if (toks[q].word) stop = np_stops().count(toks[q].low) > 0;
              else stop = toks[q].punct != '\'' && toks[q].punct != '-';
            }
            if (stop) continue;
          }
          std::string role;
          if (gov == "by") role = "actor";
          else if ((gov == "in" || gov == "at") && is_place(m)) role = "location";
          else if (gov == "on" || gov == "against" || gov == "from" || gov == "of" || gov == "to" ||
                   gov == "into" || gov == "over")
            role = "target";
          else if (gov == "with") role = td.symmetric ? "actor" : "other";
          else role = nominal ? "other" : passive ? "other" : "target";
          if (td.symmetric && role != "location" && (m.label == "COUNTRY" || m.label == "PERSON"))
            role = "actor";
          add_with_possessor(m, role);
        }
      }
      // No actor yet: the nearest subject-like group before the trigger (in the clause, or
      // before a relative clause / appositive that holds the trigger).
      bool prep_phrase = nominal && in_prepositional_phrase(toks, c.tb, clause_lo);
      if (!has_actor && !passive && !prep_phrase) {
        auto subject_like = [&](const Mention& m, int lo) {
          std::string_view gov = governing_word(toks, m.tb, lo);
          return gov.empty() || gov == "and" || gov == "both" || gov == "as";
        };
        int pick = -1;
        for (int q = static_cast<int>(mentions.size()) - 1; q >= 0; --q) {
          const Mention& m = mentions[q];
          if (m.te > c.tb || ctx.clause[m.tb] != tc) continue;
          if (subject_like(m, clause_lo)) {
            pick = q;
            break;
          }
        }
        if (pick < 0 && ctx.clause_relative[tc]) {
          for (int q = static_cast<int>(mentions.size()) - 1; q >= 0; --q) {
            const Mention& m = mentions[q];
            if (m.te > clause_lo) continue;
            pick = q;
            break;
          }
        }
        if (pick >= 0) {
          int g = mentions[pick].group;
          for (auto& m : mentions)
            if (m.group == g && m.te <= c.tb) add_with_possessor(m, is_place(m) && m.label == "LOCATION" ? "location" : "actor");
        }
      }
      // A definite nominal without actor or named country/person ("the signing of the pact",
      // "since the coups") refers back to the latest event of its type.
      bool anaphoric = !has_actor &&
                       ((nominal && definite_before(toks, c.tb, clause_lo)) ||
                        (passive && definite_before(toks, c.tb, clause_lo, 5))) &&
                       std::none_of(parts.begin(), parts.end(), [](const EventParticipant& p) {
                         return p.label == "COUNTRY" || p.label == "PERSON";
                       });
      if (!anaphoric && static_cast<int>(parts.size()) < min_participants) continue;

      // ---- date
      std::optional<EventDate> date;
      {
        int best_rank = 1 << 30;
        const Timex* best = nullptr;
        for (size_t k = t_begin; k < t_end; ++k) {
          const Timex& tx = timexes[k];
          if (tx.type != "DATE" && tx.type != "TIME") continue;
          if (tx.value.empty() || tx.value.find("_REF") != std::string::npos || tx.value[0] == 'P') continue;
          if (tx.end > se) continue;
          int tb = token_at(toks, tx.start);
          if (tb >= static_cast<int>(toks.size())) continue;
          bool same = ctx.clause[tb] == tc;
          std::string_view gov = governing_word(toks, tb, 0);
          static const SvSet preps = {"in", "on", "at", "since", "during",
                                                                "from", "until", "by", "of", "last", "this"};
          bool prep = preps.count(gov) > 0 || (toks[tb].word && preps.count(toks[tb].low));
          bool initial = ctx.word_ord[tb] <= 1 && (prep || ctx.word_ord[tb] == 0);  // sentence-initial
          if (!same && !initial) continue;
          bool after = tx.start >= c.end;
          int dist = after ? ctx.words_between(c.te, tb) : ctx.words_between(token_end_at(toks, tx.end), c.tb);
          int cls = !same ? 4 : (after && prep) ? 0 : after ? 1 : prep ? 2 : 3;
          int rank = cls * 1000 + dist;
          if (rank < best_rank) {
            best_rank = rank;
            best = &tx;
          }
        }
        if (best) {
          EventDate dt;
          dt.value = best->value;
          dt.text.assign(text.substr(best->start, best->end - best->start));
          std::string_view low = std::string_view(lower).substr(best->start, best->end - best->start);
          dt.source = (best->anchor == "dct" && dct_deictics().count(low)) ? "dct" : "sentence";
          date = std::move(dt);
        }
      }

      // ---- modality
      std::string modality = "asserted";
      {
        bool neg = false, hyp = false;
        int words = 0;
        for (int q = c.tb - 1; q >= clause_lo && words < modality_window; --q) {
          if (!toks[q].word) continue;
          ++words;
          negated.each_ending_at(toks, q, clause_lo, [&](const Marker& m) {
            if (m.max_distance >= 0 && words > m.max_distance) return;
            int first = q;
            for (size_t w = 1; w < m.words.size(); ++w) --first;
            bool cancelled = false;
            for (const Marker& nn : not_negation)
              if (marker_starts_at(toks, nn, first) || marker_starts_at(toks, nn, q)) cancelled = true;
            if (!cancelled) neg = true;
          });
          hypothetical.each_ending_at(toks, q, clause_lo, [&](const Marker& m) {
            if (m.max_distance < 0 || words <= m.max_distance) hyp = true;
          });
        }
        if (neg) modality = "negated";
        else if (hyp) modality = "hypothetical";
      }

      // ---- merge or add
      Event ev;
      ev.type = td.name;
      ev.cameo = d.cameo;
      ev.trigger = Span{c.start, c.end};
      ev.participants = std::move(parts);
      ev.date = std::move(date);
      ev.sentence = Span{sb, se};
      ev.sentence_index = sidx;
      ev.modality = modality;

      auto& list = by_type[static_cast<size_t>(d.type)];
      bool merged = false;
      int checked = 0;
      for (auto it = list.rbegin(); it != list.rend() && checked < merge_lookback; ++it, ++checked) {
        Event& old = events[*it];
        if (old.modality != ev.modality) continue;
        if (old.date && ev.date && old.date->value != ev.date->value) continue;
        bool share = anaphoric;
        for (auto& a : old.participants) {
          for (auto& b : ev.participants)
            if (a.id == b.id) {
              share = true;
              break;
            }
          if (share) break;
        }
        if (!share) continue;
        std::pair<int, int> here{sidx, tc};
        if (last_mention[*it] != here) old.mentions += 1;
        last_mention[*it] = here;
        for (auto& p : ev.participants) {
          bool dup = false;
          for (auto& q : old.participants)
            if (q.id == p.id && q.role == p.role) dup = true;
          if (!dup) old.participants.push_back(p);
        }
        if (!old.date && ev.date) old.date = ev.date;
        merged = true;
        break;
      }
      if (!merged && static_cast<int>(ev.participants.size()) >= min_participants) {
        list.push_back(events.size());
        events.push_back(std::move(ev));
        last_mention.emplace_back(sidx, tc);
      }
    }

    // ---- update the reference memory
    for (size_t k = 0; k < mentions.size();) {
      size_t j = k;
      std::vector<const Entity*> grp;
      bool any_pseudo = false;
      while (j < mentions.size() && mentions[j].group == mentions[k].group) {
        for (auto* e : mentions[j].members)
          if (std::find(grp.begin(), grp.end(), e) == grp.end() &&
              std::none_of(grp.begin(), grp.end(), [&](const Entity* x) { return x->id == e->id; }))
            grp.push_back(e);
        any_pseudo = any_pseudo || mentions[j].pseudo;
        ++j;
      }
      if (grp.size() >= 2) {
        GroupMemory gm;
        gm.sentence = sidx;
        gm.members = grp;
        gm.label = group_label(grp);
        std::string_view gov = governing_word(toks, mentions[k].tb, 0);
        gm.subject = gov.empty() || gov == "and" || gov == "both" || gov == "all";
        memory.push_back(std::move(gm));
        if (memory.size() > 8) memory.pop_front();
      }
      (void)any_pseudo;
      k = j;
    }
    for (auto& m : mentions)
      if (!m.pseudo && m.members.size() == 1 && m.members[0]->label == "ORG") {
        last_org = m.members[0];
        last_org_sentence = sidx;
      }
  }
  return events;
}

EventExtractor::EventExtractor(const nlohmann::json& taxonomy, const std::string& where)
    : impl_(std::make_unique<Impl>()) {
  try {
    impl_->load(taxonomy, where);
  } catch (const ConfigError&) {
    throw;
  } catch (const nlohmann::json::exception& e) {
    throw ConfigError(where, "", e.what());
  }
}

EventExtractor::~EventExtractor() = default;
EventExtractor::EventExtractor(EventExtractor&&) noexcept = default;
EventExtractor& EventExtractor::operator=(EventExtractor&&) noexcept = default;

std::vector<Event> EventExtractor::extract(std::string_view text, const std::vector<Sentence>& sentences,
                                           const std::vector<Entity>& entities,
                                           const std::vector<Timex>& timexes,
                                           const std::optional<CalendarDate>& dct) const {
  (void)dct;  // timex values are already normalised against the DCT
  return impl_->run(text, sentences, entities, timexes);
}

}  // namespace liptako
