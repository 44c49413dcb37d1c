// libFuzzer target for crafted index files (issue 14.11): the input is a list of mutations of a
// valid index's payload, applied before the header and its CRC are rebuilt, so every damaged
// file reaches the reader. index_mutation_check.hpp holds the mutations and the contract.
#include <cstddef>
#include <cstdint>

#include "index_mutation_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  if (size > 64 * 8) return 0;  // at most 64 mutations are read
  mirsad::fuzz::mutate_and_check(data, size);
  return 0;
}
