#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/term_hash.hpp"

namespace mirsad {

// What the token filters (stop list, clitic split, light stem) decided for one normalized word,
// as offsets into that word: every result is a substring of it.
struct WordAnalysis {
  uint8_t word_begin = 0, word_length = 0;  // the Word-level term (clitics removed)
  uint8_t stem_begin = 0, stem_length = 0;  // the Stem-level term
  uint8_t particle_length = 0;              // conjunction + preposition, outside a name's span
  bool stop = false;
};

// A direct-mapped memo from a normalized word to its WordAnalysis. News text is Zipfian: the
// 16k most recent words cover about 70 % of the tokens, and each hit skips the lexicon probes of
// the clitic split and the stemmer (a third of the analysis time in wasm). Not thread-safe: the
// core runs on one thread (wasm without threads); give each thread its own Analyzer otherwise.
class WordMemo {
 public:
  static constexpr std::size_t kMaxLength = 15;

  const WordAnalysis* find(std::u16string_view word, uint32_t hash) const {
    if (entries_.empty() || word.size() > kMaxLength) return nullptr;
    const Entry& e = entries_[slot(hash)];
    if (e.hash != hash || e.length != word.size() || e.length == 0 ||
        std::char_traits<char16_t>::compare(e.text, word.data(), word.size()) != 0) {
      return nullptr;
    }
    return &e.analysis;
  }

  void remember(std::u16string_view word, uint32_t hash, const WordAnalysis& analysis) {
    if (word.size() > kMaxLength || word.empty()) return;
    if (entries_.empty()) entries_.resize(kEntries);
    Entry& e = entries_[slot(hash)];
    e.hash = hash;
    e.length = static_cast<uint8_t>(word.size());
    std::char_traits<char16_t>::copy(e.text, word.data(), word.size());
    e.analysis = analysis;
  }

  static uint32_t hash(std::u16string_view word) { return static_cast<uint32_t>(TermHash{}(word)); }

 private:
  static constexpr std::size_t kEntries = 1 << 14;
  static std::size_t slot(uint32_t hash) { return (hash ^ (hash >> 14)) & (kEntries - 1); }

  struct Entry {
    uint32_t hash = 0;
    uint8_t length = 0;
    WordAnalysis analysis;
    char16_t text[kMaxLength] = {};
  };
  std::vector<Entry> entries_;
};

}  // namespace mirsad
