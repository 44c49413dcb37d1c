#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

#include "analysis/tokenizer.hpp"
#include "test_support.hpp"
#include "text/char_normalizer.hpp"

using namespace mirsad;
using namespace mirsad::test;

namespace {

std::vector<std::pair<uint32_t, uint32_t>> spans(const Tokenizer& tokenizer, const NormalizedText& n) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  for (const Token& t : tokenizer.tokenize(n)) out.emplace_back(t.norm_begin, t.norm_end);
  return out;
}

}  // namespace

// The fast path (plain Arabic chunks split without ICU) must give exactly ICU's tokens.
TEST(TokenizerTest, FastPathAgreesWithIcu) {
  const Tokenizer fast(true), icu_only(false);
  const CharNormalizer normalizer;
  std::mt19937 rng(7);
  const std::u16string alphabet = u"ليبياوتونسمصرabc ،؛؟«»()-/.:'’0123456789\n\u00A0\"!,;?*ﷺ٣+_#@";
  for (int round = 0; round < 5000; ++round) {
    std::u16string s;
    const int len = static_cast<int>(rng() % 30);
    for (int i = 0; i < len; ++i) s.push_back(alphabet[rng() % alphabet.size()]);
    const NormalizedText n = normalizer.normalize(s);
    ASSERT_EQ(spans(fast, n), spans(icu_only, n)) << "input: " << u8(s);
  }
  // and on real news text
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(MIRSAD_SOURCE_DIR) / "seeds")) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const NormalizedText n = normalizer.normalize(u16(bytes));
    EXPECT_EQ(spans(fast, n), spans(icu_only, n)) << entry.path();
  }
}

TEST(TokenizerTest, DottedAndColonJoinedLettersFollowIcu) {
  const Tokenizer tokenizer;
  const NormalizedText n = CharNormalizer().normalize(u"a.b ب:ت ليبيا.");
  const auto s = spans(tokenizer, n);
  // a.b is one word under UAX #29 (MidNumLet between letters); ICU's root rules no longer
  // treat ':' as MidLetter, so ب:ت is two; the final dot is not part of ليبيا.
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0], (std::pair<uint32_t, uint32_t>{0, 3}));
  EXPECT_EQ(s[3], (std::pair<uint32_t, uint32_t>{8, 13}));
}

TEST(TokenizerTest, AFullStopBetweenArabicLettersEndsASentence) {
  const Tokenizer tokenizer;
  const NormalizedText n = CharNormalizer().normalize(u"للمقاتلين التونسيين.ويثير a.b");
  const auto s = spans(tokenizer, n);
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[1], (std::pair<uint32_t, uint32_t>{10, 19}));  // التونسيين
  EXPECT_EQ(s[2], (std::pair<uint32_t, uint32_t>{20, 25}));  // ويثير
  EXPECT_EQ(s[3], (std::pair<uint32_t, uint32_t>{26, 29}));  // a.b stays one word
}
