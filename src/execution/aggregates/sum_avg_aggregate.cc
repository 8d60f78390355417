// sum and avg. Integers accumulate exactly in 128 bits, floats in double, decimals in 128-bit
// unscaled values with overflow checks.
#include <algorithm>

#include "execution/aggregate_function.h"
#include "execution/decimal.h"
#include "execution/type_dispatch.h"

namespace strata {

namespace {

enum class Kind { kInteger, kFloat, kDecimal };

Status SumOverflow(const char* name) {
  return Error(ErrorCode::Overflow,
               std::string("number overflowed while evaluating aggregate function `") + name + "`");
}

// In: the argument's physical type. Acc: int128_t (integers, decimals) or double.
template <typename In, typename Acc, Kind kKind>
class SumState : public AggregateState {
 public:
  SumState(bool avg, int in_scale, DataType result)
      : avg_(avg), in_scale_(in_scale), result_(result) {}

  void Resize(size_t groups) override {
    sums_.resize(groups, Acc{});
    counts_.resize(groups, 0);
    groups_ = groups;
  }

  Status Update(const uint32_t* g, const std::vector<ColumnPtr>& args, size_t rows) override {
    const Column& arg = *args[0];
    if (arg.type().id == TypeId::Null) return Status::OK();
    const In* v = arg.Data<In>();
    const uint8_t* valid = arg.Validity();
    Acc* sums = sums_.data();
    int64_t* counts = counts_.data();
    bool overflow = false;
    for (size_t i = 0; i < rows; ++i) {
      if (valid != nullptr && !valid[i]) continue;
      if constexpr (kKind == Kind::kDecimal) {
        overflow |= __builtin_add_overflow(sums[g[i]], static_cast<Acc>(v[i]), &sums[g[i]]);
      } else {
        sums[g[i]] += static_cast<Acc>(v[i]);
      }
      ++counts[g[i]];
    }
    if (overflow) return SumOverflow(avg_ ? "avg" : "sum");
    return Status::OK();
  }

  Status Merge(AggregateState& other, const uint32_t* mapping) override {
    auto& o = static_cast<SumState&>(other);
    bool overflow = false;
    for (size_t g = 0; g < o.groups_; ++g) {
      Acc& dst = sums_[mapping[g]];
      if constexpr (kKind == Kind::kFloat) {
        dst += o.sums_[g];
      } else {
        overflow |= __builtin_add_overflow(dst, o.sums_[g], &dst);
      }
      counts_[mapping[g]] += o.counts_[g];
    }
    if (overflow) return SumOverflow(avg_ ? "avg" : "sum");
    return Status::OK();
  }

  Result<ColumnPtr> Finalize() override {
    auto out = MakeColumn(result_);
    out->Resize(groups_);
    for (size_t g = 0; g < groups_; ++g) {
      if (counts_[g] == 0) {
        out->SetNull(g);
        continue;
      }
      RETURN_IF_ERROR(Write(g, out.get()));
    }
    return out;
  }

 private:
  Status Write(size_t g, Column* out) const {
    Acc sum = sums_[g];
    if constexpr (kKind == Kind::kFloat) {
      out->Data<double>()[g] = avg_ ? sum / static_cast<double>(counts_[g]) : sum;
    } else if constexpr (kKind == Kind::kInteger) {
      if (avg_) {
        out->Data<double>()[g] = static_cast<double>(sum) / static_cast<double>(counts_[g]);
      } else {
        if (sum < INT64_MIN || sum > INT64_MAX) return SumOverflow("sum");
        out->Data<int64_t>()[g] = static_cast<int64_t>(sum);
      }
    } else {
      int128_t v = sum;
      if (avg_) {
        int128_t scaled;
        if (!Rescale(sum, in_scale_, result_.scale, &scaled)) return SumOverflow("avg");
        int128_t c = counts_[g];
        v = scaled / c;
        int128_t r = scaled % c;
        if ((r < 0 ? -r : r) * 2 >= c) v += scaled < 0 ? -1 : 1;
      }
      if (!FitsPrecision(v, result_.precision)) return SumOverflow(avg_ ? "avg" : "sum");
      out->Data<int128_t>()[g] = v;
    }
    return Status::OK();
  }

  bool avg_;
  int in_scale_;
  DataType result_;
  std::vector<Acc> sums_;
  std::vector<int64_t> counts_;
};

}  // namespace

Result<AggregateFunctionPtr> MakeSumOrAvg(bool avg, const DataType& arg) {
  auto f = std::make_shared<AggregateFunction>();
  f->name = avg ? "avg" : "sum";
  DataType in = arg;
  if (in.id == TypeId::Null) in = DataType(TypeId::Int64);
  if (in.IsInteger()) {
    f->result_type = avg ? DataType(TypeId::Float64) : DataType(TypeId::Int64);
    DispatchInteger(in, [&](auto tag) {
      using T = typename decltype(tag)::type;
      DataType r = f->result_type;
      f->make_state = [avg, r] {
        return std::make_unique<SumState<T, int128_t, Kind::kInteger>>(avg, 0, r);
      };
    });
  } else if (in.IsFloat()) {
    in = DataType(TypeId::Float64);
    f->result_type = in;
    f->make_state = [avg, in] {
      return std::make_unique<SumState<double, double, Kind::kFloat>>(avg, 0, in);
    };
  } else if (in.id == TypeId::Decimal) {
    int s = in.scale;
    DataType r =
        DataType::Decimal(kMaxDecimalPrecision, static_cast<uint8_t>(avg ? std::max(s, 4) : s));
    f->result_type = r;
    DispatchDecimal(in, [&](auto tag) {
      using T = typename decltype(tag)::type;
      f->make_state = [avg, s, r] {
        return std::make_unique<SumState<T, int128_t, Kind::kDecimal>>(avg, s, r);
      };
    });
  } else {
    return Error(ErrorCode::SemanticError, std::string("aggregate function ") + f->name +
                                               " does not support type " + arg.ToString());
  }
  f->arg_types = {in};
  return AggregateFunctionPtr(f);
}

}  // namespace strata
