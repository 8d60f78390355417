// Numeric functions: abs sign round truncate floor ceil/ceiling sqrt pow/power exp ln log log2
// log10 pi greatest least.
//   - abs keeps integer and decimal types (abs of the smallest integer is error 1049);
//   - round(x[, d]) rounds half away from zero; a decimal keeps DECIMAL with scale d when d is a
//     constant, an integer stays an integer, floats give DOUBLE;
//   - floor / ceil keep integers, turn decimals into DECIMAL(p, 0) and floats into DOUBLE;
//   - the transcendental functions work in DOUBLE (sqrt(-1) is NaN, ln(0) is -Infinity).
#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <type_traits>

#include "execution/decimal.h"
#include "execution/function_registry.h"
#include "execution/kernel_loops.h"
#include "execution/type_dispatch.h"

namespace strata {

namespace {

const DataType kDouble(TypeId::Float64);
const DataType kInt64(TypeId::Int64);

using DoubleFn = double (*)(double);

ScalarKernel DoubleUnary(DoubleFn fn) {
  return [fn](const ScalarFunction& f, const KernelInput& in) -> Result<ColumnPtr> {
    return UnaryMap<double, double>(in.args[0], f.return_type, in.rows, fn);
  };
}

// ---- abs ----

Result<ScalarFunctionPtr> ResolveAbs(const std::vector<ArgInfo>& args) {
  RETURN_IF_ERROR(CheckArity("abs", args, 1, 1));
  DataType t = args[0].type;
  if (t.id == TypeId::Null || t.id == TypeId::String || t.IsFloat()) {
    return MakeFunction("abs", {kDouble}, kDouble,
                        DoubleUnary([](double x) { return std::fabs(x); }));
  }
  if (!t.IsNumeric()) return NoMatchingSignature("abs", args);
  ScalarKernel k;
  DispatchFixed(t, [&](auto tag) {
    using T = typename decltype(tag)::type;
    k = [](const ScalarFunction& f, const KernelInput& in) -> Result<ColumnPtr> {
      auto out = NewFixedColumn(f.return_type, in.rows);
      int64_t bad =
          UnaryMapChecked<T, T>(in.args[0], out->Data<T>(), in.rows, in.validity, [](T x, T* r) {
            if (x >= 0) {
              *r = x;
              return true;
            }
            if constexpr (std::is_floating_point_v<T>) {
              *r = -x;
              return true;
            } else {
              return !__builtin_sub_overflow(T{0}, x, r);
            }
          });
      if (bad >= 0) {
        return Error(ErrorCode::Overflow,
                     "number overflowed while evaluating function `abs(" +
                         in.args[0].column->GetValue(in.args[0].Row(bad)).ToString() + ")`");
      }
      return out;
    };
  });
  return MakeFunction("abs", {t}, t, k);
}

// ---- sign ----

Result<ColumnPtr> SignKernel(const ScalarFunction& f, const KernelInput& in) {
  return UnaryMap<double, int8_t>(in.args[0], f.return_type, in.rows,
                                  [](double x) { return static_cast<int8_t>((x > 0) - (x < 0)); });
}

// ---- round / truncate ----

double RoundHalfAway(double x, int64_t d) {
  if (d == 0) return std::round(x);
  if (d > 15 || d < -308) return d > 0 ? x : 0;
  double p = std::pow(10.0, static_cast<double>(d));
  double r = std::round(x * p) / p;
  return std::isfinite(r) ? r : x;
}

double TruncateTo(double x, int64_t d) {
  if (d > 15) return x;
  double p = std::pow(10.0, static_cast<double>(d));
  double r = std::trunc(x * p) / p;
  return std::isfinite(r) ? r : x;
}

ScalarKernel RoundDoubleKernel(bool truncate) {
  return [truncate](const ScalarFunction& f, const KernelInput& in) -> Result<ColumnPtr> {
    if (in.args.size() == 1) {
      return UnaryMap<double, double>(in.args[0], f.return_type, in.rows, [truncate](double x) {
        return truncate ? std::trunc(x) : std::round(x);
      });
    }
    return BinaryMap<double, int64_t, double>(
        in.args[0], in.args[1], f.return_type, in.rows, [truncate](double x, int64_t d) {
          return truncate ? TruncateTo(x, d) : RoundHalfAway(x, d);
        });
  };
}

// Rounds an integer to 10^-d when d < 0 (round(1234, -2) = 1200).
Result<ColumnPtr> RoundIntegerKernel(const ScalarFunction& f, const KernelInput& in) {
  if (in.args.size() == 1) return in.args[0].column;
  auto out = NewFixedColumn(f.return_type, in.rows);
  int64_t bad = BinaryMapChecked<int64_t, int64_t, int64_t>(
      in.args[0], in.args[1], out->Data<int64_t>(), in.rows, in.validity,
      [](int64_t x, int64_t d, int64_t* r) {
        if (d >= 0) {
          *r = x;
          return true;
        }
        if (d < -18) {
          *r = 0;
          return true;
        }
        int128_t v = DivRound(x, static_cast<int>(-d)) * Pow10(static_cast<int>(-d));
        *r = static_cast<int64_t>(v);
        return v >= std::numeric_limits<int64_t>::min() && v <= std::numeric_limits<int64_t>::max();
      });
  if (bad >= 0)
    return Error(ErrorCode::Overflow, "number overflowed while evaluating function `round`");
  return out;
}

// DECIMAL(p, s) rounded to `d` digits: DECIMAL(p - s + max(d, 0) + 1, max(d, 0)).
ScalarKernel RoundDecimalKernel(int digits) {
  return [digits](const ScalarFunction& f, const KernelInput& in) -> Result<ColumnPtr> {
    const DataType& from = f.arg_types[0];
    const DataType& to = f.return_type;
    ColumnPtr out;
    DispatchDecimal(from, [&](auto ta) {
      DispatchDecimal(to, [&](auto tr) {
        using A = typename decltype(ta)::type;
        using R = typename decltype(tr)::type;
        int fs = from.scale, ts = to.scale;
        out = UnaryMap<A, R>(in.args[0], to, in.rows, [=](A x) {
          if (digits >= 0) {
            int128_t v;
            Rescale(x, fs, ts, &v);
            return static_cast<R>(v);
          }
          // Negative digits: round to 10^-digits, keep scale 0.
          int drop = fs - digits;
          if (drop > kMaxDecimalPrecision) return R{0};
          return static_cast<R>(DivRound(x, drop) * Pow10(-digits));
        });
      });
    });
    return out;
  };
}

Result<ScalarFunctionPtr> ResolveRound(const std::string& name, bool truncate,
                                       const std::vector<ArgInfo>& args) {
  RETURN_IF_ERROR(CheckArity(name, args, 1, 2));
  DataType t = args[0].type;
  bool has_d = args.size() == 2;
  if (has_d && !CanImplicitCast(args[1].type, kInt64)) return NoMatchingSignature(name, args);
  std::vector<DataType> params = {t};
  if (has_d) params.push_back(kInt64);
  if (t.IsInteger() && !truncate) {
    params[0] = kInt64;
    return MakeFunction(name, params, kInt64, RoundIntegerKernel);
  }
  bool const_d = !has_d || (args[1].constant.has_value() && !args[1].constant->is_null());
  if (t.id == TypeId::Decimal && !truncate && const_d) {
    int64_t d = 0;
    if (has_d) {
      ASSIGN_OR_RETURN(Value dv, args[1].constant->CastTo(kInt64));
      d = std::clamp<int64_t>(dv.GetInt(), -38, 38);
    }
    int s = static_cast<int>(std::clamp<int64_t>(d, 0, t.scale));
    int p = std::min(kMaxDecimalPrecision, t.precision - t.scale + s + 1);
    DataType ret = DataType::Decimal(static_cast<uint8_t>(p), static_cast<uint8_t>(s));
    auto fn = MakeFunction(name, params, ret, RoundDecimalKernel(static_cast<int>(d)));
    return fn;
  }
  if (!t.IsNumeric() && t.id != TypeId::Null && t.id != TypeId::String) {
    return NoMatchingSignature(name, args);
  }
  params[0] = kDouble;
  return MakeFunction(name, params, kDouble, RoundDoubleKernel(truncate));
}

// ---- floor / ceil ----

Result<ScalarFunctionPtr> ResolveFloorCeil(const std::string& name, bool ceil,
                                           const std::vector<ArgInfo>& args) {
  RETURN_IF_ERROR(CheckArity(name, args, 1, 1));
  DataType t = args[0].type;
  if (t.IsInteger()) {
    return MakeFunction(name, {t}, t, [](const ScalarFunction&, const KernelInput& in) {
      return Result<ColumnPtr>(in.args[0].column);
    });
  }
  if (t.id == TypeId::Decimal) {
    DataType ret = DataType::Decimal(
        static_cast<uint8_t>(std::min(kMaxDecimalPrecision, t.precision - t.scale + 1)), 0);
    ScalarKernel k = [ceil](const ScalarFunction& f, const KernelInput& in) -> Result<ColumnPtr> {
      ColumnPtr out;
      int128_t p = Pow10(f.arg_types[0].scale);
      DispatchDecimal(f.arg_types[0], [&](auto ta) {
        DispatchDecimal(f.return_type, [&](auto tr) {
          using A = typename decltype(ta)::type;
          using R = typename decltype(tr)::type;
          out = UnaryMap<A, R>(in.args[0], f.return_type, in.rows, [=](A x) {
            int128_t q = static_cast<int128_t>(x) / p, rem = static_cast<int128_t>(x) % p;
            if (rem != 0 && ceil && x > 0) ++q;
            if (rem != 0 && !ceil && x < 0) --q;
            return static_cast<R>(q);
          });
        });
      });
      return out;
    };
    return MakeFunction(name, {t}, ret, k);
  }
  if (!t.IsFloat() && t.id != TypeId::Null && t.id != TypeId::String) {
    return NoMatchingSignature(name, args);
  }
  return MakeFunction(
      name, {kDouble}, kDouble,
      DoubleUnary(ceil ? static_cast<DoubleFn>([](double x) { return std::ceil(x); })
                       : static_cast<DoubleFn>([](double x) { return std::floor(x); })));
}

// ---- log / pow ----

Result<ColumnPtr> LogKernel(const ScalarFunction& f, const KernelInput& in) {
  if (in.args.size() == 1) {
    return UnaryMap<double, double>(in.args[0], f.return_type, in.rows,
                                    [](double x) { return std::log(x); });
  }
  return BinaryMap<double, double, double>(in.args[0], in.args[1], f.return_type, in.rows,
                                           [](double b, double x) {
                                             // Exact for the common bases.
                                             if (b == 10) return std::log10(x);
                                             if (b == 2) return std::log2(x);
                                             return std::log(x) / std::log(b);
                                           });
}

Result<ColumnPtr> PowKernel(const ScalarFunction& f, const KernelInput& in) {
  return BinaryMap<double, double, double>(in.args[0], in.args[1], f.return_type, in.rows,
                                           [](double x, double y) { return std::pow(x, y); });
}

// ---- greatest / least ----

template <bool kGreatest>
Result<ScalarFunctionPtr> ResolveExtreme(const std::string& name,
                                         const std::vector<ArgInfo>& args) {
  RETURN_IF_ERROR(CheckArity(name, args, 1, SIZE_MAX));
  DataType t = args[0].type;
  for (size_t i = 1; i < args.size(); ++i) {
    Result<DataType> c = CommonSuperType(t, args[i].type);
    if (!c.ok()) return NoMatchingSignature(name, args);
    t = *c;
  }
  if (t.id == TypeId::Null) t = kInt64;
  std::vector<DataType> params(args.size(), t);
  ScalarKernel k;
  if (t.id == TypeId::String) {
    k = [](const ScalarFunction&, const KernelInput& in) -> Result<ColumnPtr> {
      return StringBuild(in.rows, in.validity, [&](size_t i, std::string* out) {
        std::string_view best = StringAt(in.args[0], i);
        for (size_t a = 1; a < in.args.size(); ++a) {
          std::string_view v = StringAt(in.args[a], i);
          if (kGreatest ? v > best : v < best) best = v;
        }
        out->append(best);
      });
    };
  } else {
    DispatchFixed(t, [&](auto tag) {
      using T = typename decltype(tag)::type;
      k = [](const ScalarFunction& f, const KernelInput& in) -> Result<ColumnPtr> {
        auto out = NewFixedColumn(f.return_type, in.rows);
        T* o = out->Data<T>();
        Reader<T> first(in.args[0]);
        for (size_t i = 0; i < in.rows; ++i) o[i] = first[i];
        for (size_t a = 1; a < in.args.size(); ++a) {
          Reader<T> r(in.args[a]);
          for (size_t i = 0; i < in.rows; ++i) {
            T v = r[i];
            o[i] = (kGreatest ? v > o[i] : v < o[i]) ? v : o[i];
          }
        }
        return out;
      };
    });
  }
  return MakeFunction(name, params, t, k);
}

}  // namespace

void RegisterMathFunctions(FunctionRegistry& r) {
  r.Register("abs", ResolveAbs);
  r.Register("sign", FixedSignature("sign", {kDouble}, DataType(TypeId::Int8), SignKernel));
  r.Register("round",
             [](const std::vector<ArgInfo>& a) { return ResolveRound("round", false, a); });
  r.Register("truncate",
             [](const std::vector<ArgInfo>& a) { return ResolveRound("truncate", true, a); });
  r.Alias("trunc", "truncate");
  r.Register("floor",
             [](const std::vector<ArgInfo>& a) { return ResolveFloorCeil("floor", false, a); });
  r.Register("ceil",
             [](const std::vector<ArgInfo>& a) { return ResolveFloorCeil("ceil", true, a); });
  r.Alias("ceiling", "ceil");
  r.Register("sqrt", FixedSignature("sqrt", {kDouble}, kDouble,
                                    DoubleUnary([](double x) { return std::sqrt(x); })));
  r.Register("exp", FixedSignature("exp", {kDouble}, kDouble,
                                   DoubleUnary([](double x) { return std::exp(x); })));
  r.Register("ln", FixedSignature("ln", {kDouble}, kDouble,
                                  DoubleUnary([](double x) { return std::log(x); })));
  r.Register("log2", FixedSignature("log2", {kDouble}, kDouble,
                                    DoubleUnary([](double x) { return std::log2(x); })));
  r.Register("log10", FixedSignature("log10", {kDouble}, kDouble,
                                     DoubleUnary([](double x) { return std::log10(x); })));
  r.Register("log", FixedSignature("log", {kDouble, kDouble}, kDouble, LogKernel,
                                   NullHandling::kPropagate, 1, 2));
  r.Register("pow", FixedSignature("pow", {kDouble, kDouble}, kDouble, PowKernel));
  r.Alias("power", "pow");
  r.Register("pi",
             FixedSignature("pi", {}, kDouble, [](const ScalarFunction& f, const KernelInput& in) {
               return Result<ColumnPtr>(
                   MakeConstantColumn(f.return_type, Value::Double(std::numbers::pi), in.rows));
             }));
  r.Register("greatest",
             [](const std::vector<ArgInfo>& a) { return ResolveExtreme<true>("greatest", a); });
  r.Register("least",
             [](const std::vector<ArgInfo>& a) { return ResolveExtreme<false>("least", a); });
}

}  // namespace strata
