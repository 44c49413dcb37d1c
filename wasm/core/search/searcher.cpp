#include "search/searcher.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "search/phrase_matcher.hpp"

namespace mirsad {
namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
constexpr double kStopWordWeight = 0.1;  // في in a query must match, but should not decide the ranking

// A match as token positions: [start, start + length).
struct PositionMatch {
  uint32_t start;
  uint32_t length;
};

struct Candidate {
  double score = 0;
  std::vector<PositionMatch> matches;
  std::size_t clauses_matched = 0;
};

std::vector<Span> to_spans(const std::vector<Span>& tokens, std::vector<PositionMatch> matches) {
  std::sort(matches.begin(), matches.end(), [](const PositionMatch& a, const PositionMatch& b) {
    return a.start != b.start ? a.start < b.start : a.length > b.length;
  });
  std::vector<Span> spans;
  for (const PositionMatch& m : matches) {
    const Span s{tokens[m.start].start, tokens[m.start + m.length - 1].end};
    if (!spans.empty() && s.start < spans.back().end) {
      spans.back().end = std::max(spans.back().end, s.end);  // overlapping phrases merge
    } else {
      spans.push_back(s);
    }
  }
  return spans;
}

// The window of kSnippetTokens tokens holding the most matches, with a little left context.
Span best_snippet(const std::vector<Span>& tokens, const std::vector<PositionMatch>& matches, uint32_t width) {
  if (tokens.empty()) return Span{0, 0};
  std::vector<uint32_t> starts;
  for (const PositionMatch& m : matches) starts.push_back(m.start);
  std::sort(starts.begin(), starts.end());
  uint32_t best_start = starts.empty() ? 0 : starts.front(), best_count = 0;
  for (std::size_t i = 0, j = 0; i < starts.size(); ++i) {
    while (j < starts.size() && starts[j] < starts[i] + width) ++j;
    if (j - i > best_count) { best_count = static_cast<uint32_t>(j - i); best_start = starts[i]; }
  }
  const uint32_t n = static_cast<uint32_t>(tokens.size());
  const uint32_t lead = std::min<uint32_t>(best_start, width / 4);
  uint32_t first = best_start - lead;
  uint32_t last = std::min(n, first + width);
  if (last - first < width && n >= width) first = n - width;
  return Span{tokens[first].start, tokens[last - 1].end};
}

}  // namespace

SearchResults Searcher::search(const Query& query, std::size_t limit) const {
  SearchResults results;
  if (query.empty() || index_.document_count() == 0) return results;
  const double n = static_cast<double>(index_.document_count());
  const double avgdl = std::max(1.0, index_.average_document_length());

  std::unordered_map<DocOrdinal, Candidate> candidates;
  for (std::size_t c = 0; c < query.required.size(); ++c) {
    std::unordered_set<DocOrdinal> matched_here;
    for (const PhraseQuery& phrase : query.required[c].alternatives) {
      const auto occurrences = match_phrase(index_, query.level, phrase);
      const double df = static_cast<double>(occurrences.size());
      const double idf = std::log(1.0 + (n - df + 0.5) / (df + 0.5)) * (phrase.stop ? kStopWordWeight : 1.0);
      for (const PhraseOccurrences& occ : occurrences) {
        // Only documents that matched every earlier clause can still qualify.
        auto it = candidates.find(occ.doc);
        if (c > 0 && (it == candidates.end() || it->second.clauses_matched != c)) continue;
        if (it == candidates.end()) it = candidates.emplace(occ.doc, Candidate{}).first;
        Candidate& cand = it->second;
        const double tf = static_cast<double>(occ.starts.size());
        const double dl = index_.document_length(occ.doc);
        cand.score += idf * tf * (kK1 + 1) / (tf + kK1 * (1 - kB + kB * dl / avgdl));
        for (const uint32_t s : occ.starts) cand.matches.push_back({s, static_cast<uint32_t>(phrase.terms.size())});
        matched_here.insert(occ.doc);
      }
    }
    for (const DocOrdinal d : matched_here) ++candidates[d].clauses_matched;
  }
  std::unordered_set<DocOrdinal> excluded;
  for (const PhraseQuery& phrase : query.excluded) {
    for (const PhraseOccurrences& occ : match_phrase(index_, query.level, phrase)) excluded.insert(occ.doc);
  }

  std::vector<std::pair<DocOrdinal, Candidate*>> ranked;
  for (auto& [doc, cand] : candidates) {
    if (cand.clauses_matched == query.required.size() && !excluded.count(doc)) ranked.emplace_back(doc, &cand);
  }
  results.total = ranked.size();
  const auto better = [](const auto& a, const auto& b) {
    return a.second->score != b.second->score ? a.second->score > b.second->score : a.first < b.first;
  };
  const std::size_t k = std::min(limit, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(k), ranked.end(), better);
  for (std::size_t i = 0; i < k; ++i) {
    const auto& [doc, cand] = ranked[i];
    const auto& tokens = index_.token_spans(doc);
    results.hits.push_back(SearchHit{doc, cand->score, to_spans(tokens, cand->matches),
                                     best_snippet(tokens, cand->matches, kSnippetTokens)});
  }
  return results;
}

}  // namespace mirsad
