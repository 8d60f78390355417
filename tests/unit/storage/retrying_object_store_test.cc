// The retry layer over the fault-injection layer over a memory store: which failures are
// retried, how often, and within what time.
#include "storage/retrying_object_store.h"

#include <gtest/gtest.h>

#include <chrono>

#include "storage/fault_injecting_object_store.h"
#include "storage/memory_object_store.h"

namespace strata {
namespace {

class RetryingObjectStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    name_ = "retry-test-" + std::to_string(counter_++);
    base_ = MemoryObjectStore::Open(name_);
    faults_ = std::make_shared<FaultInjectingObjectStore>(base_, /*seed=*/7);
    RetryOptions o;
    o.max_attempts = 4;
    o.initial_backoff = std::chrono::milliseconds(1);
    o.max_backoff = std::chrono::milliseconds(4);
    o.seed = 3;
    retrying_ = std::make_shared<RetryingObjectStore>(faults_, o);
    ASSERT_TRUE(base_->Put("k", "value").ok());
  }
  void TearDown() override { MemoryObjectStore::ClearNamespace(name_); }

  static inline int counter_ = 0;
  std::string name_;
  std::shared_ptr<MemoryObjectStore> base_;
  std::shared_ptr<FaultInjectingObjectStore> faults_;
  std::shared_ptr<RetryingObjectStore> retrying_;
};

TEST_F(RetryingObjectStoreTest, TransientFailuresAreRetriedUntilSuccess) {
  faults_->FailNext(ObjectStoreOp::kGet, 3);
  auto r = retrying_->Get("k");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(*r, "value");
  EXPECT_EQ(faults_->calls(ObjectStoreOp::kGet), 4u);
  EXPECT_EQ(faults_->injected(ObjectStoreOp::kGet), 3u);
  EXPECT_EQ(retrying_->retries(), 3u);
}

TEST_F(RetryingObjectStoreTest, AttemptsAreBounded) {
  faults_->FailNext(ObjectStoreOp::kPut, 100);
  Status st = retrying_->Put("k2", "v");
  EXPECT_EQ(st.code(), ErrorCode::StorageUnavailable);
  EXPECT_TRUE(st.retryable());
  EXPECT_NE(st.message().find("gave up after 4 attempts"), std::string::npos) << st.ToString();
  EXPECT_NE(st.message().find("injected fault"), std::string::npos) << st.ToString();
  EXPECT_EQ(faults_->calls(ObjectStoreOp::kPut), 4u);
  EXPECT_EQ(base_->Get("k2").status().code(), ErrorCode::StorageNotFound);
}

TEST_F(RetryingObjectStoreTest, NonRetryableFailuresReturnAtOnce) {
  faults_->FailNext(ObjectStoreOp::kStat, 5,
                    Error(ErrorCode::StoragePermissionDenied, "Stat 'k': HTTP 403 AccessDenied"));
  auto r = retrying_->Stat("k");
  EXPECT_EQ(r.status().code(), ErrorCode::StoragePermissionDenied);
  EXPECT_EQ(faults_->calls(ObjectStoreOp::kStat), 1u);
  // Not found is an answer, not an outage.
  auto missing = retrying_->Get("missing");
  EXPECT_EQ(missing.status().code(), ErrorCode::StorageNotFound);
  EXPECT_EQ(faults_->calls(ObjectStoreOp::kGet), 1u);
  EXPECT_EQ(retrying_->retries(), 0u);
}

TEST_F(RetryingObjectStoreTest, TotalTimeIsBounded) {
  RetryOptions o;
  o.max_attempts = 1000;
  o.initial_backoff = std::chrono::milliseconds(20);
  o.max_backoff = std::chrono::milliseconds(40);
  o.max_total = std::chrono::milliseconds(150);
  RetryingObjectStore slow(faults_, o);
  faults_->FailNext(ObjectStoreOp::kList, 1000);
  auto start = std::chrono::steady_clock::now();
  auto r = slow.List("");
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(r.status().code(), ErrorCode::StorageUnavailable);
  EXPECT_LT(elapsed, std::chrono::milliseconds(400));
  EXPECT_LT(faults_->calls(ObjectStoreOp::kList), 12u);
  EXPECT_GE(faults_->calls(ObjectStoreOp::kList), 3u);
}

TEST_F(RetryingObjectStoreTest, LostPutAcknowledgementIsHarmlessToRetry) {
  faults_->SetFailPutAfterWrite(true);
  faults_->FailNext(ObjectStoreOp::kPut, 1);
  ASSERT_TRUE(retrying_->Put("acked-late", "v1").ok());
  EXPECT_EQ(faults_->calls(ObjectStoreOp::kPut), 2u);
  auto r = base_->Get("acked-late");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, "v1");
}

TEST(FaultInjectingObjectStoreTest, ProbabilisticFailuresAreDeterministicPerSeed) {
  auto pattern = [](uint64_t seed) {
    auto base = MemoryObjectStore::Open("fault-seed-test");
    FaultInjectingObjectStore f(base, seed);
    f.FailWithProbability(ObjectStoreOp::kGet, 0.3);
    std::string bits;
    for (int i = 0; i < 64; ++i) bits += f.Get("x").status().retryable() ? '1' : '0';
    return bits;
  };
  std::string a = pattern(11), b = pattern(11), c = pattern(12);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  size_t ones = std::count(a.begin(), a.end(), '1');
  EXPECT_GT(ones, 5u);
  EXPECT_LT(ones, 40u);
}

TEST(FaultInjectingObjectStoreTest, OnlyTheChosenOperationFails) {
  auto base = MemoryObjectStore::Open("fault-op-test");
  FaultInjectingObjectStore f(base);
  f.FailNext(ObjectStoreOp::kDelete, 1);
  EXPECT_TRUE(f.Put("a", "1").ok());
  EXPECT_TRUE(f.Get("a").ok());
  Status del = f.Delete("a");
  EXPECT_EQ(del.code(), ErrorCode::StorageUnavailable);
  EXPECT_NE(del.message().find("Delete 'memory://fault-op-test/a'"), std::string::npos)
      << del.ToString();
  EXPECT_TRUE(f.Delete("a").ok());
  f.FailWithProbability(ObjectStoreOp::kPut, 1.0);
  EXPECT_FALSE(f.Put("b", "1").ok());
  f.ClearFaults();
  EXPECT_TRUE(f.Put("b", "1").ok());
  MemoryObjectStore::ClearNamespace("fault-op-test");
}

}  // namespace
}  // namespace strata
