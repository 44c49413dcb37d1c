#include "index/fuzzy_scan.hpp"

#include <algorithm>
#include <bit>
#include <vector>

namespace mirsad {

using Term = std::u16string_view;

namespace {

// Levenshtein distance between a and b if it is at most max, else max + 1. Only the band of
// cells within max of the diagonal is computed (a path outside it costs more than max), rows are
// cut short once they all exceed max, and the caller's rows are reused: the scan of a large
// dictionary allocates nothing per term. `cells` counts the matrix cells computed.
uint32_t bounded_distance(Term a, Term b, uint32_t max, std::vector<uint32_t>& previous, std::vector<uint32_t>& current,
                          uint64_t& cells) {
  const std::size_t n = a.size(), m = b.size();
  const uint32_t beyond = max + 1;
  if ((n > m ? n - m : m - n) > max) return beyond;
  if (previous.size() < m + 2) {
    previous.resize(m + 2);
    current.resize(m + 2);
  }
  for (std::size_t j = 0; j <= m + 1; ++j) previous[j] = static_cast<uint32_t>(std::min<std::size_t>(j, beyond));
  for (std::size_t i = 1; i <= n; ++i) {
    const std::size_t lo = i > max ? i - max : 1, hi = std::min(m, i + max);
    current[lo - 1] = lo == 1 ? static_cast<uint32_t>(std::min<std::size_t>(i, beyond)) : beyond;
    uint32_t row_min = current[lo - 1];
    for (std::size_t j = lo; j <= hi; ++j) {
      const uint32_t v = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0u : 1u)});
      current[j] = std::min(v, beyond);
      row_min = std::min(row_min, current[j]);
    }
    cells += hi >= lo ? hi - lo + 1 : 0;
    current[hi + 1] = beyond;  // the next row's band reaches one further
    if (row_min > max) return beyond;
    std::swap(previous, current);
  }
  return previous[m];
}

// The letters of a term as a set of 64 buckets (Arabic letters U+0621..U+064A each get their
// own). Each letter of a that b lacks needs an edit of its own, so a term whose bucket sets
// differ by more than max letters either way is further than max edits: most of a dictionary is
// set aside with a few bit operations instead of a distance matrix.
uint64_t letter_buckets(Term t) {
  uint64_t buckets = 0;
  for (const char16_t c : t) buckets |= uint64_t{1} << (c & 63);
  return buckets;
}

}  // namespace

FuzzyExpansion scan_fuzzy(const TermDictionary& dict, std::u16string_view term, uint32_t max_distance, std::size_t limit,
                          FuzzyBudget& budget) {
  const uint64_t share = budget.units_left / std::max<uint32_t>(budget.expansions_left, 1);
  const uint64_t term_buckets = letter_buckets(term);
  std::vector<uint32_t> previous, current;
  std::vector<std::pair<uint32_t, uint32_t>> found;  // (distance, id)
  FuzzyExpansion out;
  uint64_t spent = 0, cells = 0, examined = 0;
  for (uint32_t id = 0; id < dict.size(); ++id) {
    if (spent + cells >= share) {
      out.scanned_all = false;
      break;
    }
    ++examined;
    ++spent;
    const Term candidate = dict.term_text(id);
    const std::size_t n = term.size(), m = candidate.size();
    if ((n > m ? n - m : m - n) > max_distance) continue;
    spent += m;
    const uint64_t buckets = letter_buckets(candidate);
    if (static_cast<uint32_t>(std::popcount(term_buckets & ~buckets)) > max_distance ||
        static_cast<uint32_t>(std::popcount(buckets & ~term_buckets)) > max_distance) {
      continue;
    }
    const uint32_t d = bounded_distance(term, candidate, max_distance, previous, current, cells);
    if (d <= max_distance) found.emplace_back(d, id);
  }
  if (!out.scanned_all) {
    // Whatever the budget, a fuzzy word matches at least itself: one lookup.
    const uint32_t self = dict.find(term);
    if (self != TermDictionary::kMissing &&
        std::none_of(found.begin(), found.end(), [&](const auto& f) { return f.second == self; })) {
      found.emplace_back(0, self);
    }
  }
  budget.units_spent += spent + cells;
  budget.terms_examined += examined;
  budget.cells_computed += cells;
  budget.units_left -= std::min(budget.units_left, spent + cells);
  if (budget.expansions_left > 1) --budget.expansions_left;
  if (!out.scanned_all) budget.cut_short.emplace_back(term);
  std::sort(found.begin(), found.end());
  out.over_limit = found.size() > limit;
  if (out.over_limit) found.resize(limit);
  for (const auto& f : found) {
    out.ids.push_back(f.second);
    out.distances.push_back(f.first);
  }
  return out;
}

}  // namespace mirsad
