// Random (version 4) UUIDs that name a table's blocks, segments and snapshots. Random
// names mean concurrent writers never pick the same key, so no write ever overwrites
// another's object.
//
// Thread-safety: safe to call from many threads.
#pragma once

#include <string>

#include "common/status.h"

namespace strata {

// "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", lowercase hex, from OpenSSL's CSPRNG.
// Error 1001 Internal if the generator cannot be seeded.
Result<std::string> NewUuidV4();

}  // namespace strata
