// The strata release version, defined once; `strata --version` and the HTTP server print it.
#pragma once

#include <string_view>

namespace strata {

inline constexpr std::string_view kStrataVersion = "0.1.0";

}  // namespace strata
