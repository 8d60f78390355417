#include "main/database_impl.h"

#include <filesystem>

#include "catalog/secret_box.h"
#include "catalog/sqlite_metastore.h"
#include "main/session_impl.h"

namespace strata {

Result<std::shared_ptr<Database>> Database::Open(const DatabaseOptions& options) {
  ASSIGN_OR_RETURN(std::shared_ptr<DatabaseImpl> db, DatabaseImpl::Open(options));
  return std::shared_ptr<Database>(std::move(db));
}

Result<std::shared_ptr<DatabaseImpl>> DatabaseImpl::Open(const DatabaseOptions& options) {
  namespace fs = std::filesystem;
  if (options.data_dir.empty()) {
    return Error(ErrorCode::BadArguments, "no data directory given");
  }
  std::error_code ec;
  fs::create_directories(options.data_dir, ec);
  if (ec) {
    return Error(ErrorCode::StorageOther,
                 "cannot create data directory '" + options.data_dir + "': " + ec.message());
  }
  fs::path dir = fs::absolute(options.data_dir, ec).lexically_normal();
  std::string dir_text = dir.string();
  while (dir_text.size() > 1 && dir_text.back() == '/') dir_text.pop_back();

  ASSIGN_OR_RETURN(std::shared_ptr<SecretBox> secrets,
                   SecretBox::FromEnvironmentOrKeyFile(dir_text));
  ASSIGN_OR_RETURN(std::shared_ptr<SqliteMetastore> metastore,
                   SqliteMetastore::Open(dir_text + "/metastore.db", secrets));
  StorageParams data;
  data.type = "fs";
  data.root = dir_text + "/data/";
  std::shared_ptr<DatabaseImpl> db(new DatabaseImpl(std::move(metastore), std::move(data)));
  if (options.table_storage) {
    ASSIGN_OR_RETURN(db->table_storage_, db->ResolveTableStorage(options));
    db->table_storage_connection_ = options.table_storage_connection;
  }
  return db;
}

Result<StorageParams> DatabaseImpl::ResolveTableStorage(const DatabaseOptions& options) {
  StorageParams params = *options.table_storage;
  if (params.type == "fs" && !params.root.empty() && params.root.front() != '/') {
    return Error(ErrorCode::BadArguments,
                 "the table storage directory must be an absolute path, not '" + params.root + "'");
  }
  if (!options.table_storage_connection.empty()) {
    ASSIGN_OR_RETURN(ConnectionInfo conn,
                     metastore_->GetConnection(options.table_storage_connection));
    if (conn.params.type != params.type) {
      return Error(ErrorCode::StorageOther, "connection '" + conn.name + "' is of storage type '" +
                                                conn.params.type + "' but the table storage '" +
                                                params.Location() + "' is of type '" + params.type +
                                                "'");
    }
    std::string bucket = params.bucket, root = params.root;
    params = conn.params;
    params.bucket = std::move(bucket);
    params.root = std::move(root);
  }
  return params;
}

std::unique_ptr<Session> DatabaseImpl::NewSession() {
  return std::make_unique<SessionImpl>(shared_from_this());
}

}  // namespace strata
