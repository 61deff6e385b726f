#include <gtest/gtest.h>
#include <utf8proc.h>

#include <algorithm>
#include <random>

#include "liptako/offsets.h"
#include "liptako/string_index.h"
#include "liptako/segmenter.h"
#include "liptako/text.h"
#include "random_text.h"
#include "short_word_index.h"

using namespace liptako;

namespace {

std::vector<std::string> token_texts(const std::string& s) {
  std::vector<std::string> out;
  for (const Token& t : tokenize(s).tokens) out.push_back(s.substr(t.start, t.end - t.start));
  return out;
}

std::vector<std::string> sentence_texts(const std::string& s) {
  std::vector<std::string> out;
  for (const Sentence& x : tokenize(s).sentences) out.push_back(s.substr(x.start, x.end - x.start));
  return out;
}

// The bytes of s[from, to) that do not continue a UTF-8 sequence (10xxxxxx):
// Python's length of that span, one byte at a time.
size_t sequence_starts(const std::string& s, size_t from, size_t to) {
  size_t n = 0;
  for (size_t k = from; k < to; ++k) n += (static_cast<unsigned char>(s[k]) & 0xC0) != 0x80;
  return n;
}

}  // namespace

TEST(Fold, CaseAccentsAndVariants) {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      {"Goïta", "goita"},           {"CÔTE D’IVOIRE", "cote d'ivoire"},
      {"Ελλάδα", "ελλαδα"},         {"МОСКВА", "москва"},
      {"Straße", "strasse"},        {"al‐Qaeda", "al-qaeda"},
      {"ﬁnance", "finance"},        {"", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(text::fold(c.in), c.out) << c.in;
}

TEST(Fold, InvalidBytesNeverCrash) {
  std::string bad = "Mali\xff\xfe\xc3";
  std::string folded = text::fold(bad);
  EXPECT_EQ(folded.substr(0, 4), "mali");
}

// The code points of two UTF-8 bytes have their classes and folds in a table
// built once: the same answers as utf8proc's, for every one of them.
TEST(Text, TwoByteCodePointsAgreeWithUtf8proc) {
  constexpr int kFoldOptions = UTF8PROC_CASEFOLD | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE |
                               UTF8PROC_STRIPMARK | UTF8PROC_IGNORE;
  for (char32_t cp = 0x80; cp < 0x800; ++cp) {
    const auto c = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    EXPECT_EQ(text::is_letter(cp), c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) << cp;
    EXPECT_EQ(text::is_digit(cp), c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO) << cp;
    EXPECT_EQ(text::is_word_char(cp), c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO)
        << cp;
    EXPECT_EQ(text::is_upper(cp), c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT) << cp;
    EXPECT_EQ(text::is_lower(cp), c == UTF8PROC_CATEGORY_LL) << cp;
    EXPECT_EQ(text::is_space(cp),
              (c >= UTF8PROC_CATEGORY_ZS && c <= UTF8PROC_CATEGORY_ZP) || cp == 0x85)
        << cp;
    std::string expected;
    if (text::is_apostrophe(cp)) {
      expected = "'";
    } else if (text::is_hyphen(cp)) {
      expected = "-";
    } else {
      utf8proc_int32_t buf[8];
      int boundclass = UTF8PROC_BOUNDCLASS_START;
      const auto n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cp), buf, 8,
                                             static_cast<utf8proc_option_t>(kFoldOptions),
                                             &boundclass);
      ASSERT_GE(n, 0) << cp;
      ASSERT_LE(n, 8) << cp;
      for (utf8proc_ssize_t k = 0; k < n; ++k)
        text::append_utf8(static_cast<char32_t>(buf[k]), expected);
    }
    std::string utf8;
    text::append_utf8(cp, utf8);
    EXPECT_EQ(text::fold(utf8), expected) << cp;
    EXPECT_EQ(text::fold("x" + utf8 + "Y"), "x" + expected + "y") << cp;
  }
}

// decode() of every two-byte sequence whose first byte may start one, valid or
// not (C0/C1 leads, a missing or wrong second byte): what utf8proc decodes.
TEST(Text, DecodeOfTwoByteSequencesIsUtf8procs) {
  for (int lead = 0xC0; lead <= 0xDF; ++lead) {
    for (int second = 0; second <= 0x100; ++second) {  // 0x100: the text ends after the lead
      std::string s(1, static_cast<char>(lead));
      if (second < 0x100) s.push_back(static_cast<char>(second));
      utf8proc_int32_t cp = 0;
      const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                      static_cast<utf8proc_ssize_t>(s.size()), &cp);
      const text::Decoded d = text::decode(s, 0);
      if (n <= 0) {
        EXPECT_EQ(d.cp, text::kInvalid) << lead << " " << second;
        EXPECT_EQ(d.len, 1u) << lead << " " << second;
      } else {
        EXPECT_EQ(d.cp, static_cast<char32_t>(cp)) << lead << " " << second;
        EXPECT_EQ(d.len, static_cast<uint32_t>(n)) << lead << " " << second;
      }
    }
  }
}

// lower_letter_run8 against a byte-at-a-time count, for every byte value at every
// position (letters before it), and for mixed words.
TEST(Text, LowerLetterRun8CountsLeadingLowercaseLetters) {
  auto reference = [](const char* p) {
    size_t k = 0;
    while (k < 8 && p[k] >= 'a' && p[k] <= 'z') ++k;
    return k;
  };
  for (int pos = 0; pos < 8; ++pos)
    for (int b = 0; b < 256; ++b) {
      char w[8];
      for (int k = 0; k < 8; ++k) w[k] = static_cast<char>('a' + (k * 7) % 26);
      w[pos] = static_cast<char>(b);
      EXPECT_EQ(text::lower_letter_run8(w), reference(w)) << pos << " " << b;
    }
  for (const char* s : {"abcdefgh", "abcdefgH", "abc\xc3\xa9xyz", "zz{zzzzz", "a`aaaaaa",
                        "a@[zzzzz", "\x80" "bcdefg", "12345678", "aaaa aaa"})
    EXPECT_EQ(text::lower_letter_run8(s), reference(s)) << s;
}

// ascii_lower_padded lowers 'A'..'Z' and keeps every other byte, for every byte
// value at every position of texts of 0 to 47 bytes (16- and 8-byte steps and
// the tail), and appends kLowerPadding NULs.
TEST(Text, AsciiLowerPaddedLowersOnlyAsciiCapitals) {
  for (size_t n = 0; n < 48; ++n)
    for (int b = 0; b < 256; ++b) {
      std::string s;
      for (size_t k = 0; k < n; ++k) s.push_back(static_cast<char>((b + 37 * k) % 256));
      std::string expected;
      for (char c : s) expected.push_back(text::ascii_lower(c));
      expected.append(text::kLowerPadding, '\0');
      ASSERT_EQ(text::ascii_lower_padded(s), expected) << n << " " << b;
    }
}

// text::eq is std::string_view's == for a literal.
TEST(Text, EqIsEqualityWithALiteral) {
  for (std::string_view w : {"", "t", "th", "the", "thee", "The", "tha", "the\0", "they"}) {
    EXPECT_EQ(text::eq(w, "the"), w == std::string_view("the")) << w;
    EXPECT_EQ(text::eq(w, ""), w.empty()) << w;
    EXPECT_EQ(text::eq(w, "t"), w == std::string_view("t")) << w;
  }
  EXPECT_FALSE(text::eq(std::string_view("the\0", 4), "the"));
}

TEST(Slugify, Ids) {
  EXPECT_EQ(text::slugify("Assimi Goïta"), "assimi-goita");
  EXPECT_EQ(text::slugify("  Côte d'Ivoire! "), "cote-d-ivoire");
  EXPECT_EQ(text::slugify("G5 Sahel"), "g5-sahel");
  EXPECT_EQ(text::slugify("  O'Neill-Traore_Jr -- 2nd! "), "o-neill-traore-jr-2nd");
  EXPECT_EQ(text::slugify("--"), "");
  std::string id = "person/";  // the appending form: no dash before the first word
  text::slugify("  Ana  Diallo", id);
  EXPECT_EQ(id, "person/ana-diallo");
  // ASCII text takes a path of its own; with a non-ASCII word after it, the
  // general path runs on the same bytes: the two must agree.
  test_util::RandomText random_text(
      {"Mali", "ECOWAS", "a", "Z", "2023", "x9", " ", "  ", "'", "-", "_", "!", ".", ",",
       "\t", "\n", "@", "`", "[", "{", "~", std::string(1, '\x7f'), std::string(1, '\0')},
      7);
  for (int round = 0; round < 2000; ++round) {
    const std::string s = random_text.next(10);
    const std::string ascii = text::slugify(s);
    EXPECT_EQ(text::slugify(s + " \xc3\xa9"), ascii + (ascii.empty() ? "e" : "-e")) << s;
  }
}

TEST(Tokenize, WordsNumbersAbbreviations) {
  struct Case {
    std::string in;
    std::vector<std::string> tokens;
  } cases[] = {
      {"Mali’s junta", {"Mali", "’s", "junta"}},
      {"Mali's", {"Mali", "'s"}},
      {"Côte d'Ivoire", {"Côte", "d'Ivoire"}},
      {"1,100 soldiers, 6.2 km", {"1,100", "soldiers", ",", "6.2", "km"}},
      {"the U.S. and U.K.", {"the", "U.S.", "and", "U.K."}},
      {"al-Qaeda", {"al", "-", "Qaeda"}},
      {"(ECOWAS)", {"(", "ECOWAS", ")"}},
      {"", {}},
      {"   ", {}},
  };
  for (const auto& c : cases) EXPECT_EQ(token_texts(c.in), c.tokens) << c.in;
}

TEST(Tokenize, InvalidUtf8AndNulSeparateTokens) {
  std::string s = std::string("Mali") + '\xff' + "Niger" + '\0' + "Chad";
  EXPECT_EQ(token_texts(s), (std::vector<std::string>{"Mali", "Niger", "Chad"}));
}

TEST(Tokenize, Flags) {
  auto tt = tokenize("ECOWAS said Mali");
  ASSERT_EQ(tt.tokens.size(), 3u);
  EXPECT_TRUE(tt.tokens[0].all_upper);
  EXPECT_TRUE(tt.tokens[2].capitalized);
  EXPECT_FALSE(tt.tokens[1].capitalized);
}

// Token::ascii says whether every byte of the token is ASCII; FoldedTokens
// relies on it to take an ASCII token's fold from the lowered text.
TEST(Tokenize, AsciiFlagAndFoldsAreExact) {
  const std::string s = "Mali’s U.S. d'Ivoire Goïta’s café's 1,100 al‐Qaeda «x» O'Neill's "
                        "Straße\xff\xc3 ECOWAS’ ok";
  const auto tokens = tokenize(s).tokens;
  FoldedTokens folded(s, tokens);
  EXPECT_EQ(folded.lowered_text(), text::ascii_lower_padded(s).substr(0, s.size()));
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string text = s.substr(tokens[i].start, tokens[i].end - tokens[i].start);
    bool ascii = true;
    for (unsigned char c : text) ascii = ascii && c < 0x80;
    EXPECT_EQ(tokens[i].ascii, ascii) << text;
    EXPECT_EQ(folded[i], text::fold(text)) << text;
  }
}

// FoldedTokens finds the non-ASCII tokens from the text's bytes above ASCII:
// every token's fold is still text::fold of its text, whether those bytes are
// in tokens or not (no-break spaces, invalid bytes), first, last, side by side,
// or at 16-byte block boundaries.
TEST(Tokenize, FoldsFromNonAsciiBytesAreExact) {
  test_util::RandomText random(
      {"Mali", "\xe2\x80\x99s", "Go\xc3\xafta", "caf\xc3\xa9", "Stra\xc3\x9f" "e", "\xc3\x89",
       "\xef\xbc\xad\xef\xbd\x92", "\xe2\x80\x9c", "\xe2\x80\xa6", "\xc2\xa0", "\xff", "\xc3",
       "abcdefghijklmnop", "ABCDEFGHIJKLMNO", "x", "1,100", ".", "'", " ", " ", "\n", "-"},
      1604);
  for (int k = 0; k < 20000; ++k) {
    const std::string s = random.next(16);
    const auto tokens = tokenize(s).tokens;
    FoldedTokens folded(s, tokens);
    ASSERT_EQ(folded.size(), tokens.size());
    for (size_t i = 0; i < tokens.size(); ++i)
      ASSERT_EQ(folded[i], text::fold(s.substr(tokens[i].start, tokens[i].end - tokens[i].start)))
          << "token " << i << " of \"" << s << "\"";
  }
}

// Every span of texts with ASCII runs, sparse and dense multi-byte sequences
// (16-byte blocks with none, some and mostly continuation bytes) and invalid bytes.
TEST(Offsets, CodePointMapSpansArePythonLengths) {
  for (const std::string s : {"aé€😀 Mali’s \xff\xc3 Goïta and a long ASCII tail of text",
                              "日本語のテキスト😀😀€€ééé\x80\x80\xbf 北京と東京"}) {
    const CodePointMap map(s);
    for (size_t from = 0; from <= s.size(); ++from)
      for (size_t to = from; to <= s.size(); ++to)
        ASSERT_EQ(map(static_cast<uint32_t>(to)) - map(static_cast<uint32_t>(from)),
                  sequence_starts(s, from, to))
            << from << " " << to;
  }
  EXPECT_EQ(CodePointMap("aé€😀")(10), 4u);
}

// Every offset, in any order, of texts whose sizes end a 64-byte block just
// before, at and after it, with and without multi-byte sequences and invalid
// bytes; offsets past the end count as the end.
TEST(Offsets, CodePointMapAtEveryOffsetOfEverySize) {
  std::string long_text;
  for (int k = 0; k < 12; ++k)
    long_text += k % 3 ? "Mali’s Goïta 😀 \xff 北京" : "plain ASCII words ";
  for (size_t size : {0, 1, 15, 16, 63, 64, 65, 127, 128, 129, 200}) {
    for (const std::string& base : {long_text, std::string(300, 'a')}) {
      const std::string s = base.substr(0, size);
      const CodePointMap map(s);
      for (size_t b = s.size() + 3; b-- > 0;)  // backwards: no order assumed
        ASSERT_EQ(map(static_cast<uint32_t>(b)), sequence_starts(s, 0, std::min(b, s.size())))
            << size << " " << b;
    }
  }
}

TEST(Offsets, CodePointMapOverManyBlocks) {
  std::string s;
  for (int k = 0; k < 40; ++k) s += k % 3 ? "Mali’s Goïta 😀 \xff" : "plain ASCII words ";
  const CodePointMap map(s);
  size_t expected = 0;
  for (size_t b = 0; b <= s.size() + 2; ++b) {
    ASSERT_EQ(map(static_cast<uint32_t>(b)), expected) << b;
    if (b < s.size()) expected += (static_cast<unsigned char>(s[b]) & 0xC0) != 0x80;
  }
  EXPECT_EQ(CodePointMap("")(5), 0u);
}

// tokenize_words builds plain ASCII tokens itself and hands the rest of a chunk
// to the general tokenizer: every field of every token must be what the general
// tokenizer alone gives, on texts mixing every case where the two meet.
TEST(Tokenize, FastPathEqualsReferenceTokenizer) {
  test_util::RandomText random_text({
      "a", "Mali", "ECOWAS", "2023", "1", "x9", " ", "  ", "\n", "\r\n", "\t", ".", ",",
      "'", "-", "(", ")", "\"", "U.S.", "a.m.", "J.", "1,100", "6.2", "’", "’s", "'s",
      "é", "Goïta", "\xc2\xa0", "\xe2\x80\xa8", "\xff", std::string(1, '\0'), "\x1f",
      "d'Ivoire", "--", "...", "\xd9\xa2", "\xe2\x80\x90", ":", "«", "Timbuktu",
      "TIMBUKTUS", "Ouagadougou", "abcdefgh12345678", "INTERNATIONALISATION",
      // words cut after their space from one 16-byte load: 15 and 16 bytes, mixed case
      "abcdefgh1234567", "Abcdefgh1234567", "McCain", "iPhone", "G7", "7G",
      // two-byte characters: upper, lower, caseless (Hebrew) and titlecase letters,
      // a combining mark, a digit, punctuation, a lone lead byte, an overlong pair
      "É", "ÉTAT", "Traoré", "ß", "Ελλάδα", "\xd7\x90", "\xc7\x85", "e\xcc\x81",
      "\xd9\xa3", "\xc2\xbb", "\xc3", "\xc0\x80", "Ménaka", "X\xc3\xa9"},
                                      12345);
  // Long texts too: runs that cross the 16-byte steps of the word scan and end
  // near the text's end, and long runs after every number of spaces up to 70,
  // followed by every kind of byte that ends or extends a run.
  std::vector<std::string> texts;
  for (int round = 0; round < 20000; ++round)
    texts.push_back(random_text.next(round % 4 ? 12 : 60));
  for (size_t before = 0; before < 70; ++before)
    for (size_t length : {1, 62, 63, 64, 65, 130})
      for (const char* after : {"", " ", ".", ".5", "'s", ", x", "\xc3\xa9", "-B", "\xc3\x89" "A",
                                "\xc3\xa9.", "\xc3\xa9's", "\xc2\xa0"})
        texts.push_back(std::string(before, ' ') + std::string(length, 'Q') + after + " tail");
  for (const std::string& s : texts) {
    const auto fast = tokenize_words(s), ref = tokenize_words_reference(s);
    ASSERT_EQ(fast.size(), ref.size()) << s;
    for (size_t i = 0; i < fast.size(); ++i) {
      const Token &a = fast[i], &b = ref[i];
      ASSERT_TRUE(a.start == b.start && a.end == b.end && a.kind == b.kind &&
                  a.space_before == b.space_before && a.newline_before == b.newline_before &&
                  a.capitalized == b.capitalized && a.all_upper == b.all_upper &&
                  a.ascii == b.ascii)
          << "token " << i << " of \"" << s << "\"";
    }
  }
}

TEST(Sentences, AbbreviationsInitialsAndBreaks) {
  struct Case {
    std::string in;
    std::vector<std::string> sentences;
  } cases[] = {
      {"Mr. Diop arrived. He spoke.", {"Mr. Diop arrived.", "He spoke."}},
      {"Gen. Tiani met Col. Goita in Sept. 2023. Talks ended.",
       {"Gen. Tiani met Col. Goita in Sept. 2023.", "Talks ended."}},
      {"George W. Bush spoke. It rained!", {"George W. Bush spoke.", "It rained!"}},
      {"He said: “We signed.” Then he left.", {"He said: “We signed.”", "Then he left."}},
      {"Troops in the U.S. arrived", {"Troops in the U.S. arrived"}},
      {"Growth was 6.2 percent. Next", {"Growth was 6.2 percent.", "Next"}},
      {"Headline\nBody text here.", {"Headline", "Body text here."}},
      {"Is it? Yes.", {"Is it?", "Yes."}},
      // Abbreviations compared folded, ASCII or not; initials of one code point.
      {"It cost APPROX. Ten dollars.", {"It cost APPROX. Ten dollars."}},
      {"It cost APPROXX. Ten dollars.", {"It cost APPROXX.", "Ten dollars."}},
      {"\xef\xbc\xad\xef\xbd\x92. Diop arrived.", {"\xef\xbc\xad\xef\xbd\x92. Diop arrived."}},  // Ｍｒ.
      {"\xc3\x89. Zola wrote. He left.", {"\xc3\x89. Zola wrote.", "He left."}},  // É.
      {"\xc3\xa9. Zola wrote.", {"\xc3\xa9.", "Zola wrote."}},                  // é.
  };
  for (const auto& c : cases) EXPECT_EQ(sentence_texts(c.in), c.sentences) << c.in;
}

namespace {

// The sentence split as it was before tokenize() looked only at its stops (the
// tokens after a line break and the punctuation that may end a sentence): every
// token visited, the abbreviations found by a linear search.
std::vector<Sentence> reference_sentences(std::string_view s) {
  static const std::vector<std::string> abbreviations = {
      "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cpl", "maj", "adm",
      "cmdr", "gov", "sen", "rep", "pres", "rev", "fr", "st", "jr", "sr", "no", "nos", "vs",
      "etc", "inc", "ltd", "co", "corp", "dept", "univ", "est", "approx", "fig", "jan", "feb",
      "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "pp", "op"};
  auto cp_at = [&s](size_t i) { return text::decode(s, i).cp; };
  auto closing = [](char32_t c) {
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0xBB;
  };
  auto opening = [](char32_t c) {
    return c == '"' || c == '\'' || c == '(' || c == '[' || c == 0x201C || c == 0x2018 || c == 0xAB;
  };
  const std::vector<Token> toks = tokenize_words(s);
  const size_t n = toks.size();
  std::vector<Sentence> out;
  size_t sent_first = 0;
  auto close = [&](size_t last) {
    out.push_back({toks[sent_first].start, toks[last].end});
    sent_first = last + 1;
  };
  for (size_t i = 0; i < n; ++i) {
    const Token& t = toks[i];
    if (t.newline_before && i > sent_first) close(i - 1);
    if (t.kind != TokenKind::kPunct) continue;
    const char32_t cp = cp_at(t.start);
    if (cp != '.' && cp != '!' && cp != '?' && cp != 0x2026) continue;
    size_t last = i;
    while (last + 1 < n && !toks[last + 1].space_before &&
           toks[last + 1].kind == TokenKind::kPunct) {
      const char32_t c = cp_at(toks[last + 1].start);
      if (!(closing(c) || c == '.' || c == '!' || c == '?')) break;
      ++last;
    }
    if (last + 1 >= n) break;
    const Token& next = toks[last + 1];
    if (!next.space_before) continue;
    if (!(next.capitalized || next.kind == TokenKind::kNumber || opening(cp_at(next.start)) ||
          next.newline_before))
      continue;
    if (cp == '.' && i > 0 && toks[i - 1].end == t.start && toks[i - 1].kind == TokenKind::kWord) {
      const Token& w = toks[i - 1];
      const std::string_view prev = s.substr(w.start, w.end - w.start);
      const std::string folded = text::fold(prev);
      if (std::find(abbreviations.begin(), abbreviations.end(), folded) != abbreviations.end())
        continue;
      if (text::count_code_points(prev) == 1 && w.capitalized) continue;
    }
    close(last);
    i = last;
  }
  if (sent_first < n) close(n - 1);
  return out;
}

}  // namespace

TEST(Sentences, StopsGiveTheSplitOfEveryToken) {
  // Every abbreviation, in any case, and words next to them (a letter more or
  // less, seven bytes).
  std::vector<std::string> texts;
  for (const char* a : {"mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cpl",
                        "maj", "adm", "cmdr", "gov", "sen", "rep", "pres", "rev", "fr", "st", "jr",
                        "sr", "no", "nos", "vs", "etc", "inc", "ltd", "co", "corp", "dept", "univ",
                        "est", "approx", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
                        "sep", "sept", "oct", "nov", "dec", "mt", "ft", "pp", "op"}) {
    const std::string w = a;
    std::string upper = w;
    for (char& c : upper) c = static_cast<char>(c - 'a' + 'A');
    for (const std::string& v : {w, upper, std::string(1, upper[0]) + w.substr(1), w + "x",
                                 w.substr(0, w.size() - 1), "x" + w, w + "xxxxxx"})
      if (!v.empty()) texts.push_back("It was " + v + ". Then " + v + ".\nNext");
  }
  test_util::RandomText random(
      {"Mr", "mr", "APPROX", "approxx", "U.S", "J", "e", "\xc3\x89", "\xc3\xa9",
       "\xef\xbc\xad\xef\xbd\x92", "Word", "word", "12", "6.2", ".", ".", "!", "?", "?!",
       "\xe2\x80\xa6", "\"", "\xe2\x80\x9d", "\xe2\x80\x9c", "'", "\xe2\x80\x99", ")", "(", "]",
       "\xc2\xbb", "\xc2\xab", ",", "-", ":", " ", " ", " ", "\n", "\r\n", "\n\n", "\t"},
      2026);
  for (int k = 0; k < 20000; ++k) texts.push_back(random.next(24));
  for (const std::string& s : texts) {
    const TokenizedText tt = tokenize(s);
    const std::vector<Sentence> ref = reference_sentences(s);
    ASSERT_EQ(tt.sentences.size(), ref.size()) << s;
    for (size_t i = 0; i < ref.size(); ++i)
      ASSERT_TRUE(tt.sentences[i].start == ref[i].start && tt.sentences[i].end == ref[i].end)
          << "sentence " << i << " of \"" << s << "\"";
  }
}

TEST(Sentences, EveryTokenHasItsSentence) {
  std::string s = "One. Two three. Four";
  auto tt = tokenize(s);
  ASSERT_EQ(tt.sentence_of_token.size(), tt.tokens.size());
  EXPECT_EQ(tt.sentences.size(), 3u);
  EXPECT_EQ(sentence_at(tt.sentences, static_cast<uint32_t>(s.find("three"))), 1);
  EXPECT_EQ(tt.first_token_of_sentence.size(), tt.sentences.size() + 1);
}

TEST(Sentences, LongTextWithoutSpacesIsOneToken) {
  std::string s(1 << 20, 'a');
  auto tt = tokenize(s);
  ASSERT_EQ(tt.tokens.size(), 1u);
  EXPECT_EQ(tt.tokens[0].end, s.size());
}

// PackedWords::find_padded_present() (a mask of the bucket's hits) gives what
// find_padded() (a branch per slot) gives: for every word of an index of words of
// 1 to 16 bytes, in full buckets and in the buckets after them, and for words
// that are not in it.
TEST(PackedWords, FindPresentAgreesWithFind) {
  std::mt19937 rng(7);
  StringIndex words;
  std::vector<std::string> all;
  auto random_word = [&](size_t n) {
    std::string w;
    for (size_t k = 0; k < n; ++k) w += static_cast<char>('a' + rng() % 4);  // many near twins
    return w;
  };
  for (int i = 0; i < 5000; ++i) {
    const std::string w = random_word(1 + rng() % 16);
    words.intern(w);
    all.push_back(w);
  }
  internal::PackedWords packed;
  std::vector<uint32_t> extras(words.size());
  for (uint32_t id = 0; id < extras.size(); ++id) extras[id] = id * 7 + 1;
  packed.build(words, extras.data());
  for (int i = 0; i < 5000; ++i) all.push_back(random_word(1 + rng() % 16));  // mostly absent
  for (const std::string& w : all) {
    std::string padded = w + std::string(16, '\0');
    const internal::PackedWordEntry a = packed.find_padded(padded.data(), w.size());
    const internal::PackedWordEntry b = packed.find_padded_present(padded.data(), w.size());
    ASSERT_EQ(a.id, b.id) << w;
    ASSERT_EQ(a.extra, b.extra) << w;
    ASSERT_EQ(a.id, words.find(w)) << w;
  }
}
