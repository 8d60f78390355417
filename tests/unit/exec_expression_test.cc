// Bound expressions evaluated over chunks: arithmetic and NULLs, errors, three-valued logic,
// CASE, IN, LIKE, BETWEEN, COALESCE / IF / NULLIF.
#include "exec_fixtures.h"

namespace strata {
namespace {

using namespace strata::testing;  // NOLINT

using Rows = std::vector<std::string>;

TEST(ExecExpressionTest, ArithmeticPropagatesNulls) {
  Chunk c = ChunkOf({Int64s({1, std::nullopt, 3, 4}), Int64s({10, 20, std::nullopt, 40})});
  ExprPtr a = expr::Column(0, kInt64), b = expr::Column(1, kInt64);
  EXPECT_EQ(EvalTexts(CallOk("+", {a, b}), c), (Rows{"11", "NULL", "NULL", "44"}));
  EXPECT_EQ(EvalTexts(CallOk("-", {a, b}), c), (Rows{"-9", "NULL", "NULL", "-36"}));
  EXPECT_EQ(EvalTexts(CallOk("*", {a, Lit(3)}), c), (Rows{"3", "NULL", "9", "12"}));
  EXPECT_EQ(EvalTexts(CallOk("-", {a}), c), (Rows{"-1", "NULL", "-3", "-4"}));
  EXPECT_EQ(EvalTexts(CallOk("%", {b, Lit(7)}), c), (Rows{"3", "6", "NULL", "5"}));
  // NULL literal: every row NULL, typed like the other side.
  ExprPtr plus_null = CallOk("+", {a, LitNull()});
  EXPECT_EQ(plus_null->type, kInt64);
  EXPECT_EQ(EvalTexts(plus_null, c), (Rows{"NULL", "NULL", "NULL", "NULL"}));
}

TEST(ExecExpressionTest, IntegerResultTypesWidenLikeDatabend) {
  ExprPtr i32 = expr::Column(0, kInt32);
  EXPECT_EQ(CallOk("+", {i32, i32})->type, kInt64);
  EXPECT_EQ(CallOk("/", {i32, i32})->type, kDouble);
  EXPECT_EQ(CallOk("div", {i32, i32})->type, kInt64);
  EXPECT_EQ(CallOk("%", {i32, i32})->type, kInt32);
  EXPECT_EQ(EvalText(expr::Call("/", {Lit(1), Lit(2)})), "0.5");
  EXPECT_EQ(EvalText(expr::Call("div", {Lit(20), Lit(8)})), "2");
  EXPECT_EQ(EvalText(expr::Call("div", {Lit(20), LitDouble(8.1)})), "2");
  EXPECT_EQ(EvalText(expr::Call("+", {Lit("333"), Lit(4)})), "337");
}

TEST(ExecExpressionTest, DivisionByZeroIsAnErrorButNotOnNullRows) {
  Chunk c = ChunkOf({Int64s({8, 9}), Int64s({2, 0})});
  ExprPtr a = expr::Column(0, kInt64), b = expr::Column(1, kInt64);
  Result<ColumnPtr> r = EvaluateExpr(*CallOk("/", {a, b}), c);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().ToString(), "[1006] divided by zero");
  EXPECT_EQ(EvalText(expr::Call("div", {Lit(8), Lit(0)})), "[1006] divided by zero");
  EXPECT_EQ(EvalText(expr::Call("%", {Lit(8), Lit(0)})), "[1006] divided by zero");
  // Row 1 divides by zero only in a NULL row: no error.
  Chunk n = ChunkOf({Int64s({8, std::nullopt}), Int64s({2, 0})});
  EXPECT_EQ(EvalTexts(CallOk("/", {a, b}), n), (Rows{"4.0", "NULL"}));
  // A CASE guards the division.
  ExprPtr guarded =
      Must(expr::Case({{CallOk("<>", {b, Lit(0)}), CallOk("/", {a, b})}}, LitDouble(-1)));
  EXPECT_EQ(EvalTexts(guarded, c), (Rows{"4.0", "-1.0"}));
}

TEST(ExecExpressionTest, OverflowIsError1049) {
  ExprPtr max = Lit(INT64_MAX);
  EXPECT_EQ(EvalText(expr::Call("+", {max, Lit(1)})),
            "[1049] number overflowed while evaluating function `plus(9223372036854775807, 1)`");
  EXPECT_EQ(EvalText(expr::Call("*", {max, Lit(2)})).substr(0, 6), "[1049]");
  EXPECT_EQ(EvalText(expr::Call("-", {Lit(INT64_MIN)})).substr(0, 6), "[1049]");
  EXPECT_EQ(EvalText(expr::Call("abs", {Lit(INT64_MIN)})).substr(0, 6), "[1049]");
  // INT + INT widens to BIGINT, so it does not overflow.
  ExprPtr big32 = expr::Literal(Value::Int(kInt32, INT32_MAX));
  EXPECT_EQ(EvalText(expr::Call("+", {big32, big32})), "4294967294");
}

TEST(ExecExpressionTest, DecimalArithmeticKeepsScale) {
  auto dec = [](const char* text, int p, int s) {
    return expr::Literal(Must(Value::String(text).CastTo(DataType::Decimal(p, s))));
  };
  ExprPtr a = dec("1.25", 10, 2), b = dec("2.5", 10, 1);
  ExprPtr sum = CallOk("+", {a, b});
  EXPECT_EQ(sum->type, DataType::Decimal(12, 2));
  EXPECT_EQ(EvalText(sum), "3.75");
  EXPECT_EQ(EvalText(expr::Call("-", {a, b})), "-1.25");
  ExprPtr prod = CallOk("*", {a, b});
  EXPECT_EQ(prod->type, DataType::Decimal(20, 3));
  EXPECT_EQ(EvalText(prod), "3.125");
  ExprPtr quo = CallOk("/", {a, b});
  EXPECT_EQ(quo->type.scale, 6);
  EXPECT_EQ(EvalText(quo), "0.500000");
  EXPECT_EQ(EvalText(expr::Call("+", {a, Lit(1)})), "2.25");
  EXPECT_EQ(EvalText(expr::Call("/", {a, dec("0", 10, 1)})), "[1006] divided by zero");
  // 38-digit values overflow instead of wrapping.
  ExprPtr huge = dec("99999999999999999999999999999999999999", 38, 0);
  EXPECT_EQ(EvalText(expr::Call("+", {huge, huge})).substr(0, 6), "[1049]");
  // Mixed with a float the result is DOUBLE.
  EXPECT_EQ(CallOk("*", {a, LitDouble(2)})->type, kDouble);
}

TEST(ExecExpressionTest, ThreeValuedLogicTruthTables) {
  // All nine combinations of TRUE, FALSE, NULL.
  auto bools = [](const std::vector<std::optional<bool>>& vs) {
    auto c = MakeColumn(kBool);
    for (const auto& v : vs) {
      if (v) {
        c->Append<uint8_t>(*v ? 1 : 0);
      } else {
        c->AppendNull();
      }
    }
    return c;
  };
  std::optional<bool> T = true, F = false, N;
  Chunk c = ChunkOf({bools({T, T, T, F, F, F, N, N, N}), bools({T, F, N, T, F, N, T, F, N})});
  ExprPtr a = expr::Column(0, kBool), b = expr::Column(1, kBool);
  EXPECT_EQ(EvalTexts(Must(expr::And(a, b)), c),
            (Rows{"true", "false", "NULL", "false", "false", "false", "NULL", "false", "NULL"}));
  EXPECT_EQ(EvalTexts(Must(expr::Or(a, b)), c),
            (Rows{"true", "true", "true", "true", "false", "NULL", "true", "NULL", "NULL"}));
  EXPECT_EQ(EvalTexts(Must(expr::Not(a)), c),
            (Rows{"false", "false", "false", "true", "true", "true", "NULL", "NULL", "NULL"}));
  EXPECT_EQ(EvalTexts(Must(expr::IsNull(a)), c),
            (Rows{"false", "false", "false", "false", "false", "false", "true", "true", "true"}));
  // Constants fold with the same rules.
  EXPECT_EQ(EvalText(expr::And(LitNull(), LitBool(false))), "false");
  EXPECT_EQ(EvalText(expr::Or(LitNull(), LitBool(true))), "true");
  EXPECT_EQ(EvalText(expr::And(LitNull(), LitBool(true))), "NULL");
  // A filter keeps only TRUE rows.
  std::vector<uint32_t> sel;
  ASSERT_TRUE(ExpressionExecutor().Select(*Must(expr::Or(a, b)), c, &sel).ok());
  EXPECT_EQ(sel, (std::vector<uint32_t>{0, 1, 2, 3, 6}));
}

TEST(ExecExpressionTest, CaseIfNullIfCoalesce) {
  Chunk c = ChunkOf({Int64s({1, 2, 3, std::nullopt}), Strings({"x", std::nullopt, "z", "w"})});
  ExprPtr n = expr::Column(0, kInt64), s = expr::Column(1, kString);
  ExprPtr kase = Must(expr::Case(
      {{CallOk("=", {n, Lit(1)}), Lit("one")}, {CallOk(">", {n, Lit(2)}), Lit("big")}}, nullptr));
  EXPECT_EQ(EvalTexts(kase, c), (Rows{"one", "NULL", "big", "NULL"}));
  ExprPtr simple = Must(expr::SimpleCase(n, {{Lit(2), Lit(20)}, {Lit(3), Lit(30)}}, Lit(0)));
  EXPECT_EQ(EvalTexts(simple, c), (Rows{"0", "20", "30", "0"}));
  EXPECT_EQ(EvalTexts(CallOk("if", {CallOk(">", {n, Lit(1)}), s, Lit("small")}), c),
            (Rows{"small", "NULL", "z", "small"}));  // NULL condition: ELSE
  EXPECT_EQ(EvalTexts(CallOk("coalesce", {s, Lit("?")}), c), (Rows{"x", "?", "z", "w"}));
  EXPECT_EQ(EvalTexts(CallOk("ifnull", {n, Lit(-1)}), c), (Rows{"1", "2", "3", "-1"}));
  EXPECT_EQ(EvalTexts(CallOk("nullif", {n, Lit(2)}), c), (Rows{"1", "NULL", "3", "NULL"}));
  EXPECT_EQ(EvalTexts(CallOk("coalesce", {LitNull(), n, Lit(7)}), c), (Rows{"1", "2", "3", "7"}));
  // CASE mixing INT and DOUBLE results is DOUBLE.
  EXPECT_EQ(Must(expr::If(LitBool(true), Lit(1), LitDouble(2.5)))->type, kDouble);
}

TEST(ExecExpressionTest, InListWithNulls) {
  Chunk c = ChunkOf({Int64s({1, 2, std::nullopt})});
  ExprPtr x = expr::Column(0, kInt64);
  EXPECT_EQ(EvalTexts(Must(expr::In(x, {Lit(1), Lit(5)})), c), (Rows{"true", "false", "NULL"}));
  // A NULL in the list turns "not found" into NULL.
  EXPECT_EQ(EvalTexts(Must(expr::In(x, {Lit(1), LitNull()})), c), (Rows{"true", "NULL", "NULL"}));
  EXPECT_EQ(EvalTexts(Must(expr::In(x, {Lit(1), LitNull()}, true)), c),
            (Rows{"false", "NULL", "NULL"}));
  EXPECT_EQ(EvalTexts(Must(expr::In(x, {Lit(3), Lit(4)}, true)), c),
            (Rows{"true", "true", "NULL"}));
  // Strings and a list with a column reference.
  Chunk s = ChunkOf({Strings({"a", "b", "c"}), Strings({"c", "x", "c"})});
  ExprPtr s0 = expr::Column(0, kString), s1 = expr::Column(1, kString);
  EXPECT_EQ(EvalTexts(Must(expr::In(s0, {Lit("b"), Lit("c")})), s),
            (Rows{"false", "true", "true"}));
  EXPECT_EQ(EvalTexts(Must(expr::In(s0, {Lit("a"), s1})), s), (Rows{"true", "false", "true"}));
  // A numeric column against string literals reads the literals as numbers.
  EXPECT_EQ(EvalTexts(Must(expr::In(x, {Lit("2")})), c), (Rows{"false", "true", "NULL"}));
}

TEST(ExecExpressionTest, LikePatterns) {
  Chunk c = ChunkOf({Strings({"abc", "a%c", "ac", "xabcx", "é", "", std::nullopt})});
  ExprPtr s = expr::Column(0, kString);
  auto like = [&](const char* p, bool negated = false) {
    return EvalTexts(Must(expr::Like(s, Lit(p), negated)), c);
  };
  EXPECT_EQ(like("a%"), (Rows{"true", "true", "true", "false", "false", "false", "NULL"}));
  EXPECT_EQ(like("%c"), (Rows{"true", "true", "true", "false", "false", "false", "NULL"}));
  EXPECT_EQ(like("%b%"), (Rows{"true", "false", "false", "true", "false", "false", "NULL"}));
  EXPECT_EQ(like("a_c"), (Rows{"true", "true", "false", "false", "false", "false", "NULL"}));
  EXPECT_EQ(like("_"), (Rows{"false", "false", "false", "false", "true", "false", "NULL"}));
  EXPECT_EQ(like("a\\%c"), (Rows{"false", "true", "false", "false", "false", "false", "NULL"}));
  EXPECT_EQ(like("%"), (Rows{"true", "true", "true", "true", "true", "true", "NULL"}));
  EXPECT_EQ(like("%a%c%"), (Rows{"true", "true", "true", "true", "false", "false", "NULL"}));
  EXPECT_EQ(like("_b_"), (Rows{"true", "false", "false", "false", "false", "false", "NULL"}));
  EXPECT_EQ(like("abc", true), (Rows{"false", "true", "true", "true", "true", "true", "NULL"}));
  // A custom escape character and a pattern from a column.
  EXPECT_EQ(EvalTexts(Must(expr::Like(s, Lit("a#%c"), false, '#')), c),
            (Rows{"false", "true", "false", "false", "false", "false", "NULL"}));
  Chunk pc = ChunkOf({Strings({"abc", "abc"}), Strings({"a%", "b%"})});
  EXPECT_EQ(EvalTexts(Must(expr::Like(expr::Column(0, kString), expr::Column(1, kString))), pc),
            (Rows{"true", "false"}));
}

TEST(ExecExpressionTest, BetweenLowersToComparisons) {
  Chunk c = ChunkOf({Int64s({1, 5, 10, std::nullopt})});
  ExprPtr x = expr::Column(0, kInt64);
  EXPECT_EQ(EvalTexts(Must(expr::Between(x, Lit(2), Lit(10))), c),
            (Rows{"false", "true", "true", "NULL"}));
  EXPECT_EQ(EvalTexts(Must(expr::Between(x, Lit(2), Lit(10), true)), c),
            (Rows{"true", "false", "false", "NULL"}));
}

TEST(ExecExpressionTest, ComparisonsAcrossTypes) {
  EXPECT_EQ(EvalText(expr::Call("<", {Lit(1), LitDouble(1.5)})), "true");
  EXPECT_EQ(EvalText(expr::Call("=", {Lit("abc"), Lit("abc")})), "true");
  EXPECT_EQ(EvalText(expr::Call(">", {Lit("b"), Lit("abc")})), "true");
  EXPECT_EQ(EvalText(expr::Call("=", {LitBool(true), Lit("1")})), "true");
  EXPECT_EQ(EvalText(expr::Call("!=", {Lit(1), LitNull()})), "NULL");
  ExprPtr d = Must(expr::Cast(Lit("2024-01-31"), kDate));
  EXPECT_EQ(EvalText(expr::Call("=", {d, Lit("2024-01-31")})), "true");
  ExprPtr ts = Must(expr::Cast(Lit("2024-01-31 00:00:01"), kTimestamp));
  EXPECT_EQ(EvalText(expr::Call("<", {d, ts})), "true");
  Result<ExprPtr> bad = expr::Call("=", {d, LitBool(true)});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), ErrorCode::SemanticError);
}

TEST(ExecExpressionTest, BindErrors) {
  Result<ExprPtr> unknown = expr::Call("no_such_fn", {Lit(1)});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().code(), ErrorCode::UnknownFunction);
  Result<ExprPtr> arity = expr::Call("upper", {Lit("a"), Lit("b")});
  ASSERT_FALSE(arity.ok());
  EXPECT_EQ(arity.status().code(), ErrorCode::NumberArgumentsNotMatch);
  Result<ExprPtr> types = expr::Call("+", {Lit("a"), LitBool(true)});
  ASSERT_FALSE(types.ok());
  EXPECT_EQ(types.status().ToString(),
            "[1065] no function matches signature `plus(VARCHAR, BOOLEAN)`, you might need to add "
            "explicit type casts.");
}

TEST(ExecExpressionTest, ConstantsAreFoldedAndErrorsDeferred) {
  ExprPtr folded = CallOk("+", {Lit(1), Lit(2)});
  EXPECT_TRUE(folded->IsConstant());
  EXPECT_EQ(folded->value.ToString(), "3");
  // 1/0 cannot fold; it stays an expression and fails only when evaluated.
  ExprPtr div0 = CallOk("/", {Lit(1), Lit(0)});
  EXPECT_FALSE(div0->IsConstant());
  // A branch that is never taken never fails.
  EXPECT_EQ(EvalText(expr::If(LitBool(false), div0, LitDouble(1))), "1.0");
  // Constant operands are not expanded during evaluation.
  Chunk c = ChunkOf({Int64s({1, 2, 3})});
  ExprPtr e = CallOk("+", {expr::Column(0, kInt64), folded});
  EXPECT_EQ(EvalTexts(e, c), (Rows{"4", "5", "6"}));
}

}  // namespace
}  // namespace strata
