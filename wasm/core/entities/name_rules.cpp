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
      titles_.add(terms, Title{cue.value.find("given_name_alone") != std::string::npos});
      for (const auto& t : terms) cue_words_.insert(t);
    } else if (cue.kind == "org_head") {
      org_heads_.add(terms, OrgHead{cue.value.find("weak") != std::string::npos,
                                    cue.value.find("adjectival") != std::string::npos,
                                    cue.value.find("media") != std::string::npos,
                                    cue.value.find("portfolios") != std::string::npos});
      for (const auto& t : terms) cue_words_.insert(t);
    } else if (cue.kind == "org_modifier" && terms.size() == 1) {
      org_modifiers_.insert(terms[0]);
    } else if (cue.kind == "loc_cue") {
      location_cues[terms] = location_cues[terms] || starts_with_article(cue.phrase);
      for (const auto& t : terms) cue_words_.insert(t);
      if (cue.value != "named" && terms.size() == 1) heads_outside_.insert(terms[0]);
    } else if (cue.kind == "person_link" && terms.size() == 1) {
      links_.insert(terms[0]);
      if (cue.value == "filial") filial_links_.insert(terms[0]);
      else if (cue.value == "family") family_links_.insert(terms[0]);
      else opening_links_.insert(terms[0]);
    } else if (cue.kind == "name_stop" && terms.size() == 1) {
      stops_.insert(terms[0]);
      if (cue.value == "speech") speech_verbs_.insert(terms[0]);
    }
  }
  for (const auto& [terms, definite] : location_cues) loc_cues_.add(terms, LocationCue{definite});
  for (const char* word : {"في", "مع", "على", "إلى", "من", "عن", "حول", "ضد"}) {
    const auto terms = word_terms(analyzer, word);
    if (terms.size() == 1) prepositions_.insert(terms[0]);
  }
  for (const std::string& word : resources.stopwords) {
    const auto terms = word_terms(analyzer, word);
    if (terms.size() == 1) stops_.insert(terms[0]);
  }
}

bool NameRules::name_like(const ExtractionContext& ctx, std::size_t k, std::size_t position, bool chained) const {
  const Term w = ctx.word(k);
  if (given_names_.contains(w)) return true;
  if (w.empty() || w.back() == u'ا') return false;  // accusative: قائلا، مضيفا follow names
  // The first two words of a name may be any name the lexicon does not know (آسيمي غويتا) or a
  // nisba (الجبوري، شكري); later words only extend it if they look like names themselves
  // (عمر يوسف الطيب, not عمر يوسف الطيب سيتوجه). A genealogy (بن … بن …) is a name by its form:
  // the family or nisba closing it may come at any place (مقرب بن سعد بن علي الثنيان، … زريعي).
  if (w.back() == u'ي' && (position < 3 || chained || ctx.has_article(k))) return true;
  // A given name followed by a definite word is a name with its family, whatever the lexicon
  // makes of the word (سلطان السليمان، محمد القرناس).
  if (position == 1 && k > 0 && ctx.has_article(k) && given_names_.contains(ctx.word(k - 1))) return true;
  // The family closing a genealogy (البار، الربيعة), once: الربيعة الشكر is the name and a noun.
  if (chained && ctx.has_article(k) && !ctx.has_article(k - 1)) return true;
  return position < 2 && !lexicon_.knows(w);
}

bool NameRules::opens_genealogy(const ExtractionContext& ctx, const TokenFacts& facts, std::size_t i) const {
  if (i + 2 >= ctx.size() || !ctx.joined[i] || !ctx.joined[i + 1]) return false;
  const Term link = ctx.word(i + 1);
  if (!filial_links_.contains(link) || ctx.has_particle(i + 1)) return false;
  const Term w = ctx.word(i);
  if (stops_.contains(w) || cue_words_.contains(w) || links_.contains(w) || facts.is_gentilic(i)) return false;
  // ابن is also the noun "son" (قتل ابن عمه): only a word that is no ordinary noun names him.
  return link != u"ابن" || given_names_.contains(w) || !lexicon_.knows(w);
}

void NameRules::persons_from_given_names(const ExtractionContext& ctx, const TokenFacts& facts,
                                         std::vector<EntityCandidate>& out) const {
  const std::size_t n = ctx.size();
  for (std::size_t i = 0; i + 1 < n; ++i) {
    if (ctx.tokens[i].token.kind != TokenKind::Word || !ctx.joined[i]) continue;
    const Term w = ctx.word(i);
    // A name opens with a given name, a link that begins names (عبد، أبو، أم), or any word a
    // filial link follows (مقرب بن سعد). بن، بنت، آل never open one: بن محمد is a fragment.
    if (!given_names_.contains(w) && !opening_links_.contains(w) && !opens_genealogy(ctx, facts, i)) continue;
    // رمضان is a name and a month: before a definite adjective it is the month (رمضان المبارك).
    if (facts.is_calendar_word(i) && ctx.has_article(i + 1)) continue;
    // Only و/ف may come before a name here: لصالح is "in favour of", not ل + صالح.
    if (ctx.has_particle(i) && ctx.normalized(i)[0] != u'و' && ctx.normalized(i)[0] != u'ف') continue;
    // The normalizer folds ى to ي: على (on) must not read as the name علي (but مصطفى is مصطفى).
    const Span s = ctx.tokens[i].token.span;
    if (ctx.text[s.end - 1] == u'ى' && given_names_in_yeh_.contains(w)) continue;
    // Given names are written without the article: الشريف، السعيد are words (or family names).
    if (ctx.has_article(i)) continue;
    if (facts.is_known_name(i) && !facts.is_known_person(i)) continue;  // a listed name decides
    const std::size_t len = person_name_length(ctx, facts, i, false);
    if (len < 2 || (facts.is_known_name(i) && len <= facts.known_length(i))) continue;
    out.push_back(EntityCandidate{i, i + len, EntityType::Person, "", "", "", "", 1});
    i += len - 1;
  }
}

std::size_t NameRules::person_name_length(const ExtractionContext& ctx, const TokenFacts& facts, std::size_t i,
                                          bool after_title) const {
  std::size_t len = 0, parts = 0;
  bool chained = false;  // a بن/بنت/آل link seen: a genealogy, which runs longer than other names
  while (i + len < ctx.size() && len < kMaxChainTokens) {
    const std::size_t k = i + len;
    if (len > 0 && !ctx.joined[k - 1]) break;
    if (ctx.tokens[k].token.kind != TokenKind::Word || ctx.has_particle(k)) break;
    const Term w = ctx.word(k);
    const bool link = links_.contains(w), after_link = len > 0 && links_.contains(ctx.word(k - 1));
    // The stop list holds على, which the normalizer writes علي: after a link علي is the name.
    const bool ali = after_link && given_names_in_yeh_.contains(w) && ctx.text[ctx.tokens[k].token.span.end - 1] == u'ي';
    if ((stops_.contains(w) && !ali) || cue_words_.contains(w) || facts.is_gentilic(k)) break;
    if (facts.is_calendar_word(k) && len > 0) break;  // رمضان المبارك، الجمعة الماضية
    // A genealogy may end in a listed family name (عادل بن أحمد الجبير): it closes the name.
    if (len > 0 && chained && !after_link && !link && facts.is_known_person(k)) {
      len += facts.known_length(k);
      break;
    }
    if (len > 0 && facts.is_known_name(k) && !after_link && !link) break;  // بن علي is listed (Ben Ali) yet links here
    // Without a genealogy a name has at most four words (عبد الفتاح is one); with one, five
    // parts besides the links (عبدالله بن محمد بن سعد آل فلان القحطاني).
    if (!link && (chained ? parts >= kMaxChainParts : len >= kMaxNameTokens)) break;
    // After a title the first word may be any word when a name-like word follows it (العقيد
    // سليم بن عيسى: سليم is also an adjective), but not otherwise (الوزير المحافظات الأربع).
    // A word a filial link follows is a name by its place anywhere (مطلق بن سعد).
    const bool vouched = len == 0 && k + 1 < ctx.size() && ctx.joined[k] && !ctx.has_particle(k + 1) &&
                         (filial_links_.contains(ctx.word(k + 1)) ||
                          (after_title && (links_.contains(ctx.word(k + 1)) || name_like(ctx, k + 1, 1, false))));
    if (!link && !after_link && !vouched && !name_like(ctx, k, len, chained)) break;
    ++len;
    if (!link) ++parts;
    if (filial_links_.contains(w) || family_links_.contains(w)) chained = true;
    // A link (عبد، أبو، بن) needs the word it links to.
    if (link && (k + 1 >= ctx.size() || !ctx.joined[k])) { --len; break; }
  }
  while (len > 0 && links_.contains(ctx.word(i + len - 1))) --len;
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
      // محافظ صبيا حسن …: a listed place or body completes the title.
      if (facts.is_known_name(k) && !facts.is_known_person(k)) {
        k += facts.known_length(k);
        ++skipped;
        continue;
      }
      if (!(ctx.has_article(k) || ctx.has_particle(k) || org_heads_.contains_first(ctx.word(k)))) break;
      ++k;
      ++skipped;
    }
    if (k >= n || !ctx.joined[k - 1]) continue;
    // A listed name decides, unless it is a person the text names at greater length (الأمير محمد
    // بن سلمان بن عبدالعزيز: the list holds محمد بن سلمان).
    if (facts.is_known_name(k) && !facts.is_known_person(k)) continue;
    const std::size_t name = person_name_length(ctx, facts, k, true);
    if (facts.is_known_name(k) && name <= facts.known_length(k)) continue;
    // A single word after a title is as often a noun as a name (الوزير المنتدب); known single
    // names (السيسي، حفتر) come from the gazetteer instead. After a title of rank (الملك، الأمير،
    // الشيخ) a given name alone is the person (الملك سلمان).
    if (name < 2 && !(name == 1 && title->given_name_alone && given_names_.contains(ctx.word(k)))) continue;
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
    // Unquoted, only a head in construct names (صحيفة الغارديان): after القناة comes an adjective
    // or a verb (القناة الجديدة، القناة تنعكس), and a word the lexicon knows without the article
    // is a verb or a noun (صحيفة تغطي), not a name.
    if (ctx.has_article(k - 1)) return false;
    if (facts.is_known_name(k)) last = k + facts.known_length(k);  // صحيفة الشرق الأوسط
    else if (!ctx.has_article(k) && lexicon_.knows(ctx.word(k))) return false;
  }
  // Priority above a place: صحيفة الشرق الأوسط names the paper, not the region.
  out.push_back(EntityCandidate{k, last, EntityType::Organization, "", "", "", "", 6});
  return true;
}

std::size_t NameRules::person_of_rank_length(const ExtractionContext& ctx, const TokenFacts& facts, std::size_t k) const {
  const auto term_at = [&](std::size_t i) { return ctx.word(i); };
  const auto joined = [&](std::size_t i) { return ctx.joined[i]; };
  const auto [len, title] = titles_.longest_match(k, ctx.size(), term_at, joined);
  if (!len || !title->given_name_alone || k + len >= ctx.size() || !ctx.joined[k + len - 1]) return 0;
  const std::size_t p = k + len;
  std::size_t name = person_name_length(ctx, facts, p, true);
  if (facts.is_known_person(p)) name = std::max(name, facts.known_length(p));
  if (name == 0 || (name == 1 && !given_names_.contains(ctx.word(p)))) return 0;
  return len + name;
}

std::size_t NameRules::activity_complement_end(const ExtractionContext& ctx, const TokenFacts& facts, std::size_t k) const {
  // An official name goes on with what the body does, after ل: الشركة السعودية للكهرباء، مركز
  // الملك سلمان للإغاثة والأعمال الإنسانية، الاتحاد الدولي لكرة القدم. The ل word is definite (لل)
  // or an indefinite noun in construct with a definite one (لتنمية الشباب، لحقوق الإنسان).
  const std::size_t n = ctx.size();
  const auto plain_word = [&](std::size_t a) {
    return a < n && ctx.joined[a - 1] && ctx.tokens[a].token.kind == TokenKind::Word && !stops_.contains(ctx.word(a)) &&
           !cue_words_.contains(ctx.word(a)) && !facts.is_known_person(a);
  };
  // A purpose takes an object or a preposition after it (الدرك الوطني للقيام بدوريات، للتشاور مع):
  // then the ل word is the verb's, not the name's.
  const auto governs = [&](std::size_t a) {
    if (a >= n || !ctx.joined[a - 1] || ctx.tokens[a].token.kind != TokenKind::Word) return false;
    // بذلك keeps its ب in the analysis (ذلك is a function word): look at the letter itself.
    return ctx.normalized(a)[0] == u'ب' || prepositions_.contains(ctx.word(a));
  };
  std::size_t complements = 0;
  while (complements < 2 && plain_word(k) && ctx.has_particle(k) && ctx.normalized(k)[0] == u'ل') {
    const bool definite = ctx.has_article(k);
    if (!definite && !(plain_word(k + 1) && ctx.has_article(k + 1) && !ctx.has_particle(k + 1))) break;
    std::size_t end = k + 1;
    // Its own modifiers, and a second activity joined by و (والأعمال الإنسانية).
    for (std::size_t words = 0; words < 3 && plain_word(end) && ctx.has_article(end); ++words) {
      if (ctx.has_particle(end) && ctx.normalized(end)[0] != u'و') break;
      ++end;
    }
    if (governs(end)) break;
    k = end;
    ++complements;
  }
  return k;
}

// البلدية، العالي، الاجتماعية: a relative adjective, which describes the noun before it.
bool NameRules::nisba_adjective(const ExtractionContext& ctx, std::size_t k) const {
  const Term w = ctx.word(k);
  return w.size() > 3 && (w.back() == u'ي' || (w.back() == u'ه' && w[w.size() - 2] == u'ي'));
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
    // After a title it completes a role: وزير الخارجية المصري is a minister, not the ministry.
    if (head->adjectival && i > 0 && ctx.joined[i - 1] && cue_words_.contains(ctx.word(i - 1))) continue;
    // What makes the phrase a name rather than a description: a gentilic (الجيش الليبي), a known
    // name (حكومة الوفاق), an institutional adjective (المحكمة الدستورية العليا), or, for a strong
    // head in construct, its complement (مجلس النواب، وزارة الداخلية).
    bool named = false;
    bool expect_complement = true;  // the word after the head (or after a chain noun) is its complement
    std::size_t k = i + len, modifiers = 0, portfolios = 0;
    const bool construct = !ctx.has_article(i);
    while (k < n && ctx.joined[k - 1] && modifiers < kMaxModifiers) {
      if (ctx.tokens[k].token.kind != TokenKind::Word || stops_.contains(ctx.word(k))) break;
      // A ministry's portfolios joined by و are one name (وزارة الشؤون الإسلامية والأوقاف والدعوة
      // والإرشاد); elsewhere و opens a second phrase (والدرك، والسلطات).
      if (ctx.has_particle(k)) {
        // Only an adjective is joined (البلدية والقروية): a noun after و may be a second body
        // (وزارة الصحة والشئون الصحية بوزارة الحرس الوطني).
        if (!(head->portfolios && named && ctx.normalized(k)[0] == u'و' && ctx.has_article(k) && nisba_adjective(ctx, k) &&
              portfolios < 3)) {
          break;
        }
        ++portfolios;
        expect_complement = true;  // the portfolio may take its own adjective (والقروية، والتعليم العالي)
        ++k;
        continue;
      }
      // A body named after a person of rank: مركز الملك سلمان، جامعة الأمير سلطان.
      if (const std::size_t named_after = person_of_rank_length(ctx, facts, k); modifiers == 0 && named_after) {
        k += named_after;
        ++modifiers;
        named = true;
        break;
      }
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
      // A portfolio is a noun and its adjective: وزارة الشؤون البلدية، وزارة التعليم العالي.
      expect_complement = chain || (head->portfolios && modifiers == 0 && definite && !names && k + 1 < n &&
                                    ctx.has_article(k + 1) && !ctx.has_particle(k + 1) && nisba_adjective(ctx, k + 1));
      ++k;
      ++modifiers;
      if (known) break;  // a name closes the phrase: حكومة الثني, not حكومة الثني المجزرة
    }
    if (modifiers == 0 || !named) continue;  // الحكومة، القيادة السياسية، قوات الأمن
    k = activity_complement_end(ctx, facts, k);
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

void NameRules::persons_after_speech_verbs(const ExtractionContext& ctx, const TokenFacts& facts,
                                           std::vector<EntityCandidate>& out) const {
  // قال جان مارك دوفال: after a verb of saying, two or three words no list or lexicon knows are
  // the speaker's name, however foreign (a known word, a stop or a gentilic ends it).
  const std::size_t n = ctx.size();
  for (std::size_t i = 0; i + 2 < n; ++i) {
    if (!speech_verbs_.contains(ctx.word(i)) || !ctx.joined[i]) continue;
    std::size_t len = 0;
    for (std::size_t k = i + 1; k < n && len < 3 && ctx.joined[k - 1]; ++k, ++len) {
      const Term w = ctx.word(k);
      if (ctx.tokens[k].token.kind != TokenKind::Word || ctx.has_particle(k) || ctx.has_article(k)) break;
      if (stops_.contains(w) || cue_words_.contains(w) || facts.is_gentilic(k) || facts.is_known_name(k)) break;
      if (lexicon_.knows(w) && !given_names_.contains(w)) break;
      if (w.back() == u'ا' && w.size() > 3) break;  // accusative: قائلا، مضيفا
      // Plurals and pronoun-carrying nouns the lexicon missed (مختصون، إدانته), or و glued on.
      const auto ends = [&](std::u16string_view tail) { return w.size() > tail.size() + 2 && w.substr(w.size() - tail.size()) == tail; };
      if (w.front() == u'و' || ends(u"ون") || ends(u"ين") || ends(u"ته") || ends(u"ها")) break;
    }
    if (len < 2) continue;
    out.push_back(EntityCandidate{i + 1, i + 1 + len, EntityType::Person, "", "", "", "", 1});
    i += len;
  }
}

void NameRules::persons_in_byline(const ExtractionContext& ctx, const TokenFacts& facts,
                                  std::vector<EntityCandidate>& out) const {
  // A byline opens an article: «فلان الفلاني – صحيفة» or «فلان الفلاني، فلانة الفلانية\n». Each
  // name before the first line break or dash, between commas, is a reporter: two or three words
  // with nothing that makes them a phrase (no particle, stop, cue, gentilic or listed place).
  const std::size_t n = ctx.size();
  if (n == 0) return;
  for (uint32_t c = 0; c < ctx.tokens[0].token.span.start; ++c) {
    if (ctx.text[c] != u' ' && ctx.text[c] != u'\n' && ctx.text[c] != u'\r' && ctx.text[c] != u'\t') return;
  }
  const auto has = [](std::u16string_view gap, std::u16string_view chars) {
    return gap.find_first_of(chars) != std::u16string_view::npos;
  };
  std::size_t start = 0;
  for (std::size_t i = 0; i < n && i < 12; ++i) {
    const std::u16string_view gap = i + 1 < n ? ctx.gap(i) : std::u16string_view(u"\n");
    const bool line_ends = has(gap, u"\n-\u2013\u2014");
    if (!line_ends && !has(gap, u",\u060C")) {
      if (!ctx.joined[i]) return;  // other punctuation: not a byline
      continue;
    }
    const std::size_t len = i + 1 - start;
    // A name opens with a given name, never with the article (الأسبوع الماضي).
    bool name = len >= 2 && len <= 3 && !ctx.has_article(start);
    for (std::size_t k = start; k <= i && name; ++k) {
      const Term w = ctx.word(k);
      name = ctx.tokens[k].token.kind == TokenKind::Word && !ctx.has_particle(k) && !stops_.contains(w) &&
             !cue_words_.contains(w) && !facts.is_gentilic(k) && !(facts.is_known_name(k) && !facts.is_known_person(k)) &&
             !(w.size() > 4 && (w.substr(w.size() - 2) == u"ين" || w.substr(w.size() - 2) == u"ون"));  // كلا المدربين
    }
    if (name) out.push_back(EntityCandidate{start, i + 1, EntityType::Person, "", "", "", "", 1});
    if (line_ends) return;
    start = i + 1;
  }
}

void NameRules::recognize(const ExtractionContext& ctx, const TokenFacts& facts, std::vector<EntityCandidate>& out) const {
  persons_after_titles(ctx, facts, out);
  persons_from_given_names(ctx, facts, out);
  persons_after_speech_verbs(ctx, facts, out);
  persons_in_byline(ctx, facts, out);
  organizations_from_heads(ctx, facts, out);
  places_after_cues(ctx, facts, out);
}

}  // namespace mirsad
