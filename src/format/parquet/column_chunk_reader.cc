#include "format/parquet/column_chunk_reader.h"

#include <cstring>
#include <limits>
#include <type_traits>

#include "format/parquet/plain_transcoder.h"
#include "format/parquet/rle_bit_packed.h"
#include "format/parquet/thrift_codec.h"

namespace strata::parquet {

namespace {

bool Fail(std::string* error, std::string message) {
  *error = std::move(message);
  return false;
}

uint32_t LoadU32(const uint8_t* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

int64_t FloorDiv1000(int64_t v) {
  int64_t q = v / 1000;
  return (v % 1000 != 0 && v < 0) ? q - 1 : q;
}

bool IsDictionaryEncoding(int32_t e) {
  return e == pt::Encoding::PLAIN_DICTIONARY || e == pt::Encoding::RLE_DICTIONARY;
}

// Bytes of one PLAIN value of a fixed-size physical type; 0 for BYTE_ARRAY and BOOLEAN.
size_t PlainWidth(const ColumnLayout& layout) {
  switch (layout.physical) {
    case pt::Type::INT32:
    case pt::Type::FLOAT:
      return 4;
    case pt::Type::INT64:
    case pt::Type::DOUBLE:
      return 8;
    case pt::Type::INT96:
      return 12;
    case pt::Type::FIXED_LEN_BYTE_ARRAY:
      return static_cast<size_t>(layout.type_length);
    default:
      return 0;
  }
}

// Decodes `m` PLAIN values of the layout's physical type into dst[0..m) as T.
template <typename T>
bool DecodePlain(const ColumnLayout& layout, const uint8_t* src, size_t size, size_t m, T* dst,
                 std::string* error) {
  const bool is_unsigned = layout.convert == Convert::kUnsigned;
  if (layout.physical == pt::Type::BOOLEAN) {
    if (size < (m + 7) / 8) return Fail(error, "page has fewer values than it claims");
    for (size_t i = 0; i < m; ++i) dst[i] = static_cast<T>((src[i >> 3] >> (i & 7)) & 1);
    return true;
  }
  if (layout.physical == pt::Type::BYTE_ARRAY) {
    // Only decimals reach here: strings are decoded by ReadStrings.
    size_t p = 0;
    for (size_t i = 0; i < m; ++i) {
      if (size - p < 4) return Fail(error, "page has fewer values than it claims");
      uint32_t len = LoadU32(src + p);
      p += 4;
      if (len > size - p) return Fail(error, "value length beyond the page");
      if (len > 16) return Fail(error, "decimal value wider than 16 bytes");
      dst[i] = static_cast<T>(BigEndianToInt128(src + p, len));
      p += len;
    }
    return true;
  }
  const size_t width = PlainWidth(layout);
  if (width == 0 || m > size / width) return Fail(error, "page has fewer values than it claims");
  switch (layout.physical) {
    case pt::Type::INT32:
      if (sizeof(T) == 4 && !is_unsigned && std::is_integral_v<T>) {
        std::memcpy(dst, src, m * 4);
      } else {
        for (size_t i = 0; i < m; ++i) {
          int32_t v;
          std::memcpy(&v, src + i * 4, 4);
          dst[i] = is_unsigned ? static_cast<T>(static_cast<uint32_t>(v)) : static_cast<T>(v);
        }
      }
      return true;
    case pt::Type::INT64:
      if (sizeof(T) == 8 && layout.convert == Convert::kNone && std::is_integral_v<T>) {
        std::memcpy(dst, src, m * 8);
      } else {
        for (size_t i = 0; i < m; ++i) {
          int64_t v;
          std::memcpy(&v, src + i * 8, 8);
          switch (layout.convert) {
            case Convert::kUnsigned:
              dst[i] = static_cast<T>(static_cast<uint64_t>(v));
              break;
            case Convert::kMillisToMicros:
              dst[i] = static_cast<T>(static_cast<int64_t>(static_cast<uint64_t>(v) * 1000u));
              break;
            case Convert::kNanosToMicros:
              dst[i] = static_cast<T>(FloorDiv1000(v));
              break;
            default:
              dst[i] = static_cast<T>(v);
          }
        }
      }
      return true;
    case pt::Type::INT96:
      for (size_t i = 0; i < m; ++i) dst[i] = static_cast<T>(Int96ToMicros(src + i * 12));
      return true;
    case pt::Type::FLOAT:
    case pt::Type::DOUBLE:
      if (sizeof(T) != width) return Fail(error, "float width mismatch");
      std::memcpy(dst, src, m * width);
      return true;
    case pt::Type::FIXED_LEN_BYTE_ARRAY:
      if (width > 16) return Fail(error, "decimal value wider than 16 bytes");
      for (size_t i = 0; i < m; ++i) {
        dst[i] = static_cast<T>(BigEndianToInt128(src + i * width, width));
      }
      return true;
    default:
      return Fail(error, "unsupported physical type");
  }
}

// Spreads the `valid` dense values at dst[0..valid) over the n rows by levels; null rows
// become zero. Walks backwards so it works in place.
template <typename T>
void ExpandNulls(const uint8_t* levels, size_t n, size_t valid, T* dst) {
  size_t src = valid;
  for (size_t i = n; i-- > 0;) {
    if (levels[i]) {
      dst[i] = dst[--src];
    } else {
      dst[i] = T{};
    }
  }
}

}  // namespace

bool ColumnChunkReader::NextPage(DecodedPage* page, uint64_t rows_left, std::string* error) {
  *page = DecodedPage();
  pt::PageHeader header;
  size_t consumed = 0;
  std::string detail;
  if (!DeserializeThrift(data_ + pos_, size_ - pos_, &header, &consumed, &detail)) {
    return Fail(error, "bad page header: " + detail);
  }
  pos_ += consumed;
  if (header.compressed_page_size < 0 || header.uncompressed_page_size < 0 ||
      static_cast<size_t>(header.compressed_page_size) > size_ - pos_) {
    return Fail(error, "page size beyond the column chunk");
  }
  const uint8_t* raw = data_ + pos_;
  const size_t raw_size = static_cast<size_t>(header.compressed_page_size);
  const size_t full_size = static_cast<size_t>(header.uncompressed_page_size);
  pos_ += raw_size;

  // Decompresses [raw + skip, raw + raw_size) into `full_size - skip` bytes; returns them.
  auto decompress = [&](size_t skip, bool compressed, const uint8_t** out,
                        size_t* out_size) -> bool {
    if (skip > raw_size || skip > full_size) return Fail(error, "page levels beyond the page");
    if (!compressed || chunk_codec_ == static_cast<int32_t>(Codec::kUncompressed)) {
      if (raw_size != full_size) return Fail(error, "uncompressed page size mismatch");
      *out = raw + skip;
      *out_size = raw_size - skip;
      return true;
    }
    size_t need = full_size - skip;
    if (!PlausibleUncompressedSize(chunk_codec_, raw + skip, raw_size - skip, need, &detail)) {
      return Fail(error, detail);
    }
    page_buffer_.resize(need);
    if (!codec_->Decompress(chunk_codec_, raw + skip, raw_size - skip, page_buffer_.data(), need,
                            &detail)) {
      return Fail(error, detail);
    }
    *out = page_buffer_.data();
    *out_size = need;
    return true;
  };
  auto decode_levels = [&](const uint8_t* p, size_t len, size_t n) -> bool {
    levels_.resize(n);
    RleBitPackedDecoder decoder(p, len, 1);
    if (!decoder.Get(levels_.data(), n)) return Fail(error, "bad definition levels");
    size_t valid = 0;
    for (size_t i = 0; i < n; ++i) valid += levels_[i];
    page->valid = valid;
    page->levels = valid == n ? nullptr : levels_.data();
    return true;
  };
  const bool nullable = layout_->field.nullable;

  switch (header.type) {
    case pt::PageType::DICTIONARY_PAGE: {
      if (!header.__isset.dictionary_page_header) return Fail(error, "missing dictionary header");
      const auto& h = header.dictionary_page_header;
      if (h.encoding != pt::Encoding::PLAIN && h.encoding != pt::Encoding::PLAIN_DICTIONARY) {
        return Fail(error, "unsupported dictionary encoding");
      }
      if (h.num_values < 0) return Fail(error, "negative dictionary size");
      page->is_dictionary = true;
      page->num_values = page->valid = static_cast<size_t>(h.num_values);
      page->encoding = pt::Encoding::PLAIN;
      return decompress(0, true, &page->values, &page->values_size);
    }
    case pt::PageType::DATA_PAGE: {
      if (!header.__isset.data_page_header) return Fail(error, "missing data page header");
      const auto& h = header.data_page_header;
      if (h.num_values < 0 || static_cast<uint64_t>(h.num_values) > rows_left) {
        return Fail(error, "page has more values than the row group");
      }
      const size_t n = static_cast<size_t>(h.num_values);
      page->num_values = page->valid = n;
      page->encoding = h.encoding;
      const uint8_t* body;
      size_t body_size;
      if (!decompress(0, true, &body, &body_size)) return false;
      if (nullable) {
        if (h.definition_level_encoding != pt::Encoding::RLE) {
          return Fail(error, "unsupported definition level encoding");
        }
        if (body_size < 4) return Fail(error, "page too short for its levels");
        uint32_t len = LoadU32(body);
        if (len > body_size - 4) return Fail(error, "levels beyond the page");
        if (!decode_levels(body + 4, len, n)) return false;
        body += 4 + len;
        body_size -= 4 + len;
      }
      page->values = body;
      page->values_size = body_size;
      return TranscodeValues(page, error);
    }
    case pt::PageType::DATA_PAGE_V2: {
      if (!header.__isset.data_page_header_v2) return Fail(error, "missing data page header");
      const auto& h = header.data_page_header_v2;
      if (h.num_values < 0 || static_cast<uint64_t>(h.num_values) > rows_left ||
          h.num_rows != h.num_values || h.num_nulls < 0 || h.num_nulls > h.num_values) {
        return Fail(error, "bad value counts in page header");
      }
      if (h.repetition_levels_byte_length != 0) return Fail(error, "nested data not supported");
      if (h.definition_levels_byte_length < 0) return Fail(error, "negative level length");
      const size_t n = static_cast<size_t>(h.num_values);
      const size_t def_len = static_cast<size_t>(h.definition_levels_byte_length);
      if (def_len > raw_size) return Fail(error, "levels beyond the page");
      page->num_values = page->valid = n;
      page->encoding = h.encoding;
      if (nullable && def_len > 0) {
        if (!decode_levels(raw, def_len, n)) return false;
      } else if (h.num_nulls != 0) {
        return Fail(error, "nulls without definition levels");
      }
      if (page->valid + static_cast<size_t>(h.num_nulls) != n) {
        return Fail(error, "null count does not match definition levels");
      }
      bool compressed = !h.__isset.is_compressed || h.is_compressed;
      return decompress(def_len, compressed, &page->values, &page->values_size) &&
             TranscodeValues(page, error);
    }
    default:
      page->num_values = 0;  // index pages and unknown kinds carry no rows
      return true;
  }
}

bool ColumnChunkReader::TranscodeValues(DecodedPage* page, std::string* error) {
  if (!IsTranscodedEncoding(page->encoding)) return true;
  if (!TranscodeToPlain(page->encoding, layout_->physical, layout_->type_length, page->values,
                        page->values_size, page->valid, &transcoded_, error)) {
    return false;
  }
  page->encoding = pt::Encoding::PLAIN;
  page->values = transcoded_.data();
  page->values_size = transcoded_.size();
  return true;
}

bool ColumnChunkReader::DecodeIndices(const DecodedPage& page, size_t dictionary_size,
                                      std::string* error) {
  if (page.values_size < 1 && page.valid > 0) return Fail(error, "missing dictionary indices");
  indices_.resize(page.valid);
  if (page.valid == 0) return true;
  int bit_width = page.values[0];
  if (bit_width > 32) return Fail(error, "bad dictionary index width");
  RleBitPackedDecoder decoder(page.values + 1, page.values_size - 1, bit_width);
  if (!decoder.Get(indices_.data(), page.valid)) return Fail(error, "bad dictionary indices");
  for (uint32_t idx : indices_) {
    if (idx >= dictionary_size) return Fail(error, "dictionary index out of range");
  }
  return true;
}

template <typename T>
bool ColumnChunkReader::ReadFixed(Column* column, uint64_t rows, std::string* error) {
  std::vector<T> dictionary;
  bool has_dictionary = false;
  uint64_t done = 0;
  DecodedPage page;
  while (done < rows) {
    if (pos_ >= size_) return Fail(error, "column chunk ends before all its rows");
    if (!NextPage(&page, rows - done, error)) return false;
    if (page.is_dictionary) {
      if (has_dictionary) return Fail(error, "second dictionary page");
      // Every entry takes at least min_bits in the page: check before allocating.
      size_t min_bits = layout_->physical == pt::Type::BOOLEAN      ? 1
                        : layout_->physical == pt::Type::BYTE_ARRAY ? 32
                                                                    : PlainWidth(*layout_) * 8;
      if (page.num_values > page.values_size * 8 / min_bits) {
        return Fail(error, "dictionary page shorter than its values");
      }
      dictionary.resize(page.num_values);
      if (!DecodePlain(*layout_, page.values, page.values_size, page.num_values, dictionary.data(),
                       error)) {
        return false;
      }
      has_dictionary = true;
      continue;
    }
    const size_t n = page.num_values;
    if (n == 0) continue;
    const size_t row0 = static_cast<size_t>(done);
    column->Resize(row0 + n);
    T* dst = column->Data<T>() + row0;
    if (IsDictionaryEncoding(page.encoding)) {
      if (!has_dictionary) return Fail(error, "dictionary-encoded page without dictionary");
      if (!DecodeIndices(page, dictionary.size(), error)) return false;
      const T* dict = dictionary.data();
      for (size_t i = 0; i < page.valid; ++i) dst[i] = dict[indices_[i]];
    } else if (page.encoding == pt::Encoding::PLAIN) {
      if (!DecodePlain(*layout_, page.values, page.values_size, page.valid, dst, error)) {
        return false;
      }
    } else if (page.encoding == pt::Encoding::RLE && layout_->physical == pt::Type::BOOLEAN) {
      if constexpr (std::is_same_v<T, uint8_t>) {
        if (page.values_size < 4) return Fail(error, "page too short");
        uint32_t len = LoadU32(page.values);
        if (len > page.values_size - 4) return Fail(error, "values beyond the page");
        RleBitPackedDecoder decoder(page.values + 4, len, 1);
        if (!decoder.Get(dst, page.valid)) return Fail(error, "bad RLE booleans");
      }
    } else {
      return Fail(error, "unsupported encoding " + std::to_string(page.encoding));
    }
    if (page.levels != nullptr) {
      ExpandNulls(page.levels, n, page.valid, dst);
      std::memcpy(column->MutableValidity() + row0, page.levels, n);
    }
    done += n;
  }
  return true;
}

bool ColumnChunkReader::ReadStrings(Column* column, uint64_t rows, std::string* error) {
  const bool fixed = layout_->physical == pt::Type::FIXED_LEN_BYTE_ARRAY;
  const size_t fixed_len = fixed ? static_cast<size_t>(layout_->type_length) : 0;
  std::vector<uint32_t> dict_offsets;  // start of each entry in the page, plus its end
  std::vector<uint8_t> dict_bytes;
  bool has_dictionary = false;
  uint64_t done = 0;
  DecodedPage page;
  // Walks `count` PLAIN values at p (with length prefixes unless fixed); calls
  // visit(data, len) for each. False when they do not fit in `size` bytes.
  auto walk_plain = [&](const uint8_t* p, size_t size, size_t count, auto&& visit) {
    size_t at = 0;
    for (size_t i = 0; i < count; ++i) {
      size_t len = fixed_len;
      if (!fixed) {
        if (size - at < 4) return false;
        len = LoadU32(p + at);
        at += 4;
      }
      if (len > size - at) return false;
      visit(p + at, len);
      at += len;
    }
    return true;
  };
  while (done < rows) {
    if (pos_ >= size_) return Fail(error, "column chunk ends before all its rows");
    if (!NextPage(&page, rows - done, error)) return false;
    if (page.is_dictionary) {
      if (has_dictionary) return Fail(error, "second dictionary page");
      if (page.num_values > page.values_size + 1) return Fail(error, "dictionary too short");
      dict_offsets.clear();
      dict_bytes.clear();
      dict_offsets.push_back(0);
      bool ok = walk_plain(page.values, page.values_size, page.num_values,
                           [&](const uint8_t* d, size_t len) {
                             dict_bytes.insert(dict_bytes.end(), d, d + len);
                             dict_offsets.push_back(static_cast<uint32_t>(dict_bytes.size()));
                           });
      if (!ok) return Fail(error, "dictionary page shorter than its values");
      has_dictionary = true;
      continue;
    }
    const size_t n = page.num_values;
    if (n == 0) continue;
    const size_t row0 = static_cast<size_t>(done);
    const size_t chars0 = column->CharsSize();
    const uint8_t* levels = page.levels;
    uint64_t total = 0;
    if (IsDictionaryEncoding(page.encoding)) {
      if (!has_dictionary) return Fail(error, "dictionary-encoded page without dictionary");
      if (!DecodeIndices(page, dict_offsets.size() - 1, error)) return false;
      for (size_t i = 0; i < page.valid; ++i) {
        total += dict_offsets[indices_[i] + 1] - dict_offsets[indices_[i]];
      }
    } else if (page.encoding == pt::Encoding::PLAIN) {
      if (!walk_plain(page.values, page.values_size, page.valid,
                      [&](const uint8_t*, size_t len) { total += len; })) {
        return Fail(error, "page has fewer values than it claims");
      }
    } else {
      return Fail(error, "unsupported encoding " + std::to_string(page.encoding));
    }
    if (chars0 + total > std::numeric_limits<uint32_t>::max()) {
      return Fail(error, "row group holds more than 4 GiB of strings in one column");
    }
    column->ResizeStrings(row0 + n, chars0 + static_cast<size_t>(total));
    uint32_t* offsets = column->MutableOffsets() + row0;
    char* chars = column->MutableChars();
    uint32_t at = static_cast<uint32_t>(chars0);
    size_t value = 0;  // next dense value
    if (IsDictionaryEncoding(page.encoding)) {
      const uint8_t* dict = dict_bytes.data();
      for (size_t r = 0; r < n; ++r) {
        if (levels == nullptr || levels[r]) {
          uint32_t idx = indices_[value++];
          uint32_t begin = dict_offsets[idx], len = dict_offsets[idx + 1] - begin;
          std::memcpy(chars + at, dict + begin, len);
          at += len;
        }
        offsets[r + 1] = at;
      }
    } else {
      size_t r = 0;
      walk_plain(page.values, page.values_size, page.valid, [&](const uint8_t* d, size_t len) {
        while (levels != nullptr && !levels[r]) offsets[++r] = at;
        std::memcpy(chars + at, d, len);
        at += static_cast<uint32_t>(len);
        offsets[++r] = at;
      });
      while (r < n) offsets[++r] = at;
    }
    if (levels != nullptr) std::memcpy(column->MutableValidity() + row0, levels, n);
    done += n;
  }
  return true;
}

bool ColumnChunkReader::Read(const ColumnLayout& layout, int32_t codec, const uint8_t* data,
                             size_t size, uint64_t rows, ColumnPtr* out, std::string* error) {
  layout_ = &layout;
  chunk_codec_ = codec;
  data_ = data;
  size_ = size;
  pos_ = 0;
  auto column = MakeColumn(layout.field.type);
  const DataType& type = layout.field.type;
  if (type.id != TypeId::Null && !IsSupportedCodec(codec)) {
    return Fail(error, "unsupported compression codec " + std::to_string(codec));
  }
  bool ok = true;
  switch (type.id) {
    case TypeId::Null:
      column->Resize(static_cast<size_t>(rows));
      break;
    case TypeId::Boolean:
      ok = ReadFixed<uint8_t>(column.get(), rows, error);
      break;
    case TypeId::Int8:
      ok = ReadFixed<int8_t>(column.get(), rows, error);
      break;
    case TypeId::Int16:
      ok = ReadFixed<int16_t>(column.get(), rows, error);
      break;
    case TypeId::Int32:
    case TypeId::Date:
      ok = ReadFixed<int32_t>(column.get(), rows, error);
      break;
    case TypeId::Int64:
    case TypeId::Timestamp:
      ok = ReadFixed<int64_t>(column.get(), rows, error);
      break;
    case TypeId::Float32:
      ok = ReadFixed<float>(column.get(), rows, error);
      break;
    case TypeId::Float64:
      ok = ReadFixed<double>(column.get(), rows, error);
      break;
    case TypeId::Decimal:
      ok = type.IsDecimal128() ? ReadFixed<int128_t>(column.get(), rows, error)
                               : ReadFixed<int64_t>(column.get(), rows, error);
      break;
    case TypeId::String:
      ok = ReadStrings(column.get(), rows, error);
      break;
  }
  if (!ok) return false;
  *out = std::move(column);
  return true;
}

}  // namespace strata::parquet
