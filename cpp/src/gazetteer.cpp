#include "liptako/gazetteer.h"

#include <algorithm>
#include <cstring>

#include "liptako/string_index.h"
#include "liptako/text.h"
#include "short_word_index.h"
#include "word_tokens.h"

namespace liptako {

namespace {

constexpr uint32_t kNoToken = Gazetteer::kNoToken;  // token not in the vocabulary
using internal::Key16;
using internal::MediumWordIndex;
using internal::PackedWordEntry;
using internal::ShortWordIndex;
static_assert(ShortWordIndex::kNotFound == kNoToken, "a word not in the vocabulary");

inline uint64_t edge_key(uint32_t node, uint32_t token) {
  return (static_cast<uint64_t>(node) << 32) | token;
}

inline size_t mix(uint64_t x) {  // splitmix64 finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return static_cast<size_t>(x);
}

struct ValueRecord {
  uint32_t value;
  uint32_t surface;  // index into surfaces (case-sensitive phrases) or kNoToken
  bool require_capital;
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
  // Edges out of the root, by token id (0: none), one per vocabulary word. Every
  // scan starts at the root, so its edges are a direct index rather than a hash
  // probe.
  std::vector<uint32_t> root_children;
  std::vector<uint64_t> edge_keys;  // edges below the root; open addressing, ~0 = empty
  std::vector<uint32_t> edge_children;
  uint32_t node_count = 1;                // node 0 is the root
  std::vector<uint32_t> value_offsets;    // CSR over nodes
  std::vector<ValueRecord> values;
  std::vector<std::string> surfaces;      // for case-sensitive phrases
  size_t phrase_count = 0;
  // The vocabulary's words of up to 8 bytes and of 9 to 16, each with its root
  // child (root_children) as the extra.
  ShortWordIndex short_words;
  MediumWordIndex medium_words;

  uint32_t child(uint32_t node, uint32_t token) const {
    if (node == 0) return token < root_children.size() ? root_children[token] : 0;
    if (edge_keys.empty()) return 0;
    uint64_t key = edge_key(node, token);
    size_t mask = edge_keys.size() - 1;
    for (size_t i = mix(key) & mask;; i = (i + 1) & mask) {
      if (edge_keys[i] == key) return edge_children[i];
      if (edge_keys[i] == ~0ULL) return 0;
    }
  }

  bool accepts(const ValueRecord& r, std::string_view text, const std::vector<Token>& tokens,
               size_t first, size_t end, std::string& scratch) const {
    if (r.require_capital && !tokens[first].capitalized) return false;
    if (r.surface != kNoToken) {
      join_surfaces(text, tokens, first, end, scratch);
      if (scratch != surfaces[r.surface]) return false;
    }
    return true;
  }

  // Buffers match() reuses from one call to the next.
  struct Scratch {
    std::string surfaces;
    std::vector<GazetteerMatch> here;  // candidates starting at one token
  };

  // Appends the matches in `tokens` (ids as find_ids() wants them) to `out`,
  // their token indices plus `base`.
  void match(std::string_view text, const std::vector<Token>& tokens,
             const std::vector<uint32_t>& ids, MatchKind kind, uint32_t base, Scratch& scratch,
             std::vector<GazetteerMatch>& out) const;

  // The vocabulary id of token t of `text` (its text::fold), or kNoToken, and
  // its root child (0 if none). `folded`: a buffer. Inline for an ASCII token of
  // up to 16 bytes (its bytes lowered, one or two integers), out of line for the
  // others (long_token_id).
  PackedWordEntry token_entry(std::string_view text, const Token& t, std::string& folded) const {
    const size_t n = t.end - t.start;
    const char* p = text.data() + t.start;
    if (t.ascii && n <= ShortWordIndex::kMaxBytes) {
      const bool may_read_8 = t.start + 8 <= text.size();
      return short_words.find(may_read_8 && t.kind != TokenKind::kPunct
                                  ? ShortWordIndex::key_of_ascii_word(p, n)
                                  : ShortWordIndex::key_of_ascii(p, n, may_read_8));
    }
    // 9 to 16 bytes: a word or number (the other kinds are shorter), keyed as
    // key_of_ascii_word keys them; near the text's end by long_token_id.
    if (t.ascii && n <= MediumWordIndex::kMaxBytes && t.start + 16 <= text.size())
      return medium_words.find(Key16{ShortWordIndex::key_of_ascii_word(p, 8),
                                     ShortWordIndex::key_of_ascii_word(p + 8, n - 8)});
    const uint32_t id = long_token_id(text, t, folded);
    return {id, id == kNoToken ? 0 : root_children[id]};
  }
  // The vocabulary id of token t, looked up by its folded text (a string).
  uint32_t long_token_id(std::string_view text, const Token& t, std::string& folded) const;
};

struct GazetteerBuilder::State {
  Gazetteer::Data data;
  size_t edge_count = 0;
  std::vector<std::pair<uint32_t, ValueRecord>> pending;  // (node, value)

  uint32_t child_or_add(uint32_t node, uint32_t token) {
    auto& d = data;
    if (node == 0) {
      if (token >= d.root_children.size()) d.root_children.resize(token + 1, 0);
      if (d.root_children[token] == 0) d.root_children[token] = d.node_count++;
      return d.root_children[token];
    }
    if ((edge_count + 1) * 2 > d.edge_keys.size()) grow();
    uint64_t key = edge_key(node, token);
    size_t mask = d.edge_keys.size() - 1;
    for (size_t i = mix(key) & mask;; i = (i + 1) & mask) {
      if (d.edge_keys[i] == key) return d.edge_children[i];
      if (d.edge_keys[i] == ~0ULL) {
        d.edge_keys[i] = key;
        d.edge_children[i] = d.node_count++;
        ++edge_count;
        return d.edge_children[i];
      }
    }
  }

  void grow() {
    auto& d = data;
    std::vector<uint64_t> keys = std::move(d.edge_keys);
    std::vector<uint32_t> children = std::move(d.edge_children);
    size_t n = keys.empty() ? 1024 : keys.size() * 2;
    d.edge_keys.assign(n, ~0ULL);
    d.edge_children.assign(n, 0);
    size_t mask = n - 1;
    for (size_t k = 0; k < keys.size(); ++k) {
      if (keys[k] == ~0ULL) continue;
      size_t i = mix(keys[k]) & mask;
      while (d.edge_keys[i] != ~0ULL) i = (i + 1) & mask;
      d.edge_keys[i] = keys[k];
      d.edge_children[i] = children[k];
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
  d.value_offsets.assign(d.node_count + 1, 0);
  for (const auto& p : s.pending) ++d.value_offsets[p.first + 1];
  for (size_t n = 0; n < d.node_count; ++n) d.value_offsets[n + 1] += d.value_offsets[n];
  d.values.reserve(s.pending.size());
  for (const auto& p : s.pending) d.values.push_back(p.second);
  s.pending.clear();
  s.pending.shrink_to_fit();
  d.root_children.resize(d.vocabulary.size(), 0);
  d.short_words.build(d.vocabulary, d.root_children);
  d.medium_words.build(d.vocabulary, d.root_children);
  Gazetteer g;
  g.data_ = std::make_unique<Gazetteer::Data>(std::move(d));
  state_ = std::make_unique<State>();
  return g;
}

Gazetteer::Gazetteer() : data_(std::make_unique<Data>()) {
  data_->value_offsets.assign(2, 0);
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
  scratch.here.reserve(8);
  data_->match(text, tokens, ids, kind, 0, scratch, out);
  return out;
}

void Gazetteer::Data::match(std::string_view text, const std::vector<Token>& tokens,
                            const std::vector<uint32_t>& ids, MatchKind kind, uint32_t base,
                            Scratch& scratch, std::vector<GazetteerMatch>& out) const {
  const size_t n = tokens.size();
  std::vector<GazetteerMatch>& here = scratch.here;
  size_t i = 0;
  while (i < n) {
    const Token& t = tokens[i];
    // (a transparent token is a hyphen: no phrase starts there)
    if (ids[i] == kNoToken || (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber)) {
      ++i;
      continue;
    }
    here.clear();
    uint32_t node = 0;
    for (size_t j = i; j < n; ++j) {
      if (tokens[j].kind == TokenKind::kHyphen && is_transparent_token(tokens, j)) continue;
      if (ids[j] == kNoToken) break;
      node = child(node, ids[j]);
      if (node == 0) break;
      for (uint32_t v = value_offsets[node]; v < value_offsets[node + 1]; ++v) {
        const ValueRecord& r = values[v];
        if (!accepts(r, text, tokens, i, j + 1, scratch.surfaces)) continue;
        here.push_back({static_cast<uint32_t>(base + i), static_cast<uint32_t>(base + j + 1),
                        t.start, tokens[j].end, r.value});
      }
    }
    if (here.empty()) {
      ++i;
      continue;
    }
    if (kind == MatchKind::kAll) {
      out.insert(out.end(), here.begin(), here.end());
      ++i;
      continue;
    }
    const uint32_t longest = here.back().end_token;
    for (const auto& m : here)
      if (m.end_token == longest) out.push_back(m);
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

// find_ids() over the text's tokens, without a vector of them: the tokens come
// one at a time from for_each_word_token, and only a *segment* is kept: from a
// token where a phrase can start (a word or number whose id has an edge out of
// the root) up to and including the next *break*, a token that is not a hyphen
// and not in the vocabulary. No match contains a break (the walk stops there),
// and matching needs no token beyond the segment (a hyphen's transparency looks
// at its neighbours, both inside), so matching each segment alone gives
// find_ids()' matches; a token outside every segment starts none. Tokens are
// counted so that first_token / end_token index tokenize_words(text).
std::vector<GazetteerMatch> Gazetteer::find(std::string_view text, MatchKind kind) const {
  const Data& d = *data_;
  std::vector<GazetteerMatch> out;
  if (d.phrase_count == 0) return out;
  std::vector<Token> segment, stretch;
  std::vector<uint32_t> ids;  // parallel to segment
  uint32_t base = 0;          // the index of segment[0] among all tokens
  uint32_t first_node = 0;    // the trie node of segment[0]
  uint32_t index = 0;         // the index of the current token
  Data::Scratch scratch;
  std::string folded;
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
    if (segment.size() == 1 && t.kind != TokenKind::kHyphen &&
        d.value_offsets[first_node] == d.value_offsets[first_node + 1] &&
        (id == kNoToken || d.child(first_node, id) == 0)) {
      segment.clear();
      ids.clear();
    }
    if (segment.empty()) {
      first_node = wordish ? entry.extra : 0;
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
  size_t bytes = d.vocabulary.memory_bytes() + d.short_words.memory_bytes() +
                 d.medium_words.memory_bytes() +
                 d.root_children.capacity() * 4 +
                 d.edge_keys.capacity() * 8 +
                 d.edge_children.capacity() * 4 + d.value_offsets.capacity() * 4 +
                 d.values.capacity() * sizeof(ValueRecord);
  for (const auto& s : d.surfaces) bytes += s.capacity() + sizeof(s);
  return bytes;
}

}  // namespace liptako
