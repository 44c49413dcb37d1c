#pragma once
#include <string_view>

namespace mirsad {

// Light stemming after Larkey, Ballesteros & Connell's light10 (SIGIR 2002), the stemmer behind
// Lucene's ArabicStemmer: one pass over a fixed list of suffixes, each removed if at least
// kMinStem letters remain. Input is a clitic-stripped, fully normalized word (ة already → ه),
// so الإرهاب، إرهابية، الإرهابيين all reach ارهاب. Enclitic pronouns are removed first.
class LightStemmer {
 public:
  static constexpr std::size_t kMinStem = 3;
  std::u16string_view stem(std::u16string_view word) const;
};

}  // namespace mirsad
