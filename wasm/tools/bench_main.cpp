// mirsad-bench: native throughput of the analysis chain and of entity extraction, the baseline
// for scripts/bench.
// Usage: mirsad-bench analyze|entities FILE.jsonl [PASSES]   (one {"text": …} per line; default 3 passes)
// Prints one JSON line: {"docs", "bytes", "tokens" (analyze) or "entities" (entities: what
// JsonApi::entities_of_text returns, the JSON the page receives, made too), "seconds", "mb_per_s",
// "docs_per_s", "passes"} for the fastest pass: a shared 2-core machine is noisy, and the best
// pass is the repeatable one.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/engine.hpp"
#include "api/json_api.hpp"
#include "text/utf.hpp"

int main(int argc, char** argv) {
  const std::string command = argc >= 2 ? argv[1] : "";
  if ((argc != 3 && argc != 4) || (command != "analyze" && command != "entities")) {
    std::fprintf(stderr, "usage: mirsad-bench analyze|entities FILE.jsonl [PASSES]\n");
    return 2;
  }
  std::ifstream in(argv[2]);
  if (!in) {
    std::fprintf(stderr, "mirsad-bench: cannot read %s\n", argv[2]);
    return 1;
  }
  std::vector<std::u16string> texts;
  std::size_t bytes = 0;
  for (std::string line; std::getline(in, line);) {
    const auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.contains("text")) continue;
    const std::string text = j["text"].get<std::string>();
    bytes += text.size();
    texts.push_back(mirsad::utf8_to_utf16(text));
  }
  const int passes = argc == 4 ? std::max(1, std::atoi(argv[3])) : 3;
  std::size_t count = 0;  // tokens, or entities
  double best = 1e300;
  const mirsad::Engine engine;  // builds the analyzer exactly as the module does
  const mirsad::JsonApi api;    // the entities as the page asks for them (JSON included)
  for (int pass = 0; pass < passes; ++pass) {
    count = 0;
    const auto start = std::chrono::steady_clock::now();
    if (command == "analyze") {
      for (const auto& t : texts) count += engine.analyze(t).tokens.size();
    } else {
      for (const auto& t : texts) {
        const auto found = nlohmann::json::parse(api.entities_of_text(t));
        count += found["documents"][0]["entities"].size();
      }
    }
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  nlohmann::json out{{"docs", texts.size()}, {"bytes", bytes}, {command == "analyze" ? "tokens" : "entities", count},
                     {"seconds", best}, {"mb_per_s", bytes / 1e6 / best}, {"docs_per_s", texts.size() / best}, {"passes", passes}};
  std::cout << out << "\n";
  return 0;
}
