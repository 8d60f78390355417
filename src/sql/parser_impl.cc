#include "sql/parser_impl.h"

#include <algorithm>
#include <utility>

#include "sql/parser.h"

namespace strata::sql {

ParserImpl::ParserImpl(std::string_view sql) : lexer_(sql) {}

// ---------------------------------------------------------------------------------------
// Tokens

const Token& ParserImpl::Peek(size_t ahead) {
  while (lookahead_.size() <= ahead) lookahead_.push_back(lexer_.Next());
  return lookahead_[ahead];
}

Token ParserImpl::Take() {
  Peek(0);
  Token t = std::move(lookahead_.front());
  lookahead_.pop_front();
  if (t.kind != TokenKind::EndOfInput) {
    ++consumed_;
    last_end_ = t.offset + t.text.size();
  } else {
    lookahead_.push_front(t);  // end of input stays current
  }
  return t;
}

void ParserImpl::Expecting(std::string_view what) {
  if (expected_at_ != consumed_) {
    expected_.clear();
    expected_at_ = consumed_;
  }
  expected_.push_back(what);
}

bool ParserImpl::Check(TokenKind kind, std::string_view what) {
  if (Cur().kind == kind) return true;
  Expecting(what);
  return false;
}

bool ParserImpl::CheckKeyword(Keyword k) {
  if (Cur().IsKeyword(k)) return true;
  Expecting(KeywordSpelling(k));
  return false;
}

bool ParserImpl::Accept(TokenKind kind, std::string_view what) {
  if (!Check(kind, what)) return false;
  Advance();
  return true;
}

bool ParserImpl::AcceptKeyword(Keyword k) {
  if (!CheckKeyword(k)) return false;
  Advance();
  return true;
}

Status ParserImpl::Expect(TokenKind kind, std::string_view what) {
  if (Accept(kind, what)) return Status::OK();
  return Unexpected();
}

Status ParserImpl::ExpectKeyword(Keyword k) {
  if (AcceptKeyword(k)) return Status::OK();
  return Unexpected();
}

// ---------------------------------------------------------------------------------------
// Errors

Status ParserImpl::ErrorAt(SourcePos pos, std::string_view message) {
  std::string text = "error: ";
  text += message;
  text += " at line " + std::to_string(pos.line) + ", column " + std::to_string(pos.column);
  return Error(ErrorCode::SyntaxException, std::move(text));
}

Status ParserImpl::Unexpected() {
  const Token& t = Cur();
  if (t.kind == TokenKind::Error) return ErrorAt(t.pos, t.value);
  auto quoted = [](std::string_view text) {
    std::string q = "'";
    q += text.substr(0, 40);
    q += text.size() > 40 ? "...'" : "'";
    return q;
  };
  std::string message = "unexpected ";
  switch (t.kind) {
    case TokenKind::EndOfInput:
      message += "end of input";
      break;
    case TokenKind::String:
      message += "string literal";  // its content may be a secret
      break;
    case TokenKind::Word:
    case TokenKind::QuotedIdent:
      message += quiet_ ? std::string("identifier") : quoted(t.text);
      break;
    case TokenKind::Integer:
    case TokenKind::Decimal:
    case TokenKind::Float:
      message += quiet_ ? std::string("number") : quoted(t.text);
      break;
    default:
      message += quoted(t.text);
      break;
  }
  if (expected_at_ == consumed_ && !expected_.empty()) {
    std::vector<std::string_view> unique;
    for (std::string_view e : expected_) {
      if (std::find(unique.begin(), unique.end(), e) == unique.end()) unique.push_back(e);
    }
    message += ", expecting ";
    for (size_t i = 0; i < unique.size(); ++i) {
      if (i > 0) message += i + 1 == unique.size() ? " or " : ", ";
      message += unique[i];
    }
  }
  return ErrorAt(t.pos, message);
}

Status ParserImpl::TooDeep() { return ErrorAt(Cur().pos, "statement is nested too deeply"); }

Status ParserImpl::EnterNesting() {
  if (++nesting_ > kMaxNesting || ++height_ > kMaxHeight) return TooDeep();
  return Status::OK();
}

Status ParserImpl::GrowHeight() {
  if (++height_ > kMaxHeight) return TooDeep();
  return Status::OK();
}

// ---------------------------------------------------------------------------------------
// Names and types

bool ParserImpl::CurIsIdentifier() {
  const Token& t = Cur();
  return t.kind == TokenKind::QuotedIdent ||
         (t.kind == TokenKind::Word && !IsReservedKeyword(t.keyword));
}

Identifier ParserImpl::MakeIdentifier(const Token& t) {
  Identifier id;
  id.quoted = t.kind == TokenKind::QuotedIdent;
  id.name = t.value;
  id.original = id.quoted ? t.value : std::string(t.text);
  id.pos = t.pos;
  return id;
}

Result<Identifier> ParserImpl::ParseIdentifier(std::string_view what) {
  if (!CurIsIdentifier()) {
    Expecting(what);
    return Unexpected();
  }
  return MakeIdentifier(Take());
}

Result<Identifier> ParserImpl::ParseAnyName(std::string_view what) {
  if (!CurIs(TokenKind::Word) && !CurIs(TokenKind::QuotedIdent)) {
    Expecting(what);
    return Unexpected();
  }
  return MakeIdentifier(Take());
}

Result<TableName> ParserImpl::ParseTableName() {
  TableName name;
  name.pos = Cur().pos;
  ASSIGN_OR_RETURN(Identifier first, ParseIdentifier("table name"));
  if (Accept(TokenKind::Dot, "'.'")) {
    ASSIGN_OR_RETURN(name.table, ParseAnyName("table name"));
    name.database = std::move(first);
  } else {
    name.table = std::move(first);
  }
  return name;
}

Result<TypeName> ParserImpl::ParseTypeName() {
  TypeName type;
  type.pos = Cur().pos;
  if (!CurIs(TokenKind::Word)) {
    Expecting("type name");
    return Unexpected();
  }
  // The text is rebuilt from the tokens so that comments and odd spacing inside the type
  // do not reach ParseDataType: "decimal(10, 2)", "DOUBLE PRECISION".
  Token first = Take();
  type.text = std::string(first.text);
  if (first.value == "double" && CurIsKeyword(Keyword::Precision)) {
    type.text += " " + std::string(Take().text);
  }
  if (Accept(TokenKind::LParen, "'('")) {
    if (!Check(TokenKind::Integer, "integer")) return Unexpected();
    type.text += "(" + std::string(Take().text);
    if (Accept(TokenKind::Comma, "','")) {
      if (!Check(TokenKind::Integer, "integer")) return Unexpected();
      type.text += ", " + std::string(Take().text);
    }
    RETURN_IF_ERROR(Expect(TokenKind::RParen, "')'"));
    type.text += ")";
  }
  Result<DataType> parsed = ParseDataType(type.text);
  if (!parsed.ok()) {
    return Error(parsed.status().code(), parsed.status().message() + " at line " +
                                             std::to_string(type.pos.line) + ", column " +
                                             std::to_string(type.pos.column));
  }
  type.type = *parsed;
  return type;
}

Result<std::string> ParserImpl::ParseStringLiteral(std::string_view what) {
  if (!Check(TokenKind::String, what)) return Unexpected();
  return Take().value;
}

// ---------------------------------------------------------------------------------------
// Statements

Result<StatementPtr> ParserImpl::ParseOneStatement() {
  DepthGuard guard(this);
  RETURN_IF_ERROR(EnterNesting());
  const Token& t = Cur();
  SourcePos pos = t.pos;
  if (CurStartsQuery() || t.kind == TokenKind::LParen) {
    auto stmt = std::make_unique<QueryStmt>(pos);
    ASSIGN_OR_RETURN(stmt->query, ParseQuery());
    return StatementPtr(std::move(stmt));
  }
  if (t.kind == TokenKind::Word) {
    switch (t.keyword) {
      case Keyword::Create:
        return ParseCreate();
      case Keyword::Drop:
        return ParseDrop();
      case Keyword::Use:
        return ParseUse();
      case Keyword::Show:
        return ParseShow();
      case Keyword::Desc:
      case Keyword::Describe:
        return ParseDescribe();
      case Keyword::Truncate:
        return ParseTruncate();
      case Keyword::Alter:
        return ParseAlter();
      case Keyword::Insert:
        return ParseInsert();
      case Keyword::Set:
        return ParseSet();
      case Keyword::Explain:
        return ParseExplain();
      default:
        break;
    }
  }
  for (Keyword k : {Keyword::Select, Keyword::With, Keyword::Insert, Keyword::Create, Keyword::Drop,
                    Keyword::Alter, Keyword::Truncate, Keyword::Use, Keyword::Show, Keyword::Desc,
                    Keyword::Describe, Keyword::Set, Keyword::Explain}) {
    Expecting(KeywordSpelling(k));
  }
  return Unexpected();
}

Result<std::vector<StatementPtr>> ParserImpl::ParseStatements() {
  std::vector<StatementPtr> statements;
  while (true) {
    while (CurIs(TokenKind::Semicolon)) Advance();
    if (CurIs(TokenKind::EndOfInput)) break;
    if (CurIs(TokenKind::Error)) return Unexpected();
    size_t start = Cur().offset;
    quiet_ = false;
    ASSIGN_OR_RETURN(StatementPtr stmt, ParseOneStatement());
    stmt->text = std::string(lexer_.source().substr(start, last_end_ - start));
    statements.push_back(std::move(stmt));
    if (Accept(TokenKind::Semicolon, "';'")) continue;
    if (Check(TokenKind::EndOfInput, "end of input")) break;
    return Unexpected();
  }
  return statements;
}

Result<StatementPtr> ParserImpl::ParseSingleStatement() {
  ASSIGN_OR_RETURN(std::vector<StatementPtr> statements, ParseStatements());
  if (statements.size() != 1) {
    return Error(ErrorCode::SyntaxException, statements.empty()
                                                 ? "error: empty statement"
                                                 : "error: expected a single statement, got " +
                                                       std::to_string(statements.size()));
  }
  return std::move(statements.front());
}

Result<ExprPtr> ParserImpl::ParseStandaloneExpression() {
  ASSIGN_OR_RETURN(ExprPtr expr, ParseExpr());
  if (!Check(TokenKind::EndOfInput, "end of input")) return Unexpected();
  return expr;
}

// ---------------------------------------------------------------------------------------
// Public entry points (parser.h)

Result<std::vector<StatementPtr>> ParseSql(std::string_view sql) {
  return ParserImpl(sql).ParseStatements();
}

Result<StatementPtr> ParseStatement(std::string_view sql) {
  return ParserImpl(sql).ParseSingleStatement();
}

Result<ExprPtr> ParseExpression(std::string_view sql) {
  return ParserImpl(sql).ParseStandaloneExpression();
}

}  // namespace strata::sql
