// ObjectStore over S3 and S3-compatible services (radosgw, MinIO, ...).
//
// Objects are "<root><key>" inside the bucket. Requests are signed with Signature V4 from a
// CredentialProvider (unsigned when there is none); x-amz-content-sha256 is always sent.
// Large objects move in parallel: a Put of at least `multipart_threshold` bytes is a
// multipart upload of `part_size` parts (aborted on failure), and a read of more than
// `read_chunk_size` bytes fetches the rest of the object in parallel ranges after the first
// one has told its size. A request rejected with ExpiredToken (or, with temporary keys,
// refused in a way a stale session is) is retried once if the provider refreshes its keys.
// Other retries belong to RetryingObjectStore.
//
// Thread-safety: every method may be called from many threads at once.
#pragma once

#include <memory>
#include <string>

#include "storage/object_store.h"
#include "storage/s3/credential_provider.h"
#include "storage/s3/http_client.h"
#include "storage/s3/s3_endpoint.h"

namespace strata {

struct S3Options {
  uint64_t multipart_threshold = 16ull << 20;
  uint64_t part_size = 8ull << 20;  // >= 5 MiB, S3's minimum part
  uint64_t read_chunk_size = 8ull << 20;
  int max_parallel_requests = 8;  // per operation
  s3::HttpOptions http;
};

class S3ObjectStore final : public ObjectStore {
 public:
  // Credentials from params (see s3::MakeCredentialProvider).
  static Result<std::shared_ptr<S3ObjectStore>> Open(const StorageParams& params,
                                                     S3Options options = {});
  // With an explicit provider; nullptr means unsigned requests.
  static Result<std::shared_ptr<S3ObjectStore>> Open(const StorageParams& params,
                                                     s3::CredentialProviderPtr provider,
                                                     S3Options options);

  Result<std::string> Get(const std::string& key) override;
  Result<std::string> GetRange(const std::string& key, uint64_t offset, uint64_t length) override;
  Status Put(const std::string& key, std::string_view data) override;
  Result<ObjectMeta> Stat(const std::string& key) override;
  Result<std::vector<ObjectMeta>> List(const std::string& prefix) override;
  Status Delete(const std::string& key) override;
  // DeleteObjects in batches of at most 1000 keys.
  Status DeleteMany(const std::vector<std::string>& keys) override;
  std::string Describe() const override;

  struct Call;

 private:
  S3ObjectStore(StorageParams params, s3::Endpoint endpoint, s3::CredentialProviderPtr provider,
                S3Options options);

  // Sends one signed request. Any HTTP status is returned as a response; transport failures
  // are errors. Handles the one ExpiredToken refresh.
  Result<s3::HttpResponse> Execute(const Call& call);
  // The Status for a non-2xx response to `call`.
  Status Failure(const Call& call, const s3::HttpResponse& response) const;
  std::string Location(const std::string& full_key) const;

  // Reads [offset, offset + length) of the full key, clipped to the object's end.
  Result<std::string> ReadRange(const char* op, const std::string& full_key, uint64_t offset,
                                uint64_t length);
  Status PutMultipart(const std::string& full_key, std::string_view data);

  const StorageParams params_;  // root normalized: "" or "dir/"
  const s3::Endpoint endpoint_;
  const s3::CredentialProviderPtr provider_;
  const S3Options options_;
  s3::HttpClient http_;
};

}  // namespace strata
