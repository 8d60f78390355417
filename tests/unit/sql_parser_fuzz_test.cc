// The parser must never crash, hang or overflow its stack: random token soups,
// truncations and mutations of valid statements, and pathological nesting all end in
// either a tree or a 1005/1007 error that names a position. Successful parses of queries
// must survive a ToSql round trip.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "sql/parser.h"

namespace strata::sql {
namespace {

const char* kCorpus[] = {
    "CREATE CONNECTION external_table_conn STORAGE_TYPE = 's3' ACCESS_KEY_ID = '<ak>' "
    "SECRET_ACCESS_KEY = '<sk>'",
    "CREATE OR REPLACE TABLE external_table_test (id INT, name VARCHAR, age INT) "
    "'s3://testbucket/13_fuse_external_table/' CONNECTION=(connection_name = "
    "'external_table_conn')",
    "ALTER TABLE external_table_test CONNECTION=( connection_name = 'external_table_conn_new' )",
    "CREATE TABLE IF NOT EXISTS db.t (a BIGINT NOT NULL DEFAULT 1 + 2, b DECIMAL(10, 2) NULL, "
    "c VARCHAR DEFAULT 'x''y' COMMENT 'c')",
    "SELECT DISTINCT a, b + 1 AS c, count(*), sum(DISTINCT d) FROM db.t AS x LEFT JOIN u ON "
    "x.a = u.a, numbers(10) n WHERE a BETWEEN 1 AND 2 AND b NOT IN (1, 2) OR c LIKE 'x%' "
    "GROUP BY a, b HAVING count(*) > 1 ORDER BY a DESC NULLS FIRST LIMIT 10 OFFSET 2",
    "WITH w AS (SELECT 1 AS x) SELECT CASE WHEN x > 0 THEN 'p' ELSE 'n' END, CAST(x AS "
    "VARCHAR), x::BIGINT, TRY_CAST('1' AS INT), DATE '2024-01-01' FROM w UNION ALL SELECT "
    "(SELECT 1), NULL, -1.5e3, 1.25, TRUE FROM (SELECT 1) s WHERE EXISTS (SELECT 1)",
    "INSERT INTO t (a, b) VALUES (1, 'x'), (2, NULL)",
    "INSERT OVERWRITE t SELECT * EXCLUDE (a) FROM u",
    "SHOW FULL TABLES FROM db LIKE 'x%'",
    "DESC CONNECTION c",
    "DROP TABLE IF EXISTS db.t",
    "SET max_threads = 4",
    "EXPLAIN SELECT a IS NOT NULL, b IS DISTINCT FROM c FROM t",
};

const char* kVocabulary[] = {
    "SELECT", "FROM",    "WHERE", "GROUP",   "BY",      "ORDER",      "LIMIT",
    "OFFSET", "UNION",   "ALL",   "CREATE",  "TABLE",   "CONNECTION", "STORAGE_TYPE",
    "OR",     "REPLACE", "IF",    "NOT",     "EXISTS",  "INSERT",     "INTO",
    "VALUES", "AND",     "IN",    "BETWEEN", "LIKE",    "IS",         "NULL",
    "CASE",   "WHEN",    "THEN",  "ELSE",    "END",     "CAST",       "AS",
    "JOIN",   "LEFT",    "ON",    "WITH",    "DATE",    "DISTINCT",   "ALTER",
    "DROP",   "SHOW",    "DESC",  "SET",     "EXPLAIN", "a",          "t",
    "db",     "\"Q\"",   "`b`",   "1",       "2.5",     "1e3",        "99999999999999999999",
    "'s'",    "'",       "\"",    "(",       ")",       ",",          ".",
    ";",      "*",       "+",     "-",       "/",       "%",          "||",
    "=",      "<>",      "<",     ">=",      "::",      "--",         "/*",
    "*/",     "\n",      "count", "INT",     "DECIMAL", "=",          "TRUE",
};

// Parses and checks the contract; returns true when the input parsed.
bool CheckOne(const std::string& sql) {
  auto r = ParseSql(sql);
  if (!r.ok()) {
    ErrorCode code = r.status().code();
    EXPECT_TRUE(code == ErrorCode::SyntaxException || code == ErrorCode::IllegalDataType)
        << sql << " -> " << r.status().ToString();
    EXPECT_NE(r.status().message().find("line "), std::string::npos)
        << sql << " -> " << r.status().ToString();
    return false;
  }
  for (const StatementPtr& stmt : *r) {
    if (stmt->kind != StatementKind::Query) continue;
    std::string canon = ToSql(*stmt->As<QueryStmt>().query);
    auto again = ParseStatement(canon);
    EXPECT_TRUE(again.ok()) << sql << " -> " << canon << " -> " << again.status().ToString();
    if (again.ok() && (*again)->kind == StatementKind::Query) {
      EXPECT_EQ(ToSql(*(*again)->As<QueryStmt>().query), canon) << sql;
    }
  }
  return true;
}

TEST(SqlParserFuzzTest, CorpusParses) {
  for (const char* sql : kCorpus) EXPECT_TRUE(CheckOne(sql)) << sql;
}

TEST(SqlParserFuzzTest, EveryPrefixOfValidStatements) {
  for (const char* sql : kCorpus) {
    std::string s(sql);
    for (size_t n = 0; n <= s.size(); ++n) CheckOne(s.substr(0, n));
  }
}

TEST(SqlParserFuzzTest, RandomTokenSoups) {
  std::mt19937 rng(20240601);
  constexpr size_t kVocab = sizeof(kVocabulary) / sizeof(kVocabulary[0]);
  int parsed = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string sql;
    int len = 1 + static_cast<int>(rng() % 30);
    for (int j = 0; j < len; ++j) {
      sql += kVocabulary[rng() % kVocab];
      sql += (rng() % 4 == 0) ? "" : " ";
    }
    parsed += CheckOne(sql) ? 1 : 0;
  }
  EXPECT_LT(parsed, 20000);  // almost all soups are errors; the point is no crash
}

TEST(SqlParserFuzzTest, MutatedStatements) {
  std::mt19937 rng(7);
  for (const char* sql : kCorpus) {
    std::string base(sql);
    for (int i = 0; i < 400; ++i) {
      std::string s = base;
      int edits = 1 + static_cast<int>(rng() % 3);
      for (int e = 0; e < edits && !s.empty(); ++e) {
        size_t at = rng() % s.size();
        switch (rng() % 3) {
          case 0:
            s.erase(at, 1 + rng() % 5);
            break;
          case 1:
            s.insert(at, kVocabulary[rng() % (sizeof(kVocabulary) / sizeof(kVocabulary[0]))]);
            break;
          default:
            s[at] = static_cast<char>(rng() % 256);
            break;
        }
      }
      CheckOne(s);
    }
  }
}

TEST(SqlParserFuzzTest, DeepNestingIsAnErrorNotACrash) {
  const int n = 100000;
  std::vector<std::string> inputs = {
      "SELECT " + std::string(n, '(') + "1" + std::string(n, ')'),
      "SELECT " + std::string(n, '('),
      "SELECT " + std::string(n, '-') + "1",
      "SELECT * FROM " + std::string(n, '('),
  };
  std::string nots = "SELECT ";
  std::string sum = "SELECT 1";
  std::string joins = "SELECT * FROM t";
  std::string unions = "SELECT 1";
  std::string subqueries = "SELECT 1";
  std::string calls = "SELECT ";
  std::string explains;
  for (int i = 0; i < 20000; ++i) {
    nots += "NOT ";
    sum += " + 1";
    joins += " JOIN t ON TRUE";
    unions += " UNION SELECT 1";
    calls += "f(";
    explains += "EXPLAIN ";
  }
  for (int i = 0; i < 2000; ++i) subqueries = "SELECT (" + subqueries + ")";
  inputs.insert(inputs.end(),
                {nots + "a", sum, joins, unions, subqueries, calls, explains + "SELECT 1"});
  for (const std::string& sql : inputs) {
    auto r = ParseSql(sql);
    ASSERT_FALSE(r.ok()) << sql.substr(0, 40);
    EXPECT_EQ(r.status().code(), ErrorCode::SyntaxException);
  }
}

TEST(SqlParserFuzzTest, ModerateNestingStillParses) {
  std::string sum = "SELECT 1";
  for (int i = 0; i < 1000; ++i) sum += " + 1";
  EXPECT_TRUE(CheckOne(sum));
  EXPECT_TRUE(CheckOne("SELECT " + std::string(50, '(') + "1" + std::string(50, ')')));
  std::string ors = "SELECT * FROM t WHERE a = 0";
  for (int i = 1; i < 500; ++i) ors += " OR a = " + std::to_string(i);
  EXPECT_TRUE(CheckOne(ors));
}

TEST(SqlParserFuzzTest, LargeInsertIsLinear) {
  std::string sql = "INSERT INTO t VALUES ";
  for (int i = 0; i < 200000; ++i) {
    if (i > 0) sql += ", ";
    sql += "(" + std::to_string(i) + ", 'name_" + std::to_string(i) + "', 1.5)";
  }
  auto r = ParseStatement(sql);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)->As<InsertStmt>().values.size(), 200000u);
}

}  // namespace
}  // namespace strata::sql
