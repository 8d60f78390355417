#include "cli/readline_source.h"

// readline.h uses FILE without including stdio.h.
#include <cstdio>

#include <fcntl.h>
#include <readline/history.h>
#include <readline/readline.h>
#include <sys/select.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdlib>

#include "common/ascii.h"

namespace strata {

namespace {

constexpr int kHistoryEntries = 1000;

volatile sig_atomic_t g_sigint = 0;
void OnSigint(int) { g_sigint = 1; }

// The callback interface hands the finished line to a plain function; it lands here.
struct PendingLine {
  bool done = false;
  std::optional<std::string> line;
};
PendingLine* g_pending = nullptr;

void OnLine(char* line) {
  if (g_pending != nullptr) {
    g_pending->done = true;
    if (line != nullptr) g_pending->line = std::string(line);
  }
  std::free(line);
  rl_callback_handler_remove();
}

}  // namespace

bool MentionsSecret(std::string_view statement) {
  static const char* const kKeywords[] = {
      "secret_access_key", "aws_secret_key", "session_token", "aws_token",
      "security_token",    "master_key",     "password",
  };
  std::string lower = AsciiLower(statement);
  for (const char* k : kKeywords) {
    if (lower.find(k) != std::string::npos) return true;
  }
  return false;
}

ReadlineSource::ReadlineSource(std::string history_file) : history_file_(std::move(history_file)) {
  // Ctrl-C is ours (see ReadLine); readline keeps handling window resizes.
  rl_catch_signals = 0;
  // With stdout redirected (`strata > out.tsv` typed at a terminal) the prompt and the
  // echoed input belong on the terminal, not in the results.
  if (isatty(STDOUT_FILENO) == 0) rl_outstream = stderr;
  using_history();
  stifle_history(kHistoryEntries);
  if (!history_file_.empty()) read_history(history_file_.c_str());
}

ReadlineSource::~ReadlineSource() {
  if (!history_file_.empty() && access(history_file_.c_str(), F_OK) == 0) {
    history_truncate_file(history_file_.c_str(), kHistoryEntries);
  }
}

// Reads with readline's callback interface so that a Ctrl-C, which interrupts select()
// with EINTR, can be handled here in ordinary code rather than in a signal handler.
std::optional<std::string> ReadlineSource::ReadLine(const std::string& prompt) {
  struct sigaction action {};
  struct sigaction previous {};
  action.sa_handler = OnSigint;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: select() must return on Ctrl-C
  sigaction(SIGINT, &action, &previous);
  g_sigint = 0;

  PendingLine pending;
  g_pending = &pending;
  rl_callback_handler_install(prompt.c_str(), OnLine);
  int fd = fileno(rl_instream != nullptr ? rl_instream : stdin);
  while (!pending.done) {
    fd_set fds;
    FD_ZERO(&fds);
    FD_SET(fd, &fds);
    int ready = select(fd + 1, &fds, nullptr, nullptr, nullptr);
    if (ready < 0) {
      if (errno != EINTR) break;
      if (g_sigint) {
        g_sigint = 0;
        interrupted_ = true;
        rl_free_line_state();
        rl_callback_sigcleanup();
        rl_cleanup_after_signal();
        rl_callback_handler_remove();
        std::fputs("^C\n", stdout);
        std::fflush(stdout);
        pending.done = true;
        pending.line = std::string();
      }
      continue;
    }
    rl_callback_read_char();
  }
  if (!pending.done) rl_callback_handler_remove();
  g_pending = nullptr;
  sigaction(SIGINT, &previous, nullptr);
  return pending.line;
}

bool ReadlineSource::TakeInterrupt() {
  bool was = interrupted_;
  interrupted_ = false;
  return was;
}

void ReadlineSource::AddHistory(const std::string& statement) {
  // One line per entry keeps the history file readable by readline.
  std::string entry = statement;
  std::replace(entry.begin(), entry.end(), '\n', ' ');
  add_history(entry.c_str());
  if (history_file_.empty() || MentionsSecret(entry)) return;
  int fd = open(history_file_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
  if (fd < 0) return;  // history is a convenience; a read-only home must not stop the shell
  close(fd);
  append_history(1, history_file_.c_str());
}

}  // namespace strata
