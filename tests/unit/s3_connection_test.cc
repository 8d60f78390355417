// ALTER TABLE ... CONNECTION against a real S3 server (Ceph radosgw started by
// scripts/s3-server.sh): the seed's examples, rotation after the old key is revoked on the
// server, switching to an IAM role and back, ignored settings, refusals, and visibility
// in another process. Skipped when the STRATA_TEST_S3_* variables are not set.
#include <gtest/gtest.h>
#include <openssl/rand.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "main/database.h"

namespace strata {
namespace {

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

std::string RandomToken(size_t n) {
  static const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  std::string out;
  unsigned char buf[64];
  RAND_bytes(buf, static_cast<int>(n));
  for (size_t i = 0; i < n; ++i) out += kAlphabet[buf[i] % 36];
  return out;
}

// Runs a shell command, returns its exit status; output goes to *out when given.
int RunShell(const std::string& cmd, std::string* out = nullptr) {
  FILE* p = popen((cmd + " 2>&1").c_str(), "r");
  if (!p) return -1;
  std::string text;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof(buf), p)) > 0) text.append(buf, n);
  int rc = pclose(p);
  if (out) *out = text;
  return rc;
}

struct Key {
  std::string id;
  std::string secret;
};

class S3ConnectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    endpoint_ = Env("STRATA_TEST_S3_ENDPOINT");
    bucket_ = Env("STRATA_TEST_S3_BUCKET");
    conf_ = Env("STRATA_TEST_CEPH_CONF");
    if (endpoint_.empty() || bucket_.empty() || conf_.empty()) {
      GTEST_SKIP() << "no test S3 server: run under scripts/test.sh (STRATA_TEST_S3_* unset)";
    }
    dir_ = std::filesystem::temp_directory_path() / ("strata-s3conn-" + RandomToken(8));
    auto db = Database::Open(DatabaseOptions{dir_.string()});
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = *db;
    session_ = db_->NewSession();
    prefix_ = "conn-test-" + RandomToken(8) + "/";
  }
  void TearDown() override {
    for (const auto& k : created_keys_) RemoveKey(k);
    session_.reset();
    db_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  // radosgw-admin, serialised across test processes: changing a user's keys reads and
  // rewrites the whole user record, so two tests adding or removing keys at once can
  // undo each other (a revoked key coming back).
  std::string Admin() const {
    std::string dir = std::filesystem::path(conf_).parent_path().string();
    return "flock '" + dir + "/strata-admin.lock' radosgw-admin -c '" + conf_ + "'";
  }

  // A fresh access key for the test user, created on the server.
  Key AddKey() {
    Key k{"STRATA" + RandomToken(14), RandomToken(32)};
    std::string out;
    int rc = RunShell(Admin() + " key create --uid=strata --key-type=s3 --access-key=" + k.id +
                          " --secret-key=" + k.secret,
                      &out);
    EXPECT_EQ(rc, 0) << out;
    created_keys_.push_back(k);
    return k;
  }
  void RemoveKey(const Key& k) {
    RunShell(Admin() + " key rm --uid=strata --key-type=s3 --access-key=" + k.id);
  }

  QueryResult Ok(const std::string& sql) {
    auto r = session_->Execute(sql);
    EXPECT_TRUE(r.ok()) << sql << "\n" << r.status().ToString();
    return r.ok() ? std::move(r).value() : QueryResult{};
  }
  Status Fails(const std::string& sql) {
    auto r = session_->Execute(sql);
    EXPECT_FALSE(r.ok()) << "expected an error from: " << sql;
    return r.ok() ? Status::OK() : r.status();
  }
  int64_t Count(const std::string& table) {
    QueryResult r = Ok("SELECT count(*) FROM " + table);
    if (r.chunks.empty() || r.chunks[0].num_rows() == 0) return -1;
    return r.chunks[0].column(0)->GetValue(0).GetInt();
  }
  std::string KeyConnection(const std::string& name, const Key& k, const std::string& extra = "") {
    return "CREATE CONNECTION " + name + " STORAGE_TYPE = 's3' ENDPOINT_URL = '" + endpoint_ +
           "' ACCESS_KEY_ID = '" + k.id + "' SECRET_ACCESS_KEY = '" + k.secret + "'" + extra;
  }
  std::string Location() const { return "'s3://" + bucket_ + "/" + prefix_ + "'"; }

  std::string endpoint_, bucket_, conf_, prefix_;
  std::filesystem::path dir_;
  std::shared_ptr<Database> db_;
  std::unique_ptr<Session> session_;
  std::vector<Key> created_keys_;
};

TEST_F(S3ConnectionTest, SeedExampleRotatesToANewKeyConnection) {
  Key a = AddKey(), b = AddKey();
  Ok(KeyConnection("external_table_conn", a));
  Ok(KeyConnection("external_table_conn_new", b));
  Ok("CREATE OR REPLACE TABLE external_table_test (id INT, name VARCHAR, age INT) " + Location() +
     " CONNECTION=(connection_name = 'external_table_conn')");
  Ok("INSERT INTO external_table_test VALUES (1, 'ann', 30), (2, 'bob', 40)");
  Ok("ALTER TABLE external_table_test CONNECTION=( connection_name = 'external_table_conn_new' )");
  Ok("INSERT INTO external_table_test VALUES (3, 'cy', 50)");
  EXPECT_EQ(Count("external_table_test"), 3);
  QueryResult r =
      Ok("SELECT connection_name FROM system.tables WHERE name = 'external_table_test'");
  ASSERT_EQ(r.num_rows(), 1u);
  EXPECT_EQ(r.chunks[0].column(0)->GetValue(0).GetString(), "external_table_conn_new");
}

TEST_F(S3ConnectionTest, RotationWorksAfterTheOldKeyIsRevoked) {
  Key a = AddKey();
  Ok(KeyConnection("conn_a", a));
  Ok("CREATE TABLE t (id INT, v VARCHAR) " + Location() +
     " CONNECTION=(connection_name = 'conn_a')");
  Ok("INSERT INTO t SELECT number, 'v' || number FROM numbers(1000)");
  Key b = AddKey();
  RemoveKey(a);
  Status s = Fails("SELECT count(*) FROM t");
  EXPECT_NE(s.message().find("`default`.`t`"), std::string::npos) << s.ToString();
  EXPECT_NE(s.message().find("ALTER TABLE `default`.`t` CONNECTION"), std::string::npos)
      << s.ToString();
  EXPECT_EQ(s.message().find(a.secret), std::string::npos);
  Ok(KeyConnection("conn_b", b));
  Ok("ALTER TABLE t CONNECTION = (connection_name = 'conn_b')");
  EXPECT_EQ(Count("t"), 1000);
  Ok("INSERT INTO t VALUES (1000, 'new')");
  EXPECT_EQ(Count("t"), 1001);
}

TEST_F(S3ConnectionTest, ARoleCarriesEveryReadAndWrite) {
  std::string role = Env("STRATA_TEST_S3_ROLE_ARN");
  std::string ak2 = Env("STRATA_TEST_S3_USER2_ACCESS_KEY");
  std::string sk2 = Env("STRATA_TEST_S3_USER2_SECRET_KEY");
  if (role.empty() || ak2.empty()) GTEST_SKIP() << "no role configured on the test server";
  Key a = AddKey();
  Ok(KeyConnection("s3_access_key_conn", a));
  Ok("CREATE TABLE sales_data (order_id INT, product_name VARCHAR, quantity INT) " + Location() +
     " CONNECTION=(connection_name = 's3_access_key_conn')");
  Ok("INSERT INTO sales_data VALUES (1, 'apple', 3)");
  // user2 has no rights on the bucket: its keys alone are refused...
  Ok("CREATE CONNECTION user2_keys STORAGE_TYPE = 's3' ENDPOINT_URL = '" + endpoint_ +
     "' ACCESS_KEY_ID = '" + ak2 + "' SECRET_ACCESS_KEY = '" + sk2 + "'");
  Status refused = Fails("ALTER TABLE sales_data CONNECTION=( connection_name = 'user2_keys' )");
  EXPECT_EQ(refused.code(), ErrorCode::StorageOther) << refused.ToString();
  EXPECT_EQ(Count("sales_data"), 1);  // the old credentials stayed in place
  // ...but through the role it can read and write: access really goes through STS.
  Ok("CREATE CONNECTION s3_role_conn STORAGE_TYPE = 's3' ENDPOINT_URL = '" + endpoint_ +
     "' ROLE_ARN = '" + role + "' EXTERNAL_ID = 'strata-test' ACCESS_KEY_ID = '" + ak2 +
     "' SECRET_ACCESS_KEY = '" + sk2 + "'");
  Ok("ALTER TABLE sales_data CONNECTION=( connection_name = 's3_role_conn' )");
  RemoveKey(a);  // the table no longer needs key A
  Ok("INSERT INTO sales_data VALUES (2, 'pear', 5)");
  EXPECT_EQ(Count("sales_data"), 2);
  QueryResult shown = Ok("SHOW CREATE TABLE sales_data");
  std::string text = shown.chunks[0].column(1)->GetValue(0).GetString();
  EXPECT_NE(text.find("iam_role=" + role), std::string::npos) << text;
  EXPECT_EQ(text.find(sk2), std::string::npos);
}

// Back from a role to keys. The role session's caller is the table owner's own user here:
// radosgw makes objects written through a role session belong to the caller, so a
// session of another user would leave objects the owner's keys cannot read.
TEST_F(S3ConnectionTest, SwitchingBackFromARoleDropsIt) {
  std::string role = Env("STRATA_TEST_S3_ROLE_ARN");
  if (role.empty()) GTEST_SKIP() << "no role configured on the test server";
  Key a = AddKey(), caller = AddKey();
  Ok(KeyConnection("keys_a", a));
  Ok("CREATE TABLE t (x INT) " + Location() + " CONNECTION=(connection_name = 'keys_a')");
  Ok("INSERT INTO t VALUES (1)");
  Ok("CREATE CONNECTION role_conn STORAGE_TYPE = 's3' ENDPOINT_URL = '" + endpoint_ +
     "' ROLE_ARN = '" + role + "' ACCESS_KEY_ID = '" + caller.id + "' SECRET_ACCESS_KEY = '" +
     caller.secret + "'");
  Ok("ALTER TABLE t CONNECTION = (connection_name = 'role_conn')");
  Ok("INSERT INTO t VALUES (2)");
  Key c = AddKey();
  Ok(KeyConnection("back_to_keys", c));
  Ok("ALTER TABLE t CONNECTION = (connection_name = 'back_to_keys')");
  QueryResult shown = Ok("SHOW CREATE TABLE t");
  std::string text = shown.chunks[0].column(1)->GetValue(0).GetString();
  EXPECT_EQ(text.find("iam_role"), std::string::npos) << text;
  EXPECT_EQ(Count("t"), 2);
}

TEST_F(S3ConnectionTest, IgnoredSettingsWarnAndTheTableKeepsItsOwn) {
  Key a = AddKey(), b = AddKey();
  Ok(KeyConnection("c1", a));
  Ok("CREATE TABLE t (x INT) " + Location() + " CONNECTION=(connection_name = 'c1')");
  Ok("INSERT INTO t VALUES (7)");
  Ok("CREATE CONNECTION c2 STORAGE_TYPE = 's3' ENDPOINT_URL = 'http://127.0.0.1:9' REGION = "
     "'eu-west-1' ACCESS_KEY_ID = '" +
     b.id + "' SECRET_ACCESS_KEY = '" + b.secret + "'");
  QueryResult r = Ok("ALTER TABLE t CONNECTION = (connection_name = 'c2')");
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].find("region"), std::string::npos) << r.warnings[0];
  EXPECT_NE(r.warnings[0].find("endpoint_url"), std::string::npos) << r.warnings[0];
  EXPECT_EQ(Count("t"), 1);  // still against the original endpoint
}

TEST_F(S3ConnectionTest, RefusedChangesLeaveTheTableUntouched) {
  Key a = AddKey();
  Ok(KeyConnection("good", a));
  Ok("CREATE TABLE t (x INT) " + Location() + " CONNECTION=(connection_name = 'good')");
  Ok("INSERT INTO t VALUES (1), (2)");
  Ok("CREATE CONNECTION bad STORAGE_TYPE = 's3' ENDPOINT_URL = '" + endpoint_ +
     "' ACCESS_KEY_ID = 'NOSUCHKEY0000001' SECRET_ACCESS_KEY = 'not-the-secret-42'");
  Status s = Fails("ALTER TABLE t CONNECTION = (connection_name = 'bad')");
  EXPECT_EQ(s.code(), ErrorCode::StorageOther);
  EXPECT_EQ(s.message().find("not-the-secret-42"), std::string::npos) << s.ToString();
  EXPECT_EQ(Fails("ALTER TABLE t CONNECTION = (connection_name = 'nope')").code(),
            ErrorCode::UnknownConnection);
  Ok("CREATE CONNECTION local STORAGE_TYPE = 'fs'");
  EXPECT_EQ(Fails("ALTER TABLE t CONNECTION = (connection_name = 'local')").code(),
            ErrorCode::StorageOther);
  EXPECT_EQ(Fails("ALTER TABLE t CONNECTION = (connection_name = 'good', region = 'x')").code(),
            ErrorCode::StorageOther);
  Ok("CREATE TABLE plain (x INT)");
  EXPECT_EQ(Fails("ALTER TABLE plain CONNECTION = (connection_name = 'good')").code(),
            ErrorCode::TableEngineNotSupported);
  EXPECT_EQ(Fails("ALTER TABLE nope CONNECTION = (connection_name = 'good')").code(),
            ErrorCode::UnknownTable);
  // Inline credentials work in ALTER too.
  Key b = AddKey();
  Ok("ALTER TABLE t CONNECTION = (access_key_id = '" + b.id + "' secret_access_key = '" + b.secret +
     "')");
  RemoveKey(a);
  EXPECT_EQ(Count("t"), 2);
}

TEST_F(S3ConnectionTest, CreateChecksTheLocationWithTheTablesCredentials) {
  Status s =
      Fails("CREATE TABLE t (x INT) " + Location() + " CONNECTION = (endpoint_url = '" + endpoint_ +
            "' access_key_id = 'NOSUCHKEY0000002' secret_access_key = 'wrong-secret-77')");
  EXPECT_EQ(s.code(), ErrorCode::StorageOther);
  EXPECT_NE(s.message().find("Checking essential permissions"), std::string::npos) << s.ToString();
  EXPECT_EQ(s.message().find("wrong-secret-77"), std::string::npos);
  Key a = AddKey();
  s = Fails(
      "CREATE TABLE t (x INT) 's3://no-such-bucket-strata/x/' CONNECTION = (endpoint_url = '" +
      endpoint_ + "' access_key_id = '" + a.id + "' secret_access_key = '" + a.secret + "')");
  EXPECT_NE(s.message().find("NoSuchBucket"), std::string::npos) << s.ToString();
}

// Ordinary tables kept on S3 (DatabaseOptions::table_storage, the CLI's --table-storage)
// with credentials from a connection: each table records where it lives and which
// connection it uses, so a Database opened without the option still finds it, and
// replacing the connection rotates its keys; a missing connection fails at open, a
// location the keys cannot write to at CREATE TABLE.
TEST_F(S3ConnectionTest, OrdinaryTablesCanLiveOnS3ThroughAConnection) {
  Key a = AddKey();
  Ok(KeyConnection("data_conn", a));
  DatabaseOptions on_s3(dir_.string());
  StorageParams location;
  location.type = "s3";
  location.bucket = bucket_;
  location.root = prefix_ + "ordinary/";
  on_s3.table_storage = location;
  on_s3.table_storage_connection = "data_conn";
  {
    auto db = Database::Open(on_s3);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    auto s = (*db)->NewSession();
    ASSERT_TRUE(s->Execute("CREATE TABLE o (x INT)").ok());
    auto ins = s->Execute("INSERT INTO o SELECT number FROM numbers(100)");
    ASSERT_TRUE(ins.ok()) << ins.status().ToString();
  }
  QueryResult where =
      Ok("SELECT storage_type, is_external, connection_name FROM system.tables WHERE name = 'o'");
  ASSERT_EQ(where.num_rows(), 1u);
  EXPECT_EQ(where.chunks[0].column(0)->GetValue(0).GetString(), "s3");
  EXPECT_FALSE(where.chunks[0].column(1)->GetValue(0).GetBool());
  EXPECT_EQ(where.chunks[0].column(2)->GetValue(0).GetString(), "data_conn");
  EXPECT_FALSE(std::filesystem::exists(dir_ / "data"));  // nothing in the data directory
  EXPECT_EQ(Count("o"), 100);

  DatabaseOptions missing = on_s3;
  missing.table_storage_connection = "no_such_conn";
  auto refused = Database::Open(missing);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), ErrorCode::UnknownConnection) << refused.status().ToString();

  RemoveKey(a);  // the connection's key no longer works: a new table says so, naming the place
  auto reopened = Database::Open(on_s3);
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  auto denied = (*reopened)->NewSession()->Execute("CREATE TABLE o2 (x INT)");
  ASSERT_FALSE(denied.ok());
  EXPECT_NE(denied.status().message().find("s3://" + bucket_ + "/" + prefix_ + "ordinary/"),
            std::string::npos)
      << denied.status().ToString();
  EXPECT_EQ(denied.status().message().find(a.secret), std::string::npos);
  EXPECT_FALSE(session_->Execute("DESC o2").ok());  // nothing was created
  Status denied_now = Fails("SELECT count(*) FROM o");
  EXPECT_NE(denied_now.message().find("CREATE OR REPLACE CONNECTION"), std::string::npos)
      << denied_now.ToString();

  // Rotation: replace the connection; the table follows at its next statement.
  Key b = AddKey();
  Ok("DROP CONNECTION data_conn");
  Status no_conn = Fails("SELECT count(*) FROM o");
  EXPECT_EQ(no_conn.code(), ErrorCode::UnknownConnection) << no_conn.ToString();
  Ok(KeyConnection("data_conn", b));
  EXPECT_EQ(Count("o"), 100);
  Ok("INSERT INTO o VALUES (100)");
  EXPECT_EQ(Count("o"), 101);
}

TEST_F(S3ConnectionTest, AnotherProcessSeesTheNewCredentialsAtOnce) {
  std::string strata = Env("STRATA_TEST_BINARY");
  if (strata.empty()) GTEST_SKIP() << "STRATA_TEST_BINARY (the strata program) is not set";
  Key a = AddKey();
  Ok(KeyConnection("ca", a));
  Ok("CREATE TABLE t (x INT) " + Location() + " CONNECTION=(connection_name = 'ca')");
  Ok("INSERT INTO t VALUES (1), (2), (3)");
  std::string cmd =
      "'" + strata + "' --data-dir '" + dir_.string() + "' -c 'SELECT count(*) FROM t'";
  std::string out;
  ASSERT_EQ(RunShell(cmd, &out), 0) << out;
  EXPECT_EQ(out, "3\n");
  Key b = AddKey();
  RemoveKey(a);
  EXPECT_NE(RunShell(cmd, &out), 0) << out;
  Ok(KeyConnection("cb", b));
  Ok("ALTER TABLE t CONNECTION = (connection_name = 'cb')");
  ASSERT_EQ(RunShell(cmd, &out), 0) << out;
  EXPECT_EQ(out, "3\n");
}

}  // namespace
}  // namespace strata
