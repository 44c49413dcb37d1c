#include "entities/name_rules.hpp"

#include <algorithm>

#include "entities/phrase_terms.hpp"
#include "entities/resources.hpp"
#include "text/utf.hpp"

namespace mirsad {
namespace {

bool starts_with_article(const std::string& phrase) { return phrase.rfind("ال", 0) == 0; }

}  // namespace

NameRules::NameRules(const Analyzer& analyzer, const EntityResources& resources) : lexicon_(analyzer.lexicon()) {
  std::map<std::vector<std::u16string>, bool> location_cues;  // terms → written with the article somewhere
  for (const GivenName& g : resources.given_names) {
    const auto terms = word_terms(analyzer, g.name);
    if (terms.size() != 1) continue;
    given_names_.insert(terms[0]);
    if (g.name.size() >= 2 && g.name.compare(g.name.size() - 2, 2, "ي") == 0) given_names_in_yeh_.insert(terms[0]);
  }
  for (const CueEntry& cue : resources.cues) {
    const auto terms = word_terms(analyzer, cue.phrase);
    if (terms.empty()) continue;
    if (cue.kind == "person_title") {
      titles_.add(terms, Title{});
      for (const auto& t : terms) cue_words_.insert(t);
    } else if (cue.kind == "org_head") {
      org_heads_.add(terms, OrgHead{cue.value.find("weak") != std::string::npos,
                                    cue.value.find("adjectival") != std::string::npos,
                                    cue.value.find("media") != std::string::npos});
      for (const auto& t : terms) cue_words_.insert(t);
    } else if (cue.kind == "org_modifier" && terms.size() == 1) {
      org_modifiers_.insert(terms[0]);
    } else if (cue.kind == "loc_cue") {
      location_cues[terms] = location_cues[terms] || starts_with_article(cue.phrase);
      for (const auto& t : terms) cue_words_.insert(t);
    } else if (cue.kind == "person_link" && terms.size() == 1) {
      links_.insert(terms[0]);
    } else if (cue.kind == "name_stop" && terms.size() == 1) {
      stops_.insert(terms[0]);
    }
  }
  for (const auto& [terms, definite] : location_cues) loc_cues_.add(terms, LocationCue{definite});
  for (const std::string& word : resources.stopwords) {
    const auto terms = word_terms(analyzer, word);
    if (terms.size() == 1) stops_.insert(terms[0]);
  }
}

bool NameRules::name_like(const ExtractionContext& ctx, std::size_t k, std::size_t position) const {
  const Term w = ctx.word(k);
  if (given_names_.contains(w)) return true;
  if (w.empty() || w.back() == u'ا') return false;  // accusative: قائلا، مضيفا follow names
  // The first two words of a name may be any name the lexicon does not know (آسيمي غويتا) or a
  // nisba (الجبوري، شكري); later words only extend it if they look like names themselves
  // (عمر يوسف الطيب, not عمر يوسف الطيب سيتوجه).
  if (w.back() == u'ي' && (position < 2 || ctx.has_article(k))) return true;
  return position < 2 && !lexicon_.knows(w);
}

void NameRules::persons_from_given_names(const ExtractionContext& ctx, const TokenFacts& facts,
                                         std::vector<EntityCandidate>& out) const {
  const std::size_t n = ctx.size();
  for (std::size_t i = 0; i + 1 < n; ++i) {
    if (ctx.tokens[i].token.kind != TokenKind::Word || !ctx.joined[i]) continue;
    const Term w = ctx.word(i);
    if (!given_names_.contains(w) && !links_.contains(w)) continue;
    // Only و/ف may come before a name here: لصالح is "in favour of", not ل + صالح.
    if (ctx.has_particle(i) && ctx.normalized(i)[0] != u'و' && ctx.normalized(i)[0] != u'ف') continue;
    // The normalizer folds ى to ي: على (on) must not read as the name علي (but مصطفى is مصطفى).
    const Span s = ctx.tokens[i].token.span;
    if (ctx.text[s.end - 1] == u'ى' && given_names_in_yeh_.contains(w)) continue;
    if (facts.is_known_name(i)) continue;  // a gazetteer name starts here: it decides
    std::size_t len = 1;
    while (i + len < n && len < kMaxNameTokens && ctx.joined[i + len - 1]) {
      const std::size_t k = i + len;
      if (ctx.tokens[k].token.kind != TokenKind::Word || ctx.has_particle(k)) break;
      const Term part = ctx.word(k);
      if (stops_.contains(part) || cue_words_.contains(part) || facts.is_gentilic(k) || facts.is_known_name(k)) break;
      const bool after_link = links_.contains(ctx.word(k - 1));
      if (!links_.contains(part) && !after_link && !name_like(ctx, k, len)) break;
      ++len;
    }
    while (len > 0 && links_.contains(ctx.word(i + len - 1))) --len;  // a link needs what it links
    if (len < 2) continue;
    out.push_back(EntityCandidate{i, i + len, EntityType::Person, "", "", "", "", 1});
    i += len - 1;
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
    // After a title the first word may be any word when a name-like word follows it (العقيد
    // سليم بن عيسى: سليم is also an adjective), but not otherwise (الوزير المحافظات الأربع).
    const bool vouched = len == 0 && k + 1 < ctx.size() && ctx.joined[k] && !ctx.has_particle(k + 1) &&
                         (links_.contains(ctx.word(k + 1)) || name_like(ctx, k + 1, 1));
    if (!links_.contains(w) && !(len > 0 && links_.contains(ctx.word(k - 1))) && !vouched && !name_like(ctx, k, len)) break;
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
    // Whether the title takes a complement is read from the text: وزير الداخلية فادي الخوري
    // (construct: الداخلية is skipped) but الرئيس السيسي (definite: nothing to skip).
    const bool construct = !ctx.has_article(i + len - 1);
    // A definite title right after a definite noun is an adjective: السبب الرئيس (the main reason).
    if (!construct && i > 0 && ctx.joined[i - 1] && ctx.has_article(i - 1)) continue;
    std::size_t k = i + len;
    // Skip what qualifies the title: its complement (الخارجية in وزير الخارجية) and everything up
    // to a gentilic close behind it (المنتدب الجزائري in الوزير المنتدب الجزائري).
    std::size_t last_gentilic = 0;
    for (std::size_t a = k; a < n && a < k + kMaxModifiers && ctx.joined[a - 1]; ++a) {
      if (facts.is_gentilic(a)) last_gentilic = a + 1;
    }
    if (last_gentilic) k = last_gentilic;
    std::size_t skipped = 0;
    while (construct && k < n && ctx.joined[k - 1] && skipped < kMaxModifiers) {
      if (!(ctx.has_article(k) || ctx.has_particle(k) || org_heads_.contains_first(ctx.word(k)))) break;
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

bool NameRules::media_name(const ExtractionContext& ctx, const TokenFacts& facts, std::size_t k,
                           std::vector<EntityCandidate>& out) const {
  const std::size_t n = ctx.size();
  if (k >= n || ctx.tokens[k].token.kind == TokenKind::Number) return false;
  const auto is_quote = [](char16_t c) {
    return c == u'"' || c == u'\u00AB' || c == u'\u00BB' || c == u'\u201C' || c == u'\u201D';
  };
  const std::u16string_view before = ctx.gap(k - 1);
  std::size_t last = k + 1;
  if (std::any_of(before.begin(), before.end(), is_quote)) {
    // The quoted name, up to the closing quote.
    while (last < n && last - k < kMaxNameTokens) {
      const std::u16string_view g = ctx.gap(last - 1);
      if (std::any_of(g.begin(), g.end(), is_quote)) break;
      ++last;
    }
  } else {
    if (!ctx.joined[k - 1] || ctx.has_particle(k) || stops_.contains(ctx.word(k)) || facts.is_gentilic(k)) return false;
    if (facts.is_known_name(k)) last = k + facts.known_length(k);  // صحيفة الشرق الأوسط
  }
  // Priority above a place: صحيفة الشرق الأوسط names the paper, not the region.
  out.push_back(EntityCandidate{k, last, EntityType::Organization, "", "", "", "", 6});
  return true;
}

void NameRules::organizations_from_heads(const ExtractionContext& ctx, const TokenFacts& facts,
                                         std::vector<EntityCandidate>& out) const {
  const std::size_t n = ctx.size();
  const auto term_at = [&](std::size_t i) { return ctx.word(i); };
  const auto joined = [&](std::size_t i) { return ctx.joined[i]; };
  for (std::size_t i = 0; i < n; ++i) {
    const auto [len, head] = org_heads_.longest_match(i, n, term_at, joined);
    if (!len) continue;
    if (head->media) {
      media_name(ctx, facts, i + len, out);
      continue;
    }
    // A head that is also a participle, right after a definite noun, is its adjective: الجريمة
    // المنظمة (organized crime). Nouns such as الجيش never are (قوات الدعم السريع الجيش …).
    if (head->adjectival && ctx.has_article(i) && i > 0 && ctx.joined[i - 1] && ctx.has_article(i - 1)) continue;
    // What makes the phrase a name rather than a description: a gentilic (الجيش الليبي), a known
    // name (حكومة الوفاق), an institutional adjective (المحكمة الدستورية العليا), or, for a strong
    // head in construct, its complement (مجلس النواب، وزارة الداخلية).
    bool named = false;
    bool expect_complement = true;  // the word after the head (or after a chain noun) is its complement
    std::size_t k = i + len, modifiers = 0;
    const bool construct = !ctx.has_article(i);
    while (k < n && ctx.joined[k - 1] && modifiers < kMaxModifiers) {
      if (ctx.tokens[k].token.kind != TokenKind::Word || stops_.contains(ctx.word(k))) break;
      if (ctx.has_particle(k)) break;  // والدرك، والسلطات: a second phrase, not a modifier
      if (titles_.contains_first(ctx.word(k))) break;  // القوات المسلحة الليبية اللواء خليفة …
      if (facts.is_known_person(k)) break;  // حكومة الحاسي: the mention is the person
      const bool gentilic = facts.is_gentilic(k);
      const bool known = facts.is_known_name(k) && !ctx.has_particle(k) && !gentilic;
      const bool definite = ctx.has_article(k);
      // An indefinite noun continues a construct chain when a definite noun follows it:
      // مجلس وزراء الداخلية العرب.
      const bool chain = !definite && !known && !gentilic && construct && modifiers == 0 && k + 1 < n &&
                         ctx.joined[k] && ctx.has_article(k + 1) && !ctx.has_particle(k);
      if (!(definite || gentilic || known || chain)) break;
      // After the complement, only what names (gentilic, known, institutional) extends the
      // phrase: مجلس النواب المنعقد stops before المنعقد.
      const bool names = gentilic || known || org_modifiers_.contains(ctx.word(k));
      if (!names && !chain && !expect_complement) break;
      if (names) named = true;
      else if (expect_complement && definite && construct && !head->weak) named = true;  // مجلس النواب
      expect_complement = chain;
      ++k;
      ++modifiers;
      if (known) break;  // a name closes the phrase: حكومة الثني, not حكومة الثني المجزرة
    }
    if (modifiers == 0 || !named) continue;  // الحكومة، القيادة السياسية، قوات الأمن
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
    if (ctx.has_article(i) && !cue->definite) continue;  // في المنطقة تحت …: not منطقة + name
    const std::size_t k = i + len;
    if (k >= n || !ctx.joined[k - 1] || ctx.tokens[k].token.kind != TokenKind::Word || ctx.has_particle(k)) continue;
    if (stops_.contains(ctx.word(k)) || cue_words_.contains(ctx.word(k)) || facts.is_gentilic(k) || facts.is_known_name(k)) continue;
    out.push_back(EntityCandidate{k, k + 1, EntityType::Location, "", "", "", "", 1});
  }
}

void NameRules::mark_clues(const ExtractionContext& ctx, std::vector<TokenEvidence>& evidence) const {
  const std::size_t n = ctx.size();
  const auto term_at = [&](std::size_t i) { return ctx.word(i); };
  const auto joined = [&](std::size_t i) { return ctx.joined[i]; };
  const auto mark = [&](std::size_t i, std::size_t len, uint32_t clue) {
    evidence[i].clues_begin |= clue;
    for (std::size_t k = i + 1; k < i + len && k < n; ++k) evidence[k].clues_inside |= clue;
  };
  for (std::size_t i = 0; i < n; ++i) {
    if (ctx.tokens[i].token.kind != TokenKind::Word) continue;
    const Term w = ctx.word(i);
    if (given_names_.contains(w)) mark(i, 1, kClueGivenName);
    if (links_.contains(w)) mark(i, 1, kCluePersonLink);
    if (stops_.contains(w)) mark(i, 1, kClueNameStop);
    if (org_modifiers_.contains(w)) mark(i, 1, kClueOrgModifier);
    if (const auto [len, title] = titles_.longest_match(i, n, term_at, joined); len) mark(i, len, kCluePersonTitle);
    if (const auto [len, head] = org_heads_.longest_match(i, n, term_at, joined); len)
      mark(i, len, head->media ? kClueMediaHead : kClueOrgHead);
    if (const auto [len, cue] = loc_cues_.longest_match(i, n, term_at, joined); len) mark(i, len, kClueLocCue);
  }
}

void NameRules::recognize(const ExtractionContext& ctx, const TokenFacts& facts, std::vector<EntityCandidate>& out) const {
  persons_after_titles(ctx, facts, out);
  persons_from_given_names(ctx, facts, out);
  organizations_from_heads(ctx, facts, out);
  places_after_cues(ctx, facts, out);
}

}  // namespace mirsad
