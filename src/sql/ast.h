// The syntax tree produced by sql::ParseSql / ParseStatement / ParseExpression (parser.h).
//
// Shape: three small class hierarchies with a `kind` tag on the base, no visitors.
//   Expr       -> LiteralExpr, ColumnRefExpr, StarExpr, FunctionCallExpr, CastExpr,
//                 UnaryExpr, BinaryExpr, BetweenExpr, InListExpr, InSubqueryExpr,
//                 IsNullExpr, CaseExpr, SubqueryExpr, ExistsExpr
//   TableRef   -> BaseTableRef, SubqueryTableRef, TableFunctionRef, JoinTableRef
//   SetExpr    -> SelectCore, SetOperation, NestedQuery       (the body of a Query)
//   Statement  -> one struct per statement kind (QueryStmt, CreateTableStmt, ...)
// Walk a tree with `switch (node.kind)` and `node.As<XxxExpr>()` (checked by assert).
// Every node owns its children through std::unique_ptr; nothing is shared.
//
// Positions: every node, identifier and option carries the SourcePos (1-based line and
// column) of its first token so that the binder can point at it in error messages.
//
// Names: Identifier::name is what to match on: unquoted identifiers are lowercased,
// "quoted" and `quoted` ones keep their case; Identifier::original is the text as written.
//
// Literals: integers that fit int64 are LiteralKind::Integer; larger integers and numbers
// with a '.' are LiteralKind::Decimal (text as written, e.g. "1.50", except that ".5" becomes
// "0.5" and "7." becomes "7"); numbers with an exponent are LiteralKind::Float. A '-' directly in
// front of a numeric literal is folded into it (so -9223372036854775808 is an Integer). DATE '…' /
// TIMESTAMP '…' are CastExpr with style TypedLiteral over a string literal.
//
// Not checked here (the binder's job): that names exist, that types of expressions fit,
// that StarExpr appears only as a select item (the parser only produces it there), that
// LIMIT is a constant, option keys are known, duplicate option keys (kept in order).
//
// ToSql(expr) gives canonical text that re-parses to the same tree: keywords upper-case,
// function names lowercase, one space around binary operators, parentheses only where
// precedence needs them ("a + 1", "count(*)", "(a + b) * 2", "CAST(x AS BIGINT)").
// It is meant for column names of unnamed select items and for stored DEFAULT expressions.
//
// Thread-safety: trees are plain values; concurrent reads are safe, writes need a lock.
#pragma once

#include <cassert>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sql/token.h"
#include "types/data_type.h"

namespace strata::sql {

struct Query;

struct Identifier {
  std::string name;      // for matching: lowercased unless quoted
  std::string original;  // as written, quotes removed
  bool quoted = false;
  SourcePos pos;
};

// [db.]name of a table.
struct TableName {
  std::optional<Identifier> database;
  Identifier table;
  SourcePos pos;
};

// A type as written in a column definition or a cast: "decimal(10, 2)", "VARCHAR".
struct TypeName {
  std::string text;  // as written, spacing normalised: "decimal(10, 2)", "DOUBLE PRECISION"
  DataType type;     // ParseDataType(text)
  SourcePos pos;
};

// ---------------------------------------------------------------------------------------
// Expressions

enum class ExprKind : uint8_t {
  Literal,
  ColumnRef,
  Star,
  FunctionCall,
  Cast,
  Unary,
  Binary,
  Between,
  InList,
  InSubquery,
  IsNull,
  Case,
  Subquery,
  Exists,
};

struct Expr {
  explicit Expr(ExprKind k, SourcePos p) : kind(k), pos(p) {}
  virtual ~Expr() = default;
  Expr(const Expr&) = delete;
  Expr& operator=(const Expr&) = delete;

  template <typename T>
  const T& As() const {
    assert(kind == T::kKind);
    return static_cast<const T&>(*this);
  }
  template <typename T>
  T& As() {
    assert(kind == T::kKind);
    return static_cast<T&>(*this);
  }

  const ExprKind kind;
  SourcePos pos;
};

using ExprPtr = std::unique_ptr<Expr>;

enum class LiteralKind : uint8_t { Null, Boolean, Integer, Decimal, Float, String };

struct LiteralExpr : Expr {
  static constexpr ExprKind kKind = ExprKind::Literal;
  explicit LiteralExpr(SourcePos p) : Expr(kKind, p) {}

  LiteralKind literal_kind = LiteralKind::Null;
  bool bool_value = false;  // Boolean
  int64_t int_value = 0;    // Integer
  double float_value = 0;   // Float
  // String: the unescaped value. Decimal and Float: the number as written ("-1.50",
  // "12345678901234567890", "1e10"), including a folded leading '-'.
  std::string text;
};

// a, t.a, db.t.a
struct ColumnRefExpr : Expr {
  static constexpr ExprKind kKind = ExprKind::ColumnRef;
  explicit ColumnRefExpr(SourcePos p) : Expr(kKind, p) {}

  std::vector<Identifier> parts;  // 1 to 3 parts; the last is the column
};

// *, t.*, db.t.*, optionally * EXCLUDE (a, b). Only produced as a select item.
struct StarExpr : Expr {
  static constexpr ExprKind kKind = ExprKind::Star;
  explicit StarExpr(SourcePos p) : Expr(kKind, p) {}

  std::vector<Identifier> qualifier;  // empty for a bare *
  std::vector<Identifier> exclude;
};

// f(a, b), count(*), count(DISTINCT x)
struct FunctionCallExpr : Expr {
  static constexpr ExprKind kKind = ExprKind::FunctionCall;
  explicit FunctionCallExpr(SourcePos p) : Expr(kKind, p) {}

  Identifier name;
  std::vector<ExprPtr> args;
  bool distinct = false;
  bool star = false;  // f(*): args is empty
};

enum class CastStyle : uint8_t {
  Cast,          // CAST(x AS t)
  TryCast,       // TRY_CAST(x AS t): NULL instead of an error
  DoubleColon,   // x::t
  TypedLiteral,  // DATE '2024-01-01', TIMESTAMP '…': operand is a String literal
};

struct CastExpr : Expr {
  static constexpr ExprKind kKind = ExprKind::Cast;
  explicit CastExpr(SourcePos p) : Expr(kKind, p) {}

  bool is_try() const { return style == CastStyle::TryCast; }

  ExprPtr operand;
  TypeName type;
  CastStyle style = CastStyle::Cast;
};

enum class UnaryOp : uint8_t { Minus, Plus, Not };

struct UnaryExpr : Expr {
  static constexpr ExprKind kKind = ExprKind::Unary;
  explicit UnaryExpr(SourcePos p) : Expr(kKind, p) {}

  UnaryOp op = UnaryOp::Minus;
  ExprPtr operand;
};

enum class BinaryOp : uint8_t {
  Or,
  And,
  Eq,     // = and ==
  NotEq,  // <> and !=
  Lt,
  LtEq,
  Gt,
  GtEq,
  Like,
  NotLike,
  ILike,
  NotILike,
  IsDistinctFrom,
  IsNotDistinctFrom,
  Plus,
  Minus,
  Concat,  // ||
  Mul,
  Div,
  IntDiv,  // DIV
  Mod,
};

// SQL spelling: "+", "AND", "NOT LIKE", "IS DISTINCT FROM", ...
std::string_view BinaryOpSpelling(BinaryOp op);

struct BinaryExpr : Expr {
  static constexpr ExprKind kKind = ExprKind::Binary;
  explicit BinaryExpr(SourcePos p) : Expr(kKind, p) {}

  BinaryOp op = BinaryOp::Eq;
  ExprPtr left;
  ExprPtr right;
};

// operand [NOT] BETWEEN low AND high
struct BetweenExpr : Expr {
  static constexpr ExprKind kKind = ExprKind::Between;
  explicit BetweenExpr(SourcePos p) : Expr(kKind, p) {}

  ExprPtr operand;
  ExprPtr low;
  ExprPtr high;
  bool negated = false;
};

// operand [NOT] IN (e1, e2, …)
struct InListExpr : Expr {
  static constexpr ExprKind kKind = ExprKind::InList;
  explicit InListExpr(SourcePos p) : Expr(kKind, p) {}

  ExprPtr operand;
  std::vector<ExprPtr> list;  // never empty
  bool negated = false;
};

// operand [NOT] IN (SELECT …)
struct InSubqueryExpr : Expr {
  static constexpr ExprKind kKind = ExprKind::InSubquery;
  explicit InSubqueryExpr(SourcePos p) : Expr(kKind, p) {}

  ExprPtr operand;
  std::unique_ptr<Query> query;
  bool negated = false;
};

// operand IS [NOT] NULL
struct IsNullExpr : Expr {
  static constexpr ExprKind kKind = ExprKind::IsNull;
  explicit IsNullExpr(SourcePos p) : Expr(kKind, p) {}

  ExprPtr operand;
  bool negated = false;
};

struct WhenClause {
  ExprPtr condition;  // compared with CaseExpr::operand when that is set
  ExprPtr result;
};

// CASE [operand] WHEN … THEN … [ELSE …] END
struct CaseExpr : Expr {
  static constexpr ExprKind kKind = ExprKind::Case;
  explicit CaseExpr(SourcePos p) : Expr(kKind, p) {}

  ExprPtr operand;                       // null for a searched CASE
  std::vector<WhenClause> when_clauses;  // never empty
  ExprPtr else_result;                   // may be null
};

// (SELECT …) used as a value
struct SubqueryExpr : Expr {
  static constexpr ExprKind kKind = ExprKind::Subquery;
  explicit SubqueryExpr(SourcePos p) : Expr(kKind, p) {}

  std::unique_ptr<Query> query;
};

// EXISTS (SELECT …); NOT EXISTS is a UnaryExpr(Not) over this.
struct ExistsExpr : Expr {
  static constexpr ExprKind kKind = ExprKind::Exists;
  explicit ExistsExpr(SourcePos p) : Expr(kKind, p) {}

  std::unique_ptr<Query> query;
};

// ---------------------------------------------------------------------------------------
// Table references (FROM)

enum class TableRefKind : uint8_t { Table, Subquery, TableFunction, Join };

// AS alias [(c1, c2)]
struct TableAlias {
  Identifier name;
  std::vector<Identifier> columns;
};

struct TableRef {
  explicit TableRef(TableRefKind k, SourcePos p) : kind(k), pos(p) {}
  virtual ~TableRef() = default;
  TableRef(const TableRef&) = delete;
  TableRef& operator=(const TableRef&) = delete;

  template <typename T>
  const T& As() const {
    assert(kind == T::kKind);
    return static_cast<const T&>(*this);
  }
  template <typename T>
  T& As() {
    assert(kind == T::kKind);
    return static_cast<T&>(*this);
  }

  const TableRefKind kind;
  SourcePos pos;
  std::optional<TableAlias> alias;  // never set on a JoinTableRef
};

using TableRefPtr = std::unique_ptr<TableRef>;

struct BaseTableRef : TableRef {
  static constexpr TableRefKind kKind = TableRefKind::Table;
  explicit BaseTableRef(SourcePos p) : TableRef(kKind, p) {}

  TableName name;
};

struct SubqueryTableRef : TableRef {
  static constexpr TableRefKind kKind = TableRefKind::Subquery;
  explicit SubqueryTableRef(SourcePos p) : TableRef(kKind, p) {}

  std::unique_ptr<Query> query;
};

// numbers(10), or any name(args) in FROM.
struct TableFunctionRef : TableRef {
  static constexpr TableRefKind kKind = TableRefKind::TableFunction;
  explicit TableFunctionRef(SourcePos p) : TableRef(kKind, p) {}

  Identifier name;
  std::vector<ExprPtr> args;
};

enum class JoinType : uint8_t { Inner, Left, Right, Full, Cross };

// Comma-separated FROM items become Cross joins, left-deep.
struct JoinTableRef : TableRef {
  static constexpr TableRefKind kKind = TableRefKind::Join;
  explicit JoinTableRef(SourcePos p) : TableRef(kKind, p) {}

  JoinType type = JoinType::Inner;
  TableRefPtr left;
  TableRefPtr right;
  ExprPtr on;  // null for Cross, for USING, and for an INNER JOIN without ON
  std::vector<Identifier> using_columns;
  bool comma = false;  // written as "a, b" rather than CROSS JOIN
};

// ---------------------------------------------------------------------------------------
// Queries

struct SelectItem {
  ExprPtr expr;  // may be a StarExpr
  std::optional<Identifier> alias;
  SourcePos pos;
};

enum class SetExprKind : uint8_t { Select, SetOperation, Nested };

struct SetExpr {
  explicit SetExpr(SetExprKind k, SourcePos p) : kind(k), pos(p) {}
  virtual ~SetExpr() = default;
  SetExpr(const SetExpr&) = delete;
  SetExpr& operator=(const SetExpr&) = delete;

  template <typename T>
  const T& As() const {
    assert(kind == T::kKind);
    return static_cast<const T&>(*this);
  }
  template <typename T>
  T& As() {
    assert(kind == T::kKind);
    return static_cast<T&>(*this);
  }

  const SetExprKind kind;
  SourcePos pos;
};

using SetExprPtr = std::unique_ptr<SetExpr>;

// SELECT [DISTINCT] … [FROM …] [WHERE …] [GROUP BY …|ALL] [HAVING …]
struct SelectCore : SetExpr {
  static constexpr SetExprKind kKind = SetExprKind::Select;
  explicit SelectCore(SourcePos p) : SetExpr(kKind, p) {}

  bool distinct = false;
  std::vector<SelectItem> items;  // never empty
  TableRefPtr from;               // null without FROM
  ExprPtr where;
  std::vector<ExprPtr> group_by;
  bool group_by_all = false;  // GROUP BY ALL
  ExprPtr having;
};

enum class SetOpType : uint8_t { Union, Except, Intersect };

// left UNION [ALL|DISTINCT] right. INTERSECT binds tighter than UNION and EXCEPT.
struct SetOperation : SetExpr {
  static constexpr SetExprKind kKind = SetExprKind::SetOperation;
  explicit SetOperation(SourcePos p) : SetExpr(kKind, p) {}

  SetOpType op = SetOpType::Union;
  bool all = false;  // false = distinct
  SetExprPtr left;
  SetExprPtr right;
};

// A parenthesised query used as an operand of a set operation: (SELECT … ORDER BY … LIMIT 1)
struct NestedQuery : SetExpr {
  static constexpr SetExprKind kKind = SetExprKind::Nested;
  explicit NestedQuery(SourcePos p) : SetExpr(kKind, p) {}

  std::unique_ptr<Query> query;
};

struct OrderByItem {
  ExprPtr expr;
  bool ascending = true;
  std::optional<bool> nulls_first;  // unset when NULLS FIRST|LAST was not written
  SourcePos pos;
};

// WITH name [(c1, …)] AS (query)
struct CommonTableExpr {
  Identifier name;
  std::vector<Identifier> columns;
  std::unique_ptr<Query> query;
  SourcePos pos;
};

struct Query {
  SourcePos pos;
  std::vector<CommonTableExpr> with;
  SetExprPtr body;
  std::vector<OrderByItem> order_by;
  ExprPtr limit;   // may be null
  ExprPtr offset;  // may be null
};

// ---------------------------------------------------------------------------------------
// Statements

enum class StatementKind : uint8_t {
  Query,
  Explain,
  CreateDatabase,
  DropDatabase,
  UseDatabase,
  ShowDatabases,
  ShowTables,
  ShowCreateTable,
  DescribeTable,
  CreateTable,
  DropTable,
  TruncateTable,
  AlterTableRename,
  AlterTableConnection,
  CreateConnection,
  DropConnection,
  ShowConnections,
  DescribeConnection,
  Insert,
  Set,
};

// "CreateTable", ... (for logs and tests).
std::string_view StatementKindName(StatementKind kind);

struct Statement {
  explicit Statement(StatementKind k, SourcePos p) : kind(k), pos(p) {}
  virtual ~Statement() = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  template <typename T>
  const T& As() const {
    assert(kind == T::kKind);
    return static_cast<const T&>(*this);
  }
  template <typename T>
  T& As() {
    assert(kind == T::kKind);
    return static_cast<T&>(*this);
  }

  const StatementKind kind;
  SourcePos pos;
  // The statement's source text without the trailing ';'. May contain secrets (CREATE
  // CONNECTION, CONNECTION = (…)): mask before logging.
  std::string text;
};

using StatementPtr = std::unique_ptr<Statement>;

// key = 'value' inside CONNECTION = (…) or after CREATE CONNECTION … STORAGE_TYPE = '…'.
struct ConnectionOption {
  std::string key;    // lowercased
  std::string value;  // string literal value, or an unquoted TRUE/FALSE (lowercased)/number
  SourcePos pos;      // of the key
};

struct QueryStmt : Statement {
  static constexpr StatementKind kKind = StatementKind::Query;
  explicit QueryStmt(SourcePos p) : Statement(kKind, p) {}

  std::unique_ptr<Query> query;
};

// EXPLAIN [kind] statement
struct ExplainStmt : Statement {
  static constexpr StatementKind kKind = StatementKind::Explain;
  explicit ExplainStmt(SourcePos p) : Statement(kKind, p) {}

  std::string explain_kind;  // lowercased: "" or "analyze", "ast", "syntax", "pipeline", "raw"
  StatementPtr statement;
};

// CREATE [OR REPLACE] DATABASE|SCHEMA [IF NOT EXISTS] db
struct CreateDatabaseStmt : Statement {
  static constexpr StatementKind kKind = StatementKind::CreateDatabase;
  explicit CreateDatabaseStmt(SourcePos p) : Statement(kKind, p) {}

  bool or_replace = false;
  bool if_not_exists = false;  // never together with or_replace (a syntax error)
  Identifier name;
};

// DROP DATABASE|SCHEMA [IF EXISTS] db
struct DropDatabaseStmt : Statement {
  static constexpr StatementKind kKind = StatementKind::DropDatabase;
  explicit DropDatabaseStmt(SourcePos p) : Statement(kKind, p) {}

  bool if_exists = false;
  Identifier name;
};

// USE db
struct UseDatabaseStmt : Statement {
  static constexpr StatementKind kKind = StatementKind::UseDatabase;
  explicit UseDatabaseStmt(SourcePos p) : Statement(kKind, p) {}

  Identifier name;
};

// SHOW DATABASES [LIKE 'pattern' | WHERE expr]
struct ShowDatabasesStmt : Statement {
  static constexpr StatementKind kKind = StatementKind::ShowDatabases;
  explicit ShowDatabasesStmt(SourcePos p) : Statement(kKind, p) {}

  std::optional<std::string> like;
  ExprPtr where;
};

// SHOW [FULL] TABLES [FROM|IN db] [LIKE 'pattern' | WHERE expr]
struct ShowTablesStmt : Statement {
  static constexpr StatementKind kKind = StatementKind::ShowTables;
  explicit ShowTablesStmt(SourcePos p) : Statement(kKind, p) {}

  bool full = false;
  std::optional<Identifier> database;
  std::optional<std::string> like;
  ExprPtr where;
};

// SHOW CREATE TABLE [db.]t
struct ShowCreateTableStmt : Statement {
  static constexpr StatementKind kKind = StatementKind::ShowCreateTable;
  explicit ShowCreateTableStmt(SourcePos p) : Statement(kKind, p) {}

  TableName table;
};

// DESC|DESCRIBE [TABLE] [db.]t
struct DescribeTableStmt : Statement {
  static constexpr StatementKind kKind = StatementKind::DescribeTable;
  explicit DescribeTableStmt(SourcePos p) : Statement(kKind, p) {}

  TableName table;
};

enum class Nullability : uint8_t { Unspecified, Null, NotNull };

struct ColumnDefinition {
  Identifier name;
  TypeName type;
  Nullability nullability = Nullability::Unspecified;
  ExprPtr default_value;  // DEFAULT expr; null when absent
  std::optional<std::string> comment;
  SourcePos pos;
};

// CREATE [OR REPLACE] TABLE [IF NOT EXISTS] [db.]t [(columns)] [ENGINE = e]
//     ['<location>' [CONNECTION = (key = 'value' …)]] [AS query]
// At least one of columns and as_query is present.
struct CreateTableStmt : Statement {
  static constexpr StatementKind kKind = StatementKind::CreateTable;
  explicit CreateTableStmt(SourcePos p) : Statement(kKind, p) {}

  bool or_replace = false;
  bool if_not_exists = false;  // never together with or_replace (a syntax error)
  TableName name;
  std::vector<ColumnDefinition> columns;  // empty for CREATE TABLE t AS SELECT
  std::optional<Identifier> engine;
  std::optional<std::string> location;  // external location, e.g. "s3://bucket/path/"
  SourcePos location_pos;
  std::optional<std::vector<ConnectionOption>> connection;  // only with a location
  std::unique_ptr<Query> as_query;
};

// DROP TABLE [IF EXISTS] [db.]t [ALL]
struct DropTableStmt : Statement {
  static constexpr StatementKind kKind = StatementKind::DropTable;
  explicit DropTableStmt(SourcePos p) : Statement(kKind, p) {}

  bool if_exists = false;
  TableName table;
  bool all = false;
};

// TRUNCATE TABLE [db.]t
struct TruncateTableStmt : Statement {
  static constexpr StatementKind kKind = StatementKind::TruncateTable;
  explicit TruncateTableStmt(SourcePos p) : Statement(kKind, p) {}

  TableName table;
};

// ALTER TABLE [IF EXISTS] [db.]t RENAME TO [db.]u
struct AlterTableRenameStmt : Statement {
  static constexpr StatementKind kKind = StatementKind::AlterTableRename;
  explicit AlterTableRenameStmt(SourcePos p) : Statement(kKind, p) {}

  bool if_exists = false;
  TableName table;
  TableName new_name;
};

// ALTER TABLE [IF EXISTS] [db.]t CONNECTION = (key = 'value' [,] …)
struct AlterTableConnectionStmt : Statement {
  static constexpr StatementKind kKind = StatementKind::AlterTableConnection;
  explicit AlterTableConnectionStmt(SourcePos p) : Statement(kKind, p) {}

  bool if_exists = false;
  TableName table;
  std::vector<ConnectionOption> options;
};

// CREATE [OR REPLACE] CONNECTION [IF NOT EXISTS] name STORAGE_TYPE = 'type' [key = 'v' [,] …]
struct CreateConnectionStmt : Statement {
  static constexpr StatementKind kKind = StatementKind::CreateConnection;
  explicit CreateConnectionStmt(SourcePos p) : Statement(kKind, p) {}

  bool or_replace = false;
  bool if_not_exists = false;  // never together with or_replace (a syntax error)
  Identifier name;
  std::string storage_type;  // as written (compare case-insensitively)
  SourcePos storage_type_pos;
  std::vector<ConnectionOption> options;  // everything after STORAGE_TYPE, in order
};

// DROP CONNECTION [IF EXISTS] name
struct DropConnectionStmt : Statement {
  static constexpr StatementKind kKind = StatementKind::DropConnection;
  explicit DropConnectionStmt(SourcePos p) : Statement(kKind, p) {}

  bool if_exists = false;
  Identifier name;
};

// SHOW CONNECTIONS
struct ShowConnectionsStmt : Statement {
  static constexpr StatementKind kKind = StatementKind::ShowConnections;
  explicit ShowConnectionsStmt(SourcePos p) : Statement(kKind, p) {}
};

// DESC|DESCRIBE CONNECTION name
struct DescribeConnectionStmt : Statement {
  static constexpr StatementKind kKind = StatementKind::DescribeConnection;
  explicit DescribeConnectionStmt(SourcePos p) : Statement(kKind, p) {}

  Identifier name;
};

// INSERT INTO|OVERWRITE [INTO] [TABLE] [db.]t [(cols)] VALUES (…), … | query
struct InsertStmt : Statement {
  static constexpr StatementKind kKind = StatementKind::Insert;
  explicit InsertStmt(SourcePos p) : Statement(kKind, p) {}

  bool overwrite = false;
  TableName table;
  std::vector<Identifier> columns;           // empty = all columns in table order
  std::vector<std::vector<ExprPtr>> values;  // VALUES rows; empty when query is set
  std::unique_ptr<Query> query;
};

// SET [GLOBAL|SESSION] name = expr
struct SetStmt : Statement {
  static constexpr StatementKind kKind = StatementKind::Set;
  explicit SetStmt(SourcePos p) : Statement(kKind, p) {}

  bool global = false;
  Identifier variable;
  ExprPtr value;
};

// ---------------------------------------------------------------------------------------
// Printing

// Canonical SQL for an expression or a query (see the header comment).
std::string ToSql(const Expr& expr);
std::string ToSql(const Query& query);
std::string ToSql(const TableRef& table);

// name, or "name" with inner quotes doubled when it is not a plain lowercase identifier
// (upper-case letters, other characters, a leading digit, a reserved keyword).
std::string QuoteIdentifier(std::string_view name);
// 'text' with ' doubled and \ and control characters backslash-escaped.
std::string QuoteString(std::string_view text);

}  // namespace strata::sql
