#pragma once
#include <cstddef>
#include <functional>
#include <list>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "index/postings_source.hpp"
#include "query/query.hpp"

namespace mirsad {

// The key of a query's extracted filters (entity:, event:, with:, each with its sign and its value
// as normalized): two queries with the same key ask the same of every document, whatever their
// words, source: and date: filters. Empty when the query has none.
std::string extracted_filters_key(const std::vector<Filter>& filters,
                                  const std::function<std::u16string(std::u16string_view)>& normalize);

// What another engine holding the same collection found when it tested a query's extracted
// filters on documents: the page's worker extracts the entities and events, a batch at a time and
// off the main thread, and hands the verdicts to the page's own engine, whose searches then need
// no extraction of their own (one took seconds on the main thread for a thousand articles).
// Kept for the few most recent filter keys; forgotten when the collection is replaced.
class KnownVerdicts {
 public:
  static constexpr std::size_t kKeysKept = 8;

  void adopt(const std::string& key, const std::vector<DocOrdinal>& hold, const std::vector<DocOrdinal>& fail);
  // The verdict for the document under the filters of `key`, if one was adopted.
  std::optional<bool> find(const std::string& key, DocOrdinal doc) const;
  bool has_key(const std::string& key) const { return by_key_.count(key) != 0; }
  void clear() {
    by_key_.clear();
    recent_.clear();
  }

 private:
  std::unordered_map<std::string, std::unordered_map<DocOrdinal, bool>> by_key_;
  std::list<std::string> recent_;  // most recently adopted first
};

}  // namespace mirsad
