#include <gtest/gtest.h>

#include "analysis/lexicon.hpp"
#include "api/lexicon_sources.hpp"
#include "test_support.hpp"

using namespace mirsad;
using namespace mirsad::test;

namespace {

std::vector<std::u16string> words_of(std::string_view serialized) {
  std::vector<std::u16string> out;
  const std::u16string all = u16(serialized);
  std::size_t from = 0;
  while (from < all.size()) {
    std::size_t end = all.find(u'\n', from);
    if (end == std::u16string::npos) end = all.size();
    out.push_back(all.substr(from, end - from));
    from = end + 1;
  }
  return out;
}

}  // namespace

// The wasm module embeds the lexicon serialized at build time: reading it back must give the
// lexicon built from the sources, word for word, stop word for stop word.
TEST(LexiconTest, SerializedLexiconReadsBackAsBuiltFromItsSources) {
  const Lexicon built = build_lexicon_from_sources();
  ASSERT_GT(built.size(), 100000u);  // the hunspell-ar stems, the gazetteer, CLDR names
  const std::string text = built.serialize();

  Lexicon read;
  ASSERT_TRUE(read.add_serialized(text));
  EXPECT_EQ(read.size(), built.size());
  EXPECT_EQ(read.stopword_count(), built.stopword_count());
  EXPECT_EQ(read.serialize(), text);

  std::size_t checked = 0;
  bool in_stopwords = false;
  for (const std::u16string& line : words_of(text)) {
    if (line == u"=stopwords") { in_stopwords = true; continue; }
    if (line.empty() || line[0] == u'#' || line[0] == u'=') continue;
    EXPECT_EQ(read.contains(line), built.contains(line));
    EXPECT_EQ(read.is_stopword(line), built.is_stopword(line));
    EXPECT_TRUE(in_stopwords ? read.is_stopword(line) : read.contains(line)) << u8(line);
    // Words met through the article are derived again on reading: جزائر through الجزائر.
    if (!in_stopwords && line.size() > 2 && line.starts_with(u"\u0627\u0644")) {
      EXPECT_TRUE(read.knows(line.substr(2))) << u8(line);
    }
    ++checked;
  }
  EXPECT_EQ(checked, built.size() + built.stopword_count());
}

TEST(LexiconTest, MalformedSerializedTextIsRefusedAndAddsNothing) {
  Lexicon lexicon;
  EXPECT_FALSE(lexicon.add_serialized(""));
  EXPECT_FALSE(lexicon.add_serialized("ليبيا\nتونس\n"));  // no section lines
  EXPECT_FALSE(lexicon.add_serialized("#\n=stopwords\nفي\n=words\nليبيا\n"));  // sections swapped
  EXPECT_EQ(lexicon.size(), 0u);
  EXPECT_EQ(lexicon.stopword_count(), 0u);

  ASSERT_TRUE(lexicon.add_serialized("# a comment\n=words\nليبيا\n# another\nتونس\n=stopwords\nفي\n"));
  EXPECT_EQ(lexicon.size(), 2u);
  EXPECT_TRUE(lexicon.contains(u16("تونس")));
  EXPECT_TRUE(lexicon.is_stopword(u16("في")));
  EXPECT_FALSE(lexicon.contains(u16("في")));
}

// Words that would read back as a comment or a section line are not written.
TEST(LexiconTest, SerializeSkipsWordsThatWouldReadBackAsMarkup) {
  Lexicon lexicon;
  lexicon.add(u"#hash");
  lexicon.add(u"=words");
  lexicon.add(u"ليبيا");
  Lexicon read;
  ASSERT_TRUE(read.add_serialized(lexicon.serialize()));
  EXPECT_EQ(read.size(), 1u);
  EXPECT_TRUE(read.contains(u"ليبيا"));
}
