#pragma once
#include "analysis/analyzer.hpp"

namespace mirsad {

// The analysis chain built once from the embedded data (lexicon, stop words) and shared by every
// engine and static index reader of the process: building it reads 110,000 words.
const Analyzer& shared_analyzer();

}  // namespace mirsad
