// Turns values in Parquet's less common encodings into their PLAIN form, so the column
// decoders need only one path per physical type. Covers the encodings of data page v2
// writers (DuckDB's PARQUET_VERSION V2, Arrow): DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY,
// DELTA_BYTE_ARRAY and BYTE_STREAM_SPLIT.
//
// Internal to src/format/parquet/. Thread-safety: stateless functions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace strata::parquet {

// True when TranscodeToPlain handles `encoding` (a Parquet Encoding enum value).
bool IsTranscodedEncoding(int32_t encoding);

// Decodes `count` values of physical type `physical` (Parquet Type enum; `type_length`
// for FIXED_LEN_BYTE_ARRAY) from [data, data + size) and writes them PLAIN-encoded into
// `*plain`. False with a message in `*error` for malformed input or an encoding that does
// not apply to the type.
bool TranscodeToPlain(int32_t encoding, int32_t physical, int32_t type_length, const uint8_t* data,
                      size_t size, size_t count, std::vector<uint8_t>* plain, std::string* error);

}  // namespace strata::parquet
