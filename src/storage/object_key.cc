#include "storage/object_key.h"

namespace strata {
namespace {

// Checks the components of `s`, a '/'-separated path; `allow_trailing_slash` lets the last
// component be empty (a prefix naming a "directory").
const char* KeyProblem(std::string_view s, bool allow_trailing_slash) {
  if (s.find('\0') != std::string_view::npos) return "contains a NUL byte";
  if (!s.empty() && s.front() == '/') return "must not start with '/'";
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find('/', start);
    if (end == std::string_view::npos) end = s.size();
    std::string_view part = s.substr(start, end - start);
    bool last = end == s.size();
    if (part.empty() && !(last && allow_trailing_slash)) return "has an empty path component";
    if (part == "." || part == "..") return "must not contain '.' or '..' components";
    start = end + 1;
  }
  return nullptr;
}

std::string Printable(std::string_view key) {
  std::string out;
  for (char c : key) out += (c == '\0') ? std::string("\\0") : std::string(1, c);
  return out;
}

}  // namespace

Status CheckObjectKey(std::string_view op, std::string_view key) {
  if (key.empty()) return Error(ErrorCode::BadArguments, std::string(op) + ": empty object key");
  if (const char* problem = KeyProblem(key, /*allow_trailing_slash=*/false)) {
    return Error(ErrorCode::BadArguments,
                 std::string(op) + ": invalid object key '" + Printable(key) + "': " + problem);
  }
  return Status::OK();
}

Status CheckListPrefix(std::string_view prefix) {
  if (prefix.empty()) return Status::OK();
  if (const char* problem = KeyProblem(prefix, /*allow_trailing_slash=*/true)) {
    return Error(ErrorCode::BadArguments,
                 "List: invalid prefix '" + Printable(prefix) + "': " + problem);
  }
  return Status::OK();
}

}  // namespace strata
