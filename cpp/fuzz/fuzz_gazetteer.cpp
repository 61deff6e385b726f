// libFuzzer target: building a Gazetteer from arbitrary phrases, then matching.
//
// Input layout: lines before the first "\n\n" are phrases (the first byte of
// each line selects PhraseOptions: bit 0 case_sensitive, bit 1 require_capital;
// the rest is the phrase); everything after "\n\n" is the text. Checks: every
// match is inside the text and the token list, spans equal the tokens'
// spans, values are ones that were added, leftmost-longest matches do not
// overlap and are ordered, kAll is ordered by (start, end) and contains every
// leftmost-longest match; find(text) gives the same matches (token indices
// included, either kind); tokenize_words
// gives the tokens of tokenize_words_reference.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fuzz_common.h"
#include "liptako/gazetteer.h"
#include "liptako/segmenter.h"

using liptako_fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  size_t sep = in.find("\n\n");
  std::string_view phrases = in.substr(0, sep);
  std::string_view text = sep == std::string_view::npos ? in : in.substr(sep + 2);
  if (phrases.size() > 4096) return 0;  // keep builds small; the text may be long

  liptako::GazetteerBuilder b;
  std::set<uint32_t> added;
  uint32_t value = 0;
  size_t pos = 0;
  while (pos <= phrases.size() && value < 512) {
    size_t nl = phrases.find('\n', pos);
    std::string_view line = phrases.substr(pos, nl == std::string_view::npos ? nl : nl - pos);
    if (!line.empty()) {
      liptako::PhraseOptions o;
      o.case_sensitive = line[0] & 1;
      o.require_capital = line[0] & 2;
      if (b.add(line.substr(1), value, o)) added.insert(value);
      ++value;
    }
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  liptako::Gazetteer g = std::move(b).build();
  check(g.phrase_count() <= added.size() || added.empty(), "more phrases than added",
        std::to_string(g.phrase_count()) + " > " + std::to_string(added.size()));

  liptako::TokenizedText tt = liptako::tokenize(text);
  const liptako_fuzz::Boundaries bounds(text);
  liptako_fuzz::check_sentences(tt.sentences, text.size());
  check(tt.sentence_of_token.size() == tt.tokens.size(), "sentence_of_token size");
  for (const auto& t : tt.tokens) liptako_fuzz::check_span(bounds, t.start, t.end, "token");
  liptako::FoldedTokens folded(text, tt.tokens);
  check(folded.size() == tt.tokens.size(), "folded size");

  auto longest = g.find(text, tt.tokens, folded, liptako::MatchKind::kLeftmostLongest);
  auto all = g.find(text, tt.tokens, folded, liptako::MatchKind::kAll);
  auto validate = [&](const liptako::GazetteerMatch& m) {
    check(m.first_token < m.end_token, "empty match");
    check(m.end_token <= tt.tokens.size(), "match past the last token");
    check(m.start == tt.tokens[m.first_token].start, "match start != token start");
    check(m.end == tt.tokens[m.end_token - 1].end, "match end != token end");
    check(added.count(m.value) == 1, "unknown value", std::to_string(m.value));
  };
  // Several values of one phrase share its span; distinct spans never overlap.
  uint32_t prev_first = 0, prev_end_token = 0;
  for (const auto& m : longest) {
    validate(m);
    bool same = m.first_token == prev_first && m.end_token == prev_end_token;
    check(same || m.first_token >= prev_end_token, "leftmost-longest matches overlap");
    prev_first = m.first_token;
    prev_end_token = m.end_token;
  }
  std::set<std::pair<uint32_t, uint32_t>> all_spans;
  for (size_t i = 0; i < all.size(); ++i) {
    validate(all[i]);
    if (i) {
      auto a = std::make_pair(all[i - 1].start, all[i - 1].end);
      auto c = std::make_pair(all[i].start, all[i].end);
      check(a <= c, "kAll not ordered by (start, end)");
    }
    all_spans.insert({all[i].first_token, all[i].end_token});
  }
  for (const auto& m : longest)
    check(all_spans.count({m.first_token, m.end_token}) == 1,
          "leftmost-longest match missing from kAll");
  // The convenience overload (tokens streamed, matched segment by segment)
  // agrees, token indices included, for both kinds.
  auto same = [&](const std::vector<liptako::GazetteerMatch>& a,
                  const std::vector<liptako::GazetteerMatch>& b) {
    check(a.size() == b.size(), "find(text) disagrees with find(tokens)");
    for (size_t i = 0; i < a.size(); ++i)
      check(a[i].start == b[i].start && a[i].end == b[i].end && a[i].value == b[i].value &&
                a[i].first_token == b[i].first_token && a[i].end_token == b[i].end_token,
            "find(text) disagrees with find(tokens)", std::to_string(i));
  };
  same(g.find(text), longest);
  same(g.find(text, liptako::MatchKind::kAll), all);
  // tokenize_words' fast path gives the general tokenizer's tokens.
  const auto reference = liptako::tokenize_words_reference(text);
  check(reference.size() == tt.tokens.size(), "fast tokenizer: token count");
  for (size_t i = 0; i < reference.size(); ++i) {
    const auto &a = tt.tokens[i], &r = reference[i];
    check(a.start == r.start && a.end == r.end && a.kind == r.kind &&
              a.space_before == r.space_before && a.newline_before == r.newline_before &&
              a.capitalized == r.capitalized && a.all_upper == r.all_upper && a.ascii == r.ascii,
          "fast tokenizer: token differs", std::to_string(i));
  }
  return 0;
}
