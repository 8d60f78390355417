// DenialHintObjectStore: permission failures gain the caller's hint; everything else passes
// through untouched.
#include "storage/denial_hint_object_store.h"

#include <gtest/gtest.h>

#include "storage/fault_injecting_object_store.h"
#include "storage/memory_object_store.h"

namespace strata {
namespace {

TEST(DenialHintObjectStoreTest, OnlyPermissionFailuresGainTheHint) {
  auto faults =
      std::make_shared<FaultInjectingObjectStore>(MemoryObjectStore::Open("denial-hint-test"));
  DenialHintObjectStore store(faults, "try new keys");
  ASSERT_TRUE(store.Put("k", "v").ok());
  EXPECT_EQ(*store.Get("k"), "v");

  faults->FailNext(ObjectStoreOp::kGet, 1,
                   Status(ErrorCode::StoragePermissionDenied, "Get 'k': HTTP 403 AccessDenied"));
  Result<std::string> denied = store.Get("k");
  ASSERT_FALSE(denied.ok());
  EXPECT_EQ(denied.status().code(), ErrorCode::StoragePermissionDenied);
  EXPECT_EQ(denied.status().message(), "Get 'k': HTTP 403 AccessDenied; try new keys");

  faults->FailNext(ObjectStoreOp::kPut, 1,
                   Status(ErrorCode::StoragePermissionDenied, "Put 'k': HTTP 403 AccessDenied"));
  EXPECT_EQ(store.Put("k", "w").message(), "Put 'k': HTTP 403 AccessDenied; try new keys");

  faults->FailNext(ObjectStoreOp::kList, 1);  // an outage: retryable, no hint
  Result<std::vector<ObjectMeta>> outage = store.List("");
  ASSERT_FALSE(outage.ok());
  EXPECT_TRUE(outage.status().retryable());
  EXPECT_EQ(outage.status().message().find("try new keys"), std::string::npos);

  Result<ObjectMeta> missing = store.Stat("nothing");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), ErrorCode::StorageNotFound);
  EXPECT_EQ(missing.status().message().find("try new keys"), std::string::npos);
}

}  // namespace
}  // namespace strata
