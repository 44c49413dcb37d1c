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
  static constexpr uint32_t kFormatVersion = 3;  // 2: pooled postings, coarse levels as exact → coarse maps; 3: urls
  static constexpr uint32_t kOldestReadableVersion = 2;  // a browser's saved collections written before urls

  static std::string save(const Engine& engine);
  // Loads into an empty engine; returns "" on success, else why the file was refused.
  static std::string load(std::string_view bytes, Engine& engine);
  // Terms depend on the analyzer: a file built with other data must be rebuilt, not misread.
  static uint64_t analysis_fingerprint();
  // The same guarantee for static indexes, in a form the query-side module (which has the
  // prebuilt lexicon but none of its sources) computes as well: see prebuilt_analysis_fingerprint.
  // Kept apart from analysis_fingerprint so that collections saved by earlier builds still load.
  static uint64_t static_index_fingerprint();

 private:
  static uint64_t compute_analysis_fingerprint();
};

// An index file loaded in slices, so a page loads a large collection without a long task, and
// from a stream of pieces, so that the file is never whole in memory (wasm memory never shrinks:
// a page that copied a 212 MB file into it kept those megabytes for good).
//
// Whole: IndexLoading(bytes, engine), the bytes outliving the loading. Streamed:
// IndexLoading(file_size, engine), then push() the file's bytes in order as step() asks for them
// (NeedsInput). Only a window is kept: the bytes pushed and not yet read, which is at most one
// item the format reads at once (the largest: a term's postings, or a dictionary's offsets) plus
// the last piece pushed. The checksum is computed as the bytes come, a megabyte per look at the
// clock, and checked before the last byte is read: the engine's documents are committed only
// after that, so a corrupt file gives an error, never a wrong engine. Call step() until it
// returns Done or Failed; the engine must stay untouched meanwhile.
class IndexLoading {
 public:
  IndexLoading(std::string_view bytes, Engine& engine)
      : whole_(bytes), file_size_(bytes.size()), received_(bytes.size()), engine_(engine) {}
  IndexLoading(uint64_t file_size, Engine& engine) : streamed_(true), file_size_(file_size), engine_(engine) {}
  ~IndexLoading();
  // Works until the deadline (WorkDeadline::never(): to the end or to the end of the bytes).
  StepStatus step(WorkDeadline deadline);
  // Appends the next bytes of a streamed file; false (and Failed from then on) past its size.
  bool push(std::string_view bytes);
  // The same without a copy on the way: room for n bytes at the end of the window, to be filled
  // by the caller (a page copies a JS piece straight into it), then pushed(n).
  char* room(std::size_t n);
  bool pushed(std::size_t n);
  const std::string& error() const { return error_; }
  // How much of the file has been read, 0 to 1.
  double progress() const;
  // Bytes held in the window now, and the most it has held: what a streamed load needs beyond
  // the engine it builds.
  std::size_t window_bytes() const { return window_.size() - consumed_; }
  std::size_t peak_window_bytes() const { return peak_window_; }
  uint64_t received() const { return received_; }

 private:
  StepStatus fail(std::string why);
  std::string_view unread() const;
  void consume(std::size_t n);
  enum Phase { kHeader, kContents, kDone, kFailed };
  bool streamed_ = false;
  std::string_view whole_;
  uint64_t file_size_ = 0, received_ = 0, read_ = 0, checked_ = 0;
  std::string window_;        // streamed: bytes pushed; [consumed_, size) not read yet
  std::size_t consumed_ = 0;  // read from the window, dropped at the next push
  std::size_t peak_window_ = 0;
  Engine& engine_;
  Phase phase_ = kHeader;
  uint32_t expected_crc_ = 0, running_crc_ = 0;
  Engine::ReadState read_state_;
  std::string error_;
};

}  // namespace mirsad
