#include "format/parquet/plain_transcoder.h"

#include <cstring>

#include "parquet_types.h"

namespace strata::parquet {

namespace {

namespace pt = ::strata::parquet_thrift;

// Output larger than this from a single page is treated as malformed input.
constexpr size_t kMaxOutputBytes = size_t{1} << 30;

bool Fail(std::string* error, const char* message) {
  *error = message;
  return false;
}

class ByteReader {
 public:
  ByteReader(const uint8_t* data, size_t size) : data_(data), size_(size) {}

  bool Varint(uint64_t* v) {
    *v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= size_) return false;
      uint8_t b = data_[pos_++];
      *v |= static_cast<uint64_t>(b & 0x7F) << shift;
      if ((b & 0x80) == 0) return true;
    }
    return false;
  }
  bool ZigZag(int64_t* v) {
    uint64_t u;
    if (!Varint(&u)) return false;
    *v = static_cast<int64_t>((u >> 1) ^ (~(u & 1) + 1));
    return true;
  }
  const uint8_t* here() const { return data_ + pos_; }
  size_t left() const { return size_ - pos_; }
  void Skip(size_t n) { pos_ += n; }

 private:
  const uint8_t* data_;
  size_t size_;
  size_t pos_ = 0;
};

// Reads `width` (0..64) bits at bit offset `bit` of [p, p + bytes), zero past the end.
uint64_t ReadBits(const uint8_t* p, size_t bytes, uint64_t bit, int width) {
  if (width == 0) return 0;
  size_t byte = static_cast<size_t>(bit >> 3);
  int shift = static_cast<int>(bit & 7);
  uint8_t buf[9] = {0};
  size_t n = byte < bytes ? std::min<size_t>(9, bytes - byte) : 0;
  if (n > 0) std::memcpy(buf, p + byte, n);
  uint64_t lo;
  std::memcpy(&lo, buf, 8);
  uint64_t v = lo >> shift;
  if (shift + width > 64) v |= static_cast<uint64_t>(buf[8]) << (64 - shift);
  return width == 64 ? v : v & ((uint64_t{1} << width) - 1);
}

// DELTA_BINARY_PACKED: decodes `count` values (wrapping 64-bit arithmetic, as writers
// of 32-bit columns wrap in 32 bits and only the low bits matter). Leaves `in` after the
// consumed bytes.
bool DecodeDeltas(ByteReader& in, size_t count, std::vector<uint64_t>* out, std::string* error) {
  uint64_t block_size, miniblocks, total;
  int64_t first;
  if (!in.Varint(&block_size) || !in.Varint(&miniblocks) || !in.Varint(&total) ||
      !in.ZigZag(&first)) {
    return Fail(error, "bad DELTA_BINARY_PACKED header");
  }
  if (block_size == 0 || block_size % 128 != 0 || block_size > (1u << 20) || miniblocks == 0 ||
      block_size % miniblocks != 0 || (block_size / miniblocks) % 32 != 0) {
    return Fail(error, "bad DELTA_BINARY_PACKED block layout");
  }
  if (total < count) return Fail(error, "DELTA_BINARY_PACKED holds fewer values than needed");
  out->resize(count);
  if (count == 0) {
    // The header alone is present; blocks of zero values are not written.
    return true;
  }
  const size_t per_mini = static_cast<size_t>(block_size / miniblocks);
  uint64_t value = static_cast<uint64_t>(first);
  (*out)[0] = value;
  size_t done = 1;
  // Only blocks holding needed values are read: writers omit trailing empty miniblocks.
  while (done < count) {
    int64_t min_delta;
    if (!in.ZigZag(&min_delta)) return Fail(error, "bad DELTA_BINARY_PACKED block");
    if (in.left() < miniblocks) return Fail(error, "DELTA_BINARY_PACKED block truncated");
    const uint8_t* widths = in.here();
    in.Skip(static_cast<size_t>(miniblocks));
    for (size_t m = 0; m < miniblocks && done < count; ++m) {
      int width = widths[m];
      if (width > 64) return Fail(error, "bad DELTA_BINARY_PACKED bit width");
      size_t bytes = per_mini * static_cast<size_t>(width) / 8;
      size_t present = std::min(bytes, in.left());
      size_t take = std::min(per_mini, count - done);
      if (take * static_cast<size_t>(width) > present * 8) {
        return Fail(error, "DELTA_BINARY_PACKED miniblock truncated");
      }
      for (size_t i = 0; i < take; ++i) {
        uint64_t delta = ReadBits(in.here(), present, i * static_cast<uint64_t>(width), width);
        value += static_cast<uint64_t>(min_delta) + delta;
        (*out)[done++] = value;
      }
      in.Skip(present);
    }
  }
  return true;
}

template <typename T>
void AppendLittleEndian(T v, std::vector<uint8_t>* out) {
  size_t at = out->size();
  out->resize(at + sizeof(T));
  std::memcpy(out->data() + at, &v, sizeof(T));
}

bool AppendByteArray(const uint8_t* p, size_t len, std::vector<uint8_t>* out, std::string* error) {
  if (out->size() + len + 4 > kMaxOutputBytes) return Fail(error, "page expands too much");
  AppendLittleEndian(static_cast<uint32_t>(len), out);
  out->insert(out->end(), p, p + len);
  return true;
}

// Reads DELTA_BINARY_PACKED lengths, checking each fits in 32 bits.
bool DecodeLengths(ByteReader& in, size_t count, std::vector<uint64_t>* lengths,
                   std::string* error) {
  if (!DecodeDeltas(in, count, lengths, error)) return false;
  for (uint64_t len : *lengths) {
    if (len > 0xFFFFFFFFull) return Fail(error, "negative or huge byte array length");
  }
  return true;
}

}  // namespace

bool IsTranscodedEncoding(int32_t encoding) {
  return encoding == pt::Encoding::DELTA_BINARY_PACKED ||
         encoding == pt::Encoding::DELTA_LENGTH_BYTE_ARRAY ||
         encoding == pt::Encoding::DELTA_BYTE_ARRAY || encoding == pt::Encoding::BYTE_STREAM_SPLIT;
}

bool TranscodeToPlain(int32_t encoding, int32_t physical, int32_t type_length, const uint8_t* data,
                      size_t size, size_t count, std::vector<uint8_t>* plain, std::string* error) {
  plain->clear();
  ByteReader in(data, size);
  std::vector<uint64_t> values;
  switch (encoding) {
    case pt::Encoding::DELTA_BINARY_PACKED: {
      if (physical != pt::Type::INT32 && physical != pt::Type::INT64) {
        return Fail(error, "DELTA_BINARY_PACKED on a non-integer column");
      }
      if (!DecodeDeltas(in, count, &values, error)) return false;
      plain->reserve(count * (physical == pt::Type::INT32 ? 4 : 8));
      for (uint64_t v : values) {
        if (physical == pt::Type::INT32) {
          AppendLittleEndian(static_cast<uint32_t>(v), plain);
        } else {
          AppendLittleEndian(v, plain);
        }
      }
      return true;
    }
    case pt::Encoding::DELTA_LENGTH_BYTE_ARRAY: {
      if (physical != pt::Type::BYTE_ARRAY) return Fail(error, "DELTA_LENGTH on non-binary");
      if (!DecodeLengths(in, count, &values, error)) return false;
      for (uint64_t len : values) {
        if (len > in.left()) return Fail(error, "DELTA_LENGTH_BYTE_ARRAY data truncated");
        if (!AppendByteArray(in.here(), static_cast<size_t>(len), plain, error)) return false;
        in.Skip(static_cast<size_t>(len));
      }
      return true;
    }
    case pt::Encoding::DELTA_BYTE_ARRAY: {
      if (physical != pt::Type::BYTE_ARRAY && physical != pt::Type::FIXED_LEN_BYTE_ARRAY) {
        return Fail(error, "DELTA_BYTE_ARRAY on non-binary");
      }
      std::vector<uint64_t> prefixes;
      if (!DecodeLengths(in, count, &prefixes, error) ||
          !DecodeLengths(in, count, &values, error)) {
        return false;
      }
      std::vector<uint8_t> previous, current;
      for (size_t i = 0; i < count; ++i) {
        if (prefixes[i] > previous.size()) return Fail(error, "DELTA_BYTE_ARRAY bad prefix");
        if (values[i] > in.left()) return Fail(error, "DELTA_BYTE_ARRAY data truncated");
        current.assign(previous.begin(), previous.begin() + static_cast<ptrdiff_t>(prefixes[i]));
        current.insert(current.end(), in.here(), in.here() + values[i]);
        in.Skip(static_cast<size_t>(values[i]));
        if (physical == pt::Type::FIXED_LEN_BYTE_ARRAY) {
          if (current.size() != static_cast<size_t>(type_length)) {
            return Fail(error, "DELTA_BYTE_ARRAY value of the wrong fixed length");
          }
          if (plain->size() + current.size() > kMaxOutputBytes) {
            return Fail(error, "page expands too much");
          }
          plain->insert(plain->end(), current.begin(), current.end());
        } else if (!AppendByteArray(current.data(), current.size(), plain, error)) {
          return false;
        }
        previous.swap(current);
      }
      return true;
    }
    case pt::Encoding::BYTE_STREAM_SPLIT: {
      size_t width = 0;
      switch (physical) {
        case pt::Type::INT32:
        case pt::Type::FLOAT:
          width = 4;
          break;
        case pt::Type::INT64:
        case pt::Type::DOUBLE:
          width = 8;
          break;
        case pt::Type::FIXED_LEN_BYTE_ARRAY:
          width = type_length > 0 ? static_cast<size_t>(type_length) : 0;
          break;
        default:
          return Fail(error, "BYTE_STREAM_SPLIT on an unsupported type");
      }
      if (width == 0 || count > size / width) return Fail(error, "BYTE_STREAM_SPLIT truncated");
      // The page holds exactly `streams` values per byte stream; count may be fewer.
      const size_t stride = size / width;
      plain->resize(count * width);
      for (size_t i = 0; i < count; ++i) {
        for (size_t b = 0; b < width; ++b) (*plain)[i * width + b] = data[b * stride + i];
      }
      return true;
    }
    default:
      return Fail(error, "unsupported encoding");
  }
}

}  // namespace strata::parquet
