#include "execution/aggregate_function.h"

#include <cctype>

#include "common/ascii.h"

namespace strata {

namespace {

Status ArgumentCount(const std::string& name, size_t got) {
  return Error(ErrorCode::NumberArgumentsNotMatch,
               "aggregate function " + name + " expects 1 argument, got " + std::to_string(got));
}

AggregateFunctionPtr WithDistinct(const AggregateFunction& f) {
  auto d = std::make_shared<AggregateFunction>(f);
  d->distinct = true;
  DataType arg = f.arg_types[0];
  auto inner = f.make_state;
  d->make_state = [arg, inner] { return MakeDistinctState(arg, inner()); };
  return d;
}

}  // namespace

std::string AggregateFunction::ToString() const {
  std::string s = name + "(";
  if (distinct) s += "DISTINCT ";
  if (arg_types.empty()) s += "*";
  for (size_t i = 0; i < arg_types.size(); ++i) {
    if (i) s += ", ";
    s += arg_types[i].ToString();
  }
  return s + ")";
}

bool IsAggregateFunctionName(std::string_view name) {
  std::string n = AsciiLower(name);
  return n == "count" || n == "sum" || n == "avg" || n == "min" || n == "max";
}

Result<AggregateFunctionPtr> ResolveAggregate(std::string_view raw_name,
                                              const std::vector<DataType>& args, bool distinct) {
  std::string name = AsciiLower(raw_name);
  if (name == "count") {
    if (args.size() > 1) return ArgumentCount(name, args.size());
    auto f = std::make_shared<AggregateFunction>();
    f->name = name;
    f->arg_types = args;
    f->result_type = DataType(TypeId::Int64);
    f->nullable = false;
    bool star = args.empty();
    f->make_state = [star] { return MakeCountState(star); };
    if (distinct && !star) {
      // The distinct filter feeds each new value once; the inner state just counts rows.
      DataType arg = args[0];
      f->distinct = true;
      f->make_state = [arg] { return MakeDistinctState(arg, MakeCountState(true)); };
    }
    return AggregateFunctionPtr(f);
  }
  if (name == "sum" || name == "avg" || name == "min" || name == "max") {
    if (args.size() != 1) return ArgumentCount(name, args.size());
    bool minmax = name == "min" || name == "max";
    ASSIGN_OR_RETURN(AggregateFunctionPtr f, minmax ? MakeMinOrMax(name == "max", args[0])
                                                    : MakeSumOrAvg(name == "avg", args[0]));
    // DISTINCT changes nothing for min / max.
    if (distinct && !minmax) return WithDistinct(*f);
    return f;
  }
  return Error(ErrorCode::UnknownAggregateFunction,
               "Unknown aggregate function " + std::string(raw_name));
}

}  // namespace strata
