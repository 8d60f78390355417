#include "table/segment.h"

#include "table/locations.h"
#include "table/meta_json.h"

namespace strata {

void DataSummary::AddBlock(const BlockMeta& block) {
  if (columns.empty() && row_count == 0) columns.resize(block.columns.size());
  for (size_t i = 0; i < columns.size() && i < block.columns.size(); ++i) {
    columns[i] = MergeColumnStats(columns[i], row_count, block.columns[i], block.row_count);
  }
  row_count += block.row_count;
  block_count += 1;
  file_size += block.file_size;
  compressed_bytes += block.compressed_bytes;
  uncompressed_bytes += block.uncompressed_bytes;
}

void DataSummary::Merge(const DataSummary& other) {
  if (other.row_count == 0 && other.block_count == 0) return;
  if (columns.empty() && row_count == 0) columns.resize(other.columns.size());
  for (size_t i = 0; i < columns.size() && i < other.columns.size(); ++i) {
    columns[i] = MergeColumnStats(columns[i], row_count, other.columns[i], other.row_count);
  }
  row_count += other.row_count;
  block_count += other.block_count;
  file_size += other.file_size;
  compressed_bytes += other.compressed_bytes;
  uncompressed_bytes += other.uncompressed_bytes;
}

SegmentInfo SegmentInfo::FromBlocks(Schema schema, std::vector<BlockMeta> blocks) {
  SegmentInfo seg;
  seg.format_version = kSegmentFormatVersion;
  seg.summary.columns.resize(schema.size());
  seg.schema = std::move(schema);
  seg.blocks = std::move(blocks);
  for (const BlockMeta& b : seg.blocks) seg.summary.AddBlock(b);
  return seg;
}

Result<std::string> SegmentInfo::Serialize() const {
  Json blocks_json = Json::array();
  for (const BlockMeta& b : blocks) {
    Json cols = Json::array();
    for (const ColumnStats& c : b.columns) cols.push_back(ColumnStatsToJson(c, true));
    blocks_json.push_back(Json{{"location", b.location},
                               {"row_count", b.row_count},
                               {"file_size", b.file_size},
                               {"compressed_bytes", b.compressed_bytes},
                               {"uncompressed_bytes", b.uncompressed_bytes},
                               {"columns", std::move(cols)}});
  }
  Json doc{{"format_version", format_version},
           {"schema", SchemaToJson(schema)},
           {"summary", SummaryToJson(summary)},
           {"blocks", std::move(blocks_json)}};
  try {
    return DumpJson(doc);
  } catch (const MetaFormatError& e) {
    return Error(ErrorCode::StorageOther, std::string("cannot encode segment: ") + e.what());
  }
}

Result<SegmentInfo> SegmentInfo::Parse(std::string_view text) {
  try {
    Json doc = ParseJson(text);
    if (!doc.is_object()) throw MetaFormatError("segment: expected a JSON object");
    CheckFormatVersion(doc, kSegmentFormatVersion, "segment");
    SegmentInfo seg;
    seg.format_version = static_cast<int>(GetInt(doc, "format_version", "segment"));
    seg.schema = SchemaFromJson(GetField(doc, "schema", "segment"), "segment.schema");
    seg.summary =
        SummaryFromJson(GetField(doc, "summary", "segment"), seg.schema, "segment.summary");
    const Json& blocks = GetField(doc, "blocks", "segment");
    if (!blocks.is_array()) throw MetaFormatError("segment.blocks: expected an array");
    seg.blocks.reserve(blocks.size());
    for (size_t i = 0; i < blocks.size(); ++i) {
      std::string path = "segment.blocks[" + std::to_string(i) + "]";
      const Json& b = blocks[i];
      BlockMeta m;
      m.location = GetString(b, "location", path);
      if (!IsTableObjectKey(m.location, kBlockDir)) {
        throw MetaFormatError(path + ".location: not a block key: " + m.location);
      }
      m.row_count = GetUint(b, "row_count", path);
      m.file_size = GetUint(b, "file_size", path);
      m.compressed_bytes = GetUint(b, "compressed_bytes", path);
      m.uncompressed_bytes = GetUint(b, "uncompressed_bytes", path);
      m.columns =
          ColumnStatsListFromJson(GetField(b, "columns", path), seg.schema, path + ".columns");
      seg.blocks.push_back(std::move(m));
    }
    return seg;
  } catch (const MetaFormatError& e) {
    return Error(ErrorCode::StorageOther, std::string("corrupt segment: ") + e.what());
  } catch (const Json::exception& e) {
    return Error(ErrorCode::StorageOther, std::string("corrupt segment: ") + e.what());
  }
}

}  // namespace strata
