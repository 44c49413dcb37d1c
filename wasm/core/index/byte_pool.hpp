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
//
// A bulk append to an empty stream (an index file being loaded) writes one exact-size slice:
// its length (4 bytes), the bytes, then the link, packed right after the previous slice and
// running on into the next block when it does not fit (addresses are contiguous across blocks).
// A loaded index therefore takes no more room than the file's postings plus 8 bytes a term; it
// used to take a 16 KB slice for every list over 252 bytes (30 MB of postings for 4.8 MB built).
class BytePool {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  struct Stream {
    uint32_t head = kNone;    // address of the first slice
    uint32_t tail = 0;        // address of the next byte to write (of the link when room == 0)
    uint32_t size = 0;        // bytes written
    uint16_t room = 0;        // bytes left in the current slice
    uint8_t level = 0;        // size class of the next slice
    uint8_t first_level = 0;  // size class of the first slice (kExactLevel: a bulk slice); each next one is one larger
  };

  // A bulk append to an empty stream (an index being loaded) gets one exact-size slice.
  void append(Stream& s, const uint8_t* bytes, std::size_t n) {
    if (n == 0) return;  // (an empty stream may have no slice to point into yet)
    if (s.head == kNone && n > kPayload[0]) {
      append_exact(s, bytes, n);
      return;
    }
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
    if (remaining > 0 && level == kExactLevel) {
      uint32_t length = 0;
      copy_out(address, &length, 4);
      copy_out(address + 4, out.data(), length);
      copied = length;
      remaining -= length;
      if (remaining > 0) copy_out(address + 4 + length, &address, 4);
      level = kAfterExactLevel;
    }
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

  // The most bytes appending `bytes` to stream s in steps (as indexing does; first_step is the
  // size of the first of them, which picks a new stream's first slice) can allocate: the slices
  // it opens, and a new block for each that no longer fits.
  std::size_t growth_bound(const Stream& s, std::size_t bytes, std::size_t first_step) const {
    if (bytes <= s.room) return 0;
    bytes -= s.room;
    uint32_t level = s.level;
    if (s.head == kNone) {
      level = 0;
      while (level + 1u < kLevels && kPayload[level] < first_step) ++level;
    }
    std::size_t total = 0;
    while (bytes > 0) {
      const uint32_t payload = kPayload[level];
      total += payload + 4;
      bytes -= std::min<std::size_t>(bytes, payload);
      level = next_level(level);
    }
    return total;
  }
  // Blocks (and their pointers) to hold `slice_bytes` of new slices: a slice never straddles a
  // block, so each block may leave up to a largest slice unused.
  std::size_t blocks_bound(std::size_t slice_bytes) const {
    if (slice_bytes <= free_bytes()) return 0;
    const std::size_t usable = kBlockSize - (kPayload[kLevels - 1] + 4);
    const std::size_t blocks = (slice_bytes - free_bytes() + usable - 1) / usable;
    return blocks * (kBlockSize + sizeof(blocks_[0])) + (blocks_.size() + blocks) * sizeof(blocks_[0]);
  }

  std::size_t memory_bytes() const { return blocks_.size() * kBlockSize + blocks_.capacity() * sizeof(blocks_[0]); }
  // Bytes still free in the last block: appends that fit there allocate nothing.
  std::size_t free_bytes() const { return blocks_.empty() ? 0 : kBlockSize - used_; }

 private:
  static constexpr uint32_t kBlockBits = 18;
  static constexpr uint32_t kBlockSize = 1u << kBlockBits;  // 256 KB
  static constexpr uint32_t kLevels = 11;
  // Payload of a slice of each level (Lucene's sizes, slowly growing): a term seen once costs an
  // 8-byte slice, a long list loses at most 252 bytes of slack, and links cost under 2 %. The last
  // level is kept for streams that are appended to in large steps.
  static constexpr uint32_t kPayload[kLevels] = {4, 12, 20, 28, 44, 60, 92, 124, 188, 252, 16380};
  static constexpr uint32_t kGrowthLevels = 10;  // appended slices grow up to kPayload[9]

  static constexpr uint8_t kExactLevel = 0xFF;    // first_level of a stream that starts with a bulk slice
  static constexpr uint8_t kAfterExactLevel = 5;  // size class of the slices appended after it

  static uint32_t next_level(uint32_t level) { return level + 1 < kGrowthLevels ? level + 1 : level; }

  // Copies that may run across a block boundary (only bulk slices and their links do).
  void copy_in(uint32_t address, const void* from, std::size_t n) {
    const auto* src = static_cast<const uint8_t*>(from);
    while (n > 0) {
      const std::size_t k = std::min<std::size_t>(n, kBlockSize - (address & (kBlockSize - 1)));
      std::memcpy(at(address), src, k);
      address += static_cast<uint32_t>(k);
      src += k;
      n -= k;
    }
  }
  void copy_out(uint32_t address, void* to, std::size_t n) const {
    auto* dst = static_cast<uint8_t*>(to);
    while (n > 0) {
      const std::size_t k = std::min<std::size_t>(n, kBlockSize - (address & (kBlockSize - 1)));
      std::memcpy(dst, at(address), k);
      address += static_cast<uint32_t>(k);
      dst += k;
      n -= k;
    }
  }

  // length, bytes, then room for the link, from the first free byte on, in as many blocks as it takes.
  void append_exact(Stream& s, const uint8_t* bytes, std::size_t n) {
    const auto length = static_cast<uint32_t>(n);
    const uint32_t address = allocate_span(4 + length + 4);
    copy_in(address, &length, 4);
    copy_in(address + 4, bytes, length);
    s.head = address;
    s.tail = address + 4 + length;  // the link, written when a slice follows
    s.size = length;
    s.room = 0;
    s.first_level = kExactLevel;
    s.level = kAfterExactLevel;
  }

  uint32_t allocate_span(std::size_t bytes) {
    // A span that ended exactly at the end of the last block left it full: the next one starts
    // in a new block (its address would otherwise carry the offset 256 K into the block number,
    // and the postings loaded there were read back from another place).
    if (blocks_.empty() || used_ == kBlockSize) add_block();
    const uint32_t address = (static_cast<uint32_t>(blocks_.size() - 1) << kBlockBits) | used_;
    std::size_t left = bytes;
    while (left > kBlockSize - used_) {
      left -= kBlockSize - used_;
      add_block();
    }
    used_ += static_cast<uint32_t>(left);
    return address;
  }

  void add_block() {
    blocks_.push_back(std::unique_ptr<uint8_t[]>(new uint8_t[kBlockSize]));  // not zeroed: every byte is written before it is read
    used_ = 0;
  }

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
    else copy_in(s.tail, &address, 4);  // link the previous slice to this one (a bulk slice's link may cross blocks)
    s.tail = address;
    s.room = static_cast<uint16_t>(payload);
    s.level = static_cast<uint8_t>(next_level(s.level));
  }

  uint32_t allocate(uint32_t bytes) {
    if (blocks_.empty() || used_ + bytes > kBlockSize) add_block();
    const uint32_t address = (static_cast<uint32_t>(blocks_.size() - 1) << kBlockBits) | used_;
    used_ += bytes;
    return address;
  }

  std::vector<std::unique_ptr<uint8_t[]>> blocks_;
  uint32_t used_ = 0;
};

}  // namespace mirsad
