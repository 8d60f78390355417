#include "catalog/connection_options.h"
#include "interpreter/connection_options_of.h"
#include "interpreter/statements.h"
#include "table/locations.h"

namespace strata {

namespace {

// The credentials ALTER TABLE … CONNECTION = (…) asks for, applied to the table's
// parameters (SPEC §3 step 3): from a named connection, or inline keys.
struct RequestedChange {
  ConnectionCredentialsChange change;
  std::string connection_name;  // empty for inline credentials
};

Result<RequestedChange> ResolveChange(const sql::AlterTableConnectionStmt& stmt,
                                      const TableInfo& table, QueryContext& ctx) {
  bool named = false;
  for (const auto& o : stmt.options) named |= o.key == "connection_name";
  RequestedChange out;
  StorageParams source;
  if (named) {
    if (stmt.options.size() != 1) {
      return Error(ErrorCode::StorageOther,
                   "connection_name cannot be combined with other connection parameters");
    }
    ASSIGN_OR_RETURN(ConnectionInfo conn, ctx.metastore().GetConnection(stmt.options[0].value));
    source = conn.params;
    out.connection_name = conn.name;
  } else {
    ASSIGN_OR_RETURN(source, ParseConnectionOptions(table.storage.type, OptionPairs(stmt.options)));
  }
  ASSIGN_OR_RETURN(out.change, CredentialsFromConnection(table.storage, source));
  return out;
}

// Step 4: the new credentials must reach the table's own location. Only metadata is
// touched (a stat of the current snapshot, else a list of the snapshot folder): table data
// is never read, so this works when the old key is already revoked.
Status VerifyAccess(const TableInfo& table, const StorageParams& params, QueryContext& ctx) {
  TableInfo probe = table;
  probe.storage = params;
  auto store = ctx.OpenStore(ctx.TableStorage(probe));
  Status s = store.status();
  if (s.ok()) {
    if (!table.snapshot_location.empty()) {
      s = (*store)->Stat(table.snapshot_location).status();
    } else {
      s = (*store)->List(std::string(kSnapshotDir)).status();
    }
  }
  if (!s.ok()) {
    return Error(ErrorCode::StorageOther,
                 "the new credentials cannot access the location of table " +
                     QuotedTableName(table.database, table.name) +
                     "; the table keeps its old credentials: " + s.message());
  }
  return Status::OK();
}

}  // namespace

Result<QueryResult> ExecuteAlterTableConnection(const sql::AlterTableConnectionStmt& stmt,
                                                QueryContext& ctx) {
  const std::string db = DatabaseOrCurrent(stmt.table.database, ctx);
  QueryResult result;
  // A concurrent commit (an INSERT) moves the table's version: re-read and redo.
  for (int attempt = 0;; ++attempt) {
    auto found = ctx.metastore().GetTable(db, stmt.table.table.name);
    if (!found.ok()) {
      if (stmt.if_exists && found.status().code() == ErrorCode::UnknownTable) return result;
      return found.status();
    }
    const TableInfo& table = *found;
    if (!table.external) {
      return Error(ErrorCode::TableEngineNotSupported,
                   QuotedTableName(table.database, table.name) +
                       " is not an external table, cannot alter connection");
    }
    ASSIGN_OR_RETURN(RequestedChange req, ResolveChange(stmt, table, ctx));
    RETURN_IF_ERROR(VerifyAccess(table, req.change.params, ctx));
    auto updated = ctx.metastore().UpdateTableStorage(table.id, table.version, req.change.params,
                                                      req.connection_name);
    if (updated.ok()) {
      if (!req.change.ignored.empty()) {
        std::string names;
        for (const auto& n : req.change.ignored) names += (names.empty() ? "" : ", ") + n;
        result.warnings.push_back(
            "ALTER TABLE CONNECTION only changes credentials; the connection's " + names +
            " differ from the table's and were ignored: the table keeps its own");
      }
      return result;
    }
    if (updated.status().code() != ErrorCode::TableVersionMismatched || attempt >= 20) {
      return updated.status();
    }
  }
}

}  // namespace strata
