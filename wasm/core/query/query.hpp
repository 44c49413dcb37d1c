#pragma once
#include <optional>
#include <string>
#include <vector>

#include "analysis/match_level.hpp"
#include "query/date_range.hpp"
#include "text/span.hpp"

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
  Span source;          // where the word stands in the query text (UTF-16), for suggestions
};

// A sequence of analyzed terms that must occur at consecutive positions. A single word is a
// phrase of one term; "ليبيا - تونس" written as one word yields two.
struct PhraseQuery {
  std::vector<QueryTerm> terms;
  std::string text;                // as the user typed it, for messages
  bool stop = false;               // only function words: matched, but weighs little in ranking
  bool quoted = false;             // written in "…": a trailing ~ or * cannot be added to it
};

// Alternatives joined by OR: a document matches the clause if it matches any of them.
struct Clause {
  std::vector<PhraseQuery> alternatives;
};

// A restriction on documents rather than on words: source:aawsat, date:2015-07 (a prefix),
// date:2015-07-01..2015-07-15 (a range), id:42, entity:"سامح شكري" (documents in which the entity
// extractor found it), event:MEET (documents with such an event), with:"سامح شكري" (documents with
// an event that person, group or country took part in; of the event: types asked, when given).
struct Filter {
  std::string field;      // source | date | id | entity | event | with
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
  // The word read as a prefix because it was still being typed (live search), as typed; empty
  // when the query was read as written. A typing aid the page shows as such, never a settled count.
  std::string live_prefix;
  // Fields written as field:value that are not filters (sorce:aawsat): searched as words instead.
  std::vector<std::string> unknown_filters;

  bool empty() const { return required.empty() && filters.empty(); }
  // -word alone: exclusions only remove documents, so nothing is searched.
  bool exclusions_only() const { return empty() && !excluded.empty(); }
};

}  // namespace mirsad
