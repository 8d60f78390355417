// Cancelling a running statement: Session::Cancel (library) and Ctrl-C (the strata
// program). A cancelled statement ends with 1043 and commits nothing; the session and the
// prompt stay usable.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>

#include "main/database.h"

namespace strata {
namespace {

// Far more work than any test machine finishes before a cancel: a full run would take
// minutes, so a passing test proves the statement was stopped.
constexpr char kLongQuery[] = "SELECT count(*) FROM numbers(1000000000000) WHERE number % 7 = 3";

class SessionCancelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("strata-cancel-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    auto db = Database::Open(DatabaseOptions(dir_.string()));
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = *db;
    session_ = db_->NewSession();
  }
  void TearDown() override {
    session_.reset();
    db_.reset();
    std::filesystem::remove_all(dir_);
  }
  // Cancels as soon as the running statement has reported progress.
  void CancelOnProgress() {
    session_->SetProgressCallback([this](const Progress& p) {
      if (p.rows > 0) session_->Cancel();
    });
  }
  int64_t CountRows(const std::string& table) {
    auto r = session_->Execute("SELECT count(*) FROM " + table);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r->chunks[0].column(0)->GetValue(0).GetInt() : -1;
  }

  std::filesystem::path dir_;
  std::shared_ptr<Database> db_;
  std::unique_ptr<Session> session_;
};

TEST_F(SessionCancelTest, ARunningQueryStopsWith1043AndTheSessionGoesOn) {
  CancelOnProgress();
  auto r = session_->Execute(kLongQuery);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::AbortedQuery) << r.status().ToString();
  session_->SetProgressCallback(nullptr);
  auto next = session_->Execute("SELECT 40 + 2");
  ASSERT_TRUE(next.ok()) << next.status().ToString();
  EXPECT_EQ(next->chunks[0].column(0)->GetValue(0).GetInt(), 42);
}

TEST_F(SessionCancelTest, ACancelledInsertCommitsNothing) {
  ASSERT_TRUE(session_->Execute("CREATE TABLE t (x BIGINT)").ok());
  ASSERT_TRUE(session_->Execute("INSERT INTO t VALUES (1), (2)").ok());
  CancelOnProgress();
  auto r = session_->Execute("INSERT INTO t SELECT number FROM numbers(1000000000000)");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::AbortedQuery) << r.status().ToString();
  session_->SetProgressCallback(nullptr);
  EXPECT_EQ(CountRows("t"), 2);
}

TEST_F(SessionCancelTest, ACancelBetweenStatementsStopsTheNextOneOnly) {
  session_->Cancel();
  auto stopped = session_->Execute("SELECT 1");
  ASSERT_FALSE(stopped.ok());
  EXPECT_EQ(stopped.status().code(), ErrorCode::AbortedQuery);
  EXPECT_TRUE(session_->Execute("SELECT 1").ok());
}

TEST_F(SessionCancelTest, ACancelFromAnotherThreadStopsTheRestOfAScript) {
  ASSERT_TRUE(session_->Execute("CREATE TABLE t (x INT)").ok());
  std::atomic<bool> stop{false};
  std::thread canceller([&] {
    // Keeps cancelling until the script has returned, whichever statement is running.
    while (!stop.load()) {
      session_->Cancel();
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  });
  auto r = session_->Execute(std::string(kLongQuery) + "; INSERT INTO t VALUES (1)");
  stop.store(true);
  canceller.join();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::AbortedQuery);
  (void)session_->Execute("SELECT 1");  // spends a cancel the thread may have left behind
  EXPECT_EQ(CountRows("t"), 0);
}

// The strata program: Ctrl-C during a statement of a -c script prints the 1043 error,
// skips the rest of the script and exits 1, instead of dying of the signal.
TEST(CliInterruptTest, CtrlCStopsTheStatementAndTheScript) {
  const char* binary = std::getenv("STRATA_TEST_BINARY");
  if (binary == nullptr || *binary == '\0') {
    GTEST_SKIP() << "STRATA_TEST_BINARY (the strata program) is not set";
  }
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("strata-ctrl-c-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  int out_pipe[2], err_pipe[2];
  ASSERT_EQ(pipe(out_pipe), 0);
  ASSERT_EQ(pipe(err_pipe), 0);
  std::string script = std::string("SELECT 'started'; ") + kLongQuery + "; SELECT 'not reached'";
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    dup2(out_pipe[1], STDOUT_FILENO);
    dup2(err_pipe[1], STDERR_FILENO);
    close(out_pipe[0]);
    close(err_pipe[0]);
    signal(SIGINT, SIG_DFL);
    execl(binary, binary, "--data-dir", dir.c_str(), "-c", script.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  close(out_pipe[1]);
  close(err_pipe[1]);
  // Wait for the first statement's output: the script is running, its handler in place.
  std::string out;
  char buf[256];
  while (out.find("started\n") == std::string::npos) {
    ssize_t n = read(out_pipe[0], buf, sizeof(buf));
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  ASSERT_NE(out.find("started\n"), std::string::npos) << out;
  kill(pid, SIGINT);
  ssize_t n;
  while ((n = read(out_pipe[0], buf, sizeof(buf))) > 0) out.append(buf, static_cast<size_t>(n));
  std::string err;
  while ((n = read(err_pipe[0], buf, sizeof(buf))) > 0) err.append(buf, static_cast<size_t>(n));
  close(out_pipe[0]);
  close(err_pipe[0]);
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(WIFEXITED(status)) << "strata died of a signal: " << err;
  EXPECT_EQ(WEXITSTATUS(status), 1);
  EXPECT_NE(err.find("Error: [1043]"), std::string::npos) << err;
  EXPECT_EQ(out.find("not reached"), std::string::npos) << out;
}

}  // namespace
}  // namespace strata
