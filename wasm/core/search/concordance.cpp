#include "search/concordance.hpp"

#include <algorithm>

namespace mirsad {

std::vector<ConcordanceLine> build_concordance(
    const std::vector<SearchHit>& hits, std::size_t max_lines, uint32_t context, ConcordanceOrder order,
    const std::function<std::u16string(DocOrdinal)>& text,
    const std::function<std::vector<Span>(DocOrdinal)>& token_spans,
    const std::function<std::u16string(std::u16string_view)>& normalize) {
  std::vector<ConcordanceLine> lines;
  for (const SearchHit& hit : hits) {
    if (lines.size() >= max_lines) break;
    const std::u16string doc_text = text(hit.doc);
    const std::vector<Span> tokens = token_spans(hit.doc);
    const auto word = [&](std::size_t i) { return std::u16string_view(doc_text).substr(tokens[i].start, tokens[i].length()); };
    for (const Span& m : hit.matches) {
      if (lines.size() >= max_lines) break;
      if (m.end > doc_text.size()) continue;  // (a text store out of step with the index)
      // Tokens wholly before the match, and from the first one after it.
      const std::size_t before = static_cast<std::size_t>(
          std::partition_point(tokens.begin(), tokens.end(), [&](const Span& t) { return t.end <= m.start; }) - tokens.begin());
      const std::size_t after = static_cast<std::size_t>(
          std::partition_point(tokens.begin(), tokens.end(), [&](const Span& t) { return t.start < m.end; }) - tokens.begin());
      const std::size_t first = before > context ? before - context : 0;
      const std::size_t last = std::min(tokens.size(), after + context);  // exclusive
      ConcordanceLine line{hit.doc, m, {}, doc_text.substr(m.start, m.length()), {}, {}, {}};
      const uint32_t left_start = first < before ? tokens[first].start : m.start;
      const uint32_t right_end = after < last ? tokens[last - 1].end : m.end;
      line.left = doc_text.substr(left_start, m.start - left_start);
      line.right = doc_text.substr(m.end, right_end - m.end);
      for (std::size_t i = before; i-- > first;) {
        if (!line.left_key.empty()) line.left_key.push_back(u' ');
        line.left_key += normalize(word(i));
      }
      for (std::size_t i = after; i < last; ++i) {
        if (!line.right_key.empty()) line.right_key.push_back(u' ');
        line.right_key += normalize(word(i));
      }
      lines.push_back(std::move(line));
    }
  }
  if (order != ConcordanceOrder::Document) {
    std::stable_sort(lines.begin(), lines.end(), [&](const ConcordanceLine& a, const ConcordanceLine& b) {
      return order == ConcordanceOrder::Left ? a.left_key < b.left_key : a.right_key < b.right_key;
    });
  }
  return lines;
}

}  // namespace mirsad
