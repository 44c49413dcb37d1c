#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace mirsad;
using namespace mirsad::test;

TEST(Utf8Decoding, ArabicRoundTrips) {
  const std::string s = "ليبيا وتونس";
  EXPECT_EQ(u8(u16(s)), s);
  EXPECT_EQ(u16(s).size(), 11u);
}

TEST(Utf8Decoding, InvalidBytesBecomeOneReplacementPerMaximalSubsequence) {
  std::size_t bad = 0;
  // C0 is never valid; E2 82 is a truncated 3-byte sequence (one error); ED A0 80 is a surrogate (three errors).
  const auto out = utf8_to_utf16(std::string("a\xC0" "b\xE2\x82" "c\xED\xA0\x80" "d"), &bad);
  EXPECT_EQ(out, u"a\uFFFDb\uFFFDc\uFFFD\uFFFD\uFFFDd");
  EXPECT_EQ(bad, 5u);
}

TEST(Utf8Decoding, SupplementaryCharactersUseSurrogatePairs) {
  const auto out = u16("x\xF0\x9F\x98\x80y");
  ASSERT_EQ(out.size(), 4u);
  EXPECT_TRUE(is_high_surrogate(out[1]));
  EXPECT_TRUE(is_low_surrogate(out[2]));
}

TEST(Utf16Encoding, LoneSurrogateBecomesReplacementCharacter) {
  const std::u16string s = {u'a', char16_t(0xD800), u'b'};
  EXPECT_EQ(u8(s), "a\xEF\xBF\xBD" "b");
}
