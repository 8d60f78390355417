// The S3/STS response parsers and the error mapping, on bodies as the services send them.
#include <gtest/gtest.h>

#include "storage/s3/http_time.h"
#include "storage/s3/s3_endpoint.h"
#include "storage/s3/s3_error.h"
#include "storage/s3/s3_xml.h"

namespace strata::s3 {
namespace {

TEST(S3ErrorTest, ParsesS3AndStsErrorShapes) {
  ServiceError s3 = ParseServiceError(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code><Message>The "
      "specified key does not exist.</Message><Key>a/b</Key></Error>");
  EXPECT_EQ(s3.code, "NoSuchKey");
  EXPECT_EQ(s3.message, "The specified key does not exist.");
  ServiceError sts = ParseServiceError(
      "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender"
      "</Type><Code>AccessDenied</Code><Message>User is not authorized to perform: "
      "sts:AssumeRole</Message></Error><RequestId>x</RequestId></ErrorResponse>");
  EXPECT_EQ(sts.code, "AccessDenied");
  EXPECT_EQ(sts.message, "User is not authorized to perform: sts:AssumeRole");
  EXPECT_TRUE(ParseServiceError("").code.empty());
  EXPECT_TRUE(ParseServiceError("<html>bad gateway</html>").code.empty());
  EXPECT_TRUE(ParseServiceError("<Error><Code>unterminated").code.empty());
}

TEST(S3ErrorTest, MapsServiceCodesToStrataCodes) {
  struct Case {
    long http;
    const char* code;
    ErrorCode want;
    bool retryable;
  } cases[] = {
      {404, "NoSuchKey", ErrorCode::StorageNotFound, false},
      {404, "", ErrorCode::StorageNotFound, false},
      {404, "NoSuchBucket", ErrorCode::StorageOther, false},
      {403, "AccessDenied", ErrorCode::StoragePermissionDenied, false},
      {403, "InvalidAccessKeyId", ErrorCode::StoragePermissionDenied, false},
      {403, "SignatureDoesNotMatch", ErrorCode::StoragePermissionDenied, false},
      {400, "ExpiredToken", ErrorCode::StoragePermissionDenied, false},
      {503, "SlowDown", ErrorCode::StorageUnavailable, true},
      {500, "InternalError", ErrorCode::StorageUnavailable, true},
      {502, "", ErrorCode::StorageUnavailable, true},
      {400, "RequestTimeout", ErrorCode::StorageUnavailable, true},
      {429, "", ErrorCode::StorageUnavailable, true},
      {400, "InvalidArgument", ErrorCode::StorageOther, false},
  };
  for (const Case& c : cases) {
    Status st = ServiceErrorStatus("Get", "s3://b/k", c.http, {c.code, "msg"});
    EXPECT_EQ(st.code(), c.want) << c.http << " " << c.code;
    EXPECT_EQ(st.retryable(), c.retryable) << c.http << " " << c.code;
    EXPECT_NE(st.message().find("Get 's3://b/k': HTTP " + std::to_string(c.http)),
              std::string::npos)
        << st.ToString();
    if (*c.code) {
      EXPECT_NE(st.message().find(c.code), std::string::npos) << st.ToString();
    }
  }
  EXPECT_EQ(ServiceErrorStatus("Stat", "s3://b/k", 403, {}).ToString(),
            "[3002] Stat 's3://b/k': HTTP 403 Forbidden");
}

TEST(S3XmlTest, ParsesListPagesWithUrlEncodedKeys) {
  auto page = ParseListObjectsV2(
      "<ListBucketResult><Name>b</Name><Prefix>r/</Prefix><KeyCount>2</KeyCount>"
      "<IsTruncated>true</IsTruncated><NextContinuationToken>tok+/=</NextContinuationToken>"
      "<Contents><Key>r/a%20b%2Bc</Key><LastModified>2026-11-25T02:42:28.174Z</LastModified>"
      "<ETag>&quot;abc&quot;</ETag><Size>12</Size></Contents>"
      "<Contents><Key>r/%C3%AF</Key><Size>0</Size></Contents></ListBucketResult>",
      /*url_encoded_keys=*/true);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_TRUE(page->truncated);
  EXPECT_EQ(page->next_continuation_token, "tok+/=");
  ASSERT_EQ(page->objects.size(), 2u);
  EXPECT_EQ(page->objects[0].key, "r/a b+c");
  EXPECT_EQ(page->objects[0].size, 12u);
  EXPECT_EQ(page->objects[0].etag, "\"abc\"");
  EXPECT_EQ(page->objects[0].last_modified_ms, 1795574548174);
  EXPECT_EQ(page->objects[1].key, "r/\xc3\xaf");

  EXPECT_FALSE(ParseListObjectsV2("<ListBucketResult><IsTruncated>true</IsTruncated>"
                                  "</ListBucketResult>",
                                  true)
                   .ok());
  EXPECT_FALSE(ParseListObjectsV2("not xml at all <", true).ok());
  EXPECT_FALSE(ParseListObjectsV2("<Other/>", true).ok());
}

TEST(S3XmlTest, BuildsAndParsesMultipartAndDeleteBodies) {
  auto id = ParseInitiateMultipartUpload(
      "<InitiateMultipartUploadResult><Bucket>b</Bucket><Key>k</Key><UploadId>2~xyz</UploadId>"
      "</InitiateMultipartUploadResult>");
  ASSERT_TRUE(id.ok());
  EXPECT_EQ(*id, "2~xyz");
  EXPECT_FALSE(ParseInitiateMultipartUpload("<InitiateMultipartUploadResult/>").ok());
  EXPECT_EQ(BuildCompleteMultipartUpload({"\"e1\"", "\"e2\""}),
            "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>&quot;e1&quot;"
            "</ETag></Part><Part><PartNumber>2</PartNumber><ETag>&quot;e2&quot;</ETag></Part>"
            "</CompleteMultipartUpload>");
  EXPECT_EQ(BuildDeleteObjects({"a&b", "c<d"}),
            "<Delete><Quiet>true</Quiet><Object><Key>a&amp;b</Key></Object><Object><Key>c&lt;d"
            "</Key></Object></Delete>");
  auto failures = ParseDeleteObjectsResult(
      "<DeleteResult><Error><Key>k1</Key><Code>AccessDenied</Code><Message>no</Message></Error>"
      "</DeleteResult>");
  ASSERT_TRUE(failures.ok());
  ASSERT_EQ(failures->size(), 1u);
  EXPECT_EQ((*failures)[0].key, "k1");
  EXPECT_EQ((*failures)[0].code, "AccessDenied");
  EXPECT_TRUE(ParseDeleteObjectsResult("<DeleteResult/>")->empty());
}

TEST(HttpTimeTest, ParsesIso8601AndHttpDates) {
  EXPECT_EQ(ParseIso8601Ms("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(ParseIso8601Ms("2026-11-25T02:42:28Z"), 1795574548000);
  EXPECT_EQ(ParseIso8601Ms("2026-11-25T02:42:28.1Z"), 1795574548100);
  EXPECT_EQ(ParseIso8601Ms("2026-11-25T02:42:28.123456Z"), 1795574548123);
  EXPECT_EQ(ParseIso8601Ms("2026-11-25T02:42:28+00:00"), 1795574548000);
  EXPECT_FALSE(ParseIso8601Ms("2026-11-25"));
  EXPECT_FALSE(ParseIso8601Ms("2026-13-25T02:42:28Z"));
  EXPECT_FALSE(ParseIso8601Ms("2026-11-25T02:42:28+02:00"));
  EXPECT_EQ(ParseHttpDateMs("Wed, 25 Nov 2026 02:42:28 GMT"), 1795574548000);
  EXPECT_FALSE(ParseHttpDateMs("Wed, 25 Foo 2026 02:42:28 GMT"));
  EXPECT_FALSE(ParseHttpDateMs(""));
}

TEST(S3EndpointTest, SplitsSchemeAndAuthority) {
  auto ep = ParseEndpoint("http://127.0.0.1:7480/");
  ASSERT_TRUE(ep.ok());
  EXPECT_EQ(ep->scheme, "http");
  EXPECT_EQ(ep->authority, "127.0.0.1:7480");
  auto tls = ParseEndpoint("https://s3.example.test");
  ASSERT_TRUE(tls.ok());
  EXPECT_EQ(tls->scheme, "https");
  EXPECT_EQ(tls->authority, "s3.example.test");
}

}  // namespace
}  // namespace strata::s3
