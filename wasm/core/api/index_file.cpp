#include "api/index_file.hpp"

#include <algorithm>
#include <cstring>

#include <unicode/uvernum.h>

#include "embedded_data.hpp"
#include "index/binary_io.hpp"

namespace mirsad {
namespace {

constexpr char kMagic[8] = {'M', 'I', 'R', 'S', 'A', 'D', 'I', 'X'};
constexpr uint32_t kByteOrderMark = 0x01020304;
constexpr std::size_t kHeaderSize = 8 + 4 + 4 + 8 + 8 + 4;

// FNV-1a's multiply over 8-byte words, with a shift to fold the high bits back down (then the
// tail byte by byte): the data hashed is ~1.5 MB, and a page computes this, once, while its
// reader waits for the first result.
uint64_t fnv64(uint64_t h, std::string_view s) {
  constexpr uint64_t kPrime = 1099511628211ull;
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    h = (h ^ word) * kPrime;
    h ^= h >> 29;
  }
  for (; i < s.size(); ++i) h = (h ^ static_cast<uint8_t>(s[i])) * kPrime;
  return h;
}

}  // namespace

uint64_t IndexFile::analysis_fingerprint() {
  static const uint64_t fingerprint = compute_analysis_fingerprint();
  return fingerprint;
}

uint64_t IndexFile::compute_analysis_fingerprint() {
  uint64_t h = 14695981039346656037ull;
  for (const std::string_view part : {embedded_data::gazetteer_tsv(), embedded_data::gentilics_tsv(), embedded_data::cues_tsv(),
                                      embedded_data::stopwords_txt(), embedded_data::arabic_stems_txt(),
                                      embedded_data::prebuilt_lexicon_txt(),
                                      std::string_view(U_ICU_VERSION), std::string_view("analysis-2")}) {
    h = fnv64(h, part);
    h = fnv64(h, "|");
  }
  return h;
}

std::string IndexFile::save(const Engine& engine) {
  // One buffer of the exact size (counted first), the payload written in place after the
  // header, its length and checksum filled in last: an index of N MB needs N MB to save, where a
  // payload buffer growing by doubling and then copied after a header took up to 3N at its peak.
  BinaryWriter counter = BinaryWriter::counting();
  engine.write(counter);
  BinaryWriter file;
  file.buffer().reserve(kHeaderSize + counter.size());
  file.buffer().append(kMagic, sizeof kMagic);
  file.u32(kFormatVersion);
  file.u32(kByteOrderMark);
  file.u64(analysis_fingerprint());
  file.u64(counter.size());
  file.u32(0);  // the checksum, once the payload is written
  engine.write(file);
  std::string& bytes = file.buffer();
  const uint32_t crc = crc32(std::string_view(bytes).substr(kHeaderSize));
  std::memcpy(bytes.data() + kHeaderSize - sizeof crc, &crc, sizeof crc);
  return std::move(bytes);
}

std::string IndexFile::load(std::string_view bytes, Engine& engine) {
  IndexLoading loading(bytes, engine);
  return loading.step(WorkDeadline::never()) == StepStatus::Done ? "" : loading.error();
}

double IndexLoading::progress() const {
  if (phase_ == kDone) return 1.0;
  if (bytes_.empty()) return 0.0;
  // The checksum is a quick first pass (a tenth of the time); reading the contents is the rest.
  const double payload = static_cast<double>(std::max<std::size_t>(payload_.size(), 1));
  if (phase_ == kChecksum) return 0.1 * static_cast<double>(checked_) / payload;
  if (phase_ == kContents) return 0.1 + 0.9 * (1.0 - static_cast<double>(reader_.remaining()) / payload);
  return 0.0;
}

StepStatus IndexLoading::step(WorkDeadline deadline) {
  constexpr std::size_t kChecksumSlice = std::size_t{1} << 20;
  for (;;) {
    switch (phase_) {
      case kHeader: {
        if (!engine_.documents().empty()) return fail("an index can only be loaded into an empty engine");
        if (bytes_.size() < kHeaderSize || std::memcmp(bytes_.data(), kMagic, sizeof kMagic) != 0) {
          return fail("not a Mirsad index file");
        }
        BinaryReader header(bytes_.substr(sizeof kMagic, kHeaderSize - sizeof kMagic));
        const uint32_t version = header.u32();
        const uint32_t order = header.u32();
        const uint64_t fingerprint = header.u64();
        const uint64_t length = header.u64();
        expected_crc_ = header.u32();
        if (version != IndexFile::kFormatVersion) {
          return fail("index format version " + std::to_string(version) + " is not supported (this build reads version " +
                      std::to_string(IndexFile::kFormatVersion) + "): rebuild the index");
        }
        if (order != kByteOrderMark) return fail("index file written with another byte order");
        if (fingerprint != IndexFile::analysis_fingerprint()) {
          return fail("index built by a different analyzer (other word lists or ICU version): rebuild the index");
        }
        payload_ = bytes_.substr(kHeaderSize);
        if (payload_.size() != length) return fail("index file is truncated or has trailing data");
        phase_ = kChecksum;
        break;
      }
      case kChecksum:
        while (checked_ < payload_.size()) {
          const std::size_t n = std::min(kChecksumSlice, payload_.size() - checked_);
          running_crc_ = crc32_update(running_crc_, payload_.substr(checked_, n));
          checked_ += n;
          if (checked_ < payload_.size() && deadline.passed_now()) return StepStatus::Working;
        }
        if (running_crc_ != expected_crc_) return fail("index file is corrupt (checksum mismatch)");
        reader_ = BinaryReader(payload_);
        phase_ = kContents;
        break;
      case kContents: {
        const StepStatus s = engine_.read_some(reader_, read_state_, deadline);
        if (s == StepStatus::Working) return s;
        if (s == StepStatus::Failed || !reader_.at_end()) return fail("index file is corrupt (inconsistent contents)");
        phase_ = kDone;
        return StepStatus::Done;
      }
      case kDone:
        return StepStatus::Done;
      case kFailed:
        return StepStatus::Failed;
    }
  }
}

}  // namespace mirsad
