#include "static_index/static_entity_facets.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "static_index/static_format.hpp"
#include "text/utf.hpp"

namespace mirsad {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;
namespace sf = static_format;

constexpr std::string_view kFacetsKind = "MZEF";

void put_text(std::string& out, std::string_view s) {
  sf::put_varint(out, s.size());
  out.append(s);
}

}  // namespace

StaticFile entity_catalog_file(const EntityCatalog& catalog) {
  ordered_json entities = ordered_json::array();
  for (const EntityCatalogEntry& e : catalog) {
    entities.push_back(ordered_json::array({utf16_to_utf8(e.key), e.canonical, e.type, e.label_en}));
  }
  std::string bytes = ordered_json{{"entities", std::move(entities)}}.dump(-1, ' ', false, json::error_handler_t::replace);
  return StaticFile{sf::content_name("entity-catalog", bytes, ".json"), std::move(bytes)};
}

std::string read_entity_catalog(std::string_view bytes, EntityCatalog& out) {
  const json c = json::parse(bytes, nullptr, false);
  if (c.is_discarded() || !c.is_object() || !c.contains("entities") || !c["entities"].is_array()) return "is not an entity catalog";
  out.clear();
  for (const json& e : c["entities"]) {
    if (!e.is_array() || e.size() != 4 || !e[0].is_string() || !e[1].is_string() || !e[2].is_string() || !e[3].is_string()) {
      return "has a malformed entry";
    }
    EntityCatalogEntry entry{utf8_to_utf16(e[0].get<std::string>()), e[1].get<std::string>(), e[2].get<std::string>(), e[3].get<std::string>()};
    if (!out.empty() && !(out.back().key < entry.key)) return "is not in key order";
    out.push_back(std::move(entry));
  }
  return {};
}

StaticFile entity_facets_file(const EntityCatalog& catalog, const EntityPostings& postings) {
  const auto documents_of = [&](const std::u16string& key) -> const std::vector<DocOrdinal>* {
    const auto it = std::lower_bound(postings.begin(), postings.end(), key, [](const auto& p, const std::u16string& k) { return p.first < k; });
    return it != postings.end() && it->first == key ? &it->second : nullptr;
  };
  std::string entries;
  std::size_t count = 0;
  for (const std::string_view type : kEntityFacetTypes) {
    std::vector<std::pair<const EntityCatalogEntry*, const std::vector<DocOrdinal>*>> ranked;
    for (const EntityCatalogEntry& e : catalog) {
      if (e.type != type) continue;
      if (const auto* docs = documents_of(e.key)) ranked.emplace_back(&e, docs);
    }
    const std::size_t keep = std::min(ranked.size(), kEntityFacetsPerType);
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end(), [](const auto& a, const auto& b) {
      if (a.second->size() != b.second->size()) return a.second->size() > b.second->size();
      return a.first->key < b.first->key;
    });
    for (std::size_t i = 0; i < keep; ++i) {
      const auto& [entity, docs] = ranked[i];
      sf::put_term(entries, entity->key);
      put_text(entries, entity->canonical);
      put_text(entries, entity->type);
      put_text(entries, entity->label_en);
      sf::put_varint(entries, docs->size());
      DocOrdinal previous = 0;
      for (const DocOrdinal d : *docs) {
        sf::put_varint(entries, d - previous);
        previous = d;
      }
      ++count;
    }
  }
  std::string bytes;
  sf::put_header(bytes, kFacetsKind);
  sf::put_varint(bytes, count);
  bytes += entries;
  return StaticFile{sf::content_name("entity-facets", bytes, ".bin"), std::move(bytes)};
}

std::string read_entity_facets(std::string_view bytes, std::size_t document_count, std::vector<EntityFacetEntry>& out) {
  sf::Cursor c(bytes);
  if (!c.header(kFacetsKind)) return "is not an entity facets file of this format";
  const uint64_t count = c.varint();
  if (!c.ok() || count > bytes.size()) return "is damaged";
  out.clear();
  const auto text = [&]() {
    const uint64_t n = c.varint();
    return std::string(c.take(c.ok() ? static_cast<std::size_t>(std::min<uint64_t>(n, bytes.size())) : 0));
  };
  for (uint64_t i = 0; i < count; ++i) {
    EntityFacetEntry e;
    e.entity.key = c.term();
    e.entity.canonical = text();
    e.entity.type = text();
    e.entity.label_en = text();
    const uint64_t n = c.varint();
    if (!c.ok() || n > document_count) return "is damaged";
    uint64_t doc = 0;
    for (uint64_t k = 0; k < n; ++k) {
      const uint64_t delta = c.varint();
      doc += delta;
      if (!c.ok() || (k > 0 && delta == 0) || doc >= document_count) return "is damaged";
      e.documents.push_back(static_cast<DocOrdinal>(doc));
    }
    out.push_back(std::move(e));
  }
  if (!c.at_end()) return "is damaged";
  return {};
}

}  // namespace mirsad
