#pragma once
#include <string>
#include <vector>

namespace mirsad {

// A country or territory named by ICU's CLDR data.
struct TerritoryName {
  std::string code;    // ISO 3166 alpha-2
  std::string arabic;  // e.g. ليبيا، الولايات المتحدة
  std::string english; // e.g. Libya
};

// A calendar word with its value: month 1–12, weekday 1–7 (Sunday = 1, as ICU counts).
struct CalendarName {
  std::string arabic;
  int value;
};

// Names read from ICU at run time (the wasm build links a data subset holding them), so the
// extractor knows every country and every month name CLDR knows rather than a typed list.
struct CldrNames {
  std::vector<TerritoryName> territories;
  std::vector<CalendarName> months;    // Gregorian (ar), Levantine (ar_SY), Maghreb (ar_DZ, ar_MA)
  std::vector<CalendarName> weekdays;  // ar
  std::vector<CalendarName> hijri_months;  // ar@calendar=islamic (رمضان، شوال): words, not dates here

  static const CldrNames& load();
};

}  // namespace mirsad
