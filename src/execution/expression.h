// Bound expressions: typed, resolved expression trees that operators evaluate over whole
// chunks (execution/expression_executor.h).
//
// Build them only with the functions in namespace `expr` below — they resolve functions,
// insert implicit casts, compute result types and nullability, and fold constant
// sub-expressions. A binder turns each SQL construct into one call:
//
//   column reference            expr::Column(index, type, nullable)   (index into the input chunk)
//   literal                     expr::Literal(Value)
//   CAST / TRY_CAST / ::        expr::Cast(e, type, try_cast)
//   any function or operator    expr::Call(name, args)  e.g. "+", "=", "||", "upper", "if",
//                               "coalesce", "date_trunc" ("and", "or", "not", "is_null",
//                               "is_not_null", "if", "ifnull"/"nvl", "nullif", "coalesce",
//                               "extract"/"date_part", "date_add", "date_sub" included)
//   a AND b, a OR b, NOT a      expr::And / Or / Not   (three-valued logic)
//   a IS [NOT] NULL             expr::IsNull / IsNotNull
//   x [NOT] IN (list)           expr::In(x, list, negated)
//   x [NOT] LIKE p [ESCAPE c]   expr::Like(x, p, negated, c)
//   x [NOT] BETWEEN a AND b     expr::Between(x, a, b, negated)   (lowered to comparisons)
//   CASE WHEN .. THEN .. ELSE   expr::Case(whens, else)           (else may be null)
//   CASE x WHEN v THEN ..       expr::SimpleCase(x, whens, else)
//
// Errors while building: 1065 for type mismatches (`no function matches signature ...`),
// 1008 for unknown functions, 1028 for a wrong number of arguments.
//
// Thread-safety: an Expr is immutable once built and may be shared by plans running on many
// threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"
#include "execution/function_registry.h"
#include "execution/in_set.h"
#include "execution/like_matcher.h"
#include "types/value.h"

namespace strata {

enum class ExprKind : uint8_t {
  kColumnRef,  // column_index
  kConstant,   // value
  kCast,       // children[0], try_cast
  kFunction,   // function, children = arguments (already cast to function->arg_types)
  kCase,       // children = when0, then0, when1, then1, ..., else (always present)
  kAnd,        // children[0], children[1]
  kOr,         // children[0], children[1]
  kNot,        // children[0]
  kIsNull,     // children[0]; negated = IS NOT NULL
  kIn,         // children[0] = x, children[1..] = the constant list (shown by ToString);
               // evaluation uses in_set; negated = NOT IN
  kLike,       // children[0] = x, children[1] = pattern; like = compiled constant pattern
  kCoalesce,   // children = arguments
};

struct Expr;
using ExprPtr = std::shared_ptr<const Expr>;

struct Expr {
  ExprKind kind = ExprKind::kConstant;
  DataType type;
  bool nullable = true;
  std::vector<ExprPtr> children;

  size_t column_index = 0;                  // kColumnRef
  Value value;                              // kConstant
  ColumnPtr constant;                       // kConstant: value as a one-row column
  bool try_cast = false;                    // kCast
  ScalarFunctionPtr function;               // kFunction
  bool negated = false;                     // kIsNull, kIn, kLike
  std::shared_ptr<const InSet> in_set;      // kIn with a constant list
  std::shared_ptr<const LikeMatcher> like;  // kLike with a constant pattern
  char escape = '\\';                       // kLike

  bool IsConstant() const { return kind == ExprKind::kConstant; }
  // SQL-like text for plans and messages, e.g. "plus(#0, 1)".
  std::string ToString() const;
};

namespace expr {

ExprPtr Column(size_t index, DataType type, bool nullable = true);
ExprPtr Literal(Value value);

// CAST(e AS type); with try_cast, values that do not convert become NULL. Casting a constant
// folds it (a failing constant cast is kept for run time so that an unused branch never fails).
Result<ExprPtr> Cast(ExprPtr e, DataType type, bool try_cast = false);

// Any scalar function, operator or conditional form by name (case-insensitive).
Result<ExprPtr> Call(std::string_view name, std::vector<ExprPtr> args);

Result<ExprPtr> And(ExprPtr a, ExprPtr b);
Result<ExprPtr> Or(ExprPtr a, ExprPtr b);
Result<ExprPtr> Not(ExprPtr a);
Result<ExprPtr> IsNull(ExprPtr a);
Result<ExprPtr> IsNotNull(ExprPtr a);
Result<ExprPtr> In(ExprPtr x, std::vector<ExprPtr> list, bool negated = false);
Result<ExprPtr> Like(ExprPtr x, ExprPtr pattern, bool negated = false, char escape = '\\');
Result<ExprPtr> Between(ExprPtr x, ExprPtr low, ExprPtr high, bool negated = false);

using WhenThen = std::pair<ExprPtr, ExprPtr>;
// `else_expr` may be nullptr (ELSE NULL).
Result<ExprPtr> Case(std::vector<WhenThen> whens, ExprPtr else_expr);
Result<ExprPtr> SimpleCase(ExprPtr operand, std::vector<WhenThen> whens, ExprPtr else_expr);
Result<ExprPtr> If(ExprPtr cond, ExprPtr then_expr, ExprPtr else_expr);
Result<ExprPtr> Coalesce(std::vector<ExprPtr> args);
Result<ExprPtr> IfNull(ExprPtr a, ExprPtr b);
Result<ExprPtr> NullIf(ExprPtr a, ExprPtr b);

// Casts `e` to `type` when it is not already of that type (an implicit cast).
Result<ExprPtr> CastIfNeeded(ExprPtr e, const DataType& type);

}  // namespace expr

}  // namespace strata
