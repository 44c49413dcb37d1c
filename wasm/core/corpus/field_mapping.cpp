#include "corpus/field_mapping.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace mirsad {
namespace {

// The names each role goes by in exported news data (scrapers, RSS, CMS dumps, Kaggle sets, Arabic
// spreadsheets), most specific first, in their compared form (see key_of). "description" and
// "summary" come last for the text: a file with both a body and a summary means the body.
struct KnownNames {
  FieldRole role;
  std::vector<std::string> names;
};

const std::vector<KnownNames>& known_names() {
  static const std::vector<KnownNames> names{
      {FieldRole::Text, {"text", "content", "body", "article", "articletext", "articlebody", "fulltext", "story",
                         "maintext", "نص", "النص", "المحتوى", "محتوى", "المقال", "مقال", "المتن", "description",
                         "summary"}},
      {FieldRole::Title, {"title", "headline", "heading", "subject", "عنوان", "العنوان"}},
      {FieldRole::Date, {"date", "published", "publishedat", "publishdate", "publicationdate", "datepublished",
                         "pubdate", "dateextracted", "datetime", "created", "createdat", "timestamp", "time",
                         "تاريخ", "التاريخ", "تاريخالنشر"}},
      {FieldRole::Source, {"source", "publisher", "site", "sitename", "outlet", "newspaper", "journal", "domain",
                           "المصدر", "مصدر", "الناشر", "الصحيفة", "الموقع"}},
      {FieldRole::Id, {"id", "guid", "uuid", "docid", "documentid", "articleid", "identifier", "المعرف",
                       "المعرّف", "معرف", "معرّف"}},
      {FieldRole::Url, {"url", "link", "permalink", "href", "الرابط", "رابط"}},
  };
  return names;
}

// A field name as compared: ASCII lowercased, without spaces, '_', '-' or '.' ("Pub Date",
// "pub_date" and "pubDate" are one name).
std::string key_of(std::string_view name) {
  std::string key;
  for (char c : name) {
    if (c == ' ' || c == '_' || c == '-' || c == '.' || c == '\t') continue;
    key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return key;
}

}  // namespace

const char* field_role_name(FieldRole role) {
  switch (role) {
    case FieldRole::Id: return "id";
    case FieldRole::Text: return "text";
    case FieldRole::Title: return "title";
    case FieldRole::Date: return "date";
    case FieldRole::Source: return "source";
    case FieldRole::Url: return "url";
  }
  return "";
}

std::optional<FieldMapping> FieldMapping::from_json(std::string_view json_text, std::string* error) {
  FieldMapping mapping;
  if (json_text.find_first_not_of(" \t\r\n") == std::string_view::npos) return mapping;
  const auto parsed = nlohmann::json::parse(json_text, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    if (error) *error = "a field mapping is a JSON object such as {\"text\": \"body\"}";
    return std::nullopt;
  }
  for (const auto& item : parsed.items()) {
    const std::string& key = item.key();  // not a structured binding: clang 14 cannot capture one
    const auto& value = item.value();
    const auto role = std::find_if(kFieldRoles.begin(), kFieldRoles.end(),
                                   [&](FieldRole r) { return key == field_role_name(r); });
    if (role == kFieldRoles.end()) {
      if (error) *error = "unknown role \"" + key + "\" in the field mapping (id, text, title, date, source, url)";
      return std::nullopt;
    }
    if (!value.is_string() && !value.is_null()) {
      if (error) *error = "the field mapped to \"" + key + "\" must be a field name (a string)";
      return std::nullopt;
    }
    mapping.set(*role, value.is_string() ? value.get<std::string>() : "");
    mapping.mark_given(*role);
  }
  return mapping;
}

void FieldMapping::complete_from(const std::vector<std::string>& field_names) {
  std::vector<std::string> taken;
  for (FieldRole role : kFieldRoles) if (given(role) && !field(role).empty()) taken.push_back(field(role));
  for (const KnownNames& known : known_names()) {
    if (given(known.role)) continue;
    for (const std::string& name : known.names) {
      const auto match = std::find_if(field_names.begin(), field_names.end(), [&](const std::string& f) {
        return key_of(f) == name && std::find(taken.begin(), taken.end(), f) == taken.end();
      });
      if (match == field_names.end()) continue;
      set(known.role, *match);
      taken.push_back(*match);
      break;
    }
  }
}

}  // namespace mirsad
