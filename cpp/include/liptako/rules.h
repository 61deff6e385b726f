// Rules: named RE2 patterns with labels, matched in one pass.
//
// All patterns are compiled into one RE2::Set, which tells in a single scan
// which rules match anywhere in the text; only those rules are then run to
// find their spans. A pattern with a capture group reports the span of group
// 1, otherwise the whole match. Matches are kept only when they start and end
// on token boundaries (whole words).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "liptako/segmenter.h"

namespace liptako {

struct Rule {
  std::string name;     // unique, used in errors and in Entity::source ("rule:<name>")
  std::string label;    // entity label
  std::string pattern;  // RE2 syntax
  std::string id;       // optional fixed id; else <label>/<slug of matched text>
  std::string entity_name;  // optional canonical name; else the matched text
  bool case_insensitive = false;
};

struct RuleMatch {
  uint32_t rule = 0;  // index into the rules given to RuleSet
  uint32_t start = 0;
  uint32_t end = 0;
};

class RuleSet {
 public:
  // Compiles every pattern. Throws ConfigError naming `where`, the JSON path
  // "/rules/<i>/pattern" and RE2's reason for the first bad pattern, or
  // LimitError when the patterns exceed `max_mem` bytes of RE2 memory.
  RuleSet(std::vector<Rule> rules, const std::string& where, int64_t max_mem);
  RuleSet();
  ~RuleSet();
  RuleSet(RuleSet&&) noexcept;
  RuleSet& operator=(RuleSet&&) noexcept;

  std::vector<RuleMatch> match(std::string_view text, const std::vector<Token>& tokens) const;
  const std::vector<Rule>& rules() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace liptako
