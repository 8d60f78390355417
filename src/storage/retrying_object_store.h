// Retries an ObjectStore's retryable failures (Status::retryable(): outages, throttling,
// dropped connections) with exponential backoff and jitter, within a bounded number of
// attempts and a bounded total time. Other failures (not found, access denied, bad keys)
// return at once.
//
// Every ObjectStore operation is idempotent (Put replaces, Delete of a missing object
// succeeds), so repeating one is safe.
//
// Thread-safety: every method may be called from many threads at once.
#pragma once

#include <atomic>
#include <chrono>
#include <mutex>
#include <random>

#include "storage/object_store.h"

namespace strata {

struct RetryOptions {
  int max_attempts = 5;  // including the first
  std::chrono::milliseconds initial_backoff{100};
  std::chrono::milliseconds max_backoff{5000};
  // No new attempt starts once this much time has passed since the first.
  std::chrono::milliseconds max_total{60000};
  uint64_t seed = 0;  // jitter's seed; 0 = from the OS
};

class RetryingObjectStore final : public ObjectStore {
 public:
  explicit RetryingObjectStore(ObjectStorePtr inner, RetryOptions options = {});

  Result<std::string> Get(const std::string& key) override;
  Result<std::string> GetRange(const std::string& key, uint64_t offset, uint64_t length) override;
  Status Put(const std::string& key, std::string_view data) override;
  Result<ObjectMeta> Stat(const std::string& key) override;
  Result<std::vector<ObjectMeta>> List(const std::string& prefix) override;
  Status Delete(const std::string& key) override;
  Status DeleteMany(const std::vector<std::string>& keys) override;
  std::string Describe() const override { return inner_->Describe(); }

  const ObjectStorePtr& inner() const { return inner_; }
  // Attempts beyond the first, over this store's lifetime.
  uint64_t retries() const { return retries_.load(); }

 private:
  template <typename Fn>
  auto Run(Fn fn) -> decltype(fn());
  std::chrono::milliseconds Backoff(int attempt);

  const ObjectStorePtr inner_;
  const RetryOptions options_;
  std::atomic<uint64_t> retries_{0};
  std::mutex rng_mu_;
  std::mt19937_64 rng_;  // GUARDED_BY(rng_mu_)
};

}  // namespace strata
