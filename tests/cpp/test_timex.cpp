// Table-driven tests of the TIMEX3 tagger: text, DCT, expected timexes.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <string>
#include <vector>

#include "liptako/segmenter.h"
#include "liptako/text.h"
#include "liptako/timex.h"
#include "random_text.h"
#include "timex_testing.h"

namespace liptako {
namespace {

struct Exp {
  std::string text, type, value, anchor;
};

struct Case {
  std::string name;
  std::string text;
  std::optional<CalendarDate> dct;
  std::vector<Exp> expected;  // every expected timex must be found (text, type, value, anchor)
  std::vector<std::string> absent;  // substrings that must not be (part of) any timex
};

CalendarDate D(int y, int m, int d) { return CalendarDate{y, m, d}; }

// One sentence per '.'-terminated chunk: enough for the tense window.
std::vector<Sentence> sentences(const std::string& t) {
  std::vector<Sentence> s;
  uint32_t b = 0;
  for (size_t i = 0; i + 1 < t.size(); ++i)
    if (t[i] == '.' && t[i + 1] == ' ') {
      s.push_back({b, static_cast<uint32_t>(i + 1)});
      b = static_cast<uint32_t>(i + 1);
    }
  s.push_back({b, static_cast<uint32_t>(t.size())});
  return s;
}

std::vector<Timex> run(const std::string& text, const std::optional<CalendarDate>& dct,
                       TimexOptions o = {}) {
  TimexTagger tagger(o);
  return tagger.tag(text, sentences(text), dct);
}

const auto kDct = D(2023, 9, 18);  // a Monday

const std::vector<Case>& cases() {
  static const std::vector<Case> c = {
      // narrative reference time (anaphora follow the last explicit date, not the DCT)
      {"anaphor_that_year", "He moved to Florida in June 1998 and returned later that year.", kDct,
       {{"June 1998", "DATE", "1998-06", "absolute"},
        {"later that year", "DATE", "1998", "absolute"}}, {}},
      {"anaphor_earlier_that_day", "He was shot on Oct. 23, 1998. Earlier that day, he had called.",
       kDct, {{"Earlier that day", "DATE", "1998-10-23", "absolute"}}, {}},
      {"anaphor_next_day", "The court met on March 3, 2020. The next day it adjourned.", kDct,
       {{"The next day", "DATE", "2020-03-04", "absolute"}}, {}},
      {"anaphor_following_month", "It opened in May 2001 and closed the following month.", kDct,
       {{"the following month", "DATE", "2001-06", "absolute"}}, {}},
      {"end_of_the_month",
       "Talks should end by the end of the month. He was jailed on May 4, 2001 and freed at the "
       "start of the week. Work at the start of the month.", kDct,
       {{"the end of the month", "DATE", "2023-09", "dct"},
        {"the start of the week", "DATE", "2001-W18", "absolute"},
        {"the start of the month", "DATE", "2001-05", "absolute"}}, {}},
      {"end_of_the_month_no_reference", "Pay rises at the end of the month.", std::nullopt, {},
       {"month"}},
      {"earlier_counts_from_reference",
       "The mill was sold in 2015. A year earlier it had closed. The dam broke on May 4, 2001; "
       "two weeks earlier engineers had warned.", kDct,
       {{"A year earlier", "DATE", "2014", "absolute"},
        {"two weeks earlier", "DATE", "2001-W16", "absolute"}}, {}},
      {"earlier_without_reference_counts_from_dct", "A year earlier, the mill was idle.", kDct,
       {{"A year earlier", "DATE", "2022", "dct"}}, {}},
      {"anaphor_dct_default", "That same day, the minister resigned.", kDct,
       {{"That same day", "DATE", "2023-09-18", "dct"}}, {}},
      {"anaphor_no_reference", "That year was hard.", std::nullopt, {}, {"That year"}},
      // holidays
      {"holiday_christmas", "Troops will be home by Christmas.", kDct,
       {{"Christmas", "DATE", "2023-12-25", "dct"}}, {}},
      // a comparison with what was expected is no future: the nearest Christmas
      {"holiday_after_better_than_expected", "The retailer reported better-than-expected "
       "Christmas sales, as expected.", D(2024, 1, 30),
       {{"Christmas", "DATE", "2023-12-25", "dct"}}, {}},
      // a future cue further back in the sentence than the nearest words: ahead
      {"month_after_a_distant_future_cue", "Kessa said he expected Dalia to join before the "
       "alliance's summit in Vilnius in July. Talks ended in September.", D(2023, 4, 4),
       {{"July", "DATE", "2023-07", "dct"}, {"September", "DATE", "2022-09", "dct"}}, {}},
      // inside an appositive noun phrase only its own words are cues: not "called"
      {"date_inside_an_appositive", "Kessa, the candidate in the November 5 election, called the "
       "trial rigged. Dalia called the November 9 vote rigged.", D(2024, 5, 30),
       {{"November 5", "DATE", "2024-11-05", "dct"}, {"November 9", "DATE", "2023-11-09", "dct"}}, {}},
      // a span that runs until a day is ahead whatever the verb's tense; an "Until"
      // opening the sentence bounds a past state
      {"until_after_a_pluperfect", "The ministry had suspended classes until Monday. Until "
       "Thursday, they had not called him a suspect.", D(2024, 10, 18),
       {{"Monday", "DATE", "2024-10-21", "dct"}, {"Thursday", "DATE", "2024-10-17", "dct"}}, {}},
      // a relative clause after the expression holds no cue of its own
      {"relative_clause_after_a_weekday", "Mali announced a new security pact on Wednesday under which Chad "
       "will build roads.", D(2021, 9, 16), {{"Wednesday", "DATE", "2021-09-15", "dct"}}, {}},
      // between a reporting verb and its "that", the date is the report's: not "would"'s;
      // but after a future cue the report itself is ahead
      // inside a relative clause between commas, only the clause's words are cues: not the
      // "would" after it
      {"date_inside_a_relative_clause", "Fighting in Valdora, where the rebels attacked police "
       "posts in November, would continue. The army, which shelled Tarn in June, will return.",
       D(2024, 1, 12),
       {{"November", "DATE", "2023-11", "dct"}, {"June", "DATE", "2023-06", "dct"}}, {}},
      {"date_of_a_report_before_that", "The juntas announced in a joint statement on January 28 that "
       "they would leave the bloc. Dalia said it would announce on January 30 that it would go.",
       D(2024, 2, 24),
       {{"January 28", "DATE", "2024-01-28", "dct"}, {"January 30", "DATE", "2025-01-30", "dct"}}, {}},
      // a match's half is no year's
      {"half_of_a_match", "Kessa scored a first-half header and a second-half penalty. "
       "First-half profit rose.", D(2024, 2, 11),
       {{"First-half", "DATE", "2024-H1", "dct"}}, {"first-half", "second-half"}},
      {"season_naming_a_thing", "Los Angeles will host the next Summer Olympics. The Winter "
       "Palace stood. Crops grew last summer.", kDct,
       {{"last summer", "DATE", "2023-SU", "dct"}}, {"Summer", "Winter"}},
      {"holiday_thanksgiving_last", "They met last Thanksgiving.", kDct,
       {{"last Thanksgiving", "DATE", "2022-11-24", "dct"}}, {}},
      {"holiday_new_year_year", "It starts on New Year's Day 2024.", kDct,
       {{"New Year's Day 2024", "DATE", "2024-01-01", "absolute"}}, {}},
      {"holiday_easter", "Easter 2024 falls early.", std::nullopt,
       {{"Easter 2024", "DATE", "2024-03-31", "absolute"}}, {}},
      {"holiday_week", "Stores will stay open during Christmas week. Traffic was heavy over "
       "Thanksgiving weekend.", kDct,
       {{"Christmas week", "DATE", "2023-W52", "dct"},
        {"Thanksgiving weekend", "DATE", "2022-W47-WE", "dct"}}, {}},
      {"holiday_week_year", "Crowds marched in Easter week 2024. Shops close in Christmas week.",
       std::nullopt,
       {{"Easter week 2024", "DATE", "2024-W13", "absolute"},
        {"Christmas week", "DATE", "XXXX-WXX", "none"}}, {}},
      {"holiday_around_easter",
       "Pilgrims came on Good Friday 2024, Palm Sunday 2024 and Ash Wednesday 2024; shops "
       "shut on Easter Monday 2024.",
       std::nullopt,
       {{"Good Friday 2024", "DATE", "2024-03-29", "absolute"},
        {"Palm Sunday 2024", "DATE", "2024-03-24", "absolute"},
        {"Ash Wednesday 2024", "DATE", "2024-02-14", "absolute"},
        {"Easter Monday 2024", "DATE", "2024-04-01", "absolute"}}, {}},
      {"holiday_after_thanksgiving", "Sales soared on Black Friday 2023 and Cyber Monday 2023.",
       std::nullopt,
       {{"Black Friday 2023", "DATE", "2023-11-24", "absolute"},
        {"Cyber Monday 2023", "DATE", "2023-11-27", "absolute"}}, {}},
      {"named_day_is_no_weekday",
       "She stayed in the race through Super Tuesday. They marked Bloody Sunday.", kDct, {},
       {"Tuesday", "Sunday"}},
      // quarterly-results conventions
      {"year_ago_follows_named_quarter",
       "Net income in the second quarter rose to $5 million, or 10 cents a share. "
       "Revenue was $40 million, up from $30 million a year earlier.", kDct,
       {{"the second quarter", "DATE", "2023-Q2", "dct"},
        {"a year earlier", "DATE", "2022-Q2", "dct"}}, {}},
      // the document's first "quarter" token found whatever its case, after a "q" inside
      // a word ("Headquartered") and one before a word of its own ("Qatar")
      {"year_ago_follows_named_quarter_capitalised",
       "Headquartered in Qatar, it said net income in the Second Quarter rose to $5 million, or "
       "10 cents a share. Revenue was $40 million, up from $30 million a year earlier.", kDct,
       {{"the Second Quarter", "DATE", "2023-Q2", "dct"},
        {"a year earlier", "DATE", "2022-Q2", "dct"}}, {}},
      {"year_ago_follows_named_quarter_upper",
       "Quite a QUARTER: net income rose to $5 million, or 10 cents a share. "
       "Revenue was $40 million, up from $30 million a year earlier.", kDct,
       {{"a year earlier", "DATE", "2022-Q2", "dct"}}, {}},
      {"the_quarter_follows_named_quarter",
       "Third-quarter profit fell. Sales in the quarter were flat.", kDct,
       {{"Third-quarter", "DATE", "2023-Q3", "dct"}, {"the quarter", "DATE", "2023-Q3", "dct"}},
       {}},
      {"next_years_quarter", "It could take effect in next year's first quarter.", kDct,
       {{"next year's first quarter", "DATE", "2024-Q1", "dct"}}, {}},
      {"fiscal_year_ended", "Revenue for the year ended June 30 was $2 million.", kDct,
       {{"the year", "DURATION", "P1Y", "absolute"}}, {}},
      {"full_year", "It forecast a gain for the full year.", kDct,
       {{"the full year", "DATE", "2023", "dct"}}, {}},
      {"absolute_formats",
       "It began on September 18, 2023 and on 18 September 2023, ended 2023-09-18.",
       std::nullopt,
       {{"September 18, 2023", "DATE", "2023-09-18", "absolute"},
        {"18 September 2023", "DATE", "2023-09-18", "absolute"},
        {"2023-09-18", "DATE", "2023-09-18", "absolute"}},
       {}},
      {"numeric_unambiguous", "Filed 18/09/2023.", std::nullopt,
       {{"18/09/2023", "DATE", "2023-09-18", "absolute"}}, {}},
      {"numeric_month_first", "Filed 03/04/2023.", std::nullopt,
       {{"03/04/2023", "DATE", "2023-03-04", "absolute"}}, {}},
      {"abbrev_month_dct", "The deal closed Sept. 18.", kDct,
       {{"Sept. 18", "DATE", "2023-09-18", "dct"}}, {}},
      {"abbrev_month_no_dct", "The deal closed Sept. 18.", std::nullopt,
       {{"Sept. 18", "DATE", "XXXX-09-18", "none"}}, {}},
      {"mid_year", "Elections are planned for mid-2022.", std::nullopt,
       {{"mid-2022", "DATE", "2022", "absolute"}}, {}},
      {"decade", "Violence rose in the 1990s.", std::nullopt,
       {{"the 1990s", "DATE", "199", "absolute"}}, {}},
      {"unit_of_deictic_year",
       "The bill passed in the spring of last year. Sales rose in the third quarter of last "
       "year and will rise in the first quarter of fiscal 2025. Talks resume in summer next "
       "year.", kDct,
       {{"the spring of last year", "DATE", "2022-SP", "dct"},
        {"the third quarter of last year", "DATE", "2022-Q3", "dct"},
        {"the first quarter of fiscal 2025", "DATE", "2025-Q1", "absolute"},
        {"summer next year", "DATE", "2024-SU", "dct"}}, {}},
      {"last_month_day",
       "The doctor was shot last Sept. 20. The plant closed last Sept. 1. It reopens next "
       "Sept. 1 and next Oct. 3.", kDct,
       {{"last Sept. 20", "DATE", "2022-09-20", "dct"},
        {"last Sept. 1", "DATE", "2023-09-01", "dct"},
        {"next Sept. 1", "DATE", "2024-09-01", "dct"},
        {"next Oct. 3", "DATE", "2023-10-03", "dct"}}, {}},
      {"hundreds_are_centuries",
       "The mill was built in the 1800s and rebuilt in the early 1900s. Prices rose in the 2000s.",
       std::nullopt,
       {{"the 1800s", "DATE", "18", "absolute"},
        {"the early 1900s", "DATE", "19", "absolute"},
        {"the 2000s", "DATE", "200", "absolute"}}, {}},
      {"march_3_2019", "He was born on March 3, 2019.", std::nullopt,
       {{"March 3, 2019", "DATE", "2019-03-03", "absolute"}}, {}},
      {"weekday_past", "The agreement was signed on Saturday.", kDct,
       {{"Saturday", "DATE", "2023-09-16", "dct"}}, {}},
      {"weekday_future", "The leaders will meet on Thursday.", kDct,
       {{"Thursday", "DATE", "2023-09-21", "dct"}}, {}},
      {"weekday_due_to", "The council is due to meet Wednesday.", kDct,
       {{"Wednesday", "DATE", "2023-09-20", "dct"}}, {}},
      {"weekday_no_dct", "The agreement, signed on Saturday, is designed to help.", std::nullopt,
       {{"Saturday", "DATE", "XXXX-WXX-6", "none"}}, {}},
      {"relative_days", "Yesterday he spoke. Last night rebels attacked.", kDct,
       {{"Yesterday", "DATE", "2023-09-17", "dct"}, {"Last night", "TIME", "2023-09-17TNI", "dct"}},
       {}},
      {"relative_units",
       "It happened late last month, two years ago and earlier this year; more next week.", kDct,
       {{"late last month", "DATE", "2023-08", "dct"},
        {"two years ago", "DATE", "2021", "dct"},
        {"earlier this year", "DATE", "2023", "dct"},
        {"next week", "DATE", "2023-W39", "dct"}},
       {}},
      {"month_past", "The junta took power in July.", kDct,
       {{"July", "DATE", "2023-07", "dct"}}, {}},
      {"month_future", "The summit will take place in July.", kDct,
       {{"July", "DATE", "2024-07", "dct"}}, {}},
      {"month_no_dct", "The junta took power in July.", std::nullopt,
       {{"July", "DATE", "XXXX-07", "none"}}, {}},
      {"years_context", "Mali has been ruled by the army since 2020; the 2017 election and in 2017.",
       std::nullopt,
       {{"2020", "DATE", "2020", "absolute"}, {"2017", "DATE", "2017", "absolute"}}, {}},
      {"times", "The blast came at 12:20, and the second at 3 p.m. local time.", kDct,
       {{"12:20", "TIME", "2023-09-18T12:20", "dct"},
        {"3 p.m. local time", "TIME", "2023-09-18T15:00", "dct"}},
       {}},
      {"durations", "Talks lasted less than two months; they have fought for years, a decade.",
       std::nullopt,
       {{"less than two months", "DURATION", "P2M", "absolute"},
        {"years", "DURATION", "PXY", "absolute"},
        {"a decade", "DURATION", "P10Y", "absolute"}},
       {}},
      {"sets", "They meet every week and publish daily.", std::nullopt,
       {{"every week", "SET", "P1W", "absolute"}, {"daily", "SET", "P1D", "absolute"}}, {}},
      {"refs", "It is now calm; troops recently left and are currently in camps.", kDct,
       {{"now", "DATE", "PRESENT_REF", "dct"},
        {"recently", "DATE", "PAST_REF", "dct"},
        {"currently", "DATE", "PRESENT_REF", "dct"}},
       {}},
      {"today_dct", "The council met today.", kDct, {{"today", "DATE", "2023-09-18", "dct"}}, {}},
      {"today_no_dct", "The council met today.", std::nullopt,
       {{"today", "DATE", "PRESENT_REF", "none"}}, {}},
      {"season_quarter", "Profit rose in the third quarter of 2023 and in summer 2023.",
       std::nullopt,
       {{"the third quarter of 2023", "DATE", "2023-Q3", "absolute"},
        {"summer 2023", "DATE", "2023-SU", "absolute"}},
       {}},
      {"week_iso", "It happened last week.", D(2013, 3, 20),
       {{"last week", "DATE", "2013-W11", "dct"}}, {}},
      {"false_positive_may_march",
       "May said she may go. Protesters march on Sundays. They sat down. June Carter sang.",
       kDct, {}, {"May", "may", "march", "sat", "June"}},
      {"false_positive_quantities",
       "Some 2000 troops and 2,000 soldiers, 1,100 people. The 49ers won 24-17. Call 555-1234.",
       kDct, {}, {"2000", "2,000", "1,100", "49ers", "24-17", "555-1234"}},
      {"invalid_dates", "February 30, 2023 never happened.", std::nullopt, {},
       {"February 30"}},
      {"weekday_date_colon", "The Times said in an editorial on Saturday, Sept. 23: The court.",
       kDct, {{"Saturday, Sept. 23", "DATE", "2023-09-23", "dct"}}, {}},
      {"time_colon_not_day", "It ended at 18:30 today.", kDct,
       {{"18:30 today", "TIME", "2023-09-18T18:30", "dct"}}, {}},
      {"time_zone_between_brackets",
       "The truce took effect at 6 a.m. local time (0400 GMT) on Saturday.", kDct,
       {{"6 a.m. local time", "TIME", "2023-09-16T06:00", "dct"},
        {"0400 GMT", "TIME", "2023-09-16T04:00", "dct"},
        {"Saturday", "DATE", "2023-09-16", "dct"}},
       {}},
      // tense cues (kDct is a Monday)
      {"tense_pluperfect", "The offer had been due to expire Friday.", kDct,
       {{"Friday", "DATE", "2023-09-15", "dct"}}, {}},
      {"tense_due_to", "The offer is due to expire Friday.", kDct,
       {{"Friday", "DATE", "2023-09-22", "dct"}}, {}},
      {"tense_next_to", "A bomb ripped through a building next to the embassy Friday.", kDct,
       {{"Friday", "DATE", "2023-09-15", "dct"}}, {}},
      {"tense_future_in_past", "Protesters were planning to march on Saturday.", kDct,
       {{"Saturday", "DATE", "2023-09-23", "dct"}}, {}},
      {"tense_since", "The carrier has been on patrol since March and was scheduled to return.",
       kDct, {{"March", "DATE", "2023-03", "dct"}}, {}},
      {"tense_passive_infinitive", "The summit will be held on April 24.", D(2023, 2, 10),
       {{"April 24", "DATE", "2023-04-24", "dct"}}, {}},
      {"tense_payable_effective", "The dividend is payable Jan. 2. The pact is effective June 1.",
       D(2023, 11, 2),
       {{"Jan. 2", "DATE", "2024-01-02", "dct"}, {"June 1", "DATE", "2024-06-01", "dct"}}, {}},
      // a span's start, named after a past verb, is still ahead of the report
      {"tense_starting_on", "The rebels declared a truce starting on Sunday.", kDct,
       {{"Sunday", "DATE", "2023-09-24", "dct"}}, {}},
      {"tense_beginning", "The council imposed a curfew beginning Friday.", kDct,
       {{"Friday", "DATE", "2023-09-22", "dct"}}, {}},
      {"tense_un_ed_adjective", "Holders will get it on an unspecified date in January.",
       D(2023, 11, 2), {{"January", "DATE", "2024-01", "dct"}}, {}},
      {"tense_plan_noun", "The thrift announced the plan Aug. 21.", D(2023, 10, 27),
       {{"Aug. 21", "DATE", "2023-08-21", "dct"}}, {}},
      {"tense_reporting_verb_with_object",
       "The report is expected to show employers added 180,000 jobs in January.",
       D(2024, 3, 1), {{"January", "DATE", "2024-01", "dct"}}, {}},
      {"tense_would_after_a_report",
       "The group said talks with the union would begin in January. He said he would have "
       "resigned in March.",
       D(2024, 10, 16),
       {{"January", "DATE", "2025-01", "dct"}, {"March", "DATE", "2024-03", "dct"}}, {}},
      {"cue_of_the_next_conjunct",
       "They formed the alliance in September and plan to meet in July. The talks begin in "
       "May and will end there.",
       D(2024, 2, 25),
       {{"September", "DATE", "2023-09", "dct"}, {"July", "DATE", "2024-07", "dct"},
        {"May", "DATE", "2024-05", "dct"}}, {}},
      {"past_cue_near_date_across_the_year_end",
       "He ruled for years and now seeks a term in the Jan. 7 vote. The pact was signed on "
       "Nov. 15. It started on March 3.",
       D(2023, 12, 4),
       {{"Jan. 7", "DATE", "2024-01-07", "dct"}, {"Nov. 15", "DATE", "2023-11-15", "dct"},
        {"March 3", "DATE", "2023-03-03", "dct"}}, {}},
      {"deadline_with_a_future_cue",
       "It calls for the force's withdrawal to be completed by Dec. 31.", D(2023, 6, 30),
       {{"Dec. 31", "DATE", "2023-12-31", "dct"}}, {}},
      {"deadline_after_a_past_verb", "It agreed to provide loans through January.",
       D(2023, 10, 30), {{"January", "DATE", "2024-01", "dct"}}, {}},
      {"deadline_nearest_year",
       "Funds rose this year through August. It must repay it by February.",
       D(2023, 10, 27),
       {{"August", "DATE", "2023-08", "dct"}, {"February", "DATE", "2024-02", "dct"}}, {}},
      {"soon", "He will soon move. He was soon released. He died soon after the attack.", kDct,
       {{"soon", "DATE", "FUTURE_REF", "dct"}}, {"soon released", "soon after"}},
      // years and centuries in words
      {"spelled_years",
       "In nineteen ninety-one he was convicted. January nineteen ninety-seven. The winter of "
       "nineteen ninety-four. By the year two thousand it ended. Nineteen oh five.",
       kDct,
       {{"nineteen ninety-one", "DATE", "1991", "absolute"},
        {"January nineteen ninety-seven", "DATE", "1997-01", "absolute"},
        {"The winter of nineteen ninety-four", "DATE", "1994-WI", "absolute"},
        {"the year two thousand", "DATE", "2000", "absolute"},
        {"Nineteen oh five", "DATE", "1905", "absolute"}},
       {}},
      {"spelled_years_not_counts", "Some twenty five people and two thousand troops came.", kDct,
       {}, {"twenty five", "two thousand"}},
      {"centuries",
       "The 20th century ended; an 11th century temple; the twenty-first century; "
       "19th-century art.",
       kDct,
       {{"The 20th century", "DATE", "19", "absolute"},
        {"11th century", "DATE", "10", "absolute"},
        {"the twenty-first century", "DATE", "20", "absolute"},
        {"19th-century", "DATE", "18", "absolute"}},
       {}},
      {"centuries_not_anniversaries", "It marked the 20th anniversary.", kDct, {}, {"20th"}},
      {"decade_words", "Numbers dropped through the nineties.", kDct,
       {{"the nineties", "DATE", "199", "absolute"}}, {}},
      // durations
      {"ages_not_durations", "Mr. Smith, 52 years old, resigned. He worked there for 40 years.",
       kDct, {{"40 years", "DURATION", "P40Y", "absolute"}}, {"52 years"}},
      {"recent_units", "Kidnappings rose in recent years and in recent quarters.", kDct,
       {{"recent years", "DURATION", "PXY", "absolute"},
        {"recent quarters", "DURATION", "PXQ", "absolute"}},
       {}},
      {"quarter_durations", "Losses in the past two quarters after several quarters of gains.",
       kDct,
       {{"the past two quarters", "DURATION", "P2Q", "absolute"},
        {"several quarters", "DURATION", "PXQ", "absolute"}},
       {}},
      {"quarter_set", "It pays every quarter.", kDct, {{"every quarter", "SET", "P1Q", "absolute"}},
       {}},
      {"half_years", "They lived in camps for 2 1/2 years.", kDct,
       {{"2 1/2 years", "DURATION", "P2Y6M", "absolute"}}, {}},
      // parts of day: TimeBank gives the evening a suffix, not the morning or a weekday night
      {"evening_suffix",
       "He spoke Friday evening. He left Friday morning. He called yesterday evening.",
       kDct,
       {{"Friday evening", "TIME", "2023-09-15TEV", "dct"},
        {"Friday morning", "DATE", "2023-09-15", "dct"},
        {"yesterday evening", "TIME", "2023-09-17TEV", "dct"}},
       {}},
      // calendar units next to the DCT
      {"the_past_year",
       "Groups grew over the past year. Plants will close over the next year or so.",
       kDct,
       {{"the past year", "DATE", "2022", "dct"}, {"the next year or so", "DATE", "2024", "dct"}}, {}},
      {"the_past_decade_duration", "Things changed over the past decade.", kDct,
       {{"the past decade", "DURATION", "P10Y", "absolute"}}, {}},
      {"in_the_past", "In the past it considered a bid. Prices rose in the past two years.", kDct,
       {{"the past", "DATE", "PAST_REF", "dct"},
        {"the past two years", "DURATION", "P2Y", "absolute"}},
       {}},
      {"current_fiscal_year", "Sales in the current fiscal year rose.", kDct,
       {{"the current fiscal year", "DATE", "2023", "dct"}}, {}},
      {"coming_units", "Rates may fall in coming weeks and in the months ahead.", kDct,
       {{"coming weeks", "DURATION", "PXW", "absolute"},
        {"the months ahead", "DURATION", "PXM", "absolute"}},
       {}},
      {"future_refs", "It will sell in the near future, not in the short term, at a later date.",
       kDct,
       {{"the near future", "DATE", "FUTURE_REF", "dct"},
        {"the short term", "DATE", "FUTURE_REF", "dct"},
        {"a later date", "DATE", "FUTURE_REF", "dct"}},
       {}},
      {"year_end", "It should close by year-end. Prices rose since year end.", kDct,
       {{"year-end", "DATE", "2023", "dct"}, {"year end", "DATE", "2022", "dct"}}, {}},
      {"bare_season", "Over the summer, rivals cut prices. Sales will rise in the spring.", kDct,
       {{"the summer", "DATE", "2023-SU", "dct"}, {"the spring", "DATE", "2024-SP", "dct"}},
       {}},
      {"bare_season_not_fall", "After the fall of the wall, the fall in prices hurt.", kDct, {},
       {"fall"}},
      {"set_month", "Orangemen march each July; the fair opens every September.", kDct,
       {{"each July", "SET", "XXXX-07", "absolute"},
        {"every September", "SET", "XXXX-09", "absolute"}},
       {}},
      {"month_after_stated_year", "Voss lost the August 9, 2021 election and the court upheld "
       "the result in early September. The plant opened in 2017 and closed in May. The pact "
       "of March 3, 2021 replaced one signed in January.", kDct,
       {{"August 9, 2021", "DATE", "2021-08-09", "absolute"},
        {"early September", "DATE", "2021-09", "absolute"},
        {"2017", "DATE", "2017", "absolute"},
        {"May", "DATE", "2017-05", "absolute"},
        {"March 3, 2021", "DATE", "2021-03-03", "absolute"},
        {"January", "DATE", "2023-01", "dct"}},
       {}},
      // "expect", "forecast", "predict" look ahead
      {"expect_is_future", "Analysts expect growth to slow in the fourth quarter.", kDct,
       {{"the fourth quarter", "DATE", "2023-Q4", "dct"}}, {}},
      // a year after "since" starts a span that runs to the DCT: no later month is its
      {"month_after_since_year", "Voss has ruled since 2009 and won a fourth term in a January "
       "election.", kDct,
       {{"2009", "DATE", "2009", "absolute"}, {"January", "DATE", "2023-01", "dct"}},
       {}},
      // a year inside a relative clause between commas that closed sets no year for later
      {"year_in_closed_relative", "Voss, who took power in 2019 after a coup, was elected in May.",
       kDct, {{"2019", "DATE", "2019", "absolute"}, {"May", "DATE", "2023-05", "dct"}}, {}},
      {"postpone_np_until", "Voss tried in June to postpone the election until March.", kDct,
       {{"June", "DATE", "2023-06", "dct"}, {"March", "DATE", "2024-03", "dct"}}, {}},
      {"postponed_to", "The vote, set for Sept. 1, was postponed to Aug. 15; the trial was "
       "adjourned until January.", kDct,
       {{"Sept. 1", "DATE", "2023-09-01", "dct"},
        {"Aug. 15", "DATE", "2024-08-15", "dct"},
        {"January", "DATE", "2024-01", "dct"}},
       {}},
      // a past deed right before the preposition: the month or day behind, however near ahead
      {"past_deed_no_slack", "Voss resigned in November; Kone was killed on Oct. 5; a vote was "
       "expected in October.", kDct,
       {{"November", "DATE", "2022-11", "dct"},
        {"Oct. 5", "DATE", "2022-10-05", "dct"},
        {"October", "DATE", "2023-10", "dct"}},
       {}},
      // and one with its object between ("an ECOWAS mission visited Bissau in February"),
      // not a verb of expecting nor one followed by "to"
      {"past_deed_object", "A mission visited Kessa Town in November; they signed the pact on "
       "Oct. 5; Voss planned to travel to Dori in October.", kDct,
       {{"November", "DATE", "2022-11", "dct"},
        {"Oct. 5", "DATE", "2022-10-05", "dct"},
        {"October", "DATE", "2023-10", "dct"}},
       {}},
      // (or a particle of the verb: "the plan she had struck down in November")
      {"past_deed_particle", "The judge rejected the plan she had struck down in November.", kDct,
       {{"November", "DATE", "2022-11", "dct"}}, {}},
      // a day set for what was to come: the nearest year, whatever the verb's tense
      {"fixed_for", "The president dissolved parliament, setting the election for Feb. 23.",
       kDct, {{"Feb. 23", "DATE", "2024-02-23", "dct"}}, {}},
      {"set_weekday_list", "Rallies follow every Tuesday and Thursday, each Monday, Wednesday "
       "and Friday; they met Monday and Tuesday.", kDct,
       {{"every Tuesday", "SET", "XXXX-WXX-2", "absolute"},
        {"Thursday", "SET", "XXXX-WXX-4", "absolute"},
        {"each Monday", "SET", "XXXX-WXX-1", "absolute"},
        {"Wednesday", "SET", "XXXX-WXX-3", "absolute"},
        {"Friday", "SET", "XXXX-WXX-5", "absolute"},
        {"Monday", "DATE", "2023-09-18", "dct"},
        {"Tuesday", "DATE", "2023-09-12", "dct"}},
       {}},
      {"set_weekday_part", "Flights leave on Tuesday nights and Monday mornings.", kDct,
       {{"Tuesday nights", "SET", "XXXX-WXX-2TNI", "absolute"},
        {"Monday mornings", "SET", "XXXX-WXX-1TMO", "absolute"}},
       {}},
      // financial reports
      {"year_earlier_adjective",
       "Profit fell in the third quarter, compared with a year-earlier loss.",
       D(2023, 10, 26),
       {{"the third quarter", "DATE", "2023-Q3", "dct"},
        {"year-earlier", "DATE", "2022-Q3", "dct"}},
       {}},
      {"last_half_of_year", "Earnings for the last half of 2023 fell. The last quarter was weak.",
       D(2023, 10, 26),
       {{"the last half of 2023", "DATE", "2023-H2", "absolute"},
        {"The last quarter", "DATE", "2023-Q3", "dct"}},
       {}},
      // weak start words ("the", "a", "more", "at" ...) begin a timex only before the
      // tokens their grammar allows (the second stage of the start filter)
      {"weak_start_the_nineties", "Prices rose in the nineties and in the near future.", kDct,
       {{"the nineties", "DATE", "199", "absolute"},
        {"the near future", "DATE", "FUTURE_REF", "dct"}}, {}},
      {"weak_start_approximators",
       "It opened more than a year ago and closed at least two weeks later, up to 3 days.", kDct,
       {{"more than a year ago", "DATE", "2022", "dct"},
        {"at least two weeks", "DURATION", "P2W", "absolute"},
        {"up to 3 days", "DURATION", "P3D", "absolute"}}, {}},
      // "last" after a word that is no determiner or preposition is the verb: the duration
      // is its object
      {"last_as_verb",
       "The truce would last three days and the duties last five years, the longest in the "
       "last two decades.",
       kDct,
       {{"three days", "DURATION", "P3D", "absolute"},
        {"five years", "DURATION", "P5Y", "absolute"},
        {"the last two decades", "DURATION", "P20Y", "absolute"}}, {}},
      {"weak_start_article_hyphen", "A two-year plan, a-year-long wait, the 1990s.", kDct,
       {{"two-year", "DURATION", "P2Y", "absolute"},
        {"the 1990s", "DATE", "199", "absolute"}}, {}},
      // the apostrophe begins a timex only before a number ("'90s"), not as a possessive
      {"apostrophe_start", "Mali's army grew in the '90s, the rebels' '05 push and O'Brien's 12 days.",
       kDct,
       {{"the '90s", "DATE", "199", "absolute"}, {"12 days", "DURATION", "P12D", "absolute"}},
       {"Mali", "rebels", "Brien"}},
      {"forecast_quarter_not_reference",
       "Third-quarter profit fell. Losses continue through the third quarter of 2024. In the "
       "year-ago period, it earned $101.4 million.",
       D(2023, 10, 26), {{"the year-ago period", "DATE", "2022-Q3", "dct"}}, {}},
      // extents leave out possessives, focus adverbs and the article of a hyphenated adjective
      {"extent_possessive_focus_adverb",
       "The firm posted a third-quarter loss for its second quarter and waited only five hours "
       "for the 30-day rate.",
       D(2023, 10, 26),
       {{"third-quarter", "DATE", "2023-Q3", "dct"},
        {"second quarter", "DATE", "2023-Q2", "dct"},
        {"five hours", "DURATION", "PT5H", "absolute"},
        {"30-day", "DURATION", "P30D", "absolute"}}, {}},
      {"anaphor_earlier_in_the_year",
       "Sales were hurt earlier in the year by floods. The mayor spoke later in the day.", kDct,
       {{"earlier in the year", "DATE", "2023", "dct"}}, {"later in the day"}},
      {"duration_more_additional_half",
       "They will stay two more weeks, for an additional year, after a minute and a half.", kDct,
       {{"two more weeks", "DURATION", "P2W", "absolute"},
        {"an additional year", "DURATION", "P1Y", "absolute"},
        {"a minute and a half", "DURATION", "PT1M30S", "absolute"}}, {}},
      {"fiscal_year_before_plural_noun", "Revenue topped fiscal 2021 sales of $9 million.", kDct,
       {{"fiscal 2021", "DATE", "2021", "absolute"}}, {}},
      {"the_early_season_and_decade",
       "Orders recovered from the lows of the early summer, as in the late 1980s.", kDct,
       {{"the early summer", "DATE", "2023-SU", "dct"},
        {"the late 1980s", "DATE", "198", "absolute"}}, {}},
      {"latest_fiscal_year", "The firm had sales of $2 billion in the latest fiscal year.", kDct,
       {{"the latest fiscal year", "DATE", "2022", "dct"}}, {}},
      {"mid_part_of_day",
       "Shares rose by mid-afternoon yesterday. By mid morning, the line was long. It was "
       "high noon for the party.",
       kDct,
       {{"mid-afternoon yesterday", "TIME", "2023-09-17TAF", "dct"},
        {"mid morning", "TIME", "2023-09-18TMO", "dct"}},
       {"noon for"}},
      {"paired_days", "The talks were held on April 24 and 25. It hired 40 and 25 people.", kDct,
       {{"April 24", "DATE", "2023-04-24", "dct"}, {"25", "DATE", "2023-04-25", "dct"}},
       {"25 people"}},
      {"previous_weekday_follows_story",
       "The index closed on Friday, Sept. 8, 2023, down 4% from the previous Friday. Trading "
       "resumes the following Monday.",
       kDct,
       {{"the previous Friday", "DATE", "2023-09-01", "absolute"},
        {"the following Monday", "DATE", "2023-09-11", "absolute"}}, {}},
      {"announced_plans_is_past",
       "In August, the company announced plans to sell its stake.", kDct,
       {{"August", "DATE", "2023-08", "dct"}}, {}},
      {"quarter_ended_fiscal",
       "The retailer earned $3 million in its fiscal first quarter. In the quarter ended July "
       "31, sales rose. The year-earlier nine months included a gain.",
       D(2023, 10, 26),
       {{"the quarter", "DATE", "2023-Q2", "dct"},
        {"The year-earlier nine months", "DURATION", "P9M", "absolute"}}, {}},
      {"couple_of_is_two",
       "Prices will not change for a couple of years, or over the next couple of months.", kDct,
       {{"a couple of years", "DURATION", "P2Y", "absolute"},
        {"the next couple of months", "DURATION", "P2M", "absolute"}}, {}},
      {"in_years_at_clause_end", "Sales grew for the first time in years. In years past, not.",
       kDct, {{"years", "DURATION", "PXY", "absolute"}}, {"years past"}},
      {"titles_not_dates",
       "He said on ABC's \"This Week\" that the paper USA Today was wrong this week.", kDct,
       {{"this week", "DATE", "2023-W38", "dct"}}, {"This Week", "Today"}},
      {"first_two_quarters_of_year",
       "Demand stays weak through the first two quarters of 2024, and English will one day be "
       "spoken there. The trial starts the week of Oct. 2.",
       kDct,
       {{"the first two quarters of 2024", "DATE", "2024-H1", "absolute"},
        {"one day", "DATE", "FUTURE_REF", "dct"},
        {"the week of Oct. 2", "DATE", "2023-W40", "dct"}}, {}},
      {"around_a_point_in_time",
       "The deal closes around Nov. 1 and the vote is around 7:15 p.m. They sought to get "
       "around Friday's ruling.",
       kDct,
       {{"around Nov. 1", "DATE", "2023-11-01", "dct"},
        {"around 7:15 p.m.", "TIME", "2023-09-18T19:15", "dct"},
        {"Friday", "DATE", "2023-09-15", "dct"}}, {}},
      {"possessive_weekday_names_its_own_day",
       "The offer, a 31% premium to Thursday's closing price, is expected to close next year. "
       "Crowds gathered ahead of Sunday's vote. Officials said Friday's talks will focus on "
       "trade. Police said Saturday's attack killed 12.",
       kDct,
       {{"Thursday", "DATE", "2023-09-14", "dct"},
        {"Sunday", "DATE", "2023-09-24", "dct"},
        {"Friday", "DATE", "2023-09-22", "dct"},
        {"Saturday", "DATE", "2023-09-16", "dct"}}, {}},
      {"overnight_is_the_night_before",
       "Missiles struck the grid overnight, killing two. Shares fell on overnight losses.", kDct,
       {{"overnight", "TIME", "2023-09-17TNI", "dct"}}, {"overnight losses"}},
      {"straight_and_consecutive_stretches",
       "Output grew for two straight years and fell for 3 consecutive months, the fourth "
       "straight month of losses.",
       kDct,
       {{"two straight years", "DURATION", "P2Y", "absolute"},
        {"3 consecutive months", "DURATION", "P3M", "absolute"}},
       {"fourth"}},
      {"possessive_weekday_keeps_the_storys_day",
       "Officers said on Monday they had seized power after Saturday's vote. The bloc "
       "suspended the country the following day.",
       kDct,
       {{"Saturday", "DATE", "2023-09-16", "dct"},
        {"the following day", "DATE", "2023-09-19", "absolute"}}, {}},
      {"ahead_of_and_could_look_ahead",
       "He is relaunching his term ahead of elections in March. A vote could take place "
       "as early as Friday. Neither of them could be located Thursday. Bush said on "
       "Wednesday that the ban might be extended.",
       kDct,
       {{"March", "DATE", "2024-03", "dct"},
        {"Friday", "DATE", "2023-09-22", "dct"},
        {"Thursday", "DATE", "2023-09-14", "dct"},
        {"Wednesday", "DATE", "2023-09-13", "dct"}}, {}},
      {"or_so_in_extent", "Plants will close over the next two years or so.", kDct,
       {{"the next two years or so", "DURATION", "P2Y", "absolute"}}, {}},
      {"then_current_and_vague_decades",
       "Holders may buy shares at the then current price, ending their decades-long feud.", kDct,
       {{"then current", "DATE", "PAST_REF", "dct"},
        {"decades-long", "DURATION", "PXY", "absolute"}}, {}},
      {"year_earlier_in_a_months_sentence",
       "Third-quarter profit rose to $5 million from $4 million a year earlier. In the first "
       "nine months, net rose to $20 million from $15 million a year ago.",
       D(2023, 10, 26),
       {{"a year earlier", "DATE", "2022-Q3", "dct"}, {"a year ago", "DATE", "2022", "dct"}},
       {}},
      {"weekday_pair_shares_part_of_day",
       "Flights leave on Monday and Wednesday nights, and on Friday or Saturday mornings.", kDct,
       {{"Monday", "SET", "XXXX-WXX-1TNI", "absolute"},
        {"Wednesday nights", "SET", "XXXX-WXX-3TNI", "absolute"},
        {"Friday", "SET", "XXXX-WXX-5TMO", "absolute"}}, {}},
      {"month_slack_wraps_year_end",
       "The dividend is payable in January to holders. Profit peaked in March.", D(2023, 11, 20),
       {{"January", "DATE", "2024-01", "dct"}, {"March", "DATE", "2023-03", "dct"}}, {}},
      {"attributive_risky_month",
       "It acts under a June agreement with holders. The May government fell.", kDct,
       {{"June", "DATE", "2023-06", "dct"}}, {"May government"}},
      {"attributive_month_after_an", "Voss won an August runoff; an august body met.",
       D(2024, 1, 15), {{"August", "DATE", "2023-08", "dct"}}, {}},
      {"month_after_for_year_after_post",
       "The job figures for January rose; post-1989 politics changed. Fans voted for May.",
       kDct,
       {{"January", "DATE", "2023-01", "dct"}, {"1989", "DATE", "1989", "absolute"}},
       {"May."}},
      {"anaphor_day_in_known_month",
       "The doctor was killed last October. His name was crossed out that same day.", kDct,
       {{"that same day", "DATE", "2022-10-XX", "absolute"}}, {}},
      {"the_years_vague_stretch",
       "Over the years many left; in the early years few did. In the weeks before the vote, "
       "in the days of the empire, it rained.",
       kDct,
       {{"the years", "DURATION", "PXY", "absolute"},
        {"the early years", "DURATION", "PXY", "absolute"}},
       {"weeks before", "days of"}},
      {"counted_rate_is_set",
       "The airline runs six flights a week. Clerks answer hundreds of calls a day. The plan "
       "saves $5 million a year. Sales rose 4% a year ago. Some 2019 models sold for a month.",
       kDct,
       {{"a week", "SET", "P1W", "absolute"}, {"a day", "SET", "P1D", "absolute"},
        {"a year ago", "DATE", "2022", "dct"}, {"a month", "DURATION", "P1M", "absolute"}},
       {"million a year"}},
      {"last_years_quarter",
       "Profit for the third quarter rose 5% to $3 million. Sales for last year's quarter were "
       "$2 million. Last year sales fell.",
       D(2023, 10, 20),
       {{"last year's quarter", "DATE", "2022-Q3", "dct"}, {"Last year", "DATE", "2022", "dct"}},
       {}},
      {"half_and_compound_durations",
       "The flight took an hour and 15 minutes, the drive 2 hours 30 minutes, the talks three "
       "years and two months. We waited half an hour for a half-hour show; it took half a dozen "
       "years, a decade and a half in all. It began half a century ago.",
       kDct,
       {{"an hour and 15 minutes", "DURATION", "PT1H15M", "absolute"},
        {"2 hours 30 minutes", "DURATION", "PT2H30M", "absolute"},
        {"three years and two months", "DURATION", "P3Y2M", "absolute"},
        {"half an hour", "DURATION", "PT30M", "absolute"},
        {"half-hour", "DURATION", "PT30M", "absolute"},
        {"half a dozen years", "DURATION", "P6Y", "absolute"},
        {"a decade and a half", "DURATION", "P15Y", "absolute"},
        {"half a century ago", "DATE", "1973", "dct"}},
       {}},
      {"compound_then_ago", "It closed two years and six months ago.", kDct,
       {{"six months ago", "DATE", "2023-03", "dct"}}, {}},
      {"habitual_sets",
       "The shop is closed on Mondays and opens on weekends. On Sundays he runs every morning "
       "and reads each night; they meet each weekend. He loves Manic Mondays.",
       kDct,
       {{"Mondays", "SET", "XXXX-WXX-1", "absolute"},
        {"weekends", "SET", "XXXX-WXX-WE", "absolute"},
        {"Sundays", "SET", "XXXX-WXX-7", "absolute"},
        {"every morning", "SET", "XXXX-XX-XXTMO", "absolute"},
        {"each night", "SET", "XXXX-XX-XXTNI", "absolute"},
        {"each weekend", "SET", "XXXX-WXX-WE", "absolute"}},
       {"Mondays."}},
      {"decimal_half_durations",
       "It lasted 1.5 years and then 2.5 hours. Sales rose 1.5 percent; version 3.1.5 days.",
       kDct,
       {{"1.5 years", "DURATION", "P1Y6M", "absolute"},
        {"2.5 hours", "DURATION", "PT2H30M", "absolute"}},
       {"1.5 percent", "5 days"}},
      {"duration_of_pay_is_money",
       "He gets a bonus equal to six months of base pay. She got two weeks' salary. It took "
       "six months of talks.",
       kDct, {{"six months", "DURATION", "P6M", "absolute"}}, {"six months of base", "two weeks"}},
      {"now_discourse_marker",
       "The plan failed. Now, he says, it looks different. Prices are now higher. Until now, "
       "nobody knew.",
       kDct,
       {{"now", "DATE", "PRESENT_REF", "dct"}, {"now", "DATE", "PRESENT_REF", "dct"}},
       {"Now, he"}},
      {"open_ended_date",
       "It will not be profitable until 2026 or later. Cash flow for 2025 and beyond is strong. "
       "It opens Monday or later this week.",
       kDct,
       {{"2026 or later", "DATE", "2026", "absolute"},
        {"2025 and beyond", "DATE", "2025", "absolute"},
        {"later this week", "DATE", "2023-W38", "dct"}},
       {}},
      {"this_past_unit",
       "We met this past weekend and sold the unit this past spring.", kDct,
       {{"this past weekend", "DATE", "2023-W37-WE", "dct"},
        {"this past spring", "DATE", "2023-SP", "dct"}},
       {}},
      {"high_for_the_year",
       "The shares rose to a high for the year of $42 before they fell. Plans for the year "
       "ahead were made.",
       kDct, {{"the year", "DATE", "2023", "dct"}}, {"year ahead"}},
      {"latest_period_without_quarter",
       "Net income for the six months rose. Sales fell 4% in the latest period.", kDct,
       {{"the latest period", "DATE", "2023-Q2", "dct"}}, {}},
      {"rate_of_amount_no_set",
       "Revenue should grow 12% annually. The mill makes 5,000 tons weekly. The fair is held "
       "annually.",
       kDct, {{"annually", "SET", "P1Y", "absolute"}}, {"annually. The mill", "weekly"}},
      {"day_beside_a_date",
       "We fly out the day after tomorrow. The talks began the day before Oct. 12 and ended "
       "the next day. He left the day before last Friday's vote. Then, a week or so ago, it "
       "rained.",
       kDct,
       {{"the day after tomorrow", "DATE", "2023-09-20", "dct"},
        {"the day before Oct. 12", "DATE", "2023-10-11", "dct"},
        {"the next day", "DATE", "2023-10-13", "absolute"},
        {"the day before last Friday", "DATE", "2023-09-14", "dct"},
        {"a week or so ago", "DATE", "2023-W37", "dct"}},
       {}},
      {"clock_time_with_deictic_day",
       "The ferry left at 6 a.m. yesterday. The show starts at 7:30 tonight. The alarm rang at "
       "11:45 last night. A second one rang at 2:10 last night. Talks end at 3:30 this "
       "afternoon. We meet at 9 tonight. The office opens at 10 o'clock tomorrow morning.",
       kDct,
       {{"6 a.m. yesterday", "TIME", "2023-09-17T06:00", "dct"},
        {"7:30 tonight", "TIME", "2023-09-18T19:30", "dct"},
        {"11:45 last night", "TIME", "2023-09-17T23:45", "dct"},
        {"2:10 last night", "TIME", "2023-09-18T02:10", "dct"},
        {"3:30 this afternoon", "TIME", "2023-09-18T15:30", "dct"},
        {"9 tonight", "TIME", "2023-09-18T21:00", "dct"},
        {"10 o'clock tomorrow morning", "TIME", "2023-09-19T10:00", "dct"}},
       {}},
      {"clock_time_with_weekday_part",
       "Polls closed at 7 p.m. Friday evening. The blast came at 9:30 Saturday night. He "
       "spoke at 10 Tuesday morning.",
       kDct,
       {{"7 p.m. Friday evening", "TIME", "2023-09-15T19:00", "dct"},
        {"9:30 Saturday night", "TIME", "2023-09-16T21:30", "dct"},
        {"10 Tuesday morning", "TIME", "2023-09-12T10:00", "dct"}},
       {}},
      {"bare_number_before_tonight_is_no_time",
       "He scored 10 tonight. Channel 4 tonight shows a film.", kDct,
       {{"tonight", "DATE", "2023-09-18", "dct"}}, {"10", "4"}},
  };
  return c;
}

class TimexTable : public ::testing::TestWithParam<size_t> {};

TEST_P(TimexTable, Matches) {
  const Case& k = cases()[GetParam()];
  const auto got = run(k.text, k.dct);
  for (const Exp& e : k.expected) {
    bool found = false;
    for (const Timex& t : got) {
      if (k.text.substr(t.start, t.end - t.start) == e.text) {
        found = true;
        EXPECT_EQ(t.type, e.type) << k.name << ": " << e.text;
        EXPECT_EQ(t.value, e.value) << k.name << ": " << e.text;
        EXPECT_EQ(t.anchor, e.anchor) << k.name << ": " << e.text;
      }
    }
    EXPECT_TRUE(found) << k.name << ": missing " << e.text;
  }
  for (const std::string& a : k.absent) {
    const size_t pos = k.text.find(a);
    ASSERT_NE(pos, std::string::npos);
    for (const Timex& t : got)
      EXPECT_FALSE(t.start <= pos && pos < t.end)
          << k.name << ": false positive " << k.text.substr(t.start, t.end - t.start);
  }
  // sorted, non-overlapping
  for (size_t i = 1; i < got.size(); ++i) EXPECT_LE(got[i - 1].end, got[i].start);
}

INSTANTIATE_TEST_SUITE_P(Cases, TimexTable, ::testing::Range<size_t>(0, cases().size()),
                         [](const ::testing::TestParamInfo<size_t>& i) {
                           return cases()[i.param].name;
                         });

TEST(Timex, DayFirstOption) {
  TimexOptions o;
  o.day_first = true;
  const auto got = run("Filed 03/04/2023.", std::nullopt, o);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].value, "2023-04-03");
}

// Words are scanned in the lowered text 8 bytes a step: the bytes it holds after the
// text (here letters, as after FoldedTokens' lowered text) are not part of a word.
TEST(Timex, LoweredBytesAfterTheTextAreNotRead) {
  TimexTagger tagger;
  for (const std::string text : {"It happened on Monday", "Talks end in DECEMBER",
                                 "Prices rose in the nineties"}) {
    std::string lowered = text::ascii_lower_padded(text);
    const auto want = tagger.tag(text, {{0, static_cast<uint32_t>(text.size())}}, kDct);
    ASSERT_EQ(want.size(), 1u) << text;
    lowered.replace(text.size(), text::kLowerPadding, "abcdefghijklmnop");
    const auto got = tagger.tag(text, std::string_view(lowered.data(), text.size()),
                                {{0, static_cast<uint32_t>(text.size())}}, kDct);
    ASSERT_EQ(got.size(), 1u) << text;
    EXPECT_EQ(got[0].end, text.size());
    EXPECT_EQ(got[0].value, want[0].value);
  }
}

TEST(Timex, SentenceIndex) {
  const std::string t = "Nothing here. It ended in 2017.";
  const auto got = run(t, std::nullopt);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].sentence, 1);
}

// A timex's sentence is the first that ends after the timex's start, else the last
// (the scan finds each sentence's tokens by bisection): random texts, cut into random
// sentences, some empty, some ending inside a token, some beyond the text.
TEST(Timex, SentenceIndexIsTheFirstSentenceEndingAfterTheStart) {
  test_util::RandomText random_text(
      {"September 18, 2023", "Sept. 3", "2023", "Monday", " last week ", " two days ago",
       "10:30 a.m.", "the 1990s", " ", " ", "  ", ". ", ", ", "word", "said", "the", "-",
       "\u2019", "caf\u00e9", "7", "quarter"},
      20261205);
  std::mt19937 rng(20261205);
  const TimexTagger tagger;
  size_t timexes = 0;
  for (int round = 0; round < 4000; ++round) {
    const std::string text = random_text.next(round % 4 ? 24 : 120);
    std::vector<Sentence> sentences;
    const int ns = 1 + static_cast<int>(rng() % 8);
    uint32_t b = 0;
    for (int s = 0; s < ns; ++s) {
      // ends in order, an end repeated at times (an empty sentence), the last at times
      // beyond the text
      const uint32_t e =
          std::max(b, static_cast<uint32_t>(rng() % (text.size() + (s + 1 == ns ? 4 : 1))));
      sentences.push_back({b, e});
      b = e;
    }
    const std::vector<Timex> got = tagger.tag(text, sentences, D(2023, 9, 18));
    timexes += got.size();
    for (const Timex& t : got) {
      int want = ns - 1;
      for (int s = 0; s < ns; ++s)
        if (sentences[s].end > t.start) {
          want = s;
          break;
        }
      ASSERT_EQ(t.sentence, want) << "round " << round << ": " << text << " at " << t.start;
    }
  }
  EXPECT_GT(timexes, 3000u);  // the texts do hold timexes
}

// The lexicon's table of words of 1 to 8 bytes gives the facts the general index gives:
// for each of its words, their prefixes and extensions, and random letter strings.
TEST(Timex, LexiconShortTableAgreesWithPackedWords) {
  std::vector<std::string> words;
  for (const char* w : {"january", "sept", "monday", "years", "quarter", "the", "a", "ago",
                        "said", "was", "hundred", "nineteen", "approximately", "z", "th"}) {
    const std::string s(w);
    for (size_t n = 1; n <= s.size(); ++n) words.push_back(s.substr(0, n));
    words.push_back(s + "s");
    words.push_back("x" + s);
  }
  std::mt19937 rng(20261205);
  for (int k = 0; k < 20000; ++k) {
    std::string w(1 + rng() % 10, 'a');
    for (char& ch : w) ch = static_cast<char>('a' + rng() % (k % 2 ? 26 : 4));
    words.push_back(w);
  }
  EXPECT_TRUE(internal::timex_lexicon_mismatches(words).empty());
}

TEST(Timex, BadInputNoCrash) {
  TimexTagger tagger;
  EXPECT_TRUE(tagger.tag("", {}, std::nullopt).empty());
  const std::string bad = std::string("In 2017 \xff\xfe\xc3 July \xe2\x80 2018") + '\0' + "x";
  EXPECT_NO_THROW(tagger.tag(bad, {}, kDct));
  // invalid DCT is ignored
  EXPECT_NO_THROW(tagger.tag("Yesterday.", {}, D(2023, 2, 30)));
  std::string year_big = "in year 99999 and 99999-99-99";
  EXPECT_NO_THROW(tagger.tag(year_big, {}, kDct));
}

// Linear time, shown by a ratio (no wall-clock limit, which a slow or loaded
// machine, or a sanitizer build, would break): the same pathological inputs at
// 8x the size cost about 8x, far from the 64x of a quadratic path.
TEST(Timex, LinearTimeOnPathologicalInput) {
  TimexTagger tagger;
  auto repeat = [](const char* piece, int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += piece;
    return s;
  };
  // Tags every input at scale n (thousands) once and returns the time taken.
  auto seconds = [&](int n) {
    std::string nums;
    for (int i = 0; i < 1000 * n; ++i) nums += std::to_string(1000 + i % 9000) + " ";
    const std::string dates = repeat("September 18, 2023, Monday 12:20 last week ", 500 * n);
    // words a rule looks back or ahead from ("around", "and", "or so", "then current")
    const std::string words = repeat("around and 25 or so then the week of ", 1000 * n);
    // "around" joins only the date right after it: no chain of look-aheads
    const std::string arounds = repeat("around ", 10000 * n) + "Nov. 1";
    // "the day before" takes one date after it, never another "the day before ..."
    const std::string befores = repeat("the day after the end of the day before ", 5000 * n) +
                                "Nov. 1";
    // a later weekday of "every ..." looks back over at most a week's list
    const std::string weekdays = "every " + repeat("Monday and ", 2000 * n) + "Friday";
    const auto t0 = std::chrono::steady_clock::now();
    tagger.tag(nums, {}, kDct);
    EXPECT_GE(tagger.tag(dates, {}, kDct).size(), 500u * n);
    tagger.tag(words, {}, kDct);
    EXPECT_EQ(tagger.tag(arounds, {}, kDct).size(), 1u);
    EXPECT_NO_THROW(tagger.tag(befores, {}, kDct));
    EXPECT_EQ(tagger.tag(weekdays, {}, kDct).size(), 2000u * n + 1);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  };
  // The best of five rounds each, the sizes interleaved so that both see the same load
  // of a shared machine.
  double small = 1e9, large = 1e9;
  for (int round = 0; round < 5; ++round) {
    small = std::min(small, seconds(2));
    large = std::min(large, seconds(16));
  }
  EXPECT_LT(large, 24 * small) << small << " s at 1x, " << large << " s at 8x";
}

TEST(Dateline, Headers) {
  auto a = find_dateline(" date 2023-11-13 In a significant display of unity...");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->date, D(2023, 11, 13));
  auto b = find_dateline("World | September 18, 2023, Monday // 12:20\nBAMAKO - Troops ...");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->date, D(2023, 9, 18));
  auto c = find_dateline("2023-09-18\nText of the article.");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->date, D(2023, 9, 18));
  auto d = find_dateline("LONDON, March 3, 2019 (Reuters) - Oil prices rose.");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->date, D(2019, 3, 3));
  auto e = find_dateline("Published: Sept. 18, 2023\nText.");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->date, D(2023, 9, 18));
  // the first usable date wins, not the first date: "2017" has no day
  auto f = find_dateline("Filed in 2017. Date: 2023-11-13 and 2024-01-02\nText.");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->date, D(2023, 11, 13));
  // no year: no full date
  EXPECT_FALSE(find_dateline("LONDON, March 3 (Reuters) - Oil prices rose on Monday."));
  EXPECT_FALSE(find_dateline("In a significant move aimed at bolstering security in the Sahel "
                             "region, the agreement signed on Saturday in 2017 was renewed."));
}

// tag_with_dateline() tokenizes the text once for the dateline and the timexes; its
// results must be find_dateline()'s and tag()'s. Random texts of date words around
// find_dateline()'s 400-byte window put every kind of token across its edge: words and
// numbers cut in two, weak start words and apostrophes whose following tokens the
// window drops, multi-byte spaces, dashes and quotes.
TEST(Dateline, TagWithDatelineIsFindDatelineThenTag) {
  const std::vector<std::string> pieces = {
      "September", "Sept.", "18", "2023", "2023-09-18", "18/09/2023", ",", "the", "a", "that",
      "more", "than", "about", "up", "to", "year", "years", "ago", "'", "90s", "'98", "-",
      "Monday", "last", "week", "Date:", "Published:", "LONDON,", "(Reuters)", "\n", "said",
      "\xE2\x80\x99", "\xE2\x80\x94", "\xC2\xA0", "next", "month", "1990s", "early",
      "quarter", "Traor\xC3\xA9", "10:30", "a.m.", "morning", "two", "days", "on", "in"};
  const TimexTagger tagger;
  uint64_t state = 42;
  auto next = [&state](size_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<size_t>((state >> 33) % n);
  };
  size_t datelines = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    // Some texts start with a date, so that most have a dateline; in others a keyword
    // and a date stand across the window's edge.
    const int kind = static_cast<int>(next(3));
    if (kind == 0) text = next(2) ? "Date: 2023-11-13\n" : "LONDON, March 3, 2019 (Reuters) - ";
    const size_t length = kind == 2 ? 375 + next(25) : 330 + next(140);
    while (text.size() < length) {
      text += pieces[next(pieces.size())];
      if (next(4) != 0) text += ' ';
    }
    if (kind == 2) {
      const char* const dated[] = {"\nDate: 2023-09-18", "\nPublished: September 18, 2023",
                                   "\nDate: 18 Sept. 2023", "\nPosted on 2023-09-18 10:30"};
      text += dated[next(4)];
      text += " and more text";
    }
    const std::string lowered = text::ascii_lower_padded(text);
    const std::string_view low(lowered.data(), text.size());
    const std::vector<Sentence> sentences = {Sentence{0, static_cast<uint32_t>(text.size())}};
    const std::optional<Dateline> want_line = find_dateline(text);
    std::optional<CalendarDate> dct;
    if (want_line) dct = want_line->date;
    const std::vector<Timex> want = tagger.tag(text, low, sentences, dct);
    std::optional<Dateline> line;
    const std::vector<Timex> got = tagger.tag_with_dateline(text, low, sentences, &line);
    ASSERT_EQ(line.has_value(), want_line.has_value()) << text;
    if (line) {
      ++datelines;
      EXPECT_EQ(line->date, want_line->date) << text;
      EXPECT_EQ(line->span.start, want_line->span.start) << text;
      EXPECT_EQ(line->span.end, want_line->span.end) << text;
    }
    ASSERT_EQ(got.size(), want.size()) << text;
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].start, want[i].start) << text;
      EXPECT_EQ(got[i].end, want[i].end) << text;
      EXPECT_EQ(got[i].type, want[i].type) << text;
      EXPECT_EQ(got[i].value, want[i].value) << text;
      EXPECT_EQ(got[i].anchor, want[i].anchor) << text;
    }
  }
  EXPECT_GT(datelines, 1000u);  // the texts exercise both outcomes
  EXPECT_LT(datelines, 2900u);
}

// The overloads given tokenize(text) build the timex tokens from the segmenter's where
// the two tokenizers provably cut alike, and scan the bytes elsewhere: their results
// must be those of the byte scan. Random texts of date words put every kind of
// difference next to plain tokens: words mixing letters and digits ("1990s", "20th"),
// '.', ',' and apostrophes the segmenter joins ("3.5", "1,100", "U.S.", "Mali's",
// "'90s"), hyphens, dashes, curly quotes, multi-byte spaces, non-ASCII words, NUL and
// invalid bytes.
std::string timexes_string(const std::vector<Timex>& ts) {
  std::string s;
  for (const Timex& t : ts)
    s += std::to_string(t.start) + "-" + std::to_string(t.end) + " " + t.type + " " + t.value +
         " " + t.anchor + " " + std::to_string(t.sentence) + "\n";
  return s;
}

TEST(Timex, SegmenterTokensGiveTheSameTimexes) {
  test_util::RandomText random_text(
      {"September", "Sept.", "Sept", "18", "2023", "2023-09-18", "18/09/2023", "10:30", " ",
       " ", " ", "  ", "\n", "\t", ". ", ", ", ".", ",", "'", "`", "\"", "-", " - ", "--",
       "(", ")", ":", "/", "the", " the ", "a", " that ", " more than ", " about ", " up to ",
       " year", " years ago", "'90s", "'98", "90s", "1990s", "20th", "21st century", "3rd",
       "10am", "2pm", "COVID19", "G7", "x2", "3.5", "1,100", "U.S.", "a.m.", "p.m.", "Mali's",
       "Mali\u2019s", "don't", "Monday", " last week ", " next month ", " said ", " will ",
       " signed ", "unspecified", "early", "quarter", " two days ", "on", "in", "1.x", "a,b",
       "x.y", "A.", "Traor\u00e9", "\u00c9lys\u00e9e", "caf\u00e9", "\u00a0", "\u2009",
       "\u202f", "\u3000", "\u2013", "\u2014", "\u2018", "\u2019", "\u201c", "\u201d",
       "\u00ab", std::string(1, '\0'), "\xff", "\xc3", "\xc2", "\xe2\x80", "\x01", "\x7f",
       "\r\n", "\v", "o", "Z", "7", "MAY", "JAN", "Date:", "LONDON,", "(Reuters)"},
      20260918);
  const TimexTagger tagger;
  size_t timexes = 0;
  for (int round = 0; round < 6000; ++round) {
    const std::string text = random_text.next(round % 4 ? 24 : 120);
    const TokenizedText tt = tokenize(text);
    const std::string lowered = text::ascii_lower_padded(text);
    // Without `lowered` too: then the tagger lowers the text itself.
    const std::string_view low =
        round % 5 ? std::string_view(lowered.data(), text.size()) : std::string_view();
    const std::optional<CalendarDate> dct =
        round % 3 ? std::optional<CalendarDate>(D(2023, 9, 18)) : std::nullopt;
    const std::vector<Timex> want = tagger.tag(text, low, tt.sentences, dct);
    timexes += want.size();
    ASSERT_EQ(timexes_string(tagger.tag(text, low, tt, dct)), timexes_string(want))
        << "round " << round << ": " << text;
    std::optional<Dateline> want_line, line;
    const std::vector<Timex> want_dated =
        tagger.tag_with_dateline(text, low, tt.sentences, &want_line);
    ASSERT_EQ(timexes_string(tagger.tag_with_dateline(text, low, tt, &line)),
              timexes_string(want_dated))
        << "round " << round << ": " << text;
    ASSERT_EQ(line.has_value(), want_line.has_value()) << "round " << round << ": " << text;
    if (line) {
      EXPECT_EQ(line->date, want_line->date) << text;
      EXPECT_EQ(line->span.start, want_line->span.start) << text;
      EXPECT_EQ(line->span.end, want_line->span.end) << text;
    }
  }
  EXPECT_GT(timexes, 5000u);  // the texts do hold timexes
}

// The start filter (the tokens at which the matchers are not tried) must hide no match:
// at every token it skips, the matchers, tried anyway, find nothing. Numbers of every
// length, count words ("two", "several", "half") and approximators ("about", "more
// than", "at least") before every kind of word and mark (months, units, a.m., suffixes,
// time zones, weekdays, number words, counted nouns, punctuation), with and without a
// space, after the words a match may need before them ("at", "and", "or"), and in random
// mixes.
TEST(Timex, StartFilterHidesNoMatch) {
  const std::vector<std::string> numbers = {"1",  "3",   "7",    "9",    "12",   "18",
                                            "24", "31",  "45",   "99",   "021",  "100",
                                            "450", "999", "0735", "1500", "1990", "2023",
                                            "10000", "123456"};
  const std::vector<std::string> after = {
      "September", "september", "Sept", "Sept.", "May", "jan", "Dec.", "year", "years",
      "month", "months", "week", "weeks", "weekend", "days", "day", "hours", "hour", "minutes",
      "seconds", "decade", "decades", "century", "centuries", "quarter", "quarters",
      "fortnight", "am", "pm", "AM", "a.m.", "p.m.", "a", "p", "o'clock", "in the morning",
      "in the evening", "in", "st", "nd", "rd", "th", "th century", "st century", "of",
      "of September", "more weeks", "additional years", "extra days", "GMT", "UTC", "Z",
      "Monday", "Friday evening", "today", "tonight", "this morning", "last night",
      "yesterday", "s", "'s", ":30", ":30:15", "-", "-year", "-year-old", "-09-18", "-18",
      "/09/2023", "/2", ".5 years", ".09.2023", ".5", ",", ",000", "%", "'", "$", "(", ")",
      "and", "or", "ago", "earlier", "from now", "later", "soldiers", "people", "percent",
      "million", "troops", "kilometres", "observers", "families", "said", "was", "the",
      "Mali", "1", "2", "1/2 years", "days ago", "years old", "and a half years", "or so",
      "two", "four", "ninety-six", "ninety six", "oh five", "thousand", "thousand and one",
      "dozen", "a dozen", "half a dozen", "a half hour", "half", "a", "an hour", "a few days",
      "few", "couple", "a couple of weeks", "couple of days", "several", "some", "many",
      "-first century", "- first century", "first", "twentieth century", "present", "present.",
      "than",
      "least", "most", "to", "many as", "decades-long", "years-long", "than two years ago",
      "than 20 days", "least a week", "to 3 days", "two more weeks", "countries", "diplomats",
      "quarters of", "Traor\xc3\xa9", "\xe2\x80\x99s", "\xe2\x80\x94"};
  const std::vector<std::string> before = {"", "at ", "and ", "or ", "the ", "on ", "in ",
                                           "April 24 and ", "about ", "for ", "$", "No. "};
  // Count words and approximators: the words they may begin a match with.
  const std::vector<std::string> words = {
      "one", "two", "Two", "three", "ten", "twenty", "ninety", "eleven", "twelve", "nineteen",
      "hundred", "dozen", "several", "few", "many", "numerous", "half", "couple", "some", "a",
      "an", "about", "About", "more", "more than", "less than", "fewer than", "at", "at least",
      "at most", "up", "up to", "as", "as many as", "nearly", "almost", "roughly", "around",
      "approximately", "over", "under", "just", "only", "barely", "about two", "more than a",
      "at least half", "up to several", "over a", "nearly twenty", "some three"};
  const std::vector<std::string> word_before = {"", "for ", "in ", "the ", "will "};
  const std::optional<CalendarDate> dct = D(2023, 9, 18);
  size_t texts = 0, timexes = 0;
  const TimexTagger tagger;
  auto check = [&](const std::string& text, const std::optional<CalendarDate>& d) {
    const std::vector<uint32_t> misses = internal::timex_start_filter_misses(text, d);
    ASSERT_TRUE(misses.empty()) << "a match starts at byte " << misses[0] << ": " << text;
    ++texts;
    timexes += tagger.tag(text, {Sentence{0, static_cast<uint32_t>(text.size())}}, d).size();
  };
  for (const std::string& b : before)
    for (const std::string& n : numbers)
      for (const std::string& a : after)
        for (const char* sep : {" ", ""}) {
          check("It was " + b + n + sep + a + " here.", dct);
          if (testing::Test::HasFatalFailure()) return;
        }
  for (const std::string& b : word_before)
    for (const std::string& w : words)
      for (const std::string& a : after)
        for (const char* sep : {" ", ""}) {
          check("It was " + b + w + sep + a + " here.", dct);
          if (testing::Test::HasFatalFailure()) return;
        }
  test_util::RandomText random_text(
      {"1", "3", "12", "18", "31", "450", "2023", "1990", "0735", " ", " ", " ", ".", ",",
       ":", "-", "/", "'", "the", "a", "at", "and", "or", "of", "in", "September", "Sept.",
       "year", "years", "days", "weeks", "am", "pm", "th", "st", "s", "more", "than", "about",
       "up", "to", "ago", "earlier", "soldiers", "percent", "Monday", "morning", "tonight",
       "GMT", "half", "two", "three", "million", "century", "several", "few", "couple",
       "nineteen", "ninety", "oh", "thousand", "dozen", "least", "present", "as", "many",
       "over", "under", "around", "some", "countries", "more", "additional"},
      20261205);
  for (int round = 0; round < 20000; ++round) {
    check(random_text.next(16), round % 2 ? dct : std::nullopt);
    if (testing::Test::HasFatalFailure()) return;
  }
  EXPECT_GT(timexes, texts / 4);  // the texts do hold timexes
}

// match()'s fast paths (only the matchers that can match at a month or weekday name, a
// number, a number word, "last", "next", "this", "previous", "coming", "today",
// "yesterday", "tomorrow" or "tonight"): at every token of these texts they find
// what trying every matcher finds, as the tagger reaches the token (with the reference
// time of earlier dates).
TEST(Timex, FastPathsAsAllMatchers) {
  const std::vector<std::string> firsts = {
      "January", "February", "March", "march", "April", "May", "may", "June", "July", "August",
      "august", "September", "October", "November", "December", "Jan", "Jan.", "Feb.", "Mar.",
      "Apr", "Jun.", "Jul", "Aug.", "Sep", "Sept.", "Sept", "Oct.", "Nov", "Dec.", "dec",
      "SEPTEMBER", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
      "Sunday", "monday", "FRIDAY", "Mondays", "Sundays", "1", "3", "7", "12", "18", "24",
      "31", "45", "021", "100", "450", "0735", "1500", "1990", "2023", "10000", "last",
      "Last", "next", "this", "This", "previous", "LAST", "coming", "Coming", "one", "two",
      "Two", "three", "ten", "twelve", "nineteen", "twenty", "twenty-first", "ninety",
      "hundred", "dozen", "today", "Today", "yesterday", "tomorrow", "tonight", "TODAY"};
  const std::vector<std::string> before = {
      "", "in ", "on ", "last ", "next ", "this ", "the ", "the early ", "the late ", "early ",
      "mid-", "late ", "since ", "until ", "by ", "for ", "a ", "of ", "the end of ",
      "around ", "every ", "the day before ", "the week of ", "the previous ", "said ",
      "will ", "at ", "at 7 ", "9 a.m. ", "18th of ", "April 24 and ", "2023, ", "Easter ",
      "He ", "Theresa ", "about ", "more than ", "$", "No. ", "fiscal ", "'"};
  const std::vector<std::string> after = {
      "", " 18", " 18, 2023", " 3rd", "th", " 18th", " of 2023", " 2023", ", 2023", " '98",
      " 5-4", " last year", " this year", " next year", " year", " year's third quarter",
      " week", " weeks", " month", " quarter", " morning", " evening", " night", " nights",
      " and Tuesday nights", ", Sept. 18, 2023", " 18 September", " September", " of May",
      " 24 and 25", " Carter", " nineteen ninety-six", " or later", " or so", "'s",
      " agreement", " Monday", " summer", " days ago", " years earlier", " days from now",
      " two years", " few days", " decade", " century", "th century", ":30", ":30 p.m.",
      " a.m.", " am", " o'clock", " GMT", " in the morning", "s", "-year", "-year-old",
      "-09-18", "/09/2023", ".5 years", " percent", " soldiers", " and a half years",
      " 1/2 years", " more weeks", " hours", " previous", " time", " ninety-six", " oh five",
      " thousand", " thousand and one", "-first century", " months", " morning's",
      " evening", "'s talks", " Today", " fiscal year", " weeks ahead", " year's quarter"};
  const std::optional<CalendarDate> dct = D(2023, 9, 18);
  size_t texts = 0, timexes = 0;
  const TimexTagger tagger;
  auto check = [&](const std::string& text, const std::optional<CalendarDate>& d) {
    const std::vector<uint32_t> bad = internal::timex_fast_path_mismatches(text, d);
    ASSERT_TRUE(bad.empty()) << "a fast path differs at byte " << bad[0] << ": " << text;
    ++texts;
    timexes += tagger.tag(text, {Sentence{0, static_cast<uint32_t>(text.size())}}, d).size();
  };
  for (const std::string& b : before)
    for (const std::string& f : firsts)
      for (const std::string& a : after) {
        check("It was " + b + f + a + " here.", dct);
        check("In June 1998 it was " + b + f + a + " here.", std::nullopt);
        if (testing::Test::HasFatalFailure()) return;
      }
  test_util::RandomText random_text(
      {"May", "may", "March", "Sept.", "Sept", "September", "Monday", "Friday", "monday",
       "Sundays", "June", "Jan", "18", "3", "12", "2023", "1998", "450", " ", " ", " ", ".",
       ",", "-", "'", "/", ":", "the", "a", "last", "next", "this", "previous", "early",
       "late", "mid", "of", "in", "on", "and", "or", "year", "years", "week", "days",
       "morning", "evening", "nights", "day", "before", "after", "ago", "earlier", "said",
       "will", "spring", "quarter", "third", "that", "around", "every", "Easter", "s", "th",
       "am", "pm", "two", "few", "half", "century", "percent", "more", "than", "about",
       "coming", "today", "yesterday", "Today", "tonight", "twenty", "nineteen", "dozen",
       "ninety", "oh", "thousand", "Christmas", "quarter"},
      20261206);
  for (int round = 0; round < 30000; ++round) {
    check(random_text.next(16), round % 2 ? dct : std::nullopt);
    if (testing::Test::HasFatalFailure()) return;
  }
  EXPECT_GT(timexes, texts / 2);  // the texts do hold timexes
}

// The TIMEX3 values' dates are written as snprintf writes them, in and out of the range of
// the buffered path (years 0 to 9999, months and days 0 to 99).
TEST(Timex, FormatsDatesAsPrintf) {
  std::vector<long> values = {-100000, -12345, -10000, -9999, -1000, -100, -99, -10, -9, -1,
                              100,     101,    999,    1000,  1999,  2000, 2023, 9998, 9999,
                              10000,   12345,  99999,  100000, 1234567, 2147483647L};
  for (long v = 0; v <= 60; ++v) values.push_back(v);
  std::vector<long> days = {-3000000, -719468, -719469, -800000, 2932896, 2932897,
                            3000000, 100000000};  // years 0 and 10000 at the edges
  for (long d = -800; d <= 800; ++d) days.push_back(d);  // around 1970
  for (long d = 10900; d <= 11100; ++d) days.push_back(d);  // around 2000
  for (long d = 19000; d <= 19800; d += 3) days.push_back(d);  // around 2023
  EXPECT_EQ(internal::timex_format_mismatches(values, days), std::vector<std::string>{});
}

TEST(ParseIsoDate, Validates) {
  EXPECT_TRUE(parse_iso_date("2023-09-18"));
  EXPECT_TRUE(parse_iso_date("2024-02-29"));
  EXPECT_TRUE(parse_iso_date("2023-09-18T12:20:00Z"));
  EXPECT_TRUE(parse_iso_date("2023-09-18 12:20"));
  EXPECT_FALSE(parse_iso_date("2023-02-29"));
  EXPECT_FALSE(parse_iso_date("2023-13-01"));
  EXPECT_FALSE(parse_iso_date("2023-9-18"));
  EXPECT_FALSE(parse_iso_date("2023-09-18x"));
  EXPECT_FALSE(parse_iso_date(""));
}

// A date moved by an interval, at the interval's unit: ", a week after police shot ...".
TEST(ShiftDate, MovesByTheIntervalsUnit) {
  using O = std::optional<std::string>;
  EXPECT_EQ(shift_date("2026-07-20", "P1W", true), O("2026-07-13"));
  EXPECT_EQ(shift_date("2026-03-01", "P2D", true), O("2026-02-27"));
  EXPECT_EQ(shift_date("2024-02-28", "P1D", false), O("2024-02-29"));
  EXPECT_EQ(shift_date("2026-12-30", "P3D", false), O("2027-01-02"));
  EXPECT_EQ(shift_date("2026-09-14", "P1Y", true), O("2025"));
  EXPECT_EQ(shift_date("2026", "P10Y", true), O("2016"));
  EXPECT_EQ(shift_date("2026-01-15", "P2M", true), O("2025-11"));
  EXPECT_EQ(shift_date("2026-11", "P3M", false), O("2027-02"));
  EXPECT_EQ(shift_date("2026-07-20T06:00", "PTXH", true), O("2026-07-20"));
  EXPECT_EQ(shift_date("2026-07-20", "PT5H", false), O("2026-07-20"));
  // not fine enough, an unknown count, or no such value
  EXPECT_EQ(shift_date("2026-07", "P2D", true), std::nullopt);
  EXPECT_EQ(shift_date("2026", "P2M", true), std::nullopt);
  EXPECT_EQ(shift_date("2026-07-20", "PXD", true), std::nullopt);
  EXPECT_EQ(shift_date("2026-07-20", "PT30H", true), std::nullopt);
  EXPECT_EQ(shift_date("2026-W29", "P1W", true), std::nullopt);
  EXPECT_EQ(shift_date("XXXX-07-20", "P1W", true), std::nullopt);
  EXPECT_EQ(shift_date("2026-02-30", "P1D", true), std::nullopt);
  EXPECT_EQ(shift_date("2026-07-20", "P1Y2M", true), std::nullopt);
  EXPECT_EQ(shift_date("2026-07-20", "1W", true), std::nullopt);
  EXPECT_EQ(shift_date("0001", "P5Y", true), std::nullopt);
  // the parts of the value it moves: month and day 0 where the value has none
  EXPECT_EQ(date_value_parts("2026-07"), (CalendarDate{2026, 7, 0}));
  EXPECT_EQ(date_value_parts("2026-07-20T06:00"), (CalendarDate{2026, 7, 20}));
  EXPECT_EQ(date_value_parts("2026"), (CalendarDate{2026, 0, 0}));
  EXPECT_EQ(date_value_parts("XXXX-07"), std::nullopt);
  EXPECT_EQ(date_value_parts("2026-13"), std::nullopt);
}

}  // namespace
}  // namespace liptako
