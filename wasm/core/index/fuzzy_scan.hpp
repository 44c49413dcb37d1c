#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "index/fuzzy_budget.hpp"
#include "index/postings_source.hpp"
#include "index/term_dictionary.hpp"

namespace mirsad {

// The terms of a dictionary within max_distance edits (Levenshtein) of term, nearest first (ties
// by id), at most `limit`. The scan goes through the dictionary in id order and spends at most
// this expansion's share of `budget`; when the share runs out the scan stops there (the term
// itself is still matched if it is in the dictionary) and `scanned_all` says so. Shared by the
// in-memory index and the static one (which holds the same dictionary in the same order), so
// that a fuzzy word expands the same way in both.
FuzzyExpansion scan_fuzzy(const TermDictionary& dict, std::u16string_view term, uint32_t max_distance,
                          std::size_t limit, FuzzyBudget& budget);

}  // namespace mirsad
