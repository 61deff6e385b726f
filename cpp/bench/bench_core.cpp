// Google Benchmark for the C++ hot paths of liptako.
//
//   cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DLIPTAKO_BUILD_BENCHMARKS=ON
//   cmake --build build/bench --target liptako_bench
//   build/bench/liptako_bench [--benchmark_filter=Gazetteer]
//
// The text is the example corpus (examples/corpus/*.txt) repeated to ~1 MB;
// LIPTAKO_BENCH_TEXT=<file> uses another file instead. Throughput is reported
// as bytes/s of input text (SetBytesProcessed).
//
// Benchmarks:
//   BM_Fold                text::fold over the whole text
//   BM_Tokenize            tokenize() (tokens + sentences)
//   BM_FoldTokens          FoldedTokens (per-token folding, shared by matchers)
//   BM_GazetteerFind/N     Gazetteer::find with pre-tokenized text, N phrases
//                          (bundled names + generated first x last names)
//   BM_GazetteerFindAll/N  tokenize + fold + find, i.e. what a caller pays
//   BM_GazetteerBuild/N    GazetteerBuilder::add x N + build
//   BM_TimexTag            TimexTagger::tag
//   BM_Rules/0, /1         RuleSet::match (RE2), document by document: the
//                          bundled rules; those and nine rules of the kinds
//                          users add
//   BM_Events              EventExtractor::extract of the bundled taxonomy,
//                          document by document, given each document's
//                          sentences, entities and timexes
//   BM_Extract             full Extractor::extract (bundled configuration)
//   BM_ExtractorBuild      building the bundled Extractor
//   BM_GazetteerFile       only when LIPTAKO_BENCH_PATTERNS=<file> (one phrase
//                          a line) is set: build from those phrases, then
//                          tokenize + fold + find over the text; used by
//                          benchmarks/run.py to time the C++ gazetteer on
//                          exactly the patterns and text the Python peers get
//                          (counter best_round_bytes_per_second: the fastest
//                          round, as the peers are timed).
//
// liptako_bench --rounds-server (with LIPTAKO_BENCH_TEXT and LIPTAKO_BENCH_PATTERNS
// set) runs no benchmark: it builds the gazetteer, prints one JSON line
// {"build_s", "mb", "matches"}, then answers each line "N" read from stdin by
// running N finds over the text and printing {"seconds", "matches"}, until
// stdin ends. benchmarks/run.py interleaves such rounds with the Python peers'
// (benchmarks/gazetteer_peers.py --serve), so that a ratio compares timings
// taken seconds apart rather than minutes apart.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "liptako/events.h"
#include "liptako/extractor.h"
#include "liptako/gazetteer.h"
#include "liptako/resources.h"
#include "liptako/rules.h"
#include "liptako/segmenter.h"
#include "liptako/text.h"
#include "liptako/timex.h"

namespace fs = std::filesystem;
using namespace liptako;

namespace {

const std::string kDataDir = LIPTAKO_DATA_DIR;

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const std::string& bench_text() {
  static const std::string text = [] {
    if (const char* f = std::getenv("LIPTAKO_BENCH_TEXT")) return read_file(f);
    fs::path corpus = fs::path(kDataDir) / ".." / ".." / ".." / "examples" / "corpus";
    std::vector<fs::path> files;
    if (fs::exists(corpus))
      for (const auto& e : fs::directory_iterator(corpus))
        if (e.path().extension() == ".txt") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::string base;
    for (const auto& f : files) base += read_file(f) + "\n\n";
    if (base.empty())
      base = "The President of Mali, Assimi Goita, met ECOWAS leaders in Abuja on "
             "Monday, 18 September 2023, after an attack near Djibo killed 12 soldiers.\n";
    std::string out;
    while (out.size() < (1u << 20)) out += base;
    return out;
  }();
  return text;
}

// Every name, alias, acronym and demonym of the bundled gazetteers.
std::vector<std::string> bundled_names() {
  std::vector<std::string> out;
  for (const char* f : {"countries.json", "organizations.json", "people.json", "locations.json"}) {
    nlohmann::json j = nlohmann::json::parse(read_file(fs::path(kDataDir) / f));
    for (const auto& e : j["entries"]) {
      out.push_back(e["name"].get<std::string>());
      for (const char* k : {"aliases", "acronyms", "demonyms"})
        if (e.contains(k))
          for (const auto& s : e[k]) out.push_back(s.get<std::string>());
    }
  }
  return out;
}

// `n` phrases: the bundled names, then generated "First Last" and
// "First Middle Last" names from the bundled first names (deterministic).
const std::vector<std::string>& phrases(size_t n) {
  static std::vector<std::string> all;
  if (all.size() < n) {
    if (all.empty()) all = bundled_names();
    nlohmann::json fj = nlohmann::json::parse(read_file(fs::path(kDataDir) / "first_names.json"));
    std::vector<std::string> first;
    for (const auto& w : fj["words"]) first.push_back(w.get<std::string>());
    std::mt19937_64 rng(42);
    std::vector<std::string> last;
    for (size_t i = 0; i < 4000; ++i) {
      std::string s = first[rng() % first.size()];
      s += (i % 3 == 0) ? "son" : (i % 3 == 1) ? "ou" : "ski";
      last.push_back(s);
    }
    while (all.size() < n) {
      std::string s = first[rng() % first.size()];
      if (rng() % 4 == 0) s += " " + first[rng() % first.size()];
      s += " " + last[rng() % last.size()];
      all.push_back(std::move(s));
    }
  }
  static std::vector<std::string> cut;
  cut.assign(all.begin(), all.begin() + static_cast<long>(n));
  return cut;
}

Gazetteer build_gazetteer(const std::vector<std::string>& ph) {
  GazetteerBuilder b;
  uint32_t v = 0;
  for (const auto& p : ph) b.add(p, v++);
  return std::move(b).build();
}

// A builder given the bundled configuration.
ExtractorBuilder bundled_builder() {
  ExtractorBuilder b;
  b.add_config(nlohmann::json::parse(read_file(fs::path(kDataDir) / "config.json")),
               "config.json", kDataDir);
  return b;
}

std::shared_ptr<const Extractor> bundled_extractor() {
  static std::shared_ptr<const Extractor> x = bundled_builder().build();
  return x;
}

void BM_Fold(benchmark::State& state) {
  const std::string& t = bench_text();
  std::string out;
  out.reserve(t.size() * 2);
  for (auto _ : state) {
    out.clear();
    text::fold(t, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * t.size()));
}
BENCHMARK(BM_Fold)->Unit(benchmark::kMillisecond);

void BM_Tokenize(benchmark::State& state) {
  const std::string& t = bench_text();
  size_t n = 0;
  for (auto _ : state) {
    TokenizedText tt = tokenize(t);
    n = tt.tokens.size();
    benchmark::DoNotOptimize(tt.tokens.data());
  }
  state.counters["tokens"] = static_cast<double>(n);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * t.size()));
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

void BM_FoldTokens(benchmark::State& state) {
  const std::string& t = bench_text();
  TokenizedText tt = tokenize(t);
  for (auto _ : state) {
    FoldedTokens f(t, tt.tokens);
    benchmark::DoNotOptimize(f.size());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * t.size()));
}
BENCHMARK(BM_FoldTokens)->Unit(benchmark::kMillisecond);

void BM_GazetteerFind(benchmark::State& state) {
  const std::string& t = bench_text();
  Gazetteer g = build_gazetteer(phrases(static_cast<size_t>(state.range(0))));
  TokenizedText tt = tokenize(t);
  FoldedTokens f(t, tt.tokens);
  size_t matches = 0;
  for (auto _ : state) {
    auto m = g.find(t, tt.tokens, f);
    matches = m.size();
    benchmark::DoNotOptimize(m.data());
  }
  state.counters["matches"] = static_cast<double>(matches);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * t.size()));
}
BENCHMARK(BM_GazetteerFind)->Arg(10000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);

void BM_GazetteerFindAll(benchmark::State& state) {
  const std::string& t = bench_text();
  Gazetteer g = build_gazetteer(phrases(static_cast<size_t>(state.range(0))));
  for (auto _ : state) {
    auto m = g.find(t);
    benchmark::DoNotOptimize(m.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * t.size()));
}
BENCHMARK(BM_GazetteerFindAll)->Arg(10000)->Arg(1000000)->Unit(benchmark::kMillisecond);

void BM_GazetteerBuild(benchmark::State& state) {
  const auto ph = phrases(static_cast<size_t>(state.range(0)));
  size_t bytes = 0;
  for (auto _ : state) {
    Gazetteer g = build_gazetteer(ph);
    bytes = g.memory_bytes();
    benchmark::DoNotOptimize(bytes);
  }
  state.counters["memory_MB"] = static_cast<double>(bytes) / 1e6;
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * ph.size()));
}
BENCHMARK(BM_GazetteerBuild)->Arg(10000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond)
    ->Iterations(1)->Repetitions(1);

void BM_TimexTag(benchmark::State& state) {
  const std::string& t = bench_text();
  TimexTagger tagger;
  TokenizedText tt = tokenize(t);
  CalendarDate dct{2023, 9, 18};
  size_t n = 0;
  for (auto _ : state) {
    auto r = tagger.tag(t, tt.sentences, dct);
    n = r.size();
    benchmark::DoNotOptimize(r.data());
  }
  state.counters["timexes"] = static_cast<double>(n);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * t.size()));
}
BENCHMARK(BM_TimexTag)->Unit(benchmark::kMillisecond);

// The benchmark text cut into ~news-article sized documents: example files
// end in "\n\n\n" here; benchmarks/corpus.py separates documents with a
// "\n\f\n" line. Each separator is searched for again only once passed: a
// text without one is scanned once, not per document.
std::vector<std::string_view> bench_documents() {
  const std::string& t = bench_text();
  std::vector<std::string_view> docs;
  auto next = [&t](const char* separator, size_t from) {
    return std::min(t.find(separator, from), t.size());
  };
  size_t pos = 0, files_end = next("\n\n\n", 0), corpus_end = next("\n\f\n", 0);
  while (pos < t.size()) {
    if (files_end < pos) files_end = next("\n\n\n", pos);
    if (corpus_end < pos) corpus_end = next("\n\f\n", pos);
    const size_t e = std::min(files_end, corpus_end);
    if (e > pos) docs.push_back(std::string_view(t).substr(pos, e - pos));
    pos = e + 3;
  }
  return docs;
}

// Rules of the kinds users add (docs/configuration.md), beside the bundled ones.
std::vector<Rule> user_rules() {
  const std::pair<const char*, const char*> patterns[] = {
      {"VESSEL", R"(\b(?:MV|MS|SS|HMS) (\p{Lu}\p{L}+(?: \p{Lu}\p{L}+)?))"},
      {"OPERATION", R"(\b(Operation \p{Lu}\p{L}+(?: \p{Lu}\p{L}+)?))"},
      {"UNIT", R"(\b(\d+(?:st|nd|rd|th) (?:Battalion|Brigade|Regiment|Division)))"},
      {"RESOLUTION", R"(\b((?:Resolution|Decree|Law) (?:No\. ?)?\d+(?:/\d+)?))"},
      {"FLIGHT", R"((?i)\bflight ([A-Z]{2}\d{2,4})\b)"},
      {"HASHTAG", R"((?:^|\s)(#\w{2,}))"},
      {"EMAIL", R"(\b([\w.+-]+@[\w-]+\.[\w.-]+))"},
      {"URL", R"(\b(https?://[^\s<>"]+))"},
      {"MONEY", R"((\$\d+(?:\.\d+)? (?:million|billion)))"},
  };
  std::vector<Rule> out;
  for (const auto& [label, pattern] : patterns) {
    Rule r;
    r.name = std::string("user_") + label;
    r.label = label;
    r.pattern = pattern;
    out.push_back(std::move(r));
  }
  return out;
}

// RuleSet::match, document by document: the bundled rules (Arg 0) or those and
// user_rules() (Arg 1).
void BM_Rules(benchmark::State& state) {
  const std::string& t = bench_text();
  const std::string path = (fs::path(kDataDir) / "rules.json").string();
  std::vector<Rule> given = parse_rules(read_json_file(path), path, "");
  if (state.range(0) == 1)
    for (Rule& r : user_rules()) given.push_back(std::move(r));
  RuleSet rules(std::move(given), path, int64_t{64} << 20);
  std::vector<std::string_view> docs = bench_documents();
  std::vector<std::vector<Token>> tokens;
  for (auto d : docs) tokens.push_back(tokenize_words(d));
  size_t matches = 0;
  for (auto _ : state) {
    matches = 0;
    for (size_t k = 0; k < docs.size(); ++k) matches += rules.match(docs[k], tokens[k]).size();
    benchmark::DoNotOptimize(matches);
  }
  state.counters["rules"] = static_cast<double>(rules.rules().size());
  state.counters["matches"] = static_cast<double>(matches);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * t.size()));
}
BENCHMARK(BM_Rules)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_Events(benchmark::State& state) {
  const std::string& t = bench_text();
  const std::string path = (fs::path(kDataDir) / "events.json").string();
  EventExtractor events(read_json_file(path), path);
  std::vector<std::string_view> docs = bench_documents();
  // Each document's sentences, entities and timexes, as the Extractor gives
  // them to the event stage.
  std::vector<Document> given;
  ExtractorBuilder b = bundled_builder();
  b.add_config({{"options", {{"stages", {"entities", "timexes"}}}}}, "<bench>", kDataDir);
  auto x = std::move(b).build();
  for (auto d : docs) given.push_back(x->extract(d, "", std::string("2023-09-18")));
  const std::optional<CalendarDate> dct = CalendarDate{2023, 9, 18};
  size_t n = 0;
  for (auto _ : state) {
    n = 0;
    for (size_t k = 0; k < docs.size(); ++k)
      n += events.extract(docs[k], given[k].sentences, given[k].entities, given[k].timexes, dct)
               .size();
    benchmark::DoNotOptimize(n);
  }
  state.counters["docs"] = static_cast<double>(docs.size());
  state.counters["events"] = static_cast<double>(n);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * t.size()));
}
BENCHMARK(BM_Events)->Unit(benchmark::kMillisecond);

// Full extraction, document by document, as Extractor users call it.
void BM_Extract(benchmark::State& state) {
  const std::string& t = bench_text();
  auto x = bundled_extractor();
  std::vector<std::string_view> docs = bench_documents();
  size_t entities = 0;
  for (auto _ : state) {
    entities = 0;
    for (auto d : docs) entities += x->extract(d, "", std::string("2023-09-18")).entities.size();
    benchmark::DoNotOptimize(entities);
  }
  state.counters["docs"] = static_cast<double>(docs.size());
  state.counters["entities"] = static_cast<double>(entities);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * t.size()));
}
BENCHMARK(BM_Extract)->Unit(benchmark::kMillisecond);

void BM_ExtractorBuild(benchmark::State& state) {
  nlohmann::json cfg = nlohmann::json::parse(read_file(fs::path(kDataDir) / "config.json"));
  for (auto _ : state) {
    ExtractorBuilder b;
    b.add_config(cfg, "config.json", kDataDir);
    auto x = std::move(b).build();
    benchmark::DoNotOptimize(x.get());
  }
}
BENCHMARK(BM_ExtractorBuild)->Unit(benchmark::kMillisecond);

// The phrases of the file LIPTAKO_BENCH_PATTERNS names, one a line.
std::vector<std::string> file_phrases() {
  std::vector<std::string> ph;
  std::ifstream in(std::getenv("LIPTAKO_BENCH_PATTERNS"));
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) ph.push_back(line);
  return ph;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Patterns from a file: the same patterns and text as benchmarks/run.py's peers.
void BM_GazetteerFile(benchmark::State& state) {
  const std::string& t = bench_text();
  const std::vector<std::string> ph = file_phrases();
  auto t0 = std::chrono::steady_clock::now();
  Gazetteer g = build_gazetteer(ph);
  const double build_s = seconds_since(t0);
  size_t matches = 0, spans = 0;
  // The fastest round (one find() over the text) besides the mean: the Python
  // peers of benchmarks/run.py each report their best round, by the same rule.
  double best_round_s = 0;
  for (auto _ : state) {
    const auto round_start = std::chrono::steady_clock::now();
    auto m = g.find(t);
    const double round_s = seconds_since(round_start);
    if (best_round_s == 0 || round_s < best_round_s) best_round_s = round_s;
    matches = m.size();
    benchmark::DoNotOptimize(m.data());
  }
  {  // distinct spans: a phrase with several values (case variants) is one span
    auto m = g.find(t);
    for (size_t k = 0; k < m.size(); ++k)
      if (k == 0 || m[k].start != m[k - 1].start || m[k].end != m[k - 1].end) ++spans;
  }
  state.counters["spans"] = static_cast<double>(spans);
  state.counters["patterns"] = static_cast<double>(ph.size());
  state.counters["matches"] = static_cast<double>(matches);
  state.counters["build_s"] = build_s;
  state.counters["best_round_bytes_per_second"] = static_cast<double>(t.size()) / best_round_s;
  state.counters["memory_MB"] = static_cast<double>(g.memory_bytes()) / 1e6;
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * t.size()));
}

// The --rounds-server protocol (see the top of this file). Returns the exit code.
int serve_rounds() {
  if (!std::getenv("LIPTAKO_BENCH_TEXT") || !std::getenv("LIPTAKO_BENCH_PATTERNS")) {
    std::cerr << "--rounds-server needs LIPTAKO_BENCH_TEXT and LIPTAKO_BENCH_PATTERNS\n";
    return 2;
  }
  const std::string& t = bench_text();
  const auto t0 = std::chrono::steady_clock::now();
  const Gazetteer g = build_gazetteer(file_phrases());
  const double build_s = seconds_since(t0);
  std::cout << nlohmann::json{{"build_s", build_s},
                              {"mb", static_cast<double>(t.size()) / 1e6},
                              {"matches", g.find(t).size()}}
            << std::endl;
  std::string line;
  while (std::getline(std::cin, line)) {
    long passes = std::strtol(line.c_str(), nullptr, 10);
    if (passes < 1) {
      std::cerr << "--rounds-server: expected a positive number of passes, got '" << line
                << "'\n";
      return 2;
    }
    size_t matches = 0;
    const auto round_start = std::chrono::steady_clock::now();
    for (long k = 0; k < passes; ++k) {
      auto m = g.find(t);
      matches = m.size();
      benchmark::DoNotOptimize(m.data());
    }
    std::cout << nlohmann::json{{"seconds", seconds_since(round_start)}, {"matches", matches}}
              << std::endl;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 2 && std::string(argv[1]) == "--rounds-server") return serve_rounds();
  if (std::getenv("LIPTAKO_BENCH_PATTERNS"))
    benchmark::RegisterBenchmark("BM_GazetteerFile", BM_GazetteerFile)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();  // wall time, like the Python peers' timings
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
