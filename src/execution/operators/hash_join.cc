#include "execution/operators/hash_join.h"

#include "execution/group_hash_table.h"

namespace strata {

namespace {

// The build side of one execution, shared by all its probe streams.
struct HashBuild {
  SharedBuild once;
  Chunk rows;
  std::unique_ptr<GroupHashTable> table;
  std::vector<int64_t> head;  // per key group: first build row
  std::vector<int64_t> next;  // per build row: next row with the same key, -1 at the end

  Status Build(const HashJoinNode& node, ExecutionContext& ctx) {
    ASSIGN_OR_RETURN(rows, CollectBuildRows(*node.children()[1], ctx));
    ExpressionExecutor exec(ctx.function_context());
    std::vector<ColumnPtr> keys;
    std::vector<DataType> types;
    for (const ExprPtr& k : node.right_keys()) {
      ASSIGN_OR_RETURN(ColumnPtr c, exec.Evaluate(*k, rows));
      keys.push_back(std::move(c));
      types.push_back(k->type);
    }
    table = std::make_unique<GroupHashTable>(std::move(types), /*nulls_are_keys=*/false);
    size_t n = rows.num_rows();
    std::vector<uint32_t> gids(n);
    table->FindOrInsert(keys, n, gids.data());
    head.assign(table->size(), -1);
    next.assign(n, -1);
    for (size_t r = n; r-- > 0;) {
      if (gids[r] == GroupHashTable::kNoGroup) continue;
      next[r] = head[gids[r]];
      head[gids[r]] = static_cast<int64_t>(r);
    }
    return Status::OK();
  }
};

class HashProbeSource final : public JoinProbeSource {
 public:
  HashProbeSource(ChunkSourcePtr left, const HashJoinNode& node, std::shared_ptr<HashBuild> build,
                  ExecutionContext& ctx)
      : JoinProbeSource(std::move(left), node.type(), node.residual().get(),
                        node.children()[1]->schema(), ctx),
        node_(node),
        build_(std::move(build)) {}

 private:
  static constexpr int64_t kStart = -2;
  static constexpr int64_t kEnd = -1;

  Result<const Chunk*> BuildRows() override {
    RETURN_IF_ERROR(build_->once.Ensure([&] { return build_->Build(node_, ctx_); }));
    return &build_->rows;
  }

  Status StartChunk(const Chunk& left) override {
    std::vector<ColumnPtr> keys;
    for (const ExprPtr& k : node_.left_keys()) {
      ASSIGN_OR_RETURN(ColumnPtr c, exec_.Evaluate(*k, left));
      keys.push_back(std::move(c));
    }
    size_t n = left.num_rows();
    gids_.resize(n);
    build_->table->Find(keys, n, gids_.data());
    row_ = 0;
    cursor_ = kStart;
    return Status::OK();
  }

  // Walks the chain of build rows with the current left row's key.
  bool NextPairs(const Chunk& left, size_t room, std::vector<uint32_t>* lsel,
                 std::vector<uint32_t>* rsel) override {
    size_t n = left.num_rows();
    while (lsel->size() < room && row_ < n) {
      if (cursor_ == kStart) {
        uint32_t g = gids_[row_];
        cursor_ = g == GroupHashTable::kNoGroup ? kEnd : build_->head[g];
      }
      if (cursor_ == kEnd) {
        ++row_;
        cursor_ = kStart;
        continue;
      }
      lsel->push_back(static_cast<uint32_t>(row_));
      rsel->push_back(static_cast<uint32_t>(cursor_));
      cursor_ = build_->next[cursor_];
    }
    return row_ >= n;
  }

  const HashJoinNode& node_;
  std::shared_ptr<HashBuild> build_;
  std::vector<uint32_t> gids_;
  size_t row_ = 0;
  int64_t cursor_ = kStart;
};

}  // namespace

HashJoinNode::HashJoinNode(PlanPtr left, PlanPtr right, JoinType type,
                           std::vector<ExprPtr> left_keys, std::vector<ExprPtr> right_keys,
                           ExprPtr residual)
    : PlanNode(JoinSchema(left->schema(), right->schema(), type), {left, right}),
      type_(type),
      left_keys_(std::move(left_keys)),
      right_keys_(std::move(right_keys)),
      residual_(std::move(residual)) {}

Result<PlanPtr> HashJoinNode::Make(PlanPtr left, PlanPtr right, JoinType type,
                                   std::vector<ExprPtr> left_keys, std::vector<ExprPtr> right_keys,
                                   ExprPtr residual) {
  if (type != JoinType::kInner && type != JoinType::kLeft) {
    return Error(ErrorCode::Internal, "hash join supports INNER and LEFT joins");
  }
  if (left_keys.empty() || left_keys.size() != right_keys.size()) {
    return Error(ErrorCode::Internal, "hash join needs pairs of equality keys");
  }
  for (size_t i = 0; i < left_keys.size(); ++i) {
    Result<DataType> t = CommonSuperType(left_keys[i]->type, right_keys[i]->type);
    if (!t.ok()) {
      return Error(ErrorCode::SemanticError, "cannot join " + left_keys[i]->type.ToString() +
                                                 " with " + right_keys[i]->type.ToString());
    }
    ASSIGN_OR_RETURN(left_keys[i], expr::CastIfNeeded(left_keys[i], *t));
    ASSIGN_OR_RETURN(right_keys[i], expr::CastIfNeeded(right_keys[i], *t));
  }
  if (residual && residual->type.id != TypeId::Boolean && residual->type.id != TypeId::Null) {
    return Error(ErrorCode::SemanticError,
                 "join condition must be BOOLEAN, got " + residual->type.ToString());
  }
  return PlanPtr(std::make_shared<HashJoinNode>(std::move(left), std::move(right), type,
                                                std::move(left_keys), std::move(right_keys),
                                                std::move(residual)));
}

std::string HashJoinNode::details() const {
  std::string s = JoinTypeName(type_);
  s += " on ";
  for (size_t i = 0; i < left_keys_.size(); ++i) {
    if (i) s += " AND ";
    s += left_keys_[i]->ToString() + " = right." + right_keys_[i]->ToString();
  }
  if (residual_) s += " filter " + residual_->ToString();
  return s;
}

Result<std::vector<ChunkSourcePtr>> HashJoinNode::OpenStreams(ExecutionContext& ctx,
                                                              size_t max_streams) const {
  auto build = std::make_shared<HashBuild>();
  ASSIGN_OR_RETURN(std::vector<ChunkSourcePtr> streams,
                   children()[0]->OpenStreams(ctx, max_streams));
  for (ChunkSourcePtr& s : streams) {
    s = std::make_unique<HashProbeSource>(std::move(s), *this, build, ctx);
  }
  return streams;
}

}  // namespace strata
