// Parquet's RLE / bit-packed hybrid encoding, used for definition levels, dictionary
// indices and RLE booleans: a sequence of runs, each either one value repeated (RLE) or
// groups of 8 values packed `bit_width` bits each, least significant bit first.
//
// Thread-safety: the encoder function is stateless; a decoder is used by one thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace strata::parquet {

// Bits needed to store `max_value` (0 for 0).
int BitWidthFor(uint64_t max_value);

// Appends the hybrid encoding of values[0..n) to `out` (no length prefix).
// REQUIRES: 0 <= bit_width <= 32 and every value fits in bit_width bits.
template <typename T>
void EncodeRleBitPacked(const T* values, size_t n, int bit_width, std::string* out);

class RleBitPackedDecoder {
 public:
  // REQUIRES: 0 <= bit_width <= 32. [data, data + size) must outlive the decoder.
  RleBitPackedDecoder(const uint8_t* data, size_t size, int bit_width)
      : data_(data), size_(size), bit_width_(bit_width) {}

  // Decodes the next `n` values into out[0..n). False when the input ends early or is
  // malformed; `out` is then partly written. T is uint8_t (levels) or uint32_t (indices).
  template <typename T>
  bool Get(T* out, size_t n);

 private:
  bool NextRun();

  const uint8_t* data_;
  size_t size_;
  size_t pos_ = 0;
  int bit_width_;
  // Current run: RLE when `rle_left_` > 0, bit-packed when `packed_left_` > 0.
  uint64_t rle_left_ = 0;
  uint32_t rle_value_ = 0;
  uint64_t packed_left_ = 0;
  const uint8_t* packed_ = nullptr;  // start of the current bit-packed run
  size_t packed_bytes_ = 0;          // bytes of it present in the input
  uint64_t packed_index_ = 0;        // next value's index within the run
};

}  // namespace strata::parquet
