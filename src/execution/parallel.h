// Running work on several threads for one query: a thread per task, the calling thread taking
// the first. The first error wins; the other tasks see `failed()` and stop early.
//
// Thread-safety: the functions are called concurrently with distinct task indices; they must
// only share state that is safe to share.
#pragma once

#include <functional>
#include <vector>

#include "execution/physical_plan.h"

namespace strata {

// Runs fn(i) for i in [0, n) concurrently and waits for all; returns the first error.
Status RunParallel(size_t n, const std::function<Status(size_t)>& fn);

// Pulls every stream to its end concurrently (one thread per stream), handing each chunk to
// sink(stream index, chunk). Stops early on the first error or when the query is cancelled.
Status DrainParallel(std::vector<ChunkSourcePtr>& streams, const ExecutionContext& ctx,
                     const std::function<Status(size_t, Chunk&&)>& sink);

}  // namespace strata
