#include <string>

#include "analysis/lexicon_front_coding.hpp"
#include "embedded_data.hpp"
#include "text/fatal.hpp"

namespace mirsad::embedded_data {

// Decoded once and kept for the module's life: the lexicon adopts it in place
// (Lexicon::adopt_prebuilt), and the analysis fingerprint hashes it.
std::string_view prebuilt_lexicon_txt() {
  static const std::string text = [] {
    std::string decoded;
    const std::string_view coded = prebuilt_lexicon_front_coded();
    if (!coded.empty() && !front_decode_lexicon(coded, decoded)) fatal("the embedded prebuilt lexicon is malformed", "");
    return decoded;
  }();
  return text;
}

}  // namespace mirsad::embedded_data
