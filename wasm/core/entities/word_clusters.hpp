#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace mirsad {

// Word classes learnt without labels from news text (wasm/tools/word_clusters_main.cpp): words
// that occur between the same neighbours share a class, so a name the annotated articles never
// had (a Romanian coach, a Kenyan president) falls in the class of names that did. Two
// granularities per word, coarse and fine. The tagger uses them as features (token_features.hpp).
struct WordClass {
  uint16_t coarse = 0;
  uint16_t fine = 0;
};

class WordClusters {
 public:
  WordClusters() = default;  // knows no word

  // Reads the text form: '#' comment lines, then "word<TAB>coarse<TAB>fine" lines, the word as the
  // analyzer's Word-level term in UTF-8. nullopt, with the reason in `error`, when malformed.
  static std::optional<WordClusters> parse(std::string_view text, std::string* error = nullptr);
  // The classes compiled in from wasm/data/word_clusters.tsv (none when the file has none).
  static const WordClusters& embedded();

  std::optional<WordClass> find(std::u16string_view word) const {
    const auto it = classes_.find(word);
    if (it == classes_.end()) return std::nullopt;
    return it->second;
  }
  std::size_t size() const { return classes_.size(); }
  bool empty() const { return classes_.empty(); }

 private:
  // Every word, one after another: the map's keys point into it (held by pointer, so that moving
  // the object never moves the characters, as moving a short string would).
  std::shared_ptr<const std::u16string> words_;
  std::unordered_map<std::u16string_view, WordClass> classes_;
};

}  // namespace mirsad
