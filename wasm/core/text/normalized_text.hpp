#pragma once
#include <string>
#include <vector>

#include "text/span.hpp"

namespace mirsad {

// Text after character filtering, with the way back: origin[i] is the span of the original
// UTF-16 text that produced code unit i. Lucene's CharFilter keeps offset corrections for the
// same reason: a highlight must land on what the reader sees, not on what the index saw.
struct NormalizedText {
  std::u16string text;
  std::vector<Span> origin;  // origin.size() == text.size()

  // The original span covered by normalized units [begin, end); end > begin.
  Span original_span(std::size_t begin, std::size_t end) const {
    return Span{origin[begin].start, origin[end - 1].end};
  }
};

}  // namespace mirsad
