// The embedded front door: open a data directory, open sessions, run SQL.
// The CLI, the SQL test runner and the HTTP server use nothing else.
//
// Thread-safety: a Database may be shared by many threads; a Session is used by one
// thread at a time.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "interpreter/query_result.h"

namespace strata {

struct DatabaseOptions {
  // Holds metastore.db, the master key file (unless STRATA_MASTER_KEY is set) and data/
  // for ordinary tables. Created if missing.
  std::string data_dir;
};

struct Progress {
  uint64_t rows = 0;
  uint64_t bytes = 0;
};

class Session {
 public:
  virtual ~Session() = default;
  // Runs one statement. Errors carry Databend codes; the session stays usable.
  virtual Result<QueryResult> Execute(std::string_view sql) = 0;
  virtual const std::string& current_database() const = 0;
  // Called from the executing thread every so often while a statement runs.
  virtual void SetProgressCallback(std::function<void(const Progress&)> cb) = 0;
};

class Database {
 public:
  static Result<std::shared_ptr<Database>> Open(const DatabaseOptions& options);
  virtual ~Database() = default;
  virtual std::unique_ptr<Session> NewSession() = 0;
};

// Splits a script into statements at top-level ';' (not inside quotes or comments).
// Each piece keeps its text; empty pieces are dropped. `line_offsets` receives the
// 1-based line each statement starts on.
std::vector<std::string> SplitStatements(std::string_view script,
                                         std::vector<int>* start_lines = nullptr);

}  // namespace strata
