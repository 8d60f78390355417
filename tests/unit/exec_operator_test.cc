// Operators built by hand over ValuesNode / NumbersNode: filter, projection, sort, limit,
// top-n, union all, distinct, cancellation and progress.
#include <atomic>

#include "exec_fixtures.h"
#include "execution/operators/filter.h"
#include "execution/operators/hash_aggregate.h"
#include "execution/operators/limit.h"
#include "execution/operators/numbers_source.h"
#include "execution/operators/projection.h"
#include "execution/operators/sort.h"
#include "execution/operators/table_scan.h"
#include "execution/operators/top_n.h"
#include "execution/operators/union_all.h"
#include "execution/operators/values_source.h"

namespace strata {
namespace {

using namespace strata::testing;  // NOLINT
using Rows = std::vector<std::string>;

// VALUES rows from literal texts: "NULL" is NULL, digits are BIGINT, others VARCHAR.
PlanPtr ValuesOf(std::vector<std::string> names, std::vector<std::vector<const char*>> rows) {
  std::vector<std::vector<ExprPtr>> exprs;
  for (const auto& row : rows) {
    std::vector<ExprPtr> r;
    for (const char* v : row) {
      std::string s(v);
      bool digits = !s.empty() && s.find_first_not_of("-0123456789") == std::string::npos;
      if (s == "NULL") {
        r.push_back(LitNull());
      } else if (digits) {
        r.push_back(Lit(static_cast<int64_t>(std::stoll(s))));
      } else {
        r.push_back(Lit(v));
      }
    }
    exprs.push_back(std::move(r));
  }
  return Must(ValuesNode::Make(std::move(names), std::move(exprs)));
}

ExprPtr Col(const PlanPtr& plan, size_t i) {
  const Field& f = plan->schema()[i];
  return expr::Column(i, f.type, f.nullable);
}

TEST(ExecOperatorTest, NumbersProducesEveryValueOnceAcrossThreads) {
  PlanPtr numbers = Must(NumbersNode::Make(100000));
  EXPECT_EQ(numbers->schema()[0].name, "number");
  EXPECT_EQ(numbers->schema()[0].type, kInt64);
  ExecutionContext ctx;
  ctx.set_threads(4);
  std::vector<Chunk> chunks = Must(ExecuteToChunks(numbers, ctx));
  std::vector<uint8_t> seen(100000, 0);
  size_t total = 0;
  for (const Chunk& c : chunks) {
    EXPECT_LE(c.num_rows(), kChunkRows);
    const int64_t* v = c.column(0)->Data<int64_t>();
    for (size_t i = 0; i < c.num_rows(); ++i) {
      ASSERT_GE(v[i], 0);
      ASSERT_LT(v[i], 100000);
      seen[v[i]]++;
    }
    total += c.num_rows();
  }
  EXPECT_EQ(total, 100000u);
  EXPECT_EQ(std::count(seen.begin(), seen.end(), 1), 100000);
  EXPECT_EQ(ctx.rows_read(), 100000u);
  EXPECT_EQ(RunPlan(Must(NumbersNode::Make(0))), Rows{});
}

TEST(ExecOperatorTest, ValuesUnifiesColumnTypes) {
  PlanPtr v = Must(ValuesNode::Make(
      {"a", "b"}, {{Lit(1), Lit("x")}, {LitDouble(2.5), LitNull()}, {LitNull(), Lit("z")}}));
  EXPECT_EQ(v->schema()[0].type, kDouble);
  EXPECT_EQ(v->schema()[1].type, kString);
  EXPECT_TRUE(v->schema()[0].nullable);
  EXPECT_EQ(RunPlan(v), (Rows{"1.0|x", "2.5|NULL", "NULL|z"}));
  // now() in VALUES sees the query start time.
  PlanPtr now = Must(ValuesNode::Make({"t"}, {{CallOk("now", {})}}));
  ExecutionContext ctx;
  ctx.set_query_start_micros(86400000000LL);
  EXPECT_EQ(RowTexts(Must(ExecuteToChunks(now, ctx))), (Rows{"1970-01-02 00:00:00.000000"}));
}

TEST(ExecOperatorTest, FilterAndProjection) {
  PlanPtr numbers = Must(NumbersNode::Make(20));
  ExprPtr n = Col(numbers, 0);
  PlanPtr filtered =
      Must(FilterNode::Make(numbers, CallOk("=", {CallOk("%", {n, Lit(5)}), Lit(0)})));
  PlanPtr projected = Must(ProjectionNode::Make(
      filtered, {n, CallOk("*", {n, Lit(10)}), CallOk("concat", {Lit("n"), n})},
      {"n", "ten", "label"}));
  EXPECT_EQ(projected->schema()[2].type, kString);
  EXPECT_EQ(Sorted(RunPlan(projected)), (Rows{"0|0|n0", "10|100|n10", "15|150|n15", "5|50|n5"}));
  // A predicate that is NULL drops the row.
  PlanPtr v = ValuesOf({"x"}, {{"1"}, {"NULL"}, {"3"}});
  EXPECT_EQ(RunPlan(Must(FilterNode::Make(v, CallOk(">", {Col(v, 0), Lit(1)})))), (Rows{"3"}));
  // Non-boolean predicates are refused.
  EXPECT_FALSE(FilterNode::Make(v, Lit("x")).ok());
}

TEST(ExecOperatorTest, ErrorsInParallelWorkersReachTheCaller) {
  PlanPtr numbers = Must(NumbersNode::Make(100000));
  ExprPtr n = Col(numbers, 0);
  // 1 / (n - 77777) divides by zero in one row of one worker's chunk.
  PlanPtr p = Must(
      ProjectionNode::Make(numbers, {CallOk("/", {Lit(1), CallOk("-", {n, Lit(77777)})})}, {"x"}));
  EXPECT_EQ(RunPlan(p, 4), (Rows{"[1006] divided by zero"}));
}

TEST(ExecOperatorTest, SortMultipleKeysAndNullPlacement) {
  PlanPtr v =
      ValuesOf({"a", "b"},
               {{"2", "x"}, {"NULL", "y"}, {"1", "z"}, {"2", "NULL"}, {"1", "a"}, {"NULL", "b"}});
  ExprPtr a = Col(v, 0), b = Col(v, 1);
  // Default: ASC, NULLs last.
  EXPECT_EQ(RunPlan(Must(SortNode::Make(v, {{a}, {b}}))),
            (Rows{"1|a", "1|z", "2|x", "2|NULL", "NULL|b", "NULL|y"}));
  // DESC keeps NULLs last too (Databend's default), unless NULLS FIRST.
  EXPECT_EQ(RunPlan(Must(SortNode::Make(v, {{a, false}, {b, false}}))),
            (Rows{"2|x", "2|NULL", "1|z", "1|a", "NULL|y", "NULL|b"}));
  EXPECT_EQ(RunPlan(Must(SortNode::Make(v, {{a, true, true}, {b, true, true}}))),
            (Rows{"NULL|b", "NULL|y", "1|a", "1|z", "2|NULL", "2|x"}));
  EXPECT_EQ(RunPlan(Must(SortNode::Make(v, {{a, false, true}, {b, true, false}}))),
            (Rows{"NULL|b", "NULL|y", "2|x", "2|NULL", "1|a", "1|z"}));
  // Sorting by an expression.
  EXPECT_EQ(RunPlan(Must(SortNode::Make(v, {{CallOk("coalesce", {a, Lit(0)})}, {b}}))),
            (Rows{"NULL|b", "NULL|y", "1|a", "1|z", "2|x", "2|NULL"}));
}

TEST(ExecOperatorTest, SortMergesPerThreadRuns) {
  PlanPtr numbers = Must(NumbersNode::Make(50000));
  ExprPtr n = Col(numbers, 0);
  // Descending by n % 1000, then ascending by n.
  PlanPtr sorted = Must(SortNode::Make(numbers, {{CallOk("%", {n, Lit(1000)}), false}, {n}}));
  ExecutionContext ctx;
  ctx.set_threads(3);
  std::vector<Chunk> chunks = Must(ExecuteToChunks(sorted, ctx));
  std::vector<int64_t> out;
  for (const Chunk& c : chunks) {
    for (size_t i = 0; i < c.num_rows(); ++i) out.push_back(c.column(0)->Data<int64_t>()[i]);
  }
  ASSERT_EQ(out.size(), 50000u);
  for (size_t i = 1; i < out.size(); ++i) {
    int64_t pk = out[i - 1] % 1000, ck = out[i] % 1000;
    ASSERT_TRUE(pk > ck || (pk == ck && out[i - 1] < out[i])) << "at " << i;
  }
  EXPECT_EQ(out.front(), 999);
  EXPECT_EQ(out.back(), 49000);
}

TEST(ExecOperatorTest, LimitOffsetStopsPullingEarly) {
  // numbers(10^15) would take forever; LIMIT must stop after the rows it needs.
  PlanPtr huge = Must(NumbersNode::Make(1000000000000000ULL));
  EXPECT_EQ(RunPlan(Must(LimitNode::Make(huge, 3, 5))), (Rows{"5", "6", "7"}));
  PlanPtr ten = Must(NumbersNode::Make(10));
  EXPECT_EQ(RunPlan(Must(LimitNode::Make(ten, std::nullopt, 8))), (Rows{"8", "9"}));
  EXPECT_EQ(RunPlan(Must(LimitNode::Make(ten, 0, 0))), Rows{});
  EXPECT_EQ(RunPlan(Must(LimitNode::Make(ten, 5, 20))), Rows{});
  // Offset across chunk boundaries.
  PlanPtr big = Must(NumbersNode::Make(100000));
  EXPECT_EQ(RunPlan(Must(LimitNode::Make(big, 2, kChunkRows * 3 - 1))),
            (Rows{std::to_string(kChunkRows * 3 - 1), std::to_string(kChunkRows * 3)}));
}

TEST(ExecOperatorTest, TopNMatchesSortThenLimit) {
  PlanPtr numbers = Must(NumbersNode::Make(200000));
  ExprPtr n = Col(numbers, 0);
  ExprPtr key = CallOk("%", {CallOk("*", {n, Lit(7919)}), Lit(100003)});
  PlanPtr topn = Must(TopNNode::Make(numbers, {{key, false}, {n}}, 5, 2));
  PlanPtr sorted = Must(LimitNode::Make(Must(SortNode::Make(numbers, {{key, false}, {n}})), 5, 2));
  Rows expected = RunPlan(sorted, 2);
  ASSERT_EQ(expected.size(), 5u);
  EXPECT_EQ(RunPlan(topn, 1), expected);
  EXPECT_EQ(RunPlan(topn, 3), expected);
  PlanPtr v = ValuesOf({"a"}, {{"3"}, {"NULL"}, {"1"}});
  EXPECT_EQ(RunPlan(Must(TopNNode::Make(v, {{Col(v, 0)}}, 10))), (Rows{"1", "3", "NULL"}));
  EXPECT_EQ(RunPlan(Must(TopNNode::Make(v, {{Col(v, 0)}}, 0))), Rows{});
}

TEST(ExecOperatorTest, UnionAllWidensTypes) {
  PlanPtr ints = ValuesOf({"x", "s"}, {{"1", "a"}, {"2", "NULL"}});
  PlanPtr doubles = Must(ValuesNode::Make({"y", "t"}, {{LitDouble(0.5), Lit("b")}}));
  PlanPtr u = Must(UnionAllNode::Make({ints, doubles, ints}));
  EXPECT_EQ(u->schema()[0].name, "x");
  EXPECT_EQ(u->schema()[0].type, kDouble);
  EXPECT_EQ(Sorted(RunPlan(u)), (Rows{"0.5|b", "1.0|a", "1.0|a", "2.0|NULL", "2.0|NULL"}));
  EXPECT_FALSE(UnionAllNode::Make({ints, Must(NumbersNode::Make(1))}).ok());
  // Many parallel inputs folded into fewer streams.
  std::vector<PlanPtr> parts;
  for (int i = 0; i < 5; ++i) parts.push_back(Must(NumbersNode::Make(30000)));
  PlanPtr many = Must(UnionAllNode::Make(parts));
  EXPECT_EQ(RunPlan(many, 3).size(), 150000u);
}

TEST(ExecOperatorTest, DistinctKeepsOneOfEachRowIncludingNulls) {
  PlanPtr v =
      ValuesOf({"a", "b"},
               {{"1", "x"}, {"1", "x"}, {"NULL", "x"}, {"NULL", "x"}, {"1", "NULL"}, {"2", "y"}});
  EXPECT_EQ(Sorted(RunPlan(Must(MakeDistinct(v)))), (Rows{"1|NULL", "1|x", "2|y", "NULL|x"}));
}

TEST(ExecOperatorTest, MemoryTableSourceScansInParallel) {
  Schema schema = {Field{"k", kInt64, true}};
  std::vector<Chunk> chunks;
  for (int i = 0; i < 10; ++i) chunks.push_back(ChunkOf({Int64s({i, i + 100})}));
  auto source = std::make_shared<MemoryTableSource>("default.t", schema, chunks);
  PlanPtr scan = Must(TableScanNode::Make(source));
  EXPECT_EQ(scan->ToString(), "TableScan default.t\n");
  PlanPtr f = Must(FilterNode::Make(scan, CallOk(">=", {Col(scan, 0), Lit(108)})));
  EXPECT_EQ(Sorted(RunPlan(f, 4)), (Rows{"108", "109"}));
}

TEST(ExecOperatorTest, CancellationStopsTheQuery) {
  PlanPtr huge = Must(NumbersNode::Make(1000000000000ULL));
  PlanPtr agg =
      Must(HashAggregateNode::Make(huge, {}, {Must(AggregateCall::Make("count", {}))}, {"c"}));
  ExecutionContext ctx;
  ctx.set_threads(2);
  std::atomic<uint64_t> seen{0};
  ctx.set_progress_callback([&](uint64_t rows, uint64_t) {
    if (seen.fetch_add(rows) > 1000000) ctx.Cancel();
  });
  Result<std::vector<Chunk>> r = ExecuteToChunks(agg, ctx);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::AbortedQuery);
  EXPECT_GT(seen.load(), 1000000u);
}

TEST(ExecOperatorTest, StreamingCanStopEarly) {
  PlanPtr numbers = Must(NumbersNode::Make(1000000000000ULL));
  PlanPtr p = Must(ProjectionNode::Make(numbers, {CallOk("+", {Col(numbers, 0), Lit(1)})}, {"x"}));
  ExecutionContext ctx;
  ctx.set_threads(3);
  ChunkSourcePtr stream = Must(ExecuteStreaming(p, ctx));
  std::optional<Chunk> first = Must(stream->Next());
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->num_rows(), kChunkRows);
  stream.reset();  // stops the background producers
  SUCCEED();
}

TEST(ExecOperatorTest, PlansDescribeThemselves) {
  PlanPtr numbers = Must(NumbersNode::Make(10));
  PlanPtr f = Must(FilterNode::Make(numbers, CallOk(">", {Col(numbers, 0), Lit(3)})));
  PlanPtr l = Must(LimitNode::Make(f, 2));
  EXPECT_EQ(l->ToString(), "Limit limit=2 offset=0\n  Filter gt(#0, 3)\n    Numbers count=10\n");
}

}  // namespace
}  // namespace strata
