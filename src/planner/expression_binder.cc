#include "planner/expression_binder.h"

#include <limits>

namespace strata {

namespace {

std::string At(const sql::SourcePos& pos) {
  return " at line " + std::to_string(pos.line) + ", column " + std::to_string(pos.column);
}

const char* FunctionForOp(sql::BinaryOp op) {
  using B = sql::BinaryOp;
  switch (op) {
    case B::Eq:
      return "eq";
    case B::NotEq:
      return "noteq";
    case B::Lt:
      return "lt";
    case B::LtEq:
      return "lte";
    case B::Gt:
      return "gt";
    case B::GtEq:
      return "gte";
    case B::Plus:
      return "plus";
    case B::Minus:
      return "minus";
    case B::Concat:
      return "concat";
    case B::Mul:
      return "multiply";
    case B::Div:
      return "divide";
    case B::IntDiv:
      return "div";
    case B::Mod:
      return "modulo";
    default:
      return nullptr;
  }
}

}  // namespace

Result<Value> LiteralValue(const sql::LiteralExpr& lit) {
  using L = sql::LiteralKind;
  switch (lit.literal_kind) {
    case L::Null:
      return Value::Null();
    case L::Boolean:
      return Value::Boolean(lit.bool_value);
    case L::Integer:
      if (lit.int_value >= std::numeric_limits<int32_t>::min() &&
          lit.int_value <= std::numeric_limits<int32_t>::max()) {
        return Value::Int(DataType(TypeId::Int32), lit.int_value);
      }
      return Value::BigInt(lit.int_value);
    case L::Decimal: {
      std::string digits;
      int scale = 0;
      bool after_point = false;
      for (char c : lit.text) {
        if (c == '.') {
          after_point = true;
        } else if (c >= '0' && c <= '9') {
          digits += c;
          if (after_point) ++scale;
        }
      }
      size_t first = digits.find_first_not_of('0');
      int precision = first == std::string::npos ? 1 : static_cast<int>(digits.size() - first);
      precision = std::max(precision, scale + 1);
      if (precision > 38) {
        return Value::String(lit.text).CastTo(DataType(TypeId::Float64));
      }
      DataType type =
          DataType::Decimal(static_cast<uint8_t>(precision), static_cast<uint8_t>(scale));
      return Value::String(lit.text).CastTo(type);
    }
    case L::Float:
      return Value::String(lit.text).CastTo(DataType(TypeId::Float64));
    case L::String:
      return Value::String(lit.text);
  }
  return Error(ErrorCode::Internal, "unknown literal kind");
}

Result<std::vector<ExprPtr>> ExpressionBinder::BindAll(const std::vector<sql::ExprPtr>& list) {
  std::vector<ExprPtr> out;
  out.reserve(list.size());
  for (const auto& e : list) {
    ASSIGN_OR_RETURN(ExprPtr b, Bind(*e));
    out.push_back(std::move(b));
  }
  return out;
}

Result<ExprPtr> ExpressionBinder::Bind(const sql::Expr& e) {
  using K = sql::ExprKind;
  if (agg_) {
    std::string text = sql::ToSql(e);
    for (size_t i = 0; i < agg_->key_sql.size(); ++i) {
      if (agg_->key_sql[i] == text) {
        return expr::Column(i, agg_->keys[i]->type, agg_->keys[i]->nullable);
      }
    }
  }
  switch (e.kind) {
    case K::Literal: {
      ASSIGN_OR_RETURN(Value v, LiteralValue(e.As<sql::LiteralExpr>()));
      return expr::Literal(std::move(v));
    }
    case K::ColumnRef: {
      const auto& parts = e.As<sql::ColumnRefExpr>().parts;
      if (agg_) {
        // Resolve first so an unknown column reports 1058, not a GROUP BY complaint.
        RETURN_IF_ERROR(scope_.Resolve(parts).status());
        return Error(ErrorCode::SemanticError,
                     "column '" + sql::ToSql(e) +
                         "' must appear in the GROUP BY clause or be used in an aggregate "
                         "function" +
                         At(e.pos));
      }
      ASSIGN_OR_RETURN(size_t idx, scope_.Resolve(parts));
      const ScopeColumn& c = scope_.columns()[idx];
      return expr::Column(idx, c.type, c.nullable);
    }
    case K::Star:
      return Error(ErrorCode::SemanticError, "'*' is not allowed here" + At(e.pos));
    case K::FunctionCall:
      return BindFunction(e.As<sql::FunctionCallExpr>());
    case K::Cast: {
      const auto& c = e.As<sql::CastExpr>();
      ASSIGN_OR_RETURN(ExprPtr operand, Bind(*c.operand));
      return expr::Cast(std::move(operand), c.type.type, c.is_try());
    }
    case K::Unary: {
      const auto& u = e.As<sql::UnaryExpr>();
      ASSIGN_OR_RETURN(ExprPtr operand, Bind(*u.operand));
      switch (u.op) {
        case sql::UnaryOp::Plus:
          return operand;
        case sql::UnaryOp::Minus:
          return expr::Call("negate", {std::move(operand)});
        case sql::UnaryOp::Not:
          return expr::Not(std::move(operand));
      }
      break;
    }
    case K::Binary:
      return BindBinary(e.As<sql::BinaryExpr>());
    case K::Between: {
      const auto& b = e.As<sql::BetweenExpr>();
      ASSIGN_OR_RETURN(ExprPtr x, Bind(*b.operand));
      ASSIGN_OR_RETURN(ExprPtr lo, Bind(*b.low));
      ASSIGN_OR_RETURN(ExprPtr hi, Bind(*b.high));
      return expr::Between(std::move(x), std::move(lo), std::move(hi), b.negated);
    }
    case K::InList: {
      const auto& in = e.As<sql::InListExpr>();
      ASSIGN_OR_RETURN(ExprPtr x, Bind(*in.operand));
      ASSIGN_OR_RETURN(std::vector<ExprPtr> list, BindAll(in.list));
      return expr::In(std::move(x), std::move(list), in.negated);
    }
    case K::IsNull: {
      const auto& n = e.As<sql::IsNullExpr>();
      ASSIGN_OR_RETURN(ExprPtr x, Bind(*n.operand));
      return n.negated ? expr::IsNotNull(std::move(x)) : expr::IsNull(std::move(x));
    }
    case K::Case: {
      const auto& c = e.As<sql::CaseExpr>();
      std::vector<expr::WhenThen> whens;
      for (const auto& w : c.when_clauses) {
        ASSIGN_OR_RETURN(ExprPtr cond, Bind(*w.condition));
        ASSIGN_OR_RETURN(ExprPtr result, Bind(*w.result));
        whens.emplace_back(std::move(cond), std::move(result));
      }
      ExprPtr else_expr;
      if (c.else_result) {
        ASSIGN_OR_RETURN(else_expr, Bind(*c.else_result));
      }
      if (c.operand) {
        ASSIGN_OR_RETURN(ExprPtr operand, Bind(*c.operand));
        return expr::SimpleCase(std::move(operand), std::move(whens), std::move(else_expr));
      }
      return expr::Case(std::move(whens), std::move(else_expr));
    }
    case K::InSubquery:
    case K::Subquery:
    case K::Exists:
      return Error(ErrorCode::Unimplemented,
                   "subqueries in expressions are not supported yet" + At(e.pos));
  }
  return Error(ErrorCode::Internal, "unhandled expression kind");
}

Result<ExprPtr> ExpressionBinder::BindBinary(const sql::BinaryExpr& b) {
  using B = sql::BinaryOp;
  ASSIGN_OR_RETURN(ExprPtr l, Bind(*b.left));
  ASSIGN_OR_RETURN(ExprPtr r, Bind(*b.right));
  switch (b.op) {
    case B::And:
      return expr::And(std::move(l), std::move(r));
    case B::Or:
      return expr::Or(std::move(l), std::move(r));
    case B::Like:
    case B::NotLike:
      return expr::Like(std::move(l), std::move(r), b.op == B::NotLike);
    case B::ILike:
    case B::NotILike: {
      ASSIGN_OR_RETURN(ExprPtr ll, expr::Call("lower", {std::move(l)}));
      ASSIGN_OR_RETURN(ExprPtr rl, expr::Call("lower", {std::move(r)}));
      return expr::Like(std::move(ll), std::move(rl), b.op == B::NotILike);
    }
    case B::IsDistinctFrom:
    case B::IsNotDistinctFrom: {
      // a IS DISTINCT FROM b  ==  NOT (a = b AND both non-NULL OR both NULL)
      ASSIGN_OR_RETURN(ExprPtr eq, expr::Call("eq", {l, r}));
      ASSIGN_OR_RETURN(ExprPtr eq_known,
                       expr::Coalesce({eq, expr::Literal(Value::Boolean(false))}));
      ASSIGN_OR_RETURN(ExprPtr ln, expr::IsNull(l));
      ASSIGN_OR_RETURN(ExprPtr rn, expr::IsNull(r));
      ASSIGN_OR_RETURN(ExprPtr both_null, expr::And(ln, rn));
      ASSIGN_OR_RETURN(ExprPtr same, expr::Or(eq_known, both_null));
      return b.op == B::IsNotDistinctFrom ? same : expr::Not(same);
    }
    default:
      break;
  }
  const char* fn = FunctionForOp(b.op);
  if (!fn) return Error(ErrorCode::Unimplemented, "operator is not supported" + At(b.pos));
  return expr::Call(fn, {std::move(l), std::move(r)});
}

Result<ExprPtr> ExpressionBinder::BindFunction(const sql::FunctionCallExpr& call) {
  const std::string& name = call.name.name;
  if (IsAggregateFunctionName(name)) {
    if (!agg_) {
      return Error(ErrorCode::SemanticError,
                   "aggregate function " + name + "() is not allowed here" + At(call.pos));
    }
    std::string text = sql::ToSql(call);
    for (size_t i = 0; i < agg_->aggregate_sql.size(); ++i) {
      if (agg_->aggregate_sql[i] == text) {
        const AggregateCall& a = agg_->aggregates[i];
        return expr::Column(agg_->keys.size() + i, a.function->result_type, a.function->nullable);
      }
    }
    return Error(ErrorCode::Internal, "aggregate " + text + " was not collected");
  }
  if (call.star) {
    return Error(ErrorCode::SemanticError, name + "(*) is not a function" + At(call.pos));
  }
  if (call.distinct) {
    return Error(ErrorCode::SemanticError,
                 "DISTINCT is only allowed in aggregate functions" + At(call.pos));
  }
  ASSIGN_OR_RETURN(std::vector<ExprPtr> args, BindAll(call.args));
  if (name == "coalesce") return expr::Coalesce(std::move(args));
  auto two = [&]() -> Status {
    if (args.size() != 2) {
      return Error(
          ErrorCode::NumberArgumentsNotMatch,
          name + "() takes 2 arguments, got " + std::to_string(args.size()) + At(call.pos));
    }
    return Status::OK();
  };
  if (name == "ifnull" || name == "nvl") {
    RETURN_IF_ERROR(two());
    return expr::IfNull(args[0], args[1]);
  }
  if (name == "nullif") {
    RETURN_IF_ERROR(two());
    return expr::NullIf(args[0], args[1]);
  }
  if (name == "if" || name == "iff") {
    if (args.size() != 3) {
      return Error(ErrorCode::NumberArgumentsNotMatch, "if() takes 3 arguments" + At(call.pos));
    }
    return expr::If(args[0], args[1], args[2]);
  }
  if (name == "is_null" && args.size() == 1) return expr::IsNull(args[0]);
  if (name == "is_not_null" && args.size() == 1) return expr::IsNotNull(args[0]);
  auto r = expr::Call(name, std::move(args));
  if (!r.ok()) return r.status().WithContext(name + "()" + At(call.pos));
  return r;
}

Result<AggregateCall> ExpressionBinder::BindAggregateCall(const sql::FunctionCallExpr& call) {
  // Arguments of an aggregate are bound over the input rows, never over other aggregates.
  ExpressionBinder inner(scope_);
  std::vector<ExprPtr> args;
  for (const auto& arg : call.args) {
    if (arg->kind == sql::ExprKind::FunctionCall &&
        IsAggregateFunctionName(arg->As<sql::FunctionCallExpr>().name.name)) {
      return Error(ErrorCode::SemanticError,
                   "aggregate function calls cannot be nested" + At(arg->pos));
    }
    ASSIGN_OR_RETURN(ExprPtr b, inner.Bind(*arg));
    args.push_back(std::move(b));
  }
  auto made = AggregateCall::Make(call.name.name, std::move(args), call.distinct);
  if (!made.ok()) return made.status().WithContext(sql::ToSql(call) + At(call.pos));
  return made;
}

}  // namespace strata
