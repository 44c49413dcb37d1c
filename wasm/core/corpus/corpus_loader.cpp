#include "corpus/corpus_loader.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "corpus/json_records.hpp"
#include "text/utf.hpp"

namespace mirsad {
namespace {

using nlohmann::json;

std::string base_name_without_extension(std::string_view file_name) {
  const auto slash = file_name.find_last_of("/\\");
  if (slash != std::string_view::npos) file_name.remove_prefix(slash + 1);
  const auto dot = file_name.find_last_of('.');
  if (dot != std::string_view::npos && dot > 0) file_name = file_name.substr(0, dot);
  return std::string(file_name);
}

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    char c = s[s.size() - suffix.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

// Decodes bytes, strips a UTF-8 BOM, and warns once per file about replaced bytes.
std::u16string decode(std::string_view file_name, std::string_view bytes, LoadResult& result) {
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  std::size_t replaced = 0;
  std::u16string text = utf8_to_utf16(bytes, &replaced);
  if (replaced > 0) {
    result.warnings.push_back({std::string(file_name), 0,
                               "invalid UTF-8: " + std::to_string(replaced) + " byte sequence(s) replaced with U+FFFD",
                               "invalid_utf8", replaced});
  }
  return text;
}

std::string optional_string(const json& record, const char* key) {
  const auto it = record.find(key);
  if (it == record.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  return it->dump();
}

// Turns one JSON value into a document, or explains why it can't.
bool to_document(const json& record, Document& doc, std::string& error) {
  if (!record.is_object()) { error = "expected an object {id, text}"; return false; }
  const auto text = record.find("text");
  if (text == record.end() || !text->is_string()) { error = "missing string field \"text\""; return false; }
  const auto id = record.find("id");
  if (id == record.end() || !(id->is_string() || id->is_number())) {
    error = "missing field \"id\" (string or number)";
    return false;
  }
  doc.id = id->is_string() ? id->get<std::string>() : id->dump();
  if (doc.id.empty()) { error = "empty \"id\""; return false; }
  doc.text = utf8_to_utf16(text->get<std::string>());
  doc.title = optional_string(record, "title");
  doc.date = optional_string(record, "date");
  doc.source = optional_string(record, "source");
  return true;
}

// Parses JSON without exceptions (the wasm build does not catch them) and keeps the position
// and message of the first syntax error. Nesting is bounded: a deeper value would be copied,
// dumped and destroyed recursively, and wasm's small stack overflows at a few thousand levels,
// which took the whole file (and in the page the whole batch of files) down with it.
constexpr std::size_t kMaxRecordDepth = 64;

struct ParseOutcome {
  json value;
  bool ok = true;
  bool too_deep = false;
  std::size_t error_byte = 0;
  std::string error;
};

class RecordingDomParser : public nlohmann::detail::json_sax_dom_parser<json> {
 public:
  RecordingDomParser(json& result, ParseOutcome& outcome)
      : json_sax_dom_parser<json>(result, false), outcome_(outcome) {}
  bool start_object(std::size_t elements) { return deeper() && json_sax_dom_parser<json>::start_object(elements); }
  bool start_array(std::size_t elements) { return deeper() && json_sax_dom_parser<json>::start_array(elements); }
  bool end_object() { --depth_; return json_sax_dom_parser<json>::end_object(); }
  bool end_array() { --depth_; return json_sax_dom_parser<json>::end_array(); }
  template <typename Exception>
  bool parse_error(std::size_t position, const std::string& /*last_token*/, const Exception& ex) {
    if (outcome_.ok) {
      outcome_.ok = false;
      outcome_.error_byte = position;
      outcome_.error = ex.what();
    }
    return false;
  }

 private:
  bool deeper() {
    if (++depth_ <= kMaxRecordDepth) return true;
    outcome_.ok = false;
    outcome_.too_deep = true;
    return false;
  }

  ParseOutcome& outcome_;
  std::size_t depth_ = 0;
};

ParseOutcome parse_json(std::string_view text) {
  ParseOutcome outcome;
  RecordingDomParser parser(outcome.value, outcome);
  json::sax_parse(text.begin(), text.end(), &parser);
  if (!outcome.ok) outcome.value = json();  // at most kMaxRecordDepth levels: safe to destroy
  return outcome;
}

// nlohmann's message without its "[json.exception.parse_error.101] parse error at line 1,
// column 5: " prefix: the position is within the record, not the file, and only misleads.
std::string syntax_error_detail(const std::string& what) {
  const auto colon = what.find(": ");
  return colon == std::string::npos ? what : what.substr(colon + 2);
}

// Line number (1-based) of a byte offset, for JSON parse errors.
std::size_t line_of(std::string_view text, std::size_t byte) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) line += text[i] == '\n';
  return line;
}

const std::string kTooDeep = "nested deeper than " + std::to_string(kMaxRecordDepth) + " levels: refused";

// The lone surrogate escapes of a JSON text, replaced (same length) and reported once per file.
void accept_lone_surrogates(std::string_view file_name, std::string& utf8, LoadResult& result) {
  std::size_t first = 0;
  const std::size_t replaced = replace_lone_surrogate_escapes(utf8, &first);
  if (replaced == 0) return;
  result.warnings.push_back({std::string(file_name), line_of(utf8, first),
                             "lone surrogate escape: " + std::to_string(replaced) +
                                 " \\uD800-\\uDFFF escape(s) without their pair replaced with U+FFFD",
                             "lone_surrogate", replaced});
}

// Keeps one parsed record, or says why not: `label` prefixes the message ("record 3: "),
// `line` is where the record starts.
void keep_record(std::string_view file_name, const ParseOutcome& parsed, std::size_t line, const std::string& label,
                 LoadResult& result) {
  const auto refuse = [&](const std::string& why, const char* code) {
    result.warnings.push_back({std::string(file_name), line, label + why, code});
  };
  if (parsed.too_deep) return refuse(kTooDeep, "too_deep");
  if (!parsed.ok) return refuse("malformed JSON: " + syntax_error_detail(parsed.error), "malformed_json");
  Document doc;
  std::string error;
  if (!to_document(parsed.value, doc, error)) return refuse(error, "bad_record");
  result.documents.push_back(std::move(doc));
  result.document_lines.push_back(line);
}

}  // namespace

namespace {

// An empty (or blank) file is refused with a reason, whatever its type, rather than added as an
// empty document nobody can find or passed silently.
bool refuse_if_blank(std::string_view file_name, std::string_view bytes, LoadResult& result) {
  if (bytes.find_first_not_of(" \t\r\n") != std::string_view::npos) return false;
  result.warnings.push_back({std::string(file_name), 0, "empty file: nothing to add", "empty_file"});
  return true;
}

}  // namespace

LoadResult CorpusLoader::from_text_file(std::string_view file_name, std::string_view bytes) {
  LoadResult result;
  if (refuse_if_blank(file_name, bytes, result)) return result;
  Document doc;
  doc.id = base_name_without_extension(file_name);
  doc.text = decode(file_name, bytes, result);
  result.documents.push_back(std::move(doc));
  result.document_lines.push_back(0);
  return result;
}

LoadResult CorpusLoader::from_json(std::string_view file_name, std::string_view bytes) {
  LoadResult result;
  std::string utf8 = utf16_to_utf8(decode(file_name, bytes, result));
  accept_lone_surrogates(file_name, utf8, result);
  const std::size_t first = utf8.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && utf8[first] == '[') {
    // Each record is parsed on its own: a syntax error costs its record, not the file.
    const ArrayRecords array = split_array_records(utf8, first);
    std::size_t index = 0;
    for (const RecordSpan& r : array.records) {
      keep_record(file_name, parse_json(std::string_view(utf8).substr(r.begin, r.end - r.begin)), r.line,
                  "record " + std::to_string(++index) + ": ", result);
    }
    for (const StructureNote& n : array.notes) result.warnings.push_back({std::string(file_name), n.line, n.message, "malformed_json"});
    std::stable_sort(result.warnings.begin(), result.warnings.end(),
                     [](const LoadWarning& a, const LoadWarning& b) { return a.line < b.line; });
    return result;
  }
  const ParseOutcome parsed = parse_json(utf8);
  if (parsed.too_deep) {
    result.warnings.push_back({std::string(file_name), line_of(utf8, first), kTooDeep, "too_deep"});
  } else if (!parsed.ok) {
    result.warnings.push_back(
        {std::string(file_name), line_of(utf8, parsed.error_byte), "malformed JSON: " + parsed.error, "malformed_json"});
  } else if (!parsed.value.is_object()) {
    result.warnings.push_back({std::string(file_name), 1, "expected an array of {id, text} objects", "not_an_array"});
  } else {
    keep_record(file_name, parsed, line_of(utf8, first), "", result);
  }
  return result;
}

LoadResult CorpusLoader::from_jsonl(std::string_view file_name, std::string_view bytes) {
  LoadResult result;
  std::string utf8 = utf16_to_utf8(decode(file_name, bytes, result));
  accept_lone_surrogates(file_name, utf8, result);
  std::size_t line_number = 0, pos = 0;
  while (pos <= utf8.size()) {
    std::size_t end = utf8.find('\n', pos);
    if (end == std::string::npos) end = utf8.size();
    ++line_number;
    std::string_view line(utf8.data() + pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") != std::string_view::npos) keep_record(file_name, parse_json(line), line_number, "", result);
    if (end == utf8.size()) break;
  }
  return result;
}

LoadResult CorpusLoader::from_file(std::string_view file_name, std::string_view bytes) {
  if (LoadResult blank; refuse_if_blank(file_name, bytes, blank)) return blank;
  if (ends_with_ci(file_name, ".jsonl")) return from_jsonl(file_name, bytes);
  if (ends_with_ci(file_name, ".json")) return from_json(file_name, bytes);
  if (ends_with_ci(file_name, ".txt")) return from_text_file(file_name, bytes);
  LoadResult result;
  result.warnings.push_back(
      {std::string(file_name), 0, "unsupported file type (expected .txt, .json or .jsonl)", "unsupported_type"});
  return result;
}

}  // namespace mirsad
