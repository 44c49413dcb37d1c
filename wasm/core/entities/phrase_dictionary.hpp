#pragma once
#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "text/string_pool.hpp"
#include "text/term_hash.hpp"

namespace mirsad {

// Multi-word names keyed by their word-level terms, matched longest-first at a token position.
// Keyed by the first term, so a lookup costs one hash probe per token: the gazetteer's
// "trie over normalized token sequences" without the pointer chasing.
template <typename Payload>
class PhraseDictionary {
 public:
  void add(std::vector<std::u16string> terms, Payload payload) {
    if (terms.empty()) return;
    auto it = by_first_.find(terms.front());
    if (it == by_first_.end()) it = by_first_.emplace(first_terms_.keep(terms.front()), std::vector<Entry>{}).first;
    auto& bucket = it->second;
    bucket.push_back(Entry{std::move(terms), std::move(payload)});
    std::stable_sort(bucket.begin(), bucket.end(),
                     [](const Entry& a, const Entry& b) { return a.terms.size() > b.terms.size(); });
  }

  // The longest entry whose terms equal term_at(i), term_at(i+1), … while joined(k) says token k
  // and k+1 may belong to one name. Returns (length in tokens, payload) or (0, nullptr).
  template <typename TermAt, typename Joined>
  std::pair<std::size_t, const Payload*> longest_match(std::size_t i, std::size_t token_count, TermAt term_at,
                                                       Joined joined) const {
    const auto it = by_first_.find(term_at(i));
    if (it == by_first_.end()) return {0, nullptr};
    for (const Entry& e : it->second) {
      const std::size_t n = e.terms.size();
      if (i + n > token_count) continue;
      bool ok = true;
      for (std::size_t k = 1; k < n && ok; ++k) ok = joined(i + k - 1) && term_at(i + k) == e.terms[k];
      if (ok) return {n, &e.payload};
    }
    return {0, nullptr};
  }

  bool contains_first(std::u16string_view term) const { return by_first_.count(term) > 0; }
  std::size_t bucket_count() const { return by_first_.size(); }

 private:
  struct Entry {
    std::vector<std::u16string> terms;
    Payload payload;
  };
  StringPool first_terms_;
  std::unordered_map<std::u16string_view, std::vector<Entry>, TermHash> by_first_;
};

}  // namespace mirsad
