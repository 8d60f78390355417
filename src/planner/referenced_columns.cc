#include "planner/referenced_columns.h"

namespace strata {

namespace {

void VisitExpr(const sql::Expr* e, ReferencedColumns* out);

void VisitTableRef(const sql::TableRef* t, ReferencedColumns* out) {
  if (!t) return;
  switch (t->kind) {
    case sql::TableRefKind::Table:
      break;
    case sql::TableRefKind::Subquery:
      CollectReferencedColumns(*t->As<sql::SubqueryTableRef>().query, out);
      break;
    case sql::TableRefKind::TableFunction:
      for (const auto& a : t->As<sql::TableFunctionRef>().args) VisitExpr(a.get(), out);
      break;
    case sql::TableRefKind::Join: {
      const auto& j = t->As<sql::JoinTableRef>();
      VisitTableRef(j.left.get(), out);
      VisitTableRef(j.right.get(), out);
      VisitExpr(j.on.get(), out);
      for (const auto& c : j.using_columns) out->names.insert(c.name);
      break;
    }
  }
}

void VisitSetExpr(const sql::SetExpr* s, ReferencedColumns* out) {
  if (!s) return;
  switch (s->kind) {
    case sql::SetExprKind::Select: {
      const auto& c = s->As<sql::SelectCore>();
      for (const auto& item : c.items) VisitExpr(item.expr.get(), out);
      VisitTableRef(c.from.get(), out);
      VisitExpr(c.where.get(), out);
      for (const auto& g : c.group_by) VisitExpr(g.get(), out);
      VisitExpr(c.having.get(), out);
      break;
    }
    case sql::SetExprKind::SetOperation: {
      const auto& op = s->As<sql::SetOperation>();
      VisitSetExpr(op.left.get(), out);
      VisitSetExpr(op.right.get(), out);
      break;
    }
    case sql::SetExprKind::Nested:
      CollectReferencedColumns(*s->As<sql::NestedQuery>().query, out);
      break;
  }
}

void VisitExpr(const sql::Expr* e, ReferencedColumns* out) {
  if (!e) return;
  using K = sql::ExprKind;
  switch (e->kind) {
    case K::Literal:
      break;
    case K::ColumnRef:
      out->names.insert(e->As<sql::ColumnRefExpr>().parts.back().name);
      break;
    case K::Star:
      out->all = true;
      break;
    case K::FunctionCall:
      for (const auto& a : e->As<sql::FunctionCallExpr>().args) VisitExpr(a.get(), out);
      break;
    case K::Cast:
      VisitExpr(e->As<sql::CastExpr>().operand.get(), out);
      break;
    case K::Unary:
      VisitExpr(e->As<sql::UnaryExpr>().operand.get(), out);
      break;
    case K::Binary:
      VisitExpr(e->As<sql::BinaryExpr>().left.get(), out);
      VisitExpr(e->As<sql::BinaryExpr>().right.get(), out);
      break;
    case K::Between: {
      const auto& b = e->As<sql::BetweenExpr>();
      VisitExpr(b.operand.get(), out);
      VisitExpr(b.low.get(), out);
      VisitExpr(b.high.get(), out);
      break;
    }
    case K::InList:
      VisitExpr(e->As<sql::InListExpr>().operand.get(), out);
      for (const auto& x : e->As<sql::InListExpr>().list) VisitExpr(x.get(), out);
      break;
    case K::InSubquery:
      VisitExpr(e->As<sql::InSubqueryExpr>().operand.get(), out);
      CollectReferencedColumns(*e->As<sql::InSubqueryExpr>().query, out);
      break;
    case K::IsNull:
      VisitExpr(e->As<sql::IsNullExpr>().operand.get(), out);
      break;
    case K::Case: {
      const auto& c = e->As<sql::CaseExpr>();
      VisitExpr(c.operand.get(), out);
      for (const auto& w : c.when_clauses) {
        VisitExpr(w.condition.get(), out);
        VisitExpr(w.result.get(), out);
      }
      VisitExpr(c.else_result.get(), out);
      break;
    }
    case K::Subquery:
      CollectReferencedColumns(*e->As<sql::SubqueryExpr>().query, out);
      break;
    case K::Exists:
      CollectReferencedColumns(*e->As<sql::ExistsExpr>().query, out);
      break;
  }
}

}  // namespace

void CollectReferencedColumns(const sql::Query& query, ReferencedColumns* out) {
  for (const auto& cte : query.with) CollectReferencedColumns(*cte.query, out);
  VisitSetExpr(query.body.get(), out);
  for (const auto& o : query.order_by) VisitExpr(o.expr.get(), out);
}

}  // namespace strata
