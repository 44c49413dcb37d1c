#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace mirsad {

// The work a query's fuzzy expansions may do, shared by all of them. Each fuzzy word is compared
// with a level's whole dictionary: 64 fuzzy words against a two-million-word vocabulary took
// 5.7 s a keystroke (issue 14.7), and a cap on the number of terms kept did not bound that.
// A unit is one dictionary term looked at, one of its letters read by the letter filter, or one
// cell of an edit-distance matrix: a nanosecond or two each natively.
struct FuzzyBudget {
  // A fuzzy word costs about six units per dictionary term, so one fuzzy word is still compared
  // with a whole two-million-term vocabulary, and every fuzzy word of an ordinary query on a
  // collection of a few hundred thousand distinct words with all of them. The page runs searches
  // on its main thread, in wasm (several times slower than native): 64M units took 0.5-0.8 s a
  // keystroke there for 64 fuzzy words over 1.5 million terms, 16M about a quarter of that.
  static constexpr uint64_t kQueryUnits = uint64_t{16} << 20;

  uint64_t units_left = kQueryUnits;
  // Expansions still to come, this one included: each may spend units_left / expansions_left,
  // so that the first fuzzy words do not leave nothing to the last ones (what one leaves unspent
  // goes to the others).
  uint32_t expansions_left = 1;
  // Fuzzy words whose dictionary scan stopped before the end (as typed, without "~").
  std::vector<std::u16string> cut_short;

  // What was spent, for tests and benchmarks.
  uint64_t units_spent = 0;
  uint64_t terms_examined = 0;
  uint64_t cells_computed = 0;
};

}  // namespace mirsad
