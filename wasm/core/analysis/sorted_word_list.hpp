#pragma once
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "text/utf.hpp"

namespace mirsad {

// Newline-separated UTF-8 words in byte order (which is code point order), searched in place by
// bisection. It is ready after one pass that notes where each line starts, where a hash set must
// first hash and place every word: a page that opens with 100,000 known words answers its first
// query from this while a TermSet would still be filling. The text is not copied; it must
// outlive the list (the module's embedded data does).
class SortedWordList {
 public:
  SortedWordList() = default;

  // Takes `lines` (each word followed by '\n'). Returns false, and keeps nothing, if a line is
  // empty or out of order: bisection over unsorted words would silently miss some.
  bool assign(std::string_view lines) {
    std::vector<uint32_t> starts;
    std::string_view previous;
    std::size_t from = 0;
    while (from < lines.size()) {
      std::size_t end = lines.find('\n', from);
      if (end == std::string_view::npos) end = lines.size();
      const std::string_view word = lines.substr(from, end - from);
      if (word.empty() || (!starts.empty() && !(previous < word))) return false;
      starts.push_back(static_cast<uint32_t>(from));
      previous = word;
      from = end + 1;
    }
    lines_ = lines;
    starts_ = std::move(starts);
    return true;
  }

  bool contains(std::u16string_view word) const {
    if (starts_.empty() || word.empty()) return false;
    const std::string key = utf16_to_utf8(word);  // short words stay in the string's own buffer
    std::size_t lo = 0, hi = starts_.size();
    while (lo < hi) {
      const std::size_t mid = lo + (hi - lo) / 2;
      const int order = at(mid).compare(key);
      if (order == 0) return true;
      if (order < 0) lo = mid + 1;
      else hi = mid;
    }
    return false;
  }

  std::size_t size() const { return starts_.size(); }
  bool empty() const { return starts_.empty(); }

  // Calls fn(utf8_word) for every word, in order.
  template <typename Fn>
  void for_each(Fn&& fn) const {
    for (std::size_t i = 0; i < starts_.size(); ++i) fn(at(i));
  }

 private:
  std::string_view at(std::size_t i) const {
    const std::size_t from = starts_[i];
    const std::size_t to = i + 1 < starts_.size() ? starts_[i + 1] - 1 : lines_.find('\n', from);
    return lines_.substr(from, (to == std::string_view::npos ? lines_.size() : to) - from);
  }

  std::string_view lines_;
  std::vector<uint32_t> starts_;  // where each word starts in lines_
};

}  // namespace mirsad
