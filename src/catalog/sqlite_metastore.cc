#include "catalog/sqlite_metastore.h"

#include <chrono>
#include <functional>

#include "catalog/metastore_records.h"
#include "catalog/sqlite_connection.h"

namespace strata {

namespace {

constexpr size_t kMaxIdleConnections = 8;

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string TableAad(int64_t id) { return "table:" + std::to_string(id) + ":credentials"; }
std::string ConnectionAad(int64_t id) {
  return "connection:" + std::to_string(id) + ":credentials";
}

std::string TableName(const std::string& db, const std::string& t) {
  return "`" + db + "`.`" + t + "`";
}

Status UnknownDatabase(const std::string& name) {
  return Error(ErrorCode::UnknownDatabase, "Unknown database '" + name + "'");
}
Status UnknownTable(const std::string& db, const std::string& t) {
  return Error(ErrorCode::UnknownTable, "Unknown table " + TableName(db, t));
}
Status UnknownTableId(int64_t id) {
  return Error(ErrorCode::UnknownTable,
               "Unknown table with id " + std::to_string(id) + " (it has been dropped)");
}
Status UnknownConnection(const std::string& name) {
  return Error(ErrorCode::UnknownConnection, "Connection '" + name + "' does not exist.");
}

// One schema step. Steps only ever get appended: a released step is never edited, since
// files out there have already run it.
struct Migration {
  int version;
  std::function<Status(SqliteConnection&)> apply;
};

Status MigrateToV1(SqliteConnection& conn) {
  RETURN_IF_ERROR(conn.Exec(R"sql(
    CREATE TABLE schema_migrations (
      version INTEGER PRIMARY KEY,
      applied_ms INTEGER NOT NULL
    );
    CREATE TABLE databases (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL UNIQUE,
      created_ms INTEGER NOT NULL
    );
    CREATE TABLE tables (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      database_id INTEGER NOT NULL REFERENCES databases(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      columns TEXT NOT NULL,
      storage TEXT NOT NULL,
      external INTEGER NOT NULL,
      connection_name TEXT NOT NULL,
      snapshot_location TEXT NOT NULL,
      version INTEGER NOT NULL,
      created_ms INTEGER NOT NULL,
      updated_ms INTEGER NOT NULL,
      UNIQUE (database_id, name)
    );
    CREATE TABLE connections (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL UNIQUE,
      storage_type TEXT NOT NULL,
      params TEXT NOT NULL,
      created_ms INTEGER NOT NULL
    );
  )sql"));
  ASSIGN_OR_RETURN(auto insert,
                   conn.Prepare("INSERT INTO databases(name, created_ms) VALUES (?, ?)"));
  return insert.Bind(1, std::string_view(SqliteMetastore::kDefaultDatabase)).Bind(2, NowMs()).Run();
}

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kMigrations = {
      {1, MigrateToV1},
  };
  return kMigrations;
}

Result<int> ReadUserVersion(SqliteConnection& conn) {
  ASSIGN_OR_RETURN(auto stmt, conn.Prepare("PRAGMA user_version"));
  ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return Error(ErrorCode::MetaStorageError, "cannot read the metastore schema version");
  return static_cast<int>(stmt.ColumnInt(0));
}

// Settings that belong to each connection rather than to the file.
Status ConfigureConnection(SqliteConnection& conn) {
  // FULL: a commit that returned is on disk; the metastore commit is what makes a
  // table's new snapshot visible, so it must not be lost on power failure.
  return conn.Exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;");
}

Result<std::unique_ptr<SqliteConnection>> OpenConnection(const std::string& path) {
  ASSIGN_OR_RETURN(auto conn, SqliteConnection::Open(path, SqliteMetastore::kBusyTimeoutMs));
  RETURN_IF_ERROR(ConfigureConnection(*conn));
  return conn;
}

Status Migrate(SqliteConnection& conn, const std::string& path) {
  RETURN_IF_ERROR(conn.Exec("BEGIN IMMEDIATE"));
  Status st = [&]() -> Status {
    ASSIGN_OR_RETURN(int version, ReadUserVersion(conn));
    if (version > SqliteMetastore::kSchemaVersion) {
      return Error(ErrorCode::MetaStorageError,
                   "the metastore " + path + " has schema version " + std::to_string(version) +
                       ", newer than this build of strata supports (" +
                       std::to_string(SqliteMetastore::kSchemaVersion) +
                       "); it was written by a newer strata, use that version");
    }
    for (const Migration& m : Migrations()) {
      if (m.version <= version) continue;
      Status applied = m.apply(conn);
      if (!applied.ok()) {
        return applied.WithContext("metastore migration to schema version " +
                                   std::to_string(m.version));
      }
      ASSIGN_OR_RETURN(auto record, conn.Prepare("INSERT INTO schema_migrations VALUES (?, ?)"));
      RETURN_IF_ERROR(record.Bind(1, int64_t{m.version}).Bind(2, NowMs()).Run());
    }
    if (version < SqliteMetastore::kSchemaVersion) {
      RETURN_IF_ERROR(
          conn.Exec("PRAGMA user_version = " + std::to_string(SqliteMetastore::kSchemaVersion)));
    }
    return conn.Exec("COMMIT");
  }();
  if (!st.ok() && conn.InTransaction()) (void)conn.Exec("ROLLBACK");
  return st;
}

Result<DatabaseInfo> FindDatabase(SqliteConnection& conn, const std::string& name, bool* found) {
  ASSIGN_OR_RETURN(auto stmt,
                   conn.Prepare("SELECT id, name, created_ms FROM databases WHERE name = ?"));
  stmt.Bind(1, name);
  ASSIGN_OR_RETURN(*found, stmt.Step());
  DatabaseInfo info;
  if (*found) {
    info.id = stmt.ColumnInt(0);
    info.name = stmt.ColumnText(1);
    info.created_ms = stmt.ColumnInt(2);
  }
  return info;
}

Result<DatabaseInfo> RequireDatabase(SqliteConnection& conn, const std::string& name) {
  bool found = false;
  ASSIGN_OR_RETURN(DatabaseInfo info, FindDatabase(conn, name, &found));
  if (!found) return UnknownDatabase(name);
  return info;
}

// The id of table `name` in database `database_id`, or 0 when there is none.
Result<int64_t> FindTableId(SqliteConnection& conn, int64_t database_id, const std::string& name) {
  ASSIGN_OR_RETURN(auto stmt,
                   conn.Prepare("SELECT id FROM tables WHERE database_id = ? AND name = ?"));
  stmt.Bind(1, database_id).Bind(2, name);
  ASSIGN_OR_RETURN(bool row, stmt.Step());
  return row ? stmt.ColumnInt(0) : int64_t{0};
}

constexpr const char* kSelectTable =
    "SELECT t.id, t.database_id, d.name, t.name, t.columns, t.storage, t.external, "
    "t.connection_name, t.snapshot_location, t.version, t.created_ms, t.updated_ms "
    "FROM tables t JOIN databases d ON d.id = t.database_id ";

Result<TableInfo> TableFromRow(const SqliteStatement& row, const SecretBox* secrets) {
  TableInfo t;
  t.id = row.ColumnInt(0);
  t.database_id = row.ColumnInt(1);
  t.database = row.ColumnText(2);
  t.name = row.ColumnText(3);
  ASSIGN_OR_RETURN(t.columns, DecodeColumns(row.ColumnText(4)));
  auto storage = DecodeStorage(row.ColumnText(5), secrets, TableAad(t.id));
  if (!storage.ok()) {
    return storage.status().WithContext("table " + TableName(t.database, t.name));
  }
  t.storage = std::move(storage).value();
  t.external = row.ColumnInt(6) != 0;
  t.connection_name = row.ColumnText(7);
  t.snapshot_location = row.ColumnText(8);
  t.version = row.ColumnInt(9);
  t.created_ms = row.ColumnInt(10);
  t.updated_ms = row.ColumnInt(11);
  return t;
}

Result<ConnectionInfo> ConnectionFromRow(const SqliteStatement& row, const SecretBox* secrets) {
  ConnectionInfo c;
  int64_t id = row.ColumnInt(0);
  c.name = row.ColumnText(1);
  std::string type = row.ColumnText(2);
  auto params = DecodeStorage(row.ColumnText(3), secrets, ConnectionAad(id));
  if (!params.ok()) return params.status().WithContext("connection '" + c.name + "'");
  c.params = std::move(params).value();
  c.params.type = type;
  c.created_ms = row.ColumnInt(4);
  return c;
}

Status DeleteTablesOf(SqliteConnection& conn, int64_t database_id) {
  ASSIGN_OR_RETURN(auto stmt, conn.Prepare("DELETE FROM tables WHERE database_id = ?"));
  return stmt.Bind(1, database_id).Run();
}

Status DeleteById(SqliteConnection& conn, const char* table, int64_t id) {
  ASSIGN_OR_RETURN(auto stmt, conn.Prepare(std::string("DELETE FROM ") + table + " WHERE id = ?"));
  return stmt.Bind(1, id).Run();
}

}  // namespace

SqliteMetastore::SqliteMetastore(std::string path, std::shared_ptr<SecretBox> secrets)
    : path_(std::move(path)), secrets_(std::move(secrets)) {}

SqliteMetastore::~SqliteMetastore() = default;

Result<std::shared_ptr<SqliteMetastore>> SqliteMetastore::Open(const std::string& path,
                                                               std::shared_ptr<SecretBox> secrets) {
  ASSIGN_OR_RETURN(auto conn, OpenConnection(path));
  {
    // WAL is a property of the file and survives reopening; setting it again is a no-op.
    ASSIGN_OR_RETURN(auto wal, conn->Prepare("PRAGMA journal_mode = WAL"));
    ASSIGN_OR_RETURN(bool row, wal.Step());
    if (!row || wal.ColumnText(0) != "wal") {
      return Error(ErrorCode::MetaStorageError,
                   "cannot switch the metastore " + path +
                       " to WAL mode (is it on a file system without shared memory support?)");
    }
  }
  RETURN_IF_ERROR(Migrate(*conn, path));
  std::shared_ptr<SqliteMetastore> ms(new SqliteMetastore(path, std::move(secrets)));
  ms->Release(std::move(conn));
  return ms;
}

Result<std::unique_ptr<SqliteConnection>> SqliteMetastore::Acquire() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      auto conn = std::move(idle_.back());
      idle_.pop_back();
      return conn;
    }
  }
  return OpenConnection(path_);
}

void SqliteMetastore::Release(std::unique_ptr<SqliteConnection> conn) {
  std::lock_guard<std::mutex> lock(mu_);
  if (idle_.size() < kMaxIdleConnections) idle_.push_back(std::move(conn));
}

template <typename Body>
Status SqliteMetastore::Transact(TxKind kind, Body&& body) {
  ASSIGN_OR_RETURN(std::unique_ptr<SqliteConnection> conn, Acquire());
  Status st = conn->Exec(kind == TxKind::kWrite ? "BEGIN IMMEDIATE" : "BEGIN");
  if (st.ok()) {
    st = body(*conn);
    if (st.ok()) st = conn->Exec("COMMIT");
    if (!st.ok() && conn->InTransaction()) (void)conn->Exec("ROLLBACK");
  }
  // A connection still inside a transaction is in an unknown state; let it close.
  if (!conn->InTransaction()) Release(std::move(conn));
  return st;
}

Result<int> SqliteMetastore::SchemaVersion() {
  int version = 0;
  RETURN_IF_ERROR(Transact(TxKind::kRead, [&](SqliteConnection& conn) -> Status {
    ASSIGN_OR_RETURN(version, ReadUserVersion(conn));
    return Status::OK();
  }));
  return version;
}

// Databases ------------------------------------------------------------------------

Result<DatabaseInfo> SqliteMetastore::CreateDatabase(const std::string& name, CreateMode mode) {
  if (name.empty()) return Error(ErrorCode::BadArguments, "database name must not be empty");
  if (name == kSystemDatabase) {
    return Error(ErrorCode::DatabaseAlreadyExists,
                 "Database 'system' already exists: it is the built-in system database");
  }
  DatabaseInfo result;
  RETURN_IF_ERROR(Transact(TxKind::kWrite, [&](SqliteConnection& conn) -> Status {
    bool found = false;
    ASSIGN_OR_RETURN(DatabaseInfo existing, FindDatabase(conn, name, &found));
    if (found) {
      if (mode == CreateMode::kIfNotExists) {
        result = existing;
        return Status::OK();
      }
      if (mode == CreateMode::kCreate) {
        return Error(ErrorCode::DatabaseAlreadyExists, "Database '" + name + "' already exists");
      }
      RETURN_IF_ERROR(DeleteTablesOf(conn, existing.id));
      RETURN_IF_ERROR(DeleteById(conn, "databases", existing.id));
    }
    result.name = name;
    result.created_ms = NowMs();
    ASSIGN_OR_RETURN(auto insert,
                     conn.Prepare("INSERT INTO databases(name, created_ms) VALUES (?, ?)"));
    RETURN_IF_ERROR(insert.Bind(1, name).Bind(2, result.created_ms).Run());
    result.id = conn.LastInsertRowId();
    return Status::OK();
  }));
  return result;
}

Status SqliteMetastore::DropDatabase(const std::string& name, bool if_exists) {
  if (name == kSystemDatabase) {
    return Error(ErrorCode::BadArguments, "cannot drop the built-in system database");
  }
  return Transact(TxKind::kWrite, [&](SqliteConnection& conn) -> Status {
    bool found = false;
    ASSIGN_OR_RETURN(DatabaseInfo existing, FindDatabase(conn, name, &found));
    if (!found) return if_exists ? Status::OK() : UnknownDatabase(name);
    RETURN_IF_ERROR(DeleteTablesOf(conn, existing.id));
    return DeleteById(conn, "databases", existing.id);
  });
}

Result<DatabaseInfo> SqliteMetastore::GetDatabase(const std::string& name) {
  DatabaseInfo result;
  RETURN_IF_ERROR(Transact(TxKind::kRead, [&](SqliteConnection& conn) -> Status {
    ASSIGN_OR_RETURN(result, RequireDatabase(conn, name));
    return Status::OK();
  }));
  return result;
}

Result<std::vector<DatabaseInfo>> SqliteMetastore::ListDatabases() {
  std::vector<DatabaseInfo> result;
  RETURN_IF_ERROR(Transact(TxKind::kRead, [&](SqliteConnection& conn) -> Status {
    ASSIGN_OR_RETURN(auto stmt,
                     conn.Prepare("SELECT id, name, created_ms FROM databases ORDER BY name"));
    for (;;) {
      ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) break;
      result.push_back({stmt.ColumnInt(0), stmt.ColumnText(1), stmt.ColumnInt(2)});
    }
    return Status::OK();
  }));
  return result;
}

// Tables ---------------------------------------------------------------------------

Result<TableInfo> SqliteMetastore::LoadTable(SqliteConnection& conn, int64_t table_id) {
  ASSIGN_OR_RETURN(auto stmt, conn.Prepare(std::string(kSelectTable) + "WHERE t.id = ?"));
  stmt.Bind(1, table_id);
  ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return UnknownTableId(table_id);
  return TableFromRow(stmt, secrets_.get());
}

Result<TableInfo> SqliteMetastore::CreateTable(TableInfo info, CreateMode mode) {
  if (info.name.empty()) return Error(ErrorCode::BadArguments, "table name must not be empty");
  TableInfo result;
  RETURN_IF_ERROR(Transact(TxKind::kWrite, [&](SqliteConnection& conn) -> Status {
    ASSIGN_OR_RETURN(DatabaseInfo db, RequireDatabase(conn, info.database));
    ASSIGN_OR_RETURN(int64_t existing, FindTableId(conn, db.id, info.name));
    if (existing != 0) {
      if (mode == CreateMode::kIfNotExists) {
        ASSIGN_OR_RETURN(result, LoadTable(conn, existing));
        return Status::OK();
      }
      if (mode == CreateMode::kCreate) {
        return Error(ErrorCode::TableAlreadyExists,
                     "Table " + TableName(info.database, info.name) + " already exists");
      }
      RETURN_IF_ERROR(DeleteById(conn, "tables", existing));
    }
    ASSIGN_OR_RETURN(std::string columns, EncodeColumns(info.columns));
    int64_t now = NowMs();
    // The row id is part of the credentials' associated data, so the storage column is
    // filled in once the id is known.
    ASSIGN_OR_RETURN(
        auto insert,
        conn.Prepare("INSERT INTO tables(database_id, name, columns, storage, "
                     "external, connection_name, snapshot_location, version, "
                     "created_ms, updated_ms) VALUES (?, ?, ?, '{}', ?, ?, ?, 1, ?, ?)"));
    insert.Bind(1, db.id).Bind(2, info.name).Bind(3, columns);
    insert.Bind(4, int64_t{info.external ? 1 : 0}).Bind(5, info.connection_name);
    insert.Bind(6, info.snapshot_location).Bind(7, now).Bind(8, now);
    RETURN_IF_ERROR(insert.Run());
    int64_t id = conn.LastInsertRowId();
    ASSIGN_OR_RETURN(std::string storage,
                     EncodeStorage(info.storage, secrets_.get(), TableAad(id)));
    ASSIGN_OR_RETURN(auto update, conn.Prepare("UPDATE tables SET storage = ? WHERE id = ?"));
    RETURN_IF_ERROR(update.Bind(1, storage).Bind(2, id).Run());
    result = std::move(info);
    result.id = id;
    result.database_id = db.id;
    result.database = db.name;
    result.version = 1;
    result.created_ms = now;
    result.updated_ms = now;
    return Status::OK();
  }));
  return result;
}

Result<TableInfo> SqliteMetastore::GetTable(const std::string& database, const std::string& name) {
  TableInfo result;
  RETURN_IF_ERROR(Transact(TxKind::kRead, [&](SqliteConnection& conn) -> Status {
    ASSIGN_OR_RETURN(DatabaseInfo db, RequireDatabase(conn, database));
    ASSIGN_OR_RETURN(int64_t id, FindTableId(conn, db.id, name));
    if (id == 0) return UnknownTable(database, name);
    ASSIGN_OR_RETURN(result, LoadTable(conn, id));
    return Status::OK();
  }));
  return result;
}

Result<std::vector<TableInfo>> SqliteMetastore::ListTables(const std::string& database) {
  std::vector<TableInfo> result;
  RETURN_IF_ERROR(Transact(TxKind::kRead, [&](SqliteConnection& conn) -> Status {
    std::string sql = kSelectTable;
    int64_t db_id = 0;
    if (!database.empty()) {
      ASSIGN_OR_RETURN(DatabaseInfo db, RequireDatabase(conn, database));
      db_id = db.id;
      sql += "WHERE t.database_id = ? ";
    }
    sql += "ORDER BY d.name, t.name";
    ASSIGN_OR_RETURN(auto stmt, conn.Prepare(sql));
    if (db_id != 0) stmt.Bind(1, db_id);
    for (;;) {
      ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) break;
      ASSIGN_OR_RETURN(TableInfo t, TableFromRow(stmt, secrets_.get()));
      result.push_back(std::move(t));
    }
    return Status::OK();
  }));
  return result;
}

Status SqliteMetastore::DropTable(const std::string& database, const std::string& name,
                                  bool if_exists) {
  return Transact(TxKind::kWrite, [&](SqliteConnection& conn) -> Status {
    bool found = false;
    ASSIGN_OR_RETURN(DatabaseInfo db, FindDatabase(conn, database, &found));
    if (!found) return if_exists ? Status::OK() : UnknownDatabase(database);
    ASSIGN_OR_RETURN(int64_t id, FindTableId(conn, db.id, name));
    if (id == 0) return if_exists ? Status::OK() : UnknownTable(database, name);
    return DeleteById(conn, "tables", id);
  });
}

Status SqliteMetastore::RenameTable(const std::string& database, const std::string& name,
                                    const std::string& new_database, const std::string& new_name) {
  if (new_name.empty()) return Error(ErrorCode::BadArguments, "table name must not be empty");
  return Transact(TxKind::kWrite, [&](SqliteConnection& conn) -> Status {
    ASSIGN_OR_RETURN(DatabaseInfo from, RequireDatabase(conn, database));
    ASSIGN_OR_RETURN(int64_t id, FindTableId(conn, from.id, name));
    if (id == 0) return UnknownTable(database, name);
    ASSIGN_OR_RETURN(DatabaseInfo to, RequireDatabase(conn, new_database));
    ASSIGN_OR_RETURN(int64_t clash, FindTableId(conn, to.id, new_name));
    if (clash != 0) {
      return Error(ErrorCode::TableAlreadyExists,
                   "Table " + TableName(new_database, new_name) + " already exists");
    }
    ASSIGN_OR_RETURN(auto stmt, conn.Prepare("UPDATE tables SET database_id = ?, name = ?, "
                                             "updated_ms = ? WHERE id = ?"));
    return stmt.Bind(1, to.id).Bind(2, new_name).Bind(3, NowMs()).Bind(4, id).Run();
  });
}

template <typename Update>
Result<TableInfo> SqliteMetastore::CompareAndSwap(int64_t table_id, int64_t expected_version,
                                                  Update&& update) {
  TableInfo result;
  RETURN_IF_ERROR(Transact(TxKind::kWrite, [&](SqliteConnection& conn) -> Status {
    ASSIGN_OR_RETURN(auto stmt, conn.Prepare("SELECT t.version, d.name, t.name FROM tables t "
                                             "JOIN databases d ON d.id = t.database_id "
                                             "WHERE t.id = ?"));
    stmt.Bind(1, table_id);
    ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return UnknownTableId(table_id);
    int64_t version = stmt.ColumnInt(0);
    if (version != expected_version) {
      return Error(ErrorCode::TableVersionMismatched,
                   "table " + TableName(stmt.ColumnText(1), stmt.ColumnText(2)) +
                       " was changed by another transaction (version is " +
                       std::to_string(version) + ", expected " + std::to_string(expected_version) +
                       ")");
    }
    RETURN_IF_ERROR(update(conn, version + 1));
    ASSIGN_OR_RETURN(result, LoadTable(conn, table_id));
    return Status::OK();
  }));
  return result;
}

Result<TableInfo> SqliteMetastore::CommitSnapshot(int64_t table_id, int64_t expected_version,
                                                  const std::string& snapshot_location) {
  return CompareAndSwap(
      table_id, expected_version, [&](SqliteConnection& conn, int64_t new_version) -> Status {
        ASSIGN_OR_RETURN(auto stmt, conn.Prepare("UPDATE tables SET snapshot_location = ?, "
                                                 "version = ?, updated_ms = ? WHERE id = ?"));
        return stmt.Bind(1, snapshot_location)
            .Bind(2, new_version)
            .Bind(3, NowMs())
            .Bind(4, table_id)
            .Run();
      });
}

Result<TableInfo> SqliteMetastore::UpdateTableStorage(int64_t table_id, int64_t expected_version,
                                                      const StorageParams& storage,
                                                      const std::string& connection_name) {
  return CompareAndSwap(
      table_id, expected_version, [&](SqliteConnection& conn, int64_t new_version) -> Status {
        ASSIGN_OR_RETURN(std::string encoded,
                         EncodeStorage(storage, secrets_.get(), TableAad(table_id)));
        ASSIGN_OR_RETURN(auto stmt,
                         conn.Prepare("UPDATE tables SET storage = ?, connection_name = ?, "
                                      "version = ?, updated_ms = ? WHERE id = ?"));
        return stmt.Bind(1, encoded)
            .Bind(2, connection_name)
            .Bind(3, new_version)
            .Bind(4, NowMs())
            .Bind(5, table_id)
            .Run();
      });
}

// Connections ----------------------------------------------------------------------

Status SqliteMetastore::CreateConnection(const ConnectionInfo& info, CreateMode mode) {
  if (info.name.empty()) {
    return Error(ErrorCode::BadArguments, "connection name must not be empty");
  }
  return Transact(TxKind::kWrite, [&](SqliteConnection& conn) -> Status {
    ASSIGN_OR_RETURN(auto find, conn.Prepare("SELECT id FROM connections WHERE name = ?"));
    find.Bind(1, info.name);
    ASSIGN_OR_RETURN(bool exists, find.Step());
    if (exists) {
      if (mode == CreateMode::kIfNotExists) return Status::OK();
      if (mode == CreateMode::kCreate) {
        return Error(ErrorCode::ConnectionAlreadyExists,
                     "Connection '" + info.name + "' already exists.");
      }
      RETURN_IF_ERROR(DeleteById(conn, "connections", find.ColumnInt(0)));
    }
    ASSIGN_OR_RETURN(auto insert, conn.Prepare("INSERT INTO connections(name, storage_type, "
                                               "params, created_ms) VALUES (?, ?, '{}', ?)"));
    int64_t created = info.created_ms != 0 ? info.created_ms : NowMs();
    RETURN_IF_ERROR(insert.Bind(1, info.name).Bind(2, info.params.type).Bind(3, created).Run());
    int64_t id = conn.LastInsertRowId();
    ASSIGN_OR_RETURN(std::string params,
                     EncodeStorage(info.params, secrets_.get(), ConnectionAad(id)));
    ASSIGN_OR_RETURN(auto update, conn.Prepare("UPDATE connections SET params = ? WHERE id = ?"));
    return update.Bind(1, params).Bind(2, id).Run();
  });
}

Status SqliteMetastore::DropConnection(const std::string& name, bool if_exists) {
  return Transact(TxKind::kWrite, [&](SqliteConnection& conn) -> Status {
    ASSIGN_OR_RETURN(auto stmt, conn.Prepare("DELETE FROM connections WHERE name = ?"));
    RETURN_IF_ERROR(stmt.Bind(1, name).Run());
    if (conn.Changes() == 0 && !if_exists) return UnknownConnection(name);
    return Status::OK();
  });
}

Result<ConnectionInfo> SqliteMetastore::GetConnection(const std::string& name) {
  ConnectionInfo result;
  RETURN_IF_ERROR(Transact(TxKind::kRead, [&](SqliteConnection& conn) -> Status {
    ASSIGN_OR_RETURN(auto stmt, conn.Prepare("SELECT id, name, storage_type, params, created_ms "
                                             "FROM connections WHERE name = ?"));
    stmt.Bind(1, name);
    ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return UnknownConnection(name);
    ASSIGN_OR_RETURN(result, ConnectionFromRow(stmt, secrets_.get()));
    return Status::OK();
  }));
  return result;
}

Result<std::vector<ConnectionInfo>> SqliteMetastore::ListConnections() {
  std::vector<ConnectionInfo> result;
  RETURN_IF_ERROR(Transact(TxKind::kRead, [&](SqliteConnection& conn) -> Status {
    ASSIGN_OR_RETURN(auto stmt, conn.Prepare("SELECT id, name, storage_type, params, created_ms "
                                             "FROM connections ORDER BY name"));
    for (;;) {
      ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) break;
      ASSIGN_OR_RETURN(ConnectionInfo c, ConnectionFromRow(stmt, secrets_.get()));
      result.push_back(std::move(c));
    }
    return Status::OK();
  }));
  return result;
}

}  // namespace strata
