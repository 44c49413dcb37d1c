#include "entities/entity_memory.hpp"

namespace mirsad {

std::size_t memory_bytes(const std::vector<Entity>& entities) {
  std::size_t bytes = sizeof(entities) + entities.capacity() * sizeof(Entity);
  for (const Entity& e : entities) {
    bytes += string_heap_bytes(e.text) + string_heap_bytes(e.canonical) + string_heap_bytes(e.label_en) +
             string_heap_bytes(e.country) + string_heap_bytes(e.value);
  }
  return bytes;
}

}  // namespace mirsad
