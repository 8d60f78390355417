// The S3 server the S3 tests use, from the environment:
//   STRATA_TEST_S3_ENDPOINT    e.g. http://127.0.0.1:7480
//   STRATA_TEST_S3_ACCESS_KEY, STRATA_TEST_S3_SECRET_KEY, STRATA_TEST_S3_BUCKET
//   STRATA_TEST_S3_ROLE_ARN    optional: a role the key may assume (STS tests)
//   STRATA_TEST_S3_VHOST_ENDPOINT  the server as http://localhost:PORT, for virtual-host
//                              style (scripts/s3-server.sh sets `rgw dns name = localhost`)
// Tests that need it GTEST_SKIP with kS3SkipMessage when it is not set.
#pragma once

#include <atomic>
#include <cstdlib>
#include <optional>
#include <string>

#include <unistd.h>

#include "storage/storage_params.h"

namespace strata::testing_s3 {

inline constexpr char kS3SkipMessage[] =
    "S3 tests need STRATA_TEST_S3_ENDPOINT, STRATA_TEST_S3_ACCESS_KEY, "
    "STRATA_TEST_S3_SECRET_KEY and STRATA_TEST_S3_BUCKET (e.g. from scripts/s3-server.sh)";

inline std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v == nullptr ? "" : v;
}

// A root no other test run uses: "<tag>-<pid>-<n>/".
inline std::string UniqueRoot(const std::string& tag) {
  static std::atomic<int> n{0};
  return "strata-test/" + tag + "-" + std::to_string(::getpid()) + "-" + std::to_string(n++) + "-" +
         std::to_string(std::rand()) + "/";
}

// S3 parameters for the test server, under a fresh root; nullopt when not configured.
inline std::optional<StorageParams> S3Params(const std::string& tag) {
  StorageParams p;
  p.type = "s3";
  p.endpoint_url = Env("STRATA_TEST_S3_ENDPOINT");
  p.bucket = Env("STRATA_TEST_S3_BUCKET");
  p.credentials.access_key_id = Env("STRATA_TEST_S3_ACCESS_KEY");
  p.credentials.secret_access_key = Env("STRATA_TEST_S3_SECRET_KEY");
  if (p.endpoint_url.empty() || p.bucket.empty() || p.credentials.access_key_id.empty() ||
      p.credentials.secret_access_key.empty()) {
    return std::nullopt;
  }
  p.region = "us-east-1";
  p.root = UniqueRoot(tag);
  return p;
}

}  // namespace strata::testing_s3
