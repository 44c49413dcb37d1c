#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "analysis/match_level.hpp"
#include "index/fuzzy_budget.hpp"
#include "text/span.hpp"

namespace mirsad {

using DocOrdinal = uint32_t;

// A term's postings, decoded for one query: documents ascending, and for document i its
// positions positions[starts[i] .. starts[i + 1]).
struct DecodedPostings {
  std::vector<DocOrdinal> docs;
  std::vector<uint32_t> starts{0};  // docs.size() + 1 entries
  std::vector<uint32_t> positions;

  std::size_t size() const { return docs.size(); }
  const uint32_t* positions_begin(std::size_t i) const { return positions.data() + starts[i]; }
  const uint32_t* positions_end(std::size_t i) const { return positions.data() + starts[i + 1]; }
};

// The terms within some edits of a query word, nearest first (see PostingsSource::expand_fuzzy).
struct FuzzyExpansion {
  std::vector<uint32_t> ids;
  std::vector<uint32_t> distances;  // of each id, in edits
  bool over_limit = false;   // more terms were within reach than `limit`
  bool scanned_all = true;   // false: the budget ran out before the end of the dictionary
};

// What the searcher reads of one field's index: the in-memory InvertedIndex, or a static index
// whose chunks are fetched on demand (static_index/). Term ids are only meaningful to the source
// that gave them, between an expansion and the postings_of call that follows it.
class PostingsSource {
 public:
  virtual ~PostingsSource() = default;

  virtual std::size_t document_count() const = 0;
  virtual uint32_t document_length(DocOrdinal doc) const = 0;
  virtual double average_document_length() const = 0;
  virtual uint64_t token_count() const = 0;
  // Every token's [start, end) in the document's text, by position.
  virtual std::vector<Span> token_spans(DocOrdinal doc) const = 0;

  virtual DecodedPostings postings(MatchLevel level, std::u16string_view term) const = 0;
  // The union of several terms' postings (a prefix or fuzzy expansion).
  virtual DecodedPostings postings_of(MatchLevel level, const std::vector<uint32_t>& term_ids) const = 0;
  // Ids of the terms of a level that start with prefix, in the terms' UTF-16 order, at most
  // `limit`; `complete` is false when more existed.
  virtual std::vector<uint32_t> expand_prefix(MatchLevel level, std::u16string_view prefix, std::size_t limit,
                                              bool& complete) const = 0;
  // The terms within max_distance edits (Levenshtein) of term, nearest first, at most `limit`,
  // spending at most this expansion's share of `budget`.
  virtual FuzzyExpansion expand_fuzzy(MatchLevel level, std::u16string_view term, uint32_t max_distance,
                                      std::size_t limit, FuzzyBudget& budget) const = 0;
};

}  // namespace mirsad
