#include "corpus/html_page.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <vector>

namespace mirsad {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The named references news pages use. The HTML standard has 2,231; one not listed here is kept
// as written, which is what a browser does with an unknown name too.
struct NamedReference {
  std::string_view name;
  uint32_t code_point;
};
constexpr std::array<NamedReference, 32> kNamedReferences{{
    {"amp", '&'},       {"lt", '<'},         {"gt", '>'},         {"quot", '"'},       {"apos", '\''},
    {"nbsp", ' '},      {"copy", 0xA9},      {"reg", 0xAE},       {"hellip", 0x2026},  {"mdash", 0x2014},
    {"ndash", 0x2013},  {"lsquo", 0x2018},   {"rsquo", 0x2019},   {"ldquo", 0x201C},   {"rdquo", 0x201D},
    {"laquo", 0xAB},    {"raquo", 0xBB},     {"middot", 0xB7},    {"bull", 0x2022},    {"times", 0xD7},
    {"zwnj", 0x200C},   {"zwj", 0x200D},     {"lrm", 0x200E},     {"rlm", 0x200F},     {"shy", 0xAD},
    {"deg", 0xB0},      {"trade", 0x2122},   {"euro", 0x20AC},    {"thinsp", 0x2009},  {"ensp", 0x2002},
    {"emsp", 0x2003},   {"sect", 0xA7},
}};

// Character references decoded (&amp; &#1604; &#x644;); a malformed one is kept as written.
std::string decode_references(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] != '&') {
      out += s[i++];
      continue;
    }
    std::size_t j = i + 1;
    if (j < s.size() && s[j] == '#') {
      ++j;
      const bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
      if (hex) ++j;
      const std::size_t digits_start = j;
      uint32_t cp = 0;
      for (; j < s.size() && j - digits_start < 8; ++j) {
        const char c = s[j];
        int v = -1;
        if (c >= '0' && c <= '9') v = c - '0';
        else if (hex && lower(c) >= 'a' && lower(c) <= 'f') v = lower(c) - 'a' + 10;
        if (v < 0) break;
        cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(v);
      }
      if (j == digits_start) {
        out += s[i++];
        continue;
      }
      while (j < s.size() && ((s[j] >= '0' && s[j] <= '9') || (hex && std::isxdigit(static_cast<unsigned char>(s[j]))))) {
        cp = 0x110000;  // more digits than any code point has
        ++j;
      }
      if (j < s.size() && s[j] == ';') ++j;
      append_utf8(out, cp);
      i = j;
      continue;
    }
    while (j < s.size() && j - i <= 8 && (is_ascii_letter(s[j]) || (s[j] >= '0' && s[j] <= '9'))) ++j;
    const std::string_view name = s.substr(i + 1, j - i - 1);
    const auto known = std::find_if(kNamedReferences.begin(), kNamedReferences.end(),
                                    [&](const NamedReference& r) { return r.name == name; });
    if (name.empty() || known == kNamedReferences.end()) {
      out += s[i++];
      continue;
    }
    if (j < s.size() && s[j] == ';') ++j;
    append_utf8(out, known->code_point);
    i = j;
  }
  return out;
}

struct Attribute {
  std::string name;  // lower case
  std::string value;  // references decoded
};

struct Token {
  enum class Kind { Text, Start, End } kind = Kind::Text;
  std::string name;  // Start, End: lower case
  std::vector<Attribute> attributes;
  std::string text;  // Text: references decoded
  std::size_t end = 0;  // Start: the index just past the element (its end tag included)

  const std::string* attribute(std::string_view wanted) const {
    for (const Attribute& a : attributes) {
      if (a.name == wanted) return &a.value;
    }
    return nullptr;
  }
};

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_void(std::string_view name) {
  return one_of(name, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
                       "param", "keygen"});
}

// Elements whose content is not markup: read as text up to their end tag.
bool is_raw_text(std::string_view name) {
  return one_of(name, {"script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea", "title", "plaintext"});
}

bool is_block(std::string_view name) {
  return one_of(name, {"address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption",
                       "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p",
                       "pre", "section", "summary", "table", "td", "th", "tr", "ul", "caption"});
}

// Never part of an article's text, wherever they are.
bool is_left_out(const Token& t) {
  return one_of(t.name, {"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "canvas", "select",
                         "textarea", "button", "nav", "aside", "footer", "audio", "video", "head", "title"}) ||
         t.attribute("data-mirsad-ignore") != nullptr || t.attribute("hidden") != nullptr;
}

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view html) : s_(html) {}

  std::vector<Token> run() {
    while (i_ < s_.size()) {
      const std::size_t lt = s_.find('<', i_);
      if (lt == std::string_view::npos) {
        text(s_.substr(i_));
        break;
      }
      if (lt > i_) text(s_.substr(i_, lt - i_));
      i_ = lt;
      markup();
    }
    close_all();
    return std::move(tokens_);
  }

 private:
  void text(std::string_view raw) {
    if (!tokens_.empty() && tokens_.back().kind == Token::Kind::Text) {
      tokens_.back().text += decode_references(raw);
      return;
    }
    Token t;
    t.text = decode_references(raw);
    tokens_.push_back(std::move(t));
  }

  std::string_view name_at(std::size_t& j) const {
    const std::size_t start = j;
    while (j < s_.size() && !is_space(s_[j]) && s_[j] != '/' && s_[j] != '>') ++j;
    return s_.substr(start, j - start);
  }

  void skip_past(std::string_view end_marker) {
    const std::size_t e = s_.find(end_marker, i_);
    i_ = e == std::string_view::npos ? s_.size() : e + end_marker.size();
  }

  void markup() {
    const std::string_view rest = s_.substr(i_);
    if (rest.substr(0, 4) == "<!--") {
      i_ += 4;
      return skip_past("-->");
    }
    if (rest.size() >= 2 && (rest[1] == '!' || rest[1] == '?')) return skip_past(">");
    if (rest.size() >= 3 && rest[1] == '/' && is_ascii_letter(rest[2])) {
      std::size_t j = i_ + 2;
      const std::string name = lowered(name_at(j));
      i_ = j;
      skip_past(">");
      return end_tag(name);
    }
    if (rest.size() >= 2 && is_ascii_letter(rest[1])) return start_tag();
    text(s_.substr(i_, 1));  // a '<' that opens nothing
    ++i_;
  }

  void start_tag() {
    std::size_t j = i_ + 1;
    Token t;
    t.kind = Token::Kind::Start;
    t.name = lowered(name_at(j));
    bool self_closing = false;
    while (j < s_.size() && s_[j] != '>') {
      if (is_space(s_[j]) || s_[j] == '/') {
        self_closing = s_[j] == '/';
        ++j;
        continue;
      }
      self_closing = false;
      const std::size_t name_start = j;
      while (j < s_.size() && !is_space(s_[j]) && s_[j] != '/' && s_[j] != '>' && (s_[j] != '=' || j == name_start)) ++j;
      Attribute a;
      a.name = lowered(s_.substr(name_start, j - name_start));
      while (j < s_.size() && is_space(s_[j])) ++j;
      if (j < s_.size() && s_[j] == '=') {
        ++j;
        while (j < s_.size() && is_space(s_[j])) ++j;
        std::size_t value_start = j, value_end = j;
        if (j < s_.size() && (s_[j] == '"' || s_[j] == '\'')) {
          const std::size_t close = s_.find(s_[j], j + 1);
          value_start = j + 1;
          value_end = close == std::string_view::npos ? s_.size() : close;
          j = close == std::string_view::npos ? s_.size() : close + 1;
        } else {
          while (j < s_.size() && !is_space(s_[j]) && s_[j] != '>') ++j;
          value_end = j;
        }
        a.value = decode_references(s_.substr(value_start, value_end - value_start));
      }
      if (t.attributes.size() < 64) t.attributes.push_back(std::move(a));
    }
    i_ = std::min(j + 1, s_.size());
    const std::size_t index = tokens_.size();
    const std::string name = t.name;
    tokens_.push_back(std::move(t));
    if (is_void(name) || self_closing) {
      tokens_[index].end = index + 1;
      return;
    }
    open_.push_back(index);
    if (!is_raw_text(name)) return;
    // Its content runs to the first "</name" (any case); script and style text is kept out later.
    std::size_t k = i_;
    std::size_t close = s_.size();
    while ((k = s_.find("</", k)) != std::string_view::npos) {
      if (lowered(s_.substr(k + 2, name.size())) == name) {
        close = k;
        break;
      }
      k += 2;
    }
    if (name != "plaintext" && close > i_) {
      Token content;
      content.text = (name == "title" || name == "textarea") ? decode_references(s_.substr(i_, close - i_))
                                                             : std::string(s_.substr(i_, close - i_));
      tokens_.push_back(std::move(content));
    }
    i_ = close;
    if (i_ < s_.size()) {
      i_ += 2 + name.size();
      skip_past(">");
      end_tag(name);
    }
  }

  void end_tag(const std::string& name) {
    const auto match = std::find_if(open_.rbegin(), open_.rend(), [&](std::size_t k) { return tokens_[k].name == name; });
    if (match == open_.rend()) return;  // a stray end tag closes nothing
    Token t;
    t.kind = Token::Kind::End;
    t.name = name;
    tokens_.push_back(std::move(t));
    // Elements left open inside it end where it ends.
    const std::size_t keep = static_cast<std::size_t>(open_.rend() - match) - 1;
    for (std::size_t k = keep; k < open_.size(); ++k) tokens_[open_[k]].end = tokens_.size();
    open_.resize(keep);
  }

  void close_all() {
    for (std::size_t k : open_) tokens_[k].end = tokens_.size();
    open_.clear();
  }

  std::string_view s_;
  std::size_t i_ = 0;
  std::vector<Token> tokens_;
  std::vector<std::size_t> open_;
};

bool matches(const Token& t, const SimpleSelector& sel) {
  if (t.kind != Token::Kind::Start) return false;
  if (!sel.tag.empty() && t.name != sel.tag) return false;
  if (!sel.id.empty()) {
    const std::string* id = t.attribute("id");
    if (!id || *id != sel.id) return false;
  }
  if (!sel.class_name.empty()) {
    const std::string* classes = t.attribute("class");
    if (!classes) return false;
    bool found = false;
    for (std::size_t k = 0; k < classes->size() && !found;) {
      while (k < classes->size() && is_space((*classes)[k])) ++k;
      const std::size_t start = k;
      while (k < classes->size() && !is_space((*classes)[k])) ++k;
      found = classes->compare(start, k - start, sel.class_name) == 0 && k > start;
    }
    if (!found) return false;
  }
  if (!sel.attribute.empty()) {
    const std::string* value = t.attribute(sel.attribute);
    if (!value || (sel.attribute_value && *value != *sel.attribute_value)) return false;
  }
  return true;
}

// Text with its whitespace collapsed: one space between words, one '\n' between blocks.
class TextCollector {
 public:
  void add(std::string_view s) {
    for (char c : s) {
      if (is_space(c)) {
        pending_space_ = true;
        continue;
      }
      if (pending_space_ && !out_.empty() && out_.back() != '\n') out_ += ' ';
      pending_space_ = false;
      out_ += c;
    }
  }
  void block() {
    if (!out_.empty() && out_.back() != '\n') out_ += '\n';
    pending_space_ = false;
  }
  std::string take() {
    while (!out_.empty() && out_.back() == '\n') out_.pop_back();
    return std::move(out_);
  }

 private:
  std::string out_;
  bool pending_space_ = false;
};

// The text of tokens[from, to), with what never belongs to an article left out.
std::string text_between(const std::vector<Token>& tokens, std::size_t from, std::size_t to, bool leave_out_header) {
  TextCollector text;
  for (std::size_t i = from; i < to && i < tokens.size();) {
    const Token& t = tokens[i];
    if (t.kind == Token::Kind::Text) {
      text.add(t.text);
    } else if (t.kind == Token::Kind::Start && (is_left_out(t) || (leave_out_header && t.name == "header"))) {
      i = std::max(t.end, i + 1);
      continue;
    } else if (is_block(t.name)) {
      text.block();
    }
    ++i;
  }
  return text.take();
}

std::string element_text(const std::vector<Token>& tokens, std::size_t at) {
  std::string text = text_between(tokens, at + 1, tokens[at].end, false);
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

std::optional<std::size_t> first_element(const std::vector<Token>& tokens, std::size_t from, std::size_t to,
                                         const SimpleSelector& sel) {
  for (std::size_t i = from; i < to && i < tokens.size(); ++i) {
    if (matches(tokens[i], sel)) return i;
  }
  return std::nullopt;
}

SimpleSelector tag_selector(std::string tag) {
  SimpleSelector s;
  s.tag = std::move(tag);
  return s;
}

SimpleSelector attribute_selector(std::string attribute) {
  SimpleSelector s;
  s.attribute = std::move(attribute);
  return s;
}

std::string trimmed(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

// The charset a page declares (<meta charset> or http-equiv Content-Type), lower case.
std::string declared_charset(const Token& meta) {
  if (const std::string* c = meta.attribute("charset")) return lowered(trimmed(*c));
  const std::string* equiv = meta.attribute("http-equiv");
  const std::string* content = meta.attribute("content");
  if (!equiv || !content || lowered(trimmed(*equiv)) != "content-type") return "";
  const std::string lower_content = lowered(*content);
  const auto at = lower_content.find("charset=");
  if (at == std::string::npos) return "";
  std::string value = lower_content.substr(at + 8);
  value.erase(std::remove(value.begin(), value.end(), '"'), value.end());
  const auto end = value.find_first_of("; \t");
  return trimmed(value.substr(0, end));
}

// An absolute http(s) URL without spaces or controls: what a page may name as its own address.
bool is_web_url(std::string_view s) {
  const std::string l = lowered(s.substr(0, 8));
  if (l.rfind("http://", 0) != 0 && l.rfind("https://", 0) != 0) return false;
  return std::none_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == '"' || c == '<' || c == '>'; });
}

bool is_ident_char(char c) {
  return is_ascii_letter(c) || (c >= '0' && c <= '9') || c == '-' || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

}  // namespace

std::optional<SimpleSelector> parse_simple_selector(std::string_view text, std::string* error) {
  const auto fail = [&](const std::string& why) -> std::optional<SimpleSelector> {
    if (error) *error = "selector \"" + std::string(text) + "\": " + why;
    return std::nullopt;
  };
  const std::string s = trimmed(text);
  if (s.empty()) return fail("empty");
  SimpleSelector sel;
  std::size_t i = 0;
  const auto ident = [&]() {
    const std::size_t start = i;
    while (i < s.size() && is_ident_char(s[i])) ++i;
    return s.substr(start, i - start);
  };
  if (is_ascii_letter(s[0])) sel.tag = lowered(ident());
  else if (s[0] == '*') ++i;
  while (i < s.size()) {
    const char c = s[i++];
    if (c == '#' || c == '.') {
      std::string& field = c == '#' ? sel.id : sel.class_name;
      if (!field.empty()) return fail(std::string("only one ") + (c == '#' ? "#id" : ".class") + " is supported");
      field = ident();
      if (field.empty()) return fail(std::string("a name must follow '") + c + "'");
    } else if (c == '[') {
      if (!sel.attribute.empty()) return fail("only one [attribute] is supported");
      while (i < s.size() && is_space(s[i])) ++i;
      sel.attribute = lowered(ident());
      if (sel.attribute.empty()) return fail("an attribute name must follow '['");
      while (i < s.size() && is_space(s[i])) ++i;
      if (i < s.size() && s[i] == '=') {
        ++i;
        while (i < s.size() && is_space(s[i])) ++i;
        if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
          const auto close = s.find(s[i], i + 1);
          if (close == std::string::npos) return fail("unclosed quote");
          sel.attribute_value = s.substr(i + 1, close - i - 1);
          i = close + 1;
        } else {
          sel.attribute_value = ident();
        }
        while (i < s.size() && is_space(s[i])) ++i;
      }
      if (i >= s.size() || s[i] != ']') return fail("expected ']'");
      ++i;
    } else if (is_space(c) || c == '>' || c == '+' || c == '~' || c == ',') {
      return fail("combinators and lists are not supported: name the article's element itself (tag, #id, .class, [attribute])");
    } else {
      return fail(std::string("unexpected '") + c + "'");
    }
  }
  return sel;
}

HtmlPage read_html_page(std::string_view html, const HtmlOptions& options) {
  const std::vector<Token> tokens = Tokenizer(html).run();
  HtmlPage page;

  std::string title_element_text, published, meta_date, og_url;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.kind != Token::Kind::Start) continue;
    if (t.name == "link" && page.canonical.empty()) {
      const std::string* rel = t.attribute("rel");
      const std::string* href = t.attribute("href");
      if (rel && href && lowered(trimmed(*rel)) == "canonical" && is_web_url(trimmed(*href))) page.canonical = trimmed(*href);
    }
    if (t.name == "meta") {
      const std::string charset = declared_charset(t);
      if (!charset.empty() && charset != "utf-8" && charset != "utf8" && page.charset.empty()) page.charset = charset;
      const std::string* content = t.attribute("content");
      if (!content) continue;
      std::string key;
      for (const char* attr : {"property", "name", "itemprop"}) {
        if (const std::string* k = t.attribute(attr)) key = lowered(trimmed(*k));
        if (!key.empty()) break;
      }
      if (key == "og:site_name" && page.source.empty()) page.source = trimmed(*content);
      if (key == "og:url" && og_url.empty() && is_web_url(trimmed(*content))) og_url = trimmed(*content);
      if ((key == "article:published_time" || key == "datepublished") && published.empty()) published = trimmed(*content);
      if ((key == "date" || key == "pubdate" || key == "publishdate" || key == "dc.date") && meta_date.empty()) {
        meta_date = trimmed(*content);
      }
    } else if (t.name == "title" && title_element_text.empty()) {
      title_element_text = element_text(tokens, i);
    }
  }

  if (page.canonical.empty()) page.canonical = og_url;

  // The article.
  std::optional<std::size_t> body;
  bool whole_body = false;
  if (options.body) {
    body = first_element(tokens, 0, tokens.size(), *options.body);
  } else {
    body = first_element(tokens, 0, tokens.size(), attribute_selector("data-mirsad-body"));
    if (!body) body = first_element(tokens, 0, tokens.size(), tag_selector("article"));
    if (!body) body = first_element(tokens, 0, tokens.size(), tag_selector("main"));
    if (!body) {
      body = first_element(tokens, 0, tokens.size(), tag_selector("body"));
      whole_body = true;
    }
  }
  page.body_found = body.has_value() || !options.body;
  if (!page.body_found) return page;
  const std::size_t from = body ? *body + 1 : 0;
  const std::size_t to = body ? tokens[*body].end : tokens.size();
  page.text = text_between(tokens, from, to, whole_body);

  if (auto marked = first_element(tokens, 0, tokens.size(), attribute_selector("data-mirsad-title"))) {
    page.title = element_text(tokens, *marked);
  }
  if (page.title.empty()) {
    if (auto h1 = first_element(tokens, from, to, tag_selector("h1"))) page.title = element_text(tokens, *h1);
  }
  if (page.title.empty()) {
    if (auto h1 = first_element(tokens, 0, tokens.size(), tag_selector("h1"))) page.title = element_text(tokens, *h1);
  }
  if (page.title.empty()) page.title = title_element_text;

  page.date = !published.empty() ? published : meta_date;
  if (page.date.empty()) {
    for (std::size_t i = from; i < to; ++i) {
      const Token& t = tokens[i];
      if (t.kind != Token::Kind::Start || t.name != "time") continue;
      if (const std::string* when = t.attribute("datetime"); when && !trimmed(*when).empty()) {
        page.date = trimmed(*when);
        break;
      }
    }
  }
  return page;
}

}  // namespace mirsad
