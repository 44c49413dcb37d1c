#pragma once
#include <array>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "corpus/document.hpp"
#include "static_index/static_entities.hpp"
#include "static_index/static_entity_facets.hpp"
#include "static_index/static_file.hpp"
#include "static_index/static_parts.hpp"

namespace mirsad {

// Merges static indexes written one after the other ("segments": consecutive parts of one
// collection, in document order) into one static index, the same files StaticIndexWriter writes
// for the whole collection in memory. An archive larger than one wasm memory (2 GB holds about
// 40,000 articles with their texts and positional postings) is indexed a segment at a time and
// merged here, with memory bounded by one postings chunk a segment, one vocabulary, the norms and
// the document list, and one block of fragments.
//
// Like the reader, the merger never reads files itself: next() either gives an output file or
// names the segment files it needs, which the caller reads (inflated) and gives to provide(). A
// level's terms are merged as in a k-way merge sort: each segment's chunks are read in term order
// and a term's postings are the segments' postings one after the other, their documents shifted
// by the documents of the segments before.
class StaticIndexMerger {
 public:
  struct SegmentFile {
    std::size_t segment;
    std::string name;
  };
  enum class Step { File, Needs, Done, Error };

  StaticIndexMerger(uint64_t analysis_fingerprint, std::size_t chunk_bytes);
  ~StaticIndexMerger();

  // Each segment's manifest.json, in document order: empty, or why they cannot be merged.
  std::string open(const std::vector<std::string>& manifests);
  Step next(StaticFile& file);
  const std::vector<SegmentFile>& needs() const { return needs_; }
  const std::string& error() const { return error_; }
  // A file a Needs step named, inflated: empty, or why it was refused (the merge then stops).
  std::string provide(std::size_t segment, const std::string& name, std::string_view bytes);

  std::size_t documents() const { return documents_; }
  std::size_t files_given() const { return files_given_; }
  uint64_t bytes_given() const { return bytes_given_; }

 private:
  struct Segment;
  struct ChunkEntry {
    std::u16string term;
    std::array<std::string_view, 2> fields;
  };
  struct Cursor {
    std::vector<std::string> chunk_files;  // the level's table, once read
    bool table_read = false;
    std::size_t next_chunk = 0;
    std::string bytes;                // the chunk under way
    std::vector<ChunkEntry> entries;
    std::size_t position = 0;
    bool exhausted() const { return table_read && position == entries.size() && next_chunk == chunk_files.size(); }
  };

  Step fail(std::string why);
  Step ask(std::vector<SegmentFile> files);
  const std::string* take(std::size_t segment, const std::string& name);
  Step postings_step(StaticFile& file);
  Step vocabulary_step(StaticFile& file);
  Step norms_and_documents_step(StaticFile& file);
  Step fragments_step(StaticFile& file);
  Step entities_step(StaticFile& file);
  std::string read_chunk(Cursor& cursor, std::string bytes);
  std::string merged_postings(std::size_t field, const std::vector<std::size_t>& holders);

  uint64_t fingerprint_;
  std::size_t chunk_bytes_;
  std::vector<std::unique_ptr<Segment>> segments_;
  std::size_t documents_ = 0;
  uint64_t body_tokens_ = 0, title_tokens_ = 0;
  bool with_entities_ = false;

  int phase_ = 0;
  std::vector<SegmentFile> needs_;
  std::map<std::pair<std::size_t, std::string>, std::string> provided_;
  std::string error_;

  std::size_t level_ = 0;
  std::vector<Cursor> cursors_;  // a segment each, for the level under way
  std::unique_ptr<PostingsChunkCutter> cutter_;
  std::string merged_[2];

  std::size_t vocabulary_ = 0;  // level * 2 + field
  std::size_t vocabulary_segment_ = 0;
  std::unique_ptr<VocabularyEncoder> vocabulary_encoder_;
  std::unordered_set<std::u16string> vocabulary_seen_;

  std::vector<DocumentInfo> documents_info_;  // id, date, source, length: the document list
  FragmentGenerations generations_;
  std::deque<StaticFile> block_;  // fragments of the block under way, named once it is complete, given first to last
  std::size_t next_block_ = 0;

  std::unique_ptr<EntityPostings> entities_;
  std::unique_ptr<StaticEntityWriter> entity_writer_;
  bool with_entity_facets_ = false;  // every segment has its entity catalog
  EntityCatalog catalog_;
  int facet_files_ = 0;  // of the catalog and the facets, written so far

  ManifestParts manifest_;
  std::size_t files_given_ = 0;
  uint64_t bytes_given_ = 0;
};

}  // namespace mirsad
