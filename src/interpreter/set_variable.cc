#include "interpreter/statements.h"

namespace strata {

namespace {

// Settings a session may change, with what each does.
bool KnownSetting(const std::string& name) { return name == "max_threads" || name == "block_rows"; }

}  // namespace

Result<QueryResult> ExecuteSet(const sql::SetStmt& stmt, QueryContext& ctx) {
  const std::string& name = stmt.variable.name;
  if (!KnownSetting(name)) {
    return Error(ErrorCode::BadArguments,
                 "unknown setting '" + name + "'; known settings: max_threads, block_rows");
  }
  if (stmt.value->kind != sql::ExprKind::Literal ||
      stmt.value->As<sql::LiteralExpr>().literal_kind != sql::LiteralKind::Integer ||
      stmt.value->As<sql::LiteralExpr>().int_value <= 0) {
    return Error(ErrorCode::BadArguments, "setting '" + name + "' takes a positive integer");
  }
  ctx.session().settings[name] = std::to_string(stmt.value->As<sql::LiteralExpr>().int_value);
  return QueryResult{};
}

}  // namespace strata
