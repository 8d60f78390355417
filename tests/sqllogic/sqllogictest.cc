// strata_sqllogictest: runs sqllogictest files (see sqllogic/test_file.h) against strata.
//   strata_sqllogictest [--data-dir DIR] [--tables-on-s3] [--verbose] PATH...
// PATHs are .test files or directories searched recursively for *.test. Prints a failure
// report per mismatching record and finally "N passed, N failed[, N skipped]"; exits 1
// when anything failed. --tables-on-s3 keeps ordinary tables' data on the test S3 server
// (STRATA_TEST_S3_*, see unit/storage/s3_test_env.h) instead of the data directory, so
// every table test also runs against S3; it exits 77 (skipped) when no server is set.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

#include "sqllogic/test_runner.h"
#include "unit/storage/s3_test_env.h"

int main(int argc, char** argv) {
  using strata::sqllogic::TestRunner;
  CLI::App app{"Runs sqllogictest files against strata.", "strata_sqllogictest"};
  TestRunner::Options options;
  std::vector<std::string> paths;
  app.add_option("--data-dir", options.shared_data_dir,
                 "Use this data directory for every file instead of a fresh one each");
  bool tables_on_s3 = false;
  app.add_flag("--tables-on-s3", tables_on_s3,
               "Keep ordinary tables' data on the test S3 server (STRATA_TEST_S3_*)");
  app.add_flag("-v,--verbose", options.verbose, "Print a line for every file");
  app.add_option("paths", paths, ".test files or directories")->required();
  CLI11_PARSE(app, argc, argv);

  auto env = [](const std::string& name) -> std::optional<std::string> {
    const char* v = std::getenv(name.c_str());
    if (v == nullptr) return std::nullopt;
    return std::string(v);
  };
  constexpr int kSkipped = 77;  // ctest's SKIP_RETURN_CODE
  if (tables_on_s3 && !strata::testing_s3::S3Params("probe")) {
    std::cout << "skipped: " << strata::testing_s3::kS3SkipMessage << std::endl;
    return kSkipped;
  }
  auto open = [tables_on_s3](
                  const std::string& data_dir) -> strata::Result<strata::sqllogic::OpenedSession> {
    strata::DatabaseOptions db_options(data_dir);
    // A fresh root for every data directory: table ids restart at 1 in each.
    if (tables_on_s3) db_options.table_storage = strata::testing_s3::S3Params("sqllogic");
    strata::Result<std::shared_ptr<strata::Database>> db = strata::Database::Open(db_options);
    if (!db.ok()) return db.status();
    strata::sqllogic::OpenedSession opened;
    opened.database = std::move(db).value();
    opened.session = opened.database->NewSession();
    return opened;
  };
  TestRunner runner(options, std::cout, env, open);
  std::vector<std::string> missing;
  std::vector<std::string> files = strata::sqllogic::CollectTestFiles(paths, &missing);
  for (const std::string& m : missing) runner.AddFileFailure(m, "no such file or directory");
  for (const std::string& f : files) runner.RunFile(f);
  std::cout << runner.Summary() << std::endl;
  return runner.counts().failed > 0 ? 1 : 0;
}
