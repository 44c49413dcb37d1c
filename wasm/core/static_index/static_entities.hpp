#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "index/postings_source.hpp"
#include "static_index/static_file.hpp"

namespace mirsad {

// Which documents mention an entity, for entity: filters on a static index. The keys are what an
// entity: filter compares (Engine::search): an entity's canonical name and its text as written,
// each fully normalized; a document is listed under every key of every entity found in it.
// Sorted by key (UTF-16 order), each key's documents ascending.
using EntityPostings = std::vector<std::pair<std::u16string, std::vector<DocOrdinal>>>;

// One chunk of keys as the reader keeps it (the same shape, for a range of keys).
struct EntityChunkRef {
  std::u16string first;
  std::string file;
  std::size_t keys = 0;
};

// Writes the keys in chunks of about chunk_bytes, entities-HASH.bin (kind MZEN: varint key count;
// per key the key, varint document count and document deltas), then their table,
// table-entities-HASH.json ({"keys", "chunks": [[first key, file, keys]]}).
class StaticEntityWriter {
 public:
  StaticEntityWriter(const EntityPostings& postings, std::size_t chunk_bytes) : postings_(postings), chunk_bytes_(chunk_bytes) {}
  // The next file; false after the table.
  bool next(StaticFile& file);
  const std::string& table_name() const { return table_name_; }
  std::size_t keys() const { return postings_.size(); }

 private:
  const EntityPostings& postings_;
  std::size_t chunk_bytes_;
  std::size_t next_key_ = 0;
  std::vector<EntityChunkRef> chunks_;
  std::string table_name_;
};

// The reader's side: a chunk's keys (checked: sorted, documents ascending and below
// document_count) and a table's chunks (checked: sorted, named as chunks). Empty, or why not.
std::string read_entity_chunk(std::string_view bytes, std::size_t document_count, EntityPostings& out);
std::string read_entity_table(std::string_view bytes, std::vector<EntityChunkRef>& out);

}  // namespace mirsad
