#include <gtest/gtest.h>

#include "main/database.h"

namespace strata {
namespace {

using Pieces = std::vector<std::string>;

TEST(CliSplitStatementsTest, SplitsAtTopLevelSemicolonsAndDropsEmptyPieces) {
  std::vector<int> lines;
  Pieces p = SplitStatements("SELECT 1;\n  SELECT 2 ;;\n\nSELECT 3", &lines);
  EXPECT_EQ(p, (Pieces{"SELECT 1", "SELECT 2", "SELECT 3"}));
  EXPECT_EQ(lines, (std::vector<int>{1, 2, 4}));
}

TEST(CliSplitStatementsTest, SemicolonsInsideStringsAndIdentifiersDoNotSplit) {
  Pieces p = SplitStatements(
      "INSERT INTO t VALUES ('a;b', 'it''s; ok', 'back\\'slash;');"
      "SELECT \"x;y\", `z;w` FROM t");
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0], "INSERT INTO t VALUES ('a;b', 'it''s; ok', 'back\\'slash;')");
  EXPECT_EQ(p[1], "SELECT \"x;y\", `z;w` FROM t");
}

TEST(CliSplitStatementsTest, CommentsHideSemicolonsAndLeadingCommentsAreDropped) {
  std::vector<int> lines;
  Pieces p = SplitStatements(
      "-- setup; not a statement\n"
      "/* block; comment\n spans lines */ CREATE TABLE t (a INT /* ; */); -- trailing;\n"
      "SELECT a -- inline ; comment\n"
      "FROM t;\n"
      "-- only a comment at the end;",
      &lines);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0], "CREATE TABLE t (a INT /* ; */)");
  EXPECT_EQ(p[1], "SELECT a -- inline ; comment\nFROM t");
  EXPECT_EQ(lines, (std::vector<int>{3, 4}));
}

TEST(CliSplitStatementsTest, StartLinesCountNewlinesInsideStringsAndComments) {
  std::vector<int> lines;
  Pieces p = SplitStatements("SELECT 'a\nb\nc';\n/*\n\n*/\nSELECT 2;", &lines);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(lines, (std::vector<int>{1, 7}));
}

TEST(CliSplitStatementsTest, UnterminatedQuoteKeepsTheRestAsOneStatement) {
  Pieces p = SplitStatements("SELECT 'open; SELECT 2;");
  EXPECT_EQ(p, (Pieces{"SELECT 'open; SELECT 2;"}));
  EXPECT_EQ(SplitStatements("SELECT 1; /* never closed ; SELECT 2"), (Pieces{"SELECT 1"}));
}

TEST(CliSplitStatementsTest, DollarQuotedBodiesAndDoubledQuotes) {
  Pieces p = SplitStatements("SELECT $$a;b$$; SELECT \"q\"\";\"; SELECT ```;`");
  EXPECT_EQ(p, (Pieces{"SELECT $$a;b$$", "SELECT \"q\"\";\"", "SELECT ```;`"}));
}

TEST(CliSplitStatementsTest, EmptyAndBlankScriptsGiveNothing) {
  EXPECT_TRUE(SplitStatements("").empty());
  EXPECT_TRUE(SplitStatements(" ;\n ; -- x\n").empty());
}

}  // namespace
}  // namespace strata
