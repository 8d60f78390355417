#include "storage/retrying_object_store.h"

#include <algorithm>
#include <thread>

namespace strata {
namespace {

const Status& StatusOf(const Status& s) { return s; }
template <typename T>
const Status& StatusOf(const Result<T>& r) {
  return r.status();
}

}  // namespace

RetryingObjectStore::RetryingObjectStore(ObjectStorePtr inner, RetryOptions options)
    : inner_(std::move(inner)),
      options_(options),
      rng_(options.seed != 0 ? options.seed : std::random_device{}()) {}

std::chrono::milliseconds RetryingObjectStore::Backoff(int attempt) {
  // Exponential, capped, with "equal jitter": half fixed, half random, so that many
  // clients retrying together spread out but none retries immediately.
  int64_t base = options_.initial_backoff.count();
  for (int i = 1; i < attempt && base < options_.max_backoff.count(); ++i) base *= 2;
  base = std::min<int64_t>(base, options_.max_backoff.count());
  std::lock_guard<std::mutex> lock(rng_mu_);
  std::uniform_int_distribution<int64_t> jitter(0, std::max<int64_t>(base / 2, 0));
  return std::chrono::milliseconds(base - base / 2 + jitter(rng_));
}

template <typename Fn>
auto RetryingObjectStore::Run(Fn fn) -> decltype(fn()) {
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  for (int attempt = 1;; ++attempt) {
    auto result = fn();
    const Status& st = StatusOf(result);
    if (st.ok() || !st.retryable()) return result;
    if (attempt >= options_.max_attempts) {
      return st.WithContext("gave up after " + std::to_string(attempt) + " attempts");
    }
    auto wait = Backoff(attempt);
    if (Clock::now() - start + wait > options_.max_total) {
      return st.WithContext(
          "gave up after " + std::to_string(attempt) + " attempts and " +
          std::to_string(
              std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count()) +
          " ms");
    }
    std::this_thread::sleep_for(wait);
    retries_++;
  }
}

Result<std::string> RetryingObjectStore::Get(const std::string& key) {
  return Run([&] { return inner_->Get(key); });
}

Result<std::string> RetryingObjectStore::GetRange(const std::string& key, uint64_t offset,
                                                  uint64_t length) {
  return Run([&] { return inner_->GetRange(key, offset, length); });
}

Status RetryingObjectStore::Put(const std::string& key, std::string_view data) {
  return Run([&] { return inner_->Put(key, data); });
}

Result<ObjectMeta> RetryingObjectStore::Stat(const std::string& key) {
  return Run([&] { return inner_->Stat(key); });
}

Result<std::vector<ObjectMeta>> RetryingObjectStore::List(const std::string& prefix) {
  return Run([&] { return inner_->List(prefix); });
}

Status RetryingObjectStore::Delete(const std::string& key) {
  return Run([&] { return inner_->Delete(key); });
}

Status RetryingObjectStore::DeleteMany(const std::vector<std::string>& keys) {
  return Run([&] { return inner_->DeleteMany(keys); });
}

}  // namespace strata
