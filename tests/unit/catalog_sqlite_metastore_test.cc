#include "catalog/sqlite_metastore.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "catalog_test_env.h"

namespace strata {
namespace {

class SqliteMetastoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.File("meta.db");
    ms_ = OpenTestMetastore(path_);
    ASSERT_NE(ms_, nullptr);
  }

  TableInfo MakeTable(const std::string& db, const std::string& name) {
    TableInfo t;
    t.database = db;
    t.name = name;
    t.columns = {{"id", DataType(TypeId::Int64), false, ""},
                 {"price", DataType::Decimal(10, 2), true, "0.00"},
                 {"name", DataType(TypeId::String), true, "'n/a'"}};
    return t;
  }

  TableInfo MakeExternalTable(const std::string& db, const std::string& name) {
    TableInfo t = MakeTable(db, name);
    t.external = true;
    t.connection_name = "conn1";
    t.storage.type = "s3";
    t.storage.bucket = "bkt";
    t.storage.root = "ext/";
    t.storage.endpoint_url = "http://127.0.0.1:7480";
    t.storage.region = "us-east-1";
    t.storage.virtual_host_style = true;
    t.storage.credentials.access_key_id = "AKIAEXAMPLEKEY01";
    t.storage.credentials.secret_access_key = "s3cr3t/KEY+value";
    t.storage.credentials.session_token = "token-123";
    return t;
  }

  // Runs one SQL statement directly against the file, bypassing the metastore.
  void RawExec(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    char* err = nullptr;
    int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    EXPECT_EQ(rc, SQLITE_OK) << (err ? err : "");
    sqlite3_free(err);
    sqlite3_close(db);
  }

  int64_t RawCount(const std::string& sql) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK);
    int64_t n = -1;
    if (sqlite3_step(stmt) == SQLITE_ROW) n = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return n;
  }

  CatalogTempDir dir_;
  std::string path_;
  std::shared_ptr<SqliteMetastore> ms_;
};

// Databases ------------------------------------------------------------------------

TEST_F(SqliteMetastoreTest, FirstOpenCreatesTheDefaultDatabase) {
  auto dbs = ms_->ListDatabases();
  ASSERT_TRUE(dbs.ok());
  ASSERT_EQ(dbs->size(), 1u);
  EXPECT_EQ((*dbs)[0].name, "default");
  EXPECT_GT((*dbs)[0].id, 0);
  EXPECT_GT((*dbs)[0].created_ms, 0);
  EXPECT_EQ(*ms_->SchemaVersion(), SqliteMetastore::kSchemaVersion);
}

TEST_F(SqliteMetastoreTest, CreateDatabaseModes) {
  auto a = ms_->CreateDatabase("sales", CreateMode::kCreate);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->name, "sales");

  auto dup = ms_->CreateDatabase("sales", CreateMode::kCreate);
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.status().code(), ErrorCode::DatabaseAlreadyExists);
  EXPECT_EQ(dup.status().message(), "Database 'sales' already exists");

  auto same = ms_->CreateDatabase("sales", CreateMode::kIfNotExists);
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->id, a->id);

  ASSERT_TRUE(ms_->CreateTable(MakeTable("sales", "t"), CreateMode::kCreate).ok());
  auto replaced = ms_->CreateDatabase("sales", CreateMode::kOrReplace);
  ASSERT_TRUE(replaced.ok());
  EXPECT_GT(replaced->id, a->id);
  EXPECT_TRUE(ms_->ListTables("sales")->empty()) << "replacing a database drops its tables";

  auto got = ms_->GetDatabase("sales");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->id, replaced->id);
}

TEST_F(SqliteMetastoreTest, SystemDatabaseIsReserved) {
  for (CreateMode mode : {CreateMode::kCreate, CreateMode::kIfNotExists, CreateMode::kOrReplace}) {
    auto r = ms_->CreateDatabase("system", mode);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), ErrorCode::DatabaseAlreadyExists);
    EXPECT_NE(r.status().message().find("built-in"), std::string::npos);
  }
  Status drop = ms_->DropDatabase("system", true);
  EXPECT_EQ(drop.code(), ErrorCode::BadArguments);
}

TEST_F(SqliteMetastoreTest, DropDatabase) {
  Status missing = ms_->DropDatabase("nope", false);
  EXPECT_EQ(missing.code(), ErrorCode::UnknownDatabase);
  EXPECT_EQ(missing.message(), "Unknown database 'nope'");
  EXPECT_TRUE(ms_->DropDatabase("nope", true).ok());

  auto db = ms_->CreateDatabase("d1", CreateMode::kCreate);
  ASSERT_TRUE(ms_->CreateTable(MakeTable("d1", "t1"), CreateMode::kCreate).ok());
  ASSERT_TRUE(ms_->DropDatabase("d1", false).ok());
  EXPECT_EQ(ms_->GetDatabase("d1").status().code(), ErrorCode::UnknownDatabase);
  EXPECT_EQ(ms_->ListTables("").value().size(), 0u);
  EXPECT_EQ(RawCount("SELECT count(*) FROM tables"), 0);

  auto again = ms_->CreateDatabase("d1", CreateMode::kCreate);
  ASSERT_TRUE(again.ok());
  EXPECT_GT(again->id, db->id) << "database ids are never reused";
}

TEST_F(SqliteMetastoreTest, DefaultDatabaseCanBeDroppedAndRecreated) {
  ASSERT_TRUE(ms_->DropDatabase("default", false).ok());
  EXPECT_EQ(ms_->GetDatabase("default").status().code(), ErrorCode::UnknownDatabase);
  ASSERT_TRUE(ms_->CreateDatabase("default", CreateMode::kCreate).ok());
}

TEST_F(SqliteMetastoreTest, ListDatabasesIsSortedByName) {
  ASSERT_TRUE(ms_->CreateDatabase("zeta", CreateMode::kCreate).ok());
  ASSERT_TRUE(ms_->CreateDatabase("alpha", CreateMode::kCreate).ok());
  auto dbs = ms_->ListDatabases();
  ASSERT_TRUE(dbs.ok());
  ASSERT_EQ(dbs->size(), 3u);
  EXPECT_EQ((*dbs)[0].name, "alpha");
  EXPECT_EQ((*dbs)[1].name, "default");
  EXPECT_EQ((*dbs)[2].name, "zeta");
}

// Tables ---------------------------------------------------------------------------

TEST_F(SqliteMetastoreTest, CreateAndGetTableRoundTripsEveryField) {
  auto created = ms_->CreateTable(MakeExternalTable("default", "events"), CreateMode::kCreate);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_GT(created->id, 0);
  EXPECT_EQ(created->version, 1);
  EXPECT_GT(created->created_ms, 0);
  EXPECT_EQ(created->created_ms, created->updated_ms);
  EXPECT_EQ(created->database_id, ms_->GetDatabase("default")->id);

  auto got = ms_->GetTable("default", "events");
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  TableInfo want = MakeExternalTable("default", "events");
  EXPECT_EQ(got->id, created->id);
  EXPECT_EQ(got->database, "default");
  EXPECT_EQ(got->database_id, created->database_id);
  ASSERT_EQ(got->columns.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(got->columns[i].name, want.columns[i].name);
    EXPECT_EQ(got->columns[i].type, want.columns[i].type);
    EXPECT_EQ(got->columns[i].nullable, want.columns[i].nullable);
    EXPECT_EQ(got->columns[i].default_expr, want.columns[i].default_expr);
  }
  EXPECT_EQ(got->storage, want.storage);
  EXPECT_TRUE(got->external);
  EXPECT_EQ(got->connection_name, "conn1");
  EXPECT_EQ(got->snapshot_location, "");
  EXPECT_EQ(got->version, 1);
  EXPECT_EQ(got->created_ms, created->created_ms);
}

TEST_F(SqliteMetastoreTest, CreateTableModes) {
  auto first = ms_->CreateTable(MakeTable("default", "t"), CreateMode::kCreate);
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(ms_->CommitSnapshot(first->id, 1, "snap/1.json").ok());

  auto dup = ms_->CreateTable(MakeTable("default", "t"), CreateMode::kCreate);
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.status().code(), ErrorCode::TableAlreadyExists);
  EXPECT_EQ(dup.status().message(), "Table `default`.`t` already exists");

  auto existing = ms_->CreateTable(MakeTable("default", "t"), CreateMode::kIfNotExists);
  ASSERT_TRUE(existing.ok());
  EXPECT_EQ(existing->id, first->id);
  EXPECT_EQ(existing->snapshot_location, "snap/1.json");

  auto replaced = ms_->CreateTable(MakeTable("default", "t"), CreateMode::kOrReplace);
  ASSERT_TRUE(replaced.ok());
  EXPECT_GT(replaced->id, first->id);
  EXPECT_EQ(replaced->version, 1);
  auto got = ms_->GetTable("default", "t");
  EXPECT_EQ(got->id, replaced->id);
  EXPECT_EQ(got->snapshot_location, "");
  EXPECT_EQ(ms_->ListTables("default")->size(), 1u);
}

TEST_F(SqliteMetastoreTest, CreateTableInUnknownDatabase) {
  auto r = ms_->CreateTable(MakeTable("nodb", "t"), CreateMode::kCreate);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::UnknownDatabase);
  EXPECT_EQ(r.status().message(), "Unknown database 'nodb'");
}

TEST_F(SqliteMetastoreTest, GetUnknownTable) {
  auto r = ms_->GetTable("default", "nope");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::UnknownTable);
  EXPECT_EQ(r.status().message(), "Unknown table `default`.`nope`");
  EXPECT_EQ(ms_->GetTable("nodb", "t").status().code(), ErrorCode::UnknownDatabase);
}

TEST_F(SqliteMetastoreTest, ListTables) {
  ASSERT_TRUE(ms_->CreateDatabase("b", CreateMode::kCreate).ok());
  ASSERT_TRUE(ms_->CreateTable(MakeTable("default", "y"), CreateMode::kCreate).ok());
  ASSERT_TRUE(ms_->CreateTable(MakeTable("default", "x"), CreateMode::kCreate).ok());
  ASSERT_TRUE(ms_->CreateTable(MakeTable("b", "z"), CreateMode::kCreate).ok());

  auto all = ms_->ListTables("");
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].database + "." + (*all)[0].name, "b.z");
  EXPECT_EQ((*all)[1].database + "." + (*all)[1].name, "default.x");
  EXPECT_EQ((*all)[2].database + "." + (*all)[2].name, "default.y");
  EXPECT_EQ((*all)[1].columns.size(), 3u);

  auto in_default = ms_->ListTables("default");
  ASSERT_TRUE(in_default.ok());
  ASSERT_EQ(in_default->size(), 2u);
  EXPECT_EQ((*in_default)[0].name, "x");

  EXPECT_EQ(ms_->ListTables("nodb").status().code(), ErrorCode::UnknownDatabase);
}

TEST_F(SqliteMetastoreTest, DropTable) {
  auto t = ms_->CreateTable(MakeTable("default", "t"), CreateMode::kCreate);
  ASSERT_TRUE(ms_->DropTable("default", "t", false).ok());
  EXPECT_EQ(ms_->GetTable("default", "t").status().code(), ErrorCode::UnknownTable);

  Status missing = ms_->DropTable("default", "t", false);
  EXPECT_EQ(missing.code(), ErrorCode::UnknownTable);
  EXPECT_EQ(missing.message(), "Unknown table `default`.`t`");
  EXPECT_TRUE(ms_->DropTable("default", "t", true).ok());
  EXPECT_EQ(ms_->DropTable("nodb", "t", false).code(), ErrorCode::UnknownDatabase);
  EXPECT_TRUE(ms_->DropTable("nodb", "t", true).ok());

  // The dropped table had the highest id; a re-created one must still get a new id,
  // or it would pick up the old table's files.
  auto again = ms_->CreateTable(MakeTable("default", "t"), CreateMode::kCreate);
  ASSERT_TRUE(again.ok());
  EXPECT_GT(again->id, t->id);
}

TEST_F(SqliteMetastoreTest, RenameTable) {
  ASSERT_TRUE(ms_->CreateDatabase("other", CreateMode::kCreate).ok());
  auto t = ms_->CreateTable(MakeExternalTable("default", "t"), CreateMode::kCreate);
  ASSERT_TRUE(t.ok());
  ASSERT_TRUE(ms_->CreateTable(MakeTable("other", "taken"), CreateMode::kCreate).ok());

  ASSERT_TRUE(ms_->RenameTable("default", "t", "other", "moved").ok());
  EXPECT_EQ(ms_->GetTable("default", "t").status().code(), ErrorCode::UnknownTable);
  auto moved = ms_->GetTable("other", "moved");
  ASSERT_TRUE(moved.ok()) << moved.status().ToString();
  EXPECT_EQ(moved->id, t->id);
  EXPECT_EQ(moved->database, "other");
  EXPECT_EQ(moved->version, t->version);
  EXPECT_EQ(moved->storage.credentials.secret_access_key, "s3cr3t/KEY+value");

  Status clash = ms_->RenameTable("other", "moved", "other", "taken");
  EXPECT_EQ(clash.code(), ErrorCode::TableAlreadyExists);
  EXPECT_EQ(ms_->RenameTable("other", "nope", "other", "x").code(), ErrorCode::UnknownTable);
  EXPECT_EQ(ms_->RenameTable("other", "moved", "nodb", "x").code(), ErrorCode::UnknownDatabase);
  EXPECT_EQ(ms_->RenameTable("nodb", "moved", "other", "x").code(), ErrorCode::UnknownDatabase);
}

TEST_F(SqliteMetastoreTest, CommitSnapshotIsACompareAndSwap) {
  auto t = ms_->CreateTable(MakeTable("default", "t"), CreateMode::kCreate);
  ASSERT_TRUE(t.ok());
  auto v2 = ms_->CommitSnapshot(t->id, 1, "_ss/a.json");
  ASSERT_TRUE(v2.ok()) << v2.status().ToString();
  EXPECT_EQ(v2->version, 2);
  EXPECT_EQ(v2->snapshot_location, "_ss/a.json");
  EXPECT_GE(v2->updated_ms, t->updated_ms);
  EXPECT_EQ(v2->columns.size(), 3u);

  auto stale = ms_->CommitSnapshot(t->id, 1, "_ss/b.json");
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.status().code(), ErrorCode::TableVersionMismatched);
  EXPECT_EQ(ms_->GetTable("default", "t")->snapshot_location, "_ss/a.json");

  ASSERT_TRUE(ms_->DropTable("default", "t", false).ok());
  auto gone = ms_->CommitSnapshot(t->id, 2, "_ss/c.json");
  ASSERT_FALSE(gone.ok());
  EXPECT_EQ(gone.status().code(), ErrorCode::UnknownTable);
}

TEST_F(SqliteMetastoreTest, UpdateTableStorageIsACompareAndSwap) {
  auto t = ms_->CreateTable(MakeExternalTable("default", "t"), CreateMode::kCreate);
  ASSERT_TRUE(t.ok());
  StorageParams rotated = t->storage;
  rotated.credentials = {};
  rotated.credentials.role_arn = "arn:aws:iam::1:role/reader";
  rotated.credentials.external_id = "ext";

  auto v2 = ms_->UpdateTableStorage(t->id, 1, rotated, "conn2");
  ASSERT_TRUE(v2.ok()) << v2.status().ToString();
  EXPECT_EQ(v2->version, 2);
  EXPECT_EQ(v2->connection_name, "conn2");
  auto got = ms_->GetTable("default", "t");
  EXPECT_EQ(got->storage, rotated);
  EXPECT_EQ(got->connection_name, "conn2");

  auto stale = ms_->UpdateTableStorage(t->id, 1, t->storage, "conn1");
  EXPECT_EQ(stale.status().code(), ErrorCode::TableVersionMismatched);
  EXPECT_EQ(ms_->GetTable("default", "t")->storage, rotated);
  EXPECT_EQ(ms_->UpdateTableStorage(987654, 1, rotated, "").status().code(),
            ErrorCode::UnknownTable);
}

// Connections ----------------------------------------------------------------------

ConnectionInfo MakeConnection(const std::string& name, const std::string& key_id) {
  ConnectionInfo c;
  c.name = name;
  c.params.type = "s3";
  c.params.endpoint_url = "http://127.0.0.1:7480";
  c.params.credentials.access_key_id = key_id;
  c.params.credentials.secret_access_key = "secret-for-" + key_id;
  return c;
}

TEST_F(SqliteMetastoreTest, Connections) {
  ASSERT_TRUE(
      ms_->CreateConnection(MakeConnection("c1", "AKIA0000000001"), CreateMode::kCreate).ok());
  Status dup = ms_->CreateConnection(MakeConnection("c1", "AKIA0000000002"), CreateMode::kCreate);
  EXPECT_EQ(dup.code(), ErrorCode::ConnectionAlreadyExists);
  EXPECT_EQ(dup.message(), "Connection 'c1' already exists.");

  ASSERT_TRUE(
      ms_->CreateConnection(MakeConnection("c1", "AKIA0000000002"), CreateMode::kIfNotExists).ok());
  auto got = ms_->GetConnection("c1");
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->name, "c1");
  EXPECT_EQ(got->params, MakeConnection("c1", "AKIA0000000001").params);
  EXPECT_GT(got->created_ms, 0);

  ASSERT_TRUE(
      ms_->CreateConnection(MakeConnection("c1", "AKIA0000000002"), CreateMode::kOrReplace).ok());
  EXPECT_EQ(ms_->GetConnection("c1")->params.credentials.access_key_id, "AKIA0000000002");

  ConnectionInfo fs_conn;
  fs_conn.name = "a_fs";
  fs_conn.params.type = "fs";
  ASSERT_TRUE(ms_->CreateConnection(fs_conn, CreateMode::kCreate).ok());
  auto all = ms_->ListConnections();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].name, "a_fs");
  EXPECT_EQ((*all)[0].params.type, "fs");
  EXPECT_EQ((*all)[1].name, "c1");

  auto missing = ms_->GetConnection("nope");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), ErrorCode::UnknownConnection);
  EXPECT_EQ(missing.status().message(), "Connection 'nope' does not exist.");

  ASSERT_TRUE(ms_->DropConnection("c1", false).ok());
  Status again = ms_->DropConnection("c1", false);
  EXPECT_EQ(again.code(), ErrorCode::UnknownConnection);
  EXPECT_EQ(again.message(), "Connection 'c1' does not exist.");
  EXPECT_TRUE(ms_->DropConnection("c1", true).ok());
}

TEST_F(SqliteMetastoreTest, TablesKeepTheirCopyWhenTheConnectionChanges) {
  ASSERT_TRUE(
      ms_->CreateConnection(MakeConnection("c", "AKIA0000000001"), CreateMode::kCreate).ok());
  TableInfo t = MakeExternalTable("default", "t");
  t.storage.credentials = ms_->GetConnection("c")->params.credentials;
  ASSERT_TRUE(ms_->CreateTable(t, CreateMode::kCreate).ok());
  ASSERT_TRUE(
      ms_->CreateConnection(MakeConnection("c", "AKIA0000000002"), CreateMode::kOrReplace).ok());
  ASSERT_TRUE(ms_->DropConnection("c", false).ok());
  EXPECT_EQ(ms_->GetTable("default", "t")->storage.credentials.access_key_id, "AKIA0000000001");
}

// Schema and reopening -------------------------------------------------------------

TEST_F(SqliteMetastoreTest, ReopenKeepsDataAndRunsMigrationsOnce) {
  ASSERT_TRUE(ms_->CreateDatabase("kept", CreateMode::kCreate).ok());
  auto t = ms_->CreateTable(MakeExternalTable("kept", "t"), CreateMode::kCreate);
  ASSERT_TRUE(ms_->CommitSnapshot(t->id, 1, "snap").ok());
  // Dropping `default` proves migration 1 (which creates it) does not run again.
  ASSERT_TRUE(ms_->DropDatabase("default", false).ok());
  ms_.reset();

  for (int i = 0; i < 3; ++i) {
    auto ms = OpenTestMetastore(path_);
    ASSERT_NE(ms, nullptr);
    EXPECT_EQ(ms->GetDatabase("default").status().code(), ErrorCode::UnknownDatabase);
    auto got = ms->GetTable("kept", "t");
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    EXPECT_EQ(got->version, 2);
    EXPECT_EQ(got->snapshot_location, "snap");
    EXPECT_EQ(got->storage, MakeExternalTable("kept", "t").storage);
  }
  EXPECT_EQ(RawCount("SELECT count(*) FROM schema_migrations"), SqliteMetastore::kSchemaVersion);
  EXPECT_EQ(RawCount("PRAGMA user_version"), SqliteMetastore::kSchemaVersion);
  EXPECT_EQ(RawCount("SELECT count(*) FROM databases WHERE name = 'default'"), 0);
}

TEST_F(SqliteMetastoreTest, FileInWalMode) {
  EXPECT_EQ(RawCount("SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"), 1);
}

TEST_F(SqliteMetastoreTest, NewerSchemaVersionIsRefused) {
  ms_.reset();
  RawExec("PRAGMA user_version = 99");
  auto r = SqliteMetastore::Open(path_, TestSecretBox());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::MetaStorageError);
  EXPECT_NE(r.status().message().find("schema version 99"), std::string::npos)
      << r.status().message();
  EXPECT_NE(r.status().message().find("newer"), std::string::npos);
}

TEST_F(SqliteMetastoreTest, NotADatabaseFileIsAnError) {
  std::string bad = dir_.File("garbage.db");
  FILE* f = fopen(bad.c_str(), "w");
  ASSERT_NE(f, nullptr);
  fputs("this is not a sqlite database, just some text that is long enough", f);
  fclose(f);
  auto r = SqliteMetastore::Open(bad, TestSecretBox());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::MetaStorageError);
}

TEST_F(SqliteMetastoreTest, MissingDirectoryIsAnError) {
  auto r = SqliteMetastore::Open(dir_.File("no/such/dir/meta.db"), TestSecretBox());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::MetaStorageError);
}

}  // namespace
}  // namespace strata
