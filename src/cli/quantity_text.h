// Human-readable quantities for the CLI's progress line and result footers.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <string>

namespace strata {

// "0 B", "512 B", "1.5 KiB", "12.0 MiB", "3.2 GiB" (binary units, one decimal).
std::string FormatBytes(uint64_t bytes);

// "1 row" / "3 rows".
std::string FormatRows(uint64_t rows);

// Seconds with millisecond precision: "0.012".
std::string FormatSeconds(double seconds);

}  // namespace strata
