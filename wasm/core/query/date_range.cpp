#include "query/date_range.hpp"

#include <algorithm>

#include "text/utf.hpp"

namespace mirsad {
namespace {

bool digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int number(std::string_view s) {
  int n = 0;
  for (const char c : s) n = n * 10 + (c - '0');
  return n;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// The length of the valid ISO date at the start of s: 10, 7, 4 or 0.
std::size_t iso_length(std::string_view s) {
  if (s.size() < 4 || !digits(s.substr(0, 4))) return 0;
  if (s.size() < 7 || s[4] != '-' || !digits(s.substr(5, 2))) return 4;
  const int month = number(s.substr(5, 2));
  if (month < 1 || month > 12) return 4;
  if (s.size() < 10 || s[7] != '-' || !digits(s.substr(8, 2))) return 7;
  const int day = number(s.substr(8, 2));
  if (day < 1 || day > days_in_month(number(s.substr(0, 4)), month)) return 7;
  return 10;
}

// A bound as written: ASCII after folding Arabic-Indic digits; valid when it is all an ISO date.
bool read_bound(std::u16string_view text, std::string& out) {
  out.clear();
  for (const char16_t c : text) {
    if (c >= u'\u0660' && c <= u'\u0669') out += static_cast<char>('0' + (c - u'\u0660'));
    else if (c >= u'\u06F0' && c <= u'\u06F9') out += static_cast<char>('0' + (c - u'\u06F0'));
    else if (c < 0x80) out += static_cast<char>(c);
    else return false;
  }
  return out.empty() || iso_length(out) == out.size();
}

// a < b, = or > at the precision of the shorter: 2015-07 equals 2015-07-21 here.
int compare_at_common_precision(std::string_view a, std::string_view b) {
  const std::size_t n = std::min(a.size(), b.size());
  return a.substr(0, n).compare(b.substr(0, n));
}

}  // namespace

std::string_view iso_date_prefix(std::string_view date) {
  const std::size_t n = iso_length(date);
  // "2015-07-21T…" and "2015-07-21 …" are dates; "20150721" or "2015-07-213" are not.
  if (n < date.size() && n != 0 && date[n] >= '0' && date[n] <= '9') return {};
  return date.substr(0, n);
}

bool DateRange::contains(std::string_view document_date) const {
  const std::string_view date = iso_date_prefix(document_date);
  if (date.empty()) return false;  // an undated document is in no range
  // At each bound's precision: 2015-07-21 is within ..2015-07 and within 2015-07.. .
  return (from.empty() || compare_at_common_precision(date, from) >= 0) &&
         (to.empty() || compare_at_common_precision(date, to) <= 0);
}

bool is_date_range(std::u16string_view value) { return value.find(u"..") != std::u16string_view::npos; }

std::optional<DateRange> parse_date_range(std::u16string_view value, std::vector<std::string>& warnings) {
  const std::size_t dots = value.find(u"..");
  const std::string written = utf16_to_utf8(value);
  const auto malformed = [&](const std::string& why) {
    warnings.push_back("date:" + written + " was ignored: " + why +
                       " (write date:2015-07-01..2015-07-15, date:2015-07-01.. or date:..2015-07-15; a bound may also be "
                       "a year or a month)");
    return std::nullopt;
  };
  if (dots == std::u16string_view::npos) return malformed("not a range");
  DateRange range;
  if (!read_bound(value.substr(0, dots), range.from)) return malformed("\"" + utf16_to_utf8(value.substr(0, dots)) + "\" is not a date");
  const std::u16string_view rest = value.substr(dots + 2);
  if (!read_bound(rest, range.to)) return malformed("\"" + utf16_to_utf8(rest) + "\" is not a date");
  if (range.from.empty() && range.to.empty()) return malformed("neither end is given");
  // 2015-07..2015-07-15 is in order.
  if (!range.from.empty() && !range.to.empty() && compare_at_common_precision(range.from, range.to) > 0) {
    warnings.push_back("date:" + written + ": the range ends before it starts; searched from " + range.to + " to " + range.from);
    std::swap(range.from, range.to);
  }
  return range;
}

}  // namespace mirsad
