#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace mirsad {

// A publication date as ISO 8601, so that a date filter (date:2015-07) and a sort by date read
// every source the same way: "YYYY-MM-DD", or "YYYY-MM-DDTHH:MM:SS" with the zone when one was
// given ("Z", "+03:00"). Recognised forms (Arabic-Indic digits too):
//   2015-07-25, 2015/7/25, 2015-07-25 10:20[:00], 2015-07-25T10:20:00.000Z, …+0300
//   25/07/2015, 25-07-2015, 25.07.2015 (day first, as in the Arab world and Europe; month first
//   only when the second number cannot be a month: 07/25/2015)
//   Sat, 25 Jul 2015 10:20:00 +0300 (RSS pubDate), July 25, 2015, 25 July 2015
//   السبت 25 يوليو 2015، 25 تموز 2015م (Egyptian and Levantine month names)
// Anything else (a Hijri date, a two-digit year, "yesterday") returns nullopt: the caller keeps
// the original text and says so.
std::optional<std::string> normalize_date(std::string_view text);

}  // namespace mirsad
