#include "catalog/connection_options.h"

#include <gtest/gtest.h>

namespace strata {
namespace {

using Options = std::vector<std::pair<std::string, std::string>>;

TEST(ConnectionOptionsTest, S3KeysAreCaseInsensitiveAndAcceptAliases) {
  auto p = ParseConnectionOptions("S3", {{"ENDPOINT_URL", "http://127.0.0.1:7480"},
                                         {"Region", "eu-west-1"},
                                         {"aws_key_id", "AKIAEXAMPLE01"},
                                         {"AWS_SECRET_KEY", "very-secret"},
                                         {"security_token", "tok"},
                                         {"aws_role_arn", "arn:aws:iam::1:role/r"},
                                         {"AWS_EXTERNAL_ID", "ext"},
                                         {"enable_virtual_host_style", "TRUE"}});
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->type, "s3");
  EXPECT_EQ(p->bucket, "");
  EXPECT_EQ(p->root, "");
  EXPECT_EQ(p->endpoint_url, "http://127.0.0.1:7480");
  EXPECT_EQ(p->region, "eu-west-1");
  EXPECT_TRUE(p->virtual_host_style);
  EXPECT_EQ(p->credentials.access_key_id, "AKIAEXAMPLE01");
  EXPECT_EQ(p->credentials.secret_access_key, "very-secret");
  EXPECT_EQ(p->credentials.session_token, "tok");
  EXPECT_EQ(p->credentials.role_arn, "arn:aws:iam::1:role/r");
  EXPECT_EQ(p->credentials.external_id, "ext");
}

TEST(ConnectionOptionsTest, RegionIsLeftEmptyAndPathStyleIsTheDefault) {
  auto p = ParseConnectionOptions("s3", {{"endpoint_url", "https://s3.example"}});
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->region, "");
  EXPECT_FALSE(p->virtual_host_style);
  EXPECT_TRUE(p->credentials.empty());
}

TEST(ConnectionOptionsTest, UnsupportedStorageType) {
  auto p = ParseConnectionOptions("gcs", {});
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().code(), ErrorCode::StorageOther);
  EXPECT_EQ(p.status().message(), "protocol gcs is not supported yet.");
}

TEST(ConnectionOptionsTest, UnknownKeyNamesTheKeyAndTheAcceptedOnes) {
  auto p = ParseConnectionOptions("s3", {{"region", "r"}, {"bucket", "b"}});
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().code(), ErrorCode::StorageOther);
  const std::string& m = p.status().message();
  EXPECT_NE(m.find("'bucket'"), std::string::npos) << m;
  EXPECT_NE(m.find("endpoint_url"), std::string::npos) << m;
  EXPECT_NE(m.find("access_key_id/aws_key_id"), std::string::npos) << m;
  EXPECT_NE(m.find("session_token/aws_token/security_token"), std::string::npos) << m;
  EXPECT_NE(m.find("enable_virtual_host_style"), std::string::npos) << m;
}

TEST(ConnectionOptionsTest, KeyGivenTwiceThroughAnAliasIsAnError) {
  auto p = ParseConnectionOptions(
      "s3",
      {{"access_key_id", "AKIAEXAMPLE01"}, {"secret_access_key", "s1"}, {"AWS_SECRET_KEY", "s2"}});
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().code(), ErrorCode::StorageOther);
  EXPECT_NE(p.status().message().find("secret_access_key"), std::string::npos);
  EXPECT_EQ(p.status().message().find("s1"), std::string::npos) << "secret leaked";
  EXPECT_EQ(p.status().message().find("s2"), std::string::npos) << "secret leaked";
}

TEST(ConnectionOptionsTest, VirtualHostStyleMustBeTrueOrFalse) {
  auto ok = ParseConnectionOptions("s3", {{"enable_virtual_host_style", "False"}});
  ASSERT_TRUE(ok.ok());
  EXPECT_FALSE(ok->virtual_host_style);
  auto bad = ParseConnectionOptions("s3", {{"enable_virtual_host_style", "yes"}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), ErrorCode::StorageOther);
  EXPECT_NE(bad.status().message().find("'yes'"), std::string::npos);
}

TEST(ConnectionOptionsTest, EndpointMustBeHttpUrl) {
  auto bad = ParseConnectionOptions("s3", {{"endpoint_url", "127.0.0.1:7480"}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), ErrorCode::StorageOther);
}

TEST(ConnectionOptionsTest, CredentialFieldsThatOnlyWorkTogether) {
  EXPECT_FALSE(ParseConnectionOptions("s3", {{"access_key_id", "AKIAEXAMPLE01"}}).ok());
  EXPECT_FALSE(ParseConnectionOptions("s3", {{"secret_access_key", "s"}}).ok());
  EXPECT_FALSE(ParseConnectionOptions("s3", {{"session_token", "t"}}).ok());
  EXPECT_FALSE(ParseConnectionOptions("s3", {{"external_id", "e"}}).ok());
  EXPECT_TRUE(ParseConnectionOptions("s3", {{"role_arn", "arn:r"}, {"external_id", "e"}}).ok());
  auto secret_only = ParseConnectionOptions("s3", {{"secret_access_key", "hush-hush"}});
  EXPECT_EQ(secret_only.status().message().find("hush-hush"), std::string::npos);
}

TEST(ConnectionOptionsTest, FsTakesNoOptions) {
  auto p = ParseConnectionOptions("FS", {});
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->type, "fs");
  auto bad = ParseConnectionOptions("fs", {{"access_key_id", "AKIAEXAMPLE01"}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), ErrorCode::StorageOther);
}

TEST(ParseLocationTest, S3BucketAndRoot) {
  auto p = ParseLocation("s3://my-bucket/data/events/");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->type, "s3");
  EXPECT_EQ(p->bucket, "my-bucket");
  EXPECT_EQ(p->root, "data/events/");
  EXPECT_EQ(p->Location(), "s3://my-bucket/data/events/");

  auto top = ParseLocation("S3://b/");
  ASSERT_TRUE(top.ok());
  EXPECT_EQ(top->bucket, "b");
  EXPECT_EQ(top->root, "");
}

TEST(ParseLocationTest, FsAbsolutePath) {
  auto p = ParseLocation("fs:///var/lib/strata/ext/");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->type, "fs");
  EXPECT_EQ(p->root, "/var/lib/strata/ext/");
  EXPECT_EQ(p->Location(), "fs:///var/lib/strata/ext/");
}

TEST(ParseLocationTest, Errors) {
  for (const char* bad : {
           "s3://bucket/path",     // no trailing '/'
           "s3://bucket",          // no trailing '/'
           "s3:///path/",          // empty bucket
           "fs://relative/path/",  // not absolute
           "fs:relative/",         // no scheme separator
           "/abs/path/",           // no scheme
           "gcs://bucket/path/",   // unsupported scheme
           "s3://bucket/a//b/",    // empty segment
           "s3://bucket/a/../b/",  // '..'
           "fs:///a/./b/",         // '.'
           "s3://bucket/it's/",    // quote
           "s3://bucket/a b/",     // space
       }) {
    auto p = ParseLocation(bad);
    ASSERT_FALSE(p.ok()) << bad;
    EXPECT_EQ(p.status().code(), ErrorCode::StorageOther) << bad;
  }
  EXPECT_EQ(ParseLocation("gcs://bucket/path/").status().message(),
            "protocol gcs is not supported yet.");
  EXPECT_NE(ParseLocation("s3://bucket/path").status().message().find("must end with '/'"),
            std::string::npos);
}

StorageParams FullS3() {
  StorageParams p;
  p.type = "s3";
  p.bucket = "bkt";
  p.root = "data/t/";
  p.endpoint_url = "http://127.0.0.1:7480";
  p.region = "us-east-1";
  p.credentials.access_key_id = "AKIAABCDEFGHYZ";
  p.credentials.secret_access_key = "wJalrXUtnFEMI/K7MDENG";
  p.credentials.session_token = "FwoGZXIvYXdzEJr";
  p.credentials.role_arn = "arn:aws:iam::123:role/reader";
  p.credentials.external_id = "ext-1";
  return p;
}

TEST(DisplayStorageParamsTest, MasksSecretsAndAccessKey) {
  StorageParams p = FullS3();
  p.bucket.clear();
  p.root.clear();
  std::string shown = DisplayStorageParams(p);
  EXPECT_EQ(shown,
            "endpoint_url=http://127.0.0.1:7480 region=us-east-1 access_key_id=AK***YZ "
            "secret_access_key=****** session_token=****** "
            "role_arn=arn:aws:iam::123:role/reader external_id=ext-1");
  EXPECT_EQ(shown.find(p.credentials.secret_access_key), std::string::npos);
  EXPECT_EQ(shown.find(p.credentials.session_token), std::string::npos);
  EXPECT_EQ(shown.find(p.credentials.access_key_id), std::string::npos);
}

TEST(DisplayStorageParamsTest, OnlySetFieldsAppear) {
  StorageParams p;
  p.type = "s3";
  p.bucket = "b";
  p.root = "r/";
  p.virtual_host_style = true;
  EXPECT_EQ(DisplayStorageParams(p), "bucket=b root=r/ enable_virtual_host_style=true");
  StorageParams fs;
  fs.type = "fs";
  EXPECT_EQ(DisplayStorageParams(fs), "");
}

TEST(ShowCreateLocationSuffixTest, S3FormWithoutSecrets) {
  StorageParams p = FullS3();
  std::string s = ShowCreateLocationSuffix(p);
  EXPECT_EQ(s,
            "'s3 | bucket=bkt,root=data/t/,endpoint=http://127.0.0.1:7480,ak=AK***YZ,"
            "iam_role=arn:aws:iam::123:role/reader'");
  EXPECT_EQ(s.find(p.credentials.secret_access_key), std::string::npos);
  EXPECT_EQ(s.find(p.credentials.session_token), std::string::npos);
}

TEST(ShowCreateLocationSuffixTest, AbsentPartsAreLeftOut) {
  StorageParams p;
  p.type = "s3";
  p.bucket = "bkt";
  p.root = "x/";
  EXPECT_EQ(ShowCreateLocationSuffix(p), "'s3 | bucket=bkt,root=x/'");
  StorageParams fs;
  fs.type = "fs";
  fs.root = "/data/ext/";
  EXPECT_EQ(ShowCreateLocationSuffix(fs), "'fs | root=/data/ext/'");
}

TEST(CredentialsFromConnectionTest, TakesOnlyCredentialsAndClearsMissingOnes) {
  StorageParams table = FullS3();
  table.credentials.role_arn.clear();
  table.credentials.external_id.clear();
  StorageParams conn;
  conn.type = "s3";
  conn.credentials.role_arn = "arn:aws:iam::123:role/writer";
  auto change = CredentialsFromConnection(table, conn);
  ASSERT_TRUE(change.ok()) << change.status().ToString();
  const StorageParams& p = change->params;
  EXPECT_EQ(p.bucket, "bkt");
  EXPECT_EQ(p.root, "data/t/");
  EXPECT_EQ(p.endpoint_url, "http://127.0.0.1:7480");
  EXPECT_EQ(p.region, "us-east-1");
  EXPECT_EQ(p.credentials.role_arn, "arn:aws:iam::123:role/writer");
  EXPECT_EQ(p.credentials.access_key_id, "");
  EXPECT_EQ(p.credentials.secret_access_key, "");
  EXPECT_EQ(p.credentials.session_token, "");
  EXPECT_TRUE(change->ignored.empty());
}

TEST(CredentialsFromConnectionTest, NamesIgnoredSettingsThatDiffer) {
  StorageParams table = FullS3();
  StorageParams conn = FullS3();
  conn.bucket.clear();
  conn.root.clear();
  conn.region = "eu-central-1";
  conn.endpoint_url = "http://127.0.0.1:9000";
  conn.virtual_host_style = true;
  conn.credentials.access_key_id = "AKIANEWKEY0001";
  auto change = CredentialsFromConnection(table, conn);
  ASSERT_TRUE(change.ok());
  EXPECT_EQ(change->ignored,
            (std::vector<std::string>{"region", "endpoint_url", "enable_virtual_host_style"}));
  EXPECT_EQ(change->params.region, "us-east-1");
  EXPECT_EQ(change->params.endpoint_url, "http://127.0.0.1:7480");
  EXPECT_FALSE(change->params.virtual_host_style);
  EXPECT_EQ(change->params.credentials.access_key_id, "AKIANEWKEY0001");

  conn.region = table.region;
  conn.endpoint_url = table.endpoint_url;
  conn.virtual_host_style = false;
  EXPECT_TRUE(CredentialsFromConnection(table, conn)->ignored.empty());
}

TEST(CredentialsFromConnectionTest, StorageTypeMustMatch) {
  StorageParams table = FullS3();
  StorageParams conn;
  conn.type = "fs";
  auto change = CredentialsFromConnection(table, conn);
  ASSERT_FALSE(change.ok());
  EXPECT_EQ(change.status().code(), ErrorCode::StorageOther);
}

}  // namespace
}  // namespace strata
