#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace mirsad {

// Decodes UTF-8 the way the WHATWG Encoding Standard (and so the browser's TextDecoder) does:
// each maximal invalid subsequence becomes one U+FFFD. Offsets computed on the result therefore
// agree with what a page holds after decoding the same bytes.
std::u16string utf8_to_utf16(std::string_view bytes, std::size_t* replacements = nullptr);

// Encodes UTF-16 as UTF-8; a lone surrogate becomes U+FFFD (one code unit in, one out, so
// UTF-16 offsets stay valid).
std::string utf16_to_utf8(std::u16string_view text);

// True for UTF-16 high/low surrogates.
inline bool is_high_surrogate(char16_t c) { return c >= 0xD800 && c <= 0xDBFF; }
inline bool is_low_surrogate(char16_t c) { return c >= 0xDC00 && c <= 0xDFFF; }

}  // namespace mirsad
