#pragma once
#include <memory>
#include <string_view>

#include "text/normalized_text.hpp"

namespace mirsad {

// Which character filters run. Each fold is named so a caller can ask for exactly the
// matching it wants (Lucene splits the same work into ArabicNormalizer + ICUFoldingFilter).
struct NormalizationOptions {
  bool compatibility = true;     // NFKC + case folding (presentation forms, ligatures, fullwidth); else NFC
  bool remove_marks = true;      // harakat, Quranic signs, superscript alef
  bool remove_tatweel = true;    // U+0640 kashida
  bool remove_format = true;     // ZWNJ, ZWJ, LRM, RLM, ALM, BOM, soft hyphen, bidi controls
  // Bidi controls even in literal text: they order the display and are no part of any word, so
  // an exact term never holds one (the exact level keeps ZWNJ and the like, which spell words).
  bool remove_bidi_controls = true;
  bool fold_alef = true;         // أ إ آ ٱ → ا
  bool fold_alef_maksura = true; // ى → ي
  bool fold_teh_marbuta = true;  // ة → ه
  bool fold_persian = true;      // ی ک → ي ك
  bool fold_digits = true;       // ٠-٩ ۰-۹ → 0-9

  // Literal text, only canonically composed (NFC): what `exact` search compares.
  static NormalizationOptions exact();
  // NFKC, case fold, invisible characters and marks removed, letters kept as written.
  static NormalizationOptions orthographic();
  // orthographic + every letter and digit fold: what `normalized`, `word` and `stem` build on.
  static NormalizationOptions full();
};

// Character filter stage: normalizes UTF-16 text and records, for each output code unit, the
// original span it came from. Removed characters (marks, tatweel, ZWNJ) are charged to the
// preceding kept character, so a highlight on a word ending in a letter with harakat covers them.
class CharNormalizer {
 public:
  explicit CharNormalizer(NormalizationOptions options = NormalizationOptions::full());
  NormalizedText normalize(std::u16string_view text) const;
  // Convenience for callers that don't need offsets (queries, lexicon keys).
  std::u16string normalize_plain(std::u16string_view text) const;
  // True when normalize(text) would return text itself: checked from the per-character tables,
  // without building anything (most words of news text are already NFC).
  bool is_unchanged(std::u16string_view text) const;
  const NormalizationOptions& options() const { return options_; }

 private:
  struct Tables;
  static const Tables& tables_for(const NormalizationOptions& options, const void* normalizer);
  NormalizedText normalize_pass(std::u16string_view text, int pass, bool keep_origin) const;

  NormalizationOptions options_;
  const void* unicode_normalizer_;  // icu::Normalizer2*, kept opaque so ICU headers stay in the .cpp
  const Tables* tables_;            // shared by every normalizer with the same options
};

}  // namespace mirsad
