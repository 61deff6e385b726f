// Resolution: from overlapping candidates to one entity per span, then
// in-document aliases (acronyms defined in the text, short mentions of people).
#include <algorithm>
#include <functional>
#include <iterator>
#include <unordered_map>

#include "knowledge.h"
#include "liptako/text.h"

namespace liptako::internal {
namespace {

// Which tokens an entity holds: by token, the index (in the candidates) of the
// kept candidate that holds it (see resolve()), kAdded for an entity resolve()
// adds, or -1.
class Occupancy {
 public:
  static constexpr int32_t kAdded = INT32_MAX;
  // Of n free tokens, in `owners` (its capacity reused).
  Occupancy(std::vector<int32_t>& owners, size_t n) : owner_(owners) { owner_.assign(n, -1); }
  bool free(size_t first, size_t end) const {
    for (size_t i = first; i < end; ++i)
      if (owner_[i] >= 0) return false;
    return true;
  }
  void take(size_t first, size_t end, int32_t owner) {
    for (size_t i = first; i < end; ++i) owner_[i] = owner;
  }
  int32_t owner(size_t i) const { return owner_[i]; }

 private:
  std::vector<int32_t>& owner_;  // (of bytes, each take() became a call of memset)
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

// The hash of the maps keyed by views of the text or of folded tokens: short
// words, hashed inline (std::hash calls libstdc++'s _Hash_bytes).
struct ViewHash {
  size_t operator()(std::string_view s) const { return StringIndex::hash(s); }
};

// The tokens of a kept candidate; its entity is at the same index in `entities`.
using KeptSpan = ResolveBuffers::KeptSpan;

// An entity resolve() adds: an acronym or a later mention of a person.
struct Added {
  uint32_t first_token = 0;
  uint32_t end_token = 0;
  Entity entity;
};

// The entity of candidate `c`: entities.emplace_back(EntityOf{c}) constructs it
// in place, each string once from its view (the conversion's result initialises
// the element itself; std::string(view) is inlined, where append() to an empty
// string is a library call).
struct EntityOf {
  const Candidate& c;
  operator Entity() const {
    // Entity's members in their order (start, end, label, id, name, mention,
    // source, sentence, title): Entity is an aggregate.
    return Entity{c.start,
                  c.end,
                  std::string(c.label),
                  c.id.empty() ? default_entity_id(c.label, c.name) : std::string(c.id),
                  std::string(c.name),
                  std::string(c.mention),
                  std::string(c.source),
                  0,  // sentence: set by resolve()
                  std::string(c.title)};
  }
};

// A summary of a set of words: a word whose bit (of its length and first byte)
// is clear in the set's mask is not in the set.
uint64_t word_bit(std::string_view w) {
  const size_t first = w.empty() ? 0 : static_cast<unsigned char>(w[0]);
  return uint64_t{1} << ((w.size() * 7 + first) & 63);
}

// Token `i` is the one character `c`.
bool is_char(const DocView& d, size_t i, char c) {
  const Token& t = d.tokens()[i];
  return t.end - t.start == 1 && d.text[t.start] == c;
}

bool is_person(const Entity& e) { return std::string_view(e.label) == "PERSON"; }

// `e` becomes a partial mention of `full`, found by coreference: its label, id and name.
void refer_to(Entity& e, const Entity& full) {
  e.label = full.label;
  e.id = full.id;
  e.name = full.name;
  e.mention = "partial";
  e.source = "coref";
  e.title.clear();
}

// The last token of the name over tokens [first, end) that is not its generation
// (kGenerations, and the period of "Jr."): the surname's. At least `first`.
size_t surname_token(const DocView& d, size_t first, size_t end) {
  size_t last = end - 1;
  while (last > first && (d.folded[last] == "." || in_list(kGenerations, d.folded[last]))) --last;
  return last;
}

// The words of tokens [a, a_end) occur, in order, among those of [b, b_end)
// ("Dewa Budjana" in "I Dewa Gede Budjana").
bool words_within(const DocView& d, size_t a, size_t a_end, size_t b, size_t b_end) {
  for (; a < a_end && b < b_end; ++b)
    if (d.folded[a] == d.folded[b]) ++a;
  return a == a_end;
}

// One person under two full names: a name whose words all occur, in order, in a
// longer name of the document with the same first and last word ("Dewa Budjana"
// and "I Dewa Gede Budjana", "Omar al-Bashir" and "Omar Hassan al-Bashir") is
// that person's, a partial mention of it. Among names with the same first and
// last word, a gazetteer's entity comes first, then the longest; if one of them
// is no part of that one ("John A. Smith", "John B. Smith") none changes.
// `full_names`: scratch. Entities keep their place; only ids, names and mention
// kinds change.
void unify_full_names(const DocView& d, const std::vector<KeptSpan>& chosen,
                      std::vector<Entity>& entities, std::vector<ResolveBuffers::Keyed>& full_names) {
  full_names.clear();
  auto first_word = [&](uint32_t ci) { return d.folded[chosen[ci].first_token]; };
  auto last_word = [&](uint32_t ci) {
    return d.folded[surname_token(d, chosen[ci].first_token, chosen[ci].end_token)];
  };
  const std::hash<std::string_view> hash;
  for (size_t ci = 0; ci < chosen.size(); ++ci) {
    if (chosen[ci].end_token - chosen[ci].first_token < 2 || !is_person(entities[ci])) continue;
    const auto i = static_cast<uint32_t>(ci);
    full_names.push_back({hash(first_word(i)) * 0x9E3779B97F4A7C15ULL ^ hash(last_word(i)), i});
  }
  if (full_names.size() < 2) return;
  // Names of the same first and last word side by side, in text order: their keys
  // are equal (and others' almost surely not: a pair of different words with the
  // same key is only left alone).
  std::sort(full_names.begin(), full_names.end(),
            [](const ResolveBuffers::Keyed& a, const ResolveBuffers::Keyed& b) {
              return a.key < b.key || (a.key == b.key && a.index < b.index);
            });
  auto length = [&](uint32_t ci) { return chosen[ci].end_token - chosen[ci].first_token; };
  auto from_gazetteer = [&](uint32_t ci) { return entities[ci].source == "gazetteer"; };
  for (size_t g = 0; g < full_names.size();) {
    size_t g_end = g + 1;
    while (g_end < full_names.size() && full_names[g_end].key == full_names[g].key) ++g_end;
    if (g_end - g < 2) {  // most names: no other with its first and last word
      g = g_end;
      continue;
    }
    auto same_words = [&](uint32_t ci) {
      const uint32_t first = full_names[g].index;
      return first_word(ci) == first_word(first) && last_word(ci) == last_word(first);
    };
    // The group's entity: the first from the gazetteer, else the first longest.
    uint32_t main = full_names[g].index;
    for (size_t k = g + 1; k < g_end; ++k) {
      const uint32_t ci = full_names[k].index;
      if (!same_words(ci)) continue;
      const bool better = from_gazetteer(ci) != from_gazetteer(main) ? from_gazetteer(ci)
                                                                      : length(ci) > length(main);
      if (better) main = ci;
    }
    bool all_within = true;
    for (size_t k = g; k < g_end && all_within; ++k) {
      const KeptSpan& c = chosen[full_names[k].index];
      all_within = !same_words(full_names[k].index) ||
                   words_within(d, c.first_token, c.end_token, chosen[main].first_token,
                                chosen[main].end_token);
    }
    for (size_t k = g; k < g_end && all_within; ++k) {
      Entity& e = entities[full_names[k].index];
      if (!same_words(full_names[k].index) || e.id == entities[main].id) continue;
      e.id = entities[main].id;
      e.name = entities[main].name;
      e.mention = "partial";
    }
    g = g_end;
  }
}

// "Le Pen" after "Marine Le Pen", "van Dijk" after "Ana van Dijk": a person's name of
// two or three words that opens with a name particle (kNameParticles) and whose words
// end a longer person's name of the document is that person's, a partial mention (when
// the longer names it ends all name one entity). Such names are found by their last
// word among the longer names, sorted by it. `longer`: scratch.
void unify_particle_surnames(const DocView& d, const std::vector<KeptSpan>& chosen,
                             std::vector<Entity>& entities,
                             std::vector<ResolveBuffers::Keyed>& longer) {
  auto length = [&](size_t ci) { return chosen[ci].end_token - chosen[ci].first_token; };
  auto particle_led = [&](size_t ci) {
    return is_person(entities[ci]) && length(ci) >= 2 && length(ci) <= 3 &&
           d.lex(chosen[ci].first_token, kNameParticle);
  };
  bool any = false;
  for (size_t ci = 0; ci < chosen.size() && !any; ++ci) any = particle_led(ci);
  if (!any) return;  // most documents
  const std::hash<std::string_view> hash;
  auto last_word = [&](size_t ci) { return d.folded[chosen[ci].end_token - 1]; };
  longer.clear();
  for (size_t ci = 0; ci < chosen.size(); ++ci)
    if (is_person(entities[ci]) && length(ci) >= 3)
      longer.push_back({hash(last_word(ci)), static_cast<uint32_t>(ci)});
  std::sort(longer.begin(), longer.end(),
            [](const ResolveBuffers::Keyed& a, const ResolveBuffers::Keyed& b) {
              return a.key < b.key;
            });
  for (size_t ci = 0; ci < chosen.size(); ++ci) {
    if (!particle_led(ci)) continue;
    const uint64_t key = hash(last_word(ci));
    auto it = std::lower_bound(longer.begin(), longer.end(), key,
                               [](const ResolveBuffers::Keyed& k, uint64_t v) { return k.key < v; });
    const Entity* full = nullptr;
    bool one = true;
    for (; it != longer.end() && it->key == key; ++it) {
      const size_t li = it->index;
      if (length(li) <= length(ci)) continue;
      bool ends = true;  // the words of ci end those of li
      for (size_t k = 1; k <= length(ci) && ends; ++k)
        ends = d.folded[chosen[ci].end_token - k] == d.folded[chosen[li].end_token - k];
      if (!ends) continue;
      if (full != nullptr && full->id != entities[li].id) one = false;
      full = &entities[li];
    }
    if (full == nullptr || !one || full->id == entities[ci].id) continue;
    Entity& e = entities[ci];
    e.id = full->id;
    e.name = full->name;
    e.mention = "partial";
  }
}

}  // namespace

bool rank_candidates(const std::vector<Candidate>& candidates, ResolveBuffers& buffers,
                     bool allow_packed) {
  // Guesses (unlabelled capitalised runs, bare acronyms) only fill gaps; among the
  // others the longest wins, then priority, then the later configuration layer.
  // Sorts one integer key per candidate, not the candidates: the key orders as the
  // rank does, from its high bits: guess (0 first), length (complemented: longest
  // first), 7 - priority (highest first; priorities are kPriority* constants,
  // 0..7), layer (complemented: latest first), first token, then the index, so
  // that candidates of equal rank keep their order.
  static_assert(kPriorityGuess >= 0 && kPriorityUserRule <= 7, "priority: 3 bits of the key");
  std::vector<uint32_t>& ranked = buffers.ranked;
  ranked.resize(candidates.size());
  // Usually the key fits in 64 bits: 1 guess, 8 length (spans of up to 255
  // tokens), 3 priority, 4 layer (from 8 below the first candidate's to 7 above
  // it), 32 first token, 16 index (up to 65,536 candidates).
  if (allow_packed && !candidates.empty() && candidates.size() <= 0x10000) {
    std::vector<uint64_t>& keys = buffers.packed_order;
    keys.resize(candidates.size());
    const int64_t layer_base = int64_t{candidates[0].layer} - 8;
    uint64_t too_large = 0;  // a length or a layer that does not fit
    for (size_t i = 0; i < keys.size(); ++i) {
      const Candidate& c = candidates[i];
      const uint64_t length = c.end_token - c.first_token;
      const auto layer = static_cast<uint64_t>(c.layer - layer_base);
      too_large |= (length >> 8) | (layer >> 4);
      keys[i] = uint64_t{c.priority == kPriorityGuess} << 63 | (0xFF - length) << 55 |
                uint64_t{static_cast<uint32_t>(7 - c.priority)} << 52 | (0xF - layer) << 48 |
                uint64_t{c.first_token} << 16 | i;
    }
    if (too_large == 0) {
      std::sort(keys.begin(), keys.end());  // distinct keys: they hold the index
      for (size_t i = 0; i < keys.size(); ++i) ranked[i] = static_cast<uint32_t>(keys[i] & 0xFFFF);
      return true;
    }
  }
  // Else the same order by 128-bit keys: 1 guess, 32 length, 3 priority, 32 layer
  // (biased to unsigned), 32 first token; then the index.
  using Key = unsigned __int128;
  using Rank = ResolveBuffers::Rank;
  std::vector<Rank>& order = buffers.order;
  order.resize(candidates.size());
  for (size_t i = 0; i < order.size(); ++i) {
    const Candidate& c = candidates[i];
    const uint32_t length = c.end_token - c.first_token;
    const uint32_t layer = static_cast<uint32_t>(c.layer) ^ 0x80000000u;  // int order
    order[i].key = Key{c.priority == kPriorityGuess} << 99 | Key{~length} << 67 |
                   Key{static_cast<uint32_t>(7 - c.priority)} << 64 | Key{~layer} << 32 |
                   c.first_token;
    order[i].index = static_cast<uint32_t>(i);
  }
  std::sort(order.begin(), order.end(), [](const Rank& a, const Rank& b) {
    return a.key < b.key || (a.key == b.key && a.index < b.index);
  });
  for (size_t i = 0; i < order.size(); ++i) ranked[i] = order[i].index;
  return false;
}

std::vector<Entity> resolve(const Knowledge& k, const DocView& d,
                            std::vector<Candidate>& candidates, ResolveBuffers& buffers) {
  const auto& toks = d.tokens();
  // The loops over the tokens read them through locals, kept in registers (the
  // vector's own pointers would be reloaded at every token: the loops call functions);
  // those that look for later mentions visit only the capitalised tokens (d.capitals).
  const Token* const tok = toks.data();
  const size_t n = toks.size();
  rank_candidates(candidates, buffers);
  // Each kept candidate owns its tokens in `occupied` (by its index in
  // `candidates`, where a weaker one may add to it); their first tokens are
  // collected.
  Occupancy occupied(buffers.owners, toks.size());
  std::vector<uint32_t>& kept_starts = buffers.kept_starts;
  kept_starts.clear();
  for (const uint32_t index : buffers.ranked) {
    const Candidate& c = candidates[index];
    if (c.end_token <= c.first_token) continue;
    if (!occupied.free(c.first_token, c.end_token)) {
      // What a weaker candidate of the same span and label knows is kept: a title,
      // and the gazetteer's identity for a rule match that names no id of its own.
      const int32_t at = occupied.owner(c.first_token);
      if (at < 0) continue;
      Candidate& w = candidates[static_cast<size_t>(at)];
      if (w.first_token != c.first_token || w.end_token != c.end_token || w.label != c.label)
        continue;
      if (w.title.empty()) w.title = c.title;
      // (Gazetteer ids are never empty: EntityRecord ids default at parse.)
      if (w.priority == kPriorityUserRule && c.priority == kPriorityGazetteer &&
          (w.id.empty() ||
           w.id == default_entity_id(w.label, w.name))) {
        w.id = c.id;
        w.name = c.name;
        w.mention = c.mention;
      }
      continue;
    }
    occupied.take(c.first_token, c.end_token, static_cast<int32_t>(index));
    kept_starts.push_back(c.first_token);
  }
  // Kept candidates never overlap: their first tokens are distinct, and sorted
  // (a few, not a scan of every token) they give the kept candidates by position
  // through `occupied`. Only they are made entities, in the vector that is
  // returned when nothing is added below (the usual case).
  std::sort(kept_starts.begin(), kept_starts.end());
  std::vector<KeptSpan>& chosen = buffers.chosen;
  chosen.clear();
  std::vector<Entity> entities;  // parallel to chosen
  chosen.reserve(kept_starts.size());
  entities.reserve(kept_starts.size());
  for (uint32_t first : kept_starts) {
    const Candidate& c = candidates[static_cast<size_t>(occupied.owner(first))];
    chosen.push_back({c.first_token, c.end_token, c.yields_to_surname});
    entities.emplace_back(EntityOf{c});
  }

  std::vector<Added> added;
  // Acronyms defined in the text: "Long Form (ACR)".
  // Keys are views into the document's text / folded tokens (alive during resolve).
  std::unordered_map<std::string_view, Entity, ViewHash> acronyms;  // exact acronym text -> entity
  // The tokens p (1 <= p, p + 2 < n) that are "(", in order: found from the
  // text's '(' bytes (each one a token of its own; tokens are non-empty and
  // ordered by start), not by visiting every token.
  size_t p = 0;
  for (size_t at = d.text.find('('); at != std::string_view::npos; at = d.text.find('(', at + 1)) {
    p = static_cast<size_t>(
        std::lower_bound(toks.begin() + static_cast<std::ptrdiff_t>(p), toks.end(), at,
                         [](const Token& t, size_t pos) { return t.start < pos; }) -
        toks.begin());
    if (p + 2 >= n) break;
    if (p == 0 || toks[p].start != at || !is_char(d, p, '(')) continue;
    const Token& a = toks[p + 1];
    if (!a.all_upper || a.kind != TokenKind::kWord || a.end - a.start < 2) continue;
    if (!is_char(d, p + 2, ')')) continue;
    std::string_view acr = d.token_text(p + 1);
    if (acronyms.count(acr)) continue;
    // chosen is sorted and non-overlapping: the last one starting before p.
    auto it = std::lower_bound(chosen.begin(), chosen.end(), p,
                               [](const KeptSpan& c, size_t pos) { return c.first_token < pos; });
    if (it != chosen.begin() && std::prev(it)->end_token == p) {
      const KeptSpan& long_form = *std::prev(it);
      const Entity& long_entity = entities[static_cast<size_t>(std::prev(it) - chosen.begin())];
      // "Economic Community of West African States (ECOWAS)", not "ABUJA (AP)".
      std::string_view first = d.folded[long_form.first_token];
      if (is_person(long_entity) || long_form.end_token - long_form.first_token < 2 ||
          first.empty() || first[0] != d.folded[p + 1][0])
        continue;
      acronyms[acr] = long_entity;
      continue;
    }
    size_t first = long_form_start(d, p, acronym_key(d.folded[p + 1]));
    if (first == p || !occupied.free(first, p)) continue;
    Added c;
    c.first_token = static_cast<uint32_t>(first);
    c.end_token = static_cast<uint32_t>(p);
    c.entity.start = toks[first].start;
    c.entity.end = toks[p - 1].end;
    c.entity.label = "ORG";
    c.entity.name = std::string(d.text.substr(c.entity.start, c.entity.end - c.entity.start));
    c.entity.id = default_entity_id("ORG", c.entity.name);
    c.entity.mention = "name";
    c.entity.source = "acronym";
    occupied.take(first, p, Occupancy::kAdded);
    acronyms[acr] = c.entity;
    added.push_back(std::move(c));
  }
  if (!acronyms.empty()) {
    // The text's own definition wins over a gazetteer reading of the same
    // letters ("Alliance of Sahel States (AES)" is not the AES company).
    for (size_t ci = 0; ci < chosen.size(); ++ci) {
      const KeptSpan& c = chosen[ci];
      Entity& e = entities[ci];
      if (c.end_token - c.first_token != 1 || !toks[c.first_token].all_upper) continue;
      auto it = acronyms.find(d.token_text(c.first_token));
      if (it == acronyms.end() || it->second.id == e.id) continue;
      uint32_t start = e.start, end = e.end;
      e = it->second;
      e.start = start;
      e.end = end;
      e.mention = "acronym";
      e.source = "acronym";
      e.title.clear();
    }
    for (const size_t i : d.capitals) {
      if (!tok[i].all_upper || !occupied.free(i, i + 1)) continue;
      auto it = acronyms.find(d.token_text(i));
      if (it == acronyms.end()) continue;
      Added c;
      c.first_token = static_cast<uint32_t>(i);
      c.end_token = static_cast<uint32_t>(i + 1);
      c.entity = it->second;
      c.entity.start = toks[i].start;
      c.entity.end = toks[i].end;
      c.entity.mention = "acronym";
      c.entity.source = "acronym";
      c.entity.title.clear();
      occupied.take(i, i + 1, Occupancy::kAdded);
      added.push_back(std::move(c));
    }
  }

  unify_full_names(d, chosen, entities, buffers.full_names);
  unify_particle_surnames(d, chosen, entities, buffers.full_names);

  // People: a surname alone refers to the full name given in the document, and so
  // does a given name that is no common word ("Stan" after "Stan Smith"; "Kim"
  // after "Kim Jong Un"). Below, only one-token entities change, and `entities`
  // does not grow: a full name is read where it stands.
  // Each full name's folded last (first) word, sorted, then one per word (the first
  // full name with it, and whether a later one has another id), found by binary search.
  using NameWord = ResolveBuffers::NameWord;
  // Tokens [first, end) (free) name the entity `full`: a partial mention of it.
  auto add_short_mention = [&](size_t first, size_t end, const Entity& full) {
    Added c;
    c.first_token = static_cast<uint32_t>(first);
    c.end_token = static_cast<uint32_t>(end);
    c.entity.start = toks[first].start;
    c.entity.end = toks[end - 1].end;
    c.entity.label = full.label;
    c.entity.id = full.id;
    c.entity.name = full.name;
    c.entity.mention = "partial";
    c.entity.source = "coref";
    occupied.take(first, end, Occupancy::kAdded);
    added.push_back(std::move(c));
  };
  // Sorts `index` by word, then keeps one entry per word: the first entity with it,
  // ambiguous when another has another id.
  auto dedupe_name_words = [&](std::vector<NameWord>& index) {
    std::sort(index.begin(), index.end(), [](const NameWord& a, const NameWord& b) {
      return a.word < b.word || (a.word == b.word && a.full < b.full);
    });
    size_t distinct = 0;
    for (const NameWord& s : index) {
      if (distinct > 0 && s.word == index[distinct - 1].word) {
        NameWord& first = index[distinct - 1];
        if (entities[s.full].id != entities[first.full].id) first.ambiguous = true;
        continue;
      }
      index[distinct++] = s;
    }
    index.resize(distinct);
  };
  // The full names' last (first) words into `index`, unsorted, and their word_bit()s.
  auto index_name_words = [&](bool last, std::vector<NameWord>& index, uint64_t& bits) {
    index.clear();
    bits = 0;
    for (size_t ci = 0; ci < chosen.size(); ++ci) {
      const KeptSpan& c = chosen[ci];
      // (A partial mention's first word is no given name: "Nandi" of "Nandi-Ndaitwah".)
      if (!is_person(entities[ci]) || c.end_token - c.first_token < 2 ||
          (!last && entities[ci].mention == "partial"))
        continue;
      const std::string_view word =
          d.folded[last ? surname_token(d, c.first_token, c.end_token) : c.first_token];
      index.push_back({word, static_cast<uint32_t>(ci), false});
      bits |= word_bit(word);
      // (and the middle word of three that open with a given name, itself no given name,
      // common word or particle: "Tchiroma" of "Issa Tchiroma Bakary")
      const size_t middle = c.first_token + 1;
      if (last && c.end_token - c.first_token == 3 && d.lex(c.first_token, kFirstName) &&
          tok[middle].capitalized && tok[middle].kind == TokenKind::kWord &&
          tok[middle + 1].kind == TokenKind::kWord && !d.lex(middle, kFirstName) &&
          !d.lex(middle, kCommonWord) && !d.lex(middle, kNameParticle)) {
        index.push_back({d.folded[middle], static_cast<uint32_t>(ci), false});
        bits |= word_bit(d.folded[middle]);
      }
    }
  };
  // The entry of `word` in `index`, or null. An index is sorted and deduplicated
  // when first asked (`sorted`): most documents never ask of the given names.
  auto find_word = [&](std::vector<NameWord>& index, bool& sorted,
                       std::string_view word) -> const NameWord* {
    if (!sorted) {
      dedupe_name_words(index);
      sorted = true;
    }
    auto it = std::lower_bound(index.begin(), index.end(), word,
                               [](const NameWord& s, std::string_view w) { return s.word < w; });
    return it == index.end() || it->word != word ? nullptr : &*it;
  };
  // The entity that an entry's word alone refers to, or null (no entry, or ambiguous).
  auto named_by = [&](const NameWord* w) -> const Entity* {
    return w == nullptr || w->ambiguous ? nullptr : &entities[w->full];
  };
  // The document's companies named with their legal form (kLegalForms): "Norton
  // Co.", "Milton Roy Corp.", indexed by their first word; those named by one word
  // and the form alone ("Orkem S.A.") in `word_companies` too. The other
  // organisations of two words or more in `org_words`, by a first word that is no
  // common word, given name or organisation head ("Kessler" of "Kessler Agency").
  std::vector<NameWord>& companies = buffers.companies;
  std::vector<NameWord>& word_companies = buffers.word_companies;
  std::vector<NameWord>& org_words = buffers.org_words;
  companies.clear();
  word_companies.clear();
  org_words.clear();
  uint64_t company_bits = 0, org_word_bits = 0;
  // The token of a kept span's legal form at its end ("Co" of "Norton Co."), or its
  // end_token if it has none.
  auto legal_form_token = [&](const KeptSpan& c) -> size_t {
    if (c.end_token - c.first_token < 2) return c.end_token;
    size_t form = c.end_token - 1;
    if (d.folded[form] == "." && form > c.first_token + 1) --form;
    return d.lex(form, kLegalForm) ? form : c.end_token;
  };
  for (size_t ci = 0; ci < chosen.size(); ++ci) {
    const KeptSpan& c = chosen[ci];
    if (std::string_view(entities[ci].label) != "ORG") continue;
    if (legal_form_token(c) == c.end_token) {
      // (not an initial: "T" of "T. Rowe Price"; one word of letters too: "Chadema" after
      // "the main opposition party, Chadema,", not "Ez2DJ")
      const std::string_view first = d.folded[c.first_token];
      const bool letters = std::all_of(first.begin(), first.end(),
                                       [](char ch) { return ch >= 'a' && ch <= 'z'; });
      if ((c.end_token - c.first_token >= 2 || letters) && first.size() >= 2 &&
          !d.lex(c.first_token, kCommonWord) && !d.lex(c.first_token, kFirstName) &&
          !d.lex(c.first_token, kOrgHead)) {
        org_words.push_back({d.folded[c.first_token], static_cast<uint32_t>(ci), false});
        org_word_bits |= word_bit(d.folded[c.first_token]);
      }
      continue;
    }
    companies.push_back({d.folded[c.first_token], static_cast<uint32_t>(ci), false});
    if (legal_form_token(c) == c.first_token + 1)
      word_companies.push_back({d.folded[c.first_token], static_cast<uint32_t>(ci), false});
    company_bits |= word_bit(d.folded[c.first_token]);
  }
  // A person's name of two words or more that opens the name of the document's one
  // company with that first word, before its legal form, is the company's: "Milton
  // Roy" after "Milton Roy Corp.", "Polly Peck" after "Polly Peck International Inc."
  // (before the people's names are indexed: it names no person).
  bool companies_sorted = false;
  if (!companies.empty()) {
    for (size_t ci = 0; ci < chosen.size(); ++ci) {
      const KeptSpan& p = chosen[ci];
      Entity& e = entities[ci];
      const size_t words = p.end_token - p.first_token;
      if (!is_person(e) || words < 2 || !(company_bits & word_bit(d.folded[p.first_token])))
        continue;
      const NameWord* w = find_word(companies, companies_sorted, d.folded[p.first_token]);
      if (w == nullptr || w->ambiguous) continue;
      const KeptSpan& c = chosen[w->full];
      if (c.first_token + words > legal_form_token(c)) continue;
      bool opens = true;
      for (size_t k = 1; k < words && opens; ++k)
        opens = d.folded[p.first_token + k] == d.folded[c.first_token + k];
      if (!opens) continue;
      refer_to(e, entities[w->full]);
    }
  }
  std::vector<NameWord>& surnames = buffers.surnames;
  std::vector<NameWord>& given_names = buffers.given_names;
  uint64_t surname_bits = 0, given_bits = 0;  // word_bit() of every word of each index
  index_name_words(true, surnames, surname_bits);
  index_name_words(false, given_names, given_bits);
  bool surnames_sorted = false, given_names_sorted = false;
  // A capitalised word alone (not after or before another name word), no
  // organisation head ("Insurance") and no word that names nothing ("The"), that opens
  // the document's one company refers to it: "Norton" after "Norton Co.", "Ralston"
  // after "Ralston Purina Co.". Of several companies with that first word, the one
  // named by the word and its legal form alone: "Orkem" after "Orkem S.A." and "Orkem
  // Coatings U.K. Ltd.", the parent. Failing a company, the document's one other
  // organisation with that first word (`org_words`), unless a person of the document
  // has it as surname ("Kessler" after "Ana Kessler" and "the Kessler Agency"). Before
  // the people's short names below, which would take "Norton" for a given name.
  if (!companies.empty() || !org_words.empty()) {
    bool word_companies_sorted = false, org_words_sorted = false;
    for (const size_t i : d.capitals) {
      if (!tok[i].capitalized || tok[i].kind != TokenKind::kWord || !occupied.free(i, i + 1) ||
          !((company_bits | org_word_bits) & word_bit(d.folded[i])) || d.lex(i, kOrgHead) ||
          d.lex(i, kNonnameCapitalized) || after_name_word(d, i))
        continue;
      if (i + 1 < n && d.same_sentence(i, i + 1) && tok[i + 1].capitalized &&
          tok[i + 1].kind == TokenKind::kWord)
        continue;
      const NameWord* w = find_word(companies, companies_sorted, d.folded[i]);
      const Entity* company = named_by(w);
      if (company == nullptr && w != nullptr)
        company = named_by(find_word(word_companies, word_companies_sorted, d.folded[i]));
      if (company == nullptr && w == nullptr &&
          !((surname_bits & word_bit(d.folded[i])) &&
            find_word(surnames, surnames_sorted, d.folded[i]) != nullptr))
        company = named_by(find_word(org_words, org_words_sorted, d.folded[i]));
      if (company != nullptr) add_short_mention(i, i + 1, *company);
    }
  }

  // The entity token i alone refers to, or null: as a surname, or else as a given
  // name that is no common word, no full name's last word, and followed neither by
  // a capitalised word of its sentence (another name: "Stan Lee" after "Stan
  // Smith") nor by a number (a date: "Jan 9", "Jan. 9" after "Jan Egeland").
  auto full_name_of_token = [&](size_t i) -> const Entity* {
    const std::string_view word = d.folded[i];
    if (surname_bits & word_bit(word)) {
      if (const NameWord* s = find_word(surnames, surnames_sorted, word)) return named_by(s);
    }
    if (!(given_bits & word_bit(word)) || (d.lex(i, kCommonWord) && !d.lex(i, kFirstName)))
      return nullptr;
    size_t next = i + 1;
    if (next < toks.size() && d.folded[next] == "." && toks[next].start == toks[i].end) ++next;
    if (next < toks.size() && d.same_sentence(i, next) &&
        ((toks[next].capitalized && toks[next].kind == TokenKind::kWord && next == i + 1) ||
         toks[next].kind == TokenKind::kNumber))
      return nullptr;
    return named_by(find_word(given_names, given_names_sorted, word));
  };
  // A one-token name `c` (no person's) joined by a hyphen to a free capitalised word
  // that ends a full name of the document with the same two parts: "Nandi-Ndaitwah"
  // after "Netumbo Nandi-Ndaitwah" is the person's, not the place Nandi and the
  // person's surname. Then `c` and `e` become that partial mention of the person, over
  // the three tokens.
  auto takes_hyphenated_surname = [&](KeptSpan& c, Entity& e) -> bool {
    const size_t j = c.first_token;
    if (j + 2 >= n || !is_transparent_token(toks, j + 1) || !tok[j + 2].capitalized ||
        tok[j + 2].kind != TokenKind::kWord || !occupied.free(j + 1, j + 3) ||
        !(surname_bits & word_bit(d.folded[j + 2])))
      return false;
    const NameWord* w = find_word(surnames, surnames_sorted, d.folded[j + 2]);
    if (w == nullptr || w->ambiguous) return false;
    const KeptSpan& f = chosen[w->full];
    const size_t s = surname_token(d, f.first_token, f.end_token);
    if (s < f.first_token + 2 || !is_transparent_token(toks, s - 1) ||
        d.folded[s - 2] != d.folded[j])
      return false;
    refer_to(e, entities[w->full]);
    e.end = tok[j + 2].end;
    occupied.take(j + 1, j + 3, occupied.owner(j));
    c.end_token = static_cast<uint32_t>(j + 3);
    return true;
  };
  // The first of the free tokens before and at token i, the surname of the full name
  // `full`, that end that name too, a particle perhaps among them: "Vossem de Kessa" after
  // "Harlan Vossem de Kessa" (never its first word; a capitalised word first), or i.
  auto full_name_tail_start = [&](size_t i, const Entity& full) -> size_t {
    const KeptSpan& f = chosen[static_cast<size_t>(&full - entities.data())];
    size_t a = i, b = surname_token(d, f.first_token, f.end_token);
    if (d.folded[b] != d.folded[i]) return i;
    while (a > 0 && b > f.first_token + 1 && d.folded[a - 1] == d.folded[b - 1] &&
           occupied.free(a - 1, a) && d.same_sentence(a - 1, i)) {
      --a;
      --b;
    }
    while (a < i && !(tok[a].capitalized && tok[a].kind == TokenKind::kWord)) ++a;
    return a;
  };
  // "President Kessler", "Mr. Kessler" found alone by a title, no full name of the
  // document with that surname: the gazetteer's one person with it.
  if (!k.known_surnames.empty()) {
    for (size_t ci = 0; ci < chosen.size(); ++ci) {
      const KeptSpan& c = chosen[ci];
      Entity& e = entities[ci];
      if (!is_person(e) || c.end_token - c.first_token != 1 || e.source != "person") continue;
      const std::string_view word = d.folded[c.first_token];
      if ((surname_bits & word_bit(word)) && find_word(surnames, surnames_sorted, word)) continue;
      const int64_t known = k.person_with_surname(word);
      if (known < 0) continue;
      const EntityStore::Entity r = k.entities[static_cast<size_t>(known)];
      e.id.assign(r.id);
      e.name.assign(r.name);
      e.mention = "partial";
      e.source = "gazetteer";
    }
  }
  if (!surnames.empty()) {
    // "Mr. Diop" found alone by its title; "from Cardenas", a town's name, after
    // "Baltasar Cardenas".
    for (size_t ci = 0; ci < chosen.size(); ++ci) {
      KeptSpan& c = chosen[ci];
      Entity& e = entities[ci];
      if (c.end_token - c.first_token == 1 && !is_person(e) &&
          takes_hyphenated_surname(c, e)) {
        continue;
      }
      if (!(is_person(e) || c.yields_to_surname) || c.end_token - c.first_token != 1) continue;
      const Entity* full =
          named_by(find_word(surnames, surnames_sorted, d.folded[c.first_token]));
      // A place by a person's first word too when the name reads family name first, its
      // given name joined by a hyphen ("congratulated Lai" after "Lai Ching-te"; not
      // "visited Chad" after "Chad Johnson").
      if (full == nullptr && !is_person(e)) {
        const Entity* first_word_of = full_name_of_token(c.first_token);
        if (first_word_of != nullptr && first_word_of->name.find('-') != std::string::npos)
          full = first_word_of;
      }
      if (full == nullptr) continue;
      if (!is_person(e)) {
        e.label = full->label;
        e.source = "coref";
        e.title.clear();
      }
      e.id = full->id;
      e.name = full->name;
      e.mention = "partial";
    }
    for (const size_t i : d.capitals) {
      if (!tok[i].capitalized || tok[i].kind != TokenKind::kWord || !occupied.free(i, i + 1))
        continue;
      if (!((surname_bits | given_bits) & word_bit(d.folded[i]))) continue;  // spares the search
      if (after_name_word(d, i)) continue;
      if (const Entity* full = full_name_of_token(i)) {
        add_short_mention(full_name_tail_start(i, *full), i + 1, *full);
        continue;
      }
      // A surname that two people of the document share ("Bobick" after "Duane
      // Bobick" and "Rodney Bobick") names one of them: a person, under the
      // surname's own id, since which one the words do not tell.
      const std::string_view word = d.folded[i];
      const NameWord* shared =
          (surname_bits & word_bit(word)) ? find_word(surnames, surnames_sorted, word) : nullptr;
      if (shared != nullptr && shared->ambiguous) {
        Entity someone;
        someone.label = "PERSON";
        someone.name = std::string(d.token_text(i));
        someone.id = default_entity_id(someone.label, someone.name);
        add_short_mention(i, i + 1, someone);
      }
    }
  }

  // Organisations: "the Alliance" after "the Alliance of Sahel States". A head word
  // (the org_heads lexicon) after "the", with no capitalised word, "of" or "for"
  // after it, refers to the document's one organisation of two words or more named
  // with that word (none when organisations with other ids are named with it too).
  std::vector<NameWord>& org_heads = buffers.org_heads;
  org_heads.clear();
  for (size_t ci = 0; ci < chosen.size(); ++ci) {
    const KeptSpan& c = chosen[ci];
    if (std::string_view(entities[ci].label) != "ORG" || c.end_token - c.first_token < 2) continue;
    for (uint32_t k = c.first_token; k < c.end_token; ++k)
      if (d.lex(k, kOrgHead)) org_heads.push_back({d.folded[k], static_cast<uint32_t>(ci), false});
  }
  if (!org_heads.empty()) {
    bool org_heads_sorted = false;
    auto follows_the = [&](size_t i) {
      return i > 0 && d.folded[i - 1] == "the" && d.same_sentence(i - 1, i);
    };
    auto ends_there = [&](size_t i) {
      if (i + 1 >= toks.size() || !d.same_sentence(i, i + 1)) return true;
      const Token& next = toks[i + 1];
      return !(next.capitalized && next.kind == TokenKind::kWord) && d.folded[i + 1] != "of" &&
             d.folded[i + 1] != "for";
    };
    for (const size_t i : d.capitals) {
      if (!tok[i].capitalized || tok[i].kind != TokenKind::kWord || !d.lex(i, kOrgHead) ||
          !occupied.free(i, i + 1) || !follows_the(i) || !ends_there(i))
        continue;
      if (const Entity* full = named_by(find_word(org_heads, org_heads_sorted, d.folded[i])))
        add_short_mention(i, i + 1, *full);
    }
  }

  // An entity starts where its first token does, in that token's sentence.
  for (size_t ci = 0; ci < chosen.size(); ++ci)
    entities[ci].sentence = static_cast<int>(d.tt.sentence_of_token[chosen[ci].first_token]);
  for (Added& x : added)
    x.entity.sentence = static_cast<int>(d.tt.sentence_of_token[x.first_token]);
  if (added.empty()) return entities;
  // Both lists, sorted by position, occupy distinct tokens: merge them.
  std::sort(added.begin(), added.end(), [](const Added& x, const Added& y) {
    return x.first_token < y.first_token;
  });
  std::vector<Entity> out;
  out.reserve(chosen.size() + added.size());
  size_t a = 0;
  for (size_t ci = 0; ci < chosen.size(); ++ci) {
    for (; a < added.size() && added[a].first_token < chosen[ci].first_token; ++a)
      out.push_back(std::move(added[a].entity));
    out.push_back(std::move(entities[ci]));
  }
  for (; a < added.size(); ++a) out.push_back(std::move(added[a].entity));
  return out;
}

}  // namespace liptako::internal
