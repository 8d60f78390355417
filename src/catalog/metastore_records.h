// How table columns and storage parameters are written into metastore rows: JSON text,
// with every credential field sealed by the SecretBox so that no secret is stored in clear.
//
// Storage JSON: {"type", "bucket", "root", "endpoint_url", "region", "virtual_host_style",
// "credentials": "v1:..."}; "credentials" is the sealed JSON object of the non-empty
// credential fields and is absent when there are none (so tables without credentials
// never need the master key). Columns JSON: [{"name", "type", "nullable",
// "default_expr"}], the type as DataType::ToString spells it.
//
// Pure functions; thread-safe as long as the SecretBox is (it is).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "catalog/metastore.h"
#include "catalog/secret_box.h"
#include "common/status.h"
#include "storage/storage_params.h"

namespace strata {

// Text that is not valid UTF-8: 1006.
Result<std::string> EncodeColumns(const std::vector<ColumnDef>& columns);
// Corrupt JSON or an unknown type: 2003.
Result<std::vector<ColumnDef>> DecodeColumns(std::string_view json);

// `aad` binds the sealed credentials to their row (e.g. "table:42:credentials").
// Credentials present but `secrets` null: 4001. Text that is not valid UTF-8: 1006.
Result<std::string> EncodeStorage(const StorageParams& params, const SecretBox* secrets,
                                  const std::string& aad);
// Corrupt JSON: 2003. Credentials that do not open (wrong master key): 4001.
Result<StorageParams> DecodeStorage(std::string_view json, const SecretBox* secrets,
                                    const std::string& aad);

}  // namespace strata
