// Chunk: a batch of rows as a list of equally long columns. Operators pass Chunks, never
// rows. Producers aim for kChunkRows rows per chunk (fewer at the end of a stream).
#pragma once

#include <string>
#include <vector>

#include "vector/column.h"

namespace strata {

constexpr size_t kChunkRows = 8192;

struct Field {
  std::string name;
  DataType type;
  bool nullable = true;
};

using Schema = std::vector<Field>;

class Chunk {
 public:
  Chunk() = default;
  Chunk(std::vector<ColumnPtr> columns, size_t rows)
      : columns_(std::move(columns)), rows_(rows) {}

  size_t num_rows() const { return rows_; }
  size_t num_columns() const { return columns_.size(); }
  const ColumnPtr& column(size_t i) const { return columns_[i]; }
  const std::vector<ColumnPtr>& columns() const { return columns_; }
  std::vector<ColumnPtr>& mutable_columns() { return columns_; }
  void set_num_rows(size_t rows) { rows_ = rows; }

  // Keeps rows sel[0..n) of every column.
  Chunk Gather(const uint32_t* sel, size_t n) const;
  Chunk Slice(size_t offset, size_t length) const;
  size_t ByteSize() const;

 private:
  std::vector<ColumnPtr> columns_;
  size_t rows_ = 0;
};

}  // namespace strata
