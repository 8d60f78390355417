// LIKE pattern matching. '%' matches any run of characters (also none), '_' exactly one UTF-8
// character, and the escape character (default backslash) makes the character after it
// literal. A trailing lone escape matches itself. Comparison is case-sensitive and bytewise.
//
// Common shapes ('abc', 'abc%', '%abc', '%abc%') are matched with plain string searches.
// Thread-safety: immutable after construction; Matches() may be called from many threads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace strata {

class LikeMatcher {
 public:
  explicit LikeMatcher(std::string_view pattern, char escape = '\\');

  bool Matches(std::string_view s) const;

 private:
  // One piece of a '%'-free segment: a literal run or a single '_'.
  struct Item {
    bool any_char;
    std::string literal;
  };
  using Segment = std::vector<Item>;
  enum class Kind { kExact, kPrefix, kSuffix, kContains, kGeneral };

  // End of `seg` matched at s[pos], or npos.
  static size_t MatchAt(const Segment& seg, std::string_view s, size_t pos);

  Kind kind_ = Kind::kGeneral;
  std::string literal_;            // fast kinds
  std::vector<Segment> segments_;  // general: the pieces between '%'
  bool leading_any_ = false;
  bool trailing_any_ = false;
};

}  // namespace strata
