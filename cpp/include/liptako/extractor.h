// The extractor: built once from resources and configuration, then immutable.
//
//   ExtractorBuilder b;                      // options, then resources
//   b.add_config(config_json, "config.json", "/dir/of/config");
//   std::shared_ptr<const Extractor> x = std::move(b).build();
//   Document d = x->extract(text, "doc-1", "2023-09-18");
//
// Extractor::extract is const and thread-safe: one Extractor may serve any
// number of threads without locks.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "liptako/types.h"

namespace liptako {

struct ExtractorOptions {
  // Read all-numeric dates (03/04/2023) day first.
  bool day_first = false;
  // Texts longer than this many bytes are refused with LimitError (0 = no limit).
  size_t max_text_bytes = 0;
  // RE2 memory budget per compiled rule pattern, in bytes.
  int64_t regex_max_mem = 64 << 20;
  // Keep hypothetical and negated events too (default: asserted ones only).
  bool all_event_modalities = false;
  // Which stages run (config "stages": ["entities", "timexes", "events"]).
  // Events need the other two; a dates-only extractor runs just "timexes".
  bool run_entities = true;
  bool run_timexes = true;
  bool run_events = true;
};

class Extractor;

class ExtractorBuilder {
 public:
  ExtractorBuilder();
  ~ExtractorBuilder();
  ExtractorBuilder(ExtractorBuilder&&) noexcept;
  ExtractorBuilder& operator=(ExtractorBuilder&&) noexcept;

  // Adds a configuration document (format in docs/configuration.md):
  // gazetteers, inline entities, lexicons, rules, the event taxonomy and
  // options. Relative file names are resolved against `base_dir`. `where`
  // names the document in errors. Later documents extend earlier ones;
  // options given later override. Throws ConfigError / LimitError.
  ExtractorBuilder& add_config(const nlohmann::json& config, const std::string& where,
                               const std::string& base_dir);

  const ExtractorOptions& options() const;

  // Consumes the builder. Throws ConfigError for bad rules.
  std::shared_ptr<const Extractor> build() &&;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Statistics of a built extractor, for diagnostics and benchmarks.
struct ExtractorStats {
  size_t entities = 0;
  size_t phrases = 0;
  size_t rules = 0;
  size_t gazetteer_bytes = 0;
};

class Extractor {
 public:
  ~Extractor();

  // Extracts entities, timexes and events. `dct` is the document creation
  // time as "YYYY-MM-DD" (nullopt: look for a dateline in the text). Throws
  // LimitError when the text exceeds max_text_bytes and Error when `dct` is
  // not a valid date; never because of the text's content.
  Document extract(std::string_view text, std::string id = "",
                   const std::optional<std::string>& dct = std::nullopt) const;

  const ExtractorOptions& options() const;
  ExtractorStats stats() const;

 private:
  friend class ExtractorBuilder;
  Extractor();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace liptako
