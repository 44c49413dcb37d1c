#include "entities/number_recognizer.hpp"

#include <cstdlib>
#include <string>

#include "entities/phrase_terms.hpp"
#include "entities/resources.hpp"
#include "text/utf.hpp"

namespace mirsad {
namespace {

// A plain run of ASCII digits (the normalizer has already folded Arabic-Indic digits), as a
// value; 0 for anything else (5+5، 2015/02/24، 3.5).
uint64_t digits_value(Term t) {
  if (t.empty() || t.size() > 15) return 0;
  uint64_t v = 0;
  for (const char16_t c : t) {
    if (c < u'0' || c > u'9') return 0;
    v = v * 10 + static_cast<uint64_t>(c - u'0');
  }
  return v;
}

// 1900–2099 written alone is a year far more often than a count: "في 2011 شهدت" must not take
// شهدت as a counted noun.
bool looks_like_year(uint64_t v) { return v >= 1900 && v <= 2099; }

}  // namespace

NumberRecognizer::NumberRecognizer(const Analyzer& analyzer, const EntityResources& resources) {
  for (const CueEntry& cue : resources.cues) {
    if (cue.kind != "numeral" && cue.kind != "multiplier") continue;
    auto terms = word_terms(analyzer, cue.phrase);
    if (terms.size() != 1) continue;
    const uint64_t value = std::strtoull(cue.value.c_str(), nullptr, 10);
    if (value == 0) continue;
    const bool plural = cue.value.find(";plural") != std::string::npos;
    words_.add(std::move(terms), NumberWord{value, cue.kind == "multiplier", plural});
  }
}

const NumberRecognizer::NumberWord* NumberRecognizer::number_word(const ExtractionContext& ctx, std::size_t i) const {
  if (ctx.tokens[i].token.kind != TokenKind::Word) return nullptr;
  const auto [len, word] = words_.longest_match(i, i + 1, [&](std::size_t k) { return ctx.word(k); },
                                                [](std::size_t) { return false; });
  return len ? word : nullptr;
}

void NumberRecognizer::recognize(const ExtractionContext& ctx, const NounTest& may_be_noun,
                                 std::vector<EntityCandidate>& out) const {
  const std::size_t n = ctx.size();
  for (std::size_t i = 0; i < n; ++i) {
    const bool digits = ctx.is_number(i);
    const NumberWord* first = digits ? nullptr : number_word(ctx, i);
    if (!digits && !first) continue;
    if (first && first->plural) continue;  // آلاف alone: a vague quantity
    if (first && !first->multiplier && ctx.has_article(i)) {
      // The definite numeral follows its definite noun as an adjective: البلدان الثلاثة.
      if (i > 0 && ctx.joined[i - 1] && ctx.has_article(i - 1) && may_be_noun(i - 1)) {
        out.push_back(EntityCandidate{i - 1, i + 1, EntityType::Number, "", "", "", std::to_string(first->value), 0});
      }
      continue;
    }
    // Two follows its noun too (ملفين اثنين); before a noun it is a pronoun-like "two of".
    if (first && first->value == 2 && !first->multiplier && i > 0 && ctx.joined[i - 1] && !ctx.has_particle(i) &&
        may_be_noun(i - 1) && !ctx.has_article(i - 1)) {
      out.push_back(EntityCandidate{i - 1, i + 1, EntityType::Number, "", "", "", "2", 0});
      continue;
    }
    // The numeral: digits or number words, joined by و (مئة وخمسين), then multipliers.
    uint64_t total = 0, current = digits ? digits_value(ctx.normalized(i)) : 0;
    bool exact = !digits || current > 0;  // a value we can compute (not 5+5)
    std::size_t k = i;
    if (!digits) {
      current = 0;
      for (; k < n; ++k) {
        if (k > i && (!ctx.joined[k - 1] || (ctx.has_particle(k) && ctx.normalized(k)[0] != u'و'))) break;
        const NumberWord* w = number_word(ctx, k);
        // (آلاف reads as ال + اف to the stripper: a multiplier's "article" is its first letters)
        if (!w || (ctx.has_article(k) && !w->multiplier)) break;
        if (k > i && w->multiplier == false && !ctx.has_particle(k) && current % 1000 != 0 && w->value < 100) break;
        if (w->multiplier) {
          total += (current == 0 ? 1 : current) * w->value;
          current = 0;
        } else {
          current += w->value;
        }
      }
    } else {
      ++k;
      // 3 ملايين، 1500 ألف
      if (k < n && ctx.joined[k - 1] && !ctx.has_particle(k)) {
        if (const NumberWord* w = number_word(ctx, k); w && w->multiplier) {
          total = (current == 0 ? 1 : current) * w->value;
          current = 0;
          ++k;
        }
      }
    }
    const uint64_t value = total + current;
    const bool year = digits && k == i + 1 && looks_like_year(value);
    // The counted noun: an indefinite word right after the numeral (55 فردا، خمس دول).
    std::size_t last = k;
    if (!year && exact && k < n && ctx.joined[k - 1] && !ctx.has_particle(k) && !ctx.has_article(k) && may_be_noun(k) &&
        !number_word(ctx, k)) {
      last = k + 1;
    }
    const std::string shown = exact && value > 0 ? std::to_string(value) : utf16_to_utf8(ctx.normalized(i));
    out.push_back(EntityCandidate{i, last, EntityType::Number, "", "", "", shown, 0});
    i = k - 1;
  }
}

}  // namespace mirsad
