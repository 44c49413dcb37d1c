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
  std::function<bool(std::size_t)> is_calendar_word;  // a month or weekday name (رمضان، الجمعة)
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
  static constexpr std::size_t kMaxChainParts = 5;   // words of a genealogy besides its links
  static constexpr std::size_t kMaxChainTokens = 10;
  static constexpr std::size_t kMaxModifiers = 4;

  NameRules(const Analyzer& analyzer, const EntityResources& resources);
  void recognize(const ExtractionContext& ctx, const TokenFacts& facts, std::vector<EntityCandidate>& out) const;

  bool is_name_stop(Term word_term) const { return stops_.contains(word_term); }
  bool is_given_name(Term word_term) const { return given_names_.contains(word_term); }
  // The cue phrases and name words at every token, as Clue bits (token_features.hpp): the
  // sequence tagger's evidence from the same lists the rules read.
  void mark_clues(const ExtractionContext& ctx, std::vector<TokenEvidence>& evidence) const;
  // بن، بنت، ابن: the word after one is a parent's name, not a family name (آل's is).
  bool is_filial_link(Term word_term) const { return filial_links_.contains(word_term); }
  // منطقة، محافظة، مدينة، حي …: a place's generic head that stays outside its name (منطقة الرياض →
  // الرياض), unlike مطار or جبل (loc_cue rows marked "named" in wasm/data/cues.tsv).
  bool is_head_outside(Term word_term) const { return heads_outside_.contains(word_term); }

 private:
  // Tokens of a person's name starting at i, or 0. after_title: the first word may be any word
  // that a name-like word follows.
  std::size_t person_name_length(const ExtractionContext& ctx, const TokenFacts& facts, std::size_t i,
                                 bool after_title) const;
  // Token i is a word a filial link follows (مقرب بن سعد): the start of a genealogy.
  bool opens_genealogy(const ExtractionContext& ctx, const TokenFacts& facts, std::size_t i) const;
  void persons_from_given_names(const ExtractionContext& ctx, const TokenFacts& facts, std::vector<EntityCandidate>& out) const;
  // Could token k be the word at `position` (0 = first) of a person's name? A given name, a
  // nisba in ي, or (in the first two places) a word the lexicon does not know: الجبوري، عثمان،
  // دوبوا — not الأسبوع, not قائلا.
  // chained: inside a genealogy, where any such word may close the name.
  bool name_like(const ExtractionContext& ctx, std::size_t k, std::size_t position, bool chained) const;
  void persons_in_byline(const ExtractionContext& ctx, const TokenFacts& facts, std::vector<EntityCandidate>& out) const;
  void persons_after_speech_verbs(const ExtractionContext& ctx, const TokenFacts& facts, std::vector<EntityCandidate>& out) const;
  void persons_after_titles(const ExtractionContext& ctx, const TokenFacts& facts, std::vector<EntityCandidate>& out) const;
  // قناة "الغد"، صحيفة الغارديان: the name after a media head.
  bool media_name(const ExtractionContext& ctx, const TokenFacts& facts, std::size_t head_end,
                  std::vector<EntityCandidate>& out) const;
  // Tokens of a title of rank and the name after it (الملك سلمان) starting at k, or 0.
  std::size_t person_of_rank_length(const ExtractionContext& ctx, const TokenFacts& facts, std::size_t k) const;
  // Where an organization's name ends once its activity after ل is added (للكهرباء، لكرة القدم).
  std::size_t activity_complement_end(const ExtractionContext& ctx, const TokenFacts& facts, std::size_t k) const;
  bool nisba_adjective(const ExtractionContext& ctx, std::size_t k) const;
  void organizations_from_heads(const ExtractionContext& ctx, const TokenFacts& facts, std::vector<EntityCandidate>& out) const;
  void places_after_cues(const ExtractionContext& ctx, const TokenFacts& facts, std::vector<EntityCandidate>& out) const;

  // Whether a title takes a complement is read from the text (وزير vs الرئيس).
  struct Title {
    bool given_name_alone;  // الملك، الأمير، الشيخ: a given name alone after it is the person
  };
  struct OrgHead {
    bool weak;        // قوات، حركة…: need a distinguishing modifier
    bool adjectival;  // منظمة: also a participle (الجريمة المنظمة)
    bool media;       // قناة، صحيفة: the name that follows is the organization, without the head
    bool portfolios;  // وزارة: its complement is a portfolio (noun + adjective), and و joins two
  };
  // definite: the data writes the cue with the article (العاصمة طرابلس); otherwise it only
  // introduces a name in construct (منطقة الساحل), and المنطقة + word is an ordinary phrase.
  struct LocationCue { bool definite; };
  PhraseDictionary<Title> titles_;
  PhraseDictionary<OrgHead> org_heads_;
  PhraseDictionary<LocationCue> loc_cues_;
  TermSet org_modifiers_;  // الوطني، المشتركة، العليا …
  TermSet heads_outside_;  // loc_cue words not part of the place's name
  TermSet given_names_;
  TermSet given_names_in_yeh_;  // written with final ي (علي), unlike the preposition على
  const Lexicon& lexicon_;
  TermSet links_;
  TermSet filial_links_;   // بن، ابن، بنت: join a person to a parent; never open a name
  TermSet family_links_;   // آل: joins the family; never opens a person's name
  TermSet opening_links_;  // عبد، أبو، أم: may open a name (عبد الله، أبو بكر)
  TermSet stops_;
  TermSet cue_words_;
  TermSet speech_verbs_;  // قال، صرح، أكد…: a speaker's name may follow
  TermSet prepositions_;  // في، مع، على…: a word they follow governs them (a verb or masdar)  // any word of any cue: never part of a name
};

}  // namespace mirsad
