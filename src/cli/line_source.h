// Where the interactive prompt gets its lines: GNU readline on a terminal.
//
// Thread-safety: used by the shell's one thread.
#pragma once

#include <optional>
#include <string>

namespace strata {

class LineSource {
 public:
  virtual ~LineSource() = default;
  // The next line, without its newline, after showing `prompt`; nullopt at end of input
  // (Ctrl-D). After Ctrl-C it returns an empty line and TakeInterrupt() reports it.
  virtual std::optional<std::string> ReadLine(const std::string& prompt) = 0;
  // True once after Ctrl-C: the caller drops the statement being typed.
  virtual bool TakeInterrupt() = 0;
  // A statement the user completed, for recall and the history file.
  virtual void AddHistory(const std::string& statement) = 0;
};

}  // namespace strata
