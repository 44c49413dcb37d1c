#include "text/char_normalizer.hpp"

#include "text/fatal.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include "text/arabic_chars.hpp"

namespace mirsad {
namespace {

const icu::Normalizer2* unicode_instance(bool compatibility) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = compatibility
      ? icu::Normalizer2::getInstance(nullptr, "nfkc_cf", UNORM2_COMPOSE, status)
      : icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || n == nullptr) {
    fatal("ICU normalizer unavailable:", u_errorName(status));
  }
  return n;
}

// Applies the Arabic-specific folds to one code point; returns 0 when the character is removed.
char32_t fold(char32_t c, const NormalizationOptions& o) {
  using namespace arabic;
  if (o.remove_marks && is_arabic_mark(c)) return 0;
  if (o.remove_tatweel && c == kTatweel) return 0;
  if (o.remove_format && is_invisible_format(c)) return 0;
  if (o.fold_alef && (c == kAlefMadda || c == kAlefHamzaAbove || c == kAlefHamzaBelow || c == kAlefWasla))
    return kAlef;
  if (o.fold_alef_maksura && c == kAlefMaksura) return kYeh;
  if (o.fold_teh_marbuta && c == kTehMarbuta) return kHeh;
  if (o.fold_persian && c == kFarsiYeh) return kYeh;
  if (o.fold_persian && c == kKeheh) return kKaf;
  if (o.fold_digits) {
    const int d = arabic_digit_value(c);
    if (d >= 0) return static_cast<char32_t>(u'0' + d);
  }
  return c;
}

struct Emitter {
  NormalizedText& out;
  uint32_t pending_start;  // removed characters before the first kept one
  bool has_pending = false;

  void emit(char32_t c, Span from) {
    if (has_pending) { from.start = pending_start; has_pending = false; }
    if (c < 0x10000) {
      out.text.push_back(static_cast<char16_t>(c));
      out.origin.push_back(from);
    } else {
      out.text.push_back(U16_LEAD(c));
      out.text.push_back(U16_TRAIL(c));
      out.origin.push_back(from);
      out.origin.push_back(from);
    }
  }
  // A removed character belongs to the kept character before it, if they touch.
  void drop(Span from) {
    if (!out.origin.empty() && out.origin.back().end == from.start) {
      const uint32_t old_start = out.origin.back().start;
      for (std::size_t i = out.origin.size(); i-- > 0 && out.origin[i].start == old_start;) out.origin[i].end = from.end;
    } else if (!has_pending) {
      pending_start = from.start;
      has_pending = true;
    }
  }
};

}  // namespace

NormalizationOptions NormalizationOptions::exact() {
  return NormalizationOptions{false, false, false, false, false, false, false, false, false};
}
NormalizationOptions NormalizationOptions::orthographic() {
  return NormalizationOptions{true, true, true, true, false, false, false, false, false};
}
NormalizationOptions NormalizationOptions::full() { return NormalizationOptions{}; }

CharNormalizer::CharNormalizer(NormalizationOptions options)
    : options_(options), unicode_normalizer_(unicode_instance(options.compatibility)) {}

NormalizedText CharNormalizer::normalize(std::u16string_view text) const { return normalize_pass(text, 0); }

NormalizedText CharNormalizer::normalize_pass(std::u16string_view text, int pass) const {
  const auto* norm = static_cast<const icu::Normalizer2*>(unicode_normalizer_);
  NormalizedText out;
  out.text.reserve(text.size());
  out.origin.reserve(text.size());
  Emitter emitter{out, 0};
  const auto* s = reinterpret_cast<const UChar*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  icu::UnicodeString decomposition, chunk_out;

  int32_t i = 0;
  while (i < n) {
    // A chunk runs to the next normalization boundary: a base letter with its combining marks.
    const int32_t chunk_start = i;
    UChar32 first;
    U16_NEXT(s, i, n, first);
    bool single = true;
    while (i < n) {
      UChar32 c;
      int32_t j = i;
      U16_NEXT(s, j, n, c);
      if (norm->hasBoundaryBefore(c)) break;
      i = j;
      single = false;
    }
    const Span from{static_cast<uint32_t>(chunk_start), static_cast<uint32_t>(i)};
    // Lone surrogates are not characters: they become U+FFFD and keep their one unit.
    if (single && U_IS_SURROGATE(first)) {
      emitter.emit(0xFFFD, from);
      continue;
    }
    // Fast path: one code point with no mapping normalizes to itself (composition needs two).
    if (single && !norm->getDecomposition(first, decomposition)) {
      const char32_t f = fold(static_cast<char32_t>(first), options_);
      if (f) emitter.emit(f, from); else emitter.drop(from);
      continue;
    }
    UErrorCode status = U_ZERO_ERROR;
    chunk_out.remove();
    norm->normalize(icu::UnicodeString(false, s + chunk_start, i - chunk_start), chunk_out, status);
    if (U_FAILURE(status)) chunk_out.setTo(icu::UnicodeString(false, s + chunk_start, i - chunk_start));
    bool kept_any = false;
    for (int32_t k = 0; k < chunk_out.length();) {
      UChar32 c = chunk_out.char32At(k);
      k += U16_LENGTH(c);
      if (U_IS_SURROGATE(c)) c = 0xFFFD;
      const char32_t f = fold(static_cast<char32_t>(c), options_);
      if (f) { emitter.emit(f, from); kept_any = true; }
    }
    if (!kept_any) emitter.drop(from);
  }
  // Removing a character can bring a letter and a combining mark together that now compose
  // (a, ZWNJ, U+0301 → á). Rare, but normalization must be idempotent: run again and chain the
  // offset maps.
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString view(false, reinterpret_cast<const UChar*>(out.text.data()), static_cast<int32_t>(out.text.size()));
  if (pass < 2 && !norm->isNormalized(view, status) && U_SUCCESS(status)) {
    NormalizedText again = normalize_pass(out.text, pass + 1);
    for (Span& o : again.origin) o = out.original_span(o.start, o.end);
    return again;
  }
  return out;
}

std::u16string CharNormalizer::normalize_plain(std::u16string_view text) const {
  return normalize(text).text;
}

}  // namespace mirsad
