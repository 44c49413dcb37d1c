#pragma once
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "api/json_api.hpp"

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

}  // namespace mirsad::test
