#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/analyzer.hpp"
#include "analysis/match_level.hpp"
#include "text/span.hpp"
#include "text/string_pool.hpp"
#include "text/term_hash.hpp"

namespace mirsad {

using DocOrdinal = uint32_t;

// Occurrences of one term in one document: token positions, ascending.
struct Posting {
  DocOrdinal doc;
  std::vector<uint32_t> positions;
};

// A positional inverted index with one term space per match level, plus each document's token
// spans so a match at position p can be reported as original UTF-16 offsets.
class InvertedIndex {
 public:
  // Indexes an analyzed document; documents get ordinals 0, 1, 2… in insertion order.
  DocOrdinal add(const AnalyzedText& text);

  // Postings of a term at a level, sorted by document; empty when the term is unknown.
  const std::vector<Posting>& postings(MatchLevel level, Term term) const;
  // Every term of a level, for prefix and fuzzy expansion.
  const std::unordered_map<Term, uint32_t, TermHash>& dictionary(MatchLevel level) const {
    return levels_[static_cast<std::size_t>(level)].dictionary;
  }

  std::size_t document_count() const { return spans_.size(); }
  uint32_t document_length(DocOrdinal doc) const { return static_cast<uint32_t>(spans_[doc].size()); }
  double average_document_length() const;
  const std::vector<Span>& token_spans(DocOrdinal doc) const { return spans_[doc]; }

 private:
  struct Level {
    StringPool terms;                                // owns the dictionary's keys
    std::unordered_map<Term, uint32_t, TermHash> dictionary;  // term → index into lists
    std::vector<std::vector<Posting>> lists;
  };
  std::array<Level, kMatchLevelCount> levels_;
  std::vector<std::vector<Span>> spans_;
  uint64_t total_tokens_ = 0;
};

}  // namespace mirsad
