// The SQLite metastore under many threads and several processes sharing one file.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <latch>
#include <set>
#include <thread>

#include "catalog_test_env.h"

namespace strata {
namespace {

TableInfo CounterTable(const std::string& name) {
  TableInfo t;
  t.database = "default";
  t.name = name;
  t.columns = {{"n", DataType(TypeId::Int64), true, ""}};
  return t;
}

// Adds one to the number kept in the table's snapshot_location, retrying on 2009 as a
// writer that lost a commit race would. `think_us` stands for the work a writer does
// between reading the version and committing (writing blocks), which is what gives other
// writers the chance to commit first. Returns the number of lost races.
Result<int> Increment(Metastore& ms, const std::string& table, int think_us = 0) {
  for (int lost = 0;; ++lost) {
    ASSIGN_OR_RETURN(TableInfo t, ms.GetTable("default", table));
    int64_t n = t.snapshot_location.empty() ? 0 : std::stoll(t.snapshot_location);
    if (think_us > 0) usleep(think_us);
    auto r = ms.CommitSnapshot(t.id, t.version, std::to_string(n + 1));
    if (r.ok()) return lost;
    if (r.status().code() != ErrorCode::TableVersionMismatched) return r.status();
  }
}

TEST(MetastoreConcurrencyTest, SameExpectedVersionExactlyOneWins) {
  CatalogTempDir dir;
  auto ms = OpenTestMetastore(dir.File("meta.db"));
  auto t = ms->CreateTable(CounterTable("t"), CreateMode::kCreate);
  ASSERT_TRUE(t.ok());
  int64_t version = t->version;
  for (int round = 0; round < 20; ++round) {
    constexpr int kThreads = 4;
    std::latch start(kThreads);
    std::atomic<int> wins{0}, mismatches{0}, others{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i) {
      threads.emplace_back([&, i] {
        start.arrive_and_wait();
        auto r = ms->CommitSnapshot(t->id, version,
                                    "r" + std::to_string(round) + "-" + std::to_string(i));
        if (r.ok()) {
          ++wins;
        } else if (r.status().code() == ErrorCode::TableVersionMismatched) {
          ++mismatches;
        } else {
          ++others;
        }
      });
    }
    for (auto& th : threads) th.join();
    ASSERT_EQ(wins.load(), 1) << "round " << round;
    ASSERT_EQ(mismatches.load(), kThreads - 1);
    ASSERT_EQ(others.load(), 0);
    ++version;
  }
  EXPECT_EQ(ms->GetTable("default", "t")->version, version);
}

TEST(MetastoreConcurrencyTest, ManyThreadsLoseNoIncrement) {
  CatalogTempDir dir;
  auto ms = OpenTestMetastore(dir.File("meta.db"));
  ASSERT_TRUE(ms->CreateTable(CounterTable("counter"), CreateMode::kCreate).ok());
  constexpr int kThreads = 6, kPerThread = 25;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      for (int j = 0; j < kPerThread; ++j) {
        if (!Increment(*ms, "counter", 200).ok()) ++failures;
        // Other work interleaved with the commits: create/drop tables of our own.
        std::string name = "t" + std::to_string(i) + "_" + std::to_string(j);
        if (!ms->CreateTable(CounterTable(name), CreateMode::kCreate).ok()) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  auto t = ms->GetTable("default", "counter");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->snapshot_location, std::to_string(kThreads * kPerThread));
  EXPECT_EQ(t->version, 1 + kThreads * kPerThread);
  auto tables = ms->ListTables("default");
  ASSERT_TRUE(tables.ok());
  EXPECT_EQ(tables->size(), size_t{1 + kThreads * kPerThread});
  std::set<int64_t> ids;
  for (const auto& info : *tables) ids.insert(info.id);
  EXPECT_EQ(ids.size(), tables->size()) << "ids must be unique";
}

// Runs in a forked child: its own metastore on the shared file, `rounds` increments and
// table creations. Exit status 0 on success.
int ChildWork(const std::string& path, int child, int rounds) {
  auto opened = SqliteMetastore::Open(path, TestSecretBox());
  if (!opened.ok()) {
    fprintf(stderr, "child %d: %s\n", child, opened.status().ToString().c_str());
    return 2;
  }
  auto ms = *opened;
  for (int j = 0; j < rounds; ++j) {
    auto inc = Increment(*ms, "counter", 1000);
    if (!inc.ok()) {
      fprintf(stderr, "child %d: %s\n", child, inc.status().ToString().c_str());
      return 3;
    }
    std::string name = "p" + std::to_string(child) + "_" + std::to_string(j);
    auto created = ms->CreateTable(CounterTable(name), CreateMode::kCreate);
    if (!created.ok()) {
      fprintf(stderr, "child %d: %s\n", child, created.status().ToString().c_str());
      return 4;
    }
  }
  return 0;
}

TEST(MetastoreConcurrencyTest, SeveralProcessesLoseNothing) {
  CatalogTempDir dir;
  std::string path = dir.File("meta.db");
  constexpr int kChildren = 3, kRounds = 40;
  // Children open the file first (racing through the first-open migration too); this
  // process opens it only after they have all exited, since SQLite connections must not
  // cross a fork.
  // All children wait on one pipe and start together when it is closed, so that their
  // commits really interleave.
  int start[2];
  ASSERT_EQ(pipe(start), 0);
  fflush(stdout);
  fflush(stderr);
  std::vector<pid_t> pids;
  for (int c = 0; c < kChildren; ++c) {
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      close(start[1]);
      char byte;
      while (read(start[0], &byte, 1) < 0 && errno == EINTR) {
      }
      // Every child creates the counter table if it is missing, then works.
      auto opened = SqliteMetastore::Open(path, TestSecretBox());
      if (!opened.ok()) _exit(5);
      auto made = (*opened)->CreateTable(CounterTable("counter"), CreateMode::kIfNotExists);
      if (!made.ok()) _exit(6);
      opened->reset();
      _exit(ChildWork(path, c, kRounds));
    }
    pids.push_back(pid);
  }
  close(start[0]);
  close(start[1]);
  for (pid_t pid : pids) {
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
  }
  auto ms = OpenTestMetastore(path);
  auto t = ms->GetTable("default", "counter");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->snapshot_location, std::to_string(kChildren * kRounds));
  EXPECT_EQ(t->version, 1 + kChildren * kRounds);
  EXPECT_EQ(ms->ListTables("default")->size(), size_t{1 + kChildren * kRounds});
  EXPECT_EQ(ms->ListDatabases()->size(), 1u) << "the first-open migration ran once";
}

}  // namespace
}  // namespace strata
