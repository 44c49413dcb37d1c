#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mirsad {

// The roles a record's fields can play. url serves as the id when the records have none.
enum class FieldRole { Id, Text, Title, Date, Source, Url };
constexpr std::array<FieldRole, 6> kFieldRoles{FieldRole::Id, FieldRole::Text, FieldRole::Title,
                                               FieldRole::Date, FieldRole::Source, FieldRole::Url};
const char* field_role_name(FieldRole role);  // "id", "text", "title", "date", "source", "url"

// Which field of the file plays each role ("" for none). A user's mapping may name some roles
// and leave the others out: those are recognised from the field names as if none was given.
class FieldMapping {
 public:
  const std::string& field(FieldRole role) const { return fields_[static_cast<std::size_t>(role)]; }
  void set(FieldRole role, std::string field) { fields_[static_cast<std::size_t>(role)] = std::move(field); }
  bool given(FieldRole role) const { return given_[static_cast<std::size_t>(role)]; }
  void mark_given(FieldRole role) { given_[static_cast<std::size_t>(role)] = true; }
  // The field that names a record: the id field, else the url field ("" when neither).
  const std::string& id_field() const { return field(FieldRole::Id).empty() ? field(FieldRole::Url) : field(FieldRole::Id); }

  // A user's mapping as JSON: {"text": "body", "title": "headline", "id": ""…} ("" says the file
  // has no such field). Unknown roles and non-string values are errors, in *error.
  static std::optional<FieldMapping> from_json(std::string_view json, std::string* error);

  // Fills each role not given from the file's field names (in the order first seen): the first
  // known name for the role that the file has (compared without case, spaces, '_', '-' or '.'),
  // never a field already playing another role.
  void complete_from(const std::vector<std::string>& field_names);

 private:
  std::array<std::string, kFieldRoles.size()> fields_;
  std::array<bool, kFieldRoles.size()> given_{};
};

}  // namespace mirsad
