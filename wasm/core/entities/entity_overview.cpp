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
  std::vector<uint32_t> last_document;  // per entity: 1 + the last document that mentioned it
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> seen(count);  // per document: (entity, sentence)
  std::map<std::string, TimelinePeriod> periods;

  for (std::size_t d = 0; d < count; ++d) {
    const OverviewDocument doc = document(d);
    const std::vector<uint32_t> starts = sentence_starts(doc.text);
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
      if (added) {
        all.push_back(EntitySummary{e.type, e.canonical, e.label_en});
        last_document.push_back(0);
      }
      EntitySummary& s = all[it->second];
      ++s.mentions;
      if (last_document[it->second] != d + 1) {  // first mention in this document
        last_document[it->second] = static_cast<uint32_t>(d + 1);
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

  // Pairs among the first matrix_size entities (at most 32, one bit each): per document, the
  // set of those it mentions, and per sentence the same; a pair counts once per document and
  // once per document in which some sentence holds both. Linear in the mentions: a 20 MB
  // document with hundreds of thousands of them must not stall the page.
  const std::size_t m = std::min<std::size_t>({matrix_size, out.entities.size(), 32});
  std::vector<uint32_t> together_docs(m * m, 0), together_sentences(m * m, 0);
  const auto each_pair = [&](uint32_t mask, const auto& visit) {
    for (uint32_t a = 0; a < m; ++a) {
      if (!(mask >> a & 1u)) continue;
      for (uint32_t b = a + 1; b < m; ++b) {
        if (mask >> b & 1u) visit(static_cast<std::size_t>(a) * m + b);
      }
    }
  };
  std::vector<bool> in_sentence(m * m);
  for (const auto& mentions : seen) {  // in document order, so sentences come in order
    uint32_t doc_mask = 0, sentence_mask = 0, sentence = UINT32_MAX;
    std::fill(in_sentence.begin(), in_sentence.end(), false);
    const auto close_sentence = [&] { each_pair(sentence_mask, [&](std::size_t cell) { in_sentence[cell] = true; }); };
    for (const auto& [entity, s] : mentions) {
      const int32_t r = rank[entity];
      if (r < 0 || static_cast<std::size_t>(r) >= m) continue;
      if (s != sentence) {
        close_sentence();
        sentence_mask = 0;
        sentence = s;
      }
      sentence_mask |= 1u << r;
      doc_mask |= 1u << r;
    }
    close_sentence();
    each_pair(doc_mask, [&](std::size_t cell) {
      ++together_docs[cell];
      together_sentences[cell] += in_sentence[cell];
    });
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
