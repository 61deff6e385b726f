// Reading resource files (gazetteers, lexicons, rules) with validation.
// Every error is a ConfigError naming the file, the JSON path and the reason.
// File formats are documented in docs/resources.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "liptako/rules.h"

namespace liptako {

// Reads and parses a JSON file. Throws ConfigError(path, "", reason) when the
// file cannot be read or is not valid JSON, and LimitError when it is larger
// than max_bytes (0 = no limit).
nlohmann::json read_json_file(const std::string& path, size_t max_bytes = 0);

// One way an entity is named in text.
struct Surface {
  std::string text;
  std::string mention;  // name | alias | acronym | demonym
  bool case_sensitive = false;
};

// One gazetteer entry, validated.
struct EntityRecord {
  std::string id;
  std::string label;
  std::string name;
  std::string type;   // optional subtype (city, armed_group, ...)
  std::string title;  // optional, PERSON only
  bool ambiguous = false;
  int layer = 0;  // set by the builder: entries of later configurations win ties
  std::vector<Surface> surfaces;
};

// Parses a liptako-gazetteer/1 document (or a bare list of entries, with
// `default_label` used where an entry has none). `path` is the JSON path of `j`
// inside its file, for messages.
std::vector<EntityRecord> parse_gazetteer(const nlohmann::json& j, const std::string& where,
                                          const std::string& path,
                                          const std::string& default_label = "");

// Parses one entry object.
EntityRecord parse_entity(const nlohmann::json& j, const std::string& where,
                          const std::string& path, const std::string& default_label);

// Parses a liptako-lexicon/1 document or a bare list of words.
std::vector<std::string> parse_lexicon(const nlohmann::json& j, const std::string& where,
                                       const std::string& path);

// Parses {"rules": [...]} or a bare list of rule objects.
std::vector<Rule> parse_rules(const nlohmann::json& j, const std::string& where,
                              const std::string& path);

// The id a new entity gets when none is given: "<label lowercase>/<slug>".
std::string default_entity_id(std::string_view label, std::string_view name);

}  // namespace liptako
