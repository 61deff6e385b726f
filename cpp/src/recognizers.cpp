// Candidate entities from the gazetteer, the RE2 rules and the contextual
// recognizers for people, organizations and places.
#include <algorithm>
#include <array>
#include <tuple>
#include <utility>

#include "knowledge.h"
#include "liptako/text.h"

namespace liptako::internal {
namespace {

bool is_lowercase_token(const DocView& d, size_t i) {
  const Token& t = d.tokens()[i];
  return !t.capitalized && !t.all_upper;
}

// Words of travel before "to", which then leads to a place: "flew to Paris", "travelled
// back to Paris" (not "a letter to Paris", "spoke to Paris").
inline constexpr std::array<std::string_view, 24> kTravelBeforeTo = {
    "flew",      "fly",       "flies",     "flying",   "flown",    "travelled", "traveled",
    "travel",    "travels",   "travelling", "traveling", "returned", "return",    "returns",
    "returning", "went",      "go",        "goes",     "going",    "headed",    "heading",
    "fled",      "moved",     "back"};

// Whether a lowercase place preposition ("in", "near", "from" ...) stands before token
// i in its sentence, or "to" after a word of travel.
bool after_place_preposition(const DocView& d, size_t i) {
  if (i == 0) return false;
  const Token& before = d.tokens()[i - 1];
  if (before.kind != TokenKind::kWord || !is_lowercase_token(d, i - 1) || !d.same_sentence(i - 1, i))
    return false;
  // ("out of Kherson")
  if (d.folded[i - 1] == "of")
    return i >= 2 && d.folded[i - 2] == "out" && is_lowercase_token(d, i - 2);
  if (d.folded[i - 1] == "to")
    return i >= 2 && d.same_sentence(i - 2, i) && in_list(kTravelBeforeTo, d.folded[i - 2]);
  return in_list(kPlacePrepositions, d.folded[i - 1]);
}

// A capitalised word that can be part of a proper name.
bool is_name_word(const DocView& d, size_t i) {
  const Token& t = d.tokens()[i];
  if (t.kind != TokenKind::kWord || !t.capitalized) return false;
  return !d.lex(i, kNonnameCapitalized);
}

// "J." style initial: one uppercase letter followed by an attached period.
bool is_initial(const DocView& d, size_t i) {
  const auto& toks = d.tokens();
  if (i + 1 >= toks.size()) return false;
  const Token& t = toks[i];
  return t.kind == TokenKind::kWord && t.capitalized && t.end - t.start == 1 &&
         d.token_text(i + 1) == "." && toks[i + 1].start == t.end;
}

// kTokenLoop: the loops over a document's tokens test each token through local
// copies of the vectors' data pointers and size, which stay in registers; the
// vectors' own would be reloaded at every token, as the loops call functions.
// The loops that look only at capitalised or all-capitals tokens visit
// DocView::capitals, not every token.

// The index of the first entry of capitals[at, size) greater than `last`: where
// a loop over capitals resumes after the tokens up to `last` are taken.
size_t capitals_after(const uint32_t* capitals, size_t size, size_t at, size_t last) {
  while (at < size && capitals[at] <= last) ++at;
  return at;
}

struct NameRun {
  size_t first = 0, end = 0;  // tokens [first, end)
  int name_words = 0;
};

// Whether token j, a name word of a run that starts at token `first`, opens a name
// word of its own: a word joined by a hyphen to the one before is part of it
// ("Jean-Pierre" is one name word, and "Franco-Malian" no name of two), unless that one is
// a lowercase name particle ("Sadiq al-Kabir" has two).
bool opens_name_word(const DocView& d, size_t first, size_t j) {
  if (j == first || !is_transparent_token(d.tokens(), j - 1)) return true;
  return j >= 2 && j - 2 > first && is_lowercase_token(d, j - 2) && d.lex(j - 2, kNameParticle);
}

// Whether a hyphen at token j and a lowercase word after it continue the name word
// before it as its second syllable ("Doo-hwan", "Tae-woo", "Jae-in"): 2 to 6 ASCII
// letters, no common word unless of 3 letters at most, none of kHyphenSuffixWords
// ("Smith-led", "Obama-era").
bool lowercase_syllable_after_hyphen(const DocView& d, size_t j) {
  const auto& toks = d.tokens();
  if (j + 1 >= toks.size() || !is_transparent_token(toks, j)) return false;
  const Token& w = toks[j + 1];
  const std::string_view low = d.folded[j + 1];
  if (w.kind != TokenKind::kWord || w.capitalized || low.size() < 2 || low.size() > 6) return false;
  for (const char ch : low)
    if (ch < 'a' || ch > 'z') return false;
  return (low.size() <= 3 || !d.lex(j + 1, kCommonWord)) && !in_list(kHyphenSuffixWords, low);
}

// Token i is two initials written together, each with its period: "M.K." (the tokenizer
// keeps such a run one token). (Three are more often a company's: "F.A.O. Schwarz".)
bool is_dotted_initials(const DocView& d, size_t i) {
  const std::string_view t = d.token_text(i);
  return t.size() == 4 && t[0] >= 'A' && t[0] <= 'Z' && t[1] == '.' && t[2] >= 'A' &&
         t[2] <= 'Z' && t[3] == '.';
}

bool is_quote(const DocView& d, size_t i);

// Whether token j is a capitalised word joined without spaces by a hyphen to the name word
// before the hyphen before it and by another to a name word after it ("By" of
// "Bilie-By-Nze").
bool capital_between_hyphens(const DocView& d, size_t j) {
  const auto& toks = d.tokens();
  if (j < 2 || j + 2 >= toks.size()) return false;
  const Token &before = toks[j - 1], &word = toks[j], &after = toks[j + 1], &next = toks[j + 2];
  return word.kind == TokenKind::kWord && word.capitalized && before.kind == TokenKind::kHyphen &&
         after.kind == TokenKind::kHyphen && before.start == toks[j - 2].end &&
         before.end == word.start && after.start == word.end && after.end == next.start &&
         is_name_word(d, j - 2) && is_name_word(d, j + 2);
}

// The longest person-name-like run starting at token `i`: name words,
// initials and inner particles, up to four name words (hyphenated words count
// once), and a nickname between quotes before a name word ("William Mailes
// "Cowboy" Cowley", which counts no name word), inside one sentence.
NameRun person_name_run(const DocView& d, size_t i) {
  const auto& toks = d.tokens();
  NameRun run{i, i, 0};
  size_t j = i;
  while (j < toks.size() && j - i < kMaxNameTokens && d.same_sentence(i, j) &&
         run.name_words < 4) {
    if (j > i && is_transparent_token(toks, j)) {
      ++j;
      continue;
    }
    if (is_initial(d, j) && j + 2 < toks.size() && is_name_word(d, j + 2)) {
      j += 2;
      continue;
    }
    // ("M.K. Stalin" after a title: the initials written together open the name)
    if (j == i && toks[j].all_upper && is_dotted_initials(d, j) && j + 1 < toks.size() &&
        is_name_word(d, j + 1)) {
      ++j;
      continue;
    }
    if (is_name_word(d, j) && !toks[j].all_upper) {
      if (opens_name_word(d, i, j)) ++run.name_words;
      ++j;
      if (lowercase_syllable_after_hyphen(d, j)) j += 2;  // "Chun Doo-hwan"
      run.end = j;
      continue;
    }
    // A capitalised word joined by hyphens to name words on both sides belongs to them,
    // whatever it is ("Alain-Claude Bilie-By-Nze")
    if (j > i && run.end == j - 1 && capital_between_hyphens(d, j)) {
      j += 3;
      run.end = j;
      continue;
    }
    if (j > i && is_lowercase_token(d, j) && d.lex(j, kNameParticle) &&
        j + 1 < toks.size()) {
      ++j;
      continue;
    }
    if (run.name_words >= 1 && is_quote(d, j)) {
      size_t k = j + 1;
      while (k < toks.size() && k - j <= 3 && is_name_word(d, k)) ++k;
      if (k > j + 1 && k + 1 < toks.size() && is_quote(d, k) && is_name_word(d, k + 1) &&
          !toks[k + 1].all_upper && d.same_sentence(i, k + 1)) {
        j = k + 1;
        continue;
      }
    }
    break;
  }
  // A generation after a full name (kGenerations): "Glenn A. Profitt II"; the
  // period of "Jr." ("Jr" itself is a name word).
  if (run.name_words >= 2 && run.end < toks.size() && d.same_sentence(i, run.end)) {
    const Token& next = toks[run.end];
    if (next.all_upper && next.kind == TokenKind::kWord && in_list(kGenerations, d.folded[run.end])) {
      ++run.end;  // "II", "III", "IV"
    } else if (next.kind == TokenKind::kPunct && next.start == toks[run.end - 1].end &&
               d.folded[run.end] == ".") {
      const std::string_view last = d.folded[run.end - 1];
      if (last == "jr" || last == "sr") ++run.end;
    }
  }
  return run;
}

// A candidate over tokens [first, end) named by its own text. `label` and
// `source` must outlive resolve() (literals, the Knowledge).
Candidate make_candidate(const DocView& d, size_t first, size_t end, int priority,
                         std::string_view label, std::string_view source) {
  Candidate c;
  c.first_token = static_cast<uint32_t>(first);
  c.end_token = static_cast<uint32_t>(end);
  c.priority = priority;
  c.start = d.tokens()[first].start;
  c.end = d.tokens()[end - 1].end;
  c.label = label;
  c.name = d.text.substr(c.start, c.end - c.start);
  // c.id stays empty: resolve() gives the default id (default_entity_id) to the
  // candidates it keeps, which spares slugifying the many that lose.
  c.mention = "name";
  c.source = source;
  return c;
}

// make_candidate() for a name its context found (Candidate::named_by_context).
Candidate context_candidate(const DocView& d, size_t first, size_t end, int priority,
                            std::string_view label, std::string_view source) {
  Candidate c = make_candidate(d, first, end, priority, label, source);
  c.named_by_context = true;
  return c;
}

// Token i follows a lowercase "the": a thing, not a person.
inline bool after_the(const DocView& d, size_t i) {
  return i > 0 && d.folded[i - 1] == "the" && !d.tokens()[i - 1].capitalized &&
         d.same_sentence(i - 1, i);
}

// A capitalised word just before `first` (not the sentence's first word, which
// any sentence capitalises: "The Vancouver Canucks") or at `end` in the same
// sentence: the phrase sits in a title-cased line ("Northeast Mali Attacks").
bool title_case_context(const DocView& d, size_t first, size_t end) {
  const auto& toks = d.tokens();
  auto cap_word = [&](size_t j) {
    return toks[j].kind == TokenKind::kWord && toks[j].capitalized && d.same_sentence(first, j);
  };
  return (first > 0 && cap_word(first - 1) && !d.sentence_initial(first - 1)) ||
         (end < toks.size() && cap_word(end));
}

// Whether token i stands in a line set in title case, a headline's: from the line's
// first token (one after a line break, or the text's first) to the last before the
// next line break, every word of four letters or more is capitalised, and the line
// ends at no period. Lines longer than kHeadlineTokens either side of i are none
// (a headline is short; the bound keeps the scan constant).
bool in_title_cased_line(const DocView& d, size_t i) {
  constexpr size_t kHeadlineTokens = 24;
  const auto& toks = d.tokens();
  auto lowercase_long_word = [&](size_t k) {
    return toks[k].kind == TokenKind::kWord && !toks[k].capitalized && !toks[k].all_upper &&
           toks[k].end - toks[k].start >= 4;
  };
  size_t first = i;
  while (!toks[first].newline_before && first > 0) {
    if (i - first >= kHeadlineTokens || lowercase_long_word(first)) return false;
    --first;
  }
  if (lowercase_long_word(first)) return false;
  size_t last = i;
  while (last + 1 < toks.size() && !toks[last + 1].newline_before) {
    if (last - i >= kHeadlineTokens || lowercase_long_word(last + 1)) return false;
    ++last;
  }
  return d.token_text(last) != ".";
}

// Whether the name run [first, end) holds common words only, none a given name
// ("Remembered", "Wants Talks"; "Price" too, a surname the common words hold).
bool common_words_only(const DocView& d, size_t first, size_t end) {
  for (size_t k = first; k < end; ++k)
    if (d.tokens()[k].kind == TokenKind::kWord &&
        (!d.lex(k, kCommonWord) || d.lex(k, kFirstName)))
      return false;
  return true;
}

// Whether `w` (folded) is another common word, no given name, with `suffix` added:
// the word less the suffix is one, or that with "e" ("declined", "including"), or
// that less its last letter with "y" ("replied", "countries", "happily").
bool common_word_plus(const Lexicons& lex, std::string_view w, std::string_view suffix) {
  if (w.size() <= suffix.size() + 2 || w.substr(w.size() - suffix.size()) != suffix) return false;
  const std::string_view stem = w.substr(0, w.size() - suffix.size());
  auto common = [&](std::string_view word, std::string_view added) {
    const LexiconFlags f = lex.flags_of(std::string(word) + std::string(added));
    return (f & kCommonWord) && !(f & kFirstName);
  };
  return common(stem, "") || common(stem, "e") || common(stem.substr(0, stem.size() - 1), "y");
}

// Whether token k reads as a verb or a plural noun in a headline: a common word, no
// given name, that is another common word with "s", "es", "ed" or "ly" added ("Vows",
// "Condemns", "Bombings", "Countries", "Declined", "Sharply"; not "Rally").
bool headline_verb_or_plural(const Lexicons& lex, const DocView& d, size_t k) {
  if (!d.lex(k, kCommonWord) || d.lex(k, kFirstName)) return false;
  const std::string_view w = d.folded[k];
  return common_word_plus(lex, w, "s") || common_word_plus(lex, w, "es") ||
         common_word_plus(lex, w, "ed") || common_word_plus(lex, w, "ly");
}

// A name run in a title-cased headline ends before its first verb or plural noun
// after its first word ("Clinton Vows to ...", "Iran Condemns Bombings", "London
// Shares Decline"); its name words are recounted.
void cut_at_headline_verb(const Lexicons& lex, const DocView& d, NameRun& run) {
  for (size_t k = run.first + 1; k < run.end; ++k) {
    if (!headline_verb_or_plural(lex, d, k)) continue;
    if (!in_title_cased_line(d, run.first)) return;
    run.end = k;
    while (run.end > run.first && !is_name_word(d, run.end - 1)) --run.end;
    run.name_words = 0;
    for (size_t j = run.first; j < run.end; ++j)
      if (is_name_word(d, j) && !d.tokens()[j].all_upper && opens_name_word(d, run.first, j))
        ++run.name_words;
    return;
  }
}

// Token i follows an honorific ("Mr.", "Mrs", "Dr.") in its sentence.
bool after_honorific(const DocView& d, size_t i) {
  if (i == 0) return false;
  size_t j = i - 1;
  if (d.folded[j] == "." && j > 0) --j;
  if (!d.tokens()[j].capitalized || !d.same_sentence(j, i)) return false;
  return in_list(kHonorifics, d.folded[j]);
}

bool is_head(LexiconFlag heads, const DocView& d, size_t i) {
  const Token& t = d.tokens()[i];
  return t.kind == TokenKind::kWord && t.capitalized && d.lex(i, heads);
}

// Token i is a quotation mark: '"', or a curly double quote.
bool is_quote(const DocView& d, size_t i) {
  const std::string_view t = d.token_text(i);
  return t == "\"" || t == "\u201C" || t == "\u201D";
}

// Tokens from j on, in the sentence of the token before it, are one to three
// capitalised words that end in a thing's head word (kThingHeads): "Cup" of "the
// Stanley Cup", "Liberation War" of "the Bangladesh Liberation War".
bool before_thing_head(const DocView& d, size_t j) {
  const auto& toks = d.tokens();
  if (j == 0) return false;
  for (size_t k = j; k < toks.size() && k < j + 3 && d.same_sentence(j - 1, k); ++k) {
    if (!toks[k].capitalized || toks[k].kind != TokenKind::kWord) return false;
    if (d.lex(k, kThingHead)) return true;
  }
  return false;
}

// Whether capitalised words [first, end), shaped like a person's name, name
// something else: they end in an organisation's, a place's or a thing's head word
// ("Victoria Dock", "the Pan American Games"), or fill a quotation (a song's or a
// book's title: "Baby Turpentine" between quotes).
bool names_no_person(const DocView& d, size_t first, size_t end) {
  const size_t last = end - 1;
  if (is_head(kOrgHead, d, last) || is_head(kLocationHead, d, last) || d.lex(last, kThingHead))
    return true;
  return first > 0 && end < d.tokens().size() && is_quote(d, first - 1) && is_quote(d, end);
}

// The spans of the gazetteer's places and countries (not demonyms) among a
// document's candidates, gathered (and sorted) on the first question: most
// documents never ask.
class GazetteerPlaces {
 public:
  explicit GazetteerPlaces(const std::vector<Candidate>& candidates) : candidates_(candidates) {}
  // One of them starts at `token`.
  bool start_at(size_t token) { return contains(gathered().starts, token); }
  // One of them ends at `token` (its last token).
  bool ends_at(size_t token) { return contains(gathered().lasts, token); }
  // A place's or a country's demonym the gazetteer found ends at `token`.
  bool demonym_ends_at(size_t token) { return contains(gathered().demonym_lasts, token); }

 private:
  struct Tokens {
    std::vector<uint32_t> starts, lasts, demonym_lasts;
  };
  static bool contains(const std::vector<uint32_t>& sorted, size_t token) {
    return std::binary_search(sorted.begin(), sorted.end(), static_cast<uint32_t>(token));
  }
  const Tokens& gathered() {
    if (!gathered_) {
      for (const Candidate& c : candidates_) {
        if (c.source != "gazetteer" || (c.label != "LOCATION" && c.label != "COUNTRY")) continue;
        if (c.mention == "demonym") {
          tokens_.demonym_lasts.push_back(c.end_token - 1);
          continue;
        }
        tokens_.starts.push_back(c.first_token);
        tokens_.lasts.push_back(c.end_token - 1);
      }
      std::sort(tokens_.starts.begin(), tokens_.starts.end());
      std::sort(tokens_.lasts.begin(), tokens_.lasts.end());
      std::sort(tokens_.demonym_lasts.begin(), tokens_.demonym_lasts.end());
      gathered_ = true;
    }
    return tokens_;
  }
  const std::vector<Candidate>& candidates_;
  Tokens tokens_;
  bool gathered_ = false;
};

// Whether the capitalised words [first, end) are a given name and a place or
// organisation head that is also a surname (kSurnameHeads: "Carla Hills", "Robert
// Hill", "Jessica Hall"), where the
// text does not speak of a place: after no longer name ("Cal Anderson Park"; a
// title's word may stand there: "Trade Representative Carla Hills"), no number
// ("340 Harlan Street") and no place preposition ("in Harlan Hill"), before no
// ", <a place or country of the gazetteer>" ("Harlan Park, Ohio"). Such words are a
// person's name, not a place's.
bool given_name_and_surname_head(const DocView& d, size_t first, size_t end,
                                 GazetteerPlaces& places) {
  const auto& toks = d.tokens();
  if (end != first + 2 || !d.lex(first + 1, kSurnameHead) || !d.lex(first, kFirstName) ||
      !is_name_word(d, first) || toks[first].all_upper || !toks[first + 1].capitalized ||
      !d.same_sentence(first, first + 1))
    return false;
  if (first > 0 && d.same_sentence(first - 1, first)) {
    const size_t p = first - 1;
    if ((is_name_word(d, p) && d.title_ids[p] == Gazetteer::kNoToken) ||
        toks[p].kind == TokenKind::kNumber || after_place_preposition(d, first))
      return false;
  }
  return !(end + 1 < toks.size() && d.folded[end] == "," && d.same_sentence(first, end + 1) &&
           places.start_at(end + 1));
}

// Extends a proper-name span to the right over "of/for/on [the] Capitalised
// ..." ("Ministry of Foreign Affairs", "Alliance of Sahel States"). After "for
// the" and one word, an action noun, an "of" complement is the name's too
// ("Movement for the Salvation of Azawad", "Committee for the Protection of
// Journalists"); after "for" and more words it is not ("Ministry for Foreign
// Affairs of Mali"). `only_of`: that second complement, which joins no second
// name with "and" ("... of War and ProAssurance").
size_t extend_with_complement(const DocView& d, size_t end, bool only_of = false) {
  const auto& toks = d.tokens();
  size_t j = end;
  if (j >= toks.size() || !is_lowercase_token(d, j)) return end;
  std::string_view w = d.folded[j];
  if (w != "of" && (only_of || (w != "for" && w != "on" && w != "against"))) return end;
  ++j;
  const bool the = j < toks.size() && d.folded[j] == "the" && is_lowercase_token(d, j);
  if (the) ++j;
  const size_t words = j;  // the complement's first word
  size_t best = end;
  while (j < toks.size() && j - end < kMaxNameTokens && d.same_sentence(end, j)) {
    if (is_transparent_token(toks, j)) {
      ++j;
      continue;
    }
    // (not past its first word into a person's name: "Hall of Famer Harlan Voss")
    if (j > words && d.lex(j, kFirstName) && j + 1 < toks.size() && is_name_word(d, j + 1) &&
        d.same_sentence(j, j + 1))
      break;
    if ((is_name_word(d, j) || (toks[j].all_upper && toks[j].kind == TokenKind::kWord))) {
      ++j;
      best = j;
      continue;
    }
    if (!only_of && best > end && (d.folded[j] == "and" || d.folded[j] == "&") &&
        j + 1 < toks.size() && is_name_word(d, j + 1)) {
      ++j;
      continue;
    }
    break;
  }
  // A complement that stops inside a name ("for the St. Louis Eagles") is none.
  if (best > end && best + 1 < toks.size() && d.folded[best] == "." &&
      toks[best].start == toks[best - 1].end && is_name_word(d, best + 1) &&
      d.same_sentence(best, best + 1))
    return end;
  if (w == "for" && the && best == words + 1) return extend_with_complement(d, best, true);
  // After "of" and one or two words, a "for" complement is the name's too ("Movement of
  // Society for Peace", "Union of Forces for Change").
  if (w == "of" && !only_of && !the && best > end && best - words <= 2 && best < toks.size() &&
      d.folded[best] == "for")
    return extend_with_complement(d, best, false);
  return best;
}

// Whether token i reads as a verb or an adverb: a common word, no given name, no
// organisation head ("United", "Allied" head names) and no word of the gazetteer's
// names ("Reading", "Beijing"), that is another common word with "ed", "ing" or "ly"
// added ("Attended", "Replied", "Including", "Recently"; not "Rally", "Sterling").
bool opens_sentence_as_verb(const Lexicons& lex, const DocView& d, size_t i) {
  if (!d.lex(i, kCommonWord) || (d.lexicon_flags[i] & (kFirstName | kOrgHead | kClosingOrgHead)) ||
      d.tokens()[i].all_upper || d.gazetteer_ids[i] != Gazetteer::kNoToken)
    return false;
  const std::string_view w = d.folded[i];
  return common_word_plus(lex, w, "ed") || common_word_plus(lex, w, "ing") ||
         common_word_plus(lex, w, "ly");
}

// Token i is an ampersand between two name words of one sentence: "Harlan & Voss".
bool joins_names_with_ampersand(const DocView& d, size_t i) {
  return i > 0 && i + 1 < d.tokens().size() && d.token_text(i) == "&" &&
         d.same_sentence(i - 1, i + 1) && is_name_word(d, i - 1) && is_name_word(d, i + 1);
}

// The end of an organisation's name that ends at `end`, extended over "& <one or
// two name words>" after its head ("Kidal Savings & Loan", "Gao Community &
// Technical College"). Longer, the words are another name ("Rugby League & West
// Coast Eagles AFL").
size_t extend_over_ampersand(const DocView& d, size_t end) {
  if (!joins_names_with_ampersand(d, end)) return end;
  size_t j = end + 1;
  while (j < d.tokens().size() && j - end <= 3 && d.same_sentence(end, j) && is_name_word(d, j))
    ++j;
  return j - end <= 3 ? j : end;
}

// Token i is a common word of five letters or more ending as agent nouns do (-er,
// -or, -ist, -ian): a trade or a role ("Engineer", "Farmer", "Historian"), not a
// name's word, when it stands before one; or a word of no lexicon ending in -er after a
// lowercase word or none: where someone is from or what someone is ("Kessalander Ana
// Diallo", "Hall of Famer Joe Park"), no given name.
bool is_agent_noun(const DocView& d, size_t i) {
  const std::string_view w = d.folded[i];
  auto ends = [&](std::string_view s) {
    return w.size() >= 5 && w.compare(w.size() - s.size(), s.size(), s) == 0;
  };
  if (d.lex(i, kCommonWord)) return ends("er") || ends("or") || ends("ist") || ends("ian");
  return ends("er") && !d.lex(i, kFirstName) && (i == 0 || !is_name_word(d, i - 1));
}

// A number written as an ordinal: "1st", "22nd", "3rd", "101st", "65th", "93d".
bool is_numeric_ordinal(const DocView& d, size_t i) {
  if (d.tokens()[i].kind != TokenKind::kWord) return false;
  const std::string_view w = d.folded[i];
  size_t digits = 0;
  while (digits < w.size() && w[digits] >= '0' && w[digits] <= '9') ++digits;
  const std::string_view suffix = w.substr(digits);
  return digits > 0 &&
         (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th" || suffix == "d");
}

// The words (folded) that, capitalised before a place's name, name a part of it:
// "Northern California", "South Florida", "Greater London", "Lower Manhattan".
inline constexpr std::array<std::string_view, 20> kCompassWords = {
    "north",        "south",        "east",         "west",         "northern",
    "southern",     "eastern",      "western",      "northeast",    "northwest",
    "southeast",    "southwest",    "northeastern", "northwestern", "southeastern",
    "southwestern", "central",      "upper",        "lower",        "greater"};

// Token i is a capitalised compass word ("Northern", "Greater") of kCompassWords.
bool is_compass_word(const DocView& d, size_t i) {
  return d.tokens()[i].capitalized && d.tokens()[i].kind == TokenKind::kWord &&
         in_list(kCompassWords, d.folded[i]);
}

// Tokens [region, region_end) follow a comma and a token before it in their
// sentence, and no possessive follows them: "Debden, England", not "Kone, Mali's".
bool after_comma_no_possessive(const DocView& d, size_t region, size_t region_end) {
  const auto& toks = d.tokens();
  if (region < 2 || d.token_text(region - 1) != "," || !d.same_sentence(region - 2, region))
    return false;
  return region_end >= toks.size() || toks[region_end].kind != TokenKind::kPossessive;
}

// The tokens [first, end) of a town's name before ", <region>" (the region's
// match: tokens [region, region_end)); first == end if none stands there. The
// name is one to three capitalised words, none all in capitals, after no other
// such word; a sentence's first word that is a common word is not part of it
// ("Meanwhile Kidal, Mali"); one word alone is no common word and no first name
// ("Monday, France", "Sandy, Utah"); a list's item is none ("Togo, Acme, France"), nor
// a name after a word of a person's title. A possessive region names no town's ("Kone,
// Mali's envoy").
std::pair<size_t, size_t> town_before_region(const DocView& d, size_t region,
                                             size_t region_end) {
  const auto& toks = d.tokens();
  const std::pair<size_t, size_t> none{0, 0};
  if (!after_comma_no_possessive(d, region, region_end)) return none;
  const size_t end = region - 1;
  size_t first = end;
  while (first > 0 && end - first < 3 && d.same_sentence(first - 1, region) &&
         is_name_word(d, first - 1) && !toks[first - 1].all_upper)
    --first;
  if (first == end || (first > 0 && d.same_sentence(first - 1, region) && is_name_word(d, first - 1)))
    return none;
  while (first < end && d.sentence_initial(first) && d.lex(first, kCommonWord)) ++first;
  if (first == end || (end - first == 1 && (d.lex(first, kCommonWord) || d.lex(first, kFirstName))))
    return none;
  // In a list ("ECOWAS, France and Acme, Germany") the name is the list's item; after a
  // word of a person's title ("Somaliland leader Muse Bihi Abdi, Ethiopia said") it is a
  // person's.
  if (first > 0 && d.same_sentence(first - 1, first)) {
    const std::string_view before = d.folded[first - 1];
    // (A word of four letters or more: "of", "the", "in", "St." are words of titles too.)
    if (before == "," || before == "and" || before == "or" || before == "&" ||
        (d.title_ids[first - 1] != Gazetteer::kNoToken && before.size() >= 4 &&
         d.tokens()[first - 1].kind == TokenKind::kWord))
      return none;
  }
  return {first, end};
}

// The plurals written with "'s" (a regular plural's possessive is a bare apostrophe):
// "People's", "Women's" inside an organisation's name.
inline constexpr std::array<std::string_view, 4> kPluralsWithApostropheS = {
    "people", "women", "children", "men"};

// The lowercase nouns of places that "of" and a name follow: "the town of Sake".
inline constexpr std::array<std::string_view, 17> kPlaceNouns = {
    "town",   "city",       "village",    "district",   "province", "region",
    "commune", "locality",  "municipality", "settlement", "hamlet", "county",
    "prefecture", "state",  "island",     "port",       "suburb"};

// Token i is a lowercase place noun of kPlaceNouns.
bool is_place_noun(const DocView& d, size_t i) {
  return is_lowercase_token(d, i) && d.tokens()[i].kind == TokenKind::kWord &&
         in_list(kPlaceNouns, d.folded[i]);
}

// The name run `run` ending before token `end` (run.first < end <= run.end).
NameRun cut_name_run(const DocView& d, NameRun run, size_t end) {
  const auto& toks = d.tokens();
  run.name_words = 0;
  size_t last_word = run.first;
  for (size_t j = run.first; j < end; ++j) {
    if (!is_name_word(d, j) || toks[j].all_upper) continue;
    if (opens_name_word(d, run.first, j)) ++run.name_words;
    last_word = j;
  }
  run.end = last_word + 1;
  if (run.end + 2 <= end && lowercase_syllable_after_hyphen(d, run.end)) run.end += 2;
  return run;
}

// Token i follows a lowercase place noun and "of" in its sentence: "the town of Sake".
// (The length of "of" first: most tokens before a capital are no "of".)
__attribute__((always_inline)) inline bool after_place_noun_of(const DocView& d, size_t i) {
  if (i < 2) return false;
  const Token& before = d.tokens()[i - 1];
  return before.end - before.start == 2 && d.folded[i - 1] == "of" && is_place_noun(d, i - 2) &&
         d.same_sentence(i - 2, i);
}

// Where a place's name at token `region` is said to be the place a town lies in or
// by, after a comma: the first token of "in [northwestern]", "near", "north of" or "in
// the [northeastern] state of" before it (lowercase), or `region` if none stands there.
size_t where_a_town_lies(const DocView& d, size_t region) {
  auto lowercase_compass = [&](size_t i) {
    return is_lowercase_token(d, i) && in_list(kCompassWords, d.folded[i]);
  };
  // ", in the northeastern state of Borno": "in the", perhaps a compass word, a place noun
  // and "of" between the comma and the place ("of" first: most places have none before).
  if (region >= 5 && after_place_noun_of(d, region)) {
    size_t at = region - 2;
    if (lowercase_compass(at - 1)) --at;
    if (at >= 3 && d.folded[at - 1] == "the" && d.folded[at - 2] == "in" &&
        is_lowercase_token(d, at - 2) && d.folded[at - 3] == ",")
      return at - 2;
  }
  // The comma first, two or three tokens before: most places have none there.
  if (!(region >= 2 && d.folded[region - 2] == ",") &&
      !(region >= 3 && d.folded[region - 3] == ","))
    return region;
  size_t at = region;
  if (at >= 2 && d.folded[at - 1] == "of" && lowercase_compass(at - 2)) return at - 2;
  if (at >= 1 && lowercase_compass(at - 1)) --at;
  if (at >= 1 && is_lowercase_token(d, at - 1) &&
      (d.folded[at - 1] == "in" || (at == region && d.folded[at - 1] == "near")))
    return at - 1;
  return region;
}

// Before ", <region>" (the region's match: tokens [region, region_end)), a span
// the gazetteer names both as a place and as an organisation ("Phoenix",
// "Marseille") is the place: its ORG candidates are dropped from `out` (an
// organisation's longer name, "Bank of Mali, Mali", stays). A possessive region
// keeps them ("Toyota, Japan's carmaker"). The candidates ending at the comma are
// the gazetteer's last but the region's own, in `out`.
void prefer_place_before_region(const DocView& d, size_t region, size_t region_end,
                                std::vector<Candidate>& out) {
  if (!after_comma_no_possessive(d, region, region_end)) return;
  const size_t comma = region - 1;
  size_t end = out.size();
  while (end > 0 && out[end - 1].end_token > comma) --end;
  size_t begin = end;
  while (begin > 0 && out[begin - 1].end_token == comma) --begin;
  auto from_gazetteer = [](const Candidate& c) { return c.source == "gazetteer"; };
  auto is_place = [](const Candidate& c) { return c.label == "LOCATION" || c.label == "COUNTRY"; };
  auto place_at = [&](uint32_t first_token) {
    for (size_t j = begin; j < end; ++j)
      if (out[j].first_token == first_token && from_gazetteer(out[j]) && is_place(out[j]))
        return true;
    return false;
  };
  for (size_t j = end; j-- > begin;) {  // a few candidates
    if (from_gazetteer(out[j]) && out[j].label == "ORG" && place_at(out[j].first_token)) {
      out.erase(out.begin() + static_cast<std::ptrdiff_t>(j));
      --end;
    }
  }
}

// The end of a legal form at token j (kLegalForms, capitalised, with the period
// written after it: "Corp.", "Inc.", "AG"), or j if none stands there. Not before a
// hyphen ("Co-founder").
size_t legal_form_end(const DocView& d, size_t j) {
  const auto& toks = d.tokens();
  if (j == 0 || j >= toks.size() || !d.same_sentence(j - 1, j)) return j;
  const Token& t = toks[j];
  if (t.kind != TokenKind::kWord || !(t.capitalized || t.all_upper)) return j;
  if (!d.lex(j, kLegalForm)) return j;
  size_t end = j + 1;
  if (end < toks.size() && toks[end].kind == TokenKind::kHyphen) return j;
  if (end < toks.size() && d.folded[end] == "." && toks[end].start == t.end) ++end;
  return end;
}

// Lowercase words that go on after a place noun describing a name ("a village in
// western Niger", "a town north of Gao").
inline constexpr std::array<std::string_view, 20> kAfterPlaceNoun = {
    "in",   "near",  "of",   "on",        "outside",   "about",     "around",    "close", "just",
    "some", "north", "south", "east",     "west",      "northeast", "northwest", "southeast",
    "southwest", "along", "at"};

// Whether the tokens from j on describe what stands before them as a place: ", a"
// or "is a" / "was a" ("an"), up to two lowercase words or numbers ("a small", "a
// remote desert"), a place noun (kPlaceNouns), then the sentence's end, a comma, a
// number or a word of kAfterPlaceNoun ("Tougana, a village in western Niger"; not
// "a town councillor").
bool describes_a_place(const DocView& d, size_t j) {
  const auto& toks = d.tokens();
  const size_t n = toks.size();
  auto lowercase = [&](size_t i) { return i < n && d.same_sentence(j - 1, i) && is_lowercase_token(d, i); };
  size_t k = j;
  if (k < n && d.folded[k] == "," && d.same_sentence(j - 1, k)) {
    ++k;
  } else if (lowercase(k) && (d.folded[k] == "is" || d.folded[k] == "was")) {
    ++k;
  } else {
    return false;
  }
  if (!lowercase(k) || (d.folded[k] != "a" && d.folded[k] != "an")) return false;
  ++k;
  for (size_t words = 0; !is_place_noun(d, k); ++words, ++k)
    if (words == 2 || !lowercase(k) || !(toks[k].kind == TokenKind::kWord ||
                                         toks[k].kind == TokenKind::kNumber))
      return false;
  if (!d.same_sentence(j - 1, k)) return false;
  const size_t after = k + 1;
  if (after >= n || !d.same_sentence(k, after) || toks[after].kind == TokenKind::kNumber) return true;
  const std::string_view w = d.folded[after];
  return w == "," || w == "." || w == ";" ||
         (is_lowercase_token(d, after) && in_list(kAfterPlaceNoun, w));
}

// Some token of [first, end) starts with a capital or holds one ("al-Qaeda").
bool any_capitalized(const DocView& d, size_t first, size_t end) {
  const auto& toks = d.tokens();
  for (size_t i = first; i < end; ++i) {
    if (toks[i].capitalized || toks[i].all_upper) return true;
    for (unsigned char c : d.token_text(i))
      if (c >= 'A' && c <= 'Z') return true;
  }
  return false;
}

// After a place name, one or two capitalised words the last of which is a
// plural ("Canucks", "Blue Jays"), not a place head: the end of a team name.
size_t team_name_end(const DocView& d, size_t j) {
  const auto& toks = d.tokens();
  if (j == 0) return j;
  size_t end = j;
  for (size_t n = 0; n < 2 && end < toks.size() && d.same_sentence(j - 1, end); ++n) {
    if (!is_name_word(d, end) || toks[end].all_upper) break;
    ++end;
  }
  while (end > j) {
    std::string_view w = d.folded[end - 1];
    if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's' &&
        !(d.lexicon_flags[end - 1] & (kLocationHead | kOrgHead)))
      return end;
    --end;
  }
  return j;
}

// The text around token i is set in capitals (a headline), so a capitalised
// token says nothing.
bool in_caps_run(const DocView& d, size_t i) {
  const auto& toks = d.tokens();
  auto upper_word = [&](size_t j) {
    return toks[j].kind == TokenKind::kWord && toks[j].all_upper && d.same_sentence(i, j);
  };
  return (i > 0 && upper_word(i - 1)) || (i + 1 < toks.size() && upper_word(i + 1));
}

// Token i is a wire service's code: between brackets right after a word in capitals
// of its sentence ("ACQUISITIONS (TNM)"), a field's value written against its name
// in capitals and a colon ("REG:MEST"), or a part of a story's slug, three or more
// words in capitals or numbers joined by hyphens ("BC-CUBA-ELIAN-0404-COX"; two
// acronyms so joined stay: "FLNA-MNLA").
bool wire_code(const DocView& d, size_t i) {
  const auto& toks = d.tokens();
  auto slug_part = [&](size_t j) {
    return toks[j].kind == TokenKind::kNumber ||
           (toks[j].kind == TokenKind::kWord && toks[j].all_upper);
  };
  size_t parts = 1;  // counted up to 3 on either side: a constant walk
  for (size_t j = i; parts < 3 && j >= 2 && is_transparent_token(toks, j - 1) && slug_part(j - 2);
       j -= 2)
    ++parts;
  for (size_t j = i; parts < 3 && j + 2 < toks.size() && is_transparent_token(toks, j + 1) &&
                     slug_part(j + 2);
       j += 2)
    ++parts;
  if (parts >= 3) return true;
  if (i < 2 || !d.same_sentence(i - 2, i) || !toks[i - 2].all_upper) return false;
  if (d.token_text(i - 1) == ":")
    return toks[i - 1].start == toks[i - 2].end && toks[i].start == toks[i - 1].end;
  return i + 1 < toks.size() && d.token_text(i - 1) == "(" && d.token_text(i + 1) == ")" &&
         toks[i - 2].kind == TokenKind::kWord;
}

// A place's name [first, end) (a gazetteer match) opening a club's or a team's:
// "<Town> City" ("Leicester City"; the bundled organisation heads hold no "City":
// after another name it ends a city's own name, "Sioux City") and "<Place>
// <Plural>" ("Vancouver Canucks", "Perth Eagles"), though not before a headline's
// verb ("Iran Condemns Bombings"), and "<Place> <club suffix>" ("Montreal HC").
void team_candidates(const Lexicons& lex, const DocView& d, const SurfaceValue& sv, size_t first,
                     size_t end, std::vector<Candidate>& out) {
  if (sv.names_town && end < d.tokens().size() && d.folded[end] == "city" &&
      d.tokens()[end].capitalized && d.same_sentence(first, end)) {
    out.push_back(make_candidate(d, first, end + 1, kPriorityOrg, "ORG", "org"));
  }
  if (sv.may_name_team && end < d.tokens().size() && d.tokens()[end].all_upper &&
      in_list(kClubSuffixes, d.folded[end]) && d.same_sentence(first, end) &&
      !in_caps_run(d, end)) {
    out.push_back(make_candidate(d, first, end + 1, kPriorityOrg, "ORG", "org"));
    return;
  }
  if (sv.may_name_team) {
    const size_t team_end = team_name_end(d, end);
    if (team_end == end || title_case_context(d, first, team_end)) return;
    for (size_t k = end; k + 1 < team_end; ++k)
      if (headline_verb_or_plural(lex, d, k) && in_title_cased_line(d, first)) return;
    out.push_back(make_candidate(d, first, team_end, kPriorityOrg, "ORG", "org"));
  }
}

}  // namespace

void add_recognizer_words(Lexicons& lexicons) {
  // A token's folded text is one of these words exactly when its lexicon flags,
  // looked up by that text (Extractor::extract), hold the word's flag.
  for (std::string_view w : kNameParticles) lexicons.add(w, kNameParticle);
  for (std::string_view w : kNotOrgAcronyms) lexicons.add(w, kNotOrgAcronym);
  for (std::string_view w : kClosingOrgHeads) lexicons.add(w, kClosingOrgHead);
  for (std::string_view w : kThingHeads) lexicons.add(w, kThingHead);
  for (std::string_view w : kSurnameHeads) lexicons.add(w, kSurnameHead);
  for (std::string_view w : kCreedWords) lexicons.add(w, kCreedWord);
  for (std::string_view w : kOrgTypeNouns) lexicons.add(w, kOrgTypeNoun);
  for (std::string_view w : kLegalForms) {
    lexicons.add(w, kLegalForm);
    lexicons.add(std::string(w) + ".", kLegalForm);  // "corp." when the period is the token's
  }
}

namespace {

// Whether matches[at] (one of the gazetteer's matches, in token order) names a
// region or a country, the whole name before the next capitalised word of its
// sentence ("Texas", not the "Texas" of "Texas Eastern").
bool names_region_or_country_at(const Knowledge& k, const DocView& d,
                                const std::vector<GazetteerMatch>& matches, size_t at) {
  const GazetteerMatch& m = matches[at];
  if (!k.surface_values[m.value].names_region_or_country) return false;
  const auto& toks = d.tokens();
  return m.end_token >= toks.size() || !d.same_sentence(m.first_token, m.end_token) ||
         !(toks[m.end_token].capitalized && toks[m.end_token].kind == TokenKind::kWord);
}

// Whether token i follows a capitalised word of another name (after_name_word), not in
// capitals, that ends none of the candidates in `out` (the gazetteer's so far, by their
// first tokens: those ending there start at most kMaxNameTokens before).
bool unknown_name_word_before(const DocView& d, size_t i, const std::vector<Candidate>& out) {
  if (!after_name_word(d, i) || d.tokens()[i - 1].all_upper) return false;
  for (size_t j = out.size(); j-- > 0 && out[j].first_token + kMaxNameTokens >= i;)
    if (out[j].end_token == i) return false;
  return true;
}

// Whether token i is a dash that may open a story after its dateline (DocView::is_story_dash).
bool is_dash(const DocView& d, size_t i) { return DocView::is_story_dash(d.token_text(i)); }

// Whether the capitalised words [first, end) are the place of a wire story's dateline:
// they open the text or a line, which goes on with commas, periods, numbers and
// capitalised words ("KESSAVILLE, May 16", "Harrison, Ohio"), then an agency of one to
// three words between brackets and a dash: "KESSAVILLE, May 16 (AFP) -".
bool opens_dateline(const DocView& d, size_t first, size_t end) {
  const auto& toks = d.tokens();
  if (first != 0 && !toks[first].newline_before) return false;
  // (a comma or the bracket right after the words, by its byte: most lines go on otherwise)
  if (end >= toks.size() || (d.text[toks[end].start] != ',' && d.text[toks[end].start] != '('))
    return false;
  size_t i = end;  // the opening bracket
  for (; i < toks.size() && i < end + 8; ++i) {
    if (toks[i].newline_before) return false;
    const std::string_view w = d.token_text(i);
    if (w == "(") break;
    if (!(w == "," || w == "." || toks[i].kind == TokenKind::kNumber ||
          (toks[i].kind == TokenKind::kWord && toks[i].capitalized)))
      return false;
  }
  if (i >= toks.size() || d.token_text(i) != "(") return false;
  size_t j = i + 1;  // the closing bracket
  while (j < toks.size() && j < i + 4 && toks[j].kind == TokenKind::kWord && !toks[j].newline_before)
    ++j;
  return j > i + 1 && j + 1 < toks.size() && d.token_text(j) == ")" && is_dash(d, j + 1) &&
         !toks[j].newline_before && !toks[j + 1].newline_before;
}

// Whether matches[at], a town's name that needs_place_context, stands where the
// text speaks of a place: after a lowercase locative preposition ("in Galway", "near
// Ramla"), in a dateline (opens_dateline), before ", <region or country>" ("Vigan,
// Ilocos Sur"), or beside one in a list ("Ontario and Kenora"). Never
// before a capitalised word or a possessive in its sentence ("Davis Gym", "in
// Belgrano's camp"). A city beside it counts only in a list after a locative
// preposition ("in Douala and Garoua", up to four names back): cities are named
// like people too ("Reno and Clinton").
bool in_place_context(const Knowledge& k, const DocView& d,
                      const std::vector<GazetteerMatch>& matches, size_t at, int list_depth = 0) {
  const auto& toks = d.tokens();
  const size_t first = matches[at].first_token, end = matches[at].end_token;
  if (end < toks.size() && d.same_sentence(first, end) &&
      (toks[end].kind == TokenKind::kPossessive ||
       (toks[end].capitalized && toks[end].kind == TokenKind::kWord)))
    return false;
  if (after_place_preposition(d, first) || opens_dateline(d, first, end)) return true;
  auto joins_list = [&](size_t i) {  // token i is "and", "or" or ","
    const std::string_view w = d.folded[i];
    return w == "and" || w == "or" || w == ",";
  };
  // The region or country before: its match ends at the word before "and" / ",".
  if (at > 0 && first >= 2 && joins_list(first - 1) && d.same_sentence(first - 2, first) &&
      matches[at - 1].end_token == first - 1) {
    if (names_region_or_country_at(k, d, matches, at - 1)) return true;
    // (the list ends at its last name: not "lives in Reno and Clinton said")
    static constexpr std::array<std::string_view, 9> kAfterAList = {"on", "and", "or", "last", "this",
                                                      "earlier", "since", "during", "where"};
    const bool list_goes_on =
        end >= toks.size() || !d.same_sentence(first, end) || toks[end].kind != TokenKind::kWord ||
        in_list(kPlacePrepositions, d.folded[end]) || in_list(kAfterAList, d.folded[end]);
    const SurfaceValue& before = k.surface_values[matches[at - 1].value];
    if (before.names_town && list_depth < 4 && list_goes_on &&
        (after_place_preposition(d, matches[at - 1].first_token) ||
         (before.needs_place_context && in_place_context(k, d, matches, at - 1, list_depth + 1))))
      return true;
  }
  // The region or country after: the next match starts after "and" / ",".
  return at + 1 < matches.size() && end + 1 < toks.size() && joins_list(end) &&
         d.same_sentence(first, end + 1) && matches[at + 1].first_token == end + 1 &&
         names_region_or_country_at(k, d, matches, at + 1);
}

}  // namespace

// "Congo" after "the Democratic Republic of Congo": an ambiguous country's one-word alias
// (out[k] for each k of `aliases`) that ends the name of another country the document
// names in more words is that country, when that is the only country named in more words
// ending so (not after "the Republic of Congo" too).
void link_short_country_aliases(const DocView& d, const std::vector<size_t>& aliases,
                                std::vector<Candidate>& out) {
  // (last word, candidate) of the countries named in several words, one per id
  std::vector<std::pair<std::string_view, size_t>> longer;
  for (size_t k = 0; k < out.size(); ++k) {
    const Candidate& c = out[k];
    if (c.label != "COUNTRY" || c.end_token < c.first_token + 2) continue;
    if (std::none_of(longer.begin(), longer.end(),
                     [&](const auto& l) { return out[l.second].id == c.id; }))
      longer.push_back({d.folded[c.end_token - 1], k});
    if (longer.size() > 8) return;  // a list of countries, not a story about one
  }
  for (const size_t k : aliases) {
    const std::string_view word = d.folded[out[k].first_token];
    const Candidate* named = nullptr;
    size_t count = 0;
    for (const auto& [last, at] : longer)
      if (last == word) named = &out[at], ++count;
    if (count != 1 || named->id == out[k].id) continue;
    out[k].id = named->id;
    out[k].name = named->name;
    out[k].mention = "partial";
  }
}

// The latest candidate of `out` (the gazetteer's so far, in token order) ending just
// before token `end`, or null: those that may end there end at most 8 tokens before the
// last one's end.
const Candidate* latest_ending_at(const std::vector<Candidate>& out, size_t end) {
  for (auto c = out.rbegin(); c != out.rend() && c->end_token + 8 > end; ++c)
    if (c->end_token == end) return &*c;
  return nullptr;
}

// The country candidate of `out`, a name and no demonym, that ends just before token
// `first`, in its sentence, or null.
const Candidate* country_just_before(const DocView& d, size_t first,
                                     const std::vector<Candidate>& out) {
  if (first == 0 || !d.same_sentence(first - 1, first)) return nullptr;
  const Candidate* c = latest_ending_at(out, first);
  return c != nullptr && c->label == "COUNTRY" && c->mention != "demonym" ? c : nullptr;
}

// The id of the country whose possessive ("Nigeria's", "Nigeria’s") token `first`
// follows, a candidate of `out`; empty if none.
std::string_view possessive_country(const DocView& d, size_t first,
                                    const std::vector<Candidate>& out) {
  if (first < 2 || d.tokens()[first - 1].kind != TokenKind::kPossessive) return {};
  const Candidate* c = latest_ending_at(out, first - 1);
  return c != nullptr && c->label == "COUNTRY" ? c->id : std::string_view{};
}

// Whether what follows a country's name ending at token `end` lets an organisation's
// name and that country's name before it be a branch's name: no capitalised word (a
// longer name), no possessive, and no noun of what two parties share ("the EU Ukraine
// summit", "talks", "border", "trade" ...).
bool names_a_branch_before(const DocView& d, size_t end) {
  const auto& toks = d.tokens();
  if (end >= toks.size() || !d.same_sentence(end - 1, end)) return true;
  if (toks[end].kind == TokenKind::kPossessive || is_name_word(d, end)) return false;
  static constexpr std::string_view kSharedNouns[] = {
      "summit", "talks", "mission", "relations", "ties", "border", "war", "deal", "agreement",
      "accord", "trade", "partnership", "meeting", "conflict", "dialogue", "cooperation",
      "pact", "treaty", "visit", "match", "game", "final", "clash"};
  for (const std::string_view w : kSharedNouns)
    if (d.folded[end] == w) return false;
  return true;
}

// Names of a country's body that many countries share, as the text writes them: an
// alias so written names no country's body by itself (gazetteer_candidates()).
inline constexpr std::array<std::string_view, 9> kSharedBodyNames = {
    "Congress", "Senate", "Parliament", "National Assembly", "Supreme Court",
    "Constitutional Court", "House of Representatives", "Chamber of Deputies", "Cabinet"};

void gazetteer_candidates(const Knowledge& k, const DocView& d, std::vector<Candidate>& out) {
  const std::vector<GazetteerMatch> matches =
      k.gazetteer.find_ids(d.text, d.tokens(), d.gazetteer_ids);
  // The candidates of organisation aliases that name a country's body, but for those
  // after their own country's possessive, and the surface values of those found after
  // another country's.
  struct CountryAlias {
    size_t at;  // in `out`
    uint32_t value;
  };
  std::vector<CountryAlias> country_aliases;
  std::vector<uint32_t> unlinked_values;
  // The candidates of an ambiguous country's one-word alias ("Congo").
  std::vector<size_t> short_country_aliases;
  for (size_t at = 0; at < matches.size(); ++at) {
    const GazetteerMatch& m = matches[at];
    const SurfaceValue& sv = k.surface_values[m.value];
    // A town's one-word name out of a place's context names no place, but may
    // still open a team's name ("Bolton Wanderers"; below).
    const bool names_place = !sv.needs_place_context || in_place_context(k, d, matches, at);
    const EntityStore::Entity r = k.entities[sv.entity];
    // A name written with capitals ("Tô", "Centre", "Spurs") found in
    // lowercase text ("to", "centre", "spurs") is a common word, not a name.
    if (sv.name_has_capital && !any_capitalized(d, m.first_token, m.end_token)) continue;
    // "To avoid delays", "Wants To Be": "to", not the town "Tô", where any word may
    // be capitalised (a sentence's first word, a title-cased line).
    if (sv.accented_short_word &&
        (d.sentence_initial(m.first_token) || title_case_context(d, m.first_token, m.end_token)) &&
        text::is_ascii(d.text.substr(m.start, m.end - m.start)))
      continue;
    // "DOCTOR IS RELEASED": in a headline set in capitals an acronym that is a
    // function word is the word.
    if (sv.function_word_acronym && in_caps_run(d, m.first_token)) continue;
    // After an honorific, a place's or an organisation's name is a surname ("Mr.
    // Kone", "Ms. Georgia"): the person recognizer's.
    if (after_honorific(d, m.first_token) && r.label != "PERSON") continue;
    // Before a thing's head word a place names a cup, a treaty or a war, not the
    // place: "the Stanley Cup", "the Davis Cup".
    if (sv.names_part_of_place && before_thing_head(d, m.end_token)) continue;
    // An organisation's one-word alias after a capitalised word, mid-sentence, that is no
    // title and ends no name the gazetteer found is the end of a longer name the gazetteer
    // does not know: "Scholz's Social Democrats" are not the Democratic Party.
    if (r.label == "ORG" && kMentionKinds[sv.mention] == "alias" &&
        m.end_token == m.first_token + 1 && unknown_name_word_before(d, m.first_token, out))
      continue;
    // "the United States": the mention is "United States".
    const size_t first =
        sv.leading_article && m.end_token > m.first_token + 1 ? m.first_token + 1 : m.first_token;
    if (!names_place) {
      // (Not after a town named like a given name: "Marion Phillips" is a person.)
      if (!d.lex(first, kFirstName)) team_candidates(k.lexicons, d, sv, first, m.end_token, out);
      continue;
    }
    Candidate c;
    c.first_token = first;
    c.end_token = m.end_token;
    c.priority = kPriorityGazetteer;
    c.layer = r.layer;
    c.start = d.tokens()[first].start;
    c.end = m.end;
    c.label = r.label;
    c.id = r.id;
    c.name = r.name;
    c.mention = kMentionKinds[sv.mention];
    c.source = "gazetteer";
    c.title = r.title;
    // "Nigeria's Senate": an organisation's alias after another country's possessive
    // names that country's body, an organisation the gazetteer does not know; and so
    // does the same alias elsewhere in the document ("The Senate will vote again").
    if (sv.alias_country != SurfaceValue::kNoCountry) {
      const std::string_view owner = possessive_country(d, first, out);
      if (owner != k.entities[sv.alias_country].id) {
        country_aliases.push_back({out.size(), m.value});  // c, pushed below
        if (!owner.empty()) unlinked_values.push_back(m.value);
      }
      // "U.S. Justice Department": its own country's name before the alias is part of the
      // name. (Not a demonym: "Western Australian Labor" is Labor.)
      if (const Candidate* country = country_just_before(d, first, out);
          country != nullptr && country->id == k.entities[sv.alias_country].id) {
        Candidate with_country = c;
        with_country.first_token = country->first_token;
        with_country.start = country->start;
        out.push_back(with_country);
      }
    }
    if (r.label == "COUNTRY" && r.ambiguous && kMentionKinds[sv.mention] == "alias" &&
        m.end_token == first + 1)
      short_country_aliases.push_back(out.size());  // c, pushed below
    // A place or a country of one word named like the surname of a person of the
    // document is that person ("Reno said" after "Janet Reno"), unless a place
    // preposition or "of" stands before it ("in Reno", "King Abdullah of Jordan").
    c.yields_to_surname =
        sv.needs_place_context ||
        (m.end_token == first + 1 && (r.label == "LOCATION" || r.label == "COUNTRY") &&
         !after_place_preposition(d, first) && !(first > 0 && d.folded[first - 1] == "of"));
    out.push_back(c);
    // "Microsoft Corp.": the company's name with its legal form.
    if (r.label == "ORG") {
      const size_t form_end = legal_form_end(d, m.end_token);
      if (form_end > m.end_token) {
        Candidate with_form = c;
        with_form.end_token = static_cast<uint32_t>(form_end);
        with_form.end = d.tokens()[form_end - 1].end;
        with_form.mention = "alias";
        out.push_back(with_form);
      }
    }
    // "Amnesty International Kenya said": an organisation's name and a country's make
    // its national branch, an organisation of its own (not "the EU Ukraine summit").
    if (r.label == "COUNTRY" && kMentionKinds[sv.mention] == "name" && first > 0 &&
        d.tokens()[first - 1].capitalized) {
      const Candidate* org = latest_ending_at(out, first);
      // (not whom something is told: "told Reuters Kenya was calm")
      auto told = [&](size_t i) {
        return i > 0 && (d.folded[i - 1] == "told" || d.folded[i - 1] == "tells" ||
                         d.folded[i - 1] == "telling" || d.folded[i - 1] == "tell");
      };
      if (org != nullptr && org->label == "ORG" && org->source == "gazetteer" &&
          d.same_sentence(org->first_token, m.end_token) && !told(org->first_token) &&
          names_a_branch_before(d, m.end_token)) {
        const size_t org_first = org->first_token;
        out.push_back(make_candidate(d, org_first, m.end_token, kPriorityGazetteer, "ORG", "org"));
      }
    }
    // "Northern California", "Greater London": a compass word before a place's
    // name names a part of it, a place of its own. (Not before a country's: news
    // reporting "Northeast Mali" speaks of Mali.)
    if (sv.names_part_of_place && first > 0 && is_compass_word(d, first - 1) &&
        d.same_sentence(first - 1, first)) {
      out.push_back(
          make_candidate(d, first - 1, m.end_token, kPriorityLocation, "LOCATION", "location"));
    }
    // Before ", <country or region>": "Phoenix, Arizona" is the place, not a company
    // of that name; "Debden, England" names a place the gazetteer does not know, even
    // where its words read as a person's name ("Sandy Hook, Maryland": the gazetteer's
    // priority, above the person recognizer's).
    // After a place preposition, before where any place says it lies: "Kuriga, in
    // northwestern Kaduna state", "Tessit, near Gao", "Boni, southwest of Douentza".
    size_t town = 0, town_end = 0;
    if (sv.names_region_or_country) {
      prefer_place_before_region(d, first, m.end_token, out);
      std::tie(town, town_end) = town_before_region(d, first, m.end_token);
    }
    const size_t lies = where_a_town_lies(d, first);
    if (town == town_end && lies < first && (r.label == "LOCATION" || r.label == "COUNTRY")) {
      std::tie(town, town_end) = town_before_region(d, lies, m.end_token);
      if (town < town_end && !after_place_preposition(d, town)) town = town_end;
    }
    if (town < town_end)
      out.push_back(make_candidate(d, town, town_end, kPriorityGazetteer, "LOCATION", "location"));
    team_candidates(k.lexicons, d, sv, first, m.end_token, out);
  }
  if (!short_country_aliases.empty()) link_short_country_aliases(d, short_country_aliases, out);
  std::sort(unlinked_values.begin(), unlinked_values.end());
  // A body that many countries have under the same name (kSharedBodyNames), in a document
  // that names countries, never the alias's own, is another country's ("clashed with
  // police near Congress" in a story from Peru; not "the Pentagon" in one from Vietnam).
  // (the document's countries gathered once, when first asked: one pass over `out`)
  std::vector<std::string_view> countries;
  bool countries_gathered = false;
  auto names_only_other_countries = [&](const CountryAlias& a) {
    const Candidate& c = out[a.at];
    if (!in_list(kSharedBodyNames, d.text.substr(c.start, c.end - c.start))) return false;
    if (!countries_gathered) {
      for (const Candidate& o : out)
        if (o.label == "COUNTRY") countries.push_back(o.id);
      std::sort(countries.begin(), countries.end());
      countries.erase(std::unique(countries.begin(), countries.end()), countries.end());
      countries_gathered = true;
    }
    const std::string_view own = k.entities[k.surface_values[a.value].alias_country].id;
    return !countries.empty() && !std::binary_search(countries.begin(), countries.end(), own);
  };
  for (const CountryAlias& a : country_aliases) {
    if (!std::binary_search(unlinked_values.begin(), unlinked_values.end(), a.value) &&
        !names_only_other_countries(a))
      continue;
    Candidate& c = out[a.at];
    c.id = {};  // resolve() gives the default id
    c.name = d.text.substr(c.start, c.end - c.start);
    c.mention = "name";
  }
}

void rule_candidates(const Knowledge& k, const DocView& d, std::vector<Candidate>& out) {
  const auto& toks = d.tokens();
  for (const RuleMatch& m : k.rules.match(d.text, toks)) {
    const Rule& rule = k.rules.rules()[m.rule];
    auto first = std::lower_bound(toks.begin(), toks.end(), m.start,
                                  [](const Token& t, uint32_t p) { return t.start < p; });
    auto last = std::lower_bound(toks.begin(), toks.end(), m.end,
                                 [](const Token& t, uint32_t p) { return t.end < p; });
    Candidate c = make_candidate(d, static_cast<size_t>(first - toks.begin()),
                                 static_cast<size_t>(last - toks.begin()) + 1,
                                 kPriorityUserRule, rule.label, k.rule_sources[m.rule]);
    if (!rule.entity_name.empty()) c.name = rule.entity_name;
    c.id = rule.id;  // empty: the default id, given by resolve()
    out.push_back(c);
  }
}

void person_candidates(const Knowledge& k, const DocView& d, std::vector<Candidate>& out) {
  const auto& toks = d.tokens();
  const auto& lex = k.lexicons;
  auto emit = [&](const NameRun& run, std::string_view title) {
    // "Roman Catholic", "Christian Democrat": a creed's adjective is no surname.
    if (d.lex(run.end - 1, kCreedWord)) return;
    // A name that ends in a company's legal form is the company's: "Adolph Coors
    // Co.", "Philip Morris Co." (the period is the form's).
    if (run.end - run.first >= 2) {
      const size_t form_end = legal_form_end(d, run.end - 1);
      if (form_end > run.end - 1) {
        out.push_back(make_candidate(d, run.first, form_end, kPriorityOrg, "ORG", "org"));
        return;
      }
    }
    Candidate c = make_candidate(d, run.first, run.end, kPriorityPerson, "PERSON", "person");
    c.title = title;
    out.push_back(c);
  };
  // Title or role, then a name: "Colonel Assimi Goita", "junta leader, Assimi Goita".
  // Before another title the name is that one's ("junta leader Gen. Abdourahamane
  // Tiani", "Deputy Defense Minister Yunus-Bek Yevkurov").
  const std::vector<GazetteerMatch> titles =
      lex.person_titles.find_ids(d.text, toks, d.title_ids);
  std::vector<uint32_t> title_starts;  // the titles' first tokens, in order
  std::vector<uint32_t> long_title_starts;  // those of the titles of two tokens or more
  title_starts.reserve(titles.size());
  // those of the titles of two words or more ("Chief Minister"; not "Sen." or "M.")
  std::vector<uint32_t> two_word_title_starts;
  for (const GazetteerMatch& m : titles) {
    title_starts.push_back(m.first_token);
    if (m.end_token > m.first_token + 1) long_title_starts.push_back(m.first_token);
    if (m.end_token > m.first_token + 1 && toks[m.first_token + 1].kind == TokenKind::kWord)
      two_word_title_starts.push_back(m.first_token);
  }
  // An organisation's name inside a title of several words before a name is the title's
  // word: "Labour Minister Simon Lalong" holds no Labour Party. (The titles' matches are
  // in order and do not overlap: one pass over the candidates.)
  {
    std::vector<std::pair<uint32_t, uint32_t>> spans;  // such titles' [first, end) tokens
    for (const GazetteerMatch& m : titles)
      if (m.end_token >= m.first_token + 2 && m.end_token < toks.size() &&
          is_name_word(d, m.end_token) && d.same_sentence(m.first_token, m.end_token))
        spans.emplace_back(m.first_token, m.end_token);
    if (!spans.empty()) {
      auto inside_title = [&](const Candidate& c) {
        if (c.label != "ORG" || c.source != "gazetteer") return false;
        auto it = std::upper_bound(spans.begin(), spans.end(), std::make_pair(c.first_token, UINT32_MAX));
        return it != spans.begin() && c.end_token < std::prev(it)->second;
      };
      out.erase(std::remove_if(out.begin(), out.end(), inside_title), out.end());
    }
  }
  for (const GazetteerMatch& m : titles) {
    size_t j = m.end_token;
    if (j < toks.size() && d.token_text(j) == "." && toks[j].start == toks[j - 1].end) ++j;
    if (j < toks.size() && d.token_text(j) == ",") ++j;
    if (j >= toks.size() || !d.same_sentence(m.first_token, j)) continue;
    if (std::binary_search(title_starts.begin(), title_starts.end(), static_cast<uint32_t>(j)))
      continue;
    NameRun run = person_name_run(d, j);
    if (run.name_words == 0) continue;
    // "Colonel Remembered", "President Wants Talks": a headline's words.
    if (common_words_only(d, run.first, run.end) && in_title_cased_line(d, run.first)) continue;
    cut_at_headline_verb(lex, d, run);
    if (run.name_words == 0) continue;
    // Words that open with no given name and end in an organisation's head name the
    // organisation ("the official Iraqi News Agency": "official" is a title too).
    if (run.end - run.first >= 2 && d.lex(run.end - 1, kOrgHead) && !d.lex(run.first, kFirstName))
      continue;
    // A title followed by a known non-person name ("President of France") is
    // left to the gazetteer; the resolver settles overlaps.
    emit(run, d.text.substr(m.start, m.end - m.start));
  }
  // A known first name followed by more name words: "Abdoulaye Diop". A word
  // the gazetteer found as a demonym, followed by a title or a common word, starts
  // no name, though some demonyms are first names too ("Russian"; "German" is
  // "Germán" folded): "German Chancellor Olaf Scholz" is a demonym, a title and a
  // name, "British Gas" a company. The gazetteer's candidates come first in `out`,
  // in token order.
  // A country's name or demonym is no surname unless it is a first name too ("Nazi
  // Germany", "pro-Castro Cubans"; "Michael Jordan" is a name): the one-token country
  // names and demonyms the gazetteer found.
  std::vector<uint32_t> demonyms_opening_no_name, country_names;
  for (const Candidate& c : out) {
    if (c.end_token != c.first_token + 1) continue;
    if (c.mention == "demonym" &&
        (std::binary_search(title_starts.begin(), title_starts.end(), c.end_token) ||
         (c.end_token < toks.size() && d.lex(c.end_token, kCommonWord))))
      demonyms_opening_no_name.push_back(c.first_token);
    if (c.label == "COUNTRY" && !d.lex(c.first_token, kFirstName))
      country_names.push_back(c.first_token);
  }
  // A title that is also a given name ("Imam", "Pastor") opens no name before a person
  // the gazetteer knows ("Imam Mahmoud Dicko") or another given name and a name word
  // ("Pastor James Allmen"; "Sheikh Hasina" is a name), and the first word of a title of
  // two tokens or more opens none at all: the title's reading above holds. The
  // first tokens of the gazetteer's people, in order, gathered when first asked for
  // (most documents have no such title).
  std::vector<uint32_t> known_people;
  bool known_people_gathered = false;
  auto opens_known_person = [&](size_t j) {
    if (!known_people_gathered) {
      for (const Candidate& c : out)
        if (c.source == "gazetteer" && c.label == "PERSON") known_people.push_back(c.first_token);
      std::sort(known_people.begin(), known_people.end());
      known_people_gathered = true;
    }
    return std::binary_search(known_people.begin(), known_people.end(), static_cast<uint32_t>(j));
  };
  GazetteerPlaces places(out);
  const Token* const tok = toks.data();  // see kTokenLoop
  const LexiconFlags* const flags = d.lexicon_flags.data();
  // Token j is a place's or a country's one-word name after "to", "of" or a place
  // preposition, before another given name and a name word ("Ambassador to Kenya
  // Prudence Bushnell"; "Chad Edward Gaudin" is a name).
  // (The word before first: the document's places are gathered only when it fits.)
  auto place_before_given_name = [&](size_t j) {
    return j > 0 && j + 2 < toks.size() &&
           (after_place_preposition(d, j) ||
            (d.same_sentence(j - 1, j) && (d.folded[j - 1] == "to" || d.folded[j - 1] == "of"))) &&
           d.lex(j + 1, kFirstName) && tok[j + 1].capitalized && d.same_sentence(j, j + 2) &&
           is_name_word(d, j + 2) && places.start_at(j) && places.ends_at(j);
  };
  // Token j is a given name followed by a name word, or by a lowercase name particle and
  // a name word ("James Allmen", "Bandar bin Sultan").
  auto given_name_and_more_after = [&](size_t j) {
    if (j + 1 >= toks.size() || !d.lex(j, kFirstName) || !tok[j].capitalized) return false;
    size_t k = j + 1;
    if (k + 1 < toks.size() && is_lowercase_token(d, k) && d.lex(k, kNameParticle)) ++k;
    return d.same_sentence(j, k) && is_name_word(d, k);
  };
  for (const size_t i : d.capitals) {
    // The lexicon flag first: most capitalised words are no first name.
    if (!(flags[i] & kFirstName) || !tok[i].capitalized) continue;
    if (!is_name_word(d, i) || toks[i].all_upper) continue;
    if (std::binary_search(demonyms_opening_no_name.begin(), demonyms_opening_no_name.end(),
                           static_cast<uint32_t>(i)))
      continue;
    // After another name word the name started there, unless that word names a
    // trade or a role ("Engineer John Greiner", "Farmer Ana Diallo") or the name
    // has a middle initial ("Tower Man George F. Hauser").
    const bool middle_initial =
        is_initial(d, i + 1) && i + 3 < toks.size() && is_name_word(d, i + 3);
    if (i > 0 && is_name_word(d, i - 1) && d.same_sentence(i - 1, i) && !is_agent_noun(d, i - 1) &&
        !middle_initial && !place_before_given_name(i - 1))
      continue;
    if (after_the(d, i)) continue;  // "the Sahel Security Pact" names no one
    if (std::binary_search(title_starts.begin(), title_starts.end(), static_cast<uint32_t>(i)) &&
        (opens_known_person(i + 1) || given_name_and_more_after(i + 1)))
      continue;
    // Nor does the first word of a longer title ("Vice" of "Vice President Harlan Voss"),
    // nor a place's or a country's name before another given name ("Ambassador to Kenya
    // Prudence Bushnell": the name starts there).
    if (std::binary_search(long_title_starts.begin(), long_title_starts.end(),
                           static_cast<uint32_t>(i)))
      continue;
    if (place_before_given_name(i)) continue;
    // "the village of Moulay Brahim" names a place (location_candidates)
    if (after_place_noun_of(d, i)) continue;
    NameRun run = person_name_run(d, i);
    // A title of two words ends the name before it ("Tamil Nadu Chief Minister M.K.
    // Stalin": the title above opens the name after it).
    const auto title_after = std::upper_bound(two_word_title_starts.begin(),
                                              two_word_title_starts.end(),
                                              static_cast<uint32_t>(run.first));
    if (title_after != two_word_title_starts.end() && *title_after < run.end)
      run = cut_name_run(d, run, *title_after);
    // A place's or a country's name that opens the run before a title ("Ivory Coast
    // President Alassane Ouattara", "Ivory" a given name): the title above opens the name.
    // (The title first: the document's places are gathered only when one stands there.)
    if (const auto title = std::upper_bound(title_starts.begin(), title_starts.end(),
                                            static_cast<uint32_t>(run.first));
        title != title_starts.end() && *title < run.end && places.ends_at(*title - 1) &&
        places.start_at(run.first))
      continue;
    if (run.name_words < 2) continue;
    cut_at_headline_verb(lex, d, run);
    if (run.name_words < 2) continue;
    // "Storm Daniel hit Libya": a storm's name, though "Storm" is a given name too
    if (run.name_words == 2 && d.folded[run.first] == "storm") continue;
    size_t last = run.end - 1;
    if (names_no_person(d, run.first, run.end) &&
        !given_name_and_surname_head(d, run.first, run.end, places))
      continue;
    if (std::binary_search(country_names.begin(), country_names.end(), static_cast<uint32_t>(last)))
      continue;
    emit(run, "");
  }
  // Initials before a surname: "C. H. Douglas", "P. Chidambaram". One to three initials
  // opening the name (no name word before them but a common one: "Author J. K. Smith"),
  // then a name word that is no common word unless a given name ("D.C. Mayor", "U.S.
  // Steel" name no one), and no place's name but a given name's ("C. H. Douglas"; not
  // "S. Africa"), unless the surname of a known person.
  // Two initials written together ("M.K. Stalin", "P.W. Botha") open a name alike, where the
  // gazetteer names nothing at them ("U.S. Steel", "N.J. Transit").
  auto common_not_given = [&](size_t j) { return d.lex(j, kCommonWord) && !d.lex(j, kFirstName); };
  std::vector<uint32_t> gazetteer_starts;  // gathered when first asked for
  bool gazetteer_starts_gathered = false;
  auto gazetteer_starts_at = [&](size_t j) {
    if (!gazetteer_starts_gathered) {
      for (const Candidate& c : out)
        if (c.source == "gazetteer") gazetteer_starts.push_back(c.first_token);
      std::sort(gazetteer_starts.begin(), gazetteer_starts.end());
      gazetteer_starts_gathered = true;
    }
    return std::binary_search(gazetteer_starts.begin(), gazetteer_starts.end(),
                              static_cast<uint32_t>(j));
  };
  for (const size_t i : d.capitals) {
    // (the length first: most capitalised words are longer than one letter, and most
    // longer ones are no initials written together)
    const size_t length = toks[i].end - toks[i].start;
    const bool together = length == 4 && toks[i].all_upper && is_dotted_initials(d, i);
    if (!together && (length != 1 || !is_initial(d, i))) continue;
    // (after a given name the initial is a middle one: "George W. Bush", above)
    if (i > 0 && d.same_sentence(i - 1, i) &&
        ((is_name_word(d, i - 1) && !common_not_given(i - 1)) || (i >= 2 && is_initial(d, i - 2))))
      continue;
    if (together && gazetteer_starts_at(i)) continue;
    size_t j = together ? i + 1 : i;
    while (j < toks.size() && j - i < 6 && is_initial(d, j)) j += 2;
    if (j >= toks.size() || is_initial(d, j) || !d.same_sentence(i, j) || !is_name_word(d, j) ||
        toks[j].all_upper || (common_not_given(j) && !d.lex(j, kKnownSurname)))
      continue;
    // a place's name: only a given name or a known surname too, after more than a compass
    // point's initial ("S. Africa", "N. Korea")
    const std::string_view initial = d.folded[i];
    const bool compass = j == i + 2 && (initial == "n" || initial == "s" || initial == "e" ||
                                        initial == "w");
    if (places.start_at(j) && !d.lex(j, kKnownSurname) && (!d.lex(j, kFirstName) || compass))
      continue;
    NameRun run = person_name_run(d, j);  // "C. Alan MacDonald": the name words after
    run.first = i;
    emit(run, "");
  }
}

namespace {

// The first token of the longest run of tokens before and at token i, in its sentence,
// whose folded words, spaced as in the text, end the folded `name` after a space and open
// with a capitalised word: "Kyelem de Tambela" of "Apollinaire Joachim Kyelem de Tambela",
// "Nandi-Ndaitwah" of "Netumbo Nandi-Ndaitwah". Never the whole name; i when none.
size_t name_tail_start(const DocView& d, size_t i, std::string_view name) {
  const std::string folded = text::fold(name);
  const Token* const tok = d.tokens().data();
  std::string tail(d.folded[i]);
  size_t start = i;
  for (size_t a = i; a > 0 && d.same_sentence(a - 1, i) && i - a < 6; --a) {
    tail.insert(0, tok[a].space_before ? " " : "");
    tail.insert(0, d.folded[a - 1]);
    if (tail.size() >= folded.size() ||
        folded.compare(folded.size() - tail.size(), tail.size(), tail) != 0)
      break;
    if (folded[folded.size() - tail.size() - 1] == ' ' && tok[a - 1].capitalized &&
        tok[a - 1].kind == TokenKind::kWord)
      start = a - 1;
  }
  return start;
}

}  // namespace

void known_surname_candidates(const Knowledge& k, const DocView& d, std::vector<Candidate>& out) {
  const Token* const tok = d.tokens().data();  // see kTokenLoop
  const LexiconFlags* const flags = d.lexicon_flags.data();
  const size_t n = d.tokens().size();
  for (const size_t i : d.capitals) {
    // The lexicon flag first: most capitalised words are no known surname. One that is
    // a common word, a given name or a word that names nothing reads as those.
    if (!(flags[i] & kKnownSurname) ||
        (flags[i] & (kCommonWord | kFirstName | kNonnameCapitalized)))
      continue;
    if (!tok[i].capitalized || tok[i].all_upper || tok[i].kind != TokenKind::kWord) continue;
    // Not a word of a longer name ("Kessler Voss", "the Kessler Union").
    if ((i > 0 && d.same_sentence(i - 1, i) && !d.sentence_initial(i) && is_name_word(d, i - 1)) ||
        (i + 1 < n && d.same_sentence(i, i + 1) && is_name_word(d, i + 1)))
      continue;
    const int64_t known = k.person_with_surname(d.folded[i]);
    if (known < 0) continue;
    const EntityStore::Entity r = k.entities[static_cast<size_t>(known)];
    // After a hyphen or a name particle, the words that end the person's name with it
    // name the person ("Nandi-Ndaitwah", "Kyelem de Tambela"), and a hyphenated surname's
    // second part alone names no one ("Kessa-Ndaitwah").
    size_t first = i;
    if (i >= 2 && d.same_sentence(i - 1, i) &&
        (is_transparent_token(d.tokens(), i - 1) || d.lex(i - 1, kNameParticle))) {
      first = name_tail_start(d, i, r.name);
      if (is_transparent_token(d.tokens(), i - 1) && first == i) continue;
      if (first > 0 && d.same_sentence(first - 1, first) && !d.sentence_initial(first) &&
          is_name_word(d, first - 1))
        continue;
    }
    Candidate c = make_candidate(d, first, i + 1, kPriorityPerson, "PERSON", "gazetteer");
    c.id = r.id;
    c.name = r.name;
    c.mention = "partial";
    out.push_back(c);
  }
}

// The end of the name beside a type noun that starts at token `first`: up to three name
// words or acronyms in its sentence; *rare: one of them is an acronym or no common word.
size_t type_noun_name_end(const DocView& d, size_t first, bool* rare) {
  const auto& toks = d.tokens();
  size_t end = first;
  while (end < toks.size() && end - first < 3 && d.same_sentence(first, end) &&
         toks[end].kind == TokenKind::kWord &&
         (is_name_word(d, end) || (toks[end].all_upper && toks[end].end - toks[end].start >= 2))) {
    *rare = *rare || toks[end].all_upper || !d.lex(end, kCommonWord);
    ++end;
  }
  return end;
}

// Whether a place's or a country's name or demonym the gazetteer found starts or ends
// among tokens [first, end).
bool names_a_place(GazetteerPlaces& places, size_t first, size_t end) {
  for (size_t i = first; i < end; ++i)
    if (places.start_at(i) || places.ends_at(i) || places.demonym_ends_at(i)) return true;
  return false;
}

// Whether the capitalised words [first, end) end in a one-word demonym, after a space, that
// follows a word of no place that is no common word, and name no place before it: "Pheu
// Thai" (a party's name), not "German Kessa" or "Kessa-German".
bool demonym_ends_rare_name(const DocView& d, GazetteerPlaces& places, size_t first, size_t end) {
  const size_t last = end - 1;
  return last > first && d.tokens()[last].space_before && places.demonym_ends_at(last) &&
         !places.start_at(last) && !d.lex(last - 1, kCommonWord) &&
         !names_a_place(places, first, last);
}

// "the IG Metall union", "the Kessa militia", "the Varno militant faction": after "the",
// perhaps and a modifier ("the ruling Pheu Kessa party"; or a place's or a country's
// possessive: "Germany's Ifo institute"),
// one to three capitalised words (one of them no common word, or an acronym; or two or
// three common words: "the Independent Patriotic Change party") before a
// lowercase noun of what an organisation is (kOrgTypeNouns), perhaps after a modifier
// (kOrgTypeModifiers), name an organisation: the words without the noun. Not a place's
// or a country's name or demonym the gazetteer found ("the Sahel region", "the German
// IG Metall union": no organisation).
void org_before_type_noun(const DocView& d, GazetteerPlaces& places, std::vector<Candidate>& out) {
  const auto& toks = d.tokens();
  for (size_t at = 0, size = d.capitals.size(); at < size;) {
    const size_t first = d.capitals[at++];
    if (first == 0) continue;
    // after "the", perhaps and a modifier ("the ruling Pheu Kessa party", kOrgTypeModifiers),
    // or a place's possessive ("Germany's Ifo institute": asked last, below)
    const bool after_the =
        d.folded[first - 1] == "the" ||
        (first >= 2 && d.folded[first - 2] == "the" && is_lowercase_token(d, first - 1) &&
         in_list(kOrgTypeModifiers, d.folded[first - 1]) && d.same_sentence(first - 2, first));
    if (!after_the && !(first >= 2 && toks[first - 1].kind == TokenKind::kPossessive)) continue;
    if (!d.same_sentence(first - 1, first)) continue;
    bool rare = false;
    const size_t end = type_noun_name_end(d, first, &rare);
    // (common words only, two or three: "the Independent Patriotic Change party")
    if (end == first || (!rare && end - first < 2) || end >= toks.size() ||
        !d.same_sentence(first, end))
      continue;
    size_t noun = end;
    if (in_list(kOrgTypeModifiers, d.folded[noun]) && noun + 1 < toks.size() &&
        d.same_sentence(first, noun + 1))
      ++noun;
    if (!d.lex(noun, kOrgTypeNoun) || !is_lowercase_token(d, noun)) continue;
    // (The places last: gathering them costs more than the tests above.)
    if (names_a_place(places, first, end) && !demonym_ends_rare_name(d, places, first, end))
      continue;
    if (!after_the && !places.ends_at(first - 2)) continue;
    out.push_back(context_candidate(d, first, end, kPriorityOrg, "ORG", "org"));
    at = capitals_after(d.capitals.data(), size, at, end - 1);
  }
}

// "the rights group Foro Penal", "the daily Le Monde", "the opposition party Kessa Vorn":
// after "the", up to two lowercase words and a lowercase noun of what an organisation is
// (kOrgTypeNouns, "group", "organisation"), one to three capitalised words (one of them no
// common word, or an acronym), perhaps followed by "& <name words>", name it; not a place's
// or a country's name; between commas too ("the main opposition party, Chadema, was
// barred"). So do such words after who works there and "at" ("analysts at Jefferies",
// kStaffNouns).
void org_after_type_noun(const DocView& d, GazetteerPlaces& places, std::vector<Candidate>& out) {
  for (size_t at = 0, size = d.capitals.size(); at < size;) {
    const size_t first = d.capitals[at++];
    if (first < 2) continue;
    // (the noun's token: before the name, or before the comma before it)
    const bool apposed = first >= 3 && d.folded[first - 1] == ",";
    const size_t noun_at = apposed ? first - 2 : first - 1;
    const std::string_view noun = d.folded[noun_at];
    const bool staff = noun == "at" && !apposed;
    if (!staff && !d.lex(noun_at, kOrgTypeNoun) && noun != "group" && noun != "organisation" &&
        noun != "organization")
      continue;
    if (!is_lowercase_token(d, noun_at) || !d.same_sentence(noun_at - 1, first)) continue;
    if (staff) {
      if (!in_list(kStaffNouns, d.folded[first - 2])) continue;
    } else {
      bool after_the = false;
      for (size_t k = noun_at - 1, words = 0; words < 3 && d.same_sentence(k, first); --k, ++words) {
        if (d.folded[k] == "the") {
          after_the = true;
          break;
        }
        if (!is_lowercase_token(d, k) || k == 0) break;
      }
      if (!after_the) continue;
    }
    bool rare = false;
    const size_t name_end = type_noun_name_end(d, first, &rare);
    if (!rare || names_a_place(places, first, name_end)) continue;
    if (apposed && !(name_end < d.tokens().size() && d.folded[name_end] == "," &&
                     d.same_sentence(first, name_end)))
      continue;
    const size_t end = extend_over_ampersand(d, name_end);  // "Weil & Associates"
    out.push_back(context_candidate(d, first, end, kPriorityOrg, "ORG", "org"));
    at = capitals_after(d.capitals.data(), size, at, end - 1);
  }
}

// A club's prefix in capitals (kClubPrefixes) at token i before one to three name words
// names the club: "FC Basel", "AC Milan", "SSC Napoli", the town's name inside it.
void club_after_prefix(const DocView& d, size_t i, std::vector<Candidate>& out) {
  const auto& toks = d.tokens();
  if (!in_list(kClubPrefixes, d.folded[i])) return;
  size_t end = i + 1;
  while (end < toks.size() && end - i <= 3 && d.same_sentence(i, end) &&
         (is_name_word(d, end) || is_transparent_token(toks, end)) && !toks[end].all_upper)
    ++end;
  while (end > i + 1 && is_transparent_token(toks, end - 1)) --end;  // not a trailing hyphen
  if (end > i + 1) out.push_back(make_candidate(d, i, end, kPriorityOrg, "ORG", "org"));
}

namespace {

// The last tokens of the names of one label the gazetteer found among the candidates,
// gathered (and sorted) on the first question: most documents never ask.
class GazetteerNameEnds {
 public:
  GazetteerNameEnds(const std::vector<Candidate>& candidates, std::string_view label)
      : candidates_(candidates), label_(label) {}
  // One of them ends at `token` (its last token).
  bool ends_at(size_t token) {
    if (!gathered_) {
      for (const Candidate& c : candidates_)
        if (c.source == "gazetteer" && c.label == label_) lasts_.push_back(c.end_token - 1);
      std::sort(lasts_.begin(), lasts_.end());
      gathered_ = true;
    }
    return std::binary_search(lasts_.begin(), lasts_.end(), static_cast<uint32_t>(token));
  }

 private:
  const std::vector<Candidate>& candidates_;
  std::string_view label_;
  std::vector<uint32_t> lasts_;
  bool gathered_ = false;
};

}  // namespace

void org_candidates(const Knowledge& k, const DocView& d, std::vector<Candidate>& out) {
  const auto& toks = d.tokens();
  const Token* const tok = toks.data();  // see kTokenLoop
  const LexiconFlags* const flags = d.lexicon_flags.data();
  const uint32_t* const capitals = d.capitals.data();
  GazetteerPlaces places(out);
  GazetteerNameEnds known_orgs(out, "ORG");
  for (size_t at = 0, size = d.capitals.size(); at < size;) {
    const size_t h = capitals[at++];
    // A club's prefix of two or three capitals opens a name: "FC Basel".
    if (tok[h].all_upper && tok[h].end - tok[h].start <= 3) club_after_prefix(d, h, out);
    // is_head(kOrgHead, d, h), the lexicon flag first: most tokens stop at it.
    if (!(flags[h] & kOrgHead) || !tok[h].capitalized || tok[h].kind != TokenKind::kWord)
      continue;
    // "US National Security Adviser", "British High Commissioner": the name goes on.
    if (h + 1 < toks.size() && tok[h + 1].capitalized && d.same_sentence(h, h + 1) &&
        std::binary_search(k.lexicons.org_adjective_heads.begin(),
                           k.lexicons.org_adjective_heads.end(), d.folded[h]))
      continue;
    // Left: capitalised words (and acronyms such as "G5") before the head.
    size_t first = h;
    while (first > 0 && h - first < kMaxNameTokens && d.same_sentence(first - 1, h)) {
      size_t p = first - 1;
      // "Harlan & Voss Company"; not after another organisation's head ("Rugby League
      // & West Coast Eagles": two names).
      if (is_transparent_token(toks, p) ||
          (joins_names_with_ampersand(d, p) && !d.lex(p - 1, kOrgHead))) {
        first = p;
        continue;
      }
      // A company's name before its legal form may hold a possessive ("Young's Market
      // Co.", "Rally's Inc."), unless what follows it is a name of its own ("Du Pont's
      // Conoco Inc.", words other than common ones) or a place or a country owns it
      // ("Mali's Voss Corp.").
      if (toks[p].kind == TokenKind::kPossessive && d.lex(h, kLegalForm) && p > 0 &&
          is_name_word(d, p - 1) && d.same_sentence(p - 1, h) &&
          common_words_only(d, p + 1, h) && !places.ends_at(p - 1)) {
        first = p;
        continue;
      }
      // "the People's Action Party", "Women's Kessa Union": so may any name after a
      // plural that takes "'s" (kPluralsWithApostropheS); a singular's is an owner's
      // ("Narendra Modi's Bharatiya Janata Party").
      if (toks[p].kind == TokenKind::kPossessive && p > 0 && d.same_sentence(p - 1, h) &&
          is_name_word(d, p - 1) && in_list(kPluralsWithApostropheS, d.folded[p - 1])) {
        first = p;
        continue;
      }
      // "the Immigration and Naturalization Service", "Health and Human Services":
      // "and" after a capitalised common word joins it to the name; not after a place
      // or a country's name ("Mali and Niger Agency"), nor after a head that ends a name
      // of its own ("Morning News and Houston Post", "Water Tower and Pump House"), nor
      // after a known organisation's name, or one and that word ("Toyota Motor and Sony
      // Group").
      if (d.folded[p] == "and" && !toks[p].capitalized && p > 0 && first < h &&
          d.same_sentence(p - 1, h) && is_name_word(d, p - 1) && !toks[p - 1].all_upper &&
          d.lex(p - 1, kCommonWord) && !d.lex(p - 1, kOrgHead) &&
          !d.lex(p - 1, kLocationHead) && !places.ends_at(p - 1) &&
          !known_orgs.ends_at(p - 1) && !(p >= 2 && known_orgs.ends_at(p - 2))) {
        first = p - 1;
        continue;
      }
      // "the Gulf of Guinea Commission": a place's prefix and "of" open the name.
      if (d.folded[p] == "of" && !toks[p].capitalized && p > 0 && first < h &&
          d.same_sentence(p - 1, h) && toks[p - 1].capitalized && d.lex(p - 1, kLocationPrefixOf)) {
        first = p - 1;
        continue;
      }
      // (A capital letter alone opening a sentence is the article: "A Kessa Bank
      // official said"; elsewhere it may be a name's: "Class A California League".)
      bool capital_word =
          is_name_word(d, p) || (toks[p].all_upper && toks[p].kind == TokenKind::kWord &&
                                 (toks[p].end - toks[p].start >= 2 || !d.sentence_initial(p)));
      // Words in capitals beside others are a byline's or a headline's, not the
      // name's ("By SAM MEDNICK Associated Press"); an acronym stands alone
      // ("the ECOWAS Commission").
      if (!capital_word || (toks[p].all_upper && in_caps_run(d, p))) {
        // "the 101st Airborne Division": an ordinal opens the name; so does a capitalised
        // number word after "the", not opening a sentence ("the Three Brotherhood Alliance").
        static constexpr std::array<std::string_view, 9> kNumberWords = {
            "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
        if (is_numeric_ordinal(d, p) ||
            (toks[p].capitalized && !toks[p].all_upper && p > 0 && !d.sentence_initial(p) &&
             in_list(kNumberWords, d.folded[p]) && d.folded[p - 1] == "the" &&
             d.same_sentence(p - 1, p)))
          first = p;
        break;
      }
      first = p;
    }
    // A sentence's first word that reads as a verb or an adverb is not part of the
    // name ("Replied State Department officials ...", "Attended James High School");
    // other words are ("Security Pacific Corp.", "Distance Records"). ("The" is no
    // name word at all.)
    while (first < h && (d.sentence_initial(first) || toks[first].newline_before) &&
           opens_sentence_as_verb(k.lexicons, d, first))
      ++first;
    // Nor does a hyphen or an apostrophe open it, nor a word joined by one to a lowercase
    // word before it ("then-House Speaker", "the anti-Castro Cuban American National
    // Foundation").
    while (first < h && (is_transparent_token(toks, first) ||
                         (first >= 2 && is_transparent_token(toks, first - 1) &&
                          toks[first - 1].start == toks[first - 2].end &&
                          toks[first].start == toks[first - 1].end &&
                          toks[first - 2].kind == TokenKind::kWord && is_lowercase_token(d, first - 2))))
      ++first;
    const bool closing = d.lex(h, kClosingOrgHead);
    size_t end = closing ? h + 1 : extend_with_complement(d, h + 1);
    if (end == h + 1 && !closing) end = extend_over_ampersand(d, end);
    // A name joined by a hyphen to the head is the name's ("Pakistan Muslim
    // League-Nawaz"); not a common word that is no given name ("Labour
    // Party-Conservative coalition"), nor a place ("Kessa Party-Lahore branch").
    if (end == h + 1 && end + 1 < toks.size() && is_transparent_token(toks, end) &&
        is_name_word(d, end + 1) && !tok[end + 1].all_upper &&
        (!d.lex(end + 1, kCommonWord) || d.lex(end + 1, kFirstName)) &&
        !places.start_at(end + 1))
      end += 2;
    if (end - first < 2) continue;
    // "Jessica Hall": a given name and a head that is a frequent surname name a person
    // (the person recognizer's), unless the text speaks of something else there.
    if (end == h + 1 && given_name_and_surname_head(d, first, end, places)) continue;
    // ("the Democratic National Convention" names a gathering, not an organisation.)
    if (before_thing_head(d, end)) continue;
    out.push_back(make_candidate(d, first, end, kPriorityOrg, "ORG", "org"));
    at = capitals_after(capitals, size, at, end - 1);
  }
  org_before_type_noun(d, places, out);
  org_after_type_noun(d, places, out);
}

namespace {

// The first tokens of the person titles in a document, found (one pass of the titles'
// gazetteer) on the first question: most documents never ask.
class TitleStarts {
 public:
  TitleStarts(const Knowledge& k, const DocView& d) : k_(k), d_(d) {}
  // A title of two tokens or more starts at `token`.
  bool long_at(size_t token) {
    gather();
    return std::binary_search(long_starts_.begin(), long_starts_.end(),
                              static_cast<uint32_t>(token));
  }
  // A title of any length starts at `token`.
  bool any_at(size_t token) {
    gather();
    return std::binary_search(starts_.begin(), starts_.end(), static_cast<uint32_t>(token));
  }

 private:
  void gather() {
    if (gathered_) return;
    const Gazetteer& titles = k_.lexicons.person_titles;
    for (const GazetteerMatch& m : titles.find_ids(d_.text, d_.tokens(), d_.title_ids)) {
      if (starts_.empty() || starts_.back() != m.first_token) starts_.push_back(m.first_token);
      if (m.end_token > m.first_token + 1) long_starts_.push_back(m.first_token);
    }
    gathered_ = true;  // (the matches come in order)
  }
  const Knowledge& k_;
  const DocView& d_;
  std::vector<uint32_t> starts_, long_starts_;
  bool gathered_ = false;
};

}  // namespace

void location_candidates(const Knowledge& k, const DocView& d, std::vector<Candidate>& out) {
  const auto& toks = d.tokens();
  const Token* const tok = toks.data();  // see kTokenLoop
  const LexiconFlags* const flags = d.lexicon_flags.data();
  GazetteerPlaces places(out);
  GazetteerNameEnds countries(out, "COUNTRY");
  TitleStarts titles(k, d);
  for (const size_t i : d.capitals) {
    // "KESSAVILLE, May 16 (AFP) -": a dateline's place, of up to three words.
    if ((i == 0 || tok[i].newline_before) && is_name_word(d, i)) {
      size_t end = i + 1;
      while (end < toks.size() && end < i + 3 && is_name_word(d, end) && !tok[end].newline_before)
        ++end;
      if (opens_dateline(d, i, end))
        out.push_back(context_candidate(d, i, end, kPriorityLocation, "LOCATION", "location"));
    }
    // "the town of Sake", "the region of Baranja": a place noun and "of" before a name.
    if (after_place_noun_of(d, i) && is_name_word(d, i) && !tok[i].all_upper) {
      // Up to three name words; one joined by a hyphen belongs to the word before
      // ("the port of Ust-Luga").
      size_t end = i + 1, words = 1;
      while (end < toks.size() && words < 3 && d.same_sentence(i, end)) {
        const size_t next = is_transparent_token(toks, end) ? end + 1 : end;
        if (!is_name_word(d, next) || tok[next].all_upper) break;
        if (next == end) ++words;
        end = next + 1;
      }
      out.push_back(context_candidate(d, i, end, kPriorityLocation, "LOCATION", "location"));
    }
    // "Tougana, a village in western Niger", "Bilje is a small municipality": a name
    // of up to three words (i its last) that the text describes as a place, not a
    // sentence's first common word alone ("Sunday, a day of rest"). The article two
    // tokens on first, by its bytes: most capitalised words have none there.
    if (i + 2 < toks.size() && tok[i + 2].end - tok[i + 2].start <= 2 &&
        d.text[tok[i + 2].start] == 'a' && is_name_word(d, i) && !tok[i].all_upper &&
        describes_a_place(d, i + 1)) {
      auto name_word_before = [&](size_t j) {
        return j > 0 && d.same_sentence(j - 1, i) && is_name_word(d, j - 1) && !tok[j - 1].all_upper;
      };
      size_t first = i;
      while (i - first < 2 && name_word_before(first)) --first;
      if (!name_word_before(first) && !(first == i && d.sentence_initial(i) && d.lex(i, kCommonWord)))
        out.push_back(context_candidate(d, first, i + 1, kPriorityLocation, "LOCATION", "location"));
    }
    // No head, no prefix (is_head), the lexicon flags first: most words are neither.
    if (!(flags[i] & (kLocationHead | kLocationPrefix | kLocationPrefixOf)) || !tok[i].capitalized)
      continue;
    // "Niger River", "Sahara Desert": capitalised words then a place head. Not a
    // person's name ending in a surname that is a place head ("Carla Hills"; the
    // person recognizer's), nor a title before it ("Trade Representative").
    if (is_head(kLocationHead, d, i) && i > 0 && d.same_sentence(i - 1, i) &&
        is_name_word(d, i - 1) && !d.sentence_initial(i - 1)) {
      if (given_name_and_surname_head(d, i - 1, i + 1, places)) continue;
      // "U.S. District Judge Tanya Chutkan": after a country's name, a head that opens a
      // title of two words or more names no place ("Nairobi County Commissioner" does).
      // (Both words in the titles' vocabulary first: rare.)
      if (i + 1 < toks.size() && d.title_ids[i] != Gazetteer::kNoToken &&
          d.title_ids[i + 1] != Gazetteer::kNoToken && tok[i + 1].capitalized &&
          countries.ends_at(i - 1) && titles.long_at(i))
        continue;
      // (not over a demonym that would open the name, which it modifies: "the French Indian
      // Ocean territory"; "the Grand Ethiopian Renaissance Dam" holds one)
      // (a word of the gazetteer's vocabulary first: the places are gathered only then)
      auto opening_demonym = [&](size_t j) {
        return d.gazetteer_ids[j] != Gazetteer::kNoToken &&
               !(j > 0 && d.same_sentence(j - 1, i) && is_name_word(d, j - 1)) &&
               places.demonym_ends_at(j);
      };
      size_t first = i - 1;
      while (first > 0 && d.same_sentence(first - 1, i) && is_name_word(d, first - 1) &&
             !d.sentence_initial(first - 1) && i - first < 3 && !opening_demonym(first - 1))
        --first;
      out.push_back(make_candidate(d, first, i + 1, kPriorityLocation, "LOCATION", "location"));
      continue;
    }
    // "Lake Chad", "Mount Kenya", "Gulf of Guinea": a place prefix then a name.
    const bool before_of = i + 1 < toks.size() && d.folded[i + 1] == "of" &&
                           is_lowercase_token(d, i + 1) && d.same_sentence(i, i + 1);
    if ((is_head(kLocationPrefix, d, i) || (before_of && is_head(kLocationPrefixOf, d, i))) &&
        i + 1 < toks.size()) {
      size_t j = i + 1;
      if (before_of) ++j;
      // (A person's title ends the name: "Republic of Congo President Denis Sassou Nguesso".)
      size_t end = j;
      while (end < toks.size() && d.same_sentence(i, end) && is_name_word(d, end) &&
             end - j < 3 &&
             !(end > j && d.title_ids[end] != Gazetteer::kNoToken && titles.any_at(end)))
        ++end;
      if (end == j) continue;
      // ("the Camp David Accords" names a treaty, "the Gulf of Guinea Commission" a body.)
      if (before_thing_head(d, end) || d.lex(end - 1, kThingHead) ||
          (end - 1 > j && d.lex(end - 1, kOrgHead)))
        continue;
      out.push_back(make_candidate(d, i, end, kPriorityLocation, "LOCATION", "location"));
    }
  }
  guess_candidates(k, d, out);
}

namespace {

bool is_acronym(const DocView& d, size_t i) {
  const Token& t = d.tokens()[i];
  if (t.kind != TokenKind::kWord || !t.all_upper) return false;
  size_t letters = 0, n = 0;
  for (unsigned char c : d.token_text(i)) {
    ++n;
    if (c >= 'A' && c <= 'Z') ++letters;
    else if (!(c >= '0' && c <= '9') && c != '&') return false;
  }
  return letters >= 2 && n <= 6;
}

// A word that can stand in an unknown name: not a frequent lowercase word
// (a first name may open the run).
bool rare_name_word(const DocView& d, size_t i, bool first) {
  if (!is_name_word(d, i) || d.tokens()[i].all_upper) return false;
  std::string_view w = d.folded[i];
  if (w.size() < 2) return false;
  if (!d.lex(i, kCommonWord)) return true;
  return first && d.lex(i, kFirstName);
}

// Whether token i, letters, opens a model's designation: a hyphen and a number joined to
// it ("CRJ-200", "SU-35", "AK-47").
bool model_designation(const DocView& d, size_t i) {
  const auto& toks = d.tokens();
  return i + 2 < toks.size() && toks[i + 1].kind == TokenKind::kHyphen &&
         toks[i + 1].start == toks[i].end && toks[i + 2].kind == TokenKind::kNumber &&
         toks[i + 2].start == toks[i + 1].end;
}

}  // namespace

void guess_candidates(const Knowledge& k, const DocView& d, std::vector<Candidate>& out) {
  const auto& toks = d.tokens();
  const auto& lex = k.lexicons;
  // The guesses rest on knowing which words are common: without that lexicon
  // (a configuration without bundled resources) they are not made.
  if (!lex.has_common_words) return;
  const uint32_t* const capitals = d.capitals.data();
  for (size_t at = 0, size = d.capitals.size(); at < size;) {
    // An acronym (all_upper) or a name word (capitalized).
    const size_t i = capitals[at++];
    // A bare acronym outside a capitalised headline: "NHL", "6PR". Not a wire
    // service's code ("MERGERS, ACQUISITIONS (TNM)", "REG:MEST"), nor a common word
    // ("IT", "ERA", "SUV"), unless one of three letters or more after "the" ("the TAB
    // purchased", "the AFL": an institution's; the frequent words hold such acronyms).
    if (is_acronym(d, i) && !in_caps_run(d, i) && !wire_code(d, i) &&
        !d.lex(i, kNotOrgAcronym) && !model_designation(d, i) &&
        !(d.lex(i, kCommonWord) && (toks[i].end - toks[i].start < 3 || !after_the(d, i)))) {
      out.push_back(make_candidate(d, i, i + 1, kPriorityGuess, "ORG", "guess"));
      continue;
    }
    // Two or three rare capitalised words: "Kojima Minoru", "Eweryst Estkowski".
    if (i > 0 && is_name_word(d, i - 1) && d.same_sentence(i - 1, i)) continue;
    if (!rare_name_word(d, i, true) || after_the(d, i)) continue;
    size_t end = i + 1;
    while (end < toks.size() && end - i < 3 && d.same_sentence(i, end) &&
           rare_name_word(d, end, false))
      ++end;
    if (end - i < 2) continue;
    // A longer capitalised run (a title, a long name) is not a person.
    if (end < toks.size() && d.same_sentence(i, end) && is_name_word(d, end)) {
      at = capitals_after(capitals, size, at, end);
      continue;
    }
    size_t last = end - 1;
    if (names_no_person(d, i, end)) continue;
    out.push_back(make_candidate(d, i, end, kPriorityGuess, "PERSON", "guess"));
    at = capitals_after(capitals, size, at, last);
  }
}

void context_name_repeats(const DocView& d, std::vector<Candidate>& out) {
  constexpr size_t kMaxNames = 16;  // each capitalised token is compared with each
  std::vector<Candidate> names;
  for (const Candidate& c : out)
    if (c.named_by_context && c.end_token >= c.first_token + 2 && names.size() < kMaxNames)
      names.push_back(c);
  if (names.empty()) return;
  const auto& toks = d.tokens();
  for (const size_t i : d.capitals) {
    if (after_name_word(d, i)) continue;
    for (const Candidate& c : names) {
      const size_t size = c.end_token - c.first_token, end = i + size;
      if (i == c.first_token || end > toks.size() || !d.same_sentence(i, end - 1)) continue;
      bool same = true;
      for (size_t k = 0; k < size && same; ++k)
        same = toks[i + k].capitalized && d.folded[i + k] == d.folded[c.first_token + k];
      if (!same || (end < toks.size() && d.same_sentence(i, end) && is_name_word(d, end)))
        continue;
      out.push_back(make_candidate(d, i, end, kPriorityGazetteer, c.label, c.source));
      break;
    }
  }
}

}  // namespace liptako::internal
