#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/match_level.hpp"
#include "corpus/document.hpp"
#include "index/postings_source.hpp"
#include "static_index/static_file.hpp"

namespace mirsad {

// The encodings of a static index's files (layout in static_index_writer.hpp), shared by the two
// ways of making one: StaticIndexWriter (from a collection in memory) and StaticIndexMerger (from
// segments written earlier). Both give the same bytes for the same documents, which is what
// lets an archive too large for one wasm memory be built in segments and merged.

std::string static_level_name(std::size_t level);

// Cuts one level's terms, given in UTF-16 order with each field's encoded postings
// (static_format::put_postings; empty when the field lacks the term), into postings chunks of
// about chunk_bytes, then writes the level's table of them.
class PostingsChunkCutter {
 public:
  PostingsChunkCutter(std::size_t level, std::size_t chunk_bytes) : level_(level), chunk_bytes_(chunk_bytes) {}
  // True once the chunk under way is full: take() it before adding more.
  bool add(std::u16string_view term, std::string_view body, std::string_view title);
  bool has_terms() const { return count_ > 0; }
  StaticFile take();
  // The level's table, once every chunk was taken.
  StaticFile table() const;
  std::size_t terms() const { return total_terms_; }

 private:
  struct ChunkEntry {
    std::u16string first;
    std::string file;
    std::array<std::size_t, 2> terms;  // with body postings, with title postings
  };
  std::size_t level_;
  std::size_t chunk_bytes_;
  std::string terms_bytes_;
  std::u16string first_;
  std::size_t count_ = 0;
  std::array<std::size_t, 2> in_field_{0, 0};
  std::size_t total_terms_ = 0;
  std::vector<ChunkEntry> chunks_;
};

// A level's dictionary of one field in the in-memory index's id order (first use first).
class VocabularyEncoder {
 public:
  explicit VocabularyEncoder(std::size_t level) : level_(level) {}
  void add(std::u16string_view term);
  StaticFile finish(bool titles);

 private:
  std::size_t level_;
  std::size_t count_ = 0;
  std::string terms_;
};

StaticFile norms_file(const std::vector<uint32_t>& body_lengths, const std::vector<uint32_t>& title_lengths);
StaticFile documents_file(const std::vector<DocumentInfo>& documents);

// A fragment's name holds its block's generation: a hash of the content of the block's
// documents, so a name changes whenever the content behind it may have. Documents are added in
// ordinal order; a block's generation is known once its last document was added.
class FragmentGenerations {
 public:
  static constexpr std::size_t kBlock = 256;
  void add(DocOrdinal doc, const DocumentInfo& info, std::u16string_view text, bool last_document);
  const std::vector<std::string>& generations() const { return generations_; }

 private:
  uint64_t chain_ = 0;
  std::string part_;
  std::vector<std::string> generations_;
};

// One document's fragment, fragment/GEN/ORDINAL.json; text as UTF-8.
StaticFile fragment_file(DocOrdinal doc, const std::string& generation, const DocumentInfo& info, std::string_view text_utf8);

struct ManifestParts {
  uint64_t fingerprint = 0;
  std::size_t documents = 0;
  uint64_t body_tokens = 0, title_tokens = 0;
  std::array<std::string, kMatchLevelCount> tables;
  std::array<std::array<std::string, 2>, kMatchLevelCount> vocabularies;
  std::string norms, documents_file;
  std::vector<std::string> generations;
  std::size_t chunk_bytes = 0;
  std::size_t files = 0;  // the manifest included
  std::string entities_table;  // "" without entities
  std::size_t entity_keys = 0;
  std::string entity_catalog, entity_facets;  // "" without entity facets
};
StaticFile manifest_file(const ManifestParts& parts);

}  // namespace mirsad
