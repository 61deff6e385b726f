#include "liptako/resources.h"

#include <re2/re2.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "entity_store.h"
#include "liptako/errors.h"
#include "liptako/text.h"

namespace liptako {

using nlohmann::json;

namespace {

const char* type_name(const json& j) {
  switch (j.type()) {
    case json::value_t::null: return "null";
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return "a number";
    default: return "an unsupported value";
  }
}

[[noreturn]] void wrong_type(const json& j, const char* expected, const std::string& where,
                             const std::string& path) {
  throw ConfigError(where, path, std::string("expected ") + expected + ", got " + type_name(j));
}

// The field getters below build a field's JSON path (`path` + "/" + key) only
// for the error they throw: most loads throw none, and a gazetteer of a million
// entries reads several fields from each.
std::string get_string(const json& obj, const char* key, const std::string& where,
                       const std::string& path, bool required) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    if (required) throw ConfigError(where, path + "/" + key, "missing required field");
    return "";
  }
  if (!it->is_string()) wrong_type(*it, "a string", where, path + "/" + key);
  std::string s = it->get<std::string>();
  if (required && s.empty()) throw ConfigError(where, path + "/" + key, "must not be empty");
  return s;
}

bool get_bool(const json& obj, const char* key, const std::string& where,
              const std::string& path) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return false;
  if (!it->is_boolean()) wrong_type(*it, "true or false", where, path + "/" + key);
  return it->get<bool>();
}

std::vector<std::string> get_string_list(const json& obj, const char* key,
                                         const std::string& where, const std::string& path) {
  std::vector<std::string> out;
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return out;
  if (!it->is_array()) wrong_type(*it, "a list of strings", where, path + "/" + key);
  out.reserve(it->size());
  for (size_t i = 0; i < it->size(); ++i) {
    const json& v = (*it)[i];
    if (!v.is_string())
      wrong_type(v, "a string", where, path + "/" + key + "/" + std::to_string(i));
    out.push_back(v.get<std::string>());
  }
  return out;
}

void check_format(const json& j, const char* expected, const std::string& where,
                  const std::string& path) {
  auto it = j.find("format");
  if (it == j.end()) return;
  if (!it->is_string() || it->get<std::string>() != expected)
    throw ConfigError(where, path + "/format", std::string("expected \"") + expected + "\"");
}

}  // namespace

namespace {

// The bytes of a file, read once into one string.
std::string read_file_text(const std::string& path, size_t max_bytes) {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec) throw ConfigError(path, "", "cannot read file: " + ec.message());
  if (!std::filesystem::is_regular_file(status))
    throw ConfigError(path, "", "cannot read file: not a regular file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(path, "", std::string("cannot read file: ") + std::strerror(errno));
  in.seekg(0, std::ios::end);
  auto end = in.tellg();
  if (end < 0) throw ConfigError(path, "", "cannot read file: size unknown");
  auto size = static_cast<size_t>(end);
  in.seekg(0);
  if (max_bytes != 0 && size > max_bytes)
    throw LimitError(path + ": file of " + std::to_string(size) + " bytes exceeds the limit of " +
                     std::to_string(max_bytes) + " bytes");
  std::string text(size, '\0');
  if (!in.read(text.data(), static_cast<std::streamsize>(size)))
    throw ConfigError(path, "", std::string("cannot read file: ") + std::strerror(errno));
  return text;
}

}  // namespace

json read_json_file(const std::string& path, size_t max_bytes) {
  const std::string text = read_file_text(path, max_bytes);
  try {
    return json::parse(text);
  } catch (const json::exception& e) {
    throw ConfigError(path, "", std::string("invalid JSON: ") + e.what());
  }
}

std::string default_entity_id(std::string_view label, std::string_view name) {
  // Most ids: ASCII, written into a buffer and copied once.
  char buffer[256];
  if (label.size() + 1 + name.size() <= sizeof buffer && text::is_ascii(label) &&
      text::is_ascii(name)) {
    for (size_t i = 0; i < label.size(); ++i) buffer[i] = text::ascii_lower(label[i]);
    buffer[label.size()] = '/';
    const size_t slug = text::slugify_ascii_to(name, buffer + label.size() + 1);
    return std::string(buffer, label.size() + 1 + slug);
  }
  std::string id;
  id.reserve(label.size() + 1 + name.size());  // the size of an ASCII id at most
  text::fold(label, id);
  id.push_back('/');
  text::slugify(name, id);
  return id;
}

namespace {

// Fills in an entry's label (the file's) and id (made from label and name)
// where it gives none. Throws when it ends up with no label; `entry_path()` (the
// entry's JSON path) is asked for only then.
[[noreturn]] void missing_label(const std::string& where, const std::string& entry_path) {
  throw ConfigError(where, entry_path + "/label", "missing label (entry or file needs one)");
}

template <typename EntryPath>
void complete_entity(EntityRecord& r, const std::string& where, EntryPath entry_path,
                     const std::string& default_label) {
  if (r.label.empty()) r.label = default_label;
  if (r.label.empty()) missing_label(where, entry_path());
  if (r.id.empty()) r.id = default_entity_id(r.label, r.name);
}

// An entry's surfaces, in this order: its name, aliases, acronyms (always
// case-sensitive) and demonyms; `case_sensitive` lists the others that are.
void set_surfaces(EntityRecord& r, const std::vector<std::string>& case_sensitive,
                  const std::vector<std::string>& aliases,
                  const std::vector<std::string>& acronyms,
                  const std::vector<std::string>& demonyms) {
  auto is_cs = [&](const std::string& s) {
    return std::find(case_sensitive.begin(), case_sensitive.end(), s) != case_sensitive.end();
  };
  r.surfaces.reserve(1 + aliases.size() + acronyms.size() + demonyms.size());
  r.surfaces.push_back({r.name, "name", is_cs(r.name)});
  for (const auto& a : aliases) r.surfaces.push_back({a, "alias", is_cs(a)});
  for (const auto& a : acronyms) r.surfaces.push_back({a, "acronym", true});
  for (const auto& a : demonyms) r.surfaces.push_back({a, "demonym", is_cs(a)});
}

// An entry object's own fields; complete_entity() fills in the rest.
EntityRecord entity_fields(const json& j, const std::string& where, const std::string& path) {
  if (!j.is_object()) wrong_type(j, "an entry object", where, path);
  EntityRecord r;
  r.name = get_string(j, "name", where, path, true);
  r.label = get_string(j, "label", where, path, false);
  r.id = get_string(j, "id", where, path, false);
  r.type = get_string(j, "type", where, path, false);
  r.title = get_string(j, "title", where, path, false);
  r.ambiguous = get_bool(j, "ambiguous", where, path);
  set_surfaces(r, get_string_list(j, "case_sensitive", where, path),
               get_string_list(j, "aliases", where, path),
               get_string_list(j, "acronyms", where, path),
               get_string_list(j, "demonyms", where, path));
  return r;
}

}  // namespace

EntityRecord parse_entity(const json& j, const std::string& where, const std::string& path,
                          const std::string& default_label) {
  EntityRecord r = entity_fields(j, where, path);
  complete_entity(r, where, [&] { return path; }, default_label);
  return r;
}

namespace {

// Checks a gazetteer object's header (its format, an optional "label", an
// "entries" list) and returns the entries; `label` becomes the file's label
// when it names one.
const json& gazetteer_entries(const json& j, const std::string& where, const std::string& path,
                              std::string& label) {
  check_format(j, "liptako-gazetteer/1", where, path);
  std::string file_label = get_string(j, "label", where, path, false);
  if (!file_label.empty()) label = std::move(file_label);
  auto it = j.find("entries");
  if (it == j.end()) throw ConfigError(where, path + "/entries", "missing required field");
  if (!it->is_array()) wrong_type(*it, "a list of entries", where, path + "/entries");
  return *it;
}

}  // namespace

std::vector<EntityRecord> parse_gazetteer(const json& j, const std::string& where,
                                          const std::string& path,
                                          const std::string& default_label) {
  std::string label = default_label;
  const bool object = j.is_object();
  const json& entries = object ? gazetteer_entries(j, where, path, label) : j;
  const std::string entries_path = object ? path + "/entries" : path;
  if (!entries.is_array()) wrong_type(entries, "a list of entries", where, entries_path);
  std::vector<EntityRecord> out;
  out.reserve(entries.size());
  for (size_t i = 0; i < entries.size(); ++i)
    out.push_back(parse_entity(entries[i], where, entries_path + "/" + std::to_string(i), label));
  return out;
}

namespace {

constexpr size_t kAllLabelled = static_cast<size_t>(-1);

// complete_entity() on the stored entries from `first` on, given the file's label
// ("" if none). Returns the first entry that has no label and gets none (it stops
// there), or kAllLabelled.
size_t complete_stored_entries(internal::EntityStore& records, size_t first,
                               const std::string& label) {
  for (size_t i = first; i < records.size(); ++i) {
    if (records[i].label.empty()) {
      if (label.empty()) return i;
      records.set_label(i, label);
    }
    if (records[i].id.empty()) {
      const auto e = records[i];
      records.set_id(i, default_entity_id(e.label, e.name));
    }
  }
  return kAllLabelled;
}

void append_gazetteer_entries(const std::string& text, const std::string& path,
                              internal::EntityStore& records) {
  // Each entry becomes an EntityRecord as soon as the parser has read it, and
  // leaves the document (the callback returns false): the document never holds
  // more than one entry. Entries sit at depth 1 of a bare list, at depth 2 under
  // a top-level "entries". Labels and ids are completed at the end, when the
  // file's "label" (which may follow the entries) is known.
  const size_t first = records.size();
  bool bare_list = false;
  bool entries_list = false;  // a top-level "entries" list is being read
  std::string top_key;        // the top-level key whose value is being read
  auto entry_path = [&](size_t i) {
    return (bare_list ? std::string() : std::string("/entries")) + "/" + std::to_string(i);
  };
  auto on_event = [&](int depth, json::parse_event_t event, json& parsed) {
    using E = json::parse_event_t;
    if (depth == 0 && event == E::array_start) bare_list = true;
    if (depth == 1 && !bare_list) {
      if (event == E::key) top_key = parsed.get<std::string>();
      if (event == E::array_start || event == E::array_end)
        entries_list = event == E::array_start && top_key == "entries";
    }
    if (depth != (bare_list ? 1 : 2) || (!bare_list && !entries_list)) return true;
    switch (event) {
      case E::object_end:
        records.add(entity_fields(parsed, path, entry_path(records.size() - first)));
        return false;
      case E::value:
      case E::array_end:
        wrong_type(parsed, "an entry object", path, entry_path(records.size() - first));
      default:
        return true;
    }
  };
  json rest;  // the document without its entries
  try {
    rest = json::parse(text, on_event);
  } catch (const json::exception& e) {
    throw ConfigError(path, "", std::string("invalid JSON: ") + e.what());
  }
  std::string label;
  if (!bare_list) {
    if (!rest.is_object()) wrong_type(rest, "a gazetteer object or a list of entries", path, "");
    gazetteer_entries(rest, path, "", label);  // its entries were read above
  }
  const size_t unlabelled = complete_stored_entries(records, first, label);
  if (unlabelled != kAllLabelled) missing_label(path, entry_path(unlabelled - first));
}

// A gazetteer file read by SAX events (nlohmann::json::sax_parse), the usual case
// fast: no JSON object per entry, no field looked up by name. It reads what
// append_gazetteer_entries() accepts and gives the same entries: a top-level object
// (its "format" and "label" strings, an "entries" list; any other key's value
// skipped) or a bare list of entries; an entry's fields as entity_fields() reads
// them (null as absent, a later duplicate key over an earlier one, other keys
// skipped). At anything else (a wrong type, a missing name, invalid JSON) it stops:
// read() returns false, and the caller reads the text with
// append_gazetteer_entries(), which names the error.
class GazetteerSax {
 public:
  explicit GazetteerSax(internal::EntityStore& out) : out_(out) {}

  // Whether `text` was read; the entries are then in the store, labels and ids
  // not yet completed (see label()).
  bool read(const std::string& text) {
    return json::sax_parse(text, this) && state_ == State::kDone && (bare_list_ || saw_entries_);
  }
  // The file's label ("" if none).
  const std::string& label() const { return label_; }

  // The SAX interface.
  bool null() {
    if (skip_ > 0) return true;
    if (state_ == State::kTop) {  // "label": null is no label; "format", "entries" must not be
      if (top_key_ == "label") label_.clear();
      return top_key_ != "format" && top_key_ != "entries";
    }
    if (state_ != State::kEntry) return false;
    clear_field();
    return true;
  }
  bool boolean(bool b) {
    if (skip_ == 0 && state_ == State::kEntry && field_ == Field::kAmbiguous) {
      entry_.ambiguous = b;
      return true;
    }
    return other_value();
  }
  bool number_integer(json::number_integer_t) { return other_value(); }
  bool number_unsigned(json::number_unsigned_t) { return other_value(); }
  bool number_float(json::number_float_t, const std::string&) { return other_value(); }
  bool binary(json::binary_t&) { return false; }
  bool string(std::string& v) {
    if (skip_ > 0) return true;
    switch (state_) {
      case State::kTop:
        if (top_key_ == "format") format_ok_ = v == "liptako-gazetteer/1";
        if (top_key_ == "label") label_ = std::move(v);
        return top_key_ != "entries";  // another key's string: skipped
      case State::kEntry:
        if (std::string* f = string_field()) {
          *f = std::move(v);
          return true;
        }
        return field_ == Field::kOther;
      case State::kList:
        list_->push_back(std::move(v));
        return true;
      default:
        return false;
    }
  }
  bool start_object(std::size_t) {
    if (enters_skipped_value()) return true;
    if (state_ == State::kStart) {
      state_ = State::kTop;
      return true;
    }
    if (state_ != State::kEntries) return false;
    state_ = State::kEntry;
    entry_ = Entry{};
    field_ = Field::kOther;
    return true;
  }
  bool key(std::string& k) {
    if (skip_ > 0) return true;
    if (state_ == State::kTop) {
      top_key_ = std::move(k);
      if (top_key_ == "format") format_key_ = true;
      return true;
    }
    if (state_ != State::kEntry) return false;
    field_ = k == "name"             ? Field::kName
             : k == "label"          ? Field::kLabel
             : k == "id"             ? Field::kId
             : k == "type"           ? Field::kType
             : k == "title"          ? Field::kTitle
             : k == "ambiguous"      ? Field::kAmbiguous
             : k == "case_sensitive" ? Field::kCaseSensitive
             : k == "aliases"        ? Field::kAliases
             : k == "acronyms"       ? Field::kAcronyms
             : k == "demonyms"       ? Field::kDemonyms
                                     : Field::kOther;
    return true;
  }
  bool end_object() {
    if (leaves_skipped_value()) return true;
    if (state_ == State::kTop) {
      state_ = State::kDone;
      return !format_key_ || format_ok_;  // check_format(): the expected string, if any
    }
    if (state_ != State::kEntry) return false;
    if (entry_.name.empty()) return false;  // required
    add_entry();
    state_ = State::kEntries;
    return true;
  }
  bool start_array(std::size_t) {
    if (enters_skipped_value()) return true;
    if (state_ == State::kStart) {
      bare_list_ = true;
      state_ = State::kEntries;
      return true;
    }
    if (state_ == State::kTop && top_key_ == "entries") {
      saw_entries_ = true;
      state_ = State::kEntries;
      return true;
    }
    if (state_ != State::kEntry) return false;
    list_ = list_field();
    if (list_ == nullptr) return false;
    list_->clear();  // a later duplicate key's list replaces the earlier one
    state_ = State::kList;
    return true;
  }
  bool end_array() {
    if (leaves_skipped_value()) return true;
    if (state_ == State::kList) {
      state_ = State::kEntry;
      return true;
    }
    if (state_ != State::kEntries) return false;
    state_ = bare_list_ ? State::kDone : State::kTop;
    top_key_.clear();
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
    return false;
  }

 private:
  enum class State { kStart, kTop, kEntries, kEntry, kList, kDone };
  enum class Field {
    kName, kLabel, kId, kType, kTitle, kAmbiguous, kCaseSensitive, kAliases, kAcronyms,
    kDemonyms, kOther
  };
  struct Entry {
    std::string name, label, id, type, title;
    bool ambiguous = false;
    std::vector<std::string> case_sensitive, aliases, acronyms, demonyms;
  };

  // At an object's or a list's start: whether it is read over (inside a skipped
  // value, a skipped top-level key's, or an unknown entry field's); counts the depth.
  bool enters_skipped_value() {
    if (skip_ > 0 || (state_ == State::kTop && skipped_top_value()) ||
        (state_ == State::kEntry && field_ == Field::kOther)) {
      ++skip_;
      return true;
    }
    return false;
  }
  // At an object's or a list's end: whether it closes a skipped value.
  bool leaves_skipped_value() {
    if (skip_ == 0) return false;
    --skip_;
    return true;
  }
  // A top-level key's value that is read over: not "format" and "label" (strings
  // or null) nor "entries" (a list).
  bool skipped_top_value() const {
    return !top_key_.empty() && top_key_ != "format" && top_key_ != "label" &&
           top_key_ != "entries";
  }
  // A number or a boolean where no field takes one: inside a skipped value, as a
  // skipped top-level key's value, or as an unknown entry field's.
  bool other_value() const {
    if (skip_ > 0) return true;
    if (state_ == State::kTop) return skipped_top_value();
    return state_ == State::kEntry && field_ == Field::kOther;
  }
  std::string* string_field() {
    switch (field_) {
      case Field::kName: return &entry_.name;
      case Field::kLabel: return &entry_.label;
      case Field::kId: return &entry_.id;
      case Field::kType: return &entry_.type;
      case Field::kTitle: return &entry_.title;
      default: return nullptr;
    }
  }
  std::vector<std::string>* list_field() {
    switch (field_) {
      case Field::kCaseSensitive: return &entry_.case_sensitive;
      case Field::kAliases: return &entry_.aliases;
      case Field::kAcronyms: return &entry_.acronyms;
      case Field::kDemonyms: return &entry_.demonyms;
      default: return nullptr;
    }
  }
  void clear_field() {  // null: the field is absent
    if (std::string* f = string_field()) f->clear();
    if (std::vector<std::string>* l = list_field()) l->clear();
    if (field_ == Field::kAmbiguous) entry_.ambiguous = false;
  }
  // entity_fields()' record of the entry, into the store.
  void add_entry() {
    EntityRecord r;
    r.name = std::move(entry_.name);
    r.label = std::move(entry_.label);
    r.id = std::move(entry_.id);
    r.type = std::move(entry_.type);
    r.title = std::move(entry_.title);
    r.ambiguous = entry_.ambiguous;
    set_surfaces(r, entry_.case_sensitive, entry_.aliases, entry_.acronyms, entry_.demonyms);
    out_.add(r);
  }

  internal::EntityStore& out_;
  State state_ = State::kStart;
  int skip_ = 0;  // depth inside a skipped value
  bool bare_list_ = false, saw_entries_ = false;
  bool format_key_ = false, format_ok_ = false;
  std::string top_key_, label_;
  Field field_ = Field::kOther;
  Entry entry_;
  std::vector<std::string>* list_ = nullptr;
};

}  // namespace

namespace internal {

void read_gazetteer_file(const std::string& path, EntityStore& out, size_t max_bytes) {
  const std::string text = read_file_text(path, max_bytes);
  const EntityStore::Mark mark = out.mark();
  // Room for every entry at once (each has one "name" key; the count may be a
  // little high): an array of a million entries doubling as it grows would hold
  // two copies of them for a moment.
  size_t names = 0;
  for (size_t at = text.find("\"name\""); at != std::string::npos;
       at = text.find("\"name\"", at + 6))
    ++names;
  out.reserve(out.size() + names);
  try {
    // By SAX events; where that reader stops (an error, or what it does not
    // read), the entries are read again by append_gazetteer_entries(), which
    // names any error.
    GazetteerSax sax(out);
    if (!sax.read(text) || complete_stored_entries(out, mark.entries, sax.label()) != kAllLabelled) {
      out.rewind(mark);
      append_gazetteer_entries(text, path, out);
    }
  } catch (...) {
    out.rewind(mark);
    throw;
  }
}

}  // namespace internal

std::vector<std::string> parse_lexicon(const json& j, const std::string& where,
                                       const std::string& path) {
  if (j.is_object()) {
    check_format(j, "liptako-lexicon/1", where, path);
    if (!j.contains("words")) throw ConfigError(where, path + "/words", "missing required field");
    return get_string_list(j, "words", where, path);
  }
  if (!j.is_array()) wrong_type(j, "a lexicon object or a list of words", where, path);
  json wrapper = {{"words", j}};
  return get_string_list(wrapper, "words", where, path.empty() ? "" : path);
}

std::vector<Rule> parse_rules(const json& j, const std::string& where, const std::string& path) {
  const json* list = &j;
  std::string list_path = path;
  if (j.is_object()) {
    check_format(j, "liptako-rules/1", where, path);
    auto it = j.find("rules");
    if (it == j.end()) throw ConfigError(where, path + "/rules", "missing required field");
    list = &*it;
    list_path = path + "/rules";
  }
  if (!list->is_array()) wrong_type(*list, "a list of rules", where, list_path);
  std::vector<Rule> out;
  for (size_t i = 0; i < list->size(); ++i) {
    const json& r = (*list)[i];
    std::string p = list_path + "/" + std::to_string(i);
    if (!r.is_object()) wrong_type(r, "a rule object", where, p);
    Rule rule;
    rule.name = get_string(r, "name", where, p, true);
    rule.label = get_string(r, "label", where, p, true);
    rule.pattern = get_string(r, "pattern", where, p, true);
    rule.id = get_string(r, "id", where, p, false);
    rule.entity_name = get_string(r, "entity_name", where, p, false);
    rule.case_insensitive = get_bool(r, "case_insensitive", where, p);
    RE2::Options options;
    options.set_log_errors(false);
    options.set_case_sensitive(!rule.case_insensitive);
    RE2 re(rule.pattern, options);
    if (!re.ok() && re.error_code() != RE2::ErrorPatternTooLarge)
      throw ConfigError(where, p + "/pattern", "rule '" + rule.name + "': " + re.error());
    out.push_back(std::move(rule));
  }
  return out;
}

}  // namespace liptako
