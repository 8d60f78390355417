#include "sql/lexer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace strata::sql {
namespace {

std::vector<Token> LexAll(std::string_view sql) {
  Lexer lexer(sql);
  std::vector<Token> tokens;
  while (true) {
    Token t = lexer.Next();
    bool done = t.kind == TokenKind::EndOfInput || t.kind == TokenKind::Error;
    tokens.push_back(std::move(t));
    if (done) break;
  }
  return tokens;
}

std::vector<TokenKind> Kinds(std::string_view sql) {
  std::vector<TokenKind> kinds;
  for (const Token& t : LexAll(sql)) kinds.push_back(t.kind);
  return kinds;
}

TEST(SqlLexerTest, WordsAreLowercasedAndKeywordsRecognised) {
  auto t = LexAll("SeLeCt MyCol from");
  ASSERT_EQ(t.size(), 4u);
  EXPECT_TRUE(t[0].IsKeyword(Keyword::Select));
  EXPECT_EQ(t[1].kind, TokenKind::Word);
  EXPECT_EQ(t[1].keyword, Keyword::None);
  EXPECT_EQ(t[1].value, "mycol");
  EXPECT_EQ(t[1].text, "MyCol");
  EXPECT_TRUE(t[2].IsKeyword(Keyword::From));
}

TEST(SqlLexerTest, QuotedIdentifiersKeepCaseAndUnescapeDoubledQuotes) {
  auto t = LexAll("\"My\"\"Col\" `Back``Tick`");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].kind, TokenKind::QuotedIdent);
  EXPECT_EQ(t[0].value, "My\"Col");
  EXPECT_EQ(t[1].kind, TokenKind::QuotedIdent);
  EXPECT_EQ(t[1].value, "Back`Tick");
}

TEST(SqlLexerTest, StringEscapes) {
  auto t = LexAll(R"('it''s' 'a\nb\tc\\d\'e\0f' 'x\%y\_z\q')");
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0].value, "it's");
  EXPECT_EQ(t[1].value, std::string("a\nb\tc\\d'e\0f", 11));
  EXPECT_EQ(t[2].value, "x\\%y\\_z\\q");
}

TEST(SqlLexerTest, Numbers) {
  auto t = LexAll("12 1.5 .5 1e10 2.5E-3 7.");
  ASSERT_EQ(t.size(), 7u);
  EXPECT_EQ(t[0].kind, TokenKind::Integer);
  EXPECT_EQ(t[1].kind, TokenKind::Decimal);
  EXPECT_EQ(t[2].kind, TokenKind::Decimal);
  EXPECT_EQ(t[2].text, ".5");
  EXPECT_EQ(t[3].kind, TokenKind::Float);
  EXPECT_EQ(t[4].kind, TokenKind::Float);
  EXPECT_EQ(t[4].text, "2.5E-3");
  EXPECT_EQ(t[5].kind, TokenKind::Decimal);
}

TEST(SqlLexerTest, DotDigitAfterKeywordIsANumber) {
  EXPECT_EQ(Kinds("select .5"),
            (std::vector<TokenKind>{TokenKind::Word, TokenKind::Decimal, TokenKind::EndOfInput}));
  EXPECT_EQ(Kinds("a>.5"), (std::vector<TokenKind>{TokenKind::Word, TokenKind::Gt,
                                                   TokenKind::Decimal, TokenKind::EndOfInput}));
}

TEST(SqlLexerTest, DotAfterNameIsNotANumber) {
  EXPECT_EQ(Kinds("t.5"), (std::vector<TokenKind>{TokenKind::Word, TokenKind::Dot,
                                                  TokenKind::Integer, TokenKind::EndOfInput}));
}

TEST(SqlLexerTest, Operators) {
  EXPECT_EQ(
      Kinds("+ - * / % || = == != <> < <= > >= :: ( ) , . ;"),
      (std::vector<TokenKind>{TokenKind::Plus,   TokenKind::Minus,     TokenKind::Star,
                              TokenKind::Slash,  TokenKind::Percent,   TokenKind::Concat,
                              TokenKind::Eq,     TokenKind::Eq,        TokenKind::NotEq,
                              TokenKind::NotEq,  TokenKind::Lt,        TokenKind::LtEq,
                              TokenKind::Gt,     TokenKind::GtEq,      TokenKind::DoubleColon,
                              TokenKind::LParen, TokenKind::RParen,    TokenKind::Comma,
                              TokenKind::Dot,    TokenKind::Semicolon, TokenKind::EndOfInput}));
}

TEST(SqlLexerTest, CommentsAreSkippedAndPositionsCounted) {
  auto t = LexAll("-- first line\n/* a\nblock */ select\n\t  x");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_TRUE(t[0].IsKeyword(Keyword::Select));
  EXPECT_EQ(t[0].pos.line, 3);
  EXPECT_EQ(t[0].pos.column, 10);
  EXPECT_EQ(t[1].pos.line, 4);
  EXPECT_EQ(t[1].pos.column, 4);
}

TEST(SqlLexerTest, ColumnsCountUtf8Characters) {
  auto t = LexAll("'héllo' x");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[1].pos.column, 9);
}

TEST(SqlLexerTest, ErrorsDoNotEchoContent) {
  auto t = LexAll("select 'secret");
  EXPECT_EQ(t.back().kind, TokenKind::Error);
  EXPECT_EQ(t.back().value.find("secret"), std::string::npos);
  EXPECT_EQ(t.back().pos.column, 8);
  EXPECT_EQ(LexAll("a /* never closed").back().kind, TokenKind::Error);
  EXPECT_EQ(LexAll("\"never closed").back().kind, TokenKind::Error);
  EXPECT_EQ(LexAll("a # b").back().kind, TokenKind::Error);
  EXPECT_EQ(LexAll("'ends in backslash\\").back().kind, TokenKind::Error);
}

TEST(SqlLexerTest, AfterAnErrorOnlyEndOfInput) {
  Lexer lexer("a ! b");
  EXPECT_EQ(lexer.Next().kind, TokenKind::Word);
  EXPECT_EQ(lexer.Next().kind, TokenKind::Error);
  EXPECT_EQ(lexer.Next().kind, TokenKind::EndOfInput);
  EXPECT_EQ(lexer.Next().kind, TokenKind::EndOfInput);
}

}  // namespace
}  // namespace strata::sql
