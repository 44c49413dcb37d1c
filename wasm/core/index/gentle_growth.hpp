#pragma once
#include <cstddef>

namespace mirsad {

// Makes room for `extra` more elements, growing by a quarter instead of doubling. For the index's
// few large arrays (term text, per-term state) a doubled capacity is up to half wasted, and in
// wasm the high-water mark is what the page keeps: linear memory never shrinks.
template <class Container>
void reserve_gently(Container& c, std::size_t extra = 1) {
  const std::size_t needed = c.size() + extra;
  if (needed <= c.capacity()) return;
  c.reserve(needed + c.capacity() / 4 + 64);
}

}  // namespace mirsad
