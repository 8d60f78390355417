// S3ObjectStore against a real S3 server (see s3_test_env.h; skipped without one), plus the
// failures that need no server: unreachable endpoints and malformed endpoint URLs.
#include "storage/s3/s3_object_store.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>

#include "storage/object_store.h"
#include "storage/retrying_object_store.h"
#include "storage/s3/assume_role_credential_provider.h"
#include "storage/s3_test_env.h"

namespace strata {
namespace {

using testing_s3::kS3SkipMessage;
using testing_s3::S3Params;

void ExpectNoSecret(const Status& st, const std::string& secret) {
  ASSERT_FALSE(secret.empty());
  EXPECT_EQ(st.message().find(secret), std::string::npos) << st.ToString();
}

TEST(S3ObjectStoreTest, UnreachableEndpointIsARetryableOutage) {
  StorageParams p;
  p.type = "s3";
  p.bucket = "b";
  p.root = "r/";
  p.endpoint_url = "http://127.0.0.1:1";  // nothing listens on port 1
  p.credentials.access_key_id = "AKIAUNREACHABLE";
  p.credentials.secret_access_key = "secret-that-must-not-leak";
  auto store = S3ObjectStore::Open(p);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto r = (*store)->Get("k");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::StorageUnavailable) << r.status().ToString();
  EXPECT_TRUE(r.status().retryable());
  EXPECT_NE(r.status().message().find("s3://b/r/k"), std::string::npos) << r.status().ToString();
  EXPECT_NE(r.status().message().find("127.0.0.1:1"), std::string::npos);
  ExpectNoSecret(r.status(), "secret-that-must-not-leak");
}

TEST(S3ObjectStoreTest, RetryingLayerGivesUpOnAnOutageWithinItsBudget) {
  StorageParams p;
  p.type = "s3";
  p.bucket = "b";
  p.endpoint_url = "http://127.0.0.1:1";
  auto store = S3ObjectStore::Open(p);
  ASSERT_TRUE(store.ok());
  RetryOptions ro;
  ro.max_attempts = 3;
  ro.initial_backoff = std::chrono::milliseconds(5);
  auto retrying = std::make_shared<RetryingObjectStore>(*store, ro);
  Status st = retrying->Put("k", "v");
  EXPECT_EQ(st.code(), ErrorCode::StorageUnavailable);
  EXPECT_NE(st.message().find("gave up after 3 attempts"), std::string::npos) << st.ToString();
  EXPECT_EQ(retrying->retries(), 2u);
}

TEST(S3ObjectStoreTest, MalformedEndpointsAndMissingBucketAreRejectedAtOpen) {
  StorageParams p;
  p.type = "s3";
  p.bucket = "b";
  for (const char* bad :
       {"ftp://127.0.0.1", "127.0.0.1:9000", "http://user:pw@127.0.0.1", "http://127.0.0.1/path"}) {
    p.endpoint_url = bad;
    auto r = S3ObjectStore::Open(p);
    EXPECT_FALSE(r.ok()) << bad;
    if (!r.ok()) {
      EXPECT_EQ(r.status().code(), ErrorCode::StorageOther);
    }
  }
  p.endpoint_url = "http://127.0.0.1:9000/";
  EXPECT_TRUE(S3ObjectStore::Open(p).ok());
  p.bucket = "";
  EXPECT_FALSE(S3ObjectStore::Open(p).ok());
}

class S3ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto p = S3Params("s3test");
    if (!p) GTEST_SKIP() << kS3SkipMessage;
    params_ = *p;
  }
  void TearDown() override {
    if (params_.bucket.empty()) return;
    auto store = S3ObjectStore::Open(params_);
    if (!store.ok()) return;
    auto all = (*store)->List("");
    if (!all.ok()) return;
    std::vector<std::string> keys;
    for (const auto& m : *all) keys.push_back(m.key);
    (void)(*store)->DeleteMany(keys);
  }

  std::shared_ptr<S3ObjectStore> OpenOk(const StorageParams& p, S3Options o = {}) {
    auto s = S3ObjectStore::Open(p, std::move(o));
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? *s : nullptr;
  }

  StorageParams params_;
};

TEST_F(S3ServerTest, WrongSecretIsRejectedWithTheServiceCodeAndNoSecret) {
  StorageParams p = params_;
  p.credentials.secret_access_key = "definitely-the-wrong-secret-123";
  auto store = OpenOk(p);
  auto started = std::chrono::steady_clock::now();
  auto wrapped = OpenObjectStore(p);  // with the retry layer: must not retry a refusal
  ASSERT_TRUE(wrapped.ok());
  Status st = (*wrapped)->Put("probe", "x");
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(2));
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), ErrorCode::StoragePermissionDenied) << st.ToString();
  EXPECT_FALSE(st.retryable());
  // radosgw answers AccessDenied, AWS SignatureDoesNotMatch.
  EXPECT_TRUE(st.message().find("AccessDenied") != std::string::npos ||
              st.message().find("SignatureDoesNotMatch") != std::string::npos)
      << st.ToString();
  EXPECT_NE(st.message().find("HTTP 403"), std::string::npos) << st.ToString();
  EXPECT_NE(st.message().find("s3://" + p.bucket + "/" + p.root + "probe"), std::string::npos)
      << st.ToString();
  ExpectNoSecret(st, "definitely-the-wrong-secret-123");

  for (auto r : {store->Get("probe").status(), store->Stat("probe").status(),
                 store->List("").status(), store->Delete("probe")}) {
    EXPECT_EQ(r.code(), ErrorCode::StoragePermissionDenied) << r.ToString();
    ExpectNoSecret(r, "definitely-the-wrong-secret-123");
  }
}

TEST_F(S3ServerTest, UnknownAccessKeyIsRejected) {
  StorageParams p = params_;
  p.credentials.access_key_id = "STRATANOSUCHKEY99";
  auto store = OpenOk(p);
  Status st = store->Put("probe", "x");
  EXPECT_EQ(st.code(), ErrorCode::StoragePermissionDenied) << st.ToString();
  EXPECT_TRUE(st.message().find("AccessDenied") != std::string::npos ||
              st.message().find("InvalidAccessKeyId") != std::string::npos)
      << st.ToString();
  ExpectNoSecret(st, p.credentials.secret_access_key);
}

TEST_F(S3ServerTest, AnonymousRequestsToAPrivateBucketAreDenied) {
  StorageParams p = params_;
  p.credentials = Credentials();
  auto store = OpenOk(p);
  Status st = store->Put("probe", "x");
  EXPECT_EQ(st.code(), ErrorCode::StoragePermissionDenied) << st.ToString();
  EXPECT_NE(st.message().find("AccessDenied"), std::string::npos) << st.ToString();
}

TEST_F(S3ServerTest, MissingBucketNamesNoSuchBucket) {
  StorageParams p = params_;
  p.bucket = "strata-no-such-bucket-" + std::to_string(::getpid());
  auto store = OpenOk(p);
  Status put = store->Put("k", "x");
  EXPECT_EQ(put.code(), ErrorCode::StorageOther) << put.ToString();
  EXPECT_NE(put.message().find("NoSuchBucket"), std::string::npos) << put.ToString();
  // HEAD carries no error body; Stat still reports the service's reason.
  Status stat = store->Stat("k").status();
  EXPECT_NE(stat.message().find("NoSuchBucket"), std::string::npos) << stat.ToString();
  Status list = store->List("").status();
  EXPECT_NE(list.message().find("NoSuchBucket"), std::string::npos) << list.ToString();
}

TEST_F(S3ServerTest, SmallPartsAndChunksStillRoundTrip) {
  S3Options o;
  o.multipart_threshold = 5u << 20;
  o.part_size = 5u << 20;
  o.read_chunk_size = 256u << 10;
  o.max_parallel_requests = 4;
  auto store = OpenOk(params_, o);
  std::string data(11u << 20, '\0');
  for (size_t i = 0; i < data.size(); ++i) data[i] = static_cast<char>((i * 2654435761u) >> 13);
  ASSERT_TRUE(store->Put("parts", data).ok());  // three parts, the last one short
  auto got = store->Get("parts");
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_TRUE(*got == data);
  auto range = store->GetRange("parts", 1000, 3u << 20);
  ASSERT_TRUE(range.ok());
  EXPECT_TRUE(*range == data.substr(1000, 3u << 20));
  auto stat = store->Stat("parts");
  ASSERT_TRUE(stat.ok());
  EXPECT_EQ(stat->size, data.size());
}

TEST_F(S3ServerTest, VirtualHostStyleAddressesTheSameObjects) {
  // Needs a host name whose subdomains reach the server (curl resolves *.localhost to
  // loopback itself) and a server that knows it (radosgw: `rgw dns name = localhost`).
  std::string endpoint = testing_s3::Env("STRATA_TEST_S3_VHOST_ENDPOINT");
  if (endpoint.empty()) {
    GTEST_SKIP() << "virtual-host style needs STRATA_TEST_S3_VHOST_ENDPOINT, e.g. "
                    "http://localhost:7480 with radosgw's `rgw dns name = localhost`";
  }
  StorageParams vhost = params_;
  vhost.endpoint_url = endpoint;
  vhost.virtual_host_style = true;
  auto v = OpenOk(vhost);
  auto path_style = OpenOk(params_);
  ASSERT_TRUE(v->Put("vhost/obj", "written virtual-host style").ok());
  auto got = path_style->Get("vhost/obj");
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(*got, "written virtual-host style");
  auto listed = v->List("vhost/");
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].key, "vhost/obj");
  EXPECT_TRUE(v->Delete("vhost/obj").ok());
  EXPECT_EQ(path_style->Stat("vhost/obj").status().code(), ErrorCode::StorageNotFound);
}

// Hands out stale temporary keys first and good ones after a refresh, the way an STS-backed
// provider behaves when its session has expired.
class StaleThenFreshProvider final : public s3::CredentialProvider {
 public:
  StaleThenFreshProvider(s3::AwsCredentials good, bool refresh_fixes)
      : good_(std::move(good)), refresh_fixes_(refresh_fixes) {}

  Result<s3::AwsCredentials> Get() override {
    gets_++;
    if (refreshed_ && refresh_fixes_) return good_;
    s3::AwsCredentials stale = good_;
    stale.session_token = "stale-session-token-value";
    return stale;
  }
  bool Invalidate(const s3::AwsCredentials& rejected, s3::Rejection) override {
    invalidations_++;
    EXPECT_EQ(rejected.session_token, "stale-session-token-value");
    refreshed_ = true;
    return true;
  }
  std::string Describe() const override { return "test provider"; }

  std::atomic<int> gets_{0};
  std::atomic<int> invalidations_{0};

 private:
  const s3::AwsCredentials good_;
  const bool refresh_fixes_;
  std::atomic<bool> refreshed_{false};
};

TEST_F(S3ServerTest, StaleTemporaryCredentialsAreRefreshedOnce) {
  s3::AwsCredentials good;
  good.access_key_id = params_.credentials.access_key_id;
  good.secret_access_key = params_.credentials.secret_access_key;
  auto provider = std::make_shared<StaleThenFreshProvider>(good, /*refresh_fixes=*/true);
  auto store = S3ObjectStore::Open(params_, provider, S3Options());
  ASSERT_TRUE(store.ok());
  Status st = (*store)->Put("refreshed", "v");
  EXPECT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(provider->invalidations_.load(), 1);
  EXPECT_EQ(provider->gets_.load(), 2);
  auto got = (*store)->Get("refreshed");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(*got, "v");
  EXPECT_EQ(provider->invalidations_.load(), 1);
}

TEST_F(S3ServerTest, CredentialsThatStayBadAreRefreshedOnlyOnce) {
  s3::AwsCredentials good;
  good.access_key_id = params_.credentials.access_key_id;
  good.secret_access_key = params_.credentials.secret_access_key;
  auto provider = std::make_shared<StaleThenFreshProvider>(good, /*refresh_fixes=*/false);
  auto store = S3ObjectStore::Open(params_, provider, S3Options());
  ASSERT_TRUE(store.ok());
  Status st = (*store)->Put("never", "v");
  ASSERT_FALSE(st.ok());
  // radosgw refuses an undecodable session token as InvalidArgument, AWS as InvalidToken.
  EXPECT_NE(st.message().find("HTTP 4"), std::string::npos) << st.ToString();
  EXPECT_FALSE(st.retryable());
  EXPECT_EQ(provider->invalidations_.load(), 1);
  EXPECT_EQ(provider->gets_.load(), 2);
  ExpectNoSecret(st, "stale-session-token-value");
}

class S3RoleTest : public S3ServerTest {
 protected:
  void SetUp() override {
    S3ServerTest::SetUp();
    if (IsSkipped()) return;
    role_arn_ = testing_s3::Env("STRATA_TEST_S3_ROLE_ARN");
    if (role_arn_.empty()) {
      GTEST_SKIP() << "STS tests need STRATA_TEST_S3_ROLE_ARN: a role the test key may assume";
    }
  }
  StorageParams RoleParams() const {
    StorageParams p = params_;
    p.credentials.role_arn = role_arn_;
    return p;
  }
  std::string role_arn_;
};

TEST_F(S3RoleTest, ReadsAndWritesThroughTheRoleWithOneSharedStsCall) {
  StorageParams p = RoleParams();
  p.credentials.external_id = "strata-external-id";
  uint64_t calls_before = s3::AssumeRoleCredentialProvider::StsCallCount();
  auto a = OpenObjectStore(p);
  auto b = OpenObjectStore(p);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_TRUE((*a)->Put("via-role", "role data").ok());
  auto got = (*b)->Get("via-role");
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(*got, "role data");
  auto listed = (*b)->List("");
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->size(), 1u);
  EXPECT_TRUE((*a)->Delete("via-role").ok());
  // Both stores share the process-wide cache entry: one AssumeRole for all of the above.
  EXPECT_EQ(s3::AssumeRoleCredentialProvider::StsCallCount() - calls_before, 1u);
}

TEST_F(S3RoleTest, ProviderReturnsTemporaryKeysAndRefreshesWhenTheyExpire) {
  auto provider = s3::AssumeRoleCredentialProvider::FromParams(RoleParams());
  ASSERT_TRUE(provider.ok()) << provider.status().ToString();
  auto first = (*provider)->Get();
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_FALSE(first->session_token.empty());
  EXPECT_NE(first->access_key_id, params_.credentials.access_key_id);
  EXPECT_GT(first->expiry, std::chrono::system_clock::now() + std::chrono::minutes(10));

  // A refusal of keys just obtained does not trigger a refresh; an expiry does.
  EXPECT_FALSE((*provider)->Invalidate(*first, s3::Rejection::kDenied));
  uint64_t calls_before = s3::AssumeRoleCredentialProvider::StsCallCount();
  EXPECT_TRUE((*provider)->Invalidate(*first, s3::Rejection::kExpired));
  auto second = (*provider)->Get();
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(s3::AssumeRoleCredentialProvider::StsCallCount() - calls_before, 1u);
  EXPECT_NE(second->session_token, first->session_token);

  // The refreshed keys work.
  auto store = S3ObjectStore::Open(RoleParams(), *provider, S3Options());
  ASSERT_TRUE(store.ok());
  EXPECT_TRUE((*store)->Put("after-refresh", "x").ok());
}

TEST_F(S3RoleTest, CallerKeysComeFromTheEnvironmentWhenParamsHaveNone) {
  StorageParams p = RoleParams();
  p.credentials.access_key_id.clear();
  p.credentials.secret_access_key.clear();
  ::setenv("AWS_ACCESS_KEY_ID", params_.credentials.access_key_id.c_str(), 1);
  ::setenv("AWS_SECRET_ACCESS_KEY", params_.credentials.secret_access_key.c_str(), 1);
  ::unsetenv("AWS_SESSION_TOKEN");
  auto store = OpenObjectStore(p);
  ::unsetenv("AWS_ACCESS_KEY_ID");
  ::unsetenv("AWS_SECRET_ACCESS_KEY");
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  Status st = (*store)->Put("env-caller", "x");
  EXPECT_TRUE(st.ok()) << st.ToString();

  auto none = OpenObjectStore(p);  // environment cleared again: no caller at all
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.status().message().find("AWS_ACCESS_KEY_ID"), std::string::npos);
}

TEST_F(S3RoleTest, AssumeRoleWithAWrongCallerSecretFailsClearly) {
  StorageParams p = RoleParams();
  p.credentials.secret_access_key = "wrong-caller-secret-456";
  auto store = OpenObjectStore(p);
  ASSERT_TRUE(store.ok());
  Status st = (*store)->Put("x", "y");
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), ErrorCode::StoragePermissionDenied) << st.ToString();
  EXPECT_NE(st.message().find("AssumeRole"), std::string::npos) << st.ToString();
  EXPECT_NE(st.message().find(role_arn_), std::string::npos) << st.ToString();
  ExpectNoSecret(st, "wrong-caller-secret-456");
}

}  // namespace
}  // namespace strata
