#pragma once
#include <string>
#include <string_view>

#include "analysis/term_set.hpp"
#include "text/char_normalizer.hpp"

namespace mirsad {

// Words known to exist, as fully normalized forms. The clitic stripper asks it before cutting a
// letter that might be a radical: و in وليبيا is a conjunction because ليبيا is a known word,
// while و in وزير stays because زير is not. Filled from real data (CLDR territory names, the
// gazetteer, gentilics, cue words), never from a corpus's answers.
class Lexicon {
 public:
  void add(std::u16string_view normalized_word);
  // Adds every word of a newline-separated UTF-8 list ('#' starts a comment line), normalized.
  void add_word_list(const CharNormalizer& normalizer, std::string_view utf8_lines);
  bool contains(std::u16string_view normalized_word) const { return words_.contains(normalized_word); }
  // Known as written, or known with the article: جزائر is attested through الجزائر.
  bool knows(std::u16string_view normalized_word) const {
    return words_.contains(normalized_word) || after_article_.contains(normalized_word);
  }
  std::size_t size() const { return words_.size(); }

  // The prebuilt form: UTF-8 lines of already normalized words, under a "=words" and a
  // "=stopwords" section line ('#' starts a comment). The build writes it by running the code
  // that fills a lexicon from its sources (wasm/tools/lexicon_main.cpp), so a page reads it back
  // without normalizing 110,000 words while its reader waits.
  std::string serialize() const;
  // Adds a serialized lexicon's words and stop words. False (and nothing added) if it is malformed.
  bool add_serialized(std::string_view text);

  // Function words (في، له، ما…), for ranking and to veto cuts: ال + له is الله, not a pronoun.
  void add_stopword(std::u16string_view normalized_word) { stopwords_.insert(normalized_word); }
  bool is_stopword(std::u16string_view normalized_word) const { return stopwords_.contains(normalized_word); }
  std::size_t stopword_count() const { return stopwords_.size(); }

 private:
  TermSet words_;
  TermSet after_article_;  // الجزائر → جزائر
  TermSet stopwords_;
};

}  // namespace mirsad
