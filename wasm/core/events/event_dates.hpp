#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace mirsad {

// Calendar arithmetic for resolving an event's date against its article's date: a weekday
// (الثلاثاء) is the nearest such day on or before the article's date for what happened, on or
// after it for what is planned; أمس and غدا are a day before and after.
struct CivilDate {
  int year = 0, month = 0, day = 0;
};

// YYYY-MM-DD (the rest of a longer string, a time, is ignored), or nothing.
std::optional<CivilDate> parse_iso_day(std::string_view text);
std::string iso_day(const CivilDate& date);
CivilDate add_days(const CivilDate& date, int days);
// 1 = Sunday … 7 = Saturday, as ICU's calendar numbers them.
int weekday_of(const CivilDate& date);
// The day with that weekday nearest `from`: on or before it, or on or after it when `forward`.
CivilDate nearest_weekday(const CivilDate& from, int weekday, bool forward);

}  // namespace mirsad
