#include "search/facets.hpp"

#include <algorithm>

#include "query/date_range.hpp"

namespace mirsad {

void FacetCounter::count_source(DocOrdinal doc) {
  const std::string& source = documents_[doc].source;
  if (source.empty()) ++unsourced_;
  else ++sources_[source];
}

void FacetCounter::count_date(DocOrdinal doc) {
  const std::string_view day = iso_date_prefix(documents_[doc].date);
  if (day.size() == 10) ++days_[day];
  else ++undated_;
}

Facets FacetCounter::result() const {
  Facets f;
  f.unsourced = unsourced_;
  f.undated = undated_;
  for (const auto& [value, n] : sources_) f.sources.push_back({std::string(value), n});
  std::sort(f.sources.begin(), f.sources.end(), [](const FacetCount& a, const FacetCount& b) {
    return a.documents != b.documents ? a.documents > b.documents : a.value < b.value;
  });
  for (const auto& [day, n] : days_) f.dates.push_back({std::string(day), n});
  std::sort(f.dates.begin(), f.dates.end(), [](const FacetCount& a, const FacetCount& b) { return a.value < b.value; });
  return f;
}

}  // namespace mirsad
