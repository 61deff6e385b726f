// EventExtractor: triggers, participants and roles, dates, modality, merging, config errors.
// Inputs are built by hand: sentences, entities with byte offsets found by surface search,
// timexes with their values.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <cctype>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <re2/re2.h>

#include "events_testing.h"
#include "liptako/errors.h"
#include "liptako/events.h"
#include "liptako/output.h"
#include "liptako/segmenter.h"
#include "liptako/text.h"
#include "random_text.h"

namespace liptako {
namespace {

using json = nlohmann::json;

std::string taxonomy_path() {
  if (const char* dir = std::getenv("LIPTAKO_DATA_DIR")) return std::string(dir) + "/events.json";
  std::string here = __FILE__;  // .../tests/cpp/test_events.cpp
  auto pos = here.rfind("tests/cpp/");
  return here.substr(0, pos) + "python/liptako/data/events.json";
}

const EventExtractor& bundled() {
  static const EventExtractor* ex = [] {
    std::ifstream in(taxonomy_path());
    if (!in) throw std::runtime_error("cannot open " + taxonomy_path());
    return new EventExtractor(json::parse(in), taxonomy_path());
  }();
  return *ex;
}

struct EntitySpec {
  std::string surface;
  std::string label;
  std::string id;
  int occurrence = 0;  // which occurrence of `surface` in the text
  std::string mention = "name";
};

struct TimexSpec {
  std::string surface;
  std::string value;
  std::string type = "DATE";
  std::string anchor = "none";
};

// A small document: sentences joined by one space; entities and timexes located by surface.
struct Doc {
  std::string text;
  std::vector<Sentence> sentences;
  std::vector<Entity> entities;
  std::vector<Timex> timexes;

  Doc(const std::vector<std::string>& sents, const std::vector<EntitySpec>& ents,
      const std::vector<TimexSpec>& txs = {}) {
    for (const auto& s : sents) {
      if (!text.empty()) text += " ";
      uint32_t b = static_cast<uint32_t>(text.size());
      text += s;
      sentences.push_back({b, static_cast<uint32_t>(text.size())});
    }
    for (const auto& e : ents) {
      size_t pos = find(e.surface, e.occurrence);
      Entity x;
      x.start = static_cast<uint32_t>(pos);
      x.end = static_cast<uint32_t>(pos + e.surface.size());
      x.label = e.label;
      x.id = e.id;
      x.name = e.id.substr(e.id.find('/') + 1);
      x.mention = e.mention;
      x.source = "gazetteer";
      x.sentence = sentence_of(pos);
      entities.push_back(x);
    }
    std::sort(entities.begin(), entities.end(),
              [](const Entity& a, const Entity& b) { return a.start < b.start; });
    for (const auto& t : txs) {
      size_t pos = find(t.surface, 0);
      Timex x;
      x.start = static_cast<uint32_t>(pos);
      x.end = static_cast<uint32_t>(pos + t.surface.size());
      x.type = t.type;
      x.value = t.value;
      x.anchor = t.anchor;
      x.sentence = sentence_of(pos);
      timexes.push_back(x);
    }
    std::sort(timexes.begin(), timexes.end(),
              [](const Timex& a, const Timex& b) { return a.start < b.start; });
  }

  size_t find(const std::string& surface, int occurrence) const {
    size_t pos = std::string::npos, from = 0;
    for (int i = 0; i <= occurrence; ++i) {
      // whole word
      while (true) {
        pos = text.find(surface, from);
        if (pos == std::string::npos) break;
        bool left = pos == 0 || !std::isalnum(static_cast<unsigned char>(text[pos - 1]));
        size_t e = pos + surface.size();
        bool right = e >= text.size() || !std::isalnum(static_cast<unsigned char>(text[e]));
        if (left && right) break;
        from = pos + 1;
      }
      if (pos == std::string::npos) throw std::runtime_error("surface not found: " + surface);
      from = pos + 1;
    }
    return pos;
  }
  int sentence_of(size_t pos) const {
    for (size_t i = 0; i < sentences.size(); ++i)
      if (pos >= sentences[i].start && pos < sentences[i].end) return static_cast<int>(i);
    return static_cast<int>(sentences.size()) - 1;
  }
  std::vector<Event> run(const EventExtractor& ex = bundled()) const {
    return ex.extract(text, sentences, entities, timexes, std::nullopt);
  }
  // run(), the document dated `dct`.
  std::vector<Event> run_on(const CalendarDate& dct) const {
    return bundled().extract(text, sentences, entities, timexes, dct);
  }
  std::string slice(Span s) const { return text.substr(s.start, s.end - s.start); }
};

EntitySpec C(const std::string& name, const std::string& iso, int occ = 0) {
  return {name, "COUNTRY", "country/" + iso, occ};
}
EntitySpec O(const std::string& name, const std::string& slug, int occ = 0) {
  return {name, "ORG", "org/" + slug, occ};
}
EntitySpec P(const std::string& name, const std::string& slug, int occ = 0) {
  return {name, "PERSON", "person/" + slug, occ};
}
EntitySpec L(const std::string& name, const std::string& slug, int occ = 0) {
  return {name, "LOCATION", "location/" + slug, occ};
}

// A gazetteer mention for each token of `text` that `names` (surface -> entity id)
// lists: an ORG for an "org/" id, else a COUNTRY.
std::vector<Entity> named_tokens(const std::string& text, const TokenizedText& tt,
                                 const std::map<std::string, std::string>& names) {
  std::vector<Entity> entities;
  for (size_t k = 0; k < tt.tokens.size(); ++k) {
    const Token& t = tt.tokens[k];
    auto it = names.find(text.substr(t.start, t.end - t.start));
    if (it == names.end()) continue;
    Entity e;
    e.start = t.start;
    e.end = t.end;
    e.id = it->second;
    e.label = e.id.rfind("org/", 0) == 0 ? "ORG" : "COUNTRY";
    e.name = it->first;
    e.mention = "name";
    e.source = "gazetteer";
    e.sentence = static_cast<int>(tt.sentence_of_token[k]);
    entities.push_back(e);
  }
  return entities;
}

// The events of `type` and `modality` ("" for any).
std::vector<Event> of_type(const std::vector<Event>& evs, const std::string& type,
                           const std::string& modality = "asserted") {
  std::vector<Event> out;
  for (const auto& e : evs)
    if (e.type == type && (modality.empty() || e.modality == modality)) out.push_back(e);
  return out;
}

bool has(const Event& e, const std::string& id, const std::string& role = "") {
  for (const auto& p : e.participants)
    if (p.id == id && (role.empty() || p.role == role)) return true;
  return false;
}

// ------------------------------------------------------------------ AGREEMENT

TEST(Agreement, CoordinatedSignersAllActors) {
  Doc d({"Ghana, Togo and Benin signed a border treaty in the capital."},
        {C("Ghana", "GHA"), C("Togo", "TGO"), C("Benin", "BEN")});
  auto evs = of_type(d.run(), "AGREEMENT");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_EQ(evs[0].cameo, "05");
  EXPECT_EQ(d.slice(evs[0].trigger), "signed");
  EXPECT_TRUE(has(evs[0], "country/GHA", "actor"));
  EXPECT_TRUE(has(evs[0], "country/TGO", "actor"));
  EXPECT_TRUE(has(evs[0], "country/BEN", "actor"));
  EXPECT_FALSE(evs[0].date.has_value());
}

// A line that links to another story ("Also read: ...", "Read more: ...") reports
// none of this article's events; the same words elsewhere do.
// "agree" needs an agreement noun within eight words after it ("agreed on Saturday to a
// 72-hour ceasefire"), not further.
TEST(Agreement, AgreedToACeasefire) {
  Doc d({"Rwanda and Libya agreed on Saturday to a 72-hour ceasefire."},
        {C("Rwanda", "RWA"), C("Libya", "LBY")}, {{"Saturday", "XXXX-WXX-6"}});
  auto evs = of_type(d.run(), "AGREEMENT");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "country/RWA", "actor"));
  EXPECT_TRUE(has(evs[0], "country/LBY", "actor"));
  Doc far({"Rwanda and Libya agreed that the talks about the border would go on despite the truce."},
          {C("Rwanda", "RWA"), C("Libya", "LBY")});
  EXPECT_TRUE(of_type(far.run(), "AGREEMENT").empty());
  // a ceasefire or truce between two sides, or that took effect or began, is their agreement
  Doc between({"The ceasefire between Rwanda and Libya took effect on Saturday."},
              {C("Rwanda", "RWA"), C("Libya", "LBY")}, {{"Saturday", "XXXX-WXX-6"}});
  auto truce = of_type(between.run(), "AGREEMENT");
  ASSERT_EQ(truce.size(), 1u);
  EXPECT_TRUE(has(truce[0], "country/RWA", "actor"));
  EXPECT_TRUE(has(truce[0], "country/LBY", "actor"));
  // who brokered it is no party to it
  // a ceasefire that only names talks, a plan or efforts is none agreed
  Doc talks({"Chad mediated ceasefire talks between Rwanda and Libya."},
            {C("Chad", "TCD"), C("Rwanda", "RWA"), C("Libya", "LBY")});
  auto run_talks = talks.run();
  EXPECT_TRUE(of_type(run_talks, "AGREEMENT").empty());
  EXPECT_EQ(of_type(run_talks, "MEETING").size(), 1u);
  Doc brokered({"Chad brokered a truce between Rwanda and Libya."},
               {C("Chad", "TCD"), C("Rwanda", "RWA"), C("Libya", "LBY")});
  auto mediated = of_type(brokered.run(), "AGREEMENT");
  ASSERT_EQ(mediated.size(), 1u);
  EXPECT_FALSE(has(mediated[0], "country/TCD"));
  EXPECT_TRUE(has(mediated[0], "country/RWA", "actor"));
  Doc violated({"Rwanda violated the truce in Libya."}, {C("Rwanda", "RWA"), C("Libya", "LBY")});
  EXPECT_TRUE(of_type(violated.run(), "AGREEMENT").empty());
  // a country's body coordinated with another side: both are parties
  Doc body({"Rwanda's government and the Kessa Front began a ceasefire on Saturday."},
           {C("Rwanda", "RWA"), O("Kessa Front", "kessa-front")}, {{"Saturday", "XXXX-WXX-6"}});
  auto sides = of_type(body.run(), "AGREEMENT");
  ASSERT_EQ(sides.size(), 1u);
  EXPECT_TRUE(has(sides[0], "country/RWA", "actor"));
  EXPECT_TRUE(has(sides[0], "org/kessa-front", "actor"));
  // a ceasefire the sides began, a modifier of two words before it
  Doc began({"Rwanda and Libya began a six-month ceasefire on Saturday."},
            {C("Rwanda", "RWA"), C("Libya", "LBY")}, {{"Saturday", "XXXX-WXX-6"}});
  auto begun = of_type(began.run(), "AGREEMENT");
  ASSERT_EQ(begun.size(), 1u);
  EXPECT_TRUE(has(begun[0], "country/RWA", "actor"));
  EXPECT_TRUE(has(begun[0], "country/LBY", "actor"));
}

// Reaching, striking, clinching or securing a deal, an agreement or an accord concludes it (at most
// three words between); reaching a place before a deal is named does not.
TEST(Agreement, ReachedOrStruckADeal) {
  for (const char* s : {"Rwanda and Libya reached a tentative peace agreement on Saturday.",
                        "Rwanda reached a deal with Libya on Saturday.",
                        "Rwanda struck a new gas deal with Libya on Saturday.",
                        "Rwanda clinched an accord with Libya on Saturday.",
                        "Rwanda secured an agreement with Libya on Saturday."}) {
    Doc d({s}, {C("Rwanda", "RWA"), C("Libya", "LBY")}, {{"Saturday", "XXXX-WXX-6"}});
    auto evs = of_type(d.run(), "AGREEMENT");
    ASSERT_EQ(evs.size(), 1u) << s;
    EXPECT_TRUE(has(evs[0], "country/RWA", "actor")) << s;
    EXPECT_TRUE(has(evs[0], "country/LBY", "actor")) << s;
    ASSERT_TRUE(evs[0].date.has_value()) << s;
  }
  Doc reached({"Rebels from Rwanda reached Libya on Saturday and a deal collapsed."},
              {C("Rwanda", "RWA"), C("Libya", "LBY")});
  EXPECT_TRUE(of_type(reached.run(), "AGREEMENT").empty());
}

TEST(Agreement, LinkToAnotherStoryIsNoEvent) {
  for (const char* cue : {"Also read: ", "READ MORE: ", "Related: ", "See also: "}) {
    Doc d({std::string(cue) + "Ghana and Togo signed a border treaty."},
          {C("Ghana", "GHA"), C("Togo", "TGO")});
    EXPECT_TRUE(of_type(d.run(), "AGREEMENT").empty()) << cue;
  }
  Doc d({"Read by all, Ghana and Togo signed a border treaty."}, {C("Ghana", "GHA"), C("Togo", "TGO")});
  EXPECT_EQ(of_type(d.run(), "AGREEMENT").size(), 1u);
}

TEST(Agreement, SignWithoutAgreementNounIsNoEvent) {
  Doc d({"Kenya signed the new striker from Uganda last week."},
        {C("Kenya", "KEN"), C("Uganda", "UGA")});
  EXPECT_TRUE(of_type(d.run(), "AGREEMENT").empty());
  // signing a law or an order that names a deal signs no deal
  for (const char* s : {"Kenya signed a law on Saturday nullifying the deal with Uganda.",
                        "Kenya signed an executive order ending the pact with Uganda."}) {
    Doc law({s}, {C("Kenya", "KEN"), C("Uganda", "UGA")});
    EXPECT_TRUE(of_type(law.run(), "AGREEMENT").empty()) << s;
  }
}

// A framework signed is an agreement ("Sadat and Begin signed a framework for peace").
TEST(Agreement, SignedAFramework) {
  Doc d({"Abel Kessa and Harlan Voss signed a framework for peace in Dori."},
        {P("Abel Kessa", "abel-kessa"), P("Harlan Voss", "harlan-voss"), L("Dori", "dori")});
  auto evs = of_type(d.run(), "AGREEMENT");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "person/abel-kessa", "actor"));
  EXPECT_TRUE(has(evs[0], "person/harlan-voss", "actor"));
}

TEST(Agreement, PassiveWithByAndDate) {
  Doc d({"A trade accord was signed by Peru and Chile on Monday."},
        {C("Peru", "PER"), C("Chile", "CHL")}, {{"Monday", "XXXX-WXX-1"}});
  auto evs = of_type(d.run(), "AGREEMENT");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "country/PER", "actor"));
  EXPECT_TRUE(has(evs[0], "country/CHL", "actor"));
  ASSERT_TRUE(evs[0].date.has_value());
  EXPECT_EQ(evs[0].date->value, "XXXX-WXX-1");
  EXPECT_EQ(evs[0].date->text, "Monday");
  EXPECT_EQ(evs[0].date->source, "sentence");
}

TEST(Agreement, NominalisationSigningOf) {
  Doc d({"Norway hosted the signing of the charter."}, {C("Norway", "NOR")});
  auto evs = of_type(d.run(), "AGREEMENT");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_EQ(d.slice(evs[0].trigger), "signing");
  EXPECT_TRUE(has(evs[0], "country/NOR", "actor"));
}

TEST(Agreement, RatifiesInflection) {
  Doc d({"Portugal ratifies the convention."}, {C("Portugal", "PRT")});
  EXPECT_EQ(of_type(d.run(), "AGREEMENT").size(), 1u);
}

TEST(Agreement, NegatedAndHypothetical) {
  Doc neg({"Sudan did not sign the ceasefire agreement."}, {C("Sudan", "SDN")});
  auto evs = neg.run();
  EXPECT_TRUE(of_type(evs, "AGREEMENT").empty());
  EXPECT_EQ(of_type(evs, "AGREEMENT", "negated").size(), 1u);

  Doc never({"Eritrea never signed the accord."}, {C("Eritrea", "ERI")});
  EXPECT_EQ(of_type(never.run(), "AGREEMENT", "negated").size(), 1u);

  // an infinitive's marker may stand further back in its clause
  Doc trip({"Joe Park will travel to Tunis later this month to meet Ana Lima."},
           {P("Joe Park", "joe-park"), L("Tunis", "tunis"), P("Ana Lima", "ana-lima")});
  EXPECT_TRUE(of_type(trip.run(), "MEETING").empty());
  EXPECT_EQ(of_type(trip.run(), "MEETING", "hypothetical").size(), 1u);
  Doc went({"Joe Park travelled to Tunis on Monday to meet Ana Lima."},
           {P("Joe Park", "joe-park"), L("Tunis", "tunis"), P("Ana Lima", "ana-lima")});
  EXPECT_EQ(of_type(went.run(), "MEETING").size(), 1u);
  // (and so may those of a bare verb after "and" whose object the nominal is)
  Doc snap({"Harlan Voss said he would dissolve the lower house on Monday and hold a snap "
            "general election in Chad."},
           {P("Harlan Voss", "harlan-voss"), C("Chad", "TCD")});
  EXPECT_TRUE(of_type(snap.run(), "ELECTION").empty());
  EXPECT_EQ(of_type(snap.run(), "ELECTION", "hypothetical").size(), 1u);
  Doc held_one({"Harlan Voss dissolved the lower house on Monday and held a snap general "
                "election in Chad."},
               {P("Harlan Voss", "harlan-voss"), C("Chad", "TCD")});
  EXPECT_EQ(of_type(held_one.run(), "ELECTION").size(), 1u);

  // a nominal whose own verb looks ahead has not happened yet ("will be held"), unlike one
  // that is only spoken of ahead ("will be investigated") or would have been
  Doc held({"The presidential election in Chad will be held on Sunday.",
            "Talks between Chad and Libya are due to begin on Monday.",
            "The attack on Tunis will be investigated."},
           {C("Chad", "TCD"), C("Chad", "TCD", 1), C("Libya", "LBY"), L("Tunis", "tunis")});
  auto ahead = held.run();
  EXPECT_TRUE(of_type(ahead, "ELECTION").empty());
  EXPECT_EQ(of_type(ahead, "ELECTION", "hypothetical").size(), 1u);
  EXPECT_TRUE(of_type(ahead, "MEETING").empty());
  EXPECT_EQ(of_type(ahead, "ATTACK").size(), 1u);
  // what is called (an election, a strike) lies ahead; what is called so happened
  Doc called({"Joe Park dissolved parliament and called a snap parliamentary election in Chad.",
              "Joe Park called the attack on Tunis cowardly."},
             {P("Joe Park", "joe-park"), C("Chad", "TCD"), P("Joe Park", "joe-park", 1),
              L("Tunis", "tunis")});
  auto calls = called.run();
  EXPECT_TRUE(of_type(calls, "ELECTION").empty());
  EXPECT_EQ(of_type(calls, "ELECTION", "hypothetical").size(), 1u);
  EXPECT_EQ(of_type(calls, "ATTACK").size(), 1u);

  // what is demanded has not happened
  Doc demanded({"Protesters demanded the withdrawal of French troops from Niger."},
               {C("French", "FRA"), C("Niger", "NER")});
  EXPECT_TRUE(of_type(demanded.run(), "WITHDRAWAL").empty());
  EXPECT_EQ(of_type(demanded.run(), "WITHDRAWAL", "hypothetical").size(), 1u);

  // troops preparing or poised to attack have not attacked yet
  for (const char* s : {"French troops were preparing to attack Niger.",
                        "French troops are poised to attack Niger."}) {
    Doc preparing({s}, {C("French", "FRA"), C("Niger", "NER")});
    EXPECT_TRUE(of_type(preparing.run(), "ATTACK").empty()) << s;
    EXPECT_EQ(of_type(preparing.run(), "ATTACK", "hypothetical").size(), 1u) << s;
  }

  // one invited to visit has not visited yet
  Doc invited({"Chad invited Joe Park to visit Tunis."},
               {C("Chad", "TCD"), P("Joe Park", "joe-park"), L("Tunis", "tunis")});
  EXPECT_TRUE(of_type(invited.run(), "MEETING").empty());

  // talks or a summit cancelled, called off, suspended or postponed did not take place
  for (const char* s : {"Sudan cancelled a summit with Chad.", "Sudan called off talks with Chad.",
                        "Sudan suspended talks with Chad.", "Sudan postponed a summit with Chad."}) {
    Doc off({s}, {C("Sudan", "SDN"), C("Chad", "TCD")});
    EXPECT_TRUE(of_type(off.run(), "MEETING").empty()) << s;
    EXPECT_EQ(of_type(off.run(), "MEETING", "negated").size(), 1u) << s;
  }

  Doc hyp({"Chad could sign the pact next month."}, {C("Chad", "TCD")});
  EXPECT_EQ(of_type(hyp.run(), "AGREEMENT", "hypothetical").size(), 1u);

  Doc plan({"Gabon plans to sign the treaty."}, {C("Gabon", "GAB")});
  EXPECT_EQ(of_type(plan.run(), "AGREEMENT", "hypothetical").size(), 1u);

  // A prefix marker ("intend*") matches the prefix itself too.
  Doc intend({"Gabon and Chad intend to sign the treaty."}, {C("Gabon", "GAB"), C("Chad", "TCD")});
  EXPECT_EQ(of_type(intend.run(), "AGREEMENT", "hypothetical").size(), 1u);

  // what is due, set or obliged to happen has not happened; "due to" alone gives a cause
  for (const char* s : {"Gabon is due to sign the treaty.", "Gabon is set to sign the treaty.",
                        "Gabon must sign the treaty within 14 days.",
                        "Gabon is obliged to sign the treaty."}) {
    Doc due({s}, {C("Gabon", "GAB")});
    EXPECT_EQ(of_type(due.run(), "AGREEMENT", "hypothetical").size(), 1u) << s;
  }
  Doc cause({"Talks were delayed due to the treaty Gabon signed."}, {C("Gabon", "GAB")});
  EXPECT_EQ(of_type(cause.run(), "AGREEMENT").size(), 1u);
  // what one is urged or called on to do has not happened
  for (const char* s : {"The Kessa Union urged Gabon to sign the treaty.",
                        "The Kessa Union called on Gabon to sign the treaty."}) {
    Doc urged({s}, {O("Kessa Union", "kessa-union"), C("Gabon", "GAB")});
    const auto evs = urged.run();
    EXPECT_TRUE(of_type(evs, "AGREEMENT").empty()) << s;
    EXPECT_EQ(of_type(evs, "AGREEMENT", "hypothetical").size(), 1u) << s;
  }
}

TEST(Agreement, NotOnlyIsNotNegation) {
  Doc d({"Angola not only signed the treaty but praised it."}, {C("Angola", "AGO")});
  EXPECT_EQ(of_type(d.run(), "AGREEMENT").size(), 1u);
}

// ------------------------------------------------------------------ COUP

TEST(Coup, NounWithLocationAndDate) {
  Doc d({"The coup in Guinea in September surprised observers."}, {C("Guinea", "GIN")},
        {{"September", "XXXX-09"}});
  auto evs = of_type(d.run(), "COUP");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_EQ(evs[0].cameo, "17");
  EXPECT_TRUE(has(evs[0], "country/GIN", "location"));
  ASSERT_TRUE(evs[0].date);
  EXPECT_EQ(evs[0].date->value, "XXXX-09");
}

// A nominal trigger's noun phrase ends at a verb such as "drew" or "sparked": what the
// coup drew condemnation from took no part in it.
TEST(Coup, NounPhraseEndsAtAVerb) {
  Doc d({"The coup in Guinea drew condemnation from the African Union."},
        {C("Guinea", "GIN"), O("African Union", "au")});
  auto evs = of_type(d.run(), "COUP");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "country/GIN", "location"));
  EXPECT_FALSE(has(evs[0], "org/au"));
}

// Toppling a leader or a government is a coup; toppling a building is none.
TEST(Coup, ToppleALeaderNotABuilding) {
  Doc d({"Soldiers toppled the government of Gabon."}, {C("Gabon", "GAB")});
  EXPECT_EQ(of_type(d.run(), "COUP").size(), 1u);
  Doc none({"The blast toppled the Kessa House in Gabon."}, {O("Kessa House", "kessa-house")});
  EXPECT_TRUE(of_type(none.run(), "COUP").empty());
}

// A leader ousted in a vote of confidence or an impeachment fell to no coup.
TEST(Coup, OustedInAVoteOfConfidence) {
  for (const char* s : {"Abel Kessa, who was ousted in a no-confidence vote in Gabon, spoke.",
                        "Parliament in Gabon ousted Abel Kessa in an impeachment vote."}) {
    Doc d({s}, {P("Abel Kessa", "abel-kessa"), C("Gabon", "GAB")});
    EXPECT_TRUE(of_type(d.run(), "COUP").empty()) << s;
  }
  Doc coup({"Soldiers in Gabon ousted Abel Kessa."},
           {C("Gabon", "GAB"), P("Abel Kessa", "abel-kessa")});
  EXPECT_EQ(of_type(coup.run(), "COUP").size(), 1u);
}

// "the 2019 overthrow of X" is a noun, as "the overthrow of X" is: the sentence's subject
// did not overthrow X.
TEST(Coup, YearBetweenTheDeterminerAndTheVerbForm) {
  Doc d({"Harlan Voss derailed the transition after the 2019 overthrow of Joe Park."},
        {P("Harlan Voss", "harlan-voss"), P("Joe Park", "joe-park")}, {{"2019", "2019"}});
  auto evs = of_type(d.run(), "COUP");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "person/joe-park", "target"));
  EXPECT_FALSE(has(evs[0], "person/harlan-voss"));
}

// "a coup that ousted X": the relative clause's verb has X as its target.
TEST(Coup, RelativeThatBeforeTheVerb) {
  Doc d({"It came after a coup that ousted Harlan Voss in Gabon."},
        {P("Harlan Voss", "harlan-voss"), C("Gabon", "GAB")});
  auto evs = of_type(d.run(), "COUP");
  ASSERT_FALSE(evs.empty());
  EXPECT_TRUE(has(evs.back(), "person/harlan-voss", "target"));
}

TEST(Coup, SeizedPowerMultiword) {
  Doc d({"Soldiers in Gabon seized power on Wednesday."}, {C("Gabon", "GAB")},
        {{"Wednesday", "XXXX-WXX-3"}});
  auto evs = of_type(d.run(), "COUP");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_EQ(d.slice(evs[0].trigger), "seized power");
  EXPECT_TRUE(has(evs[0], "country/GAB", "location"));
  EXPECT_EQ(evs[0].date->value, "XXXX-WXX-3");
}

TEST(Coup, PossessorIsActorAndDurationIsNoDate) {
  Doc d({"Sudan's coup lasted for two weeks."}, {C("Sudan", "SDN")},
        {{"two weeks", "P2W", "DURATION"}});
  auto evs = of_type(d.run(), "COUP");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "country/SDN", "actor"));
  EXPECT_FALSE(evs[0].date.has_value());
}

TEST(Coup, NoTriggerNoEvent) {
  Doc d({"Guinea held talks about mining."}, {C("Guinea", "GIN")});
  EXPECT_TRUE(of_type(d.run(), "COUP").empty());
}

TEST(Coup, DeniedIsNegated) {
  Doc d({"The army in Bolivia denied staging a coup."}, {C("Bolivia", "BOL")});
  auto evs = d.run();
  EXPECT_TRUE(of_type(evs, "COUP").empty());
  EXPECT_EQ(of_type(evs, "COUP", "negated").size(), 1u);
}

// A denial of what a definite event was ("denied that the arrest was political") denies
// what is said of it, not that it happened; one of its happening still negates it.
TEST(Arrest, DenialOfWhatTheArrestWas) {
  // (and the one who denies it only reports: the arrest is the one told before)
  for (const char* s : {"Ruth Obi denied that the arrest was political.",
                        "Ruth Obi said the police had met its duties and denied that the arrest "
                        "was political."}) {
    Doc d({"Police arrested Abel Kessa in Dori on Tuesday.", s},
          {P("Abel Kessa", "abel-kessa"), L("Dori", "dori"), P("Ruth Obi", "ruth-obi")},
          {{"Tuesday", "XXXX-WXX-2"}});
    auto evs = d.run();
    EXPECT_TRUE(of_type(evs, "ARREST", "negated").empty()) << s;
    EXPECT_EQ(of_type(evs, "ARREST").size(), 1u) << s;
  }
  Doc no({"Ruth Obi denied that an arrest of Abel Kessa took place."},
         {P("Abel Kessa", "abel-kessa"), P("Ruth Obi", "ruth-obi")});
  EXPECT_EQ(of_type(no.run(), "ARREST", "negated").size(), 1u);
}

// ------------------------------------------------------------------ ATTACK

TEST(Attack, ActiveVerbActorTarget) {
  Doc d({"Rebels from Libya attacked Tunisia on Friday."}, {C("Libya", "LBY"), C("Tunisia", "TUN")},
        {{"Friday", "XXXX-WXX-5"}});
  auto evs = of_type(d.run(), "ATTACK");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_EQ(evs[0].cameo, "18");
  EXPECT_TRUE(has(evs[0], "country/TUN", "target"));
  EXPECT_EQ(evs[0].date->value, "XXXX-WXX-5");
}

// Who says an event happened does not take part in it, unless a pronoun after the
// reporting verb makes it the event's subject too; nor does the source "according
// to" gives, nor whom the report was told.
TEST(Attack, ReporterIsNoParticipant) {
  Doc d({"Human Rights Watch said soldiers killed 30 civilians in Mali."},
        {O("Human Rights Watch", "hrw"), C("Mali", "MLI")});
  auto evs = of_type(d.run(), "ATTACK");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_FALSE(has(evs[0], "org/hrw"));
  EXPECT_TRUE(has(evs[0], "country/MLI", "location"));

  // after the trigger: the reporter after a comma (and a quotation's closing mark), with
  // or without a title; the source "according to" gives; whom the report was told
  struct After {
    const char* sentence;
    EntitySpec reporter;
  };
  for (const After& a :
       {After{"Soldiers killed 30 civilians in Mali, Human Rights Watch said.",
              O("Human Rights Watch", "hrw")},
        After{"Soldiers killed 30 civilians in Mali, according to Human Rights Watch.",
              O("Human Rights Watch", "hrw")},
        After{"Soldiers killed 30 civilians in Mali, army spokesman Harlan Voss said.",
              P("Harlan Voss", "harlan-voss")},
        After{"Soldiers killed 30 civilians in Mali, the army's spokesman, Harlan Voss, said.",
              P("Harlan Voss", "harlan-voss")},
        After{"Gunmen attacked a market in Mali, an official told Reuters.",
              O("Reuters", "reuters")},
        After{"Gunmen attacked a market in Mali, Libyan and Chadian mediators said.",
              C("Libyan", "LBY")},
        After{"\"Soldiers killed 30 civilians in Mali,\" army spokesman Harlan Voss said.",
              P("Harlan Voss", "harlan-voss")},
        After{"``Soldiers killed 30 civilians in Mali,'' army spokesman Harlan Voss said.",
              P("Harlan Voss", "harlan-voss")}}) {
    Doc later({a.sentence}, {C("Mali", "MLI"), a.reporter});
    auto found = of_type(later.run(), "ATTACK");
    ASSERT_EQ(found.size(), 1u) << a.sentence;
    EXPECT_FALSE(has(found[0], a.reporter.id)) << a.sentence;
    EXPECT_TRUE(has(found[0], "country/MLI", "location")) << a.sentence;
  }

  // before the trigger, whom the news was told ("a witness told Reuters that soldiers had
  // been arrested")
  Doc witness({"A witness told the Kessa Argus that soldiers had been arrested in Mali."},
              {O("Kessa Argus", "kessa-argus"), C("Mali", "MLI")});
  auto arrests = of_type(witness.run(), "ARREST");
  ASSERT_EQ(arrests.size(), 1u);
  EXPECT_FALSE(has(arrests[0], "org/kessa-argus"));

  // before the trigger, a newspaper that reported
  Doc paper({"The Kessa Argus newspaper reported that gunmen attacked a bus in Mali."},
            {O("Kessa Argus", "kessa-argus"), C("Mali", "MLI")});
  auto reported = of_type(paper.run(), "ATTACK");
  ASSERT_EQ(reported.size(), 1u);
  EXPECT_FALSE(has(reported[0], "org/kessa-argus"));

  // before the trigger, a spokesman's organisation: "X spokesman Y said"
  Doc spokesman({"Kessa Police spokesman Harlan Voss said gunmen attacked a bus in Mali."},
                {O("Kessa Police", "kessa-police"), P("Harlan Voss", "harlan-voss"),
                 C("Mali", "MLI")});
  auto told = of_type(spokesman.run(), "ATTACK");
  ASSERT_EQ(told.size(), 1u);
  EXPECT_FALSE(has(told[0], "org/kessa-police"));
  EXPECT_FALSE(has(told[0], "person/harlan-voss"));
  EXPECT_TRUE(has(told[0], "country/MLI", "location"));
  // after the trigger, a country's military or government reports ("..., the U.S.
  // military said")
  Doc military({"Gunmen fired rockets at a bus in Mali, the Kessa military said."},
               {C("Kessa", "KSS"), C("Mali", "MLI")});
  auto fired = of_type(military.run(), "ATTACK");
  ASSERT_EQ(fired.size(), 1u);
  EXPECT_FALSE(has(fired[0], "country/KSS"));
  // up to two words between the name and the speaker ("Palestinian health officials said")
  Doc health({"Gunmen attacked a bus in Mali, Kessa health officials said."},
             {C("Kessa", "KSS"), C("Mali", "MLI")});
  auto officials = of_type(health.run(), "ATTACK");
  ASSERT_EQ(officials.size(), 1u);
  EXPECT_FALSE(has(officials[0], "country/KSS"));
  // a name and "and" before the speakers ("Red Cross and ambulance officials said")
  Doc joint({"Gunmen attacked a bus in Mali, Kessa Aid and ambulance officials said."},
            {O("Kessa Aid", "kessa-aid"), C("Mali", "MLI")});
  auto jointly = of_type(joint.run(), "ATTACK");
  ASSERT_EQ(jointly.size(), 1u);
  EXPECT_FALSE(has(jointly[0], "org/kessa-aid"));
  // the possessor of the speaker ("Mali's foreign ministry said")
  Doc owner({"Kessa's foreign ministry said gunmen attacked a bus in Mali."},
            {C("Kessa", "KSS"), C("Mali", "MLI")});
  auto owned = of_type(owner.run(), "ATTACK");
  ASSERT_EQ(owned.size(), 1u);
  EXPECT_FALSE(has(owned[0], "country/KSS"));
  // (and of a president with a name of three words)
  Doc president({"Kessa's President Abel Joe Varno said gunmen attacked a bus in Mali."},
                {C("Kessa", "KSS"), P("Abel Joe Varno", "abel-joe-varno"), C("Mali", "MLI")});
  auto presidents = of_type(president.run(), "ATTACK");
  ASSERT_EQ(presidents.size(), 1u);
  EXPECT_FALSE(has(presidents[0], "country/KSS"));
  // an army chief and his title and name, an abbreviation's stop among them
  Doc chief({"Kessa Army chief General Harlan Voss Jr. said gunmen attacked a bus in Mali."},
            {O("Kessa Army", "kessa-army"), P("Harlan Voss Jr.", "harlan-voss"), C("Mali", "MLI")});
  auto chiefs = of_type(chief.run(), "ATTACK");
  ASSERT_EQ(chiefs.size(), 1u);
  EXPECT_FALSE(has(chiefs[0], "org/kessa-army"));
  EXPECT_TRUE(has(chiefs[0], "country/MLI", "location"));

  Doc own({"Chad said its troops attacked Sudan."}, {C("Chad", "TCD"), C("Sudan", "SDN")});
  auto mine = of_type(own.run(), "ATTACK");
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_TRUE(has(mine[0], "country/TCD", "actor"));
  EXPECT_TRUE(has(mine[0], "country/SDN", "target"));
  // (not a pronoun of an earlier complement clause: "said that he had ... and that troops
  // had attacked")
  Doc second({"Harlan Voss said that he had left and that troops had attacked Sudan."},
             {P("Harlan Voss", "harlan-voss"), C("Sudan", "SDN")});
  auto theirs = of_type(second.run(), "ATTACK");
  ASSERT_EQ(theirs.size(), 1u);
  EXPECT_FALSE(has(theirs[0], "person/harlan-voss"));
}

// Taking control of a place attacks it ("took control of most of Goma"); not of a company,
// nor without a place.
TEST(Attack, TakingControlOfAPlace) {
  Doc d({"Kessa rebels took control of most of Goma on Tuesday."},
        {O("Kessa", "kessa"), L("Goma", "goma")}, {{"Tuesday", "2025-01-28"}});
  auto evs = of_type(d.run(), "ATTACK");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "org/kessa", "actor"));
  EXPECT_TRUE(has(evs[0], "location/goma", "location"));
  Doc firm({"Kessa took control of the company in Goma."}, {O("Kessa", "kessa"), L("Goma", "goma")});
  EXPECT_TRUE(of_type(firm.run(), "ATTACK").empty());
}

// "struck" and "hit" attack where weapons or forces do it ("missiles struck Tunis",
// "rockets hit Libya"), and so does opening fire; not where a deal or an earthquake
// does, nor in an adjective ("the bomb-hit embassy").
TEST(Attack, WeaponsStrikeOrHit) {
  Doc d({"Rebel drones struck Tunis on Friday."}, {L("Tunis", "tunis")}, {{"Friday", "XXXX-WXX-5"}});
  auto evs = of_type(d.run(), "ATTACK");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_EQ(d.slice(evs[0].trigger), "struck");
  EXPECT_TRUE(has(evs[0], "location/tunis", "location"));
  Doc fire({"Libyan gunmen opened fire on a convoy in Tunis."}, {C("Libyan", "LBY"), L("Tunis", "tunis")});
  auto fired = of_type(fire.run(), "ATTACK");
  ASSERT_EQ(fired.size(), 1u);
  EXPECT_EQ(fire.slice(fired[0].trigger), "opened fire");
  EXPECT_TRUE(has(fired[0], "country/LBY", "actor"));
  Doc hit({"Two rockets hit Libya overnight."}, {C("Libya", "LBY")});
  ASSERT_EQ(of_type(hit.run(), "ATTACK").size(), 1u);
  for (const char* s : {"An earthquake struck Libya on Friday.", "Libya struck a trade deal with Chad.",
                        "Libya was hit by a drought.", "Prices in Libya hit a record.",
                        "Libya sent aid to the bomb-hit embassy.",
                        "Rebels in Libya struck oil on Friday.",
                        "Troops in Libya struck a balance between force and talks."}) {
    Doc none({s}, {C("Libya", "LBY")});
    EXPECT_TRUE(of_type(none.run(), "ATTACK").empty()) << s;
  }
  // A country that strikes attacks; not in a deal, a court's ruling, a goal or a distance.
  Doc country({"Libya struck Tunis on Friday."}, {C("Libya", "LBY"), L("Tunis", "tunis")});
  auto struck = of_type(country.run(), "ATTACK");
  ASSERT_EQ(struck.size(), 1u);
  EXPECT_TRUE(has(struck[0], "country/LBY", "actor"));
  for (const char* s : {"Libya struck a peace deal with Tunis.", "A court in Tunis struck down a law of Libya.",
                        "Libya struck twice against Tunis.", "Tunis is within striking distance of Libya.",
                        "A Libya rail strike hit Tunis.", "Libya teachers' strike in Tunis ended."}) {
    Doc none({s}, {C("Libya", "LBY"), L("Tunis", "tunis")});
    EXPECT_TRUE(of_type(none.run(), "ATTACK").empty()) << s;
  }
  // After a modal, a noun trigger is the verb, whose object is the target: "Israel would
  // strike Hezbollah if it violated the deal".
  Doc modal({"Libya would strike the Kessa Front if it violated the deal."},
            {C("Libya", "LBY"), O("Kessa Front", "kessa-front")});
  auto would = of_type(modal.run(), "ATTACK", "hypothetical");
  ASSERT_EQ(would.size(), 1u);
  EXPECT_TRUE(has(would[0], "country/LBY", "actor"));
  EXPECT_TRUE(has(would[0], "org/kessa-front", "target"));
  // So is a noun's "-s" form between two names, as a headline has it: "India strikes
  // Pakistan after Kashmir attack"; and the names before a temporal preposition are the
  // main clause's, not its nominal's.
  Doc headline({"Libya strikes Chad after Tunis attack"},
               {C("Libya", "LBY"), C("Chad", "TCD"), L("Tunis", "tunis")});
  auto strikes = of_type(headline.run(), "ATTACK");
  ASSERT_EQ(strikes.size(), 2u);
  EXPECT_TRUE(has(strikes[0], "country/LBY", "actor"));
  EXPECT_TRUE(has(strikes[0], "country/TCD", "target"));
  EXPECT_FALSE(has(strikes[1], "country/LBY"));
  EXPECT_FALSE(has(strikes[1], "country/TCD"));
  EXPECT_TRUE(has(strikes[1], "location/tunis", "location"));
  // (nor a name after the preposition of a noun trigger right after one: "arrested Joe Park
  // after talks with Ana Lima", "after a visit to Iran")
  for (const char* s : {"Police arrested Abel Kessa after talks with Chad.",
                        "Police arrested Abel Kessa after a visit to Chad."}) {
    Doc after({s}, {P("Abel Kessa", "abel-kessa"), C("Chad", "TCD")});
    auto held = of_type(after.run(), "ARREST");
    ASSERT_EQ(held.size(), 1u) << s;
    EXPECT_TRUE(has(held[0], "person/abel-kessa", "target")) << s;
    EXPECT_FALSE(has(held[0], "country/TCD")) << s;
  }
  // (after "during", a place that trigger went to is where this event happened)
  Doc during({"Police arrested Abel Kessa during a visit to Chad."},
             {P("Abel Kessa", "abel-kessa"), C("Chad", "TCD")});
  auto visit = of_type(during.run(), "ARREST");
  ASSERT_EQ(visit.size(), 1u);
  EXPECT_TRUE(has(visit[0], "country/TCD", "location"));
  EXPECT_FALSE(has(visit[0], "country/TCD", "target"));
  // (nor of a bare form right after one: "Philippines hands Duterte to ICC after arrest")
  Doc bare({"Libya hands Abel Kessa to Chad after arrest in Tunis"},
           {C("Libya", "LBY"), P("Abel Kessa", "abel-kessa"), C("Chad", "TCD"), L("Tunis", "tunis")});
  for (const Event& e : of_type(bare.run(), "ARREST")) EXPECT_FALSE(has(e, "country/LBY", "actor"));
  // ("since" right after an auxiliary is an adverb: "has since attacked dozens of convoys")
  Doc since({"The Kessa Front announced a blockade and has since attacked convoys from Chad."},
            {O("Kessa Front", "kessa-front"), C("Chad", "TCD")});
  auto attacked = of_type(since.run(), "ATTACK");
  ASSERT_EQ(attacked.size(), 1u);
  EXPECT_TRUE(has(attacked[0], "org/kessa-front", "actor"));
  // (but a gerund's object is the subject's: "sworn in after winning the election")
  Doc won({"Abel Kessa was sworn in on Wednesday after winning the election."},
          {P("Abel Kessa", "abel-kessa")});
  auto elections = of_type(won.run(), "ELECTION");
  ASSERT_EQ(elections.size(), 1u);
  EXPECT_TRUE(has(elections[0], "person/abel-kessa", "actor"));
  // (nor a name after a preposition of time after a verb: "left Chad after the Tunis
  // attack")
  Doc left({"Libyan troops left Chad after the Tunis attack."},
           {C("Libyan", "LBY"), C("Chad", "TCD"), L("Tunis", "tunis")});
  auto withdrawals = of_type(left.run(), "WITHDRAWAL");
  ASSERT_EQ(withdrawals.size(), 1u);
  EXPECT_FALSE(has(withdrawals[0], "location/tunis"));
  // (and a condition's clause is no part of it: "would strike Iraq unless it gave the U.N.
  // arms inspectors unfettered access")
  Doc unless({"Libya would strike the Kessa Front unless it gave Chad access."},
             {C("Libya", "LBY"), O("Kessa Front", "kessa-front"), C("Chad", "TCD")});
  auto condition = of_type(unless.run(), "ATTACK", "hypothetical");
  ASSERT_EQ(condition.size(), 1u);
  EXPECT_TRUE(has(condition[0], "org/kessa-front", "target"));
  EXPECT_FALSE(has(condition[0], "country/TCD"));
  // Firing at something and shooting it down attack it.
  for (const char* s : {"Libyan ships fired water cannon at a boat from Tunis.",
                        "Libyan forces shot down a plane over Tunis.",
                        "Libyan forces shot a plane down over Tunis."}) {
    Doc shot({s}, {C("Libyan", "LBY"), L("Tunis", "tunis")});
    auto evs = of_type(shot.run(), "ATTACK");
    ASSERT_EQ(evs.size(), 1u) << s;
    EXPECT_TRUE(has(evs[0], "country/LBY", "actor")) << s;
  }
  // Launching or firing drones or missiles towards a country attacks it; launching a
  // force founds it.
  for (const char* s : {"Libya launched about 100 drones towards Tunis on Friday.",
                        "Libya fired rockets toward Tunis on Friday."}) {
    Doc launched({s}, {C("Libya", "LBY"), L("Tunis", "tunis")});
    const auto evs = launched.run();
    ASSERT_EQ(of_type(evs, "ATTACK").size(), 1u) << s;
    EXPECT_TRUE(has(of_type(evs, "ATTACK")[0], "country/LBY", "actor")) << s;
    EXPECT_TRUE(of_type(evs, "FOUNDING").empty()) << s;
  }
  // a heart attack is an illness
  Doc heart({"Abel Kessa died of a heart attack in Tunis on Friday."},
            {P("Abel Kessa", "abel-kessa"), L("Tunis", "tunis")});
  EXPECT_TRUE(of_type(heart.run(), "ATTACK").empty());
  // a nuclear bomb is a weapon, no bombing
  Doc nuclear({"Libya vowed to remove the threat of a Tunisian nuclear bomb."},
              {C("Libya", "LBY"), C("Tunisian", "TUN")});
  EXPECT_TRUE(of_type(nuclear.run(), "ATTACK", "hypothetical").empty());
  EXPECT_TRUE(of_type(nuclear.run(), "ATTACK").empty());
  // "a fire at a nightclub" is no firing at it
  Doc blaze({"A fire at a nightclub in Tunis spread."}, {L("Tunis", "tunis")});
  EXPECT_TRUE(of_type(blaze.run(), "ATTACK").empty());
  // Tear gas, rubber bullets or warning shots fired at a crowd control it: no attack.
  for (const char* s : {"Police in Tunis fired tear gas at protesters.",
                        "Police in Tunis fired rubber bullets at protesters.",
                        "Soldiers fired warning shots at a crowd in Tunis."}) {
    Doc none({s}, {L("Tunis", "tunis")});
    EXPECT_TRUE(of_type(none.run(), "ATTACK").empty()) << s;
  }
  // An idiom's object only refuses the trigger right after it, not a word further on.
  Doc depot({"Libyan drones struck a major oil depot on Friday."}, {C("Libyan", "LBY")});
  ASSERT_EQ(of_type(depot.run(), "ATTACK").size(), 1u);
}

// Abductions are attacks (CAMEO 181); a phrase with a gap takes the names inside the gap
// as its object ("took Joe Park hostage", "took Joe Park into custody").
TEST(Attack, AbductionsAndPhrasesWithAGap) {
  for (const char* s : {"Gunmen kidnapped Joe Park in Tunis.", "Gunmen abducted Joe Park in Tunis.",
                        "Gunmen took Joe Park hostage in Tunis."}) {
    Doc d({s}, {P("Joe Park", "joe-park"), L("Tunis", "tunis")});
    auto evs = of_type(d.run(), "ATTACK");
    ASSERT_EQ(evs.size(), 1u) << s;
    EXPECT_TRUE(has(evs[0], "person/joe-park", "target")) << s;
    EXPECT_TRUE(has(evs[0], "location/tunis", "location")) << s;
  }
  Doc custody({"Police took Joe Park into custody."}, {P("Joe Park", "joe-park")});
  auto arrests = of_type(custody.run(), "ARREST");
  ASSERT_EQ(arrests.size(), 1u);
  EXPECT_TRUE(has(arrests[0], "person/joe-park", "target"));
  for (const char* s : {"Officers placed President Joe Park under house arrest.",
                        "Police placed Joe Park under arrest."}) {
    Doc placed({s}, {P("Joe Park", "joe-park")});
    auto held = of_type(placed.run(), "ARREST");
    ASSERT_EQ(held.size(), 1u) << s;
    EXPECT_TRUE(has(held[0], "person/joe-park", "target")) << s;
  }
  // (a passive: who was placed under house arrest is the target)
  Doc passive({"Former President Joe Park was placed under house arrest."},
              {P("Joe Park", "joe-park")});
  auto placed = of_type(passive.run(), "ARREST");
  ASSERT_EQ(placed.size(), 1u);
  EXPECT_TRUE(has(placed[0], "person/joe-park", "target"));
}

// A participle clause after a comma ("..., killing 12 soldiers") has the subject of the
// clause before it; a place there is no subject.
TEST(Attack, ParticipleClauseTakesTheSubjectBefore) {
  Doc d({"Libyan drones flew over the border overnight, killing 12 soldiers."}, {C("Libyan", "LBY")});
  auto evs = of_type(d.run(), "ATTACK");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_EQ(d.slice(evs[0].trigger), "killing");
  EXPECT_TRUE(has(evs[0], "country/LBY", "actor"));
  Doc place({"A bomb went off in a market in Tunis, killing 12 people."}, {L("Tunis", "tunis")});
  for (const Event& e : of_type(place.run(), "ATTACK")) EXPECT_FALSE(has(e, "location/tunis", "actor"));
}

// A dateline ("TUNIS, Tunisia (Reuters) -") says where the story was filed and who
// filed it: neither the place nor the agency takes part in the line's events. The same
// names in the sentence's own words do; a sentence that opens with a name and a dash
// is no dateline, a hyphen inside the place's name no dash.
TEST(Attack, DatelineNamesNoParticipant) {
  for (const char* dash : {" -", " \xE2\x80\x94", "_", " _", "-"}) {
    Doc d({std::string("TUNIS, Tunisia (Reuters)") + dash + " Gunmen attacked a convoy in Libya."},
          {L("TUNIS", "tunis"), C("Tunisia", "TUN"), O("Reuters", "reuters"), C("Libya", "LBY")});
    auto evs = of_type(d.run(), "ATTACK");
    ASSERT_EQ(evs.size(), 1u) << dash;
    EXPECT_FALSE(has(evs[0], "org/reuters")) << dash;
    EXPECT_FALSE(has(evs[0], "country/TUN")) << dash;
    EXPECT_FALSE(has(evs[0], "location/tunis")) << dash;
    EXPECT_TRUE(has(evs[0], "country/LBY", "location")) << dash;
  }
  // (an agency in lower case between brackets: "BERLIN, Feb 24 (dpa) -")
  Doc lower({"TUNIS, Feb 24 (dpa) - Gunmen attacked a convoy in Libya."},
            {L("TUNIS", "tunis"), C("Libya", "LBY")});
  auto lowered = of_type(lower.run(), "ATTACK");
  ASSERT_EQ(lowered.size(), 1u);
  EXPECT_FALSE(has(lowered[0], "location/tunis"));
  // (a place's name with hyphens inside it: "PORT-AU-PRINCE, March 3 (AP) -")
  Doc hyphens({"KESSA-LA-DORI, March 3 (Reuters) - Gunmen attacked a convoy in Libya."},
              {O("Reuters", "reuters"), C("Libya", "LBY")});
  auto hyphened = of_type(hyphens.run(), "ATTACK");
  ASSERT_EQ(hyphened.size(), 1u);
  EXPECT_FALSE(has(hyphened[0], "org/reuters"));
  Doc bare({"KAYES - Soldiers from Mali attacked a convoy."}, {L("KAYES", "kayes"), C("Mali", "MLI")});
  auto plain = of_type(bare.run(), "ATTACK");
  ASSERT_EQ(plain.size(), 1u);
  EXPECT_FALSE(has(plain[0], "location/kayes"));

  Doc own({"Chad - and its allies - attacked Sudan."}, {C("Chad", "TCD"), C("Sudan", "SDN")});
  auto mine = of_type(own.run(), "ATTACK");
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_TRUE(has(mine[0], "country/TCD", "actor"));
}

// After a nominal trigger, the members of a coordination take part together, in the
// role of the first ("fighting between Mali and Algeria"); a place's role goes to
// places only.
TEST(Attack, CoordinationAfterANominalTrigger) {
  Doc d({"Fighting between Mali and Algeria spread on Friday."},
        {C("Mali", "MLI"), C("Algeria", "DZA")}, {{"Friday", "XXXX-WXX-5"}});
  auto evs = of_type(d.run(), "ATTACK");
  ASSERT_EQ(evs.size(), 1u);
  ASSERT_EQ(evs[0].participants.size(), 2u);
  EXPECT_EQ(evs[0].participants[0].role, evs[0].participants[1].role);
  EXPECT_TRUE(has(evs[0], "country/DZA"));

  Doc places({"The bombings in Kenya and Tanzania killed 200 people."},
             {C("Kenya", "KEN"), C("Tanzania", "TZA")});
  auto bombings = of_type(places.run(), "ATTACK");
  ASSERT_EQ(bombings.size(), 1u);
  EXPECT_TRUE(has(bombings[0], "country/KEN", "location"));
  EXPECT_TRUE(has(bombings[0], "country/TZA", "location"));
}

// The sides of "fighting between X and Y" both fight.
TEST(Attack, FightingBetweenTwoSides) {
  Doc d({"Fighting between Armenia and Azerbaijan raged on Sunday."},
        {C("Armenia", "ARM"), C("Azerbaijan", "AZE")});
  auto evs = of_type(d.run(), "ATTACK");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "country/ARM", "actor"));
  EXPECT_TRUE(has(evs[0], "country/AZE", "actor"));
}

TEST(Attack, ClashCarriesFightCode) {
  Doc d({"Troops from Armenia clashed with Azerbaijan near the border."},
        {C("Armenia", "ARM"), C("Azerbaijan", "AZE")});
  auto evs = of_type(d.run(), "ATTACK");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_EQ(evs[0].cameo, "19");
  // a clash of rivals, armed by no word around it, is no fight
  for (const char* s : {"Investors bet on a clash between Armenia and Azerbaijan over trade.",
                        "Armenia clashed with Azerbaijan over the budget."}) {
    Doc none({s}, {C("Armenia", "ARM"), C("Azerbaijan", "AZE")});
    EXPECT_TRUE(of_type(none.run(), "ATTACK").empty()) << s;
  }
}

TEST(Attack, AnyAttackWillBeConsideredIsHypothetical) {
  Doc d({"Any attack on Estonia will be considered an attack on all members."},
        {C("Estonia", "EST")});
  auto evs = d.run();
  EXPECT_TRUE(of_type(evs, "ATTACK").empty());
  EXPECT_FALSE(of_type(evs, "ATTACK", "hypothetical").empty());
}

// ", including A, B and C," names more of the trigger's object: they take part, and a date
// after the phrase is the event's; a date inside it is an example's ("including the 1996
// bombing"). "assault forces" are troops, no attack.
TEST(Attack, IncludingNamesMoreOfTheObject) {
  Doc d({"Chad expelled diplomats from six countries, including Libya, Niger and Sudan, on "
         "Monday."},
        {C("Chad", "TCD"), C("Libya", "LBY"), C("Niger", "NER"), C("Sudan", "SDN")},
        {{"Monday", "XXXX-WXX-1"}});
  auto evs = of_type(d.run(), "SANCTION");
  ASSERT_EQ(evs.size(), 1u);
  for (const char* id : {"country/LBY", "country/NER", "country/SDN"})
    EXPECT_TRUE(has(evs[0], id, "target")) << id;
  ASSERT_TRUE(evs[0].date.has_value());
  Doc forces({"Chad sent troops to Niger, including assault forces and engineers."},
             {C("Chad", "TCD"), C("Niger", "NER")});
  EXPECT_TRUE(of_type(forces.run(), "ATTACK").empty());
}

// "such" right before a trigger names a kind of event, not one: "the deadliest such raid
// since mid-December" is the attack told before it, not a raid of December.
TEST(Attack, SuchBeforeTheTriggerIsHypothetical) {
  Doc d({"Gunmen attacked a convoy in Estonia on Sunday, the deadliest such raid since "
         "mid-December."},
        {C("Estonia", "EST")}, {{"Sunday", "XXXX-WXX-7"}, {"mid-December", "2023-12"}});
  auto evs = of_type(d.run(), "ATTACK");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_EQ(d.slice(evs[0].trigger), "attacked");
}

// A ranked event's "since" names what it is measured against, not its date: "the
// deadliest attack since 2019", "the most competitive election since the end of
// apartheid in 1994"; an unranked one's is its start ("held elections since 2002").
TEST(Attack, RankedEventsSinceIsNoDate) {
  for (const char* s : {"Estonia voted in the most open election since the end of the war in "
                        "1994.",
                        "It was the deadliest attack on Estonia since 1994."}) {
    Doc d({s}, {C("Estonia", "EST")}, {{"1994", "1994"}});
    for (const Event& e : d.run())
      EXPECT_TRUE(!e.date.has_value() || e.date->value != "1994") << s;
  }
  // (nor the date of a gerund after "since": "a state visit, his fourth trip to China
  // since taking office in 2017")
  Doc trip({"Abel Kessa arrived in Estonia for a state visit, his fourth trip there since "
            "taking office in 1994."},
           {P("Abel Kessa", "abel-kessa"), C("Estonia", "EST")}, {{"1994", "1994"}});
  for (const Event& e : trip.run())
    EXPECT_TRUE(!e.date.has_value() || e.date->value != "1994");
  // (a ranking word after the trigger, before "since", alike)
  Doc gain({"Estonian forces captured Narva a week ago, their biggest gain since May last year."},
           {C("Estonian", "EST"), L("Narva", "narva")},
           {{"a week ago", "2024-W07"}, {"May last year", "2023-05"}});
  auto gains = of_type(gain.run(), "ATTACK");
  ASSERT_EQ(gains.size(), 1u);
  ASSERT_TRUE(gains[0].date.has_value());
  EXPECT_EQ(gains[0].date->value, "2024-W07");
  // (and "this" right after a ranked event is the frame it is counted in: "the nation's
  // second coup this year" happened on the clause's day)
  Doc frame({"Estonian soldiers staged the second coup this year."}, {C("Estonian", "EST")},
            {{"this year", "2024"}});
  auto coups = of_type(frame.run(), "COUP");
  ASSERT_EQ(coups.size(), 1u);
  EXPECT_FALSE(coups[0].date.has_value());
  Doc held({"Estonia has held elections since 1994."}, {C("Estonia", "EST")}, {{"1994", "1994"}});
  auto evs = of_type(held.run(), "ELECTION");
  ASSERT_EQ(evs.size(), 1u);
  ASSERT_TRUE(evs[0].date.has_value());
  EXPECT_EQ(evs[0].date->value, "1994");
}

TEST(Attack, ThreatenedInterventionIsThreatNotAttack) {
  Doc d({"The bloc threatened military intervention in Gambia."},
        {C("Gambia", "GMB")});
  auto evs = d.run();
  EXPECT_EQ(of_type(evs, "THREAT").size(), 1u);
  EXPECT_TRUE(of_type(evs, "ATTACK").empty());
  EXPECT_EQ(of_type(evs, "ATTACK", "hypothetical").size(), 1u);
}

TEST(Attack, InTheEventOfIsHypothetical) {
  Doc d({"Latvia and Lithuania will help each other in the event of an attack."},
        {C("Latvia", "LVA"), C("Lithuania", "LTU")});
  EXPECT_TRUE(of_type(d.run(), "ATTACK").empty());
}

TEST(Attack, DemonymParticipates) {
  Doc d({"Malian soldiers ambushed a convoy near the border."},
        {{"Malian", "COUNTRY", "country/XML", 0, "demonym"}});
  auto evs = of_type(d.run(), "ATTACK");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "country/XML", "actor"));
}

// A nominal trigger after a verb of reaction takes no actor from that verb's subject; one
// after a possessive pronoun takes the pronoun's antecedent, of the pronoun's kind.
TEST(Attack, ReactionSubjectAndPossessivePronoun) {
  for (const char* s : {"Rwanda condemned the attack on Goma.",
                        "Rwanda condemned deadly attacks on Goma."}) {
    Doc condemned({s}, {C("Rwanda", "RWA"), L("Goma", "goma")});
    for (const Event& e : of_type(condemned.run(), "ATTACK"))
      EXPECT_FALSE(has(e, "country/RWA", "actor")) << s;
  }
  // "their" stands for the whole group before it
  Doc their({"Chad, Libya and Rwanda announced their offensive against Sudan."},
            {C("Chad", "TCD"), C("Libya", "LBY"), C("Rwanda", "RWA"), C("Sudan", "SDN")});
  auto theirs = of_type(their.run(), "ATTACK");
  ASSERT_EQ(theirs.size(), 1u);
  for (const char* id : {"country/TCD", "country/LBY", "country/RWA"})
    EXPECT_TRUE(has(theirs[0], id, "actor")) << id;
  // the subject of a relative clause of reaction after the trigger
  for (const char* s : {"Chad signed a deal with Libya that Rwanda's government denounced.",
                        "Chad signed a deal with Libya, a deal that Rwanda condemned.",
                        "Chad signed a deal with Libya that Rwanda's government swiftly denounced.",
                        "Chad signed a deal with Libya on Monday, and Rwanda condemned it."}) {
    Doc relative({s}, {C("Chad", "TCD"), C("Libya", "LBY"), C("Rwanda", "RWA")});
    auto deals = of_type(relative.run(), "AGREEMENT");
    ASSERT_EQ(deals.size(), 1u) << s;
    EXPECT_TRUE(has(deals[0], "country/LBY", "actor")) << s;
    EXPECT_FALSE(has(deals[0], "country/RWA")) << s;
  }
  // nor did the subject of a verb of dismissal
  Doc dismissed({"Abel Kessa, who has ruled Chad since 2003, dismissed the protests in Goma."},
                {P("Abel Kessa", "abel-kessa"), C("Chad", "TCD"), L("Goma", "goma")},
                {{"2003", "2003"}});
  for (const Event& e : of_type(dismissed.run(), "PROTEST"))
    EXPECT_FALSE(has(e, "person/abel-kessa", "actor"));
  // the subject of a verb of cause did not do what it caused
  for (const char* s : {"Rwanda's decision sparked protests in Goma.",
                        "The decision by Rwanda triggered deadly protests in Goma.",
                        "Rwanda delayed the vote, a move that provoked protests in Goma."}) {
    Doc caused({s}, {C("Rwanda", "RWA"), L("Goma", "goma")});
    auto protests = of_type(caused.run(), "PROTEST");
    ASSERT_EQ(protests.size(), 1u) << s;
    EXPECT_FALSE(has(protests[0], "country/RWA")) << s;
    EXPECT_TRUE(has(protests[0], "location/goma", "location")) << s;
  }
  Doc its({"The Kessa Court ordered Rwanda to halt its military offensive in Goma."},
          {O("Kessa Court", "kessa-court"), C("Rwanda", "RWA"), L("Goma", "goma")});
  auto offensive = of_type(its.run(), "ATTACK");
  ASSERT_EQ(offensive.size(), 1u);
  EXPECT_TRUE(has(offensive[0], "country/RWA", "actor"));
  EXPECT_FALSE(has(offensive[0], "org/kessa-court"));
  // (a lightning offensive, or one that retook a place, is an attack too; "offensive
  // remarks" are none)
  Doc lightning({"The pact follows Rwanda's lightning offensive in Goma."},
                {C("Rwanda", "RWA"), L("Goma", "goma")});
  auto swift = of_type(lightning.run(), "ATTACK");
  ASSERT_EQ(swift.size(), 1u);
  EXPECT_TRUE(has(swift[0], "country/RWA", "actor"));
  Doc remarks({"Rwanda called the remarks offensive in Goma."}, {C("Rwanda", "RWA"), L("Goma", "goma")});
  EXPECT_TRUE(of_type(remarks.run(), "ATTACK").empty());
}

// "X asked Y to V": who is asked, urged, ordered or called on to do it is the actor, the
// one who asks is no party ("Chad urged Niger to sign the pact"; "the king asked Abel
// Kessa to form a government").
TEST(Participants, WhoIsAskedToActIsTheActor) {
  for (const char* s : {"Chad urged Niger to sign the pact on Monday.",
                        "Chad asked Niger to sign the pact on Monday.",
                        "Chad called on Niger to sign the pact on Monday.",
                        "Chad ordered Niger and Mali to sign the pact on Monday.",
                        "Chad wants Niger to sign the pact on Monday.",
                        "Chad will press Niger to sign the pact on Monday."}) {
    std::vector<EntitySpec> names = {C("Chad", "TCD"), C("Niger", "NER")};
    if (std::string(s).find("Mali") != std::string::npos) names.push_back(C("Mali", "MLI"));
    Doc d({s}, names);
    auto evs = of_type(d.run(), "AGREEMENT", "");
    ASSERT_EQ(evs.size(), 1u) << s;
    EXPECT_TRUE(has(evs[0], "country/NER", "actor")) << s;
    EXPECT_FALSE(has(evs[0], "country/TCD")) << s;
  }
  // (a capital asked to act stands for its government: "press Moscow to agree")
  std::ifstream in(taxonomy_path());
  const EventExtractor capitals(json::parse(in), taxonomy_path(), {"location/niamey"});
  Doc capital({"Chad pressed Niamey to sign the pact."}, {C("Chad", "TCD"), L("Niamey", "niamey")});
  auto signed_by = of_type(capital.run(capitals), "AGREEMENT", "");
  ASSERT_EQ(signed_by.size(), 1u);
  EXPECT_TRUE(has(signed_by[0], "location/niamey", "actor"));
  Doc withdraw({"Chad called on Niger to withdraw its troops from Mali."},
               {C("Chad", "TCD"), C("Niger", "NER"), C("Mali", "MLI")});
  auto evs = of_type(withdraw.run(), "WITHDRAWAL", "");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "country/NER", "actor"));
  EXPECT_FALSE(has(evs[0], "country/TCD"));
  // (and ", with X hosting": X hosts, not the clause's subject; "a pact with Niger
  // establishing" is no such phrase)
  Doc hosting({"Chad marked the anniversary in Dori, with Libyan leader Abel Kessa hosting a "
               "summit of Sahel leaders."},
              {C("Chad", "TCD"), L("Dori", "dori"), C("Libyan", "LBY"), P("Abel Kessa", "abel-kessa")});
  evs = of_type(hosting.run(), "MEETING", "");
  ASSERT_FALSE(evs.empty());
  EXPECT_TRUE(has(evs[0], "person/abel-kessa", "actor"));
  EXPECT_FALSE(has(evs[0], "country/TCD"));
  // (", with" and its own subject and participle open a clause: its names are not the
  // clause before's)
  Doc absolute({"Chad shelled Dori on Monday, with Libyan forces attacking Gao."},
                {C("Chad", "TCD"), L("Dori", "dori"), C("Libyan", "LBY"), L("Gao", "gao")});
  evs = of_type(absolute.run(), "ATTACK", "");
  ASSERT_EQ(evs.size(), 2u);
  EXPECT_FALSE(has(evs[0], "country/LBY"));
  EXPECT_FALSE(has(evs[0], "location/gao"));
  EXPECT_TRUE(has(evs[1], "country/LBY", "actor"));
  // (one who asks to do it himself takes part: "Chad asked to sign the pact")
  Doc self({"Chad asked to sign the pact with Niger on Monday."}, {C("Chad", "TCD"), C("Niger", "NER")});
  evs = of_type(self.run(), "AGREEMENT", "");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "country/TCD", "actor"));
}

// A plural trigger in a prepositional phrase is a noun: the clause's subject is not its
// actor ("Kessa resigned after weeks of protests"); after "to" it is a verb ("sent
// troops to attack").
TEST(Protest, PluralAfterAPrepositionIsANoun) {
  Doc d({"Abel Kessa resigned after weeks of protests in Goma."},
        {P("Abel Kessa", "abel-kessa"), L("Goma", "goma")});
  auto evs = of_type(d.run(), "PROTEST");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_FALSE(has(evs[0], "person/abel-kessa"));
  // (a hyphen inside a compound is no stop: "clashed with anti-government demonstrators")
  Doc compound({"Rwandan police clashed in Goma with anti-government demonstrators."},
               {{"Rwandan", "COUNTRY", "country/RWA", 0, "demonym"}, L("Goma", "goma")});
  for (const Event& e : of_type(compound.run(), "PROTEST")) EXPECT_FALSE(has(e, "country/RWA"));
  // ("those behind the attacks": "behind" opens a phrase as well)
  Doc behind({"Abel Kessa ordered police to find those behind the attacks in Goma."},
             {P("Abel Kessa", "abel-kessa"), L("Goma", "goma")});
  for (const Event& e : of_type(behind.run(), "ATTACK")) EXPECT_FALSE(has(e, "person/abel-kessa"));
  EXPECT_EQ(of_type(behind.run(), "ATTACK").size(), 1u);
  Doc to({"Chad sent troops to attack Libya."}, {C("Chad", "TCD"), C("Libya", "LBY")});
  auto attacks = of_type(to.run(), "ATTACK");
  ASSERT_EQ(attacks.size(), 1u);
  EXPECT_TRUE(has(attacks[0], "country/TCD", "actor"));
}

// "of" right after "demonstration" is a show of something ("a demonstration of force"), no
// protest; "of" before it is not ("the second day of demonstrations against X").
TEST(Protest, DemonstrationOfIsAShow) {
  Doc d({"Police fired tear gas on the second day of demonstrations against Abel Kessa."},
        {P("Abel Kessa", "abel-kessa")});
  auto evs = of_type(d.run(), "PROTEST");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "person/abel-kessa", "target"));
  Doc show({"The parade was a demonstration of force by Chad."}, {C("Chad", "TCD")});
  EXPECT_TRUE(of_type(show.run(), "PROTEST").empty());
}

// A possessive pronoun after "against" or "on" a nominal trigger stands for its target; a
// plural after a past form is a noun ("carried out attacks").
// Supporters, activists or the opposition marching protest; troops marching do not.
TEST(Protest, SupportersMarching) {
  Doc d({"Opposition supporters marched in Dori on Wednesday."}, {L("Dori", "dori")});
  auto evs = of_type(d.run(), "PROTEST");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "location/dori", "location"));
  Doc troops({"Troops marched into Dori on Wednesday."}, {L("Dori", "dori")});
  EXPECT_TRUE(of_type(troops.run(), "PROTEST").empty());
}

TEST(Protest, PossessivePronounAfterAgainstIsTheTarget) {
  Doc d({"Abel Kessa resigned after weeks of protests against her government in Goma."},
        {P("Abel Kessa", "abel-kessa"), L("Goma", "goma")});
  auto evs = of_type(d.run(), "PROTEST");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "person/abel-kessa", "target"));
  Doc their({"Chad and Libya said drones carried out attacks on their positions."},
            {C("Chad", "TCD"), C("Libya", "LBY")});
  auto attacks = of_type(their.run(), "ATTACK");
  ASSERT_EQ(attacks.size(), 1u);
  EXPECT_TRUE(has(attacks[0], "country/TCD", "target"));
  EXPECT_TRUE(has(attacks[0], "country/LBY", "target"));
  // (the group that reports is no actor: its first name as its last)
  EXPECT_FALSE(has(attacks[0], "country/TCD", "actor"));
}

// A place given as a government's (a capital) keeps an actor's or a target's role as an
// asymmetric type's verb's subject or object, or as the clause's subject before a nominal
// trigger, or as a symmetric type's subject or side after "with"; any other place, and
// that one after "in", before a noun or as a visit's object, is a location.
TEST(Aid, GovernmentPlaceActs) {
  std::ifstream in(taxonomy_path());
  const EventExtractor ex(json::parse(in), taxonomy_path(), {"location/kessa-city"});
  Doc d({"Kessa City pledged $300 million in military aid to Varno Town."},
        {L("Kessa City", "kessa-city"), L("Varno Town", "varno-town")});
  auto evs = of_type(d.run(ex), "AID");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "location/kessa-city", "actor"));
  EXPECT_TRUE(has(evs[0], "location/varno-town", "location"));
  auto bundled_evs = of_type(d.run(), "AID");
  ASSERT_EQ(bundled_evs.size(), 1u);
  EXPECT_TRUE(has(bundled_evs[0], "location/kessa-city", "location"));
  // the subject that opens the clause, its verb after it, before a nominal trigger
  Doc invasion({"Kessa City launched its invasion of Chad in 2022."},
               {L("Kessa City", "kessa-city"), C("Chad", "TCD")}, {{"2022", "2022"}});
  auto invaded = of_type(invasion.run(ex), "ATTACK");
  ASSERT_EQ(invaded.size(), 1u);
  EXPECT_TRUE(has(invaded[0], "location/kessa-city", "actor"));
  // the subject of a reported clause ("said Kinshasa had cut diplomatic ties with Kigali")
  Doc reported({"The minister said Kessa City had cut diplomatic ties with Chad."},
               {L("Kessa City", "kessa-city"), C("Chad", "TCD")});
  auto cut = of_type(reported.run(ex), "SANCTION");
  ASSERT_EQ(cut.size(), 1u);
  EXPECT_TRUE(has(cut[0], "location/kessa-city", "actor"));
  // the subject of a conjunct after ", and" ("..., and Washington imposed sanctions on
  // Dagalo")
  Doc conjunct({"Chad attacked Dori, and Kessa City imposed sanctions on Chad."},
               {C("Chad", "TCD", 0), L("Dori", "dori"), L("Kessa City", "kessa-city"),
                C("Chad", "TCD", 1)});
  auto imposed = of_type(conjunct.run(ex), "SANCTION");
  ASSERT_EQ(imposed.size(), 1u);
  EXPECT_TRUE(has(imposed[0], "location/kessa-city", "actor"));
  // a passive's agent after "by"
  Doc donated({"Two helicopters were donated by Kessa City."}, {L("Kessa City", "kessa-city")});
  auto given = of_type(donated.run(ex), "AID");
  ASSERT_EQ(given.size(), 1u);
  EXPECT_TRUE(has(given[0], "location/kessa-city", "actor"));
  // after "in", before a noun, a symmetric type's, before a nominal trigger but no verb's
  // subject: a location
  for (const char* s : {"Chad pledged $300 million in aid in Kessa City.",
                        "Chad pledged the Kessa City aid package.",
                        "Chad met Kessa City officials on Friday.",
                        "Chad visited Kessa City on Friday.",
                        "Kessa City, Chad - Suspected bombs exploded on Friday."}) {
    Doc located({s}, {C("Chad", "TCD"), L("Kessa City", "kessa-city")});
    for (const Event& e : located.run(ex)) {
      EXPECT_FALSE(has(e, "location/kessa-city", "actor")) << s;
      EXPECT_FALSE(has(e, "location/kessa-city", "target")) << s;
    }
  }
  // a symmetric type's subject, or its side after "with", acts
  for (const char* s : {"Chad signed a peace deal with Kessa City in 2015.",
                        "Kessa City held talks with Chad on Friday."}) {
    Doc side({s}, {C("Chad", "TCD"), L("Kessa City", "kessa-city")});
    auto evs = side.run(ex);
    ASSERT_EQ(evs.size(), 1u) << s;
    EXPECT_TRUE(has(evs[0], "location/kessa-city", "actor")) << s;
  }
}

// The organisations after "of" right after a meeting's noun are the ones meeting ("a
// joint summit of the Arab League and the OIC"); not after "of" elsewhere.
TEST(Meeting, OrganisationsOfTheSummitMeet) {
  Doc d({"Leaders met at a joint summit of the Kessa League and the Varno Council in Tunis."},
        {O("Kessa League", "kessa-league"), O("Varno Council", "varno-council"), L("Tunis", "tunis")});
  auto evs = of_type(d.run(), "MEETING");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "org/kessa-league", "actor"));
  EXPECT_TRUE(has(evs[0], "org/varno-council", "actor"));
  EXPECT_FALSE(has(evs[0], "org/kessa-league", "target"));
  Doc other({"Joe Park met Ana Lima to discuss the structure of the Kessa League."},
            {P("Joe Park", "joe-park"), P("Ana Lima", "ana-lima"), O("Kessa League", "kessa-league")});
  for (const Event& e : of_type(other.run(), "MEETING"))
    EXPECT_FALSE(has(e, "org/kessa-league", "actor"));
}

// The names coordinated before the one right before a nominal trigger take part too.
TEST(Meeting, CoordinatedNamesBeforeANoun) {
  Doc d({"Chad, Libya and Sudan held talks in Tunis."},
        {C("Chad", "TCD"), C("Libya", "LBY"), C("Sudan", "SDN"), L("Tunis", "tunis")});
  auto evs = of_type(d.run(), "MEETING");
  ASSERT_EQ(evs.size(), 1u);
  for (const char* id : {"country/TCD", "country/LBY", "country/SDN"})
    EXPECT_TRUE(has(evs[0], id, "actor")) << id;
}

// A nominal subject of a passive takes no names past an agent that is no name ("by the
// conflict in ..."), and the names of an agent that is one.
TEST(Meeting, NominalSubjectOfAPassiveNotPastAThingsAgent) {
  Doc d({"The summit was overshadowed by the conflict in eastern Libya and Tunis."},
        {L("Tunis", "tunis"), C("Libya", "LBY")});
  for (const Event& e : of_type(d.run(), "MEETING")) EXPECT_FALSE(has(e, "country/LBY"));
  // (and so a participle right after the noun: "a summit dominated by the wars in Libya")
  Doc reduced({"Chad's leaders gathered for a summit dominated by the wars in Libya."},
              {C("Chad", "TCD"), C("Libya", "LBY")});
  for (const Event& e : of_type(reduced.run(), "MEETING")) EXPECT_FALSE(has(e, "country/LBY"));
  Doc agent({"The deal was signed by Chad and Libya in Tunis."},
            {C("Chad", "TCD"), C("Libya", "LBY"), L("Tunis", "tunis")});
  auto deals = of_type(agent.run(), "AGREEMENT");
  ASSERT_EQ(deals.size(), 1u);
  EXPECT_TRUE(has(deals[0], "country/TCD", "actor"));
  EXPECT_TRUE(has(deals[0], "country/LBY", "actor"));
}

// A nominal subject of a passive takes the names after its participle, regular or not,
// and after its own noun phrase.
TEST(Meeting, NominalSubjectOfAPassive) {
  for (const char* s : {"Talks were held in Tunis on Monday between Chad and Libya.",
                        "Talks between Chad and Libya were held in Tunis."}) {
    Doc d({s}, {C("Chad", "TCD"), C("Libya", "LBY"), L("Tunis", "tunis")});
    auto evs = of_type(d.run(), "MEETING");
    ASSERT_EQ(evs.size(), 1u) << s;
    EXPECT_TRUE(has(evs[0], "country/TCD", "actor")) << s;
    EXPECT_TRUE(has(evs[0], "country/LBY", "actor")) << s;
    EXPECT_TRUE(has(evs[0], "location/tunis", "location")) << s;
  }
}

// "after", "before" or "since" with a subject and a finite verb of its own opens a clause, even
// without a comma: its names are not the trigger's before it.
TEST(Sanction, TimeClauseWithAVerbIsAClauseOfItsOwn) {
  Doc d({"Chad suspended military contacts with Libya after Abel Kessa visited Sudan."},
        {C("Chad", "TCD"), C("Libya", "LBY"), P("Abel Kessa", "abel-kessa"), C("Sudan", "SDN")});
  auto evs = of_type(d.run(), "SANCTION");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "country/TCD", "actor"));
  EXPECT_FALSE(has(evs[0], "person/abel-kessa"));
  EXPECT_FALSE(has(evs[0], "country/SDN"));
  Doc noun({"Chad suspended military contacts with Libya after the talks in Sudan."},
           {C("Chad", "TCD"), C("Libya", "LBY"), C("Sudan", "SDN")});
  auto nouns = of_type(noun.run(), "SANCTION");
  ASSERT_EQ(nouns.size(), 1u);
  EXPECT_TRUE(has(nouns[0], "country/TCD", "actor"));
  // and "since"
  Doc since({"Chad has been under sanctions since Niger attacked Mali in 2022."},
            {C("Chad", "TCD"), C("Niger", "NER"), C("Mali", "MLI")}, {{"2022", "2022"}});
  auto attacks = of_type(since.run(), "ATTACK");
  ASSERT_EQ(attacks.size(), 1u);
  EXPECT_TRUE(has(attacks[0], "country/NER", "actor"));
  EXPECT_FALSE(has(attacks[0], "country/TCD"));
  // the verb after a relative clause is the time clause's, not the relative clause's
  Doc junta({"Chad withdrew its troops from Mali after the junta that seized power in July "
             "demanded it."},
            {C("Chad", "TCD"), C("Mali", "MLI")}, {{"July", "XXXX-07"}});
  for (const Event& e : of_type(junta.run(), "COUP")) EXPECT_FALSE(has(e, "country/TCD"));
}

// Shooting someone is an attack, beside a word of guns or wounds (not a film's shooting),
// and "after being shot" keeps the clause's subject: the target.
TEST(Attack, ShotAfterAGerund) {
  Doc d({"Abel Kessa was in hospital after being shot by a gunman in Dori."},
        {P("Abel Kessa", "abel-kessa"), L("Dori", "dori")});
  auto evs = of_type(d.run(), "ATTACK");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "person/abel-kessa", "target"));
  Doc film({"Abel Kessa shot a film in Dori."}, {P("Abel Kessa", "abel-kessa"), L("Dori", "dori")});
  EXPECT_TRUE(of_type(film.run(), "ATTACK").empty());
  // (a wound's place says it too)
  Doc ear({"Abel Kessa was shot in the ear at a rally in Dori."},
          {P("Abel Kessa", "abel-kessa"), L("Dori", "dori")});
  evs = of_type(ear.run(), "ATTACK");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "person/abel-kessa", "target"));
}

// Who fights alongside the subject is an ally: no target, and the subject stays the actor.
TEST(Attack, AlongsideIsAnAlly) {
  Doc d({"Chad, whose troops fought alongside Libyan forces, attacked Dori."},
        {C("Chad", "TCD"), C("Libyan", "LBY"), L("Dori", "dori")});
  for (const Event& e : of_type(d.run(), "ATTACK")) EXPECT_FALSE(has(e, "country/LBY", "target"));
  Doc relative({"Chad, whose troops fought alongside Libyan forces, was absent."},
               {C("Chad", "TCD"), C("Libyan", "LBY")});
  auto fought = of_type(relative.run(), "ATTACK");
  ASSERT_EQ(fought.size(), 1u);
  EXPECT_TRUE(has(fought[0], "country/TCD", "actor"));
  EXPECT_FALSE(has(fought[0], "country/LBY", "target"));
}

// A country's possessive before a verb is the subject's, not the object person's: in
// "Chad's presidential guard detained President Abel Kessa" Chad detained him.
TEST(Arrest, SubjectsPossessorIsNoTitledObjectsCountry) {
  Doc d({"Chad's presidential guard detained President Abel Kessa on Wednesday."},
        {C("Chad", "TCD"), P("Abel Kessa", "abel-kessa")});
  auto evs = of_type(d.run(), "ARREST");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "person/abel-kessa", "target"));
  EXPECT_FALSE(has(evs[0], "country/TCD", "target"));
}

// A verb after "and" and a common subject of its own ("and police arrested him") takes no
// name of the conjunct before, and "him" is the person before; "as" and a personal pronoun
// before a verb open a clause
// ("was detained as he travelled to the Libyan embassy").
TEST(Arrest, ConjunctWithACommonSubject) {
  Doc d({"Chad's parliament removed President Abel Kessa on Wednesday and police arrested him."},
        {C("Chad", "TCD"), P("Abel Kessa", "abel-kessa")}, {{"Wednesday", "XXXX-WXX-3"}});
  auto arrests = of_type(d.run(), "ARREST");
  ASSERT_EQ(arrests.size(), 1u);
  EXPECT_FALSE(has(arrests[0], "country/TCD", "actor"));
  EXPECT_FALSE(has(arrests[0], "person/abel-kessa", "actor"));
  // "him": the nearest person before, the target (not who already takes part)
  EXPECT_TRUE(has(arrests[0], "person/abel-kessa", "target"));
  Doc own({"Abel Kessa arrested him."}, {P("Abel Kessa", "abel-kessa")});
  for (const Event& e : of_type(own.run(), "ARREST"))
    EXPECT_FALSE(has(e, "person/abel-kessa", "target"));
  // (an adverb in -ly after "and" is no subject of its own)
  Doc sworn({"Abel Kessa was sworn in on Monday and immediately signed a pact with Chad."},
            {P("Abel Kessa", "abel-kessa"), C("Chad", "TCD")});
  auto signed_pact = of_type(sworn.run(), "AGREEMENT");
  ASSERT_EQ(signed_pact.size(), 1u);
  EXPECT_TRUE(has(signed_pact[0], "person/abel-kessa", "actor"));
  // (no person before it in its sentence: the one that opened the sentence before)
  Doc next({"General Abel Kessa spoke to reporters.", "Police arrested him on Wednesday."},
           {P("Abel Kessa", "abel-kessa")});
  auto later = of_type(next.run(), "ARREST");
  ASSERT_EQ(later.size(), 1u);
  EXPECT_TRUE(has(later[0], "person/abel-kessa", "target"));
  // ("he" or "she" opening the sentence, no name before the verb: that person acts)
  Doc he({"Abel Kessa spoke to reporters in Dori.", "He met Ruth Obi on Wednesday."},
         {P("Abel Kessa", "abel-kessa"), L("Dori", "dori"), P("Ruth Obi", "ruth-obi")});
  auto met = of_type(he.run(), "MEETING");
  ASSERT_EQ(met.size(), 1u);
  EXPECT_TRUE(has(met[0], "person/abel-kessa", "actor"));
  Doc far({"Police spoke to Abel Kessa.", "They arrested him on Wednesday."},
          {P("Abel Kessa", "abel-kessa")});
  EXPECT_TRUE(of_type(far.run(), "ARREST").empty());
}

// "he" or "she" after a verb of reporting, "that" or a conjunction stands for the one person
// its sentence names before it, as a subject ("Lee said he would seek talks").
TEST(Events, SubjectPronounInsideTheSentence) {
  Doc said({"Abel Kessa was arrested on Monday after he attacked a convoy in Chad."},
           {P("Abel Kessa", "abel-kessa"), C("Chad", "TCD")});
  auto attacks = of_type(said.run(), "ATTACK");
  ASSERT_EQ(attacks.size(), 1u);
  EXPECT_TRUE(has(attacks[0], "person/abel-kessa", "actor"));
  // (a passive after "that" and another clause has none of it: "said that he had accepted
  // the demand and that the troops had been pulled back")
  Doc pulled({"Abel Kessa said that he had accepted the demand and that troops had been "
              "attacked in Chad."},
             {P("Abel Kessa", "abel-kessa"), C("Chad", "TCD")});
  for (const Event& e : of_type(pulled.run(), "ATTACK")) EXPECT_FALSE(has(e, "person/abel-kessa"));
  Doc won({"Chad's President Abel Kessa was sworn in on Monday after officials declared that "
           "he had won the election."},
          {C("Chad", "TCD"), P("Abel Kessa", "abel-kessa")});
  auto elections = of_type(won.run(), "ELECTION");
  ASSERT_EQ(elections.size(), 1u);
  EXPECT_TRUE(has(elections[0], "person/abel-kessa", "actor"));
  Doc told({"Abel Kessa told Reuters he had met Ruth Obi in Dori."},
           {P("Abel Kessa", "abel-kessa"), O("Reuters", "reuters"), P("Ruth Obi", "ruth-obi"),
            L("Dori", "dori")});
  auto met = of_type(told.run(), "MEETING");
  ASSERT_EQ(met.size(), 1u);
  EXPECT_TRUE(has(met[0], "person/abel-kessa", "actor"));
  EXPECT_TRUE(has(met[0], "person/ruth-obi", "actor"));
  // (not when two people come before it, nor a person inside a prepositional phrase)
  Doc two({"Abel Kessa met Ruth Obi, and police said she had attacked a convoy in Chad."},
          {P("Abel Kessa", "abel-kessa"), P("Ruth Obi", "ruth-obi"), C("Chad", "TCD")});
  for (const Event& e : of_type(two.run(), "ATTACK")) {
    EXPECT_FALSE(has(e, "person/abel-kessa", "actor"));
    EXPECT_FALSE(has(e, "person/ruth-obi", "actor"));
  }
  Doc spokesman({"A spokesman for Abel Kessa said he had attacked a convoy in Chad."},
                {P("Abel Kessa", "abel-kessa"), C("Chad", "TCD")});
  for (const Event& e : of_type(spokesman.run(), "ATTACK"))
    EXPECT_FALSE(has(e, "person/abel-kessa", "actor"));
  // (not after a coordinated subject: "Libyan missiles and drones struck")
  Doc drones({"Libyan missiles and drones struck Chad's power grid."},
             {C("Libyan", "LBY"), C("Chad", "TCD")});
  auto struck = of_type(drones.run(), "ATTACK");
  ASSERT_EQ(struck.size(), 1u);
  EXPECT_TRUE(has(struck[0], "country/LBY", "actor"));
  Doc as({"Abel Kessa was detained as he travelled to the Libyan embassy in Dori."},
         {P("Abel Kessa", "abel-kessa"), C("Libyan", "LBY"), L("Dori", "dori")});
  auto evs = of_type(as.run(), "ARREST");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "person/abel-kessa", "target"));
  EXPECT_FALSE(has(evs[0], "country/LBY"));
  // a passive after "and" and a common subject of its own ("and at least 50 people were
  // arrested"): the names before are not its targets; a place stays its place
  Doc passive({"Libyan police fired tear gas in Dori, and at least 50 people were arrested."},
              {C("Libyan", "LBY"), L("Dori", "dori")});
  for (const Event& e : of_type(passive.run(), "ARREST")) {
    EXPECT_FALSE(has(e, "country/LBY", "target"));
    EXPECT_TRUE(has(e, "location/dori", "location"));
  }
  // (not subjects coordinated by "and": "two Libyan exile leaders and 133 other people were
  // arrested")
  Doc subjects({"Two Libyan exile leaders and 133 other people were arrested in Dori."},
               {C("Libyan", "LBY"), L("Dori", "dori")});
  auto held = of_type(subjects.run(), "ARREST");
  ASSERT_EQ(held.size(), 1u);
  EXPECT_TRUE(has(held[0], "country/LBY", "target"));
  // so for a clause that "when", "after" or "as" opens with a common subject of its own
  for (const char* s : {"Abel Kessa had returned from Libya when officers detained him.",
                        "Abel Kessa flew home, a day after police arrested him in Libya."}) {
    Doc when({s}, {P("Abel Kessa", "abel-kessa"), C("Libya", "LBY")});
    auto detained = of_type(when.run(), "ARREST");
    ASSERT_EQ(detained.size(), 1u) << s;
    EXPECT_FALSE(has(detained[0], "country/LBY", "actor")) << s;
    EXPECT_TRUE(has(detained[0], "person/abel-kessa", "target")) << s;
  }
}

// Who issued the warrant or order an arrest was made on is no target ("arrested him on a
// warrant from the Kessa Court").
TEST(Arrest, IssuerOfTheWarrantIsNoTarget) {
  Doc d({"Abel Kessa returned to Dori, where police arrested him on a warrant from the Kessa Court."},
        {P("Abel Kessa", "abel-kessa"), L("Dori", "dori"), O("Kessa Court", "kessa-court")});
  auto evs = of_type(d.run(), "ARREST");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_FALSE(has(evs[0], "org/kessa-court", "target"));
  EXPECT_TRUE(has(evs[0], "person/abel-kessa", "target"));
}

// Storming a parliament is an attack; a storm is none.
TEST(Attack, StormingNotAStorm) {
  Doc d({"Protesters stormed parliament in Dori on Tuesday."}, {L("Dori", "dori")},
        {{"Tuesday", "XXXX-WXX-2"}});
  EXPECT_EQ(of_type(d.run(), "ATTACK").size(), 1u);
  Doc storm({"A storm hit Dori on Tuesday."}, {L("Dori", "dori")}, {{"Tuesday", "XXXX-WXX-2"}});
  EXPECT_TRUE(of_type(storm.run(), "ATTACK").empty());
}

// Who calls something an attack ("called it a vile attack") did not attack.
TEST(Attack, NamingItAnAttackIsAReaction) {
  for (const char* s : {"Abel Kessa called it a vile attack.",
                        "Abel Kessa described this as a cowardly attack.",
                        "Abel Kessa, who had called the storming of parliament treasonous, "
                        "left.",
                        "Abel Kessa described the raid as a failed attempt to attack his home.",
                        "Abel Kessa called the ruling \"a cowardly attack\" on Monday."}) {
    Doc d({s}, {P("Abel Kessa", "abel-kessa")});
    for (const Event& e : of_type(d.run(), "ATTACK"))
      EXPECT_FALSE(has(e, "person/abel-kessa", "actor")) << s;
  }
}

// Charging someone with a crime is an arrest's kind (CAMEO 173); charging a fee or a body
// with a task is not.
// "and" and a past form of another verb after the trigger's object, or right after a
// passive trigger, open that verb's conjunct: its names are not the trigger's. Not right
// after an active trigger (the two verbs share its object), nor before "by" (they share
// the agent), nor before a noun ("attacked Joe Park and allied fighters").
TEST(Arrest, PastFormAfterAndOpensItsOwnConjunct) {
  Doc d({"Police arrested Joe Park and questioned Ana Lima."},
        {P("Joe Park", "joe-park"), P("Ana Lima", "ana-lima")});
  auto arrests = of_type(d.run(), "ARREST");
  ASSERT_EQ(arrests.size(), 1u);
  EXPECT_TRUE(has(arrests[0], "person/joe-park", "target"));
  EXPECT_FALSE(has(arrests[0], "person/ana-lima"));
  Doc passive({"Joe Park was arrested and accused of spying for Rwanda."},
              {P("Joe Park", "joe-park"), C("Rwanda", "RWA")});
  auto held = of_type(passive.run(), "ARREST");
  ASSERT_EQ(held.size(), 1u);
  EXPECT_FALSE(has(held[0], "country/RWA"));
  // (a passive goes on after "and" past its complements: "was arrested on Monday and
  // charged with ..."; not before an object: "was elected in May and arrested Ana Lima")
  Doc charged({"Joe Park was arrested on Monday and charged with spying for Rwanda."},
              {P("Joe Park", "joe-park"), C("Rwanda", "RWA")});
  for (const Event& e : of_type(charged.run(), "ARREST")) {
    EXPECT_TRUE(has(e, "person/joe-park", "target"));
    EXPECT_FALSE(has(e, "person/joe-park", "actor"));
  }
  Doc elected({"Joe Park was elected in May and arrested Ana Lima."},
              {P("Joe Park", "joe-park"), P("Ana Lima", "ana-lima")});
  auto rival = of_type(elected.run(), "ARREST");
  ASSERT_EQ(rival.size(), 1u);
  EXPECT_TRUE(has(rival[0], "person/joe-park", "actor"));
  EXPECT_TRUE(has(rival[0], "person/ana-lima", "target"));
  Doc shared({"Police arrested and questioned Joe Park."}, {P("Joe Park", "joe-park")});
  auto both = of_type(shared.run(), "ARREST");
  ASSERT_EQ(both.size(), 1u);
  EXPECT_TRUE(has(both[0], "person/joe-park", "target"));
  Doc agent({"Joe Park was arrested and questioned by Rwanda."},
            {P("Joe Park", "joe-park"), C("Rwanda", "RWA")});
  auto by = of_type(agent.run(), "ARREST");
  ASSERT_EQ(by.size(), 1u);
  EXPECT_TRUE(has(by[0], "country/RWA", "actor"));
  Doc allied({"Police arrested Joe Park and allied fighters in Rwanda."},
             {P("Joe Park", "joe-park"), C("Rwanda", "RWA")});
  auto fighters = of_type(allied.run(), "ARREST");
  ASSERT_EQ(fighters.size(), 1u);
  EXPECT_TRUE(has(fighters[0], "country/RWA", "location"));
}

TEST(Arrest, ChargedWithACrime) {
  for (const char* s : {"Prosecutors charged Abel Kessa with treason on Thursday.",
                        "Abel Kessa was charged with murder."}) {
    Doc d({s}, {P("Abel Kessa", "abel-kessa")});
    auto evs = of_type(d.run(), "ARREST");
    ASSERT_EQ(evs.size(), 1u) << s;
    EXPECT_TRUE(has(evs[0], "person/abel-kessa", "target")) << s;
  }
  for (const char* s : {"The council charged Abel Kessa with verifying the data.",
                        "Abel Kessa charged customers with fees."}) {
    Doc d({s}, {P("Abel Kessa", "abel-kessa")});
    EXPECT_TRUE(of_type(d.run(), "ARREST").empty()) << s;
  }
  // "in charge of" is no charging
  Doc d({"Abel Kessa kept Ruth Obi in charge of trade talks with Ghana."},
        {P("Abel Kessa", "abel-kessa"), P("Ruth Obi", "ruth-obi"), C("Ghana", "GHA")});
  EXPECT_TRUE(of_type(d.run(), "ARREST").empty());
}

// "jail" as a noun is a place ("inside Dori jail", "14 years in jail"), its verb's past an
// arrest.
TEST(Arrest, JailIsAPlaceJailedAnArrest) {
  for (const char* s : {"The verdict was read inside Dori jail in Gao.",
                        "Abel Kessa, who is in jail in Gao, spoke."}) {
    Doc d({s}, {L("Gao", "gao")});
    EXPECT_TRUE(of_type(d.run(), "ARREST").empty()) << s;
  }
  Doc jailed({"A court in Gao jailed Abel Kessa."},
             {L("Gao", "gao"), P("Abel Kessa", "abel-kessa")});
  auto evs = of_type(jailed.run(), "ARREST");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "person/abel-kessa", "target"));
}

// A name whose clause goes on with "and said" reports what follows: it is no target of a
// passive in the report, unless a pronoun there stands for it.
TEST(Arrest, ReporterAfterAndIsNoTarget) {
  Doc d({"Abel Kessa returned to Tunis and said most of the plotters had been arrested."},
        {P("Abel Kessa", "abel-kessa"), L("Tunis", "tunis")});
  for (const Event& e : d.run()) EXPECT_FALSE(has(e, "person/abel-kessa")) << e.type;
  // (so does one whose report verb follows an auxiliary)
  Doc warned({"Abel Kessa had warned in January that the plotters would be arrested in Tunis."},
             {P("Abel Kessa", "abel-kessa"), L("Tunis", "tunis")});
  for (const Event& e : warned.run()) EXPECT_FALSE(has(e, "person/abel-kessa")) << e.type;
  Doc pronoun({"Abel Kessa returned to Tunis and said he had been arrested."},
              {P("Abel Kessa", "abel-kessa"), L("Tunis", "tunis")});
  auto evs = of_type(pronoun.run(), "ARREST");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "person/abel-kessa", "target"));
}

// ", in what X called an attack" names the clause before's happening: X did not attack;
// the subject before is the actor, or the target of a passive ("Abel Kessa was shot ...,
// in what police called an assassination attempt"), and the event took place when the
// clause before's did.
TEST(Attack, InWhatItWasCalledNamesTheClauseBefore) {
  Doc passive({"Abel Kessa was wounded at a rally on Saturday, in what the Kessa Bureau called an "
               "attempted assassination."},
              {P("Abel Kessa", "abel-kessa"), O("Kessa Bureau", "kessa-bureau")},
              {{"Saturday", "XXXX-WXX-6"}});
  auto evs = of_type(passive.run(), "ATTACK");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "person/abel-kessa", "target"));
  EXPECT_FALSE(has(evs[0], "person/abel-kessa", "actor"));
  EXPECT_FALSE(has(evs[0], "org/kessa-bureau"));
  ASSERT_TRUE(evs[0].date.has_value());
  Doc active({"Gunmen shot Abel Kessa at a rally, in what the Kessa Bureau called an "
              "attempted assassination."},
             {P("Abel Kessa", "abel-kessa"), O("Kessa Bureau", "kessa-bureau")});
  evs = of_type(active.run(), "ATTACK");
  ASSERT_FALSE(evs.empty());
  for (const Event& e : evs) EXPECT_FALSE(has(e, "org/kessa-bureau")) << active.slice(e.trigger);
  Doc actor({"Libya shelled Dori on Monday, in what Chad described as a deliberate attack."},
            {C("Libya", "LBY"), L("Dori", "dori"), C("Chad", "TCD")});
  evs = of_type(actor.run(), "ATTACK");
  ASSERT_FALSE(evs.empty());
  for (const Event& e : evs) {
    EXPECT_TRUE(has(e, "country/LBY", "actor")) << actor.slice(e.trigger);
    EXPECT_FALSE(has(e, "country/TCD")) << actor.slice(e.trigger);
  }
}

// A name joined by a hyphen to "backed", "aligned", "based" ... before another is no
// party: "the Libya-backed Kessa Front attacked Chad".
TEST(Attack, BackerTakesNoPart) {
  Doc d({"The Libya-backed Kessa Front attacked Chad on Monday."},
        {C("Libya", "LBY"), O("Kessa Front", "kessa-front"), C("Chad", "TCD")});
  auto evs = of_type(d.run(), "ATTACK");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "org/kessa-front", "actor"));
  EXPECT_TRUE(has(evs[0], "country/TCD", "target"));
  EXPECT_FALSE(has(evs[0], "country/LBY"));
  // (a date after an appositive's closing comma is the main clause's)
  Doc appositive({"Kessa Front rebels captured Dori, the largest city in the north, on Sunday."},
                 {O("Kessa Front", "kessa-front"), L("Dori", "dori")}, {{"Sunday", "XXXX-WXX-7"}});
  auto dated = of_type(appositive.run(), "ATTACK");
  ASSERT_EQ(dated.size(), 1u);
  ASSERT_TRUE(dated[0].date.has_value());
  EXPECT_EQ(dated[0].date->value, "XXXX-WXX-7");
  // nor does one after "backed by" before the trigger
  Doc by({"Kessa Front rebels backed by Libya captured the town of Dori on Sunday."},
         {O("Kessa Front", "kessa-front"), C("Libya", "LBY"), L("Dori", "dori")},
         {{"Sunday", "XXXX-WXX-7"}});
  auto captured = of_type(by.run(), "ATTACK");
  ASSERT_EQ(captured.size(), 1u);
  EXPECT_TRUE(has(captured[0], "org/kessa-front", "actor"));
  EXPECT_TRUE(has(captured[0], "location/dori", "location"));
  EXPECT_FALSE(has(captured[0], "country/LBY"));
  // (nor the names coordinated with it: "backed by Chad and Libya")
  Doc both({"Kessa Front rebels backed by Chad and Libya captured the town of Dori."},
           {O("Kessa Front", "kessa-front"), C("Chad", "TCD"), C("Libya", "LBY"),
            L("Dori", "dori")});
  auto took = of_type(both.run(), "ATTACK");
  ASSERT_EQ(took.size(), 1u);
  EXPECT_FALSE(has(took[0], "country/TCD"));
  EXPECT_FALSE(has(took[0], "country/LBY"));
  // nor one of a noun before it that "brokered" or "mediated" ("after a Tunis-brokered
  // ceasefire, withdrew")
  Doc brokered({"Libyan troops, deployed after a Tunis-brokered truce, withdrew from Chad."},
               {C("Libyan", "LBY"), L("Tunis", "tunis"), C("Chad", "TCD")});
  for (const Event& e : brokered.run()) EXPECT_FALSE(has(e, "location/tunis")) << e.type;
  // but the backer of the event itself takes part
  Doc embargo({"Chad faces a Libya-backed embargo."}, {C("Chad", "TCD"), C("Libya", "LBY")});
  auto embargoes = of_type(embargo.run(), "SANCTION");
  ASSERT_EQ(embargoes.size(), 1u);
  EXPECT_TRUE(has(embargoes[0], "country/LBY"));
  // the name after such a compound keeps the word before the compound: "a ceasefire between
  // Israel and Iran-backed Hezbollah" has both sides
  Doc sides({"A ceasefire between Chad and Libya-backed Kessa Front took effect."},
            {C("Chad", "TCD"), C("Libya", "LBY"), O("Kessa Front", "kessa-front")});
  auto truce = of_type(sides.run(), "AGREEMENT");
  ASSERT_EQ(truce.size(), 1u);
  EXPECT_TRUE(has(truce[0], "country/TCD", "actor"));
  EXPECT_TRUE(has(truce[0], "org/kessa-front", "actor"));
  EXPECT_FALSE(has(truce[0], "country/LBY"));
}

// "strike" alone is an attack beside a country ("a suspected Libyan strike on Chad's
// embassy"), not a labour strike ("Chadian workers began a strike").
TEST(Attack, StrikeBesideACountry) {
  Doc d({"Chad blamed a suspected Libyan strike on Chad's embassy in Tunis."},
        {C("Chad", "TCD", 0), C("Libyan", "LBY"), C("Chad", "TCD", 1), L("Tunis", "tunis")});
  auto evs = of_type(d.run(), "ATTACK");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "country/LBY", "actor"));
  EXPECT_TRUE(has(evs[0], "country/TCD", "target"));
  // or beside a word of military strikes ("launched", "naval", "targets" ...)
  Doc naval({"Chad and Libya launched air and naval strikes against Kessa Front targets."},
            {C("Chad", "TCD"), C("Libya", "LBY"), O("Kessa Front", "kessa-front")});
  auto strikes = of_type(naval.run(), "ATTACK");
  ASSERT_EQ(strikes.size(), 1u);
  EXPECT_TRUE(has(strikes[0], "country/TCD", "actor"));
  EXPECT_TRUE(has(strikes[0], "org/kessa-front", "target"));
  Doc labour({"Chadian workers began a strike on Monday in Tunis."},
             {C("Chadian", "TCD"), L("Tunis", "tunis")});
  EXPECT_TRUE(of_type(labour.run(), "ATTACK").empty());
}

// A noun in -ing after a plural is that noun's participle ("troops fighting rebels"): the
// clause's subject is not its actor.
TEST(Attack, ParticipleAfterAPluralTakesNoSubject) {
  Doc d({"Abel Kessa visited troops fighting rebels in Mali."},
        {P("Abel Kessa", "abel-kessa"), C("Mali", "MLI")});
  for (const Event& e : of_type(d.run(), "ATTACK")) EXPECT_FALSE(has(e, "person/abel-kessa"));
  Doc heavy({"Abel Kessa reported heavy fighting in Mali."},
            {P("Abel Kessa", "abel-kessa"), C("Mali", "MLI")});
  ASSERT_EQ(of_type(heavy.run(), "ATTACK").size(), 1u);
}

// Such a participle's phrase ends at the clause's own verb: the names after that verb are
// not the participle's ("Leaders meeting in Dori on Sunday agreed to keep talking with Mali").
TEST(Meeting, ParticiplePhraseEndsAtTheClauseVerb) {
  Doc agreed({"Leaders meeting in Dori on Sunday agreed to keep talking with the military "
               "governments of Mali and Kessaland."},
              {L("Dori", "dori"), C("Mali", "MLI"), C("Kessaland", "KSL")});
  auto meetings = of_type(agreed.run(), "MEETING");
  ASSERT_EQ(meetings.size(), 1u);
  EXPECT_TRUE(has(meetings[0], "location/dori"));
  EXPECT_FALSE(has(meetings[0], "country/MLI"));
  EXPECT_FALSE(has(meetings[0], "country/KSL"));
  for (const char* s : {"Ministers meeting in Dori said Mali must hold elections.",
                        "Envoys meeting in Dori have urged Mali to hold elections."}) {
    Doc d({s}, {L("Dori", "dori"), C("Mali", "MLI")});
    meetings = of_type(d.run(), "MEETING");
    ASSERT_EQ(meetings.size(), 1u) << s;
    EXPECT_TRUE(has(meetings[0], "location/dori")) << s;
    EXPECT_FALSE(has(meetings[0], "country/MLI")) << s;
  }
  // (an adjective in -ed inside the participle's object is no verb of the clause)
  Doc armed({"Abel Kessa visited troops fighting armed groups in Mali."},
            {P("Abel Kessa", "abel-kessa"), C("Mali", "MLI")});
  auto attacks = of_type(armed.run(), "ATTACK");
  ASSERT_EQ(attacks.size(), 1u);
  EXPECT_TRUE(has(attacks[0], "country/MLI"));
}

// ", as" with a subject and a finite verb opens a clause: its trigger takes no name of the
// clause before, but its date.
TEST(Protest, AsClauseIsAClauseOfItsOwn) {
  Doc d({"Chadian police fired tear gas at protesters, as supporters marched in Dori."},
        {C("Chadian", "TCD"), L("Dori", "dori")});
  for (const Event& e : of_type(d.run(), "PROTEST")) EXPECT_FALSE(has(e, "country/TCD")) << e.type;
  // such a clause, and a participle's, happened when the clause before did: its date
  for (const char* s : {"Chadian police fired tear gas in Dori on Friday, as supporters of the "
                        "Kessa Front attacked a police station.",
                        "Chadian police ended a siege in Dori on Friday, killing five Kessa Front "
                        "gunmen."}) {
    Doc dated({s}, {C("Chadian", "TCD"), L("Dori", "dori"), O("Kessa Front", "kessa-front")},
              {{"Friday", "XXXX-WXX-5"}});
    auto attacks = of_type(dated.run(), "ATTACK");
    ASSERT_EQ(attacks.size(), 1u) << s;
    ASSERT_TRUE(attacks[0].date.has_value()) << s;
    EXPECT_EQ(attacks[0].date->value, "XXXX-WXX-5") << s;
  }
}

// So with an appositive between commas before its verb ("seized power after his father,
// Abel Kessa, was killed"): the time clause's names are not the main verb's.
TEST(Coup, TimeClauseWithAnAppositiveIsAClauseOfItsOwn) {
  Doc d({"Joe Varno seized power after his father, Abel Kessa, was killed in the north."},
        {P("Joe Varno", "joe-varno"), P("Abel Kessa", "abel-kessa")});
  auto coups = of_type(d.run(), "COUP");
  ASSERT_EQ(coups.size(), 1u);
  EXPECT_TRUE(has(coups[0], "person/joe-varno", "actor"));
  EXPECT_FALSE(has(coups[0], "person/abel-kessa"));
  for (const Event& e : of_type(d.run(), "ATTACK")) EXPECT_FALSE(has(e, "person/joe-varno"));
}

// A collective head of one label ("the two leaders") refers to the members of that label
// of a group of several labels ("Chadian President Abel Kessa and Libya President Joe
// Varno": a country before a person's title joins the person's group).
TEST(References, CollectiveHeadTakesTheMembersOfItsLabel) {
  Doc d({"Chadian President Abel Kessa and Libya President Joe Varno spoke on Monday.",
         "The two leaders met in Tunis."},
        {{"Chadian", "COUNTRY", "country/TCD", 0, "demonym"}, P("Abel Kessa", "abel-kessa"),
         C("Libya", "LBY"), P("Joe Varno", "joe-varno"), L("Tunis", "tunis")});
  auto evs = of_type(d.run(), "MEETING");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "person/abel-kessa", "actor"));
  EXPECT_TRUE(has(evs[0], "person/joe-varno", "actor"));
}

// The possessor of a person's relative takes no part: the relative does.
TEST(Arrest, PossessorOfARelativeTakesNoPart) {
  for (const char* s : {"Police detained Abel Kessa, President Joe Varno's main political rival.",
                        "Police detained Joe Varno's main rival Abel Kessa."}) {
    Doc d({s}, {P("Abel Kessa", "abel-kessa"), P("Joe Varno", "joe-varno")});
    auto evs = of_type(d.run(), "ARREST");
    ASSERT_EQ(evs.size(), 1u) << s;
    EXPECT_TRUE(has(evs[0], "person/abel-kessa", "target")) << s;
    EXPECT_FALSE(has(evs[0], "person/joe-varno")) << s;
  }
}

// The names of a "when" or "while" clause with a subject and a verb of its own are not the objects
// of a trigger before it ("was arrested in 2021 when he returned to Libya from Chad").
TEST(Arrest, NamesOfAWhenClauseAreNotTheObjects) {
  Doc d({"Abel Kessa was arrested in 2021 when he returned to Libya from Chad."},
        {P("Abel Kessa", "abel-kessa"), C("Libya", "LBY"), C("Chad", "TCD")});
  auto evs = of_type(d.run(), "ARREST");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "person/abel-kessa", "target"));
  EXPECT_FALSE(has(evs[0], "country/LBY"));
  EXPECT_FALSE(has(evs[0], "country/TCD"));
  // (and "while": "attacked Dori while he was on a trip to Chad")
  Doc trip({"Gunmen attacked Dori while he was on a trip to Chad."}, {L("Dori", "dori"), C("Chad", "TCD")});
  auto attacks = of_type(trip.run(), "ATTACK");
  ASSERT_EQ(attacks.size(), 1u);
  EXPECT_FALSE(has(attacks[0], "country/TCD"));
}

// The object of a verb coordinated by "and" with the trigger's verb does not act in it
// ("Sudan condemned Kenya and recalled its ambassador"); a reported subject still does.
// Imposing tariffs on a country's goods is a sanction on it; tariffs alone are trade news.
TEST(Sanction, ImposedTariffs) {
  Doc d({"Libya imposed 25 percent tariffs on Chadian steel on Wednesday."},
        {C("Libya", "LBY"), C("Chadian", "TCD")}, {{"Wednesday", "XXXX-WXX-3"}});
  auto evs = of_type(d.run(), "SANCTION");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "country/LBY", "actor"));
  EXPECT_TRUE(has(evs[0], "country/TCD", "target"));
  Doc trade({"Libya said tariffs on Chadian steel hurt its builders."},
            {C("Libya", "LBY"), C("Chadian", "TCD")});
  EXPECT_TRUE(of_type(trade.run(), "SANCTION").empty());
}

TEST(Sanction, ObjectOfTheVerbBeforeAndDoesNotAct) {
  Doc d({"Rwanda condemned Chad for hosting the signing and recalled its ambassador."},
        {C("Rwanda", "RWA"), C("Chad", "TCD")});
  auto evs = of_type(d.run(), "SANCTION");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "country/RWA", "actor"));
  EXPECT_FALSE(has(evs[0], "country/TCD", "actor"));
  Doc reported({"Rwanda said Chad had met Niger and recalled its ambassador."},
               {C("Rwanda", "RWA"), C("Chad", "TCD"), C("Niger", "NER")});
  auto recalls = of_type(reported.run(), "SANCTION");
  ASSERT_EQ(recalls.size(), 1u);
  EXPECT_TRUE(has(recalls[0], "country/TCD", "actor"));
  // (after an auxiliary too, and a name after the first verb's noun: "would seek talks with
  // North Korea and would meet U.S. President Donald Trump")
  Doc talks({"Abel Kessa said he would seek talks with Libya and would meet Ruth Obi soon."},
            {P("Abel Kessa", "abel-kessa"), C("Libya", "LBY"), P("Ruth Obi", "ruth-obi")});
  const auto meetings = of_type(talks.run(), "MEETING", "hypothetical");
  ASSERT_FALSE(meetings.empty());
  for (const Event& e : meetings)
    EXPECT_FALSE(has(e, "person/ruth-obi") && has(e, "country/LBY"));
  // (the talks are Kessa's: a symmetric nominal after an auxiliary and a verb takes the
  // subject, and the two meetings, each with a partner the other lacks, stay two)
  ASSERT_EQ(meetings.size(), 2u);
  EXPECT_TRUE(has(meetings[0], "person/abel-kessa", "actor"));
  EXPECT_TRUE(has(meetings[0], "country/LBY", "actor"));
  EXPECT_TRUE(has(meetings[1], "person/ruth-obi", "actor"));
  Doc will({"Abel Kessa will hold talks with Libya."},
           {P("Abel Kessa", "abel-kessa"), C("Libya", "LBY")});
  const auto held = of_type(will.run(), "MEETING", "hypothetical");
  ASSERT_EQ(held.size(), 1u);
  EXPECT_TRUE(has(held[0], "person/abel-kessa", "actor"));
}

// Leaving a seat of government is going out of a building, no withdrawal.
TEST(Withdrawal, LeavingTheWhiteHouseIsNone) {
  Doc d({"Abel Kessa left the White House on Friday without a deal."},
        {P("Abel Kessa", "abel-kessa"), O("White House", "white-house")});
  EXPECT_TRUE(of_type(d.run(), "WITHDRAWAL").empty());
}

// A verb trigger after "and" and an auxiliary or adverb shares the subject of the verb
// trigger before it; that verb's object takes no part ("Niger left the African Union and
// have formed the Alliance of Sahel States"); so does a headline's present form after a
// comma ("Israel strikes Iran's nuclear sites, kills top commanders").
TEST(Founding, VerbAfterAndAndAnAuxiliarySharesTheSubject) {
  Doc headline({"Libya attacks Chad's army bases, kills top commanders"},
               {C("Libya", "LBY"), C("Chad", "TCD")});
  for (const Event& e : of_type(headline.run(), "ATTACK")) {
    EXPECT_TRUE(has(e, "country/LBY", "actor"));
    EXPECT_FALSE(has(e, "country/TCD", "actor"));
  }
  for (const char* s : {"Chad and Libya left the Kessa Union in May and have formed the Dori Alliance.",
                        "Chad and Libya left the Kessa Union and then formed the Dori Alliance."}) {
    Doc d({s}, {C("Chad", "TCD"), C("Libya", "LBY"), O("Kessa Union", "kessa-union"),
                O("Dori Alliance", "dori-alliance")});
    auto evs = of_type(d.run(), "FOUNDING");
    ASSERT_EQ(evs.size(), 1u) << s;
    EXPECT_TRUE(has(evs[0], "country/TCD", "actor")) << s;
    EXPECT_TRUE(has(evs[0], "country/LBY", "actor")) << s;
    EXPECT_FALSE(has(evs[0], "org/kessa-union")) << s;
  }
}

// The subject right after a conjunction that opens a clause of its own, an article
// between, is its trigger's actor ("..., when the Economic Community of West African
// States (ECOWAS) imposed sanctions on Niamey").
TEST(Sanction, SubjectAfterWhenAndAnArticle) {
  Doc d({"Chad closed its border in July, when the Kessa Union (KU) imposed sanctions on Libya."},
        {C("Chad", "TCD"), O("Kessa Union", "kessa-union"), O("KU", "kessa-union"), C("Libya", "LBY")});
  auto evs = of_type(d.run(), "SANCTION");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "org/kessa-union", "actor"));
  EXPECT_TRUE(has(evs[0], "country/LBY", "target"));
  EXPECT_FALSE(has(evs[0], "country/TCD"));
}

// The object of a participle inside a passive's subject is not what the event befell
// ("Two police officers guarding the home of Abel Kessa were killed"); a name that a
// relative clause follows is ("a ceremony marking the return of Malians who were killed").
TEST(Attack, ObjectOfAParticipleInThePassivesSubject) {
  Doc d({"Two police officers guarding the home of Abel Kessa were killed in Dori."},
        {P("Abel Kessa", "abel-kessa"), L("Dori", "dori")});
  auto evs = of_type(d.run(), "ATTACK");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_FALSE(has(evs[0], "person/abel-kessa"));
  Doc relative({"He spoke at a ceremony marking the return of Malians who were killed in Dori."},
               {C("Malians", "MLI"), L("Dori", "dori")});
  auto killed = of_type(relative.run(), "ATTACK");
  ASSERT_EQ(killed.size(), 1u);
  EXPECT_TRUE(has(killed[0], "country/MLI", "target"));
}

// A passive right after "who" or "which" and a comma: the name before the comma is its
// target ("Police questioned Abel Kessa, who was arrested on Monday").
TEST(Arrest, PassiveRelativeClauseTargetsTheNameBefore) {
  Doc d({"Police questioned Abel Kessa, who was arrested on Monday in Dori."},
        {P("Abel Kessa", "abel-kessa"), L("Dori", "dori")});
  auto evs = of_type(d.run(), "ARREST");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "person/abel-kessa", "target"));
  EXPECT_FALSE(has(evs[0], "person/abel-kessa", "actor"));
}

// A passive after a relative clause between commas takes the subject before the clause
// as its target, and so does a passive participle coordinated with it.
TEST(Arrest, PassiveAfterARelativeClause) {
  Doc d({"Abel Kessa, who was expected to lead the Kessa Party in Goma, was formally "
         "arrested and jailed on Friday."},
        {P("Abel Kessa", "abel-kessa"), O("Kessa Party", "kessa-party"), L("Goma", "goma")},
        {{"Friday", "XXXX-WXX-5"}});
  auto evs = of_type(d.run(), "ARREST");
  ASSERT_FALSE(evs.empty());
  for (const Event& e : evs) {
    EXPECT_TRUE(has(e, "person/abel-kessa", "target"));
    EXPECT_FALSE(has(e, "person/abel-kessa", "actor"));
    EXPECT_FALSE(has(e, "org/kessa-party"));
  }
}

// ", of which ..." opens a relative clause: "Chad attacked with 57 drones, of which 38 were
// shot down" does not make Chad the target; so does "in which" without a comma ("after
// riots in which four people were killed").
TEST(Attack, PrepositionAndWhichOpenARelativeClause) {
  Doc d({"Chad attacked Libya overnight with 57 drones, of which 38 drones were shot down."},
        {C("Chad", "TCD"), C("Libya", "LBY")});
  for (const Event& e : of_type(d.run(), "ATTACK")) {
    EXPECT_FALSE(has(e, "country/TCD", "target"));
    EXPECT_FALSE(has(e, "country/LBY", "actor"));
  }
  Doc riots({"Chad declared a state of emergency in Libya on Wednesday after two nights of "
             "rioting in which four people were killed."},
            {C("Chad", "TCD"), C("Libya", "LBY")});
  for (const Event& e : of_type(riots.run(), "ATTACK")) EXPECT_FALSE(has(e, "country/TCD"));
}

// The subject of "X of Y won the election" is X: not Y, a name after an article's verb, nor
// a name between brackets.
TEST(Election, SubjectBeforeOfAndBrackets) {
  for (const char* s : {"Abel Kessa of the ruling Kessa Party won the presidential election.",
                        "Abel Kessa of the ruling Kessa Party (KP) won the presidential election."}) {
    std::vector<EntitySpec> ents = {P("Abel Kessa", "abel-kessa"), O("Kessa Party", "kessa-party")};
    if (std::string(s).find("(KP)") != std::string::npos) ents.push_back(O("KP", "kessa-party"));
    Doc d({s}, ents);
    auto evs = of_type(d.run(), "ELECTION");
    ASSERT_EQ(evs.size(), 1u) << s;
    EXPECT_TRUE(has(evs[0], "person/abel-kessa", "actor")) << s;
    EXPECT_FALSE(has(evs[0], "org/kessa-party", "actor")) << s;
  }
}

// So in a clause that a verb of reporting opens, with or without "that": "the council
// confirmed on Monday that Abel Kessa of the ruling Kessa Party won the election".
TEST(Election, SubjectOfAReportedClause) {
  for (const char* s :
       {"Officials said Abel Kessa won the presidential election.",
        "The council confirmed on Monday that Abel Kessa of the ruling Kessa Party won the "
        "presidential election.",
        "He said Abel Kessa held the presidential election."}) {
    std::vector<EntitySpec> ents = {P("Abel Kessa", "abel-kessa")};
    if (std::string(s).find("Party") != std::string::npos) ents.push_back(O("Kessa Party", "kessa-party"));
    Doc d({s}, ents);
    auto evs = of_type(d.run(), "ELECTION");
    ASSERT_EQ(evs.size(), 1u) << s;
    EXPECT_TRUE(has(evs[0], "person/abel-kessa", "actor")) << s;
  }
  // and a symmetric type's: "said Chad held talks with Libya"
  Doc talks({"Officials said Chad held talks with Libya on Monday."},
            {C("Chad", "TCD"), C("Libya", "LBY")});
  auto meetings = of_type(talks.run(), "MEETING");
  ASSERT_EQ(meetings.size(), 1u);
  EXPECT_TRUE(has(meetings[0], "country/TCD", "actor"));
  EXPECT_TRUE(has(meetings[0], "country/LBY", "actor"));
  // the sayer still reports: "Chad said the election was held"
  Doc sayer({"Chad said Libya held the presidential election."},
            {C("Chad", "TCD"), C("Libya", "LBY")});
  auto votes = of_type(sayer.run(), "ELECTION");
  ASSERT_EQ(votes.size(), 1u);
  EXPECT_FALSE(has(votes[0], "country/TCD"));
}

// After an active verb, an agent after a noun is that noun's, no party to the event:
// "seized Kessa and ended five decades of rule by the Voss family". After a passive, the
// agent acts as before.
TEST(Attack, AgentOfANounAfterAnActiveVerbTakesNoPart) {
  Doc d({"Rebels seized Kessa on Sunday and ended five decades of rule by the Voss family."},
        {L("Kessa", "kessa"), P("Voss", "harlan-voss")});
  auto evs = of_type(d.run(), "ATTACK");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "location/kessa"));
  EXPECT_FALSE(has(evs[0], "person/harlan-voss"));
  Doc agent({"Kessa was attacked by Harlan Voss on Sunday."},
            {L("Kessa", "kessa"), P("Harlan Voss", "harlan-voss")});
  auto attacks = of_type(agent.run(), "ATTACK");
  ASSERT_EQ(attacks.size(), 1u);
  EXPECT_TRUE(has(attacks[0], "person/harlan-voss", "actor"));
}

// An armed incursion attacks (CAMEO 19); fans' incursion onto a pitch does not.
TEST(Attack, ArmedIncursion) {
  Doc d({"Chad launched a surprise incursion into Libya on Friday."},
        {C("Chad", "TCD"), C("Libya", "LBY")}, {{"Friday", "XXXX-WXX-5"}});
  auto evs = of_type(d.run(), "ATTACK");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_EQ(evs[0].cameo, "19");
  EXPECT_TRUE(has(evs[0], "country/TCD", "actor"));
  Doc fans({"The incursion of fans onto the pitch in Tunis delayed the match."},
           {L("Tunis", "tunis")});
  EXPECT_TRUE(of_type(fans.run(), "ATTACK").empty());
}

// Armed forces that fight attack (CAMEO 19); fighting corruption or a case does not.
TEST(Attack, ForcesFight) {
  Doc d({"Chad's army and the Kessa Front fought for a second day in Tunis."},
        {C("Chad", "TCD"), O("Kessa Front", "kessa-front"), L("Tunis", "tunis")});
  auto evs = of_type(d.run(), "ATTACK");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_EQ(evs[0].cameo, "19");
  EXPECT_TRUE(has(evs[0], "org/kessa-front", "actor"));
  for (const char* s : {"Chad's army fought corruption in Tunis.",
                        "Chad fought the case in a court in Tunis.",
                        "Chad fought hard to win the match in Tunis."}) {
    Doc none({s}, {C("Chad", "TCD"), L("Tunis", "tunis")});
    EXPECT_TRUE(of_type(none.run(), "ATTACK").empty()) << s;
  }
}

// A nominal's "between X and Y" goes on over its "and", whatever X is: Y is a side.
TEST(Attack, BetweenAPhraseAndAName) {
  Doc d({"Fighting between the army and the Kessa Front erupted in Tunis."},
        {O("Kessa Front", "kessa-front"), L("Tunis", "tunis")});
  auto evs = of_type(d.run(), "ATTACK");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "org/kessa-front", "actor"));
  EXPECT_TRUE(has(evs[0], "location/tunis", "location"));
  // (words that describe a side stand between: "a runoff between far-right candidate
  // Jose Antonio Kast and leftist Jeannette Jara", "the paramilitary Rapid Support Forces")
  Doc runoff({"Voters chose in a presidential runoff between far-right candidate Abel Kessa "
              "and leftist Ruth Obi."},
             {P("Abel Kessa", "abel-kessa"), P("Ruth Obi", "ruth-obi")});
  auto elections = of_type(runoff.run(), "ELECTION");
  ASSERT_EQ(elections.size(), 1u);
  EXPECT_TRUE(has(elections[0], "person/abel-kessa", "actor"));
  EXPECT_TRUE(has(elections[0], "person/ruth-obi", "actor"));
  // ("voted" makes a runoff an election's as "vote" does)
  Doc voted({"Chadians voted on Sunday in a runoff between Abel Kessa and Ruth Obi."},
            {P("Abel Kessa", "abel-kessa"), P("Ruth Obi", "ruth-obi")});
  EXPECT_EQ(of_type(voted.run(), "ELECTION").size(), 1u);
  Doc armed({"Fighting between Chad's army and the paramilitary Kessa Front erupted in Tunis."},
            {C("Chad", "TCD"), O("Kessa Front", "kessa-front"), L("Tunis", "tunis")});
  evs = of_type(armed.run(), "ATTACK");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "org/kessa-front", "actor"));
}

// A nominal trigger's place stays its own past auxiliaries before a verb of happening.
TEST(Attack, NominalSubjectOfAVerbOfHappening) {
  for (const char* s : {"Heavy fighting has erupted in Tunis.",
                        "Fighting between the army and the Kessa Front had been raging in Tunis.",
                        "Clashes between soldiers and rebels have broken out in Tunis.",
                        "The attack has taken place in Tunis.",
                        "Fighting will continue in Tunis."}) {
    std::vector<EntitySpec> ents = {L("Tunis", "tunis")};
    if (std::string(s).find("Kessa") != std::string::npos)
      ents.push_back(O("Kessa Front", "kessa-front"));
    Doc d({s}, ents);
    auto evs = of_type(d.run(), "ATTACK");
    ASSERT_EQ(evs.size(), 1u) << s;
    EXPECT_TRUE(has(evs[0], "location/tunis", "location")) << s;
  }
}

// A trigger in a clause that ", where" opens after a place happened there; not a nominal
// after a preposition of that clause, nor a form in -ing after "be".
TEST(Attack, WhereClauseAfterAPlace) {
  for (const char* s : {"The rebels are in Tunis, where they attacked police posts.",
                        "Fighting in Tunis province, where gunmen killed 12 people, went on."}) {
    Doc d({s}, {L("Tunis", "tunis")});
    auto evs = of_type(d.run(), "ATTACK");
    ASSERT_GE(evs.size(), 1u) << s;
    EXPECT_TRUE(has(evs.back(), "location/tunis", "location")) << s;
  }
  for (const char* s : {"They landed in Tunis, where victims of the bombing were brought back.",
                        "They live in Tunis, where their relatives are fighting for custody."}) {
    Doc d({s}, {L("Tunis", "tunis")});
    EXPECT_TRUE(of_type(d.run(), "ATTACK").empty()) << s;
  }
}

// "that" right after a noun opens a relative clause (or the noun's complement): its names
// are not the trigger's before it; a capital that is its subject stands for its government.
// Not after a verb or a date ("demanded in June that the force pull out").
TEST(Agreement, ThatAfterANounOpensARelativeClause) {
  std::ifstream in(taxonomy_path());
  const EventExtractor ex(json::parse(in), taxonomy_path(), {"location/kessa-city"});
  Doc d({"Chad and Libya agreed to end a dispute over a port deal that Kessa City signed with "
         "Tunis."},
        {C("Chad", "TCD"), C("Libya", "LBY"), L("Kessa City", "kessa-city"), L("Tunis", "tunis")});
  auto evs = of_type(d.run(ex), "AGREEMENT");
  ASSERT_EQ(evs.size(), 2u);
  EXPECT_TRUE(has(evs[0], "country/TCD", "actor"));
  EXPECT_FALSE(has(evs[0], "location/kessa-city"));
  EXPECT_FALSE(has(evs[0], "location/tunis"));
  EXPECT_TRUE(has(evs[1], "location/kessa-city", "actor"));
  Doc demanded({"Chad had demanded in June that the force pull out of Libya."},
               {C("Chad", "TCD"), C("Libya", "LBY")});
  auto pulled = of_type(demanded.run(), "WITHDRAWAL", "hypothetical");
  for (const Event& e : of_type(demanded.run(), "WITHDRAWAL")) pulled.push_back(e);
  ASSERT_FALSE(pulled.empty());
  EXPECT_TRUE(has(pulled[0], "country/TCD", "actor"));
  // (a relative clause of happening still puts the event)
  Doc blast({"Four people were killed in an explosion that took place near the embassy in Tunis."},
            {L("Tunis", "tunis")});
  auto killed = of_type(blast.run(), "ATTACK");
  ASSERT_EQ(killed.size(), 1u);
  EXPECT_TRUE(has(killed[0], "location/tunis", "location"));
}

// A title between a preposition and a person's name leaves the preposition the name's
// governing word ("protests against President Abel Kessa", "a ceremony witnessed by
// President Abel Kessa"); a witness takes no part.
TEST(Protest, TitleBetweenPrepositionAndName) {
  Doc against({"Crowds staged protests against President Abel Kessa in Tunis."},
              {P("Abel Kessa", "abel-kessa"), L("Tunis", "tunis")});
  auto evs = of_type(against.run(), "PROTEST");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "person/abel-kessa", "target"));
  // who criticised the event after it takes no part
  Doc criticism({"Abel Kessa met Joe Varno on Thursday despite criticism from Tunis."},
                {P("Abel Kessa", "abel-kessa"), P("Joe Varno", "joe-varno"), L("Tunis", "tunis")});
  auto met = of_type(criticism.run(), "MEETING");
  ASSERT_EQ(met.size(), 1u);
  EXPECT_FALSE(has(met[0], "location/tunis"));
  Doc witnessed({"Chad and Libya signed a pact in a ceremony witnessed by President Abel Kessa."},
                {C("Chad", "TCD"), C("Libya", "LBY"), P("Abel Kessa", "abel-kessa")});
  auto pacts = of_type(witnessed.run(), "AGREEMENT");
  ASSERT_EQ(pacts.size(), 1u);
  EXPECT_FALSE(has(pacts[0], "person/abel-kessa", "actor"));
  // "their" after persons coordinated before it stands for them all
  Doc their({"Chadian President Abel Kessa and Libyan Prime Minister Joe Varno held their first "
             "talks."},
            {C("Chadian", "TCD"), P("Abel Kessa", "abel-kessa"), C("Libyan", "LBY"),
             P("Joe Varno", "joe-varno")});
  auto talks = of_type(their.run(), "MEETING");
  ASSERT_EQ(talks.size(), 1u);
  EXPECT_TRUE(has(talks[0], "person/abel-kessa", "actor"));
  EXPECT_TRUE(has(talks[0], "person/joe-varno", "actor"));
  EXPECT_TRUE(has(talks[0], "country/TCD", "actor"));
}

// A participle after a word that is no preposition takes the nominal trigger as its object:
// the nominal is in no prepositional phrase ("signed an order on Thursday imposing
// sanctions"); a participle that reads as a preposition does not ("following").
TEST(Sanction, ParticipleAfterADateTakesTheNominal) {
  Doc d({"Abel Kessa signed an order on Thursday imposing sanctions on Chad."},
        {P("Abel Kessa", "abel-kessa"), C("Chad", "TCD")});
  auto evs = of_type(d.run(), "SANCTION");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "person/abel-kessa", "actor"));
  EXPECT_TRUE(has(evs[0], "country/TCD", "target"));
  Doc following({"Abel Kessa met aides on Thursday to assess the situation following the "
                 "attacks on Chad."},
                {P("Abel Kessa", "abel-kessa"), C("Chad", "TCD")});
  for (const Event& e : of_type(following.run(), "ATTACK"))
    EXPECT_FALSE(has(e, "person/abel-kessa", "actor"));
}

// ", as" before a subject and a verb in the present before "to" opens a clause of its own:
// its names are not the trigger's before it.
TEST(Agreement, AsBeforeAPresentVerbOpensAClause) {
  Doc d({"Chad and Libya signed a pact on Monday, as both countries seek to counter Niger's "
         "growing assertiveness."},
        {C("Chad", "TCD"), C("Libya", "LBY"), C("Niger", "NER")});
  auto evs = of_type(d.run(), "AGREEMENT");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "country/TCD", "actor"));
  EXPECT_FALSE(has(evs[0], "country/NER"));
}

// A country after "inside", "across" or "throughout" is where the event happened.
TEST(Attack, CountryInsideOrAcrossIsTheLocation) {
  for (const char* s : {"Chad carried out air strikes on hideouts inside Libya.",
                        "Chad launched drone strikes across Libya.",
                        "Chad launched attacks around Libya.",
                        "Chad launched a raid through Libya.",
                        "Chad carried out air strikes throughout Libya."}) {
    Doc d({s}, {C("Chad", "TCD"), C("Libya", "LBY")});
    auto evs = of_type(d.run(), "ATTACK");
    ASSERT_EQ(evs.size(), 1u) << s;
    EXPECT_TRUE(has(evs[0], "country/TCD", "actor")) << s;
    EXPECT_TRUE(has(evs[0], "country/LBY", "location")) << s;
  }
}

// A name after "by" and a verb of reaction or mediation is no party to the trigger
// before it.
TEST(Agreement, MediatorAfterByIsNoParty) {
  Doc d({"Chad and Libya agreed to a truce brokered by Rwanda and Togo."},
        {C("Chad", "TCD"), C("Libya", "LBY"), C("Rwanda", "RWA"), C("Togo", "TGO")});
  auto evs = of_type(d.run(), "AGREEMENT");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "country/TCD", "actor"));
  EXPECT_TRUE(has(evs[0], "country/LBY", "actor"));
  for (const char* id : {"country/RWA", "country/TGO"}) {
    EXPECT_FALSE(has(evs[0], id, "actor")) << id;
    EXPECT_TRUE(has(evs[0], id, "other")) << id;
  }
}

// The subject of a verb of survival or defence before a nominal trigger was its target.
TEST(Attack, SurvivorIsTheTarget) {
  for (const char* s : {"Rwanda's leader Abel Kessa, who survived a knife attack in Goma, spoke.",
                        "Abel Kessa escaped an ambush in Goma, Rwanda.",
                        "Abel Kessa repelled an ambush in Goma, Rwanda.",
                        "Abel Kessa survived a failed knife attack in Goma, Rwanda."}) {
    Doc d({s}, {C("Rwanda", "RWA"), P("Abel Kessa", "abel-kessa"), L("Goma", "goma")});
    auto evs = of_type(d.run(), "ATTACK");
    ASSERT_EQ(evs.size(), 1u) << s;
    EXPECT_TRUE(has(evs[0], "person/abel-kessa", "target")) << s;
    EXPECT_FALSE(has(evs[0], "person/abel-kessa", "actor")) << s;
  }
  Doc coup({"Rwanda's army said it had foiled an attempted coup."}, {C("Rwanda", "RWA")});
  auto coups = of_type(coup.run(), "COUP");
  ASSERT_EQ(coups.size(), 1u);
  EXPECT_TRUE(has(coups[0], "country/RWA", "target"));
  EXPECT_FALSE(has(coups[0], "country/RWA", "actor"));
  // So is the subject of a verb of undergoing before an event done to someone ("Iran faces
  // new sanctions"), not before an election or a meeting.
  for (const char* s : {"Rwanda faces new sanctions.", "Rwanda can expect punishing air strikes.",
                        "Rwanda suffered heavy attacks."}) {
    Doc d({s}, {C("Rwanda", "RWA")});
    const auto evs = d.run();
    ASSERT_EQ(evs.size(), 1u) << s;
    EXPECT_TRUE(has(evs[0], "country/RWA", "target")) << s;
    EXPECT_FALSE(has(evs[0], "country/RWA", "actor")) << s;
  }
  Doc runoff({"Abel Kessa faces a runoff election."}, {P("Abel Kessa", "abel-kessa")});
  const auto elections = of_type(runoff.run(), "ELECTION");
  ASSERT_EQ(elections.size(), 1u);
  EXPECT_TRUE(has(elections[0], "person/abel-kessa", "actor"));
}

// A name inside a relative clause after the trigger is not the trigger's.
TEST(Attack, RelativeClauseAfterTheTriggerIsNotItsObject) {
  for (const char* s : {"Gunmen attacked a village which Rwanda controls.",
                        "Gunmen attacked a village, the latest of the raids that have shaken "
                        "Rwanda."}) {
    Doc d({s}, {C("Rwanda", "RWA")});
    for (const Event& e : of_type(d.run(), "ATTACK")) EXPECT_FALSE(has(e, "country/RWA")) << s;
  }
  // a compass adjective between the preposition and the place: still its location
  Doc compass({"Gunmen attacked a village in northwestern Rwanda."}, {C("Rwanda", "RWA")});
  auto north = of_type(compass.run(), "ATTACK");
  ASSERT_EQ(north.size(), 1u);
  EXPECT_TRUE(has(north[0], "country/RWA", "location"));
  Doc plain({"Gunmen attacked a village in Rwanda."}, {C("Rwanda", "RWA")});
  auto evs = of_type(plain.run(), "ATTACK");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "country/RWA", "location"));
}

// A name after "and" alone with a past form of its own opens a conjunct when the name
// before follows a preposition after a finite verb ("imposed sanctions on Niger and Benin
// closed its border"); a name after "and" is subject-like only as its group's first name
// is ("Attacks on Mali and Niger killed 30 people" has no killer among them).
TEST(Clauses, NameAfterAndWithAVerbOfItsOwn) {
  Doc d({"The bloc imposed sanctions on Rwanda and Libya closed its border."},
        {C("Rwanda", "RWA"), C("Libya", "LBY")});
  auto evs = of_type(d.run(), "SANCTION");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "country/RWA", "target"));
  EXPECT_FALSE(has(evs[0], "country/LBY"));
  Doc killed({"Attacks on Rwanda and Libya killed 30 people."}, {C("Rwanda", "RWA"), C("Libya", "LBY")});
  for (const Event& e : of_type(killed.run(), "ATTACK")) {
    EXPECT_FALSE(has(e, "country/RWA", "actor"));
    EXPECT_FALSE(has(e, "country/LBY", "actor"));
  }
  // (nor is a name after "and", a title between, before a past form of its own the object
  // of a trigger before it: "seized Damascus on Sunday and President Bashar al-Assad fled")
  Doc fled({"Rebels seized Dori on Sunday and President Abel Kessa fled the country."},
           {L("Dori", "dori"), P("Abel Kessa", "abel-kessa")});
  auto seized = of_type(fled.run(), "ATTACK");
  ASSERT_EQ(seized.size(), 1u);
  EXPECT_TRUE(has(seized[0], "location/dori", "location"));
  EXPECT_FALSE(has(seized[0], "person/abel-kessa"));
  // (subjects coordinated before their verb, after a report's verb too, stay one group)
  Doc report({"Chad said Rwanda and Libya signed the pact."},
             {C("Chad", "TCD"), C("Rwanda", "RWA"), C("Libya", "LBY")});
  auto pacts = of_type(report.run(), "AGREEMENT");
  ASSERT_EQ(pacts.size(), 1u);
  EXPECT_TRUE(has(pacts[0], "country/RWA", "actor"));
  EXPECT_TRUE(has(pacts[0], "country/LBY", "actor"));
  // (nor after a word of ties before the preposition, no finite verb: "Jihadists linked to al
  // Qaeda and Islamic State killed 39 civilians": both are linked, neither killed)
  Doc linked({"Jihadists linked to Kessa Front and Varno State killed 39 civilians."},
             {O("Kessa Front", "kessa-front"), O("Varno State", "varno-state")});
  auto killings = of_type(linked.run(), "ATTACK");
  ASSERT_EQ(killings.size(), 1u);
  EXPECT_FALSE(has(killings[0], "org/kessa-front", "actor"));
  EXPECT_FALSE(has(killings[0], "org/varno-state", "actor"));
}

// A relative clause after a noun that is no name has that noun as its subject, not a
// name before it: "Damiba had failed to stem an insurgency that has killed thousands"
// ("that" after a word that is no verb; ", which" after a phrase with an article).
TEST(Attack, RelativeClauseAfterANounThatIsNoName) {
  for (const char* s : {"Rwanda fought an insurgency that has killed thousands.",
                        "Rwanda fought an insurgency, which has killed thousands."}) {
    Doc d({s}, {C("Rwanda", "RWA")});
    for (const Event& e : of_type(d.run(), "ATTACK")) EXPECT_FALSE(has(e, "country/RWA")) << s;
  }
  // (nor "who" after a noun: "police dispersed thousands of protesters who rallied")
  Doc rallied({"Rwandan police dispersed thousands of protesters who rallied in Dori."},
              {{"Rwandan", "COUNTRY", "country/RWA", 0, "demonym"}, L("Dori", "dori")});
  for (const Event& e : of_type(rallied.run(), "PROTEST")) EXPECT_FALSE(has(e, "country/RWA"));
  // (a name inside the noun's phrase is its subject: "all five Kessa Front gunmen who had
  // stormed the building")
  Doc gunmen({"Troops killed all five Kessa Front gunmen who had stormed the hotel in Dori."},
             {O("Kessa Front", "kessa-front"), L("Dori", "dori")});
  bool stormed = false;
  for (const Event& e : of_type(gunmen.run(), "ATTACK"))
    stormed = stormed || has(e, "org/kessa-front", "actor");
  EXPECT_TRUE(stormed);
  // (a name right before the relative, or a possessed noun, is its subject; "that" after a
  // verb opens no relative clause)
  for (const char* s : {"Rwanda, which has killed thousands, fought on.",
                        "Rwanda's army, which has killed thousands, fought on.",
                        "Rwanda said that it has killed thousands."}) {
    Doc d({s}, {C("Rwanda", "RWA")});
    auto evs = of_type(d.run(), "ATTACK");
    ASSERT_EQ(evs.size(), 1u) << s;
    EXPECT_TRUE(has(evs[0], "country/RWA", "actor")) << s;
  }
}

// A second verb trigger after "and" shares the subject of the first; the names between
// the two are the first one's object, those after the second the second's.
TEST(Attack, CoordinatedVerbsShareTheirSubject) {
  Doc d({"Chad and Libya signed a pact and attacked Sudan."},
        {C("Chad", "TCD"), C("Libya", "LBY"), C("Sudan", "SDN")});
  auto evs = d.run();
  auto pacts = of_type(evs, "AGREEMENT");
  auto attacks = of_type(evs, "ATTACK");
  ASSERT_EQ(pacts.size(), 1u);
  ASSERT_EQ(attacks.size(), 1u);
  EXPECT_FALSE(has(pacts[0], "country/SDN"));
  EXPECT_TRUE(has(attacks[0], "country/TCD", "actor"));
  EXPECT_TRUE(has(attacks[0], "country/LBY", "actor"));
  EXPECT_TRUE(has(attacks[0], "country/SDN", "target"));
  Doc two({"Chad's troops detained Joe Park and attacked Sudan."},
          {C("Chad", "TCD"), P("Joe Park", "joe-park"), C("Sudan", "SDN")});
  auto second = of_type(two.run(), "ATTACK");
  ASSERT_EQ(second.size(), 1u);
  EXPECT_TRUE(has(second[0], "country/TCD", "actor"));
  EXPECT_FALSE(has(second[0], "person/joe-park", "actor"));
}

// An attack named only to name its victims, survivors, investigation or trial ("paid
// tribute to bombing victims", "the coup trial") reports no event of its own: the
// sentence's names and date are not the attack's.
TEST(Attack, AftermathNounAfterTheTrigger) {
  for (const char* s : {"Chad paid tribute on Tuesday to bombing victims in Tunis.",
                        "Chad met attack survivors in Tunis.", "The coup trial in Chad opened in Tunis.",
                        "Chad joined the kidnapping investigation in Tunis."}) {
    Doc d({s}, {C("Chad", "TCD"), L("Tunis", "tunis")});
    auto evs = d.run();
    EXPECT_TRUE(of_type(evs, "ATTACK").empty() && of_type(evs, "COUP").empty()) << s;
  }
  Doc d({"Gunmen attacked a bus of survivors in Tunis."}, {L("Tunis", "tunis")});
  EXPECT_EQ(of_type(d.run(), "ATTACK").size(), 1u);
}

// An attack on a country's sovereignty, on democracy or on rights is a figure of speech.
TEST(Attack, AttackOnAnAbstractionIsNone) {
  for (const char* s : {"Chad condemned the deal with Sudan as an attack on its sovereignty.",
                        "Chad called the ruling in Sudan an attack on democracy."}) {
    Doc d({s}, {C("Chad", "TCD"), C("Sudan", "SDN")});
    EXPECT_TRUE(of_type(d.run(), "ATTACK").empty()) << s;
  }
  Doc d({"Chad launched an attack on Sudan on Monday."}, {C("Chad", "TCD"), C("Sudan", "SDN")});
  EXPECT_EQ(of_type(d.run(), "ATTACK").size(), 1u);
}

// A conjunct with a verb of its own after the trigger ("and plan to", "and said") gives
// it neither names nor a date.
TEST(Attack, ConjunctWithAVerbOfItsOwn) {
  // ", and" before a subject of its own and its verb: the names and dates of the conjunct
  // before it are not the later verb's (nor is "May" a modal verb); a list's last name is
  // no such subject ("Chad, Libya, and Sudan have attacked")
  Doc own({"Chad attacked Sudan in May, and Libya bombed Niger."},
            {C("Chad", "TCD"), C("Sudan", "SDN"), C("Libya", "LBY"), C("Niger", "NER")},
            {{"May", "2024-05"}});
  auto second = of_type(own.run(), "ATTACK");
  ASSERT_EQ(second.size(), 2u);
  EXPECT_TRUE(has(second[1], "country/LBY", "actor"));
  EXPECT_FALSE(has(second[1], "country/TCD"));
  EXPECT_FALSE(second[1].date.has_value());
  Doc list({"In May, Chad, Libya, and Sudan have attacked Niger."},
           {C("Chad", "TCD"), C("Libya", "LBY"), C("Sudan", "SDN"), C("Niger", "NER")},
           {{"May", "2024-05"}});
  auto all = of_type(list.run(), "ATTACK");
  ASSERT_EQ(all.size(), 1u);
  for (const char* id : {"country/TCD", "country/LBY", "country/SDN"})
    EXPECT_TRUE(has(all[0], id, "actor")) << id;
  ASSERT_TRUE(all[0].date.has_value());
  for (const char* s : {"Chad attacked Sudan in May and plans to hold talks in Tunis in July.",
                        "Chad attacked Sudan in May and said talks would open in Tunis in July."}) {
    Doc d({s}, {C("Chad", "TCD"), C("Sudan", "SDN"), L("Tunis", "tunis")},
          {{"May", "2024-05"}, {"July", "2024-07"}});
    auto evs = of_type(d.run(), "ATTACK");
    ASSERT_EQ(evs.size(), 1u) << s;
    EXPECT_TRUE(has(evs[0], "country/SDN", "target")) << s;
    EXPECT_FALSE(has(evs[0], "location/tunis")) << s;
    ASSERT_TRUE(evs[0].date.has_value()) << s;
    EXPECT_EQ(evs[0].date->value, "2024-05") << s;
  }
  Doc undated({"Chad attacked Sudan and plans to hold talks in July."},
              {C("Chad", "TCD"), C("Sudan", "SDN")}, {{"July", "2024-07"}});
  auto later = of_type(undated.run(), "ATTACK");
  ASSERT_EQ(later.size(), 1u);
  EXPECT_FALSE(later[0].date.has_value());
  // names joined by "and" stay the trigger's
  Doc both({"Chad attacked Sudan and Tunis in July."},
           {C("Chad", "TCD"), C("Sudan", "SDN"), L("Tunis", "tunis")}, {{"July", "2024-07"}});
  auto evs = of_type(both.run(), "ATTACK");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "location/tunis"));
  ASSERT_TRUE(evs[0].date.has_value());
  EXPECT_EQ(evs[0].date->value, "2024-07");
}

// "blamed X for the killing", "accused X of the attack", "accused X of attacking": X is the
// actor, not the one who blames.
TEST(Attack, BlamedForANominalTrigger) {
  Doc d({"Rwanda blamed Libyan troops and Chad for the attack on Goma."},
        {C("Rwanda", "RWA"), C("Libyan", "LBY"), C("Chad", "TCD"), L("Goma", "goma")});
  auto evs = of_type(d.run(), "ATTACK");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "country/LBY", "actor"));
  EXPECT_TRUE(has(evs[0], "country/TCD", "actor"));
  EXPECT_FALSE(has(evs[0], "country/RWA"));
  // so before a gerund: "accused Putin of killing him"
  Doc gerund({"Rwanda accused Chad of attacking Goma."},
             {C("Rwanda", "RWA"), C("Chad", "TCD"), L("Goma", "goma")});
  auto attacks = of_type(gerund.run(), "ATTACK");
  ASSERT_EQ(attacks.size(), 1u);
  EXPECT_TRUE(has(attacks[0], "country/TCD", "actor"));
  EXPECT_FALSE(has(attacks[0], "country/RWA"));
  // (a verb of blame's subject takes no part where no name is blamed: "Vucic accused foreign
  // intelligence services of organising the protests"; the subject of its passive is blamed)
  Doc nameless({"Rwanda accused foreign agents of organising the attack on Goma."},
               {C("Rwanda", "RWA"), L("Goma", "goma")});
  for (const Event& e : of_type(nameless.run(), "ATTACK")) EXPECT_FALSE(has(e, "country/RWA"));
  Doc passive({"Abel Kessa is accused of masterminding the attack on Goma."},
              {P("Abel Kessa", "abel-kessa"), L("Goma", "goma")});
  auto masterminded = of_type(passive.run(), "ATTACK");
  ASSERT_EQ(masterminded.size(), 1u);
  EXPECT_TRUE(has(masterminded[0], "person/abel-kessa", "actor"));
  // and before an infinitive after a gerund: "accused Washington of seeking a pretext to
  // topple his government" (a capital blamed stands for its government)
  Doc topple({"Abel Kessa accused Kigali of seeking a pretext to attack Goma."},
             {P("Abel Kessa", "abel-kessa"), L("Kigali", "kigali"), L("Goma", "goma")});
  std::ifstream in(taxonomy_path());
  const EventExtractor capitals(json::parse(in), taxonomy_path(), {"location/kigali"});
  auto toppled = of_type(topple.run(capitals), "ATTACK");
  ASSERT_EQ(toppled.size(), 1u);
  EXPECT_TRUE(has(toppled[0], "location/kigali", "actor"));
  EXPECT_FALSE(has(toppled[0], "person/abel-kessa"));
}

TEST(Attack, KillTheBillIsNoAttack) {
  Doc d({"Senators in Canada tried to kill the bill."}, {C("Canada", "CAN")});
  EXPECT_TRUE(of_type(d.run(), "ATTACK").empty());
}

// Deaths told in the passive without an agent, after a sentence or words that named a
// disaster, are the disaster's ("excludes_before"); an attack's or gunmen's killing still attacks.
TEST(Attack, DeathsAfterADisasterSentence) {
  Doc d({"A cyclone hit Peru on Friday.", "At least 23 people were killed in Peru."},
        {C("Peru", "PER"), C("Peru", "PER", 1)});
  EXPECT_TRUE(of_type(d.run(), "ATTACK").empty());
  // (or earlier in its own sentence)
  Doc same({"The cyclone then made landfall in Peru, where at least 34 people were killed."},
           {C("Peru", "PER")});
  EXPECT_TRUE(of_type(same.run(), "ATTACK").empty());
  for (const char* first : {"Rebels attacked a town in Peru on Friday.",
                            "A cyclone hit Peru on Friday, and gunmen killed 23 people in Peru."}) {
    Doc attack({first, "At least 23 people were killed by gunmen in Peru."},
               {C("Peru", "PER"), C("Peru", "PER", 1)});
    EXPECT_FALSE(of_type(attack.run(), "ATTACK").empty()) << first;
  }
}

// Who an attack is blamed on or attributed to is its actor ("in an attack Iran blamed on
// Israel"), not its target.
TEST(Attack, BlamedOnActs) {
  for (const char* s : {"Abel Kessa was killed in Gao, in an attack Mali blamed on Chad.",
                        "The bombing in Gao was attributed to Chad."}) {
    const bool blamed = std::string(s).find("Mali") != std::string::npos;
    Doc d({s}, blamed ? std::vector<EntitySpec>{P("Abel Kessa", "abel-kessa"), L("Gao", "gao"),
                                                C("Mali", "MLI"), C("Chad", "TCD")}
                      : std::vector<EntitySpec>{L("Gao", "gao"), C("Chad", "TCD")});
    auto evs = of_type(d.run(), "ATTACK");
    ASSERT_EQ(evs.size(), 1u) << s;
    EXPECT_TRUE(has(evs[0], "country/TCD", "actor")) << s;
    EXPECT_FALSE(has(evs[0], "country/TCD", "target")) << s;
  }
}

// A country's border after the trigger is where it happened, not its target ("near the
// Algerian border", "near the border with Mali"); its border guards are the country's.
TEST(Attack, ACountrysBorderIsAPlace) {
  const std::pair<const char*, const char*> cases[] = {
      {"Gunmen killed 20 soldiers near the Chadian border.", "Chadian"},
      {"Gunmen killed 20 soldiers on Chad's border with Niger.", "Chad"},
      {"Gunmen killed 20 soldiers near the border with Chad.", "Chad"}};
  for (const auto& [s, surface] : cases) {
    Doc d({s}, {C(surface, "TCD")});
    auto evs = of_type(d.run(), "ATTACK");
    ASSERT_EQ(evs.size(), 1u) << s;
    EXPECT_TRUE(has(evs[0], "country/TCD", "location")) << s;
    EXPECT_FALSE(has(evs[0], "country/TCD", "target")) << s;
  }
  Doc guards({"Gunmen attacked Chadian border guards."}, {C("Chadian", "TCD")});
  auto evs = of_type(guards.run(), "ATTACK");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "country/TCD", "target"));
}

// Earthquakes, floods and crashes kill; they do not attack.
TEST(Attack, DisastersKillingAreNoAttack) {
  for (const char* s : {"An earthquake struck Peru, killing 12 people.",
                        "Floods killed 40 people in Peru.",
                        "A plane crash in Peru killed 40 people.",
                        "Two ministers of Peru were killed when their helicopter crashed.",
                        "A ferry capsized off Peru and 40 people drowned, killing most aboard.",
                        "A building collapsed in Peru, killing 12 people."}) {
    Doc d({s}, {C("Peru", "PER")});
    EXPECT_TRUE(of_type(d.run(), "ATTACK").empty()) << s;
  }
  // the crash far before the participle, in the same sentence
  Doc far({"A cargo plane skidded off a runway and crashed into a wall at the main airport "
           "early on Sunday, killing 12 Peruvian tourists."},
          {C("Peruvian", "PER")});
  EXPECT_TRUE(of_type(far.run(), "ATTACK").empty());
  Doc gunmen({"Gunmen killed 40 people in Peru."}, {C("Peru", "PER")});
  EXPECT_EQ(of_type(gunmen.run(), "ATTACK").size(), 1u);
}

// ------------------------------------------------------------------ WITHDRAWAL

TEST(Withdrawal, WithdrawTroopsFrom) {
  Doc d({"Britain withdrew its troops from Afghanistan in 2014."},
        {C("Britain", "GBR"), C("Afghanistan", "AFG")}, {{"2014", "2014"}});
  auto evs = of_type(d.run(), "WITHDRAWAL");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_EQ(evs[0].cameo, "08");
  EXPECT_TRUE(has(evs[0], "country/GBR", "actor"));
  EXPECT_TRUE(has(evs[0], "country/AFG", "target"));
  EXPECT_EQ(evs[0].date->value, "2014");
}

// A place that names a pact ("the Paris climate agreement") is no party to a withdrawal
// from it, nor its place; it may be an agreement's.
TEST(Withdrawal, PlaceThatNamesAPact) {
  Doc d({"Chad withdrew from the Dori climate agreement."}, {C("Chad", "TCD"), L("Dori", "dori")});
  auto evs = of_type(d.run(), "WITHDRAWAL");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_FALSE(has(evs[0], "location/dori"));
  Doc signed_in({"Chad signed the Dori agreement."}, {C("Chad", "TCD"), L("Dori", "dori")});
  auto pacts = of_type(signed_in.run(), "AGREEMENT");
  ASSERT_EQ(pacts.size(), 1u);
  EXPECT_TRUE(has(pacts[0], "location/dori"));
}

// Troops that leave a country withdraw from it; an ambassador who leaves for talks, or an
// attack that leaves soldiers dead, does not.
TEST(Withdrawal, TroopsLeaveACountry) {
  Doc d({"The last Libyan troops left Chad on Friday."}, {C("Libyan", "LBY"), C("Chad", "TCD")},
        {{"Friday", "XXXX-WXX-5"}});
  auto evs = of_type(d.run(), "WITHDRAWAL");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "country/LBY", "actor"));
  EXPECT_TRUE(has(evs[0], "country/TCD", "target"));
  for (const char* s : {"The Libyan ambassador left Chad for talks.",
                        "The Libyan attack in Chad left three soldiers dead.",
                        "Libyan troops left behind their weapons in Chad."}) {
    Doc none({s}, {C("Libyan", "LBY"), C("Chad", "TCD")});
    EXPECT_TRUE(of_type(none.run(), "WITHDRAWAL").empty()) << s;
  }
  // the troops before a participle phrase the window does not reach
  Doc stationed({"The first group of Libyan soldiers stationed in Chad left the country on Friday."},
                {C("Libyan", "LBY"), C("Chad", "TCD")});
  auto left = of_type(stationed.run(), "WITHDRAWAL");
  ASSERT_EQ(left.size(), 1u);
  EXPECT_TRUE(has(left[0], "country/LBY", "actor"));
}

TEST(Withdrawal, PulledOutWithGap) {
  Doc d({"Russia pulled its contingent out of Syria."}, {C("Russia", "RUS"), C("Syria", "SYR")});
  auto evs = of_type(d.run(), "WITHDRAWAL");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_EQ(d.slice(evs[0].trigger), "pulled its contingent out");
}

TEST(Withdrawal, DepartureFromBloc) {
  Doc d({"Qatar's departure from the organization shocked members."}, {C("Qatar", "QAT")});
  auto evs = of_type(d.run(), "WITHDRAWAL");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "country/QAT", "actor"));
}

TEST(Withdrawal, LeaveNeedsABloc) {
  Doc pos({"Greece left the union in March."}, {C("Greece", "GRC")}, {{"March", "XXXX-03"}});
  EXPECT_EQ(of_type(pos.run(), "WITHDRAWAL").size(), 1u);
  Doc neg({"Italy left the stadium early."}, {C("Italy", "ITA")});
  EXPECT_TRUE(of_type(neg.run(), "WITHDRAWAL").empty());
  Doc money({"Spain may withdraw money."}, {C("Spain", "ESP")});
  EXPECT_TRUE(of_type(money.run(), "WITHDRAWAL", "hypothetical").empty());
}

// After an aside between commas ("Niger, also ruled by a junta, left ...") a past form
// is the subject's verb, not a reduced relative's participle.
TEST(Withdrawal, VerbAfterAnAside) {
  Doc d({"Togo and Niger, also ruled by juntas, left ECOWAS in January."},
        {C("Togo", "TGO"), C("Niger", "NER"), O("ECOWAS", "ecowas")});
  auto evs = of_type(d.run(), "WITHDRAWAL");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "country/TGO", "actor"));
  EXPECT_TRUE(has(evs[0], "country/NER", "actor"));
  EXPECT_TRUE(has(evs[0], "org/ecowas", "target"));
  // (and the names after the aside's closing comma and an auxiliary are the main
  // clause's: Togo hailed the pact)
  Doc relative({"The pact, signed in Accra, was hailed by Togo."},
               {L("Accra", "accra"), C("Togo", "TGO")});
  auto agreed = of_type(relative.run(), "AGREEMENT");
  ASSERT_EQ(agreed.size(), 1u);
  EXPECT_TRUE(has(agreed[0], "location/accra", "location"));
  EXPECT_FALSE(has(agreed[0], "country/TGO"));
  Doc hostages({"The hostages, seized in an attack on Libya, were handed to Chad."},
               {C("Libya", "LBY"), C("Chad", "TCD")});
  auto attacks = of_type(hostages.run(), "ATTACK");
  ASSERT_EQ(attacks.size(), 1u);
  EXPECT_TRUE(has(attacks[0], "country/LBY", "target"));
  EXPECT_FALSE(has(attacks[0], "country/TCD"));
}

// A country whose neighbours, allies or rivals are named after it ("Mali's neighbours
// Togo and Niger left ...") is no subject of its own.
TEST(Withdrawal, PossessorOfNeighboursIsNoActor) {
  Doc d({"Mali's neighbours Togo and Niger left ECOWAS in January."},
        {C("Mali", "MLI"), C("Togo", "TGO"), C("Niger", "NER"), O("ECOWAS", "ecowas")});
  auto evs = of_type(d.run(), "WITHDRAWAL");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_FALSE(has(evs[0], "country/MLI"));
  EXPECT_TRUE(has(evs[0], "country/TGO", "actor"));
}

TEST(Withdrawal, VowedToIsHypothetical) {
  Doc d({"Poland vowed to withdraw its soldiers from Iraq."}, {C("Poland", "POL"), C("Iraq", "IRQ")});
  auto evs = d.run();
  EXPECT_TRUE(of_type(evs, "WITHDRAWAL").empty());
  EXPECT_EQ(of_type(evs, "WITHDRAWAL", "hypothetical").size(), 1u);
}

// ------------------------------------------------------------------ THREAT

TEST(Threat, RelativeClauseActor) {
  Doc d({"Tensions rose with the Arab League, which threatened sanctions against Yemen."},
        {O("Arab League", "arab-league"), C("Yemen", "YEM")});
  auto evs = of_type(d.run(), "THREAT");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_EQ(evs[0].cameo, "13");
  EXPECT_TRUE(has(evs[0], "org/arab-league", "actor"));
  EXPECT_TRUE(has(evs[0], "country/YEM", "target"));
}

TEST(Threat, ThreatenedToIntervene) {
  Doc d({"Nigeria threatened to intervene militarily in Benin."},
        {C("Nigeria", "NGA"), C("Benin", "BEN")});
  auto evs = d.run();
  ASSERT_EQ(of_type(evs, "THREAT").size(), 1u);
  EXPECT_TRUE(of_type(evs, "ATTACK").empty());
}

TEST(Threat, ThreatenWithoutForceIsNoEvent) {
  Doc d({"Floods in Kenya threaten the harvest."}, {C("Kenya", "KEN")});
  EXPECT_TRUE(of_type(d.run(), "THREAT").empty());
}

// "ordered" or a word of military targets beside "strikes" makes them military ones; who
// names their targets after "what" takes no part ("ordered strikes on what New Delhi called
// militant camps in Pakistan-administered Kashmir").
TEST(Attack, OrderedStrikesOnWhatANameCalledCamps) {
  Doc d({"Abel Kessa ordered strikes on what Tunis called militant camps in Chad on Monday."},
        {P("Abel Kessa", "abel-kessa"), L("Tunis", "tunis"), C("Chad", "TCD")},
        {{"Monday", "XXXX-WXX-1"}});
  auto strikes = of_type(d.run(), "ATTACK");
  ASSERT_EQ(strikes.size(), 1u);
  EXPECT_TRUE(has(strikes[0], "person/abel-kessa", "actor"));
  EXPECT_TRUE(has(strikes[0], "country/TCD"));
  EXPECT_FALSE(has(strikes[0], "location/tunis"));
  Doc union_({"The union ordered strikes at three ports in Chad."}, {C("Chad", "TCD")});
  EXPECT_TRUE(of_type(union_.run(), "ATTACK").empty());
}

// Beheadings are killings; a war fought, a fight; an indictment, an arrest's kind of
// coercion (CAMEO 17); massing troops, a show of force; suspending a project, no sanction.
TEST(Attack, BeheadFightAWarIndictMassTroops) {
  Doc beheaded({"Insurgents beheaded 11 villagers in Chad on Sunday."}, {C("Chad", "TCD")},
               {{"Sunday", "XXXX-WXX-7"}});
  EXPECT_EQ(of_type(beheaded.run(), "ATTACK").size(), 1u);
  Doc war({"Libya and Chad fought a border war from 1998 to 2000."},
          {C("Libya", "LBY"), C("Chad", "TCD")}, {{"1998", "1998"}});
  auto fought = of_type(war.run(), "ATTACK");
  ASSERT_EQ(fought.size(), 1u);
  EXPECT_EQ(fought[0].cameo, "19");
  Doc indicted({"Prosecutors indicted Joe Park on Wednesday."}, {P("Joe Park", "joe-park")},
               {{"Wednesday", "XXXX-WXX-3"}});
  auto charged = of_type(indicted.run(), "ARREST");
  ASSERT_EQ(charged.size(), 1u);
  EXPECT_TRUE(has(charged[0], "person/joe-park", "target"));
  Doc massing({"Libya accused Chad of massing troops along the border."},
              {C("Libya", "LBY"), C("Chad", "TCD")});
  auto troops = of_type(massing.run(), "THREAT");
  ASSERT_EQ(troops.size(), 1u);
  EXPECT_EQ(troops[0].cameo, "15");
  EXPECT_TRUE(has(troops[0], "country/TCD", "actor"));
  EXPECT_FALSE(has(troops[0], "country/LBY"));
  Doc project({"Kessa Oil suspended a gas project in Chad in 2021."},
              {O("Kessa Oil", "kessa-oil"), C("Chad", "TCD")}, {{"2021", "2021"}});
  EXPECT_TRUE(of_type(project.run(), "SANCTION").empty());
}

// Military drills and war games show force (CAMEO 15): "China launched large-scale
// military drills around Taiwan". Drills of another kind show none.
TEST(Threat, MilitaryDrillsShowForce) {
  Doc d({"Libya launched large-scale military drills around Chad on Saturday."},
        {C("Libya", "LBY"), C("Chad", "TCD")}, {{"Saturday", "XXXX-WXX-6"}});
  auto drills = of_type(d.run(), "THREAT");
  ASSERT_EQ(drills.size(), 1u);
  EXPECT_EQ(drills[0].cameo, "15");
  EXPECT_TRUE(has(drills[0], "country/LBY", "actor"));
  EXPECT_TRUE(has(drills[0], "country/TCD"));
  Doc games({"Libya and Chad held joint war games in the desert."},
            {C("Libya", "LBY"), C("Chad", "TCD")});
  EXPECT_EQ(of_type(games.run(), "THREAT").size(), 1u);
  Doc fire({"Schools in Chad held fire drills."}, {C("Chad", "TCD")});
  EXPECT_TRUE(of_type(fire.run(), "THREAT").empty());
  // who is assailed for holding them holds them; who assails does not
  Doc assailed({"Libyan officials assailed Chad for holding joint naval exercises."},
               {C("Libyan", "LBY"), C("Chad", "TCD")});
  auto held = of_type(assailed.run(), "THREAT");
  ASSERT_EQ(held.size(), 1u);
  EXPECT_TRUE(has(held[0], "country/TCD", "actor"));
  EXPECT_FALSE(has(held[0], "country/LBY"));
}

// ------------------------------------------------------------------ FOUNDING

TEST(Founding, AnaphorAndPassiveWithDate) {
  Doc d({"Japan joined the Quad Sea Patrol last year.", "The joint force was established in 2019."},
        {C("Japan", "JPN"), O("Quad Sea Patrol", "quad-sea-patrol")}, {{"2019", "2019"}});
  auto evs = of_type(d.run(), "FOUNDING");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_EQ(evs[0].cameo, "06");
  EXPECT_TRUE(has(evs[0], "org/quad-sea-patrol"));
  EXPECT_EQ(evs[0].date->value, "2019");
  EXPECT_EQ(evs[0].sentence_index, 1);
}

TEST(Founding, FormAnAlliance) {
  Doc d({"Colombia and Ecuador formed an alliance against smuggling."},
        {C("Colombia", "COL"), C("Ecuador", "ECU")});
  auto evs = of_type(d.run(), "FOUNDING");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "country/COL", "actor"));
  EXPECT_TRUE(has(evs[0], "country/ECU", "actor"));
}

TEST(Founding, FormWithoutBodyAndLaunchedAttackAreNot) {
  Doc form({"Clouds formed over Iceland."}, {C("Iceland", "ISL")});
  EXPECT_TRUE(of_type(form.run(), "FOUNDING").empty());
  Doc launch({"Israel launched an attack on Gaza."}, {C("Israel", "ISR"), L("Gaza", "gaza")});
  auto evs = launch.run();
  EXPECT_TRUE(of_type(evs, "FOUNDING").empty());
  EXPECT_EQ(of_type(evs, "ATTACK").size(), 1u);
}

// "found" is mostly find's past: only "founded", "founding", "founds" found a body.
// Launching an offer or a lawsuit, establishing a probability found nothing.
TEST(Founding, FoundIsFindsPastAndLaunchedOfferIsNot) {
  Doc found({"A Kessa Bank study found that Iceland lost."},
            {O("Kessa Bank", "kessa-bank"), C("Iceland", "ISL")});
  EXPECT_TRUE(of_type(found.run(), "FOUNDING").empty());
  Doc founded({"Kessa Bank was founded by Iceland."},
              {O("Kessa Bank", "kessa-bank"), C("Iceland", "ISL")});
  EXPECT_EQ(of_type(founded.run(), "FOUNDING").size(), 1u);
  Doc offer({"Kessa Bank launched a takeover offer for Varno Group."},
            {O("Kessa Bank", "kessa-bank"), O("Varno Group", "varno-group")});
  EXPECT_TRUE(of_type(offer.run(), "FOUNDING").empty());
  Doc odds({"Tests at Kessa Bank established a high probability of fraud."},
           {O("Kessa Bank", "kessa-bank")});
  EXPECT_TRUE(of_type(odds.run(), "FOUNDING").empty());
}

TEST(Founding, CharterEstablishingABodyIsTheAgreement) {
  Doc d({"Fiji and Samoa signed a charter establishing the Ocean Council."},
        {C("Fiji", "FJI"), C("Samoa", "WSM"), O("Ocean Council", "ocean-council")});
  auto evs = d.run();
  EXPECT_EQ(of_type(evs, "AGREEMENT").size(), 1u);
  EXPECT_TRUE(of_type(evs, "FOUNDING").empty());
}

// ------------------------------------------------------------------ SANCTION

TEST(Sanction, ImposeSanctionsOn) {
  Doc d({"The European Union imposed sanctions on Belarus in June."},
        {O("European Union", "eu"), C("Belarus", "BLR")}, {{"June", "XXXX-06"}});
  auto evs = of_type(d.run(), "SANCTION");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_EQ(evs[0].cameo, "16");
  EXPECT_TRUE(has(evs[0], "org/eu", "actor"));
  EXPECT_TRUE(has(evs[0], "country/BLR", "target"));
  EXPECT_EQ(evs[0].date->value, "XXXX-06");
  // a date's preposition before the verb is no prepositional phrase of the noun
  Doc on({"The European Union on Thursday imposed sanctions on Belarus."},
         {O("European Union", "eu"), C("Belarus", "BLR")}, {{"Thursday", "XXXX-WXX-4"}});
  auto imposed = of_type(on.run(), "SANCTION");
  ASSERT_EQ(imposed.size(), 1u);
  EXPECT_TRUE(has(imposed[0], "org/eu", "actor"));
  // travel bans are sanctions
  Doc bans({"Latvia and Estonia imposed travel bans on Belarus officials."},
           {C("Latvia", "LVA"), C("Estonia", "EST"), C("Belarus", "BLR")});
  auto banned = of_type(bans.run(), "SANCTION");
  ASSERT_EQ(banned.size(), 1u);
  EXPECT_TRUE(has(banned[0], "country/LVA", "actor"));
  // and so are visa restrictions and visa bans imposed; eased for tourists, they are not
  Doc visas({"Latvia imposed visa restrictions on Belarus officials."},
            {C("Latvia", "LVA"), C("Belarus", "BLR")});
  auto restricted = of_type(visas.run(), "SANCTION");
  ASSERT_EQ(restricted.size(), 1u);
  EXPECT_TRUE(has(restricted[0], "country/LVA", "actor"));
  EXPECT_TRUE(has(restricted[0], "country/BLR", "target"));
  Doc eased({"Latvia eased visa restrictions for tourists from Belarus."},
            {C("Latvia", "LVA"), C("Belarus", "BLR")});
  EXPECT_TRUE(of_type(eased.run(), "SANCTION").empty());
  // a state that lasts "until" a date is not dated by it
  Doc until({"Belarus suspended its membership of the European Union until 2028."},
            {C("Belarus", "BLR"), O("European Union", "eu")}, {{"2028", "2028"}});
  auto suspended = of_type(until.run(), "SANCTION");
  ASSERT_EQ(suspended.size(), 1u);
  EXPECT_FALSE(suspended[0].date.has_value());
}

// Expelling diplomats reduces relations (CAMEO 16); expelling migrants or an army does
// not. "expel" doubles its "l": "expelled", "expelling".
// A count between the preposition and the name: "sanctions on three Sudanese generals"
// target Sudan.
TEST(Sanction, CountBeforeTheTarget) {
  Doc d({"Chad imposed sanctions on three Sudanese generals."},
        {C("Chad", "TCD"), C("Sudanese", "SDN")});
  auto evs = of_type(d.run(), "SANCTION");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "country/SDN", "target"));
}

TEST(Sanction, ExpelDiplomats) {
  for (const char* s : {"Rwanda expelled the Libyan ambassador.", "Rwanda is expelling Libyan diplomats.",
                        "Rwanda expelled Libyan troops and its ambassador in 2023."}) {
    Doc d({s}, {C("Rwanda", "RWA"), C("Libyan", "LBY")});
    auto evs = of_type(d.run(), "SANCTION");
    ASSERT_EQ(evs.size(), 1u) << s;
    EXPECT_TRUE(has(evs[0], "country/RWA", "actor")) << s;
    EXPECT_TRUE(has(evs[0], "country/LBY", "target")) << s;
  }
  for (const char* s : {"Rwanda expelled 300 Libyan migrants.", "Rwanda expelled the Libyan army."}) {
    Doc none({s}, {C("Rwanda", "RWA"), C("Libyan", "LBY")});
    EXPECT_TRUE(of_type(none.run(), "SANCTION").empty()) << s;
  }
}

// Cutting, severing or breaking off ties or relations reduces relations (CAMEO 16);
// expelling the head of a mission or recalling one's own ambassador too.
TEST(Sanction, CutTiesAndExpelTheHeadOfAMission) {
  struct Case {
    const char* sentence;
    const char* other;  // how it names Libya
  };
  for (const Case& k : {Case{"Rwanda cut ties with Libya.", "Libya"},
                        Case{"Rwanda severed diplomatic ties with Libya.", "Libya"},
                        Case{"Rwanda broke off diplomatic relations with Libya.", "Libya"},
                        Case{"Rwanda expelled the head of the Libyan trade mission.", "Libyan"},
                        Case{"Rwanda recalled its ambassador to Libya.", "Libya"},
                        Case{"Rwanda recalled its ambassadors from Libya.", "Libya"}}) {
    Doc d({k.sentence}, {C("Rwanda", "RWA"), C(k.other, "LBY")});
    auto evs = of_type(d.run(), "SANCTION");
    ASSERT_EQ(evs.size(), 1u) << k.sentence;
    EXPECT_TRUE(has(evs[0], "country/RWA", "actor")) << k.sentence;
    // ties cut "with" Libya: Libya is the target ("with": "target")
    if (std::string_view(k.other) == "Libya")
      EXPECT_TRUE(has(evs[0], "country/LBY", "target")) << k.sentence;
  }
}

TEST(Sanction, SuspendNeedsMembershipOrParty) {
  Doc pos({"The African Union suspended Guinea."}, {O("African Union", "au"), C("Guinea", "GIN")});
  EXPECT_EQ(of_type(pos.run(), "SANCTION").size(), 1u);
  Doc neg({"Officials suspended the match after heavy rain in the stadium."}, {});
  EXPECT_TRUE(of_type(neg.run(), "SANCTION").empty());
  // A court's ruling, a deployment, a company's services or trading are no sanction,
  // whoever is named beside them.
  Doc court({"Rwanda's High Court suspended the deployment of police to Libya."},
            {C("Rwanda", "RWA"), O("High Court", "high-court"), C("Libya", "LBY")});
  EXPECT_TRUE(of_type(court.run(), "SANCTION").empty());
  Doc ruling({"Rwanda asked the court to suspend the ruling against Libya."},
             {C("Rwanda", "RWA"), C("Libya", "LBY")});
  EXPECT_TRUE(of_type(ruling.run(), "SANCTION").empty());
  Doc services({"Kessa Air suspended services between Rwanda and Libya."},
               {O("Kessa Air", "kessa-air"), C("Rwanda", "RWA"), C("Libya", "LBY")});
  EXPECT_TRUE(of_type(services.run(), "SANCTION").empty());
  // (nor are talks: "the government suspended talks on joining the European Union")
  Doc talks({"Rwanda suspended talks on joining the Kessa Union."},
            {C("Rwanda", "RWA"), O("Kessa Union", "kessa-union")});
  EXPECT_TRUE(of_type(talks.run(), "SANCTION").empty());
  // a partnership suspended reduces relations, with whom it was the target
  Doc partnership({"Libya suspended its strategic partnership with Chad."},
                  {C("Libya", "LBY"), C("Chad", "TCD")});
  auto reduced = of_type(partnership.run(), "SANCTION");
  ASSERT_EQ(reduced.size(), 1u);
  EXPECT_TRUE(has(reduced[0], "country/LBY", "actor"));
  EXPECT_TRUE(has(reduced[0], "country/TCD", "target"));
  // a suspension's possessor is the one suspended, unless "of" names it after the noun
  Doc lifted({"The African Union lifted Guinea's suspension in April."},
             {O("African Union", "au"), C("Guinea", "GIN")}, {{"April", "XXXX-04"}});
  auto suspension = of_type(lifted.run(), "SANCTION");
  ASSERT_EQ(suspension.size(), 1u);
  EXPECT_TRUE(has(suspension[0], "org/au", "actor"));
  EXPECT_TRUE(has(suspension[0], "country/GIN", "target"));
  Doc of({"The African Union's suspension of Guinea angered Mali."},
         {O("African Union", "au"), C("Guinea", "GIN"), C("Mali", "MLI")});
  auto suspended = of_type(of.run(), "SANCTION");
  ASSERT_EQ(suspended.size(), 1u);
  EXPECT_TRUE(has(suspended[0], "org/au", "actor"));
  EXPECT_TRUE(has(suspended[0], "country/GIN", "target"));
}

// ", and" before a name and a finite verb opens a conjunct with a subject of its own: the
// name is not coordinated with the one before ("suspended aid to Guinea, and the Kessa
// Union suspended Guinea's membership"), unless that one ends a list ("Mali, Chad, and
// Guinea signed").
TEST(Sanction, SubjectOfTheNextConjunctIsNoCoordinatedName) {
  Doc d({"Libya suspended aid to Guinea, and the Kessa Union suspended Guinea's membership."},
        {C("Libya", "LBY"), C("Guinea", "GIN"), O("Kessa Union", "kessa-union"),
         C("Guinea", "GIN", 1)});
  auto evs = of_type(d.run(), "SANCTION");
  ASSERT_EQ(evs.size(), 2u);
  EXPECT_TRUE(has(evs[0], "country/LBY", "actor"));
  EXPECT_TRUE(has(evs[0], "country/GIN", "target"));
  EXPECT_FALSE(has(evs[0], "org/kessa-union"));
  EXPECT_TRUE(has(evs[1], "org/kessa-union", "actor"));
  // (a subject whose name holds an abbreviation's stops and a hyphen: "U.N.
  // Secretary-General ...")
  Doc stops({"Libya threatened to use force, and U.N. Secretary-General Abel Kessa condemned "
              "the threat."},
             {C("Libya", "LBY"), P("Abel Kessa", "abel-kessa")});
  auto threats = of_type(stops.run(), "THREAT");
  ASSERT_FALSE(threats.empty());
  EXPECT_TRUE(has(threats[0], "country/LBY", "actor"));
  EXPECT_FALSE(has(threats[0], "person/abel-kessa"));
  Doc list({"Mali, Chad, and Guinea signed the pact."},
           {C("Mali", "MLI"), C("Chad", "TCD"), C("Guinea", "GIN")});
  auto pacts = of_type(list.run(), "AGREEMENT");
  ASSERT_EQ(pacts.size(), 1u);
  EXPECT_TRUE(has(pacts[0], "country/MLI", "actor"));
  EXPECT_TRUE(has(pacts[0], "country/GIN", "actor"));
}

TEST(Sanction, NoSanctionsWereImposedIsNegated) {
  Doc d({"No sanctions were imposed on Cuba."}, {C("Cuba", "CUB")});
  auto evs = d.run();
  EXPECT_TRUE(of_type(evs, "SANCTION").empty());
  EXPECT_EQ(of_type(evs, "SANCTION", "negated").size(), 1u);
}

// ------------------------------------------------------------------ PROTEST, ELECTION, ARREST, MEETING, AID

TEST(Protest, Demonstrations) {
  Doc pos({"Thousands protested in Serbia on Sunday."}, {C("Serbia", "SRB")},
          {{"Sunday", "XXXX-WXX-7"}});
  auto evs = of_type(pos.run(), "PROTEST");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_EQ(evs[0].cameo, "14");
  EXPECT_TRUE(has(evs[0], "country/SRB", "location"));
  Doc neg({"Brazil will march into the final in March."}, {C("Brazil", "BRA")});
  EXPECT_TRUE(of_type(neg.run(), "PROTEST").empty());
  // workers who went on strike protest
  Doc strike({"Doctors in Serbia went on strike on Monday."}, {C("Serbia", "SRB")},
             {{"Monday", "XXXX-WXX-1"}});
  EXPECT_EQ(of_type(strike.run(), "PROTEST").size(), 1u);
  // supporters who rallied protested; shares that rallied did not
  Doc rallied({"Thousands of supporters rallied in Serbia."}, {C("Serbia", "SRB")});
  EXPECT_EQ(of_type(rallied.run(), "PROTEST").size(), 1u);
  Doc shares({"Shares in Serbia rallied on Friday."}, {C("Serbia", "SRB")});
  EXPECT_TRUE(of_type(shares.run(), "PROTEST").empty());
}

TEST(Election, ElectionInCountry) {
  Doc d({"Voters in Senegal went to the polls in 2024."}, {C("Senegal", "SEN")}, {{"2024", "2024"}});
  auto evs = of_type(d.run(), "ELECTION");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_EQ(evs[0].date->value, "2024");
  Doc neg({"Senegal won the match."}, {C("Senegal", "SEN")});
  EXPECT_TRUE(of_type(neg.run(), "ELECTION").empty());
  // "election" naming who runs elections is no election (excludes_object)
  for (const char* s : {"Crowds protested outside election offices in Senegal.",
                        "Election officials in Senegal said turnout was low.",
                        "The election commission of Senegal met on Friday."}) {
    Doc none({s}, {C("Senegal", "SEN")});
    EXPECT_TRUE(of_type(none.run(), "ELECTION").empty()) << s;
  }
  // a vote with a winner is an election; a vote of confidence is none
  Doc winner({"Abel Kessa was declared the winner of the Jan. 15 vote in Senegal."},
             {P("Abel Kessa", "abel-kessa"), C("Senegal", "SEN")}, {{"Jan. 15", "XXXX-01-15"}});
  auto won = of_type(winner.run(), "ELECTION");
  ASSERT_EQ(won.size(), 1u);
  EXPECT_TRUE(has(won[0], "person/abel-kessa", "actor"));
  Doc confidence({"Abel Kessa was the winner of a confidence vote in Senegal."},
                 {P("Abel Kessa", "abel-kessa"), C("Senegal", "SEN")});
  EXPECT_TRUE(of_type(confidence.run(), "ELECTION").empty());
}

// A country's possessive before a nominal trigger ("won Senegal's presidential election")
// leaves the clause's subject an actor too; not after a verb of reaction or a preposition
// ("Chad condemned Niger's recent coup").
TEST(Election, SubjectBesideACountrysPossessive) {
  Doc d({"Harlan Voss won Senegal's presidential election on Sunday."},
        {P("Harlan Voss", "harlan-voss"), C("Senegal", "SEN")});
  auto evs = of_type(d.run(), "ELECTION");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "person/harlan-voss", "actor"));
  EXPECT_TRUE(has(evs[0], "country/SEN", "actor"));
  Doc reaction({"Chad condemned Niger's recent coup."}, {C("Chad", "TCD"), C("Niger", "NER")});
  auto coups = of_type(reaction.run(), "COUP");
  ASSERT_EQ(coups.size(), 1u);
  EXPECT_FALSE(has(coups[0], "country/TCD"));
  // So after a form of "win", a country's name or demonym after the article ("won the U.S.
  // presidential election"); not after another verb ("condemned the Senegalese sanctions").
  Doc modifier({"Harlan Voss won the Senegalese presidential election on Sunday."},
               {P("Harlan Voss", "harlan-voss"), C("Senegalese", "SEN")});
  auto won = of_type(modifier.run(), "ELECTION");
  ASSERT_EQ(won.size(), 1u);
  EXPECT_TRUE(has(won[0], "person/harlan-voss", "actor"));
  EXPECT_TRUE(has(won[0], "country/SEN", "actor"));
  Doc other({"Chad condemned the Senegalese sanctions."},
            {C("Chad", "TCD"), C("Senegalese", "SEN")});
  auto sanctions = of_type(other.run(), "SANCTION");
  ASSERT_EQ(sanctions.size(), 1u);
  EXPECT_FALSE(has(sanctions[0], "country/TCD"));
}

// The origin of the subject acts ("Troops from Chad attacked Dori"), and a name
// coordinated with it takes its role ("Troops from Chad and Niger").
TEST(Attack, OriginOfTheSubjectActs) {
  Doc d({"Troops from Chad and Niger attacked Dori on Monday."},
        {C("Chad", "TCD"), C("Niger", "NER"), L("Dori", "dori")});
  auto evs = of_type(d.run(), "ATTACK");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "country/TCD", "actor"));
  EXPECT_TRUE(has(evs[0], "country/NER", "actor"));
  EXPECT_TRUE(has(evs[0], "location/dori", "location"));
  // (not across a list's commas: "in the Sahel, Mali, Chad, and Niger have signed")
  Doc list({"In the Sahel, Mali, Chad, and Niger have signed a pact."},
           {L("Sahel", "sahel"), C("Mali", "MLI"), C("Chad", "TCD"), C("Niger", "NER")});
  auto pacts = of_type(list.run(), "AGREEMENT");
  ASSERT_EQ(pacts.size(), 1u);
  EXPECT_TRUE(has(pacts[0], "country/NER", "actor"));
}

// Where someone is based, born or stationed is not where the event happened ("officers
// based in Ivory Coast had planned to attack the presidency"; "Francis, born Jorge Mario
// Bergoglio in Buenos Aires, was elected").
TEST(Attack, WhereTheSubjectIsBasedIsNoLocation) {
  Doc d({"Gunmen based in Chad attacked a village in Niger."},
        {C("Chad", "TCD"), C("Niger", "NER")});
  auto evs = of_type(d.run(), "ATTACK");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_FALSE(has(evs[0], "country/TCD"));
  EXPECT_TRUE(has(evs[0], "country/NER", "location"));
  Doc born({"Abel Kessa, born in Dori, was elected in March."},
           {P("Abel Kessa", "abel-kessa"), L("Dori", "dori")}, {{"March", "XXXX-03"}});
  auto elected = of_type(born.run(), "ELECTION");
  ASSERT_EQ(elected.size(), 1u);
  EXPECT_FALSE(has(elected[0], "location/dori"));
  // (a name between: "born Jorge Mario Bergoglio in Buenos Aires")
  Doc named({"Abel Kessa, born Abel Kessa Obi in Dori, was elected in March."},
            {P("Abel Kessa", "abel-kessa"), L("Dori", "dori")}, {{"March", "XXXX-03"}});
  for (const Event& e : of_type(named.run(), "ELECTION")) EXPECT_FALSE(has(e, "location/dori"));
  // (but where troops were stationed is where a withdrawal left)
  Doc left({"The last Libyan soldiers stationed in Chad left the country on Thursday."},
           {C("Libyan", "LBY"), C("Chad", "TCD")}, {{"Thursday", "XXXX-WXX-4"}});
  auto withdrawals = of_type(left.run(), "WITHDRAWAL");
  ASSERT_EQ(withdrawals.size(), 1u);
  EXPECT_TRUE(has(withdrawals[0], "country/TCD"));
}

// A participle right after a counted plural noun and before "in" or "during", or after a
// plural noun before "by", is a passive: the subject before it is the target ("Chadian
// peacekeepers were among 13 soldiers killed in the fighting").
TEST(Attack, ParticipleAfterACountedPluralIsPassive) {
  Doc d({"Chadian peacekeepers were among 13 foreign soldiers killed in the fighting."},
        {C("Chadian", "TCD")});
  auto evs = of_type(d.run(), "ATTACK");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "country/TCD", "target"));
  Doc active({"Chadian troops attacked in Dori on Monday."}, {C("Chadian", "TCD"), L("Dori", "dori")});
  for (const Event& e : of_type(active.run(), "ATTACK")) EXPECT_FALSE(has(e, "country/TCD", "target"));
  // So is one after a noun phrase that follows a preposition or a verb, which is no subject:
  // "Iran freed the pair in exchange for an Iranian woman detained in France".
  Doc object({"Libya freed Abel Kessa in exchange for a Chadian woman detained in Tunis."},
             {C("Libya", "LBY"), P("Abel Kessa", "abel-kessa"), C("Chadian", "TCD"),
              L("Tunis", "tunis")});
  auto detained = of_type(object.run(), "ARREST");
  ASSERT_EQ(detained.size(), 1u);
  EXPECT_FALSE(has(detained[0], "country/LBY", "actor"));
  EXPECT_TRUE(has(detained[0], "location/tunis", "location"));
  // (not a noun phrase inside the subject: "Rwandan troops in the region withdrew from two
  // bases", "Rwandan troops stationed in the region attacked Gao")
  for (const char* s : {"Chadian troops in the region withdrew from two bases.",
                        "Chadian troops deployed in the region withdrew from two bases."}) {
    Doc subject({s}, {C("Chadian", "TCD")});
    auto left = of_type(subject.run(), "WITHDRAWAL");
    ASSERT_EQ(left.size(), 1u) << s;
    EXPECT_TRUE(has(left[0], "country/TCD", "actor")) << s;
  }
  Doc stationed({"Chadian troops stationed in the region attacked Dori."},
                {C("Chadian", "TCD"), L("Dori", "dori")});
  auto attacked = of_type(stationed.run(), "ATTACK");
  ASSERT_EQ(attacked.size(), 1u);
  EXPECT_TRUE(has(attacked[0], "country/TCD", "actor"));
}

// A demonym after "in" that modifies a trigger of the event's type is who acts, not
// where: "was killed in a Chadian drone strike on Dori", "died in a Chadian air raid".
// (A demonym before another noun stays a place: "killed in Chadian territory".)
TEST(Attack, DemonymOfAnAttackAfterInActs) {
  const EntitySpec chadian{"Chadian", "COUNTRY", "country/TCD", 0, "demonym"};
  for (const char* text : {"Abel Kessa was killed in a Chadian drone strike on Dori on Monday.",
                           "Abel Kessa died in a Chadian drone strike on Dori on Monday.",
                           "Abel Kessa died in a Chadian attack on Dori on Monday."}) {
    Doc d({text}, {P("Abel Kessa", "abel-kessa"), chadian, L("Dori", "dori")});
    auto evs = of_type(d.run(), "ATTACK");
    ASSERT_EQ(evs.size(), 1u) << text;
    EXPECT_TRUE(has(evs[0], "country/TCD", "actor")) << text;
    EXPECT_FALSE(has(evs[0], "country/TCD", "location")) << text;
    EXPECT_TRUE(has(evs[0], "location/dori", "location")) << text;
  }
  // (after a phrase trigger's own preposition, the demonym's country is the target:
  // "fired water cannon at a Philippine supply boat")
  Doc boat({"Ships fired water cannon at a Chadian supply boat near Dori."}, {chadian, L("Dori", "dori")});
  auto cannon = of_type(boat.run(), "ATTACK");
  ASSERT_EQ(cannon.size(), 1u);
  EXPECT_TRUE(has(cannon[0], "country/TCD", "target"));
  Doc place({"Abel Kessa was killed in Chadian territory on Monday."},
            {P("Abel Kessa", "abel-kessa"), chadian});
  auto evs = of_type(place.run(), "ATTACK");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "country/TCD", "location"));
  // (only where the type says so, "demonym_acts": a country holds its election)
  Doc vote({"The Kessa Party won the most seats in the Chadian parliamentary election."},
           {O("Kessa Party", "kessa-party"), chadian});
  auto votes = of_type(vote.run(), "ELECTION");
  ASSERT_EQ(votes.size(), 1u);
  EXPECT_TRUE(has(votes[0], "country/TCD", "location"));
  EXPECT_TRUE(has(votes[0], "org/kessa-party", "actor"));
}

// A nominal that is the subject of a verb of happening takes no subject from before it
// ("Abel Kessa, who was in Dori when the fighting broke out, returned").
TEST(Attack, NominalSubjectOfAHappeningVerbTakesNoSubject) {
  Doc d({"Abel Kessa, who was in Dori when the fighting broke out, returned on Saturday."},
        {P("Abel Kessa", "abel-kessa"), L("Dori", "dori")});
  for (const Event& e : of_type(d.run(), "ATTACK")) EXPECT_FALSE(has(e, "person/abel-kessa"));
}

// The subject of a conjunct before the trigger's own is not a nominal trigger's subject
// ("the Kessa Council overturned the delay, and the election was held in Dori"); who
// confirms an event reports it ("Chad confirmed that Abel Kessa had been killed").
TEST(Election, SubjectOfTheConjunctBeforeIsNoActor) {
  Doc d({"The Kessa Council overturned the delay, and the election was held in Dori."},
        {O("Kessa Council", "kessa-council"), L("Dori", "dori")});
  for (const Event& e : of_type(d.run(), "ELECTION")) EXPECT_FALSE(has(e, "org/kessa-council"));
  Doc confirmed({"Chad confirmed on Saturday that Abel Kessa had been killed."},
                {C("Chad", "TCD"), P("Abel Kessa", "abel-kessa")});
  auto evs = of_type(confirmed.run(), "ATTACK");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "person/abel-kessa", "target"));
  EXPECT_FALSE(has(evs[0], "country/TCD"));
  // (and so does who warns that it may come: "The United Nations warned that an assault
  // on El Fasher could trigger a catastrophe")
  Doc warned({"The Kessa Council warned that an assault on Dori could trigger a catastrophe."},
             {O("Kessa Council", "kessa-council"), L("Dori", "dori")});
  for (const Event& e : of_type(warned.run(), "ATTACK")) EXPECT_FALSE(has(e, "org/kessa-council"));
  EXPECT_EQ(of_type(warned.run(), "ATTACK").size(), 1u);
}

// A nominal after "in" takes the subject when the word before "in" tells that the
// subject took part or won ("won a landslide victory in a national election", "took part
// in the talks"), not after other words ("said in a statement after the talks").
TEST(Election, SubjectOfTakingPartInTheEvent) {
  for (const char* s : {"Harlan Voss won a landslide victory in a national election on Sunday.",
                        "Harlan Voss won 40 seats in the disputed election on Sunday.",
                        "Harlan Voss ran in the presidential election on Sunday.",
                        "Harlan Voss won a fourth term in a January election boycotted by "
                        "the opposition.",
                        "Harlan Voss won a second term on Saturday in an election.",
                        "Harlan Voss won a second term in June in an election.",
                        "Harlan Voss, who took first place in a presidential election, spoke.",
                        "Harlan Voss narrowly voted in favour of the new charter in a referendum.",
                        "Harlan Voss won a landslide victory in an August runoff."}) {
    Doc d({s}, {P("Harlan Voss", "harlan-voss")});
    auto evs = of_type(d.run(), "ELECTION");
    ASSERT_EQ(evs.size(), 1u) << s;
    EXPECT_TRUE(has(evs[0], "person/harlan-voss", "actor")) << s;
  }
  // (and the winner of it: "declared Nicolas Maduro the winner of Sunday's presidential
  // election", "Maduro, the winner of the 2018 election"; past an age, an abbreviation's
  // period: "declared President Paul Biya, 92, the winner of the Oct. 12 election")
  for (const char* s : {"The council declared Harlan Voss the winner of Sunday's presidential election.",
                        "Harlan Voss, the winner of the presidential election, spoke.",
                        "The council declared Harlan Voss, 71, the winner of the Oct. 12 election."}) {
    Doc d({s}, {P("Harlan Voss", "harlan-voss")});
    auto evs = of_type(d.run(), "ELECTION");
    ASSERT_EQ(evs.size(), 1u) << s;
    EXPECT_TRUE(has(evs[0], "person/harlan-voss", "actor")) << s;
  }
  // (so the subject of "was declared the winner of" a country's election)
  Doc declared({"Harlan Voss was declared the winner of Gabon's presidential election."},
               {P("Harlan Voss", "harlan-voss"), C("Gabon", "GAB")});
  auto winner = of_type(declared.run(), "ELECTION");
  ASSERT_EQ(winner.size(), 1u);
  EXPECT_TRUE(has(winner[0], "person/harlan-voss", "actor"));
  EXPECT_TRUE(has(winner[0], "country/GAB", "actor"));
  // (a date right before ", when" dates that clause's events, up to its first comma)
  Doc when({"Turnout rose from 40% in 2019, when Harlan Voss was first elected."},
           {P("Harlan Voss", "harlan-voss")}, {{"2019", "2019"}});
  auto first = of_type(when.run(), "ELECTION");
  ASSERT_EQ(first.size(), 1u);
  ASSERT_TRUE(first[0].date.has_value());
  EXPECT_EQ(first[0].date->value, "2019");
  Doc later({"Unlike in 2019, when police arrested Harlan Voss, the election was calm."},
            {P("Harlan Voss", "harlan-voss")}, {{"2019", "2019"}});
  for (const Event& e : of_type(later.run(), "ELECTION"))
    EXPECT_FALSE(e.date.has_value() && e.date->value == "2019");
  // (a person after the possessive of the country that opens the clause and a title)
  Doc titled({"Chad's President Harlan Voss won the election on Saturday."},
             {C("Chad", "TCD"), P("Harlan Voss", "harlan-voss")});
  auto won = of_type(titled.run(), "ELECTION");
  ASSERT_EQ(won.size(), 1u);
  EXPECT_TRUE(has(won[0], "person/harlan-voss", "actor"));
  EXPECT_TRUE(has(won[0], "country/TCD", "actor"));
  // (and an organisation after such a possessive and up to three words: "Chad's ruling
  // Patriotic Salvation Movement (MPS) won 124 of the 188 seats ... in the election")
  Doc party({"Chad's ruling Kessa Salvation Movement (KSM) won 124 seats in the legislative "
             "election."},
            {C("Chad", "TCD"), O("Kessa Salvation Movement", "ksm"), O("KSM", "ksm")});
  auto seats = of_type(party.run(), "ELECTION");
  ASSERT_EQ(seats.size(), 1u);
  EXPECT_TRUE(has(seats[0], "org/ksm", "actor"));
  // (a verb of defeating, its object between it and "in": "Carter defeated Gerald Ford in
  // the 1976 election"; both candidates take part)
  Doc defeated({"Harlan Voss defeated Abel Kessa in the 1976 election."},
                {P("Harlan Voss", "harlan-voss"), P("Abel Kessa", "abel-kessa")},
                {{"1976", "1976"}});
  auto beaten = of_type(defeated.run(), "ELECTION");
  ASSERT_EQ(beaten.size(), 1u);
  EXPECT_TRUE(has(beaten[0], "person/harlan-voss", "actor"));
  EXPECT_TRUE(has(beaten[0], "person/abel-kessa", "actor"));
  ASSERT_TRUE(beaten[0].date.has_value());
  EXPECT_EQ(beaten[0].date->value, "1976");
  // (the one elected after "of": "soared since the election of Donald Trump")
  Doc of({"Shares have soared since the election of Harlan Voss."}, {P("Harlan Voss", "harlan-voss")});
  auto elected = of_type(of.run(), "ELECTION");
  ASSERT_EQ(elected.size(), 1u);
  EXPECT_TRUE(has(elected[0], "person/harlan-voss", "actor"));
  Doc talks({"Chad took part in the talks on Monday."}, {C("Chad", "TCD")});
  auto evs = of_type(talks.run(), "MEETING");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "country/TCD", "actor"));
  Doc statement({"Harlan Voss spoke in a statement after the election."}, {P("Harlan Voss", "harlan-voss")});
  for (const Event& e : of_type(statement.run(), "ELECTION"))
    EXPECT_FALSE(has(e, "person/harlan-voss", "actor"));
  // (nor after "to power": "came to power in a 2009 coup"; not "lost power")
  Doc power({"Harlan Voss came to power in a 2009 coup."}, {P("Harlan Voss", "harlan-voss")},
            {{"2009", "2009"}});
  auto coups = of_type(power.run(), "COUP");
  ASSERT_EQ(coups.size(), 1u);
  EXPECT_TRUE(has(coups[0], "person/harlan-voss", "actor"));
  Doc lost({"Harlan Voss lost power in a 2009 coup."}, {P("Harlan Voss", "harlan-voss")},
           {{"2009", "2009"}});
  for (const Event& e : of_type(lost.run(), "COUP"))
    EXPECT_FALSE(has(e, "person/harlan-voss", "actor"));
}

// Words that describe the subject before its name ("Marxist-leaning politician Harlan
// Voss won") leave it the subject; a participle before a name does not ("warning Harlan
// Voss that the threat is real").
TEST(Election, SubjectAfterWordsThatDescribeIt) {
  Doc d({"Marxist-leaning politician Harlan Voss won the presidential election."},
        {P("Harlan Voss", "harlan-voss")});
  auto evs = of_type(d.run(), "ELECTION");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "person/harlan-voss", "actor"));
  Doc warning({"Chad spoke, warning Harlan Voss that the threat of force is real."},
              {C("Chad", "TCD"), P("Harlan Voss", "harlan-voss")});
  for (const Event& e : of_type(warning.run(), "THREAT"))
    EXPECT_FALSE(has(e, "person/harlan-voss", "actor"));
}

// A date inside a nominal trigger's noun phrase, before it, dates it, whatever else the
// sentence dates ("Sunday's presidential election ..., released on Thursday").
TEST(Election, DateInsideTheNounPhrase) {
  Doc d({"Harlan Voss won Sunday's presidential election in Senegal, according to results "
         "released on Thursday."},
        {P("Harlan Voss", "harlan-voss"), C("Senegal", "SEN")},
        {{"Sunday", "2024-03-24"}, {"Thursday", "2024-03-28"}});
  auto evs = of_type(d.run(), "ELECTION");
  ASSERT_EQ(evs.size(), 1u);
  ASSERT_TRUE(evs[0].date.has_value());
  EXPECT_EQ(evs[0].date->value, "2024-03-24");
}

// A year between a determiner and another noun dates that noun, not the event: "its 1951
// treaty covers attacks" dates no attack; "the 1998 clinic bombing" is the bombing's year.
TEST(Dates, YearOfAnotherNounPhraseIsNoDate) {
  Doc d({"Chad said its 1951 defence treaty with Libya covers attacks on Libyan ships."},
        {C("Chad", "TCD"), C("Libya", "LBY"), C("Libyan", "LBY")}, {{"1951", "1951"}});
  auto evs = of_type(d.run(), "ATTACK");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_FALSE(evs[0].date.has_value());
  Doc own({"Two people were hurt in the 1998 clinic bombing in Libya."}, {C("Libya", "LBY")},
          {{"1998", "1998"}});
  auto bombing = of_type(own.run(), "ATTACK");
  ASSERT_EQ(bombing.size(), 1u);
  ASSERT_TRUE(bombing[0].date.has_value());
  EXPECT_EQ(bombing[0].date->value, "1998");
}

// A date right after a noun that triggers another type's event is that event's: "arrested
// activists ahead of a general election in January" does not date the arrests.
TEST(Dates, DateOfAnotherNominalEventAfterTheTrigger) {
  Doc d({"Chad arrested activists ahead of a general election in January."}, {C("Chad", "TCD")},
        {{"January", "2024-01"}});
  auto arrests = of_type(d.run(), "ARREST");
  ASSERT_EQ(arrests.size(), 1u);
  EXPECT_FALSE(arrests[0].date.has_value());
  Doc own({"Chad arrested activists in January."}, {C("Chad", "TCD")}, {{"January", "2024-01"}});
  auto dated = of_type(own.run(), "ARREST");
  ASSERT_EQ(dated.size(), 1u);
  ASSERT_TRUE(dated[0].date.has_value());
  EXPECT_EQ(dated[0].date->value, "2024-01");
}

// A party's primary is an election; a primary school or reason is none.
TEST(Election, Primary) {
  Doc d({"Harlan Voss won the Ohio primary on Tuesday."},
        {P("Harlan Voss", "harlan-voss"), L("Ohio", "ohio")}, {{"Tuesday", "XXXX-WXX-2"}});
  auto evs = of_type(d.run(), "ELECTION");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_EQ(d.slice(evs[0].trigger), "primary");
  EXPECT_TRUE(has(evs[0], "person/harlan-voss", "actor"));
  // and so is a runoff, or a round of voting; not a river's runoff
  for (const char* s : {"Harlan Voss won the runoff in Ohio.", "Harlan Voss won the first round of "
                        "voting in Ohio."}) {
    Doc round({s}, {P("Harlan Voss", "harlan-voss"), L("Ohio", "ohio")});
    EXPECT_EQ(of_type(round.run(), "ELECTION").size(), 1u) << s;
  }
  for (const char* s : {"Senegal built a primary school.", "The primary reason Senegal left was cost.",
                        "Fertiliser runoff polluted rivers in Senegal."}) {
    Doc none({s}, {C("Senegal", "SEN")});
    EXPECT_TRUE(of_type(none.run(), "ELECTION").empty()) << s;
  }
}

// A past form used as an adjective, after a determiner or a possessive with perhaps an
// adverb or a superlative between ("Senegal's youngest elected leader", "the democratically
// elected government"), reports no event; the verb does, with or without an adverb, and
// so does a relative clause's verb ("the bullet that killed").
TEST(Election, PastFormAsAdjectiveIsNoEvent) {
  for (const char* s : {"Harlan Voss, Senegal's youngest elected leader, spoke on Tuesday.",
                        "Senegal's democratically elected government thanked Harlan Voss on Tuesday.",
                        "The elected officials of Senegal thanked Harlan Voss on Tuesday.",
                        "Elected officials in Senegal thanked Harlan Voss on Tuesday.",
                        "Senegal's newly elected President Harlan Voss spoke on Tuesday.",
                        "Soldiers ousted democratically elected President Harlan Voss of "
                        "Senegal on Tuesday.",
                        "Soldiers seized power in Senegal, ousting democratically elected "
                        "President Harlan Voss."}) {
    Doc none({s}, {P("Harlan Voss", "harlan-voss"), C("Senegal", "SEN")});
    EXPECT_TRUE(of_type(none.run(), "ELECTION").empty()) << s;
  }
  // so after a preposition
  Doc jailed({"Rebels backed by jailed former leader Harlan Voss won in Senegal on Tuesday."},
             {P("Harlan Voss", "harlan-voss"), C("Senegal", "SEN")});
  EXPECT_TRUE(of_type(jailed.run(), "ARREST").empty());
  for (const char* s : {"Voters in Senegal elected Harlan Voss president on Tuesday.",
                        "Harlan Voss was newly elected in Senegal on Tuesday.",
                        "Senegal recently elected Harlan Voss."}) {
    Doc d({s}, {P("Harlan Voss", "harlan-voss"), C("Senegal", "SEN")});
    EXPECT_EQ(of_type(d.run(), "ELECTION").size(), 1u) << s;
  }
  Doc kill({"Senegalese gunmen recently killed soldiers.", "It was a bomb that killed Harlan Voss."},
           {C("Senegalese", "SEN"), P("Harlan Voss", "harlan-voss")});
  EXPECT_EQ(of_type(kill.run(), "ATTACK").size(), 2u);
}

TEST(Arrest, PassiveArrest) {
  Doc d({"Paul Rusesa was arrested by police in Rwanda."},
        {P("Paul Rusesa", "paul-rusesa"), C("Rwanda", "RWA")});
  auto evs = of_type(d.run(), "ARREST");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_EQ(evs[0].cameo, "17");
  EXPECT_TRUE(has(evs[0], "person/paul-rusesa", "target"));
  EXPECT_TRUE(has(evs[0], "country/RWA", "location"));
  // "jails" is the prisons ("prisoners freed from Rwanda's jails"), no event
  Doc jails({"Rwanda freed 39 prisoners from its jails."}, {C("Rwanda", "RWA")});
  EXPECT_TRUE(of_type(jails.run(), "ARREST").empty());
}

// "remains detained" is a passive too: its subject is the target.
// The possessor of an arrest is its target, unless "of" names the target after it.
TEST(Arrest, PossessorIsTheTarget) {
  Doc own({"Police in Mali confirmed Joe Park's arrest."}, {C("Mali", "MLI"), P("Joe Park", "joe-park")});
  auto arrest = of_type(own.run(), "ARREST");
  ASSERT_EQ(arrest.size(), 1u);
  EXPECT_TRUE(has(arrest[0], "person/joe-park", "target"));
  EXPECT_FALSE(has(arrest[0], "person/joe-park", "actor"));
  Doc of({"Mali's arrest of Joe Park angered Chad."},
         {C("Mali", "MLI"), P("Joe Park", "joe-park"), C("Chad", "TCD")});
  auto by_mali = of_type(of.run(), "ARREST");
  ASSERT_EQ(by_mali.size(), 1u);
  EXPECT_TRUE(has(by_mali[0], "country/MLI", "actor"));
  EXPECT_TRUE(has(by_mali[0], "person/joe-park", "target"));
  Doc his({"Rwanda issued a warrant for his arrest after Joe Park fled."},
          {C("Rwanda", "RWA"), P("Joe Park", "joe-park")});
  for (const Event& e : of_type(his.run(), "ARREST")) EXPECT_FALSE(has(e, "country/RWA", "target"));
}

TEST(Arrest, RemainsDetainedIsPassive) {
  Doc d({"Paul Rusesa remains detained in Rwanda."},
        {P("Paul Rusesa", "paul-rusesa"), C("Rwanda", "RWA")});
  auto evs = of_type(d.run(), "ARREST");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "person/paul-rusesa", "target"));
  EXPECT_FALSE(has(evs[0], "person/paul-rusesa", "actor"));
}

// A relative clause between commas: after it, a past form with its object is the verb of
// the subject before the clause ("X, who chairs the bloc, met defence chiefs"; meeting
// officials, chiefs or envoys is a meeting), and the clause's names are not that verb's;
// inside it (or inside a participle's clause), the names after its closing comma are not
// the clause's verb's.
TEST(Clauses, RelativeClauseBetweenCommas) {
  Doc d({"Ana Lima, who chairs the bloc, met regional defence chiefs in Lisbon."},
        {P("Ana Lima", "ana-lima"), L("Lisbon", "lisbon")});
  auto evs = of_type(d.run(), "MEETING");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "person/ana-lima", "actor"));
  Doc pact({"Rwanda, which left the bloc, signed a pact on Monday."}, {C("Rwanda", "RWA")},
           {{"Monday", "XXXX-WXX-1"}});
  auto signed_ = of_type(pact.run(), "AGREEMENT");
  ASSERT_EQ(signed_.size(), 1u);
  EXPECT_TRUE(has(signed_[0], "country/RWA", "actor"));
  // The clause's own names are not the main verb's; a symmetric verb's actor after it
  // does not hide the subject before the clause.
  Doc two({"Ana Lima, who met Joe Park, signed a pact with Rwanda."},
          {P("Ana Lima", "ana-lima"), P("Joe Park", "joe-park"), C("Rwanda", "RWA")});
  auto pacts = of_type(two.run(), "AGREEMENT");
  ASSERT_EQ(pacts.size(), 1u);
  EXPECT_TRUE(has(pacts[0], "person/ana-lima", "actor"));
  EXPECT_TRUE(has(pacts[0], "country/RWA", "actor"));
  EXPECT_FALSE(has(pacts[0], "person/joe-park", "actor"));
  // The clause's own verb takes its antecedent as actor, whoever follows it; not in an
  // object relative clause ("Rwanda, which Libya attacked").
  auto met_in_clause = of_type(two.run(), "MEETING");
  ASSERT_EQ(met_in_clause.size(), 1u);
  EXPECT_TRUE(has(met_in_clause[0], "person/ana-lima", "actor"));
  EXPECT_TRUE(has(met_in_clause[0], "person/joe-park", "actor"));
  Doc object({"Rwanda, which Libya attacked in May, signed a pact."},
             {C("Rwanda", "RWA"), C("Libya", "LBY")});
  auto attacked = of_type(object.run(), "ATTACK");
  ASSERT_EQ(attacked.size(), 1u);
  EXPECT_FALSE(has(attacked[0], "country/RWA", "actor"));
  // A trigger up to eight words after the closing comma and an auxiliary takes no date
  // from the clause, and who asks another to act takes no part ("has ordered French
  // troops to leave").
  Doc ordered({"Rwanda's junta, which seized power in July, has ordered Libyan troops to leave."},
              {C("Rwanda", "RWA"), {"Libyan", "COUNTRY", "country/LBY", 0, "demonym"}},
              {{"July", "2024-07"}});
  auto leave = of_type(ordered.run(), "WITHDRAWAL");
  ASSERT_EQ(leave.size(), 1u);
  EXPECT_FALSE(leave[0].date.has_value());
  EXPECT_TRUE(has(leave[0], "country/LBY", "actor"));
  EXPECT_FALSE(has(leave[0], "country/RWA"));
  // (so after a past form, up to twelve words on: "Tinubu, who took office last year,
  // ordered security chiefs to hunt down those behind the attacks")
  Doc past({"Joe Park, who took office in 2023, ordered the army to attack Goma."},
           {P("Joe Park", "joe-park"), L("Goma", "goma")}, {{"2023", "2023"}});
  auto attack = of_type(past.run(), "ATTACK");
  ASSERT_EQ(attack.size(), 1u);
  EXPECT_FALSE(attack[0].date.has_value());
  // Inside the clause, before its closing comma, the names after that comma are the
  // main verb's, unless they are coordinated with one the trigger took.
  Doc inside({"Joe Park, who seized power in Rwanda in July, accused Libya of plotting."},
             {P("Joe Park", "joe-park"), C("Rwanda", "RWA"), C("Libya", "LBY")});
  auto coups = of_type(inside.run(), "COUP");
  ASSERT_EQ(coups.size(), 1u);
  EXPECT_TRUE(has(coups[0], "person/joe-park", "actor"));
  EXPECT_TRUE(has(coups[0], "country/RWA", "location"));
  EXPECT_EQ(coups[0].participants.size(), 2u);
  Doc list({"The pact, which was signed by Rwanda, Libya and Chad, angered Joe Park."},
           {C("Rwanda", "RWA"), C("Libya", "LBY"), C("Chad", "TCD"), P("Joe Park", "joe-park")});
  auto signers = of_type(list.run(), "AGREEMENT");
  ASSERT_EQ(signers.size(), 1u);
  for (const char* id : {"country/RWA", "country/LBY", "country/TCD"})
    EXPECT_TRUE(has(signers[0], id, "actor")) << id;
  // An auxiliary after the clause's closing comma: the clause's names and dates are
  // not those of a trigger a few words on, and the subject before it is the actor.
  Doc aux({"Rwanda, which won a case against Libya in July 2016, has also sought talks with "
           "Chad."},
          {C("Rwanda", "RWA"), C("Libya", "LBY"), C("Chad", "TCD")}, {{"July 2016", "2016-07"}});
  auto talks = of_type(aux.run(), "MEETING");
  ASSERT_EQ(talks.size(), 1u);
  EXPECT_TRUE(has(talks[0], "country/RWA", "actor"));
  EXPECT_TRUE(has(talks[0], "country/TCD"));
  EXPECT_FALSE(has(talks[0], "country/LBY"));
  EXPECT_FALSE(talks[0].date.has_value());
  // The same for a participle's clause between commas ("The leaders, meeting at a summit in
  // Lisbon, also discussed weapons for Rwanda").
  Doc participle({"The leaders, meeting at a summit in Lisbon, also discussed weapons for Rwanda."},
                 {L("Lisbon", "lisbon"), C("Rwanda", "RWA")});
  auto summit = of_type(participle.run(), "MEETING");
  ASSERT_EQ(summit.size(), 1u);
  EXPECT_TRUE(has(summit[0], "location/lisbon", "location"));
  EXPECT_FALSE(has(summit[0], "country/RWA"));
  // A phrase's words hold its object ("recalled its ambassador"): the subject before the
  // clause is its actor; a marker of modality inside the clause is not the verb's.
  Doc recalled({"Rwanda, which considers Chad part of its territory, recalled its ambassador "
                "to Libya on Tuesday."},
               {C("Rwanda", "RWA"), C("Chad", "TCD"), C("Libya", "LBY")},
               {{"Tuesday", "XXXX-WXX-2"}});
  auto recalls = of_type(recalled.run(), "SANCTION");
  ASSERT_EQ(recalls.size(), 1u);
  EXPECT_TRUE(has(recalls[0], "country/RWA", "actor"));
  EXPECT_TRUE(has(recalls[0], "country/LBY", "target"));
  EXPECT_FALSE(has(recalls[0], "country/TCD"));
  Doc three({"Ana Lima, who chairs the bloc, met Joe Park."},
            {P("Ana Lima", "ana-lima"), P("Joe Park", "joe-park")});
  auto met = of_type(three.run(), "MEETING");
  ASSERT_EQ(met.size(), 1u);
  EXPECT_TRUE(has(met[0], "person/ana-lima", "actor"));
  EXPECT_TRUE(has(met[0], "person/joe-park", "actor"));
}


// An appositive that sums up or ranks what was told (", the latest in a series of ...")
// keeps its names and dates from the events before it; after one that follows a name,
// the main clause goes on.
TEST(Clauses, SummaryAppositiveIsItsOwn) {
  Doc d({"Soldiers detained Joe Park in Rwanda on Monday, the latest in a series of arrests "
         "across Libya since 2020."},
        {P("Joe Park", "joe-park"), C("Rwanda", "RWA"), C("Libya", "LBY")},
        {{"Monday", "XXXX-WXX-1"}, {"2020", "2020"}});
  auto evs = of_type(d.run(), "ARREST");
  ASSERT_GE(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "person/joe-park", "target"));
  EXPECT_FALSE(has(evs[0], "country/LBY"));
  ASSERT_TRUE(evs[0].date.has_value());
  EXPECT_EQ(evs[0].date->value, "XXXX-WXX-1");
  Doc named({"Rwanda, the largest country of the region, signed a pact with Libya."},
            {C("Rwanda", "RWA"), C("Libya", "LBY")});
  auto pact = of_type(named.run(), "AGREEMENT");
  ASSERT_EQ(pact.size(), 1u);
  EXPECT_TRUE(has(pact[0], "country/RWA", "actor"));
  EXPECT_TRUE(has(pact[0], "country/LBY", "actor"));
  // (a trigger inside the appositive takes the name before its comma as its place at most:
  // "rallied in Belgrade on Saturday, the largest protest in Serbia")
  std::ifstream in(taxonomy_path());
  const EventExtractor capitals(json::parse(in), taxonomy_path(), {"location/kigali"});
  Doc rally({"Thousands rallied in Kigali on Saturday, the largest protest in Rwanda."},
            {L("Kigali", "kigali"), C("Rwanda", "RWA")});
  auto protests = of_type(rally.run(capitals), "PROTEST");
  ASSERT_EQ(protests.size(), 1u);
  EXPECT_TRUE(has(protests[0], "location/kigali", "location"));
  EXPECT_FALSE(has(protests[0], "location/kigali", "actor"));
}

// Before "that" and a pronoun, only the matrix clause's subject may be the complement's
// actor: "Soldiers detained Joe Park and announced that they had seized power".
TEST(Clauses, ThatAndAPronounHideTheMatrixObjects) {
  Doc d({"Soldiers detained Joe Park and announced that they had seized power in Rwanda."},
        {P("Joe Park", "joe-park"), C("Rwanda", "RWA")});
  auto coup = of_type(d.run(), "COUP");
  ASSERT_EQ(coup.size(), 1u);
  EXPECT_FALSE(has(coup[0], "person/joe-park"));
  EXPECT_TRUE(has(coup[0], "country/RWA", "location"));
  // the matrix subject, with no word before it, stays the actor
  Doc subject({"Rwanda announced that they had seized power in Libya."},
              {C("Rwanda", "RWA"), C("Libya", "LBY")});
  auto seized = of_type(subject.run(), "COUP");
  ASSERT_EQ(seized.size(), 1u);
  EXPECT_TRUE(has(seized[0], "country/RWA", "actor"));
}

// A place after "in" or "from" inside the subject that opens the clause is part of what
// the complement's pronoun stands for: "Soldiers in Rwanda announced that they had seized
// power". Not a name after the matrix verb: "Soldiers detained Joe Park in Kigali and ...".
TEST(Clauses, ThatAndAPronounKeepThePlaceOfTheMatrixSubject) {
  Doc d({"Soldiers in Rwanda announced that they had seized power."}, {C("Rwanda", "RWA")});
  auto coup = of_type(d.run(), "COUP");
  ASSERT_EQ(coup.size(), 1u);
  EXPECT_TRUE(has(coup[0], "country/RWA", "location"));
  Doc from({"Officers from Rwanda said on Monday that they had seized power in Libya."},
           {C("Rwanda", "RWA"), C("Libya", "LBY")});
  auto seized = of_type(from.run(), "COUP");
  ASSERT_EQ(seized.size(), 1u);
  EXPECT_TRUE(has(seized[0], "country/RWA", "actor"));
  EXPECT_TRUE(has(seized[0], "country/LBY", "location"));
  Doc object({"Soldiers detained Joe Park in Kigali and announced that they had seized power "
              "in Rwanda."},
             {P("Joe Park", "joe-park"), L("Kigali", "kigali"), C("Rwanda", "RWA")});
  auto held = of_type(object.run(), "COUP");
  ASSERT_EQ(held.size(), 1u);
  EXPECT_TRUE(has(held[0], "country/RWA", "location"));
  EXPECT_FALSE(has(held[0], "location/kigali"));
}

TEST(Clauses, TimeClauseAfterCommaIsItsOwn) {
  // ", two days after X met Y": the time clause's names are not the main verb's, and
  // the main clause's are not the time clause's.
  Doc d({"Ana Lima signed the pact in Lisbon, two days after Joe Park met Kessa Moro."},
        {P("Ana Lima", "ana-lima"), L("Lisbon", "lisbon"), P("Joe Park", "joe-park"),
         P("Kessa Moro", "kessa-moro")});
  auto evs = d.run();
  auto pact = of_type(evs, "AGREEMENT");
  auto met = of_type(evs, "MEETING");
  ASSERT_EQ(pact.size(), 1u);
  ASSERT_EQ(met.size(), 1u);
  EXPECT_TRUE(has(pact[0], "person/ana-lima", "actor"));
  EXPECT_FALSE(has(pact[0], "person/joe-park"));
  EXPECT_FALSE(has(pact[0], "person/kessa-moro"));
  EXPECT_TRUE(has(met[0], "person/joe-park", "actor"));
  EXPECT_TRUE(has(met[0], "person/kessa-moro", "actor"));
  EXPECT_FALSE(has(met[0], "person/ana-lima"));
  EXPECT_FALSE(has(met[0], "location/lisbon"));
  // ", when ...": a date of the main clause does not date the time clause's event,
  // nor the other way round.
  Doc when({"Joe Park lived in Lisbon until 1989, when Rwanda invaded Libya."},
           {P("Joe Park", "joe-park"), L("Lisbon", "lisbon"), C("Rwanda", "RWA"),
            C("Libya", "LBY")},
           {{"1989", "1989"}});
  auto invaded = of_type(when.run(), "ATTACK");
  ASSERT_EQ(invaded.size(), 1u);
  EXPECT_FALSE(has(invaded[0], "location/lisbon"));
  EXPECT_TRUE(has(invaded[0], "country/RWA", "actor"));
}
// A nominal trigger's noun phrase goes on from each name it takes: "held talks with Crown
// Prince Harlan Voss of the Kessa Emirates in Tunis" puts the talks in Tunis; "the
// bombings of embassies in Kenya and Tanzania" in both.
TEST(Meeting, NounPhraseGoesOnFromTheNameItTook) {
  Doc d({"Joe Park held talks with Crown Prince Harlan Voss of Libya in Tunis on Monday."},
        {P("Joe Park", "joe-park"), P("Harlan Voss", "harlan-voss"), C("Libya", "LBY"),
         L("Tunis", "tunis")},
        {{"Monday", "XXXX-WXX-1"}});
  auto evs = of_type(d.run(), "MEETING");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "person/harlan-voss"));
  EXPECT_TRUE(has(evs[0], "location/tunis", "location"));
}

// A place noun and "of" between a preposition and a place are skipped looking for the
// place's governing word ("in the town of Dori": "in"); "were killed in Dori, the capital
// of Chad" makes Chad no target.
TEST(Attack, PlaceAfterAPlaceNounAndOf) {
  Doc d({"Twelve people were killed in Dori, the capital of Chad, on Monday."},
        {L("Dori", "dori"), C("Chad", "TCD")}, {{"Monday", "XXXX-WXX-1"}});
  auto evs = of_type(d.run(), "ATTACK");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "location/dori", "location"));
  EXPECT_FALSE(has(evs[0], "country/TCD", "target"));
}

// Where a nominal's event was held or took place is its location, however long its noun
// phrase ("Talks between Chadian officials and representatives of the rebel region were held
// in Dori").
TEST(Meeting, HeldInAfterALongNounPhrase) {
  Doc d({"Talks between Chadian officials and representatives of the breakaway northern "
         "region were held in the town of Dori on Monday."},
        {C("Chadian", "TCD"), L("Dori", "dori")}, {{"Monday", "XXXX-WXX-1"}});
  auto evs = of_type(d.run(), "MEETING");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "location/dori", "location"));
}

// What a symmetric type's event is about ("talks on Sudan", "an agreement over Libya and
// Sudan") is no party to it, nor its place.
TEST(Meeting, TopicIsNoParty) {
  for (const char* s : {"Chad and Niger held talks on Sudan in Tunis.",
                        "Chad and Niger held talks over Libya and Sudan in Tunis.",
                        "Chad and Niger held talks on a Gaza truce in Tunis."}) {
    std::vector<EntitySpec> ents = {C("Chad", "TCD"), C("Niger", "NER"), C("Sudan", "SDN"),
                                    L("Tunis", "tunis")};
    if (std::string(s).find("Libya") != std::string::npos) ents.push_back(C("Libya", "LBY"));
    if (std::string(s).find("Gaza") != std::string::npos) {
      ents.erase(ents.begin() + 2);  // no Sudan
      ents.push_back(L("Gaza", "gaza"));
    }
    Doc d({s}, ents);
    auto evs = of_type(d.run(), "MEETING");
    ASSERT_EQ(evs.size(), 1u) << s;
    EXPECT_TRUE(has(evs[0], "country/TCD", "actor")) << s;
    EXPECT_TRUE(has(evs[0], "country/NER", "actor")) << s;
    EXPECT_TRUE(has(evs[0], "location/tunis", "location")) << s;
    EXPECT_FALSE(has(evs[0], "country/SDN", "actor")) << s;
    EXPECT_FALSE(has(evs[0], "country/LBY", "actor")) << s;
    EXPECT_FALSE(has(evs[0], "location/gaza")) << s;
  }
  // (nor the other side of a war or a dispute that the talks are about)
  for (const char* s : {"Chad held talks with Niger on ending the war with Sudan.",
                        "Chad and Niger met for talks on their border with Sudan."}) {
    Doc d({s}, {C("Chad", "TCD"), C("Niger", "NER"), C("Sudan", "SDN")});
    auto evs = of_type(d.run(), "MEETING");
    ASSERT_EQ(evs.size(), 1u) << s;
    EXPECT_TRUE(has(evs[0], "country/NER", "actor")) << s;
    EXPECT_FALSE(has(evs[0], "country/SDN")) << s;
  }
}

// Meeting a commitment, a condition or a challenge is no meeting ("Hamas failed to meet its
// commitments").
TEST(Meeting, MeetingAnObligationIsNone) {
  for (const char* s : {"Chad failed to meet its commitments.", "Chad will meet the conditions.",
                        "Chad met the challenge."}) {
    Doc d({s}, {C("Chad", "TCD")});
    EXPECT_TRUE(of_type(d.run(), "MEETING", "").empty()) << s;
  }
  Doc met({"Chad met Niger."}, {C("Chad", "TCD"), C("Niger", "NER")});
  EXPECT_EQ(of_type(met.run(), "MEETING").size(), 1u);
}

// A symmetric nominal after a preposition of time is the subject's event too ("Fico lifted
// his veto after talks with von der Leyen").
TEST(Meeting, TalksAfterWhichTheSubjectActed) {
  Doc d({"Abel Kessa lifted his veto after talks with Ruth Obi on Wednesday."},
        {P("Abel Kessa", "abel-kessa"), P("Ruth Obi", "ruth-obi")});
  auto evs = of_type(d.run(), "MEETING");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "person/abel-kessa", "actor"));
  EXPECT_TRUE(has(evs[0], "person/ruth-obi", "actor"));
}

TEST(Meeting, MetWithCounterpart) {
  Doc d({"Ana Lima met with Joe Park in Lisbon."},
        {P("Ana Lima", "ana-lima"), P("Joe Park", "joe-park"), L("Lisbon", "lisbon")});
  auto evs = of_type(d.run(), "MEETING");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_EQ(evs[0].cameo, "04");
  EXPECT_TRUE(has(evs[0], "person/ana-lima", "actor"));
  EXPECT_TRUE(has(evs[0], "person/joe-park", "actor"));
  EXPECT_TRUE(has(evs[0], "location/lisbon", "location"));
  Doc neg({"Farms in Peru met the demands of buyers."}, {C("Peru", "PER")});
  EXPECT_TRUE(of_type(neg.run(), "MEETING").empty());
}

// Aid "for" a country targets it; the subject that sends "100 trucks of food aid" gives
// it ("of" after a quantity opens no prepositional phrase).
// A reduced relative of another trigger after the object ("a new fund for tropical
// forests launched by Brazil on Thursday") keeps its agent and its date: neither is the
// pledge's; and the pledge's subject, before another finite verb, is no target of the
// founding.
TEST(Aid, AgentAndDateOfAnotherTriggersReducedRelative) {
  Doc d({"Norway pledged $3 billion to a new fund for tropical forests launched by Chad on "
         "Thursday."},
        {C("Norway", "NOR"), C("Chad", "TCD")}, {{"Thursday", "XXXX-WXX-4"}});
  auto evs = d.run();
  auto aid = of_type(evs, "AID");
  ASSERT_EQ(aid.size(), 1u);
  EXPECT_TRUE(has(aid[0], "country/NOR", "actor"));
  EXPECT_FALSE(has(aid[0], "country/TCD"));
  EXPECT_FALSE(aid[0].date.has_value());
  auto founded = of_type(evs, "FOUNDING");
  ASSERT_EQ(founded.size(), 1u);
  EXPECT_TRUE(has(founded[0], "country/TCD", "actor"));
  EXPECT_FALSE(has(founded[0], "country/NOR"));
  EXPECT_EQ(founded[0].date->value, "XXXX-WXX-4");
  // (a reduced relative after a comma is said of the name before the comma alone)
  Doc indicted({"Libya offered a reward for Joe Park, indicted as the architect of the plot."},
               {C("Libya", "LBY"), P("Joe Park", "joe-park")});
  auto charged = of_type(indicted.run(), "ARREST");
  ASSERT_EQ(charged.size(), 1u);
  EXPECT_TRUE(has(charged[0], "person/joe-park", "target"));
  EXPECT_FALSE(has(charged[0], "country/LBY"));
}

TEST(Aid, ForTheRecipientAndTrucksOfAid) {
  Doc d({"Chad announced a military aid package for Libya."}, {C("Chad", "TCD"), C("Libya", "LBY")});
  auto evs = of_type(d.run(), "AID");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "country/LBY", "target"));
  Doc trucks({"Chad sent 100 trucks of food aid to Libya."}, {C("Chad", "TCD"), C("Libya", "LBY")});
  auto sent = of_type(trucks.run(), "AID");
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_TRUE(has(sent[0], "country/TCD", "actor"));
  EXPECT_TRUE(has(sent[0], "country/LBY", "target"));
}

// Relief or medical supplies, food delivered and food airlifted are aid; troops airlifted
// and office supplies are not.
TEST(Aid, SuppliesAndDeliveredFood) {
  for (const char* s : {"Japan provided emergency relief supplies to Turkey.",
                        "Japan delivered food to Turkey on Monday.",
                        "Japan airlifted food and medicine to Turkey.",
                        "Japan dispatched rescue teams to Turkey.",
                        "Japan sent doctors and rescuers to Turkey."}) {
    Doc d({s}, {C("Japan", "JPN"), C("Turkey", "TUR")});
    auto evs = of_type(d.run(), "AID");
    ASSERT_EQ(evs.size(), 1u) << s;
    EXPECT_TRUE(has(evs[0], "country/JPN", "actor")) << s;
    EXPECT_TRUE(has(evs[0], "country/TUR", "target")) << s;
  }
  for (const char* s : {"Japan airlifted troops to Turkey.", "Japan ran out of office supplies in Turkey.",
                        "Japan dispatched troops to Turkey.", "Japan sent a letter to Turkey."}) {
    Doc none({s}, {C("Japan", "JPN"), C("Turkey", "TUR")});
    EXPECT_TRUE(of_type(none.run(), "AID").empty()) << s;
  }
  // an offer to act is no deed yet
  Doc offer({"Japan offered to send rescue teams to Turkey."}, {C("Japan", "JPN"), C("Turkey", "TUR")});
  auto offered = of_type(offer.run(), "AID", "hypothetical");
  ASSERT_EQ(offered.size(), 1u);
}

TEST(Aid, HumanitarianAidButNotMutualAid) {
  Doc pos({"Japan sent humanitarian aid to Turkey."}, {C("Japan", "JPN"), C("Turkey", "TUR")});
  auto evs = of_type(pos.run(), "AID");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_EQ(evs[0].cameo, "07");
  Doc neg({"Fiji and Tonga promised mutual aid."}, {C("Fiji", "FJI"), C("Tonga", "TON")});
  EXPECT_TRUE(of_type(neg.run(), "AID").empty());
  // Pledging money is aid; pledging to do something is not.
  Doc money({"Japan pledged 5 billion yen in loans to Turkey."},
            {C("Japan", "JPN"), C("Turkey", "TUR")});
  auto pledged = of_type(money.run(), "AID");
  ASSERT_EQ(pledged.size(), 1u);
  EXPECT_TRUE(has(pledged[0], "country/JPN", "actor"));
  EXPECT_TRUE(has(pledged[0], "country/TUR", "target"));
  Doc promise({"Japan pledged to support Turkey."}, {C("Japan", "JPN"), C("Turkey", "TUR")});
  EXPECT_TRUE(of_type(promise.run(), "AID").empty());
}

// ------------------------------------------------------------------ references, dates, merging

TEST(References, TheThreeCountriesResolvesToLastCoordination) {
  Doc d({"Ghana, Togo and Benin met in Accra.", "The weather was mild.",
         "Later the three countries signed a security pact."},
        {C("Ghana", "GHA"), C("Togo", "TGO"), C("Benin", "BEN"), L("Accra", "accra")});
  auto evs = of_type(d.run(), "AGREEMENT");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "country/GHA"));
  EXPECT_TRUE(has(evs[0], "country/TGO"));
  EXPECT_TRUE(has(evs[0], "country/BEN"));
  EXPECT_EQ(evs[0].sentence_index, 2);
}

TEST(References, CountMustMatchAndTheyResolves) {
  Doc two({"Ghana, Togo and Benin met.", "The two countries signed a pact."},
          {C("Ghana", "GHA"), C("Togo", "TGO"), C("Benin", "BEN")});
  EXPECT_TRUE(of_type(two.run(), "AGREEMENT").empty());
  Doc they({"Peru and Chile held talks.", "They signed a trade deal."},
           {C("Peru", "PER"), C("Chile", "CHL")});
  auto evs = of_type(they.run(), "AGREEMENT");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "country/PER", "actor"));
}

// A "they" that resolves to a group is itself remembered as that group (a group of one
// mention with two members), so a "they" of the next sentence resolves too.
TEST(References, TheyCarriesTheGroupForward) {
  Doc d({"Peru and Chile held talks.", "They stayed in Lima.", "They signed a trade deal."},
        {C("Peru", "PER"), C("Chile", "CHL")});
  auto evs = of_type(d.run(), "AGREEMENT");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "country/PER", "actor"));
  EXPECT_TRUE(has(evs[0], "country/CHL", "actor"));
}

// A head of any label ("parties", "sides") refers back only right after its determiner
// or number ("the parties", "both sides"): "all political parties" are parties of their own.
TEST(References, AnyLabelHeadTakesNoModifier) {
  Doc d({"Harlan Voss and Edith Kessler reported.",
         "Mali on Wednesday suspended the activities of all political parties."},
        {P("Harlan Voss", "harlan-voss"), P("Edith Kessler", "edith-kessler"), C("Mali", "MLI")});
  auto evs = of_type(d.run(), "SANCTION");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_FALSE(has(evs[0], "person/harlan-voss"));
  Doc both({"Peru and Chile held talks.", "Both parties signed a trade deal."},
           {C("Peru", "PER"), C("Chile", "CHL")});
  auto agreed = of_type(both.run(), "AGREEMENT");
  ASSERT_EQ(agreed.size(), 1u);
  EXPECT_TRUE(has(agreed[0], "country/CHL", "actor"));
}

TEST(References, TooFarBackIsNotResolved) {
  Doc d({"Ghana and Togo met.", "A.", "B.", "C.", "These countries signed a pact."},
        {C("Ghana", "GHA"), C("Togo", "TGO")});
  EXPECT_TRUE(of_type(d.run(), "AGREEMENT").empty());
}

// An ORG anaphor ("the group") does not stand for where the news came from ("told Agence
// Kessa", "according to Kessa Radio", "Kessa Radio reported").
TEST(References, OrgAnaphorSkipsTheNewsSource) {
  for (const char* source : {"a resident told Agence Kessa", "according to Agence Kessa",
                             "Agence Kessa reported"}) {
    const std::string first = std::string("The Dori Front raided Gao on Saturday, ") + source + ".";
    Doc d({first.c_str(), "The group attacked Dori on Sunday."},
          {O("Dori Front", "dori-front"), L("Gao", "gao"), O("Agence Kessa", "agence-kessa"),
           L("Dori", "dori", 1)});
    auto evs = of_type(d.run(), "ATTACK");
    ASSERT_FALSE(evs.empty()) << source;
    for (const Event& e : evs) EXPECT_FALSE(has(e, "org/agence-kessa")) << source;
    EXPECT_TRUE(has(evs.back(), "org/dori-front", "actor")) << source;
  }
}

// Who claims a definite event ("claimed responsibility for the attack", "claimed the
// attack") is the actor of the event told before.
TEST(References, ClaimantOfAnEventToldBefore) {
  for (const char* claim : {"The Dori Front claimed responsibility for the attack.",
                            "The Dori Front claimed responsibility on Sunday for the attack.",
                            "The Dori Front claimed the attack."}) {
    Doc d({"Gunmen attacked Gao on Saturday.", claim},
          {L("Gao", "gao"), O("Dori Front", "dori-front")});
    auto evs = of_type(d.run(), "ATTACK");
    ASSERT_EQ(evs.size(), 1u) << claim;
    EXPECT_TRUE(has(evs[0], "location/gao")) << claim;
    EXPECT_TRUE(has(evs[0], "org/dori-front", "actor")) << claim;
  }
}

// A determiner is tried as the start of a pseudo mention only when a collective head
// (among the next five tokens, all words: det [number] [up to 3 modifiers] head) or an
// ORG anaphor head (this/that/the [up to 2 modifiers] head) follows it: the events are
// those of trying every determiner. Every determiner with no, one or two number words,
// zero to five modifiers and a collective, ORG anaphor or other head, after a group of
// countries and an ORG; then random mixes of the same words.
TEST(References, HeadPrecheckHidesNoReference) {
  const std::map<std::string, std::string> names = {
      {"Mali", "country/MLI"}, {"Niger", "country/NER"}, {"Ghana", "country/GHA"},
      {"France", "country/FRA"}, {"ECOWAS", "org/ecowas"}, {"AES", "org/aes"}};
  size_t events = 0;
  auto check = [&](const std::string& text) {
    const TokenizedText tt = tokenize(text);
    const std::vector<Entity> entities = named_tokens(text, tt, names);
    Document fast, every;
    fast.events = bundled().extract(text, tt.sentences, entities, {}, std::nullopt);
    every.events =
        internal::events_trying_every_reference(bundled(), text, tt.sentences, entities, {});
    events += fast.events.size();
    EXPECT_EQ(to_json_string(fast, text, OffsetUnit::kBytes),
              to_json_string(every, text, OffsetUnit::kBytes))
        << text;
  };
  const std::vector<std::string> mods = {"new", "joint", "West", "security", "regional"};
  for (const char* det : {"The", "These", "Those", "All", "Both", "This", "That", "Later the"})
    for (const char* num : {"", " three", " two three"})
      for (size_t n = 0; n <= mods.size(); ++n)
        for (const char* head : {"countries", "nations", "force", "alliance", "men", "talks"}) {
          std::string phrase = std::string(det) + num;
          for (size_t m = 0; m < n; ++m) phrase += " " + mods[m];
          check("Mali, Niger and Ghana met ECOWAS in Accra. " + phrase + " " + head +
                " signed a pact with France.");
        }
  test_util::RandomText random_text(
      {" the ", " these ", " those ", " all ", " both ", " this ", " that ", " they ",
       " them ", " two ", " three ", " West ", " African ", " new ", " joint ", " regional ",
       " security ", " countries ", " nations ", " leaders ", " parties ", " groups ",
       " force ", " alliance ", " bloc ", " of ", ", ", " and ", ". ", " Mali ", " Niger ",
       " Ghana ", " ECOWAS ", " AES ", " signed a pact ", " attacked ", " met ",
       " withdrew from ", " with ", "-", "'s "},
      20261207);
  for (int round = 0; round < 3000; ++round) check(random_text.next(40));
  EXPECT_GT(events, 1500u);  // the texts do hold events
}

// A thread's extractions reuse the event stage's buffers (tokens, mentions, the group
// memory, the per-type event links...): a document extracted after others, of another
// taxonomy, longer or shorter, or after one above the size whose buffers are released,
// gives what it gives alone (on a thread of its own, whose buffers are new). A "they"
// that opens a document resolves to no group of the document before.
TEST(Robustness, ReusedBuffersGiveWhatFreshOnesGive) {
  const Doc talks({"Peru and Chile held talks.", "They stayed in Lima."},
                  {C("Peru", "PER"), C("Chile", "CHL"), L("Lima", "lima")});
  const Doc they({"They signed a trade deal.", "The alliance attacked them."}, {});
  const Doc mixed({"Ghana, Togo and Benin met in Accra.", "The weather was mild.",
                   "Later the three countries signed a security pact.",
                   "The ECOWAS force attacked Mali on 12 May.", "The force withdrew from Niger.",
                   "Mali did not sign the agreement with France."},
                  {C("Ghana", "GHA"), C("Togo", "TGO"), C("Benin", "BEN"), L("Accra", "accra"),
                   O("ECOWAS", "ecowas"), C("Mali", "MLI"), C("Niger", "NER"),
                   C("Mali", "MLI", 1), C("France", "FRA")},
                  {{"12 May", "2023-05-12"}});
  const Doc empty({}, {});
  // Above 1 MB: `mixed` repeated, its offsets shifted.
  Doc huge({}, {});
  while (huge.text.size() <= (size_t{1} << 20)) {
    const uint32_t shift = static_cast<uint32_t>(huge.text.size() + (huge.text.empty() ? 0 : 1));
    if (!huge.text.empty()) huge.text += " ";
    huge.text += mixed.text;
    for (Sentence s : mixed.sentences) huge.sentences.push_back({s.start + shift, s.end + shift});
    for (Entity e : mixed.entities) {
      e.start += shift;
      e.end += shift;
      huge.entities.push_back(e);
    }
    for (Timex t : mixed.timexes) {
      t.start += shift;
      t.end += shift;
      huge.timexes.push_back(t);
    }
  }
  // A taxonomy of one type: fewer types than the bundled one.
  const EventExtractor attacks(json::parse(R"({"types": [{"type": "ATTACK", "cameo": "19",
      "triggers": [{"verb": "attack"}]}]})"), "attacks.json");
  struct Run {
    const Doc* doc;
    const EventExtractor* ex;
  };
  const std::vector<Run> runs = {{&mixed, &bundled()}, {&talks, &bundled()},
                                 {&they, &bundled()},  {&huge, &bundled()},
                                 {&they, &attacks},    {&mixed, &attacks},
                                 {&empty, &bundled()}, {&talks, &attacks},
                                 {&mixed, &bundled()}, {&they, &bundled()}};
  auto events_json = [](const Run& r) {
    Document doc;
    doc.events = r.doc->run(*r.ex);
    return to_json_string(doc, r.doc->text, OffsetUnit::kBytes);
  };
  std::vector<std::string> alone(runs.size());
  for (size_t i = 0; i < runs.size(); ++i)
    std::thread([&, i] { alone[i] = events_json(runs[i]); }).join();
  EXPECT_EQ(alone[2], alone[9]);
  EXPECT_EQ(alone[2].find("country/"), std::string::npos) << alone[2];  // no group carried in
  EXPECT_NE(alone[3].find("country/GHA"), std::string::npos);           // the huge one has events
  for (int round = 0; round < 2; ++round)
    for (size_t i = 0; i < runs.size(); ++i)
      EXPECT_EQ(events_json(runs[i]), alone[i]) << "run " << i;
  for (size_t i = runs.size(); i-- > 0;) EXPECT_EQ(events_json(runs[i]), alone[i]) << "run " << i;
}

TEST(Dates, PrefersPrepositionAfterTrigger) {
  Doc d({"In a statement on Tuesday, officials said Niue signed the accord on Saturday."},
        {C("Niue", "NIU")}, {{"Tuesday", "XXXX-WXX-2"}, {"Saturday", "XXXX-WXX-6"}});
  auto evs = of_type(d.run(), "AGREEMENT");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_EQ(evs[0].date->value, "XXXX-WXX-6");
}

// "over" introduces a date: "beheaded 11 villagers ... over the weekend, residents said on
// Thursday" happened over the weekend, not on the day it was told.
TEST(Dates, OverTheWeekendBeforeTheReportsDate) {
  Doc d({"Insurgents beheaded 11 villagers in Chad over the weekend, residents said on Thursday."},
        {C("Chad", "TCD")}, {{"the weekend", "2026-W49-WE"}, {"Thursday", "2026-12-03"}});
  auto evs = of_type(d.run(), "ATTACK");
  ASSERT_EQ(evs.size(), 1u);
  ASSERT_TRUE(evs[0].date.has_value());
  EXPECT_EQ(evs[0].date->value, "2026-W49-WE");
}

TEST(Dates, RefValuesAreNotDatesAndTodayFromDctSaysDct) {
  Doc ref({"Nepal recently signed a treaty."}, {C("Nepal", "NPL")}, {{"recently", "PAST_REF"}});
  auto evs = of_type(ref.run(), "AGREEMENT");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_FALSE(evs[0].date.has_value());
  Doc today({"Nepal signed a treaty today."}, {C("Nepal", "NPL")},
            {{"today", "2024-05-02", "DATE", "dct"}});
  evs = of_type(today.run(), "AGREEMENT");
  ASSERT_EQ(evs.size(), 1u);
  ASSERT_TRUE(evs[0].date);
  EXPECT_EQ(evs[0].date->source, "dct");
}

TEST(Dates, OtherClauseTimexIsNotTaken) {
  Doc d({"The coup in Niger in July led to tensions with the League, which threatened sanctions."},
        {C("Niger", "NER"), O("League", "league")}, {{"July", "XXXX-07"}});
  auto evs = d.run();
  auto coup = of_type(evs, "COUP");
  auto threat = of_type(evs, "THREAT");
  ASSERT_EQ(coup.size(), 1u);
  ASSERT_EQ(threat.size(), 1u);
  EXPECT_EQ(coup[0].date->value, "XXXX-07");
  EXPECT_FALSE(threat[0].date.has_value());
  EXPECT_TRUE(has(threat[0], "org/league", "actor"));
  EXPECT_FALSE(has(coup[0], "org/league"));
}

// A time clause opened by an interval and "after" or "before" after a comma is dated by
// the main clause's date moved by the interval: "marched on Monday, a week after police
// shot ...". Not a date after "for" ("called elections for November 9"); nor without an
// interval, or with an uncounted one.
TEST(Dates, TimeClauseCountedFromTheMainClausesDate) {
  Doc d({"Crowds marched in Tunis on Monday, a week after police shot Joe Park in Gao."},
        {L("Tunis", "tunis"), P("Joe Park", "joe-park"), L("Gao", "gao")},
        {{"Monday", "2026-07-20"}, {"a week", "P1W", "DURATION"}});
  auto shot = of_type(d.run(), "ATTACK");
  ASSERT_EQ(shot.size(), 1u);
  ASSERT_TRUE(shot[0].date.has_value());
  EXPECT_EQ(shot[0].date->value, "2026-07-13");
  EXPECT_EQ(shot[0].date->text, "a week");
  Doc elected({"Abel Kessa called elections for November 9, a year after he was elected in Chad "
               "on a Monday."},
              {P("Abel Kessa", "abel-kessa"), C("Chad", "TCD")},
              {{"November 9", "2026-11-09"}, {"a year", "P1Y", "DURATION"}});
  for (const Event& e : of_type(elected.run(), "ELECTION"))
    if (e.date) EXPECT_NE(e.date->value, "2025") << e.trigger.start;
  Doc dissolved({"Abel Kessa dissolved parliament on Monday and called elections for November "
                 "9, a year after he was elected in Chad."},
                {P("Abel Kessa", "abel-kessa"), C("Chad", "TCD")},
                {{"Monday", "2026-09-14"}, {"November 9", "2026-11-09"}, {"a year", "P1Y", "DURATION"}});
  bool dated = false;
  for (const Event& e : of_type(dissolved.run(), "ELECTION"))
    dated |= e.date && e.date->value == "2025";
  EXPECT_TRUE(dated);
  Doc bare({"Crowds marched in Tunis on Monday, after police shot Joe Park in Gao."},
           {L("Tunis", "tunis"), P("Joe Park", "joe-park"), L("Gao", "gao")},
           {{"Monday", "2026-07-20"}});
  for (const Event& e : of_type(bare.run(), "ATTACK")) EXPECT_FALSE(e.date.has_value());
  Doc uncounted({"Crowds marched in Tunis on Monday, days after police shot Joe Park in Gao."},
                {L("Tunis", "tunis"), P("Joe Park", "joe-park"), L("Gao", "gao")},
                {{"Monday", "2026-07-20"}, {"days", "PXD", "DURATION"}});
  for (const Event& e : of_type(uncounted.run(), "ATTACK")) EXPECT_FALSE(e.date.has_value());
}

// An event dated after the document's own date is yet to happen: hypothetical, whatever
// its words ("called legislative elections for November 9"). Not one dated within the
// DCT's month or year at that granularity, nor one without a DCT.
TEST(Dates, DateAfterTheDocumentsIsHypothetical) {
  Doc d({"Abel Kessa called elections in Chad for November 9."},
        {P("Abel Kessa", "abel-kessa"), C("Chad", "TCD")}, {{"November 9", "2026-11-09"}});
  const CalendarDate september{2026, 9, 15}, december{2026, 12, 1};
  EXPECT_EQ(of_type(d.run_on(september), "ELECTION", "hypothetical").size(), 1u);
  EXPECT_TRUE(of_type(d.run_on(september), "ELECTION").empty());
  EXPECT_EQ(of_type(d.run_on(december), "ELECTION").size(), 1u);
  EXPECT_EQ(of_type(d.run(), "ELECTION").size(), 1u);
  for (const char* value : {"2026-09", "2026", "2026-W40", "2026-09-15"}) {
    Doc same({"Abel Kessa called elections in Chad for November 9."},
             {P("Abel Kessa", "abel-kessa"), C("Chad", "TCD")}, {{"November 9", value}});
    EXPECT_EQ(of_type(same.run_on(september), "ELECTION").size(), 1u) << value;
  }
  Doc year({"Abel Kessa called elections in Chad for November 9."},
           {P("Abel Kessa", "abel-kessa"), C("Chad", "TCD")}, {{"November 9", "2027"}});
  EXPECT_TRUE(of_type(year.run_on(september), "ELECTION").empty());
}

TEST(Merging, RepeatedMentionsAreOneEvent) {
  Doc d({"Ghana and Togo signed a maritime pact.", "The pact was signed on Friday in Lome.",
         "Ghana said the signing of the pact was historic.", "Peru signed a trade deal in 2001."},
        {C("Ghana", "GHA"), C("Togo", "TGO"), L("Lome", "lome"), C("Ghana", "GHA", 1), C("Peru", "PER")},
        {{"Friday", "XXXX-WXX-5"}, {"2001", "2001"}});
  auto evs = of_type(d.run(), "AGREEMENT");
  ASSERT_EQ(evs.size(), 2u);
  EXPECT_EQ(evs[0].mentions, 3);
  EXPECT_EQ(evs[0].sentence_index, 0);
  EXPECT_EQ(d.slice(evs[0].trigger), "signed");
  ASSERT_TRUE(evs[0].date);
  EXPECT_EQ(evs[0].date->value, "XXXX-WXX-5");
  EXPECT_TRUE(has(evs[0], "location/lome", "location"));
  EXPECT_EQ(evs[1].mentions, 1);
  EXPECT_TRUE(has(evs[1], "country/PER"));
}

// A mention that brings another country as actor to an event with countries as actors
// (one that is none of its actors) is another event, unless it is definite ("signed the
// pact").
// A mention tells again the event it shares the most participants with, not the latest
// that shares one ("India strikes Pakistan after Kashmir attack", then "India fired
// missiles at nine sites in Pakistan and Pakistani Kashmir").
// "in a(n) <trigger>" tells again an event of its type told before in its sentence: "A car
// bomb exploded in Mogadishu, killing 17 recruits, in an attack claimed by al Shabaab".
// Not one of another sentence.
TEST(Merging, InAnEventOfTheSameSentenceTellsItAgain) {
  Doc d({"A car bomb exploded in Tunis on Sunday, killing 17 recruits, in an attack claimed by "
         "the Kessa Front."},
        {L("Tunis", "tunis"), O("Kessa Front", "kessa-front")}, {{"Sunday", "XXXX-WXX-7"}});
  auto evs = of_type(d.run(), "ATTACK");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "location/tunis", "location"));
  EXPECT_TRUE(has(evs[0], "org/kessa-front", "actor"));
  Doc two({"A car bomb exploded in Tunis on Sunday.",
           "Gao was hit on Monday in an attack claimed by the Kessa Front."},
          {L("Tunis", "tunis"), L("Gao", "gao"), O("Kessa Front", "kessa-front")},
          {{"Sunday", "XXXX-WXX-7"}, {"Monday", "XXXX-WXX-1"}});
  EXPECT_EQ(of_type(two.run(), "ATTACK").size(), 2u);
}

TEST(Merging, TheEventSharingTheMostParticipants) {
  Doc d({"Libya strikes Chad after Tunis attack.",
         "Libya fired missiles at sites in Chad and Tunis on Wednesday."},
        {C("Libya", "LBY"), C("Chad", "TCD"), L("Tunis", "tunis"), C("Libya", "LBY", 1),
         C("Chad", "TCD", 1), L("Tunis", "tunis", 1)},
        {{"Wednesday", "XXXX-WXX-3"}});
  auto evs = of_type(d.run(), "ATTACK");
  ASSERT_EQ(evs.size(), 2u);
  EXPECT_TRUE(has(evs[0], "country/LBY", "actor"));
  ASSERT_TRUE(evs[0].date.has_value());
  EXPECT_EQ(evs[0].date->value, "XXXX-WXX-3");
  EXPECT_FALSE(evs[1].date.has_value());
}

TEST(Merging, AnotherCountryAsActorIsAnotherEvent) {
  Doc d({"Ghana met Togo in Lome.", "Peru also met Togo."},
        {C("Ghana", "GHA"), C("Togo", "TGO"), L("Lome", "lome"), C("Peru", "PER"),
         C("Togo", "TGO", 1)});
  EXPECT_EQ(of_type(d.run(), "MEETING").size(), 2u);
  Doc pact({"Ghana and Togo signed a pact.", "Peru signed the pact with Togo on Friday."},
           {C("Ghana", "GHA"), C("Togo", "TGO"), C("Peru", "PER"), C("Togo", "TGO", 1)},
           {{"Friday", "XXXX-WXX-5"}});
  auto pacts = of_type(pact.run(), "AGREEMENT");
  ASSERT_EQ(pacts.size(), 1u);
  EXPECT_TRUE(has(pacts[0], "country/PER", "actor"));
  // so is one whose actor was only the event's target: the strike back is another attack
  Doc back({"Ghana struck Togo with missiles.", "Togolese drones hit a refinery in Ghana."},
           {C("Ghana", "GHA"), C("Togo", "TGO"), C("Togolese", "TGO"), C("Ghana", "GHA", 1)});
  auto strikes = of_type(back.run(), "ATTACK");
  ASSERT_EQ(strikes.size(), 2u);
  EXPECT_FALSE(has(strikes[0], "country/TGO", "actor"));
}

// A mention with a place of its own, where the event had another and none in common, is
// another event ("killed in a strike in Tehran" and "a strike in Beirut killed a
// commander"), unless it is definite ("the attack").
TEST(Merging, AnotherPlaceIsAnotherEvent) {
  Doc d({"Chadian troops attacked Dori on Monday.", "Chadian troops also attacked Gao."},
        {C("Chadian", "TCD"), L("Dori", "dori"), C("Chadian", "TCD", 1), L("Gao", "gao")},
        {{"Monday", "XXXX-WXX-1"}});
  auto evs = of_type(d.run(), "ATTACK");
  ASSERT_EQ(evs.size(), 2u);
  EXPECT_FALSE(has(evs[0], "location/gao"));
  Doc same({"Chadian troops attacked Dori on Monday.", "Chadian troops also attacked Dori."},
           {C("Chadian", "TCD"), L("Dori", "dori"), C("Chadian", "TCD", 1), L("Dori", "dori", 1)},
           {{"Monday", "XXXX-WXX-1"}});
  EXPECT_EQ(of_type(same.run(), "ATTACK").size(), 1u);
}

// So is a mention with a target of its own, where the event had another and no target or
// place in common ("France pulled its forces out of Mali" and "the last French soldiers
// left Chad on January 30"): the later mention's date stays its own.
TEST(Merging, AnotherTargetIsAnotherEvent) {
  Doc d({"France pulled its troops out of Mali and Niger.",
         "The last French soldiers left Chad on January 30."},
        {C("France", "FRA"), C("Mali", "MLI"), C("Niger", "NER"), C("French", "FRA"),
         C("Chad", "TCD")},
        {{"January 30", "2024-01-30"}});
  auto evs = of_type(d.run(), "WITHDRAWAL");
  ASSERT_EQ(evs.size(), 2u);
  EXPECT_FALSE(has(evs[0], "country/TCD"));
  EXPECT_FALSE(evs[0].date.has_value());
  EXPECT_TRUE(has(evs[1], "country/TCD", "target"));
  Doc same({"France pulled its troops out of Mali.", "The last French soldiers left Mali."},
           {C("France", "FRA"), C("Mali", "MLI"), C("French", "FRA"), C("Mali", "MLI", 1)});
  EXPECT_EQ(of_type(same.run(), "WITHDRAWAL").size(), 1u);
}

// A participle that opens the clause after a comma tells the outcome of the event of
// the clause before: one event, whatever names each has ("Gunmen opened fire at a concert
// hall near Moscow, killing 133 people in the deadliest attack in Russia").
TEST(Merging, ParticipleAfterACommaIsTheOutcome) {
  Doc d({"Gunmen attacked Dori on Friday, killing 12 people in the deadliest attack in Chad."},
        {L("Dori", "dori"), C("Chad", "TCD")}, {{"Friday", "XXXX-WXX-5"}});
  auto evs = of_type(d.run(), "ATTACK");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "location/dori", "location"));
  EXPECT_TRUE(has(evs[0], "country/TCD", "location"));
  // (with an actor of its own, the outcome is of the clause before's event that has it:
  // not the storming of "police opened fire on protesters who stormed parliament")
  Doc police({"Chadian police opened fire on protesters who stormed parliament in Dori, "
              "killing five people."},
             {{"Chadian", "COUNTRY", "country/TCD", 0, "demonym"}, L("Dori", "dori")});
  for (const Event& e : of_type(police.run(), "ATTACK"))
    if (has(e, "location/dori")) EXPECT_FALSE(has(e, "country/TCD", "actor"));
}

// A name after "of" right after a noun trigger that follows a verb trigger is that
// noun's, not the verb's ("met Joe Biden in Laos on the sidelines of a summit of the
// ASEAN"), an acronym between brackets with it.
TEST(Clauses, NameOfALaterNounTriggerIsItsOwn) {
  Doc d({"Harlan Voss met Abel Kessa in Dori on the sidelines of a summit of the Kessa Union (KU)."},
        {P("Harlan Voss", "harlan-voss"), P("Abel Kessa", "abel-kessa"), L("Dori", "dori"),
         O("Kessa Union", "kessa-union"), O("KU", "kessa-union")});
  auto evs = of_type(d.run(), "MEETING");
  ASSERT_FALSE(evs.empty());
  EXPECT_TRUE(has(evs[0], "person/abel-kessa", "actor"));
  EXPECT_FALSE(has(evs[0], "org/kessa-union", "target"));
}

// ", in retaliation for", ", in response to" open a clause of their own: the event
// answered is another, earlier one, whose date and place are not the first's.
TEST(Clauses, InRetaliationForOpensAClause) {
  Doc d({"Chad launched drones at Libya late Saturday in its first direct attack on the country, "
         "in retaliation for a Libyan strike on Dori earlier this month."},
        {C("Chad", "TCD"), C("Libya", "LBY"), {"Libyan", "COUNTRY", "country/LBY", 0, "demonym"},
         L("Dori", "dori")},
        {{"late Saturday", "2024-04-13"}, {"earlier this month", "2024-04"}});
  auto evs = of_type(d.run(), "ATTACK");
  ASSERT_FALSE(evs.empty());
  ASSERT_TRUE(evs[0].date.has_value());
  EXPECT_EQ(evs[0].date->value, "2024-04-13");
  EXPECT_FALSE(has(evs[0], "location/dori"));
}

// A mention whose actor is the event's target, or whose target its actor, is another
// event ("killing the gunmen who had stormed the hotel"); a role of one mention stands
// over "other" of another ("A coup toppled X": X the target alone).
TEST(Merging, SwappedRolesAreAnotherEvent) {
  Doc d({"The Kessa Front attacked the Varno Party.", "The Varno Party attacked the Kessa Front."},
        {O("Kessa Front", "kessa-front"), O("Varno Party", "varno-party"),
         O("Varno Party", "varno-party", 1), O("Kessa Front", "kessa-front", 1)});
  EXPECT_EQ(of_type(d.run(), "ATTACK").size(), 2u);
  Doc coup({"A military coup toppled President Abel Kessa."}, {P("Abel Kessa", "abel-kessa")});
  auto coups = of_type(coup.run(), "COUP");
  ASSERT_EQ(coups.size(), 1u);
  ASSERT_EQ(coups[0].participants.size(), 1u);
  EXPECT_TRUE(has(coups[0], "person/abel-kessa", "target"));
}

// A reduced relative after a definite noun ("The pact, signed in Dori, Chad, ...") or a
// passive after one ("The pact was signed in Dori, Chad") is the event told before, a
// country there its place.
TEST(Merging, ReducedRelativeAfterADefiniteNoun) {
  Doc d({"Ghana and Togo agreed a pact on Friday.",
         "The pact, signed in Dori, Chad, after talks, calls for peace."},
        {C("Ghana", "GHA"), C("Togo", "TGO"), L("Dori", "dori"), C("Chad", "TCD")},
        {{"Friday", "XXXX-WXX-5"}});
  auto evs = of_type(d.run(), "AGREEMENT");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "location/dori", "location"));
  // (and a passive after one: "The pact was signed in Dori, Chad")
  Doc passive({"Ghana and Togo agreed a pact on Friday.", "The pact was signed in Dori, Chad."},
              {C("Ghana", "GHA"), C("Togo", "TGO"), L("Dori", "dori"), C("Chad", "TCD")},
              {{"Friday", "XXXX-WXX-5"}});
  evs = of_type(passive.run(), "AGREEMENT");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(has(evs[0], "location/dori", "location"));
  // (and one whose agent is another country: "The talks, hosted by Chad in Dori": the host
  // joins)
  Doc hosted({"Ghana and Togo met in Dori on Friday.", "The talks, hosted by Chad in Dori, lasted hours."},
             {C("Ghana", "GHA"), C("Togo", "TGO"), L("Dori", "dori"), C("Chad", "TCD"),
              L("Dori", "dori", 1)},
             {{"Friday", "XXXX-WXX-5"}});
  auto meetings = of_type(hosted.run(), "MEETING");
  ASSERT_EQ(meetings.size(), 1u);
  EXPECT_TRUE(has(meetings[0], "country/TCD", "actor"));
}

TEST(Merging, DifferentDatesStaySeparate) {
  Doc d({"Mexico held an election in 2018.", "Mexico held an election in 2024."},
        {C("Mexico", "MEX"), C("Mexico", "MEX", 1)}, {{"2018", "2018"}, {"2024", "2024"}});
  auto evs = of_type(d.run(), "ELECTION");
  ASSERT_EQ(evs.size(), 2u);
  EXPECT_EQ(evs[0].date->value, "2018");
  EXPECT_EQ(evs[1].date->value, "2024");
}

// A sentence without a full stop is taken in pieces: the work stays linear in its length,
// and an event far into it is still found.
TEST(Robustness, LongSentenceIsLinearAndKeepsItsEvents) {
  auto sentence = [](int n) {
    std::string s;
    for (int i = 0; i < n; ++i)
      s += "Rwanda, which Libya attacked, condemned the attack on Chad that has rattled Togo, "
           "the latest in a series of raids, and blamed Mali for the killing of its soldiers ";
    return s + "and Kessa signed a pact with Varno.";
  };
  auto run = [&](int n, std::vector<Event>* out) {
    const std::string text = sentence(n);
    std::vector<Entity> entities;
    auto add = [&](const char* surface, const char* id) {
      for (size_t at = text.find(surface); at != std::string::npos;
           at = text.find(surface, at + 1)) {
        Entity e;
        e.start = static_cast<uint32_t>(at);
        e.end = static_cast<uint32_t>(at + std::strlen(surface));
        e.label = "COUNTRY";
        e.id = id;
        e.name = surface;
        entities.push_back(e);
      }
    };
    for (auto [surface, id] : {std::pair{"Rwanda", "country/RWA"}, {"Libya", "country/LBY"},
                               {"Chad", "country/TCD"}, {"Togo", "country/TGO"},
                               {"Mali", "country/MLI"}, {"Kessa", "country/KSA"},
                               {"Varno", "country/VAR"}})
      add(surface, id);
    std::sort(entities.begin(), entities.end(),
              [](const Entity& a, const Entity& b) { return a.start < b.start; });
    const std::vector<Span> one{{0, static_cast<uint32_t>(text.size())}};
    const auto t0 = std::chrono::steady_clock::now();
    *out = bundled().extract(text, one, entities, {}, std::nullopt);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  };
  std::vector<Event> evs;
  double small = 1e9, large = 1e9;
  // The best of five rounds each, the sizes interleaved so that both see the same load of
  // a shared machine.
  for (int round = 0; round < 5; ++round) {
    small = std::min(small, run(200, &evs));
    large = std::min(large, run(1600, &evs));
  }
  EXPECT_LT(large, 24 * small) << small << " s at 1x, " << large << " s at 8x";
  auto pacts = of_type(evs, "AGREEMENT");
  ASSERT_EQ(pacts.size(), 1u);
  EXPECT_TRUE(has(pacts[0], "country/KSA", "actor"));
  EXPECT_TRUE(has(pacts[0], "country/VAR", "actor"));
}

TEST(Robustness, OddInputs) {
  Doc empty({""}, {});
  EXPECT_TRUE(empty.run().empty());
  std::string junk = "\xff\xfe signed \xe2\x80 pact \xc3";
  std::vector<Sentence> s = {{0, static_cast<uint32_t>(junk.size())}};
  EXPECT_NO_THROW(bundled().extract(junk, s, {}, {}, std::nullopt));
  // Sentences past the end of the text are clamped.
  std::vector<Sentence> bad = {{0, 1000}};
  EXPECT_NO_THROW(bundled().extract("Peru signed a pact.", bad, {}, {}, std::nullopt));
}

// Given the segmenter's tokens (Extractor::extract's path), the event tokenizer takes
// them where they agree with its own scan of the bytes and scans the rest: the events
// must be those of extract() given only the sentences. Random texts of news pieces,
// non-ASCII words and spaces, apostrophes, dots, commas, hyphens, NUL and invalid bytes;
// every segmenter token that names a country is an entity.
TEST(Robustness, SegmenterTokensGiveTheSameEvents) {
  test_util::RandomText random_text(
      {"Mali", "France", "Niger", "Russia", " ", " ", " ", "  ", "\n", "\t", ". ", ", ", ".",
       ",", "'", "\"", "-", " - ", "--", "(", ")", ":", ";", "!", "?", "&", "/", "signed",
       " signed ", "agreement", " an agreement with ", " attacked ", " air strikes on ",
       "airstrike", " will sign ", " didn't sign ", " did not attack ", "don't", "Mali's",
       "Mali\u2019s", "U.S.", "a.m.", "3.5", "1,100", "2023", "re-elect", " the ", " and ",
       " troops ", " they ", "Traor\u00e9", "\u00c9lys\u00e9e", "\u0395\u03bb\u03bb\u03ac\u03b4\u03b1",
       "caf\u00e9", "\u0e3f", "x\u0e3fy", "\u00a0", "\u2009", "\u3000", "\u00ab", "\u2014",
       "\u2019", "\u017f", "\u212a", std::string(1, '\0'), "\xff", "\xc3", "\x01", "\x7f",
       "\r\n", "\v", "o", "Z", "7",
       "pact.", "deal,", "'s", "s'", ".'", "A.", "x.y", "1.x", "a,b"},
      20240918);
  const std::map<std::string, std::string> countries = {{"Mali", "country/MLI"},
                                                        {"France", "country/FRA"},
                                                        {"Niger", "country/NER"},
                                                        {"Russia", "country/RUS"}};
  size_t events = 0;
  for (int round = 0; round < 4000; ++round) {
    const std::string text = random_text.next(round % 4 ? 16 : 80);
    const TokenizedText tt = tokenize(text);
    const std::vector<Entity> entities = named_tokens(text, tt, countries);
    const std::string lowered = text::ascii_lower_padded(text);
    const std::string_view low(lowered.data(), text.size());
    Document scanned, given;
    scanned.events = bundled().extract(text, low, tt.sentences, entities, {}, std::nullopt);
    given.events = bundled().extract(text, low, tt, entities, {}, std::nullopt);
    events += scanned.events.size();
    ASSERT_EQ(to_json_string(given, text, OffsetUnit::kBytes),
              to_json_string(scanned, text, OffsetUnit::kBytes))
        << "round " << round << ": " << text;
  }
  EXPECT_GT(events, 500u);  // the texts do hold events
}

// ------------------------------------------------------------------ pattern triggers

// Pattern triggers are only searched in sentences whose words may hold a match (a
// prefilter over the literal strings of the patterns): the events must be those of
// searching every sentence.
TEST(Patterns, PrefilterFindsWhatRe2Finds) {
  const json tax = json::parse(R"({"types": [{"type": "ATTACK", "cameo": "19", "triggers": [
      {"pattern": "(?i)\\b(?:air|drone)[- ]?strikes?\\b"},
      {"pattern": "\\b[A-Z]\\d\\d\\b"}]}]})");
  EventExtractor ex(tax, "patterns.json");
  const RE2 strike("(?i)\\b(?:air|drone)[- ]?strikes?\\b");
  for (const std::string& middle :
       {"airstrikes", "AIR STRIKES", "drone-strike", "air\u017Ftrikes" /* long s */,
        "airstri\u212Ae" /* Kelvin sign */, "Airstrikes", "airstrikers", "air raids", "Z99"}) {
    const std::string sentence = "Mali conducted " + middle + " on Niger.";
    Doc d({sentence}, {C("Mali", "MLI"), C("Niger", "NER")});
    const bool want = RE2::PartialMatch(sentence, strike) || middle == "Z99";
    EXPECT_EQ(of_type(d.run(ex), "ATTACK").size(), want ? 1u : 0u) << middle;
  }
  // A match must lie within one sentence.
  Doc split({"Mali sent its air", "strikes hit Niger."}, {C("Mali", "MLI"), C("Niger", "NER")});
  EXPECT_TRUE(split.run(ex).empty());
}

// The prefilter finds a literal of a pattern at any offset of an unknown word: it looks
// up only some of a word's 3-grams (every other one when the shortest literal has 4
// bytes, every fourth when it has 6) and tries the starts just before a hit, and goes
// on after a hit that starts no literal ("strxstrike").
TEST(Patterns, PrefilterFindsLiteralsAtEveryOffset) {
  for (const std::string literal : {"strike", "pact"}) {
    const json tax = {{"types", {{{"type", "T"}, {"cameo", "19"},
                                  {"triggers", {{{"pattern", "(?i)" + literal}}}}}}}};
    EventExtractor ex(tax, "offsets.json");
    for (size_t before = 0; before <= 7; ++before) {
      for (size_t after = 0; after <= 2; ++after) {
        const std::string word = std::string(before, 'x') + literal + std::string(after, 'y');
        Doc d({"Mali conducted " + word + " on Niger."}, {C("Mali", "MLI"), C("Niger", "NER")});
        EXPECT_EQ(d.run(ex).size(), 1u) << word;
      }
    }
    const std::string cut = literal.substr(0, 3) + "x" + literal.substr(3);
    Doc none({"Mali conducted x" + cut + " on Niger."}, {C("Mali", "MLI"), C("Niger", "NER")});
    EXPECT_TRUE(none.run(ex).empty()) << cut;
    const std::string later = literal.substr(0, 3) + "x" + literal;
    Doc found({"Mali conducted " + later + " on Niger."}, {C("Mali", "MLI"), C("Niger", "NER")});
    EXPECT_EQ(found.run(ex).size(), 1u) << later;
  }
}

// ------------------------------------------------------------------ context words

// A trigger's requires / excludes words are looked for in its window (the window's words
// flagged as some trigger's context words are the only ones searched).
// The event tokenizer keeps the pattern filter's scans of recent words of up to 8 bytes
// (ScanMemo): its answers are the scans', for words met again, and after the memo served
// another filter, whose answers it must forget ("quuxes" holds none of the first list's
// literals and one of the second's).
TEST(Patterns, ScanMemoGivesTheScansAtoms) {
  const std::vector<std::string> a = {
      "(?i)\\b(?:peace|ceasefire|cease-fire|trade|nuclear|border|power-sharing)\\s+"
      "(?:agreement|deal|accord|treaty|pact)s?\\b",
      "(?i)\\b(?:air|drone|missile|rocket)[- ]?strikes?\\b",
      "(?i)\\b(?:suicide|car|roadside)\\s+(?:bombing|bomber|bomb|attack)s?\\b"};
  const std::vector<std::string> b = {"(?i)\\bquux(?:es)?\\b", "(?i)\\bdeals?\\s+zork\\b"};
  std::vector<std::string> words = {"quuxes", "quux", "xquux", "deal", "deals", "dealt",
                                    "pact", "impact", "strike", "strikes", "airstrik",
                                    "bomb", "bombs", "attack", "treaty", "zork", "zorks",
                                    "peace", "trade", "border", "a", "ab", "abc", "the"};
  std::mt19937 rng(20261205);
  const std::string letters = "quxdealpctrikbomzsy";
  for (int k = 0; k < 20000; ++k) {
    std::string w(1 + rng() % 8, 'a');
    for (char& ch : w) ch = letters[rng() % (k % 2 ? letters.size() : 6)];
    words.push_back(w);
  }
  EXPECT_TRUE(internal::event_scan_memo_mismatches(a, b, words).empty());
}

// The event word table looks its words of 1 to 8 bytes up behind a miss filter: it finds
// every word of the table, and no other, among near-twin words of 1 to 16 bytes, their
// prefixes and extensions, and random strings.
TEST(Tokens, WordTableMissFilterHidesNoWord) {
  std::mt19937 rng(20261206);
  std::vector<std::string> table = {"the", "a", "of", "signed", "agreement", "they", "these",
                                    "withdraw", "withdrawal", "coup", "attacked", "sanctions"};
  for (int k = 0; k < 5000; ++k) {
    std::string w(1 + rng() % 16, 'a');
    for (char& ch : w) ch = static_cast<char>('a' + rng() % (k % 2 ? 26 : 3));
    table.push_back(w);
  }
  std::vector<std::string> probes;
  for (const std::string& w : table) {
    for (size_t n = 1; n < w.size(); ++n) probes.push_back(w.substr(0, n));
    probes.push_back(w + "s");
    probes.push_back("x" + w);
  }
  for (int k = 0; k < 20000; ++k) {
    std::string w(1 + rng() % 12, 'a');
    for (char& ch : w) ch = static_cast<char>('a' + rng() % (k % 2 ? 26 : 3));
    probes.push_back(w);
  }
  EXPECT_TRUE(internal::event_word_lookup_mismatches(table, probes).empty());
}

TEST(Context, RequiresAndExcludesWords) {
  const json tax = json::parse(R"({"types": [{"type": "T", "cameo": "05", "triggers": [
      {"verb": "sign", "excludes": ["autograph"]},
      {"noun": "deal", "requires": ["trade", "$goods"]}]}],
      "lists": {"goods": ["grain"]}})");
  EventExtractor ex(tax, "context.json");
  auto events = [&](const std::string& sentence) {
    return Doc({sentence}, {C("Peru", "PER"), C("Chile", "CHL")}).run(ex).size();
  };
  EXPECT_EQ(events("Peru signed a pact with Chile."), 1u);
  EXPECT_EQ(events("Peru signed an autograph for Chile."), 0u);
  EXPECT_EQ(events("Peru and Chile made a deal."), 0u);
  EXPECT_EQ(events("Peru and Chile made a trade deal."), 1u);
  EXPECT_EQ(events("Peru and Chile made a grain deal."), 1u);
}

// ------------------------------------------------------------------ configuration

json minimal() {
  return json::parse(R"({"types": [{"type": "T", "cameo": "05", "triggers": [{"verb": "sign"}]}]})");
}

std::string config_error(const json& j) {
  try {
    EventExtractor ex(j, "test.json");
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

TEST(Config, MinimalTaxonomyWorks) {
  EventExtractor ex(minimal(), "min.json");
  Doc d({"Peru signed it."}, {C("Peru", "PER")});
  auto evs = d.run(ex);
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_EQ(evs[0].type, "T");
}

TEST(Config, ErrorsNameFilePathAndReason) {
  json j = minimal();
  j["types"][0].erase("cameo");
  EXPECT_NE(config_error(j).find("test.json: /types/0/cameo: missing"), std::string::npos);

  j = minimal();
  j["types"][0]["cameo"] = "21";
  EXPECT_NE(config_error(j).find("/types/0/cameo"), std::string::npos);

  j = minimal();
  j["types"][0]["triggers"][0] = json{{"pattern", "(unclosed"}};
  EXPECT_NE(config_error(j).find("/types/0/triggers/0/pattern: bad RE2 pattern"), std::string::npos);

  j = minimal();
  j["types"][0]["triggers"][0]["requires"] = "pact";
  EXPECT_NE(config_error(j).find("/types/0/triggers/0/requires: expected an array"), std::string::npos);

  j = minimal();
  j["types"][0]["triggers"][0]["requires"] = json::array({"$NOPE"});
  EXPECT_NE(config_error(j).find("unknown list"), std::string::npos);

  j = minimal();
  j["types"][0]["triggers"][0] = json{{"verb", "sign"}, {"noun", "signature"}};
  EXPECT_NE(config_error(j).find("exactly one of"), std::string::npos);

  j = minimal();
  j["types"][0]["triggers"][0]["not_forms"] = json::array({"sang"});
  EXPECT_NE(config_error(j).find("/types/0/triggers/0/not_forms/0: \"sang\" is no form"),
            std::string::npos);

  j = minimal();
  j["types"][0]["triggers"][0] = json{{"noun", "pact"}, {"not_forms", {"pact", "pacts"}}};
  EXPECT_NE(config_error(j).find("/types/0/triggers/0/not_forms: leaves the trigger no form"),
            std::string::npos);

  j = minimal();
  j["types"][0]["triggers"][0]["with"] = "actor";
  EXPECT_NE(config_error(j).find("/types/0/triggers/0/with: expected \"other\" or \"target\""),
            std::string::npos);

  j = minimal();
  j["types"][0]["triggers"][0]["for"] = "actor";
  EXPECT_NE(config_error(j).find("/types/0/triggers/0/for: expected \"other\" or \"target\""),
            std::string::npos);

  j = minimal();
  j["types"][0]["triggers"][0]["possessor"] = "owner";
  EXPECT_NE(config_error(j).find("/types/0/triggers/0/possessor: expected \"actor\" or \"target\""),
            std::string::npos);

  j = minimal();
  j["types"][0]["triggers"][0]["of"] = "other";
  EXPECT_NE(config_error(j).find("/types/0/triggers/0/of: expected \"actor\" or \"target\""),
            std::string::npos);

  // A misspelt key is an error, not a condition silently left out.
  j = minimal();
  j["types"][0]["triggers"][0]["exclude"] = json::array({"fee"});
  EXPECT_NE(config_error(j).find("/types/0/triggers/0/exclude: unknown key"), std::string::npos);
  j = minimal();
  j["types"][0]["symetric"] = true;
  EXPECT_NE(config_error(j).find("/types/0/symetric: unknown key"), std::string::npos);

  j = minimal();
  j["types"][0]["demonym_acts"] = "yes";
  EXPECT_NE(config_error(j).find("/types/0/demonym_acts"), std::string::npos);

  j = minimal();
  j["settings"] = json{{"min_participants", "one"}};
  EXPECT_NE(config_error(j).find("/settings/min_participants: expected an integer"), std::string::npos);

  EXPECT_NE(config_error(json::array()).find("test.json: /: expected an object"), std::string::npos);
  EXPECT_NE(config_error(json::object()).find("/types: missing"), std::string::npos);
}

TEST(Config, BundledTaxonomyHasTheRequiredTypes) {
  std::ifstream in(taxonomy_path());
  json j = json::parse(in);
  std::set<std::string> names;
  for (auto& t : j["types"]) names.insert(t["type"].get<std::string>());
  for (const char* want : {"AGREEMENT", "COUP", "ATTACK", "WITHDRAWAL", "THREAT", "FOUNDING",
                           "SANCTION", "PROTEST", "ELECTION", "ARREST", "MEETING", "AID"})
    EXPECT_TRUE(names.count(want)) << want;
}

}  // namespace
}  // namespace liptako
