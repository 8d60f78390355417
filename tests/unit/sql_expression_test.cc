// Expression parsing: precedence, literals, special forms, ToSql round trips.
#include <gtest/gtest.h>

#include <string>

#include "sql/parser.h"

namespace strata::sql {
namespace {

// Fully parenthesised prefix form, so tests see the tree's shape rather than ToSql's.
std::string Dump(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Literal: {
      const auto& l = e.As<LiteralExpr>();
      switch (l.literal_kind) {
        case LiteralKind::Null:
          return "null";
        case LiteralKind::Boolean:
          return l.bool_value ? "true" : "false";
        case LiteralKind::Integer:
          return "i:" + std::to_string(l.int_value);
        case LiteralKind::Decimal:
          return "d:" + l.text;
        case LiteralKind::Float:
          return "f:" + l.text;
        case LiteralKind::String:
          return "s:" + l.text;
      }
      return "?";
    }
    case ExprKind::ColumnRef: {
      std::string s;
      for (const auto& p : e.As<ColumnRefExpr>().parts) s += (s.empty() ? "" : ".") + p.name;
      return s;
    }
    case ExprKind::Star:
      return "*";
    case ExprKind::FunctionCall: {
      const auto& f = e.As<FunctionCallExpr>();
      std::string s = "(" + f.name.name + (f.distinct ? " distinct" : "") + (f.star ? " *" : "");
      for (const auto& a : f.args) s += " " + Dump(*a);
      return s + ")";
    }
    case ExprKind::Cast: {
      const auto& c = e.As<CastExpr>();
      static const char* kStyles[] = {"cast", "try_cast", "::", "typed"};
      return std::string("(") + kStyles[static_cast<int>(c.style)] + " " + Dump(*c.operand) + " " +
             c.type.type.ToString() + ")";
    }
    case ExprKind::Unary: {
      const auto& u = e.As<UnaryExpr>();
      static const char* kOps[] = {"neg", "pos", "not"};
      return std::string("(") + kOps[static_cast<int>(u.op)] + " " + Dump(*u.operand) + ")";
    }
    case ExprKind::Binary: {
      const auto& b = e.As<BinaryExpr>();
      return "(" + std::string(BinaryOpSpelling(b.op)) + " " + Dump(*b.left) + " " +
             Dump(*b.right) + ")";
    }
    case ExprKind::Between: {
      const auto& b = e.As<BetweenExpr>();
      return std::string(b.negated ? "(not-between " : "(between ") + Dump(*b.operand) + " " +
             Dump(*b.low) + " " + Dump(*b.high) + ")";
    }
    case ExprKind::InList: {
      const auto& in = e.As<InListExpr>();
      std::string s = std::string(in.negated ? "(not-in " : "(in ") + Dump(*in.operand);
      for (const auto& x : in.list) s += " " + Dump(*x);
      return s + ")";
    }
    case ExprKind::InSubquery: {
      const auto& in = e.As<InSubqueryExpr>();
      return std::string(in.negated ? "(not-in " : "(in ") + Dump(*in.operand) + " <query>)";
    }
    case ExprKind::IsNull: {
      const auto& n = e.As<IsNullExpr>();
      return std::string(n.negated ? "(is-not-null " : "(is-null ") + Dump(*n.operand) + ")";
    }
    case ExprKind::Case: {
      const auto& c = e.As<CaseExpr>();
      std::string s = "(case";
      if (c.operand) s += " " + Dump(*c.operand);
      for (const auto& w : c.when_clauses) {
        s += " (" + Dump(*w.condition) + " " + Dump(*w.result) + ")";
      }
      if (c.else_result) s += " else " + Dump(*c.else_result);
      return s + ")";
    }
    case ExprKind::Subquery:
      return "<subquery>";
    case ExprKind::Exists:
      return "(exists <query>)";
  }
  return "?";
}

std::string D(std::string_view sql) {
  auto e = ParseExpression(sql);
  if (!e.ok()) return "ERROR " + e.status().ToString();
  return Dump(**e);
}

std::string Canon(std::string_view sql) {
  auto e = ParseExpression(sql);
  if (!e.ok()) return "ERROR " + e.status().ToString();
  return ToSql(**e);
}

TEST(SqlExpressionTest, ArithmeticPrecedence) {
  EXPECT_EQ(D("1 + 2 * 3"), "(+ i:1 (* i:2 i:3))");
  EXPECT_EQ(D("1 * 2 + 3"), "(+ (* i:1 i:2) i:3)");
  EXPECT_EQ(D("a - b - c"), "(- (- a b) c)");
  EXPECT_EQ(D("a / b % c DIV d"), "(DIV (% (/ a b) c) d)");
  EXPECT_EQ(D("(a + b) * c"), "(* (+ a b) c)");
  EXPECT_EQ(D("a || b + c"), "(+ (|| a b) c)");
  EXPECT_EQ(D("-a * b"), "(* (neg a) b)");
  EXPECT_EQ(D("-a::int"), "(neg (:: a INT))");
  EXPECT_EQ(D("a + b::bigint"), "(+ a (:: b BIGINT))");
}

TEST(SqlExpressionTest, LogicalPrecedence) {
  EXPECT_EQ(D("a OR b AND c"), "(OR a (AND b c))");
  EXPECT_EQ(D("a AND b OR c"), "(OR (AND a b) c)");
  EXPECT_EQ(D("NOT a = b"), "(not (= a b))");
  EXPECT_EQ(D("NOT a AND b"), "(AND (not a) b)");
  EXPECT_EQ(D("NOT NOT a"), "(not (not a))");
  EXPECT_EQ(D("a = 1 AND b < 2 OR c >= 3"), "(OR (AND (= a i:1) (< b i:2)) (>= c i:3))");
  EXPECT_EQ(D("a + 1 = b * 2"), "(= (+ a i:1) (* b i:2))");
  EXPECT_EQ(D("a == b"), "(= a b)");
  EXPECT_EQ(D("a != b"), "(<> a b)");
  EXPECT_EQ(D("a <> b"), "(<> a b)");
}

TEST(SqlExpressionTest, Predicates) {
  EXPECT_EQ(D("x BETWEEN 1 AND 2 AND y"), "(AND (between x i:1 i:2) y)");
  EXPECT_EQ(D("x NOT BETWEEN a + 1 AND b"), "(not-between x (+ a i:1) b)");
  EXPECT_EQ(D("x IN (1, 2, 3)"), "(in x i:1 i:2 i:3)");
  EXPECT_EQ(D("x NOT IN ('a')"), "(not-in x s:a)");
  EXPECT_EQ(D("x IN (SELECT a FROM t)"), "(in x <query>)");
  EXPECT_EQ(D("x NOT IN (SELECT 1)"), "(not-in x <query>)");
  EXPECT_EQ(D("name LIKE 'a%' OR name NOT LIKE 'b%'"),
            "(OR (LIKE name s:a%) (NOT LIKE name s:b%))");
  EXPECT_EQ(D("name ILIKE 'A%'"), "(ILIKE name s:A%)");
  EXPECT_EQ(D("x IS NULL"), "(is-null x)");
  EXPECT_EQ(D("x + 1 IS NOT NULL"), "(is-not-null (+ x i:1))");
  EXPECT_EQ(D("x IS DISTINCT FROM y"), "(IS DISTINCT FROM x y)");
  EXPECT_EQ(D("x IS NOT DISTINCT FROM y"), "(IS NOT DISTINCT FROM x y)");
  EXPECT_EQ(D("NOT x IS NULL"), "(not (is-null x))");
  EXPECT_EQ(D("EXISTS (SELECT 1)"), "(exists <query>)");
  EXPECT_EQ(D("NOT EXISTS (SELECT 1)"), "(not (exists <query>))");
}

TEST(SqlExpressionTest, Literals) {
  EXPECT_EQ(D("42"), "i:42");
  EXPECT_EQ(D("-42"), "i:-42");
  EXPECT_EQ(D("9223372036854775807"), "i:9223372036854775807");
  EXPECT_EQ(D("9223372036854775808"), "d:9223372036854775808");
  EXPECT_EQ(D("-9223372036854775808"), "i:-9223372036854775808");
  EXPECT_EQ(D("123456789012345678901234567890"), "d:123456789012345678901234567890");
  EXPECT_EQ(D("1.50"), "d:1.50");
  EXPECT_EQ(D("-1.5"), "d:-1.5");
  EXPECT_EQ(D(".5"), "d:0.5");
  EXPECT_EQ(D("1e10"), "f:1e10");
  EXPECT_EQ(D("-2.5e-3"), "f:-2.5e-3");
  EXPECT_EQ(D("'it''s'"), "s:it's");
  EXPECT_EQ(D("TRUE"), "true");
  EXPECT_EQ(D("false"), "false");
  EXPECT_EQ(D("NULL"), "null");
  EXPECT_EQ(D("DATE '2024-01-01'"), "(typed s:2024-01-01 DATE)");
  EXPECT_EQ(D("TIMESTAMP '2024-01-01 10:00:00'"), "(typed s:2024-01-01 10:00:00 TIMESTAMP)");
  EXPECT_EQ(D("- - 1"), "i:1");
  EXPECT_EQ(D("-(a)"), "(neg a)");
  auto e = ParseExpression("2.5e-3");
  ASSERT_TRUE(e.ok());
  EXPECT_DOUBLE_EQ((*e)->As<LiteralExpr>().float_value, 2.5e-3);
  EXPECT_FALSE(ParseExpression("1e999").ok());
}

TEST(SqlExpressionTest, NamesAndCalls) {
  EXPECT_EQ(D("A"), "a");
  EXPECT_EQ(D("T.A"), "t.a");
  EXPECT_EQ(D("db.t.a"), "db.t.a");
  EXPECT_EQ(D("\"MixedCase\""), "MixedCase");
  EXPECT_EQ(D("date"), "date");  // a non-reserved keyword is a column name
  EXPECT_EQ(D("count(*)"), "(count *)");
  EXPECT_EQ(D("COUNT(DISTINCT x)"), "(count distinct x)");
  EXPECT_EQ(D("now()"), "(now)");
  EXPECT_EQ(D("substr(s, 1, 2)"), "(substr s i:1 i:2)");
  EXPECT_EQ(D("left('abc', 2)"), "(left s:abc i:2)");
  EXPECT_EQ(D("if(a, b, c)"), "(if a b c)");
  auto e = ParseExpression("\"Col\"");
  ASSERT_TRUE(e.ok());
  const Identifier& id = (*e)->As<ColumnRefExpr>().parts[0];
  EXPECT_TRUE(id.quoted);
  EXPECT_EQ(id.name, "Col");
  auto u = ParseExpression("MyCol");
  ASSERT_TRUE(u.ok());
  EXPECT_EQ((*u)->As<ColumnRefExpr>().parts[0].original, "MyCol");
  EXPECT_EQ((*u)->As<ColumnRefExpr>().parts[0].name, "mycol");
  EXPECT_FALSE(ParseExpression("a.b.c.d").ok());
}

TEST(SqlExpressionTest, CastsAndCase) {
  EXPECT_EQ(D("CAST(a AS VARCHAR)"), "(cast a VARCHAR)");
  EXPECT_EQ(D("TRY_CAST(a AS decimal(10, 2))"), "(try_cast a DECIMAL(10, 2))");
  EXPECT_EQ(D("a::double precision"), "(:: a DOUBLE)");
  EXPECT_EQ(D("a::int::string"), "(:: (:: a INT) VARCHAR)");
  EXPECT_EQ(D("CASE WHEN a > 1 THEN 'x' WHEN a > 0 THEN 'y' ELSE 'z' END"),
            "(case ((> a i:1) s:x) ((> a i:0) s:y) else s:z)");
  EXPECT_EQ(D("CASE a WHEN 1 THEN 2 END"), "(case a (i:1 i:2))");
  EXPECT_EQ(D("(SELECT max(a) FROM t) + 1"), "(+ <subquery> i:1)");
}

TEST(SqlExpressionTest, PositionsPointAtFirstToken) {
  auto e = ParseExpression("  a +\n  f(b)");
  ASSERT_TRUE(e.ok());
  const auto& bin = (*e)->As<BinaryExpr>();
  EXPECT_EQ(bin.pos.line, 1);
  EXPECT_EQ(bin.pos.column, 3);
  EXPECT_EQ(bin.right->pos.line, 2);
  EXPECT_EQ(bin.right->pos.column, 3);
  const auto& call = bin.right->As<FunctionCallExpr>();
  EXPECT_EQ(call.args[0]->pos.column, 5);
}

TEST(SqlExpressionTest, ToSqlIsCanonical) {
  EXPECT_EQ(Canon("count(*)"), "count(*)");
  EXPECT_EQ(Canon("COUNT( DISTINCT  X )"), "count(DISTINCT x)");
  EXPECT_EQ(Canon("a+1"), "a + 1");
  EXPECT_EQ(Canon("(a+1)*2"), "(a + 1) * 2");
  EXPECT_EQ(Canon("a-(b-c)"), "a - (b - c)");
  EXPECT_EQ(Canon("(a-b)-c"), "a - b - c");
  EXPECT_EQ(Canon("a = (NOT b)"), "a = (NOT b)");
  EXPECT_EQ(Canon("NOT (a AND b)"), "NOT (a AND b)");
  EXPECT_EQ(Canon("a - -1"), "a - -1");
  EXPECT_EQ(Canon("-(-a)"), "- -a");
  EXPECT_EQ(Canon("(-1)::int"), "(-1)::INT");
  EXPECT_EQ(Canon("cast(a as varchar(20))"), "CAST(a AS VARCHAR)");
  EXPECT_EQ(Canon("date '2024-01-01'"), "DATE '2024-01-01'");
  EXPECT_EQ(Canon("'a''b\\nc'"), "'a''b\\nc'");
  EXPECT_EQ(Canon("\"Weird Name\" + \"select\""), "\"Weird Name\" + \"select\"");
  EXPECT_EQ(Canon("x not between 1 and 2"), "x NOT BETWEEN 1 AND 2");
  EXPECT_EQ(Canon("a in (select b from t where c > 1)"), "a IN (SELECT b FROM t WHERE c > 1)");
  EXPECT_EQ(Canon("case when a then 1 else 2 end"), "CASE WHEN a THEN 1 ELSE 2 END");
  EXPECT_EQ(Canon("a = b is null"), "a = b IS NULL");
  EXPECT_EQ(Canon("a = (b is null)"), "a = (b IS NULL)");
  EXPECT_EQ(Canon("x between (a and b) and c"), "x BETWEEN (a AND b) AND c");
}

// ToSql(parse(s)) must parse back to the same tree for every expression.
TEST(SqlExpressionTest, ToSqlRoundTrips) {
  const char* cases[] = {
      "1 + 2 * 3 - 4 / 5 % 6 DIV 7",
      "a OR b AND NOT c OR NOT (d OR e)",
      "-a * -b - - -c",
      "+a + +1",
      "(a = b) = (c = d)",
      "a IS NULL IS NOT NULL",
      "a NOT LIKE 'x' || 'y'",
      "x BETWEEN y AND z BETWEEN 1 AND 2",
      "(x BETWEEN 1 AND 2) IN (TRUE, FALSE)",
      "CAST(-1 AS INT)::VARCHAR || 'x'",
      "(a + b)::BIGINT * 2",
      "TRY_CAST('1.5' AS DECIMAL(10, 2))",
      "CASE WHEN a BETWEEN 1 AND 2 THEN CASE b WHEN 1 THEN 'x' END ELSE NULL END",
      "f(g(h(1)), DATE '2024-02-29', TIMESTAMP '2024-01-01 00:00:00')",
      "count(DISTINCT a, b) + count(*) + sum(ALL c)",
      "EXISTS (SELECT 1 FROM t WHERE t.a = u.b) AND NOT EXISTS (SELECT 2)",
      "a IN (SELECT b FROM t UNION ALL SELECT c FROM u ORDER BY 1 LIMIT 3)",
      "(SELECT max(x) FROM (SELECT 1 AS x) AS s) > 0",
      "a IS DISTINCT FROM b + 1",
      "'back\\\\slash' LIKE 'a\\%b'",
      "9223372036854775808 + -9223372036854775808 + 1.0 + 1e-5 + -0.5",
      "\"UPPER\".\"Case\" + t.\"from\"",
      "a - (b + c) - (d - e)",
      "NOT a = b",
      "(NOT a) = b",
      "- (a + b)",
      "-(1)::INT",
      "-1::INT",
  };
  for (const char* sql : cases) {
    auto first = ParseExpression(sql);
    ASSERT_TRUE(first.ok()) << sql << ": " << first.status().ToString();
    std::string canon = ToSql(**first);
    auto second = ParseExpression(canon);
    ASSERT_TRUE(second.ok()) << canon << ": " << second.status().ToString();
    EXPECT_EQ(Dump(**first), Dump(**second)) << sql << " -> " << canon;
    EXPECT_EQ(ToSql(**second), canon);
  }
}

TEST(SqlExpressionTest, StandaloneExpressionRejectsTrailingTokens) {
  auto e = ParseExpression("a + 1 b");
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), ErrorCode::SyntaxException);
  EXPECT_NE(e.status().message().find("column 7"), std::string::npos) << e.status().message();
  EXPECT_FALSE(ParseExpression("").ok());
  EXPECT_FALSE(ParseExpression("a +").ok());
  EXPECT_FALSE(ParseExpression("CASE END").ok());
  EXPECT_FALSE(ParseExpression("CAST(a AS nosuchtype)").ok());
}

}  // namespace
}  // namespace strata::sql
