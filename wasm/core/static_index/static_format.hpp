#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "index/postings_source.hpp"

namespace mirsad::static_format {

// A static index is a directory a plain HTTP host serves: manifest.json (small, the only name
// that never changes) and files whose names carry a hash of their content, so a host and a
// browser may cache them forever. Each binary file starts with a four-letter kind and the format
// version; every file is gzipped on disk (the reader's caller inflates it, so the transfer is
// small whatever the host's compression settings).
constexpr uint32_t kVersion = 3;  // 2: fragments carry the url; 3: entity keys join «عبد» (entities/entity_name_key.hpp)
constexpr std::string_view kManifestFormat = "mirsad-static-index";

constexpr std::string_view kPostingsKind = "MZPC";    // one level's postings for a range of terms
constexpr std::string_view kNormsKind = "MZNM";       // every document's length in tokens, body and title
constexpr std::string_view kVocabularyKind = "MZVC";  // one level's dictionary of one field, in id order
constexpr std::string_view kEntitiesKind = "MZEN";    // the documents of a range of entity keys

// A name for bytes: kind, a 64-bit hash of the content in hex, extension.
std::string content_name(std::string_view prefix, std::string_view bytes, std::string_view extension);
// Is `name` the content name of bytes (prefix-HASH.ext)? A file of another index, or a damaged
// one, is refused whatever the host served under that name.
bool content_matches(const std::string& name, std::string_view bytes);
uint64_t content_hash(std::string_view bytes);
std::string hex64(uint64_t v);

// Appending, little-endian.
void put_varint(std::string& out, uint64_t v);
void put_term(std::string& out, std::u16string_view term);  // varint length, then UTF-16LE units
void put_header(std::string& out, std::string_view kind);

// Bounds-checked reading: after a read past the end every read gives 0 and ok() is false, so a
// damaged file ends in one check instead of a read out of bounds.
class Cursor {
 public:
  explicit Cursor(std::string_view bytes) : bytes_(bytes) {}
  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == bytes_.size(); }
  std::size_t position() const { return pos_; }
  uint64_t varint();
  std::u16string term();
  std::string_view take(std::size_t n);
  // Checks the kind and version written by put_header.
  bool header(std::string_view kind);
  void fail() { ok_ = false; }

 private:
  std::string_view bytes_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

// One field's postings of one term: varint document count; per document the delta from the
// previous document (the first from 0), the number of positions, and their deltas.
void put_postings(std::string& out, const DecodedPostings& postings);
// The reverse; false when the bytes are inconsistent (documents not ascending or beyond
// document_count, positions not ascending).
bool read_postings(std::string_view bytes, std::size_t document_count, DecodedPostings& out);

}  // namespace mirsad::static_format
