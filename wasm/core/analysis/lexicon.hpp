#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "analysis/sorted_word_list.hpp"
#include "analysis/term_set.hpp"
#include "text/char_normalizer.hpp"

namespace mirsad {

// Words known to exist, as fully normalized forms. The clitic stripper asks it before cutting a
// letter that might be a radical: و in وليبيا is a conjunction because ليبيا is a known word,
// while و in وزير stays because زير is not. Filled from real data (CLDR territory names, the
// gazetteer, gentilics, cue words), never from a corpus's answers.
//
// Two ways to hold the words. Added one by one, they go into hash sets. Adopted prebuilt (the
// module's embedded lexicon, see adopt_prebuilt), they are first searched in place by bisection,
// and moved into the hash sets only once enough lookups have been made to pay for it: a page's
// first query then does not wait ~40 ms for 100,000 words to be hashed, while bulk indexing gets
// the hash sets after its first few documents. That move happens inside const lookups; the core
// is single-threaded (one wasm instance per page or worker), so it needs no lock.
class Lexicon {
 public:
  void add(std::u16string_view normalized_word);
  // Adds every word of a newline-separated UTF-8 list ('#' starts a comment line), normalized.
  void add_word_list(const CharNormalizer& normalizer, std::string_view utf8_lines);
  bool contains(std::u16string_view normalized_word) const {
    if (!hashed_ && ++lookups_ <= kBisectionLookups) return prebuilt_words_.contains(normalized_word);
    ensure_hashed();
    return words_.contains(normalized_word);
  }
  // Known as written, or known with the article: جزائر is attested through الجزائر.
  bool knows(std::u16string_view normalized_word) const {
    if (!hashed_ && ++lookups_ <= kBisectionLookups) {
      return prebuilt_words_.contains(normalized_word) || prebuilt_after_article_.contains(normalized_word);
    }
    ensure_hashed();
    return words_.contains(normalized_word) || after_article_.contains(normalized_word);
  }
  std::size_t size() const { return hashed_ ? words_.size() : prebuilt_words_.size(); }

  // The prebuilt form, UTF-8 lines after a '#' comment line, in three sections: "=stopwords",
  // then "=after_article N" and "=words N" (N words each, in byte order for bisection). The
  // build writes it by running the code that fills a lexicon from its sources
  // (wasm/tools/lexicon_main.cpp), so a page reads it back without normalizing 110,000 words.
  std::string serialize() const;
  // Adds a serialized lexicon's words into the hash sets (the text may be dropped afterwards).
  // False, and nothing added, if it is malformed.
  bool add_serialized(std::string_view text);
  // Takes a serialized lexicon that outlives this one (embedded data) into an empty lexicon,
  // searched in place until it pays to hash it. Only the section lines are read: the words are
  // trusted to be sorted, as the build checks (with add_serialized) when it writes them. False,
  // and nothing taken, if a section line is missing or the lexicon is not empty.
  bool adopt_prebuilt(std::string_view text);
  // True once the words are in the hash sets (always, unless adopted and still little used).
  bool hashed() const { return hashed_; }

  // Function words (في، له، ما…), for ranking and to veto cuts: ال + له is الله, not a pronoun.
  void add_stopword(std::u16string_view normalized_word) { stopwords_.insert(normalized_word); }
  bool is_stopword(std::u16string_view normalized_word) const { return stopwords_.contains(normalized_word); }
  std::size_t stopword_count() const { return stopwords_.size(); }

 private:
  // About what hashing the prebuilt words costs, counted in bisection lookups.
  static constexpr uint32_t kBisectionLookups = 20000;

  void insert_word(std::u16string_view normalized_word) const;
  void ensure_hashed() const;

  mutable TermSet words_;
  mutable TermSet after_article_;  // الجزائر → جزائر
  TermSet stopwords_;
  mutable SortedWordList prebuilt_words_;  // adopted, not yet hashed
  mutable SortedWordList prebuilt_after_article_;
  mutable bool hashed_ = true;
  mutable uint32_t lookups_ = 0;
};

}  // namespace mirsad
