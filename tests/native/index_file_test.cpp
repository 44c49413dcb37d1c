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

// The page reads a large collection's list a page at a time: the pages, put end to end, are the
// whole list in order, and a page past the end is empty with the same total.
TEST(IndexFile, DocumentPagesPutTogetherAreTheWholeList) {
  JsonApi api;
  fill(api);
  const json whole = json::parse(api.documents());
  json joined = json::array();
  for (std::size_t offset = 0; offset < whole.size(); offset += 2) {
    const json page = json::parse(api.documents_page(offset, 2));
    EXPECT_EQ(page["total"], whole.size());
    for (const auto& d : page["documents"]) joined.push_back(d);
  }
  EXPECT_EQ(joined, whole);
  EXPECT_TRUE(json::parse(api.documents_page(whole.size(), 2))["documents"].empty());
  EXPECT_TRUE(json::parse(api.documents_page(0, 0))["documents"].empty());
}

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

// A browser keeps the collections a reader saved as index files of the version its build wrote.
// Version 2 (before documents had urls) must still load, with empty urls, and answer as before.
TEST(IndexFile, AVersion2FileStillLoads) {
  JsonApi original;
  fill(original);
  const std::string payload = payload_of(original.save_index());
  BinaryReader r(payload);
  BinaryWriter v2;
  const uint64_t count = r.u64();
  v2.u64(count);
  for (uint64_t i = 0; i < count; ++i) {
    for (int field = 0; field < 4; ++field) v2.bytes(r.bytes());  // id, title, date, source
    EXPECT_EQ(r.bytes(), "");                                     // url: none in this corpus
    const std::string_view text = r.text_bytes();
    v2.u64(text.size() / 2);
    v2.buffer().append(text);
  }
  v2.buffer().append(payload.substr(payload.size() - r.remaining()));
  JsonApi loaded;
  const json report = json::parse(loaded.load_index(mirsad::fuzz::with_valid_header(v2.buffer(), 2)));
  ASSERT_EQ(report.value("documents", 0), 3) << report.dump();
  EXPECT_EQ(original.documents(), loaded.documents());
  EXPECT_EQ(original.search(u16("ليبيا"), "word", 10, false, false), loaded.search(u16("ليبيا"), "word", 10, false, false));
  // A version from the future is refused with the versions this build reads.
  JsonApi future;
  const json refused = json::parse(future.load_index(mirsad::fuzz::with_valid_header(payload, IndexFile::kFormatVersion + 1)));
  EXPECT_NE(refused.value("error", std::string()).find("reads versions 2 to 3"), std::string::npos) << refused.dump();
}

// A document's url is saved and loaded with it.
TEST(IndexFile, UrlsRoundTrip) {
  JsonApi original;
  original.load_file("a.jsonl", R"({"id":"1","text":"زار الوزير ليبيا","url":"https://example.org/1"})", "");
  JsonApi loaded;
  loaded.load_index(original.save_index());
  EXPECT_EQ(json::parse(loaded.documents())[0]["url"], "https://example.org/1");
}

TEST(IndexFile, ACraftedIndexWithARecomputedChecksumIsRefused) {
  // Reproduction of issue 14.11: the first document's text cut short in the payload and the CRC
  // recomputed. Its token spans then point past its end; loading used to accept it and the
  // search threw an uncaught C++ exception (std::out_of_range from a snippet).
  JsonApi original;
  fill(original);
  std::string payload = payload_of(original.save_index());
  BinaryReader r(payload);
  r.u64();  // documents
  r.bytes(); r.bytes(); r.bytes(); r.bytes(); r.bytes();  // id, title, date, source, url
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

namespace {

// An engine large enough for its file to come in many pieces, with a long text (over the 1 MB
// part size, surrogate pairs at every part boundary) that must not need the whole text at once.
void fill_streaming_corpus(JsonApi& api) {
  for (int d = 0; d < 2000; ++d) {
    api.add_document("d" + std::to_string(d), u16("زار وزير الخارجية ليبيا أمس رقم " + std::to_string(d) + "، ثم عاد إلى تونس 😀."),
                     "عنوان " + std::to_string(d % 7), "2015-02-24", "test");
  }
  std::u16string long_text;
  while (long_text.size() < (3u << 20) / 2) long_text += u"ليبيا 😀 تونس ";
  api.add_document("long", long_text, "طويل", "2015-03-01", "test");
}

void expect_same_engine(JsonApi& original, JsonApi& loaded, const std::string& label) {
  EXPECT_EQ(original.documents(), loaded.documents()) << label;
  for (const char* q : {"ليبيا", "\"وزير الخارجية\"", "عنوان", "تونس OR طرابلس", "ليبيى~", "الخار*"}) {
    for (const char* mode : {"exact", "word", "stem"}) {
      EXPECT_EQ(original.search(u16(q), mode, 10, false, false), loaded.search(u16(q), mode, 10, false, false))
          << label << " " << q << " " << mode;
    }
  }
  EXPECT_EQ(original.save_index(), loaded.save_index()) << label << ": the same engine saves the same bytes";
}

}  // namespace

TEST(IndexFile, StreamedInPiecesOfAnySizeGivesTheSameEngine) {
  JsonApi small;
  fill(small);
  const std::string small_file = small.save_index();
  for (std::size_t piece = 1; piece <= small_file.size(); piece += piece < 80 ? 1 : 997) {
    JsonApi loaded;
    EXPECT_EQ(mirsad::fuzz::load_streamed(loaded, small_file, piece, 0.0001).report, "{\"documents\":3}") << piece;
    expect_same_engine(small, loaded, "small file in pieces of " + std::to_string(piece));
  }
  JsonApi large;
  fill_streaming_corpus(large);
  const std::string file = large.save_index();
  for (const std::size_t piece : {std::size_t{3}, std::size_t{4093}, std::size_t{65536}, std::size_t{1} << 20, file.size()}) {
    for (const double budget : {0.0001, 0.0}) {  // slices of (almost) no time, and to the end of the bytes
      JsonApi loaded;
      const auto streamed = mirsad::fuzz::load_streamed(loaded, file, piece, budget);
      EXPECT_EQ(streamed.report, "{\"documents\":2001}") << piece;
      expect_same_engine(large, loaded, "pieces of " + std::to_string(piece));
      EXPECT_EQ(loaded.text("long"), large.text("long"));
    }
  }
}

TEST(IndexFile, AStreamedLoadHoldsABoundedWindowOfTheFile) {
  // The file is 4.5 MB, 3 MB of it one document's text: that text goes to the store in parts as
  // it arrives, so the window holds a piece and the largest item the format reads at once, not
  // the file and not the text. Here that item is the long document's token spans (about a byte
  // a token: 0.4 MB); elsewhere it is a frequent term's postings or a dictionary's offsets.
  JsonApi large;
  fill_streaming_corpus(large);
  const std::string file = large.save_index();
  constexpr std::size_t kPiece = 64 << 10;
  JsonApi loaded;
  const auto streamed = mirsad::fuzz::load_streamed(loaded, file, kPiece, 0.0001);
  ASSERT_EQ(streamed.report, "{\"documents\":2001}");
  std::printf("file %zu bytes, pieces of %zu: window at most %zu bytes\n", file.size(), kPiece, streamed.peak_window);
  EXPECT_LE(streamed.peak_window, kPiece + (512u << 10));
  EXPECT_LT(streamed.peak_window, (3u << 20) / 4) << "never the long text whole";
}

TEST(IndexFile, CorruptOrTruncatedStreamsAreRefusedAndLoadNothing) {
  JsonApi original;
  fill_streaming_corpus(original);
  const std::string file = original.save_index();
  const auto refused = [&](std::string_view bytes, std::size_t piece) {
    JsonApi api;
    const std::string report = mirsad::fuzz::load_streamed(api, bytes, piece, 0.0001).report;
    EXPECT_EQ(json::parse(api.documents()).size(), 0u) << "a refused file loads nothing";
    EXPECT_EQ(api.engine().texts().size(), 0u) << "the texts stored on the way are dropped";
    EXPECT_EQ(json::parse(api.search(u16("ليبيا"), "word", 10, false, false))["total"], 0);
    return json::parse(report).value("error", std::string());
  };
  for (const std::size_t piece : {std::size_t{1000}, std::size_t{1} << 20}) {
    for (const std::size_t at : {std::size_t{40}, file.size() / 3, file.size() / 2, file.size() - 5}) {
      std::string flipped = file;
      flipped[at] ^= 0x5A;
      // Corrupt either way: by the checksum once all is in, or by the checks on the way.
      EXPECT_NE(refused(flipped, piece).find("index file is corrupt"), std::string::npos) << at;
    }
    EXPECT_EQ(refused(file.substr(0, file.size() - 10), piece), "index file is truncated or has trailing data");
    EXPECT_EQ(refused(file + "xy", piece), "index file is truncated or has trailing data");
    EXPECT_EQ(refused("hello", piece), "not a Mirsad index file");
  }
  // A payload that is inconsistent but carries a valid checksum is refused by the checks (the
  // same verdict as a whole load).
  const std::string trailing = mirsad::fuzz::with_valid_header(payload_of(file) + std::string("\x01\x00", 2));
  EXPECT_EQ(refused(trailing, 4096), "index file is corrupt (inconsistent contents)");
  // More bytes pushed than the size announced.
  JsonApi api;
  api.begin_load_index_stream(10);
  std::memcpy(api.load_room(20), file.data(), 20);
  EXPECT_FALSE(api.load_pushed(20));
  EXPECT_EQ(json::parse(api.continue_load_index(0)).value("error", std::string()), "index file is truncated or has trailing data");
  // A second loading is refused while one is under way; after the end, a new one may begin.
  JsonApi busy;
  busy.begin_load_index_stream(static_cast<double>(file.size()));
  EXPECT_TRUE(json::parse(busy.begin_load_index_stream(10)).contains("error"));
}
