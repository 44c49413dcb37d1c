#pragma once
#include <vector>

#include "index/inverted_index.hpp"
#include "query/query.hpp"

namespace mirsad {

// Where a phrase occurs in one document: the token positions where it starts.
struct PhraseOccurrences {
  DocOrdinal doc;
  std::vector<uint32_t> starts;
};

// Intersects the positional postings of a phrase's terms: the phrase occurs at p when term i
// occurs at p + i for every i. A one-term phrase is just that term's postings.
std::vector<PhraseOccurrences> match_phrase(const InvertedIndex& index, MatchLevel level,
                                            const PhraseQuery& phrase);

}  // namespace mirsad
