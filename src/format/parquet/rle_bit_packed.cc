#include "format/parquet/rle_bit_packed.h"

#include <cstring>

namespace strata::parquet {

int BitWidthFor(uint64_t max_value) {
  int w = 0;
  while (max_value != 0) {
    ++w;
    max_value >>= 1;
  }
  return w;
}

namespace {

void PutVarint(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

// Bit-packed runs are limited to 63 groups so that their header is a single byte.
constexpr size_t kMaxGroupsPerRun = 63;

template <typename T>
void PackGroup(const T* values, size_t count, int bit_width, std::string* out) {
  uint64_t acc = 0;
  int bits = 0;
  for (size_t i = 0; i < 8; ++i) {
    uint64_t v = i < count ? static_cast<uint64_t>(values[i]) : 0;
    acc |= v << bits;
    bits += bit_width;
    while (bits >= 8) {
      out->push_back(static_cast<char>(acc & 0xFF));
      acc >>= 8;
      bits -= 8;
    }
  }
}

}  // namespace

template <typename T>
void EncodeRleBitPacked(const T* values, size_t n, int bit_width, std::string* out) {
  const size_t value_bytes = static_cast<size_t>(bit_width + 7) / 8;
  std::string packed;  // pending bit-packed groups
  size_t groups = 0;
  auto flush_packed = [&]() {
    if (groups == 0) return;
    PutVarint((groups << 1) | 1, out);
    out->append(packed);
    packed.clear();
    groups = 0;
  };
  size_t i = 0;
  while (i < n) {
    size_t j = i + 1;
    while (j < n && values[j] == values[i]) ++j;
    if (j - i >= 8) {
      flush_packed();
      PutVarint(static_cast<uint64_t>(j - i) << 1, out);
      uint64_t v = static_cast<uint64_t>(values[i]);
      for (size_t b = 0; b < value_bytes; ++b) out->push_back(static_cast<char>(v >> (8 * b)));
      i = j;
      continue;
    }
    // Fewer than 8 repeats: pack the next 8 values (the last group is zero-padded; the
    // reader knows the value count from the page header).
    size_t count = n - i < 8 ? n - i : 8;
    PackGroup(values + i, count, bit_width, &packed);
    ++groups;
    i += count;
    if (groups == kMaxGroupsPerRun) flush_packed();
  }
  flush_packed();
}

template void EncodeRleBitPacked<uint8_t>(const uint8_t*, size_t, int, std::string*);
template void EncodeRleBitPacked<uint32_t>(const uint32_t*, size_t, int, std::string*);

bool RleBitPackedDecoder::NextRun() {
  uint64_t header = 0;
  int shift = 0;
  while (true) {
    if (pos_ >= size_ || shift > 28) return false;
    uint8_t b = data_[pos_++];
    header |= static_cast<uint64_t>(b & 0x7F) << shift;
    if ((b & 0x80) == 0) break;
    shift += 7;
  }
  if (header & 1) {
    uint64_t groups = header >> 1;
    size_t bytes = static_cast<size_t>(groups) * static_cast<size_t>(bit_width_);
    size_t present = size_ - pos_ < bytes ? size_ - pos_ : bytes;
    packed_ = data_ + pos_;
    packed_bytes_ = present;
    packed_index_ = 0;
    // Some writers truncate the last run's padding: only values fully present count.
    packed_left_ = bit_width_ == 0 ? groups * 8 : present * 8 / static_cast<size_t>(bit_width_);
    if (packed_left_ > groups * 8) packed_left_ = groups * 8;
    pos_ += present;
    return packed_left_ > 0 || groups == 0;
  }
  size_t value_bytes = static_cast<size_t>(bit_width_ + 7) / 8;
  if (size_ - pos_ < value_bytes) return false;
  uint32_t v = 0;
  for (size_t b = 0; b < value_bytes; ++b) v |= static_cast<uint32_t>(data_[pos_ + b]) << (8 * b);
  pos_ += value_bytes;
  if (bit_width_ < 32 && (v >> bit_width_) != 0) return false;
  rle_value_ = v;
  rle_left_ = header >> 1;
  return true;
}

template <typename T>
bool RleBitPackedDecoder::Get(T* out, size_t n) {
  const uint64_t mask = bit_width_ == 32 ? 0xFFFFFFFFull : ((uint64_t{1} << bit_width_) - 1);
  size_t done = 0;
  while (done < n) {
    if (rle_left_ > 0) {
      size_t k = n - done < rle_left_ ? n - done : static_cast<size_t>(rle_left_);
      T v = static_cast<T>(rle_value_);
      for (size_t i = 0; i < k; ++i) out[done + i] = v;
      done += k;
      rle_left_ -= k;
      continue;
    }
    if (packed_left_ > 0) {
      size_t k = n - done < packed_left_ ? n - done : static_cast<size_t>(packed_left_);
      if (bit_width_ == 0) {
        for (size_t i = 0; i < k; ++i) out[done + i] = 0;
      } else if (bit_width_ == 1 && (packed_index_ & 7) == 0) {
        // Levels and booleans: whole bytes of 8 values at a time.
        size_t i = 0;
        const uint8_t* p = packed_ + (packed_index_ >> 3);
        for (; i + 8 <= k; i += 8, ++p) {
          uint8_t b = *p;
          for (int bit = 0; bit < 8; ++bit) out[done + i + bit] = static_cast<T>((b >> bit) & 1);
        }
        for (; i < k; ++i) {
          uint64_t bit = packed_index_ + i;
          out[done + i] = static_cast<T>((packed_[bit >> 3] >> (bit & 7)) & 1);
        }
      } else {
        const size_t w = static_cast<size_t>(bit_width_);
        for (size_t i = 0; i < k; ++i) {
          uint64_t bit = (packed_index_ + i) * w;
          size_t byte = static_cast<size_t>(bit >> 3);
          uint64_t word = 0;
          if (byte + 8 <= packed_bytes_) {
            std::memcpy(&word, packed_ + byte, 8);
          } else {
            std::memcpy(&word, packed_ + byte, packed_bytes_ - byte);
          }
          out[done + i] = static_cast<T>((word >> (bit & 7)) & mask);
        }
      }
      packed_index_ += k;
      packed_left_ -= k;
      done += k;
      continue;
    }
    if (!NextRun()) return false;
  }
  return true;
}

template bool RleBitPackedDecoder::Get<uint8_t>(uint8_t*, size_t);
template bool RleBitPackedDecoder::Get<uint32_t>(uint32_t*, size_t);

}  // namespace strata::parquet
