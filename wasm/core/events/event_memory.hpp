#pragma once
#include <cstddef>
#include <vector>

#include "events/event.hpp"

namespace mirsad {

// What a document's cached events hold in memory (Engine's bounded extraction cache).
std::size_t memory_bytes(const std::vector<Event>& events);

}  // namespace mirsad
