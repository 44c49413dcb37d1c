#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mirsad {

// The leading ISO date of a document's date field: "2015-07-21" of "2015-07-21 02:45:59",
// "2015-07" of "2015-07", "" when the field does not start with a valid YYYY[-MM[-DD]].
// Everything that reads documents' dates (ranges, sorting, the date histogram) goes through it,
// so one date means the same thing to all of them.
std::string_view iso_date_prefix(std::string_view date);

// A span of publication dates, both ends inclusive and either open ("" = no bound). A bound may
// be a year, a month or a day: date:2015-07..2015-08 runs from 1 July to 31 August, because a
// document's date is compared at the precision of each bound.
struct DateRange {
  std::string from;
  std::string to;

  bool contains(std::string_view document_date) const;
  bool operator==(const DateRange&) const = default;
};

// True when a date: filter value is written as a range (holds ".."), as opposed to the prefix
// form date:2015-07.
bool is_date_range(std::u16string_view value);

// Reads "2015-07-01..2015-07-15", "2015-07-01.." or "..2015-07-15" (Arabic-Indic digits too).
// A malformed range is not applied: nullopt, and a warning saying what was expected. Reversed
// ends are swapped, with a warning.
std::optional<DateRange> parse_date_range(std::u16string_view value, std::vector<std::string>& warnings);

}  // namespace mirsad
