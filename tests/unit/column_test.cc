#include "vector/chunk.h"

#include <gtest/gtest.h>

namespace strata {
namespace {

TEST(ColumnTest, StringsWithNullsSurviveGatherAndSlice) {
  Column c(DataType(TypeId::String));
  c.AppendString("alpha");
  c.AppendNull();
  c.AppendString("");
  c.AppendString("delta");
  ASSERT_EQ(c.size(), 4u);
  EXPECT_EQ(c.NullCount(), 1u);
  uint32_t sel[] = {3, 1, 0};
  auto g = c.Gather(sel, 3);
  EXPECT_EQ(g->GetString(0), "delta");
  EXPECT_TRUE(g->IsNull(1));
  EXPECT_EQ(g->GetString(2), "alpha");
  auto s = c.Slice(2, 2);
  EXPECT_EQ(s->GetString(0), "");
  EXPECT_EQ(s->GetString(1), "delta");
  EXPECT_FALSE(s->HasNulls());
}

TEST(ColumnTest, AppendColumnMergesValidity) {
  Column a(DataType(TypeId::Int64));
  a.Append<int64_t>(1);
  Column b(DataType(TypeId::Int64));
  b.AppendNull();
  b.Append<int64_t>(3);
  a.AppendColumn(b);
  ASSERT_EQ(a.size(), 3u);
  EXPECT_FALSE(a.IsNull(0));
  EXPECT_TRUE(a.IsNull(1));
  EXPECT_EQ(a.GetValue(2).GetInt(), 3);
}

TEST(ValueTest, PrintsLikeDatabend) {
  EXPECT_EQ(Value::Decimal(DataType::Decimal(10, 2), -5).ToString(), "-0.05");
  EXPECT_EQ(Value::Date(19753).ToString(), "2024-01-31");
  EXPECT_EQ(Value::Timestamp(1706702400000000).ToString(), "2024-01-31 12:00:00.000000");
  EXPECT_EQ(Value::Double(0.1).ToString(), "0.1");
  EXPECT_EQ(Value::Null().ToString(), "NULL");
}

}  // namespace
}  // namespace strata
