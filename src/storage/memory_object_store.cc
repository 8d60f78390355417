#include "storage/memory_object_store.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <map>
#include <mutex>

#include "storage/large_buffer.h"
#include "storage/object_key.h"

namespace strata {
namespace {

struct MemoryObject {
  std::shared_ptr<const std::string> data;  // shared so readers copy outside the lock
  int64_t last_modified_ms = 0;
  uint64_t version = 0;
};

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

struct MemoryObjectStore::Namespace {
  std::mutex mu;
  std::map<std::string, MemoryObject> objects;  // GUARDED_BY(mu)
  uint64_t next_version = 1;                    // GUARDED_BY(mu)
};

namespace {

struct Registry {
  std::mutex mu;
  std::map<std::string, std::shared_ptr<MemoryObjectStore::Namespace>> spaces;
};

Registry& GlobalRegistry() {
  static Registry* r = new Registry();  // never destroyed: stores may outlive static teardown
  return *r;
}

}  // namespace

std::shared_ptr<MemoryObjectStore> MemoryObjectStore::Open(const std::string& name) {
  Registry& r = GlobalRegistry();
  std::lock_guard<std::mutex> lock(r.mu);
  auto& ns = r.spaces[name];
  if (!ns) ns = std::make_shared<Namespace>();
  return std::shared_ptr<MemoryObjectStore>(new MemoryObjectStore(name, ns));
}

void MemoryObjectStore::ClearNamespace(const std::string& name) {
  std::shared_ptr<Namespace> ns;
  {
    Registry& r = GlobalRegistry();
    std::lock_guard<std::mutex> lock(r.mu);
    auto it = r.spaces.find(name);
    if (it == r.spaces.end()) return;
    ns = it->second;
  }
  std::lock_guard<std::mutex> lock(ns->mu);
  ns->objects.clear();
}

std::string MemoryObjectStore::Describe() const {
  std::string r = name_;
  if (!r.empty() && r.back() != '/') r += '/';
  return "memory://" + r;
}

Status MemoryObjectStore::NotFound(std::string_view op, const std::string& key) const {
  return Error(ErrorCode::StorageNotFound,
               std::string(op) + " '" + Describe() + key + "': object not found");
}

Result<std::string> MemoryObjectStore::Get(const std::string& key) {
  RETURN_IF_ERROR(CheckObjectKey("Get", key));
  std::shared_ptr<const std::string> data;
  {
    std::lock_guard<std::mutex> lock(ns_->mu);
    auto it = ns_->objects.find(key);
    if (it == ns_->objects.end()) return NotFound("Get", key);
    data = it->second.data;
  }
  std::string out = MakeLargeString(data->size());
  std::memcpy(out.data(), data->data(), data->size());
  return out;
}

Result<std::string> MemoryObjectStore::GetRange(const std::string& key, uint64_t offset,
                                                uint64_t length) {
  RETURN_IF_ERROR(CheckObjectKey("GetRange", key));
  std::shared_ptr<const std::string> data;
  {
    std::lock_guard<std::mutex> lock(ns_->mu);
    auto it = ns_->objects.find(key);
    if (it == ns_->objects.end()) return NotFound("GetRange", key);
    data = it->second.data;
  }
  if (offset >= data->size()) return std::string();
  return data->substr(offset, std::min<uint64_t>(length, data->size() - offset));
}

Status MemoryObjectStore::Put(const std::string& key, std::string_view data) {
  RETURN_IF_ERROR(CheckObjectKey("Put", key));
  auto copy = std::make_shared<const std::string>(data);
  std::lock_guard<std::mutex> lock(ns_->mu);
  MemoryObject& o = ns_->objects[key];
  o.data = std::move(copy);
  o.last_modified_ms = NowMs();
  o.version = ns_->next_version++;
  return Status::OK();
}

Result<ObjectMeta> MemoryObjectStore::Stat(const std::string& key) {
  RETURN_IF_ERROR(CheckObjectKey("Stat", key));
  std::lock_guard<std::mutex> lock(ns_->mu);
  auto it = ns_->objects.find(key);
  if (it == ns_->objects.end()) return NotFound("Stat", key);
  ObjectMeta m;
  m.key = key;
  m.size = it->second.data->size();
  m.last_modified_ms = it->second.last_modified_ms;
  m.etag = std::to_string(it->second.version);
  return m;
}

Result<std::vector<ObjectMeta>> MemoryObjectStore::List(const std::string& prefix) {
  RETURN_IF_ERROR(CheckListPrefix(prefix));
  std::vector<ObjectMeta> out;
  std::lock_guard<std::mutex> lock(ns_->mu);
  for (auto it = ns_->objects.lower_bound(prefix);
       it != ns_->objects.end() && it->first.starts_with(prefix); ++it) {
    ObjectMeta m;
    m.key = it->first;
    m.size = it->second.data->size();
    m.last_modified_ms = it->second.last_modified_ms;
    m.etag = std::to_string(it->second.version);
    out.push_back(std::move(m));
  }
  return out;
}

Status MemoryObjectStore::Delete(const std::string& key) {
  RETURN_IF_ERROR(CheckObjectKey("Delete", key));
  std::lock_guard<std::mutex> lock(ns_->mu);
  ns_->objects.erase(key);
  return Status::OK();
}

}  // namespace strata
