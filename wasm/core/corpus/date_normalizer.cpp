#include "corpus/date_normalizer.hpp"

#include <array>
#include <cstdio>
#include <utility>
#include <vector>

namespace mirsad {
namespace {

// A date as written, cut into numbers, words (lowercased ASCII, or any UTF-8 letters) and single
// punctuation marks; spaces only separate.
struct Token {
  enum Kind { Number, Word, Mark } kind;
  std::string text;
  int value = 0;  // Number
};

// U+0660–0669 (Arabic-Indic) and U+06F0–06F9 (Eastern Arabic-Indic) digits, as ASCII; the Arabic
// comma as ','; everything else as is.
std::string with_ascii_digits(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    const auto b1 = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
    if (b0 == 0xD9 && b1 >= 0xA0 && b1 <= 0xA9) { out += static_cast<char>('0' + b1 - 0xA0); ++i; }
    else if (b0 == 0xDB && b1 >= 0xB0 && b1 <= 0xB9) { out += static_cast<char>('0' + b1 - 0xB0); ++i; }
    else if (b0 == 0xD8 && b1 == 0x8C) { out += ','; ++i; }
    else out += s[i];
  }
  return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80; }

std::vector<Token> tokenize(const std::string& s) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') { ++i; continue; }
    const std::size_t start = i;
    if (is_digit(c)) {
      while (i < s.size() && is_digit(s[i])) ++i;
      Token t{Token::Number, s.substr(start, i - start)};
      if (t.text.size() > 9) return {};  // no date part is this long
      t.value = std::stoi(t.text);
      tokens.push_back(std::move(t));
    } else if (is_letter(c)) {
      while (i < s.size() && is_letter(s[i])) ++i;
      std::string word = s.substr(start, i - start);
      for (char& ch : word) if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
      tokens.push_back({Token::Word, std::move(word)});
    } else {
      tokens.push_back({Token::Mark, std::string(1, c)});
      ++i;
    }
  }
  return tokens;
}

struct MonthName { const char* name; int month; };
constexpr std::array<MonthName, 55> kMonths{{
    {"jan", 1}, {"january", 1}, {"feb", 2}, {"february", 2}, {"mar", 3}, {"march", 3}, {"apr", 4}, {"april", 4},
    {"may", 5}, {"jun", 6}, {"june", 6}, {"jul", 7}, {"july", 7}, {"aug", 8}, {"august", 8}, {"sep", 9},
    {"sept", 9}, {"september", 9}, {"oct", 10}, {"october", 10}, {"nov", 11}, {"november", 11}, {"dec", 12},
    {"december", 12},
    {"يناير", 1}, {"فبراير", 2}, {"مارس", 3}, {"أبريل", 4}, {"ابريل", 4}, {"إبريل", 4}, {"مايو", 5},
    {"يونيو", 6}, {"يونية", 6}, {"يونيه", 6}, {"يوليو", 7}, {"يولية", 7}, {"يوليه", 7}, {"أغسطس", 8},
    {"اغسطس", 8}, {"سبتمبر", 9}, {"أكتوبر", 10}, {"اكتوبر", 10}, {"نوفمبر", 11}, {"ديسمبر", 12},
    {"شباط", 2}, {"آذار", 3}, {"اذار", 3}, {"نيسان", 4}, {"أيار", 5}, {"ايار", 5}, {"حزيران", 6}, {"تموز", 7},
    {"آب", 8}, {"أيلول", 9}, {"ايلول", 9},
}};

constexpr std::array<const char*, 24> kWeekdays{
    "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs", "thursday", "fri",
    "friday", "sat", "saturday", "sun", "sunday", "الأحد", "الاحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء",
    "الخميس"};
constexpr std::array<const char*, 3> kMoreWeekdays{"الاربعاء", "الجمعة", "السبت"};

class DateReader {
 public:
  explicit DateReader(std::vector<Token> tokens) : t_(std::move(tokens)) {}

  std::optional<std::string> read() {
    skip_weekday();
    if (!read_day() || !valid_day()) return std::nullopt;
    if (word("م")) {}  // "2015م": the Gregorian era, as Arabic papers write it
    std::string out = format("%04d-%02d-%02d", year_, month_, day_);
    if (at_end()) return out;
    word("t");
    if (!read_time()) return std::nullopt;
    out += format("T%02d:%02d:%02d", hour_, minute_, second_);
    if (!at_end()) {
      const auto zone = read_zone();
      if (!zone || !at_end()) return std::nullopt;
      out += *zone;
    }
    return out;
  }

 private:
  const Token* peek(std::size_t ahead = 0) const { return i_ + ahead < t_.size() ? &t_[i_ + ahead] : nullptr; }
  bool at_end() const { return i_ >= t_.size(); }
  bool mark(char c) {
    if (peek() && peek()->kind == Token::Mark && peek()->text[0] == c) { ++i_; return true; }
    return false;
  }
  bool word(const char* w) {
    if (peek() && peek()->kind == Token::Word && peek()->text == w) { ++i_; return true; }
    return false;
  }
  // A number of `min`–`max` digits.
  std::optional<int> number(std::size_t min, std::size_t max) {
    const Token* t = peek();
    if (!t || t->kind != Token::Number || t->text.size() < min || t->text.size() > max) return std::nullopt;
    ++i_;
    return t->value;
  }
  std::optional<int> month_name() {
    const Token* t = peek();
    if (!t || t->kind != Token::Word) return std::nullopt;
    for (const MonthName& m : kMonths) {
      if (t->text == m.name) { ++i_; mark('.'); return m.month; }
    }
    // كانون الثاني / الأول, تشرين الأول / الثاني: two words.
    const Token* next = peek(1);
    if (!next || next->kind != Token::Word) return std::nullopt;
    const bool second = next->text == "الثاني";
    const bool first = next->text == "الأول" || next->text == "الاول";
    if (!second && !first) return std::nullopt;
    if (t->text == "كانون") { i_ += 2; return first ? 12 : 1; }
    if (t->text == "تشرين") { i_ += 2; return first ? 10 : 11; }
    return std::nullopt;
  }
  void skip_weekday() {
    const Token* t = peek();
    if (!t || t->kind != Token::Word) return;
    for (const char* w : kWeekdays) if (t->text == w) { ++i_; mark(','); return; }
    for (const char* w : kMoreWeekdays) if (t->text == w) { ++i_; mark(','); return; }
  }

  // "-07-25", "/7/2015": a separator ('-', '/' or '.'), a number of 1–2 digits, the same
  // separator, and a number of last_min–last_max digits.
  std::optional<std::pair<int, int>> two_after_separator(std::size_t last_min, std::size_t last_max) {
    const Token* sep = peek();
    if (!sep || sep->kind != Token::Mark || (sep->text != "-" && sep->text != "/" && sep->text != ".")) return std::nullopt;
    const char s = sep->text[0];
    ++i_;
    const auto first = number(1, 2);
    if (!first || !mark(s)) return std::nullopt;
    const auto last = number(last_min, last_max);
    if (!last) return std::nullopt;
    return std::make_pair(*first, *last);
  }

  bool read_day() {
    const std::size_t start = i_;
    // 2015-07-25, 2015/7/25, 2015.07.25
    if (const auto y = number(4, 4)) {
      const auto md = two_after_separator(1, 2);
      if (!md) return false;
      year_ = *y, month_ = md->first, day_ = md->second;
      return true;
    }
    if (const auto a = number(1, 2)) {
      // 25 July 2015, 25 يوليو 2015
      if (const auto m = month_name()) {
        mark(',');
        const auto y = number(4, 4);
        if (!y) return false;
        year_ = *y, month_ = *m, day_ = *a;
        return true;
      }
      // 25/07/2015 (day first), 07/25/2015 (month first when it must be)
      const auto by = two_after_separator(4, 4);
      if (!by) return false;
      const int b = by->first;
      year_ = by->second;
      if (b > 12 && *a <= 12) month_ = *a, day_ = b;
      else month_ = b, day_ = *a;
      return true;
    }
    i_ = start;
    // July 25, 2015
    if (const auto m = month_name()) {
      const auto d = number(1, 2);
      if (!d) return false;
      mark(',');
      const auto y = number(4, 4);
      if (!y) return false;
      year_ = *y, month_ = *m, day_ = *d;
      return true;
    }
    return false;
  }

  bool valid_day() const {
    static constexpr std::array<int, 12> kDays{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year_ < 1000 || month_ < 1 || month_ > 12 || day_ < 1 || day_ > kDays[month_ - 1]) return false;
    const bool leap = (year_ % 4 == 0 && year_ % 100 != 0) || year_ % 400 == 0;
    return !(month_ == 2 && day_ == 29 && !leap);
  }

  bool read_time() {
    const auto h = number(1, 2);
    if (!h || !mark(':')) return false;
    const auto m = number(2, 2);
    if (!m) return false;
    int s = 0;
    if (mark(':')) {
      const auto sec = number(2, 2);
      if (!sec) return false;
      s = *sec;
      if (mark('.') && !number(1, 9)) return false;  // fractions of a second: dropped
    }
    int hour = *h;
    if (word("pm") || word("م")) { if (hour > 12) return false; if (hour < 12) hour += 12; }
    else if (word("am") || word("ص")) { if (hour > 12) return false; if (hour == 12) hour = 0; }
    if (hour > 23 || *m > 59 || s > 60) return false;
    hour_ = hour, minute_ = *m, second_ = s;
    return true;
  }

  std::optional<std::string> read_zone() {
    if (word("z")) return "Z";
    if (word("utc") || word("gmt")) {
      if (at_end()) return "Z";
    }
    const bool plus = mark('+');
    if (!plus && !mark('-')) return std::nullopt;
    int hours = 0, minutes = 0;
    if (const Token* t = peek(); t && t->kind == Token::Number && t->text.size() == 4) {
      hours = t->value / 100, minutes = t->value % 100;
      ++i_;
    } else {
      const auto h = number(1, 2);
      if (!h) return std::nullopt;
      hours = *h;
      if (mark(':')) {
        const auto m = number(2, 2);
        if (!m) return std::nullopt;
        minutes = *m;
      }
    }
    if (hours > 14 || minutes > 59) return std::nullopt;
    if (hours == 0 && minutes == 0) return "Z";
    return format("%c%02d:%02d", plus ? '+' : '-', hours, minutes);
  }

  template <typename... Args>
  static std::string format(const char* pattern, Args... args) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, pattern, args...);
    return buffer;
  }

  std::vector<Token> t_;
  std::size_t i_ = 0;
  int year_ = 0, month_ = 0, day_ = 0, hour_ = 0, minute_ = 0, second_ = 0;
};

}  // namespace

std::optional<std::string> normalize_date(std::string_view text) {
  if (text.size() > 80) return std::nullopt;
  std::vector<Token> tokens = tokenize(with_ascii_digits(text));
  if (tokens.empty()) return std::nullopt;
  return DateReader(std::move(tokens)).read();
}

}  // namespace mirsad
