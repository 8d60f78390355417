#include "execution/expression_executor.h"
#include "interpreter/catalog_table_resolver.h"
#include "interpreter/statements.h"
#include "planner/plan_executor.h"
#include "sql/parser.h"
#include "table/table_writer.h"

namespace strata {

namespace {

// A statement cancelled while it wrote commits nothing: its blocks stay garbage.
Status CommitUnlessCancelled(TableWriter& writer, const QueryContext& ctx) {
  if (Status s = ctx.CheckCancelled(); !s.ok()) {
    writer.Abort();
    return s;
  }
  return writer.Commit().status();
}

// How the rows an INSERT provides become rows of the table: for each table column, the
// provided column it comes from (cast to the column's type) or its DEFAULT (else NULL).
class InsertMapping {
 public:
  static Result<InsertMapping> Make(const TableInfo& table,
                                    const std::vector<sql::Identifier>& columns) {
    InsertMapping m;
    m.table_ = table;
    m.source_.assign(table.columns.size(), -1);
    if (columns.empty()) {
      for (size_t i = 0; i < table.columns.size(); ++i) m.source_[i] = static_cast<int>(i);
      m.provided_ = table.columns.size();
    } else {
      for (size_t j = 0; j < columns.size(); ++j) {
        int found = -1;
        for (size_t i = 0; i < table.columns.size(); ++i) {
          if (table.columns[i].name == columns[j].name) found = static_cast<int>(i);
        }
        if (found < 0) {
          return Error(ErrorCode::UnknownColumn, "column '" + columns[j].name +
                                                     "' does not exist in table " +
                                                     QuotedTableName(table.database, table.name));
        }
        if (m.source_[found] >= 0) {
          return Error(ErrorCode::BadArguments,
                       "column '" + columns[j].name + "' is listed twice in INSERT");
        }
        m.source_[found] = static_cast<int>(j);
      }
      m.provided_ = columns.size();
    }
    for (size_t i = 0; i < table.columns.size(); ++i) {
      const ColumnDef& c = table.columns[i];
      if (m.source_[i] >= 0) {
        m.target_type_of_provided_.resize(m.provided_);
        m.target_type_of_provided_[m.source_[i]] = c.type;
        continue;
      }
      ExprPtr def = expr::Literal(Value::Null(c.type));
      if (!c.default_expr.empty()) {
        ASSIGN_OR_RETURN(sql::ExprPtr ast, sql::ParseExpression(c.default_expr));
        ASSIGN_OR_RETURN(def, QueryBinder::BindConstantExpr(*ast));
      }
      ASSIGN_OR_RETURN(def, expr::CastIfNeeded(def, c.type));
      m.defaults_.push_back(def);
    }
    m.target_type_of_provided_.resize(m.provided_);
    return m;
  }

  size_t provided() const { return provided_; }
  // The table type the j-th provided column is written to.
  const DataType& target_type(size_t j) const { return target_type_of_provided_[j]; }

  // Turns a chunk of provided columns into a chunk of table columns.
  Result<Chunk> ToTableChunk(const Chunk& in, const ExpressionExecutor& exec) const {
    std::vector<ColumnPtr> cols;
    size_t next_default = 0;
    for (size_t i = 0; i < table_.columns.size(); ++i) {
      const ColumnDef& c = table_.columns[i];
      ColumnPtr col;
      if (source_[i] >= 0) {
        const ColumnPtr& src = in.column(static_cast<size_t>(source_[i]));
        if (src->type() == c.type) {
          col = src;
        } else {
          ASSIGN_OR_RETURN(
              ExprPtr cast,
              expr::Cast(expr::Column(static_cast<size_t>(source_[i]), src->type()), c.type));
          ASSIGN_OR_RETURN(col, exec.Evaluate(*cast, in));
        }
      } else {
        ASSIGN_OR_RETURN(col, exec.Evaluate(*defaults_[next_default++], in));
      }
      if (!c.nullable && col->HasNulls()) {
        return Error(ErrorCode::BadArguments, "null value in column '" + c.name + "' of table " +
                                                  QuotedTableName(table_.database, table_.name) +
                                                  " violates NOT NULL constraint");
      }
      cols.push_back(std::move(col));
    }
    return Chunk(std::move(cols), in.num_rows());
  }

 private:
  TableInfo table_;
  std::vector<int> source_;  // per table column: provided column index or -1
  std::vector<ExprPtr> defaults_;
  std::vector<DataType> target_type_of_provided_;
  size_t provided_ = 0;
};

Result<TableInfo> InsertTable(const sql::TableName& name, QueryContext& ctx) {
  std::string db = DatabaseOrCurrent(name.database, ctx);
  if (db == "system") {
    return Error(ErrorCode::PermissionDenied, "system tables are read-only");
  }
  return ctx.metastore().GetTable(db, name.table.name);
}

TableWriteOptions WriteOptions(QueryContext& ctx, bool overwrite) {
  TableWriteOptions o;
  o.block_rows = ctx.block_rows();
  o.overwrite = overwrite;
  return o;
}

Result<uint64_t> WriteQuery(const TableInfo& table, const std::vector<sql::Identifier>& columns,
                            const sql::Query& query, bool overwrite, QueryContext& ctx) {
  ASSIGN_OR_RETURN(InsertMapping mapping, InsertMapping::Make(table, columns));
  CatalogTableResolver resolver(ctx);
  QueryBinder binder(resolver);
  ASSIGN_OR_RETURN(LogicalPtr plan, binder.Bind(query));
  if (plan->schema.size() != mapping.provided()) {
    return Error(ErrorCode::BadArguments, "INSERT has " + std::to_string(mapping.provided()) +
                                              " target columns but the query returns " +
                                              std::to_string(plan->schema.size()));
  }
  ASSIGN_OR_RETURN(ObjectStorePtr store, ctx.OpenTableStore(table));
  TableWriter writer(ctx.shared_metastore(), store, table, WriteOptions(ctx, overwrite));
  ExecutionEnv env = MakeExecutionEnv(ctx);
  ExpressionExecutor exec(env.functions);
  Status s = ExecutePlanStreaming(plan, env, [&](const Chunk& chunk) -> Status {
    ASSIGN_OR_RETURN(Chunk rows, mapping.ToTableChunk(chunk, exec));
    return writer.Append(rows);
  });
  if (!s.ok()) {
    writer.Abort();
    return s;
  }
  RETURN_IF_ERROR(CommitUnlessCancelled(writer, ctx));
  return writer.stats().rows;
}

}  // namespace

Result<uint64_t> InsertFromQuery(const TableInfo& table,
                                 const std::vector<sql::Identifier>& columns,
                                 const sql::Query& query, QueryContext& ctx) {
  return WriteQuery(table, columns, query, false, ctx);
}

Result<QueryResult> ExecuteInsert(const sql::InsertStmt& stmt, QueryContext& ctx) {
  ASSIGN_OR_RETURN(TableInfo table, InsertTable(stmt.table, ctx));
  QueryResult result;
  if (stmt.query) {
    ASSIGN_OR_RETURN(result.affected_rows,
                     WriteQuery(table, stmt.columns, *stmt.query, stmt.overwrite, ctx));
    return result;
  }
  ASSIGN_OR_RETURN(InsertMapping mapping, InsertMapping::Make(table, stmt.columns));
  FunctionContext fctx;
  fctx.now_micros = ctx.start_micros();
  ExpressionExecutor exec(fctx);
  ASSIGN_OR_RETURN(ObjectStorePtr store, ctx.OpenTableStore(table));
  TableWriter writer(ctx.shared_metastore(), store, table, WriteOptions(ctx, stmt.overwrite));
  std::vector<ColumnPtr> provided;
  for (size_t j = 0; j < mapping.provided(); ++j)
    provided.push_back(MakeColumn(mapping.target_type(j)));
  size_t rows = 0;
  auto flush = [&]() -> Status {
    if (rows == 0) return Status::OK();
    ASSIGN_OR_RETURN(Chunk chunk, mapping.ToTableChunk(Chunk(provided, rows), exec));
    RETURN_IF_ERROR(writer.Append(chunk));
    for (auto& c : provided) c = MakeColumn(c->type());
    rows = 0;
    return Status::OK();
  };
  for (const auto& row : stmt.values) {
    if (row.size() != mapping.provided()) {
      writer.Abort();
      return Error(ErrorCode::BadArguments, "INSERT has " + std::to_string(mapping.provided()) +
                                                " target columns but a VALUES row has " +
                                                std::to_string(row.size()));
    }
    for (size_t j = 0; j < row.size(); ++j) {
      auto value = [&]() -> Result<Value> {
        ASSIGN_OR_RETURN(ExprPtr e, QueryBinder::BindConstantExpr(*row[j]));
        ASSIGN_OR_RETURN(e, expr::CastIfNeeded(e, mapping.target_type(j)));
        return EvaluateConstant(*e, fctx);
      }();
      if (!value.ok()) {
        writer.Abort();
        return value.status();
      }
      provided[j]->AppendValue(*value);
    }
    if (++rows == kChunkRows) {
      if (Status s = flush(); !s.ok()) {
        writer.Abort();
        return s;
      }
    }
  }
  if (Status s = flush(); !s.ok()) {
    writer.Abort();
    return s;
  }
  RETURN_IF_ERROR(CommitUnlessCancelled(writer, ctx));
  result.affected_rows = writer.stats().rows;
  return result;
}

}  // namespace strata
