#include "analysis/match_level.hpp"

namespace mirsad {

std::string_view match_level_name(MatchLevel level) {
  switch (level) {
    case MatchLevel::Exact: return "exact";
    case MatchLevel::Normalized: return "normalized";
    case MatchLevel::Word: return "word";
    case MatchLevel::Stem: return "stem";
  }
  return "word";
}

std::optional<MatchLevel> parse_match_level(std::string_view name) {
  for (const MatchLevel level : kAllMatchLevels) {
    if (match_level_name(level) == name) return level;
  }
  return std::nullopt;
}

}  // namespace mirsad
