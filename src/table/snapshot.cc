#include "table/snapshot.h"

#include "table/locations.h"
#include "table/meta_json.h"

namespace strata {

Result<std::string> TableSnapshot::Serialize() const {
  Json segs = Json::array();
  for (const std::string& s : segments) segs.push_back(s);
  Json doc{
      {"format_version", format_version},
      {"snapshot_id", snapshot_id},
      {"previous_snapshot", previous_location.empty() ? Json(nullptr) : Json(previous_location)},
      {"timestamp_ms", timestamp_ms},
      {"schema", SchemaToJson(schema)},
      {"segments", std::move(segs)},
      {"statistics", SummaryToJson(statistics)}};
  try {
    return DumpJson(doc);
  } catch (const MetaFormatError& e) {
    return Error(ErrorCode::StorageOther, std::string("cannot encode snapshot: ") + e.what());
  }
}

Result<TableSnapshot> TableSnapshot::Parse(std::string_view text) {
  try {
    Json doc = ParseJson(text);
    if (!doc.is_object()) throw MetaFormatError("snapshot: expected a JSON object");
    CheckFormatVersion(doc, kSnapshotFormatVersion, "snapshot");
    TableSnapshot snap;
    snap.format_version = static_cast<int>(GetInt(doc, "format_version", "snapshot"));
    snap.snapshot_id = GetString(doc, "snapshot_id", "snapshot");
    const Json& prev = GetField(doc, "previous_snapshot", "snapshot");
    if (prev.is_string()) {
      snap.previous_location = prev.get<std::string>();
      if (!IsTableObjectKey(snap.previous_location, kSnapshotDir)) {
        throw MetaFormatError("snapshot.previous_snapshot: not a snapshot key: " +
                              snap.previous_location);
      }
    } else if (!prev.is_null()) {
      throw MetaFormatError("snapshot.previous_snapshot: expected a string or null");
    }
    snap.timestamp_ms = GetInt(doc, "timestamp_ms", "snapshot");
    snap.schema = SchemaFromJson(GetField(doc, "schema", "snapshot"), "snapshot.schema");
    const Json& segs = GetField(doc, "segments", "snapshot");
    if (!segs.is_array()) throw MetaFormatError("snapshot.segments: expected an array");
    for (size_t i = 0; i < segs.size(); ++i) {
      if (!segs[i].is_string() ||
          !IsTableObjectKey(segs[i].get_ref<const std::string&>(), kSegmentDir)) {
        throw MetaFormatError("snapshot.segments[" + std::to_string(i) +
                              "]: expected a segment key");
      }
      snap.segments.push_back(segs[i].get<std::string>());
    }
    snap.statistics = SummaryFromJson(GetField(doc, "statistics", "snapshot"), snap.schema,
                                      "snapshot.statistics");
    return snap;
  } catch (const MetaFormatError& e) {
    return Error(ErrorCode::StorageOther, std::string("corrupt snapshot: ") + e.what());
  } catch (const Json::exception& e) {
    return Error(ErrorCode::StorageOther, std::string("corrupt snapshot: ") + e.what());
  }
}

}  // namespace strata
