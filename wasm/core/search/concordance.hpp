#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "search/searcher.hpp"
#include "text/span.hpp"

namespace mirsad {

// One keyword-in-context line: a match with the words before and after it.
struct ConcordanceLine {
  DocOrdinal doc;
  Span match;                   // UTF-16 offsets in the document
  std::u16string left, keyword, right;  // as written, cut on token boundaries
  std::u16string left_key, right_key;   // normalized words, nearest to the match first: sort keys
};

enum class ConcordanceOrder { Document, Left, Right };

// The concordance of search hits, as Voyant or AntConc show it: every match as one line with
// `context` tokens on each side, in document order or sorted by the words to the left (nearest
// first) or to the right. `text(doc)` gives a document's text, `normalize` the sort form of a
// word, `token_spans(doc)` its token spans.
std::vector<ConcordanceLine> build_concordance(
    const std::vector<SearchHit>& hits, std::size_t max_lines, uint32_t context, ConcordanceOrder order,
    const std::function<std::u16string(DocOrdinal)>& text,
    const std::function<std::vector<Span>(DocOrdinal)>& token_spans,
    const std::function<std::u16string(std::u16string_view)>& normalize);

}  // namespace mirsad
