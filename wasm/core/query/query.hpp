#pragma once
#include <optional>
#include <string>
#include <vector>

#include "analysis/match_level.hpp"
#include "query/date_range.hpp"

namespace mirsad {

// How a query term meets the index's terms.
enum class TermMatch : uint8_t {
  Whole,   // the term itself
  Prefix,  // every term starting with it (ليبي* → ليبيا، ليبيه، ليبيين…)
  Fuzzy,   // every term within a small edit distance (ليبيى~ → ليبيا)
};

struct QueryTerm {
  std::u16string text;  // at the query's match level
  TermMatch match = TermMatch::Whole;
};

// A sequence of analyzed terms that must occur at consecutive positions. A single word is a
// phrase of one term; "ليبيا - تونس" written as one word yields two.
struct PhraseQuery {
  std::vector<QueryTerm> terms;
  std::string text;                // as the user typed it, for messages
  bool stop = false;               // only function words: matched, but weighs little in ranking
};

// Alternatives joined by OR: a document matches the clause if it matches any of them.
struct Clause {
  std::vector<PhraseQuery> alternatives;
};

// A restriction on documents rather than on words: source:aawsat, date:2015-07 (a prefix),
// date:2015-07-01..2015-07-15 (a range), id:42, entity:"سامح شكري" (documents in which the entity
// extractor found it).
struct Filter {
  std::string field;      // source | date | id | entity
  std::u16string value;
  bool negated = false;   // -source:x
  std::optional<DateRange> range;  // date: written with ".."
};

// A parsed query: every required clause must match, no excluded phrase may, every filter holds.
struct Query {
  MatchLevel level = MatchLevel::Word;
  std::vector<Clause> required;
  std::vector<PhraseQuery> excluded;
  std::vector<Filter> filters;
  std::vector<std::string> warnings;  // what was ignored or cut, in words a user understands

  bool empty() const { return required.empty() && filters.empty(); }
};

}  // namespace mirsad
