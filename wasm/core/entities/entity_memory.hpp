#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "entities/entity.hpp"

namespace mirsad {

// The heap a string holds beyond its own object: nothing while it fits in the object (the short
// string optimization), its capacity once it does not. An estimate, for the engine's budgets.
inline std::size_t string_heap_bytes(const std::string& s) {
  return s.capacity() > std::string().capacity() ? s.capacity() + 1 : 0;
}

// What a document's cached entities hold in memory (Engine's bounded extraction cache).
std::size_t memory_bytes(const std::vector<Entity>& entities);

}  // namespace mirsad
