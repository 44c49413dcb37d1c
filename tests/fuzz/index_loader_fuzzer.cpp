// libFuzzer target for the index loader. The input is an index *payload*; the fuzzer wraps it
// in a valid header (version, fingerprint, length, CRC) so mutations reach the reader instead of
// stopping at the checksum. Loading must either succeed and answer queries, or be refused.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "api/index_file.hpp"
#include "api/json_api.hpp"
#include "index/binary_io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string_view payload(reinterpret_cast<const char*>(data), size);
  mirsad::BinaryWriter file;
  file.buffer().append("MIRSADIX", 8);
  file.u32(mirsad::IndexFile::kFormatVersion);
  file.u32(0x01020304);
  file.u64(mirsad::IndexFile::analysis_fingerprint());
  file.u64(payload.size());
  file.u32(mirsad::crc32(payload));
  file.buffer().append(payload);
  mirsad::JsonApi api;
  const std::string report = api.load_index(file.buffer());
  if (report.find("\"error\"") == std::string::npos) {
    for (const char* mode : {"exact", "word", "stem"}) api.search(u"ليبيا تونس", mode, 10, true, false);
    api.search(u"ليب*", "word", 10, false, false);
    api.entities("");
  }
  return 0;
}
