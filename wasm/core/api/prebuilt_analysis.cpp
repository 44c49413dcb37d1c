#include "api/prebuilt_analysis.hpp"

#include <memory>

#include "embedded_data.hpp"
#include "text/fatal.hpp"

namespace mirsad {
namespace {

struct PrebuiltAnalysis {
  Lexicon lexicon;
  std::unique_ptr<Analyzer> analyzer;

  PrebuiltAnalysis() {
    if (!lexicon.adopt_prebuilt(embedded_data::prebuilt_lexicon_txt())) fatal("this build embeds no prebuilt lexicon");
    analyzer = std::make_unique<Analyzer>(lexicon);
  }
};

}  // namespace

const Analyzer& prebuilt_analyzer() {
  static const PrebuiltAnalysis shared;
  return *shared.analyzer;
}

}  // namespace mirsad
