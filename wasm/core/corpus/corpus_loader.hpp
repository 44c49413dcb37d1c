#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "corpus/document.hpp"
#include "corpus/field_mapping.hpp"
#include "corpus/html_page.hpp"

namespace mirsad {

// Something wrong with the input that did not stop the load: which file, which line, what.
struct LoadWarning {
  std::string source;
  std::size_t line = 0;  // 1-based; 0 when the problem concerns the whole file
  std::string message;   // for people (English, as the CLI speaks)
  // For programs (the page translates by it): invalid_utf8, lone_surrogate, malformed_json,
  // too_deep, not_an_array, bad_record, bad_row, unsupported_type, empty_file, no_text_field,
  // unknown_field, date_kept.
  std::string code;
  std::size_t count = 0;  // invalid_utf8, lone_surrogate, date_kept: how many
};

// How a file's records became documents: which field played each role (see FieldMapping), and
// whether the ids were made up because the records have none (file name ':' record number).
struct MappingReport {
  FieldMapping mapping;
  bool generated_ids = false;
  std::size_t dates_normalized = 0;  // dates rewritten as ISO 8601
  std::size_t dates_kept = 0;        // dates in no recognised form, kept as written
};

struct LoadResult {
  std::vector<Document> documents;
  std::vector<std::size_t> document_lines;  // the line each document starts on (0: the whole file)
  std::vector<LoadWarning> warnings;
  std::optional<MappingReport> mapping;     // records files (.json, .jsonl, .csv); not .txt
};

// The first records of a file, for a person choosing the field mapping.
struct FilePeek {
  std::string format;               // "csv", "json", "jsonl", "txt", or "" (unsupported)
  std::vector<std::string> fields;  // in the order first seen
  std::vector<std::vector<std::pair<std::string, std::string>>> samples;  // field → value as text
  FieldMapping mapping;             // what would be used without a mapping
  std::vector<LoadWarning> warnings;
};

// One file read a slice of records at a time (the page reports progress in documents and stays
// responsive). The file's bytes are held once: records are found by a scan and each is parsed
// when its slice is read. Bytes are decoded as the browser decodes them (invalid UTF-8 → U+FFFD,
// with a warning naming the file); a bad record is reported with its line and skipped, never the
// whole file: in a .json array each record is parsed on its own, and a record nested deeper than
// 64 levels is refused (too_deep) before anything recursive sees it.
//   .txt    one document: the id is the file name without its extension, the text the content
//   .html   one document, a page of a built site (read_html_page): the id is the file name as
//   .htm    given (a path inside the site), the url html.url_prefix + that path
//   .json   an array of records (or one record); flaws between records (commas, a missing ']')
//           are reported and the records around them kept
//   .jsonl  one record per line; blank lines are ignored
//   .csv    a header row, then one record per row (see split_csv)
// A record's fields are mapped to a document by `requested` (roles it leaves out are recognised
// from the field names: FieldMapping::complete_from). Dates become ISO 8601 (normalize_date)
// when they are in a known form and are kept as written otherwise, with one warning per file.
class FileLoading {
 public:
  FileLoading(std::string file_name, std::string bytes, const FieldMapping& requested = {}, const HtmlOptions& html = {});
  ~FileLoading();
  FileLoading(const FileLoading&) = delete;
  FileLoading& operator=(const FileLoading&) = delete;

  std::size_t records() const;  // how many records the file holds
  std::size_t records_read() const;
  bool done() const { return records_read() >= records(); }
  // Reads up to `count` more records into out (its documents, lines and warnings); once the
  // last is read, the file's own notes (dates kept, flaws between records) and its mapping too.
  void read(std::size_t count, LoadResult& out);
  // The first `count` readable records as field → text, for a person choosing a mapping.
  FilePeek peek(std::size_t count);

 private:
  struct State;
  std::unique_ptr<State> s_;
};

class CorpusLoader {
 public:
  // The whole file at once, by its extension (.txt, .html, .json, .jsonl, .csv); anything else is
  // refused with a warning. `mapping` as for FileLoading.
  static LoadResult from_file(std::string_view file_name, std::string_view bytes, const FieldMapping& mapping = {},
                              const HtmlOptions& html = {});
  // The field names and first `count` records of a file (or of its beginning: a record cut at
  // the end is left out).
  static FilePeek peek(std::string_view file_name, std::string_view bytes, std::size_t count);
};

}  // namespace mirsad
