#pragma once
#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/analyzer.hpp"
#include "entities/cldr_names.hpp"
#include "entities/date_recognizer.hpp"
#include "entities/entity.hpp"
#include "entities/name_rules.hpp"
#include "entities/number_recognizer.hpp"
#include "entities/phrase_dictionary.hpp"
#include "entities/resources.hpp"

namespace mirsad {

// Every word the entity data names, for the clitic stripper's lexicon: a particle before a
// known name (وليبيا، بطرابلس، لداعش) is then cut with evidence.
void add_entity_words_to_lexicon(const Analyzer& plain_analyzer, const EntityResources& resources,
                                 const CldrNames& cldr, Lexicon& lexicon);

// Extracts people, places, organizations, dates, numbers and nationalities. Candidates come
// from a gazetteer of real data (CLDR territories, wasm/data/gazetteer.tsv, gentilics), date
// rules and name rules; the longest non-overlapping candidates win; later short mentions of a
// person link to the full name found earlier in the same document.
class EntityExtractor {
 public:
  EntityExtractor(const Analyzer& analyzer, const EntityResources& resources, const CldrNames& cldr);
  std::vector<Entity> extract(std::u16string_view text, const AnalyzedText& analyzed) const;

 private:
  struct Name {
    EntityType type;
    std::string canonical;
    std::string label_en;
    std::string country;
    bool needs_article = false;  // written with ال (الحلة): حله alone is another word
    bool emitted = true;         // false for regional adjectives (أوروبي، مغاربي): modifiers only
  };
  void add_name(const Analyzer& analyzer, const std::string& phrase, Name name);
  // News text glues words (الجزائروتونس، الأممالمتحدة): a token no list knows that is two known
  // name words is replaced by the two, analyzed on their own. `parts` keeps their analyses.
  std::vector<AnalyzedToken> split_glued_names(std::u16string_view text, const std::vector<AnalyzedToken>& tokens,
                                               std::deque<AnalyzedText>& parts) const;
  void link_short_mentions(const ExtractionContext& ctx, std::vector<EntityCandidate>& accepted) const;

  const Analyzer& analyzer_;
  PhraseDictionary<Name> names_;  // gazetteer, CLDR territories and gentilic forms
  // Accusative gentilics that are also a country's name (ليبيا): a nationality after an
  // indefinite accusative (وفدا أمنيا ليبيا، مهاجرا إريتريا).
  PhraseDictionary<Name> accusative_gentilics_;
  TermSet calendar_words_;  // month and weekday names (آب، أيار، الجمعة): a place so written is a date
  TermSet name_words_;             // every word of every name, normalized as written (الجزائر، الامم)
  DateRecognizer dates_;
  NumberRecognizer numbers_;
  NameRules rules_;
};

}  // namespace mirsad
