#pragma once
#include <cstddef>
#include <vector>

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

// The most bytes a container grown with reserve_gently can hold beyond its current capacity
// (already counted as in use) while `extra` elements are added one by one: at the last growth
// its final capacity is allocated while the previous one, itself at most `needed` and grown
// from the current one, still lives.
inline std::size_t gentle_growth_bound(std::size_t size, std::size_t capacity, std::size_t extra, std::size_t element) {
  const std::size_t needed = size + extra;
  if (needed <= capacity) return 0;
  const std::size_t final_capacity = needed + needed / 4 + 64;
  return (final_capacity + (needed - capacity)) * element;
}

// Bytes a std::vector's next push_back may hold beyond its capacity: the doubled buffer.
template <class T>
std::size_t push_back_growth_bound(const std::vector<T>& v) {
  return v.size() < v.capacity() ? 0 : (v.capacity() > 0 ? 2 * v.capacity() : 1) * sizeof(T);
}

}  // namespace mirsad
