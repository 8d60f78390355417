// Credentials in the SQLite metastore: sealed at rest, opened after reopening, refused
// with a clear error under the wrong master key.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>
#include <iterator>

#include "catalog/base64.h"
#include "catalog_test_env.h"

namespace strata {
namespace {

constexpr const char* kSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY";
constexpr const char* kToken = "FwoGZXIvYXdzEJr//////////wEaDSESSIONTOKEN";
constexpr const char* kKeyId = "AKIAIOSFODNN7EXAMPLE";
constexpr const char* kRole = "arn:aws:iam::123456789012:role/strata-reader";
constexpr const char* kOtherKeyHex =
    "0000000000000000000000000000000000000000000000000000000000000001";

std::string ReadFileBytes(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

// Base64 renderings of `secret` that would show up whatever its offset inside a larger
// encoded buffer: the digits that depend only on the secret's own bytes.
std::vector<std::string> Base64Forms(const std::string& secret) {
  std::vector<std::string> forms;
  for (size_t lead = 0; lead < 3; ++lead) {
    std::string enc = Base64Encode(std::string(lead, '\0') + secret);
    // Drop the digits mixed with the lead bytes and the last group (mixed with what follows).
    size_t skip = lead == 0 ? 0 : 4;
    forms.push_back(enc.substr(skip, enc.size() - skip - 4));
  }
  return forms;
}

class MetastoreSecretsTest : public ::testing::Test {
 protected:
  void SetUp() override { path_ = dir_.File("meta.db"); }

  ConnectionInfo SecretConnection() {
    ConnectionInfo c;
    c.name = "rgw";
    c.params.type = "s3";
    c.params.endpoint_url = "http://127.0.0.1:7480";
    c.params.credentials.access_key_id = kKeyId;
    c.params.credentials.secret_access_key = kSecret;
    c.params.credentials.session_token = kToken;
    c.params.credentials.role_arn = kRole;
    return c;
  }

  TableInfo SecretTable(const std::string& name) {
    TableInfo t;
    t.database = "default";
    t.name = name;
    t.columns = {{"a", DataType(TypeId::Int32), true, ""}};
    t.external = true;
    t.storage = SecretConnection().params;
    t.storage.bucket = "bkt";
    t.storage.root = "data/";
    return t;
  }

  void ExpectNoSecretInFiles() {
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::string bytes = ReadFileBytes(path_ + suffix);
      for (const std::string secret : {kSecret, kToken, kKeyId, kRole}) {
        EXPECT_EQ(bytes.find(secret), std::string::npos) << secret << " in " << path_ << suffix;
        for (const std::string& form : Base64Forms(secret)) {
          EXPECT_EQ(bytes.find(form), std::string::npos)
              << "base64 of " << secret << " in " << path_ << suffix;
        }
      }
    }
  }

  CatalogTempDir dir_;
  std::string path_;
};

TEST_F(MetastoreSecretsTest, NoSecretReachesTheFileInClear) {
  auto ms = OpenTestMetastore(path_);
  ASSERT_NE(ms, nullptr);
  ASSERT_TRUE(ms->CreateConnection(SecretConnection(), CreateMode::kCreate).ok());
  auto t = ms->CreateTable(SecretTable("t"), CreateMode::kCreate);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  ASSERT_TRUE(ms->UpdateTableStorage(t->id, 1, SecretTable("t").storage, "rgw").ok());
  // Non-secret parameters stay readable in the file, so the check above can fail.
  std::string all = ReadFileBytes(path_) + ReadFileBytes(path_ + "-wal");
  EXPECT_NE(all.find("http://127.0.0.1:7480"), std::string::npos);
  ExpectNoSecretInFiles();
  ms.reset();
  ExpectNoSecretInFiles();  // after the last connection closed and checkpointed
}

TEST_F(MetastoreSecretsTest, SecretsOpenAfterReopenWithTheSameKey) {
  {
    auto ms = OpenTestMetastore(path_);
    ASSERT_TRUE(ms->CreateConnection(SecretConnection(), CreateMode::kCreate).ok());
    ASSERT_TRUE(ms->CreateTable(SecretTable("t"), CreateMode::kCreate).ok());
  }
  auto ms = OpenTestMetastore(path_);
  auto c = ms->GetConnection("rgw");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->params, SecretConnection().params);
  auto t = ms->GetTable("default", "t");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->storage, SecretTable("t").storage);
}

TEST_F(MetastoreSecretsTest, WrongMasterKeyIsAClearError) {
  {
    auto ms = OpenTestMetastore(path_);
    ASSERT_TRUE(ms->CreateConnection(SecretConnection(), CreateMode::kCreate).ok());
    ASSERT_TRUE(ms->CreateTable(SecretTable("t"), CreateMode::kCreate).ok());
    TableInfo plain = SecretTable("plain");
    plain.external = false;
    plain.storage = {};
    ASSERT_TRUE(ms->CreateTable(plain, CreateMode::kCreate).ok());
  }
  auto ms = OpenTestMetastore(path_, TestSecretBox(kOtherKeyHex));
  ASSERT_NE(ms, nullptr);
  for (const Status& st : {ms->GetConnection("rgw").status(), ms->GetTable("default", "t").status(),
                           ms->ListConnections().status(), ms->ListTables("").status()}) {
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.code(), ErrorCode::SecretKeyError);
    EXPECT_NE(st.message().find("master key does not match"), std::string::npos) << st.message();
    EXPECT_EQ(st.message().find(kSecret), std::string::npos);
  }
  EXPECT_NE(ms->GetTable("default", "t").status().message().find("`default`.`t`"),
            std::string::npos);
  // Tables without credentials do not need the key.
  auto plain = ms->GetTable("default", "plain");
  ASSERT_TRUE(plain.ok()) << plain.status().ToString();
}

TEST_F(MetastoreSecretsTest, WrongKeyFromTheEnvironmentNamesItsSource) {
  {
    auto ms = OpenTestMetastore(path_);
    ASSERT_TRUE(ms->CreateConnection(SecretConnection(), CreateMode::kCreate).ok());
  }
  const char* old = std::getenv(SecretBox::kEnvVar);
  std::string saved = old ? old : "";
  setenv(SecretBox::kEnvVar, kOtherKeyHex, 1);
  auto box = SecretBox::FromEnvironmentOrKeyFile(dir_.path());
  if (saved.empty()) {
    unsetenv(SecretBox::kEnvVar);
  } else {
    setenv(SecretBox::kEnvVar, saved.c_str(), 1);
  }
  ASSERT_TRUE(box.ok());
  auto ms = OpenTestMetastore(path_, *box);
  auto c = ms->GetConnection("rgw");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), ErrorCode::SecretKeyError);
  EXPECT_NE(c.status().message().find("comes from STRATA_MASTER_KEY"), std::string::npos)
      << c.status().message();
}

TEST_F(MetastoreSecretsTest, SealedCredentialsAreBoundToTheirRow) {
  auto ms = OpenTestMetastore(path_);
  auto a = ms->CreateTable(SecretTable("a"), CreateMode::kCreate);
  TableInfo b_info = SecretTable("b");
  b_info.storage.credentials.secret_access_key = "a-different-secret";
  auto b = ms->CreateTable(b_info, CreateMode::kCreate);
  ASSERT_TRUE(a.ok() && b.ok());
  // Someone with write access to the file copies a's storage column over b's.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_busy_timeout(db, 5000);
  std::string sql = "UPDATE tables SET storage = (SELECT storage FROM tables WHERE id = " +
                    std::to_string(a->id) + ") WHERE id = " + std::to_string(b->id);
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  auto got = ms->GetTable("default", "b");
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), ErrorCode::SecretKeyError);
}

TEST_F(MetastoreSecretsTest, WithoutASecretBoxCredentialsAreRefused) {
  auto ms = OpenTestMetastore(path_, nullptr);
  ASSERT_NE(ms, nullptr);
  Status st = ms->CreateConnection(SecretConnection(), CreateMode::kCreate);
  EXPECT_EQ(st.code(), ErrorCode::SecretKeyError);
  EXPECT_EQ(ms->GetConnection("rgw").status().code(), ErrorCode::UnknownConnection)
      << "a failed create must leave nothing behind";
  TableInfo plain = SecretTable("plain");
  plain.storage = {};
  EXPECT_TRUE(ms->CreateTable(plain, CreateMode::kCreate).ok());
}

}  // namespace
}  // namespace strata
