#include "format/parquet/column_chunk_writer.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <string_view>

#include "common/hash.h"
#include "format/parquet/rle_bit_packed.h"
#include "format/parquet/thrift_codec.h"

namespace strata::parquet {

namespace {

// A dictionary page larger than this is not worth it: the chunk falls back to PLAIN.
constexpr size_t kMaxDictionaryBytes = size_t{1} << 20;
// After this many values, a dictionary that keeps growing with almost every value is
// abandoned early instead of hashing the whole chunk.
constexpr size_t kDictionaryProbeValues = 16384;
// Upper bound for options.page_bytes: page sizes are int32 in the format.
constexpr size_t kMaxPageBytes = size_t{64} << 20;

// FIXED_LEN_BYTE_ARRAY(16): a DECIMAL(p > 18) as big-endian two's complement.
struct Flba16 {
  uint8_t bytes[16];
};

// How a physical value is hashed, compared and PLAIN-encoded.
template <typename Phys>
struct FixedOps {
  static uint64_t Hash(const Phys& v) {
    uint64_t w[2] = {0, 0};
    std::memcpy(w, &v, sizeof(Phys));
    return HashMix(w[0] ^ HashMix(w[1] + 0x51));
  }
  static bool Equal(const Phys& a, const Phys& b) { return std::memcmp(&a, &b, sizeof(Phys)) == 0; }
  static size_t PlainBytes(const Phys&) { return sizeof(Phys); }
  static void AppendPlain(const Phys& v, std::string* out) {
    out->append(reinterpret_cast<const char*>(&v), sizeof(Phys));
  }
};

struct StringOps {
  static uint64_t Hash(std::string_view v) { return HashBytes(v.data(), v.size()); }
  static bool Equal(std::string_view a, std::string_view b) { return a == b; }
  static size_t PlainBytes(std::string_view v) { return 4 + v.size(); }
  static void AppendPlain(std::string_view v, std::string* out) {
    uint32_t n = static_cast<uint32_t>(v.size());
    out->append(reinterpret_cast<const char*>(&n), 4);
    out->append(v);
  }
};

// Sources: read row `row` of a strata column as the Parquet physical value.
template <typename Src, typename Phys>
struct FixedSource {
  using Key = Phys;
  using Ops = FixedOps<Phys>;
  static constexpr bool kBitPacked = false;
  static constexpr bool kAllNull = false;
  static Key Get(const Column& c, size_t row) {
    Src v;
    std::memcpy(&v, c.Data<uint8_t>() + row * sizeof(Src), sizeof(Src));
    if constexpr (std::is_same_v<Phys, Flba16>) {
      Flba16 out;
      auto u = static_cast<unsigned __int128>(v);
      for (int i = 15; i >= 0; --i, u >>= 8) out.bytes[i] = static_cast<uint8_t>(u);
      return out;
    } else {
      return static_cast<Phys>(v);
    }
  }
};

struct StringSource {
  using Key = std::string_view;
  using Ops = StringOps;
  static constexpr bool kBitPacked = false;
  static constexpr bool kAllNull = false;
  static Key Get(const Column& c, size_t row) { return c.GetString(row); }
};

// Booleans are bit-packed in PLAIN; each value is kept as one byte until the page is full.
struct BoolSource {
  using Key = uint8_t;
  using Ops = FixedOps<uint8_t>;
  static constexpr bool kBitPacked = true;
  static constexpr bool kAllNull = false;
  static Key Get(const Column& c, size_t row) { return c.Data<uint8_t>()[row] != 0 ? 1 : 0; }
};

// Columns of type NULL: only definition levels, every one 0.
struct NullSource {
  using Key = int32_t;
  using Ops = FixedOps<int32_t>;
  static constexpr bool kBitPacked = false;
  static constexpr bool kAllNull = true;
  static Key Get(const Column&, size_t) { return 0; }
};

// Open-addressing hash table from value to dictionary index.
template <typename Key, typename Ops>
class Dictionary {
 public:
  Dictionary() : slots_(1024, 0), mask_(1023) {}

  uint32_t Insert(const Key& key) {
    uint64_t h = Ops::Hash(key);
    size_t slot = h & mask_;
    while (true) {
      uint32_t s = slots_[slot];
      if (s == 0) break;
      if (hashes_[s - 1] == h && Ops::Equal(entries_[s - 1], key)) return s - 1;
      slot = (slot + 1) & mask_;
    }
    entries_.push_back(key);
    hashes_.push_back(h);
    plain_bytes_ += Ops::PlainBytes(key);
    slots_[slot] = static_cast<uint32_t>(entries_.size());
    if (entries_.size() * 2 > slots_.size()) Grow();
    return static_cast<uint32_t>(entries_.size() - 1);
  }

  size_t size() const { return entries_.size(); }
  size_t plain_bytes() const { return plain_bytes_; }
  std::string Plain() const {
    std::string out;
    out.reserve(plain_bytes_);
    for (const Key& k : entries_) Ops::AppendPlain(k, &out);
    return out;
  }

 private:
  void Grow() {
    slots_.assign(slots_.size() * 2, 0);
    mask_ = slots_.size() - 1;
    for (size_t i = 0; i < entries_.size(); ++i) {
      size_t slot = hashes_[i] & mask_;
      while (slots_[slot] != 0) slot = (slot + 1) & mask_;
      slots_[slot] = static_cast<uint32_t>(i + 1);
    }
  }

  std::vector<Key> entries_;
  std::vector<uint64_t> hashes_;
  std::vector<uint32_t> slots_;  // entry index + 1; 0 = empty
  size_t mask_;
  size_t plain_bytes_ = 0;
};

// Writes pages to the file and keeps the chunk's offsets and sizes.
class PageWriter {
 public:
  PageWriter(bool nullable, Codec codec, int zstd_level, PageCodec* page_codec, std::string* file)
      : nullable_(nullable),
        codec_(codec),
        zstd_level_(zstd_level),
        page_codec_(page_codec),
        file_(file) {}

  Status WriteDictionaryPage(std::string_view plain, size_t count) {
    pt::DictionaryPageHeader dict;
    dict.__set_num_values(static_cast<int32_t>(count));
    dict.__set_encoding(pt::Encoding::PLAIN);
    pt::PageHeader header;
    header.__set_type(pt::PageType::DICTIONARY_PAGE);
    header.__set_dictionary_page_header(dict);
    dictionary_offset = static_cast<int64_t>(file_->size());
    return WritePage(&header, plain);
  }

  Status WriteDataPage(const std::vector<uint8_t>& levels, size_t rows, std::string_view values,
                       pt::Encoding::type encoding) {
    body_.clear();
    if (nullable_) {
      body_.append(4, '\0');
      EncodeRleBitPacked(levels.data(), rows, 1, &body_);
      uint32_t n = static_cast<uint32_t>(body_.size() - 4);
      std::memcpy(body_.data(), &n, 4);
    }
    body_.append(values);
    pt::DataPageHeader data;
    data.__set_num_values(static_cast<int32_t>(rows));
    data.__set_encoding(encoding);
    data.__set_definition_level_encoding(pt::Encoding::RLE);
    data.__set_repetition_level_encoding(pt::Encoding::RLE);
    pt::PageHeader header;
    header.__set_type(pt::PageType::DATA_PAGE);
    header.__set_data_page_header(data);
    if (data_offset < 0) data_offset = static_cast<int64_t>(file_->size());
    return WritePage(&header, body_);
  }

  int64_t dictionary_offset = -1;
  int64_t data_offset = -1;
  uint64_t uncompressed_bytes = 0;  // headers included, as the format counts them
  uint64_t compressed_bytes = 0;

 private:
  Status WritePage(pt::PageHeader* header, std::string_view body) {
    if (body.size() > static_cast<size_t>(std::numeric_limits<int32_t>::max())) {
      return Error(ErrorCode::BadArguments, "a Parquet page would exceed 2 GiB");
    }
    compressed_.clear();
    std::string error;
    if (!page_codec_->Compress(codec_, zstd_level_, body, &compressed_, &error)) {
      return Error(ErrorCode::Internal, "writing Parquet page: " + error);
    }
    header->__set_uncompressed_page_size(static_cast<int32_t>(body.size()));
    header->__set_compressed_page_size(static_cast<int32_t>(compressed_.size()));
    size_t before = file_->size();
    SerializeThrift(*header, file_);
    size_t header_bytes = file_->size() - before;
    file_->append(compressed_);
    uncompressed_bytes += header_bytes + body.size();
    compressed_bytes += header_bytes + compressed_.size();
    return Status::OK();
  }

  bool nullable_;
  Codec codec_;
  int zstd_level_;
  PageCodec* page_codec_;
  std::string* file_;
  std::string body_;
  std::string compressed_;
};

const uint8_t* ValidityOf(const Column& c) { return c.Validity(); }

// Encodes all segments: dictionary (when it pays) or PLAIN, pages of about page_bytes.
template <typename Source>
Status EncodeChunk(const std::vector<ColumnSegment>& segments, bool nullable, bool try_dictionary,
                   size_t page_bytes, PageWriter* pages, std::vector<int32_t>* encodings) {
  using Key = typename Source::Key;
  using Ops = typename Source::Ops;
  Dictionary<Key, Ops> dict;
  std::vector<uint32_t> indices;
  bool use_dict = false;
  if (try_dictionary && !Source::kAllNull && !Source::kBitPacked) {
    use_dict = true;
    size_t plain_cost = 0;
    for (const ColumnSegment& seg : segments) {
      const uint8_t* valid = ValidityOf(*seg.column);
      for (size_t row = seg.offset; row < seg.offset + seg.length && use_dict; ++row) {
        if (valid && !valid[row]) continue;
        Key k = Source::Get(*seg.column, row);
        plain_cost += Ops::PlainBytes(k);
        indices.push_back(dict.Insert(k));
        if (dict.plain_bytes() > kMaxDictionaryBytes) use_dict = false;
        if (indices.size() == kDictionaryProbeValues && dict.size() * 10 > indices.size() * 9) {
          use_dict = false;
        }
      }
      if (!use_dict) break;
    }
    if (use_dict) {
      int bw = std::max(1, BitWidthFor(dict.size() > 0 ? dict.size() - 1 : 0));
      size_t dict_cost = dict.plain_bytes() + (indices.size() * static_cast<size_t>(bw) + 7) / 8;
      use_dict = dict.size() > 0 && dict_cost < plain_cost;
    }
  }
  const int bit_width = use_dict ? std::max(1, BitWidthFor(dict.size() - 1)) : 0;
  if (use_dict) {
    std::string plain = dict.Plain();
    RETURN_IF_ERROR(pages->WriteDictionaryPage(plain, dict.size()));
    *encodings = {pt::Encoding::PLAIN, pt::Encoding::RLE, pt::Encoding::RLE_DICTIONARY};
  } else {
    *encodings = {pt::Encoding::PLAIN, pt::Encoding::RLE};
  }

  std::vector<uint8_t> levels;
  std::string values;
  std::string encoded;
  size_t page_rows = 0, page_values = 0, next_index = 0;
  auto flush = [&]() -> Status {
    std::string_view body = values;
    if (use_dict) {
      encoded.clear();
      encoded.push_back(static_cast<char>(bit_width));
      EncodeRleBitPacked(indices.data() + next_index, page_values, bit_width, &encoded);
      next_index += page_values;
      body = encoded;
    } else if (Source::kBitPacked) {
      encoded.assign((values.size() + 7) / 8, '\0');
      for (size_t i = 0; i < values.size(); ++i) {
        encoded[i >> 3] = static_cast<char>(encoded[i >> 3] | (values[i] << (i & 7)));
      }
      body = encoded;
    }
    RETURN_IF_ERROR(pages->WriteDataPage(
        levels, page_rows, body, use_dict ? pt::Encoding::RLE_DICTIONARY : pt::Encoding::PLAIN));
    levels.clear();
    values.clear();
    page_rows = page_values = 0;
    return Status::OK();
  };
  const size_t bw = static_cast<size_t>(bit_width);
  for (const ColumnSegment& seg : segments) {
    const Column& col = *seg.column;
    const uint8_t* valid = Source::kAllNull ? nullptr : ValidityOf(col);
    for (size_t row = seg.offset; row < seg.offset + seg.length; ++row) {
      bool is_valid = !Source::kAllNull && (valid == nullptr || valid[row] != 0);
      if (nullable) levels.push_back(is_valid ? 1 : 0);
      ++page_rows;
      if (is_valid) {
        ++page_values;
        if (!use_dict) {
          if constexpr (Source::kBitPacked) {
            values.push_back(static_cast<char>(Source::Get(col, row)));
          } else {
            Ops::AppendPlain(Source::Get(col, row), &values);
          }
        }
      }
      size_t estimate = use_dict             ? page_values * bw / 8
                        : Source::kBitPacked ? values.size() / 8
                                             : values.size() + levels.size() / 8;
      if (estimate >= page_bytes) RETURN_IF_ERROR(flush());
    }
  }
  if (page_rows > 0) RETURN_IF_ERROR(flush());
  return Status::OK();
}

// Min and max over the non-null values, as rows of the segments (NaN never counts).
template <typename T>
void MinMaxRows(const std::vector<ColumnSegment>& segments, Value* min, Value* max) {
  const Column* min_col = nullptr;
  const Column* max_col = nullptr;
  size_t min_row = 0, max_row = 0;
  T lo{}, hi{};
  for (const ColumnSegment& seg : segments) {
    const Column& col = *seg.column;
    const uint8_t* valid = col.Validity();
    for (size_t row = seg.offset; row < seg.offset + seg.length; ++row) {
      if (valid && !valid[row]) continue;
      T v;
      if constexpr (std::is_same_v<T, std::string_view>) {
        v = col.GetString(row);
      } else {
        std::memcpy(&v, col.Data<uint8_t>() + row * sizeof(T), sizeof(T));
        if constexpr (std::is_floating_point_v<T>) {
          if (std::isnan(v)) continue;
        }
      }
      if (min_col == nullptr || v < lo) lo = v, min_col = &col, min_row = row;
      if (max_col == nullptr || hi < v) hi = v, max_col = &col, max_row = row;
    }
  }
  if (min_col == nullptr) return;
  *min = min_col->GetValue(min_row);
  *max = max_col->GetValue(max_row);
}

void ComputeMinMax(const DataType& type, const std::vector<ColumnSegment>& segments, Value* min,
                   Value* max) {
  switch (type.id) {
    case TypeId::Null:
      return;
    case TypeId::Boolean:
      return MinMaxRows<uint8_t>(segments, min, max);
    case TypeId::Int8:
      return MinMaxRows<int8_t>(segments, min, max);
    case TypeId::Int16:
      return MinMaxRows<int16_t>(segments, min, max);
    case TypeId::Int32:
    case TypeId::Date:
      return MinMaxRows<int32_t>(segments, min, max);
    case TypeId::Int64:
    case TypeId::Timestamp:
      return MinMaxRows<int64_t>(segments, min, max);
    case TypeId::Float32:
      MinMaxRows<float>(segments, min, max);
      break;
    case TypeId::Float64:
      MinMaxRows<double>(segments, min, max);
      break;
    case TypeId::Decimal:
      if (type.IsDecimal128()) return MinMaxRows<int128_t>(segments, min, max);
      return MinMaxRows<int64_t>(segments, min, max);
    case TypeId::String:
      return MinMaxRows<std::string_view>(segments, min, max);
  }
  // The format asks for -0.0 as a zero minimum and +0.0 as a zero maximum, so that
  // readers never skip a chunk holding the other zero.
  if (!min->is_null() && min->GetDouble() == 0) *min = Value::Float(type, -0.0);
  if (!max->is_null() && max->GetDouble() == 0) *max = Value::Float(type, 0.0);
}

size_t CountNulls(const DataType& type, const std::vector<ColumnSegment>& segments) {
  size_t nulls = 0;
  for (const ColumnSegment& seg : segments) {
    if (type.id == TypeId::Null) {
      nulls += seg.length;
      continue;
    }
    const uint8_t* valid = seg.column->Validity();
    if (valid == nullptr) continue;
    for (size_t row = seg.offset; row < seg.offset + seg.length; ++row) nulls += valid[row] == 0;
  }
  return nulls;
}

}  // namespace

Status ColumnChunkWriter::Write(const std::vector<ColumnSegment>& segments, std::string* file,
                                pt::ColumnChunk* chunk, ColumnStatistics* stats) {
  const Field& field = layout_.field;
  size_t rows = 0;
  for (const ColumnSegment& seg : segments) rows += seg.length;
  *stats = ColumnStatistics();
  stats->null_count = CountNulls(field.type, segments);
  if (!field.nullable && stats->null_count > 0) {
    return Error(ErrorCode::Internal,
                 "column '" + field.name + "' is NOT NULL but the data to write has NULLs");
  }
  ComputeMinMax(field.type, segments, &stats->min, &stats->max);

  Codec codec = Codec::kZstd;
  switch (options_.compression) {
    case ParquetCompression::kUncompressed:
      codec = Codec::kUncompressed;
      break;
    case ParquetCompression::kSnappy:
      codec = Codec::kSnappy;
      break;
    case ParquetCompression::kZstd:
      codec = Codec::kZstd;
      break;
    case ParquetCompression::kLz4Raw:
      codec = Codec::kLz4Raw;
      break;
  }
  PageWriter pages(field.nullable, codec, options_.zstd_level, codec_, file);
  std::vector<int32_t> encodings;
  size_t page_bytes = std::clamp<size_t>(options_.page_bytes, 1, kMaxPageBytes);
  bool dict = options_.dictionary;
  Status st;
  switch (field.type.id) {
    case TypeId::Null:
      st = EncodeChunk<NullSource>(segments, true, false, page_bytes, &pages, &encodings);
      break;
    case TypeId::Boolean:
      st = EncodeChunk<BoolSource>(segments, field.nullable, false, page_bytes, &pages, &encodings);
      break;
    case TypeId::Int8:
      st = EncodeChunk<FixedSource<int8_t, int32_t>>(segments, field.nullable, dict, page_bytes,
                                                     &pages, &encodings);
      break;
    case TypeId::Int16:
      st = EncodeChunk<FixedSource<int16_t, int32_t>>(segments, field.nullable, dict, page_bytes,
                                                      &pages, &encodings);
      break;
    case TypeId::Int32:
    case TypeId::Date:
      st = EncodeChunk<FixedSource<int32_t, int32_t>>(segments, field.nullable, dict, page_bytes,
                                                      &pages, &encodings);
      break;
    case TypeId::Int64:
    case TypeId::Timestamp:
      st = EncodeChunk<FixedSource<int64_t, int64_t>>(segments, field.nullable, dict, page_bytes,
                                                      &pages, &encodings);
      break;
    case TypeId::Float32:
      st = EncodeChunk<FixedSource<float, float>>(segments, field.nullable, dict, page_bytes,
                                                  &pages, &encodings);
      break;
    case TypeId::Float64:
      st = EncodeChunk<FixedSource<double, double>>(segments, field.nullable, dict, page_bytes,
                                                    &pages, &encodings);
      break;
    case TypeId::Decimal:
      if (layout_.physical == pt::Type::INT32) {
        st = EncodeChunk<FixedSource<int64_t, int32_t>>(segments, field.nullable, dict, page_bytes,
                                                        &pages, &encodings);
      } else if (layout_.physical == pt::Type::INT64) {
        st = EncodeChunk<FixedSource<int64_t, int64_t>>(segments, field.nullable, dict, page_bytes,
                                                        &pages, &encodings);
      } else {
        st = EncodeChunk<FixedSource<int128_t, Flba16>>(segments, field.nullable, dict, page_bytes,
                                                        &pages, &encodings);
      }
      break;
    case TypeId::String:
      st =
          EncodeChunk<StringSource>(segments, field.nullable, dict, page_bytes, &pages, &encodings);
      break;
  }
  RETURN_IF_ERROR(st);

  pt::ColumnMetaData meta;
  meta.__set_type(layout_.physical);
  meta.__set_encodings(encodings);
  meta.__set_path_in_schema({field.name});
  meta.__set_codec(static_cast<pt::CompressionCodec::type>(codec));
  meta.__set_num_values(static_cast<int64_t>(rows));
  meta.__set_total_uncompressed_size(static_cast<int64_t>(pages.uncompressed_bytes));
  meta.__set_total_compressed_size(static_cast<int64_t>(pages.compressed_bytes));
  meta.__set_data_page_offset(pages.data_offset);
  if (pages.dictionary_offset >= 0) meta.__set_dictionary_page_offset(pages.dictionary_offset);
  pt::Statistics statistics;
  statistics.__set_null_count(static_cast<int64_t>(stats->null_count));
  if (!stats->min.is_null()) {
    statistics.__set_min_value(EncodeStatistic(stats->min, layout_));
    statistics.__set_max_value(EncodeStatistic(stats->max, layout_));
    statistics.__set_is_min_value_exact(true);
    statistics.__set_is_max_value_exact(true);
  }
  meta.__set_statistics(statistics);

  chunk->__set_file_offset(pages.dictionary_offset >= 0 ? pages.dictionary_offset
                                                        : pages.data_offset);
  chunk->__set_meta_data(meta);
  stats->compressed_bytes = pages.compressed_bytes;
  stats->uncompressed_bytes = pages.uncompressed_bytes;
  return Status::OK();
}

}  // namespace strata::parquet
