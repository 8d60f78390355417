// count(*) and count(x): one int64 counter per group.
#include "execution/aggregate_function.h"

namespace strata {

namespace {

class CountState : public AggregateState {
 public:
  explicit CountState(bool star) : star_(star) {}

  void Resize(size_t groups) override {
    counts_.resize(groups, 0);
    groups_ = groups;
  }

  Status Update(const uint32_t* g, const std::vector<ColumnPtr>& args, size_t rows) override {
    int64_t* counts = counts_.data();
    if (star_) {
      for (size_t i = 0; i < rows; ++i) ++counts[g[i]];
      return Status::OK();
    }
    const Column& arg = *args[0];
    if (arg.type().id == TypeId::Null) return Status::OK();
    const uint8_t* valid = arg.Validity();
    if (valid == nullptr) {
      for (size_t i = 0; i < rows; ++i) ++counts[g[i]];
    } else {
      for (size_t i = 0; i < rows; ++i) counts[g[i]] += valid[i];
    }
    return Status::OK();
  }

  Status Merge(AggregateState& other, const uint32_t* mapping) override {
    auto& o = static_cast<CountState&>(other);
    for (size_t g = 0; g < o.groups_; ++g) counts_[mapping[g]] += o.counts_[g];
    return Status::OK();
  }

  Result<ColumnPtr> Finalize() override {
    auto out = MakeColumn(DataType(TypeId::Int64));
    out->Resize(groups_);
    std::copy(counts_.begin(), counts_.end(), out->Data<int64_t>());
    return out;
  }

 private:
  bool star_;
  std::vector<int64_t> counts_;
};

}  // namespace

std::unique_ptr<AggregateState> MakeCountState(bool count_star) {
  return std::make_unique<CountState>(count_star);
}

}  // namespace strata
