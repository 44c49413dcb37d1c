#include "search/result_order.hpp"

#include <memory>
#include <string>

#include "query/date_range.hpp"

namespace mirsad {

std::optional<ResultSort> parse_result_sort(std::string_view name) {
  if (name.empty() || name == "relevance") return ResultSort::Relevance;
  if (name == "date" || name == "newest") return ResultSort::Newest;
  if (name == "date-asc" || name == "oldest") return ResultSort::Oldest;
  return std::nullopt;
}

std::string_view result_sort_name(ResultSort sort) {
  switch (sort) {
    case ResultSort::Newest: return "date";
    case ResultSort::Oldest: return "date-asc";
    default: return "relevance";
  }
}

DocumentOrder date_order(const std::vector<DocumentInfo>& documents, ResultSort sort) {
  if (sort == ResultSort::Relevance) return nullptr;
  // The whole field is the key when it starts with a date, so the time of day (SaudiNewsNet's
  // "2015-07-21 02:45:59") orders a day's articles; "" marks an undated document.
  auto keys = std::make_shared<std::vector<std::string_view>>();
  keys->reserve(documents.size());
  for (const DocumentInfo& d : documents) {
    keys->push_back(iso_date_prefix(d.date).empty() ? std::string_view() : std::string_view(d.date));
  }
  const int direction = sort == ResultSort::Newest ? -1 : 1;
  return [keys, direction](DocOrdinal a, DocOrdinal b) {
    const std::string_view ka = (*keys)[a], kb = (*keys)[b];
    if (ka.empty() || kb.empty()) return static_cast<int>(ka.empty()) - static_cast<int>(kb.empty());
    const int c = ka.compare(kb);
    return c == 0 ? 0 : (c < 0 ? -direction : direction);
  };
}

}  // namespace mirsad
