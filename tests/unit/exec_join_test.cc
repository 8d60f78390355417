// Joins: hash INNER / LEFT with NULL keys (which never match), duplicate keys, residual
// conditions, type widening of keys, nested-loop CROSS / non-equi joins, parallel probing.
#include "exec_fixtures.h"
#include "execution/operators/hash_aggregate.h"
#include "execution/operators/hash_join.h"
#include "execution/operators/nested_loop_join.h"
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

// left(id, k): (1, 10) (2, 20) (3, NULL) (4, 40) (5, 20)
PlanPtr Left() {
  return Must(ValuesNode::Make({"id", "k"}, {{Lit(1), Lit(10)},
                                             {Lit(2), Lit(20)},
                                             {Lit(3), LitNull()},
                                             {Lit(4), Lit(40)},
                                             {Lit(5), Lit(20)}}));
}

// right(k, name): (10, a) (20, b) (20, c) (NULL, n) (30, d)
PlanPtr Right() {
  return Must(ValuesNode::Make({"k", "name"}, {{Lit(10), Lit("a")},
                                               {Lit(20), Lit("b")},
                                               {Lit(20), Lit("c")},
                                               {LitNull(), Lit("n")},
                                               {Lit(30), Lit("d")}}));
}

TEST(ExecJoinTest, InnerHashJoinSkipsNullKeys) {
  PlanPtr l = Left(), r = Right();
  PlanPtr j = Must(HashJoinNode::Make(l, r, JoinType::kInner, {Col(l, 1)}, {Col(r, 0)}));
  EXPECT_EQ(j->schema().size(), 4u);
  EXPECT_EQ(j->schema()[3].name, "name");
  EXPECT_EQ(Sorted(RunPlan(j)),
            (Rows{"1|10|10|a", "2|20|20|b", "2|20|20|c", "5|20|20|b", "5|20|20|c"}));
}

TEST(ExecJoinTest, LeftHashJoinKeepsUnmatchedRows) {
  PlanPtr l = Left(), r = Right();
  PlanPtr j = Must(HashJoinNode::Make(l, r, JoinType::kLeft, {Col(l, 1)}, {Col(r, 0)}));
  EXPECT_TRUE(j->schema()[3].nullable);
  EXPECT_EQ(Sorted(RunPlan(j)), (Rows{"1|10|10|a", "2|20|20|b", "2|20|20|c", "3|NULL|NULL|NULL",
                                      "4|40|NULL|NULL", "5|20|20|b", "5|20|20|c"}));
}

TEST(ExecJoinTest, ResidualConditionDecidesMatches) {
  PlanPtr l = Left(), r = Right();
  // ON l.k = r.k AND r.name <> 'b'  (columns: id, k, k, name)
  ExprPtr residual = CallOk("<>", {expr::Column(3, kString), Lit("b")});
  PlanPtr inner =
      Must(HashJoinNode::Make(l, r, JoinType::kInner, {Col(l, 1)}, {Col(r, 0)}, residual));
  EXPECT_EQ(Sorted(RunPlan(inner)), (Rows{"1|10|10|a", "2|20|20|c", "5|20|20|c"}));
  // For a LEFT join a row whose matches all fail the residual comes back once with NULLs.
  ExprPtr only_a = CallOk("=", {expr::Column(3, kString), Lit("a")});
  PlanPtr left = Must(HashJoinNode::Make(l, r, JoinType::kLeft, {Col(l, 1)}, {Col(r, 0)}, only_a));
  EXPECT_EQ(Sorted(RunPlan(left)), (Rows{"1|10|10|a", "2|20|NULL|NULL", "3|NULL|NULL|NULL",
                                         "4|40|NULL|NULL", "5|20|NULL|NULL"}));
}

TEST(ExecJoinTest, MultipleKeysOfDifferentTypes) {
  PlanPtr l = Must(ValuesNode::Make({"a", "b"}, {{Lit(1), Lit("x")}, {Lit(2), Lit("y")}}));
  PlanPtr r = Must(ValuesNode::Make(
      {"c", "d"},
      {{LitDouble(1), Lit("x")}, {LitDouble(2), Lit("x")}, {LitDouble(1.5), Lit("y")}}));
  PlanPtr j = Must(
      HashJoinNode::Make(l, r, JoinType::kInner, {Col(l, 0), Col(l, 1)}, {Col(r, 0), Col(r, 1)}));
  EXPECT_EQ(RunPlan(j), (Rows{"1|x|1.0|x"}));
  Result<PlanPtr> bad = HashJoinNode::Make(l, r, JoinType::kInner, {Col(l, 0)}, {LitBool(true)});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), ErrorCode::SemanticError);
}

TEST(ExecJoinTest, EmptyBuildSide) {
  PlanPtr l = Left();
  PlanPtr none = Must(ValuesNode::Make({"k", "name"}, {}));
  PlanPtr typed = Must(ProjectionNode::Make(
      none, {Must(expr::Cast(Col(none, 0), kInt64)), Must(expr::Cast(Col(none, 1), kString))},
      {"k", "name"}));
  EXPECT_EQ(
      RunPlan(Must(HashJoinNode::Make(l, typed, JoinType::kInner, {Col(l, 1)}, {Col(typed, 0)}))),
      Rows{});
  EXPECT_EQ(
      RunPlan(Must(HashJoinNode::Make(l, typed, JoinType::kLeft, {Col(l, 1)}, {Col(typed, 0)})))
          .size(),
      5u);
}

TEST(ExecJoinTest, NestedLoopCrossAndNonEquiJoins) {
  PlanPtr l = Must(ValuesNode::Make({"x"}, {{Lit(1)}, {Lit(5)}, {LitNull()}}));
  PlanPtr r = Must(ValuesNode::Make({"lo", "hi"}, {{Lit(0), Lit(2)}, {Lit(2), Lit(6)}}));
  PlanPtr cross = Must(NestedLoopJoinNode::Make(l, r, JoinType::kCross));
  EXPECT_EQ(RunPlan(cross).size(), 6u);
  // x BETWEEN lo AND hi
  ExprPtr between = Must(
      expr::Between(expr::Column(0, kInt64), expr::Column(1, kInt64), expr::Column(2, kInt64)));
  PlanPtr inner = Must(NestedLoopJoinNode::Make(l, r, JoinType::kInner, between));
  EXPECT_EQ(Sorted(RunPlan(inner)), (Rows{"1|0|2", "5|2|6"}));
  ExprPtr above = CallOk(">", {expr::Column(0, kInt64), expr::Column(2, kInt64)});
  PlanPtr left = Must(NestedLoopJoinNode::Make(l, r, JoinType::kLeft, above));
  EXPECT_EQ(Sorted(RunPlan(left)), (Rows{"1|NULL|NULL", "5|0|2", "NULL|NULL|NULL"}));
  EXPECT_FALSE(NestedLoopJoinNode::Make(l, r, JoinType::kCross, above).ok());
}

TEST(ExecJoinTest, ParallelProbeOverLargeInputs) {
  // numbers(200000) joined to the 1000 multiples of 7 below 7000 on n % 7000.
  PlanPtr probe = Must(NumbersNode::Make(200000));
  PlanPtr build_src = Must(NumbersNode::Make(1000));
  PlanPtr build =
      Must(ProjectionNode::Make(build_src, {CallOk("*", {Col(build_src, 0), Lit(7)})}, {"m"}));
  ExprPtr key = CallOk("%", {Col(probe, 0), Lit(7000)});
  PlanPtr j = Must(HashJoinNode::Make(probe, build, JoinType::kInner, {key}, {Col(build, 0)}));
  // Every multiple of 7 matches exactly one build row.
  PlanPtr sum =
      Must(HashAggregateNode::Make(j, {},
                                   {Must(AggregateCall::Make("count", {})),
                                    Must(AggregateCall::Make("sum", {expr::Column(0, kInt64)}))},
                                   {"c", "s"}));
  EXPECT_EQ(RunPlan(sum, 1), (Rows{"28572|2857157142"}));
  EXPECT_EQ(RunPlan(sum, 4), (Rows{"28572|2857157142"}));
}

}  // namespace
}  // namespace strata
