#pragma once
#include <chrono>
#include <cstdint>

namespace mirsad {

// When a long piece of work (loading an index) should pause and give its thread back: a page
// runs it in slices of a few milliseconds so that no task freezes the page. The clock is read
// every 1024 checks only; never() means "run to the end".
class WorkDeadline {
 public:
  static WorkDeadline never() { return WorkDeadline(); }
  static WorkDeadline after_ms(double ms) {
    WorkDeadline d;
    d.bounded_ = true;
    d.end_ = std::chrono::steady_clock::now() + std::chrono::microseconds(static_cast<int64_t>(ms * 1000.0));
    return d;
  }
  // True once the time is up (checked cheaply: call it once per item of work).
  bool passed() {
    if (!bounded_) return false;
    if ((++calls_ & 1023) != 0) return false;
    return std::chrono::steady_clock::now() >= end_;
  }
  // Checks the clock now: for steps that each do much work (a megabyte of checksum).
  bool passed_now() const { return bounded_ && std::chrono::steady_clock::now() >= end_; }

 private:
  bool bounded_ = false;
  uint32_t calls_ = 0;
  std::chrono::steady_clock::time_point end_{};
};

// The outcome of one slice of stepped work. NeedsInput: the bytes so far end inside an item of a
// file being streamed; push more, then step again.
enum class StepStatus : uint8_t { Working, Done, Failed, NeedsInput };

}  // namespace mirsad
