#include "analysis/lexicon.hpp"

#include <algorithm>
#include <vector>

#include "text/utf.hpp"

namespace mirsad {
namespace {

constexpr std::u16string_view kArticle = u"\u0627\u0644";

// Section lines. The small sections come first, so finding where the words start reads only
// them; a count on the section line spares counting the words to know how many there are.
constexpr std::string_view kStopwordsSection = "\n=stopwords\n";
constexpr std::string_view kAfterArticleSection = "\n=after_article ";
constexpr std::string_view kWordsSection = "\n=words ";

// A line that would read back as a comment or a section line cannot be written as a word.
bool writable(std::string_view word) {
  return !word.empty() && word[0] != '#' && word[0] != '=' && word.find('\n') == std::string_view::npos;
}

// The words as UTF-8, in byte order, each followed by '\n'; `count` gets their number.
template <typename Set>
std::string sorted_lines(const Set& set, std::size_t& count) {
  std::vector<std::string> words;
  set.for_each([&](std::u16string_view w) {
    std::string u = utf16_to_utf8(w);
    if (writable(u)) words.push_back(std::move(u));
  });
  std::sort(words.begin(), words.end());
  std::string out;
  for (const std::string& w : words) (out += w) += '\n';
  count = words.size();
  return out;
}

// The sections of a serialized lexicon (each word followed by '\n'), with the counts their
// section lines give.
struct Sections {
  std::string_view stopwords, after_article, words;
  std::size_t after_article_count = 0, words_count = 0;
};

// Reads "N\n" at `at`: the count on a section line. Returns where its line ends, or npos.
std::size_t read_count(std::string_view text, std::size_t at, std::size_t& count) {
  const std::size_t end = text.find('\n', at);
  if (end == std::string_view::npos || end == at || end - at > 9) return std::string_view::npos;
  count = 0;
  for (std::size_t i = at; i < end; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::string_view::npos;
    count = count * 10 + static_cast<std::size_t>(text[i] - '0');
  }
  return end;
}

bool split_sections(std::string_view text, Sections& out) {
  const std::size_t s = text.find(kStopwordsSection);
  if (s == std::string_view::npos) return false;
  const std::size_t a = text.find(kAfterArticleSection, s + 1);
  if (a == std::string_view::npos) return false;
  const std::size_t a_end = read_count(text, a + kAfterArticleSection.size(), out.after_article_count);
  if (a_end == std::string_view::npos) return false;
  const std::size_t w = text.find(kWordsSection, a_end);
  if (w == std::string_view::npos) return false;
  const std::size_t w_end = read_count(text, w + kWordsSection.size(), out.words_count);
  if (w_end == std::string_view::npos) return false;
  // A section runs to the '\n' that ends its last word, which the next section line starts with.
  const std::size_t stop_from = s + kStopwordsSection.size();
  out.stopwords = a + 1 > stop_from ? text.substr(stop_from, a + 1 - stop_from) : std::string_view();
  out.after_article = w + 1 > a_end + 1 ? text.substr(a_end + 1, w - a_end) : std::string_view();
  out.words = text.substr(w_end + 1);
  return true;
}

// True if both sorted sections are well formed and hold the counts their lines announce.
bool well_formed(const Sections& sections) {
  std::size_t words = 0, after_article = 0;
  return SortedWordList::sorted(sections.words, words) && words == sections.words_count &&
         SortedWordList::sorted(sections.after_article, after_article) && after_article == sections.after_article_count;
}

// Calls fn(utf16_word) for each line of `lines` that is neither empty nor a '#' comment.
template <typename Fn>
void each_word(std::string_view lines, Fn&& fn) {
  std::size_t from = 0;
  while (from < lines.size()) {
    std::size_t end = lines.find('\n', from);
    if (end == std::string_view::npos) end = lines.size();
    const std::string_view line = lines.substr(from, end - from);
    if (!line.empty() && line[0] != '#') fn(utf8_to_utf16(line));
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
  each_word(utf8_lines, [&](const std::u16string& word) {
    // Most list words need no normalization: checking is cheaper than normalizing.
    if (normalizer.is_unchanged(word)) insert_word(word);
    else insert_word(normalizer.normalize_plain(word));
  });
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
  std::size_t stopwords = 0, after_article = 0, words = 0;
  const std::string stop_lines = sorted_lines(stopwords_, stopwords);
  const std::string after_lines = sorted_lines(after_article_, after_article);
  const std::string word_lines = sorted_lines(words_, words);
  std::string out = "# Mirsad lexicon: normalized words (see wasm/core/analysis/lexicon.hpp)";
  // Each section line starts with the '\n' that ends the line before it, so that '\n' is taken
  // off before the next section line is added.
  out.append(kStopwordsSection);
  out.append(stop_lines);
  out.pop_back();
  out.append(kAfterArticleSection);
  (out += std::to_string(after_article)) += '\n';
  out.append(after_lines);
  out.pop_back();
  out.append(kWordsSection);
  (out += std::to_string(words)) += '\n';
  out.append(word_lines);
  return out;
}

bool Lexicon::add_serialized(std::string_view text) {
  Sections sections;
  if (!split_sections(text, sections) || !well_formed(sections)) return false;
  ensure_hashed();
  words_.reserve(words_.size() + sections.words_count);
  each_word(sections.words, [&](const std::u16string& w) { insert_word(w); });
  each_word(sections.stopwords, [&](const std::u16string& w) { add_stopword(w); });
  return true;
}

bool Lexicon::adopt_prebuilt(std::string_view text) {
  if (size() != 0 || stopword_count() != 0) return false;
  Sections sections;
  if (!split_sections(text, sections)) return false;
  // The sorted sections are taken on trust (no pass over them): the build checked them with
  // add_serialized when it wrote them (wasm/tools/lexicon_main.cpp).
  prebuilt_words_ = SortedWordList(sections.words, sections.words_count);
  prebuilt_after_article_ = SortedWordList(sections.after_article, sections.after_article_count);
  each_word(sections.stopwords, [&](const std::u16string& w) { add_stopword(w); });
  hashed_ = prebuilt_words_.empty();
  lookups_ = 0;
  return true;
}

}  // namespace mirsad
