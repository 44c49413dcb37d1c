#include "entities/cldr_names.hpp"

#include <set>

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/uloc.h>

namespace mirsad {
namespace {

std::string utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

void add_calendar(const char* locale, std::vector<CalendarName>& months, std::vector<CalendarName>* weekdays) {
  UErrorCode status = U_ZERO_ERROR;
  icu::DateFormatSymbols symbols(icu::Locale(locale), status);
  if (U_FAILURE(status)) return;
  int32_t count = 0;
  const icu::UnicodeString* names = symbols.getMonths(count, icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::WIDE);
  for (int32_t i = 0; i < count && i < 12; ++i) months.push_back({utf8(names[i]), i + 1});
  if (weekdays) {
    const icu::UnicodeString* days = symbols.getWeekdays(count, icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::WIDE);
    for (int32_t i = 1; i < count; ++i) weekdays->push_back({utf8(days[i]), i});  // index 0 is unused
  }
}

CldrNames read_from_icu() {
  CldrNames names;
  const icu::Locale arabic("ar"), english("en");
  for (const char* const* code = uloc_getISOCountries(); *code; ++code) {
    const icu::Locale territory("", *code);
    icu::UnicodeString ar, en;
    territory.getDisplayCountry(arabic, ar);
    territory.getDisplayCountry(english, en);
    const std::string a = utf8(ar), e = utf8(en);
    // Without data ICU echoes the code; such entries carry no name.
    if (a.empty() || a == *code) continue;
    names.territories.push_back({*code, a, e});
  }
  add_calendar("ar", names.months, &names.weekdays);
  for (const char* locale : {"ar_SY", "ar_DZ", "ar_MA"}) add_calendar(locale, names.months, nullptr);
  {
    // The Hijri month names (رمضان، شوال) that news dates by, from the Islamic calendar's symbols.
    UErrorCode status = U_ZERO_ERROR;
    icu::DateFormatSymbols symbols(icu::Locale("ar"), "islamic", status);
    int32_t count = 0;
    const icu::UnicodeString* hijri =
        U_SUCCESS(status) ? symbols.getMonths(count, icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::WIDE) : nullptr;
    for (int32_t i = 0; hijri && i < count && i < 12; ++i) names.hijri_months.push_back({utf8(hijri[i]), i + 1});
  }
  // Locales share most names; keep each (name, value) once.
  std::set<std::pair<std::string, int>> seen;
  std::vector<CalendarName> unique;
  for (auto& m : names.months) {
    if (seen.insert({m.arabic, m.value}).second) unique.push_back(m);
  }
  names.months = std::move(unique);
  return names;
}

}  // namespace

const CldrNames& CldrNames::load() {
  static const CldrNames names = read_from_icu();
  return names;
}

}  // namespace mirsad
