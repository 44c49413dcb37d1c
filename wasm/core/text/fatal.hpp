#pragma once
#include <cstdio>
#include <cstdlib>

namespace mirsad {

// For broken builds only (ICU data missing): says why, then stops. The wasm build does not
// catch exceptions, so a message printed here is the only explanation a user would get.
[[noreturn]] inline void fatal(const char* what, const char* detail = "") {
  std::fprintf(stderr, "mirsad: fatal: %s %s\n", what, detail);
  std::abort();
}

}  // namespace mirsad
