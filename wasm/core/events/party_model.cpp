#include "events/party_model.hpp"

#include <cmath>
#include <cstdlib>

#include "embedded_data.hpp"

namespace mirsad {

const char* party_feature_name(PartyFeature f) {
  static constexpr std::array<const char*, kPartyFeatureCount> kNames = {
      "bias", "rule_accepted", "person", "organization", "location", "before", "near", "middle", "far", "very_far",
      "with", "blocked", "joined", "after_in", "after_to", "after_other", "in_title", "verb_trigger",
      "definite_trigger", "one_name_between", "names_between", "trigger_between", "comma_between", "construct",
      "is_place", "agreement", "agreement_rule", "place_after_in", "place_before", "repeated"};
  return kNames[static_cast<std::size_t>(f)];
}

PartyModel::PartyModel(std::string_view tsv) {
  while (!tsv.empty()) {
    const std::size_t eol = tsv.find('\n');
    std::string_view line = tsv.substr(0, eol);
    tsv = eol == std::string_view::npos ? std::string_view() : tsv.substr(eol + 1);
    if (line.empty() || line.front() == '#') continue;
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    const std::string_view name = line.substr(0, tab);
    const double value = std::strtod(std::string(line.substr(tab + 1)).c_str(), nullptr);
    if (name == "join_lists") {
      joins_lists_ = value != 0;
      continue;
    }
    if (name == "threshold" || name == "fallback") {
      (name == "threshold" ? threshold_ : fallback_) = value;
      continue;
    }
    for (std::size_t f = 0; f < kPartyFeatureCount; ++f) {
      if (name == party_feature_name(static_cast<PartyFeature>(f))) {
        weights_[f] = value;
        active_ = true;
      }
    }
  }
}

PartyModel& PartyModel::instance() {
  static PartyModel model(embedded_data::event_parties_tsv());
  return model;
}

const PartyModel& PartyModel::embedded() { return instance(); }

void PartyModel::replace_embedded(std::string_view tsv) { instance() = PartyModel(tsv); }

double PartyModel::probability(const PartyFeatures& x) const {
  double z = 0;
  for (std::size_t f = 0; f < kPartyFeatureCount; ++f) z += weights_[f] * x[f];
  return 1.0 / (1.0 + std::exp(-z));
}

}  // namespace mirsad
