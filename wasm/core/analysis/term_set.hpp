#pragma once
#include <string_view>
#include <unordered_set>

#include "text/string_pool.hpp"

namespace mirsad {

// A set of UTF-16 terms, looked up by view without allocating.
class TermSet {
 public:
  void insert(std::u16string_view term) {
    if (!term.empty() && !contains(term)) set_.insert(pool_.keep(term));
  }
  bool contains(std::u16string_view term) const { return set_.count(term) > 0; }
  std::size_t size() const { return set_.size(); }

 private:
  StringPool pool_;
  std::unordered_set<std::u16string_view> set_;
};

}  // namespace mirsad
