#include "execution/group_hash_table.h"

#include <cstring>

namespace strata {

namespace {

uint64_t Mix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

uint64_t HashBytes(const char* p, size_t n) {
  uint64_t h = 0x9E3779B97F4A7C15ULL ^ (n * 0x100000001B3ULL);
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * 0x9E3779B97F4A7C15ULL;
    h = (h << 31) | (h >> 33);
    p += 8;
    n -= 8;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, p, n);
  h = (h ^ tail) * 0x9E3779B97F4A7C15ULL;
  return Mix(h);
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

void GroupHashTable::Serialize(const std::vector<ColumnPtr>& keys, size_t rows,
                               RowKeys* out) const {
  out->offsets.resize(rows + 1);
  uint32_t* off = out->offsets.data();
  if (fixed_width_ > 0) {
    for (size_t i = 0; i <= rows; ++i) off[i] = static_cast<uint32_t>(i * fixed_width_);
  } else {
    // Row lengths first, then prefix sums.
    std::vector<uint32_t> len(rows, 0);
    for (size_t c = 0; c < keys.size(); ++c) {
      const Column& col = *keys[c];
      bool all_null = col.type().id == TypeId::Null;
      if (key_types_[c].IsVariableWidth()) {
        for (size_t i = 0; i < rows; ++i) {
          len[i] += 1 + (all_null || col.IsNull(i) ? 0 : 4 + static_cast<uint32_t>(col.GetString(i).size()));
        }
      } else {
        uint32_t w = 1 + static_cast<uint32_t>(key_types_[c].FixedWidth());
        for (size_t i = 0; i < rows; ++i) len[i] += w;
      }
    }
    off[0] = 0;
    for (size_t i = 0; i < rows; ++i) off[i + 1] = off[i] + len[i];
  }
  out->bytes.resize(off[rows]);
  char* base = out->bytes.data();
  std::vector<uint32_t> cursor(off, off + rows);
  bool track_nulls = !nulls_are_keys_;
  if (track_nulls) out->has_null.assign(rows, 0);
  for (size_t c = 0; c < keys.size(); ++c) {
    const Column& col = *keys[c];
    bool all_null = col.type().id == TypeId::Null;
    const uint8_t* valid = col.Validity();
    if (track_nulls) {
      for (size_t i = 0; i < rows; ++i) {
        out->has_null[i] |= all_null || (valid != nullptr && !valid[i]);
      }
    }
    if (key_types_[c].IsVariableWidth()) {
      for (size_t i = 0; i < rows; ++i) {
        char* dst = base + cursor[i];
        bool ok = !all_null && (valid == nullptr || valid[i]);
        *dst++ = ok ? 1 : 0;
        cursor[i] += 1;
        if (!ok) continue;
        std::string_view s = col.GetString(i);
        uint32_t n = static_cast<uint32_t>(s.size());
        std::memcpy(dst, &n, 4);
        std::memcpy(dst + 4, s.data(), n);
        cursor[i] += 4 + n;
      }
    } else {
      size_t w = key_types_[c].FixedWidth();
      for (size_t i = 0; i < rows; ++i) {
        char* dst = base + cursor[i];
        bool ok = !all_null && (valid == nullptr || valid[i]);
        dst[0] = ok ? 1 : 0;
        if (all_null) {
          std::memset(dst + 1, 0, w);
        } else {
          WriteValue(col, w, i, ok, dst + 1);
        }
        cursor[i] += static_cast<uint32_t>(1 + w);
      }
    }
  }
  out->hashes.resize(rows);
  for (size_t i = 0; i < rows; ++i) out->hashes[i] = HashBytes(base + off[i], off[i + 1] - off[i]);
}

size_t GroupHashTable::Probe(uint64_t hash, const char* key, size_t len) const {
  size_t slot = hash & mask_;
  while (true) {
    uint32_t s = slots_[slot];
    if (s == 0) return slot;
    uint32_t g = s - 1;
    if (hashes_[g] == hash && offsets_[g + 1] - offsets_[g] == len &&
        std::memcmp(arena_.data() + offsets_[g], key, len) == 0) {
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
