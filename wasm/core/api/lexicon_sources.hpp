#pragma once
#include "analysis/lexicon.hpp"

namespace mirsad {

// Where the engine's lexicon comes from. Its sources are the stems of Debian's hunspell-ar, the
// entity data (gazetteer, gentilics, cues, stop words) and ICU's CLDR names. Filling it from them
// means normalizing 110,000 words and reading CLDR: about 100 ms of a page's start-up. So the
// wasm build does it once, at build time (wasm/tools/lexicon_main.cpp, this same code), and
// embeds the result; the native build, for tests and benchmarks, still starts from the sources.
Lexicon build_lexicon_from_sources();

// The prebuilt lexicon when the build embedded one, else build_lexicon_from_sources().
Lexicon load_lexicon();

}  // namespace mirsad
