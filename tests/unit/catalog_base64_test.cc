#include "catalog/base64.h"

#include <gtest/gtest.h>

namespace strata {
namespace {

TEST(Base64Test, Rfc4648Vectors) {
  const std::pair<const char*, const char*> kVectors[] = {
      {"", ""},
      {"f", "Zg=="},
      {"fo", "Zm8="},
      {"foo", "Zm9v"},
      {"foob", "Zm9vYg=="},
      {"fooba", "Zm9vYmE="},
      {"foobar", "Zm9vYmFy"},
  };
  for (const auto& [plain, encoded] : kVectors) {
    EXPECT_EQ(Base64Encode(plain), encoded);
    std::string decoded;
    ASSERT_TRUE(Base64Decode(encoded, &decoded)) << encoded;
    EXPECT_EQ(decoded, plain);
  }
}

TEST(Base64Test, AcceptsUrlSafeAndUnpadded) {
  std::string bytes("\xfb\xff\xbf", 3);
  EXPECT_EQ(Base64Encode(bytes), "+/+/");
  std::string out;
  ASSERT_TRUE(Base64Decode("-_-_", &out));
  EXPECT_EQ(out, bytes);
  ASSERT_TRUE(Base64Decode("Zm8", &out));
  EXPECT_EQ(out, "fo");
}

TEST(Base64Test, RejectsMalformedText) {
  std::string out;
  EXPECT_FALSE(Base64Decode("Zm9v!", &out));
  EXPECT_FALSE(Base64Decode("Z", &out));
  EXPECT_FALSE(Base64Decode("Zm8==", &out));
  EXPECT_FALSE(Base64Decode("Zm=8", &out));
  EXPECT_FALSE(Base64Decode("Zh==", &out));  // non-zero leftover bits
}

}  // namespace
}  // namespace strata
