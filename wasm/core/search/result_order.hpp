#pragma once
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "corpus/document.hpp"
#include "index/inverted_index.hpp"

namespace mirsad {

// How results are ordered: by relevance (BM25, the default) or by publication date, over every
// matching document (not a re-sort of the best hundred).
enum class ResultSort : uint8_t { Relevance, Newest, Oldest };

// "relevance", "date" or "newest" (newest first), "date-asc" or "oldest"; nullopt otherwise.
std::optional<ResultSort> parse_result_sort(std::string_view name);
std::string_view result_sort_name(ResultSort sort);

// A comparison of two documents by date for Searcher::search: negative when a comes first, 0 when
// their dates are equal (relevance then decides). Documents without a date come last in both
// directions. Empty for Relevance.
using DocumentOrder = std::function<int(DocOrdinal, DocOrdinal)>;
DocumentOrder date_order(const std::vector<DocumentInfo>& documents, ResultSort sort);

}  // namespace mirsad
