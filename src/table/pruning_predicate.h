// What a scan may skip: a conjunction of `column <op> constant` terms, checked against
// block, segment and snapshot statistics. It only ever answers "these rows cannot match"
// — the engine still evaluates its own filter on every row it reads — so a term the
// statistics cannot decide keeps the data.
//
// Constants must have exactly the column's type (the planner casts them); a term whose
// constants have another type, or that names an unknown column, prunes nothing rather
// than risk a wrong answer (e.g. `int_col < 2.5` cast to an integer).
//
// Thread-safety: plain values; MayMatch is const.
#pragma once

#include <string>
#include <vector>

#include "table/column_stats.h"
#include "vector/chunk.h"

namespace strata {

struct PruningPredicate {
  enum class Op { kEq, kLt, kLe, kGt, kGe, kIsNull, kIsNotNull, kBetween, kIn };

  struct Term {
    std::string column;  // a name in the table's schema
    Op op = Op::kEq;
    // kIsNull/kIsNotNull: none; kBetween: {low, high} (inclusive); kIn: the list;
    // others: one. A NULL constant never matches a row (SQL comparison with NULL).
    std::vector<Value> values;
  };

  std::vector<Term> terms;  // all must hold; empty = keep everything

  bool empty() const { return terms.empty(); }
  PruningPredicate& Add(std::string column, Op op, std::vector<Value> values = {});

  // False only when no row of data with these statistics can satisfy every term.
  // `stats` has one entry per `schema` field; `rows` is the data's row count.
  bool MayMatch(const Schema& schema, const std::vector<ColumnStats>& stats, uint64_t rows) const;

  // "a >= 3 AND b IS NULL": for EXPLAIN and test messages.
  std::string ToString() const;
};

}  // namespace strata
