// A snapshot: the complete state of a table at one commit — its schema, the segments
// holding its data, and statistics over all of them. Immutable once written to
// `_ss/<uuid>_v1.json`; the metastore's TableInfo::snapshot_location names the current
// one (docs/format.md).
//
// Thread-safety: plain values; no synchronisation.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "table/segment.h"
#include "vector/chunk.h"

namespace strata {

struct TableSnapshot {
  int format_version = 1;
  std::string snapshot_id;        // the UUID in the snapshot's key
  std::string previous_location;  // key of the snapshot this one replaced; empty if none
  int64_t timestamp_ms = 0;       // wall clock when the snapshot was built
  Schema schema;
  std::vector<std::string> segments;  // segment keys, oldest first
  // Totals over every segment: row_count answers count(*), columns answer min()/max()
  // without reading a block.
  DataSummary statistics;

  // The JSON document. Error 4000 if a string in it cannot be encoded.
  Result<std::string> Serialize() const;
  // Error 4000 StorageOther describing what is wrong (never crashes on bad input).
  static Result<TableSnapshot> Parse(std::string_view json);
};

}  // namespace strata
