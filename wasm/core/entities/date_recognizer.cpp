#include "entities/date_recognizer.hpp"

#include <cstdio>

#include "entities/cldr_names.hpp"
#include "entities/phrase_terms.hpp"
#include "entities/resources.hpp"

namespace mirsad {
namespace {

// Parses an ASCII-digit token; -1 if it isn't a plain number.
int as_int(Term s) {
  if (s.empty() || s.size() > 9) return -1;
  int v = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

bool is_year(int v) { return v >= 1800 && v <= 2200; }

std::string iso(int year, int month, int day) {
  char buf[48];
  if (year > 0 && month > 0 && day > 0) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  else if (year > 0 && month > 0) std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  else if (month > 0 && day > 0) std::snprintf(buf, sizeof buf, "--%02d-%02d", month, day);
  else if (year > 0) std::snprintf(buf, sizeof buf, "%04d", year);
  else if (month > 0) std::snprintf(buf, sizeof buf, "--%02d", month);
  else return "";
  return buf;
}

// 2015/02/24, 24/02/2015, 24-2-2015 → ISO date, or "" if the parts don't make a date.
std::string numeric_date(Term s) {
  int parts[3];
  std::size_t count = 0, start = 0;
  for (std::size_t i = 0; i <= s.size() && count < 3; ++i) {
    if (i == s.size() || s[i] == u'/' || s[i] == u'-' || s[i] == u'.') {
      parts[count++] = as_int(s.substr(start, i - start));
      start = i + 1;
      if (i < s.size() && count == 3) return "";
    }
  }
  if (count != 3) return "";
  int y, m, d;
  if (is_year(parts[0])) { y = parts[0]; m = parts[1]; d = parts[2]; }
  else if (is_year(parts[2])) { d = parts[0]; m = parts[1]; y = parts[2]; }
  else return "";
  if (m < 1 || m > 12 || d < 1 || d > 31) return "";
  return iso(y, m, d);
}

bool gap_is_slash(std::u16string_view gap) {
  bool slash = false;
  for (const char16_t c : gap) {
    if (c == u'/') slash = true;
    else if (c != u' ') return false;
  }
  return slash;
}

}  // namespace

DateRecognizer::DateRecognizer(const Analyzer& analyzer, const EntityResources& resources, const CldrNames& cldr) {
  for (const CalendarName& m : cldr.months) calendar_.add(word_terms(analyzer, m.arabic), CalendarWord{true, m.value});
  for (const CalendarName& d : cldr.weekdays) calendar_.add(word_terms(analyzer, d.arabic), CalendarWord{false, d.value});
  for (const CueEntry& cue : resources.cues) {
    if (cue.kind == "ordinal") ordinals_.add(word_terms(analyzer, cue.phrase), std::atoi(cue.value.c_str()));
    if (cue.kind == "year_cue") {
      const auto terms = word_terms(analyzer, cue.phrase);
      if (terms.size() == 1) year_cues_.insert(terms[0]);
    }
  }
  month_word_ = word_terms(analyzer, "شهر").at(0);
  day_word_ = word_terms(analyzer, "يوم").at(0);
  from_word_ = word_terms(analyzer, "من").at(0);
}

void DateRecognizer::recognize(const ExtractionContext& ctx, std::vector<EntityCandidate>& out) const {
  const std::size_t n = ctx.size();
  const auto term_at = [&](std::size_t i) { return ctx.word(i); };
  const auto joined = [&](std::size_t i) { return ctx.joined[i]; };
  const auto weekday_before = [&](std::size_t first) {
    if (first == 0 || !ctx.joined[first - 1]) return first;
    const auto [len, word] = calendar_.longest_match(first - 1, n, term_at, joined);
    return len == 1 && !word->is_month ? first - 1 : first;
  };
  const auto emit = [&](std::size_t first, std::size_t last, std::string value, int priority) {
    out.push_back(EntityCandidate{first, last, EntityType::Date, "", "", "", std::move(value), priority});
  };

  for (std::size_t i = 0; i < n; ++i) {
    if (ctx.is_number(i)) {
      const std::string value = numeric_date(ctx.normalized(i));
      if (!value.empty()) emit(weekday_before(i), i + 1, value, 3);
      continue;
    }
    if (year_cues_.contains(ctx.word(i)) && i + 1 < n && ctx.joined[i] && ctx.is_number(i + 1) &&
        is_year(as_int(ctx.normalized(i + 1)))) {
      emit(i, i + 2, iso(as_int(ctx.normalized(i + 1)), 0, 0), 2);
    }
    const auto [len, word] = calendar_.longest_match(i, n, term_at, joined);
    if (!len) continue;
    if (!word->is_month) {
      // A weekday alone, written with its article (الاثنين) or after يوم; bare اثنين is "two".
      const bool definite = ctx.word(i) != ctx.normalized(i);
      const bool after_day_word = i > 0 && ctx.joined[i - 1] && ctx.word(i - 1) == day_word_;
      if (definite || after_day_word) emit(i, i + len, "", 1);
      continue;
    }
    // A month name is a date only with evidence: a day, a year, a paired name or شهر.
    std::size_t first = i, last = i + len;
    int day = -1, year = -1;
    bool evidence = false;
    if (last < n && gap_is_slash(ctx.gap(last - 1))) {  // مارس/آذار
      const auto [len2, word2] = calendar_.longest_match(last, n, term_at, joined);
      if (len2 && word2->is_month) { last += len2; evidence = true; }
    }
    if (last < n && ctx.joined[last - 1] && ctx.is_number(last) && is_year(as_int(ctx.normalized(last)))) {
      year = as_int(ctx.normalized(last));
      ++last;
    }
    if (first > 0 && ctx.joined[first - 1] && ctx.is_number(first - 1)) {
      const int d = as_int(ctx.normalized(first - 1));
      if (d >= 1 && d <= 31) { day = d; --first; }
    } else if (first >= 2 && ctx.word(first - 1) == from_word_ && ctx.joined[first - 2]) {
      // السابع من مارس, الحادي والعشرين من آذار
      for (std::size_t back = 1; back <= 3 && back + 1 <= first; ++back) {
        const std::size_t start = first - 1 - back;
        const auto [olen, ordinal] = ordinals_.longest_match(start, n, term_at, joined);
        if (olen == back) { day = *ordinal; first = start; break; }
      }
    } else if (first > 0 && ctx.word(first - 1) == month_word_ && ctx.joined[first - 1]) {
      --first;
      evidence = true;
    }
    if (day < 0 && year < 0 && !evidence) continue;
    if (day > 0) first = weekday_before(first);
    emit(first, last, iso(year, word->value, day), 4);
    i = last - 1;
  }
}

}  // namespace mirsad
