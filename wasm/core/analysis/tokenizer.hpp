#pragma once
#include <memory>
#include <vector>

#include "analysis/token.hpp"
#include "text/normalized_text.hpp"

namespace mirsad {

// Splits normalized text into words and numbers with ICU's word break rules (UAX #29), then
// applies fixes for news text that UAX #29 gets wrong: numbers joined by / - + : (dates such as
// 2015/02/24, scores such as 5+5) stay one token. Punctuation never belongs to a token.
class Tokenizer {
 public:
  Tokenizer();
  ~Tokenizer();
  Tokenizer(Tokenizer&&) noexcept;
  Tokenizer& operator=(Tokenizer&&) noexcept;

  std::vector<Token> tokenize(const NormalizedText& text) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace mirsad
