// Scalar functions: strings on UTF-8 text, math, dates and timestamps, now()/today().
#include "exec_fixtures.h"
#include "types/date_time.h"

namespace strata {
namespace {

using namespace strata::testing;  // NOLINT

std::string Call(std::string_view name, std::vector<ExprPtr> args) {
  return EvalText(expr::Call(name, std::move(args)));
}

ExprPtr Date(const char* text) { return Must(expr::Cast(Lit(text), kDate)); }
ExprPtr Ts(const char* text) { return Must(expr::Cast(Lit(text), kTimestamp)); }

TEST(ExecFunctionTest, StringFunctionsCountUtf8Characters) {
  EXPECT_EQ(Call("length", {Lit("héllo")}), "5");
  EXPECT_EQ(Call("octet_length", {Lit("héllo")}), "6");
  EXPECT_EQ(Call("upper", {Lit("héllo wörld")}), "HÉLLO WÖRLD");
  EXPECT_EQ(Call("lower", {Lit("ÀÉÎ ΣΑ Дом")}), "àéî σα дом");
  EXPECT_EQ(Call("substr", {Lit("héllo"), Lit(2), Lit(3)}), "éll");
  EXPECT_EQ(Call("substring", {Lit("héllo"), Lit(3)}), "llo");
  EXPECT_EQ(Call("substr", {Lit("héllo"), Lit(-3)}), "llo");
  EXPECT_EQ(Call("substr", {Lit("héllo"), Lit(0)}), "");
  EXPECT_EQ(Call("substr", {Lit("abc"), Lit(10)}), "");
  EXPECT_EQ(Call("left", {Lit("日本語テキスト"), Lit(3)}), "日本語");
  EXPECT_EQ(Call("right", {Lit("日本語テキスト"), Lit(4)}), "テキスト");
  EXPECT_EQ(Call("reverse", {Lit("añb")}), "bña");
  EXPECT_EQ(Call("position", {Lit("ll"), Lit("héllo")}), "3");
  EXPECT_EQ(Call("strpos", {Lit("héllo"), Lit("z")}), "0");
  EXPECT_EQ(Call("locate", {Lit("l"), Lit("héllo"), Lit(4)}), "4");
  EXPECT_EQ(Call("trim", {Lit("  a b  ")}), "a b");
  EXPECT_EQ(Call("ltrim", {Lit("  a ")}), "a ");
  EXPECT_EQ(Call("rtrim", {Lit("  a ")}), "  a");
  EXPECT_EQ(Call("trim_both", {Lit("xxaxx"), Lit("x")}), "a");
  EXPECT_EQ(Call("replace", {Lit("a-b-c"), Lit("-"), Lit("+")}), "a+b+c");
  EXPECT_EQ(Call("replace", {Lit("abc"), Lit(""), Lit("x")}), "abc");
  EXPECT_EQ(Call("starts_with", {Lit("hello"), Lit("he")}), "true");
  EXPECT_EQ(Call("ends_with", {Lit("hello"), Lit("he")}), "false");
  EXPECT_EQ(Call("concat", {Lit("a"), Lit(1), Lit("é")}), "a1é");
  EXPECT_EQ(Call("||", {Lit("a"), LitNull()}), "NULL");
  EXPECT_EQ(Call("concat_ws", {Lit(","), Lit("a"), LitNull(), Lit("b")}), "a,b");
  EXPECT_EQ(Call("concat_ws", {LitNull(), Lit("a")}), "NULL");
  EXPECT_EQ(Call("repeat", {Lit("ab"), Lit(3)}), "ababab");
  EXPECT_EQ(Call("lpad", {Lit("7"), Lit(3), Lit("0")}), "007");
  EXPECT_EQ(Call("rpad", {Lit("abcd"), Lit(2), Lit("0")}), "ab");
  EXPECT_EQ(Call("to_string", {Lit(12)}), "12");
  EXPECT_EQ(Call("typeof", {Lit(12)}), "BIGINT");
}

TEST(ExecFunctionTest, StringFunctionsOverColumnsWithNulls) {
  Chunk c = ChunkOf({Strings({"Ab", std::nullopt, "çD"}), Int64s({1, 2, std::nullopt})});
  ExprPtr s = expr::Column(0, kString), n = expr::Column(1, kInt64);
  EXPECT_EQ(EvalTexts(CallOk("upper", {s}), c), (std::vector<std::string>{"AB", "NULL", "ÇD"}));
  EXPECT_EQ(EvalTexts(CallOk("substr", {s, n}), c),
            (std::vector<std::string>{"Ab", "NULL", "NULL"}));
  EXPECT_EQ(EvalTexts(CallOk("length", {s}), c), (std::vector<std::string>{"2", "NULL", "2"}));
}

TEST(ExecFunctionTest, MathFunctions) {
  EXPECT_EQ(Call("abs", {Lit(-3)}), "3");
  EXPECT_EQ(Call("abs", {LitDouble(-2.5)}), "2.5");
  EXPECT_EQ(Call("round", {LitDouble(2.5)}), "3.0");
  EXPECT_EQ(Call("round", {LitDouble(-2.5)}), "-3.0");
  EXPECT_EQ(Call("round", {LitDouble(3.14159), Lit(2)}), "3.14");
  EXPECT_EQ(Call("round", {Lit(1250), Lit(-2)}), "1300");
  ExprPtr dec = expr::Literal(Must(Value::String("2.345").CastTo(DataType::Decimal(10, 3))));
  ExprPtr rounded = CallOk("round", {dec, Lit(2)});
  EXPECT_EQ(rounded->type, DataType::Decimal(10, 2));
  EXPECT_EQ(EvalText(rounded), "2.35");
  EXPECT_EQ(Call("floor", {LitDouble(-1.5)}), "-2.0");
  EXPECT_EQ(Call("ceil", {LitDouble(1.2)}), "2.0");
  EXPECT_EQ(Call("ceiling", {dec}), "3");
  EXPECT_EQ(Call("floor", {dec}), "2");
  EXPECT_EQ(Call("sqrt", {Lit(16)}), "4.0");
  EXPECT_EQ(Call("pow", {Lit(2), Lit(10)}), "1024.0");
  EXPECT_EQ(Call("power", {Lit(2), Lit(-1)}), "0.5");
  EXPECT_EQ(Call("exp", {Lit(0)}), "1.0");
  EXPECT_EQ(Call("ln", {Lit(1)}), "0.0");
  EXPECT_EQ(Call("log", {Lit(10), Lit(1000)}), "3.0");
  EXPECT_EQ(Call("log10", {Lit(100)}), "2.0");
  EXPECT_EQ(Call("mod", {Lit(10), Lit(3)}), "1");
  EXPECT_EQ(Call("sign", {LitDouble(-0.5)}), "-1");
  EXPECT_EQ(Call("greatest", {Lit(3), LitDouble(7.5), Lit(1)}), "7.5");
  EXPECT_EQ(Call("least", {Lit("b"), Lit("a")}), "a");
  EXPECT_EQ(Call("greatest", {Lit(1), LitNull()}), "NULL");
}

TEST(ExecFunctionTest, DateParts) {
  ExprPtr ts = Ts("2024-03-15 13:45:30.25");
  EXPECT_EQ(Call("year", {ts}), "2024");
  EXPECT_EQ(Call("month", {ts}), "3");
  EXPECT_EQ(Call("day", {ts}), "15");
  EXPECT_EQ(Call("hour", {ts}), "13");
  EXPECT_EQ(Call("minute", {ts}), "45");
  EXPECT_EQ(Call("second", {ts}), "30");
  EXPECT_EQ(Call("quarter", {ts}), "1");
  EXPECT_EQ(Call("day_of_week", {ts}), "5");  // a Friday
  EXPECT_EQ(Call("day_of_year", {Date("2024-12-31")}), "366");
  EXPECT_EQ(Call("to_year", {Date("1969-12-31")}), "1969");
  EXPECT_EQ(Call("extract", {Lit("month"), Date("2020-07-04")}), "7");
  EXPECT_EQ(Call("year", {Lit("2001-02-03 04:05:06")}), "2001");
  EXPECT_EQ(Call("hour", {Ts("1969-12-31 23:00:00")}), "23");
}

TEST(ExecFunctionTest, DateTruncationAndArithmetic) {
  ExprPtr ts = Ts("2024-05-17 13:45:30");
  EXPECT_EQ(Call("date_trunc", {Lit("month"), ts}), "2024-05-01 00:00:00.000000");
  EXPECT_EQ(Call("date_trunc", {Lit("year"), Date("2024-05-17")}), "2024-01-01");
  EXPECT_EQ(Call("date_trunc", {Lit("hour"), ts}), "2024-05-17 13:00:00.000000");
  EXPECT_EQ(Call("date_trunc", {Lit("week"), ts}), "2024-05-13 00:00:00.000000");
  EXPECT_EQ(Call("to_start_of_month", {ts}), "2024-05-01");
  EXPECT_EQ(Call("to_start_of_year", {ts}), "2024-01-01");
  EXPECT_EQ(Call("to_start_of_quarter", {ts}), "2024-04-01");
  EXPECT_EQ(Call("to_start_of_day", {ts}), "2024-05-17 00:00:00.000000");
  EXPECT_EQ(Call("to_start_of_week", {ts}), "2024-05-12");  // Sunday
  EXPECT_EQ(Call("to_monday", {ts}), "2024-05-13");
  EXPECT_EQ(Call("add_months", {Date("2024-01-31"), Lit(1)}), "2024-02-29");
  EXPECT_EQ(Call("add_years", {Date("2024-02-29"), Lit(1)}), "2025-02-28");
  EXPECT_EQ(Call("add_days", {Date("2024-12-31"), Lit(1)}), "2025-01-01");
  EXPECT_EQ(Call("add_hours", {Date("2024-12-31"), Lit(1)}), "2024-12-31 01:00:00.000000");
  EXPECT_EQ(Call("date_add", {Lit("day"), Lit(3), Date("2024-02-27")}), "2024-03-01");
  EXPECT_EQ(Call("date_sub", {Lit("month"), Lit(1), Date("2024-03-31")}), "2024-02-29");
  EXPECT_EQ(Call("date_diff", {Lit("day"), Date("2024-01-01"), Date("2024-03-01")}), "60");
  EXPECT_EQ(Call("date_diff", {Lit("month"), Date("2024-01-31"), Date("2024-02-01")}), "1");
  EXPECT_EQ(Call("+", {Date("2021-03-05"), Lit(1)}), "2021-03-06");
  EXPECT_EQ(Call("-", {Date("2021-03-05"), Date("2021-03-01")}), "4");
  EXPECT_EQ(Call("+", {Ts("2021-03-05 01:01:01"), Lit(1)}), "2021-03-05 01:01:01.000001");
  EXPECT_EQ(Call("to_date", {Lit("2022-11-10 00:54:12")}), "2022-11-10");
  EXPECT_EQ(Call("to_timestamp", {Date("2021-03-05")}), "2021-03-05 00:00:00.000000");
  EXPECT_EQ(Call("to_date", {Lit("2020.10.")}), "[1079] cannot cast '2020.10.' to DATE");
}

TEST(ExecFunctionTest, NowIsTheQueryStartTime) {
  FunctionContext ctx;
  ctx.now_micros = 1706702400000000;  // 2024-01-31 12:00:00
  ExprPtr now = CallOk("now", {});
  EXPECT_FALSE(now->IsConstant());  // never folded at bind time
  EXPECT_EQ(Must(EvaluateConstant(*now, ctx)).ToString(), "2024-01-31 12:00:00.000000");
  EXPECT_EQ(Must(EvaluateConstant(*CallOk("current_timestamp", {}), ctx)).ToString(),
            "2024-01-31 12:00:00.000000");
  EXPECT_EQ(Must(EvaluateConstant(*CallOk("today", {}), ctx)).ToString(), "2024-01-31");
  EXPECT_EQ(Must(EvaluateConstant(*CallOk("yesterday", {}), ctx)).ToString(), "2024-01-30");
  // Every row of a chunk sees the same value.
  Chunk c = ChunkOf({Int64s({1, 2, 3})});
  ExprPtr e = CallOk("add_days", {CallOk("today", {}), expr::Column(0, kInt64)});
  EXPECT_EQ(Texts(Must(EvaluateExpr(*e, c, ctx))),
            (std::vector<std::string>{"2024-02-01", "2024-02-02", "2024-02-03"}));
}

}  // namespace
}  // namespace strata
