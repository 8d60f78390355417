// Metastore: databases, tables, connections, and the compare-and-swap that commits a
// table's new snapshot. SQLite (catalog/sqlite_metastore.h) is the default; PostgreSQL
// will implement the same interface for several servers sharing one metastore.
//
// Every call is its own transaction: what one process commits, the next call of any
// other process sharing the metastore sees. Thread-safety: every method may be called
// from many threads at once.
//
// Secrets in StorageParams::credentials are encrypted at rest by the implementation;
// callers pass and receive them in clear, in memory only.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "storage/storage_params.h"
#include "types/data_type.h"

namespace strata {

struct DatabaseInfo {
  int64_t id = 0;
  std::string name;
  int64_t created_ms = 0;
};

struct ColumnDef {
  std::string name;
  DataType type;
  bool nullable = true;
  std::string default_expr;  // SQL text of DEFAULT, empty when none
};

struct TableInfo {
  int64_t id = 0;
  int64_t database_id = 0;
  std::string database;
  std::string name;
  std::vector<ColumnDef> columns;
  // External tables: the user's location and credentials. Ordinary tables: type is empty,
  // meaning "the data directory's own storage". Either way the table's objects live under
  // "<root><database_id>/<table_id>/" (see table/locations.h).
  StorageParams storage;
  bool external = false;
  // The connection the table was created or last altered from; empty for inline
  // credentials and ordinary tables. Informational: the table holds its own copy.
  std::string connection_name;
  // Key of the current snapshot relative to the table's prefix; empty = no data yet.
  std::string snapshot_location;
  int64_t version = 0;  // bumped by every successful commit or storage change
  int64_t created_ms = 0;
  int64_t updated_ms = 0;
};

struct ConnectionInfo {
  std::string name;
  // type = storage type ("s3", "fs"); bucket and root are always empty.
  StorageParams params;
  int64_t created_ms = 0;
};

enum class CreateMode { kCreate, kIfNotExists, kOrReplace };

class Metastore {
 public:
  virtual ~Metastore() = default;

  // Databases ----------------------------------------------------------------------
  // kIfNotExists on an existing database returns it unchanged. Exists: 2301.
  virtual Result<DatabaseInfo> CreateDatabase(const std::string& name, CreateMode mode) = 0;
  // Removes the database and the metadata of all its tables. Missing: 1003 unless if_exists.
  virtual Status DropDatabase(const std::string& name, bool if_exists) = 0;
  virtual Result<DatabaseInfo> GetDatabase(const std::string& name) = 0;
  virtual Result<std::vector<DatabaseInfo>> ListDatabases() = 0;

  // Tables -------------------------------------------------------------------------
  // Assigns id, version 1 and timestamps; database_id is looked up from info.database
  // (1003 if missing). kCreate on an existing name: 2302. kIfNotExists: returns the
  // existing table. kOrReplace: the old table's metadata is dropped in the same
  // transaction and the new one gets a new id.
  virtual Result<TableInfo> CreateTable(TableInfo info, CreateMode mode) = 0;
  virtual Result<TableInfo> GetTable(const std::string& database, const std::string& name) = 0;
  // `database` empty lists the tables of every database.
  virtual Result<std::vector<TableInfo>> ListTables(const std::string& database) = 0;
  virtual Status DropTable(const std::string& database, const std::string& name,
                           bool if_exists) = 0;
  virtual Status RenameTable(const std::string& database, const std::string& name,
                             const std::string& new_database, const std::string& new_name) = 0;

  // Sets the table's snapshot if its version is still `expected_version`; bumps the
  // version. Another commit won: 2009 TableVersionMismatched. Table gone: 1025.
  virtual Result<TableInfo> CommitSnapshot(int64_t table_id, int64_t expected_version,
                                           const std::string& snapshot_location) = 0;
  // Replaces the table's storage parameters and connection name under the same
  // compare-and-swap rule (ALTER TABLE ... CONNECTION).
  virtual Result<TableInfo> UpdateTableStorage(int64_t table_id, int64_t expected_version,
                                               const StorageParams& storage,
                                               const std::string& connection_name) = 0;

  // Connections --------------------------------------------------------------------
  // Exists: 2512 "Connection '<name>' already exists." (unless kIfNotExists/kOrReplace).
  virtual Status CreateConnection(const ConnectionInfo& info, CreateMode mode) = 0;
  // Missing: 2510 "Connection '<name>' does not exist." unless if_exists.
  virtual Status DropConnection(const std::string& name, bool if_exists) = 0;
  virtual Result<ConnectionInfo> GetConnection(const std::string& name) = 0;
  virtual Result<std::vector<ConnectionInfo>> ListConnections() = 0;
};

using MetastorePtr = std::shared_ptr<Metastore>;

}  // namespace strata
