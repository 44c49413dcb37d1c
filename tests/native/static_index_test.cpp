#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "api/json_api.hpp"
#include "api/static_search_api.hpp"
#include "static_support.hpp"
#include "test_support.hpp"

using namespace mirsad;
using namespace mirsad::test;
using nlohmann::json;

namespace {

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The five seeds and a few short articles with titles, dates and sources, so that titles,
// filters and sorting take part.
void fill(JsonApi& api) {
  const std::filesystem::path seeds = std::filesystem::path(MIRSAD_SOURCE_DIR) / "seeds";
  for (const auto& entry : std::filesystem::directory_iterator(seeds)) {
    if (entry.path().extension() != ".txt") continue;
    api.add_document(entry.path().stem().string(), u16(read_file(entry.path())), "", "2015-02-2" + std::to_string(entry.path().stem().string()[2] - '0'),
                     "seeds");
  }
  api.add_document("a", u16("زار وزير الخارجية ليبيا أمس، ثم عاد إلى تونس. وليبيا تستعد."), "زيارة إلى ليبيا", "2015-03-01", "okaz");
  api.add_document("b", u16("الحكومة الليبية تعلن حالة الطوارئ في طرابلس بعد هجوم إرهابي."), "طوارئ في طرابلس", "2015-03-02", "aawsat");
  api.add_document("c", u16("تنسيق أمني بين مصر وليبيا وتونس لمواجهة الإرهاب، والليبيون يرحبون."), "تنسيق", "2015-01-05", "okaz");
  api.add_document("d", u16("صلى الله عليه وسلم ﷺ في الخطبة، ثم تحدث عن ليبيا."), "", "", "");
}

// The in-memory answer without the fields the static one adds.
json comparable(json answer) {
  for (auto& hit : answer["hits"]) {
    hit.erase("ordinal");
    hit.erase("title");
    hit.erase("date");
    hit.erase("source");
    hit.erase("url");
  }
  answer.erase("facets");
  return answer;
}

struct StaticFixture : ::testing::Test {
  void SetUp() override {
    fill(memory);
    files = write_static(memory, 300);  // small chunks: words and prefixes span several
    ASSERT_EQ(json::parse(reader.open(files.at("manifest.json"))).value("documents", 0), 9);
  }
  JsonApi memory;
  std::map<std::string, std::string> files;
  StaticSearchApi reader;
};

}  // namespace

// Every level and operator answers from the static index what the in-memory engine answers:
// the same documents in the same order with the same scores, matches, snippets and counts.
TEST_F(StaticFixture, EveryLevelAndOperatorGivesTheInMemoryAnswer) {
  const std::vector<std::pair<std::string, std::string>> queries = {
      {"ليبيا", "word"},           {"وليبيا", "exact"},        {"ليبيا", "normalized"},   {"ليبيا", "stem"},
      {"الليبيون", "stem"},        {"\"وزير الخارجية\"", "word"}, {"ليبي*", "word"},        {"ل*", "exact"},
      {"ليبيى~", "word"},          {"تونس OR مصر", "word"},     {"ليبيا -تونس", "word"},   {"ليبيا source:okaz", "word"},
      {"ليبيا date:2015-03", "word"}, {"ليبيا -source:okaz", "word"}, {"في", "word"},      {"طرابلس", "word"},
      {"ﷺ", "word"},              {"كلمة_غير_موجودة", "word"}, {"تنسيق أمني", "word"}};
  for (const auto& [query, mode] : queries) {
    const json expected = comparable(json::parse(memory.search(u16(query), mode, 10, false, false, "relevance", false)));
    const json actual = comparable(static_search(reader, files, query, mode));
    EXPECT_EQ(actual, expected) << query << " (" << mode << ")";
  }
  for (const std::string sort : {"date", "date-asc"}) {
    const json expected = comparable(json::parse(memory.search(u16("ليبيا"), "word", 10, false, false, sort, false)));
    EXPECT_EQ(comparable(static_search(reader, files, "ليبيا", "word", false, sort)), expected) << sort;
  }
  const json expected = comparable(json::parse(memory.search(u16("ليبيا تونس الإرهاب"), "word", 10, true, false, "relevance", false)));
  EXPECT_EQ(comparable(static_search(reader, files, "ليبيا تونس الإرهاب", "word", true)), expected);
}

// entity: filters, on an index written with its entities, give the in-memory answer (positive,
// negated, with words, several, an entity no document mentions); without them, a clear refusal.
TEST_F(StaticFixture, EntityFiltersGiveTheInMemoryAnswer) {
  const json refused = json::parse(reader.search(u16("ليبيا entity:تونس"), "word", 10, false, false, "relevance"));
  EXPECT_NE(refused.value("error", std::string()).find("--entities"), std::string::npos) << refused.dump();

  const std::map<std::string, std::string> with = write_static(memory, 300, true);
  ASSERT_TRUE(json::parse(with.at("manifest.json")).contains("entities"));
  StaticSearchApi entities_reader;
  ASSERT_EQ(json::parse(entities_reader.open(with.at("manifest.json"))).value("documents", 0), 9);
  std::size_t with_hits = 0;
  for (const std::string query : {"entity:ليبيا", "entity:\"تونس\"", "الأمن entity:مصر", "ليبيا -entity:تونس",
                                  "entity:ليبيا entity:تونس", "entity:طرابلس OR entity:مصر", "ليبيا entity:كيان_غير_موجود",
                                  "entity:الجزائر source:seeds"}) {
    const json expected = comparable(json::parse(memory.search(u16(query), "word", 10, false, false, "relevance", false)));
    const json actual = comparable(static_search(entities_reader, with, query, "word"));
    EXPECT_EQ(actual, expected) << query;
    if (!expected["hits"].empty()) ++with_hits;
  }
  EXPECT_GE(with_hits, 5u);
}

// A word's second search reads nothing new: the chunks and fragments stay loaded.
TEST_F(StaticFixture, ASecondSearchNeedsNoFetch) {
  int rounds = 0;
  static_search(reader, files, "ليبيا", "word", false, "relevance", &rounds);
  EXPECT_GE(rounds, 3);  // table and norms, chunk, fragments
  static_search(reader, files, "ليبيا", "word", false, "relevance", &rounds);
  EXPECT_EQ(rounds, 1);
}

// A damaged chunk is refused with a message naming it, a query that needs it gets that error
// instead of a result, and a query that does not keeps working.
TEST_F(StaticFixture, ADamagedChunkGivesAnErrorAndTheRestKeepsWorking) {
  static_search(reader, files, "ليبيا", "word");  // the word table and norms are in
  const json ask = json::parse(reader.search(u16("تونس"), "word", 10, false, false, "relevance"));
  ASSERT_TRUE(ask.contains("needs"));
  const std::string chunk = ask["needs"][0];
  std::string damaged = files.at(chunk);
  damaged[damaged.size() / 2] ^= 0x5A;
  const std::string refusal = reader.provide(chunk, damaged);
  EXPECT_NE(refusal.find(chunk), std::string::npos) << refusal;
  const json answer = json::parse(reader.search(u16("تونس"), "word", 10, false, false, "relevance"));
  ASSERT_TRUE(answer.contains("error")) << answer.dump();
  EXPECT_FALSE(answer.contains("hits"));
  EXPECT_TRUE(static_search(reader, files, "ليبيا", "word").contains("hits"));
  // The right bytes later mend it.
  EXPECT_EQ(reader.provide(chunk, files.at(chunk)), "");
  EXPECT_TRUE(static_search(reader, files, "تونس", "word").contains("hits"));
}

// A file the host does not have is an error for the queries that need it.
TEST_F(StaticFixture, AMissingFileIsAnError) {
  std::map<std::string, std::string> incomplete = files;
  for (auto it = incomplete.begin(); it != incomplete.end(); ++it) {
    if (it->first.rfind("norms-", 0) == 0) {
      incomplete.erase(it);
      break;
    }
  }
  const json answer = static_search(reader, incomplete, "ليبيا", "word");
  ASSERT_TRUE(answer.contains("error"));
  EXPECT_NE(answer["error"].get<std::string>().find("could not be fetched"), std::string::npos);
}

// A manifest of another analysis, or of another format version, is refused before any search.
TEST(StaticIndex, AManifestOfAnotherAnalyzerOrVersionIsRefused) {
  JsonApi memory;
  fill(memory);
  const auto files = write_static(memory, 0);
  json manifest = json::parse(files.at("manifest.json"));
  StaticSearchApi reader;
  json other = manifest;
  other["analysis"] = "0000000000000000";
  EXPECT_NE(json::parse(reader.open(other.dump())).value("error", "").find("different analyzer"), std::string::npos);
  other = manifest;
  other["version"] = 99;
  EXPECT_NE(json::parse(reader.open(other.dump())).value("error", "").find("version"), std::string::npos);
  EXPECT_TRUE(json::parse(reader.open("<html>not found</html>")).contains("error"));
  EXPECT_TRUE(json::parse(reader.open(manifest.dump())).contains("documents"));
}

// Files are named by their content: the same collection gives the same names, and another
// collection's chunk served under a name is refused.
TEST(StaticIndex, NamesFollowContent) {
  JsonApi a, b;
  fill(a);
  fill(b);
  const auto first = write_static(a, 300), second = write_static(b, 300);
  EXPECT_EQ(first.size(), second.size());
  for (const auto& [name, bytes] : first) EXPECT_EQ(second.count(name), 1u) << name;
  StaticSearchApi reader;
  reader.open(first.at("manifest.json"));
  std::string chunk, other;
  for (const auto& [name, bytes] : first) {
    if (name.rfind("postings-word", 0) != 0) continue;
    if (chunk.empty()) chunk = name;
    else if (other.empty()) other = name;
  }
  EXPECT_NE(reader.provide(chunk, first.at(other)), "");
}

// Documents added at the end rename only the fragments of the last block they join: a rebuilt
// index rewrites the files that changed, and a host's cache keeps the rest.
TEST(StaticIndex, AddingDocumentsAtTheEndKeepsTheEarlierFragmentsNames) {
  JsonApi before, after;
  const auto add = [](JsonApi& api, int from, int to) {
    for (int i = from; i < to; ++i) {
      api.add_document("n" + std::to_string(i), u16("خبر رقم " + std::to_string(i) + " عن ليبيا وتونس"), "عنوان " + std::to_string(i),
                       "2015-05-01", "test");
    }
  };
  add(before, 0, 300);
  add(after, 0, 310);
  const auto old_files = write_static(before, 0), new_files = write_static(after, 0);
  std::size_t kept = 0, first_block = 0;
  for (const auto& [name, bytes] : new_files) {
    if (name.rfind("fragment/", 0) != 0) continue;
    const int ordinal = std::stoi(name.substr(name.rfind('/') + 1));
    if (ordinal < 256) {
      ++first_block;
      kept += old_files.count(name);
    } else {
      EXPECT_EQ(old_files.count(name), 0u) << name;  // the last block's content changed
    }
  }
  EXPECT_EQ(first_block, 256u);
  EXPECT_EQ(kept, 256u);
  StaticSearchApi reader;
  ASSERT_EQ(json::parse(reader.open(new_files.at("manifest.json"))).value("documents", 0), 310);
  const json memory = comparable(json::parse(after.search(u16("خبر ليبيا"), "word", 10, false, false, "date", false)));
  EXPECT_EQ(comparable(static_search(reader, new_files, "خبر ليبيا", "word", false, "date")), memory);
}
