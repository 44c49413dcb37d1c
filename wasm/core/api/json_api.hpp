#pragma once
#include <string>
#include <string_view>

#include "api/engine.hpp"
#include "api/index_file.hpp"
#include "corpus/html_page.hpp"
#include "entities/entity_overview.hpp"
#include "events/party_model.hpp"
#include "static_index/static_index_merger.hpp"
#include "static_index/static_index_writer.hpp"

namespace mirsad {

// The JSON contract shared by the page, the CLI and tests (documented in README.md):
//   search   → {"query", "mode", "total", "matches_total", "hits": [{"id", "score", "matches": [[s, e]…],
//                "snippet": {"start", "end"}, "title_matches": [[s, e]…]}], "title_matches_total", "has_words",
//                "filters": [{"field", "value", "negated"}], "live_prefix"?, "exclusions_only"?, "unknown_filters"?,
//                "warnings", "sort", "facets"?}
//   (matches_total: matches in the texts as highlighted, the concordance's lines; titles counted apart)
//   entities → {"documents": [{"id", "entities": [{"type", "start", "end", "text", "canonical", "label_en"…}]}]}
//   normalize→ {"text", "normalized", "tokens": [{"start", "end", "text", "kind", "exact", "norm", "base", "stem"}]}
// Offsets are UTF-16 code units into the document text. Text crosses in as UTF-16 (so a lone
// surrogate from JS keeps its one unit) and results go out as UTF-8 JSON.
class JsonApi {
 public:
  explicit JsonApi(std::unique_ptr<TextStore> texts = std::make_unique<InMemoryTextStore>());
  ~JsonApi();

  static constexpr std::size_t kMaxLimit = 100000;

  // Loads one file's bytes (.txt, .json, .jsonl, .csv) → {"added", "errors": [...], "warnings":
  // [...]}, and for records files "mapping": {role: field or null…, "automatic": [roles
  // recognised from the field names], "generated_ids", "dates_normalized", "dates_kept"}.
  // mapping: a field mapping as JSON ({"text": "body"…}, see FieldMapping), "" for none.
  std::string load_file(std::string_view file_name, std::string_view bytes, std::string_view mapping = {});
  // The same a slice at a time (a page that reports progress in documents): begin_load_file
  // keeps the file and answers {"records"} (how many the file holds); each continue_load_file
  // reads up to max_records of them and answers {"done": false, "read", "records"} until the
  // report of load_file with "done": true. No other engine call may come in between.
  std::string begin_load_file(std::string file_name, std::string bytes, std::string_view mapping);
  std::string continue_load_file(int max_records);
  // How the .html files loaded next become documents (see read_html_page): {"selector": CSS
  // simple selector of the article element, "url_prefix": prepended to each page's path} →
  // {"ok": true} or {"error": "…"} (then nothing changes).
  std::string set_html_options(std::string_view options);
  // The field names and first `samples` records of a file (or of its first bytes) for a person
  // choosing a mapping: {"format", "fields", "samples": [{field: text}], "mapping": {role: field
  // or null}, "warnings"}; a value is cut at kPeekValueUnits UTF-16 units.
  static std::string peek_file(std::string_view file_name, std::string_view bytes, int samples);
  static constexpr std::size_t kPeekValueUnits = 160;
  // Adds one document whose text is already UTF-16 → same shape as load_file.
  std::string add_document(const std::string& id, std::u16string text, const std::string& title,
                           const std::string& date, const std::string& source);
  std::string documents() const;  // [{"id", "title", "date", "source", "length"}]
  // The same list a page at a time, {"documents": [...], "total"}: documents [offset, offset +
  // limit). The page reads 40,000 documents' list in slices instead of one 300 ms task.
  std::string documents_page(std::size_t offset, std::size_t limit) const;
  // Ends a batch of additions: the index gives back its growth slack.
  void compact() { engine_.compact(); }
  // The index's memory budget in MB (see Engine::kDefaultMemoryBudget): "" when set, else why
  // not (not a number, or more than wasm can address; the budget is then left as it was).
  std::string set_memory_budget_mb(double megabytes) {
    if (!(megabytes >= 0)) return "memory limit must be a number of megabytes";
    if (megabytes > static_cast<double>(Engine::kMaxMemoryBudgetMb)) {
      return "memory limit " + std::to_string(static_cast<long long>(megabytes)) + " MB is more than the " +
             std::to_string(Engine::kMaxMemoryBudgetMb) + " MB the core can use (wasm memory stops at 2048 MB)";
    }
    engine_.set_memory_budget(static_cast<std::size_t>(megabytes * 1048576.0));
    return "";
  }
  // Count the index file in the memory budget (see Engine::reserve_for_saving).
  void reserve_for_saving(bool on) { engine_.reserve_for_saving(on); }
  std::u16string text(const std::string& id) const;
  // any: join the words with OR instead of AND. live: the last word is still being typed and
  // matches as a prefix. sort: "relevance" (or ""), "date" (newest first) or "date-asc", over all
  // matching documents. facets: add "facets": {"sources": [{"value", "documents"}], "dates":
  // [{"date", "documents"}], "unsourced", "undated"} (see search/facets.hpp).
  std::string search(const std::u16string& query, const std::string& mode, int limit, bool any = false,
                     bool live = false, const std::string& sort = "", bool facets = false) const;
  // Entities of one document, or of every document when id is empty.
  std::string entities(const std::string& id) const;
  // Keyword in context: every match of the query in its best documents as a line {id, start,
  // end, left, keyword, right}, with `context` words each side, in document order or sorted by
  // the words to the left ("left") or right ("right"), compared in their normalized form. Its
  // total, matches_total and title_matches_total are search's for the same query and mode.
  std::string concordance(const std::u16string& query, const std::string& mode, int max_lines, int context,
                          const std::string& order) const;
  // For a query that found nothing: each required word no document holds, with the indexed words
  // nearest to it (what word~ would match) → {"query", "mode", "words": [{"word", "start", "end",
  // "suggestions": [{"word", "documents", "distance", "query"}], "complete"}], "fuzzy_query"?}.
  // "query" is the query with that word replaced; fuzzy_query the query with ~ after the words.
  std::string suggest(const std::u16string& query, const std::string& mode, int limit) const;
  // Entities of an arbitrary text that is not part of the corpus (id "text").
  std::string entities_of_text(const std::u16string& text) const;
  // Events of one document, of those in ids_json (a JSON array), or of all when both are empty:
  // {"documents": [{"id", "date", "events": [see api/event_json.hpp]}]}; unknown ids are named in "unknown".
  std::string events(const std::string& id) const;
  std::string events_of_documents(const std::string& ids_json) const;
  // Events of a text not in the collection, dated `date` (YYYY-MM-DD or ""), as document "text".
  std::string events_of_text(const std::u16string& text, const std::string& date) const;
  // The party model's training view of a text (see Engine::event_party_candidates):
  // {"candidates": [{"type", "trigger": [s, e], "start", "end", "canonical", "features": {name: value}}]}.
  std::string event_party_candidates(const std::u16string& text, const std::string& date) const;
  // Weights for the party model in place of the embedded ones (PartyModel::replace_embedded), for
  // the trainer trying its settings through the whole extractor.
  void set_event_party_model(const std::string& tsv) { PartyModel::replace_embedded(tsv); }
  // entity:, event: and with: prepared off the page's main thread (api/filter_verdicts_json.cpp;
  // see Engine::unresolved_candidates). The query is read as search reads it (mode, live).
  // filters_pending → {"pending": documents whose extraction the query still needs};
  // prepare_filters extracts up to max_documents of them → {"pending": what remains};
  // filter_verdicts → {"hold": [id…], "fail": [id…]}: the filters' verdict on every document the
  // query tests; adopt_filter_verdicts takes such an answer (from an engine with the same
  // collection) for this engine's searches of queries with the same filters → {"adopted"} or {"error"}.
  std::string filters_pending(const std::u16string& query, const std::string& mode, bool live) const;
  std::string prepare_filters(const std::u16string& query, const std::string& mode, bool live, int max_documents) const;
  std::string filter_verdicts(const std::u16string& query, const std::string& mode, bool live) const;
  std::string adopt_filter_verdicts(const std::u16string& query, const std::string& mode, bool live,
                                    const std::string& verdicts_json);
  // The overview of the documents whose ids are in ids_json (a JSON array; empty or "[]" for
  // all): {"documents", "truncated", "entities": [{type, canonical, label_en, documents,
  // mentions}], "matrix": [entity index…], "pairs": [{a, b, documents, sentences}] (entity
  // indexes), "timeline": [{period, mentions, documents, ids}]}. Every document given is read
  // ("truncated" stays false: it once meant a cap of 2,000); entities are extracted without
  // entering the engine's cache, so an overview of a whole collection keeps no entity list alive.
  std::string entity_overview(const std::string& ids_json, int entity_limit) const;
  // The same read progressively (the page's worker): begin_overview takes the documents (as
  // entity_overview) → {"documents_total"} or {"error"}; each continue_overview reads up to
  // max_documents more and answers the overview of those read so far, with "documents_total"
  // and "done". A new begin_overview drops the one in progress.
  std::string begin_overview(const std::string& ids_json);
  std::string continue_overview(int max_documents, int entity_limit);
  static constexpr std::size_t kMatrixSize = 12;
  // Every keyword-in-context line of a query, a batch of documents at a time (the page's
  // export): begin_concordance_export runs the query once and keeps its hits → {"query", "mode",
  // "total", "matches_total", "warnings"}; each next_concordance_lines gives the lines of up to
  // max_documents more hits, in the concordance's document order → {"lines": [{id, start, end,
  // left, keyword, right}], "done"}, with each line's sort keys (left_key, right_key: normalized
  // words, nearest first) when `keys` was asked for, so the caller can order them as the page does.
  std::string begin_concordance_export(const std::u16string& query, const std::string& mode, int context, bool keys);
  std::string next_concordance_lines(int max_documents);
  std::string normalize(const std::u16string& text) const;
  // {"documents", "tokens", "terms": {level: n}, "index_bytes", "text_bytes"}: what the index holds
  // (text_bytes: texts on the C++ heap, 0 when the page keeps them as JS strings).
  std::string stats() const;
  // Runs the analysis chain and returns the token count: what scripts/bench times in wasm.
  std::size_t count_tokens(const std::u16string& text) const { return engine_.analyze(text).tokens.size(); }

  // The whole engine as an index file (see IndexFile), and back: load_index reports
  // {"documents"} or {"error"}.
  std::string save_index() const;
  std::string load_index(std::string_view bytes);
  // The same in slices (a page that must not freeze): begin_load_index keeps the bytes, then
  // each continue_load_index works for about budget_ms and reports {"done": false, "progress"}
  // until {"documents"} or {"error"}. The engine must not be used before the end.
  std::string begin_load_index(std::string bytes);
  std::string continue_load_index(double budget_ms);
  // For a caller that copies the file into the core in pieces (the page: copying 60 MB at once
  // was a long task): reserves `size` bytes, which load_buffer() exposes until the first
  // continue_load_index. {"error"} when the size cannot be held.
  std::string begin_load_index_of_size(double size);
  // The same from a stream of pieces, so that the file is never whole in the core (wasm memory
  // never shrinks): begin with the file's size, then, whenever a report says "needsBytes", copy
  // the next piece into load_room(n) and call load_pushed(n) before continue_load_index. Only a
  // window (one item of the file plus a piece) is held; the final report adds "peakWindowBytes".
  std::string begin_load_index_stream(double size);
  char* load_room(std::size_t n);
  bool load_pushed(std::size_t n);
  std::string_view load_buffer() const {
    return loading_ || !loading_bytes_ ? std::string_view() : std::string_view(loading_bytes_.get(), loading_size_);
  }

  Engine& engine() { return engine_; }
  const Engine& engine() const { return engine_; }

  // The collection as a static index (static_index/static_index_writer.hpp), a file at a time:
  // begin_static_index answers {"documents"}; each next_static_file answers {"name", "size"} of
  // the next file, whose bytes static_file_bytes() then holds, until {"done": true, "files",
  // "bytes"} (the manifest.json is the last file given). No other engine call may come in between.
  // with_entities: every document's entities are extracted (a few milliseconds a document) and
  // written, so that entity: filters work on the static index.
  std::string begin_static_index(int chunk_bytes, bool with_entities = false);
  std::string next_static_file();
  std::string_view static_file_bytes() const { return static_file_.bytes; }

  // Static indexes written one after the other as segments of one collection (each too large to
  // share one wasm memory with the others), merged into the index of the whole collection
  // (static_index/static_index_merger.hpp). begin_static_merge takes a JSON array of the
  // segments' manifest.json texts, in document order, and answers {"documents"} or {"error"}.
  // Each next_merged_file answers one of: {"name", "size"} (the bytes in static_file_bytes());
  // {"needs": [[segment, name]…]} (read those files of those segments, inflated, give each to
  // provide_merge_file, ask again); {"error"}; {"done": true, "files", "bytes"}.
  std::string begin_static_merge(const std::string& manifests_json, int chunk_bytes);
  std::string next_merged_file();
  std::string provide_merge_file(int segment, const std::string& name, std::string_view bytes);

  // Ids already used by earlier segments of the same collection (a JSON array of strings): a
  // document with one of them is refused as a duplicate, as it would be in one collection.
  std::string set_taken_ids(const std::string& ids_json);

 private:
  Engine engine_;
  std::unique_ptr<EntityPostings> static_entities_;  // what static_writer_ writes of the entities
  std::unique_ptr<EntityCatalog> static_catalog_;     // and of their people, organizations and places
  std::unique_ptr<StaticIndexWriter> static_writer_;
  std::unique_ptr<StaticIndexMerger> static_merger_;
  StaticFile static_file_;
  // Not a std::string: its zero-filling touched every page of the buffer at once, and the first
  // touch of fresh wasm memory costs about 3 ms a megabyte here (a 300 ms task for a 77 MB file).
  std::unique_ptr<char[]> loading_bytes_;
  std::size_t loading_size_ = 0;
  std::unique_ptr<IndexLoading> loading_;
  struct FileLoad;  // the file begin_load_file keeps and its report so far
  std::unique_ptr<FileLoad> file_load_;
  HtmlOptions html_options_;
  bool read_file_slice(std::size_t max_records);  // true once the file is read
  std::string file_report(bool with_progress);    // ends the file's load
  struct OverviewReading;
  std::unique_ptr<OverviewReading> overview_;
  struct ConcordanceExport;
  std::unique_ptr<ConcordanceExport> concordance_export_;
};

}  // namespace mirsad
