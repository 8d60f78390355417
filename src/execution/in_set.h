// The constant list of `x IN (v1, v2, ...)`, prepared once when the expression is built:
// the non-NULL values sorted for binary search, and whether the list held a NULL (which turns
// "not found" into NULL under SQL's three-valued logic).
//
// Thread-safety: immutable after Make(); Probe() may be called from many threads.
#pragma once

#include <memory>
#include <vector>

#include "execution/operand.h"

namespace strata {

class InSet {
 public:
  virtual ~InSet() = default;

  // REQUIRES: every non-NULL value has type `type`.
  static std::shared_ptr<const InSet> Make(const DataType& type, const std::vector<Value>& values);

  // found[i] = 1 when row i of `x` equals a list value (NULL rows: unspecified).
  // REQUIRES: x.type() is the set's type.
  virtual void Probe(const Operand& x, size_t rows, uint8_t* found) const = 0;

  bool has_null() const { return has_null_; }

 protected:
  bool has_null_ = false;
};

}  // namespace strata
