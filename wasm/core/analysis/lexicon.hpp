#pragma once
#include <string>
#include <string_view>
#include <unordered_set>

namespace mirsad {

// Words known to exist, as fully normalized forms. The clitic stripper asks it before cutting a
// letter that might be a radical: و in وليبيا is a conjunction because ليبيا is a known word,
// while و in وزير stays because زير is not. Filled from real data (CLDR territory names, the
// gazetteer, gentilics), never from a corpus's answers.
class Lexicon {
 public:
  void add(std::u16string_view normalized_word);
  bool contains(std::u16string_view normalized_word) const;
  // Known as written, or known with the article: جزائر is attested through الجزائر.
  bool knows(std::u16string_view normalized_word) const;
  std::size_t size() const { return words_.size(); }

 private:
  std::unordered_set<std::u16string> words_;
};

}  // namespace mirsad
