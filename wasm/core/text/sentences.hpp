#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

namespace mirsad {

// Where sentences start in a text, by its punctuation: a full stop, question or exclamation
// mark (Latin or Arabic ؟), or an ellipsis, followed by a space or the end; and every line
// break (news paragraphs). Enough to tell "in the same sentence" apart from "in the same
// document"; not a general sentence splitter (abbreviations are rare in Arabic news).
inline std::vector<uint32_t> sentence_starts(std::u16string_view text) {
  std::vector<uint32_t> starts{0};
  const auto ends_sentence = [](char16_t c) {
    return c == u'.' || c == u'!' || c == u'?' || c == u'\u061F' || c == u'\u2026' || c == u'\u06D4';
  };
  for (uint32_t i = 0; i < text.size(); ++i) {
    const char16_t c = text[i];
    bool boundary = c == u'\n';
    if (ends_sentence(c)) {
      // A stop between two letters (التونسيين.ويثير) ends a sentence too; a decimal point does not.
      const bool next_is_space = i + 1 >= text.size() || text[i + 1] == u' ' || text[i + 1] == u'\n' ||
                                 text[i + 1] == u'\u00A0' || text[i + 1] == u'"' || text[i + 1] == u'\u00BB';
      const bool between_digits = i > 0 && i + 1 < text.size() && text[i - 1] >= u'0' && text[i - 1] <= u'9' &&
                                  text[i + 1] >= u'0' && text[i + 1] <= u'9';
      boundary = next_is_space || (c == u'.' && !between_digits);
    }
    if (!boundary) continue;
    uint32_t next = i + 1;  // the next sentence starts at its first non-space character
    while (next < text.size() && (text[next] == u' ' || text[next] == u'\u00A0')) ++next;
    if (next < text.size() && starts.back() != next) starts.push_back(next);
  }
  return starts;
}

}  // namespace mirsad
