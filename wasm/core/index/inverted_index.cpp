#include "index/inverted_index.hpp"

#include <algorithm>
#include <bit>
#include <queue>

#include "index/fuzzy_scan.hpp"
#include "index/gentle_growth.hpp"
#include "index/varint.hpp"

namespace mirsad {
namespace {

std::size_t coarse_index(MatchLevel level) { return static_cast<std::size_t>(level) - 1; }

// A token's span in a document's span record, written at out; returns its size. Most tokens
// follow the previous one after 0 to 3 units (a space, "، ") and are shorter than 32 units: one
// byte, gap in bits 5-6 and length in bits 0-4. Anything else is 0x80 and two varints; tokens
// from one expanded character share a span, so that gap can be "negative" (low bit set).
constexpr std::size_t kMaxSpanCode = 11;
std::size_t encode_span(uint8_t* out, uint32_t previous_end, Span s) {
  const uint32_t length = s.end - s.start;
  if (s.start >= previous_end && s.start - previous_end <= 3 && length >= 1 && length <= 31) {
    out[0] = static_cast<uint8_t>(((s.start - previous_end) << 5) | length);
    return 1;
  }
  uint8_t* end = out;
  *end++ = 0x80;
  end = varint::put(end, s.start >= previous_end ? (s.start - previous_end) << 1 : ((previous_end - s.start) << 1) | 1);
  end = varint::put(end, length);
  return static_cast<std::size_t>(end - out);
}

}  // namespace

uint32_t InvertedIndex::exact_id(const AnalyzedText& text, uint32_t pos) {
  const AnalyzedToken& token = text.tokens[pos];
  const Term exact = token.term(MatchLevel::Exact);
  const Term normalized = token.term(MatchLevel::Normalized);
  const uint32_t h = TermDictionary::hash(exact);
  // Most words need no normalization: then the hash is the same and need not be computed twice.
  const uint32_t normalized_hash = normalized == exact ? h : TermDictionary::hash(normalized);
  if (recent_terms_.empty()) recent_terms_.resize(kRecentTerms);
  RecentTerm& recent = recent_terms_[(h ^ (h >> 16)) & (kRecentTerms - 1)];
  if (recent.holds(h, exact, normalized_hash)) return recent.id;
  const auto remember = [&](uint32_t id) {
    if (exact.size() > RecentTerm::kMaxLength) return;
    recent.hash = h;
    recent.id = id;
    recent.normalized_hash = normalized_hash;
    recent.length = static_cast<uint8_t>(exact.size());
    std::char_traits<char16_t>::copy(recent.text, exact.data(), exact.size());
  };
  const auto same_normalized = [&](uint32_t id) { return normalized_hash_[id] == normalized_hash; };
  bool added = false;
  uint32_t id = exact_terms_.intern(exact, h, added);
  if (!added) {
    if (same_normalized(id)) {
      remember(id);
      return id;
    }
    // The same literal text normalized two ways (a ligature whose expansion spans several
    // words): a separate entry, so each coarse level keeps pointing at the right positions.
    std::u16string key(token.term(MatchLevel::Exact));
    key.push_back(u'\0');
    key.append(token.term(MatchLevel::Normalized));
    id = exact_terms_.intern(key, added);
    if (!added) return id;
  } else {
    remember(id);
  }
  reserve_gently(postings_);
  postings_.emplace_back();
  reserve_gently(normalized_hash_);
  normalized_hash_.push_back(normalized_hash);
  // Only a new exact term needs its coarse terms: a Surface analysis runs the filters here.
  const AnalyzedToken filtered = text.filtered_token(pos);
  for (std::size_t c = 0; c < kCoarseLevels; ++c) {
    bool new_coarse = false;
    reserve_gently(coarse_of_[c]);
    coarse_of_[c].push_back(coarse_terms_[c].intern(filtered.terms[c + 1], new_coarse));
  }
  return id;
}

DocOrdinal InvertedIndex::add(const AnalyzedText& text) {
  const auto doc = static_cast<DocOrdinal>(lengths_.size());
  cache_.clear();
  uint8_t buffer[16];
  for (uint32_t pos = 0; pos < text.tokens.size(); ++pos) {
    TermPostings& p = postings_[exact_id(text, pos)];
    uint8_t* out = buffer;
    if (p.last_doc != doc) {
      if (p.last_doc != UINT32_MAX) *out++ = 0;  // ends the previous document's positions
      out = varint::put(out, p.last_doc == UINT32_MAX ? doc : doc - p.last_doc);
      out = varint::put(out, pos + 1);
      p.last_doc = doc;
    } else {
      out = varint::put(out, pos - p.last_position);  // >= 1: positions are distinct and ascending
    }
    pool_.append(p.bytes, buffer, static_cast<std::size_t>(out - buffer));
    p.last_position = pos;
  }
  std::vector<uint8_t>& record = scratch_;
  record.clear();
  uint32_t previous_end = 0;
  uint8_t code[kMaxSpanCode];
  for (const AnalyzedToken& t : text.tokens) {
    record.insert(record.end(), code, code + encode_span(code, previous_end, t.token.span));
    previous_end = t.token.span.end;
  }
  span_addresses_.push_back(spans_.add(record.data(), record.size()));
  lengths_.push_back(static_cast<uint32_t>(text.tokens.size()));
  total_tokens_ += text.tokens.size();
  return doc;
}

DecodedPostings InvertedIndex::decode(uint32_t exact) const {
  DecodedPostings out;
  pool_.read(postings_[exact].bytes, scratch_);
  const uint8_t* it = scratch_.data();
  const uint8_t* end = it + scratch_.size();
  out.positions.reserve(scratch_.size());
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

DecodedPostings InvertedIndex::merge(const uint32_t* exact_ids, std::size_t count) const {
  if (count == 0) return DecodedPostings{};
  if (count == 1) return decode(exact_ids[0]);
  std::vector<DecodedPostings> lists;
  lists.reserve(count);
  for (std::size_t i = 0; i < count; ++i) lists.push_back(decode(exact_ids[i]));
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

const InvertedIndex::MemberTable& InvertedIndex::members(std::size_t coarse) const {
  MemberTable& table = members_[coarse];
  const std::size_t groups = coarse_terms_[coarse].size();
  if (table.ids.size() == coarse_of_[coarse].size() && table.starts.size() == groups + 1) return table;
  // Counting sort of the exact ids by coarse id: each group's members stay in id order. Fresh
  // vectors of the exact size (assign() and resize() may double the capacity).
  table = MemberTable{};
  table.starts.assign(groups + 1, 0);
  for (const uint32_t g : coarse_of_[coarse]) ++table.starts[g + 1];
  for (std::size_t g = 0; g < groups; ++g) table.starts[g + 1] += table.starts[g];
  table.ids.assign(coarse_of_[coarse].size(), 0);
  std::vector<uint32_t> next(table.starts.begin(), table.starts.end() - 1);
  for (uint32_t id = 0; id < coarse_of_[coarse].size(); ++id) table.ids[next[coarse_of_[coarse][id]]++] = id;
  return table;
}

DecodedPostings InvertedIndex::postings_of(MatchLevel level, const std::vector<uint32_t>& term_ids) const {
  if (term_ids.size() == 1) return postings_of(level, term_ids[0]);
  std::vector<uint32_t> exact_ids;
  for (const uint32_t id : term_ids) {
    if (level == MatchLevel::Exact) exact_ids.push_back(id);
    else {
      const MemberTable& table = members(coarse_index(level));
      exact_ids.insert(exact_ids.end(), table.ids.begin() + table.starts[id], table.ids.begin() + table.starts[id + 1]);
    }
  }
  return merge(exact_ids.data(), exact_ids.size());
}

std::vector<uint32_t> InvertedIndex::expand_prefix(MatchLevel level, Term prefix, std::size_t limit,
                                                   bool& complete) const {
  const TermDictionary& dict = dictionary(level);
  std::vector<uint32_t>& sorted = sorted_terms_[static_cast<std::size_t>(level)];
  if (sorted.size() != dict.size()) {  // terms were added since the last sort
    std::vector<uint32_t> fresh(dict.size());  // exact size: a resize() would double the capacity
    sorted.swap(fresh);
    fresh = {};
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

InvertedIndex::FuzzyExpansion InvertedIndex::expand_fuzzy(MatchLevel level, Term term, uint32_t max_distance,
                                                          std::size_t limit, FuzzyBudget& budget) const {
  return scan_fuzzy(dictionary(level), term, max_distance, limit, budget);
}

const TermDictionary& InvertedIndex::dictionary(MatchLevel level) const {
  return level == MatchLevel::Exact ? exact_terms_ : coarse_terms_[coarse_index(level)];
}

std::vector<uint32_t> InvertedIndex::exact_members(MatchLevel level, uint32_t term_id) const {
  if (level == MatchLevel::Exact) return {term_id};
  const MemberTable& table = members(coarse_index(level));
  return std::vector<uint32_t>(table.ids.begin() + table.starts[term_id], table.ids.begin() + table.starts[term_id + 1]);
}

DecodedPostings InvertedIndex::postings_of(MatchLevel level, uint32_t term_id) const {
  if (level == MatchLevel::Exact) return decode(term_id);
  const MemberTable& table = members(coarse_index(level));
  const uint32_t* first_member = table.ids.data() + table.starts[term_id];
  const std::size_t member_count = table.starts[term_id + 1] - table.starts[term_id];
  if (member_count < kCacheableMembers) return merge(first_member, member_count);
  const uint64_t key = (static_cast<uint64_t>(level) << 32) | term_id;
  for (CachedPostings& c : cache_) {
    if (c.key == key) {
      c.last_use = ++cache_clock_;
      return *c.postings;
    }
  }
  auto merged = std::make_shared<const DecodedPostings>(merge(first_member, member_count));
  if (merged->positions.size() + merged->docs.size() + merged->starts.size() > kCacheableElements) return *merged;
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
  auto [it, end] = spans_.at(span_addresses_[doc]);
  if (!it) return spans;
  uint32_t previous_end = 0;
  for (uint32_t i = 0; i < lengths_[doc] && it < end; ++i) {
    const uint8_t packed = *it++;
    uint32_t start = previous_end + (packed >> 5), length = packed & 31;
    if (packed & 0x80) {
      const uint32_t gap = varint::get(it, end);
      start = (gap & 1) ? previous_end - (gap >> 1) : previous_end + (gap >> 1);
      length = varint::get(it, end);
    }
    spans.push_back(Span{start, start + length});
    previous_end = start + length;
  }
  return spans;
}

double InvertedIndex::average_document_length() const {
  return lengths_.empty() ? 0.0 : static_cast<double>(total_tokens_) / static_cast<double>(lengths_.size());
}

namespace {

// Bytes of a document's span record (see add()): one byte a token, or 0x80 and two varints.
std::size_t span_record_size(const uint8_t* begin, const uint8_t* end, uint32_t tokens) {
  const uint8_t* it = begin;
  for (uint32_t i = 0; i < tokens && it < end; ++i) {
    if (*it++ & 0x80) {
      varint::get(it, end);
      varint::get(it, end);
    }
  }
  return static_cast<std::size_t>(it - begin);
}

}  // namespace

void InvertedIndex::write(BinaryWriter& w) const {
  exact_terms_.write(w);
  w.u64(postings_.size());
  for (const TermPostings& p : postings_) {
    pool_.read(p.bytes, scratch_);
    w.bytes(std::string_view(reinterpret_cast<const char*>(scratch_.data()), scratch_.size()));
    w.u32(p.last_doc);
    w.u32(p.last_position);
  }
  for (std::size_t c = 0; c < kCoarseLevels; ++c) {
    coarse_terms_[c].write(w);
    w.vec(coarse_of_[c]);
  }
  w.vec(lengths_);
  for (DocOrdinal doc = 0; doc < lengths_.size(); ++doc) {
    const auto [begin, end] = spans_.at(span_addresses_[doc]);
    const std::size_t size = begin ? span_record_size(begin, end, lengths_[doc]) : 0;
    w.bytes(std::string_view(reinterpret_cast<const char*>(begin), size));
  }
  w.u64(total_tokens_);
}

namespace {

// Reads one varint that must end inside [it, end) and fit in 32 bits.
bool checked_varint(const uint8_t*& it, const uint8_t* end, uint32_t& value) {
  value = 0;
  for (int shift = 0; shift < 35; shift += 7) {
    if (it == end) return false;
    const uint8_t b = *it++;
    if (shift == 28 && (b & 0x70)) return false;  // more than 32 bits
    value |= static_cast<uint32_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) return true;
  }
  return false;
}

}  // namespace

// A term's postings as add() writes them: documents ascending and below document_count,
// positions ascending and below each document's length, and the stream's last document and
// position as recorded. Search indexes token spans by these positions without checking again.
bool InvertedIndex::postings_are_consistent(const uint8_t* it, const uint8_t* end, const TermPostings& p) const {
  if (it == end) return p.last_doc == UINT32_MAX;
  uint32_t doc = 0, position = 0;
  bool first = true;
  while (it < end) {
    uint32_t delta = 0, value = 0;
    if (!checked_varint(it, end, delta)) return false;
    if (!first && delta == 0) return false;
    if (!first && delta > UINT32_MAX - doc) return false;
    doc = first ? delta : doc + delta;
    first = false;
    if (doc >= lengths_.size()) return false;
    if (!checked_varint(it, end, value) || value == 0) return false;
    position = value - 1;
    if (position >= lengths_[doc]) return false;
    while (it < end) {
      uint32_t step = 0;
      if (!checked_varint(it, end, step)) return false;
      if (step == 0) {
        if (it == end) return false;  // a document's end marker is always followed by another document
        break;
      }
      if (step >= lengths_[doc] - position) return false;
      position += step;
    }
  }
  return p.last_doc == doc && p.last_position == position;
}

// A document's span record holds exactly its tokens, and every span lies inside its text.
bool InvertedIndex::spans_are_consistent(DocOrdinal doc, uint32_t text_length) const {
  auto [it, end] = spans_.at(span_addresses_[doc]);
  if (!it) return lengths_[doc] == 0;
  uint32_t previous_end = 0;
  for (uint32_t i = 0; i < lengths_[doc]; ++i) {
    if (it == end) return false;
    const uint8_t packed = *it++;
    uint32_t start = previous_end + (packed >> 5), length = packed & 31;
    if (packed & 0x80) {
      uint32_t gap = 0;
      if (!checked_varint(it, end, gap) || !checked_varint(it, end, length)) return false;
      if (gap & 1) {
        if ((gap >> 1) > previous_end) return false;
        start = previous_end - (gap >> 1);
      } else {
        if ((gap >> 1) > text_length) return false;
        start = previous_end + (gap >> 1);
      }
    }
    if (start > text_length || length > text_length - start) return false;
    previous_end = start + length;
  }
  return true;
}

bool InvertedIndex::read(BinaryReader& r, const std::vector<uint32_t>& text_lengths) {
  ReadState state;
  WorkDeadline never = WorkDeadline::never();
  return read_some(r, text_lengths, state, never) == StepStatus::Done;
}

// The file's sections in order (see write()); each loop over terms or documents can stop at the
// deadline and resume at state.item. A file streamed in pieces may end inside an item: the item
// is read again from its start once more bytes have come (NeedsInput), so nothing here keeps a
// view into the file between two calls. The checks that need the whole index come last.
StepStatus InvertedIndex::read_some(BinaryReader& r, const std::vector<uint32_t>& text_lengths, ReadState& state,
                                    WorkDeadline& deadline) {
  enum Phase { kStart, kExactSlots, kPostings, kCoarseTerms, kCoarseSlots, kCoarseMap, kNormalizedHashes, kLengths,
               kSpans, kCheckSpans, kCheckPostings, kDone };
  constexpr auto kWorking = StepStatus::Working, kFailed = StepStatus::Failed, kNeedsInput = StepStatus::NeedsInput;
  for (;;) {
    switch (state.phase) {
      case kStart: {
        *this = InvertedIndex();
        if (!exact_terms_.read_terms(r, state.terms_loading)) return kFailed;
        state.phase = kExactSlots;
        break;
      }
      case kExactSlots: {
        const StepStatus s = exact_terms_.load_some(r, state.terms_loading, deadline);
        if (s != StepStatus::Done) return s;
        const std::size_t mark = r.position();
        state.terms = r.u64();
        if (r.starved()) {
          r.rewind(mark);
          return kNeedsInput;
        }
        if (!r.ok() || state.terms != exact_terms_.size()) return kFailed;
        // Reserved, then filled term by term: zeroing them at once was a long task (first touches).
        postings_.reserve(state.terms);
        state.item = 0;
        state.phase = kPostings;
        break;
      }
      case kPostings:
        // A term's postings are one item: the largest list (a frequent word's) is the most of the
        // file a streamed load needs in its window at once.
        for (; state.item < state.terms; ++state.item) {
          if (deadline.passed()) return kWorking;
          const std::size_t mark = r.position();
          const std::string_view stream = r.bytes_view();
          const uint32_t last_doc = r.u32(), last_position = r.u32();
          if (r.starved()) {
            r.rewind(mark);
            return kNeedsInput;
          }
          if (!r.ok()) return kFailed;
          TermPostings& p = postings_.emplace_back();
          pool_.append(p.bytes, reinterpret_cast<const uint8_t*>(stream.data()), stream.size());
          p.last_doc = last_doc;
          p.last_position = last_position;
        }
        state.level = 0;
        state.phase = kCoarseTerms;
        break;
      case kCoarseTerms:
        if (!coarse_terms_[state.level].read_terms(r, state.terms_loading)) return kFailed;
        state.phase = kCoarseSlots;
        break;
      case kCoarseSlots: {
        const StepStatus s = coarse_terms_[state.level].load_some(r, state.terms_loading, deadline);
        if (s != StepStatus::Done) return s;
        state.phase = kCoarseMap;
        break;
      }
      case kCoarseMap: {
        const std::size_t c = state.level;
        const std::size_t mark = r.position();
        coarse_of_[c] = r.vec<uint32_t>();
        if (r.starved()) {
          r.rewind(mark);
          return kNeedsInput;
        }
        if (!r.ok() || coarse_of_[c].size() != state.terms) return kFailed;
        for (const uint32_t g : coarse_of_[c]) {
          if (g >= coarse_terms_[c].size()) return kFailed;
        }
        state.phase = ++state.level < kCoarseLevels ? kCoarseTerms : kNormalizedHashes;
        state.item = 0;
        break;
      }
      case kNormalizedHashes:
        if (state.item == 0) normalized_hash_.reserve(state.terms);
        for (; state.item < state.terms; ++state.item) {
          if (deadline.passed()) return kWorking;
          normalized_hash_.push_back(TermDictionary::hash(coarse_terms_[0].term_text(coarse_of_[0][state.item])));
        }
        state.phase = kLengths;
        break;
      case kLengths: {
        const std::size_t mark = r.position();
        lengths_ = r.vec<uint32_t>();
        if (r.starved()) {
          r.rewind(mark);
          return kNeedsInput;
        }
        if (!r.ok() || lengths_.size() != text_lengths.size()) return kFailed;
        span_addresses_.reserve(lengths_.size());
        state.item = 0;
        state.phase = kSpans;
        break;
      }
      case kSpans: {
        for (; state.item < lengths_.size(); ++state.item) {
          if (deadline.passed()) return kWorking;
          const std::size_t mark = r.position();
          const std::string_view record = r.bytes_view();
          if (r.starved()) {
            r.rewind(mark);
            return kNeedsInput;
          }
          if (!r.ok()) return kFailed;
          span_addresses_.push_back(spans_.add(reinterpret_cast<const uint8_t*>(record.data()), record.size()));
        }
        const std::size_t mark = r.position();
        total_tokens_ = r.u64();
        if (r.starved()) {
          r.rewind(mark);
          return kNeedsInput;
        }
        if (!r.ok()) return kFailed;
        uint64_t tokens = 0;
        for (const uint32_t length : lengths_) tokens += length;
        if (tokens != total_tokens_) return kFailed;
        state.item = 0;
        state.phase = kCheckSpans;
        break;
      }
      case kCheckSpans:
        for (; state.item < lengths_.size(); ++state.item) {
          if (deadline.passed()) return kWorking;
          if (!spans_are_consistent(static_cast<DocOrdinal>(state.item), text_lengths[state.item])) return kFailed;
        }
        state.item = 0;
        state.phase = kCheckPostings;
        break;
      case kCheckPostings:
        // Each list as the pool holds it (the file's bytes are gone by now when streamed).
        for (; state.item < state.terms; ++state.item) {
          if (deadline.passed()) return kWorking;
          const TermPostings& p = postings_[state.item];
          pool_.read(p.bytes, scratch_);
          if (!postings_are_consistent(scratch_.data(), scratch_.data() + scratch_.size(), p)) return kFailed;
        }
        scratch_ = {};
        state.phase = kDone;
        break;
      default:
        return StepStatus::Done;
    }
  }
}

void InvertedIndex::compact() {
  span_addresses_.shrink_to_fit();
  lengths_.shrink_to_fit();
}

namespace {

std::size_t varint_size(uint32_t v) {
  std::size_t n = 1;
  for (; v >= 0x80; v >>= 7) ++n;
  return n;
}

}  // namespace

InvertedIndex::Growth InvertedIndex::growth_bound(const AnalyzedText& text) const {
  const auto tokens = static_cast<uint32_t>(text.tokens.size());
  const auto doc = static_cast<DocOrdinal>(lengths_.size());
  // The document's distinct exact terms, each with its first position and count (open
  // addressing over the tokens; the table lives only for this estimate).
  struct Distinct {
    uint32_t first = UINT32_MAX;
    uint32_t count = 0;
    uint32_t hash = 0;
  };
  std::size_t slot_count = 16;
  while (slot_count < std::size_t{tokens} * 2) slot_count *= 2;
  std::vector<Distinct> table(slot_count);
  const std::size_t mask = slot_count - 1;
  for (uint32_t pos = 0; pos < tokens; ++pos) {
    const Term exact = text.tokens[pos].term(MatchLevel::Exact);
    const uint32_t h = TermDictionary::hash(exact);
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      Distinct& d = table[i];
      if (d.first == UINT32_MAX) {
        d = {pos, 1, h};
        break;
      }
      if (d.hash == h && text.tokens[d.first].term(MatchLevel::Exact) == exact) {
        ++d.count;
        break;
      }
    }
  }
  // A position step takes at most as many bytes as the document's last position.
  const std::size_t step_bytes = varint_size(tokens);
  Growth growth;
  std::size_t new_units = 0, coarse_units = 0, slices = 0;
  for (const Distinct& d : table) {
    if (d.first == UINT32_MAX) continue;
    const AnalyzedToken& token = text.tokens[d.first];
    const Term exact = token.term(MatchLevel::Exact), normalized = token.term(MatchLevel::Normalized);
    uint32_t id = exact_terms_.find(exact, d.hash);
    // The same text with another normalization (a ligature across words) is a term of its own.
    if (id != TermDictionary::kMissing && normalized_hash_[id] != TermDictionary::hash(normalized)) id = TermDictionary::kMissing;
    const BytePool::Stream empty;
    const BytePool::Stream& stream = id == TermDictionary::kMissing ? empty : postings_[id].bytes;
    const DocOrdinal last_doc = id == TermDictionary::kMissing ? UINT32_MAX : postings_[id].last_doc;
    const std::size_t first_step =
        (last_doc != UINT32_MAX ? 1 : 0) + varint_size(last_doc == UINT32_MAX ? doc : doc - last_doc) + varint_size(d.first + 1);
    slices += pool_.growth_bound(stream, first_step + std::size_t{d.count - 1} * step_bytes, first_step);
    if (id == TermDictionary::kMissing) {
      ++growth.new_terms;
      new_units += exact.size() + 1 + normalized.size();
      coarse_units += normalized.size() + 2;  // clitics and suffixes only shorten a normalized word; 2 spare
    }
  }
  const std::size_t n = growth.new_terms;
  std::size_t bytes = slices + pool_.blocks_bound(slices) + exact_terms_.growth_bound(n, new_units) +
                      gentle_growth_bound(postings_.size(), postings_.capacity(), n, sizeof(TermPostings)) +
                      gentle_growth_bound(normalized_hash_.size(), normalized_hash_.capacity(), n, sizeof(uint32_t));
  for (std::size_t c = 0; c < kCoarseLevels; ++c) {
    bytes += coarse_terms_[c].growth_bound(n, coarse_units) +
             gentle_growth_bound(coarse_of_[c].size(), coarse_of_[c].capacity(), n, sizeof(uint32_t));
  }
  if (recent_terms_.empty()) bytes += kRecentTerms * sizeof(RecentTerm);
  // The span record, exactly as add() encodes it, and its scratch copy.
  std::size_t record = 0;
  uint32_t previous_end = 0;
  uint8_t code[kMaxSpanCode];
  for (const AnalyzedToken& t : text.tokens) {
    record += encode_span(code, previous_end, t.token.span);
    previous_end = t.token.span.end;
  }
  bytes += spans_.growth_bound(record) + (record > scratch_.capacity() ? 2 * record : 0) +
           push_back_growth_bound(span_addresses_) + push_back_growth_bound(lengths_);
  growth.bytes = bytes;
  return growth;
}

std::size_t InvertedIndex::query_structures_bound(std::size_t extra_terms) const {
  const std::size_t exact = exact_terms_.size() + extra_terms;
  std::size_t bytes = exact * sizeof(uint32_t);  // the exact level's sorted terms
  for (std::size_t c = 0; c < kCoarseLevels; ++c) {
    const std::size_t coarse = coarse_terms_[c].size() + extra_terms;
    // sorted terms, then members: starts, ids and the counting sort's cursors
    bytes += coarse * sizeof(uint32_t) + (coarse + 1 + exact + coarse) * sizeof(uint32_t);
  }
  return bytes;
}

std::vector<std::pair<const char*, std::size_t>> InvertedIndex::memory_parts() const {
  std::size_t dictionaries = exact_terms_.memory_bytes(), level_maps = 0;
  for (std::size_t c = 0; c < kCoarseLevels; ++c) {
    dictionaries += coarse_terms_[c].memory_bytes();
    level_maps += coarse_of_[c].capacity() * 4 + members_[c].starts.capacity() * 4 + members_[c].ids.capacity() * 4;
  }
  level_maps += normalized_hash_.capacity() * 4;
  std::size_t search = recent_terms_.capacity() * sizeof(RecentTerm) + scratch_.capacity();
  for (const auto& sorted : sorted_terms_) search += sorted.capacity() * 4;
  for (const CachedPostings& c : cache_) {
    search += (c.postings->docs.capacity() + c.postings->starts.capacity() + c.postings->positions.capacity()) * 4;
  }
  return {{"postings", pool_.memory_bytes()},
          {"term_states", postings_.capacity() * sizeof(TermPostings)},
          {"spans", spans_.memory_bytes() + span_addresses_.capacity() * 8 + lengths_.capacity() * 4},
          {"dictionaries", dictionaries},
          {"level_maps", level_maps},
          {"search", search}};
}

std::size_t InvertedIndex::memory_bytes() const {
  std::size_t bytes = 0;
  for (const auto& part : memory_parts()) bytes += part.second;
  return bytes;
}

}  // namespace mirsad
