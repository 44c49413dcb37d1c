#pragma once
#include "index/postings_source.hpp"
#include "query/query.hpp"

namespace mirsad {

// Where a phrase occurs: the documents, and in each the token positions where it starts
// (the same layout as a term's decoded postings; for a one-word phrase they are its postings).
using PhraseMatches = DecodedPostings;

// Intersects the positional postings of a phrase's terms: the phrase occurs at p when term i
// occurs at p + i for every i. Prefix and fuzzy terms stand for the union of their expansions;
// `notes` receives a line when an expansion was cut at its limit. Fuzzy expansions spend from
// `budget`, shared by a whole query (a fresh one when null).
PhraseMatches match_phrase(const PostingsSource& index, MatchLevel level, const PhraseQuery& phrase,
                           std::vector<std::string>* notes = nullptr, FuzzyBudget* budget = nullptr);

// How far word~ reaches: one edit for short words, two from eight letters on, where a typo is
// likelier than a different word.
inline uint32_t fuzzy_distance(std::u16string_view term) { return term.size() >= 8 ? 2 : 1; }

constexpr std::size_t kMaxPrefixExpansions = 500;
constexpr std::size_t kMaxFuzzyExpansions = 50;

}  // namespace mirsad
