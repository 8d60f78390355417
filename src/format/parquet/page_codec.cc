#include "format/parquet/page_codec.h"

#include <lz4.h>
#include <snappy.h>
#include <zstd.h>

#include <cstring>
#include <limits>

namespace strata::parquet {

struct PageCodec::Contexts {
  ZSTD_CCtx* cctx = nullptr;
  ZSTD_DCtx* dctx = nullptr;
  ~Contexts() {
    ZSTD_freeCCtx(cctx);
    ZSTD_freeDCtx(dctx);
  }
};

PageCodec::PageCodec() : contexts_(std::make_unique<Contexts>()) {}
PageCodec::~PageCodec() = default;

bool IsSupportedCodec(int32_t codec) {
  switch (static_cast<Codec>(codec)) {
    case Codec::kUncompressed:
    case Codec::kSnappy:
    case Codec::kLz4Hadoop:
    case Codec::kZstd:
    case Codec::kLz4Raw:
      return true;
    default:
      return false;
  }
}

bool PageCodec::Compress(Codec codec, int zstd_level, std::string_view input, std::string* out,
                         std::string* error) {
  size_t at = out->size();
  switch (codec) {
    case Codec::kUncompressed:
      out->append(input);
      return true;
    case Codec::kSnappy: {
      out->resize(at + snappy::MaxCompressedLength(input.size()));
      size_t written = 0;
      snappy::RawCompress(input.data(), input.size(), out->data() + at, &written);
      out->resize(at + written);
      return true;
    }
    case Codec::kZstd: {
      if (contexts_->cctx == nullptr) contexts_->cctx = ZSTD_createCCtx();
      out->resize(at + ZSTD_compressBound(input.size()));
      size_t written = ZSTD_compressCCtx(contexts_->cctx, out->data() + at, out->size() - at,
                                         input.data(), input.size(), zstd_level);
      if (ZSTD_isError(written)) {
        *error = std::string("zstd compression failed: ") + ZSTD_getErrorName(written);
        out->resize(at);
        return false;
      }
      out->resize(at + written);
      return true;
    }
    case Codec::kLz4Raw: {
      if (input.size() > static_cast<size_t>(LZ4_MAX_INPUT_SIZE)) {
        *error = "page too large for lz4";
        return false;
      }
      int bound = LZ4_compressBound(static_cast<int>(input.size()));
      out->resize(at + static_cast<size_t>(bound));
      int written = LZ4_compress_default(input.data(), out->data() + at,
                                         static_cast<int>(input.size()), bound);
      if (written <= 0 && !input.empty()) {
        *error = "lz4 compression failed";
        out->resize(at);
        return false;
      }
      out->resize(at + static_cast<size_t>(written));
      return true;
    }
    default:
      *error = "unsupported compression codec";
      return false;
  }
}

bool PlausibleUncompressedSize(int32_t codec, const uint8_t* input, size_t input_size,
                               size_t output_size, std::string* error) {
  // No page strata accepts is larger than this, compressed or not.
  constexpr size_t kMaxPageBytes = size_t{1} << 30;
  bool ok = output_size <= kMaxPageBytes;
  switch (static_cast<Codec>(codec)) {
    case Codec::kUncompressed:
      ok = ok && input_size == output_size;
      break;
    case Codec::kSnappy: {
      size_t length = 0;
      ok = ok &&
           snappy::GetUncompressedLength(reinterpret_cast<const char*>(input), input_size,
                                         &length) &&
           length == output_size;
      break;
    }
    case Codec::kZstd: {
      unsigned long long first = ZSTD_getFrameContentSize(input, input_size);
      if (first == ZSTD_CONTENTSIZE_ERROR) ok = false;
      // Writers compress a page as one frame that records its size: it must match.
      if (first != ZSTD_CONTENTSIZE_UNKNOWN && first != output_size) ok = false;
      break;
    }
    case Codec::kLz4Raw:
    case Codec::kLz4Hadoop:
      // lz4 cannot expand data more than 255 times.
      ok = ok && output_size <= input_size * 255 + 64;
      break;
    default:
      *error = "unsupported compression codec " + std::to_string(codec);
      return false;
  }
  if (!ok) *error = "page sizes do not match its compressed data";
  return ok;
}

namespace {

uint32_t LoadBigEndian32(const uint8_t* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
}

bool Lz4RawBlock(const uint8_t* input, size_t input_size, uint8_t* output, size_t output_size) {
  if (input_size > static_cast<size_t>(LZ4_MAX_INPUT_SIZE) ||
      output_size > static_cast<size_t>(std::numeric_limits<int>::max())) {
    return false;
  }
  int n = LZ4_decompress_safe(reinterpret_cast<const char*>(input), reinterpret_cast<char*>(output),
                              static_cast<int>(input_size), static_cast<int>(output_size));
  return n >= 0 && static_cast<size_t>(n) == output_size;
}

// Hadoop's framing: blocks of [4-byte BE uncompressed size][4-byte BE compressed size][data].
bool Lz4Hadoop(const uint8_t* input, size_t input_size, uint8_t* output, size_t output_size) {
  size_t in = 0, produced = 0;
  while (in < input_size) {
    if (input_size - in < 8) return false;
    uint32_t raw = LoadBigEndian32(input + in);
    uint32_t packed = LoadBigEndian32(input + in + 4);
    in += 8;
    if (packed > input_size - in || raw > output_size - produced) return false;
    if (!Lz4RawBlock(input + in, packed, output + produced, raw)) return false;
    in += packed;
    produced += raw;
  }
  return produced == output_size;
}

}  // namespace

bool PageCodec::Decompress(int32_t codec, const uint8_t* input, size_t input_size, uint8_t* output,
                           size_t output_size, std::string* error) {
  switch (static_cast<Codec>(codec)) {
    case Codec::kUncompressed:
      if (input_size != output_size) {
        *error = "uncompressed page size mismatch";
        return false;
      }
      if (input_size > 0) std::memcpy(output, input, input_size);
      return true;
    case Codec::kSnappy: {
      size_t length = 0;
      if (!snappy::GetUncompressedLength(reinterpret_cast<const char*>(input), input_size,
                                         &length) ||
          length != output_size ||
          !snappy::RawUncompress(reinterpret_cast<const char*>(input), input_size,
                                 reinterpret_cast<char*>(output))) {
        *error = "corrupt snappy page";
        return false;
      }
      return true;
    }
    case Codec::kZstd: {
      if (contexts_->dctx == nullptr) contexts_->dctx = ZSTD_createDCtx();
      size_t n = ZSTD_decompressDCtx(contexts_->dctx, output, output_size, input, input_size);
      if (ZSTD_isError(n) || n != output_size) {
        *error = "corrupt zstd page";
        return false;
      }
      return true;
    }
    case Codec::kLz4Raw:
      if (!Lz4RawBlock(input, input_size, output, output_size)) {
        *error = "corrupt lz4 page";
        return false;
      }
      return true;
    case Codec::kLz4Hadoop:
      // Old writers used the plain block format under the same codec id.
      if (!Lz4Hadoop(input, input_size, output, output_size) &&
          !Lz4RawBlock(input, input_size, output, output_size)) {
        *error = "corrupt lz4 page";
        return false;
      }
      return true;
    default:
      *error = "unsupported compression codec " + std::to_string(codec);
      return false;
  }
}

}  // namespace strata::parquet
