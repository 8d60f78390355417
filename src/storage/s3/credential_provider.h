// Where S3 requests get their signing keys from. A provider hands out the current keys;
// temporary ones (from STS) carry a session token and an expiry and are refreshed by the
// provider, ahead of expiry and whenever the service says they expired (Invalidate).
//
// Thread-safety: every implementation may be called from many threads at once.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "common/status.h"
#include "storage/storage_params.h"

namespace strata::s3 {

struct AwsCredentials {
  std::string access_key_id;
  std::string secret_access_key;
  std::string session_token;  // empty for long-term keys
  // Epoch (the default) means "does not expire".
  std::chrono::system_clock::time_point expiry{};

  bool anonymous() const { return access_key_id.empty(); }
};

// Why the service rejected a request's credentials.
enum class Rejection {
  kExpired,  // ExpiredToken and the like: the keys are stale for certain
  // AccessDenied or an unknown key with temporary keys: they may be stale (radosgw reports
  // an expired or unknown session as AccessDenied), or the access is simply not allowed.
  kDenied,
};

class CredentialProvider {
 public:
  virtual ~CredentialProvider() = default;

  virtual Result<AwsCredentials> Get() = 0;
  // The service rejected `rejected`. Returns true when the next Get will return different
  // (refreshed) credentials, so that retrying the request once is worthwhile. Providers
  // should not refresh on every kDenied: a plain refusal would otherwise cost a refresh per
  // request.
  virtual bool Invalidate(const AwsCredentials& rejected, Rejection why) = 0;
  // For messages: "static key AK***YZ", "role arn:...". Never a secret.
  virtual std::string Describe() const = 0;
};

using CredentialProviderPtr = std::shared_ptr<CredentialProvider>;

class StaticCredentialProvider final : public CredentialProvider {
 public:
  explicit StaticCredentialProvider(AwsCredentials credentials)
      : credentials_(std::move(credentials)) {}

  Result<AwsCredentials> Get() override { return credentials_; }
  bool Invalidate(const AwsCredentials&, Rejection) override { return false; }
  std::string Describe() const override {
    return "static key " + MaskAccessKey(credentials_.access_key_id);
  }

 private:
  const AwsCredentials credentials_;
};

// The provider `params.credentials` call for: a role_arn -> AssumeRole (temporary keys,
// shared process-wide cache); keys -> static; nothing -> nullptr, meaning unsigned
// (anonymous) requests.
Result<CredentialProviderPtr> MakeCredentialProvider(const StorageParams& params);

}  // namespace strata::s3
