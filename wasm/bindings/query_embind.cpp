// The query-side module: StaticSearchApi alone, for the widget over a static index. It carries
// the analysis (the prebuilt lexicon, ICU's normalization and word breaks) and the static index
// reader, and none of the index builder, the loaders, the entity extractor or their data.
#include <emscripten/bind.h>

#include "api/analysis_fingerprint.hpp"
#include "api/prebuilt_analysis.hpp"
#include "embedded_data.hpp"
#include "static_search_binding.hpp"

namespace {

mirsad::StaticSearchApi* make_static_search_api() {
  static const uint64_t fingerprint = mirsad::prebuilt_analysis_fingerprint(mirsad::embedded_data::prebuilt_lexicon_txt());
  return new mirsad::StaticSearchApi(mirsad::prebuilt_analyzer(), fingerprint);
}

}  // namespace

EMSCRIPTEN_BINDINGS(mirsad_query) {
  emscripten::class_<mirsad::StaticSearchApi> api("StaticSearchApi");
  api.constructor(&make_static_search_api, emscripten::allow_raw_pointers());
  mirsad_bindings::bind_static_search_api(api);
}
