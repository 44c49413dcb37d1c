// The archive-search tools: results sorted by date over every match, date ranges in the query
// language, and source / day facets counted before their own filter.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api/json_api.hpp"
#include "query/date_range.hpp"
#include "test_support.hpp"

using namespace mirsad;
using namespace mirsad::test;
using nlohmann::json;

namespace {

std::optional<DateRange> range(std::string_view text, std::vector<std::string>* warnings_out = nullptr) {
  std::vector<std::string> warnings;
  auto r = parse_date_range(u16(text), warnings);
  if (warnings_out) *warnings_out = warnings;
  return r;
}

// Seven articles over three weeks from three newspapers; two undated, one with the time of day.
struct ArchiveTest : ::testing::Test {
  JsonApi api;
  void SetUp() override {
    const struct { const char* id; const char* text; const char* date; const char* source; } docs[] = {
        {"a", "الحكومة تعلن خطة جديدة للإسكان في الرياض والحكومة تتابع", "2015-07-21 02:45:59", "alriyadh"},
        {"b", "الحكومة تناقش الميزانية", "2015-07-21 10:39:05", "okaz"},
        {"c", "وزير الصحة يزور جدة", "2015-07-03", "okaz"},
        {"d", "الحكومة والوزراء في اجتماع طارئ", "2015-08-10", "sabq"},
        {"e", "الحكومة بلا تاريخ", "", "sabq"},
        {"f", "الحكومة في خبر بتاريخ غير مفهوم", "yesterday", ""},
        {"g", "الحكومة تعلن نتائج", "2015-07-15", "alriyadh"},
    };
    for (const auto& d : docs) api.add_document(d.id, u16(d.text), "", d.date, d.source);
  }
  json search(std::string_view q, const std::string& sort = "", bool facets = false, int limit = 10) {
    return json::parse(api.search(u16(q), "word", limit, false, false, sort, facets));
  }
  static std::vector<std::string> ids(const json& r) {
    std::vector<std::string> out;
    for (const auto& h : r["hits"]) out.push_back(h["id"]);
    return out;
  }
};

}  // namespace

TEST(DateRange, ParsesClosedAndOpenRangesAtAnyPrecision) {
  EXPECT_EQ(range("2015-07-01..2015-07-15"), (DateRange{"2015-07-01", "2015-07-15"}));
  EXPECT_EQ(range("2015-07-01.."), (DateRange{"2015-07-01", ""}));
  EXPECT_EQ(range("..2015-07-15"), (DateRange{"", "2015-07-15"}));
  EXPECT_EQ(range("2015-07..2015-08"), (DateRange{"2015-07", "2015-08"}));
  EXPECT_EQ(range("٢٠١٥-٠٧-٠١..٢٠١٥-٠٧-١٥"), (DateRange{"2015-07-01", "2015-07-15"}));  // Arabic-Indic digits
}

TEST(DateRange, MalformedRangesAreRefusedWithAWarningThatShowsTheSyntax) {
  for (const char* bad : {"2015-13-01..", "..2015-02-30", "yesterday..today", "..", "2015-7-1..2015-7-9", "2015/07/01..",
                          "2015-07-01...2015-07-02"}) {
    std::vector<std::string> warnings;
    EXPECT_EQ(range(bad, &warnings), std::nullopt) << bad;
    ASSERT_EQ(warnings.size(), 1u) << bad;
    EXPECT_NE(warnings[0].find("date:2015-07-01..2015-07-15"), std::string::npos) << warnings[0];
  }
  std::vector<std::string> warnings;
  EXPECT_EQ(range("2015-07-15..2015-07-01", &warnings), (DateRange{"2015-07-01", "2015-07-15"}));  // swapped, said
  EXPECT_EQ(warnings.size(), 1u);
  EXPECT_EQ(range("2016-02-29..", &warnings), (DateRange{"2016-02-29", ""}));  // a leap day
}

TEST(DateRange, ContainsComparesAtTheBoundsPrecisionAndLeavesUndatedOut) {
  const DateRange july{"2015-07-01", "2015-07-15"};
  EXPECT_TRUE(july.contains("2015-07-01"));
  EXPECT_TRUE(july.contains("2015-07-15 23:59:59"));  // the end day is included whatever the time
  EXPECT_FALSE(july.contains("2015-07-16"));
  EXPECT_FALSE(july.contains("2015-06-30 23:59:59"));
  EXPECT_FALSE(july.contains(""));
  EXPECT_FALSE(july.contains("15/07/2015"));
  EXPECT_TRUE((DateRange{"2015-07", "2015-08"}).contains("2015-08-31"));
  EXPECT_TRUE((DateRange{"", "2015"}).contains("2015-12-31"));
  EXPECT_FALSE((DateRange{"2016", ""}).contains("2015-12-31"));
}

TEST(DateRange, IsoDatePrefixReadsOnlyRealDates) {
  EXPECT_EQ(iso_date_prefix("2015-07-21 02:45:59"), "2015-07-21");
  EXPECT_EQ(iso_date_prefix("2015-07-21T02:45:59Z"), "2015-07-21");
  EXPECT_EQ(iso_date_prefix("2015-07"), "2015-07");
  EXPECT_EQ(iso_date_prefix("20150721"), "");
  EXPECT_EQ(iso_date_prefix("2015-07-32"), "2015-07");
  EXPECT_EQ(iso_date_prefix("yesterday"), "");
}

TEST_F(ArchiveTest, DateRangeFilterRestrictsResultsAndWarnsWhenMalformed) {
  EXPECT_EQ(ids(search("الحكومة date:2015-07-01..2015-07-15")), (std::vector<std::string>{"g"}));
  EXPECT_EQ(search("الحكومة date:2015-07-16..")["total"], 3);  // a, b, d
  EXPECT_EQ(search("date:..2015-07-15")["total"], 2);         // no words: c, g
  EXPECT_EQ(search("الحكومة -date:2015-07-01..2015-07-31")["total"], 3);  // d, e and f have no July date
  EXPECT_EQ(search("date:2015-07")["total"], 4);               // the prefix form still works
  const json bad = search("الحكومة date:2015-07-40..");
  EXPECT_EQ(bad["total"], 6);  // not applied…
  ASSERT_EQ(bad["warnings"].size(), 1u);  // …and said
  EXPECT_NE(bad["warnings"][0].get<std::string>().find("2015-07-40"), std::string::npos);
}

TEST_F(ArchiveTest, SortByDateOrdersEveryMatchNewestOrOldestFirstUndatedLast) {
  EXPECT_EQ(ids(search("الحكومة", "date")), (std::vector<std::string>{"d", "b", "a", "g", "e", "f"}));
  EXPECT_EQ(ids(search("الحكومة", "date-asc")), (std::vector<std::string>{"g", "a", "b", "d", "e", "f"}));
  EXPECT_EQ(search("الحكومة", "date")["sort"], "date");
  // Over all matches, not a re-sort of the best few: the newest is first even with limit 1.
  EXPECT_EQ(ids(search("الحكومة", "date", false, 1)), (std::vector<std::string>{"d"}));
  EXPECT_EQ(ids(search("الحكومة", "date-asc", false, 1)), (std::vector<std::string>{"g"}));
  // A query of filters only sorts too.
  EXPECT_EQ(ids(search("source:okaz", "date")), (std::vector<std::string>{"b", "c"}));
  const json unknown = search("الحكومة", "popularity");
  EXPECT_EQ(unknown["sort"], "relevance");
  EXPECT_EQ(unknown["warnings"].size(), 1u);
}

TEST_F(ArchiveTest, EqualDatesKeepRelevanceOrder) {
  JsonApi same;
  same.add_document("weak", u16("خبر عن الحكومة وأشياء أخرى كثيرة لا علاقة لها بالموضوع الذي نبحث عنه"), "", "2015-07-21", "s");
  same.add_document("strong", u16("الحكومة الحكومة الحكومة"), "", "2015-07-21", "s");
  const json relevance = json::parse(same.search(u16("الحكومة"), "word", 10, false, false, "relevance", false));
  const json by_date = json::parse(same.search(u16("الحكومة"), "word", 10, false, false, "date", false));
  ASSERT_EQ(ids(relevance), (std::vector<std::string>{"strong", "weak"}));
  EXPECT_EQ(ids(by_date), ids(relevance));
}

TEST_F(ArchiveTest, FacetsCountSourcesAndDaysOfTheMatchesBeforeTheirOwnFilter) {
  const json r = search("الحكومة", "", true);
  const json& f = r["facets"];
  EXPECT_EQ(f["sources"], json::parse(R"([{"value":"alriyadh","documents":2},{"value":"sabq","documents":2},{"value":"okaz","documents":1}])"));
  EXPECT_EQ(f["unsourced"], 1);
  EXPECT_EQ(f["dates"], json::parse(R"([{"date":"2015-07-15","documents":1},{"date":"2015-07-21","documents":2},{"date":"2015-08-10","documents":1}])"));
  EXPECT_EQ(f["undated"], 2);
  // With a source chosen, the sources are still those of the words (the others stay selectable)
  // while the days are those of the chosen source; the total is that of the chosen source.
  const json chosen = search("الحكومة source:alriyadh", "", true);
  EXPECT_EQ(chosen["total"], 2);
  EXPECT_EQ(chosen["facets"]["sources"], f["sources"]);
  EXPECT_EQ(chosen["facets"]["dates"], json::parse(R"([{"date":"2015-07-15","documents":1},{"date":"2015-07-21","documents":1}])"));
  // Two sources are alternatives: a document has one source.
  EXPECT_EQ(search("الحكومة source:alriyadh source:okaz")["total"], 3);
  // And a date range leaves the days of the histogram whole, the sources narrowed to the range.
  const json ranged = search("الحكومة date:2015-07-20..2015-07-31", "", true);
  EXPECT_EQ(ranged["total"], 2);
  EXPECT_EQ(ranged["facets"]["dates"], f["dates"]);
  EXPECT_EQ(ranged["facets"]["sources"], json::parse(R"([{"value":"alriyadh","documents":1},{"value":"okaz","documents":1}])"));
  EXPECT_FALSE(search("الحكومة").contains("facets"));  // only on request
}

TEST_F(ArchiveTest, FacetsOfAnEmptyQueryCoverTheWholeCollection) {
  const json r = search("", "", true);
  EXPECT_EQ(r["total"], 0);
  std::size_t days = 0;
  for (const auto& d : r["facets"]["dates"]) days += d["documents"].get<std::size_t>();
  EXPECT_EQ(days + r["facets"]["undated"].get<std::size_t>(), 7u);
  EXPECT_EQ(r["facets"]["sources"][0], json::parse(R"({"value":"alriyadh","documents":2})"));
}

TEST_F(ArchiveTest, HistogramSumOverARangeEqualsTheRangesTotal) {
  const json all = search("الحكومة", "", true);
  std::size_t in_july = 0;
  for (const auto& d : all["facets"]["dates"]) {
    if (DateRange{"2015-07-01", "2015-07-31"}.contains(d["date"].get<std::string>())) in_july += d["documents"].get<std::size_t>();
  }
  EXPECT_EQ(search("الحكومة date:2015-07-01..2015-07-31")["total"].get<std::size_t>(), in_july);
}
