// = != <> < <= > >= over every comparable type. Both sides are cast to their common super type
// (types/data_type.h): numbers widen, a string literal compared with a number, date or timestamp
// is read as that type, DATE meets TIMESTAMP as TIMESTAMP, BOOLEAN compares with '1' / 'true'.
#include <functional>

#include "execution/function_registry.h"
#include "execution/kernel_loops.h"
#include "execution/type_dispatch.h"

namespace strata {

namespace {

template <typename T, typename Cmp>
ColumnPtr CompareFixed(const KernelInput& in, const DataType& rtype, Cmp cmp) {
  return BinaryMap<T, T, uint8_t>(in.args[0], in.args[1], rtype, in.rows,
                                  [cmp](T x, T y) { return cmp(x, y) ? 1 : 0; });
}

template <typename Cmp>
ColumnPtr CompareStrings(const KernelInput& in, const DataType& rtype, Cmp cmp) {
  auto out = NewFixedColumn(rtype, in.rows);
  uint8_t* o = out->Data<uint8_t>();
  const Operand& a = in.args[0];
  const Operand& b = in.args[1];
  if (b.is_const) {
    std::string_view y = StringAt(b, 0);
    for (size_t i = 0; i < in.rows; ++i) o[i] = cmp(StringAt(a, i), y) ? 1 : 0;
  } else if (a.is_const) {
    std::string_view x = StringAt(a, 0);
    for (size_t i = 0; i < in.rows; ++i) o[i] = cmp(x, b.column->GetString(i)) ? 1 : 0;
  } else {
    for (size_t i = 0; i < in.rows; ++i) {
      o[i] = cmp(a.column->GetString(i), b.column->GetString(i)) ? 1 : 0;
    }
  }
  return out;
}

template <typename Cmp>
ScalarKernel CompareKernel(const DataType& t) {
  if (t.id == TypeId::String) {
    return [](const ScalarFunction& f, const KernelInput& in) -> Result<ColumnPtr> {
      return CompareStrings(in, f.return_type, Cmp{});
    };
  }
  ScalarKernel k;
  DispatchFixed(t, [&](auto tag) {
    using T = typename decltype(tag)::type;
    k = [](const ScalarFunction& f, const KernelInput& in) -> Result<ColumnPtr> {
      return CompareFixed<T>(in, f.return_type, Cmp{});
    };
  });
  return k;
}

Result<DataType> ComparisonType(DataType a, DataType b) {
  if (a.id == TypeId::Boolean && b.id == TypeId::String) return a;
  if (b.id == TypeId::Boolean && a.id == TypeId::String) return b;
  return CommonSuperType(a, b);
}

template <typename Cmp>
FunctionResolver ComparisonResolver(std::string name) {
  return [name](const std::vector<ArgInfo>& args) -> Result<ScalarFunctionPtr> {
    RETURN_IF_ERROR(CheckArity(name, args, 2, 2));
    const DataType kBool(TypeId::Boolean);
    Result<DataType> t = ComparisonType(args[0].type, args[1].type);
    if (!t.ok()) return NoMatchingSignature(name, args);
    if (t->id == TypeId::Null) {
      // NULL = NULL: always NULL; the kernel never runs.
      return MakeFunction(name, {*t, *t}, kBool, CompareKernel<Cmp>(kBool));
    }
    return MakeFunction(name, {*t, *t}, kBool, CompareKernel<Cmp>(*t));
  };
}

}  // namespace

void RegisterComparisonFunctions(FunctionRegistry& r) {
  r.Register("eq", ComparisonResolver<std::equal_to<>>("eq"));
  r.Register("noteq", ComparisonResolver<std::not_equal_to<>>("noteq"));
  r.Register("lt", ComparisonResolver<std::less<>>("lt"));
  r.Register("lte", ComparisonResolver<std::less_equal<>>("lte"));
  r.Register("gt", ComparisonResolver<std::greater<>>("gt"));
  r.Register("gte", ComparisonResolver<std::greater_equal<>>("gte"));
  r.Alias("=", "eq");
  r.Alias("==", "eq");
  r.Alias("!=", "noteq");
  r.Alias("<>", "noteq");
  r.Alias("<", "lt");
  r.Alias("<=", "lte");
  r.Alias(">", "gt");
  r.Alias(">=", "gte");
}

}  // namespace strata
