// Temporal expressions: recognition and TIMEX3 normalisation (see docs/timex.md).
//
// Design: the text is cut into small tokens (letter runs, digit runs, single
// punctuation characters) that remember their byte span and whether a space
// precedes them. A set of hand-written, bounded-lookahead matchers is tried at
// each token; the longest match wins and the scan resumes after it. Every
// matcher looks at most a fixed number of tokens ahead and the tense cue
// window is bounded, so tagging is linear in the text size. No regexes are
// needed on the hot path; RE2 is used for the dateline header patterns.
//
// Speed: each word is looked up once, in tokenize(), in one lexicon (Lex: start
// word, month, weekday, number, unit, tense cue ...); the matchers read those
// facts instead of hashing strings. The matchers run only at start tokens, and
// frequent weak start words ("the", "a", "about" ...) only before a token their
// grammar allows (see tokenize).
#include "liptako/timex.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_set>
#include <vector>

#include "liptako/segmenter.h"
#include "liptako/string_index.h"
#include "liptako/text.h"
#include "short_word_index.h"
#include "timex_testing.h"
#include "word_tokens.h"

namespace liptako {
namespace {

using text::eq;  // the matchers' word tests
using internal::PackedWords;

// ---------------------------------------------------------------- calendar

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && is_leap(y) ? 29 : d[m - 1];
}

bool valid_date(int y, int m, int d) {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

// Days since 1970-01-01 (H. Hinnant's algorithm).
long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

CalendarDate civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  CalendarDate c;
  c.year = static_cast<int>(y + (m <= 2));
  c.month = static_cast<int>(m);
  c.day = static_cast<int>(d);
  return c;
}

// ISO weekday 1 = Monday .. 7 = Sunday.
int weekday(long days) {
  long w = (days + 3) % 7;  // 1970-01-01 was a Thursday (3 with Monday = 0)
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

void iso_week(long days, int* wyear, int* week) {
  const int wd = weekday(days);
  const long thursday = days + (4 - wd);
  const CalendarDate t = civil_from_days(thursday);
  const long jan1 = days_from_civil(t.year, 1, 1);
  *wyear = t.year;
  *week = static_cast<int>((thursday - jan1) / 7) + 1;
}

// Appends v as printf's "%0<width>d" writes it (snprintf was ~5% of tag()).
void append_padded(std::string* s, int v, int width) {
  if (v < 0) {  // rare: printf's own layout of the sign
    char b[24];
    std::snprintf(b, sizeof b, "%0*d", width, v);
    *s += b;
    return;
  }
  char b[12];
  int n = 0;
  do {
    b[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v);
  for (int k = n; k < width; ++k) s->push_back('0');
  while (n) s->push_back(b[--n]);
}

// Writes v, 0 <= v < 10^width, into p[0, width) as "%0<width>d" writes it.
inline void put_padded(char* p, int v, int width) {
  for (int k = width - 1; k >= 0; --k) {
    p[k] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
}

// The values below as "%04d", "%04d-%02d" and "%04d-%02d-%02d" write them. Years of 0 to
// 9999 and months and days of 0 to 99 (all but odd dates) are written into a buffer and
// copied once, any other value by append_padded(); the tests compare both with snprintf
// (internal::timex_format_mismatches).
std::string fmt_year(int y) {
  if (y >= 0 && y <= 9999) {
    char b[4];
    put_padded(b, y, 4);
    return std::string(b, 4);
  }
  std::string s;
  append_padded(&s, y, 4);
  return s;
}
std::string fmt_ym(int y, int m) {
  if (y >= 0 && y <= 9999 && m >= 0 && m <= 99) {
    char b[7];
    put_padded(b, y, 4);
    b[4] = '-';
    put_padded(b + 5, m, 2);
    return std::string(b, 7);
  }
  std::string s;
  append_padded(&s, y, 4);
  s.push_back('-');
  append_padded(&s, m, 2);
  return s;
}
std::string fmt_ymd(int y, int m, int d) {
  if (y >= 0 && y <= 9999 && m >= 0 && m <= 99 && d >= 0 && d <= 99) {
    char b[10];
    put_padded(b, y, 4);
    b[4] = '-';
    put_padded(b + 5, m, 2);
    b[7] = '-';
    put_padded(b + 8, d, 2);
    return std::string(b, 10);
  }
  std::string s;
  append_padded(&s, y, 4);
  s.push_back('-');
  append_padded(&s, m, 2);
  s.push_back('-');
  append_padded(&s, d, 2);
  return s;
}
std::string fmt_day(long days) {
  const CalendarDate c = civil_from_days(days);
  return fmt_ymd(c.year, c.month, c.day);
}
// Year, month and day of a TIMEX3 day value, "2023-09-18" or "XXXX-09-18" (year 0 when
// unknown); false for any other value.
bool split_day_value(const std::string& v, int* y, int* m, int* d) {
  if (v.size() != 10 || v[4] != '-' || v[7] != '-') return false;
  auto num = [&v](size_t b, size_t n) {
    int x = 0;
    for (size_t q = b; q < b + n; ++q) {
      if (v[q] < '0' || v[q] > '9') return -1;
      x = x * 10 + (v[q] - '0');
    }
    return x;
  };
  *y = v.compare(0, 4, "XXXX") == 0 ? 0 : num(0, 4);
  *m = num(5, 2);
  *d = num(8, 2);
  return *y >= 0 && *m >= 1 && *m <= 12 && *d >= 1;
}

std::string fmt_week(long days) {
  int wy = 0, w = 0;
  iso_week(days, &wy, &w);
  if (wy >= 0 && wy <= 9999) {  // as fmt_ym(): the week is 1 to 53
    char b[8];
    put_padded(b, wy, 4);
    b[4] = '-';
    b[5] = 'W';
    put_padded(b + 6, w, 2);
    return std::string(b, 8);
  }
  std::string s;
  append_padded(&s, wy, 4);
  s += "-W";
  append_padded(&s, w, 2);
  return s;
}

// The weekend of the ISO week of a day: "2023-W38-WE".
std::string fmt_weekend(long days) { return fmt_week(days) + "-WE"; }

// ---------------------------------------------------------------- start words

// The matchers are tried only at tokens that can begin a temporal expression:
// numbers, the apostrophe ("'90s") and the words below. Every matcher accepts
// its first word only by comparing it with a literal or a lexicon key (month,
// weekday, number, ordinal, unit), so the list is the words the matchers test,
// minus those tested only away from the first token (prepositions before a
// date, tense cues, nouns after a number). A matcher that gains a new first
// word must add it here (and, if it is a weak word, see kWeak1/kWeak2, make sure
// the token after it is a "follow" token, see Lex::follow). second_stage_start() narrows
// the list by what the matchers need around their first token (weak words,
// approximators, count words, numbers, kNeverFirst): a matcher that accepts a new
// context there must widen it. Debug builds check that no match starts elsewhere;
// so does the test Timex.StartFilterHidesNoMatch (internal::timex_start_filter_misses).
const char* const kStartWords[] = {
    "a", "about", "account", "affairs", "afternoon", "ago", "almost", "am", "an", "annual",
    "annually", "approximately", "apr", "april", "around", "as", "ash", "at", "aug", "august",
    "autumn", "barely", "beginning", "black", "calendar", "centuries", "century", "christmas",
    "clock", "close", "coming", "comparable", "corresponding", "couple", "current", "currently",
    "cyber", "daily", "day", "days", "dec", "decade", "decades", "december", "distant", "dozen",
    "each", "earlier", "early", "easter", "eight", "eighteen", "eighteenth", "eighth", "eighty",
    "election", "eleven", "eleventh", "end", "ended", "ending", "entire", "estimated", "eve",
    "evening", "events", "every", "fall", "fat", "feb", "february", "few", "fewer", "fifteen",
    "fifteenth", "fifth", "fifty", "figure", "final", "first", "fiscal", "five", "following",
    "foreseeable", "fortnight", "forty", "four", "fourteen", "fourteenth", "fourth", "friday",
    "full", "future", "fy", "giving", "good", "half", "halloween", "holy", "hour", "hourly",
    "hours", "hundred", "independence", "initial", "its", "jan", "january", "jul", "july", "jun",
    "june", "just", "last", "late", "lately", "later", "latest", "least", "less", "level", "local",
    "long", "m", "many", "mar", "march", "maundy", "may", "mid", "midday", "middle", "midnight",
    "minute", "minutes", "monday", "month", "monthly", "months", "more", "morning", "most", "nd",
    "nearly", "new", "next", "night", "nightly", "nine", "nineteen", "nineteenth", "ninety",
    "ninth", "none", "noon", "nov", "november", "now", "nowadays", "numerous", "o", "oct",
    "october", "old", "once", "one", "only", "other", "over", "overnight", "p", "palm", "past", "per", "percent",
    "period", "pm", "present", "presently", "previous", "q", "quarter", "quarterly", "quarters",
    "rd", "recent", "recently", "remaining", "results", "roughly", "same", "saturday", "second",
    "seconds", "sep", "sept", "september", "seven", "seventeen", "seventeenth", "seventh",
    "seventy", "several", "shrove", "six", "sixteen", "sixteenth", "sixth", "sixty", "some", "soon",
    "spring", "st", "start", "summer", "sunday", "ten", "tenth", "th", "thanksgiving", "that",
    "the", "these", "then", "third", "thirteen", "thirteenth", "thirty", "this", "three",
    "thursday", "time", "times", "today", "tomorrow", "tonight", "tuesday", "turn", "twelfth",
    "twelve", "twentieth", "twenty", "twice", "two", "under", "up", "valentine", "wednesday",
    "week", "weekend", "weekends", "weekly", "weeks", "whole", "winter", "year", "yearly", "years",
    "yesterday", "z",
    // plural weekdays (sets: "on Mondays")
    "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays",
};

// The days a holiday sets, named by a word and a weekday: "Good Friday" is two days
// before Easter (kind 3), "Black Friday" the day after Thanksgiving (kind 2).
struct DaySetByHoliday {
  std::string_view first, weekday;
  int kind, offset;
};
inline constexpr DaySetByHoliday kDaysSetByHolidays[] = {
    {"good", "friday", 3, -2},    {"holy", "thursday", 3, -3},   {"maundy", "thursday", 3, -3},
    {"palm", "sunday", 3, -7},    {"ash", "wednesday", 3, -46},  {"shrove", "tuesday", 3, -47},
    {"fat", "tuesday", 3, -47},   {"easter", "monday", 3, 1},    {"black", "friday", 2, 1},
    {"cyber", "monday", 2, 4},    {"giving", "tuesday", 2, 5}};

// Words that, capitalised before a weekday, name a day of their own ("Super Tuesday",
// "Bloody Sunday"), whether or not holiday() dates it.
inline constexpr std::string_view kNamedDayWords[] = {
    "super", "bloody", "black", "blue", "cyber", "giving", "good", "holy",
    "maundy", "palm", "ash", "shrove", "fat", "whit", "easter"};

// ---------------------------------------------------------------- lexicon

// Duration / calendar units.
enum Unit : uint8_t { U_NONE, U_SEC, U_MIN, U_HOUR, U_DAY, U_WEEK, U_WEEKEND, U_MONTH, U_QUARTER,
                      U_YEAR, U_DECADE, U_CENTURY };

// What the matchers need to know about a word, looked up once per word token (in
// tokenize) instead of once per question. All fields are 0/false for other words.
struct Lex {
  uint8_t month = 0;            // 1..12: "january".."december", "jan".."dec", "sept"
  bool month_abbrev = false;    // the month word is an abbreviation ("sept")
  uint8_t weekday = 0;          // 1 = "monday" .. 7 = "sunday"
  uint8_t number = 0;           // "one".."ninety", "hundred" = 100, "dozen" = 12
  uint8_t ordinal = 0;          // "first".."twelfth"
  uint8_t century_ordinal = 0;  // "first".."twentieth" (centuries)
  Unit unit = U_NONE;           // "second(s)".."century/centuries", "fortnight" = U_WEEK
  bool unit_plural = false;
  bool start = false;           // in kStartWords
  // A weak start word (see second_stage_start): frequent words that begin a timex only before
  // certain words. 1: the next token must be a "follow" token; 2: the approximators
  // "about", "more" [than], "at" [least], "up" [to] ... (before a count).
  uint8_t weak = 0;
  // Can be the token after a weak start word in a match: every start word but the
  // weak-1 words ("the" ... ), and the few other words the matchers test there.
  bool follow = false;
  bool approximator = false;    // a word Matcher::approximator() tests first (= weak 2)
  bool tense = false;           // a cue Ctx::tense() tests ("will", "said", "by" ...)
  bool past_irregular = false;  // a past form that does not end in "-ed" ("was", "met")
  bool ed_exception = false;    // ends in "-ed" but no past form ("hundred", "expected")
  bool quarter = false;         // "quarter" or "quarterly" (see Ctx::first_quarter_tok)
  // Can be the token after a number in a match that starts at the number: a month, a
  // unit, or a word of kAfterNumber (see number_may_start).
  bool after_number = false;
  bool before_number = false;   // "at", "and", "or" (see number_may_start)
  // May begin a count (parse_count()): a number word or a word of kCountStarts.
  bool count_start = false;
  // Can be the token after a count word in a match that starts at it: a unit, a number
  // word, or a word of kAfterCount (see count_may_start).
  bool after_count = false;
  bool never_first = false;     // in kNeverFirst
};

// Weak start words: reach 1, then reach 2 (exactly the words Matcher::approximator()
// tests first).
const char* const kWeak1[] = {"the", "that", "this", "its", "new", "a", "an", "then"};
const char* const kWeak2[] = {"more", "less", "fewer", "at", "as", "up", "about", "under",
                              "over", "some", "only", "just", "nearly", "almost", "roughly",
                              "around", "approximately", "barely"};
// Non-start words that a match may have right after a weak start word: "the nineties",
// "the near future", "the short term", "an additional year".
const char* const kFollowExtra[] = {"twenties", "thirties", "forties", "fifties", "sixties",
                                    "seventies", "eighties", "nineties", "near", "short",
                                    "additional", "extra"};

// The words other than months and units that a match starting at a number may have
// right after it: a.m./p.m./o'clock and "4 in the morning" (Matcher::time_expr), a day's
// or century's suffix and "18 of September" (day_month, century), "two more weeks"
// (duration).
const char* const kAfterNumber[] = {"am",    "pm",         "a",     "p",        "o",
                                    "in",    "st",         "nd",    "rd",       "th",
                                    "of",    "more",       "additional", "extra", "straight",
                                    "consecutive", "successive", "full"};

// The words other than number words that begin a count in parse_count(): "a few", "a
// couple of", "half a dozen", "several", "some" ...
const char* const kCountStarts[] = {"a",    "an",   "half", "couple",  "several",
                                    "few",  "many", "some", "numerous"};
// The words other than units and number words that a match starting at a count word may
// have right after it: parse_count()'s "a couple of", "a few", "half a dozen", "a
// dozen", "two and a half", duration()'s "two more weeks", spelled_year()'s "nineteen
// oh five", "two thousand".
const char* const kAfterCount[] = {"couple", "few",        "half",       "dozen",    "of",
                                   "a",      "an",         "and",        "more",     "additional",
                                   "extra",  "oh",         "thousand",   "straight", "consecutive",
                                   "successive", "full"};
// Start words that no matcher accepts as its first token: each is tested only after
// another word ("at least", "the year ended", "local time", "10 a.m.", "two years ago")
// or before one ("5 percent a year"). They stay start words for Lex::follow and
// start_word_before_follow(); the start filter rejects them.
const char* const kNeverFirst[] = {
    "account", "affairs", "ago", "am", "clock", "ended", "ending", "estimated", "events",
    "figure", "least", "level", "local", "m", "nd", "o", "once", "p", "percent", "pm",
    "present", "rd", "results", "st", "th", "times", "z"};

// Words tense() tests (future cues, deadlines, reporting verbs, "had"/"hadn").
const char* const kTenseWords[] = {
    "next", "plan", "plans", "will", "shall", "tomorrow", "upcoming", "coming", "scheduled",
    "expect", "expects", "forecast", "forecasts", "predict", "predicts",
    "slated", "expected", "planned", "planning", "intends", "aims", "hopes", "wants", "soon",
    "would", "until", "till", "by", "through", "to", "ll", "due", "set", "going", "poised", "won",
    "said", "told", "announced", "reported", "added", "stated", "disclosed", "was", "were",
    "payable", "effective", "starting", "beginning", "had", "hadn", "ahead", "could", "might"};

const char* const kPastIrregular[] = {
    "was", "were", "had", "did", "met", "held", "made", "took", "came", "went",
    "left", "gave", "began", "saw", "won", "lost", "spoke", "sent", "brought", "fought", "bought",
    "thought", "found", "became", "got", "put", "set", "ran", "fell", "rose", "broke", "chose",
    "drove", "flew", "knew", "led", "meant", "paid", "sold", "stood", "struck", "swore", "taught",
    "threw", "understood", "wrote", "kept", "heard", "felt", "built", "hit", "shot", "quit",
    "sat", "ago", "earlier", "wasn't", "weren't", "didn't", "hadn't", "agreed", "signed"};

const char* const kEdExceptions[] = {
    "need", "speed", "red", "bed", "hundred", "feed", "seed", "greed", "breed", "indeed",
    "shed", "wed", "led", "bred", "sacred", "kindred", "naked", "wicked", "embed", "proceed",
    "succeed", "exceed", "heed", "deed", "weed", "creed", "ted", "fred", "ned", "ed", "based",
    "expected", "scheduled", "supposed", "planned", "intended", "slated", "poised", "designed",
    "aimed", "concerned", "interested", "related", "limited", "united", "advanced", "armed",
    "detailed", "experienced", "qualified", "skilled", "talented", "varied", "renewed"};

struct WordInt {
  const char* w;
  int v;
};
const WordInt kMonths[] = {
    {"january", 1}, {"february", 2}, {"march", 3},     {"april", 4},
    {"may", 5},     {"june", 6},     {"july", 7},      {"august", 8},
    {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12}};
const WordInt kMonthAbbrevs[] = {
    {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7}, {"aug", 8},
    {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12}};
const WordInt kWeekdays[] = {{"monday", 1}, {"tuesday", 2}, {"wednesday", 3}, {"thursday", 4},
                             {"friday", 5}, {"saturday", 6}, {"sunday", 7}};
const WordInt kNumbers[] = {
    {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},      {"five", 5},
    {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},      {"ten", 10},
    {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15},
    {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},
    {"thirty", 30},  {"forty", 40},     {"fifty", 50},    {"sixty", 60},    {"seventy", 70},
    {"eighty", 80},  {"ninety", 90},    {"hundred", 100}, {"dozen", 12}};
const WordInt kOrdinals[] = {
    {"first", 1}, {"second", 2}, {"third", 3}, {"fourth", 4}, {"fifth", 5},
    {"sixth", 6}, {"seventh", 7}, {"eighth", 8}, {"ninth", 9}, {"tenth", 10},
    {"eleventh", 11}, {"twelfth", 12}};
// Ordinal words above "twelfth", for centuries only.
const WordInt kCenturyOrdinals[] = {
    {"thirteenth", 13}, {"fourteenth", 14}, {"fifteenth", 15}, {"sixteenth", 16},
    {"seventeenth", 17}, {"eighteenth", 18}, {"nineteenth", 19}, {"twentieth", 20}};
struct WordUnit {
  const char* w;
  Unit u;
  bool plural;
};
const WordUnit kUnits[] = {
    {"second", U_SEC, false},   {"seconds", U_SEC, true},
    {"minute", U_MIN, false},   {"minutes", U_MIN, true},
    {"hour", U_HOUR, false},    {"hours", U_HOUR, true},
    {"day", U_DAY, false},      {"days", U_DAY, true},
    {"week", U_WEEK, false},    {"weeks", U_WEEK, true},
    {"weekend", U_WEEKEND, false}, {"weekends", U_WEEKEND, true},
    {"fortnight", U_WEEK, false},
    {"month", U_MONTH, false},  {"months", U_MONTH, true},
    {"quarter", U_QUARTER, false}, {"quarters", U_QUARTER, true},
    {"year", U_YEAR, false},    {"years", U_YEAR, true},
    {"decade", U_DECADE, false}, {"decades", U_DECADE, true},
    {"century", U_CENTURY, false}, {"centuries", U_CENTURY, true}};

// A lower-cased word of the lists above (each of 1 to 16 bytes) -> its Lex. Built
// once; read-only afterwards: a word is found by its bytes packed into one or two
// integers (a table of its own for words of 1 to 8 bytes, PackedWords for longer ones).
class Lexicon {
 public:
  Lexicon() {
    for (const char* w : kStartWords) add(w).start = true;
    for (const char* w : kWeak1) add(w).weak = 1;
    for (const char* w : kWeak2) {
      Lex& l = add(w);
      l.weak = 2;
      l.approximator = true;
    }
    for (const char* w : kStartWords) {
      const std::string_view v(w);
      add(w).follow = !(eq(v, "the") || eq(v, "that") || eq(v, "this") || eq(v, "its") || eq(v, "new"));
    }
    for (const char* w : kFollowExtra) add(w).follow = true;
    for (const char* w : kTenseWords) add(w).tense = true;
    for (const char* w : kPastIrregular) add(w).past_irregular = true;
    for (const char* w : kEdExceptions) add(w).ed_exception = true;
    add("quarter").quarter = add("quarterly").quarter = true;
    for (const WordInt& x : kMonths) {
      Lex& l = add(x.w);
      l.month = static_cast<uint8_t>(x.v);
      l.after_number = true;
    }
    for (const WordInt& x : kMonthAbbrevs) {
      Lex& l = add(x.w);
      l.month = static_cast<uint8_t>(x.v);
      l.month_abbrev = true;
      l.after_number = true;
    }
    for (const WordInt& x : kWeekdays) add(x.w).weekday = static_cast<uint8_t>(x.v);
    for (const WordInt& x : kNumbers) {
      Lex& l = add(x.w);
      l.number = static_cast<uint8_t>(x.v);
      l.count_start = l.after_count = true;
    }
    for (const char* w : kCountStarts) add(w).count_start = true;
    for (const char* w : kAfterCount) add(w).after_count = true;
    for (const char* w : kNeverFirst) add(w).never_first = true;
    for (const WordInt& x : kOrdinals) {
      Lex& l = add(x.w);
      l.ordinal = l.century_ordinal = static_cast<uint8_t>(x.v);
    }
    for (const WordInt& x : kCenturyOrdinals) add(x.w).century_ordinal = static_cast<uint8_t>(x.v);
    for (const WordUnit& x : kUnits) {
      Lex& l = add(x.w);
      l.unit = x.u;
      l.unit_plural = x.plural;
      l.after_number = l.after_count = true;
    }
    for (const char* w : kAfterNumber) add(w).after_number = true;
    add("at").before_number = add("and").before_number = add("or").before_number = true;
    packed_.build(words_);
    // the words of 1 to 8 bytes (no NUL byte, so no key is 0), at most 1/4 of the slots
    size_t count = 0;
    for (uint32_t id = 0; id < words_.size(); ++id) count += words_.get(id).size() <= 8;
    size_t slots = 2;
    short_shift_ = 63;
    while (slots < 4 * count) slots *= 2, --short_shift_;
    short_keys_.assign(slots, 0);
    short_ids_.assign(slots, 0);
    for (uint32_t id = 0; id < words_.size(); ++id) {
      const std::string_view w = words_.get(id);
      if (w.size() > 8) continue;
      uint64_t key = 0;
      std::memcpy(&key, w.data(), w.size());
      size_t b = short_home(key);
      while (short_keys_[b] != 0) b = (b + 1) & (slots - 1);
      short_keys_[b] = key;
      short_ids_[b] = id;
    }
  }
  // The facts of the lower-cased word p[0, len); the empty Lex if it is none of the words
  // above. Reads whole 8-byte words: at least 8 readable bytes must follow p + len.
  // A word of 1 to 8 bytes is found in the short table, where a word that is none
  // mostly stops at its first slot, empty (PackedWords compares a bucket of four).
  const Lex* find_padded(const char* p, size_t len) const {
    if (len - 1 < 8) {
      const uint64_t key = internal::ShortWordIndex::key_of_padded(p, len);
      for (size_t b = short_home(key);; b = (b + 1) & (short_keys_.size() - 1)) {
        if (short_keys_[b] == key) return &lex_[short_ids_[b]];
        if (short_keys_[b] == 0) return &none_;
      }
    }
    return find_packed(p, len);
  }
  // find_padded() through PackedWords alone, for any length (tests compare the two).
  const Lex* find_packed(const char* p, size_t len) const {
    if (len == 0 || len > PackedWords::kMaxBytes) return &none_;
    const uint32_t id = packed_.find_padded(p, len).id;
    return id == StringIndex::kNotFound ? &none_ : &lex_[id];
  }
  const Lex* none() const { return &none_; }
  size_t size() const { return words_.size(); }
  std::string_view word(uint32_t id) const { return words_.get(id); }

 private:
  Lex& add(std::string_view w) {
    if (w.empty() || w.size() > PackedWords::kMaxBytes) {  // find_padded() could never find it
      std::fprintf(stderr, "liptako: timex lexicon word '%.*s' is not 1 to %zu bytes\n",
                   static_cast<int>(w.size()), w.data(), PackedWords::kMaxBytes);
      std::abort();
    }
    const uint32_t id = words_.intern(w);
    if (id == lex_.size()) lex_.emplace_back();
    return lex_[id];
  }
  size_t short_home(uint64_t key) const { return internal::key_slot(key, short_shift_); }
  StringIndex words_;
  std::vector<Lex> lex_;    // by word id
  PackedWords packed_;    // the words (looked up for those of 9 to 16 bytes)
  // The words of 1 to 8 bytes: open addressing, linear probing, keyed by the bytes
  // packed into an integer (internal::ShortWordIndex::key_of_padded; 0: an empty slot).
  std::vector<uint64_t> short_keys_;
  std::vector<uint32_t> short_ids_;  // the word id of each slot's key
  int short_shift_ = 63;             // 64 - log2(short_keys_.size())
  Lex none_{};
};

const Lexicon& lexicon() {
  static const Lexicon l;
  return l;
}

// ---------------------------------------------------------------- tokens

enum Kind : uint8_t { WORD, NUM, PUNCT };

struct Tok {
  uint32_t b = 0, e = 0;
  Kind kind = PUNCT;
  bool space = false;   // whitespace before this token
  bool cap = false;     // first letter upper-case
  bool upper = false;   // all letters upper-case
  // the first stage of the start filter: a number, a word of kStartWords, an apostrophe
  // (second_stage_start() narrows it)
  bool start = false;
  const Lex* lex = nullptr;  // lexicon facts of the word (never null: empty if none)
  // lower-cased text, a view into the per-document arena (or, for punctuation, a
  // static table); punctuation normalised (’ -> ', – — -> -)
  std::string_view low;
};

// Multi-byte sequences treated as spaces or punctuation.
int special_utf8(std::string_view t, size_t i, char* out) {
  const unsigned char c = static_cast<unsigned char>(t[i]);
  if (c == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xA0) {
    *out = ' ';
    return 2;
  }
  if (c == 0xE2 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80) {
    const unsigned char c3 = static_cast<unsigned char>(t[i + 2]);
    if (c3 == 0x89 || c3 == 0xAF || c3 == 0x8A) { *out = ' '; return 3; }      // thin spaces
    if (c3 == 0x93 || c3 == 0x94 || c3 == 0x90 || c3 == 0x91) { *out = '-'; return 3; }  // dashes
    if (c3 == 0x98 || c3 == 0x99) { *out = '\''; return 3; }                    // ‘ ’
    if (c3 == 0x9C || c3 == 0x9D) { *out = '"'; return 3; }                     // “ ”
  }
  return 0;
}

// One-character strings for punctuation tokens ("low" views into this table).
const char* one_char_table() {
  static const struct Table {
    char s[512];
    Table() {
      for (int k = 0; k < 256; ++k) {
        s[2 * k] = static_cast<char>(k);
        s[2 * k + 1] = 0;
      }
    }
  } table;
  return table.s;
}
std::string_view one_char(char ch) {
  return std::string_view(one_char_table() + 2 * static_cast<unsigned char>(ch), 1);
}

// Byte classes of tokenize(). Bytes >= 0x80 are word bytes, but for the lead bytes of
// special_utf8()'s sequences (0xC2, 0xE2), which tokenize() checks.
enum : uint8_t { kTSpace = 1, kTDigit = 2, kTLower = 4, kTUpper = 8, kTHigh = 16, kTSpecial = 32 };
struct TimexByteClasses {
  uint8_t of[256] = {};
  TimexByteClasses() {
    for (int c : {' ', '\t', '\n', '\r', '\f', '\v'}) of[c] = kTSpace;
    for (int c = '0'; c <= '9'; ++c) of[c] = kTDigit;
    for (int c = 'a'; c <= 'z'; ++c) of[c] = kTLower;
    for (int c = 'A'; c <= 'Z'; ++c) of[c] = kTUpper;
    for (int c = 0x80; c < 0x100; ++c) of[c] = kTHigh;
    of[0xC2] = of[0xE2] = kTSpecial;
  }
};
const TimexByteClasses kTimexBytes;

// A word token's lexicon facts (lex, start), from its `low`.
__attribute__((always_inline)) inline void set_word_facts(Tok& tk, const Lexicon& lex) {
  tk.lex = lex.find_padded(tk.low.data(), tk.low.size());
  tk.start = tk.lex->start;
}

// Whether tk is a past form of Ctx::tense(): an irregular one ("was", "met"), or a word
// in "-ed" that is no exception, not capitalised and not an "un-...-ed" adjective
// ("unspecified"). Asked of the few tokens near a match, not set for every token.
inline bool past_form(const Tok& tk) {
  if (tk.kind != WORD) return false;
  const std::string_view w = tk.low;
  return tk.lex->past_irregular ||
         (w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0 && !tk.lex->ed_exception &&
          !tk.cap && w.compare(0, 2, "un") != 0);
}

// The character a punctuation token of the ASCII byte c reads as ('`' as ').
inline char ascii_punct(char c) { return c == '`' ? '\'' : c; }

// A punctuation token's `low` and `start` for its ASCII byte c.
inline void set_ascii_punct(Tok& tk, unsigned char c) {
  tk.kind = PUNCT;
  tk.low = one_char(ascii_punct(static_cast<char>(c)));
  tk.start = eq(tk.low, "'");
}

// Appends the tokens of t[from, to) to toks, given whether whitespace (or the text's
// start) precedes t[from]; `to` is t.size() or an ASCII whitespace byte, so these are the
// tokens a scan of all of t from `from` gives up to `to`. `low`: see tokenize(). A
// token's `start` is the first stage of the start filter, what the words, numbers and
// punctuation marks themselves allow: every number, a word of kStartWords, an
// apostrophe (second_stage_start() narrows it).
__attribute__((noinline)) void scan_tokens(std::string_view t, const char* low, size_t from,
                                           size_t to, bool space, std::vector<Tok>& toks) {
  const uint8_t* const cls = kTimexBytes.of;
  const Lexicon& lex = lexicon();
  const Lex* const none = lex.none();
  size_t i = from;
  const size_t n = to;  // special_utf8() still reads t's bytes after `to`: none is part of a
                        // sequence that starts before it (t[to] is ASCII)
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(t[i]);
    const uint8_t cc = cls[c];
    if (cc == kTSpace) {
      space = true;
      ++i;
      continue;
    }
    if (cc == kTSpecial) {
      char sp = 0;
      const int k = special_utf8(t, i, &sp);
      if (k > 0) {
        if (sp == ' ') {
          space = true;
        } else {
          Tok tk;
          tk.b = static_cast<uint32_t>(i);
          tk.e = static_cast<uint32_t>(i + k);
          tk.kind = PUNCT;
          tk.space = space;
          tk.low = one_char(sp);
          tk.lex = none;
          tk.start = sp == '\'';
          toks.push_back(tk);
          space = false;
        }
        i += k;
        continue;
      }
    }
    Tok& tk = toks.emplace_back();  // filled in place
    tk.b = static_cast<uint32_t>(i);
    tk.space = space;
    tk.lex = none;
    space = false;
    if (cc == kTDigit) {
      size_t j = i + 1;
      while (j < n && cls[static_cast<unsigned char>(t[j])] == kTDigit) ++j;
      tk.kind = NUM;
      tk.e = static_cast<uint32_t>(j);
      tk.low = std::string_view(low + i, j - i);
      tk.start = true;
      i = j;
    } else if (cc & (kTLower | kTUpper | kTHigh | kTSpecial)) {
      // A word: letters and bytes >= 0x80, up to a byte of another class or a
      // special_utf8() sequence (c itself is none: see above). ASCII letters are
      // lower-case letters in `low`: their runs are skipped 8 bytes a step (the
      // bytes `low` holds after t's end are not t's: the word stops at n).
      size_t j = i + 1;
      while (j < n) {
        const size_t run = text::lower_letter_run8(low + j);
        j = std::min(j + run, n);
        if (run == 8 || j == n) continue;
        const uint8_t d = cls[static_cast<unsigned char>(t[j])];  // not a letter
        if (d == kTHigh) {
          ++j;
        } else if (d == kTSpecial) {
          char sp = 0;
          if (special_utf8(t, j, &sp) > 0) break;
          ++j;
        } else {
          break;
        }
      }
      tk.kind = WORD;
      tk.e = static_cast<uint32_t>(j);
      tk.low = std::string_view(low + i, j - i);
      tk.cap = cc == kTUpper;
      // all upper: every byte an upper-case ASCII letter (no lower-case one, none >= 0x80)
      bool upper = tk.cap;
      if (upper)
        for (size_t q = i + 1; upper && q < j; ++q)
          upper = cls[static_cast<unsigned char>(t[q])] == kTUpper;
      tk.upper = upper;
      set_word_facts(tk, lex);
      i = j;
    } else {
      tk.e = static_cast<uint32_t>(i + 1);
      set_ascii_punct(tk, c);
      ++i;
    }
  }
}

// Whether toks[j] can come right after a weak start word in a match: Lex::follow, a
// number, ' or -.
inline bool follow_ok(const std::vector<Tok>& toks, size_t j) {
  if (j >= toks.size()) return false;
  const Tok& f = toks[j];
  return f.kind == NUM || f.lex->follow || eq(f.low, "'") || eq(f.low, "-");
}

// The word toks[k] is a start word and, if a weak one, before a follow_ok() token: the next
// for weak 1, one of the next two for weak 2. (The start filter before the approximator,
// count, number and never-first rules of second_stage_start(); Matcher::match() reads it.)
bool start_word_before_follow(const std::vector<Tok>& toks, size_t k) {
  const Lex& l = *toks[k].lex;
  return l.start && (l.weak == 0 || follow_ok(toks, k + 1) ||
                     (l.weak == 2 && follow_ok(toks, k + 2)));
}

// Whether toks[k + 1] may follow the number toks[k] in a match that starts at the number:
// a number ("5 1/2 years"), ':' ("10:30"), '-' ("16-hour", "2023-09-18"), '/'
// ("18/09/2023"), '.' ("1.5 years", "18.09.2023"), or a word of Lex::after_number (a
// month, a unit, "am", "th", "of", "more" ...).
bool after_number_ok(const std::vector<Tok>& toks, size_t k) {
  if (k + 1 >= toks.size()) return false;
  const Tok& f = toks[k + 1];
  switch (f.kind) {
    case NUM: return true;
    case WORD: return f.lex->after_number;
    default:
      return eq(f.low, ":") || eq(f.low, "-") || eq(f.low, "/") || eq(f.low, ".");
  }
}

// Whether a match may start at the number toks[k]. The matchers that accept a number as
// their first token (time_expr, calendar's day_month, numeric_date, year_expr and
// century, paired_day, relative's "N units ago", duration) each need a 4-digit number (a
// year; "0735 GMT"), "at" before it ("at 9 tonight"), "and"/"or" before it ("April 24
// and 25"), or after_number_ok(). So "450 soldiers", "3 percent", "1,500" start nothing.
// Reads toks[k - 1] and toks[k + 1] alone.
bool number_may_start(const std::vector<Tok>& toks, size_t k) {
  return toks[k].low.size() == 4 || (k > 0 && toks[k - 1].lex->before_number) ||
         after_number_ok(toks, k);
}

// Whether a count followed by a unit may start at toks[k] (relative()'s "N units ago",
// duration(): parse_count() and the unit after it, or "half a year", or a unit itself,
// "decades-long"): a number before after_number_ok(), a unit, or a count word
// (Lex::count_start) before '-' ("twenty-four") or a word of Lex::after_count ("two
// weeks", "a couple", "several more", "nineteen ninety"). Reads toks[k, k + 1] alone.
bool count_may_start(const std::vector<Tok>& toks, size_t k) {
  if (k >= toks.size()) return false;
  const Tok& t = toks[k];
  if (t.kind == NUM) return after_number_ok(toks, k);
  if (t.kind != WORD) return false;
  if (t.lex->unit != U_NONE) return true;
  if (!t.lex->count_start || k + 1 >= toks.size()) return false;
  const Tok& f = toks[k + 1];
  return f.kind == WORD ? f.lex->after_count : eq(f.low, "-");
}

// "about", "nearly", "more than", "less than", "at least", "up to", "almost", "over": the
// index of the token after the approximator that starts at i (Matcher::approximator()); i
// if none does.
int approximator_end(const std::vector<Tok>& t, int i) {
  const int n = static_cast<int>(t.size());
  // only the approximator words (Lex::approximator) pass the tests below
  if (i < 0 || i >= n || !t[i].lex->approximator) return i;
  auto is = [&](int j, const auto& w) { return j < n && eq(t[j].low, w); };
  if (is(i, "more") || is(i, "less") || is(i, "fewer")) return is(i + 1, "than") ? i + 2 : i;
  if ((is(i, "at") && (is(i + 1, "least") || is(i + 1, "most"))) ||
      (is(i, "up") && is(i + 1, "to")) || (is(i, "as") && is(i + 1, "many")))
    return i + 2;
  if (is(i, "about") || is(i, "nearly") || is(i, "almost") || is(i, "some") ||
      is(i, "roughly") || is(i, "around") || is(i, "approximately") || is(i, "over") ||
      is(i, "just") || is(i, "barely") || is(i, "only") || is(i, "under"))
    return i + 1;
  return i;
}

// Second stage of the start filter, for a token whose `start` (the first stage) is set,
// from what the matchers need around their first token:
// - a weak-1 start word ("the", "a", "that" ...) begins a timex only before a follow_ok()
//   token;
// - an approximator (weak 2: "about", "more", "at", "up" ...) only before a count
//   (count_may_start() after approximator_end(): "more than 20 days", "about a year"),
//   "at" also before "present"; "around" (match() tries all of a match after it) before a
//   follow_ok() token, one of the next two;
// - a count word that is no weak word ("two", "several", "half") only before '-' or a word
//   of Lex::after_count;
// - a number only where number_may_start() allows it;
// - a word of kNeverFirst never;
// - the apostrophe only before a number ("'90s", "'98").
// Reads the token before toks[k] and the three after it alone. Evaluated by the scan
// (scan_timexes()) at the tokens the first stage lets through only.
// Contract: every match starts at a token this filter accepts; debug builds check that no
// match starts at a token it rejects (see scan_timexes()).
__attribute__((always_inline)) inline bool second_stage_start(const std::vector<Tok>& toks,
                                                              size_t k) {
  const Tok& tk = toks[k];
  if (tk.kind == PUNCT) return k + 1 < toks.size() && toks[k + 1].kind == NUM;
  if (tk.kind == NUM) return number_may_start(toks, k);
  const Lex& l = *tk.lex;
  if (l.weak == 1) return follow_ok(toks, k + 1);
  if (l.weak == 2) {
    if (eq(tk.low, "around")) return follow_ok(toks, k + 1) || follow_ok(toks, k + 2);
    const int e = approximator_end(toks, static_cast<int>(k));
    return (e > static_cast<int>(k) && count_may_start(toks, static_cast<size_t>(e))) ||
           (eq(tk.low, "at") && k + 1 < toks.size() && eq(toks[k + 1].low, "present"));
  }
  if (l.count_start) {
    return k + 1 < toks.size() && (toks[k + 1].kind == WORD ? toks[k + 1].lex->after_count
                                                           : eq(toks[k + 1].low, "-"));
  }
  return !l.never_first;
}

// scan_tokens(t, low, 0, t.size(), true, toks), given `seg`: liptako::tokenize(t)'s
// tokens. The same tokens, without the byte scan where the two tokenizers cut alike.
// Before internal::next_cut_difference<true>() the text is ASCII without NUL, the
// segmenter joins no word with '.', ',' or an apostrophe and no word mixes letters and
// digits, so there its words are runs of ASCII letters (kWord) or of digits (kNumber),
// each of its other tokens is one ASCII byte, and what lies between them is ASCII
// whitespace: the scan's tokens, for a token that ends before the difference (the byte
// after a word is then ASCII and, the segmenter's runs being maximal, no letter or
// digit: it ends the scan's word too), with the segmenter's space_before, capitalized
// and all_upper as the scan's space, cap and upper. A token that reaches the
// difference, and what follows it up to the next ASCII whitespace (where both
// tokenizers start afresh), goes to scan_tokens(). The tests compare this with the scan
// on random texts.
// flatten: the vector's push_back() inlined, as scan_tokens()'s emplace_back() (GCC
// outlined it here: +5M instructions per MB).
__attribute__((noinline, flatten)) void scan_with(std::string_view t, const char* low,
                                                  const std::vector<Token>& seg,
                                                  std::vector<Tok>& toks) {
  const Lexicon& lex = lexicon();
  const Lex* const none = lex.none();
  internal::take_or_scan<true>(
      t, low, 0, t.size(), seg.data(), seg.data() + seg.size(),
      [&](const Token& g) {
        // each field written once (emplace_back() would first write the defaults)
        const std::string_view w(low + g.start, g.end - g.start);
        if (g.kind == TokenKind::kWord) {
          const Lex* const l = lex.find_padded(w.data(), w.size());
          toks.push_back(Tok{g.start, g.end, WORD, g.space_before, g.capitalized, g.all_upper,
                             l->start, l, w});
        } else if (g.kind == TokenKind::kNumber) {
          toks.push_back(Tok{g.start, g.end, NUM, g.space_before, false, false, true, none, w});
        } else {
          const char c = ascii_punct(t[g.start]);
          toks.push_back(Tok{g.start, g.end, PUNCT, g.space_before, false, false, c == '\'', none,
                             one_char(c)});
        }
      },
      // space: true at the text's start; elsewhere a scan starts right after a token or
      // at the whitespace byte that sets it
      [&](size_t from, size_t to) { scan_tokens(t, low, from, to, from == 0, toks); });
}

// The tokens of t. `lowered` is t with ASCII letters lower-cased (same length: a token's
// lower-cased text sits at its own byte offsets) followed by at least
// text::kLowerPadding readable bytes; if lowered.data() is null, t is lowered into
// *arena instead. Tokens' "low" view into the lowered text. `seg` (may be null):
// liptako::tokenize(t)'s tokens, which spare most of the byte scan (scan_with()).
std::vector<Tok> tokenize(std::string_view t, std::string_view lowered, std::string* arena,
                          const std::vector<Token>* seg = nullptr) {
  std::vector<Tok> toks;
  toks.reserve(t.size() / 3 + 4);
  if (lowered.data() == nullptr) {
    *arena = text::ascii_lower_padded(t);
    lowered = std::string_view(arena->data(), t.size());
  }
  if (seg)
    scan_with(t, lowered.data(), *seg, toks);
  else
    scan_tokens(t, lowered.data(), 0, t.size(), true, toks);
  return toks;
}

// The tokens tokenize() gives for head = text.substr(0, head.size()), made from `toks`,
// those of all of text (`lowered`: the one they were made with): tokenizing reads each
// token's bytes and the byte after them, so the tokens ending in head are the same; a
// token that head cuts is scanned again from its start. head.size() is at a UTF-8
// boundary (no special_utf8() sequence is cut).
std::vector<Tok> head_tokens(std::string_view head, std::string_view lowered,
                             const std::vector<Tok>& toks) {
  const size_t lim = head.size();
  size_t m = 0;
  while (m < toks.size() && toks[m].e <= lim) ++m;
  std::vector<Tok> out(toks.begin(), toks.begin() + static_cast<std::ptrdiff_t>(m));
  if (m < toks.size() && toks[m].b < lim)
    scan_tokens(head, lowered.data(), toks[m].b, head.size(), toks[m].space, out);
  return out;
}

// ---------------------------------------------------------------- lexicon lookups

// The lexicon facts of token t (see Lex); 0 / U_NONE for non-words.
int month_of(const Tok& t, bool* abbrev) {
  *abbrev = t.lex->month_abbrev;
  return t.lex->month;
}
int weekday_of(const Tok& t) { return t.lex->weekday; }
int small_number(const Tok& t) { return t.lex->number; }
int ordinal_of(const Tok& t) { return t.lex->ordinal; }
int century_ordinal_of(const Tok& t) { return t.lex->century_ordinal; }
Unit unit_of(const Tok& t, bool* plural) {
  if (t.lex->unit != U_NONE) *plural = t.lex->unit_plural;
  return t.lex->unit;
}

// TIMEX3 duration for n units (n < 0: unspecified amount).
std::string duration_value(Unit u, int n, bool half = false, bool fortnight = false) {
  std::string num = n < 0 ? "X" : std::to_string(n);
  auto mul = [&](int k) { return n < 0 ? std::string("X") : std::to_string(n * k); };
  switch (u) {
    case U_SEC: return "PT" + num + "S";
    case U_MIN:
      if (half && n >= 0) return "PT" + num + "M30S";
      return "PT" + num + "M";
    case U_HOUR:
      if (half && n >= 0) return "PT" + num + "H30M";
      return "PT" + num + "H";
    case U_DAY:
      if (half && n >= 0) return "P" + num + "DT12H";
      return "P" + num + "D";
    case U_WEEK: return "P" + (fortnight ? mul(2) : num) + "W";
    case U_WEEKEND: return n < 0 ? "PXWE" : "P" + mul(2) + "D";
    case U_MONTH:
      if (half && n >= 0) return "P" + std::to_string(n * 30 + 15) + "D";
      return "P" + num + "M";
    case U_QUARTER: return "P" + num + "Q";
    case U_YEAR:
      if (half && n >= 0) return "P" + num + "Y6M";
      return "P" + num + "Y";
    case U_DECADE:  // decades are years
      if (half && n >= 0) return "P" + std::to_string(n * 10 + 5) + "Y";
      return n < 0 ? "PXY" : "P" + mul(10) + "Y";
    case U_CENTURY:
      if (half && n >= 0) return "P" + std::to_string(n * 100 + 50) + "Y";
      return n < 0 ? "PXCE" : "P" + mul(100) + "Y";
    default: return "P" + num + "D";
  }
}

// Words after which a following 4-digit number is a year.
const std::unordered_set<std::string_view>& year_preps() {
  static const std::unordered_set<std::string_view> s = {
      "in", "since", "by", "until", "till", "from", "to", "through", "of", "during", "before",
      "after", "between", "and", "or", "early", "late", "mid", "fiscal", "year", "around",
      "circa", "spring", "summer", "autumn", "fall", "winter", "for", "the", "at", "on",
      "election", "elections", "season", "budget", "census", "throughout", "into", "within",
      "beginning", "end", "start", "middle", "calendar", "both", "than"};
  return s;
}

// Counting nouns: "2000 troops", "1500 people".
const std::unordered_set<std::string_view>& count_nouns() {
  static const std::unordered_set<std::string_view> s = {
      "people", "men", "women", "children", "police", "personnel", "staff", "troops", "soldiers",
      "feet", "foot", "km", "kilometers", "kilometres", "miles", "meters", "metres", "tons",
      "tonnes", "dollars", "euros", "pounds", "yen", "barrels", "cattle", "head", "times",
      "percent", "per", "points", "votes", "units", "acres", "hectares", "members", "workers",
      "jobs", "cases", "deaths", "refugees", "students", "residents", "civilians", "fighters",
      "rebels", "militants", "officers", "voters", "families", "homes", "houses", "vehicles",
      "cars", "shares", "calories", "rounds", "bn", "million", "billion", "thousand", "mph", "kg",
      "lb", "lbs", "gallons", "litres", "liters", "yards", "hours", "minutes", "days", "years",
      "pages", "words", "metric", "strong", "plus", "odd"};
  return s;
}

const std::unordered_set<std::string_view>& tz_words() {
  static const std::unordered_set<std::string_view> s = {
      "gmt", "utc", "edt", "est", "cdt", "cst", "mdt", "mst", "pdt", "pst", "bst", "cet", "cest",
      "eet", "eest", "ist", "jst", "wat", "cat", "eat", "msk", "z"};
  return s;
}

// ---------------------------------------------------------------- matching

struct Cand {
  int end = -1;  // token index one past the last token
  std::string_view type;    // a literal: DATE | TIME | DURATION | SET
  std::string value;
  std::string_view anchor;  // a literal: absolute | dct | none
  int start = -1;  // token index of the first token (when not the probe start)
  bool derived = false;  // value computed from the reference time: does not move it
  int ref_days = 0;      // the reference time moves to value + ref_days days ("the day
                         // before last Tuesday": last Tuesday)

  // Back to the state of a new Cand (keeps the strings' buffers: cheaper than = Cand()).
  void clear() {
    end = -1;
    type = {};
    value.clear();
    anchor = {};
    start = -1;
    derived = false;
    ref_days = 0;
  }
};

struct Ctx {
  std::string_view text;
  const std::vector<Tok>& t;
  const std::optional<CalendarDate>& dct;
  int tokens = static_cast<int>(t.size());  // n(): t.size() is a division by sizeof(Tok)
  const Tok* tok = t.data();  // t's tokens, read by the bound-checked accessors below
  long dct_days = 0;
  TimexOptions opt;
  // The sentences' tokens; all three empty when no sentences are given (the whole text is
  // one sentence, 0). A sentence's tokens are consecutive (see scan_timexes()).
  std::vector<int> tok_sent;    // per token: index of its sentence
  std::vector<int> sent_first;  // per sentence index: its first token (if it has tokens)
  std::vector<int> sent_last;   // per sentence index: one past its last token (idem)
  int first_quarter_tok = -1;   // first token "quarter"/"quarterly" in the text

  int n() const { return tokens; }
  // string_view: the literal's length is known at compile time, so a token of
  // another length is rejected without strlen or memcmp (this was ~40% of tag()).
  __attribute__((always_inline)) bool is(int i, std::string_view w) const {
    if (i < 0 || i >= n()) return false;
    const std::string_view l = tok[i].low;
    // Length and first letter reject almost every token without a memcmp call.
    return l.size() == w.size() && !l.empty() && l[0] == w[0] &&
           std::memcmp(l.data(), w.data(), w.size()) == 0;
  }
  // Tokens i and i + 1 are "'" and "s": a possessive ("Monday's", "New Year's").
  bool possessive_at(int i) const { return is(i, "'") && is(i + 1, "s"); }
  bool word(int i) const { return i >= 0 && i < n() && tok[i].kind == WORD; }
  bool num(int i) const { return i >= 0 && i < n() && tok[i].kind == NUM; }
  bool adj(int i) const { return i >= 0 && i < n() && !tok[i].space; }  // no space before i
  int ival(int i) const {
    if (!num(i) || t[i].low.size() > 6) return -1;
    int v = 0;  // all digits, at most 6: what atoi gives
    for (const char ch : t[i].low) v = v * 10 + (ch - '0');
    return v;
  }
  // Token i is a number glued to more digits (2,000 / 1.5 / 12-34-56): a quantity.
  bool part_of_bigger_number(int i) const {
    if (i + 2 < n() && adj(i + 1) && adj(i + 2) && num(i + 2) &&
        (eq(t[i + 1].low, ",") || eq(t[i + 1].low, ".")))
      return true;
    if (i - 2 >= 0 && adj(i) && adj(i - 1) && num(i - 2) &&
        (eq(t[i - 1].low, ",") || eq(t[i - 1].low, ".") || eq(t[i - 1].low, "/") ||
         eq(t[i - 1].low, ":")))
      return true;
    if (i - 1 >= 0 && adj(i) && (eq(t[i - 1].low, "$") || eq(t[i - 1].low, "#"))) return true;
    return false;
  }
  int sentence_of(int i) const { return tok_sent.empty() ? 0 : tok_sent[i]; }
  int sentence_first(int i) const { return tok_sent.empty() ? 0 : sent_first[tok_sent[i]]; }
  int sentence_last(int i) const { return tok_sent.empty() ? n() : sent_last[tok_sent[i]]; }

  // Token k announces a future event: "will", "plans", "scheduled", "next" (not "next
  // to"), "soon" ...
  bool future_cue(int k) const {
    if (k >= n() || t[k].kind != WORD) return false;
    const std::string_view w = t[k].low;
    if (eq(w, "next")) return !(k + 1 < n() && eq(t[k + 1].low, "to"));
    // "said talks would begin in January": a future seen from the report, not "would
    // have" (a past that did not happen)
    if (eq(w, "would")) return !(k + 1 < n() && eq(t[k + 1].low, "have"));
    // "a vote could take place as early as Friday": a possibility ahead (not "could have",
    // "could not")
    if (eq(w, "could") || eq(w, "might"))
      return !(k + 1 < n() && (eq(t[k + 1].low, "have") || eq(t[k + 1].low, "not") ||
                               eq(t[k + 1].low, "n")));
    // "ahead of elections in June"
    if (eq(w, "ahead")) return k + 1 < n() && eq(t[k + 1].low, "of");
    // "better-than-expected Christmas sales", "as expected": a comparison, no future
    if (eq(w, "expected") && k > 0) {
      const int p = k >= 2 && eq(t[k - 1].low, "-") ? k - 2 : k - 1;
      if (eq(t[p].low, "than") || eq(t[p].low, "as")) return false;
    }
    if (eq(w, "plan") || eq(w, "plans")) {  // a verb, or "plans to": not "the plan"
      const std::string_view p = k > 0 ? t[k - 1].low : std::string_view();
      // the object of a past verb is the noun: "it announced plans to buy" (in September)
      if (k > 0 && past_form(t[k - 1])) return false;
      return !(eq(p, "the") || eq(p, "a") || eq(p, "its") || eq(p, "his") || eq(p, "her") ||
               eq(p, "their") || eq(p, "our") || eq(p, "this") || eq(p, "that")) ||
             (k + 1 < n() && eq(t[k + 1].low, "to"));
    }
    return eq(w, "will") || eq(w, "shall") || eq(w, "tomorrow") || eq(w, "upcoming") ||
           eq(w, "coming") || eq(w, "scheduled") || eq(w, "slated") || eq(w, "expected") ||
           eq(w, "planned") || eq(w, "planning") ||
           eq(w, "intends") || eq(w, "aims") || eq(w, "hopes") || eq(w, "wants") || eq(w, "soon") ||
           // "Economists expect inflation to average 30% in the fourth quarter"
           eq(w, "expect") || eq(w, "expects") || eq(w, "forecast") || eq(w, "forecasts") ||
           eq(w, "predict") || eq(w, "predicts");
  }

  // Whether token k stands in a relative clause between commas (", who", ", which",
  // ", whose", words only between it and k) that closes before token b of its sentence.
  bool in_closed_relative(int k, int b) const {
    if (k <= 0 || k >= b || b > n()) return false;  // (a clause's comma stands before k)
    int q = k - 1;
    while (q > sentence_first(k) && t[q].kind == WORD) --q;
    if (!(t[q].kind != WORD && eq(t[q].low, ",") &&
          (is(q + 1, "who") || is(q + 1, "which") || is(q + 1, "whose"))))
      return false;
    for (int r = k + 1; r < b; ++r)
      if (t[r].kind != WORD && eq(t[r].low, ",")) return true;
    return false;
  }

  // Whether a negation stands in k's sentence at most 12 tokens before token k.
  bool negation_before(int k) const {
    for (int q = std::max(sentence_first(k), k - 12); q < k; ++q)
      if (t[q].kind == WORD && (eq(t[q].low, "not") || eq(t[q].low, "neither") ||
                                eq(t[q].low, "nor") || eq(t[q].low, "never") || eq(t[q].low, "t")))
        return true;
    return false;
  }

  // Whether the verb at k is followed by its object: a number or a determiner.
  bool takes_object(int k) const {
    return num(k + 1) || is(k + 1, "a") || is(k + 1, "an") || is(k + 1, "the") ||
           is(k + 1, "its") || is(k + 1, "their") || is(k + 1, "his") || is(k + 1, "her");
  }

  // Verbs that report: "said", "told", "announced" ...
  static bool reporting_verb(std::string_view w) {
    return eq(w, "said") || eq(w, "told") || eq(w, "announced") || eq(w, "reported") ||
           eq(w, "added") || eq(w, "stated") || eq(w, "disclosed");
  }

  // -1 past, +1 future, 0 unknown. Looks at a bounded window of the sentence, from token
  // `from` on at the earliest. With `deadline`, the "by"/"until" right before the
  // expression is no cue of its own.
  int tense(int b, int e, bool deadline = false, int from = 0) const {
    if (b > 0 && eq(t[b - 1].low, "since")) return -1;  // "since March": always behind
    int lo = std::max({sentence_first(b), b - 12, from});
    int hi = std::min(sentence_last(b), e + 8);
    // A relative clause after the expression tells of something else: its words are no
    // cues ("announced a partnership on Wednesday under which Australia will acquire ...").
    for (int k = e; k < hi; ++k)
      if (t[k].kind == WORD && (eq(t[k].low, "which") || eq(t[k].low, "who") || eq(t[k].low, "whom"))) {
        hi = k;
        break;
      }
    // Between a reporting verb and the "that" of its report, the expression dates the
    // report: "announced in a joint statement on Jan. 28 that they would leave" (the
    // report's cues after "that" are not the expression's), unless a future cue stands
    // between ("said it would announce on Jan. 28 that ...").
    if (e < hi && t[e].kind == WORD && eq(t[e].low, "that"))
      for (int k = b - 1; k >= lo; --k) {
        if (t[k].kind != WORD) {
          if (eq(t[k].low, ",")) break;
          continue;
        }
        if (t[k].lex->tense && future_cue(k)) break;
        if (reporting_verb(t[k].low)) return -1;
      }
    // Inside an appositive noun phrase between commas ("Trump, the Republican candidate in
    // the Nov. 5 election, called the trial rigged") or a relative clause between them
    // ("fighting in Rakhine, where it attacked police outposts in November, would
    // continue"), only the phrase's or the clause's own words are cues.
    {
      int open = -1, close = -1;
      for (int k = b - 1; k >= lo && open < 0; --k)
        if (t[k].kind != WORD && eq(t[k].low, ",")) open = k;
      for (int k = e; k < hi && close < 0; ++k)
        if (t[k].kind != WORD && eq(t[k].low, ",")) close = k;
      const auto opens_phrase = [&](std::string_view w) {
        return eq(w, "the") || eq(w, "a") || eq(w, "an") || eq(w, "which") || eq(w, "who") ||
               eq(w, "where");
      };
      if (open >= 0 && close >= 0 && open + 1 < b && opens_phrase(t[open + 1].low)) {
        lo = open + 1;
        hi = close;
      }
    }
    // A cue after an "and" or a "but" that opens another conjunct with a cue of its own
    // is that conjunct's, once the expression's own conjunct has a cue: "formed the
    // alliance in September and plan to hold a summit" (September is past); but "the
    // talks begin in May and will end" (May is ahead).
    int conjunct = hi;
    for (int k = e; k + 1 < hi; ++k)
      if (t[k].kind == WORD && (eq(t[k].low, "and") || eq(t[k].low, "but")) &&
          t[k + 1].kind == WORD && (t[k + 1].lex->tense || past_form(t[k + 1]))) {
        conjunct = k;
        break;
      }
    int past = 1 << 20, fut = 1 << 20;
    bool pluperfect = false;
    bool until_before = false;  // "until" or "till" right before: ahead, whatever the tense
    for (int k = lo; k < hi; ++k) {
      if (k >= b && k < e) continue;
      if (k >= conjunct && (past < (1 << 20) || fut < (1 << 20))) break;
      // Lex::tense and past_form() mark every word a branch below reacts to: the others
      // do nothing
      if (t[k].kind != WORD || !(t[k].lex->tense || past_form(t[k]))) continue;
      std::string_view w = t[k].low;
      const int d = k < b ? b - k : k - e + 1;
      bool f = false, p = false;
      if (future_cue(k)) {
        // "could"/"might" look ahead from before the expression, not from a reported clause
        // after it ("told a news conference on Tuesday that the barricade might be
        // extended"), nor when negated ("Neither he nor ... could be located Wednesday")
        f = !((eq(w, "could") || eq(w, "might")) && (k > b || negation_before(k)));
      } else if ((eq(w, "until") || eq(w, "till") || eq(w, "by") || eq(w, "through")) && k == b - 1) {
        f = !deadline;  // "by August", "until January": a deadline ahead
        // (after the verb it bounds: "Until Thursday, they had not called him" is behind)
        until_before = f && !eq(w, "by") && !eq(w, "through") && k > sentence_first(b);
      } else if (eq(w, "to") && k > 0 && (eq(t[k - 1].low, "is") || eq(t[k - 1].low, "are"))) {
        f = true;  // "is to resume"
      } else if (eq(w, "to") && k + 2 < n() && eq(t[k + 1].low, "be") && past_form(t[k + 2])) {
        f = true;  // "to be completed by Dec. 31": a passive infinitive looks ahead
      } else if (eq(w, "ll") && k > 0 && eq(t[k - 1].low, "'")) {
        f = true;
      } else if ((eq(w, "due") || eq(w, "set") || eq(w, "going") || eq(w, "poised")) && k + 1 < n() &&
                 eq(t[k + 1].low, "to")) {
        f = true;
      } else if (eq(w, "won") && k + 2 < n() && eq(t[k + 1].low, "'") && eq(t[k + 2].low, "t")) {
        f = true;
      } else if (reporting_verb(w)) {
        // reporting verbs date the report, not the reported event: only when adjacent;
        // but one with an object is a past deed of its own ("added 180,000 jobs",
        // "reported a loss", "announced the deal")
        p = d <= 2 || (!eq(w, "said") && !eq(w, "told") && takes_object(k));
      } else if ((eq(w, "was") || eq(w, "were")) && future_cue(k + 1)) {
        // "were planning to", "was expected to": a future seen from the past, not a past
      } else if (k > 0 && eq(t[k - 1].low, "be")) {
        // "will be held", "to be signed": a passive infinitive is no past
      } else if ((eq(w, "payable") || eq(w, "effective") || eq(w, "starting") ||
                  eq(w, "beginning")) &&
                 (k == b - 1 || (k == b - 2 && (eq(t[b - 1].low, "on") || eq(t[b - 1].low, "from"))))) {
        // "payable Jan. 2", "effective June 1", "a truce starting on Sunday": a date the text
        // looks ahead to, whatever the tense of the verb before
        f = true;
      } else if (past_form(t[k])) {
        // an irregular past form, or "-ed" (see past_form()): "has signed" is past, "is
        // designed to" is not; "-ed" after "be" forms is passive but still refers to an
        // accomplished event: count it as past. "un-...-ed" words are adjectives ("an
        // unspecified date", "unconfirmed reports").
        p = true;
      }
      if (eq(w, "had") || eq(w, "hadn")) pluperfect = true;
      if (f) fut = std::min(fut, d);
      if (p) past = std::min(past, d);
    }
    // No cue near: a future cue further back in the sentence ("said he expected Sweden to
    // join before the alliance's summit in Vilnius in July")
    if (fut == (1 << 20) && past == (1 << 20)) {
      for (int k = lo - 1; k >= std::max(sentence_first(b), b - 24); --k)
        if (t[k].kind == WORD && t[k].lex->tense && future_cue(k)) return 1;
      return 0;
    }
    // "had been due to expire Friday": a future seen from a past point is still past; but
    // not a span that runs until then ("had suspended classes until Monday")
    if (pluperfect && !until_before) return -1;
    return fut < past ? 1 : -1;
  }
};

// Parses a count: digits, number words ("twenty-four"), "a"/"an", "a few", "several",
// "a couple of".
// Returns the value (-1 = unspecified) and sets *end; 0 if none.
int parse_count(const Ctx& c, int i, int* end, bool* half, bool allow_article) {
  *half = false;
  if (i >= c.n()) return 0;
  const Tok& t = c.t[i];
  if (t.kind == NUM) {
    // "1.5 years", "2.5 hours": a half (other decimals are no counts)
    if (c.is(i + 1, ".") && c.adj(i + 1) && c.is(i + 2, "5") && c.adj(i + 2) &&
        !(c.adj(i + 3) && (c.num(i + 3) || c.is(i + 3, ".") || c.is(i + 3, ","))) &&
        !(i > 0 && c.adj(i) && (c.num(i - 1) || c.is(i - 1, ".") || c.is(i - 1, ",")))) {
      const int v = c.ival(i);
      if (v <= 0 || v > 10000) return 0;
      *half = true;
      *end = i + 3;
      return v;
    }
    if (c.part_of_bigger_number(i)) return 0;
    const int v = c.ival(i);
    if (v <= 0 || v > 10000) return 0;
    *end = i + 1;
    // "5 1/2"
    if (c.num(i + 1) && eq(c.t[i + 1].low, "1") && c.is(i + 2, "/") && c.is(i + 3, "2") &&
        c.adj(i + 2) && c.adj(i + 3)) {
      *half = true;
      *end = i + 4;
    }
    return v;
  }
  if (t.kind != WORD) return 0;
  std::string_view w = t.low;
  if (eq(w, "half") && c.is(i + 1, "a") && c.is(i + 2, "dozen")) {
    *end = i + 3;
    return 6;
  }
  // "a couple of", "the next couple of": two (as TimeBank reads it)
  if (eq(w, "couple") && c.is(i + 1, "of")) {
    *end = i + 2;
    return 2;
  }
  if (allow_article && (eq(w, "a") || eq(w, "an"))) {
    if (c.is(i + 1, "couple")) {
      *end = c.is(i + 2, "of") ? i + 3 : i + 2;
      return 2;
    }
    if (c.is(i + 1, "few")) {
      *end = i + 2;
      return -1;
    }
    if (c.is(i + 1, "half") && c.is(i + 2, "dozen")) {
      *end = i + 3;
      return 6;
    }
    if (c.is(i + 1, "dozen")) {
      *end = i + 2;
      return 12;
    }
    *end = i + 1;
    return 1;
  }
  if (eq(w, "several") || eq(w, "few") || eq(w, "many") || eq(w, "some") || eq(w, "numerous")) {
    *end = i + 1;
    return -1;
  }
  int v = small_number(t);
  if (v == 0) return 0;
  int j = i + 1;
  if (v >= 20 && v < 100 && v % 10 == 0) {
    int k = j;
    if (c.is(k, "-") && c.adj(k)) ++k;
    const int u = c.word(k) ? small_number(c.t[k]) : 0;
    if (u > 0 && u < 10) {
      v += u;
      j = k + 1;
    }
  }
  if (c.is(j, "and") && c.is(j + 1, "a") && c.is(j + 2, "half")) {
    *half = true;
    j += 3;
  }
  *end = j;
  return v;
}

// Parses a year token at i ("2017", "'98" only after a month). Returns year or 0.
int year_token(const Ctx& c, int i) {
  if (!c.num(i) || c.t[i].low.size() != 4) return 0;
  if (c.part_of_bigger_number(i)) return 0;
  const int y = c.ival(i);
  if (y < 1000 || y > 2999) return 0;
  // glued to a letter or more digits ("2017a", "2017-18" is fine)
  if (i + 1 < c.n() && c.adj(i + 1) && c.t[i + 1].kind == WORD) return 0;
  return y;
}

// A number from 10 to 99 in words at i: "twelve", "ninety-six", "ninety six". Sets *end;
// 0 if none.
int words_10_to_99(const Ctx& c, int i, int* end) {
  if (!c.word(i)) return 0;
  const int v = small_number(c.t[i]);
  if (v < 10 || v > 90) return 0;
  *end = i + 1;
  if (v < 20 || v % 10 != 0) return v;
  int k = i + 1;
  if (c.is(k, "-") && c.adj(k)) ++k;
  const int u = c.word(k) ? small_number(c.t[k]) : 0;
  if (u > 0 && u < 10) {
    *end = k + 1;
    return v + u;
  }
  return v;
}

// A year in words, as transcripts of speech write it: "nineteen ninety-six", "eighteen
// twelve", "nineteen oh five", "two thousand", "two thousand and one". The century word
// must be a teen (11..19), so counts such as "twenty five" are never read as years.
// Returns the year and sets *end; 0 if none.
int spelled_year(const Ctx& c, int i, int* end) {
  if (!c.word(i)) return 0;
  const std::string_view w = c.t[i].low;
  // cheap filter before the lexicon lookup: this runs at every candidate token
  const bool teen = w.size() >= 6 && w.compare(w.size() - 4, 4, "teen") == 0;
  if (!teen && !eq(w, "two") && !eq(w, "eleven") && !eq(w, "twelve")) return 0;
  if (eq(w, "two")) {
    if (!c.is(i + 1, "thousand")) return 0;
    int j = i + 2;
    if (c.is(j, "and")) ++j;
    int e = 0;
    int lo = words_10_to_99(c, j, &e);
    if (!lo && c.word(j)) {
      lo = small_number(c.t[j]);
      e = j + 1;
    }
    if (lo > 0 && lo < 100) {
      *end = e;
      return 2000 + lo;
    }
    *end = i + 2;
    return 2000;
  }
  const int hi = small_number(c.t[i]);
  if (hi < 11 || hi > 19) return 0;
  if (c.is(i + 1, "oh") && c.word(i + 2)) {
    const int u = small_number(c.t[i + 2]);
    if (u < 1 || u > 9) return 0;
    *end = i + 3;
    return hi * 100 + u;
  }
  const int lo = words_10_to_99(c, i + 1, end);
  return lo ? hi * 100 + lo : 0;
}

// Day number at i: 1..31 with optional st/nd/rd/th. Sets *end.
int day_token(const Ctx& c, int i, int* end) {
  if (!c.num(i) || c.t[i].low.size() > 2 || c.part_of_bigger_number(i)) return 0;
  const int d = c.ival(i);
  if (d < 1 || d > 31) return 0;
  int j = i + 1;
  if (j < c.n() && c.adj(j) && c.word(j)) {
    std::string_view s = c.t[j].low;
    if (eq(s, "st") || eq(s, "nd") || eq(s, "rd") || eq(s, "th"))
      ++j;
    else
      return 0;
  }
  // not a time "18:30" or a decimal "18.5" or a quantity "18-page"
  if (j < c.n() && c.adj(j) && eq(c.t[j].low, "%")) return 0;
  if (j + 1 < c.n() && c.adj(j) && eq(c.t[j].low, ":") && c.adj(j + 1) && c.num(j + 1)) return 0;
  if (j + 1 < c.n() && c.adj(j) && eq(c.t[j].low, ".") && c.adj(j + 1) && c.num(j + 1)) return 0;
  *end = j;
  return d;
}

// Month name at i, with capitalisation/context checks. Sets *end (after an optional '.').
int month_token(const Ctx& c, int i, int* end, bool* strong_form) {
  if (!c.word(i)) return 0;
  bool ab = false;
  const int m = month_of(c.t[i], &ab);
  if (m == 0) return 0;
  if (!c.t[i].cap) return 0;  // "may", "march", "august" as words
  int j = i + 1;
  if (ab && c.is(j, ".") && c.adj(j)) ++j;
  *strong_form = !ab || j > i + 1;
  *end = j;
  return m;
}

constexpr int kSlackMonths = 2;  // see docs/timex.md
constexpr int kSlackDays = 60;
constexpr int kWeekdayPastBias = 3;  // no tense cue: news mostly reports the past

struct Resolver {
  const Ctx& c;

  bool has() const { return c.dct.has_value(); }
  int dy() const { return c.dct->year; }
  int dm() const { return c.dct->month; }

  // Year for month m (and day d, 0 = whole month) given tense direction. `deed`: a past
  // deed dates it ("died in February"), no near month or day ahead of the DCT is meant.
  int year_for(int m, int d, int dir, bool deed = false) const {
    const int y = dy();
    if (d > 0 && !valid_date(y, m, d) && !(m == 2 && d == 29)) return y;
    auto key = [&](int yy) -> long {
      const int dd = d > 0 ? std::min(d, days_in_month(yy, m)) : 15;
      return days_from_civil(yy, m, dd);
    };
    if (d == 0) {
      // whole month: compare months
      const int cur = y * 12 + dm() - 1;
      const int same = y * 12 + m - 1;
      // tense moves a month far from the DCT; news often names the near month with a
      // past-tense verb ("was expected in December"), so allow a small slack.
      if (dir < 0) {
        // up to kSlackMonths ahead is the coming month, across the year end too ("in
        // January" written in November)
        const int ahead = (m - dm() + 12) % 12;
        if (!deed && ahead >= 1 && ahead <= kSlackMonths) return m > dm() ? y : y + 1;
        return same <= cur ? y : y - 1;
      }
      if (dir > 0) return same >= cur ? y : y + 1;
      const int diff = same - cur;
      if (diff > 6) return y - 1;
      if (diff < -6) return y + 1;
      return y;
    }
    const long now = c.dct_days;
    if (dir < 0) {
      // up to kSlackDays ahead, across the year end too ("Jan. 7" written on Dec. 4)
      const long slack = deed ? 0 : kSlackDays;
      if (key(y + 1) <= now + slack) return y + 1;
      return key(y) <= now + slack ? y : y - 1;
    }
    if (dir > 0) return key(y) >= now - 7 ? y : y + 1;
    long best = key(y);
    int by = y;
    for (int yy : {y - 1, y + 1}) {
      if (std::labs(key(yy) - now) < std::labs(best - now)) {
        best = key(yy);
        by = yy;
      }
    }
    return by;
  }

  // Weekday w (1..7) relative to DCT by direction.
  long weekday_days(int w, int dir) const {
    const int dw = weekday(c.dct_days);
    int back = (dw - w + 7) % 7;   // days back to the last such weekday (0 = today)
    int fwd = (w - dw + 7) % 7;    // days forward (0 = today)
    if (dir < 0) return c.dct_days - back;  // "said Friday" on a Friday: that day
    if (dir > 0) return c.dct_days + fwd;  // "will meet Monday": the next one
    return back <= fwd + kWeekdayPastBias ? c.dct_days - back : c.dct_days + fwd;
  }
};

class Matcher {
 public:
  explicit Matcher(const Ctx& c) : c_(c), r_{c} {
    if (c.dct) {
      ref_y_ = c.dct->year;
      ref_m_ = c.dct->month;
      ref_d_ = c.dct->day;
      ref_gran_ = 3;
    }
  }

  // Narrative reference time: after a match is accepted, explicit dates move the
  // reference time that anaphoric expressions ("that year", "the next day") use.
  void commit(const Cand& k, int sentence, int start) {
    if ((!eq(k.type, "DATE") && !eq(k.type, "TIME")) || k.derived) return;
    std::string shifted;
    int sy = 0, sm = 0, sd = 0;
    if (k.ref_days != 0 && split_day_value(k.value, &sy, &sm, &sd) && sy > 0)
      shifted = fmt_day(days_from_civil(sy, sm, sd) + k.ref_days);
    const std::string& v = shifted.empty() ? k.value : shifted;
    if (v.size() < 4) return;
    for (int q = 0; q < 4; ++q)
      if (v[q] < '0' || v[q] > '9') return;
    // the digits at v[b..] (at most n), as atoi reads them: v[b] is a digit here
    auto digits = [&v](size_t b, size_t n) __attribute__((always_inline)) {
      int x = 0;
      for (size_t q = b; q < std::min(v.size(), b + n) && v[q] >= '0' && v[q] <= '9'; ++q)
        x = x * 10 + (v[q] - '0');
      return x;
    };
    const int y = digits(0, 4);
    if (v.size() >= 7 && v[4] == '-' && v[5] == 'Q' && v[6] >= '1' && v[6] <= '4') {
      // a forecast ("losses through the third quarter of 1990") is not the quarter the
      // report is about: a quarter that has not begun at the DCT never becomes the reference
      const int q = y * 4 + (v[6] - '1');
      if (!has_dct() || q <= r_.dy() * 4 + (r_.dm() - 1) / 3) ref_quarter_ = q;
      return;
    }
    ref_is_dct_ = false;
    ref_sentence_ = sentence;
    ref_start_ = start;
    ref_stated_ = eq(k.anchor, "absolute");
    ref_since_ = c_.is(start - 1, "since");
    auto digit = [](char ch) { return ch >= '0' && ch <= '9'; };  // isdigit() in any locale
    if (v.size() >= 10 && v[4] == '-' && v[7] == '-' && digit(v[5]) && digit(v[8])) {
      ref_y_ = y;
      ref_m_ = digits(5, 2);
      ref_d_ = digits(8, 2);
      ref_gran_ = valid_date(ref_y_, ref_m_, ref_d_) ? 3 : 0;
    } else if (v.size() == 7 && v[4] == '-' && digit(v[5])) {
      ref_y_ = y;
      ref_m_ = digits(5, 2);
      ref_d_ = 0;
      ref_gran_ = ref_m_ >= 1 && ref_m_ <= 12 ? 2 : 0;
    } else if (v.size() == 4) {
      ref_y_ = y;
      ref_m_ = ref_d_ = 0;
      ref_gran_ = 1;
    }
  }

  // Tries each matcher at token i in turn and keeps in `best` the longest candidate,
  // the first one found among equals.
  template <auto... kMatchers>
  void try_in_order(int i, Cand& best) {
    Cand k;
    auto attempt = [&](auto matcher) {
      k.clear();
      if ((this->*matcher)(i, &k) && k.end > best.end) best = std::move(k);
    };
    (attempt(kMatchers), ...);
  }

  // The longest timex that starts at token i (the first matcher's among equals), into
  // *out; false if none.
  bool match(int i, Cand* out) {
    Cand best;
    // Fast paths: the matchers that can match at some first tokens, in the order below
    // (among candidates of equal length the first one found wins, as when date_expr() and
    // calendar() try theirs). The other matchers, and the other branches of those called,
    // test their first token against other words (or need a word, or a number).
    // The test Timex.FastPathsAsAllMatchers compares them with trying every matcher.
    const int first = all_matchers_ ? kAnyFirst : first_kind(i);
    if (first == kMonthOrWeekday) {
      // a month or weekday name: month_date() or weekday_date() (no lexicon word is both)
      const bool found = c_.t[i].lex->month ? month_date(i, &best) : weekday_date(i, &best);
      if (!found) return false;
    } else if (first == kNumber) {
      // time_expr(); calendar()'s day_month(), numeric_date(), year_expr(), paired_day();
      // relative()'s units_ago(); duration()
      try_in_order<&Matcher::time_expr, &Matcher::day_month, &Matcher::numeric_date,
                   &Matcher::year_expr, &Matcher::paired_day, &Matcher::units_ago,
                   &Matcher::duration>(i, best);
    } else if (first == kCountWord) {
      // a number word ("two", "twenty", "dozen"): calendar()'s year_expr() ("twenty-first
      // century", "nineteen ninety-six"); relative()'s units_ago(); duration()
      try_in_order<&Matcher::year_expr, &Matcher::units_ago, &Matcher::duration>(i, best);
    } else if (first == kDeictic) {
      // "last", "next", "this", "previous", "coming": calendar()'s quarter(); relative();
      // duration(); ref() ("coming weeks")
      try_in_order<&Matcher::quarter, &Matcher::relative, &Matcher::duration, &Matcher::ref>(
          i, best);
    } else if (first == kDeicticDay) {
      // "today", "yesterday", "tomorrow", "tonight": relative()
      if (!relative(i, &best)) return false;
    } else {
      try_in_order<&Matcher::time_expr, &Matcher::date_expr, &Matcher::relative,
                   &Matcher::duration, &Matcher::set_expr, &Matcher::ref>(i, best);
      // "around Nov. 1", "around 7:15 p.m.": TimeBank keeps "around" in the extent of a
      // point in time (not of a duration: "around two years" is matched by duration()
      // itself; not of a possessive: "get around Wednesday's ruling")
      Cand k;
      if (best.end <= i && c_.is(i, "around") && !c_.is(i + 1, "around") && match(i + 1, &k) &&
          (eq(k.type, "DATE") || eq(k.type, "TIME")) && k.start < 0 && !c_.is(k.end, "'"))
        best = std::move(k);
    }
    if (best.end <= i) return false;
    // "the next two years or so": the approximation belongs to the extent
    if (c_.is(best.end, "or") && c_.is(best.end + 1, "so")) best.end += 2;
    // "until 1994 or later", "for 1990 and beyond": open-ended dates (TimeML's
    // ON_OR_AFTER / ON_OR_BEFORE modifiers), not before another date ("or later this week")
    const int e = best.end;
    if (eq(best.type, "DATE") &&
        ((c_.is(e, "or") && (c_.is(e + 1, "later") || c_.is(e + 1, "earlier"))) ||
         (c_.is(e, "and") && c_.is(e + 1, "beyond"))) &&
        !(e + 2 < c_.n() && c_.t[e + 2].kind == WORD && start_word_before_follow(c_.t, e + 2)))
      best.end += 2;
    *out = std::move(best);
    return true;
  }

 private:
  const Ctx& c_;
  Resolver r_;
  // reference time (see commit()): granularity 0 none, 1 year, 2 month, 3 day
  int ref_y_ = 0, ref_m_ = 0, ref_d_ = 0, ref_gran_ = 0;
  bool ref_is_dct_ = true;  // the reference time is still the DCT
  // The sentence of the date that set the reference time, and whether that date stated
  // its year ("August 9, 2022", "in 2017"; not a weekday resolved against the DCT).
  int ref_sentence_ = -1;
  int ref_start_ = -1;  // its first token
  bool ref_stated_ = false;
  bool ref_since_ = false;  // ... after "since" ("has ruled since 2009")
  int ref_quarter_ = -1;  // last quarter named in the text, y * 4 + (q - 1)
  bool beside_ = false;   // inside day_beside(): no second level

 public:
  // Tests: match() tries every matcher, without its fast paths.
  bool all_matchers_ = false;

 private:
  // The kinds of first token match() has a fast path for.
  enum { kAnyFirst, kMonthOrWeekday, kNumber, kCountWord, kDeictic, kDeicticDay };
  int first_kind(int i) const {
    if (c_.num(i)) return kNumber;
    if (!c_.word(i)) return kAnyFirst;
    const Lex& l = *c_.t[i].lex;
    if (l.month != 0 || l.weekday != 0) return kMonthOrWeekday;
    if (l.number != 0) return kCountWord;
    const std::string_view w = c_.t[i].low;
    if (eq(w, "last") || eq(w, "next") || eq(w, "this") || eq(w, "previous") ||
        eq(w, "coming"))
      return kDeictic;
    if (eq(w, "today") || eq(w, "yesterday") || eq(w, "tomorrow") || eq(w, "tonight") ||
        eq(w, "overnight"))
      return kDeicticDay;
    return kAnyFirst;
  }

  bool has_dct() const { return c_.dct.has_value(); }

  // The comparison period of a financial report: the same quarter a year before the
  // quarter the story is about (the last one named, else the last completed one).
  std::string year_ago_quarter() const {
    const int q = ref_quarter_ >= 0 ? ref_quarter_ - 4
                                    : r_.dy() * 4 + (r_.dm() - 1) / 3 - 5;
    return fmt_year(q / 4) + "-Q" + std::to_string(q % 4 + 1);
  }
  std::string ref_quarter_value() const {
    const int q = ref_quarter_ >= 0 ? ref_quarter_ : r_.dy() * 4 + (r_.dm() - 1) / 3 - 1;
    return fmt_year(q / 4) + "-Q" + std::to_string(q % 4 + 1);
  }

  // --------------------------------------------------- absolute / calendar dates

  // Optional leading modifier: early / late / mid / mid- / the end of / the beginning of ...
  int modifier(int i) const {
    if (c_.is(i, "mid") && c_.is(i + 1, "-")) return i + 2;
    if (c_.is(i, "early") || c_.is(i, "late") || c_.is(i, "mid") || c_.is(i, "end") ||
        c_.is(i, "earlier")) {
      if (c_.is(i + 1, "-") && c_.adj(i + 1)) return i + 2;
      return i + 1;
    }
    int j = i;
    if (c_.is(j, "the")) ++j;
    if ((c_.is(j, "end") || c_.is(j, "beginning") || c_.is(j, "start") || c_.is(j, "middle") ||
         c_.is(j, "turn") || c_.is(j, "close")) &&
        c_.is(j + 1, "of"))
      return j + 2;
    return i;
  }

  // Core calendar date at i (no modifier). Fills value/anchor.
  bool calendar(int i, Cand* out) {
    Cand best;
    Cand k;
    if (month_date(i, &k) && k.end > best.end) best = std::move(k);
    k.clear();
    if (day_month(i, &k) && k.end > best.end) best = std::move(k);
    k.clear();
    if (numeric_date(i, &k) && k.end > best.end) best = std::move(k);
    k.clear();
    if (weekday_date(i, &k) && k.end > best.end) best = std::move(k);
    k.clear();
    if (year_expr(i, &k) && k.end > best.end) best = std::move(k);
    k.clear();
    if (season(i, &k) && k.end > best.end) best = std::move(k);
    k.clear();
    if (quarter(i, &k) && k.end > best.end) best = std::move(k);
    k.clear();
    if (paired_day(i, &k) && k.end > best.end) best = std::move(k);
    if (best.end < 0) return false;
    *out = std::move(best);
    return true;
  }

  bool date_expr(int i, Cand* out) {
    // "the early 1980s", "the late summer": the article belongs to the modified date
    const bool the_mod =
        c_.is(i, "the") && (c_.is(i + 1, "early") || c_.is(i + 1, "late") || c_.is(i + 1, "mid"));
    const int j = modifier(the_mod ? i + 1 : i);
    if (j != i) {
      Cand k;
      if (calendar(j, &k) || relative(j, &k)) {
        if (!eq(k.type, "DATE")) return false;
        if (k.value.find("-W") != std::string::npos && k.value.size() > 8) return false;
        k.end = std::max(k.end, j);
        *out = std::move(k);
        return true;
      }
      return false;
    }
    return calendar(i, out);
  }

  // Optional ", 2023" / " 2023" after a month/day. Returns year and sets *end.
  int trailing_year(int j, int* end) const {
    int k = j;
    if (c_.is(k, ",")) ++k;
    const int y = year_token(c_, k);
    if (y) {
      *end = k + 1;
      return y;
    }
    // "January nineteen ninety-seven" (no comma before a year in words)
    if (k == j) {
      const int sy = spelled_year(c_, k, end);
      if (sy) return sy;
    }
    // "'98"
    if (c_.is(k, "'") && c_.num(k + 1) && c_.t[k + 1].low.size() == 2 && c_.adj(k + 1) &&
        !c_.adj(k) && !(k + 2 < c_.n() && c_.adj(k + 2) && c_.word(k + 2))) {
      const int v = c_.ival(k + 1);
      *end = k + 2;
      return v < 50 ? 2000 + v : 1900 + v;
    }
    return 0;
  }

  // "last year" / "this year" / "next year" at j: true, and *shift -1 / 0 / 1.
  bool deictic_year(int j, int* shift) const {
    if (!(c_.is(j, "last") || c_.is(j, "this") || c_.is(j, "next")) || !c_.is(j + 1, "year"))
      return false;
    *shift = c_.is(j, "last") ? -1 : c_.is(j, "next") ? 1 : 0;
    return true;
  }

  void finish_md(int m, int d, int y, int end, Cand* out, int b) {
    out->end = end;
    out->type = "DATE";
    if (y) {
      if (d) {
        if (!valid_date(y, m, d)) {
          out->end = -1;
          return;
        }
        out->value = fmt_ymd(y, m, d);
      } else {
        out->value = fmt_ym(y, m);
      }
      out->anchor = "absolute";
      return;
    }
    if (d && d > days_in_month(2000, m)) {
      out->end = -1;
      return;
    }
    if (!has_dct()) {
      out->value = d ? "XXXX-" + fmt_ym(0, m).substr(5) + "-" + fmt_ym(0, d).substr(5)
                     : "XXXX-" + fmt_ym(0, m).substr(5);
      out->anchor = "none";
      return;
    }
    // "through August", "by February", "until Jan. 2": a deadline may lie on either side
    // of the DCT, so take the nearest year, unless another future cue of the sentence
    // puts it ahead ("is to be completed by Dec. 31"); a past verb does not put it behind
    // ("agreed to provide loans through January")
    const bool deadline = c_.is(b - 1, "through") || c_.is(b - 1, "until") ||
                          c_.is(b - 1, "till") || c_.is(b - 1, "by");
    int dir = c_.tense(b, end, deadline);
    if (deadline && dir < 0) dir = 0;
    // "postponed to Dec. 15", "delayed until March", "to postpone the election until
    // December": the new day lies ahead (up to three words between the verb and "to")
    if (c_.is(b - 1, "to") || c_.is(b - 1, "until") || c_.is(b - 1, "till"))
      for (int k = b - 2; k >= std::max(b - 5, c_.sentence_first(b)); --k) {
        if (c_.is(k, "postponed") || c_.is(k, "postpone") || c_.is(k, "delayed") ||
            c_.is(k, "delay") || c_.is(k, "deferred") || c_.is(k, "defer") ||
            c_.is(k, "rescheduled") || c_.is(k, "moved") || c_.is(k, "adjourned") ||
            c_.is(k, "extended") || (k == b - 2 && c_.is(k, "back"))) {
          dir = 1;
          break;
        }
        if (!c_.word(k)) break;
      }
    // "setting the election for February 23", "a vote set for Feb. 23", "called a snap
    // election for July 4": a day fixed for what was to come, which a past verb does not
    // put behind; the nearest year (up to three words between the verb and "for")
    bool fixed_for = false;
    if (c_.is(b - 1, "for"))
      for (int k = b - 2; k >= std::max(b - 5, c_.sentence_first(b)) && !fixed_for; --k)
        fixed_for = c_.is(k, "set") || c_.is(k, "sets") || c_.is(k, "setting") ||
                    c_.is(k, "fixed") || c_.is(k, "fixing") ||
                    (k < b - 2 && (c_.is(k, "called") || c_.is(k, "calling")));
    if (fixed_for && dir < 0) dir = 0;
    // a bare month, no tense cue: news reports the past
    if (dir == 0 && !d && !deadline && !fixed_for) dir = -1;
    // "Geingob died in February", "was killed on Jan. 5": a past deed right before the
    // preposition (no form of "be" or "have" itself, no verb of expectation: "was expected
    // in December" may be the coming one; no present passive: "the case is heard in May")
    const bool present_passive =
        b >= 3 && (c_.is(b - 3, "is") || c_.is(b - 3, "are") || c_.is(b - 3, "be") ||
                   c_.is(b - 3, "being"));
    // (or with its object between, up to four words: "an ECOWAS mission visited Bissau in
    // February"; not past "to", a modal or another verb: "planned to travel to Dori in")
    int verb = b - 2;
    if (verb >= 1 && (c_.is(b - 1, "in") || c_.is(b - 1, "on")) && !past_form(c_.t[verb])) {
      const int lowest = std::max(b - 6, c_.sentence_first(b));
      for (int k = b - 2; k >= lowest; --k) {
        const Tok& tk = c_.t[k];
        if (tk.kind == PUNCT || c_.is(k, "to") || tk.lex->tense) break;
        // (a verb's object opens after it: an article, a possessive, a name or a number; not
        // "will redeem 9.5 million Series H preferred shares on Oct. 31")
        // (or its particle right before the preposition: "had struck down in January")
        if (k < b - 2 && past_form(tk)) {
          const Tok& next = c_.t[k + 1];
          const bool particle = k + 1 == b - 2 &&
                                (c_.is(k + 1, "down") || c_.is(k + 1, "up") || c_.is(k + 1, "out") ||
                                 c_.is(k + 1, "off") || c_.is(k + 1, "over") || c_.is(k + 1, "back"));
          if (next.cap || next.kind == NUM || particle || c_.is(k + 1, "the") ||
              c_.is(k + 1, "a") || c_.is(k + 1, "an") || c_.is(k + 1, "its") ||
              c_.is(k + 1, "their") || c_.is(k + 1, "his") || c_.is(k + 1, "her"))
            verb = k;
          break;
        }
      }
    }
    const bool deed = (c_.is(b - 1, "in") || c_.is(b - 1, "on")) && verb >= 0 &&
                      past_form(c_.t[verb]) && !c_.future_cue(verb) && !c_.is(verb, "was") &&
                      !c_.is(verb, "were") && !c_.is(verb, "had") && !c_.is(verb, "been") &&
                      !present_passive;
    int yy = r_.year_for(m, d, dir, deed);
    // A past month after a date of another year stated earlier in the sentence, in that
    // year or later in it, is that year's: "lost the August 9, 2022 election and
    // challenged it in court, which upheld the result in early September" (2022-09).
    // (Not after "since": "has ruled since 2009 and won ... a January election"; nor from
    // inside a relative clause between commas that closed before it: "Deby, who took power
    // in 2021 after his father was killed, was declared the winner of an election in May".)
    if (dir < 0 && ref_stated_ && !ref_since_ && ref_sentence_ == c_.sentence_of(b) &&
        ref_y_ != r_.dy() && !c_.in_closed_relative(ref_start_, b) &&
        (ref_gran_ == 1 || (ref_gran_ >= 2 && m > ref_m_))) {
      yy = ref_y_;
      out->value = d ? fmt_ymd(yy, m, d) : fmt_ym(yy, m);
      out->anchor = "absolute";
      if (d && !valid_date(yy, m, d)) out->end = -1;
      return;
    }
    if (d && !valid_date(yy, m, d)) {
      out->end = -1;
      return;
    }
    out->value = d ? fmt_ymd(yy, m, d) : fmt_ym(yy, m);
    out->anchor = "dct";
  }

  // The second day of "April 24 and 25" / "Sept. 3 or 4": the month (and year) of the
  // first. Not before a noun or unit ("April 24 and 25 people").
  bool paired_day(int i, Cand* out) {
    if (!c_.num(i) || !(c_.is(i - 1, "and") || c_.is(i - 1, "or"))) return false;
    int e = 0;
    const int d = day_token(c_, i, &e);
    if (!d || (c_.word(e) && !c_.t[e].cap) || c_.is(e, "%")) return false;
    Cand first;
    for (int m = i - 3; m >= i - 4 && m >= 0; --m) {
      first.clear();
      if (month_date(m, &first) && first.end == i - 1) break;
      first.end = -1;
    }
    int y = 0, mo = 0, d1 = 0;
    if (first.end != i - 1 || !split_day_value(first.value, &y, &mo, &d1)) return false;
    if (y ? !valid_date(y, mo, d) : d > days_in_month(2000, mo)) return false;
    out->end = e;
    out->type = "DATE";
    out->value = first.value.substr(0, 8);
    append_padded(&out->value, d, 2);
    out->anchor = first.anchor;
    return true;
  }

  // "September 18, 2023", "Sept. 18", "Sept 18th", "September 2023", "July", "June last year".
  bool month_date(int i, Cand* out) {
    int j = 0;
    bool strong = false;
    const int m = month_token(c_, i, &j, &strong);
    if (!m) return false;
    // "Sept. 18" / "September 18th"
    int k = 0;
    int d = day_token(c_, j, &k);
    if (d && c_.is(j - 1, ".") && !c_.t[j].space) d = 0;
    if (d) {
      // "March 3 (Reuters)" fine; reject "May 5-4 score"? keep simple
      int e = k;
      int y = trailing_year(k, &e);
      if (!y && c_.is(k, "of") ) {
        y = trailing_year(k + 1, &e);
        if (!y) e = k;
      }
      finish_md(m, d, y, y ? e : k, out, i);
      return out->end > 0;
    }
    // "September 2023", "September of 2023"
    int e = j;
    int y = trailing_year(j, &e);
    if (!y && c_.is(j, "of")) {
      y = trailing_year(j + 1, &e);
    }
    if (y && c_.is(j, ",") && !strong) y = 0;
    if (y) {
      finish_md(m, 0, y, e, out, i);
      return out->end > 0;
    }
    // bare month: needs a context
    if (!strong) return false;
    std::string_view w = c_.t[i].low;
    const bool risky = eq(w, "may") || eq(w, "march") || eq(w, "august") || eq(w, "june") ||
                       eq(w, "april") || eq(w, "january");
    const int p = i - 1;
    const bool ctx_before =
        p >= 0 && c_.word(p) &&
        (c_.is(p, "in") || c_.is(p, "since") || c_.is(p, "last") || c_.is(p, "next") ||
         c_.is(p, "this") || c_.is(p, "early") || c_.is(p, "late") || c_.is(p, "mid") ||
         c_.is(p, "until") || c_.is(p, "till") || c_.is(p, "by") || c_.is(p, "of") ||
         c_.is(p, "from") || c_.is(p, "through") || c_.is(p, "during") || c_.is(p, "before") ||
         c_.is(p, "after") || c_.is(p, "between") || c_.is(p, "and") || c_.is(p, "to") ||
         c_.is(p, "end") || c_.is(p, "beginning") || c_.is(p, "coming") || c_.is(p, "past") ||
         c_.is(p, "previous") || c_.is(p, "on") || c_.is(p, "or") || c_.is(p, "that") ||
         c_.is(p, "each") || c_.is(p, "every") || c_.is(p, "late") || c_.is(p, "around") ||
         (c_.is(p, "for") && !eq(w, "may")));  // "figures for January" (not "voted for May")
    const bool mid_dash = p >= 1 && c_.is(p, "-") && c_.is(p - 1, "mid");
    // "a June agreement", "the March accession", "an August runoff": a month modifying a
    // noun (not "May", a frequent surname: "the May government")
    const bool attributive = (c_.is(p, "a") || c_.is(p, "an") || c_.is(p, "the")) &&
                             !eq(w, "may") && c_.word(j) && !c_.t[j].cap;
    if (risky && !ctx_before && !mid_dash && !attributive) return false;
    // followed by a capitalised word: a name ("June Carter"), unless it starts a sentence
    if (j < c_.n() && c_.t[j].cap && c_.word(j) && !eq(c_.t[j].low, "i") && !c_.t[i].upper) {
      bool dummy = false;
      int jj = 0;
      if (!month_token(c_, j, &jj, &dummy) && !weekday_of(c_.t[j])) return false;
    }
    // "June last year" / "July this year"
    int shift = 0;
    if (deictic_year(j, &shift)) {
      out->end = j + 2;
      out->type = "DATE";
      if (has_dct()) {
        out->value = fmt_ym(r_.dy() + shift, m);
        out->anchor = "dct";
      } else {
        out->value = "XXXX-" + fmt_ym(0, m).substr(5);
        out->anchor = "none";
      }
      return true;
    }
    finish_md(m, 0, 0, j, out, i);
    return out->end > 0;
  }

  // "18 September 2023", "18th of September", "18 Sept."
  bool day_month(int i, Cand* out) {
    int k = 0;
    const int d = day_token(c_, i, &k);
    if (!d) return false;
    if (i > 0 && c_.is(i - 1, "-") && c_.adj(i)) return false;
    int j = k;
    if (c_.is(j, "of")) ++j;
    int e = 0;
    bool strong = false;
    const int m = month_token(c_, j, &e, &strong);
    if (!m) return false;
    int ye = e;
    const int y = trailing_year(e, &ye);
    finish_md(m, d, y, y ? ye : e, out, i);
    return out->end > 0;
  }

  // 2023-09-18, 2023/09/18, 18/09/2023, 09/18/2023 (day_first option for ambiguous ones).
  bool numeric_date(int i, Cand* out) {
    if (!c_.num(i) || !c_.adj(i + 1) || !c_.adj(i + 2) || !c_.adj(i + 3) || !c_.adj(i + 4))
      return false;
    if (i + 4 >= c_.n()) return false;
    std::string_view s1 = c_.t[i + 1].low;
    std::string_view s2 = c_.t[i + 3].low;
    if (s1 != s2 || (!eq(s1, "-") && !eq(s1, "/") && !eq(s1, "."))) return false;
    if (!c_.num(i + 2) || !c_.num(i + 4)) return false;
    if (i > 0 && c_.adj(i) && (c_.num(i - 1) || c_.t[i - 1].low == s1 ||
                               eq(c_.t[i - 1].low, ".") || eq(c_.t[i - 1].low, ",")))
      return false;
    const int e = i + 5;
    if (e < c_.n() && c_.adj(e) &&
        (c_.num(e) || c_.word(e) ||
         ((c_.t[e].low == s1 || eq(c_.t[e].low, ".") || eq(c_.t[e].low, ",")) && e + 1 < c_.n() &&
          c_.num(e + 1) && c_.adj(e + 1))))
      return false;
    std::string_view a = c_.t[i].low;
    std::string_view b = c_.t[i + 2].low;
    std::string_view cc = c_.t[i + 4].low;
    int y = 0, m = 0, d = 0;
    if (a.size() == 4 && b.size() <= 2 && cc.size() <= 2 && !eq(s1, ".")) {
      y = c_.ival(i);
      m = c_.ival(i + 2);
      d = c_.ival(i + 4);
    } else if (cc.size() == 4 && a.size() <= 2 && b.size() <= 2 && !eq(s1, "-")) {
      y = c_.ival(i + 4);
      const int x = c_.ival(i), z = c_.ival(i + 2);
      if (eq(s1, ".")) {
        d = x;
        m = z;
      } else if (x > 12 && z <= 12) {
        d = x;
        m = z;
      } else if (z > 12 && x <= 12) {
        m = x;
        d = z;
      } else if (c_.opt.day_first) {
        d = x;
        m = z;
      } else {
        m = x;
        d = z;
      }
    } else {
      return false;
    }
    if (y < 1000 || y > 2999 || !valid_date(y, m, d)) return false;
    out->end = e;
    out->type = "DATE";
    out->value = fmt_ymd(y, m, d);
    out->anchor = "absolute";
    // optional time "T12:20" / " 12:20"
    return true;
  }

  // Whether the weekday at token i follows a list of weekdays opened by "every" or
  // "each": "every Tuesday and Thursday", "each Monday, Wednesday and Friday". (At most
  // seven weekdays back: a text of weekdays alone stays linear.)
  bool later_weekday_of_every(int i) const {
    int k = i - 1;
    for (int weekdays = 0; weekdays < 7; ++weekdays) {
      int seps = 0;
      while (k >= 0 && seps < 2 && (c_.is(k, ",") || c_.is(k, "and") || c_.is(k, "or"))) --k, ++seps;
      if (seps == 0 || k < 0 || !c_.word(k) || !c_.t[k].cap || !weekday_of(c_.t[k])) return false;
      if (k > 0 && (c_.is(k - 1, "every") || c_.is(k - 1, "each"))) return true;
      --k;
    }
    return false;
  }

  // "Monday", "Monday, September 18, 2023", "Monday morning", "on Saturday".
  bool weekday_date(int i, Cand* out) {
    if (!c_.word(i) || !c_.t[i].cap) return false;
    const int w = weekday_of(c_.t[i]);
    if (!w) return false;
    // "Super Tuesday", "Bloody Sunday": a named day, not the weekday near the DCT
    if (i > 0 && c_.word(i - 1) && c_.t[i - 1].cap &&
        std::find(std::begin(kNamedDayWords), std::end(kNamedDayWords), c_.t[i - 1].low) !=
            std::end(kNamedDayWords))
      return false;
    int j = i + 1;
    // "Monday, Sept. 18, 2023" / "Monday 18 September"
    {
      int k = j;
      if (c_.is(k, ",")) ++k;
      Cand sub;
      if ((month_date(k, &sub) || day_month(k, &sub)) && sub.end > 0 &&
          sub.value.size() == 10) {
        *out = sub;
        return true;
      }
    }
    // "Tuesday nights", "Monday mornings": a recurring part of that weekday; "Monday and
    // Tuesday nights": the part of day is shared by both weekdays (this one ends at j)
    int part_tok = j;
    if ((c_.is(j, "and") || c_.is(j, "or")) && c_.word(j + 1) && c_.t[j + 1].cap &&
        weekday_of(c_.t[j + 1]))
      part_tok = j + 2;
    if (c_.is(part_tok, "nights") || c_.is(part_tok, "mornings") ||
        c_.is(part_tok, "evenings") || c_.is(part_tok, "afternoons")) {
      const std::string_view p = c_.t[part_tok].low;
      out->end = part_tok == j ? j + 1 : j;
      out->type = "SET";
      out->value = "XXXX-WXX-" + std::to_string(w) +
                   (eq(p, "nights")     ? "TNI"
                    : eq(p, "mornings") ? "TMO"
                    : eq(p, "evenings") ? "TEV"
                                      : "TAF");
      out->anchor = "absolute";
      return true;
    }
    // "every Tuesday and Thursday", "each Monday, Wednesday and Friday": a later
    // weekday of the list recurs too
    if (later_weekday_of_every(i)) {
      out->end = j;
      out->type = "SET";
      out->value = "XXXX-WXX-" + std::to_string(w);
      out->anchor = "absolute";
      return true;
    }
    int part = 0;  // 1 morning 2 afternoon 3 evening 4 night
    if (c_.is(j, "morning")) part = 1;
    else if (c_.is(j, "afternoon")) part = 2;
    else if (c_.is(j, "evening")) part = 3;
    else if (c_.is(j, "night")) part = 4;
    if (part) ++j;
    out->end = j;
    out->type = "DATE";
    if (!has_dct()) {
      out->value = "XXXX-WXX-" + std::to_string(w);
      out->anchor = "none";
      return true;
    }
    // "last Friday"/"next Friday" are handled by relative()
    const long d =
        r_.weekday_days(w, c_.possessive_at(j) ? possessive_weekday_tense(i, j) : c_.tense(i, j));
    // part of day: TimeBank gives "Friday evening" the TEV suffix (a TIME) but mostly the
    // plain date to "Friday morning" / "Friday night"
    out->value = fmt_day(d);
    if (part == 3) out->value += "TEV";
    if (part == 3) out->type = "TIME";
    out->anchor = "dct";
    return true;
  }

  // The tense of a weekday before "'s" (tokens [i, j)): the day of an event the sentence
  // names ("Wednesday's attack"), not of the verbs around it. A market's close or session
  // is reported after it ("a 31% premium to Monday's closing price" in a sentence whose
  // deal "is expected to close"); "ahead of Sunday's election" looks ahead; a reporting
  // verb right before it dates the report, not the day ("officials said Tuesday's meeting
  // will focus on trade"): tense() then looks only after the weekday.
  int possessive_weekday_tense(int i, int j) const {
    if (i >= 2 && c_.is(i - 1, "of") && c_.is(i - 2, "ahead")) return 1;
    const bool before_it = i >= 1 && (c_.is(i - 1, "before") || c_.is(i - 1, "until"));
    for (const char* w : {"close", "closing", "session", "trading"})
      if (c_.is(j + 2, w)) return before_it ? c_.tense(i, j) : -1;
    if (i >= 1 && c_.word(i - 1) && Ctx::reporting_verb(c_.t[i - 1].low)) return c_.tense(i, j, false, i);
    return c_.tense(i, j);
  }

  // Years: "2017" in a year context, "the 1990s", "1990s", "the '90s", "fiscal 1989",
  // "the year 2000", "2017-18", "nineteen ninety-six", "the nineties"; centuries.
  bool year_expr(int i, Cand* out) {
    if (century(i, out)) return true;
    int j = i;
    bool the = false;
    if (c_.is(j, "the")) {
      the = true;
      ++j;
    }
    // the 1990s / 1990s / '90s
    if (c_.num(j) && (c_.t[j].low.size() == 4 || c_.t[j].low.size() == 3) && c_.is(j + 1, "s") &&
        c_.adj(j + 1) && !c_.part_of_bigger_number(j)) {
      const int v = c_.ival(j);
      if (c_.t[j].low.size() == 4 && v >= 1000 && v <= 2999 && v % 10 == 0) {
        out->end = j + 2;
        out->type = "DATE";
        // "the 1800s" is the century (TIMEX3 "18"); "the 2000s" stays the decade, as it is
        // mostly meant
        out->value = v % 100 == 0 && v < 2000 ? fmt_year(v).substr(0, 2) : fmt_year(v).substr(0, 3);
        out->anchor = "absolute";
        return true;
      }
    }
    if (c_.is(j, "'") && c_.num(j + 1) && c_.adj(j + 1) && c_.t[j + 1].low.size() == 2 &&
        c_.is(j + 2, "s") && c_.adj(j + 2)) {
      const int v = c_.ival(j + 1);
      if (v % 10 == 0) {
        out->end = j + 3;
        out->type = "DATE";
        out->value = fmt_year(v < 30 ? 2000 + v : 1900 + v).substr(0, 3);
        out->anchor = "absolute";
        return true;
      }
    }
    const std::string_view dw = c_.word(j) ? c_.t[j].low : std::string_view();
    if (the && dw.size() >= 7 && dw.compare(dw.size() - 3, 3, "ies") == 0) {
      // "the nineties": a decade of the 20th century
      static const std::array<std::string_view, 8> kDecades = {
          "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
          "nineties"};
      for (size_t d = 0; d < kDecades.size(); ++d)
        if (c_.t[j].low == kDecades[d]) {
          out->end = j + 1;
          out->type = "DATE";
          out->value = "19" + std::to_string(d + 2);
          out->anchor = "absolute";
          return true;
        }
    }
    if (the) {
      // "the year 2000", "the year two thousand"
      int ye = j + 2;
      const int y = !c_.is(j, "year") ? 0
                    : year_token(c_, j + 1) ? year_token(c_, j + 1)
                                            : spelled_year(c_, j + 1, &ye);
      if (y) {
        out->end = ye;
        out->type = "DATE";
        out->value = fmt_year(y);
        out->anchor = "absolute";
        return true;
      }
      return false;
    }
    // "in nineteen ninety-six"; "two thousand" alone is more often a quantity
    if (!c_.is(i, "two")) {
      int ye = 0;
      const int y = spelled_year(c_, i, &ye);
      if (y) {
        out->end = ye;
        out->type = "DATE";
        out->value = fmt_year(y);
        out->anchor = "absolute";
        return true;
      }
    }
    int k = i;
    bool fiscal = false;
    if (c_.is(k, "fiscal") || c_.is(k, "calendar") || c_.is(k, "year") || c_.is(k, "fy")) {
      fiscal = true;
      ++k;
    }
    const int y = year_token(c_, k);
    if (!y) return false;
    // context decides whether a 4-digit number is a year
    const int p = k - 1;
    const std::string_view prev = p >= 0 ? c_.t[p].low : std::string_view();
    if (eq(prev, "$") || eq(prev, "#") || eq(prev, "No") || eq(prev, "no") || eq(prev, "number") ||
        eq(prev, "route") || eq(prev, "flight") || eq(prev, "room") || eq(prev, "page") ||
        eq(prev, "article") || eq(prev, "resolution") || eq(prev, "-") || eq(prev, "+") || eq(prev, "(") ||
        eq(prev, "/"))
      if (!fiscal) {
        if (!(eq(prev, "(") || eq(prev, "-"))) return false;
      }
    if (!fiscal && (eq(prev, "about") || eq(prev, "some") || eq(prev, "nearly") || eq(prev, "over") ||
                    eq(prev, "than") || eq(prev, "around") || eq(prev, "approximately") ||
                    eq(prev, "least") || eq(prev, "almost") || eq(prev, "roughly") ||
                    eq(prev, "estimated") || eq(prev, "only") || eq(prev, "just"))) {
      // quantity reading more likely unless a preposition of time: "than" etc.
      const int nx = k + 1;
      if (nx < c_.n() && c_.word(nx) && !c_.t[nx].cap) return false;
    }
    int e = k + 1;
    // "2017-18" season/fiscal span: keep the first year only; consume "-18"
    if (c_.is(e, "-") && c_.adj(e) && c_.num(e + 1) && c_.adj(e + 1) &&
        c_.t[e + 1].low.size() == 2)
      e += 2;
    // "fiscal 1989 sales", "post-1959 politics": after "fiscal"/"calendar"/"pre-"/"post-"
    // the number is a year, whatever follows
    const bool prefixed = c_.is(k - 1, "-") && c_.adj(k) && c_.adj(k - 1) &&
                          (c_.is(k - 2, "post") || c_.is(k - 2, "pre"));
    const bool fiscal_word = (fiscal && !c_.is(k - 1, "year")) || prefixed;
    if (e < c_.n() && c_.word(e) && !fiscal_word) {
      std::string_view nw = c_.t[e].low;
      if (count_nouns().count(nw)) return false;
      // plural-looking lower-case noun after the number: a quantity ("2000 troops")
      if (!c_.t[e].cap && nw.size() > 3 && nw.back() == 's' && nw[nw.size() - 2] != 's' &&
          !eq(nw, "was") && !eq(nw, "has") && !eq(nw, "this") && !eq(nw, "its") && !eq(nw, "his") &&
          !eq(nw, "elections") && !eq(nw, "games") && !eq(nw, "olympics") && !eq(nw, "talks") &&
          !eq(nw, "as") && !eq(nw, "is") && !eq(nw, "thus") && !eq(nw, "plus") && !eq(nw, "versus") &&
          !eq(nw, "polls") && !eq(nw, "levels") && !eq(nw, "figures") && !eq(nw, "results") &&
          !eq(nw, "accords") && !eq(nw, "protests") && !eq(nw, "attacks") && !eq(nw, "riots") &&
          !eq(nw, "negotiations") && !eq(nw, "statistics") && !eq(nw, "rules"))
        return false;
    }
    if (e < c_.n() && (eq(c_.t[e].low, "%") || (eq(c_.t[e].low, ".") && c_.adj(e) && c_.num(e + 1))))
      return false;
    if (!fiscal && (y < 1600 || y > 2099)) {
      if (!(p >= 0 && year_preps().count(prev))) return false;
    }
    // a year must not be glued to letters before ("A2017")
    if (k > 0 && c_.adj(k) && c_.word(k - 1)) return false;
    out->end = e;
    out->type = "DATE";
    out->value = fmt_year(y);
    out->anchor = "absolute";
    return true;
  }

  // "summer 2023", "the summer of 2023", "the summer" (the latest one, or the next one
  // when the sentence looks ahead); "last summer" is relative()'s.
  bool season(int i, Cand* out) {
    int j = i;
    // "the summer", or "the early summer" (date_expr() has read "the early")
    const bool the = c_.is(j, "the") ||
                     (c_.is(j - 2, "the") && (c_.is(j - 1, "early") || c_.is(j - 1, "late")));
    if (c_.is(j, "the")) ++j;
    const char* code = season_code(j);
    if (!code) return false;
    int e = j + 1;
    int ye = e;
    int y = 0;
    if (c_.is(e, "of")) y = trailing_year(e + 1, &ye);
    else y = trailing_year(e, &ye);
    // "the spring of last year", "summer next year"
    const int dy = c_.is(e, "of") ? e + 1 : e;
    int shift = 0;
    if (!y && deictic_year(dy, &shift)) {
      out->end = dy + 2;
      out->type = "DATE";
      out->value = (has_dct() ? fmt_year(r_.dy() + shift) : "XXXX") + "-" + code;
      out->anchor = has_dct() ? "dct" : "none";
      return true;
    }
    // "the fall" is too often a drop ("the fall in prices", "the fall of the wall")
    if (!y && the && code[0] != 'F' && !c_.is(e, "of") && has_dct()) {
      const int start = code[0] == 'W' ? 12 : code[1] == 'P' ? 3 : 6;  // first month
      y = r_.dy();
      if (c_.tense(i, e) > 0) {
        if (start < r_.dm()) ++y;
      } else if (start > r_.dm()) {
        --y;
      }
      out->end = e;
      out->type = "DATE";
      out->value = fmt_year(y) + "-" + code;
      out->anchor = "dct";
      return true;
    }
    if (!y) return false;
    out->end = ye;
    out->type = "DATE";
    out->value = fmt_year(y) + "-" + code;
    out->anchor = "absolute";
    return true;
  }

  // "the 20th century", "19th-century", "the twenty-first century": the century's first
  // two digits ("19" for the 20th century), as TIMEX3 writes a century.
  bool century(int i, Cand* out) {
    int j = i;
    if (c_.is(j, "the")) ++j;
    int n = 0;
    int k = j + 1;  // after the ordinal
    if (c_.num(j)) {
      if (!(c_.word(j + 1) && c_.adj(j + 1) &&
            (c_.is(j + 1, "st") || c_.is(j + 1, "nd") || c_.is(j + 1, "rd") || c_.is(j + 1, "th"))))
        return false;
      n = c_.ival(j);
      k = j + 2;
    } else if (c_.is(j, "twenty")) {
      if (!(c_.is(j + 1, "-") && c_.adj(j + 1) && c_.is(j + 2, "first"))) return false;
      n = 21;
      k = j + 3;
    } else if (c_.word(j) && (c_.is(j + 1, "century") || c_.is(j + 2, "century"))) {
      n = century_ordinal_of(c_.t[j]);  // looked up only before "century"
    }
    if (n < 1 || n > 21) return false;
    if (c_.is(k, "-") && c_.adj(k)) ++k;
    if (!c_.is(k, "century")) return false;
    out->end = k + 1;
    out->type = "DATE";
    out->value.clear();
    append_padded(&out->value, n - 1, 2);
    out->anchor = "absolute";
    return true;
  }

  // (Not a capitalised season before a capitalised word: "the Summer Olympics", "the
  // Winter Palace", "the Spring Festival" name things.)
  const char* season_code(int j) const {
    if (j + 1 < c_.n() && c_.t[j].cap && c_.word(j + 1) && c_.t[j + 1].cap) return nullptr;
    if (c_.is(j, "spring")) return "SP";
    if (c_.is(j, "summer")) return "SU";
    if (c_.is(j, "fall") || c_.is(j, "autumn")) return "FA";
    if (c_.is(j, "winter")) return "WI";
    return nullptr;
  }

  // "the third quarter", "third-quarter", "the fourth quarter of 2023", "Q3 2023",
  // "the 1988 second quarter", "the first half".
  bool quarter(int i, Cand* out) {
    int j = i;
    bool the = false;
    int rel_year = 0;  // "last year's third quarter": -1; "the year-ago third quarter": -1
    bool has_rel = false;
    if ((c_.is(j, "last") || c_.is(j, "this") || c_.is(j, "next")) && c_.is(j + 1, "year") &&
        c_.possessive_at(j + 2)) {
      rel_year = c_.is(j, "last") ? -1 : c_.is(j, "next") ? 1 : 0;
      has_rel = true;
      j += 4;
    } else if (c_.is(j, "the") || c_.is(j, "its") || c_.is(j, "this") || c_.is(j, "a")) {
      the = c_.is(j, "the") || c_.is(j, "this");
      ++j;
      if (c_.is(j, "year") && c_.is(j + 1, "-") && (c_.is(j + 2, "ago") || c_.is(j + 2, "earlier")) &&
          (ordinal_of(c_.t[std::min(j + 3, c_.n() - 1)]) || c_.is(j + 3, "fiscal"))) {
        rel_year = -1;
        has_rel = true;
        j += 3;
      }
    }
    int y = 0;
    if (year_token(c_, j) && the) {
      y = year_token(c_, j);
      ++j;
      // "the 1988 quarter", "the 1989 period": the quarter the story is about, that year
      if ((c_.is(j, "quarter") || c_.is(j, "period")) && ref_quarter_ >= 0) {
        out->end = j + 1;
        out->type = "DATE";
        out->value = fmt_year(y) + "-Q" + std::to_string(ref_quarter_ % 4 + 1);
        out->anchor = "absolute";
        out->derived = true;
        return true;
      }
    }
    if (c_.is(j, "fiscal")) ++j;
    int q = 0;
    int half = 0;
    int e = j;
    // "the last half of 1989", "the last quarter of 1990": the year's final one (needs a
    // year: "the last quarter" alone is the previous quarter)
    bool last = false;
    if (c_.word(j) && (eq(c_.t[j].low, "q")) && c_.num(j + 1) && c_.adj(j + 1)) {
      q = c_.ival(j + 1);
      if (q < 1 || q > 4) return false;
      e = j + 2;
    } else {
      int o = c_.word(j) ? ordinal_of(c_.t[j]) : 0;
      if (!o && the && c_.is(j, "last")) {
        last = true;
        o = c_.is(j + 1, "half") ? 2 : 4;
      }
      if (!o) return false;
      int k = j + 1;
      if (c_.is(k, "-") && c_.adj(k)) ++k;
      if (c_.is(k, "quarter") && o <= 4) {
        q = o;
      } else if (c_.is(k, "half") && o <= 2) {
        half = o;
        // a match's half, no year's: "a first-half header", "a second-half penalty"
        for (const char* play : {"header", "goal", "goals", "penalty", "equaliser", "equalizer",
                                 "opener", "winner", "brace", "try", "tries", "touchdown",
                                 "substitute", "substitution", "stoppage", "whistle", "kick",
                                 "free-kick", "corner", "save", "red", "yellow", "hat-trick"})
          if (c_.is(k + 1, play)) return false;
      } else {
        return false;
      }
      e = k + 1;
    }
    if (!y) {
      int ye = e;
      int k = e;
      if (c_.is(k, "of")) {
        ++k;
        if (c_.is(k, "fiscal")) ++k;  // "the first quarter of fiscal 2024"
      }
      y = trailing_year(k, &ye);
      if (y) e = ye;
      // "the third quarter of last year"
      if (!y && k > e && !has_rel && deictic_year(k, &rel_year)) {
        has_rel = true;
        e = k + 2;
      }
    }
    if (last && !y) return false;
    // "a third quarter" is odd; require "the" or an adjectival use ("third-quarter loss")
    out->end = e;
    out->type = "DATE";
    const std::string code = q ? "Q" + std::to_string(q) : "H" + std::to_string(half);
    if (y) {
      out->value = fmt_year(y) + "-" + code;
      out->anchor = "absolute";
    } else if (has_rel && has_dct()) {
      out->value = fmt_year(r_.dy() + rel_year) + "-" + code;
      out->anchor = "dct";
    } else if (has_dct()) {
      // a quarter later in the year than the DCT's, not spoken of as future: last year's
      int yy = r_.dy();
      const int cur = (r_.dm() - 1) / 3 + 1;
      if (q > cur && c_.tense(i, e) <= 0) --yy;
      if (half && half * 2 > cur && c_.tense(i, e) < 0 && half == 2) --yy;
      out->value = fmt_year(yy) + "-" + code;
      out->anchor = "dct";
    } else {
      out->value = "XXXX-" + code;
      out->anchor = "none";
    }
    return true;
  }

  // --------------------------------------------------- times

  // The part of day word at k: 1 morning, 2 afternoon, 3 evening, 4 night; 0 otherwise.
  int day_part(int k) const {
    return c_.is(k, "morning") ? 1 : c_.is(k, "afternoon") ? 2 : c_.is(k, "evening") ? 3
           : c_.is(k, "night") ? 4 : 0;
  }

  // A deictic day right after a clock time: "today", "yesterday", "tomorrow" (each with an
  // optional part of day), "tonight", "this morning/afternoon/evening", "last night/
  // evening". Sets *off (days from the DCT), *part (see day_part) and *end; false if none.
  bool deictic_day(int k, long* off, int* part, int* end) const {
    *part = 0;
    if (c_.is(k, "today") || c_.is(k, "yesterday") || c_.is(k, "tomorrow")) {
      *off = c_.is(k, "yesterday") ? -1 : c_.is(k, "tomorrow") ? 1 : 0;
      *part = day_part(k + 1);
      *end = *part ? k + 2 : k + 1;
      return true;
    }
    if (c_.is(k, "tonight")) {
      *off = 0;
      *part = 4;
      *end = k + 1;
      return true;
    }
    const int p = day_part(k + 1);
    if ((c_.is(k, "this") && p && p != 4) || (c_.is(k, "last") && p >= 3)) {
      *off = c_.is(k, "last") ? -1 : 0;
      *part = p;
      *end = k + 2;
      return true;
    }
    return false;
  }

  bool time_expr(int i, Cand* out) {
    if (!c_.num(i) && !c_.word(i)) return false;
    int h = -1, mi = 0, e = i;
    std::string part;
    if (c_.num(i) && c_.t[i].low.size() <= 2 && !c_.part_of_bigger_number(i)) {
      const int v = c_.ival(i);
      if (c_.is(i + 1, ":") && c_.adj(i + 1) && c_.num(i + 2) && c_.adj(i + 2) &&
          c_.t[i + 2].low.size() == 2) {
        if (v > 24 || c_.ival(i + 2) > 59) return false;
        h = v;
        mi = c_.ival(i + 2);
        e = i + 3;
        if (c_.is(e, ":") && c_.adj(e) && c_.num(e + 1) && c_.adj(e + 1)) e += 2;
        if (c_.is(e, ":") && c_.adj(e)) return false;  // 1:2:3:4
        if (i > 0 && c_.adj(i) && (c_.is(i - 1, ":") || c_.num(i - 1))) return false;
      } else if (v >= 1 && v <= 12) {
        h = v;
        e = i + 1;
      } else {
        return false;
      }
      // am/pm
      int k = e;
      bool ampm = false;
      if (c_.word(k) && (eq(c_.t[k].low, "am") || eq(c_.t[k].low, "pm")) && !c_.t[k].upper) {
        part = c_.t[k].low;
        k += 1;
        ampm = true;
      } else if (c_.word(k) && (eq(c_.t[k].low, "a") || eq(c_.t[k].low, "p")) && c_.is(k + 1, ".") &&
                 c_.adj(k + 1) && c_.is(k + 2, "m") && c_.adj(k + 2)) {
        part = eq(c_.t[k].low, "a") ? "am" : "pm";
        k += 3;
        if (c_.is(k, ".") && c_.adj(k)) ++k;
        ampm = true;
      } else if (c_.is(k, "o") && c_.is(k + 1, "'") && c_.is(k + 2, "clock")) {
        k += 3;
        ampm = true;
      }
      if (!ampm && e == i + 1) {
        // "4 in the morning"; "at 9 tonight", "at 10 this morning", "at 7 Friday evening"
        long off = 0;
        int dp = 0, de = 0;
        if (c_.is(k, "in") && c_.is(k + 1, "the") &&
            (c_.is(k + 2, "morning") || c_.is(k + 2, "afternoon") || c_.is(k + 2, "evening"))) {
          part = c_.is(k + 2, "morning") ? "am" : "pm";
          k += 3;
        } else if (!(c_.is(i - 1, "at") &&
                     ((deictic_day(k, &off, &dp, &de) && dp) ||
                      (c_.word(k) && c_.t[k].cap && weekday_of(c_.t[k]) && day_part(k + 1))))) {
          return false;
        }
      }
      e = k;
      if (eq(part, "pm") && h < 12) h += 12;
      if (eq(part, "am") && h == 12) h = 0;
    } else if (c_.num(i) && c_.t[i].low.size() == 4 && c_.word(i + 1) &&
               tz_words().count(c_.t[i + 1].low) && c_.t[i + 1].upper) {
      // "0735 GMT"
      const int v = c_.ival(i);
      h = v / 100;
      mi = v % 100;
      if (h > 23 || mi > 59) return false;
      e = i + 1;
    } else if (c_.word(i) && (eq(c_.t[i].low, "noon") || eq(c_.t[i].low, "midday") ||
                              eq(c_.t[i].low, "midnight"))) {
      h = eq(c_.t[i].low, "midnight") ? 24 : 12;
      e = i + 1;
      if (eq(c_.t[i].low, "noon") && (c_.is(i - 1, "after") || c_.is(i - 1, "high")))
        return false;  // "afternoon" split, the idiom "high noon"
    } else {
      return false;
    }
    // time zone: "GMT", "local time", "(0735 GMT)" is separate
    if (c_.word(e) && tz_words().count(c_.t[e].low) && (c_.t[e].upper || eq(c_.t[e].low, "z"))) ++e;
    else if (c_.is(e, "local") && c_.is(e + 1, "time")) e += 2;
    // date for the value: a following weekday/today/yesterday/tomorrow (within 4 tokens);
    // right after the time, it belongs to the expression, and so does its part of day
    // ("7:30 tonight", "9 p.m. Friday evening", "6 a.m. yesterday")
    std::string date;
    std::string_view anchor = "none";
    int glue_end = -1;
    int dpart = 0;
    // A time given again in another zone between brackets ("6 a.m. local time (0400 GMT)
    // on Sunday") is stepped over: the date after it is the time's too.
    int from = e;
    if (c_.is(e, "(")) {
      int q = e + 1;
      while (q < c_.n() && q < e + 6 && !c_.is(q, ")")) ++q;
      if (q < c_.n() && c_.is(q, ")")) from = q + 1;
    }
    for (int k = from; k < std::min(c_.n(), from + 5); ++k) {
      if (c_.is(k, ".") || c_.is(k, ";")) break;
      Cand d;
      const int w = c_.word(k) && c_.t[k].cap ? weekday_of(c_.t[k]) : 0;
      if (w && weekday_date(k, &d)) {
        date = d.value.size() > 10 && d.value[10] == 'T' ? d.value.substr(0, 10) : d.value;
        anchor = d.anchor;
        if (k == e || (k == e + 1 && c_.is(e, "on"))) {
          glue_end = d.end;
          dpart = day_part(d.end - 1);
        }
        break;
      }
      if (c_.word(k) && c_.t[k].cap && k <= e + 1) {
        Cand md;
        if (month_date(k, &md) && md.end > 0 && md.value.size() == 10) {
          date = md.value;
          anchor = md.anchor;
          glue_end = md.end;
          break;
        }
      }
      long off = 0;
      int dp = 0, de = 0;
      if (deictic_day(k, &off, &dp, &de)) {
        if (has_dct()) {
          date = fmt_day(c_.dct_days + off);
          anchor = "dct";
        }
        if (k == e) {
          glue_end = de;
          dpart = dp;
        }
        break;
      }
    }
    if (date.empty() && has_dct()) {
      date = fmt_day(c_.dct_days);
      anchor = "dct";
    }
    if (date.empty() || date.size() != 10) date = "XXXX-XX-XX";
    // a clock time without a.m./p.m. takes its half of the day from the part of day
    // ("7:30 tonight" 19:30); the small hours of a night belong to the next day ("2:15
    // last night" is early on the DCT's day)
    if (part.empty() && h < 12 && (dpart == 2 || dpart == 3 || (dpart == 4 && h >= 6))) h += 12;
    if (part.empty() && h == 12 && dpart == 4) h = 24;
    int y = 0, m = 0, dd = 0;
    if (dpart == 4 && h < 6 && split_day_value(date, &y, &m, &dd) && y)
      date = fmt_day(days_from_civil(y, m, dd) + 1);
    out->end = glue_end > 0 ? glue_end : e;
    out->type = "TIME";
    out->value = date;
    if (h == 24) {
      out->value += "T24:00";
    } else {
      out->value += 'T';
      append_padded(&out->value, h, 2);
      out->value += ':';
      append_padded(&out->value, mi, 2);
    }
    out->anchor = anchor;
    return true;
  }

  // --------------------------------------------------- relative expressions

  // Sets a DATE for a DCT-relative day offset.
  void day_rel(long off, const char* suffix, int end, Cand* out) {
    out->end = end;
    out->type = "DATE";
    if (has_dct()) {
      out->value = fmt_day(c_.dct_days + off);
      out->value += suffix;
      out->anchor = "dct";
    } else {
      out->value = off == 0 ? "PRESENT_REF" : "XXXX-XX-XX";
      out->anchor = "none";
    }
  }

  // Value of a calendar unit shifted by n from the DCT.
  std::string unit_value(Unit u, int n) const {
    const int y = r_.dy(), m = r_.dm();
    switch (u) {
      case U_DAY: return fmt_day(c_.dct_days + n);
      case U_WEEK: return fmt_week(c_.dct_days + 7L * n);
      case U_WEEKEND: return fmt_weekend(c_.dct_days + 7L * n);
      case U_MONTH: {
        int mm = y * 12 + (m - 1) + n;
        return fmt_ym(mm / 12, mm % 12 + 1);
      }
      case U_QUARTER: {
        int q = y * 4 + (m - 1) / 3 + n;
        return fmt_year(q / 4) + "-Q" + std::to_string(q % 4 + 1);
      }
      case U_YEAR: return fmt_year(y + n);
      case U_DECADE: return fmt_year(y + 10 * n).substr(0, 3);
      case U_CENTURY: return fmt_year(y + 100 * n).substr(0, 2);
      default: return fmt_day(c_.dct_days);
    }
  }

  std::string unknown_value(Unit u) const {
    switch (u) {
      case U_DAY: return "XXXX-XX-XX";
      case U_WEEK: return "XXXX-WXX";
      case U_WEEKEND: return "XXXX-WXX-WE";
      case U_MONTH: return "XXXX-XX";
      case U_QUARTER: return "XXXX-QX";
      case U_DECADE: return "XXX";
      case U_CENTURY: return "XX";
      default: return "XXXX";
    }
  }

  void unit_rel(Unit u, int n, int end, Cand* out) {
    out->end = end;
    out->type = "DATE";
    if (has_dct()) {
      out->value = unit_value(u, n);
      out->anchor = "dct";
    } else {
      out->value = unknown_value(u);
      out->anchor = "none";
    }
  }

  // Value of the reference time shifted by n units of u (u at most as fine as the
  // reference granularity); empty if unknown.
  std::string ref_value(Unit u, int n) const {
    const int need = u == U_YEAR ? 1 : u == U_MONTH || u == U_QUARTER ? 2 : 3;
    // "that same day" after "last October": a day of that month, which one unknown
    if (u == U_DAY && n == 0 && ref_gran_ == 2) return fmt_ym(ref_y_, ref_m_) + "-XX";
    if (ref_gran_ < need) return std::string();
    switch (u) {
      case U_YEAR: return fmt_year(ref_y_ + n);
      case U_MONTH: {
        const int mm = ref_y_ * 12 + (ref_m_ - 1) + n;
        return fmt_ym(mm / 12, mm % 12 + 1);
      }
      case U_QUARTER: {
        const int q = ref_y_ * 4 + (ref_m_ - 1) / 3 + n;
        return fmt_year(q / 4) + "-Q" + std::to_string(q % 4 + 1);
      }
      case U_DAY: return fmt_day(days_from_civil(ref_y_, ref_m_, ref_d_) + n);
      case U_WEEK: return fmt_week(days_from_civil(ref_y_, ref_m_, ref_d_) + 7L * n);
      default: return std::string();
    }
  }

  // Anaphoric expressions resolved against the narrative reference time: "that year",
  // "that same day", "the same month", "earlier that day", "later that year", "earlier in
  // the year", "later in the day", "the next day", "the following month", "the next
  // morning", "the day before", "that quarter".
  bool anaphor(int i, Cand* out) {
    int j = i;
    if (c_.is(j, "earlier") || c_.is(j, "later") || c_.is(j, "early") || c_.is(j, "late"))
      ++j;
    int shift = 0;
    int k = j;
    if (c_.is(k, "that") || (c_.is(k, "the") && c_.is(k + 1, "same"))) {
      if (c_.is(k, "the")) ++k;
      else if (c_.is(k + 1, "same")) ++k;
      ++k;
    } else if (j > i && c_.is(k, "in") && c_.is(k + 1, "the") && !c_.is(k + 2, "day")) {
      // "earlier in the year": the period the story is in ("later in the day", a vague
      // part of a day, is mostly not annotated in TimeBank/AQUAINT)
      k += 2;
    } else if (j == i && c_.is(k, "the") && (c_.is(k + 1, "next") || c_.is(k + 1, "following") ||
                                             c_.is(k + 1, "previous"))) {
      shift = c_.is(k + 1, "previous") ? -1 : 1;
      k += 2;
    } else if (j == i && c_.is(k, "the") && (c_.is(k + 1, "month") || c_.is(k + 1, "week")) &&
               c_.is(i - 1, "of") &&
               (c_.is(i - 2, "end") || c_.is(i - 2, "beginning") || c_.is(i - 2, "start") ||
                c_.is(i - 2, "middle") || c_.is(i - 2, "close"))) {
      // "by the end of the month", "the start of the week": the month (week) the story is in
      // (date_expr() puts the modifier into the extent)
      ++k;
    } else {
      return false;
    }
    if (!c_.word(k)) return false;
    std::string_view x = c_.t[k].low;
    Unit u = U_NONE;
    if (eq(x, "day") || eq(x, "morning") || eq(x, "afternoon") || eq(x, "evening") || eq(x, "night"))
      u = U_DAY;
    else if (eq(x, "week")) u = U_WEEK;
    else if (eq(x, "month")) u = U_MONTH;
    else if (eq(x, "year")) u = U_YEAR;
    else if (eq(x, "quarter")) u = U_QUARTER;
    if (u == U_NONE) return false;
    if (!eq(x, "day") && u == U_DAY && shift == 0 && j == i) return false;  // "that morning": rare
    int e = k + 1;
    // "that day's", fine; "the next day or two" is vague: keep the day
    if (shift == 0 && c_.is(e, "-")) return false;  // "that year-end"
    // "the previous year's" etc. TimeBank annotates "the previous/next N units" as durations,
    // handled by duration(); a single unit after "following/next/previous" is a date here
    // only when a reference date is known.
    if (shift != 0 && (c_.is(e, "of") || c_.is(e, "or"))) return false;
    std::string v;
    if (u == U_QUARTER && shift == 0) {
      if (ref_quarter_ < 0) return false;
      v = ref_quarter_value();
    } else {
      v = ref_value(u, shift);
    }
    if (v.empty()) return false;
    out->end = e;
    out->type = "DATE";
    out->value = v;
    out->anchor = ref_is_dct_ ? "dct" : "absolute";
    return true;
  }

  // "the day before yesterday", "the day after Oct. 12", "the day before last Tuesday's
  // hearing": the day next to a day-precise date, one expression. Not nested (the inner
  // date is matched with beside_ set), so the look-ahead stays bounded.
  bool day_beside(int i, Cand* out) {
    if (beside_ || !c_.is(i, "the") || !c_.is(i + 1, "day") ||
        !(c_.is(i + 2, "before") || c_.is(i + 2, "after")))
      return false;
    Cand k;
    beside_ = true;
    const bool found = date_expr(i + 3, &k) || (k.clear(), relative(i + 3, &k));
    beside_ = false;
    int y = 0, m = 0, d = 0;
    if (!found || k.start >= 0 || !eq(k.type, "DATE") || !split_day_value(k.value, &y, &m, &d) ||
        y < 1)
      return false;
    const long shift = c_.is(i + 2, "after") ? 1 : -1;
    out->end = k.end;
    out->type = "DATE";
    out->value = fmt_day(days_from_civil(y, m, d) + shift);
    out->anchor = k.anchor;
    out->derived = k.derived;
    out->ref_days = static_cast<int>(-shift);
    return true;
  }

  // Holidays: Christmas (Day/Eve), New Year's Day/Eve, Thanksgiving (Day), Easter
  // (Sunday), Independence Day, the Fourth of July, Election Day, Halloween, Valentine's
  // Day; the days set by Easter (Good Friday, Holy or Maundy Thursday, Palm Sunday, Ash
  // Wednesday, Shrove or Fat Tuesday, Easter Monday) and by Thanksgiving (Black Friday,
  // Cyber Monday, Giving Tuesday). The year comes from a following year, else from the
  // DCT and the tense.
  bool holiday(int i, Cand* out) {
    if (!c_.word(i) || !c_.t[i].cap) return false;
    std::string_view w = c_.t[i].low;
    int e = i + 1;
    int kind = 0;  // 1 fixed month/day, 2 thanksgiving, 3 easter, 4 election day
    int hm = 0, hd = 0;
    int offset = 0;  // days from the Easter or Thanksgiving of kind 3 or 2
    for (const DaySetByHoliday& n : kDaysSetByHolidays) {
      if (w == n.first && c_.word(e) && c_.t[e].cap && c_.is(e, n.weekday)) {
        kind = n.kind;
        offset = n.offset;
        ++e;
        break;
      }
    }
    if (kind) {  // a day set by a holiday, above
    } else if (eq(w, "christmas")) {
      kind = 1; hm = 12; hd = 25;
      if (c_.is(e, "day")) ++e;
      else if (c_.is(e, "eve")) { ++e; hd = 24; }
    } else if (eq(w, "new") && c_.is(e, "year") && c_.possessive_at(e + 1) &&
               (c_.is(e + 3, "day") || c_.is(e + 3, "eve"))) {
      kind = 1; hm = 1; hd = 1;
      if (c_.is(e + 3, "eve")) { hm = 12; hd = 31; }
      e += 4;
    } else if (eq(w, "thanksgiving")) {
      kind = 2;
      if (c_.is(e, "day")) ++e;
    } else if (eq(w, "easter")) {
      kind = 3;
      if (c_.is(e, "sunday")) ++e;
    } else if (eq(w, "independence") && c_.is(e, "day") && c_.t[e].cap) {
      kind = 1; hm = 7; hd = 4; ++e;
    } else if (eq(w, "fourth") && c_.is(e, "of") && c_.is(e + 1, "july")) {
      if (i > 0 && c_.is(i - 1, "the")) {}
      kind = 1; hm = 7; hd = 4; e += 2;
    } else if (eq(w, "election") && c_.is(e, "day") && c_.t[e].cap) {
      kind = 4; ++e;
    } else if (eq(w, "halloween")) {
      kind = 1; hm = 10; hd = 31;
    } else if (eq(w, "valentine") && c_.possessive_at(e) && c_.is(e + 2, "day")) {
      kind = 1; hm = 2; hd = 14; e += 3;
    }
    if (!kind) return false;
    // "Easter week", "Thanksgiving weekend": the ISO week (weekend) of the holiday
    const int week = c_.is(e, "week") ? 1 : c_.is(e, "weekend") ? 2 : 0;
    if (week) ++e;
    auto day_value = [week](int y, int m, int d) {
      if (!week) return fmt_ymd(y, m, d);
      const long days = days_from_civil(y, m, d);
      return week == 1 ? fmt_week(days) : fmt_weekend(days);
    };
    auto holiday_in = [&](int y, int* m, int* d) {
      if (kind == 1) { *m = hm; *d = hd; return; }
      if (kind == 2 || kind == 4) {  // 4th Thursday of November / Tuesday after 1st Monday
        const int wd1 = weekday(days_from_civil(y, 11, 1));
        if (kind == 2) { *m = 11; *d = 1 + (4 - wd1 + 7) % 7 + 21; return; }
        *m = 11; *d = 1 + (1 - wd1 + 7) % 7 + 1; return;
      }
      // Easter (anonymous Gregorian algorithm)
      const int a = y % 19, b = y / 100, cc = y % 100, dd = b / 4, ee = b % 4;
      const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - dd - g + 15) % 30;
      const int ii = cc / 4, kk = cc % 4, l = (32 + 2 * ee + 2 * ii - h - kk) % 7;
      const int mm = (a + 11 * h + 22 * l) / 451;
      *m = (h + l - 7 * mm + 114) / 31;
      *d = (h + l - 7 * mm + 114) % 31 + 1;
    };
    auto date_in = [&](int y, int* m, int* d) {
      holiday_in(y, m, d);
      if (offset == 0) return;
      const CalendarDate c = civil_from_days(days_from_civil(y, *m, *d) + offset);
      *m = c.month;
      *d = c.day;
    };
    int ye = e;
    int y = trailing_year(e, &ye);
    out->type = "DATE";
    int m = 0, d = 0;
    if (y) {
      date_in(y, &m, &d);
      out->end = ye;
      out->value = day_value(y, m, d);
      out->anchor = "absolute";
      return true;
    }
    out->end = e;
    if (!has_dct()) {
      if (week) {
        out->value = week == 1 ? "XXXX-WXX" : "XXXX-WXX-WE";
      } else if (kind == 1) {
        out->value = "XXXX-" + fmt_ym(0, hm).substr(5) + "-" + fmt_ym(0, hd).substr(5);
      } else {
        out->value = "XXXX-XX-XX";
      }
      out->anchor = "none";
      return true;
    }
    int dir = c_.tense(i, e);
    if (i > 0 && c_.is(i - 1, "last")) dir = -2;
    if (i > 0 && c_.is(i - 1, "next")) dir = 2;
    int yy = r_.dy();
    date_in(yy, &m, &d);
    const long here = days_from_civil(yy, m, d);
    if (dir == -2) {
      if (here >= c_.dct_days) --yy;
    } else if (dir == 2) {
      if (here <= c_.dct_days) ++yy;
    } else if (dir < 0) {
      if (here > c_.dct_days + 7) --yy;
    } else if (dir > 0) {
      if (here < c_.dct_days - 7) ++yy;
    } else if (here - c_.dct_days > 182) {
      --yy;
    } else if (c_.dct_days - here > 182) {
      ++yy;
    }
    date_in(yy, &m, &d);
    if (dir == -2 || dir == 2) out->start = i - 1;
    out->value = day_value(yy, m, d);
    out->anchor = "dct";
    return true;
  }

  bool relative(int i, Cand* out) {
    if (!c_.word(i) && !c_.num(i)) return false;
    std::string_view w = c_.t[i].low;
    if (anaphor(i, out)) return true;
    if (day_beside(i, out)) return true;
    // "the year ended Sept. 30" (a fiscal year: a duration); "for the year," / "the full
    // year" / "the fiscal year" (the current year of a results story)
    if (eq(w, "the") && i > 0) {
      int k = i + 1;
      const bool full = c_.is(k, "full") || c_.is(k, "fiscal") || c_.is(k, "current");
      if (full) ++k;
      if (c_.is(k, "year") && !(c_.is(k + 1, "-") && c_.adj(k + 1)) && !c_.is(k + 1, "'")) {
        const bool ended = c_.is(k + 1, "ended") || c_.is(k + 1, "ending");
        std::string_view p = c_.t[i - 1].low;
        const bool prep = eq(p, "for") || eq(p, "of") || eq(p, "in") || eq(p, "during") || eq(p, "through");
        // "for the year," / "a high for the year of $42": the year so far
        const bool closed = k + 1 >= c_.n() || c_.t[k + 1].kind == PUNCT ||
                            (eq(p, "for") && (c_.is(i - 2, "high") || c_.is(i - 2, "low")));
        if (ended && prep) {
          return make_duration(k + 1, "P1Y", out);
        }
        if (has_dct() && (full || (prep && closed))) {
          unit_rel(U_YEAR, 0, k + 1, out);
          return true;
        }
      }
    }
    if (holiday(i, out)) return true;
    // "by year-end", "around year end", "by year's end": the DCT's year (TIMEX3 keeps the
    // period; "end" is a modifier), the year before after "since"
    if (eq(w, "year") && has_dct()) {
      int e = 0;
      if (c_.is(i + 1, "-") && c_.adj(i + 1) && c_.is(i + 2, "end")) e = i + 3;
      else if (c_.is(i + 1, "end")) e = i + 2;
      else if (c_.possessive_at(i + 1) && c_.is(i + 3, "end")) e = i + 4;
      if (e) {
        out->end = e;
        out->type = "DATE";
        out->value = fmt_year(r_.dy() - (c_.is(i - 1, "since") ? 1 : 0));
        out->anchor = "dct";
        return true;
      }
    }
    // "struck overnight": the night before the DCT, as "last night"; an adverb only, before
    // punctuation or a function word (not "overnight losses", "the overnight rate")
    if (eq(w, "overnight")) {
      if (c_.word(i + 1)) {
        bool adverb = false;
        for (const char* f : {"in", "on", "at", "into", "from", "with", "to", "and", "but", "as",
                              "after", "before", "near", "across", "by", "when", "while",
                              "against", "around", "along", "outside", "inside", "killing",
                              "local", "that", "the", "a", "an"})
          adverb = adverb || c_.is(i + 1, f);
        if (!adverb) return false;
      }
      day_rel(-1, "TNI", i + 1, out);
      if (has_dct()) out->type = "TIME";
      return true;
    }
    // today / yesterday / tomorrow / tonight (+ part of day)
    if (eq(w, "today") || eq(w, "yesterday") || eq(w, "tomorrow") || eq(w, "tonight")) {
      // "today's" is fine; "Today" after a capitalised word is a title ("USA Today")
      if (c_.t[i].cap && i > c_.sentence_first(i) && c_.word(i - 1) && c_.t[i - 1].cap)
        return false;
      const long off = eq(w, "yesterday") ? -1 : eq(w, "tomorrow") ? 1 : 0;
      int e = i + 1;
      if (!eq(w, "tonight") && (c_.is(e, "morning") || c_.is(e, "afternoon") ||
                             c_.is(e, "evening") || c_.is(e, "night")))
        ++e;
      if (eq(w, "today") && !has_dct()) {
        out->end = e;
        out->type = "DATE";
        out->value = "PRESENT_REF";
        out->anchor = "none";
        return true;
      }
      // "yesterday evening": TEV, as for a weekday (see weekday_date)
      const bool evening = c_.is(i + 1, "evening");
      day_rel(off, evening ? "TEV" : "", e, out);
      if (evening && has_dct()) out->type = "TIME";
      return true;
    }
    // "mid-afternoon", "mid morning yesterday": part of the DCT's day (or of the day named)
    if (eq(w, "mid")) {
      int k = i + 1;
      if (c_.is(k, "-") && c_.adj(k)) ++k;
      const char* sfx = c_.is(k, "morning")     ? "TMO"
                        : c_.is(k, "afternoon") ? "TAF"
                        : c_.is(k, "evening")   ? "TEV"
                                                : nullptr;
      if (sfx) {
        int e = k + 1;
        const long off = c_.is(e, "yesterday") ? -1 : c_.is(e, "tomorrow") ? 1 : 0;
        if (off != 0 || c_.is(e, "today")) ++e;
        day_rel(off, sfx, e, out);
        if (has_dct()) out->type = "TIME";
        return true;
      }
    }
    if ((eq(w, "this") || eq(w, "last") || eq(w, "late")) &&
        (c_.is(i + 1, "morning") || c_.is(i + 1, "afternoon") || c_.is(i + 1, "evening") ||
         c_.is(i + 1, "night"))) {
      if (eq(w, "late")) return false;
      if (eq(w, "last")) {
        // "last night" is the night before the DCT; "last evening" the evening before
        const bool night = c_.is(i + 1, "night"), evening = c_.is(i + 1, "evening");
        day_rel(-1, night ? "TNI" : evening ? "TEV" : "", i + 2, out);
        if ((night || evening) && has_dct()) out->type = "TIME";
        return true;
      }
      const char* sfx = c_.is(i + 1, "morning") ? "TMO" : c_.is(i + 1, "afternoon") ? "TAF"
                        : c_.is(i + 1, "evening") ? "TEV" : "TNI";
      day_rel(0, sfx, i + 2, out);
      if (has_dct()) out->type = "TIME";
      return true;
    }
    // "last year's quarter", "the corresponding period last year" (before "last year")
    if ((eq(w, "last") || eq(w, "the") || eq(w, "corresponding") || eq(w, "comparable") ||
         eq(w, "same")) &&
        has_dct() && c_.first_quarter_tok >= 0 && c_.first_quarter_tok < i + 15) {
      if (eq(w, "last") && c_.is(i + 1, "year") && c_.possessive_at(i + 2) &&
          (c_.is(i + 4, "quarter") || c_.is(i + 4, "period"))) {
        unit_rel(U_QUARTER, 0, i + 5, out);
        out->value = year_ago_quarter();
        out->derived = true;
        return true;
      }
      int k = i;
      if (c_.is(k, "the")) ++k;
      if ((c_.is(k, "corresponding") || c_.is(k, "comparable") || c_.is(k, "same")) &&
          (c_.is(k + 1, "period") || c_.is(k + 1, "quarter")) && c_.is(k + 2, "last") &&
          c_.is(k + 3, "year")) {
        unit_rel(U_QUARTER, 0, k + 4, out);
        out->value = year_ago_quarter();
        out->derived = true;
        return true;
      }
    }
    // earlier/later this week, earlier this year; "this past weekend" (one phrase)
    int j = i;
    if (eq(w, "earlier") || eq(w, "later") || (eq(w, "this") && c_.is(i + 1, "past"))) ++j;
    int shift = 0;
    bool deictic = true;
    if (c_.is(j, "last") || c_.is(j, "past") || c_.is(j, "previous")) {
      shift = -1;
    } else if (c_.is(j, "next") || c_.is(j, "coming")) {
      shift = 1;
    } else if (c_.is(j, "this") || c_.is(j, "current")) {
      shift = 0;
    } else if (c_.is(j, "the") && (c_.is(j + 1, "past") || c_.is(j + 1, "previous") ||
                                   c_.is(j + 1, "last") || c_.is(j + 1, "next") ||
                                   c_.is(j + 1, "coming") || c_.is(j + 1, "current") ||
                                   c_.is(j + 1, "following"))) {
      if (c_.is(j + 1, "current")) {
        shift = 0;
        ++j;
      } else if ((c_.is(j + 1, "previous") || c_.is(j + 1, "following")) && j == i &&
                 c_.word(j + 2) && c_.t[j + 2].cap && weekday_of(c_.t[j + 2])) {
        // "the previous Friday", "the following Monday": a weekday next to the day the
        // story is at (the narrative reference), not to the DCT
        shift = c_.is(j + 1, "previous") ? -1 : 1;
        ++j;
      } else if (the_calendar_unit(j)) {
        // "the past year", "the next month": TimeBank dates them like "last year"
        shift = c_.is(j + 1, "next") || c_.is(j + 1, "coming") ? 1 : -1;
        ++j;
      } else {
        return false;  // "the previous day", "the past decade": see duration()
      }
    } else {
      deictic = false;
    }
    if (deictic) {
      int k = j + 1;
      if (c_.is(k, "fiscal") && c_.is(k + 1, "year")) ++k;  // "the current fiscal year"
      if (!c_.word(k)) return false;
      bool pl = false;
      const Unit u = unit_of(c_.t[k], &pl);
      if (u != U_NONE && !pl && u != U_SEC && u != U_MIN && u != U_HOUR) {
        if (u == U_DAY) return false;  // "this day" is rare and ambiguous
        if (c_.t[k].cap && !c_.t[k].upper) return false;  // a title: ABC's "This Week"
        // "last week" etc.
        unit_rel(u, shift, k + 1, out);

        if ((c_.is(j, "past") || c_.is(j, "last")) && (u == U_DECADE || u == U_CENTURY)) {
          out->type = "DURATION";
          out->value = duration_value(u, 1);
          out->anchor = "absolute";
        }
        return true;
      }
      // "last Friday", "next Monday", "this Saturday"
      const int wd = c_.t[k].cap ? weekday_of(c_.t[k]) : 0;
      if (wd) {
        int e = k + 1;
        if (c_.is(e, "morning") || c_.is(e, "afternoon") || c_.is(e, "evening") ||
            c_.is(e, "night"))
          ++e;
        out->end = e;
        out->type = "DATE";
        if (!has_dct()) {
          out->value = "XXXX-WXX-" + std::to_string(wd);
          out->anchor = "none";
          return true;
        }
        long d;
        const bool narrative = (c_.is(j, "previous") || c_.is(j, "following")) && ref_gran_ == 3;
        const long base = narrative ? days_from_civil(ref_y_, ref_m_, ref_d_) : c_.dct_days;
        const int dw = weekday(base);
        if (shift < 0) {
          int back = (dw - wd + 7) % 7;
          if (back == 0) back = 7;
          d = base - back;
        } else if (shift > 0) {
          int fwd = (wd - dw + 7) % 7;
          if (fwd == 0) fwd = 7;
          d = base + fwd;
        } else {
          d = r_.weekday_days(wd, c_.tense(i, e));
        }
        out->value = fmt_day(d);
        out->anchor = narrative && !ref_is_dct_ ? "absolute" : "dct";
        out->derived = narrative;  // a point of comparison: the story stays where it was
        return true;
      }
      // "last Oct. 23", "next March 3": the latest such day before the DCT (the first after)
      Cand md;
      int my = 0, mm = 0, md_day = 0;
      if ((c_.is(i, "last") || c_.is(i, "next")) && has_dct() && c_.word(k) && c_.t[k].cap &&
          month_date(k, &md) &&
          eq(md.anchor, "dct") && split_day_value(md.value, &my, &mm, &md_day)) {
        int y = r_.dy();
        const long here = days_from_civil(y, mm, md_day);
        if (shift < 0 && here >= c_.dct_days) --y;
        if (shift > 0 && here <= c_.dct_days) ++y;
        if (valid_date(y, mm, md_day)) {
          out->end = md.end;
          out->type = "DATE";
          out->value = fmt_ymd(y, mm, md_day);
          out->anchor = "dct";
          return true;
        }
      }
      // "last May", "next July", "this September"
      bool ab = false;
      const int m = c_.t[k].cap ? month_of(c_.t[k], &ab) : 0;
      if (m && !ab) {
        out->end = k + 1;
        out->type = "DATE";
        if (!has_dct()) {
          out->value = "XXXX-" + fmt_ym(0, m).substr(5);
          out->anchor = "none";
          return true;
        }
        int y = r_.dy();
        if (shift < 0) y = m < r_.dm() ? y : y - 1;
        else if (shift > 0) y = m > r_.dm() ? y : y + 1;
        out->value = fmt_ym(y, m);
        out->anchor = "dct";
        return true;
      }
      // "last summer", "this fall"
      const char* sc = season_code(k);
      if (sc) {
        out->end = k + 1;
        out->type = "DATE";
        if (!has_dct()) {
          out->value = std::string("XXXX-") + sc;
          out->anchor = "none";
          return true;
        }
        int y = r_.dy();
        if (shift < 0) {
          // last summer: the most recent one that has ended
          const int sm = sc[0] == 'S' && sc[1] == 'P' ? 3 : sc[0] == 'S' ? 6 : sc[0] == 'F' ? 9 : 12;
          if (sm + 2 >= r_.dm() && !(sc[0] == 'W')) y -= 1;
          if (sc[0] == 'W') y -= 1;
        } else if (shift > 0) {
          const int sm = sc[0] == 'S' && sc[1] == 'P' ? 3 : sc[0] == 'S' ? 6 : sc[0] == 'F' ? 9 : 12;
          if (sm <= r_.dm()) y += 1;
        }
        out->value = fmt_year(y) + "-" + sc;
        out->anchor = "dct";
        return true;
      }
      return false;
    }
    // "the week of March 6": the (ISO) week that holds the day
    if (eq(w, "the") && c_.is(i + 1, "week") && c_.is(i + 2, "of")) {
      Cand day;
      int y = 0, m = 0, d = 0;
      if (month_date(i + 3, &day) && day.end > 0 && split_day_value(day.value, &y, &m, &d) && y) {
        out->end = day.end;
        out->type = "DATE";
        out->value = fmt_week(days_from_civil(y, m, d));
        out->anchor = day.anchor;
        return true;
      }
    }
    // "the weekend"
    if (eq(w, "the") && c_.is(i + 1, "weekend")) {
      const int dir = c_.tense(i, i + 2);
      out->end = i + 2;
      out->type = "DATE";
      if (has_dct()) {
        const int dw = weekday(c_.dct_days);
        // past: the weekend just gone (or current); future: the coming one
        long d = c_.dct_days;
        if (dir < 0 && dw < 6) d -= 7;
        out->value = fmt_week(d) + "-WE";
        out->anchor = "dct";
      } else {
        out->value = "XXXX-WXX-WE";
        out->anchor = "none";
      }
      return true;
    }
    // "year-earlier", "year-ago", "the year-ago quarter"
    {
      int k = i;
      bool the = false;
      if (c_.is(k, "the") || c_.is(k, "a")) {
        the = true;
        ++k;
      }
      if (c_.is(k, "year") && c_.is(k + 1, "-") && c_.adj(k + 1) &&
          (c_.is(k + 2, "earlier") || c_.is(k + 2, "ago"))) {
        int e = k + 3;
        Unit u = U_YEAR;
        // "the year-earlier nine months": a stretch of that length, a year before
        int ce = 0;
        bool half = false;
        const int cnt = parse_count(c_, e, &ce, &half, false);
        bool cpl = false;
        const Unit cu = cnt > 0 && c_.word(ce) ? unit_of(c_.t[ce], &cpl) : U_NONE;
        if (cu != U_NONE && cpl) {
          return make_duration(ce + 1, duration_value(cu, cnt), out);
        }
        if (c_.is(e, "quarter")) {
          u = U_QUARTER;
          ++e;
        } else if (c_.is(e, "period") || c_.is(e, "month") || c_.is(e, "level") ||
                   c_.is(e, "results") || c_.is(e, "figure")) {
          if (c_.is(e, "period") || c_.is(e, "month")) ++e;
          else if (the) return false;
        } else if (the) {
          return false;
        }
        out->end = e;
        out->type = "DATE";
        if (!has_dct()) {
          out->value = unknown_value(u);
          out->anchor = "none";
        } else if (u == U_QUARTER || ((quarter_context(i) || fin_context(i)) && !months_context(i))) {
          // the same quarter a year before the latest reported quarter
          out->value = year_ago_quarter();
          out->derived = true;
          out->anchor = "dct";
        } else {
          out->value = unit_value(U_YEAR, -1);
          out->anchor = "dct";
        }
        return true;
      }
    }
    // "the quarter": in news, the reporting quarter just ended (the current one when the
    // sentence is about the future)
    if (eq(w, "the") && c_.is(i + 1, "quarter") && !c_.is(i + 2, "of") && !c_.is(i + 2, "-")) {
      int e = i + 2;
      // "the quarter a year ago": the same quarter the year before
      if (c_.is(e, "a") && c_.is(e + 1, "year") && (c_.is(e + 2, "ago") || c_.is(e + 2, "earlier"))) {
        unit_rel(U_QUARTER, 0, e + 3, out);
        if (has_dct()) out->value = year_ago_quarter();
        out->derived = true;
        return true;
      }
      unit_rel(U_QUARTER, c_.tense(i, i + 2) > 0 ? 0 : -1, i + 2, out);
      if (has_dct() && ref_quarter_ >= 0) out->value = ref_quarter_value();
      // "the quarter ended July 31": a (fiscal) quarter named by its last day is the
      // calendar quarter that holds most of it, the one of the month before the end. It
      // does not replace the story's own quarter ("the fiscal first quarter").
      Cand end_date;
      int y = 0, m = 0, d = 0;
      if ((c_.is(e, "ended") || c_.is(e, "ending")) && month_date(e + 1, &end_date) &&
          end_date.end > 0 && split_day_value(end_date.value, &y, &m, &d) && y) {
        const int mid = y * 12 + m - 2;  // the month before the end, 0-based
        out->value = fmt_year(mid / 12) + "-Q" + std::to_string(mid % 12 / 3 + 1);
        out->anchor = end_date.anchor;
        out->derived = true;
      }
      return true;
    }
    // "the latest period", "the latest quarter" in a story about quarterly results
    // (no quarter named yet: the last completed one, if the sentence reports results)
    if (eq(w, "the") && c_.is(i + 1, "latest") && c_.is(i + 2, "period") && has_dct() &&
        ((c_.first_quarter_tok >= 0 && c_.first_quarter_tok < i) || results_words(i))) {
      unit_rel(U_QUARTER, -1, i + 3, out);
      out->value = ref_quarter_value();
      return true;
    }
    // "the latest quarter", "the quarter" (reporting period just ended)
    if (eq(w, "the") && (c_.is(i + 1, "latest") || c_.is(i + 1, "recent") ||
                       c_.is(i + 1, "most")) ) {
      int k = i + 1;
      if (c_.is(k, "most") && c_.is(k + 1, "recent")) ++k;
      if (c_.is(k + 1, "quarter")) {
        unit_rel(U_QUARTER, -1, k + 2, out);
        return true;
      }
      // "the latest fiscal year": the last one completed (and reported)
      const int y = c_.is(k + 1, "fiscal") ? k + 2 : k + 1;
      if (c_.is(y, "year") && !c_.is(y + 1, "-")) {
        unit_rel(U_YEAR, -1, y + 1, out);
        return true;
      }
      return false;
    }
    return units_ago(i, out);
  }

  // "two years ago", "about a week earlier", "half a century ago", "three days from now":
  // the last branch of relative(), the only one that accepts a number as its first token.
  bool units_ago(int i, Cand* out) {
    {
      // "about two years ago" / "more than two years ago": approximators in extent
      const int k = approximator(i);
      bool half = false;
      int e = 0;
      int n = parse_count(c_, k, &e, &half, true);
      // "half a century ago": 50 years; "half a year ago": six months
      const bool halved = n == 0 && c_.is(k, "half") && (c_.is(k + 1, "a") || c_.is(k + 1, "an"));
      if (halved) {
        n = 1;
        e = k + 2;
      }
      bool pl = false;
      if (n != 0 && c_.word(e)) {
        Unit u = unit_of(c_.t[e], &pl);
        if (halved) {
          if (u == U_CENTURY || u == U_DECADE) {
            n = u == U_CENTURY ? 50 : 5;
            u = U_YEAR;
          } else if (u == U_YEAR) {
            n = 6;
            u = U_MONTH;
          } else if (u != U_HOUR && u != U_MIN) {  // half an hour ago: still today
            u = U_NONE;
          }
        }
        int a = e + 1;
        // "a week or so ago": the approximation is part of the date
        if (c_.is(a, "or") && c_.is(a + 1, "so") && (c_.is(a + 2, "ago") || c_.is(a + 2, "earlier")))
          a += 2;
        if (u != U_NONE && (c_.is(a, "ago") || c_.is(a, "earlier") ||
                            (c_.is(a, "from") && c_.is(a + 1, "now")))) {
          const bool ahead = c_.is(a, "from");
          out->end = ahead ? a + 2 : a + 1;
          out->type = "DATE";
          if (n < 0 || !has_dct()) {
            out->value = n < 0 ? (ahead ? "FUTURE_REF" : "PAST_REF") : unknown_value(u);
            out->anchor = has_dct() && n < 0 ? "dct" : "none";
            return true;
          }
          const int s = ahead ? n : -n;
          Unit uu = u;
          int nn = s;
          if (u == U_HOUR || u == U_MIN || u == U_SEC) {
            uu = U_DAY;
            nn = 0;
            if (u == U_HOUR && n >= 24) nn = ahead ? n / 24 : -(n / 24);
          }
          if (u == U_DECADE) {
            uu = U_YEAR;
            nn = s * 10;
          }
          if (u == U_CENTURY) {
            uu = U_YEAR;
            nn = s * 100;
          }
          if (u == U_WEEKEND) {
            uu = U_WEEK;
          }
          // "profit rose from $2 a share a year earlier": in a sentence about quarterly
          // results the comparison is the same quarter a year before.
          if (u == U_YEAR && n == 1 && !ahead && (quarter_context(i) || fin_context(i)) &&
              !months_context(i)) {
            out->value = year_ago_quarter();
            out->derived = true;
            out->anchor = "dct";
            return true;
          }
          // "A year earlier", "two weeks earlier": before the story's reference time once the
          // text has named a date precise enough ("ago" counts from the DCT)
          if (!ahead && c_.is(a, "earlier") && !ref_is_dct_) {
            std::string v = ref_value(uu, nn);
            if (!v.empty()) {
              out->value = std::move(v);
              out->derived = true;
              out->anchor = "absolute";
              return true;
            }
          }
          out->value = unit_value(uu, nn);
          out->anchor = "dct";
          return true;
        }
      }
    }
    return false;
  }

  // The sentence (bounded window) talks about a quarter: "third-quarter", "the quarter".
  bool quarter_context(int i) const {
    const int lo = std::max(c_.sentence_first(i), i - 25);
    const int hi = std::min(c_.sentence_last(i), i + 15);
    for (int k = lo; k < hi; ++k)
      if (eq(c_.t[k].low, "quarter") || eq(c_.t[k].low, "quarterly")) return true;
    return false;
  }

  // The sentence (bounded window) reports a period of several months ("the first nine
  // months", "the latest six months") and names no quarter: a comparison "a year
  // earlier" is with the year before, not with a quarter.
  bool months_context(int i) const {
    if (quarter_context(i)) return false;
    const int lo = std::max(c_.sentence_first(i), i - 25);
    const int hi = std::min(c_.sentence_last(i), i + 15);
    for (int k = lo + 1; k < hi; ++k) {
      bool half = false;
      int e = 0;
      if (eq(c_.t[k].low, "months") && parse_count(c_, k - 1, &e, &half, false) > 1) return true;
    }
    return false;
  }

  // A results sentence in a story about quarterly results: the document has named a
  // quarter before (or just after) i, and the sentence speaks of money or shares.
  bool fin_context(int i) const {
    if (c_.first_quarter_tok < 0 || c_.first_quarter_tok > i + 15) return false;
    return results_words(i);
  }
  // The sentence around token i (bounded window) reports results: $, cents, share, million,
  // billion, #, %, revenue, sales, earnings, profit, net.
  bool results_words(int i) const {
    const int lo = std::max(c_.sentence_first(i), i - 25);
    const int hi = std::min(c_.sentence_last(i), i + 15);
    for (int k = lo; k < hi; ++k) {
      std::string_view w = c_.t[k].low;
      if (eq(w, "$") || eq(w, "share") || eq(w, "cents") || eq(w, "million") || eq(w, "billion") ||
          eq(w, "#") || eq(w, "%") || eq(w, "revenue") || eq(w, "sales") || eq(w, "earnings") ||
          eq(w, "profit") || eq(w, "net"))
        return true;
    }
    return false;
  }

  // "about", "nearly", "more than", "less than", "at least", "up to", "almost", "over"
  int approximator(int i) const { return approximator_end(c_.t, i); }

  // --------------------------------------------------- durations

  // Fills *out with a DURATION of `value` ending before token `end`; true.
  static bool make_duration(int end, std::string value, Cand* out) {
    out->end = end;
    out->type = "DURATION";
    out->value = std::move(value);
    out->anchor = "absolute";
    return true;
  }

  // Whether "last" after word k is an adjective ("in last two years", "its last five
  // years"), not a verb: k a preposition, a possessive or a determiner.
  bool last_as_adjective_after(int k) const {
    for (const char* w : {"in", "for", "over", "during", "within", "of", "from", "since", "its",
                          "his", "her", "their", "our", "my", "your", "these", "those", "s"})
      if (c_.is(k, w)) return true;
    return false;
  }

  bool duration(int i, Cand* out) {
    if (half_unit(i, out)) return true;
    int j = i;
    bool the = false;
    if (c_.is(j, "the")) {
      the = true;
      ++j;
    }
    // "would last three days", "the duties last five years": the verb, whose object
    // starts at the count
    if (!the && c_.is(i, "last") && i > 0 && c_.word(i - 1) && !last_as_adjective_after(i - 1))
      return false;
    bool span_word = false;
    if (c_.is(j, "past") || c_.is(j, "last") || c_.is(j, "next") || c_.is(j, "first") ||
        c_.is(j, "coming") || c_.is(j, "previous") || c_.is(j, "following") ||
        c_.is(j, "final") || c_.is(j, "latest") || c_.is(j, "remaining") ||
        c_.is(j, "initial") || c_.is(j, "entire") || c_.is(j, "whole") || c_.is(j, "full")) {
      span_word = true;
      ++j;
    }
    if (!span_word && !the) j = approximator(j);
    bool half = false;
    int e = 0;
    const bool article_ok = !the;
    int n = parse_count(c_, j, &e, &half, article_ok);
    if (n == 0) {
      // "the past year", "the next month" (singular unit after a span word): duration of 1
      if (span_word && c_.word(j)) {
        bool pl = false;
        const Unit u = unit_of(c_.t[j], &pl);
        if (u != U_NONE && !pl) {
          if (!the && (c_.is(i, "last") || c_.is(i, "next") || c_.is(i, "past") ||
                       c_.is(i, "coming") || c_.is(i, "previous")))
            return false;  // "last week" is a date (relative())
          if (the && the_calendar_unit(i)) return false;  // "the past year": relative()
          return make_duration(j + 1, duration_value(u, 1), out);
        }
        // "the past few years" handled by parse_count("few")
      }
      // bare plural after "for"/"in recent"/"over": "for years", "for decades"
      if (!the && !span_word && c_.word(j)) {
        bool pl = false;
        const Unit u = unit_of(c_.t[j], &pl);
        // "for years", "within days", "the first time in years." (not "in years past")
        const bool prev_ok = j > 0 && (c_.is(j - 1, "for") || c_.is(j - 1, "within") ||
                                       (c_.is(j - 1, "in") && j + 1 < c_.n() &&
                                        c_.t[j + 1].kind == PUNCT));
        if (u != U_NONE && pl && prev_ok && j == i) {
          return make_duration(j + 1, duration_value(u, -1), out);
        }
        // "decades-long"
        if (u != U_NONE && pl && c_.is(j + 1, "-") && c_.adj(j + 1) && c_.is(j + 2, "long")) {
          return make_duration(j + 3, duration_value(u, -1), out);
        }
      }
      // "over the years", "in the years that followed", "in the early years": an
      // unspecified stretch (not "in the weeks before the vote", "the days of ...")
      if (the && !span_word && i > 0 &&
          (c_.is(i - 1, "over") || c_.is(i - 1, "in") || c_.is(i - 1, "during"))) {
        const int k = c_.is(j, "early") ? j + 1 : j;
        bool pl = false;
        const Unit u = c_.word(k) ? unit_of(c_.t[k], &pl) : U_NONE;
        if (pl && u >= U_DAY && u != U_WEEKEND && !c_.is(k + 1, "before") &&
            !c_.is(k + 1, "after") && !c_.is(k + 1, "of") && !c_.is(k + 1, "ahead") &&
            !c_.is(k + 1, "ago") && !c_.is(k + 1, "-")) {
          return make_duration(k + 1, duration_value(u, -1), out);
        }
      }
      return false;
    }
    // the unit, maybe hyphenated adjective "two-year", "16-hour"
    int k = e;
    // "two more weeks", "an additional year": the length of the extra stretch; "two
    // straight years", "three consecutive months", "two full years": the stretch
    if ((c_.is(k, "more") || c_.is(k, "additional") || c_.is(k, "extra") || c_.is(k, "straight") ||
         c_.is(k, "consecutive") || c_.is(k, "successive") || c_.is(k, "full")) &&
        c_.word(k + 1)) {
      bool more_pl = false;
      if (unit_of(c_.t[k + 1], &more_pl) != U_NONE) ++k;
    }
    bool hyph = false;
    if (c_.is(k, "-") && c_.adj(k)) {
      hyph = true;
      ++k;
    }
    if (!c_.word(k)) return false;
    bool pl = false;
    Unit u = unit_of(c_.t[k], &pl);
    if (u == U_NONE) return false;
    if (hyph && pl) return false;
    if (c_.t[k].cap) return false;                      // "60 Minutes" (a title)
    if (u == U_SEC && (c_.is(j, "a") || c_.is(j, "one") || c_.is(j, "an"))) return false;  // "a second time"
    const int first = c_.is(i, "the") && span_word ? i : i;
    (void)first;
    int end = k + 1;
    // an age, "5-year-old", "52 years old": TimeBank does not annotate ages
    if (hyph && c_.is(end, "-") && c_.adj(end) && c_.is(end + 1, "old")) return false;
    if (!hyph && c_.is(end, "old")) return false;
    if (hyph && c_.is(end, "-") && c_.adj(end) && c_.is(end + 1, "long")) end += 2;
    // "a minute and a half", "two hours and a half"
    if (!hyph && !half && n > 0 && c_.is(end, "and") && c_.is(end + 1, "a") &&
        c_.is(end + 2, "half")) {
      half = true;
      end += 3;
    }
    // "a year ago" / "two years earlier" are dates (relative())
    if (c_.is(end, "ago") || c_.is(end, "earlier")) return false;
    if (c_.is(end, "-") && c_.adj(end) && (c_.is(end + 1, "ago") || c_.is(end + 1, "earlier")))
      return false;  // "a year-earlier loss": the adjective is a date (relative())
    // "a day" after a count or an amount ("twice a day", "$5 million a year") is a set
    const bool article = c_.is(j, "a") || c_.is(j, "an");
    if (article && (rate_context(i - 1) || amount_end(i - 1))) return false;
    // "six months of base pay", "two weeks' salary": an amount of money, not a stretch of time
    {
      int q = end;
      if (c_.is(q, "of") || (c_.is(q, "'") && pl)) ++q;
      if (q > end && c_.word(q) && !c_.is(q + 1, "of") && c_.word(q + 1) && !c_.t[q + 1].cap &&
          !pay_word(q))
        ++q;  // one adjective: "base", "back", "severance"
      if (q > end && pay_word(q)) return false;
    }
    if (u == U_QUARTER && n > 0 && !span_word && !the && !hyph) {
      // "three quarters of the votes" is not a duration
      if (c_.is(end, "of")) return false;
    }
    // "the first two quarters of 1990" is that year's first half (a date)
    int half_year = 0;
    if (u == U_QUARTER && n == 2 && the && c_.is(end, "of") && year_token(c_, end + 1))
      half_year = c_.is(i + 1, "first") ? 1 : c_.is(i + 1, "last") || c_.is(i + 1, "final") ? 2 : 0;
    if (half_year) {
      out->end = end + 2;
      out->type = "DATE";
      out->value = fmt_year(year_token(c_, end + 1)) + "-H" + std::to_string(half_year);
      out->anchor = "absolute";
      return true;
    }
    // "will one day be": some time in the future, not a duration
    if (n == 1 && u == U_DAY && c_.is(j, "one") && !span_word && i > 0 &&
        (c_.is(i - 1, "will") || c_.is(i - 1, "would") || c_.is(i - 1, "could") ||
         c_.is(i - 1, "may") || c_.is(i - 1, "might") || c_.is(i - 1, "can") ||
         c_.is(i - 1, "shall"))) {
      out->end = end;
      out->type = "DATE";
      out->value = "FUTURE_REF";
      out->anchor = has_dct() ? "dct" : "none";
      return true;
    }
    out->end = end;
    out->type = "DURATION";
    const bool fort = eq(c_.t[k].low, "fortnight");
    out->value = duration_value(u, n, half, fort);
    out->anchor = "absolute";
    // "an hour and 15 minutes", "two years and six months", "2 hours 30 minutes"
    if (n > 0 && !half && !hyph && !fort && !c_.is(i - 1, "between")) {
      int k2 = c_.is(end, "and") ? end + 1 : end;
      bool half2 = false;
      int e2 = 0;
      const int n2 = parse_count(c_, k2, &e2, &half2, true);
      bool pl2 = false;
      const Unit u2 = n2 > 0 && !half2 && c_.word(e2) ? unit_of(c_.t[e2], &pl2) : U_NONE;
      const std::string v = compound_value(u, n, u2, n2);
      // not "two years and six months ago" (a date: the "ago" takes the whole length)
      if (!v.empty() && !c_.is(e2 + 1, "ago") && !c_.is(e2 + 1, "earlier") &&
          !c_.is(e2 + 1, "later")) {
        out->end = e2 + 1;
        out->value = v;
      }
    }
    return true;
  }

  // Two units of one length, the second the next smaller one: "P2Y6M", "PT1H15M",
  // "PT5M30S", "P3DT12H", "P17D" (two weeks and three days); empty for other pairs.
  static std::string compound_value(Unit a, int n, Unit b, int m) {
    const std::string x = std::to_string(n), y = std::to_string(m);
    if (a == U_YEAR && b == U_MONTH) return "P" + x + "Y" + y + "M";
    if (a == U_WEEK && b == U_DAY) return "P" + std::to_string(7 * n + m) + "D";
    if (a == U_DAY && b == U_HOUR) return "P" + x + "DT" + y + "H";
    if (a == U_HOUR && b == U_MIN) return "PT" + x + "H" + y + "M";
    if (a == U_MIN && b == U_SEC) return "PT" + x + "M" + y + "S";
    return std::string();
  }

  // "half an hour", "half a century", "a half hour", "a half-day strike": half of one unit.
  bool half_unit(int i, Cand* out) const {
    int j = c_.is(i, "a") || c_.is(i, "an") ? i + 1 : i;
    if (!c_.is(j, "half")) return false;
    const bool article_after = j == i && (c_.is(j + 1, "a") || c_.is(j + 1, "an"));
    const bool hyphen = c_.is(j + 1, "-") && c_.adj(j + 1);
    int k = j + 1 + (article_after || hyphen ? 1 : 0);
    if (!c_.word(k) || c_.t[k].cap) return false;
    bool pl = false;
    const Unit u = unit_of(c_.t[k], &pl);
    if (pl) return false;
    // "a half hour", "half-hour": hours, days and minutes ("half-year results" are a period)
    if (!article_after && u != U_HOUR && u != U_DAY && u != U_MIN) return false;
    if (!article_after && j == i && !hyphen) return false;  // "half hour" alone
    const char* v = u == U_MIN      ? "PT30S"
                    : u == U_HOUR   ? "PT30M"
                    : u == U_DAY    ? "PT12H"
                    : u == U_WEEK   ? "P3DT12H"
                    : u == U_MONTH  ? "P15D"
                    : u == U_YEAR   ? "P6M"
                    : u == U_DECADE ? "P5Y"
                    : u == U_CENTURY ? "P50Y"
                                     : nullptr;
    if (!v) return false;
    // an age ("a half-year-old") is not a duration; "half a century ago" is no duration
    if (c_.is(k + 1, "-") && c_.adj(k + 1) && c_.is(k + 2, "old")) return false;
    if (c_.is(k + 1, "ago") || c_.is(k + 1, "earlier")) return false;
    return make_duration(k + 1, v, out);
  }

  bool pay_word(int k) const {
    return c_.is(k, "pay") || c_.is(k, "salary") || c_.is(k, "wages") || c_.is(k, "rent") ||
           c_.is(k, "severance");
  }

  // --------------------------------------------------- sets

  bool set_expr(int i, Cand* out) {
    if (!c_.word(i)) return false;
    std::string_view w = c_.t[i].low;
    auto simple_value = [&](std::string v) {
      out->end = i + 1;
      out->type = "SET";
      out->value = std::move(v);
      out->anchor = "absolute";
      return true;
    };
    auto simple = [&](const char* v) { return simple_value(v); };
    const bool ly = w.size() >= 5 && w.back() == 'y' && w[w.size() - 2] == 'l';
    if (ly && (eq(w, "daily") || eq(w, "weekly") || eq(w, "monthly") || eq(w, "annually") ||
               eq(w, "yearly") || eq(w, "hourly")) &&
        (amount_end(i - 1) || counted_noun(i - 1)))
      return false;
    if (eq(w, "daily")) return simple("P1D");
    if (eq(w, "weekly")) return simple("P1W");
    if (eq(w, "monthly")) return simple("P1M");
    if (eq(w, "annually") || eq(w, "yearly") || eq(w, "annual")) {
      if (eq(w, "annual")) return false;
      return simple("P1Y");
    }
    if (eq(w, "hourly")) return simple("PT1H");
    if (eq(w, "nightly")) return simple("P1D");
    // "on Mondays", "Mondays and Thursdays": a plural weekday is a habit (not after a
    // capitalised word other than a sentence-initial "On": "Manic Mondays")
    if (c_.t[i].cap && w.size() >= 7 && w.back() == 's' &&
        !(i > 0 && c_.word(i - 1) && c_.t[i - 1].cap && !c_.is(i - 1, "on"))) {
      const std::string_view sing = w.substr(0, w.size() - 1);
      for (const WordInt& x : kWeekdays)
        if (sing == x.w) return simple_value("XXXX-WXX-" + std::to_string(x.v));
    }
    // "on weekends", "at weekends"
    if (eq(w, "weekends") && (c_.is(i - 1, "on") || c_.is(i - 1, "at") || c_.is(i - 1, "most")))
      return simple("XXXX-WXX-WE");
    if (eq(w, "every") || eq(w, "each") || eq(w, "per")) {
      int j = i + 1;
      // "every weekend", "every morning", "each night"
      if (!eq(w, "per") && !c_.is(j + 1, "-")) {
        const char* part = c_.is(j, "weekend")     ? "XXXX-WXX-WE"
                           : c_.is(j, "morning")   ? "XXXX-XX-XXTMO"
                           : c_.is(j, "afternoon") ? "XXXX-XX-XXTAF"
                           : c_.is(j, "evening")   ? "XXXX-XX-XXTEV"
                           : c_.is(j, "night")     ? "XXXX-XX-XXTNI"
                                                   : nullptr;
        if (part) {
          out->end = j + 1;
          out->type = "SET";
          out->value = part;
          out->anchor = "absolute";
          return true;
        }
      }
      if (c_.is(j, "other")) ++j;
      bool half = false;
      int e = j;
      int n = 1;
      const int cnt = parse_count(c_, j, &e, &half, false);
      if (cnt > 0) {
        n = cnt;
        j = e;
      }
      if (!c_.word(j)) return false;
      bool pl = false;
      const Unit u = unit_of(c_.t[j], &pl);
      if (u != U_NONE) {
        if (eq(w, "each") && u != U_DAY && u != U_YEAR && u != U_MONTH && u != U_WEEK)
          return false;
        if (c_.is(i + 1, "other")) n *= 2;
        out->end = j + 1;
        out->type = "SET";
        out->value = duration_value(u, n);
        out->anchor = "absolute";
        return true;
      }
      const int wd = c_.t[j].cap ? weekday_of(c_.t[j]) : 0;
      if (wd && !eq(w, "per")) {
        out->end = j + 1;
        out->type = "SET";
        out->value = "XXXX-WXX-" + std::to_string(wd);
        out->anchor = "absolute";
        return true;
      }
      // "each July", "every September"
      bool abbrev = false;
      const int m = c_.t[j].cap && !eq(w, "per") ? month_of(c_.t[j], &abbrev) : 0;
      if (m && !abbrev) {
        out->end = j + 1;
        out->type = "SET";
        out->value = "XXXX-" + fmt_ym(0, m).substr(5);
        out->anchor = "absolute";
        return true;
      }
      return false;
    }
    // "twice a year", "four flights a week": tag "a year"
    if (eq(w, "a") || eq(w, "an")) {
      bool pl = false;
      const Unit u = c_.word(i + 1) ? unit_of(c_.t[i + 1], &pl) : U_NONE;
      if (u == U_NONE || !rate_context(i - 1)) return false;
      // not "a year ago/earlier/later/after ..." nor "a year-earlier loss" (relative())
      const int f = i + 2;
      const bool relative_next = c_.is(f, "ago") || c_.is(f, "earlier") || c_.is(f, "later") ||
                                 c_.is(f, "after") || c_.is(f, "before") || c_.is(f, "-") ||
                                 c_.is(f, "of") || c_.is(f, "or") || c_.is(f, "and");
      if (!pl && u != U_WEEKEND && !relative_next) {
        out->end = i + 2;
        out->type = "SET";
        out->value = duration_value(u, 1);
        out->anchor = "absolute";
        return true;
      }
    }
    return false;
  }

  // Token k ends a frequency that "a <unit>" turns into a set: "twice", "three times", or a
  // counted plural noun (counted_noun()).
  bool rate_context(int k) const {
    return c_.is(k, "times") || c_.is(k, "once") || c_.is(k, "twice") || counted_noun(k);
  }

  // Token k is a plural noun counted just before it: "four flights", "dozens of
  // interviews", "10,000 units" (a number or quantity word at most three tokens before).
  bool counted_noun(int k) const {
    if (!c_.word(k)) return false;
    std::string_view x = c_.t[k].low;
    if (x.size() < 3 || x.back() != 's' || c_.t[k].lex->unit != U_NONE) return false;
    for (int q = k - 1; q >= 0 && q >= k - 3; --q) {
      if (c_.num(q) && !year_token(c_, q)) return true;
      if (c_.word(q) && (small_number(c_.t[q]) > 0 || c_.is(q, "dozens") ||
                         c_.is(q, "hundreds") || c_.is(q, "thousands") || c_.is(q, "millions")))
        return true;
    }
    return false;
  }

  // Token k ends an amount: "$5 million", "20%", "8.5 percent", "500". A rate of an amount
  // ("$5 million a year", "rise 20% annually", "10,000 units annually") is no set here:
  // TimeBank leaves most of them unannotated.
  bool amount_end(int k) const {
    return c_.is(k, "percent") || c_.is(k, "%") || c_.is(k, "billion") ||
           c_.is(k, "million") || c_.num(k);
  }

  // --------------------------------------------------- PAST/PRESENT/FUTURE_REF

  // "the past|last|next|coming year|month|week|quarter" at i: a calendar unit next to the
  // DCT's (TimeBank dates these; "the past decade", "the previous day" are not matched).
  bool the_calendar_unit(int i) const {
    if (!c_.is(i, "the") || !(c_.is(i + 1, "past") || c_.is(i + 1, "last") ||
                              c_.is(i + 1, "next") || c_.is(i + 1, "coming")))
      return false;
    return c_.is(i + 2, "year") || c_.is(i + 2, "month") || c_.is(i + 2, "week") ||
           c_.is(i + 2, "quarter");
  }

  // Token i can start the length of a span: a count ("two", "few", "several") or a unit.
  bool counted_span(int i) const {
    if (!c_.word(i)) return c_.num(i);
    bool pl = false, half = false;
    int e = 0;
    return unit_of(c_.t[i], &pl) != U_NONE || parse_count(c_, i, &e, &half, true) != 0;
  }

  // "(in) recent years/months/weeks/days/quarters/decades", "coming months": an
  // unspecified stretch of time up to (or from) now, a DURATION (PXY, PXM, ...) as TimeBank
  // mostly annotates it. `u` is the token after "recent"; fills *out (from the probe token
  // to u) if it is a plural unit.
  bool recent_span(int u, Cand* out) const {
    bool pl = false;
    const Unit unit = unit_of(c_.t[u], &pl);
    if (!pl || unit < U_DAY || unit == U_WEEKEND) return false;
    return make_duration(u + 1, duration_value(unit, -1), out);
  }

  bool ref(int i, Cand* out) {
    if (!c_.word(i)) return false;
    std::string_view w = c_.t[i].low;
    const char* v = nullptr;
    int e = i + 1;
    if (eq(w, "now") || eq(w, "currently") || eq(w, "nowadays") || eq(w, "presently")) {
      v = "PRESENT_REF";
      // "Now, he says, ...": a discourse marker at the start of a sentence, not a time
      if (eq(w, "now") && c_.t[i].cap && c_.is(i + 1, ",") && (i == 0 || !c_.word(i - 1)))
        return false;
    } else if (eq(w, "then") && c_.is(i + 1, "current") && c_.word(i + 2) && !c_.t[i + 2].cap) {
      v = "PAST_REF";  // "the then current price": the present of a past time
      e = i + 2;
    } else if (eq(w, "current") && c_.word(i + 1) && !c_.t[i + 1].cap &&
               !c_.is(i + 1, "account") && !c_.is(i + 1, "affairs") && !c_.is(i + 1, "events") &&
               !c_.is(i + 1, "and") && !c_.is(i + 1, "of")) {
      v = "PRESENT_REF";
    } else if (eq(w, "recently") || eq(w, "lately")) {
      v = "PAST_REF";
    } else if ((eq(w, "recent") || eq(w, "coming")) && c_.word(i + 1) && recent_span(i + 1, out)) {
      return true;  // "in recent years", "in coming months"
    } else if (eq(w, "recent") && c_.word(i + 1) && !c_.t[i + 1].cap && i > 0 &&
               (c_.is(i - 1, "the") || c_.is(i - 1, "a") || c_.is(i - 1, "about") ||
                c_.is(i - 1, "of") || c_.is(i - 1, "in") || c_.is(i - 1, "its") ||
                c_.is(i - 1, "his") || c_.is(i - 1, "her") || c_.is(i - 1, "their") ||
                c_.is(i - 1, "by") || c_.is(i - 1, "to") || c_.is(i - 1, "on") ||
                c_.is(i - 1, "after") || c_.is(i - 1, "despite") || c_.is(i - 1, "with") ||
                c_.is(i - 1, "'"))) {
      v = "PAST_REF";
    } else if (eq(w, "soon")) {
      if (c_.is(i - 1, "as") && c_.is(i + 1, "as")) return false;
      // "soon after the attack", "he was soon released": shortly after a past event
      if (c_.is(i + 1, "after") || c_.is(i + 1, "afterward") || c_.is(i + 1, "afterwards") ||
          c_.is(i + 1, "thereafter") || c_.tense(i, i + 1) < 0)
        return false;
      v = "FUTURE_REF";
    } else if (eq(w, "the")) {
      // "the" is frequent: compare the next words directly
      const std::string_view n1 = i + 1 < c_.n() ? c_.t[i + 1].low : std::string_view();
      const std::string_view n2 = i + 2 < c_.n() ? c_.t[i + 2].low : std::string_view();
      if (eq(n1, "future") && !eq(n2, "of")) {
        v = "FUTURE_REF";
        e = i + 2;
      } else if ((eq(n1, "near") && eq(n2, "future")) ||
                 ((eq(n1, "near") || eq(n1, "short")) && eq(n2, "term"))) {
        v = "FUTURE_REF";  // "in the near future", "in the short term"
        e = i + 3;
      } else if (eq(n2, "ahead") && recent_span(i + 1, out)) {
        out->end = i + 3;  // "the weeks ahead"
        return true;
      } else if (eq(n1, "past") && (i + 2 >= c_.n() || c_.t[i + 2].kind != WORD ||
                                  (c_.is(i - 1, "in") && !counted_span(i + 2)))) {
        v = "PAST_REF";  // "in the past", "in the past that ...", not "in the past two years"
        e = i + 2;
      }
    } else if (eq(w, "a") && c_.is(i + 1, "later") && c_.is(i + 2, "date")) {
      v = "FUTURE_REF";  // "at a later date"
      e = i + 3;
    } else if (eq(w, "these") && c_.is(i + 1, "days")) {
      v = "PRESENT_REF";
      e = i + 2;
    } else if (eq(w, "at") && c_.is(i + 1, "present") && !c_.word(i + 2)) {
      v = "PRESENT_REF";
      i = i + 1;
      e = i + 1;
      out->start = i;
    } else if (eq(w, "future") && (c_.is(i - 1, "near") || c_.is(i - 1, "foreseeable") ||
                                  c_.is(i - 1, "distant"))) {
      return false;
    }
    if (!v) return false;
    out->end = e;
    out->type = "DATE";
    out->value = v;
    out->anchor = has_dct() ? "dct" : "none";
    return true;
  }
};

// "In recent weeks" is PAST_REF in the seeds' gold and TimeBank; "the near future" FUTURE_REF.

}  // namespace

namespace {
// The number the n digits of s at `from` write, into *out; false if one is no digit.
bool digits_at(std::string_view s, size_t from, size_t n, int* out) {
  if (from + n > s.size()) return false;
  int v = 0;
  for (size_t k = from; k < from + n; ++k) {
    if (s[k] < '0' || s[k] > '9') return false;
    v = v * 10 + (s[k] - '0');
  }
  *out = v;
  return true;
}
}  // namespace

std::optional<CalendarDate> date_value_parts(std::string_view value) {
  if (value.size() > 10 && value[10] == 'T') value = value.substr(0, 10);
  CalendarDate c;
  if (!digits_at(value, 0, 4, &c.year)) return std::nullopt;
  const bool has_month = value.size() >= 7 && value[4] == '-' && digits_at(value, 5, 2, &c.month);
  const bool has_day =
      has_month && value.size() == 10 && value[7] == '-' && digits_at(value, 8, 2, &c.day);
  if (value.size() != (has_day ? 10u : has_month ? 7u : 4u)) return std::nullopt;
  if ((has_month && (c.month < 1 || c.month > 12)) ||
      (has_day && !valid_date(c.year, c.month, c.day)))
    return std::nullopt;
  return c;
}

std::optional<std::string> shift_date(std::string_view value, std::string_view duration,
                                      bool back) {
  const std::optional<CalendarDate> date = date_value_parts(value);
  if (!date) return std::nullopt;
  const int y = date->year, m = date->month, d = date->day;
  const bool has_month = m > 0, has_day = d > 0;
  // The duration: "P" ["T"] count unit, the count digits or "X".
  if (duration.size() < 3 || duration[0] != 'P') return std::nullopt;
  const bool time = duration[1] == 'T';
  const std::string_view count = duration.substr(time ? 2 : 1, duration.size() - (time ? 3 : 2));
  const char unit = duration.back();
  int n = -1;  // unknown ("X")
  if (count != "X" && (count.empty() || count.size() > 4 ||
                       !digits_at(count, 0, count.size(), &n)))
    return std::nullopt;
  if (time) {  // hours or minutes: the same day, under a day's worth
    if ((unit != 'H' && unit != 'M') || !has_day) return std::nullopt;
    if (n >= 0 && n >= (unit == 'H' ? 24 : 24 * 60)) return std::nullopt;
    return fmt_ymd(y, m, d);
  }
  if (n < 0) return std::nullopt;
  const int step = back ? -n : n;
  switch (unit) {
    case 'D':
    case 'W':
      if (!has_day) return std::nullopt;
      return fmt_day(days_from_civil(y, m, d) + static_cast<long>(step) * (unit == 'W' ? 7 : 1));
    case 'M': {
      if (!has_month) return std::nullopt;
      const int months = y * 12 + (m - 1) + step;
      if (months < 0) return std::nullopt;
      return fmt_ym(months / 12, months % 12 + 1);
    }
    case 'Y':
      if (y + step < 0) return std::nullopt;
      return fmt_year(y + step);
    default:
      return std::nullopt;
  }
}

struct TimexTagger::Impl {
  TimexOptions opt;
};

TimexTagger::TimexTagger(TimexOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->opt = options;
}
TimexTagger::~TimexTagger() = default;
TimexTagger::TimexTagger(TimexTagger&&) noexcept = default;
TimexTagger& TimexTagger::operator=(TimexTagger&&) noexcept = default;

namespace {

// First token of the TIMEX3 extent of a match over tokens [s, e). TimeBank leaves out
// possessives and focus adverbs ("its [third quarter]", "only [five hours]", "just [a
// decade ago]") and the determiner of a hyphenated adjective ("a [third-quarter] loss",
// "the [30-day] rate"); the value does not depend on these words.
int extent_start(const Ctx& c, int s, int e) {
  while (s + 1 < e && (c.is(s, "its") || c.is(s, "only") || c.is(s, "just") || c.is(s, "barely")))
    ++s;
  // [det] X - unit, followed by the noun it modifies
  if (s + 4 == e && (c.is(s, "a") || c.is(s, "an") || c.is(s, "the")) && c.is(s + 2, "-") &&
      c.adj(s + 2) && c.adj(s + 3) && c.word(e - 1) && c.word(e)) {
    bool pl = false;
    if (unit_of(c.t[e - 1], &pl) != U_NONE && !pl) ++s;
  }
  return s;
}

// The index of the first token "quarter" or "quarterly" (Lex::quarter) among toks, the
// tokens of text; -1 if none. Such a token starts at a byte 'q' or 'Q': only those bytes
// are visited (memchr), a token looked for at each by bisection over the tokens' starts.
int first_quarter_token(std::string_view text, const std::vector<Tok>& toks) {
  size_t first = toks.size();
  for (const char q : {'q', 'Q'}) {
    for (size_t from = 0; from < text.size();) {
      const void* hit = std::memchr(text.data() + from, q, text.size() - from);
      if (hit == nullptr) break;
      const size_t p = static_cast<size_t>(static_cast<const char*>(hit) - text.data());
      const auto it = std::lower_bound(toks.begin(), toks.end(), p,
                                       [](const Tok& tk, size_t b) { return tk.b < b; });
      const size_t k = static_cast<size_t>(it - toks.begin());
      if (k >= first) break;  // the other case's search found an earlier one
      if (it != toks.end() && it->b == p && it->lex->quarter) {
        first = k;
        break;
      }
      from = p + 1;
    }
  }
  return first == toks.size() ? -1 : static_cast<int>(first);
}

// The tagging scan behind TimexTagger::tag: hands each timex, in text order, to
// emit(Timex&&), which returns false to stop the scan (find_dateline stops at the first
// timex it can use). A timex never depends on the text after it, so the timexes emitted
// before a stop are those tag() returns first.
// `toks`: tokenize(text). The checks, for tests (the indices of the tokens where a check
// fails go to *misses):
// - kStartFilter: the matchers also run at each token the start filter skips, and fail
//   the check if one matches there (debug builds and -DLIPTAKO_CHECK_TIMEX_START abort
//   then instead);
// - kFastPath: at every token, match() with its fast paths and match() trying every
//   matcher must find the same candidate (or none).
enum class ScanCheck { kNone, kStartFilter, kFastPath };

template <ScanCheck kCheck = ScanCheck::kNone, class Emit>
void scan_timexes(const TimexOptions& opt, std::string_view text, const std::vector<Tok>& toks,
                  const std::vector<Sentence>& sentences, const std::optional<CalendarDate>& dct,
                  Emit&& emit, std::vector<int>* misses = nullptr) {
  if (text.empty()) return;
  std::optional<CalendarDate> d = dct;
  if (d && !valid_date(d->year, d->month, d->day)) d.reset();
  Ctx c{text, toks, d};
  c.opt = opt;
  if (d) c.dct_days = days_from_civil(d->year, d->month, d->day);
  // The sentence of a token: the first sentence s, from the previous token's on, that
  // ends after the token's start (s.end > b), else the last one (sentences are in
  // order). Each sentence's tokens are thus consecutive.
  const int n = static_cast<int>(toks.size());
  if (!sentences.empty()) {
    const int ns = static_cast<int>(sentences.size());
    c.tok_sent.resize(n);  // every entry is written below
    c.sent_first.assign(ns, 0);
    c.sent_last.assign(ns, 0);
    int i = 0;
    for (int s = 0; s < ns && i < n; ++s) {
      const int first = i;
      if (s + 1 < ns) {
        // the tokens from i on that start before the sentence's end, found by bisection:
        // tokens are non-empty and in order (toks[i + k].b >= toks[i].b + k), so they are
        // among the next end - toks[i].b
        const uint32_t end = sentences[s].end;
        const size_t reach = end > toks[i].b ? end - toks[i].b : 0;
        const auto last = toks.begin() + static_cast<std::ptrdiff_t>(
                                             std::min<size_t>(n, static_cast<size_t>(i) + reach));
        i = static_cast<int>(
            std::partition_point(toks.begin() + i, last,
                                 [end](const Tok& tk) { return tk.b < end; }) -
            toks.begin());
      } else {
        i = n;
      }
      std::fill(c.tok_sent.begin() + first, c.tok_sent.begin() + i, s);
      c.sent_first[s] = first;
      c.sent_last[s] = i;
    }
  }
  c.first_quarter_tok = first_quarter_token(text, toks);
  Matcher m(c);
  int i = 0;
  while (i < n) {
    if constexpr (kCheck == ScanCheck::kFastPath) {
      Cand fast, all;
      const bool found = m.match(i, &fast);
      m.all_matchers_ = true;
      const bool found_all = m.match(i, &all);
      m.all_matchers_ = false;
      if (found != found_all ||
          (found && (fast.end != all.end || fast.type != all.type || fast.value != all.value ||
                     fast.anchor != all.anchor || fast.start != all.start ||
                     fast.derived != all.derived || fast.ref_days != all.ref_days)))
        misses->push_back(i);
    }
    if (!toks[i].start || !second_stage_start(toks, static_cast<size_t>(i))) {
      if constexpr (kCheck == ScanCheck::kStartFilter) {
        Cand probe;
        if (m.match(i, &probe) && probe.end > i) misses->push_back(i);
      } else {
#if !defined(NDEBUG) || defined(LIPTAKO_CHECK_TIMEX_START)
        Cand probe;  // the start filter must not hide a match
        if (m.match(i, &probe) && probe.end > i) {
          std::fprintf(stderr, "liptako: a timex starts at '%.*s', not a start token\n",
                       static_cast<int>(toks[i].low.size()), toks[i].low.data());
          std::abort();
        }
#endif
      }
      ++i;
      continue;
    }
    Cand k;
    if (m.match(i, &k) && k.end > i) {
      const int s = extent_start(c, k.start >= 0 ? k.start : i, k.end);
      // type and anchor made from their views (short: no allocation), not appended
      Timex t{toks[s].b, toks[k.end - 1].e, std::string(k.type), std::string(),
              std::string(k.anchor), c.sentence_of(s)};
      // (a weekday's possessive names a day of an event told by the way, "after
      // Saturday's disputed vote": the story's day stays where it was)
      const bool possessive_weekday = c.word(s) && c.t[s].lex->weekday != 0 &&
                                      k.end == s + 1 && c.possessive_at(k.end);
      if (!possessive_weekday) m.commit(k, t.sentence, s);
      t.value = std::move(k.value);  // after commit(), which reads it
      if (!emit(std::move(t))) return;
      i = k.end;
    } else {
      ++i;
    }
  }
}

// The timexes of text, given its tokens.
std::vector<Timex> tag_tokens(const TimexOptions& opt, std::string_view text,
                              const std::vector<Tok>& toks, const std::vector<Sentence>& sentences,
                              const std::optional<CalendarDate>& dct) {
  std::vector<Timex> out;
  out.reserve(text.size() / 128 + 4);  // news text: about one per 130 bytes
  scan_timexes(opt, text, toks, sentences, dct, [&out](Timex&& t) {
    out.push_back(std::move(t));
    return true;
  });
  return out;
}

}  // namespace

std::vector<Timex> TimexTagger::tag(std::string_view text, const std::vector<Sentence>& sentences,
                                    const std::optional<CalendarDate>& dct) const {
  return tag(text, std::string_view(), sentences, dct);
}

std::vector<Timex> TimexTagger::tag(std::string_view text, std::string_view lowered,
                                    const std::vector<Sentence>& sentences,
                                    const std::optional<CalendarDate>& dct) const {
  std::string arena;
  return tag_tokens(impl_->opt, text, tokenize(text, lowered, &arena), sentences, dct);
}

std::vector<Timex> TimexTagger::tag(std::string_view text, std::string_view lowered,
                                    const TokenizedText& tokenized,
                                    const std::optional<CalendarDate>& dct) const {
  std::string arena;
  return tag_tokens(impl_->opt, text, tokenize(text, lowered, &arena, &tokenized.tokens),
                    tokenized.sentences, dct);
}


namespace {

// The byte offsets of the tokens where scan_timexes' check kCheck finds the
// fast scan and trying every matcher disagree (the tests' views of it below).
template <ScanCheck kCheck>
std::vector<uint32_t> scan_check_misses(std::string_view text,
                                        const std::optional<CalendarDate>& dct) {
  std::string arena;
  const std::vector<Tok> toks = tokenize(text, std::string_view(), &arena);
  const std::vector<Sentence> sentences = {Sentence{0, static_cast<uint32_t>(text.size())}};
  std::vector<int> misses;
  scan_timexes<kCheck>(TimexOptions{}, text, toks, sentences, dct,
                       [](Timex&&) { return true; }, &misses);
  std::vector<uint32_t> out;
  for (const int i : misses) out.push_back(toks[i].b);
  return out;
}

}  // namespace

std::vector<uint32_t> internal::timex_start_filter_misses(std::string_view text,
                                                          const std::optional<CalendarDate>& dct) {
  return scan_check_misses<ScanCheck::kStartFilter>(text, dct);
}

std::vector<uint32_t> internal::timex_fast_path_mismatches(
    std::string_view text, const std::optional<CalendarDate>& dct) {
  return scan_check_misses<ScanCheck::kFastPath>(text, dct);
}

std::vector<std::string> internal::timex_format_mismatches(const std::vector<long>& values,
                                                           const std::vector<long>& days) {
  std::vector<std::string> out;
  auto check = [&out](const std::string& got, const char* fmt, long a, long b, long c) {
    char want[64];
    std::snprintf(want, sizeof want, fmt, static_cast<int>(a), static_cast<int>(b),
                  static_cast<int>(c));
    if (got != want) out.push_back(got + " != " + want);
  };
  for (const long a : values) {
    check(fmt_year(static_cast<int>(a)), "%04d", a, 0, 0);
    for (const long b : values) {
      check(fmt_ym(static_cast<int>(a), static_cast<int>(b)), "%04d-%02d", a, b, 0);
      for (const long c : values)
        check(fmt_ymd(static_cast<int>(a), static_cast<int>(b), static_cast<int>(c)),
              "%04d-%02d-%02d", a, b, c);
    }
  }
  for (const long a : days) {
    int wy = 0, w = 0;
    iso_week(a, &wy, &w);
    check(fmt_week(a), "%04d-W%02d", wy, w, 0);
    const CalendarDate cd = civil_from_days(a);
    check(fmt_day(a), "%04d-%02d-%02d", cd.year, cd.month, cd.day);
  }
  return out;
}

std::vector<std::string> internal::timex_lexicon_mismatches(
    const std::vector<std::string>& words) {
  const Lexicon& lex = lexicon();
  std::vector<std::string> all = words;
  for (uint32_t id = 0; id < lex.size(); ++id) all.emplace_back(lex.word(id));
  std::vector<std::string> out;
  for (const std::string& w : all) {
    const std::string padded = w + "xxxxxxxxxxxxxxxx";  // bytes find_padded() must mask off
    if (lex.find_padded(padded.data(), w.size()) != lex.find_packed(padded.data(), w.size()))
      out.push_back(w);
  }
  return out;
}

// ---------------------------------------------------------------- dateline

std::optional<CalendarDate> parse_iso_date(std::string_view s) {
  if (s.size() < 10) return std::nullopt;
  for (int k : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[k] < '0' || s[k] > '9') return std::nullopt;
  if (s[4] != '-' || s[7] != '-') return std::nullopt;
  if (s.size() > 10 && s[10] != 'T' && s[10] != ' ' && s[10] != 't') return std::nullopt;
  const int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  const int m = (s[5] - '0') * 10 + (s[6] - '0');
  const int d = (s[8] - '0') * 10 + (s[9] - '0');
  if (!valid_date(y, m, d)) return std::nullopt;
  CalendarDate c;
  c.year = y;
  c.month = m;
  c.day = d;
  return c;
}

namespace {

// The bytes find_dateline() reads: the first ~400, cut at a UTF-8 boundary.
size_t dateline_window(std::string_view text) {
  size_t lim = std::min<size_t>(text.size(), 400);
  while (lim < text.size() && lim > 0 &&
         (static_cast<unsigned char>(text[lim]) & 0xC0) == 0x80)
    --lim;
  return lim;
}

// The dateline of find_dateline() in head, given tokenize(head).
std::optional<Dateline> dateline_in(std::string_view head, const std::vector<Tok>& toks) {
  // first line (ignoring leading blank lines)
  size_t fl_b = 0;
  while (fl_b < head.size() && (head[fl_b] == '\n' || head[fl_b] == '\r' || head[fl_b] == ' ' ||
                                head[fl_b] == '\t'))
    ++fl_b;
  size_t fl_e = head.find('\n', fl_b);
  if (fl_e == std::string_view::npos) fl_e = head.size();
  static const RE2 kw("(?i)(?:^|[^A-Za-z])(?:date|dated|published|posted|updated|"
                      "last updated|first published)\\s*(?:on)?\\s*[:|]?\\s*$");
  // The first timex of the head (tagged without a DCT) that passes the tests below; the
  // scan stops there.
  std::optional<Dateline> found;
  scan_timexes(TimexOptions{}, head, toks, {}, std::nullopt, [&](Timex&& t) {
    if (!eq(t.type, "DATE") && !eq(t.type, "TIME")) return true;
    if (!eq(t.anchor, "absolute") || t.value.size() < 10) return true;
    const auto cd = parse_iso_date(std::string_view(t.value).substr(0, 10));
    if (!cd) return true;
    const std::string_view before = head.substr(0, t.start);
    const size_t line_start = before.rfind('\n') == std::string_view::npos ? 0
                                                                            : before.rfind('\n') + 1;
    const std::string_view prefix = before.substr(line_start);
    bool ok = false;
    // (a) a keyword right before: "date 2023-11-13", "Published: Sept. 18, 2023"
    if (RE2::PartialMatch(prefix, kw)) ok = true;
    // (b) on a short first line (a header: "World | September 18, 2023, Monday // 12:20")
    if (t.start >= fl_b && t.end <= fl_e && fl_e - fl_b <= 160) ok = true;
    // (c) a dateline: "LONDON, March 3, 2023 (Reuters) -" — short capitalised place prefix
    if (!ok && prefix.size() <= 60 && t.start < 200) {
      const std::string_view after = head.substr(t.end, std::min<size_t>(16, head.size() - t.end));
      static const RE2 dl_after("^\\s*(?:\\(|-|--|\\xE2\\x80\\x94|\\xE2\\x80\\x93|/|\\||$)");
      static const RE2 dl_before("^\\s*[A-Z][A-Za-z .'\\-]{1,40},(?:\\s*[A-Z][A-Za-z .'\\-]{1,30},)?\\s*$");
      if (RE2::PartialMatch(after, dl_after) && RE2::FullMatch(prefix, dl_before)) ok = true;
    }
    // (d) the text starts with the date
    if (!ok) {
      bool only_space = true;
      for (char ch : prefix)
        if (ch != ' ' && ch != '\t' && ch != '\r') only_space = false;
      if (only_space && line_start == fl_b) ok = true;
    }
    if (!ok) return true;
    found = Dateline{*cd, Span{t.start, t.end}};
    return false;
  });
  return found;
}

}  // namespace

std::optional<Dateline> find_dateline(std::string_view text) {
  const std::string_view head = text.substr(0, dateline_window(text));
  std::string arena;
  return dateline_in(head, tokenize(head, std::string_view(), &arena));
}

namespace {

// tag_with_dateline() given the text's tokens, `toks` = tokenize(text, lowered, arena).
std::vector<Timex> tag_with_dateline_tokens(const TimexOptions& opt, std::string_view text,
                                            std::string_view lowered, const std::string& arena,
                                            const std::vector<Tok>& toks,
                                            const std::vector<Sentence>& sentences,
                                            std::optional<Dateline>* dateline) {
  if (lowered.data() == nullptr) lowered = arena;
  const std::string_view head = text.substr(0, dateline_window(text));
  *dateline = dateline_in(head, head_tokens(head, lowered, toks));
  std::optional<CalendarDate> dct;
  if (*dateline) dct = (*dateline)->date;
  return tag_tokens(opt, text, toks, sentences, dct);
}

}  // namespace

std::vector<Timex> TimexTagger::tag_with_dateline(std::string_view text, std::string_view lowered,
                                                  const std::vector<Sentence>& sentences,
                                                  std::optional<Dateline>* dateline) const {
  std::string arena;
  const std::vector<Tok> toks = tokenize(text, lowered, &arena);
  return tag_with_dateline_tokens(impl_->opt, text, lowered, arena, toks, sentences, dateline);
}

std::vector<Timex> TimexTagger::tag_with_dateline(std::string_view text, std::string_view lowered,
                                                  const TokenizedText& tokenized,
                                                  std::optional<Dateline>* dateline) const {
  std::string arena;
  const std::vector<Tok> toks = tokenize(text, lowered, &arena, &tokenized.tokens);
  return tag_with_dateline_tokens(impl_->opt, text, lowered, arena, toks, tokenized.sentences,
                                  dateline);
}

}  // namespace liptako
