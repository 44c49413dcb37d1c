#include "analysis/lexicon.hpp"

#include <algorithm>
#include <vector>

#include "text/utf.hpp"

namespace mirsad {
namespace {

constexpr std::u16string_view kArticle = u"\u0627\u0644";

// Section lines, with the line ends around them so a search cannot stop inside a word.
constexpr std::string_view kWordsSection = "\n=words\n";
constexpr std::string_view kAfterArticleSection = "\n=after_article\n";
constexpr std::string_view kStopwordsSection = "\n=stopwords\n";

// A line that would read back as a comment or a section line cannot be written as a word.
bool writable(std::string_view word) {
  return !word.empty() && word[0] != '#' && word[0] != '=' && word.find('\n') == std::string_view::npos;
}

// The words as UTF-8, in byte order, each followed by '\n'.
template <typename Set>
std::string sorted_lines(const Set& set) {
  std::vector<std::string> words;
  set.for_each([&](std::u16string_view w) {
    std::string u = utf16_to_utf8(w);
    if (writable(u)) words.push_back(std::move(u));
  });
  std::sort(words.begin(), words.end());
  std::string out;
  for (const std::string& w : words) (out += w) += '\n';
  return out;
}

// The three sections of a serialized lexicon, each without its section line.
struct Sections {
  std::string_view words, after_article, stopwords;
};

bool split_sections(std::string_view text, Sections& out) {
  const std::size_t w = text.find(kWordsSection);
  const std::size_t a = text.find(kAfterArticleSection);
  const std::size_t s = text.find(kStopwordsSection);
  if (w == std::string_view::npos || a == std::string_view::npos || s == std::string_view::npos) return false;
  if (!(w < a && a < s)) return false;
  // Each section's text runs from after its line to the '\n' that starts the next section line
  // (the last word's line end); an empty section has nothing before that '\n'.
  const auto between = [&](std::size_t from, std::size_t to) {
    return from < to ? text.substr(from, to - from + 1) : std::string_view();
  };
  out.words = between(w + kWordsSection.size(), a);
  out.after_article = between(a + kAfterArticleSection.size(), s);
  out.stopwords = text.substr(s + kStopwordsSection.size());
  return true;
}

// Calls fn(utf16_word) for each non-empty line of `lines`.
template <typename Fn>
void each_word(std::string_view lines, Fn&& fn) {
  std::size_t from = 0;
  while (from < lines.size()) {
    std::size_t end = lines.find('\n', from);
    if (end == std::string_view::npos) end = lines.size();
    if (end > from) fn(utf8_to_utf16(lines.substr(from, end - from)));
    from = end + 1;
  }
}

}  // namespace

void Lexicon::insert_word(std::u16string_view normalized_word) const {
  words_.insert(normalized_word);
  if (normalized_word.size() > kArticle.size() && normalized_word.starts_with(kArticle)) {
    after_article_.insert(normalized_word.substr(kArticle.size()));
  }
}

void Lexicon::add(std::u16string_view normalized_word) {
  ensure_hashed();
  insert_word(normalized_word);
}

void Lexicon::add_word_list(const CharNormalizer& normalizer, std::string_view utf8_lines) {
  ensure_hashed();
  std::size_t pos = 0;
  while (pos < utf8_lines.size()) {
    std::size_t end = utf8_lines.find('\n', pos);
    if (end == std::string_view::npos) end = utf8_lines.size();
    const std::string_view line = utf8_lines.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty() || line[0] == '#') continue;
    // Most list words need no normalization: checking is cheaper than normalizing.
    const std::u16string word = utf8_to_utf16(line);
    if (normalizer.is_unchanged(word)) insert_word(word);
    else insert_word(normalizer.normalize_plain(word));
  }
}

void Lexicon::ensure_hashed() const {
  if (hashed_) return;
  words_.reserve(prebuilt_words_.size());
  after_article_.reserve(prebuilt_after_article_.size());
  prebuilt_words_.for_each([&](std::string_view w) { insert_word(utf8_to_utf16(w)); });
  prebuilt_words_ = SortedWordList();
  prebuilt_after_article_ = SortedWordList();
  hashed_ = true;
}

std::string Lexicon::serialize() const {
  ensure_hashed();
  std::string out = "# Mirsad lexicon: normalized words (see wasm/core/analysis/lexicon.hpp)";
  const auto section = [&](std::string_view line, const std::string& lines) {
    out.append(line);
    out.append(lines);
    if (!lines.empty()) out.pop_back();  // the next section line brings its own line break
  };
  section(kWordsSection, sorted_lines(words_));
  section(kAfterArticleSection, sorted_lines(after_article_));
  section(kStopwordsSection, sorted_lines(stopwords_));
  out += '\n';
  return out;
}

bool Lexicon::add_serialized(std::string_view text) {
  Sections sections;
  if (!split_sections(text, sections)) return false;
  SortedWordList check;
  if (!check.assign(sections.words)) return false;
  ensure_hashed();
  words_.reserve(words_.size() + check.size());
  each_word(sections.words, [&](const std::u16string& w) { insert_word(w); });
  each_word(sections.stopwords, [&](const std::u16string& w) { add_stopword(w); });
  return true;
}

bool Lexicon::adopt_prebuilt(std::string_view text) {
  if (size() != 0 || stopword_count() != 0) return false;
  Sections sections;
  if (!split_sections(text, sections)) return false;
  SortedWordList words, after_article;
  if (!words.assign(sections.words) || !after_article.assign(sections.after_article)) return false;
  prebuilt_words_ = std::move(words);
  prebuilt_after_article_ = std::move(after_article);
  each_word(sections.stopwords, [&](const std::u16string& w) { add_stopword(w); });
  hashed_ = prebuilt_words_.empty();
  lookups_ = 0;
  return true;
}

}  // namespace mirsad
