#include "vector/column.h"

#include <algorithm>

namespace strata {

Column::Column(DataType type) : type_(type), width_(type.FixedWidth()) {
  if (type_.IsVariableWidth()) offsets_.push_back(0);
}

void Column::Reserve(size_t rows) {
  if (type_.IsVariableWidth()) {
    offsets_.reserve(rows + 1);
  } else {
    data_.reserve(rows * width_);
  }
  if (!validity_.empty()) validity_.reserve(rows);
}

void Column::Resize(size_t rows) {
  assert(!type_.IsVariableWidth());
  data_.resize(rows * width_, 0);
  if (!validity_.empty()) validity_.resize(rows, 1);
  size_ = rows;
}

void Column::ResizeStrings(size_t rows, size_t chars) {
  assert(type_.IsVariableWidth());
  offsets_.resize(rows + 1, static_cast<uint32_t>(chars));
  chars_.resize(chars);
  if (!validity_.empty()) validity_.resize(rows, 1);
  size_ = rows;
}

uint8_t* Column::MutableValidity() {
  if (validity_.empty()) validity_.assign(size_, 1);
  return validity_.data();
}

void Column::SetNull(size_t row) { MutableValidity()[row] = 0; }

bool Column::HasNulls() const {
  if (type_.id == TypeId::Null) return size_ > 0;
  return !validity_.empty() && std::find(validity_.begin(), validity_.end(), 0) != validity_.end();
}

size_t Column::NullCount() const {
  if (type_.id == TypeId::Null) return size_;
  if (validity_.empty()) return 0;
  return static_cast<size_t>(std::count(validity_.begin(), validity_.end(), 0));
}

void Column::CompactValidity() {
  if (!validity_.empty() && std::find(validity_.begin(), validity_.end(), 0) == validity_.end()) {
    validity_.clear();
    validity_.shrink_to_fit();
  }
}

void Column::AppendString(std::string_view s) {
  assert(type_.IsVariableWidth());
  chars_.insert(chars_.end(), s.begin(), s.end());
  offsets_.push_back(static_cast<uint32_t>(chars_.size()));
  if (!validity_.empty()) validity_.push_back(1);
  ++size_;
}

void Column::AppendNull() {
  MutableValidity();
  if (type_.IsVariableWidth()) {
    offsets_.push_back(static_cast<uint32_t>(chars_.size()));
  } else {
    data_.resize(data_.size() + width_, 0);
  }
  validity_.push_back(0);
  ++size_;
}

void Column::AppendValue(const Value& v) {
  if (v.is_null() || type_.id == TypeId::Null) {
    AppendNull();
    return;
  }
  switch (type_.id) {
    case TypeId::Null:
      break;
    case TypeId::Boolean:
      Append<uint8_t>(v.GetBool() ? 1 : 0);
      break;
    case TypeId::Int8:
      Append<int8_t>(static_cast<int8_t>(v.GetInt()));
      break;
    case TypeId::Int16:
      Append<int16_t>(static_cast<int16_t>(v.GetInt()));
      break;
    case TypeId::Int32:
    case TypeId::Date:
      Append<int32_t>(static_cast<int32_t>(v.GetInt()));
      break;
    case TypeId::Int64:
    case TypeId::Timestamp:
      Append<int64_t>(v.GetInt());
      break;
    case TypeId::Float32:
      Append<float>(static_cast<float>(v.GetDouble()));
      break;
    case TypeId::Float64:
      Append<double>(v.GetDouble());
      break;
    case TypeId::Decimal:
      if (type_.IsDecimal128()) {
        Append<int128_t>(v.GetInt128());
      } else {
        Append<int64_t>(static_cast<int64_t>(v.GetInt128()));
      }
      break;
    case TypeId::String:
      AppendString(v.GetString());
      break;
  }
}

void Column::AppendFrom(const Column& src, size_t row) {
  if (src.IsNull(row) || src.type_.id == TypeId::Null) {
    AppendNull();
    return;
  }
  if (type_.IsVariableWidth()) {
    AppendString(src.GetString(row));
    return;
  }
  size_t at = data_.size();
  data_.resize(at + width_);
  std::memcpy(data_.data() + at, src.data_.data() + row * width_, width_);
  if (!validity_.empty()) validity_.push_back(1);
  ++size_;
}

void Column::AppendColumn(const Column& src) {
  if (src.size_ == 0) return;
  if (!src.validity_.empty() || src.type_.id == TypeId::Null) {
    MutableValidity();
  }
  if (!validity_.empty()) {
    if (src.type_.id == TypeId::Null) {
      validity_.insert(validity_.end(), src.size_, 0);
    } else if (src.validity_.empty()) {
      validity_.insert(validity_.end(), src.size_, 1);
    } else {
      validity_.insert(validity_.end(), src.validity_.begin(), src.validity_.end());
    }
  }
  if (type_.IsVariableWidth()) {
    uint32_t base = static_cast<uint32_t>(chars_.size());
    if (src.type_.IsVariableWidth()) {
      chars_.insert(chars_.end(), src.chars_.begin(), src.chars_.end());
      for (size_t i = 1; i <= src.size_; ++i) offsets_.push_back(base + src.offsets_[i]);
    } else {
      offsets_.insert(offsets_.end(), src.size_, base);
    }
  } else if (src.type_.id == TypeId::Null) {
    data_.resize(data_.size() + src.size_ * width_, 0);
  } else {
    data_.insert(data_.end(), src.data_.begin(), src.data_.end());
  }
  size_ += src.size_;
}

Value Column::GetValue(size_t row) const {
  if (type_.id == TypeId::Null || IsNull(row)) return Value::Null(type_);
  switch (type_.id) {
    case TypeId::Null:
      break;
    case TypeId::Boolean:
      return Value::Boolean(Data<uint8_t>()[row] != 0);
    case TypeId::Int8:
      return Value::Int(type_, Data<int8_t>()[row]);
    case TypeId::Int16:
      return Value::Int(type_, Data<int16_t>()[row]);
    case TypeId::Int32:
      return Value::Int(type_, Data<int32_t>()[row]);
    case TypeId::Int64:
      return Value::Int(type_, Data<int64_t>()[row]);
    case TypeId::Date:
      return Value::Date(Data<int32_t>()[row]);
    case TypeId::Timestamp:
      return Value::Timestamp(Data<int64_t>()[row]);
    case TypeId::Float32:
      return Value::Float(type_, Data<float>()[row]);
    case TypeId::Float64:
      return Value::Float(type_, Data<double>()[row]);
    case TypeId::Decimal:
      if (type_.IsDecimal128()) {
        int128_t v;
        std::memcpy(&v, data_.data() + row * 16, 16);
        return Value::Decimal(type_, v);
      }
      return Value::Decimal(type_, Data<int64_t>()[row]);
    case TypeId::String:
      return Value::String(std::string(GetString(row)));
  }
  return Value::Null(type_);
}

std::shared_ptr<Column> Column::Gather(const uint32_t* sel, size_t n) const {
  auto out = std::make_shared<Column>(type_);
  out->size_ = n;
  if (!validity_.empty()) {
    out->validity_.resize(n);
    for (size_t i = 0; i < n; ++i) out->validity_[i] = validity_[sel[i]];
  }
  if (type_.IsVariableWidth()) {
    out->offsets_.resize(n + 1);
    size_t total = 0;
    for (size_t i = 0; i < n; ++i) total += offsets_[sel[i] + 1] - offsets_[sel[i]];
    out->chars_.resize(total);
    uint32_t pos = 0;
    out->offsets_[0] = 0;
    for (size_t i = 0; i < n; ++i) {
      uint32_t len = offsets_[sel[i] + 1] - offsets_[sel[i]];
      if (len) std::memcpy(out->chars_.data() + pos, chars_.data() + offsets_[sel[i]], len);
      pos += len;
      out->offsets_[i + 1] = pos;
    }
  } else if (width_ > 0) {
    out->data_.resize(n * width_);
    uint8_t* dst = out->data_.data();
    const uint8_t* src = data_.data();
    switch (width_) {
      case 1:
        for (size_t i = 0; i < n; ++i) dst[i] = src[sel[i]];
        break;
      case 4:
        for (size_t i = 0; i < n; ++i) std::memcpy(dst + i * 4, src + size_t{sel[i]} * 4, 4);
        break;
      case 8:
        for (size_t i = 0; i < n; ++i) std::memcpy(dst + i * 8, src + size_t{sel[i]} * 8, 8);
        break;
      default:
        for (size_t i = 0; i < n; ++i) {
          std::memcpy(dst + i * width_, src + size_t{sel[i]} * width_, width_);
        }
    }
  }
  return out;
}

std::shared_ptr<Column> Column::Slice(size_t offset, size_t length) const {
  auto out = std::make_shared<Column>(type_);
  out->size_ = length;
  if (!validity_.empty()) {
    out->validity_.assign(validity_.begin() + offset, validity_.begin() + offset + length);
  }
  if (type_.IsVariableWidth()) {
    uint32_t base = offsets_[offset];
    out->offsets_.resize(length + 1);
    for (size_t i = 0; i <= length; ++i) out->offsets_[i] = offsets_[offset + i] - base;
    out->chars_.assign(chars_.begin() + base, chars_.begin() + offsets_[offset + length]);
  } else if (width_ > 0) {
    out->data_.assign(data_.begin() + offset * width_, data_.begin() + (offset + length) * width_);
  }
  return out;
}

size_t Column::ByteSize() const {
  return data_.size() + offsets_.size() * sizeof(uint32_t) + chars_.size() + validity_.size();
}

}  // namespace strata
