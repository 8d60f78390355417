// ObjectStore in process memory, for tests and for `memory` storage. Objects live in a
// process-wide namespace named by StorageParams::root, so two stores opened on the same
// namespace see the same objects (as two handles on one bucket would).
//
// Thread-safety: every method may be called from many threads at once; each namespace is
// guarded by its own mutex, held only to look up or swap an object, never while copying data.
#pragma once

#include <string>

#include "storage/object_store.h"

namespace strata {

class MemoryObjectStore final : public ObjectStore {
 public:
  // Opens (creating on first use) the namespace `name`.
  static std::shared_ptr<MemoryObjectStore> Open(const std::string& name);
  // Removes every object of namespace `name`; stores already open on it see it empty.
  static void ClearNamespace(const std::string& name);

  Result<std::string> Get(const std::string& key) override;
  Result<std::string> GetRange(const std::string& key, uint64_t offset, uint64_t length) override;
  Status Put(const std::string& key, std::string_view data) override;
  Result<ObjectMeta> Stat(const std::string& key) override;
  Result<std::vector<ObjectMeta>> List(const std::string& prefix) override;
  Status Delete(const std::string& key) override;
  std::string Describe() const override;

  struct Namespace;

 private:
  MemoryObjectStore(std::string name, std::shared_ptr<Namespace> ns)
      : name_(std::move(name)), ns_(std::move(ns)) {}

  Status NotFound(std::string_view op, const std::string& key) const;

  const std::string name_;
  const std::shared_ptr<Namespace> ns_;
};

}  // namespace strata
