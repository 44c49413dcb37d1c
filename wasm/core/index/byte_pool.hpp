#pragma once
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

namespace mirsad {

// Many append-only byte streams (one per term) in a few large blocks, as Lucene's ByteBlockPool
// does it: a stream is a chain of slices of growing size, each followed by the 4-byte address of
// the next. Appending never moves bytes, and the heap sees a handful of 256 KB allocations
// instead of one growing vector per term, whose slack, malloc headers and freed copies made up
// half of the page's memory (wasm memory never shrinks).
class BytePool {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  struct Stream {
    uint32_t head = kNone;    // address of the first slice
    uint32_t tail = 0;        // address of the next byte to write (of the link when room == 0)
    uint32_t size = 0;        // bytes written
    uint16_t room = 0;        // bytes left in the current slice
    uint8_t level = 0;        // size class of the next slice
    uint8_t first_level = 0;  // size class of the first slice; each next one is one larger
  };

  // A bulk append to an empty stream (an index being loaded) starts with a slice that fits it.
  void append(Stream& s, const uint8_t* bytes, std::size_t n) {
    if (n == 0) return;  // (an empty stream may have no slice to point into yet)
    if (n <= s.room) {  // the common case while indexing: a few bytes into the current slice
      uint8_t* out = at(s.tail);
      for (std::size_t i = 0; i < n; ++i) out[i] = bytes[i];
      s.tail += static_cast<uint32_t>(n);
      s.room = static_cast<uint16_t>(s.room - n);
      s.size += static_cast<uint32_t>(n);
      return;
    }
    while (n > 0) {
      if (s.room == 0) open_slice(s, n);
      const auto k = static_cast<uint32_t>(std::min<std::size_t>(s.room, n));
      std::memcpy(at(s.tail), bytes, k);
      s.tail += k;
      s.room = static_cast<uint16_t>(s.room - k);
      s.size += k;
      bytes += k;
      n -= k;
    }
  }

  // The whole stream, contiguous, into out (replacing its contents).
  void read(const Stream& s, std::vector<uint8_t>& out) const {
    out.resize(s.size);
    uint32_t address = s.head, remaining = s.size, level = s.first_level, copied = 0;
    while (remaining > 0) {
      const uint32_t payload = kPayload[level];
      const uint32_t k = std::min(remaining, payload);
      std::memcpy(out.data() + copied, at(address), k);
      copied += k;
      remaining -= k;
      if (remaining > 0) {
        std::memcpy(&address, at(address + payload), 4);
        level = next_level(level);
      }
    }
  }

  std::size_t memory_bytes() const { return blocks_.size() * kBlockSize + blocks_.capacity() * sizeof(blocks_[0]); }

 private:
  static constexpr uint32_t kBlockBits = 18;
  static constexpr uint32_t kBlockSize = 1u << kBlockBits;  // 256 KB
  static constexpr uint32_t kLevels = 11;
  // Payload of a slice of each level (Lucene's sizes, slowly growing): a term seen once costs an
  // 8-byte slice, a long list loses at most 252 bytes of slack, and links cost under 2 %. The last
  // level is for bulk appends (an index file being loaded), which start with one fitting slice.
  static constexpr uint32_t kPayload[kLevels] = {4, 12, 20, 28, 44, 60, 92, 124, 188, 252, 16380};
  static constexpr uint32_t kGrowthLevels = 10;  // appended slices grow up to kPayload[9]

  static uint32_t next_level(uint32_t level) { return level + 1 < kGrowthLevels ? level + 1 : level; }

  uint8_t* at(uint32_t address) { return blocks_[address >> kBlockBits].get() + (address & (kBlockSize - 1)); }
  const uint8_t* at(uint32_t address) const {
    return blocks_[address >> kBlockBits].get() + (address & (kBlockSize - 1));
  }

  void open_slice(Stream& s, std::size_t pending) {
    if (s.head == kNone) {
      while (s.level + 1u < kLevels && kPayload[s.level] < pending) ++s.level;
      s.first_level = s.level;
    }
    const uint32_t payload = kPayload[s.level];
    const uint32_t address = allocate(payload + 4);
    if (s.head == kNone) s.head = address;
    else std::memcpy(at(s.tail), &address, 4);  // link the previous slice to this one
    s.tail = address;
    s.room = static_cast<uint16_t>(payload);
    s.level = static_cast<uint8_t>(next_level(s.level));
  }

  uint32_t allocate(uint32_t bytes) {
    if (blocks_.empty() || used_ + bytes > kBlockSize) {
      blocks_.push_back(std::make_unique<uint8_t[]>(kBlockSize));
      used_ = 0;
    }
    const uint32_t address = (static_cast<uint32_t>(blocks_.size() - 1) << kBlockBits) | used_;
    used_ += bytes;
    return address;
  }

  std::vector<std::unique_ptr<uint8_t[]>> blocks_;
  uint32_t used_ = 0;
};

}  // namespace mirsad
