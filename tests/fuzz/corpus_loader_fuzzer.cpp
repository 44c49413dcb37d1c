// libFuzzer target for the corpus loaders (.json, .jsonl, .txt and a refused type), through
// JsonApi::load_file as the page and the CLI call it; corpus_loader_check.hpp holds the contract.
#include <cstddef>
#include <cstdint>

#include "corpus_loader_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  if (size > 1 << 16) return 0;
  mirsad::fuzz::load_and_check(data, size);
  return 0;
}
