#pragma once
#include <array>
#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/analyzer.hpp"
#include "corpus/document.hpp"
#include "index/postings_source.hpp"
#include "index/term_dictionary.hpp"
#include "query/query.hpp"
#include "search/result_order.hpp"
#include "search/facets.hpp"
#include "search/searcher.hpp"
#include "static_index/static_entities.hpp"
#include "static_index/static_entity_facets.hpp"

namespace mirsad {

// One document of a static index, as its fragment file gives it.
struct StaticFragment {
  DocumentInfo info;
  std::u16string text;
  std::vector<Span> body_spans;   // every token's span, as the in-memory index keeps them
  std::vector<Span> title_spans;
};

// Searches a static index (see static_index_writer.hpp) whose files arrive on demand. The reader
// never fetches: search() either answers or names the files it lacks, the caller fetches them
// (in parallel), gives each to provide() and asks again. A query takes a few such rounds: the
// level's chunk table and the norms, then the chunks of its words, then the fragments of the
// documents shown. The answer is the in-memory engine's for the same collection: the same
// Searcher runs over views of the loaded chunks.
//
// Loaded files are kept for later queries up to a memory budget, least recently used first out.
class StaticIndexReader {
 public:
  static constexpr std::size_t kDefaultMemoryBudget = std::size_t{64} << 20;

  StaticIndexReader(const Analyzer& analyzer, uint64_t analysis_fingerprint);
  ~StaticIndexReader();

  // Reads manifest.json: empty, or why it cannot be read.
  std::string open(std::string_view manifest);
  bool is_open() const { return open_; }
  // A fetched file, inflated: empty, or why it was refused (damaged, not of this index). A
  // refused file is not kept, and a query that needs it answers with that error.
  std::string provide(const std::string& name, std::string_view bytes);

  struct Outcome {
    std::vector<std::string> needs;  // fetch these and provide them, then search again
    std::string error;               // a needed file is damaged or missing: no result
    SearchResults results;           // when needs and error are empty
  };
  // With facets: the sources and days of every match as the in-memory engine counts them (the
  // document list is then needed); an empty query counts the whole collection. An index written
  // with entities also gives its entity facets (its facets file is then needed): how many of the
  // matches that pass every filter mention each of the most mentioned people, organizations and
  // places.
  Outcome search(const Query& query, std::size_t limit, ResultSort sort = ResultSort::Relevance, Facets* facets = nullptr);

  // A missing file (the host answered 404): queries that need it say so.
  void file_unavailable(const std::string& name, const std::string& why);

  const StaticFragment* fragment(DocOrdinal doc) const;
  std::size_t document_count() const { return documents_; }
  bool has_entity_facets() const { return !entity_facets_name_.empty(); }
  std::size_t memory_bytes() const { return cached_bytes_; }
  void set_memory_budget(std::size_t bytes) { budget_ = bytes; }
  // How many files were provided, and their bytes (inflated), since open().
  std::size_t files_loaded() const { return files_loaded_; }

  // The name of a document's fragment file.
  std::string fragment_name(DocOrdinal doc) const;

 private:
  class FieldView;
  friend class FieldView;

  struct ChunkRef {
    std::u16string first;
    std::string file;
    std::array<std::size_t, 2> terms;  // with body postings, with title postings
  };
  struct Level {
    std::string table_name;
    std::array<std::string, 2> vocabulary_names;  // body, title
    std::optional<std::vector<ChunkRef>> chunks;  // once the table is loaded
  };
  struct ChunkTerm {
    std::u16string term;
    std::array<std::string_view, 2> fields;  // body, title postings; empty: the field lacks the term
  };
  struct Chunk {
    std::string bytes;
    std::vector<ChunkTerm> terms;  // sorted
  };
  // A file in the cache: one of the kinds above, with its place in the LRU list.
  struct Cached {
    std::shared_ptr<Chunk> chunk;
    std::shared_ptr<TermDictionary> vocabulary;
    std::shared_ptr<StaticFragment> fragment;
    std::size_t bytes = 0;
    uint64_t last_use = 0;
    std::shared_ptr<EntityPostings> entities;
  };

  // Lookups used by the views; each records a missing file in missing_.
  const std::vector<ChunkRef>* table(MatchLevel level) const;
  const Chunk* chunk(const std::string& name) const;
  const TermDictionary* vocabulary(MatchLevel level, bool title) const;
  bool norms_ready() const;
  void need(const std::string& name) const;
  // The documents that mention an entity key (normalized as entity: filters are), or null when a
  // file is still missing; an unknown key has none.
  const std::vector<DocOrdinal>* entity_documents(const std::u16string& key) const;

  std::string read_table(std::size_t level, std::string_view bytes);
  std::string read_chunk(const std::string& name, std::string_view bytes);
  std::string read_vocabulary(const std::string& name, std::string_view bytes);
  std::string read_norms(std::string_view bytes);
  std::string read_documents(std::string_view bytes);
  std::string read_fragment(DocOrdinal doc, std::string_view bytes);
  std::string read_entities(const std::string& name, std::string_view bytes);
  void keep(const std::string& name, Cached entry);
  void trim_cache();
  // Touches every file the query's words need, so one round asks for all of them.
  void prefetch(const Query& query, FieldView& body, FieldView& titles);

  const Analyzer& analyzer_;
  uint64_t fingerprint_;
  bool open_ = false;
  std::size_t documents_ = 0;
  uint64_t body_tokens_ = 0, title_tokens_ = 0;
  std::array<Level, kMatchLevelCount> levels_;
  std::string norms_name_, documents_name_;
  std::vector<std::string> generations_;  // of each block of fragment_block_ documents
  std::size_t fragment_block_ = 1;
  std::vector<uint32_t> body_lengths_, title_lengths_;  // empty until the norms are loaded
  std::optional<std::vector<DocumentInfo>> documents_info_;
  std::string entities_table_name_;  // "" when the index was written without entities
  std::string entity_facets_name_;   // "" when it was written without entity facets
  // Once the facets file is read: its entities, and each document's among them (compressed rows:
  // document d's are facet_of_document_[facet_rows_[d] .. facet_rows_[d + 1])).
  std::optional<std::vector<EntityFacetEntry>> entity_facets_;
  std::vector<uint32_t> facet_rows_;
  std::vector<uint16_t> facet_of_document_;
  std::string read_entity_facets_file(std::string_view bytes);
  // The facet entities with a count, into facets (counts: by the facets file's order).
  void add_entity_facets(Facets& facets, const std::vector<std::size_t>& counts) const;
  std::optional<std::vector<EntityChunkRef>> entity_chunks_;

  mutable std::unordered_map<std::string, Cached> cache_;
  mutable uint64_t clock_ = 0;
  std::size_t cached_bytes_ = 0;
  std::size_t budget_ = kDefaultMemoryBudget;
  std::size_t files_loaded_ = 0;
  mutable std::set<std::string> missing_;
  std::map<std::string, std::string> refused_;  // file → why
};

}  // namespace mirsad
