#pragma once
#include <cstdint>
#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace mirsad {

// Little-endian writer for the index file. Vectors of plain integers are written as a length and
// their raw bytes; wasm and x86-64 are both little-endian, and the header rejects anything else.
class BinaryWriter {
 public:
  // A writer that keeps nothing and only counts the bytes: the exact size of a file before it is
  // written, so its buffer is allocated once (a growing buffer doubles, and both copies live).
  static BinaryWriter counting() {
    BinaryWriter w;
    w.counting_ = true;
    return w;
  }
  std::size_t size() const { return counting_ ? counted_ : out_.size(); }
  void u8(uint8_t v) { raw(&v, 1); }
  void u32(uint32_t v) { raw(&v, sizeof v); }
  void u64(uint64_t v) { raw(&v, sizeof v); }
  void bytes(std::string_view b) {
    u64(b.size());
    raw(b.data(), b.size());
  }
  void text(std::u16string_view s) {
    u64(s.size());
    raw(s.data(), s.size() * sizeof(char16_t));
  }
  template <typename T>
  void vec(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    u64(v.size());
    raw(v.data(), v.size() * sizeof(T));
  }
  std::string& buffer() { return out_; }

 private:
  void raw(const void* p, std::size_t n) {
    if (counting_) counted_ += n;
    else if (n) out_.append(static_cast<const char*>(p), n);
  }
  std::string out_;
  bool counting_ = false;
  std::size_t counted_ = 0;
};

// The matching reader. Every read checks the bounds; after a failed read ok() is false and all
// further reads return zeros, so a truncated or corrupt file ends in one clear error, not a crash.
//
// A file streamed in pieces is read through a window: `data` is what has arrived and not been
// consumed, `more` how many bytes of the file are still to come. A read that runs past the window
// but not past the file leaves the reader starved() instead of failed: the caller rewinds to the
// start of its item (rewind(mark)) and asks for more bytes, then reads the item again.
class BinaryReader {
 public:
  explicit BinaryReader(std::string_view data, uint64_t more = 0) : data_(data), more_(more) {}
  bool ok() const { return ok_; }
  // The last read ran out of the window, not out of the file: more bytes will complete it.
  bool starved() const { return starved_; }
  bool at_end() const { return pos_ == data_.size() && more_ == 0; }
  std::size_t remaining() const { return data_.size() - pos_; }
  // Bytes of the file after the read position, including those not arrived yet.
  uint64_t remaining_in_file() const { return data_.size() - pos_ + more_; }
  std::size_t position() const { return pos_; }
  void rewind(std::size_t mark) {
    pos_ = mark;
    ok_ = true;
    starved_ = false;
  }
  // n bytes at offset from the read position, in the window, without reading them.
  std::string_view peek(std::size_t offset, std::size_t n) const { return data_.substr(pos_ + offset, n); }
  // Up to n bytes that are in the window, without a length prefix (a large item read in steps).
  std::string_view some(std::size_t n) {
    if (!ok_) return {};
    const std::string_view s = data_.substr(pos_, std::min(n, data_.size() - pos_));
    pos_ += s.size();
    return s;
  }

  uint8_t u8() {
    uint8_t v = 0;
    raw(&v, 1);
    return v;
  }
  uint32_t u32() {
    uint32_t v = 0;
    raw(&v, sizeof v);
    return v;
  }
  uint64_t u64() {
    uint64_t v = 0;
    raw(&v, sizeof v);
    return v;
  }
  std::string bytes() {
    const uint64_t n = u64();
    if (!check(n)) return {};
    std::string s(data_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  // The same bytes without a copy: a view into the data being read.
  std::string_view bytes_view() {
    const uint64_t n = u64();
    if (!check(n)) return {};
    const std::string_view s = data_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  // A UTF-16 text's bytes (little-endian, maybe unaligned) without a copy.
  std::string_view text_bytes() {
    const uint64_t n = u64();
    if (!check_elements(n, sizeof(char16_t))) return {};
    const std::string_view s = data_.substr(pos_, n * sizeof(char16_t));
    pos_ += n * sizeof(char16_t);
    return s;
  }
  static std::u16string text_of(std::string_view bytes) {
    std::u16string s(bytes.size() / sizeof(char16_t), u'\0');
    if (!s.empty()) std::memcpy(s.data(), bytes.data(), s.size() * sizeof(char16_t));
    return s;
  }
  std::u16string text() {
    const uint64_t n = u64();
    if (!check_elements(n, sizeof(char16_t))) return {};
    std::u16string s(n, u'\0');
    raw(s.data(), n * sizeof(char16_t));
    return s;
  }
  template <typename T>
  std::vector<T> vec() {
    static_assert(std::is_trivially_copyable_v<T>);
    const uint64_t n = u64();
    if (!check_elements(n, sizeof(T))) return {};
    std::vector<T> v(n);
    raw(v.data(), n * sizeof(T));
    return v;
  }
  void fail() { ok_ = false; }

 private:
  bool check(uint64_t n) {
    if (!ok_) return false;
    if (n > data_.size() - pos_) {
      ok_ = false;
      starved_ = n <= remaining_in_file();
    }
    return ok_;
  }
  // n elements of `size` bytes: refused at once when the rest of the file cannot hold them (a
  // corrupt count never waits for bytes, nor allocates for them).
  bool check_elements(uint64_t n, std::size_t size) {
    if (ok_ && n > remaining_in_file() / size) ok_ = false;
    return ok_ && check(n * size);
  }
  void raw(void* p, std::size_t n) {
    if (!check(n) || n == 0) return;  // an empty vector's data() may be null: memcpy must not see it
    std::memcpy(p, data_.data() + pos_, n);
    pos_ += n;
  }
  std::string_view data_;
  uint64_t more_ = 0;
  std::size_t pos_ = 0;
  bool ok_ = true;
  bool starved_ = false;
};

// CRC-32 (IEEE 802.3), to tell a damaged file from a valid one before reading it. crc32_update
// continues a running value (start with 0) over the next piece of the data.
inline uint32_t crc32_update(uint32_t running, std::string_view data);
inline uint32_t crc32(std::string_view data) { return crc32_update(0, data); }
inline uint32_t crc32_update(uint32_t running, std::string_view data) {
  static const auto table = [] {
    std::vector<uint32_t> t(256);
    for (uint32_t i = 0; i < 256; ++i) {
      uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  uint32_t crc = running ^ 0xFFFFFFFFu;
  for (const char ch : data) crc = table[(crc ^ static_cast<uint8_t>(ch)) & 0xFF] ^ (crc >> 8);
  return crc ^ 0xFFFFFFFFu;
}

}  // namespace mirsad
