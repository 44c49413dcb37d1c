#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "entities/extraction_context.hpp"

namespace mirsad {

class Lexicon;
class WordClusters;

// The kinds of cue phrase the data files name (wasm/data/cues.tsv), and a few facts about single
// words, as bits: a token may be several at once.
enum Clue : uint32_t {
  kClueGivenName = 1u << 0,
  kCluePersonLink = 1u << 1,   // بن، عبد، أبو، آل
  kClueNameStop = 1u << 2,     // a word that never belongs to a name
  kCluePersonTitle = 1u << 3,  // الرئيس، وزير الخارجية
  kClueOrgHead = 1u << 4,      // وزارة، مجلس، قوات
  kClueOrgModifier = 1u << 5,  // الوطني، العليا
  kClueLocCue = 1u << 6,       // مدينة، منطقة، العاصمة
  kClueGentilic = 1u << 7,     // الليبي، السعودية (as a nisba)
  kClueMediaHead = 1u << 8,    // قناة، صحيفة
};

// What the extractor's lists and rules say about one token, the tagger's evidence besides the
// words themselves.
struct TokenEvidence {
  uint32_t clues_begin = 0;   // cue phrases starting at this token
  uint32_t clues_inside = 0;  // cue phrases covering it after their first token
  // The longest gazetteer / CLDR name covering the token: its type (-1: none), whether the token
  // is its first, and its subtype (country, city, militant_group…).
  int8_t known_type = -1;
  bool known_begin = false;
  std::string_view known_subtype;
  // The rules' own decision (the extractor before any model): type (-1: none) and first token.
  int8_t rule_type = -1;
  bool rule_begin = false;
  // The types (bits by EntityType) the rules gave this same word anywhere in the text: a family
  // name found after a title once is a name everywhere (news has no capital letters to tell).
  uint8_t document_rule_types = 0;
};

// Hashed features of every token: the tagger's input. Row i lists token i's features.
struct TokenFeatureRows {
  std::vector<uint32_t> features;  // all rows, one after another
  std::vector<uint32_t> offsets;   // row i is features[offsets[i], offsets[i + 1])
  std::size_t size() const { return offsets.empty() ? 0 : offsets.size() - 1; }
  const uint32_t* begin(std::size_t i) const { return features.data() + offsets[i]; }
  const uint32_t* end(std::size_t i) const { return features.data() + offsets[i + 1]; }
};

// The features of each token: its word at three levels (with clitics, without, stem), prefixes
// and suffixes, the article and particle, whether the lexicon knows it, its neighbours' words
// (−2…+2), the punctuation around it, the word classes of it and its neighbours
// (word_clusters.hpp), and the evidence of lists and rules for it and its neighbours. Features are
// 32-bit hashes of (template, value): no feature dictionary is stored.
TokenFeatureRows token_features(const ExtractionContext& ctx, const std::vector<TokenEvidence>& evidence,
                                const Lexicon& lexicon, const WordClusters& clusters);

}  // namespace mirsad
