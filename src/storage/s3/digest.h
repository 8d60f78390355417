// Hashes and encodings S3 requests need: SHA-256 and HMAC-SHA256 for Signature V4, MD5 for
// DeleteObjects' Content-MD5, hex and base64 for putting digests into headers.
//
// Thread-safety: every function is pure and may be called from many threads at once.
#pragma once

#include <string>
#include <string_view>

namespace strata::s3 {

// Raw 32-byte digest.
std::string Sha256(std::string_view data);
std::string Sha256Hex(std::string_view data);
// Raw 32-byte HMAC-SHA256 of `data` under `key`.
std::string HmacSha256(std::string_view key, std::string_view data);
// Raw 16-byte digest.
std::string Md5(std::string_view data);

std::string HexEncode(std::string_view bytes);  // lower case
std::string Base64Encode(std::string_view bytes);

}  // namespace strata::s3
