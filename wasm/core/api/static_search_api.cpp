#include "api/static_search_api.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "api/index_file.hpp"
#include "api/search_json.hpp"
#include "api/shared_analysis.hpp"
#include "query/query_parser.hpp"
#include "text/utf.hpp"

namespace mirsad {
namespace {

using nlohmann::ordered_json;

std::string dump(const ordered_json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

}  // namespace

StaticSearchApi::StaticSearchApi() : StaticSearchApi(shared_analyzer(), IndexFile::static_index_fingerprint()) {}

StaticSearchApi::StaticSearchApi(const Analyzer& analyzer, uint64_t analysis_fingerprint)
    : analyzer_(analyzer), reader_(analyzer, analysis_fingerprint) {}

std::string StaticSearchApi::open(const std::string& manifest) {
  const std::string error = reader_.open(manifest);
  if (!error.empty()) return dump(ordered_json{{"error", error}});
  return dump(ordered_json{{"documents", reader_.document_count()}, {"entity_facets", reader_.has_entity_facets()}});
}

std::string StaticSearchApi::provide(const std::string& name, std::string_view bytes) { return reader_.provide(name, bytes); }

std::string StaticSearchApi::search(const std::u16string& query_text, const std::string& mode, int limit, bool any,
                                    bool live, const std::string& sort_name, bool with_facets) {
  ordered_json out{{"query", utf16_to_utf8(query_text)}};
  std::vector<std::string> warnings;
  const MatchLevel level = search_level(mode, warnings);
  out["mode"] = match_level_name(level);
  const Query query = QueryParser(analyzer_).parse(query_text, level, any, live);
  warnings.insert(warnings.end(), query.warnings.begin(), query.warnings.end());
  const std::size_t k = limit <= 0 ? 0 : std::min<std::size_t>(static_cast<std::size_t>(limit), kMaxLimit);
  const ResultSort sort = search_sort(sort_name, warnings);
  Facets facets;
  StaticIndexReader::Outcome outcome = reader_.search(query, k, sort, with_facets ? &facets : nullptr);
  if (!outcome.error.empty()) return dump(ordered_json{{"error", outcome.error}});
  if (!outcome.needs.empty()) return dump(ordered_json{{"needs", outcome.needs}});
  put_search_results(
      query, outcome.results,
      [&](DocOrdinal doc) {
        const StaticFragment* f = reader_.fragment(doc);
        return f ? f->info.id : std::string();
      },
      std::move(warnings), sort, out);
  for (std::size_t i = 0; i < outcome.results.hits.size(); ++i) {
    const DocOrdinal doc = outcome.results.hits[i].doc;
    ordered_json& hit = out["hits"][i];
    hit["ordinal"] = doc;
    if (const StaticFragment* f = reader_.fragment(doc)) {
      hit["title"] = f->info.title;
      hit["date"] = f->info.date;
      hit["source"] = f->info.source;
      hit["url"] = f->info.url;
    }
  }
  if (with_facets) out["facets"] = facets_json(facets);
  return dump(out);
}

std::string StaticSearchApi::fragment(int ordinal) const {
  const StaticFragment* f = ordinal < 0 ? nullptr : reader_.fragment(static_cast<DocOrdinal>(ordinal));
  if (!f) return "{}";
  return dump(ordered_json{{"id", f->info.id},
                           {"title", f->info.title},
                           {"date", f->info.date},
                           {"source", f->info.source},
                           {"url", f->info.url},
                           {"text", utf16_to_utf8(f->text)}});
}

std::u16string StaticSearchApi::fragment_text(int ordinal) const {
  const StaticFragment* f = ordinal < 0 ? nullptr : reader_.fragment(static_cast<DocOrdinal>(ordinal));
  return f ? f->text : std::u16string();
}

std::string StaticSearchApi::stats() const {
  return dump(ordered_json{{"documents", reader_.document_count()},
                           {"files_loaded", reader_.files_loaded()},
                           {"memory_bytes", reader_.memory_bytes()}});
}

void StaticSearchApi::set_memory_budget_mb(double megabytes) {
  if (megabytes >= 1 && megabytes <= 1920) reader_.set_memory_budget(static_cast<std::size_t>(megabytes * 1048576.0));
}

}  // namespace mirsad
