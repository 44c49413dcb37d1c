#include "api/json_api.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <malloc.h>

#include <nlohmann/json.hpp>

#include "api/index_file.hpp"
#include "search/concordance.hpp"
#include "corpus/corpus_loader.hpp"
#include "text/utf.hpp"

namespace mirsad {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

std::string dump(const ordered_json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

ordered_json entity_json(const Entity& e) {
  ordered_json j{{"type", entity_type_name(e.type)}, {"start", e.span.start}, {"end", e.span.end},
                 {"text", e.text}, {"canonical", e.canonical}, {"label_en", e.label_en}};
  if (!e.country.empty()) j["country"] = e.country;
  if (!e.value.empty()) j["value"] = e.value;
  return j;
}

// loaded: the file the documents came from, when they came from one (its errors then name the
// file and the line each refused document starts on).
ordered_json load_report(std::size_t offered, const std::vector<AddError>& errors, const std::vector<LoadWarning>& warnings,
                         std::string_view file_name = {}, const std::vector<std::size_t>& lines = {}) {
  ordered_json report{{"added", offered - errors.size()}, {"errors", ordered_json::array()}, {"warnings", ordered_json::array()}};
  for (const AddError& e : errors) {
    ordered_json error{{"id", e.id}, {"code", e.code}, {"message", e.message}};
    if (!file_name.empty()) {
      error["source"] = file_name;
      error["line"] = e.position < lines.size() ? lines[e.position] : 0;
    }
    report["errors"].push_back(std::move(error));
  }
  for (const LoadWarning& w : warnings) {
    ordered_json warning{{"source", w.source}, {"line", w.line}, {"code", w.code}, {"message", w.message}};
    if (w.code == "invalid_utf8" || w.code == "lone_surrogate") warning["count"] = w.count;
    report["warnings"].push_back(std::move(warning));
  }
  return report;
}

}  // namespace

std::string JsonApi::load_file(std::string_view file_name, std::string_view bytes) {
  LoadResult loaded = CorpusLoader::from_file(file_name, bytes);
  const std::size_t offered = loaded.documents.size();
  const auto errors = engine_.add_documents(std::move(loaded.documents));
  const std::string report = dump(load_report(offered, errors, loaded.warnings, file_name, loaded.document_lines));
  engine_.compact();
  return report;
}

std::string JsonApi::add_document(const std::string& id, std::u16string text, const std::string& title,
                                  const std::string& date, const std::string& source) {
  std::vector<Document> one;
  one.push_back(Document{id, std::move(text), title, date, source});
  const auto errors = engine_.add_documents(std::move(one));
  // The common case (accepted) as a constant: building a JSON object per document cost a few
  // percent of indexing a whole corpus from the page.
  if (errors.empty()) return R"({"added":1,"errors":[],"warnings":[]})";
  return dump(load_report(1, errors, {}));
}

std::string JsonApi::documents() const {
  ordered_json list = ordered_json::array();
  for (const DocumentInfo& d : engine_.documents()) {
    list.push_back({{"id", d.id}, {"title", d.title}, {"date", d.date}, {"source", d.source}, {"length", d.length}});
  }
  return dump(list);
}

std::u16string JsonApi::text(const std::string& id) const {
  const auto ordinal = engine_.find(id);
  return ordinal ? engine_.text(*ordinal) : std::u16string();
}

std::string JsonApi::search(const std::u16string& query_text, const std::string& mode, int limit, bool any,
                            bool live) const {
  ordered_json out{{"query", utf16_to_utf8(query_text)}};
  const auto level = parse_match_level(mode.empty() ? "word" : mode);
  std::vector<std::string> warnings;
  MatchLevel effective = MatchLevel::Word;
  if (level) effective = *level;
  else warnings.push_back("unknown mode \"" + mode + "\": used word (exact, normalized, word, stem)");
  out["mode"] = match_level_name(effective);
  const Query query = engine_.parse_query(query_text, effective, any, live);
  warnings.insert(warnings.end(), query.warnings.begin(), query.warnings.end());
  const std::size_t k = limit <= 0 ? 0 : std::min<std::size_t>(static_cast<std::size_t>(limit), kMaxLimit);
  const SearchResults results = engine_.search(query, k);
  out["total"] = results.total;
  out["matches_total"] = results.matches_total;
  ordered_json hits = ordered_json::array();
  for (const SearchHit& hit : results.hits) {
    ordered_json matches = ordered_json::array();
    for (const Span& m : hit.matches) matches.push_back({m.start, m.end});
    hits.push_back({{"id", engine_.documents()[hit.doc].id},
                    {"score", std::round(hit.score * 10000.0) / 10000.0},
                    {"matches", std::move(matches)},
                    {"snippet", {{"start", hit.snippet.start}, {"end", hit.snippet.end}}}});
  }
  out["hits"] = std::move(hits);
  warnings.insert(warnings.end(), results.notes.begin(), results.notes.end());
  out["warnings"] = warnings;
  return dump(out);
}

std::string JsonApi::concordance(const std::u16string& query_text, const std::string& mode, int max_lines,
                                 int context, const std::string& order) const {
  const MatchLevel level = parse_match_level(mode.empty() ? "word" : mode).value_or(MatchLevel::Word);
  const Query query = engine_.parse_query(query_text, level);
  const SearchResults results = engine_.search(query, kMaxLimit);
  const std::size_t limit = static_cast<std::size_t>(std::clamp(max_lines, 1, 5000));
  const ConcordanceOrder sort = order == "left" ? ConcordanceOrder::Left
                                : order == "right" ? ConcordanceOrder::Right : ConcordanceOrder::Document;
  const std::vector<ConcordanceLine> lines = build_concordance(
      results.hits, limit, static_cast<uint32_t>(std::clamp(context, 1, 30)), sort,
      [&](DocOrdinal d) { return engine_.text(d); }, [&](DocOrdinal d) { return engine_.index().token_spans(d); },
      [&](std::u16string_view w) { return engine_.analyzer().normalizer().normalize_plain(w); });
  ordered_json out_lines = ordered_json::array();
  for (const ConcordanceLine& l : lines) {
    out_lines.push_back({{"id", engine_.documents()[l.doc].id}, {"start", l.match.start}, {"end", l.match.end},
                         {"left", utf16_to_utf8(l.left)}, {"keyword", utf16_to_utf8(l.keyword)},
                         {"right", utf16_to_utf8(l.right)}});
  }
  return dump(ordered_json{{"query", utf16_to_utf8(query_text)}, {"mode", match_level_name(level)},
                           {"order", sort == ConcordanceOrder::Left ? "left" : sort == ConcordanceOrder::Right ? "right" : "document"},
                           {"matches_total", results.matches_total}, {"truncated", lines.size() < results.matches_total},
                           {"lines", std::move(out_lines)}, {"warnings", query.warnings}});
}

std::string JsonApi::entities(const std::string& id) const {
  ordered_json docs = ordered_json::array();
  const auto add = [&](DocOrdinal ordinal) {
    ordered_json list = ordered_json::array();
    for (const Entity& e : engine_.entities(ordinal)) list.push_back(entity_json(e));
    docs.push_back({{"id", engine_.documents()[ordinal].id}, {"entities", std::move(list)}});
  };
  if (id.empty()) {
    for (DocOrdinal d = 0; d < engine_.documents().size(); ++d) add(d);
  } else if (const auto ordinal = engine_.find(id)) {
    add(*ordinal);
  } else {
    return dump(ordered_json{{"documents", ordered_json::array()}, {"error", "no document with id \"" + id + "\""}});
  }
  return dump(ordered_json{{"documents", std::move(docs)}});
}

std::string JsonApi::entities_of_text(const std::u16string& text) const {
  ordered_json list = ordered_json::array();
  for (const Entity& e : engine_.extract_entities(text)) list.push_back(entity_json(e));
  return dump(ordered_json{{"documents", {{{"id", "text"}, {"entities", std::move(list)}}}}});
}

std::string JsonApi::entity_overview(const std::string& ids_json, int entity_limit) const {
  std::vector<DocOrdinal> docs;
  std::vector<std::string> unknown;
  bool truncated = false;
  const std::size_t limit = std::clamp(entity_limit, 1, 500);
  if (ids_json.empty() || ids_json == "[]") {
    const std::size_t n = std::min(engine_.documents().size(), kOverviewDocuments);
    truncated = engine_.documents().size() > n;
    for (DocOrdinal d = 0; d < n; ++d) docs.push_back(d);
  } else {
    const json ids = json::parse(ids_json, nullptr, false);
    if (!ids.is_array()) return dump(ordered_json{{"error", "expected a JSON array of document ids"}});
    for (const json& id : ids) {
      if (docs.size() == kOverviewDocuments) { truncated = true; break; }
      const auto ordinal = id.is_string() ? engine_.find(id.get<std::string>()) : std::nullopt;
      if (ordinal) docs.push_back(*ordinal);
      else if (unknown.size() < 10) unknown.push_back(id.is_string() ? id.get<std::string>() : id.dump());
    }
  }
  const EntityOverview o = engine_.entity_overview(docs, limit, kMatrixSize);
  ordered_json entities = ordered_json::array(), pairs = ordered_json::array(), timeline = ordered_json::array();
  for (const EntitySummary& e : o.entities) {
    entities.push_back({{"type", entity_type_name(e.type)}, {"canonical", e.canonical}, {"label_en", e.label_en},
                        {"documents", e.documents}, {"mentions", e.mentions}});
  }
  for (const CoOccurrence& p : o.pairs) {
    pairs.push_back({{"a", p.a}, {"b", p.b}, {"documents", p.documents}, {"sentences", p.sentences}});
  }
  for (const TimelinePeriod& t : o.timeline) {
    ordered_json ids = ordered_json::array();
    for (const uint32_t i : t.documents) {
      if (ids.size() == 50) break;
      ids.push_back(engine_.documents()[docs[i]].id);
    }
    timeline.push_back({{"period", t.period}, {"mentions", t.mentions}, {"documents", t.documents.size()}, {"ids", std::move(ids)}});
  }
  ordered_json out{{"documents", o.documents}, {"truncated", truncated}, {"entities", std::move(entities)},
                   {"pairs", std::move(pairs)}, {"timeline", std::move(timeline)}};
  if (!unknown.empty()) out["unknown_ids"] = unknown;
  return dump(out);
}

std::string JsonApi::save_index() const { return IndexFile::save(engine_); }

std::string JsonApi::load_index(std::string_view bytes) {
  const std::string error = IndexFile::load(bytes, engine_);
  if (!error.empty()) return dump(ordered_json{{"error", error}});
  return dump(ordered_json{{"documents", engine_.documents().size()}});
}

std::string JsonApi::begin_load_index(std::string bytes) {
  if (loading_bytes_) return dump(ordered_json{{"error", "an index is already being loaded"}});
  loading_bytes_.reset(new char[bytes.size()]);
  loading_size_ = bytes.size();
  if (!bytes.empty()) std::memcpy(loading_bytes_.get(), bytes.data(), bytes.size());
  return dump(ordered_json{{"done", false}, {"progress", 0}});
}

std::string JsonApi::begin_load_index_of_size(double size) {
  if (loading_bytes_) return dump(ordered_json{{"error", "an index is already being loaded"}});
  // The file and the engine it becomes must both fit in wasm's 2 GiB, the file being the larger.
  if (!(size >= 0) || size > static_cast<double>(Engine::kMaxMemoryBudgetMb) * 1048576.0 / 2) {
    return dump(ordered_json{{"error", "index file of " + std::to_string(static_cast<long long>(size / 1048576)) +
                                           " MB is too large to load (at most " + std::to_string(Engine::kMaxMemoryBudgetMb / 2) + " MB)"}});
  }
  loading_size_ = static_cast<std::size_t>(size);
  loading_bytes_.reset(new char[loading_size_]);  // uninitialised: the caller fills every byte
  return dump(ordered_json{{"done", false}, {"progress", 0}});
}

std::string JsonApi::begin_load_index_stream(double size) {
  if (loading_bytes_ || loading_) return dump(ordered_json{{"error", "an index is already being loaded"}});
  // Only a window of the file is held: the engine it becomes is what must fit in wasm's 2 GiB.
  if (!(size >= 0) || size > static_cast<double>(Engine::kMaxMemoryBudgetMb) * 1048576.0) {
    return dump(ordered_json{{"error", "index file of " + std::to_string(static_cast<long long>(size / 1048576)) +
                                           " MB is too large to load (at most " + std::to_string(Engine::kMaxMemoryBudgetMb) + " MB)"}});
  }
  loading_ = std::make_unique<IndexLoading>(static_cast<uint64_t>(size), engine_);
  return dump(ordered_json{{"done", false}, {"progress", 0}, {"needsBytes", true}});
}

char* JsonApi::load_room(std::size_t n) { return loading_ && !loading_bytes_ ? loading_->room(n) : nullptr; }

bool JsonApi::load_pushed(std::size_t n) { return loading_ && !loading_bytes_ && loading_->pushed(n); }

std::string JsonApi::continue_load_index(double budget_ms) {
  if (!loading_bytes_ && !loading_) return dump(ordered_json{{"error", "no index is being loaded"}});
  if (!loading_) loading_ = std::make_unique<IndexLoading>(std::string_view(loading_bytes_.get(), loading_size_), engine_);
  const StepStatus status = loading_->step(budget_ms > 0 ? WorkDeadline::after_ms(budget_ms) : WorkDeadline::never());
  if (status == StepStatus::Working) return dump(ordered_json{{"done", false}, {"progress", loading_->progress()}});
  if (status == StepStatus::NeedsInput) {
    return dump(ordered_json{{"done", false}, {"progress", loading_->progress()}, {"needsBytes", true}});
  }
  const std::string error = loading_->error();
  const bool streamed = !loading_bytes_;
  const std::size_t peak_window = loading_->peak_window_bytes();
  loading_.reset();
  loading_bytes_.reset();
  if (status == StepStatus::Failed) return dump(ordered_json{{"error", error}});
  ordered_json done{{"documents", engine_.documents().size()}};
  if (streamed) done["peakWindowBytes"] = peak_window;  // the most of the file held at once
  return dump(done);
}

namespace {

// The allocator's view: bytes in use and bytes obtained from the system (in wasm, the linear
// memory the heap has grown to). glibc renamed mallinfo (int fields) to mallinfo2.
struct HeapUse {
  std::size_t in_use, footprint;
};
HeapUse heap_use() {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
  const auto m = mallinfo2();
#else
  const auto m = mallinfo();
#endif
  return {static_cast<std::size_t>(m.uordblks), static_cast<std::size_t>(m.arena)};
}

}  // namespace

std::string JsonApi::stats() const {
  const HeapUse heap = heap_use();
  const InvertedIndex& index = engine_.index();
  ordered_json terms;
  for (const MatchLevel level : kAllMatchLevels) terms[std::string(match_level_name(level))] = index.dictionary(level).size();
  const std::size_t text_bytes = engine_.texts().heap_bytes();
  ordered_json parts;
  for (const auto& [name, bytes] : index.memory_parts()) parts[name] = bytes;
  parts["title_index"] = engine_.title_index().memory_bytes();
  return dump(ordered_json{{"documents", index.document_count()},
                           {"tokens", static_cast<uint64_t>(index.average_document_length() * index.document_count() + 0.5)},
                           {"terms", terms},
                           {"index_bytes", index.memory_bytes() + engine_.title_index().memory_bytes()},
                           {"index_parts", parts},
                           {"text_bytes", text_bytes},
                           {"memory_in_use", engine_.memory_in_use()},
                           {"memory_budget", engine_.memory_budget()},
                           {"heap_in_use", heap.in_use},
                           {"heap_footprint", heap.footprint}});
}

std::string JsonApi::normalize(const std::u16string& text) const {
  const AnalyzedText analyzed = engine_.analyze(text);
  ordered_json tokens = ordered_json::array();
  for (const AnalyzedToken& t : analyzed.tokens) {
    tokens.push_back({{"start", t.token.span.start},
                      {"end", t.token.span.end},
                      {"text", utf16_to_utf8(std::u16string_view(text).substr(t.token.span.start, t.token.span.length()))},
                      {"kind", token_kind_name(t.token.kind)},
                      {"exact", utf16_to_utf8(t.term(MatchLevel::Exact))},
                      {"norm", utf16_to_utf8(t.term(MatchLevel::Normalized))},
                      {"base", utf16_to_utf8(t.term(MatchLevel::Word))},
                      {"stem", utf16_to_utf8(t.term(MatchLevel::Stem))},
                      {"stop", t.stop}});
  }
  return dump(ordered_json{{"text", utf16_to_utf8(text)},
                           {"normalized", utf16_to_utf8(analyzed.normalized.text)},
                           {"tokens", std::move(tokens)}});
}

}  // namespace mirsad
