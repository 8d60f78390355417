#include "storage/object_store_cache.h"

namespace strata {

Result<ObjectStorePtr> ObjectStoreCache::Open(const StorageParams& params) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if (it->first == params) {
        entries_.splice(entries_.begin(), entries_, it);
        return entries_.front().second;
      }
    }
  }
  // Opened outside the lock: opening may do I/O (creating a directory).
  ASSIGN_OR_RETURN(ObjectStorePtr store, OpenObjectStore(params));
  std::lock_guard<std::mutex> lock(mu_);
  entries_.emplace_front(params, store);
  while (entries_.size() > capacity_) entries_.pop_back();
  return store;
}

}  // namespace strata
