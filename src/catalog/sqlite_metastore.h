// SqliteMetastore: the Metastore (catalog/metastore.h) in one SQLite file, shared by every
// thread and every process that opens the same path.
//
// The file runs in WAL mode with a busy timeout, so readers never wait for writers and a
// writer waits (up to kBusyTimeoutMs) for another writer instead of failing. Every call is
// one transaction; calls that write start it with BEGIN IMMEDIATE, so the
// compare-and-swap in CommitSnapshot/UpdateTableStorage reads and writes the version under
// one write lock. Ids come from AUTOINCREMENT and are never reused.
//
// The schema is built by numbered migrations, applied at Open in one transaction and
// recorded in PRAGMA user_version and the schema_migrations table. A file written by a
// newer strata (a higher version than kSchemaVersion) is refused.
//
// Credentials are sealed with the SecretBox before they reach the file (see
// catalog/metastore_records.h); the associated data binds them to their row.
//
// Thread-safety: every method may be called from many threads at once; each call takes a
// connection of its own from a small pool.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "catalog/metastore.h"
#include "catalog/secret_box.h"

namespace strata {

class SqliteConnection;

class SqliteMetastore : public Metastore {
 public:
  // The newest schema this build knows.
  static constexpr int kSchemaVersion = 1;
  // How long a call waits for another process's or thread's write lock.
  static constexpr int kBusyTimeoutMs = 10000;
  // The database created when the file is first initialized.
  static constexpr const char* kDefaultDatabase = "default";
  // The built-in virtual database; it cannot be created or dropped here.
  static constexpr const char* kSystemDatabase = "system";

  // Opens (creating if needed) the metastore file at `path` and brings its schema up to
  // date. `secrets` seals and opens stored credentials; it may be null, in which case
  // storing or reading credentials fails with 4001.
  static Result<std::shared_ptr<SqliteMetastore>> Open(const std::string& path,
                                                       std::shared_ptr<SecretBox> secrets);

  ~SqliteMetastore() override;

  // The schema version recorded in the file.
  Result<int> SchemaVersion();

  Result<DatabaseInfo> CreateDatabase(const std::string& name, CreateMode mode) override;
  Status DropDatabase(const std::string& name, bool if_exists) override;
  Result<DatabaseInfo> GetDatabase(const std::string& name) override;
  Result<std::vector<DatabaseInfo>> ListDatabases() override;

  Result<TableInfo> CreateTable(TableInfo info, CreateMode mode) override;
  Result<TableInfo> GetTable(const std::string& database, const std::string& name) override;
  Result<std::vector<TableInfo>> ListTables(const std::string& database) override;
  Status DropTable(const std::string& database, const std::string& name, bool if_exists) override;
  Status RenameTable(const std::string& database, const std::string& name,
                     const std::string& new_database, const std::string& new_name) override;

  Result<TableInfo> CommitSnapshot(int64_t table_id, int64_t expected_version,
                                   const std::string& snapshot_location) override;
  Result<TableInfo> UpdateTableStorage(int64_t table_id, int64_t expected_version,
                                       const StorageParams& storage,
                                       const std::string& connection_name) override;

  Status CreateConnection(const ConnectionInfo& info, CreateMode mode) override;
  Status DropConnection(const std::string& name, bool if_exists) override;
  Result<ConnectionInfo> GetConnection(const std::string& name) override;
  Result<std::vector<ConnectionInfo>> ListConnections() override;

 private:
  enum class TxKind { kRead, kWrite };

  SqliteMetastore(std::string path, std::shared_ptr<SecretBox> secrets);

  // Runs `body` inside one transaction on a pooled connection: committed when it returns
  // OK, rolled back otherwise.
  template <typename Body>
  Status Transact(TxKind kind, Body&& body);

  Result<std::unique_ptr<SqliteConnection>> Acquire();
  void Release(std::unique_ptr<SqliteConnection> conn);

  // Reads one table row (by id) into a TableInfo, decrypting its credentials.
  Result<TableInfo> LoadTable(SqliteConnection& conn, int64_t table_id);
  // The shared compare-and-swap of CommitSnapshot and UpdateTableStorage.
  template <typename Update>
  Result<TableInfo> CompareAndSwap(int64_t table_id, int64_t expected_version, Update&& update);

  const std::string path_;
  const std::shared_ptr<SecretBox> secrets_;
  std::mutex mu_;
  std::vector<std::unique_ptr<SqliteConnection>> idle_;  // GUARDED_BY(mu_)
};

}  // namespace strata
