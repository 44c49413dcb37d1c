#include "entities/word_clusters.hpp"

#include <charconv>
#include <vector>

#include "embedded_data.hpp"
#include "text/fatal.hpp"
#include "text/utf.hpp"

namespace mirsad {
namespace {

bool parse_number(std::string_view s, uint16_t& out) {
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size();
}

}  // namespace

std::optional<WordClusters> WordClusters::parse(std::string_view text, std::string* error) {
  struct Line {
    std::size_t at, length;
    WordClass word_class;
  };
  std::vector<Line> lines;
  std::u16string words;
  std::size_t line_number = 0;
  while (!text.empty()) {
    const std::size_t eol = text.find('\n');
    const std::string_view line = text.substr(0, eol);
    text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab1 = line.find('\t');
    const std::size_t tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
    Line l{};
    if (tab2 == std::string_view::npos || tab1 == 0 || !parse_number(line.substr(tab1 + 1, tab2 - tab1 - 1), l.word_class.coarse) ||
        !parse_number(line.substr(tab2 + 1), l.word_class.fine)) {
      if (error) *error = "line " + std::to_string(line_number) + " is not word<TAB>coarse<TAB>fine";
      return std::nullopt;
    }
    const std::u16string word = utf8_to_utf16(line.substr(0, tab1));
    l.at = words.size();
    l.length = word.size();
    words += word;
    lines.push_back(l);
  }
  WordClusters clusters;
  clusters.words_ = std::make_shared<const std::u16string>(std::move(words));
  const std::u16string_view all(*clusters.words_);
  clusters.classes_.reserve(lines.size());
  for (const Line& l : lines) clusters.classes_.emplace(all.substr(l.at, l.length), l.word_class);
  return clusters;
}

const WordClusters& WordClusters::embedded() {
  static const WordClusters clusters = [] {
    std::string error;
    auto parsed = parse(embedded_data::word_clusters_tsv(), &error);
    // The build embeds the file the clustering tool wrote: failing to read it is a build defect.
    if (!parsed) fatal("the embedded word clusters are malformed:", error.c_str());
    return std::move(*parsed);
  }();
  return clusters;
}

}  // namespace mirsad
