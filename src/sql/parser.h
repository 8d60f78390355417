// Entry points of the Databend-dialect SQL parser (hand-written lexer + recursive descent).
//
// Every syntax error is ErrorCode::SyntaxException (1005) with a message that names the
// offending token and where it is, e.g.
//   error: unexpected 'FORM', expecting FROM, WHERE, ... at line 1, column 10
// Bad type names in column definitions and casts keep ParseDataType's code (1007) with the
// position appended. No input makes the parser crash: nesting deeper than a fixed limit is
// a 1005 error too. Error messages never echo string literals or tokens inside connection
// options, which may be secrets.
//
// Parsing is linear in the input: at most a few tokens of lookahead, no backtracking.
// The deepest accepted nesting needs roughly 256 KB of stack (more under sanitizers).
//
// Thread-safety: the functions are pure; call them from any thread.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "sql/ast.h"

namespace strata::sql {

// Parses zero or more ';'-separated statements. Empty statements (";;") are skipped.
Result<std::vector<StatementPtr>> ParseSql(std::string_view sql);

// Parses exactly one statement, optionally followed by ';'.
Result<StatementPtr> ParseStatement(std::string_view sql);

// Parses one expression and nothing else (e.g. a stored DEFAULT expression).
Result<ExprPtr> ParseExpression(std::string_view sql);

}  // namespace strata::sql
