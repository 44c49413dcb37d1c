#pragma once
#include <array>
#include <memory>
#include <cstdint>
#include <string_view>
#include <vector>

#include "analysis/analyzer.hpp"
#include "analysis/match_level.hpp"
#include "index/binary_io.hpp"
#include "index/byte_pool.hpp"
#include "index/fuzzy_budget.hpp"
#include "index/postings_source.hpp"
#include "index/record_store.hpp"
#include "index/term_dictionary.hpp"
#include "index/work_deadline.hpp"
#include "text/span.hpp"

namespace mirsad {

// A positional inverted index over the finest level only. Every exact term has compressed
// postings (varint deltas of documents and positions, Lucene/Tantivy style); each coarser level
// (normalized, word, stem) is a dictionary from its term to the exact terms it covers, and its
// postings are their union, merged at query time. The positions are stored once instead of four
// times; the coarser the level, the more lists a query merges (ليبيا at word level: ليبيا، وليبيا،
// لليبيا، بليبيا…). Each document's token spans are kept the same way, so a match at position p
// is reported as original UTF-16 offsets.
class InvertedIndex final : public PostingsSource {
 public:
  // Indexes an analyzed document; documents get ordinals 0, 1, 2… in insertion order.
  DocOrdinal add(const AnalyzedText& text);

  DecodedPostings postings(MatchLevel level, Term term) const override;
  // The union of several terms' postings (a prefix or fuzzy expansion).
  DecodedPostings postings_of(MatchLevel level, const std::vector<uint32_t>& term_ids) const override;
  // Ids of the terms of a level that start with prefix, at most `limit`; `complete` is false when
  // more existed. A sorted order of the terms is built on first use after additions.
  std::vector<uint32_t> expand_prefix(MatchLevel level, Term prefix, std::size_t limit, bool& complete) const override;
  // The terms within max_distance edits (Levenshtein) of term, nearest first, at most `limit`.
  // The scan of the dictionary spends at most this expansion's share of `budget`; when the
  // share runs out, the scan stops there (the term itself is still matched if it is indexed)
  // and `scanned_all` says so.
  using FuzzyExpansion = mirsad::FuzzyExpansion;
  FuzzyExpansion expand_fuzzy(MatchLevel level, Term term, uint32_t max_distance, std::size_t limit,
                              FuzzyBudget& budget) const override;
  // The terms of a level, for prefix and fuzzy expansion, and postings by their id.
  const TermDictionary& dictionary(MatchLevel level) const;
  DecodedPostings postings_of(MatchLevel level, uint32_t term_id) const;
  // The exact terms (ids in dictionary(Exact)) a term of a level covers: the spellings found in
  // the documents. An exact term covers itself.
  std::vector<uint32_t> exact_members(MatchLevel level, uint32_t term_id) const;

  std::size_t document_count() const override { return lengths_.size(); }
  uint32_t document_length(DocOrdinal doc) const override { return lengths_[doc]; }
  double average_document_length() const override;
  uint64_t token_count() const override { return total_tokens_; }
  std::vector<Span> token_spans(DocOrdinal doc) const override;
  std::size_t memory_bytes() const;
  // An upper bound of what add(text) will allocate: every buffer's growth (with the old copy of
  // a buffer that moves), the pool's new slices and blocks, new terms in every dictionary. A
  // budget can then refuse a document before any of it is added (issue 14: an estimate from the
  // text's length missed by 6x for documents with a large vocabulary).
  struct Growth {
    std::size_t bytes = 0;
    std::size_t new_terms = 0;
  };
  Growth growth_bound(const AnalyzedText& text) const;
  // What searching builds on first use after additions (each level's sorted terms, the coarse
  // levels' member tables) once the index holds extra_terms more terms: reserved in a budget
  // so that the first search after a full load does not run out of memory.
  std::size_t query_structures_bound(std::size_t extra_terms) const;
  // The most the cache of merged postings holds.
  static constexpr std::size_t kSearchCacheBytes = 32u << 20;
  // memory_bytes() by part: postings, term_states, spans, dictionaries, level_maps.
  std::vector<std::pair<const char*, std::size_t>> memory_parts() const;
  // Gives back the growth slack of every buffer; call after a batch of documents.
  void compact();
  // The whole index as bytes, and back. read() checks every cross-reference, offset and length
  // (each posting against its document's token count, each token span against the length of the
  // document's text, given by text_lengths) and returns false on anything inconsistent: the
  // caller reports a corrupt file instead of searching out of bounds later.
  void write(BinaryWriter& w) const;
  bool read(BinaryReader& r, const std::vector<uint32_t>& text_lengths);
  // The same in slices (a page loads a large index without freezing): where the reading stands
  // between two slices. NeedsInput: `r` ended inside an item; call again with a reader over
  // the same unread bytes and more (nothing keeps a view into the bytes between calls).
  struct ReadState {
    int phase = 0;
    std::size_t item = 0;
    std::size_t level = 0;
    uint64_t terms = 0;
    TermDictionary::Loading terms_loading;
  };
  StepStatus read_some(BinaryReader& r, const std::vector<uint32_t>& text_lengths, ReadState& state,
                       WorkDeadline& deadline);

 private:
  struct TermPostings {
    BytePool::Stream bytes;  // per document: varint(doc delta), varint(position deltas)…, 0
    DocOrdinal last_doc = UINT32_MAX;
    uint32_t last_position = 0;
  };
  static constexpr std::size_t kCoarseLevels = kMatchLevelCount - 1;  // normalized, word, stem
  // A coarse level's exact members, grouped by coarse term (compressed sparse rows): coarse term
  // g covers ids[starts[g] .. starts[g + 1]). Built from coarse_of_ on first use after additions.
  struct MemberTable {
    std::vector<uint32_t> starts;
    std::vector<uint32_t> ids;
  };

  // The exact id of text.tokens[pos], adding the term (and its coarse terms) if new.
  uint32_t exact_id(const AnalyzedText& text, uint32_t pos);
  DecodedPostings decode(uint32_t exact) const;
  bool postings_are_consistent(const uint8_t* begin, const uint8_t* end, const TermPostings& p) const;
  bool spans_are_consistent(DocOrdinal doc, uint32_t text_length) const;
  DecodedPostings merge(const uint32_t* exact_ids, std::size_t count) const;
  const MemberTable& members(std::size_t coarse) const;

  mutable std::array<std::vector<uint32_t>, kMatchLevelCount> sorted_terms_;  // by term text, for prefixes
  // Recently merged coarse postings: search as you type asks for the same words at every
  // keystroke, and frequent words (في، من) recur across queries. Cleared when documents are added.
  struct CachedPostings {
    uint64_t key;
    uint64_t last_use;
    std::shared_ptr<const DecodedPostings> postings;
  };
  mutable std::vector<CachedPostings> cache_;
  mutable uint64_t cache_clock_ = 0;
  static constexpr std::size_t kCacheEntries = 32;
  static constexpr std::size_t kCacheableElements = 250000;  // docs + starts + positions: 1 MB an entry, 32 MB in all
  static constexpr std::size_t kCacheableMembers = 2;  // single lists decode fast enough

  // Frequent words (في، من، ليبيا in a Libya corpus) are most of the tokens: a direct-mapped cache
  // from a term to its exact id, holding the term's text itself (and the hash of its normalized
  // form) so that a hit reads one 32-byte entry instead of the dictionary's table, offsets and
  // text (megabytes, cold in the CPU cache). 64k entries catch about four tokens in five.
  struct RecentTerm {
    static constexpr std::size_t kMaxLength = 9;
    uint32_t hash = 0;
    uint32_t id = UINT32_MAX;
    uint32_t normalized_hash = 0;
    uint8_t length = 0;
    char16_t text[kMaxLength] = {};

    bool holds(uint32_t h, Term exact, uint32_t nh) const {
      return hash == h && id != UINT32_MAX && normalized_hash == nh && length == exact.size() &&
             std::char_traits<char16_t>::compare(text, exact.data(), exact.size()) == 0;
    }
  };
  static_assert(sizeof(RecentTerm) == 32);
  static constexpr std::size_t kRecentTerms = 1 << 16;
  std::vector<RecentTerm> recent_terms_;

  TermDictionary exact_terms_;
  BytePool pool_;                                             // every term's postings
  std::vector<TermPostings> postings_;                        // by exact id
  std::array<TermDictionary, kCoarseLevels> coarse_terms_;
  std::array<std::vector<uint32_t>, kCoarseLevels> coarse_of_;  // exact id → coarse id, per level
  // exact id → hash of its normalized form: tells at once (one array read instead of three
  // lookups) whether a token's exact text comes with the normalization it had before. Only a
  // ligature expanding across words gives one exact text two normalizations; that this also
  // collides in 32 bits is not a case worth three cache misses per token.
  std::vector<uint32_t> normalized_hash_;
  mutable std::array<MemberTable, kCoarseLevels> members_;
  mutable std::vector<uint8_t> scratch_;  // a stream being decoded (the core is single-threaded)
  RecordStore spans_;                     // per document: varint(gap before token), varint(length)…
  std::vector<uint64_t> span_addresses_;  // document → its record in spans_
  std::vector<uint32_t> lengths_;        // tokens per document
  uint64_t total_tokens_ = 0;
};

}  // namespace mirsad
