#pragma once
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analysis/analyzer.hpp"
#include "corpus/document.hpp"
#include "corpus/text_store.hpp"
#include "entities/entity.hpp"
#include "entities/entity_extractor.hpp"
#include "events/event.hpp"
#include "index/inverted_index.hpp"
#include "query/query_parser.hpp"
#include "search/document_filter.hpp"
#include "search/facets.hpp"
#include "search/known_verdicts.hpp"
#include "events/party_model.hpp"
#include "search/result_order.hpp"
#include "search/searcher.hpp"

namespace mirsad {

struct AddError {
  std::string id;
  std::string message;
  std::string code;  // empty_id, duplicate_id, memory_limit
  std::size_t position = 0;  // which of the documents offered (0-based), so a caller can name its file and line
};

// The core as one object: documents in, searches and entities out. It owns the analysis chain
// (built once from the embedded data), the index and the documents' metadata; the texts go to a
// TextStore. It knows nothing of JSON, the DOM or Emscripten.
class Engine {
 public:
  // texts: where the documents' texts are kept (in memory unless the caller has a better place).
  explicit Engine(std::unique_ptr<TextStore> texts = std::make_unique<InMemoryTextStore>());
  ~Engine();

  // Adds documents; a duplicate or empty id is refused with a reason, the others are kept. A
  // document that would take the index past its memory budget is refused too (memory_limit),
  // with everything added before it kept and searchable.
  std::vector<AddError> add_documents(std::vector<Document> documents);
  // Ids that earlier segments of the same static build already hold: documents with them are
  // refused as duplicates, as they would be in one collection.
  void set_taken_ids(std::vector<std::string> ids) { taken_ids_ = {std::make_move_iterator(ids.begin()), std::make_move_iterator(ids.end())}; }
  // The most memory the index may use, in bytes. The default leaves a wasm page (whose memory
  // stops at 2 GiB) room to search and to report; past it, documents are refused with a message
  // instead of the module aborting on a failed allocation.
  static constexpr std::size_t kDefaultMemoryBudget = std::size_t{1536} << 20;
  // wasm memory stops at 2 GiB, and analysis and search need room beyond the index: a larger
  // budget could never be honoured (and 4096 MB wrapped to 0 in 32 bits).
  static constexpr std::size_t kMaxMemoryBudgetMb = 1920;
  void set_memory_budget(std::size_t bytes) { memory_budget_ = bytes; }
  std::size_t memory_budget() const { return memory_budget_; }
  // What the budget is compared with: the index, the texts held in the core's memory, and what
  // searching will build and cache on first use; with reserve_for_saving, the index file too.
  std::size_t memory_in_use() const;
  // The entities and events extracted for documents are cached while they fit in their own budget:
  // what the memory budget leaves, at least 16 MB and at most 256 MB (a collection near its budget
  // extracted whole, by the events view or event:MEET, must not take the module past wasm's 2 GiB).
  // Past it both caches are emptied and fill again; verdicts of prepared filters are kept apart
  // (KnownVerdicts), so what was prepared stays prepared.
  static constexpr std::size_t kMinExtractionCache = std::size_t{16} << 20;
  static constexpr std::size_t kMaxExtractionCache = std::size_t{256} << 20;
  std::size_t extraction_cache_budget() const;
  std::size_t extraction_cache_bytes() const { return extraction_cache_bytes_; }
  // For tests: a fixed budget for the caches in place of the one computed.
  void set_extraction_cache_budget(std::size_t bytes) { extraction_cache_budget_override_ = bytes; }
  // An engine whose index will be saved (the page's worker, `mirsad index`) needs room for the
  // file beside itself: the budget then counts it, so saving cannot be what runs out of memory.
  void reserve_for_saving(bool on) { reserve_for_saving_ = on; }
  // The most bytes IndexFile::save needs for its buffer (the index's own memory bounds its
  // serialized form; the texts take two bytes a unit).
  std::size_t saved_file_bound() const;
  // Releases the index's growth slack after a batch of additions.
  void compact() {
    index_.compact();
    title_index_.compact();
  }

  const std::vector<DocumentInfo>& documents() const { return documents_; }
  std::u16string text(DocOrdinal doc) const { return texts_->text(doc); }
  const TextStore& texts() const { return *texts_; }
  const InvertedIndex& index() const { return index_; }
  const InvertedIndex& title_index() const { return title_index_; }
  std::optional<DocOrdinal> find(const std::string& id) const;

  Query parse_query(std::u16string_view text, MatchLevel level, bool any = false, bool live = false) const {
    return parser_.parse(text, level, any, live);
  }
  // Runs the query; its filters (source:, date:, id:, entity:) restrict the documents.
  SearchResults search(const Query& query, std::size_t limit) const { return search(query, limit, ResultSort::Relevance); }
  // The same in an order (see search/result_order.hpp); facets, when given, receives the counts
  // of sources and days over the matching documents (see search/facets.hpp), over the whole
  // collection for an empty query.
  SearchResults search(const Query& query, std::size_t limit, ResultSort sort, Facets* facets = nullptr) const;
  // entity:, event: and with: filters test what is extracted from each candidate document, which
  // takes milliseconds a document on first use. A caller that must not wait that long at once (the
  // page) has another engine with the same collection (its worker) prepare them a batch at a time
  // and hand over the verdicts (see search/known_verdicts.hpp):
  // - unresolved_candidates: documents the query would test whose verdict is neither known nor
  //   cheap (their extraction is not cached yet); none when it has no such filters;
  // - extract_candidates: extracts and caches up to max_documents of them; how many remain;
  // - extracted_verdicts: the verdict of those filters for every document the query tests;
  // - adopt_verdicts: verdicts found by another engine, used by this one's searches.
  std::vector<DocOrdinal> unresolved_candidates(const Query& query) const;
  std::size_t extract_candidates(const Query& query, std::size_t max_documents) const;
  void extracted_verdicts(const Query& query, std::vector<DocOrdinal>& hold, std::vector<DocOrdinal>& fail) const;
  void adopt_verdicts(const Query& query, const std::vector<DocOrdinal>& hold, const std::vector<DocOrdinal>& fail);
  // Entities of one document, computed on first request and cached (valid until the next call
  // of entities or events: the cache is bounded).
  const std::vector<Entity>& entities(DocOrdinal doc) const;
  // Events of one document (events/event_extractor.hpp), its date resolving their days; computed
  // on first request and cached, with its entities.
  const std::vector<Event>& events(DocOrdinal doc) const;
  // Events of a text that is not in the collection, dated `date` (YYYY-MM-DD or empty).
  std::vector<Event> extract_events(std::u16string_view text, std::string_view date) const;
  // The named mentions of its meetings' and agreements' clauses with the party model's features
  // (events/party_model.hpp): what scripts/train-event-parties learns from.
  std::vector<PartyCandidate> event_party_candidates(std::u16string_view text, std::string_view date) const;
  AnalyzedText analyze(std::u16string_view text) const { return analyzer_->analyze(text); }
  const Analyzer& analyzer() const { return *analyzer_; }
  // Documents and indexes as bytes, for IndexFile; read() expects an empty engine and leaves it
  // empty when the bytes are inconsistent.
  void write(BinaryWriter& w) const;
  bool read(BinaryReader& r);
  // The same in slices, for a page that must not freeze: where the reading stands. NeedsInput:
  // `r` ended inside an item (a file streamed in pieces); call again with a reader over the same
  // unread bytes and more. The texts go to the store as they are read (a streamed file is not
  // kept whole anywhere), but no document becomes visible in the engine before the whole file
  // has checked out; a caller that gives up calls abandon_read, which empties the store again.
  struct ReadState {
    int phase = 0;
    uint32_t format_version = 3;  // IndexFile::kFormatVersion of the bytes read (2: no urls)
    uint64_t count = 0;
    std::size_t item = 0;
    uint64_t text_bytes = 0;      // of the current document's text, still to store
    uint64_t text_offset = 0;     // bytes of it stored so far: a long text is stored in parts
    bool in_text = false;         // between a document's fields and the end of its text
    std::vector<DocumentInfo> documents;
    std::unordered_map<std::string, DocOrdinal> ordinals;
    std::vector<uint32_t> text_lengths, title_lengths;
    InvertedIndex body, titles;
    InvertedIndex::ReadState body_state, title_state;
  };
  StepStatus read_some(BinaryReader& r, ReadState& state, WorkDeadline& deadline);
  void abandon_read(const ReadState& state);
  std::vector<Entity> extract_entities(std::u16string_view text) const;

 private:
  // The analysis chain and entity extractor are the same for every engine and cost a 108k-word
  // lexicon to build: they are built once per process (or wasm instance) and shared, so a second
  // engine (a widget, a reload of user files) starts at once.
  const Analyzer* analyzer_;
  InvertedIndex index_;
  InvertedIndex title_index_;  // the title field, scored with a boost
  QueryParser parser_;
  Searcher searcher_;
  std::unique_ptr<TextStore> texts_;
  std::vector<DocumentInfo> documents_;
  std::unordered_map<std::string, DocOrdinal> ordinal_by_id_;
  std::unordered_set<std::string> taken_ids_;  // used by earlier segments of a static build
  mutable std::unordered_map<DocOrdinal, std::vector<Entity>> entity_cache_;
  mutable std::unordered_map<DocOrdinal, std::vector<Event>> event_cache_;
  mutable std::size_t extraction_cache_bytes_ = 0;  // what the two caches hold, estimated
  std::optional<std::size_t> extraction_cache_budget_override_;
  // Called before a document's extraction is cached: empties the caches when they are full. A
  // reference returned by entities() or events() is valid until the next call of either.
  void make_room_for_extraction() const;
  void forget_extractions() const;
  // Filled by adopt_verdicts, and by extract_candidates with what it extracted.
  mutable KnownVerdicts known_verdicts_;
  // The query's filters, testing entity:, event: and with: by extraction unless a verdict is known.
  // The filter refers to asked_event_types: keep the vector alive as long as the filter.
  DocumentFilter filter_of(const Query& query, const std::vector<EventType>& asked_event_types) const;
  // Every candidate the query's filters test, with what `visit` makes of its verdict.
  void visit_candidates(const Query& query, const DocumentFilter& filter,
                        const std::function<void(DocOrdinal, const FilterVerdict&)>& visit) const;
  bool cached_for(const Query& query, DocOrdinal doc) const;
  // Tests the documents against the query's entity:, event: and with: filters (extracting what is
  // not cached) and keeps the verdicts with the filters' key.
  void keep_verdicts(const Query& query, const std::vector<DocOrdinal>& docs) const;
  std::size_t memory_budget_ = kDefaultMemoryBudget;
  bool reserve_for_saving_ = false;
  std::size_t text_units_ = 0;      // UTF-16 units of every document's text
  std::size_t metadata_bytes_ = 0;  // ids, titles, dates, sources and urls
};

}  // namespace mirsad
