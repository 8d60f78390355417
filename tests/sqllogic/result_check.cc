#include "sqllogic/result_check.h"

#include <algorithm>
#include <cctype>
#include <regex>

#include "cli/cell_text.h"

namespace strata::sqllogic {

namespace {

// Larger diffs are shown as two plain listings instead of an LCS table.
constexpr size_t kMaxDiffCells = 4'000'000;

std::vector<std::string> SplitWords(std::string_view s) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    size_t start = i;
    while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    if (i > start) words.emplace_back(s.substr(start, i - start));
  }
  return words;
}

bool AllDigits(std::string_view s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

// Turns a Rust-regex-style pattern into an ECMAScript one: leading inline flags (?s),
// (?i), (?si) are removed and applied; with dot-all, '.' outside a class matches any char.
std::optional<std::regex> CompilePattern(std::string_view pattern) {
  bool dot_all = false;
  bool icase = false;
  while (pattern.size() >= 4 && pattern.substr(0, 2) == "(?") {
    size_t close = pattern.find(')');
    if (close == std::string_view::npos) break;
    std::string_view flags = pattern.substr(2, close - 2);
    if (flags.find_first_not_of("si") != std::string_view::npos) break;
    dot_all |= flags.find('s') != std::string_view::npos;
    icase |= flags.find('i') != std::string_view::npos;
    pattern.remove_prefix(close + 1);
  }
  std::string converted;
  bool in_class = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      converted.push_back(c);
      converted.push_back(pattern[++i]);
      continue;
    }
    if (in_class && c == ']')
      in_class = false;
    else if (!in_class && c == '[')
      in_class = true;
    if (dot_all && !in_class && c == '.') {
      converted.append("[\\s\\S]");
    } else {
      converted.push_back(c);
    }
  }
  try {
    auto flags = std::regex::ECMAScript;
    if (icase) flags |= std::regex::icase;
    return std::regex(converted, flags);
  } catch (const std::regex_error&) {
    return std::nullopt;
  }
}

}  // namespace

std::vector<std::vector<std::string>> RenderRows(const QueryResult& result) {
  std::vector<std::vector<std::string>> rows;
  for (const Chunk& chunk : result.chunks) {
    for (size_t r = 0; r < chunk.num_rows(); ++r) {
      std::vector<std::string> row;
      row.reserve(chunk.num_columns());
      for (size_t c = 0; c < chunk.num_columns(); ++c) {
        const Column& col = *chunk.column(c);
        std::string cell;
        if (IsNullCell(col, r)) {
          cell = "NULL";
        } else {
          AppendCellText(col, r, &cell);
          if (cell.empty()) cell = "(empty)";
        }
        row.push_back(std::move(cell));
      }
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

std::string NormalizeLine(std::string_view line) {
  std::string out;
  for (const std::string& w : SplitWords(line)) {
    if (!out.empty()) out.push_back(' ');
    out.append(w);
  }
  return out;
}

QueryComparison CompareQueryResult(const Record& record, const QueryResult& result) {
  QueryComparison cmp;
  if (!record.types.empty() && record.types.size() != result.schema.size()) {
    cmp.problem = "the record declares " + std::to_string(record.types.size()) + " column(s) (`" +
                  record.types + "`) but the result has " + std::to_string(result.schema.size());
    return cmp;
  }
  std::vector<std::vector<std::string>> rows = RenderRows(result);
  if (record.sort_mode == SortMode::kValueSort) {
    for (const auto& row : rows) {
      for (const auto& cell : row) {
        for (std::string& w : SplitWords(cell)) cmp.actual.push_back(std::move(w));
      }
    }
    for (const std::string& line : record.expected) {
      for (std::string& w : SplitWords(line)) cmp.expected.push_back(std::move(w));
    }
    std::sort(cmp.actual.begin(), cmp.actual.end());
    std::sort(cmp.expected.begin(), cmp.expected.end());
  } else {
    for (const auto& row : rows) {
      std::string line;
      for (size_t c = 0; c < row.size(); ++c) {
        if (c > 0) line.push_back(' ');
        line.append(row[c]);
      }
      cmp.actual.push_back(NormalizeLine(line));
    }
    for (const std::string& line : record.expected) cmp.expected.push_back(NormalizeLine(line));
    if (record.sort_mode == SortMode::kRowSort) {
      std::sort(cmp.actual.begin(), cmp.actual.end());
      std::sort(cmp.expected.begin(), cmp.expected.end());
    }
  }
  cmp.matches = cmp.actual == cmp.expected;
  return cmp;
}

bool ErrorMatches(const Record& record, const Status& error) {
  if (error.ok()) return false;
  const std::string& pattern = record.error_pattern;
  if (pattern.empty()) return true;
  std::string text = error.ToString();
  if (record.error_is_literal) return text.find(pattern) != std::string::npos;
  if (AllDigits(pattern)) return std::to_string(static_cast<int>(error.code())) == pattern;
  std::optional<std::regex> re = CompilePattern(pattern);
  if (!re) return text.find(pattern) != std::string::npos;
  return std::regex_search(text, *re);
}

std::vector<std::string> DiffLines(const std::vector<std::string>& expected,
                                   const std::vector<std::string>& actual) {
  const size_t n = expected.size();
  const size_t m = actual.size();
  std::vector<std::string> out;
  if ((n + 1) * (m + 1) > kMaxDiffCells) {
    for (const auto& l : expected) out.push_back("- " + l);
    for (const auto& l : actual) out.push_back("+ " + l);
    return out;
  }
  // lcs[i][j]: length of the longest common subsequence of expected[i..] and actual[j..].
  std::vector<std::vector<uint32_t>> lcs(n + 1, std::vector<uint32_t>(m + 1, 0));
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      lcs[i][j] =
          expected[i] == actual[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  size_t i = 0;
  size_t j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && expected[i] == actual[j]) {
      out.push_back("  " + expected[i]);
      ++i, ++j;
    } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      out.push_back("- " + expected[i++]);
    } else {
      out.push_back("+ " + actual[j++]);
    }
  }
  return out;
}

}  // namespace strata::sqllogic
