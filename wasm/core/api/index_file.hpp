#pragma once
#include <string>
#include <string_view>

#include "api/engine.hpp"

namespace mirsad {

// The saved index: documents, body and title indexes, in one versioned binary file, so a corpus
// is analysed once (CLI or page) and loaded later without re-analysis.
//
//   "MIRSADIX"  8 bytes    magic
//   u32         format version (kIndexFormatVersion)
//   u32         0x01020304, to refuse a file written with another byte order
//   u64         analysis fingerprint: the analyzer's data and ICU version the terms came from
//   u64         payload length
//   u32         CRC-32 of the payload
//   payload     documents (id, title, date, source, UTF-16 text), body index, title index
class IndexFile {
 public:
  static constexpr uint32_t kFormatVersion = 2;  // 2: pooled postings, coarse levels as exact → coarse maps

  static std::string save(const Engine& engine);
  // Loads into an empty engine; returns "" on success, else why the file was refused.
  static std::string load(std::string_view bytes, Engine& engine);
  // Terms depend on the analyzer: a file built with other data must be rebuilt, not misread.
  static uint64_t analysis_fingerprint();

 private:
  static uint64_t compute_analysis_fingerprint();
};

}  // namespace mirsad
