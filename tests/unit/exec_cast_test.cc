// CAST / TRY_CAST between every type pair, and Value::CastTo sharing the same rules.
#include "execution/cast.h"

#include "exec_fixtures.h"

namespace strata {
namespace {

using namespace strata::testing;  // NOLINT

// CAST(<text> AS <type>) of a string literal, as text or "[code] message".
std::string CastText(const std::string& text, const char* type, bool try_cast = false) {
  DataType t = Must(ParseDataType(type));
  return EvalText(expr::Cast(Lit(text.c_str()), t, try_cast));
}

std::string CastValue(const Value& v, const char* type) {
  Result<Value> r = v.CastTo(Must(ParseDataType(type)));
  return r.ok() ? r->ToString() : r.status().ToString();
}

TEST(ExecCastTest, StringToNumbersIsStrict) {
  EXPECT_EQ(CastText("42", "INT"), "42");
  EXPECT_EQ(CastText("  -42 ", "INT"), "-42");
  EXPECT_EQ(CastText("+7", "BIGINT"), "7");
  EXPECT_EQ(CastText("1e1", "INT"), "10");
  EXPECT_EQ(CastText("2.5", "INT"), "3");
  EXPECT_EQ(CastText("-2.5", "INT"), "-3");
  EXPECT_EQ(CastText("abc", "INT"), "[1010] cannot cast 'abc' to INT");
  EXPECT_EQ(CastText("33 aa", "BIGINT"), "[1010] cannot cast '33 aa' to BIGINT");
  EXPECT_EQ(CastText("", "INT"), "[1010] cannot cast '' to INT");
  EXPECT_EQ(CastText("300", "TINYINT"), "[1049] number overflowed while casting '300' to TINYINT");
  EXPECT_EQ(CastText("99999999999999999999", "BIGINT").substr(0, 6), "[1049]");
  EXPECT_EQ(CastText("1.5", "DOUBLE"), "1.5");
  EXPECT_EQ(CastText("   1e1", "DOUBLE"), "10.0");
  EXPECT_EQ(CastText("aa", "DOUBLE"), "[1010] cannot cast 'aa' to DOUBLE");
  EXPECT_EQ(CastText("12.345", "DECIMAL(10,2)"), "12.35");
  EXPECT_EQ(CastText("-12.345", "DECIMAL(10,2)"), "-12.35");
  EXPECT_EQ(CastText("1.2e2", "DECIMAL(10,2)"), "120.00");
  EXPECT_EQ(CastText("12345", "DECIMAL(4,1)").substr(0, 6), "[1049]");
  EXPECT_EQ(CastText("x1", "DECIMAL(4,1)"), "[1010] cannot cast 'x1' to DECIMAL(4, 1)");
  EXPECT_EQ(CastText(" TRUE ", "BOOLEAN"), "true");
  EXPECT_EQ(CastText("0", "BOOLEAN"), "false");
  EXPECT_EQ(CastText("yes", "BOOLEAN"), "[1010] cannot cast 'yes' to BOOLEAN");
}

TEST(ExecCastTest, StringToDateAndTimestamp) {
  EXPECT_EQ(CastText("2024-02-29", "DATE"), "2024-02-29");
  EXPECT_EQ(CastText("2022-11-10 00:54:12", "DATE"), "2022-11-10");
  EXPECT_EQ(CastText("2023-02-29", "DATE"), "[1079] cannot cast '2023-02-29' to DATE");
  EXPECT_EQ(CastText("2021-03-05 01:01:01", "TIMESTAMP"), "2021-03-05 01:01:01.000000");
  EXPECT_EQ(CastText("2021-03-05T01:01:01.5Z", "TIMESTAMP"), "2021-03-05 01:01:01.500000");
  EXPECT_EQ(CastText("2021-03-05", "TIMESTAMP"), "2021-03-05 00:00:00.000000");
  EXPECT_EQ(CastText("2020.10.", "TIMESTAMP"), "[1080] cannot cast '2020.10.' to TIMESTAMP");
}

TEST(ExecCastTest, TryCastYieldsNull) {
  EXPECT_EQ(CastText("abc", "INT", true), "NULL");
  EXPECT_EQ(CastText("300", "TINYINT", true), "NULL");
  EXPECT_EQ(CastText("nope", "DATE", true), "NULL");
  EXPECT_EQ(CastText("12", "INT", true), "12");
  // Per row: only the bad rows become NULL.
  Chunk c = ChunkOf({Strings({"1", "x", std::nullopt, "4"})});
  ExprPtr e = Must(expr::Cast(expr::Column(0, kString), kInt32, true));
  EXPECT_TRUE(e->nullable);
  EXPECT_EQ(EvalTexts(e, c), (std::vector<std::string>{"1", "NULL", "NULL", "4"}));
  // The same cast without TRY fails on the first bad row, NULL rows never fail.
  ExprPtr strict = Must(expr::Cast(expr::Column(0, kString), kInt32));
  Result<ColumnPtr> r = EvaluateExpr(*strict, c);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().ToString(), "[1010] cannot cast 'x' to INT");
}

TEST(ExecCastTest, NumericConversions) {
  EXPECT_EQ(CastValue(Value::Double(2.5), "INT"), "3");
  EXPECT_EQ(CastValue(Value::Double(-2.5), "BIGINT"), "-3");
  EXPECT_EQ(CastValue(Value::Double(1e30), "BIGINT").substr(0, 6), "[1049]");
  EXPECT_EQ(CastValue(Value::BigInt(128), "TINYINT"),
            "[1049] number overflowed while casting 128 to TINYINT");
  EXPECT_EQ(CastValue(Value::BigInt(-128), "TINYINT"), "-128");
  EXPECT_EQ(CastValue(Value::BigInt(5), "DOUBLE"), "5.0");
  EXPECT_EQ(CastValue(Value::BigInt(5), "DECIMAL(5,2)"), "5.00");
  EXPECT_EQ(CastValue(Value::BigInt(5000), "DECIMAL(5,2)").substr(0, 6), "[1049]");
  EXPECT_EQ(CastValue(Value::Double(0.1), "DECIMAL(10,3)"), "0.100");
  EXPECT_EQ(CastValue(Value::Double(2.675), "DECIMAL(10,2)"), "2.68");
  Value d = Must(Value::String("12.345").CastTo(DataType::Decimal(10, 3)));
  EXPECT_EQ(CastValue(d, "DECIMAL(10,1)"), "12.3");
  EXPECT_EQ(CastValue(d, "DECIMAL(20,5)"), "12.34500");
  EXPECT_EQ(CastValue(d, "INT"), "12");
  EXPECT_EQ(CastValue(Must(Value::String("-0.5").CastTo(DataType::Decimal(3, 1))), "INT"), "-1");
  EXPECT_EQ(CastValue(d, "DOUBLE"), "12.345");
  EXPECT_EQ(CastValue(d, "VARCHAR"), "12.345");
  EXPECT_EQ(CastValue(Value::Boolean(true), "INT"), "1");
  EXPECT_EQ(CastValue(Value::BigInt(0), "BOOLEAN"), "false");
  EXPECT_EQ(CastValue(Value::Double(0.25), "BOOLEAN"), "true");
  // Wide decimals (stored as 128-bit).
  Value wide = Must(Value::String("12345678901234567890.12").CastTo(DataType::Decimal(30, 2)));
  EXPECT_EQ(wide.ToString(), "12345678901234567890.12");
  EXPECT_EQ(CastValue(wide, "DECIMAL(38,4)"), "12345678901234567890.1200");
  EXPECT_EQ(CastValue(wide, "BIGINT").substr(0, 6), "[1049]");
}

TEST(ExecCastTest, ToStringMatchesValueText) {
  EXPECT_EQ(CastValue(Value::BigInt(-42), "VARCHAR"), "-42");
  EXPECT_EQ(CastValue(Value::Double(0.1), "VARCHAR"), "0.1");
  EXPECT_EQ(CastValue(Value::Boolean(false), "VARCHAR"), "false");
  EXPECT_EQ(CastValue(Value::Date(19753), "VARCHAR"), "2024-01-31");
  EXPECT_EQ(CastValue(Value::Timestamp(1706702400000000), "VARCHAR"), "2024-01-31 12:00:00.000000");
}

TEST(ExecCastTest, DatesTimestampsAndIntegers) {
  Value ts = Value::Timestamp(1706702400000000);  // 2024-01-31 12:00:00
  EXPECT_EQ(CastValue(ts, "DATE"), "2024-01-31");
  EXPECT_EQ(CastValue(Value::Timestamp(-1), "DATE"), "1969-12-31");
  EXPECT_EQ(CastValue(Value::Date(19753), "TIMESTAMP"), "2024-01-31 00:00:00.000000");
  EXPECT_EQ(CastValue(Value::Date(19753), "BIGINT"), "19753");
  EXPECT_EQ(CastValue(Value::BigInt(1), "DATE"), "1970-01-02");
  // Integers read as seconds, milliseconds or microseconds by magnitude.
  EXPECT_EQ(CastValue(Value::BigInt(1640019661), "TIMESTAMP"), "2021-12-20 17:01:01.000000");
  EXPECT_EQ(CastValue(Value::BigInt(1640019661000), "TIMESTAMP"), "2021-12-20 17:01:01.000000");
  EXPECT_EQ(CastValue(Value::BigInt(1640019661000000), "TIMESTAMP"), "2021-12-20 17:01:01.000000");
}

TEST(ExecCastTest, UnsupportedPairsFailWhenBinding) {
  EXPECT_FALSE(CanCast(kBool, kDate));
  EXPECT_FALSE(CanCast(kDouble, kTimestamp));
  EXPECT_TRUE(CanCast(DataType(TypeId::Null), kDate));
  Result<ExprPtr> r = expr::Cast(LitBool(true), kDate);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().ToString(), "[1065] unable to cast type BOOLEAN to type DATE");
  EXPECT_EQ(CastValue(Value::Null(), "DATE"), "NULL");
}

TEST(ExecCastTest, ColumnCastKeepsNullsAndWidens) {
  auto c = MakeColumn(kInt32);
  c->Append<int32_t>(7);
  c->AppendNull();
  c->Append<int32_t>(-3);
  ColumnPtr wide = Must(CastColumn(c, kInt64, false));
  EXPECT_EQ(Texts(wide), (std::vector<std::string>{"7", "NULL", "-3"}));
  ColumnPtr text = Must(CastColumn(c, kString, false));
  EXPECT_EQ(Texts(text), (std::vector<std::string>{"7", "NULL", "-3"}));
  ColumnPtr back = Must(CastColumn(text, DataType(TypeId::Int8), false));
  EXPECT_EQ(Texts(back), (std::vector<std::string>{"7", "NULL", "-3"}));
}

}  // namespace
}  // namespace strata
