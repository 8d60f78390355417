// Everything one statement needs from its session and database, and nothing more.
//
// A QueryContext lives for one statement. It is used by the thread running the statement;
// the objects it points to (metastore, store cache) are themselves thread-safe.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "catalog/metastore.h"
#include "common/status.h"
#include "storage/object_store.h"

namespace strata {

class ObjectStoreCache;

// Per-session state that outlives statements.
struct SessionState {
  std::string current_database = "default";
  // SET variables, lowercased names. Known ones: max_threads, block_rows.
  std::map<std::string, std::string> settings;
};

struct ProgressCounters {
  std::atomic<uint64_t> rows{0};
  std::atomic<uint64_t> bytes{0};
};

class QueryContext {
 public:
  QueryContext(MetastorePtr metastore, SessionState& session, ObjectStoreCache& stores,
               StorageParams default_storage, int64_t start_micros)
      : metastore_(std::move(metastore)),
        session_(session),
        stores_(stores),
        default_storage_(std::move(default_storage)),
        start_micros_(start_micros) {}

  Metastore& metastore() { return *metastore_; }
  const MetastorePtr& shared_metastore() const { return metastore_; }
  SessionState& session() { return session_; }
  const std::string& current_database() const { return session_.current_database; }

  // The storage of a table's objects, rooted at the table's own prefix: its location for
  // external tables, the data directory's storage for ordinary ones.
  StorageParams TableStorage(const TableInfo& table) const;
  // Opens (or reuses) the object store for `params`.
  Result<ObjectStorePtr> OpenStore(const StorageParams& params);
  // The store rooted at a table's prefix, with the table's credentials: its own for
  // external tables; for an ordinary table kept on a table storage, those of the
  // connection it names, read at every statement, so replacing that connection rotates
  // the keys of every such table at once.
  Result<ObjectStorePtr> OpenTableStore(const TableInfo& table);
  const StorageParams& default_storage() const { return default_storage_; }
  // Where new ordinary tables keep their data when not in the data directory
  // (DatabaseOptions::table_storage), and the connection giving its credentials (may be
  // empty); both are recorded in each table created.
  const std::optional<StorageParams>& table_storage() const { return table_storage_; }
  const std::string& table_storage_connection() const { return table_storage_connection_; }
  void set_table_storage(std::optional<StorageParams> params, std::string connection) {
    table_storage_ = std::move(params);
    table_storage_connection_ = std::move(connection);
  }

  // Statement start time, microseconds since the epoch (now() is constant per statement).
  int64_t start_micros() const { return start_micros_; }
  // Threads a query may use (setting max_threads, default: hardware threads).
  size_t max_threads() const;
  // Rows per block on insert (setting block_rows; tests force tiny blocks with it).
  size_t block_rows() const;

  ProgressCounters& progress() { return progress_; }
  // The session's cancel flag (Session::Cancel); null when nobody can cancel.
  const std::atomic<bool>* cancel_flag() const { return cancel_flag_; }
  void set_cancel_flag(const std::atomic<bool>* flag) { cancel_flag_ = flag; }
  // Error 1043 once the statement was cancelled; statements call it before committing.
  Status CheckCancelled() const;
  std::vector<std::string>& warnings() { return warnings_; }

 private:
  MetastorePtr metastore_;
  SessionState& session_;
  ObjectStoreCache& stores_;
  StorageParams default_storage_;
  std::optional<StorageParams> table_storage_;
  std::string table_storage_connection_;
  int64_t start_micros_;
  ProgressCounters progress_;
  const std::atomic<bool>* cancel_flag_ = nullptr;
  std::vector<std::string> warnings_;
};

}  // namespace strata
