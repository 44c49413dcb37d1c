#pragma once
#include <cstdint>

namespace mirsad {

// A half-open range [start, end) of UTF-16 code units in a document's original text.
// UTF-16 because that is how the browser indexes strings: String.prototype.slice(start, end)
// on the page cuts exactly what the core means.
struct Span {
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t length() const { return end - start; }
  bool operator==(const Span&) const = default;
};

}  // namespace mirsad
