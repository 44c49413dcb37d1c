#include "search/document_filter.hpp"

#include <algorithm>

#include "text/utf.hpp"

namespace mirsad {

DocumentFilter::DocumentFilter(const std::vector<Filter>& filters, const std::vector<DocumentInfo>& documents,
                               const Normalize& normalize, ExtractedTest extracted_holds)
    : documents_(documents), extracted_holds_(std::move(extracted_holds)) {
  // Filter values are compared the way text is: fully normalized (so entity:ليبيا matches the
  // canonical form ليبيا whatever its spelling in the query).
  for (const Filter& f : filters) {
    conditions_.push_back({&f, utf16_to_utf8(f.value), f.field == "entity" || f.field == "with" ? normalize(f.value) : std::u16string()});
  }
}

bool DocumentFilter::holds(const Condition& c, const DocumentInfo& d, DocOrdinal doc) const {
  const std::string& field = c.filter->field;
  if (field == "source") return d.source == c.utf8;
  if (field == "date") return c.filter->range ? c.filter->range->contains(d.date) : d.date.rfind(c.utf8, 0) == 0;
  if (field == "id") return d.id == c.utf8;
  return extracted_holds_(doc, *c.filter, c.normalized);  // computed for candidate documents only, then cached
}

bool DocumentFilter::field_passes(const std::vector<Condition>& conditions, const std::string& field, DocOrdinal doc) const {
  const DocumentInfo& d = documents_[doc];
  const bool alternatives = field != "entity" && field != "event" && field != "with";
  bool any_positive = false, positive_held = false;
  for (const Condition& c : conditions) {
    if (c.filter->field != field) continue;
    if (c.filter->negated) {
      if (holds(c, d, doc)) return false;
      continue;
    }
    any_positive = true;
    if (alternatives) {
      if (!positive_held && holds(c, d, doc)) positive_held = true;
    } else if (!holds(c, d, doc)) {
      return false;
    }
  }
  return !alternatives || !any_positive || positive_held;
}

bool DocumentFilter::has_extracted() const {
  return std::any_of(conditions_.begin(), conditions_.end(), [](const Condition& c) {
    return c.filter->field == "entity" || c.filter->field == "event" || c.filter->field == "with";
  });
}

FilterVerdict DocumentFilter::check(DocOrdinal doc) const {
  FilterVerdict v;
  if (conditions_.empty()) return v;
  v.source = field_passes(conditions_, "source", doc);
  v.date = field_passes(conditions_, "date", doc);
  // entity:, event: and with: cost an extraction: skipped for a document that no count can include.
  v.rest = (v.source || v.date) && field_passes(conditions_, "id", doc);
  if (!v.rest) return v;
  v.reached_extracted = true;
  const std::optional<bool> known = known_ ? known_(doc) : std::nullopt;
  v.rest = known ? *known
                 : field_passes(conditions_, "entity", doc) && field_passes(conditions_, "event", doc) &&
                       field_passes(conditions_, "with", doc);
  return v;
}

}  // namespace mirsad
