#pragma once
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "events/event.hpp"
#include "text/char_normalizer.hpp"

namespace mirsad {

// The JSON of one document's events, as the README's contract gives it (`mirsad events --json`,
// MirsadEngine.events): [{"type", "trigger": [s, e], "trigger_text", "mentions": [[s, e]…],
// "participants": [{"role", "type", "canonical", "key", "label_en", "text", "start", "end", "resolved"}],
// "place": {"canonical", "label_en", "text", "start", "end"} | null, "date": {"text", "value",
// "start", "end"} | null, "modality", "sentence": [s, e]}]. `text` is the document's, for the
// mentions as written. A participant's "key" is what its spellings share (entities/entity_name_key.hpp):
// what the network and the grouping of reports tell parties apart by.
nlohmann::ordered_json events_json(const std::vector<Event>& events, std::u16string_view text, const CharNormalizer& normalizer);

}  // namespace mirsad
