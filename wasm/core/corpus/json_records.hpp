#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mirsad {

// Where one record of a top-level JSON array lies in the file's bytes: [begin, end) and the
// 1-based line it starts on.
struct RecordSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t line = 0;
};

// A flaw between records (a missing or doubled comma, a trailing comma, an array never closed):
// the records around it are still read, but the file is not valid JSON and the user is told.
struct StructureNote {
  std::size_t line = 0;
  std::string message;
};

struct ArrayRecords {
  std::vector<RecordSpan> records;
  std::vector<StructureNote> notes;
};

// Splits the array that opens at text[open] ('[') into its records without parsing them, so a
// syntax error inside one record costs that record only: each span is then parsed on its own.
// Strings and escapes are followed so brackets inside them do not count; a raw line break ends
// a string (JSON strings cannot hold one, so the string was never closed); a '{' where a key
// should be, or opening a line after such a string, means the record before it was never
// closed, and a new record starts there. The
// scan keeps a stack of open brackets, not a recursion: any depth is safe.
ArrayRecords split_array_records(std::string_view text, std::size_t open);

// Rewrites every \uD800–\uDFFF escape that is not half of a surrogate pair as \uFFFD, in place
// and at the same length (offsets and lines do not move). JavaScript's JSON.stringify writes
// such escapes for a string holding a lone surrogate; a strict parser refuses the whole record.
// Returns how many were replaced and, in *first, the byte offset of the first one.
std::size_t replace_lone_surrogate_escapes(std::string& json_text, std::size_t* first = nullptr);

}  // namespace mirsad
