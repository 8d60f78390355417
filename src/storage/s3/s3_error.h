// Turns an S3 (or STS) error response into a Status: the operation, the object, the HTTP
// status and the service's own Code and Message, with the code strata's callers act on.
//
//   NoSuchKey, or a bare 404          -> StorageNotFound (3001)
//   AccessDenied, InvalidAccessKeyId,
//   SignatureDoesNotMatch, ExpiredToken,
//   InvalidToken, ...                 -> StoragePermissionDenied (3002)
//   5xx, SlowDown, throttling,
//   RequestTimeout                    -> StorageUnavailable (3901), retryable
//   anything else (NoSuchBucket, ...)  -> StorageOther (4000)
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"

namespace strata::s3 {

struct ServiceError {
  std::string code;     // "NoSuchKey"; empty when the body had none (e.g. HEAD)
  std::string message;  // the service's sentence; may be empty
};

// Reads S3's <Error><Code/><Message/></Error> and STS's
// <ErrorResponse><Error>...</Error></ErrorResponse>. Returns empty fields for any other body.
ServiceError ParseServiceError(std::string_view body);

// REQUIRES: http_status is not 2xx. `location` is "s3://bucket/key" or similar.
Status ServiceErrorStatus(std::string_view op, std::string_view location, long http_status,
                          const ServiceError& error);

// True for the codes that mean "these temporary credentials are no longer good": the
// credential layer refreshes and the request is retried once.
bool IsExpiredCredentialsCode(std::string_view code);

}  // namespace strata::s3
