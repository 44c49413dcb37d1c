#pragma once
// The corpus loader's contract, shared by its libFuzzer target and the regression test that
// replays the saved inputs: whatever the bytes, loading answers with a JSON report, keeps every
// document it reports as added, and each kept text is well-formed UTF-16 (bad bytes became
// U+FFFD, never a lone surrogate).
#include <cstdint>
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "api/json_api.hpp"
#include "text/utf.hpp"

namespace mirsad::fuzz {

#define MIRSAD_LOADER_CHECK(condition)                                                   \
  do {                                                                                    \
    if (!(condition)) {                                                                   \
      std::fprintf(stderr, "corpus loader: broken: %s (line %d)\n", #condition, __LINE__); \
      __builtin_trap();                                                                   \
    }                                                                                     \
  } while (0)

// Loads one file (after html_options, a JsonApi::set_html_options object) and checks the contract.
inline void load_and_check_file(const std::string& name, const std::string& bytes, const std::string& html_options = "{}") {
  mirsad::JsonApi api;
  MIRSAD_LOADER_CHECK(api.set_html_options(html_options) == R"({"ok":true})");
  const nlohmann::json report = nlohmann::json::parse(api.load_file(name, bytes), nullptr, false);
  MIRSAD_LOADER_CHECK(!report.is_discarded());
  MIRSAD_LOADER_CHECK(report.contains("added") && report["added"].is_number());
  const nlohmann::json docs = nlohmann::json::parse(api.documents(), nullptr, false);
  MIRSAD_LOADER_CHECK(docs.is_array() && docs.size() == report["added"].get<std::size_t>());
  for (const auto& d : docs) {
    const std::u16string text = api.text(d["id"].get<std::string>());
    for (std::size_t i = 0; i < text.size(); ++i) {
      const bool high = mirsad::is_high_surrogate(text[i]), low = mirsad::is_low_surrogate(text[i]);
      MIRSAD_LOADER_CHECK(!low);
      if (high) {
        MIRSAD_LOADER_CHECK(i + 1 < text.size() && mirsad::is_low_surrogate(text[i + 1]));
        ++i;
      }
    }
  }
  if (!docs.empty()) api.search(u"ليبيا", "word", 5, true, false);
}

// The first byte picks the file type, the rest is the file.
inline void load_and_check(const uint8_t* data, std::size_t size) {
  if (size == 0) return;
  static const char* const kNames[] = {"input.json", "input.jsonl", "input.txt", "input.csv"};
  load_and_check_file(kNames[data[0] % 4], std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
}

}  // namespace mirsad::fuzz
