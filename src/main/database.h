// The embedded front door: open a data directory, open sessions, run SQL.
// The CLI, the SQL test runner and the HTTP server use nothing else.
//
// Thread-safety: a Database may be shared by many threads; a Session is used by one
// thread at a time.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "interpreter/query_result.h"
#include "storage/storage_params.h"

namespace strata {

struct DatabaseOptions {
  DatabaseOptions() = default;
  explicit DatabaseOptions(std::string dir) : data_dir(std::move(dir)) {}

  // Holds metastore.db, the master key file (unless STRATA_MASTER_KEY is set) and data/
  // for ordinary tables. Created if missing.
  std::string data_dir;
  // Where ordinary (non-external) tables created through this Database keep their data,
  // instead of <data_dir>/data/ — e.g. a bucket, like Databend's [storage] setting. Each
  // table records the storage it was created on, so other processes and later opens
  // find its data whatever they are configured with. CREATE TABLE checks that it can
  // write, read, list and delete there, as for an external table.
  std::optional<StorageParams> table_storage;
  // When set, table_storage's endpoint, region and credentials come from this connection
  // of the data directory's metastore; table_storage then only gives type, bucket, root.
  // Tables created on it name the connection rather than copy its keys, and read its
  // credentials at every statement: CREATE OR REPLACE CONNECTION rotates them all.
  std::string table_storage_connection;
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
  // Stops the statement running in Execute (and the rest of its script) with error
  // 1043; nothing it would have committed is. Safe from any thread and from a signal
  // handler: it only sets a lock-free atomic flag. A Cancel while nothing runs stops
  // the next Execute.
  virtual void Cancel() = 0;
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
