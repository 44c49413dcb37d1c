#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace mirsad {

// One row of wasm/data/gazetteer.tsv: a named place, organization or person with its sources.
struct GazetteerEntry {
  std::string type;      // LOCATION | ORGANIZATION | PERSON
  std::string subtype;   // city, region, militant_group, politician, …
  std::string canonical; // Arabic, as news writes it
  std::vector<std::string> variants;
  std::string label_en;
  std::string country;   // ISO 3166 alpha-2 or empty
};

// One row of wasm/data/gentilics.tsv: the masculine singular nisba of a country.
struct GentilicEntry {
  std::vector<std::string> bases;  // ليبي (alternatives: أمريكي|أميركي)
  std::string country;
  std::string label_en;
};

// One row of wasm/data/cues.tsv.
struct CueEntry {
  std::string kind;  // person_title, person_link, org_head, loc_cue, year_cue, ordinal, name_stop
  std::string phrase;
  std::string value;
};

// One row of wasm/data/given_names.tsv.
struct GivenName {
  std::string name;    // Arabic, as written (محمد، سلمى، بيير)
  std::string gender;  // m | f
};

struct EntityResources {
  std::vector<GazetteerEntry> gazetteer;
  std::vector<GentilicEntry> gentilics;
  std::vector<CueEntry> cues;
  std::vector<std::string> stopwords;  // wasm/data/stopwords.txt, as written
  std::vector<GivenName> given_names;

  // Parses the data files; malformed rows are skipped and described in `problems`.
  static EntityResources parse(std::string_view gazetteer_tsv, std::string_view gentilics_tsv,
                               std::string_view cues_tsv, std::string_view stopwords_txt,
                               std::string_view given_names_tsv, std::vector<std::string>* problems = nullptr);
  // The copies compiled into the library from wasm/data/.
  static const EntityResources& embedded();
};

}  // namespace mirsad
