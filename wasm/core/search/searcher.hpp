#pragma once
#include <functional>
#include <vector>

#include "index/postings_source.hpp"
#include "query/query.hpp"

namespace mirsad {

struct SearchHit {
  DocOrdinal doc;
  double score;
  std::vector<Span> matches;  // every occurrence in the document, UTF-16, sorted, non-overlapping
  Span snippet;               // a keyword-in-context window cut on token boundaries
  std::vector<Span> title_matches;  // the same in the title (UTF-16 offsets into the title)
};

struct SearchResults {
  std::size_t total = 0;          // matching documents, not just the returned ones
  // Matches in the texts of all of them, counted as they are highlighted (overlapping phrases
  // and alternatives merged): the sum of every hit's matches.size(), the concordance's lines.
  std::size_t matches_total = 0;
  std::size_t title_matches_total = 0;  // the same in their titles, counted apart
  std::vector<SearchHit> hits;
  std::vector<std::string> notes;  // expansions cut at their limit, fuzzy scans cut short
  FuzzyBudget fuzzy;               // what the query's fuzzy expansions spent, and where they stopped
};

// Evaluates a query against the index: clauses are intersected, alternatives united, exclusions
// subtracted; documents are ranked by BM25 (k1 = 1.2, b = 0.75) over the matched phrases, summed
// over the body and the boosted title (BM25F-like, each field with its own length norm), and the
// best hundred are rescored for query words that stand together in the text (proximity).
class Searcher {
 public:
  static constexpr uint32_t kSnippetTokens = 28;

  static constexpr double kTitleBoost = 2.5;  // a word in the title counts as much as 2.5 in the body

  // The body index gives matches and snippets; the title index (same document ordinals) adds
  // to the score, as a title field boosted over the body, and gives the title's matches.
  Searcher(const PostingsSource& index, const PostingsSource& title_index) : index_(index), title_index_(title_index) {}
  // accept: documents failing it are left out (the query's filters, evaluated by the engine);
  // it is offered every document the words match, once each, so a caller can count facets in it.
  // With no words, every accepted document matches, in corpus order.
  // order: when given (see search/result_order.hpp), the hits are the first `limit` of all
  // matching documents by it (negative: a before b), relevance breaking its ties.
  SearchResults search(const Query& query, std::size_t limit,
                       const std::function<bool(DocOrdinal)>& accept = nullptr,
                       const std::function<int(DocOrdinal, DocOrdinal)>& order = nullptr) const;

 private:
  const PostingsSource& index_;
  const PostingsSource& title_index_;
};

}  // namespace mirsad
