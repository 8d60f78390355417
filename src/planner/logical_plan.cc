#include "planner/logical_plan.h"

namespace strata {

namespace {

std::string Join(const std::vector<ExprPtr>& exprs) {
  std::string out;
  for (const auto& e : exprs) out += (out.empty() ? "" : ", ") + e->ToString();
  return out;
}

}  // namespace

std::string LogicalNode::ToString(int indent) const {
  std::string pad(static_cast<size_t>(indent) * 2, ' ');
  std::string line;
  switch (kind) {
    case LogicalKind::kTableScan: {
      line = "TableScan " + table.database + "." + table.name + " columns=[";
      for (size_t i = 0; i < schema.size(); ++i) line += (i ? ", " : "") + schema[i].name;
      line += "]";
      if (!scan_predicates.empty()) {
        line += " prune=[";
        for (size_t i = 0; i < scan_predicates.size(); ++i) {
          const auto& p = scan_predicates[i];
          line += (i ? " AND " : "") + schema[p.column].name + " " + p.op;
          for (const auto& v : p.values) line += " " + v.ToString();
        }
        line += "]";
      }
      break;
    }
    case LogicalKind::kChunks:
      line = "SystemTable";
      break;
    case LogicalKind::kNumbers:
      line = "Numbers " + std::to_string(numbers);
      break;
    case LogicalKind::kValues:
      line = "Values rows=" + std::to_string(values.size());
      break;
    case LogicalKind::kFilter:
      line = "Filter " + predicate->ToString();
      break;
    case LogicalKind::kProject:
      line = "Project " + Join(exprs);
      break;
    case LogicalKind::kAggregate: {
      line = "Aggregate keys=[" + Join(group_keys) + "] aggregates=[";
      for (size_t i = 0; i < aggregates.size(); ++i) {
        line += (i ? ", " : "") + aggregates[i].ToString();
      }
      line += "]";
      break;
    }
    case LogicalKind::kSort: {
      line = "Sort";
      for (const auto& k : sort_keys) {
        line += " " + k.expr->ToString() + (k.ascending ? " ASC" : " DESC") +
                (k.nulls_first ? " NULLS FIRST" : " NULLS LAST");
      }
      break;
    }
    case LogicalKind::kLimit:
      line = "Limit " + (limit ? std::to_string(*limit) : std::string("ALL")) + " offset " +
             std::to_string(offset);
      break;
    case LogicalKind::kJoin: {
      line = join == LogicalJoinType::kLeft    ? "LeftJoin"
             : join == LogicalJoinType::kCross ? "CrossJoin"
                                               : "InnerJoin";
      for (const auto& [l, r] : equi_keys) line += " " + l->ToString() + " = " + r->ToString();
      if (residual) line += " residual " + residual->ToString();
      break;
    }
    case LogicalKind::kUnionAll:
      line = "UnionAll";
      break;
  }
  std::string out = pad + line + "\n";
  for (const auto& c : children) out += c->ToString(indent + 1);
  return out;
}

}  // namespace strata
