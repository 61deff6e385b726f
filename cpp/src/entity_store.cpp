#include "entity_store.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

#include "liptako/errors.h"

namespace liptako::internal {

EntityStore::Text EntityStore::put(std::string_view s) {
  if (s.empty()) return {};
  constexpr size_t kMax = std::numeric_limits<uint32_t>::max();
  if (s.size() > kMax - chars_.size())
    throw LimitError("gazetteer entries of more than 4 GiB of text");
  const Text t{static_cast<uint32_t>(chars_.size()), static_cast<uint32_t>(s.size())};
  chars_.append(s);
  return t;
}

void EntityStore::reserve(size_t entries) {
  entries_.reserve(entries);
  surfaces_.reserve(entries);
}

void EntityStore::add(const EntityRecord& r) {
  auto kind_of = [](const Surface& s) {
    return static_cast<size_t>(std::find(kMentionKinds.begin(), kMentionKinds.end(), s.mention) -
                               kMentionKinds.begin());
  };
  for (const Surface& s : r.surfaces)  // checked first: nothing is stored then
    if (kind_of(s) == kMentionKinds.size())
      throw std::invalid_argument("unknown mention kind '" + s.mention + "'");
  const Mark before = mark();
  try {
    Entry e;
    e.id = put(r.id);
    if (!r.label.empty() && view(last_label_) != r.label) last_label_ = put(r.label);
    e.label = r.label.empty() ? Text{} : last_label_;
    e.name = put(r.name);
    e.type = put(r.type);
    e.title = put(r.title);
    e.ambiguous = r.ambiguous;
    e.layer = r.layer;
    e.first_surface = static_cast<uint32_t>(surfaces_.size());
    e.surface_count = static_cast<uint32_t>(r.surfaces.size());
    for (const Surface& s : r.surfaces) {
      StoredSurface stored;
      // Most entries are named by their name: its text is stored once.
      stored.text = s.text == r.name ? e.name : put(s.text);
      stored.mention = static_cast<uint8_t>(kind_of(s));
      stored.case_sensitive = s.case_sensitive;
      surfaces_.push_back(stored);
    }
    entries_.push_back(e);
  } catch (...) {  // the limit, or no memory: nothing of r stays
    rewind(before);
    throw;
  }
}

EntityRecord EntityStore::record(size_t i) const {
  const Entity e = (*this)[i];
  EntityRecord r;
  r.id = e.id;
  r.label = e.label;
  r.name = e.name;
  r.type = e.type;
  r.title = e.title;
  r.ambiguous = e.ambiguous;
  r.layer = e.layer;
  for_each_surface(i, [&r](const SurfaceView& s) {
    r.surfaces.push_back(
        {std::string(s.text), std::string(kMentionKinds[s.mention]), s.case_sensitive});
  });
  return r;
}

void EntityStore::set_label(size_t i, std::string_view label) {
  if (view(last_label_) != label) last_label_ = put(label);
  entries_[i].label = last_label_;
}

void EntityStore::set_id(size_t i, std::string_view id) { entries_[i].id = put(id); }

void EntityStore::set_layer(size_t first, int layer) {
  for (size_t i = first; i < entries_.size(); ++i) entries_[i].layer = layer;
}

void EntityStore::rewind(const Mark& m) {
  entries_.resize(m.entries);
  surfaces_.resize(m.surfaces);
  chars_.resize(m.chars);
  if (last_label_.offset + last_label_.size > m.chars) last_label_ = {};
}

void EntityStore::drop_surfaces() {
  for (Entry& e : entries_) e.first_surface = e.surface_count = 0;
  surfaces_.clear();
  surfaces_.shrink_to_fit();
  entries_.shrink_to_fit();
  chars_.shrink_to_fit();
}

size_t EntityStore::memory_bytes() const {
  return chars_.capacity() + entries_.capacity() * sizeof(Entry) +
         surfaces_.capacity() * sizeof(StoredSurface);
}

}  // namespace liptako::internal
