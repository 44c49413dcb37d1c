#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mirsad {

// One row of a CSV file: where it lies in the text, the line it starts on (1-based), and, when it
// cannot be read, why (the row is then refused and the next one read from the line after it).
struct CsvRow {
  std::size_t begin = 0;
  std::size_t end = 0;  // after the row's last field, before its line break
  std::size_t line = 0;
  std::string problem;  // "" when the row reads
};

struct CsvTable {
  char separator = ',';
  std::vector<std::string> header;  // the first row's fields, trimmed; an empty one is "column N"
  std::size_t header_line = 0;
  std::vector<CsvRow> rows;         // every row after the header, blank lines left out
};

// Splits a CSV text (RFC 4180) into its header and rows without keeping their fields, so a large
// file is held once. Quoted fields may hold the separator, doubled quotes and line breaks; lines
// end with CRLF or LF. The separator is the one the header uses most among ',', ';' and tab (a
// spreadsheet in an Arabic or European locale writes ';'), or the one an Excel "sep=;" first line
// names. A quote never closed, or text after a closing quote, costs its row only: reading
// resumes on the line after the row's first.
CsvTable split_csv(std::string_view text);

// The fields of one row (a row that split_csv found readable).
std::vector<std::string> csv_fields(std::string_view text, const CsvRow& row, char separator);

}  // namespace mirsad
