// mirsad-lexicon-tool: builds the lexicon from its sources (api/lexicon_sources.hpp) and writes
// it serialized (Lexicon::serialize), front-coded (analysis/lexicon_front_coding.hpp), to the
// file named on the command line. The wasm build runs
// it under Node at build time, so the prebuilt lexicon comes from the same code and the same ICU
// data as the module that embeds it.
#include <cstdio>
#include <fstream>

#include "analysis/lexicon_front_coding.hpp"
#include "api/lexicon_sources.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: mirsad-lexicon-tool OUTPUT\n");
    return 2;
  }
  const mirsad::Lexicon lexicon = mirsad::build_lexicon_from_sources();
  const std::string text = lexicon.serialize();
  // The module adopts this text without reading it through (Lexicon::adopt_prebuilt): check here,
  // once, that it reads back whole and sorted.
  mirsad::Lexicon check;
  if (!check.add_serialized(text) || check.size() != lexicon.size() || check.stopword_count() != lexicon.stopword_count()) {
    std::fprintf(stderr, "mirsad-lexicon-tool: the serialized lexicon does not read back\n");
    return 1;
  }
  const std::string coded = mirsad::front_code_lexicon(text);
  std::string decoded;
  if (!mirsad::front_decode_lexicon(coded, decoded) || decoded != text) {
    std::fprintf(stderr, "mirsad-lexicon-tool: the front-coded lexicon does not decode to the serialized one\n");
    return 1;
  }
  std::ofstream out(argv[1], std::ios::binary);
  out.write(coded.data(), static_cast<std::streamsize>(coded.size()));
  out.close();
  if (!out) {
    std::fprintf(stderr, "mirsad-lexicon-tool: cannot write %s\n", argv[1]);
    return 1;
  }
  std::fprintf(stderr, "mirsad-lexicon-tool: %zu words, %zu stop words, %zu bytes (%zu front-coded)\n", lexicon.size(),
               lexicon.stopword_count(), text.size(), coded.size());
  return 0;
}
