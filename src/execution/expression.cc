#include "execution/expression.h"

#include <algorithm>
#include <cctype>

#include "common/ascii.h"
#include "execution/cast.h"
#include "execution/expression_executor.h"

namespace strata {

namespace {

const DataType kBool(TypeId::Boolean);

std::string Join(const std::vector<ExprPtr>& es, size_t from = 0) {
  std::string s;
  for (size_t i = from; i < es.size(); ++i) {
    if (i > from) s += ", ";
    s += es[i]->ToString();
  }
  return s;
}

bool AllConstant(const std::vector<ExprPtr>& es) {
  return std::all_of(es.begin(), es.end(), [](const ExprPtr& e) { return e->IsConstant(); });
}

bool AnyNullable(const std::vector<ExprPtr>& es) {
  return std::any_of(es.begin(), es.end(), [](const ExprPtr& e) { return e->nullable; });
}

// Replaces a node whose inputs are all constants by its value. A node that fails to evaluate
// is kept as it is: the error then only surfaces if a row actually reaches it.
ExprPtr Fold(std::shared_ptr<Expr> e) {
  if (!AllConstant(e->children)) return e;
  if (e->kind == ExprKind::kFunction && !e->function->foldable) return e;
  Result<Value> v = EvaluateConstant(*e);
  if (!v.ok()) return e;
  Value value = v->is_null() ? Value::Null(e->type) : *v;
  auto lit = std::make_shared<Expr>();
  lit->kind = ExprKind::kConstant;
  lit->type = e->type;
  lit->nullable = value.is_null();
  lit->value = value;
  lit->constant = MakeConstantColumn(e->type, value, 1);
  return lit;
}

// Conditions must be BOOLEAN; numbers are accepted and read as `<> 0`.
Result<ExprPtr> AsCondition(ExprPtr e, const char* where) {
  if (e->type.id == TypeId::Boolean || e->type.id == TypeId::Null) return e;
  if (e->type.IsNumeric() || e->type.id == TypeId::String) return expr::Cast(e, kBool);
  return Error(ErrorCode::SemanticError, std::string(where) + " expects a BOOLEAN, got " +
                                             e->type.ToString() + " in " + e->ToString());
}

// The common type of several expressions, ignoring untyped NULLs.
Result<DataType> CommonType(const std::vector<ExprPtr>& es, const char* what) {
  DataType t(TypeId::Null);
  for (const ExprPtr& e : es) {
    Result<DataType> c = CommonSuperType(t, e->type);
    if (!c.ok()) {
      return Error(ErrorCode::SemanticError, std::string(what) + " has incompatible types " +
                                                 t.ToString() + " and " + e->type.ToString());
    }
    t = *c;
  }
  return t;
}

std::string QuoteIfString(const Value& v) {
  if (!v.is_null() && v.type().id == TypeId::String) return "'" + v.GetString() + "'";
  return v.ToString();
}

Result<std::string> ConstantString(const ExprPtr& e, const char* what) {
  if (!e->IsConstant() || e->value.is_null() || e->type.id != TypeId::String) {
    return Error(ErrorCode::BadArguments, std::string(what) + " must be a constant string");
  }
  return e->value.GetString();
}

// extract(unit FROM x) / date_part(unit, x): the unit picks one field function.
Result<ExprPtr> Extract(std::vector<ExprPtr> args) {
  if (args.size() != 2) {
    return Error(ErrorCode::NumberArgumentsNotMatch, "extract expects a unit and a value");
  }
  ASSIGN_OR_RETURN(std::string unit, ConstantString(args[0], "the unit of EXTRACT"));
  unit = AsciiLower(unit);
  static const std::pair<const char*, const char*> kUnits[] = {
      {"year", "year"},
      {"quarter", "quarter"},
      {"month", "month"},
      {"day", "day"},
      {"hour", "hour"},
      {"minute", "minute"},
      {"second", "second"},
      {"dow", "day_of_week"},
      {"dayofweek", "day_of_week"},
      {"doy", "day_of_year"},
      {"dayofyear", "day_of_year"},
  };
  for (const auto& [name, fn] : kUnits) {
    if (unit == name) return expr::Call(fn, {args[1]});
  }
  return Error(ErrorCode::BadArguments, "unsupported unit '" + unit + "' for EXTRACT");
}

// date_add(unit, n, x) / date_sub(unit, n, x) -> add_<unit>s(x, [-]n).
Result<ExprPtr> DateAdd(std::vector<ExprPtr> args, bool subtract) {
  if (args.size() != 3) {
    return Error(ErrorCode::NumberArgumentsNotMatch,
                 "date_add expects a unit, an amount and a date");
  }
  ASSIGN_OR_RETURN(std::string unit, ConstantString(args[0], "the unit of DATE_ADD"));
  unit = AsciiLower(unit);
  if (!unit.empty() && unit.back() != 's') unit += "s";
  ExprPtr n = args[1];
  if (subtract) {
    ASSIGN_OR_RETURN(n, expr::Call("negate", {n}));
  }
  return expr::Call("add_" + unit, {args[2], n});
}

}  // namespace

std::string Expr::ToString() const {
  switch (kind) {
    case ExprKind::kColumnRef:
      return "#" + std::to_string(column_index);
    case ExprKind::kConstant:
      return QuoteIfString(value);
    case ExprKind::kCast:
      return std::string(try_cast ? "TRY_CAST(" : "CAST(") + children[0]->ToString() + " AS " +
             type.ToString() + ")";
    case ExprKind::kFunction:
      return function->name + "(" + Join(children) + ")";
    case ExprKind::kCase: {
      std::string s = "CASE";
      for (size_t i = 0; i + 1 < children.size(); i += 2) {
        s += " WHEN " + children[i]->ToString() + " THEN " + children[i + 1]->ToString();
      }
      return s + " ELSE " + children.back()->ToString() + " END";
    }
    case ExprKind::kAnd:
      return "(" + children[0]->ToString() + " AND " + children[1]->ToString() + ")";
    case ExprKind::kOr:
      return "(" + children[0]->ToString() + " OR " + children[1]->ToString() + ")";
    case ExprKind::kNot:
      return "NOT " + children[0]->ToString();
    case ExprKind::kIsNull:
      return children[0]->ToString() + (negated ? " IS NOT NULL" : " IS NULL");
    case ExprKind::kIn:
      return children[0]->ToString() + (negated ? " NOT IN (" : " IN (") + Join(children, 1) + ")";
    case ExprKind::kLike:
      return children[0]->ToString() + (negated ? " NOT LIKE " : " LIKE ") +
             children[1]->ToString();
    case ExprKind::kCoalesce:
      return "coalesce(" + Join(children) + ")";
  }
  return "?";
}

namespace expr {

ExprPtr Column(size_t index, DataType type, bool nullable) {
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::kColumnRef;
  e->type = type;
  e->nullable = nullable;
  e->column_index = index;
  return e;
}

ExprPtr Literal(Value value) {
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::kConstant;
  e->type = value.type();
  e->nullable = value.is_null();
  e->constant = MakeConstantColumn(value.type(), value, 1);
  e->value = std::move(value);
  return e;
}

Result<ExprPtr> Cast(ExprPtr child, DataType type, bool try_cast) {
  if (child->type == type) return child;
  RETURN_IF_ERROR(CheckCastable(child->type, type));
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::kCast;
  e->type = type;
  e->nullable = child->nullable || try_cast;
  e->try_cast = try_cast;
  e->children = {std::move(child)};
  return Fold(e);
}

Result<ExprPtr> CastIfNeeded(ExprPtr e, const DataType& type) {
  if (e->type == type) return e;
  return Cast(std::move(e), type, false);
}

Result<ExprPtr> Call(std::string_view raw_name, std::vector<ExprPtr> args) {
  std::string name = AsciiLower(raw_name);
  auto arity = [&](size_t n) -> Status {
    if (args.size() == n) return Status::OK();
    return Error(ErrorCode::NumberArgumentsNotMatch, "function " + name + " expects " +
                                                         std::to_string(n) + " arguments, got " +
                                                         std::to_string(args.size()));
  };
  if (name == "and" || name == "or") {
    if (args.size() < 2) RETURN_IF_ERROR(arity(2));
    ExprPtr acc = args[0];
    for (size_t i = 1; i < args.size(); ++i) {
      ASSIGN_OR_RETURN(acc, name == "and" ? And(acc, args[i]) : Or(acc, args[i]));
    }
    return acc;
  }
  if (name == "not") return arity(1).ok() ? Not(args[0]) : arity(1);
  if (name == "is_null" || name == "isnull") return arity(1).ok() ? IsNull(args[0]) : arity(1);
  if (name == "is_not_null" || name == "isnotnull") {
    return arity(1).ok() ? IsNotNull(args[0]) : arity(1);
  }
  if (name == "if" || name == "iff")
    return arity(3).ok() ? If(args[0], args[1], args[2]) : arity(3);
  if (name == "ifnull" || name == "nvl") return arity(2).ok() ? IfNull(args[0], args[1]) : arity(2);
  if (name == "nullif") return arity(2).ok() ? NullIf(args[0], args[1]) : arity(2);
  if (name == "coalesce") return Coalesce(std::move(args));
  if (name == "like") return arity(2).ok() ? Like(args[0], args[1]) : arity(2);
  if (name == "extract" || name == "date_part") return Extract(std::move(args));
  if (name == "date_add") return DateAdd(std::move(args), false);
  if (name == "date_sub") return DateAdd(std::move(args), true);

  std::vector<ArgInfo> infos;
  infos.reserve(args.size());
  for (const ExprPtr& a : args) {
    ArgInfo info{a->type, std::nullopt};
    if (a->IsConstant()) info.constant = a->value;
    infos.push_back(std::move(info));
  }
  ASSIGN_OR_RETURN(ScalarFunctionPtr fn, FunctionRegistry::Instance().Resolve(name, infos));
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::kFunction;
  e->type = fn->return_type;
  for (size_t i = 0; i < args.size(); ++i) {
    ASSIGN_OR_RETURN(ExprPtr a, CastIfNeeded(args[i], fn->arg_types[i]));
    e->children.push_back(std::move(a));
  }
  e->nullable = AnyNullable(e->children);
  e->function = std::move(fn);
  return Fold(e);
}

Result<ExprPtr> And(ExprPtr a, ExprPtr b) {
  ASSIGN_OR_RETURN(a, AsCondition(std::move(a), "AND"));
  ASSIGN_OR_RETURN(b, AsCondition(std::move(b), "AND"));
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::kAnd;
  e->type = kBool;
  e->nullable = a->nullable || b->nullable;
  e->children = {std::move(a), std::move(b)};
  return Fold(e);
}

Result<ExprPtr> Or(ExprPtr a, ExprPtr b) {
  ASSIGN_OR_RETURN(a, AsCondition(std::move(a), "OR"));
  ASSIGN_OR_RETURN(b, AsCondition(std::move(b), "OR"));
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::kOr;
  e->type = kBool;
  e->nullable = a->nullable || b->nullable;
  e->children = {std::move(a), std::move(b)};
  return Fold(e);
}

Result<ExprPtr> Not(ExprPtr a) {
  ASSIGN_OR_RETURN(a, AsCondition(std::move(a), "NOT"));
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::kNot;
  e->type = kBool;
  e->nullable = a->nullable;
  e->children = {std::move(a)};
  return Fold(e);
}

namespace {
Result<ExprPtr> NullTest(ExprPtr a, bool negated) {
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::kIsNull;
  e->type = kBool;
  e->nullable = false;
  e->negated = negated;
  e->children = {std::move(a)};
  return Fold(e);
}
}  // namespace

Result<ExprPtr> IsNull(ExprPtr a) { return NullTest(std::move(a), false); }
Result<ExprPtr> IsNotNull(ExprPtr a) { return NullTest(std::move(a), true); }

Result<ExprPtr> In(ExprPtr x, std::vector<ExprPtr> list, bool negated) {
  if (list.empty()) return Error(ErrorCode::SemanticError, "IN list must not be empty");
  if (!AllConstant(list)) {
    // A list with column references is a chain of equalities.
    ExprPtr acc;
    for (ExprPtr& item : list) {
      ASSIGN_OR_RETURN(ExprPtr eq, Call("=", {x, item}));
      if (acc) {
        ASSIGN_OR_RETURN(acc, Or(acc, eq));
      } else {
        acc = eq;
      }
    }
    return negated ? Not(acc) : Result<ExprPtr>(acc);
  }
  std::vector<ExprPtr> all = list;
  all.push_back(x);
  ASSIGN_OR_RETURN(DataType t, CommonType(all, "IN"));
  std::vector<Value> values;
  values.reserve(list.size());
  for (const ExprPtr& item : list) {
    ASSIGN_OR_RETURN(Value v, item->value.CastTo(t));
    values.push_back(std::move(v));
  }
  ASSIGN_OR_RETURN(x, CastIfNeeded(std::move(x), t));
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::kIn;
  e->type = kBool;
  e->negated = negated;
  e->in_set = InSet::Make(t, values);
  e->nullable = x->nullable || e->in_set->has_null();
  e->children.push_back(std::move(x));
  for (ExprPtr& item : list) e->children.push_back(std::move(item));
  return Fold(e);
}

Result<ExprPtr> Like(ExprPtr x, ExprPtr pattern, bool negated, char escape) {
  const DataType kString(TypeId::String);
  ASSIGN_OR_RETURN(x, CastIfNeeded(std::move(x), kString));
  ASSIGN_OR_RETURN(pattern, CastIfNeeded(std::move(pattern), kString));
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::kLike;
  e->type = kBool;
  e->negated = negated;
  e->escape = escape;
  if (pattern->IsConstant() && !pattern->value.is_null()) {
    e->like = std::make_shared<LikeMatcher>(pattern->value.GetString(), escape);
  }
  e->nullable = x->nullable || pattern->nullable;
  e->children = {std::move(x), std::move(pattern)};
  return Fold(e);
}

Result<ExprPtr> Between(ExprPtr x, ExprPtr low, ExprPtr high, bool negated) {
  if (negated) {
    ASSIGN_OR_RETURN(ExprPtr lt, Call("<", {x, std::move(low)}));
    ASSIGN_OR_RETURN(ExprPtr gt, Call(">", {x, std::move(high)}));
    return Or(std::move(lt), std::move(gt));
  }
  ASSIGN_OR_RETURN(ExprPtr ge, Call(">=", {x, std::move(low)}));
  ASSIGN_OR_RETURN(ExprPtr le, Call("<=", {x, std::move(high)}));
  return And(std::move(ge), std::move(le));
}

Result<ExprPtr> Case(std::vector<WhenThen> whens, ExprPtr else_expr) {
  if (!else_expr) else_expr = Literal(Value::Null());
  std::vector<ExprPtr> results;
  for (const WhenThen& w : whens) results.push_back(w.second);
  results.push_back(else_expr);
  ASSIGN_OR_RETURN(DataType t, CommonType(results, "CASE"));
  ASSIGN_OR_RETURN(else_expr, CastIfNeeded(else_expr, t));
  // Branches with constant conditions are settled now: a TRUE one ends the CASE, FALSE and
  // NULL ones are dropped.
  std::vector<ExprPtr> children;
  for (WhenThen& w : whens) {
    ASSIGN_OR_RETURN(ExprPtr cond, AsCondition(w.first, "CASE WHEN"));
    ASSIGN_OR_RETURN(ExprPtr then, CastIfNeeded(w.second, t));
    if (cond->IsConstant()) {
      if (!cond->value.is_null() && cond->value.GetBool()) {
        else_expr = then;
        break;
      }
      continue;
    }
    children.push_back(std::move(cond));
    children.push_back(std::move(then));
  }
  if (children.empty()) return else_expr;
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::kCase;
  e->type = t;
  children.push_back(std::move(else_expr));
  e->nullable = false;
  for (size_t i = 1; i < children.size(); i += 2) e->nullable |= children[i]->nullable;
  e->nullable |= children.back()->nullable;
  e->children = std::move(children);
  return Fold(e);
}

Result<ExprPtr> SimpleCase(ExprPtr operand, std::vector<WhenThen> whens, ExprPtr else_expr) {
  for (WhenThen& w : whens) {
    ASSIGN_OR_RETURN(w.first, Call("=", {operand, w.first}));
  }
  return Case(std::move(whens), std::move(else_expr));
}

Result<ExprPtr> If(ExprPtr cond, ExprPtr then_expr, ExprPtr else_expr) {
  return Case({{std::move(cond), std::move(then_expr)}}, std::move(else_expr));
}

Result<ExprPtr> Coalesce(std::vector<ExprPtr> args) {
  if (args.empty()) {
    return Error(ErrorCode::NumberArgumentsNotMatch, "coalesce expects at least 1 argument");
  }
  ASSIGN_OR_RETURN(DataType t, CommonType(args, "COALESCE"));
  std::vector<ExprPtr> kept;
  for (ExprPtr& a : args) {
    if (a->IsConstant() && a->value.is_null()) continue;
    ASSIGN_OR_RETURN(ExprPtr c, CastIfNeeded(a, t));
    bool stop = !c->nullable;  // later arguments are never reached
    kept.push_back(std::move(c));
    if (stop) break;
  }
  if (kept.empty()) return Literal(Value::Null(t));
  if (kept.size() == 1) return kept[0];
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::kCoalesce;
  e->type = t;
  e->nullable = std::all_of(kept.begin(), kept.end(), [](const ExprPtr& k) { return k->nullable; });
  e->children = std::move(kept);
  return Fold(e);
}

Result<ExprPtr> IfNull(ExprPtr a, ExprPtr b) { return Coalesce({std::move(a), std::move(b)}); }

Result<ExprPtr> NullIf(ExprPtr a, ExprPtr b) {
  ASSIGN_OR_RETURN(ExprPtr eq, Call("=", {a, std::move(b)}));
  return Case({{std::move(eq), Literal(Value::Null(a->type))}}, a);
}

}  // namespace expr

}  // namespace strata
