#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "index/postings_source.hpp"
#include "static_index/static_entities.hpp"
#include "static_index/static_file.hpp"

namespace mirsad {

// Entity facets of a static index written with entities: which people, organizations and places
// the matches of a query mention, with counts, each a filter to add (entity:"…"). A count is the
// number of matches whose text has the entity, that is the results the filter would leave.
//
// Two files:
//   entity-catalog-HASH.json  every person, organization and place of the collection: its key
//                             (the normalized canonical name, which entity: filters compare), the
//                             canonical name as first written, its type and English label, sorted
//                             by key. Not read by searches: merges of segments read it to choose
//                             the facets of the whole collection.
//   entity-facets-HASH.bin    the kEntityFacetsPerType entities of each type that the most
//                             documents mention, with those documents (kind MZEF): read by the
//                             first query that asks for facets.
struct EntityCatalogEntry {
  std::u16string key;
  std::string canonical;
  std::string type;  // PERSON, ORGANIZATION, LOCATION
  std::string label_en;
};
using EntityCatalog = std::vector<EntityCatalogEntry>;  // sorted by key

struct EntityFacetEntry {
  EntityCatalogEntry entity;
  std::vector<DocOrdinal> documents;  // ascending
};

constexpr std::size_t kEntityFacetsPerType = 20;
// The entity types offered as facets, in the order the facets file lists them.
constexpr std::string_view kEntityFacetTypes[] = {"PERSON", "ORGANIZATION", "LOCATION"};

StaticFile entity_catalog_file(const EntityCatalog& catalog);
// Empty, or why the bytes are not a catalog (entries sorted by key are checked).
std::string read_entity_catalog(std::string_view bytes, EntityCatalog& out);

// The facets: for each type, the catalog's entities whose key the most documents have in
// postings (ties by key), with those documents.
StaticFile entity_facets_file(const EntityCatalog& catalog, const EntityPostings& postings);
std::string read_entity_facets(std::string_view bytes, std::size_t document_count, std::vector<EntityFacetEntry>& out);

}  // namespace mirsad
