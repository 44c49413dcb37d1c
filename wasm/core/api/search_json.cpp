#include "api/search_json.hpp"

#include <cmath>

#include "text/utf.hpp"

namespace mirsad {

using nlohmann::ordered_json;

ordered_json spans_json(const std::vector<Span>& spans) {
  ordered_json out = ordered_json::array();
  for (const Span& s : spans) out.push_back({s.start, s.end});
  return out;
}

ordered_json facets_json(const Facets& facets) {
  ordered_json sources = ordered_json::array(), dates = ordered_json::array();
  for (const FacetCount& c : facets.sources) sources.push_back({{"value", c.value}, {"documents", c.documents}});
  for (const FacetCount& c : facets.dates) dates.push_back({{"date", c.value}, {"documents", c.documents}});
  ordered_json out{{"sources", std::move(sources)}, {"dates", std::move(dates)}, {"unsourced", facets.unsourced},
                   {"undated", facets.undated}};
  if (facets.has_entities) {
    ordered_json entities = ordered_json::array();
    for (const EntityFacetCount& e : facets.entities) {
      entities.push_back({{"canonical", e.canonical}, {"type", e.type}, {"label_en", e.label_en}, {"documents", e.documents}});
    }
    out["entities"] = std::move(entities);
  }
  return out;
}

void describe_query(const Query& query, ordered_json& out) {
  ordered_json filters = ordered_json::array();
  for (const Filter& f : query.filters) {
    filters.push_back({{"field", f.field}, {"value", utf16_to_utf8(f.value)}, {"negated", f.negated}});
  }
  out["has_words"] = !query.required.empty();
  out["filters"] = std::move(filters);
  if (!query.live_prefix.empty()) out["live_prefix"] = query.live_prefix;
  if (query.exclusions_only()) out["exclusions_only"] = true;
  if (!query.unknown_filters.empty()) out["unknown_filters"] = query.unknown_filters;
}

MatchLevel search_level(const std::string& mode, std::vector<std::string>& warnings) {
  const auto level = parse_match_level(mode.empty() ? "word" : mode);
  if (level) return *level;
  warnings.push_back("unknown mode \"" + mode + "\": used word (exact, normalized, word, stem)");
  return MatchLevel::Word;
}

ResultSort search_sort(const std::string& sort_name, std::vector<std::string>& warnings) {
  const auto sort = parse_result_sort(sort_name);
  if (!sort) warnings.push_back("unknown sort \"" + sort_name + "\": sorted by relevance (relevance, date, date-asc)");
  return sort.value_or(ResultSort::Relevance);
}

void put_search_results(const Query& query, const SearchResults& results,
                        const std::function<std::string(DocOrdinal)>& id_of, std::vector<std::string> warnings,
                        ResultSort sort, ordered_json& out) {
  out["total"] = results.total;
  out["matches_total"] = results.matches_total;
  ordered_json hits = ordered_json::array();
  for (const SearchHit& hit : results.hits) {
    hits.push_back({{"id", id_of(hit.doc)},
                    {"score", std::round(hit.score * 10000.0) / 10000.0},
                    {"matches", spans_json(hit.matches)},
                    {"snippet", {{"start", hit.snippet.start}, {"end", hit.snippet.end}}},
                    {"title_matches", spans_json(hit.title_matches)}});
  }
  out["hits"] = std::move(hits);
  out["title_matches_total"] = results.title_matches_total;
  describe_query(query, out);
  warnings.insert(warnings.end(), results.notes.begin(), results.notes.end());
  out["warnings"] = warnings;
  out["sort"] = result_sort_name(sort);
}

}  // namespace mirsad
