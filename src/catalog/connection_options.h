// The rules for connection parameters and table locations (SPEC §1-§3): parsing the
// options of CREATE CONNECTION / CONNECTION = (...), parsing '<scheme>://...' locations,
// how stored parameters are shown without secrets, and which parameters ALTER TABLE ...
// CONNECTION takes from a connection.
//
// Pure functions: no I/O, no shared state; safe from any thread.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "common/status.h"
#include "storage/storage_params.h"

namespace strata {

// Builds a connection's parameters from STORAGE_TYPE and its `<key> = '<value>'` options,
// in the order written. STORAGE_TYPE and keys are case-insensitive; s3 keys accept the
// aliases of SPEC §1. The result has `type` set ("s3" or "fs"), no bucket and no root, and
// region left empty when not given. Errors, all 4000: an unsupported type ("protocol <type>
// is not supported yet."), an unknown key (naming it and the accepted ones), a key given
// twice (also via an alias), a bad enable_virtual_host_style or endpoint_url value, keys
// that only make sense together given alone (a secret without its access key and back, a
// session token without keys, an external id without a role), and any option for fs.
// Empty values count as not given.
Result<StorageParams> ParseConnectionOptions(
    const std::string& storage_type,
    const std::vector<std::pair<std::string, std::string>>& options);

// Parses a table location: "s3://<bucket>/<path>/" (bucket = host, root = path without
// its leading '/', "" for the bucket's top) or "fs:///<absolute path>/" (root = the
// absolute path). The scheme is case-insensitive. Only type, bucket and root are set.
// Errors (4000): a location not ending in '/', an unsupported scheme, an empty bucket, a
// relative or host-qualified fs path, empty, "." or ".." path segments, quotes, spaces
// and control characters.
Result<StorageParams> ParseLocation(const std::string& location);

// Space-separated `key=value` pairs for SHOW/DESC CONNECTION and system tables, e.g.
// "endpoint_url=http://127.0.0.1:7480 region=us-east-1 access_key_id=AK***YZ
// secret_access_key=****** role_arn=arn:aws:iam::1:role/r". Only fields that are set
// appear; bucket and root appear when set (table parameters). Secrets are always
// "******", the access key id is masked by MaskAccessKey.
std::string DisplayStorageParams(const StorageParams& params);

// The location part SHOW CREATE TABLE prints after the columns, quoted as a SQL string:
// 's3 | bucket=<b>,root=<r>,endpoint=<e>,ak=<masked>,iam_role=<arn>'. endpoint, ak and
// iam_role are left out when empty; fs prints 'fs | root=<r>'. Never contains a secret.
std::string ShowCreateLocationSuffix(const StorageParams& params);

// What ALTER TABLE ... CONNECTION = (connection_name = ...) does to a table (SPEC §3).
struct ConnectionCredentialsChange {
  // The table's parameters with the connection's credentials: every credential field is
  // taken from the connection (those it lacks are cleared); bucket, root, region,
  // endpoint_url and addressing style stay the table's.
  StorageParams params;
  // Connection settings that were not applied because they differ from the table's
  // ("region", "endpoint_url", "enable_virtual_host_style"), for a warning.
  std::vector<std::string> ignored;
};

// Error 4000 when the connection's storage type is not the table's.
Result<ConnectionCredentialsChange> CredentialsFromConnection(const StorageParams& table,
                                                              const StorageParams& connection);

}  // namespace strata
