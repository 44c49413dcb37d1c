#pragma once
#include <cstdint>
#include <string_view>

namespace mirsad {

// FNV-1a over UTF-16 units. Terms are short (a word), where this beats the general-purpose
// string hashes of libstdc++/libc++ (murmur/cityhash) by a wide margin, above all in wasm.
struct TermHash {
  std::size_t operator()(std::u16string_view s) const noexcept {
    uint32_t h = 2166136261u;
    for (const char16_t c : s) {
      h ^= static_cast<uint32_t>(c);
      h *= 16777619u;
    }
    return h;
  }
};

}  // namespace mirsad
