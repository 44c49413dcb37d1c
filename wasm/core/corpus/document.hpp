#pragma once
#include <cstdint>
#include <string>

namespace mirsad {

// One article as it comes in. `text` is UTF-16 because every offset the core reports is a UTF-16
// code unit index into it, exactly as the page's String holds the same text.
struct Document {
  std::string id;
  std::u16string text;
  std::string title;
  std::string date;
  std::string source;
  std::string url;  // the article's link ("" when the input gave none)
};

// What the engine keeps of a document besides its text (which a TextStore holds).
struct DocumentInfo {
  std::string id;
  std::string title;
  std::string date;
  std::string source;
  std::string url;
  uint32_t length = 0;  // UTF-16 code units of the text

  bool operator==(const DocumentInfo&) const = default;
};

}  // namespace mirsad
