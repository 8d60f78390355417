// Where a table's (or a connection's) objects live and how to reach them.
//
// Secrets (secret_access_key, session_token) live only in memory here; whoever persists or
// prints StorageParams must go through catalog/secret_box.h or Masked*().
#pragma once

#include <map>
#include <string>

namespace strata {

struct Credentials {
  std::string access_key_id;
  std::string secret_access_key;
  std::string session_token;
  std::string role_arn;
  std::string external_id;

  bool empty() const {
    return access_key_id.empty() && secret_access_key.empty() && session_token.empty() &&
           role_arn.empty() && external_id.empty();
  }
  bool operator==(const Credentials&) const = default;
};

struct StorageParams {
  std::string type;    // "fs", "s3" or "memory"
  std::string bucket;  // s3 only
  // Key prefix inside the bucket (s3, no leading '/', ends with '/' unless empty), or the
  // absolute directory (fs), or the namespace name (memory).
  std::string root;
  std::string endpoint_url;  // s3: "http://127.0.0.1:7480"; empty = AWS
  std::string region;        // s3: default "us-east-1"
  bool virtual_host_style = false;
  Credentials credentials;

  bool operator==(const StorageParams&) const = default;

  // The same storage with `sub` appended to the root ("<root><sub>/").
  StorageParams WithSubRoot(const std::string& sub) const;

  // "s3://bucket/root/" or "fs:///abs/root/": the location as a user wrote it.
  std::string Location() const;
};

// access_key_id masked to its first and last two characters ("AK***YZ"); short ids are
// masked entirely.
std::string MaskAccessKey(const std::string& access_key_id);

}  // namespace strata
