#include "cli/result_writer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <sstream>

#include "cli/boxed_table_writer.h"
#include "cli/cell_text.h"
#include "cli_query_result_builder.h"

namespace strata {
namespace {

std::string Render(OutputFormat format, const QueryResult& r, bool header = false) {
  std::ostringstream out;
  MakeResultWriter(format, header)->Write(r, out);
  return out.str();
}

QueryResult Mixed() {
  return QueryResultBuilder()
      .Column("id", DataType(TypeId::Int64))
      .Column("name", DataType(TypeId::String))
      .Chunk({{I64(1), Str("plain")}, {I64(2), Value::Null()}})
      .Chunk({{I64(-3), Str("tab\there\nnew\\line")}, {Value::Null(), Str("")}})
      .Build();
}

TEST(CliResultWriterTest, TsvEscapesAndPrintsNull) {
  EXPECT_EQ(Render(OutputFormat::kTsv, Mixed()),
            "1\tplain\n"
            "2\tNULL\n"
            "-3\ttab\\there\\nnew\\\\line\n"
            "NULL\t\n");
}

TEST(CliResultWriterTest, TsvHeaderOnlyWhenAsked) {
  QueryResult r = QueryResultBuilder()
                      .Column("a\tb", DataType(TypeId::Int32))
                      .Chunk({{Value::Int(DataType(TypeId::Int32), 7)}})
                      .Build();
  EXPECT_EQ(Render(OutputFormat::kTsv, r), "7\n");
  EXPECT_EQ(Render(OutputFormat::kTsv, r, true), "a\\tb\n7\n");
}

TEST(CliResultWriterTest, CsvQuotesPerRfc4180) {
  QueryResult r = QueryResultBuilder()
                      .Column("v", DataType(TypeId::String))
                      .Column("n", DataType(TypeId::Int64))
                      .Chunk({{Str("a,b"), I64(1)},
                              {Str("say \"hi\""), I64(2)},
                              {Str("two\nlines"), Value::Null()},
                              {Str(""), I64(4)},
                              {Str("plain"), I64(5)}})
                      .Build();
  EXPECT_EQ(Render(OutputFormat::kCsv, r, true),
            "v,n\n"
            "\"a,b\",1\n"
            "\"say \"\"hi\"\"\",2\n"
            "\"two\nlines\",\n"
            "\"\",4\n"
            "plain,5\n");
}

TEST(CliResultWriterTest, JsonLinesTypesAndEscapes) {
  QueryResult r =
      QueryResultBuilder()
          .Column("i", DataType(TypeId::Int64))
          .Column("d", DataType(TypeId::Float64))
          .Column("dec", DataType::Decimal(20, 2))
          .Column("b", DataType(TypeId::Boolean))
          .Column("s", DataType(TypeId::String))
          .Column("dt", DataType(TypeId::Date))
          .Chunk({{I64(42), Value::Double(1.5), Value::Decimal(DataType::Decimal(20, 2), 12345),
                   Value::Boolean(true), Str("q\"\\\n\x01 é"), Value::Date(0)},
                  {I64(int64_t{1} << 60), Value::Double(std::nan("")),
                   Value::Decimal(DataType::Decimal(20, 2),
                                  static_cast<int128_t>(1234567890123456789LL)),
                   Value::Null(), Value::Null(), Value::Null()}})
          .Build();
  EXPECT_EQ(Render(OutputFormat::kJson, r),
            "{\"i\":42,\"d\":1.5,\"dec\":123.45,\"b\":true,\"s\":\"q\\\"\\\\\\n\\u0001 é\","
            "\"dt\":\"1970-01-01\"}\n"
            "{\"i\":\"1152921504606846976\",\"d\":\"NaN\",\"dec\":\"12345678901234567.89\","
            "\"b\":null,\"s\":null,\"dt\":null}\n");
}

TEST(CliResultWriterTest, JsonReplacesInvalidUtf8) {
  QueryResult r = QueryResultBuilder()
                      .Column("s", DataType(TypeId::String))
                      .Chunk({{Str("a\xff"
                                   "b")}})
                      .Build();
  EXPECT_EQ(Render(OutputFormat::kJson, r),
            "{\"s\":\"a\xEF\xBF\xBD"
            "b\"}\n");
}

TEST(CliResultWriterTest, TableIsBoxedAlignedAndRightAlignsNumbers) {
  EXPECT_EQ(Render(OutputFormat::kTable, Mixed()),
            "┌──────┬─────────────────────┐\n"
            "│   id │ name                │\n"
            "├──────┼─────────────────────┤\n"
            "│    1 │ plain               │\n"
            "│    2 │ NULL                │\n"
            "│   -3 │ tab\\there\\nnew\\line │\n"
            "│ NULL │                     │\n"
            "└──────┴─────────────────────┘\n");
}

TEST(CliResultWriterTest, TableCountsWideCharactersAsTwoColumns) {
  QueryResult r = QueryResultBuilder()
                      .Column("city", DataType(TypeId::String))
                      .Chunk({{Str("東京")}, {Str("Zürich")}, {Str("🎉x")}})
                      .Build();
  EXPECT_EQ(Render(OutputFormat::kTable, r),
            "┌────────┐\n"
            "│ city   │\n"
            "├────────┤\n"
            "│ 東京   │\n"
            "│ Zürich │\n"
            "│ 🎉x    │\n"
            "└────────┘\n");
}

TEST(CliResultWriterTest, TableWithNoRowsStillShowsTheHeader) {
  QueryResult r = QueryResultBuilder().Column("a", DataType(TypeId::Int32)).Build();
  EXPECT_EQ(Render(OutputFormat::kTable, r),
            "┌───┐\n"
            "│ a │\n"
            "├───┤\n"
            "└───┘\n");
}

TEST(CliResultWriterTest, TableCutsVeryWideCells) {
  std::string shown = TableCellText(std::string(500, 'x'));
  EXPECT_EQ(shown, std::string(BoxedTableWriter::kMaxCellWidth - 1, 'x') + "…");
}

TEST(CliResultWriterTest, ParseOutputFormatNames) {
  EXPECT_EQ(ParseOutputFormat("Table"), OutputFormat::kTable);
  EXPECT_EQ(ParseOutputFormat("tsv"), OutputFormat::kTsv);
  EXPECT_EQ(ParseOutputFormat("xml"), std::nullopt);
  EXPECT_EQ(OutputFormatName(OutputFormat::kJson), "json");
}

TEST(CliCellTextTest, FastPathsPrintLikeValueToString) {
  std::vector<Value> values = {
      Value::Boolean(false),
      Value::Int(DataType(TypeId::Int8), -128),
      Value::Int(DataType(TypeId::Int16), 32767),
      Value::Int(DataType(TypeId::Int32), -5),
      I64(std::numeric_limits<int64_t>::min()),
      Value::Float(DataType(TypeId::Float32), 0.1),
      Value::Double(1e300),
      Value::Double(-0.25),
      Value::Double(std::numeric_limits<double>::infinity()),
      Value::Decimal(DataType::Decimal(10, 3), -1005),
      Value::Date(19753),
      Value::Timestamp(1706702400123456),
      Str("text"),
  };
  for (const Value& v : values) {
    Column col(v.type());
    col.AppendValue(v);
    std::string text;
    AppendCellText(col, 0, &text);
    EXPECT_EQ(text, v.ToString()) << v.type().ToString();
  }
}

TEST(CliCellTextTest, NullColumnsAndNullRowsAreNullCells) {
  Column nulls(DataType(TypeId::Null));
  nulls.Resize(2);
  EXPECT_TRUE(IsNullCell(nulls, 1));
  Column ints(DataType(TypeId::Int64));
  ints.Append<int64_t>(1);
  ints.AppendNull();
  EXPECT_FALSE(IsNullCell(ints, 0));
  EXPECT_TRUE(IsNullCell(ints, 1));
}

}  // namespace
}  // namespace strata
