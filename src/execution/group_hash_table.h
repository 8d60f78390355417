// GroupHashTable: maps tuples of key values to dense group ids 0, 1, 2, ... in order of first
// appearance. Used by hash aggregation (GROUP BY, DISTINCT) and by hash joins.
//
// Each row's key is serialised into bytes column by column (a NULL flag byte, then the value:
// fixed-width bytes, or a 4-byte length and the bytes of a string), hashed in one pass over the
// chunk, then probed with linear probing. Floats are normalised so that 0.0 and -0.0 are one
// key. With `nulls_are_keys` (GROUP BY semantics) all NULLs form one group; without it (join
// semantics) a row with a NULL in any key column never matches and gets kNoGroup.
//
// Thread-safety: not synchronised; Find() is const and may run on many threads once no
// thread inserts any more.
#pragma once

#include <cstdint>
#include <vector>

#include "vector/column.h"

namespace strata {

class GroupHashTable {
 public:
  static constexpr uint32_t kNoGroup = UINT32_MAX;

  GroupHashTable(std::vector<DataType> key_types, bool nulls_are_keys);

  // group_ids[i] = the group of row i of `keys`; unseen keys become new groups.
  // REQUIRES: keys match the key types; each has `rows` rows.
  void FindOrInsert(const std::vector<ColumnPtr>& keys, size_t rows, uint32_t* group_ids);

  // group_ids[i] = the group of row i, or kNoGroup when the key is absent.
  void Find(const std::vector<ColumnPtr>& keys, size_t rows, uint32_t* group_ids) const;

  size_t size() const { return hashes_.size(); }

  // The key values of every group (one column per key, in group id order). The columns keep
  // growing with later inserts; do not modify them.
  const std::vector<ColumnPtr>& KeyColumns() const { return key_columns_; }

 private:
  // Serialised keys and hashes of one chunk's rows.
  struct RowKeys {
    std::vector<char> bytes;
    std::vector<uint32_t> offsets;  // rows + 1
    std::vector<uint64_t> hashes;
    std::vector<uint8_t> has_null;  // any key column NULL (only filled without nulls_are_keys)
  };
  void Serialize(const std::vector<ColumnPtr>& keys, size_t rows, RowKeys* out) const;
  // Slot index holding `key`, or of the empty slot where it belongs.
  size_t Probe(uint64_t hash, const char* key, size_t len) const;
  void Grow();

  std::vector<DataType> key_types_;
  bool nulls_are_keys_;
  size_t fixed_width_ = 0;       // bytes per key when no key is a string, else 0
  std::vector<uint32_t> slots_;  // group id + 1; 0 = empty
  size_t mask_ = 0;
  std::vector<uint64_t> hashes_;   // per group
  std::vector<char> arena_;        // serialised keys of all groups
  std::vector<uint64_t> offsets_;  // per group + 1, into arena_
  std::vector<ColumnPtr> key_columns_;
};

}  // namespace strata
