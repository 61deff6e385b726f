#include <gtest/gtest.h>
#include <re2/re2.h>

#include <utility>

#include "line_starts.h"
#include "liptako/errors.h"
#include "liptako/rules.h"
#include "random_text.h"

using namespace liptako;

namespace {

// The group-1 spans (else the whole match's) that RE2 finds searching `text`
// unanchored with `pattern`, kept when they start and end on tokens: what a RuleSet
// of that one rule must report.
std::vector<std::pair<uint32_t, uint32_t>> searched(const std::string& pattern, bool ci,
                                                    const std::string& text,
                                                    const std::vector<Token>& tokens) {
  RE2::Options o;
  o.set_case_sensitive(!ci);
  RE2 re(pattern, o);
  EXPECT_TRUE(re.ok()) << pattern;
  const int groups = std::min(re.NumberOfCapturingGroups(), 1);
  std::vector<std::pair<uint32_t, uint32_t>> want;
  re2::StringPiece input(text), found[2];
  for (size_t pos = 0; pos <= text.size() &&
                       re.Match(input, pos, text.size(), RE2::UNANCHORED, found, groups + 1);) {
    pos = static_cast<size_t>(found[0].data() - text.data()) + found[0].size() +
          (found[0].empty() ? 1 : 0);
    const re2::StringPiece& span = found[groups];
    if (span.data() == nullptr || span.empty()) continue;
    const auto s = static_cast<uint32_t>(span.data() - text.data());
    const auto e = static_cast<uint32_t>(s + span.size());
    bool starts = false, ends = false;
    for (const Token& t : tokens) starts |= t.start == s, ends |= t.end == e;
    if (starts && ends) want.emplace_back(s, e);
  }
  return want;
}

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
    const auto want = searched(pattern, ci, text, tt.tokens);
    std::vector<std::pair<uint32_t, uint32_t>> got;
    for (const RuleMatch& m : rs.match(text, tt.tokens)) got.emplace_back(m.start, m.end);
    EXPECT_EQ(got, want) << pattern;
    EXPECT_FALSE(want.empty()) << pattern;
  }
}

// A line-anchored rule is not asked of RE2 at line starts that its LineStartFilter
// rules out from their first two bytes. The filter must rule out only line starts
// where RE2 finds no match, whatever the rule: Unicode first letters, optional
// prefixes, alternations, counted repetitions, assertions, case folding (U+212A is
// 'k'), syntax the filter's scan leaves alone, rules that match an empty line. Each
// line start of many random texts is checked against RE2 anchored there, and the
// rule set's matches against an unanchored search.
TEST(Rules, LineStartFilterRulesOutOnlyLinesWithoutAMatch) {
  struct Case {
    std::string pattern;
    bool ci;
    bool filters;  // whether the filter must rule out some line starts
  };
  const std::vector<Case> cases = {
      {R"((?m)^\p{Lu}[\p{Lu} .'’-]+(?:, \p{L}+\.? \d{1,2}(?:, \d{4})?)? \((\p{Lu}[^()\n]*)\) ?[-–—])",
       false, true},
      {R"((?m)^(?:Mr\. |Dr\. )?(\p{Lu}\p{Ll}+))", false, true},
      {R"((?m)^(?:\d{1,2}|[IVX]+)\. (\w+))", false, true},
      {R"((?m)^(É|Ö|ß|a)b?(\w*))", false, true},
      {R"((?m)^\b(\p{Lu}))", false, true},  // one character: any byte after it
      {R"((?m)^(?P<pair>[a-c]{2,3})\b)", false, true},
      {R"((?m)^(?:ab|a)(c|$))", false, true},
      {R"((?m)^x{0}(?:)(y|I)+?)", false, true},  // empty pieces before the first
      {R"((?m)^.(\w)\s)", false, true},          // '.' is not '\n'
      {R"((?m)^[^a-z\n](\S+))", false, true},
      {R"((?m)^\t?(-+)$)", false, true},
      {R"((?m)^(\x41|\x{42}|\pN)\.?)", false, true},
      {R"((?m)^\(([A-Z]+)\))", false, true},
      {"(?m)^\xE2\x84\xAA" "elvin (\\w+)", true, true},  // matches "kelvin"
      {R"((?m)^k(\w+))", true, true},                     // matches U+212A
      {R"((?m)^(s\w))", true, true},                      // 's' folds with U+017F
      {R"((?m)^(?:a|B)(?i:b)(\w*))", false, true},         // a flag group: any after it
      {R"((?m)^(?i:the) (\w+))", false, false},
      {R"((?m)^a{,2}(\w+))", false, false},  // braces RE2 reads as text: not scanned
      {R"((?m)^\s*(\w*))", false, false},    // matches an empty line
      {R"((?m)^x*(y)?)", false, false},
      {R"((?m)^(?:a|)(\w+)?)", false, false},
  };
  test_util::RandomText random(
      {"\n", "\n", "\n\n", "\na\n", "\nabc", "\nDAKAR, Nov. 18 (Reuters) — ", "WASHINGTON",
       " (AP) - ", " (Sahel Wire) — ", "The ", "A ", "I ", "Mr. ", "Dr. ", "Smith", "x", "y",
       "a", "ab", "c", "-", "12. ", "IV. ", "É", "Ö", "ß", "kelvin ", "K", "\xE2\x84\xAA",
       "\xC5\xBF", "s", "\t", "---", " ", "é", "’", ", Nov. 18, 2023", "(", ")", "(AB)", "AB",
       "a{,2}", "word", "ii", "7", "\r", "."},
      20260301);
  std::vector<std::string> texts;
  for (int k = 0; k < 400; ++k) texts.push_back(random.next(24));
  for (const Case& c : cases) {
    SCOPED_TRACE(c.pattern);
    RE2::Options o;
    o.set_case_sensitive(!c.ci);
    RE2 re(c.pattern, o);
    ASSERT_TRUE(re.ok());
    ASSERT_TRUE(internal::starts_at_line_starts(c.pattern));
    const internal::LineStartFilter filter(c.pattern, o);
    EXPECT_EQ(filter.active(), c.filters);
    RuleSet rs({{"r", "X", c.pattern, "", "", c.ci}}, "<test>", 8 << 20);
    size_t ruled_out = 0, matched = 0;
    for (const std::string& text : texts) {
      re2::StringPiece input(text);
      for (size_t p = 0, nl = 0; nl != std::string::npos; p = nl + 1) {
        nl = text.find('\n', p);
        const bool match = re.Match(input, p, text.size(), RE2::ANCHOR_START, nullptr, 0);
        matched += match;
        if (!filter.may_start_at(text, p)) {
          ++ruled_out;
          EXPECT_FALSE(match) << "at " << p << " of '" << text << "'";
        }
      }
      const TokenizedText tt = tokenize(text);
      std::vector<std::pair<uint32_t, uint32_t>> got;
      for (const RuleMatch& m : rs.match(text, tt.tokens)) got.emplace_back(m.start, m.end);
      EXPECT_EQ(got, searched(c.pattern, c.ci, text, tt.tokens)) << "'" << text << "'";
    }
    EXPECT_GT(matched, 0u);
    EXPECT_EQ(ruled_out > 0, c.filters);
  }
}
