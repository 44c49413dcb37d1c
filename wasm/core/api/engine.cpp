#include "api/engine.hpp"

#include "embedded_data.hpp"
#include "text/utf.hpp"
#include "entities/cldr_names.hpp"
#include "entities/resources.hpp"

namespace mirsad {
namespace {

// The analyzer that reads the entity data must not depend on the lexicon being built from it.
std::unique_ptr<Analyzer> build_analyzer(Lexicon& lexicon) {
  const Lexicon empty;
  const Analyzer plain(empty);
  lexicon.add_word_list(plain.normalizer(), embedded_data::arabic_stems_txt());
  add_entity_words_to_lexicon(plain, EntityResources::embedded(), CldrNames::load(), lexicon);
  return std::make_unique<Analyzer>(lexicon);
}

}  // namespace

Engine::Engine()
    : analyzer_(build_analyzer(lexicon_)),
      extractor_(std::make_unique<EntityExtractor>(*analyzer_, EntityResources::embedded(), CldrNames::load())),
      parser_(*analyzer_),
      searcher_(index_, title_index_) {}

Engine::~Engine() = default;

std::vector<AddError> Engine::add_documents(std::vector<Document> documents) {
  std::vector<AddError> errors;
  for (Document& doc : documents) {
    if (doc.id.empty()) { errors.push_back({doc.id, "empty id"}); continue; }
    if (ordinal_by_id_.count(doc.id)) { errors.push_back({doc.id, "duplicate id: kept the first document"}); continue; }
    const DocOrdinal ordinal = index_.add(analyzer_->analyze(doc.text));
    const std::u16string title = utf8_to_utf16(doc.title);
    title_index_.add(analyzer_->analyze(title));  // same ordinals: every document has a (maybe empty) title
    ordinal_by_id_.emplace(doc.id, ordinal);
    documents_.push_back(std::move(doc));
  }
  return errors;
}

void Engine::write(BinaryWriter& w) const {
  w.u64(documents_.size());
  for (const Document& d : documents_) {
    w.bytes(d.id);
    w.bytes(d.title);
    w.bytes(d.date);
    w.bytes(d.source);
    w.text(d.text);
  }
  index_.write(w);
  title_index_.write(w);
}

bool Engine::read(BinaryReader& r) {
  const uint64_t n = r.u64();
  std::vector<Document> documents;
  std::unordered_map<std::string, DocOrdinal> ordinals;
  for (uint64_t i = 0; i < n && r.ok(); ++i) {
    Document d;
    d.id = r.bytes();
    d.title = r.bytes();
    d.date = r.bytes();
    d.source = r.bytes();
    d.text = r.text();
    if (d.id.empty() || !ordinals.emplace(d.id, static_cast<DocOrdinal>(i)).second) return false;
    documents.push_back(std::move(d));
  }
  InvertedIndex body, titles;
  if (!r.ok() || !body.read(r) || !titles.read(r)) return false;
  if (body.document_count() != n || titles.document_count() != n) return false;
  documents_ = std::move(documents);
  ordinal_by_id_ = std::move(ordinals);
  index_ = std::move(body);
  title_index_ = std::move(titles);
  entity_cache_.clear();
  return true;
}

std::optional<DocOrdinal> Engine::find(const std::string& id) const {
  const auto it = ordinal_by_id_.find(id);
  if (it == ordinal_by_id_.end()) return std::nullopt;
  return it->second;
}

const std::vector<Entity>& Engine::entities(DocOrdinal doc) const {
  auto it = entity_cache_.find(doc);
  if (it == entity_cache_.end()) {
    const std::u16string& text = documents_[doc].text;
    it = entity_cache_.emplace(doc, extractor_->extract(text, analyzer_->analyze(text))).first;
  }
  return it->second;
}

}  // namespace mirsad
