#include <gtest/gtest.h>

#include "api/json_api.hpp"
#include "corpus/corpus_loader.hpp"
#include <nlohmann/json.hpp>
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
  const auto r = CorpusLoader::from_file("x.json", "{\"id\":\"a\",\n\"text\": oops}");
  EXPECT_TRUE(r.documents.empty());
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].code, "malformed_json");
  EXPECT_EQ(r.warnings[0].line, 2u);
}

// Issue 14: one syntax error used to refuse the whole array.
TEST(CorpusLoader, ASyntaxErrorInAnArrayCostsOnlyItsRecord) {
  const auto r = CorpusLoader::from_file("x.json", "[\n{\"id\":\"a\",\"text\":\"b\"},\n{oops},\n{\"id\":\"c\",\"text\":\"d\"}\n]");
  ASSERT_EQ(r.documents.size(), 2u);
  EXPECT_EQ(r.documents[1].id, "c");
  EXPECT_EQ(r.document_lines, (std::vector<std::size_t>{2, 4}));
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].line, 3u);
  EXPECT_EQ(r.warnings[0].code, "malformed_json");
  EXPECT_EQ(r.warnings[0].message.rfind("record 2: malformed JSON", 0), 0u) << r.warnings[0].message;
}

TEST(CorpusLoader, ARecordLeftOpenCostsOnlyItself) {
  // The '}' of record 1 is missing: the '{' where a key should be starts record 2 afresh.
  const std::string json = "[\n{\"id\":\"a\",\"text\":\"b\",\n{\"id\":\"c\",\"text\":\"[{\\\"\"},\n{\"id\":\"e\",\"text\":\"f\"}\n]";
  const auto r = CorpusLoader::from_file("x.json", json);
  ASSERT_EQ(r.documents.size(), 2u);
  EXPECT_EQ(r.documents[0].id, "c");
  EXPECT_EQ(u8(r.documents[0].text), "[{\"");
  EXPECT_EQ(r.documents[1].id, "e");
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].line, 2u);
  EXPECT_EQ(r.warnings[0].code, "malformed_json");
}

TEST(CorpusLoader, AnUnclosedStringCostsOnlyItsRecord) {
  const auto r = CorpusLoader::from_file("x.json", "[{\"id\":\"a\",\"text\":\"b},\n{\"id\":\"c\",\"text\":\"d\"}]");
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].id, "c");
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].line, 1u);
}

TEST(CorpusLoader, CommaFlawsAndAMissingBracketKeepEveryRecordAndSaySo) {
  const std::string a = "{\"id\":\"a\",\"text\":\"x\"}", b = "{\"id\":\"b\",\"text\":\"y\"}";
  const auto trailing = CorpusLoader::from_file("x.json", "[" + a + ",\n" + b + ",\n]");
  EXPECT_EQ(trailing.documents.size(), 2u);
  ASSERT_EQ(trailing.warnings.size(), 1u);
  EXPECT_EQ(trailing.warnings[0].code, "malformed_json");
  EXPECT_EQ(trailing.warnings[0].line, 3u);
  EXPECT_NE(trailing.warnings[0].message.find("trailing comma"), std::string::npos);

  const auto missing = CorpusLoader::from_file("x.json", "[" + a + "\n" + b + "]");
  EXPECT_EQ(missing.documents.size(), 2u);
  ASSERT_EQ(missing.warnings.size(), 1u);
  EXPECT_EQ(missing.warnings[0].line, 2u);

  const auto doubled = CorpusLoader::from_file("x.json", "[" + a + ",," + b + "]");
  EXPECT_EQ(doubled.documents.size(), 2u);
  EXPECT_EQ(doubled.warnings.size(), 1u);

  // A truncated file: the records before the cut are kept, the cut one is named.
  const auto truncated = CorpusLoader::from_file("x.json", "[" + a + ",\n" + b + ",\n{\"id\":\"c\",\"te");
  EXPECT_EQ(truncated.documents.size(), 2u);
  ASSERT_EQ(truncated.warnings.size(), 2u);
  EXPECT_EQ(truncated.warnings[0].line, 3u);
  EXPECT_EQ(truncated.warnings[0].message.rfind("record 3: malformed JSON", 0), 0u);
  EXPECT_NE(truncated.warnings[1].message.find("not closed"), std::string::npos);
}

TEST(CorpusLoader, LoneSurrogateEscapesBecomeReplacementCharactersWithAWarning) {
  // JSON.stringify("\ud800") is "\ud800": a strict parser refused the whole file for it.
  const auto r = CorpusLoader::from_file(
      "x.json", "[{\"id\":\"a\",\"text\":\"x\\ud800y\\udc00\\\\ud800\\ud83d\\ude00\"},\n{\"id\":\"b\",\"text\":\"c\"}]");
  ASSERT_EQ(r.documents.size(), 2u);
  EXPECT_EQ(r.documents[0].text, u"x\uFFFDy\uFFFD\\ud800\U0001F600");
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].code, "lone_surrogate");
  EXPECT_EQ(r.warnings[0].count, 2u);
  EXPECT_EQ(r.warnings[0].line, 1u);
  const auto jsonl = CorpusLoader::from_file("x.jsonl", "{\"id\":\"a\",\"text\":\"b\"}\n{\"id\":\"b\",\"text\":\"\\udfff\"}\n");
  ASSERT_EQ(jsonl.documents.size(), 2u);
  EXPECT_EQ(jsonl.documents[1].text, u"\uFFFD");
  ASSERT_EQ(jsonl.warnings.size(), 1u);
  EXPECT_EQ(jsonl.warnings[0].line, 2u);
}

// Issue 14: a record nested thousands of levels deep overflowed wasm's stack (copy, dump) and
// the whole file, in the page the whole batch, was lost.
std::string nested(std::size_t depth, const char* open, const char* close) {
  std::string s;
  for (std::size_t i = 0; i < depth; ++i) s += open;
  for (std::size_t i = 0; i < depth; ++i) s += close;
  return s;
}

TEST(CorpusLoader, ARecordNestedTooDeepIsRefusedWithItsLineAndTheRestKept) {
  const std::string deep_title = "{\"id\":\"deep\",\"text\":\"t\",\"title\":" + nested(100000, "[", "]") + "}";
  const std::string deep_source = "{\"id\":\"deep2\",\"text\":\"t\",\"source\":" + nested(4000, "{\"a\":", "}") + "}";
  const std::string json = "[{\"id\":\"a\",\"text\":\"b\"},\n" + deep_title + ",\n" + deep_source +
                           ",\n{\"id\":\"c\",\"text\":\"d\",\"date\":" + nested(20, "[", "]") + "}]";
  const auto r = CorpusLoader::from_file("x.json", json);
  ASSERT_EQ(r.documents.size(), 2u);
  EXPECT_EQ(r.documents[0].id, "a");
  EXPECT_EQ(r.documents[1].id, "c");
  ASSERT_EQ(r.warnings.size(), 2u);
  EXPECT_EQ(r.warnings[0].code, "too_deep");
  EXPECT_EQ(r.warnings[0].line, 2u);
  EXPECT_EQ(r.warnings[0].message.rfind("record 2: nested deeper than 64 levels", 0), 0u) << r.warnings[0].message;
  EXPECT_EQ(r.warnings[1].code, "too_deep");
  EXPECT_EQ(r.warnings[1].line, 3u);

  const auto single = CorpusLoader::from_file("one.json", deep_title);
  EXPECT_TRUE(single.documents.empty());
  ASSERT_EQ(single.warnings.size(), 1u);
  EXPECT_EQ(single.warnings[0].code, "too_deep");

  const auto jsonl = CorpusLoader::from_file("x.jsonl", "{\"id\":\"a\",\"text\":\"b\"}\n" + deep_title + "\n");
  EXPECT_EQ(jsonl.documents.size(), 1u);
  ASSERT_EQ(jsonl.warnings.size(), 1u);
  EXPECT_EQ(jsonl.warnings[0].code, "too_deep");
  EXPECT_EQ(jsonl.warnings[0].line, 2u);
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

TEST(CorpusLoader, DuplicateIdErrorsNameTheFileAndLine) {
  JsonApi api;
  const auto report = nlohmann::json::parse(
      api.load_file("news.json", "[{\"id\":\"a\",\"text\":\"b\"},\n{\"id\":\"b\",\"text\":\"c\"},\n{\"id\":\"a\",\"text\":\"d\"}]"));
  EXPECT_EQ(report["added"], 2);
  ASSERT_EQ(report["errors"].size(), 1u);
  EXPECT_EQ(report["errors"][0]["code"], "duplicate_id");
  EXPECT_EQ(report["errors"][0]["source"], "news.json");
  EXPECT_EQ(report["errors"][0]["line"], 3);
}
