#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "analysis/analyzer.hpp"
#include "test_support.hpp"

using namespace mirsad;
using namespace mirsad::test;

namespace {

// A lexicon with a few real words, as the engine would build from CLDR and the gazetteer.
Lexicon sample_lexicon() {
  Lexicon lexicon;
  for (const char* w : {"ليبيا", "تونس", "الجزائر", "طرابلس", "مصر", "داعش", "القذافي", "الي", "والي", "وزير"}) {
    lexicon.add(CharNormalizer().normalize_plain(u16(w)));
  }
  return lexicon;
}

struct AnalyzerTest : ::testing::Test {
  Lexicon lexicon = sample_lexicon();
  Analyzer analyzer{lexicon};
  std::vector<std::string> terms(std::string_view text, MatchLevel level) {
    const std::u16string input = u16(text);  // exact terms point into it
    const AnalyzedText analyzed = analyzer.analyze(input);
    std::vector<std::string> out;
    for (const auto& t : analyzed.tokens) out.push_back(u8(t.term(level)));
    return out;
  }
  std::string base(std::string_view word) { return terms(word, MatchLevel::Word).at(0); }
};

}  // namespace

TEST_F(AnalyzerTest, PunctuationNeverBelongsToATokenAndSpansAreExact) {
  const std::u16string text = u16("«ليبيا»، وتونس؟ (مصر)");
  const auto analyzed = analyzer.analyze(text);
  ASSERT_EQ(analyzed.tokens.size(), 3u);
  EXPECT_EQ(slice(text, analyzed.tokens[0].token.span.start, analyzed.tokens[0].token.span.end), "ليبيا");
  EXPECT_EQ(slice(text, analyzed.tokens[1].token.span.start, analyzed.tokens[1].token.span.end), "وتونس");
  EXPECT_EQ(slice(text, analyzed.tokens[2].token.span.start, analyzed.tokens[2].token.span.end), "مصر");
}

TEST_F(AnalyzerTest, BidiControlsNeverEnterATermAtAnyLevel) {
  const std::u16string text = u16("\u202Dلي\u202Eبيا\u2069 و\u2066تونس\u200F");
  const auto analyzed = analyzer.analyze(text);
  ASSERT_EQ(analyzed.tokens.size(), 2u);
  for (const auto level : {MatchLevel::Exact, MatchLevel::Normalized, MatchLevel::Word, MatchLevel::Stem}) {
    EXPECT_EQ(u8(analyzed.tokens[0].term(level)), "ليبيا") << int(level);
    EXPECT_EQ(u8(analyzed.tokens[1].term(level)), level == MatchLevel::Exact || level == MatchLevel::Normalized ? "وتونس" : "تونس");
  }
  // The spans still cut the original text, the controls within and around the word included
  // (removed characters belong to the neighbouring letter, as harakat do).
  EXPECT_EQ(slice(text, analyzed.tokens[0].token.span.start, analyzed.tokens[0].token.span.end), "\u202Dلي\u202Eبيا\u2069");
}

TEST_F(AnalyzerTest, NumbersJoinedBySlashOrPlusStayOneToken) {
  EXPECT_EQ(terms("الثلاثاء 2015/02/24 و5+5 و1,000.5", MatchLevel::Normalized),
            (std::vector<std::string>{"الثلاثاء", "2015/02/24", "5+5", "1,000.5"}));
}

TEST_F(AnalyzerTest, EasternDigitsMatchWesternDigits) {
  EXPECT_EQ(terms("٢٠١٦", MatchLevel::Word), terms("2016", MatchLevel::Word));
}

TEST_F(AnalyzerTest, ProcliticsOnKnownWordsAreStripped) {
  EXPECT_EQ(base("وليبيا"), "ليبيا");
  EXPECT_EQ(base("لليبيا"), "ليبيا");  // ل + ليبيا, not لل + يبيا
  EXPECT_EQ(base("بليبيا"), "ليبيا");
  EXPECT_EQ(base("فليبيا"), "ليبيا");
  EXPECT_EQ(base("وبطرابلس"), "طرابلس");
  EXPECT_EQ(base("لداعش"), "داعش");
}

TEST_F(AnalyzerTest, ArticleStacksAreStripped) {
  EXPECT_EQ(base("والجزائر"), "جزائر");
  EXPECT_EQ(base("بالجزائر"), "جزائر");
  EXPECT_EQ(base("للجزائر"), "جزائر");  // لل = ل + ال
  EXPECT_EQ(base("البلدان"), "بلدان");
}

TEST_F(AnalyzerTest, LibyanAdjectiveIsNotLibya) { EXPECT_NE(base("الليبية"), base("ليبيا")); }

TEST_F(AnalyzerTest, RadicalInitialWordsSurvive) {
  for (const char* w : {"ليبيا", "لجنة", "وزير", "بلد", "فرض", "كان", "وكالة"}) {
    EXPECT_EQ(base(w), u8(CharNormalizer().normalize_plain(u16(w)))) << w;
  }
  EXPECT_EQ(base("والي"), "والي");  // known as written: not و + الي
}

TEST_F(AnalyzerTest, LightStemsMeet) {
  const auto a = terms("الإرهاب إرهابية الإرهابيين", MatchLevel::Stem);
  EXPECT_EQ(a[0], "ارهاب");
  EXPECT_EQ(a[1], "ارهاب");
  EXPECT_EQ(a[2], "ارهاب");
}

TEST_F(AnalyzerTest, QueryWithHarakatPresentationFormsOrHamzaVariantMatchesPlain) {
  EXPECT_EQ(terms("لِيبْيَا", MatchLevel::Word), terms("ليبيا", MatchLevel::Word));
  EXPECT_EQ(terms("ﻟﻴﺒﻴﺎ", MatchLevel::Word), terms("ليبيا", MatchLevel::Word));
  EXPECT_EQ(terms("إرهاب", MatchLevel::Normalized), terms("ارهاب", MatchLevel::Normalized));
}

TEST_F(AnalyzerTest, TokenEndingInHarakatIncludesThem) {
  const std::u16string text = u16("زار ليبيا الْيَوْمَ");
  const auto analyzed = analyzer.analyze(text);
  ASSERT_EQ(analyzed.tokens.size(), 3u);
  EXPECT_EQ(analyzed.tokens[2].token.span.end, text.size());
}

TEST_F(AnalyzerTest, NameSpanExcludesParticleButKeepsArticle) {
  const std::u16string text = u16("وليبيا والجزائر");
  const auto analyzed = analyzer.analyze(text);
  ASSERT_EQ(analyzed.tokens.size(), 2u);
  const Span a = analyzed.tokens[0].name_span, b = analyzed.tokens[1].name_span;
  EXPECT_EQ(slice(text, a.start, a.end), "ليبيا");
  EXPECT_EQ(slice(text, b.start, b.end), "الجزائر");  // the article belongs to the name as written
}

TEST_F(AnalyzerTest, ArticleIsNotCutWhenItWouldLeaveAFunctionWord) {
  Lexicon with_stops = sample_lexicon();
  with_stops.add_stopword(u"\u0644\u0647");  // له
  const Analyzer a(with_stops);
  const std::u16string text = u16("الله والله");
  const AnalyzedText analyzed = a.analyze(text);
  EXPECT_EQ(u8(analyzed.tokens[0].term(MatchLevel::Word)), "الله");
  const std::u16string lahu = u16("له");
  EXPECT_TRUE(a.analyze(lahu).tokens[0].stop);
}

TEST_F(AnalyzerTest, OneCharacterExpandingToSeveralWordsGivesThemItsSpan) {
  const std::u16string text = u16("قال ﷺ اليوم");
  const AnalyzedText analyzed = analyzer.analyze(text);
  const auto& tokens = analyzed.tokens;
  ASSERT_EQ(tokens.size(), 6u);  // قال + صلى الله عليه وسلم + اليوم
  for (std::size_t i = 1; i <= 4; ++i) EXPECT_EQ(tokens[i].token.span, (Span{4, 5}));
}

TEST_F(AnalyzerTest, EveryProcliticStackOnAKnownWord) {
  // conjunction × preposition × article, with لل = ل + ال
  for (const char* w : {"والجزائر", "بالجزائر", "فالجزائر", "كالجزائر", "للجزائر", "وللجزائر", "وبالجزائر", "فبالجزائر",
                        "ولليبيا", "وبليبيا", "فلليبيا", "كليبيا"}) {
    const std::string b = base(w);
    EXPECT_TRUE(b == "جزائر" || b == "ليبيا") << w << " → " << b;
  }
}

TEST_F(AnalyzerTest, LatinAndMixedTokensAreKeptWhole) {
  EXPECT_EQ(terms("G5 COVID-19 iPhone ISIS", MatchLevel::Normalized),
            (std::vector<std::string>{"g5", "covid", "19", "iphone", "isis"}));
  EXPECT_EQ(terms("قمة G20 في", MatchLevel::Word), (std::vector<std::string>{"قمه", "g20", "في"}));
}

TEST_F(AnalyzerTest, QuotesAndArabicPunctuationNeverJoinATokenOrEnterIt) {
  const std::u16string text = u16("''ليبيا'' “تونس” «مصر»؛ الجزائر؟ (سرت)، درنة!");
  const AnalyzedText analyzed = analyzer.analyze(text);
  std::vector<std::string> words;
  for (const auto& t : analyzed.tokens) words.push_back(slice(text, t.token.span.start, t.token.span.end));
  EXPECT_EQ(words, (std::vector<std::string>{"ليبيا", "تونس", "مصر", "الجزائر", "سرت", "درنة"}));
}

TEST_F(AnalyzerTest, OffsetsStayValidOnRandomMixedText) {
  std::mt19937 rng(99);
  const std::u16string alphabet = u"ليبيا وَلِلْجَزَائِرِ ﻟﻴﺒﻴﺎ ﻻ ٢٠١٦ 5+5 a.b ''«» \u200C\u0640\U0001F600ﷺ";
  for (int round = 0; round < 2000; ++round) {
    std::u16string s;
    for (int i = 0, len = static_cast<int>(rng() % 40); i < len; ++i) s.push_back(alphabet[rng() % alphabet.size()]);
    const AnalyzedText analyzed = analyzer.analyze(s);
    uint32_t previous_start = 0;
    for (const auto& t : analyzed.tokens) {
      ASSERT_LT(t.token.span.start, t.token.span.end);
      ASSERT_LE(t.token.span.end, s.size());
      ASSERT_GE(t.token.span.start, previous_start);
      previous_start = t.token.span.start;
      for (const uint32_t edge : {t.token.span.start, t.token.span.end}) {
        ASSERT_FALSE(edge > 0 && edge < s.size() && is_low_surrogate(s[edge]) && is_high_surrogate(s[edge - 1]));
      }
    }
  }
}

TEST_F(AnalyzerTest, SurfaceAnalysisThenFiltersEqualsFullAnalysis) {
  // Indexing analyzes at Surface depth and runs the token filters only for new terms: what it
  // gets must be exactly what a Full analysis gives, token by token (clitics, stems, stop flags,
  // name spans), on real news text and on edge cases.
  std::vector<std::u16string> texts = {
      u16("وليبيا ولليبيا بليبيا والقذافي، كتبوا 2015/02/24 و5+5 بالله ﻻ xﻻy مَدْرَسَةٌ الإرهابيين")};
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(MIRSAD_SOURCE_DIR) / "seeds")) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    texts.push_back(u16(std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>())));
  }
  for (const std::u16string& text : texts) {
    const AnalyzedText full = analyzer.analyze(text);
    const AnalyzedText surface = analyzer.analyze(text, AnalysisDepth::Surface);
    ASSERT_EQ(full.tokens.size(), surface.tokens.size());
    EXPECT_TRUE(surface.tokens.at(0).term(MatchLevel::Word).empty()) << "Surface must leave the filters undone";
    for (std::size_t i = 0; i < full.tokens.size(); ++i) {
      const AnalyzedToken f = full.tokens[i], s = surface.filtered_token(i);
      for (const MatchLevel level : kAllMatchLevels) ASSERT_EQ(u8(f.term(level)), u8(s.term(level))) << i;
      ASSERT_EQ(f.stop, s.stop) << i;
      ASSERT_EQ(f.name_span, s.name_span) << i;
      ASSERT_EQ(f.token.span, s.token.span) << i;
    }
  }
}
