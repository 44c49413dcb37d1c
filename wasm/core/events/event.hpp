#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entities/entity.hpp"
#include "text/span.hpp"

namespace mirsad {

// The four kinds of relation the analyst asks about, after ACE 2005's Contact:Meet,
// Movement:Transport, Conflict:Attack, and agreements reached or signed.
enum class EventType : uint8_t { Meet, Visit, Attack, Agreement };
enum class Modality : uint8_t { Asserted, Planned, Negated, Failed };

std::string_view event_type_name(EventType type);  // MEET, VISIT, ATTACK, AGREEMENT
std::optional<EventType> parse_event_type(std::string_view name);  // case-insensitive
std::string_view modality_name(Modality modality);  // asserted, planned, negated, failed

// A party to an event: an entity mention, or a word that stands for one (نظيره، الوفد الليبي),
// resolved to the party the text makes clear.
struct EventParticipant {
  std::string role;       // party (MEET, AGREEMENT), visitor / host (VISIT), attacker / target (ATTACK)
  EntityType type;        // PERSON, ORGANIZATION or LOCATION (a country acting as a party)
  std::string canonical;  // as the entity layer links it: one canonical per person
  std::string label_en;
  Span span;              // the mention, or the word resolved (نظيره)
  bool resolved = false;  // span is a stand-in word, canonical the party it stands for
};

struct EventPlace {
  std::string canonical;
  std::string label_en;
  Span span;
};

struct EventDate {
  std::string text;   // as written (الثلاثاء، أمس، 24 فبراير 2015)
  std::string value;  // ISO (YYYY-MM-DD, or YYYY-MM / YYYY when that is all the text says); empty when unresolved
  Span span;
};

// One event of one document. Told twice (التقى … وخلال اللقاء), it is one event: the first
// trigger is `trigger`, the others `mentions`.
struct Event {
  EventType type;
  Span trigger;
  std::vector<Span> mentions;
  std::vector<EventParticipant> participants;
  std::optional<EventPlace> place;
  std::optional<EventDate> date;
  Modality modality = Modality::Asserted;
  Span sentence;  // the sentence of the first trigger
};

}  // namespace mirsad
