// LineSource on GNU readline: line editing, history recall, and a history file
// (~/.strata_history, mode 0600). Statements that name a secret (secret_access_key,
// session_token, …) stay in the in-memory history only and never reach the file.
// Ctrl-C at the prompt drops the line being typed instead of ending the program.
//
// Thread-safety: readline is process-global; create at most one ReadlineSource, and use
// it from one thread.
#pragma once

#include <string>

#include "cli/line_source.h"

namespace strata {

class ReadlineSource : public LineSource {
 public:
  // `history_file` empty: no history file.
  explicit ReadlineSource(std::string history_file);
  ~ReadlineSource() override;
  ReadlineSource(const ReadlineSource&) = delete;
  ReadlineSource& operator=(const ReadlineSource&) = delete;

  std::optional<std::string> ReadLine(const std::string& prompt) override;
  bool TakeInterrupt() override;
  void AddHistory(const std::string& statement) override;

 private:
  std::string history_file_;
  bool interrupted_ = false;
};

// True when `statement` mentions a credential keyword, so it must not be written to a
// history file.
bool MentionsSecret(std::string_view statement);

}  // namespace strata
