// Runs parsed sqllogictest files against strata and keeps the score.
//
// Each file gets a fresh temporary data directory and a new Database (unless a shared
// directory is given), and its records run in order in one Session. ${VAR} in SQL,
// expected rows and error patterns is replaced from the environment; a file whose
// `require env` names an unset variable is skipped. A mismatch prints file:line, the SQL
// and a diff, and the run goes on. Counts are per record; skips are per file.
//
// Thread-safety: one TestRunner per thread.
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "main/database.h"
#include "sqllogic/test_file.h"

namespace strata::sqllogic {

using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;

// A session and the database it belongs to, kept alive together.
struct OpenedSession {
  std::shared_ptr<Database> database;
  std::unique_ptr<Session> session;
};
// Opens a database in `data_dir` (creating it) and a session on it. The program passes
// one built on Database::Open; keeping it out of the runner lets the runner's logic be
// linked and tested on its own.
using SessionOpener = std::function<Result<OpenedSession>(const std::string& data_dir)>;

// Replaces every ${NAME} with its value. Returns nullopt and sets `*missing` to the first
// unset name. A '$' not followed by '{' is kept as is.
std::optional<std::string> SubstituteEnv(std::string_view text, const EnvLookup& env,
                                         std::string* missing);

// The .test files named by `paths`: files as given, directories searched recursively for
// *.test; sorted within each directory. Paths that do not exist go to `*missing`.
std::vector<std::string> CollectTestFiles(const std::vector<std::string>& paths,
                                          std::vector<std::string>* missing);

struct RunCounts {
  size_t passed = 0;
  size_t failed = 0;
  size_t skipped_files = 0;
};

class TestRunner {
 public:
  struct Options {
    // Non-empty: every file uses this directory (kept afterwards) instead of a fresh one.
    std::string shared_data_dir;
    // Print a line for every file, not only for failures and skips.
    bool verbose = false;
  };

  TestRunner(Options options, std::ostream& out, EnvLookup env, SessionOpener opener);

  // Parses and runs one file with its own Database.
  void RunFile(const std::string& path);
  // Runs the records of a parsed file on `session`. REQUIRES: the file's required
  // variables are set.
  void RunRecords(const TestFile& file, Session* session);
  // Records a failure that is not tied to a record (unreadable file, parse error, …).
  void AddFileFailure(const std::string& path, const std::string& message);

  const RunCounts& counts() const { return counts_; }
  // "N passed, N failed" and ", N skipped" when files were skipped.
  std::string Summary() const;

 private:
  // Runs one statement/query record; returns true when it passed.
  bool RunRecord(const Record& record, Session* session);
  void ReportFailure(const Record& record, const std::string& sql, const std::string& problem,
                     const std::vector<std::string>& diff = {});

  Options options_;
  std::ostream& out_;
  EnvLookup env_;
  std::string test_dir_;  // the current file's ${STRATA_TEST_DIR}
  SessionOpener opener_;
  RunCounts counts_;
};

}  // namespace strata::sqllogic
