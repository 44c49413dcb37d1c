#pragma once
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/clitic_stripper.hpp"
#include "analysis/light_stemmer.hpp"
#include "analysis/match_level.hpp"
#include "analysis/token.hpp"
#include "analysis/tokenizer.hpp"
#include "text/char_normalizer.hpp"

namespace mirsad {

// A token with its term at every match level (UTF-8, the index's key type).
struct AnalyzedToken {
  Token token;
  std::array<std::string, kMatchLevelCount> terms;
  Span name_span;  // the token without conjunction/preposition proclitics (و ف ب ك ل)

  const std::string& term(MatchLevel level) const { return terms[static_cast<std::size_t>(level)]; }
};

struct AnalyzedText {
  NormalizedText normalized;
  std::vector<AnalyzedToken> tokens;
};

// The analysis chain, composed like a Lucene Analyzer: char filters (CharNormalizer) →
// tokenizer (ICU word break + fixes) → token filters (clitic split, light stem). Documents and
// queries go through the same chain, so a query typed with harakat, presentation forms or
// Eastern digits finds what its plain form finds.
class Analyzer {
 public:
  explicit Analyzer(const Lexicon& lexicon);
  AnalyzedText analyze(std::u16string_view text) const;

  const CharNormalizer& normalizer() const { return normalizer_; }
  const CliticStripper& clitics() const { return clitics_; }

 private:
  CharNormalizer exact_;
  CharNormalizer normalizer_;
  Tokenizer tokenizer_;
  CliticStripper clitics_;
  LightStemmer stemmer_;
};

}  // namespace mirsad
