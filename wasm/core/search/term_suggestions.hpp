#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "index/inverted_index.hpp"
#include "query/query.hpp"
#include "text/span.hpp"

namespace mirsad {

// An indexed word near a query word that is not in the index (a misspelling, a rarer spelling).
struct TermSuggestion {
  std::u16string word;     // a spelling the documents use: what the user reads and can search
  uint32_t distance = 0;   // edits from the query word, at the query's level
  std::size_t documents = 0;  // documents whose text or title holds it: what searching for it finds
};

// A query word found in no document, with the indexed words nearest to it.
struct MissingWord {
  Span source;  // where it stands in the query text (UTF-16)
  std::vector<TermSuggestion> suggestions;  // nearest first, then the most documents
  bool scanned_all = true;  // false: the fuzzy budget ran out before the end of the vocabulary
};

// Why a query found nothing, word by word: each required word that neither the texts nor the
// titles hold (at the query's level), with the indexed words the fuzzy reading word~ would match,
// found the same way (the same distance, the same budget: FuzzyBudget). Words are suggested from
// the texts' vocabulary (a word seen only in titles is not offered).
// query_text: the query as written (each suggestion is spelt as near to the word written as the
// documents allow).
std::vector<MissingWord> suggest_terms(const InvertedIndex& texts, const InvertedIndex& titles, const Query& query,
                                       std::u16string_view query_text, std::size_t limit);

// query_text with the word at `source` replaced by `word`: the query a suggestion stands for.
std::u16string replace_word(std::u16string_view query_text, Span source, std::u16string_view word);

// query_text with ~ after each missing word that stands alone (not in quotes, not joined to other
// words or punctuation): the fuzzy reading of the same query. Empty when no word can take it.
std::u16string fuzzy_reading(std::u16string_view query_text, const Query& query, const std::vector<MissingWord>& missing);

}  // namespace mirsad
