#include "vector/chunk.h"

namespace strata {

Chunk Chunk::Gather(const uint32_t* sel, size_t n) const {
  std::vector<ColumnPtr> cols;
  cols.reserve(columns_.size());
  for (const auto& c : columns_) cols.push_back(c->Gather(sel, n));
  return Chunk(std::move(cols), n);
}

Chunk Chunk::Slice(size_t offset, size_t length) const {
  std::vector<ColumnPtr> cols;
  cols.reserve(columns_.size());
  for (const auto& c : columns_) cols.push_back(c->Slice(offset, length));
  return Chunk(std::move(cols), length);
}

size_t Chunk::ByteSize() const {
  size_t total = 0;
  for (const auto& c : columns_) total += c->ByteSize();
  return total;
}

}  // namespace strata
