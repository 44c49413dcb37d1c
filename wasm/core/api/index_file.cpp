#include "api/index_file.hpp"

#include <algorithm>
#include <cstring>

#include <unicode/uvernum.h>

#include "api/analysis_fingerprint.hpp"
#include "embedded_data.hpp"
#include "index/binary_io.hpp"

namespace mirsad {
namespace {

constexpr char kMagic[8] = {'M', 'I', 'R', 'S', 'A', 'D', 'I', 'X'};
constexpr uint32_t kByteOrderMark = 0x01020304;
constexpr std::size_t kHeaderSize = 8 + 4 + 4 + 8 + 8 + 4;

}  // namespace

uint64_t IndexFile::analysis_fingerprint() {
  static const uint64_t fingerprint = compute_analysis_fingerprint();
  return fingerprint;
}

uint64_t IndexFile::static_index_fingerprint() {
  // A module analyses with its prebuilt lexicon: the fingerprint of that, which the query-side
  // module computes too. A native build, which builds the lexicon at start-up, has only its sources.
  const std::string_view prebuilt = embedded_data::prebuilt_lexicon_txt();
  return prebuilt.empty() ? analysis_fingerprint() : prebuilt_analysis_fingerprint(prebuilt);
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

IndexLoading::~IndexLoading() {
  if (phase_ != kDone) engine_.abandon_read(read_state_);
}

StepStatus IndexLoading::fail(std::string why) {
  error_ = std::move(why);
  phase_ = kFailed;
  engine_.abandon_read(read_state_);
  read_state_ = Engine::ReadState{};
  window_ = std::string();
  consumed_ = 0;
  return StepStatus::Failed;
}

std::string_view IndexLoading::unread() const {
  if (!streamed_) return whole_.substr(read_);
  return std::string_view(window_).substr(consumed_);
}

void IndexLoading::consume(std::size_t n) {
  read_ += n;
  if (streamed_) consumed_ += n;
}

char* IndexLoading::room(std::size_t n) {
  // The bytes already read go first: the window holds only what is still to read.
  if (consumed_ > 0) {
    window_.erase(0, consumed_);
    consumed_ = 0;
  }
  const std::size_t at = window_.size();
  window_.resize(at + n);
  return window_.data() + at;
}

bool IndexLoading::pushed(std::size_t n) {
  if (!streamed_ || phase_ == kFailed || n > window_.size() - consumed_) return false;
  if (n > file_size_ - received_) {
    fail("index file is truncated or has trailing data");
    return false;
  }
  received_ += n;
  peak_window_ = std::max(peak_window_, window_.size() - consumed_);
  return true;
}

bool IndexLoading::push(std::string_view bytes) {
  if (!streamed_ || phase_ == kFailed) return false;
  if (bytes.empty()) return true;
  std::memcpy(room(bytes.size()), bytes.data(), bytes.size());
  return pushed(bytes.size());
}

double IndexLoading::progress() const {
  if (phase_ == kDone) return 1.0;
  if (file_size_ == 0) return 0.0;
  // The checksum is a quick pass (a tenth of the time); reading the contents is the rest.
  const double size = static_cast<double>(file_size_);
  return 0.1 * static_cast<double>(checked_) / size + 0.9 * static_cast<double>(read_) / size;
}

StepStatus IndexLoading::step(WorkDeadline deadline) {
  constexpr std::size_t kChecksumSlice = std::size_t{1} << 20;
  for (;;) {
    switch (phase_) {
      case kHeader: {
        if (!engine_.documents().empty()) return fail("an index can only be loaded into an empty engine");
        const std::string_view bytes = unread();
        if (file_size_ < kHeaderSize) return fail("not a Mirsad index file");
        if (bytes.size() < kHeaderSize) return StepStatus::NeedsInput;
        if (std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) return fail("not a Mirsad index file");
        BinaryReader header(bytes.substr(sizeof kMagic, kHeaderSize - sizeof kMagic));
        const uint32_t version = header.u32();
        const uint32_t order = header.u32();
        const uint64_t fingerprint = header.u64();
        const uint64_t length = header.u64();
        expected_crc_ = header.u32();
        if (version < IndexFile::kOldestReadableVersion || version > IndexFile::kFormatVersion) {
          return fail("index format version " + std::to_string(version) + " is not supported (this build reads versions " + std::to_string(IndexFile::kOldestReadableVersion) + " to " +
                      std::to_string(IndexFile::kFormatVersion) + "): rebuild the index");
        }
        if (order != kByteOrderMark) return fail("index file written with another byte order");
        if (fingerprint != IndexFile::analysis_fingerprint()) {
          return fail("index built by a different analyzer (other word lists or ICU version): rebuild the index");
        }
        if (file_size_ - kHeaderSize != length) return fail("index file is truncated or has trailing data");
        read_state_.format_version = version;
        consume(kHeaderSize);
        checked_ = kHeaderSize;
        phase_ = kContents;
        break;
      }
      case kContents: {
        // First the checksum of every byte that has arrived, a megabyte per look at the clock:
        // the contents are read only up to what has been checked, and the last byte only after
        // the whole file checked out.
        while (checked_ < received_) {
          const uint64_t n = std::min<uint64_t>(kChecksumSlice, received_ - checked_);
          const std::string_view unchecked = unread().substr(checked_ - read_, n);
          running_crc_ = crc32_update(running_crc_, unchecked);
          checked_ += n;
          if (checked_ < received_ && deadline.passed_now()) return StepStatus::Working;
        }
        if (checked_ == file_size_ && running_crc_ != expected_crc_) return fail("index file is corrupt (checksum mismatch)");
        BinaryReader reader(unread(), file_size_ - received_);
        const StepStatus s = engine_.read_some(reader, read_state_, deadline);
        consume(reader.position());
        if (s == StepStatus::Working) return s;
        if (s == StepStatus::NeedsInput) {
          // Whole bytes that end inside an item: the file is shorter than its contents say.
          if (received_ == file_size_) return fail("index file is corrupt (inconsistent contents)");
          return s;
        }
        if (s == StepStatus::Failed || read_ != file_size_) return fail("index file is corrupt (inconsistent contents)");
        phase_ = kDone;
        window_ = std::string();
        consumed_ = 0;
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
