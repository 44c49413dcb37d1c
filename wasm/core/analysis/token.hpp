#pragma once
#include <cstdint>
#include <string>

#include "text/span.hpp"

namespace mirsad {

enum class TokenKind : uint8_t { Word, Number, Mixed };

// A token as the tokenizer finds it: where it is in the original text (for highlighting) and
// where it is in the normalized text (for analysis).
struct Token {
  Span span;             // original UTF-16 offsets
  uint32_t norm_begin;   // [norm_begin, norm_end) in NormalizedText::text
  uint32_t norm_end;
  TokenKind kind;
};

const char* token_kind_name(TokenKind kind);

}  // namespace mirsad
