#include "events/event.hpp"

namespace mirsad {

std::string_view event_type_name(EventType type) {
  switch (type) {
    case EventType::Meet: return "MEET";
    case EventType::Visit: return "VISIT";
    case EventType::Attack: return "ATTACK";
    case EventType::Agreement: return "AGREEMENT";
  }
  return "MEET";
}

std::optional<EventType> parse_event_type(std::string_view name) {
  std::string upper(name);
  for (char& c : upper) if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  for (EventType t : {EventType::Meet, EventType::Visit, EventType::Attack, EventType::Agreement}) {
    if (upper == event_type_name(t)) return t;
  }
  return std::nullopt;
}

std::string_view modality_name(Modality modality) {
  switch (modality) {
    case Modality::Asserted: return "asserted";
    case Modality::Planned: return "planned";
    case Modality::Negated: return "negated";
    case Modality::Failed: return "failed";
  }
  return "asserted";
}

}  // namespace mirsad
