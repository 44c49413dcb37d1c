#include "entities/resources.hpp"

#include "embedded_data.hpp"

namespace mirsad {
namespace {

std::vector<std::string> split(std::string_view line, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = line.find(sep, start);
    out.emplace_back(line.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

std::string trim(std::string s) {
  const auto first = s.find_first_not_of(" \r\t");
  if (first == std::string::npos) return "";
  const auto last = s.find_last_not_of(" \r\t");
  return s.substr(first, last - first + 1);
}

// Calls `row` with the fields of every data line; skips comments, blank lines and the header.
template <typename Row>
void for_each_row(std::string_view tsv, const char* header_first, Row row) {
  std::size_t pos = 0, line_number = 0;
  while (pos < tsv.size()) {
    std::size_t end = tsv.find('\n', pos);
    if (end == std::string_view::npos) end = tsv.size();
    std::string_view line = tsv.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields = split(line, '\t');
    for (auto& f : fields) f = trim(f);
    if (fields[0] == header_first) continue;
    row(fields, line_number);
  }
}

std::vector<std::string> split_alternatives(const std::string& field) {
  std::vector<std::string> out;
  for (auto& v : split(field, '|')) {
    v = trim(v);
    if (!v.empty()) out.push_back(v);
  }
  return out;
}

}  // namespace

EntityResources EntityResources::parse(std::string_view gazetteer_tsv, std::string_view gentilics_tsv,
                                       std::string_view cues_tsv, std::string_view stopwords_txt,
                                       std::string_view given_names_tsv, std::vector<std::string>* problems) {
  EntityResources r;
  const auto problem = [&](const char* file, std::size_t line, const char* what) {
    if (problems) problems->push_back(std::string(file) + ":" + std::to_string(line) + ": " + what);
  };
  for_each_row(gazetteer_tsv, "type", [&](const std::vector<std::string>& f, std::size_t line) {
    if (f.size() < 6 || f[2].empty()) return problem("gazetteer.tsv", line, "expected 7 fields");
    r.gazetteer.push_back(GazetteerEntry{f[0], f[1], f[2], split_alternatives(f[3]), f[4], f[5]});
  });
  for_each_row(gentilics_tsv, "base_ar", [&](const std::vector<std::string>& f, std::size_t line) {
    if (f.size() < 3 || f[0].empty()) return problem("gentilics.tsv", line, "expected 4 fields");
    r.gentilics.push_back(GentilicEntry{split_alternatives(f[0]), f[1], f[2]});
  });
  for_each_row(given_names_tsv, "name_ar", [&](const std::vector<std::string>& f, std::size_t line) {
    if (f.size() < 2 || f[0].empty()) return problem("given_names.tsv", line, "expected name and gender");
    r.given_names.push_back(GivenName{f[0], f[1]});
  });
  for_each_row(cues_tsv, "kind", [&](const std::vector<std::string>& f, std::size_t line) {
    if (f.size() < 2 || f[1].empty()) return problem("cues.tsv", line, "expected kind and phrase");
    r.cues.push_back(CueEntry{f[0], f[1], f.size() > 2 ? f[2] : ""});
  });
  for_each_row(stopwords_txt, "", [&](const std::vector<std::string>& f, std::size_t) {
    if (!f[0].empty()) r.stopwords.push_back(f[0]);
  });
  return r;
}

const EntityResources& EntityResources::embedded() {
  static const EntityResources resources =
      parse(embedded_data::gazetteer_tsv(), embedded_data::gentilics_tsv(), embedded_data::cues_tsv(),
            embedded_data::stopwords_txt(), embedded_data::given_names_tsv());
  return resources;
}

}  // namespace mirsad
