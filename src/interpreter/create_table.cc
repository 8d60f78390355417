#include "catalog/connection_options.h"
#include "interpreter/connection_options_of.h"
#include "interpreter/statements.h"

namespace strata {

namespace {

// The external storage of CREATE TABLE … '<location>' CONNECTION = (…): the connection's
// (or the inline) parameters plus the location's bucket and root (SPEC §2).
Result<StorageParams> ExternalStorage(const sql::CreateTableStmt& stmt, QueryContext& ctx) {
  ASSIGN_OR_RETURN(StorageParams location, ParseLocation(*stmt.location));
  StorageParams params;
  const auto& options = stmt.connection ? *stmt.connection : std::vector<sql::ConnectionOption>{};
  bool named = false;
  for (const auto& o : options) named |= o.key == "connection_name";
  if (named) {
    if (options.size() != 1) {
      return Error(ErrorCode::StorageOther,
                   "connection_name cannot be combined with other connection parameters");
    }
    ASSIGN_OR_RETURN(ConnectionInfo conn, ctx.metastore().GetConnection(options[0].value));
    if (conn.params.type != location.type) {
      return Error(ErrorCode::StorageOther, "connection '" + conn.name + "' is of storage type '" +
                                                conn.params.type + "' but the location '" +
                                                *stmt.location + "' is of type '" + location.type +
                                                "'");
    }
    params = conn.params;
  } else {
    ASSIGN_OR_RETURN(params, ParseConnectionOptions(location.type, OptionPairs(options)));
  }
  params.bucket = location.bucket;
  params.root = location.root;
  return params;
}

}  // namespace

Result<QueryResult> ExecuteCreateTable(const sql::CreateTableStmt& stmt, QueryContext& ctx) {
  TableInfo info;
  info.database = DatabaseOrCurrent(stmt.name.database, ctx);
  info.name = stmt.name.table.name;
  if (info.database == "system") {
    return Error(ErrorCode::PermissionDenied, "cannot create tables in the system database");
  }
  ASSIGN_OR_RETURN(DatabaseInfo db, ctx.metastore().GetDatabase(info.database));
  (void)db;

  if (!stmt.columns.empty()) {
    for (const auto& c : stmt.columns) {
      for (const auto& prev : info.columns) {
        if (prev.name == c.name.name) {
          return Error(ErrorCode::BadArguments, "duplicate column name '" + c.name.name + "'");
        }
      }
      ColumnDef def;
      def.name = c.name.name;
      def.type = c.type.type;
      def.nullable = c.nullability != sql::Nullability::NotNull;
      if (c.default_value) def.default_expr = sql::ToSql(*c.default_value);
      info.columns.push_back(std::move(def));
    }
  } else if (stmt.as_query) {
    ASSIGN_OR_RETURN(Schema schema, DescribeQuery(*stmt.as_query, ctx));
    for (const auto& f : schema) {
      DataType type = f.type.id == TypeId::Null ? DataType(TypeId::String) : f.type;
      info.columns.push_back(ColumnDef{f.name, type, true, ""});
    }
  }
  if (info.columns.empty()) {
    return Error(ErrorCode::BadArguments, "a table needs at least one column");
  }

  if (stmt.location) {
    ASSIGN_OR_RETURN(info.storage, ExternalStorage(stmt, ctx));
    info.external = true;
    if (stmt.connection && stmt.connection->size() == 1 &&
        (*stmt.connection)[0].key == "connection_name") {
      info.connection_name = (*stmt.connection)[0].value;
    }
    RETURN_IF_ERROR(CheckLocationAccess(info.storage, ctx));
  } else if (ctx.table_storage()) {
    // Recorded in the table, so it is found whatever later sessions are configured with.
    // With a connection, the table names it instead of copying its keys (see
    // QueryContext::OpenTableStore).
    Status access = CheckLocationAccess(*ctx.table_storage(), ctx);
    if (!access.ok()) {
      return access.WithContext("table storage '" + ctx.table_storage()->Location() + "'");
    }
    info.storage = *ctx.table_storage();
    if (!ctx.table_storage_connection().empty()) {
      info.storage.credentials = Credentials{};
      info.connection_name = ctx.table_storage_connection();
    }
  }

  CreateMode mode = stmt.or_replace      ? CreateMode::kOrReplace
                    : stmt.if_not_exists ? CreateMode::kIfNotExists
                                         : CreateMode::kCreate;
  if (mode == CreateMode::kIfNotExists) {
    auto existing = ctx.metastore().GetTable(info.database, info.name);
    if (existing.ok()) return QueryResult{};
  }
  ASSIGN_OR_RETURN(TableInfo created, ctx.metastore().CreateTable(info, mode));
  QueryResult result;
  if (stmt.as_query) {
    ASSIGN_OR_RETURN(result.affected_rows, InsertFromQuery(created, {}, *stmt.as_query, ctx));
  }
  return result;
}

}  // namespace strata
