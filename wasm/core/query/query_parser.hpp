#pragma once
#include <string_view>

#include "analysis/analyzer.hpp"
#include "query/query.hpp"

namespace mirsad {

// Parses the query language: words (all must match), "exact phrases", -exclusions and OR.
// Every word goes through the same Analyzer as the documents. A query that cannot be parsed
// still searches its words and says what it ignored; size limits keep any input bounded.
class QueryParser {
 public:
  static constexpr std::size_t kMaxQueryUnits = 2000;  // UTF-16 units read from the query
  static constexpr std::size_t kMaxTerms = 64;         // terms kept across the whole query

  explicit QueryParser(const Analyzer& analyzer) : analyzer_(analyzer) {}
  // any = true joins every clause with OR ("any term"), the default of most search libraries and
  // what known-item benchmarks use; otherwise all clauses must match. live = true reads the last
  // word as a prefix unless the text ends in a space: search as you type finds ليبيا at ليب.
  Query parse(std::u16string_view text, MatchLevel level, bool any = false, bool live = false) const;

 private:
  const Analyzer& analyzer_;
};

}  // namespace mirsad
