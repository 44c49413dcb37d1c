#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "corpus/document.hpp"
#include "index/inverted_index.hpp"
#include "query/query.hpp"

namespace mirsad {

// What a query's filters say of one document, in the groups that facets need apart: the source
// facet counts the documents that pass everything but the source filters, the date histogram
// those that pass everything but the date filters.
struct FilterVerdict {
  bool source = true;  // source: filters
  bool date = true;    // date: prefixes and ranges
  bool rest = true;    // id:, entity:, event: and with: (only worked out when source or date holds)
  bool reached_extracted = false;  // entity:, event: and with: were tested (or their verdict looked up)
  bool all() const { return source && date && rest; }
};

// Evaluates the filters of a query against documents' metadata. A document has one source, one
// date and one id, so several positive filters of one of those fields are alternatives
// (source:a source:b = from a or from b; requiring both would match nothing); a document has many
// entities and events, so every entity:, event: and with: filter must hold. A negated filter
// (-source:a) must not hold.
class DocumentFilter {
 public:
  // extracted_holds(doc, filter, value): for an entity: filter, the entity extractor found `value`
  // (already normalized) in doc; for event: and with:, the event extractor found such an event.
  using ExtractedTest = std::function<bool(DocOrdinal, const Filter&, const std::u16string&)>;
  using Normalize = std::function<std::u16string(std::u16string_view)>;

  DocumentFilter(const std::vector<Filter>& filters, const std::vector<DocumentInfo>& documents,
                 const Normalize& normalize, ExtractedTest extracted_holds);

  bool empty() const { return conditions_.empty(); }
  // Whether the query has entity:, event: or with: filters (whose test costs an extraction).
  bool has_extracted() const;
  // A verdict already known for all of the entity:, event: and with: filters together (found by
  // another engine holding the same collection: see search/known_verdicts.hpp); nullopt: test them.
  void use_known_verdicts(std::function<std::optional<bool>(DocOrdinal)> known) { known_ = std::move(known); }
  FilterVerdict check(DocOrdinal doc) const;

 private:
  struct Condition {
    const Filter* filter;
    std::string utf8;           // source, date prefix, id
    std::u16string normalized;  // entity, with
  };
  bool holds(const Condition& c, const DocumentInfo& d, DocOrdinal doc) const;
  // One field's filters: any positive one (when there are some) and no negated one.
  bool field_passes(const std::vector<Condition>& conditions, const std::string& field, DocOrdinal doc) const;

  std::vector<Condition> conditions_;
  const std::vector<DocumentInfo>& documents_;
  ExtractedTest extracted_holds_;
  std::function<std::optional<bool>(DocOrdinal)> known_;
};

}  // namespace mirsad
