// Every object key of strata's table format is built here, and only here (the format is
// described in prose in docs/format.md). Keys returned by BlockKey/SegmentKey/SnapshotKey
// are relative to the table's prefix, which is where TableStorageParams() roots a table's
// ObjectStore; TableInfo::snapshot_location holds such a relative key.
//
//   <root><database_id>/<table_id>/_b/<uuid>_v1.parquet   block (Parquet)
//   <root><database_id>/<table_id>/_sg/<uuid>_v1.json     segment (JSON)
//   <root><database_id>/<table_id>/_ss/<uuid>_v1.json     snapshot (JSON)
//
// The "_v<N>" suffix is the format version of the object's encoding; a reader refuses
// versions it does not know instead of guessing.
//
// Thread-safety: every function is safe to call from many threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "catalog/metastore.h"
#include "storage/storage_params.h"

namespace strata {

// Version of the block (Parquet) key naming and of the block contents' conventions.
constexpr int kBlockFormatVersion = 1;
// Version of the segment JSON document (also its "format_version" field).
constexpr int kSegmentFormatVersion = 1;
// Version of the snapshot JSON document (also its "format_version" field).
constexpr int kSnapshotFormatVersion = 1;

// Folders inside a table's prefix.
inline constexpr std::string_view kBlockDir = "_b/";
inline constexpr std::string_view kSegmentDir = "_sg/";
inline constexpr std::string_view kSnapshotDir = "_ss/";

// "<database_id>/<table_id>/": the table's prefix relative to its storage root.
std::string TablePrefix(int64_t database_id, int64_t table_id);

// Storage parameters rooted at the table's prefix. Ordinary tables (info.storage.type
// empty) live in `data_storage`, the data directory's own storage; external tables in
// their own location.
StorageParams TableStorageParams(const TableInfo& info, const StorageParams& data_storage);

// "_b/<uuid>_v1.parquet"
std::string BlockKey(const std::string& uuid);
// "_sg/<uuid>_v1.json"
std::string SegmentKey(const std::string& uuid);
// "_ss/<uuid>_v1.json"
std::string SnapshotKey(const std::string& uuid);

// The format version encoded in a key's "_v<N>." suffix, or 0 when the key has none.
int KeyFormatVersion(std::string_view key);

// True when `key` is a key this module could have built in folder `dir` (one of the
// k*Dir constants): "<dir><name>" with no '/', no "..", nothing empty. Keys read from a
// segment or snapshot are checked with it before use, so a corrupt document cannot point
// a reader outside the table's prefix.
bool IsTableObjectKey(std::string_view key, std::string_view dir);

// "table `db`.`name`": the context every table-format error message starts with.
std::string TableContext(const TableInfo& info);

}  // namespace strata
