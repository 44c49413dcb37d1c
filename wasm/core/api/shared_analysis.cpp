#include "api/shared_analysis.hpp"

#include <memory>

#include "api/lexicon_sources.hpp"

namespace mirsad {
namespace {

struct SharedAnalysis {
  Lexicon lexicon;
  std::unique_ptr<Analyzer> analyzer;

  SharedAnalysis() : lexicon(load_lexicon()), analyzer(std::make_unique<Analyzer>(lexicon)) {}
};

}  // namespace

const Analyzer& shared_analyzer() {
  static const SharedAnalysis shared;
  return *shared.analyzer;
}

}  // namespace mirsad
