// The `strata` program: see cli/cli_options.h for its arguments and cli/shell.h for how
// statements run and print.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "catalog/connection_options.h"
#include "cli/cli_options.h"
#include "cli/readline_source.h"
#include "cli/shell.h"
#include "main/allocator_tuning.h"
#include "main/database.h"
#include "main/version.h"

namespace strata {
namespace {

std::optional<std::string> GetEnv(const std::string& name) {
  const char* v = std::getenv(name.c_str());
  if (v == nullptr) return std::nullopt;
  return std::string(v);
}

int ReportError(const Status& status) {
  std::cout.flush();
  std::cerr << "Error: " << status.ToString() << '\n';
  return 1;
}

Result<std::string> ReadScriptFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Error(ErrorCode::BadArguments,
                 "cannot read script '" + path + "': " + std::strerror(errno));
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Error(ErrorCode::BadArguments, "cannot read script '" + path + "'");
  return text.str();
}

int Run(int argc, char** argv) {
  std::vector<std::string> args(argv, argv + argc);
  CliParseOutcome parsed = ParseCliOptions(args, GetEnv);
  if (parsed.exit_code) {
    std::cout << parsed.out_text;
    std::cerr << parsed.err_text;
    return *parsed.exit_code;
  }
  const CliOptions& opts = parsed.options;
  const bool stdin_tty = isatty(STDIN_FILENO) != 0;
  const bool stdout_tty = isatty(STDOUT_FILENO) != 0;
  const bool stderr_tty = isatty(STDERR_FILENO) != 0;

  // Read the script before opening the database so a wrong path fails fast.
  std::string script;
  if (opts.file) {
    Result<std::string> text = ReadScriptFile(*opts.file);
    if (!text.ok()) return ReportError(text.status());
    script = std::move(text).value();
  }

  DatabaseOptions db_options;
  db_options.data_dir = opts.data_dir;
  if (!opts.table_storage.empty()) {
    Result<StorageParams> location = ParseLocation(opts.table_storage);
    if (!location.ok()) return ReportError(location.status());
    db_options.table_storage = std::move(location).value();
    db_options.table_storage_connection = opts.table_storage_connection;
  }
  Result<std::shared_ptr<Database>> db = Database::Open(db_options);
  if (!db.ok()) return ReportError(db.status());
  std::unique_ptr<Session> session = (*db)->NewSession();

  ShellOptions shell_options;
  shell_options.format =
      opts.output.value_or(stdout_tty ? OutputFormat::kTable : OutputFormat::kTsv);
  shell_options.header = opts.header;
  shell_options.footers = stdout_tty;
  shell_options.progress = stderr_tty;
  Shell shell(session.get(), shell_options, std::cout, std::cerr);

  if (opts.command) return shell.RunScript(*opts.command) ? 0 : 1;
  if (opts.file) return shell.RunScript(script, *opts.file) ? 0 : 1;
  if (!stdin_tty) {
    std::string input(std::istreambuf_iterator<char>(std::cin), {});
    return shell.RunScript(input) ? 0 : 1;
  }
  std::cerr << "strata " << kStrataVersion << ". Statements end with ';'. "
            << "Type exit or press Ctrl-D to leave.\n";
  ReadlineSource lines(opts.history_file);
  shell.RunInteractive(lines);
  return 0;
}

}  // namespace
}  // namespace strata

int main(int argc, char** argv) {
  strata::TuneAllocatorForScans();
  std::ios::sync_with_stdio(false);
  return strata::Run(argc, argv);
}
