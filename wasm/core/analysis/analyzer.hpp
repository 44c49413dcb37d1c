#pragma once
#include <array>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/clitic_stripper.hpp"
#include "analysis/light_stemmer.hpp"
#include "analysis/word_memo.hpp"
#include "analysis/match_level.hpp"
#include "analysis/token.hpp"
#include "analysis/tokenizer.hpp"
#include "text/char_normalizer.hpp"

namespace mirsad {

// A term is a view: into the normalized text (normalized, word and stem terms are substrings
// of it), into the original text (the exact term, when NFC leaves it unchanged), or into
// AnalyzedText::owned. Building no strings per token is what makes the chain fast.
using Term = std::u16string_view;

// A token with its term at every match level.
struct AnalyzedToken {
  Token token;
  std::array<Term, kMatchLevelCount> terms;
  Span name_span;     // the token without conjunction/preposition proclitics (و ف ب ك ل)
  bool stop = false;  // a function word: weighs little in ranking, still matched everywhere

  Term term(MatchLevel level) const { return terms[static_cast<std::size_t>(level)]; }
};

class Analyzer;

// How far Analyzer::analyze goes. Full runs every stage. Surface stops after the exact and
// normalized terms: indexing needs the word and stem terms only for exact terms it has not seen
// yet (a few percent of the tokens), and asks for them with AnalyzedText::filtered_token.
enum class AnalysisDepth : uint8_t { Full, Surface };

// The result of analysis. Its terms point into `normalized`, `owned` and the original text
// passed to Analyzer::analyze, which must outlive it.
struct AnalyzedText {
  NormalizedText normalized;
  std::deque<std::u16string> owned;  // exact terms that NFC changed (rare)
  std::vector<AnalyzedToken> tokens;
  const Analyzer* filters = nullptr;  // set by a Surface analysis: runs the token filters later

  // Token i with every match level filled (the token filters run now after a Surface analysis).
  AnalyzedToken filtered_token(std::size_t i) const;

  AnalyzedText() = default;
  AnalyzedText(AnalyzedText&&) = default;  // views into `normalized.text` survive a move
  AnalyzedText& operator=(AnalyzedText&&) = default;
  AnalyzedText(const AnalyzedText&) = delete;
  AnalyzedText& operator=(const AnalyzedText&) = delete;
};

// The analysis chain, composed like a Lucene Analyzer: char filters (CharNormalizer) →
// tokenizer (ICU word break + fixes) → token filters (clitic split, light stem). Documents and
// queries go through the same chain, so a query typed with harakat, presentation forms or
// Eastern digits finds what its plain form finds.
class Analyzer {
 public:
  explicit Analyzer(const Lexicon& lexicon);
  // `text` must outlive the result (exact terms may point into it).
  AnalyzedText analyze(std::u16string_view text, AnalysisDepth depth = AnalysisDepth::Full) const;
  // The token filters (clitic split, light stem, stop list) for one token of `normalized`.
  void filter(AnalyzedToken& token, const NormalizedText& normalized) const;

  const CharNormalizer& normalizer() const { return normalizer_; }
  const CliticStripper& clitics() const { return clitics_; }
  const Lexicon& lexicon() const { return lexicon_; }

 private:
  CharNormalizer exact_;
  CharNormalizer normalizer_;
  Tokenizer tokenizer_;
  const Lexicon& lexicon_;
  CliticStripper clitics_;
  LightStemmer stemmer_;
  mutable WordMemo memo_;  // a cache of the token filters' decisions; see word_memo.hpp

  WordAnalysis analyze_word(std::u16string_view normalized) const;
};

}  // namespace mirsad
