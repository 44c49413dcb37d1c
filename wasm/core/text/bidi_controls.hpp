#pragma once
// Bidirectional formatting characters: invisible, they only tell a renderer how to order the
// text around them. In a document they are data from elsewhere (a CMS, a copy-paste, a prank)
// and must never become part of a term or a name: ليبيا with a U+202C glued to it is still
// ليبيا, and a name that keeps an override reorders whatever page it is shown in.
#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>

namespace mirsad {

// ALM, LRM, RLM, the embeddings and overrides LRE RLE PDF LRO RLO, the isolates LRI RLI FSI PDI.
constexpr bool is_bidi_control(char32_t c) {
  return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

inline std::u16string without_bidi_controls(std::u16string_view text) {
  std::u16string out;
  out.reserve(text.size());
  std::copy_if(text.begin(), text.end(), std::back_inserter(out), [](char16_t u) { return !is_bidi_control(u); });
  return out;
}

}  // namespace mirsad
