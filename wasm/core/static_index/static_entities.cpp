#include "static_index/static_entities.hpp"

#include <nlohmann/json.hpp>

#include "static_index/static_format.hpp"
#include "text/utf.hpp"

namespace mirsad {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;
namespace sf = static_format;

}  // namespace

bool StaticEntityWriter::next(StaticFile& file) {
  if (next_key_ < postings_.size()) {
    std::string keys;
    std::size_t count = 0;
    const std::size_t first = next_key_;
    while (next_key_ < postings_.size() && (count == 0 || keys.size() < chunk_bytes_)) {
      const auto& [key, docs] = postings_[next_key_++];
      sf::put_term(keys, key);
      sf::put_varint(keys, docs.size());
      DocOrdinal previous = 0;
      for (DocOrdinal d : docs) {
        sf::put_varint(keys, d - previous);
        previous = d;
      }
      ++count;
    }
    std::string bytes;
    sf::put_header(bytes, sf::kEntitiesKind);
    sf::put_varint(bytes, count);
    bytes += keys;
    file = StaticFile{sf::content_name("entities", bytes, ".bin"), std::move(bytes)};
    chunks_.push_back({postings_[first].first, file.name, count});
    return true;
  }
  if (!table_name_.empty()) return false;
  ordered_json chunks = ordered_json::array();
  for (const EntityChunkRef& c : chunks_) chunks.push_back(ordered_json::array({utf16_to_utf8(c.first), c.file, c.keys}));
  std::string bytes = ordered_json{{"keys", postings_.size()}, {"chunks", std::move(chunks)}}.dump();
  file = StaticFile{sf::content_name("table-entities", bytes, ".json"), std::move(bytes)};
  table_name_ = file.name;
  return true;
}

std::string read_entity_chunk(std::string_view bytes, std::size_t document_count, EntityPostings& out) {
  sf::Cursor c(bytes);
  if (!c.header(sf::kEntitiesKind)) return "is not an entity chunk of this format";
  const uint64_t count = c.varint();
  if (!c.ok() || count > bytes.size()) return "is damaged";
  out.clear();
  for (uint64_t i = 0; i < count; ++i) {
    std::u16string key = c.term();
    const uint64_t n = c.varint();
    if (!c.ok() || n > document_count || (!out.empty() && !(out.back().first < key))) return "is damaged";
    std::vector<DocOrdinal> docs;
    docs.reserve(n);
    uint64_t doc = 0;
    for (uint64_t k = 0; k < n; ++k) {
      const uint64_t delta = c.varint();
      if (k > 0 && delta == 0) return "is damaged";
      doc += delta;
      if (!c.ok() || doc >= document_count) return "is damaged";
      docs.push_back(static_cast<DocOrdinal>(doc));
    }
    out.emplace_back(std::move(key), std::move(docs));
  }
  if (!c.at_end()) return "is damaged";
  return {};
}

std::string read_entity_table(std::string_view bytes, std::vector<EntityChunkRef>& out) {
  const json t = json::parse(bytes, nullptr, false);
  if (t.is_discarded() || !t.is_object() || !t.contains("chunks") || !t["chunks"].is_array()) return "is not an entity table";
  out.clear();
  for (const json& c : t["chunks"]) {
    if (!c.is_array() || c.size() != 3 || !c[0].is_string() || !c[1].is_string() || !c[2].is_number_unsigned()) {
      return "has a malformed entry";
    }
    EntityChunkRef ref{utf8_to_utf16(c[0].get<std::string>()), c[1].get<std::string>(), c[2].get<std::size_t>()};
    if (!out.empty() && !(out.back().first < ref.first)) return "is not in key order";
    if (ref.file.rfind("entities-", 0) != 0) return "names a file that is not an entity chunk";
    out.push_back(std::move(ref));
  }
  return {};
}

}  // namespace mirsad
