#include <gtest/gtest.h>

#include <map>

#include "sqllogic/test_file.h"

namespace strata::sqllogic {
namespace {

TestFile MustParse(std::string_view text, const FileLoader& loader = LoadFileFromDisk) {
  Result<TestFile> f = ParseTestFile(text, "dir/a.test", loader);
  EXPECT_TRUE(f.ok()) << f.status().ToString();
  return f.ok() ? std::move(f).value() : TestFile{};
}

TEST(CliSqllogicParserTest, ParsesDatabendStyleRecords) {
  TestFile f = MustParse(
      "# Checks inserts and selects.\n"
      "# Second description line.\n"
      "require env S3_ENDPOINT S3_KEY\n"
      "\n"
      "statement ok\n"
      "CREATE TABLE t (a INT,\n"
      "  b VARCHAR)\n"
      "\n"
      "# a comment between records\n"
      "statement error 1025\n"
      "SELECT * FROM nope\n"
      "\n"
      "statement error (?s)1005.*unexpected `AS`\n"
      "SELECT 1 AS AS\n"
      "\n"
      "query IT rowsort my_label\n"
      "SELECT a, b FROM t\n"
      "----\n"
      "1 x\n"
      "2  NULL\n"
      "\n"
      "query I\n"
      "SELECT count(*) FROM t\n"
      "----\n"
      "2\n");
  EXPECT_EQ(f.description,
            (std::vector<std::string>{"Checks inserts and selects.", "Second description line."}));
  EXPECT_EQ(f.required_env, (std::vector<std::string>{"S3_ENDPOINT", "S3_KEY"}));
  ASSERT_EQ(f.records.size(), 5u);

  EXPECT_EQ(f.records[0].kind, RecordKind::kStatement);
  EXPECT_FALSE(f.records[0].expect_error);
  EXPECT_EQ(f.records[0].sql, "CREATE TABLE t (a INT,\n  b VARCHAR)");
  EXPECT_EQ(f.records[0].line, 5);

  EXPECT_TRUE(f.records[1].expect_error);
  EXPECT_EQ(f.records[1].error_pattern, "1025");
  EXPECT_EQ(f.records[1].line, 10);

  EXPECT_EQ(f.records[2].error_pattern, "(?s)1005.*unexpected `AS`");

  const Record& q = f.records[3];
  EXPECT_EQ(q.kind, RecordKind::kQuery);
  EXPECT_EQ(q.types, "IT");
  EXPECT_EQ(q.sort_mode, SortMode::kRowSort);
  EXPECT_EQ(q.label, "my_label");
  EXPECT_EQ(q.sql, "SELECT a, b FROM t");
  EXPECT_EQ(q.expected, (std::vector<std::string>{"1 x", "2  NULL"}));

  EXPECT_EQ(f.records[4].sort_mode, SortMode::kNoSort);
  EXPECT_EQ(f.records[4].expected, (std::vector<std::string>{"2"}));
}

TEST(CliSqllogicParserTest, SkipifOnlyifHaltSleepAndIgnoredLines) {
  TestFile f = MustParse(
      "hash-threshold 8\n"
      "\n"
      "onlyif mysql\n"
      "statement ok\n"
      "SELECT 'mysql only'\n"
      "\n"
      "skipif strata\n"
      "statement ok\n"
      "SELECT 'not for us'\n"
      "\n"
      "onlyif strata\n"
      "statement ok\n"
      "SELECT 'ours'\n"
      "\n"
      "skipif clickhouse\n"
      "query T\n"
      "SELECT 'also ours'\n"
      "----\n"
      "also ours\n"
      "\n"
      "sleep 20ms\n"
      "\n"
      "halt\n");
  ASSERT_EQ(f.records.size(), 4u);
  EXPECT_EQ(f.records[0].sql, "SELECT 'ours'");
  EXPECT_EQ(f.records[1].sql, "SELECT 'also ours'");
  EXPECT_EQ(f.records[2].kind, RecordKind::kSleep);
  EXPECT_EQ(f.records[2].sleep_ms, 20);
  EXPECT_EQ(f.records[3].kind, RecordKind::kHalt);
  EXPECT_TRUE(f.description.empty());
}

TEST(CliSqllogicParserTest, ErrorMessageBlocksAndQueryErrors) {
  TestFile f = MustParse(
      "statement error\n"
      "DROP TABLE nope\n"
      "----\n"
      "[1025] Unknown table\n"
      "\n"
      "query error 1065\n"
      "SELECT sum(\n"
      "\n"
      "query T\n"
      "SELECT ''\n"
      "----\n");
  ASSERT_EQ(f.records.size(), 3u);
  EXPECT_TRUE(f.records[0].error_is_literal);
  EXPECT_EQ(f.records[0].error_pattern, "[1025] Unknown table");
  EXPECT_EQ(f.records[1].kind, RecordKind::kQuery);
  EXPECT_TRUE(f.records[1].expect_error);
  EXPECT_EQ(f.records[1].error_pattern, "1065");
  EXPECT_TRUE(f.records[2].expected.empty());
}

TEST(CliSqllogicParserTest, IncludeInlinesRecordsRelativeToTheFile) {
  std::map<std::string, std::string> files = {
      {"dir/common/setup.inc", "statement ok\nCREATE TABLE t (a INT)\n"}};
  FileLoader loader = [&](const std::string& path) -> Result<std::string> {
    auto it = files.find(path);
    if (it == files.end()) return Error(ErrorCode::BadArguments, "cannot open " + path);
    return it->second;
  };
  TestFile f = MustParse("include common/setup.inc\n\nstatement ok\nDROP TABLE t\n", loader);
  ASSERT_EQ(f.records.size(), 2u);
  EXPECT_EQ(f.records[0].sql, "CREATE TABLE t (a INT)");
  EXPECT_EQ(f.records[0].file, "dir/common/setup.inc");
  EXPECT_EQ(f.records[1].file, "dir/a.test");
  EXPECT_FALSE(ParseTestFile("include missing.inc\n", "dir/a.test", loader).ok());
}

TEST(CliSqllogicParserTest, MalformedFilesAreErrorsNamingTheLine) {
  struct Case {
    const char* text;
    const char* where;
  };
  for (const Case& c : std::vector<Case>{
           {"statement maybe\nSELECT 1\n", "dir/a.test:1:"},
           {"\n\nquery I\n\n", "dir/a.test:3:"},
           {"query I-T\nSELECT 1\n", "dir/a.test:1:"},
           {"statement ok\nSELECT 1\n----\n1\n", "dir/a.test:1:"},
           {"frobnicate\n", "dir/a.test:1: unknown directive"},
           {"require S3\n", "dir/a.test:1:"},
           {"sleep soon\n", "dir/a.test:1:"},
       }) {
    Result<TestFile> f = ParseTestFile(c.text, "dir/a.test");
    ASSERT_FALSE(f.ok()) << c.text;
    EXPECT_EQ(f.status().code(), ErrorCode::BadArguments);
    EXPECT_NE(f.status().message().find(c.where), std::string::npos) << f.status().message();
  }
}

}  // namespace
}  // namespace strata::sqllogic
