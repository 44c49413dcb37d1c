#include "events/event_memory.hpp"

#include "entities/entity_memory.hpp"

namespace mirsad {

std::size_t memory_bytes(const std::vector<Event>& events) {
  std::size_t bytes = sizeof(events) + events.capacity() * sizeof(Event);
  for (const Event& e : events) {
    bytes += e.mentions.capacity() * sizeof(Span) + e.participants.capacity() * sizeof(EventParticipant);
    for (const EventParticipant& p : e.participants) {
      bytes += string_heap_bytes(p.role) + string_heap_bytes(p.canonical) + string_heap_bytes(p.label_en);
    }
    if (e.place) bytes += string_heap_bytes(e.place->canonical) + string_heap_bytes(e.place->label_en);
    if (e.date) bytes += string_heap_bytes(e.date->text) + string_heap_bytes(e.date->value);
  }
  return bytes;
}

}  // namespace mirsad
