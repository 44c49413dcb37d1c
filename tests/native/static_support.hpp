#pragma once
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include "api/json_api.hpp"
#include "api/static_search_api.hpp"
#include "test_support.hpp"

namespace mirsad::test {

// The static index of api's collection, as name → bytes (what a host would serve).
inline std::map<std::string, std::string> write_static(JsonApi& api, int chunk_bytes, bool with_entities = false) {
  std::map<std::string, std::string> files;
  api.begin_static_index(chunk_bytes, with_entities);
  for (;;) {
    const nlohmann::json next = nlohmann::json::parse(api.next_static_file());
    if (next.contains("done")) break;
    files[next["name"].get<std::string>()] = std::string(api.static_file_bytes());
  }
  return files;
}

// Searches as the widget does: asks, fetches what is needed, asks again. Counts the rounds.
inline nlohmann::json static_search(StaticSearchApi& reader, const std::map<std::string, std::string>& files,
                                    const std::string& query, const std::string& mode, bool any = false,
                                    const std::string& sort = "relevance", int* rounds = nullptr) {
  for (int round = 1; round <= 8; ++round) {
    nlohmann::json answer = nlohmann::json::parse(reader.search(u16(query), mode, 10, any, false, sort));
    if (!answer.contains("needs")) {
      if (rounds) *rounds = round;
      return answer;
    }
    for (const auto& name : answer["needs"]) {
      const auto it = files.find(name.get<std::string>());
      if (it == files.end()) reader.file_unavailable(name, "404");
      else EXPECT_EQ(reader.provide(name, it->second), "") << name;
    }
  }
  ADD_FAILURE() << "more than 8 rounds for " << query;
  return nlohmann::json();
}

}  // namespace mirsad::test
