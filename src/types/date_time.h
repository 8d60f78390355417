// Calendar arithmetic for DATE (days since 1970-01-01) and TIMESTAMP (microseconds since
// 1970-01-01 00:00:00 UTC). Proleptic Gregorian calendar, UTC only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace strata {

struct CivilDate {
  int64_t year;
  unsigned month;  // 1..12
  unsigned day;    // 1..31
};

int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d);
CivilDate CivilFromDays(int64_t days);

constexpr int64_t kMicrosPerSecond = 1000000;
constexpr int64_t kMicrosPerDay = 86400LL * kMicrosPerSecond;

// "2024-01-31"
std::string FormatDate(int32_t days);
// "2024-01-31 12:34:56.000000"
std::string FormatTimestamp(int64_t micros);

// Accepts "YYYY-MM-DD". Error 1079 InvalidDate otherwise.
Result<int32_t> ParseDate(std::string_view text);
// Accepts "YYYY-MM-DD", "YYYY-MM-DD HH:MM:SS[.ffffff]", 'T' as separator, optional
// trailing 'Z'. Error 1080 InvalidTimestamp otherwise.
Result<int64_t> ParseTimestamp(std::string_view text);

}  // namespace strata
