#include <gtest/gtest.h>

#include <random>
#include <set>

#include "analysis/lexicon.hpp"
#include "analysis/lexicon_front_coding.hpp"
#include "api/lexicon_sources.hpp"
#include "test_support.hpp"

using namespace mirsad;
using namespace mirsad::test;

namespace {

// The lines of one section of a serialized lexicon.
std::vector<std::u16string> section(const std::string& serialized, const std::string& name) {
  std::vector<std::u16string> out;
  std::size_t from = serialized.find("\n=" + name);
  if (from == std::string::npos) return out;
  from = serialized.find('\n', from + 1) + 1;  // past the section line and its count
  while (from < serialized.size() && serialized[from] != '=') {
    const std::size_t end = serialized.find('\n', from);
    if (end > from) out.push_back(u16(std::string_view(serialized).substr(from, end - from)));
    from = end + 1;
  }
  return out;
}

// Words that are no lexicon word: the same letters cut or changed.
std::vector<std::u16string> near_misses(const std::vector<std::u16string>& words) {
  std::vector<std::u16string> out;
  for (std::size_t i = 0; i < words.size(); i += 97) {
    out.push_back(words[i] + u"\u0643");
    out.push_back(words[i].substr(1));
  }
  return out;
}

}  // namespace

// The wasm module embeds the lexicon serialized at build time: reading it back, into hash sets or
// adopted in place, must give the lexicon built from the sources, word for word.
TEST(LexiconTest, SerializedLexiconReadsBackAsBuiltFromItsSources) {
  const Lexicon built = build_lexicon_from_sources();
  ASSERT_GT(built.size(), 100000u);  // the hunspell-ar stems, the gazetteer, CLDR names
  const std::string text = built.serialize();
  const std::vector<std::u16string> words = section(text, "words");
  const std::vector<std::u16string> after_article = section(text, "after_article");
  const std::vector<std::u16string> stopwords = section(text, "stopwords");
  ASSERT_EQ(words.size(), built.size());
  ASSERT_EQ(stopwords.size(), built.stopword_count());
  ASSERT_FALSE(after_article.empty());

  Lexicon read;
  ASSERT_TRUE(read.add_serialized(text));
  EXPECT_TRUE(read.hashed());
  EXPECT_EQ(read.size(), built.size());
  EXPECT_EQ(read.serialize(), text);

  Lexicon adopted;
  ASSERT_TRUE(adopted.adopt_prebuilt(text));
  EXPECT_FALSE(adopted.hashed());
  EXPECT_EQ(adopted.size(), built.size());
  EXPECT_EQ(adopted.stopword_count(), built.stopword_count());
  // By bisection first: the first lookups must not have hashed anything.
  for (std::size_t i = 0; i < words.size(); i += 101) EXPECT_TRUE(adopted.contains(words[i])) << u8(words[i]);
  for (std::size_t i = 0; i < after_article.size(); i += 53) EXPECT_TRUE(adopted.knows(after_article[i]));
  for (const std::u16string& w : near_misses(words)) {
    EXPECT_EQ(adopted.contains(w), built.contains(w)) << u8(w);
    EXPECT_EQ(adopted.knows(w), built.knows(w)) << u8(w);
  }
  EXPECT_FALSE(adopted.hashed());
  // Then every word, which passes the bisection budget and moves the words into hash sets.
  for (const std::u16string& w : words) ASSERT_TRUE(adopted.contains(w)) << u8(w);
  for (const std::u16string& w : after_article) ASSERT_TRUE(adopted.knows(w)) << u8(w);
  for (const std::u16string& w : stopwords) ASSERT_TRUE(adopted.is_stopword(w)) << u8(w);
  EXPECT_TRUE(adopted.hashed());
  for (const std::u16string& w : near_misses(words)) EXPECT_EQ(adopted.knows(w), built.knows(w)) << u8(w);
  EXPECT_EQ(adopted.serialize(), text);
}

TEST(LexiconTest, MalformedSerializedTextIsRefusedAndAddsNothing) {
  for (const char* bad : {"",
                          "ليبيا\nتونس\n",                                                   // no section lines
                          "#\n=stopwords\nفي\n=words 1\nليبيا\n",                             // a section missing
                          "#\n=stopwords\n=words 1\nليبيا\n=after_article 0\n",                // out of order
                          "#\n=stopwords\n=after_article 0\n=words 2\nليبيا\nتونس\n",          // not sorted
                          "#\n=stopwords\n=after_article 0\n=words 2\nتونس\nتونس\n",           // a word twice
                          "#\n=stopwords\n=after_article 0\n=words 3\nتونس\nليبيا\n",          // count wrong
                          "#\n=stopwords\n=after_article 0\n=words x\nتونس\n"}) {              // count not a number
    Lexicon lexicon;
    EXPECT_FALSE(lexicon.add_serialized(bad)) << bad;
    EXPECT_EQ(lexicon.size(), 0u);
    EXPECT_EQ(lexicon.stopword_count(), 0u);
  }
  // Adopting reads only the section lines (the build checked the rest): it refuses what lacks them.
  for (const char* bad : {"", "ليبيا\nتونس\n", "#\n=stopwords\nفي\n=words 1\nليبيا\n",
                          "#\n=stopwords\n=after_article 0\n=words x\nتونس\n"}) {
    Lexicon lexicon;
    EXPECT_FALSE(lexicon.adopt_prebuilt(bad)) << bad;
    EXPECT_EQ(lexicon.size(), 0u);
  }
  Lexicon lexicon;
  const std::string good = "# a comment\n=stopwords\nفي\n=after_article 1\nجزائر\n=words 2\nالجزائر\nتونس\n";
  ASSERT_TRUE(lexicon.adopt_prebuilt(good));
  EXPECT_EQ(lexicon.size(), 2u);
  EXPECT_TRUE(lexicon.contains(u16("تونس")));
  EXPECT_TRUE(lexicon.knows(u16("جزائر")));
  EXPECT_FALSE(lexicon.contains(u16("جزائر")));
  EXPECT_TRUE(lexicon.is_stopword(u16("في")));
  EXPECT_FALSE(lexicon.contains(u16("في")));
  EXPECT_FALSE(lexicon.adopt_prebuilt(good));  // only into an empty lexicon
  // Adding a word hashes the adopted ones first, so none is lost.
  lexicon.add(u16("ليبيا"));
  EXPECT_TRUE(lexicon.hashed());
  EXPECT_EQ(lexicon.size(), 3u);
  EXPECT_TRUE(lexicon.knows(u16("جزائر")));
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

// Bisection over bytes against a plain set, on random lists of short words over a small
// alphabet (many shared prefixes, words that are prefixes of others, one-word lists).
TEST(LexiconTest, SortedWordListAgreesWithASetOnRandomLists) {
  std::mt19937 rng(20261126);
  const std::u16string alphabet = u"\u0627\u0628\u062a\u0644\u064a\u0629a";
  const auto random_word = [&](std::size_t max_len) {
    std::u16string w;
    const std::size_t len = 1 + rng() % max_len;
    for (std::size_t i = 0; i < len; ++i) w += alphabet[rng() % alphabet.size()];
    return w;
  };
  for (int round = 0; round < 200; ++round) {
    std::set<std::string> words;
    const std::size_t n = 1 + rng() % (round < 20 ? 3 : 300);
    while (words.size() < n) words.insert(u8(random_word(6)));
    std::string lines;
    for (const std::string& w : words) (lines += w) += '\n';
    std::size_t count = 0;
    ASSERT_TRUE(SortedWordList::sorted(lines, count));
    ASSERT_EQ(count, words.size());
    const SortedWordList list(lines, count);
    for (const std::string& w : words) ASSERT_TRUE(list.contains(u16(w))) << w;
    for (int probe = 0; probe < 300; ++probe) {
      const std::u16string w = random_word(7);
      ASSERT_EQ(list.contains(w), words.count(u8(w)) == 1) << u8(w);
    }
  }
}

// The modules embed the lexicon front-coded: decoding gives the serialized text back byte for
// byte (sections, comments, words sharing prefixes, a last line without a newline), and a
// malformed coding is refused.
TEST(LexiconFrontCoding, DecodesToTheSerializedTextByteForByte) {
  const std::string serialized =
      "# Mirsad lexicon\n=stopwords\nفي\nمن\n=after_article 2\nجزائر\nجيش\n=words 5\nوزير\nوزيرا\nوزيرة\nوزيرات\nيوم";
  const std::string coded = front_code_lexicon(serialized);
  EXPECT_LT(coded.size(), serialized.size());
  std::string decoded;
  ASSERT_TRUE(front_decode_lexicon(coded, decoded));
  EXPECT_EQ(decoded, serialized);
  ASSERT_TRUE(front_decode_lexicon(front_code_lexicon(serialized + "\n"), decoded));
  EXPECT_EQ(decoded, serialized + "\n");
  // A word claiming more shared bytes than the word before has.
  EXPECT_FALSE(front_decode_lexicon(std::string("\x7f=words 1\n") + static_cast<char>(0x25) + "x", decoded));
  EXPECT_FALSE(front_decode_lexicon("\n", decoded));
  // Long shared prefixes are capped, and still decode.
  const std::string long_a(200, 'a');
  const std::string text = long_a + "b\n" + long_a + "c";
  ASSERT_TRUE(front_decode_lexicon(front_code_lexicon(text), decoded));
  EXPECT_EQ(decoded, text);
}
