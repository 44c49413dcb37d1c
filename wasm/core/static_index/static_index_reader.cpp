#include "static_index/static_index_reader.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "index/fuzzy_scan.hpp"
#include "entities/entity_name_key.hpp"
#include "search/document_filter.hpp"
#include "search/phrase_matcher.hpp"
#include "static_index/static_format.hpp"
#include "text/utf.hpp"

namespace mirsad {
namespace {

namespace sf = static_format;
using nlohmann::json;

bool starts_with(std::u16string_view s, std::u16string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Positions, as token spans, for a document whose fragment is not loaded: one span a token, none
// touching another. The searcher needs real spans only for the hits it shows (their fragments
// are loaded first); for counting the others' highlights, distinct tokens are what real spans
// give too, except for the tokens of one expanded character (ﷺ), which share a span.
std::vector<Span> distinct_spans(uint32_t tokens) {
  std::vector<Span> spans(tokens);
  for (uint32_t i = 0; i < tokens; ++i) spans[i] = Span{2 * i, 2 * i + 1};
  return spans;
}

}  // namespace

// One field (body or title) of the static index as the searcher reads it. Terms found by a
// prefix or fuzzy expansion get ids into expanded_, valid until the next search.
class StaticIndexReader::FieldView final : public PostingsSource {
 public:
  FieldView(const StaticIndexReader& reader, bool title) : r_(reader), field_(title ? 1 : 0) {}

  std::size_t document_count() const override { return r_.documents_; }
  uint32_t document_length(DocOrdinal doc) const override {
    const std::vector<uint32_t>& lengths = field_ ? r_.title_lengths_ : r_.body_lengths_;
    if (doc < lengths.size()) return lengths[doc];
    r_.need(r_.norms_name_);
    return 1;
  }
  double average_document_length() const override {
    return r_.documents_ == 0 ? 0.0 : static_cast<double>(token_count()) / static_cast<double>(r_.documents_);
  }
  uint64_t token_count() const override { return field_ ? r_.title_tokens_ : r_.body_tokens_; }
  std::vector<Span> token_spans(DocOrdinal doc) const override {
    if (const StaticFragment* f = r_.fragment(doc)) return field_ ? f->title_spans : f->body_spans;
    return distinct_spans(document_length(doc));
  }

  DecodedPostings postings(MatchLevel level, std::u16string_view term) const override {
    DecodedPostings out;
    const std::string_view bytes = field_bytes(level, term);
    if (!bytes.empty()) sf::read_postings(bytes, r_.documents_, out);  // checked when the chunk came
    return out;
  }
  DecodedPostings postings_of(MatchLevel level, const std::vector<uint32_t>& term_ids) const override {
    if (term_ids.size() == 1 && term_ids[0] < expanded_.size()) return postings(level, expanded_[term_ids[0]]);
    std::vector<std::pair<DocOrdinal, uint32_t>> all;
    for (const uint32_t id : term_ids) {
      if (id >= expanded_.size()) continue;
      const DecodedPostings p = postings(level, expanded_[id]);
      for (std::size_t i = 0; i < p.size(); ++i) {
        for (const uint32_t* q = p.positions_begin(i); q != p.positions_end(i); ++q) all.emplace_back(p.docs[i], *q);
      }
    }
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    DecodedPostings out;
    for (const auto& [doc, position] : all) {
      if (out.docs.empty() || out.docs.back() != doc) {
        if (!out.docs.empty()) out.starts.push_back(static_cast<uint32_t>(out.positions.size()));
        out.docs.push_back(doc);
      }
      out.positions.push_back(position);
    }
    if (!out.docs.empty()) out.starts.push_back(static_cast<uint32_t>(out.positions.size()));
    return out;
  }

  std::vector<uint32_t> expand_prefix(MatchLevel level, std::u16string_view prefix, std::size_t limit,
                                      bool& complete) const override {
    complete = true;
    std::vector<uint32_t> out;
    const std::vector<ChunkRef>* chunks = r_.table(level);
    if (!chunks) return out;
    auto it = std::upper_bound(chunks->begin(), chunks->end(), prefix,
                               [](std::u16string_view p, const ChunkRef& c) { return p < c.first; });
    std::size_t i = it == chunks->begin() ? 0 : static_cast<std::size_t>(it - chunks->begin()) - 1;
    std::size_t unseen = 0;  // terms in chunks still to be fetched: each may be an expansion
    for (; i < chunks->size(); ++i) {
      const ChunkRef& ref = (*chunks)[i];
      if (ref.first > prefix && !starts_with(ref.first, prefix)) break;
      if (ref.terms[field_] == 0) continue;  // none of its terms is in this field
      const Chunk* chunk = r_.chunk(ref.file);
      if (!chunk) {
        unseen += ref.terms[field_];
        if (out.size() + unseen > limit) break;
        continue;
      }
      auto t = std::lower_bound(chunk->terms.begin(), chunk->terms.end(), prefix,
                                [](const ChunkTerm& c, std::u16string_view p) { return c.term < p; });
      for (; t != chunk->terms.end(); ++t) {
        if (!starts_with(t->term, prefix)) return out;
        if (t->fields[field_].empty()) continue;
        if (out.size() == limit) {
          complete = false;
          return out;
        }
        out.push_back(remember(t->term));
      }
    }
    return out;
  }

  FuzzyExpansion expand_fuzzy(MatchLevel level, std::u16string_view term, uint32_t max_distance, std::size_t limit,
                              FuzzyBudget& budget) const override {
    const TermDictionary* dictionary = r_.vocabulary(level, field_ == 1);
    if (!dictionary) return FuzzyExpansion{};
    FuzzyExpansion expansion = scan_fuzzy(*dictionary, term, max_distance, limit, budget);
    for (uint32_t& id : expansion.ids) id = remember(dictionary->term_text(id));
    return expansion;
  }

  // Asks for the chunk that holds term, if it is not loaded.
  void touch(MatchLevel level, std::u16string_view term) const { field_bytes(level, term); }
  const std::u16string& expanded(uint32_t id) const { return expanded_[id]; }

 private:
  uint32_t remember(std::u16string_view term) const {
    expanded_.emplace_back(term);
    return static_cast<uint32_t>(expanded_.size() - 1);
  }
  std::string_view field_bytes(MatchLevel level, std::u16string_view term) const {
    const std::vector<ChunkRef>* chunks = r_.table(level);
    if (!chunks) return {};
    const auto it = std::upper_bound(chunks->begin(), chunks->end(), term,
                                     [](std::u16string_view t, const ChunkRef& c) { return t < c.first; });
    if (it == chunks->begin()) return {};
    const Chunk* chunk = r_.chunk((it - 1)->file);
    if (!chunk) return {};
    const auto t = std::lower_bound(chunk->terms.begin(), chunk->terms.end(), term,
                                    [](const ChunkTerm& c, std::u16string_view x) { return c.term < x; });
    if (t == chunk->terms.end() || t->term != term) return {};
    return t->fields[field_];
  }

  const StaticIndexReader& r_;
  std::size_t field_;
  mutable std::vector<std::u16string> expanded_;
};

StaticIndexReader::StaticIndexReader(const Analyzer& analyzer, uint64_t analysis_fingerprint)
    : analyzer_(analyzer), fingerprint_(analysis_fingerprint) {}

StaticIndexReader::~StaticIndexReader() = default;

std::string StaticIndexReader::open(std::string_view manifest) {
  open_ = false;
  const json m = json::parse(manifest, nullptr, false);
  if (m.is_discarded() || !m.is_object()) return "manifest.json is not JSON: is this the folder a static Mirsad index was written to?";
  if (m.value("format", "") != sf::kManifestFormat) return "manifest.json is not a Mirsad static index";
  if (!m.contains("version") || !m["version"].is_number_unsigned() || m["version"].get<uint32_t>() != sf::kVersion) {
    return "this static index has format version " + (m.contains("version") ? m["version"].dump() : std::string("?")) +
           "; this reader reads version " + std::to_string(sf::kVersion) + ": rebuild the index with this version";
  }
  if (m.value("analysis", "") != sf::hex64(fingerprint_)) {
    return "this static index was built by a different analyzer (other word lists or ICU version): its words would not "
           "match this reader's; rebuild the index with this version";
  }
  try {
    documents_ = m.at("documents").get<std::size_t>();
    body_tokens_ = m.at("tokens").at("body").get<uint64_t>();
    title_tokens_ = m.at("tokens").at("title").get<uint64_t>();
    for (std::size_t l = 0; l < kMatchLevelCount; ++l) {
      const json& level = m.at("levels").at(std::string(match_level_name(kAllMatchLevels[l])));
      levels_[l] = Level{level.at("table").get<std::string>(),
                         {level.at("vocabulary").at("body").get<std::string>(), level.at("vocabulary").at("title").get<std::string>()},
                         std::nullopt};
    }
    entities_table_name_ = m.contains("entities") ? m["entities"].at("table").get<std::string>() : std::string();
    entity_facets_name_ = m.contains("entities") ? m["entities"].value("facets", "") : std::string();
    norms_name_ = m.at("norms").get<std::string>();
    documents_name_ = m.at("documents_file").get<std::string>();
    fragment_block_ = m.at("fragments").at("block").get<std::size_t>();
    generations_ = m.at("fragments").at("generations").get<std::vector<std::string>>();
    if (fragment_block_ == 0 || generations_.size() != (documents_ + fragment_block_ - 1) / fragment_block_) {
      return "manifest.json lists fragment blocks that do not fit its documents: it is damaged";
    }
  } catch (const json::exception&) {
    return "manifest.json lacks a field this reader needs: it is damaged, or was not written by Mirsad";
  }
  body_lengths_.clear();
  title_lengths_.clear();
  documents_info_.reset();
  entity_chunks_.reset();
  entity_facets_.reset();
  facet_rows_.clear();
  facet_of_document_.clear();
  cache_.clear();
  cached_bytes_ = 0;
  files_loaded_ = 0;
  refused_.clear();
  open_ = true;
  return {};
}

std::string StaticIndexReader::fragment_name(DocOrdinal doc) const {
  return "fragment/" + generations_[doc / fragment_block_] + "/" + std::to_string(doc) + ".json";
}

void StaticIndexReader::need(const std::string& name) const { missing_.insert(name); }

const std::vector<StaticIndexReader::ChunkRef>* StaticIndexReader::table(MatchLevel level) const {
  const Level& l = levels_[static_cast<std::size_t>(level)];
  if (l.chunks) return &*l.chunks;
  need(l.table_name);
  return nullptr;
}

const std::vector<DocOrdinal>* StaticIndexReader::entity_documents(const std::u16string& key) const {
  static const std::vector<DocOrdinal> kNone;
  if (!entity_chunks_) {
    need(entities_table_name_);
    return nullptr;
  }
  const auto it = std::upper_bound(entity_chunks_->begin(), entity_chunks_->end(), key,
                                   [](const std::u16string& k, const EntityChunkRef& c) { return k < c.first; });
  if (it == entity_chunks_->begin()) return &kNone;
  const auto cached = cache_.find((it - 1)->file);
  if (cached == cache_.end() || !cached->second.entities) {
    need((it - 1)->file);
    return nullptr;
  }
  cached->second.last_use = ++clock_;
  const EntityPostings& keys = *cached->second.entities;
  const auto k = std::lower_bound(keys.begin(), keys.end(), key,
                                  [](const auto& entry, const std::u16string& x) { return entry.first < x; });
  return k != keys.end() && k->first == key ? &k->second : &kNone;
}

std::string StaticIndexReader::read_entities(const std::string& name, std::string_view bytes) {
  auto keys = std::make_shared<EntityPostings>();
  const std::string error = read_entity_chunk(bytes, documents_, *keys);
  if (!error.empty()) return error;
  Cached entry;
  std::size_t size = 0;
  for (const auto& [key, docs] : *keys) size += key.size() * sizeof(char16_t) + docs.size() * sizeof(DocOrdinal) + 64;
  entry.entities = std::move(keys);
  entry.bytes = size;
  keep(name, std::move(entry));
  return {};
}

const StaticIndexReader::Chunk* StaticIndexReader::chunk(const std::string& name) const {
  const auto it = cache_.find(name);
  if (it == cache_.end() || !it->second.chunk) {
    need(name);
    return nullptr;
  }
  it->second.last_use = ++clock_;
  return it->second.chunk.get();
}

const TermDictionary* StaticIndexReader::vocabulary(MatchLevel level, bool title) const {
  const std::string& name = levels_[static_cast<std::size_t>(level)].vocabulary_names[title ? 1 : 0];
  const auto it = cache_.find(name);
  if (it == cache_.end() || !it->second.vocabulary) {
    need(name);
    return nullptr;
  }
  it->second.last_use = ++clock_;
  return it->second.vocabulary.get();
}

const StaticFragment* StaticIndexReader::fragment(DocOrdinal doc) const {
  const auto it = cache_.find(fragment_name(doc));
  if (it == cache_.end() || !it->second.fragment) return nullptr;
  it->second.last_use = ++clock_;
  return it->second.fragment.get();
}

bool StaticIndexReader::norms_ready() const {
  if (!body_lengths_.empty() || documents_ == 0) return true;
  need(norms_name_);
  return false;
}

void StaticIndexReader::file_unavailable(const std::string& name, const std::string& why) {
  refused_[name] = name + " could not be fetched (" + why + "): the index on the server is incomplete or was replaced; "
                   "reload the page, or rebuild and upload the whole index";
}

std::string StaticIndexReader::provide(const std::string& name, std::string_view bytes) {
  if (!open_) return "no static index is open";
  std::string error;
  bool known = false;
  for (std::size_t l = 0; l < kMatchLevelCount && !known; ++l) {
    if (name == levels_[l].table_name) {
      known = true;
      error = sf::content_matches(name, bytes) ? read_table(l, bytes) : "does not match its name";
    }
  }
  if (known) {
  } else if (!entities_table_name_.empty() && name == entities_table_name_) {
    std::vector<EntityChunkRef> chunks;
    error = sf::content_matches(name, bytes) ? read_entity_table(bytes, chunks) : "does not match its name";
    if (error.empty()) entity_chunks_ = std::move(chunks);
  } else if (!entity_facets_name_.empty() && name == entity_facets_name_) {
    error = sf::content_matches(name, bytes) ? read_entity_facets_file(bytes) : "does not match its name";
  } else if (name.rfind("entities-", 0) == 0) {
    error = sf::content_matches(name, bytes) ? read_entities(name, bytes) : "does not match its name";
  } else if (name == norms_name_) {
    error = sf::content_matches(name, bytes) ? read_norms(bytes) : "does not match its name";
  } else if (name == documents_name_) {
    error = sf::content_matches(name, bytes) ? read_documents(bytes) : "does not match its name";
  } else if (name.rfind("postings-", 0) == 0) {
    error = sf::content_matches(name, bytes) ? read_chunk(name, bytes) : "does not match its name";
  } else if (name.rfind("vocabulary-", 0) == 0) {
    error = sf::content_matches(name, bytes) ? read_vocabulary(name, bytes) : "does not match its name";
  } else if (name.rfind("fragment/", 0) == 0 && name.size() > 14 && name.ends_with(".json")) {
    const std::size_t slash = name.rfind('/');
    const std::string number = name.substr(slash + 1, name.size() - slash - 6);
    const bool digits = !number.empty() && number.size() < 10 && std::all_of(number.begin(), number.end(), ::isdigit);
    const uint64_t doc = digits ? std::stoull(number) : UINT64_MAX;
    if (doc >= documents_ || name != fragment_name(static_cast<DocOrdinal>(doc))) error = "is not a file of this index";
    else error = read_fragment(static_cast<DocOrdinal>(doc), bytes);
  } else {
    error = "is not a file of this index";
  }
  if (error.empty()) {
    ++files_loaded_;
    refused_.erase(name);
    return {};
  }
  error = name + " " + error + ": the index is damaged or was replaced while this page was open; reload, or rebuild it";
  refused_[name] = error;
  return error;
}

std::string StaticIndexReader::read_table(std::size_t level, std::string_view bytes) {
  const json t = json::parse(bytes, nullptr, false);
  if (t.is_discarded() || !t.is_object() || !t.contains("chunks") || !t["chunks"].is_array()) return "is not a chunk table";
  std::vector<ChunkRef> chunks;
  for (const json& c : t["chunks"]) {
    if (!c.is_array() || c.size() != 4 || !c[0].is_string() || !c[1].is_string() || !c[2].is_number_unsigned() ||
        !c[3].is_number_unsigned()) {
      return "has a malformed entry";
    }
    ChunkRef ref{utf8_to_utf16(c[0].get<std::string>()), c[1].get<std::string>(), {c[2].get<std::size_t>(), c[3].get<std::size_t>()}};
    if (!chunks.empty() && !(chunks.back().first < ref.first)) return "is not in term order";
    if (ref.file.rfind("postings-", 0) != 0) return "names a file that is not a postings chunk";
    chunks.push_back(std::move(ref));
  }
  levels_[level].chunks = std::move(chunks);
  return {};
}

std::string StaticIndexReader::read_chunk(const std::string& name, std::string_view bytes) {
  auto chunk = std::make_shared<Chunk>();
  chunk->bytes.assign(bytes);
  sf::Cursor c(chunk->bytes);
  if (!c.header(sf::kPostingsKind)) return "is not a postings chunk of this format";
  const std::string_view level_byte = c.take(1);
  const uint64_t count = c.varint();
  if (!c.ok() || static_cast<uint8_t>(level_byte[0]) >= kMatchLevelCount || count > chunk->bytes.size()) return "is damaged";
  DecodedPostings check;
  for (uint64_t i = 0; i < count; ++i) {
    ChunkTerm term;
    term.term = c.term();
    for (std::size_t f = 0; f < 2; ++f) {
      term.fields[f] = c.take(c.varint());
      if (!c.ok()) return "is damaged";
      if (term.fields[f].empty()) continue;
      if (!sf::read_postings(term.fields[f], documents_, check)) return "has damaged postings";
      const std::vector<uint32_t>& lengths = f ? title_lengths_ : body_lengths_;
      for (std::size_t d = 0; d < check.size() && !lengths.empty(); ++d) {
        if (check.positions[check.starts[d + 1] - 1] >= lengths[check.docs[d]]) return "has a position past its document's end";
      }
    }
    if (!chunk->terms.empty() && !(chunk->terms.back().term < term.term)) return "is not in term order";
    chunk->terms.push_back(std::move(term));
  }
  if (!c.at_end()) return "has bytes after its last term";
  const std::size_t size = chunk->bytes.size() + chunk->terms.size() * (sizeof(ChunkTerm) + 16);
  keep(name, Cached{chunk, nullptr, nullptr, size, 0, nullptr});
  return {};
}

std::string StaticIndexReader::read_vocabulary(const std::string& name, std::string_view bytes) {
  sf::Cursor c(bytes);
  if (!c.header(sf::kVocabularyKind)) return "is not a vocabulary of this format";
  c.take(1);
  const uint64_t count = c.varint();
  if (!c.ok() || count > bytes.size()) return "is damaged";
  auto dictionary = std::make_shared<TermDictionary>();
  for (uint64_t i = 0; i < count; ++i) {
    const std::u16string term = c.term();
    bool added = false;
    if (!c.ok()) return "is damaged";
    dictionary->intern(term, added);
    if (!added) return "repeats a term";
  }
  if (!c.at_end()) return "has bytes after its last term";
  keep(name, Cached{nullptr, dictionary, nullptr, bytes.size() * 3, 0, nullptr});
  return {};
}

std::string StaticIndexReader::read_norms(std::string_view bytes) {
  sf::Cursor c(bytes);
  if (!c.header(sf::kNormsKind) || c.varint() != documents_) return "is not the norms of this index";
  std::vector<uint32_t> body(documents_), title(documents_);
  uint64_t body_sum = 0, title_sum = 0;
  for (auto& v : body) body_sum += v = static_cast<uint32_t>(c.varint());
  for (auto& v : title) title_sum += v = static_cast<uint32_t>(c.varint());
  if (!c.ok() || !c.at_end() || body_sum != body_tokens_ || title_sum != title_tokens_) return "is damaged";
  body_lengths_ = std::move(body);
  title_lengths_ = std::move(title);
  return {};
}

std::string StaticIndexReader::read_documents(std::string_view bytes) {
  const json d = json::parse(bytes, nullptr, false);
  if (d.is_discarded() || !d.is_object() || !d.contains("documents") || !d["documents"].is_array() ||
      d["documents"].size() != documents_) {
    return "is not the document list of this index";
  }
  std::vector<DocumentInfo> docs;
  docs.reserve(documents_);
  for (const json& e : d["documents"]) {
    if (!e.is_array() || e.size() != 4 || !e[0].is_string() || !e[1].is_string() || !e[2].is_string() ||
        !e[3].is_number_unsigned()) {
      return "has a malformed entry";
    }
    docs.push_back(DocumentInfo{e[0].get<std::string>(), "", e[1].get<std::string>(), e[2].get<std::string>(), "",
                                e[3].get<uint32_t>()});
  }
  documents_info_ = std::move(docs);
  return {};
}

std::string StaticIndexReader::read_entity_facets_file(std::string_view bytes) {
  std::vector<EntityFacetEntry> facets;
  std::string error = read_entity_facets(bytes, documents_, facets);
  if (!error.empty()) return error;
  if (facets.size() > UINT16_MAX) return "has more entities than a facets file can";
  std::vector<uint32_t> rows(documents_ + 1, 0);
  for (const EntityFacetEntry& f : facets) {
    for (const DocOrdinal d : f.documents) ++rows[d + 1];
  }
  for (std::size_t d = 0; d < documents_; ++d) rows[d + 1] += rows[d];
  std::vector<uint16_t> of_document(rows.back());
  std::vector<uint32_t> fill(rows.begin(), rows.end() - 1);
  for (std::size_t i = 0; i < facets.size(); ++i) {
    for (const DocOrdinal d : facets[i].documents) of_document[fill[d]++] = static_cast<uint16_t>(i);
  }
  for (EntityFacetEntry& f : facets) f.documents = {};  // the rows hold them now
  entity_facets_ = std::move(facets);
  facet_rows_ = std::move(rows);
  facet_of_document_ = std::move(of_document);
  return {};
}

void StaticIndexReader::add_entity_facets(Facets& facets, const std::vector<std::size_t>& counts) const {
  facets.has_entities = true;
  facets.entities.clear();
  for (std::size_t i = 0; i < counts.size(); ++i) {
    if (counts[i] == 0) continue;
    const EntityCatalogEntry& e = (*entity_facets_)[i].entity;
    facets.entities.push_back({e.canonical, e.type, e.label_en, counts[i]});
  }
  std::stable_sort(facets.entities.begin(), facets.entities.end(),
                   [](const EntityFacetCount& a, const EntityFacetCount& b) { return a.documents > b.documents; });
}

std::string StaticIndexReader::read_fragment(DocOrdinal doc, std::string_view bytes) {
  const json f = json::parse(bytes, nullptr, false);
  if (f.is_discarded() || !f.is_object()) return "is not a document fragment";
  auto fragment = std::make_shared<StaticFragment>();
  try {
    if (f.at("ordinal").get<uint64_t>() != doc) return "is another document's fragment";
    fragment->info = DocumentInfo{f.at("id").get<std::string>(), f.at("title").get<std::string>(),
                                  f.at("date").get<std::string>(), f.at("source").get<std::string>(),
                                  f.at("url").get<std::string>(), f.at("length").get<uint32_t>()};
    fragment->text = utf8_to_utf16(f.at("text").get<std::string>());
  } catch (const json::exception&) {
    return "lacks a field of a document fragment";
  }
  if (fragment->text.size() != fragment->info.length) return "has a text of another length than its document's";
  for (const AnalyzedToken& t : analyzer_.analyze(fragment->text, AnalysisDepth::Surface).tokens) fragment->body_spans.push_back(t.token.span);
  const std::u16string title = utf8_to_utf16(fragment->info.title);
  for (const AnalyzedToken& t : analyzer_.analyze(title, AnalysisDepth::Surface).tokens) fragment->title_spans.push_back(t.token.span);
  if (!body_lengths_.empty() &&
      (fragment->body_spans.size() != body_lengths_[doc] || fragment->title_spans.size() != title_lengths_[doc])) {
    return "does not hold the text that was indexed";
  }
  const std::size_t size = fragment->text.size() * 2 + (fragment->body_spans.size() + fragment->title_spans.size()) * sizeof(Span) +
                           bytes.size() / 4;
  keep(fragment_name(doc), Cached{nullptr, nullptr, fragment, size, 0, nullptr});
  return {};
}

void StaticIndexReader::keep(const std::string& name, Cached entry) {
  entry.last_use = ++clock_;
  const auto it = cache_.find(name);
  if (it != cache_.end()) cached_bytes_ -= it->second.bytes;
  cached_bytes_ += entry.bytes;
  cache_[name] = std::move(entry);
  trim_cache();
}

void StaticIndexReader::trim_cache() {
  while (cached_bytes_ > budget_ && cache_.size() > 1) {
    auto oldest = cache_.begin();
    for (auto it = cache_.begin(); it != cache_.end(); ++it) {
      if (it->second.last_use < oldest->second.last_use) oldest = it;
    }
    cached_bytes_ -= oldest->second.bytes;
    cache_.erase(oldest);
  }
}

void StaticIndexReader::prefetch(const Query& query, FieldView& body, FieldView& titles) {
  const bool with_titles = title_tokens_ > 0;
  const auto touch_phrase = [&](const PhraseQuery& phrase) {
    for (const QueryTerm& term : phrase.terms) {
      for (FieldView* view : {&body, &titles}) {
        if (view == &titles && !with_titles) continue;
        if (term.match == TermMatch::Whole) {
          view->touch(query.level, term.text);
          continue;
        }
        std::vector<uint32_t> ids;
        if (term.match == TermMatch::Prefix) {
          bool complete = true;
          ids = view->expand_prefix(query.level, term.text, kMaxPrefixExpansions, complete);
        } else {
          FuzzyBudget budget;
          ids = view->expand_fuzzy(query.level, term.text, fuzzy_distance(term.text), kMaxFuzzyExpansions, budget).ids;
        }
        for (const uint32_t id : ids) view->touch(query.level, view->expanded(id));
      }
    }
  };
  for (const Clause& clause : query.required) {
    const bool has_content_word = std::any_of(clause.alternatives.begin(), clause.alternatives.end(),
                                              [](const PhraseQuery& p) { return !p.stop; });
    for (const PhraseQuery& phrase : clause.alternatives) {
      if (phrase.stop && has_content_word && clause.alternatives.size() > 1) continue;  // as the searcher does
      touch_phrase(phrase);
    }
  }
  for (const PhraseQuery& phrase : query.excluded) touch_phrase(phrase);
}

StaticIndexReader::Outcome StaticIndexReader::search(const Query& query, std::size_t limit, ResultSort sort, Facets* facets) {
  Outcome out;
  if (!open_) {
    out.error = "no static index is open";
    return out;
  }
  const bool entity_filters = std::any_of(query.filters.begin(), query.filters.end(), [](const Filter& f) { return f.field == "entity"; });
  if (entity_filters && entities_table_name_.empty()) {
    out.error = "this static index was written without entities, so entity: filters cannot be answered: write it with "
                "`mirsad index --static DIR --entities`, or search without the filter";
    return out;
  }
  if (std::any_of(query.filters.begin(), query.filters.end(), [](const Filter& f) { return f.field == "event" || f.field == "with"; })) {
    out.error = "a static index holds no events, so event: and with: filters cannot be answered here: load the "
                "articles into the page (or `mirsad search --corpus`) to filter by events";
    return out;
  }
  missing_.clear();
  const auto unanswered = [&]() {
    if (missing_.empty()) return false;
    for (const std::string& name : missing_) {
      const auto r = refused_.find(name);
      if (r != refused_.end()) {
        out.error = r->second;
        return true;
      }
    }
    out.needs.assign(missing_.begin(), missing_.end());
    return true;
  };
  const bool needs_documents = !query.filters.empty() || sort != ResultSort::Relevance || facets;
  if (query.empty() || documents_ == 0) {
    if (!facets || documents_ == 0) return out;
    // Nothing asked yet: the facets of the whole collection, as the in-memory engine gives them.
    if (!documents_info_) need(documents_name_);
    if (!entity_facets_name_.empty() && !entity_facets_) need(entity_facets_name_);
    if (unanswered()) return out;
    FacetCounter counter(*documents_info_);
    counter.count_all();
    *facets = counter.result();
    if (entity_facets_) {
      std::vector<std::size_t> counts(entity_facets_->size(), 0);
      for (const uint16_t f : facet_of_document_) ++counts[f];
      add_entity_facets(*facets, counts);
    }
    return out;
  }
  table(query.level);
  norms_ready();
  if (needs_documents && !documents_info_) need(documents_name_);
  const bool entity_facets = facets && !entity_facets_name_.empty();
  if (entity_facets && !entity_facets_) need(entity_facets_name_);
  if (unanswered()) return out;

  FieldView body(*this, false), titles(*this, true);
  prefetch(query, body, titles);
  // Every entity: filter's documents, in the same round as the words' chunks.
  std::unordered_map<std::u16string, const std::vector<DocOrdinal>*> entity_docs;
  for (const Filter& f : query.filters) {
    if (f.field != "entity") continue;
    // Keyed by the value as the filter normalizes it (what the test below is given), looked up
    // by the name's key (entities/entity_name_key.hpp: the writer's keys).
    entity_docs[analyzer_.normalizer().normalize_plain(f.value)] = entity_documents(entity_name_key(f.value, analyzer_.normalizer()));
  }
  if (unanswered()) return out;

  static const std::vector<DocumentInfo> kNoDocuments;
  const std::vector<DocumentInfo>& docs = documents_info_ ? *documents_info_ : kNoDocuments;
  const DocumentFilter filter(
      query.filters, docs, [&](std::u16string_view v) { return analyzer_.normalizer().normalize_plain(v); },
      [&](DocOrdinal doc, const Filter&, const std::u16string& key) {
        const auto it = entity_docs.find(key);
        return it != entity_docs.end() && it->second && std::binary_search(it->second->begin(), it->second->end(), doc);
      });
  const DocumentOrder order = needs_documents ? date_order(docs, sort) : DocumentOrder{};
  const auto run = [&]() {
    FieldView b(*this, false), t(*this, true);
    const Searcher searcher(b, t);
    if (facets) {  // counted as Engine::search counts them: each facet before its own filter
      FacetCounter counter(docs);
      std::vector<std::size_t> entity_counts(entity_facets ? entity_facets_->size() : 0, 0);
      SearchResults results = searcher.search(query, limit, [&](DocOrdinal doc) {
        const FilterVerdict v = filter.check(doc);
        counter.count_match(doc, v);
        if (entity_facets && v.all()) {
          for (uint32_t i = facet_rows_[doc]; i < facet_rows_[doc + 1]; ++i) ++entity_counts[facet_of_document_[i]];
        }
        return v.all();
      }, order);
      *facets = counter.result();
      if (entity_facets) add_entity_facets(*facets, entity_counts);
      return results;
    }
    if (filter.empty()) return searcher.search(query, limit, nullptr, order);
    return searcher.search(query, limit, [&](DocOrdinal doc) { return filter.check(doc).all(); }, order);
  };
  SearchResults first = run();
  if (unanswered()) return out;
  bool fragments_loaded = true;
  for (const SearchHit& hit : first.hits) {
    if (!fragment(hit.doc)) {
      need(fragment_name(hit.doc));
      fragments_loaded = false;
    }
  }
  if (unanswered()) return out;
  out.results = fragments_loaded ? std::move(first) : run();  // the hits' snippets need their real token spans
  unanswered();
  return out;
}

}  // namespace mirsad
