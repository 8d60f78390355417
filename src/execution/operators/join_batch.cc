#include "execution/operators/join_batch.h"

#include "execution/operand.h"
#include "execution/parallel.h"
#include "execution/sort_key.h"

namespace strata {

const char* JoinTypeName(JoinType type) {
  switch (type) {
    case JoinType::kInner:
      return "INNER";
    case JoinType::kLeft:
      return "LEFT";
    case JoinType::kCross:
      return "CROSS";
  }
  return "?";
}

Schema JoinSchema(const Schema& left, const Schema& right, JoinType type) {
  Schema out = left;
  for (Field f : right) {
    if (type == JoinType::kLeft) f.nullable = true;
    out.push_back(std::move(f));
  }
  return out;
}

Result<Chunk> JoinPairs(const Chunk& left, const Chunk& right, const std::vector<uint32_t>& lsel,
                        const std::vector<uint32_t>& rsel, const Expr* condition,
                        const ExpressionExecutor& exec, std::vector<uint8_t>* matched) {
  size_t n = lsel.size();
  std::vector<ColumnPtr> cols;
  cols.reserve(left.num_columns() + right.num_columns());
  for (const ColumnPtr& c : left.columns()) cols.push_back(c->Gather(lsel.data(), n));
  for (const ColumnPtr& c : right.columns()) cols.push_back(c->Gather(rsel.data(), n));
  Chunk joined(std::move(cols), n);
  if (condition == nullptr) {
    if (matched) {
      for (uint32_t l : lsel) (*matched)[l] = 1;
    }
    return joined;
  }
  std::vector<uint32_t> keep;
  RETURN_IF_ERROR(exec.Select(*condition, joined, &keep));
  if (matched) {
    for (uint32_t k : keep) (*matched)[lsel[k]] = 1;
  }
  if (keep.size() == n) return joined;
  return joined.Gather(keep.data(), keep.size());
}

Chunk UnmatchedLeftRows(const Chunk& left, const std::vector<uint8_t>& matched,
                        const Schema& right_schema) {
  std::vector<uint32_t> sel;
  for (size_t i = 0; i < left.num_rows(); ++i) {
    if (!matched[i]) sel.push_back(static_cast<uint32_t>(i));
  }
  if (sel.empty()) return Chunk();
  std::vector<ColumnPtr> cols;
  for (const ColumnPtr& c : left.columns()) cols.push_back(c->Gather(sel.data(), sel.size()));
  for (const Field& f : right_schema) cols.push_back(MakeNullColumn(f.type, sel.size()));
  return Chunk(std::move(cols), sel.size());
}

Status SharedBuild::Ensure(const std::function<Status()>& build) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!done_) {
    status_ = build();
    done_ = true;
  }
  return status_;
}

Result<Chunk> CollectBuildRows(const PlanNode& right, ExecutionContext& ctx) {
  ASSIGN_OR_RETURN(std::vector<ChunkSourcePtr> streams, right.OpenStreams(ctx, ctx.threads()));
  std::vector<std::vector<Chunk>> lists(streams.size());
  RETURN_IF_ERROR(DrainParallel(streams, ctx, [&](size_t i, Chunk&& c) {
    lists[i].push_back(std::move(c));
    return Status::OK();
  }));
  std::vector<Chunk> all;
  for (auto& l : lists) {
    for (Chunk& c : l) all.push_back(std::move(c));
  }
  return ConcatChunks(right.schema(), all);
}

JoinProbeSource::JoinProbeSource(ChunkSourcePtr left, JoinType type, const Expr* condition,
                                 const Schema& right_schema, ExecutionContext& ctx)
    : ctx_(ctx),
      exec_(ctx.function_context()),
      left_(std::move(left)),
      type_(type),
      condition_(condition),
      right_schema_(right_schema) {}

Result<std::optional<Chunk>> JoinProbeSource::Next() {
  ASSIGN_OR_RETURN(const Chunk* right, BuildRows());
  if (right->num_rows() == 0 && type_ != JoinType::kLeft) {
    return std::optional<Chunk>();  // nothing can match
  }
  while (ready_.empty()) {
    RETURN_IF_ERROR(ctx_.CheckCancelled());
    if (!current_) {
      ASSIGN_OR_RETURN(current_, left_->Next());
      if (!current_) return std::optional<Chunk>();
      matched_.assign(current_->num_rows(), 0);
      RETURN_IF_ERROR(StartChunk(*current_));
    }
    lsel_.clear();
    rsel_.clear();
    bool chunk_done = NextPairs(*current_, kChunkRows, &lsel_, &rsel_);
    if (!lsel_.empty()) {
      ASSIGN_OR_RETURN(Chunk out,
                       JoinPairs(*current_, *right, lsel_, rsel_, condition_, exec_, &matched_));
      if (out.num_rows() > 0) ready_.push_back(std::move(out));
    }
    if (chunk_done) {
      if (type_ == JoinType::kLeft) {
        Chunk rest = UnmatchedLeftRows(*current_, matched_, right_schema_);
        if (rest.num_rows() > 0) ready_.push_back(std::move(rest));
      }
      current_.reset();
    }
  }
  Chunk out = std::move(ready_.front());
  ready_.pop_front();
  return std::optional<Chunk>(std::move(out));
}

}  // namespace strata
