#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "corpus/document.hpp"
#include "corpus/text_store.hpp"
#include "index/inverted_index.hpp"
#include "static_index/static_entities.hpp"
#include "static_index/static_entity_facets.hpp"
#include "static_index/static_file.hpp"
#include "static_index/static_parts.hpp"

namespace mirsad {

// Writes a collection (its body and title indexes, metadata and texts) as a static index, one
// file at a time so that a large collection never needs its whole output in memory.
//
// The layout (see static_format.hpp for the encodings):
//   postings-LEVEL-HASH.bin   one level's terms in UTF-16 order, cut into chunks of about
//                             chunk_bytes: a term's body and title postings (documents and
//                             positions) sit together, so a query word costs one file per level.
//                             Term ranges rather than hashed buckets: a prefix query (ليبي*) reads
//                             the consecutive chunks that hold its terms, and a chunk's terms share
//                             their leading letters, which gzip likes.
//   table-LEVEL-HASH.json     the level's chunks: first term, file, number of terms with body
//                             postings and with title postings (a prefix query knows how many
//                             chunks to ask for at once)
//   vocabulary-LEVEL-FIELD-HASH.bin
//                             a level's dictionary in the in-memory index's id order, read only by
//                             fuzzy words (word~), whose scan must see the terms in that order to
//                             expand as the in-memory engine does
//   norms-HASH.bin            every document's body and title length in tokens (BM25)
//   documents-HASH.json       id, date, source and length of every document (filters, sorting)
//   fragment/GEN/ORDINAL.json one document: id, title, date, source, text (results, snippets);
//                             GEN is a hash of the content of the block of kFragmentBlock
//                             documents the ordinal is in (the manifest lists them), so adding
//                             documents at the end renames only the last block's fragments
//   entities-HASH.bin, table-entities-HASH.json
//                             with entities: the documents of each entity key in key ranges,
//                             and their table (see static_entities.hpp)
//   entity-catalog-HASH.json, entity-facets-HASH.bin
//                             with entities: the people, organizations and places, and the most
//                             mentioned of them with their documents (see static_entity_facets.hpp)
//   manifest.json             counts, the analysis fingerprint and the names above
class StaticIndexWriter {
 public:
  static constexpr std::size_t kDefaultChunkBytes = 4 * 1024;
  static constexpr std::size_t kFragmentBlock = FragmentGenerations::kBlock;

  // entities: which documents mention which entity (for entity: filters), and catalog: the
  // people, organizations and places among them (for entity facets); or none (the index then
  // refuses entity: filters with a message, and gives no entity facets).
  StaticIndexWriter(const InvertedIndex& body, const InvertedIndex& titles, const std::vector<DocumentInfo>& documents,
                    const TextStore& texts, uint64_t analysis_fingerprint, std::size_t chunk_bytes = kDefaultChunkBytes,
                    const EntityPostings* entities = nullptr, const EntityCatalog* catalog = nullptr);

  // The next file; false once every file, the manifest last, has been given.
  bool next(StaticFile& file);
  std::size_t files_given() const { return files_given_; }
  uint64_t bytes_given() const { return bytes_given_; }

 private:
  struct LevelTerm {
    std::u16string_view term;
    uint32_t body = UINT32_MAX;   // id in the body index's dictionary of the level
    uint32_t title = UINT32_MAX;  // id in the title index's
  };
  void start_level(std::size_t level);
  StaticFile next_chunk();
  StaticFile vocabulary(std::size_t level, bool titles) const;
  StaticFile norms() const;
  StaticFile fragment(DocOrdinal doc) const;
  StaticFile manifest() const;
  std::vector<std::string> fragment_generations() const;

  const InvertedIndex& body_;
  const InvertedIndex& titles_;
  const std::vector<DocumentInfo>& documents_;
  const TextStore& texts_;
  uint64_t fingerprint_;
  std::size_t chunk_bytes_;

  int phase_ = 0;
  std::size_t level_ = 0;
  std::vector<LevelTerm> level_terms_;
  std::size_t next_term_ = 0;
  std::unique_ptr<PostingsChunkCutter> cutter_;
  std::size_t vocabulary_ = 0;  // level * 2 + field
  DocOrdinal next_fragment_ = 0;
  std::vector<std::string> generations_;  // by block of kFragmentBlock documents
  std::unique_ptr<StaticEntityWriter> entities_;  // null without entities
  const EntityPostings* entity_postings_ = nullptr;
  const EntityCatalog* catalog_ = nullptr;
  std::string catalog_name_, facets_name_;

  std::array<std::string, kMatchLevelCount> tables_;
  std::array<std::array<std::string, 2>, kMatchLevelCount> vocabularies_;
  std::string norms_name_, documents_name_;
  std::size_t files_given_ = 0;
  uint64_t bytes_given_ = 0;
};

}  // namespace mirsad
