#include "analysis/lexicon.hpp"

namespace mirsad {

void Lexicon::add(std::u16string_view normalized_word) {
  words_.insert(normalized_word);
  constexpr std::u16string_view kArticle = u"\u0627\u0644";
  if (normalized_word.size() > kArticle.size() && normalized_word.starts_with(kArticle)) {
    after_article_.insert(normalized_word.substr(kArticle.size()));
  }
}

}  // namespace mirsad
