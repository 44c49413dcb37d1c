#pragma once
#include <cstdint>
#include <vector>

namespace mirsad::varint {

// LEB128-style unsigned integers: 7 bits a byte, high bit = more follows. Deltas of positions and
// document numbers are small, so most take one byte.
inline void put(std::vector<uint8_t>& out, uint32_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<uint8_t>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<uint8_t>(v));
}

// Writes v at out (at most 5 bytes) and returns the end.
inline uint8_t* put(uint8_t* out, uint32_t v) {
  while (v >= 0x80) {
    *out++ = static_cast<uint8_t>(v | 0x80);
    v >>= 7;
  }
  *out++ = static_cast<uint8_t>(v);
  return out;
}

// Reads one value at p (advancing it); the caller keeps p < end.
inline uint32_t get(const uint8_t*& p, const uint8_t* end) {
  uint32_t v = 0;
  for (int shift = 0; p < end && shift < 35; shift += 7) {
    const uint8_t b = *p++;
    v |= static_cast<uint32_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) break;
  }
  return v;
}

}  // namespace mirsad::varint
