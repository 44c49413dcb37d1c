#include "events/event_extractor.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>

#include "entities/extraction_context.hpp"
#include "entities/phrase_terms.hpp"
#include "events/event_dates.hpp"
#include "events/party_model.hpp"
#include "text/sentences.hpp"
#include "text/utf.hpp"

namespace mirsad {
namespace {

// How far from its trigger a word can still be the event's party, place or date, in tokens:
// Arabic news opens with the verb and its subject, then the object, the place and the day
// («التقى خادم الحرمين الشريفين الملك سلمان … في قصر السلام بجدة أمس، رئيس …»).
constexpr std::size_t kWindowBefore = 18;
constexpr std::size_t kWindowAfter = 28;
// Two triggers of one type this close in one sentence name one event (توقيع اتفاقية، عقد اجتماع ومباحثات).
constexpr std::size_t kSameEventTokens = 4;

struct FoundTrigger {
  std::size_t first, last;
  const TriggerWord* word;
  bool consumed = false;  // taken into an earlier trigger's event (وقع اتفاقية: the noun)
};

// A person or organization in a trigger's clause, and what stands before it.
struct NamedArgument {
  int entity;
  std::size_t first, last;  // tokens [first, last)
  bool blocked;             // after a preposition that makes it a modifier (من، عن، في، إلى، ل، على)
  bool with;                // after مع or بين: a party
  bool conj;                // written with و: joined to the name before it
};

bool is_party_type(EntityType t) {
  return t == EntityType::Person || t == EntityType::Organization || t == EntityType::Location;
}

// The proclitic letters written before an entity inside its token (بطرابلس → ب).
std::u16string_view proclitics_before(std::u16string_view text, const AnalyzedToken& token, const Entity& e) {
  if (e.span.start <= token.token.span.start || e.span.start > token.token.span.end) return {};
  return text.substr(token.token.span.start, e.span.start - token.token.span.start);
}

}  // namespace

EventExtractor::EventExtractor(const Analyzer& analyzer, const EventLexicon& lexicon, const CldrNames& cldr)
    : lexicon_(lexicon), party_model_(PartyModel::embedded()), with_word_(word_terms(analyzer, "مع").front()), that_word_(word_terms(analyzer, "أن").front()) {
  for (const CalendarName& d : cldr.weekdays) {
    const auto terms = word_terms(analyzer, d.arabic);
    if (terms.size() == 1) weekdays_.emplace_back(terms.front(), d.value);
  }
}

std::vector<Event> EventExtractor::extract(std::u16string_view text, const AnalyzedText& analyzed,
                                           const std::vector<Entity>& entities, std::string_view document_date,
                                           std::vector<PartyCandidate>* candidates_out) const {
  const std::vector<AnalyzedToken>& tokens = analyzed.tokens;
  const std::size_t n = tokens.size();
  std::vector<Event> events;
  // Beside each event: the sentence and the stem of its first trigger, for telling a retelling apart.
  struct FirstTold {
    std::size_t sentence;
    std::u16string stem;
  };
  std::vector<FirstTold> told;
  if (n == 0) return events;
  const ExtractionContext ctx(text, tokens);
  const std::optional<CivilDate> article_date = parse_iso_day(document_date);

  // Sentence of each token, and the token range of each sentence.
  const std::vector<uint32_t> starts = sentence_starts(text);
  std::vector<std::size_t> sentence(n);
  for (std::size_t i = 0, s = 0; i < n; ++i) {
    while (s + 1 < starts.size() && starts[s + 1] <= tokens[i].token.span.start) ++s;
    sentence[i] = s;
  }
  const auto sentence_span = [&](std::size_t s) {
    uint32_t end = s + 1 < starts.size() ? starts[s + 1] : static_cast<uint32_t>(text.size());
    while (end > starts[s] && (text[end - 1] == u' ' || text[end - 1] == u'\n' || text[end - 1] == u'\r' || text[end - 1] == u'\t')) --end;
    return Span{starts[s], end};
  };

  // The entity over each token (-1: none), and the first token of each entity.
  std::vector<int> entity_at(n, -1);
  std::vector<std::size_t> entity_first(entities.size(), n);
  {
    std::size_t t = 0;
    for (std::size_t k = 0; k < entities.size(); ++k) {
      const Span s = entities[k].span;
      while (t > 0 && tokens[t - 1].token.span.end > s.start) --t;
      while (t < n && tokens[t].token.span.end <= s.start) ++t;
      for (std::size_t i = t; i < n && tokens[i].token.span.start < s.end; ++i) {
        if (entity_at[i] < 0) entity_at[i] = static_cast<int>(k);
        if (entity_first[k] == n) entity_first[k] = i;
      }
    }
  }

  const auto word_at = [&](std::size_t i) { return ctx.word(i); };
  const auto stem_at = [&](std::size_t i) { return tokens[i].term(MatchLevel::Stem); };
  const auto joined = [&](std::size_t i) { return ctx.joined[i] && sentence[i] == sentence[i + 1]; };

  // The cue phrase starting at each token.
  std::vector<const EventCue*> cue(n, nullptr);
  for (std::size_t i = 0; i < n; ++i) cue[i] = lexicon_.cues().longest_match(i, n, word_at, joined).second;
  const auto cue_is = [&](std::size_t i, EventCueKind kind) { return i < n && cue[i] && cue[i]->kind == kind; };

  // A person's country, read from the gentilic of the title before the name (وزير الخارجية
  // الأمريكي جون كيري): what نظيره الأمريكي is resolved through.
  // How often each canonical name is mentioned in the document (the party model's Repeated).
  std::unordered_map<std::string_view, std::size_t> canonical_mentions;
  for (const Entity& e : entities) ++canonical_mentions[e.canonical];
  const auto mentions_of = [&](const std::string& canonical) {
    const auto it = canonical_mentions.find(canonical);
    return it == canonical_mentions.end() ? std::size_t{0} : it->second;
  };

  std::vector<std::string> person_country(entities.size());
  for (std::size_t k = 0; k < entities.size(); ++k) {
    if (entities[k].type != EntityType::Person || entity_first[k] == n) continue;
    const std::size_t first = entity_first[k];
    for (std::size_t back = 1; back <= 5 && back <= first; ++back) {
      const std::size_t i = first - back;
      if (sentence[i] != sentence[first]) break;
      const int e = entity_at[i];
      if (e >= 0 && entities[static_cast<std::size_t>(e)].type == EntityType::Nationality) {
        person_country[k] = entities[static_cast<std::size_t>(e)].canonical;
        break;
      }
      if (e >= 0 && entities[static_cast<std::size_t>(e)].type == EntityType::Person) break;
    }
  }

  // Triggers: verbs by their word, nouns by their stem; none inside a name (قمة in a place's name).
  std::vector<FoundTrigger> found;
  for (std::size_t i = 0; i < n;) {
    const int e = entity_at[i];
    if (e >= 0 && is_party_type(entities[static_cast<std::size_t>(e)].type)) { ++i; continue; }
    auto [len, word] = lexicon_.verbs().longest_match(i, n, word_at, joined);
    if (len && ctx.has_article(i) && !word->with_article) len = 0, word = nullptr;  // الهاتف is a noun, not هاتف
    auto [noun_len, noun] = lexicon_.nouns().longest_match(i, n, stem_at, joined);
    if (noun_len) {
      // The stem of a nisba adjective is its noun's (الاجتماعي → اجتماع): an adjective is no event.
      const Term w = word_at(i + noun_len - 1);
      const std::u16string& form = noun->last_word;
      const auto ends = [](Term t, std::u16string_view tail) { return t.size() >= tail.size() && t.substr(t.size() - tail.size()) == tail; };
      if (w.size() > form.size() && !ends(form, u"ي") && !lexicon_.listed_noun(w) && (ends(w, u"ي") || ends(w, u"يه") || ends(w, u"يين") || ends(w, u"يا"))) noun_len = 0;
    }
    if (noun_len > len) len = noun_len, word = noun;
    if (!len) { ++i; continue; }
    found.push_back({i, i + len, word});
    i += len;
  }

  for (std::size_t t = 0; t < found.size(); ++t) {
    FoundTrigger& trig = found[t];
    if (trig.consumed) continue;
    const TriggerWord& word = *trig.word;
    const std::size_t s = sentence[trig.first];
    // The clause around the trigger: its sentence, cut at a new clause (وقال، الذي) and at the window.
    std::size_t left = trig.first, right = trig.last;
    while (left > 0 && sentence[left - 1] == s && trig.first - (left - 1) <= kWindowBefore) {
      --left;
      if (cue_is(left, EventCueKind::ClauseBreak)) break;
    }
    while (right < n && sentence[right] == s && right - trig.last < kWindowAfter && !cue_is(right, EventCueKind::ClauseBreak)) ++right;

    Event event;
    event.type = word.type;
    event.trigger = {tokens[trig.first].name_span.start, tokens[trig.last - 1].token.span.end};
    event.sentence = sentence_span(s);

    // An agreement verb that needs its object (وقع اتفاقية): the noun joins this event.
    if (word.object) {
      bool has_object = false;
      for (std::size_t u = t + 1; u < found.size() && found[u].first < trig.last + kSameEventTokens; ++u) {
        if (found[u].word->type == EventType::Agreement && !found[u].word->verb) {
          found[u].consumed = true;
          event.mentions.push_back({tokens[found[u].first].name_span.start, tokens[found[u].last - 1].token.span.end});
          has_object = true;
          break;
        }
      }
      if (!has_object) continue;
    }
    if (word.with) {
      bool with = false;
      for (std::size_t i = trig.last; i < right && !with; ++i) with = word_at(i) == with_word_;
      if (!with) continue;
    }

    // Parties, place and date from the clause's entity mentions.
    const bool party_event = event.type == EventType::Meet || event.type == EventType::Agreement;
    struct Candidate {
      std::size_t first, last;
      const Entity* entity;
      PartyFeatures x{};
    };
    std::vector<Candidate> candidates;  // a meeting's or agreement's named mentions, for the party model
    const auto feature = [](PartyFeatures& x, PartyFeature f) { x[static_cast<std::size_t>(f)] = 1; };
    std::set<int> seen;
    std::vector<NamedArgument> named;  // the people and organizations of the clause, in order
    std::optional<std::size_t> place_distance;
    bool destination = false;  // a place after إلى / ل: what وصل and توجه need to be a visit
    const auto distance = [&](std::size_t i) { return i < trig.first ? trig.first - i : i - trig.last + 1; };
    // A place between an earlier trigger of the sentence and this one is that event's (زار الصين
    // وتركيا والتقى …: the countries visited, not parties to the meeting).
    const auto after_earlier_trigger = [&](std::size_t i) {
      return t > 0 && found[t - 1].last <= i && sentence[found[t - 1].first] == s;
    };
    const auto add_party = [&](const Entity& e, const std::string& role, Span span, bool resolved, EntityType type) {
      for (const EventParticipant& p : event.participants) if (p.canonical == e.canonical) return;
      event.participants.push_back({role, type, e.canonical, e.label_en, span, resolved});
    };
    for (std::size_t i = left; i < right; ++i) {
      if (i >= trig.first && i < trig.last) continue;
      // Stand-in words: نظيره الأمريكي → the American the document names; الوفد الليبي → Libya.
      if ((cue_is(i, EventCueKind::Counterpart) || cue_is(i, EventCueKind::PartyHead)) && i + 1 < n && entity_at[i + 1] >= 0 &&
          entities[static_cast<std::size_t>(entity_at[i + 1])].type == EntityType::Nationality) {
        const Entity& nationality = entities[static_cast<std::size_t>(entity_at[i + 1])];
        if (cue_is(i, EventCueKind::PartyHead)) {
          const char* role = event.type == EventType::Visit ? "visitor" : event.type == EventType::Attack ? "attacker" : "party";
          add_party(nationality, role, nationality.span, true, EntityType::Location);
        } else {
          // The person of that country the document names nearest before, else after.
          std::optional<std::size_t> best;
          std::size_t best_distance = 0;
          for (std::size_t k = 0; k < entities.size(); ++k) {
            if (person_country[k] != nationality.canonical || entity_first[k] == n) continue;
            const std::size_t d = entity_first[k] < i ? (i - entity_first[k]) : (entity_first[k] - i) * 4;
            if (!best || d < best_distance) best = k, best_distance = d;
          }
          if (best) add_party(entities[*best], "party", tokens[i].name_span, true, EntityType::Person);
        }
        seen.insert(entity_at[i + 1]);
        continue;
      }
      const int k = entity_at[i];
      if (k < 0 || seen.count(k)) continue;
      seen.insert(k);
      const Entity& e = entities[static_cast<std::size_t>(k)];
      const std::size_t first = entity_first[static_cast<std::size_t>(k)];
      if (e.type == EntityType::Date) {
        if (!event.date || distance(first) < distance(trig.first)) {
          // Only a day says when: a weekday, or a full date; a year or a month alone does not.
          int weekday = 0;
          for (std::size_t j = first; j < n && entity_at[j] == k; ++j) {
            for (const auto& [name, number] : weekdays_) if (word_at(j) == name) weekday = number;
          }
          if (weekday || e.value.size() == 10) {
            EventDate date{e.text, e.value.size() == 10 ? e.value : std::string(), e.span};
            if (weekday && e.value.size() != 10 && article_date) date.value = "weekday:" + std::to_string(weekday);
            if (!event.date) event.date = date;
          }
        }
        continue;
      }
      if (!is_party_type(e.type)) continue;
      // A name inside a title (الأمين العام لمجلس التعاون عبداللطيف الزياني، وزير خارجية مصر سامح
      // شكري) describes the person after it; it is not a party of its own.
      bool in_title = false;
      if (e.type != EntityType::Person) {
        // Up to four words on, over gentilics and places (مبعوث الأمم المتحدة إلى سوريا ستافان دي ميستورا).
        std::size_t after = first;
        while (after < n && entity_at[after] == k) ++after;
        for (std::size_t j = after; j < std::min(n, after + 4) && !in_title && sentence[j] == s; ++j) {
          if (j >= trig.first && j < trig.last) break;
          const int o = entity_at[j];
          in_title = o >= 0 && entities[static_cast<std::size_t>(o)].type == EntityType::Person;
          if (o >= 0 && !in_title && entities[static_cast<std::size_t>(o)].type == EntityType::Organization) break;
        }
      }
      std::size_t last = first;
      while (last < n && entity_at[last] == k) ++last;
      if (in_title) {
        if (party_event) {
          candidates.push_back({first, last, &e});
          feature(candidates.back().x, PartyFeature::InTitle);
        }
        continue;
      }
      // The preposition before the name, over a place noun (في مدينة سرت), in the word or before it.
      std::size_t head = first;
      std::u16string_view clitics = proclitics_before(text, tokens[first], e);
      if (head > 0 && cue_is(head - 1, EventCueKind::PlaceNoun) && entity_at[head - 1] < 0) {
        --head;
        const AnalyzedToken& noun = tokens[head];
        clitics = text.substr(noun.token.span.start, noun.name_span.start - noun.token.span.start);
      }
      const bool after_in = (head > 0 && cue_is(head - 1, EventCueKind::PlacePrep)) || clitics.find(u'ب') != std::u16string_view::npos;
      const bool after_to = (head > 0 && cue_is(head - 1, EventCueKind::DestinationPrep)) || clitics.find(u'ل') != std::u16string_view::npos;
      const bool after_against = head > 0 && cue_is(head - 1, EventCueKind::TargetPrep);
      const bool before = first < trig.first;
      const auto set_place = [&]() {
        if (!place_distance || distance(first) < *place_distance) {
          event.place = EventPlace{e.canonical, e.label_en, e.span};
          place_distance = distance(first);
        }
      };
      // مع، بين، ضم (وفدا ضم الدكتور X): the cue may stand before a title of up to three words.
      bool after_with = false;
      for (std::size_t back = 1; back <= 4 && back <= head && !after_with; ++back) {
        const std::size_t i = head - back;
        if (entity_at[i] >= 0 || sentence[i] != s) break;
        after_with = cue_is(i, EventCueKind::WithPrep) || cue_is(i, EventCueKind::BetweenPrep);
        if (!after_with && cue[i]) break;
      }
      const bool after_other = head > 0 && cue_is(head - 1, EventCueKind::OtherPrep);
      // و on the name or on its title (والمدير التنفيذي … نبيل تكر): joined to the name before.
      bool conj = clitics.find(u'و') != std::u16string_view::npos;
      for (std::size_t back = 1; back <= 4 && back <= head && !conj; ++back) {
        const std::size_t i = head - back;
        if (entity_at[i] >= 0 || sentence[i] != s || cue[i]) break;
        const AnalyzedToken& title = tokens[i];
        conj = title.name_span.start > title.token.span.start && text[title.token.span.start] == u'و';
      }
      if (party_event) {
        Candidate c{first, last, &e};
        if (after_with) feature(c.x, PartyFeature::With);
        if (after_in || after_to || after_other || after_against) feature(c.x, PartyFeature::Blocked);
        if (conj) feature(c.x, PartyFeature::Joined);
        if (after_in) feature(c.x, PartyFeature::AfterIn);
        if (after_to) feature(c.x, PartyFeature::AfterTo);
        if (after_other) feature(c.x, PartyFeature::AfterOther);
        if (e.type == EntityType::Location && !word.verb && first == trig.last) feature(c.x, PartyFeature::Construct);
        candidates.push_back(c);
      }
      if (e.type == EntityType::Location) {
        // A place in construct with a noun trigger names where it met (اجتماع القاهرة، قمة الرياض).
        if (!word.verb && first == trig.last && (event.type == EventType::Meet || event.type == EventType::Agreement)) {
          set_place();
          continue;
        }
        if (event.type == EventType::Visit && !before && (after_to || distance(first) <= 2) && !after_in) {
          destination = destination || after_to;
          if (!place_distance || *place_distance > 0) { event.place = EventPlace{e.canonical, e.label_en, e.span}; place_distance = 0; }
        } else if (after_in) {
          set_place();
        } else if (event.type == EventType::Attack && after_against) {
          set_place();  // الهجوم على مدينة بن قردان: where it struck
        } else if ((event.type == EventType::Meet || event.type == EventType::Agreement) && !after_to && !before) {
          add_party(e, "party", e.span, false, e.type);
        } else if ((event.type == EventType::Meet || event.type == EventType::Agreement) && before && distance(first) <= 3 &&
                   !after_to && !(head > 0 && cue_is(head - 1, EventCueKind::OtherPrep)) && !after_earlier_trigger(first)) {
          add_party(e, "party", e.span, false, e.type);  // X وY اتفقتا: the subject before the verb
        }
        continue;
      }
      switch (event.type) {
        case EventType::Meet:
        case EventType::Agreement:
        case EventType::Visit: {
          // Decided below, once every name of the clause is known: which of them stand where
          // the event's arguments stand.
          named.push_back({k, first, last, after_in || after_to || after_other || after_against, after_with, conj});
          break;
        }
        case EventType::Attack: {
          const bool has_attacker = std::any_of(event.participants.begin(), event.participants.end(),
                                                [](const EventParticipant& p) { return p.role == "attacker"; });
          // Before the trigger, or right after a verb or an agent noun (غارات التحالف), the one who
          // attacks; after على or a claim (تبناه تنظيم …) as the words say; a patient noun's
          // complement (اغتيال X) and the rest, the one attacked.
          bool claimed = false;
          for (std::size_t back = 1; back <= 2 && back <= head; ++back) claimed = claimed || cue_is(head - back, EventCueKind::Claim);
          std::string role = "target";
          if (claimed) role = "attacker";
          else if (!after_against && (before || (!has_attacker && !word.patient && distance(first) <= 2))) role = "attacker";
          add_party(e, role, e.span, false, e.type);
          break;
        }
      }
    }

    // The arguments among the names: after the trigger, the first one or two (a verb's subject
    // and object: التقى X Y; a noun's complement: اجتماع X) and what مع or بين introduces;
    // before it, the nearest (X التقى, X عقد اجتماعا); and every name joined to an accepted one
    // by و. A name after another preposition (من، عن، في، إلى، ل) modifies, it does not take part.
    {
      std::vector<bool> accepted(named.size(), false);
      std::size_t taken_after = 0;
      std::optional<std::size_t> previous_end;  // token after the last accepted name
      std::size_t reach = trig.last;
      for (std::size_t c = 0; c < named.size(); ++c) {
        const NamedArgument& a = named[c];
        if (a.first < trig.last) continue;
        bool ok = a.with;
        if (!ok && a.conj && previous_end && a.first <= *previous_end + 3) ok = true;
        // Saudi and Gulf news put long titles before a name (استقبل الأمين العام لرابطة العالم
        // الإسلامي الدكتور عبدالله التركي): a verb's first name may stand ten words on; a noun's
        // complement stands closer (اجتماع وزير الخارجية المصري سامح شكري).
        if (!ok && !a.blocked && taken_after < (word.verb ? 2u : 1u) && a.first <= reach + (word.verb ? 10u : 6u)) {
          ok = true;
          ++taken_after;
        }
        if (ok) {
          accepted[c] = true;
          previous_end = a.last;
          reach = a.last;
        }
      }
      std::optional<std::size_t> chain_start;  // first token of the last name accepted before the trigger
      for (std::size_t c = named.size(); c-- > 0;) {
        const NamedArgument& a = named[c];
        if (a.first >= trig.first) continue;
        if (!chain_start) {
          if (a.blocked || trig.first - a.last > 6) continue;
          accepted[c] = true;
          chain_start = a.first;
        } else if (named[c + 1].conj && accepted[c + 1] && named[c + 1].first <= a.last + 3 && !a.blocked) {
          accepted[c] = true;
        } else {
          break;
        }
      }
      bool has_visitor = false;
      for (std::size_t c = 0; c < named.size(); ++c) {
        if (!accepted[c]) continue;
        const Entity& e = entities[static_cast<std::size_t>(named[c].entity)];
        std::string role = "party";
        if (event.type == EventType::Visit) {
          role = named[c].first < trig.first || (!has_visitor && word.verb) || (named[c].conj && has_visitor) ? "visitor" : "host";
          has_visitor = has_visitor || role == "visitor";
        }
        add_party(e, role, e.span, false, e.type);
      }
    }

    // A noun with a possessive suffix (اجتماعه، لقائه، مفاوضاتها): its owner is a party, the
    // nearest person or organization before it (a place too for ها), in this sentence or the one
    // before. Resolved on the trigger word itself.
    if (!word.verb) {
      const Term w = word_at(trig.last - 1);
      const std::u16string& form = word.last_word;
      const std::u16string_view rest = w.size() > form.size() && w.substr(0, form.size()) == form ? w.substr(form.size()) : std::u16string_view();
      const bool his = rest == u"ه" || rest == u"هم" || rest == u"هما", hers = rest == u"ها";
      if (his || hers) {
        for (std::size_t i = trig.first; i-- > 0;) {
          if (sentence[i] + 1 < s) break;
          const int k = entity_at[i];
          if (k < 0) continue;
          const Entity& e = entities[static_cast<std::size_t>(k)];
          // ه: a man or a body (الوزير، المجلس); ها: a country or a body (مفاوضاتها: Washington's).
          if ((his && e.type == EntityType::Person) || e.type == EntityType::Organization || (hers && e.type == EntityType::Location)) {
            const char* role = event.type == EventType::Visit ? "visitor" : event.type == EventType::Attack ? "attacker" : "party";
            add_party(e, role, {tokens[trig.last - 1].name_span.start, tokens[trig.last - 1].token.span.end}, true, e.type);
            break;
          }
        }
      }
    }

    // The party model (events/party_model.hpp): what it learnt from our annotated articles decides,
    // over every named mention of the clause, which are the parties; the rules' choice is one of
    // what it weighs. Stand-ins the rules resolved (نظيره الأمريكي، اجتماعه) stay as they are.
    // Whether a weak word names an event at all is the rules' call (the model was fitted on
    // events the annotators marked, not on words that name none).
    const std::size_t rule_parties = event.participants.size();
    if (party_event && (party_model_.active() || candidates_out)) {
      const auto between = [&](const Candidate& c, std::size_t i) {
        return c.first < trig.first ? (i >= c.last && i < trig.first) : (i >= trig.last && i < c.first);
      };
      // Which earlier candidate each one is joined to by و (over a title of up to three words).
      std::vector<int> joined_to(candidates.size(), -1);
      for (std::size_t i = 1; i < candidates.size(); ++i) {
        const Candidate& c = candidates[i];
        if (!c.x[static_cast<std::size_t>(PartyFeature::Joined)]) continue;
        const Candidate& p = candidates[i - 1];
        if (p.last <= c.first && c.first <= p.last + 3) joined_to[i] = static_cast<int>(i - 1);
      }
      for (Candidate& c : candidates) {
        PartyFeatures& x = c.x;
        const Entity& e = *c.entity;
        feature(x, PartyFeature::Bias);
        feature(x, e.type == EntityType::Person ? PartyFeature::Person
                   : e.type == EntityType::Organization ? PartyFeature::Organization : PartyFeature::Location);
        const std::size_t d = c.first < trig.first ? trig.first - c.last + 1 : c.first - trig.last + 1;
        if (c.first < trig.first) feature(x, PartyFeature::Before);
        feature(x, d <= 2 ? PartyFeature::Near : d <= 5 ? PartyFeature::Middle : d <= 10 ? PartyFeature::Far : PartyFeature::VeryFar);
        if (word.verb) feature(x, PartyFeature::VerbTrigger);
        if (ctx.has_article(trig.first)) feature(x, PartyFeature::DefiniteTrigger);
        std::size_t names = 0;
        for (const Candidate& o : candidates) names += &o != &c && between(c, o.first);
        if (names == 1) feature(x, PartyFeature::OneNameBetween);
        if (names >= 2) feature(x, PartyFeature::NamesBetween);
        for (const FoundTrigger& f : found) {
          if (&f != &trig && between(c, f.first)) feature(x, PartyFeature::TriggerBetween);
        }
        const uint32_t from = std::min(tokens[c.first].token.span.start, tokens[trig.first].token.span.start);
        const uint32_t to = std::max(tokens[c.last - 1].token.span.end, tokens[trig.last - 1].token.span.end);
        const std::u16string_view gap = text.substr(from, to - from);
        if (gap.find(u'،') != std::u16string_view::npos || gap.find(u',') != std::u16string_view::npos) feature(x, PartyFeature::CommaBetween);
        if (event.place && event.place->span.start == e.span.start) feature(x, PartyFeature::IsPlace);
        const bool taken = std::any_of(event.participants.begin(), event.participants.end(),
                                       [&](const EventParticipant& p) { return !p.resolved && p.canonical == e.canonical; });
        if (taken) feature(x, PartyFeature::RuleAccepted);
        if (event.type == EventType::Agreement) feature(x, PartyFeature::Agreement);
        if (event.type == EventType::Agreement && taken) feature(x, PartyFeature::AgreementRule);
        if (e.type == EntityType::Location && x[static_cast<std::size_t>(PartyFeature::AfterIn)]) feature(x, PartyFeature::PlaceAfterIn);
        if (e.type == EntityType::Location && c.first < trig.first) feature(x, PartyFeature::PlaceBefore);
        if (mentions_of(e.canonical) > 1) feature(x, PartyFeature::Repeated);
        if (candidates_out) candidates_out->push_back({event.type, event.trigger, e.span, e.canonical, x, joined_to[&c - candidates.data()]});
      }
      if (party_model_.active()) {
        event.participants.erase(std::remove_if(event.participants.begin(), event.participants.end(),
                                                [](const EventParticipant& p) { return !p.resolved; }),
                                 event.participants.end());
        // Each candidate's probability once (this runs for every meeting and agreement found).
        std::vector<bool> accepted(candidates.size(), false);
        std::optional<std::size_t> likeliest;
        std::vector<double> probability(candidates.size());
        for (std::size_t i = 0; i < candidates.size(); ++i) {
          probability[i] = party_model_.probability(candidates[i].x);
          accepted[i] = party_model_.accepts_probability(probability[i]);
          if (!likeliest || probability[i] > probability[*likeliest]) likeliest = i;
        }
        if (likeliest && std::none_of(accepted.begin(), accepted.end(), [](bool a) { return a; }) &&
            party_model_.accepts_alone_probability(probability[*likeliest])) {
          accepted[*likeliest] = true;
        }
        if (party_model_.joins_lists()) {
          // Forward along each list, then back: every name of a list with an accepted one.
          for (std::size_t i = 0; i < candidates.size(); ++i) {
            if (joined_to[i] >= 0 && accepted[static_cast<std::size_t>(joined_to[i])]) accepted[i] = true;
          }
          for (std::size_t i = candidates.size(); i-- > 0;) {
            if (joined_to[i] >= 0 && accepted[i]) accepted[static_cast<std::size_t>(joined_to[i])] = true;
          }
        }
        for (std::size_t i = 0; i < candidates.size(); ++i) {
          if (accepted[i]) add_party(*candidates[i].entity, "party", candidates[i].entity->span, false, candidates[i].entity->type);
        }
      }
    }

    // A day word (أمس، اليوم، غدا) near the trigger when no date mention is there.
    if (!event.date) {
      for (std::size_t i = left; i < right; ++i) {
        if (!cue_is(i, EventCueKind::RelativeDay)) continue;
        event.date = EventDate{utf16_to_utf8(text.substr(tokens[i].name_span.start, tokens[i].token.span.end - tokens[i].name_span.start)),
                               article_date ? iso_day(add_days(*article_date, cue[i]->value)) : std::string(),
                               {tokens[i].name_span.start, tokens[i].token.span.end}};
        if (cue[i]->value > 0) event.modality = Modality::Planned;
        break;
      }
    }

    // Modality: the trigger's own form, then the nearest cue before it, then a future word after it.
    if (word.planned) event.modality = Modality::Planned;
    // أن before a present-tense verb (اتفقا على أن تجتمع اللجنة): what is to happen.
    if (word.verb && trig.first > 0 && word_at(trig.first - 1) == that_word_) {
      const char16_t first_letter = text[tokens[trig.first].name_span.start];
      if (first_letter == u'ي' || first_letter == u'ت' || first_letter == u'ن') event.modality = Modality::Planned;
    }
    for (std::size_t back = 1; back <= 4 && back <= trig.first - left; ++back) {
      const std::size_t i = trig.first - back;
      if (cue_is(i, EventCueKind::Negated)) { event.modality = Modality::Negated; break; }
      if (cue_is(i, EventCueKind::Failed)) { event.modality = Modality::Failed; break; }
      if (cue_is(i, EventCueKind::Planned) && !cue[i]->after) { event.modality = Modality::Planned; break; }
    }
    if (event.modality == Modality::Asserted) {
      for (std::size_t i = trig.last; i < std::min(right, trig.last + 6); ++i) {
        if (cue_is(i, EventCueKind::Planned) && cue[i]->after) { event.modality = Modality::Planned; break; }
      }
    }
    if (event.date && event.date->value.rfind("weekday:", 0) == 0) {
      const int weekday = std::stoi(event.date->value.substr(8));
      event.date->value = iso_day(nearest_weekday(*article_date, weekday, event.modality == Modality::Planned));
    }

    // وصل إلى، توجه إلى: a visit only when a place follows إلى (وصل عدد … إلى 500 is no visit).
    if (word.destination && !destination) continue;
    // What is left without a party, a place or a day: a word with other senses is no event, and a
    // definite noun (الاجتماع، الزيارة) refers back to the last event of its type.
    const std::size_t parties = rule_parties;
    const bool bare = parties == 0 && !event.place && !event.date;
    const bool refers_back = !word.verb && ctx.has_article(trig.first);
    // The plural of a singular meeting or deal (اجتماعات، صفقات) is as often a habit or a kind as
    // one event (اجتماعات دورية): held to the same evidence as a word with other senses. Plurals
    // that name one event (مباحثات، مفاوضات) are listed as they are.
    bool plural = false;  // (strikes and visits come in plurals that are one event: غارات، زيارات أمنيين)
    if (!word.verb && (event.type == EventType::Meet || event.type == EventType::Agreement)) {
      const Term w = word_at(trig.last - 1);
      const std::u16string& form = word.last_word;
      plural = w.size() > 2 && w.substr(w.size() - 2) == u"ات" && !(form.size() > 2 && form.substr(form.size() - 2) == u"ات");
    }
    const bool weak = word.weak || refers_back || plural;  // اللقاء with no meeting before it: a match, a talk show…
    // A definite noun after an event of its type names that event again (اللقاء، خلال الزيارة):
    // «تناول اللقاء الحدود مع ليبيا» is the same meeting, Libya a topic of it.
    Event* earlier = nullptr;
    if (refers_back) {
      for (auto it = events.rbegin(); it != events.rend() && !earlier; ++it) if (it->type == event.type) earlier = &*it;
    }
    // The people it names join that event (حضر الاستقبال …); places and organizations there are
    // more often a topic than a party.
    if (earlier) {
      earlier->mentions.push_back(event.trigger);
      for (EventParticipant& p : event.participants) {
        if (p.type != EntityType::Person) continue;
        if (std::none_of(earlier->participants.begin(), earlier->participants.end(),
                         [&](const EventParticipant& q) { return q.canonical == p.canonical; })) {
          earlier->participants.push_back(std::move(p));
        }
      }
      continue;
    }
    if (bare && !word.verb) continue;
    if (weak && !(parties >= 2 || (parties >= 1 && event.place))) continue;

    // The same event told again: the same parties (and no other day), or a second trigger close
    // by in the same sentence.
    Event* same = nullptr;
    const auto canonicals = [](const Event& e) {
      std::set<std::string> c;
      for (const EventParticipant& p : e.participants) c.insert(p.canonical);
      return c;
    };
    const std::set<std::string> mine = canonicals(event);
    const std::u16string stem(stem_at(trig.first));
    for (auto it = events.rbegin(); it != events.rend() && !same; ++it) {
      if (it->type != event.type) continue;
      const FirstTold& first_told = told[static_cast<std::size_t>(events.rend() - it) - 1];
      const bool close = it->sentence == event.sentence &&
                         (it->mentions.empty() ? it->trigger.end : it->mentions.back().end) + 40 > event.trigger.start;
      // The same parties, or two of them shared (a later sentence names more or fewer of them);
      // and no other day.
      const std::set<std::string> theirs = canonicals(*it);
      std::size_t shared = 0;
      for (const std::string& c : mine) shared += theirs.count(c);
      const bool parties_agree = !mine.empty() && (mine == theirs || shared >= 2);
      // Told again in the next sentences, or with the same word; a session days later is another.
      const bool near = first_told.sentence + 2 >= s || first_told.stem == stem;
      const bool same_parties = parties_agree && near && (!it->date || !event.date || it->date->value == event.date->value);
      // An event told first without its parties (التقى وزير الداخلية نظيره الليبي) and again with
      // them in the next few sentences (لقاء باشاغا والفراتي) is one event.
      // (Visits are told in series, each on its own: a visit without parties stays one.)
      const bool completed = (event.type == EventType::Meet || event.type == EventType::Agreement) &&
                             it->participants.empty() && !mine.empty() && first_told.sentence + 4 >= s &&
                             it->modality == event.modality;
      if (completed) { same = &*it; break; }
      if (close || same_parties) same = &*it;
    }
    if (same) {
      same->mentions.push_back(event.trigger);
      for (EventParticipant& p : event.participants) {
        if (!std::any_of(same->participants.begin(), same->participants.end(),
                         [&](const EventParticipant& q) { return q.canonical == p.canonical; })) {
          same->participants.push_back(std::move(p));
        }
      }
      if (!same->place && event.place) same->place = event.place;
      if (!same->date && event.date) same->date = event.date;
      continue;
    }
    events.push_back(std::move(event));
    told.push_back({s, stem});
  }
  return events;
}

}  // namespace mirsad
