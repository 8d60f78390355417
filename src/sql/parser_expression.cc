// Expressions: precedence climbing over the levels below, prefix operators, primaries.
//
//   1 OR   2 AND   3 NOT (prefix)   4 comparisons, IS, [NOT] BETWEEN / IN / LIKE / ILIKE
//   5 + - ||   6 * / % DIV   7 unary - +   8 ::   then primaries
// Binary operators are left-associative.
#include <charconv>
#include <limits>
#include <utility>

#include "sql/parser_impl.h"

namespace strata::sql {

namespace {

constexpr int kPrecOr = 1;
constexpr int kPrecAnd = 2;
constexpr int kPrecNot = 3;
constexpr int kPrecCompare = 4;
constexpr int kPrecAdd = 5;
constexpr int kPrecMul = 6;
constexpr int kPrecUnary = 7;
constexpr int kPrecCast = 8;

bool IsPredicateKeyword(Keyword k) {
  return k == Keyword::Between || k == Keyword::In || k == Keyword::Like || k == Keyword::Ilike;
}

// Folds a '-' into a numeric literal; false when `lit` is not numeric.
bool NegateLiteral(LiteralExpr& lit) {
  auto flip_text = [&lit] {
    if (!lit.text.empty() && lit.text[0] == '-') {
      lit.text.erase(0, 1);
    } else {
      lit.text.insert(0, "-");
    }
  };
  switch (lit.literal_kind) {
    case LiteralKind::Integer:
      if (lit.int_value == std::numeric_limits<int64_t>::min()) {
        lit.literal_kind = LiteralKind::Decimal;
        lit.text = "9223372036854775808";
      } else {
        lit.int_value = -lit.int_value;
      }
      return true;
    case LiteralKind::Decimal: {
      flip_text();
      int64_t v = 0;
      const char* end = lit.text.data() + lit.text.size();
      auto [ptr, ec] = std::from_chars(lit.text.data(), end, v);
      if (ec == std::errc() && ptr == end) {  // e.g. -9223372036854775808 fits again
        lit.literal_kind = LiteralKind::Integer;
        lit.int_value = v;
        lit.text.clear();
      }
      return true;
    }
    case LiteralKind::Float:
      flip_text();
      lit.float_value = -lit.float_value;
      return true;
    default:
      return false;
  }
}

}  // namespace

Result<ExprPtr> ParserImpl::ParseExpr(int min_precedence) {
  DepthGuard guard(this);
  RETURN_IF_ERROR(EnterNesting());
  ASSIGN_OR_RETURN(ExprPtr left, ParsePrefix());
  while (true) {
    const Token& t = Cur();
    int prec = 0;
    BinaryOp op = BinaryOp::Eq;
    bool predicate = false;
    switch (t.kind) {
      case TokenKind::Word:
        switch (t.keyword) {
          case Keyword::Or:
            prec = kPrecOr, op = BinaryOp::Or;
            break;
          case Keyword::And:
            prec = kPrecAnd, op = BinaryOp::And;
            break;
          case Keyword::Div:
            prec = kPrecMul, op = BinaryOp::IntDiv;
            break;
          case Keyword::Is:
          case Keyword::Between:
          case Keyword::In:
          case Keyword::Like:
          case Keyword::Ilike:
            prec = kPrecCompare, predicate = true;
            break;
          case Keyword::Not:
            if (Peek(1).kind == TokenKind::Word && IsPredicateKeyword(Peek(1).keyword)) {
              prec = kPrecCompare, predicate = true;
            }
            break;
          default:
            break;
        }
        break;
      case TokenKind::Eq:
        prec = kPrecCompare, op = BinaryOp::Eq;
        break;
      case TokenKind::NotEq:
        prec = kPrecCompare, op = BinaryOp::NotEq;
        break;
      case TokenKind::Lt:
        prec = kPrecCompare, op = BinaryOp::Lt;
        break;
      case TokenKind::LtEq:
        prec = kPrecCompare, op = BinaryOp::LtEq;
        break;
      case TokenKind::Gt:
        prec = kPrecCompare, op = BinaryOp::Gt;
        break;
      case TokenKind::GtEq:
        prec = kPrecCompare, op = BinaryOp::GtEq;
        break;
      case TokenKind::Plus:
        prec = kPrecAdd, op = BinaryOp::Plus;
        break;
      case TokenKind::Minus:
        prec = kPrecAdd, op = BinaryOp::Minus;
        break;
      case TokenKind::Concat:
        prec = kPrecAdd, op = BinaryOp::Concat;
        break;
      case TokenKind::Star:
        prec = kPrecMul, op = BinaryOp::Mul;
        break;
      case TokenKind::Slash:
        prec = kPrecMul, op = BinaryOp::Div;
        break;
      case TokenKind::Percent:
        prec = kPrecMul, op = BinaryOp::Mod;
        break;
      case TokenKind::DoubleColon:
        prec = kPrecCast;
        break;
      default:
        break;
    }
    if (prec == 0 || prec <= min_precedence) break;
    RETURN_IF_ERROR(GrowHeight());
    if (predicate) {
      ASSIGN_OR_RETURN(left, ParsePredicateTail(std::move(left)));
      continue;
    }
    if (t.kind == TokenKind::DoubleColon) {
      Advance();
      auto cast = std::make_unique<CastExpr>(left->pos);
      cast->style = CastStyle::DoubleColon;
      cast->operand = std::move(left);
      ASSIGN_OR_RETURN(cast->type, ParseTypeName());
      left = std::move(cast);
      continue;
    }
    Advance();
    auto bin = std::make_unique<BinaryExpr>(left->pos);
    bin->op = op;
    bin->left = std::move(left);
    ASSIGN_OR_RETURN(bin->right, ParseExpr(prec));
    left = std::move(bin);
  }
  return left;
}

Result<ExprPtr> ParserImpl::ParsePredicateTail(ExprPtr left) {
  SourcePos pos = left->pos;
  if (AcceptKeyword(Keyword::Is)) {
    bool negated = AcceptKeyword(Keyword::Not);
    if (AcceptKeyword(Keyword::Null)) {
      auto e = std::make_unique<IsNullExpr>(pos);
      e->operand = std::move(left);
      e->negated = negated;
      return ExprPtr(std::move(e));
    }
    if (AcceptKeyword(Keyword::Distinct)) {
      RETURN_IF_ERROR(ExpectKeyword(Keyword::From));
      auto e = std::make_unique<BinaryExpr>(pos);
      e->op = negated ? BinaryOp::IsNotDistinctFrom : BinaryOp::IsDistinctFrom;
      e->left = std::move(left);
      ASSIGN_OR_RETURN(e->right, ParseExpr(kPrecCompare));
      return ExprPtr(std::move(e));
    }
    return Unexpected();
  }
  bool negated = AcceptKeyword(Keyword::Not);
  if (AcceptKeyword(Keyword::Between)) {
    auto e = std::make_unique<BetweenExpr>(pos);
    e->operand = std::move(left);
    e->negated = negated;
    ASSIGN_OR_RETURN(e->low, ParseExpr(kPrecCompare));
    RETURN_IF_ERROR(ExpectKeyword(Keyword::And));
    ASSIGN_OR_RETURN(e->high, ParseExpr(kPrecCompare));
    return ExprPtr(std::move(e));
  }
  if (AcceptKeyword(Keyword::In)) {
    RETURN_IF_ERROR(Expect(TokenKind::LParen, "'('"));
    if (CurStartsQuery()) {
      auto e = std::make_unique<InSubqueryExpr>(pos);
      e->operand = std::move(left);
      e->negated = negated;
      ASSIGN_OR_RETURN(e->query, ParseQuery());
      RETURN_IF_ERROR(Expect(TokenKind::RParen, "')'"));
      return ExprPtr(std::move(e));
    }
    auto e = std::make_unique<InListExpr>(pos);
    e->operand = std::move(left);
    e->negated = negated;
    ASSIGN_OR_RETURN(e->list, ParseExprList());
    RETURN_IF_ERROR(Expect(TokenKind::RParen, "')'"));
    return ExprPtr(std::move(e));
  }
  bool ilike = CurIsKeyword(Keyword::Ilike);
  if (AcceptKeyword(Keyword::Like) || AcceptKeyword(Keyword::Ilike)) {
    auto e = std::make_unique<BinaryExpr>(pos);
    e->op = ilike ? (negated ? BinaryOp::NotILike : BinaryOp::ILike)
                  : (negated ? BinaryOp::NotLike : BinaryOp::Like);
    e->left = std::move(left);
    ASSIGN_OR_RETURN(e->right, ParseExpr(kPrecCompare));
    return ExprPtr(std::move(e));
  }
  return Unexpected();
}

Result<ExprPtr> ParserImpl::ParsePrefix() {
  const Token& t = Cur();
  SourcePos pos = t.pos;
  if (t.IsKeyword(Keyword::Not)) {
    Advance();
    auto e = std::make_unique<UnaryExpr>(pos);
    e->op = UnaryOp::Not;
    ASSIGN_OR_RETURN(e->operand, ParseExpr(kPrecNot));
    return ExprPtr(std::move(e));
  }
  if (t.kind == TokenKind::Minus || t.kind == TokenKind::Plus) {
    bool minus = t.kind == TokenKind::Minus;
    Advance();
    ASSIGN_OR_RETURN(ExprPtr operand, ParseExpr(kPrecUnary));
    if (operand->kind == ExprKind::Literal) {
      auto& lit = operand->As<LiteralExpr>();
      bool numeric = lit.literal_kind == LiteralKind::Integer ||
                     lit.literal_kind == LiteralKind::Decimal ||
                     lit.literal_kind == LiteralKind::Float;
      if (numeric && (!minus || NegateLiteral(lit))) {
        lit.pos = pos;
        return operand;
      }
    }
    auto e = std::make_unique<UnaryExpr>(pos);
    e->op = minus ? UnaryOp::Minus : UnaryOp::Plus;
    e->operand = std::move(operand);
    return ExprPtr(std::move(e));
  }
  return ParsePrimary();
}

Result<ExprPtr> ParserImpl::ParsePrimary() {
  const Token& t = Cur();
  SourcePos pos = t.pos;
  switch (t.kind) {
    case TokenKind::Integer:
    case TokenKind::Decimal:
    case TokenKind::Float:
      return ParseNumber();
    case TokenKind::String: {
      auto lit = std::make_unique<LiteralExpr>(pos);
      lit->literal_kind = LiteralKind::String;
      lit->text = Take().value;
      return ExprPtr(std::move(lit));
    }
    case TokenKind::LParen: {
      Advance();
      if (CurStartsQuery()) {
        auto e = std::make_unique<SubqueryExpr>(pos);
        ASSIGN_OR_RETURN(e->query, ParseQuery());
        RETURN_IF_ERROR(Expect(TokenKind::RParen, "')'"));
        return ExprPtr(std::move(e));
      }
      ASSIGN_OR_RETURN(ExprPtr inner, ParseExpr());
      RETURN_IF_ERROR(Expect(TokenKind::RParen, "')'"));
      return inner;
    }
    case TokenKind::QuotedIdent:
      return ParseColumnRef();
    case TokenKind::Word: {
      switch (t.keyword) {
        case Keyword::True:
        case Keyword::False: {
          auto lit = std::make_unique<LiteralExpr>(pos);
          lit->literal_kind = LiteralKind::Boolean;
          lit->bool_value = t.keyword == Keyword::True;
          Advance();
          return ExprPtr(std::move(lit));
        }
        case Keyword::Null: {
          Advance();
          return ExprPtr(std::make_unique<LiteralExpr>(pos));
        }
        case Keyword::Case:
          return ParseCase();
        case Keyword::Cast:
          return ParseCast(CastStyle::Cast);
        case Keyword::TryCast:
          return ParseCast(CastStyle::TryCast);
        case Keyword::Exists: {
          Advance();
          RETURN_IF_ERROR(Expect(TokenKind::LParen, "'('"));
          if (!CurStartsQuery()) return Unexpected();
          auto e = std::make_unique<ExistsExpr>(pos);
          ASSIGN_OR_RETURN(e->query, ParseQuery());
          RETURN_IF_ERROR(Expect(TokenKind::RParen, "')'"));
          return ExprPtr(std::move(e));
        }
        case Keyword::Date:
        case Keyword::Timestamp:
          if (Peek(1).kind == TokenKind::String) {
            auto cast = std::make_unique<CastExpr>(pos);
            cast->style = CastStyle::TypedLiteral;
            cast->type.pos = pos;
            cast->type.text = std::string(t.text);
            cast->type.type =
                DataType(t.keyword == Keyword::Date ? TypeId::Date : TypeId::Timestamp);
            Advance();
            auto lit = std::make_unique<LiteralExpr>(Cur().pos);
            lit->literal_kind = LiteralKind::String;
            lit->text = Take().value;
            cast->operand = std::move(lit);
            return ExprPtr(std::move(cast));
          }
          break;
        default:
          break;
      }
      bool callable = !IsReservedKeyword(t.keyword) || t.keyword == Keyword::Left ||
                      t.keyword == Keyword::Right;
      if (callable && Peek(1).kind == TokenKind::LParen) return ParseFunctionCall();
      if (!IsReservedKeyword(t.keyword)) return ParseColumnRef();
      break;
    }
    default:
      break;
  }
  Expecting("expression");
  return Unexpected();
}

Result<ExprPtr> ParserImpl::ParseNumber() {
  Token t = Take();
  auto lit = std::make_unique<LiteralExpr>(t.pos);
  std::string_view text = t.text;
  const char* end = text.data() + text.size();
  if (t.kind == TokenKind::Integer) {
    int64_t v = 0;
    auto [ptr, ec] = std::from_chars(text.data(), end, v);
    if (ec == std::errc() && ptr == end) {
      lit->literal_kind = LiteralKind::Integer;
      lit->int_value = v;
    } else {
      lit->literal_kind = LiteralKind::Decimal;
      lit->text = std::string(text);
    }
  } else if (t.kind == TokenKind::Decimal) {
    lit->literal_kind = LiteralKind::Decimal;
    lit->text = std::string(text);
    if (lit->text.front() == '.') lit->text.insert(0, "0");
    if (lit->text.back() == '.') lit->text.pop_back();
  } else {
    double v = 0;
    auto [ptr, ec] = std::from_chars(text.data(), end, v);
    if (ec != std::errc() || ptr != end) return ErrorAt(t.pos, "number out of range");
    lit->literal_kind = LiteralKind::Float;
    lit->float_value = v;
    lit->text = std::string(text);
  }
  return ExprPtr(std::move(lit));
}

Result<ExprPtr> ParserImpl::ParseCase() {
  auto e = std::make_unique<CaseExpr>(Take().pos);
  if (!CheckKeyword(Keyword::When)) {
    ASSIGN_OR_RETURN(e->operand, ParseExpr());
  }
  while (AcceptKeyword(Keyword::When)) {
    WhenClause clause;
    ASSIGN_OR_RETURN(clause.condition, ParseExpr());
    RETURN_IF_ERROR(ExpectKeyword(Keyword::Then));
    ASSIGN_OR_RETURN(clause.result, ParseExpr());
    e->when_clauses.push_back(std::move(clause));
  }
  if (e->when_clauses.empty()) return Unexpected();
  if (AcceptKeyword(Keyword::Else)) {
    ASSIGN_OR_RETURN(e->else_result, ParseExpr());
  }
  RETURN_IF_ERROR(ExpectKeyword(Keyword::End));
  return ExprPtr(std::move(e));
}

Result<ExprPtr> ParserImpl::ParseCast(CastStyle style) {
  auto e = std::make_unique<CastExpr>(Take().pos);
  e->style = style;
  RETURN_IF_ERROR(Expect(TokenKind::LParen, "'('"));
  ASSIGN_OR_RETURN(e->operand, ParseExpr());
  RETURN_IF_ERROR(ExpectKeyword(Keyword::As));
  ASSIGN_OR_RETURN(e->type, ParseTypeName());
  RETURN_IF_ERROR(Expect(TokenKind::RParen, "')'"));
  return ExprPtr(std::move(e));
}

Result<ExprPtr> ParserImpl::ParseFunctionCall() {
  Token name = Take();
  auto e = std::make_unique<FunctionCallExpr>(name.pos);
  e->name = MakeIdentifier(name);
  RETURN_IF_ERROR(Expect(TokenKind::LParen, "'('"));
  if (Accept(TokenKind::Star, "'*'")) {
    e->star = true;
  } else if (!Check(TokenKind::RParen, "')'")) {
    if (AcceptKeyword(Keyword::Distinct)) {
      e->distinct = true;
    } else {
      AcceptKeyword(Keyword::All);
    }
    ASSIGN_OR_RETURN(e->args, ParseExprList());
  }
  RETURN_IF_ERROR(Expect(TokenKind::RParen, "')'"));
  return ExprPtr(std::move(e));
}

Result<ExprPtr> ParserImpl::ParseColumnRef() {
  auto e = std::make_unique<ColumnRefExpr>(Cur().pos);
  ASSIGN_OR_RETURN(Identifier first, ParseIdentifier("column name"));
  e->parts.push_back(std::move(first));
  while (Accept(TokenKind::Dot, "'.'")) {
    if (e->parts.size() == 3) return ErrorAt(e->pos, "column reference has too many parts");
    ASSIGN_OR_RETURN(Identifier part, ParseAnyName("column name"));
    e->parts.push_back(std::move(part));
  }
  return ExprPtr(std::move(e));
}

Result<std::vector<ExprPtr>> ParserImpl::ParseExprList() {
  std::vector<ExprPtr> list;
  do {
    ASSIGN_OR_RETURN(ExprPtr e, ParseExpr());
    list.push_back(std::move(e));
  } while (Accept(TokenKind::Comma, "','"));
  return list;
}

}  // namespace strata::sql
