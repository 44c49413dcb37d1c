#pragma once
#include <vector>

#include "index/inverted_index.hpp"
#include "query/query.hpp"

namespace mirsad {

struct SearchHit {
  DocOrdinal doc;
  double score;
  std::vector<Span> matches;  // every occurrence in the document, UTF-16, sorted, non-overlapping
  Span snippet;               // a keyword-in-context window cut on token boundaries
};

struct SearchResults {
  std::size_t total = 0;  // matching documents, not just the returned ones
  std::vector<SearchHit> hits;
  std::vector<std::string> notes;  // expansions cut at their limit
};

// Evaluates a query against the index: clauses are intersected, alternatives united, exclusions
// subtracted; documents are ranked by BM25 (k1 = 1.2, b = 0.75) over the matched phrases.
class Searcher {
 public:
  static constexpr uint32_t kSnippetTokens = 28;

  explicit Searcher(const InvertedIndex& index) : index_(index) {}
  SearchResults search(const Query& query, std::size_t limit) const;

 private:
  const InvertedIndex& index_;
};

}  // namespace mirsad
