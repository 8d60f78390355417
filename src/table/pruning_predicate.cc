#include "table/pruning_predicate.h"

namespace strata {

namespace {

using Op = PruningPredicate::Op;

bool TypesMatch(const std::vector<Value>& values, const DataType& type) {
  for (const Value& v : values) {
    if (!v.is_null() && v.type() != type) return false;
  }
  return true;
}

// Whether one term may hold for some row of data with statistics `s` over `rows` rows.
bool TermMayMatch(const PruningPredicate::Term& t, const DataType& type, const ColumnStats& s,
                  uint64_t rows) {
  if (rows == 0) return false;
  if (t.op == Op::kIsNull) return s.null_count > 0;
  if (t.op == Op::kIsNotNull) return s.null_count < rows;
  // Every other operator is a comparison, which no NULL row satisfies.
  if (s.null_count >= rows) return false;
  if (!TypesMatch(t.values, type)) return true;
  bool min_known = !IsUnknownBound(s.min, s.null_count, rows);
  bool max_known = !IsUnknownBound(s.max, s.null_count, rows);
  // Both helpers answer "may some value x in [min, max] relate to v this way".
  auto may_be_ge = [&](const Value& v) { return !max_known || s.max.Compare(v) >= 0; };
  auto may_be_gt = [&](const Value& v) { return !max_known || s.max.Compare(v) > 0; };
  auto may_be_le = [&](const Value& v) { return !min_known || s.min.Compare(v) <= 0; };
  auto may_be_lt = [&](const Value& v) { return !min_known || s.min.Compare(v) < 0; };
  auto unusable = [](const Value& v) {
    // NaN constants order unlike the statistics' numbers: never prune on them.
    return v.type().IsFloat() && v.GetDouble() != v.GetDouble();
  };
  auto may_equal = [&](const Value& v) {
    if (v.is_null()) return false;
    if (unusable(v)) return true;
    return may_be_ge(v) && may_be_le(v);
  };
  switch (t.op) {
    case Op::kEq:
      return t.values.size() != 1 || may_equal(t.values[0]);
    case Op::kIn:
      for (const Value& v : t.values) {
        if (may_equal(v)) return true;
      }
      return false;
    case Op::kLt:
    case Op::kLe:
    case Op::kGt:
    case Op::kGe: {
      if (t.values.size() != 1) return true;
      const Value& v = t.values[0];
      if (v.is_null()) return false;
      if (unusable(v)) return true;
      if (t.op == Op::kLt) return may_be_lt(v);
      if (t.op == Op::kLe) return may_be_le(v);
      if (t.op == Op::kGt) return may_be_gt(v);
      return may_be_ge(v);
    }
    case Op::kBetween: {
      if (t.values.size() != 2) return true;
      const Value& lo = t.values[0];
      const Value& hi = t.values[1];
      if (lo.is_null() || hi.is_null()) return false;
      if (unusable(lo) || unusable(hi)) return true;
      return may_be_ge(lo) && may_be_le(hi);
    }
    case Op::kIsNull:
    case Op::kIsNotNull:
      break;
  }
  return true;
}

const char* OpText(Op op) {
  switch (op) {
    case Op::kEq:
      return "=";
    case Op::kLt:
      return "<";
    case Op::kLe:
      return "<=";
    case Op::kGt:
      return ">";
    case Op::kGe:
      return ">=";
    case Op::kIsNull:
      return "IS NULL";
    case Op::kIsNotNull:
      return "IS NOT NULL";
    case Op::kBetween:
      return "BETWEEN";
    case Op::kIn:
      return "IN";
  }
  return "?";
}

}  // namespace

PruningPredicate& PruningPredicate::Add(std::string column, Op op, std::vector<Value> values) {
  terms.push_back(Term{std::move(column), op, std::move(values)});
  return *this;
}

bool PruningPredicate::MayMatch(const Schema& schema, const std::vector<ColumnStats>& stats,
                                uint64_t rows) const {
  if (rows == 0) return false;
  for (const Term& t : terms) {
    for (size_t i = 0; i < schema.size() && i < stats.size(); ++i) {
      if (schema[i].name != t.column) continue;
      if (!TermMayMatch(t, schema[i].type, stats[i], rows)) return false;
      break;
    }
  }
  return true;
}

std::string PruningPredicate::ToString() const {
  std::string out;
  for (const Term& t : terms) {
    if (!out.empty()) out += " AND ";
    out += t.column + " " + OpText(t.op);
    if (t.op == Op::kBetween && t.values.size() == 2) {
      out += " " + t.values[0].ToString() + " AND " + t.values[1].ToString();
    } else if (t.op == Op::kIn) {
      out += " (";
      for (size_t i = 0; i < t.values.size(); ++i) {
        out += (i ? ", " : "") + t.values[i].ToString();
      }
      out += ")";
    } else if (!t.values.empty()) {
      out += " " + t.values[0].ToString();
    }
  }
  return out;
}

}  // namespace strata
