#include "execution/operators/join_batch.h"

#include "execution/operand.h"

namespace strata {

const char* JoinTypeName(JoinType type) {
  switch (type) {
    case JoinType::kInner:
      return "INNER";
    case JoinType::kLeft:
      return "LEFT";
    case JoinType::kCross:
      return "CROSS";
  }
  return "?";
}

Schema JoinSchema(const Schema& left, const Schema& right, JoinType type) {
  Schema out = left;
  for (Field f : right) {
    if (type == JoinType::kLeft) f.nullable = true;
    out.push_back(std::move(f));
  }
  return out;
}

Result<Chunk> JoinPairs(const Chunk& left, const Chunk& right, const std::vector<uint32_t>& lsel,
                        const std::vector<uint32_t>& rsel, const Expr* condition,
                        const ExpressionExecutor& exec, std::vector<uint8_t>* matched) {
  size_t n = lsel.size();
  std::vector<ColumnPtr> cols;
  cols.reserve(left.num_columns() + right.num_columns());
  for (const ColumnPtr& c : left.columns()) cols.push_back(c->Gather(lsel.data(), n));
  for (const ColumnPtr& c : right.columns()) cols.push_back(c->Gather(rsel.data(), n));
  Chunk joined(std::move(cols), n);
  if (condition == nullptr) {
    if (matched) {
      for (uint32_t l : lsel) (*matched)[l] = 1;
    }
    return joined;
  }
  std::vector<uint32_t> keep;
  RETURN_IF_ERROR(exec.Select(*condition, joined, &keep));
  if (matched) {
    for (uint32_t k : keep) (*matched)[lsel[k]] = 1;
  }
  if (keep.size() == n) return joined;
  return joined.Gather(keep.data(), keep.size());
}

Chunk UnmatchedLeftRows(const Chunk& left, const std::vector<uint8_t>& matched,
                        const Schema& right_schema) {
  std::vector<uint32_t> sel;
  for (size_t i = 0; i < left.num_rows(); ++i) {
    if (!matched[i]) sel.push_back(static_cast<uint32_t>(i));
  }
  if (sel.empty()) return Chunk();
  std::vector<ColumnPtr> cols;
  for (const ColumnPtr& c : left.columns()) cols.push_back(c->Gather(sel.data(), sel.size()));
  for (const Field& f : right_schema) cols.push_back(MakeNullColumn(f.type, sel.size()));
  return Chunk(std::move(cols), sel.size());
}

Status SharedBuild::Ensure(const std::function<Status()>& build) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!done_) {
    status_ = build();
    done_ = true;
  }
  return status_;
}

}  // namespace strata
