// Compresses and decompresses Parquet page bodies with the codecs strata supports:
// UNCOMPRESSED, SNAPPY, ZSTD, LZ4_RAW (write and read) and LZ4 with Hadoop framing (read).
//
// Thread-safety: a PageCodec keeps reusable compression contexts; use one per thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace strata::parquet {

// Values are the Parquet CompressionCodec enum's.
enum class Codec : int32_t {
  kUncompressed = 0,
  kSnappy = 1,
  kGzip = 2,
  kLz4Hadoop = 5,
  kZstd = 6,
  kLz4Raw = 7,
};

class PageCodec {
 public:
  PageCodec();
  ~PageCodec();
  PageCodec(const PageCodec&) = delete;
  PageCodec& operator=(const PageCodec&) = delete;

  // Appends the compressed form of `input` to `out`. False (with `*error`) only on a
  // library failure. REQUIRES: codec is one of kUncompressed, kSnappy, kZstd, kLz4Raw.
  bool Compress(Codec codec, int zstd_level, std::string_view input, std::string* out,
                std::string* error);

  // Decompresses exactly `output_size` bytes into `output`. Any corrupt input, a size
  // mismatch or an unsupported codec is false with a message in `*error`.
  bool Decompress(int32_t codec, const uint8_t* input, size_t input_size, uint8_t* output,
                  size_t output_size, std::string* error);

 private:
  struct Contexts;
  std::unique_ptr<Contexts> contexts_;
};

// Cheap check, before allocating `output_size` bytes, that a page of `input_size`
// compressed bytes can plausibly expand to that size (stops corrupted headers from
// allocating gigabytes). False with a message in `*error` otherwise.
bool PlausibleUncompressedSize(int32_t codec, const uint8_t* input, size_t input_size,
                               size_t output_size, std::string* error);

// True for codecs Decompress understands.
bool IsSupportedCodec(int32_t codec);

}  // namespace strata::parquet
