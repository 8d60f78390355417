#include "storage/object_store.h"

namespace strata {

Status ObjectStore::DeleteMany(const std::vector<std::string>& keys) {
  for (const auto& k : keys) RETURN_IF_ERROR(Delete(k));
  return Status::OK();
}

}  // namespace strata
