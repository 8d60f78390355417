#include "execution/group_hash_table.h"

#include <algorithm>
#include <cstring>

#include "common/hash.h"

namespace strata {

namespace {

// Short keys (one or two numbers) compare with two overlapping 8-byte loads.
inline bool KeysEqual(const char* a, const char* b, size_t len) {
  if (len >= 8 && len <= 16) {
    uint64_t a0, b0, a1, b1;
    std::memcpy(&a0, a, 8);
    std::memcpy(&b0, b, 8);
    std::memcpy(&a1, a + len - 8, 8);
    std::memcpy(&b1, b + len - 8, 8);
    return a0 == b0 && a1 == b1;
  }
  return std::memcmp(a, b, len) == 0;
}

// Copies a fixed-width value, writing zeros for NULLs and +0.0 for -0.0.
void WriteValue(const Column& col, size_t width, size_t row, bool valid, char* dst) {
  if (!valid) {
    std::memset(dst, 0, width);
    return;
  }
  const uint8_t* src = col.Data<uint8_t>() + row * width;
  TypeId id = col.type().id;
  if (id == TypeId::Float64 && col.Data<double>()[row] == 0) {
    std::memset(dst, 0, width);
  } else if (id == TypeId::Float32 && col.Data<float>()[row] == 0) {
    std::memset(dst, 0, width);
  } else {
    std::memcpy(dst, src, width);
  }
}

}  // namespace

GroupHashTable::GroupHashTable(std::vector<DataType> key_types, bool nulls_are_keys)
    : key_types_(std::move(key_types)), nulls_are_keys_(nulls_are_keys) {
  fixed_width_ = 0;
  for (const DataType& t : key_types_) {
    if (t.IsVariableWidth()) {
      fixed_width_ = 0;
      break;
    }
    fixed_width_ += 1 + t.FixedWidth();
  }
  for (const DataType& t : key_types_) key_columns_.push_back(MakeColumn(t));
  slots_.assign(1024, 0);
  mask_ = slots_.size() - 1;
  offsets_.push_back(0);
}

namespace {

// Copies column values of width W into every row's key at `offset` (row stride `stride`),
// preceded by a validity byte; NULL values become zeros.
template <size_t W>
void ScatterFixed(const Column& col, size_t rows, char* base, size_t stride, size_t offset) {
  const uint8_t* src = col.Data<uint8_t>();
  const uint8_t* valid = col.Validity();
  char* dst = base + offset;
  for (size_t i = 0; i < rows; ++i, dst += stride) {
    dst[0] = 1;
    std::memcpy(dst + 1, src + i * W, W);
  }
  if (valid == nullptr) return;
  dst = base + offset;
  for (size_t i = 0; i < rows; ++i, dst += stride) {
    if (!valid[i]) std::memset(dst, 0, W + 1);
  }
}

void ScatterFixedAny(const Column& col, size_t width, size_t rows, char* base, size_t stride,
                     size_t offset) {
  switch (width) {
    case 1:
      return ScatterFixed<1>(col, rows, base, stride, offset);
    case 2:
      return ScatterFixed<2>(col, rows, base, stride, offset);
    case 4:
      return ScatterFixed<4>(col, rows, base, stride, offset);
    case 8:
      return ScatterFixed<8>(col, rows, base, stride, offset);
    case 16:
      return ScatterFixed<16>(col, rows, base, stride, offset);
    default:
      break;
  }
  const uint8_t* valid = col.Validity();
  for (size_t i = 0; i < rows; ++i) {
    char* dst = base + i * stride + offset;
    bool ok = valid == nullptr || valid[i];
    dst[0] = ok ? 1 : 0;
    WriteValue(col, width, i, ok, dst + 1);
  }
}

// -0.0 and 0.0 must be one key.
void NormalizeFloatZeros(const Column& col, size_t rows, char* base, size_t stride, size_t offset) {
  size_t width = col.type().FixedWidth();
  for (size_t i = 0; i < rows; ++i) {
    bool zero =
        col.type().id == TypeId::Float64 ? col.Data<double>()[i] == 0 : col.Data<float>()[i] == 0;
    if (zero) std::memset(base + i * stride + offset + 1, 0, width);
  }
}

}  // namespace

void GroupHashTable::Serialize(const std::vector<ColumnPtr>& keys, size_t rows,
                               RowKeys* out) const {
  out->offsets.resize(rows + 1);
  uint32_t* off = out->offsets.data();
  bool track_nulls = !nulls_are_keys_;
  if (track_nulls) out->has_null.assign(rows, 0);
  for (size_t c = 0; c < keys.size() && track_nulls; ++c) {
    const Column& col = *keys[c];
    if (col.type().id == TypeId::Null) {
      std::fill(out->has_null.begin(), out->has_null.end(), 1);
    } else if (const uint8_t* valid = col.Validity()) {
      for (size_t i = 0; i < rows; ++i) out->has_null[i] |= !valid[i];
    }
  }
  if (fixed_width_ > 0) {
    // Every key has the same length: each column is written at a fixed offset in every row.
    for (size_t i = 0; i <= rows; ++i) off[i] = static_cast<uint32_t>(i * fixed_width_);
    out->bytes.resize(rows * fixed_width_);
    char* base = out->bytes.data();
    size_t offset = 0;
    for (size_t c = 0; c < keys.size(); ++c) {
      const Column& col = *keys[c];
      size_t w = key_types_[c].FixedWidth();
      if (col.type().id == TypeId::Null) {
        for (size_t i = 0; i < rows; ++i) std::memset(base + i * fixed_width_ + offset, 0, 1 + w);
      } else {
        ScatterFixedAny(col, w, rows, base, fixed_width_, offset);
        if (col.type().IsFloat()) NormalizeFloatZeros(col, rows, base, fixed_width_, offset);
      }
      offset += 1 + w;
    }
  } else {
    // Row lengths first, then prefix sums, then the values column by column.
    std::vector<uint32_t> len(rows, 0);
    for (size_t c = 0; c < keys.size(); ++c) {
      const Column& col = *keys[c];
      bool all_null = col.type().id == TypeId::Null;
      if (key_types_[c].IsVariableWidth()) {
        for (size_t i = 0; i < rows; ++i) {
          len[i] +=
              1 +
              (all_null || col.IsNull(i) ? 0 : 4 + static_cast<uint32_t>(col.GetString(i).size()));
        }
      } else {
        uint32_t w = 1 + static_cast<uint32_t>(key_types_[c].FixedWidth());
        for (size_t i = 0; i < rows; ++i) len[i] += w;
      }
    }
    off[0] = 0;
    for (size_t i = 0; i < rows; ++i) off[i + 1] = off[i] + len[i];
    out->bytes.resize(off[rows]);
    char* base = out->bytes.data();
    std::vector<uint32_t> cursor(off, off + rows);
    for (size_t c = 0; c < keys.size(); ++c) {
      const Column& col = *keys[c];
      bool all_null = col.type().id == TypeId::Null;
      const uint8_t* valid = col.Validity();
      bool is_string = key_types_[c].IsVariableWidth();
      size_t w = key_types_[c].FixedWidth();
      for (size_t i = 0; i < rows; ++i) {
        char* dst = base + cursor[i];
        bool ok = !all_null && (valid == nullptr || valid[i]);
        dst[0] = ok ? 1 : 0;
        if (is_string) {
          cursor[i] += 1;
          if (!ok) continue;
          std::string_view s = col.GetString(i);
          uint32_t n = static_cast<uint32_t>(s.size());
          std::memcpy(dst + 1, &n, 4);
          std::memcpy(dst + 5, s.data(), n);
          cursor[i] += 4 + n;
        } else {
          if (all_null) {
            std::memset(dst + 1, 0, w);
          } else {
            WriteValue(col, w, i, ok, dst + 1);
          }
          cursor[i] += static_cast<uint32_t>(1 + w);
        }
      }
    }
  }
  out->hashes.resize(rows);
  const char* base = out->bytes.data();
  if (fixed_width_ > 0) {
    for (size_t i = 0; i < rows; ++i)
      out->hashes[i] = HashBytes(base + i * fixed_width_, fixed_width_);
  } else {
    for (size_t i = 0; i < rows; ++i)
      out->hashes[i] = HashBytes(base + off[i], off[i + 1] - off[i]);
  }
}

size_t GroupHashTable::Probe(uint64_t hash, const char* key, size_t len) const {
  size_t slot = hash & mask_;
  while (true) {
    uint32_t s = slots_[slot];
    if (s == 0) return slot;
    uint32_t g = s - 1;
    if (hashes_[g] == hash && offsets_[g + 1] - offsets_[g] == len &&
        KeysEqual(arena_.data() + offsets_[g], key, len)) {
      return slot;
    }
    slot = (slot + 1) & mask_;
  }
}

void GroupHashTable::Grow() {
  slots_.assign(slots_.size() * 2, 0);
  mask_ = slots_.size() - 1;
  for (size_t g = 0; g < hashes_.size(); ++g) {
    size_t slot = hashes_[g] & mask_;
    while (slots_[slot] != 0) slot = (slot + 1) & mask_;
    slots_[slot] = static_cast<uint32_t>(g + 1);
  }
}

void GroupHashTable::FindOrInsert(const std::vector<ColumnPtr>& keys, size_t rows,
                                  uint32_t* group_ids) {
  RowKeys rk;
  Serialize(keys, rows, &rk);
  std::vector<uint32_t> new_rows;
  for (size_t i = 0; i < rows; ++i) {
    if (!nulls_are_keys_ && rk.has_null[i]) {
      group_ids[i] = kNoGroup;
      continue;
    }
    const char* key = rk.bytes.data() + rk.offsets[i];
    size_t len = rk.offsets[i + 1] - rk.offsets[i];
    size_t slot = Probe(rk.hashes[i], key, len);
    if (slots_[slot] != 0) {
      group_ids[i] = slots_[slot] - 1;
      continue;
    }
    uint32_t g = static_cast<uint32_t>(hashes_.size());
    slots_[slot] = g + 1;
    hashes_.push_back(rk.hashes[i]);
    arena_.insert(arena_.end(), key, key + len);
    offsets_.push_back(arena_.size());
    group_ids[i] = g;
    new_rows.push_back(static_cast<uint32_t>(i));
    if (hashes_.size() * 2 > slots_.size()) Grow();
  }
  if (new_rows.empty()) return;
  for (size_t c = 0; c < keys.size(); ++c) {
    if (keys[c]->type().id == TypeId::Null && key_types_[c].id != TypeId::Null) {
      for (size_t k = 0; k < new_rows.size(); ++k) key_columns_[c]->AppendNull();
    } else {
      key_columns_[c]->AppendColumn(*keys[c]->Gather(new_rows.data(), new_rows.size()));
    }
  }
}

void GroupHashTable::Find(const std::vector<ColumnPtr>& keys, size_t rows,
                          uint32_t* group_ids) const {
  RowKeys rk;
  Serialize(keys, rows, &rk);
  for (size_t i = 0; i < rows; ++i) {
    if (!nulls_are_keys_ && rk.has_null[i]) {
      group_ids[i] = kNoGroup;
      continue;
    }
    const char* key = rk.bytes.data() + rk.offsets[i];
    size_t slot = Probe(rk.hashes[i], key, rk.offsets[i + 1] - rk.offsets[i]);
    group_ids[i] = slots_[slot] == 0 ? kNoGroup : slots_[slot] - 1;
  }
}

}  // namespace strata
