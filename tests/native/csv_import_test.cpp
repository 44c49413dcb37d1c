// Importing real-world files: CSV (RFC 4180 and what spreadsheets write), field mapping by name
// or by the user, publication dates as ISO 8601, and the peek the page's mapping form shows.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api/json_api.hpp"
#include "corpus/corpus_loader.hpp"
#include "corpus/csv_records.hpp"
#include "corpus/date_normalizer.hpp"
#include "test_support.hpp"

using namespace mirsad;
using namespace mirsad::test;

namespace {
FieldMapping mapping(std::string_view json) {
  std::string error;
  auto m = FieldMapping::from_json(json, &error);
  EXPECT_TRUE(m) << error;
  return m.value_or(FieldMapping{});
}
}  // namespace

TEST(CsvImport, QuotesDoubledQuotesEmbeddedNewlinesAndCrlf) {
  const std::string csv =
      "id,text,title\r\n"
      "1,\"ليبيا، طرابلس\",\"قال \"\"الوزير\"\"\"\r\n"
      "2,\"سطر أول\r\nسطر ثان\",عنوان\r\n"
      "3,بلا علامات,\r\n";
  const auto r = CorpusLoader::from_file("news.csv", csv);
  ASSERT_EQ(r.documents.size(), 3u);
  EXPECT_EQ(u8(r.documents[0].text), "ليبيا، طرابلس");
  EXPECT_EQ(r.documents[0].title, "قال \"الوزير\"");
  EXPECT_EQ(u8(r.documents[1].text), "سطر أول\r\nسطر ثان");
  EXPECT_EQ(r.documents[2].id, "3");
  EXPECT_EQ(r.document_lines, (std::vector<std::size_t>{2, 3, 5}));
  EXPECT_TRUE(r.warnings.empty());
}

TEST(CsvImport, ABomAndLfLineEndsAndNoFinalNewline) {
  const auto r = CorpusLoader::from_file("x.CSV", "\xEF\xBB\xBFid,text\n1,أ\n\n2,ب");
  ASSERT_EQ(r.documents.size(), 2u);
  EXPECT_EQ(r.documents[0].id, "1");  // the BOM is not part of the first field's name
  EXPECT_EQ(r.documents[1].id, "2");
  EXPECT_EQ(r.document_lines, (std::vector<std::size_t>{2, 4}));
  ASSERT_TRUE(r.mapping);
  EXPECT_EQ(r.mapping->mapping.field(FieldRole::Id), "id");
}

TEST(CsvImport, TheHeaderChoosesSemicolonOrTab) {
  const auto semi = CorpusLoader::from_file("x.csv", "id;text;title\n1;\"نص; مع فاصلة\";أ, ب\n");
  ASSERT_EQ(semi.documents.size(), 1u);
  EXPECT_EQ(u8(semi.documents[0].text), "نص; مع فاصلة");
  EXPECT_EQ(semi.documents[0].title, "أ, ب");
  const auto tab = CorpusLoader::from_file("x.csv", "id\ttext\n1\tنص, بفاصلة\n");
  ASSERT_EQ(tab.documents.size(), 1u);
  EXPECT_EQ(u8(tab.documents[0].text), "نص, بفاصلة");
  const auto excel = CorpusLoader::from_file("x.csv", "sep=;\nid;text\n1;a,b\n");
  ASSERT_EQ(excel.documents.size(), 1u);
  EXPECT_EQ(u8(excel.documents[0].text), "a,b");
  EXPECT_EQ(excel.document_lines[0], 3u);
}

TEST(CsvImport, ABadRowCostsOnlyItselfAndNamesItsLine) {
  const std::string csv =
      "id,text\n"
      "1,أول\n"
      "2,ثان,زائد\n"          // one field too many
      "3\n"                    // one too few
      "4,\"مغلق\"بعده\n"       // text after a closing quote
      "5,خامس\n"
      "6,\"لم يغلق\n"          // a quote never closed: only this row
      "7,سابع\n";
  const auto r = CorpusLoader::from_file("x.csv", csv);
  std::vector<std::string> ids;
  for (const auto& d : r.documents) ids.push_back(d.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"1", "5", "7"}));
  ASSERT_EQ(r.warnings.size(), 4u);
  EXPECT_EQ(r.warnings[0].line, 3u);
  EXPECT_EQ(r.warnings[0].code, "bad_row");
  EXPECT_NE(r.warnings[0].message.find("3 field(s) where the header has 2"), std::string::npos);
  EXPECT_EQ(r.warnings[1].line, 4u);
  EXPECT_EQ(r.warnings[2].line, 5u);
  EXPECT_NE(r.warnings[2].message.find("closing quote"), std::string::npos);
  EXPECT_EQ(r.warnings[3].line, 7u);
  EXPECT_NE(r.warnings[3].message.find("never closed"), std::string::npos);
}

TEST(CsvImport, InvalidUtf8IsReplacedAsInTheOtherFormats) {
  const auto r = CorpusLoader::from_file("x.csv", std::string("id,text\n1,ok\xFF") + "ok\n");
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].text, u"ok\uFFFDok");
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].code, "invalid_utf8");
  EXPECT_EQ(r.warnings[0].count, 1u);
}

TEST(CsvImport, AHeaderAloneOrAnEmptyFileIsSaidToHoldNothing) {
  EXPECT_EQ(CorpusLoader::from_file("x.csv", "id,text\n").warnings.at(0).code, "empty_file");
  EXPECT_EQ(CorpusLoader::from_file("x.csv", "\xEF\xBB\xBF\n").warnings.at(0).code, "empty_file");
}

TEST(FieldMapping, CommonNamesAreRecognisedAndReported) {
  const std::string csv = "guid,Headline,Body,published,Publisher\n"
                          "g1,عنوان,نص الخبر,2015-07-25 10:20:00,الرياض\n";
  const auto r = CorpusLoader::from_file("x.csv", csv);
  ASSERT_EQ(r.documents.size(), 1u);
  const Document& d = r.documents[0];
  EXPECT_EQ(d.id, "g1");
  EXPECT_EQ(d.title, "عنوان");
  EXPECT_EQ(u8(d.text), "نص الخبر");
  EXPECT_EQ(d.date, "2015-07-25T10:20:00");
  EXPECT_EQ(d.source, "الرياض");
  ASSERT_TRUE(r.mapping);
  EXPECT_EQ(r.mapping->mapping.field(FieldRole::Text), "Body");
  EXPECT_EQ(r.mapping->mapping.field(FieldRole::Date), "published");
  EXPECT_FALSE(r.mapping->generated_ids);
  EXPECT_EQ(r.mapping->dates_normalized, 1u);
}

TEST(FieldMapping, ArabicFieldNamesAndTheUrlAsId) {
  const auto r = CorpusLoader::from_file(
      "x.jsonl", R"({"url":"http://a/1","عنوان":"ع","نص":"ن","تاريخ":"25/07/2015","المصدر":"م"})" "\n");
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].id, "http://a/1");
  EXPECT_EQ(r.documents[0].title, "ع");
  EXPECT_EQ(r.documents[0].date, "2015-07-25");
  EXPECT_EQ(r.documents[0].source, "م");
}

TEST(FieldMapping, SaudiNewsNetRecordsLoadAsTheyAre) {
  // The shape of the real corpus: no id, the url names the article, date_extracted its date.
  const auto r = CorpusLoader::from_file(
      "2015-07-21.json",
      R"([{"source":"aawsat","url":"http://aawsat.com/1","date_extracted":"2015-07-21 02:51:32","title":"ع","author":"","content":"نص"}])");
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].id, "http://aawsat.com/1");
  EXPECT_EQ(r.documents[0].date, "2015-07-21T02:51:32");
  EXPECT_EQ(r.documents[0].source, "aawsat");
  EXPECT_EQ(u8(r.documents[0].text), "نص");
}

TEST(FieldMapping, AGivenMappingWinsAndTheRestIsRecognised) {
  const std::string csv = "a,b,c,date\nx,النص,الملخص,2015-01-02\n";
  const auto r = CorpusLoader::from_file("x.csv", csv, mapping(R"({"text":"b","title":"c","id":"a"})"));
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].id, "x");
  EXPECT_EQ(u8(r.documents[0].text), "النص");
  EXPECT_EQ(r.documents[0].title, "الملخص");
  EXPECT_EQ(r.documents[0].date, "2015-01-02");
  // "" says the file has no such field: the date column is then not used.
  const auto none = CorpusLoader::from_file("x.csv", csv, mapping(R"({"text":"b","id":"a","date":""})"));
  EXPECT_EQ(none.documents.at(0).date, "");
}

TEST(FieldMapping, WithoutAnIdFieldIdsAreTheFileAndRecordNumber) {
  const auto r = CorpusLoader::from_file("dir/news.csv", "headline,body\nأ,ب\nج,د\n");
  ASSERT_EQ(r.documents.size(), 2u);
  EXPECT_EQ(r.documents[0].id, "news:1");
  EXPECT_EQ(r.documents[1].id, "news:2");
  EXPECT_TRUE(r.mapping->generated_ids);
}

TEST(FieldMapping, NoTextFieldLoadsNothingAndSaysWhichFieldsThereAre) {
  const auto r = CorpusLoader::from_file("x.csv", "a,b\n1,2\n");
  EXPECT_TRUE(r.documents.empty());
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].code, "no_text_field");
  EXPECT_NE(r.warnings[0].message.find("a, b"), std::string::npos);
}

TEST(FieldMapping, AFieldTheFileLacksIsReportedNotSilentlyUsed) {
  const auto r = CorpusLoader::from_file("x.csv", "id,body\n1,ن\n", mapping(R"({"title":"headline"})"));
  ASSERT_EQ(r.documents.size(), 1u);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].code, "unknown_field");
  std::string error;
  EXPECT_FALSE(FieldMapping::from_json(R"({"body":"text"})", &error));
  EXPECT_NE(error.find("unknown role"), std::string::npos);
}

TEST(DateNormalizer, CommonFormsBecomeIso) {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"2015-07-25", "2015-07-25"},
      {"2015/7/5", "2015-07-05"},
      {"2015-07-25 10:20", "2015-07-25T10:20:00"},
      {"2015-07-25T10:20:00.123Z", "2015-07-25T10:20:00Z"},
      {"2015-07-25T10:20:00+03:00", "2015-07-25T10:20:00+03:00"},
      {"25/07/2015", "2015-07-25"},
      {"05.07.2015", "2015-07-05"},
      {"07/25/2015", "2015-07-25"},
      {"Sat, 25 Jul 2015 10:20:00 +0300", "2015-07-25T10:20:00+03:00"},
      {"Sat, 25 Jul 2015 10:20:00 GMT", "2015-07-25T10:20:00Z"},
      {"July 25, 2015", "2015-07-25"},
      {"25 July 2015", "2015-07-25"},
      {"السبت 25 يوليو 2015", "2015-07-25"},
      {"٢٥ تموز ٢٠١٥م", "2015-07-25"},
      {"3 كانون الثاني 2016", "2016-01-03"},
      {"2015-07-25 10:20 م", "2015-07-25T22:20:00"},
      {"29/02/2016", "2016-02-29"},
  };
  for (const auto& [in, out] : cases) EXPECT_EQ(normalize_date(in).value_or("<kept>"), out) << in;
}

TEST(DateNormalizer, OtherFormsAreKept) {
  for (const char* in : {"", "أمس", "9 شوال 1436 هـ", "25/07/15", "2015-02-30", "2015-13-01", "1437800000",
                         "2015-07-25 25:00", "2015-07-25 garbage"}) {
    EXPECT_FALSE(normalize_date(in)) << in;
  }
}

TEST(DateNormalizer, KeptDatesAreReportedOncePerFile) {
  const auto r = CorpusLoader::from_file("x.csv", "id,text,date\n1,a,أمس\n2,b,2015-01-01\n3,c,قبل ساعة\n");
  ASSERT_EQ(r.documents.size(), 3u);
  EXPECT_EQ(r.documents[0].date, "أمس");
  EXPECT_EQ(r.documents[1].date, "2015-01-01");
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].code, "date_kept");
  EXPECT_EQ(r.warnings[0].count, 2u);
  EXPECT_EQ(r.warnings[0].line, 2u);
  EXPECT_EQ(r.mapping->dates_kept, 2u);
  EXPECT_EQ(r.mapping->dates_normalized, 1u);
}

TEST(FilePeek, FieldsSamplesAndTheMappingItWouldUse) {
  const std::string csv = "headline,body,published\nع1,ن1,2015-01-01\nع2,\"ن2\nتتمة\",2015-01-02\nع3,ن3";
  // The page peeks at the first bytes of a file: the last row may be cut.
  const auto p = CorpusLoader::peek("x.csv", csv.substr(0, csv.size() - 2), 5);
  EXPECT_EQ(p.format, "csv");
  EXPECT_EQ(p.fields, (std::vector<std::string>{"headline", "body", "published"}));
  ASSERT_EQ(p.samples.size(), 2u);
  EXPECT_EQ(p.samples[1][1].second, "ن2\nتتمة");
  EXPECT_EQ(p.mapping.field(FieldRole::Text), "body");
  EXPECT_EQ(p.mapping.field(FieldRole::Title), "headline");

  const auto json = nlohmann::json::parse(JsonApi::peek_file("x.json", R"([{"a":"x","b":2},{"c":null}])", 5));
  EXPECT_EQ(json["format"], "json");
  EXPECT_EQ(json["fields"], nlohmann::json::parse(R"(["a","b","c"])"));
  EXPECT_EQ(json["samples"][0]["b"], "2");
  EXPECT_TRUE(json["mapping"]["text"].is_null());
}

TEST(JsonApiFileLoading, SlicesReportProgressAndEndWithTheReport) {
  JsonApi api;
  std::string csv = "headline,body\n";
  for (int i = 0; i < 5; ++i) csv += "ع" + std::to_string(i) + ",نص " + std::to_string(i) + "\n";
  csv += "bad\n";
  EXPECT_EQ(nlohmann::json::parse(api.begin_load_file("n.csv", csv, ""))["records"], 6);
  auto step = nlohmann::json::parse(api.continue_load_file(4));
  EXPECT_EQ(step["done"], false);
  EXPECT_EQ(step["read"], 4);
  step = nlohmann::json::parse(api.continue_load_file(4));
  EXPECT_EQ(step["done"], true);
  EXPECT_EQ(step["added"], 5);
  ASSERT_EQ(step["warnings"].size(), 1u);
  EXPECT_EQ(step["warnings"][0]["line"], 7);
  EXPECT_EQ(step["mapping"]["text"], "body");
  EXPECT_EQ(step["mapping"]["automatic"], nlohmann::json::parse(R"(["text","title"])"));
  EXPECT_EQ(step["mapping"]["generated_ids"], true);
  EXPECT_EQ(nlohmann::json::parse(api.documents()).size(), 5u);

  const auto refused = nlohmann::json::parse(api.load_file("m.csv", csv, "{\"text\": 3}"));
  EXPECT_EQ(refused["added"], 0);
  EXPECT_EQ(refused["warnings"][0]["code"], "bad_mapping");
}
