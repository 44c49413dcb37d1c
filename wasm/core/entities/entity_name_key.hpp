#pragma once
#include <string>
#include <string_view>

#include "text/char_normalizer.hpp"

namespace mirsad {

// What two spellings of one name share, so that they count, filter and group as one: the
// analyzer's full normalization (hamza seats, ى and ة, harakat, tatweel, presentation forms), and
// «عبد» joined to the word after it (عبد العزيز / عبدالعزيز, عبد ربه / عبدربه). The names a
// newspaper writes as found (أشتون / اشتون كارتر, محمد بن سلمان بن عبد العزيز / …عبدالعزيز) were
// as many entities in the overview, the static index's facets and the events' network.
std::u16string entity_name_key(std::u16string_view name, const CharNormalizer& normalizer);

// The same from text that normalizer already normalized (a query's filter value).
std::u16string entity_name_key_of_normalized(std::u16string normalized);

}  // namespace mirsad
