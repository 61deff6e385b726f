// Internal: hooks of the event stage for tests. Not part of the public API.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "liptako/events.h"

namespace liptako {

namespace internal {
// For tests of the pseudo mentions' head precheck (a determiner with neither a
// collective head among the next five tokens, all words, nor an ORG anaphor head after
// at most two modifiers starts nothing, and is not tried further): what
// ex.extract(text, sentences, entities, timexes, no DCT) gives when every determiner is
// tried.
std::vector<Event> events_trying_every_reference(const EventExtractor& ex, std::string_view text,
                                                 const std::vector<Sentence>& sentences,
                                                 const std::vector<Entity>& entities,
                                                 const std::vector<Timex>& timexes);
// For tests of the event word table, whose words of 1 to 8 bytes are looked up behind a
// miss filter: the words, among `table` and `probes` (of 1 to 16 bytes, no NUL), for
// which a table of the words of `table` gives another id than the word's own (its first
// position in `table`) or, for a word not in it, finds one.
std::vector<std::string> event_word_lookup_mismatches(const std::vector<std::string>& table,
                                                      const std::vector<std::string>& probes);
// For tests of the event tokenizer's memo of the pattern filter's scans: the words of
// 1 to 8 bytes among `words` (no NUL) for which the memo gives other atoms than the
// scan itself, the memo serving the filters of two pattern lists in turn.
std::vector<std::string> event_scan_memo_mismatches(const std::vector<std::string>& patterns_a,
                                                    const std::vector<std::string>& patterns_b,
                                                    const std::vector<std::string>& words);
}  // namespace internal

}  // namespace liptako
