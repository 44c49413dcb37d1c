// JsonApi's side of preparing entity:, event: and with: filters in one engine (the page's worker)
// for another holding the same collection (the page's): see Engine::unresolved_candidates.
#include <nlohmann/json.hpp>

#include "api/json_api.hpp"
#include "api/search_json.hpp"

namespace mirsad {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

std::string dump(const ordered_json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

Query parse(const Engine& engine, const std::u16string& query, const std::string& mode, bool live) {
  std::vector<std::string> warnings;
  return engine.parse_query(query, search_level(mode, warnings), false, live);
}

}  // namespace

std::string JsonApi::filters_pending(const std::u16string& query, const std::string& mode, bool live) const {
  return dump(ordered_json{{"pending", engine_.unresolved_candidates(parse(engine_, query, mode, live)).size()}});
}

std::string JsonApi::prepare_filters(const std::u16string& query, const std::string& mode, bool live, int max_documents) const {
  const std::size_t max = max_documents <= 0 ? 1 : static_cast<std::size_t>(max_documents);
  return dump(ordered_json{{"pending", engine_.extract_candidates(parse(engine_, query, mode, live), max)}});
}

std::string JsonApi::filter_verdicts(const std::u16string& query, const std::string& mode, bool live) const {
  std::vector<DocOrdinal> hold, fail;
  engine_.extracted_verdicts(parse(engine_, query, mode, live), hold, fail);
  const auto ids = [&](const std::vector<DocOrdinal>& docs) {
    ordered_json list = ordered_json::array();
    for (const DocOrdinal d : docs) list.push_back(engine_.documents()[d].id);
    return list;
  };
  return dump(ordered_json{{"hold", ids(hold)}, {"fail", ids(fail)}});
}

std::string JsonApi::adopt_filter_verdicts(const std::u16string& query, const std::string& mode, bool live,
                                           const std::string& verdicts_json) {
  const json verdicts = json::parse(verdicts_json, nullptr, false);
  if (!verdicts.is_object() || !verdicts.value("hold", json()).is_array() || !verdicts.value("fail", json()).is_array()) {
    return dump(ordered_json{{"error", "verdicts must be {\"hold\": [id…], \"fail\": [id…]}"}});
  }
  // Ids this engine does not hold mean the other engine's collection is not this one.
  std::vector<DocOrdinal> hold, fail;
  for (const auto& [name, into] : {std::pair<const char*, std::vector<DocOrdinal>*>{"hold", &hold}, {"fail", &fail}}) {
    for (const json& id : verdicts[name]) {
      const auto doc = id.is_string() ? engine_.find(id.get<std::string>()) : std::nullopt;
      if (!doc) return dump(ordered_json{{"error", "the verdicts name a document this collection does not hold"}});
      into->push_back(*doc);
    }
  }
  engine_.adopt_verdicts(parse(engine_, query, mode, live), hold, fail);
  return dump(ordered_json{{"adopted", hold.size() + fail.size()}});
}

}  // namespace mirsad
