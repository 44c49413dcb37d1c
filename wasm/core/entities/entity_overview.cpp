#include "entities/entity_overview.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <utility>

#include "text/sentences.hpp"

namespace mirsad {
namespace {

// Entities are told apart by type and canonical form: شكري and سامح شكري are one person.
std::string entity_key(const Entity& e) {
  std::string key(entity_type_name(e.type));
  key.push_back('\t');
  key += e.canonical;
  return key;
}

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

EntityOverview build_entity_overview(std::size_t count, const std::function<OverviewDocument(std::size_t)>& document,
                                     std::size_t entity_limit, std::size_t matrix_size) {
  EntityOverview out;
  out.documents = static_cast<uint32_t>(count);
  std::unordered_map<std::string, uint32_t> index_of;       // entity key → index in `all`
  std::vector<EntitySummary> all;
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> seen(count);  // per document: (entity, sentence)
  std::map<std::string, TimelinePeriod> periods;

  for (std::size_t d = 0; d < count; ++d) {
    const OverviewDocument doc = document(d);
    const std::vector<uint32_t> starts = sentence_starts(doc.text);
    std::vector<uint32_t> in_document;
    for (const Entity& e : *doc.entities) {
      if (e.type == EntityType::Date) {
        const std::string period = period_of(e.value);
        if (period.empty()) continue;
        TimelinePeriod& p = periods[period];
        p.period = period;
        ++p.mentions;
        if (p.documents.empty() || p.documents.back() != d) p.documents.push_back(static_cast<uint32_t>(d));
        continue;
      }
      if (!counts_in_overview(e.type)) continue;
      auto [it, added] = index_of.emplace(entity_key(e), static_cast<uint32_t>(all.size()));
      if (added) all.push_back(EntitySummary{e.type, e.canonical, e.label_en});
      EntitySummary& s = all[it->second];
      ++s.mentions;
      if (std::find(in_document.begin(), in_document.end(), it->second) == in_document.end()) {
        in_document.push_back(it->second);
        ++s.documents;
      }
      const auto sentence = static_cast<uint32_t>(std::upper_bound(starts.begin(), starts.end(), e.span.start) - starts.begin());
      seen[d].emplace_back(it->second, sentence);
    }
  }

  // Rank: most documents, then most mentions, then the canonical form (a stable order).
  std::vector<uint32_t> order(all.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
    if (all[x].documents != all[y].documents) return all[x].documents > all[y].documents;
    if (all[x].mentions != all[y].mentions) return all[x].mentions > all[y].mentions;
    return all[x].canonical < all[y].canonical;
  });
  if (order.size() > entity_limit) order.resize(entity_limit);
  std::vector<int32_t> rank(all.size(), -1);
  for (uint32_t r = 0; r < order.size(); ++r) {
    rank[order[r]] = static_cast<int32_t>(r);
    out.entities.push_back(all[order[r]]);
  }

  // Pairs among the first matrix_size entities: per document, the set of (a, b) and the set of
  // (a, b) sharing a sentence.
  const std::size_t m = std::min(matrix_size, out.entities.size());
  std::vector<uint32_t> together_docs(m * m, 0), together_sentences(m * m, 0);
  for (const auto& mentions : seen) {
    std::vector<bool> doc_pair(m * m, false), sentence_pair(m * m, false);
    for (std::size_t i = 0; i < mentions.size(); ++i) {
      const int32_t a = rank[mentions[i].first];
      if (a < 0 || static_cast<std::size_t>(a) >= m) continue;
      for (std::size_t j = 0; j < mentions.size(); ++j) {
        const int32_t b = rank[mentions[j].first];
        if (b < 0 || static_cast<std::size_t>(b) >= m || b <= a) continue;
        const std::size_t cell = static_cast<std::size_t>(a) * m + static_cast<std::size_t>(b);
        doc_pair[cell] = true;
        if (mentions[i].second == mentions[j].second) sentence_pair[cell] = true;
      }
    }
    for (std::size_t c = 0; c < m * m; ++c) {
      together_docs[c] += doc_pair[c];
      together_sentences[c] += sentence_pair[c];
    }
  }
  for (uint32_t a = 0; a < m; ++a) {
    for (uint32_t b = a + 1; b < m; ++b) {
      const std::size_t cell = static_cast<std::size_t>(a) * m + b;
      if (together_docs[cell]) out.pairs.push_back(CoOccurrence{a, b, together_docs[cell], together_sentences[cell]});
    }
  }
  for (auto& [period, p] : periods) out.timeline.push_back(std::move(p));
  return out;
}

}  // namespace mirsad
