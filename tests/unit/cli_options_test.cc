#include "cli/cli_options.h"

#include <gtest/gtest.h>

#include <map>

#include "main/version.h"

namespace strata {
namespace {

CliParseOutcome Parse(std::vector<std::string> args,
                      std::map<std::string, std::string> env = {{"HOME", "/home/u"}}) {
  args.insert(args.begin(), "strata");
  return ParseCliOptions(args, [env](const std::string& name) -> std::optional<std::string> {
    auto it = env.find(name);
    if (it == env.end()) return std::nullopt;
    return it->second;
  });
}

TEST(CliOptionsTest, DefaultsUseHomeDirectory) {
  CliParseOutcome o = Parse({});
  ASSERT_FALSE(o.exit_code);
  EXPECT_EQ(o.options.data_dir, "/home/u/.strata");
  EXPECT_EQ(o.options.history_file, "/home/u/.strata_history");
  EXPECT_FALSE(o.options.command);
  EXPECT_FALSE(o.options.file);
  EXPECT_FALSE(o.options.output);
  EXPECT_FALSE(o.options.header);
}

TEST(CliOptionsTest, DataDirComesFromFlagThenEnvironmentThenHome) {
  EXPECT_EQ(Parse({}, {{"HOME", "/h"}, {"STRATA_DATA_DIR", "/env/dir"}}).options.data_dir,
            "/env/dir");
  EXPECT_EQ(Parse({"--data-dir", "/flag"}, {{"HOME", "/h"}, {"STRATA_DATA_DIR", "/env"}})
                .options.data_dir,
            "/flag");
  EXPECT_EQ(Parse({}, {{"HOME", "/h"}, {"STRATA_DATA_DIR", ""}}).options.data_dir, "/h/.strata");
}

TEST(CliOptionsTest, TableStorageComesFromFlagsThenEnvironment) {
  CliParseOutcome flags = Parse({"--table-storage", "s3://b/r/", "--table-storage-connection", "c"},
                                {{"HOME", "/h"}, {"STRATA_TABLE_STORAGE", "s3://env/"}});
  ASSERT_FALSE(flags.exit_code);
  EXPECT_EQ(flags.options.table_storage, "s3://b/r/");
  EXPECT_EQ(flags.options.table_storage_connection, "c");
  CliParseOutcome env = Parse({}, {{"HOME", "/h"},
                                   {"STRATA_TABLE_STORAGE", "s3://env/"},
                                   {"STRATA_TABLE_STORAGE_CONNECTION", "env_conn"}});
  ASSERT_FALSE(env.exit_code);
  EXPECT_EQ(env.options.table_storage, "s3://env/");
  EXPECT_EQ(env.options.table_storage_connection, "env_conn");
  EXPECT_TRUE(Parse({}).options.table_storage.empty());
}

TEST(CliOptionsTest, AConnectionWithoutTableStorageIsAUsageError) {
  CliParseOutcome o = Parse({"--table-storage-connection", "c"});
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_NE(o.err_text.find("needs --table-storage"), std::string::npos) << o.err_text;
}

TEST(CliOptionsTest, NoHomeAndNoDataDirIsAnError) {
  CliParseOutcome o = Parse({}, {});
  ASSERT_TRUE(o.exit_code);
  EXPECT_EQ(*o.exit_code, 1);
  EXPECT_NE(o.err_text.find("--data-dir"), std::string::npos);
  EXPECT_FALSE(Parse({"--data-dir", "/d"}, {}).exit_code);
}

TEST(CliOptionsTest, CommandFileOutputAndHeader) {
  CliParseOutcome o = Parse({"-c", "SELECT 1; SELECT 2", "--output", "CSV", "--header"});
  ASSERT_FALSE(o.exit_code) << o.err_text;
  EXPECT_EQ(o.options.command, "SELECT 1; SELECT 2");
  EXPECT_EQ(o.options.output, OutputFormat::kCsv);
  EXPECT_TRUE(o.options.header);
  CliParseOutcome f = Parse({"-f", "script.sql", "--output=json"});
  ASSERT_FALSE(f.exit_code) << f.err_text;
  EXPECT_EQ(f.options.file, "script.sql");
  EXPECT_EQ(f.options.output, OutputFormat::kJson);
}

TEST(CliOptionsTest, VersionAndHelpExitZero) {
  CliParseOutcome v = Parse({"--version"});
  ASSERT_TRUE(v.exit_code);
  EXPECT_EQ(*v.exit_code, 0);
  EXPECT_EQ(v.out_text, "strata " + std::string(kStrataVersion) + "\n");
  CliParseOutcome h = Parse({"--help"});
  ASSERT_TRUE(h.exit_code);
  EXPECT_EQ(*h.exit_code, 0);
  EXPECT_NE(h.out_text.find("--output"), std::string::npos);
  EXPECT_NE(h.out_text.find("--data-dir"), std::string::npos);
}

TEST(CliOptionsTest, BadArgumentsExitNonZeroWithAMessage) {
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"--output", "xml"}, {"--nope"}, {"-c", "SELECT 1", "-f", "x.sql"}, {"-c"}}) {
    CliParseOutcome o = Parse(args);
    ASSERT_TRUE(o.exit_code) << args[0];
    EXPECT_EQ(*o.exit_code, 2) << args[0];
    EXPECT_FALSE(o.err_text.empty()) << args[0];
  }
}

}  // namespace
}  // namespace strata
