// Evaluates bound expressions (execution/expression.h) over whole chunks. Each node yields an
// Operand — a full column or a one-row constant — so constant sub-expressions are never
// expanded; only the final result is.
//
// CASE / IF / NULLIF / COALESCE evaluate each branch only on the rows that reach it, so
// `CASE WHEN x <> 0 THEN 10 / x END` never divides by zero.
//
// Thread-safety: an ExpressionExecutor holds no mutable state beyond its FunctionContext; use
// one per thread or share it read-only.
#pragma once

#include <cstdint>
#include <vector>

#include "execution/expression.h"
#include "vector/chunk.h"

namespace strata {

class ExpressionExecutor {
 public:
  explicit ExpressionExecutor(FunctionContext ctx = {}) : ctx_(ctx) {}

  // The value of `e` for every row of `chunk` (chunk.num_rows() rows, never a constant).
  Result<ColumnPtr> Evaluate(const Expr& e, const Chunk& chunk) const;
  // Same, but a constant result stays a one-row constant operand.
  Result<Operand> EvaluateOperand(const Expr& e, const Chunk& chunk) const;
  // Indices of the rows where BOOLEAN `predicate` is TRUE (FALSE and NULL rows are dropped).
  Status Select(const Expr& predicate, const Chunk& chunk, std::vector<uint32_t>* sel) const;

  const FunctionContext& context() const { return ctx_; }

 private:
  Result<Operand> Eval(const Expr& e, const Chunk& chunk) const;
  // Evaluates `e` on rows `sel` of `chunk` only; the result is positioned like `sel`.
  Result<Operand> EvalOnRows(const Expr& e, const Chunk& chunk,
                             const std::vector<uint32_t>& sel) const;
  Result<Operand> EvalFunction(const Expr& e, const Chunk& chunk) const;
  Result<Operand> EvalLogic(const Expr& e, const Chunk& chunk) const;
  Result<Operand> EvalNot(const Expr& e, const Chunk& chunk) const;
  Result<Operand> EvalIsNull(const Expr& e, const Chunk& chunk) const;
  Result<Operand> EvalIn(const Expr& e, const Chunk& chunk) const;
  Result<Operand> EvalLike(const Expr& e, const Chunk& chunk) const;
  Result<Operand> EvalCase(const Expr& e, const Chunk& chunk) const;
  Result<Operand> EvalCoalesce(const Expr& e, const Chunk& chunk) const;

  FunctionContext ctx_;
};

// One-off evaluation with a default context.
Result<ColumnPtr> EvaluateExpr(const Expr& e, const Chunk& chunk, const FunctionContext& ctx = {});
// The value of an expression without column references (VALUES rows, constant folding).
Result<Value> EvaluateConstant(const Expr& e, const FunctionContext& ctx = {});

}  // namespace strata
