#include "api/engine.hpp"

#include "api/lexicon_sources.hpp"
#include "text/utf.hpp"
#include "entities/cldr_names.hpp"
#include "entities/resources.hpp"

namespace mirsad {
namespace {

struct SharedAnalysis {
  Lexicon lexicon;
  std::unique_ptr<Analyzer> analyzer;

  SharedAnalysis() : lexicon(load_lexicon()), analyzer(std::make_unique<Analyzer>(lexicon)) {}
};

const SharedAnalysis& shared_analysis() {
  static const SharedAnalysis shared;
  return shared;
}

// The entity extractor (gazetteer, CLDR names, rules) is built on the first request for
// entities, not with the engine: a page's first search does not wait for it.
const EntityExtractor& shared_extractor() {
  static const EntityExtractor extractor(*shared_analysis().analyzer, EntityResources::embedded(), CldrNames::load());
  return extractor;
}

}  // namespace

Engine::Engine(std::unique_ptr<TextStore> texts)
    : analyzer_(shared_analysis().analyzer.get()),
      parser_(*analyzer_),
      searcher_(index_, title_index_),
      texts_(std::move(texts)) {}

Engine::~Engine() = default;

std::vector<AddError> Engine::add_documents(std::vector<Document> documents) {
  std::vector<AddError> errors;
  for (std::size_t position = 0; position < documents.size(); ++position) {
    Document& doc = documents[position];
    if (doc.id.empty()) { errors.push_back({doc.id, "empty id", "empty_id", position}); continue; }
    if (ordinal_by_id_.count(doc.id)) {
      errors.push_back({doc.id, "duplicate id: kept the first document", "duplicate_id", position});
      continue;
    }
    // The index takes a few bytes per UTF-16 unit of text (postings, spans, new terms): refuse
    // the document if that could pass the budget, rather than fail an allocation half-way.
    const std::size_t in_use = index_.memory_bytes() + title_index_.memory_bytes() + texts_->heap_bytes();
    const std::size_t needed = (doc.text.size() + doc.title.size()) * 4 + 4096;
    if (in_use + needed > memory_budget_) {
      const auto mb = [](std::size_t bytes) { return std::to_string((bytes + (1 << 20) - 1) >> 20); };
      errors.push_back({doc.id,
                        "not enough memory: this document needs about " + mb(needed) + " MB and the index already uses " +
                            mb(in_use) + " MB of its " + mb(memory_budget_) + " MB budget; it was not added",
                        "memory_limit", position});
      continue;
    }
    const DocOrdinal ordinal = index_.add(analyzer_->analyze(doc.text, AnalysisDepth::Surface));
    const std::u16string title = utf8_to_utf16(doc.title);
    title_index_.add(analyzer_->analyze(title, AnalysisDepth::Surface));  // same ordinals: every document has a (maybe empty) title
    ordinal_by_id_.emplace(doc.id, ordinal);
    documents_.push_back(DocumentInfo{std::move(doc.id), std::move(doc.title), std::move(doc.date),
                                      std::move(doc.source), static_cast<uint32_t>(doc.text.size())});
    texts_->append(std::move(doc.text));
  }
  return errors;
}

void Engine::write(BinaryWriter& w) const {
  w.u64(documents_.size());
  for (DocOrdinal i = 0; i < documents_.size(); ++i) {
    const DocumentInfo& d = documents_[i];
    w.bytes(d.id);
    w.bytes(d.title);
    w.bytes(d.date);
    w.bytes(d.source);
    w.text(texts_->text(i));
  }
  index_.write(w);
  title_index_.write(w);
}

bool Engine::read(BinaryReader& r) {
  const uint64_t n = r.u64();
  if (texts_->size() != 0) return false;
  std::vector<DocumentInfo> documents;
  std::vector<std::u16string> texts;  // handed to the store only once the whole file checks out
  std::unordered_map<std::string, DocOrdinal> ordinals;
  for (uint64_t i = 0; i < n && r.ok(); ++i) {
    DocumentInfo d;
    d.id = r.bytes();
    d.title = r.bytes();
    d.date = r.bytes();
    d.source = r.bytes();
    texts.push_back(r.text());
    d.length = static_cast<uint32_t>(texts.back().size());
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
  for (std::u16string& t : texts) texts_->append(std::move(t));
  entity_cache_.clear();
  return true;
}

SearchResults Engine::search(const Query& query, std::size_t limit) const {
  if (query.filters.empty()) return searcher_.search(query, limit);
  // Filter values are compared the way text is: fully normalized (so entity:ليبيا matches the
  // canonical form ليبيا whatever its spelling in the query).
  struct Prepared {
    const Filter* filter;
    std::string utf8;
    std::u16string normalized;
  };
  std::vector<Prepared> prepared;
  for (const Filter& f : query.filters) {
    prepared.push_back({&f, utf16_to_utf8(f.value), analyzer_->normalizer().normalize_plain(f.value)});
  }
  const auto holds = [&](const Prepared& p, DocOrdinal doc) {
    const DocumentInfo& d = documents_[doc];
    if (p.filter->field == "source") return d.source == p.utf8;
    if (p.filter->field == "date") return d.date.rfind(p.utf8, 0) == 0;
    if (p.filter->field == "id") return d.id == p.utf8;
    for (const Entity& e : entities(doc)) {  // entity: computed for candidate documents only, then cached
      if (analyzer_->normalizer().normalize_plain(utf8_to_utf16(e.canonical)) == p.normalized ||
          analyzer_->normalizer().normalize_plain(utf8_to_utf16(e.text)) == p.normalized) {
        return true;
      }
    }
    return false;
  };
  return searcher_.search(query, limit, [&](DocOrdinal doc) {
    for (const Prepared& p : prepared) {
      if (holds(p, doc) == p.filter->negated) return false;
    }
    return true;
  });
}

std::optional<DocOrdinal> Engine::find(const std::string& id) const {
  const auto it = ordinal_by_id_.find(id);
  if (it == ordinal_by_id_.end()) return std::nullopt;
  return it->second;
}

const std::vector<Entity>& Engine::entities(DocOrdinal doc) const {
  auto it = entity_cache_.find(doc);
  if (it == entity_cache_.end()) {
    const std::u16string text = texts_->text(doc);
    it = entity_cache_.emplace(doc, shared_extractor().extract(text, analyzer_->analyze(text))).first;
  }
  return it->second;
}

std::vector<Entity> Engine::extract_entities(std::u16string_view text) const {
  return shared_extractor().extract(text, analyzer_->analyze(text));
}

EntityOverview Engine::entity_overview(const std::vector<DocOrdinal>& docs, std::size_t entity_limit,
                                       std::size_t matrix_size) const {
  return build_entity_overview(
      docs.size(), [&](std::size_t i) { return OverviewDocument{&entities(docs[i]), texts_->text(docs[i])}; },
      entity_limit, matrix_size);
}

}  // namespace mirsad
