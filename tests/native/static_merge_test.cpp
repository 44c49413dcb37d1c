#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <vector>

#include "api/json_api.hpp"
#include "static_support.hpp"
#include "test_support.hpp"

using namespace mirsad;
using namespace mirsad::test;
using nlohmann::json;

namespace {

struct Article {
  std::string id, text, title, date, source;
};

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The seeds' sentences recombined into 700 short articles (3 fragment blocks, so that blocks
// straddle the segments), with titles, dates and sources; some words appear only in titles.
std::vector<Article> articles() {
  std::vector<std::string> sentences;
  const std::filesystem::path seeds = std::filesystem::path(MIRSAD_SOURCE_DIR) / "seeds";
  for (const auto& entry : std::filesystem::directory_iterator(seeds)) {
    if (entry.path().extension() != ".txt") continue;
    std::string text = read_file(entry.path());
    std::size_t start = 0;
    for (std::size_t dot; (dot = text.find('.', start)) != std::string::npos; start = dot + 1) {
      if (dot - start > 20) sentences.push_back(text.substr(start, dot - start + 1));
    }
  }
  std::sort(sentences.begin(), sentences.end());
  std::vector<Article> out;
  const char* sources[] = {"okaz", "aawsat", "alriyadh", ""};
  for (std::size_t i = 0; i < 700; ++i) {
    Article a;
    a.id = "article-" + std::to_string(i);
    for (std::size_t k = 0; k < 3; ++k) a.text += sentences[(i * 7 + k * 13) % sentences.size()] + " ";
    a.title = i % 5 == 0 ? "" : "عنوان " + std::to_string(i % 37) + (i % 11 == 0 ? " كلمةالعنوان" : "");
    a.date = i % 9 == 0 ? "" : "2015-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10);
    a.source = sources[i % 4];
    out.push_back(std::move(a));
  }
  return out;
}

// Merges the segments as the CLI does: asks, reads what is named, asks again.
std::map<std::string, std::string> merge(const std::vector<std::map<std::string, std::string>>& segments, int chunk_bytes,
                                         std::string* error = nullptr) {
  json manifests = json::array();
  for (const auto& s : segments) manifests.push_back(s.at("manifest.json"));
  JsonApi api;
  const json begun = json::parse(api.begin_static_merge(manifests.dump(), chunk_bytes));
  if (begun.contains("error")) {
    if (error) *error = begun["error"];
    return {};
  }
  std::map<std::string, std::string> files;
  for (;;) {
    const json next = json::parse(api.next_merged_file());
    if (next.contains("done")) break;
    if (next.contains("error")) {
      if (error) *error = next["error"];
      return {};
    }
    if (next.contains("needs")) {
      for (const auto& need : next["needs"]) {
        const std::size_t s = need[0];
        const std::string name = need[1];
        const std::string refused = api.provide_merge_file(static_cast<int>(s), name, segments.at(s).at(name));
        if (!refused.empty() && error) {  // a damaged file is refused as it is handed over
          *error = refused;
          return {};
        }
        EXPECT_EQ(refused, "");
      }
      continue;
    }
    files[next["name"].get<std::string>()] = std::string(api.static_file_bytes());
  }
  return files;
}

void add(JsonApi& api, const std::vector<Article>& all, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end; ++i) api.add_document(all[i].id, u16(all[i].text), all[i].title, all[i].date, all[i].source);
}

}  // namespace

// Segments written one by one and merged give, byte for byte, the files of the whole collection
// written at once: the same chunks, tables, vocabularies, norms, document list, fragments (with
// their generations, blocks straddling the segments), entities and manifest.
TEST(StaticMerge, SegmentsMergeIntoTheIndexOfTheWholeCollection) {
  const std::vector<Article> all = articles();
  for (const bool with_entities : {false, true}) {
    JsonApi whole;
    add(whole, all, 0, all.size());
    const auto expected = write_static(whole, 700, with_entities);

    std::vector<std::map<std::string, std::string>> segments;
    const std::size_t cuts[] = {0, 100, 400, 401, all.size()};
    for (std::size_t s = 0; s + 1 < std::size(cuts); ++s) {
      JsonApi part;
      add(part, all, cuts[s], cuts[s + 1]);
      segments.push_back(write_static(part, 300, with_entities));  // the segments' own chunking does not matter
    }
    std::string error;
    const auto merged = merge(segments, 700, &error);
    ASSERT_EQ(error, "");
    ASSERT_EQ(merged.size(), expected.size()) << "with entities: " << with_entities;
    for (const auto& [name, bytes] : expected) {
      const auto it = merged.find(name);
      ASSERT_NE(it, merged.end()) << name;
      EXPECT_EQ(it->second, bytes) << name;
    }
  }
}

// An id an earlier segment holds is refused in a later one, as in one collection.
TEST(StaticMerge, TakenIdsAreRefusedAsDuplicates) {
  JsonApi api;
  api.set_taken_ids(R"(["x", "y"])");
  const json report = json::parse(api.add_document("x", u16("نص"), "", "", ""));
  EXPECT_EQ(json::parse(api.documents()).size(), 0u) << report.dump();
  api.add_document("z", u16("نص"), "", "", "");
  EXPECT_EQ(json::parse(api.documents()).size(), 1u);
}

// Damaged or mismatched segments stop the merge with a message naming the segment and file.
TEST(StaticMerge, ADamagedSegmentStopsTheMergeWithItsName) {
  const std::vector<Article> all = articles();
  std::vector<std::map<std::string, std::string>> segments(2);
  for (std::size_t s = 0; s < 2; ++s) {
    JsonApi part;
    add(part, all, s * 50, s * 50 + 50);
    segments[s] = write_static(part, 300, false);
  }
  for (auto& [name, bytes] : segments[1]) {
    if (name.rfind("postings-word", 0) == 0) {
      bytes[bytes.size() / 2] ^= 0x55;
      break;
    }
  }
  std::string error;
  merge(segments, 300, &error);
  EXPECT_NE(error.find("segment 2"), std::string::npos) << error;

  // Two segments with one id, and a manifest that is not one.
  segments[1] = segments[0];
  error.clear();
  merge(segments, 300, &error);
  EXPECT_NE(error.find("in two segments"), std::string::npos) << error;
  segments[1]["manifest.json"] = "{}";
  error.clear();
  merge(segments, 300, &error);
  EXPECT_NE(error.find("segment 2"), std::string::npos) << error;
}
