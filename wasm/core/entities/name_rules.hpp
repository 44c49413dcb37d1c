#pragma once
#include <functional>
#include <string>
#include <unordered_set>
#include <vector>

#include "entities/extraction_context.hpp"
#include "analysis/term_set.hpp"
#include "entities/phrase_dictionary.hpp"

namespace mirsad {

class Analyzer;
struct EntityResources;

// What the rules may ask about a token without knowing how names are stored.
struct TokenFacts {
  std::function<bool(std::size_t)> is_gentilic;    // الليبي، التونسية
  std::function<bool(std::size_t)> is_known_name;  // starts a gazetteer or CLDR name
};

// Finds names no list holds, from the words around them:
//  - a person after a title or role (الرئيس، وزير الخارجية الجزائري، اللواء، المتحدث باسم …),
//    built from given names, family names and links (عبد، أبو، بن);
//  - an organization from its head noun (وزارة، مجلس، تنظيم، الجيش …) and its modifiers;
//  - a place after a location cue (مدينة، منطقة، العاصمة، ولاية، بلدة).
class NameRules {
 public:
  static constexpr std::size_t kMaxNameTokens = 4;
  static constexpr std::size_t kMaxModifiers = 3;

  NameRules(const Analyzer& analyzer, const EntityResources& resources);
  void recognize(const ExtractionContext& ctx, const TokenFacts& facts, std::vector<EntityCandidate>& out) const;

  bool is_name_stop(Term word_term) const { return stops_.contains(word_term); }

 private:
  // Tokens of a person's name starting at i, or 0.
  std::size_t person_name_length(const ExtractionContext& ctx, const TokenFacts& facts, std::size_t i) const;
  void persons_after_titles(const ExtractionContext& ctx, const TokenFacts& facts, std::vector<EntityCandidate>& out) const;
  void organizations_from_heads(const ExtractionContext& ctx, const TokenFacts& facts, std::vector<EntityCandidate>& out) const;
  void places_after_cues(const ExtractionContext& ctx, const TokenFacts& facts, std::vector<EntityCandidate>& out) const;

  struct Title { bool construct; };  // construct: وزير X (takes a complement) vs الرئيس
  PhraseDictionary<Title> titles_;
  PhraseDictionary<bool> org_heads_;
  PhraseDictionary<bool> loc_cues_;
  TermSet links_;
  TermSet stops_;
  TermSet cue_words_;  // any word of any cue: never part of a name
};

}  // namespace mirsad
