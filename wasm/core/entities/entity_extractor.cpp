#include "entities/entity_extractor.hpp"

#include <algorithm>
#include <unordered_set>

#include "entities/phrase_terms.hpp"
#include "entities/word_clusters.hpp"
#include "text/bidi_controls.hpp"
#include "text/term_hash.hpp"
#include "text/utf.hpp"

namespace mirsad {
namespace {

// A nisba and its inflections: ليبي → ليبية، ليبيون، ليبيين، ليبيات، ليبيان (with ال handled by the
// clitic stripper, and ة folded to ه by the normalizer).
// The accusative base + ا (مصريا) is listed too; where it is also a country's name (ليبيا) the
// country, added first, wins.
std::vector<std::string> gentilic_forms(const std::string& base) {
  return {base, base + "ة", base + "ون", base + "ين", base + "ات", base + "ان", base + "تان", base + "تين", base + "ا"};
}

EntityType type_from_name(const std::string& type) {
  if (type == "PERSON") return EntityType::Person;
  if (type == "ORGANIZATION") return EntityType::Organization;
  return EntityType::Location;
}

// Written with ال itself (المالية), not ل + a name (لليبيا) nor a particle alone.
bool written_with_al(const ExtractionContext& ctx, std::size_t i) {
  const Term n = ctx.normalized(i), w = ctx.word(i);
  if (w.data() < n.data() || w.data() > n.data() + n.size()) return false;
  const std::size_t at = static_cast<std::size_t>(w.data() - n.data());
  return at >= 2 && n.substr(at - 2, 2) == u"ال";
}

// A name its list writes without the article is another word when the text adds one: مالي (Mali)
// is not المالية (financial), إب (Ibb) is not الأب (the father). Nisbas are the exception: the
// list holds ليبي and the text writes الليبي.
bool article_changes_the_word(const ExtractionContext& ctx, std::size_t i, EntityType type, bool listed_with_article) {
  return type != EntityType::Nationality && !listed_with_article && written_with_al(ctx, i);
}

// An indefinite word in the accusative (tanween alif): وفدا، أمنيا، مهاجرا.
bool indefinite_accusative(const ExtractionContext& ctx, std::size_t i) {
  const Term w = ctx.normalized(i);
  return ctx.tokens[i].token.kind == TokenKind::Word && w.size() > 2 && w.back() == u'ا' && !ctx.has_article(i);
}

}  // namespace

std::string_view entity_type_name(EntityType type) {
  switch (type) {
    case EntityType::Person: return "PERSON";
    case EntityType::Location: return "LOCATION";
    case EntityType::Organization: return "ORGANIZATION";
    case EntityType::Date: return "DATE";
    case EntityType::Number: return "NUMBER";
    case EntityType::Nationality: return "NATIONALITY";
  }
  return "LOCATION";
}

void add_entity_words_to_lexicon(const Analyzer& plain, const EntityResources& resources, const CldrNames& cldr,
                                 Lexicon& lexicon) {
  // Every word of every name, and whether it came after a name's first word.
  std::vector<std::pair<std::u16string, bool>> words;
  const auto add_phrase = [&](const std::string& phrase) {
    const std::u16string text = utf8_to_utf16(phrase);
    const AnalyzedText a = plain.analyze(text);
    for (std::size_t i = 0; i < a.tokens.size(); ++i) words.emplace_back(std::u16string(a.tokens[i].term(MatchLevel::Normalized)), i > 0);
  };
  for (const auto& t : cldr.territories) add_phrase(t.arabic);
  // Month and weekday names too: فيفري is a month, not ف + يفري.
  for (const auto& m : cldr.months) add_phrase(m.arabic);
  for (const auto& d : cldr.weekdays) add_phrase(d.arabic);
  for (const auto& g : resources.gazetteer) {
    add_phrase(g.canonical);
    for (const auto& v : g.variants) add_phrase(v);
  }
  for (const auto& g : resources.gentilics) {
    for (const auto& b : g.bases) {
      for (const auto& form : gentilic_forms(b)) add_phrase(form);
    }
  }
  for (const auto& c : resources.cues) add_phrase(c.phrase);
  std::unordered_set<std::u16string> all;
  for (const auto& [word, later] : words) all.insert(word);
  for (auto [word, later] : words) {
    // Inside a name, a word after the first that starts with و is the conjunction and a word
    // (العراق وسوريا): listing وسوريا as a word would stop the stripper cutting it anywhere. So is
    // a preposition before another name word (أنصار الشريعة بتونس): listing بتونس kept it whole
    // in every text, and a search for تونس missed بتونس.
    if (later && word.size() > 3 && word[0] == u'و') word.erase(0, 1);
    else if (later && word.size() > 3 && (word[0] == u'ب' || word[0] == u'ل' || word[0] == u'ك' || word[0] == u'ف') &&
             all.count(word.substr(1))) {
      word.erase(0, 1);
    }
    lexicon.add(word);
  }
  for (const auto& s : resources.stopwords) lexicon.add_stopword(plain.normalizer().normalize_plain(utf8_to_utf16(s)));
}

EntityExtractor::EntityExtractor(const Analyzer& analyzer, const EntityResources& resources, const CldrNames& cldr,
                                 const SequenceTagger& tagger)
    : analyzer_(analyzer),
      dates_(analyzer, resources, cldr),
      numbers_(analyzer, resources),
      rules_(analyzer, resources),
      tagger_(tagger) {
  std::unordered_map<std::string, std::string> country_ar;
  for (const TerritoryName& t : cldr.territories) {
    add_name(analyzer, t.arabic, Name{EntityType::Location, t.arabic, t.english, t.code, "country"});
    country_ar[t.code] = t.arabic;
  }
  for (const auto* calendar : {&cldr.months, &cldr.weekdays, &cldr.hijri_months}) {
    for (const CalendarName& c : *calendar) {
      const auto terms = word_terms(analyzer, c.arabic);
      if (!terms.empty()) calendar_words_.insert(terms[0]);  // ربيع الأول: ربيع
    }
  }
  for (const GazetteerEntry& g : resources.gazetteer) {
    std::string canonical = g.canonical, label = g.label_en;
    // A colloquial country name links to the country CLDR names.
    if (g.subtype == "country_variant" && country_ar.count(g.country)) canonical = country_ar[g.country];
    const Name name{type_from_name(g.type), canonical, label, g.country, g.subtype};
    add_name(analyzer, g.canonical, name);
    for (const std::string& v : g.variants) add_name(analyzer, v, name);
  }
  for (const GentilicEntry& g : resources.gentilics) {
    const std::string canonical = country_ar.count(g.country) ? country_ar[g.country] : g.bases.front();
    for (const std::string& base : g.bases) {
      for (const std::string& form : gentilic_forms(base)) {
        // A gentilic with no country is regional (أوروبي، مغاربي): it still qualifies an
        // organization (الاتحاد الأوروبي) but is not a nationality mention.
        // A nisba written as its country's name (مالي) is a homograph of a common adjective
        // (المالية "financial" outnumbers Malian many times): it still qualifies an organization
        // (الجيش المالي) but is not a nationality mention on its own.
        const bool homograph = country_ar.count(g.country) && country_ar[g.country] == base;
        add_name(analyzer, form,
                 Name{EntityType::Nationality, canonical, g.label_en, g.country, "gentilic", false, !g.country.empty() && !homograph});
      }
      if (!g.country.empty()) {
        auto terms = word_terms(analyzer, base + "ا");
        if (terms.size() == 1) accusative_gentilics_.add(std::move(terms), Name{EntityType::Nationality, canonical, g.label_en, g.country, "gentilic"});
      }
    }
  }
}

void EntityExtractor::add_name(const Analyzer& analyzer, const std::string& phrase, Name name) {
  const std::u16string text = utf8_to_utf16(phrase);
  const AnalyzedText analyzed = analyzer.analyze(text);
  std::vector<std::u16string> terms;
  for (const AnalyzedToken& t : analyzed.tokens) {
    terms.emplace_back(t.term(MatchLevel::Word));
    name_words_.insert(t.term(MatchLevel::Normalized));
  }
  if (terms.empty()) return;
  name.needs_article = written_with_article(analyzed.tokens.front());
  names_.add(std::move(terms), std::move(name));
}

std::vector<AnalyzedToken> EntityExtractor::split_glued_names(std::u16string_view text,
                                                               const std::vector<AnalyzedToken>& tokens,
                                                               std::deque<AnalyzedText>& parts) const {
  std::vector<AnalyzedToken> out;
  out.reserve(tokens.size());
  const auto is_particle = [](char16_t c) { return c == u'و' || c == u'ب' || c == u'ل' || c == u'ف'; };
  for (const AnalyzedToken& t : tokens) {
    const Term n = t.term(MatchLevel::Normalized);
    bool split = false;
    if (t.token.kind == TokenKind::Word && n.size() >= 7 && !name_words_.contains(n) &&
        !analyzer_.lexicon().knows(t.term(MatchLevel::Word))) {
      for (std::size_t p = 3; p + 3 <= n.size() && !split; ++p) {
        Term right = n.substr(p);
        if (!name_words_.contains(n.substr(0, p))) continue;
        if (!name_words_.contains(right) && !(is_particle(right[0]) && name_words_.contains(right.substr(1)))) continue;
        // Cut the original where the normalized text is cut, and analyze each side alone.
        const Term original = text.substr(t.token.span.start, t.token.span.length());
        const AnalyzedText whole = analyzer_.analyze(original);
        if (whole.tokens.size() != 1) break;
        const std::size_t cut_in_norm = whole.tokens[0].token.norm_begin + p;
        if (cut_in_norm >= whole.normalized.origin.size()) break;
        const uint32_t cut = whole.normalized.origin[cut_in_norm].start;
        if (cut == 0 || cut >= original.size()) break;
        AnalyzedText& left = parts.emplace_back(analyzer_.analyze(original.substr(0, cut)));
        AnalyzedText& rest = parts.emplace_back(analyzer_.analyze(original.substr(cut)));
        if (left.tokens.size() != 1 || rest.tokens.size() != 1) break;
        // Their spans are relative to the piece each was analyzed from.
        const auto shifted = [](AnalyzedToken part, uint32_t by) {
          part.token.span = Span{part.token.span.start + by, part.token.span.end + by};
          part.name_span = Span{part.name_span.start + by, part.name_span.end + by};
          return part;
        };
        out.push_back(shifted(left.tokens[0], t.token.span.start));
        out.push_back(shifted(rest.tokens[0], t.token.span.start + cut));
        split = true;
      }
    }
    if (!split) out.push_back(t);
  }
  return out;
}

std::vector<AnalyzedToken> EntityExtractor::cut_conjunction_before_unknown_words(std::u16string_view text,
                                                                                   const std::vector<AnalyzedToken>& tokens,
                                                                                   std::deque<AnalyzedText>& parts) const {
  // Measured on the training articles' gold: of the names written right after an uncut و whose
  // word is unknown with and without it, 163 left the و out and 14 began with it.
  constexpr std::size_t kMinRest = 3;
  std::vector<AnalyzedToken> out;
  out.reserve(tokens.size());
  const Lexicon& lexicon = analyzer_.lexicon();
  for (const AnalyzedToken& t : tokens) {
    const Term n = t.term(MatchLevel::Normalized);
    if (t.token.kind != TokenKind::Word || t.name_span.start != t.token.span.start || n.size() < kMinRest + 1 ||
        n[0] != u'و' || lexicon.knows(n) || lexicon.knows(n.substr(1)) || name_words_.contains(n)) {
      out.push_back(t);
      continue;
    }
    const Term original = text.substr(t.token.span.start, t.token.span.length());
    const AnalyzedText& whole = parts.emplace_back(analyzer_.analyze(original));
    const std::size_t cut_in_norm = whole.tokens.size() == 1 ? whole.tokens[0].token.norm_begin + 1 : 0;
    const uint32_t cut = cut_in_norm > 0 && cut_in_norm < whole.normalized.origin.size() ? whole.normalized.origin[cut_in_norm].start : 0;
    const AnalyzedText* rest = cut > 0 && cut < original.size() ? &parts.emplace_back(analyzer_.analyze(original.substr(cut))) : nullptr;
    if (rest == nullptr || rest->tokens.size() != 1) {
      out.push_back(t);
      continue;
    }
    // The word keeps its span (the و is its particle); the name starts after the و.
    AnalyzedToken word = rest->tokens[0];
    word.name_span = Span{word.name_span.start + t.token.span.start + cut, word.name_span.end + t.token.span.start + cut};
    word.token.span = t.token.span;
    out.push_back(word);
  }
  return out;
}

void EntityExtractor::link_short_mentions(const ExtractionContext& ctx, std::vector<EntityCandidate>& accepted) const {
  // Family name → the full name it abbreviates, from multi-word persons already found.
  std::unordered_map<Term, const EntityCandidate*, TermHash> by_last_word;
  for (const EntityCandidate& c : accepted) {
    // After بن the last word is a father's name (محمد بن سلمان بن عبدالعزيز), not a family name.
    if (c.type == EntityType::Person && c.last - c.first >= 2 && !rules_.is_filial_link(ctx.word(c.last - 2))) {
      by_last_word.emplace(ctx.word(c.last - 1), &c);
    }
  }
  if (by_last_word.empty()) return;
  // A one-word person the tagger found (no list knows it) is the short mention of a full name.
  for (EntityCandidate& c : accepted) {
    if (c.type != EntityType::Person || c.last - c.first != 1 || !c.label_en.empty()) continue;
    const auto it = by_last_word.find(ctx.word(c.first));
    if (it == by_last_word.end() || it->second->first > c.first) continue;
    c.canonical = it->second->canonical;
    c.label_en = it->second->label_en;
  }
  std::vector<bool> covered(ctx.size(), false);
  for (const EntityCandidate& c : accepted) std::fill(covered.begin() + c.first, covered.begin() + c.last, true);
  std::vector<EntityCandidate> linked;
  for (std::size_t i = 0; i < ctx.size(); ++i) {
    if (covered[i] || ctx.tokens[i].token.kind != TokenKind::Word) continue;
    const auto it = by_last_word.find(ctx.word(i));
    if (it == by_last_word.end() || it->second->first > i) continue;
    EntityCandidate c = *it->second;
    c.first = i;
    c.last = i + 1;
    linked.push_back(c);
  }
  accepted.insert(accepted.end(), linked.begin(), linked.end());
}

namespace {

// Longest first, then by priority, then leftmost; keeps what doesn't overlap.
std::vector<EntityCandidate> non_overlapping(std::vector<EntityCandidate> candidates, std::size_t token_count) {
  std::stable_sort(candidates.begin(), candidates.end(), [](const EntityCandidate& a, const EntityCandidate& b) {
    const std::size_t la = a.last - a.first, lb = b.last - b.first;
    if (la != lb) return la > lb;
    if (a.priority != b.priority) return a.priority > b.priority;
    return a.first < b.first;
  });
  std::vector<bool> covered(token_count, false);
  std::vector<EntityCandidate> accepted;
  for (EntityCandidate& c : candidates) {
    bool free = true;
    for (std::size_t k = c.first; k < c.last && free; ++k) free = !covered[k];
    if (!free) continue;
    std::fill(covered.begin() + c.first, covered.begin() + c.last, true);
    accepted.push_back(std::move(c));
  }
  return accepted;
}

// The priority of a candidate that is a name the lists know (gazetteer, CLDR).
constexpr int kListNamePriority = 5;
// The priority of a name the sequence tagger found.
constexpr int kTaggedPriority = 10;

// Only spaces between two words, on one line: stricter than ExtractionContext::joined, which lets
// a line break through, where names listed one per line must stay apart.
bool only_spaces(std::u16string_view gap) {
  for (const char16_t c : gap) {
    if (c != u' ' && c != u'\u00A0') return false;
  }
  return true;
}

bool tagged_type(EntityType t) {
  return t == EntityType::Person || t == EntityType::Location || t == EntityType::Organization;
}

// Whether a person's or a place's name may not run on into token i (SequenceTagger::tag): its
// proclitic was cut and is و (names in a list), or a preposition ب ل ك. A lone ف is left out: it
// is rarely cut off a name's second word by meaning (فـ "so" comes before verbs), and a foreign
// given or family name often begins with it (فرانك فالتر شتاينماير: فالتر is cut as ف + التر).
bool name_stops_before(const ExtractionContext& ctx, std::size_t i) {
  if (!ctx.has_particle(i)) return false;
  const Span& t = ctx.tokens[i].token.span;
  const std::size_t particle = ctx.tokens[i].name_span.start - t.start;
  return !(particle == 1 && ctx.text[t.start] == u'ف');
}

// The name of God, with any proclitic (الله، والله، لله، بالله): in news it is a formula (بفضل
// الله، حفظه الله), never a person the article is about; the fixture's rules leave it out too.
bool is_divine_name(const ExtractionContext& ctx, std::size_t i) {
  const Term w = ctx.normalized(i);
  return w == u"الله" || w == u"والله" || w == u"لله" || w == u"بالله" || w == u"فالله" || w == u"ولله";
}

// Token i has the article and follows a definite word with nothing but spaces between: the place
// of an adjective agreeing with that noun (الأسر السعودية، العمل العربي).
bool agrees_with_definite_noun_before(const ExtractionContext& ctx, std::size_t i) {
  return i > 0 && ctx.joined[i - 1] && !ctx.has_particle(i) && ctx.has_article(i) && ctx.has_article(i - 1);
}

// A country name written as the adjective of the definite noun just before it: الأسر السعودية،
// سوق الأسهم السعودية (the feminine nisba and the country are one word only for السعودية). On the
// training articles, an ال…ية country-or-nisba word right after a definite word was a location
// of its own 3 times in 461; the rest were adjectives or inside an organization's name.
bool adjective_of_previous_noun(const ExtractionContext& ctx, std::size_t i) {
  if (!agrees_with_definite_noun_before(ctx, i)) return false;
  const Span& t = ctx.tokens[i].token.span;
  const std::u16string_view w = ctx.text.substr(t.start, t.length());
  return w.size() > 4 && w[w.size() - 2] == u'ي' && (w.back() == u'ة' || w.back() == u'ه');
}

}  // namespace

EntityExtractor::RuleOutcome EntityExtractor::apply_rules(const ExtractionContext& ctx) const {
  const std::size_t n = ctx.size();
  const auto term_at = [&](std::size_t i) { return ctx.word(i); };
  const auto joined = [&](std::size_t i) { return ctx.joined[i]; };

  RuleOutcome out;
  out.known.assign(n, {0, nullptr});
  out.gentilic.assign(n, false);
  out.turned_down.assign(n, -1);
  std::vector<EntityCandidate> candidates;
  std::vector<bool>& gentilic = out.gentilic;
  std::vector<bool> person(n, false);
  std::vector<std::size_t> known(n, 0);  // tokens of the name a list knows starting here
  for (std::size_t i = 0; i < n; ++i) {
    if (ctx.tokens[i].token.kind != TokenKind::Word) continue;
    auto [len, name] = names_.longest_match(i, n, term_at, joined);
    if (!len) continue;
    if (name->needs_article && !ctx.has_article(i)) continue;  // بحله is not الحلة
    // (Structured bindings cannot be captured by a lambda in clang 14, hence the copies.)
    const bool one_word_name = len == 1 && name->type != EntityType::Nationality;
    const int8_t name_type = static_cast<int8_t>(name->type);
    if (article_changes_the_word(ctx, i, name->type, name->needs_article)) {
      if (one_word_name) out.turned_down[i] = name_type;
      continue;
    }
    // A place written as a month or weekday (إب and آب fold alike) is the date; the place is
    // found after a cue (محافظة إب) by the rules.
    if (one_word_name && calendar_words_.contains(ctx.word(i))) {
      out.turned_down[i] = name_type;
      continue;
    }
    if (name->type == EntityType::Nationality) gentilic[i] = true;
    if (!name->emitted) continue;
    known[i] = len;
    out.known[i] = {len, name};
    person[i] = name->type == EntityType::Person;
    if (len == 1 && name->type == EntityType::Location && i > 0 && ctx.joined[i - 1] && !ctx.has_particle(i) &&
        indefinite_accusative(ctx, i - 1)) {
      if (const auto [glen, nationality] = accusative_gentilics_.longest_match(i, n, term_at, joined); glen == 1) {
        name = nationality;
        gentilic[i] = true;
      }
    }
    candidates.push_back(EntityCandidate{i, i + len, name->type, name->canonical, name->label_en, name->country, "",
                                         name->type == EntityType::Nationality ? 2 : kListNamePriority});
  }
  dates_.recognize(ctx, candidates);
  const TokenFacts facts{[&](std::size_t i) { return gentilic[i]; }, [&](std::size_t i) { return known[i] > 0; },
                         [&](std::size_t i) { return person[i]; }, [&](std::size_t i) { return known[i]; },
                         [&](std::size_t i) { return calendar_words_.contains(ctx.word(i)); }};
  rules_.recognize(ctx, facts, candidates);
  // A counted noun is an ordinary word: not a name, a gentilic (21 مصريا is 21 + a nationality)
  // or a function word.
  const auto may_be_noun = [&](std::size_t i) {
    return ctx.tokens[i].token.kind == TokenKind::Word && known[i] == 0 && !gentilic[i] && !rules_.is_name_stop(ctx.word(i));
  };
  numbers_.recognize(ctx, may_be_noun, candidates);
  out.accepted = non_overlapping(std::move(candidates), n);
  out.accepted_at.assign(n, -1);
  for (std::size_t c = 0; c < out.accepted.size(); ++c) {
    for (std::size_t k = out.accepted[c].first; k < out.accepted[c].last; ++k) out.accepted_at[k] = static_cast<int32_t>(c);
  }
  return out;
}

std::vector<TokenEvidence> EntityExtractor::cue_clues(const ExtractionContext& ctx) const {
  std::vector<TokenEvidence> evidence(ctx.size());
  rules_.mark_clues(ctx, evidence);
  return evidence;
}

TokenFeatureRows EntityExtractor::features(const ExtractionContext& ctx, const RuleOutcome& rules,
                                           std::vector<TokenEvidence> evidence) const {
  const std::size_t n = ctx.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (rules.gentilic[i]) evidence[i].clues_begin |= kClueGentilic;
    const auto [len, name] = rules.known[i];
    for (std::size_t k = i; k < i + len && k < n; ++k) {
      if (evidence[k].known_type >= 0) continue;  // inside an earlier (longer) name
      evidence[k].known_type = static_cast<int8_t>(name->type);
      evidence[k].known_begin = k == i;
      evidence[k].known_subtype = name->subtype;
    }
  }
  std::unordered_map<Term, uint8_t, TermHash> types_of_word;
  for (const EntityCandidate& c : rules.accepted) {
    for (std::size_t k = c.first; k < c.last; ++k) {
      evidence[k].rule_type = static_cast<int8_t>(c.type);
      evidence[k].rule_begin = k == c.first;
      types_of_word[ctx.word(k)] |= static_cast<uint8_t>(1u << static_cast<unsigned>(c.type));
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (ctx.tokens[i].token.kind != TokenKind::Word) continue;
    if (const auto it = types_of_word.find(ctx.word(i)); it != types_of_word.end()) evidence[i].document_rule_types = it->second;
  }
  return token_features(ctx, evidence, analyzer_.lexicon(), WordClusters::embedded());
}

std::vector<EntityCandidate> EntityExtractor::with_tagged_names(const ExtractionContext& ctx, const RuleOutcome& rules) const {
  std::vector<EntityCandidate> candidates;
  for (const EntityCandidate& c : rules.accepted) {
    if (!tagged_type(c.type)) candidates.push_back(c);
  }
  std::vector<bool> after_particle(ctx.size());
  for (std::size_t i = 0; i < ctx.size(); ++i) after_particle[i] = name_stops_before(ctx, i);
  const std::vector<TokenEvidence> cues = cue_clues(ctx);  // for the features and for the rules that stand
  for (TaggedSpan s : spans_from_tags(tagger_.tag(features(ctx, rules, cues), after_particle))) {
    // A person's name never ends in an indefinite accusative that no list names (شكري قائلا،
    // مضيفا): the rules' own test for a name word.
    while (s.type == EntityType::Person && s.last - s.first > 1 && indefinite_accusative(ctx, s.last - 1) &&
           !name_words_.contains(ctx.normalized(s.last - 1)) && !rules_.is_given_name(ctx.word(s.last - 1))) {
      --s.last;
    }
    // A word the rules turned down as a listed name is not that name for the tagger either,
    // unless the rules found it themselves (محافظة إب: the city after its cue).
    const auto rules_took = [&](EntityType type) {
      const EntityCandidate* r = rules.accepted_covering(s.first);
      return r && r->first == s.first && r->last == s.last && r->type == type;
    };
    if (s.last - s.first == 1 && rules.turned_down[s.first] == static_cast<int8_t>(s.type) && !rules_took(s.type)) continue;
    if (s.last - s.first == 1 && s.type == EntityType::Person && is_divine_name(ctx, s.first)) continue;
    if (s.last - s.first == 1 && s.type == EntityType::Location && adjective_of_previous_noun(ctx, s.first)) continue;
    // The rules read a country's name as a nationality by grammar (an accusative after an
    // indefinite accusative noun: وفدا عسكريا ليبيا): the tagger's place gives way.
    if (s.last - s.first == 1 && s.type == EntityType::Location && rules_took(EntityType::Nationality)) continue;
    EntityCandidate c{s.first, s.last, s.type, "", "", "", "", kTaggedPriority};
    // A span that is exactly a name the lists know takes its canonical form and English label.
    const auto [len, name] = rules.known[s.first];
    if (name && len == s.last - s.first && name->type == s.type) {
      c.canonical = name->canonical;
      c.label_en = name->label_en;
      c.country = name->country;
    }
    candidates.push_back(std::move(c));
  }
  let_sure_rules_stand(ctx, rules, cues, candidates);
  // A dateline (صبيا 25 شوال 1436 هـ …, the agencies' first line) names the place the news comes
  // from: one or two words that open the text, right before a day and a month. Every one of the
  // 64 training articles that open so has the place annotated there.
  if (const std::size_t words = dateline_place_words(ctx); words > 0) {
    candidates.erase(std::remove_if(candidates.begin(), candidates.end(), [&](const EntityCandidate& c) { return c.first < words; }),
                     candidates.end());
    candidates.push_back(EntityCandidate{0, words, EntityType::Location, "", "", "", "", 20});
  }
  std::vector<EntityCandidate> accepted = non_overlapping(std::move(candidates), ctx.size());
  // Where the tagger found nothing, a name the lists know (gazetteer, CLDR) still counts: the
  // training articles are Saudi news, and the lists hold the Maghreb's and Africa's names too.
  std::vector<bool> covered(ctx.size(), false);
  for (const EntityCandidate& c : accepted) std::fill(covered.begin() + c.first, covered.begin() + c.last, true);
  for (const EntityCandidate& c : rules.accepted) {
    if (!tagged_type(c.type) || c.priority != kListNamePriority) continue;
    if (c.last - c.first == 1 && c.type == EntityType::Location && adjective_of_previous_noun(ctx, c.first)) continue;
    bool free = true;
    for (std::size_t k = c.first; k < c.last && free; ++k) free = !covered[k];
    if (free) accepted.push_back(c);
  }
  return accepted;
}

void EntityExtractor::let_sure_rules_stand(const ExtractionContext& ctx, const RuleOutcome& rules,
                                           const std::vector<TokenEvidence>& clues,
                                           std::vector<EntityCandidate>& candidates) const {
  const std::size_t n = ctx.size();
  const auto tagged = [](const EntityCandidate& c) { return c.priority == kTaggedPriority; };
  // The tagger's candidates do not overlap one another: each token is in at most one.
  std::vector<int32_t> tagged_at(n, -1);
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    if (!tagged(candidates[c])) continue;
    for (std::size_t k = candidates[c].first; k < candidates[c].last; ++k) tagged_at[k] = static_cast<int32_t>(c);
  }
  std::vector<bool> dropped(candidates.size(), false);
  std::vector<EntityCandidate> added;
  // Two persons side by side with nothing but a space between are one name the tagger cut in
  // two (دييجو | مارادونا): a list of names has a و or a comma between its names.
  for (std::size_t k = 1; k < n; ++k) {
    const int32_t a = tagged_at[k - 1], b = tagged_at[k];
    if (a < 0 || b < 0 || a == b || dropped[static_cast<std::size_t>(a)]) continue;
    EntityCandidate& x = candidates[static_cast<std::size_t>(a)];
    const EntityCandidate& y = candidates[static_cast<std::size_t>(b)];
    if (x.type != EntityType::Person || y.type != EntityType::Person || x.last != k || y.first != k) continue;
    if (ctx.has_particle(k) || !only_spaces(ctx.gap(k - 1))) continue;
    x.last = y.last;
    dropped[static_cast<std::size_t>(b)] = true;
    for (std::size_t j = y.first; j < y.last; ++j) tagged_at[j] = a;
  }
  // A genealogy the rules built (X بن Y بن Z آل W): its links leave no doubt where the name starts
  // and ends, where the tagger may drop a first name that is also a word (مطلق) or run on into
  // the word after (… آل عمران افتتاح).
  for (const EntityCandidate& r : rules.accepted) {
    if (r.type != EntityType::Person || r.last - r.first < 3) continue;
    bool genealogy = false;
    for (std::size_t k = r.first + 1; k + 1 < r.last && !genealogy; ++k) genealogy = rules_.is_filial_link(ctx.word(k));
    if (!genealogy) continue;
    // A hospital or a university named after the person keeps the name inside it.
    bool inside_other = false;
    for (std::size_t k = r.first; k < r.last && !inside_other; ++k) {
      inside_other = tagged_at[k] >= 0 && candidates[static_cast<std::size_t>(tagged_at[k])].type != EntityType::Person;
    }
    if (inside_other) continue;
    for (std::size_t k = r.first; k < r.last; ++k) {
      if (tagged_at[k] >= 0) dropped[static_cast<std::size_t>(tagged_at[k])] = true;
    }
    EntityCandidate name = r;
    // The family name after the chain (عبدالله بن عبدالعزيز الربيعة) where the rules stopped at a
    // word they know otherwise: the tagger's person ran on over exactly that one word, with its
    // article and no particle.
    const int32_t at_end = tagged_at[r.last - 1];
    if (at_end >= 0 && r.last < n && candidates[static_cast<std::size_t>(at_end)].last == r.last + 1 &&
        candidates[static_cast<std::size_t>(at_end)].type == EntityType::Person && ctx.has_article(r.last) &&
        !ctx.has_particle(r.last)) {
      name.last = r.last + 1;
      name.canonical.clear();
      name.label_en.clear();
    }
    added.push_back(name);
  }
  const auto has_clue = [&](std::size_t k, uint32_t clue) { return ((clues[k].clues_begin | clues[k].clues_inside) & clue) != 0; };
  // After a media head (صحيفة، قناة) the rules take only a name, never a verb or an adjective
  // (صحيفة تغطي الحدث): a one-word organization there that the rules did not take is dropped.
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    const EntityCandidate& x = candidates[c];
    if (!tagged(x) || x.type != EntityType::Organization || x.last - x.first != 1 || x.first == 0) continue;
    if (!has_clue(x.first - 1, kClueMediaHead)) continue;
    const EntityCandidate* r = rules.accepted_covering(x.first);
    if (!r || r->type != EntityType::Organization) dropped[c] = true;
  }
  // A title is never part of a person's name, nor a person alone (الأمير، أمير دولة الكويت): the
  // fixture's first rule, and the rules' own reading of every title they know.
  const auto title = [&](std::size_t k) { return has_clue(k, kCluePersonTitle); };
  // A nisba agreeing with the definite noun before it (العمل العربي المشترك) is its adjective, no
  // person; after a given name (نبيل العربي) it is a family name.
  const auto adjective_nisba = [&](std::size_t k) {
    return agrees_with_definite_noun_before(ctx, k) && (rules.gentilic[k] || (clues[k].clues_begin & kClueGentilic));
  };
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    EntityCandidate& x = candidates[c];
    // A place's generic head in construct stays outside its name (منطقة آسيا، قرية النصر → آسيا،
    // النصر); a head with the article names the place with its adjective (المنطقة الشرقية).
    if (!dropped[c] && tagged(x) && x.type == EntityType::Location && x.last - x.first > 1 &&
        rules_.is_head_outside(ctx.word(x.first)) && !ctx.has_article(x.first) && !ctx.has_particle(x.first)) {
      ++x.first;
    }
    // A medium is named without its head (the fixture's rule): قناة سكاي نيوز → سكاي نيوز.
    if (!dropped[c] && tagged(x) && x.type == EntityType::Organization) {
      std::size_t first = x.first;
      while (first < x.last && has_clue(first, kClueMediaHead)) ++first;
      if (first < x.last) x.first = first;
    }
    if (dropped[c] || !tagged(x) || x.type != EntityType::Person) continue;
    // One word in the indefinite accusative that the lexicon knows without its alif (فرعا جديدا)
    // is a noun, not a name.
    if (x.last - x.first == 1 && indefinite_accusative(ctx, x.first) && !rules_.is_given_name(ctx.word(x.first)) &&
        !name_words_.contains(ctx.normalized(x.first))) {
      const Term w = ctx.normalized(x.first);
      if (analyzer_.lexicon().knows(w.substr(0, w.size() - 1))) {
        dropped[c] = true;
        continue;
      }
    }
    while (x.first < x.last && title(x.first)) ++x.first;
    while (x.last > x.first && title(x.last - 1)) --x.last;
    // The preposition على, written with ى, opens no name (على الخامنئي): the normalizer folds it
    // into the given name علي.
    if (x.last - x.first > 1 && ctx.word(x.first) == u"علي" && ctx.text[ctx.tokens[x.first].token.span.end - 1] == u'ى') ++x.first;
    // Nor does a name open with a word the article makes a common one (السابق بن برنانكي، الشابين
    // همام الجريد), unless it is a given name (الحسن بن علي) or a name a list knows.
    if (x.last - x.first > 1 && ctx.has_article(x.first) && !rules_.is_given_name(ctx.word(x.first)) &&
        rules.known[x.first].first == 0 && analyzer_.lexicon().knows(ctx.word(x.first))) {
      ++x.first;
    }
    if (x.first == x.last || (x.last - x.first == 1 && adjective_nisba(x.first))) dropped[c] = true;
  }
  std::size_t kept = 0;
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    if (dropped[c]) continue;
    if (kept != c) candidates[kept] = std::move(candidates[c]);  // never onto itself: that empties its strings
    ++kept;
  }
  candidates.resize(kept);
  candidates.insert(candidates.end(), added.begin(), added.end());
}

std::size_t EntityExtractor::dateline_place_words(const ExtractionContext& ctx) const {
  // place, day, month, year: the year is what tells a dateline from a sentence (قال المتحدث 25 شوال).
  for (std::size_t k = 1; k <= 2 && k + 2 < ctx.size(); ++k) {
    bool words = true;
    for (std::size_t i = 0; i < k && words; ++i) words = ctx.tokens[i].token.kind == TokenKind::Word && ctx.joined[i];
    if (!words || !ctx.is_number(k) || !ctx.joined[k] || !calendar_words_.contains(ctx.word(k + 1)) || !ctx.joined[k + 1] ||
        !ctx.is_number(k + 2)) {
      continue;
    }
    // Only the text's own opening: nothing but spaces before the first word.
    for (uint32_t c = 0; c < ctx.tokens[0].token.span.start; ++c) {
      if (ctx.text[c] != u' ' && ctx.text[c] != u'\n' && ctx.text[c] != u'\r' && ctx.text[c] != u'\t') return 0;
    }
    return k;
  }
  return 0;
}

TaggerInput EntityExtractor::tagger_input(std::u16string_view text, const AnalyzedText& analyzed) const {
  std::deque<AnalyzedText> parts;
  const std::vector<AnalyzedToken> tokens =
      cut_conjunction_before_unknown_words(text, split_glued_names(text, analyzed.tokens, parts), parts);
  const ExtractionContext ctx(text, tokens);
  TaggerInput input;
  for (const AnalyzedToken& t : tokens) input.spans.push_back(Span{t.name_span.start, t.token.span.end});
  for (std::size_t i = 0; i < ctx.size(); ++i) input.after_particle.push_back(name_stops_before(ctx, i));
  input.features = features(ctx, apply_rules(ctx), cue_clues(ctx));
  return input;
}

std::vector<Entity> EntityExtractor::extract(std::u16string_view text, const AnalyzedText& analyzed) const {
  std::deque<AnalyzedText> parts;  // analyses of the halves of glued words, which tokens point into
  const std::vector<AnalyzedToken> tokens =
      cut_conjunction_before_unknown_words(text, split_glued_names(text, analyzed.tokens, parts), parts);
  const ExtractionContext ctx(text, tokens);
  RuleOutcome rules = apply_rules(ctx);
  std::vector<EntityCandidate> accepted = tagger_.empty() ? std::move(rules.accepted) : with_tagged_names(ctx, rules);
  for (EntityCandidate& c : accepted) {
    if (c.canonical.empty() && c.type != EntityType::Date && c.type != EntityType::Number) {
      const Span s{ctx.tokens[c.first].name_span.start, ctx.tokens[c.last - 1].token.span.end};
      // The name as written, less any bidi control inside it: one name is one canonical form,
      // and a canonical form is shown as a label, where an override would reorder the page.
      c.canonical = utf16_to_utf8(without_bidi_controls(text.substr(s.start, s.length())));
    }
  }
  link_short_mentions(ctx, accepted);
  std::sort(accepted.begin(), accepted.end(),
            [](const EntityCandidate& a, const EntityCandidate& b) { return a.first < b.first; });

  std::vector<Entity> entities;
  entities.reserve(accepted.size());
  uint32_t previous_end = 0;
  for (const EntityCandidate& c : accepted) {
    Entity e;
    e.type = c.type;
    e.span = Span{ctx.tokens[c.first].name_span.start, ctx.tokens[c.last - 1].token.span.end};
    // The words one character expands to under NFKC (℀ → a/c) share its span: two of them
    // tagged apart would be two entities on the same text (found by the analyzer fuzzer).
    if (e.span.start < previous_end) continue;
    previous_end = e.span.end;
    e.text = utf16_to_utf8(text.substr(e.span.start, e.span.length()));
    e.canonical = !c.canonical.empty() ? c.canonical
                  : !c.value.empty()   ? c.value
                                       : utf16_to_utf8(without_bidi_controls(text.substr(e.span.start, e.span.length())));
    e.label_en = c.label_en;
    e.country = c.country;
    e.value = c.value;
    entities.push_back(std::move(e));
  }
  return entities;
}

}  // namespace mirsad
