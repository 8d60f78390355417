// Logical plans: what the binder (planner/query_binder.h) produces from a query, before
// physical planning picks operators and parallelism (planner/physical_planner.h).
//
// Every node's expressions refer to the columns of its input by index: for a Join, the
// left input's columns come first, then the right's. `schema` is the node's output.
//
// Thread-safety: plans are immutable once built.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "catalog/metastore.h"
#include "execution/expression.h"
#include "execution/operators/hash_aggregate.h"
#include "execution/sort_key.h"
#include "vector/chunk.h"

namespace strata {

enum class LogicalKind : uint8_t {
  kTableScan,  // a stored table
  kChunks,     // rows already in memory (system tables)
  kNumbers,    // numbers(N)
  kValues,     // rows of constant expressions (SELECT without FROM, VALUES)
  kFilter,
  kProject,
  kAggregate,
  kSort,
  kLimit,
  kJoin,
  kUnionAll,
};

struct LogicalNode;
using LogicalPtr = std::shared_ptr<const LogicalNode>;

enum class LogicalJoinType : uint8_t { kInner, kLeft, kCross };

// A column of a table scan compared with a constant, for pruning blocks by statistics.
struct ScanPredicate {
  size_t column = 0;  // index into TableScan's output columns
  std::string op;     // "=", "<", "<=", ">", ">=", "is_null", "is_not_null", "in"
  std::vector<Value> values;
};

struct LogicalNode {
  LogicalKind kind;
  Schema schema;
  std::vector<LogicalPtr> children;

  // kTableScan
  TableInfo table;
  std::vector<size_t> scan_columns;            // table column index of each output column
  std::vector<ScanPredicate> scan_predicates;  // conjuncts usable for pruning

  // kChunks
  std::vector<Chunk> chunks;

  // kNumbers
  int64_t numbers = 0;

  // kValues: rows of expressions without column references
  std::vector<std::vector<ExprPtr>> values;

  // kFilter
  ExprPtr predicate;

  // kProject
  std::vector<ExprPtr> exprs;

  // kAggregate: output = group keys then aggregates (resolved, arguments over the input)
  std::vector<ExprPtr> group_keys;
  std::vector<AggregateCall> aggregates;

  // kSort
  std::vector<SortKey> sort_keys;

  // kLimit
  std::optional<uint64_t> limit;
  uint64_t offset = 0;

  // kJoin
  LogicalJoinType join = LogicalJoinType::kInner;
  std::vector<std::pair<ExprPtr, ExprPtr>>
      equi_keys;     // left expr over left input, right over right
  ExprPtr residual;  // over the joined row (left columns then right); may be null

  // Indented text for EXPLAIN.
  std::string ToString(int indent = 0) const;
};

}  // namespace strata
