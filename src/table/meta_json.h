// JSON building blocks shared by the segment and snapshot documents (table/segment.h,
// table/snapshot.h): typed values, schemas, column statistics and checked field access.
// Internal to table/: nothing outside it should need nlohmann-json.
//
// Decoding never trusts the document: a missing field, a wrong JSON type or an
// out-of-range number throws MetaFormatError with the path of the offending field; the
// document's Parse() turns that into a Status.
#pragma once

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>

#include "table/column_stats.h"
#include "table/segment.h"
#include "vector/chunk.h"

namespace strata {

using Json = nlohmann::json;

class MetaFormatError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Value <-> JSON, given the column's type (documented in docs/format.md): NULL -> null;
// BOOLEAN -> true/false; integers, DATE (days) and TIMESTAMP (microseconds) -> integer;
// FLOAT/DOUBLE -> number in shortest round-trip form, or "NaN" / "Infinity" /
// "-Infinity"; DECIMAL -> the unscaled integer as a string; VARCHAR -> string, or
// {"hex": "..."} when the bytes are not valid UTF-8.
// REQUIRES: v is NULL or v.type() is `type`'s physical kind.
Json ValueToJson(const Value& v);
Value ValueFromJson(const Json& j, const DataType& type, const std::string& path);

Json SchemaToJson(const Schema& schema);
Schema SchemaFromJson(const Json& j, const std::string& path);

// `with_bytes`: whether the per-column byte counts are written (blocks) or not (summaries).
Json ColumnStatsToJson(const ColumnStats& s, bool with_bytes);
ColumnStats ColumnStatsFromJson(const Json& j, const DataType& type, const std::string& path);
// One ColumnStats per schema field, in order.
std::vector<ColumnStats> ColumnStatsListFromJson(const Json& j, const Schema& schema,
                                                 const std::string& path);

Json SummaryToJson(const DataSummary& s);
DataSummary SummaryFromJson(const Json& j, const Schema& schema, const std::string& path);

// Checked access: the field must exist and have the right JSON type.
const Json& GetField(const Json& obj, const char* name, const std::string& path);
uint64_t GetUint(const Json& obj, const char* name, const std::string& path);
int64_t GetInt(const Json& obj, const char* name, const std::string& path);
std::string GetString(const Json& obj, const char* name, const std::string& path);
// Checks "format_version" is a version this build reads (1..max_version).
void CheckFormatVersion(const Json& obj, int max_version, const char* what);

// Serialises compactly; invalid UTF-8 anywhere throws MetaFormatError.
std::string DumpJson(const Json& j);
// Parses; syntax errors throw MetaFormatError.
Json ParseJson(std::string_view text);

bool IsValidUtf8(std::string_view s);

}  // namespace strata
