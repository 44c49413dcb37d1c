#include "api/json_api.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <malloc.h>

#include <nlohmann/json.hpp>

#include "api/event_json.hpp"
#include "api/index_file.hpp"
#include "api/search_json.hpp"
#include "entities/entity_name_key.hpp"
#include "search/concordance.hpp"
#include "search/term_suggestions.hpp"
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

// The report of a mapping, for people and programs: each role with its field (null for none).
ordered_json mapping_json(const MappingReport& r) {
  ordered_json out;
  ordered_json automatic = ordered_json::array();
  for (FieldRole role : kFieldRoles) {
    const std::string& field = r.mapping.field(role);
    out[field_role_name(role)] = field.empty() ? ordered_json() : ordered_json(field);
    if (!field.empty() && !r.mapping.given(role)) automatic.push_back(field_role_name(role));
  }
  out["automatic"] = std::move(automatic);
  out["generated_ids"] = r.generated_ids;
  out["dates_normalized"] = r.dates_normalized;
  out["dates_kept"] = r.dates_kept;
  return out;
}


}  // namespace

struct JsonApi::FileLoad {
  std::string name;
  std::unique_ptr<FileLoading> loading;  // null when the mapping was refused
  std::size_t added = 0;
  ordered_json errors = ordered_json::array();
  std::vector<LoadWarning> warnings;
  std::optional<MappingReport> mapping;
};


std::string JsonApi::load_file(std::string_view file_name, std::string_view bytes, std::string_view mapping) {
  begin_load_file(std::string(file_name), std::string(bytes), mapping);
  while (!read_file_slice(std::numeric_limits<std::size_t>::max())) {}
  return file_report(false);
}

std::string JsonApi::begin_load_file(std::string file_name, std::string bytes, std::string_view mapping) {
  file_load_ = std::make_unique<FileLoad>();
  file_load_->name = file_name;
  std::string error;
  const auto requested = FieldMapping::from_json(mapping, &error);
  if (!requested) {
    file_load_->warnings.push_back({file_name, 0, error, "bad_mapping"});
    return R"({"records":0})";
  }
  file_load_->loading = std::make_unique<FileLoading>(std::move(file_name), std::move(bytes), *requested, html_options_);
  return dump(ordered_json{{"records", file_load_->loading->records()}});
}

std::string JsonApi::set_html_options(std::string_view options) {
  const json o = json::parse(options, nullptr, false);
  if (o.is_discarded() || !o.is_object()) return dump(ordered_json{{"error", "HTML options must be a JSON object"}});
  HtmlOptions next;
  for (const auto& [key, value] : o.items()) {
    if (!value.is_string()) return dump(ordered_json{{"error", "HTML option \"" + key + "\" must be a string"}});
    if (key == "selector") {
      if (value.get<std::string>().empty()) continue;
      std::string error;
      next.body = parse_simple_selector(value.get<std::string>(), &error);
      if (!next.body) return dump(ordered_json{{"error", error}});
    } else if (key == "url_prefix") {
      next.url_prefix = value.get<std::string>();
    } else {
      return dump(ordered_json{{"error", "unknown HTML option \"" + key + "\" (selector, url_prefix)"}});
    }
  }
  html_options_ = std::move(next);
  return R"({"ok":true})";
}

std::string JsonApi::continue_load_file(int max_records) {
  if (!file_load_) return R"({"done":true,"added":0,"errors":[],"warnings":[]})";
  if (read_file_slice(static_cast<std::size_t>(std::max(max_records, 1)))) return file_report(true);
  return dump(ordered_json{{"done", false}, {"read", file_load_->loading->records_read()},
                           {"records", file_load_->loading->records()}});
}

bool JsonApi::read_file_slice(std::size_t max_records) {
  FileLoad& f = *file_load_;
  if (!f.loading) return true;
  LoadResult part;
  f.loading->read(max_records, part);
  const std::size_t offered = part.documents.size();
  const auto errors = engine_.add_documents(std::move(part.documents));
  f.added += offered - errors.size();
  ordered_json slice = load_report(offered, errors, {}, f.name, part.document_lines);
  for (auto& e : slice["errors"]) f.errors.push_back(std::move(e));
  f.warnings.insert(f.warnings.end(), part.warnings.begin(), part.warnings.end());
  if (part.mapping) f.mapping = part.mapping;
  return f.loading->done();
}

std::string JsonApi::file_report(bool with_progress) {
  FileLoad& f = *file_load_;
  // Flaws between a .json array's records are known before any record is read: in line order.
  std::stable_sort(f.warnings.begin(), f.warnings.end(), [](const LoadWarning& a, const LoadWarning& b) { return a.line < b.line; });
  ordered_json report = load_report(0, {}, f.warnings);
  report["added"] = f.added;
  report["errors"] = std::move(f.errors);
  if (f.mapping) report["mapping"] = mapping_json(*f.mapping);
  if (with_progress) {
    const std::size_t records = f.loading ? f.loading->records() : 0;
    report["done"] = true;
    report["read"] = records;
    report["records"] = records;
  }
  file_load_.reset();
  engine_.compact();
  return dump(report);
}

std::string JsonApi::peek_file(std::string_view file_name, std::string_view bytes, int samples) {
  const FilePeek peek = CorpusLoader::peek(file_name, bytes, static_cast<std::size_t>(std::clamp(samples, 0, 50)));
  ordered_json out{{"format", peek.format}, {"fields", peek.fields}, {"samples", ordered_json::array()}};
  for (const auto& sample : peek.samples) {
    ordered_json record = ordered_json::object();
    for (const auto& [field, value] : sample) {
      std::u16string units = utf8_to_utf16(value);
      if (units.size() > kPeekValueUnits) {
        units.resize(kPeekValueUnits);
        if (is_high_surrogate(units.back())) units.pop_back();
        units += u"\u2026";
      }
      record[field] = utf16_to_utf8(units);
    }
    out["samples"].push_back(std::move(record));
  }
  MappingReport mapping;
  mapping.mapping = peek.mapping;
  ordered_json roles = mapping_json(mapping);
  out["mapping"] = ordered_json::object();
  for (FieldRole role : kFieldRoles) out["mapping"][field_role_name(role)] = roles[field_role_name(role)];
  out["warnings"] = load_report(0, {}, peek.warnings)["warnings"];
  return dump(out);
}

std::string JsonApi::add_document(const std::string& id, std::u16string text, const std::string& title,
                                  const std::string& date, const std::string& source) {
  std::vector<Document> one;
  one.push_back(Document{id, std::move(text), title, date, source, ""});
  const auto errors = engine_.add_documents(std::move(one));
  // The common case (accepted) as a constant: building a JSON object per document cost a few
  // percent of indexing a whole corpus from the page.
  if (errors.empty()) return R"({"added":1,"errors":[],"warnings":[]})";
  return dump(load_report(1, errors, {}));
}

namespace {
ordered_json document_summary(const DocumentInfo& d) {
  return {{"id", d.id}, {"title", d.title}, {"date", d.date}, {"source", d.source}, {"url", d.url}, {"length", d.length}};
}
}  // namespace

std::string JsonApi::documents() const {
  ordered_json list = ordered_json::array();
  for (const DocumentInfo& d : engine_.documents()) list.push_back(document_summary(d));
  return dump(list);
}

std::string JsonApi::documents_page(std::size_t offset, std::size_t limit) const {
  const auto& all = engine_.documents();
  ordered_json list = ordered_json::array();
  for (std::size_t i = offset; i < all.size() && i - offset < limit; ++i) list.push_back(document_summary(all[i]));
  return dump(ordered_json{{"documents", std::move(list)}, {"total", all.size()}});
}

std::u16string JsonApi::text(const std::string& id) const {
  const auto ordinal = engine_.find(id);
  return ordinal ? engine_.text(*ordinal) : std::u16string();
}

std::string JsonApi::search(const std::u16string& query_text, const std::string& mode, int limit, bool any,
                            bool live, const std::string& sort_name, bool with_facets) const {
  ordered_json out{{"query", utf16_to_utf8(query_text)}};
  std::vector<std::string> warnings;
  const MatchLevel level = search_level(mode, warnings);
  out["mode"] = match_level_name(level);
  const Query query = engine_.parse_query(query_text, level, any, live);
  warnings.insert(warnings.end(), query.warnings.begin(), query.warnings.end());
  const std::size_t k = limit <= 0 ? 0 : std::min<std::size_t>(static_cast<std::size_t>(limit), kMaxLimit);
  const ResultSort sort = search_sort(sort_name, warnings);
  Facets facets;
  const SearchResults results = engine_.search(query, k, sort, with_facets ? &facets : nullptr);
  put_search_results(query, results, [&](DocOrdinal doc) { return engine_.documents()[doc].id; }, std::move(warnings),
                     sort, out);
  if (with_facets) out["facets"] = facets_json(facets);
  return dump(out);
}

std::string JsonApi::concordance(const std::u16string& query_text, const std::string& mode, int max_lines,
                                 int context, const std::string& order) const {
  const MatchLevel level = parse_match_level(mode.empty() ? "word" : mode).value_or(MatchLevel::Word);
  const Query query = engine_.parse_query(query_text, level);
  const std::size_t limit = static_cast<std::size_t>(std::clamp(max_lines, 1, 5000));
  const ConcordanceOrder sort = order == "left" ? ConcordanceOrder::Left
                                : order == "right" ? ConcordanceOrder::Right : ConcordanceOrder::Document;
  // Lines come from the best hits; as many hits as lines are asked for usually give them all
  // (every hit has a match in its text unless only its title matched), so the offsets of
  // thousands of documents are computed only when they are needed.
  SearchResults results;
  std::vector<ConcordanceLine> lines;
  for (std::size_t hits = limit;; hits = std::min(kMaxLimit, hits * 4)) {
    results = engine_.search(query, hits);
    lines = build_concordance(
        results.hits, limit, static_cast<uint32_t>(std::clamp(context, 1, 30)), sort,
        [&](DocOrdinal d) { return engine_.text(d); }, [&](DocOrdinal d) { return engine_.index().token_spans(d); },
        [&](std::u16string_view w) { return engine_.analyzer().normalizer().normalize_plain(w); });
    if (lines.size() >= limit || results.hits.size() >= results.total || hits >= kMaxLimit) break;
  }
  ordered_json out_lines = ordered_json::array();
  for (const ConcordanceLine& l : lines) {
    out_lines.push_back({{"id", engine_.documents()[l.doc].id}, {"start", l.match.start}, {"end", l.match.end},
                         {"left", utf16_to_utf8(l.left)}, {"keyword", utf16_to_utf8(l.keyword)},
                         {"right", utf16_to_utf8(l.right)}});
  }
  ordered_json out{{"query", utf16_to_utf8(query_text)}, {"mode", match_level_name(level)},
                   {"order", sort == ConcordanceOrder::Left ? "left" : sort == ConcordanceOrder::Right ? "right" : "document"},
                   {"matches_total", results.matches_total}, {"truncated", lines.size() < results.matches_total},
                   {"lines", std::move(out_lines)}, {"total", results.total},
                   {"title_matches_total", results.title_matches_total}};
  describe_query(query, out);
  std::vector<std::string> warnings = query.warnings;
  warnings.insert(warnings.end(), results.notes.begin(), results.notes.end());
  out["warnings"] = warnings;
  return dump(out);
}

std::string JsonApi::suggest(const std::u16string& query_text, const std::string& mode, int limit) const {
  const MatchLevel level = parse_match_level(mode.empty() ? "word" : mode).value_or(MatchLevel::Word);
  const Query query = engine_.parse_query(query_text, level);
  const std::vector<MissingWord> missing =
      suggest_terms(engine_.index(), engine_.title_index(), query, query_text, static_cast<std::size_t>(std::clamp(limit, 1, 20)));
  ordered_json words = ordered_json::array();
  for (const MissingWord& m : missing) {
    ordered_json suggestions = ordered_json::array();
    for (const TermSuggestion& s : m.suggestions) {
      suggestions.push_back({{"word", utf16_to_utf8(s.word)}, {"documents", s.documents}, {"distance", s.distance},
                             {"query", utf16_to_utf8(replace_word(query_text, m.source, s.word))}});
    }
    words.push_back({{"word", utf16_to_utf8(std::u16string_view(query_text).substr(m.source.start, m.source.length()))},
                     {"start", m.source.start}, {"end", m.source.end}, {"suggestions", std::move(suggestions)},
                     {"complete", m.scanned_all}});
  }
  ordered_json out{{"query", utf16_to_utf8(query_text)}, {"mode", match_level_name(level)}, {"words", std::move(words)}};
  const std::u16string fuzzy = fuzzy_reading(query_text, query, missing);
  if (!fuzzy.empty()) out["fuzzy_query"] = utf16_to_utf8(fuzzy);
  return dump(out);
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

std::string JsonApi::events(const std::string& id) const {
  if (id.empty()) return events_of_documents("");
  if (!engine_.find(id)) {
    return dump(ordered_json{{"documents", ordered_json::array()}, {"error", "no document with id \"" + id + "\""}});
  }
  return events_of_documents(ordered_json::array({id}).dump());
}

std::string JsonApi::events_of_documents(const std::string& ids_json) const {
  std::vector<DocOrdinal> docs;
  ordered_json unknown = ordered_json::array();
  if (ids_json.empty() || ids_json == "[]") {
    for (DocOrdinal d = 0; d < engine_.documents().size(); ++d) docs.push_back(d);
  } else {
    const json ids = json::parse(ids_json, nullptr, false);
    if (!ids.is_array()) return dump(ordered_json{{"documents", ordered_json::array()}, {"error", "ids must be a JSON array"}});
    for (const json& id : ids) {
      if (!id.is_string()) continue;
      if (const auto ordinal = engine_.find(id.get<std::string>())) docs.push_back(*ordinal);
      else unknown.push_back(id.get<std::string>());
    }
  }
  ordered_json list = ordered_json::array();
  for (const DocOrdinal d : docs) {
    const DocumentInfo& info = engine_.documents()[d];
    const std::u16string text = engine_.text(d);
    list.push_back({{"id", info.id}, {"date", info.date}, {"events", events_json(engine_.events(d), text, engine_.analyzer().normalizer())}});
  }
  ordered_json out{{"documents", std::move(list)}};
  if (!unknown.empty()) out["unknown"] = std::move(unknown);
  return dump(out);
}

std::string JsonApi::events_of_text(const std::u16string& text, const std::string& date) const {
  return dump(ordered_json{{"documents", {{{"id", "text"}, {"date", date}, {"events", events_json(engine_.extract_events(text, date), text, engine_.analyzer().normalizer())}}}}});
}

std::string JsonApi::event_party_candidates(const std::u16string& text, const std::string& date) const {
  ordered_json list = ordered_json::array();
  for (const PartyCandidate& c : engine_.event_party_candidates(text, date)) {
    ordered_json features = ordered_json::object();
    for (std::size_t f = 0; f < kPartyFeatureCount; ++f) {
      if (c.features[f] != 0) features[party_feature_name(static_cast<PartyFeature>(f))] = c.features[f];
    }
    list.push_back({{"type", event_type_name(c.type)}, {"trigger", {c.trigger.start, c.trigger.end}}, {"start", c.span.start},
                    {"end", c.span.end}, {"canonical", c.canonical}, {"features", std::move(features)},
                    {"joined_to", c.joined_to}});
  }
  return dump(ordered_json{{"candidates", std::move(list)}});
}

struct JsonApi::OverviewReading {
  std::vector<DocOrdinal> docs;
  std::vector<std::string> unknown;
  std::size_t next = 0;
  EntityOverviewBuilder builder;
  // One entity however its name is spelled (entities/entity_name_key.hpp).
  explicit OverviewReading(const CharNormalizer& normalizer) : builder(&normalizer) {}
};

struct JsonApi::ConcordanceExport {
  std::vector<SearchHit> hits;
  std::size_t next = 0;
  uint32_t context = 6;
  bool keys = false;
};

JsonApi::JsonApi(std::unique_ptr<TextStore> texts) : engine_(std::move(texts)) {}
JsonApi::~JsonApi() = default;

namespace {

// The documents an overview reads: those of ids_json (a JSON array of ids; "" or "[]" for all).
bool overview_documents(const Engine& engine, const std::string& ids_json, std::vector<DocOrdinal>& docs,
                        std::vector<std::string>& unknown) {
  if (ids_json.empty() || ids_json == "[]") {
    for (DocOrdinal d = 0; d < engine.documents().size(); ++d) docs.push_back(d);
    return true;
  }
  const json ids = json::parse(ids_json, nullptr, false);
  if (!ids.is_array()) return false;
  for (const json& id : ids) {
    const auto ordinal = id.is_string() ? engine.find(id.get<std::string>()) : std::nullopt;
    if (ordinal) docs.push_back(*ordinal);
    else if (unknown.size() < 10) unknown.push_back(id.is_string() ? id.get<std::string>() : id.dump());
  }
  return true;
}

ordered_json overview_json(const Engine& engine, const EntityOverview& o, const std::vector<DocOrdinal>& docs,
                           const std::vector<std::string>& unknown) {
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
      ids.push_back(engine.documents()[docs[i]].id);
    }
    timeline.push_back({{"period", t.period}, {"mentions", t.mentions}, {"documents", t.documents.size()}, {"ids", std::move(ids)}});
  }
  ordered_json out{{"documents", o.documents}, {"truncated", false}, {"entities", std::move(entities)},
                   {"matrix", o.matrix}, {"pairs", std::move(pairs)}, {"timeline", std::move(timeline)}};
  if (!unknown.empty()) out["unknown_ids"] = unknown;
  return out;
}

}  // namespace

std::string JsonApi::entity_overview(const std::string& ids_json, int entity_limit) const {
  OverviewReading reading(engine_.analyzer().normalizer());
  if (!overview_documents(engine_, ids_json, reading.docs, reading.unknown)) {
    return dump(ordered_json{{"error", "expected a JSON array of document ids"}});
  }
  for (const DocOrdinal d : reading.docs) {
    const std::u16string text = engine_.text(d);
    reading.builder.add(engine_.extract_entities(text), text);
  }
  const std::size_t limit = std::clamp(entity_limit, 1, 500);
  return dump(overview_json(engine_, reading.builder.result(limit, kMatrixSize), reading.docs, reading.unknown));
}

std::string JsonApi::begin_overview(const std::string& ids_json) {
  overview_ = std::make_unique<OverviewReading>(engine_.analyzer().normalizer());
  if (!overview_documents(engine_, ids_json, overview_->docs, overview_->unknown)) {
    overview_.reset();
    return dump(ordered_json{{"error", "expected a JSON array of document ids"}});
  }
  return dump(ordered_json{{"documents_total", overview_->docs.size()}});
}

std::string JsonApi::continue_overview(int max_documents, int entity_limit) {
  if (!overview_) return dump(ordered_json{{"error", "no overview is being read"}});
  OverviewReading& r = *overview_;
  const std::size_t end = std::min(r.docs.size(), r.next + static_cast<std::size_t>(std::max(max_documents, 1)));
  for (; r.next < end; ++r.next) {
    const std::u16string text = engine_.text(r.docs[r.next]);
    r.builder.add(engine_.extract_entities(text), text);
  }
  const std::size_t limit = std::clamp(entity_limit, 1, 500);
  ordered_json out = overview_json(engine_, r.builder.result(limit, kMatrixSize), r.docs, r.unknown);
  out["documents_total"] = r.docs.size();
  out["done"] = r.next == r.docs.size();
  if (r.next == r.docs.size()) overview_.reset();
  return dump(out);
}

std::string JsonApi::begin_concordance_export(const std::u16string& query_text, const std::string& mode, int context,
                                              bool keys) {
  const MatchLevel level = parse_match_level(mode.empty() ? "word" : mode).value_or(MatchLevel::Word);
  const Query query = engine_.parse_query(query_text, level);
  SearchResults results = engine_.search(query, kMaxLimit);
  concordance_export_ = std::make_unique<ConcordanceExport>();
  concordance_export_->hits = std::move(results.hits);
  concordance_export_->context = static_cast<uint32_t>(std::clamp(context, 1, 30));
  concordance_export_->keys = keys;
  return dump(ordered_json{{"query", utf16_to_utf8(query_text)}, {"mode", match_level_name(level)},
                           {"total", results.total}, {"matches_total", results.matches_total},
                           {"warnings", query.warnings}});
}

std::string JsonApi::next_concordance_lines(int max_documents) {
  if (!concordance_export_) return dump(ordered_json{{"error", "no concordance is being exported"}});
  ConcordanceExport& x = *concordance_export_;
  const std::size_t end = std::min(x.hits.size(), x.next + static_cast<std::size_t>(std::max(max_documents, 1)));
  const std::vector<SearchHit> batch(x.hits.begin() + static_cast<std::ptrdiff_t>(x.next),
                                     x.hits.begin() + static_cast<std::ptrdiff_t>(end));
  x.next = end;
  const std::vector<ConcordanceLine> lines = build_concordance(
      batch, SIZE_MAX, x.context, ConcordanceOrder::Document, [&](DocOrdinal d) { return engine_.text(d); },
      [&](DocOrdinal d) { return engine_.index().token_spans(d); },
      [&](std::u16string_view w) { return engine_.analyzer().normalizer().normalize_plain(w); });
  ordered_json out_lines = ordered_json::array();
  for (const ConcordanceLine& l : lines) {
    ordered_json line{{"id", engine_.documents()[l.doc].id}, {"start", l.match.start}, {"end", l.match.end},
                      {"left", utf16_to_utf8(l.left)}, {"keyword", utf16_to_utf8(l.keyword)},
                      {"right", utf16_to_utf8(l.right)}};
    if (x.keys) {
      line["left_key"] = utf16_to_utf8(l.left_key);
      line["right_key"] = utf16_to_utf8(l.right_key);
    }
    out_lines.push_back(std::move(line));
  }
  const bool done = x.next == x.hits.size();
  if (done) concordance_export_.reset();
  return dump(ordered_json{{"lines", std::move(out_lines)}, {"done", done}});
}

std::string JsonApi::save_index() const { return IndexFile::save(engine_); }

std::string JsonApi::begin_static_index(int chunk_bytes, bool with_entities) {
  static_writer_.reset();
  static_entities_.reset();
  static_catalog_.reset();
  if (with_entities) {
    // The keys an entity: filter compares (Engine::search): each entity's canonical name and its
    // text, normalized. Extracted afresh, not through the engine's cache, which would keep them all.
    // The people, organizations and places go in the catalog too (entity facets), each key with
    // the canonical name, type and label of its first mention in document order.
    std::map<std::u16string, std::vector<DocOrdinal>> by_key;
    std::map<std::u16string, EntityCatalogEntry> catalog;
    const CharNormalizer& normalizer = engine_.analyzer().normalizer();
    std::set<std::u16string> keys;
    for (DocOrdinal d = 0; d < engine_.documents().size(); ++d) {
      keys.clear();
      for (const Entity& e : engine_.extract_entities(engine_.text(d))) {
        std::u16string key = entity_name_key(utf8_to_utf16(e.canonical), normalizer);
        if (e.type == EntityType::Person || e.type == EntityType::Organization || e.type == EntityType::Location) {
          catalog.try_emplace(key, EntityCatalogEntry{key, e.canonical, std::string(entity_type_name(e.type)), e.label_en});
        }
        keys.insert(std::move(key));
        keys.insert(entity_name_key(utf8_to_utf16(e.text), normalizer));
      }
      for (const std::u16string& k : keys) by_key[k].push_back(d);
    }
    static_entities_ = std::make_unique<EntityPostings>(std::make_move_iterator(by_key.begin()), std::make_move_iterator(by_key.end()));
    static_catalog_ = std::make_unique<EntityCatalog>();
    for (auto& [key, entry] : catalog) static_catalog_->push_back(std::move(entry));
  }
  static_writer_ = std::make_unique<StaticIndexWriter>(
      engine_.index(), engine_.title_index(), engine_.documents(), engine_.texts(), IndexFile::static_index_fingerprint(),
      chunk_bytes > 0 ? static_cast<std::size_t>(chunk_bytes) : StaticIndexWriter::kDefaultChunkBytes, static_entities_.get(),
      static_catalog_.get());
  return dump(ordered_json{{"documents", engine_.documents().size()}});
}

std::string JsonApi::next_static_file() {
  if (!static_writer_) return dump(ordered_json{{"error", "no static index is being written"}});
  if (!static_writer_->next(static_file_)) {
    const ordered_json done{{"done", true}, {"files", static_writer_->files_given()}, {"bytes", static_writer_->bytes_given()}};
    static_writer_.reset();
    static_entities_.reset();
    static_catalog_.reset();
    static_file_ = StaticFile{};
    return dump(done);
  }
  return dump(ordered_json{{"name", static_file_.name}, {"size", static_file_.bytes.size()}});
}

std::string JsonApi::begin_static_merge(const std::string& manifests_json, int chunk_bytes) {
  static_merger_.reset();
  const json manifests = json::parse(manifests_json, nullptr, false);
  if (manifests.is_discarded() || !manifests.is_array()) return dump(ordered_json{{"error", "the segments' manifests are not a JSON array"}});
  std::vector<std::string> texts;
  for (const json& m : manifests) {
    if (!m.is_string()) return dump(ordered_json{{"error", "a segment's manifest is not a string"}});
    texts.push_back(m.get<std::string>());
  }
  auto merger = std::make_unique<StaticIndexMerger>(IndexFile::static_index_fingerprint(),
                                                    chunk_bytes > 0 ? static_cast<std::size_t>(chunk_bytes) : StaticIndexWriter::kDefaultChunkBytes);
  const std::string error = merger->open(texts);
  if (!error.empty()) return dump(ordered_json{{"error", error}});
  static_merger_ = std::move(merger);
  return dump(ordered_json{{"documents", static_merger_->documents()}});
}

std::string JsonApi::next_merged_file() {
  if (!static_merger_) return dump(ordered_json{{"error", "no static indexes are being merged"}});
  switch (static_merger_->next(static_file_)) {
    case StaticIndexMerger::Step::File:
      return dump(ordered_json{{"name", static_file_.name}, {"size", static_file_.bytes.size()}});
    case StaticIndexMerger::Step::Needs: {
      ordered_json needs = ordered_json::array();
      for (const auto& f : static_merger_->needs()) needs.push_back(ordered_json::array({f.segment, f.name}));
      return dump(ordered_json{{"needs", std::move(needs)}});
    }
    case StaticIndexMerger::Step::Error: {
      const ordered_json error{{"error", static_merger_->error()}};
      static_merger_.reset();
      return dump(error);
    }
    case StaticIndexMerger::Step::Done: break;
  }
  const ordered_json done{{"done", true}, {"files", static_merger_->files_given()}, {"bytes", static_merger_->bytes_given()}};
  static_merger_.reset();
  static_file_ = StaticFile{};
  return dump(done);
}

std::string JsonApi::provide_merge_file(int segment, const std::string& name, std::string_view bytes) {
  if (!static_merger_) return "no static indexes are being merged";
  if (segment < 0) return "no such segment";
  return static_merger_->provide(static_cast<std::size_t>(segment), name, bytes);
}

std::string JsonApi::set_taken_ids(const std::string& ids_json) {
  const json ids = json::parse(ids_json, nullptr, false);
  if (ids.is_discarded() || !ids.is_array()) return dump(ordered_json{{"error", "taken ids are not a JSON array"}});
  std::vector<std::string> taken;
  taken.reserve(ids.size());
  for (const json& id : ids) {
    if (id.is_string()) taken.push_back(id.get<std::string>());
  }
  engine_.set_taken_ids(std::move(taken));
  return dump(ordered_json{{"taken", ids.size()}});
}

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
                           {"extraction_cache_bytes", engine_.extraction_cache_bytes()},
                           {"extraction_cache_budget", engine_.extraction_cache_budget()},
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
