#include "sql/token.h"

#include <algorithm>
#include <array>
#include <utility>

namespace strata::sql {

namespace {

struct KeywordInfo {
  std::string_view spelling;
  bool reserved;
};

constexpr KeywordInfo kKeywords[] = {{"", false},
#define STRATA_X(name, spelling, reserved) {spelling, reserved},
                                     STRATA_SQL_KEYWORDS(STRATA_X)
#undef STRATA_X
};

constexpr size_t kNumKeywords = sizeof(kKeywords) / sizeof(kKeywords[0]);

// Lowercased spellings sorted for binary search, built once.
struct KeywordIndex {
  std::array<std::pair<std::string, Keyword>, kNumKeywords - 1> entries;
  size_t max_length = 0;

  KeywordIndex() {
    for (size_t i = 1; i < kNumKeywords; ++i) {
      std::string lower(kKeywords[i].spelling);
      for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      max_length = std::max(max_length, lower.size());
      entries[i - 1] = {std::move(lower), static_cast<Keyword>(i)};
    }
    std::sort(entries.begin(), entries.end());
  }
};

const KeywordIndex& Index() {
  static const KeywordIndex index;
  return index;
}

}  // namespace

std::string_view KeywordSpelling(Keyword k) {
  size_t i = static_cast<size_t>(k);
  return i < kNumKeywords ? kKeywords[i].spelling : std::string_view();
}

bool IsReservedKeyword(Keyword k) {
  size_t i = static_cast<size_t>(k);
  return i < kNumKeywords && kKeywords[i].reserved;
}

Keyword LookupKeyword(std::string_view lowercase_word) {
  const KeywordIndex& index = Index();
  if (lowercase_word.size() > index.max_length) return Keyword::None;
  auto it = std::lower_bound(
      index.entries.begin(), index.entries.end(), lowercase_word,
      [](const std::pair<std::string, Keyword>& e, std::string_view w) { return e.first < w; });
  if (it != index.entries.end() && it->first == lowercase_word) return it->second;
  return Keyword::None;
}

}  // namespace strata::sql
