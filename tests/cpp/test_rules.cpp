#include <gtest/gtest.h>
#include <re2/re2.h>

#include <utility>

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

// A line-anchored rule's group is found by an ASCII twin (compiled as Latin-1) when
// the match is ASCII: what the rules find must be what RE2 finds with the pattern
// itself, searched unanchored with its group, on ASCII and non-ASCII lines alike.
TEST(Rules, AsciiTwinFindsWhatTheUtf8PatternFinds) {
  const std::string text =
      "BAMAKO, Nov 18 (Sahel Wire) - x\n"
      "ZÜRICH, December 5, 2020 (Bloomberg) - y\n"
      "O’HARE (AP) — z\n"
      "DAKAR (AFP) – w\n"
      "The man (Reuters) - no\n"
      "ab\nakb\naKb\na\xE2\x84\xAA" "b\nask\na\xC5\xBF" "k\nkelvin\naé\n";
  // (pattern, case-insensitive); each finds something on an ASCII line.
  const std::vector<std::pair<std::string, bool>> patterns = {
      {R"((?m)^\p{Lu}[\p{Lu} .'’-]+(?:, \p{L}+\.? \d{1,2}(?:, \d{4})?)? \((\p{Lu}[^()\n]*)\) ?[-–—])",
       false},
      {R"((?m)^(\p{Lu}+))", false},
      {R"((?m)^(a’?b))", false},      // a quantified non-ASCII literal
      {R"((?m)^([a-é]+))", false},    // a range with a non-ASCII end
      {R"((?m)^(a[^é]b))", false},    // a negated class
      {"(?m)^(a\xE2\x84\xAA" "b)", true},  // case folding: U+212A is 'k'
      {"(?m)^(?i)(\xE2\x84\xAA" "elvin)", false},
      {"(?m)^(a\xC5\xBF" "k)", true},  // U+017F is 's'
      {R"((?m)^(\w+)\b)", false},
  };
  const TokenizedText tt = tokenize(text);
  for (const auto& [pattern, ci] : patterns) {
    RuleSet rs({{"r", "X", pattern, "", "", ci}}, "<test>", 8 << 20);
    RE2::Options o;
    o.set_case_sensitive(!ci);
    RE2 re(pattern, o);
    ASSERT_TRUE(re.ok()) << pattern;
    std::vector<std::pair<uint32_t, uint32_t>> want, got;
    re2::StringPiece input(text), found[2];
    for (size_t pos = 0; pos <= text.size() &&
                         re.Match(input, pos, text.size(), RE2::UNANCHORED, found, 2);) {
      pos = static_cast<size_t>(found[0].data() - text.data()) + found[0].size() +
            (found[0].empty() ? 1 : 0);
      if (found[1].data() == nullptr || found[1].empty()) continue;
      const auto s = static_cast<uint32_t>(found[1].data() - text.data());
      const auto e = static_cast<uint32_t>(s + found[1].size());
      bool starts = false, ends = false;
      for (const Token& t : tt.tokens) starts |= t.start == s, ends |= t.end == e;
      if (starts && ends) want.emplace_back(s, e);
    }
    for (const RuleMatch& m : rs.match(text, tt.tokens)) got.emplace_back(m.start, m.end);
    EXPECT_EQ(got, want) << pattern;
    EXPECT_FALSE(want.empty()) << pattern;
  }
}
