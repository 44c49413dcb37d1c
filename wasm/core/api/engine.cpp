#include "api/engine.hpp"

#include <algorithm>
#include <cstring>
#include <functional>
#include <optional>

#include "api/shared_analysis.hpp"
#include "index/gentle_growth.hpp"
#include "text/utf.hpp"
#include "entities/cldr_names.hpp"
#include "entities/entity_memory.hpp"
#include "entities/entity_name_key.hpp"
#include "entities/resources.hpp"
#include "events/event_extractor.hpp"
#include "events/event_memory.hpp"
#include "search/document_filter.hpp"

namespace mirsad {
namespace {

// The entity extractor (gazetteer, CLDR names, rules) is built on the first request for
// entities, not with the engine: a page's first search does not wait for it.
const EntityExtractor& shared_extractor() {
  static const EntityExtractor extractor(shared_analyzer(), EntityResources::embedded(), CldrNames::load());
  return extractor;
}

const EventExtractor& shared_event_extractor() {
  static const EventExtractor extractor(shared_analyzer(), EventLexicon::embedded(shared_analyzer()), CldrNames::load());
  return extractor;
}

// Does an event hold for the document's event: and with: filters? The positive event: types of
// the query, when given, bind with: to an event of those types (event:MEET with:"شكري" asks for
// a meeting Shoukry took part in, not any event of his in a document that also has a meeting).
bool event_filter_holds(const std::vector<Event>& events, const Filter& filter, const std::u16string& value,
                        const std::vector<EventType>& asked_types, const std::function<std::u16string()>& text_of,
                        const CharNormalizer& normalizer) {
  if (filter.field == "event") {
    const auto type = parse_event_type(utf16_to_utf8(filter.value));
    return type && std::any_of(events.begin(), events.end(), [&](const Event& e) { return e.type == *type; });
  }
  // The canonical forms first; the mentions as written only if none matched (the document's
  // text is fetched, and copied, only then).
  const auto asked = [&](const Event& e) {
    return filter.negated || asked_types.empty() || std::find(asked_types.begin(), asked_types.end(), e.type) != asked_types.end();
  };
  // One name however it is spelled (عبد العزيز / عبدالعزيز, أشتون / اشتون): compared by their keys.
  const std::u16string key = entity_name_key_of_normalized(value);
  for (const Event& e : events) {
    if (!asked(e)) continue;
    for (const EventParticipant& p : e.participants) {
      if (entity_name_key(utf8_to_utf16(p.canonical), normalizer) == key) return true;
    }
  }
  std::optional<std::u16string> text;
  for (const Event& e : events) {
    if (!asked(e)) continue;
    for (const EventParticipant& p : e.participants) {
      if (!text) text = text_of();
      if (entity_name_key(std::u16string_view(*text).substr(p.span.start, p.span.length()), normalizer) == key) return true;
    }
  }
  return false;
}

}  // namespace

Engine::Engine(std::unique_ptr<TextStore> texts)
    : analyzer_(&shared_analyzer()),
      parser_(*analyzer_),
      searcher_(index_, title_index_),
      texts_(std::move(texts)) {}

Engine::~Engine() = default;

std::vector<AddError> Engine::add_documents(std::vector<Document> documents) {
  std::vector<AddError> errors;
  for (std::size_t position = 0; position < documents.size(); ++position) {
    Document& doc = documents[position];
    if (doc.id.empty()) { errors.push_back({doc.id, "empty id", "empty_id", position}); continue; }
    if (ordinal_by_id_.count(doc.id) || taken_ids_.count(doc.id)) {
      errors.push_back({doc.id, "duplicate id: kept the first document", "duplicate_id", position});
      continue;
    }
    // The budget counts what the index really allocates. First the analysis itself (the text's
    // normalized copy, its offset map, the tokens) must fit while it runs; then the document is
    // refused if the index's growth for it, bounded from its analysis, would pass the budget.
    const std::u16string title = utf8_to_utf16(doc.title);
    const std::size_t units = doc.text.size() + title.size();
    const std::size_t analysis_bytes = units * (sizeof(char16_t) + sizeof(Span)) + (units / 2 + 1) * sizeof(AnalyzedToken);
    const auto refuse = [&](std::size_t needed, const char* what) {
      const auto mb = [](std::size_t bytes) { return std::to_string((bytes + (1 << 20) - 1) >> 20); };
      errors.push_back({doc.id,
                        std::string("not enough memory: ") + what + " needs about " + mb(needed) +
                            " MB and the index already uses " + mb(memory_in_use()) + " MB of its " + mb(memory_budget_) +
                            " MB budget; it was not added",
                        "memory_limit", position});
    };
    if (memory_in_use() + analysis_bytes > memory_budget_) {
      refuse(analysis_bytes, "analysing this document");
      continue;
    }
    const AnalyzedText body = analyzer_->analyze(doc.text, AnalysisDepth::Surface);
    const AnalyzedText title_text = analyzer_->analyze(title, AnalysisDepth::Surface);
    const InvertedIndex::Growth body_growth = index_.growth_bound(body);
    const InvertedIndex::Growth title_growth = title_index_.growth_bound(title_text);
    const std::size_t needed = body_growth.bytes + title_growth.bytes + texts_->growth_bound(doc.text.size()) +
                               (index_.query_structures_bound(body_growth.new_terms) - index_.query_structures_bound(0)) +
                               (title_index_.query_structures_bound(title_growth.new_terms) - title_index_.query_structures_bound(0)) +
                               push_back_growth_bound(documents_) + 4 * sizeof(DocumentInfo) + doc.id.size() * 2 + doc.title.size() +
                               doc.date.size() + doc.source.size() + doc.url.size();
    const std::size_t metadata = doc.id.size() + doc.title.size() + doc.date.size() + doc.source.size() + doc.url.size() + 32;
    const std::size_t file_growth = reserve_for_saving_ ? needed + doc.text.size() * sizeof(char16_t) + metadata : 0;
    if (memory_in_use() + needed + file_growth > memory_budget_) {
      refuse(needed + file_growth, "this document");
      continue;
    }
    text_units_ += doc.text.size();
    metadata_bytes_ += metadata;
    const DocOrdinal ordinal = index_.add(body);
    title_index_.add(title_text);  // same ordinals: every document has a (maybe empty) title
    ordinal_by_id_.emplace(doc.id, ordinal);
    documents_.push_back(DocumentInfo{std::move(doc.id), std::move(doc.title), std::move(doc.date),
                                      std::move(doc.source), std::move(doc.url), static_cast<uint32_t>(doc.text.size())});
    texts_->append(std::move(doc.text));
  }
  return errors;
}

std::size_t Engine::memory_in_use() const {
  // The query structures searching builds on first use are reserved now, and so is the cache of
  // merged postings: a search right after a full load must not be the allocation that fails.
  return index_.memory_bytes() + title_index_.memory_bytes() + texts_->heap_bytes() + index_.query_structures_bound(0) +
         title_index_.query_structures_bound(0) + InvertedIndex::kSearchCacheBytes +
         (reserve_for_saving_ ? saved_file_bound() : 0);
}

std::size_t Engine::saved_file_bound() const {
  return index_.memory_bytes() + title_index_.memory_bytes() + text_units_ * sizeof(char16_t) + metadata_bytes_ + 64;
}

void Engine::write(BinaryWriter& w) const {
  w.u64(documents_.size());
  for (DocOrdinal i = 0; i < documents_.size(); ++i) {
    const DocumentInfo& d = documents_[i];
    w.bytes(d.id);
    w.bytes(d.title);
    w.bytes(d.date);
    w.bytes(d.source);
    w.bytes(d.url);
    w.text(texts_->text(i));
  }
  index_.write(w);
  title_index_.write(w);
}

bool Engine::read(BinaryReader& r) {
  ReadState state;
  WorkDeadline never = WorkDeadline::never();
  return read_some(r, state, never) == StepStatus::Done;
}

StepStatus Engine::read_some(BinaryReader& r, ReadState& state, WorkDeadline& deadline) {
  constexpr std::size_t kTextPartBytes = std::size_t{1} << 20;  // even: whole UTF-16 units
  enum Phase { kStart, kDocuments, kBody, kTitles, kCommit, kDone };
  std::size_t read_here = 0;  // documents read in this call
  for (;;) {
    switch (state.phase) {
      case kStart: {
        if (texts_->size() != 0 || !documents_.empty()) return StepStatus::Failed;
        const std::size_t mark = r.position();
        state.count = r.u64();
        if (r.starved()) {
          r.rewind(mark);
          return StepStatus::NeedsInput;
        }
        if (!r.ok()) return StepStatus::Failed;
        state.item = 0;
        state.phase = kDocuments;
        break;
      }
      case kDocuments:
        for (; state.item < state.count; ++state.item) {
          if (!state.in_text) {  // the document's fields, then its text's length: one item
            // The clock is read for every document but the first of a slice (a slice always
            // gets on): each becomes a JS string in the page, and 1024 of them between two
            // looks (passed()) made a 170 ms slice of 8,000 articles.
            if (read_here++ > 0 && deadline.passed_now()) return StepStatus::Working;
            const std::size_t mark = r.position();
            DocumentInfo d;
            d.id = r.bytes();
            d.title = r.bytes();
            d.date = r.bytes();
            d.source = r.bytes();
            if (state.format_version >= 3) d.url = r.bytes();
            const uint64_t units = r.u64();
            if (r.starved()) {
              r.rewind(mark);
              return StepStatus::NeedsInput;
            }
            if (!r.ok() || units > r.remaining_in_file() / sizeof(char16_t) || units > UINT32_MAX) return StepStatus::Failed;
            d.length = static_cast<uint32_t>(units);
            if (d.id.empty() || !state.ordinals.emplace(d.id, static_cast<DocOrdinal>(state.item)).second) {
              return StepStatus::Failed;
            }
            state.text_lengths.push_back(d.length);
            state.title_lengths.push_back(static_cast<uint32_t>(utf8_to_utf16(d.title).size()));
            state.documents.push_back(std::move(d));
            state.text_bytes = units * sizeof(char16_t);
            if (state.text_bytes <= std::min(kTextPartBytes, r.remaining())) {  // the common case: whole
              texts_->append(BinaryReader::text_of(r.some(state.text_bytes)));
              continue;
            }
            state.in_text = true;
          }
          // A long text (or one the window ends inside) goes in parts of up to 1 MB, with a look
          // at the clock after each.
          while (state.text_offset < state.text_bytes) {
            std::size_t n = std::min<uint64_t>({kTextPartBytes, state.text_bytes - state.text_offset, r.remaining()}) &
                            ~std::size_t{1};
            // A part never ends between the two halves of a surrogate pair: each part becomes a
            // JS string of its own, and a half alone would be decoded as U+FFFD.
            if (n > 0 && state.text_offset + n < state.text_bytes) {
              uint16_t last = 0;
              std::memcpy(&last, r.peek(n - 2, 2).data(), 2);
              if (last >= 0xD800 && last <= 0xDBFF) n -= 2;
            }
            if (n == 0) return StepStatus::NeedsInput;
            const std::u16string part = BinaryReader::text_of(r.some(n));
            state.text_offset += n;
            texts_->append_part(part, state.text_offset == state.text_bytes);
            if (state.text_offset < state.text_bytes && deadline.passed_now()) return StepStatus::Working;
          }
          state.in_text = false;
          state.text_offset = 0;
        }
        state.phase = kBody;
        break;
      case kBody: {
        const StepStatus s = state.body.read_some(r, state.text_lengths, state.body_state, deadline);
        if (s != StepStatus::Done) return s;
        state.phase = kTitles;
        break;
      }
      case kTitles: {
        const StepStatus s = state.titles.read_some(r, state.title_lengths, state.title_state, deadline);
        if (s != StepStatus::Done) return s;
        // The engine is the whole payload: anything after it is damage, and must be found before
        // the documents are committed.
        if (state.body.document_count() != state.count || state.titles.document_count() != state.count || !r.at_end()) {
          return StepStatus::Failed;
        }
        state.phase = kCommit;
        break;
      }
      case kCommit:
        // Everything checked out: the documents and indexes become the engine's.
        text_units_ = 0;
        metadata_bytes_ = 0;
        for (const DocumentInfo& d : state.documents) {
          text_units_ += d.length;
          metadata_bytes_ += d.id.size() + d.title.size() + d.date.size() + d.source.size() + d.url.size() + 32;
        }
        documents_ = std::move(state.documents);
        ordinal_by_id_ = std::move(state.ordinals);
        index_ = std::move(state.body);
        title_index_ = std::move(state.titles);
        forget_extractions();
        known_verdicts_.clear();
        state = ReadState{};
        state.phase = kDone;
        break;
      default:
        return StepStatus::Done;
    }
  }
}

void Engine::abandon_read(const ReadState& state) {
  // Texts stored by a reading that did not finish (a refused non-empty engine stored none).
  if (state.phase != 0 && documents_.empty()) texts_->clear();
}

namespace {

// The positive event: types of a query: with: then asks for a party of an event of those types.
std::vector<EventType> asked_event_types_of(const Query& query) {
  std::vector<EventType> asked;
  for (const Filter& f : query.filters) {
    if (f.field != "event" || f.negated) continue;
    if (const auto type = parse_event_type(utf16_to_utf8(f.value))) asked.push_back(*type);
  }
  return asked;
}

}  // namespace

DocumentFilter Engine::filter_of(const Query& query, const std::vector<EventType>& asked_event_types) const {
  const auto normalize = [this](std::u16string_view v) { return analyzer_->normalizer().normalize_plain(v); };
  DocumentFilter filter(query.filters, documents_, normalize, [this, &asked_event_types](DocOrdinal doc, const Filter& f, const std::u16string& value) {
    if (f.field == "event" || f.field == "with") {
      return event_filter_holds(events(doc), f, value, asked_event_types, [&] { return texts_->text(doc); }, analyzer_->normalizer());
    }
    const std::u16string key = entity_name_key_of_normalized(value);
    for (const Entity& e : entities(doc)) {
      if (entity_name_key(utf8_to_utf16(e.canonical), analyzer_->normalizer()) == key ||
          entity_name_key(utf8_to_utf16(e.text), analyzer_->normalizer()) == key) {
        return true;
      }
    }
    return false;
  });
  const std::string key = extracted_filters_key(query.filters, normalize);
  if (known_verdicts_.has_key(key)) {
    filter.use_known_verdicts([this, key](DocOrdinal doc) { return known_verdicts_.find(key, doc); });
  }
  return filter;
}

SearchResults Engine::search(const Query& query, std::size_t limit, ResultSort sort, Facets* facets) const {
  const DocumentOrder order = date_order(documents_, sort);
  const std::vector<EventType> asked_event_types = asked_event_types_of(query);
  const DocumentFilter filter = filter_of(query, asked_event_types);
  if (!facets) {
    if (filter.empty()) return searcher_.search(query, limit, nullptr, order);
    return searcher_.search(query, limit, [&](DocOrdinal doc) { return filter.check(doc).all(); }, order);
  }
  FacetCounter counter(documents_);
  SearchResults results;
  if (query.empty()) {  // nothing asked yet: the facets of the whole collection
    counter.count_all();
  } else {
    results = searcher_.search(query, limit, [&](DocOrdinal doc) {
      const FilterVerdict v = filter.check(doc);
      counter.count_match(doc, v);
      return v.all();
    }, order);
  }
  *facets = counter.result();
  return results;
}

void Engine::visit_candidates(const Query& query, const DocumentFilter& filter,
                              const std::function<void(DocOrdinal, const FilterVerdict&)>& visit) const {
  if (query.empty()) return;
  // Every document the words match is offered to `accept`, whatever the limit.
  searcher_.search(query, 0, [&](DocOrdinal doc) {
    visit(doc, filter.check(doc));
    return false;
  });
}

namespace {

// event: and with: need a document's events; entity: alone its entities.
bool asks_events(const Query& query) {
  return std::any_of(query.filters.begin(), query.filters.end(), [](const Filter& f) { return f.field == "event" || f.field == "with"; });
}

}  // namespace

bool Engine::cached_for(const Query& query, DocOrdinal doc) const {
  return asks_events(query) ? event_cache_.count(doc) != 0 : entity_cache_.count(doc) != 0;
}

std::vector<DocOrdinal> Engine::unresolved_candidates(const Query& query) const {
  const std::vector<EventType> asked = asked_event_types_of(query);
  DocumentFilter filter = filter_of(query, asked);
  std::vector<DocOrdinal> out;
  if (!filter.has_extracted()) return out;
  // A known verdict answers for itself; otherwise the document is noted, not extracted.
  const auto normalize = [this](std::u16string_view v) { return analyzer_->normalizer().normalize_plain(v); };
  const std::string key = extracted_filters_key(query.filters, normalize);
  std::vector<DocOrdinal> cached;
  filter.use_known_verdicts([&](DocOrdinal doc) -> std::optional<bool> {
    if (known_verdicts_.find(key, doc)) return true;
    (cached_for(query, doc) ? cached : out).push_back(doc);
    return true;
  });
  visit_candidates(query, filter, [](DocOrdinal, const FilterVerdict&) {});
  // A cached extraction answers now, but the bounded cache may forget it: its verdict is kept, so
  // that what is left to prepare only goes down.
  keep_verdicts(query, cached);
  return out;
}

void Engine::keep_verdicts(const Query& query, const std::vector<DocOrdinal>& docs) const {
  if (docs.empty()) return;
  const std::vector<EventType> asked = asked_event_types_of(query);  // the filter keeps a reference to it
  const DocumentFilter filter = filter_of(query, asked);
  std::vector<DocOrdinal> hold, fail;
  for (const DocOrdinal doc : docs) {
    const FilterVerdict v = filter.check(doc);
    if (v.reached_extracted) (v.rest ? hold : fail).push_back(doc);
  }
  const auto normalize = [this](std::u16string_view v) { return analyzer_->normalizer().normalize_plain(v); };
  known_verdicts_.adopt(extracted_filters_key(query.filters, normalize), hold, fail);
}

std::size_t Engine::extract_candidates(const Query& query, std::size_t max_documents) const {
  std::vector<DocOrdinal> pending = unresolved_candidates(query);
  const std::size_t left = pending.size() - std::min(max_documents, pending.size());
  // Testing a candidate extracts what its filters need; its verdict is kept with the filters' key.
  pending.resize(pending.size() - left);
  keep_verdicts(query, pending);
  return left;
}

void Engine::extracted_verdicts(const Query& query, std::vector<DocOrdinal>& hold, std::vector<DocOrdinal>& fail) const {
  const std::vector<EventType> asked = asked_event_types_of(query);
  const DocumentFilter filter = filter_of(query, asked);
  if (!filter.has_extracted()) return;
  visit_candidates(query, filter, [&](DocOrdinal doc, const FilterVerdict& v) {
    if (v.reached_extracted) (v.rest ? hold : fail).push_back(doc);
  });
}

void Engine::adopt_verdicts(const Query& query, const std::vector<DocOrdinal>& hold, const std::vector<DocOrdinal>& fail) {
  const auto normalize = [this](std::u16string_view v) { return analyzer_->normalizer().normalize_plain(v); };
  known_verdicts_.adopt(extracted_filters_key(query.filters, normalize), hold, fail);
}

std::optional<DocOrdinal> Engine::find(const std::string& id) const {
  const auto it = ordinal_by_id_.find(id);
  if (it == ordinal_by_id_.end()) return std::nullopt;
  return it->second;
}

std::size_t Engine::extraction_cache_budget() const {
  if (extraction_cache_budget_override_) return *extraction_cache_budget_override_;
  const std::size_t in_use = memory_in_use();
  const std::size_t left = memory_budget_ > in_use ? memory_budget_ - in_use : 0;
  return std::clamp(left, kMinExtractionCache, kMaxExtractionCache);
}

void Engine::forget_extractions() const {
  entity_cache_.clear();
  event_cache_.clear();
  extraction_cache_bytes_ = 0;
}

void Engine::make_room_for_extraction() const {
  if (extraction_cache_bytes_ >= extraction_cache_budget()) forget_extractions();
}

const std::vector<Entity>& Engine::entities(DocOrdinal doc) const {
  auto it = entity_cache_.find(doc);
  if (it == entity_cache_.end()) {
    make_room_for_extraction();
    const std::u16string text = texts_->text(doc);
    it = entity_cache_.emplace(doc, shared_extractor().extract(text, analyzer_->analyze(text))).first;
    extraction_cache_bytes_ += memory_bytes(it->second);
  }
  return it->second;
}

const std::vector<Event>& Engine::events(DocOrdinal doc) const {
  auto it = event_cache_.find(doc);
  if (it == event_cache_.end()) {
    make_room_for_extraction();
    const std::u16string text = texts_->text(doc);
    const AnalyzedText analyzed = analyzer_->analyze(text);
    auto entities_it = entity_cache_.find(doc);
    if (entities_it == entity_cache_.end()) {
      entities_it = entity_cache_.emplace(doc, shared_extractor().extract(text, analyzed)).first;
      extraction_cache_bytes_ += memory_bytes(entities_it->second);
    }
    it = event_cache_.emplace(doc, shared_event_extractor().extract(text, analyzed, entities_it->second, documents_[doc].date)).first;
    extraction_cache_bytes_ += memory_bytes(it->second);
  }
  return it->second;
}

std::vector<Event> Engine::extract_events(std::u16string_view text, std::string_view date) const {
  const AnalyzedText analyzed = analyzer_->analyze(text);
  return shared_event_extractor().extract(text, analyzed, shared_extractor().extract(text, analyzed), date);
}

std::vector<PartyCandidate> Engine::event_party_candidates(std::u16string_view text, std::string_view date) const {
  const AnalyzedText analyzed = analyzer_->analyze(text);
  std::vector<PartyCandidate> candidates;
  shared_event_extractor().extract(text, analyzed, shared_extractor().extract(text, analyzed), date, &candidates);
  return candidates;
}

std::vector<Entity> Engine::extract_entities(std::u16string_view text) const {
  return shared_extractor().extract(text, analyzer_->analyze(text));
}

}  // namespace mirsad
