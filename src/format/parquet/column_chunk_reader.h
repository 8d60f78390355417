// Decodes one Parquet column chunk (dictionary page, data pages v1/v2) straight into a
// strata Column: values land in the Column's buffers without per-value allocation.
//
// Accepts PLAIN, PLAIN_DICTIONARY / RLE_DICTIONARY, RLE for booleans, and the DELTA_* and
// BYTE_STREAM_SPLIT encodings (through plain_transcoder.h); definition
// levels as RLE/bit-packed hybrid; codecs of page_codec.h. Every length and index is
// checked against the bytes that hold it.
//
// Internal to src/format/parquet/. Thread-safety: one reader per thread (it keeps
// scratch buffers between chunks).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "format/parquet/page_codec.h"
#include "format/parquet/parquet_schema.h"

namespace strata::parquet {

// One page after decompression and level decoding.
struct DecodedPage {
  bool is_dictionary = false;
  size_t num_values = 0;            // rows of a data page, entries of a dictionary page
  const uint8_t* levels = nullptr;  // 1 = valid per row; nullptr when every row is valid
  size_t valid = 0;                 // non-null values in the page
  int32_t encoding = 0;             // of the values
  const uint8_t* values = nullptr;  // the encoded non-null values
  size_t values_size = 0;
};

class ColumnChunkReader {
 public:
  explicit ColumnChunkReader(PageCodec* codec) : codec_(codec) {}

  // Decodes the chunk at [data, data + size) (starting at its first page) of a row group
  // of `rows` rows. False with a message in `*error` for any malformed input.
  bool Read(const ColumnLayout& layout, int32_t codec, const uint8_t* data, size_t size,
            uint64_t rows, ColumnPtr* out, std::string* error);

 private:
  // Parses the next page at data_[pos_]; false with *error on malformed input.
  bool NextPage(DecodedPage* page, uint64_t rows_left, std::string* error);
  // Rewrites a data page's values in DELTA_* / BYTE_STREAM_SPLIT encodings as PLAIN.
  bool TranscodeValues(DecodedPage* page, std::string* error);
  template <typename T>
  bool ReadFixed(Column* column, uint64_t rows, std::string* error);
  bool ReadStrings(Column* column, uint64_t rows, std::string* error);
  bool DecodeIndices(const DecodedPage& page, size_t dictionary_size, std::string* error);

  PageCodec* codec_;
  // State of the chunk being read.
  const ColumnLayout* layout_ = nullptr;
  int32_t chunk_codec_ = 0;
  const uint8_t* data_ = nullptr;
  size_t size_ = 0;
  size_t pos_ = 0;
  // Scratch reused across pages and chunks.
  std::vector<uint8_t> page_buffer_;
  std::vector<uint8_t> levels_;
  std::vector<uint32_t> indices_;
  std::vector<uint8_t> transcoded_;
};

}  // namespace strata::parquet
