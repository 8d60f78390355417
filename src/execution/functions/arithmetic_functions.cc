// + - * / div % and unary minus over integers, floats, decimals, dates and timestamps.
//
// Result types follow Databend:
//   - integers: + - * widen to the next integer size (INT + INT -> BIGINT), capped at BIGINT,
//     with overflow checked (1049); `/` always yields DOUBLE; `div` yields BIGINT; `%` keeps the
//     common integer type.
//   - any float operand: DOUBLE.
//   - decimals (an integer operand counts as DECIMAL(digits, 0)):
//       + -  scale max(s1, s2), precision max(p1 - s1, p2 - s2) + scale + 1
//       *    scale s1 + s2,     precision p1 + p2
//       /    scale max(6, s1),  precision (p1 - s1) + s2 + scale   (truncating)
//     all capped at 38 digits; a result that does not fit its precision is error 1049.
//   - DATE +/- integer days -> DATE, DATE - DATE -> INT days; TIMESTAMP +/- integer
//     microseconds -> TIMESTAMP, TIMESTAMP - TIMESTAMP -> BIGINT microseconds.
//   - a VARCHAR operand next to a number is read as that number type ('333' + 4 = 337).
// Division or modulo by zero is error 1006 `divided by zero`.
#include <algorithm>
#include <cmath>
#include <limits>
#include <type_traits>

#include "execution/decimal.h"
#include "execution/function_registry.h"
#include "execution/kernel_loops.h"
#include "execution/type_dispatch.h"

namespace strata {

namespace {

enum class Op { kPlus, kMinus, kMul, kDiv, kIntDiv, kMod };

const char* OpName(Op op) {
  switch (op) {
    case Op::kPlus:
      return "plus";
    case Op::kMinus:
      return "minus";
    case Op::kMul:
      return "multiply";
    case Op::kDiv:
      return "divide";
    case Op::kIntDiv:
      return "div";
    case Op::kMod:
      return "modulo";
  }
  return "?";
}

Status DividedByZero() { return Error(ErrorCode::BadArguments, "divided by zero"); }

Status OverflowAt(const char* fname, const KernelInput& in, int64_t row) {
  std::string args;
  for (size_t i = 0; i < in.args.size(); ++i) {
    if (i) args += ", ";
    const Operand& a = in.args[i];
    args += a.column->GetValue(a.Row(static_cast<size_t>(row))).ToString();
  }
  return Error(ErrorCode::Overflow, std::string("number overflowed while evaluating function `") +
                                        fname + "(" + args + ")`");
}

// A failed row of a division is either a zero divisor or an overflow.
template <typename B>
Status DivisionFailure(const char* fname, const KernelInput& in, int64_t row) {
  Reader<B> rb(in.args[1]);
  if (rb[static_cast<size_t>(row)] == B{}) return DividedByZero();
  return OverflowAt(fname, in, row);
}

// ---- integers ----

template <typename T>
Result<ColumnPtr> IntegerKernel(Op op, const ScalarFunction& f, const KernelInput& in) {
  auto out = NewFixedColumn(f.return_type, in.rows);
  T* o = out->Data<T>();
  const Operand& a = in.args[0];
  const Operand& b = in.args[1];
  int64_t bad = -1;
  switch (op) {
    case Op::kPlus:
      bad = BinaryMapChecked<T, T, T>(a, b, o, in.rows, in.validity, [](T x, T y, T* r) {
        return !__builtin_add_overflow(x, y, r);
      });
      break;
    case Op::kMinus:
      bad = BinaryMapChecked<T, T, T>(a, b, o, in.rows, in.validity, [](T x, T y, T* r) {
        return !__builtin_sub_overflow(x, y, r);
      });
      break;
    case Op::kMul:
      bad = BinaryMapChecked<T, T, T>(a, b, o, in.rows, in.validity, [](T x, T y, T* r) {
        return !__builtin_mul_overflow(x, y, r);
      });
      break;
    case Op::kIntDiv:
      bad = BinaryMapChecked<T, T, T>(a, b, o, in.rows, in.validity, [](T x, T y, T* r) {
        if (y == 0 || (y == -1 && x == std::numeric_limits<T>::min())) {
          *r = 0;
          return false;
        }
        *r = static_cast<T>(x / y);
        return true;
      });
      if (bad >= 0) return DivisionFailure<T>(OpName(op), in, bad);
      break;
    case Op::kMod:
      bad = BinaryMapChecked<T, T, T>(a, b, o, in.rows, in.validity, [](T x, T y, T* r) {
        if (y == 0) {
          *r = 0;
          return false;
        }
        *r = y == -1 ? T{0} : static_cast<T>(x % y);
        return true;
      });
      if (bad >= 0) return DividedByZero();
      break;
    case Op::kDiv:
      return Error(ErrorCode::Internal, "integer divide is computed in DOUBLE");
  }
  if (bad >= 0) return OverflowAt(OpName(op), in, bad);
  return out;
}

// ---- floats (always DOUBLE) ----

Result<ColumnPtr> FloatKernel(Op op, const ScalarFunction& f, const KernelInput& in) {
  const Operand& a = in.args[0];
  const Operand& b = in.args[1];
  size_t n = in.rows;
  switch (op) {
    case Op::kPlus:
      return BinaryMap<double, double, double>(a, b, f.return_type, n,
                                               [](double x, double y) { return x + y; });
    case Op::kMinus:
      return BinaryMap<double, double, double>(a, b, f.return_type, n,
                                               [](double x, double y) { return x - y; });
    case Op::kMul:
      return BinaryMap<double, double, double>(a, b, f.return_type, n,
                                               [](double x, double y) { return x * y; });
    case Op::kDiv:
    case Op::kMod: {
      auto out = NewFixedColumn(f.return_type, n);
      bool mod = op == Op::kMod;
      int64_t bad = BinaryMapChecked<double, double, double>(
          a, b, out->Data<double>(), n, in.validity, [mod](double x, double y, double* r) {
            *r = y == 0 ? 0 : (mod ? std::fmod(x, y) : x / y);
            return y != 0;
          });
      if (bad >= 0) return DividedByZero();
      return out;
    }
    case Op::kIntDiv: {
      auto out = NewFixedColumn(f.return_type, n);
      int64_t bad = BinaryMapChecked<double, double, int64_t>(
          a, b, out->Data<int64_t>(), n, in.validity, [](double x, double y, int64_t* r) {
            double q = y == 0 ? 0 : std::trunc(x / y);
            bool ok = y != 0 && q >= -9223372036854775808.0 && q < 9223372036854775808.0;
            *r = ok ? static_cast<int64_t>(q) : 0;
            return ok;
          });
      if (bad >= 0) return DivisionFailure<double>(OpName(op), in, bad);
      return out;
    }
  }
  return Error(ErrorCode::Internal, "unknown float operator");
}

// ---- decimals ----

int128_t Abs128(int128_t v) { return v < 0 ? -v : v; }

// a * 10^e / b truncated toward zero, without intermediate overflow: long division on
// magnitudes (|remainder| < |b| <= 10^38, so remainder * 10 fits an unsigned 128-bit value).
bool DecimalDivide(int128_t a, int128_t b, int e, int128_t* out) {
  int128_t scaled;
  if (e <= kMaxDecimalPrecision && !__builtin_mul_overflow(a, Pow10(e), &scaled)) {
    *out = scaled / b;
    return true;
  }
  using U = unsigned __int128;
  U ua = static_cast<U>(Abs128(a)), ub = static_cast<U>(Abs128(b));
  U q = ua / ub, r = ua % ub;
  const U limit = static_cast<U>(Pow10(kMaxDecimalPrecision));
  for (int i = 0; i < e; ++i) {
    r *= 10;
    q = q * 10 + r / ub;
    r %= ub;
    if (q >= limit) return false;
  }
  int128_t v = static_cast<int128_t>(q);
  *out = (a < 0) != (b < 0) ? -v : v;
  return true;
}

template <typename A, typename B, typename R>
Result<ColumnPtr> DecimalKernelTyped(Op op, const ScalarFunction& f, const KernelInput& in) {
  const DataType& ta = f.arg_types[0];
  const DataType& tb = f.arg_types[1];
  const DataType& tr = f.return_type;
  int sa = ta.scale, sb = tb.scale, sr = tr.scale, pr = tr.precision;
  auto out = NewFixedColumn(tr, in.rows);
  R* o = out->Data<R>();
  const Operand& a = in.args[0];
  const Operand& b = in.args[1];
  int64_t bad = -1;
  switch (op) {
    case Op::kPlus:
    case Op::kMinus: {
      int128_t ma = Pow10(sr - sa), mb = Pow10(sr - sb);
      bool minus = op == Op::kMinus;
      bad = BinaryMapChecked<A, B, R>(a, b, o, in.rows, in.validity, [=](A x, B y, R* r) {
        int128_t xa, yb, v;
        bool ovf = __builtin_mul_overflow(static_cast<int128_t>(x), ma, &xa) |
                   __builtin_mul_overflow(static_cast<int128_t>(y), mb, &yb);
        ovf |= minus ? __builtin_sub_overflow(xa, yb, &v) : __builtin_add_overflow(xa, yb, &v);
        *r = static_cast<R>(v);
        return !ovf && FitsPrecision(v, pr);
      });
      break;
    }
    case Op::kMul: {
      int drop = sa + sb - sr;
      bad = BinaryMapChecked<A, B, R>(a, b, o, in.rows, in.validity, [=](A x, B y, R* r) {
        int128_t v;
        bool ovf = __builtin_mul_overflow(static_cast<int128_t>(x), static_cast<int128_t>(y), &v);
        if (drop > 0) v = DivRound(v, drop);
        *r = static_cast<R>(v);
        return !ovf && FitsPrecision(v, pr);
      });
      break;
    }
    case Op::kDiv: {
      int e = sr - sa + sb;
      bad = BinaryMapChecked<A, B, R>(a, b, o, in.rows, in.validity, [=](A x, B y, R* r) {
        int128_t v = 0;
        bool ok = y != 0 && DecimalDivide(x, y, e, &v) && FitsPrecision(v, pr);
        *r = static_cast<R>(v);
        return ok;
      });
      if (bad >= 0) return DivisionFailure<B>(OpName(op), in, bad);
      break;
    }
    case Op::kMod: {
      // Both sides were cast to the result type, so the scales agree.
      bad = BinaryMapChecked<A, B, R>(a, b, o, in.rows, in.validity, [](A x, B y, R* r) {
        *r = y == 0 ? R{0} : static_cast<R>(static_cast<int128_t>(x) % static_cast<int128_t>(y));
        return y != 0;
      });
      if (bad >= 0) return DividedByZero();
      break;
    }
    case Op::kIntDiv:
      return Error(ErrorCode::Internal, "decimal div is computed in DOUBLE");
  }
  if (bad >= 0) return OverflowAt(OpName(op), in, bad);
  return out;
}

Result<ColumnPtr> DecimalKernel(Op op, const ScalarFunction& f, const KernelInput& in) {
  Result<ColumnPtr> result = Error(ErrorCode::Internal, "decimal dispatch");
  DispatchDecimal(f.arg_types[0], [&](auto ta) {
    DispatchDecimal(f.arg_types[1], [&](auto tb) {
      DispatchDecimal(f.return_type, [&](auto tr) {
        using A = typename decltype(ta)::type;
        using B = typename decltype(tb)::type;
        using R = typename decltype(tr)::type;
        result = DecimalKernelTyped<A, B, R>(op, f, in);
      });
    });
  });
  return result;
}

DataType AsDecimal(const DataType& t) {
  return t.id == TypeId::Decimal ? t : DecimalForInteger(t.id);
}

uint8_t Cap(int v) { return static_cast<uint8_t>(std::clamp(v, 0, kMaxDecimalPrecision)); }

DataType DecimalResultType(Op op, const DataType& a, const DataType& b) {
  int pa = a.precision, sa = a.scale, pb = b.precision, sb = b.scale;
  int p = 0, s = 0;
  switch (op) {
    case Op::kPlus:
    case Op::kMinus:
      s = std::max(sa, sb);
      p = std::max(pa - sa, pb - sb) + s + 1;
      break;
    case Op::kMul:
      s = sa + sb;
      p = pa + pb;
      break;
    case Op::kDiv:
      s = std::max(6, sa);
      p = (pa - sa) + sb + s;
      break;
    default:
      break;
  }
  uint8_t cs = Cap(s);
  return DataType::Decimal(std::max(Cap(p), std::max<uint8_t>(cs, 1)), cs);
}

// ---- dates and timestamps ----

// DATE +/- days or TIMESTAMP +/- micros; `shift_first` says which argument is the date.
ScalarKernel TimeShiftKernel(bool is_date, bool time_first, bool minus) {
  return [=](const ScalarFunction& f, const KernelInput& in) -> Result<ColumnPtr> {
    const Operand& t = in.args[time_first ? 0 : 1];
    const Operand& d = in.args[time_first ? 1 : 0];
    auto out = NewFixedColumn(f.return_type, in.rows);
    int64_t bad;
    if (is_date) {
      bad = BinaryMapChecked<int32_t, int64_t, int32_t>(
          t, d, out->Data<int32_t>(), in.rows, in.validity,
          [minus](int32_t x, int64_t y, int32_t* r) {
            int64_t v = minus ? static_cast<int64_t>(x) - y : static_cast<int64_t>(x) + y;
            *r = static_cast<int32_t>(v);
            return v >= std::numeric_limits<int32_t>::min() &&
                   v <= std::numeric_limits<int32_t>::max();
          });
    } else {
      bad = BinaryMapChecked<int64_t, int64_t, int64_t>(
          t, d, out->Data<int64_t>(), in.rows, in.validity,
          [minus](int64_t x, int64_t y, int64_t* r) {
            return minus ? !__builtin_sub_overflow(x, y, r) : !__builtin_add_overflow(x, y, r);
          });
    }
    if (bad >= 0) return OverflowAt(minus ? "minus" : "plus", in, bad);
    return out;
  };
}

ScalarKernel TimeDiffKernel(bool is_date) {
  return [=](const ScalarFunction& f, const KernelInput& in) -> Result<ColumnPtr> {
    if (is_date) {
      return BinaryMap<int32_t, int32_t, int32_t>(in.args[0], in.args[1], f.return_type, in.rows,
                                                  [](int32_t x, int32_t y) { return x - y; });
    }
    auto out = NewFixedColumn(f.return_type, in.rows);
    int64_t bad = BinaryMapChecked<int64_t, int64_t, int64_t>(
        in.args[0], in.args[1], out->Data<int64_t>(), in.rows, in.validity,
        [](int64_t x, int64_t y, int64_t* r) { return !__builtin_sub_overflow(x, y, r); });
    if (bad >= 0) return OverflowAt("minus", in, bad);
    return out;
  };
}

bool IsTime(const DataType& t) { return t.id == TypeId::Date || t.id == TypeId::Timestamp; }

Result<ScalarFunctionPtr> ResolveTimeArith(Op op, const std::string& name, DataType a, DataType b,
                                           const std::vector<ArgInfo>& args) {
  const DataType kInt64(TypeId::Int64);
  if (IsTime(a) && (b.IsInteger() || b.id == TypeId::Null)) {
    if (op != Op::kPlus && op != Op::kMinus) return NoMatchingSignature(name, args);
    return MakeFunction(name, {a, kInt64}, a,
                        TimeShiftKernel(a.id == TypeId::Date, true, op == Op::kMinus));
  }
  if (IsTime(b) && (a.IsInteger() || a.id == TypeId::Null) && op == Op::kPlus) {
    return MakeFunction(name, {kInt64, b}, b, TimeShiftKernel(b.id == TypeId::Date, false, false));
  }
  if (IsTime(a) && IsTime(b) && op == Op::kMinus) {
    if (a.id == TypeId::Date && b.id == TypeId::Date) {
      return MakeFunction(name, {a, b}, DataType(TypeId::Int32), TimeDiffKernel(true));
    }
    DataType ts(TypeId::Timestamp);
    return MakeFunction(name, {ts, ts}, kInt64, TimeDiffKernel(false));
  }
  return NoMatchingSignature(name, args);
}

TypeId WidenInteger(TypeId a, TypeId b) {
  auto rank = [](TypeId t) {
    switch (t) {
      case TypeId::Int8:
        return 0;
      case TypeId::Int16:
        return 1;
      case TypeId::Int32:
        return 2;
      default:
        return 3;
    }
  };
  static const TypeId kNext[] = {TypeId::Int16, TypeId::Int32, TypeId::Int64, TypeId::Int64};
  return kNext[std::max(rank(a), rank(b))];
}

ScalarKernel IntegerKernelFor(Op op, const DataType& t) {
  ScalarKernel k;
  DispatchInteger(t, [&](auto tag) {
    using T = typename decltype(tag)::type;
    k = [op](const ScalarFunction& f, const KernelInput& in) {
      return IntegerKernel<T>(op, f, in);
    };
  });
  return k;
}

Result<ScalarFunctionPtr> ResolveBinary(Op op, const std::string& name,
                                        const std::vector<ArgInfo>& args) {
  DataType a = args[0].type, b = args[1].type;
  if (a.id == TypeId::Null && b.id == TypeId::Null) a = b = DataType(TypeId::Int64);
  if (a.id == TypeId::Null) a = b;
  if (b.id == TypeId::Null) b = a;
  // A string next to a number is read as that number.
  if (a.id == TypeId::String && b.IsNumeric()) a = b;
  if (b.id == TypeId::String && a.IsNumeric()) b = a;
  if (IsTime(a) || IsTime(b)) return ResolveTimeArith(op, name, a, b, args);
  if (!a.IsNumeric() || !b.IsNumeric()) return NoMatchingSignature(name, args);

  const DataType kDouble(TypeId::Float64);
  if (a.IsFloat() || b.IsFloat()) {
    DataType ret = op == Op::kIntDiv ? DataType(TypeId::Int64) : kDouble;
    return MakeFunction(
        name, {kDouble, kDouble}, ret,
        [op](const ScalarFunction& f, const KernelInput& in) { return FloatKernel(op, f, in); });
  }
  if (a.id == TypeId::Decimal || b.id == TypeId::Decimal) {
    if (op == Op::kIntDiv) {
      return MakeFunction(
          name, {kDouble, kDouble}, DataType(TypeId::Int64),
          [op](const ScalarFunction& f, const KernelInput& in) { return FloatKernel(op, f, in); });
    }
    DataType da = AsDecimal(a), db = AsDecimal(b);
    DataType ret;
    if (op == Op::kMod) {
      ASSIGN_OR_RETURN(ret, CommonSuperType(da, db));
      da = db = ret;
    } else {
      ret = DecimalResultType(op, da, db);
    }
    return MakeFunction(name, {da, db}, ret, [op](const ScalarFunction& f, const KernelInput& in) {
      return DecimalKernel(op, f, in);
    });
  }
  // Both integers.
  if (op == Op::kDiv) {
    return MakeFunction(
        name, {kDouble, kDouble}, kDouble,
        [op](const ScalarFunction& f, const KernelInput& in) { return FloatKernel(op, f, in); });
  }
  DataType t;
  if (op == Op::kIntDiv) {
    t = DataType(TypeId::Int64);
  } else if (op == Op::kMod) {
    ASSIGN_OR_RETURN(t, CommonSuperType(a, b));
  } else {
    t = DataType(WidenInteger(a.id, b.id));
  }
  return MakeFunction(name, {t, t}, t, IntegerKernelFor(op, t));
}

// ---- unary minus ----

Result<ScalarFunctionPtr> ResolveNegate(const std::string& name, const std::vector<ArgInfo>& args) {
  DataType t = args[0].type;
  if (t.id == TypeId::Null) t = DataType(TypeId::Int64);
  if (t.id == TypeId::String) t = DataType(TypeId::Float64);
  if (t.IsInteger()) {
    ScalarKernel k;
    DispatchInteger(t, [&](auto tag) {
      using T = typename decltype(tag)::type;
      k = [](const ScalarFunction& f, const KernelInput& in) -> Result<ColumnPtr> {
        auto out = NewFixedColumn(f.return_type, in.rows);
        int64_t bad =
            UnaryMapChecked<T, T>(in.args[0], out->Data<T>(), in.rows, in.validity,
                                  [](T x, T* r) { return !__builtin_sub_overflow(T{0}, x, r); });
        if (bad >= 0) return OverflowAt("minus", in, bad);
        return out;
      };
    });
    return MakeFunction(name, {t}, t, k);
  }
  if (t.IsFloat() || t.id == TypeId::Decimal) {
    ScalarKernel k;
    DispatchFixed(t, [&](auto tag) {
      using T = typename decltype(tag)::type;
      k = [](const ScalarFunction& f, const KernelInput& in) -> Result<ColumnPtr> {
        return UnaryMap<T, T>(in.args[0], f.return_type, in.rows,
                              [](T x) { return static_cast<T>(-x); });
      };
    });
    return MakeFunction(name, {t}, t, k);
  }
  return NoMatchingSignature(name, args);
}

FunctionResolver BinaryResolver(Op op, std::string name) {
  return [op, name](const std::vector<ArgInfo>& args) -> Result<ScalarFunctionPtr> {
    RETURN_IF_ERROR(CheckArity(name, args, 2, 2));
    return ResolveBinary(op, name, args);
  };
}

}  // namespace

void RegisterArithmeticFunctions(FunctionRegistry& r) {
  r.Register("plus", BinaryResolver(Op::kPlus, "plus"));
  r.Register("minus", [](const std::vector<ArgInfo>& args) -> Result<ScalarFunctionPtr> {
    RETURN_IF_ERROR(CheckArity("minus", args, 1, 2));
    if (args.size() == 1) return ResolveNegate("minus", args);
    return ResolveBinary(Op::kMinus, "minus", args);
  });
  r.Register("multiply", BinaryResolver(Op::kMul, "multiply"));
  r.Register("divide", BinaryResolver(Op::kDiv, "divide"));
  r.Register("div", BinaryResolver(Op::kIntDiv, "div"));
  r.Register("modulo", BinaryResolver(Op::kMod, "modulo"));
  r.Register("negate", [](const std::vector<ArgInfo>& args) -> Result<ScalarFunctionPtr> {
    RETURN_IF_ERROR(CheckArity("negate", args, 1, 1));
    return ResolveNegate("negate", args);
  });
  r.Alias("+", "plus");
  r.Alias("-", "minus");
  r.Alias("*", "multiply");
  r.Alias("/", "divide");
  r.Alias("intdiv", "div");
  r.Alias("//", "div");
  r.Alias("%", "modulo");
  r.Alias("mod", "modulo");
}

}  // namespace strata
