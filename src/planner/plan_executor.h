// Runs a logical plan (planner/logical_plan.h): picks the physical operators of
// src/execution, opens table scans, and runs scan pipelines on several threads.
//
// Thread-safety: ExecutePlan may be called concurrently for different plans.
#pragma once

#include <atomic>
#include <functional>
#include <vector>

#include "execution/function_registry.h"
#include "planner/logical_plan.h"
#include "storage/object_store.h"

namespace strata {

struct ExecutionEnv {
  // Opens the store rooted at a table's prefix.
  std::function<Result<ObjectStorePtr>(const TableInfo&)> open_table_store;
  size_t threads = 1;
  FunctionContext functions;
  // Rows and bytes read so far, for progress lines; may be null.
  std::atomic<uint64_t>* rows_read = nullptr;
  std::atomic<uint64_t>* bytes_read = nullptr;
  // Set from outside to stop the query with error 1043; may be null.
  const std::atomic<bool>* cancelled = nullptr;
};

// The plan's whole result, in order.
Result<std::vector<Chunk>> ExecutePlan(const LogicalPtr& plan, const ExecutionEnv& env);

// Streams the plan's result to `sink` chunk by chunk (INSERT … SELECT).
Status ExecutePlanStreaming(const LogicalPtr& plan, const ExecutionEnv& env,
                            const std::function<Status(const Chunk&)>& sink);

}  // namespace strata
