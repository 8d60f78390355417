// Running physical plans (execution/physical_plan.h).
//
//   ExecutionContext ctx;                       // start time, threads, cancel, progress
//   ASSIGN_OR_RETURN(auto chunks, ExecuteToChunks(plan, ctx));
// or, to stream results to a client:
//   ASSIGN_OR_RETURN(ChunkSourcePtr out, ExecuteStreaming(plan, ctx));
//   while (true) { ASSIGN_OR_RETURN(auto chunk, out->Next()); if (!chunk) break; ... }
//
// When the top of the plan is a parallel pipeline (scan -> filter -> projection, UNION ALL,
// join probes), its streams run on ctx.threads() background threads feeding a bounded queue;
// otherwise the single stream is pulled on the caller's thread (blocking operators inside it
// still use their own threads). Row order is the plan's order only below Sort / TopN.
//
// Thread-safety: the returned stream is pulled by one thread; ctx must outlive it; the plan is
// kept alive by it. Destroying the stream early stops the background work.
#pragma once

#include <vector>

#include "execution/physical_plan.h"

namespace strata {

Result<ChunkSourcePtr> ExecuteStreaming(const PlanPtr& plan, ExecutionContext& ctx);

Result<std::vector<Chunk>> ExecuteToChunks(const PlanPtr& plan, ExecutionContext& ctx);

}  // namespace strata
