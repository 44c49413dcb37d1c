#pragma once
#include <string_view>
#include <vector>

#include "text/string_pool.hpp"
#include "text/term_hash.hpp"

namespace mirsad {

// A set of UTF-16 terms, looked up by view without allocating. Open addressing with a
// power-of-two table: a lookup is a hash, a mask and usually one comparison. The analyzer asks
// several times per token (stop word? known word?), and node-based hash sets with a modulo were
// a tenth of its time in wasm.
class TermSet {
 public:
  void insert(std::u16string_view term) {
    if (term.empty() || contains(term)) return;
    if ((count_ + 1) * 2 > slots_.size()) grow();
    place(pool_.keep(term));
    ++count_;
    if (term.size() > longest_) longest_ = term.size();
  }

  bool contains(std::u16string_view term) const {
    if (term.size() > longest_ || slots_.empty()) return false;  // most words outlength any stop word
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = TermHash{}(term) & mask;; i = (i + 1) & mask) {
      const std::u16string_view slot = slots_[i];
      if (slot.data() == nullptr) return false;
      if (slot == term) return true;
    }
  }

  std::size_t size() const { return count_; }

 private:
  void place(std::u16string_view term) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = TermHash{}(term) & mask;
    while (slots_[i].data() != nullptr) i = (i + 1) & mask;
    slots_[i] = term;
  }
  void grow() {
    std::vector<std::u16string_view> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, std::u16string_view());
    for (const std::u16string_view term : old) {
      if (term.data() != nullptr) place(term);
    }
  }

  StringPool pool_;
  std::vector<std::u16string_view> slots_;  // a default view (null data) marks an empty slot
  std::size_t count_ = 0;
  std::size_t longest_ = 0;
};

}  // namespace mirsad
