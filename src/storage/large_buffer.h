// Allocation of large result strings (whole objects, big ranges).
//
// First-touch page faults on a fresh multi-megabyte buffer cost far more CPU than copying
// the data into it (on this project's VMs, ~1.3 s for 256 MiB in 4 KiB pages versus ~40 ms
// with 2 MiB pages), so big buffers ask the kernel for transparent huge pages.
#pragma once

#include <cstddef>
#include <string>

namespace strata {

// A string of `size` zero bytes; from 4 MiB up its memory is advised for huge pages.
std::string MakeLargeString(size_t size);

}  // namespace strata
