// ASCII case folding for keywords, names, option keys and HTTP header names. Only A-Z
// change, so UTF-8 text passes through untouched (unlike locale-dependent folding).
#pragma once

#include <string>
#include <string_view>

namespace strata {

inline char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

}  // namespace strata
