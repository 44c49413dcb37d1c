#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "corpus/document.hpp"
#include "index/inverted_index.hpp"
#include "search/document_filter.hpp"

namespace mirsad {

struct FacetCount {
  std::string value;
  std::size_t documents = 0;
};

// Counts over the documents a query matches, the way archive searches show them: each facet is
// counted before its own filter is applied (the sources of everything the words and the dates
// select, the days of everything the words and the sources select), so choosing one source still
// shows the others to add.
// One of the people, organizations and places a static index offers as facets
// (static_index/static_entity_facets.hpp), with the matches that mention it.
struct EntityFacetCount {
  std::string canonical;  // what an entity:"…" filter for it names
  std::string type;       // PERSON, ORGANIZATION, LOCATION
  std::string label_en;
  std::size_t documents = 0;
};

struct Facets {
  std::vector<FacetCount> sources;  // most documents first, then by name; documents without a source not listed
  std::vector<FacetCount> dates;    // per day (YYYY-MM-DD), in date order, days without documents left out
  std::size_t unsourced = 0;        // documents counted for sources that have none
  std::size_t undated = 0;          // documents counted for dates without a full day
  // A static index written with entities: its facet entities that the matches passing every
  // filter mention, most documents first. The in-memory engine leaves them out (has_entities
  // false): the page has its entity views for its own collection.
  bool has_entities = false;
  std::vector<EntityFacetCount> entities;
};

// Fills Facets in one pass: the searcher offers each matching document once.
class FacetCounter {
 public:
  explicit FacetCounter(const std::vector<DocumentInfo>& documents) : documents_(documents) {}
  void count_source(DocOrdinal doc);
  void count_date(DocOrdinal doc);
  // A matching document, given the filters' verdict on it: its source counted if it passes all
  // but the source filters, its day if it passes all but the date filters.
  void count_match(DocOrdinal doc, const FilterVerdict& verdict) {
    if (verdict.rest && verdict.date) count_source(doc);
    if (verdict.rest && verdict.source) count_date(doc);
  }
  // Every document (a query that asks nothing yet: the facets of the whole collection).
  void count_all() {
    for (DocOrdinal d = 0; d < documents_.size(); ++d) {
      count_source(d);
      count_date(d);
    }
  }
  Facets result() const;

 private:
  const std::vector<DocumentInfo>& documents_;
  std::unordered_map<std::string_view, std::size_t> sources_, days_;
  std::size_t unsourced_ = 0, undated_ = 0;
};

}  // namespace mirsad
