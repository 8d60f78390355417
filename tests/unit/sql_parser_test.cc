// Statement parsing: every statement kind, the seed's statements, error messages.
#include "sql/parser.h"

#include <gtest/gtest.h>

#include <string>

namespace strata::sql {
namespace {

StatementPtr Parse(std::string_view sql) {
  auto r = ParseStatement(sql);
  EXPECT_TRUE(r.ok()) << sql << "\n" << r.status().ToString();
  if (!r.ok()) return nullptr;
  return std::move(r).value();
}

// The error message of a statement that must not parse (and must be a 1005 error).
std::string ErrorOf(std::string_view sql) {
  auto r = ParseSql(sql);
  if (r.ok()) return "<parsed>";
  EXPECT_EQ(r.status().code(), ErrorCode::SyntaxException) << r.status().ToString();
  return r.status().message();
}

std::string Options(const std::vector<ConnectionOption>& options) {
  std::string s;
  for (const auto& o : options) s += (s.empty() ? "" : " ") + o.key + "=" + o.value;
  return s;
}

std::string Name(const TableName& n) {
  return (n.database ? n.database->name + "." : "") + n.table.name;
}

// ---- the seed

TEST(SqlParserTest, SeedStatements) {
  auto r = ParseSql(
      "CREATE CONNECTION external_table_conn STORAGE_TYPE = 's3' ACCESS_KEY_ID = '<ak>' "
      "SECRET_ACCESS_KEY = '<sk>';\n"
      "CREATE OR REPLACE TABLE external_table_test (id INT, name VARCHAR, age INT) "
      "'s3://testbucket/13_fuse_external_table/' CONNECTION=(connection_name = "
      "'external_table_conn');\n"
      "ALTER TABLE external_table_test CONNECTION=( connection_name = "
      "'external_table_conn_new' );\n"
      "CREATE CONNECTION s3_role_conn STORAGE_TYPE = 's3' ROLE_ARN = "
      "'arn:aws:iam::123456789012:role/databend-access';\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 4u);

  const auto& conn = (*r)[0]->As<CreateConnectionStmt>();
  EXPECT_EQ(conn.name.name, "external_table_conn");
  EXPECT_EQ(conn.storage_type, "s3");
  EXPECT_EQ(Options(conn.options), "access_key_id=<ak> secret_access_key=<sk>");
  EXPECT_FALSE(conn.or_replace);

  const auto& table = (*r)[1]->As<CreateTableStmt>();
  EXPECT_TRUE(table.or_replace);
  EXPECT_FALSE(table.if_not_exists);
  EXPECT_EQ(Name(table.name), "external_table_test");
  ASSERT_EQ(table.columns.size(), 3u);
  EXPECT_EQ(table.columns[1].name.name, "name");
  EXPECT_EQ(table.columns[1].type.text, "VARCHAR");
  EXPECT_EQ(table.columns[1].type.type, DataType(TypeId::String));
  EXPECT_EQ(table.columns[2].type.type, DataType(TypeId::Int32));
  EXPECT_EQ(table.location, "s3://testbucket/13_fuse_external_table/");
  ASSERT_TRUE(table.connection.has_value());
  EXPECT_EQ(Options(*table.connection), "connection_name=external_table_conn");
  EXPECT_EQ(table.location_pos.line, 2);

  const auto& alter = (*r)[2]->As<AlterTableConnectionStmt>();
  EXPECT_EQ(Name(alter.table), "external_table_test");
  EXPECT_EQ(Options(alter.options), "connection_name=external_table_conn_new");

  const auto& role = (*r)[3]->As<CreateConnectionStmt>();
  EXPECT_EQ(Options(role.options), "role_arn=arn:aws:iam::123456789012:role/databend-access");
  EXPECT_EQ(role.pos.line, 4);
  EXPECT_EQ((*r)[3]->text,
            "CREATE CONNECTION s3_role_conn STORAGE_TYPE = 's3' ROLE_ARN = "
            "'arn:aws:iam::123456789012:role/databend-access'");
}

// ---- connections

TEST(SqlParserTest, CreateConnectionOptionsAcceptCommasAndUnquotedValues) {
  auto s = Parse(
      "create or replace connection \"MyConn\" storage_type='S3', endpoint_url = "
      "'http://127.0.0.1:9000', Enable_Virtual_Host_Style = TRUE region='us-east-1' x = 5");
  const auto& c = s->As<CreateConnectionStmt>();
  EXPECT_TRUE(c.or_replace);
  EXPECT_EQ(c.name.name, "MyConn");
  EXPECT_EQ(c.storage_type, "S3");
  EXPECT_EQ(Options(c.options),
            "endpoint_url=http://127.0.0.1:9000 enable_virtual_host_style=true "
            "region=us-east-1 x=5");
  EXPECT_EQ(c.options[1].pos.column, 98);
}

TEST(SqlParserTest, CreateConnectionIfNotExists) {
  auto s = Parse("CREATE CONNECTION IF NOT EXISTS c STORAGE_TYPE = 'fs'");
  EXPECT_TRUE(s->As<CreateConnectionStmt>().if_not_exists);
  EXPECT_TRUE(s->As<CreateConnectionStmt>().options.empty());
}

TEST(SqlParserTest, OrReplaceWithIfNotExistsIsASyntaxError) {
  std::string e = ErrorOf("CREATE OR REPLACE CONNECTION IF NOT EXISTS c STORAGE_TYPE = 's3'");
  EXPECT_NE(e.find("OR REPLACE"), std::string::npos) << e;
  EXPECT_NE(e.find("IF NOT EXISTS"), std::string::npos) << e;
  EXPECT_NE(e.find("line 1, column 30"), std::string::npos) << e;
  e = ErrorOf("CREATE OR REPLACE TABLE IF NOT EXISTS t (a INT)");
  EXPECT_NE(e.find("cannot be used together"), std::string::npos) << e;
  e = ErrorOf("CREATE OR REPLACE DATABASE IF NOT EXISTS d");
  EXPECT_NE(e.find("cannot be used together"), std::string::npos) << e;
}

TEST(SqlParserTest, DropShowDescribeConnection) {
  auto d = Parse("DROP CONNECTION IF EXISTS c1");
  EXPECT_TRUE(d->As<DropConnectionStmt>().if_exists);
  EXPECT_EQ(d->As<DropConnectionStmt>().name.name, "c1");
  EXPECT_FALSE(Parse("drop connection c1")->As<DropConnectionStmt>().if_exists);
  EXPECT_EQ(Parse("SHOW CONNECTIONS")->kind, StatementKind::ShowConnections);
  auto desc = Parse("DESC CONNECTION c1");
  EXPECT_EQ(desc->As<DescribeConnectionStmt>().name.name, "c1");
  EXPECT_EQ(Parse("DESCRIBE CONNECTION c1")->kind, StatementKind::DescribeConnection);
  // A table may be called "connection".
  EXPECT_EQ(Name(Parse("DESC connection")->As<DescribeTableStmt>().table), "connection");
}

TEST(SqlParserTest, SecretsNeverAppearInErrors) {
  const char* bad[] = {
      "CREATE CONNECTION c STORAGE_TYPE = 's3' SECRET_ACCESS_KEY 'Sup3rSecret'",
      "CREATE CONNECTION c STORAGE_TYPE = 's3' SECRET_ACCESS_KEY = Sup3rSecret",
      "CREATE CONNECTION c STORAGE_TYPE = 's3' SECRET_ACCESS_KEY = 'x' Sup3rSecret",
      "CREATE CONNECTION c STORAGE_TYPE = 's3' SECRET_ACCESS_KEY = 'x'Sup3rSecret'",
      "ALTER TABLE t CONNECTION = (secret_access_key = Sup3rSecret)",
      "ALTER TABLE t CONNECTION = (secret_access_key 'Sup3rSecret')",
      "ALTER TABLE t CONNECTION = (secret_access_key = 'x' Sup3rSecret 1)",
      "ALTER TABLE t CONNECTION = (secret_access_key = 'Sup3rSecret",
      "CREATE TABLE t (a INT) 's3://b/p/' CONNECTION = (access_key_id = Sup3rSecret)",
  };
  for (const char* sql : bad) {
    std::string e = ErrorOf(sql);
    EXPECT_EQ(e.find("Sup3rSecret"), std::string::npos) << e;
    EXPECT_NE(e.find("line 1"), std::string::npos) << e;
  }
}

// ---- tables

TEST(SqlParserTest, CreateTableColumns) {
  auto s = Parse(
      "CREATE TABLE IF NOT EXISTS db1.T1 (id BIGINT NOT NULL, price DECIMAL(10, 2) NULL, "
      "s VARCHAR(20) DEFAULT 'x' COMMENT 'a note', d DATE DEFAULT DATE '2024-01-01' NOT NULL, "
      "f DOUBLE PRECISION, n INT DEFAULT -1 + 2)");
  const auto& c = s->As<CreateTableStmt>();
  EXPECT_TRUE(c.if_not_exists);
  EXPECT_EQ(Name(c.name), "db1.t1");
  EXPECT_EQ(c.name.table.original, "T1");
  ASSERT_EQ(c.columns.size(), 6u);
  EXPECT_EQ(c.columns[0].nullability, Nullability::NotNull);
  EXPECT_EQ(c.columns[1].type.type, DataType::Decimal(10, 2));
  EXPECT_EQ(c.columns[1].type.text, "DECIMAL(10, 2)");
  EXPECT_EQ(c.columns[1].nullability, Nullability::Null);
  EXPECT_EQ(c.columns[2].nullability, Nullability::Unspecified);
  EXPECT_EQ(c.columns[2].type.text, "VARCHAR(20)");
  ASSERT_TRUE(c.columns[2].default_value);
  EXPECT_EQ(ToSql(*c.columns[2].default_value), "'x'");
  EXPECT_EQ(c.columns[2].comment, "a note");
  EXPECT_EQ(ToSql(*c.columns[3].default_value), "DATE '2024-01-01'");
  EXPECT_EQ(c.columns[3].nullability, Nullability::NotNull);
  EXPECT_EQ(c.columns[4].type.type, DataType(TypeId::Float64));
  EXPECT_EQ(ToSql(*c.columns[5].default_value), "-1 + 2");
  EXPECT_FALSE(c.location.has_value());
  EXPECT_FALSE(c.connection.has_value());
  EXPECT_EQ(c.columns[1].pos.column, 56);
}

TEST(SqlParserTest, TypeTextIsNormalised) {
  auto s = Parse("CREATE TABLE t (a decimal( 10 /* p */ ,2 ), b double   precision, c Int)");
  const auto& c = s->As<CreateTableStmt>();
  EXPECT_EQ(c.columns[0].type.text, "decimal(10, 2)");
  EXPECT_EQ(c.columns[0].type.type, DataType::Decimal(10, 2));
  EXPECT_EQ(c.columns[1].type.text, "double precision");
  EXPECT_EQ(c.columns[1].type.type, DataType(TypeId::Float64));
  EXPECT_EQ(c.columns[2].type.text, "Int");
}

TEST(SqlParserTest, CreateTableExternalWithCredentials) {
  auto s = Parse(
      "CREATE TABLE t (a INT) 's3://bucket/path/' CONNECTION = (ACCESS_KEY_ID = 'ak', "
      "secret_access_key = 'sk' endpoint_url = 'http://127.0.0.1:7480')");
  const auto& c = s->As<CreateTableStmt>();
  EXPECT_EQ(c.location, "s3://bucket/path/");
  EXPECT_EQ(Options(*c.connection),
            "access_key_id=ak secret_access_key=sk endpoint_url=http://127.0.0.1:7480");
  auto fs = Parse("CREATE TABLE t (a INT) 'fs:///tmp/x/'");
  EXPECT_EQ(fs->As<CreateTableStmt>().location, "fs:///tmp/x/");
  EXPECT_FALSE(fs->As<CreateTableStmt>().connection.has_value());
}

TEST(SqlParserTest, CreateTableAsSelect) {
  auto s = Parse("CREATE TABLE t2 AS SELECT a, b + 1 AS c FROM t1 WHERE a > 0");
  const auto& c = s->As<CreateTableStmt>();
  EXPECT_TRUE(c.columns.empty());
  ASSERT_TRUE(c.as_query);
  EXPECT_EQ(ToSql(*c.as_query), "SELECT a, b + 1 AS c FROM t1 WHERE a > 0");
  auto e = Parse("CREATE TABLE t (a INT) ENGINE = FUSE AS SELECT 1");
  EXPECT_EQ(e->As<CreateTableStmt>().engine->name, "fuse");
  EXPECT_TRUE(e->As<CreateTableStmt>().as_query);
}

TEST(SqlParserTest, CreateTableErrors) {
  EXPECT_NE(ErrorOf("CREATE TABLE t").find("unexpected end of input"), std::string::npos);
  EXPECT_NE(ErrorOf("CREATE TABLE t ()").find("expecting column name"), std::string::npos);
  std::string e = ErrorOf("CREATE TABLE t (a INT,)");
  EXPECT_NE(e.find("unexpected ')'"), std::string::npos) << e;
  EXPECT_NE(e.find("column 23"), std::string::npos) << e;
  e = ErrorOf("CREATE TABLE t (a INT NULL NOT NULL)");
  EXPECT_NE(e.find("twice"), std::string::npos) << e;
  auto bad_type = ParseSql("CREATE TABLE t (a FOO)");
  ASSERT_FALSE(bad_type.ok());
  EXPECT_EQ(bad_type.status().code(), ErrorCode::IllegalDataType);
  EXPECT_NE(bad_type.status().message().find("line 1, column 19"), std::string::npos)
      << bad_type.status().message();
  auto bad_decimal = ParseSql("CREATE TABLE t (a DECIMAL(50, 2))");
  ASSERT_FALSE(bad_decimal.ok());
  EXPECT_EQ(bad_decimal.status().code(), ErrorCode::IllegalDataType);
}

TEST(SqlParserTest, DropTruncateRenameTable) {
  auto d = Parse("DROP TABLE IF EXISTS db.t ALL");
  EXPECT_TRUE(d->As<DropTableStmt>().if_exists);
  EXPECT_TRUE(d->As<DropTableStmt>().all);
  EXPECT_EQ(Name(d->As<DropTableStmt>().table), "db.t");
  EXPECT_FALSE(Parse("DROP TABLE t")->As<DropTableStmt>().if_exists);
  EXPECT_EQ(Name(Parse("TRUNCATE TABLE db.t")->As<TruncateTableStmt>().table), "db.t");
  auto r = Parse("ALTER TABLE db.t RENAME TO db.u");
  EXPECT_EQ(Name(r->As<AlterTableRenameStmt>().table), "db.t");
  EXPECT_EQ(Name(r->As<AlterTableRenameStmt>().new_name), "db.u");
  auto c = Parse("ALTER TABLE db.t CONNECTION = ( access_key_id = 'ak' secret_access_key = 'sk' )");
  EXPECT_EQ(Options(c->As<AlterTableConnectionStmt>().options),
            "access_key_id=ak secret_access_key=sk");
  EXPECT_NE(ErrorOf("ALTER TABLE t SET x = 1").find("RENAME or CONNECTION at line 1, column 15"),
            std::string::npos)
      << ErrorOf("ALTER TABLE t SET x = 1");
}

TEST(SqlParserTest, ShowAndDescribe) {
  auto sd = Parse("SHOW DATABASES LIKE 'd%'");
  EXPECT_EQ(sd->As<ShowDatabasesStmt>().like, "d%");
  EXPECT_FALSE(Parse("SHOW DATABASES")->As<ShowDatabasesStmt>().like.has_value());
  auto st = Parse("SHOW FULL TABLES FROM db1 LIKE 't%'");
  const auto& tables = st->As<ShowTablesStmt>();
  EXPECT_TRUE(tables.full);
  EXPECT_EQ(tables.database->name, "db1");
  EXPECT_EQ(tables.like, "t%");
  EXPECT_EQ(Parse("SHOW TABLES IN db2")->As<ShowTablesStmt>().database->name, "db2");
  EXPECT_FALSE(Parse("show tables")->As<ShowTablesStmt>().database.has_value());
  EXPECT_TRUE(Parse("SHOW TABLES WHERE name = 'x'")->As<ShowTablesStmt>().where);
  auto sc = Parse("SHOW CREATE TABLE db.t");
  EXPECT_EQ(Name(sc->As<ShowCreateTableStmt>().table), "db.t");
  EXPECT_EQ(Name(Parse("DESC t")->As<DescribeTableStmt>().table), "t");
  EXPECT_EQ(Name(Parse("DESCRIBE TABLE db.t")->As<DescribeTableStmt>().table), "db.t");
}

TEST(SqlParserTest, Databases) {
  auto c = Parse("CREATE DATABASE IF NOT EXISTS Db1");
  EXPECT_TRUE(c->As<CreateDatabaseStmt>().if_not_exists);
  EXPECT_EQ(c->As<CreateDatabaseStmt>().name.name, "db1");
  EXPECT_FALSE(Parse("CREATE DATABASE d")->As<CreateDatabaseStmt>().if_not_exists);
  auto d = Parse("DROP DATABASE IF EXISTS d");
  EXPECT_TRUE(d->As<DropDatabaseStmt>().if_exists);
  EXPECT_EQ(Parse("USE \"MyDb\"")->As<UseDatabaseStmt>().name.name, "MyDb");
}

// ---- DML

TEST(SqlParserTest, InsertValues) {
  auto s = Parse("INSERT INTO db.t (a, b) VALUES (1, 'x'), (-2, NULL), (3 + 4, DEFAULT_V)");
  const auto& ins = s->As<InsertStmt>();
  EXPECT_EQ(Name(ins.table), "db.t");
  ASSERT_EQ(ins.columns.size(), 2u);
  EXPECT_EQ(ins.columns[1].name, "b");
  ASSERT_EQ(ins.values.size(), 3u);
  EXPECT_EQ(ToSql(*ins.values[1][0]), "-2");
  EXPECT_EQ(ToSql(*ins.values[2][0]), "3 + 4");
  EXPECT_FALSE(ins.query);
  EXPECT_FALSE(ins.overwrite);
}

TEST(SqlParserTest, InsertSelect) {
  auto s = Parse("INSERT INTO t SELECT * FROM u");
  EXPECT_TRUE(s->As<InsertStmt>().query);
  EXPECT_TRUE(s->As<InsertStmt>().columns.empty());
  auto p = Parse("INSERT INTO t (SELECT 1)");
  EXPECT_TRUE(p->As<InsertStmt>().query);
  auto o = Parse("INSERT OVERWRITE t (a) SELECT 1");
  EXPECT_TRUE(o->As<InsertStmt>().overwrite);
  EXPECT_EQ(o->As<InsertStmt>().columns.size(), 1u);
  EXPECT_TRUE(Parse("INSERT OVERWRITE INTO t VALUES (1)")->As<InsertStmt>().overwrite);
}

TEST(SqlParserTest, SetAndExplain) {
  auto s = Parse("SET max_threads = 4");
  EXPECT_EQ(s->As<SetStmt>().variable.name, "max_threads");
  EXPECT_EQ(ToSql(*s->As<SetStmt>().value), "4");
  EXPECT_TRUE(Parse("SET GLOBAL x = 'y'")->As<SetStmt>().global);
  auto e = Parse("EXPLAIN SELECT 1");
  EXPECT_EQ(e->As<ExplainStmt>().statement->kind, StatementKind::Query);
  auto a = Parse("EXPLAIN ANALYZE SELECT 1");
  EXPECT_EQ(a->As<ExplainStmt>().explain_kind, "analyze");
  EXPECT_EQ(a->As<ExplainStmt>().statement->text, "SELECT 1");
}

// ---- queries

std::string QuerySql(std::string_view sql) {
  auto s = Parse(sql);
  if (!s) return "<error>";
  return ToSql(*s->As<QueryStmt>().query);
}

TEST(SqlParserTest, SelectClauses) {
  auto s = Parse(
      "SELECT DISTINCT a, b AS x, c y, count(*) FROM t WHERE a > 1 GROUP BY a, b HAVING "
      "count(*) > 2 ORDER BY a DESC NULLS LAST, 2 LIMIT 10 OFFSET 5");
  const Query& q = *s->As<QueryStmt>().query;
  const auto& core = q.body->As<SelectCore>();
  EXPECT_TRUE(core.distinct);
  ASSERT_EQ(core.items.size(), 4u);
  EXPECT_FALSE(core.items[0].alias.has_value());
  EXPECT_EQ(core.items[1].alias->name, "x");
  EXPECT_EQ(core.items[2].alias->name, "y");
  EXPECT_EQ(ToSql(*core.items[3].expr), "count(*)");
  EXPECT_EQ(core.from->As<BaseTableRef>().name.table.name, "t");
  EXPECT_EQ(ToSql(*core.where), "a > 1");
  EXPECT_EQ(core.group_by.size(), 2u);
  EXPECT_EQ(ToSql(*core.having), "count(*) > 2");
  ASSERT_EQ(q.order_by.size(), 2u);
  EXPECT_FALSE(q.order_by[0].ascending);
  EXPECT_EQ(q.order_by[0].nulls_first, false);
  EXPECT_TRUE(q.order_by[1].ascending);
  EXPECT_FALSE(q.order_by[1].nulls_first.has_value());
  EXPECT_EQ(ToSql(*q.limit), "10");
  EXPECT_EQ(ToSql(*q.offset), "5");
}

TEST(SqlParserTest, SelectVariants) {
  EXPECT_EQ(QuerySql("select 1"), "SELECT 1");
  EXPECT_EQ(QuerySql("SELECT * FROM system.tables"), "SELECT * FROM system.tables");
  EXPECT_EQ(QuerySql("SELECT t.*, u.a FROM t, u"), "SELECT t.*, u.a FROM t, u");
  EXPECT_EQ(QuerySql("SELECT db.t.* FROM db.t"), "SELECT db.t.* FROM db.t");
  EXPECT_EQ(QuerySql("SELECT * EXCLUDE (a, b) FROM t"), "SELECT * EXCLUDE (a, b) FROM t");
  EXPECT_EQ(QuerySql("SELECT a FROM t GROUP BY ALL"), "SELECT a FROM t GROUP BY ALL");
  EXPECT_EQ(QuerySql("SELECT number FROM numbers(10) AS n"), "SELECT number FROM numbers(10) AS n");
  EXPECT_EQ(QuerySql("SELECT x FROM (SELECT 1 AS x) s"), "SELECT x FROM (SELECT 1 AS x) AS s");
  EXPECT_EQ(QuerySql("SELECT 1 LIMIT 2, 3"), "SELECT 1 LIMIT 3 OFFSET 2");
  EXPECT_EQ(QuerySql("SELECT 1 OFFSET 2"), "SELECT 1 OFFSET 2");
  EXPECT_EQ(QuerySql("WITH a AS (SELECT 1 AS x), b (y) AS (SELECT 2) SELECT * FROM a, b"),
            "WITH a AS (SELECT 1 AS x), b (y) AS (SELECT 2) SELECT * FROM a, b");
  EXPECT_EQ(QuerySql("SELECT a AS \"Upper\" FROM t AS x (a)"),
            "SELECT a AS \"Upper\" FROM t AS x (a)");
}

TEST(SqlParserTest, Joins) {
  EXPECT_EQ(QuerySql("SELECT * FROM a INNER JOIN b ON a.id = b.id LEFT OUTER JOIN c ON "
                     "b.id = c.id CROSS JOIN d"),
            "SELECT * FROM a JOIN b ON a.id = b.id LEFT JOIN c ON b.id = c.id CROSS JOIN d");
  EXPECT_EQ(QuerySql("SELECT * FROM a JOIN b USING (id) RIGHT JOIN c ON TRUE FULL JOIN d ON 1 = 1"),
            "SELECT * FROM a JOIN b USING (id) RIGHT JOIN c ON TRUE FULL JOIN d ON 1 = 1");
  EXPECT_EQ(QuerySql("SELECT * FROM a, b JOIN c ON b.x = c.x"),
            "SELECT * FROM a, b JOIN c ON b.x = c.x");
  EXPECT_EQ(QuerySql("SELECT * FROM a JOIN (b JOIN c ON b.x = c.x) ON a.x = b.x"),
            "SELECT * FROM a JOIN (b JOIN c ON b.x = c.x) ON a.x = b.x");
  auto s = Parse("SELECT * FROM a t1 LEFT JOIN b AS t2 ON t1.x = t2.x");
  const auto& join = s->As<QueryStmt>().query->body->As<SelectCore>().from->As<JoinTableRef>();
  EXPECT_EQ(join.type, JoinType::Left);
  EXPECT_EQ(join.left->alias->name.name, "t1");
  EXPECT_EQ(join.right->alias->name.name, "t2");
  EXPECT_NE(ErrorOf("SELECT * FROM a LEFT JOIN b").find("ON or USING at line 1, column 28"),
            std::string::npos)
      << ErrorOf("SELECT * FROM a LEFT JOIN b");
}

TEST(SqlParserTest, SetOperations) {
  auto s = Parse("SELECT 1 UNION ALL SELECT 2 UNION SELECT 3 INTERSECT SELECT 4");
  const auto& top = s->As<QueryStmt>().query->body->As<SetOperation>();
  EXPECT_EQ(top.op, SetOpType::Union);
  EXPECT_FALSE(top.all);
  EXPECT_EQ(top.right->As<SetOperation>().op, SetOpType::Intersect);
  EXPECT_TRUE(top.left->As<SetOperation>().all);
  EXPECT_EQ(QuerySql("SELECT 1 UNION (SELECT 2 UNION ALL SELECT 3)"),
            "SELECT 1 UNION (SELECT 2 UNION ALL SELECT 3)");
  EXPECT_EQ(QuerySql("(SELECT 1) UNION ALL (SELECT 2) ORDER BY 1"),
            "SELECT 1 UNION ALL SELECT 2 ORDER BY 1");
  EXPECT_EQ(QuerySql("(SELECT a FROM t ORDER BY a LIMIT 1) UNION ALL SELECT 2"),
            "(SELECT a FROM t ORDER BY a LIMIT 1) UNION ALL SELECT 2");
  EXPECT_EQ(QuerySql("SELECT 1 EXCEPT SELECT 2"), "SELECT 1 EXCEPT SELECT 2");
}

TEST(SqlParserTest, SeveralStatementsAndEmptyOnes) {
  auto r = ParseSql(";; SELECT 1; ;\n SELECT 2 ;");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0]->text, "SELECT 1");
  EXPECT_EQ((*r)[1]->text, "SELECT 2");
  EXPECT_EQ((*r)[1]->pos.line, 2);
  auto empty = ParseSql("  -- nothing\n ; ");
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());
  EXPECT_FALSE(ParseStatement("").ok());
  EXPECT_FALSE(ParseStatement("SELECT 1; SELECT 2").ok());
  EXPECT_TRUE(ParseStatement("SELECT 1;").ok());
}

// ---- error messages

TEST(SqlParserTest, ErrorPointsAtOffendingToken) {
  std::string e = ErrorOf("SELECT * FORM t");
  EXPECT_EQ(e.rfind("error: unexpected 'FORM', expecting ", 0), 0u) << e;
  EXPECT_NE(e.find("FROM"), std::string::npos) << e;
  EXPECT_NE(e.find("WHERE"), std::string::npos) << e;
  EXPECT_NE(e.find(" at line 1, column 10"), std::string::npos) << e;

  e = ErrorOf("SELECT a,\nFROM t");
  EXPECT_NE(e.find("unexpected 'FROM', expecting expression at line 2, column 1"),
            std::string::npos)
      << e;

  e = ErrorOf("SELEC 1");
  EXPECT_EQ(e.rfind("error: unexpected 'SELEC', expecting SELECT", 0), 0u) << e;

  e = ErrorOf("SELECT (1 + 2");
  EXPECT_NE(e.find("unexpected end of input, expecting "), std::string::npos) << e;
  EXPECT_NE(e.find("')'"), std::string::npos) << e;

  e = ErrorOf("INSERT INTO t VALUES (1, 2");
  EXPECT_NE(e.find("column 27"), std::string::npos) << e;

  e = ErrorOf("CREATE TABLE t (a INT) 's3://x/' CONNECTION (a = 'b')");
  EXPECT_NE(e.find("expecting '='"), std::string::npos) << e;

  e = ErrorOf("SELECT 'unterminated");
  EXPECT_NE(e.find("unterminated string literal at line 1, column 8"), std::string::npos) << e;

  e = ErrorOf("SELECT a FROM t WHERE");
  EXPECT_NE(e.find("unexpected end of input, expecting expression"), std::string::npos) << e;

  e = ErrorOf("DROP VIEW v");
  EXPECT_NE(e.find("expecting DATABASE, SCHEMA, TABLE or CONNECTION"), std::string::npos) << e;

  e = ErrorOf("SELECT 1 SELECT 2");
  EXPECT_NE(e.find("unexpected 'SELECT'"), std::string::npos) << e;
  EXPECT_NE(e.find("';'"), std::string::npos) << e;
}

TEST(SqlParserTest, ReservedWordsNeedQuoting) {
  EXPECT_FALSE(ParseSql("CREATE TABLE select (a INT)").ok());
  auto s = Parse("CREATE TABLE \"select\" (\"from\" INT, date DATE, comment VARCHAR)");
  const auto& c = s->As<CreateTableStmt>();
  EXPECT_EQ(c.name.table.name, "select");
  EXPECT_EQ(c.columns[0].name.name, "from");
  EXPECT_EQ(c.columns[1].name.name, "date");
  EXPECT_EQ(c.columns[2].name.name, "comment");
}

}  // namespace
}  // namespace strata::sql
