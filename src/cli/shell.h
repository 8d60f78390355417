// Runs SQL text against a Session and shows what happens: results in the chosen output
// format on `out`; errors ("Error: [<code>] <message>"), warnings ("Warning: …"),
// footers and the progress line on `err`.
//
// Scripts (-c, -f, stdin) stop at the first error; the interactive prompt keeps going.
//
// Thread-safety: one Shell per thread; it drives its Session from the calling thread.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "cli/line_source.h"
#include "cli/progress_line.h"
#include "cli/result_writer.h"
#include "main/database.h"

namespace strata {

struct ShellOptions {
  OutputFormat format = OutputFormat::kTsv;
  bool header = false;
  // stdout is a terminal: print "N rows read in X sec." / "N rows affected …" footers.
  bool footers = false;
  // stderr is a terminal: show the progress line for statements running over a second.
  bool progress = false;
};

class Shell {
 public:
  // REQUIRES: `session` outlives the Shell.
  Shell(Session* session, ShellOptions options, std::ostream& out, std::ostream& err);
  ~Shell();
  Shell(const Shell&) = delete;
  Shell& operator=(const Shell&) = delete;

  // Runs every statement of `script` in order and stops at the first error. `source`
  // names the script in error locations ("FILE:LINE"); empty for -c and stdin.
  // Returns false when a statement failed.
  bool RunScript(std::string_view script, const std::string& source = "");

  // Runs one statement and prints its outcome. Returns false when it failed.
  bool RunStatement(std::string_view sql);

  // The prompt: reads statements (possibly over several lines, ending in ';') until
  // exit, quit or end of input. Errors are shown and the loop goes on.
  void RunInteractive(LineSource& lines);

  // "strata <database>> " and the continuation prompt of the same width.
  std::string Prompt() const;
  std::string ContinuationPrompt() const;

 private:
  void PrintFooter(const QueryResult& result, double seconds);

  Session* session_;
  ShellOptions options_;
  std::ostream& out_;
  std::ostream& err_;
  ProgressLine progress_;
};

// True when `buffer` holds at least one statement and ends after a top-level ';' (only
// whitespace or comments may follow). Quotes and comments are honoured.
bool EndsWithCompleteStatement(std::string_view buffer);

// True for "exit", "quit", "exit;", "quit;" in any case, with surrounding blanks.
bool IsExitCommand(std::string_view line);

}  // namespace strata
