#include "table/meta_io.h"

#include "table/locations.h"

namespace strata {

namespace {

std::string Context(const TableInfo& table, const char* what, const std::string& key) {
  return TableContext(table) + ": " + what + " `" + key + "`";
}

}  // namespace

Result<TableSnapshot> ReadSnapshot(ObjectStore& store, const TableInfo& table,
                                   const std::string& key) {
  if (!IsTableObjectKey(key, kSnapshotDir)) {
    return Error(ErrorCode::StorageOther,
                 Context(table, "snapshot", key) + ": not a snapshot key of this format");
  }
  Result<std::string> bytes = store.Get(key);
  if (!bytes.ok()) return bytes.status().WithContext(Context(table, "snapshot", key));
  Result<TableSnapshot> snap = TableSnapshot::Parse(*bytes);
  if (!snap.ok()) return snap.status().WithContext(Context(table, "snapshot", key));
  return snap;
}

Result<SegmentInfo> ReadSegment(ObjectStore& store, const TableInfo& table,
                                const std::string& key) {
  if (!IsTableObjectKey(key, kSegmentDir)) {
    return Error(ErrorCode::StorageOther,
                 Context(table, "segment", key) + ": not a segment key of this format");
  }
  Result<std::string> bytes = store.Get(key);
  if (!bytes.ok()) return bytes.status().WithContext(Context(table, "segment", key));
  Result<SegmentInfo> seg = SegmentInfo::Parse(*bytes);
  if (!seg.ok()) return seg.status().WithContext(Context(table, "segment", key));
  return seg;
}

Result<TableSnapshot> ReadCurrentSnapshot(ObjectStore& store, const TableInfo& table) {
  if (!table.snapshot_location.empty()) return ReadSnapshot(store, table, table.snapshot_location);
  TableSnapshot empty;
  empty.schema = TableSchema(table);
  empty.statistics.columns.resize(empty.schema.size());
  return empty;
}

Status WriteSegment(ObjectStore& store, const TableInfo& table, const std::string& key,
                    const SegmentInfo& segment) {
  Result<std::string> json = segment.Serialize();
  if (!json.ok()) return json.status().WithContext(Context(table, "segment", key));
  return store.Put(key, *json).WithContext(Context(table, "writing segment", key));
}

Status WriteSnapshot(ObjectStore& store, const TableInfo& table, const std::string& key,
                     const TableSnapshot& snapshot) {
  Result<std::string> json = snapshot.Serialize();
  if (!json.ok()) return json.status().WithContext(Context(table, "snapshot", key));
  return store.Put(key, *json).WithContext(Context(table, "writing snapshot", key));
}

Schema TableSchema(const TableInfo& table) {
  Schema schema;
  schema.reserve(table.columns.size());
  for (const ColumnDef& c : table.columns) schema.push_back(Field{c.name, c.type, c.nullable});
  return schema;
}

bool SameSchema(const Schema& a, const Schema& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].name != b[i].name || a[i].type != b[i].type || a[i].nullable != b[i].nullable) {
      return false;
    }
  }
  return true;
}

}  // namespace strata
