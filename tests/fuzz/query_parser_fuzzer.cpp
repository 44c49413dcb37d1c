// libFuzzer target for the query language: any bytes, read as UTF-16 units (what the page
// sends), are parsed and searched at every level against a small fixed corpus, with and
// without any-term and live modes. The search must answer, bounded, and every reported offset
// must lie inside its document.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "api/json_api.hpp"

namespace {

mirsad::JsonApi& corpus() {
  static mirsad::JsonApi* api = [] {
    auto* a = new mirsad::JsonApi();
    a->add_document("a", u"زار وزير الخارجية ليبيا أمس، ثم عاد إلى تونس. وقالت مصادر إن لليبيا حدودا طويلة.", "زيارة", "2015-02-24", "x");
    a->add_document("b", u"الحكومة الليبية تعلن حالة الطوارئ في طرابلس بعد هجوم إرهابي ﷺ ٢٠١٦/٠٢/٢٤.", "", "2016", "y");
    a->add_document("c", u"😀 تنسيق أمني بين مصر وليبيا وتونس لمواجهة الإرهاب والإرهابيين.", "", "", "");
    return a;
  }();
  return *api;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  if (size > 8192) return 0;
  std::u16string query(size / 2, u'\0');
  for (std::size_t i = 0; i + 1 < size; i += 2) query[i / 2] = static_cast<char16_t>(data[i] | (data[i + 1] << 8));
  mirsad::JsonApi& api = corpus();
  for (const char* mode : {"exact", "normalized", "word", "stem"}) {
    for (int flags = 0; flags < 4; ++flags) {
      const auto result = nlohmann::json::parse(api.search(query, mode, 10, flags & 1, flags & 2));
      for (const auto& hit : result["hits"]) {
        const std::size_t length = api.text(hit["id"].get<std::string>()).size();
        for (const auto& m : hit["matches"]) {
          if (!(m[0].get<std::size_t>() < m[1].get<std::size_t>() && m[1].get<std::size_t>() <= length)) {
            std::fprintf(stderr, "match outside its document\n");
            __builtin_trap();
          }
        }
      }
    }
  }
  return 0;
}
