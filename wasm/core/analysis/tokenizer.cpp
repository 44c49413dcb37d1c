#include "analysis/tokenizer.hpp"

#include <algorithm>
#include <array>

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
  UText utext = UTEXT_INITIALIZER;  // reused for every chunk: opening one allocates otherwise
  bool fast_path = true;
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

Tokenizer::Tokenizer(bool fast_path) : impl_(std::make_unique<Impl>()) {
  impl_->fast_path = fast_path;
  UErrorCode status = U_ZERO_ERROR;
  impl_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale("ar"), status));
  if (U_FAILURE(status) || !impl_->words) {
    fatal("ICU word break iterator unavailable:", u_errorName(status));
  }
}
Tokenizer::~Tokenizer() {
  if (impl_) utext_close(&impl_->utext);
}
Tokenizer::Tokenizer(Tokenizer&&) noexcept = default;
Tokenizer& Tokenizer::operator=(Tokenizer&&) noexcept = default;

namespace {

// Whitespace: UAX #29 always breaks around it and no rule looks across it, so the text can be
// cut into chunks at whitespace and each chunk tokenized on its own.
bool is_whitespace(char16_t c) { return c == u' ' || c == u'\n' || c == u'\r' || c == u'\t' || c == u'\u00A0'; }

// Letters whose UAX #29 class is ALetter: a run of them is one word.
bool is_plain_letter(char16_t c) {
  return (c >= 0x0621 && c <= 0x063A) || (c >= 0x0641 && c <= 0x064A) || (c >= 0x066E && c <= 0x066F) ||
         (c >= 0x0671 && c <= 0x06D3) || c == 0x06D5 || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

// Punctuation that separates letters in every context (class Other, or MidNum, which only joins
// digits). Not here: . : ' ’ · (they join letters: a.b is one word) and digits (number rules).
bool is_plain_separator(char16_t c) {
  switch (c) {
    case u'\u060C': case u'\u061B': case u'\u061F': case u'\u00AB': case u'\u00BB': case u'(': case u')':
    case u'[': case u']': case u'!': case u'"': case u'-': case u'\u2013': case u'\u2014': case u'/':
    case u'\u2026': case u'\u201C': case u'\u201D': case u',': case u';': case u'?': case u'*':
      return true;
    default:
      return false;
  }
}

// One byte per BMP unit, so the fast path reads one table entry per character.
enum CharClass : uint8_t { kOther = 0, kSpace = 1, kLetter = 2, kSeparator = 3 };

const std::array<uint8_t, 0x10000>& char_classes() {
  static const std::array<uint8_t, 0x10000> table = [] {
    std::array<uint8_t, 0x10000> t{};
    for (uint32_t c = 0; c < 0x10000; ++c) {
      const auto u = static_cast<char16_t>(c);
      t[c] = is_whitespace(u) ? kSpace : is_plain_letter(u) ? kLetter : is_plain_separator(u) ? kSeparator : kOther;
    }
    return t;
  }();
  return table;
}

}  // namespace

namespace {
bool is_arabic_letter(char16_t c) { return (c >= 0x0621 && c <= 0x064A) || (c >= 0x0671 && c <= 0x06D3); }
}  // namespace

// Adds one word-break segment, applying the news-text fixes to it.
void Tokenizer::add_segment(const NormalizedText& text, uint32_t b, uint32_t e, std::vector<Token>& tokens,
                            bool known_word) {
  // UAX #29 keeps a.b together (MidNumLet), which suits Latin abbreviations; between Arabic
  // letters a full stop is a sentence end with the space missing (التونسيين.ويثير), since
  // Arabic abbreviations are not written that way.
  // (Only ICU's segments can hold a stop: the fast path's runs are letters only.)
  for (uint32_t p = b + 1; !known_word && p + 1 < e; ++p) {
    if (text.text[p] == u'.' && is_arabic_letter(text.text[p - 1]) && is_arabic_letter(text.text[p + 1])) {
      add_segment(text, b, p, tokens, false);
      add_segment(text, p + 1, e, tokens, false);
      return;
    }
  }
  TokenKind kind = known_word ? TokenKind::Word : classify(text.text, b, e);
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
    return;
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
    return;
  }
  tokens.push_back(Token{span, b, e, kind});
}

// Runs ICU's word break rules over [begin, end) of the normalized text.
void Tokenizer::icu_segments(const NormalizedText& text, uint32_t begin, uint32_t end, std::vector<Token>& tokens) const {
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUChars(&impl_->utext, reinterpret_cast<const UChar*>(text.text.data() + begin),
                               static_cast<int64_t>(end - begin), &status);
  icu::BreakIterator& it = *impl_->words;
  it.setText(ut, status);
  if (U_FAILURE(status)) fatal("ICU word break setText failed:", u_errorName(status));
  int32_t start = it.first();
  for (int32_t stop = it.next(); stop != icu::BreakIterator::DONE; start = stop, stop = it.next()) {
    if (it.getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;  // spaces and punctuation
    add_segment(text, begin + static_cast<uint32_t>(start), begin + static_cast<uint32_t>(stop), tokens);
  }
}

std::vector<Token> Tokenizer::tokenize(const NormalizedText& text) const {
  std::vector<Token> tokens;
  const std::u16string& t = text.text;
  const auto n = static_cast<uint32_t>(t.size());
  if (!impl_->fast_path) {
    if (n) icu_segments(text, 0, n, tokens);
    return tokens;
  }
  // Most of news text is Arabic letters, spaces and plain punctuation, where UAX #29 reduces to
  // "a run of letters is a word": split those chunks directly and leave every other chunk
  // (digits, dotted abbreviations, other scripts, symbols) to ICU. Equivalence with ICU alone
  // is a test (TokenizerTest.FastPathAgreesWithIcu).
  const std::array<uint8_t, 0x10000>& cls = char_classes();
  uint32_t i = 0;
  while (i < n) {
    if (cls[t[i]] == kSpace) { ++i; continue; }
    uint32_t j = i;
    bool plain = true;
    while (j < n && cls[t[j]] != kSpace) {
      plain = plain && cls[t[j]] != kOther;
      ++j;
    }
    if (!plain) {
      icu_segments(text, i, j, tokens);
    } else {
      for (uint32_t k = i; k < j;) {
        if (cls[t[k]] != kLetter) { ++k; continue; }
        const uint32_t word_start = k;
        while (k < j && cls[t[k]] == kLetter) ++k;
        add_segment(text, word_start, k, tokens, true);
      }
    }
    i = j;
  }
  return tokens;
}

}  // namespace mirsad
