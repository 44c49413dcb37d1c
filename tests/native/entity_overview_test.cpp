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
