#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api/json_api.hpp"
#include "test_support.hpp"

using namespace mirsad;
using namespace mirsad::test;
using nlohmann::json;

namespace {

void fill(JsonApi& api) {
  api.add_document("a", u16("زار وزير الخارجية ليبيا أمس، ثم عاد إلى تونس."), "زيارة إلى ليبيا", "2015-02-24", "test");
  api.add_document("b", u16("الحكومة الليبية تعلن حالة الطوارئ في طرابلس بعد هجوم إرهابي."), "", "", "");
  api.add_document("c", u16("تنسيق أمني بين مصر وليبيا وتونس لمواجهة الإرهاب. 😀 \xD8"), "تنسيق", "", "");
}

}  // namespace

TEST(IndexFile, RoundTripAnswersExactlyAsTheOriginal) {
  JsonApi original;
  fill(original);
  const std::string bytes = original.save_index();
  JsonApi loaded;
  EXPECT_EQ(json::parse(loaded.load_index(bytes))["documents"], 3);
  for (const char* q : {"ليبيا", "\"وزير الخارجية\"", "الإرها*", "تونس OR طرابلس", "ليبيى~"}) {
    for (const char* mode : {"exact", "normalized", "word", "stem"}) {
      EXPECT_EQ(original.search(u16(q), mode, 10, false, false), loaded.search(u16(q), mode, 10, false, false)) << q << " " << mode;
    }
  }
  EXPECT_EQ(original.documents(), loaded.documents());
  EXPECT_EQ(original.text("c"), loaded.text("c"));
  EXPECT_EQ(original.entities(""), loaded.entities(""));
  // and the loaded engine keeps indexing
  loaded.add_document("d", u16("ليبيا"), "", "", "");
  EXPECT_EQ(json::parse(loaded.search(u16("ليبيا"), "word", 10, false, false))["total"], 3);
}

TEST(IndexFile, DamagedFilesAreRefusedWithAReason) {
  JsonApi original;
  fill(original);
  const std::string bytes = original.save_index();
  const auto error_of = [](std::string_view b) {
    JsonApi fresh;
    const json r = json::parse(fresh.load_index(b));
    EXPECT_EQ(json::parse(fresh.documents()).size(), 0u) << "a refused file loads nothing";
    return r.value("error", std::string());
  };
  EXPECT_NE(error_of("hello").find("not a Mirsad index"), std::string::npos);
  EXPECT_NE(error_of(bytes.substr(0, bytes.size() - 10)).find("truncated"), std::string::npos);
  std::string flipped = bytes;
  flipped[flipped.size() / 2] ^= 0x5A;
  EXPECT_NE(error_of(flipped).find("corrupt"), std::string::npos);
  std::string other_version = bytes;
  other_version[8] = 99;
  EXPECT_NE(error_of(other_version).find("version 99"), std::string::npos);
  std::string other_analyzer = bytes;
  other_analyzer[16] ^= 1;
  EXPECT_NE(error_of(other_analyzer).find("different analyzer"), std::string::npos);
  // every truncation point: refused, never a crash
  const std::size_t step = std::max<std::size_t>(1, bytes.size() / 150);  // ~150 cut points, header included
  for (std::size_t cut = 0; cut < bytes.size(); cut += (cut < 64 ? 1 : step)) EXPECT_FALSE(error_of(bytes.substr(0, cut)).empty());
}

TEST(IndexFile, OnlyIntoAnEmptyEngine) {
  JsonApi original;
  fill(original);
  JsonApi busy;
  busy.add_document("x", u"x", "", "", "");
  EXPECT_NE(json::parse(busy.load_index(original.save_index())).value("error", std::string()).find("empty"), std::string::npos);
}
