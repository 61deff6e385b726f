// Temporal expressions: recognition and TIMEX3 normalisation against the
// document creation time (DCT).
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "liptako/types.h"

namespace liptako {

struct TokenizedText;  // liptako/segmenter.h

struct TimexOptions {
  // How to read an all-numeric date such as 03/04/2023: false = month first
  // (US, 2023-03-04), true = day first (2023-04-03). Unambiguous dates
  // (18/09/2023) are read correctly either way.
  bool day_first = false;
};

// A date an article gives for itself (find_dateline): the date, and the byte
// span of its text.
struct Dateline {
  CalendarDate date;
  Span span;
};

// Immutable and thread-safe after construction: tag() is const.
class TimexTagger {
 public:
  explicit TimexTagger(TimexOptions options = {});
  ~TimexTagger();
  TimexTagger(TimexTagger&&) noexcept;
  TimexTagger& operator=(TimexTagger&&) noexcept;

  // Finds and normalises every temporal expression in `text` (UTF-8; invalid
  // bytes never match). `sentences` are the byte spans of the sentences of
  // `text`, in order, covering it; Timex::sentence is an index into them.
  // Without a DCT, relative expressions get underspecified values
  // (XXXX-WXX-6, XXXX-07) and anchor "none". Result sorted by start,
  // non-overlapping. Linear in the text size.
  std::vector<Timex> tag(std::string_view text, const std::vector<Sentence>& sentences,
                         const std::optional<CalendarDate>& dct) const;
  // The same, given `lowered`: the text with ASCII 'A'..'Z' lowered (same size),
  // followed by at least text::kLowerPadding readable bytes, e.g. a view of
  // text::ascii_lower_padded(text) or FoldedTokens::lowered_text().
  std::vector<Timex> tag(std::string_view text, std::string_view lowered,
                         const std::vector<Sentence>& sentences,
                         const std::optional<CalendarDate>& dct) const;
  // tag(text, lowered, sentences, dct) against the text's own date: *dateline
  // gets find_dateline(text), and its date is the DCT (none if nullopt). The
  // same results as those two calls, from one tokenization of the text.
  std::vector<Timex> tag_with_dateline(std::string_view text, std::string_view lowered,
                                       const std::vector<Sentence>& sentences,
                                       std::optional<Dateline>* dateline) const;
  // The same two, given `tokenized` = tokenize(text), whose sentences are the
  // sentences: its tokens spare the timex tokenizer most of its byte scan
  // (Extractor::extract's path). Same results as tag(text, lowered,
  // tokenized.sentences, dct) and tag_with_dateline(text, lowered,
  // tokenized.sentences, dateline).
  std::vector<Timex> tag(std::string_view text, std::string_view lowered,
                         const TokenizedText& tokenized,
                         const std::optional<CalendarDate>& dct) const;
  std::vector<Timex> tag_with_dateline(std::string_view text, std::string_view lowered,
                                       const TokenizedText& tokenized,
                                       std::optional<Dateline>* dateline) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Looks for the article's own date in a dateline or header near the start of
// the text ("date 2023-11-13", "World | September 18, 2023, Monday // 12:20",
// "LONDON, March 3 (Reuters) -"). Returns the date and the byte span of the
// date text, or nullopt.
std::optional<Dateline> find_dateline(std::string_view text);

// Parses "YYYY-MM-DD" (optionally followed by a time, "T..." or " ...") into a
// valid calendar date; nullopt if it is not one.
std::optional<CalendarDate> parse_iso_date(std::string_view s);

// The year, month and day of a TIMEX3 date value of a year, a month or a day ("2026",
// "2026-07", "2026-07-20"; a time's date part too, of "2026-07-20T06:00"), month and day 0
// where the value has none; nullopt for any other value (a week, a season, "XXXX-07") and
// for a date that does not exist.
std::optional<CalendarDate> date_value_parts(std::string_view value);

// The TIMEX3 date `value` ("2026-07-20", "2026-07" or "2026"; a time's date part, of
// "2026-07-20T06:00", too) moved by the TIMEX3 duration `duration` forwards, or back when
// `back`: by days ("P2D") or weeks ("P1W") to a day, by months ("P3M") to a month, by
// years ("P1Y") to a year; by hours or minutes ("PT5H", "PTXH", "PT30M", under a day) it
// stays on its day. nullopt when the value is not fine enough for the unit (a month moved
// by days), the count is unknown ("PXD", but hours), or either is no such value.
std::optional<std::string> shift_date(std::string_view value, std::string_view duration,
                                      bool back);

}  // namespace liptako
