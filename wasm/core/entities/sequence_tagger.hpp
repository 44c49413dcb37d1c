#pragma once
#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entities/entity.hpp"
#include "entities/token_features.hpp"

namespace mirsad {

// BIO tags over PERSON, LOCATION, ORGANIZATION: O, B-PER, I-PER, B-LOC, I-LOC, B-ORG, I-ORG.
constexpr std::size_t kTagCount = 7;
constexpr uint8_t kOutside = 0;
constexpr std::size_t kStartTag = kTagCount;  // the "previous tag" of the first token

// B (begin) or I (inside) tag of a type, or kOutside for the types the tagger does not tag.
uint8_t bio_tag(EntityType type, bool begin);
// I-X may only follow B-X or I-X.
bool tag_may_follow(std::size_t previous, std::size_t tag);

// A mention the tagger found: tokens [first, last).
struct TaggedSpan {
  std::size_t first;
  std::size_t last;
  EntityType type;
};
std::vector<TaggedSpan> spans_from_tags(const std::vector<uint8_t>& tags);
std::vector<uint8_t> tags_from_spans(std::size_t token_count, const std::vector<TaggedSpan>& spans);

// The best tag sequence under emission(i, tag) + transition(previous, tag), with the BIO
// constraint; the trainer decodes with the same function as the extractor.
template <typename Score, typename Emission, typename Transition>
std::vector<uint8_t> viterbi(std::size_t n, Emission emission, Transition transition) {
  std::vector<uint8_t> tags(n, kOutside);
  if (n == 0) return tags;
  constexpr Score kNone = std::numeric_limits<Score>::lowest() / 4;
  std::vector<std::array<Score, kTagCount>> best(n);
  std::vector<std::array<uint8_t, kTagCount>> back(n);
  for (std::size_t i = 0; i < n; ++i) {
    std::array<Score, kTagCount> e{};
    for (std::size_t t = 0; t < kTagCount; ++t) e[t] = emission(i, t);
    for (std::size_t t = 0; t < kTagCount; ++t) {
      Score top = kNone;
      uint8_t from = kOutside;
      if (i == 0) {
        if (tag_may_follow(kStartTag, t)) top = transition(kStartTag, t);
      } else {
        for (std::size_t p = 0; p < kTagCount; ++p) {
          if (!tag_may_follow(p, t) || best[i - 1][p] == kNone) continue;
          const Score s = best[i - 1][p] + transition(p, t);
          if (top == kNone || s > top) top = s, from = static_cast<uint8_t>(p);
        }
      }
      best[i][t] = top == kNone ? kNone : top + e[t];
      back[i][t] = from;
    }
  }
  uint8_t t = kOutside;
  for (std::size_t k = 1; k < kTagCount; ++k) {
    if (best[n - 1][k] > best[n - 1][t]) t = static_cast<uint8_t>(k);
  }
  for (std::size_t i = n; i-- > 0;) {
    tags[i] = t;
    t = back[i][t];
  }
  return tags;
}

// Whether tag may be given to a token with a proclitic cut (see SequenceTagger::tag).
inline bool tag_may_take_particle(std::size_t tag) { return tag != 2 && tag != 4; }

// A linear sequence model over hashed token features (token_features.hpp): an averaged
// perceptron trained by wasm/tools/entity_trainer_main.cpp on the annotated real-news articles,
// stored as text (wasm/data/entity_tagger.txt) and compiled into the module. Features hash into
// `buckets` rows of kTagCount weights; only rows the training left non-zero are kept.
class SequenceTagger {
 public:
  SequenceTagger() = default;  // no model: tags nothing

  // Reads the text form (see serialize); nullopt, with the reason in `error`, when malformed.
  static std::optional<SequenceTagger> parse(std::string_view text, std::string* error = nullptr);
  // The model compiled in from wasm/data/entity_tagger.txt (empty when the file has no model).
  static const SequenceTagger& embedded();
  // Integer weights from trained float ones: weight × scale rounded, rows that round to zero
  // dropped. `emission` has buckets × kTagCount weights, `transition` (kTagCount + 1) × kTagCount.
  static SequenceTagger quantized(uint32_t buckets, const std::vector<float>& emission,
                                  const std::vector<float>& transition, float scale);

  // `header` lines are written first as # comments: how the model was made and from what.
  std::string serialize(std::string_view header) const;
  bool empty() const { return buckets_ == 0; }
  std::size_t rows() const { return keys_.size(); }

  // `after_particle[i]`: token i had a proclitic cut (وباشاغا): a person's or a place's name never
  // runs on into it (names in a list are separate mentions), an organization's may (والقروية).
  std::vector<uint8_t> tag(const TokenFeatureRows& features, const std::vector<bool>& after_particle = {}) const;
  int32_t transition(std::size_t previous, std::size_t tag) const { return transition_[previous * kTagCount + tag]; }
  // The weights of one hashed feature (zeros when the model has no row for it).
  std::array<int32_t, kTagCount> weights(uint32_t feature) const;

 private:
  uint32_t buckets_ = 0;  // a power of two
  std::vector<uint32_t> keys_;  // sorted buckets that have a row
  std::vector<std::array<int16_t, kTagCount>> rows_;
  // Where the keys of each run of 2^kSlotBits buckets start in keys_: a lookup scans about one
  // key instead of a binary search over all of them (the tagger looks up ~45 features a token).
  static constexpr uint32_t kSlotBits = 4;
  std::vector<uint32_t> slot_start_;
  void index_slots();
  std::array<int32_t, (kTagCount + 1) * kTagCount> transition_{};
};

}  // namespace mirsad
