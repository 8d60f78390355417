// Process-wide memory allocator settings for programs built on strata (the CLI, later the
// server). Not done by Database::Open: a library should not change its host's allocator.
#pragma once

namespace strata {

// Scans allocate and free column buffers of a few MB for every chunk. By default glibc
// serves those with mmap and hands freed heap back to the kernel at once, so every chunk
// pays for page faults and zeroing fresh pages (measured: 2-3x the whole query time).
// Keeps such buffers in the heap for reuse: mmap only above 32 MiB (glibc's maximum for
// this setting) and trim the heap only when 512 MiB are free at its top. Call once, early.
void TuneAllocatorForScans();

}  // namespace strata
