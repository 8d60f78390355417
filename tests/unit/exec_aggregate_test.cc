// Hash aggregation: every aggregate with NULLs and on empty input, GROUP BY strings, NULL and
// multiple keys, DISTINCT aggregates, parallel partial aggregation, and a 10M-row group-by.
#include <chrono>
#include <cstdio>

#include "exec_fixtures.h"
#include "execution/operators/filter.h"
#include "execution/operators/hash_aggregate.h"
#include "execution/operators/numbers_source.h"
#include "execution/operators/projection.h"
#include "execution/operators/values_source.h"

namespace strata {
namespace {

using namespace strata::testing;  // NOLINT
using Rows = std::vector<std::string>;

ExprPtr Col(const PlanPtr& plan, size_t i) {
  const Field& f = plan->schema()[i];
  return expr::Column(i, f.type, f.nullable);
}

AggregateCall Agg(const char* name, std::vector<ExprPtr> args, bool distinct = false) {
  return Must(AggregateCall::Make(name, std::move(args), distinct));
}

// (g VARCHAR, x BIGINT, d DOUBLE) with NULLs in every column.
PlanPtr Sample() {
  auto row = [](ExprPtr g, ExprPtr x, ExprPtr d) { return std::vector<ExprPtr>{g, x, d}; };
  return Must(ValuesNode::Make(
      {"g", "x", "d"}, {row(Lit("a"), Lit(1), LitDouble(0.5)), row(Lit("b"), Lit(2), LitNull()),
                        row(Lit("a"), LitNull(), LitDouble(1.5)),
                        row(LitNull(), Lit(4), LitDouble(2)), row(Lit("a"), Lit(3), LitDouble(1)),
                        row(LitNull(), Lit(5), LitNull()), row(Lit("b"), Lit(2), LitDouble(-1))}));
}

PlanPtr Aggregate(PlanPtr child, std::vector<ExprPtr> keys, std::vector<AggregateCall> aggs) {
  std::vector<std::string> names;
  for (size_t i = 0; i < keys.size() + aggs.size(); ++i) names.push_back("c" + std::to_string(i));
  return Must(HashAggregateNode::Make(std::move(child), std::move(keys), std::move(aggs), names));
}

TEST(ExecAggregateTest, EveryAggregateIgnoresNulls) {
  PlanPtr s = Sample();
  ExprPtr x = Col(s, 1), d = Col(s, 2), g = Col(s, 0);
  PlanPtr agg = Aggregate(s, {},
                          {Agg("count", {}), Agg("count", {x}), Agg("sum", {x}), Agg("avg", {x}),
                           Agg("min", {x}), Agg("max", {x}), Agg("sum", {d}), Agg("avg", {d}),
                           Agg("min", {g}), Agg("max", {g}), Agg("count", {g})});
  EXPECT_EQ(agg->schema()[0].type, kInt64);
  EXPECT_FALSE(agg->schema()[0].nullable);
  EXPECT_EQ(agg->schema()[3].type, kDouble);
  EXPECT_EQ(agg->schema()[8].type, kString);
  EXPECT_EQ(RunPlan(agg), (Rows{"7|6|17|2.8333333333333335|1|5|4.0|0.8|a|b|5"}));
}

TEST(ExecAggregateTest, EmptyInputGivesOneRowWithoutKeysAndNoneWithKeys) {
  PlanPtr s = Sample();
  PlanPtr none = Must(FilterNode::Make(s, LitBool(false)));
  ExprPtr x = Col(none, 1);
  PlanPtr agg = Aggregate(none, {},
                          {Agg("count", {}), Agg("count", {x}), Agg("sum", {x}), Agg("avg", {x}),
                           Agg("min", {x}), Agg("max", {Col(none, 0)}), Agg("count", {x}, true)});
  EXPECT_EQ(RunPlan(agg, 3), (Rows{"0|0|NULL|NULL|NULL|NULL|0"}));
  EXPECT_EQ(RunPlan(Aggregate(none, {Col(none, 0)}, {Agg("count", {})})), Rows{});
  // All-NULL input behaves like empty input for sum/min but counts rows for count(*).
  PlanPtr nulls = Must(ValuesNode::Make({"v"}, {{LitNull()}, {LitNull()}}));
  EXPECT_EQ(RunPlan(Aggregate(nulls, {},
                              {Agg("count", {}), Agg("count", {Col(nulls, 0)}),
                               Agg("sum", {Col(nulls, 0)}), Agg("max", {Col(nulls, 0)})})),
            (Rows{"2|0|NULL|NULL"}));
}

TEST(ExecAggregateTest, GroupByStringsWithNullKeys) {
  PlanPtr s = Sample();
  ExprPtr g = Col(s, 0), x = Col(s, 1);
  PlanPtr agg = Aggregate(s, {g}, {Agg("count", {}), Agg("sum", {x}), Agg("max", {Col(s, 2)})});
  EXPECT_EQ(agg->schema()[0].type, kString);
  // All NULL keys form one group.
  EXPECT_EQ(Sorted(RunPlan(agg)), (Rows{"NULL|2|9|2.0", "a|3|4|1.5", "b|2|4|-1.0"}));
}

TEST(ExecAggregateTest, GroupByMultipleKeys) {
  PlanPtr s = Sample();
  ExprPtr g = Col(s, 0), x = Col(s, 1);
  PlanPtr agg = Aggregate(s, {g, x}, {Agg("count", {})});
  EXPECT_EQ(Sorted(RunPlan(agg)),
            (Rows{"NULL|4|1", "NULL|5|1", "a|1|1", "a|3|1", "a|NULL|1", "b|2|2"}));
  // Keys can be expressions.
  PlanPtr odd = Aggregate(s, {CallOk("%", {x, Lit(2)})}, {Agg("sum", {x})});
  EXPECT_EQ(Sorted(RunPlan(odd)), (Rows{"0|8", "1|9", "NULL|NULL"}));
}

TEST(ExecAggregateTest, DistinctAggregates) {
  PlanPtr s = Sample();
  ExprPtr g = Col(s, 0), x = Col(s, 1);
  PlanPtr agg = Aggregate(s, {},
                          {Agg("count", {x}, true), Agg("sum", {x}, true), Agg("avg", {x}, true),
                           Agg("count", {g}, true)});
  EXPECT_EQ(RunPlan(agg), (Rows{"5|15|3.0|2"}));
  PlanPtr grouped = Aggregate(s, {g}, {Agg("count", {x}, true), Agg("count", {x})});
  EXPECT_EQ(Sorted(RunPlan(grouped)), (Rows{"NULL|2|2", "a|2|2", "b|1|2"}));
}

TEST(ExecAggregateTest, DecimalSumAndAvg) {
  DataType dec = DataType::Decimal(10, 2);
  auto d = [&](const char* t) { return expr::Literal(Must(Value::String(t).CastTo(dec))); };
  PlanPtr v = Must(ValuesNode::Make({"m"}, {{d("1.10")}, {d("2.25")}, {LitNull()}, {d("-0.05")}}));
  PlanPtr agg = Aggregate(v, {},
                          {Agg("sum", {Col(v, 0)}), Agg("avg", {Col(v, 0)}),
                           Agg("min", {Col(v, 0)}), Agg("max", {Col(v, 0)})});
  EXPECT_EQ(agg->schema()[0].type, DataType::Decimal(38, 2));
  EXPECT_EQ(agg->schema()[1].type, DataType::Decimal(38, 4));
  EXPECT_EQ(RunPlan(agg), (Rows{"3.30|1.1000|-0.05|2.25"}));
}

TEST(ExecAggregateTest, SumOverflowIsAnError) {
  PlanPtr v = Must(ValuesNode::Make({"x"}, {{Lit(INT64_MAX)}, {Lit(1)}}));
  EXPECT_EQ(RunPlan(Aggregate(v, {}, {Agg("sum", {Col(v, 0)})})),
            (Rows{"[1049] number overflowed while evaluating aggregate function `sum`"}));
  // Intermediate totals beyond BIGINT are fine when the final sum fits.
  PlanPtr w = Must(ValuesNode::Make({"x"}, {{Lit(INT64_MAX)}, {Lit(INT64_MAX)}, {Lit(INT64_MIN)}}));
  EXPECT_EQ(RunPlan(Aggregate(w, {}, {Agg("sum", {Col(w, 0)})})), (Rows{"9223372036854775806"}));
}

TEST(ExecAggregateTest, ResolutionErrors) {
  EXPECT_EQ(AggregateCall::Make("median", {Lit(1)}).status().code(),
            ErrorCode::UnknownAggregateFunction);
  EXPECT_EQ(AggregateCall::Make("sum", {Lit("x")}).status().code(), ErrorCode::SemanticError);
  EXPECT_EQ(AggregateCall::Make("sum", {}).status().code(), ErrorCode::NumberArgumentsNotMatch);
  EXPECT_TRUE(IsAggregateFunctionName("COUNT"));
  EXPECT_FALSE(IsAggregateFunctionName("upper"));
}

TEST(ExecAggregateTest, ParallelPartialsMergeToTheSameResult) {
  PlanPtr numbers = Must(NumbersNode::Make(300000));
  ExprPtr n = Col(numbers, 0);
  ExprPtr key = CallOk("%", {n, Lit(97)});
  ExprPtr label = CallOk("concat", {Lit("k"), CallOk("%", {n, Lit(13)})});
  PlanPtr agg = Aggregate(numbers, {key, label},
                          {Agg("count", {}), Agg("sum", {n}), Agg("min", {n}), Agg("max", {n}),
                           Agg("count", {CallOk("%", {n, Lit(1000)})}, true)});
  Rows one = Sorted(RunPlan(agg, 1));
  EXPECT_EQ(one.size(), 97u * 13u);
  EXPECT_EQ(Sorted(RunPlan(agg, 2)), one);
  EXPECT_EQ(Sorted(RunPlan(agg, 5)), one);
}

TEST(ExecAggregateTest, TenMillionRowGroupBy) {
  constexpr int64_t kRows = 10000000;
  PlanPtr numbers = Must(NumbersNode::Make(kRows));
  ExprPtr n = Col(numbers, 0);
  PlanPtr agg =
      Aggregate(numbers, {CallOk("%", {n, Lit(1000)})}, {Agg("sum", {n}), Agg("count", {})});
  ExecutionContext ctx;  // default: all hardware threads
  auto start = std::chrono::steady_clock::now();
  std::vector<Chunk> chunks = Must(ExecuteToChunks(agg, ctx));
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("numbers(10M) GROUP BY number %% 1000 with sum, count: %.3f s on %zu threads\n", secs,
              ctx.threads());
  size_t groups = 0;
  for (const Chunk& c : chunks) {
    const int64_t* k = c.column(0)->Data<int64_t>();
    const int64_t* sum = c.column(1)->Data<int64_t>();
    const int64_t* cnt = c.column(2)->Data<int64_t>();
    for (size_t i = 0; i < c.num_rows(); ++i) {
      // Group k holds k, k + 1000, ..., k + 9999000: 10000 numbers.
      ASSERT_EQ(cnt[i], 10000);
      ASSERT_EQ(sum[i], 10000 * k[i] + 1000 * (9999LL * 10000 / 2)) << "group " << k[i];
      ++groups;
    }
  }
  EXPECT_EQ(groups, 1000u);
  EXPECT_EQ(ctx.rows_read(), static_cast<uint64_t>(kRows));
}

}  // namespace
}  // namespace strata
