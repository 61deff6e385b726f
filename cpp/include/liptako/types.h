// Plain result types shared by every stage of the pipeline.
//
// Contract: every offset in these structs is a UTF-8 *byte* offset into the
// text given to Extractor::extract, half-open [start, end). Conversion to
// code-point offsets (the Python / JSON contract) happens in one place:
// liptako::to_code_point_offsets (see offsets.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace liptako {

struct Span {
  uint32_t start = 0;
  uint32_t end = 0;
  bool operator==(const Span& o) const { return start == o.start && end == o.end; }
};

// A sentence as a byte span of the text; sentences cover the text in order.
using Sentence = Span;

// A proleptic Gregorian calendar date. Fields are validated by the producer.
struct CalendarDate {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
  bool operator==(const CalendarDate& o) const {
    return year == o.year && month == o.month && day == o.day;
  }
};

// The document creation time: where it came from and, if known, its value.
struct Dct {
  std::optional<CalendarDate> date;
  std::string source = "none";  // "given" | "dateline" | "none"
  std::optional<Span> span;     // the dateline text, when source == "dateline"
};

struct Entity {
  uint32_t start = 0;
  uint32_t end = 0;
  std::string label;    // PERSON | COUNTRY | ORG | LOCATION | user labels
  std::string id;       // namespaced canonical id: country/MLI, person/assimi-goita
  std::string name;     // canonical display name
  std::string mention;  // name | alias | acronym | demonym | partial
  std::string source;   // gazetteer | rule | person | org | coref | acronym
  int sentence = 0;     // 0-based sentence index
  std::string title;    // PERSON only: a title/role the text gives ("President"), or ""
};

struct Timex {
  uint32_t start = 0;
  uint32_t end = 0;
  std::string type;    // DATE | TIME | DURATION | SET
  std::string value;   // TIMEX3 value
  std::string anchor;  // absolute | dct | none
  int sentence = 0;
};

struct EventParticipant {
  std::string id;
  std::string name;
  std::string label;
  std::string role;  // actor | target | location | other
  uint32_t start = 0;
  uint32_t end = 0;
};

struct EventDate {
  std::string value;
  std::string text;
  std::string source;  // sentence | document | dct
};

struct Event {
  std::string type;   // AGREEMENT | COUP | ATTACK | ...
  std::string cameo;  // CAMEO root code, "01".."20"
  Span trigger;
  std::vector<EventParticipant> participants;
  std::optional<EventDate> date;
  Span sentence;
  int sentence_index = 0;
  int mentions = 1;
  std::string modality = "asserted";  // asserted | hypothetical | negated
};

struct Document {
  std::string id;
  Dct dct;
  std::vector<Sentence> sentences;
  std::vector<Entity> entities;  // sorted by start
  std::vector<Timex> timexes;    // sorted by start
  std::vector<Event> events;     // in order of first mention
};

}  // namespace liptako
