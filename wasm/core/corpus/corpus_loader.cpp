#include "corpus/corpus_loader.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "corpus/csv_records.hpp"
#include "corpus/date_normalizer.hpp"
#include "corpus/html_page.hpp"
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

// True when the decoder would change nothing (WHATWG's valid UTF-8): the bytes are then kept as
// they are instead of being decoded and encoded again (a second and third copy of a large file).
bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  const auto in = [&](std::size_t k, unsigned lo, unsigned hi) {
    if (i + k >= s.size()) return false;
    const auto b = static_cast<unsigned char>(s[i + k]);
    return b >= lo && b <= hi;
  };
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) { ++i; continue; }
    if (b >= 0xC2 && b <= 0xDF) { if (!in(1, 0x80, 0xBF)) return false; i += 2; continue; }
    if (b >= 0xE0 && b <= 0xEF) {
      const unsigned lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF;
      if (!in(1, lo, hi) || !in(2, 0x80, 0xBF)) return false;
      i += 3;
      continue;
    }
    if (b >= 0xF0 && b <= 0xF4) {
      const unsigned lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;
      if (!in(1, lo, hi) || !in(2, 0x80, 0xBF) || !in(3, 0x80, 0xBF)) return false;
      i += 4;
      continue;
    }
    return false;
  }
  return true;
}

// The file's text (its BOM removed) as valid UTF-8, decoded as the browser decodes it, with one
// warning per file about replaced bytes.
std::string decoded_utf8(std::string_view file_name, std::string bytes, std::vector<LoadWarning>& warnings) {
  if (valid_utf8(bytes)) return bytes;
  std::size_t replaced = 0;
  std::string text = utf16_to_utf8(utf8_to_utf16(bytes, &replaced));
  if (replaced > 0) {
    warnings.push_back({std::string(file_name), 0,
                        "invalid UTF-8: " + std::to_string(replaced) + " byte sequence(s) replaced with U+FFFD",
                        "invalid_utf8", replaced});
  }
  return text;
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

// A record's value as text: strings as they are, anything else as its JSON.
std::string value_text(const json& value) { return value.is_string() ? value.get<std::string>() : value.dump(); }

std::string list_of(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out.empty() ? "none" : out;
}

enum class Format { Unsupported, Blank, Text, Html, JsonArray, JsonObject, Jsonl, Csv };

constexpr std::size_t kRecordsForFieldNames = 20;  // records whose field names decide the mapping

}  // namespace

struct FileLoading::State {
  std::string name;
  Format format = Format::Unsupported;
  std::string utf8;
  std::u16string text;                 // Format::Text
  std::optional<Document> html_document;  // Format::Html, until read
  bool html_accepted = false;             // false: the page was refused
  std::vector<RecordSpan> spans;       // JsonArray, Jsonl
  std::vector<StructureNote> notes;    // JsonArray
  ParseOutcome single;                 // JsonObject
  std::size_t single_line = 1;
  CsvTable csv;
  std::vector<std::string> fields;     // field names of the first records, in the order first seen
  MappingReport report;
  bool no_records = false;             // no text field: nothing can be read
  std::vector<LoadWarning> opening;    // warnings given with the first slice
  std::size_t next = 0;
  bool finished = false;
  std::size_t first_kept_date_line = 0;
  std::string first_kept_date;

  std::size_t records() const {
    if (no_records) return 0;
    switch (format) {
      case Format::Text: case Format::JsonObject: return 1;
      case Format::Html: return html_accepted ? 1 : 0;
      case Format::JsonArray: case Format::Jsonl: return spans.size();
      case Format::Csv: return csv.rows.size();
      default: return 0;
    }
  }

  void warn(std::vector<LoadWarning>& to, std::size_t line, std::string message, const char* code, std::size_t count = 0) {
    to.push_back({name, line, std::move(message), code, count});
  }

  // The lone surrogate escapes of a JSON text, replaced (same length) and reported once per file.
  void accept_lone_surrogates() {
    std::size_t first = 0;
    const std::size_t replaced = replace_lone_surrogate_escapes(utf8, &first);
    if (replaced == 0) return;
    warn(opening, line_of(utf8, first),
         "lone surrogate escape: " + std::to_string(replaced) +
             " \\uD800-\\uDFFF escape(s) without their pair replaced with U+FFFD",
         "lone_surrogate", replaced);
  }

  void split() {
    if (format == Format::Jsonl) {
      std::size_t line = 0, pos = 0;
      while (pos <= utf8.size()) {
        std::size_t end = utf8.find('\n', pos);
        if (end == std::string::npos) end = utf8.size();
        ++line;
        std::size_t stop = end;
        if (stop > pos && utf8[stop - 1] == '\r') --stop;
        if (utf8.find_first_not_of(" \t", pos) < stop) spans.push_back({pos, stop, line});
        if (end == utf8.size()) break;
        pos = end + 1;
      }
    } else if (format == Format::Csv) {
      csv = split_csv(utf8);
    } else if (format == Format::JsonArray || format == Format::JsonObject) {
      const std::size_t first = utf8.find_first_not_of(" \t\r\n");
      if (first != std::string::npos && utf8[first] == '[') {
        ArrayRecords array = split_array_records(utf8, first);
        spans = std::move(array.records);
        notes = std::move(array.notes);
      } else {
        format = Format::JsonObject;
        single = parse_json(utf8);
        single_line = line_of(utf8, first);
      }
    }
  }

  void add_field_names(const json& record) {
    if (!record.is_object()) return;
    for (const auto& item : record.items()) {
      if (std::find(fields.begin(), fields.end(), item.key()) == fields.end()) fields.push_back(item.key());
    }
  }

  void find_field_names() {
    if (format == Format::Csv) fields = csv.header;
    else if (format == Format::JsonObject) add_field_names(single.value);
    else {
      for (std::size_t i = 0; i < spans.size() && i < kRecordsForFieldNames; ++i) add_field_names(parse_json(span(i)).value);
    }
  }

  std::string_view span(std::size_t i) const {
    return std::string_view(utf8).substr(spans[i].begin, spans[i].end - spans[i].begin);
  }

  // Fills the roles the caller left out; a role given a field the file does not have is dropped
  // with a warning, and without a text field nothing can be read.
  void settle_mapping(const FieldMapping& requested) {
    FieldMapping& m = report.mapping;
    m = requested;
    for (FieldRole role : kFieldRoles) {
      if (m.field(role).empty() || fields.empty() || std::find(fields.begin(), fields.end(), m.field(role)) != fields.end()) continue;
      warn(opening, 0, std::string("no field \"") + m.field(role) + "\" for the " + field_role_name(role) +
                           " in this file (its fields: " + list_of(fields) + ")", "unknown_field");
      m.set(role, "");
    }
    // No record could be read for its field names (all malformed?): the standard names, so
    // each record is refused for what is wrong with it.
    static const std::vector<std::string> kStandardNames{"id", "text", "title", "date", "source"};
    m.complete_from(fields.empty() ? kStandardNames : fields);
    report.generated_ids = m.id_field().empty();
    if (m.field(FieldRole::Text).empty() && records() > 0) {
      warn(opening, 0, "no text field: none of this file's fields (" + list_of(fields) +
                           ") is known as the text; name it in a field mapping", "no_text_field");
      no_records = true;
    }
  }

  // One record as a document, or why not.
  bool to_document(const json& record, std::size_t number, std::size_t line, Document& doc, std::string& error) {
    const FieldMapping& m = report.mapping;
    if (!record.is_object()) { error = "expected an object {id, text}"; return false; }
    const auto text = record.find(m.field(FieldRole::Text));
    if (text == record.end() || !text->is_string()) {
      error = "missing string field \"" + m.field(FieldRole::Text) + "\"";
      return false;
    }
    if (report.generated_ids) {
      doc.id = base_name_without_extension(name) + ":" + std::to_string(number);
    } else {
      const auto id = record.find(m.id_field());
      if (id == record.end() || !(id->is_string() || id->is_number())) {
        error = "missing field \"" + m.id_field() + "\" (string or number)";
        return false;
      }
      doc.id = value_text(*id);
      if (doc.id.empty()) { error = "empty \"" + m.id_field() + "\""; return false; }
    }
    doc.text = utf8_to_utf16(text->get<std::string>());
    const auto optional = [&](FieldRole role) -> const json* {
      if (m.field(role).empty()) return nullptr;
      const auto it = record.find(m.field(role));
      return it == record.end() || it->is_null() ? nullptr : &*it;
    };
    if (const json* v = optional(FieldRole::Title)) doc.title = value_text(*v);
    if (const json* v = optional(FieldRole::Source)) doc.source = value_text(*v);
    if (const json* v = optional(FieldRole::Url)) doc.url = value_text(*v);
    if (const json* v = optional(FieldRole::Date)) {
      doc.date = value_text(*v);
      // Only written dates are read: a number (an epoch?) or a nested value is kept as it is.
      if (v->is_string() && !doc.date.empty()) {
        if (auto iso = normalize_date(doc.date)) {
          doc.date = std::move(*iso);
          ++report.dates_normalized;
        } else if (report.dates_kept++ == 0) {
          first_kept_date = doc.date;
          first_kept_date_line = line;
        }
      }
    }
    return true;
  }

  // Keeps one parsed record, or says why not: `label` prefixes the message ("record 3: "),
  // `line` is where the record starts.
  void keep(const ParseOutcome& parsed, std::size_t number, std::size_t line, const std::string& label, LoadResult& out) {
    const auto refuse = [&](const std::string& why, const char* code) { warn(out.warnings, line, label + why, code); };
    if (parsed.too_deep) return refuse(kTooDeep, "too_deep");
    if (!parsed.ok) return refuse("malformed JSON: " + syntax_error_detail(parsed.error), "malformed_json");
    Document doc;
    std::string error;
    if (!to_document(parsed.value, number, line, doc, error)) return refuse(error, "bad_record");
    out.documents.push_back(std::move(doc));
    out.document_lines.push_back(line);
  }

  void read_csv_row(std::size_t i, LoadResult& out) {
    const CsvRow& row = csv.rows[i];
    if (!row.problem.empty()) return warn(out.warnings, row.line, "row refused: " + row.problem, "bad_row");
    std::vector<std::string> values = csv_fields(utf8, row, csv.separator);
    if (std::all_of(values.begin(), values.end(), [](const std::string& v) { return v.empty(); })) return;
    if (values.size() != csv.header.size()) {
      return warn(out.warnings, row.line, "row refused: " + std::to_string(values.size()) + " field(s) where the header has " +
                                              std::to_string(csv.header.size()), "bad_row");
    }
    ParseOutcome record;
    record.value = json::object();
    for (std::size_t k = 0; k < values.size(); ++k) {
      if (!record.value.contains(csv.header[k])) record.value[csv.header[k]] = std::move(values[k]);
    }
    keep(record, i + 1, row.line, "", out);
  }

  void read_record(std::size_t i, LoadResult& out) {
    switch (format) {
      case Format::Text: {
        Document doc;
        doc.id = base_name_without_extension(name);
        doc.text = std::move(text);
        out.documents.push_back(std::move(doc));
        out.document_lines.push_back(0);
        return;
      }
      case Format::Html:
        if (!html_document) return;
        out.documents.push_back(std::move(*html_document));
        out.document_lines.push_back(0);
        html_document.reset();
        return;
      case Format::JsonObject:
        if (single.too_deep) return warn(out.warnings, single_line, kTooDeep, "too_deep");
        if (!single.ok) return warn(out.warnings, line_of(utf8, single.error_byte), "malformed JSON: " + single.error, "malformed_json");
        if (!single.value.is_object()) return warn(out.warnings, 1, "expected an array of {id, text} objects", "not_an_array");
        return keep(single, 1, single_line, "", out);
      case Format::JsonArray:
        return keep(parse_json(span(i)), i + 1, spans[i].line, "record " + std::to_string(i + 1) + ": ", out);
      case Format::Jsonl: return keep(parse_json(span(i)), i + 1, spans[i].line, "", out);
      case Format::Csv: return read_csv_row(i, out);
      default: return;
    }
  }

  void finish(LoadResult& out) {
    finished = true;
    for (const StructureNote& n : notes) warn(out.warnings, n.line, n.message, "malformed_json");
    if (report.dates_kept > 0) {
      warn(out.warnings, first_kept_date_line,
           std::to_string(report.dates_kept) + " date(s) in no recognised form kept as written (the first: \"" +
               first_kept_date + "\")", "date_kept", report.dates_kept);
    }
    if (format != Format::Text && format != Format::Html && format != Format::Blank && format != Format::Unsupported) {
      out.mapping = report;
    }
  }

  // A page of a built site as one document: its article's text, title, date and site name, and
  // its path as the link. A page in another charset than UTF-8 is refused (decoding it as UTF-8
  // would index mojibake), and so is one without the element the options name.
  void read_page(const HtmlOptions& options) {
    HtmlPage page = read_html_page(utf8, options);
    utf8 = std::string();
    if (!page.charset.empty()) {
      // Its bytes were not meant as UTF-8: the count of invalid sequences would only confuse.
      std::erase_if(opening, [](const LoadWarning& w) { return w.code == "invalid_utf8"; });
      return warn(opening, 0, "the page declares charset \"" + page.charset + "\": only UTF-8 pages are read (convert it, e.g. with iconv)",
                  "unsupported_charset");
    }
    if (!page.body_found) return warn(opening, 0, "no element matches the article selector: page left out", "no_article");
    if (page.text.empty()) return warn(opening, 0, "the page's article has no text: nothing to add", "empty_file");
    Document doc;
    doc.id = name;
    // The address the page gives itself (a saved news page, a site with canonical links), else
    // its place in the folder.
    doc.url = !page.canonical.empty() ? page.canonical : options.url_prefix + page_path(name);
    doc.text = utf8_to_utf16(page.text);
    doc.title = std::move(page.title);
    doc.source = std::move(page.source);
    if (!page.date.empty()) {
      if (auto iso = normalize_date(page.date)) {
        doc.date = std::move(*iso);
      } else {
        doc.date = page.date;
        warn(opening, 0, "date in no recognised form kept as written (\"" + page.date + "\")", "date_kept", 1);
      }
    }
    html_document = std::move(doc);
    html_accepted = true;
  }

  // The page's path as a site serves it: forward slashes, no leading "./" or "/", and a folder's
  // index.html as the folder itself.
  static std::string page_path(std::string path) {
    std::replace(path.begin(), path.end(), '\\', '/');
    while (path.rfind("./", 0) == 0) path.erase(0, 2);
    while (!path.empty() && path.front() == '/') path.erase(0, 1);
    for (std::string_view index : {"index.html", "index.htm"}) {
      if (ends_with_ci(path, index) && (path.size() == index.size() || path[path.size() - index.size() - 1] == '/')) {
        path.erase(path.size() - index.size());
        break;
      }
    }
    return path;
  }
};

FileLoading::FileLoading(std::string file_name, std::string bytes, const FieldMapping& requested, const HtmlOptions& html)
    : s_(std::make_unique<State>()) {
  State& s = *s_;
  s.name = std::move(file_name);
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) bytes.erase(0, 3);
  if (bytes.find_first_not_of(" \t\r\n") == std::string::npos) {
    // An empty (or blank) file is refused with a reason, whatever its type, rather than added as
    // an empty document nobody can find or passed silently.
    s.format = Format::Blank;
    s.warn(s.opening, 0, "empty file: nothing to add", "empty_file");
    return;
  }
  if (ends_with_ci(s.name, ".jsonl")) s.format = Format::Jsonl;
  else if (ends_with_ci(s.name, ".json")) s.format = Format::JsonArray;
  else if (ends_with_ci(s.name, ".csv")) s.format = Format::Csv;
  else if (ends_with_ci(s.name, ".txt")) s.format = Format::Text;
  else if (ends_with_ci(s.name, ".html") || ends_with_ci(s.name, ".htm")) s.format = Format::Html;
  else {
    s.warn(s.opening, 0, "unsupported file type (expected .txt, .html, .json, .jsonl or .csv)", "unsupported_type");
    return;
  }
  s.utf8 = decoded_utf8(s.name, std::move(bytes), s.opening);
  if (s.format == Format::Text) {
    s.text = utf8_to_utf16(s.utf8);
    s.utf8 = std::string();
    return;
  }
  if (s.format == Format::Html) {
    s.read_page(html);
    return;
  }
  if (s.format != Format::Csv) s.accept_lone_surrogates();
  s.split();
  if (s.format == Format::Csv && s.csv.rows.empty()) s.warn(s.opening, 0, "only a header row: nothing to add", "empty_file");
  s.find_field_names();
  s.settle_mapping(requested);
}

FileLoading::~FileLoading() = default;

std::size_t FileLoading::records() const { return s_->records(); }
std::size_t FileLoading::records_read() const { return std::min(s_->next, s_->records()); }

void FileLoading::read(std::size_t count, LoadResult& out) {
  State& s = *s_;
  if (s.finished) return;
  if (!s.opening.empty()) {
    out.warnings.insert(out.warnings.end(), s.opening.begin(), s.opening.end());
    s.opening.clear();
  }
  const std::size_t stop = s.next + std::min(count, s.records() - std::min(s.next, s.records()));
  for (; s.next < stop; ++s.next) s.read_record(s.next, out);
  if (s.next >= s.records()) s.finish(out);
}

FilePeek FileLoading::peek(std::size_t count) {
  State& s = *s_;
  FilePeek peek;
  switch (s.format) {
    case Format::Csv: peek.format = "csv"; break;
    case Format::Jsonl: peek.format = "jsonl"; break;
    case Format::JsonArray: case Format::JsonObject: peek.format = "json"; break;
    case Format::Text: peek.format = "txt"; break;
    case Format::Html: peek.format = "html"; break;
    default: break;
  }
  peek.fields = s.fields;
  peek.mapping = s.report.mapping;
  peek.warnings = s.opening;
  const std::size_t available = s.format == Format::Csv ? s.csv.rows.size()
                                : s.format == Format::JsonObject ? 1
                                : s.format == Format::Text ? 0 : s.spans.size();
  for (std::size_t i = 0; peek.samples.size() < count && i < available; ++i) {
    std::vector<std::pair<std::string, std::string>> sample;
    if (s.format == Format::Csv) {
      if (!s.csv.rows[i].problem.empty()) continue;
      const auto values = csv_fields(s.utf8, s.csv.rows[i], s.csv.separator);
      if (values.size() != s.csv.header.size()) continue;
      for (std::size_t k = 0; k < values.size(); ++k) sample.emplace_back(s.csv.header[k], values[k]);
    } else {
      const ParseOutcome parsed = s.format == Format::JsonObject ? s.single : parse_json(s.span(i));
      if (!parsed.ok || !parsed.value.is_object()) continue;
      for (const auto& item : parsed.value.items()) {
        if (!item.value().is_null()) sample.emplace_back(item.key(), value_text(item.value()));
      }
    }
    peek.samples.push_back(std::move(sample));
  }
  return peek;
}

LoadResult CorpusLoader::from_file(std::string_view file_name, std::string_view bytes, const FieldMapping& mapping,
                                   const HtmlOptions& html) {
  FileLoading loading{std::string(file_name), std::string(bytes), mapping, html};
  LoadResult result;
  loading.read(loading.records(), result);
  // Flaws between a .json array's records are found before any record is read: in line order.
  std::stable_sort(result.warnings.begin(), result.warnings.end(),
                   [](const LoadWarning& a, const LoadWarning& b) { return a.line < b.line; });
  return result;
}

FilePeek CorpusLoader::peek(std::string_view file_name, std::string_view bytes, std::size_t count) {
  FileLoading loading{std::string(file_name), std::string(bytes)};
  return loading.peek(count);
}

}  // namespace mirsad
