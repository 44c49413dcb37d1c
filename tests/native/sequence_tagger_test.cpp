// The entity sequence tagger: BIO coding, Viterbi decoding, token features on a sentence written
// for this test, and the weights' text form.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "analysis/analyzer.hpp"
#include "api/lexicon_sources.hpp"
#include "entities/cldr_names.hpp"
#include "entities/entity_extractor.hpp"
#include "entities/sequence_tagger.hpp"
#include "test_support.hpp"

using namespace mirsad;
using namespace mirsad::test;

namespace {

constexpr uint8_t kBPer = 1, kIPer = 2, kBLoc = 3, kBOrg = 5, kIOrg = 6;

TEST(SequenceTagger, TagsAndSpansRoundTrip) {
  const std::vector<TaggedSpan> spans = {{0, 2, EntityType::Person}, {3, 4, EntityType::Location}, {4, 7, EntityType::Organization}};
  const auto tags = tags_from_spans(8, spans);
  EXPECT_EQ(tags, (std::vector<uint8_t>{kBPer, kIPer, kOutside, kBLoc, kBOrg, kIOrg, kIOrg, kOutside}));
  const auto back = spans_from_tags(tags);
  ASSERT_EQ(back.size(), 3u);
  EXPECT_EQ(back[2].first, 4u);
  EXPECT_EQ(back[2].last, 7u);
  EXPECT_EQ(back[2].type, EntityType::Organization);
}

TEST(SequenceTagger, AnInsideTagWithoutItsBeginIsAnOrphanAndViterbiNeverMakesOne) {
  EXPECT_FALSE(tag_may_follow(kStartTag, kIPer));
  EXPECT_FALSE(tag_may_follow(kOutside, kIPer));
  EXPECT_FALSE(tag_may_follow(kBOrg, kIPer));
  EXPECT_TRUE(tag_may_follow(kBPer, kIPer));
  EXPECT_TRUE(tag_may_follow(kIPer, kIPer));
  // Emissions alone would say I-PER, I-PER, O: the best legal path starts with B-PER.
  const std::vector<std::array<int, kTagCount>> emission = {
      {{0, 4, 5, 0, 0, 0, 0}}, {{0, 0, 5, 0, 0, 0, 0}}, {{3, 0, 0, 0, 0, 0, 0}}};
  const auto tags = viterbi<int>(3, [&](std::size_t i, std::size_t t) { return emission[i][t]; },
                                 [](std::size_t, std::size_t) { return 0; });
  EXPECT_EQ(tags, (std::vector<uint8_t>{kBPer, kIPer, kOutside}));
  // A transition weight can outweigh an emission: entering B-LOC is penalised here.
  const auto penalised = viterbi<int>(
      2, [](std::size_t i, std::size_t t) { return i == 1 && t == kBLoc ? 2 : 0; },
      [](std::size_t, std::size_t t) { return t == kBLoc ? -5 : 0; });
  EXPECT_EQ(penalised, (std::vector<uint8_t>{kOutside, kOutside}));
}

TEST(SequenceTagger, WeightsSurviveTheirTextForm) {
  const uint32_t buckets = 16;
  std::vector<float> emission(buckets * kTagCount, 0.0f), transition((kTagCount + 1) * kTagCount, 0.0f);
  emission[3 * kTagCount + kBPer] = 1.5f;
  emission[3 * kTagCount + kOutside] = -0.25f;
  emission[9 * kTagCount + kBOrg] = 2.0f;
  emission[9 * kTagCount + kIOrg] = 0.01f;  // rounds to zero at scale 10
  transition[kBOrg * kTagCount + kIOrg] = 0.8f;
  const SequenceTagger tagger = SequenceTagger::quantized(buckets, emission, transition, 10);
  EXPECT_EQ(tagger.rows(), 2u);
  const std::string text = tagger.serialize("made by a test\nsecond line");
  EXPECT_EQ(text.rfind("# made by a test\n# second line\n", 0), 0u);
  std::string error;
  const auto parsed = SequenceTagger::parse(text, &error);
  ASSERT_TRUE(parsed) << error;
  EXPECT_EQ(parsed->serialize("made by a test\nsecond line"), text);
  EXPECT_EQ(parsed->weights(3 + 16 * 5)[kBPer], 15);  // a feature hash lands in its bucket
  EXPECT_EQ(parsed->weights(3)[kOutside], -3);        // −2.5 rounds away from zero
  EXPECT_EQ(parsed->weights(9)[kIOrg], 0);
  EXPECT_EQ(parsed->weights(4)[kBPer], 0);
  EXPECT_EQ(parsed->transition(kBOrg, kIOrg), 8);
  TokenFeatureRows rows;
  rows.features = {3, 9, 5};  // bucket 5 has no row: the transition decides
  rows.offsets = {0, 1, 2, 3};
  EXPECT_EQ(parsed->tag(rows), (std::vector<uint8_t>{kBPer, kBOrg, kIOrg}));

  EXPECT_FALSE(SequenceTagger::parse("mirsad-entity-tagger 1 buckets 12 tags 7", &error));
  EXPECT_FALSE(SequenceTagger::parse(text.substr(0, text.size() - 4), &error));
  EXPECT_FALSE(SequenceTagger::parse("something else", &error));
}

TEST(SequenceTagger, FeaturesOfASentenceDependOnTheWordAndItsNeighbours) {
  const Lexicon lexicon = load_lexicon();
  const Analyzer analyzer(lexicon);
  const SequenceTagger no_model;
  const EntityExtractor extractor(analyzer, EntityResources::embedded(), CldrNames::load(), no_model);
  // Written for this test: the same name after a title and in a list of places.
  const std::u16string text = u16("استقبل الوزير كمال برهومي وفدا من تونس، ثم زار برهومي مدينة صفاقس.");
  const AnalyzedText analyzed = analyzer.analyze(text);
  const TaggerInput input = extractor.tagger_input(text, analyzed);
  ASSERT_EQ(input.features.size(), input.spans.size());
  ASSERT_GE(input.spans.size(), 10u);
  EXPECT_EQ(slice(text, input.spans[3].start, input.spans[3].end), "برهومي");
  EXPECT_EQ(slice(text, input.spans[9].start, input.spans[9].end), "برهومي");
  const auto set_of = [&](std::size_t i) { return std::set<uint32_t>(input.features.begin(i), input.features.end(i)); };
  const auto a = set_of(3), b = set_of(9);
  std::vector<uint32_t> shared;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(shared));
  EXPECT_GE(shared.size(), 10u);  // the word, its stem, affixes, shape
  EXPECT_LT(shared.size(), a.size());  // the neighbours differ
  // The same text gives the same features (the model was trained on exactly these).
  const TaggerInput again = extractor.tagger_input(text, analyzed);
  EXPECT_EQ(again.features.features, input.features.features);
}

// A model that reads only the feature every token has (the first of each row) and gives it
// these weights for B-PER and I-PER: it tags every word alike, so that a test sees what the rules
// after the tagger do with its output.
SequenceTagger bias_only_model(const TaggerInput& input, float begin_person, float inside_person) {
  const uint32_t buckets = 1u << 20;
  const uint32_t bias = *input.features.begin(0);
  std::vector<float> emission(static_cast<std::size_t>(buckets) * kTagCount, 0.0f), transition((kTagCount + 1) * kTagCount, 0.0f);
  emission[static_cast<std::size_t>(bias & (buckets - 1)) * kTagCount + kBPer] = begin_person;
  emission[static_cast<std::size_t>(bias & (buckets - 1)) * kTagCount + kIPer] = inside_person;
  return SequenceTagger::quantized(buckets, emission, transition, 10);
}

std::vector<std::string> persons_found(const EntityExtractor& extractor, const std::u16string& text, const AnalyzedText& analyzed) {
  std::vector<std::string> persons;
  for (const Entity& e : extractor.extract(text, analyzed)) {
    if (e.type == EntityType::Person) persons.push_back(slice(text, e.span.start, e.span.end));
  }
  return persons;
}

// Found on real news (issue 16): the tagger cut foreign names into two persons side by side
// (دييجو | مارادونا). A model that makes every word a person of its own shows the rule alone:
// words with only a space between are one name; a comma or a particle (و) still separates.
TEST(SequenceTagger, PersonsSideBySideWithOnlyASpaceBetweenAreOneName) {
  const Lexicon lexicon = load_lexicon();
  const Analyzer analyzer(lexicon);
  const SequenceTagger no_model;
  const EntityExtractor plain(analyzer, EntityResources::embedded(), CldrNames::load(), no_model);
  const std::u16string text = u16("سامي رامي، وفادي شادي");  // written for this test
  const AnalyzedText analyzed = analyzer.analyze(text);
  const TaggerInput input = plain.tagger_input(text, analyzed);
  ASSERT_EQ(input.spans.size(), 4u);
  const SequenceTagger every_word_a_person = bias_only_model(input, 1.0f, 0.0f);
  ASSERT_EQ(every_word_a_person.tag(input.features, input.after_particle), (std::vector<uint8_t>{kBPer, kBPer, kBPer, kBPer}));
  const EntityExtractor extractor(analyzer, EntityResources::embedded(), CldrNames::load(), every_word_a_person);
  EXPECT_EQ(persons_found(extractor, text, analyzed), (std::vector<std::string>{"سامي رامي", "فادي شادي"}));
}

// Found on real news (issue 16): where the rules built a genealogy but stopped before a family
// name they know as another word (… بن عبدالعزيز الربيعة; here a nisba), the genealogy overruled
// the tagger's longer person and lost the family name. A model that runs every person on to the
// text's end shows the rule: one word more, with its article, is kept.
TEST(SequenceTagger, AGenealogyTakesTheFamilyNameTheTaggerRanOnTo) {
  const Lexicon lexicon = load_lexicon();
  const Analyzer analyzer(lexicon);
  const SequenceTagger no_model;
  const EntityExtractor plain(analyzer, EntityResources::embedded(), CldrNames::load(), no_model);
  const std::u16string text = u16("سالم بن علي المصري");  // written for this test
  const AnalyzedText analyzed = analyzer.analyze(text);
  std::vector<std::string> by_rules;
  for (const Entity& e : plain.extract(text, analyzed)) by_rules.push_back(slice(text, e.span.start, e.span.end));
  ASSERT_EQ(by_rules.at(0), "سالم بن علي") << "the rules stop at a nisba they know as a nationality";
  const TaggerInput input = plain.tagger_input(text, analyzed);
  const SequenceTagger one_long_person = bias_only_model(input, 1.0f, 2.0f);
  ASSERT_EQ(one_long_person.tag(input.features, input.after_particle), (std::vector<uint8_t>{kBPer, kIPer, kIPer, kIPer}));
  const EntityExtractor extractor(analyzer, EntityResources::embedded(), CldrNames::load(), one_long_person);
  EXPECT_EQ(persons_found(extractor, text, analyzed), (std::vector<std::string>{"سالم بن علي المصري"}));
}

}  // namespace
