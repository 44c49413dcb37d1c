#pragma once
#include <cstdint>
#include <functional>
#include <vector>

#include "analysis/term_set.hpp"
#include "entities/extraction_context.hpp"
#include "entities/phrase_dictionary.hpp"

namespace mirsad {

class Analyzer;
struct EntityResources;

// Finds quantities the way news writes them: digits (55، 5+5، 1500), number words (ثلاث، خمسين،
// مئة وخمسين، ثلاثة آلاف، مئتي مليون), either followed by the counted noun (55 فردا، خمس دول،
// ثلاثة آلاف لاجئ), and the numeral adjectives that follow their noun (البلدان الثلاثة، ملفين
// اثنين). The number words and their values come from the cue file (numeral, multiplier).
class NumberRecognizer {
 public:
  // What the recognizer may ask about a token: whether it may be a counted noun.
  using NounTest = std::function<bool(std::size_t)>;

  NumberRecognizer(const Analyzer& analyzer, const EntityResources& resources);
  void recognize(const ExtractionContext& ctx, const NounTest& may_be_noun, std::vector<EntityCandidate>& out) const;

 private:
  struct NumberWord {
    uint64_t value;
    bool multiplier;
    bool plural;  // آلاف، ملايين: a multiplier that needs a numeral before it
  };
  const NumberWord* number_word(const ExtractionContext& ctx, std::size_t i) const;

  PhraseDictionary<NumberWord> words_;
};

}  // namespace mirsad
