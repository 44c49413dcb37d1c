#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mirsad {

// Where the documents' texts live, by ordinal. Searching never reads them (the index keeps each
// token's span), only entity extraction, the reader view and index files do. Native tools keep
// them in memory; in the page they stay JavaScript strings (the page already holds them), so the
// wasm heap holds the index alone instead of a second copy of the corpus.
class TextStore {
 public:
  virtual ~TextStore() = default;
  // Stores the text of the next ordinal (0, 1, 2…).
  virtual void append(std::u16string&& text) = 0;
  virtual std::u16string text(uint32_t ordinal) const = 0;
  virtual std::size_t size() const = 0;
  // Bytes this store holds on the C++ heap (0 when the texts live elsewhere).
  virtual std::size_t heap_bytes() const = 0;
  // The most append() of a text of `units` UTF-16 units can add to heap_bytes() at its peak.
  virtual std::size_t growth_bound(std::size_t units) const = 0;
  // Forgets every text (an index file refused after some of its texts were stored).
  virtual void clear() = 0;
  // Appends the next text in parts (an index being loaded in slices: converting a 20 MB text
  // at once was a 0.3 s task in the page); the text is stored with its last part.
  virtual void append_part(std::u16string_view part, bool last) {
    pending_.append(part);
    if (last) append(std::exchange(pending_, std::u16string()));
  }

 protected:
  void clear_pending() { pending_ = std::u16string(); }

 private:
  std::u16string pending_;
};

class InMemoryTextStore final : public TextStore {
 public:
  void append(std::u16string&& text) override {
    text_bytes_ += text.capacity() * sizeof(char16_t);
    texts_.push_back(std::move(text));
  }
  std::u16string text(uint32_t ordinal) const override { return texts_.at(ordinal); }
  void clear() override {
    texts_ = {};
    text_bytes_ = 0;
    clear_pending();
  }
  std::size_t size() const override { return texts_.size(); }
  // Kept as a running total: the budget asks before every document.
  std::size_t heap_bytes() const override { return texts_.capacity() * sizeof(std::u16string) + text_bytes_; }
  std::size_t growth_bound(std::size_t units) const override {
    const std::size_t table = texts_.size() < texts_.capacity() ? 0 : std::max<std::size_t>(2 * texts_.capacity(), 1) * sizeof(std::u16string);
    return table + (units + 1) * sizeof(char16_t);
  }

 private:
  std::vector<std::u16string> texts_;
  std::size_t text_bytes_ = 0;
};

}  // namespace mirsad
