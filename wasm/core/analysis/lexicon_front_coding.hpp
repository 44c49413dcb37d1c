#pragma once
#include <string>
#include <string_view>

namespace mirsad {

// The prebuilt lexicon (Lexicon::serialize: 100,000 sorted words, one a line) as the modules
// embed it: each word as the number of leading bytes it shares with the word before and the
// rest. Sorted words share long prefixes (وزير، وزيرا، وزيرة…), so this is a third of the text
// and gzips to 108 KB instead of 269 KB: the query-side module, which every visitor of a static
// index downloads, is that much lighter. Decoding gives the serialized text back byte for byte
// (the analysis fingerprint hashes that text, so indexes saved before stay valid).
//
// A line of the coded form is one byte, then the rest of the line: for a word, 0x20 + the shared
// byte count (at most 94); for a comment or section line ('#', '='), 0x7F and the line as it is
// (the next word then shares nothing).
std::string front_code_lexicon(std::string_view serialized);
// False (out unspecified) when the coded text is malformed.
bool front_decode_lexicon(std::string_view coded, std::string& out);

}  // namespace mirsad
