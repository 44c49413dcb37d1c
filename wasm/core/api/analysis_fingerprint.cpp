#include "api/analysis_fingerprint.hpp"

#include <cstring>

#include <unicode/uvernum.h>

namespace mirsad {

uint64_t fnv64(uint64_t h, std::string_view s) {
  constexpr uint64_t kPrime = 1099511628211ull;
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    h = (h ^ word) * kPrime;
    h ^= h >> 29;
  }
  for (; i < s.size(); ++i) h = (h ^ static_cast<uint8_t>(s[i])) * kPrime;
  return h;
}

uint64_t prebuilt_analysis_fingerprint(std::string_view prebuilt_lexicon) {
  uint64_t h = 14695981039346656037ull;
  for (const std::string_view part : {prebuilt_lexicon, std::string_view(U_ICU_VERSION), std::string_view("analysis-2")}) {
    h = fnv64(h, part);
    h = fnv64(h, "|");
  }
  return h;
}

}  // namespace mirsad
