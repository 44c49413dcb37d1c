#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <random>

#include "api/json_api.hpp"
#include "../fuzz/index_payload.hpp"
#include "index/binary_io.hpp"
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

namespace {

// The payload of an index file (what follows the 36-byte header).
std::string payload_of(const std::string& file) { return file.substr(8 + 4 + 4 + 8 + 8 + 4); }

// Every query shape, at every level, with snippets, concordance and entities: what a crafted
// index that passed loading would be asked.
void exercise(JsonApi& api) {
  for (const char* q : {"ليبيا", "\"وزير الخارجية\"", "الإرها*", "تونس OR طرابلس", "ليبيى~", "-مصر تونس"}) {
    for (const char* mode : {"exact", "normalized", "word", "stem"}) {
      api.search(u16(q), mode, 10, false, true);
      api.concordance(u16(q), mode, 50, 6, "left");
    }
  }
  api.entities("");
  api.documents();
}

}  // namespace

TEST(IndexFile, ACraftedIndexWithARecomputedChecksumIsRefused) {
  // Reproduction of issue 14.11: the first document's text cut short in the payload and the CRC
  // recomputed. Its token spans then point past its end; loading used to accept it and the
  // search threw an uncaught C++ exception (std::out_of_range from a snippet).
  JsonApi original;
  fill(original);
  std::string payload = payload_of(original.save_index());
  BinaryReader r(payload);
  r.u64();  // documents
  r.bytes(); r.bytes(); r.bytes(); r.bytes();  // id, title, date, source
  const std::size_t length_at = payload.size() - r.remaining();
  const uint64_t units = r.u64();
  ASSERT_GT(units, 10u);
  // The same payload with the text's last 10 units dropped.
  BinaryWriter w;
  w.buffer() = payload.substr(0, length_at);
  w.u64(units - 10);
  w.buffer().append(payload.substr(length_at + 8, (units - 10) * 2));
  w.buffer().append(payload.substr(length_at + 8 + units * 2));
  JsonApi crafted;
  const json report = json::parse(crafted.load_index(mirsad::fuzz::with_valid_header(w.buffer())));
  EXPECT_EQ(report.value("error", std::string()), "index file is corrupt (inconsistent contents)");
  exercise(crafted);
}

TEST(IndexFile, RandomMutationsWithRecomputedChecksumsLoadWholeOrNotAtAll) {
  // Every accepted mutation must answer every query without reading out of bounds (this test
  // runs under ASan and UBSan in scripts/fuzz.sh) or throwing.
  JsonApi original;
  fill(original);
  const std::string payload = payload_of(original.save_index());
  std::mt19937 rng(14);
  int accepted = 0;
  for (int round = 0; round < 1500; ++round) {
    std::string mutated = payload;
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits; ++e) {
      const std::size_t at = rng() % mutated.size();
      switch (rng() % 3) {
        case 0: mutated[at] = static_cast<char>(rng()); break;
        case 1: mutated[at] = static_cast<char>(mutated[at] + (rng() % 2 ? 1 : -1)); break;
        default: mutated[at] = static_cast<char>(mutated[at] ^ (1 << (rng() % 8))); break;
      }
    }
    JsonApi api;
    const json report = json::parse(api.load_index(mirsad::fuzz::with_valid_header(mutated)));
    if (!report.contains("error")) {
      ++accepted;
      exercise(api);
    }
  }
  std::printf("mutations accepted: %d of 1500\n", accepted);
}

TEST(IndexFile, LoadedInSlicesExactlyAsInOneGo) {
  // A page loads a large index in slices of a few milliseconds (issue 14.7): with a zero budget
  // every slice does the least it can, and the result must be the same engine.
  JsonApi original;
  for (int d = 0; d < 3000; ++d) {
    original.add_document("d" + std::to_string(d), u16("زار وزير الخارجية ليبيا أمس رقم " + std::to_string(d) + "، ثم عاد إلى تونس."),
                          "عنوان " + std::to_string(d % 7), "2015-02-24", "test");
  }
  const std::string bytes = original.save_index();
  JsonApi sliced;
  json step = json::parse(sliced.begin_load_index(bytes));
  int slices = 0;
  double last_progress = 0;
  while (step.value("done", true) == false) {
    step = json::parse(sliced.continue_load_index(0.0001));
    ++slices;
    if (step.contains("progress")) {
      EXPECT_GE(step["progress"].get<double>(), last_progress);
      last_progress = step["progress"].get<double>();
    }
    ASSERT_LT(slices, 100000);
  }
  EXPECT_EQ(step["documents"], 3000);
  EXPECT_GT(slices, 5) << "the work was cut into slices";
  for (const char* q : {"ليبيا", "\"وزير الخارجية\"", "عنوان", "تونس OR طرابلس"}) {
    EXPECT_EQ(original.search(u16(q), "word", 10, false, false), sliced.search(u16(q), "word", 10, false, false)) << q;
  }
  EXPECT_EQ(original.documents(), sliced.documents());
  // A damaged file fails in slices too, and leaves the engine empty.
  std::string damaged = bytes;
  damaged[damaged.size() / 2] ^= 0x20;
  JsonApi refused;
  step = json::parse(refused.begin_load_index(damaged));
  while (step.value("done", true) == false) step = json::parse(refused.continue_load_index(0.0001));
  EXPECT_EQ(step.value("error", std::string()), "index file is corrupt (checksum mismatch)");
  EXPECT_EQ(json::parse(refused.documents()).size(), 0u);
}

TEST(IndexFile, TrailingBytesRefuseTheFileAndLoadNothing) {
  // Found by index_mutation_fuzzer: a valid payload followed by extra bytes (CRC recomputed) was
  // refused only after the engine had taken its documents, so a refused file left them loaded.
  JsonApi original;
  fill(original);
  const std::string payload = payload_of(original.save_index()) + std::string("\x01\x00", 2);
  JsonApi api;
  const json report = json::parse(api.load_index(mirsad::fuzz::with_valid_header(payload)));
  EXPECT_EQ(report.value("error", std::string()), "index file is corrupt (inconsistent contents)");
  EXPECT_EQ(json::parse(api.documents()).size(), 0u);
  EXPECT_EQ(json::parse(api.search(u16("ليبيا"), "word", 10, false, false))["total"], 0);
}
