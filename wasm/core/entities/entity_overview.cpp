#include "entities/entity_overview.hpp"

#include <algorithm>
#include <unordered_set>

#include "entities/entity_name_key.hpp"
#include "text/sentences.hpp"
#include "text/utf.hpp"

namespace mirsad {
namespace {


bool counts_in_overview(EntityType type) { return type != EntityType::Number && type != EntityType::Date; }

// YYYY or YYYY-MM from a date value (YYYY, YYYY-MM, YYYY-MM-DD); empty for a weekday alone.
std::string period_of(const std::string& value) {
  if (value.size() < 4) return "";
  for (std::size_t i = 0; i < 4; ++i) {
    if (value[i] < '0' || value[i] > '9') return "";
  }
  return value.size() >= 7 && value[4] == '-' ? value.substr(0, 7) : value.substr(0, 4);
}

}  // namespace

// Entities are told apart by type and canonical form (شكري and سامح شكري are one person, linked
// by the extractor), spelled any way when a normalizer is given.
std::string EntityOverviewBuilder::key_of(const Entity& e) const {
  std::string key(entity_type_name(e.type));
  key.push_back('\t');
  key += normalizer_ ? utf16_to_utf8(entity_name_key(utf8_to_utf16(e.canonical), *normalizer_)) : e.canonical;
  return key;
}

void EntityOverviewBuilder::add(const std::vector<Entity>& entities, std::u16string_view text) {
  const auto d = static_cast<uint32_t>(seen_.size());
  std::vector<std::pair<uint32_t, uint32_t>> mentions;
  const std::vector<uint32_t> starts = sentence_starts(text);
  for (const Entity& e : entities) {
    if (e.type == EntityType::Date) {
      const std::string period = period_of(e.value);
      if (period.empty()) continue;
      TimelinePeriod& p = periods_[period];
      p.period = period;
      ++p.mentions;
      if (p.documents.empty() || p.documents.back() != d) p.documents.push_back(d);
      continue;
    }
    if (!counts_in_overview(e.type)) continue;
    auto [it, added] = index_of_.emplace(key_of(e), static_cast<uint32_t>(all_.size()));
    if (added) {
      all_.push_back(EntitySummary{e.type, e.canonical, e.label_en});
      last_document_.push_back(0);
    }
    EntitySummary& s = all_[it->second];
    if (s.label_en.empty()) s.label_en = e.label_en;
    const auto spelled = spellings_.find(it->second);
    if (spelled != spellings_.end()) {
      ++spelled->second[e.canonical];
    } else if (e.canonical != s.canonical) {  // a second spelling: count each from now on
      spellings_[it->second] = {{s.canonical, s.mentions}, {e.canonical, 1}};
    }
    ++s.mentions;
    if (last_document_[it->second] != d + 1) {  // first mention in this document
      last_document_[it->second] = d + 1;
      ++s.documents;
    }
    const auto sentence = static_cast<uint32_t>(std::upper_bound(starts.begin(), starts.end(), e.span.start) - starts.begin());
    mentions.emplace_back(sentence, it->second);
  }
  // Only which entities each sentence holds matters to the matrix: sorted by sentence, once each.
  std::sort(mentions.begin(), mentions.end());
  mentions.erase(std::unique(mentions.begin(), mentions.end()), mentions.end());
  mentions.shrink_to_fit();
  seen_.push_back(std::move(mentions));
}

EntityOverview EntityOverviewBuilder::result(std::size_t entity_limit, std::size_t matrix_size) const {
  EntityOverview out;
  out.documents = documents();
  // Rank: most documents, then most mentions, then the canonical form (a stable order).
  std::vector<uint32_t> order(all_.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
    if (all_[x].documents != all_[y].documents) return all_[x].documents > all_[y].documents;
    if (all_[x].mentions != all_[y].mentions) return all_[x].mentions > all_[y].mentions;
    return all_[x].canonical < all_[y].canonical;
  });

  // The matrix's members, as ranks: a third of the rows go to the most present people first,
  // the rest to the most present entities of any type; a nationality whose country is among the
  // places is the same country twice (its canonical form is the country's name) and is left out.
  const std::size_t m = std::min<std::size_t>({matrix_size, order.size(), 32});
  std::unordered_set<std::string> places;
  for (const EntitySummary& e : all_) {
    if (e.type == EntityType::Location) places.insert(e.canonical);
  }
  const auto eligible = [&](uint32_t entity) {
    return !(all_[entity].type == EntityType::Nationality && places.count(all_[entity].canonical));
  };
  std::vector<uint32_t> member_ranks;
  std::vector<bool> taken(order.size(), false);
  const std::size_t people = m / 3;
  for (uint32_t r = 0; r < order.size() && member_ranks.size() < people; ++r) {
    if (all_[order[r]].type == EntityType::Person) { member_ranks.push_back(r); taken[r] = true; }
  }
  for (uint32_t r = 0; r < order.size() && member_ranks.size() < m; ++r) {
    if (!taken[r] && eligible(order[r])) { member_ranks.push_back(r); taken[r] = true; }
  }
  std::sort(member_ranks.begin(), member_ranks.end());

  // The entity list: the first entity_limit by rank, then any matrix member ranked below them.
  std::vector<int32_t> listed(all_.size(), -1);  // entity → index in out.entities
  // An entity written more than one way is shown as its most frequent spelling (the first seen
  // of those tied).
  const auto summary = [&](uint32_t entity) {
    EntitySummary s = all_[entity];
    const auto spelled = spellings_.find(entity);
    if (spelled == spellings_.end()) return s;
    uint32_t best = spelled->second.at(s.canonical);
    for (const auto& [spelling, mentions] : spelled->second) {
      if (mentions > best) best = mentions, s.canonical = spelling;
    }
    return s;
  };
  for (uint32_t r = 0; r < order.size() && r < entity_limit; ++r) {
    listed[order[r]] = static_cast<int32_t>(out.entities.size());
    out.entities.push_back(summary(order[r]));
  }
  std::vector<int32_t> member_of(all_.size(), -1);  // entity → its bit in the matrix
  for (const uint32_t r : member_ranks) {
    const uint32_t entity = order[r];
    if (listed[entity] < 0) {
      listed[entity] = static_cast<int32_t>(out.entities.size());
      out.entities.push_back(summary(entity));
    }
    member_of[entity] = static_cast<int32_t>(out.matrix.size());
    out.matrix.push_back(static_cast<uint32_t>(listed[entity]));
  }

  // Pairs among the members (at most 32, one bit each): per document, the set of those it
  // mentions, and per sentence the same; a pair counts once per document and once per document
  // in which some sentence holds both. Linear in the mentions: a 20 MB document with hundreds of
  // thousands of them must not stall the page.
  const std::size_t n = out.matrix.size();
  std::vector<uint32_t> together_docs(n * n, 0), together_sentences(n * n, 0);
  const auto each_pair = [&](uint32_t mask, const auto& visit) {
    for (uint32_t a = 0; a < n; ++a) {
      if (!(mask >> a & 1u)) continue;
      for (uint32_t b = a + 1; b < n; ++b) {
        if (mask >> b & 1u) visit(static_cast<std::size_t>(a) * n + b);
      }
    }
  };
  std::vector<bool> in_sentence(n * n);
  for (const auto& mentions : seen_) {  // sorted by sentence
    uint32_t doc_mask = 0, sentence_mask = 0, sentence = UINT32_MAX;
    std::fill(in_sentence.begin(), in_sentence.end(), false);
    const auto close_sentence = [&] { each_pair(sentence_mask, [&](std::size_t cell) { in_sentence[cell] = true; }); };
    for (const auto& [s, entity] : mentions) {
      const int32_t bit = member_of[entity];
      if (bit < 0) continue;
      if (s != sentence) {
        close_sentence();
        sentence_mask = 0;
        sentence = s;
      }
      sentence_mask |= 1u << bit;
      doc_mask |= 1u << bit;
    }
    close_sentence();
    each_pair(doc_mask, [&](std::size_t cell) {
      ++together_docs[cell];
      together_sentences[cell] += in_sentence[cell];
    });
  }
  for (uint32_t a = 0; a < n; ++a) {
    for (uint32_t b = a + 1; b < n; ++b) {
      const std::size_t cell = static_cast<std::size_t>(a) * n + b;
      if (together_docs[cell]) {
        out.pairs.push_back(CoOccurrence{out.matrix[a], out.matrix[b], together_docs[cell], together_sentences[cell]});
      }
    }
  }
  for (const auto& [period, p] : periods_) out.timeline.push_back(p);
  return out;
}

}  // namespace mirsad
