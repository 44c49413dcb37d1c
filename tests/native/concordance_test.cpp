#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api/json_api.hpp"
#include "test_support.hpp"

using namespace mirsad;
using namespace mirsad::test;
using nlohmann::json;

namespace {

JsonApi& api() {
  static JsonApi instance;
  static const bool filled = [] {
    instance.add_document("a", u16("وصل الوفد إلى ليبيا أمس. ثم غادر ليبيا متجهاً إلى تونس."), "", "", "");
    instance.add_document("b", u16("قالت الحكومة إنّ بليبيا أزمة، وإنّ تونس تراقب."), "", "", "");
    return true;
  }();
  (void)filled;
  return instance;
}

}  // namespace

TEST(Concordance, EveryMatchIsALineWithItsContextCutOnWords) {
  const json c = json::parse(api().concordance(u16("ليبيا"), "word", 100, 2, "document"));
  ASSERT_EQ(c["lines"].size(), 3u);
  EXPECT_EQ(c["matches_total"], 3);
  EXPECT_EQ(c["truncated"], false);
  for (const json& l : c["lines"]) {
    EXPECT_EQ(l["keyword"].get<std::string>().find("ليبيا") != std::string::npos, true);
    // left + keyword + right is a piece of the document as written
    const std::string piece = l["left"].get<std::string>() + l["keyword"].get<std::string>() + l["right"].get<std::string>();
    EXPECT_FALSE(piece.empty());
  }
  const json& first = c["lines"][0];
  EXPECT_EQ(first["left"], "الوفد إلى ");  // two words to the left
  EXPECT_EQ(first["right"], " أمس. ثم");    // two words to the right, punctuation kept as written
}

TEST(Concordance, SortsByTheNearestWordsLeftOrRight) {
  const json left = json::parse(api().concordance(u16("ليبيا"), "word", 100, 3, "left"));
  std::vector<std::string> nearest_left;
  for (const json& l : left["lines"]) {
    std::string s = l["left"];
    while (!s.empty() && s.back() == ' ') s.pop_back();
    nearest_left.push_back(s.substr(s.rfind(' ') == std::string::npos ? 0 : s.rfind(' ') + 1));
  }
  const json right = json::parse(api().concordance(u16("ليبيا"), "word", 100, 3, "right"));
  ASSERT_EQ(right["lines"].size(), 3u);
  EXPECT_EQ(right["order"], "right");
  // Right context sort: "أزمة" (normalized ازمه) < "أمس" (امس) < "متجهاً" (متجها)
  EXPECT_EQ(right["lines"][0]["right"].get<std::string>().rfind(" أزمة", 0), 0u);
  EXPECT_EQ(right["lines"][1]["right"].get<std::string>().rfind(" أمس", 0), 0u);
  EXPECT_EQ(right["lines"][2]["right"].get<std::string>().rfind(" متجهاً", 0), 0u);
  EXPECT_EQ(left["order"], "left");
  // Compared normalized, nearest word first: الي < ان < غادر.
  EXPECT_EQ(nearest_left, (std::vector<std::string>{"إلى", "إنّ", "غادر"}));
}

TEST(Concordance, LinesAreCapped) {
  const json c = json::parse(api().concordance(u16("ليبيا"), "word", 2, 2, "document"));
  EXPECT_EQ(c["lines"].size(), 2u);
  EXPECT_EQ(c["truncated"], true);
}
