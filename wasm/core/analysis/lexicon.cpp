#include "analysis/lexicon.hpp"

namespace mirsad {

void Lexicon::add(std::u16string_view normalized_word) {
  if (!normalized_word.empty()) words_.emplace(normalized_word);
}

bool Lexicon::contains(std::u16string_view normalized_word) const {
  return words_.find(std::u16string(normalized_word)) != words_.end();
}

bool Lexicon::knows(std::u16string_view normalized_word) const {
  if (contains(normalized_word)) return true;
  std::u16string with_article = u"\u0627\u0644";
  with_article.append(normalized_word);
  return words_.find(with_article) != words_.end();
}

}  // namespace mirsad
