// Internal: a hook of the date tagger for tests. Not part of the public API.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "liptako/timex.h"

namespace liptako {

namespace internal {
// For tests of the start filter, which spares the matchers the tokens where no timex can
// start: the byte offsets of the tokens of `text` that the filter skips although a timex
// starts there, when TimexTagger().tag(text, {one sentence: all of text}, dct) reaches them
// (empty: the filter hides no match, the timexes are those of trying every token).
std::vector<uint32_t> timex_start_filter_misses(std::string_view text,
                                                const std::optional<CalendarDate>& dct);
// For tests of the date tagger's fast paths (matchers skipped where they cannot match):
// the byte offsets of the tokens of `text` at which the matching with the fast paths and
// the matching that tries every matcher find different candidates, as
// TimexTagger().tag(text, {one sentence: all of text}, dct) reaches each token (empty:
// the fast paths change nothing).
std::vector<uint32_t> timex_fast_path_mismatches(std::string_view text,
                                                 const std::optional<CalendarDate>& dct);
// For tests of the date tagger's value formatting: fmt_year(a), fmt_ym(a, b) and
// fmt_ymd(a, b, c) for every a, b, c of `values`, and fmt_week(d) and fmt_day(d) for
// every day count d of `days` (days since 1970-01-01), each against snprintf's "%04d",
// "%04d-%02d" ...; the mismatches, as "got != want".
std::vector<std::string> timex_format_mismatches(const std::vector<long>& values,
                                                 const std::vector<long>& days);
// For tests of the date tagger's lexicon, whose words of 1 to 8 bytes have a table of
// their own: the words, among `words` (of at most 16 bytes, no NUL) and the lexicon's
// own, for which that table and the general index (PackedWords) give different facts.
std::vector<std::string> timex_lexicon_mismatches(const std::vector<std::string>& words);
}  // namespace internal

}  // namespace liptako
