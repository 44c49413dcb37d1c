#include "entities/name_rules.hpp"

#include "entities/phrase_terms.hpp"
#include "entities/resources.hpp"
#include "text/utf.hpp"

namespace mirsad {
namespace {

// Written with the article? (its normalized form starts with ال, after any particle)
bool is_definite(const ExtractionContext& ctx, std::size_t i) {
  return ctx.word(i) != ctx.normalized(i) && !ctx.has_particle(i);
}

}  // namespace

NameRules::NameRules(const Analyzer& analyzer, const EntityResources& resources) {
  for (const CueEntry& cue : resources.cues) {
    const auto terms = word_terms(analyzer, cue.phrase);
    if (terms.empty()) continue;
    if (cue.kind == "person_title") {
      titles_.add(terms, Title{cue.phrase.rfind("ال", 0) != 0});
      for (const auto& t : terms) cue_words_.insert(t);
    } else if (cue.kind == "org_head") {
      org_heads_.add(terms, true);
      for (const auto& t : terms) cue_words_.insert(t);
    } else if (cue.kind == "loc_cue") {
      loc_cues_.add(terms, true);
      for (const auto& t : terms) cue_words_.insert(t);
    } else if (cue.kind == "person_link" && terms.size() == 1) {
      links_.insert(terms[0]);
    } else if (cue.kind == "name_stop" && terms.size() == 1) {
      stops_.insert(terms[0]);
    }
  }
  for (const std::string& word : resources.stopwords) {
    const auto terms = word_terms(analyzer, word);
    if (terms.size() == 1) stops_.insert(terms[0]);
  }
}

std::size_t NameRules::person_name_length(const ExtractionContext& ctx, const TokenFacts& facts, std::size_t i) const {
  std::size_t len = 0;
  while (i + len < ctx.size() && len < kMaxNameTokens) {
    const std::size_t k = i + len;
    if (len > 0 && !ctx.joined[k - 1]) break;
    if (ctx.tokens[k].token.kind != TokenKind::Word || ctx.has_particle(k)) break;
    const Term w = ctx.word(k);
    if (stops_.contains(w) || cue_words_.contains(w) || facts.is_gentilic(k)) break;
    if (len > 0 && facts.is_known_name(k) && !links_.contains(ctx.word(k - 1))) break;
    ++len;
    // A link (عبد، أبو، بن) needs the word it links to.
    if (links_.contains(w) && (k + 1 >= ctx.size() || !ctx.joined[k])) { --len; break; }
  }
  if (len > 0 && links_.contains(ctx.word(i + len - 1))) --len;
  return len;
}

void NameRules::persons_after_titles(const ExtractionContext& ctx, const TokenFacts& facts,
                                     std::vector<EntityCandidate>& out) const {
  const std::size_t n = ctx.size();
  const auto term_at = [&](std::size_t i) { return ctx.word(i); };
  const auto joined = [&](std::size_t i) { return ctx.joined[i]; };
  for (std::size_t i = 0; i < n; ++i) {
    const auto [len, title] = titles_.longest_match(i, n, term_at, joined);
    if (!len) continue;
    // A definite title right after a definite noun is an adjective: السبب الرئيس (the main reason).
    if (!title->construct && i > 0 && ctx.joined[i - 1] && is_definite(ctx, i - 1)) continue;
    std::size_t k = i + len;
    // Skip what qualifies the title: its complement (الخارجية in وزير الخارجية) and everything up
    // to a gentilic close behind it (المنتدب الجزائري in الوزير المنتدب الجزائري).
    std::size_t last_gentilic = 0;
    for (std::size_t a = k; a < n && a < k + kMaxModifiers && ctx.joined[a - 1]; ++a) {
      if (facts.is_gentilic(a)) last_gentilic = a + 1;
    }
    if (last_gentilic) k = last_gentilic;
    std::size_t skipped = 0;
    while (title->construct && k < n && ctx.joined[k - 1] && skipped < kMaxModifiers) {
      if (!(is_definite(ctx, k) || ctx.has_particle(k) || org_heads_.contains_first(ctx.word(k)))) break;
      ++k;
      ++skipped;
    }
    if (k >= n || !ctx.joined[k - 1] || facts.is_known_name(k)) continue;
    const std::size_t name = person_name_length(ctx, facts, k);
    // A single word after a title is as often a noun as a name (الوزير المنتدب); known single
    // names (السيسي، حفتر) come from the gazetteer instead.
    if (name < 2) continue;
    out.push_back(EntityCandidate{k, k + name, EntityType::Person, "", "", "", "", 1});
    i = k + name - 1;
  }
}

void NameRules::organizations_from_heads(const ExtractionContext& ctx, const TokenFacts& facts,
                                         std::vector<EntityCandidate>& out) const {
  const std::size_t n = ctx.size();
  const auto term_at = [&](std::size_t i) { return ctx.word(i); };
  const auto joined = [&](std::size_t i) { return ctx.joined[i]; };
  for (std::size_t i = 0; i < n; ++i) {
    const auto [len, head] = org_heads_.longest_match(i, n, term_at, joined);
    if (!len) continue;
    std::size_t k = i + len, modifiers = 0;
    while (k < n && ctx.joined[k - 1] && modifiers < kMaxModifiers) {
      if (ctx.tokens[k].token.kind != TokenKind::Word || stops_.contains(ctx.word(k))) break;
      const bool known = facts.is_known_name(k) && !ctx.has_particle(k) && !facts.is_gentilic(k);
      const bool modifier = is_definite(ctx, k) || facts.is_gentilic(k) || known;
      if (!modifier) break;
      ++k;
      ++modifiers;
      // A name closes the phrase: حكومة الثني, not حكومة الثني المجزرة.
      if (known) break;
    }
    if (modifiers == 0) continue;  // الحكومة alone names no one in particular
    out.push_back(EntityCandidate{i, k, EntityType::Organization, "", "", "", "", 1});
  }
}

void NameRules::places_after_cues(const ExtractionContext& ctx, const TokenFacts& facts,
                                  std::vector<EntityCandidate>& out) const {
  const std::size_t n = ctx.size();
  const auto term_at = [&](std::size_t i) { return ctx.word(i); };
  const auto joined = [&](std::size_t i) { return ctx.joined[i]; };
  for (std::size_t i = 0; i < n; ++i) {
    const auto [len, cue] = loc_cues_.longest_match(i, n, term_at, joined);
    if (!len) continue;
    const std::size_t k = i + len;
    if (k >= n || !ctx.joined[k - 1] || ctx.tokens[k].token.kind != TokenKind::Word || ctx.has_particle(k)) continue;
    if (stops_.contains(ctx.word(k)) || cue_words_.contains(ctx.word(k)) || facts.is_gentilic(k) || facts.is_known_name(k)) continue;
    out.push_back(EntityCandidate{k, k + 1, EntityType::Location, "", "", "", "", 1});
  }
}

void NameRules::recognize(const ExtractionContext& ctx, const TokenFacts& facts, std::vector<EntityCandidate>& out) const {
  persons_after_titles(ctx, facts, out);
  organizations_from_heads(ctx, facts, out);
  places_after_cues(ctx, facts, out);
}

}  // namespace mirsad
