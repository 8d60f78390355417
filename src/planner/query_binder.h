// Binds a query (sql::Query) into a logical plan: resolves tables and columns, types
// every expression, plans aggregation, ordering and limits. Column pruning: scans read
// only the columns the query mentions (planner/referenced_columns.h); pruning by
// statistics: simple `column op constant` conjuncts of a WHERE directly over a scan are
// attached to the scan.
//
// Thread-safety: a QueryBinder binds one query on one thread.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "catalog/metastore.h"
#include "planner/bind_scope.h"
#include "planner/expression_binder.h"
#include "planner/logical_plan.h"
#include "planner/referenced_columns.h"
#include "sql/ast.h"

namespace strata {

// A table a query names: a stored table, or rows computed on the spot (system tables).
struct ResolvedTable {
  std::string database;
  bool stored = true;
  TableInfo table;          // stored tables
  Schema schema;            // computed tables
  std::vector<Chunk> rows;  // computed tables
};

class TableResolver {
 public:
  virtual ~TableResolver() = default;
  // `database` empty means the session's current database. 1003 / 1025 when missing.
  virtual Result<ResolvedTable> ResolveTable(const std::string& database,
                                             const std::string& name) = 0;
};

class QueryBinder {
 public:
  explicit QueryBinder(TableResolver& resolver) : resolver_(resolver) {}

  // The plan's schema names the result columns.
  Result<LogicalPtr> Bind(const sql::Query& query);

  // An expression without column references (VALUES rows, DEFAULT, LIMIT).
  static Result<ExprPtr> BindConstantExpr(const sql::Expr& e);

 private:
  struct Bound {
    LogicalPtr plan;
    BindScope scope;
  };

  Result<LogicalPtr> BindQuery(const sql::Query& query);
  Result<LogicalPtr> BindSetExpr(const sql::SetExpr& body, const sql::Query* order_owner);
  Result<LogicalPtr> BindSelect(const sql::SelectCore& core, const sql::Query* order_owner);
  Result<LogicalPtr> BindSetOperation(const sql::SetOperation& op);
  Result<Bound> BindFrom(const sql::TableRef& ref);
  Result<Bound> BindBaseTable(const sql::BaseTableRef& ref);
  Result<Bound> BindTableFunction(const sql::TableFunctionRef& ref);
  Result<Bound> BindJoin(const sql::JoinTableRef& join);
  Result<LogicalPtr> ApplyOrderAndLimit(LogicalPtr plan, const sql::Query& query);
  Result<LogicalPtr> ApplyLimit(LogicalPtr plan, const sql::Query& query);

  TableResolver& resolver_;
  ReferencedColumns referenced_;
  // Common table expressions in scope, innermost last.
  std::vector<std::map<std::string, LogicalPtr>> ctes_;
};

// Helpers shared by planner files.
LogicalPtr MakeProject(LogicalPtr input, std::vector<ExprPtr> exprs,
                       std::vector<std::string> names);
Schema SchemaOf(const std::vector<ExprPtr>& exprs, const std::vector<std::string>& names);

}  // namespace strata
