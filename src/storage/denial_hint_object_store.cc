#include "storage/denial_hint_object_store.h"

namespace strata {

Status DenialHintObjectStore::Hinted(const Status& s) const {
  if (s.code() != ErrorCode::StoragePermissionDenied) return s;
  Status hinted(s.code(), s.message() + "; " + hint_);
  hinted.set_retryable(s.retryable());
  return hinted;
}

Result<std::string> DenialHintObjectStore::Get(const std::string& key) {
  return Hinted(inner_->Get(key));
}

Result<std::string> DenialHintObjectStore::GetRange(const std::string& key, uint64_t offset,
                                                    uint64_t length) {
  return Hinted(inner_->GetRange(key, offset, length));
}

Status DenialHintObjectStore::Put(const std::string& key, std::string_view data) {
  return Hinted(inner_->Put(key, data));
}

Result<ObjectMeta> DenialHintObjectStore::Stat(const std::string& key) {
  return Hinted(inner_->Stat(key));
}

Result<std::vector<ObjectMeta>> DenialHintObjectStore::List(const std::string& prefix) {
  return Hinted(inner_->List(prefix));
}

Status DenialHintObjectStore::Delete(const std::string& key) { return Hinted(inner_->Delete(key)); }

Status DenialHintObjectStore::DeleteMany(const std::vector<std::string>& keys) {
  return Hinted(inner_->DeleteMany(keys));
}

}  // namespace strata
