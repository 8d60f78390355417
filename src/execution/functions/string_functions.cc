// String functions. Positions and lengths count UTF-8 characters, 1-based like SQL:
//   lower upper length/char_length octet_length substr/substring(s, pos[, len]) left right
//   trim ltrim rtrim trim_both trim_leading trim_trailing replace starts_with ends_with
//   position/locate(needle, s[, from]) strpos/instr(s, needle) concat concat_ws reverse
//   repeat lpad rpad to_string/to_varchar
// Non-string arguments are cast to VARCHAR (numbers) or BIGINT (positions) implicitly.
#include <algorithm>
#include <cstring>

#include "execution/function_registry.h"
#include "execution/kernel_loops.h"
#include "execution/utf8.h"

namespace strata {

namespace {

const DataType kString(TypeId::String);
const DataType kInt64(TypeId::Int64);
const DataType kBool(TypeId::Boolean);

using StringFn = void (*)(std::string_view, std::string*);

// s -> s'
ScalarKernel StringToString(StringFn fn) {
  return [fn](const ScalarFunction&, const KernelInput& in) -> Result<ColumnPtr> {
    const Operand& a = in.args[0];
    return StringBuild(in.rows, in.validity,
                       [&](size_t i, std::string* out) { fn(StringAt(a, i), out); });
  };
}

std::string_view TrimSpaces(std::string_view s, bool left, bool right) {
  size_t b = 0, e = s.size();
  if (left) {
    while (b < e && s[b] == ' ') ++b;
  }
  if (right) {
    while (e > b && s[e - 1] == ' ') --e;
  }
  return s.substr(b, e - b);
}

// Removes repeated occurrences of `t` at the chosen ends of `s`.
std::string_view TrimString(std::string_view s, std::string_view t, bool left, bool right) {
  if (t.empty()) return s;
  if (left) {
    while (s.size() >= t.size() && s.substr(0, t.size()) == t) s.remove_prefix(t.size());
  }
  if (right) {
    while (s.size() >= t.size() && s.substr(s.size() - t.size()) == t) s.remove_suffix(t.size());
  }
  return s;
}

ScalarKernel TrimStringKernel(bool left, bool right) {
  return [=](const ScalarFunction&, const KernelInput& in) -> Result<ColumnPtr> {
    const Operand& s = in.args[0];
    const Operand& t = in.args[1];
    return StringBuild(in.rows, in.validity, [&](size_t i, std::string* out) {
      out->append(TrimString(StringAt(s, i), StringAt(t, i), left, right));
    });
  };
}

// SQL substring: 1-based `pos`, negative counts from the end, 0 yields ''.
std::string_view Substring(std::string_view s, int64_t pos, int64_t len) {
  if (pos == 0 || len <= 0) return {};
  size_t chars = Utf8Length(s);
  int64_t start;
  if (pos > 0) {
    start = pos - 1;
  } else {
    start = static_cast<int64_t>(chars) + pos;
    if (start < 0) return {};
  }
  if (start >= static_cast<int64_t>(chars)) return {};
  return Utf8Substr(s, static_cast<size_t>(start), static_cast<size_t>(len));
}

Result<ColumnPtr> SubstrKernel(const ScalarFunction&, const KernelInput& in) {
  const Operand& s = in.args[0];
  Reader<int64_t> pos(in.args[1]);
  bool has_len = in.args.size() > 2;
  return StringBuild(in.rows, in.validity, [&](size_t i, std::string* out) {
    int64_t len = has_len ? Reader<int64_t>(in.args[2])[i] : INT64_MAX;
    out->append(Substring(StringAt(s, i), pos[i], len));
  });
}

ScalarKernel LeftRightKernel(bool left) {
  return [left](const ScalarFunction&, const KernelInput& in) -> Result<ColumnPtr> {
    const Operand& s = in.args[0];
    Reader<int64_t> n(in.args[1]);
    return StringBuild(in.rows, in.validity, [&](size_t i, std::string* out) {
      int64_t k = n[i];
      if (k <= 0) return;
      std::string_view v = StringAt(s, i);
      size_t chars = Utf8Length(v);
      size_t take = std::min(static_cast<size_t>(k), chars);
      out->append(left ? Utf8Substr(v, 0, take) : Utf8Substr(v, chars - take, take));
    });
  };
}

Result<ColumnPtr> LengthKernel(const ScalarFunction& f, const KernelInput& in) {
  auto out = NewFixedColumn(f.return_type, in.rows);
  int64_t* o = out->Data<int64_t>();
  for (size_t i = 0; i < in.rows; ++i) {
    o[i] = static_cast<int64_t>(Utf8Length(StringAt(in.args[0], i)));
  }
  return out;
}

Result<ColumnPtr> OctetLengthKernel(const ScalarFunction& f, const KernelInput& in) {
  auto out = NewFixedColumn(f.return_type, in.rows);
  int64_t* o = out->Data<int64_t>();
  for (size_t i = 0; i < in.rows; ++i) o[i] = static_cast<int64_t>(StringAt(in.args[0], i).size());
  return out;
}

// 1-based character position of `needle` in `hay` at or after character `from`; 0 if absent.
int64_t Locate(std::string_view needle, std::string_view hay, int64_t from) {
  if (from < 1 || static_cast<size_t>(from) > Utf8Length(hay) + 1) return 0;
  size_t start = Utf8Offset(hay, static_cast<size_t>(from - 1));
  size_t at = hay.find(needle, start);
  if (at == std::string_view::npos) return 0;
  return static_cast<int64_t>(Utf8Length(hay.substr(0, at))) + 1;
}

// needle_first: position/locate(needle, hay[, from]); otherwise strpos/instr(hay, needle).
ScalarKernel LocateKernel(bool needle_first) {
  return [needle_first](const ScalarFunction& f, const KernelInput& in) -> Result<ColumnPtr> {
    auto out = NewFixedColumn(f.return_type, in.rows);
    int64_t* o = out->Data<int64_t>();
    const Operand& needle = in.args[needle_first ? 0 : 1];
    const Operand& hay = in.args[needle_first ? 1 : 0];
    bool has_from = in.args.size() > 2;
    for (size_t i = 0; i < in.rows; ++i) {
      if (in.validity != nullptr && !in.validity[i]) continue;
      int64_t from = has_from ? Reader<int64_t>(in.args[2])[i] : 1;
      o[i] = Locate(StringAt(needle, i), StringAt(hay, i), from);
    }
    return out;
  };
}

ScalarKernel AffixKernel(bool prefix) {
  return [prefix](const ScalarFunction& f, const KernelInput& in) -> Result<ColumnPtr> {
    auto out = NewFixedColumn(f.return_type, in.rows);
    uint8_t* o = out->Data<uint8_t>();
    for (size_t i = 0; i < in.rows; ++i) {
      std::string_view s = StringAt(in.args[0], i), p = StringAt(in.args[1], i);
      bool hit = s.size() >= p.size() &&
                 (prefix ? s.substr(0, p.size()) == p : s.substr(s.size() - p.size()) == p);
      o[i] = hit ? 1 : 0;
    }
    return out;
  };
}

Result<ColumnPtr> ReplaceKernel(const ScalarFunction&, const KernelInput& in) {
  return StringBuild(in.rows, in.validity, [&](size_t i, std::string* out) {
    std::string_view s = StringAt(in.args[0], i);
    std::string_view from = StringAt(in.args[1], i);
    std::string_view to = StringAt(in.args[2], i);
    if (from.empty()) {
      out->append(s);
      return;
    }
    size_t pos = 0;
    for (size_t at; (at = s.find(from, pos)) != std::string_view::npos; pos = at + from.size()) {
      out->append(s.substr(pos, at - pos));
      out->append(to);
    }
    out->append(s.substr(pos));
  });
}

Result<ColumnPtr> ConcatKernel(const ScalarFunction&, const KernelInput& in) {
  return StringBuild(in.rows, in.validity, [&](size_t i, std::string* out) {
    for (const Operand& a : in.args) out->append(StringAt(a, i));
  });
}

// concat_ws(sep, ...): NULL separator -> NULL; NULL arguments are skipped.
Result<ColumnPtr> ConcatWsKernel(const ScalarFunction&, const KernelInput& in) {
  const Operand& sep = in.args[0];
  std::vector<uint8_t> validity;
  ColumnPtr out = StringBuild(in.rows, nullptr, [&](size_t i, std::string* o) {
    if (sep.IsNullAt(i)) {
      if (validity.empty()) validity.assign(in.rows, 1);
      validity[i] = 0;
      return;
    }
    bool first = true;
    for (size_t k = 1; k < in.args.size(); ++k) {
      if (in.args[k].IsNullAt(i)) continue;
      if (!first) o->append(StringAt(sep, i));
      o->append(StringAt(in.args[k], i));
      first = false;
    }
  });
  ApplyValidity(out.get(), validity);
  return out;
}

Result<ColumnPtr> RepeatKernel(const ScalarFunction&, const KernelInput& in) {
  constexpr int64_t kMaxRepeat = 1000000;
  Reader<int64_t> n(in.args[1]);
  for (size_t i = 0; i < in.rows; ++i) {
    if ((in.validity == nullptr || in.validity[i]) && n[i] > kMaxRepeat) {
      return Error(ErrorCode::BadArguments, "Too many times to repeat: (" + std::to_string(n[i]) +
                                                "), maximum is: " + std::to_string(kMaxRepeat));
    }
  }
  return StringBuild(in.rows, in.validity, [&](size_t i, std::string* out) {
    std::string_view s = StringAt(in.args[0], i);
    for (int64_t k = 0; k < n[i]; ++k) out->append(s);
  });
}

ScalarKernel PadKernel(bool left) {
  return [left](const ScalarFunction&, const KernelInput& in) -> Result<ColumnPtr> {
    Reader<int64_t> len(in.args[1]);
    return StringBuild(in.rows, in.validity, [&](size_t i, std::string* out) {
      std::string_view s = StringAt(in.args[0], i);
      std::string_view pad = StringAt(in.args[2], i);
      int64_t want = std::max<int64_t>(0, std::min<int64_t>(len[i], 1000000));
      size_t chars = Utf8Length(s);
      if (static_cast<size_t>(want) <= chars || pad.empty()) {
        out->append(Utf8Substr(s, 0, static_cast<size_t>(want)));
        return;
      }
      size_t need = static_cast<size_t>(want) - chars;
      size_t pad_chars = Utf8Length(pad);
      std::string filler;
      while (need > 0) {
        size_t take = std::min(need, pad_chars);
        filler.append(Utf8Substr(pad, 0, take));
        need -= take;
      }
      if (left) {
        out->append(filler);
        out->append(s);
      } else {
        out->append(s);
        out->append(filler);
      }
    });
  };
}

// The implicit cast to VARCHAR already did the work; NULLs pass through as they are.
Result<ColumnPtr> IdentityKernel(const ScalarFunction&, const KernelInput& in) {
  return in.args[0].column;
}

}  // namespace

void RegisterStringFunctions(FunctionRegistry& r) {
  r.Register("lower", FixedSignature("lower", {kString}, kString, StringToString(Utf8Lower)));
  r.Register("upper", FixedSignature("upper", {kString}, kString, StringToString(Utf8Upper)));
  r.Alias("lcase", "lower");
  r.Alias("ucase", "upper");
  r.Register("reverse", FixedSignature("reverse", {kString}, kString, StringToString(Utf8Reverse)));
  r.Register("length", FixedSignature("length", {kString}, kInt64, LengthKernel));
  r.Alias("char_length", "length");
  r.Alias("character_length", "length");
  r.Register("octet_length", FixedSignature("octet_length", {kString}, kInt64, OctetLengthKernel));
  r.Register("substr", FixedSignature("substr", {kString, kInt64, kInt64}, kString, SubstrKernel,
                                      NullHandling::kPropagate, 2, 3));
  r.Alias("substring", "substr");
  r.Alias("mid", "substr");
  r.Register("left", FixedSignature("left", {kString, kInt64}, kString, LeftRightKernel(true)));
  r.Register("right", FixedSignature("right", {kString, kInt64}, kString, LeftRightKernel(false)));
  r.Register("trim", FixedSignature("trim", {kString}, kString,
                                    StringToString([](std::string_view s, std::string* o) {
                                      o->append(TrimSpaces(s, true, true));
                                    })));
  r.Register("ltrim", FixedSignature("ltrim", {kString}, kString,
                                     StringToString([](std::string_view s, std::string* o) {
                                       o->append(TrimSpaces(s, true, false));
                                     })));
  r.Register("rtrim", FixedSignature("rtrim", {kString}, kString,
                                     StringToString([](std::string_view s, std::string* o) {
                                       o->append(TrimSpaces(s, false, true));
                                     })));
  r.Register("trim_both", FixedSignature("trim_both", {kString, kString}, kString,
                                         TrimStringKernel(true, true)));
  r.Register("trim_leading", FixedSignature("trim_leading", {kString, kString}, kString,
                                            TrimStringKernel(true, false)));
  r.Register("trim_trailing", FixedSignature("trim_trailing", {kString, kString}, kString,
                                             TrimStringKernel(false, true)));
  r.Register("replace",
             FixedSignature("replace", {kString, kString, kString}, kString, ReplaceKernel));
  r.Register("starts_with",
             FixedSignature("starts_with", {kString, kString}, kBool, AffixKernel(true)));
  r.Register("ends_with",
             FixedSignature("ends_with", {kString, kString}, kBool, AffixKernel(false)));
  r.Register("position", FixedSignature("position", {kString, kString, kInt64}, kInt64,
                                        LocateKernel(true), NullHandling::kPropagate, 2, 3));
  r.Alias("locate", "position");
  r.Register("strpos", FixedSignature("strpos", {kString, kString}, kInt64, LocateKernel(false)));
  r.Alias("instr", "strpos");
  r.Register("concat", FixedSignature("concat", {kString}, kString, ConcatKernel,
                                      NullHandling::kPropagate, 1, SIZE_MAX));
  r.Alias("||", "concat");
  r.Register("concat_ws", FixedSignature("concat_ws", {kString, kString}, kString, ConcatWsKernel,
                                         NullHandling::kCustom, 2, SIZE_MAX));
  r.Register("repeat", FixedSignature("repeat", {kString, kInt64}, kString, RepeatKernel));
  r.Register("lpad", FixedSignature("lpad", {kString, kInt64, kString}, kString, PadKernel(true)));
  r.Register("rpad", FixedSignature("rpad", {kString, kInt64, kString}, kString, PadKernel(false)));
  r.Register("to_string", FixedSignature("to_string", {kString}, kString, IdentityKernel,
                                         NullHandling::kCustom));
  r.Alias("to_varchar", "to_string");
  r.Alias("to_text", "to_string");
}

}  // namespace strata
