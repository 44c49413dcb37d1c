#pragma once
#include "analysis/analyzer.hpp"

namespace mirsad {

// The analysis chain of a module that carries the prebuilt lexicon and none of what it was built
// from (the query-side module: no entity data, no word lists, no CLDR names). It analyses
// exactly as shared_analyzer() does in the full module, which builds on the same lexicon.
// A build without a prebuilt lexicon (native) cannot have it: that is a build defect, and fatal.
const Analyzer& prebuilt_analyzer();

}  // namespace mirsad
