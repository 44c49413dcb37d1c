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
  // fast_path = false runs ICU over everything (the reference the fast path is tested against).
  explicit Tokenizer(bool fast_path = true);
  ~Tokenizer();
  Tokenizer(Tokenizer&&) noexcept;
  Tokenizer& operator=(Tokenizer&&) noexcept;

  std::vector<Token> tokenize(const NormalizedText& text) const;

 private:
  // known_word: the fast path already knows the segment is all letters.
  static void add_segment(const NormalizedText& text, uint32_t begin, uint32_t end, std::vector<Token>& tokens,
                          bool known_word = false);
  void icu_segments(const NormalizedText& text, uint32_t begin, uint32_t end, std::vector<Token>& tokens) const;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace mirsad
