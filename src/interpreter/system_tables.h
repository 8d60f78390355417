// The virtual `system` database: tables computed from the metastore when queried.
//   system.databases   (name)
//   system.tables      (database, name, engine, is_external, storage_type, storage_params,
//                       connection_name, created_on)
//   system.columns     (database, table, name, type, is_nullable, default_expression)
//   system.connections (name, storage_type, storage_params)
// storage_params is masked exactly like SHOW CONNECTIONS (catalog/connection_options.h):
// never a secret.
#pragma once

#include <string>
#include <vector>

#include "catalog/metastore.h"
#include "vector/chunk.h"

namespace strata {

struct SystemTableData {
  Schema schema;
  Chunk rows;
};

bool IsSystemTable(const std::string& name);
// 1025 for an unknown system table.
Result<SystemTableData> ReadSystemTable(const std::string& name, Metastore& metastore);

}  // namespace strata
