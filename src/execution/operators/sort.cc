#include "execution/operators/sort.h"

#include "execution/expression_executor.h"
#include "execution/parallel.h"

namespace strata {

namespace {

class SortSource : public ChunkSource {
 public:
  SortSource(const SortNode& node, ExecutionContext& ctx) : node_(node), ctx_(ctx) {}

  Result<std::optional<Chunk>> Next() override {
    if (!sorted_) {
      ASSIGN_OR_RETURN(std::vector<ChunkSourcePtr> streams,
                       node_.children()[0]->OpenStreams(ctx_, ctx_.threads()));
      std::vector<std::vector<Chunk>> lists(streams.size());
      RETURN_IF_ERROR(DrainParallel(streams, ctx_, [&](size_t i, Chunk&& c) {
        lists[i].push_back(std::move(c));
        return Status::OK();
      }));
      streams.clear();
      ASSIGN_OR_RETURN(sorted_, SortedRunsSource::Make(node_.schema(), node_.keys(),
                                                       std::move(lists), ctx_, 0, UINT64_MAX));
    }
    return sorted_->Next();
  }

 private:
  const SortNode& node_;
  ExecutionContext& ctx_;
  std::unique_ptr<SortedRunsSource> sorted_;
};

}  // namespace

std::string DescribeSortKeys(const std::vector<SortKey>& keys) {
  std::string s;
  for (size_t i = 0; i < keys.size(); ++i) {
    if (i) s += ", ";
    s += keys[i].expr->ToString() + (keys[i].ascending ? " ASC" : " DESC") +
         (keys[i].nulls_first ? " NULLS FIRST" : " NULLS LAST");
  }
  return s;
}

SortNode::SortNode(PlanPtr child, std::vector<SortKey> keys)
    : PlanNode(child->schema(), {child}), keys_(std::move(keys)) {}

Result<PlanPtr> SortNode::Make(PlanPtr child, std::vector<SortKey> keys) {
  if (keys.empty()) return Error(ErrorCode::Internal, "sort without keys");
  return PlanPtr(std::make_shared<SortNode>(std::move(child), std::move(keys)));
}

std::string SortNode::details() const { return DescribeSortKeys(keys_); }

Result<std::vector<ChunkSourcePtr>> SortNode::OpenStreams(ExecutionContext& ctx, size_t) const {
  std::vector<ChunkSourcePtr> streams;
  streams.push_back(std::make_unique<SortSource>(*this, ctx));
  return streams;
}

Result<std::unique_ptr<SortedRunsSource>> SortedRunsSource::Make(
    const Schema& schema, const std::vector<SortKey>& keys, std::vector<std::vector<Chunk>> lists,
    const ExecutionContext& ctx, uint64_t offset, uint64_t limit) {
  RowComparator cmp(keys);
  std::vector<Run> runs(lists.size());
  FunctionContext fctx = ctx.function_context();
  RETURN_IF_ERROR(RunParallel(lists.size(), [&](size_t i) -> Status {
    if (lists[i].empty()) return Status::OK();
    Run& run = runs[i];
    run.data = ConcatChunks(schema, lists[i]);
    lists[i].clear();
    ExpressionExecutor exec(fctx);
    for (const SortKey& k : keys) {
      ASSIGN_OR_RETURN(ColumnPtr c, exec.Evaluate(*k.expr, run.data));
      run.keys.push_back(std::move(c));
    }
    run.order = SortPermutation(run.keys, run.data.num_rows(), cmp);
    return Status::OK();
  }));
  std::vector<Run> nonempty;
  for (Run& r : runs) {
    if (r.data.num_rows() > 0) nonempty.push_back(std::move(r));
  }
  return std::unique_ptr<SortedRunsSource>(
      new SortedRunsSource(schema, std::move(cmp), std::move(nonempty), offset, limit));
}

SortedRunsSource::SortedRunsSource(const Schema& schema, RowComparator cmp, std::vector<Run> runs,
                                   uint64_t offset, uint64_t limit)
    : schema_(schema),
      cmp_(std::move(cmp)),
      runs_(std::move(runs)),
      skip_(offset),
      remaining_(limit) {}

int SortedRunsSource::SmallestRun() const {
  int best = -1;
  for (size_t r = 0; r < runs_.size(); ++r) {
    const Run& run = runs_[r];
    if (run.pos >= run.order.size()) continue;
    if (best < 0) {
      best = static_cast<int>(r);
      continue;
    }
    const Run& b = runs_[best];
    if (cmp_.Compare(run.keys, run.order[run.pos], b.keys, b.order[b.pos]) < 0) {
      best = static_cast<int>(r);
    }
  }
  return best;
}

Result<std::optional<Chunk>> SortedRunsSource::Next() {
  if (runs_.size() == 1) {
    // One run: slices of its permutation, gathered column-wise.
    Run& run = runs_[0];
    if (skip_ > 0) {
      run.pos = static_cast<size_t>(std::min<uint64_t>(skip_, run.order.size()));
      skip_ = 0;
    }
    size_t n = static_cast<size_t>(
        std::min<uint64_t>({kChunkRows, run.order.size() - run.pos, remaining_}));
    if (n == 0) return std::optional<Chunk>();
    Chunk out = run.data.Gather(run.order.data() + run.pos, n);
    run.pos += n;
    remaining_ -= n;
    return std::optional<Chunk>(std::move(out));
  }
  // Several runs: k-way merge (the runs are few: one per thread).
  for (; skip_ > 0; --skip_) {
    int r = SmallestRun();
    if (r < 0) break;
    ++runs_[r].pos;
  }
  std::vector<ColumnPtr> cols;
  for (size_t c = 0; c < schema_.size(); ++c) {
    cols.push_back(MakeColumn(runs_.empty() ? schema_[c].type : runs_[0].data.column(c)->type()));
  }
  size_t n = 0;
  while (n < kChunkRows && remaining_ > 0) {
    int r = SmallestRun();
    if (r < 0) break;
    Run& run = runs_[r];
    uint32_t row = run.order[run.pos++];
    for (size_t c = 0; c < cols.size(); ++c) cols[c]->AppendFrom(*run.data.column(c), row);
    ++n;
    --remaining_;
  }
  if (n == 0) return std::optional<Chunk>();
  return std::optional<Chunk>(Chunk(std::move(cols), n));
}

}  // namespace strata
