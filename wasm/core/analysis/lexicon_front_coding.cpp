#include "analysis/lexicon_front_coding.hpp"

#include <algorithm>

namespace mirsad {
namespace {

constexpr unsigned char kWordBase = 0x20;
constexpr std::size_t kMaxShared = 0x7E - kWordBase;
constexpr unsigned char kVerbatim = 0x7F;

}  // namespace

std::string front_code_lexicon(std::string_view serialized) {
  std::string out;
  out.reserve(serialized.size() / 2);
  std::string_view previous;
  std::size_t start = 0;
  while (start < serialized.size()) {
    std::size_t end = serialized.find('\n', start);
    const bool last = end == std::string_view::npos;
    if (last) end = serialized.size();
    const std::string_view line = serialized.substr(start, end - start);
    if (!line.empty() && (line[0] == '#' || line[0] == '=')) {
      out.push_back(static_cast<char>(kVerbatim));
      out.append(line);
      previous = {};
    } else {
      std::size_t shared = 0;
      const std::size_t limit = std::min({line.size(), previous.size(), kMaxShared});
      while (shared < limit && line[shared] == previous[shared]) ++shared;
      out.push_back(static_cast<char>(kWordBase + shared));
      out.append(line.substr(shared));
      previous = line;
    }
    if (!last) out.push_back('\n');
    start = end + 1;
  }
  return out;
}

bool front_decode_lexicon(std::string_view coded, std::string& out) {
  out.clear();
  out.reserve(coded.size() * 3);
  std::size_t previous_start = 0, previous_size = 0;
  std::size_t start = 0;
  while (start < coded.size()) {
    std::size_t end = coded.find('\n', start);
    const bool last = end == std::string_view::npos;
    if (last) end = coded.size();
    if (end == start) return false;  // every line has its code byte
    const auto code = static_cast<unsigned char>(coded[start]);
    const std::string_view rest = coded.substr(start + 1, end - start - 1);
    const std::size_t line_start = out.size();
    if (code == kVerbatim) {
      out.append(rest);
      previous_size = 0;
    } else {
      if (code < kWordBase || code - kWordBase > previous_size) return false;
      const std::size_t shared = code - kWordBase;
      out.append(out, previous_start, shared);
      out.append(rest);
      previous_start = line_start;
      previous_size = out.size() - line_start;
    }
    if (!last) out.push_back('\n');
    start = end + 1;
  }
  return true;
}

}  // namespace mirsad
