#include "storage/fault_injecting_object_store.h"

namespace strata {
namespace {

const char* OpName(ObjectStoreOp op) {
  switch (op) {
    case ObjectStoreOp::kGet:
      return "Get";
    case ObjectStoreOp::kGetRange:
      return "GetRange";
    case ObjectStoreOp::kPut:
      return "Put";
    case ObjectStoreOp::kStat:
      return "Stat";
    case ObjectStoreOp::kList:
      return "List";
    case ObjectStoreOp::kDelete:
      return "Delete";
    case ObjectStoreOp::kDeleteMany:
      return "DeleteMany";
  }
  return "?";
}

}  // namespace

FaultInjectingObjectStore::FaultInjectingObjectStore(ObjectStorePtr inner, uint64_t seed)
    : inner_(std::move(inner)), rng_(seed) {}

void FaultInjectingObjectStore::FailNext(ObjectStoreOp op, int times, Status error) {
  std::lock_guard<std::mutex> lock(mu_);
  Plan& p = plans_[static_cast<size_t>(op)];
  p.fail_next = times;
  p.error = std::move(error);
}

void FaultInjectingObjectStore::FailWithProbability(ObjectStoreOp op, double probability,
                                                    Status error) {
  std::lock_guard<std::mutex> lock(mu_);
  Plan& p = plans_[static_cast<size_t>(op)];
  p.probability = probability;
  p.error = std::move(error);
}

void FaultInjectingObjectStore::SetFailPutAfterWrite(bool after) {
  std::lock_guard<std::mutex> lock(mu_);
  put_after_write_ = after;
}

void FaultInjectingObjectStore::ClearFaults() {
  std::lock_guard<std::mutex> lock(mu_);
  for (Plan& p : plans_) {
    p.fail_next = 0;
    p.probability = 0;
    p.error = Status::OK();
  }
}

uint64_t FaultInjectingObjectStore::calls(ObjectStoreOp op) const {
  std::lock_guard<std::mutex> lock(mu_);
  return plans_[static_cast<size_t>(op)].calls;
}

uint64_t FaultInjectingObjectStore::injected(ObjectStoreOp op) const {
  std::lock_guard<std::mutex> lock(mu_);
  return plans_[static_cast<size_t>(op)].injected;
}

Status FaultInjectingObjectStore::Decide(ObjectStoreOp op, const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  Plan& p = plans_[static_cast<size_t>(op)];
  p.calls++;
  bool fail = false;
  if (p.fail_next > 0) {
    p.fail_next--;
    fail = true;
  } else if (p.probability > 0) {
    fail = std::uniform_real_distribution<double>(0.0, 1.0)(rng_) < p.probability;
  }
  if (!fail) return Status::OK();
  p.injected++;
  if (!p.error.ok()) return p.error;
  return Error(ErrorCode::StorageUnavailable,
               std::string(OpName(op)) + " '" + inner_->Describe() + key + "': injected fault")
      .set_retryable(true);
}

Result<std::string> FaultInjectingObjectStore::Get(const std::string& key) {
  RETURN_IF_ERROR(Decide(ObjectStoreOp::kGet, key));
  return inner_->Get(key);
}

Result<std::string> FaultInjectingObjectStore::GetRange(const std::string& key, uint64_t offset,
                                                        uint64_t length) {
  RETURN_IF_ERROR(Decide(ObjectStoreOp::kGetRange, key));
  return inner_->GetRange(key, offset, length);
}

Status FaultInjectingObjectStore::Put(const std::string& key, std::string_view data) {
  Status fault = Decide(ObjectStoreOp::kPut, key);
  if (fault.ok()) return inner_->Put(key, data);
  bool after;
  {
    std::lock_guard<std::mutex> lock(mu_);
    after = put_after_write_;
  }
  if (after) RETURN_IF_ERROR(inner_->Put(key, data));
  return fault;
}

Result<ObjectMeta> FaultInjectingObjectStore::Stat(const std::string& key) {
  RETURN_IF_ERROR(Decide(ObjectStoreOp::kStat, key));
  return inner_->Stat(key);
}

Result<std::vector<ObjectMeta>> FaultInjectingObjectStore::List(const std::string& prefix) {
  RETURN_IF_ERROR(Decide(ObjectStoreOp::kList, prefix));
  return inner_->List(prefix);
}

Status FaultInjectingObjectStore::Delete(const std::string& key) {
  RETURN_IF_ERROR(Decide(ObjectStoreOp::kDelete, key));
  return inner_->Delete(key);
}

Status FaultInjectingObjectStore::DeleteMany(const std::vector<std::string>& keys) {
  RETURN_IF_ERROR(Decide(ObjectStoreOp::kDeleteMany, keys.empty() ? "" : keys.front()));
  return inner_->DeleteMany(keys);
}

}  // namespace strata
