#include "search/term_suggestions.hpp"

#include <algorithm>
#include <iterator>

#include <unicode/uchar.h>

#include "search/phrase_matcher.hpp"

namespace mirsad {
namespace {

bool indexed(const InvertedIndex& index, MatchLevel level, std::u16string_view term) {
  return index.dictionary(level).find(term) != TermDictionary::kMissing;
}

// Levenshtein distance between two short words (one row of the matrix).
std::size_t edit_distance(std::u16string_view a, std::u16string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// The spelling a reader should see for a term of a level, and what replaces the word they wrote:
// of the spellings the documents use for it, the nearest to that word (الرياظ → الرياض, not
// رياض or والرياض), then the most frequent (a normalized or stemmed term is not always a word
// anyone writes).
std::u16string surface_form(const InvertedIndex& index, MatchLevel level, uint32_t id, std::u16string_view written) {
  const TermDictionary& exact = index.dictionary(MatchLevel::Exact);
  if (level == MatchLevel::Exact) return std::u16string(exact.term_text(id));
  uint32_t best = TermDictionary::kMissing;
  std::size_t best_distance = 0, best_documents = 0;
  for (const uint32_t member : index.exact_members(level, id)) {
    const std::size_t distance = edit_distance(exact.term_text(member), written);
    if (best != TermDictionary::kMissing && distance > best_distance) continue;
    const std::size_t documents = index.postings_of(MatchLevel::Exact, member).size();
    if (best == TermDictionary::kMissing || distance < best_distance || documents > best_documents) {
      best = member;
      best_distance = distance;
      best_documents = documents;
    }
  }
  return best == TermDictionary::kMissing ? std::u16string(index.dictionary(level).term_text(id))
                                          : std::u16string(exact.term_text(best));
}

// Documents that hold a term of the texts' dictionary in their text or their title: what
// searching for it at the same level finds.
std::size_t documents_with(const InvertedIndex& texts, const InvertedIndex& titles, MatchLevel level, uint32_t id) {
  const std::vector<DocOrdinal> in_texts = texts.postings_of(level, id).docs;
  const uint32_t title_id = titles.dictionary(level).find(texts.dictionary(level).term_text(id));
  if (title_id == TermDictionary::kMissing) return in_texts.size();
  const std::vector<DocOrdinal> in_titles = titles.postings_of(level, title_id).docs;
  std::vector<DocOrdinal> both;
  std::set_union(in_texts.begin(), in_texts.end(), in_titles.begin(), in_titles.end(), std::back_inserter(both));
  return both.size();
}

// The required words (not prefixes or fuzzy words, which stand for several words already) that
// neither index holds.
std::vector<const QueryTerm*> missing_terms(const InvertedIndex& texts, const InvertedIndex& titles, const Query& query) {
  std::vector<const QueryTerm*> out;
  for (const Clause& clause : query.required) {
    for (const PhraseQuery& phrase : clause.alternatives) {
      for (const QueryTerm& term : phrase.terms) {
        if (term.match != TermMatch::Whole) continue;
        if (!indexed(texts, query.level, term.text) && !indexed(titles, query.level, term.text)) out.push_back(&term);
      }
    }
  }
  return out;
}

}  // namespace

std::vector<MissingWord> suggest_terms(const InvertedIndex& texts, const InvertedIndex& titles, const Query& query,
                                       std::u16string_view query_text, std::size_t limit) {
  const std::vector<const QueryTerm*> missing = missing_terms(texts, titles, query);
  FuzzyBudget budget;  // one query's worth, shared among its missing words as their word~ would be
  budget.expansions_left = static_cast<uint32_t>(std::max<std::size_t>(missing.size(), 1));
  std::vector<MissingWord> out;
  for (const QueryTerm* term : missing) {
    const InvertedIndex::FuzzyExpansion near =
        texts.expand_fuzzy(query.level, term->text, fuzzy_distance(term->text), kMaxFuzzyExpansions, budget);
    std::vector<std::pair<TermSuggestion, uint32_t>> found;  // with the term's id
    for (std::size_t i = 0; i < near.ids.size(); ++i) {
      found.push_back({TermSuggestion{{}, near.distances[i], documents_with(texts, titles, query.level, near.ids[i])}, near.ids[i]});
    }
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
      return a.first.distance != b.first.distance ? a.first.distance < b.first.distance
                                                  : a.first.documents > b.first.documents;
    });
    if (found.size() > limit) found.resize(limit);
    MissingWord word{term->source, {}, near.scanned_all};
    for (auto& [suggestion, id] : found) {
      suggestion.word = surface_form(texts, query.level, id, query_text.substr(term->source.start, term->source.length()));
      word.suggestions.push_back(std::move(suggestion));
    }
    out.push_back(std::move(word));
  }
  return out;
}

std::u16string replace_word(std::u16string_view query_text, Span source, std::u16string_view word) {
  std::u16string out(query_text.substr(0, source.start));
  out += word;
  out += query_text.substr(std::min<std::size_t>(source.end, query_text.size()));
  return out;
}

std::u16string fuzzy_reading(std::u16string_view query_text, const Query& query, const std::vector<MissingWord>& missing) {
  std::vector<uint32_t> ends;  // where a ~ goes, ascending
  for (const Clause& clause : query.required) {
    for (const PhraseQuery& phrase : clause.alternatives) {
      if (phrase.quoted || phrase.terms.size() != 1) continue;
      const Span at = phrase.terms[0].source;
      const bool is_missing =
          std::any_of(missing.begin(), missing.end(), [&](const MissingWord& m) { return m.source == at; });
      const bool stands_alone = at.end == query_text.size() || u_isUWhiteSpace(query_text[at.end]);
      if (is_missing && stands_alone) ends.push_back(at.end);
    }
  }
  if (ends.empty()) return u"";
  std::sort(ends.begin(), ends.end());
  std::u16string out;
  std::size_t from = 0;
  for (const uint32_t end : ends) {
    out += query_text.substr(from, end - from);
    out += u'~';
    from = end;
  }
  out += query_text.substr(from);
  return out;
}

}  // namespace mirsad
