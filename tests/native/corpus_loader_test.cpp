#include <gtest/gtest.h>

#include "corpus/corpus_loader.hpp"
#include "test_support.hpp"

using namespace mirsad;
using namespace mirsad::test;

TEST(CorpusLoader, TextFileIdIsTheNameWithoutExtension) {
  const auto r = CorpusLoader::from_file("dir/000_abc.txt", "ليبيا");
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].id, "000_abc");
  EXPECT_EQ(u8(r.documents[0].text), "ليبيا");
  EXPECT_TRUE(r.warnings.empty());
}

TEST(CorpusLoader, InvalidUtf8IsReplacedWithAWarningNamingTheFile) {
  const auto r = CorpusLoader::from_file("bad.txt", std::string("ok\xFF\xFEok"));
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].text, u"ok\uFFFD\uFFFDok");
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].source, "bad.txt");
  EXPECT_EQ(r.warnings[0].code, "invalid_utf8");
  EXPECT_EQ(r.warnings[0].count, 2u);
}

TEST(CorpusLoader, JsonlKeepsEveryValidLineAndNamesTheBadOnes) {
  const std::string jsonl = "{\"id\":\"a\",\"text\":\"أ\"}\n{broken\n\n{\"id\":\"c\"}\n{\"id\":7,\"text\":\"ج\",\"title\":\"t\"}\n";
  const auto r = CorpusLoader::from_file("x.jsonl", jsonl);
  ASSERT_EQ(r.documents.size(), 2u);
  EXPECT_EQ(r.documents[1].id, "7");
  EXPECT_EQ(r.documents[1].title, "t");
  ASSERT_EQ(r.warnings.size(), 2u);
  EXPECT_EQ(r.warnings[0].line, 2u);
  EXPECT_EQ(r.warnings[0].code, "malformed_json");
  EXPECT_EQ(r.warnings[1].line, 4u);
  EXPECT_EQ(r.warnings[1].code, "bad_record");
}

TEST(CorpusLoader, MalformedJsonNamesTheLine) {
  const auto r = CorpusLoader::from_file("x.json", "[\n{\"id\":\"a\",\"text\":\"b\"},\n{oops}\n]");
  EXPECT_TRUE(r.documents.empty());
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].line, 3u);
}

TEST(CorpusLoader, JsonArrayWithABadRecordKeepsTheRest) {
  const auto r = CorpusLoader::from_file("x.json", R"([{"id":"a","text":"b"},{"text":"no id"},5])");
  EXPECT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.warnings.size(), 2u);
}

TEST(CorpusLoader, UnsupportedExtensionIsRefused) {
  const auto r = CorpusLoader::from_file("x.pdf", "%PDF");
  EXPECT_TRUE(r.documents.empty());
  EXPECT_EQ(r.warnings.size(), 1u);
}
