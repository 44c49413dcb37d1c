#include "corpus/json_records.hpp"

namespace mirsad {
namespace {

bool is_json_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

char opener_of(char closer) { return closer == '}' ? '{' : '['; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The code unit of a \uXXXX escape at text[at] (the backslash), or -1 if there is none.
long escaped_unit(std::string_view text, std::size_t at) {
  if (at + 6 > text.size() || text[at] != '\\' || text[at + 1] != 'u') return -1;
  long unit = 0;
  for (std::size_t k = at + 2; k < at + 6; ++k) {
    const int h = hex_value(text[k]);
    if (h < 0) return -1;
    unit = unit * 16 + h;
  }
  return unit;
}

// The scan of one array, as a small state machine over bytes.
class ArraySplitter {
 public:
  ArraySplitter(std::string_view text, std::size_t line) : text_(text), line_(line) {}

  ArrayRecords run(std::size_t open) {
    std::size_t i = open + 1;
    for (; i < text_.size() && !closed_; ++i) step(i);
    if (!closed_) {
      if (in_record_) end_record(text_.size());
      note("the array is not closed (missing ']' at the end of the file)");
    } else {
      for (; i < text_.size(); ++i) {
        if (text_[i] == '\n') ++line_;
        if (!is_json_space(text_[i])) {
          note("text after the closing ']' was ignored");
          break;
        }
      }
    }
    return std::move(out_);
  }

 private:
  void step(std::size_t i) {
    const char c = text_[i];
    if (c == '\n') {
      ++line_;
      line_start_ = true;
    }
    if (in_string_) {
      if (escaped_) {
        escaped_ = false;
      } else if (c == '\\') {
        escaped_ = true;
      } else if (c == '"') {
        in_string_ = false;
      } else if (c == '\n') {  // a raw line break: the string was never closed, the record is lost
        in_string_ = false;
        broken_ = true;
      }
      return;
    }
    if (is_json_space(c)) return;
    const char before = last_;
    const bool first_on_line = line_start_;
    last_ = c;
    line_start_ = false;
    if (c == '"') in_string_ = true;
    if (open_.empty()) {
      at_array_level(c, i, before);
      return;
    }
    if (c == '{' || c == '[') {
      if ((open_.back() == '{' && (before == '{' || before == ',')) || (broken_ && first_on_line)) {
        // Where a key should be, or opening a line after a string that was never closed: the
        // record before was never closed. Start afresh here.
        end_record(i);
        open_.clear();
        begin_record(i);
      }
      open_.push_back(c);
    } else if (c == '}' || c == ']') {
      while (!open_.empty() && open_.back() != opener_of(c)) open_.pop_back();  // unclosed inner values
      if (!open_.empty()) {
        open_.pop_back();
        if (open_.empty()) end_record(i + 1);
      } else if (c == ']') {  // the array's own ']': the record was never closed
        end_record(i);
        closed_ = true;
      } else {
        end_record(i + 1);
      }
    }
  }

  // A byte outside any record's brackets: a separator, the array's end, or a record's start.
  void at_array_level(char c, std::size_t i, char before) {
    if (c == ',') {
      if (in_record_) end_record(i);
      else if (!value_since_comma_) note(before == '[' ? "a comma before the first record" : "two commas in a row");
      value_since_comma_ = false;
      return;
    }
    if (c == ']') {
      if (in_record_) end_record(i);
      else if (before == ',') note("a trailing comma after the last record");
      closed_ = true;
      return;
    }
    if (in_record_ && (c == '{' || c == '[')) end_record(i);  // a scalar record, then a new one without a comma
    if (in_record_) return;                                   // more of a scalar record
    if (value_since_comma_) note("a missing comma between two records");
    begin_record(i);
    if (c == '{' || c == '[') open_.push_back(c);
  }

  void begin_record(std::size_t at) {
    current_ = {at, at, line_};
    in_record_ = true;
    value_since_comma_ = true;
    broken_ = false;
  }

  void end_record(std::size_t at) {
    current_.end = at;
    out_.records.push_back(current_);
    in_record_ = false;
  }

  void note(const char* what) { out_.notes.push_back({line_, std::string("malformed JSON: ") + what}); }

  std::string_view text_;
  std::size_t line_;
  ArrayRecords out_;
  RecordSpan current_;
  std::string open_;  // the current record's unclosed '{' and '[' (the array's own not included)
  bool in_string_ = false, escaped_ = false, in_record_ = false, value_since_comma_ = false, closed_ = false;
  bool broken_ = false;      // the current record had a string cut by a line break
  bool line_start_ = false;  // nothing but white space since the last line break
  char last_ = '[';   // the last byte outside strings that was not white space
};

}  // namespace

ArrayRecords split_array_records(std::string_view text, std::size_t open) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < open && i < text.size(); ++i) line += text[i] == '\n';
  return ArraySplitter(text, line).run(open);
}

std::size_t replace_lone_surrogate_escapes(std::string& json_text, std::size_t* first) {
  std::size_t replaced = 0;
  const auto replace = [&](std::size_t at) {
    json_text.replace(at + 2, 4, "FFFD");
    if (replaced++ == 0 && first) *first = at;
  };
  for (std::size_t i = 0; i < json_text.size(); ++i) {
    if (json_text[i] != '\\') continue;
    const long unit = escaped_unit(json_text, i);
    if (unit < 0) {
      ++i;  // any other escape: skip the escaped byte (it may be a backslash)
      continue;
    }
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      const long next = escaped_unit(json_text, i + 6);
      if (next >= 0xDC00 && next <= 0xDFFF) {
        i += 11;  // a pair: leave both
        continue;
      }
      replace(i);
    } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
      replace(i);
    }
    i += 5;
  }
  return replaced;
}

}  // namespace mirsad
