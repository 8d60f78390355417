#include "storage/object_store.h"

#include "storage/local_object_store.h"
#include "storage/memory_object_store.h"
#include "storage/retrying_object_store.h"
#include "storage/s3/s3_object_store.h"

namespace strata {

Status ObjectStore::DeleteMany(const std::vector<std::string>& keys) {
  for (const auto& k : keys) RETURN_IF_ERROR(Delete(k));
  return Status::OK();
}

Result<ObjectStorePtr> OpenObjectStore(const StorageParams& params) {
  if (params.type == "fs") {
    ASSIGN_OR_RETURN(auto store, LocalObjectStore::Open(params.root));
    return ObjectStorePtr(std::move(store));
  }
  if (params.type == "memory") return ObjectStorePtr(MemoryObjectStore::Open(params.root));
  if (params.type == "s3") {
    ASSIGN_OR_RETURN(auto store, S3ObjectStore::Open(params));
    return ObjectStorePtr(std::make_shared<RetryingObjectStore>(std::move(store)));
  }
  return Error(ErrorCode::StorageOther, "protocol " + params.type + " is not supported yet.");
}

}  // namespace strata
