// Gazetteer: a builder -> immutable phrase matcher over tokens.
//
// Structure: a trie whose edges are labelled with *token ids* (a token's folded
// text interned in a vocabulary), stored as one open-addressing hash table
// keyed by (node, token id). Matching looks up each text token once in the
// vocabulary, then walks the trie from each token that can start a match.
// Whole-word semantics come for free: matches start and end on token
// boundaries, so "Niger" never matches inside "Nigeria". Cost is linear in
// the number of tokens times the longest phrase (in tokens), independent of
// the number of phrases.
//
// Normalisation: phrases and text are folded (case, accents, apostrophe and
// hyphen variants); a hyphen attached on both sides ("al-Qaeda") is
// transparent, so it equals "al Qaeda"; a possessive 's is its own token, so
// "Mali's" contains a match for "Mali".
//
// Thread-safety: a built Gazetteer is immutable; find() is const and may be
// called from many threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "liptako/segmenter.h"

namespace liptako {

enum class MatchKind {
  // From left to right, the longest phrase starting at the leftmost token
  // where any phrase matches; matches do not overlap. Every value stored for
  // that phrase (and passing its checks) is reported, in insertion order.
  kLeftmostLongest,
  // Every phrase occurrence, overlapping ones included, ordered by start then
  // end.
  kAll,
};

struct GazetteerMatch {
  uint32_t first_token = 0;  // index into the tokens given to find()
  uint32_t end_token = 0;    // one past the last token
  uint32_t start = 0;        // byte offsets into the text
  uint32_t end = 0;
  uint32_t value = 0;        // the value given to GazetteerBuilder::add
};

struct PhraseOptions {
  // The text must spell the phrase with exactly this case ("AU", "US", "IS").
  bool case_sensitive = false;
  // The text's first token must be capitalized (for phrases that are also
  // common words: "turkey", "chad").
  bool require_capital = false;
};

class Gazetteer;

class GazetteerBuilder {
 public:
  GazetteerBuilder();
  ~GazetteerBuilder();
  GazetteerBuilder(GazetteerBuilder&&) noexcept;
  GazetteerBuilder& operator=(GazetteerBuilder&&) noexcept;

  // Adds `phrase` with a caller-defined `value`. Returns false (and adds
  // nothing) when the phrase has no word token.
  bool add(std::string_view phrase, uint32_t value, PhraseOptions options = {});

  // Consumes the builder.
  Gazetteer build() &&;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

class Gazetteer {
 public:
  Gazetteer();
  ~Gazetteer();
  Gazetteer(Gazetteer&&) noexcept;
  Gazetteer& operator=(Gazetteer&&) noexcept;

  // `tokens` must be tokenize(text).tokens and `folded` fold_tokens(text, tokens).
  std::vector<GazetteerMatch> find(std::string_view text, const std::vector<Token>& tokens,
                                   const FoldedTokens& folded,
                                   MatchKind kind = MatchKind::kLeftmostLongest) const;

  // find() with the token ids given: ids[k] must be the vocabulary id of folded[k]
  // (vocabulary_word(ids[k]) == folded[k]) or kNoToken, for every token k
  // (transparent ones included: find_ids ignores them). For a caller that looks
  // every token up in one table of its own (Extractor: lexicons too).
  std::vector<GazetteerMatch> find_ids(std::string_view text, const std::vector<Token>& tokens,
                                       const std::vector<uint32_t>& ids,
                                       MatchKind kind = MatchKind::kLeftmostLongest) const;
  // The vocabulary: the folded words of the phrases, ids 0..vocabulary_size()-1.
  static constexpr uint32_t kNoToken = 0xFFFFFFFFu;  // a word not in the vocabulary
  size_t vocabulary_size() const;
  std::string_view vocabulary_word(uint32_t id) const;

  // Convenience: tokenizes and folds `text` itself; the matches are those of
  // find(text, tokenize_words(text), ...), first_token / end_token included.
  // Keeps no token vector: leftmost-longest keeps the tokens of the phrase
  // being followed, kAll those from a possible phrase start to the next token
  // outside the vocabulary.
  std::vector<GazetteerMatch> find(std::string_view text,
                                   MatchKind kind = MatchKind::kLeftmostLongest) const;

  size_t phrase_count() const;
  size_t node_count() const;
  size_t memory_bytes() const;

 private:
  friend class GazetteerBuilder;
  struct Data;
  std::unique_ptr<Data> data_;
};

// True when token i is a hyphen attached to words on both sides ("al-Qaeda"):
// such hyphens are ignored in phrase matching. Inline: asked of every token.
inline bool is_transparent_token(const std::vector<Token>& tokens, size_t i) {
  const Token& t = tokens[i];
  if (t.kind != TokenKind::kHyphen || t.space_before || i == 0 || i + 1 >= tokens.size())
    return false;
  const Token& prev = tokens[i - 1];
  const Token& next = tokens[i + 1];
  auto wordish = [](const Token& x) {
    return x.kind == TokenKind::kWord || x.kind == TokenKind::kNumber;
  };
  return !next.space_before && wordish(prev) && wordish(next);
}

}  // namespace liptako
