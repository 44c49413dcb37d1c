#pragma once
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

namespace mirsad {

// Write-once byte records packed end to end in 1 MB blocks (a larger record gets a block of its
// own): the documents' token spans, without a growing vector that copies itself at every
// doubling and leaves the old copy as a hole in wasm memory.
class RecordStore {
 public:
  // Stores n bytes; the address names the block (high 24 bits) and the offset in it.
  uint64_t add(const uint8_t* bytes, std::size_t n) {
    if (n > kBlockSize) {
      blocks_.push_back({std::make_unique<uint8_t[]>(n), n, n});
    } else if (blocks_.empty() || blocks_.back().used + n > blocks_.back().capacity) {
      blocks_.push_back({std::make_unique<uint8_t[]>(kBlockSize), kBlockSize, 0});
    }
    Block& b = blocks_.back();
    const uint64_t address = (static_cast<uint64_t>(blocks_.size() - 1) << 40) | (n > kBlockSize ? 0 : b.used);
    if (n) std::memcpy(b.data.get() + (n > kBlockSize ? 0 : b.used), bytes, n);
    if (n <= kBlockSize) b.used += n;
    return address;
  }

  // The record at address and the end of its block (a bound for decoding), or nulls for an
  // address that names no block (only a damaged index file has one).
  std::pair<const uint8_t*, const uint8_t*> at(uint64_t address) const {
    const uint64_t block = address >> 40, offset = address & ((uint64_t{1} << 40) - 1);
    if (block >= blocks_.size() || offset > blocks_[block].used) return {nullptr, nullptr};
    const Block& b = blocks_[block];
    return {b.data.get() + offset, b.data.get() + b.used};
  }

  // The most add(n bytes) can allocate: a block of its own, a fresh block, or nothing.
  std::size_t growth_bound(std::size_t n) const {
    const std::size_t vector_growth = (blocks_.capacity() + 1) * 2 * sizeof(Block);
    if (n > kBlockSize) return n + vector_growth;
    if (!blocks_.empty() && blocks_.back().used + n <= blocks_.back().capacity) return 0;
    return kBlockSize + vector_growth;
  }

  std::size_t memory_bytes() const {
    std::size_t total = blocks_.capacity() * sizeof(Block);
    for (const Block& b : blocks_) total += b.capacity;
    return total;
  }

 private:
  static constexpr std::size_t kBlockSize = std::size_t{1} << 20;
  struct Block {
    std::unique_ptr<uint8_t[]> data;
    std::size_t capacity;
    std::size_t used;
  };
  std::vector<Block> blocks_;
};

}  // namespace mirsad
