// Reads Parquet files written by strata or by other tools (flat schemas of the types
// strata knows). Reads only the byte ranges it needs, through a RangeReader, so a file in
// object storage is read with a footer request plus one request per needed column range.
//
// Errors: anything malformed (truncated file, bad magic, thrift decode failure, bad
// page, unsupported encoding or codec) is 1201 ParquetFileInvalid naming the file; it
// never crashes or reads out of bounds.
//
// Thread-safety: a ParquetReader may be used by one thread at a time; open one per
// thread to read row groups in parallel (Open is cheap once the footer is cached by the
// caller via FileMetadataBytes()).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "format/parquet/parquet_writer.h"
#include "vector/chunk.h"

namespace strata {

// Returns bytes [offset, offset + length) of the file.
using RangeReader = std::function<Result<std::string>(uint64_t offset, uint64_t length)>;

class ParquetReader {
 public:
  // `name` is used in error messages only.
  static Result<std::unique_ptr<ParquetReader>> Open(std::string name, uint64_t file_size,
                                                     RangeReader read);
  // Like Open, but with the footer bytes a caller cached from FileMetadataBytes() of an
  // earlier reader of the same file: reads nothing until ReadRowGroup.
  static Result<std::unique_ptr<ParquetReader>> OpenWithMetadata(std::string name,
                                                                 uint64_t file_size,
                                                                 std::string metadata,
                                                                 RangeReader read);
  virtual ~ParquetReader() = default;

  // The file's serialized footer (its FileMetaData), for callers that cache it.
  virtual const std::string& FileMetadataBytes() const = 0;

  virtual const Schema& schema() const = 0;
  virtual uint64_t num_rows() const = 0;
  virtual size_t num_row_groups() const = 0;
  virtual uint64_t row_group_rows(size_t row_group) const = 0;
  // Statistics of a column in a row group, when the file has them.
  virtual ColumnStatistics row_group_statistics(size_t row_group, size_t column) const = 0;

  // Reads the given columns (indexes into schema()) of one row group. The result has
  // columns in the order asked, and may be one chunk of all the row group's rows.
  virtual Result<Chunk> ReadRowGroup(size_t row_group, const std::vector<size_t>& columns) = 0;
};

}  // namespace strata
