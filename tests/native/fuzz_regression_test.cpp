// Replays every saved fuzz input (seeds and past crashes) through the analyzer invariants, so a
// crash found once by scripts/fuzz.sh stays fixed in every ordinary test run.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "../fuzz/analyzer_invariants.hpp"
#include "../fuzz/corpus_loader_check.hpp"
#include "../fuzz/index_mutation_check.hpp"
#include "../fuzz/index_payload.hpp"
#include "api/json_api.hpp"

TEST(FuzzRegression, EverySavedAnalyzerInputKeepsTheInvariants) {
  const std::filesystem::path dir = std::filesystem::path(MIRSAD_SOURCE_DIR) / "tests/fuzz/corpus/analyzer";
  std::size_t replayed = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    mirsad::fuzz::check_input(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    ++replayed;
  }
  EXPECT_GE(replayed, 5u);
}

// Saved index-loader inputs (payloads): each must load or be refused, never crash.
TEST(FuzzRegression, EverySavedIndexPayloadLoadsOrIsRefused) {
  const std::filesystem::path dir = std::filesystem::path(MIRSAD_SOURCE_DIR) / "tests/fuzz/corpus/index_loader";
  std::size_t replayed = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string payload((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    mirsad::JsonApi api;  // the same valid header the fuzzer puts around its input
    const std::string report = api.load_index(mirsad::fuzz::with_valid_header(payload));
    if (report.find("\"error\"") == std::string::npos) api.search(u"ليبيا", "word", 10, true, false);
    ++replayed;
  }
  EXPECT_GE(replayed, 2u);
}

// Saved index-mutation inputs (lists of mutations of a valid index's payload, see
// index_mutation_check.hpp): each loads the same in one go and in slices, and an accepted file
// answers every call and saves to a file that loads again. A contract break traps.
TEST(FuzzRegression, EverySavedIndexMutationLoadsOrIsRefusedAlike) {
  const std::filesystem::path dir = std::filesystem::path(MIRSAD_SOURCE_DIR) / "tests/fuzz/corpus/index_mutation";
  std::size_t replayed = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    mirsad::fuzz::mutate_and_check(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    ++replayed;
  }
  EXPECT_GE(replayed, 5u);
}

// Without mutations the fuzzer's base index must load, or it would only ever test refusals.
TEST(FuzzRegression, TheIndexMutationFuzzersBaseIndexLoads) {
  mirsad::JsonApi api;
  EXPECT_EQ(api.load_index(mirsad::fuzz::with_valid_header(mirsad::fuzz::mutated_payload(nullptr, 0))),
            R"({"documents":5})");
  EXPECT_NE(api.search(u"ليبيا", "word", 10).find(R"("total":4)"), std::string::npos) << api.search(u"ليبيا", "word", 10);
}

// Saved corpus-loader inputs: every one loads, keeps what it reports, and never leaves a lone
// surrogate in a text.
TEST(FuzzRegression, EverySavedCorpusFileLoadsWithinItsContract) {
  const std::filesystem::path dir = std::filesystem::path(MIRSAD_SOURCE_DIR) / "tests/fuzz/corpus/corpus_loader";
  std::size_t replayed = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    mirsad::fuzz::load_and_check(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    ++replayed;
  }
  EXPECT_GE(replayed, 10u);
}

TEST(FuzzRegression, EverySavedHtmlPageLoadsWithinTheLoadersContract) {
  const std::filesystem::path dir = std::filesystem::path(MIRSAD_SOURCE_DIR) / "tests/fuzz/corpus/html_page";
  std::size_t replayed = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ASSERT_FALSE(bytes.empty());
    mirsad::fuzz::load_and_check_file("site/page.html", bytes.substr(1));
    ++replayed;
  }
  EXPECT_GE(replayed, 8u);
}
