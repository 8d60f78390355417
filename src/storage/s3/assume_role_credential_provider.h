// Temporary credentials from STS AssumeRole, cached process-wide.
//
// The cache is keyed by (role ARN, external id, caller access key, STS endpoint), plus a hash
// of the caller's secret so that a wrong secret is never served from the cache: every store
// that assumes the same role the same way shares one set of temporary keys and one STS call.
// Keys are refreshed `refresh_ahead` before they expire, at once after Invalidate with
// Rejection::kExpired (a request failed with ExpiredToken), and after Invalidate with
// kDenied when they are older than `min_refresh_interval` (radosgw reports a stale session
// as AccessDenied; the interval keeps plain refusals from costing an STS call each). If a
// refresh fails while the old keys are still valid, the old keys are used.
//
// Thread-safety: every method may be called from many threads at once; concurrent refreshes
// of one cache entry make one STS call.
#pragma once

#include <chrono>
#include <string>

#include "storage/s3/credential_provider.h"

namespace strata::s3 {

struct AssumeRoleOptions {
  std::string role_arn;
  std::string external_id;  // optional
  std::string session_name = "strata";
  int duration_seconds = 3600;  // raised to STS's minimum of 900
  // Full URL of the STS service, e.g. "http://127.0.0.1:7480".
  std::string sts_endpoint;
  std::string region = "us-east-1";
  AwsCredentials caller;  // the keys that call AssumeRole
  std::chrono::seconds refresh_ahead{300};
  std::chrono::seconds min_refresh_interval{60};
};

class AssumeRoleCredentialProvider final : public CredentialProvider {
 public:
  explicit AssumeRoleCredentialProvider(AssumeRoleOptions options);

  // From storage parameters: the STS endpoint is params.endpoint_url when set, else AWS's
  // regional one; the caller's keys are params' keys when present, else the
  // AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN environment variables.
  // REQUIRES: !params.credentials.role_arn.empty()
  static Result<std::shared_ptr<AssumeRoleCredentialProvider>> FromParams(
      const StorageParams& params);

  Result<AwsCredentials> Get() override;
  bool Invalidate(const AwsCredentials& rejected, Rejection why) override;
  std::string Describe() const override { return "role " + options_.role_arn; }

  // Number of AssumeRole calls this process has made (all providers); for tests.
  static uint64_t StsCallCount();

  struct CacheEntry;

 private:
  Result<AwsCredentials> CallAssumeRole();

  const AssumeRoleOptions options_;
  const std::shared_ptr<CacheEntry> entry_;
};

}  // namespace strata::s3
