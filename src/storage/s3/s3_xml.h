// The XML bodies of the S3 API calls strata makes: ListObjectsV2 pages, multipart upload
// initiate/complete, DeleteObjects requests and results. Parsed with pugixml; malformed
// bodies are errors, never crashes.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "storage/object_store.h"

namespace strata::s3 {

struct ListPage {
  std::vector<ObjectMeta> objects;  // full keys in the bucket
  bool truncated = false;
  std::string next_continuation_token;
};

// `url_encoded_keys`: the request asked for encoding-type=url, so keys are percent-decoded.
Result<ListPage> ParseListObjectsV2(std::string_view body, bool url_encoded_keys);

Result<std::string> ParseInitiateMultipartUpload(std::string_view body);  // the UploadId

// REQUIRES: etags[i] is part i+1's ETag header, quotes included.
std::string BuildCompleteMultipartUpload(const std::vector<std::string>& etags);

// Quiet-mode DeleteObjects request for full keys.
std::string BuildDeleteObjects(const std::vector<std::string>& keys);

struct DeleteFailure {
  std::string key;
  std::string code;
  std::string message;
};
// The per-key failures a DeleteObjects result reports (none in the usual case).
Result<std::vector<DeleteFailure>> ParseDeleteObjectsResult(std::string_view body);

// "%2F" -> "/", "+" -> " " (as S3 encodes listed keys).
std::string UrlDecode(std::string_view s);

}  // namespace strata::s3
