#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "query/query.hpp"
#include "search/facets.hpp"
#include "search/result_order.hpp"
#include "search/searcher.hpp"

namespace mirsad {

// The parts of a search answer that the in-memory engine (JsonApi) and a static index
// (StaticSearchApi) share, so both answer in one JSON contract (README, "search").

nlohmann::ordered_json spans_json(const std::vector<Span>& spans);

// {"sources": [{"value", "documents"}], "dates": [{"date", "documents"}], "unsourced", "undated"}.
nlohmann::ordered_json facets_json(const Facets& facets);

// What the query was read as, beside its counts, so that a page can say what they count: the
// filters, whether any word was searched, and why nothing could be.
void describe_query(const Query& query, nlohmann::ordered_json& out);

// The match level named by mode ("" = word), with a warning for an unknown name.
MatchLevel search_level(const std::string& mode, std::vector<std::string>& warnings);
// The sort named by sort_name, with a warning for an unknown name.
ResultSort search_sort(const std::string& sort_name, std::vector<std::string>& warnings);

// total, matches_total, hits (id_of gives each hit's document id), title_matches_total, what the
// query was read as, warnings (the caller's, the query's and the results' notes) and sort.
void put_search_results(const Query& query, const SearchResults& results,
                        const std::function<std::string(DocOrdinal)>& id_of, std::vector<std::string> warnings,
                        ResultSort sort, nlohmann::ordered_json& out);

}  // namespace mirsad
