// Tokens of the Databend SQL dialect, as produced by sql::Lexer.
//
// Keywords are recognised case-insensitively by the lexer and carried on Word tokens, so the
// parser compares enum values, never strings. Only the *reserved* keywords (kReserved below)
// are refused as bare identifiers and implicit aliases; every other keyword (DATE, TABLE,
// CONNECTION, FIRST, ...) stays usable as a column or table name.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace strata::sql {

// 1-based position in the SQL text. Columns count UTF-8 characters, tabs count as one.
struct SourcePos {
  int line = 1;
  int column = 1;
};

enum class TokenKind : uint8_t {
  EndOfInput,
  Word,         // identifier or keyword, unquoted: value is the lowercased text
  QuotedIdent,  // "ident" or `ident`: value is the text with quotes removed, case kept
  String,       // 'text': value is the unescaped text
  Integer,      // digits only
  Decimal,      // digits with a '.', no exponent
  Float,        // has an exponent
  Plus,
  Minus,
  Star,
  Slash,
  Percent,
  Concat,  // ||
  Eq,      // = or ==
  NotEq,   // != or <>
  Lt,
  LtEq,
  Gt,
  GtEq,
  DoubleColon,  // ::
  LParen,
  RParen,
  Comma,
  Dot,
  Semicolon,
  Error,  // lexing failed here; value is the message
};

// X(Name, spelling, reserved)
#define STRATA_SQL_KEYWORDS(X)          \
  X(All, "ALL", true)                   \
  X(Alter, "ALTER", false)              \
  X(And, "AND", true)                   \
  X(As, "AS", true)                     \
  X(Asc, "ASC", true)                   \
  X(Between, "BETWEEN", true)           \
  X(By, "BY", true)                     \
  X(Case, "CASE", true)                 \
  X(Cast, "CAST", true)                 \
  X(Comment, "COMMENT", false)          \
  X(Connection, "CONNECTION", false)    \
  X(Connections, "CONNECTIONS", false)  \
  X(Create, "CREATE", false)            \
  X(Cross, "CROSS", true)               \
  X(Database, "DATABASE", false)        \
  X(Databases, "DATABASES", false)      \
  X(Date, "DATE", false)                \
  X(Default, "DEFAULT", false)          \
  X(Desc, "DESC", true)                 \
  X(Describe, "DESCRIBE", false)        \
  X(Distinct, "DISTINCT", true)         \
  X(Div, "DIV", true)                   \
  X(Drop, "DROP", false)                \
  X(Else, "ELSE", true)                 \
  X(End, "END", true)                   \
  X(Engine, "ENGINE", false)            \
  X(Except, "EXCEPT", true)             \
  X(Exclude, "EXCLUDE", false)          \
  X(Exists, "EXISTS", true)             \
  X(Explain, "EXPLAIN", false)          \
  X(False, "FALSE", true)               \
  X(First, "FIRST", false)              \
  X(From, "FROM", true)                 \
  X(Full, "FULL", true)                 \
  X(Global, "GLOBAL", false)            \
  X(Group, "GROUP", true)               \
  X(Having, "HAVING", true)             \
  X(If, "IF", false)                    \
  X(Ilike, "ILIKE", true)               \
  X(In, "IN", true)                     \
  X(Inner, "INNER", true)               \
  X(Insert, "INSERT", false)            \
  X(Intersect, "INTERSECT", true)       \
  X(Into, "INTO", true)                 \
  X(Is, "IS", true)                     \
  X(Join, "JOIN", true)                 \
  X(Last, "LAST", false)                \
  X(Left, "LEFT", true)                 \
  X(Like, "LIKE", true)                 \
  X(Limit, "LIMIT", true)               \
  X(Not, "NOT", true)                   \
  X(Null, "NULL", true)                 \
  X(Nulls, "NULLS", false)              \
  X(Offset, "OFFSET", true)             \
  X(On, "ON", true)                     \
  X(Or, "OR", true)                     \
  X(Order, "ORDER", true)               \
  X(Outer, "OUTER", true)               \
  X(Overwrite, "OVERWRITE", false)      \
  X(Precision, "PRECISION", false)      \
  X(Rename, "RENAME", false)            \
  X(Replace, "REPLACE", false)          \
  X(Right, "RIGHT", true)               \
  X(Schema, "SCHEMA", false)            \
  X(Select, "SELECT", true)             \
  X(Session, "SESSION", false)          \
  X(Set, "SET", false)                  \
  X(Show, "SHOW", false)                \
  X(StorageType, "STORAGE_TYPE", false) \
  X(Table, "TABLE", false)              \
  X(Tables, "TABLES", false)            \
  X(Then, "THEN", true)                 \
  X(Timestamp, "TIMESTAMP", false)      \
  X(To, "TO", false)                    \
  X(True, "TRUE", true)                 \
  X(Truncate, "TRUNCATE", false)        \
  X(TryCast, "TRY_CAST", true)          \
  X(Union, "UNION", true)               \
  X(Use, "USE", false)                  \
  X(Using, "USING", true)               \
  X(Values, "VALUES", true)             \
  X(When, "WHEN", true)                 \
  X(Where, "WHERE", true)               \
  X(With, "WITH", true)

enum class Keyword : uint8_t {
  None,
#define STRATA_X(name, spelling, reserved) name,
  STRATA_SQL_KEYWORDS(STRATA_X)
#undef STRATA_X
};

// Upper-case spelling ("SELECT"); "" for Keyword::None.
std::string_view KeywordSpelling(Keyword k);
// True for keywords that cannot be used as bare identifiers or implicit aliases.
bool IsReservedKeyword(Keyword k);
// Looks up a lowercased word; Keyword::None when it is not a keyword.
Keyword LookupKeyword(std::string_view lowercase_word);

struct Token {
  TokenKind kind = TokenKind::EndOfInput;
  Keyword keyword = Keyword::None;  // Word tokens only
  std::string_view text;            // exact source slice (empty at end of input)
  std::string value;                // see TokenKind
  SourcePos pos;
  size_t offset = 0;  // byte offset of text in the source

  bool Is(TokenKind k) const { return kind == k; }
  bool IsKeyword(Keyword k) const { return kind == TokenKind::Word && keyword == k; }
};

}  // namespace strata::sql
