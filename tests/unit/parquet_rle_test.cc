// The RLE / bit-packed hybrid encoding: round trips at every bit width, the exact bytes
// of known inputs, and malformed input.
#include <gtest/gtest.h>

#include <cstring>

#include "format/parquet/page_codec.h"
#include "format/parquet/plain_transcoder.h"
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
    ASSERT_TRUE(
        PlausibleUncompressedSize(static_cast<int32_t>(c), p, packed.size(), input.size(), &error))
        << error;
    std::vector<uint8_t> out(input.size());
    ASSERT_TRUE(
        codec.Decompress(static_cast<int32_t>(c), p, packed.size(), out.data(), out.size(), &error))
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
                                  reinterpret_cast<const uint8_t*>(damaged.data()), damaged.size(),
                                  out.data(), out.size(), &error));
  }
  std::string error;
  EXPECT_FALSE(PlausibleUncompressedSize(2 /* GZIP */, nullptr, 0, 0, &error));
  EXPECT_FALSE(IsSupportedCodec(2));
}

}  // namespace
}  // namespace strata::parquet

namespace strata::parquet {
namespace {

std::vector<uint8_t> Transcode(int32_t encoding, int32_t physical, const std::vector<uint8_t>& in,
                               size_t count, bool* ok) {
  std::vector<uint8_t> out;
  std::string error;
  *ok = TranscodeToPlain(encoding, physical, 0, in.data(), in.size(), count, &out, &error);
  return out;
}

TEST(PlainTranscoder, DeltaBinaryPacked) {
  // 1, 2, 3, 4, 5: block size 128, 4 miniblocks, 5 values, first 1; min delta 1, widths 0.
  std::vector<uint8_t> in = {0x80, 0x01, 0x04, 0x05, 0x02, 0x02, 0, 0, 0, 0};
  bool ok = false;
  auto out = Transcode(5 /* DELTA_BINARY_PACKED */, 1 /* INT32 */, in, 5, &ok);
  ASSERT_TRUE(ok);
  ASSERT_EQ(out.size(), 20u);
  for (int i = 0; i < 5; ++i) {
    int32_t v;
    std::memcpy(&v, out.data() + i * 4, 4);
    EXPECT_EQ(v, i + 1);
  }
  // Truncated header, and asking for more values than the page holds, are errors.
  Transcode(5, 1, {0x80, 0x01, 0x04}, 1, &ok);
  EXPECT_FALSE(ok);
  Transcode(5, 1, in, 6, &ok);
  EXPECT_FALSE(ok);
  Transcode(5, 6 /* BYTE_ARRAY */, in, 5, &ok);
  EXPECT_FALSE(ok);
}

TEST(PlainTranscoder, DeltaByteArray) {
  // "axis", "axle", "babble", "babyhood": prefix lengths 0 2 0 3, suffix lengths 4 2 6 5.
  std::vector<uint8_t> in = {0x80, 0x01, 0x04, 0x04, 0x00, 0x03, 3, 0, 0, 0, 0x44, 0x01};
  in.insert(in.end(), 10, 0);
  std::vector<uint8_t> suffix_lengths = {0x80, 0x01, 0x04, 0x04, 0x08, 0x03, 3, 0, 0, 0, 0x70};
  in.insert(in.end(), suffix_lengths.begin(), suffix_lengths.end());
  in.insert(in.end(), 11, 0);
  std::string suffixes = "axislebabbleyhood";
  in.insert(in.end(), suffixes.begin(), suffixes.end());
  bool ok = false;
  auto out = Transcode(7 /* DELTA_BYTE_ARRAY */, 6 /* BYTE_ARRAY */, in, 4, &ok);
  ASSERT_TRUE(ok);
  std::string plain(out.begin(), out.end());
  EXPECT_EQ(plain, std::string("\4\0\0\0axis\4\0\0\0axle\6\0\0\0babble\x08\0\0\0babyhood", 38));
  in.resize(in.size() - 3);
  Transcode(7, 6, in, 4, &ok);
  EXPECT_FALSE(ok) << "suffix bytes truncated";
}

TEST(PlainTranscoder, ByteStreamSplit) {
  // Two floats 1.0f (00 00 80 3f) and -2.0f (00 00 00 c0), split into 4 byte streams.
  std::vector<uint8_t> in = {0x00, 0x00, 0x00, 0x00, 0x80, 0x00, 0x3f, 0xc0};
  bool ok = false;
  auto out = Transcode(9 /* BYTE_STREAM_SPLIT */, 4 /* FLOAT */, in, 2, &ok);
  ASSERT_TRUE(ok);
  float v[2];
  std::memcpy(v, out.data(), 8);
  EXPECT_EQ(v[0], 1.0f);
  EXPECT_EQ(v[1], -2.0f);
  Transcode(9, 4, in, 3, &ok);
  EXPECT_FALSE(ok);
}

}  // namespace
}  // namespace strata::parquet
