#include "entities/sequence_tagger.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "embedded_data.hpp"
#include "text/fatal.hpp"

namespace mirsad {
namespace {

constexpr std::string_view kMagic = "mirsad-entity-tagger";
constexpr int kFormatVersion = 1;

// Reads whitespace-separated integers from a text, skipping # comment lines.
class IntReader {
 public:
  explicit IntReader(std::string_view text) : text_(text) {}
  bool word(std::string_view& out) {
    skip();
    if (pos_ >= text_.size()) return false;
    const std::size_t start = pos_;
    while (pos_ < text_.size() && !space(text_[pos_])) ++pos_;
    out = text_.substr(start, pos_ - start);
    return true;
  }
  template <typename Int>
  bool integer(Int& out) {
    std::string_view w;
    if (!word(w)) return false;
    const auto [end, ec] = std::from_chars(w.data(), w.data() + w.size(), out);
    return ec == std::errc() && end == w.data() + w.size();
  }

 private:
  static bool space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }
  void skip() {
    while (pos_ < text_.size()) {
      if (space(text_[pos_])) {
        ++pos_;
      } else if (text_[pos_] == '#' && (pos_ == 0 || text_[pos_ - 1] == '\n')) {
        while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
      } else {
        break;
      }
    }
  }
  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace

uint8_t bio_tag(EntityType type, bool begin) {
  const uint8_t inside = begin ? 0 : 1;
  switch (type) {
    case EntityType::Person: return 1 + inside;
    case EntityType::Location: return 3 + inside;
    case EntityType::Organization: return 5 + inside;
    default: return kOutside;
  }
}

bool tag_may_follow(std::size_t previous, std::size_t tag) {
  if (tag == kOutside || tag % 2 == 1) return true;  // O and B-X may follow anything
  return previous != kStartTag && previous != kOutside && (previous + 1) / 2 == tag / 2;
}

std::vector<TaggedSpan> spans_from_tags(const std::vector<uint8_t>& tags) {
  static constexpr EntityType kTypes[] = {EntityType::Person, EntityType::Location, EntityType::Organization};
  std::vector<TaggedSpan> spans;
  for (std::size_t i = 0; i < tags.size();) {
    if (tags[i] == kOutside) { ++i; continue; }
    const std::size_t kind = (tags[i] - 1) / 2;
    std::size_t last = i + 1;
    while (last < tags.size() && tags[last] == 2 * kind + 2) ++last;
    spans.push_back(TaggedSpan{i, last, kTypes[kind]});
    i = last;
  }
  return spans;
}

std::vector<uint8_t> tags_from_spans(std::size_t token_count, const std::vector<TaggedSpan>& spans) {
  std::vector<uint8_t> tags(token_count, kOutside);
  for (const TaggedSpan& s : spans) {
    for (std::size_t k = s.first; k < s.last && k < token_count; ++k) tags[k] = bio_tag(s.type, k == s.first);
  }
  return tags;
}

std::optional<SequenceTagger> SequenceTagger::parse(std::string_view text, std::string* error) {
  const auto fail = [&](const char* what) -> std::optional<SequenceTagger> {
    if (error) *error = what;
    return std::nullopt;
  };
  IntReader in(text);
  std::string_view w;
  SequenceTagger t;
  int version = 0;
  std::size_t tags = 0, count = 0;
  if (!in.word(w) || w != kMagic) return fail("not a tagger file");
  if (!in.integer(version) || version != kFormatVersion) return fail("unknown format version");
  if (!in.word(w) || w != "buckets" || !in.integer(t.buckets_) || t.buckets_ == 0 || (t.buckets_ & (t.buckets_ - 1)))
    return fail("bad bucket count");
  if (!in.word(w) || w != "tags" || !in.integer(tags) || tags != kTagCount) return fail("bad tag count");
  if (!in.word(w) || w != "transition") return fail("no transition weights");
  for (auto& v : t.transition_) {
    if (!in.integer(v)) return fail("bad transition weight");
  }
  if (!in.word(w) || w != "rows" || !in.integer(count)) return fail("no row count");
  t.keys_.reserve(count);
  t.rows_.reserve(count);
  uint64_t key = 0;
  for (std::size_t r = 0; r < count; ++r) {
    uint32_t delta = 0;
    if (!in.integer(delta)) return fail("bad row");
    key += delta;
    if (key >= t.buckets_ || (r > 0 && delta == 0)) return fail("rows out of order");
    std::array<int16_t, kTagCount> row{};
    for (auto& v : row) {
      if (!in.integer(v)) return fail("bad weight");
    }
    t.keys_.push_back(static_cast<uint32_t>(key));
    t.rows_.push_back(row);
  }
  if (in.word(w)) return fail("trailing data");
  t.index_slots();
  return t;
}

const SequenceTagger& SequenceTagger::embedded() {
  static const SequenceTagger tagger = [] {
    const std::string_view text = embedded_data::entity_tagger_txt();
    if (text.find(kMagic) == std::string_view::npos) return SequenceTagger();  // no model trained yet
    std::string error;
    auto parsed = parse(text, &error);
    // The build embeds the file the trainer wrote: failing to read it is a build defect.
    if (!parsed) fatal("the embedded entity tagger is malformed:", error.c_str());
    return std::move(*parsed);
  }();
  return tagger;
}

SequenceTagger SequenceTagger::quantized(uint32_t buckets, const std::vector<float>& emission,
                                         const std::vector<float>& transition, float scale) {
  SequenceTagger t;
  t.buckets_ = buckets;
  const auto q = [scale](float v) {
    return static_cast<int32_t>(std::lround(std::clamp(v * scale, -32767.0f, 32767.0f)));
  };
  for (std::size_t k = 0; k < t.transition_.size() && k < transition.size(); ++k) t.transition_[k] = q(transition[k]);
  for (uint32_t b = 0; b < buckets; ++b) {
    std::array<int16_t, kTagCount> row{};
    bool any = false;
    for (std::size_t tag = 0; tag < kTagCount; ++tag) {
      row[tag] = static_cast<int16_t>(q(emission[static_cast<std::size_t>(b) * kTagCount + tag]));
      any = any || row[tag] != 0;
    }
    if (!any) continue;
    t.keys_.push_back(b);
    t.rows_.push_back(row);
  }
  t.index_slots();
  return t;
}

std::string SequenceTagger::serialize(std::string_view header) const {
  std::string out;
  std::size_t line_start = 0;
  while (line_start < header.size()) {
    std::size_t end = header.find('\n', line_start);
    if (end == std::string_view::npos) end = header.size();
    out += "# ";
    out += header.substr(line_start, end - line_start);
    out += '\n';
    line_start = end + 1;
  }
  // Appended piece by piece: GCC 12 warns (-Wrestrict) on chains of string + string here.
  const auto put = [&out](std::string_view piece) { out.append(piece); };
  put(kMagic);
  put(" " + std::to_string(kFormatVersion));
  put(" buckets " + std::to_string(buckets_));
  put(" tags " + std::to_string(kTagCount));
  put("\ntransition");
  for (std::size_t k = 0; k < transition_.size(); ++k) {
    put(k % kTagCount == 0 ? "\n" : " ");
    put(std::to_string(transition_[k]));
  }
  put("\nrows " + std::to_string(keys_.size()) + "\n");
  uint32_t previous = 0;
  for (std::size_t r = 0; r < keys_.size(); ++r) {
    put(std::to_string(keys_[r] - previous));
    previous = keys_[r];
    for (const int16_t v : rows_[r]) {
      put(" ");
      put(std::to_string(v));
    }
    put("\n");
  }
  return out;
}

void SequenceTagger::index_slots() {
  const uint32_t slots = (buckets_ >> kSlotBits) + 1;
  slot_start_.assign(slots + 1, 0);
  for (const uint32_t key : keys_) ++slot_start_[(key >> kSlotBits) + 1];
  for (uint32_t s = 1; s <= slots; ++s) slot_start_[s] += slot_start_[s - 1];
}

std::array<int32_t, kTagCount> SequenceTagger::weights(uint32_t feature) const {
  std::array<int32_t, kTagCount> w{};
  if (empty()) return w;
  const uint32_t bucket = feature & (buckets_ - 1), slot = bucket >> kSlotBits;
  for (uint32_t k = slot_start_[slot]; k < slot_start_[slot + 1]; ++k) {
    if (keys_[k] != bucket) continue;
    for (std::size_t t = 0; t < kTagCount; ++t) w[t] = rows_[k][t];
    break;
  }
  return w;
}

std::vector<uint8_t> SequenceTagger::tag(const TokenFeatureRows& features, const std::vector<bool>& after_particle) const {
  const std::size_t n = features.size();
  if (empty()) return std::vector<uint8_t>(n, kOutside);
  std::vector<std::array<int32_t, kTagCount>> emission(n);
  for (std::size_t i = 0; i < n; ++i) {
    emission[i].fill(0);
    for (const uint32_t* f = features.begin(i); f != features.end(i); ++f) {
      const auto w = weights(*f);
      for (std::size_t t = 0; t < kTagCount; ++t) emission[i][t] += w[t];
    }
  }
  return viterbi<int64_t>(
      n,
      [&](std::size_t i, std::size_t t) {
        if (i < after_particle.size() && after_particle[i] && !tag_may_take_particle(t)) return int64_t{-(1LL << 40)};
        return static_cast<int64_t>(emission[i][t]);
      },
      [&](std::size_t p, std::size_t t) { return static_cast<int64_t>(transition(p, t)); });
}

}  // namespace mirsad
