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
  return std::shared_ptr<DatabaseImpl>(new DatabaseImpl(std::move(metastore), std::move(data)));
}

std::unique_ptr<Session> DatabaseImpl::NewSession() {
  return std::make_unique<SessionImpl>(shared_from_this());
}

}  // namespace strata
