// INSERT, SET and EXPLAIN.
#include <utility>

#include "sql/parser_impl.h"

namespace strata::sql {

Result<StatementPtr> ParserImpl::ParseInsert() {
  auto stmt = std::make_unique<InsertStmt>(Take().pos);
  if (AcceptKeyword(Keyword::Overwrite)) {
    stmt->overwrite = true;
    AcceptKeyword(Keyword::Into);
  } else {
    RETURN_IF_ERROR(ExpectKeyword(Keyword::Into));
  }
  AcceptKeyword(Keyword::Table);
  ASSIGN_OR_RETURN(stmt->table, ParseTableName());
  // "(" starts a column list unless it starts a parenthesised query.
  if (Check(TokenKind::LParen, "'('") && !Peek(1).IsKeyword(Keyword::Select) &&
      !Peek(1).IsKeyword(Keyword::With)) {
    ASSIGN_OR_RETURN(stmt->columns, ParseIdentifierList());
  }
  if (AcceptKeyword(Keyword::Values)) {
    do {
      RETURN_IF_ERROR(Expect(TokenKind::LParen, "'('"));
      ASSIGN_OR_RETURN(std::vector<ExprPtr> row, ParseExprList());
      RETURN_IF_ERROR(Expect(TokenKind::RParen, "')'"));
      stmt->values.push_back(std::move(row));
    } while (Accept(TokenKind::Comma, "','"));
    return StatementPtr(std::move(stmt));
  }
  if (CurStartsQuery() || Check(TokenKind::LParen, "'('")) {
    ASSIGN_OR_RETURN(stmt->query, ParseQuery());
    return StatementPtr(std::move(stmt));
  }
  Expecting("SELECT");
  return Unexpected();
}

Result<StatementPtr> ParserImpl::ParseSet() {
  auto stmt = std::make_unique<SetStmt>(Take().pos);
  if (AcceptKeyword(Keyword::Global)) {
    stmt->global = true;
  } else {
    AcceptKeyword(Keyword::Session);
  }
  ASSIGN_OR_RETURN(stmt->variable, ParseIdentifier("setting name"));
  RETURN_IF_ERROR(Expect(TokenKind::Eq, "'='"));
  ASSIGN_OR_RETURN(stmt->value, ParseExpr());
  return StatementPtr(std::move(stmt));
}

Result<StatementPtr> ParserImpl::ParseExplain() {
  auto stmt = std::make_unique<ExplainStmt>(Take().pos);
  static constexpr std::string_view kKinds[] = {"analyze", "ast", "syntax", "pipeline", "raw"};
  if (CurIs(TokenKind::Word)) {
    for (std::string_view k : kKinds) {
      if (Cur().value == k) {
        stmt->explain_kind = Take().value;
        break;
      }
    }
  }
  size_t start = Cur().offset;
  ASSIGN_OR_RETURN(stmt->statement, ParseOneStatement());
  stmt->statement->text = std::string(lexer_.source().substr(start, last_end_ - start));
  return StatementPtr(std::move(stmt));
}

}  // namespace strata::sql
