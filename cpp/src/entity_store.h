// Internal: the gazetteer entries an ExtractorBuilder reads, and then a built
// Extractor's entities, held compactly. Not part of the public API.
//
// An entry is a few integers; its strings live in one buffer, and its surfaces
// (the ways it is named) in one array. A million entries (the benchmark's
// largest gazetteer) need about 100 bytes each, where EntityRecords need 200
// before their surfaces, each of which is a heap allocation of its own.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "liptako/resources.h"

namespace liptako::internal {

// The kinds of surface a gazetteer entry has (Surface::mention), in the order
// parse_entity lists them.
inline constexpr std::array<std::string_view, 4> kMentionKinds = {"name", "alias", "acronym",
                                                                  "demonym"};

class EntityStore {
 public:
  // An entry's fields: views into the store, valid while it lives and is not
  // changed (add(), set_label(), set_id() and rewind() may move its buffer).
  struct Entity {
    std::string_view id, label, name, type, title;
    bool ambiguous = false;
    int layer = 0;
  };
  struct SurfaceView {
    std::string_view text;
    uint8_t mention = 0;  // index into kMentionKinds
    bool case_sensitive = false;
  };
  // What the store held at some moment, for rewind().
  struct Mark {
    size_t entries = 0, surfaces = 0, chars = 0;
  };

  size_t size() const { return entries_.size(); }
  // Room for `entries` entries, with a surface each.
  void reserve(size_t entries);
  // Appends r (its layer included). Throws LimitError when the store's strings
  // would pass 4 GiB, std::invalid_argument for a mention not in kMentionKinds.
  void add(const EntityRecord& r);
  Entity operator[](size_t i) const {  // inline: read for every gazetteer match
    const Entry& e = entries_[i];
    return {view(e.id), view(e.label), view(e.name), view(e.type), view(e.title), e.ambiguous,
            e.layer};
  }
  // Calls f(SurfaceView) for each surface of entry i, in the order they were added.
  template <typename F>
  void for_each_surface(size_t i, F&& f) const {
    const Entry& e = entries_[i];
    for (uint32_t k = 0; k < e.surface_count; ++k) {
      const StoredSurface& s = surfaces_[e.first_surface + k];
      f(SurfaceView{view(s.text), s.mention, s.case_sensitive});
    }
  }
  size_t surface_count() const { return surfaces_.size(); }
  // Entry i as an EntityRecord (tests, and callers of the public types).
  EntityRecord record(size_t i) const;

  void set_label(size_t i, std::string_view label);
  void set_id(size_t i, std::string_view id);
  // Gives the entries from `first` on the configuration layer `layer`.
  void set_layer(size_t first, int layer);

  Mark mark() const { return {entries_.size(), surfaces_.size(), chars_.size()}; }
  // Drops what was added after `m` (the entries, their surfaces and strings).
  void rewind(const Mark& m);
  // Frees the surfaces (a built Extractor keeps the phrases in its gazetteer)
  // and the buffers' spare room.
  void drop_surfaces();
  size_t memory_bytes() const;

 private:
  struct Text {
    uint32_t offset = 0, size = 0;
  };
  struct Entry {
    Text id, label, name, type, title;
    uint32_t first_surface = 0, surface_count = 0;
    int32_t layer = 0;
    bool ambiguous = false;
  };
  struct StoredSurface {
    Text text;
    uint8_t mention = 0;  // index into kMentionKinds
    bool case_sensitive = false;
  };

  Text put(std::string_view s);
  std::string_view view(Text t) const { return std::string_view(chars_).substr(t.offset, t.size); }

  std::string chars_;
  std::vector<Entry> entries_;
  std::vector<StoredSurface> surfaces_;
  Text last_label_;  // labels repeat entry after entry: stored once while they do
};

// Reads a gazetteer file and appends its entries to `out`, turning each entry
// into a stored entry as it is parsed: the file's JSON document is never held
// whole, so a file of a million entries needs little more memory than its
// entries. Gives what read_json_file + parse_gazetteer give, with the same
// errors (ConfigError naming the file, the JSON path and the reason; LimitError
// for a file larger than max_bytes, 0 = no limit). On an error `out` is left as
// it was.
void read_gazetteer_file(const std::string& path, EntityStore& out, size_t max_bytes = 0);

}  // namespace liptako::internal
