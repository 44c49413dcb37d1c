#include "events/event_dates.hpp"

#include <cstdio>

namespace mirsad {
namespace {

// Days since 1970-01-01 and back (Howard Hinnant's civil calendar algorithms).
long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2));
  return {y, m, d};
}

}  // namespace

std::optional<CivilDate> parse_iso_day(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const std::size_t at[3][2] = {{0, 4}, {5, 7}, {8, 10}};
  for (int p = 0; p < 3; ++p) {
    for (std::size_t i = at[p][0]; i < at[p][1]; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      parts[p] = parts[p] * 10 + (text[i] - '0');
    }
  }
  if (parts[1] < 1 || parts[1] > 12 || parts[2] < 1 || parts[2] > 31) return std::nullopt;
  return CivilDate{parts[0], parts[1], parts[2]};
}

std::string iso_day(const CivilDate& date) {
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", date.year, date.month, date.day);
  return out;
}

CivilDate add_days(const CivilDate& date, int days) {
  return civil_from_days(days_from_civil(date.year, date.month, date.day) + days);
}

int weekday_of(const CivilDate& date) {
  const long z = days_from_civil(date.year, date.month, date.day);  // 1970-01-01 was a Thursday (5)
  return static_cast<int>(((z % 7) + 7 + 4) % 7) + 1;
}

CivilDate nearest_weekday(const CivilDate& from, int weekday, bool forward) {
  const int today = weekday_of(from);
  const int delta = forward ? (weekday - today + 7) % 7 : -((today - weekday + 7) % 7);
  return add_days(from, delta);
}

}  // namespace mirsad
