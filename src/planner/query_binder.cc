#include "planner/query_binder.h"

#include <set>

#include "execution/expression_executor.h"

namespace strata {

namespace {

std::string At(const sql::SourcePos& pos) {
  return " at line " + std::to_string(pos.line) + ", column " + std::to_string(pos.column);
}

std::shared_ptr<LogicalNode> NewNode(LogicalKind kind) {
  auto n = std::make_shared<LogicalNode>();
  n->kind = kind;
  return n;
}

BindScope ScopeOf(const Schema& schema, const std::string& qualifier,
                  const std::string& database = "") {
  std::vector<ScopeColumn> cols;
  for (const auto& f : schema)
    cols.push_back(ScopeColumn{qualifier, database, f.name, f.type, f.nullable});
  return BindScope(std::move(cols));
}

// Walks an AST expression and collects aggregate calls (not descending into them).
void CollectAggregates(const sql::Expr* e, std::vector<const sql::FunctionCallExpr*>* out) {
  if (!e) return;
  using K = sql::ExprKind;
  switch (e->kind) {
    case K::FunctionCall: {
      const auto& f = e->As<sql::FunctionCallExpr>();
      if (IsAggregateFunctionName(f.name.name)) {
        out->push_back(&f);
        return;
      }
      for (const auto& a : f.args) CollectAggregates(a.get(), out);
      return;
    }
    case K::Cast:
      CollectAggregates(e->As<sql::CastExpr>().operand.get(), out);
      return;
    case K::Unary:
      CollectAggregates(e->As<sql::UnaryExpr>().operand.get(), out);
      return;
    case K::Binary:
      CollectAggregates(e->As<sql::BinaryExpr>().left.get(), out);
      CollectAggregates(e->As<sql::BinaryExpr>().right.get(), out);
      return;
    case K::Between: {
      const auto& b = e->As<sql::BetweenExpr>();
      CollectAggregates(b.operand.get(), out);
      CollectAggregates(b.low.get(), out);
      CollectAggregates(b.high.get(), out);
      return;
    }
    case K::InList:
      CollectAggregates(e->As<sql::InListExpr>().operand.get(), out);
      for (const auto& x : e->As<sql::InListExpr>().list) CollectAggregates(x.get(), out);
      return;
    case K::IsNull:
      CollectAggregates(e->As<sql::IsNullExpr>().operand.get(), out);
      return;
    case K::Case: {
      const auto& c = e->As<sql::CaseExpr>();
      CollectAggregates(c.operand.get(), out);
      for (const auto& w : c.when_clauses) {
        CollectAggregates(w.condition.get(), out);
        CollectAggregates(w.result.get(), out);
      }
      CollectAggregates(c.else_result.get(), out);
      return;
    }
    default:
      return;
  }
}

// Splits a bound predicate into its AND-ed conjuncts.
void SplitConjuncts(const ExprPtr& e, std::vector<ExprPtr>* out) {
  if (e->kind == ExprKind::kAnd) {
    for (const auto& c : e->children) SplitConjuncts(c, out);
  } else {
    out->push_back(e);
  }
}

// Which inputs of a join an expression reads: bit 1 = left, bit 2 = right.
int Sides(const Expr& e, size_t left_width) {
  if (e.kind == ExprKind::kColumnRef) return e.column_index < left_width ? 1 : 2;
  int s = 0;
  for (const auto& c : e.children) s |= Sides(*c, left_width);
  return s;
}

// A copy of `e` with every column index lowered by `shift`.
ExprPtr ShiftColumns(const ExprPtr& e, size_t shift) {
  if (e->kind == ExprKind::kColumnRef) {
    return expr::Column(e->column_index - shift, e->type, e->nullable);
  }
  if (e->children.empty()) return e;
  auto copy = std::make_shared<Expr>(*e);
  for (auto& c : copy->children) c = ShiftColumns(c, shift);
  return copy;
}

bool IsComparison(const std::string& fn) {
  return fn == "eq" || fn == "lt" || fn == "lte" || fn == "gt" || fn == "gte";
}

std::string FlipComparison(const std::string& fn) {
  if (fn == "lt") return "gt";
  if (fn == "lte") return "gte";
  if (fn == "gt") return "lt";
  if (fn == "gte") return "lte";
  return fn;
}

std::string OpSpelling(const std::string& fn) {
  if (fn == "eq") return "=";
  if (fn == "lt") return "<";
  if (fn == "lte") return "<=";
  if (fn == "gt") return ">";
  return ">=";
}

// `column op constant` conjuncts a scan can prune blocks with. Constants are converted to
// the column's own type; a conjunct that cannot be expressed exactly is left out (it is
// still evaluated by the filter, so leaving it out only costs reading more).
std::vector<ScanPredicate> PruningConjuncts(const ExprPtr& predicate) {
  std::vector<ExprPtr> conjuncts;
  SplitConjuncts(predicate, &conjuncts);
  std::vector<ScanPredicate> out;
  auto constant_as = [](const Expr& c, const DataType& type) -> std::optional<Value> {
    if (!c.IsConstant() || c.value.is_null()) return std::nullopt;
    auto v = c.value.CastTo(type);
    if (!v.ok()) return std::nullopt;
    auto back = v->CastTo(c.value.type());
    if (!back.ok() || !(*back == c.value)) return std::nullopt;
    return *v;
  };
  for (const auto& c : conjuncts) {
    if (c->kind == ExprKind::kIsNull && c->children[0]->kind == ExprKind::kColumnRef) {
      out.push_back(
          ScanPredicate{c->children[0]->column_index, c->negated ? "is_not_null" : "is_null", {}});
      continue;
    }
    if (c->kind == ExprKind::kIn && !c->negated && c->children[0]->kind == ExprKind::kColumnRef) {
      ScanPredicate p{c->children[0]->column_index, "in", {}};
      bool ok = true;
      for (size_t i = 1; i < c->children.size() && ok; ++i) {
        auto v = constant_as(*c->children[i], c->children[0]->type);
        if (v) {
          p.values.push_back(*v);
        } else {
          ok = false;
        }
      }
      if (ok && !p.values.empty()) out.push_back(std::move(p));
      continue;
    }
    if (c->kind != ExprKind::kFunction || c->children.size() != 2) continue;
    std::string fn = c->function->name;
    if (!IsComparison(fn)) continue;
    const Expr* col = c->children[0].get();
    const Expr* con = c->children[1].get();
    if (col->kind != ExprKind::kColumnRef) {
      std::swap(col, con);
      fn = FlipComparison(fn);
    }
    if (col->kind != ExprKind::kColumnRef) continue;
    auto v = constant_as(*con, col->type);
    if (!v) continue;
    out.push_back(ScanPredicate{col->column_index, OpSpelling(fn), {*v}});
  }
  return out;
}

Result<uint64_t> ConstantCount(const sql::Expr& e, const char* what) {
  ASSIGN_OR_RETURN(ExprPtr b, QueryBinder::BindConstantExpr(e));
  ASSIGN_OR_RETURN(Value v, EvaluateConstant(*b));
  if (v.is_null() || !v.type().IsInteger() || v.GetInt() < 0) {
    return Error(ErrorCode::BadArguments,
                 std::string(what) + " must be a non-negative integer" + At(e.pos));
  }
  return static_cast<uint64_t>(v.GetInt());
}

std::string ItemName(const sql::SelectItem& item) {
  if (item.alias) return item.alias->name;
  if (item.expr->kind == sql::ExprKind::ColumnRef) {
    return item.expr->As<sql::ColumnRefExpr>().parts.back().name;
  }
  return sql::ToSql(*item.expr);
}

}  // namespace

Schema SchemaOf(const std::vector<ExprPtr>& exprs, const std::vector<std::string>& names) {
  Schema s;
  for (size_t i = 0; i < exprs.size(); ++i) {
    s.push_back(Field{names[i], exprs[i]->type, exprs[i]->nullable});
  }
  return s;
}

LogicalPtr MakeProject(LogicalPtr input, std::vector<ExprPtr> exprs,
                       std::vector<std::string> names) {
  auto n = NewNode(LogicalKind::kProject);
  n->schema = SchemaOf(exprs, names);
  n->exprs = std::move(exprs);
  n->children.push_back(std::move(input));
  return n;
}

Result<ExprPtr> QueryBinder::BindConstantExpr(const sql::Expr& e) {
  BindScope empty;
  ExpressionBinder binder(empty);
  return binder.Bind(e);
}

Result<LogicalPtr> QueryBinder::Bind(const sql::Query& query) {
  CollectReferencedColumns(query, &referenced_);
  return BindQuery(query);
}

Result<LogicalPtr> QueryBinder::BindQuery(const sql::Query& query) {
  ctes_.emplace_back();
  for (const auto& cte : query.with) {
    ASSIGN_OR_RETURN(LogicalPtr plan, BindQuery(*cte.query));
    if (!cte.columns.empty()) {
      if (cte.columns.size() != plan->schema.size()) {
        return Error(ErrorCode::SemanticError,
                     "WITH " + cte.name.name + " names " + std::to_string(cte.columns.size()) +
                         " columns but its query returns " + std::to_string(plan->schema.size()));
      }
      auto renamed = std::make_shared<LogicalNode>(*plan);
      for (size_t i = 0; i < cte.columns.size(); ++i) renamed->schema[i].name = cte.columns[i].name;
      plan = renamed;
    }
    ctes_.back()[cte.name.name] = plan;
  }
  auto result = BindSetExpr(*query.body, &query);
  ctes_.pop_back();
  return result;
}

Result<LogicalPtr> QueryBinder::BindSetExpr(const sql::SetExpr& body, const sql::Query* owner) {
  switch (body.kind) {
    case sql::SetExprKind::Select:
      // ORDER BY of a plain SELECT may use its FROM columns and aggregates: bound inside.
      return BindSelect(body.As<sql::SelectCore>(), owner);
    case sql::SetExprKind::Nested: {
      ASSIGN_OR_RETURN(LogicalPtr plan, BindQuery(*body.As<sql::NestedQuery>().query));
      if (!owner) return plan;
      return ApplyOrderAndLimit(plan, *owner);
    }
    case sql::SetExprKind::SetOperation: {
      ASSIGN_OR_RETURN(LogicalPtr plan, BindSetOperation(body.As<sql::SetOperation>()));
      if (!owner) return plan;
      return ApplyOrderAndLimit(plan, *owner);
    }
  }
  return Error(ErrorCode::Internal, "unknown query body");
}

Result<LogicalPtr> QueryBinder::BindSetOperation(const sql::SetOperation& op) {
  if (op.op != sql::SetOpType::Union) {
    return Error(ErrorCode::Unimplemented,
                 "EXCEPT and INTERSECT are not supported yet" + At(op.pos));
  }
  ASSIGN_OR_RETURN(LogicalPtr left, BindSetExpr(*op.left, nullptr));
  ASSIGN_OR_RETURN(LogicalPtr right, BindSetExpr(*op.right, nullptr));
  if (left->schema.size() != right->schema.size()) {
    return Error(ErrorCode::SemanticError, "UNION sides have different numbers of columns (" +
                                               std::to_string(left->schema.size()) + " and " +
                                               std::to_string(right->schema.size()) + ")" +
                                               At(op.pos));
  }
  // Both sides are cast to the common type of each column.
  std::vector<ExprPtr> lcast, rcast;
  std::vector<std::string> names;
  bool lneeds = false, rneeds = false;
  for (size_t i = 0; i < left->schema.size(); ++i) {
    const Field& lf = left->schema[i];
    const Field& rf = right->schema[i];
    ASSIGN_OR_RETURN(DataType common, CommonSuperType(lf.type, rf.type));
    ASSIGN_OR_RETURN(ExprPtr l, expr::CastIfNeeded(expr::Column(i, lf.type, lf.nullable), common));
    ASSIGN_OR_RETURN(ExprPtr r, expr::CastIfNeeded(expr::Column(i, rf.type, rf.nullable), common));
    lneeds |= common != lf.type;
    rneeds |= common != rf.type;
    auto lnull = std::make_shared<Expr>(*l);
    lnull->nullable = lf.nullable || rf.nullable;
    lcast.push_back(lnull);
    rcast.push_back(r);
    names.push_back(lf.name);
  }
  if (lneeds) left = MakeProject(left, lcast, names);
  if (rneeds) right = MakeProject(right, rcast, names);
  auto u = NewNode(LogicalKind::kUnionAll);
  u->schema = SchemaOf(lcast, names);
  u->children = {left, right};
  if (op.all) return LogicalPtr(u);
  // UNION (DISTINCT): group by every column.
  auto d = NewNode(LogicalKind::kAggregate);
  for (size_t i = 0; i < u->schema.size(); ++i) {
    d->group_keys.push_back(expr::Column(i, u->schema[i].type, u->schema[i].nullable));
  }
  d->schema = u->schema;
  d->children.push_back(u);
  return LogicalPtr(d);
}

Result<LogicalPtr> QueryBinder::ApplyOrderAndLimit(LogicalPtr plan, const sql::Query& query) {
  if (!query.order_by.empty()) {
    BindScope scope = ScopeOf(plan->schema, "");
    ExpressionBinder binder(scope);
    auto sort = NewNode(LogicalKind::kSort);
    for (const auto& item : query.order_by) {
      ExprPtr key;
      if (item.expr->kind == sql::ExprKind::Literal &&
          item.expr->As<sql::LiteralExpr>().literal_kind == sql::LiteralKind::Integer) {
        int64_t pos = item.expr->As<sql::LiteralExpr>().int_value;
        if (pos < 1 || pos > static_cast<int64_t>(plan->schema.size())) {
          return Error(ErrorCode::SemanticError, "ORDER BY position " + std::to_string(pos) +
                                                     " is not in the select list" + At(item.pos));
        }
        const Field& f = plan->schema[pos - 1];
        key = expr::Column(pos - 1, f.type, f.nullable);
      } else {
        ASSIGN_OR_RETURN(key, binder.Bind(*item.expr));
      }
      bool nulls_first = item.nulls_first.value_or(false);
      sort->sort_keys.push_back(SortKey{key, item.ascending, nulls_first});
    }
    sort->schema = plan->schema;
    sort->children.push_back(plan);
    plan = sort;
  }
  return ApplyLimit(plan, query);
}

Result<LogicalPtr> QueryBinder::ApplyLimit(LogicalPtr plan, const sql::Query& query) {
  if (!query.limit && !query.offset) return plan;
  auto lim = NewNode(LogicalKind::kLimit);
  if (query.limit) {
    ASSIGN_OR_RETURN(uint64_t n, ConstantCount(*query.limit, "LIMIT"));
    lim->limit = n;
  }
  if (query.offset) {
    ASSIGN_OR_RETURN(lim->offset, ConstantCount(*query.offset, "OFFSET"));
  }
  lim->schema = plan->schema;
  lim->children.push_back(plan);
  return LogicalPtr(lim);
}

Result<LogicalPtr> QueryBinder::BindSelect(const sql::SelectCore& core, const sql::Query* owner) {
  // FROM
  Bound from;
  if (core.from) {
    ASSIGN_OR_RETURN(from, BindFrom(*core.from));
  } else {
    auto one = NewNode(LogicalKind::kValues);
    one->values.push_back({});
    from.plan = one;
  }
  LogicalPtr plan = from.plan;
  const BindScope& scope = from.scope;

  // WHERE
  if (core.where) {
    ExpressionBinder binder(scope);
    std::vector<const sql::FunctionCallExpr*> aggs;
    CollectAggregates(core.where.get(), &aggs);
    if (!aggs.empty()) {
      return Error(ErrorCode::SemanticError,
                   "aggregate functions are not allowed in WHERE" + At(core.where->pos));
    }
    ASSIGN_OR_RETURN(ExprPtr pred, binder.Bind(*core.where));
    ASSIGN_OR_RETURN(pred, expr::CastIfNeeded(pred, DataType(TypeId::Boolean)));
    if (plan->kind == LogicalKind::kTableScan) {
      auto scan = std::make_shared<LogicalNode>(*plan);
      scan->scan_predicates = PruningConjuncts(pred);
      plan = scan;
    }
    auto filter = NewNode(LogicalKind::kFilter);
    filter->predicate = pred;
    filter->schema = plan->schema;
    filter->children.push_back(plan);
    plan = filter;
  }

  // Aggregation
  std::vector<const sql::FunctionCallExpr*> agg_asts;
  for (const auto& item : core.items) CollectAggregates(item.expr.get(), &agg_asts);
  CollectAggregates(core.having.get(), &agg_asts);
  if (owner) {
    for (const auto& o : owner->order_by) CollectAggregates(o.expr.get(), &agg_asts);
  }
  bool aggregating =
      !agg_asts.empty() || !core.group_by.empty() || core.group_by_all || core.having != nullptr;
  AggregationInfo agg;
  if (aggregating) {
    ExpressionBinder binder(scope);
    std::vector<const sql::Expr*> key_asts;
    auto alias_item = [&](const std::string& name) -> const sql::Expr* {
      for (const auto& item : core.items) {
        if (item.alias && item.alias->name == name) return item.expr.get();
      }
      return nullptr;
    };
    for (const auto& g : core.group_by) {
      const sql::Expr* key = g.get();
      if (g->kind == sql::ExprKind::Literal &&
          g->As<sql::LiteralExpr>().literal_kind == sql::LiteralKind::Integer) {
        int64_t pos = g->As<sql::LiteralExpr>().int_value;
        if (pos < 1 || pos > static_cast<int64_t>(core.items.size())) {
          return Error(ErrorCode::SemanticError, "GROUP BY position " + std::to_string(pos) +
                                                     " is not in the select list" + At(g->pos));
        }
        key = core.items[pos - 1].expr.get();
      } else if (g->kind == sql::ExprKind::ColumnRef &&
                 g->As<sql::ColumnRefExpr>().parts.size() == 1) {
        const std::string& name = g->As<sql::ColumnRefExpr>().parts[0].name;
        if (!scope.Resolve(g->As<sql::ColumnRefExpr>().parts).ok() && alias_item(name)) {
          key = alias_item(name);
        }
      }
      key_asts.push_back(key);
    }
    if (core.group_by_all) {
      for (const auto& item : core.items) {
        std::vector<const sql::FunctionCallExpr*> inner;
        CollectAggregates(item.expr.get(), &inner);
        if (inner.empty()) key_asts.push_back(item.expr.get());
      }
    }
    for (const sql::Expr* k : key_asts) {
      if (k->kind == sql::ExprKind::Star) {
        return Error(ErrorCode::SemanticError, "cannot GROUP BY *" + At(k->pos));
      }
      std::vector<const sql::FunctionCallExpr*> inner;
      CollectAggregates(k, &inner);
      if (!inner.empty()) {
        return Error(ErrorCode::SemanticError,
                     "aggregate functions are not allowed in GROUP BY" + At(k->pos));
      }
      ASSIGN_OR_RETURN(ExprPtr bound, binder.Bind(*k));
      agg.key_sql.push_back(sql::ToSql(*k));
      agg.keys.push_back(bound);
    }
    for (const auto* call : agg_asts) {
      std::string text = sql::ToSql(*call);
      bool seen = false;
      for (const auto& s : agg.aggregate_sql) seen |= s == text;
      if (seen) continue;
      ASSIGN_OR_RETURN(AggregateCall a, binder.BindAggregateCall(*call));
      agg.aggregate_sql.push_back(text);
      agg.aggregates.push_back(std::move(a));
    }
    auto node = NewNode(LogicalKind::kAggregate);
    node->group_keys = agg.keys;
    node->aggregates = agg.aggregates;
    for (size_t i = 0; i < agg.keys.size(); ++i) {
      node->schema.push_back(Field{agg.key_sql[i], agg.keys[i]->type, agg.keys[i]->nullable});
    }
    for (size_t i = 0; i < agg.aggregates.size(); ++i) {
      const auto& f = *agg.aggregates[i].function;
      node->schema.push_back(Field{agg.aggregate_sql[i], f.result_type, f.nullable});
    }
    node->children.push_back(plan);
    plan = node;
  }

  ExpressionBinder binder(scope);
  if (aggregating) binder.SetAggregation(&agg);

  if (core.having) {
    ASSIGN_OR_RETURN(ExprPtr pred, binder.Bind(*core.having));
    ASSIGN_OR_RETURN(pred, expr::CastIfNeeded(pred, DataType(TypeId::Boolean)));
    auto filter = NewNode(LogicalKind::kFilter);
    filter->predicate = pred;
    filter->schema = plan->schema;
    filter->children.push_back(plan);
    plan = filter;
  }

  // SELECT list
  std::vector<ExprPtr> exprs;
  std::vector<std::string> names;
  for (const auto& item : core.items) {
    if (item.expr->kind == sql::ExprKind::Star) {
      if (aggregating) {
        return Error(ErrorCode::SemanticError,
                     "SELECT * cannot be used with GROUP BY or aggregates" + At(item.pos));
      }
      const auto& star = item.expr->As<sql::StarExpr>();
      std::set<std::string> excluded;
      for (const auto& x : star.exclude) excluded.insert(x.name);
      bool any = false;
      for (size_t i = 0; i < scope.size(); ++i) {
        const ScopeColumn& c = scope.columns()[i];
        if (!star.qualifier.empty() && c.qualifier != star.qualifier.back().name) continue;
        any = true;
        if (excluded.count(c.name)) continue;
        exprs.push_back(expr::Column(i, c.type, c.nullable));
        names.push_back(c.name);
      }
      if (!any) {
        return Error(ErrorCode::SemanticError,
                     star.qualifier.empty() ? "SELECT * with no tables specified" + At(item.pos)
                                            : "unknown table '" + star.qualifier.back().name +
                                                  "' in " + sql::ToSql(*item.expr) + At(item.pos));
      }
      continue;
    }
    ASSIGN_OR_RETURN(ExprPtr e, binder.Bind(*item.expr));
    exprs.push_back(e);
    names.push_back(ItemName(item));
  }
  const size_t visible = exprs.size();

  // ORDER BY keys: a select-list position or name, else an expression over the same
  // input as the select list, carried as a hidden column until after the sort.
  std::vector<SortKey> sort_keys;
  if (owner) {
    for (const auto& item : owner->order_by) {
      std::optional<size_t> column;
      const sql::Expr& e = *item.expr;
      if (e.kind == sql::ExprKind::Literal &&
          e.As<sql::LiteralExpr>().literal_kind == sql::LiteralKind::Integer) {
        int64_t pos = e.As<sql::LiteralExpr>().int_value;
        if (pos < 1 || pos > static_cast<int64_t>(visible)) {
          return Error(ErrorCode::SemanticError, "ORDER BY position " + std::to_string(pos) +
                                                     " is not in the select list" + At(item.pos));
        }
        column = static_cast<size_t>(pos - 1);
      } else if (e.kind == sql::ExprKind::ColumnRef &&
                 e.As<sql::ColumnRefExpr>().parts.size() == 1) {
        const std::string& name = e.As<sql::ColumnRefExpr>().parts[0].name;
        for (size_t i = 0; i < core.items.size() && !column; ++i) {
          if (core.items[i].alias && core.items[i].alias->name == name) {
            for (size_t j = 0; j < visible; ++j) {
              if (names[j] == name) {
                column = j;
                break;
              }
            }
          }
        }
      }
      if (!column) {
        std::string text = sql::ToSql(e);
        for (size_t i = 0; i < core.items.size() && i < visible && !column; ++i) {
          if (core.items[i].expr->kind != sql::ExprKind::Star &&
              sql::ToSql(*core.items[i].expr) == text) {
            column = i;
          }
        }
      }
      if (!column) {
        if (core.distinct) {
          return Error(ErrorCode::SemanticError,
                       "with SELECT DISTINCT, ORDER BY expressions must appear in the select list" +
                           At(item.pos));
        }
        ASSIGN_OR_RETURN(ExprPtr k, binder.Bind(e));
        exprs.push_back(k);
        names.push_back("_order_" + std::to_string(exprs.size()));
        column = exprs.size() - 1;
      }
      const ExprPtr& ke = exprs[*column];
      bool nulls_first = item.nulls_first.value_or(false);
      sort_keys.push_back(
          SortKey{expr::Column(*column, ke->type, ke->nullable), item.ascending, nulls_first});
    }
  }

  plan = MakeProject(plan, exprs, names);

  if (core.distinct) {
    auto d = NewNode(LogicalKind::kAggregate);
    for (size_t i = 0; i < plan->schema.size(); ++i) {
      d->group_keys.push_back(expr::Column(i, plan->schema[i].type, plan->schema[i].nullable));
    }
    d->schema = plan->schema;
    d->children.push_back(plan);
    plan = d;
  }
  if (!sort_keys.empty()) {
    auto sort = NewNode(LogicalKind::kSort);
    sort->sort_keys = std::move(sort_keys);
    sort->schema = plan->schema;
    sort->children.push_back(plan);
    plan = sort;
  }
  if (owner) {
    ASSIGN_OR_RETURN(plan, ApplyLimit(plan, *owner));
  }
  if (exprs.size() > visible) {
    std::vector<ExprPtr> keep;
    std::vector<std::string> keep_names;
    for (size_t i = 0; i < visible; ++i) {
      keep.push_back(expr::Column(i, plan->schema[i].type, plan->schema[i].nullable));
      keep_names.push_back(plan->schema[i].name);
    }
    plan = MakeProject(plan, keep, keep_names);
  }
  return plan;
}

Result<QueryBinder::Bound> QueryBinder::BindFrom(const sql::TableRef& ref) {
  Bound bound;
  switch (ref.kind) {
    case sql::TableRefKind::Table: {
      ASSIGN_OR_RETURN(bound, BindBaseTable(ref.As<sql::BaseTableRef>()));
      break;
    }
    case sql::TableRefKind::Subquery: {
      QueryBinder inner(resolver_);
      inner.ctes_ = ctes_;
      ASSIGN_OR_RETURN(LogicalPtr plan, inner.Bind(*ref.As<sql::SubqueryTableRef>().query));
      bound.plan = plan;
      bound.scope = ScopeOf(plan->schema, ref.alias ? ref.alias->name.name : "");
      break;
    }
    case sql::TableRefKind::TableFunction: {
      ASSIGN_OR_RETURN(bound, BindTableFunction(ref.As<sql::TableFunctionRef>()));
      break;
    }
    case sql::TableRefKind::Join:
      return BindJoin(ref.As<sql::JoinTableRef>());
  }
  if (ref.alias && !ref.alias->columns.empty()) {
    const auto& cols = ref.alias->columns;
    if (cols.size() > bound.scope.size()) {
      return Error(ErrorCode::SemanticError,
                   "table alias names more columns than the table has" + At(ref.pos));
    }
    std::vector<ScopeColumn> renamed = bound.scope.columns();
    for (size_t i = 0; i < cols.size(); ++i) renamed[i].name = cols[i].name;
    bound.scope = BindScope(std::move(renamed));
  }
  return bound;
}

Result<QueryBinder::Bound> QueryBinder::BindBaseTable(const sql::BaseTableRef& ref) {
  const std::string qualifier = ref.alias ? ref.alias->name.name : ref.name.table.name;
  if (!ref.name.database) {
    for (auto it = ctes_.rbegin(); it != ctes_.rend(); ++it) {
      auto found = it->find(ref.name.table.name);
      if (found != it->end()) {
        return Bound{found->second, ScopeOf(found->second->schema, qualifier)};
      }
    }
  }
  std::string db = ref.name.database ? ref.name.database->name : "";
  ASSIGN_OR_RETURN(ResolvedTable t, resolver_.ResolveTable(db, ref.name.table.name));
  if (!t.stored) {
    auto n = NewNode(LogicalKind::kChunks);
    n->schema = t.schema;
    n->chunks = std::move(t.rows);
    return Bound{n, ScopeOf(n->schema, qualifier, t.database)};
  }
  auto scan = NewNode(LogicalKind::kTableScan);
  for (size_t i = 0; i < t.table.columns.size(); ++i) {
    const ColumnDef& c = t.table.columns[i];
    if (!referenced_.Needs(c.name)) continue;
    scan->scan_columns.push_back(i);
    scan->schema.push_back(Field{c.name, c.type, c.nullable});
  }
  scan->table = std::move(t.table);
  return Bound{scan, ScopeOf(scan->schema, qualifier, t.database)};
}

Result<QueryBinder::Bound> QueryBinder::BindTableFunction(const sql::TableFunctionRef& ref) {
  const std::string& name = ref.name.name;
  if (name != "numbers") {
    return Error(ErrorCode::UnknownFunction, "unknown table function " + name + "()" + At(ref.pos));
  }
  if (ref.args.size() != 1) {
    return Error(
        ErrorCode::NumberArgumentsNotMatch,
        "numbers() takes 1 argument, got " + std::to_string(ref.args.size()) + At(ref.pos));
  }
  ASSIGN_OR_RETURN(uint64_t n, ConstantCount(*ref.args[0], "the argument of numbers()"));
  auto node = NewNode(LogicalKind::kNumbers);
  node->numbers = static_cast<int64_t>(n);
  node->schema.push_back(Field{"number", DataType(TypeId::Int64), false});
  std::string qualifier = ref.alias ? ref.alias->name.name : "numbers";
  return Bound{node, ScopeOf(node->schema, qualifier)};
}

Result<QueryBinder::Bound> QueryBinder::BindJoin(const sql::JoinTableRef& join) {
  if (join.type == sql::JoinType::Right || join.type == sql::JoinType::Full) {
    return Error(ErrorCode::Unimplemented,
                 "RIGHT and FULL joins are not supported yet" + At(join.pos));
  }
  ASSIGN_OR_RETURN(Bound left, BindFrom(*join.left));
  ASSIGN_OR_RETURN(Bound right, BindFrom(*join.right));
  const size_t left_width = left.scope.size();
  BindScope scope = left.scope;
  BindScope right_scope = right.scope;
  if (join.type == sql::JoinType::Left) right_scope.MakeNullable();
  scope.Append(right_scope);

  auto node = NewNode(LogicalKind::kJoin);
  node->join = join.type == sql::JoinType::Left    ? LogicalJoinType::kLeft
               : join.type == sql::JoinType::Cross ? LogicalJoinType::kCross
                                                   : LogicalJoinType::kInner;
  for (const auto& c : scope.columns()) node->schema.push_back(Field{c.name, c.type, c.nullable});
  node->children = {left.plan, right.plan};

  // The condition, over the left columns then the right ones.
  BindScope both = left.scope;
  both.Append(right.scope);
  ExpressionBinder binder(both);
  ExprPtr condition;
  if (join.on) {
    ASSIGN_OR_RETURN(condition, binder.Bind(*join.on));
    ASSIGN_OR_RETURN(condition, expr::CastIfNeeded(condition, DataType(TypeId::Boolean)));
  }
  for (const auto& col : join.using_columns) {
    ASSIGN_OR_RETURN(size_t l, left.scope.Resolve({col}));
    ASSIGN_OR_RETURN(size_t r, right.scope.Resolve({col}));
    const auto& lc = left.scope.columns()[l];
    const auto& rc = right.scope.columns()[r];
    ASSIGN_OR_RETURN(ExprPtr eq,
                     expr::Call("eq", {expr::Column(l, lc.type, lc.nullable),
                                       expr::Column(left_width + r, rc.type, rc.nullable)}));
    if (condition) {
      ASSIGN_OR_RETURN(condition, expr::And(condition, eq));
    } else {
      condition = eq;
    }
  }
  if (condition) {
    if (node->join == LogicalJoinType::kCross) node->join = LogicalJoinType::kInner;
    std::vector<ExprPtr> conjuncts;
    SplitConjuncts(condition, &conjuncts);
    ExprPtr residual;
    for (const auto& c : conjuncts) {
      if (c->kind == ExprKind::kFunction && c->function->name == "eq" && c->children.size() == 2) {
        int ls = Sides(*c->children[0], left_width);
        int rs = Sides(*c->children[1], left_width);
        if (ls == 1 && rs == 2) {
          node->equi_keys.emplace_back(c->children[0], ShiftColumns(c->children[1], left_width));
          continue;
        }
        if (ls == 2 && rs == 1) {
          node->equi_keys.emplace_back(c->children[1], ShiftColumns(c->children[0], left_width));
          continue;
        }
      }
      if (residual) {
        ASSIGN_OR_RETURN(residual, expr::And(residual, c));
      } else {
        residual = c;
      }
    }
    node->residual = residual;
  } else if (node->join != LogicalJoinType::kCross) {
    return Error(ErrorCode::SemanticError, "JOIN needs an ON or USING condition" + At(join.pos));
  }
  return Bound{node, scope};
}

}  // namespace strata
