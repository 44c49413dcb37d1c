#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "corpus/document.hpp"
#include "index/inverted_index.hpp"

namespace mirsad {

struct FacetCount {
  std::string value;
  std::size_t documents = 0;
};

// Counts over the documents a query matches, the way archive searches show them: each facet is
// counted before its own filter is applied (the sources of everything the words and the dates
// select, the days of everything the words and the sources select), so choosing one source still
// shows the others to add.
struct Facets {
  std::vector<FacetCount> sources;  // most documents first, then by name; documents without a source not listed
  std::vector<FacetCount> dates;    // per day (YYYY-MM-DD), in date order, days without documents left out
  std::size_t unsourced = 0;        // documents counted for sources that have none
  std::size_t undated = 0;          // documents counted for dates without a full day
};

// Fills Facets in one pass: the searcher offers each matching document once.
class FacetCounter {
 public:
  explicit FacetCounter(const std::vector<DocumentInfo>& documents) : documents_(documents) {}
  void count_source(DocOrdinal doc);
  void count_date(DocOrdinal doc);
  Facets result() const;

 private:
  const std::vector<DocumentInfo>& documents_;
  std::unordered_map<std::string_view, std::size_t> sources_, days_;
  std::size_t unsourced_ = 0, undated_ = 0;
};

}  // namespace mirsad
