// libFuzzer target for the index loader. The input is an index *payload*; the fuzzer wraps it
// in a valid header (version, fingerprint, length, CRC) so mutations reach the reader instead of
// stopping at the checksum. Loading must either succeed and answer queries, or be refused.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "api/json_api.hpp"
#include "index_payload.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string file = mirsad::fuzz::with_valid_header({reinterpret_cast<const char*>(data), size});
  mirsad::JsonApi api;
  const std::string report = api.load_index(file);
  if (report.find("\"error\"") == std::string::npos) {
    for (const char* mode : {"exact", "word", "stem"}) api.search(u"ليبيا تونس", mode, 10, true, false);
    api.search(u"ليب*", "word", 10, false, false);
    api.entities("");
  }
  return 0;
}
