#include "catalog/connection_options.h"
#include "interpreter/statements.h"

namespace strata {

// CREATE TABLE text that re-creates the table's schema. The storage of an external table
// is shown the way SPEC §2 says, with credentials masked: never a secret.
Result<QueryResult> ExecuteShowCreateTable(const sql::ShowCreateTableStmt& stmt,
                                           QueryContext& ctx) {
  ASSIGN_OR_RETURN(TableInfo table, LookupTable(stmt.table, ctx));
  std::string text = "CREATE TABLE " + sql::QuoteIdentifier(table.name) + " (\n";
  for (size_t i = 0; i < table.columns.size(); ++i) {
    const ColumnDef& c = table.columns[i];
    text += "  " + sql::QuoteIdentifier(c.name) + " " + c.type.ToString() +
            (c.nullable ? " NULL" : " NOT NULL");
    if (!c.default_expr.empty()) text += " DEFAULT " + c.default_expr;
    text += i + 1 < table.columns.size() ? ",\n" : "\n";
  }
  text += ") ENGINE=FUSE";
  if (table.external) text += " " + ShowCreateLocationSuffix(table.storage);
  TextResultBuilder out({"Table", "Create Table"});
  out.AddRow({table.name, text});
  return out.Finish();
}

}  // namespace strata
