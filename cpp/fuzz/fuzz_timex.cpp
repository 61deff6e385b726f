// libFuzzer target: the timex normaliser, TimexTagger::tag, with and without a
// DCT, plus find_dateline, tag_with_dateline (which must give what find_dateline
// then tag give), the overloads given tokenize(text) (which must give what the
// others give) and parse_iso_date.
//
// Input layout: byte 0 selects the mode (bit 0: day_first; bits 1-2: no DCT,
// 2023-09-18, 2024-02-29 (leap day) or 0001-01-01 / 9999-12-31 edges); the rest
// is the text. Checks: no crash, no exception, timexes inside the text, on
// code-point boundaries, sorted and non-overlapping, with a type from the
// TIMEX3 set, a non-empty value, an anchor in {absolute, dct, none}, and
// anchor "dct" only when a DCT was given; the sentence index is valid.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fuzz_common.h"
#include "liptako/segmenter.h"
#include "liptako/timex.h"

using liptako_fuzz::check;

namespace {

// got and want hold the same timexes.
void check_same(const std::vector<liptako::Timex>& got, const std::vector<liptako::Timex>& want,
                const char* what) {
  check(got.size() == want.size(), what);
  for (size_t i = 0; i < got.size() && i < want.size(); ++i)
    check(got[i].start == want[i].start && got[i].end == want[i].end &&
              got[i].value == want[i].value && got[i].type == want[i].type &&
              got[i].anchor == want[i].anchor && got[i].sentence == want[i].sentence,
          what, got[i].value);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t mode = data[0];
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);

  static const liptako::TimexTagger us(liptako::TimexOptions{false});
  static const liptako::TimexTagger eu(liptako::TimexOptions{true});
  const liptako::TimexTagger& tagger = (mode & 1) ? eu : us;

  std::optional<liptako::CalendarDate> dct;
  switch ((mode >> 1) & 3) {
    case 0: break;
    case 1: dct = liptako::CalendarDate{2023, 9, 18}; break;
    case 2: dct = liptako::CalendarDate{2024, 2, 29}; break;
    case 3: dct = (mode & 8) ? liptako::CalendarDate{1, 1, 1} : liptako::CalendarDate{9999, 12, 31};
  }

  liptako::TokenizedText tt = liptako::tokenize(text);
  const liptako_fuzz::Boundaries bounds(text);
  auto timexes = tagger.tag(text, tt.sentences, dct);
  check_same(tagger.tag(text, std::string_view(), tt, dct), timexes,
             "tag given the tokens: other timexes");
  uint32_t prev_end = 0;
  for (const auto& t : timexes) {
    liptako_fuzz::check_span(bounds, t.start, t.end, "timex");
    check(t.start < t.end, "empty timex");
    check(t.start >= prev_end, "timexes overlap or are unsorted");
    prev_end = t.end;
    check(t.type == "DATE" || t.type == "TIME" || t.type == "DURATION" || t.type == "SET",
          "bad timex type", t.type);
    check(!t.value.empty(), "empty timex value");
    check(t.anchor == "absolute" || t.anchor == "dct" || t.anchor == "none", "bad anchor",
          t.anchor);
    check(dct || t.anchor != "dct", "anchor dct without a DCT");
    check(t.sentence >= 0 && (tt.sentences.empty() ||
                              static_cast<size_t>(t.sentence) < tt.sentences.size()),
          "bad sentence index");
  }

  const std::optional<liptako::Dateline> line = liptako::find_dateline(text);
  if (line) {
    liptako_fuzz::check_span(bounds, line->span.start, line->span.end, "dateline");
    const auto& d = line->date;
    check(d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31, "invalid dateline date");
  }
  // tag_with_dateline: find_dateline, then tag against its date (one tokenization).
  if (!dct) {
    std::optional<liptako::Dateline> got_line;
    const auto got = tagger.tag_with_dateline(text, std::string_view(), tt.sentences, &got_line);
    check(got_line.has_value() == line.has_value(), "tag_with_dateline: another dateline");
    if (line)
      check(got_line->date == line->date && got_line->span.start == line->span.start &&
                got_line->span.end == line->span.end,
            "tag_with_dateline: another dateline");
    const auto want = line ? tagger.tag(text, tt.sentences, line->date) : timexes;
    check_same(got, want, "tag_with_dateline: other timexes");
    std::optional<liptako::Dateline> tok_line;
    const auto tok_got = tagger.tag_with_dateline(text, std::string_view(), tt, &tok_line);
    check(tok_line.has_value() == line.has_value() &&
              (!line || (tok_line->date == line->date && tok_line->span.start == line->span.start &&
                         tok_line->span.end == line->span.end)),
          "tag_with_dateline given the tokens: another dateline");
    check_same(tok_got, want, "tag_with_dateline given the tokens: other timexes");
  }
  if (auto d = liptako::parse_iso_date(text.substr(0, 32))) {
    check(d->month >= 1 && d->month <= 12 && d->day >= 1 && d->day <= 31, "invalid ISO date");
  }
  return 0;
}
