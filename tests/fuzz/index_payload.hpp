#pragma once
// Wraps an index payload in a valid header (version, byte order, fingerprint, length, CRC), so
// fuzzed or saved payloads reach the index reader instead of stopping at the checksum. Shared by
// the index-loader fuzzer and the native test that replays its corpus.
#include <string>
#include <string_view>

#include "api/index_file.hpp"
#include "index/binary_io.hpp"

namespace mirsad::fuzz {

inline std::string with_valid_header(std::string_view payload) {
  BinaryWriter file;
  file.buffer().append("MIRSADIX", 8);
  file.u32(IndexFile::kFormatVersion);
  file.u32(0x01020304);
  file.u64(IndexFile::analysis_fingerprint());
  file.u64(payload.size());
  file.u32(crc32(payload));
  file.buffer().append(payload);
  return std::move(file.buffer());
}

}  // namespace mirsad::fuzz
