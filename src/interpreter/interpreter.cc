#include "interpreter/interpreter.h"

#include "interpreter/statements.h"
#include "sql/parser.h"

namespace strata {

Result<QueryResult> ExecuteStatement(const sql::Statement& s, QueryContext& ctx) {
  using K = sql::StatementKind;
  switch (s.kind) {
    case K::Query:
      return ExecuteQuery(*s.As<sql::QueryStmt>().query, ctx);
    case K::Explain:
      return ExecuteExplain(s.As<sql::ExplainStmt>(), ctx);
    case K::CreateDatabase:
      return ExecuteCreateDatabase(s.As<sql::CreateDatabaseStmt>(), ctx);
    case K::DropDatabase:
      return ExecuteDropDatabase(s.As<sql::DropDatabaseStmt>(), ctx);
    case K::UseDatabase:
      return ExecuteUseDatabase(s.As<sql::UseDatabaseStmt>(), ctx);
    case K::ShowDatabases:
      return ExecuteShowDatabases(s.As<sql::ShowDatabasesStmt>(), ctx);
    case K::ShowTables:
      return ExecuteShowTables(s.As<sql::ShowTablesStmt>(), ctx);
    case K::ShowCreateTable:
      return ExecuteShowCreateTable(s.As<sql::ShowCreateTableStmt>(), ctx);
    case K::DescribeTable:
      return ExecuteDescribeTable(s.As<sql::DescribeTableStmt>(), ctx);
    case K::CreateTable:
      return ExecuteCreateTable(s.As<sql::CreateTableStmt>(), ctx);
    case K::DropTable:
      return ExecuteDropTable(s.As<sql::DropTableStmt>(), ctx);
    case K::TruncateTable:
      return ExecuteTruncateTable(s.As<sql::TruncateTableStmt>(), ctx);
    case K::AlterTableRename:
      return ExecuteRenameTable(s.As<sql::AlterTableRenameStmt>(), ctx);
    case K::AlterTableConnection:
      return ExecuteAlterTableConnection(s.As<sql::AlterTableConnectionStmt>(), ctx);
    case K::CreateConnection:
      return ExecuteCreateConnection(s.As<sql::CreateConnectionStmt>(), ctx);
    case K::DropConnection:
      return ExecuteDropConnection(s.As<sql::DropConnectionStmt>(), ctx);
    case K::ShowConnections:
      return ExecuteShowConnections(s.As<sql::ShowConnectionsStmt>(), ctx);
    case K::DescribeConnection:
      return ExecuteDescribeConnection(s.As<sql::DescribeConnectionStmt>(), ctx);
    case K::Insert:
      return ExecuteInsert(s.As<sql::InsertStmt>(), ctx);
    case K::Set:
      return ExecuteSet(s.As<sql::SetStmt>(), ctx);
  }
  return Error(ErrorCode::Unimplemented, "statement is not supported yet");
}

Result<QueryResult> ExecuteInternalQuery(const std::string& sql, QueryContext& ctx) {
  ASSIGN_OR_RETURN(sql::StatementPtr stmt, sql::ParseStatement(sql));
  return ExecuteStatement(*stmt, ctx);
}

std::string DatabaseOrCurrent(const std::optional<sql::Identifier>& db, const QueryContext& ctx) {
  return db ? db->name : ctx.current_database();
}

std::string QuotedTableName(const std::string& db, const std::string& table) {
  return "`" + db + "`.`" + table + "`";
}

Result<TableInfo> LookupTable(const sql::TableName& name, QueryContext& ctx) {
  std::string db = DatabaseOrCurrent(name.database, ctx);
  return ctx.metastore().GetTable(db, name.table.name);
}

}  // namespace strata
