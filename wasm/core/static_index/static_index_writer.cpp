#include "static_index/static_index_writer.hpp"

#include <algorithm>

#include "static_index/static_format.hpp"
#include "text/utf.hpp"

namespace mirsad {
namespace {

namespace sf = static_format;

enum Phase { kPostings, kVocabularies, kNorms, kDocuments, kFragments, kEntities, kEntityCatalog, kEntityFacets, kManifest, kDone };

}  // namespace

StaticIndexWriter::StaticIndexWriter(const InvertedIndex& body, const InvertedIndex& titles,
                                     const std::vector<DocumentInfo>& documents, const TextStore& texts,
                                     uint64_t analysis_fingerprint, std::size_t chunk_bytes, const EntityPostings* entities,
                                     const EntityCatalog* catalog)
    : body_(body), titles_(titles), documents_(documents), texts_(texts), fingerprint_(analysis_fingerprint),
      chunk_bytes_(std::max<std::size_t>(chunk_bytes, 256)), entity_postings_(entities), catalog_(entities ? catalog : nullptr) {
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
  cutter_ = std::make_unique<PostingsChunkCutter>(level, chunk_bytes_);
}

StaticFile StaticIndexWriter::next_chunk() {
  const MatchLevel level = kAllMatchLevels[level_];
  std::array<std::string, 2> fields;
  while (next_term_ < level_terms_.size()) {
    const LevelTerm& t = level_terms_[next_term_++];
    for (std::size_t f = 0; f < 2; ++f) {
      const uint32_t id = f ? t.title : t.body;
      fields[f].clear();
      if (id != UINT32_MAX) sf::put_postings(fields[f], (f ? titles_ : body_).postings_of(level, id));
    }
    if (cutter_->add(t.term, fields[0], fields[1])) break;
  }
  return cutter_->take();
}

StaticFile StaticIndexWriter::vocabulary(std::size_t level, bool titles) const {
  const TermDictionary& terms = (titles ? titles_ : body_).dictionary(kAllMatchLevels[level]);
  VocabularyEncoder encoder(level);
  for (uint32_t id = 0; id < terms.size(); ++id) encoder.add(terms.term_text(id));
  return encoder.finish(titles);
}

StaticFile StaticIndexWriter::norms() const {
  std::vector<uint32_t> body(body_.document_count()), title(body_.document_count());
  for (DocOrdinal d = 0; d < body.size(); ++d) {
    body[d] = body_.document_length(d);
    title[d] = titles_.document_length(d);
  }
  return norms_file(body, title);
}

StaticFile StaticIndexWriter::fragment(DocOrdinal doc) const {
  return fragment_file(doc, generations_[doc / kFragmentBlock], documents_[doc], utf16_to_utf8(texts_.text(doc)));
}

std::vector<std::string> StaticIndexWriter::fragment_generations() const {
  FragmentGenerations generations;
  for (DocOrdinal doc = 0; doc < documents_.size(); ++doc) {
    generations.add(doc, documents_[doc], texts_.text(doc), doc + 1 == documents_.size());
  }
  return generations.generations();
}

StaticFile StaticIndexWriter::manifest() const {
  ManifestParts parts;
  parts.fingerprint = fingerprint_;
  parts.documents = body_.document_count();
  parts.body_tokens = body_.token_count();
  parts.title_tokens = titles_.token_count();
  parts.tables = tables_;
  parts.vocabularies = vocabularies_;
  parts.norms = norms_name_;
  parts.documents_file = documents_name_;
  parts.generations = generations_;
  parts.chunk_bytes = chunk_bytes_;
  parts.files = files_given_ + 1;
  if (entities_) {
    parts.entities_table = entities_->table_name();
    parts.entity_keys = entities_->keys();
    parts.entity_catalog = catalog_name_;
    parts.entity_facets = facets_name_;
  }
  return manifest_file(parts);
}

bool StaticIndexWriter::next(StaticFile& file) {
  for (;;) {
    switch (phase_) {
      case kPostings:
        if (next_term_ < level_terms_.size()) {
          file = next_chunk();
          break;
        }
        file = cutter_->table();
        tables_[level_] = file.name;
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
        file = documents_file(documents_);
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
          phase_ = catalog_ ? kEntityCatalog : kManifest;
          continue;
        }
        break;
      case kEntityCatalog:
        file = entity_catalog_file(*catalog_);
        catalog_name_ = file.name;
        phase_ = kEntityFacets;
        break;
      case kEntityFacets:
        file = entity_facets_file(*catalog_, *entity_postings_);
        facets_name_ = file.name;
        phase_ = kManifest;
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
