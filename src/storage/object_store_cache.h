// A process-wide cache of open object stores keyed by their full parameters, so that
// statements reuse HTTP connections and temporary credentials. Because credentials are
// part of the key, a table whose credentials were rotated gets a new store at once and
// the old one is never used for it again.
//
// Thread-safety: all methods may be called concurrently.
#pragma once

#include <list>
#include <mutex>
#include <string>
#include <utility>

#include "storage/object_store.h"

namespace strata {

class ObjectStoreCache {
 public:
  explicit ObjectStoreCache(size_t capacity = 64) : capacity_(capacity) {}

  // Returns the cached store for `params` or opens one.
  Result<ObjectStorePtr> Open(const StorageParams& params);

 private:
  size_t capacity_;
  std::mutex mu_;
  // Most recently used first. Linear search: the cache is small.
  std::list<std::pair<StorageParams, ObjectStorePtr>> entries_;  // GUARDED_BY(mu_)
};

}  // namespace strata
