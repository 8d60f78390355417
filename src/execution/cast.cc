#include "execution/cast.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <type_traits>

#include "common/ascii.h"
#include "execution/decimal.h"
#include "execution/type_dispatch.h"
#include "types/date_time.h"

namespace strata {

namespace {

// Outcome of converting one value.
enum class Conv : uint8_t { kOk, kInvalid, kOverflow };

std::string_view TrimBlanks(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == '\r')) {
    --e;
  }
  return s.substr(b, e - b);
}

Status CastFailure(Conv c, const Column& src, size_t row, const DataType& target) {
  std::string shown = src.GetValue(row).ToString();
  if (src.type().id == TypeId::String) shown = "'" + shown + "'";
  if (c == Conv::kOverflow) {
    return Error(ErrorCode::Overflow,
                 "number overflowed while casting " + shown + " to " + target.ToString());
  }
  ErrorCode code = ErrorCode::BadDataValueType;
  if (target.id == TypeId::Date) code = ErrorCode::InvalidDate;
  if (target.id == TypeId::Timestamp) code = ErrorCode::InvalidTimestamp;
  return Error(code, "cannot cast " + shown + " to " + target.ToString());
}

Status UnsupportedCast(const DataType& from, const DataType& to) {
  return Error(ErrorCode::SemanticError,
               "unable to cast type " + from.ToString() + " to type " + to.ToString());
}

// Fallible conversion of every valid row: conv(row, &out) -> Conv.
template <typename Out, typename F>
Result<ColumnPtr> CheckedLoop(const Column& src, const DataType& target, bool try_cast, F&& conv) {
  size_t n = src.size();
  auto out = MakeColumn(target);
  out->Resize(n);
  Out* dst = out->Data<Out>();
  const uint8_t* valid = src.Validity();
  std::vector<uint8_t> validity;
  if (valid != nullptr) validity.assign(valid, valid + n);
  for (size_t i = 0; i < n; ++i) {
    if (valid != nullptr && !valid[i]) continue;
    Conv c = conv(i, &dst[i]);
    if (c != Conv::kOk) [[unlikely]] {
      if (!try_cast) return CastFailure(c, src, i, target);
      if (validity.empty()) validity.assign(n, 1);
      validity[i] = 0;
      dst[i] = Out{};
    }
  }
  ApplyValidity(out.get(), validity);
  return out;
}

// Infallible conversion: dst[i] = f(src[i]) for every row, validity copied.
template <typename In, typename Out, typename F>
ColumnPtr MapLoop(const Column& src, const DataType& target, F&& f) {
  size_t n = src.size();
  auto out = MakeColumn(target);
  out->Resize(n);
  Out* dst = out->Data<Out>();
  const In* in = src.Data<In>();
  for (size_t i = 0; i < n; ++i) dst[i] = static_cast<Out>(f(in[i]));
  if (const uint8_t* v = src.Validity()) std::memcpy(out->MutableValidity(), v, n);
  return out;
}

template <typename D>
Conv IntoInteger(int128_t v, D* out) {
  if (v < static_cast<int128_t>(std::numeric_limits<D>::min()) ||
      v > static_cast<int128_t>(std::numeric_limits<D>::max())) {
    return Conv::kOverflow;
  }
  *out = static_cast<D>(v);
  return Conv::kOk;
}

// Rounds half away from zero and range-checks a double for integer type D.
template <typename D>
Conv DoubleIntoInteger(double v, D* out) {
  if (std::isnan(v)) return Conv::kInvalid;
  double r = std::round(v);
  // 2^63 is exactly representable; every smaller limit converts exactly.
  constexpr double kLow = static_cast<double>(std::numeric_limits<D>::min());
  constexpr double kHighExclusive = -kLow;
  if (!(r >= kLow && r < kHighExclusive)) return Conv::kOverflow;
  *out = static_cast<D>(r);
  return Conv::kOk;
}

// Integer -> TIMESTAMP: seconds, milliseconds or microseconds depending on magnitude.
Conv IntegerIntoTimestamp(int128_t v, int64_t* out) {
  int128_t a = v < 0 ? -v : v;
  int128_t micros;
  if (a < 31536000000LL) {
    micros = v * kMicrosPerSecond;
  } else if (a < 31536000000000LL) {
    micros = v * 1000;
  } else {
    micros = v;
  }
  return IntoInteger<int64_t>(micros, out);
}

int64_t FloorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

// ---- From integer-like sources (integers, BOOLEAN, DATE days, TIMESTAMP micros) ----

template <typename S>
Result<ColumnPtr> FromIntegerLike(const Column& src, const DataType& target, bool try_cast) {
  const S* in = src.Data<S>();
  const DataType& from = src.type();
  Result<ColumnPtr> result = UnsupportedCast(src.type(), target);
  switch (target.id) {
    case TypeId::Boolean:
      return MapLoop<S, uint8_t>(src, target, [](S v) { return v != 0 ? 1 : 0; });
    case TypeId::Float32:
      return MapLoop<S, float>(src, target, [](S v) { return static_cast<float>(v); });
    case TypeId::Float64:
      return MapLoop<S, double>(src, target, [](S v) { return static_cast<double>(v); });
    case TypeId::Date:
      return CheckedLoop<int32_t>(src, target, try_cast, [&](size_t i, int32_t* o) {
        return IntoInteger<int32_t>(in[i], o);
      });
    case TypeId::Timestamp:
      return CheckedLoop<int64_t>(src, target, try_cast, [&](size_t i, int64_t* o) {
        return IntegerIntoTimestamp(in[i], o);
      });
    case TypeId::Decimal: {
      int scale = target.scale;
      int128_t mul = Pow10(scale);
      bool always_fits = from.IsInteger() && IntegerDigits(from.id) + scale <= target.precision;
      if (from.id == TypeId::Boolean) always_fits = scale < target.precision;
      DispatchDecimal(target, [&](auto tag) {
        using D = typename decltype(tag)::type;
        if (always_fits) {
          result = MapLoop<S, D>(src, target, [mul](S v) { return static_cast<D>(v * mul); });
        } else {
          int precision = target.precision;
          result = CheckedLoop<D>(src, target, try_cast, [&](size_t i, D* o) {
            int128_t v = static_cast<int128_t>(in[i]) * mul;
            if (!FitsPrecision(v, precision)) return Conv::kOverflow;
            *o = static_cast<D>(v);
            return Conv::kOk;
          });
        }
      });
      return result;
    }
    default:
      break;
  }
  DispatchInteger(target, [&](auto tag) {
    using D = typename decltype(tag)::type;
    if (std::is_signed_v<S> && sizeof(D) >= sizeof(S)) {
      result = MapLoop<S, D>(src, target, [](S v) { return static_cast<D>(v); });
    } else {
      result = CheckedLoop<D>(src, target, try_cast,
                              [&](size_t i, D* o) { return IntoInteger<D>(in[i], o); });
    }
  });
  return result;
}

// ---- From floats ----

template <typename S>
Result<ColumnPtr> FromFloat(const Column& src, const DataType& target, bool try_cast) {
  const S* in = src.Data<S>();
  Result<ColumnPtr> result = UnsupportedCast(src.type(), target);
  switch (target.id) {
    case TypeId::Boolean:
      return MapLoop<S, uint8_t>(src, target, [](S v) { return v != 0 ? 1 : 0; });
    case TypeId::Float32:
      return MapLoop<S, float>(src, target, [](S v) { return static_cast<float>(v); });
    case TypeId::Float64:
      return MapLoop<S, double>(src, target, [](S v) { return static_cast<double>(v); });
    case TypeId::Decimal: {
      int precision = target.precision, scale = target.scale;
      DispatchDecimal(target, [&](auto tag) {
        using D = typename decltype(tag)::type;
        result = CheckedLoop<D>(src, target, try_cast, [&](size_t i, D* o) {
          S v = in[i];
          if (std::isnan(v)) return Conv::kInvalid;
          if (std::isinf(v)) return Conv::kOverflow;
          // The shortest text that reads back as v is the decimal the user meant (0.1, not
          // 0.1000000000000000055...).
          char buf[64];
          auto r = std::to_chars(buf, buf + sizeof(buf), v);
          int128_t u;
          DecimalParse p =
              ParseDecimalText(std::string_view(buf, r.ptr - buf), precision, scale, &u);
          if (p == DecimalParse::kOverflow) return Conv::kOverflow;
          if (p != DecimalParse::kOk) return Conv::kInvalid;
          *o = static_cast<D>(u);
          return Conv::kOk;
        });
      });
      return result;
    }
    default:
      break;
  }
  DispatchInteger(target, [&](auto tag) {
    using D = typename decltype(tag)::type;
    result = CheckedLoop<D>(src, target, try_cast, [&](size_t i, D* o) {
      return DoubleIntoInteger<D>(static_cast<double>(in[i]), o);
    });
  });
  return result;
}

// ---- From decimals ----

template <typename S>
Result<ColumnPtr> FromDecimal(const Column& src, const DataType& target, bool try_cast) {
  const S* in = src.Data<S>();
  const DataType& from = src.type();
  int fs = from.scale;
  Result<ColumnPtr> result = UnsupportedCast(src.type(), target);
  switch (target.id) {
    case TypeId::Boolean:
      return MapLoop<S, uint8_t>(src, target, [](S v) { return v != 0 ? 1 : 0; });
    case TypeId::Float32:
    case TypeId::Float64: {
      double div = static_cast<double>(Pow10(fs));
      if (target.id == TypeId::Float32) {
        return MapLoop<S, float>(
            src, target, [div](S v) { return static_cast<float>(static_cast<double>(v) / div); });
      }
      return MapLoop<S, double>(src, target, [div](S v) { return static_cast<double>(v) / div; });
    }
    case TypeId::Decimal: {
      int ts = target.scale, tp = target.precision;
      bool widening = ts >= fs && tp - ts >= from.precision - fs;
      DispatchDecimal(target, [&](auto tag) {
        using D = typename decltype(tag)::type;
        if (widening) {
          int128_t mul = Pow10(ts - fs);
          result = MapLoop<S, D>(src, target, [mul](S v) { return static_cast<D>(v * mul); });
          return;
        }
        result = CheckedLoop<D>(src, target, try_cast, [&](size_t i, D* o) {
          int128_t v;
          if (!Rescale(in[i], fs, ts, &v) || !FitsPrecision(v, tp)) return Conv::kOverflow;
          *o = static_cast<D>(v);
          return Conv::kOk;
        });
      });
      return result;
    }
    default:
      break;
  }
  DispatchInteger(target, [&](auto tag) {
    using D = typename decltype(tag)::type;
    result = CheckedLoop<D>(src, target, try_cast,
                            [&](size_t i, D* o) { return IntoInteger<D>(DivRound(in[i], fs), o); });
  });
  return result;
}

// ---- DATE / TIMESTAMP ----

Result<ColumnPtr> FromDate(const Column& src, const DataType& target, bool try_cast) {
  const int32_t* in = src.Data<int32_t>();
  if (target.id == TypeId::Timestamp) {
    return CheckedLoop<int64_t>(src, target, try_cast, [&](size_t i, int64_t* o) {
      return __builtin_mul_overflow(static_cast<int64_t>(in[i]), kMicrosPerDay, o) ? Conv::kOverflow
                                                                                   : Conv::kOk;
    });
  }
  return FromIntegerLike<int32_t>(src, target, try_cast);
}

Result<ColumnPtr> FromTimestamp(const Column& src, const DataType& target, bool try_cast) {
  if (target.id == TypeId::Date) {
    return CheckedLoop<int32_t>(src, target, try_cast, [&](size_t i, int32_t* o) {
      return IntoInteger<int32_t>(FloorDiv(src.Data<int64_t>()[i], kMicrosPerDay), o);
    });
  }
  return FromIntegerLike<int64_t>(src, target, try_cast);
}

// ---- From strings ----

Conv ParseDoubleText(std::string_view s, double* out) {
  s = TrimBlanks(s);
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  if (s.empty()) return Conv::kInvalid;
  auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
  if (r.ec == std::errc::result_out_of_range) return Conv::kOverflow;
  if (r.ec != std::errc() || r.ptr != s.data() + s.size()) return Conv::kInvalid;
  return Conv::kOk;
}

// Plain integers exactly; anything else that reads as a number ('1e1', '2.5') is rounded.
Conv ParseIntegerText(std::string_view s, int128_t* out) {
  s = TrimBlanks(s);
  size_t pos = 0;
  bool neg = false;
  if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) neg = s[pos++] == '-';
  if (pos < s.size()) {
    int128_t v = 0;
    bool all_digits = true;
    for (size_t i = pos; i < s.size(); ++i) {
      unsigned d = static_cast<unsigned char>(s[i]) - '0';
      if (d > 9) {
        all_digits = false;
        break;
      }
      v = v * 10 + d;
      if (v > static_cast<int128_t>(std::numeric_limits<uint64_t>::max())) return Conv::kOverflow;
    }
    if (all_digits) {
      *out = neg ? -v : v;
      return Conv::kOk;
    }
  }
  double d;
  Conv c = ParseDoubleText(s, &d);
  if (c != Conv::kOk) return c;
  int64_t i64 = 0;
  c = DoubleIntoInteger<int64_t>(d, &i64);
  *out = i64;
  return c;
}

Conv ParseBoolText(std::string_view s, uint8_t* out) {
  s = TrimBlanks(s);
  auto eq = [&](const char* word) {
    size_t n = std::strlen(word);
    if (s.size() != n) return false;
    for (size_t i = 0; i < n; ++i) {
      if (AsciiLower(s[i]) != word[i]) return false;
    }
    return true;
  };
  if (eq("true") || s == "1") {
    *out = 1;
  } else if (eq("false") || s == "0") {
    *out = 0;
  } else {
    return Conv::kInvalid;
  }
  return Conv::kOk;
}

Result<ColumnPtr> FromString(const Column& src, const DataType& target, bool try_cast) {
  Result<ColumnPtr> result = UnsupportedCast(src.type(), target);
  switch (target.id) {
    case TypeId::Boolean:
      return CheckedLoop<uint8_t>(src, target, try_cast, [&](size_t i, uint8_t* o) {
        return ParseBoolText(src.GetString(i), o);
      });
    case TypeId::Float32:
      return CheckedLoop<float>(src, target, try_cast, [&](size_t i, float* o) {
        double d;
        Conv c = ParseDoubleText(src.GetString(i), &d);
        *o = static_cast<float>(d);
        return c;
      });
    case TypeId::Float64:
      return CheckedLoop<double>(src, target, try_cast, [&](size_t i, double* o) {
        return ParseDoubleText(src.GetString(i), o);
      });
    case TypeId::Decimal:
      DispatchDecimal(target, [&](auto tag) {
        using D = typename decltype(tag)::type;
        result = CheckedLoop<D>(src, target, try_cast, [&](size_t i, D* o) {
          int128_t v;
          DecimalParse p = ParseDecimalText(src.GetString(i), target.precision, target.scale, &v);
          if (p == DecimalParse::kInvalid) return Conv::kInvalid;
          if (p == DecimalParse::kOverflow) return Conv::kOverflow;
          *o = static_cast<D>(v);
          return Conv::kOk;
        });
      });
      return result;
    case TypeId::Date:
      return CheckedLoop<int32_t>(src, target, try_cast, [&](size_t i, int32_t* o) {
        std::string_view s = src.GetString(i);
        Result<int32_t> d = ParseDate(s);
        if (d.ok()) {
          *o = *d;
          return Conv::kOk;
        }
        Result<int64_t> ts = ParseTimestamp(s);
        if (!ts.ok()) return Conv::kInvalid;
        *o = static_cast<int32_t>(FloorDiv(*ts, kMicrosPerDay));
        return Conv::kOk;
      });
    case TypeId::Timestamp:
      return CheckedLoop<int64_t>(src, target, try_cast, [&](size_t i, int64_t* o) {
        Result<int64_t> ts = ParseTimestamp(src.GetString(i));
        if (!ts.ok()) return Conv::kInvalid;
        *o = *ts;
        return Conv::kOk;
      });
    default:
      break;
  }
  DispatchInteger(target, [&](auto tag) {
    using D = typename decltype(tag)::type;
    result = CheckedLoop<D>(src, target, try_cast, [&](size_t i, D* o) {
      int128_t v;
      Conv c = ParseIntegerText(src.GetString(i), &v);
      if (c != Conv::kOk) return c;
      return IntoInteger<D>(v, o);
    });
  });
  return result;
}

// ---- To strings ----

template <typename F>
ColumnPtr StringLoop(const Column& src, F&& format) {
  size_t n = src.size();
  auto out = MakeColumn(DataType(TypeId::String));
  out->Reserve(n);
  std::string buf;
  for (size_t i = 0; i < n; ++i) {
    if (src.IsNull(i)) {
      out->AppendNull();
      continue;
    }
    buf.clear();
    format(i, &buf);
    out->AppendString(buf);
  }
  return out;
}

template <typename T>
void AppendNumber(T v, std::string* out) {
  if constexpr (std::is_floating_point_v<T>) {
    if (std::isnan(v)) {
      out->append("NaN");
      return;
    }
    if (std::isinf(v)) {
      out->append(v > 0 ? "Infinity" : "-Infinity");
      return;
    }
  }
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof(buf), v);
  out->append(buf, r.ptr);
}

ColumnPtr ToStringColumn(const Column& src) {
  const DataType& from = src.type();
  switch (from.id) {
    case TypeId::Boolean:
      return StringLoop(src, [&](size_t i, std::string* o) {
        o->append(src.Data<uint8_t>()[i] ? "true" : "false");
      });
    case TypeId::Date:
      return StringLoop(
          src, [&](size_t i, std::string* o) { o->append(FormatDate(src.Data<int32_t>()[i])); });
    case TypeId::Timestamp:
      return StringLoop(src, [&](size_t i, std::string* o) {
        o->append(FormatTimestamp(src.Data<int64_t>()[i]));
      });
    case TypeId::Decimal: {
      ColumnPtr out;
      DispatchDecimal(from, [&](auto tag) {
        using S = typename decltype(tag)::type;
        out = StringLoop(
            src, [&](size_t i, std::string* o) { AppendDecimal(src.Data<S>()[i], from.scale, o); });
      });
      return out;
    }
    default:
      break;
  }
  ColumnPtr out;
  DispatchFixed(from, [&](auto tag) {
    using S = typename decltype(tag)::type;
    if constexpr (!std::is_same_v<S, int128_t>) {
      out = StringLoop(src, [&](size_t i, std::string* o) { AppendNumber(src.Data<S>()[i], o); });
    }
  });
  return out;
}

bool IsNumberLike(const DataType& t) { return t.IsNumeric() || t.id == TypeId::Boolean; }

}  // namespace

bool CanCast(const DataType& from, const DataType& to) {
  if (from == to || from.id == TypeId::Null) return true;
  if (from.id == TypeId::String || to.id == TypeId::String) return to.id != TypeId::Null;
  if (IsNumberLike(from) && IsNumberLike(to)) return true;
  bool from_time = from.id == TypeId::Date || from.id == TypeId::Timestamp;
  bool to_time = to.id == TypeId::Date || to.id == TypeId::Timestamp;
  if (from_time && to_time) return true;
  if (from_time && to.IsInteger()) return true;
  if (to_time && from.IsInteger()) return true;
  return false;
}

Status CheckCastable(const DataType& from, const DataType& to) {
  if (CanCast(from, to)) return Status::OK();
  return UnsupportedCast(from, to);
}

Result<ColumnPtr> CastColumn(const ColumnPtr& src, const DataType& target, bool try_cast) {
  const DataType& from = src->type();
  if (from == target) return src;
  if (from.id == TypeId::Null) return MakeNullColumn(target, src->size());
  RETURN_IF_ERROR(CheckCastable(from, target));
  if (target.id == TypeId::String) return ToStringColumn(*src);
  switch (from.id) {
    case TypeId::String:
      return FromString(*src, target, try_cast);
    case TypeId::Boolean:
      return FromIntegerLike<uint8_t>(*src, target, try_cast);
    case TypeId::Int8:
      return FromIntegerLike<int8_t>(*src, target, try_cast);
    case TypeId::Int16:
      return FromIntegerLike<int16_t>(*src, target, try_cast);
    case TypeId::Int32:
      return FromIntegerLike<int32_t>(*src, target, try_cast);
    case TypeId::Int64:
      return FromIntegerLike<int64_t>(*src, target, try_cast);
    case TypeId::Float32:
      return FromFloat<float>(*src, target, try_cast);
    case TypeId::Float64:
      return FromFloat<double>(*src, target, try_cast);
    case TypeId::Decimal:
      if (from.IsDecimal128()) return FromDecimal<int128_t>(*src, target, try_cast);
      return FromDecimal<int64_t>(*src, target, try_cast);
    case TypeId::Date:
      return FromDate(*src, target, try_cast);
    case TypeId::Timestamp:
      return FromTimestamp(*src, target, try_cast);
    case TypeId::Null:
      break;
  }
  return Error(ErrorCode::Internal, "unhandled cast from " + from.ToString());
}

Result<Operand> CastOperand(const Operand& op, const DataType& target, bool try_cast) {
  ASSIGN_OR_RETURN(ColumnPtr col, CastColumn(op.column, target, try_cast));
  return Operand{std::move(col), op.is_const};
}

}  // namespace strata
