#pragma once
// The index file's contract against a crafted file (issue 14.11), shared by its libFuzzer target
// and the regression test that replays the saved inputs. A valid index is built once from a
// small Arabic corpus; the input is a list of mutations of its payload, after which the header
// is rebuilt with the recomputed CRC, so the file reaches the reader however it was damaged.
// Then: loading in one go and in slices give the same verdict, and an accepted file answers
// every call of the API (each level, every query feature, concordance, entities, overview,
// texts, stats), saves, and its saved bytes load again to the same bytes.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "api/json_api.hpp"
#include "index_payload.hpp"

namespace mirsad::fuzz {

#define MIRSAD_INDEX_CHECK(condition)                                                      \
  do {                                                                                      \
    if (!(condition)) {                                                                     \
      std::fprintf(stderr, "index mutation: broken: %s (line %d)\n", #condition, __LINE__); \
      __builtin_trap();                                                                     \
    }                                                                                       \
  } while (0)

constexpr std::size_t kIndexHeaderSize = 36;

// Documents shaped like the news the analyzer sees: titles, dates and sources for the filters,
// words repeated across documents (postings of several documents, coarse terms with several
// exact members), clitics, a ligature that expands across words (ﷺ), lam-alef presentation forms,
// tatweel and marks, emoji (surrogate pairs), Latin and digits.
inline const std::string& base_index_file() {
  static const std::string file = [] {
    JsonApi api;
    struct Doc {
      const char* id;
      const char16_t* text;
      const char* title;
      const char* date;
      const char* source;
    };
    const Doc docs[] = {
        {"d1", u"قال وزير الخارجية الليبي إن ليبيا وتونس تتفقان على فتح الحدود. وأكد الوزير أن الحدود مع تونس ستفتح غدا 😀.",
         "ليبيا وتونس", "2015-07-01", "aawsat"},
        {"d2", u"زار وزير الخارجية المصري سامح شكري طرابلس، والتقى بالوزير الليبي. ﷺ لليبيا ولليبيين وبليبيا.",
         "شكري في طرابلس", "2015-07-02", "ahram"},
        {"d3", u"ﻻ تزال الأزمة في ليبيا مستمرة؛ الأمم المتحدة تدعو إلى الحوار بين الليبيين. 👍🏽 UN 2015 ١٢٣",
         "الأمم المتحدة وليبيا", "2016-01-15", "aawsat"},
        {"d4", u"الجزائر ومصر وتونس: اجتماع وزراء الخارجية في القاهرة يوم الاثنين. مـــصر، الجزائـر، تُونِس.",
         "", "2016-03", "ahram"},
        {"d5", u"ليبيا ليبيا ليبيا: الوزير قال والوزراء قالوا. الخارجية والداخلية والحدود.",
         "وزير", "", ""},
    };
    for (const Doc& d : docs) api.add_document(d.id, d.text, d.title, d.date, d.source);
    return api.save_index();
  }();
  return file;
}

// Each mutation is 8 bytes: operation, position (3 bytes, little-endian, taken modulo the
// payload's size), an argument (3 bytes) and a value byte. Edits of a byte reach flags and
// varints; inserts, deletes and copies shift sections against their length fields; the 32- and
// 64-bit writes forge lengths and counts directly.
inline std::string mutated_payload(const uint8_t* data, std::size_t size) {
  std::string payload = base_index_file().substr(kIndexHeaderSize);
  constexpr std::size_t kMaxMutations = 64;
  for (std::size_t m = 0; m < kMaxMutations && (m + 1) * 8 <= size; ++m) {
    const uint8_t* e = data + m * 8;
    const uint32_t position = e[1] | (e[2] << 8) | (e[3] << 16);
    const uint32_t argument = e[4] | (e[5] << 8) | (e[6] << 16);
    const uint8_t value = e[7];
    if (payload.empty()) payload.push_back(static_cast<char>(value));
    const std::size_t n = payload.size();
    const std::size_t at = position % n;
    switch (e[0] % 8) {
      case 0: payload[at] = static_cast<char>(value); break;
      case 1: payload[at] = static_cast<char>(static_cast<uint8_t>(payload[at]) + value); break;
      case 2: payload[at] = static_cast<char>(static_cast<uint8_t>(payload[at]) ^ value); break;
      case 3: payload.insert(position % (n + 1), argument % 16 + 1, static_cast<char>(value)); break;
      case 4: payload.erase(at, argument % 64 + 1); break;
      case 5: {  // copy a range over another place
        const std::string piece = payload.substr(argument % n, value % 64 + 1);
        payload.replace(at, std::min(piece.size(), n - at), piece.substr(0, n - at));
        break;
      }
      case 6: {  // a forged 32-bit count or offset
        const uint32_t forged = argument | (static_cast<uint32_t>(value) << 24);
        for (std::size_t i = 0; i < 4 && at + i < n; ++i) payload[at + i] = static_cast<char>(forged >> (8 * i));
        break;
      }
      case 7: {  // a forged 64-bit length: small, or near the top of the range
        const uint64_t forged = (value & 0x80) ? ~uint64_t{argument} : uint64_t{argument};
        for (std::size_t i = 0; i < 8 && at + i < n; ++i) payload[at + i] = static_cast<char>(forged >> (8 * i));
        break;
      }
    }
  }
  return payload;
}

// Every call the page and the CLI make, on an engine that accepted the file.
inline void exercise_loaded_index(JsonApi& api) {
  static const char16_t* const kQueries[] = {
      u"ليبيا", u"ليبيا تونس", u"\"وزير الخارجية\"", u"ليبيا OR مصر", u"الخارجية -تونس", u"ليب*", u"ال*",
      u"ليبيى~", u"الخارجيه~", u"وزير~ الحدود", u"source:aawsat ليبيا", u"date:2015 الوزير", u"id:d2",
      u"entity:ليبيا", u"-source:ahram", u"entity:\"سامح شكري\" وزير", u"ﷺ", u"😀", u"ﻻ", u"١٢٣ UN",
  };
  const Engine& engine = api.engine();
  std::vector<std::u16string> queries(std::begin(kQueries), std::end(kQueries));
  // Words of the loaded dictionaries themselves: a forged term is searched too.
  for (const MatchLevel level : kAllMatchLevels) {
    const TermDictionary& dict = engine.index().dictionary(level);
    for (uint32_t id = 0; id < dict.size() && id < 3; ++id) {
      const std::u16string term(dict.term_text(id));
      queries.push_back(term);
      queries.push_back(term + u"*");
      queries.push_back(term + u"~");
    }
  }
  for (const MatchLevel level : kAllMatchLevels) {
    const std::string mode(match_level_name(level));
    for (const std::u16string& q : queries) api.search(q, mode, 10, false, false);
    api.search(u"ليبيا وزير", mode, 10, true, false);
    api.search(u"ليبيا وز", mode, 10, false, true);
  }
  for (const char* order : {"document", "left", "right"}) {
    api.concordance(u"ليبيا", "word", 50, 3, order);
    api.concordance(u"الخارجية OR تونس", "stem", 50, 2, order);
  }
  api.entities("");
  api.entity_overview("", 20);
  for (const DocumentInfo& d : engine.documents()) {
    api.entities(d.id);
    api.text(d.id);
  }
  if (!engine.documents().empty()) {
    api.entity_overview("[\"" + engine.documents().front().id + "\", \"missing\"]", 5);
  }
  api.documents();
  api.stats();
}

inline void mutate_and_check(const uint8_t* data, std::size_t size) {
  const std::string file = with_valid_header(mutated_payload(data, size));
  JsonApi api;
  const std::string verdict = api.load_index(file);

  // The same file in slices of (almost) no time must come to the same verdict.
  JsonApi sliced;
  std::string step = sliced.begin_load_index(file);
  for (int guard = 0; step.find("\"done\":false") != std::string::npos; ++guard) {
    MIRSAD_INDEX_CHECK(guard < 1000000);
    step = sliced.continue_load_index(0.001);
  }
  MIRSAD_INDEX_CHECK(step == verdict);

  // And streamed in pieces (of a size the input chooses, 1 byte to the whole file), the same.
  JsonApi streamed;
  const std::size_t piece = size > 0 ? 1 + (static_cast<std::size_t>(data[size - 1]) * 37) % file.size() : 1;
  MIRSAD_INDEX_CHECK(load_streamed(streamed, file, piece, 0.001).report == verdict);
  MIRSAD_INDEX_CHECK(verdict.find("\"error\"") == std::string::npos || streamed.engine().documents().empty());
  if (verdict.find("\"error\"") != std::string::npos) {
    MIRSAD_INDEX_CHECK(api.engine().documents().empty());
    return;
  }
  exercise_loaded_index(api);

  // An accepted file saves to a file that loads again and saves to the same bytes.
  const std::string saved = api.save_index();
  MIRSAD_INDEX_CHECK(sliced.save_index() == saved);
  JsonApi reloaded;
  MIRSAD_INDEX_CHECK(reloaded.load_index(saved) == verdict);
  MIRSAD_INDEX_CHECK(reloaded.save_index() == saved);

  // A loaded collection grows with the reader's own files: the loaded postings, dictionaries
  // and spans are extended, not only read.
  const std::string added = api.add_document("added", u"ليبيا وتونس: وزير الخارجية ﷺ 😀", "ليبيا", "2017", "aawsat");
  MIRSAD_INDEX_CHECK(added.find("\"added\":1") != std::string::npos || added.find("duplicate_id") != std::string::npos);
  api.search(u"ليبيا الخارجية~", "word", 10, false, false);
  api.search(u"\"وزير الخارجية\"", "exact", 10, false, false);
}

}  // namespace mirsad::fuzz
