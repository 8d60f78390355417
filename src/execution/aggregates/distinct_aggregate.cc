// DISTINCT for count / sum / avg: a hash table of the (group, value) pairs seen so far lets
// only first occurrences through to the wrapped state. Merging feeds the other side's pairs
// through the same table.
#include "execution/aggregate_function.h"
#include "execution/group_hash_table.h"

namespace strata {

namespace {

class DistinctState : public AggregateState {
 public:
  DistinctState(DataType type, std::unique_ptr<AggregateState> inner)
      : type_(type), seen_({DataType(TypeId::Int64), type}, true), inner_(std::move(inner)) {}

  void Resize(size_t groups) override {
    inner_->Resize(groups);
    groups_ = groups;
  }

  Status Update(const uint32_t* g, const std::vector<ColumnPtr>& args, size_t rows) override {
    const ColumnPtr& arg = args[0];
    if (arg->type().id == TypeId::Null) return Status::OK();
    // Pairs of (group, non-NULL value).
    auto gids = MakeColumn(DataType(TypeId::Int64));
    gids->Resize(rows);
    int64_t* gd = gids->Data<int64_t>();
    std::vector<uint32_t> sel;
    const uint8_t* valid = arg->Validity();
    for (size_t i = 0; i < rows; ++i) {
      if (valid != nullptr && !valid[i]) continue;
      gd[sel.size()] = g[i];
      sel.push_back(static_cast<uint32_t>(i));
    }
    gids->Resize(sel.size());
    ColumnPtr values = sel.size() == rows ? arg : arg->Gather(sel.data(), sel.size());
    return FeedNew(gids, values);
  }

  Status Merge(AggregateState& other, const uint32_t* mapping) override {
    auto& o = static_cast<DistinctState&>(other);
    const std::vector<ColumnPtr>& pairs = o.seen_.KeyColumns();
    size_t n = o.seen_.size();
    auto gids = MakeColumn(DataType(TypeId::Int64));
    gids->Resize(n);
    const int64_t* src = pairs[0]->Data<int64_t>();
    int64_t* dst = gids->Data<int64_t>();
    for (size_t i = 0; i < n; ++i) dst[i] = mapping[src[i]];
    return FeedNew(gids, pairs[1]);
  }

  Result<ColumnPtr> Finalize() override { return inner_->Finalize(); }

 private:
  // Passes the pairs not seen before (the first of any duplicates) to the inner state.
  Status FeedNew(const ColumnPtr& gids, const ColumnPtr& values) {
    size_t n = gids->size();
    if (n == 0) return Status::OK();
    std::vector<uint32_t> ids(n);
    uint32_t next = static_cast<uint32_t>(seen_.size());
    seen_.FindOrInsert({gids, values}, n, ids.data());
    // New pairs get consecutive ids in order of first appearance.
    std::vector<uint32_t> fresh, fresh_groups;
    const int64_t* gd = gids->Data<int64_t>();
    for (size_t i = 0; i < n; ++i) {
      if (ids[i] == next) {
        ++next;
        fresh.push_back(static_cast<uint32_t>(i));
        fresh_groups.push_back(static_cast<uint32_t>(gd[i]));
      }
    }
    if (fresh.empty()) return Status::OK();
    ColumnPtr vals = fresh.size() == n ? values : values->Gather(fresh.data(), fresh.size());
    return inner_->Update(fresh_groups.data(), {vals}, fresh.size());
  }

  DataType type_;
  GroupHashTable seen_;
  std::unique_ptr<AggregateState> inner_;
};

}  // namespace

std::unique_ptr<AggregateState> MakeDistinctState(const DataType& arg,
                                                  std::unique_ptr<AggregateState> inner) {
  return std::make_unique<DistinctState>(arg, std::move(inner));
}

}  // namespace strata
