#include "storage/s3/http_time.h"

#include <ctime>
#include <string>

namespace strata::s3 {
namespace {

bool ReadInt(std::string_view s, size_t pos, size_t len, int* out) {
  if (pos + len > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + len; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

std::optional<int64_t> ToEpochMs(int year, int mon, int day, int hour, int min, int sec, int ms) {
  if (mon < 1 || mon > 12 || day < 1 || day > 31 || hour > 23 || min > 59 || sec > 60) {
    return std::nullopt;
  }
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = mon - 1;
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = min;
  tm.tm_sec = sec;
  return static_cast<int64_t>(timegm(&tm)) * 1000 + ms;
}

}  // namespace

std::optional<int64_t> ParseIso8601Ms(std::string_view s) {
  int y, mo, d, h, mi, se;
  if (!ReadInt(s, 0, 4, &y) || s.size() < 19 || s[4] != '-' || !ReadInt(s, 5, 2, &mo) ||
      s[7] != '-' || !ReadInt(s, 8, 2, &d) || (s[10] != 'T' && s[10] != ' ') ||
      !ReadInt(s, 11, 2, &h) || s[13] != ':' || !ReadInt(s, 14, 2, &mi) || s[16] != ':' ||
      !ReadInt(s, 17, 2, &se)) {
    return std::nullopt;
  }
  size_t pos = 19;
  int ms = 0;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    int digits = 0;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
      if (digits < 3) ms = ms * 10 + (s[pos] - '0');
      ++digits;
      ++pos;
    }
    if (digits == 0) return std::nullopt;
    for (int i = digits; i < 3; ++i) ms *= 10;
  }
  std::string_view zone = s.substr(pos);
  if (zone != "Z" && zone != "+00:00" && !zone.empty()) return std::nullopt;
  return ToEpochMs(y, mo, d, h, mi, se, ms);
}

std::optional<int64_t> ParseHttpDateMs(std::string_view s) {
  // "Wed, 25 Nov 2026 02:42:28 GMT"
  static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  size_t comma = s.find(", ");
  if (comma == std::string_view::npos) return std::nullopt;
  std::string_view r = s.substr(comma + 2);
  int d, y, h, mi, se;
  if (r.size() < 20 || !ReadInt(r, 0, 2, &d) || r[2] != ' ' || r[6] != ' ' ||
      !ReadInt(r, 7, 4, &y) || r[11] != ' ' || !ReadInt(r, 12, 2, &h) || r[14] != ':' ||
      !ReadInt(r, 15, 2, &mi) || r[17] != ':' || !ReadInt(r, 18, 2, &se)) {
    return std::nullopt;
  }
  int mo = 0;
  for (int i = 0; i < 12; ++i) {
    if (r.substr(3, 3) == kMonths[i]) mo = i + 1;
  }
  if (mo == 0) return std::nullopt;
  return ToEpochMs(y, mo, d, h, mi, se, 0);
}

}  // namespace strata::s3
