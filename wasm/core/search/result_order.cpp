#include "search/result_order.hpp"

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
  const int direction = sort == ResultSort::Newest ? -1 : 1;
  // The whole field is the key when it starts with a date, so the time of day (SaudiNewsNet's
  // "2015-07-21 02:45:59") orders a day's articles. Read at each comparison (a partial sort makes
  // about n log k of them) rather than for every document of the collection at each search.
  return [&documents, direction](DocOrdinal a, DocOrdinal b) {
    const std::string_view ka = documents[a].date, kb = documents[b].date;
    const bool undated_a = iso_date_prefix(ka).empty(), undated_b = iso_date_prefix(kb).empty();
    if (undated_a || undated_b) return static_cast<int>(undated_a) - static_cast<int>(undated_b);
    const int c = ka.compare(kb);
    return c == 0 ? 0 : (c < 0 ? -direction : direction);
  };
}

}  // namespace mirsad
