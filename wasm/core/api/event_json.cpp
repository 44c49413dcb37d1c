#include "api/event_json.hpp"

#include "entities/entity_name_key.hpp"
#include "text/utf.hpp"

namespace mirsad {
namespace {

using nlohmann::ordered_json;

std::string written(std::u16string_view text, Span span) {
  if (span.end > text.size() || span.start > span.end) return "";
  return utf16_to_utf8(text.substr(span.start, span.length()));
}

}  // namespace

ordered_json events_json(const std::vector<Event>& events, std::u16string_view text, const CharNormalizer& normalizer) {
  ordered_json list = ordered_json::array();
  for (const Event& e : events) {
    ordered_json participants = ordered_json::array();
    for (const EventParticipant& p : e.participants) {
      participants.push_back({{"role", p.role}, {"type", entity_type_name(p.type)}, {"canonical", p.canonical},
                              {"key", utf16_to_utf8(entity_name_key(utf8_to_utf16(p.canonical), normalizer))}, {"label_en", p.label_en}, {"text", written(text, p.span)}, {"start", p.span.start},
                              {"end", p.span.end}, {"resolved", p.resolved}});
    }
    ordered_json mentions = ordered_json::array();
    for (const Span& m : e.mentions) mentions.push_back({m.start, m.end});
    ordered_json place = nullptr, date = nullptr;
    if (e.place) {
      place = {{"canonical", e.place->canonical}, {"label_en", e.place->label_en}, {"text", written(text, e.place->span)},
               {"start", e.place->span.start}, {"end", e.place->span.end}};
    }
    if (e.date) date = {{"text", e.date->text}, {"value", e.date->value}, {"start", e.date->span.start}, {"end", e.date->span.end}};
    list.push_back({{"type", event_type_name(e.type)}, {"trigger", {e.trigger.start, e.trigger.end}},
                    {"trigger_text", written(text, e.trigger)}, {"mentions", std::move(mentions)},
                    {"participants", std::move(participants)}, {"place", std::move(place)}, {"date", std::move(date)},
                    {"modality", modality_name(e.modality)}, {"sentence", {e.sentence.start, e.sentence.end}}});
  }
  return list;
}

}  // namespace mirsad
