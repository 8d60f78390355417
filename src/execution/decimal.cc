#include "execution/decimal.h"

#include <algorithm>
#include <cctype>

namespace strata {

namespace {

struct Pow10Table {
  int128_t v[kMaxDecimalPrecision + 1];
  constexpr Pow10Table() : v() {
    v[0] = 1;
    for (int i = 1; i <= kMaxDecimalPrecision; ++i) v[i] = v[i - 1] * 10;
  }
};
constexpr Pow10Table kPow10;

int128_t Abs128(int128_t v) { return v < 0 ? -v : v; }

}  // namespace

int128_t Pow10(int n) { return kPow10.v[n]; }

bool FitsPrecision(int128_t v, int precision) {
  if (precision >= kMaxDecimalPrecision) {
    // |v| < 10^38 is the widest precision; int128 holds up to ~1.7e38.
    return Abs128(v) < kPow10.v[kMaxDecimalPrecision];
  }
  return Abs128(v) < kPow10.v[precision];
}

int128_t DivRound(int128_t v, int digits) {
  if (digits <= 0) return v;
  if (digits > kMaxDecimalPrecision) return 0;
  int128_t p = kPow10.v[digits];
  int128_t q = v / p;
  int128_t r = v % p;
  if (Abs128(r) * 2 >= p) q += v < 0 ? -1 : 1;
  return q;
}

bool Rescale(int128_t v, int from_scale, int to_scale, int128_t* out) {
  if (to_scale == from_scale) {
    *out = v;
    return true;
  }
  if (to_scale > from_scale) {
    int diff = to_scale - from_scale;
    if (diff > kMaxDecimalPrecision) return v == 0 ? (*out = 0, true) : false;
    return !__builtin_mul_overflow(v, kPow10.v[diff], out);
  }
  *out = DivRound(v, from_scale - to_scale);
  return true;
}

DecimalParse ParseDecimalText(std::string_view s, int precision, int scale, int128_t* out) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  s = s.substr(b, e - b);
  size_t pos = 0;
  bool neg = false;
  if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) neg = s[pos++] == '-';
  // Collect significant digits and the decimal exponent they carry.
  int128_t digits = 0;
  int ndigits = 0;   // significant digits kept in `digits`
  int exponent = 0;  // value = digits * 10^exponent
  bool any = false;
  int first_dropped = -1;  // first digit that did not fit, for rounding
  auto take = [&](int d, bool after_point) {
    any = true;
    if (ndigits == 0 && d == 0) {
      if (after_point) --exponent;
      return;
    }
    if (ndigits < kMaxDecimalPrecision) {
      digits = digits * 10 + d;
      ++ndigits;
      if (after_point) --exponent;
    } else {
      if (first_dropped < 0) first_dropped = d;
      if (!after_point) ++exponent;
    }
  };
  while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos])))
    take(s[pos++] - '0', false);
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) {
      take(s[pos++] - '0', true);
    }
  }
  if (!any) return DecimalParse::kInvalid;
  if (pos < s.size() && (s[pos] == 'e' || s[pos] == 'E')) {
    ++pos;
    bool eneg = false;
    if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) eneg = s[pos++] == '-';
    int ev = 0;
    bool edigit = false;
    while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) {
      if (ev < 10000) ev = ev * 10 + (s[pos] - '0');
      ++pos;
      edigit = true;
    }
    if (!edigit) return DecimalParse::kInvalid;
    exponent += eneg ? -ev : ev;
  }
  if (pos != s.size()) return DecimalParse::kInvalid;
  if (first_dropped >= 5) ++digits;  // half away from zero: the first dropped digit decides
  // Bring digits * 10^exponent to `scale` digits after the point.
  int shift = exponent + scale;
  int128_t v;
  if (digits == 0) {
    v = 0;
  } else if (shift >= 0) {
    if (shift > kMaxDecimalPrecision || __builtin_mul_overflow(digits, kPow10.v[shift], &v)) {
      return DecimalParse::kOverflow;
    }
  } else {
    v = DivRound(digits, -shift);
  }
  if (!FitsPrecision(v, precision)) return DecimalParse::kOverflow;
  *out = neg ? -v : v;
  return DecimalParse::kOk;
}

void AppendDecimal(int128_t unscaled, int scale, std::string* out) {
  char buf[64];
  int n = 0;
  bool neg = unscaled < 0;
  unsigned __int128 u =
      neg ? -static_cast<unsigned __int128>(unscaled) : static_cast<unsigned __int128>(unscaled);
  do {
    buf[n++] = static_cast<char>('0' + static_cast<int>(u % 10));
    u /= 10;
  } while (u > 0);
  while (n <= scale) buf[n++] = '0';  // at least one digit before the point
  if (neg) out->push_back('-');
  for (int i = n - 1; i >= 0; --i) {
    out->push_back(buf[i]);
    if (i == scale && scale > 0) out->push_back('.');
  }
}

std::string FormatDecimal(int128_t unscaled, int scale) {
  std::string s;
  AppendDecimal(unscaled, scale, &s);
  return s;
}

}  // namespace strata
