#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api/json_api.hpp"
#include "test_support.hpp"

using namespace mirsad;
using namespace mirsad::test;
using nlohmann::json;

namespace {

struct SearchTest : ::testing::Test {
  JsonApi api;
  std::vector<std::u16string> texts = {
      u16("زار وزير الخارجية ليبيا أمس، ثم عاد إلى تونس. وقالت مصادر إن لليبيا حدودا طويلة مع الجزائر."),
      u16("الحكومة الليبية تعلن حالة الطوارئ في طرابلس بعد هجوم إرهابي."),
      u16("تنسيق أمني بين مصر وليبيا وتونس لمواجهة الإرهاب والإرهابيين في الساحل."),
  };
  void SetUp() override {
    for (std::size_t i = 0; i < texts.size(); ++i) api.add_document("d" + std::to_string(i), texts[i], "", "", "");
  }
  json search(std::string_view q, const std::string& mode = "word") {
    return json::parse(api.search(u16(q), mode, 10));
  }
  // The text of each match of a hit, as the page would slice it.
  std::vector<std::string> matched(const json& hit) {
    const std::u16string& text = texts.at(std::stoi(hit["id"].get<std::string>().substr(1)));
    std::vector<std::string> out;
    for (const auto& m : hit["matches"]) out.push_back(slice(text, m[0], m[1]));
    return out;
  }
};

}  // namespace

TEST_F(SearchTest, WordLevelFindsCliticFormsButNotTheAdjective) {
  const json r = search("ليبيا");
  EXPECT_EQ(r["total"], 2);
  std::map<std::string, std::vector<std::string>> by_id;
  for (const auto& hit : r["hits"]) by_id[hit["id"]] = matched(hit);
  EXPECT_EQ(by_id["d0"], (std::vector<std::string>{"ليبيا", "لليبيا"}));
  EXPECT_EQ(by_id["d2"], (std::vector<std::string>{"وليبيا"}));
  EXPECT_EQ(by_id.count("d1"), 0u);  // الليبية is the adjective
}

TEST_F(SearchTest, ExactLevelIsLiteral) {
  const json r = search("ليبيا", "exact");
  ASSERT_EQ(r["total"], 1);
  EXPECT_EQ(r["hits"][0]["id"], "d0");
  EXPECT_EQ(matched(r["hits"][0]), (std::vector<std::string>{"ليبيا"}));
}

TEST_F(SearchTest, StemLevelJoinsDerivedForms) {
  const json r = search("الإرهاب", "stem");
  EXPECT_EQ(r["total"], 2);
  const json d2 = r["hits"][0]["id"] == "d2" ? r["hits"][0] : r["hits"][1];
  EXPECT_EQ(matched(d2), (std::vector<std::string>{"الإرهاب", "والإرهابيين"}));
}

TEST_F(SearchTest, AllWordsMustMatch) {
  EXPECT_EQ(search("ليبيا تونس")["total"], 2);
  EXPECT_EQ(search("ليبيا طرابلس")["total"], 0);
}

TEST_F(SearchTest, PhrasesAreAdjacent) {
  EXPECT_EQ(search("\"وزير الخارجية\"")["total"], 1);
  EXPECT_EQ(search("\"الخارجية وزير\"")["total"], 0);
  const json r = search("\"مصر وليبيا\"");
  ASSERT_EQ(r["total"], 1);
  EXPECT_EQ(matched(r["hits"][0]), (std::vector<std::string>{"مصر وليبيا"}));
}

TEST_F(SearchTest, OrAndExclusion) {
  EXPECT_EQ(search("طرابلس OR مصر")["total"], 2);
  EXPECT_EQ(search("تونس -مصر")["total"], 1);
}

TEST_F(SearchTest, SnippetContainsTheFirstMatchAndIsWithinTheText) {
  const json r = search("الجزائر");
  ASSERT_EQ(r["total"], 1);
  const auto& hit = r["hits"][0];
  EXPECT_LE(hit["snippet"]["start"].get<int>(), hit["matches"][0][0].get<int>());
  EXPECT_GE(hit["snippet"]["end"].get<int>(), hit["matches"][0][1].get<int>());
  EXPECT_LE(hit["snippet"]["end"].get<std::size_t>(), texts[0].size());
}

TEST_F(SearchTest, BadQueriesAnswerWithWarningsNotErrors) {
  for (const char* q : {"", "   ", "\u064E\u064F", "؟!،", "\"", "((ليبيا", "OR", "-"}) {
    const json r = search(q);
    EXPECT_TRUE(r.contains("total")) << q;
  }
  EXPECT_EQ(search("\"ليبيا")["total"], 2);  // unclosed quote still searches
  EXPECT_FALSE(search("\"ليبيا")["warnings"].empty());
  std::string huge;
  for (int i = 0; i < 5000; ++i) huge += "ليبيا ";
  const json r = search(huge);
  EXPECT_EQ(r["total"], 2);
  EXPECT_FALSE(r["warnings"].empty());
}

TEST_F(SearchTest, UnknownModeFallsBackWithAWarning) {
  const json r = search("ليبيا", "fuzzy-ish");
  EXPECT_EQ(r["mode"], "word");
  EXPECT_FALSE(r["warnings"].empty());
}

TEST_F(SearchTest, DuplicateIdsAreRefused) {
  const json report = json::parse(api.add_document("d0", u"x", "", "", ""));
  EXPECT_EQ(report["added"], 0);
  EXPECT_EQ(report["errors"].size(), 1u);
}

TEST_F(SearchTest, AnyJoinsWordsWithOr) {
  const json all = json::parse(api.search(u16("طرابلس مصر"), "word", 10, false));
  const json any = json::parse(api.search(u16("طرابلس مصر"), "word", 10, true));
  EXPECT_EQ(all["total"], 0);
  EXPECT_EQ(any["total"], 2);
}

TEST_F(SearchTest, PrefixFuzzyAndLiveSearch) {
  // الإرها* reaches الإرهاب and الإرهابيين (word level strips the article and و)
  const json prefix = json::parse(api.search(u16("الإرها*"), "word", 10, false, false));
  EXPECT_EQ(prefix["total"], 2);
  // one edit away from ليبيى (ليبيي once normalized): ليبيا in d0 and d2, and ليبيه (الليبية) in d1
  const json fuzzy = json::parse(api.search(u16("ليبيى~"), "word", 10, false, false));
  EXPECT_EQ(fuzzy["total"], 3);
  EXPECT_EQ(json::parse(api.search(u16("ليبيى"), "word", 10, false, false))["total"], 0);
  // typing: "طراب" finds طرابلس only while the word is open
  EXPECT_EQ(json::parse(api.search(u16("طراب"), "word", 10, false, true))["total"], 1);
  EXPECT_EQ(json::parse(api.search(u16("طراب "), "word", 10, false, true))["total"], 0);
  const json live = json::parse(api.search(u16("طراب"), "word", 10, false, true));
  const auto& m = live["hits"][0]["matches"][0];
  EXPECT_EQ(slice(texts[1], m[0], m[1]), "طرابلس");
}

TEST(SearchTitles, ATitleMatchRanksFirstAndAloneStillFindsTheDocument) {
  JsonApi api;
  api.add_document("body", u16("اجتماع في تونس حول التعاون الاقتصادي والحدود وتونس"), "", "", "");
  api.add_document("title", u16("اجتماع حول التعاون الاقتصادي"), "تونس تستضيف الاجتماع", "", "");
  api.add_document("none", u16("لا صلة"), "عنوان آخر", "", "");
  const json r = json::parse(api.search(u16("تونس"), "word", 10, false, false));
  ASSERT_EQ(r["total"], 2);
  EXPECT_EQ(r["hits"][0]["id"], "title");            // boosted title beats two body mentions
  EXPECT_TRUE(r["hits"][0]["matches"].empty());       // offsets are into the text only
}

TEST(SearchFilters, MetadataAndEntityFilters) {
  JsonApi api;
  api.add_document("a", u16("اجتمع وزير الخارجية المصري سامح شكري في القاهرة لبحث الوضع في ليبيا."), "", "2015-02-24", "ahram");
  api.add_document("b", u16("قالت مصادر في تونس إن الحدود مع ليبيا مغلقة."), "", "2015-03-01", "assabah");
  api.add_document("c", u16("الأمطار تغمر شوارع الرياض."), "", "2016-01-10", "riyadh");
  const auto total = [&](std::string_view q) {
    return json::parse(api.search(u16(q), "word", 10, false, false))["total"].get<int>();
  };
  EXPECT_EQ(total("ليبيا source:ahram"), 1);
  EXPECT_EQ(total("ليبيا -source:ahram"), 1);
  EXPECT_EQ(total("date:2015"), 2);                 // filters alone list the documents
  EXPECT_EQ(total("date:2015-03 ليبيا"), 1);
  EXPECT_EQ(total("entity:\"سامح شكري\""), 1);     // found by the entity extractor, not the words
  EXPECT_EQ(total("entity:تونس"), 1);
  EXPECT_EQ(total("-entity:ليبيا date:20"), 1);
  EXPECT_EQ(total("ليبيا -تونس"), 1);
}

TEST_F(SearchTest, AnyTermQueriesSkipFunctionWordsWhenContentWordsArePresent) {
  // في alone (and in an AND query) must match; among OR alternatives it is left out
  EXPECT_EQ(json::parse(api.search(u16("في"), "word", 10, true, false))["total"], 2);
  EXPECT_EQ(json::parse(api.search(u16("في طرابلس"), "word", 10, true, false))["total"], 1);
  EXPECT_EQ(json::parse(api.search(u16("في طرابلس"), "word", 10, false, false))["total"], 1);
}

TEST(SearchRanking, WordsTogetherOutrankTheSameWordsApart) {
  // Same words, same counts, same length: BM25 alone ties them and would keep insertion order.
  // Proximity rescoring must lift the document where the query's words stand side by side.
  JsonApi api;
  api.add_document("apart", u16("عقد المجلس جلسة طويلة وناقش الوزراء ملف الأمن في البلاد"), "", "", "");
  api.add_document("together", u16("عقد مجلس الأمن جلسة طويلة وناقش الوزراء ملفات البلاد الصعبة"), "", "", "");
  for (const bool any : {true, false}) {
    const json r = json::parse(api.search(u16("مجلس الأمن"), "word", 10, any));
    ASSERT_EQ(r["total"], 2) << "any=" << any;
    EXPECT_EQ(r["hits"][0]["id"], "together") << "any=" << any;
    EXPECT_GT(r["hits"][0]["score"].get<double>(), r["hits"][1]["score"].get<double>());
  }
}
