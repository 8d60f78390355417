#include "execution/operators/hash_aggregate.h"

#include "execution/expression_executor.h"
#include "execution/group_hash_table.h"
#include "execution/parallel.h"

namespace strata {

namespace {

// One thread's aggregation: its own hash table and states.
class PartialAggregate {
 public:
  PartialAggregate(const HashAggregateNode& node, const FunctionContext& fctx)
      : node_(node), exec_(fctx) {
    std::vector<DataType> key_types;
    for (const ExprPtr& k : node.group_by()) key_types.push_back(k->type);
    if (!key_types.empty()) {
      table_ = std::make_unique<GroupHashTable>(std::move(key_types), /*nulls_are_keys=*/true);
    }
    for (const AggregateCall& a : node.aggregates()) {
      states_.push_back(a.function->make_state());
      if (!table_) states_.back()->Resize(1);  // one group, even for empty input
    }
  }

  size_t groups() const { return table_ ? table_->size() : 1; }

  Status Consume(const Chunk& chunk) {
    size_t rows = chunk.num_rows();
    gids_.resize(rows);
    if (table_) {
      std::vector<ColumnPtr> keys;
      for (const ExprPtr& k : node_.group_by()) {
        ASSIGN_OR_RETURN(ColumnPtr c, exec_.Evaluate(*k, chunk));
        keys.push_back(std::move(c));
      }
      table_->FindOrInsert(keys, rows, gids_.data());
      for (auto& s : states_) s->Resize(table_->size());
    } else {
      std::fill(gids_.begin(), gids_.end(), 0u);
    }
    const auto& aggs = node_.aggregates();
    for (size_t a = 0; a < aggs.size(); ++a) {
      std::vector<ColumnPtr> args;
      for (const ExprPtr& e : aggs[a].args) {
        ASSIGN_OR_RETURN(ColumnPtr c, exec_.Evaluate(*e, chunk));
        args.push_back(std::move(c));
      }
      RETURN_IF_ERROR(states_[a]->Update(gids_.data(), args, rows));
    }
    return Status::OK();
  }

  Status MergeFrom(PartialAggregate& other) {
    std::vector<uint32_t> mapping(other.groups(), 0);
    if (table_ && other.groups() > 0) {
      table_->FindOrInsert(other.table_->KeyColumns(), other.groups(), mapping.data());
      for (auto& s : states_) s->Resize(table_->size());
    }
    for (size_t a = 0; a < states_.size(); ++a) {
      RETURN_IF_ERROR(states_[a]->Merge(*other.states_[a], mapping.data()));
    }
    return Status::OK();
  }

  Result<Chunk> Finish() {
    std::vector<ColumnPtr> cols;
    if (table_) cols = table_->KeyColumns();
    for (auto& s : states_) {
      ASSIGN_OR_RETURN(ColumnPtr c, s->Finalize());
      cols.push_back(std::move(c));
    }
    return Chunk(std::move(cols), groups());
  }

 private:
  const HashAggregateNode& node_;
  ExpressionExecutor exec_;
  std::unique_ptr<GroupHashTable> table_;
  std::vector<std::unique_ptr<AggregateState>> states_;
  std::vector<uint32_t> gids_;
};

class AggregateSource : public ChunkSource {
 public:
  AggregateSource(const HashAggregateNode& node, ExecutionContext& ctx) : node_(node), ctx_(ctx) {}

  Result<std::optional<Chunk>> Next() override {
    if (!done_) {
      RETURN_IF_ERROR(Run());
      done_ = true;
    }
    if (offset_ >= result_.num_rows()) return std::optional<Chunk>();
    size_t n = std::min(kChunkRows, result_.num_rows() - offset_);
    Chunk out = offset_ == 0 && n == result_.num_rows() ? result_ : result_.Slice(offset_, n);
    offset_ += n;
    return std::optional<Chunk>(std::move(out));
  }

 private:
  Status Run() {
    ASSIGN_OR_RETURN(std::vector<ChunkSourcePtr> streams,
                     node_.children()[0]->OpenStreams(ctx_, ctx_.threads()));
    std::vector<std::unique_ptr<PartialAggregate>> partials;
    for (size_t i = 0; i < streams.size(); ++i) {
      partials.push_back(std::make_unique<PartialAggregate>(node_, ctx_.function_context()));
    }
    RETURN_IF_ERROR(DrainParallel(
        streams, ctx_, [&](size_t i, Chunk&& chunk) { return partials[i]->Consume(chunk); }));
    streams.clear();
    for (size_t i = 1; i < partials.size(); ++i) {
      RETURN_IF_ERROR(ctx_.CheckCancelled());
      RETURN_IF_ERROR(partials[0]->MergeFrom(*partials[i]));
      partials[i].reset();
    }
    ASSIGN_OR_RETURN(result_, partials[0]->Finish());
    return Status::OK();
  }

  const HashAggregateNode& node_;
  ExecutionContext& ctx_;
  bool done_ = false;
  Chunk result_;
  size_t offset_ = 0;
};

}  // namespace

Result<AggregateCall> AggregateCall::Make(std::string_view name, std::vector<ExprPtr> args,
                                          bool distinct) {
  std::vector<DataType> types;
  for (const ExprPtr& a : args) types.push_back(a->type);
  ASSIGN_OR_RETURN(AggregateFunctionPtr f, ResolveAggregate(name, types, distinct));
  for (size_t i = 0; i < args.size(); ++i) {
    ASSIGN_OR_RETURN(args[i], expr::CastIfNeeded(args[i], f->arg_types[i]));
  }
  return AggregateCall{std::move(f), std::move(args)};
}

std::string AggregateCall::ToString() const {
  std::string s = function->name + "(";
  if (function->distinct) s += "DISTINCT ";
  if (args.empty()) s += "*";
  for (size_t i = 0; i < args.size(); ++i) {
    if (i) s += ", ";
    s += args[i]->ToString();
  }
  return s + ")";
}

HashAggregateNode::HashAggregateNode(PlanPtr child, Schema schema, std::vector<ExprPtr> group_by,
                                     std::vector<AggregateCall> aggregates)
    : PlanNode(std::move(schema), {std::move(child)}),
      group_by_(std::move(group_by)),
      aggregates_(std::move(aggregates)) {}

Result<PlanPtr> HashAggregateNode::Make(PlanPtr child, std::vector<ExprPtr> group_by,
                                        std::vector<AggregateCall> aggregates,
                                        std::vector<std::string> names) {
  if (names.size() != group_by.size() + aggregates.size()) {
    return Error(ErrorCode::Internal, "aggregate needs one name per key and aggregate");
  }
  Schema schema;
  size_t i = 0;
  for (const ExprPtr& k : group_by) schema.push_back(Field{names[i++], k->type, k->nullable});
  for (const AggregateCall& a : aggregates) {
    schema.push_back(Field{names[i++], a.function->result_type, a.function->nullable});
  }
  return PlanPtr(std::make_shared<HashAggregateNode>(std::move(child), std::move(schema),
                                                     std::move(group_by), std::move(aggregates)));
}

std::string HashAggregateNode::details() const {
  std::string s = "keys=[";
  for (size_t i = 0; i < group_by_.size(); ++i) s += (i ? ", " : "") + group_by_[i]->ToString();
  s += "] aggregates=[";
  for (size_t i = 0; i < aggregates_.size(); ++i) s += (i ? ", " : "") + aggregates_[i].ToString();
  return s + "]";
}

Result<std::vector<ChunkSourcePtr>> HashAggregateNode::OpenStreams(ExecutionContext& ctx,
                                                                   size_t) const {
  std::vector<ChunkSourcePtr> streams;
  streams.push_back(std::make_unique<AggregateSource>(*this, ctx));
  return streams;
}

Result<PlanPtr> MakeDistinct(PlanPtr child) {
  std::vector<ExprPtr> keys;
  std::vector<std::string> names;
  const Schema& schema = child->schema();
  for (size_t i = 0; i < schema.size(); ++i) {
    keys.push_back(expr::Column(i, schema[i].type, schema[i].nullable));
    names.push_back(schema[i].name);
  }
  return HashAggregateNode::Make(std::move(child), std::move(keys), {}, std::move(names));
}

}  // namespace strata
