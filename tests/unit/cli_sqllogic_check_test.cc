#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "cli_query_result_builder.h"
#include "sqllogic/result_check.h"
#include "sqllogic/test_runner.h"

namespace strata::sqllogic {
namespace {

Record Query(std::string types, SortMode mode, std::vector<std::string> expected) {
  Record r;
  r.kind = RecordKind::kQuery;
  r.types = std::move(types);
  r.sort_mode = mode;
  r.expected = std::move(expected);
  return r;
}

QueryResult TwoColumns() {
  return QueryResultBuilder()
      .Column("a", DataType(TypeId::Int64))
      .Column("b", DataType(TypeId::String))
      .Chunk({{I64(2), Value::Null()}, {I64(1), Str("x y")}})
      .Chunk({{I64(3), Str("")}})
      .Build();
}

TEST(CliSqllogicCheckTest, RendersNullAndEmptyStrings) {
  auto rows = RenderRows(TwoColumns());
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"2", "NULL"}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"3", "(empty)"}));
}

TEST(CliSqllogicCheckTest, NoSortComparesInOrderWithWhitespaceTolerance) {
  EXPECT_TRUE(
      CompareQueryResult(Query("IT", SortMode::kNoSort, {"2 NULL", "1\tx   y", "  3 (empty)"}),
                         TwoColumns())
          .matches);
  QueryComparison wrong_order = CompareQueryResult(
      Query("IT", SortMode::kNoSort, {"1 x y", "2 NULL", "3 (empty)"}), TwoColumns());
  EXPECT_FALSE(wrong_order.matches);
  EXPECT_TRUE(wrong_order.problem.empty());
}

TEST(CliSqllogicCheckTest, RowSortAndValueSortIgnoreOrder) {
  EXPECT_TRUE(CompareQueryResult(Query("IT", SortMode::kRowSort, {"1 x y", "2 NULL", "3 (empty)"}),
                                 TwoColumns())
                  .matches);
  EXPECT_FALSE(
      CompareQueryResult(Query("IT", SortMode::kRowSort, {"1 x y", "2 NULL"}), TwoColumns())
          .matches);
  EXPECT_TRUE(CompareQueryResult(Query("IT", SortMode::kValueSort, {"1 2 3", "NULL x y (empty)"}),
                                 TwoColumns())
                  .matches);
}

TEST(CliSqllogicCheckTest, ColumnCountMustMatchTheTypeLetters) {
  QueryComparison cmp = CompareQueryResult(
      Query("I", SortMode::kNoSort, {"2 NULL", "1 x y", "3 (empty)"}), TwoColumns());
  EXPECT_FALSE(cmp.matches);
  EXPECT_NE(cmp.problem.find("declares 1 column"), std::string::npos) << cmp.problem;
}

Record ErrorRecord(std::string pattern, bool literal = false) {
  Record r;
  r.expect_error = true;
  r.error_pattern = std::move(pattern);
  r.error_is_literal = literal;
  return r;
}

TEST(CliSqllogicCheckTest, ErrorCodesRegexesAndLiterals) {
  Status unknown = Error(ErrorCode::UnknownTable, "Unknown table `default`.`nope`\nmore");
  EXPECT_TRUE(ErrorMatches(ErrorRecord(""), unknown));
  EXPECT_TRUE(ErrorMatches(ErrorRecord("1025"), unknown));
  EXPECT_FALSE(ErrorMatches(ErrorRecord("1065"), unknown));
  EXPECT_FALSE(ErrorMatches(ErrorRecord("102"), unknown));  // a code, not a substring
  EXPECT_TRUE(ErrorMatches(ErrorRecord("Unknown table .*nope"), unknown));
  EXPECT_FALSE(ErrorMatches(ErrorRecord("Unknown.*more"), unknown));  // '.' stops at \n
  EXPECT_TRUE(ErrorMatches(ErrorRecord("(?s)1025.*more"), unknown));
  EXPECT_TRUE(ErrorMatches(ErrorRecord("(?i)UNKNOWN TABLE"), unknown));
  EXPECT_TRUE(ErrorMatches(ErrorRecord("[1025] Unknown table `default`", true), unknown));
  EXPECT_FALSE(ErrorMatches(ErrorRecord("[1025] Unknown table .*", true), unknown));
  Status paren = Error(ErrorCode::SyntaxException, "unexpected end after sum(");
  EXPECT_TRUE(ErrorMatches(ErrorRecord("after sum("), paren));  // not a regex: substring
  EXPECT_FALSE(ErrorMatches(ErrorRecord("before sum("), paren));
  EXPECT_FALSE(ErrorMatches(ErrorRecord(""), Status::OK()));
}

TEST(CliSqllogicCheckTest, DiffMarksMissingAndExtraLines) {
  EXPECT_EQ(DiffLines({"1", "2", "3"}, {"1", "3", "4"}),
            (std::vector<std::string>{"  1", "- 2", "  3", "+ 4"}));
}

TEST(CliSqllogicCheckTest, EnvironmentSubstitution) {
  EnvLookup env = [](const std::string& name) -> std::optional<std::string> {
    if (name == "ENDPOINT") return "http://127.0.0.1:7480";
    return std::nullopt;
  };
  std::string missing;
  EXPECT_EQ(SubstituteEnv("endpoint_url = '${ENDPOINT}' cost $5", env, &missing),
            "endpoint_url = 'http://127.0.0.1:7480' cost $5");
  EXPECT_EQ(SubstituteEnv("key = '${KEY}'", env, &missing), std::nullopt);
  EXPECT_EQ(missing, "KEY");
}

// Hand-built answers for the runner's control flow; unknown SQL fails with 1025.
class AnswerSession : public Session {
 public:
  std::map<std::string, QueryResult> answers;
  std::vector<std::string> executed;
  Result<QueryResult> Execute(std::string_view sql) override {
    executed.emplace_back(sql);
    auto it = answers.find(std::string(sql));
    if (it == answers.end()) return Error(ErrorCode::UnknownTable, "Unknown table");
    return it->second;
  }
  const std::string& current_database() const override { return db_; }
  void SetProgressCallback(std::function<void(const Progress&)>) override {}
  void Cancel() override {}

 private:
  std::string db_ = "default";
};

TEST(CliSqllogicRunnerTest, CountsRecordsReportsMismatchesAndStopsAtHalt) {
  Result<TestFile> file = ParseTestFile(
      "statement ok\n"
      "CREATE TABLE t (a INT);\n"
      "\n"
      "statement error 1025\n"
      "SELECT * FROM nope\n"
      "\n"
      "statement error 1065\n"
      "SELECT * FROM nope\n"
      "\n"
      "query I\n"
      "SELECT a FROM t\n"
      "----\n"
      "1\n"
      "\n"
      "query I\n"
      "SELECT a FROM t\n"
      "----\n"
      "7\n"
      "\n"
      "halt\n"
      "\n"
      "statement ok\n"
      "SELECT 'never run'\n",
      "x.test");
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  AnswerSession session;
  session.answers["CREATE TABLE t (a INT)"] = QueryResult{};
  session.answers["SELECT a FROM t"] =
      QueryResultBuilder().Column("a", DataType(TypeId::Int64)).Chunk({{I64(1)}}).Build();
  std::ostringstream out;
  TestRunner runner(
      {}, out, [](const std::string&) { return std::nullopt; },
      [](const std::string&) -> Result<OpenedSession> {
        return Error(ErrorCode::Internal, "not used");
      });
  runner.RunRecords(*file, &session);
  EXPECT_EQ(runner.counts().passed, 3u);
  EXPECT_EQ(runner.counts().failed, 2u);
  EXPECT_EQ(runner.Summary(), "3 passed, 2 failed");
  EXPECT_EQ(session.executed.size(), 5u);
  std::string report = out.str();
  EXPECT_NE(report.find("FAIL x.test:7\n    SELECT * FROM nope\n  expected an error matching "
                        "`1065`, got: [1025] Unknown table\n"),
            std::string::npos)
      << report;
  EXPECT_NE(report.find("FAIL x.test:15\n    SELECT a FROM t\n  result differs (- expected, + "
                        "actual):\n  - 7\n  + 1\n"),
            std::string::npos)
      << report;
}

TEST(CliSqllogicRunnerTest, FilesNeedingUnsetVariablesAreSkipped) {
  std::string dir = ::testing::TempDir() + "cli_sqllogic_skip";
  std::filesystem::create_directories(dir);
  {
    std::ofstream(dir + "/needs_s3.test") << "require env STRATA_SURELY_UNSET_VAR\n\n"
                                             "statement ok\nSELECT 1\n";
  }
  std::vector<std::string> missing;
  std::vector<std::string> files = CollectTestFiles({dir, dir + "/absent"}, &missing);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(missing, (std::vector<std::string>{dir + "/absent"}));
  std::ostringstream out;
  bool opened = false;
  TestRunner runner(
      {}, out, [](const std::string&) { return std::nullopt; },
      [&](const std::string&) -> Result<OpenedSession> {
        opened = true;
        return Error(ErrorCode::Internal, "not used");
      });
  runner.RunFile(files[0]);
  EXPECT_FALSE(opened);
  EXPECT_EQ(runner.Summary(), "0 passed, 0 failed, 1 skipped");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace strata::sqllogic
