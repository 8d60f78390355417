// Validation of object keys, shared by every ObjectStore backend so that a key one backend
// accepts is accepted by all (tables move between local and S3 storage unchanged).
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"

namespace strata {

// OK when `key` is a usable object key: non-empty, relative ('/' not first), no "." or ".."
// component, no empty component, no NUL byte. Otherwise BadArguments naming `op` and the
// key. Rejecting ".." and absolute keys keeps every key inside its store's root.
Status CheckObjectKey(std::string_view op, std::string_view key);

// A List prefix: like a key, but empty is allowed and it may end in '/'.
Status CheckListPrefix(std::string_view prefix);

}  // namespace strata
