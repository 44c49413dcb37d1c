#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "entities/entity.hpp"
#include "text/char_normalizer.hpp"

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
  // The co-occurrence matrix's rows (indexes into `entities`, in rank order): the most present
  // entities, with room kept for the most present people (places outnumber them in news, and
  // "who appears with whom" is the question), and without a nationality whose country is there
  // as a place (مصر and المصري are one row, not two).
  std::vector<uint32_t> matrix;
  std::vector<CoOccurrence> pairs;      // among the matrix's entities (indexes into `entities`)
  std::vector<TimelinePeriod> timeline; // chronological
};

// The overview built one document at a time, so that a collection of any size can be read
// progressively (a partial overview whenever asked) without keeping any document's entity list
// alive: per document it keeps only which entities it mentioned in which sentence (two integers
// a mention, deduplicated), which the co-occurrence matrix needs once the ranking is known.
class EntityOverviewBuilder {
 public:
  // With a normalizer, an entity's spellings are one entity (entities/entity_name_key.hpp), shown
  // as its most frequent spelling; without, each canonical form is its own.
  explicit EntityOverviewBuilder(const CharNormalizer* normalizer = nullptr) : normalizer_(normalizer) {}
  // One document: its entities and its text (for sentence boundaries).
  void add(const std::vector<Entity>& entities, std::u16string_view text);
  uint32_t documents() const { return static_cast<uint32_t>(seen_.size()); }
  // The overview of the documents added so far. `entity_limit` caps the entity list (matrix
  // members are kept even past it); the matrix has at most `matrix_size` rows (and 32).
  EntityOverview result(std::size_t entity_limit, std::size_t matrix_size) const;

 private:
  std::string key_of(const Entity& e) const;
  const CharNormalizer* normalizer_;
  std::unordered_map<std::string, uint32_t> index_of_;  // entity key → index in all_
  // Mentions of each spelling, for the entities written more than one way (most have one).
  std::unordered_map<uint32_t, std::map<std::string, uint32_t>> spellings_;
  std::vector<EntitySummary> all_;
  std::vector<uint32_t> last_document_;  // per entity: 1 + the last document that mentioned it
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> seen_;  // per document: (entity, sentence), in order
  std::map<std::string, TimelinePeriod> periods_;
};

}  // namespace mirsad
