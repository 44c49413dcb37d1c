#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api/json_api.hpp"
#include "corpus/corpus_loader.hpp"
#include "corpus/html_page.hpp"
#include "test_support.hpp"

using namespace mirsad;
using namespace mirsad::test;
using nlohmann::json;

namespace {

// A news site's article page as static site generators write them: navigation, a header, the
// article with its own header, scripts and a footer around it.
constexpr const char* kArticlePage = R"(<!DOCTYPE html>
<html lang="ar" dir="rtl"><head>
<meta charset="utf-8">
<title>ليبيا وتونس تبحثان التنسيق الأمني | صحيفة المرصد</title>
<meta property="og:site_name" content="صحيفة المرصد">
<meta property="article:published_time" content="2015-07-14T09:30:00+03:00">
<style>body { color: red } /* </div> */</style>
<script>var s = "<article>لا تفهرسني</article>"; if (a < b) {}</script>
</head><body>
<header class="site"><a href="/">الرئيسية</a></header>
<nav><ul><li><a href="/sport">رياضة</a></li></ul></nav>
<article class="story">
  <h1>ليبيا وتونس تبحثان   التنسيق الأمني</h1>
  <time datetime="2015-07-13">أمس</time>
  <p>بحث وزير الخارجية الليبي مع نظيره التونسي&nbsp;سبل التعاون &amp; التنسيق.</p>
  <p>وقال الوزير: &laquo;الأمن مسؤولية مشتركة&raquo;&#x2E;<br>وأضاف أن &#1604;&#1610;&#1576;&#1610;&#1575; ستتعاون.</p>
  <aside>اقرأ أيضا: خبر آخر</aside>
  <div data-mirsad-ignore>شارك المقال</div>
  <button>اطبع</button>
</article>
<footer>جميع الحقوق محفوظة</footer>
</body></html>)";

HtmlPage read(std::string_view html, const HtmlOptions& options = {}) { return read_html_page(html, options); }

}  // namespace

TEST(HtmlPage, TheArticleIsTakenWithoutTheSiteAroundIt) {
  const HtmlPage page = read(kArticlePage);
  EXPECT_EQ(page.title, "ليبيا وتونس تبحثان التنسيق الأمني");  // the article's h1, whitespace collapsed
  EXPECT_EQ(page.text,
            "ليبيا وتونس تبحثان التنسيق الأمني\n"
            "أمس\n"
            "بحث وزير الخارجية الليبي مع نظيره التونسي سبل التعاون & التنسيق.\n"
            "وقال الوزير: «الأمن مسؤولية مشتركة».\n"
            "وأضاف أن ليبيا ستتعاون.");
  EXPECT_EQ(page.date, "2015-07-14T09:30:00+03:00");  // the meta, before the article's <time>
  EXPECT_EQ(page.source, "صحيفة المرصد");
  EXPECT_EQ(page.charset, "");
  EXPECT_TRUE(page.body_found);
}

TEST(HtmlPage, TheArticleElementIsFoundInOrder) {
  // data-mirsad-body first, then <article>, <main>, <body> (without its header), the whole page.
  EXPECT_EQ(read("<article>أ</article><div data-mirsad-body>ب</div>").text, "ب");
  EXPECT_EQ(read("<main>أ</main><article>ب</article>").text, "ب");
  EXPECT_EQ(read("<body><header>ترويسة</header><main>أ</main></body>").text, "أ");
  EXPECT_EQ(read("<body><header>ترويسة</header><p>أ</p><footer>ذيل</footer></body>").text, "أ");
  EXPECT_EQ(read("نص بلا وسوم").text, "نص بلا وسوم");
  // Title: data-mirsad-title, the article's h1, any h1, <title>.
  EXPECT_EQ(read("<title>ع</title><h1>أ</h1><article><h1>ب</h1></article><p data-mirsad-title>ج</p>").title, "ج");
  EXPECT_EQ(read("<title>ع</title><h1>أ</h1><article><h1>ب</h1></article>").title, "ب");
  EXPECT_EQ(read("<title>ع</title><h1>أ</h1><article>نص</article>").title, "أ");
  EXPECT_EQ(read("<title>ع &amp; غ</title><article>نص</article>").title, "ع & غ");
  // Date: the article's first <time datetime> when no meta gives one.
  EXPECT_EQ(read("<time datetime='2015-01-01'>x</time><article><time>بلا</time><time datetime='2015-07-13'>أمس</time></article>").date,
            "2015-07-13");
  EXPECT_EQ(read("<meta name=date content='25/07/2015'><article>نص</article>").date, "25/07/2015");
}

TEST(HtmlPage, ASelectorNamesTheArticle) {
  std::string error;
  HtmlOptions options;
  options.body = parse_simple_selector("div.story-body", &error);
  ASSERT_TRUE(options.body) << error;
  EXPECT_EQ(read("<article>أ</article><div class='x story-body y'>ب</div><div class=story-body>ج</div>", options).text, "ب");
  options.body = parse_simple_selector("#content", &error);
  EXPECT_EQ(read("<div id=content2>أ</div><section id=\"content\">ب</section>", options).text, "ب");
  options.body = parse_simple_selector("[data-role=article]", &error);
  EXPECT_EQ(read("<div data-role=nav>أ</div><div data-role='article'>ب</div>", options).text, "ب");
  options.body = parse_simple_selector("[itemprop]", &error);
  EXPECT_EQ(read("<div>أ</div><div itemprop=articleBody>ب</div>", options).text, "ب");
  // No element matches: the page has no article (not the whole page by default).
  const HtmlPage none = read("<article>أ</article>", options);
  EXPECT_FALSE(none.body_found);
  EXPECT_EQ(none.text, "");

  for (const char* bad : {"", "div p", "div > p", "a, b", ".", "#", "[x", "div.a.b", "[x='y]", "p:first-child"}) {
    error.clear();
    EXPECT_FALSE(parse_simple_selector(bad, &error)) << bad;
    EXPECT_FALSE(error.empty()) << bad;
  }
}

TEST(HtmlPage, MalformedMarkupNeverFailsAndScriptsNeverBecomeText) {
  // Unclosed elements end with the page; a stray end tag closes nothing; a '<' that opens no tag
  // is text; an unterminated comment or script swallows the rest, as in a browser.
  EXPECT_EQ(read("<article><p>أ<p>ب<div>ج").text, "أ\nب\nج");
  EXPECT_EQ(read("<article>أ</span></div>ب</article>ج").text, "أب");
  EXPECT_EQ(read("<article>3 < 5 و a<b</article>").text, "3 < 5 و a");
  EXPECT_EQ(read("<article>أ<!-- تعليق").text, "أ");
  EXPECT_EQ(read("<article>أ<script>document.write('<p>ب</p>')").text, "أ");
  EXPECT_EQ(read("<article>أ<ScRiPt>x</SCRIPT >ب</article>").text, "أب");
  EXPECT_EQ(read("<article title='a > b'>أ</article>").text, "أ");
  EXPECT_EQ(read("<article>أ<img src=x onerror=alert(1)>ب<svg><text>ج</text></svg></article>").text, "أب");
  // Character references: numeric out of range → U+FFFD; unknown names kept as written.
  EXPECT_EQ(read("<article>&#0;&#x110000;&#99999999999;&bogus; &amp &lt;b&gt;</article>").text,
            "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD&bogus; & <b>");
  EXPECT_EQ(read("").text, "");
  EXPECT_EQ(read("<").text, "<");
  EXPECT_EQ(read("<a").text, "");
  EXPECT_EQ(read("<a href='").text, "");
  EXPECT_EQ(read("</").text, "</");
}

TEST(HtmlPage, APageInAnotherCharsetIsRefusedWithItsName) {
  EXPECT_EQ(read("<meta charset=\"windows-1256\"><p>x</p>").charset, "windows-1256");
  EXPECT_EQ(read("<meta http-equiv=Content-Type content='text/html; charset=ISO-8859-6'>").charset, "iso-8859-6");
  EXPECT_EQ(read("<meta charset=UTF-8>").charset, "");
  const LoadResult r = CorpusLoader::from_file("old/page.html", "<meta charset=windows-1256><article>\xe1\xed\xc8\xed\xc7</article>");
  EXPECT_TRUE(r.documents.empty());
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].code, "unsupported_charset");
  EXPECT_EQ(r.warnings[0].source, "old/page.html");
}

TEST(HtmlPage, APageBecomesADocumentWithItsPathAsLink) {
  LoadResult r = CorpusLoader::from_file("news/2015/libya.html", kArticlePage);
  ASSERT_EQ(r.documents.size(), 1u);
  const Document& d = r.documents[0];
  EXPECT_EQ(d.id, "news/2015/libya.html");
  EXPECT_EQ(d.url, "/news/2015/libya.html");
  EXPECT_EQ(d.title, "ليبيا وتونس تبحثان التنسيق الأمني");
  EXPECT_EQ(d.date, "2015-07-14T09:30:00+03:00");
  EXPECT_EQ(d.source, "صحيفة المرصد");
  EXPECT_EQ(d.text.substr(0, 5), u"ليبيا");

  HtmlOptions site;
  site.url_prefix = "https://example.org/archive/";
  r = CorpusLoader::from_file("news/index.html", kArticlePage, {}, site);
  EXPECT_EQ(r.documents.at(0).url, "https://example.org/archive/news/");
  r = CorpusLoader::from_file("INDEX.HTM", kArticlePage, {}, site);
  EXPECT_EQ(r.documents.at(0).url, "https://example.org/archive/");
  r = CorpusLoader::from_file("myindex.html", kArticlePage, {}, site);
  EXPECT_EQ(r.documents.at(0).url, "https://example.org/archive/myindex.html");

  // The address the page gives itself wins: rel=canonical, else og:url; only absolute http(s).
  r = CorpusLoader::from_file("saved.html", "<link rel=canonical href='https://news.example/a/1'><meta property=og:url content='https://x/2'><article>نص</article>");
  EXPECT_EQ(r.documents.at(0).url, "https://news.example/a/1");
  r = CorpusLoader::from_file("saved.html", "<meta property='og:url' content='https://news.example/a/2'><article>نص</article>");
  EXPECT_EQ(r.documents.at(0).url, "https://news.example/a/2");
  r = CorpusLoader::from_file("saved.html", "<link rel=canonical href='javascript:alert(1)'><link rel=canonical href='/rel'><article>نص</article>");
  EXPECT_EQ(r.documents.at(0).url, "/saved.html");

  // A page whose article is empty, and one without the selector's element, are refused by name.
  r = CorpusLoader::from_file("empty.html", "<article><script>x()</script></article>");
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].code, "empty_file");
  HtmlOptions strict;
  strict.body = parse_simple_selector(".story", nullptr);
  r = CorpusLoader::from_file("list.html", "<article>قائمة</article>", {}, strict);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].code, "no_article");
  // A date in no known form is kept as written and said.
  r = CorpusLoader::from_file("d.html", "<meta name=date content='منذ ساعة'><article>نص</article>");
  EXPECT_EQ(r.documents.at(0).date, "منذ ساعة");
  EXPECT_EQ(r.warnings.at(0).code, "date_kept");
}

TEST(HtmlPage, TheApiTakesOptionsAndRecordsKeepTheirUrl) {
  JsonApi api;
  EXPECT_NE(json::parse(api.set_html_options(R"({"selector":"div p"})")).value("error", ""), "");
  EXPECT_NE(json::parse(api.set_html_options(R"({"colour":"red"})")).value("error", ""), "");
  EXPECT_NE(json::parse(api.set_html_options("[")).value("error", ""), "");
  EXPECT_EQ(api.set_html_options(R"({"selector":".story","url_prefix":"https://x.org/"})"), R"({"ok":true})");
  json report = json::parse(api.load_file("a/b.html", kArticlePage));
  EXPECT_EQ(report["added"], 1) << report.dump();
  report = json::parse(api.load_file("c.jsonl", R"({"id":"r1","text":"ليبيا","link":"https://example.org/r1"})"));
  EXPECT_EQ(report["added"], 1) << report.dump();
  const json docs = json::parse(api.documents());
  EXPECT_EQ(docs[0]["url"], "https://x.org/a/b.html");
  EXPECT_EQ(docs[1]["url"], "https://example.org/r1");
  const json hits = json::parse(api.search(u16("ليبيا"), "word", 10, false, false))["hits"];
  EXPECT_EQ(hits.size(), 2u);
}
