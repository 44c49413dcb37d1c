#pragma once
// The command line of the native tools (wasm/tools/*_main.cpp): flags, each with its value or not.
#include <cstdio>
#include <exception>
#include <stdexcept>
#include <string>

namespace mirsad {

class ToolArguments {
 public:
  ToolArguments(int argc, char** argv) : argc_(argc), argv_(argv) {}

  // The next flag into `flag`; false once every argument is read.
  bool next(std::string& flag) {
    if (at_ + 1 >= argc_) return false;
    flag_ = flag = argv_[++at_];
    return true;
  }
  // The value after the flag just read.
  std::string value() {
    if (at_ + 1 >= argc_) throw std::runtime_error(flag_ + " needs a value");
    return argv_[++at_];
  }

 private:
  int argc_;
  char** argv_;
  int at_ = 0;
  std::string flag_;
};

// Runs a tool's work: an exception becomes "<tool>: <what>" on stderr and exit status 1.
template <typename Work>
int run_tool(const char* tool, Work work) {
  try {
    work();
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: %s\n", tool, e.what());
    return 1;
  }
}

}  // namespace mirsad
