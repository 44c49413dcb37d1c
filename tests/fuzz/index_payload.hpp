#pragma once
// Wraps an index payload in a valid header (version, byte order, fingerprint, length, CRC), so
// fuzzed or saved payloads reach the index reader instead of stopping at the checksum. Shared by
// the index-loader fuzzer and the native test that replays its corpus.
#include <string>
#include <string_view>

#include <cstring>

#include "api/index_file.hpp"
#include "api/json_api.hpp"
#include "index/binary_io.hpp"

namespace mirsad::fuzz {

inline std::string with_valid_header(std::string_view payload, uint32_t version = IndexFile::kFormatVersion) {
  BinaryWriter file;
  file.buffer().append("MIRSADIX", 8);
  file.u32(version);
  file.u32(0x01020304);
  file.u64(IndexFile::analysis_fingerprint());
  file.u64(payload.size());
  file.u32(crc32(payload));
  file.buffer().append(payload);
  return std::move(file.buffer());
}

// Loads a file into api as a page streams it: pieces of piece_bytes pushed whenever the loading
// asks for bytes, each step given budget_ms. Returns the final report and the most bytes the
// loading's window held (the report's "peakWindowBytes", taken out so that reports compare
// equal to a whole load's).
struct StreamedLoad {
  std::string report;
  std::size_t peak_window = 0;
};
inline StreamedLoad load_streamed(JsonApi& api, std::string_view file, std::size_t piece_bytes, double budget_ms) {
  StreamedLoad out;
  std::string step = api.begin_load_index_stream(static_cast<double>(file.size()));
  std::size_t at = 0;
  for (std::size_t guard = 0; step.find("\"done\":false") != std::string::npos; ++guard) {
    if (guard > 100000000) return {"guard", 0};
    if (step.find("\"needsBytes\":true") != std::string::npos && at < file.size()) {
      const std::size_t n = std::min(piece_bytes, file.size() - at);
      std::memcpy(api.load_room(n), file.data() + at, n);
      api.load_pushed(n);
      at += n;
    }
    step = api.continue_load_index(budget_ms);
  }
  const std::string key = ",\"peakWindowBytes\":";
  const std::size_t k = step.find(key);
  if (k != std::string::npos) {
    const std::size_t end = step.find('}', k);
    out.peak_window = std::stoull(step.substr(k + key.size(), end - k - key.size()));
    step.erase(k, end - k);
  }
  out.report = step;
  return out;
}

}  // namespace mirsad::fuzz
