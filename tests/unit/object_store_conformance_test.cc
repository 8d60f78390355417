// One behaviour for every ObjectStore backend: local directory, memory, and S3 when a test
// server is configured (see storage/s3_test_env.h). Each test runs on a fresh root.
#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <random>
#include <set>
#include <thread>

#include "storage/memory_object_store.h"
#include "storage/object_store.h"
#include "storage/s3_test_env.h"

namespace strata {
namespace {

class ObjectStoreConformanceTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    StorageParams p;
    const std::string& backend = GetParam();
    if (backend == "local") {
      dir_ =
          std::filesystem::temp_directory_path() /
          ("strata-conformance-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
      p.type = "fs";
      p.root = dir_.string();
    } else if (backend == "memory") {
      p.type = "memory";
      p.root = "conformance-" + std::to_string(counter_++);
      memory_namespace_ = p.root;
    } else {
      auto s3 = testing_s3::S3Params("conformance");
      if (!s3) GTEST_SKIP() << testing_s3::kS3SkipMessage;
      p = *s3;
    }
    auto store = OpenObjectStore(p);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = *store;
  }

  void TearDown() override {
    if (!store_) return;
    auto all = store_->List("");
    if (all.ok() && !all->empty()) {
      std::vector<std::string> keys;
      for (const auto& m : *all) keys.push_back(m.key);
      EXPECT_TRUE(store_->DeleteMany(keys).ok());
    }
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
    if (!memory_namespace_.empty()) MemoryObjectStore::ClearNamespace(memory_namespace_);
  }

  void PutOk(const std::string& key, std::string_view data) {
    Status st = store_->Put(key, data);
    ASSERT_TRUE(st.ok()) << st.ToString();
  }
  std::string GetOk(const std::string& key) {
    auto r = store_->Get(key);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : "<error>";
  }
  std::string RangeOk(const std::string& key, uint64_t off, uint64_t len) {
    auto r = store_->GetRange(key, off, len);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : "<error>";
  }

  static std::string RandomBytes(size_t n, uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::string s(n, '\0');
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
      uint64_t v = rng();
      std::memcpy(s.data() + i, &v, 8);
    }
    for (; i < n; ++i) s[i] = static_cast<char>(rng());
    return s;
  }

  static inline std::atomic<int> counter_{0};
  std::filesystem::path dir_;
  std::string memory_namespace_;
  ObjectStorePtr store_;
};

TEST_P(ObjectStoreConformanceTest, BinaryContentWithNulBytesRoundTrips) {
  std::string data("a\0b\0\0c\xff\x80", 8);
  PutOk("bin/obj", data);
  EXPECT_EQ(GetOk("bin/obj"), data);
  auto st = store_->Stat("bin/obj");
  ASSERT_TRUE(st.ok()) << st.status().ToString();
  EXPECT_EQ(st->size, 8u);
  EXPECT_EQ(st->key, "bin/obj");
}

TEST_P(ObjectStoreConformanceTest, EmptyObject) {
  PutOk("empty", "");
  EXPECT_EQ(GetOk("empty"), "");
  EXPECT_EQ(RangeOk("empty", 0, 10), "");
  auto st = store_->Stat("empty");
  ASSERT_TRUE(st.ok()) << st.status().ToString();
  EXPECT_EQ(st->size, 0u);
}

TEST_P(ObjectStoreConformanceTest, RangesAreClippedAndPastTheEndIsEmpty) {
  PutOk("r", "0123456789");
  EXPECT_EQ(RangeOk("r", 0, 3), "012");
  EXPECT_EQ(RangeOk("r", 4, 2), "45");
  EXPECT_EQ(RangeOk("r", 8, 100), "89");
  EXPECT_EQ(RangeOk("r", 9, 1), "9");
  EXPECT_EQ(RangeOk("r", 10, 5), "");
  EXPECT_EQ(RangeOk("r", 1000, 5), "");
  EXPECT_EQ(RangeOk("r", 3, 0), "");
  EXPECT_EQ(RangeOk("r", 0, UINT64_MAX), "0123456789");
  EXPECT_EQ(RangeOk("r", 5, UINT64_MAX), "56789");
}

TEST_P(ObjectStoreConformanceTest, MissingObjectIsNotFound) {
  for (auto r : {store_->Get("no/such"), store_->GetRange("no/such", 0, 4),
                 store_->GetRange("no/such", 0, 0)}) {
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), ErrorCode::StorageNotFound) << r.status().ToString();
    EXPECT_NE(r.status().message().find("no/such"), std::string::npos) << r.status().ToString();
    EXPECT_FALSE(r.status().retryable());
  }
  auto st = store_->Stat("no/such");
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.status().code(), ErrorCode::StorageNotFound) << st.status().ToString();
}

TEST_P(ObjectStoreConformanceTest, OverwriteReplacesContentAndSize) {
  PutOk("k", "first version, long");
  PutOk("k", "second");
  EXPECT_EQ(GetOk("k"), "second");
  auto st = store_->Stat("k");
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->size, 6u);
}

TEST_P(ObjectStoreConformanceTest, DeleteRemovesAndMissingDeleteSucceeds) {
  PutOk("d/x", "1");
  EXPECT_TRUE(store_->Delete("d/x").ok());
  EXPECT_EQ(store_->Get("d/x").status().code(), ErrorCode::StorageNotFound);
  Status again = store_->Delete("d/x");
  EXPECT_TRUE(again.ok()) << again.ToString();
  Status never = store_->Delete("never/existed");
  EXPECT_TRUE(never.ok()) << never.ToString();
  EXPECT_TRUE(store_->DeleteMany({"never/1", "never/2"}).ok());
}

TEST_P(ObjectStoreConformanceTest, ListByPrefixIsRecursiveAndSorted) {
  for (const char* k : {"a/2", "a/1", "a/b/3", "ab", "b", "a/b/c/4"}) PutOk(k, k);
  auto all = store_->List("");
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  std::vector<std::string> keys;
  for (const auto& m : *all) keys.push_back(m.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"a/1", "a/2", "a/b/3", "a/b/c/4", "ab", "b"}));
  for (const auto& m : *all) EXPECT_EQ(m.size, m.key.size()) << m.key;

  auto dir = store_->List("a/");
  ASSERT_TRUE(dir.ok());
  keys.clear();
  for (const auto& m : *dir) keys.push_back(m.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"a/1", "a/2", "a/b/3", "a/b/c/4"}));

  auto partial = store_->List("a");
  ASSERT_TRUE(partial.ok());
  EXPECT_EQ(partial->size(), 5u);
  auto sub = store_->List("a/b/");
  ASSERT_TRUE(sub.ok());
  EXPECT_EQ(sub->size(), 2u);
  auto none = store_->List("zzz/");
  ASSERT_TRUE(none.ok()) << none.status().ToString();
  EXPECT_TRUE(none->empty());
}

TEST_P(ObjectStoreConformanceTest, KeysWithSpacesAndUnicodeRoundTrip) {
  const std::string key = "dir with space/na\xc3\xafve+plus=eq&amp%25.txt";
  PutOk(key, "x");
  EXPECT_EQ(GetOk(key), "x");
  auto l = store_->List("dir with space/");
  ASSERT_TRUE(l.ok()) << l.status().ToString();
  ASSERT_EQ(l->size(), 1u);
  EXPECT_EQ((*l)[0].key, key);
}

TEST_P(ObjectStoreConformanceTest, ListPaginatesPastAThousandKeysAndDeleteManyBatches) {
  constexpr int kKeys = 1105;
  std::vector<std::string> keys;
  for (int i = 0; i < kKeys; ++i) {
    char buf[32];
    std::snprintf(buf, sizeof(buf), "many/%05d", i);
    keys.push_back(buf);
  }
  // Four writers: the S3 variant makes one request per key.
  std::vector<std::thread> writers;
  std::atomic<int> failures{0};
  for (int t = 0; t < 4; ++t) {
    writers.emplace_back([&, t] {
      for (int i = t; i < kKeys; i += 4) {
        if (!store_->Put(keys[i], keys[i]).ok()) failures++;
      }
    });
  }
  for (auto& w : writers) w.join();
  ASSERT_EQ(failures.load(), 0);
  PutOk("other", "not listed under many/");

  auto listed = store_->List("many/");
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  ASSERT_EQ(listed->size(), static_cast<size_t>(kKeys));
  for (int i = 0; i < kKeys; ++i) EXPECT_EQ((*listed)[i].key, keys[i]);

  Status del = store_->DeleteMany(keys);
  ASSERT_TRUE(del.ok()) << del.ToString();
  auto after = store_->List("many/");
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE(after->empty());
  EXPECT_EQ(GetOk("other"), "not listed under many/");
}

TEST_P(ObjectStoreConformanceTest, LargeObjectRoundTripsWholeAndInRanges) {
  const size_t kSize = 40u << 20;  // above the S3 multipart and parallel-read thresholds
  std::string data = RandomBytes(kSize, 42);
  PutOk("big/object", data);
  auto st = store_->Stat("big/object");
  ASSERT_TRUE(st.ok()) << st.status().ToString();
  EXPECT_EQ(st->size, kSize);
  std::string got = GetOk("big/object");
  ASSERT_EQ(got.size(), kSize);
  EXPECT_TRUE(got == data) << "content differs";
  // A range spanning several 8 MiB chunks and part boundaries, and the tail.
  uint64_t off = (8u << 20) - 123;
  EXPECT_TRUE(RangeOk("big/object", off, 20u << 20) == data.substr(off, 20u << 20));
  EXPECT_TRUE(RangeOk("big/object", kSize - 5, 100) == data.substr(kSize - 5));
}

TEST_P(ObjectStoreConformanceTest, ConcurrentWritersAndReaders) {
  constexpr int kThreads = 8, kPerThread = 12;
  std::vector<std::thread> threads;
  std::atomic<int> errors{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        std::string key = "conc/t" + std::to_string(t) + "/" + std::to_string(i);
        std::string value = RandomBytes(1000 + t * 100 + i, t * 1000 + i);
        if (!store_->Put(key, value).ok()) errors++;
        auto back = store_->Get(key);
        if (!back.ok() || *back != value) errors++;
        // Everyone also races on one shared key.
        if (!store_->Put("conc/shared", "writer " + std::to_string(t)).ok()) errors++;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(errors.load(), 0);
  auto listed = store_->List("conc/");
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->size(), static_cast<size_t>(kThreads * kPerThread + 1));
  std::string shared = GetOk("conc/shared");
  EXPECT_TRUE(shared.starts_with("writer ")) << shared;
}

TEST_P(ObjectStoreConformanceTest, KeysThatEscapeTheRootAreRejected) {
  for (const char* bad : {"", "/abs", "../up", "a/../../up", "a//b", "./x"}) {
    Status st = store_->Put(bad, "x");
    EXPECT_EQ(st.code(), ErrorCode::BadArguments) << "key '" << bad << "': " << st.ToString();
    EXPECT_EQ(store_->Get(bad).status().code(), ErrorCode::BadArguments) << bad;
  }
  EXPECT_EQ(store_->List("../").status().code(), ErrorCode::BadArguments);
}

TEST_P(ObjectStoreConformanceTest, DescribeNamesTheLocationWithoutSecrets) {
  std::string d = store_->Describe();
  EXPECT_TRUE(d.starts_with("fs://") || d.starts_with("memory://") || d.starts_with("s3://")) << d;
  std::string secret = testing_s3::Env("STRATA_TEST_S3_SECRET_KEY");
  if (!secret.empty()) {
    EXPECT_EQ(d.find(secret), std::string::npos);
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, ObjectStoreConformanceTest,
                         ::testing::Values("local", "memory", "s3"),
                         [](const auto& info) { return info.param; });

TEST(OpenObjectStoreTest, UnknownProtocolIsRejected) {
  StorageParams p;
  p.type = "gcs";
  auto r = OpenObjectStore(p);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().ToString(), "[4000] protocol gcs is not supported yet.");
}

TEST(OpenObjectStoreTest, FsRootMustBeAbsolute) {
  StorageParams p;
  p.type = "fs";
  p.root = "relative/dir";
  EXPECT_FALSE(OpenObjectStore(p).ok());
}

TEST(OpenObjectStoreTest, MemoryNamespacesAreSharedBetweenOpens) {
  StorageParams p;
  p.type = "memory";
  p.root = "shared-namespace-test";
  auto a = OpenObjectStore(p);
  auto b = OpenObjectStore(p);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_TRUE((*a)->Put("k", "v").ok());
  auto got = (*b)->Get("k");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(*got, "v");
  p.root = "another-namespace-test";
  auto c = OpenObjectStore(p);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ((*c)->Get("k").status().code(), ErrorCode::StorageNotFound);
  MemoryObjectStore::ClearNamespace("shared-namespace-test");
}

}  // namespace
}  // namespace strata
