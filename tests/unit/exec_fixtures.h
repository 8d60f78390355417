// Small builders shared by the execution tests: typed columns from literal lists, chunks, and
// reading results back as printable strings.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "execution/executor.h"
#include "execution/expression.h"
#include "execution/expression_executor.h"
#include "vector/chunk.h"

namespace strata::testing {

inline const DataType kInt32(TypeId::Int32);
inline const DataType kInt64(TypeId::Int64);
inline const DataType kDouble(TypeId::Float64);
inline const DataType kString(TypeId::String);
inline const DataType kBool(TypeId::Boolean);
inline const DataType kDate(TypeId::Date);
inline const DataType kTimestamp(TypeId::Timestamp);

inline ColumnPtr ColumnOf(const DataType& type, const std::vector<Value>& values) {
  auto c = MakeColumn(type);
  for (const Value& v : values) c->AppendValue(v);
  return c;
}

inline ColumnPtr Int64s(const std::vector<std::optional<int64_t>>& vs) {
  auto c = MakeColumn(kInt64);
  for (const auto& v : vs) {
    if (v) {
      c->Append<int64_t>(*v);
    } else {
      c->AppendNull();
    }
  }
  return c;
}

inline ColumnPtr Strings(const std::vector<std::optional<std::string>>& vs) {
  auto c = MakeColumn(kString);
  for (const auto& v : vs) {
    if (v) {
      c->AppendString(*v);
    } else {
      c->AppendNull();
    }
  }
  return c;
}

inline Chunk ChunkOf(std::vector<ColumnPtr> cols) {
  size_t rows = cols.empty() ? 0 : cols[0]->size();
  return Chunk(std::move(cols), rows);
}

// Every value of a column as text ("NULL" for NULLs).
inline std::vector<std::string> Texts(const Column& c) {
  std::vector<std::string> out;
  for (size_t i = 0; i < c.size(); ++i) out.push_back(c.GetValue(i).ToString());
  return out;
}

inline std::vector<std::string> Texts(const ColumnPtr& c) { return Texts(*c); }

// Unwraps a Result in a test, failing with the error text.
template <typename T>
T Must(Result<T> r) {
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  if (!r.ok()) throw std::runtime_error(r.status().ToString());
  return std::move(r).value();
}

inline ExprPtr Lit(int64_t v) { return expr::Literal(Value::BigInt(v)); }
inline ExprPtr Lit(int v) { return Lit(static_cast<int64_t>(v)); }
inline ExprPtr Lit(const char* s) { return expr::Literal(Value::String(s)); }
inline ExprPtr LitDouble(double v) { return expr::Literal(Value::Double(v)); }
inline ExprPtr LitNull() { return expr::Literal(Value::Null()); }
inline ExprPtr LitBool(bool b) { return expr::Literal(Value::Boolean(b)); }

inline ExprPtr CallOk(std::string_view name, std::vector<ExprPtr> args) {
  return Must(expr::Call(name, std::move(args)));
}

// Evaluates an expression over a chunk and returns its values as text.
inline std::vector<std::string> EvalTexts(const ExprPtr& e, const Chunk& chunk) {
  return Texts(Must(EvaluateExpr(*e, chunk)));
}

// The value of a column-free expression as text, or the error as "[code] message".
inline std::string EvalText(Result<ExprPtr> e) {
  if (!e.ok()) return e.status().ToString();
  Result<Value> v = EvaluateConstant(**e);
  if (!v.ok()) return v.status().ToString();
  return v->ToString();
}

}  // namespace strata::testing

namespace strata::testing {

// Plan results ------------------------------------------------------------------------------

// Every output row as "v1|v2|...", in output order.
inline std::vector<std::string> RowTexts(const std::vector<Chunk>& chunks) {
  std::vector<std::string> rows;
  for (const Chunk& c : chunks) {
    for (size_t r = 0; r < c.num_rows(); ++r) {
      std::string line;
      for (size_t k = 0; k < c.num_columns(); ++k) {
        if (k) line += "|";
        line += c.column(k)->GetValue(r).ToString();
      }
      rows.push_back(std::move(line));
    }
  }
  return rows;
}

inline std::vector<std::string> Sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

// Runs a plan with `threads` threads and returns its rows (or the error as the only row).
inline std::vector<std::string> RunPlan(const PlanPtr& plan, size_t threads = 2) {
  ExecutionContext ctx;
  ctx.set_threads(threads);
  Result<std::vector<Chunk>> r = ExecuteToChunks(plan, ctx);
  if (!r.ok()) return {r.status().ToString()};
  return RowTexts(*r);
}

}  // namespace strata::testing
