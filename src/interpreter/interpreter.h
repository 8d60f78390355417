// Runs one parsed statement. Each statement kind has its own file in this folder
// (create_table.cc, alter_table_connection.cc, ...); ExecuteStatement is the one factory
// that dispatches to them.
#pragma once

#include "common/status.h"
#include "interpreter/query_context.h"
#include "interpreter/query_result.h"
#include "sql/ast.h"

namespace strata {

Result<QueryResult> ExecuteStatement(const sql::Statement& statement, QueryContext& ctx);

}  // namespace strata
