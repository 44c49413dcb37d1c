#include "api/lexicon_sources.hpp"

#include "analysis/analyzer.hpp"
#include "embedded_data.hpp"
#include "entities/cldr_names.hpp"
#include "entities/entity_extractor.hpp"
#include "entities/resources.hpp"
#include "text/fatal.hpp"

namespace mirsad {

Lexicon build_lexicon_from_sources() {
  // The analyzer that reads the word lists must not depend on the lexicon built from them.
  const Lexicon empty;
  const Analyzer plain(empty);
  Lexicon lexicon;
  lexicon.add_word_list(plain.normalizer(), embedded_data::arabic_stems_txt());
  add_entity_words_to_lexicon(plain, EntityResources::embedded(), CldrNames::load(), lexicon);
  return lexicon;
}

Lexicon load_lexicon() {
  const std::string_view prebuilt = embedded_data::prebuilt_lexicon_txt();
  if (prebuilt.empty()) return build_lexicon_from_sources();
  Lexicon lexicon;
  // The build wrote it with Lexicon::serialize; failing to read it back is a build defect.
  if (!lexicon.adopt_prebuilt(prebuilt)) fatal("the embedded prebuilt lexicon is malformed");
  return lexicon;
}

}  // namespace mirsad
