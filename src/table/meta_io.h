// Reading and writing a table's segments and snapshots through its ObjectStore, with the
// table's name and the object's key in every error ("table `db`.`t`: segment
// `_sg/…_v1.json`: …"). Storage error codes pass through unchanged (3001 for a missing
// object, 3901 for an outage, …); a document that does not decode is 4000.
//
// `store` is rooted at the table's prefix (see TableStorageParams in table/locations.h).
// Thread-safety: stateless functions; safe from many threads.
#pragma once

#include <string>

#include "catalog/metastore.h"
#include "common/status.h"
#include "storage/object_store.h"
#include "table/segment.h"
#include "table/snapshot.h"

namespace strata {

Result<TableSnapshot> ReadSnapshot(ObjectStore& store, const TableInfo& table,
                                   const std::string& key);
Result<SegmentInfo> ReadSegment(ObjectStore& store, const TableInfo& table, const std::string& key);

// The snapshot TableInfo::snapshot_location names, or an empty snapshot (no segments,
// the table's schema, zero statistics) when the table has no data yet.
Result<TableSnapshot> ReadCurrentSnapshot(ObjectStore& store, const TableInfo& table);

Status WriteSegment(ObjectStore& store, const TableInfo& table, const std::string& key,
                    const SegmentInfo& segment);
Status WriteSnapshot(ObjectStore& store, const TableInfo& table, const std::string& key,
                     const TableSnapshot& snapshot);

// The table's columns as a Schema (names, types, nullability).
Schema TableSchema(const TableInfo& table);
// Same names, types and nullability, in the same order.
bool SameSchema(const Schema& a, const Schema& b);

}  // namespace strata
