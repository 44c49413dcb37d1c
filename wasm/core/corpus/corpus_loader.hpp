#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "corpus/document.hpp"

namespace mirsad {

// Something wrong with the input that did not stop the load: which file, which line, what.
struct LoadWarning {
  std::string source;
  std::size_t line = 0;  // 1-based; 0 when the problem concerns the whole file
  std::string message;   // for people (English, as the CLI speaks)
  // For programs (the page translates by it): invalid_utf8, lone_surrogate, malformed_json,
  // too_deep, not_an_array, bad_record, unsupported_type, empty_file.
  std::string code;
  std::size_t count = 0;  // invalid_utf8, lone_surrogate: how many were replaced
};

struct LoadResult {
  std::vector<Document> documents;
  std::vector<std::size_t> document_lines;  // the line each document starts on (0: the whole file)
  std::vector<LoadWarning> warnings;
};

// Reads the corpus formats a user brings. Bytes are decoded as the browser decodes them
// (invalid UTF-8 → U+FFFD, with a warning naming the file); a bad record is reported with its
// line and skipped, never the whole file: in a .json array each record is parsed on its own, and
// a record nested deeper than 64 levels is refused (too_deep) before anything recursive sees it.
class CorpusLoader {
 public:
  // A .txt file: the id is the file name without its extension, the text is the whole content.
  static LoadResult from_text_file(std::string_view file_name, std::string_view bytes);
  // A .json file: an array of {id, text, title?, date?, source?} (or one such object). A syntax
  // error inside the array costs the record it is in; flaws between records (commas, a missing
  // ']') are reported and the records around them kept.
  static LoadResult from_json(std::string_view file_name, std::string_view bytes);
  // A .jsonl file: one such object per line; blank lines are ignored.
  static LoadResult from_jsonl(std::string_view file_name, std::string_view bytes);
  // Chooses by extension (.txt, .json, .jsonl); anything else is refused with a warning.
  static LoadResult from_file(std::string_view file_name, std::string_view bytes);
};

}  // namespace mirsad
