#include "cli/quantity_text.h"

#include <fmt/format.h>

namespace strata {

std::string FormatBytes(uint64_t bytes) {
  static const char* const kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
  if (bytes < 1024) return fmt::format("{} B", bytes);
  double v = static_cast<double>(bytes);
  size_t unit = 0;
  while (v >= 1024 && unit + 1 < std::size(kUnits)) {
    v /= 1024;
    ++unit;
  }
  return fmt::format("{:.1f} {}", v, kUnits[unit]);
}

std::string FormatRows(uint64_t rows) {
  return fmt::format("{} {}", rows, rows == 1 ? "row" : "rows");
}

std::string FormatSeconds(double seconds) { return fmt::format("{:.3f}", seconds); }

}  // namespace strata
