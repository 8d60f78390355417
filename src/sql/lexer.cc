#include "sql/lexer.h"

#include <string>

namespace strata::sql {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsWordStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool IsWordChar(char c) { return IsWordStart(c) || IsDigit(c) || c == '$'; }

char ToLowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string DescribeChar(char c) {
  static const char kHex[] = "0123456789abcdef";
  unsigned char u = static_cast<unsigned char>(c);
  if (u >= 0x21 && u < 0x7f) return std::string("'") + c + "'";
  return std::string("0x") + kHex[u >> 4] + kHex[u & 0xf];
}

}  // namespace

void Lexer::Advance(size_t n) {
  for (size_t i = 0; i < n && pos_ < sql_.size(); ++i) {
    char c = sql_[pos_++];
    if (c == '\n') {
      ++cur_.line;
      cur_.column = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++cur_.column;  // UTF-8 continuation bytes do not start a new character
    }
  }
}

bool Lexer::SkipTrivia(Token* error) {
  while (!AtEnd()) {
    char c = Peek();
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      Advance();
    } else if (c == '-' && Peek(1) == '-') {
      while (!AtEnd() && Peek() != '\n') Advance();
    } else if (c == '/' && Peek(1) == '*') {
      size_t start = pos_;
      SourcePos pos = cur_;
      Advance(2);
      while (!AtEnd() && !(Peek() == '*' && Peek(1) == '/')) Advance();
      if (AtEnd()) {
        *error = MakeError("unterminated /* comment", start, pos);
        return false;
      }
      Advance(2);
    } else {
      break;
    }
  }
  return true;
}

Token Lexer::Make(TokenKind kind, size_t start, SourcePos pos) const {
  Token t;
  t.kind = kind;
  t.text = sql_.substr(start, pos_ - start);
  t.pos = pos;
  t.offset = start;
  return t;
}

Token Lexer::MakeError(std::string message, size_t start, SourcePos pos) {
  Token t;
  t.kind = TokenKind::Error;
  t.text = sql_.substr(start, 0);
  t.value = std::move(message);
  t.pos = pos;
  t.offset = start;
  failed_ = true;
  return t;
}

Token Lexer::Next() {
  if (failed_) {
    Token t;
    t.pos = cur_;
    t.offset = sql_.size();
    return t;
  }
  Token error;
  if (!SkipTrivia(&error)) return error;
  size_t start = pos_;
  SourcePos pos = cur_;
  if (AtEnd()) {
    return Make(TokenKind::EndOfInput, start, pos);
  }
  char c = Peek();
  Token t;
  auto op = [&](TokenKind kind, size_t len) {
    Advance(len);
    return Make(kind, start, pos);
  };
  if (IsWordStart(c)) {
    t = LexWord(start, pos);
  } else if (IsDigit(c) || (c == '.' && IsDigit(Peek(1)) && !after_name_)) {
    t = LexNumber(start, pos);
  } else if (c == '\'') {
    t = LexString(start, pos);
  } else if (c == '"' || c == '`') {
    t = LexQuotedIdent(start, pos);
  } else {
    char n = Peek(1);
    switch (c) {
      case '+':
        t = op(TokenKind::Plus, 1);
        break;
      case '-':
        t = op(TokenKind::Minus, 1);
        break;
      case '*':
        t = op(TokenKind::Star, 1);
        break;
      case '/':
        t = op(TokenKind::Slash, 1);
        break;
      case '%':
        t = op(TokenKind::Percent, 1);
        break;
      case '(':
        t = op(TokenKind::LParen, 1);
        break;
      case ')':
        t = op(TokenKind::RParen, 1);
        break;
      case ',':
        t = op(TokenKind::Comma, 1);
        break;
      case '.':
        t = op(TokenKind::Dot, 1);
        break;
      case ';':
        t = op(TokenKind::Semicolon, 1);
        break;
      case '=':
        t = op(TokenKind::Eq, n == '=' ? 2 : 1);
        break;
      case '<':
        if (n == '=') {
          t = op(TokenKind::LtEq, 2);
        } else if (n == '>') {
          t = op(TokenKind::NotEq, 2);
        } else {
          t = op(TokenKind::Lt, 1);
        }
        break;
      case '>':
        t = op(n == '=' ? TokenKind::GtEq : TokenKind::Gt, n == '=' ? 2 : 1);
        break;
      case '!':
        if (n != '=') return MakeError("unexpected character '!'", start, pos);
        t = op(TokenKind::NotEq, 2);
        break;
      case '|':
        if (n != '|') return MakeError("unexpected character '|'", start, pos);
        t = op(TokenKind::Concat, 2);
        break;
      case ':':
        if (n != ':') return MakeError("unexpected character ':'", start, pos);
        t = op(TokenKind::DoubleColon, 2);
        break;
      default:
        return MakeError("unexpected character " + DescribeChar(c), start, pos);
    }
  }
  after_name_ = t.kind == TokenKind::QuotedIdent || t.kind == TokenKind::RParen ||
                (t.kind == TokenKind::Word && !IsReservedKeyword(t.keyword));
  return t;
}

Token Lexer::LexWord(size_t start, SourcePos pos) {
  while (!AtEnd() && IsWordChar(Peek())) Advance();
  Token t = Make(TokenKind::Word, start, pos);
  t.value.reserve(t.text.size());
  for (char c : t.text) t.value.push_back(ToLowerAscii(c));
  t.keyword = LookupKeyword(t.value);
  return t;
}

Token Lexer::LexQuotedIdent(size_t start, SourcePos pos) {
  char quote = Peek();
  Advance();
  std::string value;
  while (true) {
    if (AtEnd()) return MakeError("unterminated quoted identifier", start, pos);
    char c = Peek();
    if (c == quote) {
      if (Peek(1) != quote) break;
      Advance(2);
      value.push_back(quote);
      continue;
    }
    value.push_back(c);
    Advance();
  }
  Advance();  // closing quote
  if (value.empty()) return MakeError("zero-length quoted identifier", start, pos);
  Token t = Make(TokenKind::QuotedIdent, start, pos);
  t.value = std::move(value);
  return t;
}

Token Lexer::LexString(size_t start, SourcePos pos) {
  Advance();  // opening quote
  std::string value;
  while (true) {
    if (AtEnd()) return MakeError("unterminated string literal", start, pos);
    char c = Peek();
    if (c == '\'') {
      if (Peek(1) != '\'') break;
      value.push_back('\'');
      Advance(2);
    } else if (c == '\\') {
      if (pos_ + 1 >= sql_.size()) return MakeError("unterminated string literal", start, pos);
      char e = Peek(1);
      switch (e) {
        case 'n':
          value.push_back('\n');
          break;
        case 't':
          value.push_back('\t');
          break;
        case 'r':
          value.push_back('\r');
          break;
        case 'b':
          value.push_back('\b');
          break;
        case '0':
          value.push_back('\0');
          break;
        case '\\':
          value.push_back('\\');
          break;
        case '\'':
          value.push_back('\'');
          break;
        case '"':
          value.push_back('"');
          break;
        default:
          value.push_back('\\');
          value.push_back(e);
          break;
      }
      Advance(2);
    } else {
      value.push_back(c);
      Advance();
    }
  }
  Advance();  // closing quote
  Token t = Make(TokenKind::String, start, pos);
  t.value = std::move(value);
  return t;
}

Token Lexer::LexNumber(size_t start, SourcePos pos) {
  TokenKind kind = TokenKind::Integer;
  while (IsDigit(Peek())) Advance();
  if (Peek() == '.') {
    kind = TokenKind::Decimal;
    Advance();
    while (IsDigit(Peek())) Advance();
  }
  if (Peek() == 'e' || Peek() == 'E') {
    size_t digits_at = (Peek(1) == '+' || Peek(1) == '-') ? 2 : 1;
    if (IsDigit(Peek(digits_at))) {
      kind = TokenKind::Float;
      Advance(digits_at);
      while (IsDigit(Peek())) Advance();
    }
  }
  return Make(kind, start, pos);
}

}  // namespace strata::sql
