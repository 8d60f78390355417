#include "storage/storage_params.h"

namespace strata {

StorageParams StorageParams::WithSubRoot(const std::string& sub) const {
  StorageParams p = *this;
  if (!p.root.empty() && p.root.back() != '/') p.root += '/';
  p.root += sub;
  if (!p.root.empty() && p.root.back() != '/') p.root += '/';
  return p;
}

std::string StorageParams::Location() const {
  std::string r = root;
  if (!r.empty() && r.back() != '/') r += '/';
  if (type == "s3") return "s3://" + bucket + "/" + r;
  if (type == "fs") return "fs://" + (r.empty() || r.front() != '/' ? "/" + r : r);
  return type + "://" + r;
}

std::string MaskAccessKey(const std::string& id) {
  if (id.empty()) return "";
  if (id.size() <= 6) return "******";
  return id.substr(0, 2) + "***" + id.substr(id.size() - 2);
}

}  // namespace strata
