// Turns SQL text into tokens on demand (see token.h for what each token carries).
//
// Recognises: unquoted words (letters, digits, '_', '$', and any non-ASCII byte, not
// starting with a digit or '$'), "quoted" and `quoted` identifiers (a doubled quote inside
// stands for itself), 'strings' ('' and \n \t \r \b \0 \\ \' \" escapes; any other backslash
// sequence, such as \% or \d, is kept verbatim for LIKE and regex patterns), numbers (12, 1.5, .5,
// 1e10, 2.5E-3), the operators
// + - * / % || = == != <> < <= > >= :: ( ) , . ; and skips whitespace, -- line comments
// and /* block */ comments.
//
// Errors never throw: a malformed token comes back as TokenKind::Error whose value is the
// message (without the token's content, which may be a secret), and the lexer then stays
// at end of input.
//
// Thread-safety: a Lexer is used by one thread; it references `sql`, which must outlive it.
#pragma once

#include <string_view>

#include "sql/token.h"

namespace strata::sql {

class Lexer {
 public:
  explicit Lexer(std::string_view sql) : sql_(sql) {}

  // The next token; EndOfInput (repeatedly) once the text is exhausted.
  Token Next();

  std::string_view source() const { return sql_; }

 private:
  char Peek(size_t ahead = 0) const {
    return pos_ + ahead < sql_.size() ? sql_[pos_ + ahead] : '\0';
  }
  bool AtEnd() const { return pos_ >= sql_.size(); }
  // Moves forward n bytes, keeping line and column up to date.
  void Advance(size_t n = 1);
  // Skips whitespace and comments; false with *error set on an unterminated comment.
  bool SkipTrivia(Token* error);

  Token Make(TokenKind kind, size_t start, SourcePos pos) const;
  Token MakeError(std::string message, size_t start, SourcePos pos);
  Token LexWord(size_t start, SourcePos pos);
  Token LexQuotedIdent(size_t start, SourcePos pos);
  Token LexString(size_t start, SourcePos pos);
  Token LexNumber(size_t start, SourcePos pos);

  std::string_view sql_;
  size_t pos_ = 0;
  SourcePos cur_;
  // True when the previous token can be followed by ".name" (a name or ')'), so that a
  // '.' followed by a digit there is a Dot, and elsewhere the start of a number (".5").
  bool after_name_ = false;
  bool failed_ = false;
};

}  // namespace strata::sql
