#pragma once
// The analyzer's invariants, shared by the libFuzzer target and the regression test that
// replays every saved fuzz input (tests/native/fuzz_regression_test.cpp).
#include <cstdint>
#include <cstdio>
#include <string>

#include "analysis/analyzer.hpp"
#include "api/engine.hpp"
#include "text/utf.hpp"

namespace mirsad::fuzz {


// Names the broken invariant, then traps so libFuzzer saves the input.
#define MIRSAD_FUZZ_CHECK(condition)                                                             \
  do {                                                                               \
    if (!(condition)) {                                                              \
      std::fprintf(stderr, "invariant broken: %s (line %d)\n", #condition, __LINE__); \
      __builtin_trap();                                                              \
    }                                                                                \
  } while (0)

inline bool splits_pair(const std::u16string& s, uint32_t offset) {
  return offset > 0 && offset < s.size() && mirsad::is_low_surrogate(s[offset]) &&
         mirsad::is_high_surrogate(s[offset - 1]);
}

inline void analyze_and_check(const mirsad::Analyzer& analyzer, const mirsad::CharNormalizer& normalizer,
                       const std::u16string& text) {
  const mirsad::AnalyzedText a = analyzer.analyze(text);
  MIRSAD_FUZZ_CHECK(a.normalized.text.size() == a.normalized.origin.size());
  mirsad::Span previous{0, 0};
  for (const mirsad::AnalyzedToken& t : a.tokens) {
    const mirsad::Span s = t.token.span;
    MIRSAD_FUZZ_CHECK(s.start < s.end && s.end <= text.size());
    // Ordered and non-overlapping, except that the words one character expands to (ﷺ → four
    // words under NFKC) share that character's span.
    MIRSAD_FUZZ_CHECK(s.start >= previous.end || s == previous);
    MIRSAD_FUZZ_CHECK(!splits_pair(text, s.start) && !splits_pair(text, s.end));
    MIRSAD_FUZZ_CHECK(t.name_span.start >= s.start && t.name_span.end == s.end);
    for (const mirsad::Term term : t.terms) MIRSAD_FUZZ_CHECK(!term.empty());
    previous = s;
  }
  const std::u16string once = normalizer.normalize_plain(text);
  MIRSAD_FUZZ_CHECK(normalizer.normalize_plain(once) == once);  // idempotent
}

// Entities: spans inside the text, never cutting a surrogate pair, in order and not overlapping
// (glued words are split into sub-token spans, so this is worth checking on hostile input).
inline void extract_and_check(const mirsad::Engine& engine, const std::u16string& text) {
  uint32_t previous_end = 0;
  for (const mirsad::Entity& e : engine.extract_entities(text)) {
    MIRSAD_FUZZ_CHECK(e.span.start < e.span.end && e.span.end <= text.size());
    MIRSAD_FUZZ_CHECK(!splits_pair(text, e.span.start) && !splits_pair(text, e.span.end));
    MIRSAD_FUZZ_CHECK(e.span.start >= previous_end);
    MIRSAD_FUZZ_CHECK(!e.canonical.empty());
    previous_end = e.span.end;
  }
}

// Events: every span (trigger, later mentions, participants, place, date) inside its sentence's
// text and never cutting a surrogate pair, the trigger inside its sentence, a resolved date an ISO
// day; a weekday needs a date to resolve against, so the input is dated.
inline void events_and_check(const mirsad::Engine& engine, const std::u16string& text) {
  const auto inside = [&](mirsad::Span s) {
    MIRSAD_FUZZ_CHECK(s.start < s.end && s.end <= text.size());
    MIRSAD_FUZZ_CHECK(!splits_pair(text, s.start) && !splits_pair(text, s.end));
  };
  for (const mirsad::Event& e : engine.extract_events(text, "2019-03-07")) {
    inside(e.trigger);
    inside(e.sentence);
    MIRSAD_FUZZ_CHECK(e.sentence.start <= e.trigger.start && e.trigger.end <= e.sentence.end);
    for (const mirsad::Span& m : e.mentions) inside(m);
    for (const mirsad::EventParticipant& p : e.participants) {
      inside(p.span);
      MIRSAD_FUZZ_CHECK(!p.canonical.empty());
    }
    if (e.place) inside(e.place->span);
    if (e.date) {
      inside(e.date->span);
      MIRSAD_FUZZ_CHECK(e.date->value.empty() || e.date->value.size() == 4 || e.date->value.size() == 7 || e.date->value.size() == 10);
    }
  }
}

// Reads fuzz bytes both ways the core meets text: UTF-8 (files) and raw UTF-16 (JS strings).
inline void check_input(const uint8_t* data, std::size_t size) {
  static const mirsad::Lexicon lexicon;
  static const mirsad::Analyzer analyzer(lexicon);
  static const mirsad::CharNormalizer normalizer;
  static const mirsad::Engine engine;  // the entity extractor with its real lexicon and data
  const std::u16string decoded = mirsad::utf8_to_utf16({reinterpret_cast<const char*>(data), size});
  analyze_and_check(analyzer, normalizer, decoded);
  extract_and_check(engine, decoded);
  events_and_check(engine, decoded);
  std::u16string units(size / 2, u'\0');
  for (std::size_t i = 0; i + 1 < size; i += 2) units[i / 2] = static_cast<char16_t>(data[i] | (data[i + 1] << 8));
  analyze_and_check(analyzer, normalizer, units);
  extract_and_check(engine, units);
  events_and_check(engine, units);
}

}  // namespace mirsad::fuzz
