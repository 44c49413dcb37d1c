#pragma once
#include <string>
#include <string_view>

#include "text/utf.hpp"

namespace mirsad::test {

inline std::u16string u16(std::string_view utf8) { return utf8_to_utf16(utf8); }
inline std::string u8(std::u16string_view utf16) { return utf16_to_utf8(utf16); }
// The original text a span covers, as UTF-8, for readable assertions.
inline std::string slice(std::u16string_view text, uint32_t start, uint32_t end) {
  return utf16_to_utf8(text.substr(start, end - start));
}

}  // namespace mirsad::test
