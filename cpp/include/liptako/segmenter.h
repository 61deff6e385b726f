// Tokens and sentences.
//
// Tokens: a word is a maximal run of letters, marks and digits, also joining
//   - an apostrophe between letters (d'Ivoire, O'Neill), except that a final
//     possessive 's / ’s becomes its own token (Mali’s -> Mali, ’s);
//   - '.' or ',' between digits (1,100  6.2);
//   - dotted abbreviations of single letters (U.S., U.K., a.m.), dots included.
// Every other non-space code point is a one-code-point punctuation token;
// invalid UTF-8 bytes and spaces belong to no token.
//
// Sentences end after '.', '!' or '?' (plus closing quotes/brackets) when the
// next token starts a sentence (uppercase, digit, quote) and the period does
// not follow a known abbreviation (Mr., Gen., Sept.) or an initial (J.); and at
// every line break.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "liptako/types.h"

namespace liptako {

enum class TokenKind : uint8_t {
  kWord,        // contains a letter
  kNumber,      // digits only (with inner , or .)
  kPossessive,  // 's or ’s split off a word
  kHyphen,      // a hyphen variant
  kPunct,       // any other single code point
};

struct Token {
  uint32_t start = 0;
  uint32_t end = 0;
  TokenKind kind = TokenKind::kPunct;
  bool space_before = false;    // whitespace (or text start) precedes the token
  bool newline_before = false;  // a line break precedes the token
  bool capitalized = false;     // first code point is uppercase
  bool all_upper = false;       // has letters, none lowercase
  bool ascii = false;           // every byte is ASCII (< 0x80)
};

struct TokenizedText {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;         // byte spans, in order, non-empty
  std::vector<uint32_t> sentence_of_token;  // parallel to tokens
  std::vector<uint32_t> first_token_of_sentence;  // size sentences.size() + 1
};

TokenizedText tokenize(std::string_view text);
// The same into `out`, whose vectors are cleared first: a caller that tokenizes
// many texts reuses their buffers.
void tokenize(std::string_view text, TokenizedText& out);

// The tokens of `text` alone (tokenize() without the sentence split): what a
// phrase matcher needs.
std::vector<Token> tokenize_words(std::string_view text);

// What tokenize_words() returns, by its general tokenizer alone (without the
// fast path for plain ASCII): the reference the tests compare it with.
std::vector<Token> tokenize_words_reference(std::string_view text);

// The folded text (text::fold) of every token, computed once per document and
// shared by every matcher and lexicon lookup. Every fold is followed by at least
// text::kLowerPadding readable bytes (a reader of 8-byte words may load past it).
class FoldedTokens {
 public:
  FoldedTokens() = default;  // of no tokens, until assign()
  FoldedTokens(std::string_view text, const std::vector<Token>& tokens);
  // Makes this the folds of `tokens` of `text`, reusing its buffers.
  void assign(std::string_view text, const std::vector<Token>& tokens);
  std::string_view operator[](size_t i) const {
    return std::string_view(arena_.data() + folds_[i].start, folds_[i].length);
  }
  size_t size() const { return folds_.size(); }
  // The text with ASCII 'A'..'Z' lowered (same length and offsets), followed by
  // at least text::kLowerPadding readable bytes (a reader of 8-byte words may
  // load past its end). Valid while this object lives, until the next assign().
  std::string_view lowered_text() const { return std::string_view(arena_.data(), text_size_); }

 private:
  // text::ascii_lower_padded(text), then the folds of the non-ASCII tokens and
  // text::kLowerPadding NULs
  std::string arena_;
  size_t text_size_ = 0;
  struct Fold {
    uint32_t start;   // offset in arena_
    uint32_t length;
  };
  std::vector<Fold> folds_;  // per token
};

// Index of the sentence containing byte offset `pos` (the last sentence that
// starts at or before it; 0 if none).
int sentence_at(const std::vector<Sentence>& sentences, uint32_t pos);

}  // namespace liptako
