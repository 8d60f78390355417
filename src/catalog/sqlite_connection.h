// A thin RAII layer over one SQLite connection and its prepared statements, turning
// SQLite result codes into Status (2003 MetaStorageError).
//
// Thread-safety: a SqliteConnection and its statements are used by one thread at a time
// (the connection is opened without SQLite's own mutex); SqliteMetastore hands each
// connection to one caller at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace strata {

class SqliteStatement;

class SqliteConnection {
 public:
  // Opens (creating if needed) the database file and sets the busy timeout: a call that
  // finds the file locked by another writer waits up to `busy_timeout_ms` before failing.
  static Result<std::unique_ptr<SqliteConnection>> Open(const std::string& path,
                                                        int busy_timeout_ms);
  ~SqliteConnection();
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  // Runs one or more statements that return no rows of interest.
  Status Exec(const std::string& sql);
  // Compiles one statement. REQUIRES: the statement does not outlive this connection.
  Result<SqliteStatement> Prepare(std::string_view sql);

  // True while a transaction is open (BEGIN ran, COMMIT/ROLLBACK did not yet).
  bool InTransaction() const;
  int64_t LastInsertRowId() const;
  // Rows changed by the last INSERT, UPDATE or DELETE.
  int Changes() const;
  // The connection's last error as a Status, prefixed with `what`.
  Status LastError(const std::string& what) const;

 private:
  SqliteConnection(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
};

class SqliteStatement {
 public:
  SqliteStatement(SqliteConnection* conn, sqlite3_stmt* stmt) : conn_(conn), stmt_(stmt) {}
  SqliteStatement(SqliteStatement&& o) noexcept : conn_(o.conn_), stmt_(o.stmt_) {
    o.stmt_ = nullptr;
  }
  SqliteStatement& operator=(SqliteStatement&&) = delete;
  ~SqliteStatement();

  // Parameters are numbered from 1; text is copied by SQLite.
  SqliteStatement& Bind(int index, int64_t value);
  SqliteStatement& Bind(int index, std::string_view value);

  // Advances to the next row: true when a row is available, false when done.
  Result<bool> Step();
  // Runs a statement that returns no rows.
  Status Run();

  // Columns are numbered from 0. REQUIRES: the last Step() returned true.
  int64_t ColumnInt(int index) const;
  std::string ColumnText(int index) const;

 private:
  SqliteConnection* conn_;
  sqlite3_stmt* stmt_;
  int bind_error_ = 0;  // first failed bind, reported by Step()
};

}  // namespace strata
