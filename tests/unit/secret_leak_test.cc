// Runs every statement class that touches credentials with known secrets and searches
// everything a user or operator can see — results, errors, warnings, the CLI's JSON
// output, the metastore files — for those secrets' bytes.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "main/database.h"

namespace strata {
namespace {

const char* kSecret = "Sup3rSecretValue-7f3a9c";
const char* kToken = "SessionTokenValue-b41e20";
const char* kAccessKey = "AKIALEAKTESTKEY42";

std::string Dump(const Result<QueryResult>& r) {
  if (!r.ok()) return r.status().ToString();
  std::string out;
  for (const auto& w : r->warnings) out += w + "\n";
  for (const auto& chunk : r->chunks) {
    for (size_t row = 0; row < chunk.num_rows(); ++row) {
      for (const auto& col : chunk.columns()) out += col->GetValue(row).ToString() + "\t";
      out += "\n";
    }
  }
  return out;
}

std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(SecretLeakTest, NoOutputOrFileContainsASecret) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "strata-secret-leak";
  fs::remove_all(dir);
  auto db = Database::Open(DatabaseOptions{dir.string()});
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  auto session = (*db)->NewSession();
  const std::string creds = std::string("ACCESS_KEY_ID = '") + kAccessKey +
                            "' SECRET_ACCESS_KEY = '" + kSecret + "' SESSION_TOKEN = '" + kToken +
                            "'";
  // An endpoint nothing listens on: statements that reach storage fail, and their errors
  // are searched too.
  const std::string endpoint = "ENDPOINT_URL = 'http://127.0.0.1:9' ";
  std::vector<std::string> statements = {
      "CREATE CONNECTION leak STORAGE_TYPE = 's3' " + endpoint + creds,
      "CREATE CONNECTION leak STORAGE_TYPE = 's3' " + endpoint + creds,  // 2512
      "CREATE OR REPLACE CONNECTION leak STORAGE_TYPE = 's3' " + endpoint + creds,
      "CREATE CONNECTION bad STORAGE_TYPE = 's3' " + creds + " NOPE = '" + kSecret + "'",
      "SHOW CONNECTIONS",
      "DESC CONNECTION leak",
      "SELECT * FROM system.connections",
      "CREATE TABLE t (x INT) 's3://bucket/p/' CONNECTION = (connection_name = 'leak')",
      "CREATE TABLE t (x INT) 's3://bucket/p/' CONNECTION = (" + endpoint + creds + ")",
      "CREATE TABLE plain (x INT)",
      "ALTER TABLE plain CONNECTION = (connection_name = 'leak')",
      "ALTER TABLE plain CONNECTION = (" + creds + ")",
      "SELECT * FROM system.tables",
      "SHOW FULL TABLES",
      "SELECT '" + std::string(kSecret) + "' FROM nope",
      std::string("CREATE CONNECTION syntax STORAGE_TYPE = 's3' ACCESS_KEY_ID = '") + kAccessKey +
          "' SECRET_ACCESS_KEY",
  };
  std::string seen;
  for (const auto& sql : statements) seen += Dump(session->Execute(sql)) + "\n";
  const char* strata = std::getenv("STRATA_TEST_BINARY");
  if (strata) {
    std::string cmd = std::string("'") + strata + "' --data-dir '" + dir.string() +
                      "' --output json -c 'SHOW CONNECTIONS; SELECT * FROM system.tables' 2>&1";
    FILE* p = popen(cmd.c_str(), "r");
    ASSERT_NE(p, nullptr);
    char buf[4096];
    size_t n;
    std::string json;
    while ((n = fread(buf, 1, sizeof(buf), p)) > 0) json.append(buf, n);
    pclose(p);
    EXPECT_NE(json.find("leak"), std::string::npos) << json;
    seen += json;
  }
  // The masked key id is shown; the secret, the token and the whole key id never are.
  EXPECT_NE(seen.find("AK***42"), std::string::npos) << seen;
  for (const char* needle : {kSecret, kToken, kAccessKey}) {
    EXPECT_EQ(seen.find(needle), std::string::npos) << needle << " leaked in:\n" << seen;
  }
  session.reset();
  db->reset();
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    std::string bytes = ReadFile(entry.path());
    for (const char* needle : {kSecret, kToken}) {
      EXPECT_EQ(bytes.find(needle), std::string::npos) << needle << " found in " << entry.path();
    }
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace strata
