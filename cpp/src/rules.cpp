#include "liptako/rules.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cctype>
#include <optional>

#include "liptako/errors.h"
#include "liptako/text.h"
#include "line_starts.h"

namespace liptako {

struct RuleSet::Impl {
  std::vector<Rule> rules;
  std::vector<std::unique_ptr<RE2>> regexes;
  // Per rule: the filter of its line starts when starts_at_line_starts(pattern), else null.
  std::vector<std::unique_ptr<internal::LineStartFilter>> line_filters;
  // Per rule: ascii_twin_pattern() compiled as Latin-1, or null. Finds a line-anchored
  // match's group when the match is ASCII: the UTF-8 program's classes such as \p{Lu}
  // are hundreds of byte ranges, which the capture search walks at every step.
  std::vector<std::unique_ptr<RE2>> ascii_twins;
  std::unique_ptr<RE2::Set> set;
};

namespace {

// Whether case folding may apply somewhere in the rule: it is case-insensitive or
// its pattern sets the i flag ("(?i)", "(?mi:" ...). Conservative: "\\(?i" counts.
bool may_fold_case(const Rule& r) {
  if (r.case_insensitive) return true;
  const std::string& p = r.pattern;
  for (size_t at = p.find("(?"); at != std::string::npos; at = p.find("(?", at + 2)) {
    size_t j = at + 2;  // the flags: letters and '-'
    while (j < p.size() && (std::isalpha(static_cast<unsigned char>(p[j])) || p[j] == '-')) {
      if (p[j] == 'i') return true;
      ++j;
    }
  }
  return false;
}

// A pattern that, compiled as Latin-1, matches every ASCII text (and gives the same
// groups) as r.pattern compiled as UTF-8 does; nullopt when this cannot be sure.
// It is the pattern with each non-ASCII character written as \x{80}: on ASCII text
// both programs see the same code points, a non-ASCII character and \x{80} are both
// one atom that matches no ASCII code point, and a class range with a non-ASCII end
// ("[a-é]") covers the same ASCII code points when that end is 0x80. Not with
// case folding, which equates U+212A and U+017F with ASCII 'k' and 's'; not with
// "\Q...\E" (literal text) or a backslash before a non-ASCII character. r.pattern
// must be valid UTF-8 (RE2 compiled it).
std::optional<std::string> ascii_twin_pattern(const Rule& r) {
  const std::string& p = r.pattern;
  if (text::is_ascii(p)) return p;
  if (may_fold_case(r) || p.find("\\Q") != std::string::npos) return std::nullopt;
  std::string out;
  out.reserve(p.size() + 16);
  for (size_t i = 0; i < p.size(); ++i) {
    const auto c = static_cast<unsigned char>(p[i]);
    if (c == '\\') {
      if (i + 1 < p.size() && static_cast<unsigned char>(p[i + 1]) >= 0x80) return std::nullopt;
      out.append(p, i, 2);  // the escape and what it escapes
      ++i;
    } else if (c >= 0xC0) {  // a lead byte: the character's continuation bytes follow
      out += "\\x{80}";
    } else if (c < 0x80) {
      out += static_cast<char>(c);
    }
  }
  return out;
}

RE2::Options options_for(const Rule& r, int64_t max_mem) {
  RE2::Options o;
  o.set_log_errors(false);
  o.set_case_sensitive(!r.case_insensitive);
  o.set_max_mem(max_mem);
  return o;
}

}  // namespace

RuleSet::RuleSet() : impl_(std::make_unique<Impl>()) {}
RuleSet::~RuleSet() = default;
RuleSet::RuleSet(RuleSet&&) noexcept = default;
RuleSet& RuleSet::operator=(RuleSet&&) noexcept = default;

RuleSet::RuleSet(std::vector<Rule> rules, const std::string& where, int64_t max_mem)
    : impl_(std::make_unique<Impl>()) {
  impl_->rules = std::move(rules);
  if (impl_->rules.empty()) return;
  RE2::Options set_options;
  set_options.set_log_errors(false);
  set_options.set_max_mem(max_mem);
  // A set filters which rules run; one rule is its own filter.
  if (impl_->rules.size() > 1) impl_->set = std::make_unique<RE2::Set>(set_options, RE2::UNANCHORED);
  for (size_t i = 0; i < impl_->rules.size(); ++i) {
    const Rule& r = impl_->rules[i];
    std::string path = "/rules/" + std::to_string(i) + "/pattern";
    auto re = std::make_unique<RE2>(r.pattern, options_for(r, max_mem));
    if (!re->ok()) {
      if (re->error_code() == RE2::ErrorPatternTooLarge)
        throw LimitError(where + ": " + path + ": rule '" + r.name +
                         "' exceeds the regex memory budget");
      throw ConfigError(where, path, "rule '" + r.name + "': " + re->error());
    }
    std::string error;
    // The set needs each pattern's case mode inline.
    std::string set_pattern = (r.case_insensitive ? "(?i:" : "(?:") + r.pattern + ")";
    if (impl_->set && impl_->set->Add(set_pattern, &error) < 0)
      throw ConfigError(where, path, "rule '" + r.name + "': " + error);
    const bool line_anchored = internal::starts_at_line_starts(r.pattern);
    std::unique_ptr<RE2> twin;
    if (line_anchored && re->NumberOfCapturingGroups() > 0) {
      if (std::optional<std::string> tp = ascii_twin_pattern(r)) {
        RE2::Options o = options_for(r, max_mem);
        o.set_encoding(RE2::Options::EncodingLatin1);
        twin = std::make_unique<RE2>(*tp, o);
        // A twin that does not compile, or differs in its groups, is not used.
        if (!twin->ok() || twin->NumberOfCapturingGroups() != re->NumberOfCapturingGroups())
          twin.reset();
      }
    }
    impl_->regexes.push_back(std::move(re));
    impl_->line_filters.push_back(
        line_anchored
            ? std::make_unique<internal::LineStartFilter>(r.pattern, options_for(r, max_mem))
            : nullptr);
    impl_->ascii_twins.push_back(std::move(twin));
  }
  if (impl_->set && !impl_->set->Compile())
    throw LimitError(where + ": the rules exceed the regex memory budget");
}

const std::vector<Rule>& RuleSet::rules() const { return impl_->rules; }

std::vector<RuleMatch> RuleSet::match(std::string_view text,
                                      const std::vector<Token>& tokens) const {
  std::vector<RuleMatch> out;
  if (impl_->regexes.empty() || tokens.empty()) return out;
  // The set's one DFA pass says which rules match somewhere. Should the DFA run out
  // of memory (a huge text against many rules) every rule is tried on its own:
  // RE2::Match then falls back to its NFA, slower but never wrong.
  std::vector<int> hits;
  RE2::Set::ErrorInfo error{};
  if (!impl_->set) {
    hits.push_back(0);
  } else if (!impl_->set->Match(re2::StringPiece(text.data(), text.size()), &hits, &error)) {
    if (error.kind != RE2::Set::kOutOfMemory) return out;
    hits.resize(impl_->regexes.size());
    for (size_t i = 0; i < hits.size(); ++i) hits[i] = static_cast<int>(i);
  }
  std::sort(hits.begin(), hits.end());
  auto starts_token = [&](uint32_t pos) {
    auto it = std::lower_bound(tokens.begin(), tokens.end(), pos,
                               [](const Token& t, uint32_t p) { return t.start < p; });
    return it != tokens.end() && it->start == pos;
  };
  auto ends_token = [&](uint32_t pos) {
    auto it = std::lower_bound(tokens.begin(), tokens.end(), pos,
                               [](const Token& t, uint32_t p) { return t.end < p; });
    return it != tokens.end() && it->end == pos;
  };
  re2::StringPiece input(text.data(), text.size());
  // The smallest line start (0 or just after a '\n') at or after `from`, or npos.
  auto line_start_from = [&](size_t from) -> size_t {
    if (from == 0) return 0;
    const size_t nl = text.find('\n', from - 1);
    return nl == std::string_view::npos ? nl : nl + 1;
  };
  for (int h : hits) {
    const RE2& re = *impl_->regexes[static_cast<size_t>(h)];
    int groups = std::min(re.NumberOfCapturingGroups(), 1);
    re2::StringPiece found[2];
    // Records the match in `found`; returns where the next search starts.
    auto take = [&]() -> size_t {
      const re2::StringPiece& whole = found[0];
      const re2::StringPiece& span = groups ? found[1] : found[0];
      size_t next = static_cast<size_t>(whole.data() - text.data()) + whole.size();
      if (whole.empty()) ++next;  // never loop on an empty match
      if (span.data() != nullptr && !span.empty()) {
        auto s = static_cast<uint32_t>(span.data() - text.data());
        auto e = static_cast<uint32_t>(s + span.size());
        if (starts_token(s) && ends_token(e)) out.push_back({static_cast<uint32_t>(h), s, e});
      }
      return next;
    };
    if (const auto* filter = impl_->line_filters[static_cast<size_t>(h)].get()) {
      // Every match starts at a line start: an anchored match tried at each line
      // start from `pos` on finds what the unanchored search from `pos` finds (the
      // leftmost start, then RE2's preferred match there), without scanning the
      // lines' insides and without RE2's reverse program. Asked for the whole match
      // only, RE2 answers by its DFA, which stops where the line stops fitting. The
      // group is then asked of the text cut at the match's end (RE2 still sees the
      // text beyond as context for $ and \b): the parses there are the full text's
      // parses that end by it, the preferred one among them is the match found, and
      // OnePass/BitState work over the match rather than over the rest of the text.
      // RE2 is not asked at line starts whose first two bytes the filter rules out.
      size_t pos = 0;
      for (size_t p = line_start_from(pos); p != std::string_view::npos;
           p = line_start_from(pos)) {
        if (!filter->may_start_at(text, p) ||
            !re.Match(input, p, text.size(), RE2::ANCHOR_START, found, 1)) {
          pos = p + 1;
          continue;
        }
        if (groups) {
          const size_t e = static_cast<size_t>(found[0].data() - text.data()) + found[0].size();
          // An ASCII match's group: the ASCII twin finds the same (see ascii_twin_pattern).
          const RE2* twin = impl_->ascii_twins[static_cast<size_t>(h)].get();
          const RE2& capture =
              twin && text::is_ascii(text.substr(p, e - p)) ? *twin : re;
          if (!capture.Match(input, p, e, RE2::ANCHOR_START, found, groups + 1)) {
            pos = p + 1;  // not reached: the whole match above is such a parse
            continue;
          }
        }
        pos = take();
      }
      continue;
    }
    size_t pos = 0;
    while (pos <= text.size() &&
           re.Match(input, pos, text.size(), RE2::UNANCHORED, found, groups + 1))
      pos = take();
  }
  std::sort(out.begin(), out.end(), [](const RuleMatch& a, const RuleMatch& b) {
    return a.start != b.start ? a.start < b.start : a.end > b.end;
  });
  return out;
}

}  // namespace liptako
