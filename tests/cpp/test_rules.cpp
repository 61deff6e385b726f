#include <gtest/gtest.h>

#include "liptako/errors.h"
#include "liptako/rules.h"

using namespace liptako;

namespace {

std::vector<std::string> spans(const RuleSet& rs, const std::string& s) {
  std::vector<std::string> out;
  auto tt = tokenize(s);
  for (const auto& m : rs.match(s, tt.tokens))
    out.push_back(rs.rules()[m.rule].name + ":" + s.substr(m.start, m.end - m.start));
  return out;
}

}  // namespace

TEST(Rules, ManyPatternsOnePassWithGroups) {
  RuleSet rs({{"ship", "VESSEL", R"(\bthe (MV [A-Z][a-z]+))", "", "", false},
              {"op", "OPERATION", R"(Operation [A-Z][a-z]+)", "", "", false},
              {"ci", "THING", R"(widget)", "", "", true}},
             "<test>", 8 << 20);
  EXPECT_EQ(spans(rs, "Operation Barkhane and the MV Atlas; WIDGET here"),
            (std::vector<std::string>{"op:Operation Barkhane", "ship:MV Atlas", "ci:WIDGET"}));
}

TEST(Rules, MatchesMustBeWholeWords) {
  RuleSet rs({{"x", "X", "ali", "", "", false}}, "<test>", 8 << 20);
  EXPECT_TRUE(spans(rs, "Mali and Somalia").empty());
  EXPECT_EQ(spans(rs, "ali"), (std::vector<std::string>{"x:ali"}));
}

TEST(Rules, EmptyMatchesDoNotLoop) {
  RuleSet rs({{"empty", "X", "a*", "", "", false}}, "<test>", 8 << 20);
  EXPECT_EQ(spans(rs, "bbb a"), (std::vector<std::string>{"empty:a"}));
}

TEST(Rules, BadPatternNamesTheRule) {
  try {
    RuleSet rs({{"good", "X", "a", "", "", false}, {"broken", "X", "(a", "", "", false}},
               "rules.json", 8 << 20);
    FAIL() << "expected ConfigError";
  } catch (const ConfigError& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find("rules.json"), std::string::npos) << msg;
    EXPECT_NE(msg.find("/rules/1/pattern"), std::string::npos) << msg;
    EXPECT_NE(msg.find("broken"), std::string::npos) << msg;
  }
}

TEST(Rules, BackreferencesAndLookaroundAreRejected) {
  EXPECT_THROW(RuleSet({{"backref", "X", R"((a)\1)", "", "", false}}, "<t>", 8 << 20),
               ConfigError);
  EXPECT_THROW(RuleSet({{"lookahead", "X", R"(a(?=b))", "", "", false}}, "<t>", 8 << 20),
               ConfigError);
}

TEST(Rules, MemoryBudgetIsEnforced) {
  EXPECT_THROW(RuleSet({{"huge", "X", "((a{100}){100}){100}", "", "", false}}, "<t>", 1 << 16),
               Error);
}

// A "(?m)^" rule is tried at line starts only; what it finds must be what an
// unanchored search finds: each line's match, its group, $ seeing the real text.
TEST(Rules, LineAnchoredRulesFindWhatASearchFinds) {
  RuleSet rs({{"line", "ORG", R"((?m)^[A-Z]+ \((\w+)\)$)", "", "", false}}, "<test>", 8 << 20);
  EXPECT_EQ(spans(rs, "BAMAKO (AP)\nnot BAMAKO (AP)\nDAKAR (AFP)\nX (Y) z"),
            (std::vector<std::string>{"line:AP", "line:AFP"}));
  // A top-level alternative is not anchored: "b" matches mid-line.
  RuleSet alt({{"alt", "X", R"((?m)^a|b)", "", "", false}}, "<test>", 8 << 20);
  EXPECT_EQ(spans(alt, "a b\nc b"), (std::vector<std::string>{"alt:a", "alt:b", "alt:b"}));
  // Several matches on one line: the next search starts after the first.
  RuleSet two({{"two", "X", R"((?m)^(?:x )?(\w+))", "", "", false}}, "<test>", 8 << 20);
  EXPECT_EQ(spans(two, "x one\ntwo three"), (std::vector<std::string>{"two:one", "two:two"}));
}
