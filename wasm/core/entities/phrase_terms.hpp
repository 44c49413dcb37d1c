#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.hpp"
#include "text/utf.hpp"

namespace mirsad {

// The word-level terms of a phrase from a data file, analyzed exactly as document text is, so
// a dictionary entry and its mention in a document meet whatever their spelling.
inline std::vector<std::u16string> word_terms(const Analyzer& analyzer, std::string_view utf8_phrase) {
  const std::u16string text = utf8_to_utf16(utf8_phrase);
  const AnalyzedText analyzed = analyzer.analyze(text);
  std::vector<std::u16string> terms;
  for (const AnalyzedToken& t : analyzed.tokens) terms.emplace_back(t.term(MatchLevel::Word));
  return terms;
}

}  // namespace mirsad
