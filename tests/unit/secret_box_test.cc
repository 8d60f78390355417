#include "catalog/secret_box.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "catalog/base64.h"

namespace strata {
namespace {

namespace fs = std::filesystem;

constexpr const char* kHexKey = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "strata_secret_XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(path_); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Sets or unsets STRATA_MASTER_KEY for one test and restores it afterwards.
class ScopedMasterKeyEnv {
 public:
  explicit ScopedMasterKeyEnv(const char* value) {
    if (const char* old = std::getenv(SecretBox::kEnvVar)) old_ = old;
    if (value) {
      setenv(SecretBox::kEnvVar, value, 1);
    } else {
      unsetenv(SecretBox::kEnvVar);
    }
  }
  ~ScopedMasterKeyEnv() {
    if (old_.empty()) {
      unsetenv(SecretBox::kEnvVar);
    } else {
      setenv(SecretBox::kEnvVar, old_.c_str(), 1);
    }
  }

 private:
  std::string old_;
};

std::shared_ptr<SecretBox> BoxFromHex(const char* hex) {
  auto box = SecretBox::FromKeyText(hex, "test");
  EXPECT_TRUE(box.ok()) << box.status().ToString();
  return *box;
}

TEST(SecretBoxTest, SealThenOpenRoundTrips) {
  auto box = BoxFromHex(kHexKey);
  auto sealed = box->Seal("my secret access key", "table:1:credentials");
  ASSERT_TRUE(sealed.ok());
  EXPECT_EQ(sealed->rfind("v1:", 0), 0u);
  EXPECT_EQ(sealed->find("my secret"), std::string::npos);
  auto opened = box->Open(*sealed, "table:1:credentials");
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_EQ(*opened, "my secret access key");

  auto empty = box->Seal("");
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(*box->Open(*empty), "");
}

TEST(SecretBoxTest, EverySealUsesAFreshNonce) {
  auto box = BoxFromHex(kHexKey);
  auto a = box->Seal("same text");
  auto b = box->Seal("same text");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(*a, *b);
  std::string raw;
  ASSERT_TRUE(Base64Decode(a->substr(3), &raw));
  EXPECT_EQ(raw.size(), 12u + 9u + 16u);  // nonce | ciphertext | tag
}

TEST(SecretBoxTest, WrongKeyIsAClearErrorNeverGarbage) {
  auto box = BoxFromHex(kHexKey);
  auto other = BoxFromHex("ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100");
  auto sealed = box->Seal("the-secret");
  ASSERT_TRUE(sealed.ok());
  auto opened = other->Open(*sealed);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.status().code(), ErrorCode::SecretKeyError);
  EXPECT_NE(opened.status().message().find("master key does not match"), std::string::npos);
  EXPECT_NE(opened.status().message().find("STRATA_MASTER_KEY"), std::string::npos);
  EXPECT_NE(opened.status().message().find("master.key"), std::string::npos);
}

TEST(SecretBoxTest, AssociatedDataBindsTheValueToItsPlace) {
  auto box = BoxFromHex(kHexKey);
  auto sealed = box->Seal("the-secret", "table:1:credentials");
  ASSERT_TRUE(sealed.ok());
  auto moved = box->Open(*sealed, "table:2:credentials");
  ASSERT_FALSE(moved.ok());
  EXPECT_EQ(moved.status().code(), ErrorCode::SecretKeyError);
}

TEST(SecretBoxTest, TamperedOrMalformedValuesAreRejected) {
  auto box = BoxFromHex(kHexKey);
  auto sealed = box->Seal("the-secret");
  ASSERT_TRUE(sealed.ok());
  std::string raw;
  ASSERT_TRUE(Base64Decode(sealed->substr(3), &raw));
  raw[14] ^= 1;
  EXPECT_EQ(box->Open("v1:" + Base64Encode(raw)).status().code(), ErrorCode::SecretKeyError);
  EXPECT_EQ(box->Open("v2:" + sealed->substr(3)).status().code(), ErrorCode::SecretKeyError);
  EXPECT_EQ(box->Open("v1:AAAA").status().code(), ErrorCode::SecretKeyError);
  EXPECT_EQ(box->Open("v1:!!!").status().code(), ErrorCode::SecretKeyError);
  EXPECT_EQ(box->Open("").status().code(), ErrorCode::SecretKeyError);
}

TEST(SecretBoxTest, KeyTextAcceptsHexAndBase64OfTheSameKey) {
  std::string key_bytes;
  for (int i = 0; i < 32; ++i) key_bytes.push_back(static_cast<char>(i * 7));
  std::string hex;
  for (unsigned char c : key_bytes) {
    char buf[3];
    snprintf(buf, sizeof(buf), "%02X", c);
    hex += buf;
  }
  auto from_hex = SecretBox::FromKeyText("  " + hex + "\n", "test");
  auto from_b64 = SecretBox::FromKeyText(Base64Encode(key_bytes), "test");
  ASSERT_TRUE(from_hex.ok()) << from_hex.status().ToString();
  ASSERT_TRUE(from_b64.ok()) << from_b64.status().ToString();
  auto sealed = (*from_hex)->Seal("x");
  ASSERT_TRUE(sealed.ok());
  EXPECT_EQ(*(*from_b64)->Open(*sealed), "x");
}

TEST(SecretBoxTest, MalformedKeyTextIsAnError) {
  for (std::string bad :
       {std::string(""), std::string("hello"), std::string(kHexKey).substr(1),
        std::string(kHexKey) + "0", Base64Encode(std::string(31, 'k')), std::string(64, 'g')}) {
    auto box = SecretBox::FromKeyText(bad, SecretBox::kEnvVar);
    ASSERT_FALSE(box.ok()) << bad;
    EXPECT_EQ(box.status().code(), ErrorCode::SecretKeyError);
    EXPECT_NE(box.status().message().find("STRATA_MASTER_KEY"), std::string::npos);
    EXPECT_NE(box.status().message().find("64 hex digits"), std::string::npos);
  }
}

TEST(SecretBoxTest, EnvironmentKeyWinsAndNoKeyFileIsCreated) {
  TempDir dir;
  ScopedMasterKeyEnv env(kHexKey);
  auto box = SecretBox::FromEnvironmentOrKeyFile(dir.path());
  ASSERT_TRUE(box.ok()) << box.status().ToString();
  EXPECT_EQ((*box)->source(), "STRATA_MASTER_KEY");
  EXPECT_FALSE(fs::exists(fs::path(dir.path()) / "master.key"));
  auto sealed = (*box)->Seal("x");
  EXPECT_EQ(*BoxFromHex(kHexKey)->Open(*sealed), "x");
}

TEST(SecretBoxTest, MalformedEnvironmentKeyIsAnError) {
  TempDir dir;
  ScopedMasterKeyEnv env("not-a-key");
  auto box = SecretBox::FromEnvironmentOrKeyFile(dir.path());
  ASSERT_FALSE(box.ok());
  EXPECT_EQ(box.status().code(), ErrorCode::SecretKeyError);
  EXPECT_NE(box.status().message().find("STRATA_MASTER_KEY"), std::string::npos);
  EXPECT_EQ(box.status().message().find("not-a-key"), std::string::npos) << "key text leaked";
}

TEST(SecretBoxTest, KeyFileIsCreatedWithMode0600WhateverTheUmask) {
  TempDir dir;
  ScopedMasterKeyEnv env(nullptr);
  mode_t old_umask = umask(0);
  auto first = SecretBox::FromEnvironmentOrKeyFile(dir.path());
  umask(old_umask);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  std::string key_path = dir.path() + "/master.key";
  struct stat st;
  ASSERT_EQ(stat(key_path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0600u);
  EXPECT_EQ((*first)->source(), key_path);

  // No temporary files are left behind.
  size_t entries = 0;
  for (const auto& e : fs::directory_iterator(dir.path())) {
    (void)e;
    ++entries;
  }
  EXPECT_EQ(entries, 1u);

  // A second start reads the same key.
  auto second = SecretBox::FromEnvironmentOrKeyFile(dir.path());
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  auto sealed = (*first)->Seal("persisted");
  EXPECT_EQ(*(*second)->Open(*sealed), "persisted");
}

TEST(SecretBoxTest, KeyFileReadableByOthersIsRefused) {
  TempDir dir;
  ScopedMasterKeyEnv env(nullptr);
  ASSERT_TRUE(SecretBox::FromEnvironmentOrKeyFile(dir.path()).ok());
  std::string key_path = dir.path() + "/master.key";
  ASSERT_EQ(chmod(key_path.c_str(), 0640), 0);
  auto box = SecretBox::FromEnvironmentOrKeyFile(dir.path());
  ASSERT_FALSE(box.ok());
  EXPECT_EQ(box.status().code(), ErrorCode::SecretKeyError);
  EXPECT_NE(box.status().message().find("0640"), std::string::npos) << box.status().message();
  EXPECT_NE(box.status().message().find("chmod 600"), std::string::npos);
}

TEST(SecretBoxTest, MalformedKeyFileIsAnError) {
  TempDir dir;
  std::string key_path = dir.path() + "/master.key";
  {
    std::ofstream f(key_path);
    f << "garbage\n";
  }
  ASSERT_EQ(chmod(key_path.c_str(), 0600), 0);
  auto box = SecretBox::FromKeyFile(key_path);
  ASSERT_FALSE(box.ok());
  EXPECT_EQ(box.status().code(), ErrorCode::SecretKeyError);
  EXPECT_NE(box.status().message().find(key_path), std::string::npos);
}

TEST(SecretBoxTest, RacingCreatorsAllGetTheSameKey) {
  TempDir dir;
  std::string key_path = dir.path() + "/master.key";
  constexpr int kThreads = 8;
  std::vector<std::shared_ptr<SecretBox>> boxes(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      auto box = SecretBox::FromKeyFile(key_path);
      if (box.ok()) boxes[i] = *box;
    });
  }
  for (auto& t : threads) t.join();
  ASSERT_NE(boxes[0], nullptr);
  auto sealed = boxes[0]->Seal("shared");
  ASSERT_TRUE(sealed.ok());
  for (int i = 1; i < kThreads; ++i) {
    ASSERT_NE(boxes[i], nullptr) << i;
    auto opened = boxes[i]->Open(*sealed);
    ASSERT_TRUE(opened.ok()) << i << ": " << opened.status().ToString();
    EXPECT_EQ(*opened, "shared");
  }
}

}  // namespace
}  // namespace strata
