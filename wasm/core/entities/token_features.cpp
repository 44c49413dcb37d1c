#include "entities/token_features.hpp"

#include <type_traits>

#include "analysis/lexicon.hpp"
#include "entities/word_clusters.hpp"

namespace mirsad {
namespace {

// Feature templates: the first argument of every feature hash, so equal values of different
// templates (the word itself, the word before) are different features.
enum Template : uint64_t {
  kBias = 1, kNormalized, kWord, kStem, kPrefix, kSuffix, kArticle, kParticle, kKnownWord, kStopword, kLength, kShape,
  kNeighbourWord, kNeighbourStem, kBigramBefore, kBigramAfter, kGapBefore, kGapAfter, kClueBegin, kClueInside,
  kNeighbourClue, kKnown, kKnownSubtype, kNeighbourKnown, kRule, kNeighbourRule, kRuleAndKnown, kClueBeforeUnknown, kDocumentRule, kDocumentRuleAndRule, kNeighbourDocumentRule,
  kFineClass, kCoarseClass, kNeighbourFineClass, kNeighbourCoarseClass, kClassBigram, kNeighbourClitics,
};

uint64_t splitmix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// FNV-1a, written out: std::hash differs between the native trainer's library and the wasm one.
template <typename String>
uint64_t term_hash(String s) {
  uint64_t h = 1469598103934665603ULL;
  for (const auto c : s) {
    h ^= static_cast<uint64_t>(static_cast<std::make_unsigned_t<decltype(c)>>(c));
    h *= 1099511628211ULL;
  }
  return h;
}

// Hashes of words outside the text, so a first token's "word before" is a value of its own.
constexpr uint64_t kBeforeText = 0x5bd1e995ULL, kAfterText = 0x1b873593ULL;

// What separates two tokens, strongest first: sentence end, line break, quote, bracket, comma,
// dash or colon, anything else, nothing but spaces.
uint64_t gap_class(std::u16string_view gap) {
  uint64_t best = 0;
  for (const char16_t c : gap) {
    uint64_t k = 0;
    if (c == u'.' || c == u'!' || c == u'?' || c == u'؟') k = 7;
    else if (c == u'\n' || c == u'\r') k = 6;
    else if (c == u'"' || c == u'\u00AB' || c == u'\u00BB' || c == u'\u201C' || c == u'\u201D' || c == u'\'') k = 5;
    else if (c == u'(' || c == u')' || c == u'[' || c == u']') k = 4;
    else if (c == u',' || c == u'،' || c == u'؛' || c == u';') k = 3;
    else if (c == u'-' || c == u'\u2013' || c == u'\u2014' || c == u':') k = 2;
    else if (c != u' ' && c != u'\u00A0' && c != u'\t') k = 1;
    if (k > best) best = k;
  }
  return best;
}

uint64_t shape(const AnalyzedToken& t, std::u16string_view normalized) {
  if (t.token.kind == TokenKind::Number) return 1;
  const char16_t c = normalized.empty() ? 0 : normalized[0];
  if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')) return 2;
  return t.token.kind == TokenKind::Mixed ? 3 : 0;
}

}  // namespace

TokenFeatureRows token_features(const ExtractionContext& ctx, const std::vector<TokenEvidence>& evidence,
                                const Lexicon& lexicon, const WordClusters& clusters) {
  const std::size_t n = ctx.size();
  std::vector<uint64_t> word(n), stem(n);
  std::vector<bool> unknown(n);
  // A word's classes; a word too rare to have any is a value of its own (rare words are names
  // more often than common ones).
  constexpr uint64_t kRare = 0xFFFF, kNoWord = 0xFFFE;
  std::vector<uint64_t> fine(n, kRare), coarse(n, kRare);
  for (std::size_t i = 0; i < n; ++i) {
    word[i] = term_hash(ctx.word(i));
    stem[i] = term_hash(ctx.tokens[i].term(MatchLevel::Stem));
    unknown[i] = ctx.tokens[i].token.kind == TokenKind::Word && !lexicon.knows(ctx.word(i));
    if (ctx.tokens[i].token.kind == TokenKind::Number) {
      if (const auto c = clusters.find(u"<number>")) fine[i] = c->fine, coarse[i] = c->coarse;
    } else if (const auto c = clusters.find(ctx.word(i))) {
      fine[i] = c->fine, coarse[i] = c->coarse;
    }
  }
  const auto class_at = [&](const std::vector<uint64_t>& classes, std::ptrdiff_t k) {
    return k < 0 || k >= static_cast<std::ptrdiff_t>(n) ? kNoWord : classes[k];
  };
  const auto word_at = [&](std::ptrdiff_t k) {
    return k < 0 ? kBeforeText : k >= static_cast<std::ptrdiff_t>(n) ? kAfterText : word[k];
  };
  const auto stem_at = [&](std::ptrdiff_t k) {
    return k < 0 ? kBeforeText : k >= static_cast<std::ptrdiff_t>(n) ? kAfterText : stem[k];
  };

  TokenFeatureRows rows;
  rows.offsets.reserve(n + 1);
  rows.features.reserve(n * 48);
  std::vector<uint32_t>& out = rows.features;
  const auto add = [&](uint64_t tmpl, uint64_t a, uint64_t b = 0) {
    out.push_back(static_cast<uint32_t>(splitmix(splitmix(tmpl * 0x100000001b3ULL ^ a) ^ b)));
  };
  // The evidence of token k as features of the token `at` positions away from it.
  const auto add_evidence = [&](std::ptrdiff_t k, uint64_t at) {
    if (k < 0 || k >= static_cast<std::ptrdiff_t>(n)) return;
    const TokenEvidence& e = evidence[k];
    for (uint32_t bit = 0; bit < 16; ++bit) {
      if (e.clues_begin & (1u << bit)) add(kNeighbourClue, at, bit * 2);
      if (e.clues_inside & (1u << bit)) add(kNeighbourClue, at, bit * 2 + 1);
    }
    if (e.known_type >= 0) add(kNeighbourKnown, at, static_cast<uint64_t>(e.known_type) * 2 + e.known_begin);
    if (e.rule_type >= 0) add(kNeighbourRule, at, static_cast<uint64_t>(e.rule_type) * 2 + e.rule_begin);
    if (e.document_rule_types) add(kNeighbourDocumentRule, at, e.document_rule_types);
  };

  for (std::size_t i = 0; i < n; ++i) {
    rows.offsets.push_back(static_cast<uint32_t>(out.size()));
    const AnalyzedToken& t = ctx.tokens[i];
    const Term w = ctx.word(i), norm = ctx.normalized(i);
    const std::ptrdiff_t p = static_cast<std::ptrdiff_t>(i);
    add(kBias, 0);
    add(kNormalized, term_hash(norm));
    add(kWord, word[i]);
    add(kStem, stem[i]);
    for (std::size_t k = 1; k <= 3 && k <= w.size(); ++k) {
      add(kPrefix, term_hash(w.substr(0, k)), k);
      add(kSuffix, term_hash(w.substr(w.size() - k)), k);
    }
    add(kArticle, ctx.has_article(i));
    if (ctx.has_particle(i) && !norm.empty()) add(kParticle, norm[0]);
    add(kKnownWord, unknown[i]);
    if (lexicon.is_stopword(norm) || lexicon.is_stopword(w)) add(kStopword, 1);
    add(kLength, w.size() < 8 ? w.size() : 8);
    add(kShape, shape(t, norm));
    for (const std::ptrdiff_t d : {-2, -1, 1, 2}) add(kNeighbourWord, word_at(p + d), static_cast<uint64_t>(d + 8));
    for (const std::ptrdiff_t d : {-1, 1}) add(kNeighbourStem, stem_at(p + d), static_cast<uint64_t>(d + 8));
    if (!clusters.empty()) {
      add(kFineClass, fine[i]);
      add(kCoarseClass, coarse[i]);
      for (const std::ptrdiff_t d : {-2, -1, 1, 2}) add(kNeighbourCoarseClass, class_at(coarse, p + d), static_cast<uint64_t>(d + 8));
      for (const std::ptrdiff_t d : {-1, 1}) add(kNeighbourFineClass, class_at(fine, p + d), static_cast<uint64_t>(d + 8));
      add(kClassBigram, class_at(coarse, p - 1) << 16 | coarse[i], class_at(coarse, p + 1));
    }
    add(kBigramBefore, word_at(p - 1), word[i]);
    add(kBigramAfter, word[i], word_at(p + 1));
    // The particle and article of the words around: a name's span ends or runs on at a word like
    // للأنباء or بمنطقة (an organization's complement), but the word alone says less.
    for (const std::ptrdiff_t d : {-1, 1, 2}) {
      const std::ptrdiff_t k = p + d;
      if (k < 0 || k >= static_cast<std::ptrdiff_t>(n)) continue;
      const Term nk = ctx.normalized(static_cast<std::size_t>(k));
      const uint64_t particle = ctx.has_particle(static_cast<std::size_t>(k)) && !nk.empty() ? nk[0] : 0;
      add(kNeighbourClitics, static_cast<uint64_t>(d + 8), particle << 1 | ctx.has_article(static_cast<std::size_t>(k)));
    }
    add(kGapBefore, i > 0 ? gap_class(ctx.gap(i - 1)) : 8);
    add(kGapAfter, i + 1 < n ? gap_class(ctx.gap(i)) : 8);

    const TokenEvidence& e = evidence[i];
    for (uint32_t bit = 0; bit < 16; ++bit) {
      if (e.clues_begin & (1u << bit)) add(kClueBegin, bit);
      if (e.clues_inside & (1u << bit)) add(kClueInside, bit);
    }
    if (e.known_type >= 0) {
      add(kKnown, static_cast<uint64_t>(e.known_type) * 2 + e.known_begin);
      add(kKnownSubtype, static_cast<uint64_t>(e.known_type) * 2 + e.known_begin, term_hash(e.known_subtype));
    }
    add(kRule, static_cast<uint64_t>(e.rule_type + 1) * 2 + e.rule_begin);
    add(kRuleAndKnown, static_cast<uint64_t>(e.rule_type + 1), static_cast<uint64_t>(e.known_type + 1));
    if (e.document_rule_types) {
      add(kDocumentRule, e.document_rule_types);
      add(kDocumentRuleAndRule, e.document_rule_types, static_cast<uint64_t>(e.rule_type + 1));
    }
    for (const std::ptrdiff_t d : {-2, -1, 1, 2}) add_evidence(p + d, static_cast<uint64_t>(d + 8));
    // A word no list or lexicon knows right after a title or a head is the classic new name.
    if (i > 0) add(kClueBeforeUnknown, evidence[i - 1].clues_begin | evidence[i - 1].clues_inside, unknown[i]);
  }
  rows.offsets.push_back(static_cast<uint32_t>(out.size()));
  return rows;
}

}  // namespace mirsad
