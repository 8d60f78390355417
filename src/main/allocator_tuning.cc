#include "main/allocator_tuning.h"

#include <malloc.h>

namespace strata {

void TuneAllocatorForScans() {
  // mallopt returns 0 when a value is refused; the defaults then stay, which is only slower.
  (void)mallopt(M_MMAP_THRESHOLD, 32 << 20);
  (void)mallopt(M_TRIM_THRESHOLD, 512 << 20);
}

}  // namespace strata
