#include "search/known_verdicts.hpp"

#include <algorithm>

#include "text/utf.hpp"

namespace mirsad {

std::string extracted_filters_key(const std::vector<Filter>& filters,
                                  const std::function<std::u16string(std::u16string_view)>& normalize) {
  std::vector<std::string> parts;
  for (const Filter& f : filters) {
    if (f.field != "entity" && f.field != "event" && f.field != "with") continue;
    // event: types are compared as written by the parser (MEET), entity: and with: as text is.
    const std::u16string value = f.field == "event" ? f.value : normalize(f.value);
    parts.push_back((f.negated ? "-" : "+") + f.field + ":" + utf16_to_utf8(value));
  }
  // Filters are a conjunction: their order in the query asks nothing different.
  std::sort(parts.begin(), parts.end());
  std::string key;
  for (const std::string& p : parts) key += p + '\x1f';
  return key;
}

void KnownVerdicts::adopt(const std::string& key, const std::vector<DocOrdinal>& hold, const std::vector<DocOrdinal>& fail) {
  if (key.empty()) return;
  auto& verdicts = by_key_[key];
  for (const DocOrdinal d : hold) verdicts[d] = true;
  for (const DocOrdinal d : fail) verdicts[d] = false;
  recent_.remove(key);
  recent_.push_front(key);
  while (recent_.size() > kKeysKept) {
    by_key_.erase(recent_.back());
    recent_.pop_back();
  }
}

std::optional<bool> KnownVerdicts::find(const std::string& key, DocOrdinal doc) const {
  const auto it = by_key_.find(key);
  if (it == by_key_.end()) return std::nullopt;
  const auto v = it->second.find(doc);
  if (v == it->second.end()) return std::nullopt;
  return v->second;
}

}  // namespace mirsad
