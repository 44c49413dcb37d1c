#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.hpp"
#include "analysis/term_set.hpp"
#include "entities/phrase_dictionary.hpp"
#include "events/event.hpp"

namespace mirsad {

// A trigger word of wasm/data/event_triggers.tsv and what it needs to name an event.
struct TriggerWord {
  EventType type;
  bool verb = false;
  bool planned = false;      // the form is future (سيلتقي)
  bool weak = false;         // other senses too (جلسة، قمة): needs two parties, or a party and a place
  bool with = false;         // an event only with مع after it (بحث مع)
  bool object = false;       // an event only with an agreement noun right after it (وقع اتفاقية)
  bool destination = false;  // a VISIT only with إلى / ل after it (وصل إلى)
  bool patient = false;      // a noun whose complement is the one it befalls (اغتيال X: X the target)
  std::u16string last_word;  // the word-level form of its last word: what a nisba adjective extends (الاجتماعي)
  bool with_article = false; // listed with a leading ال that is part of the verb (التقى)
};

enum class EventCueKind : uint8_t {
  Planned, Negated, Failed, PlacePrep, PlaceNoun, DestinationPrep, TargetPrep, WithPrep, BetweenPrep, OtherPrep, Claim, Counterpart, PartyHead, RelativeDay, ClauseBreak
};

struct EventCue {
  EventCueKind kind;
  int value = 0;       // relative_day: days from the article's date
  bool after = false;  // planned: a word after the trigger (المقبل)
};

// The trigger and cue words, analyzed as document text is: verbs keyed by their word-level terms
// (the listed inflections, any clitic), nouns by their stems (الاجتماع، اجتماعه، اجتماعات).
class EventLexicon {
 public:
  // Rows it cannot read are named in `problems` (when given) and skipped.
  EventLexicon(const Analyzer& analyzer, std::string_view tsv, std::vector<std::string>* problems = nullptr);
  static const EventLexicon& embedded(const Analyzer& analyzer);

  const PhraseDictionary<TriggerWord>& verbs() const { return verbs_; }
  const PhraseDictionary<TriggerWord>& nouns() const { return nouns_; }
  const PhraseDictionary<EventCue>& cues() const { return cues_; }
  // A word-level form listed as a noun trigger (اتفاقية): never taken for a nisba of a shorter one.
  bool listed_noun(std::u16string_view word) const { return listed_nouns_.contains(word); }

 private:
  PhraseDictionary<TriggerWord> verbs_;  // word-level terms
  PhraseDictionary<TriggerWord> nouns_;  // stem-level terms
  PhraseDictionary<EventCue> cues_;      // word-level terms
  TermSet listed_nouns_;                 // the word-level forms of the nouns' last words
};

}  // namespace mirsad
