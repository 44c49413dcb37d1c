#include "entities/entity_name_key.hpp"

namespace mirsad {

std::u16string entity_name_key(std::u16string_view name, const CharNormalizer& normalizer) {
  return entity_name_key_of_normalized(normalizer.normalize_plain(name));
}

std::u16string entity_name_key_of_normalized(std::u16string normalized) {
  static constexpr std::u16string_view kServant = u"عبد";
  std::u16string out;
  out.reserve(normalized.size());
  for (std::size_t i = 0; i < normalized.size(); ++i) {
    out.push_back(normalized[i]);
    // A space after a whole word «عبد» with a word after it: dropped.
    if (normalized[i] != u' ' || out.size() < kServant.size() + 1 || i + 1 >= normalized.size() || normalized[i + 1] == u' ') continue;
    const std::size_t word = out.size() - 1 - kServant.size();
    if (std::u16string_view(out).substr(word, kServant.size()) == kServant && (word == 0 || out[word - 1] == u' ')) out.pop_back();
  }
  return out;
}

}  // namespace mirsad
