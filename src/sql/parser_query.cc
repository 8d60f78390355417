// Queries: WITH, set operations, SELECT cores, FROM with joins, ORDER BY, LIMIT/OFFSET.
#include <utility>

#include "sql/parser_impl.h"

namespace strata::sql {

namespace {

// INTERSECT binds tighter than UNION and EXCEPT.
int SetOpPrecedence(const Token& t, SetOpType* op) {
  switch (t.kind == TokenKind::Word ? t.keyword : Keyword::None) {
    case Keyword::Union:
      *op = SetOpType::Union;
      return 1;
    case Keyword::Except:
      *op = SetOpType::Except;
      return 1;
    case Keyword::Intersect:
      *op = SetOpType::Intersect;
      return 2;
    default:
      return 0;
  }
}

}  // namespace

bool ParserImpl::CurStartsQuery() {
  return CurIsKeyword(Keyword::Select) || CurIsKeyword(Keyword::With);
}

Result<std::unique_ptr<Query>> ParserImpl::ParseQuery() {
  DepthGuard guard(this);
  RETURN_IF_ERROR(EnterNesting());
  auto query = std::make_unique<Query>();
  query->pos = Cur().pos;
  if (AcceptKeyword(Keyword::With)) {
    do {
      CommonTableExpr cte;
      cte.pos = Cur().pos;
      ASSIGN_OR_RETURN(cte.name, ParseIdentifier("CTE name"));
      if (Check(TokenKind::LParen, "'('")) {
        ASSIGN_OR_RETURN(cte.columns, ParseIdentifierList());
      }
      RETURN_IF_ERROR(ExpectKeyword(Keyword::As));
      RETURN_IF_ERROR(Expect(TokenKind::LParen, "'('"));
      ASSIGN_OR_RETURN(cte.query, ParseQuery());
      RETURN_IF_ERROR(Expect(TokenKind::RParen, "')'"));
      query->with.push_back(std::move(cte));
    } while (Accept(TokenKind::Comma, "','"));
  }
  ASSIGN_OR_RETURN(query->body, ParseSetExpr(0));
  if (AcceptKeyword(Keyword::Order)) {
    RETURN_IF_ERROR(ExpectKeyword(Keyword::By));
    do {
      ASSIGN_OR_RETURN(OrderByItem item, ParseOrderByItem());
      query->order_by.push_back(std::move(item));
    } while (Accept(TokenKind::Comma, "','"));
  }
  if (AcceptKeyword(Keyword::Limit)) {
    ASSIGN_OR_RETURN(query->limit, ParseExpr());
    if (Accept(TokenKind::Comma, "','")) {
      // LIMIT offset, count
      query->offset = std::move(query->limit);
      ASSIGN_OR_RETURN(query->limit, ParseExpr());
    } else if (AcceptKeyword(Keyword::Offset)) {
      ASSIGN_OR_RETURN(query->offset, ParseExpr());
    }
  } else if (AcceptKeyword(Keyword::Offset)) {
    ASSIGN_OR_RETURN(query->offset, ParseExpr());
    if (AcceptKeyword(Keyword::Limit)) {
      ASSIGN_OR_RETURN(query->limit, ParseExpr());
    }
  }
  return query;
}

Result<OrderByItem> ParserImpl::ParseOrderByItem() {
  OrderByItem item;
  item.pos = Cur().pos;
  ASSIGN_OR_RETURN(item.expr, ParseExpr());
  if (AcceptKeyword(Keyword::Desc)) {
    item.ascending = false;
  } else {
    AcceptKeyword(Keyword::Asc);
  }
  if (AcceptKeyword(Keyword::Nulls)) {
    if (AcceptKeyword(Keyword::First)) {
      item.nulls_first = true;
    } else if (AcceptKeyword(Keyword::Last)) {
      item.nulls_first = false;
    } else {
      return Unexpected();
    }
  }
  return item;
}

Result<SetExprPtr> ParserImpl::ParseSetExpr(int min_precedence) {
  DepthGuard guard(this);
  RETURN_IF_ERROR(EnterNesting());
  ASSIGN_OR_RETURN(SetExprPtr left, ParseSetPrimary());
  while (true) {
    SetOpType op = SetOpType::Union;
    int prec = SetOpPrecedence(Cur(), &op);
    if (prec == 0) {
      Expecting("UNION");
      Expecting("EXCEPT");
      Expecting("INTERSECT");
      break;
    }
    if (prec <= min_precedence) break;
    RETURN_IF_ERROR(GrowHeight());
    Advance();
    auto set_op = std::make_unique<SetOperation>(left->pos);
    set_op->op = op;
    if (AcceptKeyword(Keyword::All)) {
      set_op->all = true;
    } else {
      AcceptKeyword(Keyword::Distinct);
    }
    set_op->left = std::move(left);
    ASSIGN_OR_RETURN(set_op->right, ParseSetExpr(prec));
    left = std::move(set_op);
  }
  return left;
}

Result<SetExprPtr> ParserImpl::ParseSetPrimary() {
  if (CheckKeyword(Keyword::Select)) return ParseSelectCore();
  SourcePos pos = Cur().pos;
  if (!Accept(TokenKind::LParen, "'('")) return Unexpected();
  ASSIGN_OR_RETURN(std::unique_ptr<Query> inner, ParseQuery());
  RETURN_IF_ERROR(Expect(TokenKind::RParen, "')'"));
  // A plain parenthesised body needs no node of its own.
  if (inner->with.empty() && inner->order_by.empty() && !inner->limit && !inner->offset) {
    return std::move(inner->body);
  }
  auto nested = std::make_unique<NestedQuery>(pos);
  nested->query = std::move(inner);
  return SetExprPtr(std::move(nested));
}

Result<SetExprPtr> ParserImpl::ParseSelectCore() {
  auto core = std::make_unique<SelectCore>(Take().pos);
  if (CurIsKeyword(Keyword::Distinct)) {
    Advance();
    core->distinct = true;
  } else if (CurIsKeyword(Keyword::All)) {
    Advance();
  }
  do {
    ASSIGN_OR_RETURN(SelectItem item, ParseSelectItem());
    core->items.push_back(std::move(item));
  } while (Accept(TokenKind::Comma, "','"));
  if (AcceptKeyword(Keyword::From)) {
    ASSIGN_OR_RETURN(core->from, ParseFrom());
  }
  if (AcceptKeyword(Keyword::Where)) {
    ASSIGN_OR_RETURN(core->where, ParseExpr());
  }
  if (AcceptKeyword(Keyword::Group)) {
    RETURN_IF_ERROR(ExpectKeyword(Keyword::By));
    if (AcceptKeyword(Keyword::All)) {
      core->group_by_all = true;
    } else {
      ASSIGN_OR_RETURN(core->group_by, ParseExprList());
    }
  }
  if (AcceptKeyword(Keyword::Having)) {
    ASSIGN_OR_RETURN(core->having, ParseExpr());
  }
  return SetExprPtr(std::move(core));
}

Result<SelectItem> ParserImpl::ParseSelectItem() {
  SelectItem item;
  item.pos = Cur().pos;
  // *, t.*, db.t.*: how many qualifier names come before the '*', or -1 for no star.
  int qualifiers = -1;
  auto is_name = [](const Token& t) {
    return t.kind == TokenKind::Word || t.kind == TokenKind::QuotedIdent;
  };
  if (CurIs(TokenKind::Star)) {
    qualifiers = 0;
  } else if (CurIsIdentifier() && Peek(1).kind == TokenKind::Dot) {
    if (Peek(2).kind == TokenKind::Star) {
      qualifiers = 1;
    } else if (is_name(Peek(2)) && Peek(3).kind == TokenKind::Dot &&
               Peek(4).kind == TokenKind::Star) {
      qualifiers = 2;
    }
  }
  if (qualifiers >= 0) {
    auto star = std::make_unique<StarExpr>(item.pos);
    for (int i = 0; i < qualifiers; ++i) {
      star->qualifier.push_back(MakeIdentifier(Take()));
      Advance();  // '.'
    }
    Advance();  // '*'
    if (AcceptKeyword(Keyword::Exclude)) {
      if (Check(TokenKind::LParen, "'('")) {
        ASSIGN_OR_RETURN(star->exclude, ParseIdentifierList());
      } else {
        ASSIGN_OR_RETURN(Identifier col, ParseIdentifier("column name"));
        star->exclude.push_back(std::move(col));
      }
    }
    item.expr = std::move(star);
    return item;
  }
  ASSIGN_OR_RETURN(item.expr, ParseExpr());
  ASSIGN_OR_RETURN(item.alias, ParseSelectAlias());
  return item;
}

Result<std::optional<Identifier>> ParserImpl::ParseSelectAlias() {
  if (AcceptKeyword(Keyword::As)) {
    ASSIGN_OR_RETURN(Identifier alias, ParseAnyName("alias"));
    return std::optional<Identifier>(std::move(alias));
  }
  if (CurIsIdentifier()) return std::optional<Identifier>(MakeIdentifier(Take()));
  Expecting("alias");
  return std::optional<Identifier>();
}

Result<std::vector<Identifier>> ParserImpl::ParseIdentifierList() {
  RETURN_IF_ERROR(Expect(TokenKind::LParen, "'('"));
  std::vector<Identifier> ids;
  do {
    ASSIGN_OR_RETURN(Identifier id, ParseIdentifier("column name"));
    ids.push_back(std::move(id));
  } while (Accept(TokenKind::Comma, "','"));
  RETURN_IF_ERROR(Expect(TokenKind::RParen, "')'"));
  return ids;
}

Result<TableRefPtr> ParserImpl::ParseFrom() {
  DepthGuard guard(this);
  RETURN_IF_ERROR(EnterNesting());
  ASSIGN_OR_RETURN(TableRefPtr left, ParseJoinedTable());
  while (Accept(TokenKind::Comma, "','")) {
    RETURN_IF_ERROR(GrowHeight());
    auto join = std::make_unique<JoinTableRef>(left->pos);
    join->type = JoinType::Cross;
    join->comma = true;
    join->left = std::move(left);
    ASSIGN_OR_RETURN(join->right, ParseJoinedTable());
    left = std::move(join);
  }
  return left;
}

Result<TableRefPtr> ParserImpl::ParseJoinedTable() {
  DepthGuard guard(this);
  RETURN_IF_ERROR(EnterNesting());
  ASSIGN_OR_RETURN(TableRefPtr left, ParseTablePrimary());
  while (true) {
    JoinType type;
    if (AcceptKeyword(Keyword::Join)) {
      type = JoinType::Inner;
    } else if (AcceptKeyword(Keyword::Inner)) {
      type = JoinType::Inner;
      RETURN_IF_ERROR(ExpectKeyword(Keyword::Join));
    } else if (AcceptKeyword(Keyword::Cross)) {
      type = JoinType::Cross;
      RETURN_IF_ERROR(ExpectKeyword(Keyword::Join));
    } else if (CheckKeyword(Keyword::Left) || CheckKeyword(Keyword::Right) ||
               CheckKeyword(Keyword::Full)) {
      Keyword k = Take().keyword;
      type = k == Keyword::Left ? JoinType::Left
                                : (k == Keyword::Right ? JoinType::Right : JoinType::Full);
      AcceptKeyword(Keyword::Outer);
      RETURN_IF_ERROR(ExpectKeyword(Keyword::Join));
    } else {
      break;
    }
    RETURN_IF_ERROR(GrowHeight());
    auto join = std::make_unique<JoinTableRef>(left->pos);
    join->type = type;
    join->left = std::move(left);
    ASSIGN_OR_RETURN(join->right, ParseTablePrimary());
    if (type != JoinType::Cross) {
      if (AcceptKeyword(Keyword::On)) {
        ASSIGN_OR_RETURN(join->on, ParseExpr());
      } else if (AcceptKeyword(Keyword::Using)) {
        ASSIGN_OR_RETURN(join->using_columns, ParseIdentifierList());
      } else if (type != JoinType::Inner) {
        return Unexpected();
      }
    }
    left = std::move(join);
  }
  return left;
}

Result<TableRefPtr> ParserImpl::ParseTablePrimary() {
  SourcePos pos = Cur().pos;
  if (Accept(TokenKind::LParen, "'('")) {
    if (CurStartsQuery()) {
      auto sub = std::make_unique<SubqueryTableRef>(pos);
      ASSIGN_OR_RETURN(sub->query, ParseQuery());
      RETURN_IF_ERROR(Expect(TokenKind::RParen, "')'"));
      ASSIGN_OR_RETURN(sub->alias, ParseTableAlias());
      return TableRefPtr(std::move(sub));
    }
    ASSIGN_OR_RETURN(TableRefPtr inner, ParseFrom());
    RETURN_IF_ERROR(Expect(TokenKind::RParen, "')'"));
    return inner;
  }
  if (!CurIsIdentifier()) {
    Expecting("table name");
    Expecting("'('");
    return Unexpected();
  }
  if (Peek(1).kind == TokenKind::LParen) {
    auto fn = std::make_unique<TableFunctionRef>(pos);
    fn->name = MakeIdentifier(Take());
    Advance();  // '('
    if (!Check(TokenKind::RParen, "')'")) {
      ASSIGN_OR_RETURN(fn->args, ParseExprList());
    }
    RETURN_IF_ERROR(Expect(TokenKind::RParen, "')'"));
    ASSIGN_OR_RETURN(fn->alias, ParseTableAlias());
    return TableRefPtr(std::move(fn));
  }
  auto table = std::make_unique<BaseTableRef>(pos);
  ASSIGN_OR_RETURN(table->name, ParseTableName());
  ASSIGN_OR_RETURN(table->alias, ParseTableAlias());
  return TableRefPtr(std::move(table));
}

Result<std::optional<TableAlias>> ParserImpl::ParseTableAlias() {
  TableAlias alias;
  if (AcceptKeyword(Keyword::As)) {
    ASSIGN_OR_RETURN(alias.name, ParseAnyName("alias"));
  } else if (CurIsIdentifier()) {
    alias.name = MakeIdentifier(Take());
  } else {
    Expecting("alias");
    return std::optional<TableAlias>();
  }
  if (Check(TokenKind::LParen, "'('")) {
    ASSIGN_OR_RETURN(alias.columns, ParseIdentifierList());
  }
  return std::optional<TableAlias>(std::move(alias));
}

}  // namespace strata::sql
