// ParserImpl: the recursive-descent parser behind parser.h. Internal to src/sql/.
//
// Split by area: parser_impl.cc (tokens, errors, statement dispatch, names, types),
// parser_expression.cc, parser_query.cc (SELECT, FROM, set operations), parser_ddl.cc
// (CREATE/DROP/ALTER/SHOW/DESC/...), parser_dml.cc (INSERT, SET, EXPLAIN).
//
// Error messages list what was expected at the furthest token reached: every failed
// Check/Accept at the current token records what it looked for.
//
// Thread-safety: one ParserImpl per parse, used by one thread.
#pragma once

#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "sql/ast.h"
#include "sql/lexer.h"

namespace strata::sql {

class ParserImpl {
 public:
  explicit ParserImpl(std::string_view sql);

  Result<std::vector<StatementPtr>> ParseStatements();
  Result<StatementPtr> ParseSingleStatement();
  Result<ExprPtr> ParseStandaloneExpression();

 private:
  // Bounds for nesting: real recursion (stack) and the height of the tree being built
  // (left-deep chains like a + b + c count one level per operator), so neither the parser
  // nor whoever walks the tree recursively can run out of stack.
  static constexpr int kMaxNesting = 200;
  static constexpr int kMaxHeight = 3000;

  // Restores nesting_ and height_ on scope exit; create one, then call EnterNesting().
  class DepthGuard {
   public:
    explicit DepthGuard(ParserImpl* p) : p_(p), nesting_(p->nesting_), height_(p->height_) {}
    ~DepthGuard() {
      p_->nesting_ = nesting_;
      p_->height_ = height_;
    }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;

   private:
    ParserImpl* p_;
    int nesting_;
    int height_;
  };

  // ---- tokens (parser_impl.cc)
  const Token& Cur() { return Peek(0); }
  const Token& Peek(size_t ahead);
  Token Take();  // the current token, and moves past it
  void Advance() { (void)Take(); }
  bool CurIs(TokenKind kind) { return Cur().kind == kind; }
  bool CurIsKeyword(Keyword k) { return Cur().IsKeyword(k); }
  // Checks without consuming; records `what` as expected when it does not match.
  bool Check(TokenKind kind, std::string_view what);
  bool CheckKeyword(Keyword k);
  bool Accept(TokenKind kind, std::string_view what);
  bool AcceptKeyword(Keyword k);
  Status Expect(TokenKind kind, std::string_view what);
  Status ExpectKeyword(Keyword k);
  // Records `what` as expected at the current token.
  void Expecting(std::string_view what);

  // ---- errors
  // "unexpected <token>[, expecting …]" at the current token.
  Status Unexpected();
  Status ErrorAt(SourcePos pos, std::string_view message);
  Status TooDeep();
  Status EnterNesting();  // ++nesting_ and ++height_ with bound checks
  Status GrowHeight();    // ++height_ with a bound check (one more link in a chain)

  // ---- names and types
  bool CurIsIdentifier();  // non-reserved word or quoted identifier
  Result<Identifier> ParseIdentifier(std::string_view what = "identifier");
  // Any word, reserved or not (after '.' or AS), or a quoted identifier.
  Result<Identifier> ParseAnyName(std::string_view what = "identifier");
  static Identifier MakeIdentifier(const Token& t);
  Result<TableName> ParseTableName();
  Result<TypeName> ParseTypeName();
  Result<std::string> ParseStringLiteral(std::string_view what = "string literal");

  // ---- statements (parser_impl.cc dispatches; bodies in parser_ddl.cc, parser_dml.cc)
  Result<StatementPtr> ParseOneStatement();
  Result<StatementPtr> ParseCreate();
  Result<StatementPtr> ParseCreateTable(SourcePos pos, bool or_replace);
  Result<StatementPtr> ParseCreateConnection(SourcePos pos, bool or_replace);
  Result<ColumnDefinition> ParseColumnDefinition();
  Result<StatementPtr> ParseDrop();
  Result<StatementPtr> ParseUse();
  Result<StatementPtr> ParseShow();
  Result<StatementPtr> ParseDescribe();
  Result<StatementPtr> ParseTruncate();
  Result<StatementPtr> ParseAlter();
  // CONNECTION = ( key = value [,] … ), the CONNECTION keyword already consumed.
  Result<std::vector<ConnectionOption>> ParseConnectionClause();
  // key = value; the key is any word.
  Result<ConnectionOption> ParseConnectionOption();
  // IF NOT EXISTS after CREATE [OR REPLACE] <object>; 1005 when combined with OR REPLACE.
  Result<bool> ParseIfNotExists(bool or_replace);
  bool ParseIfExists();  // IF EXISTS
  Result<StatementPtr> ParseInsert();
  Result<StatementPtr> ParseSet();
  Result<StatementPtr> ParseExplain();

  // ---- queries (parser_query.cc)
  bool CurStartsQuery();  // SELECT or WITH
  Result<std::unique_ptr<Query>> ParseQuery();
  Result<SetExprPtr> ParseSetExpr(int min_precedence);
  Result<SetExprPtr> ParseSetPrimary();
  Result<SetExprPtr> ParseSelectCore();
  Result<SelectItem> ParseSelectItem();
  Result<std::optional<Identifier>> ParseSelectAlias();
  Result<TableRefPtr> ParseFrom();
  Result<TableRefPtr> ParseJoinedTable();
  Result<TableRefPtr> ParseTablePrimary();
  Result<std::optional<TableAlias>> ParseTableAlias();
  Result<std::vector<Identifier>> ParseIdentifierList();  // ( a, b, … )
  Result<OrderByItem> ParseOrderByItem();

  // ---- expressions (parser_expression.cc)
  Result<ExprPtr> ParseExpr(int min_precedence = 0);
  Result<ExprPtr> ParsePrefix();
  Result<ExprPtr> ParsePrimary();
  Result<ExprPtr> ParseNumber();
  Result<ExprPtr> ParseCase();
  Result<ExprPtr> ParseCast(CastStyle style);
  Result<ExprPtr> ParseFunctionCall();
  Result<ExprPtr> ParseColumnRef();
  // After the left operand, at IS / [NOT] BETWEEN / [NOT] IN / [NOT] LIKE.
  Result<ExprPtr> ParsePredicateTail(ExprPtr left);
  Result<std::vector<ExprPtr>> ParseExprList();  // e1, e2, … (at least one)

  Lexer lexer_;
  std::deque<Token> lookahead_;
  size_t consumed_ = 0;  // tokens consumed so far: the index of Cur()
  size_t last_end_ = 0;  // byte offset just past the last consumed token
  size_t expected_at_ = 0;
  std::vector<std::string_view> expected_;
  int nesting_ = 0;
  int height_ = 0;
  // Set while parsing connection options (which hold secrets): errors then describe the
  // offending token by its kind only.
  bool quiet_ = false;
};

}  // namespace strata::sql
