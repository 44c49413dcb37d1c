// Issue 16: the word classes the entity tagger uses (entities/word_clusters.hpp).
#include <gtest/gtest.h>

#include <utility>

#include "entities/word_clusters.hpp"

using mirsad::WordClusters;

TEST(WordClusters, ReadsWordsAndTheirTwoClassesAndSkipsComments) {
  const auto clusters = WordClusters::parse("# learnt from news\n# word\tcoarse\tfine\nالرياض\t3\t41\nقال\t7\t102\n");
  ASSERT_TRUE(clusters);
  EXPECT_EQ(clusters->size(), 2u);
  const auto riyadh = clusters->find(u"الرياض");
  ASSERT_TRUE(riyadh);
  EXPECT_EQ(riyadh->coarse, 3);
  EXPECT_EQ(riyadh->fine, 41);
  EXPECT_FALSE(clusters->find(u"جدة"));
}

// The map's keys point into the words: short words (kept inside a std::u16string object, not on
// the heap) must survive the object being moved.
TEST(WordClusters, ShortWordsAreFoundAfterTheObjectMoves) {
  auto parsed = WordClusters::parse("ab\t1\t2\n");
  ASSERT_TRUE(parsed);
  WordClusters moved = std::move(*parsed);
  WordClusters again = std::move(moved);
  const auto c = again.find(u"ab");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->fine, 2);
}

TEST(WordClusters, AMalformedLineIsReportedWithItsNumber) {
  std::string error;
  EXPECT_FALSE(WordClusters::parse("# ok\nالرياض\t3\n", &error));
  EXPECT_NE(error.find("line 2"), std::string::npos) << error;
  EXPECT_FALSE(WordClusters::parse("الرياض\tthree\t4\n", &error));
  EXPECT_FALSE(WordClusters::parse("\t1\t2\n", &error)) << "a line without a word";
}

TEST(WordClusters, TheEmbeddedClassesKnowCommonNewsWords) {
  const WordClusters& embedded = WordClusters::embedded();
  if (embedded.empty()) GTEST_SKIP() << "no classes learnt yet (scripts/cluster-words)";
  EXPECT_GT(embedded.size(), 10000u);
  // Keys are Word-level terms: the article off, ى and ة folded (الرياض → رياض، المملكة → مملكه).
  EXPECT_TRUE(embedded.find(u"رياض"));
  EXPECT_TRUE(embedded.find(u"مملكه"));
}
