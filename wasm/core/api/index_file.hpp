#pragma once
#include <string>
#include <string_view>

#include "api/engine.hpp"
#include "index/binary_io.hpp"
#include "index/work_deadline.hpp"

namespace mirsad {

// The saved index: documents, body and title indexes, in one versioned binary file, so a corpus
// is analysed once (CLI or page) and loaded later without re-analysis.
//
//   "MIRSADIX"  8 bytes    magic
//   u32         format version (kIndexFormatVersion)
//   u32         0x01020304, to refuse a file written with another byte order
//   u64         analysis fingerprint: the analyzer's data and ICU version the terms came from
//   u64         payload length
//   u32         CRC-32 of the payload
//   payload     documents (id, title, date, source, UTF-16 text), body index, title index
class IndexFile {
 public:
  static constexpr uint32_t kFormatVersion = 2;  // 2: pooled postings, coarse levels as exact → coarse maps

  static std::string save(const Engine& engine);
  // Loads into an empty engine; returns "" on success, else why the file was refused.
  static std::string load(std::string_view bytes, Engine& engine);
  // Terms depend on the analyzer: a file built with other data must be rebuilt, not misread.
  static uint64_t analysis_fingerprint();

 private:
  static uint64_t compute_analysis_fingerprint();
};

// An index file loaded in slices, so a page loads a large collection without a long task: the
// header, the checksum a megabyte at a time, then the engine's sections (Engine::read_some).
// Call step() until it returns Done or Failed; the bytes must outlive the loading, and the
// engine must stay untouched meanwhile (it shows nothing until the whole file has checked out).
class IndexLoading {
 public:
  IndexLoading(std::string_view bytes, Engine& engine) : bytes_(bytes), engine_(engine), reader_({}) {}
  // Works until the deadline (WorkDeadline::never(): to the end).
  StepStatus step(WorkDeadline deadline);
  const std::string& error() const { return error_; }
  // How much of the file has been read, 0 to 1.
  double progress() const;

 private:
  StepStatus fail(std::string why) {
    error_ = std::move(why);
    phase_ = kFailed;
    return StepStatus::Failed;
  }
  enum Phase { kHeader, kChecksum, kContents, kDone, kFailed };
  std::string_view bytes_;
  std::string_view payload_;
  Engine& engine_;
  Phase phase_ = kHeader;
  uint32_t expected_crc_ = 0, running_crc_ = 0;
  std::size_t checked_ = 0;
  BinaryReader reader_;
  Engine::ReadState read_state_;
  std::string error_;
};

}  // namespace mirsad
