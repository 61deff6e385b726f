#include "liptako/output.h"

#include <algorithm>
#include <vector>

namespace liptako {
namespace {

using nlohmann::json;

// Converts byte offsets to code-point offsets: every offset of a document is
// collected first, then one pass over the text converts them all.
class OffsetMap {
 public:
  void add(uint32_t b) { bytes_.push_back(b); }

  void build(std::string_view text, OffsetUnit unit) {
    std::sort(bytes_.begin(), bytes_.end());
    bytes_.erase(std::unique(bytes_.begin(), bytes_.end()), bytes_.end());
    points_.resize(bytes_.size());
    size_t count = 0, pos = 0;
    for (size_t k = 0; k < bytes_.size(); ++k) {
      size_t target = std::min<size_t>(bytes_[k], text.size());
      if (unit == OffsetUnit::kBytes) {
        points_[k] = bytes_[k];
        continue;
      }
      for (; pos < target; ++pos)
        if ((static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80) ++count;
      points_[k] = count;
    }
  }

  size_t operator()(uint32_t b) const {
    auto it = std::lower_bound(bytes_.begin(), bytes_.end(), b);
    return points_[static_cast<size_t>(it - bytes_.begin())];
  }

 private:
  std::vector<uint32_t> bytes_;
  std::vector<size_t> points_;
};

std::string slice(std::string_view text, uint32_t start, uint32_t end) {
  if (start > text.size() || end > text.size() || end < start) return "";
  return std::string(text.substr(start, end - start));
}

}  // namespace

json to_json(const Document& doc, std::string_view text, OffsetUnit unit) {
  OffsetMap map;
  for (const auto& e : doc.entities) map.add(e.start), map.add(e.end);
  for (const auto& t : doc.timexes) map.add(t.start), map.add(t.end);
  for (const auto& ev : doc.events) {
    map.add(ev.trigger.start), map.add(ev.trigger.end);
    map.add(ev.sentence.start), map.add(ev.sentence.end);
    for (const auto& p : ev.participants) map.add(p.start), map.add(p.end);
  }
  if (doc.dct.span) map.add(doc.dct.span->start), map.add(doc.dct.span->end);
  map.build(text, unit);

  json out = json::object();
  out["id"] = doc.id;
  json dct = {{"value", nullptr}, {"source", doc.dct.source}};
  if (doc.dct.date) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", doc.dct.date->year, doc.dct.date->month,
                  doc.dct.date->day);
    dct["value"] = buf;
  }
  if (doc.dct.span) {
    dct["start"] = map(doc.dct.span->start);
    dct["end"] = map(doc.dct.span->end);
  }
  out["dct"] = std::move(dct);

  json entities = json::array();
  for (const auto& e : doc.entities) {
    json j = {{"start", map(e.start)}, {"end", map(e.end)},
              {"text", slice(text, e.start, e.end)},
              {"label", e.label},     {"id", e.id},
              {"name", e.name},       {"mention", e.mention},
              {"source", e.source},   {"sentence", e.sentence}};
    if (!e.title.empty()) j["title"] = e.title;
    entities.push_back(std::move(j));
  }
  out["entities"] = std::move(entities);

  json timexes = json::array();
  for (const auto& t : doc.timexes)
    timexes.push_back({{"start", map(t.start)}, {"end", map(t.end)},
                       {"text", slice(text, t.start, t.end)}, {"type", t.type},
                       {"value", t.value}, {"anchor", t.anchor}, {"sentence", t.sentence}});
  out["timexes"] = std::move(timexes);

  json events = json::array();
  for (const auto& ev : doc.events) {
    json parts = json::array();
    for (const auto& p : ev.participants)
      parts.push_back({{"id", p.id}, {"name", p.name}, {"label", p.label}, {"role", p.role},
                       {"start", map(p.start)}, {"end", map(p.end)}});
    json date = nullptr;
    if (ev.date)
      date = {{"value", ev.date->value}, {"text", ev.date->text}, {"source", ev.date->source}};
    events.push_back({{"type", ev.type},
                      {"cameo", ev.cameo},
                      {"trigger",
                       {{"start", map(ev.trigger.start)},
                        {"end", map(ev.trigger.end)},
                        {"text", slice(text, ev.trigger.start, ev.trigger.end)}}},
                      {"participants", std::move(parts)},
                      {"date", std::move(date)},
                      {"sentence", {{"start", map(ev.sentence.start)}, {"end", map(ev.sentence.end)}}},
                      {"sentence_index", ev.sentence_index},
                      {"mentions", ev.mentions},
                      {"modality", ev.modality}});
  }
  out["events"] = std::move(events);
  return out;
}

}  // namespace liptako
