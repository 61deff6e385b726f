// libFuzzer target: configuration loading from arbitrary JSON.
//
// The input is parsed as JSON (not JSON: ignored) and given to
// ExtractorBuilder::add_config, then the builder is built and the extractor
// runs on a short text. Only liptako::Error (ConfigError, LimitError) may
// escape; any other exception (nlohmann::json type errors, std::out_of_range,
// std::bad_alloc from a huge reservation...) is a bug and aborts.
//
// File names in the configuration resolve against a private directory holding
// a small gazetteer, lexicon, rules file and a copy of the bundled event
// taxonomy. Inputs naming absolute paths or ".." are skipped so the fuzzer
// never reads /dev/zero or a FIFO.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <stdlib.h>

#include "fuzz_common.h"
#include "liptako/errors.h"
#include "liptako/extractor.h"
#include "liptako/output.h"

using nlohmann::json;

namespace {

std::string g_base;

void write(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

bool safe_paths(const json& j) {
  if (j.is_string()) {
    const auto& s = j.get_ref<const std::string&>();
    return s.empty() || (s[0] != '/' && s.find("..") == std::string::npos &&
                         s.find('~') == std::string::npos);
  }
  if (j.is_array() || j.is_object())
    for (const auto& v : j)
      if (!safe_paths(v)) return false;
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  char tmpl[] = "/tmp/liptako_fuzz_config_XXXXXX";
  const char* dir = mkdtemp(tmpl);
  if (!dir) std::abort();
  g_base = dir;
  std::atexit([] {
    std::error_code ec;
    std::filesystem::remove_all(g_base, ec);
  });
  write(g_base + "/g.json",
        R"J({"format": "liptako-gazetteer/1", "label": "COUNTRY", "entries": [
             {"name": "Mali", "id": "country/MLI", "demonyms": ["Malian"]},
             {"name": "Chad", "ambiguous": true, "acronyms": ["TCD"]}]})J");
  write(g_base + "/l.json", R"J({"format": "liptako-lexicon/1", "words": ["Assimi", "Ibrahim"]})J");
  write(g_base + "/r.json",
        R"J({"format": "liptako-rules/1", "rules": [
             {"name": "ship", "label": "VESSEL", "pattern": "\\bMV ([A-Z][a-z]+)"}]})J");
  write(g_base + "/bad.json", "{\"entries\": [");
  std::ifstream ev(std::string(LIPTAKO_DATA_DIR) + "/events.json", std::ios::binary);
  std::string events((std::istreambuf_iterator<char>(ev)), std::istreambuf_iterator<char>());
  write(g_base + "/events.json", events);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  json config = json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
  if (config.is_discarded() || !safe_paths(config)) return 0;
  try {
    liptako::ExtractorBuilder b;
    b.add_config(config, "<fuzz>", g_base);
    // Keep each run bounded: under the default 64 MiB budget RE2 may spend
    // seconds compiling "\\pL{1000}" (tens of seconds under ASan). Later
    // options override earlier ones, so cap the budget at 4 MiB.
    if (b.options().regex_max_mem > (int64_t{4} << 20))
      b.add_config(json{{"options", {{"regex_max_mem", int64_t{4} << 20}}}}, "<cap>", g_base);
    auto x = std::move(b).build();
    static const std::string kText =
        "BAMAKO, Sept. 18 (Reuters) - Mali's junta leader Assimi Goita met Chad's envoy "
        "on Saturday; the MV Atlas left Malian waters 3 days later. Mali and Niger signed a "
        "defence pact in Niamey.";
    static const liptako_fuzz::Boundaries bounds(kText);
    for (const char* dct : {"2023-09-18", ""}) {
      liptako::Document doc =
          *dct ? x->extract(kText, "f", std::string(dct)) : x->extract(kText, "f");
      for (const auto& e : doc.entities)
        liptako_fuzz::check_span(bounds, e.start, e.end, "entity");
      for (const auto& t : doc.timexes) liptako_fuzz::check_span(bounds, t.start, t.end, "timex");
      (void)liptako::to_json(doc, kText).dump();
    }
  } catch (const liptako::Error&) {
    // ConfigError / LimitError / Error: the documented outcome of bad input.
  } catch (const std::exception& e) {
    liptako_fuzz::fail("non-liptako exception escaped", e.what());
  }
  return 0;
}
