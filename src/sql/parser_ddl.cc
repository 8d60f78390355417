// CREATE / DROP / ALTER / USE / SHOW / DESCRIBE / TRUNCATE, and connection options.
#include <utility>

#include "sql/parser_impl.h"

namespace strata::sql {

Result<bool> ParserImpl::ParseIfNotExists(bool or_replace) {
  // IF is not reserved: "CREATE TABLE if (…)" names a table "if".
  if (!CurIsKeyword(Keyword::If) || !Peek(1).IsKeyword(Keyword::Not)) {
    Expecting("IF");
    return false;
  }
  SourcePos pos = Take().pos;
  Advance();  // NOT
  RETURN_IF_ERROR(ExpectKeyword(Keyword::Exists));
  if (or_replace) {
    return ErrorAt(pos, "'OR REPLACE' and 'IF NOT EXISTS' cannot be used together");
  }
  return true;
}

bool ParserImpl::ParseIfExists() {
  if (!CurIsKeyword(Keyword::If) || !Peek(1).IsKeyword(Keyword::Exists)) {
    Expecting("IF");
    return false;
  }
  Advance();
  Advance();
  return true;
}

Result<StatementPtr> ParserImpl::ParseCreate() {
  SourcePos pos = Take().pos;
  bool or_replace = false;
  if (AcceptKeyword(Keyword::Or)) {
    RETURN_IF_ERROR(ExpectKeyword(Keyword::Replace));
    or_replace = true;
  }
  if (AcceptKeyword(Keyword::Database) || AcceptKeyword(Keyword::Schema)) {
    auto stmt = std::make_unique<CreateDatabaseStmt>(pos);
    stmt->or_replace = or_replace;
    ASSIGN_OR_RETURN(stmt->if_not_exists, ParseIfNotExists(or_replace));
    ASSIGN_OR_RETURN(stmt->name, ParseIdentifier("database name"));
    return StatementPtr(std::move(stmt));
  }
  if (AcceptKeyword(Keyword::Table)) return ParseCreateTable(pos, or_replace);
  if (AcceptKeyword(Keyword::Connection)) return ParseCreateConnection(pos, or_replace);
  return Unexpected();
}

Result<StatementPtr> ParserImpl::ParseCreateTable(SourcePos pos, bool or_replace) {
  auto stmt = std::make_unique<CreateTableStmt>(pos);
  stmt->or_replace = or_replace;
  ASSIGN_OR_RETURN(stmt->if_not_exists, ParseIfNotExists(or_replace));
  ASSIGN_OR_RETURN(stmt->name, ParseTableName());
  if (Accept(TokenKind::LParen, "'('")) {
    do {
      ASSIGN_OR_RETURN(ColumnDefinition column, ParseColumnDefinition());
      stmt->columns.push_back(std::move(column));
    } while (Accept(TokenKind::Comma, "','"));
    RETURN_IF_ERROR(Expect(TokenKind::RParen, "')'"));
  }
  if (AcceptKeyword(Keyword::Engine)) {
    RETURN_IF_ERROR(Expect(TokenKind::Eq, "'='"));
    ASSIGN_OR_RETURN(stmt->engine, ParseAnyName("engine name"));
  }
  if (Check(TokenKind::String, "location")) {
    stmt->location_pos = Cur().pos;
    stmt->location = Take().value;
    if (AcceptKeyword(Keyword::Connection)) {
      ASSIGN_OR_RETURN(stmt->connection, ParseConnectionClause());
    }
  }
  if (AcceptKeyword(Keyword::As)) {
    if (!CurStartsQuery() && !Check(TokenKind::LParen, "'('")) {
      Expecting("SELECT");
      return Unexpected();
    }
    ASSIGN_OR_RETURN(stmt->as_query, ParseQuery());
  }
  if (stmt->columns.empty() && stmt->as_query == nullptr) return Unexpected();
  return StatementPtr(std::move(stmt));
}

Result<ColumnDefinition> ParserImpl::ParseColumnDefinition() {
  ColumnDefinition column;
  column.pos = Cur().pos;
  ASSIGN_OR_RETURN(column.name, ParseIdentifier("column name"));
  ASSIGN_OR_RETURN(column.type, ParseTypeName());
  while (true) {
    SourcePos at = Cur().pos;
    Nullability nullability = Nullability::Unspecified;
    if (CheckKeyword(Keyword::Not) && Peek(1).IsKeyword(Keyword::Null)) {
      Advance();
      Advance();
      nullability = Nullability::NotNull;
    } else if (AcceptKeyword(Keyword::Null)) {
      nullability = Nullability::Null;
    } else if (AcceptKeyword(Keyword::Default)) {
      if (column.default_value) return ErrorAt(at, "DEFAULT given twice");
      ASSIGN_OR_RETURN(column.default_value, ParseExpr());
      continue;
    } else if (AcceptKeyword(Keyword::Comment)) {
      ASSIGN_OR_RETURN(column.comment, ParseStringLiteral("comment"));
      continue;
    } else {
      break;
    }
    if (column.nullability != Nullability::Unspecified) {
      return ErrorAt(at, "NULL / NOT NULL given twice for column '" + column.name.name + "'");
    }
    column.nullability = nullability;
  }
  return column;
}

Result<StatementPtr> ParserImpl::ParseCreateConnection(SourcePos pos, bool or_replace) {
  auto stmt = std::make_unique<CreateConnectionStmt>(pos);
  stmt->or_replace = or_replace;
  ASSIGN_OR_RETURN(stmt->if_not_exists, ParseIfNotExists(or_replace));
  ASSIGN_OR_RETURN(stmt->name, ParseIdentifier("connection name"));
  // Everything from here to the end of the statement may hold secrets.
  quiet_ = true;
  RETURN_IF_ERROR(ExpectKeyword(Keyword::StorageType));
  RETURN_IF_ERROR(Expect(TokenKind::Eq, "'='"));
  stmt->storage_type_pos = Cur().pos;
  if (CurIs(TokenKind::String) || CurIs(TokenKind::Word)) {
    Token t = Take();
    stmt->storage_type = t.kind == TokenKind::String ? t.value : std::string(t.text);
  } else {
    Expecting("string literal");
    return Unexpected();
  }
  while (true) {
    Accept(TokenKind::Comma, "','");
    if (!CurIs(TokenKind::Word) && !CurIs(TokenKind::QuotedIdent)) {
      Expecting("option name");
      break;
    }
    ASSIGN_OR_RETURN(ConnectionOption option, ParseConnectionOption());
    stmt->options.push_back(std::move(option));
  }
  return StatementPtr(std::move(stmt));
}

Result<std::vector<ConnectionOption>> ParserImpl::ParseConnectionClause() {
  RETURN_IF_ERROR(Expect(TokenKind::Eq, "'='"));
  RETURN_IF_ERROR(Expect(TokenKind::LParen, "'('"));
  bool was_quiet = quiet_;
  quiet_ = true;
  std::vector<ConnectionOption> options;
  while (!Check(TokenKind::RParen, "')'")) {
    if (!CurIs(TokenKind::Word) && !CurIs(TokenKind::QuotedIdent)) {
      Expecting("option name");
      return Unexpected();
    }
    ASSIGN_OR_RETURN(ConnectionOption option, ParseConnectionOption());
    options.push_back(std::move(option));
    Accept(TokenKind::Comma, "','");
  }
  Advance();  // ')'
  quiet_ = was_quiet;
  return options;
}

Result<ConnectionOption> ParserImpl::ParseConnectionOption() {
  ConnectionOption option;
  Token key = Take();
  option.pos = key.pos;
  option.key = key.value;
  for (char& c : option.key) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  RETURN_IF_ERROR(Expect(TokenKind::Eq, "'='"));
  const Token& v = Cur();
  switch (v.kind) {
    case TokenKind::String:
      option.value = Take().value;
      return option;
    case TokenKind::Integer:
    case TokenKind::Decimal:
    case TokenKind::Float:
      option.value = std::string(Take().text);
      return option;
    case TokenKind::Word:
      if (v.keyword == Keyword::True || v.keyword == Keyword::False) {
        option.value = Take().value;
        return option;
      }
      break;
    default:
      break;
  }
  Expecting("string literal");
  return Unexpected();
}

Result<StatementPtr> ParserImpl::ParseDrop() {
  SourcePos pos = Take().pos;
  if (AcceptKeyword(Keyword::Database) || AcceptKeyword(Keyword::Schema)) {
    auto stmt = std::make_unique<DropDatabaseStmt>(pos);
    stmt->if_exists = ParseIfExists();
    ASSIGN_OR_RETURN(stmt->name, ParseIdentifier("database name"));
    return StatementPtr(std::move(stmt));
  }
  if (AcceptKeyword(Keyword::Table)) {
    auto stmt = std::make_unique<DropTableStmt>(pos);
    stmt->if_exists = ParseIfExists();
    ASSIGN_OR_RETURN(stmt->table, ParseTableName());
    stmt->all = AcceptKeyword(Keyword::All);
    return StatementPtr(std::move(stmt));
  }
  if (AcceptKeyword(Keyword::Connection)) {
    auto stmt = std::make_unique<DropConnectionStmt>(pos);
    stmt->if_exists = ParseIfExists();
    ASSIGN_OR_RETURN(stmt->name, ParseIdentifier("connection name"));
    return StatementPtr(std::move(stmt));
  }
  return Unexpected();
}

Result<StatementPtr> ParserImpl::ParseUse() {
  auto stmt = std::make_unique<UseDatabaseStmt>(Take().pos);
  ASSIGN_OR_RETURN(stmt->name, ParseIdentifier("database name"));
  return StatementPtr(std::move(stmt));
}

Result<StatementPtr> ParserImpl::ParseShow() {
  SourcePos pos = Take().pos;
  if (AcceptKeyword(Keyword::Databases)) {
    auto stmt = std::make_unique<ShowDatabasesStmt>(pos);
    if (AcceptKeyword(Keyword::Like)) {
      ASSIGN_OR_RETURN(stmt->like, ParseStringLiteral("pattern"));
    } else if (AcceptKeyword(Keyword::Where)) {
      ASSIGN_OR_RETURN(stmt->where, ParseExpr());
    }
    return StatementPtr(std::move(stmt));
  }
  bool full = AcceptKeyword(Keyword::Full);
  if (AcceptKeyword(Keyword::Tables)) {
    auto stmt = std::make_unique<ShowTablesStmt>(pos);
    stmt->full = full;
    if (AcceptKeyword(Keyword::From) || AcceptKeyword(Keyword::In)) {
      ASSIGN_OR_RETURN(stmt->database, ParseIdentifier("database name"));
    }
    if (AcceptKeyword(Keyword::Like)) {
      ASSIGN_OR_RETURN(stmt->like, ParseStringLiteral("pattern"));
    } else if (AcceptKeyword(Keyword::Where)) {
      ASSIGN_OR_RETURN(stmt->where, ParseExpr());
    }
    return StatementPtr(std::move(stmt));
  }
  if (full) return Unexpected();
  if (AcceptKeyword(Keyword::Connections)) {
    return StatementPtr(std::make_unique<ShowConnectionsStmt>(pos));
  }
  if (AcceptKeyword(Keyword::Create)) {
    RETURN_IF_ERROR(ExpectKeyword(Keyword::Table));
    auto stmt = std::make_unique<ShowCreateTableStmt>(pos);
    ASSIGN_OR_RETURN(stmt->table, ParseTableName());
    return StatementPtr(std::move(stmt));
  }
  return Unexpected();
}

Result<StatementPtr> ParserImpl::ParseDescribe() {
  SourcePos pos = Take().pos;
  // "DESC connection" alone describes a table named connection.
  const Token& next = Peek(1);
  if (CurIsKeyword(Keyword::Connection) &&
      (next.kind == TokenKind::QuotedIdent ||
       (next.kind == TokenKind::Word && !IsReservedKeyword(next.keyword)))) {
    Advance();
    auto stmt = std::make_unique<DescribeConnectionStmt>(pos);
    ASSIGN_OR_RETURN(stmt->name, ParseIdentifier("connection name"));
    return StatementPtr(std::move(stmt));
  }
  Expecting("CONNECTION");
  AcceptKeyword(Keyword::Table);
  auto stmt = std::make_unique<DescribeTableStmt>(pos);
  ASSIGN_OR_RETURN(stmt->table, ParseTableName());
  return StatementPtr(std::move(stmt));
}

Result<StatementPtr> ParserImpl::ParseTruncate() {
  auto stmt = std::make_unique<TruncateTableStmt>(Take().pos);
  AcceptKeyword(Keyword::Table);
  ASSIGN_OR_RETURN(stmt->table, ParseTableName());
  return StatementPtr(std::move(stmt));
}

Result<StatementPtr> ParserImpl::ParseAlter() {
  SourcePos pos = Take().pos;
  RETURN_IF_ERROR(ExpectKeyword(Keyword::Table));
  bool if_exists = ParseIfExists();
  ASSIGN_OR_RETURN(TableName table, ParseTableName());
  if (AcceptKeyword(Keyword::Rename)) {
    RETURN_IF_ERROR(ExpectKeyword(Keyword::To));
    auto stmt = std::make_unique<AlterTableRenameStmt>(pos);
    stmt->if_exists = if_exists;
    stmt->table = std::move(table);
    ASSIGN_OR_RETURN(stmt->new_name, ParseTableName());
    return StatementPtr(std::move(stmt));
  }
  if (AcceptKeyword(Keyword::Connection)) {
    auto stmt = std::make_unique<AlterTableConnectionStmt>(pos);
    stmt->if_exists = if_exists;
    stmt->table = std::move(table);
    ASSIGN_OR_RETURN(stmt->options, ParseConnectionClause());
    return StatementPtr(std::move(stmt));
  }
  return Unexpected();
}

}  // namespace strata::sql
