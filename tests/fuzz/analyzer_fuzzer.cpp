// libFuzzer target for the analysis chain (char filters, tokenizer, clitics, stems).
// Input bytes are read as UTF-8 (what files bring) and as raw UTF-16 code units (what
// JavaScript strings bring, lone surrogates included); analyzer_invariants.hpp checks what
// every caller relies on and traps on a violation, so libFuzzer saves the input.
#include <cstddef>
#include <cstdint>

#include "analyzer_invariants.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  if (size > 1 << 16) return 0;
  mirsad::fuzz::check_input(data, size);
  return 0;
}
