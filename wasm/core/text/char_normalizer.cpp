#include "text/char_normalizer.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <mutex>
#include <tuple>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include "text/arabic_chars.hpp"
#include "text/fatal.hpp"

namespace mirsad {

// Per-character answers for the whole BMP, computed once per option set. Asking ICU per
// character (hasBoundaryBefore, getDecomposition) was most of the analyzer's time; news text
// is almost all BMP characters whose normalization is themselves, folded or dropped.
struct CharNormalizer::Tables {
  static constexpr uint8_t kBoundaryBefore = 1;  // a normalization chunk may start here
  static constexpr uint8_t kSimple = 2;          // no mapping: normalizes to itself (then folds)
  static constexpr uint8_t kStable = 4;          // simple, starts a chunk and no fold changes it
  // A combining mark the fold removes that has no mapping and composes with nothing (harakat,
  // shadda, sukun): a letter followed by such marks normalizes to the letter's fold alone.
  static constexpr uint8_t kRemovedMark = 8;
  std::array<uint8_t, 0x10000> flags{};
  std::array<char16_t, 0x10000> folded{};        // the fold of a simple character; 0 = removed
};

namespace {

const icu::Normalizer2* unicode_instance(bool compatibility) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = compatibility
      ? icu::Normalizer2::getInstance(nullptr, "nfkc_cf", UNORM2_COMPOSE, status)
      : icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || n == nullptr) fatal("ICU normalizer unavailable:", u_errorName(status));
  return n;
}

// Applies the Arabic-specific folds to one code point; returns 0 when the character is removed.
char32_t fold(char32_t c, const NormalizationOptions& o) {
  using namespace arabic;
  if (o.remove_marks && is_arabic_mark(c)) return 0;
  if (o.remove_tatweel && c == kTatweel) return 0;
  if (o.remove_format && is_invisible_format(c)) return 0;
  if (o.remove_bidi_controls && is_bidi_control(c)) return 0;
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

auto option_key(const NormalizationOptions& o) {
  return std::make_tuple(o.compatibility, o.remove_marks, o.remove_tatweel, o.remove_format, o.remove_bidi_controls, o.fold_alef,
                         o.fold_alef_maksura, o.fold_teh_marbuta, o.fold_persian, o.fold_digits);
}

// Writes into buffers sized for the worst case (NFKC can grow a character, hence `grow`), and
// trims at the end: one bounds check per unit instead of push_back's.
struct Emitter {
  NormalizedText& out;
  bool keep_origin;
  std::size_t size = 0;
  uint32_t pending_start = 0;
  bool has_pending = false;

  [[gnu::always_inline]] inline void reserve_more(std::size_t units) {
    if (size + units > out.text.size()) grow(units);
  }
  [[gnu::noinline]] void grow(std::size_t units) {
    const std::size_t capacity = std::max(out.text.size() * 2, size + units + 32);
    out.text.resize(capacity);
    if (keep_origin) out.origin.reserve(capacity);
  }
  [[gnu::always_inline]] inline void emit_unit(char16_t c, Span from) {
    reserve_more(1);
    out.text[size] = c;
    if (keep_origin) {  // origin grows by push_back: no zero-filling 8 bytes a unit in advance
      if (has_pending) { from.start = pending_start; has_pending = false; }
      out.origin.push_back(from);
    }
    ++size;
  }
  void finish() {
    out.text.resize(size);
    if (keep_origin) out.origin.resize(size);
  }
  void emit(char32_t c, Span from) {
    if (c < 0x10000) {
      emit_unit(static_cast<char16_t>(c), from);
    } else {
      emit_unit(U16_LEAD(c), from);
      emit_unit(U16_TRAIL(c), from);
    }
  }
  // A removed character belongs to the kept character before it, if they touch.
  void drop(Span from) {
    if (!keep_origin) return;
    if (size > 0 && out.origin[size - 1].end == from.start) {
      const uint32_t old_start = out.origin[size - 1].start;
      for (std::size_t i = size; i-- > 0 && out.origin[i].start == old_start;) out.origin[i].end = from.end;
    } else if (!has_pending) {
      pending_start = from.start;
      has_pending = true;
    }
  }
};

}  // namespace

NormalizationOptions NormalizationOptions::exact() {
  return NormalizationOptions{false, false, false, false, true, false, false, false, false, false};
}
NormalizationOptions NormalizationOptions::orthographic() {
  return NormalizationOptions{true, true, true, true, true, false, false, false, false, false};
}
NormalizationOptions NormalizationOptions::full() { return NormalizationOptions{}; }

const CharNormalizer::Tables& CharNormalizer::tables_for(const NormalizationOptions& options, const void* normalizer) {
  static std::mutex mutex;
  static std::map<decltype(option_key(options)), std::unique_ptr<Tables>> cache;
  const std::lock_guard<std::mutex> lock(mutex);
  auto& slot = cache[option_key(options)];
  if (!slot) {
    const auto* norm = static_cast<const icu::Normalizer2*>(normalizer);
    slot = std::make_unique<Tables>();
    icu::UnicodeString decomposition;
    for (UChar32 c = 0; c < 0x10000; ++c) {
      if (U_IS_SURROGATE(c)) continue;
      uint8_t f = 0;
      if (norm->hasBoundaryBefore(c)) f |= Tables::kBoundaryBefore;
      if (!norm->getDecomposition(c, decomposition)) f |= Tables::kSimple;
      const char32_t folded = fold(static_cast<char32_t>(c), options);
      slot->folded[c] = static_cast<char16_t>(folded);  // every fold stays in the BMP
      if ((f & Tables::kSimple) && (f & Tables::kBoundaryBefore) && folded == static_cast<char32_t>(c)) {
        f |= Tables::kStable;
      }
      if ((f & Tables::kSimple) && !(f & Tables::kBoundaryBefore) && folded == 0) {
        UErrorCode status = U_ZERO_ERROR;
        // Quick-check YES: the mark cannot be the second half of a composition (Unicode gives
        // NFC_QC=Maybe to every such character), so dropping it changes nothing else.
        if (norm->quickCheck(icu::UnicodeString(c), status) == UNORM_YES && U_SUCCESS(status)) f |= Tables::kRemovedMark;
      }
      slot->flags[c] = f;
    }
  }
  return *slot;
}

CharNormalizer::CharNormalizer(NormalizationOptions options)
    : options_(options), unicode_normalizer_(unicode_instance(options.compatibility)),
      tables_(&tables_for(options, unicode_normalizer_)) {}

NormalizedText CharNormalizer::normalize(std::u16string_view text) const { return normalize_pass(text, 0, true); }

bool CharNormalizer::is_unchanged(std::u16string_view text) const {
  // Stable characters each form their own chunk and map to themselves, so a run of them is
  // its own normalization. (Surrogates are never marked stable.)
  const Tables& tables = *tables_;
  for (const char16_t u : text) {
    if (!(tables.flags[u] & Tables::kStable)) return false;
  }
  return true;
}

std::u16string CharNormalizer::normalize_plain(std::u16string_view text) const {
  return normalize_pass(text, 0, false).text;
}

NormalizedText CharNormalizer::normalize_pass(std::u16string_view text, int pass, bool keep_origin) const {
  const auto* norm = static_cast<const icu::Normalizer2*>(unicode_normalizer_);
  const Tables& tables = *tables_;
  NormalizedText out;
  // Sized past the small-string buffer: terms are views into this text and must survive a move.
  out.text.resize(std::max<std::size_t>(text.size(), 32));
  if (keep_origin) out.origin.reserve(out.text.size());
  Emitter emitter{out, keep_origin};
  const auto* s = reinterpret_cast<const UChar*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  icu::UnicodeString decomposition, chunk_out;
  // Does a normalization chunk (a base with its combining marks) start at index j?
  const auto boundary_at = [&](int32_t j) {
    const UChar u = s[j];
    if (!U16_IS_SURROGATE(u)) return (tables.flags[u] & Tables::kBoundaryBefore) != 0;
    UChar32 c;
    U16_NEXT(s, j, n, c);
    return static_cast<bool>(norm->hasBoundaryBefore(c));
  };

  bool needs_recheck = false;  // only a removal or a multi-unit chunk can leave a composable pair
  int32_t i = 0;
  while (i < n) {
    const UChar u = s[i];
    // Fast path: a simple BMP character that starts and ends its own chunk.
    constexpr uint8_t kAlone = Tables::kSimple | Tables::kBoundaryBefore;
    if (!U16_IS_SURROGATE(u) && (tables.flags[u] & kAlone) == kAlone && (i + 1 == n || boundary_at(i + 1))) {
      const Span from{static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1)};
      if (const char16_t f = tables.folded[u]) emitter.emit_unit(f, from); else emitter.drop(from);
      ++i;
      continue;
    }
    // A letter that carries only removed marks (diacritized Arabic): the chunk is the letter's
    // fold, with no ICU call and no recheck, since the next chunk starts at a boundary and the
    // marks composed with nothing.
    if (!U16_IS_SURROGATE(u) && (tables.flags[u] & kAlone) == kAlone) {
      int32_t j = i + 1;
      while (j < n && (tables.flags[s[j]] & Tables::kRemovedMark)) ++j;  // surrogates have no flags
      if (j > i + 1 && (j == n || boundary_at(j))) {
        const Span from{static_cast<uint32_t>(i), static_cast<uint32_t>(j)};
        const char16_t f = tables.folded[u];
        if (f) {
          if (!(tables.flags[f] & Tables::kBoundaryBefore)) needs_recheck = true;
          emitter.emit_unit(f, from);
        } else {
          emitter.drop(from);
        }
        i = j;
        continue;
      }
    }
    const int32_t chunk_start = i;
    UChar32 first;
    U16_NEXT(s, i, n, first);
    bool single = true;
    while (i < n && !boundary_at(i)) {
      UChar32 c;
      U16_NEXT(s, i, n, c);
      single = false;
    }
    const Span from{static_cast<uint32_t>(chunk_start), static_cast<uint32_t>(i)};
    // Lone surrogates are not characters: they become U+FFFD and keep their one unit.
    if (single && U_IS_SURROGATE(first)) {
      emitter.emit(0xFFFD, from);
      continue;
    }
    // One code point with no mapping normalizes to itself (composition needs two).
    if (single && !norm->getDecomposition(first, decomposition)) {
      const char32_t f = fold(static_cast<char32_t>(first), options_);
      if (f) {
        emitter.reserve_more(2);
        if (f >= 0x10000 || !(tables.flags[f] & Tables::kBoundaryBefore)) needs_recheck = true;
        emitter.emit(f, from);
      } else {
        emitter.drop(from);
      }
      continue;
    }
    UErrorCode status = U_ZERO_ERROR;
    chunk_out.remove();
    norm->normalize(icu::UnicodeString(false, s + chunk_start, i - chunk_start), chunk_out, status);
    if (U_FAILURE(status)) chunk_out.setTo(icu::UnicodeString(false, s + chunk_start, i - chunk_start));
    bool kept_any = false;
    emitter.reserve_more(static_cast<std::size_t>(chunk_out.length()));
    for (int32_t k = 0; k < chunk_out.length();) {
      UChar32 c = chunk_out.char32At(k);
      k += U16_LENGTH(c);
      if (U_IS_SURROGATE(c)) c = 0xFFFD;
      const char32_t f = fold(static_cast<char32_t>(c), options_);
      if (!f) {
        needs_recheck = true;  // a removed mark may have blocked a composition (n + ؐ + ́)
        continue;
      }
      // Output that can combine with what precedes it (after a removed character) may compose
      // differently once joined: only then is the final check needed.
      if (!kept_any && (f >= 0x10000 || !(tables.flags[f] & Tables::kBoundaryBefore))) needs_recheck = true;
      emitter.emit(f, from);
      kept_any = true;
    }
    if (!kept_any) emitter.drop(from);
  }
  emitter.finish();
  // Removing a character can bring a letter and a combining mark together that now compose
  // (a, ZWNJ, U+0301 → á). Rare, but normalization must be idempotent: run again and chain the
  // offset maps.
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString view(false, reinterpret_cast<const UChar*>(out.text.data()), static_cast<int32_t>(out.text.size()));
  if (needs_recheck && pass < 2 && norm->quickCheck(view, status) != UNORM_YES && U_SUCCESS(status) && !norm->isNormalized(view, status)) {
    NormalizedText again = normalize_pass(out.text, pass + 1, keep_origin);
    if (keep_origin) {
      for (Span& o : again.origin) o = out.original_span(o.start, o.end);
    }
    return again;
  }
  return out;
}

}  // namespace mirsad
