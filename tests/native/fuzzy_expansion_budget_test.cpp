// Issue 14.7: fuzzy words must not cost seconds a keystroke on a large collection. 64 fuzzy
// words against a vocabulary of about two million words took 5.7 s; the work of a query's fuzzy
// expansions is now bounded (a budget shared by all of them), and a query that runs out says so.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "api/json_api.hpp"

namespace {

using nlohmann::json;

// Letters that no analysis step folds or strips on their own (no hamza forms, ة or ى).
constexpr char16_t kLetters[] = u"بتثجحخدذرزسشصضطظعغفقكلمنهي";
constexpr uint32_t kLetterCount = sizeof(kLetters) / sizeof(char16_t) - 1;

// The i-th made-up word: six letters from a bijection of i (so the words are distinct), then
// zero to three more, so lengths vary as in a real vocabulary.
std::u16string made_up_word(uint32_t i) {
  uint64_t core = (uint64_t{i} * 2654435761u) % 481890304u;  // 28^6; the multiplier is prime to 28
  std::u16string word;
  for (int k = 0; k < 6; ++k, core /= 28) word.push_back(kLetters[core % kLetterCount]);
  for (uint32_t k = 0, extra = i % 4, s = i / 7; k < extra; ++k, s /= 5) word.push_back(kLetters[(s + k) % kLetterCount]);
  return word;
}

class LargeVocabularyFuzzy : public testing::Test {
 protected:
  static constexpr uint32_t kWords = 2000000;
  static constexpr uint32_t kDocuments = 20;

  static void SetUpTestSuite() {
    api_ = new mirsad::JsonApi();
    const auto start = std::chrono::steady_clock::now();
    for (uint32_t d = 0; d < kDocuments; ++d) {
      std::u16string text;
      for (uint32_t i = d; i < kWords; i += kDocuments) {
        text += made_up_word(i);
        text.push_back(u' ');
      }
      api_->add_document("big" + std::to_string(d), std::move(text), "", "", "");
    }
    api_->compact();
    std::printf("[ measured ] %u made-up words in %u documents indexed in %.1f s; %s\n", kWords, kDocuments,
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), api_->stats().c_str());
  }
  static void TearDownTestSuite() {
    delete api_;
    api_ = nullptr;
  }

  // 64 words of the vocabulary with one letter changed, each searched as fuzzy~.
  static std::u16string sixty_four_fuzzy_words() {
    std::u16string query;
    for (uint32_t q = 0; q < 64; ++q) {
      std::u16string word = made_up_word(q * 31237 + 11);
      word[2] = kLetters[(q * 7) % kLetterCount];
      query += word + u"~ ";
    }
    return query;
  }

  static mirsad::JsonApi* api_;
};

mirsad::JsonApi* LargeVocabularyFuzzy::api_ = nullptr;

TEST_F(LargeVocabularyFuzzy, SixtyFourFuzzyWordsStayWithinTheQueryBudgetAndSaySo) {
  const std::u16string query = sixty_four_fuzzy_words();
  const mirsad::Engine& engine = api_->engine();
  const auto start = std::chrono::steady_clock::now();
  const mirsad::SearchResults results = engine.search(engine.parse_query(query, mirsad::MatchLevel::Word, true), 10);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const mirsad::FuzzyBudget& work = results.fuzzy;
  std::printf("[ measured ] 64 fuzzy words: %.3f s; %llu terms examined, %llu matrix cells, %llu units of %llu\n", seconds,
              static_cast<unsigned long long>(work.terms_examined), static_cast<unsigned long long>(work.cells_computed),
              static_cast<unsigned long long>(work.units_spent),
              static_cast<unsigned long long>(mirsad::FuzzyBudget::kQueryUnits));
  // Each expansion may pass its share by one term's cost (checked before each term): far less
  // than 1% of the budget. Unbounded, the scans examined 64 x 2 million terms.
  EXPECT_LE(work.units_spent, mirsad::FuzzyBudget::kQueryUnits + mirsad::FuzzyBudget::kQueryUnits / 100);
  EXPECT_LE(work.terms_examined, mirsad::FuzzyBudget::kQueryUnits);
  EXPECT_LT(work.terms_examined, uint64_t{64} * kWords / 4);
  EXPECT_FALSE(work.cut_short.empty());

  // The page sees the cut as a warning, not as silently missing matches.
  const json answer = json::parse(api_->search(query, "word", 10, true, false));
  bool warned = false;
  for (const auto& w : answer["warnings"]) warned = warned || w.get<std::string>().find("too many fuzzy words") != std::string::npos;
  EXPECT_TRUE(warned) << answer["warnings"].dump();
  // A word cut short still matches itself: the first query word with its letter restored is in
  // the vocabulary, and documents are found.
  EXPECT_GT(answer["total"].get<int>(), 0);
}

// The budget must not cut ordinary queries: one fuzzy word is still compared with every one of
// the two million terms, and finds the word it was typed for.
TEST_F(LargeVocabularyFuzzy, OneFuzzyWordIsComparedWithTheWholeVocabulary) {
  const mirsad::Engine& engine = api_->engine();
  std::u16string word = made_up_word(123457);
  const std::u16string typo = word.substr(0, 2) + (word[2] == kLetters[0] ? kLetters[1] : kLetters[0]) + word.substr(3);
  const auto start = std::chrono::steady_clock::now();
  const mirsad::SearchResults results = engine.search(engine.parse_query(typo + u"~", mirsad::MatchLevel::Word), 10);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("[ measured ] 1 fuzzy word: %.3f s; %llu terms examined, %llu matrix cells, %llu units\n", seconds,
              static_cast<unsigned long long>(results.fuzzy.terms_examined),
              static_cast<unsigned long long>(results.fuzzy.cells_computed),
              static_cast<unsigned long long>(results.fuzzy.units_spent));
  EXPECT_TRUE(results.fuzzy.cut_short.empty());
  EXPECT_GE(results.fuzzy.terms_examined, engine.index().dictionary(mirsad::MatchLevel::Word).size());
  bool found = false;  // (other made-up words may be one edit away too)
  for (const mirsad::SearchHit& hit : results.hits) found = found || hit.doc == 123457u % kDocuments;
  EXPECT_TRUE(found);
}

}  // namespace
