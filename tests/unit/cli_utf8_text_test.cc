#include "cli/utf8_text.h"

#include <gtest/gtest.h>

namespace strata {
namespace {

TEST(CliUtf8TextTest, DisplayWidthOfScripts) {
  EXPECT_EQ(DisplayWidth("abc"), 3u);
  EXPECT_EQ(DisplayWidth("中文字"), 6u);
  EXPECT_EQ(DisplayWidth("한국어"), 6u);
  EXPECT_EQ(DisplayWidth("ｆｕｌｌ"), 8u);
  EXPECT_EQ(DisplayWidth("😀"), 2u);
  EXPECT_EQ(DisplayWidth("e\xCC\x81"), 1u);  // e + combining acute accent
  EXPECT_EQ(DisplayWidth("Ärger"), 5u);
  EXPECT_EQ(DisplayWidth("a\xff"
                         "b"),
            3u);  // an invalid byte counts as one column
}

TEST(CliUtf8TextTest, DecodeRejectsOverlongSurrogatesAndTruncation) {
  EXPECT_FALSE(DecodeUtf8("\xC0\xAF", 0).valid);      // overlong '/'
  EXPECT_FALSE(DecodeUtf8("\xED\xA0\x80", 0).valid);  // U+D800
  EXPECT_FALSE(DecodeUtf8("\xE4\xB8", 0).valid);      // cut short
  Utf8Char c = DecodeUtf8("x\xF0\x9F\x98\x80", 1);
  EXPECT_TRUE(c.valid);
  EXPECT_EQ(c.code_point, U'\U0001F600');
  EXPECT_EQ(c.length, 4u);
}

TEST(CliUtf8TextTest, TruncateCutsOnCharacterBoundaries) {
  EXPECT_EQ(TruncateToWidth("中文字", 3), "中");
  EXPECT_EQ(TruncateToWidth("中文字", 4), "中文");
  EXPECT_EQ(TruncateToWidth("abc", 10), "abc");
}

}  // namespace
}  // namespace strata
