// AWS Signature Version 4 (the scheme S3, STS and every S3-compatible service accept):
// builds the canonical request and the string to sign, derives the signing key and produces
// the Authorization header value.
//
// The caller chooses which headers are signed (every header passed in is); for S3 that is at
// least host, x-amz-date and x-amz-content-sha256, plus x-amz-security-token with temporary
// credentials. Paths are taken already URI-encoded (S3 does not normalize or double-encode
// paths); query parameters are taken decoded and encoded here.
//
// Thread-safety: pure functions, callable from many threads at once.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace strata::s3 {

using KeyValues = std::vector<std::pair<std::string, std::string>>;

struct SigV4Request {
  std::string method;         // "GET", "PUT", ...
  std::string canonical_uri;  // URI-encoded path, e.g. "/bucket/a%20b"
  KeyValues query;            // decoded names and values, any order
  KeyValues headers;          // every header to sign, any case and order
  std::string payload_sha256_hex;
  std::string amz_date;  // "20150830T123600Z"
  std::string region;
  std::string service;  // "s3", "sts"
};

struct SigV4Signature {
  std::string canonical_request;
  std::string string_to_sign;
  std::string signature;      // hex
  std::string authorization;  // the Authorization header's value
};

// REQUIRES: request.amz_date is in the "YYYYMMDDTHHMMSSZ" form.
SigV4Signature SignV4(const SigV4Request& request, std::string_view access_key_id,
                      std::string_view secret_access_key);

// RFC 3986 percent-encoding as SigV4 defines it: unreserved characters (A-Z a-z 0-9 - . _ ~)
// stay, every other byte becomes %XY (upper-case hex); '/' stays unless `encode_slash`.
std::string UriEncode(std::string_view s, bool encode_slash);

// "a=1&b=2": names and values encoded with UriEncode, sorted by name then value. The same
// string serves as the request's query string, so what is sent is what was signed.
std::string CanonicalQueryString(const KeyValues& query);

// "20150830T123600Z" in UTC.
std::string FormatAmzDate(std::chrono::system_clock::time_point t);

}  // namespace strata::s3
