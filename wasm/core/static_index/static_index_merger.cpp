#include "static_index/static_index_merger.hpp"

#include <algorithm>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "static_index/static_format.hpp"
#include "text/utf.hpp"

namespace mirsad {
namespace {

using nlohmann::json;
namespace sf = static_format;

enum Phase { kPostings, kVocabularies, kNorms, kDocuments, kFragments, kEntities, kManifest, kDone };

}  // namespace

// What a segment's manifest says.
struct StaticIndexMerger::Segment {
  std::size_t documents = 0;
  DocOrdinal offset = 0;  // documents of the segments before
  uint64_t body_tokens = 0, title_tokens = 0;
  std::array<std::string, kMatchLevelCount> tables;
  std::array<std::array<std::string, 2>, kMatchLevelCount> vocabularies;
  std::string norms, documents_file;
  std::vector<std::string> generations;
  std::size_t block = 1;
  std::string entities_table;
  std::string entity_catalog;  // "" when written without entity facets
  std::vector<std::string> entity_chunks;  // once its table was read
  bool entity_table_read = false;
  bool entity_catalog_read = false;
};

StaticIndexMerger::StaticIndexMerger(uint64_t analysis_fingerprint, std::size_t chunk_bytes)
    : fingerprint_(analysis_fingerprint), chunk_bytes_(std::max<std::size_t>(chunk_bytes, 256)) {}

StaticIndexMerger::~StaticIndexMerger() = default;

std::string StaticIndexMerger::open(const std::vector<std::string>& manifests) {
  if (manifests.empty()) return "no segment to merge";
  segments_.clear();
  uint64_t total = 0;
  with_entities_ = true;
  with_entity_facets_ = true;
  for (std::size_t s = 0; s < manifests.size(); ++s) {
    const std::string which = "segment " + std::to_string(s + 1) + "'s manifest.json";
    const json m = json::parse(manifests[s], nullptr, false);
    if (m.is_discarded() || !m.is_object() || m.value("format", "") != sf::kManifestFormat) return which + " is not a Mirsad static index's";
    if (!m.contains("version") || !m["version"].is_number_unsigned() || m["version"].get<uint32_t>() != sf::kVersion) {
      return which + " has another format version than " + std::to_string(sf::kVersion) + ": rebuild it with this version";
    }
    if (m.value("analysis", "") != sf::hex64(fingerprint_)) return which + " was built by a different analyzer: rebuild it with this version";
    auto seg = std::make_unique<Segment>();
    try {
      seg->documents = m.at("documents").get<std::size_t>();
      seg->body_tokens = m.at("tokens").at("body").get<uint64_t>();
      seg->title_tokens = m.at("tokens").at("title").get<uint64_t>();
      for (std::size_t l = 0; l < kMatchLevelCount; ++l) {
        const json& level = m.at("levels").at(static_level_name(l));
        seg->tables[l] = level.at("table").get<std::string>();
        seg->vocabularies[l] = {level.at("vocabulary").at("body").get<std::string>(), level.at("vocabulary").at("title").get<std::string>()};
      }
      seg->norms = m.at("norms").get<std::string>();
      seg->documents_file = m.at("documents_file").get<std::string>();
      seg->block = m.at("fragments").at("block").get<std::size_t>();
      seg->generations = m.at("fragments").at("generations").get<std::vector<std::string>>();
      if (m.contains("entities")) {
        seg->entities_table = m["entities"].at("table").get<std::string>();
        seg->entity_catalog = m["entities"].value("catalog", "");
      }
    } catch (const json::exception&) {
      return which + " lacks a field: it is damaged";
    }
    if (seg->block == 0 || seg->generations.size() != (seg->documents + seg->block - 1) / seg->block) {
      return which + " lists fragment blocks that do not fit its documents: it is damaged";
    }
    seg->offset = static_cast<DocOrdinal>(total);
    total += seg->documents;
    if (total >= UINT32_MAX) return "the segments hold more documents than an index can";
    body_tokens_ += seg->body_tokens;
    title_tokens_ += seg->title_tokens;
    with_entities_ = with_entities_ && !seg->entities_table.empty();
    with_entity_facets_ = with_entity_facets_ && !seg->entity_catalog.empty();
    segments_.push_back(std::move(seg));
  }
  documents_ = static_cast<std::size_t>(total);
  phase_ = kPostings;
  level_ = 0;
  return {};
}

StaticIndexMerger::Step StaticIndexMerger::fail(std::string why) {
  error_ = std::move(why);
  return Step::Error;
}

StaticIndexMerger::Step StaticIndexMerger::ask(std::vector<SegmentFile> files) {
  needs_ = std::move(files);
  return Step::Needs;
}

std::string StaticIndexMerger::provide(std::size_t segment, const std::string& name, std::string_view bytes) {
  if (segment >= segments_.size()) return "there is no segment " + std::to_string(segment + 1);
  // Every file but the manifest and the fragments is named by its content: a damaged or foreign one
  // is refused here, whatever it would parse as (a flipped byte in postings can parse, and merge wrong).
  if (name != "manifest.json" && name.rfind("fragment/", 0) != 0 && !sf::content_matches(name, bytes)) {
    return "segment " + std::to_string(segment + 1) + "'s " + name + " is damaged: its content does not match its name";
  }
  provided_[{segment, name}] = std::string(bytes);
  return {};
}

const std::string* StaticIndexMerger::take(std::size_t segment, const std::string& name) {
  const auto it = provided_.find({segment, name});
  return it == provided_.end() ? nullptr : &it->second;
}

StaticIndexMerger::Step StaticIndexMerger::next(StaticFile& file) {
  if (!error_.empty()) return Step::Error;
  needs_.clear();
  for (;;) {
    Step step = Step::Done;
    switch (phase_) {
      case kPostings: step = postings_step(file); break;
      case kVocabularies: step = vocabulary_step(file); break;
      case kNorms: step = norms_and_documents_step(file); break;
      case kDocuments:
        file = documents_file(documents_info_);
        manifest_.documents_file = file.name;
        phase_ = kFragments;
        step = Step::File;
        break;
      case kFragments: step = fragments_step(file); break;
      case kEntities: step = entities_step(file); break;
      case kManifest:
        manifest_.fingerprint = fingerprint_;
        manifest_.documents = documents_;
        manifest_.body_tokens = body_tokens_;
        manifest_.title_tokens = title_tokens_;
        manifest_.generations = generations_.generations();
        manifest_.chunk_bytes = chunk_bytes_;
        manifest_.files = files_given_ + 1;
        file = manifest_file(manifest_);
        phase_ = kDone;
        step = Step::File;
        break;
      default: return Step::Done;
    }
    if (step == Step::Done) {
      ++phase_;
      continue;
    }
    if (step == Step::File) {
      ++files_given_;
      bytes_given_ += file.bytes.size();
    }
    return step;
  }
}

std::string StaticIndexMerger::read_chunk(Cursor& cursor, std::string bytes) {
  cursor.bytes = std::move(bytes);
  cursor.entries.clear();
  cursor.position = 0;
  sf::Cursor c(cursor.bytes);
  if (!c.header(sf::kPostingsKind)) return "is not a postings chunk of this format";
  const std::string_view level = c.take(1);
  const uint64_t count = c.varint();
  if (!c.ok() || static_cast<uint8_t>(level[0]) != level_ || count > cursor.bytes.size()) return "is damaged";
  for (uint64_t i = 0; i < count; ++i) {
    ChunkEntry entry;
    entry.term = c.term();
    for (std::size_t f = 0; f < 2; ++f) entry.fields[f] = c.take(c.varint());
    if (!c.ok()) return "is damaged";
    if (!cursor.entries.empty() && !(cursor.entries.back().term < entry.term)) return "is not in term order";
    cursor.entries.push_back(std::move(entry));
  }
  if (!c.at_end()) return "has bytes after its last term";
  return {};
}

// One field of a term: the holders' postings one after the other, each segment's documents
// shifted by its offset. The bytes are those put_postings writes for the whole collection.
std::string StaticIndexMerger::merged_postings(std::size_t field, const std::vector<std::size_t>& holders) {
  std::string body;
  uint64_t count = 0, last = 0;
  for (const std::size_t s : holders) {
    const Cursor& cursor = cursors_[s];
    const std::string_view bytes = cursor.entries[cursor.position].fields[field];
    if (bytes.empty()) continue;
    const Segment& seg = *segments_[s];
    sf::Cursor c(bytes);
    const uint64_t docs = c.varint();
    uint64_t local = 0;
    for (uint64_t i = 0; i < docs && c.ok(); ++i) {
      const uint64_t delta = c.varint();
      local += delta;
      if ((i > 0 && delta == 0) || local >= seg.documents) return "has damaged postings";
      const uint64_t doc = seg.offset + local;
      sf::put_varint(body, count == 0 ? doc : doc - last);
      last = doc;
      ++count;
      const uint64_t positions = c.varint();
      sf::put_varint(body, positions);
      for (uint64_t k = 0; k < positions && c.ok(); ++k) sf::put_varint(body, c.varint());
    }
    if (!c.ok() || !c.at_end()) return "has damaged postings";
  }
  merged_[field].clear();
  if (count > 0) {
    sf::put_varint(merged_[field], count);
    merged_[field] += body;
  }
  return {};
}

StaticIndexMerger::Step StaticIndexMerger::postings_step(StaticFile& file) {
  if (level_ == kMatchLevelCount) return Step::Done;
  if (!cutter_) {
    cursors_.assign(segments_.size(), Cursor{});
    cutter_ = std::make_unique<PostingsChunkCutter>(level_, chunk_bytes_);
  }
  for (;;) {
    // Every segment's next term must be in hand before the smallest can be chosen.
    std::vector<SegmentFile> wanted;
    for (std::size_t s = 0; s < segments_.size(); ++s) {
      Cursor& cursor = cursors_[s];
      const std::string& table_name = segments_[s]->tables[level_];
      if (!cursor.table_read) {
        const std::string* bytes = take(s, table_name);
        if (!bytes) {
          wanted.push_back({s, table_name});
          continue;
        }
        const json t = json::parse(*bytes, nullptr, false);
        if (t.is_discarded() || !t.is_object() || !t.contains("chunks") || !t["chunks"].is_array()) {
          return fail("segment " + std::to_string(s + 1) + "'s " + table_name + " is not a chunk table");
        }
        for (const json& c : t["chunks"]) {
          if (!c.is_array() || c.size() != 4 || !c[1].is_string()) return fail("segment " + std::to_string(s + 1) + "'s " + table_name + " is damaged");
          cursor.chunk_files.push_back(c[1].get<std::string>());
        }
        cursor.table_read = true;
        provided_.erase({s, table_name});
      }
      while (cursor.position == cursor.entries.size() && cursor.next_chunk < cursor.chunk_files.size()) {
        const std::string& name = cursor.chunk_files[cursor.next_chunk];
        const auto it = provided_.find({s, name});
        if (it == provided_.end()) {
          wanted.push_back({s, name});
          break;
        }
        const std::string why = read_chunk(cursor, std::move(it->second));
        provided_.erase(it);
        if (!why.empty()) return fail("segment " + std::to_string(s + 1) + "'s " + name + " " + why);
        ++cursor.next_chunk;
      }
    }
    if (!wanted.empty()) return ask(std::move(wanted));

    for (;;) {
      const std::u16string* smallest = nullptr;
      for (const Cursor& cursor : cursors_) {
        if (cursor.position < cursor.entries.size() && (!smallest || cursor.entries[cursor.position].term < *smallest)) {
          smallest = &cursor.entries[cursor.position].term;
        }
      }
      if (!smallest) {
        if (cutter_->has_terms()) {
          file = cutter_->take();
          return Step::File;
        }
        file = cutter_->table();
        manifest_.tables[level_] = file.name;
        cutter_.reset();
        cursors_.clear();
        ++level_;
        return Step::File;
      }
      std::vector<std::size_t> holders;
      for (std::size_t s = 0; s < cursors_.size(); ++s) {
        const Cursor& cursor = cursors_[s];
        if (cursor.position < cursor.entries.size() && cursor.entries[cursor.position].term == *smallest) holders.push_back(s);
      }
      for (std::size_t f = 0; f < 2; ++f) {
        const std::string why = merged_postings(f, holders);
        if (!why.empty()) return fail("a postings chunk of segment " + std::to_string(holders.front() + 1) + " " + why);
      }
      const bool full = cutter_->add(*smallest, merged_[0], merged_[1]);
      bool reload = false;
      for (const std::size_t s : holders) {
        Cursor& cursor = cursors_[s];
        ++cursor.position;
        reload = reload || (cursor.position == cursor.entries.size() && cursor.next_chunk < cursor.chunk_files.size());
      }
      if (full) {
        file = cutter_->take();
        return Step::File;
      }
      if (reload) break;
    }
  }
}

StaticIndexMerger::Step StaticIndexMerger::vocabulary_step(StaticFile& file) {
  if (vocabulary_ == kMatchLevelCount * 2) return Step::Done;
  const std::size_t level = vocabulary_ / 2, field = vocabulary_ % 2;
  if (!vocabulary_encoder_) {
    vocabulary_encoder_ = std::make_unique<VocabularyEncoder>(level);
    vocabulary_segment_ = 0;
  }
  // A term keeps the place of its first use: the segments' own orders, one after the other,
  // without the terms an earlier segment already had.
  for (; vocabulary_segment_ < segments_.size(); ++vocabulary_segment_) {
    const std::size_t s = vocabulary_segment_;
    const std::string& name = segments_[s]->vocabularies[level][field];
    const std::string* bytes = take(s, name);
    if (!bytes) return ask({{s, name}});
    sf::Cursor c(*bytes);
    if (!c.header(sf::kVocabularyKind)) return fail("segment " + std::to_string(s + 1) + "'s " + name + " is not a vocabulary");
    c.take(1);
    const uint64_t count = c.varint();
    for (uint64_t i = 0; i < count && c.ok(); ++i) {
      std::u16string term = c.term();
      if (c.ok() && vocabulary_seen_.insert(term).second) vocabulary_encoder_->add(term);
    }
    if (!c.ok() || !c.at_end()) return fail("segment " + std::to_string(s + 1) + "'s " + name + " is damaged");
    provided_.erase({s, name});
  }
  file = vocabulary_encoder_->finish(field == 1);
  manifest_.vocabularies[level][field] = file.name;
  vocabulary_encoder_.reset();
  vocabulary_seen_ = {};
  ++vocabulary_;
  return Step::File;
}

StaticIndexMerger::Step StaticIndexMerger::norms_and_documents_step(StaticFile& file) {
  std::vector<SegmentFile> wanted;
  for (std::size_t s = 0; s < segments_.size(); ++s) {
    for (const std::string* name : {&segments_[s]->norms, &segments_[s]->documents_file}) {
      if (!take(s, *name)) wanted.push_back({s, *name});
    }
  }
  if (!wanted.empty()) return ask(std::move(wanted));
  std::vector<uint32_t> body, title;
  body.reserve(documents_);
  title.reserve(documents_);
  documents_info_.clear();
  documents_info_.reserve(documents_);
  std::unordered_set<std::string> ids;
  for (std::size_t s = 0; s < segments_.size(); ++s) {
    const Segment& seg = *segments_[s];
    const std::string where = "segment " + std::to_string(s + 1) + "'s ";
    sf::Cursor c(*take(s, seg.norms));
    if (!c.header(sf::kNormsKind) || c.varint() != seg.documents) return fail(where + seg.norms + " is not its norms");
    uint64_t body_sum = 0, title_sum = 0;
    for (std::size_t d = 0; d < seg.documents; ++d) body.push_back(static_cast<uint32_t>(c.varint())), body_sum += body.back();
    for (std::size_t d = 0; d < seg.documents; ++d) title.push_back(static_cast<uint32_t>(c.varint())), title_sum += title.back();
    if (!c.ok() || !c.at_end() || body_sum != seg.body_tokens || title_sum != seg.title_tokens) return fail(where + seg.norms + " is damaged");
    const json d = json::parse(*take(s, seg.documents_file), nullptr, false);
    if (d.is_discarded() || !d.is_object() || !d.contains("documents") || !d["documents"].is_array() ||
        d["documents"].size() != seg.documents) {
      return fail(where + seg.documents_file + " is not its document list");
    }
    for (const json& e : d["documents"]) {
      if (!e.is_array() || e.size() != 4 || !e[0].is_string() || !e[1].is_string() || !e[2].is_string() || !e[3].is_number_unsigned()) {
        return fail(where + seg.documents_file + " has a malformed entry");
      }
      DocumentInfo info{e[0].get<std::string>(), "", e[1].get<std::string>(), e[2].get<std::string>(), "", e[3].get<uint32_t>()};
      if (!ids.insert(info.id).second) return fail("document id " + info.id + " is in two segments: a collection's ids are unique");
      documents_info_.push_back(std::move(info));
    }
    provided_.erase({s, seg.norms});
    provided_.erase({s, seg.documents_file});
  }
  file = norms_file(body, title);
  manifest_.norms = file.name;
  phase_ = kDocuments;
  return Step::File;
}

StaticIndexMerger::Step StaticIndexMerger::fragments_step(StaticFile& file) {
  if (!block_.empty()) {
    file = std::move(block_.front());
    block_.pop_front();
    return Step::File;
  }
  const std::size_t begin = next_block_ * FragmentGenerations::kBlock;
  if (begin >= documents_) return Step::Done;
  const std::size_t end = std::min(documents_, begin + FragmentGenerations::kBlock);
  // Where each document of the block lies: its segment and its fragment's name there.
  std::vector<SegmentFile> sources;
  std::size_t s = 0;
  for (std::size_t doc = begin; doc < end; ++doc) {
    while (doc >= segments_[s]->offset + segments_[s]->documents) ++s;
    const Segment& seg = *segments_[s];
    const std::size_t local = doc - seg.offset;
    sources.push_back({s, "fragment/" + seg.generations[local / seg.block] + "/" + std::to_string(local) + ".json"});
  }
  std::vector<SegmentFile> wanted;
  for (const SegmentFile& f : sources) {
    if (!take(f.segment, f.name)) wanted.push_back(f);
  }
  if (!wanted.empty()) return ask(std::move(wanted));
  std::vector<std::pair<DocumentInfo, std::string>> block;
  for (std::size_t doc = begin; doc < end; ++doc) {
    const SegmentFile& source = sources[doc - begin];
    const std::string where = "segment " + std::to_string(source.segment + 1) + "'s " + source.name;
    const json f = json::parse(*take(source.segment, source.name), nullptr, false);
    DocumentInfo info;
    std::string text;
    try {
      if (f.is_discarded() || f.at("ordinal").get<uint64_t>() != doc - segments_[source.segment]->offset) return fail(where + " is another document's fragment");
      info = DocumentInfo{f.at("id").get<std::string>(), f.at("title").get<std::string>(), f.at("date").get<std::string>(),
                          f.at("source").get<std::string>(), f.at("url").get<std::string>(), f.at("length").get<uint32_t>()};
      text = f.at("text").get<std::string>();
    } catch (const json::exception&) {
      return fail(where + " is not a document fragment");
    }
    if (info.id != documents_info_[doc].id) return fail(where + " is not the document its list names");
    const std::u16string text16 = utf8_to_utf16(text);
    generations_.add(static_cast<DocOrdinal>(doc), info, text16, doc + 1 == documents_);
    block.emplace_back(std::move(info), std::move(text));
    provided_.erase({source.segment, source.name});
  }
  const std::string& generation = generations_.generations().back();
  for (std::size_t doc = begin; doc < end; ++doc) {
    const auto& [info, text] = block[doc - begin];
    block_.push_back(fragment_file(static_cast<DocOrdinal>(doc), generation, info, text));
  }
  ++next_block_;
  file = std::move(block_.front());
  block_.pop_front();
  return Step::File;
}

StaticIndexMerger::Step StaticIndexMerger::entities_step(StaticFile& file) {
  if (!with_entities_) return Step::Done;
  if (!entity_writer_) {
    // Every key's documents, from every segment: entity keys are far fewer than words (a few
    // hundred thousand for 300,000 articles), so they are merged in memory.
    if (!entities_) entities_ = std::make_unique<EntityPostings>();
    std::vector<SegmentFile> wanted;
    for (std::size_t s = 0; s < segments_.size(); ++s) {
      Segment& seg = *segments_[s];
      if (seg.entity_table_read) continue;
      const std::string* bytes = take(s, seg.entities_table);
      if (!bytes) {
        wanted.push_back({s, seg.entities_table});
        continue;
      }
      std::vector<EntityChunkRef> chunks;
      const std::string why = read_entity_table(*bytes, chunks);
      if (!why.empty()) return fail("segment " + std::to_string(s + 1) + "'s " + seg.entities_table + " " + why);
      for (const EntityChunkRef& c : chunks) seg.entity_chunks.push_back(c.file);
      seg.entity_table_read = true;
      provided_.erase({s, seg.entities_table});
    }
    // The catalogs: a key keeps the name, type and label of the first segment that has it, as the
    // whole collection's first mention of it.
    const bool catalogs_pending = with_entity_facets_ && !segments_.front()->entity_catalog_read;
    for (std::size_t s = 0; s < segments_.size() && catalogs_pending; ++s) {
      if (!take(s, segments_[s]->entity_catalog)) wanted.push_back({s, segments_[s]->entity_catalog});
    }
    if (!wanted.empty()) return ask(std::move(wanted));
    if (catalogs_pending) {
      std::map<std::u16string, EntityCatalogEntry> catalog;
      EntityCatalog part;
      for (std::size_t s = 0; s < segments_.size(); ++s) {
        Segment& seg = *segments_[s];
        const std::string why = read_entity_catalog(*take(s, seg.entity_catalog), part);
        if (!why.empty()) return fail("segment " + std::to_string(s + 1) + "'s " + seg.entity_catalog + " " + why);
        for (EntityCatalogEntry& e : part) catalog.try_emplace(e.key, std::move(e));
        provided_.erase({s, seg.entity_catalog});
        seg.entity_catalog_read = true;
      }
      catalog_.clear();
      for (auto& [key, entry] : catalog) catalog_.push_back(std::move(entry));
    }
    for (std::size_t s = 0; s < segments_.size(); ++s) {
      for (const std::string& name : segments_[s]->entity_chunks) {
        if (!take(s, name)) wanted.push_back({s, name});
      }
    }
    if (!wanted.empty()) return ask(std::move(wanted));
    std::map<std::u16string, std::vector<DocOrdinal>> by_key;
    EntityPostings chunk;
    for (std::size_t s = 0; s < segments_.size(); ++s) {
      const Segment& seg = *segments_[s];
      for (const std::string& name : seg.entity_chunks) {
        const std::string why = read_entity_chunk(*take(s, name), seg.documents, chunk);
        if (!why.empty()) return fail("segment " + std::to_string(s + 1) + "'s " + name + " " + why);
        for (auto& [key, docs] : chunk) {
          std::vector<DocOrdinal>& into = by_key[key];
          for (const DocOrdinal d : docs) into.push_back(seg.offset + d);
        }
        provided_.erase({s, name});
      }
    }
    entities_->assign(std::make_move_iterator(by_key.begin()), std::make_move_iterator(by_key.end()));
    entity_writer_ = std::make_unique<StaticEntityWriter>(*entities_, chunk_bytes_);
  }
  if (entity_writer_->next(file)) return Step::File;
  if (with_entity_facets_ && facet_files_ == 0) {
    file = entity_catalog_file(catalog_);
    manifest_.entity_catalog = file.name;
    ++facet_files_;
    return Step::File;
  }
  if (with_entity_facets_ && facet_files_ == 1) {
    file = entity_facets_file(catalog_, *entities_);
    manifest_.entity_facets = file.name;
    ++facet_files_;
    catalog_ = {};
    return Step::File;
  }
  manifest_.entities_table = entity_writer_->table_name();
  manifest_.entity_keys = entity_writer_->keys();
  return Step::Done;
}

}  // namespace mirsad
