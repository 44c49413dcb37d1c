#include "search/phrase_matcher.hpp"

#include <algorithm>

#include "text/utf.hpp"

namespace mirsad {

namespace {

DecodedPostings postings_for(const PostingsSource& index, MatchLevel level, const QueryTerm& term,
                             std::vector<std::string>* notes, FuzzyBudget& budget) {
  if (term.match == TermMatch::Whole) return index.postings(level, term.text);
  bool complete = true;
  std::vector<uint32_t> ids;
  if (term.match == TermMatch::Prefix) {
    ids = index.expand_prefix(level, term.text, kMaxPrefixExpansions, complete);
  } else {
    // A scan cut short by the budget is reported once for the whole query, by the searcher
    // (budget.cut_short).
    FuzzyExpansion expansion =
        index.expand_fuzzy(level, term.text, fuzzy_distance(term.text), kMaxFuzzyExpansions, budget);
    ids = std::move(expansion.ids);
    complete = !expansion.over_limit;
  }
  if (!complete && notes) {
    notes->push_back(utf16_to_utf8(term.text) + (term.match == TermMatch::Prefix ? "*" : "~") +
                     " matches too many words: only the first " + std::to_string(ids.size()) + " were searched");
  }
  return ids.empty() ? DecodedPostings{} : index.postings_of(level, ids);
}

}  // namespace

PhraseMatches match_phrase(const PostingsSource& index, MatchLevel level, const PhraseQuery& phrase,
                           std::vector<std::string>* notes, FuzzyBudget* budget) {
  if (phrase.terms.empty()) return PhraseMatches{};
  FuzzyBudget own_budget;  // a caller without a query-wide budget still gets a bounded one
  FuzzyBudget& fuzzy_budget = budget ? *budget : own_budget;
  std::vector<DecodedPostings> lists;
  lists.reserve(phrase.terms.size());
  for (const QueryTerm& term : phrase.terms) {
    lists.push_back(postings_for(index, level, term, notes, fuzzy_budget));
    if (lists.back().size() == 0) return PhraseMatches{};
  }
  if (lists.size() == 1) return std::move(lists[0]);  // one word: its postings are the answer
  // Drive the intersection from the rarest term's documents.
  std::size_t rarest = 0;
  for (std::size_t i = 1; i < lists.size(); ++i) {
    if (lists[i].size() < lists[rarest].size()) rarest = i;
  }
  PhraseMatches out;
  std::vector<std::size_t> cursor(lists.size(), 0), at(lists.size(), 0);
  for (const DocOrdinal doc : lists[rarest].docs) {
    bool all = true;
    for (std::size_t i = 0; i < lists.size() && all; ++i) {
      const auto& docs = lists[i].docs;
      const auto it = std::lower_bound(docs.begin() + static_cast<std::ptrdiff_t>(cursor[i]), docs.end(), doc);
      cursor[i] = static_cast<std::size_t>(it - docs.begin());
      if (it == docs.end() || *it != doc) all = false;
      else at[i] = cursor[i];
    }
    if (!all) continue;
    const std::size_t before = out.positions.size();
    for (const uint32_t* p = lists[0].positions_begin(at[0]); p != lists[0].positions_end(at[0]); ++p) {
      bool ok = true;
      for (std::size_t i = 1; i < lists.size() && ok; ++i) {
        ok = std::binary_search(lists[i].positions_begin(at[i]), lists[i].positions_end(at[i]), *p + static_cast<uint32_t>(i));
      }
      if (ok) out.positions.push_back(*p);
    }
    if (out.positions.size() > before) {
      out.docs.push_back(doc);
      out.starts.push_back(static_cast<uint32_t>(out.positions.size()));
    }
  }
  return out;
}

}  // namespace mirsad
