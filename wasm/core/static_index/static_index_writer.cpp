#include "static_index/static_index_writer.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "static_index/static_format.hpp"
#include "text/utf.hpp"

namespace mirsad {
namespace {

using nlohmann::ordered_json;
namespace sf = static_format;

std::string dump(const ordered_json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

std::string level_name(std::size_t level) { return std::string(match_level_name(kAllMatchLevels[level])); }

enum Phase { kPostings, kVocabularies, kNorms, kDocuments, kFragments, kEntities, kManifest, kDone };

}  // namespace

StaticIndexWriter::StaticIndexWriter(const InvertedIndex& body, const InvertedIndex& titles,
                                     const std::vector<DocumentInfo>& documents, const TextStore& texts,
                                     uint64_t analysis_fingerprint, std::size_t chunk_bytes, const EntityPostings* entities)
    : body_(body), titles_(titles), documents_(documents), texts_(texts), fingerprint_(analysis_fingerprint),
      chunk_bytes_(std::max<std::size_t>(chunk_bytes, 256)) {
  if (entities) entities_ = std::make_unique<StaticEntityWriter>(*entities, chunk_bytes_);
  start_level(0);
}

void StaticIndexWriter::start_level(std::size_t level) {
  level_ = level;
  const MatchLevel l = kAllMatchLevels[level];
  const TermDictionary& body_terms = body_.dictionary(l);
  const TermDictionary& title_terms = titles_.dictionary(l);
  level_terms_.clear();
  level_terms_.reserve(body_terms.size());
  for (uint32_t id = 0; id < body_terms.size(); ++id) level_terms_.push_back({body_terms.term_text(id), id, UINT32_MAX});
  for (uint32_t id = 0; id < title_terms.size(); ++id) {
    const std::u16string_view term = title_terms.term_text(id);
    const uint32_t in_body = body_terms.find(term);
    if (in_body != TermDictionary::kMissing) level_terms_[in_body].title = id;
    else level_terms_.push_back({term, UINT32_MAX, id});
  }
  std::sort(level_terms_.begin(), level_terms_.end(), [](const LevelTerm& a, const LevelTerm& b) { return a.term < b.term; });
  next_term_ = 0;
  chunks_.clear();
}

StaticFile StaticIndexWriter::next_chunk() {
  const MatchLevel level = kAllMatchLevels[level_];
  std::string bytes;
  sf::put_header(bytes, sf::kPostingsKind);
  bytes.push_back(static_cast<char>(level_));
  std::string terms;
  std::size_t count = 0;
  std::array<std::size_t, 2> in_field{0, 0};
  const std::size_t first = next_term_;
  std::string field;
  while (next_term_ < level_terms_.size() && (count == 0 || terms.size() < chunk_bytes_)) {
    const LevelTerm& t = level_terms_[next_term_++];
    sf::put_term(terms, t.term);
    for (const auto& [index, id] : {std::pair{&body_, t.body}, std::pair{&titles_, t.title}}) {
      field.clear();
      in_field[index == &body_ ? 0 : 1] += id != UINT32_MAX ? 1 : 0;
      if (id != UINT32_MAX) sf::put_postings(field, index->postings_of(level, id));
      sf::put_varint(terms, field.size());
      terms += field;
    }
    ++count;
  }
  sf::put_varint(bytes, count);
  bytes += terms;
  StaticFile file{sf::content_name("postings-" + level_name(level_), bytes, ".bin"), std::move(bytes)};
  chunks_.push_back({std::u16string(level_terms_[first].term), file.name, in_field});
  return file;
}

StaticFile StaticIndexWriter::level_table() {
  ordered_json chunks = ordered_json::array();
  for (const ChunkEntry& c : chunks_) {
    chunks.push_back(ordered_json::array({utf16_to_utf8(c.first), c.file, c.terms[0], c.terms[1]}));
  }
  ordered_json table{{"level", level_name(level_)}, {"terms", level_terms_.size()}, {"chunks", std::move(chunks)}};
  std::string bytes = dump(table);
  StaticFile file{sf::content_name("table-" + level_name(level_), bytes, ".json"), std::move(bytes)};
  tables_[level_] = file.name;
  return file;
}

StaticFile StaticIndexWriter::vocabulary(std::size_t level, bool titles) const {
  const TermDictionary& terms = (titles ? titles_ : body_).dictionary(kAllMatchLevels[level]);
  std::string bytes;
  sf::put_header(bytes, sf::kVocabularyKind);
  bytes.push_back(static_cast<char>(level));
  sf::put_varint(bytes, terms.size());
  for (uint32_t id = 0; id < terms.size(); ++id) sf::put_term(bytes, terms.term_text(id));
  return StaticFile{sf::content_name("vocabulary-" + level_name(level) + (titles ? "-title" : "-body"), bytes, ".bin"),
                    std::move(bytes)};
}

StaticFile StaticIndexWriter::norms() const {
  std::string bytes;
  sf::put_header(bytes, sf::kNormsKind);
  sf::put_varint(bytes, body_.document_count());
  for (DocOrdinal d = 0; d < body_.document_count(); ++d) sf::put_varint(bytes, body_.document_length(d));
  for (DocOrdinal d = 0; d < body_.document_count(); ++d) sf::put_varint(bytes, titles_.document_length(d));
  return StaticFile{sf::content_name("norms", bytes, ".bin"), std::move(bytes)};
}

StaticFile StaticIndexWriter::documents_file() const {
  ordered_json docs = ordered_json::array();
  for (const DocumentInfo& d : documents_) docs.push_back(ordered_json::array({d.id, d.date, d.source, d.length}));
  std::string bytes = dump(ordered_json{{"documents", std::move(docs)}});
  return StaticFile{sf::content_name("documents", bytes, ".json"), std::move(bytes)};
}

// One document's fragment. The text goes as UTF-8 JSON: offsets are UTF-16 units of the text
// the reader decodes, checked against `length` (a lone surrogate would not survive UTF-8).
StaticFile StaticIndexWriter::fragment(DocOrdinal doc) const {
  const DocumentInfo& d = documents_[doc];
  const ordered_json j{{"ordinal", doc}, {"id", d.id},         {"title", d.title},
                       {"date", d.date}, {"source", d.source}, {"url", d.url},
                       {"length", d.length}, {"text", utf16_to_utf8(texts_.text(doc))}};
  return StaticFile{"fragment/" + generations_[doc / kFragmentBlock] + "/" + std::to_string(doc) + ".json", dump(j)};
}

// Fragments are many (one a document), so their names are not listed: they are
// fragment/GEN/ORDINAL.json, where GEN is a hash of the content of every fragment of the
// ordinal's block. A fragment's name then changes whenever its content may have, a cache never
// serves an old one, and the manifest lists one name a block.
std::vector<std::string> StaticIndexWriter::fragment_generations() const {
  std::vector<std::string> generations;
  std::string part;
  uint64_t h = 0;
  for (DocOrdinal doc = 0; doc < documents_.size(); ++doc) {
    const DocumentInfo& d = documents_[doc];
    part = d.id + '\x1f' + d.title + '\x1f' + d.date + '\x1f' + d.source + '\x1f';
    const std::u16string text = texts_.text(doc);
    part.append(reinterpret_cast<const char*>(text.data()), text.size() * sizeof(char16_t));
    h = h * 0x9E3779B97F4A7C15ull + sf::content_hash(part);
    if ((doc + 1) % kFragmentBlock == 0 || doc + 1 == documents_.size()) {
      generations.push_back(sf::hex64(sf::content_hash(sf::hex64(h) + std::to_string(doc))).substr(0, 12));
      h = 0;
    }
  }
  return generations;
}

StaticFile StaticIndexWriter::manifest() const {
  ordered_json levels = ordered_json::object();
  for (std::size_t l = 0; l < kMatchLevelCount; ++l) {
    levels[level_name(l)] = {{"table", tables_[l]},
                             {"vocabulary", {{"body", vocabularies_[l][0]}, {"title", vocabularies_[l][1]}}}};
  }
  ordered_json m{{"format", sf::kManifestFormat},
                       {"version", sf::kVersion},
                       {"analysis", sf::hex64(fingerprint_)},
                       {"documents", body_.document_count()},
                       {"tokens", {{"body", body_.token_count()}, {"title", titles_.token_count()}}},
                       {"levels", std::move(levels)},
                       {"norms", norms_name_},
                       {"documents_file", documents_name_},
                       {"fragments", {{"block", kFragmentBlock}, {"generations", generations_},
                                      {"pattern", "fragment/{generation}/{ordinal}.json"}}},
                       {"chunk_bytes", chunk_bytes_},
                       {"files", files_given_ + 1}};
  if (entities_) m["entities"] = {{"table", entities_->table_name()}, {"keys", entities_->keys()}};
  return StaticFile{"manifest.json", dump(m)};
}

bool StaticIndexWriter::next(StaticFile& file) {
  for (;;) {
    switch (phase_) {
      case kPostings:
        if (next_term_ < level_terms_.size()) {
          file = next_chunk();
          break;
        }
        file = level_table();
        if (level_ + 1 < kMatchLevelCount) start_level(level_ + 1);
        else {
          level_terms_ = {};
          phase_ = kVocabularies;
        }
        break;
      case kVocabularies:
        if (vocabulary_ == kMatchLevelCount * 2) {
          phase_ = kNorms;
          continue;
        }
        file = vocabulary(vocabulary_ / 2, vocabulary_ % 2 == 1);
        vocabularies_[vocabulary_ / 2][vocabulary_ % 2] = file.name;
        ++vocabulary_;
        break;
      case kNorms:
        file = norms();
        norms_name_ = file.name;
        phase_ = kDocuments;
        break;
      case kDocuments:
        file = documents_file();
        documents_name_ = file.name;
        generations_ = fragment_generations();
        phase_ = kFragments;
        break;
      case kFragments:
        if (next_fragment_ == documents_.size()) {
          phase_ = kEntities;
          continue;
        }
        file = fragment(next_fragment_++);
        break;
      case kEntities:
        if (!entities_ || !entities_->next(file)) {
          phase_ = kManifest;
          continue;
        }
        break;
      case kManifest:
        file = manifest();
        phase_ = kDone;
        break;
      default:
        return false;
    }
    ++files_given_;
    bytes_given_ += file.bytes.size();
    return true;
  }
}

}  // namespace mirsad
