// Dated events: triggers from a configurable taxonomy, participants from the
// sentence's entities (plus collective references and ORG anaphors), a date
// from the sentence's timexes, a modality, and per-document merging.
//
// Work per sentence is bounded by the sentence's tokens, its entities and the
// taxonomy; merging compares a new mention with at most `merge_lookback`
// earlier events of its type. Nothing is quadratic in the document.
//
// Cost: each word is looked up once, in the tokenizer, in one table of every word
// the rules test (WordTable: flags for the fixed word lists, trigger forms, ...);
// pattern triggers are only searched in the sentences whose words may hold a match
// (PatternFilter); per-sentence buffers are reused, mentions' members are ranges of
// one per-document pool.
#include "liptako/events.h"

#include <re2/filtered_re2.h>
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <initializer_list>
#include <map>
#include <memory>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "liptako/errors.h"
#include "liptako/segmenter.h"
#include "liptako/string_index.h"
#include "events_testing.h"
#include "liptako/text.h"
#include "liptako/timex.h"
#include "short_word_index.h"
#include "thread_buffers.h"
#include "word_tokens.h"

namespace liptako {
namespace {

using text::eq;  // word tests
using internal::PackedWords;

using json = nlohmann::json;

// ---------------------------------------------------------------- word table

// Word classes: the fixed word lists the rules test, as bits.
enum WordFlag : uint64_t {
  kDeterminer = 1u << 0,     // before a verb form: a nominal ("the signing")
  kBeForm = 1u << 1,         // passive auxiliaries
  kNpStop = 1u << 2,         // end the noun phrase of a nominal trigger
  kPreposition = 1u << 3,
  kDefinite = 1u << 4,       // definite determiners (anaphoric nominals)
  kRelative = 1u << 5,       // ", which": a relative clause
  kConjunction = 1u << 6,    // ", while": a new clause
  kClauseAdverb = 1u << 7,   // ", further weakening": a new clause
  kNotVerbIng = 1u << 8,     // "-ing" words that are no verbs ("during")
  kGovSkip = 1u << 9,        // skipped looking for the governing word
  kDatePrep = 1u << 10,      // prepositions that introduce a date
  kGlue = 1u << 11,          // may stand between coordinated mentions
  kCollDet = 1u << 12,       // start a collective reference ("these countries")
  kModStop = 1u << 13,       // end the modifiers of a collective reference
  kOrgAnaphor = 1u << 14,    // heads of an ORG anaphor ("the force")
  kAnaphorMod = 1u << 15,    // modifiers of an ORG anaphor ("the joint force")
  kRefStart = 1u << 16,      // may start a pseudo mention: they them the these those ...
  kWindowWord = 1u << 17,    // in some trigger's requires or excludes words
  kFormStart = 1u << 18,     // starts trigger forms (WordInfo::forms not empty)
  kReportVerb = 1u << 19,    // "said": its subject reports an event (reports())
  kPronoun = 1u << 20,       // "it", "its": a sayer may be the event's subject too
  kTimeConjunction = 1u << 21,  // ", after Mali withdrew": may open a clause of its own
  kTimeUnit = 1u << 22,      // "days" of ", two days after"
  kAuxiliary = 1u << 23,     // "has" of "X, which ..., has also sought talks"
  kSpeaker = 1u << 24,       // "spokesman" of "X spokesman Y said", "newspaper" of "the X
                             // newspaper reported": X reports
  kReaction = 1u << 25,      // "condemned" of "X condemned the attack": X did not attack
                             // (nor did "brokered" of "X brokered a truce" make X a party,
                             // nor "sparked" of "X sparked protests" make X protest)
  kPossessivePronoun = 1u << 26,  // "its" of "halt its offensive"
  kBlame = 1u << 27,         // "blamed" of "blamed X for the killing": X is the actor
  kRanking = 1u << 28,       // "latest" of ", the latest in a series of coups"
  kSummaryNoun = 1u << 29,   // "move" of ", a move that ..."
  kConjunctVerb = 1u << 30,  // "plan" of "and plan to hold": opens a conjunct of its own
  kQuantityNoun = 1u << 31,  // "trucks" of "100 trucks of food aid"
  kBeforeWord = 1ull << 32,  // in some trigger's "excludes_before" words
  kBackerWord = 1ull << 33,  // "backed" of "Iran-backed": the name before takes no part
  kPlaceNounOf = 1ull << 34,  // "town" of "in the town of Yevlakh": skipped to "in"
  kNamingVerb = 1ull << 35,   // "called" of "called it a vile attack": a reaction
  kTakesPartIn = 1ull << 36,  // "part" of "took part in the talks": the subject takes part
  kDirectiveVerb = 1ull << 37,  // "urged" of "urged Niger to sign": who is urged acts
  kIrregularPast = 1ull << 38,  // "went", "took", "said": a finite verb (finite_verb)
  kSurvivalVerb = 1ull << 39,   // "survived", "foiled": its subject is the target (survived_before)
  kPactNoun = 1ull << 40,       // "agreement", "accords": a place before it names a pact (names_a_pact)
  kDefeatVerb = 1ull << 41,     // "defeated" of "defeated X in the election": X takes part too
  kConditional = 1ull << 42,    // "if", "unless": may open a condition's clause (next_condition)
  kTimePreposition = 1ull << 43,  // "after" of "withdrew after the Dori attack"
  kUndergoVerb = 1ull << 44,      // "faces" of "Iran faces new sanctions": its subject undergoes
};

struct FormRef {
  int trigger;
  bool participle;  // past form ("signed", "withdrawn", an irregular listed form)
  bool ing;
};

// What the rules know about one lower-cased word; looked up once per token.
struct WordInfo {
  uint64_t flags = 0;           // WordFlag bits
  int number = 0;               // "three" -> 3 ("both" -> 2); 0 = no number word
  int collective = -1;          // collective head: index into Impl::collective_labels
  uint64_t atoms = 0;           // PatternFilter::scan() of the word
  std::vector<FormRef> forms;   // trigger forms this word starts
};

// The facts of words the rules do not know.
const WordInfo kUnknownWord;
constexpr uint32_t kNoWord = 0xFFFFFFFFu;

// ---------------------------------------------------------------- tokens

// A token; a tokenizer writes every field.
struct Tok {
  uint32_t start;
  uint32_t end;
  bool word;
  char punct;  // for punctuation: , ; : . ' " - d(ash) ( ) o(ther); 0 for words
  uint32_t wid;           // word: id in the word table, kNoWord if unknown (and punctuation)
  const WordInfo* info;   // word: its facts (kUnknownWord if unknown, and punctuation)
  std::string_view low;   // ASCII-lowercased word: a view into the document's lower-cased
                          // copy (empty for punctuation)

  bool is(uint64_t flag) const { return (info->flags & flag) != 0; }
};
// Whether w is longer than three letters and ends in "-ed": a past form or participle
// ("signed", "staged"; not "led", "red").
bool ends_in_ed(std::string_view w) {
  return w.size() > 3 && w.compare(w.size() - 2, 2, "ed") == 0;
}

// Whether w is longer than four letters and ends in "-ly": an adverb ("immediately"; not
// "ally", "Italy").
bool ends_in_ly(std::string_view w) {
  return w.size() > 4 && w.compare(w.size() - 2, 2, "ly") == 0;
}

// Whether t is a word that starts with a digit: a number or a year ("2019", "12").
bool starts_with_digit(const Tok& t) {
  return t.word && !t.low.empty() && t.low[0] >= '0' && t.low[0] <= '9';
}

static_assert(std::is_trivially_copyable_v<Tok> && std::is_trivially_destructible_v<Tok>,
              "TokenBuf's slots are raw storage, tokens are copied bytewise");

// The tokens of one sentence. The storage is kept across sentences and only grows. A
// tokenizer writes tokens through a cursor: room(n) gives the slot after the last token,
// with room for n tokens from there (raw storage, not initialized), put() writes a token
// there, and commit(end) makes the tokens before `end` the buffer's; so writing a token
// costs no capacity check and no count in memory.
class TokenBuf {
 public:
  TokenBuf() = default;
  TokenBuf(const TokenBuf&) = delete;
  TokenBuf& operator=(const TokenBuf&) = delete;
  ~TokenBuf() {
    if (data_) std::allocator<Tok>().deallocate(data_, cap_);
  }

  void clear() { n_ = 0; }
  // The text the tokens' offsets point into (set once per run).
  void set_text(const char* text) { text_ = text; }
  // Whether token i is a word that opens with an ASCII capital ("President").
  bool capitalized(size_t i) const {
    return text_ != nullptr && data_[i].word && text_[data_[i].start] >= 'A' &&
           text_[data_[i].start] <= 'Z';
  }
  Tok* room(size_t more) {
    if (n_ + more > cap_) grow(n_ + more);
    return data_ + n_;
  }
  // Writes t at *next (a slot of room()'s) and advances next.
  static void put(Tok*& next, const Tok& t) { new (next++) Tok(t); }
  // end: room()'s slot or a later one of its room, every slot before it put().
  void commit(const Tok* end) { n_ = static_cast<size_t>(end - data_); }
  size_t size() const { return n_; }
  bool empty() const { return n_ == 0; }
  const Tok& operator[](size_t i) const { return data_[i]; }
  const Tok* begin() const { return data_; }
  const Tok* end() const { return data_ + n_; }

 private:
  void grow(size_t need) {
    const size_t cap = std::max({need, cap_ * 2, size_t{128}});
    Tok* bigger = std::allocator<Tok>().allocate(cap);
    if (data_) {
      if (n_) std::memcpy(static_cast<void*>(bigger), data_, n_ * sizeof(Tok));
      std::allocator<Tok>().deallocate(data_, cap_);
    }
    data_ = bigger;
    cap_ = cap;
  }
  Tok* data_ = nullptr;
  size_t cap_ = 0;
  size_t n_ = 0;
  const char* text_ = nullptr;
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
// kNonAscii marks the bytes 0x80..0xFF, whose code point needs decoding.
enum : unsigned char { kAsciiOther = 0, kAsciiSpace = 1, kAsciiWord = 2, kNonAscii = 3 };
struct AsciiClasses {
  unsigned char of[256] = {};
  AsciiClasses() {
    for (int c = 0; c < 256; ++c)
      of[c] = c >= 0x80           ? kNonAscii
              : is_space_cp(c)    ? kAsciiSpace
              : is_word_cp(c)     ? kAsciiWord
                                  : kAsciiOther;
  }
};
const AsciiClasses kAscii;

// Lower-cased word -> WordInfo. Filled while loading, then frozen (freeze()), read-only
// afterwards. Words of up to 16 bytes (nearly every token) are found by their bytes
// packed into one or two integers (PackedWords); longer ones go
// through a bitmap over (length, first byte, last byte) that rejects most unknown
// words, then the StringIndex.
class WordTable {
 public:
  // The id of `w`, added if new. Only while loading.
  uint32_t intern(std::string_view w) {
    const uint32_t id = keys_.intern(w);
    if (id < infos_.size()) return id;
    infos_.emplace_back();
    if (w.size() > PackedWords::kMaxBytes) {
      const uint32_t f = filter_key(w);
      filter_[f >> 6] |= uint64_t{1} << (f & 63);
    }
    return id;
  }
  // The facts of `w`, added if new. Only while loading: invalidates earlier references.
  WordInfo& add(std::string_view w) { return infos_[intern(w)]; }
  // After the last word is added, before the first find_padded().
  void freeze() {
    packed_.build(keys_);
    // The miss filter of the words of 1 to 8 bytes: 16 bits per word.
    std::vector<uint64_t> keys;
    for (uint32_t id = 0; id < keys_.size(); ++id) {
      const std::string_view w = keys_.get(id);
      if (w.empty() || w.size() > 8) continue;
      uint64_t key = 0;
      std::memcpy(&key, w.data(), w.size());
      keys.push_back(key);
    }
    miss_filter_.build(keys, 16);
  }

  // The id of `w` (0 .. size()-1), or kNoWord. `w.data()` must be followed by at least
  // 8 readable bytes (w's own count): words of up to 16 bytes are read 8 bytes at a time.
  // Always inlined: once per token, in the tokenizers' loops.
  __attribute__((always_inline)) uint32_t find_padded(std::string_view w) const {
    static_assert(kNoWord == StringIndex::kNotFound, "an unknown word");
    if (w.empty()) return kNoWord;
    if (w.size() <= internal::ShortWordIndex::kMaxBytes)
      return find_short(internal::ShortWordIndex::key_of_padded(w.data(), w.size()));
    if (w.size() <= PackedWords::kMaxBytes) return packed_.find_padded(w.data(), w.size()).id;
    const uint32_t f = filter_key(w);
    if (!(filter_[f >> 6] & (uint64_t{1} << (f & 63)))) return kNoWord;
    return keys_.find(w);
  }
  // find_padded() of a word of 1 to 8 bytes given its key (ShortWordIndex::key_of_padded()).
  // Most words of news text are not in the table: the miss filter answers most of them
  // without the index's bucket.
  __attribute__((always_inline)) uint32_t find_short(uint64_t key) const {
    if (!miss_filter_.may_contain(key)) return kNoWord;
    return packed_.short_words().find(key).id;
  }
  const WordInfo& info(uint32_t id) const { return infos_[id]; }
  std::string_view word(uint32_t id) const { return keys_.get(id); }
  size_t size() const { return infos_.size(); }
  std::vector<WordInfo>& infos() { return infos_; }

 private:
  static constexpr uint32_t kFilterBits = 1u << 14;
  static uint32_t filter_key(std::string_view w) {
    if (w.empty()) return 0;
    const uint32_t first = static_cast<unsigned char>(w.front());
    const uint32_t last = static_cast<unsigned char>(w.back());
    return (static_cast<uint32_t>(std::min<size_t>(w.size(), 31)) * 0x9E37u + first * 0x2D1u + last * 0x3Bu) &
           (kFilterBits - 1);
  }
  StringIndex keys_;
  std::vector<WordInfo> infos_;
  PackedWords packed_;                      // the words of 1 to 16 bytes
  internal::WordKeyFilter miss_filter_;     // of the words of 1 to 8 bytes
  uint64_t filter_[kFilterBits / 64] = {};  // of the longer ones
};

// ---------------------------------------------------------------- pattern prefilter

// Which pattern triggers may match in a sentence. re2::FilteredRE2 gives the literal
// strings ("atoms", lower-cased) that matches of the patterns contain, and tells which
// patterns a set of present atoms allows. At construction that answer is turned into,
// per pattern, disjoint "blocking" atom sets B1..Bk: with every other atom present but
// none of Bi, the pattern cannot match. So a pattern can match in a text only if each
// of its Bi has an atom in the text; a pattern without blocking sets is always tried.
//
// An atom is looked for through its longest run of ASCII letters and digits (its
// "piece", 3 bytes or more, else the atom counts as present everywhere): wherever the
// atom occurs in a lower-cased text, the piece lies inside one word token. So the atoms
// of a sentence are over-approximated from its tokens, which keeps the test sound.
// Immutable after construction.
class PatternFilter {
 public:
  // `patterns[i]` is the RE2 of pattern trigger i. Throws ConfigError naming `where`.
  PatternFilter(const std::vector<const RE2*>& patterns, const std::string& where)
      : blocking_(patterns.size()), serial_(next_serial()) {
    re2::FilteredRE2 filter(3);
    for (const RE2* re : patterns) {
      int id = 0;
      if (filter.Add(re->pattern(), re->options(), &id) != RE2::NoError)
        throw ConfigError(where, "/types", "pattern triggers: cannot filter " + re->pattern());
    }
    std::vector<std::string> atoms;
    filter.Compile(&atoms);
    // Atoms with a piece get bits 0..63 (shortest pieces first); the others are present
    // everywhere. With more than 64 such atoms the filter gives up: every pattern is tried.
    std::vector<int> always;
    std::vector<std::pair<std::string, int>> with_piece;  // (piece, atom)
    for (size_t a = 0; a < atoms.size(); ++a) {
      std::string_view best;
      const std::string& s = atoms[a];
      for (size_t i = 0; i < s.size();) {
        size_t j = i;
        while (j < s.size() && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= '0' && s[j] <= '9'))) ++j;
        if (j - i > best.size()) best = std::string_view(s).substr(i, j - i);
        i = j + 1;
      }
      if (best.size() < 3) always.push_back(static_cast<int>(a));
      else with_piece.emplace_back(std::string(best), static_cast<int>(a));
    }
    if (with_piece.size() > 64) return;
    std::stable_sort(with_piece.begin(), with_piece.end(),
                     [](const auto& x, const auto& y) { return x.first.size() < y.first.size(); });
    const int n = static_cast<int>(with_piece.size());
    const uint64_t all = n == 64 ? ~uint64_t{0} : (uint64_t{1} << n) - 1;
    // Whether pattern p may match a text holding the atoms of `present` (and `always`).
    auto possible = [&](size_t p, uint64_t present) {
      std::vector<int> ids = always, out;
      for (int b = 0; b < n; ++b)
        if (present >> b & 1) ids.push_back(with_piece[static_cast<size_t>(b)].second);
      std::sort(ids.begin(), ids.end());
      filter.AllPotentials(ids, &out);
      return std::find(out.begin(), out.end(), static_cast<int>(p)) != out.end();
    };
    uint64_t used = 0;  // atoms of some blocking set
    for (size_t p = 0; p < patterns.size(); ++p) {
      uint64_t taken = 0;  // atoms of this pattern's blocking sets so far
      // Each round: start from "none but earlier sets' atoms present" and hand back to
      // the text, shortest pieces first, every atom whose presence still keeps the
      // pattern impossible; what is left blocks the pattern.
      while (!possible(p, taken)) {
        uint64_t block = all & ~taken;
        for (int b = 0; b < n; ++b) {
          const uint64_t bit = uint64_t{1} << b;
          if ((block & bit) && !possible(p, all & ~(block & ~bit))) block &= ~bit;
        }
        if (block == 0) break;  // cannot happen: possible(p, all) after a failed round
        blocking_[p].push_back(block);
        taken |= block;
      }
      // Each set alone is a sound test. Sets with 3-byte pieces ("air", "car") hit many
      // words and cost more to look for than they save: keep the sets whose pieces all
      // have 4 bytes or more, or else the one whose shortest piece is longest.
      auto shortest = [&](uint64_t block) {
        size_t m = SIZE_MAX;
        for (int b = 0; b < n; ++b)
          if (block >> b & 1) m = std::min(m, with_piece[static_cast<size_t>(b)].first.size());
        return m;
      };
      std::vector<uint64_t>& sets = blocking_[p];
      if (!sets.empty()) {
        uint64_t best = sets[0];
        for (uint64_t block : sets)
          if (shortest(block) > shortest(best)) best = block;
        sets.erase(std::remove_if(sets.begin(), sets.end(),
                                  [&](uint64_t block) { return shortest(block) < 4; }),
                   sets.end());
        if (sets.empty()) sets.push_back(best);
      }
      for (uint64_t block : sets) used |= block;
    }
    for (int b = 0; b < n; ++b) {
      if (!(used >> b & 1)) continue;
      const std::string& text = with_piece[static_cast<size_t>(b)].first;
      size_t pi = 0;
      while (pi < pieces_.size() && pieces_[pi].text != text) ++pi;
      if (pi == pieces_.size()) pieces_.push_back(Piece{text, 0});
      pieces_[pi].atoms |= uint64_t{1} << b;
    }
    for (uint32_t pi = 0; pi < pieces_.size(); ++pi) {
      const std::string& t = pieces_[pi].text;
      const uint32_t g2 = gram2(t.data());
      bits2_[g2 >> 6] |= uint64_t{1} << (g2 & 63);
      if (t.size() == 3) short_pieces_.push_back(pi);
      else by_gram_.emplace_back(gram(t.data()), pi);
    }
    std::sort(by_gram_.begin(), by_gram_.end());
    for (const Piece& pc : pieces_) min_piece_ = std::min(min_piece_, pc.text.size());
    if (pieces_.empty()) return;
    stride_ = min_piece_ - 2;
    for (const Piece& pc : pieces_)
      for (size_t k = 0; k < stride_; ++k) {
        inner3_[hash3(pc.text.data() + k)] = 1;
      }
  }

  // The shortest piece: words shorter than that need no scan().
  size_t min_piece() const { return min_piece_; }
  // Distinct for every filter of the process (from 1 on): what a memo of scan() keeps.
  uint64_t serial() const { return serial_; }

  // The atoms (bits) whose piece occurs in `w`, a lower-cased word followed by at least
  // one readable byte.
  //
  // A piece that starts at p covers the 3-grams starting at p .. p + stride_ - 1 (every
  // piece has stride_ + 2 bytes or more), and exactly one of these starts at a multiple
  // of stride_. So only the 3-grams at multiples q of stride_ are looked up, in inner3_
  // (the hashes of the 3-grams at offsets 0 .. stride_ - 1 of the pieces), and only on a
  // hit are the starts q - stride_ + 1 .. q tried: every start where a piece occurs is.
  // Out of line, and a leaf until the first hit (scan_from()): it then needs none of the
  // tokenizer loop's registers.
  __attribute__((noinline)) uint64_t scan(std::string_view w) const {
    const size_t n = w.size();
    if (n < min_piece_) return 0;
    for (size_t q = 0; q <= n - 3; q += stride_)
      if (inner3_[hash3(w.data() + q)]) return scan_from(w, q);
    return 0;
  }
  // Whether pattern p may match a text whose words' scan() give `present`.
  bool possible(size_t p, uint64_t present) const {
    for (uint64_t block : blocking_[p])
      if (!(present & block)) return false;
    return true;
  }

 private:
  // scan() from its first hit, at q. Rare: not inlined.
  __attribute__((noinline)) uint64_t scan_from(std::string_view w, size_t q) const {
    uint64_t found = pieces_before(w, q);
    for (q += stride_; q <= w.size() - 3; q += stride_)
      if (inner3_[hash3(w.data() + q)]) found |= pieces_before(w, q);
    return found;
  }
  // The atoms of the pieces that start at w[q - stride_ + 1 .. q]. Rare: not inlined.
  __attribute__((noinline)) uint64_t pieces_before(std::string_view w, size_t q) const {
    uint64_t found = 0;
    for (size_t p = q + 1 > stride_ ? q + 1 - stride_ : 0; p <= q && p + min_piece_ <= w.size(); ++p)
      found |= pieces_at(w, p);
    return found;
  }
  // The atoms of the pieces that start at w[p] (p + min_piece_ <= w.size()).
  uint64_t pieces_at(std::string_view w, size_t p) const {
    uint64_t found = 0;
    const uint32_t g2 = gram2(w.data() + p);  // the first two bytes of a piece?
    if (!(bits2_[g2 >> 6] & (uint64_t{1} << (g2 & 63)))) return 0;
    if (p + 4 <= w.size()) {  // pieces of 4 bytes or more, by their first 4 bytes
      const uint32_t g = gram(w.data() + p);
      auto it = std::lower_bound(by_gram_.begin(), by_gram_.end(), std::make_pair(g, 0u));
      for (; it != by_gram_.end() && it->first == g; ++it) {
        const Piece& pc = pieces_[it->second];
        if (w.compare(p, pc.text.size(), pc.text) == 0) found |= pc.atoms;
      }
    }
    for (uint32_t pi : short_pieces_)
      if (w.compare(p, 3, pieces_[pi].text) == 0) found |= pieces_[pi].atoms;
    return found;
  }
  // The 4 bytes at p (all readable), and the 2 bytes at p.
  static uint32_t gram(const char* p) {
    uint32_t g;
    std::memcpy(&g, p, 4);
    return g;
  }
  static uint32_t gram2(const char* p) {
    uint16_t g;
    std::memcpy(&g, p, 2);
    return g;
  }
  // A 12-bit hash of the 3 bytes at p (p[0, 4) readable).
  static uint32_t hash3(const char* p) {
    return ((gram(p) & 0xFFFFFFu) * 0x9E3779B1u) >> 20;
  }

  struct Piece {
    std::string text;
    uint64_t atoms;  // the atoms (bits) it stands for
  };
  static uint64_t next_serial() {
    static std::atomic<uint64_t> last{0};
    return ++last;
  }
  std::vector<std::vector<uint64_t>> blocking_;  // per pattern: its blocking atom sets
  uint64_t serial_;
  std::vector<Piece> pieces_;                    // of the atoms in some blocking set
  size_t min_piece_ = SIZE_MAX;
  size_t stride_ = 1;  // min_piece_ - 2 (when there are pieces): scan()'s step
  std::vector<std::pair<uint32_t, uint32_t>> by_gram_;  // (first 4 bytes, piece), sorted
  std::vector<uint32_t> short_pieces_;                  // pieces of 3 bytes
  uint64_t bits2_[(1u << 16) / 64] = {};                // the first 2 bytes of the pieces
  uint8_t inner3_[1u << 12] = {};  // 1 at hash3() of offsets 0 .. stride_ - 1 of the pieces
};

// ---------------------------------------------------------------- tokenizer

// PatternFilter::scan() of recent words of 1 to 8 bytes (news text repeats its words):
// a direct-mapped table of their packed bytes (0: an empty slot) and atoms, for the
// filter of serial `filter`.
class ScanMemo {
 public:
  // Makes this the memo of `f` (forgets every word when it was another filter's).
  void use(const PatternFilter& f) {
    if (f.serial() == filter_) return;
    slots_.fill(Slot{0, 0});
    filter_ = f.serial();
  }
  // f.scan(w), f being the filter of the last use(), for w of 1 to 8 bytes (followed by
  // at least one readable byte) whose key (ShortWordIndex::key_of_padded()) is `key`:
  // the memo's answer, or else the scan's, then kept.
  uint64_t scan_short(const PatternFilter& f, std::string_view w, uint64_t key) {
    Slot& s = slots_[internal::key_slot(key, 64 - kBits)];
    if (s.key != key) s = Slot{key, f.scan(w)};
    return s.atoms;
  }

 private:
  static constexpr int kBits = 12;
  struct Slot {
    uint64_t key, atoms;
  };
  uint64_t filter_ = 0;  // serial of the filter; 0: none
  std::array<Slot, size_t{1} << kBits> slots_{};
};

// What tokenize() notes about a sentence besides its tokens.
struct TokenFacts {
  uint64_t atoms = 0;       // PatternFilter atoms its words hold (when given a filter)
  bool ascii_fold = false;  // holds U+017F (long s) or U+212A (Kelvin sign), which a
                            // case-insensitive regex equates with ASCII letters
  std::vector<int> trigger_starts;  // word tokens that start trigger forms, ascending
  std::vector<int> ref_starts;      // word tokens flagged kRefStart, ascending
  bool before_word = false;         // a word flagged kBeforeWord
  // The tokenizer's memo of the pattern filter's scans; kept across sentences and
  // documents (the caller makes it the filter's, ScanMemo::use(), before tokenizing).
  ScanMemo memo;

  void clear() {
    atoms = 0;
    ascii_fold = false;
    trigger_starts.clear();
    ref_starts.clear();
    before_word = false;
  }
};

// Writes the word lower[i, j) (a run of is_word_cp code points, i < j; `lower` as in
// scan_tokens()) with its facts from `words` at *next (a slot of TokenBuf::room(), `base`
// being its first token) and advances next; ORs its atoms into `atoms`: a known word's,
// or else, when it has at least `min_piece` bytes, filter->scan()'s (through
// facts->memo for a word of up to 8 bytes).
__attribute__((always_inline)) inline void add_word(std::string_view lower, size_t i, size_t j,
                                                   const WordTable& words, size_t min_piece,
                                                   const PatternFilter* filter, const Tok* base,
                                                   Tok*& next, uint64_t& atoms,
                                                   TokenFacts* facts) {
  const std::string_view low(lower.data() + i, j - i);
  // A word of up to 8 bytes (most) is looked up, and scanned, by its packed bytes.
  const bool short_word = low.size() <= internal::ShortWordIndex::kMaxBytes;
  const uint64_t key =
      short_word ? internal::ShortWordIndex::key_of_padded(low.data(), low.size()) : 0;
  const uint32_t wid = short_word ? words.find_short(key) : words.find_padded(low);
  if (wid != kNoWord) {
    const WordInfo* info = &words.info(wid);
    atoms |= info->atoms;
    if (info->flags & (kFormStart | kRefStart | kBeforeWord)) {
      const int k = static_cast<int>(next - base);
      if (info->flags & kFormStart) facts->trigger_starts.push_back(k);
      if (info->flags & kRefStart) facts->ref_starts.push_back(k);
      if (info->flags & kBeforeWord) facts->before_word = true;
    }
    TokenBuf::put(next,
                  Tok{static_cast<uint32_t>(i), static_cast<uint32_t>(j), true, 0, wid, info, low});
    return;
  }
  // Written before the scan: nothing of it is kept across the call.
  TokenBuf::put(next, Tok{static_cast<uint32_t>(i), static_cast<uint32_t>(j), true, 0, kNoWord,
                          &kUnknownWord, low});
  if (low.size() >= min_piece)
    atoms |= short_word ? facts->memo.scan_short(*filter, low, key) : filter->scan(low);
}

// Writes the punctuation token text[i, j) of the code point cp, in the sentence
// text[begin, end), at *next and advances next.
inline void add_punct(std::string_view text, size_t i, size_t j, int32_t cp, uint32_t begin,
                      uint32_t end, Tok*& next) {
  char punct = punct_class(cp);
  // A hyphen standing between spaces is a dash.
  if (punct == '-' && i > begin && i + 1 < end && text[i - 1] == ' ' && text[i + 1] == ' ')
    punct = 'd';
  TokenBuf::put(next, Tok{static_cast<uint32_t>(i), static_cast<uint32_t>(j), false, punct,
                          kNoWord, &kUnknownWord, std::string_view()});
}

// Appends the event tokens of text[from, to) to *out and their facts to *facts, by a
// scan of the bytes: a word is a run of is_word_cp code points, every other code point
// but an is_space_cp one is a punctuation token. text[begin, end) is the sentence:
// begin <= from, to <= end, and `from` and `to` are where the scan of the whole
// sentence starts a token or skips a space (`begin`, `end`, or an ASCII whitespace
// byte), so these tokens are that scan's. Words' `low` are views into `lower`, the
// text with ASCII letters lower-cased (same offsets, followed by at least 8 padding
// bytes); their `wid` / `info` come from `words`; `filter` (may be null) scans the
// words that `words` does not know.
void scan_tokens(std::string_view text, std::string_view lower, size_t from, size_t to,
                 uint32_t begin, uint32_t end, const WordTable& words,
                 const PatternFilter* filter, TokenBuf* out, TokenFacts* facts) {
  // At most one token per byte.
  Tok* next = out->room(to - from);
  const Tok* const base = out->begin();
  uint64_t atoms = 0;
  const size_t min_piece = filter ? filter->min_piece() : SIZE_MAX;
  // The class of the non-ASCII code point at i, and the code point and its length.
  auto classify_utf8 = [&](size_t i, int32_t& cp, int& len) -> unsigned char {
    len = decode_utf8(text, i, cp);
    if (cp == 0x17F || cp == 0x212A) facts->ascii_fold = true;
    return is_space_cp(cp) ? kAsciiSpace : is_word_cp(cp) ? kAsciiWord : kAsciiOther;
  };
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text.data());
  size_t i = from;
  while (i < to) {
    const unsigned char b = bytes[i];
    int32_t cp = b;
    int len = 1;
    unsigned char cls = kAscii.of[b];
    if (cls == kNonAscii) cls = classify_utf8(i, cp, len);
    if (cls == kAsciiSpace) {
      i += len;
      continue;
    }
    if (cls == kAsciiWord && i + len <= to) {
      size_t j = i + len;
      while (true) {
        // ASCII fast path, two bytes a step.
        while (j + 1 < to && kAscii.of[bytes[j]] == kAsciiWord && kAscii.of[bytes[j + 1]] == kAsciiWord)
          j += 2;
        if (j < to && kAscii.of[bytes[j]] == kAsciiWord) ++j;
        if (j == to || bytes[j] < 0x80) break;
        int32_t c2;
        int l2;
        if (classify_utf8(j, c2, l2) != kAsciiWord || j + l2 > to) break;
        j += l2;
      }
      add_word(lower, i, j, words, min_piece, filter, base, next, atoms, facts);
      i = j;
      continue;
    }
    add_punct(text, i, std::min<size_t>(i + len, to), cp, begin, end, next);
    i += len;
  }
  out->commit(next);
  facts->atoms |= atoms;
}

// Tokens of text[begin, end) into *out and their facts into *facts (both cleared
// first): scan_tokens() of the sentence.
void tokenize(std::string_view text, std::string_view lower, uint32_t begin, uint32_t end,
              const WordTable& words, const PatternFilter* filter, TokenBuf* out,
              TokenFacts* facts) {
  out->clear();
  facts->clear();
  scan_tokens(text, lower, begin, end, begin, end, words, filter, out, facts);
}

// tokenize(), given `seg`: exactly the tokens of liptako::tokenize(text) that lie in
// text[begin, end), in order. The same tokens and facts, without the byte scan where
// the two tokenizers cut alike. Before internal::next_cut_difference() the text is
// ASCII without NUL and the segmenter joins no word with '.', ',' or an apostrophe, so
// there its words are runs of ASCII letters and digits, each of its other tokens is one
// ASCII byte, and what lies between them is ASCII whitespace: the scan's tokens, for a
// token that ends before the difference (the byte after a word is then ASCII, and
// ends the scan's word too). A token that reaches the difference, and what follows it
// up to the next ASCII whitespace (where both tokenizers start afresh), goes to
// scan_tokens(). The tests compare this with tokenize() on random texts.
__attribute__((noinline)) void tokenize_with(std::string_view text, std::string_view lower,
                                             uint32_t begin, uint32_t end, const Token* seg,
                                             const Token* seg_end, const WordTable& words,
                                             const PatternFilter* filter, TokenBuf* out,
                                             TokenFacts* facts) {
  out->clear();
  facts->clear();
  // At most one token per byte: scan_tokens() below finds its room there too.
  Tok* next = out->room(end - begin);
  const Tok* base = out->begin();
  uint64_t atoms = 0;
  const size_t min_piece = filter ? filter->min_piece() : SIZE_MAX;
  internal::take_or_scan<false>(
      text, lower.data(), begin, end, seg, seg_end,
      [&](const Token& g) {
        if (g.kind == TokenKind::kWord || g.kind == TokenKind::kNumber)
          add_word(lower, g.start, g.end, words, min_piece, filter, base, next, atoms, facts);
        else
          add_punct(text, g.start, g.end, static_cast<unsigned char>(text[g.start]), begin, end,
                    next);
      },
      [&](size_t from, size_t to) {
        if (from == to) return;  // nothing to scan (the sentence's end, mostly)
        out->commit(next);
        scan_tokens(text, lower, from, to, begin, end, words, filter, out, facts);
        next = out->room(0);
        base = out->begin();
      });
  out->commit(next);
  facts->atoms |= atoms;
}

// ---------------------------------------------------------------- config

enum class Kind { Verb, Noun, Phrase, Pattern };

struct Marker {
  std::vector<std::string> words;  // a trailing '*' = prefix match
  int max_distance = -1;           // in words from the trigger; -1 = the modality window
  // Per word: its id in the word table, or kNoWord for a prefix match (filled by
  // MarkerList, for marker_at()).
  std::vector<uint32_t> ids;
};

struct TriggerDef {
  int type = 0;
  std::string cameo;
  Kind kind = Kind::Verb;
  bool inflect = false;                          // phrase: first word inflected as a verb
  std::vector<std::vector<std::string>> words;   // phrase: the words after the first
  int gap = 0;                                   // words allowed between phrase words
  std::vector<uint32_t> requires_words;  // word ids, sorted
  std::vector<std::string> requires_labels;
  bool has_requires = false;
  std::vector<uint32_t> excludes;  // word ids, sorted
  // "excludes_object": none of these words as the trigger's object, the first word after
  // it (after a gap phrase's first word) or after one determiner there, perhaps after "on"
  // or "against" ("struck oil", "strike a balance", "fired tear gas at", "an attack on its
  // sovereignty"; not "struck an oil terminal", which "excludes" would also refuse). Word
  // ids, sorted.
  std::vector<uint32_t> excludes_object;
  // "excludes_before": a passive form of the trigger without its agent ("23 people were
  // killed in Mozambique") reports no event when one of these words stood in the sentence
  // before ("Cyclone Delara made landfall ...") or before it in its own, nor an -ing form
  // after a comma when one of them stands before it in its sentence ("... crashed into a
  // wall at the airport on Sunday, killing 179 people"). Lower-cased words, plurals added;
  // looked for only for such forms (rare).
  std::vector<std::string> excludes_before;
  // "not_after": none of these words right before the trigger, where they make it another
  // word's part ("in charge of" is no charging). Word ids, sorted.
  std::vector<uint32_t> not_after;
  int window_before = 6;
  int window_after = 8;
  // "possessor": "target": the possessor of the trigger as a noun is what the event befell
  // ("Bazoum's arrest", "his abduction", "its founding"), not its actor ("Iraq's invasion").
  bool possessor_is_target = false;
  // "with": "target": a name after "with" is the target ("cut ties with France"), not
  // "other"; a symmetric type's is an actor whatever this says.
  bool with_target = false;
  // "for": "target": a name after "for" is the target ("aid for Ukraine", "a warrant for
  // Netanyahu"), not "other".
  bool for_target = false;
  // "of": "actor": a name after "of" acts ("the election of Donald Trump"), not "target".
  bool of_actor = false;
  std::shared_ptr<RE2> re;
};

struct TypeDef {
  std::string name;
  std::string cameo;
  bool symmetric = false;
  // A demonym that modifies one of the type's triggers names who acts, not where ("an
  // Israeli strike", "the French withdrawal"; not "the Dutch election").
  bool demonym_acts = false;
};

// The words (lower-cased) that open a line linking to another story, before a colon:
// "Also read: ...", "READ MORE: ...". Such a line reports none of this story's events.
inline constexpr std::array<std::array<std::string_view, 3>, 11> kStoryLinkCues = {{
    {"also", "read", ""}, {"read", "also", ""}, {"read", "more", ""}, {"see", "also", ""},
    {"also", "see", ""}, {"related", "", ""}, {"related", "stories", ""},
    {"related", "articles", ""}, {"related", "news", ""}, {"recommended", "", ""},
    {"more", "on", "this"}}};

// Whether the sentence's tokens `toks` open with a kStoryLinkCues cue and a colon.
bool links_to_another_story(const TokenBuf& toks) {
  // Most sentences have no colon among their first four tokens: answered by that.
  bool colon = false;
  for (size_t k = 1; k < std::min<size_t>(toks.size(), 4); ++k) colon |= toks[k].punct == ':';
  if (!colon) return false;
  for (const auto& cue : kStoryLinkCues) {
    size_t k = 0;
    while (k < cue.size() && !cue[k].empty() && k < toks.size() && toks[k].word &&
           toks[k].low == cue[k])
      ++k;
    if ((k == cue.size() || cue[k].empty()) && k < toks.size() && !toks[k].word &&
        toks[k].punct == ':')
      return true;
  }
  return false;
}

// The number of tokens of a dateline that opens the sentence `toks` of `text`, its dash
// included ("TUNIS, Tunisia (Reuters) -", "KAYES —", "LONDON, March 3 (AP)_"), or 0
// if there is none. A dateline opens a line. Its dash (a hyphen, a dash or the wire's
// underscore, spaced or right after a bracket) comes at most 12 tokens on, after only
// capitalised words, numbers and the punctuation of "U.S.", "Sept. 3," and "(AFP)" (an
// agency between brackets in any case: "(dpa)");
// and its first word is set in capitals or a bracket closes right before the dash. It
// says where and by whom a story was filed: its names take part in none of the line's
// events.
int dateline_tokens(std::string_view text, const TokenBuf& toks) {
  if (toks.empty()) return 0;
  size_t before = toks[0].start;
  while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '\t')) --before;
  if (before > 0 && text[before - 1] != '\n' && text[before - 1] != '\r') return 0;
  const auto capitalised_or_number = [&](const Tok& t) {
    const auto c = static_cast<unsigned char>(text[t.start]);
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
  };
  const auto in_capitals = [&](const Tok& t) {
    int upper = 0;
    for (uint32_t k = t.start; k < t.end; ++k) {
      const char c = text[k];
      if (c >= 'a' && c <= 'z') return false;
      upper += c >= 'A' && c <= 'Z';
    }
    return upper >= 2;
  };
  const size_t limit = std::min<size_t>(toks.size(), 13);
  for (size_t k = 0; k < limit; ++k) {
    const Tok& t = toks[k];
    if (t.word) {
      // (an agency between brackets may be set in lower case: "(dpa)")
      const bool bracketed = k > 0 && k + 1 < toks.size() && !toks[k - 1].word &&
                             toks[k - 1].punct == '(' && !toks[k + 1].word && toks[k + 1].punct == ')';
      if (!capitalised_or_number(t) && !bracketed) return 0;
      continue;
    }
    const bool dash = t.punct == '-' || t.punct == 'd' || text[t.start] == '_';
    // (a hyphen inside a word of the place is no dash: "PORT-AU-PRINCE, March 3 (AP) -")
    if (dash && k > 0 && k + 1 < toks.size() && toks[k - 1].word && toks[k + 1].word &&
        toks[k - 1].end == t.start && t.end == toks[k + 1].start)
      continue;
    if (dash && k > 0) {
      const bool agency = toks[k - 1].punct == ')';
      if (!agency && text[t.start - 1] != ' ') return 0;
      return toks[0].word && (agency || in_capitals(toks[0])) ? static_cast<int>(k) + 1 : 0;
    }
    if (t.punct != ',' && t.punct != '.' && t.punct != '(' && t.punct != ')' && t.punct != '\'' &&
        text[t.start] != '/')
      return 0;
  }
  return 0;
}

bool word_match(const std::string& pat, std::string_view w) {
  if (!pat.empty() && pat.back() == '*')
    return w.size() >= pat.size() - 1 && w.compare(0, pat.size() - 1, pat, 0, pat.size() - 1) == 0;
  return pat == w;
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Whether a verb doubles its final consonant ("ban" -> "banned", "expel" -> "expelled").
bool doubles_final(const std::string& w) {
  size_t n = w.size();
  // A final "l" after one vowel doubles in longer verbs too ("expel" -> "expelled",
  // "patrol" -> "patrolled"; "seal", "kill" do not).
  if (n >= 4 && w[n - 1] == 'l' && is_vowel(w[n - 2]) && !is_vowel(w[n - 3])) return true;
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

// Enters the fixed word lists (WordFlag) and number words into `t`.
void add_fixed_words(WordTable& t) {
  auto mark = [&](uint64_t flag, std::initializer_list<const char*> ws) {
    for (const char* w : ws) t.add(w).flags |= flag;
  };
  mark(kDeterminer, {"the", "a", "an", "any", "its", "their", "his", "her", "our", "this", "that",
                     "these", "those", "such", "no", "every", "each", "s", "recent", "latest",
                     "last", "first", "new"});
  mark(kBeForm, {"is", "are", "was", "were", "be", "been", "being", "got", "get", "gets",
                 "remain", "remains", "remained"});
  mark(kNpStop, {"is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would",
                 "can", "could", "may", "might", "shall", "should", "must", "do", "does", "did",
                 "that", "which", "who", "whom", "led", "leads", "marks", "marked", "said",
                 "says", "and", "but", "while", "after", "before", "following", "since",
                 "because", "as", "when", "drew", "draws", "drawn", "sparked", "sparks",
                 "prompted", "prompts", "caused", "causes", "brought", "brings"});
  mark(kPreposition, {"since", "after", "before", "following", "during", "despite", "amid", "to",
                      "with", "of", "from", "for", "by", "in", "on", "at", "against", "over",
                      "about", "under", "through", "without", "within", "than", "like", "into",
                      "toward", "towards", "upon", "among", "behind"});
  mark(kDefinite, {"the", "this", "that", "these", "those", "its", "their"});
  mark(kRelative, {"which", "who", "whom", "whose"});
  mark(kReportVerb, {"said", "says", "say", "told", "tells", "stated", "added", "reported",
                     "confirmed", "confirms", "warned", "warns"});
  mark(kPronoun, {"it", "its", "they", "their", "he", "his", "she", "her", "we", "our"});
  mark(kConjunction, {"while", "whereas", "but", "although", "though", "where", "yet"});
  mark(kIrregularPast,
       {"went", "came", "took", "met", "won", "made", "left", "held", "began", "fell", "broke",
        "gave", "ran", "fought", "spoke", "became", "flew", "lost", "struck", "froze", "sent",
        "fled", "shot", "said", "told", "sold", "bought", "brought", "led", "kept", "built",
        "paid", "stood", "sought", "rose", "grew", "saw", "found", "got", "drew", "chose"});
  mark(kSurvivalVerb, {"survived", "survives", "survive", "surviving", "escaped", "escapes",
                       "escape", "escaping", "foiled", "foils", "foil", "foiling", "thwarted",
                       "thwarts", "thwart", "thwarting", "repelled", "repels", "repel",
                       "repelling", "repulsed", "repulses", "repulse", "repulsing"});
  mark(kTimePreposition, {"after", "before", "following", "since", "amid", "despite"});
  mark(kUndergoVerb, {"face", "faces", "faced", "facing", "fear", "fears", "feared", "fearing",
                      "suffer", "suffers", "suffered", "suffering", "endure", "endures",
                      "endured", "enduring", "expect", "expects", "risk", "risks"});
  mark(kPactNoun, {"pact", "pacts", "treaty", "treaties", "agreement", "agreements", "accord",
                   "accords", "deal", "charter", "protocol", "convention", "declaration"});
  mark(kAuxiliary, {"has", "have", "had", "is", "are", "was", "were", "will", "would", "can",
                    "could", "may", "might", "shall", "should", "must", "do", "does", "did"});
  mark(kConjunctVerb, {"plan", "plans", "planned", "vowed", "pledged", "promised", "agreed",
                       "decided", "announced", "hope", "hopes", "hoped", "want", "wants",
                       "wanted", "intend", "intends", "intended", "aim", "aims", "expect",
                       "expects", "expected", "also", "then", "later"});
  mark(kQuantityNoun, {"trucks", "truckloads", "tonnes", "tons", "shipments", "shipment",
                       "loads", "convoys", "convoy", "millions", "billions", "dollars", "euros",
                       "worth", "package", "packages", "amount", "amounts", "planeloads"});
  mark(kSpeaker, {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen",
                  "newspaper", "daily", "broadcaster", "television", "radio", "chief", "head",
                  "commander", "official", "officials", "minister", "military", "army",
                  "government", "ministry", "police", "authorities", "embassy", "presidency",
                  "junta", "statement", "mediator", "mediators", "negotiator", "negotiators",
                  "diplomat", "diplomats", "sources", "source"});
  mark(kReaction, {"condemn", "condemns", "condemned", "condemning", "denounce", "denounces",
                   "denounced", "denouncing", "deplore", "deplores", "deplored", "criticise",
                   "criticised", "criticize", "criticized", "welcome", "welcomes", "welcomed",
                   "praise", "praised", "mourn", "mourned", "investigate", "investigates",
                   "investigated", "investigating", "blamed", "protested", "reported",
                   "recalled", "remembered", "marked", "commemorated", "brokered", "brokers",
                   "brokering", "mediated", "mediates", "mediating", "facilitated",
                   // a witness: "in a ceremony witnessed by President X"
                   "witnessed", "witnesses", "witnessing",
                   // verbs of cause: "the decision sparked protests" (no one of it protested)
                   "sparked", "sparks", "triggered", "triggers", "prompted", "prompts",
                   "provoked", "provokes", "fuelled", "fueled", "fuels",
                   // and of dismissal: "Erdogan dismissed the protests as street terror"
                   "dismissed", "dismisses", "dismissing", "rejected", "rejects", "rejecting",
                   "downplayed", "downplays"});
  mark(kPossessivePronoun, {"its", "their", "his", "her"});
  mark(kBlame, {"blame", "blames", "blamed", "blaming", "accuse", "accuses", "accused",
                "accusing", "assail", "assails", "assailed", "criticised", "criticized",
                "faulted", "rebuked"});
  mark(kRanking, {"latest", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                  "eighth", "ninth", "tenth", "eleventh", "twelfth", "biggest", "largest",
                  "worst", "deadliest", "bloodiest", "most", "highest", "strongest", "heaviest",
                  "fiercest", "only", "best", "lowest", "longest", "greatest", "closest",
                  "toughest", "least"});
  mark(kSummaryNoun, {"move", "step", "sign", "blow", "setback", "rare", "further"});
  mark(kTimeConjunction, {"when", "after", "before", "until"});
  mark(kPlaceNounOf, {"town", "city", "village", "region", "province", "district", "port",
                      "state", "county", "island", "area", "capital", "municipality",
                      "settlement", "camp", "commune", "prefecture", "governorate", "oblast",
                      "neighbourhood", "neighborhood", "suburb"});
  mark(kNamingVerb, {"call", "calls", "called", "calling", "described", "describes", "termed",
                     "terms", "branded", "brands", "labelled", "labeled", "dubbed"});
  mark(kDirectiveVerb, {"ask", "asks", "asked", "asking", "urge", "urges", "urged", "urging",
                        "invite", "invites", "invited", "inviting", "ordered", "orders",
                        "ordering", "told", "tells", "telling", "press", "presses",
                        "pressed", "pressing", "pressure", "pressures", "pressured",
                        "pressuring", "want", "wants", "wanted", "wanting", "encouraged", "encourages", "encouraging", "forced",
                        "compelled", "allowed", "allows", "authorised", "authorized",
                        "instructed", "directed", "persuaded", "advised", "begged"});
  mark(kTakesPartIn, {"part", "participate", "participates", "participated", "participating",
                      "compete", "competes", "competed", "competing", "run", "runs", "ran",
                      "running", "stood", "victory", "win", "seats", "majority", "term",
                      // "took first place in", "came second in"
                      "place", "second", "third"});
  mark(kConditional, {"if", "unless"});
  mark(kDefeatVerb, {"defeated", "defeating", "defeat", "defeats", "beat", "beating", "beats",
                     "unseated", "unseating"});
  mark(kBackerWord, {"backed", "brokered", "mediated", "aligned", "allied", "affiliated", "sponsored", "funded",
                     "supported", "linked", "inspired", "based", "born", "trained", "educated"});
  mark(kTimeUnit, {"minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month",
                   "months", "year", "years"});
  mark(kClauseAdverb, {"further", "also", "thereby", "thus", "so", "again", "effectively"});
  mark(kNotVerbIng, {"during", "according", "regarding", "notwithstanding", "thing", "king",
                     "bring", "morning", "evening", "spring"});
  mark(kGovSkip, {"the", "a", "an", "its", "their", "his", "her", "northern", "southern",
                  "eastern", "western", "central", "northeast", "northwest", "southeast",
                  "southwest", "northeastern", "northwestern", "southeastern", "southwestern",
                  "neighbouring", "neighboring"});
  mark(kDatePrep, {"in", "on", "at", "since", "during", "from", "until", "by", "of", "last",
                   "this", "over"});
  mark(kGlue, {"and", "or", "the", "as", "well", "also", "nor", "both"});
  mark(kCollDet, {"the", "these", "those", "all", "both"});
  // Every pseudo mention starts with "they" / "them", "he" / "she", a kCollDet or this /
  // that / the.
  mark(kRefStart, {"they", "them", "he", "she", "the", "these", "those", "all", "both", "this",
                   "that"});
  mark(kModStop, {"of", "in", "and", "or", "with", "for", "to", "on", "by", "at", "from", "that",
                  "which", "who", "is", "are", "was", "were", "has", "have", "had", "a", "an",
                  "the"});
  const std::pair<const char*, int> numbers[] = {
      {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6}, {"seven", 7},
      {"eight", 8}, {"nine", 9}, {"ten", 10}, {"both", 2}, {"2", 2}, {"3", 3}, {"4", 4},
      {"5", 5}, {"6", 6}, {"7", 7}, {"8", 8}, {"9", 9}, {"10", 10}};
  for (const auto& [w, n] : numbers) t.add(w).number = n;
}

// Whether w (lower-cased) names a day of the week.
bool is_weekday(std::string_view w) {
  static constexpr std::string_view kWeekdays[] = {"monday", "tuesday", "wednesday", "thursday",
                                                   "friday", "saturday", "sunday"};
  for (std::string_view d : kWeekdays)
    if (w == d) return true;
  return false;
}

// Whether w (lower-cased) names a month, or is a year of four digits.
bool is_month_or_year(std::string_view w) {
  static constexpr std::string_view kMonths[] = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  for (std::string_view m : kMonths)
    if (w == m) return true;
  return w.size() == 4 && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_ing_word(const Tok& t);

// Whether w is a participle that reads as a preposition ("the situation following the twin
// bombings", "40 attackers, including three Americans").
bool prepositional_ing(std::string_view w) {
  static constexpr std::string_view kPrepositionalIng[] = {
      "following", "including", "regarding", "concerning", "surrounding", "involving",
      "preceding", "excluding", "during", "pending", "according"};
  return std::find(std::begin(kPrepositionalIng), std::end(kPrepositionalIng), w) !=
         std::end(kPrepositionalIng);
}

// Whether t[k] is a form of "claim" ("claimed the attack", "claims responsibility for").
bool claim_form(const Tok& t) {
  return t.word && (eq(t.low, "claimed") || eq(t.low, "claims") || eq(t.low, "claim") ||
                    eq(t.low, "claiming"));
}

// Whether t[k] is the "for" of "claimed responsibility for", perhaps with a weekday between
// ("claimed responsibility on Sunday for the attack"), in the clause from lo.
bool claims_responsibility_for(const TokenBuf& t, int k, int lo) {
  if (!t[k].word || !eq(t[k].low, "for")) return false;
  int r = k - 1;
  if (r - 1 > lo && t[r].word && is_weekday(t[r].low) && t[r - 1].word && eq(t[r - 1].low, "on"))
    r -= 2;
  return r - 1 >= lo && t[r].word && eq(t[r].low, "responsibility") && claim_form(t[r - 1]);
}

// Whether the nominal trigger at tb is what a subject claims, up to three words between
// in its clause (from lo): "claimed the attack", "claimed responsibility for Saturday's
// bombing".
bool claimed_before(const TokenBuf& t, int tb, int lo) {
  for (int k = tb - 1, words = 0; k >= lo && words < 4 && t[k].word; --k, ++words) {
    if (claim_form(t[k]) || claims_responsibility_for(t, k, lo)) return true;
    if (t[k].is(kPreposition)) return false;
  }
  return false;
}

// The verb of defeating (kDefeatVerb) right before a name of one to four capitalised words
// that ends at token `last` ("defeated Gerald Ford"), or -1.
int defeated_before(const TokenBuf& t, int last, int lo) {
  int q = last;
  for (int words = 0; q >= lo && words < 4 && t.capitalized(static_cast<size_t>(q)); ++words) --q;
  if (q == last || q < lo || !t[q].word || !t[q].is(kDefeatVerb)) return -1;
  return q;
}

// Whether t is a modal verb: "would", "will", "could", "can", "may", "might", "should",
// "must", "shall".
bool is_modal(const Tok& t) {
  static constexpr std::string_view kModals[] = {"would", "will",   "could", "can",  "may",
                                                 "might", "should", "must",  "shall"};
  return std::find(std::begin(kModals), std::end(kModals), t.low) != std::end(kModals);
}

// Whether a nominal trigger sits in a prepositional phrase ("since the coups", "due to recent
// coups", "coupled with the withdrawal"): up to three words back, stopping at punctuation
// and at a past form after no determiner, a verb ("on Thursday imposed sanctions"). Not
// "in" after a word of taking part or winning ("took part in the talks", "won a landslide
// victory in a national election") or after "to power" ("came to power in a coup"): the
// subject's event.
bool in_prepositional_phrase(const TokenBuf& t, int tb, int lo) {
  int words = 0;
  for (int k = tb - 1; k >= lo && words < 3; --k) {
    // (a participle after a word that is no determiner takes the trigger as its object:
    // "signed an order on Thursday imposing sanctions"; so does a gerund after a
    // preposition, whose subject is the clause's: "sworn in after winning the election")
    if (t[k].word && is_ing_word(t[k]) && k > lo && t[k - 1].word &&
        !t[k - 1].is(kDeterminer) && !prepositional_ing(t[k].low))
      return false;
    // (a hyphen inside a compound is no stop: "after months of pro-democracy protests")
    if (!t[k].word && t[k].punct == '-' && k > lo && t[k - 1].word && t[k - 1].end == t[k].start &&
        t[k].end == t[k + 1].start)
      continue;
    if (!t[k].word) return false;
    ++words;
    // ("sent 100 trucks of food aid": "of" after a quantity opens no phrase of its own)
    if (eq(t[k].low, "of") && k > lo && t[k - 1].word && t[k - 1].is(kQuantityNoun)) return false;
    if (t[k].is(kPreposition)) {
      // ("claimed responsibility for the attack": the claimant's event)
      if (claims_responsibility_for(t, k, lo)) return false;
      // ("won a second term on Saturday in an election", "... in June in an election": the
      // word of taking part before the day or month it happened in)
      int before = k - 1;
      if (before - 1 > lo && t[before].word && t[before - 1].word &&
          ((is_weekday(t[before].low) && eq(t[before - 1].low, "on")) ||
           (is_month_or_year(t[before].low) && eq(t[before - 1].low, "in"))))
        before -= 2;
      if (!eq(t[k].low, "in")) return true;
      if (before >= lo && t[before].word && t[before].is(kTakesPartIn)) return false;
      // ("came to power in a 2009 coup", "swept to power in an election")
      if (before > lo && t[before].word && eq(t[before].low, "power") && t[before - 1].word &&
          eq(t[before - 1].low, "to"))
        return false;
      // ("Carter defeated Gerald Ford in the 1976 election": a verb of defeating and its
      // object, a name of up to four words, before "in")
      if (defeated_before(t, before, lo) >= 0) return false;
      // ("Moldovans narrowly voted in favour of joining the European Union in a referendum":
      // a verb of voting up to eight words before, no punctuation between)
      for (int q = k - 1, back = 0; q >= lo && back < 8 && t[q].word; --q, ++back)
        if (eq(t[q].low, "voted") || eq(t[q].low, "vote") || eq(t[q].low, "votes")) return false;
      return true;
    }
    const std::string_view w = t[k].low;
    if (ends_in_ed(w) && k > lo &&
        !(t[k - 1].word && t[k - 1].is(kDeterminer)))
      return false;
  }
  return false;
}

// Whether t[k] is "since" right after an auxiliary, an adverb: "has since attacked".
bool adverb_since(const TokenBuf& t, int k) {
  return k > 0 && t[k].word && eq(t[k].low, "since") && t[k - 1].word && t[k - 1].is(kAuxiliary);
}

// The index of a preposition other than "to" up to three words before tb in its clause
// (from lo), with words between that are no past form and no auxiliary, or -1: "after
// weeks of deadly protests" (not "to attack", "from Gao that attacked").
int preposition_before(const TokenBuf& t, int tb, int lo) {
  for (int k = tb - 1, words = 0; k >= lo && t[k].word && words < 3; --k, ++words) {
    const std::string_view w = t[k].low;
    if (eq(w, "to") || t[k].is(kAuxiliary | kNpStop) || ends_in_ed(w)) return -1;
    if (t[k].is(kPreposition)) return k;
  }
  return -1;
}

// Whether a form of "be" and a past participle stand at token k: "were imposed", "was
// taken", "were held".
bool passive_at(const TokenBuf& t, int k) {
  if (k + 1 >= static_cast<int>(t.size()) || !t[k].word || !t[k].is(kBeForm) || !t[k + 1].word)
    return false;
  const std::string_view w = t[k + 1].low;
  if (w.size() > 3 && (w.compare(w.size() - 2, 2, "ed") == 0 || w.compare(w.size() - 2, 2, "en") == 0))
    return true;
  static constexpr std::string_view kIrregularParticiples[] = {
      "held", "set", "struck", "sent", "brought", "made", "built",
      "hit", "led", "won", "put", "begun", "shot"};
  for (std::string_view irregular : kIrregularParticiples)
    if (w == irregular) return true;
  return false;
}

// Whether a word ending in "-ed" stands right before tb, or before "out" before it
// (from lo): "staged protests", "carried out attacks".
bool object_of_past_form(const TokenBuf& t, int tb, int lo) {
  int k = tb - 1;
  if (k > lo && t[k].word && eq(t[k].low, "out")) --k;
  if (k < lo || !t[k].word) return false;
  const std::string_view w = t[k].low;
  return ends_in_ed(w);
}

bool definite_before(const TokenBuf& t, int tb, int lo, int max_words = 3) {
  int words = 0;
  for (int k = tb - 1; k >= lo && words < max_words; --k) {
    if (!t[k].word) return false;
    ++words;
    if (t[k].is(kDefinite)) return true;
    if (t[k].is(kPreposition)) return false;
  }
  return false;
}

// Whether the verb after a nominal trigger (the first auxiliary within eight words of t[k],
// its noun phrase between: "Talks between Mali and Chad are due to begin") says that it
// happens later: "will", "shall", "would" (not "would have"), or "is" or "are" and "to" (after
// "due", "set", "scheduled" or "expected" perhaps), then within three words "held", "take
// place", "begin", "start", "resume", "open", "convene" or "go ahead" ("The first round of
// the vote will be held on June 30").
bool happens_later(const TokenBuf& t, int k) {
  const int n = static_cast<int>(t.size());
  int q = k;
  for (int words = 0; q < n && t[q].word && words < 8 && !t[q].is(kAuxiliary); ++words) ++q;
  if (q >= n || !t[q].word || !t[q].is(kAuxiliary)) return false;
  const std::string_view aux = t[q].low;
  bool ahead = false;
  if (eq(aux, "will") || eq(aux, "shall")) {
    ahead = true;
  } else if (eq(aux, "would")) {
    ahead = !(q + 1 < n && t[q + 1].word && eq(t[q + 1].low, "have"));
  } else if (eq(aux, "is") || eq(aux, "are")) {
    int r = q + 1;
    if (r < n && t[r].word &&
        (eq(t[r].low, "due") || eq(t[r].low, "set") || eq(t[r].low, "scheduled") ||
         eq(t[r].low, "expected")))
      ++r;
    ahead = r < n && t[r].word && eq(t[r].low, "to");
    q = r;
  }
  if (!ahead) return false;
  ++q;
  for (int words = 0; q < n && t[q].word && words < 3; ++q, ++words) {
    const std::string_view w = t[q].low;
    if (eq(w, "held") || eq(w, "place") || eq(w, "begin") || eq(w, "start") ||
        eq(w, "resume") || eq(w, "open") || eq(w, "convene") || eq(w, "ahead"))
      return true;
  }
  return false;
}

// Timex texts (lower-cased) that denote the document's date itself.
bool is_dct_deictic(std::string_view low) {
  for (const char* w : {"today", "tonight", "now", "this morning", "this afternoon", "this evening"})
    if (low == w) return true;
  return false;
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
  // Fails on a key of object `obj` that is not in `known`, so that a misspelt condition is
  // an error rather than silently left out. Keys that start with '_' are comments.
  void only_keys(const json& obj, const std::string& path,
                 std::initializer_list<const char*> known) const {
    for (const auto& [key, value] : obj.items()) {
      if (!key.empty() && key[0] == '_') continue;
      bool ok = false;
      for (const char* k : known) ok = ok || key == k;
      if (!ok) fail(path + "/" + key, "unknown key");
    }
  }
};

bool valid_cameo(const std::string& c) {
  if (c.size() != 2 || c[0] < '0' || c[0] > '2' || c[1] < '0' || c[1] > '9') return false;
  int v = (c[0] - '0') * 10 + (c[1] - '0');
  return v >= 1 && v <= 20;
}

// Whether the verb at token tb follows the "and" of a coordination of verbs, perhaps with
// up to two auxiliaries or adverbs between ("and formed", "and have formed", "and then
// formed", "and has since formed"), no earlier than token lo.
bool after_coordinating_and(const TokenBuf& toks, int tb, int lo) {
  int q = tb - 1;
  for (int skipped = 0;
       q > lo && skipped < 2 && toks[q].word &&
       (toks[q].is(kAuxiliary) || ends_in_ly(toks[q].low) || eq(toks[q].low, "then") ||
        eq(toks[q].low, "also") || eq(toks[q].low, "later") || eq(toks[q].low, "since"));
       --q, ++skipped) {
  }
  return q >= lo && q < tb && toks[q].word && eq(toks[q].low, "and");
}

// Whether token `from` ("from") follows a warrant, order or request, whose issuer the name
// after it is ("on a warrant from the International Criminal Court").
bool issued_from(const TokenBuf& toks, int from) {
  if (from < 1 || !toks[from - 1].word) return false;
  const std::string_view w = toks[from - 1].low;
  return eq(w, "warrant") || eq(w, "warrants") || eq(w, "order") || eq(w, "orders") ||
         eq(w, "request") || eq(w, "requests") || eq(w, "summons");
}

// Whether the preposition at token `prep` follows a participle that tells where someone
// lives, was born or serves ("officers based in Ivory Coast", "troops stationed in Niger"),
// perhaps with a name of up to four words between ("born Jorge Mario Bergoglio in Buenos
// Aires").
bool tells_residence(const TokenBuf& toks, int prep) {
  int q = prep - 1;
  for (int words = 0; q > 0 && words < 4 && toks[q].word && toks.capitalized(static_cast<size_t>(q));
       ++words)
    --q;
  if (q < 0 || !toks[q].word) return false;
  const std::string_view w = toks[q].low;
  return eq(w, "based") || eq(w, "born") || eq(w, "stationed") || eq(w, "headquartered") ||
         eq(w, "living") || eq(w, "residing") || eq(w, "exiled");
}

// ---------------------------------------------------------------- modality markers

// Whether word token `t` is word i of m (m.ids filled): the same word id, or the prefix.
bool marker_word(const Marker& m, size_t i, const Tok& t) {
  if (m.ids[i] != kNoWord) return t.wid == m.ids[i];
  const std::string& p = m.words[i];  // the prefix, then '*'
  return t.low.size() >= p.size() - 1 && std::memcmp(t.low.data(), p.data(), p.size() - 1) == 0;
}

bool marker_at(const TokenBuf& t, const Marker& m, int end_tok, int lo) {
  // Does the marker's word sequence end at word token end_tok (skipping punctuation)?
  int k = end_tok;
  for (int i = static_cast<int>(m.words.size()) - 1; i >= 0; --i) {
    while (k >= lo && !t[k].word && t[k].punct == '\'') --k;  // "n't"
    if (k < lo || !t[k].word || !marker_word(m, static_cast<size_t>(i), t[k])) return false;
    --k;
  }
  return true;
}

bool marker_starts_at(const TokenBuf& t, const Marker& m, int start_tok) {
  int k = start_tok;
  for (size_t i = 0; i < m.words.size(); ++i) {
    while (k < static_cast<int>(t.size()) && !t[k].word && t[k].punct == '\'') ++k;
    if (k >= static_cast<int>(t.size()) || !t[k].word || !word_match(m.words[i], t[k].low)) return false;
    ++k;
  }
  return true;
}

// Markers indexed by their last word (by word id; wildcard last words by their first
// byte), so that finding the markers that end at a token costs no pass over the list.
class MarkerList {
 public:
  MarkerList() = default;
  // Interns the markers' exact words into `words` (Marker::ids).
  MarkerList(std::vector<Marker> markers, WordTable& words) : markers_(std::move(markers)) {
    for (uint32_t i = 0; i < markers_.size(); ++i) {
      Marker& m = markers_[i];
      for (const std::string& w : m.words)  // never empty (read_markers)
        m.ids.push_back(w.back() == '*' ? kNoWord : words.intern(w));
      const std::string& last = m.words.back();
      if (last.back() == '*') {
        wildcard_[static_cast<unsigned char>(last[0])].push_back(i);
      } else {
        const uint32_t id = m.ids.back();
        if (id >= by_last_.size()) by_last_.resize(id + 1);
        by_last_[id].push_back(i);
      }
    }
  }
  // Calls f(marker) for each marker whose word sequence ends at word token `end_tok`.
  template <typename F>
  void each_ending_at(const TokenBuf& t, int end_tok, int lo, F&& f) const {
    const Tok& tk = t[static_cast<size_t>(end_tok)];
    if (tk.wid < by_last_.size())
      for (uint32_t i : by_last_[tk.wid])
        if (marker_at(t, markers_[i], end_tok, lo)) f(markers_[i]);
    for (uint32_t i : wildcard_[static_cast<unsigned char>(tk.low[0])])
      if (marker_at(t, markers_[i], end_tok, lo)) f(markers_[i]);
  }

 private:
  std::vector<Marker> markers_;
  std::vector<std::vector<uint32_t>> by_last_;            // word id -> markers
  std::array<std::vector<uint32_t>, 256> wildcard_;       // first byte -> markers
};

// ---------------------------------------------------------------- per-document state

// Views (labels) point into the document's entities, which outlive a run.
struct GroupMemory {
  int sentence = 0;
  std::vector<const Entity*> members;
  std::string_view label;  // common label or "*"
  bool subject = false;  // not governed by a preposition
};

// The latest kCapacity coordinated groups of a document; a new one replaces the oldest.
// The slots' vectors are reused, so a steady state allocates nothing.
class GroupMemory8 {
 public:
  static constexpr size_t kCapacity = 8;
  size_t size() const { return count_; }
  // The k-th newest group, k < size().
  const GroupMemory& newest(size_t k) const {
    return slots_[(next_ + kCapacity - 1 - k) % kCapacity];
  }
  // Forgets every group (the slots keep their vectors' capacity).
  void clear() { next_ = count_ = 0; }
  // A slot for a new newest group (the oldest one's, when full), to be filled.
  GroupMemory& push() {
    GroupMemory& g = slots_[next_];
    next_ = (next_ + 1) % kCapacity;
    count_ = std::min(count_ + 1, kCapacity);
    return g;
  }

 private:
  std::array<GroupMemory, kCapacity> slots_;
  size_t next_ = 0, count_ = 0;
};

struct Mention {
  uint32_t start = 0, end = 0;
  int tb = 0, te = 0;  // token range [tb, te)
  uint32_t mb = 0, me = 0;  // members: the range [mb, me) of the run's member pool
  std::string_view label;
  bool pseudo = false;
  int group = -1;
  uint32_t size() const { return me - mb; }
};

// Whether every member of mention m (in the run's member pool) is named by a demonym
// ("Malian", "West African"); false for a mention without members.
bool named_by_demonyms(const Mention& m, const std::vector<const Entity*>& pool) {
  if (m.size() == 0) return false;
  for (uint32_t q = m.mb; q < m.me; ++q)
    if (!eq(pool[q]->mention, "demonym")) return false;
  return true;
}

// Whether a possessive stands at token k: an apostrophe, then the word "s" ("Mali's").
bool possessive_at(const TokenBuf& t, int k) {
  return k >= 0 && k + 1 < static_cast<int>(t.size()) && !t[k].word && t[k].punct == '\'' &&
         t[k + 1].word && eq(t[k + 1].low, "s");
}

// Whether mention m owns the relations that the next mention names: "Mali's neighbours
// Togo and Niger", "Russia's allies Belarus and Iran". Such a possessor is no subject.
bool names_relations_after(const TokenBuf& t, const Mention& m, const std::vector<Mention>& ms) {
  static constexpr std::string_view kRelations[] = {
      "neighbours", "neighbors", "neighbour", "neighbor", "allies", "ally", "rivals", "rival",
      "partners", "partner", "enemies", "enemy", "foes", "foe"};
  const int q = m.te;
  if (q + 3 >= static_cast<int>(t.size()) || !possessive_at(t, q) || !t[q + 2].word ||
      std::find(std::begin(kRelations), std::end(kRelations), t[q + 2].low) == std::end(kRelations))
    return false;
  return std::any_of(ms.begin(), ms.end(), [&](const Mention& o) { return o.tb == q + 3; });
}

// Whether mention m is the possessor of a person's relative or associate, up to two words
// between: "President Tayyip Erdogan's main political rival", "Navalny's widow". The
// relative takes part in the event, not m.
bool owns_a_relative(const TokenBuf& t, const Mention& m) {
  static constexpr std::string_view kRelatives[] = {
      "rival", "rivals", "opponent", "opponents", "critic", "critics", "ally", "allies",
      "wife", "husband", "widow", "son", "sons", "daughter", "daughters", "brother",
      "sister", "father", "mother", "family", "aide", "aides", "adviser", "advisers",
      "advisor", "lawyer", "lawyers", "predecessor", "successor", "cousin", "nephew",
      "niece", "bodyguard", "bodyguards"};
  const int q = m.te;
  const int n = static_cast<int>(t.size());
  if (q + 2 >= n || !possessive_at(t, q)) return false;
  for (int k = q + 2, words = 0; k < n && t[k].word && words < 3; ++k, ++words)
    if (std::find(std::begin(kRelatives), std::end(kRelatives), t[k].low) != std::end(kRelatives))
      return true;
  return false;
}

struct Candidate {
  int trigger = 0;
  int tb = 0, te = 0;  // token range
  uint32_t start = 0, end = 0;
  bool participle = false;
  bool ing = false;
};

}  // namespace

struct EventExtractor::Impl {
  // The ids of places that stand for their government when they act or are acted on
  // (national capitals; EventExtractor's constructor).
  std::unordered_set<std::string> government_places;
  std::vector<TypeDef> types;
  std::vector<TriggerDef> triggers;
  // Every word the rules test: fixed lists, trigger forms, collective heads, anaphor
  // words, marker and requires/excludes words.
  WordTable words;
  std::vector<int> pattern_triggers;
  // Which pattern triggers may match in a sentence (indices into pattern_triggers).
  std::unique_ptr<PatternFilter> pattern_filter;

  MarkerList hypothetical, negated;
  std::vector<Marker> not_negation;
  int modality_window = 6;

  std::vector<std::string> collective_labels;  // WordInfo::collective -> label ("*" any)

  int min_participants = 1;
  int merge_lookback = 64;
  int window_counted = 6, window_uncounted = 2, anaphor_window = 2;

  void load(const json& tax, const std::string& where);
  // `tt` (may be null): tokenize(text), whose sentences are `sentences`; its tokens
  // spare the event tokenizer most of its scan (tokenize_with()).
  std::vector<Event> run(std::string_view text, std::string_view lower,
                         const std::vector<Sentence>& sentences, const TokenizedText* tt,
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
      auto toks = eq(w, "n't") ? std::vector<std::string>{"t"} : word_tokens(star ? w.substr(0, w.size() - 1) : w);
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

  add_fixed_words(words);

  // Collective references and ORG anaphors.
  std::map<std::string, std::string> collective_heads = {  // head -> label ("*" any)
      {"countries", "COUNTRY"}, {"nations", "COUNTRY"}, {"states", "COUNTRY"},
      {"juntas", "COUNTRY"},    {"parties", "*"},       {"sides", "*"}};
  std::vector<std::string> org_anaphors = {"force",        "alliance",     "bloc",
                                           "organization", "organisation", "coalition"};
  std::vector<std::string> anaphor_modifiers = {"joint", "new", "regional", "military"};
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
    auto word_set = [&](const char* key, std::vector<std::string>& dst) {
      if (!refs.contains(key)) return;
      std::string p = std::string("/references/") + key;
      const json& arr = r.array(refs[key], p);
      dst.clear();
      for (size_t i = 0; i < arr.size(); ++i) {
        auto w = split_words(r.str(arr[i], p + "/" + std::to_string(i)));
        if (w.size() != 1) r.fail(p + "/" + std::to_string(i), "expected one word");
        dst.push_back(w[0]);
      }
    };
    word_set("org_anaphors", org_anaphors);
    word_set("anaphor_modifiers", anaphor_modifiers);
  }
  for (const auto& [head, label] : collective_heads) {
    auto it = std::find(collective_labels.begin(), collective_labels.end(), label);
    if (it == collective_labels.end()) it = collective_labels.insert(it, label);
    words.add(head).collective = static_cast<int>(it - collective_labels.begin());
  }
  for (const auto& w : org_anaphors) words.add(w).flags |= kOrgAnaphor;
  for (const auto& w : anaphor_modifiers) words.add(w).flags |= kAnaphorMod;

  if (tax.contains("modality")) {
    const json& m = r.object(tax["modality"], "/modality");
    if (m.contains("window")) modality_window = r.integer(m["window"], "/modality/window", 0, 50);
    if (m.contains("hypothetical"))
      hypothetical = MarkerList(read_markers(r, m["hypothetical"], "/modality/hypothetical"), words);
    if (m.contains("negated"))
      negated = MarkerList(read_markers(r, m["negated"], "/modality/negated"), words);
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
    r.only_keys(t, tp, {"type", "cameo", "description", "symmetric", "demonym_acts", "triggers"});
    TypeDef td;
    td.name = r.str(r.member(t, "type", tp), tp + "/type");
    if (td.name.empty()) r.fail(tp + "/type", "empty type name");
    if (!seen_types.insert(td.name).second) r.fail(tp + "/type", "duplicate type " + td.name);
    td.cameo = r.str(r.member(t, "cameo", tp), tp + "/cameo");
    if (!valid_cameo(td.cameo)) r.fail(tp + "/cameo", "expected a CAMEO root code \"01\"..\"20\"");
    if (t.contains("symmetric")) td.symmetric = r.boolean(t["symmetric"], tp + "/symmetric");
    if (t.contains("demonym_acts"))
      td.demonym_acts = r.boolean(t["demonym_acts"], tp + "/demonym_acts");
    int type_index = static_cast<int>(types.size());
    types.push_back(td);

    const json& trs = r.array(r.member(t, "triggers", tp), tp + "/triggers");
    for (size_t k = 0; k < trs.size(); ++k) {
      std::string p = tp + "/triggers/" + std::to_string(k);
      const json& tr = r.object(trs[k], p);
      r.only_keys(tr, p,
                  {"verb", "noun", "phrase", "pattern", "forms", "not_forms", "inflect", "gap",
                   "cameo", "window_before", "window_after", "requires", "excludes",
                   "excludes_object", "excludes_before", "not_after", "possessor", "with", "for",
                   "of"});
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
      if (tr.contains("possessor")) {
        const std::string who = r.str(tr["possessor"], p + "/possessor");
        if (who != "actor" && who != "target")
          r.fail(p + "/possessor", "expected \"actor\" or \"target\"");
        d.possessor_is_target = who == "target";
      }
      // "with" and "for": the role of a name after that preposition
      auto preposition_role = [&](const char* key) {
        const std::string role = r.str(tr[key], p + "/" + key);
        if (role != "other" && role != "target")
          r.fail(p + "/" + key, "expected \"other\" or \"target\"");
        return role == "target";
      };
      if (tr.contains("with")) d.with_target = preposition_role("with");
      if (tr.contains("for")) d.for_target = preposition_role("for");
      if (tr.contains("of")) {
        const std::string role = r.str(tr["of"], p + "/of");
        if (role != "actor" && role != "target") r.fail(p + "/of", "expected \"actor\" or \"target\"");
        d.of_actor = role == "actor";
      }

      // Word ids, sorted.
      auto read_words = [&](const char* key, bool allow_labels) {
        std::vector<uint32_t> out;
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
              out.push_back(words.intern(piece));
              out.push_back(words.intern(plural(piece)));
            }
          }
        }
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
      };
      d.requires_words = read_words("requires", true);
      d.has_requires = tr.contains("requires");
      if (d.has_requires && d.requires_words.empty() && d.requires_labels.empty())
        r.fail(p + "/requires", "empty requirement list");
      d.excludes = read_words("excludes", false);
      d.excludes_object = read_words("excludes_object", false);
      d.not_after = read_words("not_after", false);
      for (uint32_t id : read_words("excludes_before", false)) {
        d.excludes_before.emplace_back(words.word(id));
        words.infos()[id].flags |= kBeforeWord;
      }
      for (const auto* ids : {&d.requires_words, &d.excludes, &d.excludes_object})
        for (uint32_t id : *ids) words.infos()[id].flags |= kWindowWord;

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
        words.add(first).forms.push_back(FormRef{trig_index, participle, ing});
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
        // "not_forms": first-word forms that are another word's ("found", find's past).
        if (tr.contains("not_forms")) {
          const std::string np = p + "/not_forms";
          const json& arr = r.array(tr["not_forms"], np);
          for (size_t i = 0; i < arr.size(); ++i) {
            const std::string form = r.str(arr[i], np + "/" + std::to_string(i));
            const auto it = std::find_if(firsts.begin(), firsts.end(),
                                         [&](const auto& f) { return f.first == form; });
            if (it == firsts.end())
              r.fail(np + "/" + std::to_string(i), "\"" + form + "\" is no form of this trigger");
            firsts.erase(it);
          }
          if (firsts.empty()) r.fail(np, "leaves the trigger no form");
        }
        for (auto& f : firsts) add_first(f.first, f.second.first, f.second.second);
      }
      triggers.push_back(std::move(d));
    }
  }
  if (!pattern_triggers.empty()) {
    std::vector<const RE2*> res;
    for (int pi : pattern_triggers) res.push_back(triggers[static_cast<size_t>(pi)].re.get());
    pattern_filter = std::make_unique<PatternFilter>(res, where);
    // tokenize() takes a known word's atoms from here instead of scanning it: so this
    // comes after the last word is added to the table.
    for (uint32_t id = 0; id < words.size(); ++id) {
      const std::string w(words.word(id));  // scan() reads a byte past the word: its NUL
      words.infos()[id].atoms = pattern_filter->scan(w);
    }
  }
  words.freeze();
  // Dedupe lexicon entries (a noun's plural may equal a listed form).
  for (WordInfo& info : words.infos()) {
    std::vector<FormRef>& v = info.forms;
    std::sort(v.begin(), v.end(), [](const FormRef& a, const FormRef& b) {
      return a.trigger != b.trigger ? a.trigger < b.trigger : a.participle > b.participle;
    });
    v.erase(std::unique(v.begin(), v.end(),
                        [](const FormRef& a, const FormRef& b) { return a.trigger == b.trigger; }),
            v.end());
    if (!v.empty()) info.flags |= kFormStart;
  }
}

// ---------------------------------------------------------------- extraction

namespace {

// What a clause of a sentence is, besides its tokens.
struct ClauseKind {
  // it opens with a relative pronoun or an appositive after a comma or a dash (", which
  // ...", ", a move that ...")
  bool relative = false;
  // such an appositive sums up what the clause before told (opens_summary: ", the largest
  // protest in Serbia"): the name before the comma is not its subject
  bool summary = false;
  // it opens with an -ing participle after a comma (", killing 12 people"), whose subject
  // is the clause before's
  bool participle = false;
  // what it tells happened when the clause before's did (", as supporters marched", ",
  // killing 12 people"): that clause's date may be its events'
  bool shares_date = false;
  // it names what the clause before told (", in what police called an assassination
  // attempt"): who names it takes no part, the clause before's subject does
  bool names_before = false;
};

struct SentenceCtx {
  std::string_view text;
  const TokenBuf* toks;
  // Sized once for the document's longest sentence; entries past its tokens are stale.
  std::vector<int> word_ord;  // per token: number of word tokens before it (and at the end)
  std::vector<int> clause;    // per token: clause index
  std::vector<ClauseKind> clause_kinds;  // per clause
  // per token k: the first token at or after k that opens a relative clause
  // (opens_relative), and the first "that" before a pronoun (opens_complement), or the
  // sentence's token count; filled on the first question about the sentence
  // (relative_between, pronoun_subject_between), which most sentences never ask
  std::vector<int> next_relative, next_complement;
  // per token k: the first "and" or "but" at or after k that opens a conjunct with a verb
  // of its own (opens_verb_conjunct), or the sentence's token count; filled alike
  std::vector<int> next_conjunct;
  // per token k: the first "when" or "while" at or after k before a subject and a finite
  // verb of its own ("when he returned to Russia"), or the sentence's token count; filled
  // alike
  std::vector<int> next_when;
  bool next_filled = false;
  // per token k: the first "if" or "unless" at or after k before a subject and a finite verb
  // of its own ("unless it gave ..."), or the sentence's token count; filled by
  // next_condition() in a sentence where such a word stands (has_condition, -1: not asked)
  std::vector<int> next_condition;
  int8_t has_condition = -1;
  // per token k: the index in `accepted` of the noun trigger that ends at k (its te), or
  // -1; filled for a sentence with triggers
  std::vector<int> noun_trigger_ending;
  // per token k: the index in `accepted` of the trigger of any kind that ends at k, or -1;
  // filled with noun_trigger_ending
  std::vector<int> trigger_ending;

  int words_between(int a, int b) const {  // words in tokens [a, b)
    if (b <= a) return 0;
    return word_ord[b] - word_ord[a];
  }
};

int token_at(const TokenBuf& toks, uint32_t byte) {
  // First token whose end is beyond `byte`.
  auto it = std::lower_bound(toks.begin(), toks.end(), byte,
                             [](const Tok& t, uint32_t b) { return t.end <= b; });
  return static_cast<int>(it - toks.begin());
}

int token_end_at(const TokenBuf& toks, uint32_t byte) {
  // One past the last token starting before `byte`.
  auto it = std::lower_bound(toks.begin(), toks.end(), byte,
                             [](const Tok& t, uint32_t b) { return t.start < b; });
  return static_cast<int>(it - toks.begin());
}

bool is_ing_word(const Tok& t) {
  const std::string_view w = t.low;
  return w.size() > 4 && w.compare(w.size() - 3, 3, "ing") == 0 && !t.is(kNotVerbIng);
}

// Whether the words from t[k] on, after a comma, open a time clause: a time conjunction,
// perhaps after an interval (", two days after Joe Park met ...", ", hours before",
// ", when"). Its names and dates are its own event's, not the main clause's. (A phrase
// without a verb, ", after talks in Paris", is cut off alike: its names are the talks'.)
bool opens_time_clause(const Tok* t, size_t k, size_t n) {
  size_t c = k;
  if (c + 1 < n && t[c].word && t[c].is(kTimeUnit)) {
    c += 1;
  } else if (c + 2 < n && t[c].word && t[c + 1].word && t[c + 1].is(kTimeUnit)) {
    c += 2;
  }
  return c < n && t[c].word && t[c].is(kTimeConjunction);
}

// Whether t[k] opens a relative clause: "which", "who", "whom", "whose", or "that" before
// an auxiliary ("kidnappings that has rattled ...").
bool opens_relative(const Tok* t, size_t k, size_t n) {
  if (!t[k].word) return false;
  if (t[k].is(kRelative)) return true;
  return eq(t[k].low, "that") && k + 1 < n && t[k + 1].word && t[k + 1].is(kAuxiliary);
}

// Whether a verb of survival or defence (kSurvivalVerb: "survived", "foiled"), or of
// `also` (kUndergoVerb or 0), stands up to four words before the nominal trigger at tb, in
// its clause (from clause_lo): "survived a knife attack", "the army foiled an attempted
// coup", "Iran faces new sanctions".
bool survived_before(const TokenBuf& t, int tb, int clause_lo, uint64_t also) {
  for (int q = tb - 1, words = 0; q >= clause_lo && t[q].word && words < 4; --q, ++words) {
    if (t[q].is(kSurvivalVerb | also)) return true;
    if (t[q].is(kPreposition | kNpStop)) return false;
  }
  return false;
}

// Whether mention m is the subject of a relative clause whose verb reacts to what
// was told: "that" or "which" before it, a verb of reaction (kReaction) within four
// words after it ("a deal that Somalia's government immediately denounced").
bool reacts_in_relative(const TokenBuf& t, const Mention& m) {
  int k = m.tb - 1;
  if (k >= 0 && t[k].word && eq(t[k].low, "the")) --k;
  if (k < 0 || !t[k].word || !(eq(t[k].low, "that") || eq(t[k].low, "which"))) return false;
  const int n = static_cast<int>(t.size());
  for (int q = m.te, words = 0; q < n && words < 4; ++q) {
    if (!t[q].word) {
      if (t[q].punct != '\'') return false;
      continue;
    }
    if (t[q].is(kReaction)) return true;
    ++words;
  }
  return false;
}

// Whether t[k] is "that" before a pronoun: the subject of a complement clause
// ("announced that they had ...").
bool opens_complement(const Tok* t, size_t k, size_t n) {
  return t[k].word && eq(t[k].low, "that") && k + 1 < n && t[k + 1].word && t[k + 1].is(kPronoun);
}

// Whether t is a preposition of time that tells of an event before or after the one told
// ("after", "before", "following", "since"; not "amid" or "despite", which tell of a state
// the event happens in).
bool other_event_preposition(const Tok& t) {
  return t.word && t.is(kTimePreposition) && !eq(t.low, "amid") && !eq(t.low, "despite");
}

// Whether word t is an auxiliary or a past form (in -ed, or a common irregular one:
// kIrregularPast, a flag of the word table rather than a list compared per call).
bool finite_verb(const Tok& t) {
  return t.is(kAuxiliary | kIrregularPast) || ends_in_ed(t.low);
}

// Whether a form of "win" stands up to five words before the nominal trigger at tb, in its
// clause (from clause_lo), no preposition or other verb between: "Donald Trump won the U.S.
// presidential election", whose winner takes part beside the country before the noun.
bool won_before(const TokenBuf& t, int tb, int clause_lo) {
  static constexpr std::string_view kWinForms[] = {"won", "win", "wins", "winning"};
  for (int q = tb - 1, words = 0; q >= clause_lo && words < 5; --q) {
    if (!t[q].word) {
      if (t[q].punct != '.' && t[q].punct != '\'') return false;
      continue;
    }
    ++words;
    for (std::string_view w : kWinForms)
      if (t[q].low == w) return true;
    if (t[q].is(kPreposition | kNpStop) || finite_verb(t[q])) return false;
  }
  return false;
}

bool opens_finite_clause(const Tok* t, size_t k, size_t n);

// Whether t[k] is "and" or "but" before a verb of a conjunct of its own, which shares
// the subject before it: an auxiliary, a verb of reporting or of intent, or an adverb
// before the verb ("formed the alliance in September and plan to hold a summit in
// Niamey", "and will", "and said", "and then"); or, after a comma, before a subject of
// its own and its finite verb ("signed a deal on Monday, and Somalia condemned it").
bool opens_verb_conjunct(const Tok* t, size_t k, size_t n) {
  if (!t[k].word || !(eq(t[k].low, "and") || eq(t[k].low, "but"))) return false;
  if (k + 1 < n && t[k + 1].word && t[k + 1].is(kAuxiliary | kReportVerb | kConjunctVerb))
    return true;
  return k > 0 && !t[k - 1].word && t[k - 1].punct == ',' && opens_finite_clause(t, k, n);
}

// Whether t[k] is "that" after a word that reads as a noun, before a word: an object's
// relative clause ("a port deal that Addis Ababa signed with Somaliland"), or a noun's
// complement ("claims that Kenya attacked"), whose names are not the noun's either. Not
// after a finite verb, a verb that takes a "that" clause ("say", "believe", "agree" ...),
// a function word or an adjective of judgement ("said that", "so that", "clear that").
bool that_after_noun(const Tok* t, size_t k, size_t n) {
  if (!t[k].word || !eq(t[k].low, "that") || k == 0 || k + 1 >= n || !t[k + 1].word ||
      !t[k - 1].word)
    return false;
  const Tok& before = t[k - 1];
  if (finite_verb(before) || is_ing_word(before) ||
      before.is(kPreposition | kConjunction | kDeterminer | kNpStop | kAuxiliary | kBeForm |
                kReportVerb | kPronoun))
    return false;
  static constexpr std::string_view kTakesThat[] = {
      "say", "says", "believe", "believes", "think", "thinks", "know", "knows", "hope",
      "hopes", "fear", "fears", "claim", "claims", "insist", "insists", "argue", "argues",
      "show", "shows", "mean", "means", "suggest", "suggests", "warn", "warns", "note",
      "notes", "add", "adds", "confirm", "confirms", "deny", "denies", "agree", "agrees",
      "ensure", "ensures", "expect", "expects", "feel", "feels", "indicate", "indicates",
      "acknowledge", "acknowledges", "admit", "admits", "announce", "announces", "report",
      "reports", "state", "states", "demand", "demands", "so", "now", "given",
      "such", "except", "provided", "than", "clear", "sure", "likely", "unlikely", "possible",
      "certain", "confident", "aware", "concerned", "worried", "afraid", "true", "fact",
      "like", "all", "only", "just", "even", "also", "still", "after", "before", "once",
      // where and when a report was made: "said in a statement on Monday that"
      "statement", "statements", "address", "interview", "letter", "speech", "post",
      "message", "briefing", "conference", "week", "year", "month", "day", "today",
      "yesterday", "weekend", "morning", "afternoon", "evening", "night", "ago", "earlier",
      "later", "again", "too", "well", "time"};
  if (starts_with_digit(before) || is_weekday(before.low) || is_month_or_year(before.low))
    return false;
  return std::find(std::begin(kTakesThat), std::end(kTakesThat), before.low) ==
         std::end(kTakesThat);
}

// Fills c.next_relative, c.next_complement and c.next_conjunct, once per sentence.
void fill_next(SentenceCtx& c) {
  if (c.next_filled) return;
  const Tok* const t = c.toks->begin();
  const size_t n = c.toks->size();
  int* const relative = c.next_relative.data();
  int* const complement = c.next_complement.data();
  int* const conjunct = c.next_conjunct.data();
  int* const when = c.next_when.data();
  relative[n] = complement[n] = conjunct[n] = when[n] = static_cast<int>(n);
  for (size_t k = n; k-- > 0;) {
    relative[k] = opens_relative(t, k, n) || that_after_noun(t, k, n) ? static_cast<int>(k)
                                                                      : relative[k + 1];
    complement[k] = opens_complement(t, k, n) ? static_cast<int>(k) : complement[k + 1];
    conjunct[k] = opens_verb_conjunct(t, k, n) ? static_cast<int>(k) : conjunct[k + 1];
    when[k] = t[k].word && (eq(t[k].low, "when") || eq(t[k].low, "while")) &&
                      opens_finite_clause(t, k, n)
                  ? static_cast<int>(k)
                  : when[k + 1];
  }
  c.next_filled = true;
}

// Whether a conjunct with a verb of its own opens in c's tokens [from, to)
// (opens_verb_conjunct).
bool verb_conjunct_between(SentenceCtx& c, int from, int to) {
  fill_next(c);
  return c.next_conjunct[from] < to;
}

// The first "and" before a past form of another verb after the trigger (ending at te), or
// t.size(): one after the trigger's object, or right after it when it is passive, before a
// determiner, a preposition, a pronoun or a name: "arrested Joe Park and questioned Ana
// Lima", "was arrested and accused of spying for Israel". What follows is that verb's.
// Not right after an active trigger, whose object both verbs take ("arrested and charged
// Joe Park"); nor before "by", an agent both share ("was arrested and questioned by
// police"); nor before a noun, where the form is an adjective ("and allied fighters").
int past_conjunct_after(const TokenBuf& t, int te, bool passive) {
  const int n = static_cast<int>(t.size());
  for (int q = passive ? te : te + 1; q + 2 < n; ++q) {
    if (!t[q].word || !eq(t[q].low, "and")) continue;
    const Tok& verb = t[q + 1];
    const Tok& next = t[q + 2];
    if (!verb.word || verb.is(kAuxiliary) || !finite_verb(verb) || !next.word ||
        eq(next.low, "by"))
      continue;
    if (next.is(kDeterminer | kPreposition | kPronoun | kPossessivePronoun) ||
        t.capitalized(static_cast<size_t>(q + 2)))
      return q;
  }
  return n;
}

// Whether "and" at t[k] follows a passive's participle in its clause (from clause_lo), past
// up to six words of its complements and no punctuation: "was arrested on Monday and",
// "were formally detained in Gao and".
bool after_passive_conjunct(const TokenBuf& t, int k, int clause_lo) {
  for (int q = k - 1, words = 0; q > clause_lo && words < 7; --q, ++words) {
    if (!t[q].word) return false;
    if (!finite_verb(t[q]) || t[q].is(kAuxiliary)) continue;
    // the participle, after a form of "be" and perhaps an adverb
    for (int b = q - 1; b >= clause_lo && b >= q - 2 && t[b].word; --b)
      if (t[b].is(kBeForm)) return true;
    return false;
  }
  return false;
}

// Whether the words before the participle t[tb] are a noun phrase of a determiner and one
// to three words of no verb, after a preposition or a finite verb, after the clause's own
// verb (in clause_lo on): an object, whose participle is a reduced relative ("freed the
// pair in exchange for an Iranian woman detained in France").
bool object_noun_phrase_before(const TokenBuf& t, int tb, int clause_lo) {
  if (!ends_in_ed(t[tb].low)) return false;  // a participle ("withdrew" is none)
  int q = tb - 1;
  for (int words = 0; q >= clause_lo && t[q].word && !t[q].is(kDeterminer); --q) {
    if (++words > 3 || finite_verb(t[q]) || is_ing_word(t[q]) ||
        t[q].is(kPreposition | kNpStop | kPronoun | kAuxiliary))
      return false;
  }
  if (q == tb - 1 || q <= clause_lo || !t[q].word || !t[q].is(kDeterminer)) return false;
  const Tok& before = t[q - 1];
  if (!before.word ||
      !(before.is(kPreposition) || (finite_verb(before) && !before.is(kBeForm | kAuxiliary))))
    return false;
  // (after the clause's own verb, which follows a name or a pronoun or is an auxiliary or
  // an irregular past: "Iran freed the pair in exchange for ..."; not inside the subject,
  // "Rwandan troops stationed in the region attacked")
  for (int k = q - 1; k > clause_lo; --k)
    if (t[k].word && finite_verb(t[k]) &&
        (t[k].is(kAuxiliary | kIrregularPast) || t.capitalized(static_cast<size_t>(k - 1)) ||
         (t[k - 1].word && t[k - 1].is(kPronoun))))
      return true;
  return false;
}

// The date of a time clause whose counted interval, after a comma, starts at t[lo], before
// "after" or "before" (", a week after police shot ...", ", two days before the vote"): the main
// clause's date, the last date or time of definite value that ends before the comma at
// lo - 1 (not one after "for", "until", "till" or "by": "called elections for November
// 9, a year after ..."), moved back ("after") or forwards ("before") by the interval, a
// DURATION timex that starts at lo (shift_date()). timexes[t_begin, t_end) are the
// sentence's. True, and *out the date (the interval's span, its value, the anchor of the
// main clause's date), when all of these are there.
bool date_counted_back(const TokenBuf& t, const std::vector<Timex>& timexes, size_t t_begin,
                       size_t t_end, int lo, Timex* out) {
  const Timex* interval = nullptr;
  const Timex* anchor = nullptr;
  for (size_t k = t_begin; k < t_end; ++k) {
    const Timex& tx = timexes[k];
    if (tx.start == t[lo].start && eq(tx.type, "DURATION")) interval = &tx;
    if (tx.end > t[lo - 1].start || (!eq(tx.type, "DATE") && !eq(tx.type, "TIME")) ||
        tx.value.empty() || tx.value[0] < '0' || tx.value[0] > '9')
      continue;
    const int tb = token_at(t, tx.start);
    if (tb > 0 && t[tb - 1].word &&
        (eq(t[tb - 1].low, "for") || eq(t[tb - 1].low, "until") || eq(t[tb - 1].low, "till") ||
         eq(t[tb - 1].low, "by")))
      continue;
    anchor = &tx;
  }
  if (interval == nullptr || anchor == nullptr) return false;
  const int conj = token_end_at(t, interval->end);
  if (conj >= static_cast<int>(t.size()) || !t[conj].word ||
      !(eq(t[conj].low, "after") || eq(t[conj].low, "before")))
    return false;
  std::optional<std::string> value =
      shift_date(anchor->value, interval->value, eq(t[conj].low, "after"));
  if (!value) return false;
  out->start = interval->start;
  out->end = interval->end;
  out->type = "DATE";
  out->value = std::move(*value);
  out->anchor = anchor->anchor;
  return true;
}

// Whether "when" or "while" opens a clause with a subject and a finite verb of its own in
// c's tokens [from, to) ("was arrested in January 2021 when he returned to Russia from
// Germany", "attacked the airport while he was on a trip to Kenya").
bool when_clause_between(SentenceCtx& c, int from, int to) {
  fill_next(c);
  return c.next_when[from] < to;
}

// The first token at or after `from` where "if" or "unless" opens a clause with a subject
// and a finite verb of its own ("unless it gave the U.N. arms inspectors access"), or the
// sentence's token count.
int next_condition(SentenceCtx& c, int from) {
  const Tok* const t = c.toks->begin();
  const size_t n = c.toks->size();
  // (most sentences have neither word: one look at their words spares the table)
  if (c.has_condition < 0) {
    c.has_condition =
        std::any_of(t, t + n, [](const Tok& tk) { return tk.word && tk.is(kConditional); });
    if (c.has_condition) {
      int* const condition = c.next_condition.data();
      condition[n] = static_cast<int>(n);
      for (size_t k = n; k-- > 0;)
        condition[k] = t[k].word && t[k].is(kConditional) && opens_finite_clause(t, k, n)
                           ? static_cast<int>(k)
                           : condition[k + 1];
    }
  }
  return c.has_condition ? c.next_condition[from] : static_cast<int>(n);
}

// Whether a conjunct with a subject of its own (", and Britain froze ...") opens in c's
// tokens [from, to): the first conjunct there follows a comma.
bool subject_conjunct_between(SentenceCtx& c, int from, int to) {
  fill_next(c);
  const int q = c.next_conjunct[from];
  return q < to && q > 0 && !(*c.toks)[q - 1].word && (*c.toks)[q - 1].punct == ',';
}

// Whether "including" stands between tokens from and to (a date at `to`) with no comma
// between it and the date: the date is one of the examples it lists.
bool including_before(const TokenBuf& t, int from, int to) {
  for (int q = to - 1; q >= from; --q) {
    if (!t[q].word && t[q].punct == ',') return false;
    if (t[q].word && eq(t[q].low, "including")) return true;
  }
  return false;
}

// Whether one of `words` (lower-cased) stands as a whole word in the last 2,048 bytes of
// sentence `sent` of the lower-cased text (a bound: the work stays linear in the text).
bool holds_word(std::string_view lower, const Sentence& sent, const std::vector<std::string>& words) {
  const size_t e = std::min<size_t>(sent.end, lower.size());
  const size_t b = std::max<size_t>(std::min<size_t>(sent.start, e), e >= 2048 ? e - 2048 : 0);
  const std::string_view s = lower.substr(b, e - b);
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  for (const std::string& w : words)
    for (size_t at = s.find(w); at != std::string_view::npos; at = s.find(w, at + 1))
      if ((at == 0 || !letter(s[at - 1])) && (at + w.size() == s.size() || !letter(s[at + w.size()])))
        return true;
  return false;
}

// Whether a ranking word ("deadliest", "first", "most": kRanking, or a word in -iest)
// stands at most three words before token tb, in the clause from clause_lo.
bool ranked_before(const TokenBuf& t, int tb, int clause_lo) {
  for (int q = tb - 1, words = 0; q >= clause_lo && words < 3; --q) {
    if (!t[q].word) return false;
    ++words;
    const std::string_view w = t[q].low;
    if (t[q].is(kRanking) || (w.size() > 5 && w.substr(w.size() - 4) == "iest")) return true;
  }
  return false;
}

// Whether the date at token `at` follows "since" after a ranking word at most three words
// before it: a comparison's baseline, not the event's date ("captured Avdiivka a week ago,
// their biggest gain since May last year", "the first time since 2019").
bool ranked_since(const TokenBuf& t, int at) {
  if (at < 2 || !t[at - 1].word || !eq(t[at - 1].low, "since")) return false;
  for (int q = at - 2, words = 0; q >= 0 && words < 3; --q) {
    if (!t[q].word) return false;
    ++words;
    if (t[q].is(kRanking)) return true;
  }
  return false;
}

// Whether w is a past form that tells that something happened, began or ended, said of
// an event ("the fighting broke out", "talks ended").
bool happening_verb(std::string_view w) {
  static constexpr std::string_view kHappeningVerbs[] = {
      "broke", "erupted", "began", "ended", "started", "resumed",
      "continued", "raged", "happened", "occurred", "unfolded"};
  for (std::string_view v : kHappeningVerbs)
    if (w == v) return true;
  return false;
}

// The length of the verb group at t[k] when it is one to three auxiliaries and then a form of
// a verb of happening ("has erupted", "will continue", "had been raging", "has broken out",
// "has taken place"), said of a nominal trigger before it: its place and date are the
// event's ("Heavy fighting has erupted in Tripoli"); else 0.
int happening_group(const TokenBuf& t, int k) {
  static constexpr std::string_view kForms[] = {
      "erupt", "erupted", "erupting", "continue", "continued", "continuing", "resume",
      "resumed", "resuming", "rage", "raged", "raging", "spread", "spreading", "intensify",
      "intensified", "intensifying", "escalate", "escalated", "escalating", "flare", "flared",
      "occur", "occurred", "happen", "happened", "unfold", "unfolded", "unfolding", "begin",
      "begun", "start", "started", "break", "broken", "take", "taken", "taking"};
  const int n = static_cast<int>(t.size());
  int q = k;
  while (q < n && q - k < 3 && t[q].word &&
         (t[q].is(kAuxiliary) || eq(t[q].low, "been") || eq(t[q].low, "be")))
    ++q;
  if (q == k || !t[k].is(kAuxiliary) || q >= n || !t[q].word) return 0;
  const std::string_view w = t[q].low;
  if (std::find(std::begin(kForms), std::end(kForms), w) == std::end(kForms)) return 0;
  const bool out = eq(w, "break") || eq(w, "broken");
  const bool place = eq(w, "take") || eq(w, "taken") || eq(w, "taking");
  if (out || place) {
    if (q + 1 >= n || !t[q + 1].word || t[q + 1].low != (out ? "out" : "place")) return 0;
    ++q;
  }
  return q + 1 - k;
}

// Whether "since" stands between tokens from and to (a date at `to`), at most eight words
// before it and no punctuation between.
bool since_phrase_holds(const TokenBuf& t, int from, int to) {
  for (int q = to - 1, words = 0; q >= from && words < 8; --q) {
    if (!t[q].word) return false;
    ++words;
    if (eq(t[q].low, "since")) return true;
  }
  return false;
}

// Whether "since" and a gerund stand between tokens from and to (a date at `to`), at most
// eight words before it and no punctuation between: "since taking office in 2017".
bool gerund_since_before(const TokenBuf& t, int from, int to) {
  bool gerund = false;
  for (int q = to - 1, words = 0; q >= from && words < 8; --q) {
    if (!t[q].word) return false;
    ++words;
    if (eq(t[q].low, "since")) return gerund;
    gerund = gerund || is_ing_word(t[q]);
  }
  return false;
}

// Whether a relative clause opens in c's tokens [from, to) (opens_relative).
bool relative_between(SentenceCtx& c, int from, int to) {
  fill_next(c);
  return c.next_relative[from] < to;
}

// Whether a relative clause opens in t's tokens [from, to) right after a word that is no
// verb, a noun that is no name: the clause's subject is that noun ("Damiba had failed to
// stem an insurgency that has killed thousands", "police dispersed thousands of
// protesters who rallied outside parliament"), no name before it, where `from` ends a
// name. (Not a name inside that noun's phrase, "all five al Shabaab gunmen who had stormed
// the building", nor one it is the appositive of, "Gerard Rice, a former IRA prisoner who
// leads ...".)
bool relative_after_noun(SentenceCtx& c, const TokenBuf& t, int from, int to) {
  if (!relative_between(c, from, to)) return false;
  const int r = c.next_relative[from];
  if (r <= from || !t[r - 1].word || t[r - 1].is(kNpStop) || finite_verb(t[r - 1])) return false;
  int q = from;
  if (!t[q].word && t[q].punct == ',') ++q;
  if (r - q > 8) return true;  // (no name's noun phrase is that long: bounded work)
  for (; q < r; ++q)
    if (!t[q].word || t[q].is(kPreposition | kNpStop) || finite_verb(t[q])) return true;
  return false;
}

// Whether "that" and a pronoun stand in c's tokens [from, to) (opens_complement).
bool pronoun_subject_between(SentenceCtx& c, int from, int to) {
  fill_next(c);
  return c.next_complement[from] + 1 < to;
}

// Whether m names where or whence comes the subject that opens its clause (from
// clause_lo, or after a dateline's dash), right before the clause's finite verb:
// "Soldiers in Guinea-Bissau announced", "Officers from Chad said". A complement's pronoun
// ("announced that they had seized power") stands for that subject, place and all.
bool in_opening_subject(const TokenBuf& t, const Mention& m, int clause_lo) {
  const int prep = m.tb - 1;
  if (prep <= clause_lo || !t[prep].word || !(eq(t[prep].low, "in") || eq(t[prep].low, "from")))
    return false;
  if (static_cast<size_t>(m.te) >= t.size() || !t[m.te].word || !finite_verb(t[m.te]))
    return false;
  // one to four words before the preposition, none a verb or a preposition
  int q = prep - 1;
  for (int words = 0; q >= clause_lo && t[q].word; --q, ++words)
    if (words == 4 || finite_verb(t[q]) || t[q].is(kPreposition | kNpStop)) return false;
  return q + 1 < prep && (q < clause_lo || t[q].punct == '-' || t[q].punct == 'd');
}

// Whether the words from t[k] on, after a comma, open an appositive that sums up or ranks
// what was told (", the latest in a series of coups across West Africa since 2020", ", the
// deadliest attack since 2015", ", a move that ..."): its names and dates are not the
// events' before it. Like a relative clause, what follows its closing comma is the main
// clause's ("Mali, the largest country of the Sahel, signed ...").
bool opens_summary(const Tok* t, size_t k, size_t n) {
  if (k + 1 >= n || !t[k].word || !t[k + 1].word) return false;
  if (eq(t[k].low, "the")) return t[k + 1].is(kRanking);
  return eq(t[k].low, "a") && t[k + 1].is(kSummaryNoun);
}

// Whether t[k] (after a comma) is "with" before a subject and a participle in -ing of
// their own, within six words: ", with Russian forces attacking Kharkiv".
bool opens_absolute(const Tok* t, size_t k, size_t n) {
  if (!eq(t[k].low, "with")) return false;
  for (size_t q = k + 2, words = 1; q < n && words < 7; ++q) {
    if (!t[q].word) {
      if (t[q].punct != '\'' && t[q].punct != '-' && t[q].punct != '.') return false;
      continue;
    }
    ++words;
    if (is_ing_word(t[q])) return true;
    if (t[q].is(kPreposition | kNpStop)) return false;
  }
  return false;
}

// Whether t[k] (after a comma) opens a clause that names what the clause before told:
// "in what" or "what", then a verb of naming within six tokens ("in what the FBI called",
// "what Kyiv described as").
bool names_clause_before(const Tok* t, size_t k, size_t n) {
  size_t q = k + 1;
  if (eq(t[k].low, "in")) {
    if (q >= n || !t[q].word || !eq(t[q].low, "what")) return false;
    ++q;
  } else if (!eq(t[k].low, "what")) {
    return false;
  }
  for (size_t end = std::min(n, q + 6); q < end; ++q)
    if (t[q].word && t[q].is(kNamingVerb)) return true;
  return false;
}

// A sentence's events are found piece by piece, each at most this many bytes but for a
// token longer than that.
constexpr uint32_t kMaxPieceBytes = 2048;

// The end of the piece of text[b, e) that starts at b: e when at most kMaxPieceBytes
// remain; else after the last whitespace of the window that follows a comma or a semicolon
// in its second half, else after its last whitespace, else after the first whitespace past
// it (no token is cut: none holds ASCII whitespace).
uint32_t event_piece_end(std::string_view text, uint32_t b, uint32_t e) {
  if (e - b <= kMaxPieceBytes) return e;
  auto space = [&](uint32_t k) {  // ASCII whitespace, where the tokenizers cut
    const auto c = static_cast<unsigned char>(text[k]);
    return c < 0x80 && text::is_space(c);
  };
  const uint32_t limit = b + kMaxPieceBytes, half = b + kMaxPieceBytes / 2;
  uint32_t last_space = 0;
  for (uint32_t k = limit; k > b + 1; --k) {  // text[k - 1]
    if (!space(k - 1)) continue;
    if (last_space == 0) last_space = k;
    if (k > half && (text[k - 2] == ',' || text[k - 2] == ';')) return k;
    if (k <= half) break;
  }
  if (last_space != 0) return last_space;
  for (uint32_t k = limit; k < e; ++k)
    if (space(k)) return k + 1;
  return e;
}

// Whether t[k + 1, ...) is a subject of one to three words, perhaps after a determiner, and a
// verb in the present before "to" ("as both countries seek to counter", "as the country
// prepares to vote"): no preposition, determiner, auxiliary, adverb in -ly, past form or
// form in -ing as that verb.
bool present_before_to(const Tok* t, size_t k, size_t n) {
  size_t j = k + 1;
  if (j < n && t[j].word && (t[j].is(kDeterminer) || eq(t[j].low, "both"))) ++j;
  for (size_t words = 0; j + 1 < n && words < 3 && t[j].word; ++j, ++words) {
    if (t[j].is(kPreposition | kDeterminer | kConjunction | kNpStop | kAuxiliary)) return false;
    if (words >= 1 && t[j + 1].word && eq(t[j + 1].low, "to"))
      return !ends_in_ly(t[j].low) && !finite_verb(t[j]) && !is_ing_word(t[j]) &&
             j + 2 < n && t[j + 2].word && !t[j + 2].is(kDeterminer);
  }
  return false;
}

// Whether the words after t[k] (a time conjunction) hold a subject and then a finite verb
// before any punctuation but an apostrophe or a hyphen, within seven tokens: an auxiliary
// or a past form (in -ed, or a common irregular one) after at least one word ("after
// Nancy Pelosi visited Taiwan", "before talks were held"; not "after the talks", "after
// attacking Mali"), not a relative clause's or one after "and". An appositive of up to
// six words between commas may stand before the verb ("after his father, Idriss Kessa,
// was killed"; not "after the talks, Kessa said").
bool opens_finite_clause(const Tok* t, size_t k, size_t n) {
  // (a gerund is no subject: "after being shot by a gunman")
  if (k + 1 < n && t[k + 1].word && is_ing_word(t[k + 1])) return false;
  size_t limit = k + 7;
  int relative_verbs = -1;  // after a relative word: the finite verbs since
  for (size_t j = k + 2; j < n && j <= limit; ++j) {
    if (!t[j - 1].word && t[j - 1].punct == ',') {
      size_t close = j;
      while (close < n && close < j + 6 && t[close].word) ++close;
      return close > j && close + 1 < n && !t[close].word && t[close].punct == ',' &&
             t[close + 1].word && finite_verb(t[close + 1]);
    }
    if (!t[j - 1].word) {
      // (an abbreviation's stops and a hyphen inside a name count no word: ", and U.N.
      // Secretary-General Antonio Guterres condemned")
      const bool inside_name = t[j - 1].punct == '-' ||
                               (t[j - 1].punct == '.' && j >= 2 && t[j - 1].start == t[j - 2].end);
      if (t[j - 1].punct != '\'' && !inside_name) return false;
      if (inside_name) ++limit;
    }
    // (not a relative clause's verb: "since the triumph of the revolution that brought
    // Castro to power", but the verb after it: "after the junta that seized power in July
    // demanded"; nor a conjunct's: "since the bombing and has undergone")
    if (t[j].word && relative_verbs < 0 && (eq(t[j].low, "that") || t[j].is(kRelative))) {
      relative_verbs = 0;
      limit = j + 8;
      continue;
    }
    if (t[j].word && finite_verb(t[j])) {
      if (t[j - 1].word && (eq(t[j - 1].low, "and") || eq(t[j - 1].low, "or"))) return false;
      if (relative_verbs < 0 || ++relative_verbs == 2) return true;
    }
  }
  return false;
}

// The word counts and clauses of c's tokens (the entries of word_ord and clause for its
// tokens, and word_ord's one after them, written; both are sized for them).
__attribute__((noinline)) void compute_clauses(SentenceCtx& c) {
  const Tok* const t = c.toks->begin();
  const size_t n = c.toks->size();
  int* const word_ord = c.word_ord.data();
  int* const clause = c.clause.data();
  c.clause_kinds.assign(1, ClauseKind{});
  word_ord[0] = 0;
  int cur = 0, words = 0;
  for (size_t k = 0; k < n; ++k) {
    words += t[k].word ? 1 : 0;
    word_ord[k + 1] = words;
    // A time clause with a verb of its own, without a comma before it ("suspended
    // contacts in August 2022 after Speaker Nancy Pelosi visited Taiwan", "stranded since
    // gangs attacked the airport")
    // (Not "when": "in 1979 when the Soviet Union invaded Afghanistan" shares its date,
    // "when he was abducted" its subject.)
    if (k > 0 && t[k - 1].word && t[k].word &&
        ((t[k].is(kTimeConjunction) && (eq(t[k].low, "after") || eq(t[k].low, "before"))) ||
         eq(t[k].low, "since")) &&
        opens_finite_clause(t, k, n)) {
      ++cur;
      c.clause_kinds.emplace_back();
    }
    // "as" and a personal pronoun before a finite verb open a clause without a comma too:
    // "was detained as he travelled to the Mexican embassy"
    if (k > 0 && k + 2 < n && t[k - 1].word && t[k].word && eq(t[k].low, "as") &&
        t[k + 1].word &&
        (eq(t[k + 1].low, "he") || eq(t[k + 1].low, "she") || eq(t[k + 1].low, "they") ||
         eq(t[k + 1].low, "it") || eq(t[k + 1].low, "we")) &&
        t[k + 2].word && finite_verb(t[k + 2])) {
      ++cur;
      ClauseKind as;
      as.shares_date = true;
      c.clause_kinds.push_back(as);
    }
    // A preposition and "which" or "whom" after a word open a relative clause without a
    // comma too: "after riots in which four people were killed".
    if (k > 0 && k + 1 < n && t[k - 1].word && t[k].word && t[k].is(kPreposition) &&
        t[k + 1].word && (eq(t[k + 1].low, "which") || eq(t[k + 1].low, "whom"))) {
      ++cur;
      ClauseKind relative;
      relative.relative = true;
      c.clause_kinds.push_back(relative);
    }
    if (k > 0 && !t[k - 1].word) {
      bool boundary = false;
      ClauseKind kind;
      char p = t[k - 1].punct;
      if (p == ';' || p == ':' || p == 'd') {
        boundary = true;
        kind.relative = p == 'd';  // an appositive after a dash
      } else if (p == ',' && t[k].word) {
        if (t[k].is(kRelative)) boundary = kind.relative = true;
        // ", in what the FBI called an assassination attempt"
        else if (names_clause_before(t, k, n)) boundary = kind.names_before = kind.shares_date = true;
        // ", with Russian forces attacking Kharkiv": a subject and a participle of their own
        else if (opens_absolute(t, k, n)) boundary = kind.shares_date = true;
        // ", of which 38 drones were shot down", ", during which ..."
        else if (t[k].is(kPreposition) && k + 1 < n && t[k + 1].word && t[k + 1].is(kRelative))
          boundary = kind.relative = true;
        else if (t[k].is(kConjunction)) boundary = true;
        else if (opens_time_clause(t, k, n)) boundary = true;
        // ", in retaliation for a suspected Israeli strike ...": the event answered is
        // another, earlier one
        else if (eq(t[k].low, "in") && k + 2 < n && t[k + 1].word && t[k + 2].word &&
                 (eq(t[k + 1].low, "retaliation") || eq(t[k + 1].low, "response") ||
                  eq(t[k + 1].low, "revenge")) &&
                 (eq(t[k + 2].low, "for") || eq(t[k + 2].low, "to")))
          boundary = true;
        // ", as opposition supporters marched": "as" with a subject and a verb of its own
        // (in the present too, before "to": ", as both countries seek to counter")
        else if (eq(t[k].low, "as") &&
                 (opens_finite_clause(t, k, n) || present_before_to(t, k, n)))
          boundary = kind.shares_date = true;
        else if (opens_summary(t, k, n)) boundary = kind.relative = kind.summary = true;
        // (", including Argentina, Chile and Peru," names more of what was told)
        else if (is_ing_word(t[k]) && !eq(t[k].low, "including"))
          boundary = kind.participle = kind.shares_date = true;
        else if (t[k].is(kClauseAdverb) && k + 1 < n && t[k + 1].word && is_ing_word(t[k + 1]))
          boundary = kind.participle = kind.shares_date = true;
      }
      if (boundary) {
        ++cur;
        c.clause_kinds.push_back(kind);
      }
    }
    clause[k] = cur;
  }
  c.next_filled = false;
  c.has_condition = -1;
}

// Whether mention m reports the event of the trigger [tb, te) rather than takes part
// in it: m is the subject of a reporting verb, either between the two ("Human Rights
// Watch said soldiers killed ...", "the UN said 23 people had been killed") with no
// pronoun after the verb that makes m the event's subject too ("Mali said it would
// withdraw", "the junta said its troops ...", not one of an earlier "that" clause; a
// denial with "that" is such a verb: "Marcos denied that the arrest was political"), or
// after the trigger, a comma and at most four words ("... killed 30 civilians, the United
// Nations said", "..., police spokesman X said"); or m is the source that "according to"
// gives, wherever it stands ("... killed 30 people, according to the Interior Ministry");
// or, after the trigger, whom the report was told ("..., an official told AFP"). A
// spokesman's name may stand between m and the verb ("the Interior Ministry spokesman X
// said").
bool reports(const TokenBuf& t, const Mention& m, int tb, int te) {
  int before = m.tb - 1;
  while (before >= 0 && t[before].word && t[before].is(kGovSkip)) --before;
  if (before >= 1 && t[before].word && eq(t[before].low, "to") && t[before - 1].word &&
      eq(t[before - 1].low, "according"))
    return true;
  // whom the report was told, after the trigger: "..., an official told AFP"
  if (m.tb >= te && before >= te && t[before].word &&
      (eq(t[before].low, "told") || eq(t[before].low, "tells") || eq(t[before].low, "telling")))
    return true;
  const int n = static_cast<int>(t.size());
  int verb = m.te;
  // "..., the interior minister, Pascoal Ronda, said": after the trigger, an appositive's
  // comma between the name and the verb
  if (m.tb >= te && verb + 1 < n && !t[verb].word && t[verb].punct == ',' && t[verb + 1].word &&
      t[verb + 1].is(kReportVerb))
    ++verb;
  // "Sudan's army said", "Mali's foreign ministry said", "Guinea-Bissau's President Umaro
  // Sissoco Embalo said": the possessor of the speaker
  if (possessive_at(t, verb)) {
    int k = verb + 2;
    for (int words = 0; k < n && t[k].word && !t[k].is(kReportVerb | kNpStop) && words < 5; ++words)
      ++k;
    if (k < n && t[k].word && t[k].is(kReportVerb)) verb = k;
  }
  // "Palestinian health officials said", "the Kessa defence ministry said": up to two
  // words between the name and the speaker
  {
    int k = verb;
    for (int words = 0; k < n && t[k].word && !t[k].is(kSpeaker | kReportVerb) && words < 2; ++words)
      ++k;
    if (k > verb && k < n && t[k].word && t[k].is(kSpeaker)) verb = k;
  }
  // "Red Cross and ambulance officials said": a speaker after "and" and up to two words
  if (verb + 1 < n && t[verb].word && eq(t[verb].low, "and")) {
    int k = verb + 1;
    for (int words = 0; k < n && t[k].word && !t[k].is(kSpeaker) && words < 2; ++words) ++k;
    if (k < n && t[k].word && t[k].is(kSpeaker)) verb = k;
  }
  // "Dhaka Metropolitan Police spokesman Faruk Hossain said", "army chief General Joe
  // Park Jr. said": the speaker's name between (with the stops of its abbreviations).
  if (verb < n && t[verb].word && t[verb].is(kSpeaker)) {
    int k = verb + 1;
    for (int words = 0; k < n && !(t[k].word && t[k].is(kReportVerb)) && words < 6; ++words) {
      const bool abbreviation_stop = !t[k].word && t[k].punct == '.' && t[k].start == t[k - 1].end;
      if (!t[k].word && !abbreviation_stop) break;
      ++k;
    }
    if (k < n && t[k].word && t[k].is(kReportVerb)) verb = k;
  }
  // "Ndayishimiye had warned in January that the fighting could spread": an auxiliary first
  if (verb + 1 < n && t[verb].word && t[verb].is(kAuxiliary) && t[verb + 1].word &&
      t[verb + 1].is(kReportVerb))
    ++verb;
  // A verb of reporting at token k, or a denial of a clause ("denied that the arrest was
  // political").
  auto reporting_at = [&](int k) {
    if (k >= n || !t[k].word) return false;
    if (t[k].is(kReportVerb)) return true;
    return (eq(t[k].low, "denied") || eq(t[k].low, "denies") || eq(t[k].low, "deny")) &&
           k + 1 < n && t[k + 1].word && eq(t[k + 1].low, "that");
  };
  if (!reporting_at(verb)) {
    // "Bio described the attack as ... and said most of the leaders had been arrested": a
    // report verb after "and" in the subject's clause, before the trigger
    if (m.te >= tb) return false;
    verb = -1;
    // (up to 30 tokens: bounded work per name and trigger)
    for (int k = m.te + 1; k < std::min(tb, m.te + 30) && verb < 0; ++k) {
      if (!t[k].word && t[k].punct != ',' && t[k].punct != '"' && t[k].punct != '\'') return false;
      if (reporting_at(k) && t[k - 1].word && eq(t[k - 1].low, "and")) verb = k;
    }
    if (verb < 0) return false;
  }
  if (m.tb >= te) {  // after the trigger: ", [the] X said", ", police spokesman X said"
    int k = m.tb - 1;
    for (int words = 0; k >= te && t[k].word && words < 4; ++words) --k;
    // (a quotation's closing mark after the comma: "... in Lafey," police commander X said;
    // or two apostrophes: ,'')
    if (k > te && !t[k].word && t[k].punct == '\'' && !t[k - 1].word && t[k - 1].punct == '\'') --k;
    if (k > te && !t[k].word && (t[k].punct == '"' || t[k].punct == '\'') && !t[k - 1].word) --k;
    return k >= te && !t[k].word && t[k].punct == ',';
  }
  if (verb >= tb) return false;
  // (a pronoun of an earlier complement clause does not count: "said that he had accepted
  // the demand and that the military had been pulled back")
  bool pronoun = false;
  for (int k = verb + 1; k < tb; ++k) {
    if (t[k].word && t[k].is(kPronoun)) pronoun = true;
    else if (pronoun && t[k].word && eq(t[k].low, "that") && t[k - 1].word && eq(t[k - 1].low, "and"))
      pronoun = false;
    else if (pronoun && reporting_at(k) && t[k - 1].word && eq(t[k - 1].low, "and"))
      pronoun = false;  // "... on its commitments and denied that the arrest was political"
  }
  return !pronoun;
}

// Whether a noun trigger of `accepted` other than of type `type` starts at or after token
// `from` and ends at most two words before token `date` (c.noun_trigger_ending).
bool dated_by_noun_between(const SentenceCtx& c, const std::vector<Candidate>& accepted,
                           const std::vector<TriggerDef>& triggers, int from, int date,
                           int type) {
  const Tok* const t = c.toks->begin();
  for (int q = date, words = 0; q >= from && words <= 2; --q) {
    const int o = c.noun_trigger_ending[q];
    if (o >= 0 && accepted[o].tb >= from && triggers[accepted[o].trigger].type != type)
      return true;
    if (q > 0 && t[q - 1].word) ++words;
  }
  return false;
}

// Whether the tokens [tb, te) (a date) stand between a determiner or a possessive 's and
// the words of a noun phrase they modify ("its 1951 treaty", "the country's 2015 accord")
// that do not reach the token `trigger` within four words ("the 1998 clinic bombing").
bool premodifies_other_noun(const TokenBuf& t, int tb, int te, int trigger) {
  const int n = static_cast<int>(t.size());
  if (tb < 1 || te >= n) return false;
  const Tok& before = t[tb - 1];
  const bool determiner = before.word && before.is(kDeterminer) && !eq(before.low, "that");
  const bool possessive_s = before.word && eq(before.low, "s") && tb >= 2 && t[tb - 2].punct == '\'';
  if (!determiner && !possessive_s) return false;
  auto in_phrase = [&](int q) {
    return q < n && t[q].word &&
           !t[q].is(kPreposition | kNpStop | kDeterminer | kBeForm | kConjunction | kAuxiliary);
  };
  if (!in_phrase(te)) return false;
  for (int q = te; q < te + 4 && in_phrase(q); ++q)
    if (q == trigger) return false;
  return true;
}

// Whether mention m stands after a participle that follows a noun, within eight words in
// its clause (from clause_lo), no punctuation between: the participle's object inside the
// subject's noun phrase, not the subject ("Two police officers guarding the home of Abel
// Kessa were killed"). Not a participle that reads as a preposition ("including"), nor a
// name that a relative clause follows, its subject ("marking the return of Americans who
// were killed").
bool object_of_subjects_participle(const TokenBuf& t, const Mention& m, int clause_lo) {
  if (m.te < static_cast<int>(t.size()) && t[m.te].word &&
      (eq(t[m.te].low, "who") || eq(t[m.te].low, "which") || eq(t[m.te].low, "that")))
    return false;
  for (int q = m.tb - 1, words = 0; q > clause_lo && words < 8 && t[q].word; --q, ++words)
    if (is_ing_word(t[q]) && !prepositional_ing(t[q].low) && t[q - 1].word &&
        !t[q - 1].is(kPreposition | kDeterminer | kBeForm | kAuxiliary))
      return true;
  return false;
}

// Whether mention m is where the news came from, no party to it: after "told" (an article
// perhaps between) or "according to", or before "reported" ("a local resident told AFP",
// "according to Reuters", "Kessa Radio reported"). An ORG anaphor ("the group") does not
// stand for it.
bool news_source(const TokenBuf& t, const Mention& m) {
  int before = m.tb - 1;  // (past an article: "told the Financial Times")
  if (before >= 1 && t[before].word && eq(t[before].low, "the")) --before;
  if (before >= 0 && t[before].word && eq(t[before].low, "told")) return true;
  if (m.tb >= 2 && t[m.tb - 1].word && eq(t[m.tb - 1].low, "to") && t[m.tb - 2].word &&
      eq(t[m.tb - 2].low, "according"))
    return true;
  return m.te < static_cast<int>(t.size()) && t[m.te].word &&
         (eq(t[m.te].low, "reported") || eq(t[m.te].low, "reports"));
}

// The person that "he" or "she" at token k stands for, or null. The pronoun must open a
// clause: after a verb of reporting, "that" or a conjunction ("Lee said he would seek
// talks", "declared that she had won", "after he criticised"), or after "told" and its
// object ("told Reuters he had met", "told reporters he"). Then it stands for the one
// person the sentence names before it (however often), unless a person stands in a
// prepositional phrase ("a spokesman for Kessa said he": the spokesman).
const Entity* pronoun_antecedent(const TokenBuf& t, const std::vector<Mention>& mentions,
                                 const std::vector<const Entity*>& pool, int k) {
  if (k == 0 || !t[k - 1].word) return nullptr;
  const Tok& before = t[k - 1];
  auto told = [&](int q) { return q >= 0 && t[q].word && (eq(t[q].low, "told") || eq(t[q].low, "tells")); };
  bool opens = before.is(kReportVerb | kTimeConjunction | kConjunction) || eq(before.low, "that") ||
               eq(before.low, "because") || eq(before.low, "as") || eq(before.low, "since") ||
               eq(before.low, "and") || eq(before.low, "if") || eq(before.low, "once") ||
               (!t.capitalized(static_cast<size_t>(k - 1)) && told(k - 2));
  for (const Mention& m : mentions)
    opens = opens || (m.te == k && !m.pseudo && told(m.tb - 1));
  if (!opens) return nullptr;
  const Entity* person = nullptr;
  for (const Mention& m : mentions) {
    if (m.te > k || m.pseudo || !eq(m.label, "PERSON")) continue;
    // (titles, a possessor's 's, between a preposition and the name: "for President Kessa")
    int q = m.tb - 1;
    while (q >= 0 && (t.capitalized(static_cast<size_t>(q)) || (!t[q].word && t[q].punct == '\'') ||
                      (t[q].word && eq(t[q].low, "s"))))
      --q;
    if (q >= 0 && t[q].word && t[q].is(kPreposition)) return nullptr;
    for (uint32_t i = m.mb; i < m.me; ++i) {
      if (person != nullptr && person->id != pool[i]->id) return nullptr;
      person = pool[i];
    }
  }
  return person;
}

// Whether mention m, a country's name or demonym, names its border, a place: "near the
// Algerian border", "on Mali's border with Niger", "near the border with Mali" (not its
// border's guards: "Algerian border guards").
bool names_its_border(const TokenBuf& t, const Mention& m) {
  if (!eq(m.label, "COUNTRY")) return false;
  auto is_border = [&](int k) {
    return t[k].word &&
           (eq(t[k].low, "border") || eq(t[k].low, "borders") || eq(t[k].low, "frontier"));
  };
  int with = m.tb - 1;
  while (with > 0 && t[with].word && t[with].is(kGovSkip)) --with;
  if (with > 0 && t[with].word && eq(t[with].low, "with") && is_border(with - 1)) return true;
  int q = m.te;
  if (possessive_at(t, q)) q += 2;  // "Mali's"
  if (q >= static_cast<int>(t.size()) || !is_border(q)) return false;
  static constexpr std::string_view kBorderForces[] = {
      "guard", "guards", "police", "patrol", "patrols", "force", "forces", "troops", "agents",
      "officials", "officers", "authorities", "agency", "security", "service", "posts"};
  return !(q + 1 < static_cast<int>(t.size()) && t[q + 1].word &&
           std::find(std::begin(kBorderForces), std::end(kBorderForces), t[q + 1].low) !=
               std::end(kBorderForces));
}

// Whether mention m is a place that names a pact: a pact noun (kPactNoun) follows it, up to
// two lowercase words between ("the Paris climate agreement", "the Algiers accord").
bool names_a_pact(const TokenBuf& t, const Mention& m) {
  if (!eq(m.label, "LOCATION")) return false;
  for (int q = m.te; q < m.te + 3 && q < static_cast<int>(t.size()) && t[q].word; ++q) {
    if (t[q].is(kPactNoun)) return true;
    if (t.capitalized(static_cast<size_t>(q))) return false;
  }
  return false;
}

// Whether a place after the governing word `gov` is where the event happened: "in Gao",
// "at the border", "inside Afghanistan", "across Kenya", "throughout Sudan", "marched
// through Serbia", "fighting around Bakhmut".
bool locative(std::string_view gov) {
  return eq(gov, "in") || eq(gov, "at") || eq(gov, "inside") || eq(gov, "across") ||
         eq(gov, "throughout") || eq(gov, "through") || eq(gov, "around");
}

// The preposition governing a mention: the nearest word before it, skipping determiners.
// Its token index, or -1 if none (punctuation or the start of [lo, tb) comes first).
int governing_tok(const TokenBuf& t, int tb, int lo) {
  int k = tb - 1;
  // (and a count: "sanctions on three Sudanese generals", "on 12 Malian soldiers")
  auto skip = [&] {
    while (k >= lo && t[k].word &&
           (t[k].is(kGovSkip) || t[k].info->number > 0 || starts_with_digit(t[k])))
      --k;
  };
  skip();
  // (and a place noun and "of": "held in the town of Yevlakh" is held in Yevlakh)
  if (k > lo && t[k].word && eq(t[k].low, "of") && t[k - 1].word && t[k - 1].is(kPlaceNounOf)) {
    k -= 2;
    skip();
  }
  // (and a title of up to three capitalised words after a preposition: "a ceremony
  // witnessed by President Ferdinand Marcos Jr." is governed by "by")
  if (k >= lo && t.capitalized(static_cast<size_t>(k))) {
    int q = k;
    for (int words = 0; q >= lo && words < 3 && t.capitalized(static_cast<size_t>(q)); ++words) --q;
    while (q >= lo && t[q].word && t[q].is(kGovSkip)) --q;
    if (q >= lo && t[q].word && t[q].is(kPreposition) && !t.capitalized(static_cast<size_t>(q)))
      k = q;
  }
  if (k < lo || !t[k].word) return -1;
  return k;
}

// Whether mention m is the object of a finite verb of its clause (from clause_lo) that
// "and" before the trigger's verb at tb (after_coordinating_and) coordinates with it:
// "Sudan condemned Kenya and recalled its ambassador" (Kenya does not recall). Not after a
// verb of reporting or directing, whose object may act ("said Kenya ...", "urged Kenya
// ..."). So is a name after an auxiliary of that conjunct: "would seek talks with North
// Korea and would meet Donald Trump".
bool object_before_verb_conjunct(const TokenBuf& t, const Mention& m, int tb, int clause_lo) {
  if (!after_coordinating_and(t, tb, clause_lo)) return false;
  int and_tok = tb - 1;
  while (!eq(t[and_tok].low, "and")) --and_tok;
  if (m.te > and_tok || and_tok - m.te > 8) return false;
  const int g = governing_tok(t, m.tb, clause_lo);
  if (g >= clause_lo && t[g].word && finite_verb(t[g]) &&
      !t[g].is(kReportVerb | kDirectiveVerb | kAuxiliary | kBeForm))
    return true;
  return and_tok < tb - 1 &&  // "and would meet": an auxiliary conjunct after one
         std::any_of(t.begin() + clause_lo, t.begin() + m.tb,
                     [](const Tok& k) { return k.word && k.is(kAuxiliary) && !k.is(kBeForm); });
}

// Whether mention m is governed by the "on" of "blamed on" or the "to" of "attributed to"
// in its clause (from clause_lo): "an attack Iran blamed on Israel".
bool blamed_on(const TokenBuf& t, const Mention& m, int clause_lo) {
  const int g = governing_tok(t, m.tb, clause_lo);
  if (g <= clause_lo || !t[g].word || !t[g - 1].word) return false;
  const std::string_view verb = t[g - 1].low;
  if (eq(t[g].low, "on"))
    return eq(verb, "blamed") || eq(verb, "blames") || eq(verb, "blame") || eq(verb, "blaming");
  return eq(t[g].low, "to") && (eq(verb, "attributed") || eq(verb, "attributes"));
}

std::string_view governing_word(const TokenBuf& t, int tb, int lo) {
  const int k = governing_tok(t, tb, lo);
  return k < 0 ? std::string_view() : t[k].low;
}

// Whether mention m is the subject of a clause that a verb of reporting (kReportVerb) opens,
// with or without "that" (up to four words after the verb), before its finite verb or "of":
// "officials said Mali held the election", "confirmed on Monday that Abel Kessa of the
// ruling party won"; not after a relative clause's "that" ("the deal that Mali signed").
bool opens_reported_clause(const TokenBuf& t, const Mention& m, int lo) {
  if (!(m.te < static_cast<int>(t.size()) && t[m.te].word &&
        (finite_verb(t[m.te]) || eq(t[m.te].low, "of"))))
    return false;
  const int g = governing_tok(t, m.tb, lo);
  if (g < 0) return false;
  if (g == m.tb - 1 && t[g].is(kReportVerb)) return true;
  if (!eq(t[g].low, "that")) return false;
  // ("that" after a verb of reporting, up to four words between: "confirmed on Monday that")
  for (int k = g - 1, words = 0; k >= lo && t[k].word && words < 5; --k, ++words)
    if (t[k].is(kReportVerb)) return true;
  return false;
}

// The members' common label, or "*" (also for no members). A view into an entity.
std::string_view group_label(const Entity* const* begin, const Entity* const* end) {
  if (begin == end) return "*";
  std::string_view l = (*begin)->label;
  for (auto* p = begin; p != end; ++p)
    if ((*p)->label != l) return "*";
  return l;
}

std::string_view group_label(const std::vector<const Entity*>& ms) {
  return group_label(ms.data(), ms.data() + ms.size());
}

// An event mention's participant, made an EventParticipant once the mention is kept.
struct Part {
  const Entity* e;
  std::string_view role;  // a literal: actor | target | location | other
  uint32_t start, end;
};

// The per-document buffers of EventExtractor::Impl::run(), kept per thread: run()
// clears them and refills them for each document, their capacity reused, so that most
// documents allocate none of them. Nothing in them outlives a run but capacity (and
// stale entries that the next run overwrites before reading).
struct RunBuffers {
  std::vector<int> latest_of_type, previous_of_type;
  std::vector<std::pair<int, int>> last_mention;
  GroupMemory8 memory;
  TokenBuf toks;
  SentenceCtx ctx;
  std::vector<const Entity*> pool, grp, best;
  std::vector<Mention> mentions, pseudo;
  std::vector<Part> parts;
  // the actors of the sentence's latest verb trigger, and its clause (-1: none yet)
  std::vector<Part> verb_actors;
  int verb_actors_clause = -1;
  std::vector<Candidate> cands, accepted;
  TokenFacts facts;
  std::vector<int> active_patterns;
  // By group of the sentence's mentions (groups are runs of consecutive mentions): the
  // index of its first and last mention; and, for the trigger at hand, whether its last
  // name before the trigger reports it (-1: not asked yet).
  std::vector<int> group_first, group_last;
  std::vector<int8_t> group_reports;
};

// Set only by internal::events_trying_every_reference() (for tests): run() then tries
// every determiner, also those the head precheck skips.
thread_local bool try_every_reference = false;

}  // namespace

std::vector<Event> EventExtractor::Impl::run(std::string_view text, std::string_view lower,
                                             const std::vector<Sentence>& sentences,
                                             const TokenizedText* tt,
                                             const std::vector<Entity>& entities,
                                             const std::vector<Timex>& timexes) const {
  std::vector<Event> events;
  // This thread's buffers, every one cleared here before it is used.
  const internal::ThreadBuffers<RunBuffers> buffers(text.size());
  RunBuffers& b = buffers.get();
  const bool every_reference = try_every_reference;
  // Per type: its latest event (index into events), or -1; per event: the previous
  // event of its type, or -1. Following the links visits a type's events newest first.
  std::vector<int>& latest_of_type = b.latest_of_type;
  latest_of_type.assign(types.size(), -1);
  std::vector<int>& previous_of_type = b.previous_of_type;
  previous_of_type.clear();
  // Per event: sentence and clause of its latest mention. Several triggers of one clause
  // ("signed a trade deal") are one mention.
  std::vector<std::pair<int, int>>& last_mention = b.last_mention;
  last_mention.clear();
  GroupMemory8& memory = b.memory;  // recent coordinated groups
  memory.clear();
  const Entity* last_org = nullptr;
  int last_org_sentence = -1000;

  // `lower`: the text lower-cased once (ASCII letters; same length; padded, see
  // extract()): tokens' `low` views into it.
  // Per-sentence buffers, reused.
  TokenBuf& toks = b.toks;
  toks.clear();
  toks.set_text(text.data());
  SentenceCtx& ctx = b.ctx;
  ctx.text = text;
  ctx.toks = &toks;
  // Mentions' members: ranges of one pool for the whole document (it only grows).
  std::vector<const Entity*>& pool = b.pool;
  pool.clear();
  pool.reserve(entities.size() + 16);
  auto first = [&](const Mention& m) { return pool[m.mb]; };
  std::vector<Mention>& mentions = b.mentions;
  std::vector<Mention>& pseudo = b.pseudo;
  std::vector<const Entity*>& grp = b.grp;  // scratch for the group searches
  std::vector<const Entity*>& best = b.best;
  // An event mention's participants, made EventParticipants once the mention is kept.
  std::vector<Part>& parts = b.parts;
  // Appends p to `to` as an EventParticipant, its strings copied into the new
  // element's own (no temporary moved in: that copies short strings twice).
  auto add_participant = [](std::vector<EventParticipant>& to, const Part& p) {
    EventParticipant& ep = to.emplace_back();
    ep.id.append(p.e->id);
    ep.name.append(p.e->name);
    ep.label.append(p.e->label);
    ep.role.append(p.role);
    ep.start = p.start;
    ep.end = p.end;
  };
  std::vector<Candidate>& cands = b.cands;
  std::vector<Candidate>& accepted = b.accepted;
  std::vector<Part>& verb_actors = b.verb_actors;

  TokenFacts& facts = b.facts;
  if (pattern_filter) facts.memo.use(*pattern_filter);
  // Per sentence: the pattern triggers that may match in it.
  std::vector<int>& active_patterns = b.active_patterns;
  // The per-sentence buffers are allocated once for the document: those indexed by
  // token for its longest sentence (at most a token per byte), the others for the
  // few items a news sentence has (they grow past that as they need).
  uint32_t longest = 0;
  for (const Sentence& sent : sentences) longest = std::max(longest, sent.end - sent.start);
  const size_t max_tokens = std::min<size_t>(longest, text.size()) + 1;
  toks.room(max_tokens);
  ctx.word_ord.resize(max_tokens + 1);
  ctx.clause.resize(max_tokens);
  ctx.next_relative.resize(max_tokens + 1);
  ctx.next_complement.resize(max_tokens + 1);
  ctx.next_conjunct.resize(max_tokens + 1);
  ctx.next_when.resize(max_tokens + 1);
  ctx.next_condition.resize(max_tokens + 1);
  ctx.noun_trigger_ending.resize(max_tokens + 1);
  ctx.trigger_ending.resize(max_tokens + 1);
  constexpr size_t kFew = 16;
  for (auto* v : {&mentions, &pseudo}) v->reserve(kFew);
  for (auto* v : {&cands, &accepted}) v->reserve(kFew);
  for (auto* v : {&facts.trigger_starts, &facts.ref_starts}) v->reserve(kFew);

  size_t ei = 0, ti = 0;
  // Whether the sentence before this one, and this one so far, held a kBeforeWord.
  bool before_word_before = false, before_word_here = false;
  // The person that opens the sentence before this one, and this one, as its subject (up to
  // three capitalised words before it, a title's): whom "him" or "her" in the next sentence
  // stands for when that sentence names no person before it.
  const Entity* subject_before = nullptr;
  const Entity* subject_here = nullptr;
  for (size_t si = 0; si < sentences.size(); ++si) {
    const Sentence& sent = sentences[si];
    before_word_before = before_word_here;
    before_word_here = false;
    subject_before = subject_here;
    subject_here = nullptr;
    const uint32_t sent_b = std::min<uint32_t>(sent.start, static_cast<uint32_t>(text.size()));
    const uint32_t sent_e = std::min<uint32_t>(sent.end, static_cast<uint32_t>(text.size()));
    const int sidx = static_cast<int>(si);
    // The segmenter's tokens of the sentence, handed out piece by piece.
    const Token* seg = tt ? tt->tokens.data() + tt->first_token_of_sentence[si] : nullptr;
    const Token* const seg_end =
        tt ? tt->tokens.data() + tt->first_token_of_sentence[si + 1] : nullptr;
    // The sentence in pieces (event_piece_end): a piece's work grows with its triggers
    // times its names, which one sentence of 100 KB without a full stop would make
    // quadratic. A news sentence is one piece.
    for (uint32_t sb = sent_b, se = 0; sb < sent_e; sb = se) {
      se = event_piece_end(text, sb, sent_e);
      const Token* const piece_seg = seg;
      while (seg != seg_end && seg->start < se) ++seg;

      // Entities and timexes of this sentence (both sorted by start).
      while (ei < entities.size() && entities[ei].start < sb) ++ei;
      size_t e_begin = ei;
      while (ei < entities.size() && entities[ei].start < se) ++ei;
      size_t e_end = ei;
      while (ti < timexes.size() && timexes[ti].start < sb) ++ti;
      size_t t_begin = ti;
      while (ti < timexes.size() && timexes[ti].start < se) ++ti;
      size_t t_end = ti;

      if (tt) {
        tokenize_with(text, lower, sb, se, piece_seg, seg, words, pattern_filter.get(), &toks,
                      &facts);
      } else {
        tokenize(text, lower, sb, se, words, pattern_filter.get(), &toks, &facts);
      }
      if (toks.empty() || links_to_another_story(toks)) continue;
      const int dateline = dateline_tokens(text, toks);

      // ---- mentions: entities of the sentence, but a dateline's
      mentions.clear();
      // token_at / token_end_at by walking: entities come sorted by start, so the first
      // token ending after an entity's start only moves forward, and the tokens before it
      // all start before the entity's end. A sentinel token past the last one (start and
      // end beyond every byte offset of the text) ends both walks.
      new (toks.room(1)) Tok{UINT32_MAX, UINT32_MAX, false, 0, kNoWord, &kUnknownWord, {}};
      const Tok* const tok0 = toks.begin();
      const Tok* walk = tok0;
      const int ntoks = static_cast<int>(toks.size());
      for (size_t k = e_begin; k < e_end; ++k) {
        const Entity& e = entities[k];
        if (e.end > se || e.end <= e.start || e.id.empty()) continue;
        Mention m;
        m.start = e.start;
        m.end = e.end;
        if (walk > tok0 && walk[-1].end > e.start) walk = tok0;  // not sorted after all
        while (walk->end <= e.start) ++walk;
        m.tb = static_cast<int>(walk - tok0);  // == token_at(toks, e.start)
        const Tok* te = walk;
        while (te->start < e.end) ++te;  // == token_end_at(toks, e.end)
        m.te = std::max(m.tb + 1, static_cast<int>(te - tok0));
        if (m.tb >= ntoks || m.te <= dateline) continue;
        m.mb = static_cast<uint32_t>(pool.size());
        pool.push_back(&e);
        m.me = m.mb + 1;
        m.label = e.label;
        mentions.emplace_back(m);
      }
      // Appends `ms` to the pool as the members of `m`.
      auto set_members = [&](Mention& m, const std::vector<const Entity*>& ms) {
        m.mb = static_cast<uint32_t>(pool.size());
        pool.insert(pool.end(), ms.begin(), ms.end());
        m.me = static_cast<uint32_t>(pool.size());
      };
      // Appends the members of the mentions of group g to `out`.
      auto add_group_members = [&](int g, std::vector<const Entity*>& out) {
        for (auto& mm : mentions)
          if (mm.group == g) out.insert(out.end(), pool.begin() + mm.mb, pool.begin() + mm.me);
      };

      // Whether mention a is a country's name or demonym before the title of the person b
      // ("Chadian President Abel Kessa", "U.S. President Joe Biden"): up to three
      // capitalised words between, and abbreviations' stops.
      auto titled_by_country = [&](const Mention& a, const Mention& b) {
        if (!eq(b.label, "PERSON") || b.tb <= a.te || b.tb - a.te > 4 || a.size() != 1 ||
            !eq(pool[a.mb]->label, "COUNTRY"))
          return false;
        for (int q = a.te; q < b.tb; ++q) {
          const Tok& tk = toks[q];
          const char first = text[tk.start];
          if (tk.word ? !(first >= 'A' && first <= 'Z') : tk.punct != '.') return false;
        }
        return true;
      };
      // Coordination groups: mentions separated only by commas, "and", "or", "as well as"
      // (after a country's possessive and its body: "Colombia's government and the ELN");
      // a country and the person it titles ("Chadian President Abel Kessa and Libyan
      // President Joe Varno": one group).
      auto assign_groups = [&](std::vector<Mention>& ms) {
        int g = 0;
        for (size_t k = 0; k < ms.size(); ++k) {
          if (k == 0) {
            ms[k].group = g;
            continue;
          }
          bool coord = ms[k].tb >= ms[k - 1].te;
          bool sep = false;
          // (a country's body between: "Colombia's government and the ELN")
          int from = ms[k - 1].te;
          if (possessive_at(toks, from) && from + 2 < ms[k].tb && toks[from + 2].word) {
            const std::string_view body = toks[from + 2].low;
            if (eq(body, "government") || eq(body, "army") || eq(body, "military") ||
                eq(body, "forces") || eq(body, "troops") || eq(body, "police") ||
                eq(body, "authorities") || eq(body, "junta"))
              from += 3;
          }
          // (not the subject of a conjunct of its own after the first name of no list: "aid
          // to Sudan, and the African Union suspended ...", but "Mali, Chad, and Guinea
          // signed")
          const bool list_before = k >= 2 && ms[k - 2].group == ms[k - 1].group;
          for (int q = from; coord && q < ms[k].tb; ++q) {
            const Tok& tk = toks[q];
            if (tk.word) {
              if (!tk.is(kGlue)) coord = false;
              if (eq(tk.low, "and") || eq(tk.low, "or") || eq(tk.low, "nor")) sep = true;
              if (!list_before && eq(tk.low, "and") &&
                  opens_verb_conjunct(toks.begin(), static_cast<size_t>(q), toks.size()))
                coord = false;
            } else if (tk.punct == ',') {
              sep = true;
            } else if (tk.punct != 'o' || text.substr(tk.start, tk.end - tk.start) != "&") {
              coord = false;
            } else {
              sep = true;
            }
          }
          // (nor a name after "and" alone with a past form of its own right after it, where
          // the name before follows a preposition after a finite verb: "ECOWAS imposed
          // sanctions on Niamey and Benin closed its border"; but "attacks on Mali and Niger
          // killed 30")
          if (coord && sep && ms[k].tb == ms[k - 1].te + 1 && eq(toks[ms[k - 1].te].low, "and") &&
              ms[k].te < static_cast<int>(toks.size()) && toks[ms[k].te].word &&
              finite_verb(toks[ms[k].te]) && !toks[ms[k].te].is(kAuxiliary)) {
            int q = ms[k - 1].tb - 1;
            // (not after a word of ties or backing right before the preposition: "Jihadists
            // linked to al Qaeda and Islamic State killed", "rebels backed by Chad and Libya
            // captured": a participle, no finite verb)
            static constexpr std::string_view kTies[] = {"linked", "tied", "connected", "allied",
                                                         "aligned", "affiliated", "loyal"};
            const bool ties = q >= 1 && toks[q - 1].word &&
                              (toks[q - 1].is(kBackerWord) ||
                               std::find(std::begin(kTies), std::end(kTies), toks[q - 1].low) !=
                                   std::end(kTies));
            if (q >= 0 && toks[q].word && toks[q].is(kPreposition) && !ties) {
              const int lowest = std::max(0, q - 12);
              for (--q; q >= lowest && toks[q].word && coord; --q)
                if (finite_verb(toks[q])) coord = false;
            }
          }
          // (a name after a compound of backing whose first part is the name before, is
          // in that one's group: "between Israel and Iran-backed Hezbollah"; the backer
          // itself takes no part, see add())
          const int hyphen = ms[k - 1].te;
          const bool after_backer =
              ms[k].tb == hyphen + 2 && !toks[hyphen].word && toks[hyphen].punct == '-' &&
              toks[hyphen].start == toks[hyphen - 1].end && toks[hyphen + 1].word &&
              toks[hyphen + 1].is(kBackerWord) && toks[hyphen + 1].start == toks[hyphen].end;
          if (!(coord && sep) && !titled_by_country(ms[k - 1], ms[k]) && !after_backer) ++g;
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
          if (!named_by_demonyms(m, pool)) return true;
        }
        return false;
      };
      auto mention_starts_at = [&](int tok) {
        for (auto& m : mentions)
          if (m.tb == tok) return true;
        return false;
      };
      // Sets `best` to the members of group g (of common label gl) that a collective head
      // of label `want` ("*" any) and `count` (0 any) refers to: all of them, or those of
      // that label in a group of several ("Chinese President Xi Jinping and U.S.
      // President Joe Biden ... The two leaders": the two people).
      auto take_members = [&](const std::vector<const Entity*>& g, std::string_view gl,
                              std::string_view want, int count) {
        if (eq(want, "*") || gl == want) {
          if (count == 0 || static_cast<int>(g.size()) == count) best = g;
          return;
        }
        if (!eq(gl, "*")) return;
        best.clear();
        for (const Entity* e : g)
          if (e->label == want) best.push_back(e);
        if (best.size() < 2 || (count != 0 && static_cast<int>(best.size()) != count)) best.clear();
      };
      // A pseudo mention of toks[tb, te) that stands for one entity.
      auto add_reference = [&](int tb, int te, const Entity* ante, std::string_view label) {
        Mention m;
        m.tb = tb;
        m.te = te;
        m.start = toks[tb].start;
        m.end = toks[te - 1].end;
        m.mb = static_cast<uint32_t>(pool.size());
        pool.push_back(ante);
        m.me = m.mb + 1;
        m.label = label;
        m.pseudo = true;
        pseudo.push_back(m);
      };
      pseudo.clear();
      int next_ref = 0;  // tokens before it belong to an earlier pseudo mention
      for (const int k : facts.ref_starts) {
        if (k < next_ref) continue;
        const Tok& tk = toks[k];
        if (eq(tk.low, "he") || eq(tk.low, "she")) {
          if (const Entity* ante = pronoun_antecedent(toks, mentions, pool, k))
            add_reference(k, k + 1, ante, "PERSON");
          continue;
        }
        // "they" / "them" right after a group.
        if (eq(tk.low, "they") || eq(tk.low, "them")) {
          Mention m;
          m.tb = k;
          m.te = k + 1;
          m.start = tk.start;
          m.end = tk.end;
          // Most recent group within the uncounted window (this sentence's groups first).
          best.clear();
          for (int q = static_cast<int>(mentions.size()) - 1; q >= 0 && best.empty(); --q) {
            if (mentions[q].te > k) continue;
            grp.clear();
            add_group_members(mentions[q].group, grp);
            if (grp.size() >= 2) best = grp;
            break;
          }
          // Otherwise a recent group, preferring one that was a subject ("The three countries
          // have ... . They ...").
          for (int pass = 0; pass < 2 && best.empty(); ++pass)
            for (size_t r = 0; r < memory.size(); ++r) {
              const GroupMemory& gm = memory.newest(r);
              if (sidx - gm.sentence > std::min(window_uncounted, 1)) break;
              if (pass == 0 && !gm.subject) continue;
              best = gm.members;
              break;
            }
          if (!best.empty()) {
            set_members(m, best);
            m.label = group_label(best);
            m.pseudo = true;
            pseudo.push_back(m);
          }
          continue;
        }
        bool coll_det = tk.is(kCollDet);
        bool ana_det = eq(tk.low, "this") || eq(tk.low, "that") || eq(tk.low, "the");
        if (!coll_det && !ana_det) continue;
        // What the determiner may start, by its heads: a collective reference needs a
        // collective head among the next five tokens, all words (det [number] [up to 3
        // modifiers] head), an ORG anaphor an ORG anaphor head (this/that/the [up to 2
        // modifiers] head). A determiner without either starts nothing: the checks below
        // are asked only then (the same answers; most "the" end here).
        bool coll_head = false;
        for (int q = k + 1; coll_det && q <= k + 5 && q < static_cast<int>(toks.size()); ++q) {
          if (!toks[q].word) break;
          coll_head = coll_head || toks[q].info->collective >= 0;
        }
        int head = k + 1;
        while (head < static_cast<int>(toks.size()) && head - k <= 2 && toks[head].word &&
               toks[head].is(kAnaphorMod))
          ++head;
        const bool org_head = ana_det && head < static_cast<int>(toks.size()) && toks[head].word &&
                              toks[head].is(kOrgAnaphor);
        if (!coll_head && !org_head && !every_reference) continue;
        if (overlaps_real(k, k + 1)) continue;
        // Collective: det [number] [up to 3 modifiers] head
        int q = k + 1;
        int count = 0;
        if (q < static_cast<int>(toks.size()) && toks[q].word && toks[q].info->number) {
          count = toks[q].info->number;
          ++q;
        }
        if (eq(tk.low, "both")) count = 2;
        bool matched = false;
        if (coll_det) {
          for (int mods = 0; mods <= 3 && q + mods < static_cast<int>(toks.size()); ++mods) {
            const Tok& h = toks[q + mods];
            if (!h.word) break;
            if (h.info->collective >= 0) {
              int end_tok = q + mods + 1;
              // "the nations of Mali, Niger ..." names them itself.
              if (end_tok < static_cast<int>(toks.size()) && toks[end_tok].word &&
                  eq(toks[end_tok].low, "of"))
                break;
              if (overlaps_real_name(k, end_tok)) break;
              const std::string& want = collective_labels[static_cast<size_t>(h.info->collective)];
              // A head of any label takes no modifier: "the parties", "both sides", but not
              // "all political parties", parties of their own.
              if (mods > 0 && eq(want, "*")) break;
              int window = count ? window_counted : window_uncounted;
              best.clear();
              // Groups of this sentence ending before the phrase, newest first.
              for (int g = mentions.empty() ? -1 : mentions.back().group; g >= 0 && best.empty(); --g) {
                grp.clear();
                bool before = true;
                for (auto& mm : mentions)
                  if (mm.group == g) {
                    if (mm.te > k) before = false;
                    grp.insert(grp.end(), pool.begin() + mm.mb, pool.begin() + mm.me);
                  }
                if (!before || grp.size() < 2) continue;
                take_members(grp, group_label(grp), want, count);
              }
              for (size_t r = 0; best.empty() && r < memory.size(); ++r) {
                const GroupMemory& gm = memory.newest(r);
                if (sidx - gm.sentence > window) break;
                take_members(gm.members, gm.label, want, count);
              }
              if (!best.empty()) {
                Mention m;
                m.tb = k;
                m.te = end_tok;
                m.start = tk.start;
                m.end = toks[end_tok - 1].end;
                set_members(m, best);
                m.label = group_label(best);
                m.pseudo = true;
                pseudo.push_back(m);
                matched = true;
                next_ref = end_tok;
              }
              break;
            }
            if (h.is(kModStop) || overlaps_real_name(q + mods, q + mods + 1)) break;
          }
        }
        if (matched || !ana_det || count) continue;
        // ORG anaphor: this/that/the [modifiers] head
        if (!org_head) continue;
        if (overlaps_real(k, head + 1)) continue;
        if (head + 1 < static_cast<int>(toks.size()) &&
            ((toks[head + 1].word && eq(toks[head + 1].low, "of")) || mention_starts_at(head + 1)))
          continue;
        const Entity* ante = nullptr;
        for (auto& mm : mentions)
          if (mm.te <= k && mm.size() == 1 && eq(first(mm)->label, "ORG") && !news_source(toks, mm))
            ante = first(mm);
        if (!ante && last_org && sidx - last_org_sentence <= anaphor_window) ante = last_org;
        if (!ante) continue;
        add_reference(k, head + 1, ante, "ORG");
        next_ref = head + 1;
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
        mentions.insert(mentions.end(), pseudo.begin(), pseudo.end());
        std::sort(mentions.begin(), mentions.end(),
                  [](const Mention& a, const Mention& b) { return a.start < b.start; });
        assign_groups(mentions);
      }

      if (sb == sent_b && !mentions.empty() && eq(mentions[0].label, "PERSON") &&
          !mentions[0].pseudo && mentions[0].size() == 1 && mentions[0].tb <= 3) {
        bool titled = true;
        for (int q = 0; q < mentions[0].tb && titled; ++q)
          titled = toks.capitalized(static_cast<size_t>(q));
        if (titled) subject_here = pool[mentions[0].mb];
      }

      // ---- trigger candidates
      cands.clear();
      before_word_here = before_word_here || facts.before_word;
      auto check_context = [&](const TriggerDef& d, int tb, int te) {
        // (a phrase with a gap holds its object in the gap: "fired tear gas at")
        if (!d.not_after.empty() && tb > 0 && toks[tb - 1].word &&
            std::binary_search(d.not_after.begin(), d.not_after.end(), toks[tb - 1].wid))
          return false;
        const int object = d.kind == Kind::Phrase && d.gap > 0 ? tb + 1 : te;
        if (!d.excludes_object.empty() && object < static_cast<int>(toks.size())) {
          int q = object;
          // a noun's object after "on" or "against": "an attack on its sovereignty"
          if (toks[q].word && (toks[q].low == "on" || toks[q].low == "against") &&
              q + 1 < static_cast<int>(toks.size()))
            ++q;
          if (toks[q].word && toks[q].is(kDeterminer) && q + 1 < static_cast<int>(toks.size()))
            ++q;
          if (toks[q].word && toks[q].is(kWindowWord) &&
              std::binary_search(d.excludes_object.begin(), d.excludes_object.end(),
                                 toks[q].wid))
            return false;
        }
        // Whether one of the trigger's "excludes_before" words stands before token tb in this
        // sentence's piece.
        auto excluded_word_before = [&] {
          if (!before_word_here) return false;
          for (int q = tb - 1; q >= 0; --q)
            if (toks[q].word && toks[q].is(kBeforeWord) &&
                std::find(d.excludes_before.begin(), d.excludes_before.end(), toks[q].low) !=
                    d.excludes_before.end())
              return true;
          return false;
        };
        // A passive form without its agent after a sentence, or earlier words of its own,
        // that named what caused it: "Cyclone Delara made landfall ... At least 23 people were
        // killed in Mozambique", "The cyclone then made landfall in Mozambique, where at least
        // 34 people were killed"
        if (!d.excludes_before.empty() && tb > 0 && toks[tb - 1].word && toks[tb - 1].is(kBeForm) &&
            !(te < static_cast<int>(toks.size()) && toks[te].word && toks[te].low == "by") &&
            ((before_word_before &&
              holds_word(lower, sentences[static_cast<size_t>(sidx) - 1], d.excludes_before)) ||
             excluded_word_before()))
          return false;
        // An -ing form after a comma tells what the clause before it did: none when that
        // clause, in this sentence, holds one of those words ("A passenger plane skidded off
        // a runway and crashed into a wall at the airport on Sunday, killing 179 people").
        if (!d.excludes_before.empty() && tb > 1 && toks[tb - 1].punct == ',' &&
            is_ing_word(toks[tb]) && excluded_word_before())
          return false;
        if (d.excludes.empty() && !d.has_requires) return true;  // no window to look at
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
        // Whether a word of the window (outside the trigger) is one of `ids` (sorted).
        auto in_window = [&](const std::vector<uint32_t>& ids) {
          for (int q = lo; q < hi; ++q) {
            if (q >= tb && q < te) continue;
            if (toks[q].is(kWindowWord) && std::binary_search(ids.begin(), ids.end(), toks[q].wid))
              return true;
          }
          return false;
        };
        if (!d.excludes.empty() && in_window(d.excludes)) return false;
        if (!d.has_requires) return true;
        if (!d.requires_words.empty() && in_window(d.requires_words)) return true;
        // A verb's required subject before a participle phrase that the window does not
        // reach ("Indian soldiers stationed in the Maldives left", "Russian peacekeepers,
        // deployed after a Moscow-brokered ceasefire in November 2020, withdrew"): up to
        // twelve words back, no finite verb between.
        if (d.kind == Kind::Verb && !d.requires_words.empty()) {
          for (int q = tb - 1, words = 0; q > 0 && words < 12; --q) {
            if (!toks[q].word) {
              if (toks[q].punct != ',' && toks[q].punct != '-') break;
              continue;
            }
            ++words;
            if (ends_in_ed(toks[q].low) && q + 1 < tb && toks[q + 1].word &&
                toks[q + 1].is(kPreposition)) {
              int subject = q - 1;
              if (subject > 0 && !toks[subject].word && toks[subject].punct == ',') --subject;
              if (toks[subject].word && toks[subject].is(kWindowWord) &&
                  std::binary_search(d.requires_words.begin(), d.requires_words.end(),
                                     toks[subject].wid))
                return true;
            }
            if (finite_verb(toks[q]) && !ends_in_ed(toks[q].low)) break;
          }
        }
        for (auto& lab : d.requires_labels)
          for (auto& m : mentions)
            if (m.label == lab && m.te > lo && m.tb < hi && !(m.tb >= tb && m.te <= te)) return true;
        return false;
      };
      for (const int k : facts.trigger_starts) {
        // A verb joined by a hyphen to the word before makes an adjective ("a bomb-hit
        // embassy", "rebel-held towns"): it reports no event of its own.
        const bool compound = k >= 2 && toks[k - 1].punct == '-' && toks[k - 2].word &&
                              toks[k - 1].start == toks[k - 2].end &&
                              toks[k].start == toks[k - 1].end;
        // A past form after a determiner, a possessive ('s) or a preposition, with at most two adverbs in -ly or
        // superlatives between ("the elected officials", "Africa's youngest elected leader",
        // "a democratically elected government"), and before a word that is no number,
        // preposition, determiner or auxiliary, is an adjective: it reports no event either
        // ("Faye was elected president", "voters elected Faye", "soldiers recently killed
        // civilians", "was newly elected in 2019" still do).
        auto attributive = [&] {
          if (k + 1 >= static_cast<int>(toks.size())) return false;
          const Tok& next = toks[k + 1];
          if (!next.word || starts_with_digit(next) ||
              next.is(kPreposition | kDeterminer | kBeForm | kConjunction | kNpStop))
            return false;
          int q = k - 1;
          auto modifier = [&](std::string_view w) {
            auto ends = [w](std::string_view suffix) {
              return w.size() > suffix.size() + 2 && w.substr(w.size() - suffix.size()) == suffix;
            };
            return ends("ly") || ends("est");
          };
          int skipped = 0;
          for (; skipped < 2 && q >= 0 && toks[q].word && modifier(toks[q].low); ++skipped) --q;
          // (Not "that": after a noun it opens a relative clause, "the bullet that killed him".)
          // So after a preposition but "to": "backed by jailed former prime minister Imran Khan",
          // and after an adverb that follows another verb's past form or participle in -ing:
          // "ousting democratically elected President Roch Kabore" (not "was newly elected",
          // nor after "since" as an adverb: "has since attacked convoys").
          return q >= 0 && toks[q].word &&
                 ((toks[q].is(kDeterminer) && toks[q].low != "that") ||
                  (toks[q].is(kPreposition) && toks[q].low != "to" && !adverb_since(toks, q)) ||
                  (skipped > 0 && (ends_in_ed(toks[q].low) || is_ing_word(toks[q])) &&
                   !toks[q].is(kBeForm | kAuxiliary)));
        };
        for (const FormRef& fr : toks[k].info->forms) {
          const TriggerDef& d = triggers[fr.trigger];
          if (compound && d.kind == Kind::Verb) continue;
          if (d.kind == Kind::Verb && fr.participle && attributive()) continue;
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
      active_patterns.clear();
      if (pattern_filter) {
        if (facts.ascii_fold) {
          active_patterns = pattern_triggers;
        } else {
          for (size_t h = 0; h < pattern_triggers.size(); ++h)
            if (pattern_filter->possible(h, facts.atoms)) active_patterns.push_back(pattern_triggers[h]);
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
        const size_t groups = mentions.empty() ? 0 : static_cast<size_t>(mentions.back().group) + 1;
        b.group_first.assign(groups, -1);
        b.group_last.assign(groups, -1);
        for (int i = 0; i < static_cast<int>(mentions.size()); ++i) {
          const auto g = static_cast<size_t>(mentions[i].group);
          if (b.group_first[g] < 0) b.group_first[g] = i;
          b.group_last[g] = i;
        }
        compute_clauses(ctx);
        std::fill_n(ctx.noun_trigger_ending.begin(), toks.size() + 1, -1);
        std::fill_n(ctx.trigger_ending.begin(), toks.size() + 1, -1);
        for (size_t k = 0; k < accepted.size(); ++k) {
          ctx.trigger_ending[accepted[k].te] = static_cast<int>(k);
          if (triggers[accepted[k].trigger].kind == Kind::Noun)
            ctx.noun_trigger_ending[accepted[k].te] = static_cast<int>(k);
        }
      }

      // ---- one event mention per trigger
      b.verb_actors_clause = -1;
      for (const Candidate& c : accepted) {
        const TriggerDef& d = triggers[c.trigger];
        const TypeDef& td = types[d.type];
        int tc = ctx.clause[c.tb];
        int clause_lo = c.tb;
        while (clause_lo > 0 && ctx.clause[clause_lo - 1] == tc) --clause_lo;

        bool verb_form = d.kind == Kind::Verb || (d.kind == Kind::Phrase && d.inflect);
        // (a noun's form right after a modal is the verb: "Israel would strike Hezbollah")
        if (d.kind == Kind::Noun && c.tb > 0 && toks[c.tb - 1].word && is_modal(toks[c.tb - 1]))
          verb_form = true;
        // (and so is its "-s" form between two names, as in a headline: "India strikes
        // Pakistan"; a noun would take "on")
        if (d.kind == Kind::Noun && c.te == c.tb + 1 && toks[c.tb].low.back() == 's' &&
            std::any_of(mentions.begin(), mentions.end(),
                        [&](const Mention& m) { return m.te == c.tb && !possessive_at(toks, m.te); }) &&
            std::any_of(mentions.begin(), mentions.end(),
                        [&](const Mention& m) { return m.tb == c.te; }))
          verb_form = true;
        bool nominal = !verb_form;
        if (verb_form) {
          // (a year between: "the 2019 overthrow of Omar al-Bashir")
          int det = c.tb - 1;
          if (det > 0 && starts_with_digit(toks[det])) --det;
          if (det >= 0 && toks[det].word && toks[det].is(kDeterminer)) nominal = true;
          if (c.ing && c.te < static_cast<int>(toks.size()) && toks[c.te].word && eq(toks[c.te].low, "of"))
            nominal = true;
          // a plural or bare form in a prepositional phrase other than an infinitive's "to":
          // "resigned after weeks of deadly protests" (not "vowed to attack", nor the
          // gerund of "after attacking"); not a symmetric type's, whose phrase the subject
          // often takes part in ("on a visit to Mexico", "after talks with Macron")
          if (!c.ing && !c.participle && !td.symmetric) {
            const int prep = preposition_before(toks, c.tb, clause_lo);
            nominal = nominal || (prep >= 0 && std::none_of(mentions.begin(), mentions.end(),
                                                [&](const Mention& m) {
                                                  return m.tb > prep && m.te <= c.tb;
                                                }));
            // (a name between a preposition of time and the form is its subject, "after
            // Russia attacks Ukraine", unless no object follows: "after Kashmir attack;",
            // "after Hamas attack on Israel")
            const bool no_object = c.te >= static_cast<int>(toks.size()) || !toks[c.te].word ||
                                   toks[c.te].is(kPreposition | kNpStop);
            nominal = nominal ||
                      (no_object && std::any_of(mentions.begin(), mentions.end(), [&](const Mention& m) {
                         return m.te == c.tb && m.tb > 0 && toks[m.tb - 1].word &&
                                toks[m.tb - 1].is(kTimePreposition);
                       }));
            // (and a bare form right after one is a noun: "hands Duterte to ICC after arrest")
            nominal = nominal || (c.tb > clause_lo && toks[c.tb - 1].word &&
                                  toks[c.tb - 1].is(kTimePreposition));
            // the object of a past form: "carried out attacks", "staged protests"
            nominal = nominal || (c.te == c.tb + 1 && toks[c.tb].low.back() == 's' &&
                                  object_of_past_form(toks, c.tb, clause_lo));
          }
          // the object of a verb of reaction, cause or survival, up to two words between:
          // "condemned attacks on", "sparked deadly protests", "survived a knife attack"
          for (int q = c.tb - 1, words = 0; !nominal && q >= clause_lo && toks[q].word && words < 3;
               --q, ++words) {
            if (toks[q].is(kReaction)) nominal = true;
            if (toks[q].is(kPreposition | kNpStop)) break;
          }
        }
        // (the subject of a verb of undergoing before an event done to someone, whose
        // demonym acts, undergoes it: "Iran faces new sanctions"; not "Kessa faces a runoff
        // election", nor "Kessa expects talks with Obi")
        const bool survived = survived_before(toks, c.tb, clause_lo,
                                              td.demonym_acts && !td.symmetric ? uint64_t{kUndergoVerb} : 0);
        bool defeated_object = false;  // "defeated Gerald Ford in the 1976 election" (below)
        int condition_cut = -1;        // where a condition's clause opens (below); -1: not asked
        // where a verb's conjunct after "and" and a past form opens (past_conjunct_after(),
        // asked once per trigger, below); its names are not the trigger's; -1: not asked
        int past_conjunct = -1;
        nominal = nominal || survived;
        bool passive = false;
        bool be_passive = false;  // a passive after a form of "be" (not a reduced relative)
        if (verb_form && !nominal && c.participle) {
          int words = 0;
          // (one word more after "and": "was formally arrested and jailed")
          const int window = c.tb > 0 && toks[c.tb - 1].word && eq(toks[c.tb - 1].low, "and") ? 4 : 3;
          for (int q = c.tb - 1; q >= clause_lo && words < window; --q) {
            if (!toks[q].word) break;
            ++words;
            if (toks[q].is(kBeForm)) {
              passive = be_passive = true;
              break;
            }
          }
          // (and after "and" past an earlier passive's complements, when no object follows:
          // "was arrested on Monday and charged with spying"; not "was elected in May and
          // arrested his rival")
          if (!passive && window == 4 && after_passive_conjunct(toks, c.tb - 1, clause_lo) &&
              !(c.te < static_cast<int>(toks.size()) && toks[c.te].word &&
                (toks[c.te].is(kDeterminer | kPronoun | kPossessivePronoun) ||
                 toks.capitalized(static_cast<size_t>(c.te)))))
            passive = be_passive = true;
          // Reduced relative: "The agreement, signed on Saturday", "This force, supported by
          // France and launched in 2017"; but after an aside between commas, a past form
          // followed by its object is the subject's own verb ("Niger, also ruled by a
          // junta, left ECOWAS", "Niger, which left the bloc, signed a pact"; not "the pact,
          // signed in Accra"). A relative clause's comma stands just before its clause.
          if (!passive && c.tb > clause_lo) {
            const Tok& pv = toks[c.tb - 1];
            if (!pv.word && pv.punct == ',') {
              int q = c.tb - 2;
              while (q >= clause_lo && toks[q].punct != ',') --q;
              const bool after_aside = q >= clause_lo || (ctx.clause_kinds[tc].relative && clause_lo > 0 &&
                                                          toks[clause_lo - 1].punct == ',');
              // (a phrase's words after its verb hold the object: "recalled its ambassador")
              const bool object_follows = (d.kind == Kind::Phrase && c.te > c.tb + 1) ||
                                          (c.te < static_cast<int>(toks.size()) &&
                                           toks[c.te].word && !toks[c.te].is(kPreposition));
              passive = !(after_aside && object_follows);
            }
            if (pv.word && eq(pv.low, "and")) {
              int q = c.tb - 2;
              while (q >= clause_lo && (toks[q].word || toks[q].punct == '-')) --q;
              if (q >= clause_lo && toks[q].punct == ',' && q + 1 < c.tb - 1 && toks[q + 1].word) {
                std::string_view w = toks[q + 1].low;
                passive = ends_in_ed(w);
              }
            }
            // ... and right after a plural noun before "by", or after a counted one before "in"
            // or "during" ("civilians wounded by shelling", "among 13 foreign soldiers killed
            // in the fighting"; not "strikes killed at least 20 people", "gunmen attacked in
            // the night")
            if (pv.word && pv.low.size() > 3 && pv.low.back() == 's' &&
                !pv.is(kBeForm | kAuxiliary | kDeterminer | kPronoun) &&
                c.te < static_cast<int>(toks.size()) && toks[c.te].word) {
              const std::string_view next = toks[c.te].low;
              const bool counted = (c.tb >= 2 && starts_with_digit(toks[c.tb - 2])) ||
                                   (c.tb >= 3 && starts_with_digit(toks[c.tb - 3]));
              passive = eq(next, "by") || (counted && (eq(next, "in") || eq(next, "during")));
            }
            // ... and after a noun phrase that follows a preposition or a verb, so is no
            // subject, before a preposition ("in exchange for an Iranian woman detained in
            // France"; not "Chadian troops attacked in Dori")
            if (!passive && pv.word && c.te < static_cast<int>(toks.size()) && toks[c.te].word &&
                toks[c.te].is(kPreposition) && object_noun_phrase_before(toks, c.tb, clause_lo))
              passive = true;
          }
        }

        // A nominal subject of a passive ("no sanctions were imposed on Cuba") takes the
        // participants after the participle.
        int np_from = c.te;
        if (nominal && passive_at(toks, c.te)) np_from = c.te + 2;

        // A verb right after a relative clause between commas ("Tinubu, who met Macron,
        // signed a pact", "..., also signed"): the clause's words before its closing comma
        // (`aside_end`) are not the verb's, and the subject before the clause is its actor.
        int aside_end = -1;
        if (verb_form && !nominal && !passive && ctx.clause_kinds[tc].relative && clause_lo > 0 &&
            toks[clause_lo - 1].punct == ',') {
          for (int q = c.tb - 1; q > clause_lo && q >= c.tb - 2 && aside_end < 0; --q)
            if (!toks[q].word && toks[q].punct == ',') aside_end = q;
        }
        // The same for a trigger up to twelve words after such a clause's closing comma when
        // an auxiliary or a past form follows that comma ("The Philippines, which won a case
        // against China in 2016, has also sought talks with Vietnam", "Niger's junta, which
        // seized power in July, has ordered French troops to leave", "Tinubu, who took office
        // last year, ordered security chiefs to hunt down those behind the attacks").
        if (aside_end < 0 && ctx.clause_kinds[tc].relative && clause_lo > 0 &&
            toks[clause_lo - 1].punct == ',') {
          for (int q = c.tb - 1; q > clause_lo && ctx.words_between(q, c.tb) <= 12; --q) {
            if (toks[q].word) continue;
            if (toks[q].punct != ',') break;
            int r = q + 1;
            if (r < c.tb && toks[r].is(kClauseAdverb)) ++r;
            if (r < c.tb && toks[r].word && (toks[r].is(kAuxiliary) || finite_verb(toks[r])))
              aside_end = q;
            break;
          }
        }
        auto in_aside = [&](const Mention& m) { return aside_end >= 0 && m.tb < aside_end; };
        // A trigger inside a relative clause between commas, before its closing comma
        // ("General X, who seized power in July, accused Paris ..."): the names after the
        // clause's closing comma (`aside_close`) are the main verb's, unless coordinated with
        // one the trigger took ("..., which Mali, Niger and Chad signed").
        int aside_close = -1;
        if (aside_end < 0 && (ctx.clause_kinds[tc].relative || ctx.clause_kinds[tc].participle) && clause_lo > 0 &&
            toks[clause_lo - 1].punct == ',' &&
            std::none_of(toks.begin() + clause_lo, toks.begin() + c.tb,
                         [](const Tok& t) { return !t.word && t.punct == ','; })) {
          for (int q = c.te; q < static_cast<int>(toks.size()) && ctx.clause[q] == tc; ++q)
            if (!toks[q].word && toks[q].punct == ',') {
              aside_close = q;
              break;
            }
        }
        // ... and so for a trigger inside an appositive whose closing comma is followed by
        // the main clause's auxiliary ("The hostages, women and children seized in the Oct. 7
        // attack on southern Israel, were handed to the Red Cross").
        if (aside_close < 0 && aside_end < 0) {
          for (int q = c.te; q + 1 < static_cast<int>(toks.size()) && ctx.clause[q] == tc; ++q) {
            if (toks[q].word || toks[q].punct != ',') continue;
            int r = q + 1;
            if (r < static_cast<int>(toks.size()) && toks[r].word && toks[r].is(kClauseAdverb)) ++r;
            if (r < static_cast<int>(toks.size()) && toks[r].word && toks[r].is(kAuxiliary)) {
              aside_close = q;
              break;
            }
          }
        }

        parts.clear();
        bool has_actor = false;
        // The group of a country or place whose possessive alone made a nominal trigger's
        // actor ("won Mexico's presidential election"): the clause's subject is an actor
        // too, and that group none.
        int place_possessor_group = -1;
        // The first name of m's coordination group (m itself for a pseudo mention, which has
        // no group of its own).
        auto group_first_of = [&](const Mention& m) -> const Mention& {
          return m.group >= 0 && static_cast<size_t>(m.group) < b.group_first.size()
                     ? mentions[static_cast<size_t>(b.group_first[static_cast<size_t>(m.group)])]
                     : m;
        };
        // Whether m is blamed or asked to act, right after the verb: "accused Washington of
        // seeking a pretext to topple", "press Moscow to agree to a ceasefire".
        auto asked_or_blamed = [&](const Mention& m) {
          return m.tb > 0 && toks[m.tb - 1].word && toks[m.tb - 1].is(kBlame | kDirectiveVerb);
        };
        // a subject's or a direct object's word before the place (or its group), or a
        // preposition of what one does to another ("ties with Rabat", "aid to Kyiv"); not
        // "toward Baghdad", "In Old Havana", "in Dar es Salaam, Tanzania, and Nairobi"
        auto governs_government = [&](const Mention& m) {
          // (a group's word is its first name's)
          const Mention& first = group_first_of(m);
          const std::string_view gov = governing_word(toks, first.tb, clause_lo);
          return gov.empty() || eq(gov, "and") || eq(gov, "both") || eq(gov, "with") ||
                 eq(gov, "against") || eq(gov, "on") || eq(gov, "to") || eq(gov, "by") ||
                 // (a relative clause's subject: "a port deal that Addis Ababa signed")
                 ((eq(gov, "that") || eq(gov, "which")) && first.tb > 0 &&
                  relative_between(ctx, first.tb - 1, first.tb)) ||
                 // (a reported clause's subject: "said Kinshasa had cut diplomatic ties")
                 opens_reported_clause(toks, first, clause_lo) ||
                 asked_or_blamed(first);
        };
        // m is the clause's first words and its verb follows: its subject
        // (or a relative clause: "a port deal that Addis Ababa signed with Somaliland")
        // (or a conjunct after ", and": "..., and Washington imposed sanctions on Dagalo")
        auto opens_clause = [&](const Mention& m) {
          if (!(m.te < static_cast<int>(toks.size()) && toks[m.te].word && finite_verb(toks[m.te])))
            return false;
          if (m.tb >= 2 && m.tb - 1 > clause_lo && toks[m.tb - 1].word &&
              eq(toks[m.tb - 1].low, "and") && !toks[m.tb - 2].word && toks[m.tb - 2].punct == ',' &&
              opens_verb_conjunct(toks.begin(), static_cast<size_t>(m.tb - 1), toks.size()))
            return true;
          const bool relative_subject = m.tb > clause_lo && relative_between(ctx, m.tb - 1, m.tb);
          for (int q = clause_lo; q < m.tb && !relative_subject; ++q)
            if (toks[q].word) return false;
          return true;
        };
        auto add = [&](const Mention& m, std::string_view role) {
          // Whom the news was told, or who reported it, takes no part ("a witness told
          // Reuters that soldiers had been arrested").
          if (!m.pseudo && m.te <= c.tb && news_source(toks, m)) return;
          // Who names the event takes no part ("strikes on what New Delhi called militant
          // camps"): a name right after "what", before a verb of naming.
          if (!m.pseudo && m.tb > 0 && toks[m.tb - 1].word && eq(toks[m.tb - 1].low, "what") &&
              m.te < static_cast<int>(toks.size()) && toks[m.te].word && toks[m.te].is(kNamingVerb))
            return;
          // "the Iran-backed Houthis": who backs them takes no part (but in "the U.N.-backed
          // trade embargo", up to two words, no name and no punctuation before the trigger,
          // the event itself)
          if (m.te + 2 < static_cast<int>(toks.size()) && !toks[m.te].word &&
              toks[m.te].punct == '-' && toks[m.te].start == toks[m.te - 1].end &&
              toks[m.te + 1].word && toks[m.te + 1].is(kBackerWord) &&
              !(c.tb >= m.te + 2 && c.tb <= m.te + 4 &&
                std::all_of(toks.begin() + m.te + 2, toks.begin() + c.tb,
                            [](const Tok& t) { return t.word; }) &&
                std::none_of(mentions.begin(), mentions.end(), [&](const Mention& o) {
                  return o.tb >= m.te + 2 && o.tb < c.tb;
                })))
            return;
          for (uint32_t mi = m.mb; mi < m.me; ++mi) {
            const Entity* e = pool[mi];
            // a place is where the event happened, unless it stands for a government: the
            // subject or object of an asymmetric type's verb ("Washington pledged $300
            // million", "cut ties with Rabat"), or the clause's subject before a nominal
            // trigger ("Moscow launched its full-scale invasion"; not "the Madrid summit", "visits
            // Baghdad", "marched through Havana's streets"); for a symmetric type, the clause's
            // subject or a side after "with" ("Washington held talks with Moscow", "signed a
            // peace deal with Bamako"; not "visited Kyiv")
            // (asked of places only, the cheap tests first)
            const bool place = eq(e->label, "LOCATION");
            const bool government =
                place && (eq(role, "actor") || eq(role, "target")) &&
                (td.symmetric ? (m.te <= c.tb ? opens_clause(m) || asked_or_blamed(m)
                                              : eq(governing_word(toks, m.tb, clause_lo), "with"))
                              : (!nominal || (m.te <= c.tb && opens_clause(m)))) &&
                !possessive_at(toks, m.te) && governs_government(m) &&
                government_places.count(e->id) != 0;
            std::string_view r = place && !government ? "location" : role;
            bool dup = false;
            for (auto& p : parts)
              if (p.e->id == e->id && p.role == r) dup = true;
            if (dup) continue;
            Part p{e, r, m.start, m.end};
            if (!m.pseudo) {
              p.start = e->start;
              p.end = e->end;
            }
            if (eq(r, "actor")) has_actor = true;
            parts.push_back(p);
          }
        };
        auto is_place = [](const Mention& m) { return eq(m.label, "COUNTRY") || eq(m.label, "LOCATION"); };
        // A demonym that modifies a trigger of this type at most two words after it, with no
        // punctuation between ("killed in a Chadian drone strike"), where the type says so
        // (demonym_acts): who acts, not where, whatever preposition governs it ("in Chadian
        // territory" stays a place, and so does "in the Dutch election").
        auto demonym_of_trigger = [&](const Mention& m) {
          if (!td.demonym_acts || !eq(m.label, "COUNTRY") || !named_by_demonyms(m, pool)) return false;
          auto modifies = [&](const Candidate& o) {
            if (triggers[o.trigger].type != d.type || o.tb < m.te || o.tb > m.te + 2) return false;
            for (int q = m.te; q < o.tb; ++q)
              if (!toks[q].word) return false;
            return true;
          };
          if (modifies(c)) return true;
          // (the accepted triggers come in token order, none overlapping)
          auto o = std::lower_bound(accepted.begin(), accepted.end(), m.te,
                                    [](const Candidate& a, int tb) { return a.tb < tb; });
          for (; o != accepted.end() && o->tb <= m.te + 2; ++o)
            if (modifies(*o)) return true;
          return false;
        };
        // "Mali's junta leader, Assimi Goita" / "Niger's President Mohamed Bazoum": the possessor
        // of a person's title takes part with the person.
        auto add_with_possessor = [&](const Mention& m, std::string_view role) {
          add(m, role);
          if (!eq(m.label, "PERSON") || m.pseudo) return;
          for (const Mention& o : mentions) {
            if (o.te > m.tb || eq(o.label, "PERSON") || eq(o.label, "LOCATION")) continue;
            int q = o.te;
            if (q + 1 >= m.tb || !possessive_at(toks, q)) continue;
            int words = 0;
            bool ok = true;
            // (not across a verb: "Niger's presidential guard detained President Bazoum")
            for (int r = q + 2; r < m.tb && ok; ++r) {
              if (toks[r].word)
                ok = ++words <= 4 && !toks[r].is(kPreposition | kNpStop) && !finite_verb(toks[r]);
              else
                ok = toks[r].punct == ',';
            }
            if (ok && words >= 1) add(o, role);
          }
        };

        // The possessor of a nominal trigger: what the event befell ("Bazoum's arrest"),
        // unless an "of" names that after it ("Niger's arrest of Bazoum").
        const bool possessor_is_target =
            d.possessor_is_target &&
            !(c.te < static_cast<int>(toks.size()) && toks[c.te].word && eq(toks[c.te].low, "of"));
        // "he" or "she" inside the sentence (pronoun_antecedent) is the subject of its own
        // verb only, and of a nominal trigger after that verb: not of a trigger after "that"
        // or a verb of its own ("said that he had left and that troops had attacked Sudan").
        auto pronoun_of_another_verb = [&](const Mention& m) {
          if (!m.pseudo || !(eq(toks[m.tb].low, "he") || eq(toks[m.tb].low, "she")) || m.te > c.tb)
            return false;
          int verbs = 0;
          for (int q = m.te; q < c.tb; ++q) {
            if (!toks[q].word) continue;
            if (eq(toks[q].low, "that")) return true;
            if (finite_verb(toks[q]) && !toks[q].is(kAuxiliary)) ++verbs;
          }
          return verbs > (nominal ? 1 : 0);
        };
        // A trigger in -ing right after a plural, noun or verb, is that plural's participle.
        const bool ing_after_plural =
            c.tb > clause_lo && c.te == c.tb + 1 && is_ing_word(toks[c.tb]) && toks[c.tb - 1].word &&
            toks[c.tb - 1].low.size() > 3 && toks[c.tb - 1].low.back() == 's' &&
            !toks[c.tb - 1].is(kBeForm | kAuxiliary | kDeterminer);
        // "visited troops fighting rebels": a noun so is the plural's participle, whose
        // subject is the plural ("Malian troops fighting"), not the clause's.
        const bool plural_participle = nominal && d.kind == Kind::Noun && ing_after_plural;
        // The participle's phrase ends at the clause's own verb: the names after it are not
        // the participle's ("Leaders meeting in Abuja on Sunday agreed to keep talking with
        // Mali"). That verb: an auxiliary or a verb of reporting, or a past form after a word
        // that is no function word, before "to", "that", a determiner, a preposition, a
        // pronoun, a number or a capital ("fighting armed groups": no verb).
        int participle_end = static_cast<int>(toks.size());
        for (int q = c.te + 1; ing_after_plural && q < static_cast<int>(toks.size()) &&
                               ctx.clause[q] == tc;
             ++q) {
          const Tok& v = toks[q];
          if (!v.word || !toks[q - 1].word ||
              toks[q - 1].is(kDeterminer | kPreposition | kAuxiliary | kBeForm))
            continue;
          bool verb = v.is(kAuxiliary | kReportVerb);
          if (!verb && finite_verb(v) && q + 1 < static_cast<int>(toks.size()) && toks[q + 1].word) {
            const Tok& after = toks[q + 1];
            verb = eq(after.low, "to") || eq(after.low, "that") ||
                   after.is(kDeterminer | kPreposition | kPronoun) || starts_with_digit(after) ||
                   toks.capitalized(static_cast<size_t>(q + 1));
          }
          if (verb) {
            participle_end = q;
            break;
          }
        }
        // The group of the last mention after the trigger that took part, and its role:
        // the group's other members take part too, in that role ("fighting between the
        // army and the rebels", "talks with Mali and Niger").
        int taken_group = -1;
        std::string_view taken_role;
        bool between_and = false;  // the phrase up to the mention went on over "between X and"
        bool between_open = false;  // the last name taken is the first side of a "between"
        bool taken_by_reaction = false;  // the group's "by" follows a verb of reaction
        bool taken_topic = false;        // the group is a symmetric event's topic
        // A verb after "and" that shares the subject of the clause's verb trigger before it
        // ("its troops had killed dozens of fighters ... and raided the hospital", "Chad
        // attacked Sudan and bombed Libya"): that verb's actors are its own, and the names
        // between the two verbs are the first one's.
        // (or a headline's present form after a comma: "Israel strikes Iran's nuclear
        // sites, kills top commanders")
        const bool headline_conjunct = !c.ing && !c.participle && c.tb > clause_lo &&
                                       !toks[c.tb - 1].word && toks[c.tb - 1].punct == ',' &&
                                       toks[c.tb].low.back() == 's';
        const bool coordinated_verb =
            verb_form && !nominal && !passive &&
            (after_coordinating_and(toks, c.tb, clause_lo) || headline_conjunct) &&
            b.verb_actors_clause == tc;
        if (coordinated_verb) {
          for (const Part& p : verb_actors) parts.push_back(p);
          has_actor = !verb_actors.empty();
        }
        // ... and the names after such a second verb are not the first one's.
        int next_coordinated = static_cast<int>(toks.size());
        if (verb_form && !nominal)
          for (const Candidate& o : accepted) {
            const TriggerDef& od = triggers[o.trigger];
            if (o.tb > c.te && o.tb < next_coordinated && after_coordinating_and(toks, o.tb, c.te) &&
                ctx.clause[o.tb] == tc &&
                (od.kind == Kind::Verb || (od.kind == Kind::Phrase && od.inflect)))
              next_coordinated = o.tb;
          }
        // Whether m reports the trigger, or the last name of its group before the trigger
        // does ("Chad and Libya said ...": Chad too). (Asked once per group and trigger.)
        b.group_reports.assign(b.group_first.size(), -1);
        auto reporter = [&](const Mention& m) {
          if (reports(toks, m, c.tb, c.te)) return true;
          if (m.te > c.tb) return false;
          int8_t& known = b.group_reports[static_cast<size_t>(m.group)];
          if (known < 0) {
            int last = b.group_last[static_cast<size_t>(m.group)];
            while (mentions[last].te > c.tb) --last;  // stops at m at the latest
            known = reports(toks, mentions[last], c.tb, c.te);
          }
          return known == 1;
        };
        // "... and police arrested him", "... when officers detained him": a verb after "and"
        // or a conjunction of time and a lowercase subject of its own that names no one
        // takes no name before it
        const bool own_common_subject =
            verb_form && !nominal && !passive && c.tb >= clause_lo + 2 && toks[c.tb - 1].word &&
            toks[c.tb - 2].word &&
            (eq(toks[c.tb - 2].low, "and") || eq(toks[c.tb - 2].low, "when") ||
             eq(toks[c.tb - 2].low, "after") || eq(toks[c.tb - 2].low, "as") ||
             eq(toks[c.tb - 2].low, "while") || eq(toks[c.tb - 2].low, "before")) &&
            !toks[c.tb - 1].is(kAuxiliary | kClauseAdverb | kPronoun | kBeForm) &&
            !ends_in_ed(toks[c.tb - 1].low) && !starts_with_digit(toks[c.tb - 1]) &&
            // (nor an -ing form: "listed him as having donated")
            !is_ing_word(toks[c.tb - 1]) &&
            // (an adverb in -ly is no subject: "was sworn in and immediately signed")
            !ends_in_ly(toks[c.tb - 1].low) &&
            std::none_of(mentions.begin(), mentions.end(),
                         [&](const Mention& m) { return m.te == c.tb || m.te == c.tb - 1; }) &&
            // (after a conjunct with a verb of its own: not "Russian missiles and drones
            // struck")
            std::any_of(toks.begin() + clause_lo, toks.begin() + (c.tb - 2),
                        [](const Tok& t) { return t.word && finite_verb(t); });
        // ", and at least 50 people were arrested": a passive after "and" and a common
        // subject of its own (up to five lowercase words or numbers, no name, verb or
        // pronoun): the names before are not its targets
        bool own_passive_subject = false;
        if (passive && verb_form && !nominal) {
          int be = c.tb - 1;
          if (be > clause_lo && toks[be].word && ends_in_ly(toks[be].low)) --be;
          if (be > clause_lo && toks[be].word && toks[be].is(kBeForm)) {
            int q = be - 1;
            for (int words = 0; q >= clause_lo && toks[q].word && words < 5 &&
                                !eq(toks[q].low, "and") && !toks.capitalized(static_cast<size_t>(q)) &&
                                !finite_verb(toks[q]) && !toks[q].is(kPronoun | kReportVerb);
                 --q, ++words) {
            }
            own_passive_subject =
                q > clause_lo && q < be - 1 && toks[q].word && eq(toks[q].low, "and") &&
                std::none_of(mentions.begin(), mentions.end(),
                             [&](const Mention& m) { return m.tb > q && m.te <= be; }) &&
                // (after a conjunct with a verb of its own: not "two Cuban exile leaders and
                // 133 other people were arrested")
                std::any_of(toks.begin() + clause_lo, toks.begin() + q,
                            [](const Tok& t) { return t.word && finite_verb(t); });
          }
        }
        // "called it a vile attack", "described this as an attack": what one names so one
        // did not do (the trigger up to five tokens after "it"); the names before take no part
        bool named_so = false;
        for (int k = c.tb - 1; !named_so && k > clause_lo && k >= c.tb - 5; --k)
          named_so = toks[k].word && toks[k - 1].word && toks[k - 1].is(kNamingVerb) &&
                     (eq(toks[k].low, "it") || eq(toks[k].low, "this") || eq(toks[k].low, "them"));
        // ... and "called the storming of parliament treasonous": a definite trigger right
        // after a verb of naming (not "called a strike", "called an election")
        named_so = named_so || (c.tb >= clause_lo + 2 && toks[c.tb - 1].word &&
                                (eq(toks[c.tb - 1].low, "the") || eq(toks[c.tb - 1].low, "that")) &&
                                toks[c.tb - 2].word && toks[c.tb - 2].is(kNamingVerb));
        // ... and what a verb of naming says a definite object is, the trigger up to six
        // tokens after "as", a quotation mark or an article after up to three words ("described
        // the attack as a failed attempt to overthrow his government", "called the ruling
        // \"a formalised coup d'etat\"")
        for (int k = c.tb - 1; !named_so && k > clause_lo && k >= c.tb - 6; --k) {
          const bool opens_name = toks[k].word ? eq(toks[k].low, "as") || eq(toks[k].low, "a") ||
                                                     eq(toks[k].low, "an")
                                               : toks[k].punct == '"';
          if (!opens_name) continue;
          for (int v = k - 2; v >= clause_lo && v >= k - 4 && !named_so; --v)
            named_so = toks[v].word && toks[v].is(kNamingVerb) && toks[v + 1].word &&
                       toks[v + 1].is(kDeterminer) && !toks[v + 1].is(kNamingVerb) &&
                       std::all_of(toks.begin() + v + 1, toks.begin() + k,
                                   [](const Tok& t) { return t.word; });
        }
        // "Chad urged Niger to sign the pact", "called on Niger and Mali to withdraw": the
        // names between a verb that asks someone to act (or "called on", "appealed to") and
        // the "to" before the verb trigger are its actors; who asks takes no part. So are
        // those between ", with" and a trigger in -ing (", with Italian Prime Minister Giorgia
        // Meloni hosting a video call"), and no one else before it. The index of that verb
        // or "with", or -1.
        int directive = -1;
        const bool with_ing = verb_form && !nominal && c.ing;
        if ((verb_form && !nominal && c.tb >= clause_lo + 3 && toks[c.tb - 1].word &&
             eq(toks[c.tb - 1].low, "to")) ||
            (with_ing && c.tb >= clause_lo + 2)) {
          int k = with_ing ? c.tb - 1 : c.tb - 2;
          // (", with" opens a clause of its own: opens_absolute)
          const int lowest = with_ing ? clause_lo - 1 : clause_lo;
          for (int steps = 0; k > lowest && steps < 10; --k, ++steps) {
            if (!toks[k].word) {
              if (toks[k].punct != ',' && toks[k].punct != '\'' && toks[k].punct != '.') break;
              continue;
            }
            if (with_ing ? eq(toks[k].low, "with") : toks[k].is(kDirectiveVerb)) break;
            const bool called_on =
                eq(toks[k].low, "on") && toks[k - 1].word && toks[k - 1].is(kNamingVerb);
            const bool appealed_to = eq(toks[k].low, "to") && toks[k - 1].word &&
                                     (eq(toks[k - 1].low, "appealed") || eq(toks[k - 1].low, "appeals"));
            if (!with_ing && (called_on || appealed_to)) break;
            if (toks[k].is(kNpStop | kPreposition) && !eq(toks[k].low, "and")) {
              k = lowest;  // no such verb
              break;
            }
          }
          const bool object_named = std::any_of(mentions.begin(), mentions.end(), [&](const Mention& m) {
            return m.tb > k && m.te < c.tb && ctx.clause[m.tb] == tc;
          });
          // (", with X hosting": after a comma; "signed a pact with Chad establishing a
          // force" is the pact's)
          const bool after_comma = !with_ing || (k > 0 && !toks[k - 1].word && toks[k - 1].punct == ',');
          if (k > lowest && object_named && after_comma) directive = k;
        }
        // ", in what police called an assassination attempt": the trigger after the verb of
        // naming (a noun, though "a deliberate attack" may read as a verb) is what the
        // clause before told; who names it takes no part (below: the clause before's
        // subject does)
        const bool names_before =
            tc > 0 && ctx.clause_kinds[tc].names_before &&
            std::any_of(toks.begin() + clause_lo, toks.begin() + c.tb,
                        [](const Tok& t) { return t.word && t.is(kNamingVerb); });
        for (const Mention& m : mentions) {
          if (ctx.clause[m.tb] != tc || in_aside(m)) continue;
          if ((coordinated_verb || named_so || own_common_subject || names_before) && m.te <= c.tb)
            continue;
          // (a place that names a pact is where an agreement was made, no party to other
          // events: "withdrawing the country from the Paris climate agreement")
          if (names_a_pact(toks, m) && !eq(td.name, "AGREEMENT")) continue;
          if (directive >= 0 && m.te <= c.tb) {
            if (m.tb > directive) add_with_possessor(m, "actor");
            continue;
          }
          if (reporter(m) || owns_a_relative(toks, m)) continue;
          std::string_view gov = governing_word(toks, m.tb, clause_lo);
          // "M23 rebels backed by Rwanda captured Bukavu": who backs the subject, before
          // the trigger, takes no part, nor do the names coordinated with it ("backed by
          // the United States and France")
          if (m.te <= c.tb) {
            const Mention& first = group_first_of(m);
            // (the governing word is asked again only of a group's first name)
            const int by = &first == &m ? (eq(gov, "by") ? governing_tok(toks, m.tb, clause_lo) : -1)
                                        : governing_tok(toks, first.tb, clause_lo);
            if (by > clause_lo && eq(toks[by].low, "by") && toks[by - 1].word &&
                toks[by - 1].is(kBackerWord))
              continue;
            // "officers based in Ivory Coast", "born in Buenos Aires": where someone lives
            // is not where the event happened (but where troops were stationed is the place
            // a withdrawal leaves: "French soldiers stationed in Chad left the country")
            if (is_place(m) && locative(gov) && !eq(td.name, "WITHDRAWAL") &&
                tells_residence(toks, governing_tok(toks, m.tb, clause_lo)))
              continue;
          }
          if (m.te <= c.tb) {
            if (pronoun_of_another_verb(m)) continue;
            if (nominal) {
              // Possessor or modifier right before the noun: "Mali's departure", "Niger's recent
              // coup" (not the subject of a verb of reaction: "Mali condemned the coup").
              // (Not across a possessive pronoun: "Niger announced their withdrawal", below.)
              bool close = !survived && ctx.words_between(m.te, c.tb) <= 3;
              for (int q = m.te; close && q < c.tb; ++q) {
                if (plural_participle && toks[q].word && finite_verb(toks[q])) close = false;
                if (!toks[q].word && toks[q].punct != '\'' && toks[q].punct != '-') close = false;
                // (for a symmetric type an auxiliary before the verb is no stop: "Kessa will
                // hold talks with Obi"; an asymmetric one's subject may undergo the event:
                // "Saddam Hussein can expect punishing air strikes")
                const bool auxiliary = td.symmetric && toks[q].word && toks[q].is(kAuxiliary) &&
                                       !toks[q].is(kBeForm) &&
                                       q + 1 < c.tb && toks[q + 1].word &&
                                       !toks[q + 1].is(kNpStop | kDeterminer | kPreposition);
                if (toks[q].word && !auxiliary &&
                    toks[q].is(kNpStop | kPreposition | kReaction | kPossessivePronoun))
                  close = false;
                // (An article between follows a verb: "Kessa Party won the presidential
                // election" is no modifier; a place may still be the event's.)
                if (toks[q].word && !(locative(gov) && is_place(m)) &&
                    (eq(toks[q].low, "the") || eq(toks[q].low, "a") || eq(toks[q].low, "an")))
                  close = false;
              }
              // "declared Nicolas Maduro the winner of Sunday's presidential election", "Maduro,
              // the winner of the 2018 election": the winner takes part as its actor
              if (!close && !survived) {
                int q = m.te;
                // (past an age between commas: "declared President Paul Biya, 92, the winner")
                if (q + 2 < c.tb && !toks[q].word && toks[q].punct == ',' &&
                    starts_with_digit(toks[q + 1]) && !toks[q + 2].word && toks[q + 2].punct == ',')
                  q += 2;
                if (q < c.tb && !toks[q].word && toks[q].punct == ',') ++q;
                if (q < c.tb && toks[q].word && (eq(toks[q].low, "the") || eq(toks[q].low, "a"))) ++q;
                bool winner = q + 1 < c.tb && toks[q].word &&
                              (eq(toks[q].low, "winner") || eq(toks[q].low, "victor")) &&
                              toks[q + 1].word && eq(toks[q + 1].low, "of") &&
                              ctx.words_between(q + 2, c.tb) <= 4;
                for (int r = q + 2; winner && r < c.tb; ++r)
                  winner = toks[r].word ? !finite_verb(toks[r]) && !toks[r].is(kPreposition)
                                        : toks[r].punct == '\'' || toks[r].punct == '.';
                if (winner) add_with_possessor(m, "actor");
                // "defeated Gerald Ford in the 1976 election": who was defeated takes part
                if (m.te < c.tb && toks[m.te].word && eq(toks[m.te].low, "in") &&
                    defeated_before(toks, m.te - 1, clause_lo) >= 0 &&
                    ctx.words_between(m.te + 1, c.tb) <= 3 &&
                    std::all_of(toks.begin() + m.te + 1, toks.begin() + c.tb, [](const Tok& t) {
                      return t.word && !t.is(kPreposition | kNpStop) && !finite_verb(t);
                    })) {
                  add_with_possessor(m, "actor");
                  defeated_object = true;
                }
              }
              // (with the names coordinated before it: "Israel and Hamas held talks")
              if (close) {
                const std::string_view role = locative(gov) && is_place(m) && !demonym_of_trigger(m)
                                                  ? "location"
                                              : possessor_is_target        ? "target"
                                                                           : "actor";
                const bool had_actor = has_actor;
                for (const Mention& o : mentions)
                  if (o.group == m.group && o.tb < m.tb && ctx.clause[o.tb] == tc && !in_aside(o))
                    add_with_possessor(o, role);
                add_with_possessor(m, role);
                const int group_tb = group_first_of(m).tb;
                // (nor after "the winner of": "X was declared the winner of Namibia's
                // presidential election")
                const bool winner_of =
                    group_tb >= clause_lo + 2 && toks[group_tb - 1].word &&
                    eq(toks[group_tb - 1].low, "of") && toks[group_tb - 2].word &&
                    (eq(toks[group_tb - 2].low, "winner") || eq(toks[group_tb - 2].low, "victor"));
                if (!had_actor && eq(role, "actor") && possessive_at(toks, m.te) &&
                    (eq(m.label, "COUNTRY") || is_place(m)) && group_tb > clause_lo &&
                    toks[group_tb - 1].word &&
                    (!toks[group_tb - 1].is(kReaction | kPreposition) || winner_of)) {
                  has_actor = false;
                  place_possessor_group = m.group;
                }
              }
            } else if (passive) {
              if (object_of_subjects_participle(toks, m, clause_lo)) continue;
              // (a reduced relative's subject is no name right before a finite verb of its
              // own, an auxiliary perhaps between: "Norway pledged $3 billion to a new fund
              // launched by Brazil"; but "This force, supported by France and launched in 2017")
              if (!be_passive && gov.empty() && m.te < c.tb) {
                int v = m.te;
                if (v + 1 < c.tb && toks[v].word && toks[v].is(kAuxiliary)) ++v;
                if (toks[v].word && finite_verb(toks[v]) && !toks[v].is(kAuxiliary)) continue;
              }
              // (a reduced relative right after a comma is said of the name before the comma
              // and those listed with it: "... of Bin Laden, indicted as the architect of")
              if (!be_passive && c.tb > 0 && !toks[c.tb - 1].word && toks[c.tb - 1].punct == ',' &&
                  m.te < c.tb - 1 &&
                  std::none_of(mentions.begin(), mentions.end(), [&](const Mention& o) {
                    return o.te == c.tb - 1 && o.group >= 0 && o.group == m.group;
                  }))
                continue;
              const std::string_view role =
                  eq(gov, "by") ? "actor" : locative(gov) && is_place(m) ? "location" : "target";
              if (own_passive_subject && eq(role, "target")) continue;
              add(m, role);
            } else {
              if (names_relations_after(toks, m, mentions)) continue;
              if (relative_after_noun(ctx, toks, m.te, c.tb)) continue;
              if (object_before_verb_conjunct(toks, m, c.tb, clause_lo)) continue;
              // the subject of an earlier conjunct: "The EU approved sanctions on Wednesday,
              // and Britain froze the assets ..." (not a list's names: "Mali, Burkina Faso,
              // and Niger have signed")
              if (subject_conjunct_between(ctx, m.te, c.tb) &&
                  std::none_of(mentions.begin(), mentions.end(), [&](const Mention& o) {
                    return o.group == m.group && o.tb == ctx.next_conjunct[m.te] + 1;
                  }))
                continue;
              // Before "that" and a pronoun, the trigger's subject ("announced that they had
              // seized power"), only the matrix clause's subject may be what the pronoun
              // stands for: not "Soldiers detained President Bazoum and announced that they
              // had seized power".
              if (pronoun_subject_between(ctx, m.te, c.tb) && !gov.empty() && !eq(gov, "and") &&
                  !eq(gov, "both") && !in_opening_subject(toks, m, clause_lo))
                continue;
              // (a name joined by "and" or "or" alone to the one before takes that one's word:
              // "Troops from Chad and Niger attacked"; not across a list's commas)
              std::string_view role_gov = gov;
              if ((eq(gov, "and") || eq(gov, "or")) && m.group >= 0) {
                const Mention* before = nullptr;
                for (const Mention& o : mentions)
                  if (o.group == m.group && o.te < m.tb) before = &o;
                if (before != nullptr && before->te + 1 == m.tb && ctx.clause[before->tb] == tc)
                  role_gov = governing_word(toks, before->tb, clause_lo);
              }
              // (the origin of the subject is the actor: "Troops from Chad attacked Gao")
              std::string_view role = "actor";
              if (locative(role_gov) && is_place(m) && !demonym_of_trigger(m)) role = "location";
              else if (eq(role_gov, "on") || eq(role_gov, "against")) role = "target";
              else if (eq(role_gov, "with") || eq(role_gov, "to") || eq(role_gov, "between") ||
                       eq(role_gov, "for") || eq(role_gov, "among"))
                role = td.symmetric ? "actor" : "other";
              add_with_possessor(m, role);
            }
          } else if (m.tb >= c.te || (m.tb > c.tb && m.te <= c.te)) {
            // After the trigger, or inside a phrase's gap ("took Amadou Ba into custody",
            // "took 12 soldiers hostage"): its object.
            // with the one taken before it (a place's role only for a place)
            const bool coordinated = taken_group >= 0 && m.group == taken_group &&
                                     (!eq(taken_role, "location") || is_place(m));
            if (aside_close >= 0 && m.tb > aside_close && !coordinated) continue;
            // Not inside a relative clause after the trigger ("abducted 25 students, the
            // latest in a string of kidnappings that has rattled Africa's most populous
            // country"): after "which"/"who", or "that" before an auxiliary.
            // (But where a relative clause of happening puts the thing that caused the event,
            // it puts the event: "were killed in an explosion that took place near the
            // American embassy in Dar es Salaam".)
            if (!coordinated && relative_between(ctx, c.te, m.tb)) {
              const int r = ctx.next_relative[c.te];
              const bool happened_there =
                  is_place(m) && r + 2 < m.tb && toks[r + 1].word &&
                  (eq(toks[r + 1].low, "occurred") || eq(toks[r + 1].low, "happened") ||
                   (eq(toks[r + 1].low, "took") && eq(toks[r + 2].low, "place"))) &&
                  !relative_between(ctx, r + 1, m.tb);
              if (!happened_there) continue;
            }
            // Nor in a conjunct with a verb of its own ("formed the alliance and plan to
            // hold a summit in Niamey"), nor in a time clause after "when" ("was arrested
            // in January 2021 when he returned to Russia from Germany").
            if (!coordinated && (verb_conjunct_between(ctx, c.te, m.tb) ||
                                 when_clause_between(ctx, c.te, m.tb) ||
                                 (verb_form && !nominal &&
                                  (past_conjunct < 0
                                       ? (past_conjunct = past_conjunct_after(toks, c.te, passive))
                                       : past_conjunct) < m.tb)))
              continue;
            // Nor in a condition's clause after the event's object was named ("would strike
            // Iraq unless it gave the U.N. arms inspectors unfettered access"; but "warned
            // that it would act if Chinese influence over the canal was not curbed").
            // (the condition's start once per trigger: the token count when no object
            // stands before it)
            if (condition_cut == -1) {
              const int condition = next_condition(ctx, c.te);
              condition_cut = static_cast<int>(toks.size());
              if (condition < condition_cut &&
                  std::any_of(mentions.begin(), mentions.end(), [&](const Mention& o) {
                    // (an object: no verb of its own after it)
                    return o.tb >= c.te && o.te <= condition &&
                           !(o.te < static_cast<int>(toks.size()) && toks[o.te].word &&
                             finite_verb(toks[o.te]));
                  }))
                condition_cut = condition;
            }
            if (!coordinated && condition_cut < m.tb) continue;
            // Nor a name after "of" right after a noun trigger that follows a verb trigger:
            // that noun's, where the noun is of another type or on whose sidelines the verb's
            // event took place ("met Joe Biden in Laos on the sidelines of a summit of the
            // ASEAN"; but "met at a joint summit of the Arab League and the OIC" is one).
            if (!coordinated && !nominal) {
              // (an acronym between brackets goes with the name before it)
              int named_at = m.tb;
              const size_t mi = static_cast<size_t>(&m - mentions.data());
              if (mi > 0 && m.tb > 0 && !toks[m.tb - 1].word && toks[m.tb - 1].punct == '(' &&
                  mentions[mi - 1].te == m.tb - 1)
                named_at = mentions[mi - 1].tb;
              const int of = governing_tok(toks, named_at, clause_lo);
              const int noun = of > c.te && eq(toks[of].low, "of") ? ctx.noun_trigger_ending[of] : -1;
              if (noun >= 0 && accepted[static_cast<size_t>(noun)].tb >= c.te) {
                const Candidate& o = accepted[static_cast<size_t>(noun)];
                bool its_own = triggers[o.trigger].type != d.type;
                for (int q = std::max(c.te, o.tb - 4); q < o.tb && !its_own; ++q)
                  its_own = toks[q].word && eq(toks[q].low, "sidelines");
                if (its_own) continue;
              }
            }
            // Nor the subject of a conjunct after "and" without a comma, a title perhaps
            // between, before a past form of its own ("seized Damascus on Sunday and President
            // Bashar al-Assad fled the country").
            if (!coordinated && m.te < static_cast<int>(toks.size()) && toks[m.te].word &&
                finite_verb(toks[m.te]) && !toks[m.te].is(kAuxiliary)) {
              int q = m.tb - 1;
              while (q > c.te && m.tb - q <= 2 && toks[q].word && !eq(toks[q].low, "and")) --q;
              // (not the second side of "fighting between the army and the RSF erupted")
              const bool between =
                  std::any_of(toks.begin() + std::max(c.te, q - 8), toks.begin() + std::max(q, c.te),
                              [](const Tok& t) { return t.word && eq(t.low, "between"); });
              if (q >= c.te && toks[q].word && eq(toks[q].low, "and") && !between) continue;
            }
            if (m.tb >= next_coordinated || m.tb >= participle_end) continue;
            // Nor a name right after a preposition of time, which tells of another event:
            // "India strikes Pakistan after Kashmir attack", "left Mali after the Dori
            // attack".
            if (!coordinated) {
              const int gov_tok = governing_tok(toks, m.tb, clause_lo);
              if (gov_tok >= c.te && other_event_preposition(toks[gov_tok])) continue;
              // (nor after the preposition of another trigger right after one, a determiner
              // or two words perhaps between: "arrested Joe Park after talks with Ana Lima",
              // "arrested after a visit to Iran": that trigger's)
              const int other = gov_tok > c.te ? ctx.trigger_ending[gov_tok] : -1;
              if (other >= 0) {
                int q = accepted[static_cast<size_t>(other)].tb - 1;
                for (int words = 0; q > c.te && words < 2 && toks[q].word &&
                                    !toks[q].is(kTimePreposition | kPreposition);
                     --q, ++words) {
                }
                if (q >= c.te && other_event_preposition(toks[q])) continue;
                // (after "during", a place the other trigger's event went to or happened in
                // is where this one happened: "arrested during a visit to Iran")
                if (q >= c.te && toks[q].word && eq(toks[q].low, "during")) {
                  if (is_place(m) && (locative(gov) || eq(gov, "to"))) add(m, "location");
                  continue;
                }
              }
            }
            // Nor a symmetric event's name after "with" that follows a noun of conflict or
            // relations other than the trigger: that noun's other side ("talks on a plan to
            // end the war with Russia").
            if (!coordinated && td.symmetric) {
              const int gov_tok = governing_tok(toks, m.tb, clause_lo);
              static constexpr std::string_view kSideNouns[] = {
                  "war", "wars", "conflict", "conflicts", "fighting", "clashes", "dispute",
                  "disputes", "tensions", "feud", "standoff", "confrontation", "border",
                  "borders", "relations", "ties", "rivalry"};
              if (gov_tok > c.te && eq(toks[gov_tok].low, "with") && toks[gov_tok - 1].word &&
                  std::find(std::begin(kSideNouns), std::end(kSideNouns), toks[gov_tok - 1].low) !=
                      std::end(kSideNouns))
                continue;
            }
            // Nor the subject of a relative clause of reaction ("signed a deal that
            // Somalia's government denounced"), nor who criticised it ("met Guterres on
            // Thursday despite criticism from Kyiv").
            if (!coordinated && reacts_in_relative(toks, m)) continue;
            if (!coordinated) {
              static constexpr std::string_view kReactionNouns[] = {
                  "criticism", "condemnation", "objections", "opposition", "protests",
                  "complaints", "warnings", "pressure", "calls", "appeals"};
              const int from = governing_tok(toks, m.tb, clause_lo);
              if (from > c.te && (eq(toks[from].low, "from") || eq(toks[from].low, "by")) &&
                  toks[from - 1].word &&
                  std::find(std::begin(kReactionNouns), std::end(kReactionNouns),
                            toks[from - 1].low) != std::end(kReactionNouns))
                continue;
            }
            between_and = false;
            // "Talks between ... were held in the town of Yevlakh": where a nominal's event
            // was held or took place, however long its noun phrase
            const int held_gov = governing_tok(toks, m.tb, clause_lo);
            const bool held_at = nominal && is_place(m) && held_gov > c.te &&
                                 locative(toks[held_gov].low) && toks[held_gov - 1].word &&
                                 (eq(toks[held_gov - 1].low, "held") ||
                                  (eq(toks[held_gov - 1].low, "place") && held_gov >= 2 &&
                                   (eq(toks[held_gov - 2].low, "took") ||
                                    eq(toks[held_gov - 2].low, "take") ||
                                    eq(toks[held_gov - 2].low, "takes"))));
            if (nominal && !coordinated && !held_at) {
              if (ctx.words_between(np_from, m.tb) > 6) continue;
              bool stop = false;
              // (the phrase's verb, from the start; or a participle right after the noun
              // before "by": "a summit dominated by the wars in Sudan")
              bool after_passive =
                  passive_at(toks, c.te) ||
                  (c.te + 1 < static_cast<int>(toks.size()) && toks[c.te].word &&
                   ends_in_ed(toks[c.te].low) && toks[c.te + 1].word && eq(toks[c.te + 1].low, "by"));
              // a "between" of the phrase, whose "and" goes on with it (or the one before
              // the name last taken: "between far-right candidate Kast and leftist Jara")
              int between = between_open ? np_from : -1;
              for (int q = np_from; q < m.tb && !stop; ++q) {
                // (but past a verb of happening: "heavy fighting has erupted in Tripoli")
                if (const int verb = happening_group(toks, q); verb > 0 && q + verb <= m.tb) {
                  q += verb - 1;
                  continue;
                }
                // (nor after the noun phrase: "talks between X and Y were held in Doha"; up
                // to an infinitive: "a visit ... was designed to demonstrate U.S. resolve")
                if (q + 1 < m.tb && passive_at(toks, q)) {
                  after_passive = true;
                  ++q;
                  continue;
                }
                if (after_passive && toks[q].word && eq(toks[q].low, "to") && q + 1 < m.tb &&
                    toks[q + 1].word && !toks[q + 1].is(kDeterminer)) {
                  stop = true;
                  continue;
                }
                // (nor past an agent that is no name: "the summit was overshadowed by the
                // conflict in eastern Congo")
                if (after_passive && toks[q].word && eq(toks[q].low, "by") &&
                    governing_tok(toks, m.tb, clause_lo) != q) {
                  stop = true;
                  continue;
                }
                if (toks[q].word && eq(toks[q].low, "between")) between = q;
                if (toks[q].word && between >= 0 && eq(toks[q].low, "and")) {
                  between = -1;  // ("fighting between the army and the RSF")
                  between_and = true;
                  continue;
                }
                if (toks[q].word) stop = toks[q].is(kNpStop);
                else stop = toks[q].punct != '\'' && toks[q].punct != '-';
              }
              if (stop) continue;
            }
            std::string_view role;
            // The word before the name past up to three lowercase words that describe it, where
            // that is "between" or "and" ("between far-right candidate Jose Antonio Kast and
            // leftist Jeannette Jara"), else gov.
            std::string_view side_gov = gov;
            for (int q = governing_tok(toks, m.tb, clause_lo), words = 0; q >= c.te; --q) {
              if (!toks[q].word) {
                if (toks[q].punct != '-') break;
                continue;
              }
              if (eq(toks[q].low, "between") || eq(toks[q].low, "and")) {
                if (words > 0) side_gov = toks[q].low;
                break;
              }
              if (toks[q].is(kDeterminer)) continue;  // ("and the paramilitary RSF")
              if (++words > 3 || toks.capitalized(static_cast<size_t>(q)) || finite_verb(toks[q]) ||
                  toks[q].is(kPreposition | kNpStop))
                break;
            }
            // (the second side of "between the army and the RSF": an actor, as the first)
            const bool second_side = between_and && eq(side_gov, "and");
            // "a truce brokered by Qatar", "talks mediated by Turkey", "an attack condemned
            // by the UN": who reacted or mediated is no party
            const int by = eq(gov, "by") ? governing_tok(toks, m.tb, clause_lo) : -1;
            const bool by_reaction = coordinated ? taken_by_reaction
                                                 : by > clause_lo && toks[by - 1].word &&
                                                       toks[by - 1].is(kReaction);
            // After an active verb, an agent after a noun is that noun's, no party: "seized
            // Damascus and ended five decades of rule by the Assad family".
            if (!coordinated && verb_form && !nominal && !passive && by > c.te &&
                toks[by - 1].word && !finite_verb(toks[by - 1]) && !is_ing_word(toks[by - 1]) &&
                !toks[by - 1].is(kBeForm))
              continue;
            // Nor is the agent of another trigger's participle after the trigger ("pledged $3
            // billion to a new fund launched by Brazil"): that trigger's.
            if (!coordinated && by > c.te && finite_verb(toks[by - 1]) &&
                ctx.trigger_ending[by] >= 0 &&
                accepted[static_cast<size_t>(ctx.trigger_ending[by])].tb > c.te)
              continue;
            // the topic of a symmetric type's event is no party: "talks on Gaza", "an
            // agreement over Sudan" (and what is coordinated with it)
            const bool topic = td.symmetric && (coordinated ? taken_topic
                                                            : eq(gov, "on") || eq(gov, "over") ||
                                                                  eq(gov, "about"));
            if (coordinated) role = taken_role;
            else if (topic) role = "other";
            else if (second_side) role = "actor";
            // "fought alongside Ethiopian forces": an ally, no target
            else if (eq(gov, "alongside")) role = "other";
            else if (by_reaction) role = "other";
            else if (eq(gov, "by")) role = "actor";
            else if (names_its_border(toks, m)) role = "location";
            else if (locative(gov) && demonym_of_trigger(m)) role = "actor";
            // (the preposition that ends a phrase trigger governs its object: "fired water
            // cannon at a Philippine supply boat")
            else if (locative(gov) && d.kind == Kind::Phrase && c.te - 1 > c.tb &&
                     governing_tok(toks, m.tb, clause_lo) == c.te - 1)
              role = "target";
            else if (locative(gov) && is_place(m)) role = "location";
            // "an attack Iran blamed on Israel", "a bombing attributed to the Kessa Front": who
            // is blamed acted
            else if (blamed_on(toks, m, clause_lo)) role = "actor";
            else if (eq(gov, "of") && d.of_actor) role = "actor";
            // "arrested him on a warrant from the ICC": who issued it is no target
            else if (eq(gov, "from") && issued_from(toks, governing_tok(toks, m.tb, clause_lo)))
              role = "other";
            else if (eq(gov, "on") || eq(gov, "against") || eq(gov, "from") || eq(gov, "of") || eq(gov, "to") ||
                     eq(gov, "into") || eq(gov, "over"))
              role = "target";
            else if (eq(gov, "with")) role = td.symmetric ? "actor" : d.with_target ? "target" : "other";
            else if (eq(gov, "for") && d.for_target) role = "target";
            // the sides of "fighting between the army and the RSF" both fight
            else if (eq(side_gov, "between")) role = "actor";
            // ("a coup that ousted Bazoum": "that" before a finite form opens a relative
            // clause, whose verb's object is its target)
            else if (nominal && !(verb_form && !c.ing && eq(toks[c.tb - 1].low, "that"))) role = "other";
            else role = passive ? "other" : "target";
            // (and the organisations whose meeting it is, after "of" right after a trigger of
            // the type: "a joint summit of the Arab League and the Organisation of Islamic
            // Cooperation"; not "the structure of the White House staff")
            auto of_the_types_noun = [&] {
              if (!eq(gov, "of")) return false;
              const int of = governing_tok(toks, m.tb, clause_lo);
              return std::any_of(accepted.begin(), accepted.end(), [&](const Candidate& o) {
                return o.te == of && triggers[o.trigger].type == d.type;
              });
            };
            if (td.symmetric && !eq(role, "location") && !by_reaction && !topic &&
                (eq(m.label, "COUNTRY") || eq(m.label, "PERSON") ||
                 (eq(m.label, "ORG") &&
                  (coordinated ? eq(taken_role, "actor") : of_the_types_noun()))))
              role = "actor";
            between_open = eq(side_gov, "between");
            taken_group = m.group;
            taken_role = role;
            taken_by_reaction = by_reaction;
            taken_topic = topic;
            // (a place it is about is not where it happened: "talks on Gaza")
            if (!(topic && eq(m.label, "LOCATION"))) add_with_possessor(m, role);
            // a nominal's noun phrase goes on from the name it took ("held talks with
            // Saudi Crown Prince Mohammed bin Salman in Riyadh")
            if (nominal) np_from = std::max(np_from, m.te);
          }
        }
        // A subject relative clause's verb ("Tinubu, who met Macron", "Mali and Niger, which
        // signed the pact"): the group ending just before the clause's comma is its actor,
        // whoever follows the verb; a passive's is its target ("Abel Kessa, who was
        // arrested on Monday"). (Not "Niger, which Mali attacked": a name between.)
        if (verb_form && !nominal && ctx.clause_kinds[tc].relative && clause_lo > 0 &&
            toks[clause_lo - 1].punct == ',' && toks[clause_lo].word &&
            (eq(toks[clause_lo].low, "who") || eq(toks[clause_lo].low, "which")) &&
            ctx.words_between(clause_lo + 1, c.tb) <= 2 &&
            std::none_of(mentions.begin(), mentions.end(), [&](const Mention& m) {
              return m.tb > clause_lo && m.tb < c.tb;
            })) {
          for (auto a = mentions.rbegin(); a != mentions.rend(); ++a) {
            if (a->te > clause_lo - 1) continue;
            if (a->te == clause_lo - 1 && !reports(toks, *a, c.tb, c.te))
              for (auto& m : mentions)
                if (m.group == a->group && m.te <= a->te)
                  add_with_possessor(m, passive ? "target" : "actor");
            break;
          }
        }
        // No actor yet, or a verb after a relative clause: the nearest subject-like group
        // before the trigger (in the clause, or before a relative clause / appositive that
        // holds the trigger), or for a participle clause the first subject-like group of the
        // clause before it.
        bool prep_phrase = nominal && in_prepositional_phrase(toks, c.tb, clause_lo);
        // A nominal that is the subject of a verb of happening ("when the fighting broke out",
        // "the talks ended") takes no subject from before it.
        const bool own_verb_subject = nominal && c.te < static_cast<int>(toks.size()) &&
                                      toks[c.te].word && happening_verb(toks[c.te].low);
        // "blamed Malian troops for the killing", "accused Israel of the attack": the names
        // between a verb of blame (at most eight words back) and the "for" or "of" before a
        // nominal trigger are its actors; before a gerund ("accused Putin of killing him"),
        // or an infinitive after one ("accused Washington of seeking a pretext to topple his
        // government"), they are, and the names before the verb of blame are not.
        const bool infinitive = verb_form && !nominal && c.tb > clause_lo && toks[c.tb - 1].word &&
                                eq(toks[c.tb - 1].low, "to");
        // (a nominal that a gerund after "for" or "of" takes as its object, a word between
        // perhaps: "assailed Ukraine for holding joint naval exercises")
        bool gerund_object = false;
        for (int k = c.tb - 1; nominal && k > clause_lo && k >= c.tb - 2 && toks[k].word; --k)
          if (is_ing_word(toks[k]) && toks[k - 1].word &&
              (eq(toks[k - 1].low, "for") || eq(toks[k - 1].low, "of")))
            gerund_object = true;
        bool blamed = false;  // a verb of blame governs the trigger: its subject takes no part
        if ((!has_actor && nominal) || c.ing || infinitive || gerund_object) {
          auto for_or_of = [&](int k) { return eq(toks[k].low, "for") || eq(toks[k].low, "of"); };
          int q = c.tb - 1;  // the "for" or "of"
          for (int words = 0; q > clause_lo && toks[q].word && words < (infinitive ? 6 : 3) &&
                              !for_or_of(q);
               ++words)
            --q;
          // (an infinitive's "of" before a gerund: "of seeking a pretext to")
          if (infinitive && !c.ing &&
              !(q + 1 < c.tb && toks[q + 1].word && is_ing_word(toks[q + 1])))
            q = clause_lo;
          int verb = q - 1;  // the verb of blame
          if (q > clause_lo && toks[q].word && for_or_of(q))
            for (int words = 0; verb >= clause_lo && toks[verb].word && words < 8 &&
                                !toks[verb].is(kBlame);
                 ++words)
              --verb;
          if (verb >= clause_lo && verb < q && toks[verb].word && toks[verb].is(kBlame)) {
            // (not a passive's: "Bin Laden is accused of masterminding the attack")
            blamed = !(verb > clause_lo && toks[verb - 1].word && toks[verb - 1].is(kBeForm));
            if (c.ing || infinitive || gerund_object)
              parts.erase(std::remove_if(parts.begin(), parts.end(),
                                         [&](const Part& p) { return p.start < toks[verb].start; }),
                          parts.end());
            for (const Mention& m : mentions)
              if (m.tb > verb && m.te <= q) add_with_possessor(m, "actor");
          }
        }
        // A nominal trigger's noun phrase (up to three words before it): the object of a
        // verb of reaction ("Governor X condemned the attack": X did not attack), or owned
        // by a possessive pronoun ("ordered Israel to halt its offensive": the pronoun's
        // antecedent, the nearest name of its kind before it, is the actor, not the subject;
        // the target where the possessor is: "a warrant for his arrest").
        // Adds, in `role`, the antecedent of the possessive pronoun at `pronoun`: the
        // nearest name of its kind before it (its, their: a country's or an organisation's;
        // his, her: a person's), in the trigger's clause unless `any_clause`; for "their"
        // the group's names of that label ("Burkina Faso, Mali and Niger announced their
        // withdrawal"). None that reports the trigger, unless `any_clause` (who says "attacks
        // on its positions" was attacked).
        auto add_antecedent = [&](int pronoun, std::string_view role, bool any_clause) {
          const bool person = eq(toks[pronoun].low, "his") || eq(toks[pronoun].low, "her");
          const bool their = eq(toks[pronoun].low, "their");
          for (auto a = mentions.rbegin(); a != mentions.rend(); ++a) {
            if (a->te > pronoun || (!any_clause && ctx.clause[a->tb] != tc)) continue;
            // ("Xi Jinping and Narendra Modi held their first formal talks": persons
            // coordinated before "their")
            const bool persons = their && eq(a->label, "PERSON") && a->group >= 0 &&
                                 b.group_first[static_cast<size_t>(a->group)] !=
                                     b.group_last[static_cast<size_t>(a->group)];
            if (person ? !eq(a->label, "PERSON")
                       : !eq(a->label, "COUNTRY") && !eq(a->label, "ORG") && !persons)
              continue;
            if (any_clause || !reports(toks, *a, c.tb, c.te)) {
              if (their) {
                for (const Mention& m : mentions)
                  if (m.group == a->group && m.te <= pronoun && (m.label == a->label || persons))
                    add_with_possessor(m, role);
              } else {
                add_with_possessor(*a, role);
              }
            }
            return;
          }
        };
        bool reaction_object = false;
        if (nominal && !has_actor) {
          int q = c.tb - 1, pronoun = -1;
          for (int words = 0; q >= clause_lo && toks[q].word && words < 3 &&
                              !toks[q].is(kPreposition | kNpStop | kReaction);
               --q, ++words)
            if (pronoun < 0 && toks[q].is(kPossessivePronoun)) pronoun = q;
          reaction_object = q >= clause_lo && toks[q].word && toks[q].is(kReaction);
          if (pronoun >= 0) add_antecedent(pronoun, possessor_is_target ? "target" : "actor", false);
        }
        reaction_object = reaction_object || named_so;
        // "protests against her government", "attacks on their positions": the pronoun's
        // antecedent is the target, in any clause before it (an asymmetric type's)
        if (nominal && !td.symmetric && c.te + 1 < static_cast<int>(toks.size()) &&
            toks[c.te].word && (eq(toks[c.te].low, "against") || eq(toks[c.te].low, "on")) &&
            toks[c.te + 1].word && toks[c.te + 1].is(kPossessivePronoun) &&
            std::none_of(parts.begin(), parts.end(),
                         [](const Part& p) { return eq(p.role, "target"); }))
          add_antecedent(c.te + 1, "target", true);
        // "and police arrested him": after an asymmetric type's verb, "him" or "her" stands
        // for the nearest person before it in the sentence, the target (not one who already
        // takes part: "Kessa arrested him")
        if (verb_form && !nominal && !passive && !td.symmetric &&
            c.te < static_cast<int>(toks.size()) && toks[c.te].word &&
            (eq(toks[c.te].low, "him") || eq(toks[c.te].low, "her")) &&
            std::none_of(parts.begin(), parts.end(),
                         [](const Part& p) { return eq(p.role, "target"); })) {
          bool named_before = false;
          for (auto a = mentions.rbegin(); a != mentions.rend(); ++a) {
            if (a->te > c.tb || !eq(a->label, "PERSON")) continue;
            named_before = true;
            const bool takes_part = std::any_of(parts.begin(), parts.end(), [&](const Part& p) {
              return p.start >= a->start && p.end <= a->end;
            });
            if (!takes_part && !reports(toks, *a, c.tb, c.te)) add(*a, "target");
            break;
          }
          // (none in the sentence: the person that opened the sentence before, "General Juan
          // Jose Zuniga ... told reporters ... Police arrested him")
          if (!named_before && subject_before != nullptr &&
              std::none_of(parts.begin(), parts.end(),
                           [&](const Part& p) { return p.e->id == subject_before->id; }))
            parts.push_back(Part{subject_before, "target", subject_before->start, subject_before->end});
        }
        // "He met U.S. Vice President JD Vance": in a sentence that opens with "he" or "she"
        // and names no person, country or organisation before an active verb trigger, nor
        // reports a clause before it ("She said the rhetoric has led to attacks"), the
        // pronoun stands for the person that opened the sentence before, an actor
        // (c.tb > 0: a configured pattern might take the pronoun into its trigger)
        if (verb_form && !nominal && !passive && subject_before != nullptr && sb == sent_b &&
            c.tb > 0 && toks[0].word && (eq(toks[0].low, "he") || eq(toks[0].low, "she")) &&
            std::none_of(mentions.begin(), mentions.end(),
                         [&](const Mention& m) { return m.tb < c.tb && !is_place(m); }) &&
            std::none_of(toks.begin() + 1, toks.begin() + c.tb,
                         [](const Tok& t) { return t.word && (t.is(kReportVerb) || eq(t.low, "that")); }) &&
            std::none_of(parts.begin(), parts.end(),
                         [&](const Part& p) { return p.e->id == subject_before->id; })) {
          parts.push_back(Part{subject_before, "actor", subject_before->start, subject_before->end});
          has_actor = true;
        }
        // (a passive after a relative clause between commas takes its subject before the
        // clause as the target: "Imamoglu, who was expected to be named ..., was formally
        // arrested")
        // (a symmetric nominal after a preposition of time is the subject's event too:
        // "Fico lifted his veto after talks with von der Leyen", "Macron returned after talks
        // with Biden")
        int time_prep_before = -1;
        // (not a gerund's: "before meeting with bombing victims" has the clause's subject)
        for (int q = c.tb - 1, words = 0; nominal && td.symmetric && !is_ing_word(toks[c.tb]) &&
                                          q >= clause_lo && toks[q].word && words < 3 &&
                                          time_prep_before < 0;
             --q, ++words) {
          if (other_event_preposition(toks[q]))
            time_prep_before = q;
          else if (toks[q].is(kPreposition | kNpStop) || finite_verb(toks[q]))
            break;
        }
        if ((!has_actor || aside_end >= 0 || defeated_object || time_prep_before >= 0 ||
             (nominal && won_before(toks, c.tb, clause_lo))) &&
            (!passive || aside_end >= 0) &&
            (!prep_phrase || names_before || time_prep_before >= 0) && !own_verb_subject &&
            !reaction_object && !coordinated_verb && !plural_participle && !own_common_subject &&
            directive < 0 && !blamed) {
          // (not a name between brackets: "the ruling Democratic Progressive Party (DPP)")
          auto subject_like = [&](const Mention& m, int lo) {
            if (m.tb > 0 && !toks[m.tb - 1].word && toks[m.tb - 1].punct == '(') return false;
            std::string_view gov = governing_word(toks, m.tb, lo);
            // (a name after "and" is its group's first name's: "Attacks on Mali and Niger
            // killed 30 people" has no subject among them)
            if (eq(gov, "and")) {
              const Mention& first = group_first_of(m);
              if (first.tb < m.tb) gov = governing_word(toks, first.tb, lo);
            }
            if (gov.empty() || eq(gov, "and") || eq(gov, "both") || eq(gov, "as")) return true;
            // (right after a conjunction that opens a clause of its own, perhaps after an
            // article: "when the Economic Community of West African States imposed sanctions")
            static constexpr std::string_view kClauseOpeners[] = {
                "when", "while", "because", "although", "though", "whereas", "once", "if", "unless"};
            for (std::string_view w : kClauseOpeners)
              if (gov == w) return true;
            // (the subject of a clause that a verb of reporting opens, or "that" after a
            // finite verb: "officials declared that she had won the election")
            if (opens_reported_clause(toks, m, lo)) return true;
            if (eq(gov, "that")) {
              const int that = governing_tok(toks, m.tb, lo);
              if (that > lo && toks[that - 1].word && finite_verb(toks[that - 1])) return true;
            }
            // (a person after the possessive of the name that opens the clause and a title of
            // up to three words: "Zimbabwe's President Emmerson Mnangagwa won the election";
            // or an organisation after such words: "Chad's ruling Patriotic Salvation
            // Movement won 124 of the 188 seats")
            if ((eq(m.label, "PERSON") || eq(m.label, "ORG")) &&
                std::any_of(mentions.begin(), mentions.end(), [&](const Mention& o) {
                  if (o.tb != lo || !possessive_at(toks, o.te) || o.te + 2 >= m.tb ||
                      m.tb - (o.te + 2) > 3)
                    return false;
                  for (int q = o.te + 2; q < m.tb; ++q)
                    if (!toks[q].word || toks[q].is(kPreposition | kNpStop) || finite_verb(toks[q]))
                      return false;
                  return true;
                }))
              return true;
            // (after up to four tokens that describe the name from the clause's start, an
            // article first, no verb: "Marxist-leaning politician Anura Kumara Dissanayake
            // won"; not "warning Saddam Hussein that the threat ...")
            if (m.tb - lo > 4 || m.tb == lo) return false;
            for (int q = lo; q < m.tb; ++q)
              if (toks[q].word ? toks[q].is(kPreposition | kNpStop) || finite_verb(toks[q]) ||
                                     (q > lo && toks[q].is(kDeterminer)) ||
                                     (is_ing_word(toks[q]) && !(q > lo && toks[q - 1].punct == '-'))
                               : toks[q].punct != '-')
                return false;
            return true;
          };
          // (a nominal of an asymmetric type after a preposition of time has no subject before
          // it: "Mali withdrew after the Dori attack", "India strikes Pakistan after Kashmir
          // attack"; a symmetric one's often has: "Macron returned after talks with Biden")
          int time_prep = -1;
          if (nominal && !td.symmetric) {
            const int prep = preposition_before(toks, c.tb, clause_lo);
            // (not a gerund's object: "sworn in after winning the election")
            if (prep >= 0 && toks[prep].is(kTimePreposition) &&
                std::none_of(toks.begin() + prep + 1, toks.begin() + c.tb,
                             [](const Tok& t) { return is_ing_word(t); }))
              time_prep = prep;
          }
          int pick = -1;
          for (int q = static_cast<int>(mentions.size()) - 1; q >= 0; --q) {
            const Mention& m = mentions[q];
            if (m.te > c.tb || ctx.clause[m.tb] != tc || in_aside(m) || reporter(m) ||
                m.group == place_possessor_group || names_before || m.te <= time_prep ||
                pronoun_of_another_verb(m))
              continue;
            // (not the subject of a conjunct before the trigger's own: "the Council
            // overturned the delay, and the election was held on March 24")
            if (subject_conjunct_between(ctx, m.te, c.tb)) continue;
            if (relative_after_noun(ctx, toks, m.te, c.tb)) break;
            if (subject_like(m, clause_lo)) {
              pick = q;
              break;
            }
          }
          // (", which" after a noun phrase of up to three words after an article, no name:
          // "fought an insurgency, which has killed thousands" has no subject before it)
          // (not for a trigger inside an appositive that sums up the clause before, whose
          // name before the comma is at most its place: ", the largest protest in Serbia";
          // but "Rwanda, the largest country of the region, signed")
          const bool sums_up =
              ctx.clause_kinds[tc].summary &&
              std::none_of(toks.begin() + clause_lo, toks.begin() + c.tb,
                           [](const Tok& t) { return !t.word && t.punct == ','; });
          if (pick < 0 && ctx.clause_kinds[tc].relative) {
            for (int q = static_cast<int>(mentions.size()) - 1; q >= 0; --q) {
              const Mention& m = mentions[q];
              if (m.te > clause_lo) continue;
              bool unnamed = eq(toks[clause_lo].low, "which") && toks[clause_lo - 1].punct == ',';
              for (int k = clause_lo - 2, words = 0; unnamed; --k, ++words) {
                if (k < m.te || words >= 3 || !toks[k].word) {
                  unnamed = false;
                } else if (eq(toks[k].low, "a") || eq(toks[k].low, "an") || eq(toks[k].low, "the")) {
                  break;
                }
              }
              if (!unnamed) pick = q;
              break;
            }
            // (a place there is where it happened: "called a rally in Bamako on May 3 ...,
            // the first such protest since")
            if (sums_up && pick >= 0) {
              if (is_place(mentions[static_cast<size_t>(pick)]))
                add(mentions[static_cast<size_t>(pick)], "location");
              pick = -1;
            }
          }
          bool passive_before = false;  // the clause before's verb, for names_before
          if (pick < 0 && tc > 0 &&
              ((ctx.clause_kinds[tc].participle && ctx.words_between(clause_lo, c.tb) <= 1) ||
               names_before)) {
            int before_lo = clause_lo - 1;
            while (before_lo > 0 && ctx.clause[before_lo - 1] == tc - 1) --before_lo;
            for (int q = 0; q < static_cast<int>(mentions.size()) && pick < 0; ++q) {
              const Mention& m = mentions[q];
              if (ctx.clause[m.tb] != tc - 1) continue;
              if (!subject_like(m, before_lo) || reporter(m)) break;
              pick = q;
            }
            // ("Abel Kessa was wounded ..., in what police called an assassination attempt")
            if (pick >= 0 && names_before)
              for (int q = mentions[pick].te; q < clause_lo && !passive_before; ++q)
                passive_before = passive_at(toks, q);
          }
          if (pick >= 0) {
            // the subject of a verb of survival was the target ("Lee, who survived a knife
            // attack in Busan")
            int g = mentions[pick].group;
            for (auto& m : mentions)
              if (m.group == g && m.te <= c.tb)
                add_with_possessor(m, survived || passive || passive_before ? "target" : "actor");
          }
        }
        // A trigger in a clause that ", where" opens after a place's name, a place noun
        // perhaps between, happened there ("fighting in western Rakhine state, where it
        // attacked police outposts"). Not a nominal or a form in -ing after a preposition
        // of the clause ("near Washington, where victims of the embassy bombing were
        // brought back") or after a form of "be" ("where the boy's relatives are fighting
        // for custody").
        if (clause_lo >= 2 && toks[clause_lo].word && eq(toks[clause_lo].low, "where") &&
            !toks[clause_lo - 1].word && toks[clause_lo - 1].punct == ',' &&
            std::none_of(parts.begin(), parts.end(),
                         [](const Part& p) { return eq(p.role, "location"); })) {
          bool own_place = true;
          if (nominal || c.ing) {
            for (int q = clause_lo + 1; q < c.tb && own_place; ++q)
              own_place = !(toks[q].word && toks[q].is(kPreposition));
            if (toks[c.tb - 1].word && toks[c.tb - 1].is(kBeForm)) own_place = false;
          }
          const int named_end = toks[clause_lo - 2].word && toks[clause_lo - 2].is(kPlaceNounOf)
                                    ? clause_lo - 2
                                    : clause_lo - 1;
          if (own_place)
            for (const Mention& m : mentions)
              if (m.te == named_end && is_place(m)) add(m, "location");
        }
        if (verb_form && !nominal && !passive) {
          verb_actors.clear();
          for (const Part& p : parts)
            if (eq(p.role, "actor")) verb_actors.push_back(p);
          b.verb_actors_clause = tc;
        }
        // A definite nominal without actor or named country/person ("the signing of the pact",
        // "since the coups") refers back to the latest event of its type.
        // (and a reduced relative after a definite noun, or a passive after one: "The
        // agreement, signed in Pretoria, South Africa", "The agreement was signed in
        // Pretoria, South Africa", where a country may be the place)
        const bool definite_reduced = passive && c.tb > clause_lo && !toks[c.tb - 1].word &&
                                      toks[c.tb - 1].punct == ',' &&
                                      definite_before(toks, c.tb - 1, clause_lo);
        // "The group claimed responsibility for the attack": the claimant acts in an event
        // told before
        bool anaphoric = (!has_actor || (nominal && claimed_before(toks, c.tb, clause_lo))) &&
                         ((nominal && definite_before(toks, c.tb, clause_lo)) ||
                          (passive && definite_before(toks, c.tb, clause_lo, 5)) ||
                          definite_reduced) &&
                         std::none_of(parts.begin(), parts.end(), [&](const Part& p) {
                           return (eq(p.e->label, "COUNTRY") || eq(p.e->label, "PERSON")) &&
                                  !((definite_reduced || passive) && eq(p.role, "location"));
                         });
        if (!anaphoric && static_cast<int>(parts.size()) < min_participants) continue;

        // ---- date: the best timex of the sentence; its EventDate is only built where an
        // event keeps it (set_date).
        const Timex* date = nullptr;
        {
          int best_rank = 1 << 30;
          for (size_t k = t_begin; k < t_end; ++k) {
            const Timex& tx = timexes[k];
            if (!eq(tx.type, "DATE") && !eq(tx.type, "TIME")) continue;
            if (tx.value.empty() || tx.value.find("_REF") != std::string::npos || tx.value[0] == 'P') continue;
            if (tx.end > se) continue;
            int tb = token_at(toks, tx.start);
            if (tb >= static_cast<int>(toks.size())) continue;
            // (not across a relative clause's closing comma: `aside_end`, `aside_close`)
            bool same = ctx.clause[tb] == tc && !(aside_end >= 0 && tb < aside_end) &&
                        !(aside_close >= 0 && tb > aside_close);
            const int gov = governing_tok(toks, tb, 0);
            // "three Atlanta attacks, including the 1996 Olympic bombing": an example's date
            if (tx.start >= c.end && including_before(toks, c.te, tb)) continue;
            // "suspended talks ... until 2028": when a state ends, not when the event was
            if (tb > 0 && toks[tb - 1].word && (eq(toks[tb - 1].low, "until") || eq(toks[tb - 1].low, "till")))
              continue;
            // "the deadliest attack since 2019", "the most competitive election since the
            // end of apartheid in 1994": a ranked event's "since" names the day it is
            // measured against
            if (tx.start >= c.end && ranked_before(toks, c.tb, clause_lo) &&
                since_phrase_holds(toks, c.te, tb))
              continue;
            if (ranked_since(toks, tb)) continue;
            // "his fourth trip to China since taking office in 2017": the date of a gerund
            // after "since" is that gerund's
            if (tx.start >= c.end && gerund_since_before(toks, c.te, tb)) continue;
            // "the West African nation's second coup this year": a ranked event's "this"
            // right after it is the frame it is counted in, not its date
            if (tb == c.te && toks[tb].word && eq(toks[tb].low, "this") &&
                ranked_before(toks, c.tb, clause_lo))
              continue;
            bool prep = (gov >= 0 && toks[gov].is(kDatePrep)) || (toks[tb].word && toks[tb].is(kDatePrep));
            bool initial = ctx.word_ord[tb] <= 1 && (prep || ctx.word_ord[tb] == 0);  // sentence-initial
            // (the clause before's, for a clause that happened with it: "fired tear gas on
            // Thursday, as supporters marched")
            // (not a period's start: "the eighth since 2020, following coups in Mali")
            const bool before_clause = tc > 0 && ctx.clause_kinds[tc].shares_date &&
                                       ctx.clause[tb] == tc - 1 &&
                                       !(gov >= 0 && eq(toks[gov].low, "since"));
            // (after an appositive's closing comma, a date goes back to the clause before:
            // "captured Bukavu, the second-largest city in eastern Congo, on Sunday")
            const bool after_appositive =
                ctx.clause[tb] == tc + 1 && ctx.clause_kinds[tc + 1].relative && gov > 0 &&
                toks[gov].is(kDatePrep) && !toks[gov - 1].word && toks[gov - 1].punct == ',' &&
                ctx.clause[gov - 1] == tc + 1 && gov - 1 > 0 && ctx.clause[gov - 2] == tc + 1;
            // (a date right before ", when" is the time of that clause's events up to its
            // first comma: "turnout was 39.9% in 2019, when Tebboune was first elected")
            const bool when_of_date =
                clause_lo >= 1 && toks[clause_lo].word && eq(toks[clause_lo].low, "when") &&
                !toks[clause_lo - 1].word && toks[clause_lo - 1].punct == ',' &&
                token_end_at(toks, tx.end) == clause_lo - 1 &&
                std::none_of(toks.begin() + clause_lo, toks.begin() + c.tb,
                             [](const Tok& t) { return !t.word && t.punct == ','; });
            if (when_of_date) {
              best_rank = -(1 << 20);
              date = &tx;
              continue;
            }
            if (!same && !initial && !before_clause && !after_appositive) continue;
            bool after = tx.start >= c.end;
            // (nor from a conjunct with a verb of its own after the trigger, nor from an
            // earlier one with a subject of its own: "... in May, and Libya attacked Niger")
            if (after && !initial && verb_conjunct_between(ctx, c.te, tb)) continue;
            if (!after && !initial && subject_conjunct_between(ctx, tb, c.tb) &&
                std::any_of(toks.begin() + clause_lo, toks.begin() + tb,
                            [](const Tok& t) { return t.word && finite_verb(t); }))
              continue;  // (not a date before the first verb: "But in June last year, ...")
            // A date right after a noun that triggers another type's event, between them
            // and at most two words before it, is that event's ("arrested activists ahead
            // of a general election in January").
            if (after && dated_by_noun_between(ctx, accepted, triggers, c.te, tb, d.type)) continue;
            // So is one right after the agent of another type's participle between them
            // ("a fund launched by Brazil on Thursday").
            if (after && std::any_of(accepted.begin(), accepted.end(), [&](const Candidate& o) {
                  return o.tb >= c.te && o.te < tb && triggers[o.trigger].type != d.type &&
                         toks[o.te].word && eq(toks[o.te].low, "by") && finite_verb(toks[o.te - 1]) &&
                         ctx.words_between(o.te, tb) <= 4;
                }))
              continue;
            const int tx_end = token_end_at(toks, tx.end);
            int dist = after ? ctx.words_between(c.te, tb) : ctx.words_between(tx_end, c.tb);
            // A date inside a nominal trigger's own noun phrase, before it, is its date
            // whatever else the sentence dates ("won Sunday's presidential election ...,
            // according to results released on Thursday", "a 2021 coup").
            bool modifies = nominal && same && !after && dist <= 2;
            for (int q = tx_end; modifies && q < c.tb; ++q) {
              const bool possessive_s = eq(toks[q].low, "s") && q > 0 && toks[q - 1].punct == '\'';
              modifies = toks[q].word
                             ? possessive_s || !toks[q].is(kPreposition | kNpStop | kDeterminer)
                             : toks[q].punct == '\'';
            }
            // A year between a determiner or a possessive and a noun dates that noun phrase,
            // not another trigger's event ("its 1951 treaty covers attacks on ...").
            if (!modifies && tx.value.size() == 4 && premodifies_other_noun(toks, tb, tx_end, c.tb))
              continue;
            int cls = !same ? 4 : modifies ? -1 : (after && prep) ? 0 : after ? 1 : prep ? 2 : 3;
            int rank = cls * 1000 + dist;
            if (rank < best_rank) {
              best_rank = rank;
              date = &tx;
            }
          }
        }
        // A time clause after a comma opened by a counted interval and "after" or "before"
        // with no date of its own: the main clause's date moved by the interval (", a week
        // after police shot a student"; `counted_date`, the interval's span and anchor).
        // (the clause opens at its conjunction; the interval and the comma stand before it)
        Timex counted_date;
        if (date == nullptr && clause_lo >= 3 && toks[clause_lo].word &&
            (eq(toks[clause_lo].low, "after") || eq(toks[clause_lo].low, "before")) &&
            toks[clause_lo - 1].word && toks[clause_lo - 1].is(kTimeUnit)) {
          const int interval = toks[clause_lo - 2].word ? clause_lo - 2 : clause_lo - 1;
          if (interval >= 2 && !toks[interval - 1].word && toks[interval - 1].punct == ',' &&
              date_counted_back(toks, timexes, t_begin, t_end, interval, &counted_date))
            date = &counted_date;
        }
        auto set_date = [&](std::optional<EventDate>& to) {
          EventDate& dt = to.emplace();
          dt.value = date->value;
          dt.text.assign(text.substr(date->start, date->end - date->start));
          std::string_view low = lower.substr(date->start, date->end - date->start);
          dt.source = (eq(date->anchor, "dct") && is_dct_deictic(low)) ? "dct" : "sentence";
        };

        // ---- modality
        std::string_view modality = "asserted";
        {
          bool neg = false, hyp = false;
          int words = 0;
          // (not in a relative clause between commas before the verb: "Somalia, which
          // considers Somaliland part of its territory, recalled its ambassador")
          const int marker_lo = std::max(clause_lo, aside_end + 1);
          // An infinitive's markers may stand further back in its clause (three windows):
          // "Attal will travel to Berlin later this month to meet Olaf Scholz"
          // ... and so may those of a bare verb after "and" whose object the nominal is ("he
          // would dissolve the lower house on Oct. 9 and hold a snap general election")
          bool bare_after_and = false;
          if (nominal)
            for (int q = c.tb - 1, seen = 0; q > marker_lo && seen < 4 && toks[q].word; --q, ++seen)
              if (eq(toks[q - 1].low, "and") && toks[q - 1].word && !finite_verb(toks[q]) &&
                  !is_ing_word(toks[q]) && !toks[q].is(kDeterminer | kPreposition | kNpStop) &&
                  toks[q].low.back() != 's') {
                bare_after_and = q + 1 < c.tb && toks[q + 1].word && toks[q + 1].is(kDeterminer);
                break;
              }
          const bool far_markers = (verb_form && c.tb > 0 && toks[c.tb - 1].word &&
                                    eq(toks[c.tb - 1].low, "to")) ||
                                   bare_after_and;
          const int window = far_markers ? 3 * modality_window : modality_window;
          for (int q = c.tb - 1; q >= marker_lo && words < window; --q) {
            if (!toks[q].word) continue;
            ++words;
            // (a capitalised word mid-sentence is a name or a month: "in May, and Libya
            // attacked")
            const auto first_byte = static_cast<unsigned char>(text[toks[q].start]);
            if (first_byte >= 'A' && first_byte <= 'Z' && ctx.word_ord[q] > 0) continue;
            negated.each_ending_at(toks, q, marker_lo, [&](const Marker& m) {
              if (m.max_distance >= 0 && words > m.max_distance) return;
              int first = q;
              for (size_t w = 1; w < m.words.size(); ++w) --first;
              bool cancelled = false;
              for (const Marker& nn : not_negation)
                if (marker_starts_at(toks, nn, first) || marker_starts_at(toks, nn, q)) cancelled = true;
              if (!cancelled) neg = true;
            });
            hypothetical.each_ending_at(toks, q, marker_lo, [&](const Marker& m) {
              if (m.max_distance < 0 || words <= m.max_distance) hyp = true;
            });
          }
          // A nominal whose own verb after it looks ahead: "The first round of the vote will
          // be held on June 30", "talks are due to begin", "the summit is to take place".
          if (nominal && !neg && !hyp) hyp = happens_later(toks, c.te);
          // A definite nominal before a be-form is a told event that the clause says
          // something of: a denial denies that, not the event ("denied that the arrest was
          // political").
          if (neg && nominal && c.te < static_cast<int>(toks.size()) && toks[c.te].word &&
              toks[c.te].is(kBeForm) && definite_before(toks, c.tb, marker_lo, 2))
            neg = false;
          // (what the clause before told, named: "in what police called an assassination
          // attempt" is no election called)
          if (names_before) hyp = false;
          if (neg) modality = "negated";
          else if (hyp) modality = "hypothetical";
        }

        // ---- merge or add
        int& latest = latest_of_type[static_cast<size_t>(d.type)];
        // "the talks", "signed the deal", "The talks, hosted by ...": a mention of an event
        // told before (not a verb after its subject's article: "the African Union
        // suspended")
        const bool definite = (nominal && definite_before(toks, c.tb, clause_lo)) || definite_reduced ||
                              (c.te < static_cast<int>(toks.size()) && toks[c.te].word &&
                               toks[c.te].is(kDefinite));
        // ", killing at least 133 people": a participle that opens the clause right after a
        // comma tells the outcome of the event mentioned in the clause before
        const bool outcome = verb_form && !nominal && c.ing && c.tb == clause_lo && clause_lo > 0 &&
                             !toks[clause_lo - 1].word && toks[clause_lo - 1].punct == ',';
        // "in a(n)" before the nominal, a word perhaps between: it tells again an event of
        // its type told earlier in the sentence ("A car bomb exploded ..., killing 17
        // recruits, in an attack claimed by al Shabaab").
        bool in_an_event = false;
        for (int q = c.tb - 1; nominal && q >= 1 && q >= c.tb - 2 && toks[q].word; --q)
          if ((eq(toks[q].low, "a") || eq(toks[q].low, "an")) && toks[q - 1].word &&
              eq(toks[q - 1].low, "in")) {
            in_an_event = true;
            break;
          }
        bool merged = false;
        int best = -1, best_shared = 0;  // the event this mention tells again (below)
        int checked = 0;
        for (int k = latest; k >= 0 && checked < merge_lookback; k = previous_of_type[k], ++checked) {
          Event& old = events[k];
          if (old.modality != modality) continue;
          if (old.date && date && old.date->value != date->value) continue;
          // One event told again: a participant shared, and, where the event has countries
          // as actors, no country as actor that is none of them, unless the mention is definite ("the
          // talks", "the pact, signed by X", "X signed the deal"): "Indonesia's president met
          // Vietnam's prime minister" and, later, "the Philippines has sought talks with
          // Vietnam" are two meetings.
          auto in_old = [&](const Part& p) {
            return std::any_of(old.participants.begin(), old.participants.end(),
                               [&](const EventParticipant& a) { return a.id == p.e->id; });
          };
          // (of the clause before's event that shares its actor, when it has one: in "police
          // opened fire on protesters who stormed parliament, killing five", not the storming)
          const bool shares_any = std::any_of(parts.begin(), parts.end(), in_old);
          const bool outcome_of_old =
              outcome && last_mention[k] == std::pair<int, int>{sidx, tc - 1} &&
              (shares_any ||
               std::none_of(parts.begin(), parts.end(), [](const Part& p) { return eq(p.role, "actor"); }));
          const bool told_in_sentence = in_an_event && last_mention[k].first == sidx;
          bool share = anaphoric || outcome_of_old || told_in_sentence || shares_any;
          auto state_or_body = [](std::string_view label) {
            return eq(label, "COUNTRY") || eq(label, "ORG");
          };
          const bool old_country_actor =
              std::any_of(old.participants.begin(), old.participants.end(),
                          [&](const EventParticipant& a) {
                            return a.role == "actor" && state_or_body(a.label);
                          });
          // (an actor among the old event's actors: "Russian missiles struck Ukraine" and
          // "Ukrainian drones hit a refinery" are two attacks)
          auto in_old_actors = [&](const Part& p) {
            return std::any_of(old.participants.begin(), old.participants.end(),
                               [&](const EventParticipant& a) {
                                 return a.id == p.e->id && a.role == "actor";
                               });
          };
          if (share && !anaphoric && !definite && old_country_actor)
            share = std::all_of(parts.begin(), parts.end(), [&](const Part& p) {
              return !eq(p.role, "actor") || !state_or_body(p.e->label) || in_old_actors(p);
            });
          // (a symmetric event whose actors and the mention's each hold one the other lacks:
          // two events, "would seek talks with Libya and would meet Ruth Obi")
          if (share && !anaphoric && !definite && td.symmetric &&
              std::any_of(parts.begin(), parts.end(),
                          [&](const Part& p) { return eq(p.role, "actor") && !in_old_actors(p); }) &&
              std::any_of(old.participants.begin(), old.participants.end(),
                          [&](const EventParticipant& a) {
                            return a.role == "actor" &&
                                   std::none_of(parts.begin(), parts.end(), [&](const Part& p) {
                                     return p.e->id == a.id;
                                   });
                          }))
            share = false;
          // (a participant that is the actor of one and the target of the other: two
          // events, "killing the gunmen who had stormed the hotel")
          const bool roles_swapped = std::any_of(parts.begin(), parts.end(), [&](const Part& p) {
            return std::any_of(old.participants.begin(), old.participants.end(),
                               [&](const EventParticipant& a) {
                                 return a.id == p.e->id &&
                                        ((a.role == "actor" && eq(p.role, "target")) ||
                                         (a.role == "target" && eq(p.role, "actor")));
                               });
          });
          // (a place of each, and none in common: two events, "killed in a strike in
          // Tehran" and "a strike in Beirut killed a commander")
          auto is_place_part = [](std::string_view role, std::string_view label) {
            return role == "location" && label == "LOCATION";
          };
          const bool places_differ =
              !anaphoric && !definite && !outcome_of_old &&
              std::any_of(parts.begin(), parts.end(),
                          [&](const Part& p) { return is_place_part(p.role, p.e->label); }) &&
              std::any_of(old.participants.begin(), old.participants.end(),
                          [&](const EventParticipant& a) { return is_place_part(a.role, a.label); }) &&
              std::none_of(parts.begin(), parts.end(), [&](const Part& p) {
                return is_place_part(p.role, p.e->label) && in_old(p);
              });
          // (a target of each, and no target or place in common: two events, "France pulled
          // its forces out of Mali and Niger" and "the last French soldiers left Chad"; one
          // in "the Nairobi bombing ... evidence from the Nairobi bombing arrived at the FBI")
          const bool targets_differ =
              !anaphoric && !definite && !outcome_of_old &&
              std::any_of(parts.begin(), parts.end(),
                          [](const Part& p) { return eq(p.role, "target"); }) &&
              std::any_of(old.participants.begin(), old.participants.end(),
                          [](const EventParticipant& a) { return a.role == "target"; }) &&
              std::none_of(parts.begin(), parts.end(), [&](const Part& p) {
                return (eq(p.role, "target") || eq(p.role, "location")) && in_old(p);
              });
          if (!share || roles_swapped || places_differ || targets_differ) continue;
          // Of the events it may tell again, the one it shares the most participants with,
          // the latest of those: "India fired missiles at nine sites in Pakistan and
          // Pakistani Kashmir" tells again "India strikes Pakistan", not the "Kashmir
          // attack" named after it.
          const auto shared = static_cast<int>(std::count_if(parts.begin(), parts.end(), in_old));
          if (best < 0 || shared > best_shared) {
            best = k;
            best_shared = shared;
          }
        }
        if (best >= 0) {
          const int k = best;
          Event& old = events[k];
          std::pair<int, int> here{sidx, tc};
          if (last_mention[k] != here) old.mentions += 1;
          last_mention[k] = here;
          // (a participant's role of one mention stands over "other" of the other)
          for (auto& p : parts) {
            bool dup = false;
            for (auto& q : old.participants) {
              if (q.id != p.e->id) continue;
              if (q.role == p.role || eq(p.role, "other")) dup = true;
              else if (q.role == "other") {
                q.role.assign(p.role);
                dup = true;
              }
            }
            if (!dup) add_participant(old.participants, p);
          }
          if (!old.date && date) set_date(old.date);
          merged = true;
        }
        if (!merged && static_cast<int>(parts.size()) >= min_participants) {
          if (events.empty()) {
            events.reserve(8);
            previous_of_type.reserve(8);
            last_mention.reserve(8);
          }
          previous_of_type.push_back(latest);
          latest = static_cast<int>(events.size());
          last_mention.emplace_back(sidx, tc);
          Event& ev = events.emplace_back();  // built in place
          ev.type = td.name;
          ev.cameo = d.cameo;
          ev.trigger = Span{c.start, c.end};
          ev.participants.reserve(parts.size());
          for (const Part& p : parts) add_participant(ev.participants, p);
          if (date) set_date(ev.date);
          ev.sentence = Span{sb, se};
          ev.sentence_index = sidx;
          ev.modality = modality;
        }
      }

      // ---- update the reference memory
      for (size_t k = 0; k < mentions.size();) {
        size_t end = k + 1;  // the group's mentions: [k, end)
        while (end < mentions.size() && mentions[end].group == mentions[k].group) ++end;
        // A group of one mention with one member (most of them) is not kept: not collected.
        if (end - k > 1 || mentions[k].size() > 1) {
          grp.clear();
          for (size_t j = k; j < end; ++j)
            for (uint32_t mi = mentions[j].mb; mi < mentions[j].me; ++mi) {
              const Entity* e = pool[mi];
              if (std::find(grp.begin(), grp.end(), e) == grp.end() &&
                  std::none_of(grp.begin(), grp.end(), [&](const Entity* x) { return x->id == e->id; }))
                grp.push_back(e);
            }
          if (grp.size() >= 2) {
            GroupMemory& gm = memory.push();
            gm.sentence = sidx;
            gm.members = grp;
            gm.label = group_label(grp);
            std::string_view gov = governing_word(toks, mentions[k].tb, 0);
            gm.subject = gov.empty() || eq(gov, "and") || eq(gov, "both") || eq(gov, "all");
          }
        }
        k = end;
      }
      for (auto& m : mentions)
        if (!m.pseudo && m.size() == 1 && eq(first(m)->label, "ORG") && !news_source(toks, m)) {
          last_org = first(m);
          last_org_sentence = sidx;
        }
    }
}
  return events;
}

EventExtractor::EventExtractor(const nlohmann::json& taxonomy, const std::string& where,
                               const std::vector<std::string>& government_places)
    : impl_(std::make_unique<Impl>()) {
  impl_->government_places.insert(government_places.begin(), government_places.end());
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
  const std::string lowered = text::ascii_lower_padded(text);
  return extract(text, std::string_view(lowered.data(), text.size()), sentences, entities, timexes,
                 dct);
}

namespace {

// Whether the TIMEX3 date `value` ("2026-11-09", "2026-11" or "2026"; a time's date part)
// lies after the day `dct` at the value's own granularity: a day after it, a month after
// its month, a year after its year. Other values (weeks, seasons, underspecified ones)
// are never after it.
bool after_day(std::string_view value, const CalendarDate& dct) {
  const std::optional<CalendarDate> date = date_value_parts(value);
  if (!date) return false;
  if (date->year != dct.year || date->month == 0) return date->year > dct.year;
  if (date->month != dct.month || date->day == 0) return date->month > dct.month;
  return date->day > dct.day;
}

// An asserted event dated after the document's own date is yet to happen: hypothetical
// ("called legislative elections for November 9"), as one told with "will" is.
void mark_events_after(std::vector<Event>& events, const std::optional<CalendarDate>& dct) {
  if (!dct) return;
  for (Event& e : events)
    if (e.modality == "asserted" && e.date && after_day(e.date->value, *dct))
      e.modality = "hypothetical";
}

}  // namespace

std::vector<Event> EventExtractor::extract(std::string_view text, std::string_view lowered,
                                           const std::vector<Sentence>& sentences,
                                           const std::vector<Entity>& entities,
                                           const std::vector<Timex>& timexes,
                                           const std::optional<CalendarDate>& dct) const {
  std::vector<Event> events = impl_->run(text, lowered, sentences, nullptr, entities, timexes);
  mark_events_after(events, dct);
  return events;
}

std::vector<Event> EventExtractor::extract(std::string_view text, std::string_view lowered,
                                           const TokenizedText& tokenized,
                                           const std::vector<Entity>& entities,
                                           const std::vector<Timex>& timexes,
                                           const std::optional<CalendarDate>& dct) const {
  std::vector<Event> events =
      impl_->run(text, lowered, tokenized.sentences, &tokenized, entities, timexes);
  mark_events_after(events, dct);
  return events;
}

std::vector<Event> internal::events_trying_every_reference(const EventExtractor& ex,
                                                          std::string_view text,
                                                          const std::vector<Sentence>& sentences,
                                                          const std::vector<Entity>& entities,
                                                          const std::vector<Timex>& timexes) {
  struct Restore {
    ~Restore() { try_every_reference = false; }
  } restore;
  try_every_reference = true;
  return ex.extract(text, sentences, entities, timexes, std::nullopt);
}

std::vector<std::string> internal::event_word_lookup_mismatches(
    const std::vector<std::string>& table, const std::vector<std::string>& probes) {
  WordTable words;
  std::map<std::string, uint32_t> ids;
  for (const std::string& w : table) ids.emplace(w, words.intern(w));
  words.freeze();
  std::vector<std::string> all = table;
  all.insert(all.end(), probes.begin(), probes.end());
  std::vector<std::string> out;
  for (const std::string& w : all) {
    const auto it = ids.find(w);
    const uint32_t want = it == ids.end() ? kNoWord : it->second;
    const std::string padded = w + "xxxxxxxxxxxxxxxx";  // bytes the lookup must mask off
    if (words.find_padded(std::string_view(padded.data(), w.size())) != want) out.push_back(w);
  }
  return out;
}

std::vector<std::string> internal::event_scan_memo_mismatches(
    const std::vector<std::string>& patterns_a, const std::vector<std::string>& patterns_b,
    const std::vector<std::string>& words) {
  auto filter_of = [](const std::vector<std::string>& patterns) {
    std::vector<std::unique_ptr<RE2>> res;
    std::vector<const RE2*> ptrs;
    for (const std::string& p : patterns) {
      res.push_back(std::make_unique<RE2>(p));
      ptrs.push_back(res.back().get());
    }
    return std::make_unique<PatternFilter>(ptrs, "<test>");
  };
  const auto a = filter_of(patterns_a), b = filter_of(patterns_b);
  auto memo = std::make_unique<ScanMemo>();
  std::vector<std::string> out;
  // Each word with a, then b, then a again, twice over: misses, hits, and the answers of
  // the other filter that use() must forget.
  for (int round = 0; round < 2; ++round)
    for (const PatternFilter* f : {a.get(), b.get(), a.get()}) {
      memo->use(*f);
      for (const std::string& w : words) {
        if (w.empty() || w.size() > internal::ShortWordIndex::kMaxBytes) continue;
        const std::string padded = w + "xxxxxxxxxxxxxxxx";
        const std::string_view v(padded.data(), w.size());
        const uint64_t key = internal::ShortWordIndex::key_of_padded(v.data(), v.size());
        if (memo->scan_short(*f, v, key) != f->scan(v)) out.push_back(w);
      }
    }
  return out;
}

}  // namespace liptako
