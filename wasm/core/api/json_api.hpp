#pragma once
#include <string>
#include <string_view>

#include "api/engine.hpp"
#include "api/index_file.hpp"

namespace mirsad {

// The JSON contract shared by the page, the CLI and tests (documented in README.md):
//   search   → {"query", "mode", "total", "hits": [{"id", "score", "matches": [[s, e]…], "snippet": {"start", "end"}}], "warnings"}
//   entities → {"documents": [{"id", "entities": [{"type", "start", "end", "text", "canonical", "label_en"…}]}]}
//   normalize→ {"text", "normalized", "tokens": [{"start", "end", "text", "kind", "exact", "norm", "base", "stem"}]}
// Offsets are UTF-16 code units into the document text. Text crosses in as UTF-16 (so a lone
// surrogate from JS keeps its one unit) and results go out as UTF-8 JSON.
class JsonApi {
 public:
  explicit JsonApi(std::unique_ptr<TextStore> texts = std::make_unique<InMemoryTextStore>()) : engine_(std::move(texts)) {}

  static constexpr std::size_t kMaxLimit = 100000;

  // Loads one file's bytes (.txt, .json, .jsonl) → {"added", "errors": [...], "warnings": [...]}.
  std::string load_file(std::string_view file_name, std::string_view bytes);
  // Adds one document whose text is already UTF-16 → same shape as load_file.
  std::string add_document(const std::string& id, std::u16string text, const std::string& title,
                           const std::string& date, const std::string& source);
  std::string documents() const;  // [{"id", "title", "date", "source", "length"}]
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
  // matches as a prefix.
  std::string search(const std::u16string& query, const std::string& mode, int limit, bool any = false,
                     bool live = false) const;
  // Entities of one document, or of every document when id is empty.
  std::string entities(const std::string& id) const;
  // Keyword in context: every match of the query in its best documents as a line {id, start,
  // end, left, keyword, right}, with `context` words each side, in document order or sorted by
  // the words to the left ("left") or right ("right"), compared in their normalized form.
  std::string concordance(const std::u16string& query, const std::string& mode, int max_lines, int context,
                          const std::string& order) const;
  // Entities of an arbitrary text that is not part of the corpus (id "text").
  std::string entities_of_text(const std::u16string& text) const;
  // The overview of the documents whose ids are in ids_json (a JSON array; empty or "[]" for
  // all): {"documents", "truncated", "entities": [{type, canonical, label_en, documents,
  // mentions}], "pairs": [{a, b, documents, sentences}], "timeline": [{period, mentions,
  // documents, ids}]}. At most kOverviewDocuments documents are read (the first ones given).
  std::string entity_overview(const std::string& ids_json, int entity_limit) const;
  static constexpr std::size_t kOverviewDocuments = 2000;
  static constexpr std::size_t kMatrixSize = 12;
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

 private:
  Engine engine_;
  // Not a std::string: its zero-filling touched every page of the buffer at once, and the first
  // touch of fresh wasm memory costs about 3 ms a megabyte here (a 300 ms task for a 77 MB file).
  std::unique_ptr<char[]> loading_bytes_;
  std::size_t loading_size_ = 0;
  std::unique_ptr<IndexLoading> loading_;
};

}  // namespace mirsad
