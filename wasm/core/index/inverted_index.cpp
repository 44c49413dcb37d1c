#include "index/inverted_index.hpp"

#include <algorithm>
#include <queue>

#include "index/varint.hpp"

namespace mirsad {
namespace {

std::size_t coarse_index(MatchLevel level) { return static_cast<std::size_t>(level) - 1; }

}  // namespace

uint32_t InvertedIndex::exact_id(const AnalyzedToken& token) {
  bool added = false;
  uint32_t id = exact_terms_.intern(token.term(MatchLevel::Exact), added);
  if (!added) {
    const uint32_t normalized = coarse_terms_[0].find(token.term(MatchLevel::Normalized));
    if (normalized == normalized_of_[id]) return id;
    // The same literal text normalized two ways (a ligature whose expansion spans several
    // words): a separate entry, so each coarse level keeps pointing at the right positions.
    std::u16string key(token.term(MatchLevel::Exact));
    key.push_back(u'\0');
    key.append(token.term(MatchLevel::Normalized));
    id = exact_terms_.intern(key, added);
    if (!added) return id;
  }
  postings_.emplace_back();
  for (std::size_t c = 0; c < kCoarseLevels; ++c) {
    bool new_coarse = false;
    const uint32_t coarse = coarse_terms_[c].intern(token.terms[c + 1], new_coarse);
    if (new_coarse) members_[c].emplace_back();
    members_[c][coarse].push_back(id);
    if (c == 0) normalized_of_.push_back(coarse);
  }
  return id;
}

DocOrdinal InvertedIndex::add(const AnalyzedText& text) {
  const auto doc = static_cast<DocOrdinal>(lengths_.size());
  cache_.clear();
  for (uint32_t pos = 0; pos < text.tokens.size(); ++pos) {
    TermPostings& p = postings_[exact_id(text.tokens[pos])];
    if (p.last_doc != doc) {
      if (p.last_doc != UINT32_MAX) p.bytes.push_back(0);  // ends the previous document's positions
      varint::put(p.bytes, p.last_doc == UINT32_MAX ? doc : doc - p.last_doc);
      varint::put(p.bytes, pos + 1);
      p.last_doc = doc;
    } else {
      varint::put(p.bytes, pos - p.last_position);  // >= 1: positions are distinct and ascending
    }
    p.last_position = pos;
  }
  span_offsets_.push_back(spans_.size());
  uint32_t previous_end = 0;
  for (const AnalyzedToken& t : text.tokens) {
    // Tokens from one expanded character share a span, so a gap can be "negative": the low bit
    // says which way it goes.
    const Span s = t.token.span;
    if (s.start >= previous_end) varint::put(spans_, (s.start - previous_end) << 1);
    else varint::put(spans_, ((previous_end - s.start) << 1) | 1);
    varint::put(spans_, s.end - s.start);
    previous_end = s.end;
  }
  lengths_.push_back(static_cast<uint32_t>(text.tokens.size()));
  total_tokens_ += text.tokens.size();
  return doc;
}

DecodedPostings InvertedIndex::decode(uint32_t exact) const {
  DecodedPostings out;
  const TermPostings& p = postings_[exact];
  const uint8_t* it = p.bytes.data();
  const uint8_t* end = it + p.bytes.size();
  out.positions.reserve(p.bytes.size());
  DocOrdinal doc = 0;
  bool first = true;
  while (it < end) {
    const uint32_t delta = varint::get(it, end);
    doc = first ? delta : doc + delta;
    first = false;
    if (doc >= lengths_.size()) break;  // only a damaged index file gets here
    out.docs.push_back(doc);
    uint32_t pos = varint::get(it, end) - 1;
    out.positions.push_back(pos);
    while (it < end) {
      const uint32_t step = varint::get(it, end);
      if (step == 0) break;
      pos += step;
      out.positions.push_back(pos);
    }
    out.starts.push_back(static_cast<uint32_t>(out.positions.size()));
  }
  return out;
}

DecodedPostings InvertedIndex::merge(const std::vector<uint32_t>& exact_ids) const {
  if (exact_ids.size() == 1) return decode(exact_ids[0]);
  std::vector<DecodedPostings> lists;
  lists.reserve(exact_ids.size());
  for (const uint32_t id : exact_ids) lists.push_back(decode(id));
  // k-way merge by document; a position belongs to one exact term, so per document the
  // positions of the lists are disjoint and only need sorting.
  using Head = std::pair<DocOrdinal, uint32_t>;  // (document, list)
  std::priority_queue<Head, std::vector<Head>, std::greater<Head>> heads;
  std::vector<std::size_t> at(lists.size(), 0);
  for (uint32_t l = 0; l < lists.size(); ++l) {
    if (lists[l].size()) heads.emplace(lists[l].docs[0], l);
  }
  DecodedPostings out;
  while (!heads.empty()) {
    const DocOrdinal doc = heads.top().first;
    const auto first_position = out.positions.size();
    while (!heads.empty() && heads.top().first == doc) {
      const uint32_t l = heads.top().second;
      heads.pop();
      const std::size_t i = at[l]++;
      out.positions.insert(out.positions.end(), lists[l].positions_begin(i), lists[l].positions_end(i));
      if (at[l] < lists[l].size()) heads.emplace(lists[l].docs[at[l]], l);
    }
    std::sort(out.positions.begin() + static_cast<std::ptrdiff_t>(first_position), out.positions.end());
    out.docs.push_back(doc);
    out.starts.push_back(static_cast<uint32_t>(out.positions.size()));
  }
  return out;
}

DecodedPostings InvertedIndex::postings_of(MatchLevel level, const std::vector<uint32_t>& term_ids) const {
  if (term_ids.size() == 1) return postings_of(level, term_ids[0]);
  std::vector<uint32_t> exact_ids;
  for (const uint32_t id : term_ids) {
    if (level == MatchLevel::Exact) exact_ids.push_back(id);
    else {
      const auto& members = members_[coarse_index(level)][id];
      exact_ids.insert(exact_ids.end(), members.begin(), members.end());
    }
  }
  if (exact_ids.empty()) return DecodedPostings{};
  return merge(exact_ids);
}

std::vector<uint32_t> InvertedIndex::expand_prefix(MatchLevel level, Term prefix, std::size_t limit,
                                                   bool& complete) const {
  const TermDictionary& dict = dictionary(level);
  std::vector<uint32_t>& sorted = sorted_terms_[static_cast<std::size_t>(level)];
  if (sorted.size() != dict.size()) {  // terms were added since the last sort
    sorted.resize(dict.size());
    for (uint32_t id = 0; id < sorted.size(); ++id) sorted[id] = id;
    std::sort(sorted.begin(), sorted.end(), [&](uint32_t a, uint32_t b) { return dict.term_text(a) < dict.term_text(b); });
  }
  auto it = std::lower_bound(sorted.begin(), sorted.end(), prefix,
                             [&](uint32_t id, Term p) { return dict.term_text(id) < p; });
  std::vector<uint32_t> out;
  complete = true;
  for (; it != sorted.end() && dict.term_text(*it).starts_with(prefix); ++it) {
    if (out.size() == limit) { complete = false; break; }
    out.push_back(*it);
  }
  return out;
}

namespace {

// Levenshtein distance between a and b if it is at most max, else max + 1 (rows cut short).
uint32_t bounded_distance(Term a, Term b, uint32_t max) {
  const std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > max) return max + 1;
  std::vector<uint32_t> previous(m + 1), current(m + 1);
  for (std::size_t j = 0; j <= m; ++j) previous[j] = static_cast<uint32_t>(j);
  for (std::size_t i = 1; i <= n; ++i) {
    current[0] = static_cast<uint32_t>(i);
    uint32_t row_min = current[0];
    for (std::size_t j = 1; j <= m; ++j) {
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0u : 1u)});
      row_min = std::min(row_min, current[j]);
    }
    if (row_min > max) return max + 1;
    std::swap(previous, current);
  }
  return previous[m];
}

}  // namespace

std::vector<uint32_t> InvertedIndex::expand_fuzzy(MatchLevel level, Term term, uint32_t max_distance,
                                                  std::size_t limit, bool& complete) const {
  const TermDictionary& dict = dictionary(level);
  std::vector<std::pair<uint32_t, uint32_t>> found;  // (distance, id)
  for (uint32_t id = 0; id < dict.size(); ++id) {
    const uint32_t d = bounded_distance(term, dict.term_text(id), max_distance);
    if (d <= max_distance) found.emplace_back(d, id);
  }
  std::sort(found.begin(), found.end());
  complete = found.size() <= limit;
  if (!complete) found.resize(limit);
  std::vector<uint32_t> out;
  for (const auto& f : found) out.push_back(f.second);
  return out;
}

const TermDictionary& InvertedIndex::dictionary(MatchLevel level) const {
  return level == MatchLevel::Exact ? exact_terms_ : coarse_terms_[coarse_index(level)];
}

DecodedPostings InvertedIndex::postings_of(MatchLevel level, uint32_t term_id) const {
  if (level == MatchLevel::Exact) return decode(term_id);
  const std::vector<uint32_t>& members = members_[coarse_index(level)][term_id];
  if (members.size() < kCacheableMembers) return merge(members);
  const uint64_t key = (static_cast<uint64_t>(level) << 32) | term_id;
  for (CachedPostings& c : cache_) {
    if (c.key == key) {
      c.last_use = ++cache_clock_;
      return *c.postings;
    }
  }
  auto merged = std::make_shared<const DecodedPostings>(merge(members));
  if (merged->positions.size() > kCacheablePositions) return *merged;
  if (cache_.size() < kCacheEntries) {
    cache_.push_back({key, ++cache_clock_, merged});
  } else {
    auto oldest = std::min_element(cache_.begin(), cache_.end(),
                                   [](const CachedPostings& a, const CachedPostings& b) { return a.last_use < b.last_use; });
    *oldest = {key, ++cache_clock_, merged};
  }
  return *merged;
}

DecodedPostings InvertedIndex::postings(MatchLevel level, Term term) const {
  const uint32_t id = dictionary(level).find(term);
  if (id == TermDictionary::kMissing) return DecodedPostings{};
  return postings_of(level, id);
}

std::vector<Span> InvertedIndex::token_spans(DocOrdinal doc) const {
  std::vector<Span> spans;
  spans.reserve(lengths_[doc]);
  const uint8_t* it = spans_.data() + span_offsets_[doc];
  const uint8_t* end = spans_.data() + spans_.size();
  uint32_t previous_end = 0;
  for (uint32_t i = 0; i < lengths_[doc]; ++i) {
    const uint32_t gap = varint::get(it, end);
    const uint32_t start = (gap & 1) ? previous_end - (gap >> 1) : previous_end + (gap >> 1);
    const uint32_t length = varint::get(it, end);
    spans.push_back(Span{start, start + length});
    previous_end = start + length;
  }
  return spans;
}

double InvertedIndex::average_document_length() const {
  return lengths_.empty() ? 0.0 : static_cast<double>(total_tokens_) / static_cast<double>(lengths_.size());
}

void InvertedIndex::write(BinaryWriter& w) const {
  exact_terms_.write(w);
  w.u64(postings_.size());
  for (const TermPostings& p : postings_) {
    w.bytes(std::string_view(reinterpret_cast<const char*>(p.bytes.data()), p.bytes.size()));
    w.u32(p.last_doc);
    w.u32(p.last_position);
  }
  w.vec(normalized_of_);
  for (std::size_t c = 0; c < kCoarseLevels; ++c) {
    coarse_terms_[c].write(w);
    w.u64(members_[c].size());
    for (const auto& m : members_[c]) w.vec(m);
  }
  w.vec(spans_);
  w.vec(span_offsets_);
  w.vec(lengths_);
  w.u64(total_tokens_);
}

bool InvertedIndex::read(BinaryReader& r) {
  *this = InvertedIndex();
  if (!exact_terms_.read(r)) return false;
  const uint64_t n = r.u64();
  if (!r.ok() || n != exact_terms_.size()) return false;
  postings_.resize(n);
  for (TermPostings& p : postings_) {
    const std::string b = r.bytes();
    p.bytes.assign(b.begin(), b.end());
    p.last_doc = r.u32();
    p.last_position = r.u32();
  }
  normalized_of_ = r.vec<uint32_t>();
  for (std::size_t c = 0; c < kCoarseLevels && r.ok(); ++c) {
    if (!coarse_terms_[c].read(r)) return false;
    const uint64_t groups = r.u64();
    if (!r.ok() || groups != coarse_terms_[c].size()) return false;
    members_[c].resize(groups);
    for (auto& m : members_[c]) {
      m = r.vec<uint32_t>();
      for (const uint32_t id : m) {
        if (id >= n) return false;
      }
    }
  }
  spans_ = r.vec<uint8_t>();
  span_offsets_ = r.vec<uint64_t>();
  lengths_ = r.vec<uint32_t>();
  total_tokens_ = r.u64();
  if (!r.ok() || normalized_of_.size() != n || span_offsets_.size() != lengths_.size()) return false;
  for (const uint32_t g : normalized_of_) {
    if (g >= coarse_terms_[0].size()) return false;
  }
  for (const uint64_t o : span_offsets_) {
    if (o > spans_.size()) return false;
  }
  for (const TermPostings& p : postings_) {
    if (p.last_doc != UINT32_MAX && p.last_doc >= lengths_.size()) return false;
  }
  return true;
}

void InvertedIndex::compact() {
  spans_.shrink_to_fit();
  span_offsets_.shrink_to_fit();
  lengths_.shrink_to_fit();
  postings_.shrink_to_fit();
  for (TermPostings& p : postings_) p.bytes.shrink_to_fit();
  for (auto& level : members_) {
    level.shrink_to_fit();
    for (auto& m : level) m.shrink_to_fit();
  }
}

std::size_t InvertedIndex::memory_bytes() const {
  std::size_t bytes = spans_.capacity() + span_offsets_.capacity() * 8 + lengths_.capacity() * 4 +
                      exact_terms_.memory_bytes() + postings_.capacity() * sizeof(TermPostings) +
                      normalized_of_.capacity() * 4;
  for (const TermPostings& p : postings_) bytes += p.bytes.capacity();
  for (std::size_t c = 0; c < kCoarseLevels; ++c) {
    bytes += coarse_terms_[c].memory_bytes() + members_[c].capacity() * sizeof(std::vector<uint32_t>);
    for (const auto& m : members_[c]) bytes += m.capacity() * 4;
  }
  return bytes;
}

}  // namespace mirsad
