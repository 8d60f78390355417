#include "storage/large_buffer.h"

#include <sys/mman.h>

#include <cstdint>

namespace strata {

std::string MakeLargeString(size_t size) {
  constexpr size_t kHugeAdviceFrom = 4u << 20;
  std::string out;
  if (size >= kHugeAdviceFrom) {
    out.reserve(size);  // allocates without touching the pages
    constexpr uintptr_t kPage = 4096;
    uintptr_t begin = reinterpret_cast<uintptr_t>(out.data());
    uintptr_t aligned = (begin + kPage - 1) & ~(kPage - 1);
    uintptr_t end = (begin + size) & ~(kPage - 1);
    // Only advice: where huge pages are unavailable the buffer works as before.
    if (end > aligned) {
      (void)madvise(reinterpret_cast<void*>(aligned), end - aligned, MADV_HUGEPAGE);
    }
  }
  out.resize(size);
  return out;
}

}  // namespace strata
