// libFuzzer target for reading a built site's pages: the first byte picks the article selector
// (or none), the rest is the page, loaded as .html through JsonApi::load_file as the CLI and the
// page load it. The contract is the corpus loader's (corpus_loader_check.hpp): a JSON report,
// every added document kept, well-formed UTF-16; and the page reader itself never reads past the
// bytes or recurses on the markup's depth (a page nested 60,000 levels deep is fine).
#include <cstddef>
#include <cstdint>
#include <string>

#include "corpus/html_page.hpp"
#include "corpus_loader_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  if (size == 0 || size > 1 << 16) return 0;
  static const char* const kSelectors[] = {"", "article", ".story", "#content", "[data-body]", "[data-kind=news]", "main.x#y"};
  const char* selector = kSelectors[data[0] % (sizeof kSelectors / sizeof kSelectors[0])];
  const std::string page(reinterpret_cast<const char*>(data) + 1, size - 1);
  mirsad::HtmlOptions options;
  if (*selector) options.body = mirsad::parse_simple_selector(selector, nullptr);
  mirsad::read_html_page(page, options);
  mirsad::parse_simple_selector(page.substr(0, 64), nullptr);
  mirsad::fuzz::load_and_check_file("site/page.html", page, std::string("{\"selector\":\"") + selector + "\"}");
  return 0;
}
