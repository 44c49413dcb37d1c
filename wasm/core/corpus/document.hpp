#pragma once
#include <string>

namespace mirsad {

// One article. `text` is UTF-16 because every offset the core reports is a UTF-16 code unit
// index into it, exactly as the page's String holds the same text.
struct Document {
  std::string id;
  std::u16string text;
  std::string title;
  std::string date;
  std::string source;
};

}  // namespace mirsad
