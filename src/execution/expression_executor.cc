#include "execution/expression_executor.h"

#include <cstring>
#include <numeric>

#include "execution/cast.h"
#include "execution/kernel_loops.h"

namespace strata {

namespace {

// A BOOLEAN operand read for three-valued logic.
struct BoolView {
  const uint8_t* values = nullptr;
  const uint8_t* valid = nullptr;  // nullptr: no NULLs
  bool is_const = false;
  bool all_null = false;

  explicit BoolView(const Operand& op) : is_const(op.is_const), all_null(op.AllNull()) {
    if (!all_null) {
      values = op.Data<uint8_t>();
      valid = op.column->Validity();
    }
  }
  uint8_t IsTrue(size_t i) const {
    if (all_null) return 0;
    size_t r = is_const ? 0 : i;
    return (valid == nullptr || valid[r]) && values[r];
  }
  uint8_t IsFalse(size_t i) const {
    if (all_null) return 0;
    size_t r = is_const ? 0 : i;
    return (valid == nullptr || valid[r]) && !values[r];
  }
};

void CollectColumns(const Expr& e, std::vector<bool>* used) {
  if (e.kind == ExprKind::kColumnRef && e.column_index < used->size()) {
    (*used)[e.column_index] = true;
  }
  for (const ExprPtr& c : e.children) CollectColumns(*c, used);
}

// A boolean result column with optional validity (empty = no NULLs).
Operand BoolResult(std::vector<uint8_t>&& values, std::vector<uint8_t>&& validity, size_t rows,
                   bool is_const) {
  auto col = NewFixedColumn(DataType(TypeId::Boolean), rows);
  if (rows > 0) std::memcpy(col->Data<uint8_t>(), values.data(), rows);
  col->CompactValidity();
  if (!validity.empty() && std::find(validity.begin(), validity.end(), 0) != validity.end()) {
    ApplyValidity(col.get(), validity);
  }
  return Operand{std::move(col), is_const};
}

// Rows of the output produced by one CASE branch / COALESCE argument.
struct Piece {
  Operand value;
  std::vector<uint32_t> out_rows;  // where the rows go in the result
  std::vector<uint32_t> src_rows;  // where they come from in `value` (empty: 0, 1, 2, ...)
};

std::vector<uint32_t> AllRows(size_t n) {
  std::vector<uint32_t> rows(n);
  std::iota(rows.begin(), rows.end(), 0u);
  return rows;
}

ColumnPtr Assemble(const DataType& type, size_t n, const std::vector<Piece>& pieces) {
  if (type.id == TypeId::Null) return MakeNullColumn(type, n);
  auto src_of = [](const Piece& p, size_t k) -> size_t {
    if (p.value.is_const) return 0;
    return p.src_rows.empty() ? k : p.src_rows[k];
  };
  if (!type.IsVariableWidth()) {
    auto out = NewFixedColumn(type, n);
    size_t width = type.FixedWidth();
    uint8_t* dst = out->Data<uint8_t>();
    std::vector<uint8_t> validity(n, 0);
    for (const Piece& p : pieces) {
      const Column& src = *p.value.column;
      const uint8_t* data = src.Data<uint8_t>();
      for (size_t k = 0; k < p.out_rows.size(); ++k) {
        size_t s = src_of(p, k);
        uint32_t d = p.out_rows[k];
        std::memcpy(dst + size_t{d} * width, data + s * width, width);
        validity[d] = src.IsNull(s) ? 0 : 1;
      }
    }
    ApplyValidity(out.get(), validity);
    out->CompactValidity();
    return out;
  }
  std::vector<int32_t> piece_of(n, -1);
  std::vector<uint32_t> pos(n, 0);
  for (size_t pi = 0; pi < pieces.size(); ++pi) {
    const Piece& p = pieces[pi];
    for (size_t k = 0; k < p.out_rows.size(); ++k) {
      piece_of[p.out_rows[k]] = static_cast<int32_t>(pi);
      pos[p.out_rows[k]] = static_cast<uint32_t>(src_of(p, k));
    }
  }
  auto out = MakeColumn(type);
  out->Reserve(n);
  for (size_t i = 0; i < n; ++i) {
    if (piece_of[i] < 0) {
      out->AppendNull();
    } else {
      out->AppendFrom(*pieces[piece_of[i]].value.column, pos[i]);
    }
  }
  return out;
}

}  // namespace

Result<ColumnPtr> ExpressionExecutor::Evaluate(const Expr& e, const Chunk& chunk) const {
  ASSIGN_OR_RETURN(Operand op, Eval(e, chunk));
  return Materialize(op, chunk.num_rows());
}

Result<Operand> ExpressionExecutor::EvaluateOperand(const Expr& e, const Chunk& chunk) const {
  return Eval(e, chunk);
}

Status ExpressionExecutor::Select(const Expr& predicate, const Chunk& chunk,
                                  std::vector<uint32_t>* sel) const {
  ASSIGN_OR_RETURN(Operand p, Eval(predicate, chunk));
  size_t n = chunk.num_rows();
  sel->clear();
  if (p.AllNull()) return Status::OK();
  if (p.type().id != TypeId::Boolean) {
    return Error(ErrorCode::Internal, "filter predicate is not BOOLEAN: " + predicate.ToString());
  }
  if (p.is_const) {
    if (p.Data<uint8_t>()[0]) *sel = AllRows(n);
    return Status::OK();
  }
  sel->resize(n);
  uint32_t* out = sel->data();
  const uint8_t* v = p.Data<uint8_t>();
  const uint8_t* valid = p.column->Validity();
  size_t k = 0;
  if (valid == nullptr) {
    for (size_t i = 0; i < n; ++i) {
      out[k] = static_cast<uint32_t>(i);
      k += v[i] != 0;
    }
  } else {
    for (size_t i = 0; i < n; ++i) {
      out[k] = static_cast<uint32_t>(i);
      k += (v[i] & valid[i]) != 0;
    }
  }
  sel->resize(k);
  return Status::OK();
}

Result<Operand> ExpressionExecutor::Eval(const Expr& e, const Chunk& chunk) const {
  switch (e.kind) {
    case ExprKind::kColumnRef:
      if (e.column_index >= chunk.num_columns() || !chunk.column(e.column_index)) {
        return Error(ErrorCode::Internal,
                     "column #" + std::to_string(e.column_index) + " is not in the input");
      }
      return Operand::Full(chunk.column(e.column_index));
    case ExprKind::kConstant:
      return Operand::Const(e.constant);
    case ExprKind::kCast: {
      ASSIGN_OR_RETURN(Operand child, Eval(*e.children[0], chunk));
      return CastOperand(child, e.type, e.try_cast);
    }
    case ExprKind::kFunction:
      return EvalFunction(e, chunk);
    case ExprKind::kAnd:
    case ExprKind::kOr:
      return EvalLogic(e, chunk);
    case ExprKind::kNot:
      return EvalNot(e, chunk);
    case ExprKind::kIsNull:
      return EvalIsNull(e, chunk);
    case ExprKind::kIn:
      return EvalIn(e, chunk);
    case ExprKind::kLike:
      return EvalLike(e, chunk);
    case ExprKind::kCase:
      return EvalCase(e, chunk);
    case ExprKind::kCoalesce:
      return EvalCoalesce(e, chunk);
  }
  return Error(ErrorCode::Internal, "unknown expression kind");
}

Result<Operand> ExpressionExecutor::EvalOnRows(const Expr& e, const Chunk& chunk,
                                               const std::vector<uint32_t>& sel) const {
  if (sel.size() == chunk.num_rows()) return Eval(e, chunk);  // callers pass sorted, unique rows
  std::vector<bool> used(chunk.num_columns(), false);
  CollectColumns(e, &used);
  std::vector<ColumnPtr> cols(chunk.num_columns());
  for (size_t i = 0; i < cols.size(); ++i) {
    if (used[i]) cols[i] = chunk.column(i)->Gather(sel.data(), sel.size());
  }
  return Eval(e, Chunk(std::move(cols), sel.size()));
}

Result<Operand> ExpressionExecutor::EvalFunction(const Expr& e, const Chunk& chunk) const {
  const ScalarFunction& fn = *e.function;
  std::vector<Operand> args;
  args.reserve(e.children.size());
  bool all_const = true;
  for (const ExprPtr& c : e.children) {
    ASSIGN_OR_RETURN(Operand op, Eval(*c, chunk));
    all_const &= op.is_const;
    args.push_back(std::move(op));
  }
  size_t rows = all_const ? 1 : chunk.num_rows();
  std::vector<uint8_t> validity;
  if (fn.nulls == NullHandling::kPropagate) {
    for (const Operand& a : args) {
      if (a.AllNull()) return Operand::Const(MakeNullColumn(e.type, 1));
    }
    CombineValidity(args, rows, &validity);
  }
  KernelInput in{args, rows, validity.empty() ? nullptr : validity.data(), ctx_};
  ASSIGN_OR_RETURN(ColumnPtr out, fn.kernel(fn, in));
  if (!out || out->size() != rows || out->type() != e.type) {
    return Error(ErrorCode::Internal, "function " + fn.name + " returned a malformed column");
  }
  // A kernel may hand back its (single) argument unchanged; that column already carries the
  // right validity and is shared, so it must not be written to.
  bool is_arg = false;
  for (const Operand& a : args) is_arg |= a.column == out;
  if (!validity.empty() && !is_arg) ApplyValidity(out.get(), validity);
  return Operand{std::move(out), all_const};
}

Result<Operand> ExpressionExecutor::EvalLogic(const Expr& e, const Chunk& chunk) const {
  ASSIGN_OR_RETURN(Operand a, Eval(*e.children[0], chunk));
  ASSIGN_OR_RETURN(Operand b, Eval(*e.children[1], chunk));
  bool is_const = a.is_const && b.is_const;
  size_t n = is_const ? 1 : chunk.num_rows();
  BoolView va(a), vb(b);
  std::vector<uint8_t> values(n), validity(n);
  if (e.kind == ExprKind::kAnd) {
    for (size_t i = 0; i < n; ++i) {
      uint8_t t = va.IsTrue(i) & vb.IsTrue(i);
      values[i] = t;
      validity[i] = t | va.IsFalse(i) | vb.IsFalse(i);
    }
  } else {
    for (size_t i = 0; i < n; ++i) {
      uint8_t t = va.IsTrue(i) | vb.IsTrue(i);
      values[i] = t;
      validity[i] = t | (va.IsFalse(i) & vb.IsFalse(i));
    }
  }
  return BoolResult(std::move(values), std::move(validity), n, is_const);
}

Result<Operand> ExpressionExecutor::EvalNot(const Expr& e, const Chunk& chunk) const {
  ASSIGN_OR_RETURN(Operand a, Eval(*e.children[0], chunk));
  if (a.AllNull()) return Operand::Const(MakeNullColumn(e.type, 1));
  size_t n = a.is_const ? 1 : chunk.num_rows();
  auto col = UnaryMap<uint8_t, uint8_t>(a, e.type, n, [](uint8_t v) { return v ? 0 : 1; });
  if (const uint8_t* valid = a.column->Validity()) {
    std::memcpy(col->MutableValidity(), valid, n);
  }
  return Operand{std::move(col), a.is_const};
}

Result<Operand> ExpressionExecutor::EvalIsNull(const Expr& e, const Chunk& chunk) const {
  ASSIGN_OR_RETURN(Operand a, Eval(*e.children[0], chunk));
  size_t n = a.is_const ? 1 : chunk.num_rows();
  bool is_not = e.negated;
  auto col = NewFixedColumn(e.type, n);
  uint8_t* o = col->Data<uint8_t>();
  if (a.AllNull()) {
    std::memset(o, is_not ? 0 : 1, n);
  } else if (const uint8_t* valid = a.column->Validity()) {
    for (size_t i = 0; i < n; ++i) o[i] = is_not ? valid[i] : !valid[i];
  } else {
    std::memset(o, is_not ? 1 : 0, n);
  }
  return Operand{std::move(col), a.is_const};
}

Result<Operand> ExpressionExecutor::EvalIn(const Expr& e, const Chunk& chunk) const {
  ASSIGN_OR_RETURN(Operand x, Eval(*e.children[0], chunk));
  if (x.AllNull()) return Operand::Const(MakeNullColumn(e.type, 1));
  size_t n = x.is_const ? 1 : chunk.num_rows();
  std::vector<uint8_t> found(n), validity(n);
  e.in_set->Probe(x, n, found.data());
  bool has_null = e.in_set->has_null();
  const uint8_t* xv = x.column->Validity();
  for (size_t i = 0; i < n; ++i) {
    uint8_t valid = (xv == nullptr || xv[i]) && (found[i] || !has_null);
    validity[i] = valid;
    found[i] = e.negated ? !found[i] : found[i];
  }
  return BoolResult(std::move(found), std::move(validity), n, x.is_const);
}

Result<Operand> ExpressionExecutor::EvalLike(const Expr& e, const Chunk& chunk) const {
  ASSIGN_OR_RETURN(Operand x, Eval(*e.children[0], chunk));
  ASSIGN_OR_RETURN(Operand p, Eval(*e.children[1], chunk));
  if (x.AllNull() || p.AllNull()) return Operand::Const(MakeNullColumn(e.type, 1));
  bool is_const = x.is_const && p.is_const;
  size_t n = is_const ? 1 : chunk.num_rows();
  std::vector<uint8_t> values(n), validity;
  CombineValidity({x, p}, n, &validity);
  uint8_t flip = e.negated ? 1 : 0;
  if (e.like) {
    for (size_t i = 0; i < n; ++i) values[i] = e.like->Matches(StringAt(x, i)) ^ flip;
  } else {
    std::string last_pattern;
    std::unique_ptr<LikeMatcher> matcher;
    for (size_t i = 0; i < n; ++i) {
      if (!validity.empty() && !validity[i]) continue;
      std::string_view pat = StringAt(p, i);
      if (!matcher || pat != last_pattern) {
        last_pattern.assign(pat);
        matcher = std::make_unique<LikeMatcher>(pat, e.escape);
      }
      values[i] = matcher->Matches(StringAt(x, i)) ^ flip;
    }
  }
  return BoolResult(std::move(values), std::move(validity), n, is_const);
}

Result<Operand> ExpressionExecutor::EvalCase(const Expr& e, const Chunk& chunk) const {
  size_t n = chunk.num_rows();
  std::vector<Piece> pieces;
  std::vector<uint32_t> remaining = AllRows(n);
  size_t nwhen = (e.children.size() - 1) / 2;
  for (size_t w = 0; w < nwhen && !remaining.empty(); ++w) {
    ASSIGN_OR_RETURN(Operand cond, EvalOnRows(*e.children[2 * w], chunk, remaining));
    BoolView cv(cond);
    std::vector<uint32_t> taken, rest;
    for (size_t k = 0; k < remaining.size(); ++k) {
      (cv.IsTrue(k) ? taken : rest).push_back(remaining[k]);
    }
    if (!taken.empty()) {
      ASSIGN_OR_RETURN(Operand val, EvalOnRows(*e.children[2 * w + 1], chunk, taken));
      pieces.push_back(Piece{std::move(val), std::move(taken), {}});
    }
    remaining = std::move(rest);
  }
  if (!remaining.empty()) {
    ASSIGN_OR_RETURN(Operand val, EvalOnRows(*e.children.back(), chunk, remaining));
    pieces.push_back(Piece{std::move(val), std::move(remaining), {}});
  }
  if (pieces.size() == 1 && pieces[0].out_rows.size() == n) return pieces[0].value;
  return Operand::Full(Assemble(e.type, n, pieces));
}

Result<Operand> ExpressionExecutor::EvalCoalesce(const Expr& e, const Chunk& chunk) const {
  size_t n = chunk.num_rows();
  std::vector<Piece> pieces;
  std::vector<uint32_t> remaining = AllRows(n);
  for (size_t a = 0; a < e.children.size() && !remaining.empty(); ++a) {
    ASSIGN_OR_RETURN(Operand val, EvalOnRows(*e.children[a], chunk, remaining));
    if (a + 1 == e.children.size()) {
      pieces.push_back(Piece{std::move(val), std::move(remaining), {}});
      remaining.clear();
      break;
    }
    if (val.AllNull()) continue;
    Piece piece{val, {}, {}};
    std::vector<uint32_t> rest;
    for (size_t k = 0; k < remaining.size(); ++k) {
      if (val.IsNullAt(k)) {
        rest.push_back(remaining[k]);
      } else {
        piece.out_rows.push_back(remaining[k]);
        piece.src_rows.push_back(static_cast<uint32_t>(k));
      }
    }
    if (!piece.out_rows.empty()) pieces.push_back(std::move(piece));
    remaining = std::move(rest);
  }
  if (pieces.size() == 1 && pieces[0].out_rows.size() == n &&
      (pieces[0].src_rows.empty() || pieces[0].value.is_const)) {
    return pieces[0].value;
  }
  if (pieces.size() == 1 && pieces[0].out_rows.size() == n && !pieces[0].value.is_const) {
    // Every row came from one argument, in order.
    bool identity = true;
    for (size_t k = 0; k < n && identity; ++k) identity = pieces[0].src_rows[k] == k;
    if (identity) return pieces[0].value;
  }
  return Operand::Full(Assemble(e.type, n, pieces));
}

Result<ColumnPtr> EvaluateExpr(const Expr& e, const Chunk& chunk, const FunctionContext& ctx) {
  return ExpressionExecutor(ctx).Evaluate(e, chunk);
}

Result<Value> EvaluateConstant(const Expr& e, const FunctionContext& ctx) {
  Chunk one({}, 1);
  ASSIGN_OR_RETURN(Operand op, ExpressionExecutor(ctx).EvaluateOperand(e, one));
  Value v = op.column->GetValue(0);
  if (v.is_null()) return Value::Null(e.type);
  return v;
}

}  // namespace strata
