// How the runner decides whether a record passed: rendering result cells, normalising
// lines, sorting for rowsort/valuesort, and matching expected errors.
//
// Cells render as the CLI prints them (cli/cell_text.h), with NULL as `NULL` and the
// empty string as `(empty)`. A result row is its cells joined by one space; expected and
// actual lines are compared after collapsing runs of whitespace and trimming, so
// columns may be separated by any blanks in the .test file.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "main/database.h"
#include "sqllogic/test_file.h"

namespace strata::sqllogic {

// Each row's cells as the runner shows them.
std::vector<std::vector<std::string>> RenderRows(const QueryResult& result);

// Runs of whitespace become one space; leading and trailing whitespace go.
std::string NormalizeLine(std::string_view line);

struct QueryComparison {
  bool matches = false;
  std::string problem;  // when !matches and the rows were not even comparable
  // The lines compared, after normalisation and sorting, for a diff.
  std::vector<std::string> expected;
  std::vector<std::string> actual;
};

// Compares a query's result with the record's expectation (column count from the type
// letters, then rows in the record's sort mode).
QueryComparison CompareQueryResult(const Record& record, const QueryResult& result);

// True when `error` is what the record expects:
//   empty pattern  -> any error;
//   literal        -> the pattern is a substring of "[code] message";
//   all digits     -> the error code equals it;
//   otherwise      -> a regex searched in "[code] message". A leading (?s) lets '.'
//                     match newlines; (?i) ignores case. A pattern that is not a valid
//                     regex is matched as a substring.
bool ErrorMatches(const Record& record, const Status& error);

// A line diff of expected vs actual: "  " common, "- " expected only, "+ " actual only.
std::vector<std::string> DiffLines(const std::vector<std::string>& expected,
                                   const std::vector<std::string>& actual);

}  // namespace strata::sqllogic
