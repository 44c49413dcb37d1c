#pragma once
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "events/event.hpp"

namespace mirsad {

// What the extractor knows of a named mention in a meeting's or agreement's clause when it decides
// whether the mention is a party: where it stands from the trigger, what stands before it, what
// lies between, and what the hand-written rules made of it. Names are the weights file's.
enum class PartyFeature : std::size_t {
  Bias,
  RuleAccepted,     // the rules took it as a party
  Person,
  Organization,
  Location,
  Before,           // before the trigger
  Near,             // 1–2 tokens from it
  Middle,           // 3–5
  Far,              // 6–10
  VeryFar,          // 11 or more
  With,             // after مع / بين / ضم
  Blocked,          // after a preposition that makes it a modifier (من، عن، في، إلى، ل، على)
  Joined,           // written with و (on it or on its title)
  AfterIn,          // after في / ب
  AfterTo,          // after إلى / ل
  AfterOther,       // after another preposition
  InTitle,          // a name inside a person's title (وزير خارجية مصر سامح شكري)
  VerbTrigger,
  DefiniteTrigger,  // الاجتماع، الاتفاق
  OneNameBetween,   // other names between it and the trigger: one
  NamesBetween,     // two or more
  TriggerBetween,   // another event word between them
  CommaBetween,
  Construct,        // a place right after a noun trigger (اجتماع القاهرة)
  IsPlace,          // the rules made it the event's place
  Agreement,        // the event is an agreement (not a meeting)
  AgreementRule,    // Agreement and RuleAccepted
  PlaceAfterIn,     // a place after في / ب: where, more often than who
  PlaceBefore,      // a place before the trigger
  Repeated,         // its canonical is named again elsewhere in the document (a protagonist)
  Count
};
constexpr std::size_t kPartyFeatureCount = static_cast<std::size_t>(PartyFeature::Count);
const char* party_feature_name(PartyFeature f);

using PartyFeatures = std::array<float, kPartyFeatureCount>;

// A candidate party as the trainer reads it (scripts/train-event-parties): the event's type and
// trigger, the mention, and its features.
struct PartyCandidate {
  EventType type;
  Span trigger;
  Span span;
  std::string canonical;
  PartyFeatures features{};
  int joined_to = -1;  // the candidate of the same trigger it is joined to by و (its index in that trigger's list), or -1
};

// A logistic model over those features, trained on our own annotated articles (the train split of
// tests/fixtures/events and the seeds) and read from wasm/data/event_parties.tsv ("name<TAB>weight"
// lines, "threshold<TAB>p", "fallback<TAB>p", "join_lists<TAB>0|1"). Without weights it is inactive and the rules decide alone.
class PartyModel {
 public:
  explicit PartyModel(std::string_view tsv);
  static const PartyModel& embedded();
  // Replaces the embedded weights for the rest of the process (scripts/train-event-parties trying
  // settings on dev through the whole extractor); events already cached keep the model they had.
  static void replace_embedded(std::string_view tsv);
  bool active() const { return active_; }
  double probability(const PartyFeatures& x) const;
  bool accepts(const PartyFeatures& x) const { return accepts_probability(probability(x)); }
  bool accepts_probability(double p) const { return p >= threshold_; }
  // A clause with a meeting or agreement has a party more often than not: when no candidate
  // reaches the threshold, the likeliest is taken if it reaches this lower one.
  bool accepts_alone(const PartyFeatures& x) const { return accepts_alone_probability(probability(x)); }
  bool accepts_alone_probability(double p) const { return p >= fallback_; }
  // Names joined by و share one decision (تونس والجزائر ومصر: all parties, or none).
  bool joins_lists() const { return joins_lists_; }

 private:
  static PartyModel& instance();
  std::array<double, kPartyFeatureCount> weights_{};
  double threshold_ = 0.5;
  double fallback_ = 1.1;  // none unless the weights file says
  bool joins_lists_ = false;
  bool active_ = false;
};

}  // namespace mirsad
