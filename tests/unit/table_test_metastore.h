// TEMPORARY: an in-memory Metastore for the table tests until the SQLite metastore
// (catalog/sqlite_metastore.h) lands on main; then the tests switch to it and this file
// is deleted. Implements only what the table layer uses, with the contract's
// compare-and-swap semantics.
#pragma once

#include <map>
#include <mutex>

#include "catalog/metastore.h"

namespace strata {

class TestMetastore final : public Metastore {
 public:
  Result<DatabaseInfo> CreateDatabase(const std::string& name, CreateMode) override {
    std::lock_guard<std::mutex> lock(mu_);
    DatabaseInfo db{next_id_++, name, 0};
    databases_[name] = db;
    return db;
  }
  Status DropDatabase(const std::string&, bool) override { return Unimplemented(); }
  Result<DatabaseInfo> GetDatabase(const std::string& name) override {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = databases_.find(name);
    if (it == databases_.end()) return Error(ErrorCode::UnknownDatabase, "Unknown database");
    return it->second;
  }
  Result<std::vector<DatabaseInfo>> ListDatabases() override { return Unimplemented(); }

  Result<TableInfo> CreateTable(TableInfo info, CreateMode) override {
    std::lock_guard<std::mutex> lock(mu_);
    auto db = databases_.find(info.database);
    if (db == databases_.end()) return Error(ErrorCode::UnknownDatabase, "Unknown database");
    info.id = next_id_++;
    info.database_id = db->second.id;
    info.version = 1;
    tables_[{info.database, info.name}] = info;
    return info;
  }
  Result<TableInfo> GetTable(const std::string& database, const std::string& name) override {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = tables_.find({database, name});
    if (it == tables_.end()) return Error(ErrorCode::UnknownTable, "Unknown table");
    return it->second;
  }
  Result<std::vector<TableInfo>> ListTables(const std::string&) override { return Unimplemented(); }
  Status DropTable(const std::string& database, const std::string& name, bool) override {
    std::lock_guard<std::mutex> lock(mu_);
    tables_.erase({database, name});
    return Status::OK();
  }
  Status RenameTable(const std::string&, const std::string&, const std::string&,
                     const std::string&) override {
    return Unimplemented();
  }
  Result<TableInfo> CommitSnapshot(int64_t table_id, int64_t expected_version,
                                   const std::string& snapshot_location) override {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto& [key, t] : tables_) {
      if (t.id != table_id) continue;
      if (t.version != expected_version) {
        return Error(ErrorCode::TableVersionMismatched, "version mismatch");
      }
      t.version++;
      t.snapshot_location = snapshot_location;
      return t;
    }
    return Error(ErrorCode::UnknownTable, "Unknown table");
  }
  Result<TableInfo> UpdateTableStorage(int64_t, int64_t, const StorageParams&,
                                       const std::string&) override {
    return Unimplemented();
  }
  Status CreateConnection(const ConnectionInfo&, CreateMode) override { return Unimplemented(); }
  Status DropConnection(const std::string&, bool) override { return Unimplemented(); }
  Result<ConnectionInfo> GetConnection(const std::string&) override { return Unimplemented(); }
  Result<std::vector<ConnectionInfo>> ListConnections() override { return Unimplemented(); }

 private:
  static Status Unimplemented() { return Error(ErrorCode::Unimplemented, "test metastore"); }

  std::mutex mu_;
  int64_t next_id_ = 1;
  std::map<std::string, DatabaseInfo> databases_;
  std::map<std::pair<std::string, std::string>, TableInfo> tables_;
};

}  // namespace strata
