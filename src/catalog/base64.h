// Base64 (RFC 4648) for sealed secrets and key text.
#pragma once

#include <string>
#include <string_view>

namespace strata {

// Standard alphabet with '=' padding.
std::string Base64Encode(std::string_view bytes);

// Accepts the standard and the URL-safe alphabet, with or without padding. Returns false
// (leaving *out unspecified) on any other character, misplaced padding or an impossible
// length.
bool Base64Decode(std::string_view text, std::string* out);

}  // namespace strata
