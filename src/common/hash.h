// Fast non-cryptographic hashing for in-memory tables (GROUP BY, joins, Parquet
// dictionaries). Not stable across versions: never persist these values.
#pragma once

#include <cstdint>
#include <cstring>

namespace strata {

// Scrambles all 64 bits (the murmur3 finaliser), so low bits make good bucket indexes.
inline uint64_t HashMix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

inline uint64_t HashBytes(const char* p, size_t n) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ULL;
  if (n >= 8 && n <= 16) {
    // One or two numbers (with their NULL flags in group keys): two overlapping loads.
    uint64_t a, b;
    std::memcpy(&a, p, 8);
    std::memcpy(&b, p + n - 8, 8);
    return HashMix((a * kMul) ^ ((b << 29) | (b >> 35)) ^ n);
  }
  uint64_t h = kMul ^ (n * 0x100000001B3ULL);
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * kMul;
    h = (h << 31) | (h >> 33);
    p += 8;
    n -= 8;
  }
  uint64_t tail = 0;
  for (size_t i = 0; i < n; ++i) {
    tail |= static_cast<uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  }
  h = (h ^ tail) * kMul;
  return HashMix(h);
}

}  // namespace strata
