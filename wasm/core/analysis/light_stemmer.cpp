#include "analysis/light_stemmer.hpp"

#include <array>

namespace mirsad {
namespace {

// Enclitic pronouns, then light10's suffixes (ها ان ات ون ين يه ية ه ة ي with ة folded to ه).
constexpr std::array<std::u16string_view, 14> kSuffixes = {
    u"\u0647\u0645\u0627",  // هما
    u"\u0643\u0645\u0627",  // كما
    u"\u0647\u0645",        // هم
    u"\u0647\u0646",        // هن
    u"\u0643\u0645",        // كم
    u"\u0646\u0627",        // نا
    u"\u0647\u0627",        // ها
    u"\u0627\u0646",        // ان
    u"\u0627\u062A",        // ات
    u"\u0648\u0646",        // ون
    u"\u064A\u0646",        // ين
    u"\u064A\u0647",        // يه / ية
    u"\u0647",              // ه / ة
    u"\u064A",              // ي
};

}  // namespace

std::u16string_view LightStemmer::stem(std::u16string_view word) const {
  // Every suffix ends in one of ا م ن ت ه ي: anything else has nothing to strip.
  if (word.size() < kMinStem + 1) return word;
  switch (word.back()) {
    case u'\u0627': case u'\u0645': case u'\u0646': case u'\u062A': case u'\u0647': case u'\u064A': break;
    default: return word;
  }
  for (const auto suffix : kSuffixes) {
    if (word.size() >= suffix.size() + kMinStem && word.ends_with(suffix)) {
      word.remove_suffix(suffix.size());
    }
  }
  return word;
}

}  // namespace mirsad
