#include "storage/s3/s3_object_store.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <functional>
#include <thread>

#include "storage/large_buffer.h"
#include "storage/object_key.h"
#include "storage/s3/digest.h"
#include "storage/s3/http_time.h"
#include "storage/s3/s3_error.h"
#include "storage/s3/s3_xml.h"
#include "storage/s3/sigv4_signer.h"

namespace strata {

using s3::HttpRequest;
using s3::HttpResponse;
using s3::KeyValues;

struct S3ObjectStore::Call {
  const char* op = "";
  std::string key;  // full key in the bucket; empty for bucket-level requests
  std::string method = "GET";
  KeyValues query;
  KeyValues headers;  // besides host, x-amz-*; all are signed
  std::string_view body;
  char* sink = nullptr;
  size_t sink_capacity = 0;
};

namespace {

constexpr size_t kDeleteBatch = 1000;  // DeleteObjects' limit

bool Is2xx(long status) { return status >= 200 && status < 300; }

// Runs fn(0..n-1) on up to `parallelism` threads (the caller's included). Stops handing out
// work after the first failure and returns that failure.
Status ParallelFor(size_t n, int parallelism, const std::function<Status(size_t)>& fn) {
  if (n == 0) return Status::OK();
  size_t threads = std::min<size_t>(n, std::max(1, parallelism));
  if (threads == 1) {
    for (size_t i = 0; i < n; ++i) RETURN_IF_ERROR(fn(i));
    return Status::OK();
  }
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex mu;
  Status first_error;
  auto worker = [&] {
    while (!failed.load()) {
      size_t i = next++;
      if (i >= n) break;
      Status st = fn(i);
      if (!st.ok()) {
        std::lock_guard<std::mutex> lock(mu);
        if (first_error.ok()) first_error = st;
        failed = true;
      }
    }
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  return first_error;
}

// "bytes 0-8388607/41943040" -> 41943040; nullopt when absent or unknown ("*").
std::optional<uint64_t> TotalFromContentRange(const std::string& v) {
  size_t slash = v.rfind('/');
  if (slash == std::string::npos || slash + 1 >= v.size()) return std::nullopt;
  char* end = nullptr;
  uint64_t total = std::strtoull(v.c_str() + slash + 1, &end, 10);
  if (end == v.c_str() + slash + 1 || *end != '\0') return std::nullopt;
  return total;
}

std::string RangeHeader(uint64_t first, uint64_t last_inclusive) {
  return "bytes=" + std::to_string(first) + "-" + std::to_string(last_inclusive);
}

// Replaces every occurrence of the secrets in `text` (defence in depth: a service could echo
// a header back).
std::string Scrub(std::string text, const s3::AwsCredentials& creds) {
  for (const std::string* secret : {&creds.secret_access_key, &creds.session_token}) {
    if (secret->size() < 4) continue;
    for (size_t p = text.find(*secret); p != std::string::npos; p = text.find(*secret, p)) {
      text.replace(p, secret->size(), "******");
    }
  }
  return text;
}

}  // namespace

Result<std::shared_ptr<S3ObjectStore>> S3ObjectStore::Open(const StorageParams& params,
                                                           S3Options options) {
  ASSIGN_OR_RETURN(s3::CredentialProviderPtr provider, s3::MakeCredentialProvider(params));
  return Open(params, std::move(provider), std::move(options));
}

Result<std::shared_ptr<S3ObjectStore>> S3ObjectStore::Open(const StorageParams& params,
                                                           s3::CredentialProviderPtr provider,
                                                           S3Options options) {
  if (params.bucket.empty()) return Error(ErrorCode::StorageOther, "s3 storage needs a bucket");
  StorageParams p = params;
  if (p.region.empty()) p.region = "us-east-1";
  while (!p.root.empty() && p.root.front() == '/') p.root.erase(0, 1);
  if (!p.root.empty() && p.root.back() != '/') p.root += '/';
  if (!p.root.empty()) {
    RETURN_IF_ERROR(CheckListPrefix(p.root).WithContext("s3 root"));
  }
  std::string url =
      p.endpoint_url.empty() ? "https://s3." + p.region + ".amazonaws.com" : p.endpoint_url;
  ASSIGN_OR_RETURN(s3::Endpoint ep, s3::ParseEndpoint(url));
  options.part_size = std::max<uint64_t>(options.part_size, 5ull << 20);
  options.read_chunk_size = std::max<uint64_t>(options.read_chunk_size, 64 << 10);
  return std::shared_ptr<S3ObjectStore>(
      new S3ObjectStore(std::move(p), std::move(ep), std::move(provider), std::move(options)));
}

S3ObjectStore::S3ObjectStore(StorageParams params, s3::Endpoint endpoint,
                             s3::CredentialProviderPtr provider, S3Options options)
    : params_(std::move(params)),
      endpoint_(std::move(endpoint)),
      provider_(std::move(provider)),
      options_(std::move(options)),
      http_(options_.http) {}

std::string S3ObjectStore::Describe() const {
  return "s3://" + params_.bucket + "/" + params_.root;
}

std::string S3ObjectStore::Location(const std::string& full_key) const {
  return "s3://" + params_.bucket + "/" + full_key;
}

Result<HttpResponse> S3ObjectStore::Execute(const Call& call) {
  std::string authority = endpoint_.authority;
  std::string path;
  if (params_.virtual_host_style) {
    authority = params_.bucket + "." + authority;
    path = "/" + s3::UriEncode(call.key, /*encode_slash=*/false);
  } else {
    path = "/" + params_.bucket;
    if (!call.key.empty()) path += "/" + s3::UriEncode(call.key, /*encode_slash=*/false);
  }
  std::string query = s3::CanonicalQueryString(call.query);
  std::string payload_hash = s3::Sha256Hex(call.body);

  for (int attempt = 0;; ++attempt) {
    s3::AwsCredentials creds;
    if (provider_) {
      Result<s3::AwsCredentials> c = provider_->Get();
      if (!c.ok())
        return c.status().WithContext(std::string(call.op) + " '" + Location(call.key) + "'");
      creds = std::move(c).value();
    }
    s3::SigV4Request sr;
    sr.method = call.method;
    sr.canonical_uri = path;
    sr.query = call.query;
    sr.headers = call.headers;
    sr.headers.emplace_back("host", authority);
    sr.amz_date = s3::FormatAmzDate(std::chrono::system_clock::now());
    sr.headers.emplace_back("x-amz-date", sr.amz_date);
    sr.headers.emplace_back("x-amz-content-sha256", payload_hash);
    if (!creds.session_token.empty()) {
      sr.headers.emplace_back("x-amz-security-token", creds.session_token);
    }
    HttpRequest req;
    req.method = call.method;
    req.url = endpoint_.scheme + "://" + authority + path + (query.empty() ? "" : "?" + query);
    req.headers = sr.headers;
    if (!creds.anonymous()) {
      sr.region = params_.region;
      sr.service = "s3";
      sr.payload_sha256_hex = payload_hash;
      req.headers.emplace_back(
          "authorization",
          s3::SignV4(sr, creds.access_key_id, creds.secret_access_key).authorization);
    }
    req.body = call.body;
    req.sink = call.sink;
    req.sink_capacity = call.sink_capacity;

    Result<HttpResponse> resp = http_.Send(req);
    if (!resp.ok()) {
      return resp.status().WithContext(std::string(call.op) + " '" + Location(call.key) + "'");
    }
    if (attempt == 0 && provider_ && (resp->status == 400 || resp->status == 403)) {
      std::string code = s3::ParseServiceError(resp->body).code;
      bool expired = s3::IsExpiredCredentialsCode(code);
      // Temporary keys refused for another reason may be stale too: radosgw answers
      // AccessDenied for an expired session and InvalidArgument for one it cannot decode.
      bool maybe_stale = !creds.session_token.empty() &&
                         (code == "AccessDenied" || code == "InvalidAccessKeyId" ||
                          code == "InvalidToken" || code == "InvalidArgument" || code.empty());
      if ((expired || maybe_stale) &&
          provider_->Invalidate(creds,
                                expired ? s3::Rejection::kExpired : s3::Rejection::kDenied)) {
        continue;
      }
    }
    if (!Is2xx(resp->status)) resp->body = Scrub(std::move(resp->body), creds);
    return resp;
  }
}

Status S3ObjectStore::Failure(const Call& call, const HttpResponse& resp) const {
  return s3::ServiceErrorStatus(call.op, Location(call.key), resp.status,
                                s3::ParseServiceError(resp.body));
}

Result<std::string> S3ObjectStore::ReadRange(const char* op, const std::string& full_key,
                                             uint64_t offset, uint64_t length) {
  const uint64_t want_end = length > UINT64_MAX - offset ? UINT64_MAX : offset + length;
  const uint64_t first_len = std::min(length, options_.read_chunk_size);

  Call first;
  first.op = op;
  first.key = full_key;
  first.headers = {{"range", RangeHeader(offset, offset + first_len - 1)}};
  ASSIGN_OR_RETURN(HttpResponse resp, Execute(first));
  // 416: the object exists but the range starts at or past its end.
  if (resp.status == 416) return std::string();
  if (!Is2xx(resp.status)) return Failure(first, resp);
  if (resp.status == 200) {  // the service ignored the range and sent the whole object
    if (offset >= resp.body.size()) return std::string();
    return resp.body.substr(offset, std::min<uint64_t>(length, resp.body.size() - offset));
  }
  std::optional<uint64_t> total = TotalFromContentRange(resp.Header("content-range"));
  if (!total) {
    return Error(ErrorCode::StorageOther,
                 std::string(op) + " '" + Location(full_key) + "': no Content-Range in a 206");
  }
  const uint64_t end = std::min(want_end, *total);
  if (end <= offset) return std::string();
  if (offset + resp.body.size() >= end) {
    resp.body.resize(end - offset);
    return std::move(resp.body);
  }

  // The rest in parallel, each range into its place in one buffer. If-Match makes a
  // concurrent overwrite fail the read instead of mixing two versions.
  std::string out = MakeLargeString(end - offset);
  std::memcpy(out.data(), resp.body.data(), resp.body.size());
  const uint64_t rest_start = offset + resp.body.size();
  const uint64_t chunk = options_.read_chunk_size;
  const size_t chunks = static_cast<size_t>((end - rest_start + chunk - 1) / chunk);
  const std::string etag = resp.Header("etag");
  resp = HttpResponse();
  Status st = ParallelFor(chunks, options_.max_parallel_requests, [&](size_t i) -> Status {
    uint64_t from = rest_start + i * chunk;
    uint64_t len = std::min(chunk, end - from);
    Call c;
    c.op = op;
    c.key = full_key;
    c.headers = {{"range", RangeHeader(from, from + len - 1)}};
    if (!etag.empty()) c.headers.emplace_back("if-match", etag);
    c.sink = out.data() + (from - offset);
    c.sink_capacity = len;
    ASSIGN_OR_RETURN(HttpResponse r, Execute(c));
    if (r.status == 412 || r.status == 416) {
      return Error(ErrorCode::StorageUnavailable, std::string(op) + " '" + Location(full_key) +
                                                      "': the object changed while "
                                                      "it was being read")
          .set_retryable(true);
    }
    if (!Is2xx(r.status)) return Failure(c, r);
    if (r.status != 206 || r.sink_bytes != len) {
      return Error(ErrorCode::StorageUnavailable,
                   std::string(op) + " '" + Location(full_key) + "': short read of a range")
          .set_retryable(true);
    }
    return Status::OK();
  });
  RETURN_IF_ERROR(st);
  return out;
}

Result<std::string> S3ObjectStore::Get(const std::string& key) {
  RETURN_IF_ERROR(CheckObjectKey("Get", key));
  return ReadRange("Get", params_.root + key, 0, UINT64_MAX);
}

Result<std::string> S3ObjectStore::GetRange(const std::string& key, uint64_t offset,
                                            uint64_t length) {
  RETURN_IF_ERROR(CheckObjectKey("GetRange", key));
  if (length == 0) {
    // Nothing to read, but a missing object is still an error.
    RETURN_IF_ERROR(Stat(key).status());
    return std::string();
  }
  return ReadRange("GetRange", params_.root + key, offset, length);
}

Status S3ObjectStore::Put(const std::string& key, std::string_view data) {
  RETURN_IF_ERROR(CheckObjectKey("Put", key));
  std::string full_key = params_.root + key;
  if (data.size() >= options_.multipart_threshold) return PutMultipart(full_key, data);
  Call c;
  c.op = "Put";
  c.key = full_key;
  c.method = "PUT";
  c.body = data;
  ASSIGN_OR_RETURN(HttpResponse r, Execute(c));
  if (!Is2xx(r.status)) return Failure(c, r);
  return Status::OK();
}

Status S3ObjectStore::PutMultipart(const std::string& full_key, std::string_view data) {
  Call create;
  create.op = "Put (create multipart upload)";
  create.key = full_key;
  create.method = "POST";
  create.query = {{"uploads", ""}};
  ASSIGN_OR_RETURN(HttpResponse cr, Execute(create));
  if (!Is2xx(cr.status)) return Failure(create, cr);
  Result<std::string> upload_id = s3::ParseInitiateMultipartUpload(cr.body);
  if (!upload_id.ok()) return upload_id.status().WithContext("Put '" + Location(full_key) + "'");

  const uint64_t part = options_.part_size;
  const size_t parts = static_cast<size_t>((data.size() + part - 1) / part);
  std::vector<std::string> etags(parts);
  Status st = ParallelFor(parts, options_.max_parallel_requests, [&](size_t i) -> Status {
    Call c;
    c.op = "Put (upload part)";
    c.key = full_key;
    c.method = "PUT";
    c.query = {{"partNumber", std::to_string(i + 1)}, {"uploadId", *upload_id}};
    c.body = data.substr(i * part, std::min<uint64_t>(part, data.size() - i * part));
    ASSIGN_OR_RETURN(HttpResponse r, Execute(c));
    if (!Is2xx(r.status)) return Failure(c, r);
    etags[i] = r.Header("etag");
    if (etags[i].empty()) {
      return Error(ErrorCode::StorageOther,
                   "Put '" + Location(full_key) + "': no ETag for part " + std::to_string(i + 1));
    }
    return Status::OK();
  });

  if (st.ok()) {
    std::string body = s3::BuildCompleteMultipartUpload(etags);
    Call done;
    done.op = "Put (complete multipart upload)";
    done.key = full_key;
    done.method = "POST";
    done.query = {{"uploadId", *upload_id}};
    done.headers = {{"content-type", "application/xml"}};
    done.body = body;
    Result<HttpResponse> r = Execute(done);
    if (!r.ok()) {
      st = r.status();
    } else if (!Is2xx(r->status)) {
      st = Failure(done, *r);
    } else {
      // Completion can fail after a 200 status line: the error then comes in the body.
      s3::ServiceError e = s3::ParseServiceError(r->body);
      if (!e.code.empty()) {
        long as_status = e.code == "InternalError" || e.code == "SlowDown" ? 503 : 400;
        st = s3::ServiceErrorStatus(done.op, Location(full_key), as_status, e);
      }
    }
  }
  if (!st.ok()) {
    // Parts of an abandoned upload cost storage until aborted; the Put's own error matters
    // more than the abort's.
    Call abort;
    abort.op = "Put (abort multipart upload)";
    abort.key = full_key;
    abort.method = "DELETE";
    abort.query = {{"uploadId", *upload_id}};
    (void)Execute(abort);
    return st;
  }
  return Status::OK();
}

Result<ObjectMeta> S3ObjectStore::Stat(const std::string& key) {
  RETURN_IF_ERROR(CheckObjectKey("Stat", key));
  Call c;
  c.op = "Stat";
  c.key = params_.root + key;
  c.method = "HEAD";
  ASSIGN_OR_RETURN(HttpResponse r, Execute(c));
  if (!Is2xx(r.status)) {
    if (r.status < 500) {
      // A HEAD error has no body; a one-byte GET tells the service's reason (NoSuchBucket
      // versus NoSuchKey, AccessDenied versus InvalidAccessKeyId).
      Call probe;
      probe.op = "Stat";
      probe.key = c.key;
      probe.headers = {{"range", "bytes=0-0"}};
      Result<HttpResponse> pr = Execute(probe);
      if (pr.ok() && !Is2xx(pr->status) && pr->status != 416 &&
          !s3::ParseServiceError(pr->body).code.empty()) {
        return Failure(probe, *pr);
      }
    }
    return Failure(c, r);
  }
  ObjectMeta m;
  m.key = key;
  m.size = std::strtoull(r.Header("content-length").c_str(), nullptr, 10);
  m.etag = r.Header("etag");
  m.last_modified_ms = s3::ParseHttpDateMs(r.Header("last-modified")).value_or(0);
  return m;
}

Result<std::vector<ObjectMeta>> S3ObjectStore::List(const std::string& prefix) {
  RETURN_IF_ERROR(CheckListPrefix(prefix));
  std::vector<ObjectMeta> out;
  std::string token;
  do {
    Call c;
    c.op = "List";
    c.query = {{"list-type", "2"},
               {"prefix", params_.root + prefix},
               {"max-keys", "1000"},
               {"encoding-type", "url"}};
    if (!token.empty()) c.query.emplace_back("continuation-token", token);
    ASSIGN_OR_RETURN(HttpResponse r, Execute(c));
    if (!Is2xx(r.status)) {
      c.key = params_.root + prefix;  // name the prefix in the message
      return Failure(c, r);
    }
    Result<s3::ListPage> page = s3::ParseListObjectsV2(r.body, /*url_encoded_keys=*/true);
    if (!page.ok())
      return page.status().WithContext("List '" + Location(params_.root + prefix) + "'");
    for (ObjectMeta& m : page->objects) {
      if (!m.key.starts_with(params_.root)) continue;
      m.key.erase(0, params_.root.size());
      out.push_back(std::move(m));
    }
    token = page->truncated ? page->next_continuation_token : "";
  } while (!token.empty());
  // S3 lists in UTF-8 binary order already; sorting keeps the contract if a service differs.
  std::sort(out.begin(), out.end(),
            [](const ObjectMeta& a, const ObjectMeta& b) { return a.key < b.key; });
  return out;
}

Status S3ObjectStore::Delete(const std::string& key) {
  RETURN_IF_ERROR(CheckObjectKey("Delete", key));
  Call c;
  c.op = "Delete";
  c.key = params_.root + key;
  c.method = "DELETE";
  ASSIGN_OR_RETURN(HttpResponse r, Execute(c));
  if (Is2xx(r.status)) return Status::OK();
  if (r.status == 404 && s3::ParseServiceError(r.body).code == "NoSuchKey") return Status::OK();
  return Failure(c, r);
}

Status S3ObjectStore::DeleteMany(const std::vector<std::string>& keys) {
  for (const auto& k : keys) RETURN_IF_ERROR(CheckObjectKey("DeleteMany", k));
  for (size_t start = 0; start < keys.size(); start += kDeleteBatch) {
    std::vector<std::string> batch;
    for (size_t i = start; i < std::min(keys.size(), start + kDeleteBatch); ++i) {
      batch.push_back(params_.root + keys[i]);
    }
    std::string body = s3::BuildDeleteObjects(batch);
    Call c;
    c.op = "DeleteMany";
    c.method = "POST";
    c.query = {{"delete", ""}};
    c.headers = {{"content-md5", s3::Base64Encode(s3::Md5(body))},
                 {"content-type", "application/xml"}};
    c.body = body;
    ASSIGN_OR_RETURN(HttpResponse r, Execute(c));
    if (!Is2xx(r.status)) return Failure(c, r);
    Result<std::vector<s3::DeleteFailure>> failures = s3::ParseDeleteObjectsResult(r.body);
    if (!failures.ok()) return failures.status();
    for (const auto& f : *failures) {
      if (f.code == "NoSuchKey") continue;
      long as_status = f.code == "InternalError" || f.code == "SlowDown" ? 503
                       : f.code == "AccessDenied"                        ? 403
                                                                         : 400;
      return s3::ServiceErrorStatus("DeleteMany", Location(f.key), as_status, {f.code, f.message});
    }
  }
  return Status::OK();
}

}  // namespace strata
