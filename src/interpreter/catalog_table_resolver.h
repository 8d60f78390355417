// Resolves table names for the binder: stored tables from the metastore, `system.*`
// tables computed on the spot.
#pragma once

#include "interpreter/query_context.h"
#include "planner/plan_executor.h"
#include "planner/query_binder.h"

namespace strata {

class CatalogTableResolver : public TableResolver {
 public:
  explicit CatalogTableResolver(QueryContext& ctx) : ctx_(ctx) {}
  Result<ResolvedTable> ResolveTable(const std::string& database, const std::string& name) override;

 private:
  QueryContext& ctx_;
};

// The environment plans of this statement run in.
ExecutionEnv MakeExecutionEnv(QueryContext& ctx);

}  // namespace strata
