#pragma once
#include <array>
#include <optional>
#include <string_view>

namespace mirsad {

// How loosely a query word meets a document word. Each level is its own term space in the index.
enum class MatchLevel : uint8_t {
  Exact = 0,       // literal after NFC
  Normalized = 1,  // orthographic folds: marks, hamza-on-alef, ى/ي, ة/ه, digits, presentation forms
  Word = 2,        // normalized + proclitics removed: ليبيا finds وليبيا، لليبيا، بليبيا
  Stem = 3,        // word + light stem: الإرهاب، إرهابية، الإرهابيين meet
};
constexpr std::size_t kMatchLevelCount = 4;
constexpr std::array<MatchLevel, kMatchLevelCount> kAllMatchLevels = {
    MatchLevel::Exact, MatchLevel::Normalized, MatchLevel::Word, MatchLevel::Stem};

std::string_view match_level_name(MatchLevel level);
std::optional<MatchLevel> parse_match_level(std::string_view name);

}  // namespace mirsad
