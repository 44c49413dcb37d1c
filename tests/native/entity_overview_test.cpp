#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api/json_api.hpp"
#include "test_support.hpp"
#include "text/sentences.hpp"

using namespace mirsad;
using namespace mirsad::test;
using nlohmann::json;

namespace {

const json* entity(const json& overview, const std::string& canonical) {
  for (const json& e : overview["entities"]) {
    if (e["canonical"] == canonical) return &e;
  }
  return nullptr;
}

}  // namespace

TEST(SentenceStarts, StopsQuestionMarksAndLineBreaks) {
  const std::u16string text = u16("زار تونس. ثم عاد؟ بلغ 3.5 مليار\nسطر جديد");
  const auto starts = sentence_starts(text);
  ASSERT_EQ(starts.size(), 4u);
  EXPECT_EQ(u8(text.substr(starts[1], 2)), "ثم");
  EXPECT_EQ(u8(text.substr(starts[2], 3)), "بلغ");  // 3.5 is not a boundary
  EXPECT_EQ(u8(text.substr(starts[3], 3)), "سطر");
}

TEST(EntityOverview, CountsDocumentsMentionsPairsAndPeriods) {
  JsonApi api;
  api.add_document("a", u16("زار وزير الخارجية تونس في 12 مارس 2015. وفي الجزائر التقى نظيره. ثم عاد إلى تونس."), "", "", "");
  api.add_document("b", u16("تونس والجزائر توقعان اتفاقا عام 2016."), "", "", "");
  api.add_document("c", u16("لا شيء هنا عن البلدين."), "", "", "");
  const json all = json::parse(api.entity_overview("", 10));
  EXPECT_EQ(all["documents"], 3);
  EXPECT_EQ(all["truncated"], false);
  const json* tunisia = entity(all, "تونس");
  const json* algeria = entity(all, "الجزائر");
  ASSERT_TRUE(tunisia && algeria);
  EXPECT_EQ((*tunisia)["documents"], 2);
  EXPECT_EQ((*tunisia)["mentions"], 3);
  EXPECT_EQ((*algeria)["documents"], 2);
  // The pair: together in 2 documents, but in one sentence only in b.
  ASSERT_EQ(all["pairs"].size(), 1u);
  EXPECT_EQ(all["pairs"][0]["documents"], 2);
  EXPECT_EQ(all["pairs"][0]["sentences"], 1);
  // Dates: a month in a, a year in b; chronological.
  ASSERT_EQ(all["timeline"].size(), 2u);
  EXPECT_EQ(all["timeline"][0]["period"], "2015-03");
  EXPECT_EQ(all["timeline"][0]["ids"][0], "a");
  EXPECT_EQ(all["timeline"][1]["period"], "2016");
  // A subset, and ids that do not exist.
  const json only_b = json::parse(api.entity_overview(R"(["b","nope"])", 10));
  EXPECT_EQ(only_b["documents"], 1);
  EXPECT_EQ(only_b["unknown_ids"][0], "nope");
  EXPECT_EQ((*entity(only_b, "تونس"))["mentions"], 1);
  EXPECT_TRUE(json::parse(api.entity_overview("{", 10)).contains("error"));
}

namespace {

const json* entity_of_type(const json& overview, const std::string& type, const std::string& canonical) {
  for (const json& e : overview["entities"]) {
    if (e["type"] == type && e["canonical"] == canonical) return &e;
  }
  return nullptr;
}

bool in_matrix(const json& overview, const std::string& type, const std::string& canonical) {
  for (const json& i : overview["matrix"]) {
    const json& e = overview["entities"][i.get<std::size_t>()];
    if (e["type"] == type && e["canonical"] == canonical) return true;
  }
  return false;
}

}  // namespace

TEST(EntityOverview, ReadProgressivelyItEqualsTheWholeOverviewAndSaysHowFarItGot) {
  JsonApi api;
  const char* texts[] = {"زار وزير الخارجية تونس في 12 مارس 2015. وفي الجزائر التقى نظيره.",
                         "تونس والجزائر توقعان اتفاقا عام 2016.", "وصل الرئيس الفرنسي إيمانويل ماكرون إلى تونس.",
                         "قال ماكرون في الجزائر إن التعاون مستمر.", "لا شيء هنا."};
  for (int i = 0; i < 5; ++i) api.add_document("d" + std::to_string(i), u16(texts[i]), "", "", "");
  const json whole = json::parse(api.entity_overview("", 20));
  EXPECT_EQ(json::parse(api.begin_overview("[]"))["documents_total"], 5);
  const json first = json::parse(api.continue_overview(2, 20));
  EXPECT_EQ(first["documents"], 2);
  EXPECT_EQ(first["documents_total"], 5);
  EXPECT_EQ(first["done"], false);
  json last;
  do { last = json::parse(api.continue_overview(2, 20)); } while (!last["done"].get<bool>());
  EXPECT_EQ(last["documents"], 5);
  for (const char* key : {"entities", "matrix", "pairs", "timeline"}) EXPECT_EQ(last[key], whole[key]) << key;
  EXPECT_TRUE(json::parse(api.continue_overview(2, 20)).contains("error")) << "a finished reading is dropped";
  // Of some documents only, and every one of them (no cap at the first 2,000 any more).
  EXPECT_FALSE(json::parse(api.begin_overview(R"(["d2","d3"])")).contains("error"));
  const json people = json::parse(api.continue_overview(100, 20));
  EXPECT_EQ(people["done"], true);
  EXPECT_EQ(people["documents"], 2);
  EXPECT_EQ(people["truncated"], false);
}

// The matrix showed مصر twice, as a place and as the nationality المصري (whose canonical form is
// the country): the nationality is left out of the matrix while the country is there as a place.
TEST(EntityOverview, TheMatrixLeavesOutACountrysDuplicateAsANationality) {
  JsonApi api;
  api.add_document("a", u16("وصل الوفد المصري إلى تونس. وقالت مصر إن الزيارة مهمة."), "", "", "");
  api.add_document("b", u16("التقى الوزير المصري نظيره في تونس ثم عاد إلى مصر."), "", "", "");
  const json o = json::parse(api.entity_overview("", 20));
  ASSERT_TRUE(entity_of_type(o, "NATIONALITY", "مصر")) << o.dump();
  ASSERT_TRUE(entity_of_type(o, "LOCATION", "مصر"));
  EXPECT_TRUE(in_matrix(o, "LOCATION", "مصر"));
  EXPECT_FALSE(in_matrix(o, "NATIONALITY", "مصر"));
  EXPECT_TRUE(in_matrix(o, "LOCATION", "تونس"));
  for (const json& p : o["pairs"]) {  // pairs name matrix members only
    bool a = false, b = false;
    for (const json& i : o["matrix"]) { a = a || i == p["a"]; b = b || i == p["b"]; }
    EXPECT_TRUE(a && b) << p.dump();
  }
}

// Places outnumber people in news: twelve places in every document, one person in three of them.
// The person still gets a row, with the places he appears with.
TEST(EntityOverview, TheMatrixGivesPeopleAPlace) {
  JsonApi api;
  const std::string places = "زار الوفد تونس والجزائر والمغرب وليبيا ومصر والسودان والأردن وسوريا ولبنان والعراق والكويت وقطر.";
  for (int i = 0; i < 6; ++i) {
    const std::string person = i < 3 ? " وقال الرئيس الفرنسي إيمانويل ماكرون في تونس إن التعاون مستمر." : "";
    api.add_document("d" + std::to_string(i), u16(places + person), "", "", "");
  }
  const json o = json::parse(api.entity_overview("", 80));
  const json* macron = nullptr;
  for (const json& e : o["entities"]) {
    if (e["type"] == "PERSON") macron = &e;
  }
  ASSERT_TRUE(macron) << o.dump();
  EXPECT_EQ(o["matrix"].size(), JsonApi::kMatrixSize);
  EXPECT_TRUE(in_matrix(o, "PERSON", (*macron)["canonical"].get<std::string>()));
  // And the matrix stays in rank order, the person's row where his rank puts it.
  for (std::size_t i = 1; i < o["matrix"].size(); ++i) EXPECT_LT(o["matrix"][i - 1], o["matrix"][i]);
  bool with_tunisia = false;
  for (const json& p : o["pairs"]) {
    const json& a = o["entities"][p["a"].get<std::size_t>()];
    const json& b = o["entities"][p["b"].get<std::size_t>()];
    if ((a["type"] == "PERSON" && b["canonical"] == "تونس") || (b["type"] == "PERSON" && a["canonical"] == "تونس")) {
      with_tunisia = true;
      EXPECT_EQ(p["documents"], 3);
      EXPECT_EQ(p["sentences"], 3);
    }
  }
  EXPECT_TRUE(with_tunisia);
}

// The export of every keyword-in-context line, a few documents at a time: as many lines as the
// query's matches, the same lines as the concordance shows (which stops at 5,000).
TEST(ConcordanceExport, EveryLineOfTheQueryInBatches) {
  JsonApi api;
  for (int i = 0; i < 7; ++i) {
    std::string text;
    for (int k = 0; k <= i; ++k) text += "قالت الحكومة إن الأمن مستقر في البلاد. ";
    api.add_document("d" + std::to_string(i), u16(text), "", "", "");
  }
  const json begun = json::parse(api.begin_concordance_export(u16("الأمن"), "word", 4, true));
  EXPECT_EQ(begun["total"], 7);
  EXPECT_EQ(begun["matches_total"], 28);
  std::vector<json> lines;
  json batch;
  do {
    batch = json::parse(api.next_concordance_lines(3));
    for (const json& l : batch["lines"]) lines.push_back(l);
  } while (!batch["done"].get<bool>());
  ASSERT_EQ(lines.size(), 28u);
  const json shown = json::parse(api.concordance(u16("الأمن"), "word", 5000, 4, "document"));
  ASSERT_EQ(shown["lines"].size(), 28u);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    for (const char* key : {"id", "start", "end", "left", "keyword", "right"}) EXPECT_EQ(lines[i][key], shown["lines"][i][key]);
  }
  EXPECT_TRUE(lines[0].contains("left_key"));
  EXPECT_TRUE(json::parse(api.next_concordance_lines(3)).contains("error"));
}
