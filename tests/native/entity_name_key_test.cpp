// One entity however the paper spells its name: عبد العزيز / عبدالعزيز, أشتون / اشتون, tatweel,
// presentation forms. On 3,000 SaudiNewsNet articles 294 people and organizations were split over
// two to three spellings (2,504 mentions): as many rows in the overview, nodes in the events'
// network and facets of a static index, and an entity: filter that found one spelling only.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api/json_api.hpp"
#include "entities/entity_name_key.hpp"
#include "static_support.hpp"
#include "test_support.hpp"

using namespace mirsad;
using namespace mirsad::test;
using nlohmann::json;

namespace {

std::string key(const JsonApi& api, std::string_view name) {
  return u8(entity_name_key(u16(name), api.engine().analyzer().normalizer()));
}

}  // namespace

TEST(EntityNameKey, SpellingsOfOneNameShareAKey) {
  const JsonApi api;
  EXPECT_EQ(key(api, "محمد بن سلمان بن عبد العزيز"), key(api, "محمد بن سلمان بن عبدالعزيز"));
  EXPECT_EQ(key(api, "عبد ربه منصور هادي"), key(api, "عبدربه منصور هادي"));
  EXPECT_EQ(key(api, "أشتون كارتر"), key(api, "اشتون كارتر"));
  EXPECT_EQ(key(api, "آشتون كارتر"), key(api, "اشتون كارتر"));
  EXPECT_EQ(key(api, "الاتحاد الدولى لكرة القدم"), key(api, "الاتحاد الدولي لكرة القدم"));
  EXPECT_EQ(key(api, "تويتــر"), key(api, "تويتر"));
  EXPECT_EQ(key(api, "ﺍﻟﻤﻘﺎﻭﻣﺔ ﺍﻟﺸﻌﺒﻴﺔ"), key(api, "المقاومة الشعبية"));
  EXPECT_EQ(key(api, "أحمد سالم رُبيّع"), key(api, "أحمد سالم ربيع"));
  // «عبد» joins only as a whole word with a word after it.
  EXPECT_NE(key(api, "العبد الله"), key(api, "العبدالله"));
  EXPECT_EQ(key(api, "مرزوق عبد"), "مرزوق عبد");
  EXPECT_NE(key(api, "عبد الله"), key(api, "عبد الرحمن"));
  EXPECT_EQ(entity_name_key_of_normalized(u"عبد  الله"), u"عبد  الله");  // two spaces: left alone
}

TEST(EntityNameKey, TheOverviewCountsOneEntityUnderItsMostFrequentSpelling) {
  JsonApi api;
  api.add_document("a", u16("استقبل الأمير محمد بن سلمان بن عبد العزيز الوفد. وقال محمد بن سلمان بن عبد العزيز إن التعاون قائم."), "", "2015-07-20", "");
  api.add_document("b", u16("التقى الأمير محمد بن سلمان بن عبدالعزيز وزير الدفاع الأمريكي آشتون كارتر في جدة."), "", "2015-07-21", "");
  api.add_document("c", u16("وصل وزير الدفاع الأمريكي اشتون كارتر إلى الرياض."), "", "2015-07-22", "");
  const json overview = json::parse(api.entity_overview("", 50));
  std::map<std::string, int> documents_of;
  for (const json& e : overview["entities"]) {
    if (e["type"] == "PERSON") documents_of[e["canonical"].get<std::string>()] = e["documents"];
  }
  EXPECT_EQ(documents_of.count("محمد بن سلمان بن عبدالعزيز"), 0u) << overview.dump();
  EXPECT_EQ(documents_of["محمد بن سلمان بن عبد العزيز"], 2) << overview.dump();  // 2 mentions against 1
  int kartar = 0;
  for (const auto& [name, documents] : documents_of) {
    if (key(api, name) == key(api, "اشتون كارتر")) kartar += documents;
  }
  EXPECT_EQ(kartar, 2) << overview.dump();

  // entity: and with: find every spelling, whichever is asked.
  const std::vector<std::string> both{"a", "b"};
  EXPECT_EQ(sorted_hit_ids(api, "entity:\"محمد بن سلمان بن عبدالعزيز\""), both);
  EXPECT_EQ(sorted_hit_ids(api, "entity:\"محمد بن سلمان بن عبد العزيز\""), both);
  EXPECT_EQ(sorted_hit_ids(api, "with:\"اشتون كارتر\""), (std::vector<std::string>{"b", "c"}));  // the meeting, the visit
  EXPECT_EQ(sorted_hit_ids(api, "event:MEET with:\"اشتون كارتر\""), std::vector<std::string>{"b"});
  EXPECT_EQ(sorted_hit_ids(api, "entity:\"أشتون كارتر\""), (std::vector<std::string>{"b", "c"}));

  // The events' participants carry the key the page groups them by.
  const json events = json::parse(api.events("b"));
  bool keyed = false;
  for (const json& e : events["documents"][0]["events"]) {
    for (const json& p : e["participants"]) keyed = keyed || p["key"] == key(api, p["canonical"].get<std::string>());
  }
  EXPECT_TRUE(keyed) << events.dump();

  // A static index written with its entities finds both spellings too (its keys are these).
  const std::map<std::string, std::string> files = write_static(api, 300, true);
  StaticSearchApi reader;
  ASSERT_EQ(json::parse(reader.open(files.at("manifest.json"))).value("documents", 0), 3);
  for (const std::string q : {"entity:\"محمد بن سلمان بن عبدالعزيز\"", "entity:\"محمد بن سلمان بن عبد العزيز\""}) {
    std::vector<std::string> ids;
    const json result = static_search(reader, files, q, "word");
    for (const json& h : result["hits"]) ids.push_back(h["id"]);
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids, both) << q;
  }
}
