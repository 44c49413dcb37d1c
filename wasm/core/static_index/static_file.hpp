#pragma once
#include <string>

namespace mirsad {

// One file of a static index, as a writer gives it.
struct StaticFile {
  std::string name;   // relative to the index directory, with '/' between folders
  std::string bytes;  // as they are to be served (the caller gzips them)
};

}  // namespace mirsad
