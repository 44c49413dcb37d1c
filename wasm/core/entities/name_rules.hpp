#pragma once
#include <functional>
#include <map>
#include <string>
#include <unordered_set>
#include <vector>

#include "entities/extraction_context.hpp"
#include "analysis/term_set.hpp"
#include "entities/phrase_dictionary.hpp"
#include "entities/token_features.hpp"

namespace mirsad {

class Analyzer;
struct EntityResources;

// What the rules may ask about a token without knowing how names are stored.
struct TokenFacts {
  std::function<bool(std::size_t)> is_gentilic;    // الليبي، التونسية
  std::function<bool(std::size_t)> is_known_name;  // starts a gazetteer or CLDR name
  std::function<bool(std::size_t)> is_known_person;  // starts a gazetteer person
  std::function<std::size_t(std::size_t)> known_length;  // tokens of the known name starting here
};

// Finds names no list holds, from the words around them:
//  - a person after a title or role (الرئيس، وزير الخارجية الجزائري، اللواء، المتحدث باسم …),
//    built from given names, family names and links (عبد، أبو، بن);
//  - a person without a title: a given name from wasm/data/given_names.tsv followed by a family
//    name (سعد الجبوري، سلمى عثمان);
//  - an organization from its head noun (وزارة، مجلس، تنظيم، الجيش …) and its modifiers;
//  - a place after a location cue (مدينة، منطقة، العاصمة، ولاية، بلدة).
class NameRules {
 public:
  static constexpr std::size_t kMaxNameTokens = 4;
  static constexpr std::size_t kMaxModifiers = 4;

  NameRules(const Analyzer& analyzer, const EntityResources& resources);
  void recognize(const ExtractionContext& ctx, const TokenFacts& facts, std::vector<EntityCandidate>& out) const;

  bool is_name_stop(Term word_term) const { return stops_.contains(word_term); }
  bool is_given_name(Term word_term) const { return given_names_.contains(word_term); }
  // The cue phrases and name words at every token, as Clue bits (token_features.hpp): the
  // sequence tagger's evidence from the same lists the rules read.
  void mark_clues(const ExtractionContext& ctx, std::vector<TokenEvidence>& evidence) const;

 private:
  // Tokens of a person's name starting at i, or 0.
  std::size_t person_name_length(const ExtractionContext& ctx, const TokenFacts& facts, std::size_t i) const;
  void persons_from_given_names(const ExtractionContext& ctx, const TokenFacts& facts, std::vector<EntityCandidate>& out) const;
  // Could token k be the word at `position` (0 = first) of a person's name? A given name, a
  // nisba in ي, or (in the first two places) a word the lexicon does not know: الجبوري، عثمان،
  // دوبوا — not الأسبوع, not قائلا.
  bool name_like(const ExtractionContext& ctx, std::size_t k, std::size_t position) const;
  void persons_after_titles(const ExtractionContext& ctx, const TokenFacts& facts, std::vector<EntityCandidate>& out) const;
  // قناة "الغد"، صحيفة الغارديان: the name after a media head.
  bool media_name(const ExtractionContext& ctx, const TokenFacts& facts, std::size_t head_end,
                  std::vector<EntityCandidate>& out) const;
  void organizations_from_heads(const ExtractionContext& ctx, const TokenFacts& facts, std::vector<EntityCandidate>& out) const;
  void places_after_cues(const ExtractionContext& ctx, const TokenFacts& facts, std::vector<EntityCandidate>& out) const;

  struct Title {};  // whether a title takes a complement is read from the text (وزير vs الرئيس)
  struct OrgHead {
    bool weak;        // قوات، حركة…: need a distinguishing modifier
    bool adjectival;  // منظمة: also a participle (الجريمة المنظمة)
    bool media;       // قناة، صحيفة: the name that follows is the organization, without the head
  };
  // definite: the data writes the cue with the article (العاصمة طرابلس); otherwise it only
  // introduces a name in construct (منطقة الساحل), and المنطقة + word is an ordinary phrase.
  struct LocationCue { bool definite; };
  PhraseDictionary<Title> titles_;
  PhraseDictionary<OrgHead> org_heads_;
  PhraseDictionary<LocationCue> loc_cues_;
  TermSet org_modifiers_;  // الوطني، المشتركة، العليا …
  TermSet given_names_;
  TermSet given_names_in_yeh_;  // written with final ي (علي), unlike the preposition على
  const Lexicon& lexicon_;
  TermSet links_;
  TermSet stops_;
  TermSet cue_words_;  // any word of any cue: never part of a name
};

}  // namespace mirsad
