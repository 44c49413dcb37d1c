#pragma once
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "index/binary_io.hpp"
#include "index/gentle_growth.hpp"
#include "index/work_deadline.hpp"
#include "text/term_hash.hpp"

namespace mirsad {

// Term → dense id (0, 1, 2…), with the terms kept end to end in one buffer so they can be
// enumerated for prefix and fuzzy expansion. Open addressing, 8-byte slots (hash, id), at most
// three quarters full: the stored hash settles almost every probe without touching the text.
class TermDictionary {
 public:
  static constexpr uint32_t kMissing = UINT32_MAX;

  uint32_t find(std::u16string_view term) const { return find(term, hash(term)); }

  // With the term's hash already computed (TermHash): a caller that also keeps a cache by hash.
  uint32_t find(std::u16string_view term, uint32_t h) const {
    if (slots_.empty()) return kMissing;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const uint64_t slot = slots_[i];
      if (slot == 0) return kMissing;
      const auto id = static_cast<uint32_t>(slot) - 1;
      if (static_cast<uint32_t>(slot >> 32) == h && term_text(id) == term) return id;
    }
  }

  // The id of term, adding it if new; `added` tells which.
  uint32_t intern(std::u16string_view term, bool& added) { return intern(term, hash(term), added); }

  uint32_t intern(std::u16string_view term, uint32_t h, bool& added) {
    const uint32_t existing = find(term, h);
    added = existing == kMissing;
    if (!added) return existing;
    if ((offsets_.size() + 1) * 4 > slots_.size() * 3) grow();
    const auto id = static_cast<uint32_t>(offsets_.size());
    reserve_gently(offsets_);
    reserve_gently(chars_, term.size() + 1);
    offsets_.push_back(static_cast<uint32_t>(chars_.size()));
    chars_.push_back(static_cast<char16_t>(term.size()));
    chars_.append(term);
    place(h, id);
    return id;
  }

  static uint32_t hash(std::u16string_view term) { return static_cast<uint32_t>(TermHash{}(term)); }

  std::size_t size() const { return offsets_.size(); }
  std::u16string_view term_text(uint32_t id) const {
    const uint32_t o = offsets_[id];
    return std::u16string_view(chars_.data() + o + 1, chars_[o]);
  }
  void write(BinaryWriter& w) const {
    w.text(chars_);
    w.vec(offsets_);
  }
  // Reads what write() wrote; the hash table is rebuilt rather than stored.
  bool read(BinaryReader& r) {
    Loading loading;
    WorkDeadline never = WorkDeadline::never();
    return read_terms(r, loading) && load_some(r, loading, never) == StepStatus::Done;
  }
  // The same in slices, for a load in steps (and from a file streamed in pieces): read_terms
  // takes the length of the text, then load_some copies the text a megabyte at a time as it
  // arrives (never needing it whole in the window), reads the offsets, checks them, clears the
  // slot table and places the terms, until the deadline (nothing large is zeroed at once: the
  // first touch of fresh memory is slow).
  struct Loading {
    uint64_t char_bytes = 0;  // the terms' UTF-16 bytes in the file
    std::size_t done = 0;
    int phase = 0;
  };
  bool read_terms(BinaryReader& r, Loading& loading) {
    loading = Loading{};
    const std::size_t mark = r.position();
    const uint64_t units = r.u64();
    if (r.starved()) {
      r.rewind(mark);
      loading.phase = -1;  // the length itself is still to come: load_some reads it
      return true;
    }
    if (!r.ok() || units > r.remaining_in_file() / sizeof(char16_t)) return false;
    loading.char_bytes = units * sizeof(char16_t);
    chars_.clear();
    chars_.reserve(units);
    offsets_.clear();
    slots_.clear();
    return true;
  }
  StepStatus load_some(BinaryReader& r, Loading& loading, WorkDeadline& deadline) {
    constexpr std::size_t kPiece = std::size_t{1} << 20;
    for (;;) {
      switch (loading.phase) {
        case -1:
          if (!read_terms(r, loading)) return StepStatus::Failed;
          if (loading.phase == -1) return StepStatus::NeedsInput;
          break;
        case 0:  // the text, a megabyte at a time, as far as the bytes have arrived
          while (loading.done < loading.char_bytes) {
            const std::size_t wanted = std::min<uint64_t>(kPiece, loading.char_bytes - loading.done);
            const std::size_t n = std::min(wanted, r.remaining()) & ~std::size_t{1};
            if (n == 0) return StepStatus::NeedsInput;
            const std::string_view piece = r.some(n);
            const std::size_t at = chars_.size();
            chars_.resize(at + n / sizeof(char16_t));
            std::memcpy(chars_.data() + at, piece.data(), n);
            loading.done += n;
            if (deadline.passed_now()) return StepStatus::Working;
          }
          loading.phase = 5;
          break;
        case 5: {  // the offsets, once they are all in
          const std::size_t mark = r.position();
          offsets_ = r.vec<uint32_t>();
          if (r.starved()) {
            r.rewind(mark);
            return StepStatus::NeedsInput;
          }
          if (!r.ok()) return StepStatus::Failed;
          std::size_t slots = 1024;
          while (slots * 3 < offsets_.size() * 4) slots *= 2;
          slots_.reserve(slots);
          loading.done = 0;
          loading.phase = 1;
          break;
        }
        case 1:  // every term inside the text
          for (; loading.done < offsets_.size(); ++loading.done) {
            if (deadline.passed()) return StepStatus::Working;
            const uint32_t o = offsets_[loading.done];
            if (o >= chars_.size() || chars_[o] > chars_.size() - o - 1) return StepStatus::Failed;
          }
          loading.phase = 2;
          break;
        case 2:  // the empty slot table, a megabyte at a time (its capacity is reserved)
          while (slots_.size() < slots_.capacity()) {
            slots_.resize(std::min(slots_.capacity(), slots_.size() + kPiece / sizeof(uint64_t)), 0);
            if (slots_.size() < slots_.capacity() && deadline.passed_now()) return StepStatus::Working;
          }
          loading.done = 0;
          loading.phase = 3;
          break;
        case 3:
          for (; loading.done < offsets_.size(); ++loading.done) {
            if (deadline.passed()) return StepStatus::Working;
            place(hash(term_text(static_cast<uint32_t>(loading.done))), static_cast<uint32_t>(loading.done));
          }
          loading.phase = 4;
          break;
        default:
          return StepStatus::Done;
      }
    }
  }

  // The most adding `terms` new terms of `units` UTF-16 units in all can allocate: the grown
  // text and offsets (see reserve_gently) and a doubled slot table, each while its old copy lives.
  std::size_t growth_bound(std::size_t terms, std::size_t units) const {
    if (terms == 0) return 0;
    std::size_t slots = std::max<std::size_t>(slots_.size(), 1024);
    while (slots * 3 < (offsets_.size() + terms + 1) * 4) slots *= 2;
    return gentle_growth_bound(chars_.size(), chars_.capacity(), units + terms, sizeof(char16_t)) +
           gentle_growth_bound(offsets_.size(), offsets_.capacity(), terms, sizeof(uint32_t)) +
           (slots != slots_.size() ? slots * sizeof(uint64_t) : 0);
  }

  std::size_t memory_bytes() const {
    return chars_.capacity() * sizeof(char16_t) + offsets_.capacity() * sizeof(uint32_t) + slots_.capacity() * sizeof(uint64_t);
  }

 private:
  void place(uint32_t h, uint32_t id) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = h & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = (static_cast<uint64_t>(h) << 32) | (id + 1);
  }
  void grow() {
    slots_.assign(slots_.empty() ? 1024 : slots_.size() * 2, 0);
    for (uint32_t id = 0; id < offsets_.size(); ++id) place(hash(term_text(id)), id);
  }

  std::u16string chars_;          // each term after a unit holding its length
  std::vector<uint32_t> offsets_; // id → offset in chars_
  std::vector<uint64_t> slots_;
};

}  // namespace mirsad
