#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace mirsad {

// Which element of a page holds the article, as a simple CSS selector: a tag, #id, .class,
// [attribute] or [attribute=value], or several of them joined (div.story[data-kind=news]). No
// combinators: a built site marks its article body with one element, as Pagefind's
// data-pagefind-body does.
struct SimpleSelector {
  std::string tag;  // lower case; "" for any
  std::string id;
  std::string class_name;
  std::string attribute;  // lower case
  std::optional<std::string> attribute_value;
};

// Parses `text`; nullopt (and `error` for people) when it is not a simple selector.
std::optional<SimpleSelector> parse_simple_selector(std::string_view text, std::string* error);

// How the pages of a built site become documents.
struct HtmlOptions {
  std::optional<SimpleSelector> body;  // the article element; unset: the default order below
  std::string url_prefix = "/";        // prepended to the page's path to make its link
};

// What a page says about its article. All text is UTF-8, entities decoded, whitespace collapsed.
struct HtmlPage {
  std::string title;
  std::string text;     // the article's text, one line per block (paragraph, heading, list item)
  std::string date;     // as the page wrote it (a <meta> or <time datetime>), not yet normalised
  std::string source;   // <meta property="og:site_name">
  std::string canonical;  // <link rel="canonical"> or og:url when it is an absolute http(s) URL, else 
  std::string charset;  // the charset the page declares when it is not UTF-8 (lower case), else ""
  bool body_found = false;  // false: the selector matched nothing (the page has no article)
};

// Reads one page. The article is the first element matching options.body when it is given;
// otherwise the first [data-mirsad-body], else the first <article>, else <main>, else <body> (then
// without its <header>), else the whole page. Inside it, scripts, styles, forms' controls, embedded
// media, <nav>, <aside>, <footer> and anything marked data-mirsad-ignore or hidden are left out.
// The title is the first [data-mirsad-title], else the article's first <h1>, else the page's
// first <h1>, else <title>. The date is article:published_time, datePublished or a "date" <meta>,
// else the article's first <time datetime>. Malformed markup never fails: unclosed elements end
// with the page, stray end tags are ignored, as a browser would.
HtmlPage read_html_page(std::string_view html, const HtmlOptions& options);

}  // namespace mirsad
