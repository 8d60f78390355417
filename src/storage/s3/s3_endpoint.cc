#include "storage/s3/s3_endpoint.h"

namespace strata::s3 {

Result<Endpoint> ParseEndpoint(std::string_view url) {
  Endpoint ep;
  std::string_view rest;
  if (url.starts_with("http://")) {
    ep.scheme = "http";
    rest = url.substr(7);
  } else if (url.starts_with("https://")) {
    ep.scheme = "https";
    rest = url.substr(8);
  } else {
    return Error(ErrorCode::StorageOther,
                 "endpoint_url '" + std::string(url) + "' must start with http:// or https://");
  }
  while (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
  if (rest.empty() || rest.find_first_of("/?#@ ") != std::string_view::npos) {
    // '@' would put credentials in the URL; a path is not something S3 endpoints have.
    return Error(ErrorCode::StorageOther,
                 "endpoint_url must be scheme://host[:port], got '" + std::string(url) + "'");
  }
  ep.authority = std::string(rest);
  return ep;
}

}  // namespace strata::s3
