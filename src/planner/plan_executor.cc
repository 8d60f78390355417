#include "planner/plan_executor.h"

#include "execution/execution_context.h"
#include "execution/executor.h"
#include "execution/operators/filter.h"
#include "execution/operators/hash_join.h"
#include "execution/operators/limit.h"
#include "execution/operators/nested_loop_join.h"
#include "execution/operators/numbers_source.h"
#include "execution/operators/projection.h"
#include "execution/operators/sort.h"
#include "execution/operators/top_n.h"
#include "execution/operators/union_all.h"
#include "execution/operators/values_source.h"
#include "planner/stored_table_source.h"

namespace strata {

namespace {

std::vector<std::string> Names(const Schema& schema) {
  std::vector<std::string> out;
  for (const auto& f : schema) out.push_back(f.name);
  return out;
}

PruningPredicate ToPruning(const LogicalNode& scan) {
  PruningPredicate p;
  using Op = PruningPredicate::Op;
  for (const auto& sp : scan.scan_predicates) {
    const std::string& column = scan.schema[sp.column].name;
    Op op = Op::kEq;
    if (sp.op == "=")
      op = Op::kEq;
    else if (sp.op == "<")
      op = Op::kLt;
    else if (sp.op == "<=")
      op = Op::kLe;
    else if (sp.op == ">")
      op = Op::kGt;
    else if (sp.op == ">=")
      op = Op::kGe;
    else if (sp.op == "is_null")
      op = Op::kIsNull;
    else if (sp.op == "is_not_null")
      op = Op::kIsNotNull;
    else if (sp.op == "in")
      op = Op::kIn;
    else
      continue;
    p.Add(column, op, sp.values);
  }
  return p;
}

JoinType ToJoinType(LogicalJoinType t) {
  switch (t) {
    case LogicalJoinType::kLeft:
      return JoinType::kLeft;
    case LogicalJoinType::kCross:
      return JoinType::kCross;
    case LogicalJoinType::kInner:
      break;
  }
  return JoinType::kInner;
}

// Builds the physical operator tree for a logical plan.
Result<PlanPtr> Build(const LogicalPtr& node, const ExecutionEnv& env) {
  std::vector<PlanPtr> children;
  // Sort directly under Limit becomes one TopN: it keeps only limit + offset rows.
  if (node->kind == LogicalKind::kLimit && node->limit &&
      node->children[0]->kind == LogicalKind::kSort) {
    const LogicalPtr& sort = node->children[0];
    ASSIGN_OR_RETURN(PlanPtr input, Build(sort->children[0], env));
    return TopNNode::Make(input, sort->sort_keys, *node->limit, node->offset);
  }
  for (const auto& c : node->children) {
    ASSIGN_OR_RETURN(PlanPtr child, Build(c, env));
    children.push_back(std::move(child));
  }
  switch (node->kind) {
    case LogicalKind::kTableScan: {
      ScanOptions options;
      options.columns = node->scan_columns;
      options.predicate = ToPruning(*node);
      auto source = std::make_shared<StoredTableSource>(node->table, node->schema,
                                                        std::move(options), env.open_table_store);
      return TableScanNode::Make(source);
    }
    case LogicalKind::kChunks:
      return TableScanNode::Make(
          std::make_shared<MemoryTableSource>("system", node->schema, node->chunks));
    case LogicalKind::kNumbers:
      return NumbersNode::Make(static_cast<uint64_t>(node->numbers));
    case LogicalKind::kValues:
      return ValuesNode::Make(Names(node->schema), node->values);
    case LogicalKind::kFilter:
      return FilterNode::Make(children[0], node->predicate);
    case LogicalKind::kProject:
      return ProjectionNode::Make(children[0], node->exprs, Names(node->schema));
    case LogicalKind::kAggregate:
      return HashAggregateNode::Make(children[0], node->group_keys, node->aggregates,
                                     Names(node->schema));
    case LogicalKind::kSort:
      return SortNode::Make(children[0], node->sort_keys);
    case LogicalKind::kLimit:
      return LimitNode::Make(children[0], node->limit, node->offset);
    case LogicalKind::kJoin: {
      if (node->equi_keys.empty()) {
        return NestedLoopJoinNode::Make(children[0], children[1], ToJoinType(node->join),
                                        node->residual);
      }
      std::vector<ExprPtr> left, right;
      for (const auto& [l, r] : node->equi_keys) {
        left.push_back(l);
        right.push_back(r);
      }
      return HashJoinNode::Make(children[0], children[1], ToJoinType(node->join), left, right,
                                node->residual);
    }
    case LogicalKind::kUnionAll:
      return UnionAllNode::Make(children);
  }
  return Error(ErrorCode::Internal, "unknown logical plan node");
}

void Configure(ExecutionContext& ctx, const ExecutionEnv& env) {
  ctx.set_query_start_micros(env.functions.now_micros);
  ctx.set_threads(env.threads);
  ctx.set_cancel_flag(env.cancelled);
  std::atomic<uint64_t>* rows = env.rows_read;
  std::atomic<uint64_t>* bytes = env.bytes_read;
  if (rows && bytes) {
    ctx.set_progress_callback([rows, bytes](uint64_t r, uint64_t b) {
      rows->fetch_add(r, std::memory_order_relaxed);
      bytes->fetch_add(b, std::memory_order_relaxed);
    });
  }
}

}  // namespace

Result<std::vector<Chunk>> ExecutePlan(const LogicalPtr& plan, const ExecutionEnv& env) {
  ASSIGN_OR_RETURN(PlanPtr physical, Build(plan, env));
  ExecutionContext ctx;
  Configure(ctx, env);
  return ExecuteToChunks(physical, ctx);
}

Status ExecutePlanStreaming(const LogicalPtr& plan, const ExecutionEnv& env,
                            const std::function<Status(const Chunk&)>& sink) {
  ASSIGN_OR_RETURN(PlanPtr physical, Build(plan, env));
  ExecutionContext ctx;
  Configure(ctx, env);
  ASSIGN_OR_RETURN(ChunkSourcePtr stream, ExecuteStreaming(physical, ctx));
  while (true) {
    ASSIGN_OR_RETURN(std::optional<Chunk> chunk, stream->Next());
    if (!chunk) return Status::OK();
    RETURN_IF_ERROR(sink(*chunk));
  }
}

}  // namespace strata
