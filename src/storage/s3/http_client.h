// A small HTTP/1.1 client over libcurl for the S3 and STS clients: a pool of reusable easy
// handles (so connections are kept alive between requests), connect and stall timeouts,
// http and https.
//
// Thread-safety: Send may be called from many threads at once; each call borrows its own
// handle from the pool, so several requests are in flight at once.
#pragma once

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "storage/s3/sigv4_signer.h"

namespace strata::s3 {

struct HttpOptions {
  long connect_timeout_ms = 10'000;
  // A transfer slower than low_speed_bytes_per_s for low_speed_time_s is abandoned (a
  // stalled server must not hang a query forever).
  long low_speed_bytes_per_s = 1024;
  long low_speed_time_s = 30;
  bool verify_tls = true;
};

struct HttpRequest {
  std::string method;  // GET, HEAD, PUT, POST, DELETE
  std::string url;
  KeyValues headers;
  std::string_view body;  // sent for PUT and POST; must outlive Send
  // When set, a 2xx response body is written here instead of HttpResponse::body (at most
  // sink_capacity bytes; more is an error). Lets parallel range reads fill one buffer.
  char* sink = nullptr;
  size_t sink_capacity = 0;
};

struct HttpResponse {
  long status = 0;
  std::string body;
  size_t sink_bytes = 0;
  KeyValues headers;  // names in lower case

  // The first header named `name` (lower case), or "".
  std::string Header(std::string_view name) const;
};

class HttpClient {
 public:
  explicit HttpClient(HttpOptions options = {});
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Any HTTP status is a response, not an error. Transport failures (refused, reset, timed
  // out, TLS) are StorageUnavailable with retryable() set, naming the host, never the query.
  Result<HttpResponse> Send(const HttpRequest& request);

 private:
  void* Acquire();
  void Release(void* handle);

  const HttpOptions options_;
  std::mutex mu_;
  std::vector<void*> idle_;  // GUARDED_BY(mu_); CURL* easy handles
};

}  // namespace strata::s3
