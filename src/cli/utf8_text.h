// UTF-8 decoding and terminal display width, for aligning table output and for escaping
// JSON. Locale-independent: the width table is built in, so output does not depend on
// LC_CTYPE and tests are deterministic.
//
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <string_view>

namespace strata {

struct Utf8Char {
  char32_t code_point = 0;
  size_t length = 1;   // bytes consumed, at least 1
  bool valid = false;  // false: an invalid or truncated sequence; length is then 1
};

// Decodes the character starting at text[pos]. REQUIRES: pos < text.size().
Utf8Char DecodeUtf8(std::string_view text, size_t pos);

// Columns a terminal uses for `cp`: 0 for combining marks and zero-width characters,
// 2 for East Asian wide/fullwidth characters and emoji, 1 otherwise.
int CodePointWidth(char32_t cp);

// Sum of CodePointWidth over the decoded text; an invalid byte counts as one column.
size_t DisplayWidth(std::string_view text);

// The longest prefix of `text` that fits in `max_width` columns, cut on a character
// boundary.
std::string_view TruncateToWidth(std::string_view text, size_t max_width);

}  // namespace strata
