// Table-driven gazetteer semantics: every case under "Matching semantics" of
// docs/design.md, checked against the spans found.
#include <gtest/gtest.h>

#include "liptako/gazetteer.h"
#include "random_text.h"

using namespace liptako;

namespace {

struct Phrase {
  std::string text;
  PhraseOptions options;
};

Gazetteer build(const std::vector<Phrase>& phrases) {
  GazetteerBuilder b;
  for (uint32_t i = 0; i < phrases.size(); ++i) b.add(phrases[i].text, i, phrases[i].options);
  return std::move(b).build();
}

// "text@value" for each match, in order.
std::vector<std::string> run(const Gazetteer& g, const std::string& haystack,
                             MatchKind kind = MatchKind::kLeftmostLongest) {
  std::vector<std::string> out;
  for (const auto& m : g.find(haystack, kind))
    out.push_back(haystack.substr(m.start, m.end - m.start) + "@" + std::to_string(m.value));
  return out;
}

PhraseOptions cs() {
  PhraseOptions o;
  o.case_sensitive = true;
  return o;
}

// find(text), the standalone path, against find() over the text's tokens and
// FoldedTokens (the pipeline's path): the same matches, every field, both kinds.
void expect_paths_agree(const Gazetteer& g, const std::string& s) {
  const std::vector<Token> tokens = tokenize_words(s);
  FoldedTokens folded(s, tokens);
  for (MatchKind kind : {MatchKind::kLeftmostLongest, MatchKind::kAll}) {
    const auto a = g.find(s, kind), b = g.find(s, tokens, folded, kind);
    ASSERT_EQ(a.size(), b.size()) << s;
    for (size_t k = 0; k < a.size(); ++k)
      ASSERT_TRUE(a[k].start == b[k].start && a[k].end == b[k].end &&
                  a[k].value == b[k].value && a[k].first_token == b[k].first_token &&
                  a[k].end_token == b[k].end_token)
          << "match " << k << " of \"" << s << "\"";
  }
}

PhraseOptions capital() {
  PhraseOptions o;
  o.require_capital = true;
  return o;
}

struct Case {
  std::string name;
  std::vector<Phrase> phrases;
  std::string haystack;
  std::vector<std::string> expected;
  MatchKind kind = MatchKind::kLeftmostLongest;
};

}  // namespace

TEST(Gazetteer, MatchingSemanticsTable) {
  const std::vector<Case> cases = {
      {"whole words only", {{"Niger", {}}}, "Nigeria and Nigerien troops left Niger.",
       {"Niger@0"}},
      {"possessive straight", {{"Mali", {}}}, "Mali's army", {"Mali@0"}},
      {"possessive curly", {{"Mali", {}}}, "Mali’s army", {"Mali@0"}},
      {"leftmost longest", {{"Faso", {}}, {"Burkina Faso", {}}}, "in Burkina Faso",
       {"Burkina Faso@1"}},
      {"longer entity wins", {{"Sahel", {}}, {"G5 Sahel", {}}}, "the G5 Sahel force",
       {"G5 Sahel@1"}},
      {"longest over inner",
       {{"West Africa", {}}, {"Economic Community of West African States", {}}},
       "the Economic Community of West African States met",
       {"Economic Community of West African States@1"}},
      {"all matches mode", {{"Faso", {}}, {"Burkina Faso", {}}}, "Burkina Faso",
       {"Burkina Faso@1", "Faso@0"}, MatchKind::kAll},
      {"case folded by default", {{"Mali", {}}}, "MALI SIGNS PACT WITH mali",
       {"MALI@0", "mali@0"}},
      {"case-sensitive acronym", {{"US", cs()}}, "US troops told us", {"US@0"}},
      {"case-sensitive IS", {{"IS", cs()}}, "IS fighters said it is over", {"IS@0"}},
      {"accents folded", {{"Goita", {}}}, "Goïta and GOÏTA", {"Goïta@0", "GOÏTA@0"}},
      {"accents in phrase", {{"Côte d'Ivoire", {}}}, "Cote d’Ivoire", {"Cote d’Ivoire@0"}},
      {"hyphen equals space", {{"al-Qaeda", {}}}, "al Qaeda, al-Qaeda and al‑Qaeda",
       {"al Qaeda@0", "al-Qaeda@0", "al‑Qaeda@0"}},
      {"space equals hyphen", {{"al Qaeda", {}}}, "al-Qaeda", {"al-Qaeda@0"}},
      {"require capital", {{"Chad", capital()}}, "Chad and chad", {"Chad@0"}},
      {"several values one phrase", {{"Georgia", {}}, {"Georgia", {}}}, "Georgia",
       {"Georgia@0", "Georgia@1"}},
      {"several values two words",
       {{"Burkina Faso", {}}, {"burkina faso", capital()}, {"Burkina Faso", {}}},
       "Burkina Faso and burkina faso",
       {"Burkina Faso@0", "Burkina Faso@1", "Burkina Faso@2", "burkina faso@0",
        "burkina faso@2"}},
      {"several values three words", {{"G5 Sahel force", {}}, {"G5 Sahel Force", cs()}},
       "the G5 Sahel force and the G5 Sahel Force",
       {"G5 Sahel force@0", "G5 Sahel Force@0", "G5 Sahel Force@1"}},
      {"dots inside phrase", {{"U.S.", {}}}, "the U.S. army", {"U.S.@0"}},
      {"no match", {{"Mali", {}}}, "Somalia", {}},
      {"empty text", {{"Mali", {}}}, "", {}},
      {"adjacent matches", {{"Mali", {}}, {"Niger", {}}}, "Mali,Niger", {"Mali@0", "Niger@1"}},
      {"cyrillic", {{"Москва", {}}}, "в МОСКВА сегодня", {"МОСКВА@0"}},
  };
  for (const auto& c : cases) {
    Gazetteer g = build(c.phrases);
    EXPECT_EQ(run(g, c.haystack, c.kind), c.expected) << c.name;
  }
}

TEST(Gazetteer, ValuesOfEveryWidth) {
  // A plain phrase's one value is held beside its node when it is below 2^31;
  // larger ones, and every value of 1, 2 and 3 words, come back as given.
  const std::vector<uint32_t> values = {0, 1, 0x7FFFFFFE, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFE};
  const std::vector<std::string> phrases = {"Mali", "Burkina Faso", "the Sahel region"};
  for (const uint32_t value : values) {
    GazetteerBuilder b;
    for (const auto& p : phrases) b.add(p, value);
    const Gazetteer g = std::move(b).build();
    const std::string text = "Mali, Burkina Faso and the Sahel region";
    const auto found = g.find(text);
    ASSERT_EQ(found.size(), 3u) << value;
    for (const auto& m : found) EXPECT_EQ(m.value, value);
    expect_paths_agree(g, text);
  }
}

TEST(Gazetteer, OffsetsPointIntoOriginal) {
  Gazetteer g = build({{"Goita", {}}});
  std::string s = "Le président Goïta a parlé";
  auto m = g.find(s);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(s.substr(m[0].start, m[0].end - m[0].start), "Goïta");
}

TEST(Gazetteer, PhraseWithoutWordsIsRejected) {
  GazetteerBuilder b;
  EXPECT_FALSE(b.add("  ", 0));
  EXPECT_FALSE(b.add("--", 1));
  EXPECT_TRUE(b.add("Mali", 2));
  Gazetteer g = std::move(b).build();
  EXPECT_EQ(g.phrase_count(), 1u);
}

TEST(Gazetteer, EmptyGazetteerFindsNothing) {
  Gazetteer g;
  EXPECT_TRUE(g.find("anything at all").empty());
}

// A naive reference: for each token start, the longest phrase whose folded
// token sequence equals the text's.
TEST(Gazetteer, AgreesWithNaiveReferenceOnGeneratedNames) {
  std::vector<Phrase> phrases;
  std::vector<std::string> words = {"north", "south", "union", "bank", "river", "alpha", "beta"};
  for (size_t a = 0; a < words.size(); ++a)
    for (size_t b = 0; b < words.size(); ++b)
      if ((a + b) % 3 == 0) phrases.push_back({words[a] + " " + words[b], {}});
  for (const auto& w : words) phrases.push_back({w, {}});
  Gazetteer g = build(phrases);
  std::string text;
  for (size_t i = 0; i < 400; ++i) text += words[(i * 7 + i / 3) % words.size()] + " ";
  auto matches = g.find(text);
  // Every token is covered, and two-word matches are preferred when present.
  size_t tokens = tokenize(text).tokens.size();
  size_t covered = 0;
  for (const auto& m : matches) covered += m.end_token - m.first_token;
  EXPECT_EQ(covered, tokens);
  for (size_t k = 1; k < matches.size(); ++k)
    EXPECT_LE(matches[k - 1].end_token, matches[k].first_token);
}

TEST(Gazetteer, ScalesToManyPhrases) {
  GazetteerBuilder b;
  for (uint32_t i = 0; i < 200000; ++i) b.add("Name" + std::to_string(i) + " Family", i);
  Gazetteer g = std::move(b).build();
  EXPECT_EQ(g.phrase_count(), 200000u);
  auto m = g.find("Met name199999 family and NAME5 FAMILY.");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].value, 199999u);
  EXPECT_EQ(m[1].value, 5u);
}

// find(text) folds each token on its own (ASCII tokens of up to 8 bytes looked
// up as one integer, of 9 to 16 as two, longer ones lowered 8 bytes at a time,
// near the text's end one byte at a time, others by text::fold); it must agree
// with find() over FoldedTokens, the pipeline's path, on every text.
TEST(Gazetteer, StandaloneFindAgreesWithFoldedTokensPath) {
  Gazetteer g = build({{"Côte d’Ivoire", {}},
                       {"al-Qaeda", {}},
                       {"Assimi Goïta", {}},
                       {"ECOWAS", {}},
                       {"Burkina Faso", {}},
                       {"an unusually long organisation name word", {}},
                       {"Internationalisationsbeauftragter", {}},
                       {"US", cs()},
                       {"Chad", capital()},
                       {"Timbuktu", {}},  // 8 bytes: the longest short-word key
                       {"Ouagadougou", {}},
                       {"a", {}},
                       {"(", {}}});
  const std::string texts[] = {
      "Côte d'Ivoire, COTE D’IVOIRE and cote divoire.",
      "AL-QAEDA, al Qaeda and al‐Qaeda struck; Assimi Goita met ASSIMI GOÏTA.",
      "the US and the us; Chad and chad; Burkina Faso's and BURKINA FASO’s",
      "an unusually long organisation name word INTERNATIONALISATIONSBEAUFTRAGTER",
      "ends with ecowas",
      "ECOWAS",
      "Burkina\xff Faso \xc3 Goïta\xe2\x80",
      "TIMBUKTU, Timbuktu’s (timbuktus) and Ouagadougou a A",
      "from Timbuktu",
      "to Ouagadougou",
      "a",
  };
  for (const std::string& s : texts) expect_paths_agree(g, s);
  EXPECT_EQ(run(g, "ends with ecowas"), (std::vector<std::string>{"ecowas@3"}));
}

// ASCII words of 9 to 16 bytes are looked up by two packed integers
// (MediumWordIndex), except within 16 bytes of the text's end; 8, 9, 16 and 17
// bytes are the lengths where one way of looking up hands over to the next.
TEST(Gazetteer, WordsOfNineToSixteenBytes) {
  Gazetteer g = build({{"Timbuktu", {}},           // 8 bytes
                       {"Timbuktus", {}},          // 9
                       {"Bundesverwaltung", {}},   // 16
                       {"Nachrichtendienst", {}},  // 17
                       {"Ouagadougou Bundesverwaltung", {}},
                       {"O'Donnell-Sullivan", {}},
                       {"1,000,000,000", {}},
                       {"Chadians", capital()},
                       {"Bundesverwaltungs", cs()}});
  const std::string texts[] = {
      "TIMBUKTUS and timbuktu met the BUNDESVERWALTUNG and the Nachrichtendienst.",
      "Ouagadougou bundesverwaltung; Ouagadougou Bundesverwaltungs Bundesverwaltungs",
      "O'Donnell-Sullivan paid 1,000,000,000 to chadians and Chadians.",
      "ends with Bundesverwaltung",
      "ends with Timbuktus",
      "Bundesverwaltung",
      "Bundesverwaltungen Timbuktuss timbuktusx Nachrichtendienste",
  };
  for (const std::string& s : texts) expect_paths_agree(g, s);
  EXPECT_EQ(run(g, texts[0]), (std::vector<std::string>{"TIMBUKTUS@1", "timbuktu@0",
                                                        "BUNDESVERWALTUNG@2",
                                                        "Nachrichtendienst@3"}));
  EXPECT_EQ(run(g, "ends with Bundesverwaltung"),
            (std::vector<std::string>{"Bundesverwaltung@2"}));
  EXPECT_EQ(run(g, texts[2]), (std::vector<std::string>{"O'Donnell-Sullivan@5",
                                                        "1,000,000,000@6", "Chadians@7"}));
  EXPECT_TRUE(run(g, texts[6]).empty());
}

// find(text) keeps only the tokens from a possible phrase start to the next
// break (a token outside the vocabulary, not a hyphen) and matches those
// segments one by one; it must give find()'s matches over all the tokens, token
// indices included, on random texts mixing every case where segments begin and
// end: hyphens (transparent or not, in the vocabulary or not), apostrophes,
// possessives, digits, punctuation inside phrases (bytes such as '@' and '`'
// that differ only in bit 5), non-ASCII and invalid bytes, words of 8 and 9
// bytes and longer, case-sensitive and capitalized phrases. Leftmost-longest
// find(text) keeps the tokens of one walk at a time instead (LongestWalker):
// the same check covers it.
TEST(Gazetteer, SegmentedFindAgreesWithFindOverAllTokens) {
  Gazetteer g = build({{"al-Qaeda", {}},
                       {"al Qaeda in the Sahel", {}},
                       {"the", {}},
                       {"the Hague", {}},
                       {"the Hague - Bissau", {}},
                       {"Guinea-Bissau", {}},
                       {"Guinea -", {}},
                       {"Bancorp, Inc.", {}},
                       {"Côte d’Ivoire", {}},
                       {"Mali", {}},
                       {"Mali's army", {}},
                       {"G5 Sahel", {}},
                       {"2023 coup", {}},
                       {"Timbuktu", {}},
                       {"Timbuktus Ouagadougou", {}},
                       {"Ouagadougou", {}},
                       {"US", cs()},
                       {"Chad", capital()},
                       {"Goïta", {}},
                       {"in", {}},
                       {"in the", {}},
                       {"AT @ T", {}},   // '@' and '`' differ in bit 5 alone: a
                       {"Q ` R", {}},    // punctuation byte is lowered, not OR-ed
                       {"x [ y", {}}});
  test_util::RandomText random_text({
      "al", "Qaeda", "the", "The", "Hague", "Guinea", "Bissau", "-", "‐", "Bancorp", ",",
      "Inc", ".", "Côte", "d'Ivoire", "d’Ivoire", "Mali", "'s", "’s", "army", "G5", "Sahel",
      "2023", "coup", "Timbuktu", "TIMBUKTUS", "Ouagadougou", "US", "us", "Chad", "chad",
      "Goïta", "GOITA", "in", "of", "x", "\xff", "é", "(", "'", "abcdefghi", " ", " ", " ",
      "AT", "T", "@", "Q", "R", "`", "[", "{", "y", "X",
      "  ", "\n", "\t"},
                                      2024);
  std::vector<std::string> texts = {"AT@T and AT @ T, at`t", "Q ` R and Q@R", "x [ y, X{Y",
                                    "the Hague-Bissau; the Hague - Bissau", "in the in the"};
  for (int round = 0; round < 5000; ++round) texts.push_back(random_text.next(24));
  // Long runs of walks, each starting where the last one failed: the
  // leftmost-longest walker drops the tokens behind it as it goes.
  std::string run_of_walks;
  for (int k = 0; k < 300; ++k) run_of_walks += k % 7 ? "the " : "in the al-";
  texts.push_back(run_of_walks + "the Hague - Bissau");
  for (int round = 0; round < 200; ++round) texts.push_back(random_text.next(400));
  for (const std::string& s : texts) {
    expect_paths_agree(g, s);
    if (HasFatalFailure()) return;
  }
}

// Leftmost-longest find(text) follows a walk of two words without keeping
// their tokens (LongestWalker's pair_): when the next token continues neither,
// the two words are reported, or else the first alone, and the walk resumes at
// the second word, which may start a phrase that the next token continues. It
// must agree with find() over all the tokens where such walks match, fail, go
// on (a third word or a hyphen), resume at the second word, reach the text's
// end, and where a two-word phrase is case-sensitive, needs a capital or has
// several values.
TEST(Gazetteer, TwoWordWalksAgreeWithFindOverAllTokens) {
  Gazetteer g = build({{"new york city", {}},
                       {"york times", {}},
                       {"York Times", cs()},  // a second value of "york times"
                       {"new", {}},
                       {"new jersey", {}},
                       {"Upper Volta", capital()},
                       {"upper", {}},
                       {"volta river basin", {}},
                       {"the Hague", {}},
                       {"the Hague - Bissau", {}},
                       {"Guinea-Bissau", {}},
                       {"times square", {}},
                       {"square one", {}},
                       {"one", {}},
                       {"AU", cs()},
                       {"AU summit", cs()},
                       {"al Qaeda in", {}}});
  test_util::RandomText random_text({"new", "New", "NEW", "york", "York", "YORK", "city",
                                     "times", "Times", "jersey", "upper", "Upper", "volta",
                                     "Volta", "river", "basin", "the", "Hague", "-", "Guinea",
                                     "Bissau", "square", "one", "AU", "au", "summit", "al",
                                     "Qaeda", "in", "x", ",", "é", "'s", " ", " ", " ", "\n"},
                                    7);
  std::vector<std::string> texts = {
      "new york times", "new york city", "New York Times", "new york", "new jersey",
      "Upper Volta river", "upper Volta", "upper volta river basin", "volta river",
      "times square one", "york times square one", "AU summit", "au summit", "new york-city",
      "the Hague-Bissau", "al Qaeda in", "al Qaeda", "new york times square one x"};
  for (int round = 0; round < 20000; ++round) texts.push_back(random_text.next(16));
  for (const std::string& s : texts) {
    expect_paths_agree(g, s);
    if (HasFatalFailure()) return;
  }
  // "new york" is no phrase and "york" starts one: the walk resumes there.
  EXPECT_EQ(run(g, "new york times"),
            (std::vector<std::string>{"new@3", "york times@1"}));
  EXPECT_EQ(run(g, "New York Times x"),
            (std::vector<std::string>{"New@3", "York Times@1", "York Times@2"}));
  EXPECT_EQ(run(g, "upper volta"), (std::vector<std::string>{"upper@6"}));
  EXPECT_EQ(run(g, "Upper Volta."), (std::vector<std::string>{"Upper Volta@5"}));
  EXPECT_EQ(run(g, "times square one"), (std::vector<std::string>{"times square@11", "one@13"}));
}
