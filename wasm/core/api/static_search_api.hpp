#pragma once
#include <string>
#include <string_view>

#include "static_index/static_index_reader.hpp"

namespace mirsad {

// The JSON contract of a static index, for the widget, the page and `mirsad search --index-dir`:
//   open(manifest)        → {"documents"} or {"error"}
//   provide(name, bytes)  → "" or why the file was refused (bytes already inflated)
//   search(...)           → {"needs": [file…]}: fetch them, provide each, ask again; or
//                           {"error"}; or the in-memory search's answer (see JsonApi), each hit
//                           with its "ordinal", "title", "date" and "source" added
//   fragment(ordinal)     → {"id", "title", "date", "source", "text"} of a loaded fragment, or {}
// Facets and entity: filters are not available on a static index (it holds no entities yet).
class StaticSearchApi {
 public:
  // With the full module's analysis (shared_analyzer) and its fingerprint.
  StaticSearchApi();
  // With another analysis of the same lexicon (the query-side module's prebuilt_analyzer).
  StaticSearchApi(const Analyzer& analyzer, uint64_t analysis_fingerprint);
  std::string open(const std::string& manifest);
  std::string provide(const std::string& name, std::string_view bytes);
  void file_unavailable(const std::string& name, const std::string& why) { reader_.file_unavailable(name, why); }
  // with_facets: the answer's "facets" as JsonApi::search gives them (the document list is then
  // read, once).
  std::string search(const std::u16string& query_text, const std::string& mode, int limit, bool any, bool live,
                     const std::string& sort_name, bool with_facets = false);
  std::string fragment(int ordinal) const;
  std::u16string fragment_text(int ordinal) const;
  // {"files_loaded", "memory_bytes", "documents"}
  std::string stats() const;
  void set_memory_budget_mb(double megabytes);

  static constexpr std::size_t kMaxLimit = 1000;

 private:
  const Analyzer& analyzer_;
  StaticIndexReader reader_;
};

}  // namespace mirsad
