// The RLE / bit-packed hybrid encoding: round trips at every bit width, the exact bytes
// of known inputs, and malformed input.
#include <gtest/gtest.h>

#include "format/parquet/page_codec.h"
#include "format/parquet/rle_bit_packed.h"
#include "parquet_test_data.h"

namespace strata::parquet {
namespace {

TEST(RleBitPacked, RoundTripsEveryBitWidth) {
  testing::TestRng rng(3);
  for (int width = 0; width <= 32; ++width) {
    const uint64_t limit = width == 32 ? 0xFFFFFFFFull : (uint64_t{1} << width) - 1;
    std::vector<uint32_t> values;
    // Runs of repeats mixed with noise, and a tail that is not a multiple of 8.
    while (values.size() < 5003) {
      uint32_t v = static_cast<uint32_t>(rng.Next() & limit);
      size_t repeat = rng.Next() % 3 == 0 ? static_cast<size_t>(rng.Range(1, 40)) : 1;
      for (size_t i = 0; i < repeat && values.size() < 5003; ++i) values.push_back(v);
    }
    std::string encoded;
    EncodeRleBitPacked(values.data(), values.size(), width, &encoded);
    RleBitPackedDecoder decoder(reinterpret_cast<const uint8_t*>(encoded.data()), encoded.size(),
                                width);
    std::vector<uint32_t> decoded(values.size());
    // Decode in uneven batches to cross run boundaries.
    size_t done = 0;
    while (done < values.size()) {
      size_t n = std::min<size_t>(values.size() - done, static_cast<size_t>(rng.Range(1, 100)));
      ASSERT_TRUE(decoder.Get(decoded.data() + done, n)) << "width " << width;
      done += n;
    }
    EXPECT_EQ(decoded, values) << "width " << width;
  }
}

TEST(RleBitPacked, LevelsEncodeCompactly) {
  std::vector<uint8_t> levels(10000, 1);
  std::string encoded;
  EncodeRleBitPacked(levels.data(), levels.size(), 1, &encoded);
  // One RLE run: varint(10000 << 1) then the value byte.
  EXPECT_EQ(encoded, std::string("\xa0\x9c\x01\x01", 4));
  std::vector<uint8_t> mixed = {1, 0, 1, 1, 0, 0, 0, 1, 1};
  encoded.clear();
  EncodeRleBitPacked(mixed.data(), mixed.size(), 1, &encoded);
  // Two bit-packed groups of 8 (header (2 << 1) | 1), LSB first, zero padded.
  EXPECT_EQ(encoded, std::string("\x05\x8d\x01", 3));
}

TEST(RleBitPacked, MalformedInputFails) {
  std::vector<uint32_t> out(100);
  // Bit-packed run announcing 10 groups of width 8 with only 3 bytes present.
  const uint8_t short_run[] = {0x15, 1, 2, 3};
  RleBitPackedDecoder a(short_run, sizeof(short_run), 8);
  EXPECT_FALSE(a.Get(out.data(), 100));
  // RLE value wider than the bit width.
  const uint8_t wide[] = {0x10, 0x07};
  RleBitPackedDecoder b(wide, sizeof(wide), 2);
  EXPECT_FALSE(b.Get(out.data(), 1));
  // Varint that never ends.
  const uint8_t endless[] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
  RleBitPackedDecoder c(endless, sizeof(endless), 1);
  EXPECT_FALSE(c.Get(out.data(), 1));
  RleBitPackedDecoder d(nullptr, 0, 3);
  EXPECT_FALSE(d.Get(out.data(), 1));
  EXPECT_TRUE(d.Get(out.data(), 0));
}

TEST(PageCodec, EveryCodecRoundTripsAndRejectsGarbage) {
  PageCodec codec;
  std::string input;
  for (int i = 0; i < 100000; ++i) input += std::to_string(i % 977);
  for (Codec c : {Codec::kUncompressed, Codec::kSnappy, Codec::kZstd, Codec::kLz4Raw}) {
    std::string packed, error;
    ASSERT_TRUE(codec.Compress(c, 3, input, &packed, &error)) << error;
    auto* p = reinterpret_cast<const uint8_t*>(packed.data());
    ASSERT_TRUE(PlausibleUncompressedSize(static_cast<int32_t>(c), p, packed.size(),
                                          input.size(), &error))
        << error;
    std::vector<uint8_t> out(input.size());
    ASSERT_TRUE(codec.Decompress(static_cast<int32_t>(c), p, packed.size(), out.data(),
                                 out.size(), &error))
        << error;
    EXPECT_EQ(std::string(out.begin(), out.end()), input);
    if (c == Codec::kUncompressed) continue;
    // Claimed sizes that do not match, and damaged data, are errors.
    std::vector<uint8_t> bigger(input.size() + 1);
    EXPECT_FALSE(codec.Decompress(static_cast<int32_t>(c), p, packed.size(), bigger.data(),
                                  bigger.size(), &error));
    std::string damaged = packed;
    for (size_t i = 0; i < damaged.size(); i += 7) damaged[i] = static_cast<char>(~damaged[i]);
    EXPECT_FALSE(codec.Decompress(static_cast<int32_t>(c),
                                  reinterpret_cast<const uint8_t*>(damaged.data()),
                                  damaged.size(), out.data(), out.size(), &error));
  }
  std::string error;
  EXPECT_FALSE(PlausibleUncompressedSize(2 /* GZIP */, nullptr, 0, 0, &error));
  EXPECT_FALSE(IsSupportedCodec(2));
}

}  // namespace
}  // namespace strata::parquet
