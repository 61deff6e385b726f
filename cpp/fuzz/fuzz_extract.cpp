// libFuzzer target: Extractor::extract on arbitrary bytes, with the bundled
// resources (loaded once). The first input byte chooses the DCT mode
// (none -> dateline search / a fixed DCT / day-first numbers); the rest is the
// text. Checks: no crash or sanitizer report, no exception (extract never
// throws because of the text), every span inside the text and on code-point
// boundaries, results sorted, and JSON serialisation works.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "fuzz_common.h"
#include "liptako/errors.h"
#include "liptako/extractor.h"
#include "liptako/output.h"
#include "liptako/resources.h"

using liptako_fuzz::check;
using liptako_fuzz::check_span;

namespace {

std::shared_ptr<const liptako::Extractor> make(bool day_first) {
  const std::string dir = LIPTAKO_DATA_DIR;
  liptako::ExtractorBuilder b;
  b.add_config(liptako::read_json_file(dir + "/config.json"), dir + "/config.json", dir);
  nlohmann::json opts = {{"options", {{"day_first", day_first}}}};
  b.add_config(opts, "<fuzz>", dir);
  return std::move(b).build();
}

const liptako::Extractor& extractor(bool day_first) {
  static auto us = make(false);
  static auto eu = make(true);
  return day_first ? *eu : *us;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  extractor(false);
  extractor(true);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t mode = data[0];
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  std::optional<std::string> dct;
  if (mode & 1) dct = "2023-09-18";
  const liptako::Extractor& x = extractor(mode & 2);

  liptako::Document doc = x.extract(text, "fuzz", dct);  // any exception aborts

  liptako_fuzz::check_sentences(doc.sentences, text.size());
  const liptako_fuzz::Boundaries bounds(text);
  uint32_t prev = 0;
  for (const auto& e : doc.entities) {
    check_span(bounds, e.start, e.end, "entity");
    check(e.start < e.end, "empty entity");
    check(e.start >= prev, "entities not sorted");
    prev = e.start;
    check(!e.label.empty() && !e.id.empty(), "entity without label or id");
  }
  prev = 0;
  uint32_t prev_end = 0;
  for (const auto& t : doc.timexes) {
    check_span(bounds, t.start, t.end, "timex");
    check(t.start < t.end, "empty timex");
    check(t.start >= prev_end, "timexes overlap or are not sorted");
    prev = t.start;
    prev_end = t.end;
    check(!t.value.empty(), "timex without a value");
  }
  for (const auto& ev : doc.events) {
    check_span(bounds, ev.trigger.start, ev.trigger.end, "event trigger");
    check_span(bounds, ev.sentence.start, ev.sentence.end, "event sentence");
    for (const auto& p : ev.participants) check_span(bounds, p.start, p.end, "event participant");
  }
  if (doc.dct.span) check_span(bounds, doc.dct.span->start, doc.dct.span->end, "dateline");

  // The JSON contract: serialisation must not throw (invalid UTF-8 replaced).
  nlohmann::json j = liptako::to_json(doc, text);
  std::string s = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  check(!s.empty(), "empty JSON");
  nlohmann::json jb = liptako::to_json(doc, text, liptako::OffsetUnit::kBytes);
  (void)jb;
  return 0;
}
