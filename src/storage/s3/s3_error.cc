#include "storage/s3/s3_error.h"

#include <pugixml.hpp>

namespace strata::s3 {
namespace {

bool IsOneOf(std::string_view code, std::initializer_list<std::string_view> codes) {
  for (auto c : codes) {
    if (code == c) return true;
  }
  return false;
}

std::string StatusText(long http_status) {
  switch (http_status) {
    case 400:
      return "Bad Request";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 409:
      return "Conflict";
    case 412:
      return "Precondition Failed";
    case 416:
      return "Range Not Satisfiable";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return "";
  }
}

}  // namespace

ServiceError ParseServiceError(std::string_view body) {
  ServiceError e;
  if (body.empty()) return e;
  pugi::xml_document doc;
  if (!doc.load_buffer(body.data(), body.size())) return e;
  pugi::xml_node err = doc.child("Error");
  if (!err) err = doc.child("ErrorResponse").child("Error");
  if (!err) return e;
  e.code = err.child_value("Code");
  e.message = err.child_value("Message");
  return e;
}

bool IsExpiredCredentialsCode(std::string_view code) {
  return IsOneOf(
      code, {"ExpiredToken", "ExpiredTokenException", "TokenRefreshRequired", "RequestExpired"});
}

Status ServiceErrorStatus(std::string_view op, std::string_view location, long http_status,
                          const ServiceError& error) {
  std::string msg =
      std::string(op) + " '" + std::string(location) + "': HTTP " + std::to_string(http_status);
  if (!error.code.empty()) {
    msg += " " + error.code;
  } else {
    std::string text = StatusText(http_status);
    if (!text.empty()) msg += " " + text;
  }
  if (!error.message.empty()) msg += ": " + error.message;

  const std::string& code = error.code;
  if (code == "NoSuchKey" || (code.empty() && http_status == 404)) {
    return Error(ErrorCode::StorageNotFound, msg);
  }
  if (http_status >= 500 || http_status == 429 ||
      IsOneOf(code, {"SlowDown", "Throttling", "ThrottlingException", "RequestTimeout",
                     "InternalError", "ServiceUnavailable", "RequestLimitExceeded"})) {
    return Error(ErrorCode::StorageUnavailable, msg).set_retryable(true);
  }
  if (http_status == 403 || IsExpiredCredentialsCode(code) ||
      IsOneOf(code, {"AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidToken",
                     "InvalidClientTokenId", "AllAccessDisabled", "AccountProblem"})) {
    return Error(ErrorCode::StoragePermissionDenied, msg);
  }
  return Error(ErrorCode::StorageOther, msg);
}

}  // namespace strata::s3
