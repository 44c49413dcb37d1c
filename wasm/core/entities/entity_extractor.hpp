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
#include "entities/sequence_tagger.hpp"
#include "entities/token_features.hpp"

namespace mirsad {

// Every word the entity data names, for the clitic stripper's lexicon: a particle before a
// known name (وليبيا، بطرابلس، لداعش) is then cut with evidence.
void add_entity_words_to_lexicon(const Analyzer& plain_analyzer, const EntityResources& resources,
                                 const CldrNames& cldr, Lexicon& lexicon);

// What the sequence tagger reads for one text, and the spans its tokens cover: the trainer
// builds its examples from exactly what the extractor tags.
struct TaggerInput {
  std::vector<Span> spans;  // token i: from after its proclitics to its end (UTF-16)
  std::vector<bool> after_particle;  // token i had a proclitic cut
  TokenFeatureRows features;
};

// Extracts people, places, organizations, dates, numbers and nationalities. Candidates come
// from a gazetteer of real data (CLDR territories, wasm/data/gazetteer.tsv, gentilics), date
// rules and name rules; the longest non-overlapping candidates win. Then, when a tagger model is
// compiled in, the sequence tagger (sequence_tagger.hpp), reading the words and what the lists
// and rules said, decides the persons, places and organizations. Later short mentions of a
// person link to the full name found earlier in the same document.
class EntityExtractor {
 public:
  EntityExtractor(const Analyzer& analyzer, const EntityResources& resources, const CldrNames& cldr,
                  const SequenceTagger& tagger = SequenceTagger::embedded());
  std::vector<Entity> extract(std::u16string_view text, const AnalyzedText& analyzed) const;
  // The tagger's input for a text (for training it).
  TaggerInput tagger_input(std::u16string_view text, const AnalyzedText& analyzed) const;

 private:
  struct Name {
    EntityType type;
    std::string canonical;
    std::string label_en;
    std::string country;
    std::string subtype;         // city, militant_group, country… (the tagger's evidence)
    bool needs_article = false;  // written with ال (الحلة): حله alone is another word
    bool emitted = true;         // false for regional adjectives (أوروبي، مغاربي): modifiers only
  };
  void add_name(const Analyzer& analyzer, const std::string& phrase, Name name);
  // News text glues words (الجزائروتونس، الأممالمتحدة): a token no list knows that is two known
  // name words is replaced by the two, analyzed on their own. `parts` keeps their analyses.
  std::vector<AnalyzedToken> split_glued_names(std::u16string_view text, const std::vector<AnalyzedToken>& tokens,
                                               std::deque<AnalyzedText>& parts) const;
  // A conjunction the clitic stripper kept because nothing confirmed the word after it: و before
  // a word that no list or lexicon knows, with or without it (وعبدالمجيد، وتلبيسة), is cut here,
  // for the entities only. Names in a list are joined this way («عيد وجمعان الدوسري»), and a name
  // that starts with و is a word a list knows (وهران، وليد). `parts` keeps the new analyses.
  std::vector<AnalyzedToken> cut_conjunction_before_unknown_words(std::u16string_view text,
                                                                  const std::vector<AnalyzedToken>& tokens,
                                                                  std::deque<AnalyzedText>& parts) const;
  void link_short_mentions(const ExtractionContext& ctx, std::vector<EntityCandidate>& accepted) const;
  // What the lists and rules decide on their own.
  struct RuleOutcome {
    std::vector<EntityCandidate> accepted;  // non-overlapping
    std::vector<std::pair<std::size_t, const Name*>> known;  // the list name starting at each token
    std::vector<bool> gentilic;
    // A one-word name a list knows that the rules turned down at this token, and its type (-1:
    // none): the article makes it another word (المالية is not Mali, الأب not Ibb), or it is
    // written as a month (آب). The tagger's reading of the word is held to the same reasons.
    std::vector<int8_t> turned_down;
    // The index in `accepted` of the candidate covering each token (-1: none), so that a check
    // of one span against the rules' decisions costs no scan of them all (a 20 MB text has
    // hundreds of thousands).
    std::vector<int32_t> accepted_at;
    const EntityCandidate* accepted_covering(std::size_t token) const {
      return accepted_at[token] < 0 ? nullptr : &accepted[static_cast<std::size_t>(accepted_at[token])];
    }
  };
  RuleOutcome apply_rules(const ExtractionContext& ctx) const;
  // The cue phrases at every token (titles, heads, links): read by the features and by the rules
  // that stand over the tagger, so computed once per text.
  std::vector<TokenEvidence> cue_clues(const ExtractionContext& ctx) const;
  // `evidence`: the text's clues, completed here with what the lists and rules say.
  TokenFeatureRows features(const ExtractionContext& ctx, const RuleOutcome& rules, std::vector<TokenEvidence> evidence) const;
  // The tagger's persons, places and organizations with the rules' dates, numbers and nationalities.
  std::vector<EntityCandidate> with_tagged_names(const ExtractionContext& ctx, const RuleOutcome& rules) const;
  // Where the rules cannot be wrong, they overrule the tagger's candidates: a genealogy (بن / آل
  // links) is one person, and a media head names no verb.
  void let_sure_rules_stand(const ExtractionContext& ctx, const RuleOutcome& rules, const std::vector<TokenEvidence>& clues,
                            std::vector<EntityCandidate>& candidates) const;
  // The words of a dateline's place (صبيا in «صبيا 25 شوال 1436 هـ»), or 0 when the text opens otherwise.
  std::size_t dateline_place_words(const ExtractionContext& ctx) const;

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
  const SequenceTagger& tagger_;
};

}  // namespace mirsad
