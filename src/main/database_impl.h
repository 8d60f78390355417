// The embedded Database: a data directory holding the SQLite metastore, the master key
// file and the data of ordinary tables.
//
//   <data_dir>/metastore.db   catalog (SQLite, WAL mode)
//   <data_dir>/master.key     AES-256 key for credentials at rest (0600), unless
//                             STRATA_MASTER_KEY is set
//   <data_dir>/data/          storage of ordinary tables (<db_id>/<table_id>/...)
//
// Thread-safety: DatabaseImpl is shared by every session; all members are thread-safe.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "catalog/metastore.h"
#include "main/database.h"
#include "storage/object_store_cache.h"

namespace strata {

class DatabaseImpl : public Database, public std::enable_shared_from_this<DatabaseImpl> {
 public:
  static Result<std::shared_ptr<DatabaseImpl>> Open(const DatabaseOptions& options);

  std::unique_ptr<Session> NewSession() override;

  const MetastorePtr& metastore() const { return metastore_; }
  ObjectStoreCache& stores() { return stores_; }
  const StorageParams& data_storage() const { return data_storage_; }
  const std::optional<StorageParams>& table_storage() const { return table_storage_; }
  const std::string& table_storage_connection() const { return table_storage_connection_; }

 private:
  DatabaseImpl(MetastorePtr metastore, StorageParams data_storage)
      : metastore_(std::move(metastore)), data_storage_(std::move(data_storage)) {}

  // DatabaseOptions::table_storage with its connection's credentials.
  Result<StorageParams> ResolveTableStorage(const DatabaseOptions& options);

  MetastorePtr metastore_;
  StorageParams data_storage_;
  std::optional<StorageParams> table_storage_;
  std::string table_storage_connection_;
  ObjectStoreCache stores_;
};

}  // namespace strata
