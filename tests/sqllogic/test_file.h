// A parsed sqllogictest file, in Databend's dialect of the format:
//
//   # checks that … (leading comment lines describe the file)
//   require env STRATA_TEST_S3_ENDPOINT ...   (strata extension: skip the file unless set)
//
//   statement ok
//   CREATE TABLE t (a INT)
//
//   statement error 1025                      (a bare number: the error code must equal it)
//   SELECT * FROM nope
//
//   statement error (?s)unknown.*table        (otherwise a regex searched in "[code] msg")
//
//   query IT rowsort [label]                  (types: one letter per column)
//   SELECT a, b FROM t
//   ----
//   1 x
//   2 NULL
//
// Records are separated by blank lines. `statement error` may also give the expected
// message after a ---- line (matched as a substring). `query error <pattern>` is the query
// form of `statement error`. `skipif <engine>` / `onlyif <engine>` before a record drop it
// for strata; `halt` ends the file; `sleep <n>[ms|s]` pauses; `include <path>` inlines
// another file (relative to this one); `hash-threshold` and `control` lines are ignored.
//
// Thread-safety: plain data and a pure parser.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace strata::sqllogic {

// The engine name skipif/onlyif compare against.
inline constexpr std::string_view kEngineName = "strata";

enum class RecordKind { kStatement, kQuery, kHalt, kSleep };
enum class SortMode { kNoSort, kRowSort, kValueSort };

struct Record {
  RecordKind kind = RecordKind::kStatement;
  std::string file;  // the file the record came from (differs from TestFile::path for include)
  int line = 0;      // 1-based line of the record's directive
  std::string sql;   // statement text, lines joined with '\n'

  // `statement error` / `query error`.
  bool expect_error = false;
  std::string error_pattern;      // empty: any error
  bool error_is_literal = false;  // given after ----: a substring, not a regex

  // `query`.
  std::string types;
  SortMode sort_mode = SortMode::kNoSort;
  std::string label;
  std::vector<std::string> expected;  // one entry per expected line, as written

  // `sleep`.
  int sleep_ms = 0;
};

struct TestFile {
  std::string path;
  std::vector<std::string> description;   // the leading comment lines, '#' stripped
  std::vector<std::string> required_env;  // from `require env …`
  std::vector<Record> records;
};

// Reads a file's text; used for the file itself and for `include`.
using FileLoader = std::function<Result<std::string>(const std::string& path)>;

// Reads the file from disk.
Result<std::string> LoadFileFromDisk(const std::string& path);

// Parses `text` (the contents of `path`). Errors (code 1006) name path:line.
Result<TestFile> ParseTestFile(std::string_view text, const std::string& path,
                               const FileLoader& loader = LoadFileFromDisk);

}  // namespace strata::sqllogic
