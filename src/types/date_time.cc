#include "types/date_time.h"

#include <cctype>
#include <cstdio>

namespace strata {

// Howard Hinnant's days-from-civil algorithm (public domain description).
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

CivilDate CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return CivilDate{y + (m <= 2), m, d};
}

std::string FormatDate(int32_t days) {
  CivilDate c = CivilFromDays(days);
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%04lld-%02u-%02u", static_cast<long long>(c.year), c.month,
                c.day);
  return buf;
}

std::string FormatTimestamp(int64_t micros) {
  int64_t days = micros / kMicrosPerDay;
  int64_t rem = micros % kMicrosPerDay;
  if (rem < 0) {
    rem += kMicrosPerDay;
    --days;
  }
  CivilDate c = CivilFromDays(days);
  int64_t secs = rem / kMicrosPerSecond;
  int64_t frac = rem % kMicrosPerSecond;
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%04lld-%02u-%02u %02lld:%02lld:%02lld.%06lld",
                static_cast<long long>(c.year), c.month, c.day,
                static_cast<long long>(secs / 3600), static_cast<long long>(secs / 60 % 60),
                static_cast<long long>(secs % 60), static_cast<long long>(frac));
  return buf;
}

namespace {

bool ReadDigits(std::string_view s, size_t& pos, size_t min, size_t max, int64_t& out) {
  size_t start = pos;
  out = 0;
  while (pos < s.size() && pos - start < max && std::isdigit(static_cast<unsigned char>(s[pos]))) {
    out = out * 10 + (s[pos] - '0');
    ++pos;
  }
  return pos - start >= min;
}

bool DaysInMonthOk(int64_t y, int64_t m, int64_t d) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int max = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  return d <= max;
}

bool ParseDatePart(std::string_view s, size_t& pos, int64_t& days) {
  int64_t y, m, d;
  if (!ReadDigits(s, pos, 4, 4, y) || pos >= s.size() || s[pos++] != '-') return false;
  if (!ReadDigits(s, pos, 1, 2, m) || pos >= s.size() || s[pos++] != '-') return false;
  if (!ReadDigits(s, pos, 1, 2, d)) return false;
  if (!DaysInMonthOk(y, m, d)) return false;
  days = DaysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

}  // namespace

Result<int32_t> ParseDate(std::string_view text) {
  std::string_view s = Trim(text);
  size_t pos = 0;
  int64_t days;
  if (!ParseDatePart(s, pos, days) || pos != s.size()) {
    return Error(ErrorCode::InvalidDate, "cannot parse '" + std::string(text) + "' as DATE");
  }
  return static_cast<int32_t>(days);
}

Result<int64_t> ParseTimestamp(std::string_view text) {
  std::string_view s = Trim(text);
  auto fail = [&] {
    return Error(ErrorCode::InvalidTimestamp,
                 "cannot parse '" + std::string(text) + "' as TIMESTAMP");
  };
  size_t pos = 0;
  int64_t days;
  if (!ParseDatePart(s, pos, days)) return fail();
  int64_t micros = days * kMicrosPerDay;
  if (pos < s.size() && (s[pos] == ' ' || s[pos] == 'T')) {
    ++pos;
    int64_t h, mi, sec = 0;
    if (!ReadDigits(s, pos, 1, 2, h) || pos >= s.size() || s[pos++] != ':') return fail();
    if (!ReadDigits(s, pos, 1, 2, mi)) return fail();
    if (pos < s.size() && s[pos] == ':') {
      ++pos;
      if (!ReadDigits(s, pos, 1, 2, sec)) return fail();
    }
    if (h > 23 || mi > 59 || sec > 59) return fail();
    int64_t frac = 0;
    if (pos < s.size() && s[pos] == '.') {
      ++pos;
      size_t start = pos;
      int64_t digits;
      if (!ReadDigits(s, pos, 1, 9, digits)) return fail();
      size_t n = pos - start;
      frac = digits;
      for (size_t i = n; i < 6; ++i) frac *= 10;
      for (size_t i = 6; i < n; ++i) frac /= 10;
    }
    micros += (h * 3600 + mi * 60 + sec) * kMicrosPerSecond + frac;
  }
  if (pos < s.size() && s[pos] == 'Z') ++pos;
  if (pos != s.size()) return fail();
  return micros;
}

}  // namespace strata
