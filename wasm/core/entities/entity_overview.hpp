#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "entities/entity.hpp"

namespace mirsad {

// One entity across a set of documents.
struct EntitySummary {
  EntityType type;
  std::string canonical;
  std::string label_en;
  uint32_t documents = 0;  // how many documents mention it
  uint32_t mentions = 0;
};

// Two entities (indexes into EntityOverview::entities) seen together.
struct CoOccurrence {
  uint32_t a, b;
  uint32_t documents;  // documents that mention both
  uint32_t sentences;  // sentences that mention both
};

// Dated mentions falling in one period: a year (2011) or a month (2015-02).
struct TimelinePeriod {
  std::string period;
  uint32_t mentions = 0;
  std::vector<uint32_t> documents;  // ordinals in the input order, each once
};

// What a set of documents says about its entities, the analyst's overview: which entities, in how
// many documents; which pairs occur together; when the dated mentions fall.
struct EntityOverview {
  uint32_t documents = 0;
  std::vector<EntitySummary> entities;  // most documents first (NUMBER and DATE excluded)
  std::vector<CoOccurrence> pairs;      // among the first `matrix_size` entities
  std::vector<TimelinePeriod> timeline; // chronological
};

// One document as the overview reads it: its entities and its text (for sentence boundaries).
struct OverviewDocument {
  const std::vector<Entity>* entities;
  std::u16string text;
};

// Builds the overview of `count` documents, read one at a time through `document(i)`.
// `entity_limit` caps the entity list; co-occurrence is computed among the first `matrix_size`.
EntityOverview build_entity_overview(std::size_t count, const std::function<OverviewDocument(std::size_t)>& document,
                                     std::size_t entity_limit, std::size_t matrix_size);

}  // namespace mirsad
