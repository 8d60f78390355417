// Column: one typed vector of values, the unit every operator works on.
//
// Layout: fixed-width types keep their values contiguously (see types/data_type.h for the
// C++ type of each). Strings keep size()+1 uint32 offsets into one byte buffer, so a single
// Column holds less than 4 GiB of string bytes. Validity is one byte per row (1 = valid);
// an empty validity vector means "no NULLs". The value slot of a NULL row is unspecified
// but initialised (zero / empty string).
//
// Thread-safety: a Column is not synchronised. Once published in a Chunk it is treated as
// immutable and may be read by many threads.
#pragma once

#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

#include "types/value.h"

namespace strata {

class Column {
 public:
  explicit Column(DataType type);

  const DataType& type() const { return type_; }
  size_t size() const { return size_; }

  void Reserve(size_t rows);
  // Fixed-width and Null columns only: grows or shrinks to `rows`; new rows are zero/valid.
  void Resize(size_t rows);

  template <typename T>
  T* Data() {
    return reinterpret_cast<T*>(data_.data());
  }
  template <typename T>
  const T* Data() const {
    return reinterpret_cast<const T*>(data_.data());
  }

  // Validity ------------------------------------------------------------------------
  // nullptr when the column has no NULLs.
  const uint8_t* Validity() const { return validity_.empty() ? nullptr : validity_.data(); }
  // Materialises the validity vector (all valid) if absent.
  uint8_t* MutableValidity();
  bool IsNull(size_t row) const { return !validity_.empty() && validity_[row] == 0; }
  void SetNull(size_t row);
  bool HasNulls() const;
  size_t NullCount() const;
  // Drops the validity vector when it marks no NULL (keeps fast paths fast).
  void CompactValidity();

  // Strings -------------------------------------------------------------------------
  std::string_view GetString(size_t row) const {
    return std::string_view(chars_.data() + offsets_[row], offsets_[row + 1] - offsets_[row]);
  }
  const uint32_t* Offsets() const { return offsets_.data(); }
  const char* Chars() const { return chars_.data(); }
  size_t CharsSize() const { return chars_.size(); }
  void ReserveChars(size_t bytes) { chars_.reserve(bytes); }
  // Bulk building of string columns (decoders): grows or shrinks to `rows` strings whose
  // bytes take `chars` bytes in total; new rows are valid. The caller then writes
  // MutableOffsets()[old_rows + 1 .. rows] (non-decreasing, the last equal to `chars`) and
  // the new bytes through MutableChars() before the column is read or appended to.
  // REQUIRES: String column; chars < 4 GiB; chars >= MutableOffsets()[min(rows, old_rows)].
  void ResizeStrings(size_t rows, size_t chars);
  uint32_t* MutableOffsets() { return offsets_.data(); }
  char* MutableChars() { return chars_.data(); }

  // Appending -----------------------------------------------------------------------
  template <typename T>
  void Append(T v) {
    size_t at = data_.size();
    data_.resize(at + sizeof(T));
    std::memcpy(data_.data() + at, &v, sizeof(T));
    if (!validity_.empty()) validity_.push_back(1);
    ++size_;
  }
  void AppendString(std::string_view s);
  void AppendNull();
  // Appends `v` converted to this column's physical layout. REQUIRES: v.type() equals
  // type() or v is NULL.
  void AppendValue(const Value& v);
  void AppendFrom(const Column& src, size_t row);
  void AppendColumn(const Column& src);

  // Reading -------------------------------------------------------------------------
  Value GetValue(size_t row) const;

  // New column with rows sel[0..n).
  std::shared_ptr<Column> Gather(const uint32_t* sel, size_t n) const;
  std::shared_ptr<Column> Slice(size_t offset, size_t length) const;

  // Approximate bytes held (for progress reporting and memory accounting).
  size_t ByteSize() const;

 private:
  DataType type_;
  size_t size_ = 0;
  size_t width_ = 0;
  std::vector<uint8_t> data_;
  std::vector<uint32_t> offsets_;  // String only; size_ + 1 entries
  std::vector<char> chars_;        // String only
  std::vector<uint8_t> validity_;
};

using ColumnPtr = std::shared_ptr<Column>;

// Makes an empty column of `type`.
inline ColumnPtr MakeColumn(DataType type) { return std::make_shared<Column>(type); }

}  // namespace strata
