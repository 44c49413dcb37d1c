#include "corpus/corpus_loader.hpp"

#include <nlohmann/json.hpp>

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
// and message of the first syntax error.
struct ParseOutcome {
  json value;
  bool ok = true;
  std::size_t error_byte = 0;
  std::string error;
};

class RecordingDomParser : public nlohmann::detail::json_sax_dom_parser<json> {
 public:
  RecordingDomParser(json& result, ParseOutcome& outcome)
      : json_sax_dom_parser<json>(result, false), outcome_(outcome) {}
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
  ParseOutcome& outcome_;
};

ParseOutcome parse_json(std::string_view text) {
  ParseOutcome outcome;
  RecordingDomParser parser(outcome.value, outcome);
  json::sax_parse(text.begin(), text.end(), &parser);
  if (!outcome.ok) outcome.value = json();
  return outcome;
}

// Line number (1-based) of a byte offset, for JSON parse errors.
std::size_t line_of(std::string_view text, std::size_t byte) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) line += text[i] == '\n';
  return line;
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
  return result;
}

LoadResult CorpusLoader::from_json(std::string_view file_name, std::string_view bytes) {
  LoadResult result;
  const std::string utf8 = utf16_to_utf8(decode(file_name, bytes, result));
  ParseOutcome parsed = parse_json(utf8);
  if (!parsed.ok) {
    result.warnings.push_back(
        {std::string(file_name), line_of(utf8, parsed.error_byte), "malformed JSON: " + parsed.error, "malformed_json"});
    return result;
  }
  json root = std::move(parsed.value);
  if (root.is_object()) root = json::array({root});
  if (!root.is_array()) {
    result.warnings.push_back({std::string(file_name), 1, "expected an array of {id, text} objects", "not_an_array"});
    return result;
  }
  std::size_t index = 0;
  for (const json& record : root) {
    ++index;
    Document doc;
    std::string error;
    if (to_document(record, doc, error)) result.documents.push_back(std::move(doc));
    else result.warnings.push_back({std::string(file_name), 0, "record " + std::to_string(index) + ": " + error, "bad_record"});
  }
  return result;
}

LoadResult CorpusLoader::from_jsonl(std::string_view file_name, std::string_view bytes) {
  LoadResult result;
  const std::string utf8 = utf16_to_utf8(decode(file_name, bytes, result));
  std::size_t line_number = 0, pos = 0;
  while (pos <= utf8.size()) {
    std::size_t end = utf8.find('\n', pos);
    if (end == std::string::npos) end = utf8.size();
    ++line_number;
    std::string_view line(utf8.data() + pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) {
      if (end == utf8.size()) break;
      continue;
    }
    Document doc;
    std::string error;
    const ParseOutcome parsed = parse_json(line);
    if (!parsed.ok) {
      error = "malformed JSON: " + parsed.error;
    } else if (to_document(parsed.value, doc, error)) {
      result.documents.push_back(std::move(doc));
      continue;
    }
    result.warnings.push_back({std::string(file_name), line_number, error,
                               error.rfind("malformed JSON", 0) == 0 ? "malformed_json" : "bad_record"});
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
