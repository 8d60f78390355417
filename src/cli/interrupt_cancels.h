// While an InterruptCancels is alive, Ctrl-C (SIGINT) cancels the session's running
// statement — it ends with error 1043 and commits nothing — instead of killing strata.
// The shell holds one around each statement and one around a whole script; at the
// prompt, Ctrl-C clears the line (cli/readline_source.h).
//
// Thread-safety: they nest like a stack (each restores what it replaced), so create and
// destroy them on one thread, innermost last.
#pragma once

#include <csignal>

#include "main/database.h"

namespace strata {

class InterruptCancels {
 public:
  explicit InterruptCancels(Session* session);
  ~InterruptCancels();
  InterruptCancels(const InterruptCancels&) = delete;
  InterruptCancels& operator=(const InterruptCancels&) = delete;

 private:
  struct sigaction previous_ {};
  Session* previous_target_;
};

}  // namespace strata
