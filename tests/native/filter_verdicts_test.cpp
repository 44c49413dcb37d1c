// entity:, event: and with: prepared by one engine (the page's worker) and adopted by another with
// the same collection (the page's), whose searches then extract nothing: the first event:MEET on
// the page took seconds on the main thread before.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api/json_api.hpp"
#include "test_support.hpp"

using namespace mirsad;
using namespace mirsad::test;
using nlohmann::json;

namespace {

std::string collection() {
  return R"([{"id": "meet", "date": "2015-07-21", "text": "التقى وزير الخارجية المصري سامح شكري وزير الخارجية الجزائري رمطان لعمامرة في القاهرة."},
             {"id": "attack", "date": "2015-07-21", "text": "شن تنظيم داعش هجوما على مواقع الجيش الليبي في مدينة سرت."},
             {"id": "quiet", "date": "2015-07-21", "text": "قال وزير الخارجية المصري سامح شكري إن القاهرة تتابع الوضع في سرت."},
             {"id": "visit", "date": "2015-07-22", "text": "التقى الرئيس عبد الفتاح السيسي رئيس الوزراء الليبي في القاهرة لبحث الوضع في سرت."}])";
}

std::size_t pending(const JsonApi& api, std::string_view q) {
  return json::parse(api.filters_pending(u16(q), "word", false))["pending"];
}

TEST(FilterVerdicts, PreparedInOneEngineAdoptedByAnother) {
  JsonApi worker, page;
  ASSERT_FALSE(json::parse(worker.load_file("c.json", collection())).contains("error"));
  ASSERT_FALSE(json::parse(page.load_file("c.json", collection())).contains("error"));

  // No such filter: nothing to prepare.
  EXPECT_EQ(pending(page, "القاهرة"), 0u);
  EXPECT_EQ(pending(page, "القاهرة source:x"), 0u);

  const std::string_view q = "القاهرة event:MEET";
  EXPECT_EQ(pending(worker, q), 3u);  // the documents that mention Cairo
  EXPECT_EQ(json::parse(worker.prepare_filters(u16(q), "word", false, 2))["pending"], 1u);
  EXPECT_EQ(json::parse(worker.prepare_filters(u16(q), "word", false, 2))["pending"], 0u);
  EXPECT_EQ(pending(worker, q), 0u);

  const json verdicts = json::parse(worker.filter_verdicts(u16(q), "word", false));
  EXPECT_EQ(verdicts["hold"].size() + verdicts["fail"].size(), 3u);
  EXPECT_EQ(pending(page, q), 3u);
  EXPECT_EQ(json::parse(page.adopt_filter_verdicts(u16(q), "word", false, verdicts.dump()))["adopted"], 3u);
  EXPECT_EQ(pending(page, q), 0u);
  EXPECT_EQ(sorted_hit_ids(page, q), sorted_hit_ids(worker, q));
  EXPECT_EQ(sorted_hit_ids(page, q), (std::vector<std::string>{"meet", "visit"}));
  // The same filters in another order and another query: known for the documents already judged.
  EXPECT_EQ(pending(page, "event:MEET شكري"), 0u);
  EXPECT_EQ(pending(page, "event:MEET سرت"), 1u);  // «attack» was never a candidate
  EXPECT_EQ(pending(page, "with:\"سامح شكري\" القاهرة"), 3u);  // other filters: other verdicts

  // Verdicts from another collection are refused whole.
  const json refused = json::parse(page.adopt_filter_verdicts(u16(q), "word", false, R"({"hold": ["elsewhere"], "fail": []})"));
  EXPECT_TRUE(refused.contains("error"));
  EXPECT_TRUE(json::parse(page.adopt_filter_verdicts(u16(q), "word", false, "[1]")).contains("error"));

  // Documents added later have no verdict yet: only they are left to prepare.
  ASSERT_FALSE(json::parse(page.load_file("more.json", R"([{"id": "later", "text": "استقبل الرئيس السيسي في القاهرة وزير الخارجية الجزائري."}])")).contains("error"));
  EXPECT_EQ(pending(page, q), 1u);
}

}  // namespace

// The entities and events extracted for documents are cached within a budget: past it the caches
// are emptied and fill again. With a budget of one byte every extraction empties them: the answers
// stay those of an engine that keeps everything, and preparing filters still ends (their verdicts
// are kept apart, so what is left only goes down).
TEST(FilterVerdicts, BoundedExtractionCacheChangesNoAnswer) {
  JsonApi roomy, tight;
  ASSERT_FALSE(json::parse(roomy.load_file("c.json", collection())).contains("error"));
  ASSERT_FALSE(json::parse(tight.load_file("c.json", collection())).contains("error"));
  tight.engine().set_extraction_cache_budget(1);
  EXPECT_GE(roomy.engine().extraction_cache_budget(), Engine::kMinExtractionCache);
  EXPECT_LE(roomy.engine().extraction_cache_budget(), Engine::kMaxExtractionCache);

  for (const std::string_view q : {"القاهرة event:MEET", "entity:\"سرت\" -event:ATTACK", "with:\"سامح شكري\""}) {
    std::size_t left = pending(tight, q), rounds = 0;
    while (left > 0 && rounds++ < 10) {
      const std::size_t next = json::parse(tight.prepare_filters(u16(q), "word", false, 1))["pending"];
      EXPECT_LT(next, left) << q << " round " << rounds;
      left = next;
    }
    EXPECT_EQ(left, 0u) << q;
    EXPECT_EQ(sorted_hit_ids(tight, q), sorted_hit_ids(roomy, q)) << q;
  }
  EXPECT_EQ(json::parse(tight.entities("")), json::parse(roomy.entities("")));
  EXPECT_EQ(json::parse(tight.events("")), json::parse(roomy.events("")));
  // What the caches hold is counted, and within the budget once a document's extraction is in.
  EXPECT_GT(roomy.engine().extraction_cache_bytes(), 0u);
  const json stats = json::parse(roomy.stats());
  EXPECT_EQ(stats["extraction_cache_bytes"], roomy.engine().extraction_cache_bytes());
  const std::size_t one_document = tight.engine().extraction_cache_bytes();
  EXPECT_GT(one_document, 0u);
  EXPECT_LT(one_document, roomy.engine().extraction_cache_bytes());
}
