#pragma once
#include <deque>
#include <string>
#include <string_view>

namespace mirsad {

// Owns copies of strings and hands out views that stay valid for the pool's lifetime (a deque
// never moves its elements). Hash tables keyed by these views are looked up with any view,
// without building a temporary string: that allocation was a tenth of the analyzer's time.
class StringPool {
 public:
  StringPool() = default;
  StringPool(StringPool&&) = default;
  StringPool& operator=(StringPool&&) = default;
  StringPool(const StringPool&) = delete;  // a copy would hand out views into the original
  StringPool& operator=(const StringPool&) = delete;

  std::u16string_view keep(std::u16string_view s) {
    strings_.emplace_back(s);
    return strings_.back();
  }
  std::size_t size() const { return strings_.size(); }

 private:
  std::deque<std::u16string> strings_;
};

}  // namespace mirsad
