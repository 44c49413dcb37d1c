#pragma once
#include <string>
#include <string_view>

#include "text/span.hpp"

namespace mirsad {

enum class EntityType : uint8_t { Person, Location, Organization, Date, Number, Nationality };

std::string_view entity_type_name(EntityType type);  // PERSON, LOCATION, …

// One mention of an entity in a document.
struct Entity {
  EntityType type;
  Span span;              // original UTF-16, proclitic particles excluded (وليبيا → ليبيا)
  std::string text;       // the mention as written
  std::string canonical;  // the entity it refers to, in Arabic (full name, country for a gentilic)
  std::string label_en;   // English label where known
  std::string country;    // ISO 3166 code where known (locations, nationalities)
  std::string value;      // normalized value for dates (YYYY, YYYY-MM, YYYY-MM-DD) and numbers
};

}  // namespace mirsad
