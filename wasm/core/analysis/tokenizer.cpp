#include "analysis/tokenizer.hpp"

#include <algorithm>

#include "text/fatal.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>

namespace mirsad {

const char* token_kind_name(TokenKind kind) {
  switch (kind) {
    case TokenKind::Word: return "word";
    case TokenKind::Number: return "number";
    case TokenKind::Mixed: return "mixed";
  }
  return "word";
}

struct Tokenizer::Impl {
  std::unique_ptr<icu::BreakIterator> words;
};

namespace {

TokenKind classify(const std::u16string& text, uint32_t begin, uint32_t end) {
  bool letters = false, digits = false;
  for (uint32_t i = begin; i < end;) {
    UChar32 c;
    U16_NEXT(text.data(), i, end, c);
    if (c >= u'0' && c <= u'9') digits = true;  // digits are ASCII after normalization
    else if (c >= 0x0621 && c <= 0x064A) letters = true;
    else if (u_isdigit(c)) digits = true;
    else if (u_isalpha(c)) letters = true;
  }
  if (digits && !letters) return TokenKind::Number;
  if (digits && letters) return TokenKind::Mixed;
  return TokenKind::Word;
}

bool joins_numbers(char16_t c) { return c == u'/' || c == u'-' || c == u'+' || c == u':'; }

bool is_particle_letter(char16_t c) {
  return c == u'\u0648' || c == u'\u0641' || c == u'\u0628' || c == u'\u0644' || c == u'\u0643';
}

// UAX #29 glues a particle to a following number (و5، ب2015); the particle is a clitic, so the
// token starts at the digits. Returns how many leading units to drop.
uint32_t particle_before_digits(const std::u16string& text, uint32_t begin, uint32_t end) {
  uint32_t i = begin;
  while (i < end && i - begin < 2 && is_particle_letter(text[i])) ++i;
  return (i > begin && i < end && u_isdigit(text[i])) ? i - begin : 0;
}

}  // namespace

Tokenizer::Tokenizer() : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale("ar"), status));
  if (U_FAILURE(status) || !impl_->words) {
    fatal("ICU word break iterator unavailable:", u_errorName(status));
  }
}
Tokenizer::~Tokenizer() = default;
Tokenizer::Tokenizer(Tokenizer&&) noexcept = default;
Tokenizer& Tokenizer::operator=(Tokenizer&&) noexcept = default;

std::vector<Token> Tokenizer::tokenize(const NormalizedText& text) const {
  std::vector<Token> tokens;
  if (text.text.empty()) return tokens;
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUChars(nullptr, reinterpret_cast<const UChar*>(text.text.data()),
                               static_cast<int64_t>(text.text.size()), &status);
  icu::BreakIterator& it = *impl_->words;
  it.setText(ut, status);
  if (U_FAILURE(status)) fatal("ICU word break setText failed:", u_errorName(status));

  int32_t start = it.first();
  for (int32_t end = it.next(); end != icu::BreakIterator::DONE; start = end, end = it.next()) {
    if (it.getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;  // spaces and punctuation
    auto b = static_cast<uint32_t>(start);
    const auto e = static_cast<uint32_t>(end);
    TokenKind kind = classify(text.text, b, e);
    if (kind == TokenKind::Mixed) {
      if (const uint32_t drop = particle_before_digits(text.text, b, e)) {
        b += drop;
        kind = classify(text.text, b, e);
      }
    }
    // Merge "2015" "/" "02" into one number when nothing but a joiner sits between them.
    if (!tokens.empty() && kind == TokenKind::Number && tokens.back().kind == TokenKind::Number &&
        tokens.back().norm_end + 1 == b && joins_numbers(text.text[tokens.back().norm_end])) {
      tokens.back().norm_end = e;
      tokens.back().span.end = text.origin[e - 1].end;
      continue;
    }
    const Span span = text.original_span(b, e);
    // A break inside one original character's output (a compatibility character that expands
    // to a letter joining the previous word) would give two tokens sharing part of a span; they
    // become one token, so highlights never cut a character. Identical spans stay separate
    // tokens: ﷺ expands to four whole words.
    if (!tokens.empty() && tokens.back().span.end > span.start && !(tokens.back().span == span)) {
      Token merged = tokens.back();
      tokens.pop_back();
      while (!tokens.empty() && tokens.back().span.end > merged.span.start) {  // ﷺ٤: all of it
        merged.norm_begin = tokens.back().norm_begin;
        merged.span.start = std::min(merged.span.start, tokens.back().span.start);
        tokens.pop_back();
      }
      merged.norm_end = e;
      merged.span.end = std::max(merged.span.end, span.end);
      merged.kind = classify(text.text, merged.norm_begin, e);
      tokens.push_back(merged);
      continue;
    }
    tokens.push_back(Token{span, b, e, kind});
  }
  utext_close(ut);
  return tokens;
}

}  // namespace mirsad
