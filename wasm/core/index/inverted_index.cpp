#include "index/inverted_index.hpp"

namespace mirsad {

DocOrdinal InvertedIndex::add(const AnalyzedText& text) {
  const auto doc = static_cast<DocOrdinal>(spans_.size());
  std::vector<Span> spans;
  spans.reserve(text.tokens.size());
  for (std::size_t level_index = 0; level_index < kMatchLevelCount; ++level_index) {
    Level& level = levels_[level_index];
    for (uint32_t pos = 0; pos < text.tokens.size(); ++pos) {
      const Term term = text.tokens[pos].terms[level_index];
      auto it = level.dictionary.find(term);
      if (it == level.dictionary.end()) {
        it = level.dictionary.emplace(level.terms.keep(term), static_cast<uint32_t>(level.lists.size())).first;
        level.lists.emplace_back();
      }
      std::vector<Posting>& list = level.lists[it->second];
      if (list.empty() || list.back().doc != doc) list.push_back(Posting{doc, {}});
      list.back().positions.push_back(pos);
    }
  }
  for (const AnalyzedToken& token : text.tokens) spans.push_back(token.token.span);
  total_tokens_ += spans.size();
  spans_.push_back(std::move(spans));
  return doc;
}

const std::vector<Posting>& InvertedIndex::postings(MatchLevel level, Term term) const {
  static const std::vector<Posting> kEmpty;
  const Level& l = levels_[static_cast<std::size_t>(level)];
  const auto it = l.dictionary.find(term);
  return it == l.dictionary.end() ? kEmpty : l.lists[it->second];
}

double InvertedIndex::average_document_length() const {
  return spans_.empty() ? 0.0 : static_cast<double>(total_tokens_) / static_cast<double>(spans_.size());
}

}  // namespace mirsad
