#include "analysis/lexicon.hpp"

#include "text/utf.hpp"

namespace mirsad {

void Lexicon::add(std::u16string_view normalized_word) {
  words_.insert(normalized_word);
  constexpr std::u16string_view kArticle = u"\u0627\u0644";
  if (normalized_word.size() > kArticle.size() && normalized_word.starts_with(kArticle)) {
    after_article_.insert(normalized_word.substr(kArticle.size()));
  }
}

void Lexicon::add_word_list(const CharNormalizer& normalizer, std::string_view utf8_lines) {
  std::size_t pos = 0;
  while (pos < utf8_lines.size()) {
    std::size_t end = utf8_lines.find('\n', pos);
    if (end == std::string_view::npos) end = utf8_lines.size();
    const std::string_view line = utf8_lines.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty() || line[0] == '#') continue;
    // Most list words need no normalization: checking is cheaper than normalizing (108k words
    // are read while the page waits for its first search).
    const std::u16string word = utf8_to_utf16(line);
    if (normalizer.is_unchanged(word)) add(word);
    else add(normalizer.normalize_plain(word));
  }
}

}  // namespace mirsad
