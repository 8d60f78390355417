#include "catalog/metastore_records.h"

#include <openssl/crypto.h>

#include <nlohmann/json.hpp>

namespace strata {

namespace {

using nlohmann::json;

Status Corrupt(const std::string& what, const std::string& detail) {
  return Error(ErrorCode::MetaStorageError, "corrupt " + what + " in the metastore: " + detail);
}

// Wipes a string that held a secret before its memory is released.
void Wipe(std::string* s) { OPENSSL_cleanse(s->data(), s->size()); }

}  // namespace

Result<std::string> EncodeColumns(const std::vector<ColumnDef>& columns) {
  json arr = json::array();
  for (const ColumnDef& c : columns) {
    arr.push_back({{"name", c.name},
                   {"type", c.type.ToString()},
                   {"nullable", c.nullable},
                   {"default_expr", c.default_expr}});
  }
  try {
    return arr.dump();
  } catch (const json::exception&) {
    return Error(ErrorCode::BadArguments, "column names and defaults must be valid UTF-8");
  }
}

Result<std::vector<ColumnDef>> DecodeColumns(std::string_view text) {
  json arr = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!arr.is_array()) return Corrupt("column list", "not a JSON array");
  std::vector<ColumnDef> out;
  try {
    for (const json& j : arr) {
      ColumnDef c;
      c.name = j.at("name").get<std::string>();
      std::string type = j.at("type").get<std::string>();
      if (type == "NULL") {
        c.type = DataType(TypeId::Null);
      } else {
        auto parsed = ParseDataType(type);
        if (!parsed.ok()) return Corrupt("column type", parsed.status().message());
        c.type = *parsed;
      }
      c.nullable = j.value("nullable", true);
      c.default_expr = j.value("default_expr", std::string());
      out.push_back(std::move(c));
    }
  } catch (const json::exception& e) {
    return Corrupt("column list", e.what());
  }
  return out;
}

Result<std::string> EncodeStorage(const StorageParams& p, const SecretBox* secrets,
                                  const std::string& aad) {
  json j = {{"type", p.type},     {"bucket", p.bucket},
            {"root", p.root},     {"endpoint_url", p.endpoint_url},
            {"region", p.region}, {"virtual_host_style", p.virtual_host_style}};
  const Credentials& c = p.credentials;
  if (!c.empty()) {
    if (secrets == nullptr) {
      return Error(ErrorCode::SecretKeyError,
                   "cannot store credentials: no master key is configured");
    }
    json creds = json::object();
    auto put = [&creds](const char* key, const std::string& value) {
      if (!value.empty()) creds[key] = value;
    };
    put("access_key_id", c.access_key_id);
    put("secret_access_key", c.secret_access_key);
    put("session_token", c.session_token);
    put("role_arn", c.role_arn);
    put("external_id", c.external_id);
    std::string plain;
    try {
      plain = creds.dump();
    } catch (const json::exception&) {
      return Error(ErrorCode::BadArguments, "credentials must be valid UTF-8");
    }
    auto sealed = secrets->Seal(plain, aad);
    Wipe(&plain);
    if (!sealed.ok()) return sealed.status();
    j["credentials"] = *sealed;
  }
  try {
    return j.dump();
  } catch (const json::exception&) {
    return Error(ErrorCode::BadArguments, "storage parameters must be valid UTF-8");
  }
}

Result<StorageParams> DecodeStorage(std::string_view text, const SecretBox* secrets,
                                    const std::string& aad) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return Corrupt("storage parameters", "not a JSON object");
  StorageParams p;
  std::string sealed;
  try {
    p.type = j.value("type", std::string());
    p.bucket = j.value("bucket", std::string());
    p.root = j.value("root", std::string());
    p.endpoint_url = j.value("endpoint_url", std::string());
    p.region = j.value("region", std::string());
    p.virtual_host_style = j.value("virtual_host_style", false);
    sealed = j.value("credentials", std::string());
  } catch (const json::exception& e) {
    return Corrupt("storage parameters", e.what());
  }
  if (sealed.empty()) return p;
  if (secrets == nullptr) {
    return Error(ErrorCode::SecretKeyError,
                 "cannot decrypt stored credentials: no master key is configured");
  }
  ASSIGN_OR_RETURN(std::string plain, secrets->Open(sealed, aad));
  json creds = json::parse(plain, nullptr, /*allow_exceptions=*/false);
  Wipe(&plain);
  if (!creds.is_object()) return Corrupt("credentials", "not a JSON object");
  try {
    Credentials& c = p.credentials;
    c.access_key_id = creds.value("access_key_id", std::string());
    c.secret_access_key = creds.value("secret_access_key", std::string());
    c.session_token = creds.value("session_token", std::string());
    c.role_arn = creds.value("role_arn", std::string());
    c.external_id = creds.value("external_id", std::string());
  } catch (const json::exception& e) {
    // e.what() names the JSON type problem only, never a value.
    return Corrupt("credentials", e.what());
  }
  return p;
}

}  // namespace strata
