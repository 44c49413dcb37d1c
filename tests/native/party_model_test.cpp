// The event party model (events/party_model.hpp): its weights file, its decisions, and the
// extractor deferring to it for a meeting's named parties.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "api/json_api.hpp"
#include "embedded_data.hpp"
#include "events/party_model.hpp"
#include "test_support.hpp"

using namespace mirsad;
using namespace mirsad::test;
using nlohmann::json;

namespace {

PartyFeatures features(std::initializer_list<PartyFeature> on) {
  PartyFeatures x{};
  for (const PartyFeature f : on) x[static_cast<std::size_t>(f)] = 1;
  return x;
}

TEST(PartyModel, ReadsItsWeightsFile) {
  EXPECT_FALSE(PartyModel("").active());
  EXPECT_FALSE(PartyModel("# comments only\nthreshold\t0.4\n").active());
  const PartyModel m("# a comment\nthreshold\t0.6\nfallback\t0.2\njoin_lists\t1\nbias\t-1\nperson\t2\nno_such_feature\t9\n");
  ASSERT_TRUE(m.active());
  EXPECT_TRUE(m.joins_lists());
  const PartyFeatures person = features({PartyFeature::Bias, PartyFeature::Person});
  EXPECT_NEAR(m.probability(person), 1 / (1 + std::exp(-1.0)), 1e-9);  // -1 + 2
  EXPECT_TRUE(m.accepts(person));                                       // 0.73 ≥ 0.6
  const PartyFeatures other = features({PartyFeature::Bias});
  EXPECT_FALSE(m.accepts(other));                                       // 0.27
  EXPECT_TRUE(m.accepts_alone(other));                                  // ≥ 0.2
  // Every feature has a name the file can use.
  for (std::size_t f = 0; f < kPartyFeatureCount; ++f) EXPECT_STRNE(party_feature_name(static_cast<PartyFeature>(f)), "");
}

TEST(PartyModel, TheExtractorTakesItsDecisions) {
  JsonApi api;
  const std::u16string sentence = u"التقى وزير الخارجية المصري سامح شكري وزير الخارجية الجزائري رمطان لعمامرة في القاهرة أمس.";
  const auto parties = [&] {
    const json doc = json::parse(api.events_of_text(sentence, "2015-07-21"))["documents"][0];
    std::vector<std::string> out;
    for (const json& e : doc["events"]) {
      if (e["type"] != "MEET") continue;
      for (const json& p : e["participants"]) out.push_back(p["canonical"]);
    }
    return out;
  };
  const std::vector<std::string> trained = parties();
  EXPECT_EQ(trained, (std::vector<std::string>{"سامح شكري", "رمطان لعمامرة"}));
  // A model that takes every person and nothing else.
  PartyModel::replace_embedded("threshold\t0.5\nbias\t-5\nperson\t10\n");
  EXPECT_EQ(parties(), (std::vector<std::string>{"سامح شكري", "رمطان لعمامرة"}));
  // One that takes none: the meeting stands (the rules judge the word) without named parties.
  PartyModel::replace_embedded("threshold\t0.5\nbias\t-10\n");
  EXPECT_TRUE(parties().empty());
  // Candidates carry their features for the trainer, whatever the model.
  const json candidates = json::parse(api.event_party_candidates(sentence, "2015-07-21"))["candidates"];
  ASSERT_GE(candidates.size(), 2u);
  EXPECT_EQ(candidates[0]["type"], "MEET");
  EXPECT_TRUE(candidates[0]["features"].contains("rule_accepted"));
  EXPECT_TRUE(candidates[0]["features"].contains("person"));
  PartyModel::replace_embedded(embedded_data::event_parties_tsv());
  EXPECT_EQ(parties(), trained);
}

}  // namespace
