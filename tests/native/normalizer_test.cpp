#include <gtest/gtest.h>

#include <random>

#include "test_support.hpp"
#include "text/char_normalizer.hpp"

using namespace mirsad;
using namespace mirsad::test;

namespace {
std::string norm(std::string_view s, NormalizationOptions o = NormalizationOptions::full()) {
  return u8(CharNormalizer(o).normalize_plain(u16(s)));
}
}  // namespace

TEST(CharNormalizer, PresentationFormsFoldToBaseLetters) {
  EXPECT_EQ(norm("ﻟﻴﺒﻴﺎ"), "ليبيا");
  EXPECT_EQ(norm("ﻻ"), "لا");
}

TEST(CharNormalizer, RemovesHarakatTatweelAndInvisibleCharacters) {
  EXPECT_EQ(norm("لِيبْيَا"), "ليبيا");
  EXPECT_EQ(norm("ليـــبيا"), "ليبيا");
  EXPECT_EQ(norm("لي\u200Cبيا\u200F"), "ليبيا");
}

TEST(CharNormalizer, FoldsAlefYehTehMarbutaPersianAndDigits) {
  EXPECT_EQ(norm("أإآٱ"), "اااا");
  EXPECT_EQ(norm("مصطفى"), "مصطفي");
  EXPECT_EQ(norm("الليبية"), "الليبيه");
  EXPECT_EQ(norm("ی ک"), "ي ك");
  EXPECT_EQ(norm("٢٠١٦ ۲۰۱۶"), "2016 2016");
}

TEST(CharNormalizer, KeepsHamzaSeatsDistinct) {
  EXPECT_EQ(norm("مسؤول رئيس ماء"), "مسؤول رئيس ماء");
}

TEST(CharNormalizer, LatinIsCaseFolded) { EXPECT_EQ(norm("LIBYA Ｌｉｂｙａ"), "libya libya"); }

TEST(CharNormalizer, ExactOnlyComposes) {
  // ا + hamza above composes to أ under NFC; harakat stay.
  EXPECT_EQ(norm("\u0627\u0654\u064E", NormalizationOptions::exact()), "\u0623\u064E");
}

// Issue 14: an override pasted into a word (U+202E) or a closing isolate (U+2069) after it must
// not make another term of the word, even at the literal level, which keeps ZWNJ as written.
TEST(CharNormalizer, BidiControlsAreRemovedAtEveryLevelWithExactOffsets) {
  const std::string controls = "\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";
  for (const auto& options : {NormalizationOptions::exact(), NormalizationOptions::orthographic(), NormalizationOptions::full()}) {
    EXPECT_EQ(norm("\u202Dلي\u202Eبيا\u2069", options), "ليبيا");
    EXPECT_EQ(norm("x" + controls + "y", options), "xy");
  }
  EXPECT_EQ(norm("لي\u200Cبيا", NormalizationOptions::exact()), "لي\u200Cبيا") << "ZWNJ is spelling, kept as written";
  // The removed controls belong to the letter before them, as removed marks do: the word's span
  // in the original covers them, and nothing outside it.
  const std::u16string text = u16("\u202Eلي\u2067بيا\u2069 x");
  const NormalizedText n = CharNormalizer(NormalizationOptions::exact()).normalize(text);
  ASSERT_EQ(u8(n.text), "ليبيا x");
  EXPECT_EQ(n.original_span(0, 5), (Span{0, 8}));
  EXPECT_EQ(n.original_span(6, 7), (Span{9, 10}));
}

TEST(CharNormalizer, OrthographicKeepsLettersAsWritten) {
  EXPECT_EQ(norm("إِرْهَابِيَّة", NormalizationOptions::orthographic()), "إرهابية");
}

TEST(CharNormalizer, RemovedMarksAreChargedToThePrecedingLetter) {
  const std::u16string text = u16("بَلَدٌ");
  const NormalizedText n = CharNormalizer().normalize(text);
  ASSERT_EQ(u8(n.text), "بلد");
  EXPECT_EQ(n.original_span(0, 3).start, 0u);
  EXPECT_EQ(n.original_span(0, 3).end, text.size());  // the final tanween is inside the word
}

TEST(CharNormalizer, PresentationFormLigatureMapsBothLettersToItsOneUnit) {
  const std::u16string text = u16("xﻻy");
  const NormalizedText n = CharNormalizer().normalize(text);
  ASSERT_EQ(u8(n.text), "xلاy");
  EXPECT_EQ(n.origin[1], (Span{1, 2}));
  EXPECT_EQ(n.origin[2], (Span{1, 2}));
  EXPECT_EQ(n.origin[3], (Span{2, 3}));
}

TEST(CharNormalizer, PropertiesHoldOnRandomAndAdversarialInput) {
  std::mt19937 rng(20261125);
  const std::vector<char16_t> alphabet = {u'ل', u'ي', u'ب', u'ا', u'أ', u'\u064E', u'\u0651', u'\u0654', u'\u064B', u'\u0640', u'\u200C',
                                          u'ﻻ', u'ﻟ', u'٣', u' ', u'.', u'A', u'\u0301', u'e', u'\uFDFA',
                                          char16_t(0xD83D), char16_t(0xDE00), char16_t(0xDC00), u'ة', u'\uFEFF'};
  const CharNormalizer normalizer;
  for (int round = 0; round < 3000; ++round) {
    std::u16string s;
    const int len = static_cast<int>(rng() % 24);
    for (int i = 0; i < len; ++i) s.push_back(alphabet[rng() % alphabet.size()]);
    const NormalizedText n = normalizer.normalize(s);
    ASSERT_EQ(n.text.size(), n.origin.size());
    uint32_t last_start = 0;
    for (const Span& o : n.origin) {
      ASSERT_LE(o.start, o.end);
      ASSERT_LE(o.end, s.size());
      ASSERT_GE(o.start, last_start);  // monotonic
      last_start = o.start;
      // never inside a surrogate pair
      if (o.start > 0 && o.start < s.size()) {
        ASSERT_FALSE(is_low_surrogate(s[o.start]) && is_high_surrogate(s[o.start - 1]));
      }
    }
    ASSERT_EQ(normalizer.normalize_plain(n.text), n.text) << "not idempotent on round " << round;
  }
}

TEST(CharNormalizer, EmptyInput) { EXPECT_TRUE(CharNormalizer().normalize(u"").text.empty()); }

TEST(CharNormalizer, RemovedMarkThatBlockedACompositionIsRenormalized) {
  // n + U+0610 (an Arabic sign, removed) + U+0301: once the sign is gone, n and the acute compose.
  EXPECT_EQ(norm("n\u0610\u0301"), "\u0144");
}

TEST(CharNormalizer, LetterWithRemovedHarakatIsTheBareLetterCoveringTheMarks) {
  const std::u16string text = u16("بَّ مَدْرَسَةٌ");
  const NormalizedText n = CharNormalizer().normalize(text);
  EXPECT_EQ(u8(n.text), "ب مدرسه");
  EXPECT_EQ(n.origin.at(0), (Span{0, 3}));  // the letter answers for its two marks
  EXPECT_EQ(n.origin.back(), (Span{static_cast<uint32_t>(text.size() - 2), static_cast<uint32_t>(text.size())}));
}

TEST(CharNormalizer, AMarkThatComposesIsNotDroppedWithTheHarakat) {
  // Hamza above composes with waw and yeh (NFC), even after a shadda or fatha (lower combining
  // class, so not blocking): the harakat shortcut must leave this to ICU. (Full folds أ to ا.)
  EXPECT_EQ(norm("و\u0651\u0654"), "ؤ");
  EXPECT_EQ(norm("ي\u064E\u0654"), "ئ");
  EXPECT_EQ(norm("ي\u0654\u064E"), "ئ");
  EXPECT_EQ(norm("ا\u064E\u0654", NormalizationOptions::exact()), "أ\u064E");
}
