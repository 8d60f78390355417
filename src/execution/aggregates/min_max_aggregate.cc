// min and max over any comparable type: flat arrays of the current extreme per group.
#include <string>

#include "execution/aggregate_function.h"
#include "execution/type_dispatch.h"

namespace strata {

namespace {

template <typename T, bool kMax>
class FixedMinMaxState : public AggregateState {
 public:
  explicit FixedMinMaxState(DataType type) : type_(type) {}

  void Resize(size_t groups) override {
    values_.resize(groups, T{});
    has_.resize(groups, 0);
    groups_ = groups;
  }

  Status Update(const uint32_t* g, const std::vector<ColumnPtr>& args, size_t rows) override {
    const Column& arg = *args[0];
    const T* v = arg.Data<T>();
    const uint8_t* valid = arg.Validity();
    for (size_t i = 0; i < rows; ++i) {
      if (valid != nullptr && !valid[i]) continue;
      Offer(g[i], v[i]);
    }
    return Status::OK();
  }

  Status Merge(AggregateState& other, const uint32_t* mapping) override {
    auto& o = static_cast<FixedMinMaxState&>(other);
    for (size_t g = 0; g < o.groups_; ++g) {
      if (o.has_[g]) Offer(mapping[g], o.values_[g]);
    }
    return Status::OK();
  }

  Result<ColumnPtr> Finalize() override {
    auto out = MakeColumn(type_);
    out->Resize(groups_);
    T* dst = out->Data<T>();
    for (size_t g = 0; g < groups_; ++g) {
      dst[g] = values_[g];
      if (!has_[g]) out->SetNull(g);
    }
    return out;
  }

 private:
  void Offer(uint32_t g, T x) {
    if (!has_[g] || (kMax ? x > values_[g] : x < values_[g])) {
      values_[g] = x;
      has_[g] = 1;
    }
  }

  DataType type_;
  std::vector<T> values_;
  std::vector<uint8_t> has_;
};

template <bool kMax>
class StringMinMaxState : public AggregateState {
 public:
  void Resize(size_t groups) override {
    values_.resize(groups);
    has_.resize(groups, 0);
    groups_ = groups;
  }

  Status Update(const uint32_t* g, const std::vector<ColumnPtr>& args, size_t rows) override {
    const Column& arg = *args[0];
    for (size_t i = 0; i < rows; ++i) {
      if (!arg.IsNull(i)) Offer(g[i], arg.GetString(i));
    }
    return Status::OK();
  }

  Status Merge(AggregateState& other, const uint32_t* mapping) override {
    auto& o = static_cast<StringMinMaxState&>(other);
    for (size_t g = 0; g < o.groups_; ++g) {
      if (o.has_[g]) Offer(mapping[g], o.values_[g]);
    }
    return Status::OK();
  }

  Result<ColumnPtr> Finalize() override {
    auto out = MakeColumn(DataType(TypeId::String));
    out->Reserve(groups_);
    for (size_t g = 0; g < groups_; ++g) {
      if (has_[g]) {
        out->AppendString(values_[g]);
      } else {
        out->AppendNull();
      }
    }
    return out;
  }

 private:
  void Offer(uint32_t g, std::string_view x) {
    if (!has_[g] || (kMax ? x > values_[g] : x < values_[g])) {
      values_[g].assign(x);
      has_[g] = 1;
    }
  }

  std::vector<std::string> values_;
  std::vector<uint8_t> has_;
};

// min / max of a NULL-typed argument: always NULL.
class NullMinMaxState : public AggregateState {
 public:
  void Resize(size_t groups) override { groups_ = groups; }
  Status Update(const uint32_t*, const std::vector<ColumnPtr>&, size_t) override {
    return Status::OK();
  }
  Status Merge(AggregateState&, const uint32_t*) override { return Status::OK(); }
  Result<ColumnPtr> Finalize() override {
    auto out = MakeColumn(DataType(TypeId::Null));
    for (size_t g = 0; g < groups_; ++g) out->AppendNull();
    return out;
  }
};

}  // namespace

Result<AggregateFunctionPtr> MakeMinOrMax(bool max, const DataType& arg) {
  auto f = std::make_shared<AggregateFunction>();
  f->name = max ? "max" : "min";
  f->arg_types = {arg};
  f->result_type = arg;
  if (arg.id == TypeId::Null) {
    f->make_state = [] { return std::make_unique<NullMinMaxState>(); };
  } else if (arg.id == TypeId::String) {
    if (max) {
      f->make_state = [] { return std::make_unique<StringMinMaxState<true>>(); };
    } else {
      f->make_state = [] { return std::make_unique<StringMinMaxState<false>>(); };
    }
  } else {
    DispatchFixed(arg, [&](auto tag) {
      using T = typename decltype(tag)::type;
      if (max) {
        f->make_state = [arg] { return std::make_unique<FixedMinMaxState<T, true>>(arg); };
      } else {
        f->make_state = [arg] { return std::make_unique<FixedMinMaxState<T, false>>(arg); };
      }
    });
  }
  return AggregateFunctionPtr(f);
}

}  // namespace strata
