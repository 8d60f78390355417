// Wraps an ObjectStore and makes chosen operations fail, for tests of the layers above
// (retries, table writes, commits): the next N calls of an operation, or each call with
// probability p from a seeded generator (the same seed fails the same calls). A Put can be
// made to fail after the write reached the store, as when an acknowledgement is lost.
//
// Thread-safety: every method may be called from many threads at once.
#pragma once

#include <array>
#include <mutex>
#include <random>

#include "storage/object_store.h"

namespace strata {

enum class ObjectStoreOp { kGet, kGetRange, kPut, kStat, kList, kDelete, kDeleteMany };
inline constexpr size_t kObjectStoreOpCount = 7;

class FaultInjectingObjectStore final : public ObjectStore {
 public:
  explicit FaultInjectingObjectStore(ObjectStorePtr inner, uint64_t seed = 1);

  // The next `times` calls of `op` fail with `error` (OK `error` = the default: retryable
  // StorageUnavailable "injected fault", naming the operation and key).
  void FailNext(ObjectStoreOp op, int times, Status error = Status::OK());
  // Every later call of `op` fails with probability `p` (0 turns it off).
  void FailWithProbability(ObjectStoreOp op, double p, Status error = Status::OK());
  // When true, an injected Put failure happens after the inner Put succeeded.
  void SetFailPutAfterWrite(bool after);
  // Forgets every planned failure (counters stay).
  void ClearFaults();

  uint64_t calls(ObjectStoreOp op) const;
  uint64_t injected(ObjectStoreOp op) const;

  Result<std::string> Get(const std::string& key) override;
  Result<std::string> GetRange(const std::string& key, uint64_t offset, uint64_t length) override;
  Status Put(const std::string& key, std::string_view data) override;
  Result<ObjectMeta> Stat(const std::string& key) override;
  Result<std::vector<ObjectMeta>> List(const std::string& prefix) override;
  Status Delete(const std::string& key) override;
  Status DeleteMany(const std::vector<std::string>& keys) override;
  std::string Describe() const override { return inner_->Describe(); }

 private:
  struct Plan {
    int fail_next = 0;
    double probability = 0;
    Status error;  // OK = default error
    uint64_t calls = 0;
    uint64_t injected = 0;
  };
  // Counts the call; returns the failure to inject, or OK.
  Status Decide(ObjectStoreOp op, const std::string& key);

  const ObjectStorePtr inner_;
  mutable std::mutex mu_;
  std::array<Plan, kObjectStoreOpCount> plans_;  // GUARDED_BY(mu_)
  bool put_after_write_ = false;                 // GUARDED_BY(mu_)
  std::mt19937_64 rng_;                          // GUARDED_BY(mu_)
};

}  // namespace strata
