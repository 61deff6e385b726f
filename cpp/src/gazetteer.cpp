#include "liptako/gazetteer.h"

#include <algorithm>
#include <cstring>

#include "liptako/errors.h"
#include "liptako/string_index.h"
#include "liptako/text.h"
#include "huge_pages.h"
#include "short_word_index.h"
#include "word_tokens.h"

namespace liptako {

namespace {

constexpr uint32_t kNoToken = Gazetteer::kNoToken;  // token not in the vocabulary
using internal::Key16;
using internal::MediumWordIndex;
using internal::PackedWordEntry;
using internal::PackedWords;
using internal::ShortWordIndex;
using internal::WordKeyFilter;
static_assert(ShortWordIndex::kNotFound == kNoToken, "a word not in the vocabulary");

inline uint64_t edge_key(uint32_t node, uint32_t token) {
  return (static_cast<uint64_t>(node) << 32) | token;
}

inline uint64_t mix(uint64_t x) {  // splitmix64 finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// A blocked Bloom filter of 64-bit hashes: two bits in one 64-bit word per
// hash, 8 to 16 bits per hash added, at most 1 MB. may_contain() is false only
// for a hash never added. The bits come from the hash's high half, the word
// from the bits above them; a hash table indexed by the low bits can share the
// hash.
class EdgeFilter {
 public:
  void build(const std::vector<uint64_t>& hashes) {
    size_t words = 1;
    while (words * 64 < hashes.size() * kBitsPerHash && words < kMaxWords) words *= 2;
    words_.assign(words, 0);
    mask_ = words - 1;
    for (uint64_t h : hashes) words_[word(h)] |= bits(h);
  }
  bool may_contain(uint64_t h) const {
    const uint64_t b = bits(h);
    return (words_[word(h)] & b) == b;
  }
  size_t memory_bytes() const { return words_.capacity() * 8; }

 private:
  static constexpr size_t kBitsPerHash = 8;
  // 1 MB: a filter that no longer fits a core's cache would cost a miss of its
  // own on every lookup. Past 1M edges, fewer bits per edge let more through.
  static constexpr size_t kMaxWords = size_t{1} << 17;
  static uint64_t bits(uint64_t h) {
    return (1ULL << ((h >> 32) & 63)) | (1ULL << ((h >> 38) & 63));
  }
  size_t word(uint64_t h) const { return static_cast<size_t>(h >> 44) & mask_; }
  std::vector<uint64_t> words_ = std::vector<uint64_t>(1, 0);
  size_t mask_ = 0;
};

constexpr uint64_t kEmptyEdge = ~0ULL;  // no edge has it: no edge is labelled kNoToken

// An edge of the trie below the root: (node, token id) -> child node. Packed
// to 12 bytes: most slots lie within one cache line.
struct __attribute__((packed)) EdgeSlot {
  uint64_t key = kEmptyEdge;  // edge_key(node, token)
  uint32_t child = 0;
};
static_assert(sizeof(EdgeSlot) == 12);

struct ValueRecord {
  uint32_t value;
  uint32_t surface;  // index into surfaces (case-sensitive phrases) or kNoToken
  bool require_capital;
  bool last = true;  // the last value of its node (Gazetteer::Data::values)
};

// Non-transparent token surfaces of tokens[first, end), joined by '\x1f'.
void join_surfaces(std::string_view text, const std::vector<Token>& tokens, size_t first,
                   size_t end, std::string& out) {
  out.clear();
  for (size_t k = first; k < end; ++k) {
    if (is_transparent_token(tokens, k)) continue;
    if (!out.empty()) out.push_back('\x1f');
    out.append(text.substr(tokens[k].start, tokens[k].end - tokens[k].start));
  }
}

}  // namespace

struct Gazetteer::Data {
  StringIndex vocabulary;           // folded token text -> token id
  // Edges below the root: open addressing with linear probing, at most 3/4
  // full, key ~0 = empty. A key and its child side by side: finding an edge
  // reads one cache line, not two.
  internal::LargeTable<EdgeSlot> edges;
  // A Bloom filter of the edges' keys, read before them: most edges looked for
  // do not exist ("the" followed by a word that continues no phrase of "the"),
  // and the filter, small enough to stay in cache, answers most of those
  // without reading the edges, which at a million phrases are tens of MB in
  // main memory.
  EdgeFilter edge_filter;
  uint32_t node_count = 1;                // node 0 is the root
  // Per node that ends a phrase (has_values), its values. A node whose one
  // value is plain (no surface to compare, no capital required) and below
  // kInlineValue holds it here as kInlineValue | value: accepting it reads
  // nothing more, where a record in `values` would cost a cache miss of its
  // own at a million phrases. Any other node holds the index of its first
  // record in `values`, a run ending at the record marked `last`.
  internal::LargeTable<uint32_t> node_values;
  static constexpr uint32_t kInlineValue = 1u << 31;
  std::vector<ValueRecord> values;
  std::vector<std::string> surfaces;      // for case-sensitive phrases
  size_t phrase_count = 0;
  // Per vocabulary word, also held beside its id in the word indexes (`extra`):
  // its root child (0: no phrase starts with it) in the low bits, and flags
  // that answer most edge lookups without one. Every scan starts at the root,
  // so its edges are this direct index rather than a hash probe. A word that
  // labels no edge of the kind asked about has no such child; a start that has
  // no longer phrase has no child at all.
  static constexpr uint32_t kSecondWord = 1u << 31;  // labels an edge out of a root child
  static constexpr uint32_t kLaterWord = 1u << 30;   // labels an edge deeper down
  static constexpr uint32_t kStartGoesOn = 1u << 29;  // its root child has children
  static constexpr uint32_t kNodeBits = kStartGoesOn - 1;
  static constexpr uint32_t kFollowing = kSecondWord | kLaterWord;
  static uint32_t root_of(uint32_t extra) { return extra & kNodeBits; }
  internal::LargeTable<uint32_t> word_extras;  // by vocabulary id

  // Fills word_extras from the edges out of the root (root_children: by token
  // id, 0 for none) and those below it.
  void set_word_extras(const std::vector<uint32_t>& root_children) {
    word_extras.assign(root_children.begin(), root_children.end());
    std::vector<bool> goes_on(node_count, false), at_depth_one(node_count, false);
    for (uint32_t child : root_children) at_depth_one[child] = child != 0;
    for (const EdgeSlot& e : edges) {
      if (e.key == kEmptyEdge) continue;
      const auto parent = static_cast<uint32_t>(e.key >> 32);
      const auto token = static_cast<uint32_t>(e.key);
      goes_on[parent] = true;
      word_extras[token] |= at_depth_one[parent] ? kSecondWord : kLaterWord;
    }
    for (uint32_t id = 0; id < word_extras.size(); ++id)
      if (root_children[id] != 0 && goes_on[root_children[id]]) word_extras[id] |= kStartGoesOn;
  }
  // The vocabulary's words of 1 to 16 bytes, each with its word_extras entry.
  PackedWords packed_words;
  // The keys of packed_words' words of 1 to 8 bytes that start a phrase, and
  // of those that start one or are a second word (kSecondWord).
  WordKeyFilter start_filter, second_filter;

  uint32_t child(uint32_t node, uint32_t token) const {
    if (node == 0) return token < word_extras.size() ? root_of(word_extras[token]) : 0;
    if (edges.empty()) return 0;
    const uint64_t key = edge_key(node, token);
    const uint64_t hash = mix(key);
    if (!edge_filter.may_contain(hash)) return 0;
    const size_t mask = edges.size() - 1;
    for (size_t i = static_cast<size_t>(hash) & mask;; i = (i + 1) & mask) {
      if (edges[i].key == key) return edges[i].child;
      if (edges[i].key == kEmptyEdge) return 0;
    }
  }

  // child(node, token) for a token whose word_extras entry is `extra`, looked
  // up only when the entry has one of the flags `may_follow` (kSecondWord below
  // a root child, kFollowing anywhere): the flags answer most lookups of edges
  // that do not exist.
  uint32_t child_if_follows(uint32_t node, uint32_t token, uint32_t extra,
                            uint32_t may_follow) const {
    return (extra & may_follow) == 0 ? 0 : child(node, token);
  }

  // Appends to `out` the accepted values of `node` for tokens[first, end) (a
  // match; token indices plus `base`); whether any. (Inline: out of line,
  // find_ids() takes 3% more instructions, by callgrind.)
  __attribute__((always_inline)) bool append_values(uint32_t node, std::string_view text,
                                                    const std::vector<Token>& tokens,
                                                    size_t first, size_t end, uint32_t base,
                                                    std::string& scratch,
                                                    std::vector<GazetteerMatch>& out) const {
    bool any = false;
    for_each_value(node, [&](const ValueRecord& r) {
      if (!accepts(r, text, tokens, first, end, scratch)) return;
      out.push_back({base + static_cast<uint32_t>(first), base + static_cast<uint32_t>(end),
                     tokens[first].start, tokens[end - 1].end, r.value});
      any = true;
    });
    return any;
  }

  // Calls f(record) for each value of `node`, a node with values, in the
  // order they were added.
  template <class F>
  __attribute__((always_inline)) void for_each_value(uint32_t node, F&& f) const {
    const uint32_t held = node_values[node];
    if (held & kInlineValue) {
      f(ValueRecord{held & ~kInlineValue, kNoToken, false});
      return;
    }
    for (const ValueRecord* r = &values[held];; ++r) {
      f(*r);
      if (r->last) return;
    }
  }

  // Whether `node` ends a phrase: one bit per node (a 32nd of node_values'
  // size, which stays in cache where node_values, at a million phrases, does not).
  std::vector<uint64_t> ends_phrase;
  bool has_values(uint32_t node) const { return (ends_phrase[node >> 6] >> (node & 63)) & 1; }

  bool accepts(const ValueRecord& r, std::string_view text, const std::vector<Token>& tokens,
               size_t first, size_t end, std::string& scratch) const {
    if (r.require_capital && !tokens[first].capitalized) return false;
    if (r.surface != kNoToken) {
      join_surfaces(text, tokens, first, end, scratch);
      if (scratch != surfaces[r.surface]) return false;
    }
    return true;
  }

  // accepts() for the one-token match t (a word or number).
  bool accepts_word(const ValueRecord& r, std::string_view text, const Token& t) const {
    if (r.require_capital && !t.capitalized) return false;
    return r.surface == kNoToken || text.substr(t.start, t.end - t.start) == surfaces[r.surface];
  }

  // Buffers match() reuses from one call to the next.
  struct Scratch {
    std::string surfaces;
  };

  // Appends the matches in `tokens` (ids as find_ids() wants them) to `out`,
  // their token indices plus `base`.
  void match(std::string_view text, const std::vector<Token>& tokens,
             const std::vector<uint32_t>& ids, MatchKind kind, uint32_t base, Scratch& scratch,
             std::vector<GazetteerMatch>& out) const;

  class LongestWalker;

  // The vocabulary id of token t of `text` (its text::fold), or kNoToken, and
  // its root child (0 if none). `folded`: a buffer. Inline for an ASCII token of
  // up to 16 bytes (its bytes lowered, one or two integers), out of line for the
  // others (long_token_id). Short words by find_present(): those asked about
  // here (inside a walk, or past a start filter) are mostly in the vocabulary.
  PackedWordEntry token_entry(std::string_view text, const Token& t, std::string& folded) const {
    uint64_t key;
    if (short_key(text, t, key)) return packed_words.short_words().find_present(key);
    const size_t n = t.end - t.start;
    const char* p = text.data() + t.start;
    // 9 to 16 bytes: a word or number (the other kinds are shorter), keyed as
    // key_of_ascii_word keys them; near the text's end by long_token_id.
    if (t.ascii && n <= MediumWordIndex::kMaxBytes && t.start + 16 <= text.size())
      return packed_words.medium_words().find(
          Key16{ShortWordIndex::key_of_ascii_word(p, 8),
                ShortWordIndex::key_of_ascii_word(p + 8, n - 8)});
    const uint32_t id = long_token_id(text, t, folded);
    return {id, id == kNoToken ? 0 : word_extras[id]};
  }
  // Whether token t of `text` is an ASCII token of up to 8 bytes, looked up by
  // its ShortWordIndex key (its bytes lowered): then sets `key`.
  static bool short_key(std::string_view text, const Token& t, uint64_t& key) {
    const size_t n = t.end - t.start;
    if (!t.ascii || n > ShortWordIndex::kMaxBytes) return false;
    const char* p = text.data() + t.start;
    const bool may_read_8 = t.start + 8 <= text.size();
    key = may_read_8 && t.kind != TokenKind::kPunct ? ShortWordIndex::key_of_ascii_word(p, n)
                                                    : ShortWordIndex::key_of_ascii(p, n, may_read_8);
    return true;
  }
  // The vocabulary id of token t, looked up by its folded text (a string).
  uint32_t long_token_id(std::string_view text, const Token& t, std::string& folded) const;
};

struct GazetteerBuilder::State {
  Gazetteer::Data data;
  std::vector<uint32_t> root_children;  // by token id (0: none): data.word_extras at build()
  size_t edge_count = 0;
  std::vector<std::pair<uint32_t, ValueRecord>> pending;  // (node, value)

  uint32_t child_or_add(uint32_t node, uint32_t token) {
    auto& d = data;
    if (node == 0) {
      if (token >= root_children.size()) root_children.resize(token + 1, 0);
      if (root_children[token] == 0) root_children[token] = d.node_count++;
      return root_children[token];
    }
    if ((edge_count + 1) * 4 > d.edges.size() * 3) grow();
    uint64_t key = edge_key(node, token);
    size_t mask = d.edges.size() - 1;
    for (size_t i = static_cast<size_t>(mix(key)) & mask;; i = (i + 1) & mask) {
      if (d.edges[i].key == key) return d.edges[i].child;
      if (d.edges[i].key == kEmptyEdge) {
        d.edges[i] = {key, d.node_count++};
        ++edge_count;
        return d.edges[i].child;
      }
    }
  }

  void grow() {
    auto& d = data;
    internal::LargeTable<EdgeSlot> old = std::move(d.edges);
    const size_t n = old.empty() ? 1024 : old.size() * 2;
    d.edges.assign(n, EdgeSlot{});
    const size_t mask = n - 1;
    for (const EdgeSlot& e : old) {
      if (e.key == kEmptyEdge) continue;
      size_t i = static_cast<size_t>(mix(e.key)) & mask;
      while (d.edges[i].key != kEmptyEdge) i = (i + 1) & mask;
      d.edges[i] = e;
    }
  }
};

GazetteerBuilder::GazetteerBuilder() : state_(std::make_unique<State>()) {}
GazetteerBuilder::~GazetteerBuilder() = default;
GazetteerBuilder::GazetteerBuilder(GazetteerBuilder&&) noexcept = default;
GazetteerBuilder& GazetteerBuilder::operator=(GazetteerBuilder&&) noexcept = default;

bool GazetteerBuilder::add(std::string_view phrase, uint32_t value, PhraseOptions options) {
  const std::vector<Token> tokens = tokenize_words(phrase);
  size_t first = 0;
  while (first < tokens.size() && tokens[first].kind != TokenKind::kWord &&
         tokens[first].kind != TokenKind::kNumber)
    ++first;
  if (first == tokens.size()) return false;
  FoldedTokens folded(phrase, tokens);
  uint32_t node = 0;
  for (size_t k = first; k < tokens.size(); ++k) {
    if (is_transparent_token(tokens, k)) continue;
    node = state_->child_or_add(node, state_->data.vocabulary.intern(folded[k]));
  }
  ValueRecord record{value, kNoToken, options.require_capital};
  if (options.case_sensitive) {
    std::string joined;
    join_surfaces(phrase, tokens, first, tokens.size(), joined);
    record.surface = static_cast<uint32_t>(state_->data.surfaces.size());
    state_->data.surfaces.push_back(std::move(joined));
  }
  state_->pending.emplace_back(node, record);
  ++state_->data.phrase_count;
  return true;
}

Gazetteer GazetteerBuilder::build() && {
  auto& s = *state_;
  auto& d = s.data;
  // Values grouped by node, insertion order kept within a node.
  std::stable_sort(s.pending.begin(), s.pending.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  d.node_values.assign(d.node_count, 0);
  d.ends_phrase.assign(d.node_count / 64 + 1, 0);
  for (size_t first = 0, end = 0; first < s.pending.size(); first = end) {
    const uint32_t node = s.pending[first].first;
    while (end < s.pending.size() && s.pending[end].first == node) ++end;
    d.ends_phrase[node >> 6] |= uint64_t{1} << (node & 63);
    const ValueRecord& one = s.pending[first].second;
    if (end == first + 1 && one.surface == kNoToken && !one.require_capital &&
        one.value < Gazetteer::Data::kInlineValue) {
      d.node_values[node] = Gazetteer::Data::kInlineValue | one.value;
      continue;
    }
    if (d.values.size() >= Gazetteer::Data::kInlineValue)  // an index must not look inline
      throw LimitError("gazetteer: more than 2^31 value records");
    d.node_values[node] = static_cast<uint32_t>(d.values.size());
    for (size_t k = first; k < end; ++k) {
      d.values.push_back(s.pending[k].second);
      d.values.back().last = k + 1 == end;
    }
  }
  d.values.shrink_to_fit();
  s.pending.clear();
  s.pending.shrink_to_fit();
  s.root_children.resize(d.vocabulary.size(), 0);
  if (d.node_count > Gazetteer::Data::kNodeBits)
    throw LimitError("gazetteer: more than " + std::to_string(Gazetteer::Data::kNodeBits) +
                     " trie nodes");
  d.set_word_extras(s.root_children);
  d.packed_words.build(d.vocabulary, d.word_extras.data());
  std::vector<uint64_t> start_keys, second_keys;
  for (uint32_t id = 0; id < d.vocabulary.size(); ++id) {
    const std::string_view w = d.vocabulary.get(id);
    if (w.empty() || w.size() > internal::ShortWordIndex::kMaxBytes) continue;
    uint64_t key = 0;  // as the ShortWordIndex keys it
    std::memcpy(&key, w.data(), w.size());
    const bool starts = Gazetteer::Data::root_of(d.word_extras[id]) != 0;
    if (starts) start_keys.push_back(key);
    if (starts || (d.word_extras[id] & Gazetteer::Data::kSecondWord)) second_keys.push_back(key);
  }
  // 8 bits per key: about 12% of other keys pass.
  d.start_filter.build(start_keys, 8);
  d.second_filter.build(second_keys, 8);
  std::vector<uint64_t> edge_hashes;
  edge_hashes.reserve(s.edge_count);
  for (const EdgeSlot& e : d.edges)
    if (e.key != kEmptyEdge) edge_hashes.push_back(mix(e.key));
  d.edge_filter.build(edge_hashes);
  Gazetteer g;
  g.data_ = std::make_unique<Gazetteer::Data>(std::move(d));
  state_ = std::make_unique<State>();
  return g;
}

Gazetteer::Gazetteer() : data_(std::make_unique<Data>()) {
  data_->node_values.assign(1, 0);
  data_->ends_phrase.assign(1, 0);
}
Gazetteer::~Gazetteer() = default;
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;

std::vector<GazetteerMatch> Gazetteer::find(std::string_view text,
                                            const std::vector<Token>& tokens,
                                            const FoldedTokens& folded, MatchKind kind) const {
  const Data& d = *data_;
  if (d.phrase_count == 0 || tokens.empty()) return {};
  std::vector<uint32_t> ids(tokens.size());
  for (size_t k = 0; k < ids.size(); ++k) ids[k] = d.vocabulary.find(folded[k]);
  return find_ids(text, tokens, ids, kind);
}

size_t Gazetteer::vocabulary_size() const { return data_->vocabulary.size(); }
std::string_view Gazetteer::vocabulary_word(uint32_t id) const {
  return data_->vocabulary.get(id);
}

std::vector<GazetteerMatch> Gazetteer::find_ids(std::string_view text,
                                                const std::vector<Token>& tokens,
                                                const std::vector<uint32_t>& ids,
                                                MatchKind kind) const {
  std::vector<GazetteerMatch> out;
  if (data_->phrase_count == 0) return out;
  // Allocated once for a news document (about a match per 10 tokens), not by doubling.
  out.reserve(tokens.size() / 8 + 8);
  Data::Scratch scratch;
  data_->match(text, tokens, ids, kind, 0, scratch, out);
  return out;
}

void Gazetteer::Data::match(std::string_view text, const std::vector<Token>& tokens,
                            const std::vector<uint32_t>& ids, MatchKind kind, uint32_t base,
                            Scratch& scratch, std::vector<GazetteerMatch>& out) const {
  const size_t n = tokens.size();
  // Read through locals, kept in registers: the vectors' own pointers would be
  // reloaded at every token (the loop appends to vectors).
  const Token* const tok = tokens.data();
  const uint32_t* const id = ids.data();
  const uint32_t* const extras = word_extras.data();
  size_t i = 0;
  while (i < n) {
    if (id[i] == kNoToken) {  // words of no phrase: stepped over in a tight loop
      do ++i;
      while (i < n && id[i] == kNoToken);
      continue;
    }
    const Token& t = tok[i];
    // (a transparent token is a hyphen: no phrase starts there)
    if (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber) {
      ++i;
      continue;
    }
    const uint32_t start = extras[id[i]];
    if (root_of(start) == 0) {  // no phrase starts with this word
      ++i;
      continue;
    }
    // The matches starting at token i are appended to `out` as found, shortest
    // first: out[mark, out.size()).
    const size_t mark = out.size();
    uint32_t node = root_of(start);
    if (has_values(node)) append_values(node, text, tokens, i, i + 1, base, scratch.surfaces, out);
    // The flags of word_extras spare most edge lookups: after the first word,
    // a word that follows none, or any word after a start with no longer phrase.
    uint32_t may_follow = (start & kStartGoesOn) ? kSecondWord : 0;
    for (size_t j = i + 1; j < n; ++j) {
      if (tok[j].kind == TokenKind::kHyphen && is_transparent_token(tokens, j)) continue;
      if (id[j] == kNoToken) break;
      node = child_if_follows(node, id[j], extras[id[j]], may_follow);
      if (node == 0) break;
      may_follow = kFollowing;
      if (has_values(node))
        append_values(node, text, tokens, i, j + 1, base, scratch.surfaces, out);
    }
    if (out.size() == mark || kind == MatchKind::kAll) {
      ++i;
      continue;
    }
    // Leftmost-longest: only the longest stay, the last ones appended.
    const uint32_t longest = out.back().end_token;
    size_t first_longest = out.size() - 1;
    while (first_longest > mark && out[first_longest - 1].end_token == longest) --first_longest;
    out.erase(out.begin() + static_cast<std::ptrdiff_t>(mark),
              out.begin() + static_cast<std::ptrdiff_t>(first_longest));
    i = longest - base;
  }
}

uint32_t Gazetteer::Data::long_token_id(std::string_view text, const Token& t,
                                        std::string& folded) const {
  // An ASCII token's fold is its bytes lowered: up to kShort of them into a
  // buffer; any other token is folded by text::fold.
  constexpr size_t kShort = 32;  // ASCII tokens up to this long are lowered 8 bytes at a time
  const char* p = text.data() + t.start;
  const size_t n = t.end - t.start;
  if (t.ascii && n <= kShort) {
    char lowered[kShort];
    if (t.start + kShort <= text.size()) {
      for (size_t m = 0; m < n; m += 8) {  // may read past the token, not past the text
        const uint64_t w = text::ascii_lower8(p + m);
        std::memcpy(lowered + m, &w, 8);
      }
    } else {  // near the text's end
      for (size_t m = 0; m < n; ++m) lowered[m] = text::ascii_lower(p[m]);
    }
    return vocabulary.find(std::string_view(lowered, n));
  }
  folded.clear();
  text::fold(std::string_view(p, n), folded);
  return vocabulary.find(folded);
}

// Leftmost-longest matching over tokens that come one at a time
// (Gazetteer::find(text)): the matches find_ids() gives for kLeftmostLongest,
// keeping only the tokens of the current *walk*.
//
// A walk follows the trie from a token where a phrase can start (a word or
// number with an edge out of the root); the tokens from there on are kept.
// When a token continues none of its phrases, or the text ends, the walk ends:
// its longest end with an accepted value is a match, and matching resumes
// after it, or after the walk's first token when there is none, on the kept
// tokens first (as find_ids() resumes there). A hyphen is stepped over once
// the token after it is known (is_transparent_token looks at both
// neighbours). Most walks are one word that the next token does not continue
// ("the", "in"): a walk's first word is held apart (lone_) and kept only when
// the next token may continue it. Most of the others are two words that the
// third token does not continue: the second word is held apart too (pair_),
// and the three are kept only when the third is a hyphen or continues them.
class Gazetteer::Data::LongestWalker {
 public:
  LongestWalker(const Data& d, std::string_view text, std::vector<GazetteerMatch>& out)
      : d_(d), text_(text), out_(out) {}

  // Token number `index` (counting from 0 in the text), its vocabulary id and
  // word index extra (Data::word_extras; 0 if none). Inline: called for most
  // words; the rarer work is out of line.
  __attribute__((always_inline)) void add(const Token& t, uint32_t index, uint32_t id,
                                          uint32_t extra) {
    if (lone_) {
      if (pair_.node != 0) {
        // A walk of two words, not kept: it ends at t unless t is a hyphen or
        // continues it (then the three are kept, and the walk goes on).
        if (t.kind == TokenKind::kHyphen ||
            d_.child_if_follows(pair_.node, id, extra, kFollowing) != 0) {
          keep_pair_and_step(t, id, extra);
          return;
        }
        end_pair();  // lone_: none, or the second word, which t may continue
      }
    }
    if (lone_) {
      // Most walks are one word that t, no hyphen, does not continue: the walk
      // ends there and t is looked at afresh. The word was never kept. (Here and
      // below, Data::child_if_follows is written out: this hottest test of
      // find() takes ~0.5% fewer instructions so, by callgrind.)
      if (t.kind == TokenKind::kHyphen) {
        keep_lone_and_step(t, id, extra);
        return;
      }
      if ((lone_.extra & kStartGoesOn) && (extra & kSecondWord)) {
        const uint32_t child = d_.child(lone_.root(), id);
        if (child != 0) {  // a walk of two words, not kept either
          pair_ = {t, id, extra, child};
          return;
        }
      }
      if (d_.has_values(lone_.root())) report_lone();
      lone_.extra = 0;
    } else if (walking_kept()) {
      // The same for a one-word walk among kept tokens.
      const bool one_word = next_ == tokens_.size() && next_ == first_ + 1;
      if (!one_word || t.kind == TokenKind::kHyphen ||
          ((extra & kSecondWord) && d_.child(node_, id) != 0)) {
        keep_and_step(t, id, extra);
        return;
      }
      if (!ends_.empty()) report(next_, node_);
      first_ = tokens_.size();  // no walk
    }
    if (root_of(extra) != 0 && wordish(t)) lone_ = {t, index, id, extra};  // a possible start
  }

  // add() for a token when no walk is under way and t (a word or number)
  // starts a phrase (root_of(extra) != 0).
  void start(const Token& t, uint32_t index, uint32_t id, uint32_t extra) {
    lone_ = {t, index, id, extra};
  }

  // After the last token.
  void finish() {
    if (lone_ && pair_.node != 0) end_pair();
    if (lone_ && d_.has_values(lone_.root())) report_lone();
    lone_.extra = 0;
    step(true);
  }

  // Whether a walk is under way (the next token may continue it).
  bool walking() const { return lone_ || walking_kept(); }
  // Whether it is the walk of a lone word (not kept, not two words).
  bool lone() const { return lone_ && pair_.node == 0; }

 private:
  // The second word of a walk of two words from lone_'s (kept in neither's
  // vectors): the token after lone_'s, continuing it to `node`.
  struct Pair {
    Token token;
    uint32_t id = 0, extra = 0;
    uint32_t node = 0;  // 0: no such walk
  };

  static bool wordish(const Token& t) {
    return t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber;
  }

  // A walk over kept tokens is under way.
  bool walking_kept() const { return first_ < tokens_.size(); }

  // The walk of lone_'s word becomes one over kept tokens, that word the first.
  void keep_lone() {
    tokens_.clear(), ids_.clear(), extras_.clear();
    first_ = 0;
    base_ = lone_.index;
    tokens_.push_back(lone_.token), ids_.push_back(lone_.id), extras_.push_back(lone_.extra);
    lone_.extra = 0;
    start_walk();
  }

  // t continues lone_'s walk, or may (a hyphen).
  __attribute__((noinline)) void keep_lone_and_step(const Token& t, uint32_t id, uint32_t extra) {
    keep_lone();
    keep_and_step(t, id, extra);
  }

  // t continues the walk of lone_ and pair_, or may (a hyphen): the three
  // are kept, and the walk goes on over them.
  __attribute__((noinline)) void keep_pair_and_step(const Token& t, uint32_t id, uint32_t extra) {
    const Pair second = pair_;
    pair_.node = 0;
    keep_lone();
    keep_and_step(second.token, second.id, second.extra);
    keep_and_step(t, id, extra);
  }

  // The walk of lone_ and pair_ ends: the next token (no hyphen) continues
  // neither, or the text ends. Reports its longest accepted match, as
  // end_walk() does; when that is not the two words, the walk resumes at the
  // second: it becomes lone_ if it may start a phrase (the next token is then
  // looked at as its follower), else no walk is under way.
  __attribute__((noinline)) void end_pair() {
    const Pair second = pair_;
    pair_.node = 0;
    if (d_.has_values(second.node) && report_pair(second)) {
      lone_.extra = 0;
      return;
    }
    if (d_.has_values(lone_.root())) report_lone();
    const uint32_t index = lone_.index + 1;
    lone_.extra = 0;
    if (root_of(second.extra) != 0 && wordish(second.token))
      lone_ = {second.token, index, second.id, second.extra};
  }

  // Appends the accepted values of the match of lone_'s word and `second`'s
  // (Data::append_values for those two tokens); whether any.
  bool report_pair(const Pair& second) {
    const Token& a = lone_.token;
    const Token& b = second.token;
    bool any = false;
    d_.for_each_value(second.node, [&](const ValueRecord& r) {
      if (r.require_capital && !a.capitalized) return;
      if (r.surface != kNoToken) {  // as join_surfaces() joins them
        surfaces_.assign(text_.substr(a.start, a.end - a.start));
        surfaces_.push_back('\x1f');
        surfaces_.append(text_.substr(b.start, b.end - b.start));
        if (surfaces_ != d_.surfaces[r.surface]) return;
      }
      out_.push_back({lone_.index, lone_.index + 2, a.start, b.end, r.value});
      any = true;
    });
    return any;
  }

  // lone_'s word is a phrase that nothing continues: its accepted values.
  __attribute__((noinline)) void report_lone() {
    const Token& t = lone_.token;
    d_.for_each_value(lone_.root(), [&](const ValueRecord& r) {
      if (d_.accepts_word(r, text_, t))
        out_.push_back({lone_.index, lone_.index + 1, t.start, t.end, r.value});
    });
  }

  // t continues the walk, or may (a hyphen): kept, and the walk goes on.
  __attribute__((noinline)) void keep_and_step(const Token& t, uint32_t id, uint32_t extra) {
    tokens_.push_back(t), ids_.push_back(id), extras_.push_back(extra);
    step(false);
  }

  // A walk from tokens_[first_] (a possible phrase start).
  void start_walk() {
    node_ = root_of(extras_[first_]);
    next_ = first_ + 1;
    ends_.clear();
    if (d_.has_values(node_)) ends_.push_back({next_, node_});
  }

  // Steps the walk over the kept tokens; ends it where it cannot go on, and
  // at the text's end (`last`).
  void step(bool last) {
    while (walking_kept()) {
      if (next_ == tokens_.size()) {
        if (!last) return;
        end_walk();
        continue;
      }
      if (tokens_[next_].kind == TokenKind::kHyphen) {
        if (next_ + 1 == tokens_.size() && !last) return;  // its right neighbour decides
        if (is_transparent_token(tokens_, next_)) {
          ++next_;
          continue;
        }
      }
      const uint32_t child = d_.child_if_follows(node_, ids_[next_], extras_[next_], kFollowing);
      if (child == 0) {
        end_walk();
        continue;
      }
      node_ = child;
      ++next_;
      if (d_.has_values(child)) ends_.push_back({next_, child});
    }
  }

  // Reports the walk's longest accepted match, then starts the next walk
  // among the kept tokens after it (or after the walk's first token), if any.
  void end_walk() {
    size_t resume = first_ + 1;
    for (auto e = ends_.rbegin(); e != ends_.rend(); ++e)
      if (report(e->end, e->node)) {
        resume = e->end;
        break;
      }
    first_ = resume;
    while (first_ < tokens_.size() &&
           (root_of(extras_[first_]) == 0 || !wordish(tokens_[first_])))
      ++first_;
    if (!walking_kept()) return;
    if (first_ >= kCompactAt) {  // long runs of walks: drop the tokens before this one
      tokens_.erase(tokens_.begin(), tokens_.begin() + static_cast<std::ptrdiff_t>(first_));
      ids_.erase(ids_.begin(), ids_.begin() + static_cast<std::ptrdiff_t>(first_));
      extras_.erase(extras_.begin(), extras_.begin() + static_cast<std::ptrdiff_t>(first_));
      base_ += static_cast<uint32_t>(first_);
      first_ = 0;
    }
    start_walk();
  }

  // Appends the accepted values of `node` for tokens_[first_, end); whether any.
  bool report(size_t end, uint32_t node) {
    return d_.append_values(node, text_, tokens_, first_, end, base_, surfaces_, out_);
  }

  struct End {
    size_t end;  // one past the walk's last token there
    uint32_t node;
  };
  static constexpr size_t kCompactAt = 64;

  // A walk of one word, not kept: most walks end at the next token.
  struct Lone {
    Token token;
    uint32_t index = 0, id = 0;
    uint32_t extra = 0;  // the word's word_extras entry; 0: no such walk
    uint32_t root() const { return root_of(extra); }
    explicit operator bool() const { return extra != 0; }
  };

  const Data& d_;
  std::string_view text_;
  std::vector<GazetteerMatch>& out_;
  Lone lone_;
  Pair pair_;  // when lone_ is a walk's first word
  // The kept tokens (token base_ + k of the text is tokens_[k]), their ids and
  // word_extras entries; the walk started at first_ (first_ == size: no walk).
  std::vector<Token> tokens_;
  std::vector<uint32_t> ids_, extras_;
  uint32_t base_ = 0;
  size_t first_ = 0;
  size_t next_ = 0;    // the walk has stepped over tokens_[first_, next_)
  uint32_t node_ = 0;  // where it got to
  std::vector<End> ends_;  // where it reached a node with values, shortest first
  std::string surfaces_;
};

// find_ids() over the text's tokens, without a vector of them: the tokens come
// one at a time from for_each_word_token. Leftmost-longest: LongestWalker.
// kAll keeps a *segment*: from a token where a phrase can start (a word or
// number whose id has an edge out of the root) up to and including the next
// *break*, a token that is not a hyphen and not in the vocabulary. No match
// contains a break (the walk stops there), and matching needs no token beyond
// the segment (a hyphen's transparency looks at its neighbours, both inside),
// so matching each segment alone gives find_ids()' matches; a token outside
// every segment starts none. Tokens are counted so that first_token /
// end_token index tokenize_words(text).
std::vector<GazetteerMatch> Gazetteer::find(std::string_view text, MatchKind kind) const {
  const Data& d = *data_;
  std::vector<GazetteerMatch> out;
  if (d.phrase_count == 0) return out;
  std::vector<Token> stretch;
  std::string folded;
  uint32_t index = 0;  // of the current token
  if (kind == MatchKind::kLeftmostLongest) {
    Data::LongestWalker walker(d, text, out);
    internal::for_each_word_token<false>(text, stretch, [&](const Token& t)
                                                     __attribute__((always_inline)) {
      const uint32_t at = index++;
      uint64_t key;
      PackedWordEntry entry;
      if (walker.walking()) {
        // After a lone word, t's entry counts only if t, no hyphen, starts a
        // phrase or is a second word; else add() takes {kNoToken, 0} alike.
        if (walker.lone() && t.kind != TokenKind::kHyphen && Data::short_key(text, t, key)) {
          entry = d.second_filter.may_contain(key) ? d.packed_words.short_words().find_present(key)
                                                   : PackedWordEntry{kNoToken, 0};
        } else {
          entry = d.token_entry(text, t, folded);
        }
        walker.add(t, at, entry.id, entry.extra);
        return;
      }
      if (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber)
        return;  // no phrase starts at t
      if (Data::short_key(text, t, key)) {
        if (!d.start_filter.may_contain(key)) return;  // no phrase starts at this word
        entry = d.packed_words.short_words().find_present(key);
      } else {
        entry = d.token_entry(text, t, folded);
      }
      if (Data::root_of(entry.extra) == 0) return;  // no phrase starts at this word
      walker.start(t, at, entry.id, entry.extra);
    });
    walker.finish();
    return out;
  }
  std::vector<Token> segment;
  std::vector<uint32_t> ids;  // parallel to segment
  uint32_t base = 0;          // the index of segment[0] among all tokens
  uint32_t first_node = 0;    // the trie node of segment[0]
  Data::Scratch scratch;
  internal::for_each_word_token(text, stretch, [&](const Token& t) __attribute__((always_inline)) {
    const uint32_t at = index++;
    const bool wordish = t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber;
    if (segment.empty() && !wordish) return;  // no phrase starts at t, none is pending
    const PackedWordEntry entry = d.token_entry(text, t, folded);
    const uint32_t id = entry.id;
    // Most segments are one word ("the", "in") followed by a token that is not
    // a hyphen and continues none of its phrases: when the word is no phrase on
    // its own, nothing matches from it (the walk stops at t) and it is dropped
    // here, without match(); t is looked at afresh.
    if (segment.size() == 1 && t.kind != TokenKind::kHyphen && !d.has_values(first_node) &&
        d.child_if_follows(first_node, id, entry.extra, Data::kSecondWord) == 0) {
      segment.clear();
      ids.clear();
    }
    if (segment.empty()) {
      first_node = wordish ? Data::root_of(entry.extra) : 0;
      if (first_node == 0) return;  // no phrase starts at t
      base = at;
    }
    segment.push_back(t);
    ids.push_back(id);
    if (id == kNoToken && t.kind != TokenKind::kHyphen) {  // a break ends the segment
      d.match(text, segment, ids, kind, base, scratch, out);
      segment.clear();
      ids.clear();
    }
  });
  if (!segment.empty()) d.match(text, segment, ids, kind, base, scratch, out);
  return out;
}

size_t Gazetteer::phrase_count() const { return data_->phrase_count; }
size_t Gazetteer::node_count() const { return data_->node_count; }
size_t Gazetteer::memory_bytes() const {
  const Data& d = *data_;
  size_t bytes = d.vocabulary.memory_bytes() + d.packed_words.memory_bytes() +
                 d.word_extras.capacity() * 4 +
                 d.edges.capacity() * sizeof(EdgeSlot) + d.edge_filter.memory_bytes() +
                 d.start_filter.memory_bytes() + d.second_filter.memory_bytes() +
                 d.node_values.capacity() * 4 + d.ends_phrase.capacity() * 8 +
                 d.values.capacity() * sizeof(ValueRecord);
  for (const auto& s : d.surfaces) bytes += s.capacity() + sizeof(s);
  return bytes;
}

}  // namespace liptako
