#include "interpreter/query_context.h"

#include <thread>

#include "storage/denial_hint_object_store.h"
#include "storage/object_store_cache.h"
#include "table/locations.h"

namespace strata {

StorageParams QueryContext::TableStorage(const TableInfo& table) const {
  return TableStorageParams(table, default_storage_);
}

Result<ObjectStorePtr> QueryContext::OpenStore(const StorageParams& params) {
  return stores_.Open(params);
}

Result<ObjectStorePtr> QueryContext::OpenTableStore(const TableInfo& table) {
  StorageParams params = TableStorage(table);
  std::string hint;
  if (table.external) {
    hint = "if the table's keys were rotated or revoked, give it new ones with ALTER TABLE `" +
           table.database + "`.`" + table.name + "` CONNECTION = (connection_name = '…')";
  } else if (!table.connection_name.empty()) {
    auto conn = metastore_->GetConnection(table.connection_name);
    if (!conn.ok()) {
      return conn.status().WithContext(TableContext(table) +
                                       " takes its storage credentials from a connection");
    }
    params.credentials = conn->params.credentials;
    hint = "the table uses the credentials of connection '" + table.connection_name +
           "': if they were rotated or revoked, replace it with CREATE OR REPLACE CONNECTION";
  }
  ASSIGN_OR_RETURN(ObjectStorePtr store, OpenStore(params));
  if (hint.empty()) return store;
  return ObjectStorePtr(std::make_shared<DenialHintObjectStore>(std::move(store), hint));
}

Status QueryContext::CheckCancelled() const {
  if (cancel_flag_ == nullptr || !cancel_flag_->load(std::memory_order_relaxed)) {
    return Status::OK();
  }
  return Error(ErrorCode::AbortedQuery, "Aborted query, because the query was killed.");
}

namespace {

size_t SettingOr(const std::map<std::string, std::string>& settings, const std::string& name,
                 size_t fallback) {
  auto it = settings.find(name);
  if (it == settings.end()) return fallback;
  try {
    long long v = std::stoll(it->second);
    return v > 0 ? static_cast<size_t>(v) : fallback;
  } catch (...) {
    return fallback;
  }
}

}  // namespace

size_t QueryContext::max_threads() const {
  size_t hw = std::max<size_t>(1, std::thread::hardware_concurrency());
  return SettingOr(session_.settings, "max_threads", hw);
}

size_t QueryContext::block_rows() const {
  return SettingOr(session_.settings, "block_rows", 1000000);
}

}  // namespace strata
