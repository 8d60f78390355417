// UTF-8 character handling for string functions: counting, slicing and case mapping by code
// point. Invalid bytes are treated as one-byte characters, so no input makes these functions
// read out of bounds. All functions are pure and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace strata {

// Byte length of the character starting with byte `lead` (1 for invalid lead bytes).
inline size_t Utf8CharLen(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

// Number of characters in `s`.
size_t Utf8Length(std::string_view s);

// Byte offset of character `n` (0-based) in `s`; s.size() when s has fewer characters.
size_t Utf8Offset(std::string_view s, size_t n);

// Characters [start, start + count) of `s` (0-based, clamped to the string).
std::string_view Utf8Substr(std::string_view s, size_t start, size_t count);

// Appends `s` with its characters in reverse order.
void Utf8Reverse(std::string_view s, std::string* out);

// Appends `s` lower/upper-cased: ASCII, Latin-1, Greek and Cyrillic letters are mapped;
// every other character is copied unchanged.
void Utf8Lower(std::string_view s, std::string* out);
void Utf8Upper(std::string_view s, std::string* out);

}  // namespace strata
