#include "table/uuid.h"

#include <openssl/rand.h>

#include <cstdint>

namespace strata {

Result<std::string> NewUuidV4() {
  uint8_t b[16];
  if (RAND_bytes(b, sizeof(b)) != 1) {
    return Error(ErrorCode::Internal, "cannot generate a random UUID: RAND_bytes failed");
  }
  b[6] = static_cast<uint8_t>((b[6] & 0x0f) | 0x40);  // version 4
  b[8] = static_cast<uint8_t>((b[8] & 0x3f) | 0x80);  // RFC 4122 variant
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(kHex[b[i] >> 4]);
    out.push_back(kHex[b[i] & 0x0f]);
  }
  return out;
}

}  // namespace strata
