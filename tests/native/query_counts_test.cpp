// One query means one thing: what search, the concordance and the suggestions report for it, and
// what they say they counted (issue 15, "Counts and matches a journalist can quote").
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "api/json_api.hpp"
#include "test_support.hpp"

using namespace mirsad;
using namespace mirsad::test;
using nlohmann::json;

namespace {

struct QueryCounts : ::testing::Test {
  JsonApi api;
  void SetUp() override {
    api.add_document("a", u16("قال مصدر أمني إن الأمن في مصر مستتب، وإن الأجهزة الأمنية تتابع الوضع في مصر."),
                     "الأمن في مصر", "2015-07-01", "okaz");
    api.add_document("b", u16("أكد الوزير أن العلاقات المصرية الليبية قوية."), "علاقات مصر وليبيا", "2015-07-02", "aawsat");
    api.add_document("c", u16("تعاون أمني بين ليبيا وتونس لمواجهة الإرهاب."), "", "2015-08-03", "okaz");
  }
  json search(std::string_view q, const std::string& mode = "word", bool live = false) {
    return json::parse(api.search(u16(q), mode, 100, false, live));
  }
  json kwic(std::string_view q, const std::string& mode = "word") {
    return json::parse(api.concordance(u16(q), mode, 5000, 3, "document"));
  }
  static std::size_t highlighted(const json& r, const char* field = "matches") {
    std::size_t n = 0;
    for (const json& h : r["hits"]) n += h[field].size();
    return n;
  }
};

}  // namespace

TEST_F(QueryCounts, LivePrefixIsReportedAndOnlyWhileTheWordIsOpen) {
  const json typing = search("الأم", "word", true);
  EXPECT_EQ(typing["live_prefix"], "الأم");
  EXPECT_GT(typing["matches_total"].get<int>(), 0);
  // Settled (not live), and a trailing space while live: the word as written, no prefix.
  const json settled = search("الأم");
  EXPECT_FALSE(settled.contains("live_prefix"));
  const json spaced = search("الأم ", "word", true);
  EXPECT_FALSE(spaced.contains("live_prefix"));
  EXPECT_EQ(spaced["total"], settled["total"]);
  EXPECT_EQ(spaced["matches_total"], settled["matches_total"]);
  // A phrase, a filter or OR at the end is not a word being typed.
  EXPECT_FALSE(search("\"الأمن\"", "word", true).contains("live_prefix"));
  EXPECT_FALSE(search("الأمن source:okaz", "word", true).contains("live_prefix"));
}

TEST_F(QueryCounts, TheExactLevelNeverReadsAWordAsAPrefix) {
  // «حرفي» promises the word exactly as written: الأمن is not الأمنية, even while typing.
  const json live = search("الأمن", "exact", true);
  EXPECT_FALSE(live.contains("live_prefix"));
  EXPECT_EQ(live["matches_total"], 1);
  EXPECT_EQ(live["title_matches_total"], 1);
  EXPECT_EQ(live["matches_total"], search("الأمن", "exact")["matches_total"]);
  // Asked for explicitly, the prefix still works at the exact level.
  EXPECT_EQ(search("الأمن*", "exact")["matches_total"], 2);  // الأمن, الأمنية
}

TEST_F(QueryCounts, MatchesAreCountedAsTheyAreHighlighted) {
  // The same word twice (a phrase and an alternative) is one match where it stands, not two.
  for (const char* q : {"مصر", "مصر OR مصر", "\"في مصر\" OR مصر", "مصر في", "أمني OR الأمن", "مصر -ليبيا"}) {
    SCOPED_TRACE(q);
    const json r = search(q);
    EXPECT_EQ(r["matches_total"].get<std::size_t>(), highlighted(r));
    EXPECT_EQ(r["title_matches_total"].get<std::size_t>(), highlighted(r, "title_matches"));
    const json k = kwic(q);
    EXPECT_EQ(k["lines"].size(), r["matches_total"].get<std::size_t>());
    EXPECT_EQ(k["matches_total"], r["matches_total"]);
    EXPECT_EQ(k["total"], r["total"]);
    EXPECT_EQ(k["title_matches_total"], r["title_matches_total"]);
  }
  EXPECT_EQ(search("مصر OR مصر")["matches_total"], 2);
  EXPECT_EQ(search("\"في مصر\" OR مصر")["matches_total"], 2);
}

TEST_F(QueryCounts, TitleMatchesAreCountedAndGivenAsOffsetsIntoTheTitle) {
  const json r = search("مصر");
  ASSERT_EQ(r["total"], 2);  // b holds مصر only in its title (المصرية is another word)
  EXPECT_EQ(r["matches_total"], 2);
  EXPECT_EQ(r["title_matches_total"], 2);
  for (const json& hit : r["hits"]) {
    ASSERT_EQ(hit["title_matches"].size(), 1u);
    const std::u16string title = u16(hit["id"] == "a" ? "الأمن في مصر" : "علاقات مصر وليبيا");
    EXPECT_EQ(slice(title, hit["title_matches"][0][0], hit["title_matches"][0][1]), "مصر");
  }
  // A clitic form in a title, at the word level: the whole written word is highlighted.
  const json libya = search("ليبيا");
  for (const json& hit : libya["hits"]) {
    if (hit["id"] != "b") continue;
    ASSERT_EQ(hit["title_matches"].size(), 1u);
    EXPECT_EQ(slice(u16("علاقات مصر وليبيا"), hit["title_matches"][0][0], hit["title_matches"][0][1]), "وليبيا");
  }
}

TEST_F(QueryCounts, AFilterOnlyQuerySaysItSearchedNoWord) {
  const json r = search("source:okaz");
  EXPECT_EQ(r["total"], 2);
  EXPECT_EQ(r["matches_total"], 0);
  EXPECT_EQ(r["has_words"], false);
  ASSERT_EQ(r["filters"].size(), 1u);
  EXPECT_EQ(r["filters"][0]["field"], "source");
  EXPECT_EQ(r["filters"][0]["value"], "okaz");
  EXPECT_EQ(r["filters"][0]["negated"], false);
  EXPECT_EQ(search("مصر -source:okaz")["filters"][0]["negated"], true);
  EXPECT_EQ(search("مصر")["has_words"], true);
}

TEST_F(QueryCounts, AnExclusionOnlyQueryExplainsWhyNothingIsFound) {
  const json r = search("-مصر");
  EXPECT_EQ(r["total"], 0);
  EXPECT_EQ(r["exclusions_only"], true);
  ASSERT_FALSE(r["warnings"].empty());
  EXPECT_NE(r["warnings"][0].get<std::string>().find("only exclusions"), std::string::npos);
  EXPECT_FALSE(search("مصر -ليبيا").contains("exclusions_only"));
  // An exclusion beside a filter is a search: the filter's documents minus the word's.
  const json filtered = search("source:okaz -مصر");
  EXPECT_FALSE(filtered.contains("exclusions_only"));
  EXPECT_EQ(filtered["total"], 1);
}

TEST_F(QueryCounts, AnUnknownFilterFieldIsNamed) {
  const json r = search("sorce:okaz");
  EXPECT_EQ(r["total"], 0);
  EXPECT_EQ(r["unknown_filters"], json::array({"sorce"}));
  EXPECT_NE(r["warnings"][0].get<std::string>().find("unknown filter \"sorce:\""), std::string::npos);
  // Not filters: a time, Arabic text before a colon, a bare colon.
  for (const char* q : {"10:30", "قال: مصر", "مصر:", ":مصر"}) {
    SCOPED_TRACE(q);
    EXPECT_FALSE(search(q).contains("unknown_filters"));
  }
}

TEST_F(QueryCounts, AMisspeltWordGetsTheNearestIndexedWordsWithTheirDocumentCounts) {
  const json s = json::parse(api.suggest(u16("تعاون ليبيى"), "word", 5));
  ASSERT_EQ(s["words"].size(), 1u);  // تعاون is indexed
  const json& w = s["words"][0];
  EXPECT_EQ(w["word"], "ليبيى");
  EXPECT_EQ(w["start"], 6);
  EXPECT_EQ(w["end"], 11);
  EXPECT_EQ(w["complete"], true);
  // One edit away: ليبيا (c's text, b's title) and ليبيه (الليبية in b), equally near and in as
  // many documents.
  std::map<std::string, json> by_word;
  for (const json& sug : w["suggestions"]) by_word[sug["word"]] = sug;
  ASSERT_EQ(by_word.count("ليبيا"), 1u);
  const json& best = by_word["ليبيا"];
  EXPECT_EQ(best["distance"], 1);
  EXPECT_EQ(best["documents"], 2);
  EXPECT_EQ(best["documents"], search("ليبيا")["total"]);
  EXPECT_EQ(best["query"], "تعاون ليبيا");
  EXPECT_EQ(search(best["query"].get<std::string>())["total"], 1);
  EXPECT_EQ(s["fuzzy_query"], "تعاون ليبيى~");
  EXPECT_GT(search(s["fuzzy_query"].get<std::string>())["total"].get<int>(), 0);
}

TEST_F(QueryCounts, SuggestionsShowAWordAsWrittenAtCoarseLevels) {
  // At the stem level the nearest term is a stem; the suggestion is a spelling from the texts.
  const json s = json::parse(api.suggest(u16("الإرهاق"), "stem", 5));
  ASSERT_EQ(s["words"].size(), 1u);
  for (const json& sug : s["words"][0]["suggestions"]) {
    SCOPED_TRACE(sug.dump());
    const json found = search(sug["query"].get<std::string>(), "stem");
    EXPECT_EQ(found["total"], sug["documents"]);
  }
}

TEST_F(QueryCounts, NoSuggestionForIndexedWordsPrefixesOrAWordInQuotesGetsNoTilde) {
  EXPECT_TRUE(json::parse(api.suggest(u16("مصر ليبيا"), "word", 5))["words"].empty());
  EXPECT_TRUE(json::parse(api.suggest(u16("ليبيى*"), "word", 5))["words"].empty());
  const json quoted = json::parse(api.suggest(u16("\"تعاون ليبيى\""), "word", 5));
  ASSERT_EQ(quoted["words"].size(), 1u);
  std::vector<std::string> queries;
  for (const json& sug : quoted["words"][0]["suggestions"]) queries.push_back(sug["query"]);
  EXPECT_NE(std::find(queries.begin(), queries.end(), "\"تعاون ليبيا\""), queries.end());
  EXPECT_FALSE(quoted.contains("fuzzy_query"));
}

TEST(QueryCountsLigature, TwoWordsOfOneExpandedCharacterAreOneMatch) {
  // ﷺ is four words once normalized (صلى الله عليه وسلم) in one character: two of them found by
  // one query (on touching positions) are one highlighted match, one concordance line, counted once.
  JsonApi api;
  api.add_document("l", u16("قال النبي ﷺ في الحديث، ثم صلى الإمام"), "", "", "");
  const json r = json::parse(api.search(u16("صلى OR الله"), "word", 10));
  ASSERT_EQ(r["total"], 1);
  const json& matches = r["hits"][0]["matches"];
  ASSERT_EQ(matches.size(), 2u);  // ﷺ, and صلى later
  EXPECT_EQ(matches[0], json::array({10, 11}));
  EXPECT_EQ(r["matches_total"], 2);
  const json k = json::parse(api.concordance(u16("صلى OR الله"), "word", 100, 3, "document"));
  EXPECT_EQ(k["lines"].size(), 2u);
  EXPECT_EQ(k["matches_total"], 2);
}

TEST(QueryCountsSuggestions, ASuggestionIsSpeltAsNearTheWrittenWordAsTheDocumentsAllow) {
  // At the word level الرياض and رياض are one term; a reader who wrote الرياظ is offered الرياض,
  // one who wrote رياظ is offered رياض (the query each stands for finds the same documents).
  JsonApi api;
  api.add_document("a", u16("زار وفد الرياض أمس."), "", "", "");
  api.add_document("b", u16("افتتاح رياض الأطفال في المدينة."), "", "", "");
  api.add_document("c", u16("وصل الوفد إلى الرياض."), "", "", "");
  const auto first = [&](const char* q) {
    const json s = json::parse(api.suggest(u16(q), "word", 5));
    return s["words"].at(0)["suggestions"].at(0);
  };
  EXPECT_EQ(first("الرياظ")["word"], "الرياض");
  EXPECT_EQ(first("الرياظ")["documents"], 3);
  EXPECT_EQ(first("رياظ")["word"], "رياض");
  EXPECT_EQ(first("رياظ")["query"], "رياض");
}
