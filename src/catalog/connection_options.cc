#include "catalog/connection_options.h"

#include <cctype>
#include <set>

#include "common/ascii.h"

namespace strata {

namespace {

Status OptionError(std::string message) {
  return Error(ErrorCode::StorageOther, std::move(message));
}

// Canonical s3 option names; the order is the order they are listed in messages.
constexpr const char* kS3Keys[] = {
    "endpoint_url",  "region",   "access_key_id", "secret_access_key",
    "session_token", "role_arn", "external_id",   "enable_virtual_host_style",
};

struct Alias {
  const char* alias;
  const char* key;
};
constexpr Alias kS3Aliases[] = {
    {"aws_key_id", "access_key_id"}, {"aws_secret_key", "secret_access_key"},
    {"aws_token", "session_token"},  {"security_token", "session_token"},
    {"aws_role_arn", "role_arn"},    {"aws_external_id", "external_id"},
};

// The canonical name of an s3 option key, or "" when the key is unknown.
std::string CanonicalS3Key(const std::string& lower) {
  for (const char* k : kS3Keys) {
    if (lower == k) return lower;
  }
  for (const Alias& a : kS3Aliases) {
    if (lower == a.alias) return a.key;
  }
  return "";
}

std::string AcceptedS3Keys() {
  std::string out;
  for (const char* k : kS3Keys) {
    if (!out.empty()) out += ", ";
    out += k;
    for (const Alias& a : kS3Aliases) {
      if (std::string_view(a.key) == k) out += std::string("/") + a.alias;
    }
  }
  return out;
}

Status ApplyS3Option(const std::string& key, const std::string& value, StorageParams* p) {
  Credentials& c = p->credentials;
  if (key == "endpoint_url") {
    std::string lower = AsciiLower(value);
    if (lower.rfind("http://", 0) != 0 && lower.rfind("https://", 0) != 0) {
      return OptionError("invalid endpoint_url '" + value +
                         "': it must start with http:// or https://");
    }
    p->endpoint_url = value;
  } else if (key == "region") {
    p->region = value;
  } else if (key == "access_key_id") {
    c.access_key_id = value;
  } else if (key == "secret_access_key") {
    c.secret_access_key = value;
  } else if (key == "session_token") {
    c.session_token = value;
  } else if (key == "role_arn") {
    c.role_arn = value;
  } else if (key == "external_id") {
    c.external_id = value;
  } else if (key == "enable_virtual_host_style") {
    std::string lower = AsciiLower(value);
    if (lower != "true" && lower != "false") {
      return OptionError(
          "invalid value for enable_virtual_host_style: expected 'true' or "
          "'false', got '" +
          value + "'");
    }
    p->virtual_host_style = lower == "true";
  }
  return Status::OK();
}

Status CheckS3Combination(const Credentials& c) {
  if (!c.access_key_id.empty() && c.secret_access_key.empty()) {
    return OptionError("access_key_id is given without secret_access_key");
  }
  if (c.access_key_id.empty() && !c.secret_access_key.empty()) {
    return OptionError("secret_access_key is given without access_key_id");
  }
  if (!c.session_token.empty() && c.access_key_id.empty()) {
    return OptionError("session_token is given without access_key_id and secret_access_key");
  }
  if (!c.external_id.empty() && c.role_arn.empty()) {
    return OptionError("external_id is given without role_arn");
  }
  return Status::OK();
}

bool IsBadLocationChar(char c) {
  return static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == ' ' || c == '\'' || c == '"' ||
         c == '\\' || c == '?' || c == '#';
}

// Checks the '/'-separated segments of a root that ends in '/'.
Status CheckRootSegments(const std::string& location, std::string_view root) {
  size_t start = 0;
  while (start < root.size()) {
    size_t slash = root.find('/', start);
    std::string_view seg = root.substr(start, slash - start);
    if (seg.empty() || seg == "." || seg == "..") {
      return OptionError("invalid location '" + location +
                         "': empty, '.' and '..' path segments are not allowed");
    }
    start = slash + 1;
  }
  return Status::OK();
}

}  // namespace

Result<StorageParams> ParseConnectionOptions(
    const std::string& storage_type,
    const std::vector<std::pair<std::string, std::string>>& options) {
  std::string type = AsciiLower(storage_type);
  StorageParams p;
  if (type == "fs") {
    p.type = "fs";
    if (!options.empty()) {
      return OptionError("storage type fs accepts no connection options, got '" +
                         options.front().first + "'");
    }
    return p;
  }
  if (type != "s3") {
    return OptionError("protocol " + storage_type + " is not supported yet.");
  }
  p.type = "s3";
  std::set<std::string> seen;
  for (const auto& [raw_key, value] : options) {
    std::string key = CanonicalS3Key(AsciiLower(raw_key));
    if (key.empty()) {
      return OptionError("invalid connection option '" + raw_key +
                         "' for storage type s3; accepted options: " + AcceptedS3Keys());
    }
    if (!seen.insert(key).second) {
      return OptionError("connection option '" + key + "' is given more than once");
    }
    if (value.empty()) continue;
    RETURN_IF_ERROR(ApplyS3Option(key, value, &p));
  }
  RETURN_IF_ERROR(CheckS3Combination(p.credentials));
  return p;
}

Result<StorageParams> ParseLocation(const std::string& location) {
  size_t sep = location.find("://");
  if (sep == std::string::npos) {
    return OptionError("invalid location '" + location +
                       "': expected 's3://<bucket>/<path>/' or 'fs:///<absolute path>/'");
  }
  std::string scheme = AsciiLower(location.substr(0, sep));
  if (scheme != "s3" && scheme != "fs") {
    return OptionError("protocol " + location.substr(0, sep) + " is not supported yet.");
  }
  for (char c : location) {
    if (IsBadLocationChar(c)) {
      return OptionError("invalid location '" + location +
                         "': spaces, quotes, '?', '#', '\\' and control characters are not "
                         "allowed");
    }
  }
  if (location.back() != '/') {
    return OptionError("invalid location '" + location + "': it must end with '/'");
  }
  std::string rest = location.substr(sep + 3);
  StorageParams p;
  p.type = scheme;
  if (scheme == "fs") {
    if (rest.empty() || rest.front() != '/') {
      return OptionError("invalid location '" + location +
                         "': an fs location must be an absolute path, 'fs:///<path>/'");
    }
    RETURN_IF_ERROR(CheckRootSegments(location, std::string_view(rest).substr(1)));
    p.root = rest;
    return p;
  }
  size_t slash = rest.find('/');
  p.bucket = rest.substr(0, slash);
  if (p.bucket.empty()) {
    return OptionError("invalid location '" + location + "': the bucket name is empty");
  }
  p.root = rest.substr(slash + 1);
  RETURN_IF_ERROR(CheckRootSegments(location, p.root));
  return p;
}

std::string DisplayStorageParams(const StorageParams& p) {
  std::string out;
  auto add = [&out](const char* key, const std::string& value) {
    if (value.empty()) return;
    if (!out.empty()) out += ' ';
    out += key;
    out += '=';
    out += value;
  };
  const Credentials& c = p.credentials;
  add("bucket", p.bucket);
  add("root", p.root);
  add("endpoint_url", p.endpoint_url);
  add("region", p.region);
  add("access_key_id", MaskAccessKey(c.access_key_id));
  add("secret_access_key", c.secret_access_key.empty() ? "" : "******");
  add("session_token", c.session_token.empty() ? "" : "******");
  add("role_arn", c.role_arn);
  add("external_id", c.external_id);
  add("enable_virtual_host_style", p.virtual_host_style ? "true" : "");
  return out;
}

std::string ShowCreateLocationSuffix(const StorageParams& p) {
  std::string body;
  if (p.type == "s3") {
    body = "s3 | bucket=" + p.bucket + ",root=" + p.root;
    if (!p.endpoint_url.empty()) body += ",endpoint=" + p.endpoint_url;
    if (!p.credentials.access_key_id.empty()) {
      body += ",ak=" + MaskAccessKey(p.credentials.access_key_id);
    }
    if (!p.credentials.role_arn.empty()) body += ",iam_role=" + p.credentials.role_arn;
  } else {
    body = p.type + " | root=" + p.root;
  }
  std::string quoted = "'";
  for (char c : body) {
    if (c == '\'') quoted += '\'';
    quoted += c;
  }
  return quoted + "'";
}

Result<ConnectionCredentialsChange> CredentialsFromConnection(const StorageParams& table,
                                                              const StorageParams& connection) {
  if (AsciiLower(table.type) != AsciiLower(connection.type)) {
    return OptionError("the connection's storage type '" + connection.type +
                       "' does not match the table's storage type '" + table.type + "'");
  }
  ConnectionCredentialsChange change;
  change.params = table;
  change.params.credentials = connection.credentials;
  if (!connection.region.empty() && connection.region != table.region) {
    change.ignored.push_back("region");
  }
  if (!connection.endpoint_url.empty() && connection.endpoint_url != table.endpoint_url) {
    change.ignored.push_back("endpoint_url");
  }
  // A connection that does not mention the addressing style reads as false, so only an
  // explicit 'true' the table does not share can be told apart from "not set".
  if (connection.virtual_host_style && !table.virtual_host_style) {
    change.ignored.push_back("enable_virtual_host_style");
  }
  return change;
}

}  // namespace strata
