#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/term_hash.hpp"

namespace mirsad {

// A set of UTF-16 terms, looked up by view without allocating. Open addressing over a
// power-of-two table of 8-byte slots (32-bit hash, offset of the term); the terms live end to
// end in one buffer, each after a unit holding its length. A lookup is a hash, a mask and one
// slot read, plus one read of the text on a hash match. The analyzer asks several times per
// token against a 100,000-word lexicon, so cache misses are the cost that counts.
class TermSet {
 public:
  void insert(std::u16string_view term) {
    if (term.empty() || contains(term)) return;
    if ((count_ + 1) * 2 > slots_.size()) grow();
    const auto offset = static_cast<uint32_t>(chars_.size());
    chars_.push_back(static_cast<char16_t>(term.size()));  // terms are words: far below 65,536 units
    chars_.append(term);
    place(hash(term), offset);
    ++count_;
    if (term.size() > longest_) longest_ = term.size();
  }

  bool contains(std::u16string_view term) const {
    if (term.size() > longest_ || slots_.empty()) return false;  // most words outlength any stop word
    const uint32_t h = hash(term);
    if (!maybe_contains(h)) return false;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const uint64_t slot = slots_[i];
      if (slot == 0) return false;
      if (static_cast<uint32_t>(slot >> 32) == h && text(static_cast<uint32_t>(slot) - 1) == term) return true;
    }
  }

  std::size_t size() const { return count_; }

  // Sizes the table for `terms` terms at once: loading a known list then costs one placement per
  // term instead of the rehashes of every doubling on the way.
  void reserve(std::size_t terms, std::size_t units = 0) {
    chars_.reserve(chars_.size() + units + terms);
    std::size_t slots = slots_.empty() ? 64 : slots_.size();
    while (terms * 2 > slots) slots *= 2;
    if (slots != slots_.size()) rebuild(slots);
  }

  // Calls fn(term) for every term, in insertion order.
  template <typename Fn>
  void for_each(Fn&& fn) const {
    for (uint32_t offset = 0; offset < chars_.size(); offset += 1 + chars_[offset]) fn(text(offset));
  }

 private:
  static uint32_t hash(std::u16string_view term) { return static_cast<uint32_t>(TermHash{}(term)); }
  std::u16string_view text(uint32_t offset) const {
    return std::u16string_view(chars_.data() + offset + 1, chars_[offset]);
  }
  // A Bloom filter of 8 bits per term (two probes, ~5% false positives) in front of the table:
  // it fits in cache where the table does not, and most lookups are misses.
  bool maybe_contains(uint32_t h) const {
    const uint32_t mask = static_cast<uint32_t>(bloom_.size() * 64 - 1);
    const uint32_t a = h & mask, b = ((h >> 16) | (h << 16)) * 0x9E3779B1u & mask;
    return (bloom_[a >> 6] >> (a & 63) & 1) && (bloom_[b >> 6] >> (b & 63) & 1);
  }
  void remember(uint32_t h) {
    const uint32_t mask = static_cast<uint32_t>(bloom_.size() * 64 - 1);
    const uint32_t a = h & mask, b = ((h >> 16) | (h << 16)) * 0x9E3779B1u & mask;
    bloom_[a >> 6] |= uint64_t{1} << (a & 63);
    bloom_[b >> 6] |= uint64_t{1} << (b & 63);
  }
  void place(uint32_t h, uint32_t offset) {
    remember(h);
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = h & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = (static_cast<uint64_t>(h) << 32) | (offset + 1);  // + 1: a slot of 0 is empty
  }
  void grow() { rebuild(slots_.empty() ? 64 : slots_.size() * 2); }
  void rebuild(std::size_t slots) {
    slots_.assign(slots, 0);
    bloom_.assign(slots_.size() / 16, 0);  // 4 bits per slot = 8 bits per term at full load
    for (uint32_t offset = 0; offset < chars_.size(); offset += 1 + chars_[offset]) place(hash(text(offset)), offset);
  }

  std::u16string chars_;          // every term, end to end, each after its length
  std::vector<uint64_t> slots_;   // 0 = empty, else hash << 32 | (offset + 1)
  std::vector<uint64_t> bloom_;
  std::size_t count_ = 0;
  std::size_t longest_ = 0;
};

}  // namespace mirsad
