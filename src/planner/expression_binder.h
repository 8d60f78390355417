// Binds one AST expression (sql/ast.h) to a typed expression (execution/expression.h)
// over a BindScope.
//
// Two modes. Plain: column references resolve in the scope; aggregate calls are refused.
// After aggregation (SetAggregation): the input is the aggregate's output (group keys, then
// aggregate results); an expression that spells a group key, or an aggregate call, becomes
// a reference to that output column, and any other column reference is an error.
#pragma once

#include <string>
#include <vector>

#include "execution/aggregate_function.h"
#include "execution/expression.h"
#include "planner/bind_scope.h"
#include "planner/logical_plan.h"
#include "sql/ast.h"

namespace strata {

// Group keys and aggregate calls of a query, matched by their canonical SQL text.
struct AggregationInfo {
  std::vector<std::string> key_sql;
  std::vector<ExprPtr> keys;
  std::vector<std::string> aggregate_sql;
  std::vector<AggregateCall> aggregates;
};

class ExpressionBinder {
 public:
  explicit ExpressionBinder(const BindScope& scope) : scope_(scope) {}

  // Switches to post-aggregation mode. `agg` must outlive the binder.
  void SetAggregation(const AggregationInfo* agg) { agg_ = agg; }

  Result<ExprPtr> Bind(const sql::Expr& e);

  // Binds an aggregate call's arguments over the scope and types its result.
  Result<AggregateCall> BindAggregateCall(const sql::FunctionCallExpr& call);

 private:
  Result<ExprPtr> BindFunction(const sql::FunctionCallExpr& call);
  Result<ExprPtr> BindBinary(const sql::BinaryExpr& b);
  Result<std::vector<ExprPtr>> BindAll(const std::vector<sql::ExprPtr>& list);

  const BindScope& scope_;
  const AggregationInfo* agg_ = nullptr;
};

// A literal as a typed value: small integers are INT, larger BIGINT; "1.50" is
// DECIMAL(3, 2); exponents are DOUBLE.
Result<Value> LiteralValue(const sql::LiteralExpr& lit);

}  // namespace strata
