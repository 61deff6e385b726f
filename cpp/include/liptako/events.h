// Dated events: who did what to whom, and when.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "liptako/types.h"

namespace liptako {

struct TokenizedText;  // liptako/segmenter.h

// Immutable and thread-safe after construction: extract() is const.
class EventExtractor {
 public:
  // `taxonomy` is the parsed event taxonomy JSON (event types, CAMEO codes,
  // triggers and patterns); `where` names its file for error messages.
  // `government_places`: the entity ids of places that stand for their government
  // where they act or are acted on (national capitals: "Washington pledged aid",
  // "ties with Rabat"); such a place in an actor's or a target's position keeps that
  // role, where any other place is a location.
  // Throws ConfigError naming `where`, the JSON path and the reason.
  EventExtractor(const nlohmann::json& taxonomy, const std::string& where,
                 const std::vector<std::string>& government_places = {});
  ~EventExtractor();
  EventExtractor(EventExtractor&&) noexcept;
  EventExtractor& operator=(EventExtractor&&) noexcept;

  // Finds events in `text`. `sentences` are the byte spans of the sentences;
  // `entities` and `timexes` are the document's (sorted by start, byte
  // offsets, sentence indices filled). Returns events merged per document,
  // of every modality (callers filter), in order of first mention.
  std::vector<Event> extract(std::string_view text, const std::vector<Sentence>& sentences,
                             const std::vector<Entity>& entities,
                             const std::vector<Timex>& timexes,
                             const std::optional<CalendarDate>& dct) const;
  // The same, given `lowered`: the text with ASCII 'A'..'Z' lowered (same size),
  // followed by at least text::kLowerPadding readable bytes, e.g. a view of
  // text::ascii_lower_padded(text) or FoldedTokens::lowered_text().
  std::vector<Event> extract(std::string_view text, std::string_view lowered,
                             const std::vector<Sentence>& sentences,
                             const std::vector<Entity>& entities,
                             const std::vector<Timex>& timexes,
                             const std::optional<CalendarDate>& dct) const;
  // The same, given `tokenized` = tokenize(text), whose sentences are the sentences:
  // its tokens spare the event tokenizer most of its byte scan (Extractor::extract's
  // path).
  // Same results as extract(text, lowered, tokenized.sentences, ...).
  std::vector<Event> extract(std::string_view text, std::string_view lowered,
                             const TokenizedText& tokenized, const std::vector<Entity>& entities,
                             const std::vector<Timex>& timexes,
                             const std::optional<CalendarDate>& dct) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace liptako
