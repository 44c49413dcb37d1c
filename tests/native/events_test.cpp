// Event extraction on sentences written for these tests (not taken from the bundled corpus or
// the event fixture): who met whom, where and when, through the analyzer and the entity layer.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api/engine.hpp"
#include "api/json_api.hpp"
#include "events/event_dates.hpp"
#include "test_support.hpp"

using namespace mirsad;
using namespace mirsad::test;
using nlohmann::json;

namespace {

class EventsTest : public ::testing::Test {
 protected:
  static JsonApi& api() {
    static JsonApi instance;
    return instance;
  }
  static json events(std::string_view sentence, const std::string& date = "") {
    return json::parse(api().events_of_text(u16(sentence), date))["documents"][0]["events"];
  }
  static std::vector<std::string> canonicals(const json& event) {
    std::vector<std::string> out;
    for (const json& p : event["participants"]) out.push_back(p["canonical"]);
    return out;
  }
  static std::string written(std::string_view sentence, const json& pair) {
    return slice(u16(sentence), pair[0].get<uint32_t>(), pair[1].get<uint32_t>());
  }
};

bool has(const std::vector<std::string>& list, const std::string& s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

TEST(EventDates, WeekdaysAndDayArithmetic) {
  EXPECT_EQ(weekday_of({2019, 3, 7}), 5);  // a Thursday (1 = Sunday)
  EXPECT_EQ(weekday_of({2015, 2, 24}), 3);  // a Tuesday
  EXPECT_EQ(iso_day(nearest_weekday({2019, 3, 7}, 3, false)), "2019-03-05");  // الثلاثاء, told on Thursday
  EXPECT_EQ(iso_day(nearest_weekday({2019, 3, 7}, 3, true)), "2019-03-12");   // الثلاثاء, planned
  EXPECT_EQ(iso_day(nearest_weekday({2019, 3, 7}, 5, false)), "2019-03-07");  // the same day
  EXPECT_EQ(iso_day(add_days({2016, 3, 1}, -1)), "2016-02-29");
  EXPECT_EQ(iso_day(add_days({2015, 12, 31}, 1)), "2016-01-01");
  EXPECT_FALSE(parse_iso_day("2015-13-01"));
  EXPECT_FALSE(parse_iso_day("15-07-2015"));
  EXPECT_TRUE(parse_iso_day("2015-07-21 02:51:32"));
}

TEST_F(EventsTest, AMeetingWithItsPartiesPlaceAndResolvedDay) {
  const std::string s = "التقى وزير الخارجية المصري سامح شكري وزير الخارجية الجزائري رمطان لعمامرة في القاهرة الثلاثاء.";
  const json list = events(s, "2019-03-07");
  ASSERT_EQ(list.size(), 1u) << list.dump();
  const json& e = list[0];
  EXPECT_EQ(e["type"], "MEET");
  EXPECT_EQ(written(s, e["trigger"]), "التقى");
  const auto parties = canonicals(e);
  EXPECT_TRUE(has(parties, "سامح شكري")) << e.dump();
  EXPECT_TRUE(has(parties, "رمطان لعمامرة")) << e.dump();
  ASSERT_FALSE(e["place"].is_null());
  EXPECT_EQ(e["place"]["text"], "القاهرة");
  ASSERT_FALSE(e["date"].is_null());
  EXPECT_EQ(e["date"]["value"], "2019-03-05");  // the Tuesday before the article's Thursday
  EXPECT_EQ(e["modality"], "asserted");
  EXPECT_EQ(written(s, e["sentence"]), s);
}

TEST_F(EventsTest, TriggersGoThroughTheAnalyzer) {
  // A clitic, harakat and a hamza form change nothing.
  for (const char* s : {"واجتمع وزير الداخلية التونسي ناجم الغرسلي مع وزير الداخلية الليبي في تونس.",
                        "اجْتَمَعَ وزير الداخلية التونسي ناجم الغرسلي مع وزير الداخلية الليبي في تونس."}) {
    const json list = events(s);
    ASSERT_EQ(list.size(), 1u) << s << list.dump();
    EXPECT_EQ(list[0]["type"], "MEET");
    EXPECT_TRUE(has(canonicals(list[0]), "ناجم الغرسلي")) << list[0].dump();
  }
}

TEST_F(EventsTest, PlannedAndNegatedMeetings) {
  const json planned = events("سيلتقي الرئيس التونسي الباجي قائد السبسي الرئيس الجزائري عبد العزيز بوتفليقة الثلاثاء المقبل.", "2019-03-07");
  ASSERT_EQ(planned.size(), 1u) << planned.dump();
  EXPECT_EQ(planned[0]["modality"], "planned");
  ASSERT_FALSE(planned[0]["date"].is_null());
  EXPECT_EQ(planned[0]["date"]["value"], "2019-03-12");  // the Tuesday after
  const json negated = events("لم يجتمع الرئيس التونسي الباجي قائد السبسي مع الرئيس الجزائري عبد العزيز بوتفليقة.");
  ASSERT_EQ(negated.size(), 1u) << negated.dump();
  EXPECT_EQ(negated[0]["modality"], "negated");
}

TEST_F(EventsTest, OneEventToldTwiceIsOneEventWithTwoMentions) {
  const std::string s =
      "استقبل الرئيس التونسي الباجي قائد السبسي في قرطاج أمس وزير الخارجية الجزائري رمطان لعمامرة. "
      "وتناول اللقاء الوضع الأمني على الحدود مع ليبيا.";
  const json list = events(s, "2015-07-22");
  ASSERT_EQ(list.size(), 1u) << list.dump();
  EXPECT_EQ(list[0]["mentions"].size(), 1u) << list.dump();
  EXPECT_EQ(written(s, list[0]["mentions"][0]), "اللقاء");
  ASSERT_FALSE(list[0]["date"].is_null());
  EXPECT_EQ(list[0]["date"]["value"], "2015-07-21");  // أمس
}

TEST_F(EventsTest, AgreementsNeedTheirObjectAndAttacksTheirSides) {
  EXPECT_TRUE(events("وقع الحادث في مدينة سوسة مساء أمس.").empty());  // وقع: happened
  const json agreement = events("وقعت تونس والجزائر اتفاقية للتعاون الأمني في الجزائر العاصمة.");
  ASSERT_EQ(agreement.size(), 1u) << agreement.dump();
  EXPECT_EQ(agreement[0]["type"], "AGREEMENT");
  EXPECT_EQ(agreement[0]["mentions"].size(), 1u);  // the signing and the agreement are one event
  const json attack = events("شن تنظيم داعش هجوما على مواقع الجيش الليبي في مدينة سرت.");
  ASSERT_EQ(attack.size(), 1u) << attack.dump();
  EXPECT_EQ(attack[0]["type"], "ATTACK");
  ASSERT_FALSE(attack[0]["place"].is_null());
  EXPECT_EQ(attack[0]["place"]["text"], "سرت");
  bool attacker = false, target = false;
  for (const json& p : attack[0]["participants"]) {
    attacker |= p["role"] == "attacker" && p["text"] == "تنظيم داعش";  // before the trigger: the one who attacks
    target |= p["role"] == "target" && p["text"] == "الجيش الليبي";     // after على: the one attacked
  }
  EXPECT_TRUE(attacker) << attack[0]["participants"].dump();
  EXPECT_TRUE(target) << attack[0]["participants"].dump();
}

TEST_F(EventsTest, ACounterpartIsResolvedThroughItsGentilic) {
  const std::string s =
      "وصل وزير الخارجية الأمريكي جون كيري إلى القاهرة. "
      "والتقى وزير الخارجية المصري سامح شكري نظيره الأمريكي في مقر الوزارة.";
  const json list = events(s);
  const json* meet = nullptr;
  for (const json& e : list) if (e["type"] == "MEET") meet = &e;
  ASSERT_NE(meet, nullptr) << list.dump();
  bool resolved = false;
  for (const json& p : (*meet)["participants"]) resolved |= p["resolved"] == true && p["canonical"] == "جون كيري" && p["text"] == "نظيره";
  EXPECT_TRUE(resolved) << meet->dump();
  const json& visit = list[0];
  EXPECT_EQ(visit["type"], "VISIT");
  ASSERT_FALSE(visit["place"].is_null());
  EXPECT_EQ(visit["place"]["text"], "القاهرة");
}

TEST(EventFilters, EventAndWithRestrictDocuments) {
  Engine engine;
  std::vector<Document> docs;
  docs.push_back({"meet", u"التقى وزير الخارجية المصري سامح شكري وزير الخارجية الجزائري رمطان لعمامرة في القاهرة.", "", "2015-07-21", ""});
  docs.push_back({"attack", u"شن تنظيم داعش هجوما على مواقع الجيش الليبي في مدينة سرت.", "", "2015-07-21", ""});
  docs.push_back({"quiet", u"قال وزير الخارجية المصري سامح شكري إن القاهرة تتابع الوضع في سرت.", "", "2015-07-21", ""});
  ASSERT_TRUE(engine.add_documents(std::move(docs)).empty());
  const auto ids = [&](std::string_view q) {
    std::vector<std::string> out;
    for (const SearchHit& h : engine.search(engine.parse_query(u16(q), MatchLevel::Word), 10).hits) out.push_back(engine.documents()[h.doc].id);
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_EQ(ids("event:MEET"), std::vector<std::string>{"meet"});
  EXPECT_EQ(ids("event:attack"), std::vector<std::string>{"attack"});
  EXPECT_EQ(ids("شكري with:\"سامح شكري\""), std::vector<std::string>{"meet"});  // «quiet» names him in no event
  EXPECT_EQ(ids("event:ATTACK with:\"سامح شكري\""), std::vector<std::string>{});
  EXPECT_EQ(ids("سرت -event:ATTACK"), std::vector<std::string>{"quiet"});
  const Query bad = engine.parse_query(u"event:PARTY سرت", MatchLevel::Word);
  EXPECT_TRUE(bad.filters.empty());
  ASSERT_FALSE(bad.warnings.empty());
  EXPECT_NE(bad.warnings[0].find("MEET"), std::string::npos);
}

}  // namespace
