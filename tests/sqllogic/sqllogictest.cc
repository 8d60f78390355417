// strata_sqllogictest: runs sqllogictest files (see sqllogic/test_file.h) against strata.
//   strata_sqllogictest [--data-dir DIR] [--verbose] PATH...
// PATHs are .test files or directories searched recursively for *.test. Prints a failure
// report per mismatching record and finally "N passed, N failed[, N skipped]"; exits 1
// when anything failed.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

#include "sqllogic/test_runner.h"

int main(int argc, char** argv) {
  using strata::sqllogic::TestRunner;
  CLI::App app{"Runs sqllogictest files against strata.", "strata_sqllogictest"};
  TestRunner::Options options;
  std::vector<std::string> paths;
  app.add_option("--data-dir", options.shared_data_dir,
                 "Use this data directory for every file instead of a fresh one each");
  app.add_flag("-v,--verbose", options.verbose, "Print a line for every file");
  app.add_option("paths", paths, ".test files or directories")->required();
  CLI11_PARSE(app, argc, argv);

  auto env = [](const std::string& name) -> std::optional<std::string> {
    const char* v = std::getenv(name.c_str());
    if (v == nullptr) return std::nullopt;
    return std::string(v);
  };
  auto open = [](const std::string& data_dir) -> strata::Result<strata::sqllogic::OpenedSession> {
    strata::Result<std::shared_ptr<strata::Database>> db =
        strata::Database::Open(strata::DatabaseOptions{data_dir});
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
