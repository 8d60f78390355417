#include "sql/ast.h"

#include <string>

namespace strata::sql {

std::string_view BinaryOpSpelling(BinaryOp op) {
  switch (op) {
    case BinaryOp::Or:
      return "OR";
    case BinaryOp::And:
      return "AND";
    case BinaryOp::Eq:
      return "=";
    case BinaryOp::NotEq:
      return "<>";
    case BinaryOp::Lt:
      return "<";
    case BinaryOp::LtEq:
      return "<=";
    case BinaryOp::Gt:
      return ">";
    case BinaryOp::GtEq:
      return ">=";
    case BinaryOp::Like:
      return "LIKE";
    case BinaryOp::NotLike:
      return "NOT LIKE";
    case BinaryOp::ILike:
      return "ILIKE";
    case BinaryOp::NotILike:
      return "NOT ILIKE";
    case BinaryOp::IsDistinctFrom:
      return "IS DISTINCT FROM";
    case BinaryOp::IsNotDistinctFrom:
      return "IS NOT DISTINCT FROM";
    case BinaryOp::Plus:
      return "+";
    case BinaryOp::Minus:
      return "-";
    case BinaryOp::Concat:
      return "||";
    case BinaryOp::Mul:
      return "*";
    case BinaryOp::Div:
      return "/";
    case BinaryOp::IntDiv:
      return "DIV";
    case BinaryOp::Mod:
      return "%";
  }
  return "?";
}

std::string_view StatementKindName(StatementKind kind) {
  switch (kind) {
    case StatementKind::Query:
      return "Query";
    case StatementKind::Explain:
      return "Explain";
    case StatementKind::CreateDatabase:
      return "CreateDatabase";
    case StatementKind::DropDatabase:
      return "DropDatabase";
    case StatementKind::UseDatabase:
      return "UseDatabase";
    case StatementKind::ShowDatabases:
      return "ShowDatabases";
    case StatementKind::ShowTables:
      return "ShowTables";
    case StatementKind::ShowCreateTable:
      return "ShowCreateTable";
    case StatementKind::DescribeTable:
      return "DescribeTable";
    case StatementKind::CreateTable:
      return "CreateTable";
    case StatementKind::DropTable:
      return "DropTable";
    case StatementKind::TruncateTable:
      return "TruncateTable";
    case StatementKind::AlterTableRename:
      return "AlterTableRename";
    case StatementKind::AlterTableConnection:
      return "AlterTableConnection";
    case StatementKind::CreateConnection:
      return "CreateConnection";
    case StatementKind::DropConnection:
      return "DropConnection";
    case StatementKind::ShowConnections:
      return "ShowConnections";
    case StatementKind::DescribeConnection:
      return "DescribeConnection";
    case StatementKind::Insert:
      return "Insert";
    case StatementKind::Set:
      return "Set";
  }
  return "?";
}

std::string QuoteIdentifier(std::string_view name) {
  bool plain = !name.empty() && !(name[0] >= '0' && name[0] <= '9') && name[0] != '$';
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '$' ||
              static_cast<unsigned char>(c) >= 0x80;
    if (!ok) {
      plain = false;
      break;
    }
  }
  if (plain && !IsReservedKeyword(LookupKeyword(name))) return std::string(name);
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string QuoteString(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    switch (c) {
      case '\'':
        out += "''";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\0':
        out += "\\0";
        break;
      default:
        out.push_back(c);
        break;
    }
  }
  out.push_back('\'');
  return out;
}

namespace {

// Binding strength of an expression's outermost operator (see parser_expression.cc);
// kPrimary for things that never need parentheses.
constexpr int kPrimary = 9;

int BinaryPrecedence(BinaryOp op) {
  switch (op) {
    case BinaryOp::Or:
      return 1;
    case BinaryOp::And:
      return 2;
    case BinaryOp::Plus:
    case BinaryOp::Minus:
    case BinaryOp::Concat:
      return 5;
    case BinaryOp::Mul:
    case BinaryOp::Div:
    case BinaryOp::IntDiv:
    case BinaryOp::Mod:
      return 6;
    default:
      return 4;
  }
}

int Precedence(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Binary:
      return BinaryPrecedence(e.As<BinaryExpr>().op);
    case ExprKind::Unary:
      return e.As<UnaryExpr>().op == UnaryOp::Not ? 3 : 7;
    case ExprKind::Between:
    case ExprKind::InList:
    case ExprKind::InSubquery:
    case ExprKind::IsNull:
      return 4;
    case ExprKind::Cast:
      return e.As<CastExpr>().style == CastStyle::DoubleColon ? 8 : kPrimary;
    case ExprKind::Literal: {
      const auto& lit = e.As<LiteralExpr>();
      bool negative =
          (lit.literal_kind == LiteralKind::Integer && lit.int_value < 0) ||
          (!lit.text.empty() && lit.text[0] == '-' && lit.literal_kind != LiteralKind::String);
      return negative ? 7 : kPrimary;  // -1 binds like unary minus
    }
    default:
      return kPrimary;
  }
}

class SqlWriter {
 public:
  std::string out;

  void Expr(const sql::Expr& e) {
    switch (e.kind) {
      case ExprKind::Literal:
        Literal(e.As<LiteralExpr>());
        break;
      case ExprKind::ColumnRef:
        Names(e.As<ColumnRefExpr>().parts);
        break;
      case ExprKind::Star: {
        const auto& s = e.As<StarExpr>();
        for (const Identifier& q : s.qualifier) out += QuoteIdentifier(q.name) + ".";
        out += "*";
        if (!s.exclude.empty()) {
          out += " EXCLUDE (";
          NameList(s.exclude);
          out += ")";
        }
        break;
      }
      case ExprKind::FunctionCall: {
        const auto& f = e.As<FunctionCallExpr>();
        out += f.name.name;
        out += "(";
        if (f.star) out += "*";
        if (f.distinct) out += "DISTINCT ";
        ExprList(f.args);
        out += ")";
        break;
      }
      case ExprKind::Cast: {
        const auto& c = e.As<CastExpr>();
        switch (c.style) {
          case CastStyle::Cast:
          case CastStyle::TryCast:
            out += c.style == CastStyle::Cast ? "CAST(" : "TRY_CAST(";
            Expr(*c.operand);
            out += " AS " + c.type.type.ToString() + ")";
            break;
          case CastStyle::DoubleColon:
            Operand(*c.operand, 8, false);
            out += "::" + c.type.type.ToString();
            break;
          case CastStyle::TypedLiteral:
            out += c.type.type.ToString() + " ";
            Expr(*c.operand);
            break;
        }
        break;
      }
      case ExprKind::Unary: {
        const auto& u = e.As<UnaryExpr>();
        if (u.op == UnaryOp::Not) {
          out += "NOT ";
          Operand(*u.operand, 3, false);
          break;
        }
        out += u.op == UnaryOp::Minus ? "-" : "+";
        size_t at = out.size();
        Operand(*u.operand, 7, false);
        // "--" would start a comment.
        if (at < out.size() && (out[at] == '-' || out[at] == '+')) out.insert(at, " ");
        break;
      }
      case ExprKind::Binary: {
        const auto& b = e.As<BinaryExpr>();
        int prec = BinaryPrecedence(b.op);
        Operand(*b.left, prec, false);
        out += " ";
        out += BinaryOpSpelling(b.op);
        out += " ";
        Operand(*b.right, prec, true);
        break;
      }
      case ExprKind::Between: {
        const auto& b = e.As<BetweenExpr>();
        Operand(*b.operand, 4, false);
        out += b.negated ? " NOT BETWEEN " : " BETWEEN ";
        Operand(*b.low, 4, true);
        out += " AND ";
        Operand(*b.high, 4, true);
        break;
      }
      case ExprKind::InList: {
        const auto& in = e.As<InListExpr>();
        Operand(*in.operand, 4, false);
        out += in.negated ? " NOT IN (" : " IN (";
        ExprList(in.list);
        out += ")";
        break;
      }
      case ExprKind::InSubquery: {
        const auto& in = e.As<InSubqueryExpr>();
        Operand(*in.operand, 4, false);
        out += in.negated ? " NOT IN (" : " IN (";
        Query(*in.query);
        out += ")";
        break;
      }
      case ExprKind::IsNull: {
        const auto& n = e.As<IsNullExpr>();
        Operand(*n.operand, 4, false);
        out += n.negated ? " IS NOT NULL" : " IS NULL";
        break;
      }
      case ExprKind::Case: {
        const auto& c = e.As<CaseExpr>();
        out += "CASE";
        if (c.operand) {
          out += " ";
          Expr(*c.operand);
        }
        for (const WhenClause& w : c.when_clauses) {
          out += " WHEN ";
          Expr(*w.condition);
          out += " THEN ";
          Expr(*w.result);
        }
        if (c.else_result) {
          out += " ELSE ";
          Expr(*c.else_result);
        }
        out += " END";
        break;
      }
      case ExprKind::Subquery:
        out += "(";
        Query(*e.As<SubqueryExpr>().query);
        out += ")";
        break;
      case ExprKind::Exists:
        out += "EXISTS (";
        Query(*e.As<ExistsExpr>().query);
        out += ")";
        break;
    }
  }

  void Query(const sql::Query& q) {
    if (!q.with.empty()) {
      out += "WITH ";
      for (size_t i = 0; i < q.with.size(); ++i) {
        const CommonTableExpr& cte = q.with[i];
        if (i > 0) out += ", ";
        out += QuoteIdentifier(cte.name.name);
        if (!cte.columns.empty()) {
          out += " (";
          NameList(cte.columns);
          out += ")";
        }
        out += " AS (";
        Query(*cte.query);
        out += ")";
      }
      out += " ";
    }
    SetExpr(*q.body);
    if (!q.order_by.empty()) {
      out += " ORDER BY ";
      for (size_t i = 0; i < q.order_by.size(); ++i) {
        const OrderByItem& item = q.order_by[i];
        if (i > 0) out += ", ";
        Expr(*item.expr);
        if (!item.ascending) out += " DESC";
        if (item.nulls_first) out += *item.nulls_first ? " NULLS FIRST" : " NULLS LAST";
      }
    }
    if (q.limit) {
      out += " LIMIT ";
      Expr(*q.limit);
    }
    if (q.offset) {
      out += " OFFSET ";
      Expr(*q.offset);
    }
  }

  void TableRef(const sql::TableRef& t) {
    switch (t.kind) {
      case TableRefKind::Table: {
        const TableName& n = t.As<BaseTableRef>().name;
        if (n.database) out += QuoteIdentifier(n.database->name) + ".";
        out += QuoteIdentifier(n.table.name);
        break;
      }
      case TableRefKind::Subquery:
        out += "(";
        Query(*t.As<SubqueryTableRef>().query);
        out += ")";
        break;
      case TableRefKind::TableFunction: {
        const auto& f = t.As<TableFunctionRef>();
        out += QuoteIdentifier(f.name.name) + "(";
        ExprList(f.args);
        out += ")";
        break;
      }
      case TableRefKind::Join: {
        const auto& j = t.As<JoinTableRef>();
        bool left_parens =
            j.left->kind == TableRefKind::Join && j.left->As<JoinTableRef>().comma && !j.comma;
        if (left_parens) out += "(";
        TableRef(*j.left);
        if (left_parens) out += ")";
        if (j.comma) {
          out += ", ";
        } else {
          static const char* kJoins[] = {" JOIN ", " LEFT JOIN ", " RIGHT JOIN ", " FULL JOIN ",
                                         " CROSS JOIN "};
          out += kJoins[static_cast<int>(j.type)];
        }
        // Comma binds loosest: "a, b JOIN c" is a, (b JOIN c).
        bool right_parens =
            j.right->kind == TableRefKind::Join && (!j.comma || j.right->As<JoinTableRef>().comma);
        if (right_parens) out += "(";
        TableRef(*j.right);
        if (right_parens) out += ")";
        if (j.on) {
          out += " ON ";
          Expr(*j.on);
        } else if (!j.using_columns.empty()) {
          out += " USING (";
          NameList(j.using_columns);
          out += ")";
        }
        break;
      }
    }
    if (t.alias) {
      out += " AS " + QuoteIdentifier(t.alias->name.name);
      if (!t.alias->columns.empty()) {
        out += " (";
        NameList(t.alias->columns);
        out += ")";
      }
    }
  }

 private:
  // Writes a child of an operator of precedence `prec`; `right` children of left-associative
  // operators need parentheses at equal precedence too.
  void Operand(const sql::Expr& e, int prec, bool right) {
    int p = Precedence(e);
    bool parens = right ? p <= prec : p < prec;
    if (parens) out += "(";
    Expr(e);
    if (parens) out += ")";
  }

  void Literal(const LiteralExpr& lit) {
    switch (lit.literal_kind) {
      case LiteralKind::Null:
        out += "NULL";
        break;
      case LiteralKind::Boolean:
        out += lit.bool_value ? "TRUE" : "FALSE";
        break;
      case LiteralKind::Integer:
        out += std::to_string(lit.int_value);
        break;
      case LiteralKind::Decimal:
      case LiteralKind::Float:
        out += lit.text;
        break;
      case LiteralKind::String:
        out += QuoteString(lit.text);
        break;
    }
  }

  void Names(const std::vector<Identifier>& parts) {
    for (size_t i = 0; i < parts.size(); ++i) {
      if (i > 0) out += ".";
      out += QuoteIdentifier(parts[i].name);
    }
  }

  void NameList(const std::vector<Identifier>& names) {
    for (size_t i = 0; i < names.size(); ++i) {
      if (i > 0) out += ", ";
      out += QuoteIdentifier(names[i].name);
    }
  }

  void ExprList(const std::vector<ExprPtr>& list) {
    for (size_t i = 0; i < list.size(); ++i) {
      if (i > 0) out += ", ";
      Expr(*list[i]);
    }
  }

  int SetPrecedence(const sql::SetExpr& s) {
    if (s.kind != SetExprKind::SetOperation) return 3;
    return s.As<SetOperation>().op == SetOpType::Intersect ? 2 : 1;
  }

  void SetExpr(const sql::SetExpr& s) {
    switch (s.kind) {
      case SetExprKind::Select: {
        const auto& c = s.As<SelectCore>();
        out += c.distinct ? "SELECT DISTINCT " : "SELECT ";
        for (size_t i = 0; i < c.items.size(); ++i) {
          if (i > 0) out += ", ";
          Expr(*c.items[i].expr);
          if (c.items[i].alias) out += " AS " + QuoteIdentifier(c.items[i].alias->name);
        }
        if (c.from) {
          out += " FROM ";
          TableRef(*c.from);
        }
        if (c.where) {
          out += " WHERE ";
          Expr(*c.where);
        }
        if (c.group_by_all) {
          out += " GROUP BY ALL";
        } else if (!c.group_by.empty()) {
          out += " GROUP BY ";
          ExprList(c.group_by);
        }
        if (c.having) {
          out += " HAVING ";
          Expr(*c.having);
        }
        break;
      }
      case SetExprKind::SetOperation: {
        const auto& op = s.As<SetOperation>();
        int prec = SetPrecedence(s);
        SetOperand(*op.left, SetPrecedence(*op.left) < prec);
        static const char* kOps[] = {" UNION ", " EXCEPT ", " INTERSECT "};
        out += kOps[static_cast<int>(op.op)];
        if (op.all) out += "ALL ";
        SetOperand(*op.right, SetPrecedence(*op.right) <= prec);
        break;
      }
      case SetExprKind::Nested:
        out += "(";
        Query(*s.As<NestedQuery>().query);
        out += ")";
        break;
    }
  }

  void SetOperand(const sql::SetExpr& s, bool parens) {
    if (parens) out += "(";
    SetExpr(s);
    if (parens) out += ")";
  }
};

}  // namespace

std::string ToSql(const Expr& expr) {
  SqlWriter w;
  w.Expr(expr);
  return std::move(w.out);
}

std::string ToSql(const Query& query) {
  SqlWriter w;
  w.Query(query);
  return std::move(w.out);
}

std::string ToSql(const TableRef& table) {
  SqlWriter w;
  w.TableRef(table);
  return std::move(w.out);
}

}  // namespace strata::sql
