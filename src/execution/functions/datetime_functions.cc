// Date and time functions (UTC only):
//   now/current_timestamp today/current_date yesterday tomorrow (constant within a query)
//   to_date to_timestamp
//   year month day hour minute second quarter day_of_week (Monday = 1) day_of_year
//     (also as to_year, to_month, to_day_of_month, ...)
//   to_start_of_year/quarter/month (-> DATE), to_start_of_week (Sunday) and to_monday (-> DATE),
//   to_start_of_day/hour/minute/second
//     (-> TIMESTAMP), date_trunc(unit, x) (keeps the argument's type)
//   add_years/add_quarters/add_months/add_weeks/add_days/add_hours/add_minutes/add_seconds(x, n)
//     (months clamp to the month's last day; a DATE plus hours becomes a TIMESTAMP)
//   date_diff(unit, start, end): whole unit boundaries crossed from start to end
// VARCHAR arguments are read as TIMESTAMP.
#include <algorithm>
#include <cctype>

#include "common/ascii.h"
#include "execution/cast.h"
#include "execution/function_registry.h"
#include "execution/kernel_loops.h"
#include "types/date_time.h"

namespace strata {

namespace {

const DataType kDate(TypeId::Date);
const DataType kTimestamp(TypeId::Timestamp);
const DataType kInt64(TypeId::Int64);
const DataType kString(TypeId::String);

int64_t FloorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

int64_t DaysOf(int64_t micros) { return FloorDiv(micros, kMicrosPerDay); }

bool IsLeap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
unsigned DaysInMonth(int64_t y, unsigned m) {
  static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return kDays[m - 1] + (m == 2 && IsLeap(y) ? 1 : 0);
}

// kWeek starts on Monday; kSundayWeek (to_start_of_week) on Sunday.
enum class Unit { kYear, kQuarter, kMonth, kWeek, kSundayWeek, kDay, kHour, kMinute, kSecond };

Result<Unit> ParseUnit(std::string_view text) {
  std::string u = AsciiLower(text);
  if (!u.empty() && u.back() == 's') u.pop_back();
  static const std::pair<const char*, Unit> kUnits[] = {
      {"year", Unit::kYear},     {"quarter", Unit::kQuarter}, {"month", Unit::kMonth},
      {"week", Unit::kWeek},     {"day", Unit::kDay},         {"hour", Unit::kHour},
      {"minute", Unit::kMinute}, {"second", Unit::kSecond},
  };
  for (const auto& [name, unit] : kUnits) {
    if (u == name) return unit;
  }
  return Error(ErrorCode::BadArguments, "unsupported date/time unit '" + std::string(text) + "'");
}

// ---- current time ----

ScalarKernel NowKernel(int64_t day_offset, bool as_date) {
  return [=](const ScalarFunction& f, const KernelInput& in) -> Result<ColumnPtr> {
    Value v = as_date ? Value::Date(static_cast<int32_t>(DaysOf(in.ctx.now_micros) + day_offset))
                      : Value::Timestamp(in.ctx.now_micros);
    return MakeConstantColumn(f.return_type, v, in.rows);
  };
}

FunctionResolver NowResolver(const std::string& name, int64_t day_offset, bool as_date) {
  return [=](const std::vector<ArgInfo>& args) -> Result<ScalarFunctionPtr> {
    RETURN_IF_ERROR(CheckArity(name, args, 0, 0));
    auto f = std::make_shared<ScalarFunction>(
        *MakeFunction(name, {}, as_date ? kDate : kTimestamp, NowKernel(day_offset, as_date)));
    f->foldable = false;
    return ScalarFunctionPtr(f);
  };
}

// ---- conversions: the implicit cast does the work ----

FunctionResolver ConvertResolver(const std::string& name, DataType target) {
  return [=](const std::vector<ArgInfo>& args) -> Result<ScalarFunctionPtr> {
    RETURN_IF_ERROR(CheckArity(name, args, 1, 1));
    if (!CanCast(args[0].type, target)) return NoMatchingSignature(name, args);
    return MakeFunction(
        name, {target}, target,
        [](const ScalarFunction&, const KernelInput& in) {
          return Result<ColumnPtr>(in.args[0].column);
        },
        NullHandling::kCustom);
  };
}

// ---- field extraction ----

enum class Field { kYear, kQuarter, kMonth, kDay, kHour, kMinute, kSecond, kDayOfWeek, kDayOfYear };

int64_t ExtractField(Field field, int64_t micros) {
  int64_t days = DaysOf(micros);
  int64_t tod = micros - days * kMicrosPerDay;
  switch (field) {
    case Field::kHour:
      return tod / (3600 * kMicrosPerSecond);
    case Field::kMinute:
      return tod / (60 * kMicrosPerSecond) % 60;
    case Field::kSecond:
      return tod / kMicrosPerSecond % 60;
    case Field::kDayOfWeek:
      return FloorDiv(days + 3, 7) * -7 + days + 3 + 1;  // 1970-01-01 was a Thursday
    default:
      break;
  }
  CivilDate c = CivilFromDays(days);
  switch (field) {
    case Field::kYear:
      return c.year;
    case Field::kQuarter:
      return (c.month - 1) / 3 + 1;
    case Field::kMonth:
      return c.month;
    case Field::kDay:
      return c.day;
    case Field::kDayOfYear:
      return days - DaysFromCivil(c.year, 1, 1) + 1;
    default:
      return 0;
  }
}

template <typename R>
ScalarKernel ExtractKernel(Field field) {
  return [field](const ScalarFunction& f, const KernelInput& in) -> Result<ColumnPtr> {
    const Operand& a = in.args[0];
    if (a.type().id == TypeId::Date) {
      return UnaryMap<int32_t, R>(a, f.return_type, in.rows, [field](int32_t d) {
        return static_cast<R>(ExtractField(field, d * kMicrosPerDay));
      });
    }
    return UnaryMap<int64_t, R>(a, f.return_type, in.rows, [field](int64_t t) {
      return static_cast<R>(ExtractField(field, t));
    });
  };
}

// A DATE argument stays DATE; everything else is read as TIMESTAMP.
DataType TimeParam(const DataType& t) { return t.id == TypeId::Date ? kDate : kTimestamp; }

bool TimeLike(const DataType& t) {
  return t.id == TypeId::Date || t.id == TypeId::Timestamp || t.id == TypeId::String ||
         t.id == TypeId::Null;
}

FunctionResolver ExtractResolver(const std::string& name, Field field, DataType ret) {
  return [=](const std::vector<ArgInfo>& args) -> Result<ScalarFunctionPtr> {
    RETURN_IF_ERROR(CheckArity(name, args, 1, 1));
    if (!TimeLike(args[0].type)) return NoMatchingSignature(name, args);
    ScalarKernel k =
        ret.id == TypeId::Int16 ? ExtractKernel<int16_t>(field) : ExtractKernel<int8_t>(field);
    return MakeFunction(name, {TimeParam(args[0].type)}, ret, k);
  };
}

// ---- truncation ----

int64_t TruncateMicros(Unit unit, int64_t micros) {
  int64_t days = DaysOf(micros);
  switch (unit) {
    case Unit::kSecond:
      return FloorDiv(micros, kMicrosPerSecond) * kMicrosPerSecond;
    case Unit::kMinute:
      return FloorDiv(micros, 60 * kMicrosPerSecond) * 60 * kMicrosPerSecond;
    case Unit::kHour:
      return FloorDiv(micros, 3600 * kMicrosPerSecond) * 3600 * kMicrosPerSecond;
    case Unit::kDay:
      return days * kMicrosPerDay;
    case Unit::kWeek:
      return (days - (ExtractField(Field::kDayOfWeek, micros) - 1)) * kMicrosPerDay;
    case Unit::kSundayWeek:
      return (days - ExtractField(Field::kDayOfWeek, micros) % 7) * kMicrosPerDay;
    default:
      break;
  }
  CivilDate c = CivilFromDays(days);
  unsigned month = c.month;
  if (unit == Unit::kYear) month = 1;
  if (unit == Unit::kQuarter) month = (c.month - 1) / 3 * 3 + 1;
  return DaysFromCivil(c.year, month, 1) * kMicrosPerDay;
}

// Truncates to `unit`; the result type (DATE or TIMESTAMP) is the function's return type.
ScalarKernel TruncateKernel(Unit unit) {
  return [unit](const ScalarFunction& f, const KernelInput& in) -> Result<ColumnPtr> {
    const Operand& a = in.args.back();
    bool in_date = a.type().id == TypeId::Date;
    bool out_date = f.return_type.id == TypeId::Date;
    if (in_date && out_date) {
      return UnaryMap<int32_t, int32_t>(a, f.return_type, in.rows, [unit](int32_t d) {
        return static_cast<int32_t>(DaysOf(TruncateMicros(unit, d * kMicrosPerDay)));
      });
    }
    if (in_date) {
      return UnaryMap<int32_t, int64_t>(a, f.return_type, in.rows, [unit](int32_t d) {
        return TruncateMicros(unit, d * kMicrosPerDay);
      });
    }
    if (out_date) {
      return UnaryMap<int64_t, int32_t>(a, f.return_type, in.rows, [unit](int64_t t) {
        return static_cast<int32_t>(DaysOf(TruncateMicros(unit, t)));
      });
    }
    return UnaryMap<int64_t, int64_t>(a, f.return_type, in.rows,
                                      [unit](int64_t t) { return TruncateMicros(unit, t); });
  };
}

FunctionResolver StartOfResolver(const std::string& name, Unit unit, DataType ret) {
  return [=](const std::vector<ArgInfo>& args) -> Result<ScalarFunctionPtr> {
    RETURN_IF_ERROR(CheckArity(name, args, 1, 1));
    if (!TimeLike(args[0].type)) return NoMatchingSignature(name, args);
    return MakeFunction(name, {TimeParam(args[0].type)}, ret, TruncateKernel(unit));
  };
}

Result<Unit> ConstantUnit(const std::string& name, const ArgInfo& arg) {
  if (!arg.constant.has_value() || arg.constant->is_null() || arg.type.id != TypeId::String) {
    return Error(ErrorCode::BadArguments,
                 "the first argument of " + name + " must be a constant unit such as 'month'");
  }
  return ParseUnit(arg.constant->GetString());
}

Result<ScalarFunctionPtr> ResolveDateTrunc(const std::vector<ArgInfo>& args) {
  RETURN_IF_ERROR(CheckArity("date_trunc", args, 2, 2));
  ASSIGN_OR_RETURN(Unit unit, ConstantUnit("date_trunc", args[0]));
  if (!TimeLike(args[1].type)) return NoMatchingSignature("date_trunc", args);
  DataType t = TimeParam(args[1].type);
  // Truncating a DATE below a day keeps it a DATE (the time part is already zero).
  return MakeFunction("date_trunc", {kString, t}, t, TruncateKernel(unit));
}

// ---- adding intervals ----

// Adds `n` units to `micros`; months clamp the day to the target month's length.
bool AddUnits(Unit unit, int64_t micros, int64_t n, int64_t* out) {
  int64_t step = 0;
  switch (unit) {
    case Unit::kSecond:
      step = kMicrosPerSecond;
      break;
    case Unit::kMinute:
      step = 60 * kMicrosPerSecond;
      break;
    case Unit::kHour:
      step = 3600 * kMicrosPerSecond;
      break;
    case Unit::kDay:
      step = kMicrosPerDay;
      break;
    case Unit::kWeek:
    case Unit::kSundayWeek:
      step = 7 * kMicrosPerDay;
      break;
    default:
      break;
  }
  if (step != 0) {
    int64_t delta;
    return !__builtin_mul_overflow(n, step, &delta) && !__builtin_add_overflow(micros, delta, out);
  }
  int64_t months = unit == Unit::kYear ? n * 12 : unit == Unit::kQuarter ? n * 3 : n;
  if (months > 120000 || months < -120000) return false;
  int64_t days = DaysOf(micros);
  int64_t tod = micros - days * kMicrosPerDay;
  CivilDate c = CivilFromDays(days);
  int64_t total = c.year * 12 + (c.month - 1) + months;
  int64_t y = FloorDiv(total, 12);
  unsigned m = static_cast<unsigned>(total - y * 12 + 1);
  unsigned d = std::min(c.day, DaysInMonth(y, m));
  *out = DaysFromCivil(y, m, d) * kMicrosPerDay + tod;
  return true;
}

ScalarKernel AddKernel(Unit unit) {
  return [unit](const ScalarFunction& f, const KernelInput& in) -> Result<ColumnPtr> {
    const Operand& a = in.args[0];
    const Operand& n = in.args[1];
    auto out = NewFixedColumn(f.return_type, in.rows);
    int64_t bad;
    bool in_date = a.type().id == TypeId::Date;
    if (f.return_type.id == TypeId::Date) {
      bad = BinaryMapChecked<int32_t, int64_t, int32_t>(
          a, n, out->Data<int32_t>(), in.rows, in.validity,
          [unit](int32_t d, int64_t k, int32_t* r) {
            int64_t t;
            bool ok = AddUnits(unit, d * kMicrosPerDay, k, &t);
            int64_t days = ok ? DaysOf(t) : 0;
            *r = static_cast<int32_t>(days);
            return ok && days == static_cast<int32_t>(days);
          });
    } else if (in_date) {
      bad = BinaryMapChecked<int32_t, int64_t, int64_t>(
          a, n, out->Data<int64_t>(), in.rows, in.validity,
          [unit](int32_t d, int64_t k, int64_t* r) {
            return AddUnits(unit, d * kMicrosPerDay, k, r);
          });
    } else {
      bad = BinaryMapChecked<int64_t, int64_t, int64_t>(
          a, n, out->Data<int64_t>(), in.rows, in.validity,
          [unit](int64_t t, int64_t k, int64_t* r) { return AddUnits(unit, t, k, r); });
    }
    if (bad >= 0) {
      return Error(ErrorCode::Overflow,
                   "date/time overflowed while evaluating function `" + f.name + "`");
    }
    return out;
  };
}

FunctionResolver AddResolver(const std::string& name, Unit unit) {
  return [=](const std::vector<ArgInfo>& args) -> Result<ScalarFunctionPtr> {
    RETURN_IF_ERROR(CheckArity(name, args, 2, 2));
    if (!TimeLike(args[0].type) || !CanImplicitCast(args[1].type, kInt64)) {
      return NoMatchingSignature(name, args);
    }
    DataType t = TimeParam(args[0].type);
    bool sub_day = unit == Unit::kHour || unit == Unit::kMinute || unit == Unit::kSecond;
    DataType ret = t.id == TypeId::Date && !sub_day ? kDate : kTimestamp;
    return MakeFunction(name, {t, kInt64}, ret, AddKernel(unit));
  };
}

// ---- date_diff ----

int64_t UnitIndex(Unit unit, int64_t micros) {
  switch (unit) {
    case Unit::kSecond:
      return FloorDiv(micros, kMicrosPerSecond);
    case Unit::kMinute:
      return FloorDiv(micros, 60 * kMicrosPerSecond);
    case Unit::kHour:
      return FloorDiv(micros, 3600 * kMicrosPerSecond);
    case Unit::kDay:
      return DaysOf(micros);
    case Unit::kWeek:
    case Unit::kSundayWeek:
      return FloorDiv(DaysOf(TruncateMicros(unit, micros)), 7);
    default:
      break;
  }
  CivilDate c = CivilFromDays(DaysOf(micros));
  if (unit == Unit::kYear) return c.year;
  if (unit == Unit::kQuarter) return c.year * 4 + (c.month - 1) / 3;
  return c.year * 12 + (c.month - 1);
}

Result<ScalarFunctionPtr> ResolveDateDiff(const std::vector<ArgInfo>& args) {
  RETURN_IF_ERROR(CheckArity("date_diff", args, 3, 3));
  ASSIGN_OR_RETURN(Unit unit, ConstantUnit("date_diff", args[0]));
  if (!TimeLike(args[1].type) || !TimeLike(args[2].type)) {
    return NoMatchingSignature("date_diff", args);
  }
  ScalarKernel k = [unit](const ScalarFunction& f, const KernelInput& in) -> Result<ColumnPtr> {
    return BinaryMap<int64_t, int64_t, int64_t>(
        in.args[1], in.args[2], f.return_type, in.rows,
        [unit](int64_t a, int64_t b) { return UnitIndex(unit, b) - UnitIndex(unit, a); });
  };
  return MakeFunction("date_diff", {kString, kTimestamp, kTimestamp}, kInt64, k);
}

}  // namespace

void RegisterDateTimeFunctions(FunctionRegistry& r) {
  r.Register("now", NowResolver("now", 0, false));
  r.Alias("current_timestamp", "now");
  r.Register("today", NowResolver("today", 0, true));
  r.Alias("current_date", "today");
  r.Register("yesterday", NowResolver("yesterday", -1, true));
  r.Register("tomorrow", NowResolver("tomorrow", 1, true));
  r.Register("to_date", ConvertResolver("to_date", kDate));
  r.Register("to_timestamp", ConvertResolver("to_timestamp", kTimestamp));
  r.Alias("to_datetime", "to_timestamp");

  const DataType kInt8(TypeId::Int8), kInt16(TypeId::Int16);
  struct ExtractDef {
    const char* name;
    const char* alias;
    Field field;
    DataType ret;
  };
  const ExtractDef kExtracts[] = {
      {"year", "to_year", Field::kYear, kInt16},
      {"quarter", "to_quarter", Field::kQuarter, kInt8},
      {"month", "to_month", Field::kMonth, kInt8},
      {"day", "to_day_of_month", Field::kDay, kInt8},
      {"hour", "to_hour", Field::kHour, kInt8},
      {"minute", "to_minute", Field::kMinute, kInt8},
      {"second", "to_second", Field::kSecond, kInt8},
      {"day_of_week", "to_day_of_week", Field::kDayOfWeek, kInt8},
      {"day_of_year", "to_day_of_year", Field::kDayOfYear, kInt16},
  };
  for (const ExtractDef& e : kExtracts) {
    r.Register(e.name, ExtractResolver(e.name, e.field, e.ret));
    r.Alias(e.alias, e.name);
  }
  r.Alias("dayofmonth", "day");
  r.Alias("dayofweek", "day_of_week");
  r.Alias("dayofyear", "day_of_year");

  r.Register("to_start_of_year", StartOfResolver("to_start_of_year", Unit::kYear, kDate));
  r.Register("to_start_of_quarter", StartOfResolver("to_start_of_quarter", Unit::kQuarter, kDate));
  r.Register("to_start_of_month", StartOfResolver("to_start_of_month", Unit::kMonth, kDate));
  r.Register("to_start_of_week", StartOfResolver("to_start_of_week", Unit::kSundayWeek, kDate));
  r.Register("to_monday", StartOfResolver("to_monday", Unit::kWeek, kDate));
  r.Register("to_start_of_day", StartOfResolver("to_start_of_day", Unit::kDay, kTimestamp));
  r.Register("to_start_of_hour", StartOfResolver("to_start_of_hour", Unit::kHour, kTimestamp));
  r.Register("to_start_of_minute",
             StartOfResolver("to_start_of_minute", Unit::kMinute, kTimestamp));
  r.Register("to_start_of_second",
             StartOfResolver("to_start_of_second", Unit::kSecond, kTimestamp));
  r.Register("date_trunc", ResolveDateTrunc);

  const std::pair<const char*, Unit> kAdds[] = {
      {"add_years", Unit::kYear},     {"add_quarters", Unit::kQuarter},
      {"add_months", Unit::kMonth},   {"add_weeks", Unit::kWeek},
      {"add_days", Unit::kDay},       {"add_hours", Unit::kHour},
      {"add_minutes", Unit::kMinute}, {"add_seconds", Unit::kSecond},
  };
  for (const auto& [name, unit] : kAdds) r.Register(name, AddResolver(name, unit));
  r.Register("date_diff", ResolveDateDiff);
}

}  // namespace strata
