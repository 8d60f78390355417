#include "storage/s3/credential_provider.h"

#include "storage/s3/assume_role_credential_provider.h"

namespace strata::s3 {

Result<CredentialProviderPtr> MakeCredentialProvider(const StorageParams& params) {
  const Credentials& c = params.credentials;
  if (!c.role_arn.empty()) {
    ASSIGN_OR_RETURN(auto p, AssumeRoleCredentialProvider::FromParams(params));
    return CredentialProviderPtr(std::move(p));
  }
  if (!c.access_key_id.empty() || !c.secret_access_key.empty()) {
    AwsCredentials k;
    k.access_key_id = c.access_key_id;
    k.secret_access_key = c.secret_access_key;
    k.session_token = c.session_token;
    return CredentialProviderPtr(std::make_shared<StaticCredentialProvider>(std::move(k)));
  }
  return CredentialProviderPtr();
}

}  // namespace strata::s3
