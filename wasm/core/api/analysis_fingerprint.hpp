#pragma once
#include <cstdint>
#include <string_view>

namespace mirsad {

// FNV-1a over 8-byte words with a fold of the high bits (then the tail byte by byte): the data
// hashed is ~1.5 MB, and a page computes this, once, while its reader waits for the first result.
uint64_t fnv64(uint64_t h, std::string_view s);

// The fingerprint of an analysis that runs on a prebuilt lexicon (every wasm module), as static
// indexes carry it: the lexicon's text (its sources, the stop words among them, are what it was
// built from), ICU's version and the analysis code's own version tag. The full module and the
// query-side module compute the same value, so a static index written by one is read by the
// other; neither needs the sources for it.
uint64_t prebuilt_analysis_fingerprint(std::string_view prebuilt_lexicon);

}  // namespace mirsad
