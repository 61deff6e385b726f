// PackedDocument: a liptako::Document kept compactly until its Python objects
// are built.
//
// A Document holds a vector per list, one per event's participants and a
// string per long id or name: some 60 blocks of memory for a news article. A
// document returned to Python keeps its engine result until its lists are
// first read, and is freed by the thread holding the GIL, the one thread
// every worker's output passes through: freeing blocks another thread
// allocated took half of that thread's time in extract_many. Packed on the
// worker thread, which frees the Document's blocks into its own allocator
// cache for the next document, a document is six blocks (its strings in one
// buffer, its records in five arrays of fixed-size entries) and less than
// half the memory: 7 KB instead of 17 KB for the benchmark's news articles.
//
// No Python here: made and read without the GIL; immutable once made.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "liptako/errors.h"
#include "liptako/types.h"

namespace liptako_python {

class PackedDocument {
 public:
  // A string of the document: [offset, offset + size) of its buffer.
  struct Str {
    uint32_t offset = 0;
    uint32_t size = 0;
  };
  struct Entity {
    uint32_t start, end;
    int32_t sentence;
    Str label, id, name, mention, source, title;
  };
  struct Timex {
    uint32_t start, end;
    int32_t sentence;
    Str type, value, anchor;
  };
  struct Participant {
    Str id, name, label, role;
    uint32_t start, end;
  };
  struct Event {
    Str type, cameo, modality;
    liptako::Span trigger, sentence;
    int32_t sentence_index, mentions;
    uint32_t first_participant, participant_count;  // into participants()
    bool has_date;
    Str date_value, date_text, date_source;  // empty without a date
  };

  // Takes the document's sentences; frees the rest of it on return. Throws
  // LimitError past 4 GiB of strings (a text of gigabytes full of names).
  explicit PackedDocument(liptako::Document doc)
      : has_dct_value_(doc.dct.date.has_value()), sentences_(std::move(doc.sentences)) {
    // Two passes: the records, with each string's place in the buffer, then
    // the buffer, allocated once at its size.
    std::vector<std::string_view>& strings = strings_to_copy();
    strings.clear();
    uint64_t size = 0;
    auto put = [&](std::string_view s) -> Str {
      if (s.empty()) return {};
      const Str at{static_cast<uint32_t>(size), static_cast<uint32_t>(s.size())};
      size += s.size();
      strings.push_back(s);
      return at;
    };
    id_ = put(doc.id);
    char date[64];
    if (const auto& d = doc.dct.date) {
      // As the JSON output (cpp/src/output.cpp): at most 15 bytes.
      const int n = std::snprintf(date, sizeof date, "%04d-%02d-%02d", d->year, d->month, d->day);
      dct_value_ = put(std::string_view(date, static_cast<size_t>(std::min(n, 15))));
    }
    dct_source_ = put(doc.dct.source);
    entities_.reserve(doc.entities.size());
    for (const liptako::Entity& e : doc.entities)
      entities_.push_back({e.start, e.end, e.sentence, put(e.label), put(e.id), put(e.name),
                           put(e.mention), put(e.source), put(e.title)});
    timexes_.reserve(doc.timexes.size());
    for (const liptako::Timex& t : doc.timexes)
      timexes_.push_back(
          {t.start, t.end, t.sentence, put(t.type), put(t.value), put(t.anchor)});
    events_.reserve(doc.events.size());
    size_t participants = 0;
    for (const liptako::Event& ev : doc.events) participants += ev.participants.size();
    participants_.reserve(participants);
    for (const liptako::Event& ev : doc.events) {
      Event packed{put(ev.type), put(ev.cameo), put(ev.modality), ev.trigger, ev.sentence,
                   ev.sentence_index, ev.mentions,
                   static_cast<uint32_t>(participants_.size()),
                   static_cast<uint32_t>(ev.participants.size()), ev.date.has_value(),
                   {}, {}, {}};
      if (ev.date) {
        packed.date_value = put(ev.date->value);
        packed.date_text = put(ev.date->text);
        packed.date_source = put(ev.date->source);
      }
      events_.push_back(packed);
      for (const liptako::EventParticipant& p : ev.participants)
        participants_.push_back({put(p.id), put(p.name), put(p.label), put(p.role), p.start,
                                 p.end});
    }
    if (size > UINT32_MAX)
      throw liptako::LimitError("the document's results exceed 4 GiB of strings");
    chars_.reset(new char[size]);  // every byte written below
    char* out = chars_.get();
    for (std::string_view s : strings) {
      std::memcpy(out, s.data(), s.size());
      out += s.size();
    }
  }

  std::string_view str(Str s) const { return {chars_.get() + s.offset, s.size}; }

  std::string_view id() const { return str(id_); }
  // The DCT's value ("2023-09-18"), if it has one.
  std::optional<std::string_view> dct_value() const {
    if (!has_dct_value_) return std::nullopt;
    return str(dct_value_);
  }
  std::string_view dct_source() const { return str(dct_source_); }
  const std::vector<liptako::Sentence>& sentences() const { return sentences_; }
  const std::vector<Entity>& entities() const { return entities_; }
  const std::vector<Timex>& timexes() const { return timexes_; }
  const std::vector<Event>& events() const { return events_; }
  const Participant& participant(const Event& ev, uint32_t k) const {
    return participants_[ev.first_participant + k];
  }

 private:
  // The strings of the document being packed, in buffer order: a list per
  // thread, its capacity kept from one document to the next.
  static std::vector<std::string_view>& strings_to_copy() {
    thread_local std::vector<std::string_view> strings;
    return strings;
  }

  std::unique_ptr<char[]> chars_;  // every string of the document, one after another
  Str id_, dct_value_, dct_source_;
  bool has_dct_value_;
  std::vector<liptako::Sentence> sentences_;
  std::vector<Entity> entities_;
  std::vector<Timex> timexes_;
  std::vector<Event> events_;
  std::vector<Participant> participants_;  // every event's, in event order
};

}  // namespace liptako_python
