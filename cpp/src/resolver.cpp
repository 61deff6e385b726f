// Resolution: from overlapping candidates to one entity per span, then
// in-document aliases (acronyms defined in the text, short mentions of people).
#include <algorithm>
#include <iterator>
#include <unordered_map>

#include "knowledge.h"
#include "liptako/text.h"

namespace liptako::internal {
namespace {

class Occupancy {
 public:
  explicit Occupancy(size_t n) : used_(n, false) {}
  bool free(size_t first, size_t end) const {
    for (size_t i = first; i < end; ++i)
      if (used_[i]) return false;
    return true;
  }
  void take(size_t first, size_t end) {
    for (size_t i = first; i < end; ++i) used_[i] = true;
  }

 private:
  std::vector<bool> used_;
};

bool is_connector(std::string_view folded) {
  return folded == "of" || folded == "the" || folded == "and" || folded == "for" ||
         folded == "on" || folded == "de" || folded == "&" || folded == "in";
}

// Letters and digits of an acronym token ("ECOWAS" -> "ecowas", "G5" -> "g5").
std::string acronym_key(std::string_view folded) {
  std::string out;
  for (char c : folded)
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
  return out;
}

// Tokens [first, p) whose capitalised words' initials spell `key`, or
// first == p when none: "Economic Community of West African States (ECOWAS)".
size_t long_form_start(const DocView& d, size_t p, const std::string& key) {
  const auto& toks = d.tokens();
  size_t i = p;
  size_t matched = key.size();
  while (i > 0 && matched > 0 && d.same_sentence(i - 1, p)) {
    size_t j = i - 1;
    std::string_view f = d.folded[j];
    if (is_transparent_token(toks, j)) {
      i = j;
      continue;
    }
    if (toks[j].kind != TokenKind::kWord) break;
    if (!toks[j].capitalized) {
      if (!is_connector(f)) break;
      i = j;
      continue;
    }
    if (f.empty() || f[0] != key[matched - 1]) break;
    --matched;
    i = j;
  }
  if (matched != 0 || i == p) return p;
  while (i < p && is_connector(d.folded[i])) ++i;  // no leading "the"
  return i;
}

}  // namespace

std::vector<Entity> resolve(const Knowledge& /*k*/, const DocView& d,
                            std::vector<Candidate> candidates) {
  const auto& toks = d.tokens();
  // Guesses (unlabelled capitalised runs, bare acronyms) only fill gaps; among the
  // others the longest wins, then priority, then the later configuration layer.
  // Sorts indices, not the candidates (each holds an Entity of six strings): same
  // comparator, same stable order, no string moves.
  std::vector<uint32_t> order(candidates.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint32_t>(i);
  std::stable_sort(order.begin(), order.end(),
                   [&candidates](uint32_t ia, uint32_t ib) {
                     const Candidate& a = candidates[ia];
                     const Candidate& b = candidates[ib];
                     bool ga = a.priority == kPriorityGuess, gb = b.priority == kPriorityGuess;
                     if (ga != gb) return gb;
                     uint32_t la = a.end_token - a.first_token, lb = b.end_token - b.first_token;
                     if (la != lb) return la > lb;
                     if (a.priority != b.priority) return a.priority > b.priority;
                     if (a.layer != b.layer) return a.layer > b.layer;
                     return a.first_token < b.first_token;
                   });
  Occupancy occupied(toks.size());
  // The kept candidates, as indices into `candidates`; later sorted by position.
  std::vector<uint32_t> chosen;
  chosen.reserve(candidates.size());
  std::vector<int32_t> chosen_starting_at(toks.size(), -1);  // token -> kept candidate
  for (uint32_t ci : order) {
    Candidate& c = candidates[ci];
    if (c.end_token <= c.first_token) continue;
    if (!occupied.free(c.first_token, c.end_token)) {
      // What a weaker candidate of the same span and label knows is kept: a title,
      // and the gazetteer's identity for a rule match that names no id of its own.
      int32_t at = chosen_starting_at[c.first_token];
      if (at < 0) continue;
      Candidate& w = candidates[static_cast<size_t>(at)];
      if (w.end_token != c.end_token || w.entity.label != c.entity.label) continue;
      if (w.entity.title.empty()) w.entity.title = c.entity.title;
      if (w.priority == kPriorityUserRule && c.priority == kPriorityGazetteer &&
          w.entity.id == default_entity_id(w.entity.label, w.entity.name)) {
        w.entity.id = c.entity.id;
        w.entity.name = c.entity.name;
        w.entity.mention = c.entity.mention;
      }
      continue;
    }
    if (c.entity.id.empty()) c.entity.id = default_entity_id(c.entity.label, c.entity.name);
    chosen_starting_at[c.first_token] = static_cast<int32_t>(ci);
    occupied.take(c.first_token, c.end_token);
    chosen.push_back(ci);
  }
  // Kept candidates never overlap: their first tokens are distinct.
  std::sort(chosen.begin(), chosen.end(), [&candidates](uint32_t a, uint32_t b) {
    return candidates[a].first_token < candidates[b].first_token;
  });

  std::vector<Candidate> added;
  // Acronyms defined in the text: "Long Form (ACR)".
  // Keys are views into the document's text / folded tokens (alive during resolve).
  std::unordered_map<std::string_view, Entity> acronyms;  // exact acronym text -> entity
  for (size_t p = 1; p + 2 < toks.size(); ++p) {
    if (d.token_text(p) != "(" || d.token_text(p + 2) != ")") continue;
    const Token& a = toks[p + 1];
    if (a.kind != TokenKind::kWord || !a.all_upper || a.end - a.start < 2) continue;
    std::string_view acr = d.token_text(p + 1);
    if (acronyms.count(acr)) continue;
    // chosen is sorted and non-overlapping: the last one starting before p.
    const Candidate* long_form = nullptr;
    auto it = std::lower_bound(chosen.begin(), chosen.end(), p, [&candidates](uint32_t c, size_t pos) {
      return candidates[c].first_token < pos;
    });
    if (it != chosen.begin() && candidates[*std::prev(it)].end_token == p)
      long_form = &candidates[*std::prev(it)];
    if (long_form) {
      // "Economic Community of West African States (ECOWAS)", not "ABUJA (AP)".
      std::string_view first = d.folded[long_form->first_token];
      if (long_form->entity.label == "PERSON" ||
          long_form->end_token - long_form->first_token < 2 || first.empty() ||
          first[0] != d.folded[p + 1][0])
        continue;
      acronyms[acr] = long_form->entity;
      continue;
    }
    size_t first = long_form_start(d, p, acronym_key(d.folded[p + 1]));
    if (first == p || !occupied.free(first, p)) continue;
    Candidate c;
    c.first_token = static_cast<uint32_t>(first);
    c.end_token = static_cast<uint32_t>(p);
    c.entity.start = toks[first].start;
    c.entity.end = toks[p - 1].end;
    c.entity.label = "ORG";
    c.entity.name = std::string(d.text.substr(c.entity.start, c.entity.end - c.entity.start));
    c.entity.id = default_entity_id("ORG", c.entity.name);
    c.entity.mention = "name";
    c.entity.source = "acronym";
    occupied.take(first, p);
    acronyms[acr] = c.entity;
    added.push_back(std::move(c));
  }
  if (!acronyms.empty()) {
    // The text's own definition wins over a gazetteer reading of the same
    // letters ("Alliance of Sahel States (AES)" is not the AES company).
    for (uint32_t ci : chosen) {
      Candidate& c = candidates[ci];
      if (c.end_token - c.first_token != 1 || !toks[c.first_token].all_upper) continue;
      auto it = acronyms.find(d.token_text(c.first_token));
      if (it == acronyms.end() || it->second.id == c.entity.id) continue;
      uint32_t start = c.entity.start, end = c.entity.end;
      c.entity = it->second;
      c.entity.start = start;
      c.entity.end = end;
      c.entity.mention = "acronym";
      c.entity.source = "acronym";
      c.entity.title.clear();
    }
    for (size_t i = 0; i < toks.size(); ++i) {
      if (!toks[i].all_upper || !occupied.free(i, i + 1)) continue;
      auto it = acronyms.find(d.token_text(i));
      if (it == acronyms.end()) continue;
      Candidate c;
      c.first_token = static_cast<uint32_t>(i);
      c.end_token = static_cast<uint32_t>(i + 1);
      c.entity = it->second;
      c.entity.start = toks[i].start;
      c.entity.end = toks[i].end;
      c.entity.mention = "acronym";
      c.entity.source = "acronym";
      c.entity.title.clear();
      occupied.take(i, i + 1);
      added.push_back(std::move(c));
    }
  }

  // People: a surname alone refers to the full name given in the document.
  struct Person {
    std::string id, name;
    bool ambiguous = false;
  };
  std::unordered_map<std::string_view, Person> surnames;  // folded last name word -> person
  for (uint32_t ci : chosen) {
    const Candidate& c = candidates[ci];
    if (c.entity.label != "PERSON" || c.end_token - c.first_token < 2) continue;
    size_t last = c.end_token - 1;
    std::string_view key = d.folded[last];
    auto it = surnames.find(key);
    if (it == surnames.end())
      surnames[key] = {c.entity.id, c.entity.name, false};
    else if (it->second.id != c.entity.id)
      it->second.ambiguous = true;
  }
  if (!surnames.empty()) {
    for (uint32_t ci : chosen) {  // "Mr. Diop" found alone by its title
      Candidate& c = candidates[ci];
      if (c.entity.label != "PERSON" || c.end_token - c.first_token != 1) continue;
      auto it = surnames.find(d.folded[c.first_token]);
      if (it == surnames.end() || it->second.ambiguous) continue;
      c.entity.id = it->second.id;
      c.entity.name = it->second.name;
      c.entity.mention = "partial";
    }
    for (size_t i = 0; i < toks.size(); ++i) {
      if (!toks[i].capitalized || toks[i].kind != TokenKind::kWord || !occupied.free(i, i + 1))
        continue;
      auto it = surnames.find(d.folded[i]);
      if (it == surnames.end() || it->second.ambiguous) continue;
      Candidate c;
      c.first_token = static_cast<uint32_t>(i);
      c.end_token = static_cast<uint32_t>(i + 1);
      c.entity.start = toks[i].start;
      c.entity.end = toks[i].end;
      c.entity.label = "PERSON";
      c.entity.id = it->second.id;
      c.entity.name = it->second.name;
      c.entity.mention = "partial";
      c.entity.source = "coref";
      occupied.take(i, i + 1);
      added.push_back(std::move(c));
    }
  }

  // Both lists, sorted by position, occupy distinct tokens: merge them.
  std::sort(added.begin(), added.end(), [](const Candidate& x, const Candidate& y) {
    return x.first_token < y.first_token;
  });
  std::vector<Entity> out;
  out.reserve(chosen.size() + added.size());
  size_t a = 0;
  for (uint32_t ci : chosen) {
    Candidate& c = candidates[ci];
    for (; a < added.size() && added[a].first_token < c.first_token; ++a)
      out.push_back(std::move(added[a].entity));
    out.push_back(std::move(c.entity));
  }
  for (; a < added.size(); ++a) out.push_back(std::move(added[a].entity));
  for (auto& e : out) e.sentence = sentence_at(d.tt.sentences, e.start);
  return out;
}

}  // namespace liptako::internal
