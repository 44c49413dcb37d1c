#pragma once
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "entities/extraction_context.hpp"
#include "analysis/term_set.hpp"
#include "entities/phrase_dictionary.hpp"

namespace mirsad {

class Analyzer;
struct CldrNames;
struct EntityResources;

// Finds dates in news style: الثلاثاء 2015/02/24، السابع من مارس/آذار 2016، 24 فبراير، عام 2011,
// weekdays, and numeric dates. Month and weekday names come from CLDR (Gregorian, Levantine and
// Maghreb month names); ordinal day words and year cues from the cue file.
class DateRecognizer {
 public:
  DateRecognizer(const Analyzer& analyzer, const EntityResources& resources, const CldrNames& cldr);
  void recognize(const ExtractionContext& ctx, std::vector<EntityCandidate>& out) const;

 private:
  struct CalendarWord {
    bool is_month;
    int value;
  };
  PhraseDictionary<CalendarWord> calendar_;
  PhraseDictionary<int> ordinals_;
  TermSet year_cues_;
  std::u16string month_word_;  // شهر
  std::u16string day_word_;    // يوم
  std::u16string from_word_;   // من, as in السابع من مارس
};

}  // namespace mirsad
