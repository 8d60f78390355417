// Adds a sentence to every "permission denied" failure of the store it wraps: what the
// user can do about it, e.g. how to give a table new credentials after a key was revoked.
// The storage layer knows nothing of tables; whoever opens the store writes the hint.
//
// Thread-safety: as the wrapped store; the hint is immutable.
#pragma once

#include <string>

#include "storage/object_store.h"

namespace strata {

class DenialHintObjectStore final : public ObjectStore {
 public:
  // `hint` is appended to the message after "; ". It must hold no secret.
  DenialHintObjectStore(ObjectStorePtr inner, std::string hint)
      : inner_(std::move(inner)), hint_(std::move(hint)) {}

  Result<std::string> Get(const std::string& key) override;
  Result<std::string> GetRange(const std::string& key, uint64_t offset, uint64_t length) override;
  Status Put(const std::string& key, std::string_view data) override;
  Result<ObjectMeta> Stat(const std::string& key) override;
  Result<std::vector<ObjectMeta>> List(const std::string& prefix) override;
  Status Delete(const std::string& key) override;
  Status DeleteMany(const std::vector<std::string>& keys) override;
  std::string Describe() const override { return inner_->Describe(); }

 private:
  Status Hinted(const Status& s) const;
  template <typename T>
  Result<T> Hinted(Result<T> r) const {
    if (r.ok()) return r;
    return Hinted(r.status());
  }

  const ObjectStorePtr inner_;
  const std::string hint_;
};

}  // namespace strata
