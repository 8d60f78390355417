// Aggregate functions: count(*), count(x), sum, avg, min, max, and count/sum/avg(DISTINCT x).
//
// State is column-oriented: one AggregateState holds the running values of *every* group in
// flat arrays indexed by group id, so a hash aggregation updates a whole chunk with one loop
// (`Update(group_ids, args)`), partial states built by several threads are combined with
// `Merge`, and `Finalize` yields one result column.
//
// Result types (following Databend):
//   count                 BIGINT, never NULL (0 for an empty group)
//   sum(integer)          BIGINT  (exact 128-bit accumulation; 1049 if the total overflows)
//   sum(float)            DOUBLE
//   sum(DECIMAL(p, s))    DECIMAL(38, s)
//   avg(integer / float)  DOUBLE
//   avg(DECIMAL(p, s))    DECIMAL(38, max(s, 4))
//   min / max             the argument's type (numbers, strings, dates, booleans, ...)
// sum / avg / min / max ignore NULLs and are NULL for a group without a non-NULL value.
//
// Thread-safety: AggregateFunction is immutable and shared; an AggregateState belongs to one
// thread at a time.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "vector/column.h"

namespace strata {

class AggregateState {
 public:
  virtual ~AggregateState() = default;

  // Grows to `groups` groups; new groups start empty.
  virtual void Resize(size_t groups) = 0;
  size_t groups() const { return groups_; }

  // Adds row i of `args` to group group_ids[i] for i < rows. `args` are the evaluated
  // arguments, already of AggregateFunction::arg_types (none for count(*)).
  // REQUIRES: every group id < groups().
  virtual Status Update(const uint32_t* group_ids, const std::vector<ColumnPtr>& args,
                        size_t rows) = 0;

  // Adds group g of `other` into group mapping[g] of this state, for every group of `other`.
  // REQUIRES: `other` comes from the same AggregateFunction; mapping[g] < groups().
  virtual Status Merge(AggregateState& other, const uint32_t* mapping) = 0;

  // The result of every group, in group id order.
  virtual Result<ColumnPtr> Finalize() = 0;

 protected:
  size_t groups_ = 0;
};

struct AggregateFunction {
  std::string name;
  std::vector<DataType> arg_types;  // cast arguments to these before Update
  DataType result_type;
  bool distinct = false;
  bool nullable = true;  // false for count
  std::function<std::unique_ptr<AggregateState>()> make_state;

  // "sum(DISTINCT #1)"-style label.
  std::string ToString() const;
};
using AggregateFunctionPtr = std::shared_ptr<const AggregateFunction>;

// Resolves an aggregate call. count(*) has no arguments. Errors: 1027 for an unknown name,
// 1028 for a wrong number of arguments, 1065 for an argument type it does not accept.
Result<AggregateFunctionPtr> ResolveAggregate(std::string_view name,
                                              const std::vector<DataType>& arg_types,
                                              bool distinct = false);

// True for the names ResolveAggregate knows (case-insensitive): lets a binder tell aggregate
// calls from scalar ones.
bool IsAggregateFunctionName(std::string_view name);

// Implementations (aggregates/*.cc).
std::unique_ptr<AggregateState> MakeCountState(bool count_star);
Result<AggregateFunctionPtr> MakeSumOrAvg(bool avg, const DataType& arg);
Result<AggregateFunctionPtr> MakeMinOrMax(bool max, const DataType& arg);
// Wraps `inner` so each distinct (group, value) pair is fed to it once; NULLs are skipped.
std::unique_ptr<AggregateState> MakeDistinctState(const DataType& arg,
                                                  std::unique_ptr<AggregateState> inner);

}  // namespace strata
