#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "text/utf.hpp"

namespace mirsad {

// Newline-terminated UTF-8 words in byte order (which is code point order), searched in place by
// bisection over the bytes, as Unix look(1) does: a probe lands anywhere, backs up to the start
// of its line and compares that line. Nothing is built first, so the list is ready the moment it
// is given, where a hash set must hash and place every word: a page that opens with 100,000
// known words answers its first query from this at once. The text is not copied; it must outlive
// the list (the module's embedded data does).
class SortedWordList {
 public:
  SortedWordList() = default;
  // `lines` must hold `count` words, each followed by '\n', sorted (see sorted()): the caller
  // vouches for it, as for data the build wrote and checked.
  SortedWordList(std::string_view lines, std::size_t count) : lines_(lines), count_(count) {}

  // True if `lines` is non-empty words, each followed by '\n', strictly increasing; `count` gets
  // their number.
  static bool sorted(std::string_view lines, std::size_t& count) {
    count = 0;
    std::string_view previous;
    std::size_t from = 0;
    while (from < lines.size()) {
      const std::size_t end = lines.find('\n', from);
      if (end == std::string_view::npos) return false;
      const std::string_view word = lines.substr(from, end - from);
      if (word.empty() || (count > 0 && !(previous < word))) return false;
      previous = word;
      ++count;
      from = end + 1;
    }
    return true;
  }

  bool contains(std::u16string_view word) const {
    if (count_ == 0 || word.empty()) return false;
    const std::string key = utf16_to_utf8(word);  // short words stay in the string's own buffer
    // [lo, hi) always spans whole lines: lo is a line start, hi a line start or the end.
    std::size_t lo = 0, hi = lines_.size();
    while (lo < hi) {
      std::size_t start = lo + (hi - lo) / 2;
      while (start > lo && lines_[start - 1] != '\n') --start;
      std::size_t end = start;
      while (end < hi && lines_[end] != '\n') ++end;
      const int order = lines_.substr(start, end - start).compare(key);
      if (order == 0) return true;
      if (order < 0) lo = end + 1;
      else hi = start;
    }
    return false;
  }

  std::size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }

  // Calls fn(utf8_word) for every word, in order.
  template <typename Fn>
  void for_each(Fn&& fn) const {
    std::size_t from = 0;
    while (from < lines_.size()) {
      std::size_t end = lines_.find('\n', from);
      if (end == std::string_view::npos) end = lines_.size();
      fn(lines_.substr(from, end - from));
      from = end + 1;
    }
  }

 private:
  std::string_view lines_;
  std::size_t count_ = 0;
};

}  // namespace mirsad
