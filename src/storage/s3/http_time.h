// The two timestamp forms S3 and STS send: ISO 8601 in XML bodies
// ("2026-11-25T02:42:28.174Z", STS's Expiration, ListObjects' LastModified) and the HTTP
// date in headers ("Wed, 25 Nov 2026 02:42:28 GMT", Last-Modified).
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace strata::s3 {

// Milliseconds since the Unix epoch; nullopt when `s` is not of the form. Accepts an
// optional fraction and a 'Z' or "+00:00" zone.
std::optional<int64_t> ParseIso8601Ms(std::string_view s);
std::optional<int64_t> ParseHttpDateMs(std::string_view s);

}  // namespace strata::s3
