#include "search/searcher.hpp"

#include <algorithm>
#include <cmath>

#include "search/phrase_matcher.hpp"
#include "text/utf.hpp"

namespace mirsad {
namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
// Proximity: consecutive query words found at most kProximityWindow - 1 tokens apart (a function
// word left out of an any-word query, or a clitic split off) add kProximityWeight times the rarer
// word's idf, saturating like BM25's tf. Chosen on the SaudiNewsNet known-item sample
// (scripts/bench search): MRR@10 0.609 without, 0.619 with; 1 or 2 tokens and weights of 0.25 to
// 0.75 all land between 0.613 and 0.619, so this is not a knife-edge setting.
constexpr double kProximityWeight = 0.5;
constexpr uint32_t kProximityWindow = 3;
constexpr std::size_t kRescoreWindow = 100;  // best BM25 candidates rescored (Elasticsearch's window_size)
constexpr double kStopWordWeight = 0.1;  // في in a query must match, but should not decide the ranking

// A match as token positions: [start, start + length).
struct PositionMatch {
  uint32_t start;
  uint32_t length;
};

// Matches sorted, overlapping ones merged (a phrase and one of its words, two alternatives
// that are the same word): what is highlighted, and so what is counted.
void merge_matches(std::vector<PositionMatch>& matches) {
  std::sort(matches.begin(), matches.end(), [](const PositionMatch& a, const PositionMatch& b) {
    return a.start != b.start ? a.start < b.start : a.length > b.length;
  });
  std::size_t kept = 0;
  for (const PositionMatch& m : matches) {
    PositionMatch* last = kept ? &matches[kept - 1] : nullptr;
    if (last && m.start < last->start + last->length) {
      last->length = std::max(last->length, m.start + m.length - last->start);
    } else {
      matches[kept++] = m;
    }
  }
  matches.resize(kept);
}

// The matches as UTF-16 spans, overlapping ones merged: tokens from one expanded character (ﷺ)
// share its span, so matches on touching positions can still be one span.
std::vector<Span> to_spans(const std::vector<Span>& tokens, std::vector<PositionMatch> matches) {
  merge_matches(matches);
  std::vector<Span> spans;
  for (const PositionMatch& m : matches) {
    const Span s{tokens[m.start].start, tokens[m.start + m.length - 1].end};
    if (!spans.empty() && s.start < spans.back().end) spans.back().end = std::max(spans.back().end, s.end);
    else spans.push_back(s);
  }
  return spans;
}

// How many spans to_spans would give, without decoding the document's token spans unless two
// matches touch (the only way two could share a span).
std::size_t highlighted_count(std::vector<PositionMatch>& matches, const PostingsSource& index, DocOrdinal doc) {
  merge_matches(matches);
  for (std::size_t i = 1; i < matches.size(); ++i) {
    if (matches[i].start == matches[i - 1].start + matches[i - 1].length) return to_spans(index.token_spans(doc), matches).size();
  }
  return matches.size();
}

// The window of `width` tokens holding the most matches, with a little left context.
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
  const uint32_t last = std::min(n, first + width);
  if (last - first < width && n >= width) first = n - width;
  return Span{tokens[first].start, tokens[last - 1].end};
}

// Matches of one query phrase, kept for the highlighting of the top hits and for proximity.
struct EvaluatedPhrase {
  PhraseMatches matches;
  uint32_t length;
  double idf;  // 0 for function words: they take no part in proximity
  PhraseMatches title_matches;
};

// Positions of doc in matches, or an empty range.
std::pair<const uint32_t*, const uint32_t*> positions_in(const PhraseMatches& matches, DocOrdinal doc) {
  const auto it = std::lower_bound(matches.docs.begin(), matches.docs.end(), doc);
  if (it == matches.docs.end() || *it != doc) return {nullptr, nullptr};
  const auto i = static_cast<std::size_t>(it - matches.docs.begin());
  return {matches.positions_begin(i), matches.positions_end(i)};
}

// How often `b` starts within `window` tokens after an occurrence of `a` (length a_length) ends.
uint32_t near_pairs(std::pair<const uint32_t*, const uint32_t*> a, uint32_t a_length,
                    std::pair<const uint32_t*, const uint32_t*> b, uint32_t window) {
  uint32_t count = 0;
  const uint32_t* j = b.first;
  for (const uint32_t* i = a.first; i != a.second; ++i) {
    const uint32_t end = *i + a_length;  // first position after a
    while (j != b.second && *j < end) ++j;
    if (j != b.second && *j - end < window) ++count;
  }
  return count;
}

// The matches of every evaluated phrase in one document (its body, or with title its title).
void matches_in(const std::vector<EvaluatedPhrase>& evaluated, DocOrdinal doc, bool title,
                std::vector<PositionMatch>& out) {
  out.clear();
  for (const EvaluatedPhrase& e : evaluated) {
    const auto [first, last] = positions_in(title ? e.title_matches : e.matches, doc);
    for (const uint32_t* p = first; p != last; ++p) out.push_back({*p, e.length});
  }
}

}  // namespace

SearchResults Searcher::search(const Query& query, std::size_t limit,
                               const std::function<bool(DocOrdinal)>& accept,
                               const std::function<int(DocOrdinal, DocOrdinal)>& order) const {
  SearchResults results;
  if (query.empty() || index_.document_count() == 0) return results;
  const std::size_t n_docs = index_.document_count();
  const double n = static_cast<double>(n_docs);
  const double avgdl = std::max(1.0, index_.average_document_length());
  const bool titles = title_index_.document_count() == n_docs && title_index_.token_count() > 0;
  const double title_avgdl = titles ? std::max(1.0, title_index_.average_document_length()) : 1.0;

  // Dense per-document accumulators: cheaper than a hash map once a word is in thousands of
  // documents, and a query touches each posting once.
  std::vector<double> score(n_docs, 0.0);
  std::vector<uint16_t> clauses_matched(n_docs, 0);
  std::vector<uint16_t> seen_in_clause(n_docs, 0);
  std::vector<EvaluatedPhrase> evaluated;
  // One budget for every fuzzy expansion of the query (body, titles, exclusions), shared out
  // evenly among them.
  FuzzyBudget& fuzzy = results.fuzzy;
  std::size_t fuzzy_terms = 0;
  const auto count_fuzzy = [&](const PhraseQuery& p) {
    for (const QueryTerm& t : p.terms) fuzzy_terms += t.match == TermMatch::Fuzzy ? 1 : 0;
  };
  for (const Clause& clause : query.required) {
    for (const PhraseQuery& p : clause.alternatives) count_fuzzy(p);
  }
  if (titles) fuzzy_terms *= 2;
  for (const PhraseQuery& p : query.excluded) count_fuzzy(p);
  fuzzy.expansions_left = static_cast<uint32_t>(std::max<std::size_t>(fuzzy_terms, 1));
  for (std::size_t c = 0; c < query.required.size(); ++c) {
    const auto clause_mark = static_cast<uint16_t>(c + 1);
    const auto& alternatives = query.required[c].alternatives;
    // Among alternatives (OR, any-term queries), function words add cost but almost no
    // evidence: like Elasticsearch's common-terms query, they are left out when content words
    // are present. A required function word (AND) is still matched.
    const bool has_content_word =
        std::any_of(alternatives.begin(), alternatives.end(), [](const PhraseQuery& p) { return !p.stop; });
    for (const PhraseQuery& phrase : alternatives) {
      if (phrase.stop && has_content_word && alternatives.size() > 1) continue;
      PhraseMatches matches = match_phrase(index_, query.level, phrase, &results.notes, &fuzzy);
      const double df = static_cast<double>(matches.size());
      const double idf = std::log(1.0 + (n - df + 0.5) / (df + 0.5)) * (phrase.stop ? kStopWordWeight : 1.0);
      for (std::size_t i = 0; i < matches.size(); ++i) {
        const DocOrdinal doc = matches.docs[i];
        if (clauses_matched[doc] != c) continue;  // missed an earlier clause
        const double tf = static_cast<double>(matches.starts[i + 1] - matches.starts[i]);
        const double dl = index_.document_length(doc);
        score[doc] += idf * tf * (kK1 + 1) / (tf + kK1 * (1 - kB + kB * dl / avgdl));
        seen_in_clause[doc] = clause_mark;
      }
      PhraseMatches in_titles;
      if (titles) {
        in_titles = match_phrase(title_index_, query.level, phrase, nullptr, &fuzzy);
        const double title_df = static_cast<double>(in_titles.size());
        const double title_idf = std::log(1.0 + (n - title_df + 0.5) / (title_df + 0.5)) *
                                 (phrase.stop ? kStopWordWeight : 1.0) * kTitleBoost;
        for (std::size_t i = 0; i < in_titles.size(); ++i) {
          const DocOrdinal doc = in_titles.docs[i];
          if (clauses_matched[doc] != c) continue;
          const double tf = static_cast<double>(in_titles.starts[i + 1] - in_titles.starts[i]);
          const double dl = title_index_.document_length(doc);
          score[doc] += title_idf * tf * (kK1 + 1) / (tf + kK1 * (1 - kB + kB * dl / title_avgdl));
          seen_in_clause[doc] = clause_mark;
        }
      }
      evaluated.push_back(EvaluatedPhrase{std::move(matches), static_cast<uint32_t>(phrase.terms.size()),
                                          phrase.stop ? 0.0 : idf, std::move(in_titles)});
    }
    for (std::size_t d = 0; d < n_docs; ++d) {
      if (seen_in_clause[d] == clause_mark) ++clauses_matched[d];
    }
  }
  const auto required = static_cast<uint16_t>(query.required.size());
  std::vector<uint8_t> excluded(n_docs, 0);
  for (const PhraseQuery& phrase : query.excluded) {
    for (const DocOrdinal doc : match_phrase(index_, query.level, phrase, nullptr, &fuzzy).docs) excluded[doc] = 1;
  }
  if (!fuzzy.cut_short.empty()) {
    // Body and title scans of the same word are one word to the reader.
    std::vector<std::u16string> words = fuzzy.cut_short;
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    std::string list;
    for (std::size_t i = 0; i < words.size() && i < 5; ++i) list += (i ? ", " : "") + utf16_to_utf8(words[i]) + "~";
    if (words.size() > 5) list += " and " + std::to_string(words.size() - 5) + " more";
    results.notes.push_back("too many fuzzy words for a collection of this size: similar words of " + list +
                            " were only looked for in part of the vocabulary, so matches may be missing (fewer fuzzy "
                            "words look further)");
  }

  std::vector<DocOrdinal> ranked;
  for (DocOrdinal d = 0; d < n_docs; ++d) {
    if (clauses_matched[d] == required && !excluded[d] && (!accept || accept(static_cast<DocOrdinal>(d)))) ranked.push_back(d);
  }
  results.total = ranked.size();
  std::vector<PositionMatch> found;
  for (const DocOrdinal d : ranked) {
    matches_in(evaluated, d, false, found);
    results.matches_total += highlighted_count(found, index_, d);
    if (!titles) continue;
    matches_in(evaluated, d, true, found);
    results.title_matches_total += highlighted_count(found, title_index_, d);
  }
  const auto better = [&](DocOrdinal a, DocOrdinal b) { return score[a] != score[b] ? score[a] > score[b] : a < b; };
  // Proximity rescoring (a rescore window, as Elasticsearch's): among the best BM25 candidates,
  // consecutive query words that also stand together in the document add to the score. A
  // headline's words recur side by side in its own article far more than scattered elsewhere.
  if (evaluated.size() >= 2) {
    const std::size_t window = std::min(kRescoreWindow, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(window), ranked.end(), better);
    for (std::size_t r = 0; r < window; ++r) {
      const DocOrdinal doc = ranked[r];
      double bonus = 0;
      for (std::size_t e = 0; e + 1 < evaluated.size(); ++e) {
        const EvaluatedPhrase& a = evaluated[e];
        const EvaluatedPhrase& b = evaluated[e + 1];
        if (a.idf == 0 || b.idf == 0) continue;
        const uint32_t pairs =
            near_pairs(positions_in(a.matches, doc), a.length, positions_in(b.matches, doc), kProximityWindow);
        if (pairs == 0) continue;
        bonus += std::min(a.idf, b.idf) * pairs * (kK1 + 1) / (pairs + kK1);
      }
      score[doc] += kProximityWeight * bonus;
    }
  }
  const std::size_t k = std::min(limit, ranked.size());
  if (order) {
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(k), ranked.end(),
                      [&](DocOrdinal a, DocOrdinal b) {
                        const int c = order(a, b);
                        return c != 0 ? c < 0 : better(a, b);
                      });
  } else {
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(k), ranked.end(), better);
  }
  for (std::size_t i = 0; i < k; ++i) {
    const DocOrdinal doc = ranked[i];
    matches_in(evaluated, doc, false, found);
    const std::vector<Span> tokens = index_.token_spans(doc);
    SearchHit hit{doc, score[doc], to_spans(tokens, found), best_snippet(tokens, found, kSnippetTokens), {}};
    if (titles) {
      matches_in(evaluated, doc, true, found);
      if (!found.empty()) hit.title_matches = to_spans(title_index_.token_spans(doc), found);
    }
    results.hits.push_back(std::move(hit));
  }
  return results;
}

}  // namespace mirsad
