#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/analyzer.hpp"
#include "entities/cldr_names.hpp"
#include "entities/entity.hpp"
#include "events/event.hpp"
#include "events/event_lexicon.hpp"
#include "events/party_model.hpp"

namespace mirsad {

// Finds meetings, visits, attacks and agreements in one document, on the device, by rules over
// what the analyzer and the entity layer already give: a trigger word (event_lexicon.hpp) opens
// an event; its participants, place and date are the entity mentions of the trigger's clause,
// placed by the prepositions before them (في: the place, إلى: a visit's destination, على: an
// attack's target) and by their side of the trigger; stand-in words (نظيره الأمريكي، الوفد
// الليبي) are resolved through the gentilic they carry. A date is resolved against the
// article's date. The same event told again in the document (the same parties, or a definite
// noun referring back: اللقاء، خلال الزيارة) becomes a mention of the first.
class EventExtractor {
 public:
  EventExtractor(const Analyzer& analyzer, const EventLexicon& lexicon, const CldrNames& cldr);
  // entities: the entity layer's mentions of the same text, in order. document_date: YYYY-MM-DD
  // (a longer string is cut), or empty when the document is undated.
  // candidates: when given, receives every named mention of a meeting's or agreement's clause with
  // its features (what scripts/train-event-parties learns the party model from).
  std::vector<Event> extract(std::u16string_view text, const AnalyzedText& analyzed, const std::vector<Entity>& entities,
                             std::string_view document_date, std::vector<PartyCandidate>* candidates = nullptr) const;

 private:
  const EventLexicon& lexicon_;
  const PartyModel& party_model_;
  std::vector<std::pair<std::u16string, int>> weekdays_;  // CLDR's Arabic weekday names (word terms), 1 = Sunday
  std::u16string with_word_;                               // مع
  std::u16string that_word_;                               // أن
};

}  // namespace mirsad
