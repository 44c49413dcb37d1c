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
  // About 0.1 s natively (64 fuzzy words over two million terms, measured). A fuzzy word costs
  // about six units per dictionary term: every fuzzy word of an ordinary query on a collection of
  // a few hundred thousand distinct words is compared with all of them, five over two million.
  static constexpr uint64_t kQueryUnits = uint64_t{64} << 20;

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
