// Internal: what a built Extractor knows (entities, lexicons, rules) and the
// per-document view the recognizers share. Not part of the public API.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "liptako/gazetteer.h"
#include "liptako/resources.h"
#include "liptako/rules.h"
#include "liptako/segmenter.h"
#include "liptako/string_index.h"
#include "liptako/types.h"
#include "entity_store.h"
#include "short_word_index.h"

namespace liptako::internal {

// What a gazetteer value points at: an entity and how the phrase names it,
// with facts about them that gazetteer_candidates would otherwise recompute
// for every match.
struct SurfaceValue {
  uint32_t entity;
  uint8_t mention;  // index into kMentionKinds
  // The entity's name holds an ASCII capital or a non-ASCII byte: a match found
  // in all-lowercase text ("to" for "Tô") is a common word, not the name.
  bool name_has_capital = false;
  // A place (LOCATION, COUNTRY) named not by a demonym: "<Place> <Plural>" after
  // it may be a team ("Vancouver Canucks").
  bool may_name_team = false;
  // A town's or city's name (a LOCATION of a kTownTypes type, not a demonym):
  // "<Town> City" is a club ("Leicester City").
  bool names_town = false;
  // The phrase has non-ASCII letters and folds to a common word of at most three
  // letters ("Tô" -> "to", "Pô" -> "po"): found without them where any word may
  // be capitalised, it is the common word. (Longer ones are mostly places written
  // without their accents in English: "Montreal", "Gujarat".)
  bool accented_short_word = false;
  // An organisation's or a place's acronym that is also an English function word
  // (kFunctionWords: "IS" for the Islamic State): in a headline set in capitals it
  // is the word. (Not a country's: "US" in capitals is the country.)
  bool function_word_acronym = false;
  // The phrase opens with a lowercase "the" before more words ("the United
  // States", "the Sahel"): the article tells the phrase apart ("the States"), but
  // names nothing; the mention starts after it. ("The Hague", "The Guardian" are
  // names that start with "The".)
  bool leading_article = false;
  // A LOCATION's name or alias (not a demonym): a compass word before it names a
  // part of the place ("Northern California").
  bool names_part_of_place = false;
  // A country's or a region's name or alias (a COUNTRY, or a LOCATION of no
  // kTownTypes type; not a demonym): "<Town>, <it>" names a town in it.
  bool names_region_or_country = false;
  // A town's one-word name (a LOCATION of type "town": the bundled towns are
  // smaller than its cities, and many are named like a person, "Harrison",
  // "Norton"): found only where the text speaks of a place (gazetteer_candidates,
  // in_place_context).
  bool needs_place_context = false;
  // An organisation's alias ("Senate", "House of Representatives") whose entity's
  // name names a country ("United States Senate"): that country's entity, else
  // kNoCountry. After another country's possessive ("Nigeria's Senate") the alias
  // names that country's body, not this one (gazetteer_candidates).
  static constexpr uint32_t kNoCountry = UINT32_MAX;
  uint32_t alias_country = kNoCountry;
};

// Which lexicons hold a word (config "lexicons" keys, then the recognizers' own
// word lists), as bit flags.
enum LexiconFlag : uint16_t {
  kFirstName = 1,            // first_names
  kOrgHead = 2,              // org_heads (and the first word of org_prefixes)
  kLocationHead = 4,         // location_heads
  kLocationPrefix = 8,       // location_prefixes of one word
  kCommonWord = 16,          // common_words
  kNonnameCapitalized = 32,  // nonname_capitalized
  kNameParticle = 64,        // kNameParticles (below)
  kNotOrgAcronym = 128,      // kNotOrgAcronyms
  kThingHead = 256,          // kThingHeads
  kLegalForm = 512,          // kLegalForms, with or without a period ("corp", "corp.")
  kClosingOrgHead = 1024,    // kClosingOrgHeads
  kLocationPrefixOf = 2048,  // the first word of a location prefix of several words ("Gulf of"):
                             // a place prefix before "of"
  kSurnameHead = 4096,       // kSurnameHeads
  kCreedWord = 8192,         // kCreedWords
  kKnownSurname = 16384,     // the surname of one gazetteer person (Knowledge::known_surnames)
  kOrgTypeNoun = 32768       // kOrgTypeNouns
};
// The LexiconFlag bits of a word.
using LexiconFlags = uint16_t;

// The lexicons: one table from folded word to the flags of the lexicons that
// hold it and to its token ids in the gazetteers, so that a token costs one
// lookup whatever the recognizers ask.
struct Lexicons {
  // What a word of the table is: side by side, so that a token found in the
  // table costs one more cache line, not three.
  struct WordFacts {
    // Its vocabulary id in Knowledge::gazetteer / person_titles, or
    // Gazetteer::kNoToken (filled by index_gazetteers once both are built).
    uint32_t gazetteer_id = Gazetteer::kNoToken;
    uint32_t title_id = Gazetteer::kNoToken;
    LexiconFlags flags = 0;
  };
  StringIndex words;              // folded words
  std::vector<WordFacts> facts;   // per word id
  // words.find() of each one-byte ASCII word, and the words of up to 16 bytes
  // (both filled by index_gazetteers).
  std::array<uint32_t, 128> one_byte_ids{};
  PackedWords packed_words;
  bool has_common_words = false;
  // The first words of org prefixes of several words that are no org heads of their own
  // ("national" of "National Assembly of", "high" of "High Court of"), folded, sorted:
  // they end a name only where no capitalised word follows ("Meridian National lent
  // ...", not "US National" of "US National Security Adviser"). A few words, asked only
  // of such a head before a capital.
  std::vector<std::string> org_adjective_heads;
  Gazetteer person_titles;     // multiword: "Defence Minister", "junta leader"

  void add(std::string_view folded, LexiconFlag flag) {
    const uint32_t id = words.intern(folded);
    if (id == facts.size()) facts.emplace_back();
    facts[id].flags |= flag;
    if (flag == kCommonWord) has_common_words = true;
  }
  // Adds the vocabularies of both gazetteers to the table (the last step of a build).
  void index_gazetteers(const Gazetteer& gazetteer) {
    const Gazetteer* both[] = {&gazetteer, &person_titles};
    for (const Gazetteer* g : both)
      for (uint32_t t = 0; t < g->vocabulary_size(); ++t) {
        const uint32_t id = words.intern(g->vocabulary_word(t));
        if (id == facts.size()) facts.emplace_back();
      }
    for (uint32_t t = 0; t < gazetteer.vocabulary_size(); ++t)
      facts[words.find(gazetteer.vocabulary_word(t))].gazetteer_id = t;
    for (uint32_t t = 0; t < person_titles.vocabulary_size(); ++t)
      facts[words.find(person_titles.vocabulary_word(t))].title_id = t;
    for (unsigned c = 0; c < 128; ++c) {
      const char ch = static_cast<char>(c);
      one_byte_ids[c] = words.find(std::string_view(&ch, 1));
    }
    packed_words.build(words);
  }
  // The id of a folded token in `words` (StringIndex::kNotFound if none): a
  // FoldedTokens entry, followed by 8 readable bytes and holding no NUL byte. A
  // one-byte ASCII word (punctuation, "a") is read from a table; other words of up
  // to 16 bytes are found by their packed bytes, unhashed.
  uint32_t find(std::string_view folded) const {
    static_assert(text::kLowerPadding >= PackedWords::kMaxBytes - ShortWordIndex::kMaxBytes,
                  "find_padded reads up to 16 bytes from a fold's start");
    const size_t n = folded.size();
    if (n == 1 && static_cast<unsigned char>(folded[0]) < 128)
      return one_byte_ids[static_cast<unsigned char>(folded[0])];
    // Most tokens of a text are in the table (common words, names' words).
    if (n != 0 && n <= PackedWords::kMaxBytes)
      return packed_words.find_padded_present(folded.data(), n).id;
    return words.find(folded);
  }
  LexiconFlags flags_of(std::string_view folded) const {
    const uint32_t id = words.find(folded);
    return id == StringIndex::kNotFound ? 0 : facts[id].flags;
  }
};

struct Knowledge {
  EntityStore entities;  // surfaces dropped after build
  std::vector<SurfaceValue> surface_values;
  Gazetteer gazetteer;  // value = index into surface_values
  Lexicons lexicons;
  RuleSet rules;
  std::vector<std::string> rule_sources;  // per rule: "rule:<name>"

  // The surnames of the gazetteer's people: the folded last word (of three letters or
  // more, no generation) of each name or alias of two words or more, sorted, each with
  // its entity, or kSharedSurname where two people have it.
  struct KnownSurname {
    std::string word;
    uint32_t entity;
  };
  static constexpr uint32_t kSharedSurname = UINT32_MAX;
  std::vector<KnownSurname> known_surnames;
  // The entity of the one gazetteer person whose surname is `folded`, or -1.
  int64_t person_with_surname(std::string_view folded) const {
    auto it = std::lower_bound(
        known_surnames.begin(), known_surnames.end(), folded,
        [](const KnownSurname& s, std::string_view w) { return s.word < w; });
    if (it == known_surnames.end() || it->word != folded || it->entity == kSharedSurname)
      return -1;
    return it->entity;
  }
};

// One document being analysed.
struct DocView {
  std::string_view text;
  const TokenizedText& tt;
  const FoldedTokens& folded;
  const std::vector<LexiconFlags>& lexicon_flags;  // per token: Lexicons::flags_of(folded)
  const std::vector<uint32_t>& gazetteer_ids;  // per token: its id in Knowledge::gazetteer's vocabulary
  const std::vector<uint32_t>& title_ids;      // per token: its id in person_titles' vocabulary
  // The tokens that are capitalized or all_upper, in order: the loops that look
  // only at such tokens (most recognizers, resolve's later mentions) visit these,
  // not every token (about one in four).
  const std::vector<uint32_t>& capitals;
  // The token after a dateline's agency and dash near the text's start ("KESSAVILLE, May 16
  // (AFP) - A ..."), which the segmenter leaves in the story's first sentence; SIZE_MAX if
  // none (story_start_of).
  size_t story_start = SIZE_MAX;

  bool lex(size_t i, LexiconFlag f) const { return (lexicon_flags[i] & f) != 0; }

  const std::vector<Token>& tokens() const { return tt.tokens; }
  std::string_view token_text(size_t i) const {
    const Token& t = tt.tokens[i];
    return text.substr(t.start, t.end - t.start);
  }
  bool same_sentence(size_t a, size_t b) const {
    return tt.sentence_of_token[a] == tt.sentence_of_token[b];
  }
  // Token i is its sentence's first word, capitalised whatever it is: the
  // sentence's first token, or after up to three punctuation tokens alone
  // ("``To ...", "(The ...", "-- In ..."), or the story's first word after its
  // dateline (story_start).
  bool sentence_initial(size_t i) const {
    if (i == story_start) return true;
    const size_t first = tt.first_token_of_sentence[tt.sentence_of_token[i]];
    if (i - first > 3) return false;
    for (size_t k = first; k < i; ++k)
      if (tt.tokens[k].kind != TokenKind::kPunct && tt.tokens[k].kind != TokenKind::kHyphen)
        return false;
    return true;
  }
  // A dash that may open a story after its dateline: "-", "\u2014" or "\u2013".
  static bool is_story_dash(std::string_view w) {
    return w == "-" || w == "\u2014" || w == "\u2013";
  }
};

// DocView::story_start for these tokens of `text`: the token after the first ")" and dash
// among the first 40 tokens, or SIZE_MAX.
inline size_t story_start_of(std::string_view text, const std::vector<Token>& tokens) {
  for (size_t i = 1; i + 1 < tokens.size() && i < 40; ++i) {
    const Token& bracket = tokens[i - 1];
    const Token& dash = tokens[i];
    if (bracket.end - bracket.start == 1 && text[bracket.start] == ')' &&
        DocView::is_story_dash(text.substr(dash.start, dash.end - dash.start)))
      return i + 1;
  }
  return SIZE_MAX;
}

// Token i follows a capitalised word of its sentence that is neither the
// sentence's first nor a title's ("the Kati Goita market", "the Stanley Cup"):
// a word of another name, not a surname alone. ("Colonel Goita", "Later Goita"
// are surnames.)
inline bool after_name_word(const DocView& d, size_t i) {
  if (i == 0 || !d.same_sentence(i - 1, i) || d.sentence_initial(i - 1)) return false;
  const Token& p = d.tokens()[i - 1];
  return p.kind == TokenKind::kWord && p.capitalized && d.title_ids[i - 1] == Gazetteer::kNoToken;
}

// A proposed entity over tokens [first_token, end_token). It owns no string:
// its fields view the Knowledge (entity records, surface values, rules), the
// document's text or string literals, all of which outlive resolve(). resolve()
// makes an Entity of the candidates it keeps only.
struct Candidate {
  uint32_t first_token = 0;
  uint32_t end_token = 0;
  int priority = 0;  // a kPriority* constant (0..7): higher wins at equal length
  int layer = 0;     // then the later configuration layer wins
  uint32_t start = 0;  // byte span in the text
  uint32_t end = 0;
  std::string_view label;
  std::string_view id;  // empty: resolve() gives kept ones the default id
  std::string_view name;
  std::string_view mention;
  std::string_view source;
  std::string_view title;
  // A town's name (SurfaceValue::needs_place_context): where a person of the
  // document has it as surname, it names that person ("from Cardenas" after
  // "Baltasar Cardenas"; resolve()).
  bool yields_to_surname = false;
  // Found by what the text says around it (a type noun, a place noun, a dateline),
  // not by its own words: repeated elsewhere, the same words name the same
  // (context_name_repeats).
  bool named_by_context = false;
};

// Priorities of the candidate sources.
// No proper name is longer than this many tokens. Every recognizer scan is
// bounded by it, which keeps recognition linear in the text whatever it holds
// ("Union Union Union ..." 100,000 times).
constexpr size_t kMaxNameTokens = 12;

constexpr int kPriorityUserRule = 5;
constexpr int kPriorityGazetteer = 4;
constexpr int kPriorityPerson = 3;
constexpr int kPriorityOrg = 2;
constexpr int kPriorityLocation = 1;
constexpr int kPriorityGuess = 0;  // unlabelled capitalised runs, bare acronyms

// Whether `word` is one of the words of `list` (one of the word lists below).
template <size_t N>
bool in_list(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// The recognizers' own word lists, folded. They read a token's membership from
// its lexicon flags (kNameParticle, kNotOrgAcronym, kClosingOrgHead, kLegalForm,
// kThingHead): add_recognizer_words
// (recognizers.cpp) adds the words to the lexicons, before
// Lexicons::index_gazetteers.
// Lowercase particles that may stand inside a person's name (bin, de, van).
inline constexpr std::array<std::string_view, 22> kNameParticles = {
    "al", "el", "bin", "ibn", "ben", "bint", "abu", "de", "da", "di", "del", "dos",
    "das", "du", "van", "von", "der", "den", "le", "la", "ould", "ag"};
// A generation after a full name (folded): "Glenn A. Profitt II", "Robert Smith
// Jr." (the period of "Jr." too). A name's surname is the word before them.
inline constexpr std::array<std::string_view, 5> kGenerations = {"jr", "sr", "ii", "iii", "iv"};
// Short lowercase words that follow a name and a hyphen in English compounds ("Smith-led",
// "Obama-era"): not the second syllable of a given name ("Doo-hwan", "Jae-in").
inline constexpr std::array<std::string_view, 14> kHyphenSuffixWords = {
    "led", "run", "era", "old", "day", "age", "set", "off", "out", "up", "way", "fed", "eye",
    "ish"};
// Acronyms that name no organisation.
inline constexpr std::array<std::string_view, 32> kNotOrgAcronyms = {
    "ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii", "tv", "dj", "mc", "am",
    "pm", "ok", "id", "ceo", "gdp", "dna", "hiv", "aids", "cd", "dvd", "usd",
    // a member of a parliament: "the Green MEP for London"
    "mep", "msp", "mla",
    // a ship's prefix: "the BRP Teresa Magbanua", "USS Gerald R. Ford"
    "uss", "hms", "hmas", "hmcs", "brp"};
// Organisation heads (folded) after which a name ends: a club's ("Manchester
// City against Liverpool") or a legal form ("Acme Corp. of Delaware"). The org
// recognizer takes no "of/for/on/against" complement after them.
inline constexpr std::array<std::string_view, 26> kClosingOrgHeads = {
    "city", "united", "rovers", "athletic", "fc", "f.c.", "inc", "inc.", "corp", "corp.",
    "co.", "cos.", "ltd", "ltd.", "llc", "plc", "gmbh", "ag", "ab", "asa", "sa", "s.a.", "nv",
    "n.v.", "spa", "s.p.a."};
// A company's legal form after its name (folded, without its last period):
// "Microsoft Corp.", "Siemens AG", "Montedison S.p.A." name the company the gazetteer
// knows as "Microsoft", "Siemens", "Montedison".
inline constexpr std::array<std::string_view, 20> kLegalForms = {
    "inc", "corp", "corporation", "co", "cos", "ltd", "limited", "llc", "plc", "gmbh",
    "ag",  "ab",   "asa",         "sa", "s.a", "nv",  "n.v",     "spa", "s.p.a", "se"};
// Nouns (folded) that end the names of events, prizes, laws and wars, not of
// people: "the Pan American Games", "the Stanley Cup", "the Patriot Act".
inline constexpr std::array<std::string_view, 48> kThingHeads = {
    "games",       "cup",        "cups",       "trophy",      "trophies",      "championship",
    "championships", "olympics", "festival",   "festivals",   "awards",        "award",
    "prize",       "prizes",     "medal",      "medals",      "tournament",    "tournaments",
    "treaty",      "treaties",   "accord",     "accords",     "pact",          "pacts",
    "agreement",   "agreements", "declaration", "declarations", "protocol",    "protocols",
    "charter",     "resolution", "resolutions", "summit",     "summits",       "act",
    "acts",        "war",        "wars",       "revolution",  "revolutions",   "doctrine",
    "crisis",      "crises",     "manifesto",  "charters",    "convention",    "conventions"};
// Lowercase nouns (folded) of what an organisation is, after its name: "the IG Metall
// union", "the Kessa militia", "the Bild newspaper" (org_before_type_noun()).
// (Not "group": "the Drabinsky group" is a person's backers.)
inline constexpr std::array<std::string_view, 34> kOrgTypeNouns = {
    "union",      "unions",     "party",     "militia",      "company",
    "firm",       "bank",       "agency",    "newspaper",    "daily",       "weekly",
    "broadcaster", "airline",   "carmaker",  "automaker",    "network",     "movement",
    "coalition",  "alliance",   "federation", "association", "magazine",    "insurer",
    "lender",     "retailer",   "conglomerate", "consortium", "faction",    "brigade",
    "institute",  "regulator",  "watchdog",  "operator",     "foundation"};
// Words that may stand between such a name and its noun: "the Varno militant faction".
inline constexpr std::array<std::string_view, 13> kOrgTypeModifiers = {
    "militant", "armed", "jihadist", "rebel", "trade", "opposition", "ruling", "separatist",
    "terrorist", "insurgent", "news", "private", "mercenary"};
// The prefixes of football and sports clubs' names (folded): "FC Basel", "AC Milan"
// (club_after_prefix in recognizers.cpp).
inline constexpr std::array<std::string_view, 7> kClubPrefixes = {"fc", "afc", "ac", "as", "sc",
                                                                  "sv", "ssc"};
// The suffixes of clubs' names after a place (folded): "Montreal HC", "Toronto FC"
// (team_candidates in recognizers.cpp).
inline constexpr std::array<std::string_view, 7> kClubSuffixes = {"fc", "afc", "hc", "sc", "cf",
                                                                  "fk", "bk"};
// Who works at an organisation (folded): "analysts at Jefferies" names one
// (org_after_type_noun in recognizers.cpp).
inline constexpr std::array<std::string_view, 14> kStaffNouns = {
    "analyst", "analysts", "economist", "economists", "strategist", "strategists", "banker",
    "bankers", "executive", "executives", "employees", "researchers", "scientists", "traders"};
// Place or organisation head words (folded) that are also frequent surnames: after a
// given name ("Carla Hills", "Robert Hill", "Jessica Hall") they end a person's name
// unless the text speaks of a place there (given_name_and_surname_head() in
// recognizers.cpp). Read only for words that are location_heads or org_heads too.
inline constexpr std::array<std::string_view, 11> kSurnameHeads = {
    "hill", "hills", "wells", "park", "field", "lake", "camp", "bay", "forest", "tower", "hall"};
// Adjectives of faiths and political creeds (folded), no surnames: after a given name
// they make no person's name ("Roman Catholic", "Christian Democrat", "an Indiana
// Republican").
inline constexpr std::array<std::string_view, 26> kCreedWords = {
    "catholic", "catholics",  "protestant", "orthodox",   "muslim",      "muslims",
    "islamist", "jewish",     "hindu",      "buddhist",   "sikh",        "shiite",
    "sunni",    "evangelical", "anglican",  "methodist",  "lutheran",    "presbyterian",
    "mormon",   "coptic",     "democrat",   "democrats",  "republican",  "republicans",
    "socialist", "communist"};
// English function words (folded) that acronyms spell: SurfaceValue::function_word_acronym.
// (Not "who": "WHO WARNS OF ..." is the organisation as often as "MAN WHO ..." the word.)
inline constexpr std::array<std::string_view, 39> kFunctionWords = {
    "a",   "an",  "and", "are", "as",  "at",  "be",  "but", "by",  "can", "do",  "for", "he",
    "her", "his", "how", "if",  "in",  "is",  "it",  "its", "may", "me",  "my",  "no",  "not",
    "now", "of",  "on",  "or",  "our", "she", "so",  "the", "to",  "up",  "was", "we",  "you"};
// The gazetteer types of a LOCATION that is a town or city (EntityRecord::type).
inline constexpr std::array<std::string_view, 7> kTownTypes = {
    "city", "town", "capital", "capital_city", "municipality", "metropolitan_city", "borough"};
// Lowercase prepositions (folded) after which a town's name is a place: "in
// Galway", "near Ramla", "from Bridgeton".
inline constexpr std::array<std::string_view, 12> kPlacePrepositions = {
    "in", "near", "at", "from", "outside", "towards", "toward", "via", "around", "across",
    "into", "through"};
// Honorifics (folded, without their period): the name after one is a person's.
inline constexpr std::array<std::string_view, 14> kHonorifics = {
    "mr", "mrs", "ms", "mx", "dr", "mme", "mlle", "madame", "monsieur", "messrs",
    "lord", "lady", "sir", "dame"};
void add_recognizer_words(Lexicons& lexicons);

// Recognizers (recognizers.cpp): append candidates.
void gazetteer_candidates(const Knowledge& k, const DocView& doc, std::vector<Candidate>& out);
void rule_candidates(const Knowledge& k, const DocView& doc, std::vector<Candidate>& out);
void person_candidates(const Knowledge& k, const DocView& doc, std::vector<Candidate>& out);
// A known person's surname alone ("Kessler met ..."): Knowledge::known_surnames.
void known_surname_candidates(const Knowledge& k, const DocView& doc, std::vector<Candidate>& out);
void org_candidates(const Knowledge& k, const DocView& doc, std::vector<Candidate>& out);
void location_candidates(const Knowledge& k, const DocView& doc, std::vector<Candidate>& out);
// Weak guesses: rare capitalised word runs as people, bare acronyms as
// organizations; any other candidate of the same span wins.
void guess_candidates(const Knowledge& k, const DocView& doc, std::vector<Candidate>& out);
// "Pheu Thai won" after "the ruling Pheu Thai party": for each name of two or more words
// that its context named (Candidate::named_by_context; the document's first 16), the
// same capitalised words elsewhere, no part of a longer run of capitalised words in
// their sentence, are a candidate of its label, at the gazetteer's priority.
void context_name_repeats(const DocView& doc, std::vector<Candidate>& out);

// The buffers of resolve(), cleared and refilled by each call: a caller that
// resolves many documents keeps one, so that their capacity is reused.
struct ResolveBuffers {
  struct Rank {  // a candidate's rank (see resolve()) and index
    unsigned __int128 key;
    uint32_t index;
  };
  struct KeptSpan {  // the tokens of a kept candidate
    uint32_t first_token = 0;
    uint32_t end_token = 0;
    bool yields_to_surname = false;  // Candidate::yields_to_surname
  };
  struct NameWord {  // a full name's folded last (or first, or head) word
    std::string_view word;
    uint32_t full;           // the first full name with it, an index of the kept entities
    bool ambiguous = false;  // a later full name with it has another id
  };
  std::vector<Rank> order;            // rank_candidates' 128-bit keys
  std::vector<uint64_t> packed_order;  // its 64-bit keys
  std::vector<uint32_t> ranked;        // its result
  std::vector<int32_t> owners;  // per token
  std::vector<uint32_t> kept_starts;
  std::vector<KeptSpan> chosen;
  std::vector<NameWord> surnames, given_names, org_heads, companies, word_companies, org_words;
  struct Keyed {  // a kept entity's index, with a key to sort by
    uint64_t key;
    uint32_t index;
  };
  std::vector<Keyed> full_names;  // kept people of two words or more
};

// The indices of `candidates` in the order resolve() considers them (guesses
// last; the longest first, then priority, then the later layer, then leftmost,
// then in order), into buffers.ranked. Returns whether it sorted 64-bit keys,
// which it does when the candidates fit them (see resolver.cpp), rather than
// 128-bit ones; both give the same order. allow_packed = false (tests): always
// the 128-bit keys.
bool rank_candidates(const std::vector<Candidate>& candidates, ResolveBuffers& buffers,
                     bool allow_packed = true);

// Resolver (resolver.cpp): picks non-overlapping candidates (longest first,
// then priority, then leftmost), then adds acronyms defined in the text and
// later short mentions of people; returns entities sorted by start. A kept
// candidate may take fields of a weaker one of its span (in `candidates`).
std::vector<Entity> resolve(const Knowledge& k, const DocView& doc,
                            std::vector<Candidate>& candidates, ResolveBuffers& buffers);

}  // namespace liptako::internal
