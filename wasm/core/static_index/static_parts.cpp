#include "static_index/static_parts.hpp"

#include <nlohmann/json.hpp>

#include "static_index/static_format.hpp"
#include "text/utf.hpp"

namespace mirsad {
namespace {

using nlohmann::ordered_json;
namespace sf = static_format;

std::string dump(const ordered_json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

}  // namespace

std::string static_level_name(std::size_t level) { return std::string(match_level_name(kAllMatchLevels[level])); }

bool PostingsChunkCutter::add(std::u16string_view term, std::string_view body, std::string_view title) {
  if (count_ == 0) first_.assign(term);
  sf::put_term(terms_bytes_, term);
  for (std::size_t f = 0; f < 2; ++f) {
    const std::string_view field = f ? title : body;
    in_field_[f] += field.empty() ? 0 : 1;
    sf::put_varint(terms_bytes_, field.size());
    terms_bytes_ += field;
  }
  ++count_;
  ++total_terms_;
  return terms_bytes_.size() >= chunk_bytes_;
}

StaticFile PostingsChunkCutter::take() {
  std::string bytes;
  sf::put_header(bytes, sf::kPostingsKind);
  bytes.push_back(static_cast<char>(level_));
  sf::put_varint(bytes, count_);
  bytes += terms_bytes_;
  StaticFile file{sf::content_name("postings-" + static_level_name(level_), bytes, ".bin"), std::move(bytes)};
  chunks_.push_back({std::move(first_), file.name, in_field_});
  first_.clear();
  terms_bytes_.clear();
  count_ = 0;
  in_field_ = {0, 0};
  return file;
}

StaticFile PostingsChunkCutter::table() const {
  ordered_json chunks = ordered_json::array();
  for (const ChunkEntry& c : chunks_) {
    chunks.push_back(ordered_json::array({utf16_to_utf8(c.first), c.file, c.terms[0], c.terms[1]}));
  }
  ordered_json table{{"level", static_level_name(level_)}, {"terms", total_terms_}, {"chunks", std::move(chunks)}};
  std::string bytes = dump(table);
  return StaticFile{sf::content_name("table-" + static_level_name(level_), bytes, ".json"), std::move(bytes)};
}

void VocabularyEncoder::add(std::u16string_view term) {
  sf::put_term(terms_, term);
  ++count_;
}

StaticFile VocabularyEncoder::finish(bool titles) {
  std::string bytes;
  sf::put_header(bytes, sf::kVocabularyKind);
  bytes.push_back(static_cast<char>(level_));
  sf::put_varint(bytes, count_);
  bytes += terms_;
  terms_.clear();
  count_ = 0;
  return StaticFile{sf::content_name("vocabulary-" + static_level_name(level_) + (titles ? "-title" : "-body"), bytes, ".bin"),
                    std::move(bytes)};
}

StaticFile norms_file(const std::vector<uint32_t>& body_lengths, const std::vector<uint32_t>& title_lengths) {
  std::string bytes;
  sf::put_header(bytes, sf::kNormsKind);
  sf::put_varint(bytes, body_lengths.size());
  for (const uint32_t n : body_lengths) sf::put_varint(bytes, n);
  for (const uint32_t n : title_lengths) sf::put_varint(bytes, n);
  return StaticFile{sf::content_name("norms", bytes, ".bin"), std::move(bytes)};
}

StaticFile documents_file(const std::vector<DocumentInfo>& documents) {
  ordered_json docs = ordered_json::array();
  for (const DocumentInfo& d : documents) docs.push_back(ordered_json::array({d.id, d.date, d.source, d.length}));
  std::string bytes = dump(ordered_json{{"documents", std::move(docs)}});
  return StaticFile{sf::content_name("documents", bytes, ".json"), std::move(bytes)};
}

void FragmentGenerations::add(DocOrdinal doc, const DocumentInfo& info, std::u16string_view text, bool last_document) {
  part_ = info.id + '\x1f' + info.title + '\x1f' + info.date + '\x1f' + info.source + '\x1f';
  part_.append(reinterpret_cast<const char*>(text.data()), text.size() * sizeof(char16_t));
  chain_ = chain_ * 0x9E3779B97F4A7C15ull + sf::content_hash(part_);
  if ((doc + 1) % kBlock == 0 || last_document) {
    generations_.push_back(sf::hex64(sf::content_hash(sf::hex64(chain_) + std::to_string(doc))).substr(0, 12));
    chain_ = 0;
  }
}

// The text goes as UTF-8 JSON: offsets are UTF-16 units of the text the reader decodes, checked
// against `length` (a lone surrogate would not survive UTF-8).
StaticFile fragment_file(DocOrdinal doc, const std::string& generation, const DocumentInfo& info, std::string_view text_utf8) {
  const ordered_json j{{"ordinal", doc}, {"id", info.id},         {"title", info.title},
                       {"date", info.date}, {"source", info.source}, {"url", info.url},
                       {"length", info.length}, {"text", std::string(text_utf8)}};
  return StaticFile{"fragment/" + generation + "/" + std::to_string(doc) + ".json", dump(j)};
}

StaticFile manifest_file(const ManifestParts& p) {
  ordered_json levels = ordered_json::object();
  for (std::size_t l = 0; l < kMatchLevelCount; ++l) {
    levels[static_level_name(l)] = {{"table", p.tables[l]},
                                    {"vocabulary", {{"body", p.vocabularies[l][0]}, {"title", p.vocabularies[l][1]}}}};
  }
  ordered_json m{{"format", sf::kManifestFormat},
                 {"version", sf::kVersion},
                 {"analysis", sf::hex64(p.fingerprint)},
                 {"documents", p.documents},
                 {"tokens", {{"body", p.body_tokens}, {"title", p.title_tokens}}},
                 {"levels", std::move(levels)},
                 {"norms", p.norms},
                 {"documents_file", p.documents_file},
                 {"fragments", {{"block", FragmentGenerations::kBlock}, {"generations", p.generations},
                                {"pattern", "fragment/{generation}/{ordinal}.json"}}},
                 {"chunk_bytes", p.chunk_bytes},
                 {"files", p.files}};
  if (!p.entities_table.empty()) {
    m["entities"] = {{"table", p.entities_table}, {"keys", p.entity_keys}};
    if (!p.entity_facets.empty()) {
      m["entities"]["catalog"] = p.entity_catalog;
      m["entities"]["facets"] = p.entity_facets;
    }
  }
  return StaticFile{"manifest.json", dump(m)};
}

}  // namespace mirsad
