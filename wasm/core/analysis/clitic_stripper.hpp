#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "analysis/lexicon.hpp"

namespace mirsad {

// How a word splits into proclitics and the word proper.
struct CliticSplit {
  uint32_t particle_length = 0;  // conjunction + preposition (و ف ب ك ل), not part of a name
  uint32_t article_length = 0;   // ال (or the ل left of it in لل), part of a name as written
  std::u16string_view base;      // the word without proclitics or article
};

// Strips proclitic stacks from a fully normalized word: [و|ف]? [ب|ك|ل]? [ال]?, with لل read as
// ل + ال. A cut must leave evidence that the rest is a word:
//  - a stack ending in the article is cut when at least two letters remain (the article is
//    reliable: البلدان → بلدان);
//  - a bare particle (وليبيا، بطرابلس، لليبيا) is cut only when the lexicon knows what remains,
//    so radical-initial words (وزير، لجنة، بلد، فرض، كان، وكالة، والي) survive.
class CliticStripper {
 public:
  explicit CliticStripper(const Lexicon& lexicon) : lexicon_(lexicon) {}
  CliticSplit split(std::u16string_view word) const;

 private:
  const Lexicon& lexicon_;
};

}  // namespace mirsad
