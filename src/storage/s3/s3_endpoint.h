// The scheme and authority ("host[:port]") of an S3 or STS endpoint URL.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"

namespace strata::s3 {

struct Endpoint {
  std::string scheme;     // "http" or "https"
  std::string authority;  // "127.0.0.1:7480"; what the Host header carries and is signed
};

// Accepts "http://host[:port]" and "https://host[:port]", with or without a trailing '/'.
// Anything else (no scheme, a path, credentials in the URL) is StorageOther.
Result<Endpoint> ParseEndpoint(std::string_view url);

}  // namespace strata::s3
