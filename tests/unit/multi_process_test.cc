// Several strata programs on one data directory (the foundation issue's promise): what one
// process writes the next reads, and two processes inserting into one table at the same
// time both land, every row once. Runs the real program (STRATA_TEST_BINARY).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace strata {
namespace {

class MultiProcessTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* binary = std::getenv("STRATA_TEST_BINARY");
    if (binary == nullptr || *binary == '\0') {
      GTEST_SKIP() << "STRATA_TEST_BINARY (the strata program) is not set";
    }
    binary_ = binary;
    dir_ = std::filesystem::temp_directory_path() /
           ("strata-multiprocess-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override {
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  // The shell command running `sql` with strata on the test's data directory.
  std::string Command(const std::string& sql) const {
    return "'" + binary_ + "' --data-dir '" + dir_.string() + "' -c \"" + sql + "\" 2>&1";
  }
  // Runs strata to completion; returns its output, and its exit status in *status.
  std::string Run(const std::string& sql, int* status = nullptr) const {
    FILE* p = popen(Command(sql).c_str(), "r");
    EXPECT_NE(p, nullptr);
    if (p == nullptr) return "";
    std::string out = ReadAll(p);
    int rc = pclose(p);
    if (status != nullptr) *status = rc;
    return out;
  }
  static std::string ReadAll(FILE* p) {
    std::string out;
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof(buf), p)) > 0) out.append(buf, n);
    return out;
  }

  std::string binary_;
  std::filesystem::path dir_;
};

TEST_F(MultiProcessTest, WhatOneProcessWritesTheNextReads) {
  int status = -1;
  Run("CREATE TABLE t (id INT, name VARCHAR); INSERT INTO t VALUES (1, 'ann'), (2, NULL)", &status);
  ASSERT_EQ(status, 0);
  EXPECT_EQ(Run("SELECT id, name FROM t ORDER BY id", &status), "1\tann\n2\tNULL\n");
  EXPECT_EQ(status, 0);
}

TEST_F(MultiProcessTest, TwoProcessesInsertingAtOnceLoseNoRow) {
  int status = -1;
  Run("CREATE TABLE t (id BIGINT)", &status);
  ASSERT_EQ(status, 0);
  constexpr int kProcesses = 2;
  constexpr int kInserts = 15;
  constexpr int kRows = 1000;
  std::vector<FILE*> running;
  for (int p = 0; p < kProcesses; ++p) {
    std::string script;
    for (int i = 0; i < kInserts; ++i) {
      int64_t base = (static_cast<int64_t>(p) * kInserts + i) * kRows;
      script += "INSERT INTO t SELECT number + " + std::to_string(base) + " FROM numbers(" +
                std::to_string(kRows) + "); ";
    }
    FILE* f = popen(Command(script).c_str(), "r");
    ASSERT_NE(f, nullptr);
    running.push_back(f);
  }
  for (FILE* f : running) {
    std::string out = ReadAll(f);
    EXPECT_EQ(pclose(f), 0) << out;
  }
  constexpr int64_t kTotal = int64_t{kProcesses} * kInserts * kRows;
  EXPECT_EQ(Run("SELECT count(*), count(DISTINCT id), min(id), max(id) FROM t"),
            std::to_string(kTotal) + "\t" + std::to_string(kTotal) + "\t0\t" +
                std::to_string(kTotal - 1) + "\n");
}

}  // namespace
}  // namespace strata
