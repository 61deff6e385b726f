#include "liptako/extractor.h"

#include <algorithm>
#include <map>
#include <string>
#include <unordered_set>

#include "knowledge.h"
#include "liptako/errors.h"
#include "liptako/events.h"
#include "liptako/text.h"
#include "liptako/timex.h"
#include "thread_buffers.h"

namespace liptako {

using internal::Knowledge;
using nlohmann::json;

namespace {

const char* const kLexiconNames[] = {"first_names",  "person_titles",  "org_heads",
                                     "org_prefixes", "location_heads", "location_prefixes",
                                     "common_words", "nonname_capitalized"};

std::string resolve_path(const std::string& base_dir, const std::string& file) {
  if (file.empty() || file[0] == '/' || base_dir.empty()) return file;
  return base_dir + "/" + file;
}

std::string dir_of(const std::string& path) {
  auto slash = path.find_last_of('/');
  return slash == std::string::npos ? std::string(".") : path.substr(0, slash);
}

// `s` holds an ASCII capital or a non-ASCII byte (a capital or not: the text's
// tokens decide).
bool has_upper_ascii_or_capital(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 'A' && c <= 'Z') return true;
    if (c >= 0x80) return true;
  }
  return false;
}

[[noreturn]] void bad(const std::string& where, const std::string& path, const std::string& why) {
  throw ConfigError(where, path, why);
}

}  // namespace

struct ExtractorBuilder::State {
  ExtractorOptions options;
  internal::EntityStore entities;
  std::map<std::string, std::vector<std::string>> lexicons;
  std::vector<Rule> rules;
  std::optional<json> events;
  std::string events_where;

  // Calls fn(document, where, path, base_dir) for a file name or an inline value.
  template <typename Fn>
  void each_source(const json& v, const std::string& where, const std::string& path,
                   const std::string& base_dir, Fn fn) {
    if (v.is_string()) {
      std::string file = resolve_path(base_dir, v.get<std::string>());
      fn(read_json_file(file), file, std::string(), dir_of(file));
    } else {
      fn(v, where, path, base_dir);
    }
  }

  void add_options(const json& o, const std::string& where, const std::string& path) {
    if (!o.is_object()) bad(where, path, "expected an object");
    for (auto it = o.begin(); it != o.end(); ++it) {
      const std::string p = path + "/" + it.key();
      const json& v = it.value();
      if (it.key() == "day_first" || it.key() == "all_event_modalities") {
        if (!v.is_boolean()) bad(where, p, "expected true or false");
        (it.key() == "day_first" ? options.day_first : options.all_event_modalities) =
            v.get<bool>();
      } else if (it.key() == "max_text_bytes") {
        if (!v.is_number_integer() || v.get<int64_t>() < 0)
          bad(where, p, "expected a non-negative integer");
        options.max_text_bytes = v.get<size_t>();
      } else if (it.key() == "stages") {
        if (!v.is_array()) bad(where, p, "expected a list of stage names");
        options.run_entities = options.run_timexes = options.run_events = false;
        for (size_t i = 0; i < v.size(); ++i) {
          const std::string sp = p + "/" + std::to_string(i);
          if (!v[i].is_string()) bad(where, sp, "expected a stage name");
          const std::string stage = v[i].get<std::string>();
          if (stage == "entities") options.run_entities = true;
          else if (stage == "timexes") options.run_timexes = true;
          else if (stage == "events") options.run_events = true;
          else bad(where, sp, "unknown stage (entities, timexes, events)");
        }
        if (options.run_events && !(options.run_entities && options.run_timexes))
          bad(where, p, "the events stage needs the entities and timexes stages");
      } else if (it.key() == "regex_max_mem") {
        if (!v.is_number_integer() || v.get<int64_t>() < (1 << 16))
          bad(where, p, "expected an integer of at least 65536 (bytes)");
        options.regex_max_mem = v.get<int64_t>();
      } else {
        bad(where, p, "unknown option");
      }
    }
  }

  int layer = 0;  // index of the configuration being added

  void add_config(const json& config, const std::string& where, const std::string& base_dir) {
    if (!config.is_object()) bad(where, "", "a configuration must be a JSON object");
    ++layer;
    size_t first_new_entity = entities.size();
    for (auto it = config.begin(); it != config.end(); ++it) {
      const std::string& key = it.key();
      const json& v = it.value();
      const std::string path = "/" + key;
      if (key == "format") {
        if (v != "liptako-config/1") bad(where, path, "expected \"liptako-config/1\"");
      } else if (key == "description" || key == "provenance") {
        // free text
      } else if (key == "options") {
        add_options(v, where, path);
      } else if (key == "gazetteers" || key == "rules") {
        if (!v.is_array()) bad(where, path, "expected a list of file names or objects");
        for (size_t i = 0; i < v.size(); ++i) {
          if (key == "gazetteers" && v[i].is_string()) {  // a file: read entry by entry
            internal::read_gazetteer_file(resolve_path(base_dir, v[i].get<std::string>()),
                                          entities);
            continue;
          }
          each_source(v[i], where, path + "/" + std::to_string(i), base_dir,
                      [&](const json& doc, const std::string& w, const std::string& p,
                          const std::string&) {
                        if (key == "gazetteers") {
                          auto parsed = parse_gazetteer(doc, w, p);
                          for (const auto& e : parsed) entities.add(e);
                        } else {
                          auto parsed = parse_rules(doc, w, p);
                          for (auto& r : parsed) rules.push_back(std::move(r));
                        }
                      });
        }
      } else if (key == "entities") {
        if (!v.is_array()) bad(where, path, "expected a list of entries");
        for (size_t i = 0; i < v.size(); ++i)
          entities.add(parse_entity(v[i], where, path + "/" + std::to_string(i), ""));
      } else if (key == "lexicons") {
        if (!v.is_object()) bad(where, path, "expected an object of lexicon names");
        for (auto lit = v.begin(); lit != v.end(); ++lit) {
          const std::string lp = path + "/" + lit.key();
          bool known = false;
          for (const char* name : kLexiconNames) known = known || lit.key() == name;
          if (!known) bad(where, lp, "unknown lexicon (see docs/resources.md)");
          auto& words = lexicons[lit.key()];
          auto add = [&](const json& doc, const std::string& w, const std::string& p,
                         const std::string&) {
            auto parsed = parse_lexicon(doc, w, p);
            words.insert(words.end(), parsed.begin(), parsed.end());
          };
          // A file name, an inline lexicon object, or a list of words.
          each_source(lit.value(), where, lp, base_dir, add);
        }
      } else if (key == "events") {
        if (v.is_null()) {
          events.reset();
        } else {
          each_source(v, where, path, base_dir,
                      [&](const json& doc, const std::string& w, const std::string&,
                          const std::string&) {
                        events = doc;
                        events_where = w;
                      });
        }
      } else {
        bad(where, path, "unknown field");
      }
    }
    entities.set_layer(first_new_entity, layer);
  }
};

ExtractorBuilder::ExtractorBuilder() : state_(std::make_unique<State>()) {}
ExtractorBuilder::~ExtractorBuilder() = default;
ExtractorBuilder::ExtractorBuilder(ExtractorBuilder&&) noexcept = default;
ExtractorBuilder& ExtractorBuilder::operator=(ExtractorBuilder&&) noexcept = default;

ExtractorBuilder& ExtractorBuilder::add_config(const json& config, const std::string& where,
                                               const std::string& base_dir) {
  state_->add_config(config, where, base_dir);
  return *this;
}

const ExtractorOptions& ExtractorBuilder::options() const { return state_->options; }

struct Extractor::Impl {
  ExtractorOptions options;
  Knowledge knowledge;
  std::unique_ptr<TimexTagger> timex;
  std::unique_ptr<EventExtractor> events;
};

namespace {

// Adds the surname of a person's name of two words or more (its last word, of three
// letters or more, no generation: "Macron" of "Emmanuel Macron") to
// k.known_surnames, for entity e.
void add_known_surname(Knowledge& k, std::string_view name, uint32_t e) {
  const TokenizedText tt = tokenize(name);
  size_t words = 0;
  const Token* last = nullptr;
  for (const Token& t : tt.tokens) {
    if (t.kind != TokenKind::kWord) continue;
    ++words;
    last = &t;
  }
  if (words < 2) return;
  std::string word = text::fold(name.substr(last->start, last->end - last->start));
  if (word.size() < 3 || internal::in_list(internal::kGenerations, word)) return;
  k.known_surnames.push_back({std::move(word), e});
}

// Sorts k.known_surnames and keeps one entry per surname: kSharedSurname where two
// people have it.
void finish_known_surnames(Knowledge& k) {
  auto& v = k.known_surnames;
  using Surname = Knowledge::KnownSurname;
  std::sort(v.begin(), v.end(), [](const Surname& a, const Surname& b) {
    return a.word != b.word ? a.word < b.word : a.entity < b.entity;
  });
  size_t out = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    if (out > 0 && v[out - 1].word == v[i].word) {
      if (v[out - 1].entity != v[i].entity) v[out - 1].entity = Knowledge::kSharedSurname;
      continue;
    }
    if (out != i) v[out] = std::move(v[i]);
    ++out;
  }
  v.resize(out);
  v.shrink_to_fit();
  for (const Knowledge::KnownSurname& s : v)
    if (s.entity != Knowledge::kSharedSurname) k.lexicons.add(s.word, internal::kKnownSurname);
}

// A time zone after a clock time ("9 a.m. EST", "0735 GMT") is part of the TIME
// the timex stage found, not a place or organisation named like it ("Est", a region
// of Burkina Faso): a mention in capital letters alone, of at most four, that lies
// inside a TIME is dropped. Both lists are in text order.
void drop_time_zone_mentions(std::string_view text, const std::vector<Timex>& timexes,
                             std::vector<Entity>& entities) {
  auto zone_like = [text](const Entity& e) {
    if (e.end - e.start < 2 || e.end - e.start > 4) return false;
    for (uint32_t i = e.start; i < e.end; ++i)
      if (text[i] < 'A' || text[i] > 'Z') return false;
    return true;
  };
  size_t t = 0, kept = 0;  // the first timex that may hold entities[i]; entities kept
  for (size_t i = 0; i < entities.size(); ++i) {
    const Entity& e = entities[i];
    if (zone_like(e)) {
      while (t < timexes.size() && timexes[t].end <= e.start) ++t;
      if (t < timexes.size() && timexes[t].type == "TIME" && timexes[t].start <= e.start &&
          e.end <= timexes[t].end)
        continue;
    }
    if (kept != i) entities[kept] = std::move(entities[i]);
    ++kept;
  }
  entities.resize(kept);
}

// Sets SurfaceValue::alias_country: for an organisation's alias, the first country
// the gazetteer finds in its entity's name (among all its matches: the longest is
// mostly the name itself).
void set_alias_countries(Knowledge& k) {
  for (internal::SurfaceValue& sv : k.surface_values) {
    const internal::EntityStore::Entity r = k.entities[sv.entity];
    if (r.label != "ORG" || internal::kMentionKinds[sv.mention] != "alias") continue;
    for (const GazetteerMatch& m : k.gazetteer.find(r.name, MatchKind::kAll)) {
      const uint32_t e = k.surface_values[m.value].entity;
      if (k.entities[e].label == "COUNTRY") {
        sv.alias_country = e;
        break;
      }
    }
  }
}

}  // namespace

Extractor::Extractor() : impl_(std::make_unique<Impl>()) {}
Extractor::~Extractor() = default;

std::shared_ptr<const Extractor> ExtractorBuilder::build() && {
  State& s = *state_;
  std::shared_ptr<Extractor> x(new Extractor());
  Extractor::Impl& impl = *x->impl_;
  impl.options = s.options;
  Knowledge& k = impl.knowledge;

  auto& lex = s.lexicons;
  auto add_words = [&](const char* name, internal::LexiconFlag flag) {
    for (const auto& w : lex[name]) k.lexicons.add(text::fold(w), flag);
  };
  add_words("first_names", internal::kFirstName);
  add_words("org_heads", internal::kOrgHead);
  // A place prefix of several words flags its first word: "Gulf of" makes "gulf" a place
  // prefix before "of".
  auto add_first_words = [&](const char* name, internal::LexiconFlag one_word,
                             internal::LexiconFlag first_word) {
    for (const auto& prefix : lex[name]) {
      TokenizedText tt = tokenize(prefix);
      if (tt.tokens.empty()) continue;
      const Token& first = tt.tokens[0];
      k.lexicons.add(text::fold(prefix.substr(first.start, first.end - first.start)),
                     tt.tokens.size() == 1 ? one_word : first_word);
    }
  };
  // An org prefix flags its first word as a head ("Ministry of"); one whose name goes on
  // in capitals ("National Assembly of") and is no head of its own is also one of
  // Lexicons::org_adjective_heads.
  std::unordered_set<std::string> org_heads;
  for (const auto& w : lex["org_heads"]) org_heads.insert(text::fold(w));
  for (const auto& prefix : lex["org_prefixes"]) {
    TokenizedText tt = tokenize(prefix);
    if (tt.tokens.empty()) continue;
    const Token& first = tt.tokens[0];
    std::string word = text::fold(prefix.substr(first.start, first.end - first.start));
    if (tt.tokens.size() > 1 && tt.tokens[1].capitalized && !org_heads.count(word))
      k.lexicons.org_adjective_heads.push_back(word);
    k.lexicons.add(word, internal::kOrgHead);
  }
  std::sort(k.lexicons.org_adjective_heads.begin(), k.lexicons.org_adjective_heads.end());
  add_words("location_heads", internal::kLocationHead);
  add_first_words("location_prefixes", internal::kLocationPrefix, internal::kLocationPrefixOf);
  add_words("common_words", internal::kCommonWord);
  add_words("nonname_capitalized", internal::kNonnameCapitalized);
  internal::add_recognizer_words(k.lexicons);
  GazetteerBuilder titles;
  for (const auto& t : lex["person_titles"]) titles.add(t, 0);
  k.lexicons.person_titles = std::move(titles).build();

  GazetteerBuilder gb;
  k.entities = std::move(s.entities);
  k.surface_values.reserve(k.entities.surface_count());  // one array, not a doubling one
  std::vector<std::string> capitals;  // the events' government places
  std::vector<std::string> folded_surfaces;  // of one entity
  for (uint32_t e = 0; e < k.entities.size(); ++e) {
    const internal::EntityStore::Entity r = k.entities[e];
    if (r.label == "LOCATION" && r.type == "capital") capitals.emplace_back(r.id);
    // An alias that is a lowercase "the" and another of the entity's surfaces ("the
    // African Union"; not a title's "The Economist") names nothing more, and would hide a
    // longer name that starts after the article from the leftmost-longest matches ("The
    // African Union Mission in Mali"): it is left out.
    // (The entity's folded surfaces are gathered only when such an alias is met: few are.)
    folded_surfaces.clear();
    bool surfaces_gathered = false;
    auto article_and_another_surface = [&](std::string_view surface, std::string_view folded) {
      if (surface.size() <= 4 || surface.compare(0, 4, "the ") != 0) return false;
      if (!surfaces_gathered) {
        k.entities.for_each_surface(e, [&](const internal::EntityStore::SurfaceView& sf) {
          folded_surfaces.push_back(text::fold(sf.text));
        });
        std::sort(folded_surfaces.begin(), folded_surfaces.end());
        surfaces_gathered = true;
      }
      return std::binary_search(folded_surfaces.begin(), folded_surfaces.end(), folded.substr(4));
    };
    k.entities.for_each_surface(e, [&](const internal::EntityStore::SurfaceView& sf) {
      PhraseOptions po;
      po.case_sensitive = sf.case_sensitive;
      // A name that is also a common lowercase word ("Partners", "Tô" ->
      // "to") must be capitalised in the text, like an ambiguous one.
      const std::string folded = text::fold(sf.text);
      if (article_and_another_surface(sf.text, folded)) return;
      const bool common_word = k.lexicons.flags_of(folded) & internal::kCommonWord;
      po.require_capital = !sf.case_sensitive && (r.ambiguous || common_word);
      if (gb.add(sf.text, static_cast<uint32_t>(k.surface_values.size()), po)) {
        internal::SurfaceValue sv;
        sv.entity = e;
        sv.mention = sf.mention;
        sv.name_has_capital = has_upper_ascii_or_capital(r.name);
        const bool demonym = internal::kMentionKinds[sf.mention] == "demonym";
        sv.may_name_team = (r.label == "LOCATION" || r.label == "COUNTRY") && !demonym;
        sv.accented_short_word = common_word && folded.size() <= 3 && !text::is_ascii(sf.text);
        sv.function_word_acronym = r.label != "COUNTRY" &&
                                   internal::kMentionKinds[sf.mention] == "acronym" &&
                                   internal::in_list(internal::kFunctionWords, folded);
        sv.leading_article = sf.text.size() > 4 && sf.text.compare(0, 3, "the") == 0 &&
                             text::is_space(static_cast<unsigned char>(sf.text[3]));
        sv.names_part_of_place = r.label == "LOCATION" && !demonym;
        sv.names_town = sv.names_part_of_place && internal::in_list(internal::kTownTypes, r.type);
        sv.names_region_or_country =
            !demonym && (r.label == "COUNTRY" || (sv.names_part_of_place && !sv.names_town));
        // (A town's longer name, "Little Havana", "Santa Monica", names no one.)
        sv.needs_place_context = sv.names_town && r.type == "town" &&
                                 sf.text.find_first_of(" -") == std::string_view::npos;
        k.surface_values.push_back(sv);
      }
      if (r.label == "PERSON" && (internal::kMentionKinds[sf.mention] == "name" ||
                                  internal::kMentionKinds[sf.mention] == "alias"))
        add_known_surname(k, sf.text, e);
    });
  }
  finish_known_surnames(k);
  k.entities.drop_surfaces();
  k.gazetteer = std::move(gb).build();
  k.lexicons.index_gazetteers(k.gazetteer);
  set_alias_countries(k);

  k.rules = RuleSet(std::move(s.rules), "<rules>", s.options.regex_max_mem);
  for (const Rule& rule : k.rules.rules()) k.rule_sources.push_back("rule:" + rule.name);

  TimexOptions topts;
  topts.day_first = s.options.day_first;
  impl.timex = std::make_unique<TimexTagger>(topts);
  if (s.events)
    impl.events = std::make_unique<EventExtractor>(*s.events, s.events_where, capitals);

  state_ = std::make_unique<State>();
  return x;
}

Document Extractor::extract(std::string_view text, std::string id,
                            const std::optional<std::string>& dct) const {
  const Impl& impl = *impl_;
  if (impl.options.max_text_bytes != 0 && text.size() > impl.options.max_text_bytes)
    throw LimitError("text of " + std::to_string(text.size()) +
                     " bytes exceeds max_text_bytes = " +
                     std::to_string(impl.options.max_text_bytes));
  if (text.size() >= 0xFFFFFFF0u) throw LimitError("text larger than 4 GiB");
  Document doc;
  doc.id = std::move(id);
  auto use_dateline = [&doc](const std::optional<Dateline>& line) {
    if (!line) return;
    doc.dct.date = line->date;
    doc.dct.source = "dateline";
    doc.dct.span = line->span;
  };
  // Without a given DCT, the text's own date is the DCT: found by the timex stage,
  // which tokenizes the text once for both, or here when that stage does not run
  // (the events read the DCT too). Nothing before the timex stage reads it.
  if (dct) {
    auto date = parse_iso_date(*dct);
    if (!date) throw Error("dct " + quoted(*dct) + " is not a valid date (expected YYYY-MM-DD)");
    doc.dct.date = date;
    doc.dct.source = "given";
  } else if (!impl.options.run_timexes) {
    use_dateline(find_dateline(text));
  }

  // This thread's buffers (tokens, folds, per-token facts, candidates, the
  // resolver's): cleared and refilled here.
  struct Buffers {
    TokenizedText tt;
    FoldedTokens folded;
    std::vector<internal::LexiconFlags> lexicon_flags;
    std::vector<uint32_t> gazetteer_ids, title_ids, capitals;
    std::vector<internal::Candidate> candidates;
    internal::ResolveBuffers resolve;
  };
  const internal::ThreadBuffers<Buffers> thread_buffers(text.size());
  Buffers& buffers = thread_buffers.get();
  TokenizedText& tt = buffers.tt;
  tokenize(text, tt);
  // The text ASCII-lowered once, for the timex and event tokenizers: FoldedTokens'
  // when the entity stage builds one, else lowered_copy.
  std::string lowered_copy;
  std::string_view lowered;
  if (impl.options.run_entities) {
    FoldedTokens& folded = buffers.folded;
    folded.assign(text, tt.tokens);
    lowered = folded.lowered_text();
    // One lookup per token gives its lexicon flags and its gazetteer token ids.
    const internal::Lexicons& lex = impl.knowledge.lexicons;
    const size_t n = tt.tokens.size();
    std::vector<internal::LexiconFlags>& lexicon_flags = buffers.lexicon_flags;
    std::vector<uint32_t>& gazetteer_ids = buffers.gazetteer_ids;
    std::vector<uint32_t>& title_ids = buffers.title_ids;
    std::vector<uint32_t>& capitals = buffers.capitals;
    lexicon_flags.resize(n);  // each written below
    gazetteer_ids.resize(n);
    title_ids.resize(n);
    capitals.resize(n);  // then cut to the capitalised tokens' count
    // Written through locals: a byte store could, for the compiler, change the
    // vectors' own pointers.
    const Token* const tok = tt.tokens.data();
    internal::LexiconFlags* const flags = lexicon_flags.data();
    uint32_t* const gazetteer = gazetteer_ids.data();
    uint32_t* const titles = title_ids.data();
    uint32_t* const capital = capitals.data();
    const internal::Lexicons::WordFacts* const facts = lex.facts.data();
    const internal::Lexicons::WordFacts absent;  // kNoToken ids, no flags
    size_t capitals_count = 0;
    for (size_t i = 0; i < n; ++i) {
      capital[capitals_count] = static_cast<uint32_t>(i);  // kept if capitalised
      capitals_count += tok[i].capitalized | tok[i].all_upper;  // (no branch)
      const uint32_t id = lex.find(folded[i]);
      // A word not in the table: in no lexicon, in neither gazetteer (a select, no branch).
      const internal::Lexicons::WordFacts& f = id == StringIndex::kNotFound ? absent : facts[id];
      flags[i] = f.flags;
      gazetteer[i] = f.gazetteer_id;
      titles[i] = f.title_id;
    }
    capitals.resize(capitals_count);
    internal::DocView view{text, tt, folded, lexicon_flags, gazetteer_ids, title_ids, capitals,
                           internal::story_start_of(text, tt.tokens)};
    std::vector<internal::Candidate>& candidates = buffers.candidates;
    candidates.clear();
    candidates.reserve(tt.tokens.size() / 4 + 16);  // news text: about one per 6 tokens
    internal::gazetteer_candidates(impl.knowledge, view, candidates);
    internal::rule_candidates(impl.knowledge, view, candidates);
    internal::person_candidates(impl.knowledge, view, candidates);
    internal::known_surname_candidates(impl.knowledge, view, candidates);
    internal::org_candidates(impl.knowledge, view, candidates);
    internal::location_candidates(impl.knowledge, view, candidates);
    internal::context_name_repeats(view, candidates);
    doc.entities = internal::resolve(impl.knowledge, view, candidates, buffers.resolve);
  }
  const bool run_events = impl.events && impl.options.run_events;
  if (!impl.options.run_entities && (impl.options.run_timexes || run_events)) {
    lowered_copy = text::ascii_lower_padded(text);
    lowered = std::string_view(lowered_copy.data(), text.size());
  }
  if (impl.options.run_timexes && dct) {
    doc.timexes = impl.timex->tag(text, lowered, tt, doc.dct.date);
  } else if (impl.options.run_timexes) {
    std::optional<Dateline> line;
    doc.timexes = impl.timex->tag_with_dateline(text, lowered, tt, &line);
    use_dateline(line);
  }
  if (impl.options.run_timexes && impl.options.run_entities)
    drop_time_zone_mentions(text, doc.timexes, doc.entities);
  if (run_events) {
    doc.events =
        impl.events->extract(text, lowered, tt, doc.entities, doc.timexes, doc.dct.date);
    if (!impl.options.all_event_modalities)
      doc.events.erase(std::remove_if(doc.events.begin(), doc.events.end(),
                                      [](const Event& e) { return e.modality != "asserted"; }),
                       doc.events.end());
  }
  doc.sentences = tt.sentences;
  return doc;
}

const ExtractorOptions& Extractor::options() const { return impl_->options; }

ExtractorStats Extractor::stats() const {
  ExtractorStats s;
  const Knowledge& k = impl_->knowledge;
  s.entities = k.entities.size();
  s.phrases = k.gazetteer.phrase_count();
  s.rules = k.rules.rules().size();
  s.gazetteer_bytes = k.gazetteer.memory_bytes();
  return s;
}

}  // namespace liptako
