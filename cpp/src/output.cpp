#include "liptako/output.h"

#include "liptako/offsets.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace liptako {
namespace {

using nlohmann::json;

constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kHigh = 0x8080808080808080ULL;

// The index of the lowest byte whose high bit is set in `marks` (not 0; loads are
// little-endian): the bytes under the lowest set bit, plus its own, counted by a
// multiply that sums bytes.
size_t first_marked_byte(uint64_t marks) {
  const uint64_t below = (marks & (~marks + 1)) - 1;
  return static_cast<size_t>((((below & kOnes) * kOnes) >> 56) - 1);
}

// The length of the leading run of ASCII bytes of `s` (8 bytes a step).
size_t ascii_prefix(std::string_view s) {
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t x;
    std::memcpy(&x, s.data() + i, 8);
    if (x & kHigh) return i + first_marked_byte(x & kHigh);
  }
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

// The end of the run of bytes at p[i, n) that JSON keeps as they are: ASCII from
// 0x20 on, except '"' and '\\'. Tests 8 bytes a step: a byte's high bit in `stop`
// marks one that ends the run -- exactly for the lowest marked byte (a false mark
// can only come from a borrow out of a truly marked byte below it).
size_t plain_run_end(const unsigned char* p, size_t i, size_t n) {
  for (; i + 8 <= n; i += 8) {
    uint64_t x;
    std::memcpy(&x, p + i, 8);
    const uint64_t quote = x ^ (kOnes * '"'), backslash = x ^ (kOnes * '\\');
    const uint64_t stop = (((x - kOnes * 0x20) & ~x) |              // < 0x20
                           ((quote - kOnes) & ~quote) |              // '"'
                           ((backslash - kOnes) & ~backslash) | x) &  // '\\', >= 0x80
                          kHigh;
    if (stop) return i + first_marked_byte(stop);
  }
  while (i < n && p[i] >= 0x20 && p[i] < 0x80 && p[i] != '"' && p[i] != '\\') ++i;
  return i;
}

// Every offset of a document in the requested unit: byte offsets as they are, or
// code points. Up to the end of the text's leading ASCII run a byte offset is its
// code-point offset; the offsets after it are converted by CodePointMap (which
// counts offsets past the text's end as its end).
class Offsets {
 public:
  Offsets(std::string_view text, OffsetUnit unit) : unit_(unit) {
    if (unit_ == OffsetUnit::kBytes) return;
    ascii_ = ascii_prefix(text);
    all_ascii_ = ascii_ == text.size();
    if (!all_ascii_) map_ = CodePointMap(text);
  }

  uint64_t operator()(uint32_t byte_offset) const {
    if (unit_ == OffsetUnit::kBytes || byte_offset <= ascii_) return byte_offset;
    return all_ascii_ ? ascii_ : map_(byte_offset);
  }

 private:
  OffsetUnit unit_;
  size_t ascii_ = 0;        // code points: the length of the text's leading ASCII run
  bool all_ascii_ = false;  // ... which is the whole text
  CodePointMap map_;        // the offsets after it
};

// Writes JSON directly, byte for byte what
// to_json(...).dump(-1, ' ', false, error_handler_t::replace) gives: object
// keys in std::map (byte) order, no spaces, strings escaped as nlohmann does
// (\" \\ \b \f \n \r \t, other controls as \u00xx, the rest raw) and
// every maximal invalid UTF-8 subpart replaced by U+FFFD.
//
// The output grows in place: `out` is sized ahead and written through a pointer
// (raw() and key() copy literals of constant size, no std::string::append call
// per piece); finish() cuts it to what was written. Nothing may touch `out` in
// between.
class Writer {
 public:
  explicit Writer(std::string& out, size_t expected) : o_(out) {
    o_.resize(std::max<size_t>(expected, 64));
    p_ = o_.data();
    end_ = p_ + o_.size();
  }
  void finish() { o_.resize(static_cast<size_t>(p_ - o_.data())); }

  // A string literal, without its NUL (a copy of constant size: inlined).
  template <size_t N>
  void raw(const char (&s)[N]) {
    room(N - 1);
    std::memcpy(p_, s, N - 1);
    p_ += N - 1;
  }
  template <size_t N>
  void key(const char (&k)[N]) {  // keys are plain ASCII literals
    room(N + 2);
    *p_++ = '"';
    std::memcpy(p_, k, N - 1);
    p_ += N - 1;
    *p_++ = '"';
    *p_++ = ':';
  }
  void num(uint64_t v) {
    char buf[24];
    char* e = buf + sizeof buf;
    char* p = e;
    do {
      *--p = static_cast<char>('0' + v % 10);
      v /= 10;
    } while (v != 0);
    room(sizeof buf);
    while (p != e) *p_++ = *p++;  // a few digits: no memcpy call
  }
  void num(int v) {
    if (v < 0) {
      raw("-");
      num(static_cast<uint64_t>(-static_cast<int64_t>(v)));
    } else {
      num(static_cast<uint64_t>(v));
    }
  }
  void str(std::string_view s) {
    raw("\"");
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    size_t i = 0;
    while (i < n) {
      const size_t run = plain_run_end(p, i, n);
      if (run > i) {
        put(s.data() + i, run - i);
        i = run;
        if (i >= n) break;
      }
      unsigned char c = p[i];
      if (c < 0x80) {
        switch (c) {
          case '"': raw("\\\""); break;
          case '\\': raw("\\\\"); break;
          case '\b': raw("\\b"); break;
          case '\f': raw("\\f"); break;
          case '\n': raw("\\n"); break;
          case '\r': raw("\\r"); break;
          case '\t': raw("\\t"); break;
          default: {
            static const char kHex[] = "0123456789abcdef";
            char buf[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
            put(buf, 6);
          }
        }
        ++i;
        continue;
      }
      // Multi-byte: length and the valid range of the second byte (Unicode
      // table 3-7, as nlohmann's DFA).
      size_t len;
      unsigned char lo = 0x80, hi = 0xBF;
      if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
      } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
      } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
      } else {
        raw("\xEF\xBF\xBD");  // invalid lead byte: replaced, consumed
        ++i;
        continue;
      }
      size_t k = 1;
      for (; k < len && i + k < n; ++k) {
        unsigned char b = p[i + k];
        if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) break;
      }
      if (k == len) {
        put(s.data() + i, len);
        i += len;
      } else {
        // A valid but incomplete prefix: one replacement; the byte that broke
        // it (if any) is read again.
        raw("\xEF\xBF\xBD");
        i += k;
      }
    }
    raw("\"");
  }

 private:
  // At least n bytes free at p_.
  void room(size_t n) {
    if (static_cast<size_t>(end_ - p_) < n) grow(n);
  }
  void grow(size_t n);
  void put(const char* s, size_t n) {
    room(n);
    std::memcpy(p_, s, n);
    p_ += n;
  }

  std::string& o_;
  char* p_;    // the next byte to write, in o_
  char* end_;  // o_'s end
};

void Writer::grow(size_t n) {
  const size_t used = static_cast<size_t>(p_ - o_.data());
  o_.resize(std::max(o_.size() * 2, used + n));
  p_ = o_.data() + used;
  end_ = o_.data() + o_.size();
}

// About the size of the document's JSON, a little more when nothing is escaped:
// the fixed text per item (keys, punctuation, numbers of up to 7 digits) plus its
// strings. The writer grows past it if need be.
size_t expected_size(const Document& doc) {
  auto span = [](uint32_t start, uint32_t end) -> size_t { return end > start ? end - start : 0; };
  size_t n = 160 + doc.id.size() + doc.dct.source.size() + 36 * doc.sentences.size();
  for (const auto& e : doc.entities)
    n += 128 + e.id.size() + e.label.size() + e.mention.size() + e.name.size() +
         e.source.size() + e.title.size() + span(e.start, e.end);
  for (const auto& t : doc.timexes)
    n += 96 + t.anchor.size() + t.type.size() + t.value.size() + span(t.start, t.end);
  for (const auto& ev : doc.events) {
    n += 200 + ev.cameo.size() + ev.modality.size() + ev.type.size() +
         span(ev.trigger.start, ev.trigger.end);
    if (ev.date) n += 40 + ev.date->source.size() + ev.date->text.size() + ev.date->value.size();
    for (const auto& p : ev.participants)
      n += 72 + p.id.size() + p.label.size() + p.name.size() + p.role.size();
  }
  return n;
}

}  // namespace

std::string to_json_string(const Document& doc, std::string_view text, OffsetUnit unit) {
  Offsets map(text, unit);
  auto sl = [&](uint32_t start, uint32_t end) -> std::string_view {
    if (start > text.size() || end > text.size() || end < start) return {};
    return text.substr(start, end - start);
  };
  std::string out;
  Writer w(out, expected_size(doc));
  w.raw("{");
  // dct: end, source, start, value
  w.key("dct");
  w.raw("{");
  if (doc.dct.span) {
    w.key("end");
    w.num(map(doc.dct.span->end));
    w.raw(",");
  }
  w.key("source");
  w.str(doc.dct.source);
  w.raw(",");
  if (doc.dct.span) {
    w.key("start");
    w.num(map(doc.dct.span->start));
    w.raw(",");
  }
  w.key("value");
  if (doc.dct.date) {
    char buf[64];
    int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", doc.dct.date->year,
                          doc.dct.date->month, doc.dct.date->day);
    // to_json stores the first 15 bytes (its buffer is char[16]).
    w.str(std::string_view(buf, static_cast<size_t>(std::min(n, 15))));
  } else {
    w.raw("null");
  }
  w.raw("},");
  // entities: end, id, label, mention, name, sentence, source, start, text, title
  w.key("entities");
  w.raw("[");
  bool first = true;
  for (const auto& e : doc.entities) {
    if (!first) w.raw(",");
    first = false;
    w.raw("{");
    w.key("end"); w.num(map(e.end)); w.raw(",");
    w.key("id"); w.str(e.id); w.raw(",");
    w.key("label"); w.str(e.label); w.raw(",");
    w.key("mention"); w.str(e.mention); w.raw(",");
    w.key("name"); w.str(e.name); w.raw(",");
    w.key("sentence"); w.num(e.sentence); w.raw(",");
    w.key("source"); w.str(e.source); w.raw(",");
    w.key("start"); w.num(map(e.start)); w.raw(",");
    w.key("text"); w.str(sl(e.start, e.end));
    if (!e.title.empty()) {
      w.raw(",");
      w.key("title");
      w.str(e.title);
    }
    w.raw("}");
  }
  w.raw("],");
  // events: cameo, date, mentions, modality, participants, sentence,
  // sentence_index, trigger, type
  w.key("events");
  w.raw("[");
  first = true;
  for (const auto& ev : doc.events) {
    if (!first) w.raw(",");
    first = false;
    w.raw("{");
    w.key("cameo"); w.str(ev.cameo); w.raw(",");
    w.key("date");
    if (ev.date) {  // source, text, value
      w.raw("{");
      w.key("source"); w.str(ev.date->source); w.raw(",");
      w.key("text"); w.str(ev.date->text); w.raw(",");
      w.key("value"); w.str(ev.date->value);
      w.raw("}");
    } else {
      w.raw("null");
    }
    w.raw(",");
    w.key("mentions"); w.num(ev.mentions); w.raw(",");
    w.key("modality"); w.str(ev.modality); w.raw(",");
    w.key("participants");
    w.raw("[");
    bool pfirst = true;
    for (const auto& p : ev.participants) {  // end, id, label, name, role, start
      if (!pfirst) w.raw(",");
      pfirst = false;
      w.raw("{");
      w.key("end"); w.num(map(p.end)); w.raw(",");
      w.key("id"); w.str(p.id); w.raw(",");
      w.key("label"); w.str(p.label); w.raw(",");
      w.key("name"); w.str(p.name); w.raw(",");
      w.key("role"); w.str(p.role); w.raw(",");
      w.key("start"); w.num(map(p.start));
      w.raw("}");
    }
    w.raw("],");
    w.key("sentence");
    w.raw("{");
    w.key("end"); w.num(map(ev.sentence.end)); w.raw(",");
    w.key("start"); w.num(map(ev.sentence.start));
    w.raw("},");
    w.key("sentence_index"); w.num(ev.sentence_index); w.raw(",");
    w.key("trigger");
    w.raw("{");
    w.key("end"); w.num(map(ev.trigger.end)); w.raw(",");
    w.key("start"); w.num(map(ev.trigger.start)); w.raw(",");
    w.key("text"); w.str(sl(ev.trigger.start, ev.trigger.end));
    w.raw("},");
    w.key("type"); w.str(ev.type);
    w.raw("}");
  }
  w.raw("],");
  w.key("id");
  w.str(doc.id);
  w.raw(",");
  // sentences: [{end, start}, ...]
  w.key("sentences");
  w.raw("[");
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    if (i) w.raw(",");
    w.raw("{");
    w.key("end"); w.num(map(doc.sentences[i].end)); w.raw(",");
    w.key("start"); w.num(map(doc.sentences[i].start));
    w.raw("}");
  }
  w.raw("],");
  // timexes: anchor, end, sentence, start, text, type, value
  w.key("timexes");
  w.raw("[");
  first = true;
  for (const auto& t : doc.timexes) {
    if (!first) w.raw(",");
    first = false;
    w.raw("{");
    w.key("anchor"); w.str(t.anchor); w.raw(",");
    w.key("end"); w.num(map(t.end)); w.raw(",");
    w.key("sentence"); w.num(t.sentence); w.raw(",");
    w.key("start"); w.num(map(t.start)); w.raw(",");
    w.key("text"); w.str(sl(t.start, t.end)); w.raw(",");
    w.key("type"); w.str(t.type); w.raw(",");
    w.key("value"); w.str(t.value);
    w.raw("}");
  }
  w.raw("]}");
  w.finish();
  return out;
}

json to_json(const Document& doc, std::string_view text, OffsetUnit unit) {
  return json::parse(to_json_string(doc, text, unit));
}

}  // namespace liptako
