#include "execution/utf8.h"

namespace strata {

namespace {

// Decodes the character at s[pos] (of byte length len). Invalid sequences decode to their
// first byte, which the case mappers leave alone.
uint32_t Decode(std::string_view s, size_t pos, size_t len) {
  auto b = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(s[pos + i])); };
  switch (len) {
    case 2:
      return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
    case 3:
      return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    case 4:
      return ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
    default:
      return b(0);
  }
}

void Encode(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

uint32_t ToLower(uint32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c < 0xC0) return c;
  if (c <= 0xDE && c != 0xD7) return c + 0x20;                  // Latin-1
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 0x20;  // Greek
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;                // Cyrillic
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;
  return c;
}

uint32_t ToUpper(uint32_t c) {
  if (c >= 'a' && c <= 'z') return c - 32;
  if (c < 0xE0) return c;
  if (c <= 0xFE && c != 0xF7) return c - 0x20;
  if (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2) return c - 0x20;
  if (c >= 0x430 && c <= 0x44F) return c - 0x20;
  if (c >= 0x450 && c <= 0x45F) return c - 0x50;
  return c;
}

// Byte length of the character at s[pos], never past the end of s.
size_t CharLenAt(std::string_view s, size_t pos) {
  size_t len = Utf8CharLen(static_cast<unsigned char>(s[pos]));
  return pos + len <= s.size() ? len : 1;
}

template <typename Map>
void MapCase(std::string_view s, std::string* out, Map map) {
  out->reserve(out->size() + s.size());
  for (size_t pos = 0; pos < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[pos]);
    if (c < 0x80) {
      out->push_back(static_cast<char>(map(c)));
      ++pos;
      continue;
    }
    size_t len = CharLenAt(s, pos);
    if (len == 1) {
      out->push_back(s[pos++]);
      continue;
    }
    Encode(map(Decode(s, pos, len)), out);
    pos += len;
  }
}

}  // namespace

size_t Utf8Length(std::string_view s) {
  size_t n = 0;
  // Count bytes that are not continuation bytes (10xxxxxx).
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

size_t Utf8Offset(std::string_view s, size_t n) {
  size_t pos = 0;
  while (n > 0 && pos < s.size()) {
    pos += CharLenAt(s, pos);
    --n;
  }
  return pos < s.size() ? pos : s.size();
}

std::string_view Utf8Substr(std::string_view s, size_t start, size_t count) {
  size_t b = Utf8Offset(s, start);
  std::string_view rest = s.substr(b);
  return rest.substr(0, Utf8Offset(rest, count));
}

void Utf8Reverse(std::string_view s, std::string* out) {
  size_t end = s.size();
  out->resize(out->size() + s.size());
  char* dst = out->data() + out->size() - s.size();
  // Walk forward, writing each character at the mirrored position.
  for (size_t pos = 0; pos < end;) {
    size_t len = CharLenAt(s, pos);
    for (size_t i = 0; i < len; ++i) dst[end - pos - len + i] = s[pos + i];
    pos += len;
  }
}

void Utf8Lower(std::string_view s, std::string* out) { MapCase(s, out, ToLower); }
void Utf8Upper(std::string_view s, std::string* out) { MapCase(s, out, ToUpper); }

}  // namespace strata
