#include "execution/like_matcher.h"

#include "execution/utf8.h"

namespace strata {

LikeMatcher::LikeMatcher(std::string_view pattern, char escape) {
  // Split into '%'-separated segments of literal runs and '_' items.
  segments_.emplace_back();
  bool has_any_char = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    Segment& seg = segments_.back();
    if (c == escape && i + 1 < pattern.size()) {
      c = pattern[++i];
    } else if (c == '%') {
      if (segments_.size() == 1 && seg.empty()) leading_any_ = true;
      if (!seg.empty() || segments_.size() == 1) segments_.emplace_back();
      trailing_any_ = true;
      continue;
    } else if (c == '_') {
      seg.push_back(Item{true, {}});
      has_any_char = true;
      trailing_any_ = false;
      continue;
    }
    if (seg.empty() || seg.back().any_char) seg.push_back(Item{false, {}});
    seg.back().literal.push_back(c);
    trailing_any_ = false;
  }
  if (segments_.size() > 1 && segments_.back().empty()) segments_.pop_back();
  if (segments_.size() > 1 && segments_.front().empty()) segments_.erase(segments_.begin());

  // Recognise the shapes a plain string search handles.
  bool single_literal = segments_.size() == 1 && segments_[0].size() <= 1 && !has_any_char;
  if (!single_literal) return;
  literal_ = segments_[0].empty() ? std::string() : segments_[0][0].literal;
  if (leading_any_ && trailing_any_) {
    kind_ = Kind::kContains;
  } else if (leading_any_) {
    kind_ = Kind::kSuffix;
  } else if (trailing_any_) {
    kind_ = Kind::kPrefix;
  } else {
    kind_ = Kind::kExact;
  }
}

size_t LikeMatcher::MatchAt(const Segment& seg, std::string_view s, size_t pos) {
  for (const Item& item : seg) {
    if (item.any_char) {
      if (pos >= s.size()) return std::string_view::npos;
      size_t len = Utf8CharLen(static_cast<unsigned char>(s[pos]));
      pos = pos + len <= s.size() ? pos + len : pos + 1;
    } else {
      if (s.compare(pos, item.literal.size(), item.literal) != 0 ||
          s.size() - pos < item.literal.size()) {
        return std::string_view::npos;
      }
      pos += item.literal.size();
    }
  }
  return pos;
}

bool LikeMatcher::Matches(std::string_view s) const {
  switch (kind_) {
    case Kind::kExact:
      return s == literal_;
    case Kind::kPrefix:
      return s.size() >= literal_.size() && s.compare(0, literal_.size(), literal_) == 0;
    case Kind::kSuffix:
      return s.size() >= literal_.size() &&
             s.compare(s.size() - literal_.size(), literal_.size(), literal_) == 0;
    case Kind::kContains:
      return s.find(literal_) != std::string_view::npos;
    case Kind::kGeneral:
      break;
  }
  constexpr size_t npos = std::string_view::npos;
  size_t n = segments_.size();
  size_t pos = 0;
  size_t first = 0;
  if (!leading_any_) {
    pos = MatchAt(segments_[0], s, 0);
    if (pos == npos) return false;
    first = 1;
    if (n == 1) return trailing_any_ || pos == s.size();
  }
  // Middle segments: leftmost match after the previous one (a '%' absorbs the gap).
  size_t last_fixed = trailing_any_ ? n : n - 1;
  for (size_t k = first; k < last_fixed; ++k) {
    size_t end = npos;
    for (size_t p = pos; p <= s.size(); ++p) {
      end = MatchAt(segments_[k], s, p);
      if (end != npos) break;
    }
    if (end == npos) return false;
    pos = end;
  }
  if (trailing_any_) return true;
  // The last segment must end exactly at the end of s.
  for (size_t p = pos; p <= s.size(); ++p) {
    if (MatchAt(segments_[n - 1], s, p) == s.size()) return true;
  }
  return false;
}

}  // namespace strata
