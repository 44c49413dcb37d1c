// libFuzzer target for the static index reader (issue 17): whatever a host serves under an
// index's file names (damaged, truncated, hostile) must be refused with a message or read
// consistently, and searching afterwards must neither crash nor read out of bounds. The first
// byte chooses what the rest stands for: a postings chunk, a level's chunk table, the norms, a
// vocabulary, a fragment, the document list, the manifest itself, an entity chunk or the entity
// table. Files other than the manifest
// are named by a hash of their content, so the input is given the name its content hashes to
// (and the manifest is made to name it): mutations reach the parsers instead of the name check.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "api/json_api.hpp"
#include "api/static_search_api.hpp"
#include "static_index/static_format.hpp"
#include "text/utf.hpp"

namespace {

using nlohmann::json;

// A small collection's static index, written once: the real files the searches fall back on.
const std::map<std::string, std::string>& real_files() {
  static const std::map<std::string, std::string> files = [] {
    mirsad::JsonApi api;
    api.add_document("a", mirsad::utf8_to_utf16("زار وزير الخارجية ليبيا أمس، ثم عاد إلى تونس."), "زيارة إلى ليبيا", "2015-02-24", "okaz");
    api.add_document("b", mirsad::utf8_to_utf16("الحكومة الليبية تعلن حالة الطوارئ في طرابلس."), "", "", "");
    api.add_document("c", mirsad::utf8_to_utf16("تنسيق أمني بين مصر وليبيا وتونس 😀"), "تنسيق", "2015-03-01", "aawsat");
    std::map<std::string, std::string> out;
    api.begin_static_index(200, true);  // with entities: entity: filters read them
    for (;;) {
      const json next = json::parse(api.next_static_file());
      if (next.contains("done")) break;
      out[next["name"].get<std::string>()] = std::string(api.static_file_bytes());
    }
    return out;
  }();
  return files;
}

void search_all(mirsad::StaticSearchApi& reader) {
  const auto& files = real_files();
  for (const auto& [query, mode] : {std::pair{u"ليبيا تونس", "word"}, std::pair{u"ليب*", "exact"}, std::pair{u"ليبيى~", "word"},
                                    std::pair{u"\"وزير الخارجية\" source:okaz", "stem"}, std::pair{u"ليبيا entity:تونس", "word"},
                                    std::pair{u"-entity:مصر تونس", "word"}}) {
    for (int round = 0; round < 6; ++round) {
      const json answer = json::parse(reader.search(query, mode, 10, false, false, round % 2 ? "date" : "relevance"));
      if (!answer.contains("needs")) break;
      for (const auto& name : answer["needs"]) {
        const auto it = files.find(name.get<std::string>());
        if (it == files.end()) reader.file_unavailable(name, "404");
        else reader.provide(name, it->second);
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string body(reinterpret_cast<const char*>(data) + 1, size - 1);
  json manifest = json::parse(real_files().at("manifest.json"));
  std::string name;
  namespace sf = mirsad::static_format;
  switch (data[0] % 9) {
    case 0: name = sf::content_name("postings-word", body, ".bin"); break;
    case 1: name = sf::content_name("table-word", body, ".json"); manifest["levels"]["word"]["table"] = name; break;
    case 2: name = sf::content_name("norms", body, ".bin"); manifest["norms"] = name; break;
    case 3: name = sf::content_name("vocabulary-word-body", body, ".bin"); manifest["levels"]["word"]["vocabulary"]["body"] = name; break;
    case 4: name = "fragment/" + manifest["fragments"]["generations"][0].get<std::string>() + "/0.json"; break;
    case 5: name = sf::content_name("documents", body, ".json"); manifest["documents_file"] = name; break;
    case 6: {
      mirsad::StaticSearchApi reader;
      if (!json::parse(reader.open(body), nullptr, false).contains("error")) search_all(reader);
      return 0;
    }
    case 7: name = sf::content_name("entities", body, ".bin"); break;
    case 8: name = sf::content_name("table-entities", body, ".json"); manifest["entities"]["table"] = name; break;
  }
  mirsad::StaticSearchApi reader;
  if (json::parse(reader.open(manifest.dump())).contains("error")) __builtin_trap();  // the real manifest, renamed
  // Norms and tables first, as a search asks for them, so that chunks are checked against them.
  for (const auto& [real, bytes] : real_files()) {
    if (real.rfind("norms", 0) == 0 || real.rfind("table-", 0) == 0) reader.provide(real, bytes);
  }
  reader.provide(name, body);
  search_all(reader);
  return 0;
}
