// The per-statement entry points behind ExecuteStatement (interpreter.h), one file each.
// Internal to src/interpreter/.
#pragma once

#include "interpreter/query_context.h"
#include "interpreter/query_result.h"
#include "sql/ast.h"

namespace strata {

Result<QueryResult> ExecuteQuery(const sql::Query& query, QueryContext& ctx);
Result<QueryResult> ExecuteExplain(const sql::ExplainStmt& stmt, QueryContext& ctx);
Result<QueryResult> ExecuteCreateDatabase(const sql::CreateDatabaseStmt& stmt, QueryContext& ctx);
Result<QueryResult> ExecuteDropDatabase(const sql::DropDatabaseStmt& stmt, QueryContext& ctx);
Result<QueryResult> ExecuteUseDatabase(const sql::UseDatabaseStmt& stmt, QueryContext& ctx);
Result<QueryResult> ExecuteShowDatabases(const sql::ShowDatabasesStmt& stmt, QueryContext& ctx);
Result<QueryResult> ExecuteShowTables(const sql::ShowTablesStmt& stmt, QueryContext& ctx);
Result<QueryResult> ExecuteShowCreateTable(const sql::ShowCreateTableStmt& stmt, QueryContext& ctx);
Result<QueryResult> ExecuteDescribeTable(const sql::DescribeTableStmt& stmt, QueryContext& ctx);
Result<QueryResult> ExecuteCreateTable(const sql::CreateTableStmt& stmt, QueryContext& ctx);
Result<QueryResult> ExecuteDropTable(const sql::DropTableStmt& stmt, QueryContext& ctx);
Result<QueryResult> ExecuteTruncateTable(const sql::TruncateTableStmt& stmt, QueryContext& ctx);
Result<QueryResult> ExecuteRenameTable(const sql::AlterTableRenameStmt& stmt, QueryContext& ctx);
Result<QueryResult> ExecuteAlterTableConnection(const sql::AlterTableConnectionStmt& stmt,
                                                QueryContext& ctx);
Result<QueryResult> ExecuteCreateConnection(const sql::CreateConnectionStmt& stmt,
                                            QueryContext& ctx);
Result<QueryResult> ExecuteDropConnection(const sql::DropConnectionStmt& stmt, QueryContext& ctx);
Result<QueryResult> ExecuteShowConnections(const sql::ShowConnectionsStmt& stmt, QueryContext& ctx);
Result<QueryResult> ExecuteDescribeConnection(const sql::DescribeConnectionStmt& stmt,
                                              QueryContext& ctx);
Result<QueryResult> ExecuteInsert(const sql::InsertStmt& stmt, QueryContext& ctx);
Result<QueryResult> ExecuteSet(const sql::SetStmt& stmt, QueryContext& ctx);

// Runs SQL text that strata itself generated (SHOW statements are rewritten into queries
// over system tables, as Databend does).
Result<QueryResult> ExecuteInternalQuery(const std::string& sql, QueryContext& ctx);

// "db" from an optional qualifier, else the session's current database.
std::string DatabaseOrCurrent(const std::optional<sql::Identifier>& db, const QueryContext& ctx);

// `db`.`t`, the way errors name a table.
std::string QuotedTableName(const std::string& db, const std::string& table);

// Fetches a table by its (possibly qualified) name; 1003 / 1025 when missing.
Result<TableInfo> LookupTable(const sql::TableName& name, QueryContext& ctx);

}  // namespace strata

namespace strata {

// The output schema of a query without running it (CREATE TABLE … AS SELECT).
Result<Schema> DescribeQuery(const sql::Query& query, QueryContext& ctx);

// Runs `query` and appends its rows to `table` (casting to the table's column types);
// returns the number of rows written. `columns` names the target columns (empty = all).
Result<uint64_t> InsertFromQuery(const TableInfo& table,
                                 const std::vector<sql::Identifier>& columns,
                                 const sql::Query& query, QueryContext& ctx);

// Proves that `params` can write, read, stat, list and delete under its root by doing so
// with a probe object. Error 4000 "Checking essential permissions for the external
// location failed." with the storage service's own reason.
Status CheckLocationAccess(const StorageParams& params, QueryContext& ctx);

}  // namespace strata
