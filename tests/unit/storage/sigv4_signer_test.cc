// Signature V4 against AWS's published test suite (service "service", region us-east-1,
// 2015-08-30T12:36:00Z, the documentation's example keys). Each case checks the three
// intermediate results a server recomputes: canonical request, string to sign, signature.
#include "storage/s3/sigv4_signer.h"

#include <gtest/gtest.h>

#include "storage/s3/digest.h"

namespace strata::s3 {
namespace {

constexpr char kAccessKey[] = "AKIDEXAMPLE";
constexpr char kSecret[] = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
constexpr char kEmptySha[] = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

struct SuiteCase {
  const char* name;
  const char* method;
  const char* path;  // decoded, as the suite's request line shows it
  KeyValues query;
  KeyValues headers;  // besides host and x-amz-date
  const char* body;
  const char* canonical_request;
  const char* string_to_sign;
  const char* signature;
};

SigV4Signature SignCase(const SuiteCase& c) {
  SigV4Request r;
  r.method = c.method;
  r.canonical_uri = UriEncode(c.path, /*encode_slash=*/false);
  r.query = c.query;
  r.headers = {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"}};
  for (const auto& h : c.headers) r.headers.push_back(h);
  r.payload_sha256_hex = Sha256Hex(c.body);
  r.amz_date = "20150830T123600Z";
  r.region = "us-east-1";
  r.service = "service";
  return SignV4(r, kAccessKey, kSecret);
}

class SigV4SuiteTest : public ::testing::TestWithParam<SuiteCase> {};

TEST_P(SigV4SuiteTest, MatchesPublishedVector) {
  const SuiteCase& c = GetParam();
  SigV4Signature s = SignCase(c);
  if (c.canonical_request != nullptr) {
    EXPECT_EQ(s.canonical_request, c.canonical_request);
  }
  EXPECT_EQ(s.string_to_sign, c.string_to_sign);
  EXPECT_EQ(s.signature, c.signature);
  EXPECT_EQ(s.authorization.rfind("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/"
                                  "service/aws4_request, SignedHeaders=",
                                  0),
            0u);
  EXPECT_NE(s.authorization.find(std::string("Signature=") + c.signature), std::string::npos);
  EXPECT_EQ(s.authorization.find(kSecret), std::string::npos);
}

const char kStsToken[] =
    "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxf"
    "pSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPk"
    "yQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz"
    "+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==";

INSTANTIATE_TEST_SUITE_P(
    AwsSuite, SigV4SuiteTest,
    ::testing::Values(
        SuiteCase{"get_vanilla",
                  "GET",
                  "/",
                  {},
                  {},
                  "",
                  "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-"
                  "amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                  "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/"
                  "aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
                  "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"},
        SuiteCase{"get_vanilla_query_order_key_case",
                  "GET",
                  "/",
                  {{"Param2", "value2"}, {"Param1", "value1"}},
                  {},
                  "",
                  "GET\n/\nParam1=value1&Param2=value2\nhost:example.amazonaws.com\nx-amz-date:"
                  "20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e46"
                  "49b934ca495991b7852b855",
                  "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/"
                  "aws4_request\n816cd5b414d056048ba4f7c5386d6e0533120fb1fcfa93762cf0fc39e2cf19e0",
                  "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"},
        SuiteCase{"get_vanilla_query_order_key",
                  "GET",
                  "/",
                  {{"Param1", "value2"}, {"Param1", "Value1"}},
                  {},
                  "",
                  "GET\n/\nParam1=Value1&Param1=value2\nhost:example.amazonaws.com\nx-amz-date:"
                  "20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e46"
                  "49b934ca495991b7852b855",
                  "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/"
                  "aws4_request\n704b4cef673542d84cdff252633f065e8daeba5f168b77116f8b1bcaf3d38f89",
                  "eedbc4e291e521cf13422ffca22be7d2eb8146eecf653089df300a15b2382bd1"},
        SuiteCase{"get_vanilla_query_order_value",
                  "GET",
                  "/",
                  {{"Param1", "value2"}, {"Param1", "value1"}},
                  {},
                  "",
                  "GET\n/\nParam1=value1&Param1=value2\nhost:example.amazonaws.com\nx-amz-date:"
                  "20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e46"
                  "49b934ca495991b7852b855",
                  "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/"
                  "aws4_request\nc968629d70850097a2d8781c9bf7edcb988b04cac14cca9be4acc3595f884606",
                  "5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694"},
        SuiteCase{"get_vanilla_query_unreserved",
                  "GET",
                  "/",
                  {{"-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
                    "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"}},
                  {},
                  "",
                  "GET\n/\n-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz=-._~"
                  "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\nhost:example."
                  "amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c1"
                  "49afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                  "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/"
                  "aws4_request\nc30d4703d9f799439be92736156d47ccfb2d879ddf56f5befa6d1d6aab979177",
                  "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197"},
        SuiteCase{"get_vanilla_utf8_query",
                  "GET",
                  "/",
                  {{"\xe1\x88\xb4", "bar"}},
                  {},
                  "",
                  "GET\n/\n%E1%88%B4=bar\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z"
                  "\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7"
                  "852b855",
                  "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/"
                  "aws4_request\neb30c5bed55734080471a834cc727ae56beb50e5f39d1bff6d0d38cb192a7073",
                  "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04"},
        SuiteCase{"get_utf8",
                  "GET",
                  "/\xe1\x88\xb4",
                  {},
                  {},
                  "",
                  "GET\n/%E1%88%B4\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\n"
                  "host;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b"
                  "855",
                  "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/"
                  "aws4_request\n2a0a97d02205e45ce2e994789806b19270cfbbb0921b278ccf58f5249ac42102",
                  "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85"},
        SuiteCase{"get_unreserved",
                  "GET",
                  "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
                  {},
                  {},
                  "",
                  "GET\n/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\n\nhos"
                  "t:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c"
                  "44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                  "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/"
                  "aws4_request\n6a968768eefaa713e2a6b16b589a8ea192661f098f37349f4e2c0082757446f9",
                  "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f"},
        SuiteCase{"get_space",
                  "GET",
                  "/example space/",
                  {},
                  {},
                  "",
                  "GET\n/example%20space/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T12360"
                  "0Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b"
                  "7852b855",
                  "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/"
                  "aws4_request\n63ee75631ed7234ae61b5f736dfc7754cdccfedbff4b5128a915706ee9390d86",
                  "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741"},
        SuiteCase{"get_header_value_trim",
                  "GET",
                  "/",
                  {},
                  {{"My-Header1", " value1"}, {"My-Header2", " \"a   b   c\""}},
                  "",
                  "GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value1\nmy-header2:\"a b c\"\n"
                  "x-amz-date:20150830T123600Z\n\nhost;my-header1;my-header2;x-amz-date\ne3b0c442"
                  "98fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                  "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/"
                  "aws4_request\na726db9b0df21c14f559d0a978e563112acb1b9e05476f0a6a1c7d68f28605c7",
                  "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736"},
        SuiteCase{"post_vanilla",
                  "POST",
                  "/",
                  {},
                  {},
                  "",
                  "POST\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-"
                  "amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                  "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/"
                  "aws4_request\n553f88c9e4d10fc9e109e2aeb65f030801b70c2f6468faca261d401ae622fc87",
                  "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"},
        SuiteCase{"post_vanilla_query",
                  "POST",
                  "/",
                  {{"Param1", "value1"}},
                  {},
                  "",
                  "POST\n/\nParam1=value1\nhost:example.amazonaws.com\nx-amz-date:20150830T12360"
                  "0Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b"
                  "7852b855",
                  "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/"
                  "aws4_request\n9d659678c1756bb3113e2ce898845a0a79dbbc57b740555917687f1b3340fbbd",
                  "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11"},
        SuiteCase{"post_header_value_case",
                  "POST",
                  "/",
                  {},
                  {{"My-Header1", "VALUE1"}},
                  "",
                  "POST\n/\n\nhost:example.amazonaws.com\nmy-header1:VALUE1\nx-amz-date:20150830T"
                  "123600Z\n\nhost;my-header1;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e"
                  "4649b934ca495991b7852b855",
                  "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/"
                  "aws4_request\nd51ced243e649e3de6ef63afbbdcbca03131a21a7103a1583706a64618606a93",
                  "cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d"},
        SuiteCase{"post_x_www_form_urlencoded",
                  "POST",
                  "/",
                  {},
                  {{"Content-Type", "application/x-www-form-urlencoded"}},
                  "Param1=value1",
                  "POST\n/\n\ncontent-type:application/x-www-form-urlencoded\nhost:example.amazon"
                  "aws.com\nx-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\n9095672b"
                  "bd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e",
                  "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/"
                  "aws4_request\n42a5e5bb34198acb3e84da4f085bb7927f2bc277ca766e6d19c73c2154021281",
                  "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"},
        SuiteCase{"post_x_www_form_urlencoded_parameters",
                  "POST",
                  "/",
                  {},
                  {{"Content-Type", "application/x-www-form-urlencoded; charset=utf8"}},
                  "Param1=value1",
                  "POST\n/\n\ncontent-type:application/x-www-form-urlencoded; charset=utf8\nhost:"
                  "example.amazonaws.com\nx-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-"
                  "date\n9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e",
                  "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/"
                  "aws4_request\n2e1cf7ed91881a30569e46552437e4156c823447bf1781b921b5d486c568dd1c",
                  "1a72ec8f64bd914b0e42e42607c7fbce7fb2c7465f63e3092b3b0d39fa77a6fe"},
        SuiteCase{"post_sts_header_before",
                  "POST",
                  "/",
                  {},
                  {{"X-Amz-Security-Token", kStsToken}},
                  "",
                  nullptr,  // checked by signature and string to sign only (long token)
                  "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/"
                  "aws4_request\nc237e1b440d4c63c32ca95b5b99481081cb7b13c7e40434868e71567c1a882f6",
                  "85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead"}),
    [](const ::testing::TestParamInfo<SuiteCase>& info) { return std::string(info.param.name); });

TEST(SigV4Test, StsTokenIsASignedHeader) {
  SigV4Request r;
  r.method = "POST";
  r.canonical_uri = "/";
  r.headers = {{"host", "example.amazonaws.com"},
               {"x-amz-date", "20150830T123600Z"},
               {"x-amz-security-token", kStsToken}};
  r.payload_sha256_hex = kEmptySha;
  r.amz_date = "20150830T123600Z";
  r.region = "us-east-1";
  r.service = "service";
  SigV4Signature s = SignV4(r, kAccessKey, kSecret);
  EXPECT_EQ(s.canonical_request,
            std::string("POST\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n"
                        "x-amz-security-token:") +
                kStsToken + "\n\nhost;x-amz-date;x-amz-security-token\n" + kEmptySha);
}

TEST(SigV4Test, UriEncodeKeepsUnreservedAndOptionallySlash) {
  EXPECT_EQ(UriEncode("a b/c+d=e~f", false), "a%20b/c%2Bd%3De~f");
  EXPECT_EQ(UriEncode("a b/c", true), "a%20b%2Fc");
  EXPECT_EQ(UriEncode(std::string("\0x", 2), true), "%00x");
}

TEST(SigV4Test, FormatsAmzDateInUtc) {
  auto t = std::chrono::system_clock::from_time_t(1440938160);  // 2015-08-30T12:36:00Z
  EXPECT_EQ(FormatAmzDate(t), "20150830T123600Z");
}

TEST(DigestTest, KnownValues) {
  EXPECT_EQ(Sha256Hex(""), kEmptySha);
  EXPECT_EQ(HexEncode(Md5("")), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(Base64Encode(Md5("")), "1B2M2Y8AsgTpgAmY7PhCfg==");
  EXPECT_EQ(Base64Encode("f"), "Zg==");
  EXPECT_EQ(Base64Encode("fo"), "Zm8=");
  EXPECT_EQ(Base64Encode("foo"), "Zm9v");
}

}  // namespace
}  // namespace strata::s3
