#pragma once
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/json_api.hpp"
#include "text/utf.hpp"

namespace mirsad::test {

inline std::u16string u16(std::string_view utf8) { return utf8_to_utf16(utf8); }
inline std::string u8(std::u16string_view utf16) { return utf16_to_utf8(utf16); }
// The original text a span covers, as UTF-8, for readable assertions.
inline std::string slice(std::u16string_view text, uint32_t start, uint32_t end) {
  return utf16_to_utf8(text.substr(start, end - start));
}

// The ids of the first ten hits of q (word level), sorted: which documents a query finds.
inline std::vector<std::string> sorted_hit_ids(const JsonApi& api, std::string_view q) {
  std::vector<std::string> out;
  const nlohmann::json result = nlohmann::json::parse(api.search(u16(q), "word", 10));
  for (const nlohmann::json& h : result["hits"]) out.push_back(h["id"]);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace mirsad::test
