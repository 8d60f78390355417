#include "storage/s3/assume_role_credential_provider.h"

#include <pugixml.hpp>

#include <atomic>
#include <cstdlib>
#include <map>
#include <mutex>
#include <optional>

#include "storage/s3/digest.h"
#include "storage/s3/http_client.h"
#include "storage/s3/http_time.h"
#include "storage/s3/s3_endpoint.h"
#include "storage/s3/s3_error.h"
#include "storage/s3/sigv4_signer.h"

namespace strata::s3 {

struct AssumeRoleCredentialProvider::CacheEntry {
  std::mutex mu;  // held across the STS call so that one caller refreshes for all
  std::optional<AwsCredentials> credentials;          // GUARDED_BY(mu)
  std::chrono::steady_clock::time_point obtained_at;  // GUARDED_BY(mu)
};

namespace {

using Clock = std::chrono::system_clock;

std::atomic<uint64_t> g_sts_calls{0};

std::shared_ptr<AssumeRoleCredentialProvider::CacheEntry> CacheEntryFor(
    const AssumeRoleOptions& o) {
  static std::mutex* mu = new std::mutex();
  static auto* cache =
      new std::map<std::string, std::shared_ptr<AssumeRoleCredentialProvider::CacheEntry>>();
  // The caller's secret is part of the key (hashed) so that keys that share an id but not a
  // secret never borrow each other's temporary credentials.
  std::string key = o.role_arn + '\n' + o.external_id + '\n' + o.caller.access_key_id + '\n' +
                    Sha256Hex(o.caller.secret_access_key + '\n' + o.caller.session_token) + '\n' +
                    o.sts_endpoint;
  std::lock_guard<std::mutex> lock(*mu);
  auto& e = (*cache)[key];
  if (!e) e = std::make_shared<AssumeRoleCredentialProvider::CacheEntry>();
  return e;
}

HttpClient& StsHttpClient() {
  static HttpClient* client = new HttpClient();
  return *client;
}

std::string EnvOrEmpty(const char* name) {
  const char* v = std::getenv(name);
  return v == nullptr ? "" : v;
}

}  // namespace

AssumeRoleCredentialProvider::AssumeRoleCredentialProvider(AssumeRoleOptions options)
    : options_([&] {
        if (options.duration_seconds < 900) options.duration_seconds = 900;
        if (options.region.empty()) options.region = "us-east-1";
        if (options.sts_endpoint.empty()) {
          options.sts_endpoint = "https://sts." + options.region + ".amazonaws.com";
        }
        return std::move(options);
      }()),
      entry_(CacheEntryFor(options_)) {}

Result<std::shared_ptr<AssumeRoleCredentialProvider>> AssumeRoleCredentialProvider::FromParams(
    const StorageParams& params) {
  AssumeRoleOptions o;
  o.role_arn = params.credentials.role_arn;
  o.external_id = params.credentials.external_id;
  o.region = params.region.empty() ? "us-east-1" : params.region;
  o.sts_endpoint = params.endpoint_url;
  while (!o.sts_endpoint.empty() && o.sts_endpoint.back() == '/') o.sts_endpoint.pop_back();
  if (!params.credentials.access_key_id.empty()) {
    o.caller.access_key_id = params.credentials.access_key_id;
    o.caller.secret_access_key = params.credentials.secret_access_key;
    o.caller.session_token = params.credentials.session_token;
  } else {
    o.caller.access_key_id = EnvOrEmpty("AWS_ACCESS_KEY_ID");
    o.caller.secret_access_key = EnvOrEmpty("AWS_SECRET_ACCESS_KEY");
    o.caller.session_token = EnvOrEmpty("AWS_SESSION_TOKEN");
  }
  if (o.caller.access_key_id.empty() || o.caller.secret_access_key.empty()) {
    return Error(ErrorCode::StoragePermissionDenied,
                 "AssumeRole '" + o.role_arn +
                     "': no caller credentials (set access_key_id and secret_access_key, or "
                     "the AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY environment variables)");
  }
  return std::make_shared<AssumeRoleCredentialProvider>(std::move(o));
}

uint64_t AssumeRoleCredentialProvider::StsCallCount() { return g_sts_calls.load(); }

Result<AwsCredentials> AssumeRoleCredentialProvider::Get() {
  std::lock_guard<std::mutex> lock(entry_->mu);
  auto now = Clock::now();
  if (entry_->credentials && now + options_.refresh_ahead < entry_->credentials->expiry) {
    return *entry_->credentials;
  }
  Result<AwsCredentials> fresh = CallAssumeRole();
  if (!fresh.ok()) {
    // Keys that are due for refresh but not yet expired still work.
    if (entry_->credentials && now < entry_->credentials->expiry) return *entry_->credentials;
    return fresh.status();
  }
  entry_->credentials = *fresh;
  entry_->obtained_at = std::chrono::steady_clock::now();
  return fresh;
}

bool AssumeRoleCredentialProvider::Invalidate(const AwsCredentials& rejected, Rejection why) {
  std::lock_guard<std::mutex> lock(entry_->mu);
  if (!entry_->credentials) return true;
  if (entry_->credentials->access_key_id != rejected.access_key_id ||
      entry_->credentials->session_token != rejected.session_token) {
    return true;  // already refreshed by another request
  }
  if (why == Rejection::kDenied &&
      std::chrono::steady_clock::now() - entry_->obtained_at < options_.min_refresh_interval) {
    return false;  // fresh keys that are refused: a refresh would not help
  }
  entry_->credentials.reset();
  return true;
}

Result<AwsCredentials> AssumeRoleCredentialProvider::CallAssumeRole() {
  g_sts_calls++;
  const std::string where = "AssumeRole '" + options_.role_arn + "'";
  ASSIGN_OR_RETURN(Endpoint ep, ParseEndpoint(options_.sts_endpoint));

  KeyValues form = {{"Action", "AssumeRole"},
                    {"Version", "2011-06-15"},
                    {"RoleArn", options_.role_arn},
                    {"RoleSessionName", options_.session_name},
                    {"DurationSeconds", std::to_string(options_.duration_seconds)}};
  if (!options_.external_id.empty()) form.emplace_back("ExternalId", options_.external_id);
  std::string body = CanonicalQueryString(form);

  SigV4Request sr;
  sr.method = "POST";
  sr.canonical_uri = "/";
  sr.payload_sha256_hex = Sha256Hex(body);
  sr.amz_date = FormatAmzDate(Clock::now());
  sr.region = options_.region;
  sr.service = "sts";
  sr.headers = {{"content-type", "application/x-www-form-urlencoded; charset=utf-8"},
                {"host", ep.authority},
                {"x-amz-date", sr.amz_date},
                {"x-amz-content-sha256", sr.payload_sha256_hex}};
  if (!options_.caller.session_token.empty()) {
    sr.headers.emplace_back("x-amz-security-token", options_.caller.session_token);
  }
  SigV4Signature sig = SignV4(sr, options_.caller.access_key_id, options_.caller.secret_access_key);

  HttpRequest req;
  req.method = "POST";
  req.url = ep.scheme + "://" + ep.authority + "/";
  req.headers = sr.headers;
  req.headers.emplace_back("authorization", sig.authorization);
  req.body = body;
  Result<HttpResponse> resp = StsHttpClient().Send(req);
  if (!resp.ok()) return resp.status().WithContext(where);
  if (resp->status < 200 || resp->status >= 300) {
    return ServiceErrorStatus("AssumeRole", options_.role_arn + "' via '" + options_.sts_endpoint,
                              resp->status, ParseServiceError(resp->body));
  }

  pugi::xml_document doc;
  if (!doc.load_buffer(resp->body.data(), resp->body.size())) {
    return Error(ErrorCode::StorageOther, where + ": the STS response is not XML");
  }
  pugi::xml_node c = doc.child("AssumeRoleResponse").child("AssumeRoleResult").child("Credentials");
  AwsCredentials out;
  out.access_key_id = c.child_value("AccessKeyId");
  out.secret_access_key = c.child_value("SecretAccessKey");
  out.session_token = c.child_value("SessionToken");
  std::optional<int64_t> expiry_ms = ParseIso8601Ms(c.child_value("Expiration"));
  if (out.access_key_id.empty() || out.secret_access_key.empty() || !expiry_ms) {
    return Error(ErrorCode::StorageOther,
                 where + ": the STS response lacks AccessKeyId, SecretAccessKey or Expiration");
  }
  out.expiry = Clock::time_point(std::chrono::milliseconds(*expiry_ms));
  return out;
}

}  // namespace strata::s3
