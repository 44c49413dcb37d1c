#include "corpus/csv_records.hpp"

#include <array>

namespace mirsad {
namespace {

struct RowScan {
  std::size_t content_end = 0;  // after the last field
  std::size_t next = 0;         // where the next row begins
  std::size_t lines = 0;        // line breaks consumed, the row's own included
  std::string problem;
};

// Reads one row from `begin`, appending its fields to *fields when given. A quote opens a quoted
// field only at the start of a field; elsewhere it is an ordinary character (as spreadsheets read
// it).
RowScan scan_row(std::string_view text, std::size_t begin, char sep, std::vector<std::string>* fields) {
  RowScan scan;
  std::string field;
  std::size_t i = begin;
  bool at_field_start = true;
  bool quoted = false;       // inside a quoted field
  bool after_quote = false;  // a quoted field closed: only a separator or the line's end may follow
  const auto end_field = [&] {
    if (fields) fields->push_back(std::move(field));
    field.clear();
    at_field_start = true;
    after_quote = false;
  };
  while (i < text.size()) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') { field += '"'; i += 2; continue; }
        quoted = false;
        after_quote = true;
        ++i;
        continue;
      }
      if (c == '\n') ++scan.lines;
      field += c;
      ++i;
      continue;
    }
    if (c == sep) { end_field(); ++i; continue; }
    if (c == '\n' || c == '\r') {
      scan.content_end = i;
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      scan.next = i + 1;
      ++scan.lines;
      end_field();
      return scan;
    }
    if (c == '"' && at_field_start) { quoted = true; at_field_start = false; ++i; continue; }
    if (after_quote && scan.problem.empty()) scan.problem = "text after the closing quote of a field";
    at_field_start = false;
    field += c;
    ++i;
  }
  if (quoted) {
    // Never closed: everything to the end of the file would be one field. Only this row is lost:
    // reading resumes on the line after its first.
    const std::size_t newline = text.find('\n', begin);
    scan.problem = "a quoted field is never closed";
    scan.content_end = newline == std::string_view::npos ? text.size() : newline;
    scan.next = newline == std::string_view::npos ? text.size() : newline + 1;
    scan.lines = 1;
    if (fields) fields->clear();
    return scan;
  }
  scan.content_end = scan.next = text.size();
  end_field();
  return scan;
}

std::string trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return "";
  return std::string(s.substr(first, s.find_last_not_of(" \t") - first + 1));
}

// The separator the header uses most outside quotes: ',' unless ';' or tab outnumber it.
char separator_of(std::string_view text, std::size_t begin) {
  std::array<std::size_t, 3> counts{};
  constexpr std::array<char, 3> kCandidates{',', ';', '\t'};
  bool quoted = false;
  for (std::size_t i = begin; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    for (std::size_t k = 0; k < kCandidates.size(); ++k) counts[k] += c == kCandidates[k];
  }
  std::size_t best = 0;
  for (std::size_t k = 1; k < kCandidates.size(); ++k) if (counts[k] > counts[best]) best = k;
  return kCandidates[best];
}

bool blank(std::string_view row) { return row.find_first_not_of(" \t") == std::string_view::npos; }

}  // namespace

CsvTable split_csv(std::string_view text) {
  CsvTable table;
  std::size_t pos = 0, line = 1;
  // Excel's "sep=;" line names the separator and is not the header.
  if (text.size() >= 5 && (text.substr(0, 4) == "sep=" || text.substr(0, 4) == "SEP=") &&
      (text.size() == 5 || text[5] == '\n' || text[5] == '\r')) {
    table.separator = text[4];
    pos = text.find('\n');
    pos = pos == std::string_view::npos ? text.size() : pos + 1;
    line = 2;
  } else {
    // The header is the first line with anything on it.
    while (pos < text.size()) {
      const std::size_t eol = text.find('\n', pos);
      const std::size_t stop = eol == std::string_view::npos ? text.size() : eol;
      if (!blank(text.substr(pos, stop - pos)) && !(stop - pos == 1 && text[pos] == '\r')) break;
      pos = eol == std::string_view::npos ? text.size() : eol + 1;
      ++line;
    }
    table.separator = separator_of(text, pos);
  }
  if (pos >= text.size()) return table;
  std::vector<std::string> header;
  const RowScan head = scan_row(text, pos, table.separator, &header);
  table.header_line = line;
  for (std::size_t i = 0; i < header.size(); ++i) {
    std::string name = trimmed(header[i]);
    table.header.push_back(name.empty() ? "column " + std::to_string(i + 1) : std::move(name));
  }
  pos = head.next;
  line += head.lines;
  while (pos < text.size()) {
    const RowScan scan = scan_row(text, pos, table.separator, nullptr);
    CsvRow row{pos, scan.content_end, line, scan.problem};
    if (!blank(text.substr(pos, scan.content_end - pos)) || !scan.problem.empty()) table.rows.push_back(std::move(row));
    pos = scan.next;
    line += scan.lines;
  }
  return table;
}

std::vector<std::string> csv_fields(std::string_view text, const CsvRow& row, char separator) {
  std::vector<std::string> fields;
  scan_row(text.substr(0, row.end), row.begin, separator, &fields);
  return fields;
}

}  // namespace mirsad
