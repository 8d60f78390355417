#include "cli/shell.h"

#include <gtest/gtest.h>

#include <deque>
#include <map>
#include <sstream>

#include "cli_query_result_builder.h"

namespace strata {
namespace {

// Answers statements from a table of hand-built results (the real Database lives on
// another branch); unknown statements fail with 1025 the way an unknown table would.
class ScriptedSession : public Session {
 public:
  std::map<std::string, QueryResult> answers;
  std::vector<std::string> executed;
  std::function<void(const Progress&)> progress;

  Result<QueryResult> Execute(std::string_view sql) override {
    executed.emplace_back(sql);
    if (progress) progress(Progress{10, 100});
    auto it = answers.find(std::string(sql));
    if (it == answers.end()) {
      return Error(ErrorCode::UnknownTable, "Unknown table `" + std::string(sql) + "`");
    }
    return it->second;
  }
  const std::string& current_database() const override { return database_; }
  void Cancel() override {}
  void SetProgressCallback(std::function<void(const Progress&)> cb) override {
    progress = std::move(cb);
  }

 private:
  std::string database_ = "default";
};

class ScriptedLines : public LineSource {
 public:
  explicit ScriptedLines(std::deque<std::string> lines) : lines_(std::move(lines)) {}
  std::vector<std::string> prompts;
  std::vector<std::string> history;

  std::optional<std::string> ReadLine(const std::string& prompt) override {
    prompts.push_back(prompt);
    if (lines_.empty()) return std::nullopt;
    std::string l = lines_.front();
    lines_.pop_front();
    return l;
  }
  bool TakeInterrupt() override { return false; }
  void AddHistory(const std::string& s) override { history.push_back(s); }

 private:
  std::deque<std::string> lines_;
};

QueryResult OneRow(const std::string& name, int64_t v) {
  return QueryResultBuilder().Column(name, DataType(TypeId::Int64)).Chunk({{I64(v)}}).Build();
}

struct ShellFixture {
  ScriptedSession session;
  std::ostringstream out;
  std::ostringstream err;
  ShellOptions options;

  Shell Make() { return Shell(&session, options, out, err); }
};

TEST(CliShellTest, ScriptStopsAtFirstErrorAndNamesTheLine) {
  ShellFixture f;
  f.session.answers["SELECT 1"] = OneRow("x", 1);
  Shell shell = f.Make();
  EXPECT_FALSE(shell.RunScript("SELECT 1;\nSELECT * FROM nope;\nSELECT 1;", "s.sql"));
  EXPECT_EQ(f.out.str(), "1\n");
  EXPECT_EQ(f.err.str(), "Error: [1025] Unknown table `SELECT * FROM nope`\n  at s.sql:2\n");
  EXPECT_EQ(f.session.executed.size(), 2u);
}

TEST(CliShellTest, StatementsWithoutRowsPrintNothingInTsv) {
  ShellFixture f;
  QueryResult created;
  created.affected_rows = 3;
  f.session.answers["INSERT INTO t VALUES (1), (2), (3)"] = created;
  Shell shell = f.Make();
  EXPECT_TRUE(shell.RunScript("INSERT INTO t VALUES (1), (2), (3);"));
  EXPECT_EQ(f.out.str(), "");
  EXPECT_EQ(f.err.str(), "");
}

TEST(CliShellTest, WarningsGoToStderrAndFootersOnlyOnATerminal) {
  ShellFixture f;
  QueryResult r = OneRow("n", 5);
  r.warnings.push_back("field region ignored");
  f.session.answers["SELECT n"] = r;
  f.options.footers = true;
  Shell shell = f.Make();
  EXPECT_TRUE(shell.RunStatement("SELECT n"));
  EXPECT_EQ(f.out.str(), "5\n");
  std::string err = f.err.str();
  EXPECT_EQ(err.rfind("Warning: field region ignored\n1 row read in ", 0), 0u) << err;
  EXPECT_NE(err.find("Processed 10 rows, 100 B"), std::string::npos) << err;
}

TEST(CliShellTest, InteractiveKeepsGoingAfterErrorsAndJoinsLines) {
  ShellFixture f;
  f.session.answers["SELECT\n  2"] = OneRow("v", 2);
  ScriptedLines lines({"SELECT bad;", "", "-- just a comment", "SELECT", "  2;", "quit"});
  Shell shell = f.Make();
  shell.RunInteractive(lines);
  EXPECT_EQ(f.session.executed, (std::vector<std::string>{"SELECT bad", "SELECT\n  2"}));
  EXPECT_EQ(f.out.str(), "2\n");
  EXPECT_EQ(f.err.str(), "Error: [1025] Unknown table `SELECT bad`\n");
  EXPECT_EQ(lines.history, (std::vector<std::string>{"SELECT bad;", "SELECT\n  2;"}));
  EXPECT_EQ(lines.prompts,
            (std::vector<std::string>{"strata default> ", "strata default> ", "strata default> ",
                                      "strata default> ", "             -> ", "strata default> "}));
}

TEST(CliShellTest, CompleteStatementDetection) {
  EXPECT_TRUE(EndsWithCompleteStatement("SELECT 1;"));
  EXPECT_TRUE(EndsWithCompleteStatement("SELECT 1; -- done"));
  EXPECT_FALSE(EndsWithCompleteStatement("SELECT 1"));
  EXPECT_FALSE(EndsWithCompleteStatement("SELECT 'a;"));
  EXPECT_FALSE(EndsWithCompleteStatement("SELECT 1 /* ; */"));
  EXPECT_FALSE(EndsWithCompleteStatement("SELECT 1; SELECT 2"));
  EXPECT_FALSE(EndsWithCompleteStatement("-- nothing;"));
}

TEST(CliShellTest, ExitCommands) {
  EXPECT_TRUE(IsExitCommand("exit"));
  EXPECT_TRUE(IsExitCommand("  QUIT ; "));
  EXPECT_FALSE(IsExitCommand("exit now"));
  EXPECT_FALSE(IsExitCommand("SELECT exit"));
}

TEST(CliProgressLineTest, AppearsAfterOneSecondRateLimitedAndIsErased) {
  using namespace std::chrono_literals;
  ProgressLine::Clock::time_point now{};
  std::ostringstream err;
  ProgressLine line(err, true, [&] { return now; });
  line.Start();
  now += 500ms;
  line.Update(Progress{100, 2048});
  EXPECT_EQ(err.str(), "");
  now += 600ms;
  line.Update(Progress{200, 4096});
  EXPECT_EQ(err.str(), "\r\x1b[KProcessed 200 rows, 4.0 KiB in 1.1 sec.");
  now += 100ms;
  line.Update(Progress{300, 4096});  // too soon to redraw
  EXPECT_EQ(err.str(), "\r\x1b[KProcessed 200 rows, 4.0 KiB in 1.1 sec.");
  now += 200ms;
  line.Update(Progress{400, 4096});
  EXPECT_NE(err.str().find("Processed 400 rows"), std::string::npos);
  line.Finish();
  EXPECT_EQ(err.str().substr(err.str().size() - 4), "\r\x1b[K");
  EXPECT_EQ(line.last().rows, 400u);
}

TEST(CliProgressLineTest, DisabledOrFastStatementsDrawNothing) {
  using namespace std::chrono_literals;
  ProgressLine::Clock::time_point now{};
  std::ostringstream err;
  ProgressLine off(err, false, [&] { return now; });
  off.Start();
  now += 5s;
  off.Update(Progress{1, 1});
  off.Finish();
  ProgressLine on(err, true, [&] { return now; });
  on.Start();
  on.Update(Progress{1, 1});
  on.Finish();
  EXPECT_EQ(err.str(), "");
  EXPECT_TRUE(off.reported());
}

}  // namespace
}  // namespace strata
