#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <random>
#include <thread>
#include <tuple>

#include "liptako/errors.h"
#include "liptako/extractor.h"
#include "liptako/output.h"
#include "liptako/resources.h"
#include "knowledge.h"
#include "random_text.h"

using namespace liptako;
using nlohmann::json;

namespace {

// A small, self-contained configuration (no bundled resources).
json small_config() {
  return json::parse(R"({
    "entities": [
      {"name": "Mali", "label": "COUNTRY", "id": "country/MLI", "demonyms": ["Malian"]},
      {"name": "Niger", "label": "COUNTRY", "id": "country/NER"},
      {"name": "Chad", "label": "COUNTRY", "id": "country/TCD", "ambiguous": true},
      {"name": "Burkina Faso", "label": "COUNTRY", "id": "country/BFA"},
      {"name": "African Union", "label": "ORG", "acronyms": ["AU"]}
    ],
    "lexicons": {
      "first_names": ["Assimi", "Abdoulaye", "Chad", "Ibrahim"],
      "person_titles": ["President", "Colonel", "Foreign Minister", "junta leader", "Mr."],
      "org_heads": ["Union", "Alliance", "Community", "Agency"],
      "location_heads": ["River"],
      "nonname_capitalized": ["The", "On", "He"]
    }
  })");
}

std::shared_ptr<const Extractor> build(const json& config) {
  ExtractorBuilder b;
  b.add_config(config, "<test>", ".");
  return std::move(b).build();
}

// "label:text:id" per entity.
std::vector<std::string> entities(const Extractor& x, const std::string& text) {
  std::vector<std::string> out;
  for (const auto& e : x.extract(text).entities)
    out.push_back(e.label + ":" + text.substr(e.start, e.end - e.start) + ":" + e.id);
  return out;
}

std::string config_error(const json& config) {
  try {
    build(config);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "(no error)";
}

bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// The texts of the entities labelled `label`, in order.
std::vector<std::string> texts_labelled(const Extractor& x, const std::string& label,
                                        const std::string& text) {
  std::vector<std::string> out;
  for (const auto& e : x.extract(text).entities)
    if (e.label == label) out.push_back(text.substr(e.start, e.end - e.start));
  return out;
}

// "text:id" of the entities labelled `label`, in order.
std::vector<std::string> ids_labelled(const Extractor& x, const std::string& label,
                                      const std::string& text) {
  std::vector<std::string> out;
  for (const auto& e : x.extract(text).entities)
    if (e.label == label) out.push_back(text.substr(e.start, e.end - e.start) + ":" + e.id);
  return out;
}

}  // namespace

TEST(Extractor, PeopleFromTitlesFirstNamesAndLaterMentions) {
  auto x = build(small_config());
  auto got = entities(*x,
                      "Mali’s junta leader, Assimi Goïta, met Foreign Minister Abdoulaye Diop. "
                      "Later Goita said Diop agreed.");
  EXPECT_TRUE(has(got, "COUNTRY:Mali:country/MLI"));
  EXPECT_TRUE(has(got, "PERSON:Assimi Goïta:person/assimi-goita"));
  EXPECT_TRUE(has(got, "PERSON:Abdoulaye Diop:person/abdoulaye-diop"));
  EXPECT_TRUE(has(got, "PERSON:Goita:person/assimi-goita"));
  EXPECT_TRUE(has(got, "PERSON:Diop:person/abdoulaye-diop"));
}

// Entities the gazetteer does not name get default_entity_id(label, name), for
// ASCII names (slugify's ASCII path) and others alike.
TEST(Extractor, DefaultIdsAreTheLabelAndTheSlugOfTheName) {
  auto x = build(small_config());
  const std::string text =
      "President Assimi O'Neill-Traore met Colonel Ibrahim  D'Souza_Jr and Mr. Abdoulaye "
      "Goïta-Ndiaye. The Sahel Water Agency (SWA) and the Alliance for Niger's Future "
      "(ANF) met Colonel Ibrahim 2nd. Later O'Neill-Traore spoke.";
  auto doc = x->extract(text);
  size_t checked = 0;
  for (const auto& e : doc.entities) {
    if (e.source == "gazetteer") continue;
    EXPECT_EQ(e.id, default_entity_id(e.label, e.name)) << e.name;
    ++checked;
  }
  EXPECT_GE(checked, 5u);
}

// default_entity_id(): the folded label, '/', the slug of the name (its word
// characters' runs, folded, one dash between two runs).
TEST(Resources, DefaultEntityIdIsTheFoldedLabelAndTheSlug) {
  EXPECT_EQ(default_entity_id("PERSON", "  O'Neill-Traore_Jr -- 2nd! "),
            "person/o-neill-traore-jr-2nd");
  EXPECT_EQ(default_entity_id("ORG", "--"), "org/");
  EXPECT_EQ(default_entity_id("Org", "Assimi Go\xc3\xafta"), "org/assimi-goita");
  // An ASCII label and name are written into a buffer of their own; with a
  // non-ASCII word after the name, or a name too long for the buffer, the general
  // path runs on the same bytes: they must agree.
  test_util::RandomText random_text(
      {"Mali", "ECOWAS", "a", "Z", "2023", "x9", " ", "  ", "'", "-", "_", "!", ".", ",",
       "\t", "@", "`", "[", "{", "~", std::string(1, '\x7f'), std::string(1, '\0')},
      11);
  for (int round = 0; round < 2000; ++round) {
    const std::string name = random_text.next(10);
    for (const char* label : {"PERSON", "Org", "x_Y-2"}) {
      const std::string ascii = default_entity_id(label, name);
      const size_t slug = ascii.size() - ascii.find('/') - 1;
      EXPECT_EQ(default_entity_id(label, name + " \xc3\xa9"), ascii + (slug == 0 ? "e" : "-e"))
          << name;
      EXPECT_EQ(default_entity_id(label, name + std::string(300, '.')), ascii) << name;
    }
  }
}

// resolve()'s rank, a packed integer key: the longer candidate wins; at equal
// length the later configuration (layer) wins; at equal rank the first entry.
TEST(Extractor, RankLongestThenLaterLayerThenFirstEntry) {
  ExtractorBuilder b;
  b.add_config(json::parse(R"({"entities": [
      {"name": "Sahel Pact", "label": "ORG", "id": "org/first"},
      {"name": "Sahel Pact", "label": "ORG", "id": "org/second"},
      {"name": "Sahel", "label": "LOCATION", "id": "location/sahel"},
      {"name": "Lake Chad", "label": "LOCATION", "id": "location/one"},
      {"name": "Lake Chad", "label": "LOCATION", "id": "location/two"}]})"),
               "<one>", ".");
  b.add_config(json::parse(R"({"entities": [
      {"name": "Sahel Pact", "label": "ORG", "id": "org/later"}]})"),
               "<two>", ".");
  auto x = std::move(b).build();
  auto doc = x->extract("The Sahel Pact met near Lake Chad.");
  ASSERT_EQ(doc.entities.size(), 2u);
  EXPECT_EQ(doc.entities[0].id, "org/later");
  EXPECT_EQ(doc.entities[1].id, "location/one");
}

// rank_candidates() sorts 64-bit keys when spans, layers and the count fit them:
// the order must be that of the 128-bit keys (the longest first, then priority,
// then the later layer, then the first token, then the index). Random sets with
// equal spans, all priorities and layers near each other; then sets that do not
// fit (a long span, far layers, more than 65,536 candidates), which must take the
// 128-bit keys.
TEST(Resolver, PackedRankKeysGiveTheWideKeysOrder) {
  using internal::Candidate;
  std::mt19937 rng(20261205);
  auto below = [&rng](uint32_t n) { return static_cast<uint32_t>(rng() % n); };
  auto random_set = [&](size_t size, uint32_t max_length, int layer_base, uint32_t layers) {
    std::vector<Candidate> cs(size);
    for (Candidate& c : cs) {
      c.first_token = below(40);
      c.end_token = c.first_token + below(max_length + 1);  // some empty
      c.priority = static_cast<int>(below(8));
      c.layer = layer_base + static_cast<int>(below(layers));
    }
    return cs;
  };
  auto ranked = [](const std::vector<Candidate>& cs, bool allow_packed, bool* packed) {
    internal::ResolveBuffers buffers;
    *packed = internal::rank_candidates(cs, buffers, allow_packed);
    return buffers.ranked;
  };
  bool packed = false, wide = false;
  for (int round = 0; round < 3000; ++round) {
    const auto cs = random_set(1 + below(80), 1 + below(12), static_cast<int>(below(5)) - 2,
                               1 + below(16));
    // Layers [b, b + 16) fit from the first candidate's - 8 to its + 7: shift so.
    std::vector<Candidate> fitting = cs;
    for (Candidate& c : fitting) c.layer = std::max(c.layer, fitting[0].layer - 8);
    for (Candidate& c : fitting) c.layer = std::min(c.layer, fitting[0].layer + 7);
    const auto expected = ranked(fitting, false, &wide);
    ASSERT_FALSE(wide);
    ASSERT_EQ(ranked(fitting, true, &packed), expected) << "round " << round;
    ASSERT_TRUE(packed);
    // Spread: the layers of `cs` may lie outside the window.
    ASSERT_EQ(ranked(cs, true, &packed), ranked(cs, false, &wide)) << "round " << round;
  }
  // Too long, too far apart, too many: the 128-bit keys, the same order.
  auto long_span = random_set(50, 6, 1, 2);
  long_span[7].end_token = long_span[7].first_token + 256;
  auto far_layers = random_set(50, 6, 1, 2);
  far_layers[9].layer = far_layers[0].layer + 8;
  auto below_layers = random_set(50, 6, 1, 2);
  below_layers[3].layer = below_layers[0].layer - 9;
  auto extreme_layers = random_set(50, 6, 1, 2);
  extreme_layers[0].layer = INT32_MIN;
  extreme_layers[1].layer = INT32_MAX;
  auto many = random_set(0x10001, 6, 1, 2);
  for (const auto* cs : {&long_span, &far_layers, &below_layers, &extreme_layers, &many}) {
    const auto expected = ranked(*cs, false, &wide);
    EXPECT_EQ(ranked(*cs, true, &packed), expected);
    EXPECT_FALSE(packed);
  }
  // At the edges of the window: packed.
  auto edges = random_set(50, 6, 1, 2);
  edges[5].layer = edges[0].layer - 8;
  edges[6].layer = edges[0].layer + 7;
  edges[7].end_token = edges[7].first_token + 255;
  const auto expected = ranked(edges, false, &wide);
  EXPECT_EQ(ranked(edges, true, &packed), expected);
  EXPECT_TRUE(packed);
}

// The recognizers read a token's membership of their word lists (name particles,
// acronyms of no organisation) from its lexicon flags, looked up by its fold as
// Extractor::extract does: the flags must say what a search of the lists says,
// for the words, their case variants, prefixes and extensions, words of other
// lexicons and random mixes of them.
TEST(Recognizers, ListFlagsAreListMembership) {
  using internal::Lexicons;
  Lexicons lex;
  lex.add("al", internal::kFirstName);  // words in other lexicons too
  lex.add("de", internal::kCommonWord);
  lex.add("ceo", internal::kCommonWord);
  lex.add("bint", internal::kOrgHead);
  lex.add("ali", internal::kFirstName);
  internal::add_recognizer_words(lex);
  lex.index_gazetteers(Gazetteer());
  std::vector<std::string> pieces = {" ", ", ", "-", ". ", "\n", "é", "Ü", "’", "x", "7"};
  for (auto list : {std::vector<std::string_view>(internal::kNameParticles.begin(),
                                                  internal::kNameParticles.end()),
                    std::vector<std::string_view>(internal::kNotOrgAcronyms.begin(),
                                                  internal::kNotOrgAcronyms.end())})
    for (std::string_view w : list) {
      std::string word(w), upper = word, capital = word;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      capital[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(capital[0])));
      for (const std::string& v : {word, upper, capital, word.substr(0, word.size() - 1),
                                   word + "s", word + "é", "a" + word, word + word})
        pieces.push_back(v + " ");
    }
  auto in = [](auto list, std::string_view w) {
    return std::find(list.begin(), list.end(), w) != list.end();
  };
  test_util::RandomText random(pieces, 77);
  size_t particles = 0, acronyms = 0;
  for (int round = 0; round < 3000; ++round) {
    const std::string text = random.next(30);
    const TokenizedText tt = tokenize(text);
    const FoldedTokens folded(text, tt.tokens);
    for (size_t i = 0; i < tt.tokens.size(); ++i) {
      const uint32_t id = lex.find(folded[i]);
      const uint8_t flags = id == StringIndex::kNotFound ? 0 : lex.facts[id].flags;
      const bool particle = in(internal::kNameParticles, folded[i]);
      const bool acronym = in(internal::kNotOrgAcronyms, folded[i]);
      ASSERT_EQ((flags & internal::kNameParticle) != 0, particle) << folded[i];
      ASSERT_EQ((flags & internal::kNotOrgAcronym) != 0, acronym) << folded[i];
      particles += particle;
      acronyms += acronym;
    }
  }
  EXPECT_GT(particles, 1000u);
  EXPECT_GT(acronyms, 1000u);
  // And in use (the bundled lexicons): particles inside names, acronyms that
  // stay no organisation.
  std::string dir = LIPTAKO_DATA_DIR;
  json bundled = read_json_file(dir + "/config.json");
  ExtractorBuilder b;
  b.add_config(json{{"lexicons", bundled["lexicons"]}, {"options", {{"stages", {"entities"}}}}},
               "<test>", dir);
  auto x = std::move(b).build();
  const std::string text =
      "Ibrahim ag Alghabass met Abdoulaye al Diop. The CEO, the 6PR and TV spoke.";
  std::vector<std::string> out;
  for (const auto& e : x->extract(text).entities)
    out.push_back(e.label + ":" + text.substr(e.start, e.end - e.start));
  EXPECT_EQ(out, (std::vector<std::string>{"PERSON:Ibrahim ag Alghabass",
                                           "PERSON:Abdoulaye al Diop", "ORG:6PR"}));
}

// A surname alone refers to the document's full name with that last word, the
// first one; when full names with it have different ids, to one of those people,
// under the surname's own id.
TEST(Extractor, SurnameAloneIsTheFullNameOrASharedSurname) {
  auto x = build(small_config());
  const std::string text =
      "Assimi Goita met Abdoulaye Diop and Ibrahim Diop. Later Goita, Mr. Goita and Diop met "
      "Assimi Goita.";
  std::vector<std::string> out;
  for (const auto& e : x->extract(text).entities)
    out.push_back(text.substr(e.start, e.end - e.start) + ":" + e.id + ":" + e.mention + ":" +
                  e.source);
  using V = std::vector<std::string>;
  EXPECT_EQ(out, (V{"Assimi Goita:person/assimi-goita:name:person",
                    "Abdoulaye Diop:person/abdoulaye-diop:name:person",
                    "Ibrahim Diop:person/ibrahim-diop:name:person",
                    "Goita:person/assimi-goita:partial:coref",
                    "Goita:person/assimi-goita:partial:person",
                    "Diop:person/diop:partial:coref",
                    "Assimi Goita:person/assimi-goita:name:person"}));
}

// A sentence's first word opens an organisation's name ("Security Harlan Corp."),
// unless it reads as a verb or an adverb ("Replied Sahel Agency officials").
TEST(Extractor, SentenceFirstWordOfAnOrganisationName) {
  json config = small_config();
  config["lexicons"]["common_words"] = {"security", "replied", "reply",  "recently",
                                         "recent",   "united",  "rally"};
  config["lexicons"]["org_heads"] = {"Agency", "Corp"};
  auto x = build(config);
  using V = std::vector<std::string>;
  EXPECT_EQ(entities(*x, "Security Harlan Corp. rose.\nReplied Sahel Agency officials: no."),
            (V{"ORG:Security Harlan Corp:org/security-harlan-corp",
               "ORG:Sahel Agency:org/sahel-agency"}));
  EXPECT_EQ(entities(*x, "Recently Sahel Agency grew. Rally Voss Corp fell."),
            (V{"ORG:Sahel Agency:org/sahel-agency", "ORG:Rally Voss Corp:org/rally-voss-corp"}));
}

// A company's name before its legal form may hold a possessive ("Harlan's Market
// Corp"), unless a place or a country owns the rest ("Mali's Market Corp") or the
// rest is a name of its own ("Gao's Voss Corp").
TEST(Extractor, PossessiveInsideACompanyName) {
  json config = small_config();
  config["lexicons"]["org_heads"] = {"Agency", "Corp", "Market"};
  config["lexicons"]["common_words"] = {"market"};
  auto x = build(config);
  using V = std::vector<std::string>;
  EXPECT_EQ(entities(*x, "then Harlan's Market Corp rose; Mali's Market Corp and Kidal's Voss "
                         "Agency fell; Gao's Voss Corp held."),
            (V{"ORG:Harlan's Market Corp:org/harlan-s-market-corp", "COUNTRY:Mali:country/MLI",
               "ORG:Market Corp:org/market-corp", "ORG:Voss Agency:org/voss-agency",
               "ORG:Voss Corp:org/voss-corp"}));
}

// A possessive after a plural that takes "'s" belongs to the name ("the People's Action
// Union", "Women's Kessa Alliance"); a place's or a person's does not.
TEST(Extractor, PossessiveOfAPluralInsideAName) {
  json config = small_config();
  config["lexicons"]["common_words"] = {"people", "women", "action", "voss"};
  auto x = build(config);
  using V = std::vector<std::string>;
  EXPECT_EQ(entities(*x, "Voters backed the People's Action Union and the Women's Kessa "
                         "Alliance; Mali's Action Union and Colonel Voss's Kessa Alliance lost."),
            (V{"ORG:People's Action Union:org/people-s-action-union",
               "ORG:Women's Kessa Alliance:org/women-s-kessa-alliance", "COUNTRY:Mali:country/MLI",
               "ORG:Action Union:org/action-union", "PERSON:Voss:person/voss",
               "ORG:Kessa Alliance:org/kessa-alliance"}));
}

// A hyphen opens no organisation's name, nor a word joined by one to a lowercase word
// ("then-Union leader": no "-Union"; "the anti-Voss Kessa Union": "Kessa Union").
TEST(Extractor, HyphenOpensNoOrganisationName) {
  auto x = build(small_config());
  using V = std::vector<std::string>;
  EXPECT_EQ(texts_labelled(*x, "ORG", "It came after then-Union leader Voss spoke."), V{});
  EXPECT_EQ(texts_labelled(*x, "ORG", "It came after the Kessa-Varno Union spoke."),
            V{"Kessa-Varno Union"});
  EXPECT_EQ(texts_labelled(*x, "ORG", "The anti-Voss Kessa Union spoke."), V{"Kessa Union"});
}

// An ampersand joins the capitalised words of one organisation's name, before its
// head ("Harlan & Voss Company") and after it ("Kidal Savings & Loan"); "and" does
// not ("Mali and Niger Company").
TEST(Extractor, AmpersandInsideAnOrganisationName) {
  json config = small_config();
  config["lexicons"]["org_heads"] = {"Savings", "Association", "Company", "College"};
  auto x = build(config);
  using V = std::vector<std::string>;
  EXPECT_EQ(entities(*x, "then Harlan & Voss Company said so."),
            (V{"ORG:Harlan & Voss Company:org/harlan-voss-company"}));
  EXPECT_EQ(entities(*x, "then Kidal Savings & Loan Association and Kidal Savings & Loan fell."),
            (V{"ORG:Kidal Savings & Loan Association:org/kidal-savings-loan-association",
               "ORG:Kidal Savings & Loan:org/kidal-savings-loan"}));
  EXPECT_EQ(entities(*x, "then Gao Community & Technical College opened."),
            (V{"ORG:Gao Community & Technical College:org/gao-community-technical-college"}));
  EXPECT_EQ(entities(*x, "then Mali and Niger Company signed; Harlan Company & Voss left."),
            (V{"COUNTRY:Mali:country/MLI", "ORG:Niger Company:org/niger-company",
               "ORG:Harlan Company & Voss:org/harlan-company-voss"}));
  // Two names: a head before the ampersand, or more than two words after it
  EXPECT_EQ(entities(*x, "then Gao Savings & Kidal Voss Company and Gao Savings & Kidal Harlan "
                         "Voss Tiz agreed."),
            (V{"ORG:Gao Savings:org/gao-savings", "ORG:Kidal Voss Company:org/kidal-voss-company",
               "ORG:Gao Savings:org/gao-savings"}));
}

// A name that ends in a company's legal form is the company's ("Adolph Coors
// Co."), and its first word alone, not beside another name word, refers to it
// ("Coors said") rather than to a person with that given name.
TEST(Extractor, NameWithALegalFormIsACompanyItsFirstWordToo) {
  auto x = build(small_config());
  using V = std::vector<std::string>;
  EXPECT_EQ(entities(*x, "Abdoulaye Traore Co. said sales rose. Abdoulaye said profit fell, "
                         "Abdoulaye Diop said."),
            (V{"ORG:Abdoulaye Traore Co.:org/abdoulaye-traore-co",
               "ORG:Abdoulaye:org/abdoulaye-traore-co",
               "PERSON:Abdoulaye Diop:person/abdoulaye-diop"}));
  // "Cos.", the plural ("Companies") of the news' company names
  EXPECT_EQ(entities(*x, "Ibrahim Keita Cos., of Niger, rose."),
            (V{"ORG:Ibrahim Keita Cos.:org/ibrahim-keita-cos", "COUNTRY:Niger:country/NER"}));
  EXPECT_EQ(entities(*x, "Abdoulaye Traore said sales rose. Abdoulaye left."),
            (V{"PERSON:Abdoulaye Traore:person/abdoulaye-traore",
               "PERSON:Abdoulaye:person/abdoulaye-traore"}));
}

// Of two companies that open with the same word, the one named by that word and its
// legal form alone ("Ibrahim S.A.", the parent) is the one the word alone names, not
// "Ibrahim Voss Ltd" (a subsidiary); two longer names leave the word to neither.
TEST(Extractor, CompanyNamedByItsWordAndLegalFormOwnsTheWord) {
  json config = small_config();
  config["lexicons"]["org_heads"] = {"S.A.", "Ltd"};
  auto x = build(config);
  auto orgs = [&](const std::string& text) { return ids_labelled(*x, "ORG", text); };
  using V = std::vector<std::string>;
  EXPECT_EQ(orgs("then Ibrahim S.A. bought Ibrahim Voss Ltd; later Ibrahim rose."),
            (V{"Ibrahim S.A.:org/ibrahim-s-a", "Ibrahim Voss Ltd:org/ibrahim-voss-ltd",
               "Ibrahim:org/ibrahim-s-a"}));
  EXPECT_EQ(orgs("then Ibrahim Kidal Ltd bought Ibrahim Voss Ltd; later Ibrahim rose."),
            (V{"Ibrahim Kidal Ltd:org/ibrahim-kidal-ltd", "Ibrahim Voss Ltd:org/ibrahim-voss-ltd"}));
}

// A surname right after another capitalised word of its sentence (not a title's,
// not the sentence's first) belongs to another name: "Stanley" of the Stanley
// Cup, after "Stanley Cup" found as a person elsewhere.
TEST(Extractor, SurnameAfterANameWordIsNoPartialMention) {
  auto x = build(small_config());
  const std::string text =
      "Assimi Goita spoke. He visited the Kati Goita market. Colonel Goita left. Later Goita "
      "said.";
  std::vector<std::string> out;
  for (const auto& e : x->extract(text).entities)
    if (e.label == "PERSON") out.push_back(text.substr(e.start, e.end - e.start) + "@" +
                                           std::to_string(e.start) + ":" + e.mention);
  using V = std::vector<std::string>;
  EXPECT_EQ(out, (V{"Assimi Goita@0:name", "Goita@62:partial", "Goita@80:partial"}));
}

// A given name alone refers to the document's full name with that first word,
// unless two full names share it, it is a common word (and no first name), or a
// capitalised word follows it (another name).
TEST(Extractor, GivenNameAloneIsTheFullName) {
  json config = small_config();
  config["lexicons"]["first_names"].push_back("Kadiatou");
  config["lexicons"]["common_words"] = {"then", "later", "abdoulaye"};
  auto x = build(config);
  auto people = [&](const std::string& text) { return ids_labelled(*x, "PERSON", text); };
  using V = std::vector<std::string>;
  EXPECT_EQ(people("Kadiatou Keita arrived. Later Kadiatou spoke on the Kadiatou Keita show."),
            (V{"Kadiatou Keita:person/kadiatou-keita", "Kadiatou:person/kadiatou-keita"}));
  // two full names with it: no one
  EXPECT_EQ(people("Ibrahim Keita and Ibrahim Diallo met. Then Ibrahim left."),
            (V{"Ibrahim Keita:person/ibrahim-keita", "Ibrahim Diallo:person/ibrahim-diallo"}));
  // a first name that is a common word counts; a common word that is no first name does not
  EXPECT_EQ(people("Abdoulaye Diop met Assimi Goita. Abdoulaye left. Then Assimi left."),
            (V{"Abdoulaye Diop:person/abdoulaye-diop", "Assimi Goita:person/assimi-goita",
               "Abdoulaye:person/abdoulaye-diop", "Assimi:person/assimi-goita"}));
}

// "the Alliance" after "the Alliance of Sahel States": an organisation's head word
// after "the" refers to the document's one organisation named with it.
TEST(Extractor, TheHeadWordIsTheOrganization) {
  auto x = build(small_config());
  auto orgs = [&](const std::string& text) { return ids_labelled(*x, "ORG", text); };
  using V = std::vector<std::string>;
  const std::string aes = "org/alliance-of-sahel-states";
  EXPECT_EQ(orgs("Mali joined the Alliance of Sahel States. The Alliance met; the Alliance grew."),
            (V{"Alliance of Sahel States:" + aes, "Alliance:" + aes, "Alliance:" + aes}));
  // two organisations with the word, or none: no one
  EXPECT_EQ(orgs("The Agency for Roads and the Agency for Water met. The Agency left."),
            (V{"Agency for Roads:org/agency-for-roads", "Agency for Water:org/agency-for-water"}));
  EXPECT_EQ(orgs("Mali joined. The Alliance met."), V{});
  // a longer name, or no "the" before it
  EXPECT_EQ(orgs("Mali joined the Alliance of Sahel States. The Alliance Cup and Alliance met."),
            (V{"Alliance of Sahel States:" + aes}));
}

// A trade or role written with a capital before a name ("Engineer", "Farmer")
// does not hide the name; another name word does ("Kati Ibrahim Keita" is one
// name the person recognizer does not start inside).
TEST(Extractor, AgentNounBeforeAFirstName) {
  json config = small_config();
  config["lexicons"]["common_words"] = {"engineer", "farmer", "east"};
  auto x = build(config);
  using V = std::vector<std::string>;
  EXPECT_EQ(texts_labelled(*x, "PERSON", "He said Engineer Ibrahim Keita left."),
            (V{"Ibrahim Keita"}));
  EXPECT_EQ(texts_labelled(*x, "PERSON", "He said Farmer Assimi Diallo left."),
            (V{"Assimi Diallo"}));
  EXPECT_EQ(texts_labelled(*x, "PERSON", "He walked down East Ibrahim Road."), V{});
}

// A shorter full name whose words all stand, in order, in a longer one with the
// same first and last word names the same person; then the surname alone does too.
// Two longer names that differ ("Ali", "Musa") leave every name its own.
TEST(Extractor, ShorterFullNameIsTheLongerOnesPerson) {
  auto x = build(small_config());
  auto people = [&](const std::string& text) {
    std::vector<std::string> out;
    for (const auto& e : x->extract(text).entities)
      if (e.label == "PERSON")
        out.push_back(text.substr(e.start, e.end - e.start) + ":" + e.id + ":" + e.mention);
    return out;
  };
  using V = std::vector<std::string>;
  const std::string kone = "person/abdoulaye-kone-diop";
  EXPECT_EQ(people("Abdoulaye Diop spoke. Abdoulaye Kone Diop left. Diop returned."),
            (V{"Abdoulaye Diop:" + kone + ":partial", "Abdoulaye Kone Diop:" + kone + ":name",
               "Diop:" + kone + ":partial"}));
  EXPECT_EQ(people("Ibrahim Ali Keita met Ibrahim Musa Keita and Ibrahim Keita."),
            (V{"Ibrahim Ali Keita:person/ibrahim-ali-keita:name",
               "Ibrahim Musa Keita:person/ibrahim-musa-keita:name",
               "Ibrahim Keita:person/ibrahim-keita:name"}));
}

// An alias that opens with a lowercase "the" ("the United States", "the States")
// is found with its article, which names nothing: the mention starts after it. A
// name that starts with "The" keeps it.
TEST(Extractor, LeadingArticleOfAnAliasIsNotPartOfTheMention) {
  json config = small_config();
  config["entities"].push_back(
      {{"name", "United States"}, {"label", "COUNTRY"}, {"id", "country/USA"},
       {"aliases", {"the United States", "the States"}}});
  config["entities"].push_back({{"name", "The Hague"}, {"label", "LOCATION"}});
  config["entities"].push_back(
      {{"name", "Sahel"}, {"label", "LOCATION"}, {"aliases", {"the Sahel"}}});
  auto x = build(config);
  using V = std::vector<std::string>;
  EXPECT_EQ(entities(*x, "The United States and the States met in The Hague, the Sahel."),
            (V{"COUNTRY:United States:country/USA", "COUNTRY:States:country/USA",
               "LOCATION:The Hague:location/the-hague", "LOCATION:Sahel:location/sahel"}));
  // the article still tells the alias apart: "States" alone names no one
  EXPECT_EQ(entities(*x, "States grew."), V{});
}

// A middle initial makes a name plain after any capitalised word; a generation
// ("III", "Jr.") ends a name, and the surname before it names the person alone.
// A country's name ends none.
TEST(Extractor, FullNamesInitialsGenerationsAndCountries) {
  auto x = build(small_config());
  auto people = [&](const std::string& text) { return ids_labelled(*x, "PERSON", text); };
  using V = std::vector<std::string>;
  // a country's name is no surname, unless it is a first name too ("Chad")
  EXPECT_EQ(people("Ibrahim Niger spoke."), V{});
  EXPECT_EQ(people("pro-Ibrahim Malian exiles spoke."), V{});  // nor a demonym
  EXPECT_EQ(people("Ibrahim Chad spoke."), (V{"Ibrahim Chad:person/ibrahim-chad"}));
  EXPECT_EQ(people("The Tower Man Ibrahim K. Keita erred."),
            (V{"Ibrahim K. Keita:person/ibrahim-k-keita"}));
  EXPECT_EQ(people("Ibrahim Keita Jr. spoke. Abdoulaye Diop III left. Later Keita and Diop met."),
            (V{"Ibrahim Keita Jr.:person/ibrahim-keita-jr", "Abdoulaye Diop III:person/abdoulaye-diop-iii",
               "Keita:person/ibrahim-keita-jr", "Diop:person/abdoulaye-diop-iii"}));
}

// A creed's adjective after a given name makes no person's name ("Roman Catholic").
TEST(Extractor, CreedWordIsNoSurname) {
  auto x = build(small_config());
  auto people = [&](const std::string& text) { return texts_labelled(*x, "PERSON", text); };
  using V = std::vector<std::string>;
  EXPECT_EQ(people("He is a devout Ibrahim Catholic, and Assimi Sunni met Abdoulaye Diop. "
                   "President Ibrahim Catholic schools grew."),
            (V{"Abdoulaye Diop"}));
}

TEST(Extractor, TitleIsKept) {
  auto x = build(small_config());
  auto doc = x->extract("Colonel Assimi Goita spoke.");
  ASSERT_EQ(doc.entities.size(), 1u);
  EXPECT_EQ(doc.entities[0].title, "Colonel");
  EXPECT_EQ(doc.entities[0].source, "person");
  // before another title the name is that title's: no "Colonel Assimi Goita"
  const std::string text = "Mali's junta leader Colonel Assimi Goita spoke.";
  doc = x->extract(text);
  ASSERT_EQ(doc.entities.size(), 2u);
  EXPECT_EQ(text.substr(doc.entities[1].start, doc.entities[1].end - doc.entities[1].start),
            "Assimi Goita");
  EXPECT_EQ(doc.entities[1].title, "Colonel");
}

// In a headline set in title case a title's next word is often a verb or a noun
// ("Colonel Remembered", "President Wants Talks"): a name of common words only,
// none a given name, is no one's there. In running text it is ("Colonel Price").
TEST(Extractor, TitleBeforeCommonWordsInAHeadline) {
  json config = small_config();
  config["lexicons"]["common_words"] = {"remembered", "wants", "want", "talks", "talk",
                                         "price", "on", "vows", "vow", "sharply",
                                         "declined", "decline"};
  auto x = build(config);
  auto people = [&](const std::string& text) { return texts_labelled(*x, "PERSON", text); };
  using V = std::vector<std::string>;
  EXPECT_EQ(people("Colonel Remembered\nColonel Price spoke on Monday.\nPresident Wants Talks "
                   "on Mali\nThe Colonel Assimi Goita\n"),
            (V{"Price", "Assimi Goita"}));
  // A headline's verb or plural ends a name; in running text it is a name word.
  EXPECT_EQ(people("Abdoulaye Diop Vows to Return\nAbdoulaye Vows to Go\nColonel Keita Talks "
                   "Sharply\nIbrahim Keita Declined\n"),
            (V{"Abdoulaye Diop", "Keita", "Ibrahim Keita"}));
  EXPECT_EQ(people("They said Abdoulaye Vows spoke."), (V{"Abdoulaye Vows"}));
  // nor does a headline's verb continue a team's name after a place
  EXPECT_EQ(entities(*x, "Mali Vows Talks on Niger\n"),
            (V{"COUNTRY:Mali:country/MLI", "COUNTRY:Niger:country/NER"}));
}

TEST(Extractor, OrganizationsByHeadAndDefinedAcronyms) {
  auto x = build(small_config());
  auto got = entities(*x,
                      "The Economic Community of West African States (ECOWAS) and the Alliance "
                      "of Sahel States met. ECOWAS and the AU agreed.");
  EXPECT_TRUE(has(got, "ORG:Economic Community of West African States:"
                       "org/economic-community-of-west-african-states"));
  EXPECT_TRUE(has(got, "ORG:ECOWAS:org/economic-community-of-west-african-states"));
  EXPECT_TRUE(has(got, "ORG:Alliance of Sahel States:org/alliance-of-sahel-states"));
  EXPECT_TRUE(has(got, "ORG:AU:org/african-union"));
  EXPECT_EQ(std::count_if(got.begin(), got.end(),
                          [](const std::string& s) { return s.rfind("ORG:ECOWAS", 0) == 0; }),
            2);
}

// A company's legal form after the name the gazetteer knows is part of the
// mention, with its period: "Acme Corp." is Acme. Not before a hyphen.
TEST(Extractor, LegalFormAfterAKnownCompany) {
  json config = small_config();
  config["entities"].push_back({{"name", "Acme"}, {"label", "ORG"}});
  auto x = build(config);
  using V = std::vector<std::string>;
  EXPECT_EQ(ids_labelled(*x, "ORG", "Shares of Acme Corp. and Acme AG fell."),
            (V{"Acme Corp.:org/acme", "Acme AG:org/acme"}));
  EXPECT_EQ(ids_labelled(*x, "ORG", "Acme Co-founder Ibrahim Keita spoke."), (V{"Acme:org/acme"}));
}

// A unit's ordinal opens its name: "the 101st Airborne Division". A plain
// number does not ("2 Infantry Division": two of them), but a capitalised number
// word after "the" does ("the Three Brotherhood Alliance"), not opening a sentence.
TEST(Extractor, OrdinalOpensAnOrganizationName) {
  json config = small_config();
  config["lexicons"]["org_heads"] = {"Division", "Alliance"};
  config["lexicons"]["nonname_capitalized"] = {"Three"};
  auto x = build(config);
  using V = std::vector<std::string>;
  EXPECT_EQ(texts_labelled(*x, "ORG", "Troops of the 101st Airborne Division and the 3rd "
                                      "Division met the 93d Infantry Division."),
            (V{"101st Airborne Division", "3rd Division", "93d Infantry Division"}));
  EXPECT_EQ(texts_labelled(*x, "ORG", "Troops of 2 Infantry Division arrived."),
            (V{"Infantry Division"}));
  EXPECT_EQ(texts_labelled(*x, "ORG", "Rebels of the Three Kessa Alliance attacked."),
            (V{"Three Kessa Alliance"}));
  EXPECT_EQ(texts_labelled(*x, "ORG", "Three Kessa Alliance fighters died."),
            (V{"Kessa Alliance"}));
}

// A name the gazetteer gives a place and an organisation alike is the place
// before ", <region>"; elsewhere, and before a possessive region, the later
// layer's organisation wins as before.
TEST(Extractor, PlaceBeforeItsRegionOverAnOrganizationOfTheSameName) {
  json config = small_config();
  config["entities"].push_back({{"name", "Ohio"}, {"label", "LOCATION"}, {"type", "us_state"}});
  config["entities"].push_back({{"name", "Phoenix"}, {"label", "LOCATION"}, {"type", "city"}});
  config["entities"].push_back({{"name", "Bank of Mali"}, {"label", "ORG"}});
  ExtractorBuilder b;
  b.add_config(config, "<test>", ".");
  b.add_config(json{{"entities", {{{"name", "Phoenix"}, {"label", "ORG"}}}}}, "<layer 2>", ".");
  auto x = std::move(b).build();
  using V = std::vector<std::string>;
  EXPECT_EQ(entities(*x, "He lives in Phoenix, Ohio."),
            (V{"LOCATION:Phoenix:location/phoenix", "LOCATION:Ohio:location/ohio"}));
  EXPECT_EQ(entities(*x, "Phoenix rose."), (V{"ORG:Phoenix:org/phoenix"}));
  EXPECT_EQ(entities(*x, "Phoenix, Ohio's insurer, rose."),
            (V{"ORG:Phoenix:org/phoenix", "LOCATION:Ohio:location/ohio"}));
  EXPECT_EQ(entities(*x, "The Bank of Mali, Mali said."),
            (V{"ORG:Bank of Mali:org/bank-of-mali", "COUNTRY:Mali:country/MLI"}));
}

// A lowercase place noun and "of" before a name name a place: "the town of Sake".
TEST(Extractor, PlaceNounOfAName) {
  auto x = build(small_config());
  auto places = [&](const std::string& text) { return texts_labelled(*x, "LOCATION", text); };
  using V = std::vector<std::string>;
  EXPECT_EQ(places("Rebels seized the town of Sake and the village of Boulkessi Koro."),
            (V{"Sake", "Boulkessi Koro"}));
  EXPECT_EQ(places("They declared a state of emergency in the region of the north."), V{});
  EXPECT_EQ(places("The Town of Sake and the town hall of Sake."), V{});
  // a word joined by a hyphen belongs to the one before
  EXPECT_EQ(places("Drones struck the port of Ust-Varna and the town of Kfar-Dori Koro."),
            (V{"Ust-Varna", "Kfar-Dori Koro"}));
  // a place named like a person: a given name opens no person's name there
  EXPECT_EQ(places("Residents of the village of Ibrahim Kessa slept outside."), V{"Ibrahim Kessa"});
  EXPECT_EQ(texts_labelled(*x, "PERSON", "Residents of the village of Ibrahim Kessa slept outside."),
            V{});
}

// A name that the text describes as a place is one: "Tougana, a village in western
// Niger", "Bilje is a small municipality near Osijek". Not where the place noun
// opens another phrase ("a town councillor", "a village elder").
TEST(Extractor, NameDescribedAsAPlace) {
  auto x = build(small_config());
  auto places = [&](const std::string& text) { return texts_labelled(*x, "LOCATION", text); };
  using V = std::vector<std::string>;
  EXPECT_EQ(places("Gunmen hit Tougana, a village in western Niger, and Kidal Gao, a remote "
                   "desert town 30 km away."),
            (V{"Tougana", "Kidal Gao"}));
  EXPECT_EQ(places("Bilje is a small municipality near Osijek. Dori was a town, and Tera is "
                   "a region."),
            (V{"Bilje", "Dori", "Tera"}));
  EXPECT_EQ(places("They met Harlan Voss, a town councillor, and Dori, a village elder. Voss "
                   "is a city official."),
            V{});
}

// "<Town>, <country or region>" names a town the gazetteer does not know; not a
// common word or a first name alone, a list's item, a possessive's place, a name after
// a title, or a place before a city.
TEST(Extractor, TownBeforeItsCountryOrRegion) {
  json config = small_config();
  config["entities"].push_back({{"name", "Bamako"}, {"label", "LOCATION"}, {"type", "city"}});
  config["entities"].push_back({{"name", "Ohio"}, {"label", "LOCATION"}, {"type", "us_state"}});
  config["lexicons"]["common_words"] = {"monday", "green", "bowling"};
  auto x = build(config);
  auto places = [&](const std::string& text) { return texts_labelled(*x, "LOCATION", text); };
  using V = std::vector<std::string>;
  EXPECT_EQ(entities(*x, "Gunmen attacked Tessit, Mali, at dawn."),
            (V{"LOCATION:Tessit:location/tessit", "COUNTRY:Mali:country/MLI"}));
  EXPECT_EQ(places("He studied in Bowling Green, Ohio."), (V{"Bowling Green", "Ohio"}));
  EXPECT_EQ(places("He said on Monday, Mali would act."), V{});
  EXPECT_EQ(places("Talks with Abdoulaye, Mali failed."), V{});
  EXPECT_EQ(places("ECOWAS, Niger and Tessit, Mali met."), V{});
  EXPECT_EQ(places("They met Diarra, Mali's envoy."), V{});
  EXPECT_EQ(places("It was signed by junta leader Kessa Vorn, Mali said."), V{});
  EXPECT_EQ(places("Troops left Kati, Bamako."), V{"Bamako"});
  // a town named like a person is the town there ("Sandy Hook, Maryland")
  EXPECT_EQ(entities(*x, "They marched to Ibrahim Hook, Ohio, at dawn."),
            (V{"LOCATION:Ibrahim Hook:location/ibrahim-hook", "LOCATION:Ohio:location/ohio"}));
}

// After a place preposition, "<Town>, in [northern] <region>", "<Town>, near <region>",
// "<Town>, north of <region>" and "<Town>, in the [northern] state of <region>" name a
// town the gazetteer does not know too; without
// the preposition before it the name may be anyone's ("Diarra, in Mali, said").
TEST(Extractor, TownBeforeWhereItLies) {
  json config = small_config();
  config["lexicons"]["common_words"] = {"gunmen", "attacked"};
  config["entities"].push_back({{"name", "Douentza"}, {"label", "LOCATION"}, {"type", "city"}});
  auto x = build(config);
  auto places = [&](const std::string& text) { return texts_labelled(*x, "LOCATION", text); };
  using V = std::vector<std::string>;
  EXPECT_EQ(places("Gunmen attacked a school in Kuriga, in northwestern Mali."), V{"Kuriga"});
  EXPECT_EQ(places("He was born in Tessit, near Niger."), V{"Tessit"});
  EXPECT_EQ(places("Troops camped outside Boni Koro, southwest of Niger."), V{"Boni Koro"});
  EXPECT_EQ(places("Fighting broke out in Boni, southwest of Douentza."), (V{"Boni", "Douentza"}));
  EXPECT_EQ(places("Gunmen attacked a school in Kuriga, in the northern state of Douentza."),
            (V{"Kuriga", "Douentza"}));
  EXPECT_EQ(places("Gunmen attacked a school in Kuriga, in the region of Douentza."),
            (V{"Kuriga", "Douentza"}));
  EXPECT_EQ(places("They met Diarra, in northern Mali, on Monday."), V{});
  EXPECT_EQ(places("It sold to Diarra, in Mali's capital."), V{});
}

// A town's one-word name (type "town") is a place only where the text speaks of
// one: after a locative preposition, before or beside a region or a country; not
// before a capitalised word or a possessive, not beside a city ("Reno and
// Harrison") unless in a list after a locative preposition ("in Reno and
// Harrison"), and not where a person of the document has it as surname. A
// town's longer name needs no context.
TEST(Extractor, TownNeedsAPlaceContext) {
  json config = small_config();
  config["entities"].push_back({{"name", "Harrison"}, {"label", "LOCATION"}, {"type", "town"}});
  config["entities"].push_back(
      {{"name", "Little Havana"}, {"label", "LOCATION"}, {"type", "town"}});
  config["entities"].push_back({{"name", "Reno"}, {"label", "LOCATION"}, {"type", "city"}});
  config["entities"].push_back({{"name", "Ohio"}, {"label", "LOCATION"}, {"type", "us_state"}});
  config["lexicons"]["first_names"].push_back("John");
  auto x = build(config);
  auto places = [&](const std::string& text) { return texts_labelled(*x, "LOCATION", text); };
  using V = std::vector<std::string>;
  EXPECT_EQ(entities(*x, "The train left from Harrison at noon."),
            (V{"LOCATION:Harrison:location/harrison"}));
  EXPECT_EQ(places("Floods hit Harrison, Ohio, and Mali and Harrison."),
            (V{"Harrison", "Ohio", "Harrison"}));
  EXPECT_EQ(places("Harrison said he saw Harrison Ford in Harrison's garden."), V{});
  EXPECT_EQ(places("Reno and Harrison spoke in Reno."), (V{"Reno", "Reno"}));
  EXPECT_EQ(places("Four died in Reno and Harrison. Floods hit Reno, Harrison on Friday."),
            (V{"Reno", "Harrison", "Reno"}));
  EXPECT_EQ(places("She lives in Reno and Harrison said so."), V{"Reno"});
  // "out of" is a locative preposition; "of" alone is none
  EXPECT_EQ(places("Troops pulled out of Harrison. The mayor of Harrison spoke."),
            V{"Harrison"});
  EXPECT_EQ(places("Crowds gathered outside the Little Havana home."), V{"Little Havana"});
  EXPECT_EQ(entities(*x, "John Harrison spoke. Aides of Harrison came from Harrison."),
            (V{"PERSON:John Harrison:person/john-harrison",
               "PERSON:Harrison:person/john-harrison", "PERSON:Harrison:person/john-harrison"}));
}

// A wire story's dateline names a place: the capitalised words that open the text or a
// line, then perhaps ", <words>" and an agency between brackets before a dash ("KESSAVILLE,
// May 16 (AFP) -", "Harrison, Ohio (AP) —"), a known town or not. Not in a line that
// goes on otherwise, nor an agency's name.
TEST(Extractor, DatelineNamesAPlace) {
  json config = small_config();
  config["entities"].push_back({{"name", "Harrison"}, {"label", "LOCATION"}, {"type", "town"}});
  config["entities"].push_back({{"name", "Ohio"}, {"label", "LOCATION"}, {"type", "us_state"}});
  config["entities"].push_back({{"name", "Agence Kessa"}, {"label", "ORG"}, {"acronyms", {"AK"}}});
  auto x = build(config);
  using V = std::vector<std::string>;
  EXPECT_EQ(entities(*x, "HARRISON, May 16 (AK) - Floods hit."),
            (V{"LOCATION:HARRISON:location/harrison", "ORG:AK:org/agence-kessa"}));
  EXPECT_EQ(entities(*x, "Floods.\nHarrison, Ohio (AK) \xE2\x80\x94 Floods hit."),
            (V{"LOCATION:Harrison:location/harrison", "LOCATION:Ohio:location/ohio",
               "ORG:AK:org/agence-kessa"}));
  EXPECT_EQ(entities(*x, "KESSAVILLE, May 16 (AK) - Floods hit.\nPORT DORI (AK) -- Rain."),
            (V{"LOCATION:KESSAVILLE:location/kessaville", "ORG:AK:org/agence-kessa",
               "LOCATION:PORT DORI:location/port-dori", "ORG:AK:org/agence-kessa"}));
  EXPECT_EQ(entities(*x, "Harrison, May 16 (AK) - Floods hit."),
            (V{"LOCATION:Harrison:location/harrison", "ORG:AK:org/agence-kessa"}));
  // not a dateline
  EXPECT_EQ(texts_labelled(*x, "LOCATION", "Harrison, May 16 (AK), said floods hit."), V{});
  EXPECT_EQ(texts_labelled(*x, "LOCATION", "Harrison said (AK) - floods hit."), V{});
  EXPECT_EQ(texts_labelled(*x, "LOCATION", "They met.\nKessa Dori (AK) wrote - no."), V{});
}

// The first word after a dateline's agency and dash opens the story's first sentence: a
// capital letter alone there is the article, not a name's ("(AK) - A Kessa Agency plane").
TEST(Extractor, DatelineDashOpensASentence) {
  json config = small_config();
  config["entities"].push_back({{"name", "Agence Kessa"}, {"label", "ORG"}, {"acronyms", {"AK"}}});
  config["lexicons"]["nonname_capitalized"].push_back("A");
  auto x = build(config);
  using V = std::vector<std::string>;
  for (const char* text : {"KESSAVILLE, May 16 (AK) - A Dori Agency plane landed.",
                           "KESSAVILLE (AK) \xE2\x80\x94 A Dori Agency plane landed."})
    EXPECT_EQ(texts_labelled(*x, "ORG", text), (V{"AK", "Dori Agency"})) << text;
  // elsewhere a capital letter alone may be a name's
  EXPECT_EQ(texts_labelled(*x, "ORG", "Officials of the Class A Dori Agency met."),
            V{"Class A Dori Agency"});
}

// A capitalised word joined by hyphens to name words on both sides is the name's, even a
// word that names nothing alone ("Abdoulaye Kessa-On-Dori").
TEST(Extractor, CapitalBetweenHyphensInAName) {
  auto x = build(small_config());
  using V = std::vector<std::string>;
  EXPECT_EQ(texts_labelled(*x, "PERSON", "Rain fell, said Abdoulaye Kessa-On-Dori."),
            V{"Abdoulaye Kessa-On-Dori"});
}

// A country's name that is also a given name, before a title, opens no person's name: the
// title opens it ("Chad President Abdoulaye Diop"; "Ivory Coast President ...").
TEST(Extractor, CountryThatIsAGivenNameBeforeATitle) {
  auto x = build(small_config());
  using V = std::vector<std::string>;
  EXPECT_EQ(entities(*x, "Chad President Abdoulaye Diop spoke."),
            (V{"COUNTRY:Chad:country/TCD", "PERSON:Abdoulaye Diop:person/abdoulaye-diop"}));
}

// A demonym that would open a place's name before its head modifies it ("the Malian Kessa
// River basin"); inside the name it stays ("the Upper Malian Kessa River").
TEST(Extractor, DemonymBeforeAPlaceHeadModifiesIt) {
  auto x = build(small_config());
  using V = std::vector<std::string>;
  EXPECT_EQ(entities(*x, "Rain flooded the Malian Kessa River basin."),
            (V{"COUNTRY:Malian:country/MLI", "LOCATION:Kessa River:location/kessa-river"}));
  EXPECT_EQ(texts_labelled(*x, "LOCATION", "Rain flooded the Upper Malian Kessa River."),
            V{"Upper Malian Kessa River"});
}

// A place's prefix and "of" open a name of up to three more words ("the Gulf of Kessa"),
// which a person's title ends ("Republic of Kessa President Abdoulaye Diop") and an
// organisation's head makes a body's ("the Gulf of Kessa Agency").
TEST(Extractor, PlacePrefixOfBeforeATitleOrAnOrgHead) {
  json config = small_config();
  config["lexicons"]["location_prefixes"] = {"Gulf of", "Republic of"};
  auto x = build(config);
  using V = std::vector<std::string>;
  EXPECT_EQ(entities(*x, "Ships sailed into the Gulf of Kessa."),
            V{"LOCATION:Gulf of Kessa:location/gulf-of-kessa"});
  EXPECT_EQ(entities(*x, "He met Republic of Kessa President Abdoulaye Diop."),
            (V{"LOCATION:Republic of Kessa:location/republic-of-kessa",
               "PERSON:Abdoulaye Diop:person/abdoulaye-diop"}));
  EXPECT_EQ(entities(*x, "The Gulf of Kessa Agency met."),
            V{"ORG:Gulf of Kessa Agency:org/gulf-of-kessa-agency"});
}

// Names of events, prizes, treaties and wars are no person's ("Ibrahim Cup
// winners"), nor is a name that fills a quotation (a title); a place before such a
// head word names the thing, not the place ("the Stanley Cup", "the Camp David
// Accords"; a country stays: "the Mali War" is about Mali).
TEST(Extractor, ThingsAndTitlesNameNoOne) {
  json config = small_config();
  config["entities"].push_back({{"name", "Stanley"}, {"label", "LOCATION"}, {"type", "city"}});
  config["lexicons"]["location_prefixes"] = {"Camp"};
  auto x = build(config);
  using V = std::vector<std::string>;
  EXPECT_EQ(entities(*x, "He won the Stanley Cup. Ibrahim Cup winners met as the Mali War ended."),
            (V{"COUNTRY:Mali:country/MLI"}));
  EXPECT_EQ(entities(*x, "The Stanley Liberation War ended."), V{});
  EXPECT_EQ(entities(*x, "She won two Ibrahim Cups and the Abdoulaye Prizes."), V{});
  EXPECT_EQ(entities(*x, "Her single \"Abdoulaye Diop\" charted; Abdoulaye Diop sang."),
            (V{"PERSON:Abdoulaye Diop:person/abdoulaye-diop"}));
  EXPECT_EQ(entities(*x, "The Camp David Accords and Camp Kidal Summit; troops left Camp Kidal."),
            (V{"LOCATION:Camp Kidal:location/camp-kidal"}));
  EXPECT_EQ(entities(*x, "Abdoulaye Diop left Stanley."),
            (V{"PERSON:Abdoulaye Diop:person/abdoulaye-diop", "LOCATION:Stanley:location/stanley"}));
}

// After a country's name, a place head that opens a title of two words names no place:
// "Mali District Judge Abdoulaye Diop" is a judge of Mali; after another name it does
// ("Kidal District Judge ...": Kidal District).
TEST(Extractor, CountryBeforeATitleOpeningWithAPlaceHead) {
  json config = small_config();
  config["lexicons"]["person_titles"].push_back("District Judge");
  config["lexicons"]["location_heads"].push_back("District");
  auto x = build(config);
  using V = std::vector<std::string>;
  EXPECT_EQ(entities(*x, "The case went to Mali District Judge Abdoulaye Diop on Monday."),
            (V{"COUNTRY:Mali:country/MLI", "PERSON:Abdoulaye Diop:person/abdoulaye-diop"}));
  EXPECT_TRUE(has(entities(*x, "He met Kidal District Judge Abdoulaye Diop."),
                  "LOCATION:Kidal District:location/kidal-district"));
}

// An alias that is the article and another of the entity's names ("the African Union")
// adds nothing, and must not hide a longer name that starts after the article: "The
// African Union Mission in Mali said" names the mission.
TEST(Extractor, ArticleAliasHidesNoLongerName) {
  json config = small_config();
  config["entities"][4]["aliases"] = {"the African Union"};
  config["entities"].push_back({{"name", "African Union Mission in Mali"}, {"label", "ORG"}});
  auto x = build(config);
  using V = std::vector<std::string>;
  EXPECT_EQ(entities(*x, "The African Union Mission in Mali said."),
            (V{"ORG:African Union Mission in Mali:org/african-union-mission-in-mali"}));
  EXPECT_EQ(entities(*x, "The African Union met."),
            (V{"ORG:African Union:org/african-union"}));
}

// "Storm" before one more name word names a storm ("Storm Ibrahim hit Mali"), though
// "Storm" is a given name too; before two it may open a person's name.
TEST(Extractor, StormBeforeANameWordIsNoPerson) {
  json config = small_config();
  config["lexicons"]["first_names"].push_back("Storm");
  auto x = build(config);
  using V = std::vector<std::string>;
  EXPECT_EQ(entities(*x, "Storm Ibrahim hit Mali on Sunday."), (V{"COUNTRY:Mali:country/MLI"}));
  EXPECT_EQ(entities(*x, "In Mali, Storm Abdoulaye flooded roads."), (V{"COUNTRY:Mali:country/MLI"}));
  EXPECT_EQ(entities(*x, "Storm Ibrahim Keita spoke."),
            (V{"PERSON:Storm Ibrahim Keita:person/storm-ibrahim-keita"}));
}

// A given name before a place head that is also a surname ("Hill", "Wells",
// "Park") is a person's name, unless the text speaks of a place there: after a
// place preposition, or before ", <region>". A title before it is the person's,
// never part of a place's name.
TEST(Extractor, GivenNameBeforeASurnameLikePlaceHead) {
  json config = small_config();
  config["entities"].push_back({{"name", "Ohio"}, {"label", "LOCATION"}, {"type", "state"}});
  config["lexicons"]["first_names"] = {"Assimi", "Abdoulaye", "Harlan"};
  config["lexicons"]["location_heads"] = {"River", "Hill", "Park"};
  auto x = build(config);
  using V = std::vector<std::string>;
  EXPECT_EQ(entities(*x, "Harlan Hill said no."), (V{"PERSON:Harlan Hill:person/harlan-hill"}));
  EXPECT_EQ(entities(*x, "Aides met Foreign Minister Harlan Hill and Colonel Assimi Park."),
            (V{"PERSON:Harlan Hill:person/harlan-hill", "PERSON:Assimi Park:person/assimi-park"}));
  EXPECT_EQ(entities(*x, "They lived in Harlan Hill. Fires hit Harlan Park, Ohio."),
            (V{"LOCATION:Harlan Hill:location/harlan-hill",
               "LOCATION:Harlan Park:location/harlan-park", "LOCATION:Ohio:location/ohio"}));
  EXPECT_EQ(entities(*x, "It stood at 340 Harlan Park, by Kidal Assimi Park."),
            (V{"LOCATION:Harlan Park:location/harlan-park",
               "LOCATION:Kidal Assimi Park:location/kidal-assimi-park"}));
  // Not a surname, or no given name before it: the place.
  EXPECT_EQ(entities(*x, "Then Harlan River rose as Kidal Hill fell."),
            (V{"LOCATION:Harlan River:location/harlan-river",
               "LOCATION:Kidal Hill:location/kidal-hill"}));
}

// A capitalised compass word before a place names a part of it, a place of its
// own ("Northern California"); not before a country ("Northeast Mali" is Mali,
// the country the news speaks of), nor in lowercase ("northern California").
TEST(Extractor, CompassWordBeforeAPlace) {
  json config = small_config();
  config["entities"].push_back({{"name", "California"}, {"label", "LOCATION"}});
  auto x = build(config);
  using V = std::vector<std::string>;
  EXPECT_EQ(entities(*x, "Fires swept Northern California, northern California and "
                         "Northeast Mali."),
            (V{"LOCATION:Northern California:location/northern-california",
               "LOCATION:California:location/california", "COUNTRY:Mali:country/MLI"}));
  EXPECT_EQ(entities(*x, "Greater California grew."),
            (V{"LOCATION:Greater California:location/greater-california"}));
}

// "X for the Y of Z" is one name; a second name after "and", a club's opponent
// and a ministry's country are not part of it.
TEST(Extractor, OrganizationComplements) {
  json config = small_config();
  config["lexicons"]["org_heads"] = {"Movement", "Committee", "Ministry", "City"};
  config["lexicons"]["common_words"] = {"sunrise"};
  auto x = build(config);
  auto orgs = [&](const std::string& text) { return texts_labelled(*x, "ORG", text); };
  using V = std::vector<std::string>;
  EXPECT_EQ(orgs("The Movement for the Salvation of Azawad said."),
            (V{"Movement for the Salvation of Azawad"}));
  EXPECT_EQ(orgs("The Committee for the Protection of Journalists and Reporters said."),
            (V{"Committee for the Protection of Journalists"}));
  EXPECT_EQ(orgs("The Ministry for Foreign Affairs of Mali said."),
            (V{"Ministry for Foreign Affairs"}));
  // after "of" and one or two words, a "for" complement is the name's too
  EXPECT_EQ(orgs("The Movement of Kessan Society for Peace said."),
            (V{"Movement of Kessan Society for Peace"}));
  EXPECT_EQ(orgs("The Ministry of Mines for years said no."), (V{"Ministry of Mines"}));
  EXPECT_TRUE(has(entities(*x, "The Ministry for Foreign Affairs of Mali said."),
                  "COUNTRY:Mali:country/MLI"));
  EXPECT_EQ(orgs("Haaland scored for Manchester City against Liverpool."),
            (V{"Manchester City"}));
  EXPECT_EQ(orgs("The Ministry of Mines and Energy of Niger."),
            (V{"Ministry of Mines and Energy"}));
  // a name joined to the head by a hyphen is the name's, not a common word nor a place
  EXPECT_EQ(orgs("The Kessa Movement-Assimi won 75 seats."), (V{"Kessa Movement-Assimi"}));
  EXPECT_EQ(orgs("The Kessa Movement-Sunrise pact formed."), (V{"Kessa Movement"}));
  EXPECT_EQ(orgs("The Kessa Movement-Mali branch met."), (V{"Kessa Movement"}));
  // a complement that would stop inside a name ("St." of "St. Louis Eagles") is none
  EXPECT_EQ(orgs("He coached the Movement for the St. Louis Eagles."), (V{}));
  EXPECT_EQ(orgs("The Committee for the St. Louis area met."), (V{}));
}

// "<Town> City" is a club ("Leicester City"); "City" after a name that is no
// town's is a city's own name ("Sioux City"; "Atlantic City": the Atlantic is an
// ocean), as the bundled organisation heads hold no "City".
TEST(Extractor, CityAfterATownIsAClub) {
  json config = small_config();
  config["lexicons"]["location_heads"].push_back("City");
  config["entities"].push_back({{"name", "Leicester"}, {"label", "LOCATION"}, {"type", "city"}});
  config["entities"].push_back({{"name", "Atlantic Ocean"}, {"label", "LOCATION"},
                                {"type", "ocean"}, {"aliases", {"Atlantic"}}});
  auto x = build(config);
  using V = std::vector<std::string>;
  EXPECT_EQ(texts_labelled(*x, "ORG", "Then Leicester City beat them."), (V{"Leicester City"}));
  EXPECT_EQ(texts_labelled(*x, "LOCATION", "Then Leicester City beat them."), V{});
  const std::string trip = "They flew from Sioux City to Atlantic City.";
  EXPECT_EQ(texts_labelled(*x, "LOCATION", trip), (V{"Sioux City", "Atlantic City"}));
  EXPECT_EQ(texts_labelled(*x, "ORG", trip), V{});
  // the next sentence's "City" is no club's
  EXPECT_EQ(texts_labelled(*x, "ORG", "They left Leicester. City officials met."), V{});
}

// A name with accents that folds to a common word of up to three letters ("Tô" ->
// "to") found without them where every word may be capitalised (a sentence's first
// word, a title-cased line) is the common word; with its accents, or inside a
// sentence, the name. A longer one is the name ("Montreal" for "Montréal").
TEST(Extractor, AccentedShortWordWithoutAccentsAtASentenceStart) {
  json config = small_config();
  config["entities"].push_back({{"name", "Tô"}, {"label", "LOCATION"}, {"type", "city"}});
  config["lexicons"]["common_words"] = {"to"};
  auto x = build(config);
  using V = std::vector<std::string>;
  auto places = [&](const std::string& text) { return texts_labelled(*x, "LOCATION", text); };
  EXPECT_EQ(places("To avoid delays, the band left."), V{});
  EXPECT_EQ(places("His book Everyone Wants To Be Free sold well."), V{});
  EXPECT_EQ(places("Tô lies south of the capital."), (V{"Tô"}));
  EXPECT_EQ(places("The army reached To on Monday."), (V{"To"}));
  json more = config;
  more["entities"].push_back({{"name", "Montréal"}, {"label", "LOCATION"}, {"type", "city"}});
  more["lexicons"]["common_words"].push_back("montreal");
  EXPECT_EQ(texts_labelled(*build(more), "LOCATION", "Montreal won the game."),
            (V{"Montreal"}));
}

// A demonym that is also a first name starts no name when a title follows it;
// followed by a surname, it may.
TEST(Extractor, DemonymBeforeTitleIsNoFirstName) {
  json config = small_config();
  config["lexicons"]["first_names"].push_back("Malian");
  auto x = build(config);
  auto got = entities(*x, "Malian President Assimi Goita spoke.");
  EXPECT_EQ(got, (std::vector<std::string>{"COUNTRY:Malian:country/MLI",
                                           "PERSON:Assimi Goita:person/assimi-goita"}));
  EXPECT_EQ(x->extract("Malian President Assimi Goita spoke.").entities[1].title, "President");
  EXPECT_TRUE(has(entities(*x, "Malian Traore spoke."), "PERSON:Malian Traore:person/malian-traore"));
}

// Initials open a name: "C. H. Douglas", "C. Alan MacDonald"; not a compass point's
// before a place ("N. Chad").
TEST(Extractor, InitialsOpenAName) {
  json config = small_config();
  config["entities"].push_back({{"name", "Kessa Republic"}, {"label", "COUNTRY"},
                                {"id", "country/KSR"}, {"aliases", {"K.R."}}});
  config["entities"].push_back({{"name", "Ibrahim Nadu"}, {"label", "LOCATION"}});
  auto x = build(config);
  auto people = [&](const std::string& text) { return texts_labelled(*x, "PERSON", text); };
  using V = std::vector<std::string>;
  EXPECT_EQ(people("The theory expounded by K. R. Voss spread."), (V{"K. R. Voss"}));
  EXPECT_EQ(people("It was written by C. Assimi Varno."), (V{"C. Assimi Varno"}));
  EXPECT_EQ(people("Rebels in N. Chad fought."), V{});
  // written together, where the gazetteer names nothing there
  EXPECT_EQ(people("It said M.K. Voss and P.J. Assimi Varno met K.R. Varno troops at F.A.O. "
                   "Kessa."),
            (V{"M.K. Voss", "P.J. Assimi Varno"}));
  // a title ends the name run of a given name before it
  EXPECT_EQ(people("Ibrahim Nadu Foreign Minister M.K. Voss spoke."), (V{"M.K. Voss"}));
  EXPECT_EQ(texts_labelled(*x, "LOCATION", "Ibrahim Nadu Foreign Minister M.K. Voss spoke."),
            (V{"Ibrahim Nadu"}));
}

// Hyphenated words are one name word: "Franco-Malian" names no one.
TEST(Extractor, HyphenatedWordIsOneNameWord) {
  json config = small_config();
  for (const char* w : {"Franco", "Jean", "Pierre"}) config["lexicons"]["first_names"].push_back(w);
  auto x = build(config);
  auto people = [&](const std::string& text) { return texts_labelled(*x, "PERSON", text); };
  using V = std::vector<std::string>;
  EXPECT_EQ(people("The Franco-Malian ties soured."), V{});
  EXPECT_EQ(people("Jean-Pierre Bemba spoke."), (V{"Jean-Pierre Bemba"}));
  EXPECT_EQ(people("He said Jean Pierre-Bemba spoke."), (V{"Jean Pierre-Bemba"}));
  // a lowercase second syllable after a hyphen ("Doo-hwan", "Jae-in") belongs to the name;
  // an English compound's word does not ("Smith-led")
  EXPECT_EQ(people("President Chun Doo-hwan and President Moon Jae-in spoke."),
            (V{"Chun Doo-hwan", "Moon Jae-in"}));
  EXPECT_EQ(people("President Jean Pierre-led talks ended."), (V{"Jean Pierre"}));
  // after a name particle and a hyphen, a word opens a name word of its own: "Sadiq
  // al-Kabir" has two
  EXPECT_EQ(people("Pierre al-Kessar fled the country."), (V{"Pierre al-Kessar"}));
}

// A surname after a title ("President Kessler", "Mr. Kessler") or alone that the
// document gives no full name for is the known person's with that surname, when the
// gazetteer has exactly one; a full name in the document comes first.
TEST(Extractor, TitledSurnameIsTheKnownPerson) {
  json config = small_config();
  config["entities"].push_back({{"name", "Edith Kessler"}, {"label", "PERSON"}, {"title", "President of Mali"}});
  config["entities"].push_back({{"name", "Ana Brandt"}, {"label", "PERSON"}});
  config["entities"].push_back({{"name", "Tomas Brandt"}, {"label", "PERSON"}});
  config["lexicons"]["first_names"].push_back("Ana");
  config["lexicons"]["first_names"].push_back("Lotte");
  auto x = build(config);
  using V = std::vector<std::string>;
  auto people = [&](const std::string& text) { return ids_labelled(*x, "PERSON", text); };
  EXPECT_EQ(people("President Kessler met Colonel Brandt."),
            (V{"Kessler:person/edith-kessler", "Brandt:person/brandt"}));
  const Entity e = x->extract("President Kessler spoke.").entities.at(0);
  EXPECT_EQ(e.name, "Edith Kessler");
  EXPECT_EQ(e.mention, "partial");
  EXPECT_EQ(e.title, "President");
  EXPECT_EQ(people("Lotte Kessler arrived. Mr. Kessler left."),
            (V{"Lotte Kessler:person/lotte-kessler", "Kessler:person/lotte-kessler"}));
  // alone too, where no common word, given name or longer name reads it otherwise
  EXPECT_EQ(people("Kessler met Brandt in Mali."), (V{"Kessler:person/edith-kessler"}));
  EXPECT_EQ(people("He met Kessler Voss at the Kessler Union."), V{});
  EXPECT_EQ(people("Lotte Kessler arrived. Later Kessler left."),
            (V{"Lotte Kessler:person/lotte-kessler", "Kessler:person/lotte-kessler"}));
}

// The first word of an organisation's name, alone, refers to it ("Kessler" after
// "Kessler Agency"), unless a person of the document has it as surname, it is a given
// name or a common word, or two organisations open with it.
TEST(Extractor, OrganisationsFirstWordAloneIsTheOrganisation) {
  json config = small_config();
  config["lexicons"]["first_names"].push_back("Ana");
  config["lexicons"]["common_words"] = {"later", "grand"};
  auto x = build(config);
  using V = std::vector<std::string>;
  EXPECT_EQ(ids_labelled(*x, "ORG", "The Kessler Agency opened. Later Kessler said it grew."),
            (V{"Kessler Agency:org/kessler-agency", "Kessler:org/kessler-agency"}));
  EXPECT_EQ(ids_labelled(*x, "ORG", "Ana Kessler spoke. The Kessler Agency opened. Later Kessler left."),
            (V{"Kessler Agency:org/kessler-agency"}));
  EXPECT_EQ(ids_labelled(*x, "ORG", "The Assimi Agency opened. Later Assimi left."),
            (V{"Assimi Agency:org/assimi-agency"}));
  EXPECT_EQ(ids_labelled(*x, "ORG", "The Grand Agency opened. Later Grand left."),
            (V{"Grand Agency:org/grand-agency"}));
  EXPECT_EQ(ids_labelled(*x, "ORG", "The Kessler Agency met the Kessler Union. Later Kessler left."),
            (V{"Kessler Agency:org/kessler-agency", "Kessler Union:org/kessler-union"}));
  // (an organisation of one word of letters too: "Chadema" after "the main opposition
  // party, Chadema,"; not one with a digit)
  EXPECT_EQ(ids_labelled(*x, "ORG", "The opposition party Varnoma was barred. Later Varnoma left."),
            (V{"Varnoma:org/varnoma", "Varnoma:org/varnoma"}));
  EXPECT_EQ(ids_labelled(*x, "ORG", "The opposition party Varno2 was barred. Later Varno2 left."),
            (V{"Varno2:org/varno2"}));
}

// A title that is also a given name ("Imam", "Sheikh") before a person the gazetteer
// knows, or before another given name and a name word (perhaps after a particle: "bin"),
// is the person's title, outside the mention; before a given name alone it is part of the
// name ("Sheikh Hasina").
TEST(Extractor, TitleThatIsAGivenNameBeforeAKnownPerson) {
  json config = small_config();
  config["entities"].push_back({{"name", "Harlan Voss"}, {"label", "PERSON"}});
  config["lexicons"]["first_names"].push_back("Sheikh");
  config["lexicons"]["first_names"].push_back("Harlan");
  config["lexicons"]["person_titles"].push_back("Sheikh");
  auto x = build(config);
  using V = std::vector<std::string>;
  EXPECT_EQ(ids_labelled(*x, "PERSON", "Sheikh Harlan Voss spoke."),
            (V{"Harlan Voss:person/harlan-voss"}));
  EXPECT_EQ(x->extract("Sheikh Harlan Voss spoke.").entities.at(0).title, "Sheikh");
  EXPECT_EQ(texts_labelled(*x, "PERSON", "Sheikh Abdoulaye Kessler spoke."),
            (V{"Abdoulaye Kessler"}));
  EXPECT_EQ(x->extract("Sheikh Abdoulaye Kessler spoke.").entities.at(0).title, "Sheikh");
  EXPECT_EQ(texts_labelled(*x, "PERSON", "Sheikh Abdoulaye bin Kessler spoke."),
            (V{"Abdoulaye bin Kessler"}));
  EXPECT_EQ(texts_labelled(*x, "PERSON", "He met Sheikh Abdoulaye on Monday."),
            (V{"Sheikh Abdoulaye"}));
}

// After an honorific (Mr., Lord, Sir ...), an organisation's or a place's name is a surname.
TEST(Extractor, NameAfterHonorificIsAPerson) {
  json config = small_config();
  config["entities"].push_back({{"name", "Kone"}, {"label", "ORG"}});
  config["lexicons"]["person_titles"].push_back("Mrs");
  auto x = build(config);
  using V = std::vector<std::string>;
  EXPECT_EQ(texts_labelled(*x, "PERSON", "Police arrested Mr. Kone and Mrs Kone."),
            (V{"Kone", "Kone"}));
  EXPECT_EQ(texts_labelled(*x, "ORG", "Police arrested Mr. Kone and Mrs Kone."), V{});
  EXPECT_EQ(x->extract("Police arrested Mr. Kone.").entities.at(0).title, "Mr.");
  EXPECT_EQ(texts_labelled(*x, "ORG", "Kone shares rose."), (V{"Kone"}));
  // and after a peer's or a knight's ("Lord Kone", "Sir Kone")
  config["lexicons"]["person_titles"].push_back("Lord");
  config["lexicons"]["person_titles"].push_back("Sir");
  auto peers = build(config);
  EXPECT_EQ(texts_labelled(*peers, "PERSON", "Lord Kone spoke, and Sir Kone agreed."),
            (V{"Kone", "Kone"}));
}

// An organisation's name takes in an acronym before it, not a run of words in
// capitals (a byline's names).
TEST(Extractor, CapitalsRunIsNoPartOfAnOrganization) {
  json config = small_config();
  config["lexicons"]["org_heads"].push_back("Press");
  config["lexicons"]["org_heads"].push_back("Commission");
  auto x = build(config);
  using V = std::vector<std::string>;
  EXPECT_EQ(texts_labelled(*x, "ORG", "By SAM MEDNICK Associated Press"),
            (V{"Associated Press"}));
  EXPECT_EQ(texts_labelled(*x, "ORG", "The ECOWAS Commission said."), (V{"ECOWAS Commission"}));
}

TEST(Extractor, AcronymDefinedByInitials) {
  auto x = build(small_config());
  auto got = entities(*x, "the Movement for Unity and Jihad in West Africa (MUJWA) said MUJWA");
  EXPECT_TRUE(has(got, "ORG:MUJWA:org/movement-for-unity-and-jihad-in-west-africa")) ;
}

TEST(Extractor, AmbiguousNamesUseContext) {
  auto x = build(small_config());
  auto got = entities(*x, "Chad Johnson visited Chad. The chad was hanging.");
  EXPECT_TRUE(has(got, "PERSON:Chad Johnson:person/chad-johnson"));
  EXPECT_TRUE(has(got, "COUNTRY:Chad:country/TCD"));
  EXPECT_EQ(got.size(), 2u);
  auto river = entities(*x, "along the Niger River, Niger said");
  EXPECT_TRUE(has(river, "LOCATION:Niger River:location/niger-river"));
  EXPECT_TRUE(has(river, "COUNTRY:Niger:country/NER"));
}

TEST(Extractor, DemonymsAndWholeWords) {
  auto x = build(small_config());
  auto doc = x->extract("Malian troops entered Nigeria, not Niger.");
  ASSERT_EQ(doc.entities.size(), 2u);
  EXPECT_EQ(doc.entities[0].mention, "demonym");
  EXPECT_EQ(doc.entities[0].id, "country/MLI");
  EXPECT_EQ(doc.entities[1].id, "country/NER");
}

TEST(Extractor, UserRulesFromConfig) {
  json config = small_config();
  config["rules"] = json::parse(
      R"([{"rules": [{"name": "operation", "label": "OPERATION", "pattern": "Operation [A-Z][a-z]+"}]}])");
  auto x = build(config);
  auto got = entities(*x, "France ended Operation Barkhane in Mali.");
  EXPECT_TRUE(has(got, "OPERATION:Operation Barkhane:operation/operation-barkhane"));
}

TEST(Extractor, JsonOffsetsAreCodePoints) {
  auto x = build(small_config());
  std::string text = "Président «Goïta» 🇲🇱 — Mali’s army";
  auto doc = x->extract(text);
  json j = to_json(doc, text);
  ASSERT_EQ(j["entities"].size(), 1u);
  // "Président «Goïta» 🇲🇱 — " is 23 code points (the flag is two).
  EXPECT_EQ(j["entities"][0]["start"], 23);
  EXPECT_EQ(j["entities"][0]["end"], 27);
  EXPECT_EQ(j["entities"][0]["text"], "Mali");
  json b = to_json(doc, text, OffsetUnit::kBytes);
  EXPECT_EQ(b["entities"][0]["start"], text.find("Mali"));
}

TEST(Extractor, BadInputNeverThrowsFromText) {
  auto x = build(small_config());
  std::vector<std::string> texts = {
      "", "   \n\t ", std::string(100000, 'x'), std::string("Mali\0Niger", 10),
      "Mali\xff\xfe Niger \xc3", std::string(50000, '('), "(((ECOWAS))) (AB) (", "Mr. Mr. Mr.",
  };
  for (const auto& t : texts) {
    Document d;
    ASSERT_NO_THROW(d = x->extract(t));
    for (const auto& e : d.entities) {
      ASSERT_LE(e.start, e.end);
      ASSERT_LE(e.end, t.size());
    }
    ASSERT_NO_THROW(to_json(d, t).dump(-1, ' ', false, json::error_handler_t::replace));
  }
}

TEST(Extractor, LimitsAndDct) {
  json config = small_config();
  config["options"] = {{"max_text_bytes", 10}};
  auto x = build(config);
  EXPECT_THROW(x->extract("this text is too long"), LimitError);
  EXPECT_NO_THROW(x->extract("short"));
  EXPECT_THROW(x->extract("short", "", std::string("2023-02-30")), Error);
  auto d = x->extract("short", "id", std::string("2023-09-18"));
  EXPECT_EQ(d.dct.source, "given");
  ASSERT_TRUE(d.dct.date.has_value());
  EXPECT_EQ(d.dct.date->day, 18);
}

TEST(Extractor, ConcurrentExtractionEqualsSerial) {
  auto x = build(small_config());
  std::vector<std::string> texts;
  for (int i = 0; i < 50; ++i)
    texts.push_back("Colonel Assimi Goita of Mali met " + std::to_string(i) +
                    " envoys of the African Union (AU) in Niger. Goita left.");
  std::vector<json> serial;
  for (const auto& t : texts) serial.push_back(to_json(x->extract(t), t));
  std::vector<std::vector<json>> parallel(8, std::vector<json>(texts.size()));
  std::vector<std::thread> threads;
  for (int k = 0; k < 8; ++k)
    threads.emplace_back([&, k] {
      for (size_t i = 0; i < texts.size(); ++i) parallel[k][i] = to_json(x->extract(texts[i]), texts[i]);
    });
  for (auto& t : threads) t.join();
  for (int k = 0; k < 8; ++k) EXPECT_EQ(parallel[k], serial);
}

TEST(ConfigErrors, NameFilePathAndReason) {
  struct Case {
    json config;
    std::vector<std::string> expected;
  } cases[] = {
      {json::parse(R"({"entities": [{"label": "COUNTRY"}]})"), {"<test>", "/entities/0/name", "missing"}},
      {json::parse(R"({"entities": [{"name": 3, "label": "X"}]})"), {"/entities/0/name", "expected a string"}},
      {json::parse(R"({"entities": [{"name": "A", "label": "X", "aliases": "B"}]})"), {"/entities/0/aliases", "list"}},
      {json::parse(R"({"entities": "nope"})"), {"/entities", "list"}},
      {json::parse(R"({"bogus": 1})"), {"/bogus", "unknown field"}},
      {json::parse(R"({"lexicons": {"colours": []}})"), {"/lexicons/colours", "unknown lexicon"}},
      {json::parse(R"({"options": {"max_text_bytes": -1}})"), {"/options/max_text_bytes"}},
      {json::parse(R"({"options": {"nope": true}})"), {"/options/nope", "unknown option"}},
      {json::parse(R"({"rules": [{"rules": [{"name": "r", "label": "X", "pattern": "(a"}]}]})"), {"/rules/0/rules/0/pattern", "'r'"}},
      {json::parse(R"({"rules": [{"rules": [{"name": "r", "label": "X", "pattern": "(a)\\1"}]}]})"), {"/rules/0/rules/0/pattern"}},
      {json::parse(R"({"gazetteers": ["/nonexistent/file.json"]})"), {"/nonexistent/file.json", "cannot read"}},
      {json::parse(R"([1, 2])"), {"must be a JSON object"}},
  };
  for (const auto& c : cases) {
    std::string msg = config_error(c.config);
    for (const auto& part : c.expected)
      EXPECT_NE(msg.find(part), std::string::npos) << c.config.dump() << " -> " << msg;
  }
}

TEST(ConfigErrors, InvalidJsonFileNamesTheFile) {
  std::string path = ::testing::TempDir() + "/liptako_bad.json";
  std::ofstream(path) << "{\"entries\": [";
  json config = {{"gazetteers", {path}}};
  std::string msg = config_error(config);
  EXPECT_NE(msg.find(path), std::string::npos) << msg;
  EXPECT_NE(msg.find("invalid JSON"), std::string::npos) << msg;
  std::remove(path.c_str());
}

// read_gazetteer_file streams the entries into an EntityStore; it must give
// exactly what the whole document gives to parse_gazetteer, and the same errors
// at the same paths.
TEST(GazetteerFiles, StreamingReadAgreesWithWholeDocument) {
  const std::string path = ::testing::TempDir() + "/liptako_stream.json";
  auto write = [&](const std::string& body) { std::ofstream(path) << body; };
  auto same = [](const std::vector<EntityRecord>& a, const std::vector<EntityRecord>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      if (a[i].id != b[i].id || a[i].label != b[i].label || a[i].name != b[i].name ||
          a[i].type != b[i].type || a[i].title != b[i].title ||
          a[i].ambiguous != b[i].ambiguous || a[i].surfaces.size() != b[i].surfaces.size())
        return false;
      for (size_t k = 0; k < a[i].surfaces.size(); ++k)
        if (a[i].surfaces[k].text != b[i].surfaces[k].text ||
            a[i].surfaces[k].mention != b[i].surfaces[k].mention ||
            a[i].surfaces[k].case_sensitive != b[i].surfaces[k].case_sensitive)
          return false;
    }
    return true;
  };
  const std::string good[] = {
      // the file's label after its entries; nested lists inside entries
      R"({"format": "liptako-gazetteer/1", "entries": [
           {"name": "Sahel Wire", "aliases": ["the Wire"], "acronyms": ["SW"]},
           {"name": "Ana Diallo", "label": "PERSON", "id": "person/ana", "title": "Dr"}],
         "label": "ORGANIZATION", "provenance": {"list": [1, 2]}})",
      R"([{"name": "Kano", "label": "LOCATION", "type": "city"}, {"name": "Tahoua", "label": "LOCATION"}])",
      R"({"label": "MISC", "entries": []})",
  };
  EntityRecord before;  // an entry already in the store
  before.id = "x/before";
  before.label = "ORGANIZATION";
  before.name = "Before";
  before.surfaces.push_back({"Before", "name", false});
  for (const auto& body : good) {
    write(body);
    internal::EntityStore store;
    store.add(before);  // appended after what is there
    internal::read_gazetteer_file(path, store);
    std::vector<EntityRecord> streamed;
    for (size_t i = 1; i < store.size(); ++i) streamed.push_back(store.record(i));
    EXPECT_TRUE(same(streamed, parse_gazetteer(read_json_file(path), path, ""))) << body;
    EXPECT_TRUE(same({store.record(0)}, {before}));
  }
  struct Bad {
    std::string body;
    std::vector<std::string> expected;
  } bad[] = {
      {R"({"entries": [{"name": "A", "label": "X"}, "B"]})", {"/entries/1", "entry object"}},
      {R"({"entries": [{"name": "A", "label": "X"}, {"label": "X"}]})", {"/entries/1/name", "missing"}},
      {R"({"entries": [{"name": "A"}]})", {"/entries/0/label", "missing label"}},
      {R"([{"name": "A", "label": "X"}, [1]])", {"/1", "entry object"}},
      {R"({"entries": {"name": "A"}, "label": "X"})", {"/entries", "list of entries"}},
      {R"({"label": "X"})", {"/entries", "missing"}},
      {R"({"format": "other", "entries": []})", {"/format"}},
      {R"({"entries": [{"name": "A", "label": "X"})", {"invalid JSON"}},
      {R"("just a string")", {"expected"}},
  };
  for (const auto& c : bad) {
    write(c.body);
    internal::EntityStore out;
    out.add(before);
    out.add(before);
    try {
      internal::read_gazetteer_file(path, out);
      ADD_FAILURE() << "no error for " << c.body;
    } catch (const ConfigError& e) {
      const std::string msg = e.what();
      EXPECT_NE(msg.find(path), std::string::npos) << msg;
      for (const auto& part : c.expected)
        EXPECT_NE(msg.find(part), std::string::npos) << c.body << " -> " << msg;
    }
    EXPECT_EQ(out.size(), 2u) << "left as it was: " << c.body;
    EXPECT_TRUE(same({out.record(0), out.record(1)}, {before, before})) << c.body;
    // and the store goes on from there (a label stored once, then dropped, is not reused)
    EntityRecord after = before;
    after.label = "X";
    after.id = "x/after";
    out.add(after);
    EXPECT_TRUE(same({out.record(2)}, {after})) << c.body;
    // the whole document, checked by parse_gazetteer: the same error
    const json whole = json::parse(c.body, nullptr, /*allow_exceptions=*/false);
    if (whole.is_discarded()) continue;
    try {
      parse_gazetteer(whole, path, "");
      ADD_FAILURE() << "parse_gazetteer: no error for " << c.body;
    } catch (const ConfigError& e) {
      const std::string msg = e.what();
      for (const auto& part : c.expected)
        EXPECT_NE(msg.find(part), std::string::npos) << c.body << " -> " << msg;
    }
  }
  std::remove(path.c_str());
}

// read_gazetteer_file reads by SAX events what it can and the rest as a document:
// on random files, well formed or not (nulls, duplicate keys, wrong types, unknown
// keys with nested values, entries that are no objects, a label before or after the
// entries, a bare list), it gives the entries parse_gazetteer gives the whole
// document, or fails where that fails.
TEST(GazetteerFiles, ReadAgreesWithWholeDocumentOnRandomFiles) {
  const std::string path = ::testing::TempDir() + "/liptako_sax.json";
  std::mt19937 rng(2024);
  auto one_in = [&](unsigned n) { return rng() % n == 0; };
  auto any_of = [&](std::initializer_list<const char*> xs) {
    return std::string(*(xs.begin() + rng() % xs.size()));
  };
  // A field's value: mostly a good one, else a null, a wrong type or a nested value.
  auto value = [&](bool list) -> std::string {
    switch (rng() % 12) {
      case 0: return "null";
      case 1: return "7";
      case 2: return "true";
      case 3: return R"({"a": [1, {"b": null}]})";
      case 4: return list ? R"(["x", 3])" : R"(["x"])";
      case 5: return R"("")";
      default:
        return list ? any_of({R"([])", R"(["Wire"])", R"(["SW", "Sahel Wire"])"})
                    : any_of({R"("Sahel Wire")", R"("ORG")", R"("Tô")", R"("a"b")"});
    }
  };
  auto entry = [&]() -> std::string {
    if (one_in(20)) return any_of({"null", "\"x\"", "[]", "3"});
    std::string e = "{";
    const char* keys[] = {"name", "label", "id", "type", "title", "ambiguous",
                          "case_sensitive", "aliases", "acronyms", "demonyms", "note"};
    bool first = true;
    for (const char* k : keys) {
      const bool name = std::string(k) == "name";
      for (int times = one_in(8) ? 2 : 1; times > 0; --times) {  // a duplicate key
        if (!name && one_in(2)) continue;
        if (!first) e += ", ";
        first = false;
        const std::string key = k;
        const bool list = key == "case_sensitive" || key == "aliases" || key == "acronyms" ||
                          key == "demonyms";
        std::string v = key == "ambiguous" ? any_of({"true", "false", "null", "1"})
                        : name && !one_in(6) ? any_of({R"("Sahel Wire")", R"("Ana")", R"("SW")"})
                                             : value(list);
        if (key == "label" && !one_in(4)) v = any_of({R"("ORG")", R"("PERSON")"});
        e += "\"" + key + "\": " + v;
      }
    }
    return e + "}";
  };
  int both_read = 0, both_failed = 0;
  for (int doc = 0; doc < 3000; ++doc) {
    std::string entries = "[";
    for (int i = 0, n = static_cast<int>(rng() % 5); i < n; ++i)
      entries += (i ? ", " : "") + entry();
    entries += "]";
    std::string body;
    if (one_in(5)) {
      body = entries;
    } else {
      std::vector<std::string> members;
      if (!one_in(3)) members.push_back(R"("format": )" + any_of({R"("liptako-gazetteer/1")",
                                                                    R"("other")", "null", "1"}));
      if (!one_in(3)) members.push_back(R"("label": )" + any_of({R"("ORG")", "null", "[1]", R"("")"}));
      if (!one_in(3)) members.push_back(R"("provenance": {"sources": [{"name": "x"}]})");
      if (!one_in(10)) members.push_back(R"("entries": )" + (one_in(15) ? std::string("{}") : entries));
      std::shuffle(members.begin(), members.end(), rng);
      body = "{";
      for (size_t i = 0; i < members.size(); ++i) body += (i ? ", " : "") + members[i];
      body += "}";
    }
    if (one_in(40)) body.pop_back();  // invalid JSON
    std::ofstream(path) << body;
    std::string read_error, whole_error;
    internal::EntityStore store;
    std::vector<EntityRecord> read, whole;
    try {
      internal::read_gazetteer_file(path, store);
      for (size_t i = 0; i < store.size(); ++i) read.push_back(store.record(i));
    } catch (const ConfigError& e) {
      read_error = e.what();
    }
    try {
      whole = parse_gazetteer(read_json_file(path), path, "");
    } catch (const ConfigError& e) {
      whole_error = e.what();
    }
    // (A file with two errors may name either: the reader names the first in the
    // text, parse_gazetteer checks the header first.)
    ASSERT_EQ(read_error.empty(), whole_error.empty()) << body << "\n" << read_error << whole_error;
    if (read_error.empty()) {
      ++both_read;
      ASSERT_EQ(read.size(), whole.size()) << body;
      for (size_t i = 0; i < read.size(); ++i) {
        ASSERT_EQ(std::tie(read[i].id, read[i].label, read[i].name, read[i].type, read[i].title,
                           read[i].ambiguous),
                  std::tie(whole[i].id, whole[i].label, whole[i].name, whole[i].type,
                           whole[i].title, whole[i].ambiguous))
            << body;
        ASSERT_EQ(read[i].surfaces.size(), whole[i].surfaces.size()) << body;
        for (size_t k = 0; k < read[i].surfaces.size(); ++k)
          ASSERT_EQ(std::tie(read[i].surfaces[k].text, read[i].surfaces[k].mention,
                             read[i].surfaces[k].case_sensitive),
                    std::tie(whole[i].surfaces[k].text, whole[i].surfaces[k].mention,
                             whole[i].surfaces[k].case_sensitive))
              << body;
      }
    } else {
      ++both_failed;
    }
  }
  // both kinds of file were made, many of each
  EXPECT_GT(both_read, 300);
  EXPECT_GT(both_failed, 300);
  std::remove(path.c_str());
}

// The store gives back each entry as added, whatever was added, rewound or
// relabelled around it; a built Extractor keeps the fields without the surfaces.
TEST(EntityStore, GivesBackWhatWasAdded) {
  std::mt19937 rng(7);
  const std::vector<std::string> words = {"", "Mali", "ORG", "PERSON", "Tô", "a/b", "Niger",
                                          std::string(300, 'x')};
  auto pick = [&] { return words[rng() % words.size()]; };
  internal::EntityStore store;
  std::vector<EntityRecord> expected;
  const std::string kinds[] = {"name", "alias", "acronym", "demonym"};
  for (int round = 0; round < 400; ++round) {
    const auto mark = store.mark();
    const size_t kept = expected.size();
    for (int n = 0; n < 3; ++n) {
      EntityRecord r;
      r.id = pick();
      r.label = pick();
      r.name = pick();
      r.type = pick();
      r.title = pick();
      r.ambiguous = rng() % 2;
      r.layer = static_cast<int>(rng() % 4);
      for (size_t k = rng() % 4; k > 0; --k)
        r.surfaces.push_back({rng() % 2 ? r.name : pick(), kinds[rng() % 4], rng() % 2 == 0});
      store.add(r);
      expected.push_back(r);
    }
    if (rng() % 3 == 0) {
      store.rewind(mark);
      expected.resize(kept);
    } else if (!expected.empty()) {
      const size_t i = rng() % expected.size();
      expected[i].label = pick();
      store.set_label(i, expected[i].label);
      expected[i].id = pick();
      store.set_id(i, expected[i].id);
    }
  }
  ASSERT_EQ(store.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    const EntityRecord r = store.record(i);
    const EntityRecord& e = expected[i];
    ASSERT_EQ(std::tie(r.id, r.label, r.name, r.type, r.title, r.ambiguous, r.layer),
              std::tie(e.id, e.label, e.name, e.type, e.title, e.ambiguous, e.layer)) << i;
    ASSERT_EQ(r.surfaces.size(), e.surfaces.size()) << i;
    for (size_t k = 0; k < e.surfaces.size(); ++k)
      EXPECT_EQ(std::tie(r.surfaces[k].text, r.surfaces[k].mention, r.surfaces[k].case_sensitive),
                std::tie(e.surfaces[k].text, e.surfaces[k].mention, e.surfaces[k].case_sensitive));
  }
  store.set_layer(1, 9);
  store.drop_surfaces();
  EXPECT_EQ(store.surface_count(), 0u);
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(store[i].name, expected[i].name);
    EXPECT_EQ(store[i].layer, i >= 1 ? 9 : expected[i].layer);
    EXPECT_TRUE(store.record(i).surfaces.empty());
  }
  EntityRecord odd;
  odd.name = "X";
  odd.surfaces.push_back({"X", "nickname", false});
  EXPECT_THROW(store.add(odd), std::invalid_argument);
}

// The point of the store: in a built Extractor (surfaces dropped, buffers fitted)
// an entry named once, with a generated id, takes about 100 bytes (EntityRecords
// took 200 before the heap allocations of their surfaces and long strings).
TEST(EntityStore, AnEntryTakesAboutAHundredBytes) {
  internal::EntityStore store;
  constexpr size_t kEntries = 20000;
  store.reserve(kEntries);
  for (size_t i = 0; i < kEntries; ++i) {
    EntityRecord r;
    r.name = "Aminata Name" + std::to_string(i);  // 13 to 17 bytes
    r.label = "PERSON";
    r.id = default_entity_id(r.label, r.name);
    r.surfaces.push_back({r.name, "name", false});
    store.add(r);
  }
  store.drop_surfaces();
  EXPECT_LT(store.memory_bytes(), kEntries * 110) << store.memory_bytes() / kEntries;
  EXPECT_EQ(store[kEntries - 1].name, "Aminata Name19999");
  EXPECT_EQ(store[kEntries - 1].id, "person/aminata-name19999");
}

// A thread's extractions reuse its buffers (tokens, folds, per-token facts,
// candidates, the resolver's): a document extracted after others, longer or
// shorter, with more or fewer entities, sentences, acronyms and later mentions, or
// after one above the size whose buffers are released, gives what it gives alone
// (on a thread of its own, whose buffers are new).
TEST(Extractor, ReusedBuffersGiveWhatFreshOnesGive) {
  auto x = build(small_config());
  std::string huge;
  while (huge.size() <= (size_t{1} << 20))
    huge += "Colonel Assimi Goita of Mali met the Economic Community of West African States "
            "(ECOWAS) in Niger. Goita left.\n";
  const std::vector<std::string> texts = {
      "Colonel Assimi Goita of Mali met 12 envoys of the African Union (AU) in Niger. Goita "
      "left. The AU stayed.\nMr. Diop arrived. He spoke.",
      "Niger.",
      "",
      "Traor\xc3\xa9 met \xe2\x80\x9cGoita\xe2\x80\x9d in S\xc3\xa9gou \xe2\x80\xa6 Then "
      "Colonel Assimi Goita left.",
      huge,
      "Goita left. Mali.",
      "The African Union (AU) met in Niger; the AU left. Colonel Assimi Goita of Mali stayed.",
      "x"};
  std::vector<json> alone(texts.size());
  for (size_t i = 0; i < texts.size(); ++i)
    std::thread([&, i] { alone[i] = to_json(x->extract(texts[i]), texts[i]); }).join();
  for (int round = 0; round < 2; ++round)
    for (size_t i = 0; i < texts.size(); ++i)
      EXPECT_EQ(to_json(x->extract(texts[i]), texts[i]), alone[i]) << "text " << i;
  for (size_t i = texts.size(); i-- > 0;)
    EXPECT_EQ(to_json(x->extract(texts[i]), texts[i]), alone[i]) << "text " << i;
}

TEST(BundledResources, LoadAndFindTheSahelCountries) {
  std::string dir = LIPTAKO_DATA_DIR;
  json config = read_json_file(dir + "/config.json");
  ExtractorBuilder b;
  b.add_config(config, dir + "/config.json", dir);
  auto x = std::move(b).build();
  EXPECT_GT(x->stats().entities, 1000u);
  auto got = entities(*x, "Mali, Niger and Burkina Faso formed an alliance.");
  EXPECT_TRUE(has(got, "COUNTRY:Mali:country/MLI"));
  EXPECT_TRUE(has(got, "COUNTRY:Niger:country/NER"));
  EXPECT_TRUE(has(got, "COUNTRY:Burkina Faso:country/BFA"));
}

// Without all_event_modalities only the asserted events are kept, in their order.
TEST(BundledResources, OnlyAssertedEventsAreKeptInOrder) {
  std::string dir = LIPTAKO_DATA_DIR;
  json config = read_json_file(dir + "/config.json");
  ExtractorBuilder b, all;
  b.add_config(config, dir + "/config.json", dir);
  all.add_config(config, dir + "/config.json", dir);
  all.add_config(json::parse(R"({"options": {"all_event_modalities": true}})"), "<test>", dir);
  const std::string text =
      "Mali signed a defence pact with Niger on Monday. Chad could sign the pact next month. "
      "Gunmen attacked a convoy near Gao. Niger did not attack Mali. Burkina Faso signed a "
      "trade deal with Togo.";
  const Document d = std::move(b).build()->extract(text);
  const Document a = std::move(all).build()->extract(text);
  std::vector<std::string> want, got;
  for (const Event& e : a.events)
    if (e.modality == "asserted") want.push_back(e.type + "@" + std::to_string(e.trigger.start));
  for (const Event& e : d.events) got.push_back(e.type + "@" + std::to_string(e.trigger.start));
  EXPECT_EQ(got, want);
  EXPECT_GE(want.size(), 2u);
  EXPECT_GT(a.events.size(), want.size());
}

// Tokens of up to 8 bytes are looked up by their bytes packed into an integer,
// zero-padded: a lexicon word ending in a NUL byte ("Zu\0") must not answer for
// the token "Zu", nor one with a NUL inside for a shorter word.
TEST(Extractor, LexiconWordsWithNulBytesAreNotShorterWords) {
  const std::string text = "Zu Bakary met Kai Traore in Mali.";
  json named = small_config();
  named["lexicons"]["first_names"] = {"Zu", "Kai"};
  const auto with_names = entities(*build(named), text);
  EXPECT_TRUE(has(with_names, "PERSON:Zu Bakary:person/zu-bakary"));
  EXPECT_TRUE(has(with_names, "PERSON:Kai Traore:person/kai-traore"));
  json nul = small_config();
  nul["lexicons"]["first_names"] = {std::string("Zu\0", 3), std::string("Ka\0i", 4)};
  json none = small_config();
  none["lexicons"]["first_names"] = json::array();
  EXPECT_EQ(entities(*build(nul), text), entities(*build(none), text));
  EXPECT_FALSE(has(entities(*build(nul), text), "PERSON:Zu Bakary:person/zu-bakary"));
}

// The recognizers and resolve's later mentions visit only the capitalised and
// all-capitals tokens (DocView::capitals), resuming after the tokens a match
// takes: the same entities as when they visited every token (these lists were
// the output then), with matches at the first and last tokens, runs skipped
// whole ("Eweryst Estkowski Wadowski Zbigniew Kowalczyk"), adjacent matches.
TEST(BundledResources, RecognizersVisitingCapitalsFindWhatEveryTokenGave) {
  std::string dir = LIPTAKO_DATA_DIR;
  json bundled = read_json_file(dir + "/config.json");
  ExtractorBuilder b;  // the bundled lexicons alone: no gazetteer names, no rules
  b.add_config(json{{"lexicons", bundled["lexicons"]}, {"options", {{"stages", {"entities"}}}}},
               "<test>", dir);
  auto x = std::move(b).build();
  auto found = [&x](const std::string& text) {
    std::vector<std::string> out;
    for (const auto& e : x->extract(text).entities)
      out.push_back(e.label + ":" + text.substr(e.start, e.end - e.start) + ":" + e.source);
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(found("NHL teams met Kojima Minoru and Eweryst Estkowski in the NBA"),
            (V{"PERSON:Kojima Minoru:guess", "PERSON:Eweryst Estkowski:guess", "ORG:NBA:guess"}));
  EXPECT_EQ(found("They saw Eweryst Estkowski Wadowski Zbigniew Kowalczyk and Kojima Minoru, "
                  "said 6PR"),
            (V{"PERSON:Kojima Minoru:guess", "ORG:6PR:guess"}));
  EXPECT_EQ(found("They saw Eweryst Estkowski Wadowski Zbigniew 6PR today"), (V{"ORG:6PR:guess"}));
  // a wire service's subject codes in brackets after words in capitals
  EXPECT_EQ(found("TENDER OFFERS, MERGERS (TKV) BANKS (BXQ) and the Sahel Union (SHU) met"),
            (V{"ORG:Sahel Union:org", "ORG:SHU:acronym"}));
  EXPECT_EQ(found("(REG:WXQ;) (REG:BXQ;) WARNING: UNHCR reports"), (V{"ORG:UNHCR:guess"}));
  EXPECT_EQ(found("BC-MALI-WXQ-0404-COX and the FLNB-MNLB talks"),
            (V{"ORG:FLNB:guess", "ORG:MNLB:guess"}));
  // a model's designation: letters, a hyphen and a number
  EXPECT_EQ(found("A Kessa CRJ-200 jet and an SU-35 met the FLNB"), (V{"ORG:FLNB:guess"}));
  // a member of a parliament is no organisation
  EXPECT_EQ(found("The Green MEP and an MSP met the FLNB"), (V{"ORG:FLNB:guess"}));
  EXPECT_EQ(found("Towns near the Niger River and Sahara Desert and Lake Chad"),
            (V{"LOCATION:Niger River:location", "LOCATION:Sahara Desert:location",
               "LOCATION:Lake Chad:location"}));
  EXPECT_EQ(found("Sahel Water Agency and Sahel Water Agency Union Alliance for Peace spoke"),
            (V{"ORG:Sahel Water Agency:org", "ORG:Sahel Water Agency Union Alliance for Peace:org"}));
  EXPECT_EQ(found("Abdoulaye Diop met Assimi Goita. Later Goita and Diop met the Movement for "
                  "Unity and Jihad in West Africa (MUJWA). MUJWA"),
            (V{"PERSON:Abdoulaye Diop:person", "PERSON:Assimi Goita:guess", "PERSON:Goita:coref",
               "PERSON:Diop:coref", "ORG:Movement for Unity and Jihad:org", "ORG:MUJWA:guess",
               "ORG:MUJWA:guess"}));
}

// A time zone after a clock time is the TIME's ("9 a.m. EST"), not a place named like
// it; the place's name elsewhere, and a capitalised word after a date, are still found.
TEST(Extractor, TimeZoneInsideATimeIsNoPlace) {
  json config = small_config();
  config["entities"].push_back({{"name", "Est"}, {"label", "LOCATION"}, {"aliases", {"EST"}}});
  config["entities"].push_back({{"name", "CET"}, {"label", "ORG"}});
  auto x = build(config);
  using V = std::vector<std::string>;
  EXPECT_EQ(texts_labelled(*x, "LOCATION", "Talks resume at 9 a.m. EST on Monday in Niger."),
            V{});
  EXPECT_EQ(texts_labelled(*x, "ORG", "The vote closed at 1800 CET, CET said on Monday."),
            V{"CET"});
  EXPECT_EQ(texts_labelled(*x, "LOCATION", "Fighting in EST and Est on Monday."),
            (V{"EST", "Est"}));
}

// The first word of a title of two words or more opens no name, though it is a given
// name too ("Vice"): the name follows the title. Nor does a one-word title that is a
// given name before another given name ("Imam Harlan Voss").
TEST(Extractor, LongTitleFirstWordOpensNoName) {
  json config = small_config();
  config["lexicons"]["first_names"] = {"Vice", "Imam", "Harlan"};
  config["lexicons"]["person_titles"] = {"Vice President", "Vice Chairman", "Imam"};
  auto x = build(config);
  using V = std::vector<std::string>;
  EXPECT_EQ(texts_labelled(*x, "PERSON", "Vice President Harlan Voss met Vice Chairman Kessa Oru."),
            (V{"Harlan Voss", "Kessa Oru"}));
  EXPECT_EQ(texts_labelled(*x, "PERSON", "Imam Harlan Voss spoke. Vice Harlan Voss spoke."),
            (V{"Harlan Voss", "Vice Harlan Voss"}));
}

// "and" after a capitalised common word belongs to an organisation's name ("the Harlan
// and Dorsey Agency": common words in this configuration); after a country, or after a
// head that ends a name of its own, it joins two names.
TEST(Extractor, AndInsideAnOrganisationName) {
  json config = small_config();
  config["lexicons"]["common_words"] = {"health", "immigration", "union"};
  auto x = build(config);
  using V = std::vector<std::string>;
  EXPECT_EQ(texts_labelled(*x, "ORG", "Officials of the Immigration and Kessa Agency said no."),
            V{"Immigration and Kessa Agency"});
  EXPECT_EQ(texts_labelled(*x, "ORG", "The Mali and Kessa Agency deal and the Voss Union and "
                                      "Oru Agency talks stalled."),
            (V{"Kessa Agency", "Voss Union", "Oru Agency"}));
  // (nor after a known organisation and a common word: "Toyota Motor and Sony Group")
  config["entities"].push_back({{"name", "Kessa"}, {"label", "ORG"}});
  config["lexicons"]["common_words"].push_back("motor");
  auto known = build(config);
  EXPECT_EQ(texts_labelled(*known, "ORG", "Shares of Kessa Motor and Voss Agency fell."),
            (V{"Kessa", "Voss Agency"}));
}

// A head that is also a frequent surname ("Hall") ends an organisation's name, but after
// a given name alone it ends a person's ("Harlan Hall"); an "of" complement stops before
// a person's name ("the Kessa Hall of Famer Assimi Voss").
TEST(Extractor, SurnameHeadAfterAGivenNameIsAPerson) {
  json config = small_config();
  config["lexicons"]["org_heads"].push_back("Hall");
  config["lexicons"]["first_names"].push_back("Harlan");
  auto x = build(config);
  using V = std::vector<std::string>;
  EXPECT_EQ(texts_labelled(*x, "ORG", "Gunmen attacked the Kessa City Hall. Harlan Hall said so."),
            V{"Kessa City Hall"});
  EXPECT_EQ(texts_labelled(*x, "PERSON", "Gunmen attacked the Kessa City Hall. Harlan Hall said so."),
            V{"Harlan Hall"});
  EXPECT_EQ(texts_labelled(*x, "PERSON", "The Kessa Hall of Famer Assimi Voss spoke."),
            V{"Assimi Voss"});
}

// A city or a country of one word named like the surname of a person of the document (or
// the family name written first of "Lai Ching-te") is that person, unless a place
// preposition or "of" stands before it.
TEST(Extractor, PlaceNamedLikeAPersonsSurnameIsThePerson) {
  json config = small_config();
  config["entities"].push_back({{"name", "Kessa"}, {"label", "LOCATION"}, {"id", "location/kessa"}});
  config["entities"].push_back(
      {{"name", "Ibrahim"}, {"label", "LOCATION"}, {"id", "location/ibrahim"}});
  auto x = build(config);
  using V = std::vector<std::string>;
  EXPECT_EQ(ids_labelled(*x, "PERSON", "President Harlan Kessa spoke. Kessa said talks in Kessa "
                                       "and the envoy of Kessa would help."),
            (V{"Harlan Kessa:person/harlan-kessa", "Kessa:person/harlan-kessa"}));
  EXPECT_EQ(ids_labelled(*x, "LOCATION", "President Harlan Kessa spoke. Kessa said talks in Kessa "
                                         "and the envoy of Kessa would help."),
            (V{"Kessa:location/kessa", "Kessa:location/kessa"}));
  EXPECT_EQ(ids_labelled(*x, "LOCATION", "Kessa said talks would help."),
            V{"Kessa:location/kessa"});
  // "to" after a verb of travel is a place preposition too, before or after the full name
  EXPECT_EQ(ids_labelled(*x, "LOCATION", "They flew to Kessa. President Harlan Kessa was freed and "
                                         "travelled back to Kessa. He went to Kessa."),
            (V{"Kessa:location/kessa", "Kessa:location/kessa", "Kessa:location/kessa"}));
  EXPECT_EQ(ids_labelled(*x, "PERSON", "President Harlan Kessa spoke. Mali sent a letter to Kessa."),
            (V{"Harlan Kessa:person/harlan-kessa", "Kessa:person/harlan-kessa"}));
  // a family name written first ("Lai Ching-te") is the person's too; not a given name
  // ("Chad Johnson visited Chad": Extractor.AmbiguousNamesUseContext)
  EXPECT_EQ(ids_labelled(*x, "PERSON", "Ibrahim Ching-te won. Mali congratulated Ibrahim on "
                                       "Friday."),
            (V{"Ibrahim Ching-te:person/ibrahim-ching-te", "Ibrahim:person/ibrahim-ching-te"}));
}

// A person's hyphenated surname whose first part names a place is the person's alone
// too: "Kessa-Ndovu" after "Harlan Kessa-Ndovu", not the place Kessa and the person Ndovu.
TEST(Extractor, HyphenatedSurnameOpeningWithAPlaceIsThePerson) {
  json config = small_config();
  config["entities"].push_back({{"name", "Kessa"}, {"label", "LOCATION"}, {"id", "location/kessa"}});
  auto x = build(config);
  const std::string text =
      "President Harlan Kessa-Ndovu spoke. Kessa-Ndovu said Mali-Niger ties and Kessa-Ruto "
      "mattered.";
  using V = std::vector<std::string>;
  EXPECT_EQ(entities(*x, text),
            (V{"PERSON:Harlan Kessa-Ndovu:person/harlan-kessa-ndovu",
               "PERSON:Kessa-Ndovu:person/harlan-kessa-ndovu", "COUNTRY:Mali:country/MLI",
               "COUNTRY:Niger:country/NER", "LOCATION:Kessa:location/kessa"}));
  // a gazetteer's person so named alone, in a document without the full name
  config["entities"].push_back({{"name", "Harlan Kessa-Ndovu"}, {"label", "PERSON"}});
  auto with_person = build(config);
  EXPECT_EQ(entities(*with_person, "Kessa-Ndovu said Kessa mattered."),
            (V{"PERSON:Kessa-Ndovu:person/harlan-kessa-ndovu", "LOCATION:Kessa:location/kessa"}));
}

// A later mention of a person by the words that end the full name, a particle among them,
// is one mention over all of them: "Vossem de Kessa" after "President Harlan Vossem de
// Kessa", not the surname alone.
TEST(Extractor, LaterMentionByTheFullNamesLastWords) {
  auto x = build(small_config());
  using V = std::vector<std::string>;
  EXPECT_EQ(entities(*x, "They met President Harlan Vossem de Kessa. Vossem de Kessa said no, "
                         "and then de Kessa left."),
            (V{"PERSON:Harlan Vossem de Kessa:person/harlan-vossem-de-kessa",
               "PERSON:Vossem de Kessa:person/harlan-vossem-de-kessa",
               "PERSON:Kessa:person/harlan-vossem-de-kessa"}));
  // so for a gazetteer's person, in a document without the full name
  json config = small_config();
  config["entities"].push_back({{"name", "Harlan Vossem de Kessa"}, {"label", "PERSON"}});
  auto with_person = build(config);
  EXPECT_EQ(entities(*with_person, "The dismissal of Vossem de Kessa surprised no one."),
            (V{"PERSON:Vossem de Kessa:person/harlan-vossem-de-kessa"}));
}

// A later mention by the middle word of a three-word name that opens with a given name,
// itself no given name ("Tchiroma" after "Issa Tchiroma Bakary"), is that person. Not a
// middle given name ("Abdoulaye" after "Ibrahim Abdoulaye Voss").
TEST(Extractor, LaterMentionByTheMiddleWordOfAThreeWordName) {
  auto x = build(small_config());
  using V = std::vector<std::string>;
  EXPECT_EQ(entities(*x, "Former minister Ibrahim Vossem Kessa spoke. Vossem said no."),
            (V{"PERSON:Ibrahim Vossem Kessa:person/ibrahim-vossem-kessa",
               "PERSON:Vossem:person/ibrahim-vossem-kessa"}));
  EXPECT_EQ(texts_labelled(*x, "PERSON", "Former minister Ibrahim Abdoulaye Kessa spoke. "
                                         "Abdoulaye Diallo said no."),
            (V{"Ibrahim Abdoulaye Kessa", "Abdoulaye Diallo"}));
}

// A country's name that is a given name too opens no name after "to", "of" or a place
// preposition when another given name and a name word follow: the name starts there.
TEST(Extractor, CountryBeforeAGivenNameAfterToIsThePlace) {
  json config = small_config();
  config["lexicons"]["first_names"] = {"Mali", "Ibrahim"};
  auto x = build(config);
  using V = std::vector<std::string>;
  const std::string text = "The envoy to Mali Ibrahim Voss left. Mali Ibrahim Voss stayed.";
  EXPECT_EQ(texts_labelled(*x, "PERSON", text), (V{"Ibrahim Voss", "Mali Ibrahim Voss"}));
  EXPECT_EQ(texts_labelled(*x, "COUNTRY", text), V{"Mali"});
}

// After a title, words with no given name that end in an organisation's head name the
// organisation ("the official Kessa News Agency": "official" is a title too); a party's
// adjective ends no person's name ("an Ohio Republican").
TEST(Extractor, TitleBeforeAnOrganisationOrAPartyAdjective) {
  json config = small_config();
  config["lexicons"]["person_titles"] = {"official", "President"};
  config["lexicons"]["first_names"] = {"Ohio", "Harlan"};
  auto x = build(config);
  using V = std::vector<std::string>;
  const std::string text = "The official Kessa News Agency said an Ohio Republican met "
                           "President Harlan Voss.";
  EXPECT_EQ(texts_labelled(*x, "ORG", text), V{"Kessa News Agency"});
  EXPECT_EQ(texts_labelled(*x, "PERSON", text), V{"Harlan Voss"});
}

// A name that opens with a particle and ends a longer person's name of the document is
// that person's ("Van Dijk" after "Ana van Dijk"; "Van" is a given name too, so it is a
// person's name); when two people's names end so, it is neither's.
TEST(Extractor, ParticleSurnameIsTheFullName) {
  json config = small_config();
  config["lexicons"]["first_names"] = {"Ana", "Harlan", "Van"};
  auto x = build(config);
  using V = std::vector<std::string>;
  EXPECT_EQ(ids_labelled(*x, "PERSON", "Ana van Dijk spoke, and then Van Dijk left."),
            (V{"Ana van Dijk:person/ana-van-dijk", "Van Dijk:person/ana-van-dijk"}));
  const V two = ids_labelled(*x, "PERSON",
                             "Ana van Dijk and Harlan van Dijk spoke, and then Van Dijk left.");
  ASSERT_EQ(two.size(), 3u);
  EXPECT_EQ(two[2], "Van Dijk:person/van-dijk");
}

// An organisation's one-word alias after a capitalised word, mid-sentence, that is no
// title and ends no name the gazetteer found ends a longer, unknown name ("Social
// Democrats"); after a title, at a sentence's start or alone it is the alias.
TEST(Extractor, OneWordAliasEndingALongerUnknownName) {
  json config = small_config();
  config["entities"].push_back(
      {{"name", "Kessa Democratic Party"}, {"label", "ORG"}, {"aliases", {"Democrats"}}});
  auto x = build(config);
  using V = std::vector<std::string>;
  EXPECT_EQ(texts_labelled(*x, "ORG", "Harlan Voss's Social Democrats lost, and the Democrats "
                                      "and President Democrats won."),
            (V{"Democrats", "Democrats"}));
  EXPECT_EQ(texts_labelled(*x, "ORG", "Social Democrats lost."), V{"Democrats"});
}

// An organisation's alias whose name names a country ("Senate" of the Niger Senate)
// after another country's possessive is that country's body, unlinked, and so is the
// same alias elsewhere in the document, but after its own country's.
TEST(Extractor, CountrysBodyAliasAfterAnotherCountrysPossessive) {
  json config = small_config();
  config["entities"].push_back(
      {{"name", "Niger Senate"}, {"label", "ORG"}, {"id", "org/niger-senate"}, {"aliases", {"Senate"}}});
  auto x = build(config);
  using V = std::vector<std::string>;
  EXPECT_EQ(entities(*x, "The Senate met. Mali's Senate voted. Niger's Senate did not."),
            (V{"ORG:Senate:org/senate", "COUNTRY:Mali:country/MLI", "ORG:Senate:org/senate",
               "COUNTRY:Niger:country/NER", "ORG:Senate:org/niger-senate"}));
  EXPECT_EQ(entities(*x, "The Senate met. Niger's Senate voted."),
            (V{"ORG:Senate:org/niger-senate", "COUNTRY:Niger:country/NER",
               "ORG:Senate:org/niger-senate"}));
  // In a document that names other countries and never its own, the alias is unlinked
  // ("Demonstrators clashed with police near Congress" in a story from Peru); naming its
  // own country anywhere, or no country at all, keeps it that country's.
  EXPECT_EQ(entities(*x, "Mali will vote in April. The Senate met."),
            (V{"COUNTRY:Mali:country/MLI", "ORG:Senate:org/senate"}));
  EXPECT_EQ(entities(*x, "Mali will vote in April. The Senate met. Niger agreed."),
            (V{"COUNTRY:Mali:country/MLI", "ORG:Senate:org/niger-senate",
               "COUNTRY:Niger:country/NER"}));
  EXPECT_EQ(entities(*x, "The Senate met."), V{"ORG:Senate:org/niger-senate"});
}

// A capital letter alone opening a sentence is the article, not an organisation's
// acronym; elsewhere it may be part of the name.
TEST(Extractor, SentenceInitialArticleOpensNoOrganisation) {
  json config = small_config();
  config["lexicons"]["nonname_capitalized"].push_back("A");
  auto x = build(config);
  using V = std::vector<std::string>;
  EXPECT_EQ(texts_labelled(*x, "ORG", "A Kessa Agency official said."), V{"Kessa Agency"});
  EXPECT_EQ(texts_labelled(*x, "ORG", "He joined the Class A Kessa Agency."),
            V{"Class A Kessa Agency"});
}

// An ambiguous country's one-word alias ending the longer name of the one other country
// the document names so is that country ("Congo" after "Democratic Republic of Congo").
TEST(Extractor, ShortCountryAliasAfterAnotherCountrysLongerName) {
  json config = small_config();
  config["entities"].push_back({{"name", "Republic of Kessa"}, {"label", "COUNTRY"},
                                {"id", "country/RKS"}, {"aliases", {"Kessa"}},
                                {"ambiguous", true}});
  config["entities"].push_back(
      {{"name", "Democratic Republic of Kessa"}, {"label", "COUNTRY"}, {"id", "country/DRK"}});
  auto x = build(config);
  using V = std::vector<std::string>;
  EXPECT_EQ(entities(*x, "The Democratic Republic of Kessa voted. Kessa's army said no."),
            (V{"COUNTRY:Democratic Republic of Kessa:country/DRK", "COUNTRY:Kessa:country/DRK"}));
  EXPECT_EQ(entities(*x, "Kessa's army said no."), V{"COUNTRY:Kessa:country/RKS"});
  EXPECT_EQ(entities(*x, "The Democratic Republic of Kessa and the Republic of Kessa met. Kessa "
                         "said no."),
            (V{"COUNTRY:Democratic Republic of Kessa:country/DRK",
               "COUNTRY:Republic of Kessa:country/RKS", "COUNTRY:Kessa:country/RKS"}));
}

// After "the" (or a country's possessive), capitalised words before a lowercase noun of
// what an organisation is name it ("the Kessa Metall union", "the Voss newspaper", "the
// Varno militant faction", "Mali's Kessa Metall institute");
// not a country's name or demonym the gazetteer found, nor a "group" (a person's backers).
TEST(Extractor, OrganisationBeforeATypeNoun) {
  auto x = build(small_config());
  using V = std::vector<std::string>;
  EXPECT_EQ(texts_labelled(*x, "ORG", "Members of the Kessa Metall union and the Voss "
                                      "newspaper met the Varno militant faction."),
            (V{"Kessa Metall", "Voss", "Varno"}));
  EXPECT_EQ(texts_labelled(*x, "ORG", "The Malian union and the Mali union met. The "
                                      "Kessa group met."),
            V{});
  // after a country's possessive too, not a person's
  EXPECT_EQ(texts_labelled(*x, "ORG", "Mali's Kessa Metall institute said so."),
            (V{"Kessa Metall"}));
  EXPECT_EQ(texts_labelled(*x, "ORG", "Assimi's Kessa Metall institute said so."), V{});
  // after "the" and a modifier: "the ruling Pheu Kessa party"
  EXPECT_EQ(texts_labelled(*x, "ORG", "They marched against the ruling Pheu Kessa party."),
            (V{"Pheu Kessa"}));
  // a demonym that ends the name after a rare word ("the ruling Pheu Malian party"), not
  // one that opens it or is joined by a hyphen
  EXPECT_EQ(entities(*x, "They marched against the ruling Pheu Malian party."),
            (V{"ORG:Pheu Malian:org/pheu-malian"}));
  EXPECT_EQ(texts_labelled(*x, "ORG", "The Malian Kessa union and the Kessa-Malian union met."),
            V{});
  // common words only: two or three of them name it ("The Independent Patriotic Change
  // party"), one does not ("the Patriotic party")
  json common = small_config();
  common["lexicons"]["common_words"] = {"independent", "patriotic", "change"};
  auto y = build(common);
  EXPECT_EQ(texts_labelled(*y, "ORG", "The Independent Patriotic Change party and the Patriotic "
                                      "party met."),
            (V{"Independent Patriotic Change"}));
}

// A name of two or more words that its context named (a type noun, a place noun) names
// the same where its words stand again, not inside a longer name.
TEST(Extractor, ContextNamedNameRepeated) {
  auto x = build(small_config());
  using V = std::vector<std::string>;
  EXPECT_EQ(entities(*x, "The Kessa Vorn union struck. Later Kessa Vorn said no."),
            (V{"ORG:Kessa Vorn:org/kessa-vorn", "ORG:Kessa Vorn:org/kessa-vorn"}));
  EXPECT_EQ(entities(*x, "Pheu Malian won. They voted for the ruling Pheu Malian party."),
            (V{"ORG:Pheu Malian:org/pheu-malian", "ORG:Pheu Malian:org/pheu-malian"}));
  EXPECT_EQ(texts_labelled(*x, "LOCATION", "Troops left the town of Dori Koro. Dori Koro fell."),
            (V{"Dori Koro", "Dori Koro"}));
  // not inside a longer name, nor in lowercase
  EXPECT_EQ(texts_labelled(*x, "ORG", "The Kessa Vorn union struck. Abdoulaye Kessa Vorn "
                                      "and Kessa Vorn Dori spoke of kessa vorn."),
            V{"Kessa Vorn"});
}

// After "the", up to two lowercase words and a lowercase noun of what an organisation is
// (or "group"), capitalised words name it ("the rights group Foro Vorn", "the daily Le
// Varno"), and so after who works there and "at" ("analysts at Varnholt"); not a country's
// name, nor only common words.
TEST(Extractor, OrganisationAfterATypeNoun) {
  json config = small_config();
  config["lexicons"]["common_words"] = {"sunday"};
  auto x = build(config);
  using V = std::vector<std::string>;
  EXPECT_EQ(texts_labelled(*x, "ORG", "The rights group Foro Vorn said so, and the daily Le "
                                      "Varno agreed."),
            (V{"Foro Vorn", "Le Varno"}));
  EXPECT_EQ(texts_labelled(*x, "ORG", "The armed group Mali fled. The party Sunday said so."), V{});
  // So do they after who works there and "at", with "& <name words>" after them.
  EXPECT_EQ(texts_labelled(*x, "ORG", "Analysts at Varnholt said so, and an economist at Kessa "
                                      "Vorn & Drew agreed."),
            (V{"Varnholt", "Kessa Vorn & Drew"}));
  EXPECT_EQ(texts_labelled(*x, "ORG", "Analysts at Mali said so. Analysts at Sunday agreed."), V{});
  // So do they between commas after the noun ("the main opposition party, Chadema, was
  // barred"), not without the closing comma.
  EXPECT_EQ(texts_labelled(*x, "ORG", "The main opposition party, Varnoma, was barred."),
            V{"Varnoma"});
  EXPECT_EQ(texts_labelled(*x, "ORG", "Mali's junta dissolved the party, Varnoma said."), V{});
}

// An organisation's name followed by a thing's head word names the thing ("the Kessa
// Agency Summit", "the Democratic National Convention"), no organisation.
TEST(Extractor, OrganisationBeforeAThingHeadIsNone) {
  auto x = build(small_config());
  using V = std::vector<std::string>;
  EXPECT_EQ(texts_labelled(*x, "ORG", "Delegates met at the Kessa Agency Summit."), V{});
  EXPECT_EQ(texts_labelled(*x, "ORG", "Delegates met at the Kessa Agency."), V{"Kessa Agency"});
}

// The first word of an org prefix whose name goes on in capitals ("National Assembly of")
// ends a name only where no capitalised word follows: "Kessa National lent" is one, "Malian
// National Security Adviser" holds none; a prefix's own head ("Agency for") ends names anywhere.
TEST(Extractor, OrgPrefixAdjectiveEndsANameOnlyBeforeLowercase) {
  json config = small_config();
  config["lexicons"]["org_prefixes"] = {"National Assembly of", "Agency for"};
  config["lexicons"]["person_titles"].push_back("National Security Adviser");
  auto x = build(config);
  using V = std::vector<std::string>;
  EXPECT_EQ(texts_labelled(*x, "ORG", "The bank lent Kessa National $5 million."), V{"Kessa National"});
  EXPECT_EQ(texts_labelled(*x, "ORG", "Malian National Security Adviser Assimi Voss said so."), V{});
  EXPECT_EQ(texts_labelled(*x, "ORG", "The Kessa Agency Director said so."), V{"Kessa Agency"});
}

// A word of no lexicon in -er before a given name says where someone is from or what
// someone is: the name starts after it ("Kessalander Assimi Voss", "Hall of Famer Ibrahim
// Voss"); a given name in -er opens the name itself.
TEST(Extractor, AgentWordBeforeAGivenName) {
  auto x = build(small_config());
  using V = std::vector<std::string>;
  EXPECT_EQ(texts_labelled(*x, "PERSON", "The winner was Kessalander Assimi Voss."),
            (V{"Assimi Voss"}));
  EXPECT_EQ(texts_labelled(*x, "PERSON", "He was a Hall of Famer Ibrahim Voss."),
            (V{"Ibrahim Voss"}));
}

// An organisation's name and a country's name name its national branch ("Amnesty
// International Kenya said"); not before a noun of what two parties share ("the African
// Union Mali summit"), nor after "told".
TEST(Extractor, OrganisationsNationalBranch) {
  auto x = build(small_config());
  using V = std::vector<std::string>;
  EXPECT_EQ(entities(*x, "African Union Mali said 22 people died."),
            (V{"ORG:African Union Mali:org/african-union-mali"}));
  EXPECT_EQ(entities(*x, "Leaders met at the African Union Mali summit."),
            (V{"ORG:African Union:org/african-union", "COUNTRY:Mali:country/MLI"}));
  EXPECT_EQ(entities(*x, "He told African Union Mali was calm."),
            (V{"ORG:African Union:org/african-union", "COUNTRY:Mali:country/MLI"}));
}

// A club's prefix in capitals before name words names the club ("FC Kessa", "AC
// Varno-Sport"), the town inside it no place; so does a suffix after a place ("Kessa HC").
TEST(Extractor, ClubAfterItsPrefix) {
  json config = small_config();
  config["entities"].push_back({{"name", "Kessa"}, {"label", "LOCATION"}});
  auto x = build(config);
  using V = std::vector<std::string>;
  EXPECT_EQ(entities(*x, "He left AC Varno-Sport for FC Kessa in 2007."),
            (V{"ORG:AC Varno-Sport:org/ac-varno-sport", "ORG:FC Kessa:org/fc-kessa"}));
  // and a place before a club's suffix: "Kessa HC"
  EXPECT_EQ(entities(*x, "They beat Kessa HC at home in Kessa."),
            (V{"ORG:Kessa HC:org/kessa-hc", "LOCATION:Kessa:location/kessa"}));
}

// A nickname between quotes inside a name is the name's ("Assimi "Kessa" Voss"), and the
// surname alone later is that person; a quotation after a name is not.
TEST(Extractor, NicknameBetweenQuotesInsideAName) {
  auto x = build(small_config());
  using V = std::vector<std::string>;
  EXPECT_EQ(texts_labelled(*x, "PERSON", "Assimi \"Kessa\" Voss spoke. Voss left."),
            (V{"Assimi \"Kessa\" Voss", "Voss"}));
  EXPECT_EQ(texts_labelled(*x, "PERSON", "Police said Assimi Voss \"is safe\" now."),
            (V{"Assimi Voss"}));
}

// An organisation's name inside a title of several words before a person's name is the
// title's word: "Labour Minister Simon Lalong" holds no Labour Party.
TEST(Extractor, OrganisationInsideATitleIsTheTitles) {
  json config = small_config();
  config["entities"].push_back({{"name", "Kessa Party"}, {"label", "ORG"}, {"aliases", {"Kessa"}}});
  config["lexicons"]["person_titles"].push_back("Kessa Minister");
  auto x = build(config);
  using V = std::vector<std::string>;
  EXPECT_EQ(texts_labelled(*x, "ORG", "Kessa Minister Assimi Voss said so."), V{});
  EXPECT_EQ(texts_labelled(*x, "PERSON", "Kessa Minister Assimi Voss said so."), V{"Assimi Voss"});
  EXPECT_EQ(texts_labelled(*x, "ORG", "Kessa said so, and Kessa leader Assimi Voss agreed."),
            (V{"Kessa", "Kessa"}));
}

// An organisation's alias whose name names a country, after that country's name (not its
// demonym), takes it into its name: "U.S. Justice Department".
TEST(Extractor, CountryNameBeforeItsBodysAlias) {
  json config = small_config();
  config["entities"].push_back({{"name", "Kessaland"}, {"label", "COUNTRY"},
                                {"id", "country/KSL"}, {"acronyms", {"KSL"}},
                                {"demonyms", {"Kessalandic"}}});
  config["entities"].push_back({{"name", "Kessaland Interior Ministry"}, {"label", "ORG"},
                                {"id", "org/ksl-interior"}, {"aliases", {"Interior Ministry"}}});
  auto x = build(config);
  using V = std::vector<std::string>;
  EXPECT_EQ(entities(*x, "The KSL Interior Ministry said no."),
            V{"ORG:KSL Interior Ministry:org/ksl-interior"});
  EXPECT_EQ(entities(*x, "The Kessalandic Interior Ministry said no."),
            (V{"COUNTRY:Kessalandic:country/KSL", "ORG:Interior Ministry:org/ksl-interior"}));
}
