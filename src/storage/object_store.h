// ObjectStore: the one interface to table data. Implementations: local directory
// (storage/local_object_store.h), in memory (storage/memory_object_store.h), S3
// (storage/s3/). Retries, timeouts and fault injection wrap an ObjectStore; they are not
// baked into a backend.
//
// Keys are relative to the store's root, '/'-separated, never starting with '/'.
// Objects are immutable in practice: strata never overwrites a key it has published, but
// every backend must still make Put atomic (a reader sees the old or the new object, never
// a mix) so that a crash mid-write leaves no torn object.
//
// Thread-safety: every method may be called from many threads at once.
//
// Errors: a missing object is StorageNotFound (3001); refused access
// StoragePermissionDenied (3002) or StorageOther (4000) with the service's reason; an
// outage StorageUnavailable (3901) with retryable() set. Messages name the operation and
// the key, never a credential.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "storage/storage_params.h"

namespace strata {

struct ObjectMeta {
  std::string key;
  uint64_t size = 0;
  int64_t last_modified_ms = 0;
  std::string etag;  // may be empty
};

class ObjectStore {
 public:
  virtual ~ObjectStore() = default;

  virtual Result<std::string> Get(const std::string& key) = 0;
  // Bytes [offset, offset + length) clipped to the object's end. A range starting at or
  // past the end returns an empty string (not an error) when the object exists.
  virtual Result<std::string> GetRange(const std::string& key, uint64_t offset,
                                       uint64_t length) = 0;
  // Creates or replaces the object atomically.
  virtual Status Put(const std::string& key, std::string_view data) = 0;
  virtual Result<ObjectMeta> Stat(const std::string& key) = 0;
  // All objects whose key starts with `prefix`, sorted by key. Not only one level.
  virtual Result<std::vector<ObjectMeta>> List(const std::string& prefix) = 0;
  // Deleting a missing object succeeds.
  virtual Status Delete(const std::string& key) = 0;
  virtual Status DeleteMany(const std::vector<std::string>& keys);

  // "s3://bucket/root/" / "fs:///dir/": for messages. Never includes credentials.
  virtual std::string Describe() const = 0;
};

using ObjectStorePtr = std::shared_ptr<ObjectStore>;

// Opens the backend `params.type` names. Does no I/O beyond what the backend needs to
// start (a local directory is created if missing). Unknown type: 4000
// "protocol <type> is not supported yet."
Result<ObjectStorePtr> OpenObjectStore(const StorageParams& params);

}  // namespace strata
