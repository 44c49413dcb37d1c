#include "analysis/lexicon.hpp"

#include "text/utf.hpp"

namespace mirsad {

void Lexicon::add(std::u16string_view normalized_word) {
  words_.insert(normalized_word);
  constexpr std::u16string_view kArticle = u"\u0627\u0644";
  if (normalized_word.size() > kArticle.size() && normalized_word.starts_with(kArticle)) {
    after_article_.insert(normalized_word.substr(kArticle.size()));
  }
}

void Lexicon::add_word_list(const CharNormalizer& normalizer, std::string_view utf8_lines) {
  std::size_t pos = 0;
  while (pos < utf8_lines.size()) {
    std::size_t end = utf8_lines.find('\n', pos);
    if (end == std::string_view::npos) end = utf8_lines.size();
    const std::string_view line = utf8_lines.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty() || line[0] == '#') continue;
    // Most list words need no normalization: checking is cheaper than normalizing (108k words
    // are read while the page waits for its first search).
    const std::u16string word = utf8_to_utf16(line);
    if (normalizer.is_unchanged(word)) add(word);
    else add(normalizer.normalize_plain(word));
  }
}

namespace {

// Section lines, with the line ends around them so a search cannot stop inside a word.
constexpr std::u16string_view kWordsSection = u"\n=words\n";
constexpr std::u16string_view kStopwordsSection = u"\n=stopwords\n";

// A line that would read back as a comment or a section line cannot be written as a word.
bool writable(std::u16string_view word) {
  return !word.empty() && word[0] != u'#' && word[0] != u'=' && word.find(u'\n') == std::u16string_view::npos;
}

}  // namespace

std::string Lexicon::serialize() const {
  std::u16string out = u"# Mirsad lexicon: normalized words (see wasm/core/analysis/lexicon.hpp)";
  out += kWordsSection;
  words_.for_each([&](std::u16string_view w) {
    if (writable(w)) (out += w) += u'\n';
  });
  out.pop_back();  // the section line brings its own line break
  out += kStopwordsSection;
  stopwords_.for_each([&](std::u16string_view w) {
    if (writable(w)) (out += w) += u'\n';
  });
  return utf16_to_utf8(out);
}

bool Lexicon::add_serialized(std::string_view text) {
  // One decode of the whole text, then views into it: no allocation per word.
  const std::u16string all = utf8_to_utf16(text);
  const std::u16string_view view(all);
  const std::size_t words_at = view.find(kWordsSection), stops_at = view.find(kStopwordsSection);
  if (words_at == std::u16string_view::npos || stops_at == std::u16string_view::npos || stops_at < words_at) return false;
  const auto each_line = [&](std::size_t from, std::size_t to, auto&& fn) {
    while (from < to) {
      std::size_t end = view.find(u'\n', from);
      if (end == std::u16string_view::npos || end > to) end = to;
      const std::u16string_view line = view.substr(from, end - from);
      from = end + 1;
      if (!line.empty() && line[0] != u'#') fn(line);
    }
  };
  const std::size_t words_from = words_at + kWordsSection.size();
  std::size_t lines = 0;
  each_line(words_from, stops_at, [&](std::u16string_view) { ++lines; });
  words_.reserve(words_.size() + lines, stops_at - words_from);
  after_article_.reserve(after_article_.size() + lines / 2);
  each_line(words_from, stops_at, [&](std::u16string_view w) { add(w); });
  each_line(stops_at + kStopwordsSection.size(), view.size(), [&](std::u16string_view w) { add_stopword(w); });
  return true;
}

}  // namespace mirsad
